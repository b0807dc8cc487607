//! The gRPC service: a thin tonic layer that authenticates, translates protobuf ↔ library
//! types and calls the [`App`]. No decision rules and no checks of their own live here.
//!
//! - [`wash`]: `vask.v1.WashService` (Wash, WashStream, Explain, CallWindow);
//! - [`admin`]: `vask.v1.AdminService` (Status, Reload);
//! - [`registry`]: `vask.v1.RegistryService` (internal reservations with immediate effect);
//! - [`auth`]: the interceptor that turns an API key into a principal;
//! - this module: error and time conversions, the reload watcher, server start and graceful
//!   shutdown.

pub mod admin;
pub mod auth;
pub mod registry;
pub mod wash;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Datelike, Utc};
use tonic::Status;

use crate::app::App;
use crate::error::RequestError;

/// Generated protobuf and gRPC code of `proto/vask/v1/vask.proto`.
pub mod pb {
    #![allow(missing_docs, clippy::all)]
    tonic::include_proto!("vask.v1");
    /// Encoded descriptors, for server reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("vask_descriptor");
}

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Bad TLS settings.
    #[error("{0}")]
    Tls(String),
    /// The listener or the server failed.
    #[error("server: {0}")]
    Transport(String),
}

/// The gRPC status of a library refusal.
pub fn status(e: RequestError) -> Status {
    let message = e.to_string();
    match e {
        RequestError::Unauthenticated(_) => Status::unauthenticated(message),
        RequestError::NotPermitted(_) => Status::permission_denied(message),
        RequestError::InvalidField { .. } => Status::invalid_argument(message),
        RequestError::Precondition(_) => Status::failed_precondition(message),
        RequestError::TooMuch(_) => Status::resource_exhausted(message),
        RequestError::NotFound(_) => Status::not_found(message),
        RequestError::Unavailable(_) => Status::unavailable(message),
    }
}

/// Converts a protobuf timestamp (`field` names it in errors). Instants outside the years
/// 1970–9999 are refused: no call is made then, and time-zone arithmetic there overflows.
pub fn instant(
    field: &str,
    ts: Option<&prost_types::Timestamp>,
) -> Result<Option<DateTime<Utc>>, Status> {
    let Some(t) = ts else { return Ok(None) };
    u32::try_from(t.nanos)
        .ok()
        .filter(|n| *n < 1_000_000_000)
        .and_then(|n| DateTime::from_timestamp(t.seconds, n))
        .filter(|d| (1970..=9999).contains(&d.year()))
        .map(Some)
        .ok_or_else(|| {
            Status::invalid_argument(format!(
                "{field}: not a valid instant (seconds {} nanos {}); give a time between the years 1970 and 9999",
                t.seconds, t.nanos
            ))
        })
}

/// Converts to a protobuf timestamp.
pub fn timestamp(t: DateTime<Utc>) -> prost_types::Timestamp {
    prost_types::Timestamp {
        seconds: t.timestamp(),
        nanos: t.timestamp_subsec_nanos() as i32,
    }
}

/// Runs blocking library work (file I/O, large washes) off the async workers.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Status> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Status::internal(format!("task failed: {e}")))
}

/// Runs the server until `shutdown` resolves, then drains in-flight calls.
pub async fn serve(
    app: Arc<App>,
    listener: std::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServiceError> {
    use tonic::transport::Server;
    listener
        .set_nonblocking(true)
        .map_err(|e| ServiceError::Transport(e.to_string()))?;
    let listener = tokio::net::TcpListener::from_std(listener)
        .map_err(|e| ServiceError::Transport(e.to_string()))?;
    // The builder's `tcp_nodelay` applies only to sockets tonic binds itself; on our own
    // listener Nagle's algorithm would hold every response for the peer's delayed ACK (40 ms).
    let incoming = tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true));

    let max = app.config().limits.max_message_bytes;
    let (health_reporter, health) = tonic_health::server::health_reporter();
    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()
        .map_err(|e| ServiceError::Transport(e.to_string()))?;
    // v1alpha too: many clients (Python's grpcio-reflection, older grpcurl) ask only that.
    let reflection_v1alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1alpha()
        .map_err(|e| ServiceError::Transport(e.to_string()))?;

    let interceptor = {
        let keys = app.keys().clone();
        move |r| auth::check(&keys, r)
    };
    let wash = pb::wash_service_server::WashServiceServer::new(wash::WashApi::new(app.clone()))
        .max_decoding_message_size(max)
        .max_encoding_message_size(max);
    let wash = tonic::service::interceptor::InterceptedService::new(wash, interceptor.clone());
    let admin =
        pb::admin_service_server::AdminServiceServer::new(admin::AdminApi::new(app.clone()));
    let admin = tonic::service::interceptor::InterceptedService::new(admin, interceptor.clone());
    let registry = pb::registry_service_server::RegistryServiceServer::new(
        registry::RegistryApi::new(app.clone()),
    )
    .max_decoding_message_size(max);
    let registry = tonic::service::interceptor::InterceptedService::new(registry, interceptor);

    health_reporter
        .set_serving::<pb::wash_service_server::WashServiceServer<wash::WashApi>>()
        .await;

    // Reload when the store's CURRENT changes (the rebuild job published) or on SIGHUP.
    let watcher = {
        let app = app.clone();
        tokio::spawn(async move {
            #[cfg(unix)]
            let mut hup =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()).ok();
            loop {
                #[cfg(unix)]
                {
                    let hup_fut = async {
                        match hup.as_mut() {
                            Some(h) => {
                                h.recv().await;
                            }
                            None => std::future::pending::<()>().await,
                        }
                    };
                    tokio::select! {
                        _ = tokio::time::sleep(Duration::from_secs(2)) => {}
                        _ = hup_fut => tracing::info!("SIGHUP: reloading"),
                    }
                }
                #[cfg(not(unix))]
                tokio::time::sleep(Duration::from_secs(2)).await;
                let app = app.clone();
                match blocking(move || app.reload()).await {
                    Ok(Ok(_)) => {}
                    Ok(Err(crate::app::AppError::Generation(
                        crate::generation::GenerationError::NothingPublished(_)
                        // Logged as an error by `reload`.
                        | crate::generation::GenerationError::Damaged { .. },
                    ))) => {}
                    Ok(Err(e)) => tracing::warn!(error = %e, "reload failed"),
                    Err(e) => tracing::error!(error = %e, "reload task failed"),
                }
            }
        })
    };

    let limits = &app.config().limits;
    let mut builder = Server::builder()
        .timeout(Duration::from_secs(u64::from(
            limits.request_timeout_seconds,
        )))
        .layer(crate::metrics::Measure(crate::metrics::Protocol::Grpc))
        .tcp_nodelay(true)
        .initial_stream_window_size(Some(4 << 20))
        .initial_connection_window_size(Some(16 << 20));
    if let Some(tls) = &app.config().tls {
        let cert = std::fs::read(&tls.cert)
            .map_err(|e| ServiceError::Tls(format!("tls.cert {}: {e}", tls.cert.display())))?;
        let key = std::fs::read(&tls.key)
            .map_err(|e| ServiceError::Tls(format!("tls.key {}: {e}", tls.key.display())))?;
        builder = builder
            .tls_config(
                tonic::transport::ServerTlsConfig::new()
                    .identity(tonic::transport::Identity::from_pem(cert, key)),
            )
            .map_err(|e| ServiceError::Tls(format!("tls: {e}")))?;
    }
    let admission = crate::admission::GrpcLayer::new(
        app.admission().clone(),
        app.keys().clone(),
        limits.max_message_bytes,
    );
    let result = builder
        .layer(admission)
        .add_service(health)
        .add_service(reflection)
        .add_service(reflection_v1alpha)
        .add_service(wash)
        .add_service(admin)
        .add_service(registry)
        .serve_with_incoming_shutdown(incoming, shutdown)
        .await;
    watcher.abort();
    if let Err(e) = app.audit().sync() {
        tracing::error!(error = %e, "final audit fsync failed");
    }
    result.map_err(|e| ServiceError::Transport(e.to_string()))
}

/// Binds the listen address (port 0 picks a free port).
pub fn bind(addr: SocketAddr) -> Result<std::net::TcpListener, ServiceError> {
    std::net::TcpListener::bind(addr)
        .map_err(|e| ServiceError::Transport(format!("cannot listen on {addr}: {e}")))
}
