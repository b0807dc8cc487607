//! Reading the journal back: every record in seq order, from the archive and the live file,
//! without the write lock (an offline rebuild reads while the server writes).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::codec::{Item, decode_header};
use super::recovery::{scan, scan_live};
use super::{
    HEADER_LEN, HISTORY_FILE, HISTORY_MAGIC, Journal, JournalError, LIVE_FILE, Record, io_err,
    read_range,
};

impl Journal {
    /// Every record ever written (archive, then live journal) in seq order, for audit.
    pub fn history(&self) -> Result<Vec<Record>, JournalError> {
        read_records(&self.shared.dir, 0)
    }

    /// The newest `limit` records of one number that `keep` accepts, in seq order, and how many
    /// older ones it accepts beyond them. Costs that number's entries, and clones at most
    /// `limit` of them: a number that a key has added thousands of times stays cheap to explain.
    pub fn history_newest(
        &self,
        number: u64,
        keep: impl Fn(&Record) -> bool,
        limit: usize,
    ) -> (Vec<Record>, usize) {
        let index = self
            .shared
            .index
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(records) = index.get(&number) else {
            return (Vec::new(), 0);
        };
        let mut newest = Vec::new();
        let mut older = 0usize;
        for r in records.iter().rev().filter(|r| keep(r)) {
            if newest.len() < limit {
                newest.push(r.clone());
            } else {
                older += 1;
            }
        }
        newest.reverse();
        (newest, older)
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
    let (header, live_scan) = scan_live(&live_path, &bytes)?;
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
