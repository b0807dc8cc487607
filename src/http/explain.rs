//! `GET /v1/explain` and `POST /v1/explain`: every list and exemption that applies to one
//! number (or person) for a campaign, the live opt-outs and the number's history, as
//! [`App::explain`] answers (gRPC `Explain`). The same fields as query parameters (GET) or a
//! JSON object (POST: a person's name, address or national id then stays out of URLs, which
//! proxies and access logs keep).

use std::sync::Arc;

use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::auth::Caller;
use super::errors::{ApiError, ErrorBody, Json, Query};
use super::params::{self, Campaign, Person};
use crate::app::App;
use crate::session::PersonFields;

/// What to explain: query parameters (GET) or a JSON object (POST).
#[derive(Debug, Default, Deserialize, IntoParams, ToSchema)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExplainQuery {
    /// The client (also `client_id`).
    #[serde(default, alias = "client_id")]
    pub client: String,
    /// `sales`, `market_research` or `fundraising`.
    #[serde(default)]
    pub purpose: String,
    /// `business` or `voluntary` (default: the client's configured kind).
    #[serde(default)]
    pub caller_kind: String,
    /// Product category (also `product_category`).
    #[serde(default, alias = "product_category")]
    pub category: String,
    /// Free text, recorded.
    #[serde(default)]
    pub campaign_id: String,
    /// The number as written; may be empty when a person is given.
    #[serde(default)]
    pub number: String,
    /// RFC 3339 (default now).
    #[serde(default)]
    pub at: Option<String>,
    /// `exact`, `strict`, `normal` or `loose`.
    #[serde(default)]
    pub person_strictness: String,
    /// The person's given names.
    #[serde(default)]
    pub given_names: String,
    /// Surname.
    #[serde(default)]
    pub surname: String,
    /// Street (may carry the house number and letter).
    #[serde(default)]
    pub street: String,
    /// House number.
    #[serde(default)]
    pub house_number: String,
    /// House letter.
    #[serde(default)]
    pub house_letter: String,
    /// Postcode.
    #[serde(default)]
    pub postcode: String,
    /// Postal town.
    #[serde(default)]
    pub city: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub birth_date: String,
    /// National id (hashed on arrival; send it with POST, not in a URL).
    #[serde(default)]
    pub national_id: String,
}

/// A list or relationship that holds the number (gRPC `ListEntry`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ListEntry {
    /// `national_register`, `national_register_person`, `centre_dnc`, `client_dnc`,
    /// `customers`, `express`.
    pub list: String,
    /// The list's owner.
    pub owner: String,
    /// The delivery's source reference.
    pub source_reference: String,
    /// Category (customers).
    pub category: String,
    /// Added, started, requested or registered (`YYYY-MM-DD`), if known.
    pub since: String,
    /// Ended or expires, if any.
    pub until: String,
    /// More about the match.
    pub detail: String,
    /// Internal lists: `api` or `delivery`.
    pub via: String,
    /// Internal lists from a delivery: when it was imported (RFC 3339).
    pub delivered_at: Option<String>,
}

/// A live opt-out on a list (gRPC `LiveOperation`).
#[derive(Debug, Serialize, ToSchema)]
pub struct LiveOperation {
    /// `centre:<id>` or `client:<id>`.
    pub list: String,
    /// Added (true) or removed.
    pub added: bool,
    /// The journal seq.
    pub seq: u64,
}

/// One event of the number on an internal list the caller may see (gRPC `HistoryEntry`).
#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryEntry {
    /// Journal seq (0 for a delivery).
    pub seq: u64,
    /// The internal list (`centre:<id>` or `client:<id>`).
    pub list: String,
    /// Added or removed.
    pub added: bool,
    /// Who (API events of the caller's own centre only).
    pub actor: String,
    /// The reason given, or the delivery's source reference.
    pub reason: String,
    /// When (RFC 3339), if known.
    pub at: Option<String>,
    /// `api` or `delivery`.
    pub source: String,
}

/// What Explain answers (gRPC `ExplainResponse`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ExplainAnswer {
    /// `+4791234567`, or empty when only a person was asked about.
    pub normalised: String,
    /// The verdict code.
    pub verdict: u32,
    /// Allowed to call.
    pub allowed: bool,
    /// The verdict's reason names.
    pub reasons: Vec<String>,
    /// The lists and relationships that hold the number or person.
    pub entries: Vec<ListEntry>,
    /// Live opt-outs.
    pub live: Vec<LiveOperation>,
    /// The number's history on the lists the caller may see: the newest 100 entries.
    pub history: Vec<HistoryEntry>,
    /// Older history entries left out of `history`.
    pub history_omitted: u64,
    /// The generation that answered.
    pub generation_id: String,
    /// The national snapshot's date.
    pub snapshot_date: String,
    /// The audit record of this Explain.
    pub audit_id: String,
}

/// Explains one number or person.
#[utoipa::path(
    get,
    path = "/v1/explain",
    tag = "wash",
    params(ExplainQuery),
    responses(
        (status = 200, description = "The explanation", body = ExplainAnswer),
        (status = 400, description = "A field is wrong", body = ErrorBody),
        (status = 401, description = "No or unknown key", body = ErrorBody),
        (status = 403, description = "Not allowed for this client or purpose", body = ErrorBody),
        (status = 412, description = "The national snapshot is too old", body = ErrorBody),
        (status = 503, description = "Storage failure; retry", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn explain(
    State(app): State<Arc<App>>,
    Caller(who): Caller,
    Query(q): Query<ExplainQuery>,
) -> Result<Json<ExplainAnswer>, ApiError> {
    answer(app, who, q).await
}

/// Explains one number or person given as a JSON object (the fields of `GET`'s query).
#[utoipa::path(
    post,
    path = "/v1/explain",
    tag = "wash",
    request_body(content = ExplainQuery, content_type = "application/json"),
    responses(
        (status = 200, description = "The explanation", body = ExplainAnswer),
        (status = 400, description = "A field is wrong", body = ErrorBody),
        (status = 401, description = "No or unknown key", body = ErrorBody),
        (status = 403, description = "Not allowed for this client or purpose", body = ErrorBody),
        (status = 412, description = "The national snapshot is too old", body = ErrorBody),
        (status = 503, description = "Storage failure; retry", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn explain_post(
    State(app): State<Arc<App>>,
    Caller(who): Caller,
    Json(q): Json<ExplainQuery>,
) -> Result<Json<ExplainAnswer>, ApiError> {
    answer(app, who, q).await
}

async fn answer(
    app: Arc<App>,
    who: crate::auth::Principal,
    q: ExplainQuery,
) -> Result<Json<ExplainAnswer>, ApiError> {
    let campaign = Campaign {
        campaign_id: q.campaign_id,
        purpose: q.purpose,
        caller_kind: q.caller_kind,
        product_category: q.category,
    };
    let p = params::campaign_params(&q.client, &campaign, q.at.as_deref())?;
    let person = PersonFields::from(Person {
        given_names: q.given_names,
        surname: q.surname,
        street: q.street,
        house_number: q.house_number,
        house_letter: q.house_letter,
        postcode: q.postcode,
        city: q.city,
        birth_date: q.birth_date,
        national_id: q.national_id,
    })
    .parse()?;
    let strictness = params::strictness(&q.person_strictness)?;
    let number = q.number;
    let e = tokio::task::spawn_blocking(move || {
        app.explain(&who, &p, &number, person.as_ref(), strictness, "http")
    })
    .await
    .map_err(|e| ApiError::internal(format!("explain task failed: {e}")))??;
    let reasons = e.explanation.reasons;
    Ok(Json(ExplainAnswer {
        normalised: e.normalised.unwrap_or_default(),
        verdict: reasons.0,
        allowed: reasons.allowed(),
        reasons: reasons.names().into_iter().map(str::to_owned).collect(),
        entries: e
            .explanation
            .hits
            .into_iter()
            .map(|h| ListEntry {
                list: h.kind.to_owned(),
                owner: h.owner,
                source_reference: h.source_reference,
                category: h.category.unwrap_or_default(),
                since: h.since.map(|d| d.to_string()).unwrap_or_default(),
                until: h.until.map(|d| d.to_string()).unwrap_or_default(),
                detail: h.detail,
                via: h.via.to_owned(),
                delivered_at: h.delivered_at.map(|t| t.to_rfc3339()),
            })
            .collect(),
        live: e
            .explanation
            .live
            .into_iter()
            .map(|(list, op)| LiveOperation {
                list: list.to_string(),
                added: op.add,
                seq: op.seq,
            })
            .collect(),
        history: e
            .history
            .into_iter()
            .map(|h| HistoryEntry {
                seq: h.seq,
                list: h.list,
                added: h.added,
                actor: h.actor,
                reason: h.reason,
                at: h.at.map(|t| t.to_rfc3339()),
                source: h.source.to_owned(),
            })
            .collect(),
        history_omitted: e.history_omitted,
        generation_id: e.generation_id,
        snapshot_date: e.snapshot_date,
        audit_id: e.audit_id,
    }))
}
