//! `vask hash-key`: prints the SHA-256 of an API key, the form the config's `[[keys]]` store.

use anyhow::Result;
use clap::Args;

/// Arguments of `vask hash-key`.
#[derive(Debug, Args)]
pub struct HashKeyArgs {
    /// The API key, in clear text (only its hash goes into the config).
    key: String,
}

/// Runs `vask hash-key`.
pub fn run(a: HashKeyArgs) -> Result<()> {
    println!("{}", vask::config::hash_key(&a.key));
    Ok(())
}
