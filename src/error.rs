//! Why a request was refused, in the library's terms. Every front end maps a
//! [`RequestError`] to its own status the same way: gRPC codes in `service`, HTTP statuses in
//! the HTTP API, a message and an exit status in the CLI. The message is written for the
//! person who has to act on it.

/// Why a request was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// No credentials, or unknown ones (gRPC `UNAUTHENTICATED`, HTTP 401).
    #[error("{0}")]
    Unauthenticated(String),
    /// Authenticated, but not allowed to do this (gRPC `PERMISSION_DENIED`, HTTP 403).
    #[error("{0}")]
    NotPermitted(String),
    /// A field of the request is wrong (gRPC `INVALID_ARGUMENT`, HTTP 400). The message
    /// starts with the field's name.
    #[error("{field}: {why}")]
    InvalidField {
        /// The field, e.g. `at` or `persons[3].birth_date`.
        field: String,
        /// What is wrong and what is expected.
        why: String,
    },
    /// The service's state does not allow it now, e.g. a stale national snapshot (gRPC
    /// `FAILED_PRECONDITION`, HTTP 412).
    #[error("{0}")]
    Precondition(String),
    /// More than a limit allows (gRPC `RESOURCE_EXHAUSTED`, HTTP 413 or 429).
    #[error("{0}")]
    TooMuch(String),
    /// Nothing to answer with, e.g. no calling policy for a country (gRPC `NOT_FOUND`, 404).
    #[error("{0}")]
    NotFound(String),
    /// A storage failure: nothing was done, retry later (gRPC `UNAVAILABLE`, HTTP 503).
    #[error("{0}")]
    Unavailable(String),
}

impl RequestError {
    /// An [`RequestError::InvalidField`].
    pub fn invalid(field: impl Into<String>, why: impl Into<String>) -> RequestError {
        RequestError::InvalidField {
            field: field.into(),
            why: why.into(),
        }
    }

    /// A stable, machine-readable name of the kind of error (`invalid_argument`, …).
    pub fn code(&self) -> &'static str {
        match self {
            RequestError::Unauthenticated(_) => "unauthenticated",
            RequestError::NotPermitted(_) => "permission_denied",
            RequestError::InvalidField { .. } => "invalid_argument",
            RequestError::Precondition(_) => "failed_precondition",
            RequestError::TooMuch(_) => "resource_exhausted",
            RequestError::NotFound(_) => "not_found",
            RequestError::Unavailable(_) => "unavailable",
        }
    }

    /// The error with its field renamed (a front end naming the field its own way).
    pub fn in_field(self, rename: impl FnOnce(&str) -> String) -> RequestError {
        match self {
            RequestError::InvalidField { field, why } => RequestError::InvalidField {
                field: rename(&field),
                why,
            },
            other => other,
        }
    }
}
