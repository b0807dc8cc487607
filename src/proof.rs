//! The proof of wash as a centre reads it: the records of the audit trail of its own centre
//! (never another centre's), narrowed by client, campaign and day, the washes of a day, and
//! the washes as CSV for the compliance officer's files. The chain is checked as the trail is
//! read ([`crate::audit::read`]); a broken trail is an error, never a partial answer.

use std::io::Write;

use chrono::NaiveDate;

use crate::app::App;
use crate::audit::{self, AuditRecord, Entry};
use crate::auth::Principal;
use crate::error::RequestError;

/// Which proof-of-wash records to read: all of the principal's centre, narrowed by client,
/// campaign and the day range (in the country's time zone, both ends included).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProofQuery {
    /// Only this client (must be one the principal serves).
    pub client: Option<String>,
    /// Only campaigns whose id contains this (case-insensitive).
    pub campaign: Option<String>,
    /// From this day.
    pub from: Option<NaiveDate>,
    /// To this day.
    pub to: Option<NaiveDate>,
    /// Washes only (not Explains and console actions).
    pub washes_only: bool,
}

/// The records of the audit trail `who` may read that match `q`, oldest first. The chain is
/// checked as the trail is read: a broken trail is an error, never a partial answer.
/// Blocking (reads the trail).
pub fn proofs(app: &App, who: &Principal, q: &ProofQuery) -> Result<Vec<Entry>, RequestError> {
    let client = match q.client.as_deref().filter(|c| !c.trim().is_empty()) {
        Some(c) => Some(who.client("client", c.trim())?),
        None => None,
    };
    let campaign = q
        .campaign
        .as_deref()
        .map(|c| c.trim().to_lowercase())
        .filter(|c| !c.is_empty());
    let policy = app.engine().policy();
    let entries =
        audit::read(&app.config().audit, app.config().audit_key.as_ref()).map_err(|e| {
            tracing::error!(error = %e, "reading the audit trail failed");
            RequestError::Unavailable(format!("could not read the audit trail: {e}"))
        })?;
    Ok(entries
        .into_iter()
        .filter(|e| {
            let r = &e.record;
            let day = policy.today(r.at());
            r.centre() == who.centre.as_str()
                && client.as_ref().is_none_or(|c| r.client() == c.as_str())
                && q.from.is_none_or(|f| day >= f)
                && q.to.is_none_or(|t| day <= t)
                && (!q.washes_only || matches!(r, AuditRecord::Wash(_)))
                && campaign.as_ref().is_none_or(|c| {
                    let id = match r {
                        AuditRecord::Wash(w) => &w.campaign,
                        AuditRecord::Explain(x) => &x.campaign,
                        AuditRecord::Console(_) => return false,
                    };
                    id.to_lowercase().contains(c.as_str())
                })
        })
        .collect())
}

/// The washes of the principal's centre on `day` (in the country's time zone).
pub fn washes_on(app: &App, who: &Principal, day: NaiveDate) -> Result<usize, RequestError> {
    let q = ProofQuery {
        from: Some(day),
        to: Some(day),
        washes_only: true,
        ..ProofQuery::default()
    };
    Ok(proofs(app, who, &q)?.len())
}

/// Writes wash records as CSV (one row per wash: seq, wash id, times, who, for whom, source
/// reference, counts, generation, snapshot date, input SHA-256). Other records are skipped.
pub fn write_washes_csv<W: Write>(entries: &[Entry], out: W) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "seq",
        "wash_id",
        "at",
        "calls_at",
        "via",
        "centre",
        "key_or_user",
        "client",
        "campaign",
        "purpose",
        "caller",
        "category",
        "source_reference",
        "numbers",
        "allowed",
        "counts",
        "generation",
        "snapshot_date",
        "input_sha256",
        "chain",
    ])?;
    for e in entries {
        let AuditRecord::Wash(r) = &e.record else {
            continue;
        };
        let counts = r
            .counts
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("|");
        w.write_record([
            e.seq.to_string().as_str(),
            &r.wash_id,
            &r.at.to_rfc3339(),
            &r.calls_at.to_rfc3339(),
            &r.via,
            &r.centre,
            &r.key_id,
            &r.client,
            &r.campaign,
            &r.purpose,
            &r.caller,
            &r.category,
            &r.source_reference,
            &r.numbers.to_string(),
            &r.allowed.to_string(),
            &counts,
            &r.generation,
            &r.snapshot_date,
            &r.input_sha256,
            &e.chain,
        ])?;
    }
    w.flush()?;
    Ok(())
}
