//! `vask rebuild`: the nightly job. Builds a new generation from the catalogue and the opt-out
//! journal, verifies it and publishes it (see [`vask::app::rebuild`]).

use anyhow::Result;
use chrono::Utc;
use clap::Args;
use vask::generation::store::Store;
use vask::metrics::RebuildStatus;

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
    let store = Store::new(&config.store)?;
    let started = std::time::Instant::now();
    let result = with_progress("rebuild", || {
        vask::app::rebuild(
            &store,
            &config,
            Utc::now(),
            a.max_errors,
            a.min_snapshot_percent,
            a.force,
            a.keep,
        )
    });
    // Left in the store for the server's metrics (the rebuild's duration and result).
    let status = RebuildStatus {
        finished_at: Utc::now(),
        ok: result.is_ok(),
        seconds: started.elapsed().as_secs_f64(),
        generation: result.as_ref().map(|r| r.id.clone()).unwrap_or_default(),
        error: result
            .as_ref()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default(),
    };
    if let Err(e) = status.write(store.root()) {
        eprintln!("warning: could not record the rebuild's result for the metrics: {e}");
    }
    let report = result?;
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
