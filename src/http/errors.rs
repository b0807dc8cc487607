//! JSON errors: every refusal of the HTTP API is `{"code": "…", "message": "…"}` with the
//! HTTP status that matches the gRPC code of the same [`RequestError`] (400 invalid argument,
//! 401 unauthenticated, 403 permission denied, 404 not found, 412 failed precondition, 413 too
//! much, 429 shed with `Retry-After`, 503 unavailable). `code` is [`RequestError::code`]: stable,
//! for machines; `message` is for the person who has to act on it.
//!
//! The extractors [`Json`] and [`Query`] are axum's with their rejections turned into these
//! errors, so a malformed body is a JSON 400 naming the field, and a body over the limit a
//! JSON 413, like every other refusal.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{HeaderValue, StatusCode, header, request::Parts};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::RequestError;

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// Stable, machine-readable kind: `invalid_argument`, `unauthenticated`,
    /// `permission_denied`, `not_found`, `failed_precondition`, `resource_exhausted`,
    /// `unavailable`, `internal`.
    pub code: String,
    /// What went wrong and what to do about it.
    pub message: String,
}

/// A refusal on its way to the client as a JSON error.
#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    retry_after_seconds: Option<u64>,
}

/// The HTTP status of a library refusal (the same mapping as the gRPC codes in
/// [`crate::service::status`]).
pub fn status_of(e: &RequestError) -> StatusCode {
    match e {
        RequestError::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
        RequestError::NotPermitted(_) => StatusCode::FORBIDDEN,
        RequestError::InvalidField { .. } => StatusCode::BAD_REQUEST,
        RequestError::Precondition(_) => StatusCode::PRECONDITION_FAILED,
        RequestError::TooMuch(_) => StatusCode::PAYLOAD_TOO_LARGE,
        RequestError::NotFound(_) => StatusCode::NOT_FOUND,
        RequestError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
    }
}

impl From<RequestError> for ApiError {
    fn from(e: RequestError) -> ApiError {
        ApiError {
            status: status_of(&e),
            code: e.code(),
            message: e.to_string(),
            retry_after_seconds: None,
        }
    }
}

impl ApiError {
    /// A 400 naming the field.
    pub fn invalid(field: &str, why: impl std::fmt::Display) -> ApiError {
        RequestError::invalid(field, why.to_string()).into()
    }

    /// A 429: the server sheds load; the client should retry after `retry_after_seconds`.
    pub fn overloaded(message: impl Into<String>, retry_after_seconds: u64) -> ApiError {
        ApiError {
            status: StatusCode::TOO_MANY_REQUESTS,
            code: "resource_exhausted",
            message: message.into(),
            retry_after_seconds: Some(retry_after_seconds),
        }
    }

    /// A 500: a bug or a failed task, never a refusal of the request itself.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: message.into(),
            retry_after_seconds: None,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The JSON body.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            code: self.code.to_owned(),
            message: self.message.clone(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body())).into_response();
        let headers = response.headers_mut();
        if let Some(s) = self.retry_after_seconds {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// A body that did not parse or was too large, as an [`ApiError`].
fn rejected(status: StatusCode, text: String) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        RequestError::TooMuch(format!(
            "the request body is larger than the server's limit (limits.max_message_bytes): {text}; split the list, or send a lead file as text/csv"
        ))
        .into()
    } else {
        ApiError::invalid("body", text)
    }
}

/// `axum::Json` whose rejection is a JSON [`ApiError`] (400, or 413 over the body limit).
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    axum::Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(Json(v)),
            Err(e) => Err(rejected(e.status(), e.body_text())),
        }
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// The raw body (within the body limit), with a JSON 413 over the limit.
#[derive(Debug, Clone, Default)]
pub struct BodyBytes(pub axum::body::Bytes);

impl<S: Send + Sync> FromRequest<S> for BodyBytes {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        axum::body::Bytes::from_request(req, state)
            .await
            .map(BodyBytes)
            .map_err(|e| rejected(e.status(), e.body_text()))
    }
}

/// `axum::extract::Query` whose rejection is a JSON 400.
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    axum::extract::Query<T>: FromRequestParts<S, Rejection = QueryRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(Query(v)),
            Err(e) => Err(ApiError::invalid("query", e.body_text())),
        }
    }
}

/// The answer to a path no route serves.
pub async fn not_found(uri: axum::http::Uri) -> ApiError {
    RequestError::NotFound(format!("no endpoint {}; see /v1/openapi.json", uri.path())).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_maps_to_the_status_of_its_grpc_code() {
        let cases = [
            (
                RequestError::Unauthenticated("k".into()),
                401,
                "unauthenticated",
            ),
            (
                RequestError::NotPermitted("p".into()),
                403,
                "permission_denied",
            ),
            (RequestError::invalid("at", "bad"), 400, "invalid_argument"),
            (
                RequestError::Precondition("old".into()),
                412,
                "failed_precondition",
            ),
            (
                RequestError::TooMuch("big".into()),
                413,
                "resource_exhausted",
            ),
            (RequestError::NotFound("none".into()), 404, "not_found"),
            (RequestError::Unavailable("disk".into()), 503, "unavailable"),
        ];
        for (e, status, code) in cases {
            let a = ApiError::from(e);
            assert_eq!((a.status().as_u16(), a.code()), (status, code));
        }
        let shed = ApiError::overloaded("busy", 2).into_response();
        assert_eq!(shed.status(), 429);
        assert_eq!(shed.headers()[header::RETRY_AFTER], "2");
    }
}
