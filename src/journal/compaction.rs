//! Compaction: after a rebuild has folded the journal into a generation, the folded records
//! move to the archive and the live file is rewritten with the rest, while appends go on.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::sync::atomic::Ordering;
use std::sync::{PoisonError, mpsc};

use super::codec::{Body, Header, encode_header, encode_record};
use super::recovery::scan_live;
use super::writer::{Command, SwapRequest};
use super::{
    CompactStats, Entry, HEADER_LEN, Journal, JournalError, LIVE_MAGIC, io_err, read_range,
};
use crate::fsutil;

impl Journal {
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
        let (_, live_scan) = scan_live(live_path, &bytes)?;
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
        let tmp_path = fsutil::tmp_path(live_path);
        let tmp = fsutil::write_synced(
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
}
