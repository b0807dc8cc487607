//! Index generations: immutable directories of memory-mapped files that the engine washes
//! against, and the store that publishes them.
//!
//! A generation directory holds
//! - `sets.bin`: every number set (national register, national register incl. voluntary
//!   organisations, and one set per list), framed by [`format`](mod@format) and laid out by [`numberset`];
//! - `national.fst`: number → registration day and categories of the national register;
//! - `lists.fst`: (list, number) → the entry's dates (added; start/end; requested/expires);
//! - `MANIFEST.json`: format version, counts, snapshot date, source references, the byte range
//!   of every set, and the length and xxh3 checksum of every file, itself checksummed.
//!
//! Opening maps the files, checks every checksum and refuses anything that does not match: a
//! truncated, corrupted or wrong-version generation is an error, never a panic. Files are never
//! written after publication (see [`store`], which makes them read-only), which is what makes
//! mapping them safe: a mapped file truncated by another process raises SIGBUS at the next
//! read of a page past its end, and no check can close that window entirely. So an open
//! generation can re-check its files ([`Generation::check_files`]: a `stat` each, against the
//! length and modification time seen at open); the server does so every 2 seconds and refuses
//! washes against a generation found changed ([`Generation::damage`]). The fst maps are read
//! through the `fst` crate, which may panic on a map malformed behind a matching checksum (a
//! writer bug or a forged file): such a lookup marks the generation damaged too, and finds
//! nothing.

pub mod format;
pub mod manifest;
pub mod numberset;
pub mod rank;
pub mod store;

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use bytes::Bytes;

use crate::domain::{Category, CentreId, ClientId, Day};
pub use manifest::{ListKind, Manifest};
pub use numberset::NumberSet;

/// Why a generation could not be opened or published.
#[derive(Debug, thiserror::Error)]
pub enum GenerationError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory the step failed on.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file's format version is not the one this build reads; rebuild the generation.
    #[error(
        "{file}: format version {got}, this vask reads {expected}; rebuild the generation with `vask rebuild`"
    )]
    Version {
        /// The generation file, by its name in the generation directory.
        file: String,
        /// The version this build reads.
        expected: u32,
        /// The version found.
        got: u32,
    },
    /// A file's checksum does not match: it was damaged after it was written.
    #[error(
        "{file}: checksum mismatch (expected {expected:016x}, got {got:016x}); the generation is damaged, rebuild or roll back"
    )]
    ChecksumMismatch {
        /// The generation file, by its name in the generation directory.
        file: String,
        /// The recorded checksum.
        expected: u64,
        /// The checksum of the bytes found.
        got: u64,
    },
    /// A file is structurally wrong (truncated, bad offsets, missing).
    #[error("{file}: corrupt generation: {why}; rebuild or roll back")]
    Corrupt {
        /// The generation file, by its name in the generation directory.
        file: String,
        /// What is wrong.
        why: String,
    },
    /// The store has no published generation yet.
    #[error("no generation published in {0}; run `vask rebuild` first")]
    NothingPublished(PathBuf),
    /// Another rebuild holds the store's lock.
    #[error("another rebuild is running on {0} (lock held); wait for it to finish")]
    Locked(PathBuf),
    /// A file of an open generation was found damaged: changed on disk after it was opened
    /// (truncated, rewritten or removed: its mapping may no longer hold what was verified,
    /// and reading a truncated mapping kills the process), or malformed behind a matching
    /// checksum. Washes against the generation are refused from then on.
    #[error(
        "generation {generation}: {file} {why}; the store must never be edited in place. Washes against it are refused until another generation is published (`vask rollback` or `vask rebuild`)"
    )]
    Damaged {
        /// The generation's id.
        generation: String,
        /// The file, by its name in the generation directory.
        file: String,
        /// What is wrong with it.
        why: String,
    },
}

impl From<crate::fsutil::IoError> for GenerationError {
    fn from(e: crate::fsutil::IoError) -> GenerationError {
        GenerationError::Io {
            path: e.path,
            source: e.source,
        }
    }
}

impl GenerationError {
    pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> GenerationError + '_ {
        move |source| GenerationError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// One list in an open generation: its number set and its key prefix in `lists.fst`.
#[derive(Debug, Clone)]
pub struct List {
    /// Number of the list inside the generation (the key prefix in `lists.fst`).
    pub no: u32,
    /// The numbers on the list.
    pub set: NumberSet,
    /// Index of the list's description in the manifest.
    pub info: usize,
    /// The list as one bit per listed number, when it holds enough of them (see [`rank`]).
    pub dense: Option<std::sync::Arc<rank::DenseList>>,
    /// Customers and express requests: every entry's value in number order (`u64` LE).
    values: Option<Bytes>,
    /// Values of numbers with several entries (see [`ListValues`]).
    extra: Bytes,
}

impl List {
    /// Is `number` on the list? `rank` is its rank in the union of lists, if known.
    #[inline]
    pub fn contains(&self, number: u64, rank: Option<u32>) -> bool {
        match (rank, &self.dense) {
            (Some(r), Some(d)) => d.contains(r),
            _ => self.set.contains(number),
        }
    }
}

/// A client's lists in an open generation.
#[derive(Debug, Clone, Default)]
pub struct ClientLists {
    /// Internal do-not-call list.
    pub dnc: Option<List>,
    /// Express requests.
    pub express: Option<List>,
    /// Customer relationships, one list per product category.
    pub customers: HashMap<Category, List>,
}

/// A file of a generation as it was when the generation was opened.
#[derive(Debug, Clone)]
struct Opened {
    name: String,
    len: u64,
    modified: Option<std::time::SystemTime>,
}

/// What was found wrong with an open generation.
#[derive(Debug, Clone)]
enum Damage {
    /// A file changed on disk after it was opened: the file and what changed.
    Changed(String, String),
    /// A lookup in a file failed: the file is malformed behind a matching checksum.
    Malformed(String),
}

/// An open, verified generation.
pub struct Generation {
    dir: PathBuf,
    manifest: Manifest,
    /// Every mapped file, as it was at open (see [`Generation::check_files`]).
    opened: Vec<Opened>,
    /// Why washes against it are refused, once found (see [`Generation::damage`]).
    damage: std::sync::OnceLock<Damage>,
    /// Numbers reserved against telephone marketing.
    pub national: NumberSet,
    /// Numbers whose reservation also covers voluntary organisations.
    pub national_voluntary: NumberSet,
    /// Every number on any list of the generation.
    pub listed: NumberSet,
    /// Ranks into the largest bitset partition of `listed`, for dense lists.
    pub union_rank: Option<rank::UnionRank>,
    national_dates: fst::Map<Bytes>,
    lists_meta: fst::Map<Bytes>,
    /// The persons of the national register, if the snapshot had person records.
    pub persons: Option<crate::person::PersonIndex>,
    /// Internal do-not-call lists by centre.
    pub centres: HashMap<CentreId, List>,
    /// Lists by client.
    pub clients: HashMap<ClientId, ClientLists>,
}

impl std::fmt::Debug for Generation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Generation")
            .field("id", &self.manifest.id)
            .field("dir", &self.dir)
            .finish()
    }
}

/// National register facts of one reserved number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NationalMeta {
    /// The reservation also covers voluntary organisations.
    pub voluntary: bool,
    /// Registration day, if the snapshot gives one.
    pub registered: Option<Day>,
}

/// Packs two optional days into one fst value (`u32::MAX` stands for "none").
pub fn pack_days(a: Option<Day>, b: Option<Day>) -> u64 {
    u64::from(a.unwrap_or(u32::MAX)) << 32 | u64::from(b.unwrap_or(u32::MAX))
}

/// The first half of a packed value that stands for "several entries": the second half is
/// the entries' index in the list's `extra` blob, which holds their count and then their
/// packed values. No real day comes near it (it is year 11 million).
pub const SEVERAL: u32 = u32::MAX - 1;

/// The second half of an internal list entry's value when an API add put it there (the first
/// half is the day added); `u32::MAX` ("none") when a delivery did.
pub const VIA_API: u32 = 0;

/// The entries of one number on a list: one, or several (relationships, express requests).
#[derive(Debug, Clone)]
pub enum ListValues<'a> {
    /// One packed value (or none).
    One(Option<u64>),
    /// Several, each `u64` LE.
    Several(std::slice::ChunksExact<'a, u8>),
}

impl Iterator for ListValues<'_> {
    type Item = (Option<Day>, Option<Day>);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            ListValues::One(v) => v.take().map(unpack_days),
            ListValues::Several(chunks) => chunks
                .next()
                .map(|c| unpack_days(crate::fsutil::le_u64(c, 0).unwrap_or(u64::MAX))),
        }
    }
}

impl<'a> ListValues<'a> {
    /// The entries a packed value stands for, given its list's `extra` blob. A reference
    /// outside the blob (damage the checksums would have caught) yields nothing.
    fn of(value: Option<u64>, extra: &'a [u8]) -> ListValues<'a> {
        match value {
            Some(v) if (v >> 32) as u32 == SEVERAL => {
                let at = (v as u32 as usize).saturating_mul(8);
                let count = crate::fsutil::le_u64(extra, at).unwrap_or(0) as usize;
                let body = at + 8;
                let entries = extra
                    .get(body..body.saturating_add(count.saturating_mul(8)))
                    .unwrap_or(&[]);
                ListValues::Several(entries.chunks_exact(8))
            }
            other => ListValues::One(other),
        }
    }
}

/// Unpacks [`pack_days`].
pub fn unpack_days(v: u64) -> (Option<Day>, Option<Day>) {
    let some = |d: u32| (d != u32::MAX).then_some(d);
    (some((v >> 32) as u32), some(v as u32))
}

/// The key of a list entry in `lists.fst`.
pub fn list_key(list_no: u32, number: u64) -> [u8; 12] {
    let mut k = [0u8; 12];
    k[..4].copy_from_slice(&list_no.to_be_bytes());
    k[4..].copy_from_slice(&number.to_be_bytes());
    k
}

fn map_file(
    dir: &Path,
    name: &str,
    expect: &manifest::FileInfo,
    opened: &std::cell::RefCell<Vec<Opened>>,
) -> Result<Bytes, GenerationError> {
    let path = dir.join(name);
    let file = File::open(&path).map_err(GenerationError::io(&path))?;
    let meta = file.metadata().map_err(GenerationError::io(&path))?;
    let len = meta.len();
    if len != expect.len {
        return Err(GenerationError::Corrupt {
            file: name.to_owned(),
            why: format!("{len} bytes, manifest says {}", expect.len),
        });
    }
    let bytes = if len == 0 {
        Bytes::new()
    } else {
        // SAFETY: generation files are written once, fsynced and renamed into place before
        // they are ever mapped, and never modified or truncated afterwards (see `store`), so
        // the mapping cannot change under us.
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(GenerationError::io(&path))?;
        Bytes::from_owner(map)
    };
    let got = xxhash_rust::xxh3::xxh3_64(&bytes);
    if got != expect.xxh3 {
        return Err(GenerationError::ChecksumMismatch {
            file: name.to_owned(),
            expected: expect.xxh3,
            got,
        });
    }
    opened.borrow_mut().push(Opened {
        name: name.to_owned(),
        len,
        modified: meta.modified().ok(),
    });
    Ok(bytes)
}

impl Generation {
    /// Opens and verifies the generation in `dir`.
    pub fn open(dir: &Path) -> Result<Generation, GenerationError> {
        let manifest = Manifest::read(dir)?;
        let opened = std::cell::RefCell::new(Vec::new());
        let file = |name: &str| {
            manifest
                .files
                .get(name)
                .ok_or_else(|| GenerationError::Corrupt {
                    file: manifest::MANIFEST.to_owned(),
                    why: format!("no entry for {name}"),
                })
                .and_then(|info| map_file(dir, name, info, &opened))
        };
        let sets = file(manifest::SETS)?;
        let body = format::unframe(manifest::SETS, format::FileKind::Sets, &sets)?;
        let sets = sets.slice(body);
        let blob = |range: &manifest::SetRange| -> Result<Bytes, GenerationError> {
            let end = range
                .offset
                .checked_add(range.len)
                .filter(|&end| end <= sets.len() as u64)
                .ok_or_else(|| GenerationError::Corrupt {
                    file: manifest::SETS.to_owned(),
                    why: format!("blob at {}+{} runs past the end", range.offset, range.len),
                })?;
            Ok(sets.slice(range.offset as usize..end as usize))
        };
        let set = |range: &manifest::SetRange| NumberSet::open(manifest::SETS, blob(range)?);
        let fst_map = |name: &str| -> Result<fst::Map<Bytes>, GenerationError> {
            fst::Map::new(file(name)?).map_err(|e| GenerationError::Corrupt {
                file: name.to_owned(),
                why: e.to_string(),
            })
        };
        let national = set(&manifest.national.set)?;
        let national_voluntary = set(&manifest.national.voluntary_set)?;
        let listed = set(&manifest.listed)?;
        let union_rank = listed
            .largest_bitset()
            .map(|(high, base, bits, words)| rank::UnionRank::new(high, base, bits, words));
        let mut centres = HashMap::new();
        let mut clients: HashMap<ClientId, ClientLists> = HashMap::new();
        let mut dense_budget = rank::DENSE_BUDGET_BYTES;
        for (info, l) in manifest.lists.iter().enumerate() {
            let set = set(&l.set)?;
            // A list holding at least 1/64 of the listed numbers costs at most 8 bytes per
            // entry as a bitset over ranks, and answers with one bit test.
            // Within a memory budget for all of them together.
            let dense = union_rank
                .as_ref()
                .filter(|r| {
                    !r.is_empty()
                        && set.len().saturating_mul(64) >= u64::from(r.len())
                        && r.dense_bytes() <= dense_budget
                })
                .map(|r| {
                    dense_budget -= r.dense_bytes();
                    std::sync::Arc::new(r.dense(set.iter()))
                });
            let values = l.values.as_ref().map(&blob).transpose()?;
            if values
                .as_ref()
                .is_some_and(|v| v.len() as u64 != set.len() * 8)
            {
                return Err(GenerationError::Corrupt {
                    file: manifest::SETS.to_owned(),
                    why: format!(
                        "list {}: values do not match its {} numbers",
                        l.no,
                        set.len()
                    ),
                });
            }
            let extra = l.extra.as_ref().map(&blob).transpose()?.unwrap_or_default();
            let list = List {
                no: l.no,
                set,
                info,
                dense,
                values,
                extra,
            };
            let client = |owner: &str| {
                ClientId::new(owner).map_err(|e| GenerationError::Corrupt {
                    file: manifest::MANIFEST.to_owned(),
                    why: e.to_string(),
                })
            };
            match &l.kind {
                ListKind::CentreDnc => {
                    let id = CentreId::new(&l.owner).map_err(|e| GenerationError::Corrupt {
                        file: manifest::MANIFEST.to_owned(),
                        why: e.to_string(),
                    })?;
                    centres.insert(id, list);
                }
                ListKind::ClientDnc => {
                    clients.entry(client(&l.owner)?).or_default().dnc = Some(list);
                }
                ListKind::Express => {
                    clients.entry(client(&l.owner)?).or_default().express = Some(list);
                }
                ListKind::Customers { category } => {
                    clients
                        .entry(client(&l.owner)?)
                        .or_default()
                        .customers
                        .insert(category.clone(), list);
                }
            }
        }
        // The person index maps its own files; their checksums are verified here first.
        let persons = if manifest.national.persons > 0 {
            for name in manifest.files.keys().filter(|n| n.starts_with("person-")) {
                file(name)?;
            }
            let index = crate::person::PersonIndex::open(dir).map_err(|e| match e {
                crate::person::PersonError::Version {
                    file,
                    expected,
                    got,
                } => GenerationError::Version {
                    file: file.to_owned(),
                    expected,
                    got,
                },
                e => GenerationError::Corrupt {
                    file: "person index".to_owned(),
                    why: e.to_string(),
                },
            })?;
            Some(index)
        } else {
            None
        };
        let national_dates = fst_map(manifest::NATIONAL_FST)?;
        let lists_meta = fst_map(manifest::LISTS_FST)?;
        Ok(Generation {
            persons,
            dir: dir.to_path_buf(),
            national_dates,
            lists_meta,
            manifest,
            opened: opened.into_inner(),
            damage: std::sync::OnceLock::new(),
            national,
            national_voluntary,
            listed,
            union_rank,
            centres,
            clients,
        })
    }

    /// Lets lead national ids be matched: the key must be the one the index was built with.
    /// Without a key the persons are still matched by name, address and birth date.
    pub fn with_national_id_key(
        mut self,
        key: Option<&crate::person::IdHashKey>,
    ) -> Result<Generation, GenerationError> {
        let Some(key) = key else { return Ok(self) };
        if let Some(persons) = self.persons.take() {
            self.persons =
                Some(
                    persons
                        .with_id_key(key.clone())
                        .map_err(|e| GenerationError::Corrupt {
                            file: "person index".to_owned(),
                            why: format!(
                                "{e} (national_id_key differs from the one it was built with?)"
                            ),
                        })?,
                );
        }
        Ok(self)
    }

    /// Checks that every file of the generation is still as it was when it was opened (its
    /// length and modification time, by one `stat` each): the store must never be edited in
    /// place, and a mapped file truncated under the process kills it with SIGBUS at the next
    /// read past the new end. A change found is kept for good ([`Generation::damage`]: the
    /// mapping cannot be trusted again even if the file is put back) and returned.
    pub fn check_files(&self) -> Result<(), GenerationError> {
        if let Some(e) = self.damage() {
            return Err(e);
        }
        for f in &self.opened {
            let what = match std::fs::metadata(self.dir.join(&f.name)) {
                Err(e) => format!("cannot be read: {e}"),
                Ok(m) if m.len() != f.len => {
                    format!("now {} bytes, the manifest says {}", m.len(), f.len)
                }
                Ok(m) if m.modified().ok() != f.modified => {
                    "written to: its modification time changed".to_owned()
                }
                Ok(_) => continue,
            };
            let _ = self.damage.set(Damage::Changed(f.name.clone(), what));
            return Err(self.damage().unwrap_or_else(|| GenerationError::Damaged {
                generation: self.id().to_owned(),
                file: f.name.clone(),
                why: "changed on disk after it was opened".to_owned(),
            }));
        }
        Ok(())
    }

    /// Why this generation must not be washed against any more: a file changed on disk since
    /// it was opened ([`Generation::check_files`] found it), or a lookup found a file
    /// malformed behind a matching checksum (here or in the person index,
    /// [`crate::person::PersonIndex::damage`]). `None` while it is intact.
    pub fn damage(&self) -> Option<GenerationError> {
        self.damage.get().map(|d| {
            let (file, why) = match d {
                Damage::Changed(file, what) => {
                    (file, format!("changed on disk after it was opened ({what})"))
                }
                Damage::Malformed(file) => (
                    file,
                    "is malformed behind a matching checksum (a lookup in it failed: a writer bug or a forged file)".to_owned(),
                ),
            };
            GenerationError::Damaged {
                generation: self.id().to_owned(),
                file: file.clone(),
                why,
            }
        })
        .or_else(|| {
            let why = self.persons.as_ref()?.damage()?;
            Some(GenerationError::Damaged {
                generation: self.id().to_owned(),
                file: "person-*".to_owned(),
                why: why.to_owned(),
            })
        })
    }

    /// Looks `key` up in the fst map `map` (the file `name`). The fst crate does not check
    /// the nodes of a map and may panic on one that is malformed behind a matching checksum
    /// (a writer bug, or a forged file); walking every node at open would cost more than
    /// opening does now. So such a panic is contained here: the generation is marked damaged
    /// (washes are refused from then on, [`Generation::damage`]) and the lookup finds
    /// nothing, which withholds an exemption rather than granting one; so do all later
    /// lookups in a damaged generation, without touching its maps again.
    fn fst_get(&self, name: &str, map: &fst::Map<Bytes>, key: &[u8]) -> Option<u64> {
        if self.damage.get().is_some() {
            return None;
        }
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| map.get(key))) {
            Ok(value) => value,
            Err(_) => {
                if self.damage.set(Damage::Malformed(name.to_owned())).is_ok() {
                    tracing::error!(generation = %self.id(), file = name, "a lookup failed on a malformed file; washes against the generation are refused");
                }
                None
            }
        }
    }

    /// The manifest: counts, snapshot date, source references and every file's checksum.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The generation's id.
    pub fn id(&self) -> &str {
        &self.manifest.id
    }

    /// Its directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// National register facts of a number, if it is reserved against telephone marketing.
    pub fn national_meta(&self, number: u64) -> Option<NationalMeta> {
        self.national.contains(number).then(|| NationalMeta {
            voluntary: self.national_voluntary.contains(number),
            registered: self
                .fst_get(
                    manifest::NATIONAL_FST,
                    &self.national_dates,
                    &number.to_be_bytes(),
                )
                .and_then(|d| u32::try_from(d).ok()),
        })
    }

    /// Every entry of a number on a list (none if it is not on it): its dates, packed as
    /// [`pack_days`] (added; start and end; requested and expires).
    pub fn list_values<'a>(
        &self,
        list: &'a List,
        number: u64,
        rank: Option<u32>,
    ) -> ListValues<'a> {
        ListValues::of(self.list_value(list, number, rank), &list.extra)
    }

    /// The packed value of a list entry, if the number is on the list: for a number with
    /// several entries, a reference to them ([`SEVERAL`]); use [`Generation::list_values`].
    ///
    /// `rank` is the number's rank in the union of lists, if known: a dense list with its
    /// values in order then reads the value at the number's position (one memory access)
    /// instead of searching `lists.fst` (a walk of several nodes, each a likely cache miss).
    pub fn list_value(&self, list: &List, number: u64, rank: Option<u32>) -> Option<u64> {
        if let (Some(rank), Some(dense), Some(values)) = (rank, &list.dense, &list.values) {
            let at = dense.position(rank)? * 8;
            return crate::fsutil::le_u64(values, at);
        }
        if !list.contains(number, rank) {
            return None;
        }
        self.fst_get(
            manifest::LISTS_FST,
            &self.lists_meta,
            &list_key(list.no, number),
        )
    }

    /// The manifest's description of a list.
    pub fn list_info(&self, list: &List) -> &manifest::ListInfo {
        &self.manifest.lists[list.info]
    }
}
