//! The service's Prometheus metrics: their names, and the one-line recording calls the
//! library makes where things happen (a wash finished, a journal batch fsynced, an audit
//! record appended). They go through the `metrics` facade: without an installed recorder
//! (every command but `vask serve`) a call costs next to nothing. The HTTP listener installs
//! the Prometheus recorder and serves `/metrics` (`crate::http::metrics`), where the gauges
//! read at scrape time (generation, snapshot age, live overlay, rebuild) are set.
//!
//! [`Measure`] is the tower layer both servers use to time every request (latency per route
//! or RPC, requests in flight).
//!
//! Names follow Prometheus' conventions: the `vask_` prefix, `_total` for counters,
//! `_seconds` and base units. Labels carry ids (client, endpoint, reason), never numbers.

use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use http::{Request, Response};

/// Washes finished (audited), by `client` and `via` (`grpc`, `grpc_stream`, `http`, `cli`, …).
pub const WASHES: &str = "vask_washes_total";
/// Numbers washed, by `client` and `verdict` (`allowed`, `blocked`).
pub const WASH_NUMBERS: &str = "vask_wash_numbers_total";
/// Numbers washed per reason flag, by `client` and `reason` (`national_register`, …).
pub const WASH_REASONS: &str = "vask_wash_reasons_total";
/// Request latency, by `protocol` (`http`, `grpc`), `endpoint` (route or RPC) and `status`.
pub const REQUEST_SECONDS: &str = "vask_request_duration_seconds";
/// Requests being served now, by `protocol`.
pub const REQUESTS_IN_FLIGHT: &str = "vask_requests_in_flight";
/// Requests refused by admission control (429 / `RESOURCE_EXHAUSTED`), by `protocol` and
/// `reason` (`rate`, `in_flight`, `bytes`).
pub const REQUESTS_SHED: &str = "vask_requests_shed_total";
/// Opt-out journal entries appended (durable), by `result` (`ok`, `error`).
pub const JOURNAL_APPENDS: &str = "vask_journal_appends_total";
/// Time to write and fsync one journal batch (group commit).
pub const JOURNAL_FSYNC_SECONDS: &str = "vask_journal_fsync_seconds";
/// Audit records appended.
pub const AUDIT_APPENDS: &str = "vask_audit_appends_total";
/// Audit appends that failed (the wash or Explain was refused).
pub const AUDIT_FAILURES: &str = "vask_audit_append_failures_total";

/// Records a finished wash: `counts` are numbers per reason name.
pub fn washed(
    client: &str,
    via: &'static str,
    numbers: u64,
    allowed: u64,
    counts: &[(&'static str, u64)],
) {
    let client = client.to_owned();
    metrics::counter!(WASHES, "client" => client.clone(), "via" => via).increment(1);
    metrics::counter!(WASH_NUMBERS, "client" => client.clone(), "verdict" => "allowed")
        .increment(allowed);
    metrics::counter!(WASH_NUMBERS, "client" => client.clone(), "verdict" => "blocked")
        .increment(numbers - allowed.min(numbers));
    for (reason, n) in counts {
        metrics::counter!(WASH_REASONS, "client" => client.clone(), "reason" => *reason)
            .increment(*n);
    }
}

/// Records a request shed by admission control.
pub fn shed(protocol: &'static str, reason: &'static str) {
    metrics::counter!(REQUESTS_SHED, "protocol" => protocol, "reason" => reason).increment(1);
}

/// Records one journal batch of `entries` written and fsynced in `took`.
pub fn journal_commit(entries: usize, took: Duration, ok: bool) {
    let result = if ok { "ok" } else { "error" };
    metrics::counter!(JOURNAL_APPENDS, "result" => result).increment(entries as u64);
    metrics::histogram!(JOURNAL_FSYNC_SECONDS).record(took.as_secs_f64());
}

/// Records an audit append.
pub fn audit_append(ok: bool) {
    if ok {
        metrics::counter!(AUDIT_APPENDS).increment(1);
    } else {
        metrics::counter!(AUDIT_FAILURES).increment(1);
    }
}

/// The file in the store's root where `vask rebuild` leaves how its last run ended.
pub const REBUILD_STATUS_FILE: &str = "last-rebuild.json";

/// How the last `vask rebuild` ended. The rebuild is a separate process, so it writes this
/// beside the generations and the server reads it when it is scraped.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RebuildStatus {
    /// When it ended.
    pub finished_at: chrono::DateTime<chrono::Utc>,
    /// It published a generation.
    pub ok: bool,
    /// How long it ran.
    pub seconds: f64,
    /// The generation it published (empty on failure).
    pub generation: String,
    /// Why it failed (empty on success).
    pub error: String,
}

impl RebuildStatus {
    /// Writes it into the store at `root` (replacing the previous one durably).
    pub fn write(&self, root: &std::path::Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        crate::fsutil::replace(&root.join(REBUILD_STATUS_FILE), &json)
            .map_err(std::io::Error::other)
    }

    /// The status the store at `root` holds, if a rebuild has left one.
    pub fn read(root: &std::path::Path) -> Option<RebuildStatus> {
        let text = std::fs::read(root.join(REBUILD_STATUS_FILE)).ok()?;
        serde_json::from_slice(&text).ok()
    }
}

/// Which front end a [`Measure`] layer measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// The HTTP API (endpoint: the route's path pattern; status: the HTTP status).
    Http,
    /// gRPC (endpoint: `/package.Service/Method`; status: the `grpc-status` header or `ok`).
    Grpc,
}

impl Protocol {
    fn name(self) -> &'static str {
        match self {
            Protocol::Http => "http",
            Protocol::Grpc => "grpc",
        }
    }
}

/// A tower layer that measures each request's latency (until its response headers) and
/// counts requests in flight. The endpoint label is the route pattern (`/v1/wash`) or the
/// RPC path, never the request's own path or query (which may carry numbers).
#[derive(Debug, Clone, Copy)]
pub struct Measure(pub Protocol);

impl<S> tower::Layer<S> for Measure {
    type Service = Measured<S>;
    fn layer(&self, inner: S) -> Measured<S> {
        Measured {
            inner,
            protocol: self.0,
        }
    }
}

/// The service of [`Measure`].
#[derive(Debug, Clone)]
pub struct Measured<S> {
    inner: S,
    protocol: Protocol,
}

/// Decrements the in-flight gauge when the request ends, however it ends.
struct InFlight(&'static str);

impl InFlight {
    fn new(protocol: &'static str) -> InFlight {
        metrics::gauge!(REQUESTS_IN_FLIGHT, "protocol" => protocol).increment(1.0);
        InFlight(protocol)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        metrics::gauge!(REQUESTS_IN_FLIGHT, "protocol" => self.0).decrement(1.0);
    }
}

impl<S, B, R> tower::Service<Request<B>> for Measured<S>
where
    S: tower::Service<Request<B>, Response = Response<R>> + Send,
    S::Future: Send + 'static,
{
    type Response = Response<R>;
    type Error = S::Error;
    type Future =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<Response<R>, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let protocol = self.protocol;
        let endpoint = match protocol {
            Protocol::Http => request
                .extensions()
                .get::<axum::extract::MatchedPath>()
                .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned()),
            Protocol::Grpc => request.uri().path().to_owned(),
        };
        let in_flight = InFlight::new(protocol.name());
        let started = Instant::now();
        let future = self.inner.call(request);
        Box::pin(async move {
            let result = future.await;
            let status = match &result {
                Ok(r) => match protocol {
                    Protocol::Http => r.status().as_u16().to_string(),
                    Protocol::Grpc => r
                        .headers()
                        .get("grpc-status")
                        .and_then(|v| v.to_str().ok())
                        .map_or_else(|| "ok".to_owned(), grpc_status_name),
                },
                Err(_) => "error".to_owned(),
            };
            metrics::histogram!(REQUEST_SECONDS, "protocol" => protocol.name(), "endpoint" => endpoint, "status" => status)
                .record(started.elapsed().as_secs_f64());
            drop(in_flight);
            result
        })
    }
}

/// The name of a gRPC status code (as in the header: a number).
fn grpc_status_name(code: &str) -> String {
    let name = match code {
        "0" => "ok",
        "1" => "cancelled",
        "3" => "invalid_argument",
        "4" => "deadline_exceeded",
        "5" => "not_found",
        "7" => "permission_denied",
        "8" => "resource_exhausted",
        "9" => "failed_precondition",
        "13" => "internal",
        "14" => "unavailable",
        "16" => "unauthenticated",
        other => other,
    };
    name.to_owned()
}
