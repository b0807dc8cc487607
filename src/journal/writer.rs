//! The writer thread: the one owner of the live file. It takes every append waiting at that
//! moment, writes them with one `pwrite` and one `fdatasync` (group commit), and only then
//! replies; between two batches it completes a compaction's hand-over of a new live file.

use std::fs::{self, File};
use std::os::unix::fs::FileExt;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Arc, mpsc};

use tokio::sync::oneshot;

use super::codec::{Frame, encode_record, frame_at};
use super::{Entry, JournalError, MAX_APPEND_ENTRIES, Record, Shared, io_err, read_range};
use crate::fsutil;

/// What the writer thread is asked to do.
pub(super) enum Command {
    Append(AppendRequest),
    Swap(SwapRequest),
}

/// Entries to append, and where to send their seqs once they are durable.
pub(super) struct AppendRequest {
    pub(super) entries: Vec<Entry>,
    pub(super) reply: oneshot::Sender<Result<Vec<u64>, JournalError>>,
}

/// Compaction's hand-over of a new live file to the writer.
pub(super) struct SwapRequest {
    pub(super) tmp: File,
    pub(super) tmp_path: PathBuf,
    /// Bytes already in the new file.
    pub(super) tmp_len: u64,
    /// Offset in the old file up to which the new file has the records.
    pub(super) from: u64,
    pub(super) reply: mpsc::SyncSender<Result<usize, JournalError>>,
}

/// The writer thread's state: the live file and how far it is durably written.
pub(super) struct Writer {
    pub(super) shared: Arc<Shared>,
    pub(super) file: File,
    /// End of the live file (everything before it is synced).
    pub(super) end: u64,
    /// Highest seq in the live file.
    pub(super) last_written: u64,
    pub(super) buf: Vec<u8>,
}

impl Writer {
    pub(super) fn run(mut self, rx: mpsc::Receiver<Command>) {
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
        let started = std::time::Instant::now();
        let result = self
            .file
            .write_all_at(&self.buf, self.end)
            .and_then(|()| crate::fault!(JournalSync, &self.shared.dir))
            .and_then(|()| self.file.sync_data());
        crate::metrics::journal_commit(records, started.elapsed(), result.is_ok());
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
        // Indexed before the reply: a caller that sees its seq sees the record in history.
        self.shared.index(
            group
                .iter()
                .flat_map(|r| &r.entries)
                .enumerate()
                .map(|(i, e)| Record {
                    seq: batch_prev + 1 + i as u64,
                    entry: e.clone(),
                }),
        );
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
        // The first failure wins: callers are told the reason the gate closed for.
        let _ = self.shared.failed.set(reason);
        self.shared
            .failed
            .get()
            .cloned()
            .expect("the failure reason is set: by the line above or by an earlier failure")
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
        crate::fault!(JournalRename, &self.shared.dir).map_err(io_err("rename", &s.tmp_path))?;
        // Not `fsutil::rename_synced`: the writer must switch to the new file before the
        // directory fsync, whose failure closes the journal (see below).
        fs::rename(&s.tmp_path, &live_path).map_err(io_err("rename", &s.tmp_path))?;
        // From here on the path names the new file: append only to it.
        self.file = s.tmp.try_clone().map_err(io_err("reopen", &live_path))?;
        self.end = s.tmp_len + tail.len() as u64;
        self.shared.durable_end.store(self.end, Ordering::Release);
        if let Err(e) = fsutil::sync_dir(&self.shared.dir) {
            // Until the rename is durable, a power cut could bring back the old file without
            // the appends that follow.
            let reason = self.fail("fsync of the journal directory after compaction", &e);
            return Err(JournalError::Failed { reason });
        }
        Ok(carried)
    }
}
