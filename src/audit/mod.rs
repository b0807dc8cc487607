//! The audit trail: proof of every wash and every Explain (who, when, for whom, against which
//! generation and snapshot, with which result), append-only and chained with a keyed hash, so
//! that a record cannot be edited, removed or added afterwards without `vask audit verify`
//! saying so. No phone number is stored: a wash records a SHA-256 of its normalised input, an
//! Explain a keyed hash of its number.
//!
//! # Format
//! `audit.log` is text. Its first line is `vask-audit 2 <key fingerprint>`; every other line
//! is `<seq> <chain> <json>`, where `seq` counts records from 1, `json` is the record and
//! `chain` is HMAC-SHA256 under the trail's key of the previous line's chain, the seq and the
//! json (the header line's chain is the HMAC of the header). Editing or deleting a record, or
//! inserting one, breaks the chain at that point; recomputing the chain needs the key.
//!
//! # Anchors
//! The chain alone cannot show that the newest records were cut off, nor that someone with
//! the key rewrote the whole trail. [`checkpoint`] gives the signed head of the trail (seq,
//! chain, time); the compliance officer keeps it somewhere else, and [`verify`] with it
//! proves that every record up to that head is still there unchanged.
//!
//! # Key
//! The key comes from the configuration (`audit_key`, or `VASK_AUDIT_KEY`). Without one the
//! trail generates a key into `KEY` beside it (mode 0600): the chain then still shows
//! accidental damage, and checkpoints still anchor the trail, but whoever can read the
//! directory can recompute the chain.
//!
//! # Durability and torn records
//! A record is written with one `write` under an exclusive `flock` (the server and `vask wash`
//! may append to one trail) before the wash is answered, so it survives a crash of the
//! process; a thread fsyncs every [`SYNC_INTERVAL`], so a power cut loses at most that much.
//! A record that could not be written whole is cut off again before the error is returned,
//! and a torn last line (a crash mid-write) is cut off before the next append and at open:
//! the trail never holds a torn record between two whole ones. A failed append is an error
//! to the caller, whose wash must then fail: there is no unaudited wash.
//!
//! # Files
//! - `record.rs`: the records ([`WashRecord`], [`ExplainRecord`], [`ConsoleRecord`] in an
//!   [`AuditRecord`]), their ids, and the [`InputHasher`] a wash record holds instead of numbers.
//! - `chain.rs`: the keyed chain: the [`AuditKey`], its HMAC, the header and the line format.
//! - `writer.rs`: the open trail, [`AuditLog`]: open, append under a lock, the fsync thread.
//! - `tail.rs`: the end of the file read backwards: the head to append after, a torn record cut
//!   off.
//! - `verify.rs`: reading the trail back ([`read`]), [`checkpoint`]s and [`verify`].
//! - `tests.rs`: two writers, torn and failed appends, tampering, checkpoints, keys.

mod chain;
mod record;
mod tail;
mod verify;
mod writer;

use std::path::{Path, PathBuf};
use std::time::Duration;

pub use chain::AuditKey;
pub use record::{
    AuditRecord, ConsoleRecord, Entry, ExplainRecord, InputHasher, WashRecord, new_id,
};
pub use verify::{Checkpoint, checkpoint, read, verify};
pub use writer::AuditLog;

/// How often written records are fsynced.
pub const SYNC_INTERVAL: Duration = Duration::from_millis(50);
/// Shortest audit key accepted (128 bits).
pub const MIN_KEY_BYTES: usize = 16;
const FILE: &str = "audit.log";
const KEY_FILE: &str = "KEY";
const HEADER: &str = "vask-audit 2";

/// Why the audit trail failed.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// Reading or writing failed.
    #[error("audit trail {}: {source}", path.display())]
    Io {
        /// The file read or written (the trail or its key).
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A line is not a valid record, or the chain is broken there.
    #[error("audit trail line {line}: {why}")]
    Corrupt {
        /// 1-based line of the file.
        line: usize,
        /// What is wrong.
        why: String,
    },
    /// The trail was chained with another key than the one given.
    #[error(
        "the audit trail was written with another key (fingerprint {found}, this key {expected}); use the key it was written with"
    )]
    WrongKey {
        /// Fingerprint in the trail's header.
        found: String,
        /// Fingerprint of the key given.
        expected: String,
    },
    /// A checkpoint does not match the trail.
    #[error("checkpoint of record {seq}: {why}")]
    Checkpoint {
        /// The checkpoint's seq.
        seq: u64,
        /// What does not match.
        why: String,
    },
    /// An earlier append failed in a way that could not be undone; this process appends no
    /// more until the trail is reopened (which cuts the torn record off).
    #[error("the audit trail refuses appends since an earlier write failed: {0}")]
    Failed(String),
}

impl AuditError {
    /// Turns an I/O error on `path` into [`AuditError::Io`].
    fn io(path: &Path) -> impl Fn(std::io::Error) -> AuditError + Copy + '_ {
        move |source| AuditError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

#[cfg(test)]
mod tests;
