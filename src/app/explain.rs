//! Explain (every list and relationship of one number for a campaign, with its history and
//! an audit record) and the calling window.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::{App, CampaignParams, JournalAccess, new_id};
use crate::audit::{AuditRecord, ExplainRecord};
use crate::auth::Principal;
use crate::calendar::{CallingPolicy, WindowStatus};
use crate::domain::{ClientId, InternalList};
use crate::engine::{Explanation, Serving};
use crate::error::RequestError;
use crate::journal::{self, Op};
use crate::person::{PersonQuery, Strictness};

/// How many entries of a number's history Explain shows (the newest); a key that adds one
/// number thousands of times must not make its Explain slow or too large to answer.
pub const HISTORY_SHOWN: usize = 100;

/// One entry of a number's history on the lists a caller may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEvent {
    /// The journal seq (0 for a delivery).
    pub seq: u64,
    /// `centre:<id>` or `client:<id>`.
    pub list: String,
    /// Added (true) or removed.
    pub added: bool,
    /// `api` or `delivery`.
    pub source: &'static str,
    /// Made by another centre than the caller's (on a client's list that several centres
    /// share): then `actor` and `reason` are empty, never another tenant's free text.
    pub other_centre: bool,
    /// Who (API entries of the caller's own centre only).
    pub actor: String,
    /// Why (API entries of the caller's own centre), or the delivery's source reference.
    pub reason: String,
    /// When, if known.
    pub at: Option<DateTime<Utc>>,
}

impl HistoryEvent {
    /// A journal record as `who` may see it. A centre's own list is only ever changed by the
    /// centre; on a client's list (shared by every centre calling for the client) another
    /// centre's actor and reason are left out, and an entry of unknown origin (written before
    /// origins were kept) counts as another centre's.
    pub(crate) fn of_record(who: &Principal, r: journal::Record) -> HistoryEvent {
        let own = r.entry.list == InternalList::Centre(who.centre.clone())
            || r.entry.by.as_ref() == Some(&who.centre);
        HistoryEvent {
            seq: r.seq,
            list: r.entry.list.to_string(),
            added: r.entry.op == Op::Add,
            source: "api",
            other_centre: !own,
            actor: if own { r.entry.actor } else { String::new() },
            reason: if own { r.entry.reason } else { String::new() },
            at: Some(r.entry.at),
        }
    }
}

/// What Explain answers.
#[derive(Debug, Clone)]
pub struct Explained {
    /// The number, `+<E.164>`, if one was given.
    pub normalised: Option<String>,
    /// Verdict, lists, live operations.
    pub explanation: Explanation,
    /// The number's history on the lists the caller may see: its newest
    /// `HISTORY_SHOWN` (100) entries.
    pub history: Vec<HistoryEvent>,
    /// How many older entries are left out of `history`.
    pub history_omitted: u64,
    /// Generation id.
    pub generation_id: String,
    /// National snapshot date.
    pub snapshot_date: String,
    /// The audit record's id.
    pub audit_id: String,
}

impl App {
    /// Explains one number (or a person) for a campaign: every list and relationship that
    /// applies, the live opt-outs, the history the caller may see, and the verdict. Obeys the
    /// freshness guard as a wash does and leaves an audit record (with a keyed hash of the
    /// number, never the number). Blocking (reads the journal).
    pub fn explain(
        &self,
        who: &Principal,
        p: &CampaignParams,
        number: &str,
        person: Option<&PersonQuery>,
        strictness: Option<Strictness>,
        via: &str,
    ) -> Result<Explained, RequestError> {
        let serving = self.engine.serving();
        let checked = self.check(who, p, &serving)?;
        let number = if number.trim().is_empty() && person.is_some() {
            None
        } else {
            Some(
                self.engine
                    .normaliser()
                    .normalise(number)
                    .map_err(|e| RequestError::invalid("number", e.to_string()))?,
            )
        };
        let strictness = strictness.unwrap_or(self.config.person_strictness);
        let matched = person
            .zip(serving.generation.persons.as_ref())
            .and_then(|(q, index)| {
                let m = index.find(q, strictness)?;
                let evidence = index.evidence(q, &m, strictness);
                Some((m, evidence))
            });
        // "No match" from an index a lookup found malformed is no answer.
        if let Some(e) = serving.damage() {
            return Err(RequestError::Unavailable(e.to_string()));
        }
        let e164 = number.map(|n| n.e164());
        let explanation = self.engine.explain(
            &serving,
            &checked.request,
            e164,
            matched.as_ref().map(|(m, e)| (m, e)),
        );
        let (history, history_omitted) = match e164 {
            Some(n) => self.history(who, &checked.request.client, n, &serving)?,
            None => (Vec::new(), 0),
        };
        let audit_id = new_id('x', self.clock.now());
        let request = &checked.request;
        let record = AuditRecord::Explain(ExplainRecord {
            audit_id: audit_id.clone(),
            at: self.clock.now(),
            calls_at: request.at,
            via: via.to_owned(),
            centre: request.centre.to_string(),
            key_id: who.id.clone(),
            client: request.client.to_string(),
            campaign: checked.campaign_id.clone(),
            purpose: request.campaign.purpose.name().to_owned(),
            caller: request.campaign.caller.name().to_owned(),
            category: request
                .campaign
                .category
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            number_hash: e164
                .map(|n| self.audit.key().number_hash(n))
                .unwrap_or_default(),
            person: person.is_some(),
            verdict: explanation.reasons.0,
            generation: serving.generation.id().to_owned(),
            snapshot_date: serving
                .generation
                .manifest()
                .national
                .snapshot_date
                .to_string(),
        });
        self.audit.append(&record).map_err(|e| {
            tracing::error!(error = %e, "audit append failed");
            RequestError::Unavailable(
                "could not record the proof of this Explain; nothing was answered, retry".into(),
            )
        })?;
        Ok(Explained {
            normalised: number.map(|n| n.to_string()),
            explanation,
            history,
            history_omitted,
            generation_id: serving.generation.id().to_owned(),
            snapshot_date: serving
                .generation
                .manifest()
                .national
                .snapshot_date
                .to_string(),
            audit_id,
        })
    }

    /// A number's history on the caller's centre list and the client's list: every API add
    /// and removal from the journal, and the delivery that holds it now; the newest
    /// `HISTORY_SHOWN` (100) of them, and how many older ones are left out.
    fn history(
        &self,
        who: &Principal,
        client: &ClientId,
        number: u64,
        serving: &Serving,
    ) -> Result<(Vec<HistoryEvent>, u64), RequestError> {
        let centre = InternalList::Centre(who.centre.clone());
        let client_list = InternalList::Client(client.clone());
        let on_its_lists =
            |r: &journal::Record| r.entry.list == centre || r.entry.list == client_list;
        let (records, older) = match &self.journal {
            JournalAccess::Writer(j) => j.history_newest(number, on_its_lists, HISTORY_SHOWN),
            JournalAccess::Reader => {
                let mut all: Vec<journal::Record> = journal::read_all(&self.config.journal)
                    .map_err(|e| {
                        tracing::error!(error = %e, "reading the journal history failed");
                        RequestError::Unavailable(
                            "could not read the reservation history; retry".into(),
                        )
                    })?
                    .into_iter()
                    .filter(|r| r.entry.number == number && on_its_lists(r))
                    .collect();
                let older = all.len().saturating_sub(HISTORY_SHOWN);
                (all.split_off(older), older)
            }
        };
        let mut out: Vec<HistoryEvent> = records
            .into_iter()
            .map(|r| HistoryEvent::of_record(who, r))
            .collect();
        // The delivery that holds the number now, on each of the two lists.
        let lists = &*serving.lists;
        let on = [
            (centre, lists.centres.get(&who.centre)),
            (
                client_list,
                lists.clients.get(client).and_then(|c| c.dnc.as_ref()),
            ),
        ];
        for (name, list) in on {
            let Some(list) = list else { continue };
            for (_, via) in lists.list_values(list, number, None) {
                if via == Some(crate::generation::VIA_API) {
                    continue;
                }
                let info = lists.list_info(list);
                out.push(HistoryEvent {
                    seq: 0,
                    list: name.to_string(),
                    added: true,
                    source: "delivery",
                    other_centre: false,
                    actor: String::new(),
                    reason: info.source_reference.clone(),
                    at: info.delivered_at,
                });
            }
        }
        out.sort_by_key(|e| e.at);
        // The deliveries may push the oldest journal entries out.
        let over = out.len().saturating_sub(HISTORY_SHOWN);
        out.drain(..over);
        Ok((out, (older + over) as u64))
    }

    /// The calling policy of a country (ISO code) or of a number's country, and the window at
    /// `at` (default now).
    pub fn call_window(
        &self,
        country: &str,
        number: &str,
        at: Option<DateTime<Utc>>,
    ) -> Result<(&CallingPolicy, WindowStatus), RequestError> {
        let at = at.unwrap_or_else(|| self.clock.now());
        let calendars = &self.config.calendars;
        let country = if !country.trim().is_empty() {
            country.trim().to_ascii_uppercase()
        } else if !number.trim().is_empty() {
            let n = self
                .engine
                .normaliser()
                .normalise(number)
                .map_err(|e| RequestError::invalid("number", e.to_string()))?;
            n.region()
                .ok_or_else(|| {
                    RequestError::NotFound(format!(
                        "no calling-window policy for the country of {n}"
                    ))
                })?
                .to_owned()
        } else {
            return Err(RequestError::invalid(
                "country",
                "give a country or a number",
            ));
        };
        let policy = calendars.get(&country).ok_or_else(|| {
            RequestError::NotFound(format!(
                "no calling-window policy for country {country:?}; add a [[calling_policy]] to the config"
            ))
        })?;
        Ok((policy, policy.check(at)))
    }

    /// The clients a principal may see lists of, for status pages.
    pub fn visible_clients(&self, who: &Principal) -> BTreeSet<ClientId> {
        who.clients().cloned().collect()
    }

    /// Live operations on the lists a principal may see.
    pub fn visible_live_operations(&self, who: &Principal) -> usize {
        let mut lists = vec![InternalList::Centre(who.centre.clone())];
        lists.extend(who.clients().cloned().map(InternalList::Client));
        self.engine.live().len_of(&lists)
    }
}
