//! The gRPC service: a thin tonic layer that authorises, translates protobuf ↔ domain types
//! and calls the engine. No decision rules live here.
//!
//! - [`wash`]: `vask.v1.WashService` (Wash, WashStream, Explain, CallWindow);
//! - [`admin`]: `vask.v1.AdminService` (Status, Reload);
//! - [`registry`]: `vask.v1.RegistryService` (internal reservations with immediate effect);
//! - [`auth`]: API keys → centre → clients;
//! - this module: shared state, generation reload (hot swap), server start and graceful
//!   shutdown.

pub mod admin;
pub mod auth;
pub mod registry;
pub mod wash;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tokio::sync::Mutex as AsyncMutex;
use tonic::Status;

use crate::audit::AuditLog;
use crate::build::{self, BuildOptions, RebuildOptions};
use crate::calendar::CalendarRegistry;
use crate::config::Config;
use crate::engine::Engine;
use crate::generation::store::Store;
use crate::generation::{Generation, GenerationError};
use crate::journal::Journal;
use crate::number::{Normaliser, Region};
use crate::sources::Catalog;

/// Generated protobuf and gRPC code of `proto/vask/v1/vask.proto`.
pub mod pb {
    #![allow(missing_docs, clippy::all)]
    tonic::include_proto!("vask.v1");
    /// Encoded descriptors, for server reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("vask_descriptor");
}

/// Why the service could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// No usable generation.
    #[error(transparent)]
    Generation(#[from] GenerationError),
    /// Building the first generation failed.
    #[error(transparent)]
    Build(#[from] build::BuildError),
    /// The catalogue could not be read.
    #[error(transparent)]
    Source(#[from] crate::sources::SourceError),
    /// The journal could not be opened.
    #[error(transparent)]
    Journal(#[from] crate::journal::JournalError),
    /// The audit log could not be opened.
    #[error(transparent)]
    Audit(#[from] crate::audit::AuditError),
    /// Bad configuration.
    #[error("{0}")]
    Config(String),
    /// The listener or the server failed.
    #[error("server: {0}")]
    Transport(String),
}

/// Everything the handlers share.
pub struct State {
    /// The configuration.
    pub config: Config,
    /// The engine.
    pub engine: Engine,
    /// The generation store.
    pub store: Store,
    /// The opt-out journal.
    pub journal: Arc<Journal>,
    /// The proof-of-wash log.
    pub audit: Arc<AuditLog>,
    /// Calling-window policies.
    pub calendars: CalendarRegistry,
    /// When the server started.
    pub started: Instant,
    /// Key of the national-id hash (lead ids are matched only with it).
    pub national_id_key: Option<crate::person::IdHashKey>,
    /// Default person-matching strictness.
    pub person_strictness: crate::person::Strictness,
    reload_lock: AsyncMutex<()>,
}

/// Converts a protobuf timestamp (or none: now).
pub fn instant(ts: Option<&prost_types::Timestamp>) -> Result<DateTime<Utc>, Status> {
    match ts {
        None => Ok(Utc::now()),
        Some(t) => u32::try_from(t.nanos)
            .ok()
            .and_then(|n| DateTime::from_timestamp(t.seconds, n))
            .ok_or_else(|| Status::invalid_argument("at: not a valid timestamp")),
    }
}

/// Converts to a protobuf timestamp.
pub fn timestamp(t: DateTime<Utc>) -> prost_types::Timestamp {
    prost_types::Timestamp {
        seconds: t.timestamp(),
        nanos: t.timestamp_subsec_nanos() as i32,
    }
}

impl State {
    /// Opens the store (building the first generation if allowed), the journal and the audit log.
    ///
    /// Sample and synthetic data carry no snapshot date and are stamped with the build date;
    /// a generation of such data that has gone stale is rebuilt at start too, so the demo
    /// works on any date. A real delivery's date is never restamped. A generation of a format
    /// this vask does not read (written by an older one) is rebuilt when building is allowed.
    pub fn open(config: Config) -> Result<Arc<State>, ServiceError> {
        let store = Store::new(&config.store)?;
        let stale_stamped = store
            .current_dir()
            .ok()
            .and_then(|dir| crate::generation::Manifest::read(&dir).ok())
            .is_some_and(|m| {
                m.national.snapshot_date_stamped
                    && config
                        .country
                        .freshness(m.national.snapshot_date, Utc::now())
                        .stale
            });
        if (store.current_id().is_err() || stale_stamped) && config.build_if_missing {
            build_at_start(
                &store,
                &config,
                "no generation, or stamped sample data gone stale",
            )?;
        }
        let national_id_key = config
            .national_id_key()
            .map_err(|e| ServiceError::Config(e.to_string()))?;
        let person_strictness = config
            .person_strictness()
            .map_err(|e| ServiceError::Config(e.to_string()))?;
        let generation = match Generation::open(&store.current_dir()?) {
            // Written by an older vask: its sources are still here, so build it anew.
            Err(GenerationError::Version { file, got, .. }) if config.build_if_missing => {
                tracing::warn!(%file, got, "the current generation is of an older format");
                build_at_start(&store, &config, "older format")?;
                Generation::open(&store.current_dir()?)?
            }
            opened => opened?,
        }
        .with_national_id_key(national_id_key.as_ref())?;
        let region: Region = config
            .country
            .region
            .parse()
            .map_err(|e| ServiceError::Config(format!("country.region: {e}")))?;
        let engine = Engine::new(generation, Normaliser::new(region), config.country.clone());
        let (journal, recovery) = Journal::open(&config.journal)?;
        registry::replay(&engine, &recovery.records);
        tracing::info!(
            live_operations = engine.live().len(),
            dropped_tail_bytes = recovery.dropped_tail_bytes,
            "journal replayed"
        );
        let calendars = CalendarRegistry::from_configs(&config.calling_policy)
            .map_err(|e| ServiceError::Config(e.to_string()))?;
        let audit = AuditLog::open(&config.audit)?;
        Ok(Arc::new(State {
            engine,
            store,
            journal: Arc::new(journal),
            audit,
            calendars,
            started: Instant::now(),
            national_id_key,
            person_strictness,
            reload_lock: AsyncMutex::new(()),
            config,
        }))
    }

    /// Switches to the store's current generation if it changed. A generation that fails to
    /// open or verify is refused and the old one keeps serving.
    pub async fn reload(self: &Arc<Self>) -> Result<(String, bool), GenerationError> {
        let _one_at_a_time = self.reload_lock.lock().await;
        let id = self.store.current_id()?;
        if id == self.engine.generation().id() {
            return Ok((id, false));
        }
        let dir = self.store.dir(&id);
        let key = self.national_id_key.clone();
        let opened = tokio::task::spawn_blocking(move || {
            Generation::open(&dir).and_then(|g| g.with_national_id_key(key.as_ref()))
        })
        .await
        .map_err(|e| GenerationError::Corrupt {
            file: id.clone(),
            why: format!("open task failed: {e}"),
        })?;
        let generation = match opened {
            Ok(g) => g,
            Err(e) => {
                tracing::error!(generation = %id, error = %e, "new generation refused; still serving the previous one");
                return Err(e);
            }
        };
        let folded = generation.manifest().journal_seq;
        let in_use_folded = self.engine.swap(generation);
        tracing::info!(generation = %id, journal_seq = folded, live_operations = self.engine.live().len(), "switched generation");
        // Journal records every generation in use has folded can leave the live journal.
        let journal = self.journal.clone();
        if in_use_folded > 0 {
            let _ = tokio::task::spawn_blocking(move || {
                if let Err(e) = journal.compact(in_use_folded) {
                    tracing::error!(error = %e, "journal compaction failed");
                }
            })
            .await;
        }
        Ok((id, true))
    }
}

/// Builds and publishes a generation from the configured sources before serving (no
/// generation yet, stamped sample data gone stale, or one of an older format).
fn build_at_start(store: &Store, config: &Config, why: &str) -> Result<(), ServiceError> {
    tracing::info!(catalog = %config.catalog.display(), why, "building a generation");
    let catalog = Catalog::load(&config.catalog)?;
    let report = build::rebuild(
        store,
        &catalog,
        &RebuildOptions {
            build: BuildOptions {
                national_id_key: config
                    .national_id_key()
                    .map_err(|e| ServiceError::Config(e.to_string()))?,
                now: Utc::now(),
                max_errors: 0,
                opt_outs: registry::journal_ops(&crate::journal::read_live(&config.journal, 0)?),
            },
            min_snapshot_percent: 0,
            force: true,
            keep: 3,
        },
    )?;
    tracing::info!(generation = %report.id, seconds = report.seconds, "built");
    Ok(())
}

/// Runs the server until `shutdown` resolves, then drains in-flight calls.
pub async fn serve(
    state: Arc<State>,
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

    let auth = auth::Auth::new(&state.config);
    let max = state.config.limits.max_message_bytes;
    let (health_reporter, health) = tonic_health::server::health_reporter();
    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()
        .map_err(|e| ServiceError::Transport(e.to_string()))?;

    let a = auth.clone();
    let wash = pb::wash_service_server::WashServiceServer::new(wash::WashApi::new(state.clone()))
        .max_decoding_message_size(max)
        .max_encoding_message_size(max);
    let wash = tonic::service::interceptor::InterceptedService::new(wash, move |r| a.check(r));
    let a = auth.clone();
    let admin =
        pb::admin_service_server::AdminServiceServer::new(admin::AdminApi::new(state.clone()));
    let admin = tonic::service::interceptor::InterceptedService::new(admin, move |r| a.check(r));
    let a = auth.clone();
    let registry = pb::registry_service_server::RegistryServiceServer::new(
        registry::RegistryApi::new(state.clone()),
    )
    .max_decoding_message_size(max);
    let registry =
        tonic::service::interceptor::InterceptedService::new(registry, move |r| a.check(r));

    health_reporter
        .set_serving::<pb::wash_service_server::WashServiceServer<wash::WashApi>>()
        .await;

    // Reload when the store's CURRENT changes (the rebuild job published) or on SIGHUP.
    let watcher = {
        let state = state.clone();
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
                match state.reload().await {
                    Ok(_) => {}
                    Err(GenerationError::NothingPublished(_)) => {}
                    Err(e) => tracing::warn!(error = %e, "reload failed"),
                }
            }
        })
    };

    let mut builder = Server::builder()
        .tcp_nodelay(true)
        .initial_stream_window_size(Some(4 << 20))
        .initial_connection_window_size(Some(16 << 20));
    if let Some(tls) = &state.config.tls {
        let cert = std::fs::read(&tls.cert)
            .map_err(|e| ServiceError::Config(format!("tls.cert {}: {e}", tls.cert.display())))?;
        let key = std::fs::read(&tls.key)
            .map_err(|e| ServiceError::Config(format!("tls.key {}: {e}", tls.key.display())))?;
        builder = builder
            .tls_config(
                tonic::transport::ServerTlsConfig::new()
                    .identity(tonic::transport::Identity::from_pem(cert, key)),
            )
            .map_err(|e| ServiceError::Config(format!("tls: {e}")))?;
    }
    let result = builder
        .add_service(health)
        .add_service(reflection)
        .add_service(wash)
        .add_service(admin)
        .add_service(registry)
        .serve_with_incoming_shutdown(incoming, shutdown)
        .await;
    watcher.abort();
    if let Err(e) = state.audit.sync() {
        tracing::error!(error = %e, "final audit fsync failed");
    }
    result.map_err(|e| ServiceError::Transport(e.to_string()))
}

/// Binds the listen address (port 0 picks a free port).
pub fn bind(addr: SocketAddr) -> Result<std::net::TcpListener, ServiceError> {
    std::net::TcpListener::bind(addr)
        .map_err(|e| ServiceError::Transport(format!("cannot listen on {addr}: {e}")))
}
