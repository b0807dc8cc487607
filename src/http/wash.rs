//! `POST /v1/wash`: a JSON batch (numbers, E.164 integers and/or persons) answered with one
//! verdict per number, or a lead file (`Content-Type: text/csv`, optionally gzipped) streamed
//! back as CSV with the verdict columns of [`crate::leads`]; and `GET /v1/washes/{wash_id}`,
//! a wash's record from the audit trail. Both kinds of wash go through one wash session
//! ([`crate::session`]), so they are checked, limited and audited as over gRPC.
//!
//! The CSV stream: the request body is read as it arrives (`SyncIoBridge`) by a thread of the
//! blocking pool that washes it chunk by chunk with [`crate::leads::wash_csv`] and appends the
//! washed rows to an unlinked temporary *spool* file; the response body follows the spool as
//! it grows. So memory is bounded (a few chunks) whatever the file's size, and a client that
//! sends its whole file before it reads the answer (most HTTP/1.1 clients) cannot deadlock
//! the server: the wash never waits for the client to read. The summary (wash id, counts)
//! comes at the end in HTTP trailers (`x-vask-wash-id`, …) for a client that sends
//! `TE: trailers`, and stays readable afterwards at `GET /v1/washes/{wash_id}`. A wash that
//! fails after the response began (a bad row, the audit trail) ends the response with the
//! error in the trailers (`x-vask-status: error`) when the client takes trailers, else by
//! aborting the transfer, so that a truncated file is never taken for a whole one.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use hyper::body::Frame;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::auth::Caller;
use super::errors::{ApiError, ErrorBody, Json};
use super::params::{self, Campaign, Person};
use crate::app::App;
use crate::engine::rules::NAMES;
use crate::error::RequestError;
use crate::leads::{DEFAULT_NUMBER_COLUMN, LeadColumns};
use crate::session::{Numbers, PersonFields, Unpaired, WashParams, WashProof, WashSession};

/// The most bytes of the spool read into one response frame.
const FRAME_BYTES: u64 = 256 << 10;
/// The name of an uploaded lead file in errors.
const UPLOAD: &str = "uploaded lead file";

/// A batch to wash (gRPC `WashRequest`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WashBody {
    /// The client the calls are made for.
    pub client_id: String,
    /// Purpose, caller kind, category, campaign id.
    pub campaign: Campaign,
    /// Where the lead list came from (norm 4.2 a). Required; at most 1024 bytes.
    pub source_reference: String,
    /// Numbers as written (`+47 912 34 567`, `91234567`, …). Use this or `e164`.
    #[serde(default)]
    pub numbers: Vec<String>,
    /// Numbers already in E.164, as integers (4791234567): the fast path.
    #[serde(default)]
    pub e164: Vec<u64>,
    /// The person of each lead, one per number in order (`{}` for none); with no numbers,
    /// leads of persons only.
    #[serde(default)]
    pub persons: Vec<Person>,
    /// Return the normalised numbers.
    #[serde(default)]
    pub echo_normalised: bool,
    /// When the calls will be made (RFC 3339; default now; never in the past).
    #[serde(default)]
    pub at: Option<String>,
    /// Also flag numbers outside the calling window at `at` (`outside_calling_window`).
    #[serde(default)]
    pub check_calling_window: bool,
    /// `exact`, `strict`, `normal` or `loose` (default: the server's).
    #[serde(default)]
    pub person_strictness: String,
}

/// A reason and how many numbers had it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReasonCount {
    /// The reason's name (`national_register`, …).
    pub reason: String,
    /// Numbers with it.
    pub count: u64,
}

/// The reason names of each verdict, serialised as they are written (no allocation per
/// number).
#[derive(Debug, Default)]
pub struct ReasonNames(Vec<u32>);

impl Serialize for ReasonNames {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        struct One(u32);
        impl Serialize for One {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(None)?;
                for (bit, name) in NAMES {
                    if self.0 & bit != 0 {
                        seq.serialize_element(name)?;
                    }
                }
                seq.end()
            }
        }
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for &v in &self.0 {
            seq.serialize_element(&One(v))?;
        }
        seq.end()
    }
}

/// The verdicts of a batch (gRPC `WashResponse`, with reason names).
#[derive(Debug, Serialize, ToSchema)]
pub struct WashAnswer {
    /// One code per number, in request order: an OR of reason bits (0 allowed; 1 invalid
    /// number, 2 centre list, 4 client list, 8 national register block; 16 exempt customer,
    /// 32 exempt express, 64 outside the calling window, 128 person match, 256 fuzzy).
    pub verdicts: Vec<u32>,
    /// The names of each verdict's reasons, in request order (`[]` for allowed).
    #[schema(value_type = Vec<Vec<String>>)]
    pub reasons: ReasonNames,
    /// With `echo_normalised`: E.164 integers in request order, 0 where invalid.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub normalised: Vec<u64>,
    /// The wash's id in the audit trail.
    pub wash_id: String,
    /// The generation washed against.
    pub generation_id: String,
    /// The national register snapshot's date (`YYYY-MM-DD`).
    pub snapshot_date: String,
    /// Numbers allowed.
    pub allowed: u64,
    /// Numbers blocked.
    pub blocked: u64,
    /// Numbers per reason, for reasons that occurred.
    pub counts: Vec<ReasonCount>,
}

/// The campaign of a lead-file upload (`text/csv` only), as query parameters.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CsvQuery {
    /// The client (also `client_id`); required with a `text/csv` body.
    #[serde(default, alias = "client_id")]
    #[param(required = false)]
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
    /// Where the lead file came from (norm 4.2 a). Required.
    #[serde(default)]
    pub source_reference: String,
    /// Free text, recorded.
    #[serde(default)]
    pub campaign_id: String,
    /// When the calls will be made (RFC 3339; default now).
    #[serde(default)]
    pub at: Option<String>,
    /// Also flag numbers outside the calling window.
    #[serde(default)]
    pub check_calling_window: bool,
    /// The number column: a header name or a 0-based index (default `number`, also found as
    /// phone, telefon, mobil, msisdn, …).
    #[serde(default)]
    pub number_column: Option<String>,
    /// `exact`, `strict`, `normal` or `loose`.
    #[serde(default)]
    pub person_strictness: String,
    /// The field delimiter (default: sniffed from the header line).
    #[serde(default)]
    pub delimiter: Option<char>,
}

fn counts(proof: &WashProof) -> Vec<ReasonCount> {
    proof
        .counts
        .iter()
        .map(|(reason, count)| ReasonCount {
            reason: (*reason).to_owned(),
            count: *count,
        })
        .collect()
}

/// Is the body a lead file?
fn is_csv(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|t| {
            let t = t.trim();
            t.eq_ignore_ascii_case("text/csv") || t.eq_ignore_ascii_case("application/gzip")
        })
}

/// Washes a batch (JSON) or a lead file (CSV).
#[utoipa::path(
    post,
    path = "/v1/wash",
    tag = "wash",
    params(CsvQuery),
    request_body(
        description = "A JSON batch, or a lead file (CSV with a header line, optionally gzipped) whose campaign is given in the query",
        content(
            (WashBody = "application/json"),
            (String = "text/csv"),
        )
    ),
    responses(
        (status = 200, description = "Verdicts (JSON), or the lead file with the columns vask_verdict, vask_reasons and vask_e164 appended (CSV; summary in the trailers x-vask-status, x-vask-wash-id, x-vask-rows, x-vask-allowed, x-vask-blocked, x-vask-counts, x-vask-input-sha256, x-vask-error-code, x-vask-error)",
            content((WashAnswer = "application/json"), (String = "text/csv"))),
        (status = 400, description = "A field is wrong", body = ErrorBody),
        (status = 401, description = "No or unknown key", body = ErrorBody),
        (status = 403, description = "Not allowed for this client or purpose", body = ErrorBody),
        (status = 412, description = "The national snapshot is too old", body = ErrorBody),
        (status = 413, description = "More numbers than limits.max_batch, or a body over limits.max_message_bytes", body = ErrorBody),
        (status = 429, description = "Shed under load; retry after Retry-After seconds", body = ErrorBody),
        (status = 503, description = "Storage failure (the proof of wash could not be written); retry", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn wash(
    State(app): State<Arc<App>>,
    caller: Result<Caller, ApiError>,
    request: Request,
) -> Result<Response, ApiError> {
    if is_csv(request.headers()) {
        return wash_csv(app, caller.map(|c| c.0), request).await;
    }
    let Caller(who) = caller?;
    let Json(body) = Json::<WashBody>::from_request(request, &()).await?;
    wash_json(app, who, body)
        .await
        .map(IntoResponse::into_response)
}

async fn wash_json(
    app: Arc<App>,
    who: crate::auth::Principal,
    r: WashBody,
) -> Result<Json<WashAnswer>, ApiError> {
    let persons = r.persons.into_iter().map(PersonFields::from).collect();
    let numbers = Numbers::pair(r.numbers, r.e164, persons).map_err(|e| match e {
        Unpaired::Both => RequestError::invalid("numbers", "give `numbers` or `e164`, not both"),
        Unpaired::Count { persons, numbers } => RequestError::invalid(
            "persons",
            format!("{persons} given for {numbers} numbers; give one per number (`{{}}` for none)"),
        ),
        Unpaired::Person(e) => e,
    })?;
    let params = WashParams {
        campaign: params::campaign_params(&r.client_id, &r.campaign, r.at.as_deref())?,
        source_reference: r.source_reference,
        check_calling_window: r.check_calling_window,
        strictness: params::strictness(&r.person_strictness)?,
        via: "http",
    };
    let session = app.start_wash(&who, params)?;
    let (session, batch) = numbers
        .wash_async(session)
        .await
        .map_err(|e| ApiError::internal(format!("wash task failed: {e}")))?;
    let batch = batch?;
    let generation_id = session.generation_id().to_owned();
    let snapshot_date = session.snapshot_date().to_string();
    let proof = session.finish()?;
    Ok(Json(WashAnswer {
        reasons: ReasonNames(batch.verdicts.clone()),
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

/// The washed file as it is written: an unlinked temporary file, how much of it is written,
/// and how the wash ended.
struct Spool {
    file: std::fs::File,
    written: AtomicU64,
    outcome: OnceLock<Result<WashProof, ApiError>>,
    wake: tokio::sync::Notify,
}

impl Spool {
    fn read_at(&self, buf: &mut [u8], at: u64) -> std::io::Result<usize> {
        #[cfg(unix)]
        {
            std::os::unix::fs::FileExt::read_at(&self.file, buf, at)
        }
        #[cfg(windows)]
        {
            std::os::windows::fs::FileExt::seek_read(&self.file, buf, at)
        }
    }
}

/// The writing end of the spool (the wash thread's output).
struct SpoolWriter(Arc<Spool>);

impl Write for SpoolWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = (&self.0.file).write(buf)?;
        self.0.written.fetch_add(n as u64, Ordering::Release);
        self.0.wake.notify_one();
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The summary of a finished CSV wash, as trailers (or the error).
fn trailers(outcome: &Result<WashProof, ApiError>) -> HeaderMap {
    fn value(text: &str) -> HeaderValue {
        let clean: String = text
            .chars()
            .map(|c| {
                if c.is_ascii_graphic() || c == ' ' {
                    c
                } else {
                    '?'
                }
            })
            .collect();
        HeaderValue::from_str(&clean).unwrap_or_else(|_| HeaderValue::from_static("?"))
    }
    let mut h = HeaderMap::new();
    let mut put = |name: &'static str, v: &str| {
        h.insert(HeaderName::from_static(name), value(v));
    };
    match outcome {
        Ok(p) => {
            put("x-vask-status", "ok");
            put("x-vask-wash-id", &p.wash_id);
            put("x-vask-rows", &p.numbers.to_string());
            put("x-vask-allowed", &p.allowed.to_string());
            put("x-vask-blocked", &(p.numbers - p.allowed).to_string());
            let counts: Vec<String> = p.counts.iter().map(|(r, c)| format!("{r}={c}")).collect();
            put("x-vask-counts", &counts.join(","));
            put("x-vask-generation-id", &p.generation);
            put("x-vask-snapshot-date", &p.snapshot_date);
            put("x-vask-input-sha256", &p.input_sha256);
        }
        Err(e) => {
            put("x-vask-status", "error");
            put("x-vask-error-code", e.code());
            put("x-vask-error", &e.body().message);
        }
    }
    h
}

/// The trailer fields a CSV answer may end with (declared up front, as HTTP/1.1 wants).
const TRAILERS: &str = "x-vask-status, x-vask-wash-id, x-vask-rows, x-vask-allowed, x-vask-blocked, x-vask-counts, x-vask-generation-id, x-vask-snapshot-date, x-vask-input-sha256, x-vask-error-code, x-vask-error";

/// A lead-file wash, checked and started: the session and how to read the file.
struct CsvStart {
    session: WashSession,
    number_column: String,
    delimiter: Option<char>,
}

fn start_csv(
    app: &Arc<App>,
    who: Result<crate::auth::Principal, ApiError>,
    uri: &axum::http::Uri,
) -> Result<CsvStart, ApiError> {
    let who = who?;
    let axum::extract::Query(q) = axum::extract::Query::<CsvQuery>::try_from_uri(uri)
        .map_err(|e| ApiError::invalid("query", e.body_text()))?;
    let params = WashParams {
        campaign: params::campaign_params(
            &q.client,
            &Campaign {
                campaign_id: q.campaign_id,
                purpose: q.purpose,
                caller_kind: q.caller_kind,
                product_category: q.category,
            },
            q.at.as_deref(),
        )?,
        source_reference: q.source_reference,
        check_calling_window: q.check_calling_window,
        strictness: params::strictness(&q.person_strictness)?,
        via: "http",
    };
    Ok(CsvStart {
        session: app.start_wash(&who, params)?,
        number_column: q
            .number_column
            .unwrap_or_else(|| DEFAULT_NUMBER_COLUMN.to_owned()),
        delimiter: q.delimiter,
    })
}

/// Reads and drops what is left of a refused upload (up to `limit` bytes, for up to
/// [`DRAIN_SECONDS`]), so that a client that sends its whole file before it reads (most
/// HTTP/1.1 clients) gets the JSON error instead of a broken connection.
async fn drain(body: Body, limit: usize) {
    let mut stream = body.into_data_stream();
    let mut read = 0usize;
    let _ = tokio::time::timeout(std::time::Duration::from_secs(DRAIN_SECONDS), async {
        while let Some(Ok(chunk)) = stream.next().await {
            read += chunk.len();
            if read > limit {
                break;
            }
        }
    })
    .await;
}

/// How long a refused upload is read on (see [`drain`]).
const DRAIN_SECONDS: u64 = 10;

async fn wash_csv(
    app: Arc<App>,
    who: Result<crate::auth::Principal, ApiError>,
    request: Request,
) -> Result<Response, ApiError> {
    let (parts, body) = request.into_parts();
    let limit = app.config().limits.max_message_bytes;
    let CsvStart {
        mut session,
        number_column,
        delimiter,
    } = match start_csv(&app, who, &parts.uri) {
        Ok(start) => start,
        Err(e) => {
            drain(body, limit).await;
            return Err(e);
        }
    };
    let takes_trailers = parts
        .headers
        .get(header::TE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim().eq_ignore_ascii_case("trailers"))
        });
    let generation_id = session.generation_id().to_owned();
    let snapshot_date = session.snapshot_date().to_string();

    let file = tempfile::tempfile().map_err(|e| {
        tracing::error!(error = %e, "cannot create the spool file of a CSV wash");
        ApiError::from(RequestError::Unavailable(format!(
            "cannot create a temporary file for the washed rows ({e}); retry"
        )))
    })?;
    let spool = Arc::new(Spool {
        file,
        written: AtomicU64::new(0),
        outcome: OnceLock::new(),
        wake: tokio::sync::Notify::new(),
    });
    // An upload that sends nothing for `limits.stream_idle_seconds` fails (it would hold its
    // generation and a blocking thread), as an idle WashStream does.
    let idle = std::time::Duration::from_secs(u64::from(app.config().limits.stream_idle_seconds));
    let body =
        tokio_stream::StreamExt::timeout(body.into_data_stream(), idle).map(move |r| match r {
            Ok(Ok(bytes)) => Ok(bytes),
            Ok(Err(e)) => Err(std::io::Error::other(e)),
            Err(_) => Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!(
                    "the upload sent nothing for {} s and was ended",
                    idle.as_secs()
                ),
            )),
        });
    let input =
        tokio_util::io::SyncIoBridge::new(tokio_util::io::StreamReader::new(Box::pin(body)));
    let (started_tx, started_rx) = tokio::sync::oneshot::channel::<Result<(), ApiError>>();
    let writer = spool.clone();
    tokio::task::spawn_blocking(move || {
        let started = Mutex::new(Some(started_tx));
        let start = |r: Result<(), ApiError>| {
            if let Some(tx) = started.lock().ok().and_then(|mut t| t.take()) {
                let _ = tx.send(r);
            }
        };
        let outcome = (|| -> Result<WashProof, ApiError> {
            let bad = |e: &dyn std::fmt::Display| ApiError::invalid("body", e);
            let mut csv_in = crate::sources::table::reader_from(UPLOAD, Box::new(input), delimiter)
                .map_err(|e| bad(&e))?;
            let headers = csv_in.byte_headers().map_err(|e| bad(&e))?.clone();
            let columns = match LeadColumns::find(&headers, &number_column, UPLOAD) {
                Ok(c) => c,
                Err(e) => {
                    // Read the rest, so that the client gets this error (see `drain`).
                    let mut rest = csv_in.into_inner().take(limit as u64);
                    let _ = std::io::copy(&mut rest, &mut std::io::sink());
                    return Err(ApiError::invalid("number_column", e));
                }
            };
            start(Ok(()));
            let tally = crate::leads::wash_csv(
                &mut csv_in,
                SpoolWriter(writer.clone()),
                &columns,
                UPLOAD,
                &mut session,
                &|_| {},
            )
            .map_err(|e| match e {
                crate::leads::LeadError::Wash(e) => ApiError::from(e),
                crate::leads::LeadError::Write(w) => ApiError::from(RequestError::Unavailable(
                    format!("writing the washed rows: {w}"),
                )),
                other => bad(&other),
            })?;
            let proof = session.finish()?;
            tracing::info!(wash_id = %proof.wash_id, rows = tally.rows, allowed = tally.allowed, "lead file washed over http");
            Ok(proof)
        })();
        if let Err(e) = &outcome {
            tracing::info!(code = e.code(), "lead file wash over http failed");
        }
        start(outcome.as_ref().map(|_| ()).map_err(Clone::clone));
        let _ = writer.outcome.set(outcome);
        writer.wake.notify_one();
    });
    match started_rx.await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(e),
        Err(_) => return Err(ApiError::internal("the wash task ended without an answer")),
    }

    // The response follows the spool: rows as they are written, then the trailers.
    let mut response = Response::new(Body::new(http_body_util::StreamBody::new(frames(
        spool,
        takes_trailers,
    ))));
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(header::TRAILER, HeaderValue::from_static(TRAILERS));
    if let Ok(v) = HeaderValue::from_str(&generation_id) {
        h.insert(HeaderName::from_static("x-vask-generation-id"), v);
    }
    if let Ok(v) = HeaderValue::from_str(&snapshot_date) {
        h.insert(HeaderName::from_static("x-vask-snapshot-date"), v);
    }
    Ok(response)
}

/// The frames of a CSV answer: the spool's bytes as they are written, then the trailers (or,
/// after a failure, an error that aborts the transfer when the client takes no trailers).
fn frames(
    spool: Arc<Spool>,
    takes_trailers: bool,
) -> impl futures_util::Stream<Item = Result<Frame<Bytes>, std::io::Error>> + Send {
    futures_util::stream::unfold(Some((spool, 0u64)), move |state| async move {
        let (spool, mut at) = state?;
        loop {
            // The outcome first: once it is set, `written` is final.
            let done = spool.outcome.get();
            let end = spool.written.load(Ordering::Acquire);
            if at < end {
                let len = (end - at).min(FRAME_BYTES) as usize;
                let mut buf = vec![0u8; len];
                let n = match spool.read_at(&mut buf, at) {
                    Ok(n) => n,
                    Err(e) => return Some((Err(e), None)),
                };
                buf.truncate(n);
                at += n as u64;
                return Some((Ok(Frame::data(Bytes::from(buf))), Some((spool, at))));
            }
            match done {
                Some(outcome) => {
                    return match (outcome, takes_trailers) {
                        (Ok(_), _) | (Err(_), true) => {
                            Some((Ok(Frame::trailers(trailers(outcome))), None))
                        }
                        (Err(e), false) => Some((
                            Err(std::io::Error::other(format!(
                                "the wash failed after the answer began: {}",
                                e.body().message
                            ))),
                            None,
                        )),
                    };
                }
                None => spool.wake.notified().await,
            }
        }
    })
}

/// A wash as recorded in the audit trail.
#[derive(Debug, Serialize, ToSchema)]
pub struct WashRecordAnswer {
    /// The record (`kind: wash`): time, centre, client, campaign, source reference, counts per
    /// reason, generation, snapshot date, SHA-256 of the normalised input.
    #[schema(value_type = Object)]
    pub record: crate::audit::WashRecord,
    /// Its place in the trail.
    pub seq: u64,
}

/// A wash's record from the audit trail (the caller's centre's washes only).
#[utoipa::path(
    get,
    path = "/v1/washes/{wash_id}",
    tag = "wash",
    params(("wash_id" = String, Path, description = "The id a wash answered with")),
    responses(
        (status = 200, description = "The record", body = WashRecordAnswer),
        (status = 401, description = "No or unknown key", body = ErrorBody),
        (status = 404, description = "No wash of this centre with that id", body = ErrorBody),
        (status = 503, description = "The audit trail could not be read", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub async fn wash_record(
    State(app): State<Arc<App>>,
    Caller(who): Caller,
    Path(wash_id): Path<String>,
) -> Result<Json<WashRecordAnswer>, ApiError> {
    let dir = app.config().audit.clone();
    let key = app.config().audit_key.clone();
    let entries = tokio::task::spawn_blocking(move || crate::audit::read(&dir, key.as_ref()))
        .await
        .map_err(|e| ApiError::internal(format!("audit read task failed: {e}")))?
        .map_err(|e| {
            tracing::error!(error = %e, "reading the audit trail failed");
            RequestError::Unavailable(format!("could not read the audit trail: {e}"))
        })?;
    entries
        .into_iter()
        .rev()
        .find_map(|e| match e.record {
            crate::audit::AuditRecord::Wash(r)
                if r.wash_id == wash_id && r.centre == who.centre.as_str() =>
            {
                Some(WashRecordAnswer {
                    record: r,
                    seq: e.seq,
                })
            }
            _ => None,
        })
        .map(Json)
        .ok_or_else(|| {
            RequestError::NotFound(format!("no wash {wash_id:?} of centre {}", who.centre)).into()
        })
}
