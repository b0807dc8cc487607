//! Proof of wash: an append-only, hash-chained log of every wash (who, when, for whom, against
//! which generation and snapshot, with which result, and a SHA-256 of the normalised input).
//! No phone number is stored.
//!
//! Durability: a record is written to the file (one `write`) before the wash is answered, so
//! it survives a crash or `kill -9` of the server; a background thread fsyncs the file every
//! [`SYNC_INTERVAL`], so a power cut loses at most that much. (An fsync per wash would cost
//! 0.2–3 ms on this machine's disk, more than a single-number wash may take.)
//!
//! Each line is `<sha256 of previous line> <json>`: editing or deleting a record breaks the chain
//! at that point, which `vask audit verify` reports.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How often written records are fsynced.
pub const SYNC_INTERVAL: Duration = Duration::from_millis(50);
const FILE: &str = "audit.log";

/// Why the audit log failed.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// Reading or writing failed.
    #[error("audit log {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// A line is not a valid record.
    #[error("audit log line {line}: {why}")]
    Corrupt {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        why: String,
    },
}

/// One wash, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WashRecord {
    /// Unique id, returned to the caller.
    pub wash_id: String,
    /// When the wash ran.
    pub at: DateTime<Utc>,
    /// `wash`, `wash_stream` or `cli`.
    pub via: String,
    /// The centre.
    pub centre: String,
    /// Id of the API key used (empty from the CLI).
    pub key_id: String,
    /// The client.
    pub client: String,
    /// Campaign id as given.
    pub campaign: String,
    /// sales, market_research, fundraising.
    pub purpose: String,
    /// business, voluntary.
    pub caller: String,
    /// Product category, if any.
    pub category: String,
    /// The lead list's source reference (norm 4.2 a).
    pub source_reference: String,
    /// Numbers washed.
    pub numbers: u64,
    /// Numbers allowed.
    pub allowed: u64,
    /// Numbers per reason flag.
    pub counts: std::collections::BTreeMap<String, u64>,
    /// Generation washed against.
    pub generation: String,
    /// National snapshot date.
    pub snapshot_date: String,
    /// SHA-256 over the normalised numbers, each as a big-endian u64 (0 where invalid), in order.
    pub input_sha256: String,
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

struct Inner {
    file: File,
    /// Hash of the last line, as of `len`.
    prev: String,
    /// File length after the last line this process read or wrote.
    len: u64,
}

/// Hash of the last complete line in the last 64 KiB of `file`, and the file's length.
fn tail_hash(file: &mut File) -> std::io::Result<(String, u64)> {
    let len = file.metadata()?.len();
    let start = len.saturating_sub(1 << 16);
    file.seek(SeekFrom::Start(start))?;
    let mut tail = Vec::new();
    file.read_to_end(&mut tail)?;
    let prev = String::from_utf8_lossy(&tail)
        .lines()
        .last()
        .map(line_hash)
        .unwrap_or_else(|| "0".repeat(64));
    Ok((prev, len))
}

/// The open audit log.
pub struct AuditLog {
    path: PathBuf,
    inner: Mutex<Inner>,
    dirty: Arc<AtomicBool>,
    sync_file: File,
}

fn line_hash(line: &str) -> String {
    hex::encode(Sha256::digest(line.as_bytes()))
}

impl AuditLog {
    /// Opens (creating) the log in `dir`, dropping a torn last line, and starts the fsync thread.
    pub fn open(dir: &Path) -> Result<Arc<AuditLog>, AuditError> {
        let path = dir.join(FILE);
        let io = |source| AuditError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let mut file = OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(&path)
            .map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        let start = len.saturating_sub(1 << 16);
        file.seek(SeekFrom::Start(start)).map_err(io)?;
        let mut tail = Vec::new();
        file.read_to_end(&mut tail).map_err(io)?;
        let complete = tail.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        if complete < tail.len() && (start > 0 || complete > 0 || !tail.is_empty()) {
            // A torn last line (crash mid-write): never acknowledged, drop it.
            file.set_len(start + complete as u64).map_err(io)?;
        }
        let (prev, len) = tail_hash(&mut file).map_err(io)?;
        let sync_file = file.try_clone().map_err(io)?;
        let log = Arc::new(AuditLog {
            path: path.clone(),
            inner: Mutex::new(Inner { file, prev, len }),
            dirty: Arc::new(AtomicBool::new(false)),
            sync_file: sync_file.try_clone().map_err(io)?,
        });
        let weak = Arc::downgrade(&log);
        std::thread::Builder::new()
            .name("vask-audit-sync".into())
            .spawn(move || {
                while let Some(log) = weak.upgrade() {
                    log.sync_if_dirty();
                    drop(log);
                    std::thread::sleep(SYNC_INTERVAL);
                }
            })
            .map_err(io)?;
        Ok(log)
    }

    fn sync_if_dirty(&self) {
        if self.dirty.swap(false, Ordering::AcqRel)
            && let Err(e) = self.sync_file.sync_data()
        {
            self.dirty.store(true, Ordering::Release);
            tracing::error!(error = %e, "audit log fsync failed");
        }
    }

    /// Appends a record; it is in the file (not yet fsynced) when this returns.
    ///
    /// The server and a `vask wash` may append to one log: an exclusive `flock` around each
    /// append, and re-reading the last line when another process has written since, keep the
    /// hash chain unbroken.
    pub fn append(&self, record: &WashRecord) -> Result<(), AuditError> {
        let json = serde_json::to_string(record).map_err(|e| AuditError::Corrupt {
            line: 0,
            why: e.to_string(),
        })?;
        let io = |source| AuditError::Io {
            path: self.path.clone(),
            source,
        };
        let mut inner = self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        inner.file.lock().map_err(io)?;
        let written = (|| {
            let inner = &mut *inner;
            if inner.file.metadata()?.len() != inner.len {
                (inner.prev, inner.len) = tail_hash(&mut inner.file)?;
            }
            let line = format!("{} {json}", inner.prev);
            let mut bytes = line.clone().into_bytes();
            bytes.push(b'\n');
            inner.file.write_all(&bytes)?;
            inner.prev = line_hash(&line);
            inner.len += bytes.len() as u64;
            Ok(())
        })();
        let unlocked = inner.file.unlock();
        written.map_err(io)?;
        unlocked.map_err(io)?;
        self.dirty.store(true, Ordering::Release);
        Ok(())
    }

    /// Fsyncs now (on shutdown).
    pub fn sync(&self) -> Result<(), AuditError> {
        self.dirty.store(false, Ordering::Release);
        self.sync_file.sync_data().map_err(|source| AuditError::Io {
            path: self.path.clone(),
            source,
        })
    }
}

/// Reads every record of the log in `dir`, checking the hash chain.
pub fn read(dir: &Path) -> Result<Vec<WashRecord>, AuditError> {
    let path = dir.join(FILE);
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(AuditError::Io { path, source }),
    };
    let mut prev = "0".repeat(64);
    let mut out = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| AuditError::Io {
            path: path.clone(),
            source,
        })?;
        let corrupt = |why: String| AuditError::Corrupt { line: i + 1, why };
        let (chain, json) = line
            .split_once(' ')
            .ok_or_else(|| corrupt("no chain hash".into()))?;
        if chain != prev {
            return Err(corrupt(
                "hash chain broken: a record before this one was altered or removed".into(),
            ));
        }
        out.push(serde_json::from_str(json).map_err(|e| corrupt(e.to_string()))?);
        prev = line_hash(&line);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str) -> WashRecord {
        WashRecord {
            wash_id: id.into(),
            at: Utc::now(),
            via: "cli".into(),
            centre: "c".into(),
            key_id: String::new(),
            client: "k".into(),
            campaign: String::new(),
            purpose: "sales".into(),
            caller: "business".into(),
            category: String::new(),
            source_reference: "test".into(),
            numbers: 2,
            allowed: 1,
            counts: Default::default(),
            generation: "g".into(),
            snapshot_date: "2026-11-01".into(),
            input_sha256: InputHasher::default().finish(),
        }
    }

    #[test]
    fn two_writers_keep_one_unbroken_chain() {
        // The server and a `vask wash` run append to the same log.
        let dir = tempfile::tempdir().unwrap();
        let server = AuditLog::open(dir.path()).unwrap();
        let cli = AuditLog::open(dir.path()).unwrap();
        for i in 0..5 {
            server.append(&record(&format!("s{i}"))).unwrap();
            cli.append(&record(&format!("c{i}"))).unwrap();
        }
        let records = read(dir.path()).expect("chain intact");
        assert_eq!(records.len(), 10);
        assert_eq!(records[9].wash_id, "c4");
    }

    #[test]
    fn records_chain_survive_reopen_and_tampering_is_detected() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::open(dir.path()).unwrap();
        log.append(&record("a")).unwrap();
        log.append(&record("b")).unwrap();
        drop(log);
        let log = AuditLog::open(dir.path()).unwrap();
        log.append(&record("c")).unwrap();
        log.sync().unwrap();
        let ids: Vec<_> = read(dir.path())
            .unwrap()
            .into_iter()
            .map(|r| r.wash_id)
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);

        let path = dir.path().join(FILE);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        lines.remove(1);
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        assert!(matches!(
            read(dir.path()),
            Err(AuditError::Corrupt { line: 2, .. })
        ));
    }

    #[test]
    fn torn_last_line_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::open(dir.path()).unwrap();
        log.append(&record("a")).unwrap();
        drop(log);
        let path = dir.path().join(FILE);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"0000 {\"wash_id\":").unwrap();
        drop(f);
        let log = AuditLog::open(dir.path()).unwrap();
        log.append(&record("b")).unwrap();
        let ids: Vec<_> = read(dir.path())
            .unwrap()
            .into_iter()
            .map(|r| r.wash_id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
    }
}
