//! The open trail, [`AuditLog`]: opening (a first-format trail moved aside, a torn tail cut
//! off, the key checked), appending one whole record under an exclusive `flock` so that the
//! server and `vask wash` can share a trail, and the thread that fsyncs what was written.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use super::chain::{AuditKey, chain_of, check_header_key, header_line};
use super::tail::{Head, cut_torn_tail, read_head};
use super::{AuditError, AuditRecord, FILE, HEADER, SYNC_INTERVAL};

struct Inner {
    file: File,
    head: Head,
    /// File length after the last line this process read or wrote.
    len: u64,
    /// Set when a failed append could not be undone.
    failed: Option<String>,
}

/// The open audit trail.
pub struct AuditLog {
    path: PathBuf,
    key: AuditKey,
    inner: Mutex<Inner>,
    dirty: Arc<AtomicBool>,
    sync_file: File,
}

impl std::fmt::Debug for AuditLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditLog")
            .field("path", &self.path)
            .finish()
    }
}

impl AuditLog {
    /// Opens (creating) the trail in `dir` under `key` (or the generated key beside it),
    /// cuts a torn last line off, and starts the fsync thread. A trail of the first format
    /// (unkeyed) is moved aside to `audit.v1.log` and a new one begun.
    pub fn open(dir: &Path, key: Option<&AuditKey>) -> Result<Arc<AuditLog>, AuditError> {
        let key = AuditKey::given_or_beside(key, dir)?;
        let path = dir.join(FILE);
        let io = AuditError::io(&path);
        std::fs::create_dir_all(dir).map_err(io)?;
        move_first_format_aside(dir, &path).map_err(io)?;
        let mut file = OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(&path)
            .map_err(io)?;
        file.lock().map_err(io)?;
        let opened = (|| -> Result<(Head, u64), AuditError> {
            let mut len = cut_torn_tail(&mut file).map_err(io)?;
            if len == 0 {
                let header = header_line(&key);
                file.write_all(format!("{header}\n").as_bytes())
                    .map_err(io)?;
                file.sync_data().map_err(io)?;
                len = (header.len() + 1) as u64;
            } else {
                let mut first = String::new();
                file.seek(SeekFrom::Start(0)).map_err(io)?;
                BufReader::new(&file).read_line(&mut first).map_err(io)?;
                check_header_key(&key, first.trim_end())?;
            }
            let head = read_head(&mut file, len, &key, &path)?;
            Ok((head, len))
        })();
        let _ = file.unlock();
        let (head, len) = opened?;
        let sync_file = file.try_clone().map_err(io)?;
        let log = Arc::new(AuditLog {
            path: path.clone(),
            key,
            inner: Mutex::new(Inner {
                file,
                head,
                len,
                failed: None,
            }),
            dirty: Arc::new(AtomicBool::new(false)),
            sync_file,
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

    /// The trail's key (Explain hashes numbers with it).
    pub fn key(&self) -> &AuditKey {
        &self.key
    }

    fn sync_if_dirty(&self) {
        if self.dirty.swap(false, Ordering::AcqRel)
            && let Err(e) = self.sync_file.sync_data()
        {
            self.dirty.store(true, Ordering::Release);
            tracing::error!(error = %e, "audit trail fsync failed");
        }
    }

    /// Appends a record; it is in the file (not yet fsynced) when this returns, and its seq
    /// is returned. On an error nothing of it is in the trail.
    pub fn append(&self, record: &AuditRecord) -> Result<u64, AuditError> {
        let appended = self.append_record(record);
        crate::metrics::audit_append(appended.is_ok());
        appended
    }

    fn append_record(&self, record: &AuditRecord) -> Result<u64, AuditError> {
        let json = match serde_json::to_string(record) {
            Ok(j) => j,
            Err(e) => unreachable!("an audit record always serialises: {e}"),
        };
        let io = AuditError::io(&self.path);
        let mut inner = self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(why) = &inner.failed {
            return Err(AuditError::Failed(why.clone()));
        }
        inner.file.lock().map_err(io)?;
        let result = (|| -> Result<u64, AuditError> {
            let inner = &mut *inner;
            // Another process may have appended (or left a torn line) since.
            let len = inner.file.metadata().map_err(io)?.len();
            if len != inner.len {
                let len = cut_torn_tail(&mut inner.file).map_err(io)?;
                inner.head = read_head(&mut inner.file, len, &self.key, &self.path)?;
                inner.len = len;
            }
            let seq = inner.head.seq + 1;
            let chain = chain_of(&self.key, &inner.head.chain, seq, &json);
            let line = format!("{seq} {chain} {json}\n");
            if let Err(e) = self.write_line(&mut inner.file, line.as_bytes()) {
                // Undo a partial write, so that the next record is not written after it.
                if let Err(undo) = inner.file.set_len(inner.len) {
                    let why = format!("write failed ({e}) and cutting it off failed ({undo})");
                    inner.failed = Some(why.clone());
                    return Err(AuditError::Failed(why));
                }
                return Err(io(e));
            }
            inner.len += line.len() as u64;
            inner.head = Head { seq, chain };
            Ok(seq)
        })();
        let unlocked = inner.file.unlock();
        let seq = result?;
        unlocked.map_err(io)?;
        self.dirty.store(true, Ordering::Release);
        Ok(seq)
    }

    fn write_line(&self, file: &mut File, line: &[u8]) -> std::io::Result<()> {
        if let Err(e) = crate::fault!(AuditAppend, &self.path) {
            // As a full disk does: part of the record, then the error.
            file.write_all(&line[..line.len() / 2])?;
            return Err(e);
        }
        file.write_all(line)
    }

    /// Fsyncs now (on shutdown).
    pub fn sync(&self) -> Result<(), AuditError> {
        self.dirty.store(false, Ordering::Release);
        self.sync_file
            .sync_data()
            .map_err(AuditError::io(&self.path))
    }
}

/// Moves a trail of the first, unkeyed format (lines `<sha256> <json>`) aside to
/// `audit.v1.log`, where it stays as it was, so that a keyed trail can begin.
fn move_first_format_aside(dir: &Path, path: &Path) -> std::io::Result<()> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let mut first = Vec::new();
    BufReader::new(file).take(64).read_to_end(&mut first)?;
    if first.is_empty() || first.starts_with(HEADER.as_bytes()) {
        return Ok(());
    }
    let old = dir.join("audit.v1.log");
    crate::fsutil::rename_synced(path, &old).map_err(|e| e.source)?;
    tracing::warn!(old = %old.display(), "audit trail of the first (unkeyed) format moved aside; a keyed trail begins");
    Ok(())
}
