//! Opening a journal: recovery of the live file and the archive, and the scan that tells a
//! torn, never-acknowledged last batch (cut off and counted) from corruption (refused).

use std::fs::{self, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, OnceLock, mpsc};

use super::codec::{
    Frame, Header, Item, Undecodable, decode_header, decode_payload, encode_header, encode_record,
    frame_at,
};
use super::writer::Writer;
use super::{
    Archive, FRAME_HEAD, HEADER_LEN, HISTORY_FILE, HISTORY_MAGIC, Journal, JournalError, LIVE_FILE,
    LIVE_MAGIC, REOPEN_GAP, Record, Recovery, Shared, file_len, io_err, lock_dir, read_range,
};
use crate::fsutil;

impl Journal {
    /// Opens the journal in `dir` (creating both if missing) and recovers it: returns every
    /// live record in seq order; a torn last batch is truncated away and counted, damage
    /// before an intact later batch is [`JournalError::Corrupt`].
    pub fn open(dir: &Path) -> Result<(Journal, Recovery), JournalError> {
        if !dir.is_dir() {
            fs::create_dir_all(dir).map_err(io_err("create directory", dir))?;
            if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
                fsutil::sync_dir(parent)?;
            }
        }
        let lock = lock_dir(dir)?;
        let live_path = dir.join(LIVE_FILE);
        let history_path = dir.join(HISTORY_FILE);
        for stale in [
            fsutil::tmp_path(&live_path),
            fsutil::tmp_path(&history_path),
        ] {
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
            fsutil::replace(&live_path, &encode_header(LIVE_MAGIC, fresh))?;
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
        let (header, live_scan) = scan_live(&live_path, &bytes)?;
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
            fsutil::replace(&history_path, &encode_header(HISTORY_MAGIC, Header::ZERO))?;
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
            index: Default::default(),
        });
        // Every record, archived or live, in the history index (one read at open).
        shared.index(super::read_all(dir)?);
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
}

/// Decodes a live file read into `bytes`: its header, and the scan of the records after it.
pub(super) fn scan_live(path: &Path, bytes: &[u8]) -> Result<(Header, Scan), JournalError> {
    let header = decode_header(path, LIVE_MAGIC, bytes)?;
    let scan = scan(
        path,
        &bytes[HEADER_LEN..],
        HEADER_LEN as u64,
        header.base_seq,
    )?;
    Ok((header, scan))
}

/// The intact records at the start of a region, and how long that valid prefix is.
pub(super) struct Scan {
    pub(super) items: Vec<Item>,
    pub(super) valid_len: usize,
}

/// Scans the records of a region that starts at file offset `origin`, after a record (or
/// header) whose seq is `base` and which ends a batch. Damage at the end, and the intact
/// records of the batch it cuts short, are left out of `valid_len`; damage followed by an
/// intact record of a later batch is an error.
pub(super) fn scan(
    file: &Path,
    bytes: &[u8],
    origin: u64,
    base: u64,
) -> Result<Scan, JournalError> {
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
pub(super) fn check_torn(
    bytes: &[u8],
    at: usize,
    prev: Option<&Item>,
    base: u64,
) -> Result<(), String> {
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
