//! The gRPC side of authentication: an interceptor that turns the `authorization: Bearer
//! <key>` metadata into the [`Principal`] of [`crate::auth`], attached to the request.

use tonic::{Request, Status};

use super::status;
use crate::auth::{Keys, Principal};

/// The interceptor: checks the bearer key and attaches the [`Principal`].
pub fn check(keys: &Keys, mut req: Request<()>) -> Result<Request<()>, Status> {
    let header = match req.metadata().get("authorization") {
        None => None,
        Some(v) => Some(
            v.to_str()
                .map_err(|_| Status::unauthenticated("authorization metadata is not text"))?,
        ),
    };
    let principal = keys.authenticate(header).map_err(status)?;
    req.extensions_mut().insert(principal);
    Ok(req)
}

/// The principal attached by the interceptor.
pub fn principal<T>(req: &Request<T>) -> Result<Principal, Status> {
    req.extensions()
        .get::<Principal>()
        .cloned()
        .ok_or_else(|| Status::unauthenticated("request was not authenticated"))
}
