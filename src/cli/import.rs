//! `vask import`: check a delivery of one source in full and make it current for the next
//! rebuild (see [`vask::import`]).

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::Utc;
use clap::Args;
use vask::import::{Import, SourceKind, import};
use vask::sources::TableOptions;

use super::ConfigArgs;

/// Arguments of `vask import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// national, national-delta, centre-dnc, client-dnc, customers or express.
    kind: SourceKind,
    /// The delivered CSV file (UTF-8 with or without BOM; gzip accepted).
    file: PathBuf,
    /// Where the file came from (norm 4.2 a). Required.
    #[arg(long)]
    source_reference: String,
    /// The centre the list belongs to (centre-dnc).
    #[arg(long, conflicts_with = "client")]
    centre: Option<String>,
    /// The client the list belongs to (client-dnc, customers, express).
    #[arg(long)]
    client: Option<String>,
    /// Field delimiter (default: sniffed from the header line).
    #[arg(long)]
    delimiter: Option<char>,
    /// Header names that differ from vask's, as canonical=header (repeatable),
    /// e.g. --column number=telefon.
    #[arg(long = "column", value_parser = parse_column)]
    columns: Vec<(String, String)>,
    /// Bad rows tolerated (skipped and reported); more fail the import. Default: none.
    #[arg(long, default_value_t = 0)]
    max_errors: usize,
    /// Date of the national snapshot (YYYY-MM-DD; default today).
    #[arg(long, value_parser = vask::domain::parse_date)]
    snapshot_date: Option<chrono::NaiveDate>,
    /// Refuse a national snapshot or do-not-call list that shrinks below this percentage.
    #[arg(long, default_value_t = 90)]
    min_percent: u32,
    /// Import even if it shrank suspiciously.
    #[arg(long)]
    force: bool,
    /// Print a JSON summary.
    #[arg(long)]
    json: bool,
}

fn parse_column(s: &str) -> Result<(String, String), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("{s:?}: use canonical=header, e.g. number=telefon"))?;
    Ok((k.trim().to_owned(), v.trim().to_owned()))
}

/// Runs `vask import`.
pub fn run(a: ImportArgs) -> Result<()> {
    let config = a.config.load()?;
    if a.centre.is_some() && a.kind != SourceKind::CentreDnc {
        bail!("--centre goes with centre-dnc; client lists take --client");
    }
    let imp = Import {
        kind: a.kind,
        owner: a.centre.or(a.client),
        file: a.file,
        source_reference: a.source_reference,
        table: TableOptions {
            delimiter: a.delimiter,
            columns: a.columns.into_iter().collect::<HashMap<_, _>>(),
        },
        max_errors: a.max_errors,
        snapshot_date: a.snapshot_date,
        min_percent: a.min_percent,
        force: a.force,
        now: Utc::now(),
    };
    let report = super::progress::with_progress("import", || import(&config.catalog, &imp))?;
    for bad in &report.bad_rows {
        eprintln!("skipped {}: {bad}", imp.file.display());
    }
    if a.json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "imported {} rows into {} (was {}){}; run `vask rebuild` to publish",
            report.rows,
            report.source.display(),
            report
                .previous_rows
                .map_or_else(|| "new".to_owned(), |r| format!("{r} rows")),
            report
                .snapshot_date
                .map(|d| format!(", snapshot {d}"))
                .unwrap_or_default(),
        );
    }
    Ok(())
}
