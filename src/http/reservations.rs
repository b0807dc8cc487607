//! `POST /v1/reservations` and `DELETE /v1/reservations`: numbers added to (or removed from)
//! the centre's or a client's internal list, durable and in effect for every later wash when
//! the answer comes ([`App::change_reservations`]; gRPC `RegistryService`). The body is one
//! reservation (answered with its seq, or a JSON error) or an array of them (up to
//! `limits.max_batch`; answered with one result per entry, a bad entry with its own error,
//! as gRPC `AddReservations`).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::auth::Caller;
use super::errors::{ApiError, BodyBytes, ErrorBody, Json};
use crate::app::{App, ReservationInput, Reserved};
use crate::error::RequestError;
use crate::journal::Op;

/// One reservation change (gRPC `ReservationRequest`): set `centre: true` for the centre's own
/// list, or `client_id` for a client's.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReservationBody {
    /// The caller's centre's internal list.
    #[serde(default)]
    pub centre: bool,
    /// A client's internal list.
    #[serde(default)]
    pub client_id: Option<String>,
    /// The number as written.
    pub number: String,
    /// Agent id, `ivr`, `api`, `web-form`, …; required, at most 1024 bytes.
    #[serde(default)]
    pub actor: String,
    /// Why; required for a removal; at most 1024 bytes.
    #[serde(default)]
    pub reason: String,
}

/// A recorded change.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReservationAnswer {
    /// The journal seq.
    pub seq: u64,
    /// The number, `+<E.164>`.
    pub normalised: String,
}

/// One entry's result in a bulk change: `seq` and `normalised`, or `error_code` and `error`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReservationResult {
    /// The journal seq (0 when refused).
    pub seq: u64,
    /// The number, `+<E.164>` (empty when refused).
    pub normalised: String,
    /// Why this entry was refused (`invalid_argument`, `permission_denied`, `unavailable`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub error_code: String,
    /// The refusal's message.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub error: String,
}

/// The answer to a bulk change.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkAnswer {
    /// One result per entry, in order.
    pub results: Vec<ReservationResult>,
}

/// The answer: one change's, or an array's results.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum ReservationsAnswer {
    /// For one change.
    One(ReservationAnswer),
    /// For an array of changes.
    Many(BulkAnswer),
}

/// One reservation or an array of them.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ReservationsBody {
    /// One change.
    One(ReservationBody),
    /// Many changes.
    Many(Vec<ReservationBody>),
}

fn input(r: ReservationBody) -> ReservationInput {
    ReservationInput {
        centre: r.centre,
        client: r.client_id,
        number: r.number,
        actor: r.actor,
        reason: r.reason,
    }
}

async fn change(
    app: Arc<App>,
    who: crate::auth::Principal,
    body: Bytes,
    op: Op,
) -> Result<Json<ReservationsAnswer>, ApiError> {
    // One object or an array, told apart by the first byte so that a malformed entry is
    // reported by serde with its field and position.
    let many = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    let parse_error = |e: serde_json::Error| ApiError::invalid("body", e);
    if !many {
        let r: ReservationBody = serde_json::from_slice(&body).map_err(parse_error)?;
        let result = app
            .change_reservations(&who, vec![input(r)], op)
            .await
            .pop()
            .unwrap_or_else(|| {
                Err(RequestError::Unavailable(
                    "no result for the reservation; retry".into(),
                ))
            })?;
        tracing::info!(key = %who.id, centre = %who.centre, seq = result.seq, op = ?op, "reservation");
        let Reserved { seq, normalised } = result;
        return Ok(Json(ReservationsAnswer::One(ReservationAnswer {
            seq,
            normalised,
        })));
    }
    let entries: Vec<ReservationBody> = serde_json::from_slice(&body).map_err(parse_error)?;
    let max = app.config().limits.max_batch;
    if entries.len() > max {
        return Err(RequestError::TooMuch(format!(
            "{} reservations, the limit per request is {max}; split them",
            entries.len()
        ))
        .into());
    }
    let results = app
        .change_reservations(&who, entries.into_iter().map(input).collect(), op)
        .await;
    tracing::info!(key = %who.id, centre = %who.centre, entries = results.len(), refused = results.iter().filter(|r| r.is_err()).count(), op = ?op, "reservations");
    let results = results
        .into_iter()
        .map(|r| match r {
            Ok(Reserved { seq, normalised }) => ReservationResult {
                seq,
                normalised,
                error_code: String::new(),
                error: String::new(),
            },
            Err(e) => ReservationResult {
                seq: 0,
                normalised: String::new(),
                error_code: e.code().to_owned(),
                error: e.to_string(),
            },
        })
        .collect();
    Ok(Json(ReservationsAnswer::Many(BulkAnswer { results })))
}

/// Adds numbers to an internal list, with immediate effect.
#[utoipa::path(
    post,
    path = "/v1/reservations",
    tag = "reservations",
    request_body(content = ReservationsBody, content_type = "application/json"),
    responses(
        (status = 200, description = "Recorded (fsynced): one answer, or one result per entry for an array", body = ReservationsAnswer),
        (status = 400, description = "A field is wrong", body = ErrorBody),
        (status = 401, description = "No or unknown key", body = ErrorBody),
        (status = 403, description = "Not allowed for this client", body = ErrorBody),
        (status = 413, description = "More entries than limits.max_batch", body = ErrorBody),
        (status = 503, description = "Not stored durably; retry", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn add(
    State(app): State<Arc<App>>,
    Caller(who): Caller,
    BodyBytes(body): BodyBytes,
) -> Result<Json<ReservationsAnswer>, ApiError> {
    change(app, who, body, Op::Add).await
}

/// Removes numbers from an internal list (a reason is required; admin keys only by default).
#[utoipa::path(
    delete,
    path = "/v1/reservations",
    tag = "reservations",
    request_body(content = ReservationsBody, content_type = "application/json"),
    responses(
        (status = 200, description = "Recorded (fsynced): one answer, or one result per entry for an array", body = ReservationsAnswer),
        (status = 400, description = "A field is wrong (a removal needs a reason)", body = ErrorBody),
        (status = 401, description = "No or unknown key", body = ErrorBody),
        (status = 403, description = "Not an admin key, or not allowed for this client", body = ErrorBody),
        (status = 413, description = "More entries than limits.max_batch", body = ErrorBody),
        (status = 503, description = "Not stored durably; retry", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn remove(
    State(app): State<Arc<App>>,
    Caller(who): Caller,
    BodyBytes(body): BodyBytes,
) -> Result<Json<ReservationsAnswer>, ApiError> {
    change(app, who, body, Op::Remove).await
}
