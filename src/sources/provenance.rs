//! Provenance: which delivered file is the current version of a source, with its source
//! reference, reading options, row count and checksum.
//!
//! An import ([`crate::import`]) never edits `catalog.toml`; it writes the new version's data
//! file next to the catalogue's file and a provenance file `<catalogue file>.import.json` that
//! names it. [`super::Catalog::load`] reads the provenance file, when there is one, instead of
//! the catalogue's entry. This module owns the type and reading it; writing it (the step that
//! switches versions) is the import's.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{SnapshotDate, SourceError, TableOptions};

/// The provenance of an imported source version (`<catalogue file>.import.json`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Provenance {
    /// The current data file, relative to the catalogue entry's directory.
    pub file: PathBuf,
    /// Where it came from (norm 4.2 a).
    pub source_reference: String,
    /// How to read it.
    #[serde(default)]
    pub table: TableOptions,
    /// The national snapshot's date.
    #[serde(default)]
    pub snapshot_date: Option<NaiveDate>,
    /// Data rows.
    pub rows: u64,
    /// When it was imported.
    pub imported_at: DateTime<Utc>,
    /// The delivered file's name.
    pub delivered_as: String,
    /// SHA-256 of the data file.
    pub sha256: String,
}

impl Provenance {
    /// The national snapshot's date once this import is applied: the imported date wins over
    /// the catalogue's.
    pub fn snapshot_date_over(&self, catalog_date: SnapshotDate) -> SnapshotDate {
        self.snapshot_date
            .map(SnapshotDate::Fixed)
            .unwrap_or(catalog_date)
    }
}

/// The provenance file of a catalogue entry's file.
pub fn provenance_path(catalog_file: &Path) -> PathBuf {
    let mut name = catalog_file
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".import.json");
    catalog_file.with_file_name(name)
}

/// Reads the provenance of a catalogue entry's file, if it was ever imported.
pub fn read_provenance(catalog_file: &Path) -> Result<Option<Provenance>, SourceError> {
    let path = provenance_path(catalog_file);
    let text = match std::fs::read(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(SourceError::Io {
                file: path.display().to_string(),
                source,
            });
        }
    };
    serde_json::from_slice(&text)
        .map(Some)
        .map_err(|e| SourceError::Catalog {
            file: path.display().to_string(),
            why: e.to_string(),
        })
}
