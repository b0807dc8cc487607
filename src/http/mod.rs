//! The HTTP/JSON API: a thin axum layer over the same library as gRPC. It authenticates with
//! the same keys ([`auth`]), translates JSON (or a CSV body) to the library's types, calls the
//! [`App`] and the wash session, and maps refusals to JSON errors ([`errors`]). No decision
//! rule and no check of its own lives here.
//!
//! - [`wash`]: `POST /v1/wash` (JSON batches and CSV lead files), `GET /v1/washes/{id}`;
//! - [`explain`]: `GET /v1/explain`;
//! - [`reservations`]: `POST` and `DELETE /v1/reservations`;
//! - [`call_window`]: `GET /v1/call-window`;
//! - [`health`]: `/healthz`, `/readyz`, `/v1/status`;
//! - [`metrics`]: `/metrics` (Prometheus);
//! - [`openapi`]: the routes with their OpenAPI document, `/v1/openapi.json`;
//! - [`params`]: the request fields the endpoints share (campaign, `at`, persons);
//! - [`admission`]: the shared admission control (429 with `Retry-After` when shed);
//! - [`auth`]: bearer keys as an extractor and a layer;
//! - [`errors`]: the JSON error body and the status of each refusal;
//! - this module: the router, the shared tower stack (metrics, tracing, timeout) and the
//!   listener (plain or TLS, HTTP/1.1 and HTTP/2, graceful shutdown).
//!
//! `vask serve` runs it beside gRPC on the same tokio runtime, on its own address
//! (`http_listen`, default `127.0.0.1:8080`). Other routers (the web console) are merged in
//! by [`serve`]'s `extra` argument and get the same stack.

pub mod admission;
pub mod auth;
pub mod call_window;
pub mod errors;
pub mod explain;
pub mod health;
pub mod metrics;
pub mod openapi;
pub mod params;
pub mod reservations;
pub mod wash;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::DefaultBodyLimit;
use hyper_util::rt::{TokioExecutor, TokioIo};
use tower::{ServiceBuilder, ServiceExt};
use tower_http::trace::TraceLayer;

use crate::app::App;
use crate::error::RequestError;
use crate::service::ServiceError;
use errors::ApiError;

/// How long shutdown waits for requests in flight before it closes their connections.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a client may take for its TLS handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// The API's routes over `app` ([`openapi::api`]: every route with its documentation). The
/// `/v1/…` endpoints authenticate with the [`auth::Caller`] extractor; `/healthz`, `/readyz`,
/// `/metrics` and `/v1/openapi.json` are open. A request to any other path is a JSON 404.
pub fn router(app: Arc<App>) -> Router {
    let max_body = app.config().limits.max_message_bytes;
    let (routes, _doc) = openapi::api().split_for_parts();
    routes
        .layer(DefaultBodyLimit::max(max_body))
        .fallback(errors::not_found)
        .with_state(app)
}

/// The router with the stack every request passes: metrics, tracing (method, route pattern
/// and status; never the path or query, which may hold numbers), admission control (shared
/// with gRPC; a JSON 429 when shed) and the handler timeout (`limits.request_timeout_seconds`,
/// as over gRPC; a JSON 503). A CSV stream is timed only until its answer begins; its body
/// then streams for as long as the file lasts.
pub fn with_stack(router: Router, app: &Arc<App>) -> Router {
    let timeout = Duration::from_secs(u64::from(app.config().limits.request_timeout_seconds));
    router.layer(
        ServiceBuilder::new()
            .layer(crate::metrics::Measure(crate::metrics::Protocol::Http))
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|request: &axum::http::Request<axum::body::Body>| {
                        let route = request
                            .extensions()
                            .get::<axum::extract::MatchedPath>()
                            .map_or("unmatched", |p| p.as_str());
                        tracing::info_span!("http", method = %request.method(), route)
                    })
                    // A 503 (not ready, storage) is the answer, not a failure of the server.
                    .on_failure(
                        tower_http::trace::DefaultOnFailure::new().level(tracing::Level::DEBUG),
                    ),
            )
            .layer(axum::middleware::from_fn_with_state(
                app.clone(),
                admission::admit,
            ))
            .layer(HandleErrorLayer::new(move |e: tower::BoxError| async move {
                if e.is::<tower::timeout::error::Elapsed>() {
                    ApiError::from(RequestError::Unavailable(format!(
                        "the request took longer than {} s and was ended; retry, or send a smaller batch",
                        timeout.as_secs()
                    )))
                } else {
                    ApiError::internal(e.to_string())
                }
            }))
            .timeout(timeout),
    )
}

/// Binds the HTTP listen address (port 0 picks a free port).
pub fn bind(addr: SocketAddr) -> Result<std::net::TcpListener, ServiceError> {
    crate::service::bind(addr)
}

/// The TLS acceptor of the configured certificate and key (`[tls]`, shared with gRPC).
fn tls_acceptor(app: &App) -> Result<Option<tokio_rustls::TlsAcceptor>, ServiceError> {
    use tokio_rustls::rustls;
    use tokio_rustls::rustls::pki_types::pem::PemObject;
    use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let Some(tls) = &app.config().tls else {
        return Ok(None);
    };
    let certs = CertificateDer::pem_file_iter(&tls.cert)
        .and_then(|i| i.collect::<Result<Vec<_>, _>>())
        .map_err(|e| ServiceError::Tls(format!("tls.cert {}: {e}", tls.cert.display())))?;
    let key = PrivateKeyDer::from_pem_file(&tls.key)
        .map_err(|e| ServiceError::Tls(format!("tls.key {}: {e}", tls.key.display())))?;
    let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| ServiceError::Tls(format!("tls: {e}")))?
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .map_err(|e| ServiceError::Tls(format!("tls: {e}")))?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Some(tokio_rustls::TlsAcceptor::from(Arc::new(config))))
}

/// Serves [`router`] merged with `extra` (the console's routes; `Router::new()` for none) on
/// `listener` until `shutdown` resolves; then stops accepting, lets requests in flight finish
/// (up to [`DRAIN_TIMEOUT`]) and returns.
pub async fn serve(
    app: Arc<App>,
    listener: std::net::TcpListener,
    extra: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServiceError> {
    let tls = tls_acceptor(&app)?;
    metrics::install();
    listener
        .set_nonblocking(true)
        .map_err(|e| ServiceError::Transport(e.to_string()))?;
    let listener = tokio::net::TcpListener::from_std(listener)
        .map_err(|e| ServiceError::Transport(e.to_string()))?;
    let service = with_stack(router(app.clone()).merge(extra), &app);
    let builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(conn) => conn,
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(error = %e, "http accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        // Handlers see the peer's address as axum's `ConnectInfo` (the console limits failed
        // sign-ins per address and checks its roles' networks against it).
        let hyper_service =
            hyper_util::service::TowerToHyperService::new(service.clone().map_request(
                move |mut r: axum::http::Request<hyper::body::Incoming>| {
                    r.extensions_mut().insert(axum::extract::ConnectInfo(peer));
                    r
                },
            ));
        let builder = builder.clone();
        let watcher = graceful.watcher();
        let tls = tls.clone();
        tokio::spawn(async move {
            let served =
                match tls {
                    None => {
                        let conn = builder
                            .serve_connection_with_upgrades(TokioIo::new(stream), hyper_service)
                            .into_owned();
                        watcher.watch(conn).await
                    }
                    Some(acceptor) => {
                        let stream =
                            match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream))
                                .await
                            {
                                Ok(Ok(s)) => s,
                                Ok(Err(e)) => {
                                    tracing::debug!(error = %e, "tls handshake failed");
                                    return;
                                }
                                Err(_) => return,
                            };
                        let conn = builder
                            .serve_connection_with_upgrades(TokioIo::new(stream), hyper_service)
                            .into_owned();
                        watcher.watch(conn).await
                    }
                };
            if let Err(e) = served {
                tracing::debug!(error = %e, "http connection ended with an error");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(DRAIN_TIMEOUT) => {
            tracing::warn!(seconds = DRAIN_TIMEOUT.as_secs(), "http requests still in flight after the drain timeout; closing them");
        }
    }
    if let Err(e) = app.audit().sync() {
        tracing::error!(error = %e, "final audit fsync failed");
    }
    Ok(())
}
