//! The wash session: the one way a list is washed, whatever front end asks (gRPC Wash and
//! WashStream, the HTTP API, the console, `vask wash`). Front ends only translate their input
//! into [`WashParams`] and batches, and the session's answers back.
//!
//! A session is started for a principal (the centre's key or user) and checks, once: that
//! the centre may act for the client; the client's configured policy (what it is, which
//! purposes its campaigns may have; a declared caller kind must be the configured one); the
//! source reference and free text; that `at` is not in the past; and that the national
//! snapshot is fresh at `at`. Each batch is then washed against the generation being served
//! (the session moves to a newer one between batches, and checks freshness again), with the
//! rules, the live opt-outs, person matching and, if asked, the calling window. Finishing
//! records the proof of wash in the audit trail and gives the wash id; a wash whose record
//! cannot be written fails (there is no unaudited wash).

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::app::{App, CampaignParams, Checked, text_field};
use crate::audit::{AuditRecord, InputHasher, WashRecord};
use crate::auth::Principal;
use crate::engine::rules::NAMES;
use crate::engine::{Lead, Reasons, Serving};
use crate::error::RequestError;
use crate::person::{PersonQuery, Strictness};

/// What a wash is for, as a front end received it.
#[derive(Debug, Clone, Default)]
pub struct WashParams {
    /// Client, campaign, purpose, caller kind, category, `at`.
    pub campaign: CampaignParams,
    /// Where the lead list came from (norm 4.2 a); required.
    pub source_reference: String,
    /// Also flag numbers outside the calling window at `at`.
    pub check_calling_window: bool,
    /// Person-matching strictness (default: the configuration's).
    pub strictness: Option<Strictness>,
    /// The front end: `grpc`, `grpc_stream`, `http`, `console`, `cli`.
    pub via: &'static str,
}

/// One lead: a number as written (may be empty when a person is given) and a person.
#[derive(Debug, Clone, Default)]
pub struct LeadInput {
    /// The number as written.
    pub number: String,
    /// The person the lead names, if any (one with neither name nor national id is ignored).
    pub person: Option<PersonQuery>,
}

/// A lead's person as written, every field text, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonFields {
    /// Given names.
    pub given_names: String,
    /// Surname.
    pub surname: String,
    /// Street, optionally with house number and letter.
    pub street: String,
    /// House number.
    pub house_number: String,
    /// House letter.
    pub house_letter: String,
    /// Postcode.
    pub postcode: String,
    /// Postal town.
    pub city: String,
    /// Birth date, `YYYY-MM-DD`, or empty.
    pub birth_date: String,
    /// National id, or empty.
    pub national_id: String,
}

impl PersonFields {
    /// The person as a query; a bad birth date is refused (field `birth_date`), never
    /// silently dropped. `None` when the lead names no person (no name, no national id).
    pub fn parse(self) -> Result<Option<PersonQuery>, RequestError> {
        let birth_date = if self.birth_date.trim().is_empty() {
            None
        } else {
            Some(
                crate::domain::parse_birth_date(&self.birth_date)
                    .map_err(|e| RequestError::invalid("birth_date", e.to_string()))?,
            )
        };
        let q = PersonQuery {
            given_names: self.given_names,
            surname: self.surname,
            street: self.street,
            house_number: self.house_number,
            house_letter: self.house_letter,
            postcode: self.postcode,
            city: self.city,
            birth_date,
            national_id: Some(self.national_id).filter(|s| !s.trim().is_empty()),
        };
        Ok(has_person(&q).then_some(q))
    }
}

/// The numbers of one request (or one chunk of a stream) as a front end received them.
#[derive(Debug, Clone)]
pub enum Numbers {
    /// Numbers as written.
    Raw(Vec<String>),
    /// Numbers as E.164 integers (the fast path).
    E164(Vec<u64>),
    /// Leads with persons (numbers as written, possibly empty).
    Leads(Vec<LeadInput>),
}

/// Why a request's numbers and persons do not go together. Each front end words the first
/// two in its own field names.
#[derive(Debug)]
pub enum Unpaired {
    /// Numbers were given both as written and as E.164.
    Both,
    /// Persons were given, but not one per number.
    Count {
        /// Persons given.
        persons: usize,
        /// Numbers given.
        numbers: usize,
    },
    /// A person's field is wrong; the field is named `persons[i].…`.
    Person(RequestError),
}

impl Numbers {
    /// A request's numbers as written or as E.164 (not both) and its persons, which, when
    /// there are any, pair one to one with the numbers (a request of persons only has no
    /// numbers); E.164 numbers with persons are written `+<digits>`.
    pub fn pair(
        raw: Vec<String>,
        e164: Vec<u64>,
        persons: Vec<PersonFields>,
    ) -> Result<Numbers, Unpaired> {
        if !raw.is_empty() && !e164.is_empty() {
            return Err(Unpaired::Both);
        }
        if persons.is_empty() {
            return Ok(if raw.is_empty() {
                Numbers::E164(e164)
            } else {
                Numbers::Raw(raw)
            });
        }
        let mut raw = if e164.is_empty() {
            raw
        } else {
            e164.iter().map(|n| format!("+{n}")).collect()
        };
        if raw.is_empty() {
            raw = vec![String::new(); persons.len()];
        }
        if raw.len() != persons.len() {
            return Err(Unpaired::Count {
                persons: persons.len(),
                numbers: raw.len(),
            });
        }
        let leads = raw
            .into_iter()
            .zip(persons)
            .enumerate()
            .map(|(i, (number, p))| {
                let person = p
                    .parse()
                    .map_err(|e| Unpaired::Person(e.in_field(|f| format!("persons[{i}].{f}"))))?;
                Ok(LeadInput { number, person })
            })
            .collect::<Result<Vec<_>, Unpaired>>()?;
        Ok(Numbers::Leads(leads))
    }

    /// How many numbers (or leads) there are.
    pub fn len(&self) -> usize {
        match self {
            Numbers::Raw(v) => v.len(),
            Numbers::E164(v) => v.len(),
            Numbers::Leads(v) => v.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Washes them in `session`.
    pub fn wash(&self, session: &mut WashSession) -> Result<Batch, RequestError> {
        match self {
            Numbers::Raw(v) => session.wash_numbers(v),
            Numbers::E164(v) => session.wash_e164(v),
            Numbers::Leads(v) => session.wash_leads(v),
        }
    }

    /// Washes them in `session` from an async front end: inline when there are at most
    /// [`INLINE_MAX`], else on the blocking pool, off the async workers. The outer error is
    /// the blocking task's failure (a panic); the inner result is the wash's.
    pub async fn wash_async(
        self,
        mut session: WashSession,
    ) -> Result<(WashSession, Result<Batch, RequestError>), tokio::task::JoinError> {
        if self.len() <= INLINE_MAX {
            let batch = self.wash(&mut session);
            return Ok((session, batch));
        }
        tokio::task::spawn_blocking(move || {
            let batch = self.wash(&mut session);
            (session, batch)
        })
        .await
    }
}

/// Batches above this size are washed on the blocking pool by [`Numbers::wash_async`].
pub const INLINE_MAX: usize = 2048;

/// The verdicts of a batch, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    /// One reason code per number ([`Reasons`]).
    pub verdicts: Vec<u32>,
    /// The normalised number (E.164 as an integer), 0 where invalid or absent.
    pub normalised: Vec<u64>,
}

/// What a finished wash recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WashProof {
    /// The wash id (in the audit trail).
    pub wash_id: String,
    /// SHA-256 of the normalised input, as recorded.
    pub input_sha256: String,
    /// Numbers washed.
    pub numbers: u64,
    /// Numbers allowed.
    pub allowed: u64,
    /// Numbers per reason name (only reasons that occurred).
    pub counts: Vec<(&'static str, u64)>,
    /// The generation(s) washed against (several when a long stream moved to a newer one).
    pub generation: String,
    /// The national snapshot date (the oldest, if several).
    pub snapshot_date: String,
}

/// A wash in progress. Holds the generation it washes against; [`WashSession::finish`]
/// records it.
pub struct WashSession {
    app: Arc<App>,
    principal: Principal,
    serving: Arc<Serving>,
    checked: Checked,
    params: WashParams,
    strictness: Strictness,
    generations: Vec<(String, chrono::NaiveDate)>,
    counts: [u64; NAMES.len()],
    numbers: u64,
    allowed: u64,
    hasher: InputHasher,
    /// The instant the calls are washed for, as checked at the start.
    calls_at: DateTime<Utc>,
}

impl std::fmt::Debug for WashSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WashSession")
            .field("principal", &self.principal.id)
            .field("numbers", &self.numbers)
            .finish()
    }
}

impl App {
    /// Starts a wash after checking everything that is fixed for it (see the module doc).
    pub fn start_wash(
        self: &Arc<Self>,
        who: &Principal,
        params: WashParams,
    ) -> Result<WashSession, RequestError> {
        if params.source_reference.trim().is_empty() {
            return Err(RequestError::invalid(
                "source_reference",
                "required: where the lead list came from (norm 4.2 a)",
            ));
        }
        text_field("source_reference", &params.source_reference, false)?;
        let serving = self.engine().serving();
        let checked = self.check(who, &params.campaign, &serving)?;
        let strictness = params.strictness.unwrap_or(self.config().person_strictness);
        let g = &serving.generation;
        Ok(WashSession {
            generations: vec![(g.id().to_owned(), g.manifest().national.snapshot_date)],
            app: self.clone(),
            principal: who.clone(),
            serving,
            calls_at: checked.request.at,
            checked,
            params,
            strictness,
            counts: [0; NAMES.len()],
            numbers: 0,
            allowed: 0,
            hasher: InputHasher::default(),
        })
    }
}

impl WashSession {
    /// The generation washed against now.
    pub fn generation_id(&self) -> &str {
        self.serving.generation.id()
    }

    /// Its national snapshot date.
    pub fn snapshot_date(&self) -> chrono::NaiveDate {
        self.serving.generation.manifest().national.snapshot_date
    }

    /// The most numbers one batch may hold.
    pub fn max_batch(&self) -> usize {
        self.app.config().limits.max_batch
    }

    /// Before a batch: refuses one over the limit, moves to the generation served now if it
    /// changed (a long stream), and checks the snapshot is still fresh for the calls.
    fn prepare(&mut self, len: usize, field: &str) -> Result<(), RequestError> {
        let max = self.max_batch();
        if len > max {
            return Err(RequestError::TooMuch(format!(
                "{field}: {len} numbers, the limit per request is {max}; split the list or use WashStream"
            )));
        }
        let now = self.app.now();
        let current = self.app.engine().serving();
        if !Arc::ptr_eq(&current, &self.serving) {
            let g = &current.generation;
            if !self.generations.iter().any(|(id, _)| id == g.id()) {
                self.generations
                    .push((g.id().to_owned(), g.manifest().national.snapshot_date));
            }
            self.serving = current;
        }
        let at = self.checked.request.at.max(now);
        self.checked.request.at = at;
        self.app.fresh(&self.serving.generation, at)
    }

    /// Washes numbers as written.
    pub fn wash_numbers<S: AsRef<str>>(&mut self, numbers: &[S]) -> Result<Batch, RequestError> {
        self.prepare(numbers.len(), "numbers")?;
        let engine = self.app.engine();
        let resolved = engine.resolve(&self.serving, &self.checked.request);
        let mut batch = Batch::default();
        engine.wash_raw(
            &resolved,
            numbers,
            &mut batch.verdicts,
            &mut batch.normalised,
        );
        drop(resolved);
        // A person lookup that found the index malformed answered "no match", which is no
        // answer: the batch fails rather than let a reserved person through.
        if let Some(e) = self.serving.damage() {
            return Err(RequestError::Unavailable(e.to_string()));
        }
        Ok(self.tally(batch))
    }

    /// Washes numbers given as E.164 integers (the fast path).
    pub fn wash_e164(&mut self, numbers: &[u64]) -> Result<Batch, RequestError> {
        self.prepare(numbers.len(), "e164")?;
        let engine = self.app.engine();
        let resolved = engine.resolve(&self.serving, &self.checked.request);
        let mut batch = Batch::default();
        engine.wash_e164(&resolved, numbers, &mut batch.verdicts);
        drop(resolved);
        batch.normalised = numbers
            .iter()
            .zip(&batch.verdicts)
            .map(|(n, r)| if r & Reasons::INVALID != 0 { 0 } else { *n })
            .collect();
        Ok(self.tally(batch))
    }

    /// Washes leads that may name a person.
    pub fn wash_leads(&mut self, leads: &[LeadInput]) -> Result<Batch, RequestError> {
        self.prepare(leads.len(), "numbers")?;
        let engine = self.app.engine();
        let resolved = engine.resolve(&self.serving, &self.checked.request);
        let leads: Vec<Lead<'_>> = leads
            .iter()
            .map(|l| Lead {
                number: &l.number,
                person: l.person.as_ref().filter(|p| has_person(p)),
            })
            .collect();
        let mut batch = Batch::default();
        engine.wash_leads(
            &resolved,
            &leads,
            self.strictness,
            &mut batch.verdicts,
            &mut batch.normalised,
        );
        drop(resolved);
        Ok(self.tally(batch))
    }

    /// Flags the calling window and counts a washed batch.
    fn tally(&mut self, mut batch: Batch) -> Batch {
        if self.params.check_calling_window {
            self.flag_window(&mut batch);
        }
        self.hasher.update(&batch.normalised);
        for &v in &batch.verdicts {
            if v & Reasons::BLOCKING == 0 {
                self.allowed += 1;
            }
            if v != 0 {
                for (i, (bit, _)) in NAMES.iter().enumerate() {
                    if v & bit != 0 {
                        self.counts[i] += 1;
                    }
                }
            }
        }
        self.numbers += batch.verdicts.len() as u64;
        batch
    }

    /// Flags numbers whose country's calling window is closed at the calls' instant. The
    /// window is decided once per country; a number of a country without a policy is not
    /// flagged (vask knows no rule for it).
    fn flag_window(&self, batch: &mut Batch) {
        let calendars = &self.app.config().calendars;
        let at = self.checked.request.at;
        // Decided once per region: numbers of one batch are mostly of one or two.
        let mut decided: Vec<(&str, bool)> = Vec::new();
        for (n, v) in batch.normalised.iter().zip(batch.verdicts.iter_mut()) {
            let Some(country) = country_of(*n) else {
                continue;
            };
            let closed = match decided.iter().find(|(c, _)| *c == country) {
                Some((_, closed)) => *closed,
                None => {
                    let closed = calendars.get(country).is_some_and(|p| !p.check(at).open);
                    decided.push((country, closed));
                    closed
                }
            };
            if closed {
                *v |= Reasons::OUTSIDE_CALLING_WINDOW;
            }
        }
    }

    /// Records the proof of wash and returns it; fails with `Unavailable` (and the wash
    /// counts as not done) when the record cannot be written.
    pub fn finish(self) -> Result<WashProof, RequestError> {
        let app = &self.app;
        let wash_id = crate::app::new_id('w', app.now());
        let counts: Vec<(&'static str, u64)> = NAMES
            .iter()
            .zip(self.counts)
            .filter(|(_, c)| *c > 0)
            .map(|((_, name), c)| (*name, c))
            .collect();
        let input_sha256 = self.hasher.clone().finish();
        let request = &self.checked.request;
        let generation = self
            .generations
            .iter()
            .map(|(id, _)| id.as_str())
            .collect::<Vec<_>>()
            .join(",");
        let snapshot_date = self
            .generations
            .iter()
            .map(|(_, d)| *d)
            .min()
            .unwrap_or(chrono::NaiveDate::MIN)
            .to_string();
        let record = AuditRecord::Wash(WashRecord {
            wash_id: wash_id.clone(),
            at: app.now(),
            calls_at: self.calls_at,
            via: self.params.via.to_owned(),
            centre: request.centre.to_string(),
            key_id: self.principal.id.clone(),
            client: request.client.to_string(),
            campaign: self.checked.campaign_id.clone(),
            purpose: request.campaign.purpose.name().to_owned(),
            caller: request.campaign.caller.name().to_owned(),
            category: request
                .campaign
                .category
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            source_reference: self.params.source_reference.clone(),
            calling_window: self.params.check_calling_window,
            strictness: self.strictness.to_string(),
            numbers: self.numbers,
            allowed: self.allowed,
            counts: counts.iter().map(|(n, c)| ((*n).to_owned(), *c)).collect(),
            generation: generation.clone(),
            snapshot_date: snapshot_date.clone(),
            input_sha256: input_sha256.clone(),
        });
        app.audit().append(&record).map_err(|e| {
            tracing::error!(error = %e, "audit append failed");
            RequestError::Unavailable(
                "could not record the proof of wash; the wash does not count, retry".into(),
            )
        })?;
        crate::metrics::washed(
            request.client.as_str(),
            self.params.via,
            self.numbers,
            self.allowed,
            &counts,
        );
        tracing::debug!(wash_id = %wash_id, via = self.params.via, centre = %request.centre, client = %request.client, numbers = self.numbers, allowed = self.allowed, "washed");
        Ok(WashProof {
            wash_id,
            input_sha256,
            numbers: self.numbers,
            allowed: self.allowed,
            counts,
            generation,
            snapshot_date,
        })
    }
}

/// A person worth matching: one with a name or a national id.
pub fn has_person(q: &PersonQuery) -> bool {
    !q.surname.trim().is_empty() || !q.given_names.trim().is_empty() || q.national_id.is_some()
}

/// The region (ISO 3166 alpha-2) of a valid E.164 number, for calling-window policies: by the
/// numbering metadata, as libphonenumber decides it (+1 416… is Canada, not the US).
fn country_of(e164: u64) -> Option<&'static str> {
    (e164 != 0)
        .then(|| crate::number::Number::from_valid_e164(e164).region())
        .flatten()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::app::Mode;
    use crate::config::Config;
    use crate::domain::{CentreId, ManualClock, Purpose};

    /// An app over the bundled sample, built at `now`, with its clock.
    fn app(now: DateTime<Utc>) -> (tempfile::TempDir, Arc<App>, Arc<ManualClock>, Principal) {
        let dir = tempfile::tempdir().unwrap();
        let catalog = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/catalog.toml");
        let path = dir.path().join("vask.toml");
        std::fs::write(
            &path,
            format!(
                "catalog = {catalog:?}\nstore = \"s\"\njournal = \"j\"\naudit = \"a\"\naudit_key = \"session test key 123\"\n\
                 [[centres]]\nid = \"demo-centre\"\nclients = [\"acme-energy\", \"red-cross-demo\"]\n\
                 [[clients]]\nid = \"red-cross-demo\"\nkind = \"voluntary\"\n"
            ),
        )
        .unwrap();
        let config = Config::load(&path).unwrap();
        let who =
            Principal::local(&config, "test", &CentreId::new("demo-centre").unwrap()).unwrap();
        let clock = Arc::new(ManualClock::new(now));
        let app = App::open(config, Mode::Serve, clock.clone()).unwrap();
        (dir, Arc::new(app), clock, who)
    }

    fn params(client: &str, purpose: Purpose, at: Option<DateTime<Utc>>) -> WashParams {
        WashParams {
            campaign: CampaignParams {
                client: client.into(),
                purpose: Some(purpose),
                category: "power".into(),
                at,
                ..Default::default()
            },
            source_reference: "unit test".into(),
            via: "test",
            ..Default::default()
        }
    }

    fn noon(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 11, 0, 0).single().unwrap()
    }

    #[test]
    fn numbers_pair_with_persons_one_to_one() {
        let person = |surname: &str, birth: &str| PersonFields {
            given_names: "Kari".into(),
            surname: surname.into(),
            birth_date: birth.into(),
            ..Default::default()
        };
        let raw = || vec!["91234567".to_owned()];
        assert!(matches!(
            Numbers::pair(raw(), vec![4791234567], vec![]),
            Err(Unpaired::Both)
        ));
        assert!(matches!(Numbers::pair(raw(), vec![], vec![]), Ok(Numbers::Raw(v)) if v == raw()));
        assert!(matches!(
            Numbers::pair(vec![], vec![4791234567], vec![]),
            Ok(Numbers::E164(v)) if v == [4791234567]
        ));
        // E.164 numbers with persons are written `+<digits>`; persons only have no number.
        let Ok(Numbers::Leads(leads)) =
            Numbers::pair(vec![], vec![4791234567], vec![person("Nordmann", "")])
        else {
            panic!("leads");
        };
        assert_eq!(leads[0].number, "+4791234567");
        let Ok(Numbers::Leads(leads)) =
            Numbers::pair(vec![], vec![], vec![person("A", ""), person("B", "")])
        else {
            panic!("leads");
        };
        assert_eq!(leads.len(), 2);
        assert!(
            leads
                .iter()
                .all(|l| l.number.is_empty() && l.person.is_some())
        );
        assert!(matches!(
            Numbers::pair(raw(), vec![], vec![person("A", ""), person("B", "")]),
            Err(Unpaired::Count {
                persons: 2,
                numbers: 1
            })
        ));
        assert!(matches!(
            Numbers::pair(raw(), vec![], vec![person("A", "not a day")]),
            Err(Unpaired::Person(RequestError::InvalidField { ref field, .. })) if field == "persons[0].birth_date"
        ));
    }

    #[test]
    fn at_is_never_in_the_past_and_the_future_only_while_fresh() {
        let now = noon(2026, 6, 10);
        let (_dir, app, _clock, who) = app(now);
        let refused = |at| {
            app.start_wash(&who, params("acme-energy", Purpose::Sales, Some(at)))
                .map(|_| ())
        };
        assert!(
            matches!(refused(now - Duration::days(1)), Err(RequestError::InvalidField { ref field, .. }) if field == "at")
        );
        assert!(
            refused(now - Duration::seconds(299)).is_ok(),
            "within the clock skew"
        );
        assert!(
            refused(now + Duration::days(30)).is_ok(),
            "the snapshot of 10 June serves 10 July"
        );
        assert!(matches!(
            refused(now + Duration::days(31)),
            Err(RequestError::Precondition(_))
        ));
    }

    #[test]
    fn a_session_checks_freshness_for_every_batch() {
        let now = noon(2026, 6, 10);
        let (_dir, app, clock, who) = app(now);
        let mut s = app
            .start_wash(&who, params("acme-energy", Purpose::Sales, None))
            .unwrap();
        assert_eq!(
            s.wash_numbers(&["91234567"]).unwrap().verdicts,
            [Reasons::NATIONAL_REGISTER]
        );
        // A stream left open for five weeks: the snapshot has gone stale under it.
        clock.advance(Duration::days(35));
        assert!(matches!(
            s.wash_numbers(&["91234567"]),
            Err(RequestError::Precondition(_))
        ));
    }

    #[test]
    fn the_clients_configuration_decides_what_a_request_may_declare() {
        let (_dir, app, _clock, who) = app(noon(2026, 6, 10));
        let start = |client, purpose, caller| {
            let mut p = params(client, purpose, None);
            p.campaign.caller = caller;
            app.start_wash(&who, p).map(|_| ())
        };
        assert!(start("acme-energy", Purpose::Sales, None).is_ok());
        assert!(matches!(
            start("acme-energy", Purpose::MarketResearch, None),
            Err(RequestError::NotPermitted(m)) if m.contains("a business; purposes: sales")
        ));
        assert!(matches!(
            start(
                "red-cross-demo",
                Purpose::Fundraising,
                Some(crate::domain::CallerKind::Business)
            ),
            Err(RequestError::NotPermitted(_))
        ));
        assert!(start("red-cross-demo", Purpose::Fundraising, None).is_ok());
        assert!(matches!(
            start("nobody", Purpose::Sales, None),
            Err(RequestError::NotPermitted(_))
        ));
    }

    #[test]
    fn a_wash_whose_proof_cannot_be_written_fails_unavailable() {
        let (_dir, app, _clock, who) = app(noon(2026, 6, 10));
        let mut s = app
            .start_wash(&who, params("acme-energy", Purpose::Sales, None))
            .unwrap();
        s.wash_numbers(&["91234567"]).unwrap();
        crate::faults::arm(
            crate::faults::Point::AuditAppend,
            &app.config().audit.join("audit.log"),
        );
        assert!(matches!(s.finish(), Err(RequestError::Unavailable(_))));
        // Nothing torn stays in the trail, and the next wash is recorded.
        let s = app
            .start_wash(&who, params("acme-energy", Purpose::Sales, None))
            .unwrap();
        s.finish().unwrap();
        let trail = crate::audit::read(&app.config().audit, app.config().audit_key.as_ref());
        assert_eq!(trail.unwrap().len(), 1);
    }

    #[test]
    fn the_calling_window_is_flagged_per_country_and_the_proof_recorded() {
        // Saturday 13 June 2026, noon in Oslo: closed.
        let saturday = Utc
            .with_ymd_and_hms(2026, 6, 13, 10, 0, 0)
            .single()
            .unwrap();
        let (_dir, app, _clock, who) = app(saturday - Duration::hours(1));
        let mut p = params("acme-energy", Purpose::Sales, Some(saturday));
        p.check_calling_window = true;
        let mut s = app.start_wash(&who, p).unwrap();
        let b = s.wash_numbers(&["41234567", "not a number"]).unwrap();
        assert_eq!(
            b.verdicts,
            [Reasons::OUTSIDE_CALLING_WINDOW, Reasons::INVALID]
        );
        let proof = s.finish().unwrap();
        assert_eq!((proof.numbers, proof.allowed), (2, 1));
        let trail =
            crate::audit::read(&app.config().audit, app.config().audit_key.as_ref()).unwrap();
        let Some(crate::audit::AuditRecord::Wash(w)) = trail.last().map(|e| &e.record) else {
            panic!("a wash record");
        };
        assert_eq!(w.wash_id, proof.wash_id);
        assert_eq!(w.calls_at, saturday);
        assert!(w.calling_window);
    }
}
