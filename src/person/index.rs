//! The person index of a generation: written once by [`PersonIndexWriter`], memory-mapped
//! and queried by [`PersonIndex`].
//!
//! Four files, all immutable once written:
//!
//! - [`ADDRESS_FILE`], an fst map from the *address key* of each person
//!   (`postcode street SEP number SEP letter SEP surname SEP given SEP middles`; the address
//!   part is empty for a person known by birth date only) to its person number. Persons are
//!   numbered in key order, so the map's outputs grow with the keys and cost almost nothing;
//!   the persons at a lead's house are the keys under one prefix, found by one walk.
//! - [`STREET_FILE`], an fst set of `postcode street`, scanned per postcode to forgive typos
//!   and abbreviations in street names.
//! - [`STREET_HOUSE_FILE`], an fst set of `street SEP postcode number`: the postcodes at
//!   which a street (or one spelt alike) has a house, so that a lead whose postcode is
//!   missing, misread or wrong is found at the postcodes of its city (or next to its
//!   postcode) that have its house.
//! - [`COLUMNS_FILE`]: a header (magic, format version, counts, id-hash key check value, the
//!   random salt of opaque record ids),
//!   then per person number a row of birth day and payload (3 bytes); then the *birth index*:
//!   a start offset per birth day and, in birth-day order, each person's number, the keyed
//!   hash of their national id (when any person has one) and a two-byte name signature, so
//!   that people who moved, and leads with a national id, are found by birth date (their keys
//!   are recovered from the address map by person number); then a CRC-32 of everything
//!   before it.
//! - [`EXACT_FILE`] (optional): the exact-match table, a hash of each address key to its
//!   person number, so that the commonest lead (written as the register writes it) costs a
//!   hash and two memory reads instead of an fst walk. Its layout: a header, a directory of
//!   bucket starts (one `u32` per four keys), then per key six bytes holding the person
//!   number and a fingerprint of the key's hash in the remaining bits; a CRC-32.
//!
//! SEP is byte 0, which folded text never contains. Namesakes with equal keys get a
//! counter byte after one more SEP.
//!
//! Lookups fold a lead once ([`PersonScratch`] keeps the buffers) and try its exact key
//! first; [`PersonIndex::find_all`] does so for many leads at a time, reading the table and
//! the rows of a whole run of leads before deciding any of them, so that their cache misses
//! overlap instead of following one another.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use fst::raw::Node;
use fst::{IntoStreamer, Map, MapBuilder, Set, SetBuilder, Streamer};
use memmap2::Mmap;

use std::cell::Cell;

use super::distance::osa_within;
use super::nid::{IdHashKey, NationalId};
use super::normalise::{
    CANONICAL_SUFFIXES, NameKey, SEP, abbreviates, clean_address, has_ocr_confusion, house_key,
    is_common_given_name, letter_key, lossy_equal, ocr_fold, postcode_key_lenient, sounds_alike,
    split_house, street_key, street_key_into, suffix_spellings,
};
use super::postcodes::{self, Town};
use super::{
    Agreement, CandidatePath, MatchKind, PersonError, PersonEvidence, PersonMatch, PersonQuery,
    PersonRecord, Strictness,
};

/// The fst map of address keys.
pub const ADDRESS_FILE: &str = "person-address.fst";
/// The fst set of streets per postcode.
pub const STREET_FILE: &str = "person-street.fst";
/// Per-person columns and the header tying the files together.
pub const COLUMNS_FILE: &str = "person-columns.bin";
/// The optional exact-match table.
pub const EXACT_FILE: &str = "person-exact.bin";
/// The fst set of houses by street, with their postcodes.
pub const STREET_HOUSE_FILE: &str = "person-street-house.fst";

const MAGIC: [u8; 8] = *b"VASKPRS\0";
/// Format 5: the street-house set, the record-id salt, cleaned addresses in keys.
const VERSION: u32 = 5;
/// Birth days representable (1900-01-01 + 65 535 days is in 2079).
const DAYS: usize = 1 << 16;
/// magic, version, persons, address keys, birth entries, street keys, key check, exact
/// table buckets, whether the birth index has national-id hashes, street-house keys, the
/// record-id salt.
const HEADER: usize = 8 + 4 + 4 + 4 + 4 + 4 + 8 + 4 + 4 + 4 + SALT;
/// Bytes of the random salt of record ids.
const SALT: usize = 16;
/// A person's row: birth day u16, payload u8.
const ROW: usize = 2 + 1;
/// The exact table's magic; its header is magic, version, buckets, entries, person bits.
const EXACT_MAGIC: [u8; 8] = *b"VASKPRX\0";
const EXACT_HEADER: usize = 8 + 4 + 4 + 4 + 4;
/// Bytes of an exact-table entry: person number and fingerprint.
const ENTRY: usize = 6;
/// Keys per bucket of the exact table, on average.
const BUCKET: usize = 4;
/// Most persons with one key (namesakes born the same day at one address).
const MAX_DUPLICATES: usize = 255;
/// Longest key a prefix walk follows; keys are far shorter, the bound only guards a damaged
/// file (and the stack).
const MAX_KEY: usize = 4096;
/// Leads whose exact probes [`PersonIndex::find_all`] overlaps.
const RUN: usize = 16;
/// Most streets spelt alike, and most postcodes with the lead's house, that the city path
/// tries: a common street name (`Kirkeveien`) on a lead without a house number could
/// otherwise take long.
const STREETS_MOST: usize = 64;
const HOUSES_MOST: usize = 32;

/// Birth day as stored: days since 1899-12-31, so 1900-01-01 is 1 and 0 means unknown.
fn birth_day(date: Option<NaiveDate>) -> u16 {
    let Some(date) = date else { return 0 };
    let Some(epoch) = NaiveDate::from_ymd_opt(1899, 12, 31) else {
        return 0;
    };
    u16::try_from((date - epoch).num_days()).unwrap_or(0)
}

/// A record or lead reduced to what keys are made of. Its buffers are reused from lead to
/// lead ([`Folded::fill`]).
#[derive(Debug, Default)]
struct Folded {
    name: NameKey,
    postcode: Option<u16>,
    /// The postcode was read leniently (letters for digits, a lost leading zero).
    postcode_repaired: bool,
    /// The street's match key.
    street: String,
    /// The street as given, without the house number, folded (for fuzzy street matching).
    street_folded: String,
    number: Option<u32>,
    letter: Option<u8>,
    birth: u16,
    national_id: Option<NationalId>,
    /// The exact address key, when [`Folded::exact_key`] built it.
    key: Vec<u8>,
    /// Work buffer for the name.
    names: String,
    /// The street and number fields without flat, floor and c/o designations.
    clean_street: String,
    clean_number: String,
}

impl Folded {
    fn fill_query(&mut self, q: &PersonQuery) {
        self.fill(
            &q.given_names,
            &q.surname,
            &q.street,
            &q.house_number,
            &q.house_letter,
            &q.postcode,
            q.birth_date,
            q.national_id.as_deref(),
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn fill(
        &mut self,
        given: &str,
        surname: &str,
        street: &str,
        number: &str,
        letter: &str,
        postcode: &str,
        birth: Option<NaiveDate>,
        national_id: Option<&str>,
    ) {
        clean_address(street, &mut self.clean_street);
        clean_address(number, &mut self.clean_number);
        let (street, number, letter) = if self.clean_number.is_empty() {
            let (s, n, l) = split_house(&self.clean_street);
            let l =
                letter_key(letter.trim().chars().next()).or(l.and_then(|c| letter_key(Some(c))));
            (s, n, l)
        } else {
            let (n, l) = house_key(&self.clean_number, letter);
            (self.clean_street.as_str(), n, l)
        };
        let national_id = national_id.and_then(NationalId::parse);
        let birth = birth.or_else(|| national_id.and_then(|id| id.birth_date()));
        self.name.set(given, surname, &mut self.names);
        let postcode = postcode_key_lenient(postcode);
        self.postcode = postcode.map(|p| p.0);
        self.postcode_repaired = postcode.is_some_and(|p| p.1);
        street_key_into(street, &mut self.street_folded, &mut self.street);
        self.number = number;
        self.letter = letter;
        self.birth = birth_day(birth);
        self.national_id = national_id;
        self.key.clear();
    }

    fn has_address(&self) -> bool {
        self.postcode.is_some() && !self.street.is_empty()
    }

    /// Builds the exact address key into `self.key`; false (no key) when the lead has a
    /// national id (matched by it first), or lacks an address or a complete name.
    fn exact_key(&mut self) -> bool {
        if self.national_id.is_some()
            || !self.has_address()
            || !self.name.is_complete()
            || self.postcode_repaired
        {
            return false;
        }
        let mut key = std::mem::take(&mut self.key);
        self.address_key(&mut key);
        self.key = key;
        true
    }

    /// `postcode street SEP number SEP`: the prefix every person at this house shares.
    fn house_prefix(&self, postcode: u16, street: &[u8], out: &mut Vec<u8>) {
        out.clear();
        push_postcode(postcode, out);
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
        out.extend_from_slice(self.name.middles.as_bytes());
    }

    fn address_key(&self, out: &mut Vec<u8>) {
        self.house_prefix(self.postcode.unwrap_or(0), self.street.as_bytes(), out);
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
    let mut buf = itoa::Buffer::new();
    out.extend_from_slice(buf.format(n).as_bytes());
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
    payload: u8,
    record: u32,
}

/// What [`PersonIndexWriter::write`] wrote.
#[derive(Debug)]
pub struct PersonIndexFiles {
    /// The files' names, in the directory written to.
    pub files: Vec<String>,
    /// The person number ([`PersonMatch::person`]) of each record, in record order.
    pub person_of_record: Vec<u32>,
}

/// Collects the register's person records and writes a person index.
pub struct PersonIndexWriter {
    id_key: Option<IdHashKey>,
    arena: Vec<u8>,
    pending: Vec<Pending>,
    exact_table: bool,
    folded: Folded,
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
            folded: Folded::default(),
        }
    }

    /// Whether to write the exact-match table ([`EXACT_FILE`], on by default): about 7 bytes
    /// per person for exact lookups several times faster than the fst's.
    pub fn exact_table(mut self, on: bool) -> PersonIndexWriter {
        self.exact_table = on;
        self
    }

    /// Adds a record with its payload (flags the caller gets back with a match); returns its
    /// record number (0, 1, 2, … in call order). A record needs a given name and a surname,
    /// and an address (postcode and street) or a birth date (or a national id, which carries
    /// one).
    pub fn add(&mut self, record: &PersonRecord, payload: u8) -> Result<u32, PersonError> {
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
        let f = &mut self.folded;
        f.fill(
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
            let mut k = std::mem::take(&mut f.key);
            f.house_prefix(f.postcode.unwrap_or(0), f.street.as_bytes(), &mut k);
            if let Some(l) = f.letter {
                k.push(l);
            }
            k.push(SEP);
            self.arena.extend_from_slice(&k);
            f.key = k;
        } else {
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

    /// Writes the index files into `dir` (which must exist).
    pub fn write(mut self, dir: &Path) -> Result<PersonIndexFiles, PersonError> {
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
        let mut houses: Vec<Vec<u8>> = Vec::new();
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
            // `street SEP postcode number`, once per house.
            if street.len() > 4 {
                let number = k[street_end + 1..]
                    .split(|&b| b == SEP)
                    .next()
                    .unwrap_or_default();
                let mut h = Vec::with_capacity(street.len() + number.len() + 2);
                h.extend_from_slice(&street[4..]);
                h.push(SEP);
                h.extend_from_slice(&street[..4]);
                h.extend_from_slice(number);
                if houses.last() != Some(&h) {
                    houses.push(h);
                }
            }
        }
        finish(addr.into_inner(), &addr_path, ADDRESS_FILE)?;
        finish(streets.into_inner(), &street_path, STREET_FILE)?;
        houses.sort_unstable();
        houses.dedup();
        let street_house_keys = u32::try_from(houses.len()).map_err(|_| PersonError::TooMany {
            what: "houses",
            max: u64::from(u32::MAX),
        })?;
        let house_path = dir.join(STREET_HOUSE_FILE);
        let mut house_set = SetBuilder::new(std::io::BufWriter::new(
            File::create(&house_path).map_err(io(&house_path))?,
        ))
        .map_err(fst_err(STREET_HOUSE_FILE))?;
        for h in &houses {
            house_set.insert(h).map_err(fst_err(STREET_HOUSE_FILE))?;
        }
        drop(houses);
        finish(house_set.into_inner(), &house_path, STREET_HOUSE_FILE)?;

        let exact_buckets = if self.exact_table {
            let table = ExactTable::build(exact, persons);
            let path = dir.join(EXACT_FILE);
            std::fs::write(&path, &table.bytes).map_err(io(&path))?;
            table.buckets
        } else {
            0
        };

        // Birth index: person numbers by birth day, with a name signature to filter on.
        let mut by_birth: Vec<(u16, u32)> = (0..persons as u32)
            .filter(|&i| self.pending[i as usize].birth != 0)
            .map(|i| (self.pending[i as usize].birth, i))
            .collect();
        by_birth.sort_unstable();
        let birth_entries = by_birth.len() as u32;
        let id_hashes = self.pending.iter().any(|p| p.id_hash != 0);
        // Columns.
        let mut cols = Vec::with_capacity(
            HEADER + persons * ROW + (DAYS + 1) * 4 + by_birth.len() * (4 + 4 + 2) + 4,
        );
        cols.extend_from_slice(&MAGIC);
        cols.extend_from_slice(&VERSION.to_le_bytes());
        cols.extend_from_slice(&(persons as u32).to_le_bytes());
        cols.extend_from_slice(&address_keys.to_le_bytes());
        cols.extend_from_slice(&birth_entries.to_le_bytes());
        cols.extend_from_slice(&street_keys.to_le_bytes());
        let check = self.id_key.as_ref().map_or(0, IdHashKey::check_value);
        cols.extend_from_slice(&check.to_le_bytes());
        cols.extend_from_slice(&(exact_buckets as u32).to_le_bytes());
        cols.extend_from_slice(&u32::from(id_hashes).to_le_bytes());
        cols.extend_from_slice(&street_house_keys.to_le_bytes());
        // Record ids are a keyed hash of the person number under this salt: opaque to a
        // caller, stable within the generation.
        cols.extend_from_slice(&rand::random::<[u8; SALT]>());
        for p in &self.pending {
            cols.extend_from_slice(&p.birth.to_le_bytes());
            cols.push(p.payload);
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
        if id_hashes {
            for &(_, i) in &by_birth {
                cols.extend_from_slice(&self.pending[i as usize].id_hash.to_le_bytes());
            }
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
        let mut files = vec![ADDRESS_FILE, STREET_FILE, STREET_HOUSE_FILE, COLUMNS_FILE];
        if exact_buckets > 0 {
            files.push(EXACT_FILE);
        }
        let mut person_of_record = vec![0u32; persons];
        for (i, p) in self.pending.iter().enumerate() {
            person_of_record[p.record as usize] = i as u32;
        }
        Ok(PersonIndexFiles {
            files: files.into_iter().map(str::to_owned).collect(),
            person_of_record,
        })
    }
}

/// The exact-match table: for a hash `h` of an address key, bucket `h`'s high 32 bits scaled
/// to the bucket count; in it, entries of (fingerprint << person bits | person), the
/// fingerprint being the low bits of `h` that the person number leaves of 48.
///
/// A fingerprint stands in for the key: a lead whose key is not in the register matches a
/// stored one with a chance of about 2^-(48 - person bits) per entry of its bucket (for
/// 2.5 M persons: 26 bits, four entries, so about 6 in 10^8): a lost call, never an illegal
/// one. Keys of one bucket whose fingerprints collide are left out, so that the fst (which
/// holds the whole key) answers for them.
struct ExactTable {
    buckets: usize,
    bytes: Vec<u8>,
}

/// Bits a person number below `persons` needs (at least 1).
fn person_bits(persons: usize) -> u32 {
    (usize::BITS - persons.saturating_sub(1).leading_zeros()).max(1)
}

fn exact_bucket(h: u64, buckets: usize) -> usize {
    (((h >> 32) * buckets as u64) >> 32) as usize
}

fn exact_fingerprint(h: u64, person_bits: u32) -> u64 {
    h & ((1u64 << (48 - person_bits)) - 1)
}

impl ExactTable {
    fn build(mut entries: Vec<(u64, u32)>, persons: usize) -> ExactTable {
        let buckets = entries.len().div_ceil(BUCKET).max(1);
        let bits = person_bits(persons);
        let fingerprint = |h| exact_fingerprint(h, bits);
        entries.sort_unstable_by_key(|&(h, _)| (exact_bucket(h, buckets), fingerprint(h)));
        // Drop every entry whose bucket and fingerprint another entry shares.
        let mut kept = Vec::with_capacity(entries.len());
        for (i, &(h, p)) in entries.iter().enumerate() {
            let same = |j: usize| {
                entries.get(j).is_some_and(|&(g, _)| {
                    exact_bucket(g, buckets) == exact_bucket(h, buckets)
                        && fingerprint(g) == fingerprint(h)
                })
            };
            let shared = (i > 0 && same(i - 1)) || same(i + 1);
            if !shared {
                kept.push((h, p));
            }
        }
        let mut out = Vec::with_capacity(EXACT_HEADER + (buckets + 1) * 4 + kept.len() * ENTRY + 6);
        out.extend_from_slice(&EXACT_MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(buckets as u32).to_le_bytes());
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        out.extend_from_slice(&bits.to_le_bytes());
        let mut at = 0usize;
        for b in 0..=buckets {
            while at < kept.len() && exact_bucket(kept[at].0, buckets) < b {
                at += 1;
            }
            out.extend_from_slice(&(at as u32).to_le_bytes());
        }
        for &(h, p) in &kept {
            let entry = fingerprint(h) << bits | u64::from(p);
            out.extend_from_slice(&entry.to_le_bytes()[..ENTRY]);
        }
        // Padding, so that the last entry can be read as eight bytes.
        out.extend_from_slice(&[0, 0]);
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        ExactTable {
            buckets,
            bytes: out,
        }
    }
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

/// Reusable buffers for [`PersonIndex::find_with`] and [`PersonIndex::find_all`] (one per
/// thread): a lookup allocates nothing once they have grown.
#[derive(Debug, Default)]
pub struct PersonScratch {
    leads: Vec<Folded>,
    key: Vec<u8>,
    near: Vec<(u32, bool, Vec<u8>)>,
}

/// The mapped exact table.
struct ExactReader {
    map: Mmap,
    buckets: usize,
    entries: usize,
    person_bits: u32,
}

impl ExactReader {
    fn open(dir: &Path, buckets: usize) -> Result<ExactReader, PersonError> {
        let map = map_file(dir, EXACT_FILE)?;
        let corrupt = |why: String| PersonError::Corrupt {
            file: EXACT_FILE,
            why,
        };
        check_head(&map, EXACT_MAGIC, EXACT_HEADER, EXACT_FILE)?;
        if read_u32(&map, 12) as usize != buckets {
            return Err(corrupt("bucket count differs from the columns file".into()));
        }
        let entries = read_u32(&map, 16) as usize;
        let person_bits = read_u32(&map, 20);
        let want = EXACT_HEADER + (buckets + 1) * 4 + entries * ENTRY + 2 + 4;
        if map.len() != want || !(1..=32).contains(&person_bits) {
            return Err(corrupt(format!(
                "{} bytes, expected {want} for {buckets} buckets and {entries} entries",
                map.len()
            )));
        }
        check_crc(&map, EXACT_FILE)?;
        Ok(ExactReader {
            map,
            buckets,
            entries,
            person_bits,
        })
    }

    /// The entries of `h`'s bucket, as a range of entry indexes.
    #[inline]
    fn bucket(&self, h: u64) -> (u32, u32) {
        let at = EXACT_HEADER + exact_bucket(h, self.buckets) * 4;
        let both = read_u64(&self.map, at);
        (both as u32, (both >> 32) as u32)
    }

    /// The person whose key hashes to `h` in bucket range `(lo, hi)`, if any.
    #[inline]
    fn person(&self, h: u64, (lo, hi): (u32, u32)) -> Option<usize> {
        let fp = exact_fingerprint(h, self.person_bits);
        let base = EXACT_HEADER + (self.buckets + 1) * 4;
        let hi = (hi as usize).min(self.entries);
        let mask = (1u64 << self.person_bits) - 1;
        (lo as usize..hi).find_map(|e| {
            let entry = read_u64(&self.map, base + e * ENTRY) & 0xFFFF_FFFF_FFFF;
            (entry >> self.person_bits == fp).then_some((entry & mask) as usize)
        })
    }
}

/// A memory-mapped person index.
pub struct PersonIndex {
    address: Map<Mmap>,
    streets: Set<Mmap>,
    houses: Set<Mmap>,
    salt: [u8; SALT],
    exact: Option<ExactReader>,
    columns: Mmap,
    persons: usize,
    birth_entries: usize,
    id_hashes: bool,
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

/// Checks a file's magic and format version (and that it can hold its header).
fn check_head(
    map: &[u8],
    magic: [u8; 8],
    header: usize,
    file: &'static str,
) -> Result<(), PersonError> {
    if map.len() < header + 4 || map[..8] != magic {
        return Err(PersonError::Corrupt {
            file,
            why: "not this kind of person index file, or truncated".into(),
        });
    }
    match read_u32(map, 8) {
        VERSION => Ok(()),
        got => Err(PersonError::Version {
            file,
            expected: VERSION,
            got,
        }),
    }
}

/// Checks the CRC-32 that ends a file (of all bytes before it).
fn check_crc(map: &[u8], file: &'static str) -> Result<(), PersonError> {
    let body = map.len().saturating_sub(4);
    let (got, expected) = (crc32fast::hash(&map[..body]), read_u32(map, body));
    if got == expected {
        Ok(())
    } else {
        Err(PersonError::Corrupt {
            file,
            why: format!("checksum {got:08x}, expected {expected:08x}"),
        })
    }
}

fn read_u32(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .and_then(|s| s.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

fn read_u64(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8)
        .and_then(|s| s.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

fn read_u16(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2)
        .and_then(|s| s.try_into().ok())
        .map_or(0, u16::from_le_bytes)
}

/// A candidate: cost, person number and the path that found it.
type Best = Option<(u32, usize, CandidatePath)>;

impl PersonIndex {
    /// Maps the index files in `dir`, checking versions, checksums and that the files
    /// belong together. National ids on queries are ignored until [`PersonIndex::with_id_key`].
    pub fn open(dir: &Path) -> Result<PersonIndex, PersonError> {
        let columns = map_file(dir, COLUMNS_FILE)?;
        let corrupt = |why: String| PersonError::Corrupt {
            file: COLUMNS_FILE,
            why,
        };
        check_head(&columns, MAGIC, HEADER, COLUMNS_FILE)?;
        let persons = read_u32(&columns, 12) as usize;
        let birth_entries = read_u32(&columns, 20) as usize;
        let id_hashes = match read_u32(&columns, 40) {
            0 => false,
            1 => true,
            other => return Err(corrupt(format!("national-id column flag {other}"))),
        };
        let per_birth = 4 + 2 + if id_hashes { 4 } else { 0 };
        let want = HEADER + persons * ROW + (DAYS + 1) * 4 + birth_entries * per_birth + 4;
        if columns.len() != want {
            return Err(corrupt(format!(
                "{} bytes, expected {want} for {persons} persons and {birth_entries} birth entries",
                columns.len()
            )));
        }
        check_crc(&columns, COLUMNS_FILE)?;
        let key_check = read_u64(&columns, 28);
        let exact = match read_u32(&columns, 36) as usize {
            0 => None,
            buckets => Some(ExactReader::open(dir, buckets)?),
        };
        let address = Map::from(open_fst(dir, ADDRESS_FILE)?);
        let streets = Set::from(open_fst(dir, STREET_FILE)?);
        let houses = Set::from(open_fst(dir, STREET_HOUSE_FILE)?);
        let counts = [
            (ADDRESS_FILE, address.len(), read_u32(&columns, 16)),
            (STREET_FILE, streets.len(), read_u32(&columns, 24)),
            (STREET_HOUSE_FILE, houses.len(), read_u32(&columns, 44)),
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
        let mut salt = [0u8; SALT];
        salt.copy_from_slice(&columns[48..48 + SALT]);
        Ok(PersonIndex {
            address,
            streets,
            houses,
            salt,
            exact,
            columns,
            persons,
            birth_entries,
            id_hashes,
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
            + self.houses.as_fst().as_bytes().len()
            + self.columns.len()
            + self.exact.as_ref().map_or(0, |e| e.map.len())
    }

    #[inline]
    fn birth(&self, p: usize) -> u16 {
        read_u16(&self.columns, HEADER + p * ROW)
    }

    #[inline]
    fn payload(&self, p: usize) -> u8 {
        self.columns.get(HEADER + p * ROW + 2).copied().unwrap_or(0)
    }

    /// The persons born on `day`: person number, national-id hash (0 if none), name
    /// signature.
    fn born_on(&self, day: u16) -> impl Iterator<Item = (usize, u32, u16)> + '_ {
        let starts = HEADER + self.persons * ROW;
        let day = usize::from(day);
        let lo = read_u32(&self.columns, starts + day * 4) as usize;
        let hi = read_u32(&self.columns, starts + (day + 1) * 4) as usize;
        let (lo, hi) = (lo.min(self.birth_entries), hi.min(self.birth_entries));
        let persons_at = starts + (DAYS + 1) * 4;
        let ids_at = persons_at + self.birth_entries * 4;
        let sigs_at = ids_at
            + if self.id_hashes {
                self.birth_entries * 4
            } else {
                0
            };
        (lo..hi.max(lo)).map(move |e| {
            let p = read_u32(&self.columns, persons_at + e * 4) as usize;
            let id = if self.id_hashes {
                read_u32(&self.columns, ids_at + e * 4)
            } else {
                0
            };
            (p, id, read_u16(&self.columns, sigs_at + e * 2))
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
        for _ in 0..MAX_KEY {
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

    /// Calls `visit(key, person)` for every address key starting with the bytes in `key`,
    /// in key order, until it returns false; `key` is the walk's buffer. Returns how many
    /// bytes of the prefix some key has.
    fn each_with_prefix(
        &self,
        key: &mut Vec<u8>,
        visit: &mut impl FnMut(&[u8], usize) -> bool,
    ) -> usize {
        let fst = self.address.as_fst();
        let mut node = fst.root();
        let mut acc = 0u64;
        for (depth, &b) in key.iter().enumerate() {
            let Some(i) = node.find_input(b) else {
                return depth;
            };
            let t = node.transition(i);
            acc += t.out.value();
            node = fst.node(t.addr);
        }
        let len = key.len();
        self.walk(node, acc, key, visit);
        len
    }

    /// Depth first below `node`: transitions in byte order, so keys in order.
    fn walk(
        &self,
        node: Node<'_>,
        acc: u64,
        key: &mut Vec<u8>,
        visit: &mut impl FnMut(&[u8], usize) -> bool,
    ) -> bool {
        if node.is_final() && !visit(key, (acc + node.final_output().value()) as usize) {
            return false;
        }
        if key.len() >= MAX_KEY {
            return true;
        }
        let fst = self.address.as_fst();
        for t in node.transitions() {
            key.push(t.inp);
            let go = self.walk(fst.node(t.addr), acc + t.out.value(), key, visit);
            key.pop();
            if !go {
                return false;
            }
        }
        true
    }

    /// The person whose address key is `key` (the first of namesakes), by the exact table
    /// if there is one, else by the fst.
    fn exact_get(&self, key: &[u8]) -> Option<usize> {
        match &self.exact {
            Some(table) => {
                let h = xxhash_rust::xxh3::xxh3_64(key);
                table.person(h, table.bucket(h))
            }
            None => self.address.get(key).map(|p| p as usize),
        }
        .filter(|&p| p < self.persons)
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

    /// [`PersonIndex::find`] with caller-owned buffers.
    pub fn find_with(
        &self,
        q: &PersonQuery,
        strictness: Strictness,
        scratch: &mut PersonScratch,
    ) -> Option<PersonMatch> {
        let mut found = None;
        self.find_each(&[q], strictness, scratch, &mut |m| found = m);
        found
    }

    /// [`PersonIndex::find`] for each of `queries`, in order, appended to `out`. Answers as
    /// `find` does, faster: the exact-table and row reads of a run of leads overlap.
    pub fn find_all(
        &self,
        queries: &[&PersonQuery],
        strictness: Strictness,
        scratch: &mut PersonScratch,
        out: &mut Vec<Option<PersonMatch>>,
    ) {
        out.reserve(queries.len());
        self.find_each(queries, strictness, scratch, &mut |m| out.push(m));
    }

    /// Finds each lead, calling `emit` with its match in order, [`RUN`] leads at a time. Each
    /// pass over a run reads one thing for every lead (bucket bounds, then entries, then rows)
    /// without branching on what the others found, so the CPU overlaps their cache misses.
    fn find_each(
        &self,
        queries: &[&PersonQuery],
        strictness: Strictness,
        scratch: &mut PersonScratch,
        emit: &mut impl FnMut(Option<PersonMatch>),
    ) {
        for run in queries.chunks(RUN) {
            let n = run.len();
            if scratch.leads.len() < n {
                scratch.leads.resize_with(n, Folded::default);
            }
            touch(run);
            let mut hashes = [0u64; RUN];
            let mut keyed = [false; RUN];
            for (i, q) in run.iter().enumerate() {
                let lead = &mut scratch.leads[i];
                lead.fill_query(q);
                keyed[i] = lead.exact_key();
                if keyed[i] {
                    hashes[i] = xxhash_rust::xxh3::xxh3_64(&lead.key);
                }
            }
            let mut found = [None::<usize>; RUN];
            match &self.exact {
                Some(table) => {
                    let mut bounds = [(0u32, 0u32); RUN];
                    for i in 0..n {
                        if keyed[i] {
                            bounds[i] = table.bucket(hashes[i]);
                        }
                    }
                    for i in 0..n {
                        if keyed[i] {
                            found[i] = table.person(hashes[i], bounds[i]);
                        }
                    }
                }
                None => {
                    for i in 0..n {
                        if keyed[i] {
                            found[i] = self.exact_get(&scratch.leads[i].key);
                        }
                    }
                }
            }
            let mut births = [0u16; RUN];
            for i in 0..n {
                if let Some(p) = found[i].filter(|&p| p < self.persons) {
                    births[i] = self.birth(p);
                }
            }
            for i in 0..n {
                let lead = &scratch.leads[i];
                let exact = found[i]
                    .filter(|&p| p < self.persons && agrees(lead.birth, births[i]))
                    .map(|p| self.matched(MatchKind::Exact, 0, p, CandidatePath::Postcode));
                let m = match exact {
                    Some(m) => Some(m),
                    None => self.find_slow(
                        lead,
                        run[i],
                        strictness,
                        keyed[i],
                        &mut scratch.key,
                        &mut scratch.near,
                    ),
                };
                emit(m);
            }
        }
    }

    /// The general path, for a lead whose exact key (if `exact_tried`) found nothing.
    /// Candidates come from, in turn: the lead's postcode (its house, then the postcode's
    /// streets that are spelt alike or abbreviated alike), other postcodes of the lead's city
    /// or next to its postcode that have the lead's house, and the persons born on the lead's
    /// birth day.
    fn find_slow(
        &self,
        lead: &Folded,
        q: &PersonQuery,
        strictness: Strictness,
        exact_tried: bool,
        key: &mut Vec<u8>,
        near: &mut Vec<(u32, bool, Vec<u8>)>,
    ) -> Option<PersonMatch> {
        if let (Some(id_key), Some(id)) = (&self.id_key, &lead.national_id)
            && let Some(p) = self.find_national_id(lead.birth, id_hash32(id, id_key))
        {
            return Some(self.matched(MatchKind::NationalId, 0, p, CandidatePath::NationalId));
        }
        if !lead.name.is_complete() {
            return None;
        }
        let max = strictness.max_cost();
        let mut best: Best = None;
        // A postcode read with letters for digits, or without its leading zero, costs 1.
        let repaired = u32::from(lead.postcode_repaired);
        // Whether the register has the lead's street at the lead's postcode: then the street
        // is taken to be spelt right when other postcodes are tried.
        let mut street_at_postcode = false;
        let mut house_at_postcode = false;
        if lead.has_address() && repaired <= max {
            let pc = lead.postcode.unwrap_or(0);
            // The exact key first: one lookup for the common case.
            if !exact_tried && repaired == 0 {
                lead.address_key(key);
                if let Some(p) = self.exact_get(key)
                    && self.birth_agrees(lead.birth, p)
                {
                    return Some(self.matched(MatchKind::Exact, 0, p, CandidatePath::Postcode));
                }
            }
            let at_postcode = Scan {
                postcode: pc,
                street: lead.street.as_bytes(),
                base: repaired,
                lossy_paid: false,
                path: CandidatePath::Postcode,
            };
            let known_there = self.scan_house(lead, &at_postcode, max, key, &mut best);
            house_at_postcode = known_there.is_some_and(|k| k.1);
            if max > repaired && best.is_none_or(|b| b.0 > repaired) {
                let known = known_there.map(|k| k.0).unwrap_or_else(|| {
                    key.clear();
                    push_postcode(pc, key);
                    key.extend_from_slice(lead.street.as_bytes());
                    self.streets.contains(&*key)
                });
                street_at_postcode = known;
                if !known {
                    self.scan_similar_streets(lead, pc, repaired, max, key, near, &mut best);
                }
            }
        }
        // Another postcode of the lead's city, or next to its postcode: only when nothing at
        // the lead's own postcode came close, and the register has no such house there (if it
        // has, the lead's address is right and the lead is someone else who lives there).
        if max > 0
            && best.is_none()
            && !lead.street.is_empty()
            && !house_at_postcode
            && (!street_at_postcode || lead.postcode_repaired || self.city_disagrees(lead, q))
        {
            self.scan_city(lead, q, max, street_at_postcode, key, &mut best);
        }
        // A move: only when nothing at the lead's address came close (a birth-day scan costs
        // a few fst walks; a move can only win with the exact name, at cost 1).
        if max > 1 && lead.birth != 0 && best.is_none() {
            self.scan_birth(lead, max, key, &mut best);
        }
        let (cost, p, path) = best?;
        let kind = if cost == 0 {
            MatchKind::Exact
        } else {
            MatchKind::Fuzzy
        };
        Some(self.matched(kind, cost, p, path))
    }

    fn matched(&self, kind: MatchKind, cost: u32, p: usize, path: CandidatePath) -> PersonMatch {
        PersonMatch {
            kind,
            payload: self.payload(p),
            person: p as u32,
            cost,
            path,
        }
    }

    /// How a lead matched the person `m` found for it, for Explain: which of the lead's own
    /// fields agreed with the register (exactly or fuzzily), the candidate path and an opaque
    /// record id. It names fields, never their register values: a caller learns nothing of
    /// the reserved person that the lead did not already say.
    pub fn evidence(
        &self,
        q: &PersonQuery,
        m: &PersonMatch,
        strictness: Strictness,
    ) -> PersonEvidence {
        let mut lead = Folded::default();
        lead.fill_query(q);
        let p = m.person as usize;
        let mut fields: Vec<(&'static str, Agreement)> = Vec::new();
        let mut key = Vec::with_capacity(64);
        let known = p < self.persons && self.key_of(p, &mut key);
        let mut parts = key.split(|&b| b == SEP);
        let (house, number, letter, last, first, middles) = (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        );
        if m.kind == MatchKind::NationalId {
            fields.push(("national id", Agreement::Exact));
        }
        if known {
            let name_agreement = |t: &[u8]| {
                let in_middles = middles.split(|&b| b == b' ').any(|x| x == t);
                if t == first || t == last || in_middles {
                    Agreement::Exact
                } else if [first, last].iter().any(|r| {
                    sounds_alike(t, r)
                        || lossy_equal(t, r)
                        || (t.len() == 1 && r.first() == t.first())
                        || token_cost(t, r, 2, true, &Cell::new(false)).is_some()
                }) {
                    Agreement::Fuzzy
                } else {
                    Agreement::NotMatched
                }
            };
            if !lead.name.first.is_empty() {
                fields.push(("given name", name_agreement(lead.name.first.as_bytes())));
            }
            for mid in lead.name.middles() {
                fields.push(("middle name", name_agreement(mid.as_bytes())));
            }
            if !lead.name.last.is_empty() {
                fields.push(("surname", name_agreement(lead.name.last.as_bytes())));
            }
            let address_used = matches!(
                m.path,
                CandidatePath::Postcode | CandidatePath::City | CandidatePath::Street
            );
            let (rec_pc, rec_street) = house.split_at(house.len().min(4));
            if !lead.street.is_empty() {
                fields.push((
                    "street",
                    match (address_used, lead.street.as_bytes() == rec_street) {
                        (true, true) => Agreement::Exact,
                        (true, false) => Agreement::Fuzzy,
                        _ => Agreement::NotMatched,
                    },
                ));
            }
            if let Some(n) = lead.number {
                let mut mine = Vec::new();
                push_decimal(n, &mut mine);
                fields.push((
                    "house number",
                    if address_used && mine == number {
                        Agreement::Exact
                    } else {
                        Agreement::NotMatched
                    },
                ));
            }
            if let Some(l) = lead.letter {
                fields.push((
                    "house letter",
                    if address_used && letter == [l] {
                        Agreement::Exact
                    } else {
                        Agreement::NotMatched
                    },
                ));
            }
            if let Some(pc) = lead.postcode {
                let mut mine = Vec::new();
                push_postcode(pc, &mut mine);
                fields.push((
                    "postcode",
                    match (address_used && mine == rec_pc, lead.postcode_repaired) {
                        (true, false) => Agreement::Exact,
                        (true, true) => Agreement::Fuzzy,
                        _ => Agreement::NotMatched,
                    },
                ));
            }
            if m.path == CandidatePath::City {
                fields.push(("city", Agreement::Exact));
            }
        }
        if lead.birth != 0 {
            fields.push((
                "birth date",
                if p < self.persons && self.birth(p) == lead.birth {
                    Agreement::Exact
                } else {
                    Agreement::NotMatched
                },
            ));
        }
        PersonEvidence {
            kind: m.kind,
            cost: m.cost,
            strictness,
            path: m.path,
            fields,
            record: self.record_id(m.person),
        }
    }

    /// An opaque id of person number `person` in this index: a keyed hash (HMAC-SHA256 under
    /// the index's random salt), so that it names the record without encoding any of its data
    /// (person numbers follow the address keys' order, so they would hint at the postcode).
    pub fn record_id(&self, person: u32) -> String {
        use hmac::{Hmac, Mac};
        let Ok(mut mac) = Hmac::<sha2::Sha256>::new_from_slice(&self.salt) else {
            return String::new();
        };
        mac.update(&person.to_le_bytes());
        hex::encode(&mac.finalize().into_bytes()[..8])
    }

    fn birth_agrees(&self, lead: u16, p: usize) -> bool {
        agrees(lead, self.birth(p))
    }

    fn find_national_id(&self, birth: u16, hash: u32) -> Option<usize> {
        if birth == 0 || !self.id_hashes {
            return None;
        }
        self.born_on(birth)
            .find(|&(p, id, _)| p < self.persons && id == hash)
            .map(|(p, _, _)| p)
    }

    /// Scores every person at the lead's house on `scan.street` at `scan.postcode` (all
    /// houses if the lead has no number), adding `scan.base` to each cost. Returns whether the
    /// register has the street at the postcode and whether it has the house, if the scan got
    /// as far as to know.
    fn scan_house(
        &self,
        lead: &Folded,
        scan: &Scan<'_>,
        max: u32,
        key: &mut Vec<u8>,
        best: &mut Best,
    ) -> Option<(bool, bool)> {
        lead.house_prefix(scan.postcode, scan.street, key);
        let base = if lead.number.is_none() {
            key.pop();
            scan.base + 1
        } else {
            scan.base
        };
        if base > max {
            return None;
        }
        // `postcode street SEP`: the street is known if some key has it; the house if some
        // key has the whole prefix.
        let street_prefix = 4 + scan.street.len() + 1;
        let prefix_len = key.len();
        let same_lead = |p: usize| lead.birth != 0 && lead.birth == self.birth(p);
        let found = self.each_with_prefix(key, &mut |k, p| {
            if p >= self.persons || !self.birth_agrees(lead.birth, p) {
                return true;
            }
            let mut fields = k.split(|&b| b == SEP).skip(2);
            let (Some(letter), Some(last), Some(first), Some(middles)) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return true;
            };
            let letter_cost = match (lead.letter, letter.first()) {
                (None, None) => 0,
                (Some(a), Some(&b)) if a == b => 0,
                (Some(_), Some(_)) => 2,
                _ => 1,
            };
            let Some(limit) = limit(best, max) else {
                return false;
            };
            let fixed = base + letter_cost;
            if fixed > limit {
                return true;
            }
            if let Some(c) = name_cost(
                &lead.name,
                last,
                first,
                middles,
                limit - fixed,
                same_lead(p),
                scan.lossy_paid,
            ) {
                let total = fixed + c;
                if best.is_none_or(|b| total < b.0) {
                    *best = Some((total, p, scan.path));
                }
            }
            true
        });
        Some((found >= street_prefix, found == prefix_len))
    }

    /// Scores the lead at the streets of postcode `pc` spelt like the lead's (one or two
    /// edits, a typo inside the street-type suffix, æ/ø/å written as a bare vowel, OCR
    /// confusions) or abbreviated like it (`H. Raanes vei`, `Ø. Svanegata`, `Svanegata` for
    /// `Øvre Svanegata`), each at the cost of its difference plus `base`.
    #[allow(clippy::too_many_arguments)]
    fn scan_similar_streets(
        &self,
        lead: &Folded,
        pc: u16,
        base: u32,
        max: u32,
        key: &mut Vec<u8>,
        near: &mut Vec<(u32, bool, Vec<u8>)>,
        best: &mut Best,
    ) {
        let mut lo = Vec::with_capacity(4);
        push_postcode(pc, &mut lo);
        let mut hi = lo.clone();
        hi[3] += 1;
        let want = lead.street.as_bytes();
        // The lead's street as written, for typos inside a street-type suffix (`Heggeegen`).
        let raw: Vec<u8> = lead.street_folded.bytes().filter(|&b| b != b' ').collect();
        // Leading tokens of at most three letters may abbreviate words of the street (`H.
        // Raanes vei`); each split is tried, none (`Svanegata` for `Øvre Svanegata`) too.
        let tokens: Vec<&str> = lead.street_folded.split(' ').collect();
        let initials = tokens
            .iter()
            .take(tokens.len().saturating_sub(1))
            .take_while(|t| t.len() <= 3 && t.bytes().all(|b| b.is_ascii_alphabetic()))
            .count();
        let splits: Vec<(usize, String)> = (0..=initials)
            .map(|k| (k, street_key(&tokens[k..].join(" "))))
            .collect();
        let (mut ocr_want, mut ocr_rec) = (Vec::new(), Vec::new());
        ocr_fold(want, &mut ocr_want);
        near.clear();
        let mut expanded = Vec::with_capacity(32);
        let mut s = self.streets.range().ge(&lo).lt(&hi).into_stream();
        while let Some(k) = s.next() {
            let street = k.get(4..).unwrap_or_default();
            let allow = allowed_edits(street.len()).min(max);
            let mut d = osa_within(want, street, allow);
            if d.is_none()
                && let Some(canon) = CANONICAL_SUFFIXES.iter().find(|c| {
                    c.as_bytes().last() == street.last() && street.ends_with(c.as_bytes())
                })
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
            let lossy = lossy_equal(want, street);
            if lossy {
                d = Some(1);
            }
            if d.is_none()
                && splits
                    .iter()
                    .any(|(k, rest)| abbreviates(&tokens[..*k], rest.as_bytes(), street))
            {
                d = Some(1);
            }
            if d.is_none() {
                ocr_fold(street, &mut ocr_rec);
                if ocr_rec == ocr_want {
                    d = Some(1);
                }
            }
            if let Some(d) = d.filter(|&d| d > 0) {
                near.push((d, lossy, street.to_vec()));
            }
        }
        for (d, lossy, street) in near.iter() {
            let scan = Scan {
                postcode: pc,
                street,
                base: base + d,
                lossy_paid: *lossy,
                path: CandidatePath::Postcode,
            };
            self.scan_house(lead, &scan, max, key, best);
        }
    }

    /// Scores the lead at the other postcodes that have its house (its street, or one spelt
    /// within the street's edit allowance unless `spelt_right`, and its number): those of the
    /// town its city names ([`CandidatePath::City`]), or else of the town of its postcode, and
    /// those one typing slip from its postcode ([`CandidatePath::Street`]); at cost 1 for the
    /// postcode that differs or is missing, plus the street's edits.
    fn scan_city(
        &self,
        lead: &Folded,
        q: &PersonQuery,
        max: u32,
        spelt_right: bool,
        key: &mut Vec<u8>,
        best: &mut Best,
    ) {
        let table = postcodes::norway();
        let named = table.town_named(&q.city);
        let own = lead.postcode.and_then(|pc| table.town_of(pc));
        let (town, path): (Option<Town>, CandidatePath) = match (named, own) {
            (Some(t), _) => (Some(t), CandidatePath::City),
            (None, t) => (t, CandidatePath::Street),
        };
        if town.is_none() && lead.postcode.is_none() {
            return;
        }
        let budget = if spelt_right {
            0
        } else {
            allowed_edits(lead.street.len()).min(max - 1)
        };
        let mut number = Vec::new();
        if let Some(n) = lead.number {
            push_decimal(n, &mut number);
        }
        // The postcodes worth trying: the town's, and those one slip from the lead's.
        let mut allowed: Vec<u16> = town.map(|t| table.codes(t).to_vec()).unwrap_or_default();
        if let Some(lp) = lead.postcode {
            allowed.extend(postcodes::slips(lp));
            if lead.postcode_repaired || !spelt_right {
                allowed.push(lp);
            }
            allowed.sort_unstable();
            allowed.dedup();
        }
        let mut found: Vec<(u32, u16, Vec<u8>)> = Vec::new();
        // The street as written first (one path down the set); streets spelt alike only if
        // that finds no house (a walk with an edit budget visits far more of the set).
        for (round, budget) in [0, budget].into_iter().enumerate() {
            if round == 1 && (budget == 0 || !found.is_empty()) {
                break;
            }
            self.houses_near(
                lead.street.as_bytes(),
                lead.number.map(|_| number.as_slice()),
                budget,
                &allowed,
                &mut |d, pc, street| {
                    let own_code = lead.postcode == Some(pc) && !lead.postcode_repaired && d == 0;
                    let in_town = town.is_some_and(|t| table.town_of(pc) == Some(t));
                    let slip = lead
                        .postcode
                        .is_some_and(|lp| lp == pc || postcodes::one_slip(lp, pc));
                    if !own_code && (in_town || slip) {
                        found.push((d, pc, street.to_vec()));
                    }
                    found.len() < HOUSES_MOST
                },
            );
        }
        for (d, pc, street) in &found {
            let scan = Scan {
                postcode: *pc,
                street,
                base: 1 + d,
                lossy_paid: lossy_equal(lead.street.as_bytes(), street),
                path,
            };
            self.scan_house(lead, &scan, max, key, best);
        }
    }

    /// Whether the lead names a city that is not its postcode's town (so one of the two is
    /// wrong). A lead whose postcode has its street, and whose city (if any) is that
    /// postcode's town, has a consistent address: its person is not sought elsewhere.
    fn city_disagrees(&self, lead: &Folded, q: &PersonQuery) -> bool {
        if q.city.trim().is_empty() {
            return false;
        }
        let table = postcodes::norway();
        match (
            table.town_named(&q.city),
            lead.postcode.and_then(|pc| table.town_of(pc)),
        ) {
            (Some(a), Some(b)) => a != b,
            _ => false,
        }
    }

    /// Calls `visit(edits, postcode, street)` for every street within `budget` edits of
    /// `street` (optimal string alignment) at each postcode where the register has the house
    /// `number` on it (any house without a number), until `visit` returns false: a walk of the
    /// street-house set that leaves a branch as soon as no key below it can be close enough.
    #[allow(clippy::too_many_arguments)]
    fn houses_near(
        &self,
        street: &[u8],
        number: Option<&[u8]>,
        budget: u32,
        allowed: &[u16],
        visit: &mut impl FnMut(u32, u16, &[u8]) -> bool,
    ) {
        let fst = self.houses.as_fst();
        let n = street.len();
        if n == 0 || n > MAX_KEY / 4 {
            return;
        }
        // rows[d * (n + 1)..]: the alignment row of the first d bytes of the path.
        let mut rows: Vec<u32> = (0..=n as u32).collect();
        let mut path: Vec<u8> = Vec::with_capacity(n + budget as usize + 1);
        let mut ends: Vec<(u32, Vec<u8>, fst::raw::CompiledAddr)> = Vec::new();
        struct Walk<'a> {
            want: &'a [u8],
            budget: u32,
            rows: &'a mut Vec<u32>,
            path: &'a mut Vec<u8>,
            ends: &'a mut Vec<(u32, Vec<u8>, fst::raw::CompiledAddr)>,
        }
        fn walk(fst: &fst::raw::Fst<Mmap>, node: Node<'_>, w: &mut Walk<'_>) {
            let n = w.want.len();
            let depth = w.path.len();
            for t in node.transitions() {
                if w.ends.len() >= STREETS_MOST {
                    return;
                }
                if t.inp == SEP {
                    let d = w.rows[depth * (n + 1) + n];
                    if d <= w.budget {
                        w.ends.push((d, w.path.clone(), t.addr));
                    }
                    continue;
                }
                if depth + 1 > n + w.budget as usize {
                    continue;
                }
                let prev = depth * (n + 1);
                w.rows.resize((depth + 2) * (n + 1), 0);
                let cur = (depth + 1) * (n + 1);
                w.rows[cur] = depth as u32 + 1;
                let mut row_min = w.rows[cur];
                for j in 1..=n {
                    let cost = u32::from(t.inp != w.want[j - 1]);
                    let mut v = (w.rows[prev + j] + 1)
                        .min(w.rows[cur + j - 1] + 1)
                        .min(w.rows[prev + j - 1] + cost);
                    if depth >= 1
                        && j >= 2
                        && t.inp == w.want[j - 2]
                        && w.path[depth - 1] == w.want[j - 1]
                    {
                        v = v.min(w.rows[(depth - 1) * (n + 1) + j - 2] + 1);
                    }
                    w.rows[cur + j] = v;
                    row_min = row_min.min(v);
                }
                if row_min > w.budget {
                    continue;
                }
                w.path.push(t.inp);
                walk(fst, fst.node(t.addr), w);
                w.path.pop();
            }
        }
        let mut w = Walk {
            want: street,
            budget,
            rows: &mut rows,
            path: &mut path,
            ends: &mut ends,
        };
        walk(fst, fst.root(), &mut w);
        // Below `street SEP`: four postcode digits, then the house number.
        for (d, name, addr) in &ends {
            let mut stack = vec![(fst.node(*addr), 0u16, 0u8)];
            while let Some((node, pc, digits)) = stack.pop() {
                if digits == 4 {
                    let has = match number {
                        None => true,
                        Some(num) => {
                            let mut at = node;
                            let mut ok = true;
                            for &b in num {
                                match at.find_input(b) {
                                    Some(i) => at = fst.node(at.transition(i).addr),
                                    None => {
                                        ok = false;
                                        break;
                                    }
                                }
                            }
                            ok && at.is_final()
                        }
                    };
                    if has && !visit(*d, pc, name) {
                        return;
                    }
                    continue;
                }
                for t in node.transitions() {
                    if t.inp.is_ascii_digit() {
                        let pc = pc * 10 + u16::from(t.inp - b'0');
                        // Only prefixes of allowed postcodes: `pc` covers [lo, lo + span).
                        let span = 10u16.pow(3 - u32::from(digits));
                        let lo = pc * span;
                        let at = allowed.partition_point(|&a| a < lo);
                        if allowed.get(at).is_some_and(|&a| a < lo + span) {
                            stack.push((fst.node(t.addr), pc, digits + 1));
                        }
                    }
                }
            }
        }
    }

    /// Scores the persons born on the lead's birth day one of whose names agrees with the
    /// lead's (by a one-byte hash, in either order): a move with typos in both names is
    /// not found, which keeps this path to a few address-key lookups.
    fn scan_birth(&self, lead: &Folded, max: u32, key: &mut Vec<u8>, best: &mut Best) {
        let (l, f) = (
            name_byte(lead.name.last.as_bytes()),
            name_byte(lead.name.first.as_bytes()),
        );
        for (p, _, sig) in self.born_on(lead.birth) {
            let [sl, sf] = sig.to_be_bytes();
            if p >= self.persons || !(sl == l || sf == f || sl == f || sf == l) {
                continue;
            }
            // Another address (or none on the lead) costs 1.
            let Some(limit) = limit(best, max).filter(|&l| l >= 1) else {
                return;
            };
            if !self.key_of(p, key) {
                continue;
            }
            let mut fields = key.split(|&b| b == SEP).skip(3);
            let (Some(last), Some(first), Some(middles)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            if let Some(c) = name_cost(&lead.name, last, first, middles, limit - 1, false, false) {
                let total = c + 1;
                if best.is_none_or(|b| total < b.0) {
                    *best = Some((total, p, CandidatePath::BirthDate));
                }
            }
        }
    }
}

/// Where [`PersonIndex::scan_house`] looks and what it adds to each cost.
struct Scan<'a> {
    postcode: u16,
    street: &'a [u8],
    base: u32,
    /// A lossy spelling of æ/ø/å was already paid for (in the street): names spelt the same
    /// way cost nothing more.
    lossy_paid: bool,
    path: CandidatePath,
}

/// Reads the first byte of every string of a run of leads, so that the cache misses of the
/// whole run are in flight at once before the leads are folded one after the other (a batch
/// of leads decoded from a request no longer fits in the core's cache; this halved the time
/// of exact leads whose strings were not cached, `cargo bench --bench person`).
fn touch(run: &[&PersonQuery]) {
    let mut x = 0u8;
    for q in run {
        for s in [
            &q.given_names,
            &q.surname,
            &q.street,
            &q.house_number,
            &q.postcode,
        ] {
            x ^= s.as_bytes().first().copied().unwrap_or(0);
        }
    }
    std::hint::black_box(x);
}

/// Whether two birth days (0: unknown) may be the same person's.
#[inline]
fn agrees(a: u16, b: u16) -> bool {
    a == 0 || b == 0 || a == b
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

/// The cost of `lead` for the register's `rec` (one name token), if at most `max`. `lossy`
/// says whether a lossy spelling of æ/ø/å was already paid for in this lead (it is one
/// habit of the lead's source, so it costs once however many fields show it).
fn token_cost(
    lead: &[u8],
    rec: &[u8],
    max: u32,
    born_same_day: bool,
    lossy: &Cell<bool>,
) -> Option<u32> {
    if lead == rec {
        return Some(0);
    }
    if lossy_equal(lead, rec) {
        let c = u32::from(!lossy.get());
        if c > max {
            return None;
        }
        lossy.set(true);
        return Some(c);
    }
    // The register's spelling sets the allowance: `Ann` is one edit from `Anne`, but `Ole`
    // is not forgiven for `Ola`. An agreeing birth date is strong evidence: one more edit.
    let allow = (allowed_edits(rec.len()) + u32::from(born_same_day)).min(max);
    osa_within(lead, rec, allow)
        .or_else(|| {
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
        .or_else(|| {
            // OCR and handwriting: `rn` read for `m`, `1` for `l`; one confusion costs one edit.
            if !has_ocr_confusion(lead) && !has_ocr_confusion(rec) {
                return None;
            }
            let (mut a, mut b) = (
                Vec::with_capacity(lead.len()),
                Vec::with_capacity(rec.len()),
            );
            ocr_fold(lead, &mut a);
            ocr_fold(rec, &mut b);
            if a == b {
                (max >= 1).then_some(1)
            } else if a.len() != lead.len() || b.len() != rec.len() {
                osa_within(&a, &b, allow)
                    .map(|d| d + 1)
                    .filter(|&d| d <= max)
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
/// most `max`. `born_same_day`: both birth dates are known and agree. `lossy_paid`: a lossy
/// spelling of æ/ø/å was already paid for in the lead's street.
fn name_cost(
    lead: &NameKey,
    last: &[u8],
    first: &[u8],
    middles: &[u8],
    max: u32,
    born_same_day: bool,
    lossy_paid: bool,
) -> Option<u32> {
    let lossy = Cell::new(lossy_paid);
    let in_middles = |t: &[u8]| middles.split(|&b| b == b' ').any(|m| m == t);
    let given_cost = |g: &[u8], max: u32| -> Option<u32> {
        if g == first {
            Some(0)
        } else if g.len() == 1 && first.first() == g.first() {
            (max >= 3).then_some(3)
        } else if in_middles(g) {
            (max >= 1).then_some(1)
        } else if sounds_alike(g, first) {
            // Spellings of one name (Thomas/Tomas, Carl/Karl): one person, not two.
            (max >= 1).then_some(1)
        } else if !born_same_day && is_common_given_name(g) && is_common_given_name(first) {
            // Two different names of the household (Tone/Anne): another member.
            None
        } else {
            token_cost(g, first, max, born_same_day, &lossy)
        }
    };
    let surname_cost = |s: &[u8], max: u32| -> Option<u32> {
        if s == last {
            Some(0)
        } else if in_middles(s) || sounds_alike(s, last) {
            (max >= 1).then_some(1)
        } else {
            token_cost(s, last, max, born_same_day, &lossy)
        }
    };
    let mut middle_cost = 0;
    for m in lead.middles() {
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
        // A middle name spelt differently (`Synnove` for `Synnøve`) costs as a name does.
        let spelt = middles
            .split(|&b| b == b' ')
            .filter(|t| !t.is_empty())
            .find_map(|t| token_cost(m, t, (max - middle_cost).min(1), born_same_day, &lossy));
        middle_cost += match spelt {
            Some(c) => c,
            None if middles.is_empty() => 1,
            None => 2,
        };
        if middle_cost > max {
            return None;
        }
    }
    let rest = max - middle_cost;
    let after_middles = lossy.get();
    let order = |g: &str, s: &str| -> Option<u32> {
        lossy.set(after_middles);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::eval::national_id_for;

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
    fn build(dir: &Path) -> PersonIndexFiles {
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
        let written = build(dir.path());
        assert_eq!(written.files.len(), 5);
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
        assert_eq!((m.kind, m.payload, m.cost), (MatchKind::Exact, 100, 0));
        assert_eq!(m.person, written.person_of_record[0]);
        assert_eq!(m.path, CandidatePath::Postcode);
        let q = query("OLA JOHAN", "NORDMANN", "Storgt.", "12b", "0150");
        let ev = index.evidence(&q, &m, Strictness::Exact);
        assert_eq!(
            ev.to_string(),
            "exact match (cost 0, strictness exact, found by postcode) on the lead's given name \
             exact, middle name exact, surname exact, street exact, house number exact, house \
             letter exact, postcode exact"
        );
        assert_eq!(ev.record, index.record_id(m.person));
        assert_eq!(ev.record.len(), 16);
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
        assert_eq!(m.path, CandidatePath::BirthDate);
        let ev = index.evidence(&q, &m, Strictness::Normal).to_string();
        assert!(ev.contains("street not matched"), "{ev}");
        assert!(ev.contains("birth date exact"), "{ev}");
        assert!(!ev.contains("kirke") && !ev.contains("5003"), "{ev}");
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
        let described = index.evidence(&q, &m, Strictness::Exact).to_string();
        assert!(described.contains("national id exact"), "{described}");
        assert!(!described.contains(q.national_id.as_deref().unwrap()));
        assert!(!described.contains("17058"), "{described}");
        assert!(!described.contains("saether"), "{described}");
        // Known by birth date only.
        let q = PersonQuery {
            given_names: "Aase".into(),
            surname: "Lie".into(),
            birth_date: NaiveDate::from_ymd_opt(1950, 1, 2),
            ..PersonQuery::default()
        };
        let m = find(&q, Strictness::Normal).unwrap();
        assert_eq!(m.payload, 104);
        assert_eq!(
            index.evidence(&q, &m, Strictness::Normal).to_string(),
            "fuzzy match (cost 1, strictness normal, found by name and birth date) on the \
             lead's given name exact, surname exact, birth date exact"
        );
        // Too little to go on.
        assert_eq!(find(&PersonQuery::default(), Strictness::Loose), None);
    }

    /// Issue 17's lead kinds against a small register: each found, by the path it needs, and
    /// the look-alikes not.
    #[test]
    fn candidates_beyond_the_postcode_and_realistic_spellings() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = PersonIndexWriter::new(None);
        let mut add = |given: &str, surname: &str, street: &str, number: &str, pc: &str| {
            let mut r = record(given, surname, street, number, pc);
            r.city = if pc.starts_with('5') {
                "BERGEN"
            } else {
                "OSLO"
            }
            .into();
            w.add(&r, 1).unwrap();
        };
        add("Thomas", "Berg", "Sagveien", "9", "0160");
        add("Anne", "Lie", "Sagveien", "11", "0160");
        add("Tone", "Bakke", "Hans Raanes vei", "4", "0152");
        add("Kristine", "Jørgensen", "Blåbergata", "2", "5004");
        add("Kari", "Moen", "Øvre Svanegata", "7", "5003");
        add("Per", "Dahl", "Storgata", "3", "0151");
        w.write(dir.path()).unwrap();
        let index = PersonIndex::open(dir.path()).unwrap();
        let normal = |q: &PersonQuery| index.find(q, Strictness::Normal);
        let with_city = |mut q: PersonQuery, city: &str| {
            q.city = city.into();
            q
        };
        let path = |q: &PersonQuery| normal(q).map(|m| (m.path, m.cost));

        // A flat number, Unicode spaces: as exact as the register's own spelling.
        for street in ["Sagveien 9, H0404", "Sagveien\u{a0}9", "Sagveien  9"] {
            let q = query("Thomas", "Berg", street, "", "0160");
            assert_eq!(
                index.find(&q, Strictness::Exact).map(|m| m.cost),
                Some(0),
                "{street}"
            );
        }
        // A spelling of the same given name is the same person; another name is not.
        assert_eq!(
            path(&query("Tomas", "Berg", "Sagveien", "9", "0160")),
            Some((CandidatePath::Postcode, 1))
        );
        assert_eq!(
            normal(&query("Tone", "Lie", "Sagveien", "11", "0160")),
            None
        );
        // Abbreviated streets.
        assert_eq!(
            path(&query("Tone", "Bakke", "H. Raanes vei", "4", "0152")),
            Some((CandidatePath::Postcode, 1))
        );
        assert_eq!(
            path(&query("Kari", "Moen", "Ø. Svanegata", "7", "5003")),
            Some((CandidatePath::Postcode, 1))
        );
        // Lossy æ/ø/å in two fields costs once.
        assert_eq!(
            path(&query("Kristine", "Jorgensen", "Blabergata", "2", "5004")),
            Some((CandidatePath::Postcode, 1))
        );
        // OCR in a name and in the postcode.
        assert_eq!(
            path(&query("Per", "Dah1", "Storgata", "3", "0151")).map(|p| p.1),
            Some(1)
        );
        assert_eq!(
            path(&query("Per", "Dahl", "Storgata", "3", "Ol51")),
            Some((CandidatePath::Postcode, 1))
        );
        // A wrong postcode with the right city; no postcode but the city; a postcode one slip
        // off with no city.
        assert_eq!(
            path(&with_city(
                query("Per", "Dahl", "Storgata", "3", "0160"),
                "Oslo"
            )),
            Some((CandidatePath::City, 1))
        );
        assert_eq!(
            path(&with_city(
                query("Per", "Dahl", "Storgata", "3", ""),
                "OSLO"
            )),
            Some((CandidatePath::City, 1))
        );
        assert_eq!(
            path(&with_city(
                query("Per", "Dahl", "Storgata", "3", "0115"),
                ""
            )),
            Some((CandidatePath::Street, 1))
        );
        // And a misspelt street on top of a missing postcode.
        assert_eq!(
            path(&with_city(query("Per", "Dahl", "Storgta", "3", ""), "Oslo")),
            Some((CandidatePath::City, 2))
        );
        // Not in another town, and not without any place at all.
        assert_eq!(
            normal(&with_city(
                query("Per", "Dahl", "Storgata", "3", ""),
                "Bergen"
            )),
            None
        );
        assert_eq!(
            normal(&with_city(query("Per", "Dahl", "Storgata", "3", ""), "")),
            None
        );
        // A consistent address elsewhere is someone else: a namesake at Storgata 3, 0160.
        assert_eq!(
            normal(&with_city(
                query("Per", "Dahl", "Sagveien", "9", "0160"),
                "Oslo"
            )),
            None
        );
    }

    #[test]
    fn person_numbers_lead_back_to_their_keys() {
        let dir = tempfile::tempdir().unwrap();
        let pop = crate::synth::eval::Population::with_reserved(3, 3000);
        let mut w = PersonIndexWriter::new(None);
        for p in pop.register() {
            w.add(&p.record, 1).unwrap();
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
        let pop = crate::synth::eval::Population::with_reserved(5, 3000);
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let mut with = PersonIndexWriter::new(None);
        let mut without = PersonIndexWriter::new(None).exact_table(false);
        for p in pop.register() {
            with.add(&p.record, 1).unwrap();
            without.add(&p.record, 1).unwrap();
        }
        assert!(
            with.write(a.path())
                .unwrap()
                .files
                .contains(&EXACT_FILE.to_owned())
        );
        assert!(
            !without
                .write(b.path())
                .unwrap()
                .files
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
    fn find_all_answers_as_find() {
        use crate::synth::eval::Population;
        let dir = tempfile::tempdir().unwrap();
        let pop = Population::with_reserved(11, 3_000);
        let mut w = PersonIndexWriter::new(Some(key()));
        for p in pop.register() {
            w.add(&p.record, 1).unwrap();
        }
        w.write(dir.path()).unwrap();
        let index = PersonIndex::open(dir.path())
            .unwrap()
            .with_id_key(key())
            .unwrap();
        let mut leads: Vec<PersonQuery> =
            pop.leads(3_000, 5).into_iter().map(|l| l.query).collect();
        for p in pop.register().take(500) {
            let q = PersonQuery::from(&p.record);
            // The whole name in one field, in either order; without the national id.
            let mut one_field = q.clone();
            one_field.given_names = format!("{} {}", q.given_names, q.surname);
            one_field.surname.clear();
            one_field.national_id = None;
            let mut reversed = one_field.clone();
            reversed.given_names = format!("{}, {}", q.surname, q.given_names);
            leads.extend([q, one_field, reversed]);
        }
        let queries: Vec<&PersonQuery> = leads.iter().collect();
        let mut scratch = PersonScratch::default();
        let mut exact = 0;
        for s in Strictness::ALL {
            let mut all = Vec::new();
            index.find_all(&queries, s, &mut scratch, &mut all);
            assert_eq!(all.len(), leads.len());
            for (q, got) in leads.iter().zip(&all) {
                assert_eq!(got, &index.find(q, s), "{s}");
                exact += usize::from(got.as_ref().is_some_and(|m| m.kind == MatchKind::Exact));
            }
        }
        assert!(exact > 4_000, "only {exact} exact matches");
    }

    #[test]
    fn exact_table_leaves_colliding_fingerprints_to_the_fst() {
        let persons = 1000;
        let bits = person_bits(persons);
        assert_eq!(bits, 10);
        assert_eq!(
            (person_bits(1), person_bits(2), person_bits(1025)),
            (1, 1, 11)
        );
        // a and b share the one bucket and a fingerprint (bit 40 is above its 38 bits).
        let (a, b, c) = (1u64, 1 | 1 << 40, 7u64);
        assert_eq!(exact_fingerprint(a, bits), exact_fingerprint(b, bits));
        let table = ExactTable::build(vec![(a, 5), (b, 6), (c, 7)], persons);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(EXACT_FILE), &table.bytes).unwrap();
        let reader = ExactReader::open(dir.path(), table.buckets).unwrap();
        assert_eq!(reader.entries, 1);
        assert_eq!(reader.person(c, reader.bucket(c)), Some(7));
        assert_eq!(reader.person(a, reader.bucket(a)), None);
        assert_eq!(reader.person(b, reader.bucket(b)), None);
        assert_eq!(reader.person(8, reader.bucket(8)), None);
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
        let written = build(dir.path());
        for file in &written.files {
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
        let no = Cell::new(false);
        assert_eq!(token_cost(b"bjrn", b"bjoern", 2, false, &no), Some(1));
        assert_eq!(token_cost(b"bjorn", b"bjoern", 2, false, &no), Some(1));
        assert_eq!(token_cost(b"bjroeg", b"bjoerg", 2, false, &no), Some(1));
        assert_eq!(token_cost(b"ole", b"ola", 2, false, &no), None);
        assert_eq!(token_cost(b"ole", b"ola", 2, true, &no), Some(1));
        assert_eq!(token_cost(b"ann", b"anne", 2, false, &no), Some(1));
    }
}
