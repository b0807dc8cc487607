//! The OpenAPI 3 document of the HTTP API, generated from the handlers' and types'
//! annotations (utoipa): [`api`] registers every route together with its description, so a
//! route cannot be served undocumented. It is served at `/v1/openapi.json`, and checked in
//! as `docs/openapi.json`; a test fails when the two differ (`vask openapi >
//! docs/openapi.json` writes it anew).

use std::sync::Arc;

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{call_window, explain, health, metrics, reservations, wash};
use crate::app::App;

/// The document's fixed parts: title, description, tags, the bearer scheme.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "vask HTTP API",
        description = "Washes telephone-marketing call lists against the national reservation register and the centre's and clients' internal lists. Every /v1 endpoint except this document needs `Authorization: Bearer <api key>`. Errors are `{\"code\", \"message\"}` with the status of the matching gRPC code.",
        license(name = "Apache-2.0"),
    ),
    modifiers(&Bearer),
    tags(
        (name = "wash", description = "Washing numbers and lead files; Explain; calling windows"),
        (name = "reservations", description = "Internal do-not-call lists, with immediate effect"),
        (name = "operations", description = "Health, readiness, status, metrics, this document"),
    )
)]
pub struct ApiDoc;

/// Adds the bearer-key security scheme.
struct Bearer;

impl Modify for Bearer {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// Every route of the API with its documentation.
pub fn api() -> OpenApiRouter<Arc<App>> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(wash::wash))
        .routes(routes!(wash::wash_record))
        .routes(routes!(explain::explain, explain::explain_post))
        .routes(routes!(reservations::add, reservations::remove))
        .routes(routes!(call_window::call_window))
        .routes(routes!(health::status))
        .routes(routes!(health::healthz))
        .routes(routes!(health::readyz))
        .routes(routes!(metrics::scrape))
        .routes(routes!(openapi_json))
}

/// The document, as JSON text (what `/v1/openapi.json` serves and `docs/openapi.json` holds).
pub fn document() -> String {
    let (_, doc) = api().split_for_parts();
    let mut text = doc.to_pretty_json().unwrap_or_else(|e| {
        format!("{{\"error\": \"the OpenAPI document does not serialise: {e}\"}}")
    });
    text.push('\n');
    text
}

/// The document text, computed once.
static DOCUMENT: std::sync::LazyLock<String> = std::sync::LazyLock::new(document);

/// This document.
#[utoipa::path(get, path = "/v1/openapi.json", tag = "operations", responses(
    (status = 200, description = "The OpenAPI 3 document", content_type = "application/json"),
))]
pub async fn openapi_json(State(_app): State<Arc<App>>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        DOCUMENT.as_str(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checked_in_document_is_the_one_the_code_generates() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/openapi.json");
        let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            checked_in == document(),
            "{} differs from the document the code generates: run `cargo run -- openapi > docs/openapi.json` and commit it",
            path.display()
        );
    }

    #[test]
    fn every_api_endpoint_is_documented_with_its_errors() {
        let (_, doc) = api().split_for_parts();
        let paths: Vec<&str> = doc.paths.paths.keys().map(String::as_str).collect();
        for p in [
            "/v1/wash",
            "/v1/washes/{wash_id}",
            "/v1/explain",
            "/v1/reservations",
            "/v1/call-window",
            "/v1/status",
            "/healthz",
            "/readyz",
            "/metrics",
            "/v1/openapi.json",
        ] {
            assert!(paths.contains(&p), "{p} is not documented: {paths:?}");
        }
        let wash = &doc.paths.paths["/v1/wash"];
        let post = wash.post.as_ref().expect("POST /v1/wash");
        for status in ["200", "400", "401", "403", "412", "413", "429", "503"] {
            assert!(post.responses.responses.contains_key(status), "{status}");
        }
    }
}
