//! TEMPORARY stand-in with the journal helper's API; replaced by the real module.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// list
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ListRef {
    /// c
    Centre(String),
    /// c
    Client(String),
}
/// op
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// a
    Add,
    /// r
    Remove,
}
/// entry
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// l
    pub list: ListRef,
    /// n
    pub number: u64,
    /// o
    pub op: Op,
    /// a
    pub actor: String,
    /// r
    pub reason: String,
    /// t
    pub at: DateTime<Utc>,
}
/// record
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// s
    pub seq: u64,
    /// e
    pub entry: Entry,
}
/// err
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// io
    #[error("journal: {0}")]
    Io(#[from] std::io::Error),
}
/// rec
pub struct Recovery {
    /// r
    pub records: Vec<Record>,
    /// d
    pub dropped_tail_bytes: u64,
}
/// j
pub struct Journal {
    path: PathBuf,
    state: Mutex<(std::fs::File, u64)>,
}
impl Journal {
    /// open
    pub fn open(dir: &Path) -> Result<(Journal, Recovery), JournalError> {
        std::fs::create_dir_all(dir)?;
        let records = read_live(dir, 0)?;
        let last = records.last().map_or(0, |r| r.seq);
        let path = dir.join("live.jsonl");
        let f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)?;
        Ok((
            Journal {
                path,
                state: Mutex::new((f, last)),
            },
            Recovery {
                records,
                dropped_tail_bytes: 0,
            },
        ))
    }
    /// append
    pub async fn append(&self, entries: Vec<Entry>) -> Result<Vec<u64>, JournalError> {
        let mut s = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut seqs = vec![];
        for entry in entries {
            s.1 += 1;
            let r = Record { seq: s.1, entry };
            let line = serde_json::to_string(&r).unwrap_or_default();
            writeln!(s.0, "{line}")?;
            seqs.push(s.1);
        }
        s.0.sync_data()?;
        Ok(seqs)
    }
    /// last
    pub fn last_seq(&self) -> u64 {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .1
    }
    /// compact
    pub fn compact(&self, _folded: u64) -> Result<(), JournalError> {
        Ok(())
    }
    /// history
    pub fn history(&self) -> Result<Vec<Record>, JournalError> {
        read_live(self.path.parent().unwrap_or(Path::new(".")), 0)
    }
}
/// read
pub fn read_live(dir: &Path, after: u64) -> Result<Vec<Record>, JournalError> {
    let text = match std::fs::read_to_string(dir.join("live.jsonl")) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(e.into()),
    };
    Ok(text
        .lines()
        .filter_map(|l| serde_json::from_str::<Record>(l).ok())
        .filter(|r| r.seq > after)
        .collect())
}
/// all
pub fn read_all(dir: &Path) -> Result<Vec<Record>, JournalError> {
    read_live(dir, 0)
}
