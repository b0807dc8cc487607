//! The opt-out journal: the durable record of every add to and removal from a centre's or a
//! client's internal register, from the moment it is acknowledged until a nightly rebuild has
//! folded it into a generation, and forever after as the audit trail (who, when, why, which list).
//!
//! # Why a hand-written append-only file
//! The records are small (≈ 60 to 200 bytes), are only ever appended, and are read back in
//! order: at start (replay into the live overlay), by the rebuild (fold into the next
//! generation) and for audit. An append-only file with a CRC32 per record and one `fdatasync`
//! per batch does exactly that with one write and one fsync per group commit, and its recovery
//! rules (below) fit in a page: on this project's 2-core machine it acknowledges 150 k adds/s
//! from 64 concurrent writers with p99 0.7 ms (`cargo bench --bench journal`, BENCHMARKS.md).
//! redb, the well-kept embedded alternative, would give B-tree pages, MVCC and a second
//! copy-on-write write per commit that nothing here needs, and it does not let an offline
//! rebuild read the file while the server has it open.
//!
//! # Files in the journal directory
//! - `live.journal`: a 40-byte header (magic, [`FORMAT`], the seq below which records have left
//!   the file, and how much of the archive is valid) and then the records not yet compacted.
//! - `history.journal`: the archive: every compacted add and removal, same framing, append only.
//! - `LOCK`: held with an exclusive file lock ([`File::try_lock`]) by the one process that writes the journal.
//!
//! Each record is framed as `len: u32 LE | crc32(len ‖ payload): u32 LE | payload`, and the
//! payload starts with a format byte ([`RECORD_FORMAT`]; records of format 1, written before
//! the centre that made a change was kept, are still read) so a record kind (a person target,
//! say) can be added later. A length above 64 KiB is damage, never an allocation. A record
//! naming a list that is not a valid centre or client id is damage too: it is refused, never
//! dropped.
//!
//! # History
//! Explain shows a number's adds and removals. The journal keeps an index of every record by
//! number in memory (read once at open, extended by every append; compaction moves records
//! between files, not out of the index), so a number's history costs only its own entries.
//!
//! # Durability and group commit
//! One writer thread owns the live file. [`Journal::append`] hands its entries to it and awaits
//! the reply; the writer takes every request waiting at that moment (up to
//! [`MAX_APPEND_ENTRIES`] records), writes them with one `pwrite`, calls `fdatasync` once, and
//! only then replies with the seqs. If a write or fsync fails, every waiting caller gets
//! [`JournalError::Failed`] and the journal refuses all later appends until it is reopened:
//! after a failed fsync the kernel may have dropped the dirty pages, so a retry that succeeds
//! proves nothing (the PostgreSQL "fsyncgate" lesson).
//!
//! # Recovery
//! A record that is short, has an absurd length or fails its CRC is *damaged*. Every record
//! carries the seq that preceded its write batch and a last-in-batch flag. The writer only
//! starts a batch after the previous one was fsynced, so an intact record of a *later* batch
//! behind the damage proves the damaged batch was acknowledged: that is corruption, and opening
//! fails with [`JournalError::Corrupt`]. Otherwise the damage lies in the last batch, which was
//! never acknowledged: it is a torn write, and the whole batch (its intact first records too,
//! and a batch whose last-in-batch record is missing) is truncated away and counted in
//! [`Recovery::dropped_tail_bytes`], so an append is stored whole or not at all. (Damage inside
//! the last batch is indistinguishable from a torn write, so bit rot there is dropped and
//! counted too.)
//!
//! # Seqs
//! Seqs are strictly increasing and never reused, but not contiguous: every reopen of an
//! existing journal writes a marker that skips [`MAX_APPEND_ENTRIES`] seqs, because a batch that
//! was written but never synced (and so may be lost now) could have been seen by an offline
//! [`read_live`] and folded into a generation; its seqs must not name other entries later.
//!
//! # Compaction
//! [`Journal::compact`] moves the records a rebuild has folded to the archive (fsynced), writes a
//! new live file with the later records (temp file, fsync), and asks the writer, between two
//! batches, to copy whatever was appended meanwhile, rename the new file into place and fsync
//! the directory. Appends wait only for that hand-over. A crash at any point leaves either the
//! old or the new live file, and readers skip archive records the live file still holds.
//!
//! # Where the code is
//! - `codec.rs`: the byte layout of headers and records, encoding and decoding;
//! - `recovery.rs`: [`Journal::open`] and the scan that tells a torn write from corruption;
//! - `writer.rs`: the writer thread, group commit and the compaction hand-over;
//! - `compaction.rs`: moving folded records to the archive ([`Journal::compact`]);
//! - `history.rs`: reading records back ([`read_live`], [`read_all`], [`Journal::history`]).

mod codec;
mod compaction;
mod history;
mod recovery;
#[cfg(test)]
mod tests;
mod writer;

use std::fs::{self, File};
use std::io::{self, Read};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::thread::JoinHandle;

use std::collections::HashMap;
use std::sync::RwLock;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::oneshot;

use crate::domain::CentreId;
use crate::fsutil;

pub use history::{read_all, read_live};
use writer::{AppendRequest, Command};

/// The format byte of the file headers.
pub const FORMAT: u8 = 1;
/// The format byte of the records this build writes (it reads 1 and 2).
pub const RECORD_FORMAT: u8 = 2;
/// The most entries one [`Journal::append`] takes (and the most records one fsync covers).
pub const MAX_APPEND_ENTRIES: usize = 4096;
/// The most bytes stored for a list id, an actor or a reason.
pub const MAX_FIELD_BYTES: usize = 16 * 1024;

const LIVE_FILE: &str = "live.journal";
const HISTORY_FILE: &str = "history.journal";
const LOCK_FILE: &str = "LOCK";
const LIVE_MAGIC: [u8; 8] = *b"VASKJRNL";
const HISTORY_MAGIC: [u8; 8] = *b"VASKHIST";
const HEADER_LEN: usize = 40;
const FRAME_HEAD: usize = 8;
/// Larger than any payload an entry within the field limits can produce.
const MAX_PAYLOAD: usize = 64 * 1024;
/// Seqs skipped on reopen: every seq a lost, never-synced batch can have used.
const REOPEN_GAP: u64 = MAX_APPEND_ENTRIES as u64 + 1;

const KIND_ENTRY: u8 = 1;
const KIND_REOPEN: u8 = 2;
const FLAG_LAST_IN_BATCH: u8 = 1;
const LIST_CENTRE: u8 = 1;
const LIST_CLIENT: u8 = 2;
const OP_ADD: u8 = 1;
const OP_REMOVE: u8 = 2;

pub use crate::domain::InternalList;

/// Whether a number is added to or removed from a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Op {
    /// The person asked not to be called (a reservation is added).
    Add,
    /// A reservation is withdrawn; needs a reason.
    Remove,
}

/// One add or removal, as the caller submits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The list changed.
    pub list: InternalList,
    /// The number, E.164 as an integer.
    pub number: u64,
    /// Add or remove.
    pub op: Op,
    /// Who made the change: agent id, `ivr`, `api`, `web-form`, ...
    pub actor: String,
    /// Why (required for a removal).
    pub reason: String,
    /// When the change was requested.
    pub at: DateTime<Utc>,
    /// The centre whose key or user made the change (`None` in records written before it was
    /// kept). On a client's list shared by several centres, another centre sees that an entry
    /// is not its own, and not its actor or reason.
    pub by: Option<CentreId>,
    /// The key or user id that made the change.
    pub principal: String,
}

/// A stored entry with its seq.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Strictly increasing, never reused; not contiguous.
    pub seq: u64,
    /// The add or removal, as it was submitted.
    pub entry: Entry,
}

/// What [`Journal::open`] recovered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// Every record of the live journal (not yet compacted), in seq order.
    pub records: Vec<Record>,
    /// Bytes of a torn (never acknowledged) last batch cut off the live journal.
    pub dropped_tail_bytes: u64,
    /// Bytes of a torn archive append (from a compaction that crashed) cut off the archive.
    pub dropped_history_bytes: u64,
    /// The seq the next append will be above.
    pub last_seq: u64,
}

/// What one [`Journal::compact`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CompactStats {
    /// Entries moved to the archive.
    pub archived: usize,
    /// Entries with a later seq kept in the live journal (present when compaction started).
    pub kept: usize,
    /// Records appended while the compaction ran, carried over by the writer.
    pub appended_during: usize,
    /// Size of the live journal afterwards, in bytes.
    pub live_bytes: u64,
}

/// Errors of the opt-out journal.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// A file operation failed.
    #[error("journal: cannot {op} {}: {source}", path.display())]
    Io {
        /// What was being done.
        op: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: io::Error,
    },
    /// Another process (or another open `Journal`) writes this directory.
    #[error(
        "journal directory {} is in use by another vask process; only one may write it",
        dir.display()
    )]
    Locked {
        /// The journal directory.
        dir: PathBuf,
    },
    /// A file does not start with a valid journal header.
    #[error("{} is not a vask journal file: {why}", file.display())]
    BadHeader {
        /// The journal file (`live.journal` or `history.journal`).
        file: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// A file or record was written by a newer vask.
    #[error(
        "{} uses journal format {format} at byte {offset}, this vask reads format {FORMAT}; \
         run the vask version that wrote it",
        file.display()
    )]
    UnsupportedFormat {
        /// The journal file (`live.journal` or `history.journal`).
        file: PathBuf,
        /// Byte offset of the format byte found.
        offset: u64,
        /// The format byte found.
        format: u8,
    },
    /// Damage that cannot be a torn, unacknowledged write.
    #[error(
        "{} is corrupt at byte {offset}: {why}; acknowledged records may be affected, so it \
         is not repaired automatically; restore the journal directory from a backup",
        file.display()
    )]
    Corrupt {
        /// The journal file (`live.journal` or `history.journal`).
        file: PathBuf,
        /// Where the damage starts.
        offset: u64,
        /// What is wrong.
        why: String,
    },
    /// A journal file is missing while the other one says records exist.
    #[error("{} is missing but {why}; restore it from a backup", file.display())]
    Missing {
        /// The missing file.
        file: PathBuf,
        /// Why it must exist.
        why: &'static str,
    },
    /// A write or fsync failed earlier; the journal takes no more appends until reopened.
    #[error(
        "the journal refuses appends since a write or fsync failed ({reason}); entries not \
         acknowledged may or may not have been stored; fix the disk, then restart vask"
    )]
    Failed {
        /// The first failure.
        reason: String,
    },
    /// An entry field is longer than [`MAX_FIELD_BYTES`].
    #[error("entry {index}: {field} is {len} bytes, at most {MAX_FIELD_BYTES} are stored")]
    FieldTooLong {
        /// Index of the entry in the append.
        index: usize,
        /// `list`, `actor` or `reason`.
        field: &'static str,
        /// Its length in bytes.
        len: usize,
    },
    /// A removal without a reason.
    #[error("entry {index}: removing a reservation needs a reason")]
    MissingReason {
        /// Index of the entry in the append.
        index: usize,
    },
    /// An append with more than [`MAX_APPEND_ENTRIES`] entries.
    #[error("an append holds {count} entries, at most {MAX_APPEND_ENTRIES}; split it")]
    TooManyEntries {
        /// Entries given.
        count: usize,
    },
    /// Compaction asked to archive seqs that were never durably written.
    #[error("cannot compact up to seq {folded}: the journal has durably written up to seq {last}")]
    FoldedAhead {
        /// Seq asked for.
        folded: u64,
        /// Highest durable seq.
        last: u64,
    },
    /// The writer thread is gone.
    #[error("the journal writer thread has stopped; restart vask")]
    WriterStopped,
}

impl From<fsutil::IoError> for JournalError {
    fn from(e: fsutil::IoError) -> JournalError {
        JournalError::Io {
            op: e.op,
            path: e.path,
            source: e.source,
        }
    }
}

fn io_err<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> JournalError + 'a {
    move |source| JournalError::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

/// The durable opt-out journal of one directory. `Send + Sync`; share it with an `Arc`.
pub struct Journal {
    shared: Arc<Shared>,
    tx: Option<mpsc::Sender<Command>>,
    writer: Option<JoinHandle<()>>,
    _lock: File,
}

/// State shared by the callers, the writer thread and compaction.
struct Shared {
    dir: PathBuf,
    live_path: PathBuf,
    /// Highest seq durably written.
    last_seq: AtomicU64,
    /// End of the durably written bytes of the current live file.
    durable_end: AtomicU64,
    /// Set once by the first failed write or fsync; appends are refused from then on.
    failed: OnceLock<String>,
    /// The archive; held for a whole compaction, so compactions run one at a time.
    archive: Mutex<Archive>,
    /// Every record by number (see "History" above).
    index: RwLock<HashMap<u64, Vec<Record>>>,
}

/// The archive file as compaction sees it.
struct Archive {
    file: File,
    path: PathBuf,
    /// End of its valid records.
    end: u64,
    /// Highest seq archived.
    last: u64,
    /// Every record with a seq up to this has left the live file.
    base_seq: u64,
}

impl Shared {
    /// Adds durably written records to the history index.
    fn index(&self, records: impl IntoIterator<Item = Record>) {
        let mut index = self
            .index
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for r in records {
            index.entry(r.entry.number).or_default().push(r);
        }
    }

    fn check_failed(&self) -> Result<(), JournalError> {
        match self.failed.get() {
            Some(reason) => Err(JournalError::Failed {
                reason: reason.clone(),
            }),
            None => Ok(()),
        }
    }
}

impl Journal {
    /// Appends entries and returns their seqs once they are durable (fsynced); concurrent
    /// callers share one fsync. Nothing is acknowledged that was not synced.
    pub async fn append(&self, entries: Vec<Entry>) -> Result<Vec<u64>, JournalError> {
        if entries.is_empty() {
            return Ok(Vec::new());
        }
        validate(&entries)?;
        self.shared.check_failed()?;
        let (reply, rx) = oneshot::channel();
        let tx = self.tx.as_ref().ok_or(JournalError::WriterStopped)?;
        tx.send(Command::Append(AppendRequest { entries, reply }))
            .map_err(|_| JournalError::WriterStopped)?;
        rx.await.map_err(|_| JournalError::WriterStopped)?
    }

    /// Highest seq durably written so far.
    pub fn last_seq(&self) -> u64 {
        self.shared.last_seq.load(Ordering::Acquire)
    }

    /// Whether the journal refuses appends after a failed write or fsync (until reopened).
    pub fn is_failed(&self) -> bool {
        self.shared.failed.get().is_some()
    }

    /// The journal directory.
    pub fn dir(&self) -> &Path {
        &self.shared.dir
    }

    /// Makes the next hit of a fault point in this journal fail (see [`crate::faults`]).
    #[cfg(test)]
    fn inject(&self, point: crate::faults::Point) {
        crate::faults::arm(point, &self.shared.dir);
    }
}

impl Drop for Journal {
    /// Lets the writer finish what was sent, then releases the directory lock.
    fn drop(&mut self) {
        self.tx = None;
        if let Some(handle) = self.writer.take() {
            let _ = handle.join();
        }
    }
}

/// Checks entries against the limits of the record format.
fn validate(entries: &[Entry]) -> Result<(), JournalError> {
    if entries.len() > MAX_APPEND_ENTRIES {
        return Err(JournalError::TooManyEntries {
            count: entries.len(),
        });
    }
    for (index, e) in entries.iter().enumerate() {
        let list = match &e.list {
            InternalList::Centre(id) => id.as_str(),
            InternalList::Client(id) => id.as_str(),
        };
        for (field, value) in [
            ("list", list),
            ("actor", &e.actor),
            ("reason", &e.reason),
            ("principal", &e.principal),
        ] {
            if value.len() > MAX_FIELD_BYTES {
                return Err(JournalError::FieldTooLong {
                    index,
                    field,
                    len: value.len(),
                });
            }
        }
        if e.op == Op::Remove && e.reason.trim().is_empty() {
            return Err(JournalError::MissingReason { index });
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// File helpers.

fn file_len(path: &Path) -> Result<u64, JournalError> {
    Ok(fs::metadata(path).map_err(io_err("stat", path))?.len())
}

fn lock_dir(dir: &Path) -> Result<File, JournalError> {
    fsutil::try_lock(&dir.join(LOCK_FILE))?.ok_or_else(|| JournalError::Locked {
        dir: dir.to_path_buf(),
    })
}

/// Reads `[from, to)` of a file, or less if the file is shorter.
fn read_range(file: &File, path: &Path, from: u64, to: u64) -> Result<Vec<u8>, JournalError> {
    let mut out = Vec::new();
    let mut reader = io::Read::take(ReadAt { file, at: from }, to.saturating_sub(from));
    reader.read_to_end(&mut out).map_err(io_err("read", path))?;
    Ok(out)
}

/// Positional reads as a `Read`, leaving the file's cursor alone.
struct ReadAt<'a> {
    file: &'a File,
    at: u64,
}

impl Read for ReadAt<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.file.read_at(buf, self.at)?;
        self.at += n as u64;
        Ok(n)
    }
}
