//! Build: turns the sources of a [`Catalog`] (plus opt-outs from the journal) into the files of
//! a new generation, and [`rebuild`] publishes it through the [`Store`].
//!
//! Data flows one way: sources are read row by row into per-list accumulators, sorted, merged
//! and written as number sets and fst maps; the manifest, written last, checksums every file.
//!
//! Every customer relationship and every express request counts: a number with several keeps
//! them all (overlapping ones merged), so that on any day the rules see the one valid then.
//! An internal list's state per number is decided by time: the latest API operation from the
//! journal against the time its delivery was imported (see `lists.rs`).
//!
//! # Where the code is
//! - this file: reading the sources, writing the generation's files, and [`rebuild`];
//! - `lists.rs`: gathering each list's entries, merging a number's relationships, folding the
//!   journal into the internal lists by time;
//! - `tests.rs`: those merges tested without a server.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, Utc};

use crate::domain::{Day, InternalList, to_day};
use crate::generation::manifest::{self, FileInfo, ListInfo, ListKind, NationalInfo, SetRange};
use crate::generation::store::{Store, write_synced};
use crate::generation::{
    Generation, GenerationError, Manifest, NumberSet, format, list_key, pack_days,
};
use crate::person::PersonIndexWriter;
use crate::sources::{self, Catalog, RowError, SnapshotDate, SourceError, SourceFile};

mod lists;
#[cfg(test)]
mod tests;

use lists::{ListAcc, fold_opt_outs};

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A source could not be read or had too many bad rows.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// Writing or publishing the generation failed.
    #[error(transparent)]
    Generation(#[from] GenerationError),
    /// A person record could not be indexed.
    #[error("national register: {0}")]
    Person(#[from] crate::person::PersonError),
    /// The new snapshot is much smaller than the current one: publishing it would unblock many
    /// reserved people. Check the delivery, or force the rebuild.
    #[error(
        "national snapshot has {new} reservations, the current generation {old}: below the {min_percent}% threshold; check the delivery or rebuild with --force"
    )]
    SuspiciousShrink {
        /// Reservations in the new snapshot.
        new: u64,
        /// Reservations in the current generation.
        old: u64,
        /// The threshold in percent.
        min_percent: u32,
    },
    /// The built generation does not match its sources.
    #[error("verification of the new generation failed: {0}")]
    Verify(String),
}

/// One opt-out journal operation to fold into the generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptOutOp {
    /// Journal sequence number.
    pub seq: u64,
    /// The internal list it changes.
    pub list: InternalList,
    /// The number (E.164 as integer).
    pub number: u64,
    /// Add (true) or remove (false).
    pub add: bool,
    /// When it happened.
    pub at: DateTime<Utc>,
}

/// Journal records as operations to fold (the journal refuses a record it cannot read, so
/// none is left out here).
pub fn opt_outs(records: &[crate::journal::Record]) -> Vec<OptOutOp> {
    records
        .iter()
        .map(|r| OptOutOp {
            seq: r.seq,
            list: r.entry.list.clone(),
            number: r.entry.number,
            add: r.entry.op == crate::journal::Op::Add,
            at: r.entry.at,
        })
        .collect()
}

/// Options of a build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The build's clock: stamps the id, `created_at`, and a `build-date` snapshot.
    pub now: DateTime<Utc>,
    /// Bad rows tolerated per file (0: all-or-nothing).
    pub max_errors: usize,
    /// Journal operations to fold in, in seq order.
    pub opt_outs: Vec<OptOutOp>,
    /// Key of the keyed hash national ids are stored as (none: ids are not indexed).
    pub national_id_key: Option<crate::person::IdHashKey>,
}

/// What a build produced.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// The generation id.
    pub id: String,
    /// Its directory.
    pub dir: PathBuf,
    /// Reservations in the national snapshot.
    pub reservations: u64,
    /// Distinct numbers reserved against telephone marketing.
    pub national_numbers: u64,
    /// Lists built.
    pub lists: usize,
    /// Rows skipped under `max_errors`, per file.
    pub skipped: Vec<(String, RowError)>,
    /// Total bytes on disk.
    pub bytes: u64,
    /// Wall time of the build in seconds.
    pub seconds: f64,
}

/// Bitset budget of the national and list sets, in bytes per number.
const BITSET_BYTES: u64 = crate::generation::numberset::BITSET_MAX_BYTES_PER_NUMBER;

fn sort_merge(entries: &mut Vec<(u64, u64)>, f: impl Fn(u64, u64) -> u64) {
    entries.sort_unstable_by_key(|e| e.0);
    entries.dedup_by(|later, kept| {
        if later.0 == kept.0 {
            kept.1 = f(kept.1, later.1);
            true
        } else {
            false
        }
    });
}

/// The payload a person carries in the person index: bit 0 reserved against telephone
/// marketing (always, only those are indexed), bit 1 also against voluntary organisations.
pub fn person_payload(voluntary: bool) -> u8 {
    1 | u8::from(voluntary) << 1
}

fn day(d: chrono::NaiveDate) -> Option<Day> {
    to_day(d)
}

struct Ctx<'a> {
    catalog: &'a Catalog,
    normaliser: crate::number::Normaliser,
    max_errors: usize,
    skipped: Vec<(String, RowError)>,
}

impl Ctx<'_> {
    fn note(&mut self, src: &SourceFile, summary: sources::table::TableSummary) {
        let file = self.catalog.path(src).display().to_string();
        self.skipped
            .extend(summary.errors.into_iter().map(|e| (file.clone(), e)));
    }
}

/// Builds a generation from `catalog` into the empty directory `dir`.
pub fn build_into(
    catalog: &Catalog,
    dir: &Path,
    id: &str,
    opts: &BuildOptions,
) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let normaliser = catalog.normaliser().map_err(|why| SourceError::Catalog {
        file: "catalog".into(),
        why,
    })?;
    let mut ctx = Ctx {
        catalog,
        normaliser,
        max_errors: opts.max_errors,
        skipped: Vec::new(),
    };

    // National register: telephone reservations are indexed; addressed-mail-only ones are
    // counted (they do not restrict calls).
    let mut telephone = Vec::new();
    let mut voluntary = Vec::new();
    let mut dates: Vec<(u64, u64)> = Vec::new();
    let mut reservations = 0u64;
    let mut persons = PersonIndexWriter::new(opts.national_id_key.clone());
    let mut person_error = None;
    let src = &catalog.national.source;
    let summary = sources::read_national(catalog, src, &ctx.normaliser, ctx.max_errors, |e| {
        reservations += 1;
        if !e.telephone {
            return;
        }
        if let Some(p) = &e.person
            && let Err(err) = persons.add(p, person_payload(e.voluntary))
        {
            person_error.get_or_insert(err);
        }
        let registered = e.registered.and_then(day);
        for n in &e.numbers {
            let n = n.e164();
            telephone.push(n);
            if e.voluntary {
                voluntary.push(n);
            }
            if let Some(d) = registered {
                dates.push((n, u64::from(d)));
            }
        }
    })?;
    ctx.note(src, summary);
    if let Some(e) = person_error {
        return Err(e.into());
    }
    // A number in several reservations keeps its earliest registration.
    sort_merge(&mut dates, u64::min);
    let snapshot_date = match catalog.national.snapshot_date {
        SnapshotDate::Fixed(d) => d,
        SnapshotDate::BuildDate => opts.now.date_naive(),
    };

    // Lists, in a fixed order: centres, then clients (dnc, express, customers by category).
    let mut lists: Vec<ListAcc> = Vec::new();
    let dnc_list = |ctx: &mut Ctx<'_>, kind: ListKind, owner: &str, src: &SourceFile| {
        let mut acc = ListAcc::new(kind, owner, src);
        let s = sources::read_dnc(catalog, src, &ctx.normaliser, ctx.max_errors, |e| {
            acc.entries
                .push((e.number.e164(), pack_days(e.added.and_then(day), None)));
        })?;
        ctx.note(src, s);
        Ok::<_, SourceError>(acc)
    };
    for centre in &catalog.centres {
        if let Some(src) = &centre.dnc {
            lists.push(dnc_list(
                &mut ctx,
                ListKind::CentreDnc,
                centre.id.as_str(),
                src,
            )?);
        }
    }
    for client in &catalog.clients {
        if let Some(src) = &client.dnc {
            lists.push(dnc_list(
                &mut ctx,
                ListKind::ClientDnc,
                client.id.as_str(),
                src,
            )?);
        }
        if let Some(src) = &client.express {
            let mut acc = ListAcc::new(ListKind::Express, client.id.as_str(), src);
            let s = sources::read_express(catalog, src, &ctx.normaliser, ctx.max_errors, |e| {
                acc.entries.push((
                    e.number.e164(),
                    pack_days(day(e.requested), e.expires.and_then(day)),
                ));
            })?;
            ctx.note(src, s);
            lists.push(acc);
        }
        if let Some(src) = &client.customers {
            let mut by_category: BTreeMap<crate::domain::Category, Vec<(u64, u64)>> =
                BTreeMap::new();
            let s = sources::read_customers(catalog, src, &ctx.normaliser, ctx.max_errors, |e| {
                by_category.entry(e.category).or_default().push((
                    e.number.e164(),
                    pack_days(day(e.start), e.end.and_then(day)),
                ));
            })?;
            ctx.note(src, s);
            for (category, entries) in by_category {
                lists.push(ListAcc {
                    entries,
                    ..ListAcc::new(ListKind::Customers { category }, client.id.as_str(), src)
                });
            }
        }
    }
    let journal_seq = fold_opt_outs(&mut lists, &opts.opt_outs);

    // Write sets.bin, national.fst and lists.fst.
    let mut sets_body = Vec::new();
    // Appends a blob to sets.bin, 8-byte aligned.
    let mut add_blob = |bytes: &[u8]| {
        let range = SetRange {
            offset: sets_body.len() as u64,
            len: bytes.len() as u64,
        };
        sets_body.extend_from_slice(bytes);
        sets_body.resize(sets_body.len().next_multiple_of(8), 0);
        range
    };
    let serialise_set = |numbers: &mut dyn Iterator<Item = u64>, bitset_bytes_per_number: u64| {
        NumberSet::from_numbers(numbers).serialize_with(bitset_bytes_per_number)
    };
    let national_set = add_blob(&serialise_set(&mut telephone.iter().copied(), BITSET_BYTES));
    let voluntary_set = add_blob(&serialise_set(&mut voluntary.iter().copied(), BITSET_BYTES));
    let national_numbers = NumberSet::from_numbers(telephone.iter().copied()).len();
    let voluntary_numbers = NumberSet::from_numbers(voluntary.iter().copied()).len();
    drop((telephone, voluntary));

    let mut infos = Vec::with_capacity(lists.len());
    for (no, list) in lists.iter_mut().enumerate() {
        let kind = list.kind.clone();
        list.finish();
        let set = add_blob(&serialise_set(
            &mut list.entries.iter().map(|e| e.0),
            BITSET_BYTES,
        ));
        let values = matches!(kind, ListKind::Customers { .. } | ListKind::Express).then(|| {
            let values: Vec<u8> = list
                .entries
                .iter()
                .flat_map(|e| e.1.to_le_bytes())
                .collect();
            add_blob(&values)
        });
        let extra = (!list.extra.is_empty()).then(|| {
            let bytes: Vec<u8> = list.extra.iter().flat_map(|v| v.to_le_bytes()).collect();
            add_blob(&bytes)
        });
        infos.push(ListInfo {
            no: no as u32,
            kind,
            owner: list.owner.clone(),
            source_reference: list.source_reference.clone(),
            count: list.entries.len() as u64,
            set,
            values,
            extra,
            delivered_at: list.delivered_at,
        });
    }
    // The union of every list is probed for every number washed, so it may take up to
    // 16 bytes per number as a bitset (1.3 M listed numbers over Norway's plan: 12.5 MB).
    let listed = add_blob(&serialise_set(
        &mut lists.iter().flat_map(|l| l.entries.iter().map(|e| e.0)),
        16,
    ));
    let sets_bytes = format::frame(format::FileKind::Sets, &sets_body);
    drop(sets_body);
    let mut files = BTreeMap::new();
    files.insert(
        manifest::SETS.to_owned(),
        write_file(dir, manifest::SETS, &sets_bytes)?,
    );
    drop(sets_bytes);

    files.insert(
        manifest::NATIONAL_FST.to_owned(),
        write_fst(
            dir,
            manifest::NATIONAL_FST,
            dates.iter().map(|(n, v)| (n.to_be_bytes(), *v)),
        )?,
    );
    let dated_numbers = dates.len() as u64;
    drop(dates);
    files.insert(
        manifest::LISTS_FST.to_owned(),
        write_fst(
            dir,
            manifest::LISTS_FST,
            lists.iter().enumerate().flat_map(|(no, l)| {
                l.entries
                    .iter()
                    .map(move |(n, v)| (list_key(no as u32, *n), *v))
            }),
        )?,
    );

    let person_count = persons.len() as u64;
    if person_count > 0 {
        for name in persons.write(dir)?.files {
            let path = dir.join(&name);
            let bytes = std::fs::read(&path).map_err(GenerationError::io(&path))?;
            files.insert(
                name,
                FileInfo {
                    len: bytes.len() as u64,
                    xxh3: xxhash_rust::xxh3::xxh3_64(&bytes),
                },
            );
        }
    }

    let mut manifest = Manifest {
        format_version: format::VERSION,
        id: id.to_owned(),
        created_at: opts.now,
        default_region: catalog.default_region.clone(),
        journal_seq,
        national: NationalInfo {
            snapshot_date,
            snapshot_date_stamped: catalog.national.snapshot_date == SnapshotDate::BuildDate,
            source_reference: catalog.national.source.source_reference.clone(),
            reservations,
            persons: person_count,
            dated_numbers,
            numbers: national_numbers,
            voluntary_numbers,
            set: national_set,
            voluntary_set,
        },
        lists: infos,
        listed,
        files,
        checksum: 0,
    };
    let bytes: u64 = manifest.files.values().map(|f| f.len).sum();
    write_synced(&dir.join(manifest::MANIFEST), &manifest.to_bytes())?;
    Ok(BuildReport {
        id: id.to_owned(),
        dir: dir.to_path_buf(),
        reservations,
        national_numbers,
        lists: lists.len(),
        skipped: ctx.skipped,
        bytes,
        seconds: started.elapsed().as_secs_f64(),
    })
}

fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<FileInfo, GenerationError> {
    write_synced(&dir.join(name), bytes)?;
    Ok(FileInfo {
        len: bytes.len() as u64,
        xxh3: xxhash_rust::xxh3::xxh3_64(bytes),
    })
}

/// Writes an fst map from keys in ascending order, hashing as it writes.
fn write_fst<K: AsRef<[u8]>>(
    dir: &Path,
    name: &str,
    entries: impl Iterator<Item = (K, u64)>,
) -> Result<FileInfo, GenerationError> {
    struct Hashing<W> {
        inner: W,
        hasher: xxhash_rust::xxh3::Xxh3,
        len: u64,
    }
    impl<W: Write> Write for Hashing<W> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = self.inner.write(buf)?;
            self.hasher.update(&buf[..n]);
            self.len += n as u64;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.inner.flush()
        }
    }
    let path = dir.join(name);
    let fst_err = |e: fst::Error| GenerationError::Corrupt {
        file: name.to_owned(),
        why: format!("building: {e}"),
    };
    let file = File::create(&path).map_err(GenerationError::io(&path))?;
    let w = Hashing {
        inner: BufWriter::with_capacity(1 << 20, file),
        hasher: xxhash_rust::xxh3::Xxh3::new(),
        len: 0,
    };
    let mut builder = fst::MapBuilder::new(w).map_err(fst_err)?;
    for (k, v) in entries {
        builder.insert(k, v).map_err(fst_err)?;
    }
    let w = builder.into_inner().map_err(fst_err)?;
    let file = w
        .inner
        .into_inner()
        .map_err(|e| GenerationError::io(&path)(e.into_error()))?;
    file.sync_all().map_err(GenerationError::io(&path))?;
    Ok(FileInfo {
        len: w.len,
        xxh3: w.hasher.digest(),
    })
}

/// Options of a rebuild.
#[derive(Debug, Clone)]
pub struct RebuildOptions {
    /// Build options.
    pub build: BuildOptions,
    /// Refuse a snapshot with fewer than this percentage of the current one's reservations.
    pub min_snapshot_percent: u32,
    /// Publish even if the snapshot shrank suspiciously.
    pub force: bool,
    /// Keep this many generations for rollback.
    pub keep: usize,
}

/// Builds, verifies and publishes a new generation; the previous one stays current on any error.
pub fn rebuild(
    store: &Store,
    catalog: &Catalog,
    opts: &RebuildOptions,
) -> Result<BuildReport, BuildError> {
    let lock = store.lock()?;
    let id = format!(
        "g{}-{:04x}",
        opts.build.now.format("%Y%m%dT%H%M%S%.3fZ"),
        rand::random::<u16>()
    );
    let staging = store.staging(&lock, &id)?;
    let report = build_into(catalog, &staging, &id, &opts.build)?;

    // Verify: the new generation opens, every checksum matches, and counts match the build.
    let opened = Generation::open(&staging)?;
    let m = opened.manifest();
    if m.national.numbers != opened.national.len() || m.national.numbers != report.national_numbers
    {
        return Err(BuildError::Verify(format!(
            "national set has {} numbers, the sources {}",
            opened.national.len(),
            report.national_numbers
        )));
    }
    for list in m.lists.iter() {
        let set_len = opened
            .centres
            .values()
            .chain(opened.clients.values().flat_map(|c| {
                c.dnc
                    .iter()
                    .chain(c.express.iter())
                    .chain(c.customers.values())
            }))
            .find(|l| l.no == list.no)
            .map(|l| l.set.len());
        if set_len != Some(list.count) {
            return Err(BuildError::Verify(format!(
                "list {} of {} has {:?} numbers, expected {}",
                list.no, list.owner, set_len, list.count
            )));
        }
    }
    if let Ok(current) = store.current_dir().and_then(|d| Manifest::read(&d)) {
        let old = current.national.reservations;
        let floor = old.saturating_mul(u64::from(opts.min_snapshot_percent)) / 100;
        if !opts.force && report.reservations < floor {
            return Err(BuildError::SuspiciousShrink {
                new: report.reservations,
                old,
                min_percent: opts.min_snapshot_percent,
            });
        }
    }
    drop(opened);
    let dir = store.publish(&lock, &staging, &id)?;
    store.prune(&lock, opts.keep)?;
    Ok(BuildReport { dir, ..report })
}
