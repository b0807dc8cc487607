//! File framing shared by every generation file: a magic, a format version and a kind at the
//! start, an xxh3-64 checksum of everything before it at the end.
//!
//! Opening checks the frame and the checksum before any byte of the body is interpreted, so a
//! truncated, corrupted or foreign file is refused with an error instead of being misread.

use super::GenerationError;
use crate::fsutil::{le_u32, le_u64};

/// The magic that starts every vask generation file.
pub const MAGIC: [u8; 8] = *b"VASKGEN\0";
/// The format version this build writes and reads.
pub const VERSION: u32 = 3;
/// Bytes before the body: magic, version, kind.
pub const HEADER_LEN: usize = 16;
/// Bytes after the body: checksum.
pub const FOOTER_LEN: usize = 8;

/// What a framed file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum FileKind {
    /// Number sets ([`super::numberset`]).
    Sets = 1,
}

/// Wraps a body in the frame. The body starts at offset [`HEADER_LEN`], 8-byte aligned.
pub fn frame(kind: FileKind, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + body.len() + FOOTER_LEN);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(kind as u32).to_le_bytes());
    out.extend_from_slice(body);
    let sum = xxhash_rust::xxh3::xxh3_64(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// Checks the frame of `bytes` and returns the range of its body.
pub fn unframe(
    file: &str,
    kind: FileKind,
    bytes: &[u8],
) -> Result<std::ops::Range<usize>, GenerationError> {
    let corrupt = |why: String| GenerationError::Corrupt {
        file: file.to_owned(),
        why,
    };
    if bytes.len() < HEADER_LEN + FOOTER_LEN {
        return Err(corrupt(format!("only {} bytes: truncated", bytes.len())));
    }
    if bytes[..8] != MAGIC {
        return Err(corrupt("not a vask generation file (bad magic)".into()));
    }
    let truncated = || corrupt(format!("only {} bytes: truncated", bytes.len()));
    let version = le_u32(bytes, 8).ok_or_else(truncated)?;
    if version != VERSION {
        return Err(GenerationError::Version {
            file: file.to_owned(),
            expected: VERSION,
            got: version,
        });
    }
    let got_kind = le_u32(bytes, 12).ok_or_else(truncated)?;
    if got_kind != kind as u32 {
        return Err(corrupt(format!(
            "file kind {got_kind}, expected {}",
            kind as u32
        )));
    }
    let end = bytes.len() - FOOTER_LEN;
    let expected = le_u64(bytes, end).ok_or_else(truncated)?;
    let got = xxhash_rust::xxh3::xxh3_64(&bytes[..end]);
    if expected != got {
        return Err(GenerationError::ChecksumMismatch {
            file: file.to_owned(),
            expected,
            got,
        });
    }
    Ok(HEADER_LEN..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_round_trips_and_detects_damage() {
        let framed = frame(FileKind::Sets, b"hello world, 8-aligned!!");
        let body = unframe("t", FileKind::Sets, &framed).unwrap();
        assert_eq!(&framed[body], b"hello world, 8-aligned!!");

        for cut in 0..framed.len() {
            assert!(
                unframe("t", FileKind::Sets, &framed[..cut]).is_err(),
                "cut {cut}"
            );
        }
        for i in 0..framed.len() {
            let mut bad = framed.clone();
            bad[i] ^= 0x10;
            assert!(unframe("t", FileKind::Sets, &bad).is_err(), "flip {i}");
        }
        let mut other = framed.clone();
        other[8] = (VERSION + 1) as u8;
        assert!(matches!(
            unframe("t", FileKind::Sets, &other),
            Err(GenerationError::Version { got, .. }) if got == VERSION + 1
        ));
    }
}
