//! The web console: server-rendered pages for the people who use vask (the compliance
//! officer, the agent, the administrator), on the HTTP listener under `/console/`.
//!
//! It is a thin front end over the library, like the gRPC service: a user signs in
//! ([`crate::users`]) into a [`crate::auth::Principal`] of its centre, and every page does what
//! it shows through the library with that principal: washes through [`crate::session`]
//! (`via = "console"`), look-ups through [`App::explain`], opt-outs through
//! [`App::change_reservations`], the overview, recent changes and proof of wash through
//! [`crate::status`], calling hours through [`App::call_window`]. No rule of the domain is
//! decided here. Every action lands in the audit trail with the user's id: washes and
//! look-ups as their own records, everything else (signing in and out, opt-outs, downloads,
//! exports, verifying, refusals) as [`crate::audit::ConsoleRecord`]s.
//!
//! - `session.rs`: sessions, CSRF tokens, cookies, the failed sign-in limit;
//! - `i18n.rs`: Norwegian and English;
//! - `view.rs`: templates and assets compiled into the binary, the frame of every page;
//! - `pages/`: sign-in, overview, look-up, opt-outs, proof of wash, calling hours, a file each;
//! - `wash.rs`: uploading a lead file, its progress, the washed file and its proof.

mod i18n;
mod pages;
mod session;
mod view;
mod wash;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use crate::app::App;
use crate::audit::{AuditRecord, ConsoleRecord};
use crate::error::RequestError;
use crate::http::errors::status_of;
use crate::users::{NewUser, Permission, Role, UserError, Users, may};

pub use i18n::Lang;
use session::{LoginLimiter, SessionView, Sessions};

/// The demo configuration's console users: username, role, password. Published on purpose
/// (README), like the demo API keys; the demo serves on loopback addresses only.
pub const DEMO_USERS: [(&str, Role, &str); 3] = [
    ("officer", Role::Officer, "vask-demo-officer"),
    ("agent", Role::Agent, "vask-demo-agent"),
    ("admin", Role::Admin, "vask-demo-admin"),
];

/// Why the console could not start.
#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    /// The users file could not be read or the demo users written.
    #[error(transparent)]
    Users(#[from] UserError),
    /// The washed files' directory could not be prepared.
    #[error("console wash directory {path}: {source}")]
    Washes {
        /// The directory of washed files.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
}

/// The console's state: the app, the users, the sessions and the washes in progress.
pub struct Console {
    app: Arc<App>,
    users: Users,
    sessions: Sessions,
    logins: LoginLimiter,
    washes: wash::Washes,
    secure_cookies: bool,
}

impl Console {
    /// Opens the console of `app`: its users file (with the demo users created in the demo
    /// configuration when there is none) and an emptied directory for washed files.
    /// Blocking (file I/O, password hashing).
    pub fn open(app: Arc<App>) -> Result<Console, ConsoleError> {
        let config = app.config();
        let c = &config.console;
        let users = Users::open(&c.users_file(&config.audit))?;
        if c.demo_users && users.all().is_empty() {
            for (name, role, password) in DEMO_USERS {
                if let Some(centre) = config.centres.first() {
                    users.add(
                        config,
                        NewUser {
                            username: name.to_owned(),
                            centre: centre.id.clone(),
                            roles: [role].into(),
                            password: password.to_owned(),
                        },
                        app.now(),
                    )?;
                }
            }
            tracing::info!(path = %users.path().display(), "created the demo console users (README)");
        }
        let washes = wash::Washes::open(
            &c.washes_dir(&config.audit),
            c.max_kept_washes,
            Duration::from_secs(u64::from(c.keep_washed_minutes) * 60),
        )?;
        Ok(Console {
            secure_cookies: config.tls.is_some(),
            users,
            sessions: Sessions::new(Duration::from_secs(
                u64::from(c.idle_timeout_minutes.max(1)) * 60,
            )),
            logins: LoginLimiter::new(
                c.login_failures,
                Duration::from_secs(u64::from(c.login_window_seconds)),
            ),
            washes,
            app,
        })
    }

    /// Appends a console action to the audit trail.
    fn record(
        &self,
        user: &str,
        centre: &str,
        action: &str,
        client: &str,
        target: &str,
        outcome: Result<(), &RequestError>,
    ) -> Result<(), RequestError> {
        let mut r = ConsoleRecord::new(self.app.now(), user, centre, action);
        r.client = client.to_owned();
        r.target = target.to_owned();
        if let Err(e) = outcome {
            r.outcome = e.code().to_owned();
        }
        self.app
            .audit()
            .append(&AuditRecord::Console(r))
            .map(|_| ())
            .map_err(|e| {
                tracing::error!(error = %e, action, "audit append failed");
                RequestError::Unavailable(
                    "could not record this action in the audit trail; nothing was done, retry"
                        .into(),
                )
            })
    }
}

/// The console's routes (all under `/console/`), to merge into the HTTP server's router.
pub fn router(console: Arc<Console>) -> Router {
    let max_upload = usize::try_from(console.app.config().console.max_upload_bytes)
        .unwrap_or(usize::MAX)
        .saturating_add(64 << 10);
    // Washed files nobody downloads leave the temp area after `keep_washed_minutes`, whether
    // or not anyone uses the console meanwhile.
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        let console = Arc::downgrade(&console);
        runtime.spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(60));
            loop {
                tick.tick().await;
                let Some(console) = console.upgrade() else {
                    break;
                };
                console.washes.expire_now();
            }
        });
    }
    Router::new()
        .route("/console", get(|| async { Redirect::to("/console/") }))
        .route("/console/", get(pages::overview))
        .route("/console/login", get(pages::login_form).post(pages::login))
        .route("/console/logout", post(pages::logout))
        .route("/console/lang", get(pages::language))
        .route(
            "/console/assets/{name}",
            get(|Path(name): Path<String>| async move { view::asset(&name) }),
        )
        .route(
            "/console/wash",
            get(wash::form)
                .post(wash::upload)
                .layer(DefaultBodyLimit::max(max_upload)),
        )
        .route("/console/wash/{job}", get(wash::result))
        .route("/console/wash/{job}/status", get(wash::status))
        .route("/console/wash/{job}/washed.csv", get(wash::download))
        .route(
            "/console/lookup",
            get(pages::lookup_form).post(pages::lookup),
        )
        .route("/console/opt-outs", get(pages::optouts))
        .route("/console/opt-outs/add", post(pages::add_optout))
        .route("/console/opt-outs/remove", post(pages::remove_optout))
        .route("/console/proofs", get(pages::proofs))
        .route("/console/proofs.csv", get(pages::proofs_csv))
        .route("/console/proofs/verify", post(pages::verify))
        .route("/console/proofs/{file}", get(pages::proof_record))
        .route("/console/hours", get(pages::hours))
        .route("/console/reload", post(pages::reload))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(console)
}

/// Headers every console response carries: no framing, no sniffing, no referrer, scripts and
/// styles from the console itself only.
async fn security_headers(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    r
}

/// What every console handler knows about its request: the language, the signed-in user (if
/// the session is live and the user still enabled), the path and the peer's address.
pub struct Ctx {
    lang: Lang,
    session: Option<SessionView>,
    path: String,
    addr: IpAddr,
    console: Arc<Console>,
}

impl FromRequestParts<Arc<Console>> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        console: &Arc<Console>,
    ) -> Result<Ctx, Self::Rejection> {
        let lang = session::cookie(&parts.headers, session::LANG_COOKIE)
            .and_then(Lang::parse)
            .unwrap_or_else(|| {
                Lang::from_accept_language(
                    parts
                        .headers
                        .get(header::ACCEPT_LANGUAGE)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or(""),
                )
            });
        let addr = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
        let session = session::cookie(&parts.headers, session::SESSION_COOKIE)
            .and_then(|t| console.sessions.touch(t))
            .and_then(|s| {
                // A user disabled (or removed) since it signed in is signed out now.
                match console.users.get(&s.username) {
                    Some(u) if !u.disabled => Some(s),
                    _ => {
                        console.sessions.end(&s.token);
                        None
                    }
                }
            });
        Ok(Ctx {
            lang,
            session,
            path: parts.uri.path().to_owned(),
            addr,
            console: console.clone(),
        })
    }
}

impl Ctx {
    fn frame(&self) -> view::Frame<'_> {
        view::Frame {
            lang: self.lang,
            session: self.session.as_ref(),
            path: &self.path,
            csrf: self.session.as_ref().map_or("", |s| s.csrf.as_str()),
        }
    }

    /// The session, if its roles open `p`: else a redirect to sign in, or a 403 page.
    fn require(&self, p: Permission) -> Result<&SessionView, Box<Response>> {
        match &self.session {
            None => Err(Box::new(Redirect::to("/console/login").into_response())),
            Some(s) if may(&s.roles, p) => Ok(s),
            Some(_) => Err(Box::new(
                self.frame()
                    .error(StatusCode::FORBIDDEN, self.lang.t("forbidden")),
            )),
        }
    }

    /// Refuses a form whose CSRF token is not the session's.
    fn check_csrf(&self, s: &SessionView, csrf: &str) -> Result<(), Box<Response>> {
        if session::same_secret(&s.csrf, csrf) {
            Ok(())
        } else {
            tracing::warn!(user = %s.username, "console form with a wrong CSRF token refused");
            Err(Box::new(
                self.frame()
                    .error(StatusCode::FORBIDDEN, self.lang.t("csrf_failed")),
            ))
        }
    }

    /// The session of a posted form: its roles open `p` ([`Ctx::require`]) and the form
    /// carries its CSRF token ([`Ctx::check_csrf`]).
    fn require_form(&self, p: Permission, csrf: &str) -> Result<SessionView, Box<Response>> {
        let s = self.require(p)?.clone();
        self.check_csrf(&s, csrf)?;
        Ok(s)
    }

    /// A library refusal as a page, with its HTTP status.
    fn refused(&self, e: &RequestError) -> Response {
        self.frame().error(status_of(e), &e.to_string())
    }

    /// Records an action of the signed-in user.
    fn record(
        &self,
        s: &SessionView,
        action: &str,
        client: &str,
        target: &str,
        outcome: Result<(), &RequestError>,
    ) -> Result<(), RequestError> {
        self.console.record(
            &s.username,
            s.principal.centre.as_str(),
            action,
            client,
            target,
            outcome,
        )
    }
}

/// Runs blocking library work (journal and trail reads, washes, password hashing) off the
/// async workers.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, RequestError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| {
        tracing::error!(error = %e, "console task failed");
        RequestError::Unavailable("the request failed inside the server; retry".into())
    })
}

/// Today's date in the country's time zone.
fn today(app: &App) -> chrono::NaiveDate {
    app.engine().policy().today(app.now())
}
