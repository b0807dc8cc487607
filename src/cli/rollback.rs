//! `vask rollback`: makes an earlier generation current again, after verifying it, keeping the
//! internal lists and opt-outs of the newer one; a running server switches within seconds.

use anyhow::{Context, Result, bail};
use clap::Args;
use vask::generation::store::Store;

use super::ConfigArgs;

/// Arguments of `vask rollback`.
#[derive(Debug, Args)]
pub struct RollbackArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// Generation id (default: the one before the current).
    #[arg(long)]
    to: Option<String>,
}

/// Runs `vask rollback`.
pub fn run(a: RollbackArgs) -> Result<()> {
    let config = a.config.load()?;
    let store = Store::new(&config.store)?;
    let ids = store.list()?;
    let current = store.current_id()?;
    let target = match a.to {
        Some(id) => id,
        None => {
            let at = ids
                .iter()
                .position(|i| *i == current)
                .context("the current generation is not in the store")?;
            if at == 0 {
                bail!("no generation before {current} to roll back to");
            }
            ids[at - 1].clone()
        }
    };
    if !ids.contains(&target) {
        bail!(
            "no generation {target:?} in the store (have: {})",
            ids.join(", ")
        );
    }
    // Verify before pointing at it: a damaged generation must never become current.
    vask::generation::Generation::open(&store.dir(&target))
        .with_context(|| format!("generation {target} does not verify"))?;
    let lock = store.lock()?;
    store.roll_back(&lock, &target)?;
    match store.lists_id()? {
        Some(lists) => println!(
            "current generation is now {target} (was {current}); internal lists and opt-outs stay as in {lists}"
        ),
        None => println!("current generation is now {target} (was {current})"),
    }
    Ok(())
}
