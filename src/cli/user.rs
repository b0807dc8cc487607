//! `vask user add|passwd|disable|list`: the web console's accounts (see `vask::users`).
//! Passwords are read from standard input (one line; not echoed on a terminal), never from
//! the command line, where other users and the shell history could read them. Every change is
//! recorded in the audit trail.

use std::collections::BTreeSet;
use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context, Result, bail};
use chrono::Utc;
use clap::{Args, Subcommand};
use vask::audit::{AuditLog, AuditRecord, ConsoleRecord};
use vask::config::Config;
use vask::domain::CentreId;
use vask::users::{NewUser, Role, Users};

use super::ConfigArgs;

/// Arguments of `vask user`.
#[derive(Debug, Args)]
pub struct UserArgs {
    #[command(flatten)]
    config: ConfigArgs,
    #[command(subcommand)]
    action: UserAction,
}

#[derive(Debug, Subcommand)]
enum UserAction {
    /// Add a user (the password is read from standard input).
    Add {
        /// The username (a-z, 0-9, '.', '_', '-').
        username: String,
        /// The centre it works for (default: the configuration's only centre).
        #[arg(long)]
        centre: Option<String>,
        /// Its roles: officer, agent, admin (repeat or separate with commas).
        #[arg(long = "role", required = true, value_delimiter = ',')]
        roles: Vec<String>,
    },
    /// Set a user's password (read from standard input); enables a disabled user again.
    Passwd {
        /// The username.
        username: String,
    },
    /// Disable a user: it can no longer sign in and its sessions end.
    Disable {
        /// The username.
        username: String,
    },
    /// List the users (never their password hashes).
    List,
}

/// Reads a password: a prompt and no echo on a terminal, else the first line of stdin.
fn read_password(prompt: &str) -> Result<String> {
    let stdin = std::io::stdin();
    let terminal = stdin.is_terminal();
    if terminal {
        eprint!("{prompt}: ");
        std::io::stderr().flush()?;
    }
    let _echo = terminal.then(EchoOff::new).flatten();
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    if terminal {
        eprintln!();
    }
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// Turns the terminal's echo off until dropped.
struct EchoOff {
    #[cfg(target_os = "linux")]
    saved: rustix::termios::Termios,
}

impl EchoOff {
    #[cfg(target_os = "linux")]
    fn new() -> Option<EchoOff> {
        use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
        let stdin = std::io::stdin();
        let saved = tcgetattr(&stdin).ok()?;
        let mut quiet = saved.clone();
        quiet.local_modes.remove(LocalModes::ECHO);
        tcsetattr(&stdin, OptionalActions::Now, &quiet).ok()?;
        Some(EchoOff { saved })
    }

    #[cfg(not(target_os = "linux"))]
    fn new() -> Option<EchoOff> {
        None
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        #[cfg(target_os = "linux")]
        {
            let _ = rustix::termios::tcsetattr(
                std::io::stdin(),
                rustix::termios::OptionalActions::Now,
                &self.saved,
            );
        }
    }
}

/// Records a user change in the audit trail.
fn audit(config: &Config, centre: &str, action: &str, username: &str) -> Result<()> {
    let log = AuditLog::open(&config.audit, config.audit_key.as_ref())?;
    let mut r = ConsoleRecord::new(Utc::now(), "cli", centre, action);
    r.target = format!("user:{username}");
    log.append(&AuditRecord::Console(r))?;
    log.sync()?;
    Ok(())
}

/// Runs `vask user`.
pub fn run(a: UserArgs) -> Result<()> {
    let config = a.config.load()?;
    let users = Users::open(&config.console.users_file(&config.audit))?;
    match a.action {
        UserAction::Add {
            username,
            centre,
            roles,
        } => {
            let centre = match centre {
                Some(c) => CentreId::new(c)?,
                None => match config.centres.as_slice() {
                    [only] => only.id.clone(),
                    _ => bail!("the configuration has several centres: give --centre"),
                },
            };
            let roles = roles
                .iter()
                .map(|r| r.parse::<Role>())
                .collect::<Result<BTreeSet<_>, _>>()?;
            let password = read_password(&format!("password for {username}"))?;
            let user = users.add(
                &config,
                NewUser {
                    username,
                    centre,
                    roles,
                    password,
                },
                Utc::now(),
            )?;
            audit(&config, user.centre.as_str(), "user_add", &user.username)?;
            println!("added {} ({})", user.username, users.path().display());
        }
        UserAction::Passwd { username } => {
            let user = users
                .get(&username)
                .with_context(|| format!("no user {username:?}"))?;
            let password = read_password(&format!("new password for {username}"))?;
            users.set_password(&username, &password, Utc::now())?;
            audit(&config, user.centre.as_str(), "user_passwd", &username)?;
            println!("password of {username} set");
        }
        UserAction::Disable { username } => {
            let user = users
                .get(&username)
                .with_context(|| format!("no user {username:?}"))?;
            users.disable(&username)?;
            audit(&config, user.centre.as_str(), "user_disable", &username)?;
            println!("{username} disabled");
        }
        UserAction::List => {
            for u in users.all().iter() {
                let roles: Vec<&str> = u.roles.iter().map(|r| r.name()).collect();
                println!(
                    "{} centre={} roles={} {} created={} password_set={}",
                    u.username,
                    u.centre,
                    roles.join(","),
                    if u.disabled { "disabled" } else { "enabled" },
                    u.created_at.format("%Y-%m-%dT%H:%M:%SZ"),
                    u.password_set_at.format("%Y-%m-%dT%H:%M:%SZ"),
                );
            }
        }
    }
    Ok(())
}
