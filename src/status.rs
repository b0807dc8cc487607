//! What a principal may read of the service's state, for the front ends that show it (the
//! gRPC Status, the web console): the serving generation and the national snapshot's
//! freshness, the lists of its own centre and its clients with counts and source references,
//! its washes of a day, the recent changes to its internal lists, and the proof-of-wash trail
//! of its centre filtered by client, campaign and date. A centre never sees another centre's
//! lists, opt-outs or records: the tenancy rule is here, once, not in each front end.

use std::io::Write;

use chrono::{DateTime, NaiveDate, Utc};

use crate::app::{App, HistoryEvent};
use crate::audit::{self, AuditRecord, Entry};
use crate::auth::Principal;
use crate::build;
use crate::domain::{ClientId, InternalList};
use crate::error::RequestError;
use crate::generation::ListKind;
use crate::journal::{self, Op};

/// A list a principal may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListSummary {
    /// `centre_dnc`, `client_dnc`, `express` or `customers`.
    pub list: &'static str,
    /// The centre or client owning it.
    pub owner: String,
    /// The product category (customers only).
    pub category: String,
    /// Distinct numbers on it.
    pub numbers: u64,
    /// Where it came from (norm 4.2 a).
    pub source_reference: String,
}

/// The service's state as a principal may see it.
#[derive(Debug, Clone)]
pub struct Status {
    /// The generation served.
    pub generation_id: String,
    /// When it was built (the last successful rebuild).
    pub generation_built: DateTime<Utc>,
    /// The generation ids kept in the store, newest last.
    pub generations_kept: Vec<String>,
    /// National snapshot date.
    pub snapshot_date: NaiveDate,
    /// Its age in days.
    pub snapshot_age_days: i64,
    /// The first day on which washing is refused as stale.
    pub snapshot_stale_from: NaiveDate,
    /// Already stale.
    pub snapshot_stale: bool,
    /// Numbers reserved in the national register.
    pub national_numbers: u64,
    /// Persons reserved in the national register.
    pub national_persons: u64,
    /// The lists of the principal's centre and clients.
    pub lists: Vec<ListSummary>,
    /// Live opt-outs on those lists not yet folded into a generation.
    pub live_operations: usize,
}

/// The serving state for `who` at `now`.
pub fn status(app: &App, who: &Principal, now: DateTime<Utc>) -> Status {
    let engine = app.engine();
    let serving = engine.serving();
    let m = serving.generation.manifest();
    let fresh = engine.freshness(&serving.generation, now);
    // Internal lists from the lists generation (a rollback keeps them), the rest from the
    // served one.
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
            ListSummary {
                list,
                owner: l.owner.clone(),
                category,
                numbers: l.count,
                source_reference: l.source_reference.clone(),
            }
        })
        .collect();
    Status {
        generation_id: m.id.clone(),
        generation_built: m.created_at,
        generations_kept: app.store().list().unwrap_or_default(),
        snapshot_date: fresh.snapshot_date,
        snapshot_age_days: fresh.age_days,
        snapshot_stale_from: fresh.stale_from,
        snapshot_stale: fresh.stale,
        national_numbers: m.national.numbers,
        national_persons: m.national.persons,
        lists,
        live_operations: app.visible_live_operations(who),
    }
}

/// A change to an internal list the principal may see, newest first in
/// [`recent_reservations`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReservationChange {
    /// The number, `+<E.164>`.
    pub number: String,
    /// The change (list, added or removed, who, why, when).
    pub event: HistoryEvent,
}

/// The latest `limit` API changes (opt-outs and removals) to the principal's centre list and
/// its clients' lists, newest first. Blocking (reads the journal and its archive).
pub fn recent_reservations(
    app: &App,
    who: &Principal,
    limit: usize,
) -> Result<Vec<ReservationChange>, RequestError> {
    let records = journal::read_all(&app.config().journal).map_err(|e| {
        tracing::error!(error = %e, "reading the journal history failed");
        RequestError::Unavailable("could not read the reservation history; retry".into())
    })?;
    Ok(records
        .into_iter()
        .rev()
        .filter_map(|r| {
            let list = build::internal_list(&r.entry.list).ok()?;
            let visible = match &list {
                InternalList::Centre(c) => *c == who.centre,
                InternalList::Client(c) => who.serves(c),
            };
            visible.then(|| ReservationChange {
                number: format!("+{}", r.entry.number),
                event: HistoryEvent {
                    seq: r.seq,
                    list: list.to_string(),
                    added: r.entry.op == Op::Add,
                    source: "api",
                    actor: r.entry.actor,
                    reason: r.entry.reason,
                    at: Some(r.entry.at),
                },
            })
        })
        .take(limit)
        .collect())
}

/// Which proof-of-wash records to read: all of the principal's centre, narrowed by client,
/// campaign and the day range (in the country's time zone, both ends included).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProofQuery {
    /// Only this client (must be one the principal serves).
    pub client: Option<String>,
    /// Only campaigns whose id contains this (case-insensitive).
    pub campaign: Option<String>,
    /// From this day.
    pub from: Option<NaiveDate>,
    /// To this day.
    pub to: Option<NaiveDate>,
    /// Washes only (not Explains and console actions).
    pub washes_only: bool,
}

/// The records of the audit trail `who` may read that match `q`, oldest first. The chain is
/// checked as the trail is read: a broken trail is an error, never a partial answer.
/// Blocking (reads the trail).
pub fn proofs(app: &App, who: &Principal, q: &ProofQuery) -> Result<Vec<Entry>, RequestError> {
    let client = match q.client.as_deref().filter(|c| !c.trim().is_empty()) {
        Some(c) => Some(who.client("client", c.trim())?),
        None => None,
    };
    let campaign = q
        .campaign
        .as_deref()
        .map(|c| c.trim().to_lowercase())
        .filter(|c| !c.is_empty());
    let policy = app.engine().policy();
    let entries =
        audit::read(&app.config().audit, app.config().audit_key.as_ref()).map_err(|e| {
            tracing::error!(error = %e, "reading the audit trail failed");
            RequestError::Unavailable(format!("could not read the audit trail: {e}"))
        })?;
    Ok(entries
        .into_iter()
        .filter(|e| {
            let r = &e.record;
            let day = policy.today(r.at());
            r.centre() == who.centre.as_str()
                && client.as_ref().is_none_or(|c| r.client() == c.as_str())
                && q.from.is_none_or(|f| day >= f)
                && q.to.is_none_or(|t| day <= t)
                && (!q.washes_only || matches!(r, AuditRecord::Wash(_)))
                && campaign.as_ref().is_none_or(|c| {
                    let id = match r {
                        AuditRecord::Wash(w) => &w.campaign,
                        AuditRecord::Explain(x) => &x.campaign,
                        AuditRecord::Console(_) => return false,
                    };
                    id.to_lowercase().contains(c.as_str())
                })
        })
        .collect())
}

/// The washes of the principal's centre on `day` (in the country's time zone).
pub fn washes_on(app: &App, who: &Principal, day: NaiveDate) -> Result<usize, RequestError> {
    let q = ProofQuery {
        from: Some(day),
        to: Some(day),
        washes_only: true,
        ..ProofQuery::default()
    };
    Ok(proofs(app, who, &q)?.len())
}

/// Writes wash records as CSV (one row per wash: seq, wash id, times, who, for whom, source
/// reference, counts, generation, snapshot date, input SHA-256). Other records are skipped.
pub fn write_washes_csv<W: Write>(entries: &[Entry], out: W) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "seq",
        "wash_id",
        "at",
        "calls_at",
        "via",
        "centre",
        "key_or_user",
        "client",
        "campaign",
        "purpose",
        "caller",
        "category",
        "source_reference",
        "numbers",
        "allowed",
        "counts",
        "generation",
        "snapshot_date",
        "input_sha256",
        "chain",
    ])?;
    for e in entries {
        let AuditRecord::Wash(r) = &e.record else {
            continue;
        };
        let counts = r
            .counts
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("|");
        w.write_record([
            e.seq.to_string().as_str(),
            &r.wash_id,
            &r.at.to_rfc3339(),
            &r.calls_at.to_rfc3339(),
            &r.via,
            &r.centre,
            &r.key_id,
            &r.client,
            &r.campaign,
            &r.purpose,
            &r.caller,
            &r.category,
            &r.source_reference,
            &r.numbers.to_string(),
            &r.allowed.to_string(),
            &counts,
            &r.generation,
            &r.snapshot_date,
            &r.input_sha256,
            &e.chain,
        ])?;
    }
    w.flush()?;
    Ok(())
}
