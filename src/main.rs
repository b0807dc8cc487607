//! The `vask` command: serve, rebuild, roll back, wash lead files, generate synthetic data,
//! read the audit trail, print calendars, drive load.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    cli::init_logging(&args);
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if cli::is_closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vask: {e:#}");
            ExitCode::FAILURE
        }
    }
}
