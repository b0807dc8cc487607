//! `GET /v1/call-window`: whether calling is allowed at an instant in a country (or a
//! number's country), why not, and when it next opens ([`App::call_window`]; gRPC
//! `CallWindow`).

use std::sync::Arc;

use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::auth::Caller;
use super::errors::{ApiError, ErrorBody, Json, Query};
use super::params;
use crate::app::App;
use crate::calendar::ClosedReason;

/// The country or number, and the instant.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CallWindowQuery {
    /// ISO 3166 alpha-2; or give `number`.
    #[serde(default)]
    pub country: String,
    /// A number whose country decides.
    #[serde(default)]
    pub number: String,
    /// RFC 3339 (default now).
    #[serde(default)]
    pub at: Option<String>,
}

/// The calling window at the instant (gRPC `CallWindowResponse`).
#[derive(Debug, Serialize, ToSchema)]
pub struct CallWindowAnswer {
    /// Calling is allowed.
    pub open: bool,
    /// `weekend`, `holiday`, `before_hours`, `after_hours`; empty when open.
    pub reason: String,
    /// The holiday's name.
    pub holiday: String,
    /// When the window next opens (RFC 3339).
    pub next_open: Option<String>,
    /// When the open window closes (RFC 3339).
    pub closes_at: Option<String>,
    /// Local time at the instant.
    pub local_time: String,
    /// The policy's time zone.
    pub time_zone: String,
    /// The policy's country.
    pub country: String,
}

/// The calling window.
#[utoipa::path(
    get,
    path = "/v1/call-window",
    tag = "wash",
    params(CallWindowQuery),
    responses(
        (status = 200, description = "The window", body = CallWindowAnswer),
        (status = 400, description = "A field is wrong", body = ErrorBody),
        (status = 401, description = "No or unknown key", body = ErrorBody),
        (status = 404, description = "No calling policy for the country", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn call_window(
    State(app): State<Arc<App>>,
    Caller(_who): Caller,
    Query(q): Query<CallWindowQuery>,
) -> Result<Json<CallWindowAnswer>, ApiError> {
    let at = params::instant("at", q.at.as_deref())?;
    let (policy, w) = app.call_window(&q.country, &q.number, at)?;
    let (reason, holiday) = match &w.reason {
        None => ("", String::new()),
        Some(ClosedReason::Weekend) => ("weekend", String::new()),
        Some(ClosedReason::Holiday { name }) => ("holiday", name.clone()),
        Some(ClosedReason::BeforeHours) => ("before_hours", String::new()),
        Some(ClosedReason::AfterHours) => ("after_hours", String::new()),
    };
    Ok(Json(CallWindowAnswer {
        open: w.open,
        reason: reason.to_owned(),
        holiday,
        next_open: w.next_open.map(|t| t.to_rfc3339()),
        closes_at: w.closes_at.map(|t| t.to_rfc3339()),
        local_time: w.local_time.to_string(),
        time_zone: policy.time_zone().name().to_owned(),
        country: policy.country().to_owned(),
    }))
}
