//! The end of the trail file, read backwards in blocks so that a record of any length is
//! found: the head (seq and chain of the last record) an append continues from, and a torn
//! last record (a write that never completed) cut off.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::chain::{AuditKey, header_chain, split_line};
use super::{AuditError, HEADER};

/// How much of the file is read at a time, backwards.
const BLOCK: u64 = 64 << 10;

/// The head of a trail: the chain and seq of its last record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Head {
    /// The last record's seq (0 when the trail holds only its header).
    pub(super) seq: u64,
    /// The last record's chain value (the header's when there is no record).
    pub(super) chain: String,
}

/// Where the last `\n` before `end` is in `file`, if there is one.
fn last_newline(file: &mut File, mut end: u64) -> std::io::Result<Option<u64>> {
    loop {
        let from = end.saturating_sub(BLOCK);
        let mut block = vec![0u8; (end - from) as usize];
        file.seek(SeekFrom::Start(from))?;
        file.read_exact(&mut block)?;
        if let Some(i) = block.iter().rposition(|&b| b == b'\n') {
            return Ok(Some(from + i as u64));
        }
        if from == 0 {
            return Ok(None);
        }
        end = from;
    }
}

/// The last complete line of `file` (of length `len`, ending in `\n`), without its `\n`.
fn last_line(file: &mut File, len: u64) -> std::io::Result<Option<String>> {
    if len == 0 {
        return Ok(None);
    }
    let end = len - 1; // the final '\n'
    let start = last_newline(file, end)?.map_or(0, |i| i + 1);
    let mut tail = vec![0u8; (end - start) as usize];
    file.seek(SeekFrom::Start(start))?;
    file.read_exact(&mut tail)?;
    Ok(Some(String::from_utf8_lossy(&tail).into_owned()))
}

/// Cuts a torn last line (no final `\n`) off; returns the file's length after.
pub(super) fn cut_torn_tail(file: &mut File) -> std::io::Result<u64> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(0);
    }
    let mut last = [0u8; 1];
    file.seek(SeekFrom::Start(len - 1))?;
    file.read_exact(&mut last)?;
    if last[0] == b'\n' {
        return Ok(len);
    }
    // Keep up to the end of the last whole line.
    let keep = last_newline(file, len)?.map_or(0, |i| i + 1);
    tracing::warn!(
        cut_bytes = len - keep,
        "audit trail: cut off a torn last record (a write that never completed)"
    );
    file.set_len(keep)?;
    Ok(keep)
}

/// The head after the last line of the trail at `path`, open as `file`, of length `len`
/// (header-only: seq 0).
pub(super) fn read_head(
    file: &mut File,
    len: u64,
    key: &AuditKey,
    path: &Path,
) -> Result<Head, AuditError> {
    let line = last_line(file, len)
        .map_err(AuditError::io(path))?
        .unwrap_or_default();
    if line.starts_with(HEADER) {
        return Ok(Head {
            seq: 0,
            chain: header_chain(key, &line),
        });
    }
    let (seq, chain, _) = split_line(&line).ok_or_else(|| AuditError::Corrupt {
        line: 0,
        why: "the last record is not `<seq> <chain> <json>`".into(),
    })?;
    Ok(Head {
        seq,
        chain: chain.to_owned(),
    })
}
