//! `vask person-eval`: precision and recall of person matching per strictness, and recall per
//! corruption kind and false-match rate per look-alike kind, on the labelled evaluation sets
//! (the first, `vask::synth::eval`, written with the matcher; the second, independent one).

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use vask::person::{IdHashKey, Strictness};
use vask::synth::blind_eval;
use vask::synth::eval::{EvalIndex, EvalReport, LabelledLead, Population, evaluate};

/// Arguments of `vask person-eval`.
#[derive(Debug, Args)]
pub struct PersonEvalArgs {
    /// Reserved persons in each generated register.
    #[arg(long, default_value_t = 100_000)]
    persons: u64,
    /// Labelled leads per set (about half reserved and corrupted, half look-alikes).
    #[arg(long, default_value_t = 50_000)]
    leads: usize,
    /// Random seed.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Which labelled set: `first` (vask's own generator), `second` (the independent one) or
    /// `both`.
    #[arg(long, value_enum, default_value_t = EvalSet::Both)]
    set: EvalSet,
}

/// The labelled evaluation sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EvalSet {
    First,
    Second,
    Both,
}

/// Runs `vask person-eval`.
pub fn run(args: PersonEvalArgs) -> Result<()> {
    let sets: &[EvalSet] = match args.set {
        EvalSet::Both => &[EvalSet::First, EvalSet::Second],
        EvalSet::First => &[EvalSet::First],
        EvalSet::Second => &[EvalSet::Second],
    };
    for &set in sets {
        match set {
            EvalSet::First => {
                let pop = Population::with_reserved(args.seed, args.persons);
                println!("## First set (vask's own generator, docs/person-evaluation.md)\n");
                measure(
                    |dir, key| EvalIndex::build(&pop, dir, Some(key), |_| {}),
                    &pop.leads(args.leads, args.seed + 1),
                )?;
            }
            EvalSet::Second => {
                println!(
                    "## Second set (independent generator, docs/person-evaluation-second-set.md)\n"
                );
                let persons = usize::try_from(args.persons).context("--persons")?;
                let set = blind_eval::generate(args.seed, persons, args.leads);
                let leads: Vec<LabelledLead> = set
                    .leads
                    .iter()
                    .map(|l| LabelledLead {
                        query: l.query.clone(),
                        reserved_id: l.truth.and_then(|t| u32::try_from(t).ok()),
                        corruption: l.kind.to_owned(),
                    })
                    .collect();
                measure(
                    |dir, key| {
                        let records = set
                            .register
                            .iter()
                            .enumerate()
                            .filter_map(|(i, r)| Some((u32::try_from(i).ok()?, r)));
                        let (index, refused) = EvalIndex::build_records(records, dir, Some(key))?;
                        if refused > 0 {
                            println!(
                                "{refused} register records refused by the index (their leads count as misses)"
                            );
                        }
                        Ok(index)
                    },
                    &leads,
                )?;
            }
            EvalSet::Both => {}
        }
    }
    Ok(())
}

/// Builds a set's index in a scratch directory and prints its tables.
fn measure(
    build: impl FnOnce(&std::path::Path, IdHashKey) -> Result<EvalIndex, vask::person::PersonError>,
    leads: &[LabelledLead],
) -> Result<()> {
    let key = IdHashKey::new(b"person-eval id-hash key (made up)").context("key")?;
    let dir = tempfile_dir()?;
    let result = (|| -> Result<()> {
        let index = build(&dir, key)?;
        let n = index.index.len();
        println!(
            "{n} reserved persons ({:.1} bytes/person on disk); {} labelled leads\n",
            index.index.size_bytes() as f64 / n.max(1) as f64,
            leads.len()
        );
        println!("| strictness | precision | recall | true pos | false pos | false neg |");
        println!("|---|---|---|---|---|---|");
        let mut normal = None;
        for s in Strictness::ALL {
            let r = evaluate(&index, leads, s);
            println!(
                "| {s}{} | {:.4} | {:.4} | {} | {} | {} |",
                if s == Strictness::default() {
                    " (default)"
                } else {
                    ""
                },
                r.precision,
                r.recall,
                r.tp,
                r.fp,
                r.fn_
            );
            if s == Strictness::default() {
                normal = Some(r);
            }
        }
        if let Some(r) = normal {
            print_kinds(&r);
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn print_kinds(r: &EvalReport) {
    println!(
        "\nAt strictness {}, per kind of lead (recall for reserved leads, false-match rate for look-alikes):\n",
        r.strictness
    );
    println!("| kind | leads | recall | false-match rate |");
    println!("|---|---|---|---|");
    for row in r.kinds() {
        if row.look_alike {
            println!("| {} | {} | | {:.4} |", row.kind, row.leads, row.rate());
        } else {
            println!("| {} | {} | {:.4} | |", row.kind, row.leads, row.rate());
        }
    }
    println!();
}

/// A fresh scratch directory for the index.
fn tempfile_dir() -> Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!(
        "vask-person-eval-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos())
    ));
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}
