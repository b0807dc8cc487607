//! Imports: a new delivery of one source (the national register's full snapshot or a delta, a
//! centre's or client's do-not-call list, a customer list, express requests) checked in full
//! and then made the catalogue's current version of that source, all or nothing.
//!
//! An import never edits `catalog.toml` and never overwrites a delivered file. The delivery is
//! copied, as delivered, next to the catalogue's file under a new name, and a small
//! *provenance* file (`<catalogue file>.import.json`, see [`crate::sources::provenance`])
//! names it with its source reference, reading options, row count and checksum.
//! [`crate::sources::Catalog::load`] reads the provenance file instead of the catalogue's
//! entry when there is one; this module only writes it. Renaming the provenance
//! file into place is the one step that switches versions, so a crash at any point leaves
//! either the old version or the new one, never a mix. The next `vask rebuild` builds from it.
//!
//! Guards: every bad row is reported with its line number (more than `max_errors` fail the
//! import, and nothing is applied); a national snapshot or a do-not-call list that shrinks
//! below `min_percent` of the current version is refused unless forced, because publishing
//! it would unblock the people missing from it.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Read};
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sha2::Digest;

use crate::domain;
use crate::fsutil;
use crate::number::Normaliser;
use crate::sources::provenance::{Provenance, provenance_path};
use crate::sources::{
    self, Catalog, NationalEntry, RowError, SourceError, SourceFile, TableOptions,
};

/// The kinds of source an import can deliver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// The national register's full snapshot.
    National,
    /// Additions to and removals from the national register, applied to the current snapshot.
    NationalDelta,
    /// A centre's internal do-not-call list (needs the centre id).
    CentreDnc,
    /// A client's internal do-not-call list (needs the client id).
    ClientDnc,
    /// A client's customer list (needs the client id).
    Customers,
    /// A client's express requests (needs the client id).
    Express,
}

impl std::str::FromStr for SourceKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "national" => SourceKind::National,
            "national-delta" => SourceKind::NationalDelta,
            "centre-dnc" => SourceKind::CentreDnc,
            "client-dnc" => SourceKind::ClientDnc,
            "customers" => SourceKind::Customers,
            "express" => SourceKind::Express,
            _ => {
                return Err(format!(
                    "unknown source kind {s:?}: national, national-delta, centre-dnc, client-dnc, customers or express"
                ));
            }
        })
    }
}

impl SourceKind {
    /// Does a shrinking delivery of this kind unblock people (so the shrink guard applies)?
    fn guarded(self) -> bool {
        matches!(
            self,
            SourceKind::National
                | SourceKind::NationalDelta
                | SourceKind::CentreDnc
                | SourceKind::ClientDnc
        )
    }
}

/// One import.
#[derive(Debug, Clone)]
pub struct Import {
    /// What the file is.
    pub kind: SourceKind,
    /// The centre or client it belongs to (lists only).
    pub owner: Option<String>,
    /// The delivered file.
    pub file: PathBuf,
    /// Where it came from (norm 4.2 a). Required.
    pub source_reference: String,
    /// How to read it (delimiter, column names).
    pub table: TableOptions,
    /// Bad rows tolerated (skipped and reported); more fail the import.
    pub max_errors: usize,
    /// The national snapshot's date (default: today).
    pub snapshot_date: Option<NaiveDate>,
    /// Refuse a guarded source that shrinks below this percentage of its current row count.
    pub min_percent: u32,
    /// Apply even if it shrank.
    pub force: bool,
    /// The time of the import.
    pub now: DateTime<Utc>,
}

/// What an import did.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    /// What was imported.
    pub kind: SourceKind,
    /// The catalogue entry it replaced.
    pub source: PathBuf,
    /// The file now current for it.
    pub file: PathBuf,
    /// Data rows in the delivery.
    pub rows: u64,
    /// Rows of the version it replaced, if known.
    pub previous_rows: Option<u64>,
    /// Rows skipped (at most `max_errors`), with line numbers.
    pub bad_rows: Vec<String>,
    /// Snapshot date (national only).
    pub snapshot_date: Option<NaiveDate>,
}

/// Why an import was refused.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The delivery could not be read, or had too many bad rows.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// The catalogue has no such source to replace.
    #[error("the catalogue has no {what}; add it to catalog.toml first, e.g. {hint}")]
    NoSuchSource {
        /// What was looked for.
        what: String,
        /// A catalogue line that would declare it.
        hint: String,
    },
    /// Bad arguments.
    #[error("{0}")]
    Invalid(String),
    /// The delivery shrank suspiciously.
    #[error(
        "{file}: {rows} rows, the current version has {previous}: below the {min_percent}% threshold. Publishing it would unblock the people missing from it; check the delivery, or import it with --force"
    )]
    Shrunk {
        /// The delivered file.
        file: String,
        /// Its rows.
        rows: u64,
        /// The current version's rows.
        previous: u64,
        /// The `min_percent` threshold.
        min_percent: u32,
    },
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file that could not be written.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

impl From<fsutil::IoError> for ImportError {
    fn from(e: fsutil::IoError) -> ImportError {
        ImportError::Io {
            path: e.path.display().to_string(),
            source: e.source,
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ImportError + '_ {
    move |source| ImportError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Checks a delivery in full and makes it the current version of its source.
pub fn import(catalog_path: &Path, imp: &Import) -> Result<ImportReport, ImportError> {
    if imp.source_reference.trim().is_empty() {
        return Err(ImportError::Invalid(
            "a source reference is required: say where the file came from (norm 4.2 a)".into(),
        ));
    }
    let catalog = Catalog::load(catalog_path)?;
    let current = target(&catalog, imp)?.clone();
    let normaliser = catalog.normaliser().map_err(ImportError::Invalid)?;
    let delivered = SourceFile {
        file: std::path::absolute(&imp.file).map_err(io(&imp.file))?,
        source_reference: imp.source_reference.clone(),
        table: imp.table.clone(),
        entry: PathBuf::new(),
        delivered_at: Some(imp.now),
    };

    // Read all of it first: nothing is applied unless the whole file passes.
    let (summary, national_delta) = match imp.kind {
        SourceKind::National => (
            sources::read_national(&catalog, &delivered, &normaliser, imp.max_errors, |_| {})?,
            None,
        ),
        SourceKind::NationalDelta => {
            let mut delta = Delta::default();
            let s = read_delta(
                &catalog,
                &delivered,
                &normaliser,
                imp.max_errors,
                &mut delta,
            )?;
            (s, Some(delta))
        }
        SourceKind::CentreDnc | SourceKind::ClientDnc => (
            sources::read_dnc(&catalog, &delivered, &normaliser, imp.max_errors, |_| {})?,
            None,
        ),
        SourceKind::Customers => (
            sources::read_customers(&catalog, &delivered, &normaliser, imp.max_errors, |_| {})?,
            None,
        ),
        SourceKind::Express => (
            sources::read_express(&catalog, &delivered, &normaliser, imp.max_errors, |_| {})?,
            None,
        ),
    };
    let previous_rows = previous_rows(&catalog, &current, imp.kind, &normaliser)?;

    let entry_path = catalog.root.join(current.entry_file());
    let dir = entry_path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| catalog.root.clone());
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let stamp = imp.now.format("%Y%m%dT%H%M%S%.3fZ");
    let stem = entry_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "source".into());
    let delivered_as = imp
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();

    // The new data file: the delivery as delivered, or (delta) the merged snapshot.
    let (data_name, rows, table) = match national_delta {
        None => {
            let ext = if delivered_as.ends_with(".gz") {
                "csv.gz"
            } else {
                "csv"
            };
            let name = format!("{stem}.{stamp}.{ext}");
            fsutil::copy_synced(&imp.file, &dir.join(&name))?;
            (name, summary.rows, imp.table.clone())
        }
        Some(delta) => {
            let name = format!("{stem}.{stamp}.csv");
            let rows = apply_delta(&catalog, &current, &normaliser, &delta, &dir.join(&name))?;
            (name, rows, TableOptions::default())
        }
    };
    if imp.kind.guarded()
        && !imp.force
        && let Some(previous) = previous_rows
        && rows * 100 < previous * u64::from(imp.min_percent)
    {
        let _ = std::fs::remove_file(dir.join(&data_name));
        return Err(ImportError::Shrunk {
            file: imp.file.display().to_string(),
            rows,
            previous,
            min_percent: imp.min_percent,
        });
    }

    let national = matches!(imp.kind, SourceKind::National | SourceKind::NationalDelta);
    let snapshot_date = national.then(|| imp.snapshot_date.unwrap_or_else(|| imp.now.date_naive()));
    let provenance = Provenance {
        file: PathBuf::from(&data_name),
        source_reference: imp.source_reference.clone(),
        table,
        snapshot_date,
        rows,
        imported_at: imp.now,
        delivered_as,
        sha256: sha256_file(&dir.join(&data_name))?,
    };
    publish_provenance(&entry_path, &provenance)?;
    prune_versions(&dir, &stem, &data_name, current_data_name(&current));
    Ok(ImportReport {
        kind: imp.kind,
        source: entry_path,
        file: dir.join(&data_name),
        rows,
        previous_rows,
        bad_rows: summary.errors.iter().map(RowError::to_string).collect(),
        snapshot_date,
    })
}

/// The catalogue's (provenance-resolved) source an import replaces.
fn target<'c>(catalog: &'c Catalog, imp: &Import) -> Result<&'c SourceFile, ImportError> {
    let owner = || {
        imp.owner.as_deref().ok_or_else(|| {
            ImportError::Invalid(format!(
                "{:?} needs the centre or client it belongs to (--centre / --client)",
                imp.kind
            ))
        })
    };
    let missing = |what: String, hint: String| ImportError::NoSuchSource { what, hint };
    match imp.kind {
        SourceKind::National | SourceKind::NationalDelta => Ok(&catalog.national.source),
        SourceKind::CentreDnc => {
            let id = owner()?;
            catalog
                .centres
                .iter()
                .find(|c| c.id.as_str() == id)
                .and_then(|c| c.dnc.as_ref())
                .ok_or_else(|| {
                    missing(
                        format!("do-not-call list for centre {id:?}"),
                        format!("[[centres]] id = \"{id}\" with dnc = {{ file = \"centres/{id}/dnc.csv\", source_reference = \"...\" }}"),
                    )
                })
        }
        SourceKind::ClientDnc | SourceKind::Customers | SourceKind::Express => {
            let id = owner()?;
            let client = catalog.clients.iter().find(|c| c.id.as_str() == id);
            let (field, src) = match imp.kind {
                SourceKind::ClientDnc => ("dnc", client.and_then(|c| c.dnc.as_ref())),
                SourceKind::Customers => ("customers", client.and_then(|c| c.customers.as_ref())),
                _ => ("express", client.and_then(|c| c.express.as_ref())),
            };
            src.ok_or_else(|| {
                missing(
                    format!("{field} source for client {id:?}"),
                    format!("[[clients]] id = \"{id}\" with {field} = {{ file = \"clients/{id}/{field}.csv\", source_reference = \"...\" }}"),
                )
            })
        }
    }
}

fn current_data_name(current: &SourceFile) -> Option<String> {
    current
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
}

/// Rows of the current version: from its provenance, else by reading it.
fn previous_rows(
    catalog: &Catalog,
    current: &SourceFile,
    kind: SourceKind,
    n: &Normaliser,
) -> Result<Option<u64>, ImportError> {
    if !kind.guarded() {
        return Ok(None);
    }
    let path = catalog.path(current);
    if !path.exists() {
        return Ok(None);
    }
    let summary = match kind {
        SourceKind::National | SourceKind::NationalDelta => {
            sources::read_national(catalog, current, n, usize::MAX, |_| {})?
        }
        _ => sources::read_dnc(catalog, current, n, usize::MAX, |_| {})?,
    };
    Ok(Some(summary.rows))
}

/// A national delta: numbers to add (with their reservation) and to remove.
#[derive(Debug, Default)]
struct Delta {
    add: Vec<NationalEntry>,
    remove: HashSet<u64>,
}

/// Reads a national delta: columns **number**, **action** (`add` or `remove`), and for
/// additions telephone (default yes), addressed_mail, voluntary, registered.
fn read_delta(
    catalog: &Catalog,
    src: &SourceFile,
    n: &Normaliser,
    max_errors: usize,
    delta: &mut Delta,
) -> Result<sources::table::TableSummary, SourceError> {
    let t = sources::table::open(
        &catalog.path(src),
        &["number", "action"],
        &["telephone", "addressed_mail", "voluntary", "registered"],
        &src.table,
    )?;
    t.for_each(max_errors, |row| {
        let number = n
            .normalise_bytes(row.get(0))
            .map_err(|e| format!("invalid number: {e}"))?;
        let flag = |i: usize, name: &str, default: bool| {
            if row.get(i).is_empty() {
                Ok(default)
            } else {
                sources::table::parse_flag(row.get(i)).map_err(|e| format!("{name}: {e}"))
            }
        };
        match row.get(1).to_ascii_lowercase().as_slice() {
            b"add" | b"a" | b"+" => {
                let registered = match row.text(5)? {
                    "" => None,
                    d => Some(domain::parse_date(d).map_err(|e| format!("registered: {e}"))?),
                };
                delta.add.push(NationalEntry {
                    numbers: vec![number],
                    telephone: flag(2, "telephone", true)?,
                    addressed_mail: flag(3, "addressed_mail", false)?,
                    voluntary: flag(4, "voluntary", false)?,
                    registered,
                    person: None,
                });
            }
            b"remove" | b"r" | b"-" | b"delete" => {
                delta.remove.insert(number.e164());
            }
            _ => return Err("action must be add or remove".into()),
        }
        Ok(())
    })
}

/// Writes the current snapshot with the delta applied, in vask's canonical format; returns its
/// rows. A removed number leaves its reservation; a reservation left with no number goes.
fn apply_delta(
    catalog: &Catalog,
    current: &SourceFile,
    n: &Normaliser,
    delta: &Delta,
    out: &Path,
) -> Result<u64, ImportError> {
    let file = File::create(out).map_err(io(out))?;
    let mut w = csv::Writer::from_writer(BufWriter::with_capacity(1 << 20, file));
    let mut rows = 0u64;
    let mut write = |w: &mut csv::Writer<BufWriter<File>>, e: &NationalEntry| {
        let numbers = e
            .numbers
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("|");
        let flag = |b: bool| if b { "1" } else { "0" };
        let registered = e.registered.map(|d| d.to_string()).unwrap_or_default();
        let none = crate::person::PersonRecord::default();
        let p = e.person.as_ref().unwrap_or(&none);
        let birth = p.birth_date.map(|d| d.to_string()).unwrap_or_default();
        rows += 1;
        w.write_record([
            numbers.as_str(),
            flag(e.telephone),
            flag(e.addressed_mail),
            flag(e.voluntary),
            registered.as_str(),
            &p.given_names,
            &p.surname,
            &p.street,
            &p.house_number,
            &p.house_letter,
            &p.postcode,
            &p.city,
            &birth,
            p.national_id.as_deref().unwrap_or(""),
        ])
    };
    let csv_err = |e: csv::Error| ImportError::Io {
        path: out.display().to_string(),
        source: std::io::Error::other(e),
    };
    w.write_record(sources::NATIONAL_COLUMNS).map_err(csv_err)?;
    let mut failed = None;
    sources::read_national(catalog, current, n, usize::MAX, |mut e| {
        let had = e.numbers.len();
        e.numbers.retain(|x| !delta.remove.contains(&x.e164()));
        if had > 0 && e.numbers.is_empty() && e.person.is_none() {
            return;
        }
        if let Err(err) = write(&mut w, &e) {
            failed.get_or_insert(err);
        }
    })?;
    for e in &delta.add {
        if let Err(err) = write(&mut w, e) {
            failed.get_or_insert(err);
        }
    }
    if let Some(e) = failed {
        return Err(csv_err(e));
    }
    let file = w
        .into_inner()
        .map_err(|e| ImportError::Io {
            path: out.display().to_string(),
            source: std::io::Error::other(e.to_string()),
        })?
        .into_inner()
        .map_err(|e| ImportError::Io {
            path: out.display().to_string(),
            source: e.into_error(),
        })?;
    file.sync_all().map_err(io(out))?;
    Ok(rows)
}

fn sha256_file(path: &Path) -> Result<String, ImportError> {
    let mut f = File::open(path).map_err(io(path))?;
    let mut h = sha2::Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let k = f.read(&mut buf).map_err(io(path))?;
        if k == 0 {
            break;
        }
        h.update(&buf[..k]);
    }
    Ok(hex::encode(h.finalize()))
}

/// Writes the provenance file beside `entry_path` atomically: temp file, fsync, rename, fsync
/// of the directory. This rename is the step that switches versions.
fn publish_provenance(entry_path: &Path, p: &Provenance) -> Result<(), ImportError> {
    let path = provenance_path(entry_path);
    let tmp = fsutil::tmp_path(&path);
    let bytes = serde_json::to_vec_pretty(p).map_err(|e| ImportError::Io {
        path: tmp.display().to_string(),
        source: std::io::Error::other(e),
    })?;
    fsutil::write_synced(&tmp, &[&bytes])?;
    crate::fault!(ImportBeforeRename, &path).map_err(io(&path))?;
    fsutil::rename_synced(&tmp, &path)?;
    Ok(())
}

/// Keeps the two newest imported versions of a source (the current and the one before) and
/// removes older ones; never the files named.
fn prune_versions(dir: &Path, stem: &str, keep_new: &str, keep_old: Option<String>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!("{stem}.");
    let mut versions: Vec<String> = read
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with(&prefix)
                && n.as_bytes()
                    .get(prefix.len())
                    .is_some_and(u8::is_ascii_digit)
                && !n.ends_with(".import.json")
        })
        .collect();
    versions.sort();
    versions.retain(|n| n != keep_new && Some(n) != keep_old.as_ref());
    // Everything left is older than both kept versions.
    for old in versions {
        let _ = std::fs::remove_file(dir.join(old));
    }
}
