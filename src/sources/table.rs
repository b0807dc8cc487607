//! Reading one CSV source file: gzip or plain, UTF-8 with or without BOM, delimiter given or
//! sniffed, columns found by (configurable) header name, and every bad row reported with its
//! line number instead of being dropped.
//!
//! Every delivered file is read here (the national register and its deltas, the internal
//! lists, customers, express requests, and lead files, from `vask wash` or uploaded), so the
//! limits that keep a hostile or broken file from exhausting memory live here too
//! ([`Limits`]): a record or a field longer than the limit, and a gzip stream that expands
//! more than the limit allows, are refused with the file and the line
//! ([`SourceError::Limit`]). The CSV reader would
//! otherwise grow one record without bound (an unclosed quote swallows the rest of the file;
//! 200 MiB in one field of a 204 KB `.csv.gz` took 279 MB). Only the first
//! [`MAX_KEPT_ROW_ERRORS`] bad rows are kept; the rest are counted.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{RowError, SourceError};

/// What one delivered file may hold. The defaults ([`Limits::DEFAULT`]) are far above real
/// data (a national register row is under 1 KiB, a wide lead file a few KiB) and far below
/// what would hurt: the reader holds one record at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest record (one CSV row, quoted line breaks included), in bytes.
    pub max_record_bytes: u64,
    /// The longest field, in bytes.
    pub max_field_bytes: u64,
    /// The most a gzip stream may expand: decompressed bytes per compressed byte. CSV text
    /// compresses 3–15×; a stream of one repeated byte ~1000× (the deflate maximum).
    pub max_gzip_ratio: u64,
    /// Decompressed bytes read before the ratio is checked (early in a stream the ratio says
    /// little).
    pub gzip_ratio_after_bytes: u64,
}

impl Limits {
    /// The limits every delivered file is read with.
    pub const DEFAULT: Limits = Limits {
        max_record_bytes: 1 << 20,
        max_field_bytes: 64 << 10,
        max_gzip_ratio: 100,
        gzip_ratio_after_bytes: 16 << 20,
    };
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::DEFAULT
    }
}

/// Bad rows kept with their line and reason in a [`TableSummary`]; more are only counted.
pub const MAX_KEPT_ROW_ERRORS: usize = 1000;

/// The longest reason kept for one bad row (a reason may quote its field), in bytes.
const MAX_REASON_BYTES: usize = 300;

/// Which limit of [`Limits`] a file broke.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Limit {
    /// A record longer than [`Limits::max_record_bytes`].
    #[error(
        "a record longer than {max} bytes starts here (an unclosed quote, or not a CSV file?); vask refuses records this long"
    )]
    Record {
        /// The limit.
        max: u64,
    },
    /// A field longer than [`Limits::max_field_bytes`].
    #[error(
        "a field longer than {max} bytes (wrong delimiter, an unclosed quote, or not a CSV file?); vask refuses fields this long"
    )]
    Field {
        /// The limit.
        max: u64,
    },
    /// A gzip stream expanding more than [`Limits::max_gzip_ratio`].
    #[error(
        "the gzip stream expands more than {max}× ({decompressed} bytes from {compressed}): refused as a decompression bomb; deliver a genuine file uncompressed"
    )]
    GzipRatio {
        /// The limit.
        max: u64,
        /// Decompressed bytes read so far.
        decompressed: u64,
        /// Compressed bytes they came from.
        compressed: u64,
    },
}

/// A limit broken at a line of a file: the I/O error the guarded reader returns, so that every
/// user of [`reader`] sees it with the file and the line (see [`SourceError::Limit`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: line {line}: {limit}")]
pub struct LimitExceeded {
    /// The file.
    pub file: String,
    /// The 1-based line where the record that broke it starts (the header is line 1).
    pub line: u64,
    /// Which limit.
    pub limit: Limit,
}

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
    let compressed = gzipped.then(|| Arc::new(AtomicU64::new(0)));
    let mut input: Box<dyn BufRead + Send> = match &compressed {
        Some(consumed) => Box::new(BufReader::new(flate2::bufread::MultiGzDecoder::new(
            Counted {
                inner: raw,
                consumed: consumed.clone(),
            },
        ))),
        None => Box::new(raw),
    };
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
    let guarded = Guarded {
        inner: input,
        file,
        limits,
        compressed,
        decompressed: 0,
        scan: Scan::new(delimiter),
    };
    Ok(csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .from_reader(Box::new(guarded) as Box<dyn Read + Send>))
}

/// Counts the compressed bytes the gzip decoder consumes.
struct Counted<R> {
    inner: R,
    consumed: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.consumed.fetch_add(amount as u64, Ordering::Relaxed);
        self.inner.consume(amount);
    }
}

/// The bytes between the decoder and the CSV reader: checks the gzip ratio and, by following
/// the CSV structure as the reader will parse it, the length of every record and field, and
/// fails the read before the reader has to hold more.
struct Guarded {
    inner: Box<dyn BufRead + Send>,
    file: String,
    limits: Limits,
    /// Compressed bytes consumed so far, for a gzip file.
    compressed: Option<Arc<AtomicU64>>,
    decompressed: u64,
    scan: Scan,
}

impl Read for Guarded {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let broken = self.scan.feed(&buf[..n], &self.limits).or_else(|| {
            let consumed = self.compressed.as_ref()?.load(Ordering::Relaxed);
            self.decompressed += n as u64;
            (self.decompressed > self.limits.gzip_ratio_after_bytes
                && self.decompressed > consumed.saturating_mul(self.limits.max_gzip_ratio))
            .then_some(Limit::GzipRatio {
                max: self.limits.max_gzip_ratio,
                decompressed: self.decompressed,
                compressed: consumed,
            })
        });
        match broken {
            None => Ok(n),
            Some(limit) => Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                LimitExceeded {
                    file: self.file.clone(),
                    line: self.scan.record_line,
                    limit,
                },
            )),
        }
    }
}

/// Where the scan is in the CSV structure (as `csv-core` parses it with vask's settings:
/// `"` quotes, doubled to escape, only at the start of a field; `\r` and `\n` end records).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// In an unquoted field, at its start when the field's length is 0 (or after the closing
    /// quote of a quoted field).
    Unquoted,
    /// In a quoted field.
    Quoted,
    /// On a quote in a quoted field: the end of it, or the first of a doubled quote.
    QuoteInQuoted,
}

/// The record and field lengths of a CSV byte stream, fed in pieces. Outside quotes it jumps
/// from line break to line break (`memchr`), and finds the length of the last field of a run
/// from its last delimiter, so that it costs little next to the parse it guards; only a run
/// longer than the field limit is split at every delimiter.
#[derive(Debug)]
struct Scan {
    delimiter: u8,
    state: State,
    record: u64,
    field: u64,
    /// Line feeds seen so far.
    newlines: u64,
    /// The 1-based line on which the current (or last) record starts.
    record_line: u64,
}

impl Scan {
    fn new(delimiter: u8) -> Scan {
        Scan {
            delimiter,
            state: State::Unquoted,
            record: 0,
            field: 0,
            newlines: 0,
            record_line: 1,
        }
    }

    /// Scans `bytes`; the limit the current record breaks, if any.
    fn feed(&mut self, bytes: &[u8], limits: &Limits) -> Option<Limit> {
        let mut i = 0;
        while i < bytes.len() {
            match self.state {
                State::Unquoted => {
                    let rest = &bytes[i..];
                    let stop = memchr::memchr3(b'"', b'\r', b'\n', rest);
                    let run = &rest[..stop.unwrap_or(rest.len())];
                    if let Some(broken) = self.unquoted(run, limits) {
                        return Some(broken);
                    }
                    let Some(stop) = stop else { break };
                    i += stop + 1;
                    match rest[stop] {
                        b'"' => {
                            if self.record == 0 {
                                self.record_line = self.newlines + 1;
                            }
                            // A quote opens a quoted field only at the field's start.
                            if self.field == 0 {
                                self.state = State::Quoted;
                            }
                            self.grow(1);
                        }
                        b => {
                            self.newlines += u64::from(b == b'\n');
                            self.record = 0;
                            self.field = 0;
                        }
                    }
                }
                State::Quoted => {
                    let rest = &bytes[i..];
                    let run = memchr::memchr(b'"', rest).unwrap_or(rest.len());
                    self.newlines += memchr::memchr_iter(b'\n', &rest[..run]).count() as u64;
                    self.grow(run as u64);
                    i += run;
                    if i < bytes.len() {
                        self.state = State::QuoteInQuoted;
                        self.grow(1);
                        i += 1;
                    }
                }
                State::QuoteInQuoted => {
                    // A doubled quote goes on quoted; anything else goes on unquoted (up to
                    // a delimiter or the end of the record).
                    self.state = State::Unquoted;
                    if bytes[i] == b'"' {
                        self.state = State::Quoted;
                        self.grow(1);
                        i += 1;
                    }
                }
            }
            if let Some(broken) = self.broken(limits) {
                return Some(broken);
            }
        }
        self.broken(limits)
    }

    /// A run of an unquoted part of a record, without quotes or line breaks: its fields are
    /// the parts between delimiters, the first continuing the current field.
    fn unquoted(&mut self, run: &[u8], limits: &Limits) -> Option<Limit> {
        if run.is_empty() {
            return None;
        }
        if self.record == 0 {
            self.record_line = self.newlines + 1;
        }
        self.record += run.len() as u64;
        if self.field + run.len() as u64 <= limits.max_field_bytes {
            // No field of the run can be past the limit: only the last one's length matters.
            self.field = match memchr::memrchr(self.delimiter, run) {
                Some(last) => (run.len() - last - 1) as u64,
                None => self.field + run.len() as u64,
            };
        } else {
            let mut parts = run.split(|&b| b == self.delimiter);
            self.field += parts.next().map_or(0, |p| p.len() as u64);
            for part in parts {
                if self.field > limits.max_field_bytes {
                    break;
                }
                self.field = part.len() as u64;
            }
        }
        self.broken(limits)
    }

    fn grow(&mut self, n: u64) {
        self.record += n;
        self.field += n;
    }

    /// The limit the current record or field is past, if any.
    fn broken(&self, limits: &Limits) -> Option<Limit> {
        if self.record > limits.max_record_bytes {
            Some(Limit::Record {
                max: limits.max_record_bytes,
            })
        } else if self.field > limits.max_field_bytes {
            Some(Limit::Field {
                max: limits.max_field_bytes,
            })
        } else {
            None
        }
    }
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
mod tests {
    use super::*;

    #[test]
    fn sniffs_delimiters() {
        assert_eq!(sniff_delimiter(b"number;added"), b';');
        assert_eq!(sniff_delimiter(b"number\tadded"), b'\t');
        assert_eq!(sniff_delimiter(b"number,added"), b',');
        assert_eq!(sniff_delimiter(b"number"), b',');
    }

    /// Writes `bytes` to a file in a fresh temporary directory.
    fn file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        (dir, path)
    }

    /// Reads every row of the number column of `path`.
    fn read_all(path: &Path) -> Result<TableSummary, SourceError> {
        open(path, &["number"], &[], &TableOptions::default())?.for_each(usize::MAX, |_| Ok(()))
    }

    /// A gzip member holding `bytes`; members concatenated are one stream to the reader.
    fn gzip_member(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(bytes).expect("gzip");
        e.finish().expect("gzip")
    }

    #[test]
    fn a_field_past_the_limit_is_refused_with_its_line() {
        let mut csv = b"number,added\n91234567,2024-01-01\n".to_vec();
        csv.extend(std::iter::repeat_n(b'9', 2 << 20));
        csv.extend(b",2024-01-01\n91234568,\n");
        let (_dir, path) = file("long-field.csv", &csv);
        let err = read_all(&path).expect_err("a 2 MiB field");
        let message = err.to_string();
        assert!(
            matches!(err, SourceError::Limit { line: 3, .. }),
            "{message}"
        );
        assert!(
            message.contains("long-field.csv") && message.contains("line 3"),
            "{message}"
        );
    }

    #[test]
    fn an_unclosed_quote_is_refused_at_its_line_not_read_to_the_end() {
        let mut csv = b"number,added\n\"91234567,2024-01-01\n".to_vec();
        for i in 0..200_000u32 {
            csv.extend(format!("9{:07},2024-01-01\n", i).as_bytes());
        }
        let (_dir, path) = file("unclosed.csv", &csv);
        let err = read_all(&path).expect_err("2 MiB in one quoted field");
        assert!(matches!(err, SourceError::Limit { line: 2, .. }), "{err}");
    }

    #[test]
    fn many_columns_and_quoted_newlines_within_the_limits_are_read() {
        let mut csv = (0..2000)
            .map(|i| format!("c{i}"))
            .collect::<Vec<_>>()
            .join(",");
        csv.insert_str(0, "number,");
        csv.push('\n');
        for _ in 0..3 {
            csv.push_str("91234567,");
            csv.push_str(&vec!["\"a, \"\"quoted\"\"\nfield\""; 2000].join(","));
            csv.push('\n');
        }
        let (_dir, path) = file("wide.csv", csv.as_bytes());
        assert_eq!(read_all(&path).expect("wide rows").rows, 3);
    }

    #[test]
    fn a_gzip_bomb_of_empty_lines_is_refused_by_its_ratio() {
        let mut gz = gzip_member(b"number\n");
        let member = gzip_member(&vec![b'\n'; 1 << 20]);
        for _ in 0..200 {
            gz.extend_from_slice(&member);
        }
        let (_dir, path) = file("bomb.csv.gz", &gz);
        let err = read_all(&path).expect_err("200 MiB from 200 KB");
        assert!(matches!(err, SourceError::Limit { .. }), "{err}");
        assert!(err.to_string().contains("bomb.csv.gz"), "{err}");
    }

    #[test]
    fn bad_rows_are_counted_but_only_the_first_are_kept() {
        let mut csv = b"number\n".to_vec();
        for _ in 0..50_000 {
            csv.extend(b"x\n");
        }
        let (_dir, path) = file("bad.csv", &csv);
        let t = open(&path, &["number"], &[], &TableOptions::default()).expect("open");
        let summary = t
            .for_each(usize::MAX, |_| Err("bad".into()))
            .expect("all tolerated");
        assert_eq!(summary.bad_rows, 50_000);
        assert_eq!(summary.errors.len(), MAX_KEPT_ROW_ERRORS);
        let t = open(&path, &["number"], &[], &TableOptions::default()).expect("open");
        match t.for_each(10, |_| Err("bad".into())) {
            Err(SourceError::BadRows { total, first, .. }) => {
                assert_eq!((total, first.len()), (50_000, 20));
            }
            other => panic!("{other:?}"),
        }
    }

    proptest::proptest! {
        // 256 cases, or `PROPTEST_CASES`.
        #![proptest_config(proptest::prelude::ProptestConfig::default())]

        /// The guard follows the CSV structure exactly as the reader parses it: a file of
        /// records no longer than the limit is read unchanged, and one byte less refuses the
        /// longest record at its line.
        #[test]
        fn the_guard_measures_records_as_the_reader_parses_them(
            records in proptest::collection::vec(
                proptest::collection::vec("[a\",;\n\r ]{0,10}", 1..5),
                1..12,
            ),
            semicolon in proptest::bool::ANY,
            crlf in proptest::bool::ANY,
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            let (terminator, terminator_len) = if crlf {
                (csv::Terminator::CRLF, 2)
            } else {
                (csv::Terminator::Any(b'\n'), 1)
            };
            let mut bytes = Vec::new();
            let (mut longest, mut longest_line, mut lines) = (0u64, 0u64, 1u64);
            for record in &records {
                let mut w = csv::WriterBuilder::new()
                    .delimiter(delimiter)
                    .terminator(terminator)
                    .from_writer(Vec::new());
                w.write_record(record).expect("write to a Vec");
                let raw = w.into_inner().expect("flush to a Vec");
                let len = raw.len() as u64 - terminator_len;
                if len > longest {
                    (longest, longest_line) = (len, lines);
                }
                lines += raw.iter().filter(|&&b| b == b'\n').count() as u64;
                bytes.extend_from_slice(&raw);
            }
            let (_dir, path) = file("p.csv", &bytes);
            let exact = Limits {
                max_record_bytes: longest,
                max_field_bytes: longest,
                ..Limits::DEFAULT
            };
            let mut r = reader_with(&path, Some(delimiter as char), exact).expect("open");
            let mut read = vec![r.byte_headers().expect("header").clone()];
            let mut record = csv::ByteRecord::new();
            while r.read_byte_record(&mut record).expect("within the limits") {
                read.push(record.clone());
            }
            let read: Vec<Vec<&[u8]>> = read.iter().map(|r| r.iter().collect()).collect();
            let written: Vec<Vec<&[u8]>> = records
                .iter()
                .map(|r| r.iter().map(|f| f.as_bytes()).collect())
                .collect();
            proptest::prop_assert_eq!(read, written);

            let short = Limits { max_record_bytes: longest - 1, ..Limits::DEFAULT };
            let mut r = reader_with(&path, Some(delimiter as char), short).expect("open");
            let mut failed = r.byte_headers().err();
            while failed.is_none() {
                match r.read_byte_record(&mut record) {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(e) => failed = Some(e),
                }
            }
            match failed.map(|e| csv_error("p.csv", e)) {
                Some(SourceError::Limit { line, limit: Limit::Record { .. }, .. }) => {
                    proptest::prop_assert_eq!(line, longest_line);
                }
                other => proptest::prop_assert!(false, "{other:?}"),
            }
        }
    }

    proptest::proptest! {
        // 256 cases, or `PROPTEST_CASES`.
        #![proptest_config(proptest::prelude::ProptestConfig::default())]

        /// On any bytes at all, a record the guard lets through is within the limits as the
        /// reader parsed it (fields, delimiters between them; quotes removed).
        #[test]
        fn the_guard_never_lets_a_longer_record_through(
            bytes in proptest::collection::vec(
                proptest::sample::select(b"a,\"\n\r ".to_vec()),
                0..400,
            ),
        ) {
            let (_dir, path) = file("p.csv", &bytes);
            let limits = Limits { max_record_bytes: 24, max_field_bytes: 10, ..Limits::DEFAULT };
            let mut r = reader_with(&path, Some(','), limits).expect("open");
            let mut record = csv::ByteRecord::new();
            let mut first = r.byte_headers().ok().cloned();
            loop {
                let got = match first.take() {
                    Some(header) => header,
                    None => match r.read_byte_record(&mut record) {
                        Ok(true) => record.clone(),
                        Ok(false) | Err(_) => break,
                    },
                };
                let content = got.as_slice().len() + got.len().saturating_sub(1);
                proptest::prop_assert!(content <= 24, "{got:?}");
                proptest::prop_assert!(got.iter().all(|f| f.len() <= 10), "{got:?}");
            }
        }
    }

    #[test]
    fn stray_quotes_inside_unquoted_fields_open_no_quote() {
        // As the reader parses it, a quote opens a quoted field only at the field's start.
        let mut csv = b"id,number,product\n".to_vec();
        for i in 0..100_000u32 {
            csv.extend(format!("{i},9{:07},24\" TV\n", i).as_bytes());
        }
        let (_dir, path) = file("inches.csv", &csv);
        let mut r = reader_with(
            &path,
            None,
            Limits {
                max_record_bytes: 24,
                ..Limits::DEFAULT
            },
        )
        .expect("open");
        let mut record = csv::ByteRecord::new();
        let mut rows = 0;
        while r.read_byte_record(&mut record).expect("rows of 24 bytes") {
            rows += 1;
        }
        assert_eq!(rows, 100_000);
    }

    #[test]
    fn flags() {
        assert_eq!(parse_flag(b"Ja"), Ok(true));
        assert_eq!(parse_flag(b""), Ok(false));
        assert!(parse_flag(b"maybe").is_err());
    }
}
