//! Lead files: a campaign's calling list as a CSV file (any columns), washed as it streams and
//! written back with three verdict columns appended (`vask_verdict`, `vask_reasons`,
//! `vask_e164`). `vask wash`, the HTTP API's CSV upload and the console's upload all wash
//! lead files through here, with a wash session (in-process) or a server (`vask wash
//! --server`) behind the [`Washer`] trait.
//!
//! The number column is found by name or index (the usual names of a phone column too); the
//! person columns (given names, surname, street, postcode, city, birth date, national id, in
//! English or Norwegian) by their headers. A row's bad birth date fails the file with its line,
//! as the gRPC service refuses it; a bad number is a verdict (`invalid_number`), never a lost
//! row. Memory is bounded by the chunk size whatever the file's length.

use std::collections::BTreeMap;
use std::io::{BufWriter, Read, Write};

use crate::engine::Reasons;
use crate::engine::rules::NAMES;
use crate::error::RequestError;
use crate::person::PersonQuery;
use crate::session::{Batch, LeadInput, PersonFields, WashSession};

/// Rows washed per chunk.
pub const CHUNK: usize = 65_536;
/// A chunk ends early once its rows hold this many bytes, so that wide rows (each within
/// `sources::table::Limits`) cannot make a chunk of 65 536 rows hold gigabytes.
const CHUNK_BYTES: usize = 8 << 20;
/// A recycled chunk whose records have held more than this since they were allocated is freed
/// and starts anew (a record keeps the capacity of the widest row it held).
const CHUNK_RETAIN_BYTES: usize = 16 << 20;
/// The default name of the number column (`phone`, `telefon`, `mobil`, … are found too).
pub const DEFAULT_NUMBER_COLUMN: &str = "number";
/// Other names of a phone column the default finds.
const NUMBER_ALIASES: [&str; 7] = [
    "phone",
    "telephone",
    "telefon",
    "mobile",
    "mobil",
    "msisdn",
    "tlf",
];

/// Person columns of a lead file, by the usual header names (English and Norwegian).
const PERSON_COLUMNS: [&[&str]; 9] = [
    &[
        "given_names",
        "given_name",
        "first_name",
        "firstname",
        "fornavn",
    ],
    &[
        "surname",
        "last_name",
        "lastname",
        "family_name",
        "etternavn",
    ],
    &[
        "street",
        "address",
        "street_address",
        "adresse",
        "gateadresse",
    ],
    &["house_number", "husnummer"],
    &["house_letter", "husbokstav", "bokstav"],
    &["postcode", "postal_code", "zip", "postnummer", "postnr"],
    &["city", "town", "poststed", "sted"],
    &["birth_date", "date_of_birth", "birthdate", "fodselsdato"],
    &["national_id", "fodselsnummer", "fnr"],
];

/// Why a lead file could not be washed.
#[derive(Debug, thiserror::Error)]
pub enum LeadError {
    /// The file could not be opened or read as CSV.
    #[error(transparent)]
    Source(#[from] crate::sources::SourceError),
    /// No column holds the numbers.
    #[error("{file}: no column {column:?} (found: {found}); name the number column")]
    NoNumberColumn {
        /// The lead file.
        file: String,
        /// The column asked for.
        column: String,
        /// The header as found.
        found: String,
    },
    /// A row could not be read (broken CSV, I/O).
    #[error("{file} line {line}: {why}")]
    Read {
        /// The lead file.
        file: String,
        /// The 1-based line of the row.
        line: u64,
        /// What is wrong.
        why: String,
    },
    /// A row's field is refused (a bad birth date).
    #[error("{file} line {line}: {error}")]
    Row {
        /// The lead file.
        file: String,
        /// The 1-based line of the row.
        line: u64,
        /// What is wrong with the field.
        error: RequestError,
    },
    /// The washed file could not be written.
    #[error("writing the washed file: {0}")]
    Write(String),
    /// The wash itself was refused or failed.
    #[error("{0}")]
    Wash(RequestError),
    /// A washer answered for a different number of rows than it was given.
    #[error("washed {got} of {want} rows in a chunk; nothing after row {after} was written")]
    Short {
        /// Verdicts returned.
        got: usize,
        /// Rows given.
        want: usize,
        /// Rows written before the chunk.
        after: u64,
    },
    /// Anything else a washer reports (a remote server's error, say).
    #[error("{0}")]
    Other(String),
}

/// Where the number and person columns of a lead file are.
#[derive(Debug, Clone)]
pub struct LeadColumns {
    /// The header row as read.
    pub headers: csv::ByteRecord,
    /// The number column.
    pub number: usize,
    /// The person columns (given names, surname, street, house number, house letter,
    /// postcode, city, birth date, national id), when the file has a name or national id.
    pub persons: Option<[Option<usize>; 9]>,
}

impl LeadColumns {
    /// Finds the columns of a file whose header is `headers`; `number_column` is a header
    /// name or a 0-based index.
    pub fn find(
        headers: &csv::ByteRecord,
        number_column: &str,
        file: &str,
    ) -> Result<LeadColumns, LeadError> {
        let named = |h: &[u8], name: &str| h.trim_ascii().eq_ignore_ascii_case(name.as_bytes());
        let number = match number_column.parse::<usize>() {
            Ok(i) if i < headers.len() => Some(i),
            Ok(_) => None,
            Err(_) => {
                let aliases: &[&str] = if number_column == DEFAULT_NUMBER_COLUMN {
                    &NUMBER_ALIASES
                } else {
                    &[]
                };
                std::iter::once(number_column)
                    .chain(aliases.iter().copied())
                    .find_map(|name| headers.iter().position(|h| named(h, name)))
            }
        };
        let number = number.ok_or_else(|| LeadError::NoNumberColumn {
            file: file.to_owned(),
            column: number_column.to_owned(),
            found: headers
                .iter()
                .map(String::from_utf8_lossy)
                .collect::<Vec<_>>()
                .join(","),
        })?;
        let at = PERSON_COLUMNS.map(|names| {
            headers
                .iter()
                .position(|h| names.iter().any(|n| named(h, n)))
        });
        let persons = (at[0].is_some() || at[1].is_some() || at[8].is_some()).then_some(at);
        Ok(LeadColumns {
            headers: headers.clone(),
            number,
            persons,
        })
    }

    /// The person of one row; a bad birth date is refused with the row's line.
    fn person(&self, r: &csv::ByteRecord, file: &str) -> Result<Option<PersonQuery>, LeadError> {
        let Some(at) = &self.persons else {
            return Ok(None);
        };
        let field = |i: usize| {
            at[i]
                .and_then(|c| r.get(c))
                .map(|f| String::from_utf8_lossy(f).trim().to_owned())
                .unwrap_or_default()
        };
        PersonFields {
            given_names: field(0),
            surname: field(1),
            street: field(2),
            house_number: field(3),
            house_letter: field(4),
            postcode: field(5),
            city: field(6),
            birth_date: field(7),
            national_id: field(8),
        }
        .parse()
        .map_err(|error| LeadError::Row {
            file: file.to_owned(),
            line: r.position().map_or(0, |p| p.line()),
            error,
        })
    }
}

/// What washes a chunk of leads: one verdict and normalised number per row, in order.
pub trait Washer {
    /// Washes numbers as written (empty for a row with only a person) and, when the file
    /// has person columns, the rows' persons (`persons` is empty otherwise).
    fn wash(
        &mut self,
        numbers: &[&str],
        persons: &[Option<PersonQuery>],
    ) -> Result<Batch, LeadError>;
}

impl Washer for WashSession {
    fn wash(
        &mut self,
        numbers: &[&str],
        persons: &[Option<PersonQuery>],
    ) -> Result<Batch, LeadError> {
        if persons.is_empty() {
            self.wash_numbers(numbers)
        } else {
            let leads: Vec<LeadInput> = numbers
                .iter()
                .zip(persons)
                .map(|(n, p)| LeadInput {
                    number: (*n).to_owned(),
                    person: p.clone(),
                })
                .collect();
            self.wash_leads(&leads)
        }
        .map_err(LeadError::Wash)
    }
}

/// What washing a file found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Rows washed.
    pub rows: u64,
    /// Rows allowed.
    pub allowed: u64,
    /// Rows per reason flag, in the order of [`NAMES`].
    pub counts: [u64; NAMES.len()],
}

impl Tally {
    /// Rows per reason name, for reasons that occurred.
    pub fn by_reason(&self) -> BTreeMap<String, u64> {
        NAMES
            .iter()
            .zip(self.counts)
            .filter(|(_, c)| *c > 0)
            .map(|((_, n), c)| ((*n).to_owned(), c))
            .collect()
    }
}

/// One chunk of lead rows on its way from the reader to the writer.
#[derive(Default)]
struct Chunk {
    records: Vec<csv::ByteRecord>,
    filled: usize,
    /// Bytes read into `records` since they were allocated: a bound on what they hold.
    held: usize,
    batch: Batch,
}

/// Washes the rows of `csv_in` (header already read into `columns`) chunk by chunk with
/// `washer`, and writes the file to `out` with the verdict columns appended. `progress` is
/// told the rows written so far.
///
/// Two stages on two threads: this one reads and washes a chunk while a writer thread formats
/// and writes the one before. Chunks (and their records) circulate, so nothing is allocated
/// per row once warm and memory is bounded by three chunks ([`CHUNK`] rows or 8 MiB of them).
pub fn wash_csv<R: Read, W: Write + Send>(
    csv_in: &mut csv::Reader<R>,
    out: W,
    columns: &LeadColumns,
    file: &str,
    washer: &mut dyn Washer,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Tally, LeadError> {
    let write_err = |e: csv::Error| LeadError::Write(e.to_string());
    let mut csv_out = csv::WriterBuilder::new().from_writer(BufWriter::with_capacity(1 << 20, out));
    let mut header = columns.headers.clone();
    header.push_field(b"vask_verdict");
    header.push_field(b"vask_reasons");
    header.push_field(b"vask_e164");
    csv_out.write_byte_record(&header).map_err(write_err)?;

    let (full_tx, full_rx) = std::sync::mpsc::sync_channel::<Chunk>(1);
    let (empty_tx, empty_rx) = std::sync::mpsc::sync_channel::<Chunk>(3);
    for _ in 0..3 {
        let _ = empty_tx.send(Chunk::default());
    }
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<Tally, LeadError> {
            let mut tally = Tally::default();
            for chunk in full_rx {
                write_chunk(&mut csv_out, &chunk, &mut tally).map_err(write_err)?;
                progress(tally.rows);
                let _ = empty_tx.send(chunk);
            }
            csv_out
                .flush()
                .map_err(|e| LeadError::Write(e.to_string()))?;
            Ok(tally)
        });
        let read = (|| -> Result<(), LeadError> {
            let mut rows = 0u64;
            while let Ok(mut chunk) = empty_rx.recv() {
                chunk.filled = 0;
                if chunk.held > CHUNK_RETAIN_BYTES {
                    chunk.records = Vec::new();
                    chunk.held = 0;
                }
                let mut bytes = 0;
                while chunk.filled < CHUNK && bytes < CHUNK_BYTES {
                    if chunk.filled == chunk.records.len() {
                        chunk.records.push(csv::ByteRecord::new());
                    }
                    let record = &mut chunk.records[chunk.filled];
                    let more = csv_in
                        .read_byte_record(record)
                        .map_err(|e| LeadError::Read {
                            file: file.to_owned(),
                            line: e.position().map_or(rows + 2, |p| p.line()),
                            why: e.to_string(),
                        })?;
                    if !more {
                        break;
                    }
                    let size = record.as_slice().len() + 8 * record.len();
                    bytes += size;
                    chunk.held += size;
                    chunk.filled += 1;
                }
                if chunk.filled == 0 {
                    return Ok(());
                }
                let rows_of = &chunk.records[..chunk.filled];
                let numbers: Vec<&str> = rows_of
                    .iter()
                    .map(|r| {
                        r.get(columns.number)
                            .and_then(|f| std::str::from_utf8(f).ok())
                            .unwrap_or("")
                    })
                    .collect();
                let persons: Vec<Option<PersonQuery>> = match &columns.persons {
                    Some(_) => rows_of
                        .iter()
                        .map(|r| columns.person(r, file))
                        .collect::<Result<_, _>>()?,
                    None => Vec::new(),
                };
                let batch = washer.wash(&numbers, &persons)?;
                if batch.verdicts.len() != chunk.filled || batch.normalised.len() != chunk.filled {
                    return Err(LeadError::Short {
                        got: batch.verdicts.len(),
                        want: chunk.filled,
                        after: rows,
                    });
                }
                chunk.batch = batch;
                rows += chunk.filled as u64;
                if full_tx.send(chunk).is_err() {
                    // The writer stopped: its error is the one to report.
                    return Ok(());
                }
            }
            Ok(())
        })();
        drop(full_tx);
        let written = writer
            .join()
            .map_err(|_| LeadError::Write("the output writer thread panicked".into()))?;
        read?;
        written
    })
}

/// Writes a washed chunk with its verdict columns, and counts it.
fn write_chunk<W: Write>(
    csv_out: &mut csv::Writer<W>,
    chunk: &Chunk,
    tally: &mut Tally,
) -> Result<(), csv::Error> {
    let mut e164 = itoa::Buffer::new();
    let mut reasons_text = String::new();
    let rows = chunk.records[..chunk.filled]
        .iter()
        .zip(&chunk.batch.verdicts)
        .zip(&chunk.batch.normalised);
    for ((r, &v), &n) in rows {
        let reasons = Reasons(v);
        if reasons.allowed() {
            tally.allowed += 1;
        }
        reasons_text.clear();
        for (i, (bit, name)) in NAMES.iter().enumerate() {
            if v & bit != 0 {
                tally.counts[i] += 1;
                if !reasons_text.is_empty() {
                    reasons_text.push('|');
                }
                reasons_text.push_str(name);
            }
        }
        for field in r {
            csv_out.write_field(field)?;
        }
        csv_out.write_field(if reasons.allowed() {
            "allowed"
        } else {
            "blocked"
        })?;
        csv_out.write_field(&reasons_text)?;
        if n == 0 {
            csv_out.write_field("")?;
        } else {
            let mut s = [0u8; 24];
            let digits = e164.format(n).as_bytes();
            s[0] = b'+';
            s[1..=digits.len()].copy_from_slice(digits);
            csv_out.write_field(&s[..=digits.len()])?;
        }
        csv_out.write_record(None::<&[u8]>)?;
    }
    tally.rows += chunk.filled as u64;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Washes every number as "invalid if it has a letter, else allowed".
    struct Fake;
    impl Washer for Fake {
        fn wash(
            &mut self,
            numbers: &[&str],
            persons: &[Option<PersonQuery>],
        ) -> Result<Batch, LeadError> {
            assert!(persons.is_empty() || persons.len() == numbers.len());
            Ok(Batch {
                verdicts: numbers
                    .iter()
                    .map(|n| u32::from(n.bytes().any(|b| b.is_ascii_alphabetic())))
                    .collect(),
                normalised: numbers.iter().map(|n| n.parse().unwrap_or(0)).collect(),
            })
        }
    }

    fn wash(text: &str, column: &str) -> Result<(Tally, String), LeadError> {
        let mut r = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = r
            .byte_headers()
            .map_err(|e| LeadError::Other(e.to_string()))?
            .clone();
        let columns = LeadColumns::find(&headers, column, "leads.csv")?;
        let mut out = Vec::new();
        let tally = wash_csv(&mut r, &mut out, &columns, "leads.csv", &mut Fake, &|_| {})?;
        Ok((tally, String::from_utf8(out).unwrap()))
    }

    #[test]
    fn rows_come_back_with_verdict_columns_in_order() {
        let (tally, out) = wash("id,telefon\n1,4791234567\n2,abc\n3,\n", "number").unwrap();
        assert_eq!(tally.rows, 3);
        assert_eq!(tally.allowed, 2);
        assert_eq!(
            out,
            "id,telefon,vask_verdict,vask_reasons,vask_e164\n\
             1,4791234567,allowed,,+4791234567\n2,abc,blocked,invalid_number,\n3,,allowed,,\n"
        );
    }

    #[test]
    fn the_number_column_by_index_or_name_and_a_clear_error() {
        assert!(wash("a,b\n1,2\n", "1").is_ok());
        let e = wash("a,b\n1,2\n", "phone_no").unwrap_err().to_string();
        assert!(e.contains("phone_no") && e.contains("a,b"), "{e}");
        let e = wash("a,b\n1,2\n", "5").unwrap_err().to_string();
        assert!(e.contains("no column"), "{e}");
    }

    #[test]
    fn a_bad_birth_date_fails_with_its_line() {
        let e = wash(
            "phone,fornavn,etternavn,fodselsdato\n1,Kari,Nordmann,1975-05-17\n2,Ola,Hansen,17.05.75\n",
            "number",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("line 3") && e.contains("birth_date"), "{e}");
    }

    #[test]
    fn long_files_stream_in_chunks() {
        let mut text = String::from("number\n");
        for i in 0..(CHUNK * 2 + 17) {
            text.push_str(&format!("{}\n", 4790000000u64 + i as u64));
        }
        let (tally, out) = wash(&text, "number").unwrap();
        assert_eq!(tally.rows as usize, CHUNK * 2 + 17);
        assert_eq!(out.lines().count(), CHUNK * 2 + 18);
        assert!(
            out.lines()
                .last()
                .unwrap()
                .ends_with(&format!("+{}", 4790000000u64 + (CHUNK * 2 + 16) as u64))
        );
    }
}
