//! The engine: the current generation, the live opt-outs over it, and washing numbers against
//! both with the rules in [`rules`].
//!
//! The generation sits in an `ArcSwap`: a wash takes the current one once (all of a request is
//! washed against one generation, whose id it reports), and [`Engine::swap`] publishes a new
//! one without blocking or failing washes in flight.

pub mod live;
pub mod rules;

use std::sync::{Arc, Mutex, Weak};

use arc_swap::ArcSwap;
use chrono::{DateTime, Months, NaiveDate, Utc};

use crate::build::InternalList;
use crate::domain::{Campaign, CentreId, ClientId, Day, Purpose, from_day, to_day};
use crate::generation::{Generation, List, NationalMeta, unpack_days};
use crate::number::{Normaliser, NumberError};
use crate::person::{
    MatchKind, PersonEvidence, PersonMatch, PersonQuery, PersonScratch, Strictness,
};
pub use live::{Live, LiveOp};
pub use rules::{Context, Facts, Reasons};

/// The per-country rules that are policy rather than law of nature.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CountryPolicy {
    /// ISO 3166 alpha-2 of the register's country; also the default region for numbers.
    pub region: String,
    /// Time zone in which "today" is decided.
    pub time_zone: chrono_tz::Tz,
    /// A national snapshot older than this many months may not be washed against.
    pub snapshot_max_age_months: u32,
    /// Days after a customer relationship ends during which it still exempts (sales).
    pub customer_window_days: u32,
    /// Days after the last gift during which a donor relationship exempts (fundraising).
    pub donor_window_days: u32,
}

impl CountryPolicy {
    /// Norway: a wash no older than one month (norm 10), ongoing customer relationships only,
    /// donors within three years of a gift.
    pub fn norway() -> CountryPolicy {
        CountryPolicy {
            region: "NO".into(),
            time_zone: chrono_tz::Europe::Oslo,
            snapshot_max_age_months: 1,
            customer_window_days: 0,
            donor_window_days: 3 * 365 + 1,
        }
    }

    /// The local day of an instant.
    pub fn today(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.time_zone).date_naive()
    }

    /// How old a snapshot of `snapshot_date` is at `at`, and whether that is too old.
    pub fn freshness(&self, snapshot_date: NaiveDate, at: DateTime<Utc>) -> Freshness {
        let today = self.today(at);
        let limit = snapshot_date
            .checked_add_months(Months::new(self.snapshot_max_age_months))
            .unwrap_or(NaiveDate::MAX);
        Freshness {
            snapshot_date,
            age_days: (today - snapshot_date).num_days(),
            stale: today > limit,
        }
    }
}

/// How old the national snapshot is at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    /// The snapshot date.
    pub snapshot_date: NaiveDate,
    /// Its age in days.
    pub age_days: i64,
    /// Past the country's limit: washing must be refused.
    pub stale: bool,
}

/// One wash request's fixed inputs.
#[derive(Debug, Clone)]
pub struct WashRequest {
    /// The centre washing (from its API key).
    pub centre: CentreId,
    /// The client the campaign is for.
    pub client: ClientId,
    /// Purpose, caller kind, product category.
    pub campaign: Campaign,
    /// When the calls will be made.
    pub at: DateTime<Utc>,
}

/// The engine.
pub struct Engine {
    current: ArcSwap<Generation>,
    /// Generations handed out, to know which journal records every one of them has folded.
    handed_out: Mutex<Vec<Weak<Generation>>>,
    live: Live,
    normaliser: Normaliser,
    policy: CountryPolicy,
}

/// Numbers whose bitset probes are issued together before any of them is decided: one `u64`
/// of probe bits, and enough independent misses to fill the CPU's queue of outstanding loads.
const PROBE_RUN: usize = 64;

/// The request's lists, resolved once per batch.
pub struct Resolved<'a> {
    generation: &'a Generation,
    centre: Option<&'a List>,
    client_dnc: Option<&'a List>,
    express: Option<&'a List>,
    customers: Option<&'a List>,
    live: live::LiveView,
    context: Context,
}

impl Resolved<'_> {
    /// Decides numbers (0 for an invalid one, which gets [`Reasons::INVALID`]); appends one
    /// reason code per number to `out`.
    ///
    /// Most numbers are on no list and have no live opt-out: one probe of the generation's
    /// union of lists (and of the live filter) settles that, and the rules then see "not on
    /// it" for every list without a lookup.
    ///
    /// A batch's numbers are spread over the national register and the union of lists, which
    /// together are larger than this machine's cache: washed one at a time, each number waits
    /// for its cache misses, because what follows branches on them. So the two bitsets are
    /// first probed for a run of numbers without branching on what they load (the CPU
    /// overlaps those misses, as in a plain `contains` loop), and then each number is decided
    /// with its lines in cache.
    pub fn decide_all(&self, numbers: &[u64], out: &mut Vec<u32>) {
        let g = self.generation;
        out.reserve(numbers.len());
        for run in numbers.chunks(PROBE_RUN) {
            let (mut national, mut listed, mut live) = (0u64, 0u64, 0u64);
            for (i, &n) in run.iter().enumerate() {
                national |= u64::from(g.national.contains(n)) << i;
                listed |= u64::from(g.listed.contains(n)) << i;
            }
            // The live filter is small and cached: a pass of its own keeps the loop above short,
            // so more of its misses are in flight at once.
            for (i, &n) in run.iter().enumerate() {
                live |= u64::from(self.live.maybe(n)) << i;
            }
            for (i, &n) in run.iter().enumerate() {
                out.push(if n == 0 {
                    Reasons::INVALID
                } else {
                    let bit = |mask: u64| (mask >> i) & 1 == 1;
                    self.decide_probed(n, bit(national), bit(listed), bit(live))
                        .0
                });
            }
        }
    }

    #[inline]
    fn decide_probed(&self, number: u64, national: bool, listed: bool, live: bool) -> Reasons {
        let facts = NumberFacts {
            resolved: self,
            national,
            listed,
            rank: self.rank(number, listed),
            live,
            person: 0,
        };
        rules::decide(&facts, number, &self.context)
    }

    /// The rank of a listed number in the union of lists, where that is ranked.
    #[inline]
    fn rank(&self, number: u64, listed: bool) -> Option<u32> {
        self.generation
            .union_rank
            .as_ref()
            .filter(|_| listed)
            .and_then(|r| r.rank(number))
    }

    /// Decides one lead: a valid number (or none) and the person the lead names, if any.
    pub fn decide_lead(&self, number: Option<u64>, person: Option<&PersonMatch>) -> Reasons {
        let n = number.unwrap_or(0);
        let g = self.generation;
        let listed = number.is_some() && g.listed.contains(n);
        let facts = NumberFacts {
            resolved: self,
            national: number.is_some() && g.national.contains(n),
            listed,
            rank: self.rank(n, listed),
            live: number.is_some() && self.live.maybe(n),
            person: person.map_or(0, |m| m.payload),
        };
        let mut r = rules::decide(&facts, n, &self.context);
        if r.has(Reasons::PERSON_MATCH) && person.is_some_and(|m| m.kind == MatchKind::Fuzzy) {
            r.0 |= Reasons::PERSON_FUZZY;
        }
        r
    }
}

/// The facts of one number: [`Resolved`] plus what the probes of [`Resolved::decide_all`] found.
struct NumberFacts<'r, 'a> {
    resolved: &'r Resolved<'a>,
    /// In the national register (its telephone reservations).
    national: bool,
    /// On some list of the generation.
    listed: bool,
    /// Its rank in the union of lists, when ranked (dense lists answer by it).
    rank: Option<u32>,
    /// May have a live operation.
    live: bool,
    /// The payload of the lead's matched reserved person (see [`crate::build::person_payload`]),
    /// 0 for none.
    person: u8,
}

impl NumberFacts<'_, '_> {
    #[inline]
    fn on(&self, list: Option<&List>, which: usize, number: u64) -> bool {
        if self.live
            && let Some(added) = self.resolved.live.state(which, number)
        {
            return added;
        }
        self.listed && list.is_some_and(|l| l.contains(number, self.rank))
    }

    #[inline]
    fn value(&self, list: Option<&List>, number: u64) -> Option<(Option<Day>, Option<Day>)> {
        let list = list.filter(|_| self.listed)?;
        self.resolved
            .generation
            .list_value(list, number, self.rank)
            .map(unpack_days)
    }
}

impl Facts for NumberFacts<'_, '_> {
    #[inline]
    fn on_centre_list(&self, number: u64) -> bool {
        self.on(self.resolved.centre, 0, number)
    }
    #[inline]
    fn on_client_list(&self, number: u64) -> bool {
        self.on(self.resolved.client_dnc, 1, number)
    }
    #[inline]
    fn in_national_register(&self, number: u64, voluntary: bool) -> bool {
        if voluntary {
            self.resolved.generation.national_voluntary.contains(number)
        } else {
            self.national
        }
    }
    fn express_request(&self, number: u64) -> Option<(Option<Day>, Option<Day>)> {
        self.value(self.resolved.express, number)
    }
    fn customer_relationship(&self, number: u64) -> Option<(Option<Day>, Option<Day>)> {
        self.value(self.resolved.customers, number)
    }
    #[inline]
    fn person_reserved(&self, voluntary: bool) -> bool {
        self.person & 1 != 0 && (!voluntary || self.person & 2 != 0)
    }
}

/// One lead: a number as written (may be empty when a person is given) and a person.
#[derive(Debug, Clone, Copy)]
pub struct Lead<'a> {
    /// The number as written.
    pub number: &'a str,
    /// The person the lead names, if any.
    pub person: Option<&'a PersonQuery>,
}

/// A list a number is on, for Explain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListHit {
    /// What the list is ("centre_dnc", "client_dnc", "customers", "express", "national_register").
    pub kind: &'static str,
    /// The owning centre or client ("" for the national register).
    pub owner: String,
    /// Source reference of the list.
    pub source_reference: String,
    /// Product category (customers only).
    pub category: Option<String>,
    /// Date added / started / requested / registered.
    pub since: Option<NaiveDate>,
    /// Date ended / expires.
    pub until: Option<NaiveDate>,
    /// Human-readable detail.
    pub detail: String,
}

/// Everything vask knows about one number for one centre and client.
#[derive(Debug, Clone)]
pub struct Explanation {
    /// The verdict for the campaign asked about.
    pub reasons: Reasons,
    /// Every list the number is on (the centre's and client's lists, and the national register).
    pub hits: Vec<ListHit>,
    /// Live opt-out operations not yet folded into the generation.
    pub live: Vec<(InternalList, LiveOp)>,
}

impl Engine {
    /// An engine serving `generation`.
    pub fn new(generation: Generation, normaliser: Normaliser, policy: CountryPolicy) -> Engine {
        let generation = Arc::new(generation);
        Engine {
            handed_out: Mutex::new(vec![Arc::downgrade(&generation)]),
            current: ArcSwap::new(generation),
            live: Live::default(),
            normaliser,
            policy,
        }
    }

    /// The current generation, held for the duration of a request.
    pub fn generation(&self) -> Arc<Generation> {
        self.current.load_full()
    }

    /// The country policy.
    pub fn policy(&self) -> &CountryPolicy {
        &self.policy
    }

    /// The normaliser for the default region.
    pub fn normaliser(&self) -> &Normaliser {
        &self.normaliser
    }

    /// The live opt-outs.
    pub fn live(&self) -> &Live {
        &self.live
    }

    /// Publishes a new generation to every later request; requests in flight finish on theirs.
    /// Returns the journal seq folded into every generation still in use.
    pub fn swap(&self, generation: Generation) -> u64 {
        let generation = Arc::new(generation);
        let mut handed = self
            .handed_out
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        handed.push(Arc::downgrade(&generation));
        self.current.store(generation);
        self.prune_locked(&mut handed)
    }

    fn prune_locked(&self, handed: &mut Vec<Weak<Generation>>) -> u64 {
        handed.retain(|g| g.strong_count() > 0);
        let folded = handed
            .iter()
            .filter_map(Weak::upgrade)
            .map(|g| g.manifest().journal_seq)
            .min()
            .unwrap_or(0);
        self.live.prune(folded);
        folded
    }

    /// Drops live operations that every generation still in use has folded in.
    pub fn prune_live(&self) -> u64 {
        let mut handed = self
            .handed_out
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        self.prune_locked(&mut handed)
    }

    /// Freshness of `generation`'s national snapshot at `at`.
    pub fn freshness(&self, generation: &Generation, at: DateTime<Utc>) -> Freshness {
        self.policy
            .freshness(generation.manifest().national.snapshot_date, at)
    }

    /// Resolves the request's lists in `generation`.
    pub fn resolve<'a>(&'a self, generation: &'a Generation, req: &WashRequest) -> Resolved<'a> {
        let client = generation.clients.get(&req.client);
        let customers = req
            .campaign
            .category
            .as_ref()
            .and_then(|c| client.and_then(|l| l.customers.get(c)));
        let relationship_window_days = match req.campaign.purpose {
            Purpose::Fundraising => self.policy.donor_window_days,
            Purpose::Sales | Purpose::MarketResearch => self.policy.customer_window_days,
        };
        Resolved {
            generation,
            centre: generation.centres.get(&req.centre),
            client_dnc: client.and_then(|c| c.dnc.as_ref()),
            express: client.and_then(|c| c.express.as_ref()),
            customers,
            live: self.live.view([
                &InternalList::Centre(req.centre.clone()),
                &InternalList::Client(req.client.clone()),
            ]),
            context: Context {
                purpose: req.campaign.purpose,
                caller: req.campaign.caller,
                today: to_day(self.policy.today(req.at)).unwrap_or(0),
                relationship_window_days,
            },
        }
    }

    /// Washes numbers given as E.164 integers; appends one reason code per number to `out`.
    pub fn wash_e164(&self, resolved: &Resolved<'_>, numbers: &[u64], out: &mut Vec<u32>) {
        let valid: Vec<u64> = numbers
            .iter()
            .map(|&n| self.normaliser.validate_e164(n).map_or(0, |n| n.e164()))
            .collect();
        resolved.decide_all(&valid, out);
    }

    /// Washes numbers as written; appends one reason code per number to `out`, and the
    /// normalised number (0 if invalid) to `normalised`.
    pub fn wash_raw<S: AsRef<str>>(
        &self,
        resolved: &Resolved<'_>,
        numbers: &[S],
        out: &mut Vec<u32>,
        normalised: &mut Vec<u64>,
    ) {
        let start = normalised.len();
        normalised.extend(numbers.iter().map(|raw| {
            self.normaliser
                .normalise(raw.as_ref())
                .map_or(0, |n| n.e164())
        }));
        resolved.decide_all(&normalised[start..], out);
    }

    /// Washes leads that may name a person: one reason code and normalised number (0 if none)
    /// per lead. A lead with a person may have an empty number; a lead without one needs a
    /// valid number.
    pub fn wash_leads(
        &self,
        resolved: &Resolved<'_>,
        leads: &[Lead<'_>],
        strictness: Strictness,
        out: &mut Vec<u32>,
        normalised: &mut Vec<u64>,
    ) {
        out.reserve(leads.len());
        normalised.reserve(leads.len());
        // Numbers first (a lead with a person may have none); then the persons of the leads
        // whose number is valid or absent, all at once, so that their index lookups overlap.
        let numbers: Vec<Result<Option<u64>, NumberError>> = leads
            .iter()
            .map(|lead| {
                let number = lead.number.trim();
                if number.is_empty() && lead.person.is_some() {
                    Ok(None)
                } else {
                    self.normaliser.normalise(number).map(|n| Some(n.e164()))
                }
            })
            .collect();
        let mut matches = Vec::new();
        if let Some(index) = resolved.generation.persons.as_ref() {
            let queries: Vec<&PersonQuery> = leads
                .iter()
                .zip(&numbers)
                .filter(|(_, number)| number.is_ok())
                .filter_map(|(lead, _)| lead.person)
                .collect();
            index.find_all(
                &queries,
                strictness,
                &mut PersonScratch::default(),
                &mut matches,
            );
        }
        // One match per queried lead, in order.
        let mut matches = matches.into_iter();
        for (lead, number) in leads.iter().zip(numbers) {
            let Ok(number) = number else {
                out.push(Reasons::INVALID);
                normalised.push(0);
                continue;
            };
            let matched = lead.person.and_then(|_| matches.next().flatten());
            out.push(resolved.decide_lead(number, matched.as_ref()).0);
            normalised.push(number.unwrap_or(0));
        }
    }

    /// Every list a number is on for the request's centre and client, and the verdict.
    /// With a person match, how the lead matched a reserved person is one of the hits: the
    /// lead's own fields and how each agreed, never the register's data about the person.
    pub fn explain(
        &self,
        generation: &Generation,
        req: &WashRequest,
        number: Option<u64>,
        person: Option<(&PersonMatch, &PersonEvidence)>,
    ) -> Explanation {
        let resolved = self.resolve(generation, req);
        let reasons = resolved.decide_lead(number, person.map(|p| p.0));
        let mut hits = Vec::new();
        let date = |d: Option<Day>| d.map(from_day);
        if let Some((_, evidence)) = person {
            hits.push(ListHit {
                kind: "national_register_person",
                owner: String::new(),
                source_reference: generation.manifest().national.source_reference.clone(),
                category: None,
                since: None,
                until: None,
                detail: format!(
                    "{evidence}; a reserved person of the register snapshot {}, record {}/{}",
                    generation.manifest().national.snapshot_date,
                    generation.id(),
                    evidence.record,
                ),
            });
        }
        let Some(number) = number else {
            return Explanation {
                reasons,
                hits,
                live: Vec::new(),
            };
        };
        if let Some(NationalMeta {
            voluntary,
            registered,
        }) = generation.national_meta(number)
        {
            hits.push(ListHit {
                kind: "national_register",
                owner: String::new(),
                source_reference: generation.manifest().national.source_reference.clone(),
                category: None,
                since: date(registered),
                until: None,
                detail: format!(
                    "reserved against telephone marketing ({} voluntary organisations); snapshot {}",
                    if voluntary { "also" } else { "not" },
                    generation.manifest().national.snapshot_date
                ),
            });
        }
        let client = generation.clients.get(&req.client);
        let mut lists: Vec<&List> = Vec::new();
        lists.extend(generation.centres.get(&req.centre));
        if let Some(c) = client {
            lists.extend(c.dnc.iter().chain(c.express.iter()));
            let mut customers: Vec<&List> = c.customers.values().collect();
            customers.sort_by_key(|l| l.no);
            lists.extend(customers);
        }
        for list in lists {
            let Some(value) = generation.list_value(list, number, None) else {
                continue;
            };
            let info = generation.list_info(list);
            let (a, b) = unpack_days(value);
            use crate::generation::ListKind;
            let (kind, category, detail) = match &info.kind {
                ListKind::CentreDnc => ("centre_dnc", None, "centre's internal list".to_owned()),
                ListKind::ClientDnc => ("client_dnc", None, "client's internal list".to_owned()),
                ListKind::Express => ("express", None, "express request to be called".to_owned()),
                ListKind::Customers { category } => (
                    "customers",
                    Some(category.to_string()),
                    format!("customer relationship in {category}"),
                ),
            };
            hits.push(ListHit {
                kind,
                owner: info.owner.clone(),
                source_reference: info.source_reference.clone(),
                category,
                since: date(a),
                until: date(b),
                detail,
            });
        }
        let centre_key = InternalList::Centre(req.centre.clone());
        let client_key = InternalList::Client(req.client.clone());
        let live = self
            .live
            .ops_for(number)
            .into_iter()
            .filter(|(l, _)| *l == centre_key || *l == client_key)
            .collect();
        Explanation {
            reasons,
            hits,
            live,
        }
    }
}
