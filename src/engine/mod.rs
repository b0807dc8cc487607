//! The engine: the generation being served, the live opt-outs over it, and washing numbers
//! against both with the rules in [`rules`].
//!
//! What is served is a [`Serving`]: a generation, and the generation whose internal lists are
//! used with it. The two are the same but after a rollback: internal lists never go back in
//! time (`docs/domain.md`, "Internal lists over time"), so a rolled-back generation is served
//! with the internal lists of the newest one, and the live overlay holds every journal record
//! that those lists have not folded in. The serving pair sits in an `ArcSwap`: a wash takes it
//! once (all of a request is washed against one pair, whose id it reports), and
//! [`Engine::swap`] publishes a new one without blocking or failing washes in flight.

pub mod live;
pub mod rules;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, Weak};

use arc_swap::ArcSwap;
use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::{
    Campaign, Category, CentreId, ClientId, Day, InternalList, Purpose, from_day, to_day,
};
use crate::generation::{Generation, List, ListValues, NationalMeta, VIA_API};
use crate::number::{Normaliser, NumberError};
use crate::person::{
    MatchKind, PersonEvidence, PersonMatch, PersonQuery, PersonScratch, Strictness,
};
pub use crate::policy::{CountryPolicy, Freshness};
pub use live::{Live, LiveOp};
pub use rules::{Context, Facts, Interval, Reasons};

/// A generation and the generation whose internal lists are served with it.
#[derive(Debug, Clone)]
pub struct Serving {
    /// The national register, the persons, and the clients' customer and express lists.
    pub generation: Arc<Generation>,
    /// The centres' and clients' internal lists, and the journal watermark the live overlay
    /// continues from. The same as `generation` but after a rollback.
    pub lists: Arc<Generation>,
}

impl Serving {
    /// A generation served with its own internal lists.
    pub fn one(generation: Generation) -> Serving {
        let generation = Arc::new(generation);
        Serving {
            lists: generation.clone(),
            generation,
        }
    }

    /// Is a rolled-back generation served with newer internal lists?
    pub fn is_split(&self) -> bool {
        !Arc::ptr_eq(&self.generation, &self.lists)
    }

    /// Why the pair must not be washed against: a file of either generation was found changed
    /// on disk ([`Generation::check_files`]). `None` while both are intact.
    pub fn damage(&self) -> Option<crate::generation::GenerationError> {
        self.generation.damage().or_else(|| self.lists.damage())
    }

    /// Checks the files of both generations ([`Generation::check_files`]).
    pub fn check_files(&self) -> Result<(), crate::generation::GenerationError> {
        self.generation.check_files()?;
        if self.is_split() {
            self.lists.check_files()?;
        }
        Ok(())
    }

    /// The journal seq the internal lists have folded in: the live overlay applies every
    /// record after it.
    pub fn watermark(&self) -> u64 {
        self.lists.manifest().journal_seq
    }
}

/// One wash request's fixed inputs, as the wash session has checked them.
#[derive(Debug, Clone)]
pub struct WashRequest {
    /// The centre washing.
    pub centre: CentreId,
    /// The client the campaign is for.
    pub client: ClientId,
    /// Purpose (allowed for the client), the client's configured kind, product category.
    pub campaign: Campaign,
    /// The client's donor categories (used by a voluntary organisation's fundraising).
    pub donor_categories: BTreeSet<Category>,
    /// When the calls will be made; never before now.
    pub at: DateTime<Utc>,
}

/// What is served: the current [`Serving`] pair, swapped atomically on reload, and the live
/// opt-outs not yet folded into it.
pub struct Engine {
    current: ArcSwap<Serving>,
    /// Lists generations handed out, to know which journal records every one of them has
    /// folded in.
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
    /// Where the internal lists come from (the same as `generation` unless rolled back).
    lists: &'a Generation,
    split: bool,
    centre: Option<&'a List>,
    client_dnc: Option<&'a List>,
    express: Option<&'a List>,
    customers: Option<&'a List>,
    donors: Vec<&'a List>,
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
            // Rolled back: the internal lists are another generation's, with their own union.
            let mut listed_lists = listed;
            if self.split {
                listed_lists = 0;
                for (i, &n) in run.iter().enumerate() {
                    listed_lists |= u64::from(self.lists.listed.contains(n)) << i;
                }
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
                    self.decide_probed(n, bit(national), bit(listed), bit(listed_lists), bit(live))
                        .0
                });
            }
        }
    }

    #[inline]
    fn decide_probed(
        &self,
        number: u64,
        national: bool,
        listed: bool,
        listed_lists: bool,
        live: bool,
    ) -> Reasons {
        let facts = self.facts(number, national, listed, listed_lists, live, 0);
        rules::decide(&facts, number, &self.context)
    }

    #[inline]
    fn facts(
        &self,
        number: u64,
        national: bool,
        listed: bool,
        listed_lists: bool,
        live: bool,
        person: u8,
    ) -> NumberFacts<'_, '_> {
        let rank_g = rank(self.generation, number, listed);
        NumberFacts {
            resolved: self,
            national,
            listed,
            rank: rank_g,
            listed_lists,
            rank_lists: if self.split {
                rank(self.lists, number, listed_lists)
            } else {
                rank_g
            },
            live,
            person,
        }
    }

    /// Decides one lead: a valid number (or none) and the person the lead names, if any.
    pub fn decide_lead(&self, number: Option<u64>, person: Option<&PersonMatch>) -> Reasons {
        let n = number.unwrap_or(0);
        let valid = number.is_some();
        let listed = valid && self.generation.listed.contains(n);
        let listed_lists = if self.split {
            valid && self.lists.listed.contains(n)
        } else {
            listed
        };
        let facts = self.facts(
            n,
            valid && self.generation.national.contains(n),
            listed,
            listed_lists,
            valid && self.live.maybe(n),
            person.map_or(0, |m| m.payload),
        );
        let mut r = rules::decide(&facts, n, &self.context);
        if r.has(Reasons::PERSON_MATCH) && person.is_some_and(|m| m.kind == MatchKind::Fuzzy) {
            r.0 |= Reasons::PERSON_FUZZY;
        }
        r
    }
}

/// The rank of a listed number in a generation's union of lists, where that is ranked.
#[inline]
fn rank(generation: &Generation, number: u64, listed: bool) -> Option<u32> {
    generation
        .union_rank
        .as_ref()
        .filter(|_| listed)
        .and_then(|r| r.rank(number))
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
    /// On some list of the internal lists' generation (`listed` unless rolled back).
    listed_lists: bool,
    /// Its rank there.
    rank_lists: Option<u32>,
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
        self.listed_lists && list.is_some_and(|l| l.contains(number, self.rank_lists))
    }

    #[inline]
    fn values<'l>(&self, list: Option<&'l List>, number: u64) -> ListValues<'l> {
        match list.filter(|_| self.listed) {
            Some(list) => self
                .resolved
                .generation
                .list_values(list, number, self.rank),
            None => ListValues::One(None),
        }
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
    fn express_requests(&self, number: u64) -> impl Iterator<Item = Interval> {
        self.values(self.resolved.express, number)
    }
    fn customer_relationships(&self, number: u64) -> impl Iterator<Item = Interval> {
        self.values(self.resolved.customers, number)
    }
    fn donor_relationships(&self, number: u64) -> impl Iterator<Item = Interval> {
        self.resolved
            .donors
            .iter()
            .flat_map(move |l| self.values(Some(l), number))
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
    /// Internal lists: `api` (an opt-out taken through the API) or `delivery`; empty otherwise.
    pub via: &'static str,
    /// Internal lists from a delivery: when the delivery was imported, if it was.
    pub delivered_at: Option<DateTime<Utc>>,
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
    /// An engine serving `serving`.
    pub fn new(serving: Serving, normaliser: Normaliser, policy: CountryPolicy) -> Engine {
        Engine {
            handed_out: Mutex::new(vec![Arc::downgrade(&serving.lists)]),
            current: ArcSwap::from_pointee(serving),
            live: Live::default(),
            normaliser,
            policy,
        }
    }

    /// What is served now, held for the duration of a request.
    pub fn serving(&self) -> Arc<Serving> {
        self.current.load_full()
    }

    /// The current generation (its national register, persons, customers and express lists).
    pub fn generation(&self) -> Arc<Generation> {
        self.current.load().generation.clone()
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

    /// Publishes a new serving pair to every later request; requests in flight finish on
    /// theirs. The caller must have recorded in the live overlay every journal record after
    /// the new pair's watermark before (see `App::reload`). Returns the journal seq folded
    /// into every lists generation still in use.
    pub fn swap(&self, serving: Serving) -> u64 {
        let mut handed = self
            .handed_out
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        handed.push(Arc::downgrade(&serving.lists));
        self.current.store(Arc::new(serving));
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

    /// Drops live operations that every lists generation still in use has folded in.
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

    /// Resolves the request's lists in what is served.
    pub fn resolve<'a>(&'a self, serving: &'a Serving, req: &WashRequest) -> Resolved<'a> {
        let generation = &*serving.generation;
        let lists = &*serving.lists;
        let client = generation.clients.get(&req.client);
        let purpose = req.campaign.purpose;
        let voluntary = req.campaign.caller == crate::domain::CallerKind::Voluntary;
        let donors_apply = voluntary && purpose == Purpose::Fundraising;
        let is_donor = |c: &Category| donors_apply && req.donor_categories.contains(c);
        // The campaign's category: a customer relationship, unless it is one of a voluntary
        // organisation's donor categories in its fundraising (then the donor window applies).
        let customers = req
            .campaign
            .category
            .as_ref()
            .filter(|c| !is_donor(c))
            .and_then(|c| client.and_then(|l| l.customers.get(c)));
        let donors = match client {
            Some(l) if donors_apply => req
                .donor_categories
                .iter()
                .filter_map(|c| l.customers.get(c))
                .collect(),
            _ => Vec::new(),
        };
        Resolved {
            generation,
            lists,
            split: serving.is_split(),
            centre: lists.centres.get(&req.centre),
            client_dnc: lists.clients.get(&req.client).and_then(|c| c.dnc.as_ref()),
            express: client.and_then(|c| c.express.as_ref()),
            customers,
            donors,
            live: self.live.view([
                &InternalList::Centre(req.centre.clone()),
                &InternalList::Client(req.client.clone()),
            ]),
            context: Context {
                purpose,
                caller: req.campaign.caller,
                today: to_day(self.policy.today(req.at)).unwrap_or(0),
                customer_window_days: self.policy.customer_window_days,
                donor_window_years: self.policy.donor_window_years,
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
        serving: &Serving,
        req: &WashRequest,
        number: Option<u64>,
        person: Option<(&PersonMatch, &PersonEvidence)>,
    ) -> Explanation {
        let generation = &*serving.generation;
        let resolved = self.resolve(serving, req);
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
                via: "",
                delivered_at: None,
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
                via: "",
                delivered_at: None,
                detail: format!(
                    "reserved against telephone marketing ({} voluntary organisations); snapshot {}",
                    if voluntary { "also" } else { "not" },
                    generation.manifest().national.snapshot_date
                ),
            });
        }
        // Internal lists from the lists generation; relationships and requests from the
        // generation, every one of them.
        let lists = &*serving.lists;
        let mut sources: Vec<(&Generation, &List)> = Vec::new();
        sources.extend(lists.centres.get(&req.centre).map(|l| (lists, l)));
        sources.extend(
            lists
                .clients
                .get(&req.client)
                .and_then(|c| c.dnc.as_ref())
                .map(|l| (lists, l)),
        );
        if let Some(c) = generation.clients.get(&req.client) {
            sources.extend(c.express.iter().map(|l| (generation, l)));
            let mut customers: Vec<&List> = c.customers.values().collect();
            customers.sort_by_key(|l| l.no);
            sources.extend(customers.into_iter().map(|l| (generation, l)));
        }
        for (g, list) in sources {
            let info = g.list_info(list);
            use crate::generation::ListKind;
            for (a, b) in g.list_values(list, number, None) {
                let internal = matches!(info.kind, ListKind::CentreDnc | ListKind::ClientDnc);
                let via_api = internal && b == Some(VIA_API);
                let (kind, category, detail) = match &info.kind {
                    ListKind::CentreDnc => {
                        ("centre_dnc", None, "centre's internal list".to_owned())
                    }
                    ListKind::ClientDnc => {
                        ("client_dnc", None, "client's internal list".to_owned())
                    }
                    ListKind::Express => {
                        ("express", None, "express request to be called".to_owned())
                    }
                    ListKind::Customers { category } => {
                        let donor = req.donor_categories.contains(category);
                        (
                            "customers",
                            Some(category.to_string()),
                            format!(
                                "{} relationship in {category}",
                                if donor { "donor" } else { "customer" }
                            ),
                        )
                    }
                };
                hits.push(ListHit {
                    kind,
                    owner: info.owner.clone(),
                    source_reference: if via_api {
                        "opt-out taken through the API".to_owned()
                    } else {
                        info.source_reference.clone()
                    },
                    category,
                    since: date(a),
                    until: if internal { None } else { date(b) },
                    via: match (internal, via_api) {
                        (false, _) => "",
                        (true, true) => "api",
                        (true, false) => "delivery",
                    },
                    delivered_at: (internal && !via_api)
                        .then_some(info.delivered_at)
                        .flatten(),
                    detail,
                });
            }
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
