//! Health and status: `GET /healthz` (the process answers), `GET /readyz` (it serves a
//! generation whose national snapshot is fresh now: a load balancer sends washes only where
//! they can succeed) and `GET /v1/status` (the caller's view of the generation, as gRPC's
//! `AdminService/Status`).

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;

use super::auth::Caller;
use super::errors::Json;
use crate::app::App;

/// The answer of `/healthz` and `/readyz`.
#[derive(Debug, Serialize)]
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
pub async fn healthz(State(app): State<Arc<App>>) -> Json<Health> {
    Json(health(&app).1)
}

/// `GET /readyz`: 200 only with a fresh generation, else 503.
pub async fn readyz(State(app): State<Arc<App>>) -> (StatusCode, Json<Health>) {
    let (ready, h) = health(&app);
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(h))
}

/// `GET /v1/status` (skeleton: the generation; the caller's lists follow).
pub async fn status(State(app): State<Arc<App>>, Caller(_who): Caller) -> Json<Health> {
    Json(health(&app).1)
}
