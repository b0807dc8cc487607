//! Command-line interface: argument parsing and dispatch. Each command is one file with its
//! arguments and its `run` (`serve`, `rebuild`, `rollback`, `import`, `wash`, `synth`,
//! `audit`, `calendar`, `hash-key`, `loadgen`, `user`); errors get their context there, at the edge,
//! as `anyhow` chains.

/// Writes a line to standard output and returns an error (instead of panicking as `println!`
/// does) when it cannot: a reader that went away (`vask calendar 2026 | head`) ends the
/// command quietly, see [`is_closed_pipe`].
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}

mod audit;
mod calendar;
mod hash_key;
mod import;
mod loadgen;
mod loadgen_http;
mod person_eval;
mod progress;
mod rebuild;
mod rollback;
mod serve;
mod synth;
mod user;
mod wash;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use vask::config::Config;
use vask::fsutil;

/// vask: wash call lists against telephone-marketing reservation registers.
#[derive(Debug, Parser)]
#[command(version = vask::status::VERSION_SHORT, about)]
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
/// the repository's files). Copies into a temporary directory, every file and directory
/// fsynced, then renamed into place with its parent fsynced, so neither an interrupted copy
/// nor a power cut leaves a partial copy that is taken for a complete one.
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    fn copy(from: &Path, to: &Path) -> Result<()> {
        std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
        let entries =
            std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))?;
        for entry in entries {
            let entry = entry?;
            let target = to.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                copy(&entry.path(), &target)?;
            } else {
                fsutil::copy_synced(&entry.path(), &target)?;
            }
        }
        fsutil::sync_dir(to)?;
        Ok(())
    }
    let tmp = to.with_extension("copying");
    let _ = std::fs::remove_dir_all(&tmp);
    copy(from, &tmp)?;
    fsutil::rename_synced(&tmp, to)?;
    Ok(())
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the gRPC service.
    Serve(serve::ServeArgs),
    /// Build a new generation from the catalogue and the opt-out journal, verify and publish it.
    Rebuild(rebuild::RebuildArgs),
    /// Make an earlier generation current again (the server switches within seconds).
    Rollback(rollback::RollbackArgs),
    /// Check a delivered source file in full and make it current for the next rebuild.
    Import(import::ImportArgs),
    /// Wash a lead CSV file (in-process, or through a server with --server) and write it back
    /// with verdict columns.
    Wash(wash::WashArgs),
    /// Write synthetic sources (Norwegian-like, deterministic) for demos and benchmarks.
    Synth(synth::SynthArgs),
    /// Read the audit trail (proof of every wash and Explain) and the reservation history.
    Audit(audit::AuditArgs),
    /// Print the closed days (weekends and holidays) of a year.
    Calendar(calendar::CalendarArgs),
    /// Measure the person matcher: precision and recall per strictness, recall per corruption
    /// kind and false-match rate per look-alike kind, on the labelled evaluation sets.
    PersonEval(person_eval::PersonEvalArgs),
    /// Print the SHA-256 of an API key, for the config's `[[keys]]`.
    HashKey(hash_key::HashKeyArgs),
    /// Drive load against a running server and report throughput and latency.
    Loadgen(loadgen::LoadArgs),
    /// Manage the web console's users: add, passwd, disable, list.
    User(user::UserArgs),
    /// Print shell completions (bash, zsh, fish, elvish, powershell) to standard output.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output: `vask man > vask.1`.
    Man,
    /// Print the HTTP API's OpenAPI 3 document (as served at /v1/openapi.json).
    Openapi,
}

/// Did the command fail only because its output's reader went away (a closed pipe)? Such a
/// command ends quietly and successfully, as ripgrep does.
pub fn is_closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
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
        Command::Serve(args) => serve::run(args),
        Command::Rebuild(args) => rebuild::run(args),
        Command::Rollback(args) => rollback::run(args),
        Command::Import(args) => import::run(args),
        Command::Wash(args) => wash::run(args),
        Command::PersonEval(args) => person_eval::run(args),
        Command::Synth(args) => synth::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Calendar(args) => calendar::run(args),
        Command::HashKey(args) => hash_key::run(args),
        Command::Loadgen(args) => loadgen::run(args),
        Command::User(args) => user::run(args),
        Command::Completions { shell } => {
            use std::io::Write as _;
            let mut command = <Cli as clap::CommandFactory>::command();
            // Into a buffer first: clap_complete panics when it cannot write.
            let mut text = Vec::new();
            clap_complete::generate(shell, &mut command, "vask", &mut text);
            std::io::stdout().lock().write_all(&text)?;
            Ok(())
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(command).render(&mut std::io::stdout().lock())?;
            Ok(())
        }
        Command::Openapi => {
            use std::io::Write as _;
            std::io::stdout()
                .lock()
                .write_all(vask::http::openapi::document().as_bytes())?;
            Ok(())
        }
    }
}
