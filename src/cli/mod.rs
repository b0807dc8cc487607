//! Command-line interface: argument parsing and the subcommands. Errors get their context here,
//! at the edge, as `anyhow` chains.

mod import;
mod leads;
mod loadgen;
mod person_eval;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::Utc;
use clap::{Args, Parser, Subcommand};
use vask::build::{BuildOptions, RebuildOptions};
use vask::config::Config;
use vask::generation::store::Store;
use vask::sources::Catalog;

/// vask: wash call lists against telephone-marketing reservation registers.
#[derive(Debug, Parser)]
#[command(version, about)]
pub struct Cli {
    /// Log as JSON lines.
    #[arg(long, global = true, env = "VASK_LOG_JSON")]
    log_json: bool,
    #[command(subcommand)]
    command: Command,
}

/// Where the configuration comes from.
#[derive(Debug, Args, Clone)]
pub struct ConfigArgs {
    /// Config file (TOML). Without one: the bundled sample in data/ with the demo keys.
    #[arg(long, env = "VASK_CONFIG")]
    config: Option<PathBuf>,
    /// State directory of the demo configuration (store, journal, audit).
    #[arg(long, env = "VASK_STATE", default_value = "var/demo")]
    state: PathBuf,
    /// Sample data directory of the demo configuration (copied to STATE/sources on first use).
    #[arg(long, env = "VASK_DATA")]
    data: Option<PathBuf>,
}

impl ConfigArgs {
    /// Loads the config file, or the demo configuration.
    pub fn load(&self) -> Result<Config> {
        match &self.config {
            Some(path) => Ok(Config::load(path)?),
            None => {
                let data = match &self.data {
                    Some(d) => d.clone(),
                    None => [PathBuf::from("data"), Path::new(env!("CARGO_MANIFEST_DIR")).join("data")]
                        .into_iter()
                        .find(|d| d.join("catalog.toml").exists())
                        .context("no --config given and no data/catalog.toml found; run from the repository or pass --data")?,
                };
                let sources = self.state.join("sources");
                if !sources.join("catalog.toml").exists() {
                    copy_tree(&data, &sources).with_context(|| {
                        format!(
                            "copying the sample {} to {}",
                            data.display(),
                            sources.display()
                        )
                    })?;
                }
                Ok(Config::demo(&sources, &self.state))
            }
        }
    }
}

/// Copies the sample data into the demo's state directory (imports then change the copy, never
/// the repository's files). Copies into a temporary directory renamed into place, so an
/// interrupted copy is never taken for a complete one.
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            let target = to.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                copy(&entry.path(), &target)?;
            } else {
                std::fs::copy(entry.path(), target)?;
            }
        }
        Ok(())
    }
    let tmp = to.with_extension("copying");
    let _ = std::fs::remove_dir_all(&tmp);
    copy(from, &tmp)?;
    std::fs::rename(&tmp, to)?;
    Ok(())
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the gRPC service.
    Serve {
        #[command(flatten)]
        config: ConfigArgs,
        /// Listen address (overrides the config; port 0 picks a free port).
        #[arg(long, env = "VASK_LISTEN")]
        listen: Option<SocketAddr>,
    },
    /// Build a new generation from the catalogue and the opt-out journal, verify and publish it.
    Rebuild {
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
    },
    /// Make an earlier generation current again (the server switches within seconds).
    Rollback {
        #[command(flatten)]
        config: ConfigArgs,
        /// Generation id (default: the one before the current).
        #[arg(long)]
        to: Option<String>,
    },
    /// Check a delivered source file in full and make it current for the next rebuild.
    Import(import::ImportArgs),
    /// Wash a lead CSV file (in-process, or through a server with --server) and write it back
    /// with verdict columns.
    Wash(leads::WashArgs),
    /// Write synthetic sources (Norwegian-like, deterministic) for demos and benchmarks.
    Synth {
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
    },
    /// Read the proof-of-wash audit trail.
    Audit {
        #[command(flatten)]
        config: ConfigArgs,
        /// list (a line per wash), export (JSON lines), verify (the hash chain) or opt-outs
        /// (every add to and removal from an internal list, with who, when and why).
        #[arg(default_value = "list")]
        action: String,
    },
    /// Print the closed days (weekends and holidays) of a year.
    Calendar {
        /// The year.
        year: i32,
        /// Country (ISO alpha-2).
        #[arg(long, default_value = "NO")]
        country: String,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Measure the person matcher: precision and recall per strictness, recall per corruption
    /// kind and false-match rate per look-alike kind, on the labelled evaluation sets.
    PersonEval(person_eval::PersonEvalArgs),
    /// Print the SHA-256 of an API key, for the config's `[[keys]]`.
    HashKey {
        /// The key.
        key: String,
    },
    /// Drive load against a running server and report throughput and latency.
    Loadgen(loadgen::LoadArgs),
}

/// Runs `work` with a progress line (rows read, rows/s, elapsed) on standard error when it is a
/// terminal; quiet otherwise.
pub fn with_progress<T>(label: &str, work: impl FnOnce() -> T) -> T {
    use std::io::IsTerminal;
    use std::sync::atomic::{AtomicBool, Ordering};
    use vask::sources::table::ROWS_READ;
    if !std::io::stderr().is_terminal() {
        return work();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {msg}: {human_pos} rows read, {per_sec}, {elapsed}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.set_message(label.to_owned());
    let start = ROWS_READ.load(Ordering::Relaxed);
    let done = AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                bar.set_position(ROWS_READ.load(Ordering::Relaxed) - start);
                bar.tick();
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        });
        let out = work();
        done.store(true, Ordering::Relaxed);
        bar.finish_and_clear();
        out
    })
}

/// Sets up tracing to stderr.
pub fn init_logging(cli: &Cli) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("VASK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if cli.log_json {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// Runs a subcommand.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Serve { config, listen } => serve(config, listen),
        Command::Rebuild {
            config,
            max_errors,
            min_snapshot_percent,
            force,
            keep,
            json,
        } => {
            let config = config.load()?;
            let catalog = Catalog::load(&config.catalog)?;
            let store = Store::new(&config.store)?;
            let records =
                vask::journal::read_all(&config.journal).context("reading the opt-out journal")?;
            let options = RebuildOptions {
                build: BuildOptions {
                    national_id_key: config.national_id_key()?,
                    now: Utc::now(),
                    max_errors,
                    opt_outs: vask::service::registry::journal_ops(&records),
                },
                min_snapshot_percent,
                force,
                keep,
            };
            let report = with_progress("rebuild", || {
                vask::build::rebuild(&store, &catalog, &options)
            })?;
            for (file, e) in &report.skipped {
                eprintln!("skipped {file}: {e}");
            }
            if json {
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
        Command::Rollback { config, to } => {
            let config = config.load()?;
            let store = Store::new(&config.store)?;
            let ids = store.list()?;
            let current = store.current_id()?;
            let target = match to {
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
            let _lock = store.lock()?;
            store.set_current(&target)?;
            println!("current generation is now {target} (was {current})");
            Ok(())
        }
        Command::Import(args) => import::run(args),
        Command::Wash(args) => leads::run(args),
        Command::PersonEval(args) => person_eval::run(args),
        Command::Synth {
            out,
            register,
            centre_list,
            client_list,
            customers,
            express,
            seed,
            leads,
        } => {
            let spec = vask::synth::SynthSpec {
                seed,
                register,
                centre_list,
                client_list,
                customers,
                express,
            };
            let catalog = vask::synth::write(&out, &spec)?;
            if let Some(n) = leads {
                let path = out.join("leads.csv");
                let mut w = std::io::BufWriter::new(std::fs::File::create(&path)?);
                use std::io::Write;
                writeln!(w, "id,phone,name")?;
                for (i, number) in vask::synth::leads(&spec, seed + 1, n, 0.35)
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
        Command::Audit { config, action } => {
            let config = config.load()?;
            let records = vask::audit::read(&config.audit)?;
            match action.as_str() {
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
                    let history = vask::journal::read_all(&config.journal)
                        .context("reading the opt-out journal")?;
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
        Command::Calendar {
            year,
            country,
            config,
        } => {
            let policies = match config.config.is_some() {
                true => config.load()?.calling_policy,
                false => Vec::new(),
            };
            let registry = vask::calendar::CalendarRegistry::from_configs(&policies)?;
            let policy = registry
                .get(&country)
                .with_context(|| format!("no calling-window policy for {country}"))?;
            for day in policy.closed_days(year)? {
                println!("{} {} {}", day.date, day.date.format("%a"), day.reason);
            }
            Ok(())
        }
        Command::HashKey { key } => {
            println!("{}", vask::config::hash_key(&key));
            Ok(())
        }
        Command::Loadgen(args) => loadgen::run(args),
    }
}

fn serve(config: ConfigArgs, listen: Option<SocketAddr>) -> Result<()> {
    let mut config = config.load()?;
    if let Some(addr) = listen {
        config.listen = addr;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = vask::service::bind(config.listen)?;
        let addr = listener.local_addr()?;
        let state = tokio::task::spawn_blocking(move || vask::service::State::open(config))
            .await
            .context("startup task")??;
        let generation = state.engine.generation();
        let fresh = state.engine.freshness(&generation, Utc::now());
        tracing::info!(
            generation = %generation.id(),
            snapshot = %fresh.snapshot_date,
            snapshot_age_days = fresh.age_days,
            stale = fresh.stale,
            "serving"
        );
        drop(generation);
        // Tests and scripts read this line to find the port.
        println!("vask listening on {addr}");
        use std::io::Write;
        std::io::stdout().flush()?;
        vask::service::serve(state, listener, shutdown_signal()).await?;
        tracing::info!("stopped");
        Ok(())
    })
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = match signal(SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
    tracing::info!("shutting down: draining in-flight calls");
}
