//! `vask.v1.WashService`: Wash, WashStream, Explain, CallWindow.

use std::pin::Pin;
use std::sync::Arc;

use chrono::Utc;
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use super::auth::{Caller, caller};
use super::{State, instant, pb, timestamp};
use crate::audit::{InputHasher, WashRecord};
use crate::calendar::{CallingPolicy, ClosedReason};
use crate::domain::{CallerKind, Campaign, Category, Purpose};
use crate::engine::rules::NAMES;
use crate::engine::{Lead, Reasons, WashRequest};
use crate::generation::Generation;
use crate::person::{PersonQuery, Strictness};

/// Batches above this size are washed on the blocking pool, off the async workers.
const INLINE_MAX: usize = 2048;

/// The WashService implementation.
pub struct WashApi {
    state: Arc<State>,
}

impl WashApi {
    /// A handler over shared state.
    pub fn new(state: Arc<State>) -> WashApi {
        WashApi { state }
    }
}

/// A request's campaign, parsed.
pub fn campaign(c: Option<&pb::Campaign>) -> Result<(Campaign, String), Status> {
    let c = c.ok_or_else(|| Status::invalid_argument("campaign: required"))?;
    let purpose = match pb::Purpose::try_from(c.purpose) {
        Ok(pb::Purpose::Sales) => Purpose::Sales,
        Ok(pb::Purpose::MarketResearch) => Purpose::MarketResearch,
        Ok(pb::Purpose::Fundraising) => Purpose::Fundraising,
        _ => {
            return Err(Status::invalid_argument(
                "campaign.purpose: required (SALES, MARKET_RESEARCH or FUNDRAISING)",
            ));
        }
    };
    let caller = match pb::CallerKind::try_from(c.caller_kind) {
        Ok(pb::CallerKind::Voluntary) => CallerKind::Voluntary,
        Ok(pb::CallerKind::Business | pb::CallerKind::Unspecified) => CallerKind::Business,
        Err(_) => {
            return Err(Status::invalid_argument(
                "campaign.caller_kind: unknown value",
            ));
        }
    };
    let category = if c.product_category.is_empty() {
        None
    } else {
        Some(
            Category::new(c.product_category.clone())
                .map_err(|e| Status::invalid_argument(format!("campaign.product_category: {e}")))?,
        )
    };
    Ok((
        Campaign {
            purpose,
            caller,
            category,
        },
        c.campaign_id.clone(),
    ))
}

fn purpose_name(p: Purpose) -> &'static str {
    match p {
        Purpose::Sales => "sales",
        Purpose::MarketResearch => "market_research",
        Purpose::Fundraising => "fundraising",
    }
}

/// Country (ISO alpha-2) of an E.164 number, for calling-window policies.
pub fn country_of(e164: u64) -> Option<&'static str> {
    const CODES: [(u64, u32, &str); 8] = [
        (358, 3, "FI"),
        (47, 2, "NO"),
        (46, 2, "SE"),
        (45, 2, "DK"),
        (44, 2, "GB"),
        (49, 2, "DE"),
        (31, 2, "NL"),
        (1, 1, "US"),
    ];
    let digits = e164.checked_ilog10()? + 1;
    CODES.iter().find_map(|&(code, len, iso)| {
        (digits > len && e164 / 10u64.pow(digits - len) == code).then_some(iso)
    })
}

/// Everything fixed for one wash (a Wash call or a whole WashStream).
struct Session {
    state: Arc<State>,
    generation: Arc<Generation>,
    request: WashRequest,
    caller: Caller,
    campaign_id: String,
    source_reference: String,
    echo: bool,
    window: bool,
    strictness: Strictness,
    counts: [u64; NAMES.len()],
    numbers: u64,
    allowed: u64,
    hasher: InputHasher,
}

enum Numbers {
    Raw(Vec<String>),
    E164(Vec<u64>),
    /// Leads with persons: numbers as written (possibly empty) and one person each.
    Leads(Vec<String>, Vec<PersonQuery>),
}

impl Numbers {
    fn from(raw: Vec<String>, e164: Vec<u64>, persons: Vec<pb::Person>) -> Result<Numbers, Status> {
        if !raw.is_empty() && !e164.is_empty() {
            return Err(Status::invalid_argument(
                "numbers and e164: give one or the other, not both",
            ));
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
            return Err(Status::invalid_argument(format!(
                "persons: {} given for {} numbers; give one per number (an empty Person for none)",
                persons.len(),
                raw.len()
            )));
        }
        let persons = persons
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                person_query(p).map_err(|e| Status::invalid_argument(format!("persons[{i}].{e}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Numbers::Leads(raw, persons))
    }

    fn len(&self) -> usize {
        match self {
            Numbers::Raw(v) => v.len(),
            Numbers::E164(v) => v.len(),
            Numbers::Leads(v, _) => v.len(),
        }
    }
}

/// A lead's person as a query; the error names the field.
pub fn person_query(p: pb::Person) -> Result<PersonQuery, String> {
    let birth_date = if p.birth_date.trim().is_empty() {
        None
    } else {
        Some(
            crate::domain::parse_birth_date(&p.birth_date)
                .map_err(|e| format!("birth_date: {e}"))?,
        )
    };
    Ok(PersonQuery {
        given_names: p.given_names,
        surname: p.surname,
        street: p.street,
        house_number: p.house_number,
        house_letter: p.house_letter,
        postcode: p.postcode,
        city: p.city,
        birth_date,
        national_id: Some(p.national_id).filter(|s| !s.trim().is_empty()),
    })
}

/// A person worth matching: one with a name or a national id.
fn has_person(q: &PersonQuery) -> bool {
    !q.surname.trim().is_empty() || !q.given_names.trim().is_empty() || q.national_id.is_some()
}

/// The request's strictness, or the server's default.
pub fn strictness(state: &State, s: &str) -> Result<Strictness, Status> {
    if s.trim().is_empty() {
        Ok(state.person_strictness)
    } else {
        s.parse()
            .map_err(|e| Status::invalid_argument(format!("person_strictness: {e}")))
    }
}

impl Session {
    #[allow(clippy::too_many_arguments)]
    fn start(
        state: &Arc<State>,
        caller: Caller,
        client_id: &str,
        campaign_pb: Option<&pb::Campaign>,
        source_reference: &str,
        at: Option<&prost_types::Timestamp>,
        echo: bool,
        window: bool,
    ) -> Result<Session, Status> {
        let client = caller.client(client_id)?;
        if source_reference.trim().is_empty() {
            return Err(Status::invalid_argument(
                "source_reference: required: where the lead list came from (norm 4.2 a)",
            ));
        }
        let (campaign, campaign_id) = campaign(campaign_pb)?;
        let at = instant(at)?;
        let generation = state.engine.generation();
        let check_at = at.max(Utc::now());
        let fresh = state.engine.freshness(&generation, check_at);
        if fresh.stale {
            tracing::warn!(generation = %generation.id(), age_days = fresh.age_days, "refused wash: national snapshot is stale");
            return Err(Status::failed_precondition(format!(
                "the national register snapshot of {} is {} days old at {}, older than the {}-month limit; run the rebuild job with a fresh delivery",
                fresh.snapshot_date,
                fresh.age_days,
                check_at.date_naive(),
                state.engine.policy().snapshot_max_age_months
            )));
        }
        Ok(Session {
            state: state.clone(),
            generation,
            request: WashRequest {
                centre: caller.centre.clone(),
                client,
                campaign,
                at,
            },
            caller,
            campaign_id,
            source_reference: source_reference.to_owned(),
            echo,
            window,
            strictness: state.person_strictness,
            counts: [0; NAMES.len()],
            numbers: 0,
            allowed: 0,
            hasher: InputHasher::default(),
        })
    }

    /// Washes one batch; returns (verdicts, normalised).
    fn wash(&mut self, numbers: &Numbers) -> (Vec<u32>, Vec<u64>) {
        let engine = &self.state.engine;
        let resolved = engine.resolve(&self.generation, &self.request);
        let mut verdicts = Vec::with_capacity(numbers.len());
        let mut normalised = Vec::new();
        match numbers {
            Numbers::E164(v) => {
                engine.wash_e164(&resolved, v, &mut verdicts);
                normalised.extend(
                    v.iter()
                        .zip(&verdicts)
                        .map(|(n, r)| if r & Reasons::INVALID != 0 { 0 } else { *n }),
                );
            }
            Numbers::Raw(v) => engine.wash_raw(&resolved, v, &mut verdicts, &mut normalised),
            Numbers::Leads(v, persons) => {
                let leads: Vec<Lead<'_>> = v
                    .iter()
                    .zip(persons)
                    .map(|(n, p)| Lead {
                        number: n,
                        person: has_person(p).then_some(p),
                    })
                    .collect();
                engine.wash_leads(
                    &resolved,
                    &leads,
                    self.strictness,
                    &mut verdicts,
                    &mut normalised,
                );
            }
        }
        drop(resolved);
        if self.window {
            self.flag_window(&normalised, &mut verdicts);
        }
        self.hasher.update(&normalised);
        for &v in &verdicts {
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
        self.numbers += verdicts.len() as u64;
        if !self.echo {
            normalised = Vec::new();
        }
        (verdicts, normalised)
    }

    /// Flags numbers whose country's calling window is closed at the request's instant. The
    /// window is decided once per country; numbers of a country without a policy are not
    /// flagged (vask knows no rule for them).
    fn flag_window(&self, normalised: &[u64], verdicts: &mut [u32]) {
        let mut decided: Vec<(&str, bool)> = Vec::new();
        for (n, v) in normalised.iter().zip(verdicts.iter_mut()) {
            let Some(country) = country_of(*n) else {
                continue;
            };
            let closed = match decided.iter().find(|(c, _)| *c == country) {
                Some((_, closed)) => *closed,
                None => {
                    let closed = self
                        .state
                        .calendars
                        .get(country)
                        .is_some_and(|p| !p.check(self.request.at).open);
                    decided.push((country, closed));
                    closed
                }
            };
            if closed {
                *v |= Reasons::OUTSIDE_CALLING_WINDOW;
            }
        }
    }

    fn counts(&self) -> Vec<pb::ReasonCount> {
        NAMES
            .iter()
            .zip(self.counts)
            .filter(|(_, c)| *c > 0)
            .map(|((_, name), count)| pb::ReasonCount {
                reason: (*name).to_owned(),
                count,
            })
            .collect()
    }

    /// Records the proof of wash; returns (wash id, input hash).
    fn finish(self, via: &str) -> Result<(String, String, Vec<pb::ReasonCount>, u64, u64), Status> {
        let wash_id = format!(
            "w{}-{:08x}",
            Utc::now().format("%Y%m%dT%H%M%S%.6fZ"),
            rand::random::<u32>()
        );
        let counts_pb = self.counts();
        let input_sha256 = self.hasher.clone().finish();
        let record = WashRecord {
            wash_id: wash_id.clone(),
            at: Utc::now(),
            via: via.to_owned(),
            centre: self.request.centre.to_string(),
            key_id: self.caller.key_id.clone(),
            client: self.request.client.to_string(),
            campaign: self.campaign_id.clone(),
            purpose: purpose_name(self.request.campaign.purpose).to_owned(),
            caller: match self.request.campaign.caller {
                CallerKind::Business => "business",
                CallerKind::Voluntary => "voluntary",
            }
            .to_owned(),
            category: self
                .request
                .campaign
                .category
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            source_reference: self.source_reference.clone(),
            numbers: self.numbers,
            allowed: self.allowed,
            counts: counts_pb
                .iter()
                .map(|c| (c.reason.clone(), c.count))
                .collect(),
            generation: self.generation.id().to_owned(),
            snapshot_date: self
                .generation
                .manifest()
                .national
                .snapshot_date
                .to_string(),
            input_sha256: input_sha256.clone(),
        };
        self.state.audit.append(&record).map_err(|e| {
            tracing::error!(error = %e, "audit append failed");
            Status::unavailable("could not record the proof of wash; nothing was washed, retry")
        })?;
        tracing::debug!(wash_id = %wash_id, via, centre = %record.centre, client = %record.client, numbers = record.numbers, allowed = record.allowed, "washed");
        Ok((wash_id, input_sha256, counts_pb, self.numbers, self.allowed))
    }
}

type ChunkOut = (Session, Vec<u32>, Vec<u64>);

/// Washes on the blocking pool when the batch is large, inline otherwise.
async fn wash_batch(mut session: Session, numbers: Numbers) -> Result<ChunkOut, Status> {
    if numbers.len() <= INLINE_MAX {
        let (v, n) = session.wash(&numbers);
        return Ok((session, v, n));
    }
    tokio::task::spawn_blocking(move || {
        let (v, n) = session.wash(&numbers);
        (session, v, n)
    })
    .await
    .map_err(|e| Status::internal(format!("wash task failed: {e}")))
}

fn check_limit(state: &State, n: usize, field: &str) -> Result<(), Status> {
    let max = state.config.limits.max_batch;
    if n > max {
        Err(Status::resource_exhausted(format!(
            "{field}: {n} numbers, the limit per request is {max}; split the list or use WashStream"
        )))
    } else {
        Ok(())
    }
}

type WashStreamOut = Pin<Box<dyn Stream<Item = Result<pb::WashStreamResponse, Status>> + Send>>;

#[tonic::async_trait]
impl pb::wash_service_server::WashService for WashApi {
    async fn wash(
        &self,
        request: Request<pb::WashRequest>,
    ) -> Result<Response<pb::WashResponse>, Status> {
        let caller = caller(&request)?;
        let r = request.into_inner();
        let numbers = Numbers::from(r.numbers, r.e164, r.persons)?;
        check_limit(&self.state, numbers.len(), "numbers")?;
        let strictness = strictness(&self.state, &r.person_strictness)?;
        let mut session = Session::start(
            &self.state,
            caller,
            &r.client_id,
            r.campaign.as_ref(),
            &r.source_reference,
            r.at.as_ref(),
            r.echo_normalised,
            r.check_calling_window,
        )?;
        session.strictness = strictness;
        let (session, verdicts, normalised) = wash_batch(session, numbers).await?;
        let generation_id = session.generation.id().to_owned();
        let snapshot_date = session
            .generation
            .manifest()
            .national
            .snapshot_date
            .to_string();
        let (wash_id, _, counts, numbers, allowed) = session.finish("wash")?;
        Ok(Response::new(pb::WashResponse {
            verdicts,
            normalised,
            wash_id,
            generation_id,
            snapshot_date,
            allowed,
            blocked: numbers - allowed,
            counts,
        }))
    }

    type WashStreamStream = WashStreamOut;

    async fn wash_stream(
        &self,
        request: Request<Streaming<pb::WashStreamRequest>>,
    ) -> Result<Response<Self::WashStreamStream>, Status> {
        let caller = caller(&request)?;
        let mut input = request.into_inner();
        let header = match input.next().await {
            Some(Ok(pb::WashStreamRequest {
                kind: Some(pb::wash_stream_request::Kind::Header(h)),
            })) => h,
            Some(Err(e)) => return Err(e),
            _ => {
                return Err(Status::invalid_argument(
                    "the first WashStream message must be a header",
                ));
            }
        };
        let strictness = strictness(&self.state, &header.person_strictness)?;
        let mut session = Session::start(
            &self.state,
            caller,
            &header.client_id,
            header.campaign.as_ref(),
            &header.source_reference,
            header.at.as_ref(),
            header.echo_normalised,
            header.check_calling_window,
        )?;
        session.strictness = strictness;
        let state = self.state.clone();
        // A small channel: the client reading slowly slows our reading of its chunks, so
        // memory stays bounded whatever the list size.
        let (tx, rx) = tokio::sync::mpsc::channel(2);
        tokio::spawn(async move {
            let mut session = Some(session);
            let mut offset = 0u64;
            loop {
                let msg = match input.next().await {
                    None => break,
                    Some(Ok(m)) => m,
                    Some(Err(e)) => {
                        tracing::info!(error = %e, "WashStream ended by the client");
                        return;
                    }
                };
                let chunk = match msg.kind {
                    Some(pb::wash_stream_request::Kind::Chunk(c)) => c,
                    _ => {
                        let _ = tx
                            .send(Err(Status::invalid_argument(
                                "after the header, every WashStream message must be a chunk",
                            )))
                            .await;
                        return;
                    }
                };
                let numbers = match Numbers::from(chunk.numbers, chunk.e164, chunk.persons)
                    .and_then(|n| check_limit(&state, n.len(), "chunk").map(|()| n))
                {
                    Ok(n) => n,
                    Err(e) => {
                        let _ = tx.send(Err(e)).await;
                        return;
                    }
                };
                let Some(s) = session.take() else { return };
                let (s, verdicts, normalised) = match wash_batch(s, numbers).await {
                    Ok(out) => out,
                    Err(e) => {
                        let _ = tx.send(Err(e)).await;
                        return;
                    }
                };
                let n = verdicts.len() as u64;
                session = Some(s);
                let out = pb::WashStreamResponse {
                    kind: Some(pb::wash_stream_response::Kind::Chunk(pb::WashChunkResult {
                        offset,
                        verdicts,
                        normalised,
                    })),
                };
                offset += n;
                if tx.send(Ok(out)).await.is_err() {
                    return;
                }
            }
            let Some(s) = session else { return };
            let generation_id = s.generation.id().to_owned();
            let snapshot_date = s.generation.manifest().national.snapshot_date.to_string();
            let summary =
                s.finish("wash_stream")
                    .map(
                        |(wash_id, sha, counts, numbers, allowed)| pb::WashStreamResponse {
                            kind: Some(pb::wash_stream_response::Kind::Summary(pb::WashSummary {
                                wash_id,
                                generation_id,
                                snapshot_date,
                                numbers,
                                allowed,
                                blocked: numbers - allowed,
                                counts,
                                input_sha256: sha,
                            })),
                        },
                    );
            let _ = tx.send(summary).await;
        });
        Ok(Response::new(Box::pin(
            tokio_stream::wrappers::ReceiverStream::new(rx),
        )))
    }

    async fn explain(
        &self,
        request: Request<pb::ExplainRequest>,
    ) -> Result<Response<pb::ExplainResponse>, Status> {
        let caller = caller(&request)?;
        let r = request.into_inner();
        let client = caller.client(&r.client_id)?;
        let (campaign, _) = campaign(r.campaign.as_ref())?;
        let at = instant(r.at.as_ref())?;
        let engine = &self.state.engine;
        let person = r
            .person
            .map(person_query)
            .transpose()
            .map_err(|e| Status::invalid_argument(format!("person.{e}")))?
            .filter(has_person);
        let number = if r.number.trim().is_empty() && person.is_some() {
            None
        } else {
            Some(
                engine
                    .normaliser()
                    .normalise(&r.number)
                    .map_err(|e| Status::invalid_argument(format!("number: {e}")))?,
            )
        };
        let strictness = strictness(&self.state, &r.person_strictness)?;
        let generation = engine.generation();
        let request = WashRequest {
            centre: caller.centre.clone(),
            client: client.clone(),
            campaign,
            at,
        };
        let matched = person
            .as_ref()
            .zip(generation.persons.as_ref())
            .and_then(|(q, index)| {
                let m = index.find(q, strictness)?;
                let evidence = index.evidence(q, &m, strictness);
                Some((m, evidence))
            });
        let e = engine.explain(
            &generation,
            &request,
            number.map(|n| n.e164()),
            matched.as_ref().map(|(m, e)| (m, e)),
        );
        let history = match number {
            Some(n) => super::registry::history(&self.state, &caller, &client, n.e164())?,
            None => Vec::new(),
        };
        Ok(Response::new(pb::ExplainResponse {
            normalised: number.map(|n| n.to_string()).unwrap_or_default(),
            verdict: e.reasons.0,
            allowed: e.reasons.allowed(),
            reasons: e.reasons.names().into_iter().map(str::to_owned).collect(),
            entries: e
                .hits
                .into_iter()
                .map(|h| pb::ListEntry {
                    list: h.kind.to_owned(),
                    owner: h.owner,
                    source_reference: h.source_reference,
                    category: h.category.unwrap_or_default(),
                    since: h.since.map(|d| d.to_string()).unwrap_or_default(),
                    until: h.until.map(|d| d.to_string()).unwrap_or_default(),
                    detail: h.detail,
                })
                .collect(),
            live: e
                .live
                .into_iter()
                .map(|(list, op)| pb::LiveOperation {
                    list: super::registry::list_name(&list),
                    added: op.add,
                    seq: op.seq,
                })
                .collect(),
            history,
            generation_id: generation.id().to_owned(),
            snapshot_date: generation.manifest().national.snapshot_date.to_string(),
        }))
    }

    async fn call_window(
        &self,
        request: Request<pb::CallWindowRequest>,
    ) -> Result<Response<pb::CallWindowResponse>, Status> {
        let _ = caller(&request)?;
        let r = request.into_inner();
        let at = instant(r.at.as_ref())?;
        let country = if !r.country.is_empty() {
            r.country.to_ascii_uppercase()
        } else if !r.number.is_empty() {
            let n = self
                .state
                .engine
                .normaliser()
                .normalise(&r.number)
                .map_err(|e| Status::invalid_argument(format!("number: {e}")))?;
            country_of(n.e164())
                .ok_or_else(|| {
                    Status::not_found(format!("no calling-window policy for the country of {n}"))
                })?
                .to_owned()
        } else {
            return Err(Status::invalid_argument("country or number: give one"));
        };
        let policy: &CallingPolicy = self.state.calendars.get(&country).ok_or_else(|| {
            Status::not_found(format!(
                "no calling-window policy for country {country:?}; add a [[calling_policy]] to the config"
            ))
        })?;
        let w = policy.check(at);
        let (reason, holiday) = match &w.reason {
            None => (String::new(), String::new()),
            Some(ClosedReason::Weekend) => ("weekend".into(), String::new()),
            Some(ClosedReason::Holiday { name }) => ("holiday".into(), name.clone()),
            Some(ClosedReason::BeforeHours) => ("before_hours".into(), String::new()),
            Some(ClosedReason::AfterHours) => ("after_hours".into(), String::new()),
        };
        Ok(Response::new(pb::CallWindowResponse {
            open: w.open,
            reason,
            holiday,
            next_open: w.next_open.map(timestamp),
            closes_at: w.closes_at.map(timestamp),
            local_time: w.local_time.to_string(),
            time_zone: policy.time_zone().name().to_owned(),
            country,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_of_numbers() {
        assert_eq!(country_of(4791234567), Some("NO"));
        assert_eq!(country_of(358401234567), Some("FI"));
        assert_eq!(country_of(12025550123), Some("US"));
        assert_eq!(country_of(46701234567), Some("SE"));
        assert_eq!(country_of(0), None);
    }
}
