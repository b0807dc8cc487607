//! The records of the trail: a wash, an Explain, a console action, their ids, and the hash of a
//! washed list ([`InputHasher`]) that a wash record holds instead of the numbers.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[cfg(doc)]
use super::AuditKey;

/// One wash, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WashRecord {
    /// Unique id, returned to the caller.
    pub wash_id: String,
    /// When the wash ran.
    pub at: DateTime<Utc>,
    /// The instant the calls are washed for (the request's `at`, or when it ran).
    pub calls_at: DateTime<Utc>,
    /// `grpc`, `grpc_stream`, `http`, `cli`, `console`.
    pub via: String,
    /// The centre.
    pub centre: String,
    /// Id of the API key or user that washed (`cli` in-process).
    pub key_id: String,
    /// The client.
    pub client: String,
    /// Campaign id as given.
    pub campaign: String,
    /// The purpose, as declared and allowed by the client's configuration.
    pub purpose: String,
    /// The client's configured kind: business or voluntary.
    pub caller: String,
    /// Product category, if any.
    pub category: String,
    /// The lead list's source reference (norm 4.2 a).
    pub source_reference: String,
    /// Whether the calling window was checked.
    pub calling_window: bool,
    /// Person-matching strictness used for leads with persons.
    pub strictness: String,
    /// Numbers washed.
    pub numbers: u64,
    /// Numbers allowed.
    pub allowed: u64,
    /// Numbers per reason flag.
    pub counts: BTreeMap<String, u64>,
    /// Generation washed against.
    pub generation: String,
    /// National snapshot date.
    pub snapshot_date: String,
    /// SHA-256 over the normalised numbers, each as a big-endian u64 (0 where invalid), in order.
    pub input_sha256: String,
}

/// One Explain of a number (or a person), as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplainRecord {
    /// Unique id, returned to the caller.
    pub audit_id: String,
    /// When it ran.
    pub at: DateTime<Utc>,
    /// The instant asked about.
    pub calls_at: DateTime<Utc>,
    /// `grpc`, `http`, `console`.
    pub via: String,
    /// The centre.
    pub centre: String,
    /// Id of the API key or user.
    pub key_id: String,
    /// The client.
    pub client: String,
    /// Campaign id as given.
    pub campaign: String,
    /// The purpose.
    pub purpose: String,
    /// The client's configured kind.
    pub caller: String,
    /// Product category, if any.
    pub category: String,
    /// [`AuditKey::number_hash`] of the number; empty when only a person was asked about.
    pub number_hash: String,
    /// A person was given.
    pub person: bool,
    /// The verdict code.
    pub verdict: u32,
    /// Generation.
    pub generation: String,
    /// National snapshot date.
    pub snapshot_date: String,
}

/// One action of a person in the web console (signing in, an opt-out, an export, a refusal),
/// as recorded. A wash or an Explain done in the console is recorded as a [`WashRecord`] or an
/// [`ExplainRecord`] (`via = "console"`, `key_id` the user) instead. Never a phone number or a
/// name: a number is named by [`AuditKey::number_hash`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleRecord {
    /// Unique id.
    pub audit_id: String,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// The user's id (username); empty for a sign-in with an unknown username.
    pub user: String,
    /// The user's centre.
    pub centre: String,
    /// The client concerned, if any.
    pub client: String,
    /// What was done: `login`, `login_failed`, `logout`, `add_reservation`,
    /// `remove_reservation`, `wash`, `explain`, `download_washed`, `download_proof`,
    /// `export_proofs`, `verify_trail`, `reload`.
    pub action: String,
    /// What it was done to: `wash:<id>`, `number:<hash>`, `list:<centre|client>:<id>`, a filter.
    pub target: String,
    /// `ok`, or why it was refused ([`crate::error::RequestError::code`]).
    pub outcome: String,
}

/// A unique id of a record: a wash (`w…`), an Explain (`x…`) or a console action (`c…`),
/// made of the time and 32 random bits.
pub fn new_id(prefix: char, now: DateTime<Utc>) -> String {
    format!(
        "{prefix}{}-{:08x}",
        now.format("%Y%m%dT%H%M%S%.6fZ"),
        rand::random::<u32>()
    )
}

impl ConsoleRecord {
    /// A record of `action` by `user` of `centre` at `at`, with a fresh id (`c…`); client,
    /// target and outcome (`ok`) to be filled in.
    pub fn new(at: DateTime<Utc>, user: &str, centre: &str, action: &str) -> ConsoleRecord {
        ConsoleRecord {
            audit_id: new_id('c', at),
            at,
            user: user.to_owned(),
            centre: centre.to_owned(),
            client: String::new(),
            action: action.to_owned(),
            target: String::new(),
            outcome: "ok".to_owned(),
        }
    }
}

/// A record of the trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AuditRecord {
    /// A wash of a list (Wash, WashStream, `vask wash`, an upload in the console).
    Wash(WashRecord),
    /// An Explain of one number or person.
    Explain(ExplainRecord),
    /// An action of a person in the web console.
    Console(ConsoleRecord),
}

impl AuditRecord {
    /// When the recorded action ran.
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            AuditRecord::Wash(r) => r.at,
            AuditRecord::Explain(r) => r.at,
            AuditRecord::Console(r) => r.at,
        }
    }

    /// The centre it was done for.
    pub fn centre(&self) -> &str {
        match self {
            AuditRecord::Wash(r) => &r.centre,
            AuditRecord::Explain(r) => &r.centre,
            AuditRecord::Console(r) => &r.centre,
        }
    }

    /// The client it was done for.
    pub fn client(&self) -> &str {
        match self {
            AuditRecord::Wash(r) => &r.client,
            AuditRecord::Explain(r) => &r.client,
            AuditRecord::Console(r) => &r.client,
        }
    }
}

/// A record read back, with its place in the trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its seq (1, 2, …).
    pub seq: u64,
    /// Its chain value.
    pub chain: String,
    /// The record as it was appended.
    pub record: AuditRecord,
}

/// Hashes a normalised list the way [`WashRecord::input_sha256`] is defined.
#[derive(Default, Clone)]
pub struct InputHasher(Sha256);

impl InputHasher {
    /// Adds numbers in order (0 for an invalid one).
    pub fn update(&mut self, numbers: &[u64]) {
        for n in numbers {
            self.0.update(n.to_be_bytes());
        }
    }

    /// The hex digest.
    pub fn finish(self) -> String {
        hex::encode(self.0.finalize())
    }
}
