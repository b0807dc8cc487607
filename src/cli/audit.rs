//! `vask audit`: reads the audit trail (the proof of every wash and Explain: list, export,
//! verify, checkpoint) and the history of every change to an internal list (opt-outs).

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use chrono::Utc;
use clap::Args;

use super::ConfigArgs;

/// Arguments of `vask audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// list (a line per record), export (JSON lines), verify (the keyed chain; with
    /// --checkpoint also that nothing up to the checkpoint was removed or rewritten),
    /// checkpoint (print the signed head of the trail, to keep somewhere else) or opt-outs
    /// (every add to and removal from an internal list, with who, when and why).
    #[arg(default_value = "list")]
    action: String,
    /// A checkpoint printed earlier by `vask audit checkpoint` (for verify).
    #[arg(long)]
    checkpoint: Option<PathBuf>,
}

/// Runs `vask audit`.
pub fn run(a: AuditArgs) -> Result<()> {
    let config = a.config.load()?;
    let action = a.action.as_str();
    let checkpoint = a.checkpoint.as_deref();
    use vask::audit::AuditRecord;
    let key = config.audit_key.as_ref();
    match action {
        "list" => {
            let entries = vask::audit::read(&config.audit, key)?;
            for e in &entries {
                match &e.record {
                    AuditRecord::Wash(r) => out!(
                        "{} {} wash centre={} client={} purpose={} caller={} numbers={} allowed={} generation={} snapshot={} source={:?}",
                        r.at.format("%Y-%m-%dT%H:%M:%SZ"),
                        r.wash_id,
                        r.centre,
                        r.client,
                        r.purpose,
                        r.caller,
                        r.numbers,
                        r.allowed,
                        r.generation,
                        r.snapshot_date,
                        r.source_reference
                    ),
                    AuditRecord::Explain(r) => out!(
                        "{} {} explain centre={} client={} purpose={} verdict={} generation={}",
                        r.at.format("%Y-%m-%dT%H:%M:%SZ"),
                        r.audit_id,
                        r.centre,
                        r.client,
                        r.purpose,
                        r.verdict,
                        r.generation
                    ),
                    AuditRecord::Console(r) => out!(
                        "{} {} console user={} centre={} client={} action={} target={} outcome={}",
                        r.at.format("%Y-%m-%dT%H:%M:%SZ"),
                        r.audit_id,
                        r.user,
                        r.centre,
                        r.client,
                        r.action,
                        r.target,
                        r.outcome
                    ),
                }
            }
            eprintln!("{} records", entries.len());
        }
        "export" => {
            for e in vask::audit::read(&config.audit, key)? {
                let mut json = serde_json::to_value(&e.record)?;
                if let Some(o) = json.as_object_mut() {
                    o.insert("seq".into(), e.seq.into());
                }
                out!("{json}");
            }
        }
        "verify" => {
            let checkpoint = match checkpoint {
                Some(path) => Some(
                    serde_json::from_str::<vask::audit::Checkpoint>(
                        &std::fs::read_to_string(path)
                            .with_context(|| format!("reading {}", path.display()))?,
                    )
                    .with_context(|| format!("{} is not a checkpoint", path.display()))?,
                ),
                None => None,
            };
            let entries = vask::audit::verify(&config.audit, key, checkpoint.as_ref())?;
            match checkpoint {
                Some(cp) => out!(
                    "audit trail intact: {} records, chain unbroken, records 1 to {} as at the checkpoint of {}",
                    entries.len(),
                    cp.seq,
                    cp.at.to_rfc3339()
                ),
                None => out!(
                    "audit trail intact: {} records, chain unbroken (give --checkpoint to prove that none were cut off)",
                    entries.len()
                ),
            }
        }
        "checkpoint" => {
            let cp = vask::audit::checkpoint(&config.audit, key, Utc::now())?;
            out!("{}", serde_json::to_string(&cp)?);
        }
        "opt-outs" => {
            // The reservation history (like VICIdial's vicidial_dnc_log): every add and
            // removal, live and compacted, with who, when, why and which list.
            let history =
                vask::journal::read_all(&config.journal).context("reading the opt-out journal")?;
            for r in &history {
                let e = &r.entry;
                out!(
                    "{} seq={} {} {} +{} by={} key={:?} actor={:?} reason={:?}",
                    e.at.format("%Y-%m-%dT%H:%M:%SZ"),
                    r.seq,
                    if e.op == vask::journal::Op::Add {
                        "add"
                    } else {
                        "remove"
                    },
                    e.list,
                    e.number,
                    e.by.as_ref().map_or("?", |c| c.as_str()),
                    e.principal,
                    e.actor,
                    e.reason
                );
            }
            eprintln!("{} reservation changes", history.len());
        }
        other => bail!(
            "unknown audit action {other:?}: use list, export, verify, checkpoint or opt-outs"
        ),
    }
    Ok(())
}
