//! What a caller may see of the service's state: the generation served, the national
//! snapshot's age and freshness, the counts of the lists of the caller's centre and clients
//! (never another tenant's), the live opt-outs on them, uptime and version. gRPC
//! `AdminService/Status`, `GET /v1/status` and the console all answer with [`App::status`].
//! The console also shows the recent changes to those lists ([`App::recent_reservations`]).

use chrono::{DateTime, Utc};

use crate::app::{App, HistoryEvent};
use crate::auth::Principal;
use crate::domain::{ClientId, InternalList};
use crate::error::RequestError;
use crate::generation::ListKind;
use crate::journal;

/// The version string: the package version and the commit it was built from.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_NAME"),
    " ",
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("VASK_COMMIT"),
    ")"
);

/// The version and commit alone (`vask --version`).
pub const VERSION_SHORT: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("VASK_COMMIT"), ")");

/// One list's count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListStatus {
    /// `centre_dnc`, `client_dnc`, `express`, `customers`.
    pub list: &'static str,
    /// The centre or client that owns it.
    pub owner: String,
    /// Category (customers).
    pub category: String,
    /// Distinct numbers on it.
    pub numbers: u64,
    /// Where it came from.
    pub source_reference: String,
}

/// The service's state as a caller may see it.
#[derive(Debug, Clone)]
pub struct ServiceStatus {
    /// The generation served.
    pub generation_id: String,
    /// When it was built.
    pub generation_built: DateTime<Utc>,
    /// The national snapshot's date.
    pub snapshot_date: chrono::NaiveDate,
    /// Its age in days now.
    pub snapshot_age_days: i64,
    /// Too old to wash with now.
    pub snapshot_stale: bool,
    /// The first day it is too old.
    pub snapshot_stale_from: chrono::NaiveDate,
    /// Reserved numbers in the national register.
    pub national_numbers: u64,
    /// Reserved persons in the person index.
    pub national_persons: u64,
    /// The lists of the caller's centre and clients.
    pub lists: Vec<ListStatus>,
    /// Live opt-outs on those lists.
    pub live_operations: u64,
    /// Seconds since the service opened.
    pub uptime_seconds: u64,
    /// [`VERSION`].
    pub version: &'static str,
}

impl App {
    /// The service's state as `who` may see it.
    pub fn status(&self, who: &Principal) -> ServiceStatus {
        let engine = self.engine();
        let serving = engine.serving();
        let m = serving.generation.manifest();
        let fresh = engine.freshness(&serving.generation, self.now());
        // Internal lists from the lists generation, the rest from the generation (they differ
        // after a rollback); a centre sees only its own list and its clients' lists.
        let lists = [&serving.lists, &serving.generation]
            .into_iter()
            .enumerate()
            .flat_map(|(i, g)| {
                g.manifest().lists.iter().filter(move |l| {
                    let internal = matches!(l.kind, ListKind::CentreDnc | ListKind::ClientDnc);
                    internal == (i == 0)
                })
            })
            .filter(|l| match &l.kind {
                ListKind::CentreDnc => l.owner == who.centre.as_str(),
                _ => ClientId::new(&l.owner).is_ok_and(|c| who.serves(&c)),
            })
            .map(|l| {
                let (list, category) = match &l.kind {
                    ListKind::CentreDnc => ("centre_dnc", String::new()),
                    ListKind::ClientDnc => ("client_dnc", String::new()),
                    ListKind::Express => ("express", String::new()),
                    ListKind::Customers { category } => ("customers", category.to_string()),
                };
                ListStatus {
                    list,
                    owner: l.owner.clone(),
                    category,
                    numbers: l.count,
                    source_reference: l.source_reference.clone(),
                }
            })
            .collect();
        ServiceStatus {
            generation_id: m.id.clone(),
            generation_built: m.created_at,
            snapshot_date: m.national.snapshot_date,
            snapshot_age_days: fresh.age_days,
            snapshot_stale: fresh.stale,
            snapshot_stale_from: fresh.stale_from,
            national_numbers: m.national.numbers,
            national_persons: m.national.persons,
            lists,
            live_operations: self.visible_live_operations(who) as u64,
            uptime_seconds: self.uptime().as_secs(),
            version: VERSION,
        }
    }
}

/// A change to an internal list the principal may see, newest first in
/// [`App::recent_reservations`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReservationChange {
    /// The number, `+<E.164>`.
    pub number: String,
    /// The change (list, added or removed, who, why, when).
    pub event: HistoryEvent,
}

impl App {
    /// The latest `limit` API changes (opt-outs and removals) to `who`'s centre list and its
    /// clients' lists, newest first, as [`HistoryEvent`]s (another centre's actor and reason
    /// on a shared client list left out). Blocking (reads the journal and its archive).
    pub fn recent_reservations(
        &self,
        who: &Principal,
        limit: usize,
    ) -> Result<Vec<ReservationChange>, RequestError> {
        let records = journal::read_all(&self.config().journal).map_err(|e| {
            tracing::error!(error = %e, "reading the journal history failed");
            RequestError::Unavailable("could not read the reservation history; retry".into())
        })?;
        Ok(records
            .into_iter()
            .rev()
            .filter(|r| match &r.entry.list {
                InternalList::Centre(c) => *c == who.centre,
                InternalList::Client(c) => who.serves(c),
            })
            .take(limit)
            .map(|r| ReservationChange {
                number: format!("+{}", r.entry.number),
                event: HistoryEvent::of_record(who, r),
            })
            .collect())
    }
}
