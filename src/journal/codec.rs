//! The byte layout of the journal files: the 40-byte header of both files and the CRC-framed
//! records, encoded and decoded. Nothing here touches a file.

use std::path::Path;

use chrono::DateTime;

use crate::fsutil::{le_u16, le_u32, le_u64};

use super::{
    Entry, FLAG_LAST_IN_BATCH, FORMAT, FRAME_HEAD, HEADER_LEN, InternalList, JournalError,
    KIND_ENTRY, KIND_REOPEN, LIST_CENTRE, LIST_CLIENT, MAX_PAYLOAD, OP_ADD, OP_REMOVE, Op,
    RECORD_FORMAT, Record,
};
use crate::domain::{CentreId, ClientId};

/// The header of both files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Header {
    /// Every record with a seq up to this has left the live file (0 in the archive).
    pub(super) base_seq: u64,
    /// End of the archive's valid records when this live file was written (0 in the archive).
    pub(super) history_end: u64,
    /// Highest seq in the archive up to `history_end` (0 in the archive).
    pub(super) history_last: u64,
}

impl Header {
    pub(super) const ZERO: Header = Header {
        base_seq: 0,
        history_end: 0,
        history_last: 0,
    };
}

/// `magic[8] | format u8 | 0u8 ×3 | base_seq u64 | history_end u64 | history_last u64 | crc32`.
pub(super) fn encode_header(magic: [u8; 8], h: Header) -> [u8; HEADER_LEN] {
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

pub(super) fn decode_header(
    file: &Path,
    magic: [u8; 8],
    bytes: &[u8],
) -> Result<Header, JournalError> {
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
    let (Some(crc), Some(base_seq), Some(history_end), Some(history_last)) =
        (le_u32(h, 36), le_u64(h, 12), le_u64(h, 20), le_u64(h, 28))
    else {
        return Err(bad("shorter than its header"));
    };
    if crc32fast::hash(&h[..36]) != crc {
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
        base_seq,
        history_end,
        history_last,
    })
}

/// Appends one framed record. Payload (format 2):
/// `format | kind | flags | seq u64 | batch_prev u64` and, for an entry,
/// `list kind | op | number u64 | at secs i64 | at nanos u32 | list id | actor | reason |
/// by centre | principal`, each string as `u16 len | UTF-8` (`by` empty for none). Format 1
/// ended after `reason`. Entries must have passed [`super::validate`].
pub(super) fn encode_record(
    buf: &mut Vec<u8>,
    seq: u64,
    batch_prev: u64,
    last_in_batch: bool,
    entry: Option<&Entry>,
) {
    let start = buf.len();
    buf.extend_from_slice(&[0u8; FRAME_HEAD]);
    buf.push(RECORD_FORMAT);
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
            InternalList::Centre(id) => (LIST_CENTRE, id.as_str()),
            InternalList::Client(id) => (LIST_CLIENT, id.as_str()),
        };
        buf.push(kind);
        buf.push(match e.op {
            Op::Add => OP_ADD,
            Op::Remove => OP_REMOVE,
        });
        buf.extend_from_slice(&e.number.to_le_bytes());
        buf.extend_from_slice(&e.at.timestamp().to_le_bytes());
        buf.extend_from_slice(&e.at.timestamp_subsec_nanos().to_le_bytes());
        let by = e.by.as_ref().map_or("", CentreId::as_str);
        for s in [id, &e.actor, &e.reason, by, &e.principal] {
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

pub(super) enum Body {
    Entry(Entry),
    Reopen,
}

/// One intact, decoded record and where it sits.
pub(super) struct Item {
    pub(super) seq: u64,
    pub(super) batch_prev: u64,
    pub(super) last_in_batch: bool,
    pub(super) body: Body,
    /// Offset of its frame in the file.
    pub(super) offset: usize,
}

impl Item {
    pub(super) fn record(self) -> Option<Record> {
        match self.body {
            Body::Entry(entry) => Some(Record {
                seq: self.seq,
                entry,
            }),
            Body::Reopen => None,
        }
    }
}

pub(super) enum Frame<'a> {
    Intact { payload: &'a [u8], end: usize },
    Damaged,
}

/// The frame at `at`: intact if its length is sane, it fits, and its CRC matches.
pub(super) fn frame_at(bytes: &[u8], at: usize) -> Frame<'_> {
    let Some(head) = bytes.get(at..at + FRAME_HEAD) else {
        return Frame::Damaged;
    };
    let (Some(len), Some(crc)) = (le_u32(head, 0), le_u32(head, 4)) else {
        return Frame::Damaged;
    };
    let len = len as usize;
    if len == 0 || len > MAX_PAYLOAD {
        return Frame::Damaged;
    }
    let end = at + FRAME_HEAD + len;
    let Some(payload) = bytes.get(at + FRAME_HEAD..end) else {
        return Frame::Damaged;
    };
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&head[..4]);
    hasher.update(payload);
    if hasher.finalize() != crc {
        return Frame::Damaged;
    }
    Frame::Intact { payload, end }
}

/// Why an intact payload does not decode.
pub(super) enum Undecodable {
    Format(u8),
    Malformed(&'static str),
}

pub(super) struct Cursor<'a> {
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
    fn u16(&mut self) -> Result<u16, Undecodable> {
        le_u16(self.take(2)?, 0).ok_or(Undecodable::Malformed("record shorter than its fields"))
    }
    fn u32(&mut self) -> Result<u32, Undecodable> {
        le_u32(self.take(4)?, 0).ok_or(Undecodable::Malformed("record shorter than its fields"))
    }
    fn u64(&mut self) -> Result<u64, Undecodable> {
        le_u64(self.take(8)?, 0).ok_or(Undecodable::Malformed("record shorter than its fields"))
    }
    fn string(&mut self) -> Result<String, Undecodable> {
        let len = self.u16()?;
        let bytes = self.take(usize::from(len))?;
        String::from_utf8(bytes.to_vec()).map_err(|_| Undecodable::Malformed("text is not UTF-8"))
    }
}

/// Decodes a payload into (seq, batch_prev, last_in_batch, body).
pub(super) fn decode_payload(payload: &[u8]) -> Result<(u64, u64, bool, Body), Undecodable> {
    let mut c = Cursor {
        bytes: payload,
        at: 0,
    };
    let format = c.u8()?;
    if format != 1 && format != RECORD_FORMAT {
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
            let nanos = c.u32()?;
            let at = DateTime::from_timestamp(secs, nanos)
                .ok_or(Undecodable::Malformed("time out of range"))?;
            let id = c.string()?;
            let bad_id = |_| Undecodable::Malformed("list id is not a valid centre or client id");
            let list = match list_kind {
                LIST_CENTRE => InternalList::Centre(CentreId::new(id).map_err(bad_id)?),
                LIST_CLIENT => InternalList::Client(ClientId::new(id).map_err(bad_id)?),
                _ => return Err(Undecodable::Malformed("unknown list kind")),
            };
            let actor = c.string()?;
            let reason = c.string()?;
            let (by, principal) = if format == 1 {
                (None, String::new())
            } else {
                let by = c.string()?;
                let by = match by.is_empty() {
                    true => None,
                    false => Some(CentreId::new(by).map_err(|_| {
                        Undecodable::Malformed("the changing centre is not a valid id")
                    })?),
                };
                (by, c.string()?)
            };
            Body::Entry(Entry {
                list,
                number,
                op,
                actor,
                reason,
                at,
                by,
                principal,
            })
        }
        _ => return Err(Undecodable::Malformed("unknown record kind")),
    };
    if c.at != payload.len() {
        return Err(Undecodable::Malformed("bytes after the last field"));
    }
    Ok((seq, batch_prev, flags & FLAG_LAST_IN_BATCH != 0, body))
}
