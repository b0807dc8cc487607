//! Sources: the files vask builds its index generations from, and their formats.
//!
//! A *catalogue* (`catalog.toml`, see `data/catalog.toml`) names every source file with its
//! source reference (norm 4.2 a): the national register snapshot, each centre's internal
//! do-not-call list, and each client's internal do-not-call list, customer list and express
//! requests. This module reads those files into typed entries and reports every bad row with its
//! line number; it knows nothing about indexes (that is [`crate::build`]).
//!
//! File formats (CSV with a header; column names can be remapped per file in the catalogue):
//!
//! | source | columns (required in bold) |
//! |---|---|
//! | national register | **number** (one or more numbers separated by `\|`, may be empty for a person without numbers), **telephone**, addressed_mail, voluntary, registered (YYYY-MM-DD), given_names, surname, street, house_number, house_letter, postcode, city, birth_date, national_id (a row needs a number or a person) |
//! | centre / client do-not-call | **number**, added (YYYY-MM-DD; defaults to the snapshot date) |
//! | customers | **number**, **category**, **start**, end |
//! | express requests | **number**, **requested**, expires |

pub mod provenance;
pub mod table;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::{self, Category, CentreId, ClientId};
use crate::number::{Normaliser, Number, Region};
use crate::person::PersonRecord;
pub use provenance::Provenance;
pub use table::TableOptions;

/// A bad row in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line number in the file (the header is line 1).
    pub line: u64,
    /// What is wrong with it.
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// Why a source could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The file could not be opened or read (including a truncated gzip stream).
    #[error("cannot read {file}: {source}")]
    Io {
        /// The source file's path.
        file: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The catalogue is not valid TOML or names things wrongly.
    #[error("catalogue {file}: {why}")]
    Catalog {
        /// The catalogue file.
        file: String,
        /// What is wrong.
        why: String,
    },
    /// A column the format needs is not in the header.
    #[error(
        "{file}: no column {column:?} in the header (found: {found}); rename it or map it in the catalogue's `columns`"
    )]
    MissingColumn {
        /// The source file's path.
        file: String,
        /// The header name looked for.
        column: String,
        /// The header as found.
        found: String,
    },
    /// The file is not UTF-8 text.
    #[error("{file}: line {line} is not UTF-8 text; convert the file to UTF-8")]
    Encoding {
        /// The source file's path.
        file: String,
        /// The 1-based line number (the header is line 1).
        line: u64,
    },
    /// The CSV structure itself is broken.
    #[error("{file}: line {line}: malformed CSV: {why}")]
    Malformed {
        /// The source file's path.
        file: String,
        /// The 1-based line number (the header is line 1).
        line: u64,
        /// What the CSV reader said.
        why: String,
    },
    /// A record, a field or a gzip stream past the reading limits ([`table::Limits`]); nothing
    /// from the file is used.
    #[error("{file}: line {line}: {limit}")]
    Limit {
        /// The source file's path.
        file: String,
        /// The 1-based line where the record that broke the limit starts (the header is line
        /// 1).
        line: u64,
        /// Which limit, and what to do.
        limit: table::Limit,
    },
    /// Bad options for reading a file.
    #[error("{file}: {why}")]
    Options {
        /// The source file's path.
        file: String,
        /// What is wrong.
        why: String,
    },
    /// More bad rows than allowed; nothing from the file is used.
    #[error("{file}: {total} bad rows (at most {max_errors} allowed); first: {}", first.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    BadRows {
        /// The source file's path.
        file: String,
        /// How many rows were bad.
        total: u64,
        /// The bad rows allowed (`max_errors`).
        max_errors: usize,
        /// The first bad rows.
        first: Vec<RowError>,
    },
}

/// One source file in the catalogue.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct SourceFile {
    /// Path, relative to the catalogue's directory.
    pub file: PathBuf,
    /// Where the list came from (norm 4.2 a), e.g. "Acme CRM export 2026-11-01".
    pub source_reference: String,
    /// How to read it.
    #[serde(flatten)]
    pub table: TableOptions,
    /// The catalogue's own path for this source when an import replaced `file` (see
    /// [`provenance`]); empty otherwise.
    #[serde(skip)]
    pub entry: PathBuf,
    /// When the current version was imported (`vask import`); `None` for the catalogue's own
    /// file, which counts as delivered before any opt-out taken through the API.
    #[serde(skip)]
    pub delivered_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl SourceFile {
    /// The catalogue entry's path (what imports are named after), relative to the catalogue.
    pub fn entry_file(&self) -> &Path {
        if self.entry.as_os_str().is_empty() {
            &self.file
        } else {
            &self.entry
        }
    }

    /// Applies the provenance of the latest import of this source, if any.
    fn resolve_import(&mut self, root: &Path) -> Result<Option<Provenance>, SourceError> {
        let Some(p) = provenance::read_provenance(&root.join(&self.file))? else {
            return Ok(None);
        };
        let dir = self
            .file
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        self.entry = std::mem::replace(&mut self.file, dir.join(&p.file));
        self.source_reference = p.source_reference.clone();
        self.table = p.table.clone();
        self.delivered_at = Some(p.imported_at);
        Ok(Some(p))
    }
}

/// When the national snapshot was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SnapshotDate {
    /// The date of the delivery.
    Fixed(NaiveDate),
    /// Stamp the build date: only for bundled sample and synthetic data, which would otherwise
    /// go stale a month after they were written.
    BuildDate,
}

impl<'de> Deserialize<'de> for SnapshotDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s == "build-date" {
            Ok(SnapshotDate::BuildDate)
        } else {
            domain::parse_date(&s)
                .map(SnapshotDate::Fixed)
                .map_err(serde::de::Error::custom)
        }
    }
}

impl Serialize for SnapshotDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            SnapshotDate::Fixed(d) => s.serialize_str(&d.to_string()),
            SnapshotDate::BuildDate => s.serialize_str("build-date"),
        }
    }
}

/// The national register snapshot in the catalogue.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct NationalSource {
    /// The snapshot file.
    #[serde(flatten)]
    pub source: SourceFile,
    /// When Brønnøysund produced it.
    pub snapshot_date: SnapshotDate,
    /// The file's layout.
    #[serde(default)]
    pub format: NationalFormat,
}

/// Layouts of a national register delivery.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum NationalFormat {
    /// vask's documented CSV (see the module doc).
    #[default]
    VaskCsv,
}

/// Reads one layout of the national register into [`NationalEntry`]s. A new layout (such as
/// Brønnøysund's own) is a new implementation and a [`NationalFormat`] variant; nothing else
/// changes.
pub trait NationalReader {
    /// Calls `each` for every reservation; reports bad rows by line as the table readers do.
    fn read(
        &self,
        path: &Path,
        table: &TableOptions,
        n: &Normaliser,
        max_errors: usize,
        each: &mut dyn FnMut(NationalEntry),
    ) -> Result<table::TableSummary, SourceError>;
}

impl NationalFormat {
    /// The reader of this layout.
    pub fn reader(self) -> &'static dyn NationalReader {
        match self {
            NationalFormat::VaskCsv => &VaskCsv,
        }
    }
}

/// The columns of vask's national register CSV, in order: the first two are required.
pub const NATIONAL_COLUMNS: [&str; 14] = [
    "number",
    "telephone",
    "addressed_mail",
    "voluntary",
    "registered",
    "given_names",
    "surname",
    "street",
    "house_number",
    "house_letter",
    "postcode",
    "city",
    "birth_date",
    "national_id",
];

/// vask's documented national register CSV.
pub struct VaskCsv;

impl NationalReader for VaskCsv {
    fn read(
        &self,
        path: &Path,
        table: &TableOptions,
        n: &Normaliser,
        max_errors: usize,
        each: &mut dyn FnMut(NationalEntry),
    ) -> Result<table::TableSummary, SourceError> {
        let (required, optional) = NATIONAL_COLUMNS.split_at(2);
        let t = table::open(path, required, optional, table)?;
        t.for_each(max_errors, |row| {
            let numbers = row
                .get(0)
                .split(|&b| b == b'|')
                .map(<[u8]>::trim_ascii)
                .filter(|f| !f.is_empty())
                .map(|f| number(n, f))
                .collect::<Result<Vec<_>, _>>()?;
            let telephone = table::parse_flag(row.get(1)).map_err(|e| format!("telephone: {e}"))?;
            let addressed_mail =
                table::parse_flag(row.get(2)).map_err(|e| format!("addressed_mail: {e}"))?;
            let voluntary = table::parse_flag(row.get(3)).map_err(|e| format!("voluntary: {e}"))?;
            let registered = optional_date(row.text(4)?, "registered")?;
            let person = PersonRecord {
                given_names: row.text(5)?.to_owned(),
                surname: row.text(6)?.to_owned(),
                street: row.text(7)?.to_owned(),
                house_number: row.text(8)?.to_owned(),
                house_letter: row.text(9)?.to_owned(),
                postcode: row.text(10)?.to_owned(),
                city: row.text(11)?.to_owned(),
                birth_date: match row.text(12)? {
                    "" => None,
                    d => Some(domain::parse_birth_date(d).map_err(|e| e.to_string())?),
                },
                national_id: Some(row.text(13)?.to_owned()).filter(|s| !s.is_empty()),
            };
            let person = (!person.surname.is_empty()
                || !person.given_names.is_empty()
                || person.national_id.is_some())
            .then_some(person);
            if numbers.is_empty() && person.is_none() {
                return Err("a reservation needs a number or a person".into());
            }
            each(NationalEntry {
                numbers,
                telephone,
                addressed_mail,
                voluntary,
                registered,
                person,
            });
            Ok(())
        })
    }
}

/// A centre's sources.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct CentreSources {
    /// The centre's id.
    pub id: CentreId,
    /// Its internal do-not-call list.
    pub dnc: Option<SourceFile>,
}

/// A client's sources.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct ClientSources {
    /// The client's id.
    pub id: ClientId,
    /// Its internal do-not-call list.
    pub dnc: Option<SourceFile>,
    /// Its customer relationships.
    pub customers: Option<SourceFile>,
    /// Express requests to be called.
    pub express: Option<SourceFile>,
}

/// The catalogue of every source a generation is built from.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Region for numbers written without a country code (ISO 3166 alpha-2).
    pub default_region: String,
    /// The national register snapshot.
    pub national: NationalSource,
    /// Centres and their lists.
    #[serde(default)]
    pub centres: Vec<CentreSources>,
    /// Clients and their lists.
    #[serde(default)]
    pub clients: Vec<ClientSources>,
    /// Directory the file paths are relative to (the catalogue's own directory).
    #[serde(skip)]
    pub root: PathBuf,
}

impl Catalog {
    /// Reads `catalog.toml`.
    pub fn load(path: &Path) -> Result<Catalog, SourceError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| SourceError::Io {
            file: file.clone(),
            source,
        })?;
        let mut catalog: Catalog = toml::from_str(&text).map_err(|e| SourceError::Catalog {
            file: file.clone(),
            why: e.to_string(),
        })?;
        catalog.root = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let root = catalog.root.clone();
        if let Some(p) = catalog.national.source.resolve_import(&root)? {
            catalog.national.snapshot_date = p.snapshot_date_over(catalog.national.snapshot_date);
        }
        for c in &mut catalog.centres {
            if let Some(s) = &mut c.dnc {
                s.resolve_import(&root)?;
            }
        }
        for c in &mut catalog.clients {
            for s in [&mut c.dnc, &mut c.customers, &mut c.express]
                .into_iter()
                .flatten()
            {
                s.resolve_import(&root)?;
            }
        }
        catalog
            .normaliser()
            .map_err(|why| SourceError::Catalog { file, why })?;
        Ok(catalog)
    }

    /// The normaliser for the catalogue's default region.
    pub fn normaliser(&self) -> Result<Normaliser, String> {
        let region: Region = self
            .default_region
            .parse()
            .map_err(|e| format!("default_region: {e}"))?;
        Ok(Normaliser::new(region))
    }

    /// Absolute path of a source file.
    pub fn path(&self, source: &SourceFile) -> PathBuf {
        self.root.join(&source.file)
    }
}

/// A reservation in the national register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalEntry {
    /// The numbers entered with it (may be empty: most reservations name only a person).
    pub numbers: Vec<Number>,
    /// Reserved against telephone marketing.
    pub telephone: bool,
    /// Reserved against addressed mail.
    pub addressed_mail: bool,
    /// The reservation also covers voluntary organisations.
    pub voluntary: bool,
    /// When it was registered, if the delivery says.
    pub registered: Option<NaiveDate>,
    /// The person who reserved (name, address, birth date, national id), if the delivery has
    /// person columns.
    pub person: Option<PersonRecord>,
}

/// An entry on an internal do-not-call list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DncEntry {
    /// The number, in E.164.
    pub number: Number,
    /// When it was added.
    pub added: Option<NaiveDate>,
}

/// A customer relationship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerEntry {
    /// The number, in E.164.
    pub number: Number,
    /// Product category of the relationship.
    pub category: Category,
    /// When it started.
    pub start: NaiveDate,
    /// When it ended; `None` while ongoing.
    pub end: Option<NaiveDate>,
}

/// An express request by the person to be called by the client (norm 4.2 b).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpressEntry {
    /// The number, in E.164.
    pub number: Number,
    /// When the person asked.
    pub requested: NaiveDate,
    /// When the request lapses, if ever.
    pub expires: Option<NaiveDate>,
}

fn number(n: &Normaliser, field: &[u8]) -> Result<Number, String> {
    if field.is_empty() {
        return Err("number is empty".into());
    }
    n.normalise_bytes(field)
        .map_err(|e| format!("invalid number: {e}"))
}

fn date(field: &str, what: &str) -> Result<NaiveDate, String> {
    domain::parse_date(field).map_err(|e| format!("{what}: {e}"))
}

fn optional_date(field: &str, what: &str) -> Result<Option<NaiveDate>, String> {
    if field.is_empty() {
        Ok(None)
    } else {
        date(field, what).map(Some)
    }
}

/// Reads a national register snapshot `src` in the catalogue's national layout.
pub fn read_national(
    catalog: &Catalog,
    src: &SourceFile,
    n: &Normaliser,
    max_errors: usize,
    mut each: impl FnMut(NationalEntry),
) -> Result<table::TableSummary, SourceError> {
    catalog
        .national
        .format
        .reader()
        .read(&catalog.path(src), &src.table, n, max_errors, &mut each)
}

/// Reads an internal do-not-call list (a centre's or a client's).
pub fn read_dnc(
    catalog: &Catalog,
    src: &SourceFile,
    n: &Normaliser,
    max_errors: usize,
    mut each: impl FnMut(DncEntry),
) -> Result<table::TableSummary, SourceError> {
    let t = table::open(&catalog.path(src), &["number"], &["added"], &src.table)?;
    t.for_each(max_errors, |row| {
        let number = number(n, row.get(0))?;
        let added = optional_date(row.text(1)?, "added")?;
        each(DncEntry { number, added });
        Ok(())
    })
}

/// Reads a client's customer list.
pub fn read_customers(
    catalog: &Catalog,
    src: &SourceFile,
    n: &Normaliser,
    max_errors: usize,
    mut each: impl FnMut(CustomerEntry),
) -> Result<table::TableSummary, SourceError> {
    let t = table::open(
        &catalog.path(src),
        &["number", "category", "start"],
        &["end"],
        &src.table,
    )?;
    t.for_each(max_errors, |row| {
        let number = number(n, row.get(0))?;
        let category = Category::new(row.text(1)?).map_err(|e| e.to_string())?;
        let start = date(row.text(2)?, "start")?;
        let end = optional_date(row.text(3)?, "end")?;
        if end.is_some_and(|e| e < start) {
            return Err("end is before start".into());
        }
        each(CustomerEntry {
            number,
            category,
            start,
            end,
        });
        Ok(())
    })
}

/// Reads a client's express requests.
pub fn read_express(
    catalog: &Catalog,
    src: &SourceFile,
    n: &Normaliser,
    max_errors: usize,
    mut each: impl FnMut(ExpressEntry),
) -> Result<table::TableSummary, SourceError> {
    let t = table::open(
        &catalog.path(src),
        &["number", "requested"],
        &["expires"],
        &src.table,
    )?;
    t.for_each(max_errors, |row| {
        let number = number(n, row.get(0))?;
        let requested = date(row.text(1)?, "requested")?;
        let expires = optional_date(row.text(2)?, "expires")?;
        each(ExpressEntry {
            number,
            requested,
            expires,
        });
        Ok(())
    })
}
