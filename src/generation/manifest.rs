//! `MANIFEST.json`: what a generation holds and how to check it.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{GenerationError, format};
use crate::domain::Category;

/// The manifest's file name.
pub const MANIFEST: &str = "MANIFEST.json";
/// The number sets file.
pub const SETS: &str = "sets.bin";
/// National register metadata.
pub const NATIONAL_FST: &str = "national.fst";
/// List entry metadata.
pub const LISTS_FST: &str = "lists.fst";

/// Length and checksum of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInfo {
    /// Length in bytes.
    pub len: u64,
    /// xxh3-64 of the whole file.
    pub xxh3: u64,
}

/// Where a number set lies in the body of `sets.bin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetRange {
    /// Byte offset in the body.
    pub offset: u64,
    /// Length in bytes.
    pub len: u64,
}

/// What a list is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ListKind {
    /// A centre's internal do-not-call list; values: day added.
    CentreDnc,
    /// A client's internal do-not-call list; values: day added.
    ClientDnc,
    /// A client's customers in one product category; values: start and end days.
    Customers {
        /// The product category.
        category: Category,
    },
    /// A client's express requests; values: requested and expiry days.
    Express,
}

/// One list in the generation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListInfo {
    /// Key prefix in `lists.fst`.
    pub no: u32,
    /// What the list is.
    #[serde(flatten)]
    pub kind: ListKind,
    /// The centre or client that owns it.
    pub owner: String,
    /// Where the list came from (norm 4.2 a).
    pub source_reference: String,
    /// Distinct numbers on it.
    pub count: u64,
    /// Its number set.
    pub set: SetRange,
    /// Customers and express requests: the value of every entry (`u64` LE, as in `lists.fst`)
    /// in ascending number order in `sets.bin`, so the wash reads a value by the number's
    /// position in the list instead of searching `lists.fst`. Absent in generations built
    /// before it was added (they use `lists.fst`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<SetRange>,
    /// Customers and express requests with several entries for one number: their values
    /// (see [`super::ListValues`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<SetRange>,
    /// Internal lists: when the delivery the list was built from was imported (a delivery
    /// imported after an API removal of a number blocks it again; `docs/domain.md`, "Internal
    /// lists over time"). None for a catalogue file that was never imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<DateTime<Utc>>,
}

/// The national register part of a generation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NationalInfo {
    /// When the snapshot was taken.
    pub snapshot_date: NaiveDate,
    /// True when the snapshot date was stamped at build time (sample or synthetic data).
    pub snapshot_date_stamped: bool,
    /// Where it came from.
    pub source_reference: String,
    /// Reservations (rows) in the snapshot, including those against addressed mail only (which
    /// are counted but not indexed: they do not restrict calls).
    pub reservations: u64,
    /// Persons with a telephone reservation, in the person index (`person-*` files).
    #[serde(default)]
    pub persons: u64,
    /// Reserved numbers with a registration date in the snapshot (kept in `national.fst`).
    pub dated_numbers: u64,
    /// Distinct numbers reserved against telephone marketing.
    pub numbers: u64,
    /// Of those, numbers whose reservation also covers voluntary organisations.
    pub voluntary_numbers: u64,
    /// The telephone set.
    pub set: SetRange,
    /// The voluntary set.
    pub voluntary_set: SetRange,
}

/// The manifest of a generation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Format version of the generation as a whole.
    pub format_version: u32,
    /// Generation id (also its directory name).
    pub id: String,
    /// When it was built.
    pub created_at: DateTime<Utc>,
    /// Default region used to normalise its sources.
    pub default_region: String,
    /// Opt-out journal records folded in: every record with seq ≤ this.
    pub journal_seq: u64,
    /// The national register.
    pub national: NationalInfo,
    /// Every list.
    pub lists: Vec<ListInfo>,
    /// Every number on any list: the wash skips all list lookups for a number not in it.
    pub listed: SetRange,
    /// Every file but the manifest, with its length and checksum.
    pub files: BTreeMap<String, FileInfo>,
    /// xxh3-64 of this manifest serialised with `checksum` = 0.
    pub checksum: u64,
}

/// Why serialising a manifest cannot fail: it is plain data (numbers, strings, and maps keyed by
/// strings) written into a `Vec`, so serde_json has no error to report. A failure would be a
/// bug in this file, and an empty manifest would hide it behind a checksum of nothing.
const SERIALISES: &str = "a manifest is plain data with string map keys and always serialises";

impl Manifest {
    fn compute_checksum(&self) -> u64 {
        let mut copy = self.clone();
        copy.checksum = 0;
        let bytes = serde_json::to_vec(&copy).expect(SERIALISES);
        xxhash_rust::xxh3::xxh3_64(&bytes)
    }

    /// Serialises with a fresh checksum.
    pub fn to_bytes(&mut self) -> Vec<u8> {
        self.checksum = self.compute_checksum();
        serde_json::to_vec_pretty(self).expect(SERIALISES)
    }

    /// Reads and checks the manifest in `dir`.
    pub fn read(dir: &Path) -> Result<Manifest, GenerationError> {
        let path = dir.join(MANIFEST);
        let bytes = std::fs::read(&path).map_err(GenerationError::io(&path))?;
        let manifest: Manifest =
            serde_json::from_slice(&bytes).map_err(|e| GenerationError::Corrupt {
                file: MANIFEST.to_owned(),
                why: e.to_string(),
            })?;
        if manifest.format_version != format::VERSION {
            return Err(GenerationError::Version {
                file: MANIFEST.to_owned(),
                expected: format::VERSION,
                got: manifest.format_version,
            });
        }
        let got = manifest.compute_checksum();
        if got != manifest.checksum {
            return Err(GenerationError::ChecksumMismatch {
                file: MANIFEST.to_owned(),
                expected: manifest.checksum,
                got,
            });
        }
        Ok(manifest)
    }
}
