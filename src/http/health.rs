//! Health and status: `GET /healthz` (the process answers), `GET /readyz` (it serves a
//! generation whose national snapshot is fresh now: a load balancer sends washes only where
//! they can succeed) and `GET /v1/status` (the caller's view of the generation, as gRPC's
//! `AdminService/Status`).

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

use super::auth::Caller;
use super::errors::{ErrorBody, Json};
use crate::app::App;

/// The answer of `/healthz` and `/readyz`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok`, or `stale` when the snapshot is too old to wash with.
    pub status: &'static str,
    /// The generation served.
    pub generation_id: String,
    /// Its national snapshot date.
    pub snapshot_date: String,
    /// The snapshot's age in days.
    pub snapshot_age_days: i64,
}

fn health(app: &App) -> (bool, Health) {
    let generation = app.engine().generation();
    let fresh = app.engine().freshness(&generation, app.now());
    (
        !fresh.stale,
        Health {
            status: if fresh.stale { "stale" } else { "ok" },
            generation_id: generation.id().to_owned(),
            snapshot_date: fresh.snapshot_date.to_string(),
            snapshot_age_days: fresh.age_days,
        },
    )
}

/// `GET /healthz`: 200 while the process serves, whatever the snapshot's age.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses(
    (status = 200, description = "The process serves", body = Health),
))]
pub async fn healthz(State(app): State<Arc<App>>) -> Json<Health> {
    Json(health(&app).1)
}

/// `GET /readyz`: 200 only with a fresh generation, else 503.
#[utoipa::path(get, path = "/readyz", tag = "operations", responses(
    (status = 200, description = "Serving a generation whose snapshot is fresh", body = Health),
    (status = 503, description = "The snapshot is too old to wash with", body = Health),
))]
pub async fn readyz(State(app): State<Arc<App>>) -> (StatusCode, Json<Health>) {
    let (ready, h) = health(&app);
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(h))
}

/// One list's count (gRPC `ListCount`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ListCount {
    /// `centre_dnc`, `client_dnc`, `express`, `customers`.
    pub list: &'static str,
    /// The centre or client that owns it.
    pub owner: String,
    /// Category (customers).
    pub category: String,
    /// Distinct numbers on it.
    pub numbers: u64,
    /// Where it came from.
    pub source_reference: String,
}

/// The service's state as the caller may see it (gRPC `StatusResponse`).
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusAnswer {
    /// The generation served.
    pub generation_id: String,
    /// When it was built (RFC 3339).
    pub generation_built: String,
    /// The national snapshot's date.
    pub snapshot_date: String,
    /// Its age in days.
    pub snapshot_age_days: i64,
    /// Too old to wash with now.
    pub snapshot_stale: bool,
    /// The first day it is too old.
    pub snapshot_stale_from: String,
    /// Reserved numbers in the national register.
    pub national_numbers: u64,
    /// Reserved persons in the person index.
    pub national_persons: u64,
    /// The lists of the caller's centre and clients.
    pub lists: Vec<ListCount>,
    /// Live opt-outs on those lists.
    pub live_operations: u64,
    /// Seconds since the service started.
    pub uptime_seconds: u64,
    /// Version and commit.
    pub version: String,
}

/// The caller's view of the service.
#[utoipa::path(
    get,
    path = "/v1/status",
    tag = "operations",
    responses(
        (status = 200, description = "The status", body = StatusAnswer),
        (status = 401, description = "No or unknown key", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn status(State(app): State<Arc<App>>, Caller(who): Caller) -> Json<StatusAnswer> {
    let s = app.status(&who);
    Json(StatusAnswer {
        generation_id: s.generation_id,
        generation_built: s.generation_built.to_rfc3339(),
        snapshot_date: s.snapshot_date.to_string(),
        snapshot_age_days: s.snapshot_age_days,
        snapshot_stale: s.snapshot_stale,
        snapshot_stale_from: s.snapshot_stale_from.to_string(),
        national_numbers: s.national_numbers,
        national_persons: s.national_persons,
        lists: s
            .lists
            .into_iter()
            .map(|l| ListCount {
                list: l.list,
                owner: l.owner,
                category: l.category,
                numbers: l.numbers,
                source_reference: l.source_reference,
            })
            .collect(),
        live_operations: s.live_operations,
        uptime_seconds: s.uptime_seconds,
        version: s.version.to_owned(),
    })
}
