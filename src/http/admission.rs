//! The HTTP side of admission control ([`crate::admission`]): every `/v1/` request is admitted
//! by the same budget as gRPC's (its key's rate, requests in flight, request bytes in flight)
//! before any handler runs, and holds its ticket until its answer has been sent. A shed
//! request gets a JSON 429 with `Retry-After`. `/healthz`, `/readyz`, `/metrics` and the
//! OpenAPI document are never shed.
//!
//! A request's bytes are its `Content-Length`; a body of unknown length (a streamed CSV
//! upload) counts as `limits.max_message_bytes`, what one chunk of it may hold at a time.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;

use super::errors::ApiError;
use crate::app::App;

/// Middleware: admits a request or sheds it with a JSON 429.
pub async fn admit(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !path.starts_with("/v1/") || path == "/v1/openapi.json" {
        return next.run(request).await;
    }
    let key = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|h| app.keys().authenticate(Some(h)).ok())
        .map(|p| p.id);
    let limit = app.config().limits.max_message_bytes as u64;
    let bytes = if matches!(*request.method(), Method::GET | Method::HEAD) {
        0
    } else {
        request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
            .map_or(limit, |n| n.min(limit))
    };
    match app.admission().admit(key.as_deref(), bytes) {
        Err(shed) => {
            crate::metrics::shed("http", shed.reason());
            tracing::debug!(reason = shed.reason(), "request shed");
            let seconds = shed.retry_after().as_secs_f64().ceil().max(1.0) as u64;
            ApiError::overloaded(shed.message(), seconds).into_response()
        }
        Ok(ticket) => {
            let response = next.run(request).await;
            // The ticket is given back when the answer's body is done (or dropped).
            response.map(|body| {
                Body::new(body.map_frame(move |frame| {
                    let _held = &ticket;
                    frame
                }))
            })
        }
    }
}
