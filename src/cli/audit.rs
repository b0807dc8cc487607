//! `vask audit`: reads the proof-of-wash trail (list, export, verify) and the history of every
//! change to an internal list (opt-outs).

use anyhow::{Context, Result, bail};
use clap::Args;

use super::ConfigArgs;

/// Arguments of `vask audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// list (a line per wash), export (JSON lines), verify (the hash chain) or opt-outs
    /// (every add to and removal from an internal list, with who, when and why).
    #[arg(default_value = "list")]
    action: String,
}

/// Runs `vask audit`.
pub fn run(a: AuditArgs) -> Result<()> {
    let config = a.config.load()?;
    let records = vask::audit::read(&config.audit)?;
    match a.action.as_str() {
        "list" => {
            for r in &records {
                println!(
                    "{} {} centre={} client={} purpose={} numbers={} allowed={} generation={} snapshot={} source={:?}",
                    r.at.format("%Y-%m-%dT%H:%M:%SZ"),
                    r.wash_id,
                    r.centre,
                    r.client,
                    r.purpose,
                    r.numbers,
                    r.allowed,
                    r.generation,
                    r.snapshot_date,
                    r.source_reference
                );
            }
            eprintln!("{} washes", records.len());
        }
        "export" => {
            for r in &records {
                println!("{}", serde_json::to_string(r)?);
            }
        }
        "verify" => println!(
            "audit trail intact: {} records, hash chain unbroken",
            records.len()
        ),
        "opt-outs" => {
            // The reservation history (like VICIdial's vicidial_dnc_log): every add
            // and removal, live and compacted, with who, when, why and which list.
            let history =
                vask::journal::read_all(&config.journal).context("reading the opt-out journal")?;
            for r in &history {
                let e = &r.entry;
                let list = match &e.list {
                    vask::journal::ListRef::Centre(c) => format!("centre:{c}"),
                    vask::journal::ListRef::Client(c) => format!("client:{c}"),
                };
                println!(
                    "{} seq={} {} {} +{} actor={:?} reason={:?}",
                    e.at.format("%Y-%m-%dT%H:%M:%SZ"),
                    r.seq,
                    if e.op == vask::journal::Op::Add {
                        "add"
                    } else {
                        "remove"
                    },
                    list,
                    e.number,
                    e.actor,
                    e.reason
                );
            }
            eprintln!("{} reservation changes", history.len());
        }
        other => {
            bail!("unknown audit action {other:?}: use list, export, verify or opt-outs")
        }
    }
    Ok(())
}
