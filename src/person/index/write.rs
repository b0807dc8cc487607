//! Writing a person index: [`PersonIndexWriter`] collects the register's records and
//! writes the files.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use fst::{MapBuilder, SetBuilder};

use super::exact::ExactTable;
use super::key::{Folded, SIGNATURE_BYTES, id_hash32, name_signature};
use super::{
    ADDRESS_FILE, COLUMNS_FILE, DAYS, EXACT_FILE, HEADER, MAGIC, MAX_DUPLICATES, PersonIndexFiles,
    ROW, SALT, STREET_FILE, STREET_HOUSE_FILE, VERSION,
};
use crate::person::nid::IdHashKey;
use crate::person::normalise::SEP;
use crate::person::{PersonError, PersonRecord};

pub(super) struct Pending {
    /// Offset of the address part (empty without address) followed by the name part.
    off: u32,
    addr_len: u16,
    name_len: u16,
    birth: u16,
    id_hash: u32,
    payload: u8,
    record: u32,
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
            HEADER
                + persons * ROW
                + (DAYS + 1) * 4
                + by_birth.len() * (4 + 4 + SIGNATURE_BYTES)
                + 4,
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
            cols.extend_from_slice(&name_signature(last, first).to_le_bytes()[..SIGNATURE_BYTES]);
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

/// Flushes and syncs a finished fst file.
pub(super) fn finish(
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
