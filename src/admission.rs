//! Admission control: how much work the server takes on at once, so that excess load is shed
//! with a clear answer (`RESOURCE_EXHAUSTED`, HTTP 429, with a retry hint) instead of slowing
//! every caller down or running the machine out of memory.
//!
//! A request is admitted when all three hold, checked in this order without waiting:
//! - its key is within its **rate** (a token bucket per key: `rate_per_second` and `burst`
//!   on the key in the configuration, or `limits.key_rate_per_second` for every key);
//! - fewer than `limits.max_in_flight` requests are **in flight** on the whole server;
//! - its **bytes** fit in `limits.max_request_bytes_in_flight` with those of the requests in
//!   flight (a request's bytes are its message as received: the decoded batch is a few times
//!   that, so this bounds memory whatever the mix of small and large requests).
//!
//! An admitted request holds a [`Ticket`] until its response is sent. Deadlines are separate:
//! the server ends a handler at `limits.request_timeout_seconds` (and a client's own
//! `grpc-timeout` is honoured).
//!
//! [`GrpcLayer`] applies this to the gRPC server (tower), reading a request's size from the
//! length prefix of its first gRPC message; the HTTP API applies [`Admission::admit`] with the
//! body's length.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::{Buf, Bytes};
use http_body::Frame;
use http_body_util::BodyExt;

use crate::auth::Keys;
use crate::config::Config;

/// Why a request was not admitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shed {
    /// The key sent more than its rate allows.
    Rate {
        /// When the key's bucket has a token again.
        retry_after: Duration,
    },
    /// Too many requests in flight on the server.
    InFlight {
        /// Requests allowed in flight (`limits.max_in_flight`).
        limit: usize,
    },
    /// The request's bytes do not fit with those in flight.
    Bytes {
        /// The request's bytes.
        bytes: u64,
        /// Bytes allowed in flight (`limits.max_request_bytes_in_flight`).
        limit: u64,
    },
}

impl Shed {
    /// How long the caller should wait before retrying.
    pub fn retry_after(&self) -> Duration {
        match self {
            Shed::Rate { retry_after } => *retry_after,
            // Requests in flight take milliseconds to a second; a short pause spreads retries.
            Shed::InFlight { .. } | Shed::Bytes { .. } => Duration::from_millis(200),
        }
    }

    /// A stable name (`rate`, `in_flight`, `bytes`), for metrics and logs.
    pub fn reason(&self) -> &'static str {
        match self {
            Shed::Rate { .. } => "rate",
            Shed::InFlight { .. } => "in_flight",
            Shed::Bytes { .. } => "bytes",
        }
    }

    /// The message a caller sees.
    pub fn message(&self) -> String {
        match self {
            Shed::Rate { retry_after } => format!(
                "this key sends more requests than its rate allows; retry in {} ms",
                retry_after.as_millis()
            ),
            Shed::InFlight { limit } => format!(
                "the server is busy ({limit} requests in flight); retry in {} ms",
                self.retry_after().as_millis()
            ),
            Shed::Bytes { bytes, limit } => format!(
                "the server is busy: this request's {bytes} bytes do not fit with those in flight (limit {limit}); retry in {} ms, or send smaller batches",
                self.retry_after().as_millis()
            ),
        }
    }
}

/// A token bucket.
#[derive(Debug)]
struct Bucket {
    rate: f64,
    burst: f64,
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn take(&mut self, now: Instant) -> Result<(), Duration> {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.rate).min(self.burst);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - self.tokens) / self.rate))
        }
    }
}

#[derive(Debug)]
struct State {
    in_flight: usize,
    bytes: u64,
    buckets: HashMap<String, Bucket>,
}

/// The server's admission state; share it with an `Arc`.
#[derive(Debug)]
pub struct Admission {
    max_in_flight: usize,
    max_bytes: u64,
    /// Rate and burst per key id (keys without one are not rate-limited).
    rates: HashMap<String, (f64, f64)>,
    state: Mutex<State>,
}

impl Admission {
    /// Admission under the configuration's limits and key rates.
    pub fn new(config: &Config) -> Admission {
        let limits = &config.limits;
        let rates = config
            .keys
            .iter()
            .filter_map(|k| {
                let rate = k.rate_per_second.or(limits.key_rate_per_second)?;
                let burst = k.burst.unwrap_or(rate.saturating_mul(2)).max(1);
                Some((k.id.clone(), (f64::from(rate.max(1)), f64::from(burst))))
            })
            .collect();
        Admission {
            max_in_flight: limits.max_in_flight.max(1),
            max_bytes: limits.max_request_bytes_in_flight.max(1),
            rates,
            state: Mutex::new(State {
                in_flight: 0,
                bytes: 0,
                buckets: HashMap::new(),
            }),
        }
    }

    /// Admits a request of `bytes` from key `key` (its id, if known), or says why not.
    pub fn admit(self: &Arc<Self>, key: Option<&str>, bytes: u64) -> Result<Ticket, Shed> {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((key, &(rate, burst))) = key.and_then(|k| self.rates.get_key_value(k)) {
            let bucket = state.buckets.entry(key.clone()).or_insert(Bucket {
                rate,
                burst,
                tokens: burst,
                at: Instant::now(),
            });
            bucket
                .take(Instant::now())
                .map_err(|retry_after| Shed::Rate { retry_after })?;
        }
        if state.in_flight >= self.max_in_flight {
            return Err(Shed::InFlight {
                limit: self.max_in_flight,
            });
        }
        // A request larger than the whole budget is still admitted when nothing else is in
        // flight (the message limit already bounds it); otherwise it would never pass.
        if state.bytes.saturating_add(bytes) > self.max_bytes && state.in_flight > 0 {
            return Err(Shed::Bytes {
                bytes,
                limit: self.max_bytes,
            });
        }
        state.in_flight += 1;
        state.bytes = state.bytes.saturating_add(bytes);
        Ok(Ticket {
            admission: self.clone(),
            bytes,
        })
    }

    /// Requests in flight now.
    pub fn in_flight(&self) -> usize {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .in_flight
    }
}

/// An admitted request's share; given back when dropped.
#[derive(Debug)]
pub struct Ticket {
    admission: Arc<Admission>,
    bytes: u64,
}

impl Drop for Ticket {
    fn drop(&mut self) {
        let mut state = self
            .admission
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        state.in_flight = state.in_flight.saturating_sub(1);
        state.bytes = state.bytes.saturating_sub(self.bytes);
    }
}

// ---------------------------------------------------------------------------------------------
// gRPC.

/// The tower layer that admits gRPC requests.
#[derive(Clone)]
pub struct GrpcLayer {
    admission: Arc<Admission>,
    keys: Keys,
    /// What a streaming request may hold beyond its first message (one chunk).
    stream_bytes: u64,
}

impl GrpcLayer {
    /// A layer over `admission`; `keys` tells a request's key id (for its rate).
    pub fn new(admission: Arc<Admission>, keys: Keys, max_message_bytes: usize) -> GrpcLayer {
        GrpcLayer {
            admission,
            keys,
            stream_bytes: max_message_bytes as u64,
        }
    }
}

impl<S> tower::Layer<S> for GrpcLayer {
    type Service = GrpcAdmit<S>;

    fn layer(&self, inner: S) -> GrpcAdmit<S> {
        GrpcAdmit {
            inner,
            layer: self.clone(),
        }
    }
}

/// The service [`GrpcLayer`] makes.
#[derive(Clone)]
pub struct GrpcAdmit<S> {
    inner: S,
    layer: GrpcLayer,
}

type BoxFuture<T> = Pin<Box<dyn std::future::Future<Output = T> + Send>>;

impl<S> tower::Service<http::Request<tonic::body::Body>> for GrpcAdmit<S>
where
    S: tower::Service<
            http::Request<tonic::body::Body>,
            Response = http::Response<tonic::body::Body>,
        > + Clone
        + Send
        + 'static,
    S::Future: Send,
{
    type Response = http::Response<tonic::body::Body>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Self::Response, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: http::Request<tonic::body::Body>) -> Self::Future {
        // The clone that is ready goes into the future; a fresh clone stays (tower's rule).
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let layer = self.layer.clone();
        Box::pin(async move {
            let path = req.uri().path();
            // Health checks and reflection are never shed.
            if !path.starts_with("/vask.") {
                return inner.call(req).await;
            }
            let streaming = path.ends_with("/WashStream") || path.ends_with("/AddReservations");
            let key = req
                .headers()
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .and_then(|h| layer.keys.authenticate(Some(h)).ok())
                .map(|p| p.id);
            let (parts, body) = req.into_parts();
            let (first, body) = first_message_len(body).await;
            let bytes = first + if streaming { layer.stream_bytes } else { 0 };
            match layer.admission.admit(key.as_deref(), bytes) {
                Err(shed) => {
                    crate::metrics::shed("grpc", shed.reason());
                    tracing::debug!(reason = shed.reason(), "request shed");
                    let mut status = tonic::Status::resource_exhausted(shed.message());
                    if let Ok(v) = shed.retry_after().as_millis().to_string().parse() {
                        status.metadata_mut().insert("retry-after-ms", v);
                    }
                    Ok(status.into_http())
                }
                Ok(ticket) => {
                    let response = inner.call(http::Request::from_parts(parts, body)).await?;
                    // The ticket is held until the response body has been sent.
                    Ok(response.map(|b| {
                        tonic::body::Body::new(Holding {
                            body: b,
                            _ticket: ticket,
                        })
                    }))
                }
            }
        })
    }
}

/// Reads the body until the first gRPC message's 5-byte prefix (compressed flag, length) is
/// in hand; returns that length (0 if the body ends first) and the body, unchanged.
async fn first_message_len(mut body: tonic::body::Body) -> (u64, tonic::body::Body) {
    let mut seen: Vec<Frame<Bytes>> = Vec::new();
    let mut prefix: Vec<u8> = Vec::with_capacity(5);
    let mut failed = None;
    while prefix.len() < 5 {
        match body.frame().await {
            None => break,
            Some(Err(e)) => {
                failed = Some(e);
                break;
            }
            Some(Ok(frame)) => {
                if let Some(data) = frame.data_ref() {
                    let mut d = data.clone();
                    while prefix.len() < 5 && d.has_remaining() {
                        prefix.push(d.get_u8());
                    }
                }
                seen.push(frame);
            }
        }
    }
    let len = match prefix.as_slice() {
        [_, a, b, c, d] => u64::from(u32::from_be_bytes([*a, *b, *c, *d])),
        _ => 0,
    };
    let replay = replay_frames(seen, failed);
    let body = tonic::body::Body::new(Chain {
        first: replay,
        rest: body,
    });
    (len, body)
}

/// The frames read while peeking, then an error if reading failed.
fn replay_frames(
    seen: Vec<Frame<Bytes>>,
    failed: Option<tonic::Status>,
) -> std::collections::VecDeque<Result<Frame<Bytes>, tonic::Status>> {
    let mut q: std::collections::VecDeque<_> = seen.into_iter().map(Ok).collect();
    if let Some(e) = failed {
        q.push_back(Err(e));
    }
    q
}

/// The peeked frames, then the rest of the body.
struct Chain {
    first: std::collections::VecDeque<Result<Frame<Bytes>, tonic::Status>>,
    rest: tonic::body::Body,
}

impl http_body::Body for Chain {
    type Data = Bytes;
    type Error = tonic::Status;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, tonic::Status>>> {
        if let Some(frame) = self.first.pop_front() {
            return Poll::Ready(Some(frame));
        }
        Pin::new(&mut self.rest).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.first.is_empty() && self.rest.is_end_stream()
    }
}

/// A response body that holds an admission ticket until it is done.
struct Holding {
    body: tonic::body::Body,
    _ticket: Ticket,
}

impl http_body::Body for Holding {
    type Data = Bytes;
    type Error = tonic::Status;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, tonic::Status>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.body.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn admission(in_flight: usize, bytes: u64, rate: Option<u32>) -> Arc<Admission> {
        let mut rates = HashMap::new();
        if let Some(r) = rate {
            rates.insert("k".to_owned(), (f64::from(r), f64::from(r)));
        }
        Arc::new(Admission {
            max_in_flight: in_flight,
            max_bytes: bytes,
            rates,
            state: Mutex::new(State {
                in_flight: 0,
                bytes: 0,
                buckets: HashMap::new(),
            }),
        })
    }

    #[test]
    fn in_flight_and_bytes_are_bounded_and_given_back() {
        let a = admission(2, 100, None);
        let t1 = a.admit(None, 60).unwrap();
        assert!(matches!(a.admit(None, 50), Err(Shed::Bytes { .. })));
        let t2 = a.admit(None, 40).unwrap();
        assert!(matches!(a.admit(None, 0), Err(Shed::InFlight { limit: 2 })));
        drop(t1);
        let t3 = a.admit(None, 60).unwrap();
        assert_eq!(a.in_flight(), 2);
        drop((t2, t3));
        // One request larger than the whole budget passes alone.
        let big = a.admit(None, 1000).unwrap();
        assert!(matches!(a.admit(None, 1), Err(Shed::Bytes { .. })));
        drop(big);
        assert_eq!(a.in_flight(), 0);
    }

    #[test]
    fn a_key_over_its_rate_is_told_when_to_retry() {
        let a = admission(100, 1 << 30, Some(5));
        let tickets: Vec<Ticket> = (0..5).map(|_| a.admit(Some("k"), 1).unwrap()).collect();
        let Err(Shed::Rate { retry_after }) = a.admit(Some("k"), 1) else {
            panic!("over the rate");
        };
        assert!(retry_after <= Duration::from_millis(200) && retry_after > Duration::ZERO);
        // Other keys are not limited by it.
        assert!(a.admit(Some("other"), 1).is_ok());
        drop(tickets);
        std::thread::sleep(Duration::from_millis(250));
        assert!(a.admit(Some("k"), 1).is_ok());
    }
}
