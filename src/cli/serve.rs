//! `vask serve`: runs the gRPC service and the HTTP/JSON API (with any extra routes, such as
//! the web console's) on one tokio runtime until SIGTERM or Ctrl-C, then both stop accepting
//! and drain the calls in flight. If either server fails, the other is stopped too.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{Context, Result};
use chrono::Utc;
use clap::Args;
use tokio_util::sync::CancellationToken;
use vask::app::App;

use super::ConfigArgs;

/// Arguments of `vask serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// gRPC listen address (overrides the config; port 0 picks a free port).
    #[arg(long, env = "VASK_LISTEN")]
    listen: Option<SocketAddr>,
    /// HTTP/JSON API listen address (overrides the config's `http_listen`; port 0 picks a
    /// free port).
    #[arg(long, env = "VASK_HTTP_LISTEN")]
    http_listen: Option<SocketAddr>,
}

/// Routers served on the HTTP listener beside the API (`vask::http::router`): the web
/// console (`/console/`, and `/` redirects to it). They get the same tower stack, but no
/// bearer-key layer: each router authenticates its own way (the console by its users).
fn extra_routes(console: vask::console::Console) -> axum::Router {
    vask::console::router(Arc::new(console)).route(
        "/",
        axum::routing::get(|| async { axum::response::Redirect::to("/console/") }),
    )
}

/// Runs `vask serve`.
pub fn run(a: ServeArgs) -> Result<()> {
    let mut config = a.config.load()?;
    if let Some(addr) = a.listen {
        config.listen = addr;
    }
    if let Some(addr) = a.http_listen {
        config.http_listen = addr;
    }
    config.check_listen(config.listen)?;
    config.check_listen(config.http_listen)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = vask::service::bind(config.listen)?;
        let addr = listener.local_addr()?;
        let http_listener = vask::http::bind(config.http_listen)?;
        let http_addr = http_listener.local_addr()?;
        let app = tokio::task::spawn_blocking(move || {
            App::open(
                config,
                vask::app::Mode::Serve,
                Arc::new(vask::domain::SystemClock),
            )
        })
        .await
        .context("startup task")??;
        let app = Arc::new(app);
        let console = tokio::task::spawn_blocking({
            let app = app.clone();
            move || vask::console::Console::open(app)
        })
        .await
        .context("startup task")?
        .context("opening the web console")?;
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

        // One token stops both servers: a signal cancels it, and so does either server
        // ending (a failure of one must not leave the other serving alone).
        let stop = CancellationToken::new();
        tokio::spawn({
            let stop = stop.clone();
            async move {
                shutdown_signal().await;
                stop.cancel();
            }
        });
        let grpc = {
            let (app, stop) = (app.clone(), stop.clone());
            async move {
                let r = vask::service::serve(app, listener, stop.clone().cancelled_owned()).await;
                stop.cancel();
                r
            }
        };
        let http = {
            let (app, stop) = (app.clone(), stop.clone());
            let extra = extra_routes(console);
            async move {
                let r =
                    vask::http::serve(app, http_listener, extra, stop.clone().cancelled_owned())
                        .await;
                stop.cancel();
                r
            }
        };
        // Tests and scripts read these lines to find the ports (the gRPC line last).
        println!("vask http listening on {http_addr}");
        println!("vask listening on {addr}");
        use std::io::Write;
        std::io::stdout().flush()?;
        let (grpc, http) = tokio::join!(grpc, http);
        grpc.context("gRPC server")?;
        http.context("HTTP server")?;
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
