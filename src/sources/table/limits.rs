//! The reading limits that keep a hostile or broken file from exhausting memory: a record or
//! a field longer than [`Limits`] allows, or a gzip stream that expands more, is refused with
//! the file and the line ([`LimitExceeded`]). The CSV reader would otherwise grow one record
//! without bound (an unclosed quote swallows the rest of the file; 200 MiB in one field of a
//! 204 KB `.csv.gz` took 279 MB), so the bytes pass a guard on their way to it that follows
//! the CSV structure as the reader will parse it.

use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

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

/// Which limit of [`Limits`] a file broke.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Limit {
    /// A record longer than [`Limits::max_record_bytes`].
    #[error(
        "a record longer than {max} bytes starts here (an unclosed quote, or not a CSV file?); vask refuses records this long"
    )]
    Record {
        /// The longest record allowed, in bytes.
        max: u64,
    },
    /// A field longer than [`Limits::max_field_bytes`].
    #[error(
        "a field longer than {max} bytes (wrong delimiter, an unclosed quote, or not a CSV file?); vask refuses fields this long"
    )]
    Field {
        /// The longest field allowed, in bytes.
        max: u64,
    },
    /// A gzip stream expanding more than [`Limits::max_gzip_ratio`].
    #[error(
        "the gzip stream expands more than {max}× ({decompressed} bytes from {compressed}): refused as a decompression bomb; deliver a genuine file uncompressed"
    )]
    GzipRatio {
        /// The largest expansion allowed (decompressed per compressed byte).
        max: u64,
        /// Decompressed bytes read so far.
        decompressed: u64,
        /// Compressed bytes they came from.
        compressed: u64,
    },
}

/// A limit broken at a line of a file: the I/O error the guarded reader returns, so that every
/// user of [`reader`](super::reader) sees it with the file and the line (see
/// [`SourceError::Limit`](crate::sources::SourceError::Limit)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: line {line}: {limit}")]
pub struct LimitExceeded {
    /// The file being read.
    pub file: String,
    /// The 1-based line where the record that broke it starts (the header is line 1).
    pub line: u64,
    /// Which limit.
    pub limit: Limit,
}

/// The decompressed stream of `raw` if it is gzipped (with the compressed bytes it has
/// consumed, counted for the ratio check), else `raw` itself.
pub(super) fn gunzip(
    raw: BufReader<Box<dyn Read + Send>>,
    gzipped: bool,
) -> (Box<dyn BufRead + Send>, Option<Arc<AtomicU64>>) {
    if !gzipped {
        return (Box::new(raw), None);
    }
    let consumed = Arc::new(AtomicU64::new(0));
    let decoder = flate2::bufread::MultiGzDecoder::new(Counted {
        inner: raw,
        consumed: consumed.clone(),
    });
    (Box::new(BufReader::new(decoder)), Some(consumed))
}

/// `input` (of the file named `file`, with `compressed` from [`gunzip`]) guarded by `limits`,
/// for a CSV reader splitting fields at `delimiter`.
pub(super) fn guard(
    input: Box<dyn BufRead + Send>,
    file: String,
    limits: Limits,
    compressed: Option<Arc<AtomicU64>>,
    delimiter: u8,
) -> Box<dyn Read + Send> {
    Box::new(Guarded {
        inner: input,
        file,
        limits,
        compressed,
        decompressed: 0,
        scan: Scan::new(delimiter),
    })
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
