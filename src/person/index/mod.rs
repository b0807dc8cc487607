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
//!   hash of their national id (when any person has one) and a three-byte name signature, so
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
//!
//! # Files of this module
//!
//! - `mod.rs`: the file names and format constants, the public types ([`PersonIndex`],
//!   [`PersonIndexFiles`], [`PersonScratch`]), opening and checking the files, and reading
//!   rows, the birth index and keys back by person number;
//! - `key.rs`: a record or lead folded into what keys are made of (`Folded`), and the
//!   key pieces (postcode, number, name signature, national-id hash);
//! - `write.rs`: [`PersonIndexWriter`], which collects records and writes the files;
//! - `exact.rs`: the exact-match table, written and read;
//! - `find.rs`: lookups: the exact key, then the candidate paths (postcode, similar
//!   streets, city and neighbouring postcodes, birth date, national id);
//! - `evidence.rs`: what Explain may say of a match, and opaque record ids;
//! - `cost.rs`: the cost functions (names, tokens, birth dates) that decide a candidate;
//! - `tests.rs`: the unit tests.

use std::collections::HashMap;
use std::fs::File;
use std::path::Path;

use fst::raw::Node;
use fst::{Map, Set};
use memmap2::Mmap;

use super::nid::IdHashKey;
use super::normalise::ocr_fold;
use super::{CandidatePath, PersonError};

mod cost;
mod evidence;
mod exact;
mod find;
mod key;
mod write;

#[cfg(test)]
mod tests;

use exact::ExactReader;
use key::{Folded, SIGNATURE_BYTES};
pub use write::PersonIndexWriter;

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
/// Format 6: the street-house set, the record-id salt, cleaned addresses in keys, three-byte
/// name signatures in the birth index.
const VERSION: u32 = 6;
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

/// What [`PersonIndexWriter::write`] wrote.
#[derive(Debug)]
pub struct PersonIndexFiles {
    /// The files' names, in the directory written to.
    pub files: Vec<String>,
    /// The person number ([`crate::person::PersonMatch::person`]) of each record, in record order.
    pub person_of_record: Vec<u32>,
}

/// Reusable buffers for [`PersonIndex::find_with`] and [`PersonIndex::find_all`] (one per
/// thread): a lookup allocates nothing once they have grown.
#[derive(Debug, Default)]
pub struct PersonScratch {
    leads: Vec<Folded>,
    /// A lead read another way (the other end of a range, the other person of a couple).
    other: Folded,
    key: Vec<u8>,
    near: Vec<(u32, bool, Vec<u8>)>,
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
    /// The birth day of the register's youngest person (`u16::MAX` if it has no birth dates).
    latest_birth: u16,
    id_hashes: bool,
    key_check: u64,
    id_key: Option<IdHashKey>,
    /// Set when a lookup panicked inside the fst crate (see [`PersonIndex::damage`]).
    damaged: std::sync::OnceLock<()>,
    /// The street set decoded, made on first use (see [`StreetTable`]).
    street_table: std::sync::OnceLock<StreetTable>,
}

impl std::fmt::Debug for PersonIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PersonIndex")
            .field("persons", &self.persons)
            .finish_non_exhaustive()
    }
}

/// The last birth day that has persons in the birth index of `columns` (whose day starts are
/// ascending: the last day's is the first that reaches `entries`); `u16::MAX` if there are none.
fn latest_birth(columns: &[u8], persons: usize, entries: usize) -> u16 {
    let starts = HEADER + persons * ROW;
    let start = |day: usize| read_u32(columns, starts + day * 4) as usize;
    if entries == 0 {
        return u16::MAX;
    }
    // The first day after the last with persons: the least `d` with `start(d) >= entries`.
    let (mut lo, mut hi) = (0, DAYS);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if start(mid) >= entries {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    u16::try_from(lo.saturating_sub(1)).unwrap_or(u16::MAX)
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

/// The street set ([`STREET_FILE`]) decoded into memory, by postcode: a lead whose street is
/// unknown at its postcode compares it with every street there, and enumerating them from
/// the fst decoded a node per byte of each street each time (three quarters of that scan's
/// instructions, `examples/person_profile.rs` under callgrind). Each street twice (as keyed
/// and OCR-folded) and two offsets, about 5 MB at 2.5 M persons, made once per index on
/// first use; the files are unchanged. Also each street's postcodes: a lead whose street is at
/// its postcode without its house has the house sought at the town's other postcodes on the
/// same street, and a walk below the street in the street-house set visited every postcode of
/// a common street name (half of all instructions on realistic leads).
#[derive(Debug, Default)]
struct StreetTable {
    /// Every street's bytes (without its postcode), in key order.
    bytes: Vec<u8>,
    /// The end of each street in `bytes`.
    ends: Vec<u32>,
    /// Each street with OCR confusions made one ([`ocr_fold`]), and the end of each.
    ocr: Vec<u8>,
    ocr_ends: Vec<u32>,
    /// Per postcode 0..=9999, the index of its first street; then the number of streets.
    first: Vec<u32>,
    /// Every street's postcodes, ascending, street after street.
    postcodes: Vec<u16>,
    /// Each street's run in `postcodes` (a hash map: a binary search over the streets missed
    /// the cache at every step).
    by_name: HashMap<Box<[u8]>, (u32, u32), foldhash::fast::RandomState>,
}

impl StreetTable {
    fn new(streets: &Set<Mmap>) -> StreetTable {
        use fst::{IntoStreamer, Streamer};
        let mut t = StreetTable {
            first: vec![0; 10_001],
            ..StreetTable::default()
        };
        let mut next_pc = 0usize;
        let mut postcode: Vec<u16> = Vec::new();
        let mut folded = Vec::new();
        let mut s = streets.into_stream();
        while let Some(k) = s.next() {
            // Keys are `postcode street`, the postcode four digits; anything else is no
            // postcode's street (a key the prefix scan never saw either).
            let Some(pc) = key::key_postcode(k).map(usize::from) else {
                continue;
            };
            while next_pc <= pc {
                t.first[next_pc] = t.ends.len() as u32;
                next_pc += 1;
            }
            t.bytes.extend_from_slice(&k[4..]);
            t.ends.push(t.bytes.len() as u32);
            postcode.push(pc as u16);
            ocr_fold(&k[4..], &mut folded);
            t.ocr.extend_from_slice(&folded);
            t.ocr_ends.push(t.ocr.len() as u32);
        }
        for f in &mut t.first[next_pc..] {
            *f = t.ends.len() as u32;
        }
        // Stable: each street's postcodes stay ascending.
        let mut order: Vec<usize> = (0..t.ends.len()).collect();
        order.sort_by(|&a, &b| t.street(a).cmp(t.street(b)));
        let mut postcodes = Vec::with_capacity(order.len());
        let mut by_name = HashMap::default();
        for run in order.chunk_by(|&a, &b| t.street(a) == t.street(b)) {
            let start = postcodes.len() as u32;
            postcodes.extend(run.iter().map(|&i| postcode[i]));
            by_name.insert(t.street(run[0]).into(), (start, postcodes.len() as u32));
        }
        t.postcodes = postcodes;
        t.by_name = by_name;
        t
    }

    /// Street `i`'s bytes.
    fn street(&self, i: usize) -> &[u8] {
        slice(&self.bytes, &self.ends, i)
    }

    /// The postcodes that have `street`, ascending.
    fn postcodes_of(&self, street: &[u8]) -> &[u16] {
        self.by_name
            .get(street)
            .and_then(|&(lo, hi)| self.postcodes.get(lo as usize..hi as usize))
            .unwrap_or_default()
    }

    /// The streets of postcode `pc`, in key order, each with its [`ocr_fold`].
    fn streets(&self, pc: u16) -> impl Iterator<Item = (&[u8], &[u8])> + '_ {
        // As `push_postcode` writes it: four digits.
        let pc = usize::from(pc) % 10_000;
        let (lo, hi) = (self.first[pc] as usize, self.first[pc + 1] as usize);
        (lo..hi).map(move |i| {
            (
                slice(&self.bytes, &self.ends, i),
                slice(&self.ocr, &self.ocr_ends, i),
            )
        })
    }
}

/// Item `i` of strings stored end to end, `ends` their ends.
fn slice<'a>(all: &'a [u8], ends: &[u32], i: usize) -> &'a [u8] {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    &all[start..ends[i] as usize]
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
        let per_birth = 4 + SIGNATURE_BYTES + if id_hashes { 4 } else { 0 };
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
        let latest_birth = latest_birth(&columns, persons, birth_entries);
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
            latest_birth,
            id_hashes,
            key_check,
            id_key: None,
            damaged: std::sync::OnceLock::new(),
            street_table: std::sync::OnceLock::new(),
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

    /// Whether a lookup found the index malformed. The fst crate does not check the nodes of
    /// a map, and its checksum can be forged along with the bytes (or a writer bug can write
    /// a bad map under a good checksum); a lookup that panics inside it is contained, marks the
    /// index damaged for good, and finds nothing from then on. A caller that sees a damaged
    /// index must not answer from it: "no match" from a damaged index is not an answer.
    pub fn damage(&self) -> Option<&'static str> {
        self.damaged.get().map(|()| "a person index file is malformed behind a matching checksum (a lookup in it failed: a writer bug or a forged file)")
    }

    /// Runs `f`, a walk of the index's maps, unless the index is damaged; a panic inside the
    /// fst crate marks it damaged (see [`PersonIndex::damage`]) and gives `None`.
    pub(super) fn guarded<T>(&self, f: impl FnOnce() -> T) -> Option<T> {
        if self.damaged.get().is_some() {
            return None;
        }
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
            Ok(value) => Some(value),
            Err(_) => {
                if self.damaged.set(()).is_ok() {
                    tracing::error!(
                        "a person lookup failed on a malformed index file; washes against the generation are refused"
                    );
                }
                None
            }
        }
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
    fn born_on(&self, day: u16) -> impl Iterator<Item = (usize, u32, u32)> + '_ {
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
            let at = sigs_at + e * SIGNATURE_BYTES;
            let sig = self
                .columns
                .get(at..at + SIGNATURE_BYTES)
                .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], 0]));
            (p, id, sig)
        })
    }

    /// The street set by postcode, decoded on first use.
    fn street_table(&self) -> &StreetTable {
        self.street_table
            .get_or_init(|| StreetTable::new(&self.streets))
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
            // A node of one transition (most of a key's tail): no search.
            if node.len() == 1 {
                let t = node.transition(0);
                if acc + t.out.value() > target {
                    return false;
                }
                acc += t.out.value();
                out.push(t.inp);
                node = fst.node(t.addr);
                continue;
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
}
