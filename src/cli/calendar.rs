//! `vask calendar`: prints the closed days (weekends and holidays) of a year for a country's
//! calling policy (see [`vask::calendar`]).

use anyhow::{Context, Result};
use clap::Args;

use super::ConfigArgs;

/// Arguments of `vask calendar`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// The year to list (1583 to 9999).
    year: i32,
    /// Country (ISO alpha-2).
    #[arg(long, default_value = "NO")]
    country: String,
    #[command(flatten)]
    config: ConfigArgs,
}

/// Runs `vask calendar`: the built-in policies, or those of `--config`.
pub fn run(a: CalendarArgs) -> Result<()> {
    let registry = match a.config.config.is_some() {
        true => a.config.load()?.calendars,
        false => vask::calendar::CalendarRegistry::new(),
    };
    let policy = registry
        .get(&a.country)
        .with_context(|| format!("no calling-window policy for {}", a.country))?;
    for day in policy.closed_days(a.year)? {
        out!("{} {} {}", day.date, day.date.format("%a"), day.reason);
    }
    Ok(())
}
