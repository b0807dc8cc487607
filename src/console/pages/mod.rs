//! The console's pages other than the wash, one file each: `sign_in.rs` signing in and out
//! and the language switch, `overview.rs` the overview (and reloading), `lookup.rs` looking a
//! number up, `optouts.rs` opt-outs and the recent changes, `proofs.rs` the proof of wash,
//! `hours.rs` calling hours. Each handler checks the session's role and CSRF token, calls the
//! library with the session's principal, records the action, and renders what the library
//! answered; this file has what several pages show (times, purposes, clients).

mod hours;
mod lookup;
mod optouts;
mod overview;
mod proofs;
mod sign_in;

use chrono::{DateTime, Utc};
use minijinja::context;
use serde::Deserialize;

use crate::app::App;
use crate::console::{Lang, SessionView};
use crate::domain::Purpose;

pub(super) use hours::hours;
pub(super) use lookup::{lookup, lookup_form};
pub(super) use optouts::{add_optout, optouts, remove_optout};
pub(super) use overview::{overview, reload};
pub(super) use proofs::{proof_record, proofs, proofs_csv, verify};
pub(super) use sign_in::{language, login, login_form, logout};

/// A time as the console shows it: local time of the country's policy.
pub(super) fn local(app: &App, at: DateTime<Utc>) -> String {
    at.with_timezone(&app.engine().policy().time_zone)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The purposes a campaign may declare, with their texts.
pub(super) fn purposes(lang: Lang) -> Vec<minijinja::Value> {
    Purpose::ALL
        .iter()
        .map(|p| {
            context! { value => p.name(), label => lang.t(&format!("purpose_{}", p.name())) }
        })
        .collect()
}

/// The clients a session may act for.
pub(super) fn clients(s: &SessionView) -> Vec<String> {
    s.principal.clients().map(|c| c.to_string()).collect()
}

#[derive(Deserialize)]
pub(super) struct CsrfForm {
    #[serde(default)]
    csrf: String,
}
