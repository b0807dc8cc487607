//! `vask synth`: writes deterministic synthetic sources (and optionally a lead file) for demos
//! and benchmarks (see [`vask::synth`]).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

/// Arguments of `vask synth`.
#[derive(Debug, Args)]
pub struct SynthArgs {
    /// Output directory.
    #[arg(long)]
    out: PathBuf,
    /// Numbers in the national register.
    #[arg(long, default_value_t = 5_000_000)]
    register: u64,
    /// Centre list size.
    #[arg(long, default_value_t = 200_000)]
    centre_list: u64,
    /// Client list size.
    #[arg(long, default_value_t = 100_000)]
    client_list: u64,
    /// Customer relationships.
    #[arg(long, default_value_t = 1_000_000)]
    customers: u64,
    /// Express requests.
    #[arg(long, default_value_t = 10_000)]
    express: u64,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Also write a lead file of this many rows (leads.csv, ~35 % on some list).
    #[arg(long)]
    leads: Option<usize>,
}

/// Runs `vask synth`.
pub fn run(a: SynthArgs) -> Result<()> {
    let spec = vask::synth::SynthSpec {
        seed: a.seed,
        register: a.register,
        centre_list: a.centre_list,
        client_list: a.client_list,
        customers: a.customers,
        express: a.express,
    };
    let catalog = vask::synth::write(&a.out, &spec)?;
    if let Some(n) = a.leads {
        let path = a.out.join("leads.csv");
        let mut w = std::io::BufWriter::new(std::fs::File::create(&path)?);
        writeln!(w, "id,phone,name")?;
        for (i, number) in vask::synth::leads(&spec, a.seed + 1, n, 0.35)
            .iter()
            .enumerate()
        {
            writeln!(w, "{i},+{number},Lead {i}")?;
        }
        w.flush()?;
        println!("wrote {} and {}", catalog.display(), path.display());
    } else {
        println!("wrote {}", catalog.display());
    }
    Ok(())
}
