//! `vask rebuild`: the nightly job. Builds a new generation from the catalogue and the opt-out
//! journal, verifies it and publishes it (see [`vask::build::rebuild`]).

use anyhow::{Context, Result};
use chrono::Utc;
use clap::Args;
use vask::build::{BuildOptions, RebuildOptions};
use vask::generation::store::Store;
use vask::sources::Catalog;

use super::ConfigArgs;
use super::progress::with_progress;

/// Arguments of `vask rebuild`.
#[derive(Debug, Args)]
pub struct RebuildArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// Bad rows tolerated per file (default 0: all or nothing).
    #[arg(long, default_value_t = 0)]
    max_errors: usize,
    /// Refuse a snapshot with fewer reservations than this percentage of the current one.
    #[arg(long, default_value_t = 90)]
    min_snapshot_percent: u32,
    /// Publish even if the snapshot shrank suspiciously.
    #[arg(long)]
    force: bool,
    /// Generations kept for rollback.
    #[arg(long, default_value_t = 5)]
    keep: usize,
    /// Print a JSON summary.
    #[arg(long)]
    json: bool,
}

/// Runs `vask rebuild`.
pub fn run(a: RebuildArgs) -> Result<()> {
    let config = a.config.load()?;
    let catalog = Catalog::load(&config.catalog)?;
    let store = Store::new(&config.store)?;
    let records =
        vask::journal::read_all(&config.journal).context("reading the opt-out journal")?;
    let options = RebuildOptions {
        build: BuildOptions {
            national_id_key: config.national_id_key()?,
            now: Utc::now(),
            max_errors: a.max_errors,
            opt_outs: vask::service::registry::journal_ops(&records),
        },
        min_snapshot_percent: a.min_snapshot_percent,
        force: a.force,
        keep: a.keep,
    };
    let report = with_progress("rebuild", || {
        vask::build::rebuild(&store, &catalog, &options)
    })?;
    for (file, e) in &report.skipped {
        eprintln!("skipped {file}: {e}");
    }
    if a.json {
        println!(
            "{}",
            serde_json::json!({
                "generation": report.id,
                "dir": report.dir,
                "reservations": report.reservations,
                "national_numbers": report.national_numbers,
                "lists": report.lists,
                "skipped_rows": report.skipped.len(),
                "bytes": report.bytes,
                "seconds": report.seconds,
            })
        );
    } else {
        println!(
            "published {} ({} reservations, {} national numbers, {} lists, {} bytes, {:.2} s)",
            report.id,
            report.reservations,
            report.national_numbers,
            report.lists,
            report.bytes,
            report.seconds
        );
    }
    Ok(())
}
