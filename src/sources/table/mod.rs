//! Reading one CSV source file: gzip or plain, UTF-8 with or without BOM, delimiter given or
//! sniffed, columns found by (configurable) header name, and every bad row reported with its
//! line number instead of being dropped.
//!
//! Every delivered file is read here (the national register and its deltas, the internal
//! lists, customers, express requests, and lead files, from `vask wash` or uploaded), so the
//! limits that keep a hostile or broken file from exhausting memory live here too
//! (`limits.rs`, [`Limits`]): a record or a field longer than the limit, and a gzip stream
//! that expands more than the limit allows, are refused with the file and the line
//! ([`SourceError::Limit`]). Only the first [`MAX_KEPT_ROW_ERRORS`] bad rows are kept; the
//! rest are counted. `tests.rs` holds the tests of both.

mod limits;

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

pub use limits::{Limit, LimitExceeded, Limits};

use super::{RowError, SourceError};

/// Bad rows kept with their line and reason in a [`TableSummary`]; more are only counted.
pub const MAX_KEPT_ROW_ERRORS: usize = 1000;

/// The longest reason kept for one bad row (a reason may quote its field), in bytes.
const MAX_REASON_BYTES: usize = 300;

/// Data rows read by every table in this process so far: a progress counter for the command
/// line, which polls it (one relaxed add per row; nothing waits on it).
pub static ROWS_READ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// How to read a table; the defaults fit vask's documented formats.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, PartialEq)]
pub struct TableOptions {
    /// Field delimiter; sniffed from the header line (`,` `;` tab `|`) when absent.
    #[serde(default)]
    pub delimiter: Option<char>,
    /// Header names that differ from vask's: canonical column name → the file's header.
    #[serde(default)]
    pub columns: HashMap<String, String>,
}

/// An open table whose header has been matched to the columns a format wants.
pub struct Table {
    file: String,
    reader: csv::Reader<Box<dyn Read + Send>>,
    /// For each wanted column, its index in the file (None if optional and absent).
    positions: Vec<Option<usize>>,
}

/// Opens `path` and finds `required` and `optional` columns in its header.
pub fn open(
    path: &Path,
    required: &[&str],
    optional: &[&str],
    opts: &TableOptions,
) -> Result<Table, SourceError> {
    let file = path.display().to_string();
    let mut reader = reader(path, opts.delimiter)?;
    let headers = reader.byte_headers().map_err(|e| csv_error(&file, e))?;
    if std::str::from_utf8(headers.as_slice()).is_err() {
        return Err(SourceError::Encoding { file, line: 1 });
    }
    let headers = headers
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_ascii_lowercase())
        .collect::<Vec<_>>();
    let find = |canonical: &str| {
        let name = opts
            .columns
            .get(canonical)
            .map(|n| n.trim().to_ascii_lowercase())
            .unwrap_or_else(|| canonical.to_owned());
        headers.iter().position(|h| *h == name)
    };
    let mut positions = Vec::with_capacity(required.len() + optional.len());
    for column in required {
        let at = find(column).ok_or_else(|| SourceError::MissingColumn {
            file: file.clone(),
            column: opts
                .columns
                .get(*column)
                .cloned()
                .unwrap_or_else(|| (*column).to_owned()),
            found: headers.join(","),
        })?;
        positions.push(Some(at));
    }
    positions.extend(optional.iter().map(|c| find(c)));
    Ok(Table {
        file,
        reader,
        positions,
    })
}

/// Opens `path` as a CSV reader whose header is not read yet: gzip or plain (by the file's
/// first bytes), rows of any number of fields, and the field delimiter `delimiter` (ASCII) or,
/// when `None`, sniffed from the header line (see [`sniff_delimiter`]). Shared by the source
/// tables and the lead files (`vask wash`, an upload: [`reader_from`]).
///
/// The reader enforces [`Limits::DEFAULT`]: a record, a field or a gzip ratio past them is an
/// I/O error whose inner error is a [`LimitExceeded`] naming the file and the line (the
/// tables turn it into [`SourceError::Limit`]).
pub fn reader(
    path: &Path,
    delimiter: Option<char>,
) -> Result<csv::Reader<Box<dyn Read + Send>>, SourceError> {
    reader_with(path, delimiter, Limits::DEFAULT)
}

/// [`reader`] with other limits.
pub fn reader_with(
    path: &Path,
    delimiter: Option<char>,
    limits: Limits,
) -> Result<csv::Reader<Box<dyn Read + Send>>, SourceError> {
    let file = path.display().to_string();
    let raw = File::open(path).map_err(|source| SourceError::Io {
        file: file.clone(),
        source,
    })?;
    reader_from_with(&file, Box::new(raw), delimiter, limits)
}

/// [`reader`] over any byte stream (an uploaded lead file, say); `name` names it in errors.
/// The same limits apply.
pub fn reader_from(
    name: &str,
    raw: Box<dyn Read + Send>,
    delimiter: Option<char>,
) -> Result<csv::Reader<Box<dyn Read + Send>>, SourceError> {
    reader_from_with(name, raw, delimiter, Limits::DEFAULT)
}

/// [`reader_from`] with other limits.
pub fn reader_from_with(
    name: &str,
    raw: Box<dyn Read + Send>,
    delimiter: Option<char>,
    limits: Limits,
) -> Result<csv::Reader<Box<dyn Read + Send>>, SourceError> {
    let file = name.to_owned();
    let io = |e: std::io::Error| SourceError::Io {
        file: file.clone(),
        source: e,
    };
    let mut raw = BufReader::with_capacity(1 << 20, raw);
    let gzipped = raw.fill_buf().map_err(io)?.starts_with(&[0x1f, 0x8b]);
    let (mut input, compressed) = limits::gunzip(raw, gzipped);
    let delimiter = match delimiter {
        Some(c) if c.is_ascii() => c as u8,
        Some(c) => {
            return Err(SourceError::Options {
                file,
                why: format!("delimiter {c:?} is not a single ASCII character"),
            });
        }
        None => {
            let head = input.fill_buf().map_err(io)?;
            let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
            sniff_delimiter(head.split(|&b| b == b'\n').next().unwrap_or_default())
        }
    };
    let guarded = limits::guard(input, file, limits, compressed, delimiter);
    Ok(csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .from_reader(guarded))
}

/// The delimiter of a header line: the most frequent of `,` `;` tab `|`, or `,` when none
/// occurs.
pub fn sniff_delimiter(line: &[u8]) -> u8 {
    [b',', b';', b'\t', b'|']
        .into_iter()
        .max_by_key(|d| line.iter().filter(|b| *b == d).count())
        .filter(|d| line.contains(d))
        .unwrap_or(b',')
}

fn csv_error(file: &str, e: csv::Error) -> SourceError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    match e.into_kind() {
        csv::ErrorKind::Io(source)
            if source
                .get_ref()
                .is_some_and(|inner| inner.is::<LimitExceeded>()) =>
        {
            match source
                .into_inner()
                .map(|inner| inner.downcast::<LimitExceeded>())
            {
                Some(Ok(broken)) => SourceError::Limit {
                    file: broken.file,
                    line: broken.line,
                    limit: broken.limit,
                },
                // Unreachable: the guard above saw a `LimitExceeded`.
                _ => SourceError::Malformed {
                    file: file.to_owned(),
                    line,
                    why: "a reading limit was exceeded".to_owned(),
                },
            }
        }
        csv::ErrorKind::Io(source) => SourceError::Io {
            file: format!("{file} (near line {line})"),
            source,
        },
        other => SourceError::Malformed {
            file: file.to_owned(),
            line,
            why: format!("{other:?}"),
        },
    }
}

/// One data row: the wanted columns in the order they were asked for.
pub struct Row<'a> {
    record: &'a csv::ByteRecord,
    positions: &'a [Option<usize>],
}

impl Row<'_> {
    /// The trimmed field of wanted column `i`; empty if the column is absent or the row short.
    pub fn get(&self, i: usize) -> &[u8] {
        self.positions[i]
            .and_then(|at| self.record.get(at))
            .map(<[u8]>::trim_ascii)
            .unwrap_or_default()
    }

    /// The field as text; a non-UTF-8 field is a row error.
    pub fn text(&self, i: usize) -> Result<&str, String> {
        std::str::from_utf8(self.get(i)).map_err(|_| "field is not valid UTF-8".to_owned())
    }
}

impl Table {
    /// The file this table reads, for messages.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Calls `f` for every data row with its line number. A row for which `f` returns an error
    /// is reported; more than `max_errors` bad rows fail the whole table.
    pub fn for_each(
        mut self,
        max_errors: usize,
        mut f: impl FnMut(Row<'_>) -> Result<(), String>,
    ) -> Result<TableSummary, SourceError> {
        let mut record = csv::ByteRecord::new();
        let mut summary = TableSummary::default();
        loop {
            match self.reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => return Err(csv_error(&self.file, e)),
            }
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            summary.rows += 1;
            ROWS_READ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let row = Row {
                record: &record,
                positions: &self.positions,
            };
            let checked = if std::str::from_utf8(record.as_slice()).is_err() {
                Err(
                    "not UTF-8 text; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)"
                        .to_owned(),
                )
            } else {
                f(row)
            };
            if let Err(mut reason) = checked {
                summary.bad_rows += 1;
                if summary.errors.len() < MAX_KEPT_ROW_ERRORS {
                    if reason.len() > MAX_REASON_BYTES {
                        let mut cut = MAX_REASON_BYTES;
                        while !reason.is_char_boundary(cut) {
                            cut -= 1;
                        }
                        reason.truncate(cut);
                        reason.push('…');
                    }
                    summary.errors.push(RowError { line, reason });
                }
            }
        }
        if summary.bad_rows > max_errors as u64 {
            return Err(SourceError::BadRows {
                file: self.file,
                total: summary.bad_rows,
                max_errors,
                first: summary.errors.into_iter().take(20).collect(),
            });
        }
        Ok(summary)
    }
}

/// What reading a table found.
#[derive(Debug, Default)]
pub struct TableSummary {
    /// Data rows read (not counting the header).
    pub rows: u64,
    /// Rows that were skipped (at most `max_errors` of them).
    pub bad_rows: u64,
    /// The first of them ([`MAX_KEPT_ROW_ERRORS`] at most), with line numbers.
    pub errors: Vec<RowError>,
}

/// Parses a yes/no field: 1/0, true/false, yes/no, ja/nei, j/n, x/empty.
pub fn parse_flag(field: &[u8]) -> Result<bool, String> {
    match field.to_ascii_lowercase().as_slice() {
        b"1" | b"true" | b"yes" | b"y" | b"ja" | b"j" | b"x" => Ok(true),
        b"0" | b"false" | b"no" | b"n" | b"nei" | b"" => Ok(false),
        _ => Err(format!(
            "{:?} is not a yes/no value (use 1/0, true/false, ja/nei)",
            String::from_utf8_lossy(field)
        )),
    }
}

#[cfg(test)]
mod tests;
