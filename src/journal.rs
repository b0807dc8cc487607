//! The opt-out journal: the durable record of every add to and removal from a centre's or a
//! client's internal register, from the moment it is acknowledged until a nightly rebuild has
//! folded it into a generation, and forever after as the audit trail (who, when, why, which list).
//!
//! # Why a hand-written append-only file
//! The records are small (≈ 60 to 200 bytes), are only ever appended, and are read back in
//! order: at start (replay into the live overlay), by the rebuild (fold into the next
//! generation) and for audit. An append-only file with a CRC32 per record and one `fdatasync`
//! per batch does exactly that with one write and one fsync per group commit, and its recovery
//! rules (below) fit in a page. redb (the well-kept alternative, see tech-notes §5) would give
//! B-tree pages, MVCC and a second copy-on-write write per commit that nothing here needs, and
//! it does not let an offline rebuild read the file while the server has it open.
//!
//! # Files in the journal directory
//! - `live.journal`: a 40-byte header (magic, [`FORMAT`], the seq below which records have left
//!   the file, and how much of the archive is valid) and then the records not yet compacted.
//! - `history.journal`: the archive: every compacted add and removal, same framing, append only.
//! - `LOCK`: held with an exclusive file lock ([`File::try_lock`]) by the one process that writes the journal.
//!
//! Each record is framed as `len: u32 LE | crc32(len ‖ payload): u32 LE | payload`, and the
//! payload starts with a format byte ([`FORMAT`]) so a record kind (a person target, say) can be
//! added later. A length above 64 KiB is damage, never an allocation.
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

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, mpsc};
use std::thread::JoinHandle;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::oneshot;

/// The format byte of the file headers and records this build writes and reads.
pub const FORMAT: u8 = 1;
/// The most entries one [`Journal::append`] takes (and the most records one fsync covers).
pub const MAX_APPEND_ENTRIES: usize = 4096;
/// The most bytes stored for a list id, an actor or a reason.
pub const MAX_FIELD_BYTES: usize = 16 * 1024;

const LIVE_FILE: &str = "live.journal";
const HISTORY_FILE: &str = "history.journal";
const LOCK_FILE: &str = "LOCK";
const TMP_SUFFIX: &str = ".tmp";
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

/// The internal register an entry changes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ListRef {
    /// A centre's internal register, by centre id.
    Centre(String),
    /// A client's internal register, by client id.
    Client(String),
}

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
    pub list: ListRef,
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
}

/// A stored entry with its seq.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Strictly increasing, never reused; not contiguous.
    pub seq: u64,
    /// The entry.
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
        /// The file.
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
        /// The file.
        file: PathBuf,
        /// Where.
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
        /// The file.
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
    #[cfg(test)]
    faults: Faults,
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

/// Failure points the tests can trigger.
#[derive(Clone, Copy)]
enum Fault {
    /// The fsync of an append batch.
    Sync,
    /// The hand-over of a compaction, before the rename.
    Rename,
}

#[cfg(test)]
#[derive(Default)]
struct Faults {
    sync: std::sync::atomic::AtomicBool,
    rename: std::sync::atomic::AtomicBool,
}

impl Shared {
    /// In test builds, fails once if the test armed `fault`.
    fn fault(&self, fault: Fault) -> io::Result<()> {
        #[cfg(test)]
        {
            let flag = match fault {
                Fault::Sync => &self.faults.sync,
                Fault::Rename => &self.faults.rename,
            };
            if flag.swap(false, Ordering::SeqCst) {
                return Err(io::Error::other("injected fault"));
            }
        }
        let _ = fault;
        Ok(())
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

enum Command {
    Append(AppendRequest),
    Swap(SwapRequest),
}

struct AppendRequest {
    entries: Vec<Entry>,
    reply: oneshot::Sender<Result<Vec<u64>, JournalError>>,
}

/// Compaction's hand-over of a new live file to the writer.
struct SwapRequest {
    tmp: File,
    tmp_path: PathBuf,
    /// Bytes already in the new file.
    tmp_len: u64,
    /// Offset in the old file up to which the new file has the records.
    from: u64,
    reply: mpsc::SyncSender<Result<usize, JournalError>>,
}

impl Journal {
    /// Opens the journal in `dir` (creating both if missing) and recovers it: returns every
    /// live record in seq order; a torn last batch is truncated away and counted, damage
    /// before an intact later batch is [`JournalError::Corrupt`].
    pub fn open(dir: &Path) -> Result<(Journal, Recovery), JournalError> {
        if !dir.is_dir() {
            fs::create_dir_all(dir).map_err(io_err("create directory", dir))?;
            if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
                sync_dir(parent)?;
            }
        }
        let lock = lock_dir(dir)?;
        let live_path = dir.join(LIVE_FILE);
        let history_path = dir.join(HISTORY_FILE);
        for stale in [tmp_path(&live_path), tmp_path(&history_path)] {
            match fs::remove_file(&stale) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_err("remove", &stale)(e)),
            }
        }

        let created = !live_path.exists();
        if created {
            if history_path.exists() && file_len(&history_path)? != HEADER_LEN as u64 {
                return Err(JournalError::Missing {
                    file: live_path,
                    why: "the archive next to it holds records",
                });
            }
            let fresh = Header {
                base_seq: 0,
                history_end: HEADER_LEN as u64,
                history_last: 0,
            };
            write_new_file(&live_path, &encode_header(LIVE_MAGIC, fresh))?;
            sync_dir(dir)?;
        }

        // The live journal.
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(&live_path)
            .map_err(io_err("open", &live_path))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(io_err("read", &live_path))?;
        let header = decode_header(&live_path, LIVE_MAGIC, &bytes)?;
        let live_scan = scan(
            &live_path,
            &bytes[HEADER_LEN..],
            HEADER_LEN as u64,
            header.base_seq,
        )?;
        let valid_end = (HEADER_LEN + live_scan.valid_len) as u64;
        let dropped_tail_bytes = bytes.len() as u64 - valid_end;
        if dropped_tail_bytes > 0 {
            tracing::warn!(
                dropped_tail_bytes,
                "journal: cut a torn, unacknowledged last batch off the live journal"
            );
            file.set_len(valid_end)
                .map_err(io_err("truncate", &live_path))?;
        }
        drop(bytes);

        // The archive.
        if !history_path.exists() {
            if header.history_end != HEADER_LEN as u64 {
                return Err(JournalError::Missing {
                    file: history_path,
                    why: "the live journal says records were archived",
                });
            }
            write_new_file(&history_path, &encode_header(HISTORY_MAGIC, Header::ZERO))?;
            sync_dir(dir)?;
        }
        let history = OpenOptions::new()
            .read(true)
            .write(true)
            .open(&history_path)
            .map_err(io_err("open", &history_path))?;
        let head = read_range(&history, &history_path, 0, HEADER_LEN as u64)?;
        decode_header(&history_path, HISTORY_MAGIC, &head)?;
        let history_len = history
            .metadata()
            .map_err(io_err("stat", &history_path))?
            .len();
        if history_len < header.history_end {
            return Err(JournalError::Corrupt {
                file: history_path,
                offset: history_len,
                why: format!(
                    "the archive ends before byte {}, where the live journal says it ends",
                    header.history_end
                ),
            });
        }
        // Records past `history_end` come from a compaction that did not finish; the live
        // journal still holds them, so a torn end there is dropped like a torn live batch.
        let extra = read_range(&history, &history_path, header.history_end, history_len)?;
        let extra_scan = scan(
            &history_path,
            &extra,
            header.history_end,
            header.history_last,
        )?;
        let history_end = header.history_end + extra_scan.valid_len as u64;
        let dropped_history_bytes = history_len - history_end;
        if dropped_history_bytes > 0 {
            tracing::warn!(
                dropped_history_bytes,
                "journal: cut a torn append off the archive"
            );
            history
                .set_len(history_end)
                .map_err(io_err("truncate", &history_path))?;
            history.sync_all().map_err(io_err("fsync", &history_path))?;
        }
        let history_last = extra_scan
            .items
            .last()
            .map_or(header.history_last, |i| i.seq);

        // Seqs continue above everything ever written; a reopen skips the seqs a lost,
        // never-synced batch may have used.
        let mut last_written = live_scan.items.last().map_or(header.base_seq, |i| i.seq);
        let mut end = valid_end;
        if !created {
            let seq = last_written + REOPEN_GAP;
            let mut buf = Vec::new();
            encode_record(&mut buf, seq, last_written, true, None);
            file.write_all_at(&buf, end)
                .map_err(io_err("write", &live_path))?;
            end += buf.len() as u64;
            last_written = seq;
        }
        // Makes the replayed records durable too: they may have been in the page cache only.
        file.sync_all().map_err(io_err("fsync", &live_path))?;

        let records: Vec<Record> = live_scan
            .items
            .into_iter()
            .filter_map(Item::record)
            .collect();
        tracing::info!(
            live_records = records.len(),
            last_seq = last_written,
            "journal: opened"
        );
        let shared = Arc::new(Shared {
            dir: dir.to_path_buf(),
            live_path,
            last_seq: AtomicU64::new(last_written),
            durable_end: AtomicU64::new(end),
            failed: OnceLock::new(),
            archive: Mutex::new(Archive {
                file: history,
                path: history_path,
                end: history_end,
                last: history_last,
                base_seq: header.base_seq,
            }),
            #[cfg(test)]
            faults: Faults::default(),
        });
        let (tx, rx) = mpsc::channel();
        let writer = Writer {
            shared: shared.clone(),
            file,
            end,
            last_written,
            buf: Vec::new(),
        };
        let handle = std::thread::Builder::new()
            .name("vask-journal".to_owned())
            .spawn(move || writer.run(rx))
            .map_err(io_err("start the writer thread for", dir))?;
        Ok((
            Journal {
                shared,
                tx: Some(tx),
                writer: Some(handle),
                _lock: lock,
            },
            Recovery {
                records,
                dropped_tail_bytes,
                dropped_history_bytes,
                last_seq: last_written,
            },
        ))
    }

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

    /// After a rebuild folded every record with seq ≤ `folded`: moves them to the archive and
    /// rewrites the live journal with the later ones, atomically, while appends continue.
    /// Blocking (file I/O and fsyncs): call it from `spawn_blocking`.
    pub fn compact(&self, folded: u64) -> Result<CompactStats, JournalError> {
        let mut archive = self
            .shared
            .archive
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        self.shared.check_failed()?;
        if folded <= archive.base_seq {
            return Ok(CompactStats::default());
        }
        let last = self.last_seq();
        if folded > last {
            return Err(JournalError::FoldedAhead { folded, last });
        }
        let live_path = &self.shared.live_path;
        // Only compaction replaces the live file, so this is the writer's file; everything up
        // to `durable_end` is synced and immutable.
        let end = self.shared.durable_end.load(Ordering::Acquire);
        let live = File::open(live_path).map_err(io_err("open", live_path))?;
        let bytes = read_range(&live, live_path, 0, end)?;
        let header = decode_header(live_path, LIVE_MAGIC, &bytes)?;
        let live_scan = scan(
            live_path,
            &bytes[HEADER_LEN..],
            HEADER_LEN as u64,
            header.base_seq,
        )?;
        if live_scan.valid_len != bytes.len() - HEADER_LEN {
            return Err(JournalError::Corrupt {
                file: live_path.clone(),
                offset: (HEADER_LEN + live_scan.valid_len) as u64,
                why: "damage in records already fsynced".to_owned(),
            });
        }

        // 1. Archive the folded entries not archived yet, as one batch.
        let to_archive: Vec<(u64, &Entry)> = live_scan
            .items
            .iter()
            .filter(|i| i.seq > archive.last && i.seq <= folded)
            .filter_map(|i| match &i.body {
                Body::Entry(e) => Some((i.seq, e)),
                Body::Reopen => None,
            })
            .collect();
        if let Some(&(last_archived, _)) = to_archive.last() {
            let mut buf = Vec::new();
            for (n, (seq, entry)) in to_archive.iter().enumerate() {
                encode_record(
                    &mut buf,
                    *seq,
                    archive.last,
                    n + 1 == to_archive.len(),
                    Some(entry),
                );
            }
            let path = archive.path.clone();
            // A failed earlier append may have left bytes past the valid end.
            archive
                .file
                .set_len(archive.end)
                .map_err(io_err("truncate", &path))?;
            archive
                .file
                .write_all_at(&buf, archive.end)
                .map_err(io_err("write", &path))?;
            archive.file.sync_data().map_err(io_err("fsync", &path))?;
            archive.end += buf.len() as u64;
            archive.last = last_archived;
        }

        // 2. The new live file: header and the records after `folded`, synced.
        let kept_from = live_scan
            .items
            .iter()
            .find(|i| i.seq > folded)
            .map_or(bytes.len(), |i| i.offset);
        let kept = live_scan
            .items
            .iter()
            .filter(|i| i.seq > folded && matches!(i.body, Body::Entry(_)))
            .count();
        let new_header = Header {
            base_seq: folded,
            history_end: archive.end,
            history_last: archive.last,
        };
        let tmp_path = tmp_path(live_path);
        let tmp = write_new_tmp(
            &tmp_path,
            &[&encode_header(LIVE_MAGIC, new_header), &bytes[kept_from..]],
        )?;
        let tmp_len = (HEADER_LEN + bytes.len() - kept_from) as u64;

        // 3. The writer carries over what was appended meanwhile and renames.
        let (reply, rx) = mpsc::sync_channel(1);
        let tx = self.tx.as_ref().ok_or(JournalError::WriterStopped)?;
        let swap = SwapRequest {
            tmp,
            tmp_path,
            tmp_len,
            from: end,
            reply,
        };
        tx.send(Command::Swap(swap))
            .map_err(|_| JournalError::WriterStopped)?;
        let appended_during = rx.recv().map_err(|_| JournalError::WriterStopped)??;
        archive.base_seq = folded;
        let stats = CompactStats {
            archived: to_archive.len(),
            kept,
            appended_during,
            live_bytes: self.shared.durable_end.load(Ordering::Acquire),
        };
        tracing::info!(
            folded,
            archived = stats.archived,
            kept = stats.kept,
            appended_during = stats.appended_during,
            "journal: compacted"
        );
        Ok(stats)
    }

    /// Every record ever written (archive, then live journal) in seq order, for audit.
    pub fn history(&self) -> Result<Vec<Record>, JournalError> {
        read_records(&self.shared.dir, 0)
    }

    /// The history of one number, on every list, in seq order.
    pub fn history_of(&self, number: u64) -> Result<Vec<Record>, JournalError> {
        let mut records = self.history()?;
        records.retain(|r| r.entry.number == number);
        Ok(records)
    }

    /// The journal directory.
    pub fn dir(&self) -> &Path {
        &self.shared.dir
    }

    #[cfg(test)]
    fn inject(&self, fault: Fault) {
        let flag = match fault {
            Fault::Sync => &self.shared.faults.sync,
            Fault::Rename => &self.shared.faults.rename,
        };
        flag.store(true, Ordering::SeqCst);
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

/// Reads a journal directory without opening it for writing (an offline rebuild may run while
/// the server writes): every record with seq > `after`, in seq order, from the archive too if
/// compaction moved some there. Complete records the writer has not fsynced yet are included;
/// a partly written last batch is skipped. A directory without a journal gives no records.
pub fn read_live(dir: &Path, after: u64) -> Result<Vec<Record>, JournalError> {
    read_records(dir, after)
}

/// Every record of a journal directory (archive, then live journal), in seq order.
pub fn read_all(dir: &Path) -> Result<Vec<Record>, JournalError> {
    read_records(dir, 0)
}

fn read_records(dir: &Path, after: u64) -> Result<Vec<Record>, JournalError> {
    let live_path = dir.join(LIVE_FILE);
    let history_path = dir.join(HISTORY_FILE);
    // Open the live file first: the archive holds at least what this file's header says,
    // whatever compactions run meanwhile (they archive, then rename).
    let mut live = match File::open(&live_path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound && !history_path.exists() => {
            return Ok(Vec::new());
        }
        Err(e) => return Err(io_err("open", &live_path)(e)),
    };
    let mut bytes = Vec::new();
    live.read_to_end(&mut bytes)
        .map_err(io_err("read", &live_path))?;
    let header = decode_header(&live_path, LIVE_MAGIC, &bytes)?;
    let live_scan = scan(
        &live_path,
        &bytes[HEADER_LEN..],
        HEADER_LEN as u64,
        header.base_seq,
    )?;
    drop(bytes);

    let mut out = Vec::new();
    if after < header.base_seq && header.history_end > HEADER_LEN as u64 {
        let history = File::open(&history_path).map_err(io_err("open", &history_path))?;
        let archived = read_range(&history, &history_path, 0, header.history_end)?;
        if (archived.len() as u64) < header.history_end {
            return Err(JournalError::Corrupt {
                file: history_path,
                offset: archived.len() as u64,
                why: format!(
                    "the archive ends before byte {}, where the live journal says it ends",
                    header.history_end
                ),
            });
        }
        decode_header(&history_path, HISTORY_MAGIC, &archived)?;
        let history_scan = scan(&history_path, &archived[HEADER_LEN..], HEADER_LEN as u64, 0)?;
        if history_scan.valid_len != archived.len() - HEADER_LEN {
            return Err(JournalError::Corrupt {
                file: history_path,
                offset: (HEADER_LEN + history_scan.valid_len) as u64,
                why: "damage in archived records".to_owned(),
            });
        }
        out.extend(
            history_scan
                .items
                .into_iter()
                .filter(|i| i.seq > after && i.seq <= header.base_seq)
                .filter_map(Item::record),
        );
    }
    out.extend(
        live_scan
            .items
            .into_iter()
            .filter(|i| i.seq > after)
            .filter_map(Item::record),
    );
    Ok(out)
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
            ListRef::Centre(id) | ListRef::Client(id) => id,
        };
        for (field, value) in [("list", list), ("actor", &e.actor), ("reason", &e.reason)] {
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
// The writer thread.

struct Writer {
    shared: Arc<Shared>,
    file: File,
    /// End of the live file (everything before it is synced).
    end: u64,
    /// Highest seq in the live file.
    last_written: u64,
    buf: Vec<u8>,
}

impl Writer {
    fn run(mut self, rx: mpsc::Receiver<Command>) {
        let mut carried: Option<Command> = None;
        loop {
            let first = match carried.take() {
                Some(c) => c,
                None => match rx.recv() {
                    Ok(c) => c,
                    Err(_) => return,
                },
            };
            let first = match first {
                Command::Swap(swap) => {
                    self.swap(swap);
                    continue;
                }
                Command::Append(a) => a,
            };
            // Group commit: everyone already waiting shares this batch's fsync.
            let mut records = first.entries.len();
            let mut group = vec![first];
            while records < MAX_APPEND_ENTRIES {
                match rx.try_recv() {
                    Ok(Command::Append(a)) if records + a.entries.len() <= MAX_APPEND_ENTRIES => {
                        records += a.entries.len();
                        group.push(a);
                    }
                    Ok(other) => {
                        carried = Some(other);
                        break;
                    }
                    Err(_) => break,
                }
            }
            self.commit(group, records);
        }
    }

    /// Writes one batch with one fsync, then replies.
    fn commit(&mut self, group: Vec<AppendRequest>, records: usize) {
        if let Some(reason) = self.shared.failed.get() {
            let reason = reason.clone();
            for request in group {
                let _ = request.reply.send(Err(JournalError::Failed {
                    reason: reason.clone(),
                }));
            }
            return;
        }
        let batch_prev = self.last_written;
        let mut seq = batch_prev;
        let mut written = 0;
        self.buf.clear();
        for request in &group {
            for entry in &request.entries {
                seq += 1;
                written += 1;
                encode_record(
                    &mut self.buf,
                    seq,
                    batch_prev,
                    written == records,
                    Some(entry),
                );
            }
        }
        let result = self
            .file
            .write_all_at(&self.buf, self.end)
            .and_then(|()| self.shared.fault(Fault::Sync))
            .and_then(|()| self.file.sync_data());
        if let Err(e) = result {
            // Best effort: a reopen should not find entries that were answered with an error.
            let _ = self.file.set_len(self.end);
            let reason = self.fail("write or fsync of an append batch", &e);
            for request in group {
                let _ = request.reply.send(Err(JournalError::Failed {
                    reason: reason.clone(),
                }));
            }
            return;
        }
        self.end += self.buf.len() as u64;
        self.last_written = seq;
        self.shared.durable_end.store(self.end, Ordering::Release);
        self.shared.last_seq.store(seq, Ordering::Release);
        let mut next = batch_prev;
        for request in group {
            let n = request.entries.len() as u64;
            let _ = request.reply.send(Ok((next + 1..=next + n).collect()));
            next += n;
        }
    }

    /// Closes the fsync gate and returns the reason given to callers.
    fn fail(&self, what: &str, e: &dyn std::fmt::Display) -> String {
        let reason = format!("{what} failed: {e}");
        tracing::error!(error = %e, "journal: {what} failed; refusing appends until reopened");
        let _ = self.shared.failed.set(reason);
        self.shared.failed.get().cloned().unwrap_or_default()
    }

    /// Completes a compaction: copies the records appended since its snapshot into the new
    /// file, renames it into place, fsyncs the directory, and switches to it.
    fn swap(&mut self, s: SwapRequest) {
        let result = self.try_swap(&s);
        if result.is_err() && s.tmp_path.exists() {
            let _ = fs::remove_file(&s.tmp_path);
        }
        let _ = s.reply.send(result);
    }

    fn try_swap(&mut self, s: &SwapRequest) -> Result<usize, JournalError> {
        self.shared.check_failed()?;
        let live_path = self.shared.live_path.clone();
        let tail = read_range(&self.file, &live_path, s.from, self.end)?;
        let mut carried = 0;
        let mut at = 0;
        while let Frame::Intact { end, .. } = frame_at(&tail, at) {
            carried += 1;
            at = end;
        }
        if !tail.is_empty() {
            s.tmp
                .write_all_at(&tail, s.tmp_len)
                .map_err(io_err("write", &s.tmp_path))?;
            s.tmp.sync_data().map_err(io_err("fsync", &s.tmp_path))?;
        }
        self.shared
            .fault(Fault::Rename)
            .map_err(io_err("rename", &s.tmp_path))?;
        fs::rename(&s.tmp_path, &live_path).map_err(io_err("rename", &s.tmp_path))?;
        // From here on the path names the new file: append only to it.
        self.file = s.tmp.try_clone().map_err(io_err("reopen", &live_path))?;
        self.end = s.tmp_len + tail.len() as u64;
        self.shared.durable_end.store(self.end, Ordering::Release);
        if let Err(e) = sync_dir(&self.shared.dir) {
            // Until the rename is durable, a power cut could bring back the old file without
            // the appends that follow.
            let reason = self.fail("fsync of the journal directory after compaction", &e);
            return Err(JournalError::Failed { reason });
        }
        Ok(carried)
    }
}

// ---------------------------------------------------------------------------------------------
// File helpers.

fn tmp_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(TMP_SUFFIX);
    PathBuf::from(name)
}

fn file_len(path: &Path) -> Result<u64, JournalError> {
    Ok(fs::metadata(path).map_err(io_err("stat", path))?.len())
}

fn sync_dir(dir: &Path) -> Result<(), JournalError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err("fsync directory", dir))
}

fn lock_dir(dir: &Path) -> Result<File, JournalError> {
    let path = dir.join(LOCK_FILE);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_err("open", &path))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(JournalError::Locked {
            dir: dir.to_path_buf(),
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(io_err("lock", &path)(e)),
    }
}

/// Writes a synced temp file next to `path` and returns it open.
fn write_new_tmp(tmp: &Path, parts: &[&[u8]]) -> Result<File, JournalError> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(true)
        .read(true)
        .write(true)
        .open(tmp)
        .map_err(io_err("create", tmp))?;
    let mut at = 0;
    for part in parts {
        file.write_all_at(part, at).map_err(io_err("write", tmp))?;
        at += part.len() as u64;
    }
    file.sync_all().map_err(io_err("fsync", tmp))?;
    Ok(file)
}

/// Creates `path` with `bytes` atomically (temp file, fsync, rename); the caller syncs the
/// directory.
fn write_new_file(path: &Path, bytes: &[u8]) -> Result<(), JournalError> {
    let tmp = tmp_path(path);
    write_new_tmp(&tmp, &[bytes])?;
    fs::rename(&tmp, path).map_err(io_err("rename", &tmp))
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

// ---------------------------------------------------------------------------------------------
// Encoding.

/// The header of both files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Header {
    /// Every record with a seq up to this has left the live file (0 in the archive).
    base_seq: u64,
    /// End of the archive's valid records when this live file was written (0 in the archive).
    history_end: u64,
    /// Highest seq in the archive up to `history_end` (0 in the archive).
    history_last: u64,
}

impl Header {
    const ZERO: Header = Header {
        base_seq: 0,
        history_end: 0,
        history_last: 0,
    };
}

/// `magic[8] | format u8 | 0u8 ×3 | base_seq u64 | history_end u64 | history_last u64 | crc32`.
fn encode_header(magic: [u8; 8], h: Header) -> [u8; HEADER_LEN] {
    let mut out = [0u8; HEADER_LEN];
    out[..8].copy_from_slice(&magic);
    out[8] = FORMAT;
    out[12..20].copy_from_slice(&h.base_seq.to_le_bytes());
    out[20..28].copy_from_slice(&h.history_end.to_le_bytes());
    out[28..36].copy_from_slice(&h.history_last.to_le_bytes());
    let crc = crc32fast::hash(&out[..36]);
    out[36..].copy_from_slice(&crc.to_le_bytes());
    out
}

fn decode_header(file: &Path, magic: [u8; 8], bytes: &[u8]) -> Result<Header, JournalError> {
    let bad = |why: &str| JournalError::BadHeader {
        file: file.to_path_buf(),
        why: why.to_owned(),
    };
    let Some(h) = bytes.get(..HEADER_LEN) else {
        return Err(bad("shorter than its header"));
    };
    if h[..8] != magic {
        return Err(bad("wrong magic bytes"));
    }
    if crc32fast::hash(&h[..36]) != u32_at(h, 36) {
        return Err(bad("header checksum mismatch"));
    }
    if h[8] != FORMAT {
        return Err(JournalError::UnsupportedFormat {
            file: file.to_path_buf(),
            offset: 8,
            format: h[8],
        });
    }
    Ok(Header {
        base_seq: u64_at(h, 12),
        history_end: u64_at(h, 20),
        history_last: u64_at(h, 28),
    })
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(a)
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

/// Appends one framed record. Payload (format 1):
/// `format | kind | flags | seq u64 | batch_prev u64` and, for an entry,
/// `list kind | op | number u64 | at secs i64 | at nanos u32 | list id | actor | reason`,
/// each string as `u16 len | UTF-8`. Entries must have passed [`validate`].
fn encode_record(
    buf: &mut Vec<u8>,
    seq: u64,
    batch_prev: u64,
    last_in_batch: bool,
    entry: Option<&Entry>,
) {
    let start = buf.len();
    buf.extend_from_slice(&[0u8; FRAME_HEAD]);
    buf.push(FORMAT);
    buf.push(if entry.is_some() {
        KIND_ENTRY
    } else {
        KIND_REOPEN
    });
    buf.push(if last_in_batch { FLAG_LAST_IN_BATCH } else { 0 });
    buf.extend_from_slice(&seq.to_le_bytes());
    buf.extend_from_slice(&batch_prev.to_le_bytes());
    if let Some(e) = entry {
        let (kind, id) = match &e.list {
            ListRef::Centre(id) => (LIST_CENTRE, id),
            ListRef::Client(id) => (LIST_CLIENT, id),
        };
        buf.push(kind);
        buf.push(match e.op {
            Op::Add => OP_ADD,
            Op::Remove => OP_REMOVE,
        });
        buf.extend_from_slice(&e.number.to_le_bytes());
        buf.extend_from_slice(&e.at.timestamp().to_le_bytes());
        buf.extend_from_slice(&e.at.timestamp_subsec_nanos().to_le_bytes());
        for s in [id, &e.actor, &e.reason] {
            // Validated to at most MAX_FIELD_BYTES, far below u16::MAX.
            let len = u16::try_from(s.len()).unwrap_or(u16::MAX);
            buf.extend_from_slice(&len.to_le_bytes());
            buf.extend_from_slice(&s.as_bytes()[..usize::from(len)]);
        }
    }
    let len = (buf.len() - start - FRAME_HEAD) as u32;
    buf[start..start + 4].copy_from_slice(&len.to_le_bytes());
    let mut crc = crc32fast::Hasher::new();
    crc.update(&buf[start..start + 4]);
    crc.update(&buf[start + FRAME_HEAD..]);
    let crc = crc.finalize();
    buf[start + 4..start + 8].copy_from_slice(&crc.to_le_bytes());
}

enum Body {
    Entry(Entry),
    Reopen,
}

/// One intact, decoded record and where it sits.
struct Item {
    seq: u64,
    batch_prev: u64,
    last_in_batch: bool,
    body: Body,
    /// Offset of its frame in the file.
    offset: usize,
}

impl Item {
    fn record(self) -> Option<Record> {
        match self.body {
            Body::Entry(entry) => Some(Record {
                seq: self.seq,
                entry,
            }),
            Body::Reopen => None,
        }
    }
}

enum Frame<'a> {
    Intact { payload: &'a [u8], end: usize },
    Damaged,
}

/// The frame at `at`: intact if its length is sane, it fits, and its CRC matches.
fn frame_at(bytes: &[u8], at: usize) -> Frame<'_> {
    let Some(head) = bytes.get(at..at + FRAME_HEAD) else {
        return Frame::Damaged;
    };
    let len = u32_at(head, 0) as usize;
    if len == 0 || len > MAX_PAYLOAD {
        return Frame::Damaged;
    }
    let end = at + FRAME_HEAD + len;
    let Some(payload) = bytes.get(at + FRAME_HEAD..end) else {
        return Frame::Damaged;
    };
    let mut crc = crc32fast::Hasher::new();
    crc.update(&head[..4]);
    crc.update(payload);
    if crc.finalize() != u32_at(head, 4) {
        return Frame::Damaged;
    }
    Frame::Intact { payload, end }
}

/// Why an intact payload does not decode.
enum Undecodable {
    Format(u8),
    Malformed(&'static str),
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Undecodable> {
        let out = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or(Undecodable::Malformed("record shorter than its fields"))?;
        self.at += n;
        Ok(out)
    }
    fn u8(&mut self) -> Result<u8, Undecodable> {
        Ok(self.take(1)?[0])
    }
    fn u64(&mut self) -> Result<u64, Undecodable> {
        Ok(u64_at(self.take(8)?, 0))
    }
    fn string(&mut self) -> Result<String, Undecodable> {
        let len = self.take(2)?;
        let len = u16::from_le_bytes([len[0], len[1]]);
        let bytes = self.take(usize::from(len))?;
        String::from_utf8(bytes.to_vec()).map_err(|_| Undecodable::Malformed("text is not UTF-8"))
    }
}

/// Decodes a payload into (seq, batch_prev, last_in_batch, body).
fn decode_payload(payload: &[u8]) -> Result<(u64, u64, bool, Body), Undecodable> {
    let mut c = Cursor {
        bytes: payload,
        at: 0,
    };
    let format = c.u8()?;
    if format != FORMAT {
        return Err(Undecodable::Format(format));
    }
    let kind = c.u8()?;
    let flags = c.u8()?;
    if flags & !FLAG_LAST_IN_BATCH != 0 {
        return Err(Undecodable::Malformed("unknown flags"));
    }
    let seq = c.u64()?;
    let batch_prev = c.u64()?;
    let body = match kind {
        KIND_REOPEN => Body::Reopen,
        KIND_ENTRY => {
            let list_kind = c.u8()?;
            let op = match c.u8()? {
                OP_ADD => Op::Add,
                OP_REMOVE => Op::Remove,
                _ => return Err(Undecodable::Malformed("unknown operation")),
            };
            let number = c.u64()?;
            let secs = c.u64()? as i64;
            let nanos = u32_at(c.take(4)?, 0);
            let at = DateTime::from_timestamp(secs, nanos)
                .ok_or(Undecodable::Malformed("time out of range"))?;
            let id = c.string()?;
            let list = match list_kind {
                LIST_CENTRE => ListRef::Centre(id),
                LIST_CLIENT => ListRef::Client(id),
                _ => return Err(Undecodable::Malformed("unknown list kind")),
            };
            let actor = c.string()?;
            let reason = c.string()?;
            Body::Entry(Entry {
                list,
                number,
                op,
                actor,
                reason,
                at,
            })
        }
        _ => return Err(Undecodable::Malformed("unknown record kind")),
    };
    if c.at != payload.len() {
        return Err(Undecodable::Malformed("bytes after the last field"));
    }
    Ok((seq, batch_prev, flags & FLAG_LAST_IN_BATCH != 0, body))
}

/// The intact records at the start of a region, and how long that valid prefix is.
struct Scan {
    items: Vec<Item>,
    valid_len: usize,
}

/// Scans the records of a region that starts at file offset `origin`, after a record (or
/// header) whose seq is `base` and which ends a batch. Damage at the end, and the intact
/// records of the batch it cuts short, are left out of `valid_len`; damage followed by an
/// intact record of a later batch is an error.
fn scan(file: &Path, bytes: &[u8], origin: u64, base: u64) -> Result<Scan, JournalError> {
    let corrupt = |at: usize, why: String| JournalError::Corrupt {
        file: file.to_path_buf(),
        offset: origin + at as u64,
        why,
    };
    let mut items: Vec<Item> = Vec::new();
    // Where the batch being read started (item index, byte offset), while its last record
    // has not been seen: a batch is kept whole or not at all.
    let mut open_batch: Option<(usize, usize)> = None;
    let mut at = 0;
    while at < bytes.len() {
        let Frame::Intact { payload, end } = frame_at(bytes, at) else {
            check_torn(bytes, at, items.last(), base).map_err(|why| corrupt(at, why))?;
            break;
        };
        let (seq, batch_prev, last_in_batch, body) = match decode_payload(payload) {
            Ok(d) => d,
            Err(Undecodable::Format(format)) => {
                return Err(JournalError::UnsupportedFormat {
                    file: file.to_path_buf(),
                    offset: origin + at as u64,
                    format,
                });
            }
            Err(Undecodable::Malformed(why)) => {
                return Err(corrupt(
                    at,
                    format!("a record with a valid checksum: {why}"),
                ));
            }
        };
        let prev = items.last().map_or(base, |i| i.seq);
        if seq <= prev {
            return Err(corrupt(
                at,
                format!("seq {seq} does not increase (previous {prev})"),
            ));
        }
        if open_batch.is_none() {
            open_batch = Some((items.len(), at));
        }
        if last_in_batch {
            open_batch = None;
        }
        items.push(Item {
            seq,
            batch_prev,
            last_in_batch,
            body,
            offset: origin as usize + at,
        });
        at = end;
    }
    // The records of an unfinished last batch were never acknowledged: drop them too.
    let valid_len = match open_batch {
        Some((first, start)) => {
            items.truncate(first);
            start
        }
        None => at,
    };
    Ok(Scan { items, valid_len })
}

/// Damage at `at`: fine (a torn last batch) unless an intact record of a later batch follows.
fn check_torn(bytes: &[u8], at: usize, prev: Option<&Item>, base: u64) -> Result<(), String> {
    // The batch the damaged bytes belong to, named by the seq before it.
    let damaged_batch = match prev {
        Some(p) if !p.last_in_batch => p.batch_prev,
        Some(p) => p.seq,
        None => base,
    };
    let mut q = at + 1;
    while q + FRAME_HEAD <= bytes.len() {
        match frame_at(bytes, q) {
            Frame::Intact { payload, end } => match decode_payload(payload) {
                Ok((_, batch_prev, _, _)) if batch_prev != damaged_batch => {
                    return Err(format!(
                        "damaged record followed, {} bytes further on, by an intact record of a \
                         later write batch, so the damaged one had been acknowledged",
                        q - at
                    ));
                }
                Ok(_) => q = end,
                Err(_) => q += 1,
            },
            Frame::Damaged => q += 1,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn entry(number: u64) -> Entry {
        Entry {
            list: if number.is_multiple_of(2) {
                ListRef::Centre("oslo-1".to_owned())
            } else {
                ListRef::Client("kunde-ø".to_owned())
            },
            number,
            op: if number.is_multiple_of(3) {
                Op::Remove
            } else {
                Op::Add
            },
            actor: format!("agent-{}", number % 7),
            reason: if number.is_multiple_of(3) {
                "customer asked by phone".to_owned()
            } else {
                String::new()
            },
            at: DateTime::from_timestamp(1_790_000_000 + number as i64, 123_456_789).unwrap(),
        }
    }

    fn entries(from: u64, n: u64) -> Vec<Entry> {
        (from..from + n).map(entry).collect()
    }

    fn rt() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(4)
            .enable_all()
            .build()
            .unwrap()
    }

    fn live(dir: &Path) -> PathBuf {
        dir.join(LIVE_FILE)
    }

    /// Copies the journal files (not the lock) of `from` into a new directory.
    fn copy_journal(from: &Path, live_bytes: &[u8]) -> tempfile::TempDir {
        let to = tempfile::tempdir().unwrap();
        fs::write(to.path().join(LIVE_FILE), live_bytes).unwrap();
        let history = from.join(HISTORY_FILE);
        if history.exists() {
            fs::copy(&history, to.path().join(HISTORY_FILE)).unwrap();
        }
        to
    }

    fn numbers(records: &[Record]) -> Vec<u64> {
        records.iter().map(|r| r.entry.number).collect()
    }

    #[test]
    fn round_trip_keeps_every_field_and_seq() {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        let (journal, recovery) = Journal::open(dir.path()).unwrap();
        assert!(recovery.records.is_empty());
        assert_eq!(recovery.dropped_tail_bytes, 0);
        let first = rt.block_on(journal.append(entries(1, 3))).unwrap();
        let second = rt.block_on(journal.append(entries(4, 2))).unwrap();
        assert_eq!(first, vec![1, 2, 3]);
        assert_eq!(second, vec![4, 5]);
        assert_eq!(journal.last_seq(), 5);
        assert!(rt.block_on(journal.append(Vec::new())).unwrap().is_empty());
        drop(journal);

        let (journal, recovery) = Journal::open(dir.path()).unwrap();
        let want: Vec<Record> = (1..=5)
            .map(|n| Record {
                seq: n,
                entry: entry(n),
            })
            .collect();
        assert_eq!(recovery.records, want);
        assert_eq!(recovery.dropped_tail_bytes, 0);
        assert_eq!(journal.history().unwrap(), want);
        assert_eq!(read_all(dir.path()).unwrap(), want);
        assert_eq!(journal.history_of(4).unwrap(), vec![want[3].clone()]);
        // A reopen never reuses a seq: a lost unsynced batch may have been read by a rebuild.
        let next = rt.block_on(journal.append(entries(6, 1))).unwrap();
        assert!(next[0] > 5 + MAX_APPEND_ENTRIES as u64, "{next:?}");
        assert_eq!(recovery.last_seq + 1, next[0]);
    }

    #[test]
    fn torn_tail_of_every_length_is_cut_and_counted() {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        let (journal, _) = Journal::open(dir.path()).unwrap();
        rt.block_on(journal.append(entries(1, 2))).unwrap();
        let after_a = fs::metadata(live(dir.path())).unwrap().len() as usize;
        rt.block_on(journal.append(entries(3, 3))).unwrap();
        drop(journal);
        let full = fs::read(live(dir.path())).unwrap();
        for cut in HEADER_LEN..full.len() {
            let copy = copy_journal(dir.path(), &full[..cut]);
            let (journal, recovery) = Journal::open(copy.path()).unwrap();
            let (want, kept_len) = if cut >= after_a {
                (vec![1, 2], after_a)
            } else {
                (vec![], HEADER_LEN)
            };
            assert_eq!(numbers(&recovery.records), want, "cut at {cut}");
            assert_eq!(
                recovery.dropped_tail_bytes,
                (cut - kept_len) as u64,
                "cut at {cut}"
            );
            // The journal goes on after the cut, and a second reopen finds no damage.
            rt.block_on(journal.append(entries(10, 1))).unwrap();
            drop(journal);
            let (_, again) = Journal::open(copy.path()).unwrap();
            assert_eq!(again.dropped_tail_bytes, 0, "cut at {cut}");
            let mut want = want;
            want.push(10);
            assert_eq!(numbers(&again.records), want, "cut at {cut}");
        }
    }

    #[test]
    fn garbage_after_the_last_batch_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        let (journal, _) = Journal::open(dir.path()).unwrap();
        rt.block_on(journal.append(entries(1, 2))).unwrap();
        drop(journal);
        let mut bytes = fs::read(live(dir.path())).unwrap();
        bytes.extend_from_slice(&[0u8; 4096]);
        bytes.extend_from_slice(&[0xA5; 100]);
        fs::write(live(dir.path()), &bytes).unwrap();
        let (_, recovery) = Journal::open(dir.path()).unwrap();
        assert_eq!(numbers(&recovery.records), vec![1, 2]);
        assert_eq!(recovery.dropped_tail_bytes, 4196);
    }

    #[test]
    fn damage_in_an_acknowledged_batch_is_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        let (journal, _) = Journal::open(dir.path()).unwrap();
        rt.block_on(journal.append(entries(1, 2))).unwrap();
        let after_a = fs::metadata(live(dir.path())).unwrap().len() as usize;
        rt.block_on(journal.append(entries(3, 2))).unwrap();
        drop(journal);
        let full = fs::read(live(dir.path())).unwrap();
        // Every byte of the first batch: a flipped bit there is refused, never dropped.
        for at in HEADER_LEN..after_a {
            let mut bytes = full.clone();
            bytes[at] ^= 0x10;
            let copy = copy_journal(dir.path(), &bytes);
            match Journal::open(copy.path()) {
                Err(JournalError::Corrupt { offset, .. }) => {
                    assert!(offset >= HEADER_LEN as u64 && offset < after_a as u64);
                }
                Err(e) => panic!("byte {at}: unexpected error {e}"),
                Ok(_) => panic!("byte {at}: damaged acknowledged batch was accepted"),
            }
            assert!(matches!(
                read_all(copy.path()),
                Err(JournalError::Corrupt { .. })
            ));
            // Nothing was truncated: the evidence stays for a person to look at.
            assert_eq!(fs::read(copy.path().join(LIVE_FILE)).unwrap(), bytes);
        }
        // Damage in the last batch cannot be told from a torn write: dropped and counted.
        let mut bytes = full.clone();
        bytes[after_a + 12] ^= 0x10;
        let copy = copy_journal(dir.path(), &bytes);
        let (_, recovery) = Journal::open(copy.path()).unwrap();
        assert_eq!(numbers(&recovery.records), vec![1, 2]);
        assert_eq!(recovery.dropped_tail_bytes, (full.len() - after_a) as u64);
    }

    #[test]
    fn damaged_header_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        drop(Journal::open(dir.path()).unwrap());
        let mut bytes = fs::read(live(dir.path())).unwrap();
        bytes[14] ^= 1;
        fs::write(live(dir.path()), &bytes).unwrap();
        assert!(matches!(
            Journal::open(dir.path()),
            Err(JournalError::BadHeader { .. })
        ));
    }

    #[test]
    fn concurrent_appends_are_recovered_once_in_seq_order() {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        let (journal, _) = Journal::open(dir.path()).unwrap();
        let journal = Arc::new(journal);
        let acked: BTreeMap<u64, Entry> = rt.block_on(async {
            let mut tasks = Vec::new();
            for task in 0..32u64 {
                let journal = journal.clone();
                tasks.push(tokio::spawn(async move {
                    let mut acked = Vec::new();
                    for i in 0..20u64 {
                        let batch = entries(task * 1_000 + i * 10, 1 + i % 3);
                        let seqs = journal.append(batch.clone()).await.unwrap();
                        assert_eq!(seqs.len(), batch.len());
                        assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1));
                        acked.extend(seqs.into_iter().zip(batch));
                    }
                    acked
                }));
            }
            let mut all = BTreeMap::new();
            for t in tasks {
                for (seq, e) in t.await.unwrap() {
                    assert!(all.insert(seq, e).is_none(), "seq {seq} given twice");
                }
            }
            all
        });
        assert_eq!(acked.len(), 32 * (7 + 7 * 2 + 6 * 3));
        assert_eq!(journal.last_seq(), *acked.keys().last().unwrap());
        drop(journal);
        let (_, recovery) = Journal::open(dir.path()).unwrap();
        let got: Vec<(u64, Entry)> = recovery
            .records
            .into_iter()
            .map(|r| (r.seq, r.entry))
            .collect();
        assert_eq!(got, acked.into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn compaction_during_appends_loses_and_duplicates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        let (journal, _) = Journal::open(dir.path()).unwrap();
        let journal = Arc::new(journal);
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let compacted = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (acked, folded) = rt.block_on(async {
            let mut tasks = Vec::new();
            for task in 0..16u64 {
                let journal = journal.clone();
                let compacted = compacted.clone();
                tasks.push(tokio::spawn(async move {
                    let mut acked = Vec::new();
                    let mut i = 0u64;
                    // Appends go on until every compaction has finished (bounded, so a failing
                    // compactor fails the test instead of hanging it).
                    while i < 5 || (!compacted.load(Ordering::Acquire) && i < 20_000) {
                        let batch = entries(task * 1_000_000 + i * 10, 1 + i % 2);
                        let seqs = journal.append(batch.clone()).await.unwrap();
                        acked.extend(seqs.into_iter().zip(batch));
                        i += 1;
                    }
                    acked
                }));
            }
            // An offline reader (the rebuild) reading over and over while appends and
            // compactions run: never an error, never a duplicate or out-of-order seq.
            let reader = {
                let dir = journal.dir().to_path_buf();
                let stop = stop.clone();
                tokio::task::spawn_blocking(move || {
                    let mut reads = 0;
                    let mut longest = 0;
                    while !stop.load(Ordering::Acquire) {
                        let records = read_all(&dir).unwrap();
                        assert!(records.windows(2).all(|w| w[0].seq < w[1].seq));
                        assert!(records.len() >= longest, "a reader lost records");
                        longest = records.len();
                        reads += 1;
                    }
                    reads
                })
            };
            let compactor = {
                let journal = journal.clone();
                let compacted = compacted.clone();
                tokio::task::spawn_blocking(move || {
                    let mut folded = 0;
                    let mut during = 0;
                    for _ in 0..8 {
                        std::thread::sleep(std::time::Duration::from_millis(15));
                        folded = journal.last_seq();
                        let stats = journal.compact(folded).unwrap();
                        during += stats.appended_during;
                        // The live journal now starts after the folded seq.
                        let bytes = fs::read(journal.dir().join(LIVE_FILE)).unwrap();
                        let header = decode_header(Path::new("live"), LIVE_MAGIC, &bytes).unwrap();
                        assert_eq!(header.base_seq, folded);
                    }
                    compacted.store(true, Ordering::Release);
                    (folded, during)
                })
            };
            let mut all = BTreeMap::new();
            for t in tasks {
                for (seq, e) in t.await.unwrap() {
                    assert!(all.insert(seq, e).is_none());
                }
            }
            let (folded, during) = compactor.await.unwrap();
            assert!(during > 0, "no append ran during a compaction");
            stop.store(true, Ordering::Release);
            assert!(reader.await.unwrap() > 0);
            (all, folded)
        });
        assert!(folded > 0);
        // While the writer is open, a second reader sees exactly the acknowledged records.
        let want: Vec<(u64, Entry)> = acked.clone().into_iter().collect();
        let pairs = |rs: Vec<Record>| -> Vec<(u64, Entry)> {
            rs.into_iter().map(|r| (r.seq, r.entry)).collect()
        };
        assert_eq!(pairs(read_all(dir.path()).unwrap()), want);
        drop(journal);

        let (journal, recovery) = Journal::open(dir.path()).unwrap();
        let live_want: Vec<(u64, Entry)> =
            want.iter().filter(|(s, _)| *s > folded).cloned().collect();
        assert_eq!(pairs(recovery.records), live_want);
        assert_eq!(pairs(journal.history().unwrap()), want);
        assert_eq!(pairs(read_live(dir.path(), folded).unwrap()), live_want);
        assert_eq!(pairs(read_live(dir.path(), 0).unwrap()), want);
    }

    #[test]
    fn failed_hand_over_leaves_a_usable_journal() {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        let (journal, _) = Journal::open(dir.path()).unwrap();
        rt.block_on(journal.append(entries(1, 4))).unwrap();
        journal.inject(Fault::Rename);
        // The archive append succeeds, the hand-over fails: as a crash between those steps.
        assert!(journal.compact(2).is_err());
        assert!(!dir.path().join("live.journal.tmp").exists());
        assert!(!journal.is_failed());
        rt.block_on(journal.append(entries(5, 1))).unwrap();
        assert_eq!(numbers(&read_all(dir.path()).unwrap()), vec![1, 2, 3, 4, 5]);
        // A retry does not archive seqs 1 and 2 a second time.
        let stats = journal.compact(3).unwrap();
        assert_eq!(stats.archived, 1);
        assert_eq!(numbers(&journal.history().unwrap()), vec![1, 2, 3, 4, 5]);
        drop(journal);
        let (journal, recovery) = Journal::open(dir.path()).unwrap();
        assert_eq!(numbers(&recovery.records), vec![4, 5]);
        assert_eq!(numbers(&journal.history().unwrap()), vec![1, 2, 3, 4, 5]);
    }

    #[test]
    fn crash_leftovers_of_compaction_recover() {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        let (journal, _) = Journal::open(dir.path()).unwrap();
        rt.block_on(journal.append(entries(1, 3))).unwrap();
        rt.block_on(journal.append(entries(4, 3))).unwrap();
        let old_live = fs::read(live(dir.path())).unwrap();
        journal.inject(Fault::Rename);
        assert!(journal.compact(4).is_err());
        drop(journal);
        let history = fs::read(dir.path().join(HISTORY_FILE)).unwrap();
        assert!(history.len() > HEADER_LEN, "the archive append happened");

        // Crash after the archive append and after the temp file was written, before the rename.
        fs::write(dir.path().join("live.journal.tmp"), b"half a new live file").unwrap();
        let (journal, recovery) = Journal::open(dir.path()).unwrap();
        assert!(!dir.path().join("live.journal.tmp").exists());
        assert_eq!(numbers(&recovery.records), vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(recovery.dropped_history_bytes, 0);
        assert_eq!(numbers(&journal.history().unwrap()), vec![1, 2, 3, 4, 5, 6]);
        drop(journal);

        // Crash in the middle of the archive append: every torn length is cut, nothing lost.
        let fresh = old_live.clone();
        for cut in HEADER_LEN + 1..history.len() {
            let copy = copy_journal(dir.path(), &fresh);
            let archive = copy.path().join(HISTORY_FILE);
            fs::write(&archive, &history[..cut]).unwrap();
            let (journal, recovery) = Journal::open(copy.path()).unwrap();
            assert_eq!(
                numbers(&recovery.records),
                vec![1, 2, 3, 4, 5, 6],
                "cut {cut}"
            );
            assert!(recovery.dropped_history_bytes > 0 || cut == history.len());
            journal.compact(5).unwrap();
            assert_eq!(
                numbers(&journal.history().unwrap()),
                vec![1, 2, 3, 4, 5, 6],
                "cut {cut}"
            );
            drop(journal);
            let (journal, recovery) = Journal::open(copy.path()).unwrap();
            assert_eq!(numbers(&recovery.records), vec![6], "cut {cut}");
            assert_eq!(
                numbers(&journal.history().unwrap()),
                vec![1, 2, 3, 4, 5, 6],
                "cut {cut}"
            );
        }

        // Crash after the rename, before the directory fsync: the new file is complete.
        let (journal, _) = Journal::open(dir.path()).unwrap();
        journal.compact(4).unwrap();
        drop(journal);
        let (journal, recovery) = Journal::open(dir.path()).unwrap();
        assert_eq!(numbers(&recovery.records), vec![5, 6]);
        assert_eq!(numbers(&journal.history().unwrap()), vec![1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn a_missing_file_is_refused_not_recreated() {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        let (journal, _) = Journal::open(dir.path()).unwrap();
        rt.block_on(journal.append(entries(1, 3))).unwrap();
        journal.compact(2).unwrap();
        drop(journal);
        let live_copy = fs::read(live(dir.path())).unwrap();
        fs::remove_file(dir.path().join(HISTORY_FILE)).unwrap();
        assert!(matches!(
            Journal::open(dir.path()),
            Err(JournalError::Missing { .. })
        ));
        let other = tempfile::tempdir().unwrap();
        fs::write(other.path().join(HISTORY_FILE), b"x").unwrap();
        fs::remove_file(live(dir.path())).unwrap();
        drop(live_copy);
        assert!(matches!(
            Journal::open(other.path()),
            Err(JournalError::Missing { .. })
        ));
    }

    #[test]
    fn second_handle_reads_while_the_writer_is_open() {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        assert!(read_all(dir.path()).unwrap().is_empty());
        let (journal, _) = Journal::open(dir.path()).unwrap();
        assert!(matches!(
            Journal::open(dir.path()),
            Err(JournalError::Locked { .. })
        ));
        assert!(read_live(dir.path(), 0).unwrap().is_empty());
        rt.block_on(journal.append(entries(1, 5))).unwrap();
        assert_eq!(numbers(&read_live(dir.path(), 3).unwrap()), vec![4, 5]);
        journal.compact(2).unwrap();
        rt.block_on(journal.append(entries(6, 1))).unwrap();
        assert_eq!(
            numbers(&read_all(dir.path()).unwrap()),
            vec![1, 2, 3, 4, 5, 6]
        );
        assert_eq!(
            numbers(&read_live(dir.path(), 1).unwrap()),
            vec![2, 3, 4, 5, 6]
        );
        assert_eq!(numbers(&read_live(dir.path(), 4).unwrap()), vec![5, 6]);
        drop(journal);
        assert!(Journal::open(dir.path()).is_ok());
    }

    #[test]
    fn failed_fsync_refuses_later_appends_and_stores_nothing_unacknowledged() {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        let (journal, _) = Journal::open(dir.path()).unwrap();
        rt.block_on(journal.append(entries(1, 2))).unwrap();
        journal.inject(Fault::Sync);
        assert!(matches!(
            rt.block_on(journal.append(entries(3, 2))),
            Err(JournalError::Failed { .. })
        ));
        assert!(journal.is_failed());
        assert!(matches!(
            rt.block_on(journal.append(entries(5, 1))),
            Err(JournalError::Failed { .. })
        ));
        assert!(matches!(
            journal.compact(1),
            Err(JournalError::Failed { .. })
        ));
        drop(journal);
        let (journal, recovery) = Journal::open(dir.path()).unwrap();
        assert_eq!(numbers(&recovery.records), vec![1, 2]);
        assert!(rt.block_on(journal.append(entries(7, 1))).is_ok());
    }

    #[test]
    fn invalid_appends_are_refused_whole() {
        let dir = tempfile::tempdir().unwrap();
        let rt = rt();
        let (journal, _) = Journal::open(dir.path()).unwrap();
        let mut no_reason = entries(3, 1);
        no_reason[0].reason = " ".to_owned();
        let mut batch = entries(1, 1);
        batch.extend(no_reason);
        assert!(matches!(
            rt.block_on(journal.append(batch)),
            Err(JournalError::MissingReason { index: 1 })
        ));
        let mut long = entries(1, 1);
        long[0].actor = "a".repeat(MAX_FIELD_BYTES + 1);
        assert!(matches!(
            rt.block_on(journal.append(long)),
            Err(JournalError::FieldTooLong { field: "actor", .. })
        ));
        assert!(matches!(
            rt.block_on(journal.append(entries(1, MAX_APPEND_ENTRIES as u64 + 1))),
            Err(JournalError::TooManyEntries { .. })
        ));
        assert!(matches!(
            journal.compact(1),
            Err(JournalError::FoldedAhead { .. })
        ));
        assert_eq!(journal.last_seq(), 0);
        drop(journal);
        assert!(read_all(dir.path()).unwrap().is_empty());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn any_entry_encodes_and_decodes(
            number: u64,
            centre: bool,
            add: bool,
            id in ".{0,20}",
            actor in ".{0,20}",
            reason in ".{1,40}",
            secs in -50_000_000_000i64..50_000_000_000,
            nanos in 0u32..1_000_000_000,
        ) {
            let e = Entry {
                list: if centre { ListRef::Centre(id) } else { ListRef::Client(id) },
                number,
                op: if add { Op::Add } else { Op::Remove },
                actor,
                reason,
                at: DateTime::from_timestamp(secs, nanos).unwrap(),
            };
            let mut buf = Vec::new();
            encode_record(&mut buf, 7, 5, true, Some(&e));
            let Frame::Intact { payload, end } = frame_at(&buf, 0) else {
                panic!("fresh record damaged");
            };
            proptest::prop_assert_eq!(end, buf.len());
            let Ok((seq, prev, last, Body::Entry(back))) = decode_payload(payload) else {
                panic!("fresh record undecodable");
            };
            proptest::prop_assert_eq!((seq, prev, last), (7, 5, true));
            proptest::prop_assert_eq!(back, e);
        }
    }
}
