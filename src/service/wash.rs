//! `vask.v1.WashService`: Wash, WashStream, Explain, CallWindow, translated to and from the
//! wash session ([`crate::session`]) and the [`App`].

use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use super::auth::principal;
use super::{blocking, instant, pb, status, timestamp};
use crate::app::{App, CampaignParams};
use crate::calendar::ClosedReason;
use crate::domain::{CallerKind, Purpose};
use crate::person::Strictness;
use crate::session::{Batch, Numbers, PersonFields, Unpaired, WashParams, WashProof, WashSession};

/// The WashService implementation.
pub struct WashApi {
    app: Arc<App>,
}

impl WashApi {
    /// A handler over the app.
    pub fn new(app: Arc<App>) -> WashApi {
        WashApi { app }
    }
}

/// A request's client and campaign as library parameters.
pub fn campaign_params(
    client_id: &str,
    c: Option<&pb::Campaign>,
    at: Option<&prost_types::Timestamp>,
) -> Result<CampaignParams, Status> {
    let c = c.ok_or_else(|| Status::invalid_argument("campaign: required"))?;
    let purpose = match pb::Purpose::try_from(c.purpose) {
        Ok(pb::Purpose::Sales) => Some(Purpose::Sales),
        Ok(pb::Purpose::MarketResearch) => Some(Purpose::MarketResearch),
        Ok(pb::Purpose::Fundraising) => Some(Purpose::Fundraising),
        Ok(pb::Purpose::Unspecified) => None,
        Err(_) => return Err(Status::invalid_argument("campaign.purpose: unknown value")),
    };
    let caller = match pb::CallerKind::try_from(c.caller_kind) {
        Ok(pb::CallerKind::Unspecified) => None,
        Ok(pb::CallerKind::Business) => Some(CallerKind::Business),
        Ok(pb::CallerKind::Voluntary) => Some(CallerKind::Voluntary),
        Err(_) => {
            return Err(Status::invalid_argument(
                "campaign.caller_kind: unknown value",
            ));
        }
    };
    Ok(CampaignParams {
        client: client_id.to_owned(),
        campaign_id: c.campaign_id.clone(),
        purpose,
        caller,
        category: c.product_category.clone(),
        at: instant("at", at)?,
    })
}

/// The request's strictness, if it names one.
fn strictness(s: &str) -> Result<Option<Strictness>, Status> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        s.parse()
            .map(Some)
            .map_err(|e| Status::invalid_argument(format!("person_strictness: {e}")))
    }
}

/// A person of a request as library fields.
fn person_fields(p: pb::Person) -> PersonFields {
    PersonFields {
        given_names: p.given_names,
        surname: p.surname,
        street: p.street,
        house_number: p.house_number,
        house_letter: p.house_letter,
        postcode: p.postcode,
        city: p.city,
        birth_date: p.birth_date,
        national_id: p.national_id,
    }
}

/// A request's (or a chunk's) numbers and persons as the library's [`Numbers`].
fn numbers(raw: Vec<String>, e164: Vec<u64>, persons: Vec<pb::Person>) -> Result<Numbers, Status> {
    let persons = persons.into_iter().map(person_fields).collect();
    Numbers::pair(raw, e164, persons).map_err(|e| match e {
        Unpaired::Both => {
            Status::invalid_argument("numbers and e164: give one or the other, not both")
        }
        Unpaired::Count { persons, numbers } => Status::invalid_argument(format!(
            "persons: {persons} given for {numbers} numbers; give one per number (an empty Person for none)"
        )),
        Unpaired::Person(e) => status(e),
    })
}

/// Washes a batch ([`Numbers::wash_async`]), with gRPC's statuses.
async fn wash_batch(
    session: WashSession,
    numbers: Numbers,
) -> Result<(WashSession, Batch), Status> {
    let (session, batch) = numbers
        .wash_async(session)
        .await
        .map_err(|e| Status::internal(format!("task failed: {e}")))?;
    Ok((session, batch.map_err(status)?))
}

fn counts(proof: &WashProof) -> Vec<pb::ReasonCount> {
    proof
        .counts
        .iter()
        .map(|(reason, count)| pb::ReasonCount {
            reason: (*reason).to_owned(),
            count: *count,
        })
        .collect()
}

type WashStreamOut = Pin<Box<dyn Stream<Item = Result<pb::WashStreamResponse, Status>> + Send>>;

#[tonic::async_trait]
impl pb::wash_service_server::WashService for WashApi {
    async fn wash(
        &self,
        request: Request<pb::WashRequest>,
    ) -> Result<Response<pb::WashResponse>, Status> {
        let who = principal(&request)?;
        let r = request.into_inner();
        let numbers = numbers(r.numbers, r.e164, r.persons)?;
        let params = WashParams {
            campaign: campaign_params(&r.client_id, r.campaign.as_ref(), r.at.as_ref())?,
            source_reference: r.source_reference,
            check_calling_window: r.check_calling_window,
            strictness: strictness(&r.person_strictness)?,
            via: "grpc",
        };
        let session = self.app.start_wash(&who, params).map_err(status)?;
        let (session, batch) = wash_batch(session, numbers).await?;
        let generation_id = session.generation_id().to_owned();
        let snapshot_date = session.snapshot_date().to_string();
        let proof = session.finish().map_err(status)?;
        Ok(Response::new(pb::WashResponse {
            verdicts: batch.verdicts,
            normalised: if r.echo_normalised {
                batch.normalised
            } else {
                Vec::new()
            },
            wash_id: proof.wash_id.clone(),
            generation_id,
            snapshot_date,
            allowed: proof.allowed,
            blocked: proof.numbers - proof.allowed,
            counts: counts(&proof),
        }))
    }

    type WashStreamStream = WashStreamOut;

    async fn wash_stream(
        &self,
        request: Request<Streaming<pb::WashStreamRequest>>,
    ) -> Result<Response<Self::WashStreamStream>, Status> {
        let who = principal(&request)?;
        let mut input = request.into_inner();
        let idle = Duration::from_secs(u64::from(self.app.config().limits.stream_idle_seconds));
        let header = match tokio::time::timeout(idle, input.next()).await {
            Ok(Some(Ok(pb::WashStreamRequest {
                kind: Some(pb::wash_stream_request::Kind::Header(h)),
            }))) => h,
            Ok(Some(Err(e))) => return Err(e),
            Err(_) => return Err(idle_status(idle)),
            _ => {
                return Err(Status::invalid_argument(
                    "the first WashStream message must be a header",
                ));
            }
        };
        let params = WashParams {
            campaign: campaign_params(
                &header.client_id,
                header.campaign.as_ref(),
                header.at.as_ref(),
            )?,
            source_reference: header.source_reference,
            check_calling_window: header.check_calling_window,
            strictness: strictness(&header.person_strictness)?,
            via: "grpc_stream",
        };
        let echo = header.echo_normalised;
        let session = self.app.start_wash(&who, params).map_err(status)?;
        // A small channel: the client reading slowly slows our reading of its chunks, so
        // memory stays bounded whatever the list size.
        let (tx, rx) = tokio::sync::mpsc::channel(2);
        tokio::spawn(async move {
            let mut session = Some(session);
            let mut offset = 0u64;
            loop {
                // An idle stream would hold its generation (and the journal's compaction)
                // forever: it is ended.
                let msg = match tokio::time::timeout(idle, input.next()).await {
                    Err(_) => {
                        let _ = tx.send(Err(idle_status(idle))).await;
                        return;
                    }
                    Ok(None) => break,
                    Ok(Some(Ok(m))) => m,
                    Ok(Some(Err(e))) => {
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
                let numbers = match numbers(chunk.numbers, chunk.e164, chunk.persons) {
                    Ok(n) => n,
                    Err(e) => {
                        let _ = tx.send(Err(e)).await;
                        return;
                    }
                };
                let Some(s) = session.take() else { return };
                let (s, batch) = match wash_batch(s, numbers).await {
                    Ok(out) => out,
                    Err(e) => {
                        let _ = tx.send(Err(e)).await;
                        return;
                    }
                };
                let n = batch.verdicts.len() as u64;
                session = Some(s);
                let out = pb::WashStreamResponse {
                    kind: Some(pb::wash_stream_response::Kind::Chunk(pb::WashChunkResult {
                        offset,
                        verdicts: batch.verdicts,
                        normalised: if echo { batch.normalised } else { Vec::new() },
                    })),
                };
                offset += n;
                if tx.send(Ok(out)).await.is_err() {
                    return;
                }
            }
            let Some(s) = session else { return };
            let summary = s
                .finish()
                .map_err(status)
                .map(|proof| pb::WashStreamResponse {
                    kind: Some(pb::wash_stream_response::Kind::Summary(pb::WashSummary {
                        wash_id: proof.wash_id.clone(),
                        generation_id: proof.generation.clone(),
                        snapshot_date: proof.snapshot_date.clone(),
                        numbers: proof.numbers,
                        allowed: proof.allowed,
                        blocked: proof.numbers - proof.allowed,
                        counts: counts(&proof),
                        input_sha256: proof.input_sha256,
                    })),
                });
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
        let who = principal(&request)?;
        let r = request.into_inner();
        let params = campaign_params(&r.client_id, r.campaign.as_ref(), r.at.as_ref())?;
        let person = match r.person {
            Some(p) => person_fields(p)
                .parse()
                .map_err(|e| status(e.in_field(|f| format!("person.{f}"))))?,
            None => None,
        };
        let strictness = strictness(&r.person_strictness)?;
        let app = self.app.clone();
        let number = r.number;
        let e = blocking(move || {
            app.explain(&who, &params, &number, person.as_ref(), strictness, "grpc")
        })
        .await?
        .map_err(status)?;
        let reasons = e.explanation.reasons;
        Ok(Response::new(pb::ExplainResponse {
            normalised: e.normalised.unwrap_or_default(),
            verdict: reasons.0,
            allowed: reasons.allowed(),
            reasons: reasons.names().into_iter().map(str::to_owned).collect(),
            entries: e
                .explanation
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
                    via: h.via.to_owned(),
                    delivered_at: h.delivered_at.map(timestamp),
                })
                .collect(),
            live: e
                .explanation
                .live
                .into_iter()
                .map(|(list, op)| pb::LiveOperation {
                    list: list.to_string(),
                    added: op.add,
                    seq: op.seq,
                })
                .collect(),
            history: e
                .history
                .into_iter()
                .map(|h| pb::HistoryEntry {
                    seq: h.seq,
                    list: h.list,
                    added: h.added,
                    actor: h.actor,
                    reason: h.reason,
                    at: h.at.map(timestamp),
                    source: h.source.to_owned(),
                    other_centre: h.other_centre,
                })
                .collect(),
            history_omitted: e.history_omitted,
            generation_id: e.generation_id,
            snapshot_date: e.snapshot_date,
            audit_id: e.audit_id,
        }))
    }

    async fn call_window(
        &self,
        request: Request<pb::CallWindowRequest>,
    ) -> Result<Response<pb::CallWindowResponse>, Status> {
        let _ = principal(&request)?;
        let r = request.into_inner();
        let at = instant("at", r.at.as_ref())?;
        let (policy, w) = self
            .app
            .call_window(&r.country, &r.number, at)
            .map_err(status)?;
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
            country: policy.country().to_owned(),
        }))
    }
}

fn idle_status(idle: Duration) -> Status {
    Status::deadline_exceeded(format!(
        "WashStream sent nothing for {} s and was ended (an idle stream holds its generation); the verdicts sent stand, wash the rest in a new stream",
        idle.as_secs()
    ))
}
