//! The person index of a generation: written once by [`PersonIndexWriter`], memory-mapped
//! and queried by [`PersonIndex`].
//!
//! Three files, all immutable once written:
//!
//! - [`ADDRESS_FILE`], an fst map from the *address key* of each person
//!   (`postcode street SEP number SEP letter SEP surname SEP given SEP middles`; the address
//!   part is empty for a person known by birth date only) to its person number. Persons are numbered in key order, so the map's outputs grow with the keys and
//!   cost almost nothing; a lead at a known address finds its household by one range scan.
//! - [`STREET_FILE`], an fst set of `postcode street`, scanned per postcode to forgive typos
//!   in street names.
//! - [`COLUMNS_FILE`], a header (magic, format version, counts, id-hash key check value),
//!   then per person number a row of payload, record number and birth day, then the
//!   national-id hashes; then
//!   the *birth index*: the person numbers in birth-day order, with a start offset per day
//!   and a two-byte name signature each, so that people who moved, and leads with a national
//!   id, are found by birth date (their keys are recovered from the address map by person
//!   number); then a CRC-32 of everything before it.
//!
//! SEP is byte 0, which folded text never contains. Namesakes with equal keys get a
//! counter byte after one more SEP.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use fst::{IntoStreamer, Map, MapBuilder, Set, SetBuilder, Streamer};
use memmap2::Mmap;

use super::distance::osa_within;
use super::nid::{IdHashKey, NationalId};
use super::normalise::{
    CANONICAL_SUFFIXES, NameKey, SEP, fold, fold_into, house_key, is_common_given_name, letter_key,
    postcode_key, split_house, street_key, street_key_into, suffix_spellings,
};
use super::{MatchKind, PersonError, PersonMatch, PersonQuery, PersonRecord, Strictness};

/// The fst map of address keys.
pub const ADDRESS_FILE: &str = "person-address.fst";
/// The fst set of streets per postcode.
pub const STREET_FILE: &str = "person-street.fst";
/// Per-person columns and the header tying the files together.
pub const COLUMNS_FILE: &str = "person-columns.bin";
/// The optional exact-match hash table.
pub const EXACT_FILE: &str = "person-exact.bin";

const MAGIC: [u8; 8] = *b"VASKPRS\0";
const VERSION: u32 = 3;
/// Birth days representable (1900-01-01 + 65 535 days is in 2079).
const DAYS: usize = 1 << 16;
/// magic, version, persons, address keys, birth entries, street keys, key check, exact
/// table slots.
const HEADER: usize = 8 + 4 + 4 + 4 + 4 + 4 + 8 + 4;
/// The exact table's magic; its header is magic, version, slots.
const EXACT_MAGIC: [u8; 8] = *b"VASKPRX\0";
const EXACT_HEADER: usize = 8 + 4 + 4;
/// A person's row: payload u32, record u32, birth day u16.
const ROW: usize = 4 + 4 + 2;
/// The row and the id hash u32 (a column of its own after the rows).
const PER_PERSON: usize = ROW + 4;
/// person number u32, name signature u16.
const PER_BIRTH: usize = 4 + 2;
/// Most persons with one key (namesakes born the same day at one address).
const MAX_DUPLICATES: usize = 255;

/// Birth day as stored: days since 1899-12-31, so 1900-01-01 is 1 and 0 means unknown.
fn birth_day(date: Option<NaiveDate>) -> u16 {
    let Some(date) = date else { return 0 };
    let Some(epoch) = NaiveDate::from_ymd_opt(1899, 12, 31) else {
        return 0;
    };
    u16::try_from((date - epoch).num_days()).unwrap_or(0)
}

fn birth_date_of(day: u16) -> Option<NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 31)?;
    (day != 0).then(|| epoch + chrono::Duration::days(i64::from(day)))
}

/// A record or lead reduced to what keys are made of.
#[derive(Debug, Default)]
struct Folded {
    name: NameKey,
    postcode: Option<u16>,
    street: String,
    /// The street as given, without the house number (for fuzzy street matching).
    raw_street: String,
    number: Option<u32>,
    letter: Option<u8>,
    birth: u16,
    national_id: Option<NationalId>,
}

impl Folded {
    #[allow(clippy::too_many_arguments)]
    fn new(
        given: &str,
        surname: &str,
        street: &str,
        number: &str,
        letter: &str,
        postcode: &str,
        birth: Option<NaiveDate>,
        national_id: Option<&str>,
    ) -> Folded {
        let (street, number, letter) = if number.trim().is_empty() {
            let (s, n, l) = split_house(street);
            let l =
                letter_key(letter.trim().chars().next()).or(l.and_then(|c| letter_key(Some(c))));
            (s, n, l)
        } else {
            let (n, l) = house_key(number, letter);
            (street, n, l)
        };
        let national_id = national_id.and_then(NationalId::parse);
        let birth = birth.or_else(|| national_id.and_then(|id| id.birth_date()));
        Folded {
            name: NameKey::new(given, surname),
            postcode: postcode_key(postcode),
            street: street_key(street),
            raw_street: street.to_owned(),
            number,
            letter,
            birth: birth_day(birth),
            national_id,
        }
    }

    fn has_address(&self) -> bool {
        self.postcode.is_some() && !self.street.is_empty()
    }

    /// `postcode street SEP number SEP`: the prefix every person at this house shares.
    fn house_prefix(&self, street: &[u8], out: &mut Vec<u8>) {
        out.clear();
        push_postcode(self.postcode.unwrap_or(0), out);
        out.extend_from_slice(street);
        out.push(SEP);
        if let Some(n) = self.number {
            push_decimal(n, out);
        }
        out.push(SEP);
    }

    /// `surname SEP given SEP middles`.
    fn name_part(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.name.last.as_bytes());
        out.push(SEP);
        out.extend_from_slice(self.name.first.as_bytes());
        out.push(SEP);
        for (i, m) in self.name.middles.iter().enumerate() {
            if i > 0 {
                out.push(b' ');
            }
            out.extend_from_slice(m.as_bytes());
        }
    }

    fn address_key(&self, out: &mut Vec<u8>) {
        self.house_prefix(self.street.as_bytes(), out);
        if let Some(l) = self.letter {
            out.push(l);
        }
        out.push(SEP);
        self.name_part(out);
    }
}

fn push_postcode(pc: u16, out: &mut Vec<u8>) {
    out.extend_from_slice(&[
        b'0' + (pc / 1000 % 10) as u8,
        b'0' + (pc / 100 % 10) as u8,
        b'0' + (pc / 10 % 10) as u8,
        b'0' + (pc % 10) as u8,
    ]);
}

fn push_decimal(n: u32, out: &mut Vec<u8>) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    let mut v = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// One byte of hash of the surname and one of the given name: a lead born the same day is
/// checked against a person only if one of its names agrees (in either order).
fn name_signature(last: &[u8], first: &[u8]) -> u16 {
    u16::from_be_bytes([name_byte(last), name_byte(first)])
}

fn name_byte(name: &[u8]) -> u8 {
    xxhash_rust::xxh3::xxh3_64(name) as u8
}

/// The 32-bit stored form of a national id's keyed hash; never 0 (0 means none).
fn id_hash32(id: &NationalId, key: &IdHashKey) -> u32 {
    let h = id.hash(key);
    u32::from_le_bytes([h[0], h[1], h[2], h[3]]).max(1)
}

struct Pending {
    /// Offset of the address part (empty without address) followed by the name part.
    off: u32,
    addr_len: u16,
    name_len: u16,
    birth: u16,
    id_hash: u32,
    payload: u32,
    record: u32,
}

/// Collects the register's person records and writes a person index.
pub struct PersonIndexWriter {
    id_key: Option<IdHashKey>,
    arena: Vec<u8>,
    pending: Vec<Pending>,
    exact_table: bool,
}

impl std::fmt::Debug for PersonIndexWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PersonIndexWriter")
            .field("records", &self.pending.len())
            .finish_non_exhaustive()
    }
}

impl PersonIndexWriter {
    /// A writer; national ids are hashed with `id_key`, or ignored without one.
    pub fn new(id_key: Option<IdHashKey>) -> PersonIndexWriter {
        PersonIndexWriter {
            id_key,
            arena: Vec::new(),
            pending: Vec::new(),
            exact_table: true,
        }
    }

    /// Whether to write the exact-match hash table ([`EXACT_FILE`], on by default): about
    /// 10 bytes per person for exact lookups several times faster than the fst's.
    pub fn exact_table(mut self, on: bool) -> PersonIndexWriter {
        self.exact_table = on;
        self
    }

    /// Adds a record with its opaque payload; returns its record number (0, 1, 2, … in call
    /// order). A record needs a given name and a surname, and an address (postcode and
    /// street) or a birth date (or a national id, which carries one).
    pub fn add(&mut self, record: &PersonRecord, payload: u32) -> Result<u32, PersonError> {
        let number = u32::try_from(self.pending.len())
            .ok()
            .filter(|&n| n < u32::MAX)
            .ok_or(PersonError::TooMany {
                what: "person records",
                max: u64::from(u32::MAX - 1),
            })?;
        let invalid = |why| PersonError::InvalidRecord {
            record: number,
            why,
        };
        let f = Folded::new(
            &record.given_names,
            &record.surname,
            &record.street,
            &record.house_number,
            &record.house_letter,
            &record.postcode,
            record.birth_date,
            record.national_id.as_deref(),
        );
        if !f.name.is_complete() {
            return Err(invalid("given name and surname are both needed"));
        }
        if record.national_id.is_some() && f.national_id.is_none() {
            return Err(invalid(
                "national id is not eleven digits with valid check digits",
            ));
        }
        if !f.has_address() && f.birth == 0 {
            return Err(invalid(
                "neither an address (postcode and street) nor a birth date",
            ));
        }
        let off = u32::try_from(self.arena.len()).map_err(|_| PersonError::TooMany {
            what: "bytes of person keys",
            max: u64::from(u32::MAX),
        })?;
        let start = self.arena.len();
        if f.has_address() {
            let mut k = Vec::with_capacity(48);
            f.house_prefix(f.street.as_bytes(), &mut k);
            if let Some(l) = f.letter {
                k.push(l);
            }
            k.push(SEP);
            self.arena.extend_from_slice(&k);
        }
        if !f.has_address() {
            self.arena.extend_from_slice(&[SEP, SEP, SEP]);
        }
        let addr_len = self.arena.len() - start;
        f.name_part(&mut self.arena);
        let name_len = self.arena.len() - start - addr_len;
        let (Ok(addr_len), Ok(name_len)) = (u16::try_from(addr_len), u16::try_from(name_len))
        else {
            self.arena.truncate(start);
            return Err(invalid("name or address longer than 65535 bytes"));
        };
        let id_hash = match (&self.id_key, &f.national_id) {
            (Some(key), Some(id)) => id_hash32(id, key),
            _ => 0,
        };
        self.pending.push(Pending {
            off,
            addr_len,
            name_len,
            birth: f.birth,
            id_hash,
            payload,
            record: number,
        });
        Ok(number)
    }

    /// Records added so far.
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    /// Whether no record was added.
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Writes the index files into `dir` (which must exist) and returns their names.
    pub fn write(mut self, dir: &Path) -> Result<Vec<String>, PersonError> {
        let arena = std::mem::take(&mut self.arena);
        let full = |p: &Pending| {
            let o = p.off as usize;
            &arena[o..o + usize::from(p.addr_len) + usize::from(p.name_len)]
        };
        let name = |p: &Pending| -> &[u8] {
            let o = p.off as usize + usize::from(p.addr_len);
            &arena[o..o + usize::from(p.name_len)]
        };
        // Person numbers: key order. Persons without an address have an empty address part
        // (`SEP SEP SEP`), so they sort first and are never at a lead's house.
        self.pending.sort_unstable_by(|a, b| full(a).cmp(full(b)));
        let persons = self.pending.len();

        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| PersonError::Io { path, source }
        };
        let fst_err = |file: &'static str| {
            move |e: fst::Error| PersonError::Corrupt {
                file,
                why: format!("could not be built: {e}"),
            }
        };

        // Address map and street set.
        let addr_path = dir.join(ADDRESS_FILE);
        let street_path = dir.join(STREET_FILE);
        let mut addr = MapBuilder::new(std::io::BufWriter::new(
            File::create(&addr_path).map_err(io(&addr_path))?,
        ))
        .map_err(fst_err(ADDRESS_FILE))?;
        let mut streets = SetBuilder::new(std::io::BufWriter::new(
            File::create(&street_path).map_err(io(&street_path))?,
        ))
        .map_err(fst_err(STREET_FILE))?;
        let mut key = Vec::with_capacity(64);
        let mut last_street: Vec<u8> = Vec::new();
        let mut dup = 0usize;
        let mut exact: Vec<(u64, u32)> =
            Vec::with_capacity(if self.exact_table { persons } else { 0 });
        let mut address_keys = 0u32;
        let mut street_keys = 0u32;
        for (i, p) in self.pending.iter().enumerate() {
            let k = full(p);
            let same = i > 0 && full(&self.pending[i - 1]) == k;
            dup = if same { dup + 1 } else { 0 };
            if dup > MAX_DUPLICATES {
                return Err(PersonError::TooMany {
                    what: "persons with one name at one address",
                    max: MAX_DUPLICATES as u64 + 1,
                });
            }
            key.clear();
            key.extend_from_slice(k);
            if dup > 0 {
                key.push(SEP);
                key.push(dup as u8);
            }
            addr.insert(&key, i as u64).map_err(fst_err(ADDRESS_FILE))?;
            if self.exact_table && dup == 0 {
                exact.push((xxhash_rust::xxh3::xxh3_64(&key), i as u32));
            }
            address_keys += 1;
            let street_end = k.iter().position(|&b| b == SEP).unwrap_or(k.len());
            let street = &k[..street_end];
            if !street.is_empty() && street != last_street.as_slice() {
                streets.insert(street).map_err(fst_err(STREET_FILE))?;
                street_keys += 1;
                last_street.clear();
                last_street.extend_from_slice(street);
            }
        }
        finish(addr.into_inner(), &addr_path, ADDRESS_FILE)?;
        finish(streets.into_inner(), &street_path, STREET_FILE)?;

        let exact_slots = if self.exact_table {
            let table = exact_table(&exact);
            let path = dir.join(EXACT_FILE);
            std::fs::write(&path, &table).map_err(io(&path))?;
            (table.len() - EXACT_HEADER - 4) / 8
        } else {
            0
        };
        drop(exact);

        // Birth index: person numbers by birth day, with a name signature to filter on.
        let mut by_birth: Vec<(u16, u32)> = (0..persons as u32)
            .filter(|&i| self.pending[i as usize].birth != 0)
            .map(|i| (self.pending[i as usize].birth, i))
            .collect();
        by_birth.sort_unstable();
        let birth_entries = by_birth.len() as u32;
        // Columns.
        let mut cols = Vec::with_capacity(HEADER + persons * PER_PERSON + 4);
        cols.extend_from_slice(&MAGIC);
        cols.extend_from_slice(&VERSION.to_le_bytes());
        cols.extend_from_slice(&(persons as u32).to_le_bytes());
        cols.extend_from_slice(&address_keys.to_le_bytes());
        cols.extend_from_slice(&birth_entries.to_le_bytes());
        cols.extend_from_slice(&street_keys.to_le_bytes());
        let check = self.id_key.as_ref().map_or(0, IdHashKey::check_value);
        cols.extend_from_slice(&check.to_le_bytes());
        cols.extend_from_slice(&(exact_slots as u32).to_le_bytes());
        // One row per person, so that a match reads one cache line.
        for p in &self.pending {
            cols.extend_from_slice(&p.payload.to_le_bytes());
            cols.extend_from_slice(&p.record.to_le_bytes());
            cols.extend_from_slice(&p.birth.to_le_bytes());
        }
        for p in &self.pending {
            cols.extend_from_slice(&p.id_hash.to_le_bytes());
        }
        // day_start[d]..day_start[d + 1] are the birth entries of day d.
        let mut at = 0usize;
        for day in 0..=DAYS {
            while at < by_birth.len() && usize::from(by_birth[at].0) < day {
                at += 1;
            }
            cols.extend_from_slice(&(at as u32).to_le_bytes());
        }
        for &(_, i) in &by_birth {
            cols.extend_from_slice(&i.to_le_bytes());
        }
        for &(_, i) in &by_birth {
            let n = name(&self.pending[i as usize]);
            let mut parts = n.split(|&b| b == SEP);
            let last = parts.next().unwrap_or_default();
            let first = parts.next().unwrap_or_default();
            cols.extend_from_slice(&name_signature(last, first).to_le_bytes());
        }
        let crc = crc32fast::hash(&cols);
        cols.extend_from_slice(&crc.to_le_bytes());
        let cols_path = dir.join(COLUMNS_FILE);
        std::fs::write(&cols_path, &cols).map_err(io(&cols_path))?;
        tracing::debug!(
            persons,
            address_keys,
            birth_entries,
            street_keys,
            "person index written"
        );
        let mut files = vec![ADDRESS_FILE, STREET_FILE, COLUMNS_FILE];
        if exact_slots > 0 {
            files.push(EXACT_FILE);
        }
        Ok(files.into_iter().map(str::to_owned).collect())
    }
}

/// The exact table's slot for hash `h` among `slots`: the top of a 32×32-bit product, so
/// any slot count works.
fn exact_slot(h: u64, slots: usize) -> usize {
    (((h & 0xFFFF_FFFF) * slots as u64) >> 32) as usize
}

/// The fingerprint stored for hash `h`; never 0 (an empty slot).
fn exact_fingerprint(h: u64) -> u32 {
    ((h >> 32) as u32) | 1
}

/// The exact table file: header, `slots` × (fingerprint u32, person u32) filled by linear
/// probing at a load of 0.8, CRC-32.
fn exact_table(entries: &[(u64, u32)]) -> Vec<u8> {
    let slots = (entries.len() * 5 / 4).max(1) + 1;
    let mut table = vec![(0u32, 0u32); slots];
    for &(h, p) in entries {
        let mut at = exact_slot(h, slots);
        while table[at].0 != 0 {
            at = (at + 1) % slots;
        }
        table[at] = (exact_fingerprint(h), p);
    }
    let mut out = Vec::with_capacity(EXACT_HEADER + slots * 8 + 4);
    out.extend_from_slice(&EXACT_MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(slots as u32).to_le_bytes());
    for (fp, p) in table {
        out.extend_from_slice(&fp.to_le_bytes());
        out.extend_from_slice(&p.to_le_bytes());
    }
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

/// Flushes and syncs a finished fst file.
fn finish(
    w: Result<std::io::BufWriter<File>, fst::Error>,
    path: &Path,
    file: &'static str,
) -> Result<(), PersonError> {
    let io = |source| PersonError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut w = w.map_err(|e| match e {
        fst::Error::Io(source) => io(source),
        e => PersonError::Corrupt {
            file,
            why: e.to_string(),
        },
    })?;
    w.flush().map_err(io)?;
    let file = w.into_inner().map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(io)
}

/// Reusable buffers for [`PersonIndex::find_with`] (one per thread).
#[derive(Debug, Default)]
pub struct PersonScratch {
    names: String,
    street_folded: String,
    street: String,
    key: Vec<u8>,
}

/// A memory-mapped person index.
pub struct PersonIndex {
    address: Map<Mmap>,
    streets: Set<Mmap>,
    exact: Option<Mmap>,
    exact_slots: usize,
    columns: Mmap,
    persons: usize,
    birth_entries: usize,
    key_check: u64,
    id_key: Option<IdHashKey>,
}

impl std::fmt::Debug for PersonIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PersonIndex")
            .field("persons", &self.persons)
            .finish_non_exhaustive()
    }
}

fn map_file(dir: &Path, file: &'static str) -> Result<Mmap, PersonError> {
    let path = dir.join(file);
    let f = File::open(&path).map_err(|source| PersonError::Io {
        path: path.clone(),
        source,
    })?;
    // SAFETY: generation files are written once, under a fresh directory, and never
    // modified in place; a generation is replaced by writing a new directory.
    unsafe { Mmap::map(&f) }.map_err(|source| PersonError::Io { path, source })
}

fn open_fst(dir: &Path, file: &'static str) -> Result<fst::raw::Fst<Mmap>, PersonError> {
    let corrupt = |e: fst::Error| PersonError::Corrupt {
        file,
        why: e.to_string(),
    };
    let raw = fst::raw::Fst::new(map_file(dir, file)?).map_err(corrupt)?;
    // The checksum covers every byte, so a damaged fst is refused here rather than
    // misread (or panicked on) during lookups.
    raw.verify().map_err(corrupt)?;
    Ok(raw)
}

fn read_u32(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .and_then(|s| s.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

/// Builds the exact address key of a lead without national id into `scratch.key`, as
/// `Folded::address_key` would; `None` (key not built) when the lead lacks a postcode, a
/// street or a complete name, or writes its name in a form the general path must read.
fn exact_key_fast(q: &PersonQuery, scratch: &mut PersonScratch) -> Option<()> {
    let postcode = postcode_key(&q.postcode)?;
    let (given, surname) = if q.surname.trim().is_empty() {
        q.given_names
            .split_once(',')
            .filter(|(s, _)| !s.trim().is_empty())
            .map(|(s, g)| (g, s))?
    } else {
        (q.given_names.as_str(), q.surname.as_str())
    };
    let PersonScratch {
        names,
        street_folded,
        street,
        key,
    } = scratch;
    // The name part, tokenised as `NameKey::new` does.
    names.clear();
    fold_into(given, names);
    names.push(' ');
    fold_into(surname, names);
    let mut tokens = names.split(' ').filter(|t| !t.is_empty());
    let first = tokens.next()?;
    let last = tokens.next_back()?;
    // The house, as `Folded::new` reads it.
    let (street_field, number, letter) = if q.house_number.trim().is_empty() {
        let (s, n, l) = split_house(&q.street);
        let l = letter_key(q.house_letter.trim().chars().next())
            .or(l.and_then(|c| letter_key(Some(c))));
        (s, n, l)
    } else {
        let (n, l) = house_key(&q.house_number, &q.house_letter);
        (q.street.as_str(), n, l)
    };
    street_key_into(street_field, street_folded, street);
    if street.is_empty() {
        return None;
    }
    key.clear();
    push_postcode(postcode, key);
    key.extend_from_slice(street.as_bytes());
    key.push(SEP);
    if let Some(n) = number {
        push_decimal(n, key);
    }
    key.push(SEP);
    if let Some(l) = letter {
        key.push(l);
    }
    key.push(SEP);
    key.extend_from_slice(last.as_bytes());
    key.push(SEP);
    key.extend_from_slice(first.as_bytes());
    key.push(SEP);
    for (i, m) in tokens.enumerate() {
        if i > 0 {
            key.push(b' ');
        }
        key.extend_from_slice(m.as_bytes());
    }
    Some(())
}

/// A candidate: cost, person number, key.
type Best = Option<(u32, usize, Vec<u8>)>;

impl PersonIndex {
    /// Maps the index files in `dir`, checking versions, checksums and that the files
    /// belong together. National ids on queries are ignored until [`PersonIndex::with_id_key`].
    pub fn open(dir: &Path) -> Result<PersonIndex, PersonError> {
        let columns = map_file(dir, COLUMNS_FILE)?;
        let corrupt = |why: String| PersonError::Corrupt {
            file: COLUMNS_FILE,
            why,
        };
        if columns.len() < HEADER + 4 || columns[..8] != MAGIC {
            return Err(corrupt("not a person columns file or truncated".into()));
        }
        let version = read_u32(&columns, 8);
        if version != VERSION {
            return Err(PersonError::Version {
                file: COLUMNS_FILE,
                expected: VERSION,
                got: version,
            });
        }
        let persons = read_u32(&columns, 12) as usize;
        let birth_entries = read_u32(&columns, 20) as usize;
        let want = HEADER + persons * PER_PERSON + (DAYS + 1) * 4 + birth_entries * PER_BIRTH + 4;
        if columns.len() != want {
            return Err(corrupt(format!(
                "{} bytes, expected {want} for {persons} persons and {birth_entries} birth entries",
                columns.len()
            )));
        }
        let body = &columns[..want - 4];
        let (got, expected) = (crc32fast::hash(body), read_u32(&columns, want - 4));
        if got != expected {
            return Err(corrupt(format!(
                "checksum {got:08x}, expected {expected:08x}"
            )));
        }
        let key_check = columns
            .get(28..36)
            .and_then(|s| s.try_into().ok())
            .map_or(0, u64::from_le_bytes);
        let exact_slots = read_u32(&columns, 36) as usize;
        let exact = if exact_slots > 0 {
            let table = map_file(dir, EXACT_FILE)?;
            let corrupt = |why: String| PersonError::Corrupt {
                file: EXACT_FILE,
                why,
            };
            let want = EXACT_HEADER + exact_slots * 8 + 4;
            if table.len() != want || table[..8] != EXACT_MAGIC {
                return Err(corrupt(format!(
                    "{} bytes, expected {want} for {exact_slots} slots",
                    table.len()
                )));
            }
            let version = read_u32(&table, 8);
            if version != VERSION {
                return Err(PersonError::Version {
                    file: EXACT_FILE,
                    expected: VERSION,
                    got: version,
                });
            }
            if read_u32(&table, 12) as usize != exact_slots {
                return Err(corrupt("slot count differs from the columns file".into()));
            }
            let (got, expected) = (
                crc32fast::hash(&table[..want - 4]),
                read_u32(&table, want - 4),
            );
            if got != expected {
                return Err(corrupt(format!(
                    "checksum {got:08x}, expected {expected:08x}"
                )));
            }
            Some(table)
        } else {
            None
        };
        let address = Map::from(open_fst(dir, ADDRESS_FILE)?);
        let streets = Set::from(open_fst(dir, STREET_FILE)?);
        let counts = [
            (ADDRESS_FILE, address.len(), read_u32(&columns, 16)),
            (STREET_FILE, streets.len(), read_u32(&columns, 24)),
        ];
        for (file, len, want) in counts {
            if len != want as usize {
                return Err(PersonError::Corrupt {
                    file,
                    why: format!(
                        "{len} keys, the columns file says {want}; files from different generations"
                    ),
                });
            }
        }
        Ok(PersonIndex {
            address,
            streets,
            exact,
            exact_slots,
            columns,
            persons,
            birth_entries,
            key_check,
            id_key: None,
        })
    }

    /// Uses `key` to hash the national ids of queries; refused unless the index was built
    /// with the same key.
    pub fn with_id_key(mut self, key: IdHashKey) -> Result<PersonIndex, PersonError> {
        if key.check_value() != self.key_check {
            return Err(PersonError::KeyMismatch);
        }
        self.id_key = Some(key);
        Ok(self)
    }

    /// Persons in the index.
    pub fn len(&self) -> usize {
        self.persons
    }

    /// Whether the index holds no person.
    pub fn is_empty(&self) -> bool {
        self.persons == 0
    }

    /// Total bytes of the index files.
    pub fn size_bytes(&self) -> usize {
        self.address.as_fst().as_bytes().len()
            + self.streets.as_fst().as_bytes().len()
            + self.columns.len()
            + self.exact.as_ref().map_or(0, |e| e.len())
    }

    fn payload(&self, p: usize) -> u32 {
        read_u32(&self.columns, HEADER + p * ROW)
    }

    fn record(&self, p: usize) -> u32 {
        read_u32(&self.columns, HEADER + p * ROW + 4)
    }

    fn birth(&self, p: usize) -> u16 {
        let at = HEADER + p * ROW + 8;
        self.columns
            .get(at..at + 2)
            .and_then(|s| s.try_into().ok())
            .map_or(0, u16::from_le_bytes)
    }

    fn id_hash(&self, p: usize) -> u32 {
        read_u32(&self.columns, HEADER + self.persons * ROW + p * 4)
    }

    /// The person numbers and name signatures of the persons born on `day`.
    fn born_on(&self, day: u16) -> impl Iterator<Item = (usize, u16)> + '_ {
        let starts = HEADER + self.persons * PER_PERSON;
        let day = usize::from(day);
        let lo = read_u32(&self.columns, starts + day * 4) as usize;
        let hi = read_u32(&self.columns, starts + (day + 1) * 4) as usize;
        let (lo, hi) = (lo.min(self.birth_entries), hi.min(self.birth_entries));
        let persons_at = starts + (DAYS + 1) * 4;
        let sigs_at = persons_at + self.birth_entries * 4;
        (lo..hi.max(lo)).map(move |e| {
            let p = read_u32(&self.columns, persons_at + e * 4) as usize;
            let sig = self
                .columns
                .get(sigs_at + e * 2..sigs_at + e * 2 + 2)
                .and_then(|s| s.try_into().ok())
                .map_or(0, u16::from_le_bytes);
            (p, sig)
        })
    }

    /// The address key of person `p`, found by walking the address fst along the
    /// transitions whose outputs (person numbers grow with the keys) lead to `p`.
    fn key_of(&self, p: usize, out: &mut Vec<u8>) -> bool {
        let fst = self.address.as_fst();
        let target = p as u64;
        let mut node = fst.root();
        let mut acc = 0u64;
        out.clear();
        // A key is never longer than the node count; the bound only guards a damaged file.
        for _ in 0..4096 {
            if node.is_final() && acc + node.final_output().value() == target {
                return true;
            }
            // Outputs grow along a node's transitions: binary search for the last one not
            // past the target.
            let (mut lo, mut hi) = (0, node.len());
            while lo < hi {
                let mid = (lo + hi) / 2;
                if acc + node.transition(mid).out.value() <= target {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            let Some(i) = lo.checked_sub(1) else {
                return false;
            };
            let t = node.transition(i);
            acc += t.out.value();
            out.push(t.inp);
            node = fst.node(t.addr);
        }
        false
    }

    /// The person whose address key is `key` (the first of namesakes), by the exact table
    /// if there is one, else by the fst.
    fn exact_get(&self, key: &[u8]) -> Option<usize> {
        let Some(table) = &self.exact else {
            return self.address.get(key).map(|p| p as usize);
        };
        let h = xxhash_rust::xxh3::xxh3_64(key);
        let fp = exact_fingerprint(h);
        let mut at = exact_slot(h, self.exact_slots);
        // A 32-bit fingerprint stands in for the key: a lead whose key is not in the
        // register matches a stored one with a chance of about 2^-31 (a lost call, never an
        // illegal one).
        for _ in 0..self.exact_slots {
            let slot = EXACT_HEADER + at * 8;
            match read_u32(table, slot) {
                0 => return None,
                f if f == fp => return Some(read_u32(table, slot + 4) as usize),
                _ => {
                    at += 1;
                    if at == self.exact_slots {
                        at = 0;
                    }
                }
            }
        }
        None
    }

    /// The register person `q` is, if the evidence suffices at `strictness`.
    pub fn find(&self, q: &PersonQuery, strictness: Strictness) -> Option<PersonMatch> {
        thread_local! {
            static SCRATCH: std::cell::RefCell<PersonScratch> =
                std::cell::RefCell::new(PersonScratch::default());
        }
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut scratch) => self.find_with(q, strictness, &mut scratch),
            Err(_) => self.find_with(q, strictness, &mut PersonScratch::default()),
        })
    }

    /// [`PersonIndex::find`] with caller-owned buffers: an exact match allocates only the
    /// match's display key.
    pub fn find_with(
        &self,
        q: &PersonQuery,
        strictness: Strictness,
        scratch: &mut PersonScratch,
    ) -> Option<PersonMatch> {
        let tried = q.national_id.is_none() && exact_key_fast(q, scratch).is_some();
        if tried {
            let key = &scratch.key;
            if let Some(p) = self.exact_get(key)
                && p < self.persons
                && self.birth_agrees(birth_day(q.birth_date), p)
            {
                return Some(self.found(MatchKind::Exact, 0, p, key));
            }
        }
        self.find_slow(q, strictness, tried)
    }

    /// The general path; `exact_tried`: [`PersonIndex::find_exact_fast`] found no exact
    /// match, so the exact key need not be looked up again.
    fn find_slow(
        &self,
        q: &PersonQuery,
        strictness: Strictness,
        exact_tried: bool,
    ) -> Option<PersonMatch> {
        let lead = Folded::new(
            &q.given_names,
            &q.surname,
            &q.street,
            &q.house_number,
            &q.house_letter,
            &q.postcode,
            q.birth_date,
            q.national_id.as_deref(),
        );
        if let (Some(key), Some(id)) = (&self.id_key, &lead.national_id)
            && let Some(m) = self.find_national_id(lead.birth, id_hash32(id, key))
        {
            return Some(m);
        }
        if !lead.name.is_complete() {
            return None;
        }
        let max = strictness.max_cost();
        let mut best: Best = None;
        let mut key = Vec::with_capacity(64);
        if lead.has_address() {
            // The exact key first: one lookup for the common case.
            lead.address_key(&mut key);
            if !exact_tried
                && let Some(p) = self.exact_get(&key)
                && p < self.persons
                && self.birth_agrees(lead.birth, p)
            {
                return Some(self.found(MatchKind::Exact, 0, p, &key));
            }
            self.scan_house(&lead, lead.street.as_bytes(), 0, max, &mut key, &mut best);
            if max > 0 && best.as_ref().is_none_or(|b| b.0 > 0) {
                key.clear();
                push_postcode(lead.postcode.unwrap_or(0), &mut key);
                key.extend_from_slice(lead.street.as_bytes());
                if !self.streets.contains(&key) {
                    self.scan_similar_streets(&lead, max, &mut best);
                }
            }
        }
        // A move: only when nothing at the lead's address came close (a birth-day scan costs
        // a few fst walks; a move can only win with the exact name, at cost 1).
        if max > 1 && lead.birth != 0 && best.is_none() {
            self.scan_birth(&lead, max, &mut best);
        }
        let (cost, p, key) = best?;
        let kind = if cost == 0 {
            MatchKind::Exact
        } else {
            MatchKind::Fuzzy
        };
        Some(self.found(kind, cost, p, &key))
    }

    fn found(&self, kind: MatchKind, cost: u32, p: usize, key: &[u8]) -> PersonMatch {
        PersonMatch {
            kind,
            payload: self.payload(p),
            record: self.record(p),
            cost,
            key: if key.first() == Some(&SEP) {
                display_birth_key(self.birth(p), key)
            } else {
                display_address_key(key)
            },
        }
    }

    fn birth_agrees(&self, lead: u16, p: usize) -> bool {
        let b = self.birth(p);
        lead == 0 || b == 0 || lead == b
    }

    fn find_national_id(&self, birth: u16, hash: u32) -> Option<PersonMatch> {
        if birth == 0 {
            return None;
        }
        let p = self
            .born_on(birth)
            .map(|(p, _)| p)
            .find(|&p| p < self.persons && self.id_hash(p) == hash)?;
        let mut key = Vec::with_capacity(64);
        self.key_of(p, &mut key)
            .then(|| self.found(MatchKind::NationalId, 0, p, &key))
    }

    /// Scores every person at the lead's house on `street` (all houses if the lead has no
    /// number), adding `base` to each cost.
    fn scan_house(
        &self,
        lead: &Folded,
        street: &[u8],
        base: u32,
        max: u32,
        key: &mut Vec<u8>,
        best: &mut Best,
    ) {
        lead.house_prefix(street, key);
        let base = if lead.number.is_none() {
            key.pop();
            base + 1
        } else {
            base
        };
        if base > max {
            return;
        }
        let mut upper = key.clone();
        if let Some(last) = upper.last_mut() {
            *last += 1;
        }
        let mut s = self.address.range().ge(&*key).lt(&upper).into_stream();
        while let Some((k, p)) = s.next() {
            let p = p as usize;
            if p >= self.persons || !self.birth_agrees(lead.birth, p) {
                continue;
            }
            let mut fields = k.split(|&b| b == SEP).skip(2);
            let (Some(letter), Some(last), Some(first), Some(middles)) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let letter_cost = match (lead.letter, letter.first()) {
                (None, None) => 0,
                (Some(a), Some(&b)) if a == b => 0,
                (Some(_), Some(_)) => 2,
                _ => 1,
            };
            let Some(limit) = limit(best, max) else {
                return;
            };
            let fixed = base + letter_cost;
            if fixed > limit {
                continue;
            }
            let same_day = lead.birth != 0 && lead.birth == self.birth(p);
            if let Some(c) = name_cost(&lead.name, last, first, middles, limit - fixed, same_day) {
                let total = fixed + c;
                if best.as_ref().is_none_or(|b| total < b.0) {
                    *best = Some((total, p, k.to_vec()));
                }
            }
        }
    }

    fn scan_similar_streets(&self, lead: &Folded, max: u32, best: &mut Best) {
        let mut lo = Vec::with_capacity(4);
        push_postcode(lead.postcode.unwrap_or(0), &mut lo);
        let mut hi = lo.clone();
        hi[3] += 1;
        let want = lead.street.as_bytes();
        // The lead's street as written, for typos inside a street-type suffix (`Heggeegen`).
        let raw: Vec<u8> = fold(&lead.raw_street)
            .bytes()
            .filter(|&b| b != b' ')
            .collect();
        let mut near = Vec::new();
        let mut expanded = Vec::with_capacity(32);
        let mut s = self.streets.range().ge(&lo).lt(&hi).into_stream();
        while let Some(k) = s.next() {
            let street = k.get(4..).unwrap_or_default();
            let allow = allowed_edits(street.len()).min(max);
            let mut d = osa_within(want, street, allow);
            if d.is_none()
                && let Some(canon) = CANONICAL_SUFFIXES
                    .iter()
                    .find(|c| street.ends_with(c.as_bytes()))
            {
                let stem = &street[..street.len() - canon.len()];
                for spelling in suffix_spellings(canon) {
                    expanded.clear();
                    expanded.extend_from_slice(stem);
                    expanded.extend_from_slice(spelling.as_bytes());
                    if let Some(e) = osa_within(&raw, &expanded, allow) {
                        d = Some(d.map_or(e, |d: u32| d.min(e)));
                    }
                }
            }
            if let Some(d) = d.filter(|&d| d > 0) {
                near.push((d, street.to_vec()));
            }
        }
        let mut key = Vec::with_capacity(64);
        for (d, street) in near {
            self.scan_house(lead, &street, d, max, &mut key, best);
        }
    }

    /// Scores the persons born on the lead's birth day one of whose names agrees with the
    /// lead's (by a one-byte hash, in either order): a move with typos in both names is
    /// not found, which keeps this path to a few address-key lookups.
    fn scan_birth(&self, lead: &Folded, max: u32, best: &mut Best) {
        let (l, f) = (
            name_byte(lead.name.last.as_bytes()),
            name_byte(lead.name.first.as_bytes()),
        );
        let mut key = Vec::with_capacity(64);
        for (p, sig) in self.born_on(lead.birth) {
            let [sl, sf] = sig.to_be_bytes();
            if p >= self.persons || !(sl == l || sf == f || sl == f || sf == l) {
                continue;
            }
            // Another address (or none on the lead) costs 1.
            let Some(limit) = limit(best, max).filter(|&l| l >= 1) else {
                return;
            };
            if !self.key_of(p, &mut key) {
                continue;
            }
            let mut fields = key.split(|&b| b == SEP).skip(3);
            let (Some(last), Some(first), Some(middles)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            if let Some(c) = name_cost(&lead.name, last, first, middles, limit - 1, false) {
                let total = c + 1;
                if best.as_ref().is_none_or(|b| total < b.0) {
                    *best = Some((total, p, key.clone()));
                }
            }
        }
    }
}

/// The highest cost still worth finding: below the best so far and at most `max`.
fn limit(best: &Best, max: u32) -> Option<u32> {
    match best {
        Some(b) => b.0.checked_sub(1).map(|c| c.min(max)),
        None => Some(max),
    }
}

/// Edits forgiven in a name or street of `len` bytes.
fn allowed_edits(len: usize) -> u32 {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

fn token_cost(lead: &[u8], rec: &[u8], max: u32, born_same_day: bool) -> Option<u32> {
    if lead == rec {
        return Some(0);
    }
    // The register's spelling sets the allowance: `Ann` is one edit from `Anne`, but `Ole`
    // is not forgiven for `Ola`. An agreeing birth date is strong evidence: one more edit.
    let allow = (allowed_edits(rec.len()) + u32::from(born_same_day)).min(max);
    osa_within(lead, rec, allow).or_else(|| {
        // æ, ø and å fold to two letters, so a typo on one (`Bjrn`, `Bjrøg`) would cost two
        // edits; compare with each of them as one symbol.
        let (mut a, mut b) = ([0u8; 64], [0u8; 64]);
        let (a, changed_a) = squeeze(lead, &mut a)?;
        let (b, changed_b) = squeeze(rec, &mut b)?;
        if changed_a || changed_b {
            osa_within(a, b, allow)
        } else {
            None
        }
    })
}

/// `ae`, `oe` and `aa` as one byte each (1, 2, 3), and whether there were any; `None` if `s`
/// is too long.
fn squeeze<'a>(s: &[u8], out: &'a mut [u8; 64]) -> Option<(&'a [u8], bool)> {
    if s.len() > out.len() {
        return None;
    }
    let (mut i, mut n, mut changed) = (0, 0, false);
    while i < s.len() {
        let pair = s.get(i..i + 2);
        let sym = match pair {
            Some(b"ae") => 1,
            Some(b"oe") => 2,
            Some(b"aa") => 3,
            _ => 0,
        };
        if sym != 0 {
            out[n] = sym;
            i += 2;
            changed = true;
        } else {
            out[n] = s[i];
            i += 1;
        }
        n += 1;
    }
    Some((&out[..n], changed))
}

/// Cost of the name differences between a lead and a record (either name order), if at
/// most `max`. `born_same_day`: both birth dates are known and agree.
fn name_cost(
    lead: &NameKey,
    last: &[u8],
    first: &[u8],
    middles: &[u8],
    max: u32,
    born_same_day: bool,
) -> Option<u32> {
    let in_middles = |t: &[u8]| middles.split(|&b| b == b' ').any(|m| m == t);
    let given_cost = |g: &[u8], max: u32| -> Option<u32> {
        if g == first {
            Some(0)
        } else if g.len() == 1 && first.first() == g.first() {
            (max >= 3).then_some(3)
        } else if in_middles(g) {
            (max >= 1).then_some(1)
        } else if !born_same_day && is_common_given_name(g) && is_common_given_name(first) {
            None
        } else {
            token_cost(g, first, max, born_same_day)
        }
    };
    let surname_cost = |s: &[u8], max: u32| -> Option<u32> {
        if s == last {
            Some(0)
        } else if in_middles(s) {
            (max >= 1).then_some(1)
        } else {
            token_cost(s, last, max, born_same_day)
        }
    };
    let mut middle_cost = 0;
    for m in &lead.middles {
        let m = m.as_bytes();
        if in_middles(m)
            || m == first
            || m == last
            || (m.len() == 1
                && middles
                    .split(|&b| b == b' ')
                    .any(|t| t.first() == m.first()))
        {
            continue;
        }
        middle_cost += if middles.is_empty() { 1 } else { 2 };
        if middle_cost > max {
            return None;
        }
    }
    let rest = max - middle_cost;
    let order = |g: &str, s: &str| -> Option<u32> {
        let a = surname_cost(s.as_bytes(), rest)?;
        let b = given_cost(g.as_bytes(), rest - a)?;
        Some(a + b)
    };
    let straight = order(&lead.first, &lead.last);
    if straight == Some(0) {
        return Some(middle_cost);
    }
    let swapped = order(&lead.last, &lead.first);
    match (straight, swapped) {
        (Some(a), Some(b)) => Some(a.min(b) + middle_cost),
        (a, b) => a.or(b).map(|c| c + middle_cost),
    }
}

fn display_fields(fields: &[&[u8]], out: &mut Vec<u8>) {
    let mut first = true;
    for f in fields {
        if f.is_empty() {
            continue;
        }
        if !first {
            out.push(b' ');
        }
        first = false;
        out.extend_from_slice(f);
    }
}

/// Keys are folded text and so UTF-8; a damaged file's bytes are shown replaced.
fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `0150 storgt 12 b | hansen ola johan` from an address key.
fn display_address_key(k: &[u8]) -> String {
    let mut out = Vec::with_capacity(k.len() + 8);
    let mut fields = k.split(|&b| b == SEP);
    if let Some(street) = fields.next() {
        let (pc, st) = street.split_at(street.len().min(4));
        display_fields(&[pc, st], &mut out);
    }
    let (number, letter) = (
        fields.next().unwrap_or_default(),
        fields.next().unwrap_or_default(),
    );
    out.push(b' ');
    display_fields(&[number, letter], &mut out);
    out.extend_from_slice(b" |");
    for name in fields.take(3).filter(|f| !f.is_empty()) {
        out.push(b' ');
        out.extend_from_slice(name);
    }
    into_string(out)
}

/// `born 1980-02-03 | hansen ola johan` for a person without an address.
fn display_birth_key(day: u16, k: &[u8]) -> String {
    let mut out = match birth_date_of(day) {
        Some(d) => format!("born {d} | ").into_bytes(),
        None => b"born ? | ".to_vec(),
    };
    let fields: Vec<&[u8]> = k.split(|&b| b == SEP).skip(3).take(3).collect();
    display_fields(&fields, &mut out);
    into_string(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::person::eval::national_id_for;

    fn record(
        given: &str,
        surname: &str,
        street: &str,
        number: &str,
        postcode: &str,
    ) -> PersonRecord {
        PersonRecord {
            given_names: given.into(),
            surname: surname.into(),
            street: street.into(),
            house_number: number.into(),
            postcode: postcode.into(),
            city: "OSLO".into(),
            ..PersonRecord::default()
        }
    }

    fn query(
        given: &str,
        surname: &str,
        street: &str,
        number: &str,
        postcode: &str,
    ) -> PersonQuery {
        PersonQuery::from(&record(given, surname, street, number, postcode))
    }

    fn key() -> IdHashKey {
        IdHashKey::new(b"test key of sixteen bytes or more").unwrap()
    }

    /// A small register: a household, a namesake elsewhere, a person known by birth date only.
    fn build(dir: &Path) -> Vec<String> {
        let born = NaiveDate::from_ymd_opt(1980, 5, 17).unwrap();
        let mut w = PersonIndexWriter::new(Some(key()));
        assert_eq!(
            w.add(
                &record("Ola Johan", "Nordmann", "Storgata", "12 B", "0150"),
                100
            )
            .unwrap(),
            0
        );
        w.add(&record("Kari", "Nordmann", "Storgata", "12 B", "0150"), 101)
            .unwrap();
        let mut moved = record("Bjørn", "Sæther", "Kirkeveien", "3", "5003");
        moved.birth_date = Some(born);
        moved.national_id = national_id_for(born, 17, false);
        w.add(&moved, 102).unwrap();
        w.add(&record("Ola", "Nordmann", "Fjordgata", "7", "7010"), 103)
            .unwrap();
        let only_born = PersonRecord {
            given_names: "Åse".into(),
            surname: "Lie".into(),
            birth_date: NaiveDate::from_ymd_opt(1950, 1, 2),
            ..PersonRecord::default()
        };
        w.add(&only_born, 104).unwrap();
        // Rejected records say why and do not take a number.
        assert!(matches!(
            w.add(&record("", "Nordmann", "Storgata", "1", "0150"), 9),
            Err(PersonError::InvalidRecord { record: 5, .. })
        ));
        assert!(matches!(
            w.add(&record("Per", "Hansen", "", "", ""), 9),
            Err(PersonError::InvalidRecord { .. })
        ));
        w.write(dir).unwrap()
    }

    #[test]
    fn exact_fuzzy_moved_and_national_id() {
        let dir = tempfile::tempdir().unwrap();
        let files = build(dir.path());
        assert_eq!(files.len(), 4);
        let index = PersonIndex::open(dir.path())
            .unwrap()
            .with_id_key(key())
            .unwrap();
        assert_eq!(index.len(), 5);
        let find = |q: &PersonQuery, s| index.find(q, s);

        // Exact, whatever the spelling and format.
        let m = find(
            &query("OLA JOHAN", "NORDMANN", "Storgt.", "12b", "0150"),
            Strictness::Exact,
        )
        .unwrap();
        assert_eq!(
            (m.kind, m.payload, m.record, m.cost),
            (MatchKind::Exact, 100, 0, 0)
        );
        assert_eq!(m.key, "0150 storgt 12 b | nordmann ola johan");
        for q in [
            query("Nordmann, Ola Johan", "", "Storgata 12-B", "", "0150"),
            query("Ola", "Nordmann", "Storgaten", "12", "0150"),
        ] {
            let got = find(&q, Strictness::Exact).map(|m| m.payload);
            // Without the house letter it is not exact, but one letter off is fuzzy.
            if q.house_number == "12" {
                assert_eq!(got, None);
                assert_eq!(
                    find(&q, Strictness::Strict).map(|m| (m.payload, m.cost)),
                    Some((100, 1))
                );
            } else {
                assert_eq!(got, Some(100));
            }
        }
        // A typo in the surname and in the street.
        let q = query("Kari", "Nordman", "Storgta", "12 B", "0150");
        assert_eq!(find(&q, Strictness::Exact), None);
        let m = find(&q, Strictness::Normal).unwrap();
        assert_eq!((m.kind, m.payload, m.cost), (MatchKind::Fuzzy, 101, 2));
        // Another household member is not Kari or Ola.
        assert_eq!(
            find(
                &query("Kåre", "Nordmann", "Storgata", "12 B", "0150"),
                Strictness::Loose
            ),
            None
        );
        assert_eq!(
            find(
                &query("Ole", "Nordmann", "Fjordgata", "7", "7010"),
                Strictness::Loose
            ),
            None
        );
        // Moved house: found by birth date, not without it.
        let mut q = query("Bjorn", "Saether", "Elvegata", "1", "0150");
        assert_eq!(find(&q, Strictness::Loose), None);
        q.birth_date = NaiveDate::from_ymd_opt(1980, 5, 17);
        assert_eq!(find(&q, Strictness::Strict), None);
        let m = find(&q, Strictness::Normal).unwrap();
        assert_eq!((m.payload, m.cost), (102, 2));
        assert_eq!(m.key, "5003 kirkevei 3 | saether bjoern");
        // A different birth date rules a namesake out.
        q.birth_date = NaiveDate::from_ymd_opt(1981, 5, 17);
        assert_eq!(find(&q, Strictness::Loose), None);
        let mut q = query("Ola", "Nordmann", "Fjordgata", "7", "7010");
        q.birth_date = NaiveDate::from_ymd_opt(1990, 1, 1);
        assert_eq!(find(&q, Strictness::Loose).map(|m| m.payload), Some(103));
        // National id: matches whatever the name, and only via its keyed hash.
        let born = NaiveDate::from_ymd_opt(1980, 5, 17).unwrap();
        let q = PersonQuery {
            national_id: national_id_for(born, 17, false),
            ..PersonQuery::default()
        };
        let m = find(&q, Strictness::Exact).unwrap();
        assert_eq!((m.kind, m.payload), (MatchKind::NationalId, 102));
        assert!(!m.key.contains(q.national_id.as_deref().unwrap()));
        // Known by birth date only.
        let q = PersonQuery {
            given_names: "Aase".into(),
            surname: "Lie".into(),
            birth_date: NaiveDate::from_ymd_opt(1950, 1, 2),
            ..PersonQuery::default()
        };
        assert_eq!(find(&q, Strictness::Normal).map(|m| m.payload), Some(104));
        // Too little to go on.
        assert_eq!(find(&PersonQuery::default(), Strictness::Loose), None);
    }

    #[test]
    fn person_numbers_lead_back_to_their_keys() {
        let dir = tempfile::tempdir().unwrap();
        let pop = crate::person::eval::Population::with_reserved(3, 3000);
        let mut w = PersonIndexWriter::new(None);
        for p in pop.register() {
            w.add(&p.record, p.id).unwrap();
        }
        w.write(dir.path()).unwrap();
        let index = PersonIndex::open(dir.path()).unwrap();
        let mut stream = index.address.stream();
        let mut key = Vec::new();
        let mut n = 0;
        while let Some((k, p)) = stream.next() {
            assert!(index.key_of(p as usize, &mut key));
            assert_eq!(key, k);
            n += 1;
        }
        assert_eq!(n, index.len());
        assert!(!index.key_of(index.len(), &mut key));
    }

    #[test]
    fn exact_table_changes_speed_not_answers() {
        let pop = crate::person::eval::Population::with_reserved(5, 3000);
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let mut with = PersonIndexWriter::new(None);
        let mut without = PersonIndexWriter::new(None).exact_table(false);
        for p in pop.register() {
            with.add(&p.record, p.id).unwrap();
            without.add(&p.record, p.id).unwrap();
        }
        assert!(
            with.write(a.path())
                .unwrap()
                .contains(&EXACT_FILE.to_owned())
        );
        assert!(
            !without
                .write(b.path())
                .unwrap()
                .contains(&EXACT_FILE.to_owned())
        );
        let (a, b) = (
            PersonIndex::open(a.path()).unwrap(),
            PersonIndex::open(b.path()).unwrap(),
        );
        assert!(a.size_bytes() > b.size_bytes());
        let mut exact = 0;
        for lead in pop.leads(2000, 9) {
            for s in [Strictness::Exact, Strictness::Normal] {
                let (x, y) = (a.find(&lead.query, s), b.find(&lead.query, s));
                exact += usize::from(x.as_ref().is_some_and(|m| m.kind == MatchKind::Exact));
                assert_eq!(x, y);
            }
        }
        assert!(exact > 500, "{exact}");
    }

    proptest::proptest! {
        #[test]
        fn any_lead_is_answered_without_panic(
            given in ".{0,20}", surname in ".{0,20}", street in "[A-Za-zøå .0-9-]{0,24}",
            number in "[0-9A-Za-z -]{0,6}", letter in ".{0,2}", postcode in "[0-9 ]{0,6}",
            days in proptest::option::of(0i64..80_000), id in proptest::option::of("[0-9 ]{0,13}"),
        ) {
            use std::sync::OnceLock;
            static INDEX: OnceLock<(tempfile::TempDir, PersonIndex)> = OnceLock::new();
            let (_, index) = INDEX.get_or_init(|| {
                let dir = tempfile::tempdir().unwrap();
                build(dir.path());
                let index = PersonIndex::open(dir.path()).unwrap().with_id_key(key()).unwrap();
                (dir, index)
            });
            let q = PersonQuery {
                given_names: given,
                surname,
                street,
                house_number: number,
                house_letter: letter,
                postcode,
                city: String::new(),
                birth_date: days.and_then(|d| NaiveDate::from_ymd_opt(1850, 1, 1).map(|e| e + chrono::Duration::days(d))),
                national_id: id,
            };
            for s in Strictness::ALL {
                let _ = index.find(&q, s);
            }
        }
    }

    #[test]
    fn fast_exact_path_answers_as_the_general_path() {
        use crate::person::eval::Population;
        let dir = tempfile::tempdir().unwrap();
        let pop = Population::with_reserved(11, 3_000);
        let mut w = PersonIndexWriter::new(None);
        for p in pop.register() {
            w.add(&p.record, p.id).unwrap();
        }
        w.write(dir.path()).unwrap();
        let index = PersonIndex::open(dir.path()).unwrap();
        let mut scratch = PersonScratch::default();
        let mut exact = 0;
        let mut leads: Vec<PersonQuery> =
            pop.leads(3_000, 5).into_iter().map(|l| l.query).collect();
        for p in pop.register().take(500) {
            let q = PersonQuery::from(&p.record);
            // The whole name in one field, in either order.
            let mut one_field = q.clone();
            one_field.given_names = format!("{} {}", q.given_names, q.surname);
            one_field.surname.clear();
            let mut reversed = one_field.clone();
            reversed.given_names = format!("{}, {}", q.surname, q.given_names);
            leads.extend([q, one_field, reversed]);
        }
        for mut q in leads {
            q.national_id = None;
            for s in Strictness::ALL {
                let fast = index.find_with(&q, s, &mut scratch);
                assert_eq!(fast, index.find_slow(&q, s, false), "{s}");
                exact += usize::from(fast.is_some_and(|m| m.kind == MatchKind::Exact));
            }
        }
        assert!(exact > 4_000, "only {exact} exact matches");
    }

    #[test]
    fn wrong_key_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        build(dir.path());
        let other = IdHashKey::new(b"another key of sixteen bytes").unwrap();
        let index = PersonIndex::open(dir.path()).unwrap();
        assert!(matches!(
            index.with_id_key(other),
            Err(PersonError::KeyMismatch)
        ));
    }

    #[test]
    fn damaged_files_are_refused_with_typed_errors() {
        let dir = tempfile::tempdir().unwrap();
        let files = build(dir.path());
        for file in &files {
            let path = dir.path().join(file);
            let good = std::fs::read(&path).unwrap();
            // Truncated, emptied, or one flipped byte anywhere.
            let mut cases = vec![good[..good.len() / 2].to_vec(), Vec::new()];
            for at in [0, good.len() / 3, good.len() / 2, good.len() - 1] {
                let mut bad = good.clone();
                bad[at] ^= 0x40;
                cases.push(bad);
            }
            for bad in cases {
                std::fs::write(&path, &bad).unwrap();
                match PersonIndex::open(dir.path()) {
                    Err(PersonError::Corrupt { .. } | PersonError::Version { .. }) => {}
                    other => panic!("{file}: damaged file not refused: {other:?}"),
                }
            }
            std::fs::write(&path, &good).unwrap();
        }
        std::fs::remove_file(dir.path().join(STREET_FILE)).unwrap();
        assert!(matches!(
            PersonIndex::open(dir.path()),
            Err(PersonError::Io { .. })
        ));
    }

    #[test]
    fn files_from_different_generations_are_refused() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        build(a.path());
        let mut w = PersonIndexWriter::new(None);
        w.add(&record("Per", "Hansen", "Storgata", "1", "0150"), 1)
            .unwrap();
        w.write(b.path()).unwrap();
        std::fs::copy(b.path().join(ADDRESS_FILE), a.path().join(ADDRESS_FILE)).unwrap();
        assert!(matches!(
            PersonIndex::open(a.path()),
            Err(PersonError::Corrupt { .. })
        ));
    }

    #[test]
    fn squeezed_norwegian_letters_cost_one_edit() {
        assert_eq!(token_cost(b"bjrn", b"bjoern", 2, false), Some(1));
        assert_eq!(token_cost(b"bjorn", b"bjoern", 2, false), Some(1));
        assert_eq!(token_cost(b"bjroeg", b"bjoerg", 2, false), Some(1));
        assert_eq!(token_cost(b"ole", b"ola", 2, false), None);
        assert_eq!(token_cost(b"ole", b"ola", 2, true), Some(1));
        assert_eq!(token_cost(b"ann", b"anne", 2, false), Some(1));
    }
}
