//! File-system steps that must survive a power cut, and little-endian integers read out of
//! bytes: each written once, here, and used by every module that needs it.
//!
//! # Durable replace
//! A file is replaced so that a crash at any moment leaves either the old content or the new,
//! never a mix: [`write_synced`] writes a temporary file next to it and fsyncs it,
//! [`rename_synced`] renames it over the target and fsyncs the directory (a rename is only
//! durable once its directory is). [`replace`] does both. A caller that must act between the
//! two steps (a fault point in a test, the journal switching its writer to the new file) calls
//! them one by one.
//!
//! # Little-endian readers
//! [`le_u16`], [`le_u32`] and [`le_u64`] read the integer at a byte offset and return `None`
//! when the slice is too short: they never panic and never make up a value, so a truncated
//! file becomes the caller's typed error (`Corrupt`, a damaged journal frame) instead of a
//! crash or a silent 0.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

/// A file-system step that failed: what was being done, to which path, and the OS error.
#[derive(Debug, thiserror::Error)]
#[error("cannot {op} {}: {source}", path.display())]
pub struct IoError {
    /// The step: `create`, `write`, `fsync`, `rename to`, `fsync directory`, `copy to`, ...
    pub op: &'static str,
    /// The file or directory it failed on.
    pub path: PathBuf,
    /// The OS error.
    #[source]
    pub source: io::Error,
}

fn io_err<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> IoError + 'a {
    move |source| IoError {
        op,
        path: path.to_path_buf(),
        source,
    }
}

/// The temporary name a file is written under before it replaces `path`: `path` + `.tmp`.
pub fn tmp_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".tmp");
    PathBuf::from(name)
}

/// Fsyncs a directory, so that the creations, renames and removals inside it are durable.
pub fn sync_dir(dir: &Path) -> Result<(), IoError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err("fsync directory", dir))
}

/// Creates (or truncates) `path`, writes `parts` one after the other, fsyncs the file and
/// returns it open for reading and writing. The directory entry is not synced: rename the
/// file into place with [`rename_synced`], or sync its directory with [`sync_dir`].
pub fn write_synced(path: &Path, parts: &[&[u8]]) -> Result<File, IoError> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(true)
        .read(true)
        .write(true)
        .open(path)
        .map_err(io_err("create", path))?;
    let mut at = 0;
    for part in parts {
        file.write_all_at(part, at).map_err(io_err("write", path))?;
        at += part.len() as u64;
    }
    file.sync_all().map_err(io_err("fsync", path))?;
    Ok(file)
}

/// Renames `from` onto `to` (a file or a directory) and fsyncs the directory of `to`, so that
/// the rename survives a power cut. `from` must be complete and synced.
pub fn rename_synced(from: &Path, to: &Path) -> Result<(), IoError> {
    std::fs::rename(from, to).map_err(io_err("rename to", to))?;
    match to.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => sync_dir(dir),
        _ => sync_dir(Path::new(".")),
    }
}

/// Replaces `path` with `bytes` durably: a synced temporary file ([`tmp_path`]) renamed over
/// it, then the directory synced. Readers see the old content or the new, never a mix.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    let tmp = tmp_path(path);
    write_synced(&tmp, &[bytes])?;
    rename_synced(&tmp, path)
}

/// Takes an exclusive lock on the file `path` (created if missing, never truncated) for as
/// long as the returned file is open: `None` when another process, or another handle in this
/// one, holds it.
pub fn try_lock(path: &Path) -> Result<Option<File>, IoError> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(io_err("open", path))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(io_err("lock", path)(e)),
    }
}

/// Copies the file `from` to `to` (created or truncated) and fsyncs the copy.
pub fn copy_synced(from: &Path, to: &Path) -> Result<(), IoError> {
    let mut src = File::open(from).map_err(io_err("open", from))?;
    let mut dst = File::create(to).map_err(io_err("create", to))?;
    io::copy(&mut src, &mut dst).map_err(io_err("copy to", to))?;
    dst.sync_all().map_err(io_err("fsync", to))
}

/// The little-endian `u16` at byte `at`, or `None` if `bytes` ends before it does.
#[inline]
pub fn le_u16(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes(b.try_into().ok()?))
}

/// The little-endian `u32` at byte `at`, or `None` if `bytes` ends before it does.
#[inline]
pub fn le_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(b.try_into().ok()?))
}

/// The little-endian `u64` at byte `at`, or `None` if `bytes` ends before it does.
#[inline]
pub fn le_u64(bytes: &[u8], at: usize) -> Option<u64> {
    let b = bytes.get(at..at.checked_add(8)?)?;
    Some(u64::from_le_bytes(b.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn le_readers_read_in_bounds_and_refuse_past_the_end() {
        let bytes = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        assert_eq!(le_u16(&bytes, 0), Some(0x0201));
        assert_eq!(le_u32(&bytes, 1), Some(0x0504_0302));
        assert_eq!(le_u64(&bytes, 1), Some(0x0908_0706_0504_0302));
        assert_eq!(le_u16(&bytes, 8), None);
        assert_eq!(le_u32(&bytes, 6), None);
        assert_eq!(le_u64(&bytes, 2), None);
        assert_eq!(le_u64(&bytes, usize::MAX), None);
        assert_eq!(le_u32(&[], 0), None);
    }

    #[test]
    fn replace_leaves_the_new_content_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("CURRENT");
        replace(&path, b"one\n").unwrap();
        replace(&path, b"two\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two\n");
        assert!(!tmp_path(&path).exists());
        let missing = dir.path().join("no-such-dir").join("file");
        let err = replace(&missing, b"x").unwrap_err();
        assert_eq!(err.op, "create");
        assert!(err.to_string().contains("no-such-dir"), "{err}");
    }

    #[test]
    fn a_lock_is_held_until_its_file_is_closed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("LOCK");
        let held = try_lock(&path).unwrap().expect("free");
        assert!(try_lock(&path).unwrap().is_none());
        drop(held);
        assert!(try_lock(&path).unwrap().is_some());
    }

    #[test]
    fn write_synced_writes_the_parts_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let file = write_synced(&path, &[b"ab", b"", b"cd"]).unwrap();
        assert_eq!(file.metadata().unwrap().len(), 4);
        assert_eq!(std::fs::read(&path).unwrap(), b"abcd");
        let copy = dir.path().join("g");
        copy_synced(&path, &copy).unwrap();
        assert_eq!(std::fs::read(&copy).unwrap(), b"abcd");
    }
}
