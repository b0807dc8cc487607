//! Who is asking, over HTTP: the `Authorization: Bearer <api key>` header turned into the
//! [`Principal`] of [`crate::auth`], with the same keys as gRPC. Two ways to use it:
//!
//! - the [`Caller`] extractor in a handler's arguments (authenticates the request, or takes
//!   the principal a layer already attached);
//! - the [`require_key`] middleware as a layer over a whole router
//!   (`axum::middleware::from_fn_with_state(app, require_key)`), which refuses a request
//!   without a valid key with a JSON 401 before any handler runs and attaches the principal.

use std::sync::Arc;

use axum::extract::{FromRef, FromRequestParts, Request, State};
use axum::http::{HeaderMap, header, request::Parts};
use axum::middleware::Next;
use axum::response::Response;

use super::errors::ApiError;
use crate::app::App;
use crate::auth::{Keys, Principal};
use crate::error::RequestError;

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Caller(pub Principal);

/// The principal of a request's `Authorization` header.
pub fn authenticate(keys: &Keys, headers: &HeaderMap) -> Result<Principal, ApiError> {
    let header = match headers.get(header::AUTHORIZATION) {
        None => None,
        Some(v) => Some(v.to_str().map_err(|_| {
            ApiError::from(RequestError::Unauthenticated(
                "the authorization header is not text".into(),
            ))
        })?),
    };
    Ok(keys.authenticate(header)?)
}

impl<S> FromRequestParts<S> for Caller
where
    Arc<App>: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        if let Some(p) = parts.extensions.get::<Principal>() {
            return Ok(Caller(p.clone()));
        }
        let app = Arc::<App>::from_ref(state);
        authenticate(app.keys(), &parts.headers).map(Caller)
    }
}

/// Middleware: refuses a request without a valid key (JSON 401) and attaches its
/// [`Principal`] to the request's extensions for the handlers ([`Caller`]).
pub async fn require_key(
    State(app): State<Arc<App>>,
    mut request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let principal = authenticate(app.keys(), request.headers())?;
    request.extensions_mut().insert(principal);
    Ok(next.run(request).await)
}
