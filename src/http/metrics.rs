//! `GET /metrics`: the Prometheus text exposition of [`crate::metrics`]. This module installs
//! the Prometheus recorder (once per process) and sets the gauges that are read at scrape
//! time: the generation, its age,
//! the national snapshot's age and the time left before it is too old, the live overlay's
//! size, and the last rebuild's duration and result (from the file `vask rebuild` leaves in
//! the store, [`crate::metrics::RebuildStatus`]).

use std::sync::{Arc, OnceLock};

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::app::App;
use crate::metrics as m;

/// Latency buckets (seconds): from 50 µs (a single number) to 60 s (a large batch).
const BUCKETS: [f64; 16] = [
    0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
    5.0, 60.0,
];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the Prometheus recorder for this process (the first call does; `None` if another
/// recorder was installed first, e.g. by a test).
pub fn install() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let handle = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), &BUCKETS)
                .and_then(|b| b.install_recorder());
            match handle {
                Ok(h) => {
                    describe();
                    Some(h)
                }
                Err(e) => {
                    tracing::warn!(error = %e, "metrics recorder not installed");
                    None
                }
            }
        })
        .as_ref()
}

/// The metrics' help texts (and zeros for counters that must exist before they first move).
fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    describe_counter!(
        m::WASHES,
        "Washes finished and audited, by client and front end"
    );
    describe_counter!(
        m::WASH_NUMBERS,
        "Numbers washed, by client and verdict (allowed, blocked)"
    );
    describe_counter!(
        m::WASH_REASONS,
        "Numbers washed per reason flag, by client and reason"
    );
    describe_histogram!(
        m::REQUEST_SECONDS,
        Unit::Seconds,
        "Request latency by protocol, endpoint (route or RPC) and status"
    );
    describe_gauge!(m::REQUESTS_IN_FLIGHT, "Requests being served, by protocol");
    describe_counter!(
        m::REQUESTS_SHED,
        "Requests refused by overload protection, by protocol"
    );
    describe_counter!(
        m::JOURNAL_APPENDS,
        "Opt-out journal entries appended, by result"
    );
    describe_histogram!(
        m::JOURNAL_FSYNC_SECONDS,
        Unit::Seconds,
        "Write and fsync of one journal batch (group commit)"
    );
    describe_counter!(m::AUDIT_APPENDS, "Proof-of-wash audit records appended");
    describe_counter!(
        m::AUDIT_FAILURES,
        "Audit appends that failed (the wash or Explain was refused)"
    );
    describe_gauge!(
        GENERATION,
        "The generation served (value 1; the id is a label)"
    );
    describe_gauge!(
        GENERATION_AGE,
        Unit::Seconds,
        "Time since the served generation was built"
    );
    describe_gauge!(
        SNAPSHOT_AGE,
        Unit::Seconds,
        "Age of the national register snapshot (from the start of its day)"
    );
    describe_gauge!(
        SNAPSHOT_STALE_IN,
        Unit::Seconds,
        "Time left before the national snapshot is too old to wash with (negative: stale)"
    );
    describe_gauge!(
        LIVE_OPERATIONS,
        "Live opt-outs in the overlay (not yet folded into a generation)"
    );
    describe_gauge!(
        REBUILD_SECONDS,
        Unit::Seconds,
        "Duration of the last vask rebuild"
    );
    describe_gauge!(
        REBUILD_SUCCESS,
        "1 if the last vask rebuild published a generation, 0 if it failed"
    );
    describe_gauge!(
        REBUILD_TIMESTAMP,
        Unit::Seconds,
        "When the last vask rebuild ended (Unix time)"
    );
    for protocol in ["http", "grpc"] {
        for reason in ["rate", "in_flight", "bytes"] {
            metrics::counter!(m::REQUESTS_SHED, "protocol" => protocol, "reason" => reason)
                .increment(0);
        }
    }
    metrics::counter!(m::AUDIT_FAILURES).increment(0);
}

/// The generation served: `vask_generation_info{generation_id="…"} 1`.
pub const GENERATION: &str = "vask_generation_info";
/// Seconds since the served generation was built.
pub const GENERATION_AGE: &str = "vask_generation_age_seconds";
/// The national snapshot's age.
pub const SNAPSHOT_AGE: &str = "vask_national_snapshot_age_seconds";
/// Time left before the national snapshot is stale.
pub const SNAPSHOT_STALE_IN: &str = "vask_national_snapshot_stale_in_seconds";
/// Live opt-outs in the overlay.
pub const LIVE_OPERATIONS: &str = "vask_live_operations";
/// The last rebuild's duration.
pub const REBUILD_SECONDS: &str = "vask_rebuild_last_duration_seconds";
/// The last rebuild's result.
pub const REBUILD_SUCCESS: &str = "vask_rebuild_last_success";
/// When the last rebuild ended.
pub const REBUILD_TIMESTAMP: &str = "vask_rebuild_last_timestamp_seconds";

/// Sets the gauges read at scrape time.
fn set_gauges(app: &App) {
    let now = app.now();
    let serving = app.engine().serving();
    let generation = &serving.generation;
    let manifest = generation.manifest();
    static SHOWN: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());
    // The generation served before is set to 0 (the facade cannot remove a series).
    if let Ok(mut shown) = SHOWN.lock()
        && *shown != manifest.id
    {
        if !shown.is_empty() {
            metrics::gauge!(GENERATION, "generation_id" => shown.clone()).set(0.0);
        }
        shown.clone_from(&manifest.id);
    }
    metrics::gauge!(GENERATION, "generation_id" => manifest.id.clone()).set(1.0);
    metrics::gauge!(GENERATION_AGE).set(seconds(now - manifest.created_at));
    let fresh = app.engine().freshness(generation, now);
    let midnight = |d: chrono::NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    if let Some(taken) = midnight(fresh.snapshot_date) {
        metrics::gauge!(SNAPSHOT_AGE).set(seconds(now - taken));
    }
    if let Some(stale) = midnight(fresh.stale_from) {
        metrics::gauge!(SNAPSHOT_STALE_IN).set(seconds(stale - now));
    }
    metrics::gauge!(LIVE_OPERATIONS).set(app.engine().live().len() as f64);
    if let Some(r) = m::RebuildStatus::read(app.store().root()) {
        metrics::gauge!(REBUILD_SECONDS).set(r.seconds);
        metrics::gauge!(REBUILD_SUCCESS).set(if r.ok { 1.0 } else { 0.0 });
        metrics::gauge!(REBUILD_TIMESTAMP).set(r.finished_at.timestamp() as f64);
    }
}

fn seconds(d: chrono::TimeDelta) -> f64 {
    d.num_milliseconds() as f64 / 1000.0
}

/// The Prometheus text.
#[utoipa::path(get, path = "/metrics", tag = "operations", responses(
    (status = 200, description = "Prometheus text exposition format 0.0.4", content_type = "text/plain"),
    (status = 503, description = "No metrics recorder in this process"),
))]
pub async fn scrape(State(app): State<Arc<App>>) -> axum::response::Response {
    let Some(handle) = install() else {
        return (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "no metrics recorder in this process\n",
        )
            .into_response();
    };
    set_gauges(&app);
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        handle.render(),
    )
        .into_response()
}
