//! `vask serve`: runs the gRPC service until SIGTERM or Ctrl-C, then drains the calls in
//! flight.

use std::net::SocketAddr;

use anyhow::{Context, Result};
use chrono::Utc;
use clap::Args;

use super::ConfigArgs;

/// Arguments of `vask serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// Listen address (overrides the config; port 0 picks a free port).
    #[arg(long, env = "VASK_LISTEN")]
    listen: Option<SocketAddr>,
}

/// Runs `vask serve`.
pub fn run(a: ServeArgs) -> Result<()> {
    let mut config = a.config.load()?;
    if let Some(addr) = a.listen {
        config.listen = addr;
    }
    config.check_listen(config.listen)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = vask::service::bind(config.listen)?;
        let addr = listener.local_addr()?;
        let app = tokio::task::spawn_blocking(move || {
            vask::app::App::open(
                config,
                vask::app::Mode::Serve,
                std::sync::Arc::new(vask::domain::SystemClock),
            )
        })
        .await
        .context("startup task")??;
        let app = std::sync::Arc::new(app);
        let generation = app.engine().generation();
        let fresh = app.engine().freshness(&generation, Utc::now());
        tracing::info!(
            generation = %generation.id(),
            snapshot = %fresh.snapshot_date,
            snapshot_age_days = fresh.age_days,
            stale = fresh.stale,
            "serving"
        );
        drop(generation);
        // Tests and scripts read this line to find the port.
        println!("vask listening on {addr}");
        use std::io::Write;
        std::io::stdout().flush()?;
        vask::service::serve(app, listener, shutdown_signal()).await?;
        tracing::info!("stopped");
        Ok(())
    })
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = match signal(SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
    tracing::info!("shutting down: draining in-flight calls");
}
