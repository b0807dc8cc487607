//! The console's pages other than the wash: signing in and out, the language switch, the
//! overview, looking a number up, opt-outs, the proof of wash and calling hours. Each handler
//! checks the session's role and CSRF token, calls the library with the session's principal,
//! records the action, and renders what the library answered.

use std::sync::{Arc, OnceLock};

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Datelike, Utc};
use minijinja::context;
use serde::Deserialize;

use super::session::{self, LANG_COOKIE, LOGIN_COOKIE, SESSION_COOKIE};
use super::view::{self, Notice};
use super::{Console, Ctx, blocking, today};
use crate::app::{App, CampaignParams, ReservationInput};
use crate::audit::AuditRecord;
use crate::calendar::ClosedReason;
use crate::domain::Purpose;
use crate::error::RequestError;
use crate::http::errors::status_of;
use crate::journal::Op;
use crate::proof::{self, ProofQuery};
use crate::users::Permission;

/// A time as the console shows it: local time of the country's policy.
pub(super) fn local(app: &App, at: DateTime<Utc>) -> String {
    at.with_timezone(&app.engine().policy().time_zone)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The purposes a campaign may declare, with their texts.
pub(super) fn purposes(lang: super::Lang) -> Vec<minijinja::Value> {
    Purpose::ALL
        .iter()
        .map(|p| {
            context! { value => p.name(), label => lang.t(&format!("purpose_{}", p.name())) }
        })
        .collect()
}

/// The clients a session may act for.
pub(super) fn clients(s: &super::SessionView) -> Vec<String> {
    s.principal.clients().map(|c| c.to_string()).collect()
}

#[derive(Deserialize)]
pub(super) struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

// ---------------------------------------------------------------- signing in and out

#[derive(Deserialize)]
pub(super) struct LoginForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

fn login_page(ctx: &Ctx, status: StatusCode, username: &str, notice: Option<Notice>) -> Response {
    let csrf = session::token();
    let frame = super::view::Frame {
        lang: ctx.lang,
        session: None,
        path: "/console/login",
        csrf: &csrf,
    };
    let mut r = frame.render(
        status,
        "login.html",
        "page_login",
        notice,
        context! { username => username },
    );
    if let Ok(v) = HeaderValue::from_str(&session::set_cookie(
        LOGIN_COOKIE,
        &csrf,
        ctx.console.secure_cookies,
        None,
    )) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

pub(super) async fn login_form(ctx: Ctx) -> Response {
    match &ctx.session {
        Some(s) => Redirect::to(view::home(s)).into_response(),
        None => login_page(&ctx, StatusCode::OK, "", None),
    }
}

/// A hash to check passwords of unknown usernames against, so that a sign-in with an
/// unknown username takes as long as one with a wrong password.
fn decoy() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| crate::users::hash_password(&session::token()).unwrap_or_default())
}

pub(super) async fn login(ctx: Ctx, headers: HeaderMap, Form(f): Form<LoginForm>) -> Response {
    let console = ctx.console.clone();
    let lang = ctx.lang;
    let expected = session::cookie(&headers, LOGIN_COOKIE).unwrap_or("");
    if expected.is_empty() || !session::same_secret(expected, &f.csrf) {
        return login_page(
            &ctx,
            StatusCode::FORBIDDEN,
            &f.username,
            Notice::error(lang.t("csrf_failed")),
        );
    }
    let username = f.username.trim().to_owned();
    if !console.logins.allows(&username, ctx.addr) {
        tracing::warn!(addr = %ctx.addr, "console sign-in refused: too many failures");
        let _ = console.record("", "", "login_throttled", "", "", Ok(()));
        return login_page(
            &ctx,
            StatusCode::TOO_MANY_REQUESTS,
            &username,
            Notice::error(lang.t("login_throttled")),
        );
    }
    let user = console.users.get(&username);
    let password = f.password;
    let checked = {
        let user = user.clone();
        blocking(move || match &user {
            Some(u) => u.check_password(&password) && !u.disabled,
            None => {
                crate::users::check_password(decoy(), &password);
                false
            }
        })
        .await
        .unwrap_or(false)
    };
    let user = match user {
        Some(u) if checked => u,
        known => {
            console.logins.failed(&username, ctx.addr);
            let (name, centre) = known
                .as_ref()
                .map_or(("", ""), |u| (u.username.as_str(), u.centre.as_str()));
            let e = RequestError::Unauthenticated("wrong username or password".into());
            let _ = console.record(name, centre, "login_failed", "", "", Err(&e));
            tracing::info!(user = %name, addr = %ctx.addr, "console sign-in failed");
            return login_page(
                &ctx,
                StatusCode::UNAUTHORIZED,
                &username,
                Notice::error(lang.t("login_failed")),
            );
        }
    };
    let config = console.app.config();
    let roles = user.roles_from(ctx.addr, &config.console.allow);
    let principal = match user.principal(config, &roles) {
        Some(p) if !roles.is_empty() => p,
        _ => {
            let e = RequestError::NotPermitted("no role admitted from this address".into());
            let _ = console.record(
                &user.username,
                user.centre.as_str(),
                "login_failed",
                "",
                "",
                Err(&e),
            );
            return login_page(
                &ctx,
                StatusCode::FORBIDDEN,
                &username,
                Notice::error(lang.t("login_no_role")),
            );
        }
    };
    console.logins.succeeded(&username);
    let s = console.sessions.start(&user.username, roles, principal);
    if let Err(e) = console.record(&s.username, user.centre.as_str(), "login", "", "", Ok(())) {
        console.sessions.end(&s.token);
        return ctx.refused(&e);
    }
    tracing::info!(user = %s.username, "console sign-in");
    let mut r = Redirect::to(view::home(&s)).into_response();
    for c in [
        session::set_cookie(SESSION_COOKIE, &s.token, console.secure_cookies, None),
        session::set_cookie(LOGIN_COOKIE, "", console.secure_cookies, Some(0)),
    ] {
        if let Ok(v) = HeaderValue::from_str(&c) {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    r
}

pub(super) async fn logout(ctx: Ctx, Form(f): Form<CsrfForm>) -> Response {
    if let Some(s) = &ctx.session {
        if let Err(r) = ctx.check_csrf(s, &f.csrf) {
            return *r;
        }
        ctx.console.sessions.end(&s.token);
        let _ = ctx.record(s, "logout", "", "", Ok(()));
    }
    let mut r = login_page(
        &ctx,
        StatusCode::OK,
        "",
        Notice::ok(ctx.lang.t("signed_out")),
    );
    if let Ok(v) = HeaderValue::from_str(&session::set_cookie(
        SESSION_COOKIE,
        "",
        ctx.console.secure_cookies,
        Some(0),
    )) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

#[derive(Deserialize)]
pub(super) struct LangQuery {
    #[serde(default)]
    set: String,
    #[serde(default)]
    back: String,
}

/// The language switch: sets the cookie and goes back to the page (a console page only).
pub(super) async fn language(
    State(console): State<Arc<Console>>,
    Query(q): Query<LangQuery>,
) -> Response {
    let back = if q.back.starts_with("/console") && !q.back.contains("//") {
        q.back.as_str()
    } else {
        "/console/"
    };
    let mut r = Redirect::to(back).into_response();
    if let Some(lang) = super::Lang::parse(&q.set)
        && let Ok(v) = HeaderValue::from_str(&session::set_cookie(
            LANG_COOKIE,
            lang.code(),
            console.secure_cookies,
            Some(365 * 24 * 3600),
        ))
    {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

// ---------------------------------------------------------------- overview

async fn overview_page(ctx: &Ctx, s: &super::SessionView, notice: Option<Notice>) -> Response {
    let app = ctx.console.app.clone();
    let who = s.principal.clone();
    let lang = ctx.lang;
    let found = blocking(move || {
        let st = app.status(&who);
        let washes = proof::washes_on(&app, &who, today(&app));
        let kept = app.store().list().map(|g| g.len()).unwrap_or(0);
        let rebuild = crate::metrics::RebuildStatus::read(app.store().root());
        (st, washes, (kept, rebuild))
    })
    .await;
    let (st, washes, (kept, rebuild)) = match found {
        Ok(f) => f,
        Err(e) => return ctx.refused(&e),
    };
    let washes_today = match washes {
        Ok(n) => n,
        Err(e) => return ctx.refused(&e),
    };
    let lists: Vec<minijinja::Value> = st
        .lists
        .iter()
        .map(|l| {
            context! {
                label => lang.t(&format!("list_{}", l.list)),
                owner => l.owner,
                category => l.category,
                numbers => l.numbers,
                source_reference => l.source_reference,
            }
        })
        .collect();
    let app = &ctx.console.app;
    ctx.frame().render(
        StatusCode::OK,
        "overview.html",
        "page_overview",
        notice,
        context! {
            can_reload => crate::users::may(&s.roles, Permission::Reload),
            s => context! {
                generation_id => st.generation_id,
                generation_built => local(app, st.generation_built),
                snapshot_date => st.snapshot_date.to_string(),
                age_days => st.snapshot_age_days,
                stale_from => st.snapshot_stale_from.to_string(),
                stale => st.snapshot_stale,
                national_numbers => st.national_numbers,
                national_persons => st.national_persons,
                washes_today => washes_today,
                live_operations => st.live_operations,
                kept => kept,
                rebuild => rebuild.map(|r| context! {
                    ok => r.ok,
                    finished_at => local(app, r.finished_at),
                    generation => r.generation,
                    error => r.error,
                    seconds => format!("{:.1}", r.seconds),
                }),
                lists => lists,
            },
        },
    )
}

pub(super) async fn overview(ctx: Ctx) -> Response {
    let s = match &ctx.session {
        None => return Redirect::to("/console/login").into_response(),
        Some(s) if !crate::users::may(&s.roles, Permission::Overview) => {
            return Redirect::to(view::home(s)).into_response();
        }
        Some(s) => s.clone(),
    };
    overview_page(&ctx, &s, None).await
}

pub(super) async fn reload(ctx: Ctx, Form(f): Form<CsrfForm>) -> Response {
    let s = match ctx.require(Permission::Reload) {
        Ok(s) => s.clone(),
        Err(r) => return *r,
    };
    if let Err(r) = ctx.check_csrf(&s, &f.csrf) {
        return *r;
    }
    if let Err(e) = s.principal.require_admin("Reload") {
        let _ = ctx.record(&s, "reload", "", "", Err(&e));
        return ctx.refused(&e);
    }
    let app = ctx.console.app.clone();
    let result = blocking(move || app.reload()).await;
    let notice = match result {
        Ok(Ok((id, changed))) => {
            let _ = ctx.record(&s, "reload", "", &format!("generation:{id}"), Ok(()));
            Notice::ok(format!(
                "{} {id}{}",
                ctx.lang.t("reload_done"),
                if changed {
                    String::new()
                } else {
                    format!(" ({})", ctx.lang.t("reload_same"))
                }
            ))
        }
        Ok(Err(e)) => {
            let e = RequestError::Precondition(format!("new generation refused: {e}"));
            let _ = ctx.record(&s, "reload", "", "", Err(&e));
            Notice::error(e.to_string())
        }
        Err(e) => Notice::error(e.to_string()),
    };
    overview_page(&ctx, &s, notice).await
}

// ---------------------------------------------------------------- look up

#[derive(Deserialize, Default)]
pub(super) struct LookupForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    number: String,
    #[serde(default)]
    client: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    category: String,
}

fn lookup_page(
    ctx: &Ctx,
    s: &super::SessionView,
    status: StatusCode,
    form: &LookupForm,
    found: Option<minijinja::Value>,
    notice: Option<Notice>,
) -> Response {
    ctx.frame().render(
        status,
        "lookup.html",
        "page_lookup",
        notice,
        context! {
            clients => clients(s),
            purposes => purposes(ctx.lang),
            form => context! {
                number => form.number,
                client => form.client,
                purpose => if form.purpose.is_empty() { "sales" } else { form.purpose.as_str() },
                category => form.category,
            },
            x => found,
        },
    )
}

pub(super) async fn lookup_form(ctx: Ctx) -> Response {
    match ctx.require(Permission::LookUp) {
        Ok(s) => lookup_page(&ctx, s, StatusCode::OK, &LookupForm::default(), None, None),
        Err(r) => *r,
    }
}

pub(super) async fn lookup(ctx: Ctx, Form(f): Form<LookupForm>) -> Response {
    let s = match ctx.require(Permission::LookUp) {
        Ok(s) => s.clone(),
        Err(r) => return *r,
    };
    if let Err(r) = ctx.check_csrf(&s, &f.csrf) {
        return *r;
    }
    let purpose = match f.purpose.parse::<Purpose>() {
        Ok(p) => p,
        Err(e) => {
            let e = RequestError::invalid("purpose", e.to_string());
            return lookup_page(
                &ctx,
                &s,
                StatusCode::BAD_REQUEST,
                &f,
                None,
                Notice::error(e.to_string()),
            );
        }
    };
    let params = CampaignParams {
        client: f.client.clone(),
        purpose: Some(purpose),
        category: f.category.trim().to_owned(),
        ..CampaignParams::default()
    };
    let app = ctx.console.app.clone();
    let who = s.principal.clone();
    let number = f.number.clone();
    let answer = blocking(move || app.explain(&who, &params, &number, None, None, "console"))
        .await
        .and_then(|r| r);
    let x = match answer {
        Ok(x) => x,
        Err(e) => {
            let _ = ctx.record(&s, "explain", &f.client, "", Err(&e));
            return lookup_page(
                &ctx,
                &s,
                status_of(&e),
                &f,
                None,
                Notice::error(e.to_string()),
            );
        }
    };
    let lang = ctx.lang;
    let app = &ctx.console.app;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let found = context! {
        number => x.normalised.clone().unwrap_or_default(),
        allowed => x.explanation.reasons.allowed(),
        reasons => x.explanation.reasons.names().iter().map(|n| context! {
            name => n, label => lang.t(&format!("reason_{n}")),
        }).collect::<Vec<_>>(),
        generation => x.generation_id,
        snapshot_date => x.snapshot_date,
        audit_id => x.audit_id,
        hits => x.explanation.hits.iter().map(|h| context! {
            label => lang.t(&format!("list_{}", h.kind)),
            owner => h.owner,
            since => date(h.since),
            until => date(h.until),
            via => h.via,
            source_reference => h.source_reference,
            detail => h.detail,
        }).collect::<Vec<_>>(),
        live => x.explanation.live.iter().map(|(list, op)| context! {
            list => list.to_string(), added => op.add, seq => op.seq,
        }).collect::<Vec<_>>(),
        history => x.history.iter().map(|h| context! {
            at => h.at.map(|t| local(app, t)).unwrap_or_default(),
            list => h.list,
            added => h.added,
            source => h.source,
            actor => h.actor,
            reason => h.reason,
        }).collect::<Vec<_>>(),
    };
    lookup_page(&ctx, &s, StatusCode::OK, &f, Some(found), None)
}

// ---------------------------------------------------------------- opt-outs

/// A number as the recent-changes table shows it: the country code and the last two digits.
fn masked(number: &str) -> String {
    let n = number.len();
    number
        .char_indices()
        .map(|(i, c)| if i < 4 || i + 2 >= n { c } else { '•' })
        .collect()
}

async fn optouts_page(
    ctx: &Ctx,
    s: &super::SessionView,
    status: StatusCode,
    notice: Option<Notice>,
) -> Response {
    let app = ctx.console.app.clone();
    let who = s.principal.clone();
    let recent = match blocking(move || app.recent_reservations(&who, 25))
        .await
        .and_then(|r| r)
    {
        Ok(r) => r,
        Err(e) => return ctx.refused(&e),
    };
    let lang = ctx.lang;
    let app = &ctx.console.app;
    let mut lists = vec![context! {
        value => "centre",
        label => format!("{}: {}", lang.t("centre_list_of"), s.principal.centre),
    }];
    lists.extend(s.principal.clients().map(|c| {
        context! {
            value => format!("client:{c}"),
            label => format!("{}: {c}", lang.t("client_list_of")),
        }
    }));
    ctx.frame().render(
        status,
        "optouts.html",
        "page_optouts",
        notice,
        context! {
            can_add => crate::users::may(&s.roles, Permission::AddOptOut),
            lists => lists,
            recent => recent.iter().map(|r| context! {
                at => r.event.at.map(|t| local(app, t)).unwrap_or_default(),
                number => masked(&r.number),
                list => r.event.list,
                added => r.event.added,
                actor => r.event.actor,
                reason => r.event.reason,
            }).collect::<Vec<_>>(),
        },
    )
}

pub(super) async fn optouts(ctx: Ctx) -> Response {
    match ctx.require(Permission::OptOuts) {
        Ok(s) => {
            let s = s.clone();
            optouts_page(&ctx, &s, StatusCode::OK, None).await
        }
        Err(r) => *r,
    }
}

#[derive(Deserialize)]
pub(super) struct ChangeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    number: String,
    #[serde(default)]
    list: String,
    #[serde(default)]
    reason: String,
}

async fn change(ctx: Ctx, f: ChangeForm, op: Op) -> Response {
    let needs = if op == Op::Add {
        Permission::AddOptOut
    } else {
        // Who may remove is the library's rule (an admin principal); the page is the
        // opt-outs page.
        Permission::OptOuts
    };
    let s = match ctx.require(needs) {
        Ok(s) => s.clone(),
        Err(r) => return *r,
    };
    if let Err(r) = ctx.check_csrf(&s, &f.csrf) {
        return *r;
    }
    let client = f.list.strip_prefix("client:").map(str::to_owned);
    let input = ReservationInput {
        centre: f.list == "centre",
        client: client.clone(),
        number: f.number.clone(),
        actor: s.username.clone(),
        reason: f.reason.trim().to_owned(),
    };
    let app = ctx.console.app.clone();
    let who = s.principal.clone();
    let answer = app
        .change_reservations(&who, vec![input], op)
        .await
        .pop()
        .unwrap_or_else(|| Err(RequestError::Unavailable("no answer".into())));
    let action = if op == Op::Add {
        "add_reservation"
    } else {
        "remove_reservation"
    };
    let list_target = match &client {
        Some(c) => format!("list:client:{c}"),
        None => format!("list:centre:{}", s.principal.centre),
    };
    let client = client.unwrap_or_default();
    match answer {
        Ok(done) => {
            let hash = done
                .normalised
                .trim_start_matches('+')
                .parse::<u64>()
                .map(|n| app.audit().key().number_hash(n))
                .unwrap_or_default();
            let target = format!("number:{hash} {list_target} seq:{}", done.seq);
            if let Err(e) = ctx.record(&s, action, &client, &target, Ok(())) {
                return optouts_page(
                    &ctx,
                    &s,
                    StatusCode::SERVICE_UNAVAILABLE,
                    Notice::error(e.to_string()),
                )
                .await;
            }
            tracing::info!(user = %s.username, seq = done.seq, action, "console reservation change");
            let text = if op == Op::Add {
                "optout_added"
            } else {
                "reservation_removed"
            };
            optouts_page(&ctx, &s, StatusCode::OK, Notice::ok(ctx.lang.t(text))).await
        }
        Err(e) => {
            let _ = ctx.record(&s, action, &client, &list_target, Err(&e));
            optouts_page(&ctx, &s, status_of(&e), Notice::error(e.to_string())).await
        }
    }
}

pub(super) async fn add_optout(ctx: Ctx, Form(f): Form<ChangeForm>) -> Response {
    change(ctx, f, Op::Add).await
}

pub(super) async fn remove_optout(ctx: Ctx, Form(f): Form<ChangeForm>) -> Response {
    change(ctx, f, Op::Remove).await
}

// ---------------------------------------------------------------- proof of wash

#[derive(Deserialize, Default, Clone)]
pub(super) struct ProofForm {
    #[serde(default)]
    client: String,
    #[serde(default)]
    campaign: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

impl ProofForm {
    fn query(&self) -> Result<ProofQuery, RequestError> {
        let day = |field: &str, s: &str| {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| RequestError::invalid(field, "write the day as YYYY-MM-DD"))
            }
        };
        Ok(ProofQuery {
            client: Some(self.client.clone()).filter(|c| !c.is_empty()),
            campaign: Some(self.campaign.clone()).filter(|c| !c.is_empty()),
            from: day("from", &self.from)?,
            to: day("to", &self.to)?,
            washes_only: true,
        })
    }

    fn url_query(&self) -> String {
        serde_urlencoded::to_string([
            ("client", &self.client),
            ("campaign", &self.campaign),
            ("from", &self.from),
            ("to", &self.to),
        ])
        .unwrap_or_default()
    }
}

async fn proofs_page(
    ctx: &Ctx,
    s: &super::SessionView,
    q: ProofForm,
    notice: Option<Notice>,
) -> Response {
    let query = match q.query() {
        Ok(query) => query,
        Err(e) => return ctx.refused(&e),
    };
    let app = ctx.console.app.clone();
    let who = s.principal.clone();
    let found = match blocking(move || proof::proofs(&app, &who, &query))
        .await
        .and_then(|r| r)
    {
        Ok(f) => f,
        Err(e) => return ctx.refused(&e),
    };
    let app = &ctx.console.app;
    let washes: Vec<minijinja::Value> = found
        .iter()
        .rev()
        .filter_map(|e| match &e.record {
            AuditRecord::Wash(w) => Some(context! {
                at => local(app, w.at),
                wash_id => w.wash_id,
                client => w.client,
                campaign => w.campaign,
                source_reference => w.source_reference,
                numbers => w.numbers,
                allowed => w.allowed,
                snapshot_date => w.snapshot_date,
                by => w.key_id,
                via => w.via,
            }),
            _ => None,
        })
        .collect();
    ctx.frame().render(
        StatusCode::OK,
        "proofs.html",
        "page_proofs",
        notice,
        context! {
            clients => clients(s),
            query => q.url_query(),
            q => context! { client => q.client, campaign => q.campaign, from => q.from, to => q.to },
            washes => washes,
        },
    )
}

pub(super) async fn proofs(ctx: Ctx, Query(q): Query<ProofForm>) -> Response {
    match ctx.require(Permission::Proofs) {
        Ok(s) => {
            let s = s.clone();
            proofs_page(&ctx, &s, q, None).await
        }
        Err(r) => *r,
    }
}

fn attachment(kind: &'static str, name: &str, body: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    let mut r = (StatusCode::OK, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

pub(super) async fn proofs_csv(ctx: Ctx, Query(q): Query<ProofForm>) -> Response {
    let s = match ctx.require(Permission::Proofs) {
        Ok(s) => s.clone(),
        Err(r) => return *r,
    };
    let query = match q.query() {
        Ok(query) => query,
        Err(e) => return ctx.refused(&e),
    };
    if let Err(e) = ctx.record(&s, "export_proofs", &q.client, &q.url_query(), Ok(())) {
        return ctx.refused(&e);
    }
    let app = ctx.console.app.clone();
    let who = s.principal.clone();
    let csv = blocking(move || -> Result<Vec<u8>, RequestError> {
        let entries = proof::proofs(&app, &who, &query)?;
        let mut out = Vec::new();
        proof::write_washes_csv(&entries, &mut out)
            .map_err(|e| RequestError::Unavailable(format!("writing the CSV: {e}")))?;
        Ok(out)
    })
    .await
    .and_then(|r| r);
    match csv {
        Ok(body) => attachment(
            "text/csv; charset=utf-8",
            &format!("vask-proof-of-wash-{}.csv", today(&ctx.console.app)),
            body,
        ),
        Err(e) => ctx.refused(&e),
    }
}

pub(super) async fn verify(ctx: Ctx, Form(f): Form<CsrfForm>) -> Response {
    let s = match ctx.require(Permission::Proofs) {
        Ok(s) => s.clone(),
        Err(r) => return *r,
    };
    if let Err(r) = ctx.check_csrf(&s, &f.csrf) {
        return *r;
    }
    let app = ctx.console.app.clone();
    let result = blocking(move || {
        crate::audit::verify(&app.config().audit, app.config().audit_key.as_ref(), None)
            .map(|entries| entries.len())
    })
    .await;
    let notice = match result {
        Ok(Ok(n)) => {
            let _ = ctx.record(&s, "verify_trail", "", &format!("records:{n}"), Ok(()));
            Notice::ok(format!("{} {n}", ctx.lang.t("verify_ok")))
        }
        Ok(Err(e)) => {
            let err = RequestError::Precondition(e.to_string());
            let _ = ctx.record(&s, "verify_trail", "", "", Err(&err));
            Notice::error(format!("{} {e}", ctx.lang.t("verify_failed")))
        }
        Err(e) => Notice::error(e.to_string()),
    };
    proofs_page(&ctx, &s, ProofForm::default(), notice).await
}

/// The proof record of one wash: its audit record with its place in the chain, as JSON.
pub(super) async fn proof_record(ctx: Ctx, Path(file): Path<String>) -> Response {
    let s = match ctx
        .require(Permission::Proofs)
        .or_else(|_| ctx.require(Permission::Wash))
    {
        Ok(s) => s.clone(),
        Err(r) => return *r,
    };
    let Some(wash_id) = file.strip_suffix(".json").map(str::to_owned) else {
        return ctx
            .frame()
            .error(StatusCode::NOT_FOUND, ctx.lang.t("not_found"));
    };
    let app = ctx.console.app.clone();
    let who = s.principal.clone();
    let id = wash_id.clone();
    let found = blocking(move || -> Result<Option<serde_json::Value>, RequestError> {
        let entries = proof::proofs(&app, &who, &ProofQuery::default())?;
        Ok(entries.into_iter().find_map(|e| match &e.record {
            AuditRecord::Wash(w) if w.wash_id == id => {
                let mut json = serde_json::to_value(&e.record).ok()?;
                let o = json.as_object_mut()?;
                o.insert("seq".into(), e.seq.into());
                o.insert("chain".into(), e.chain.clone().into());
                Some(json)
            }
            _ => None,
        }))
    })
    .await
    .and_then(|r| r);
    match found {
        Ok(Some(json)) => {
            let target = format!("wash:{wash_id}");
            if let Err(e) = ctx.record(&s, "download_proof", "", &target, Ok(())) {
                return ctx.refused(&e);
            }
            let body = serde_json::to_vec_pretty(&json).unwrap_or_default();
            attachment("application/json", &format!("{wash_id}.json"), body)
        }
        Ok(None) => ctx
            .frame()
            .error(StatusCode::NOT_FOUND, ctx.lang.t("not_found")),
        Err(e) => ctx.refused(&e),
    }
}

// ---------------------------------------------------------------- calling hours

#[derive(Deserialize)]
pub(super) struct HoursQuery {
    #[serde(default)]
    country: String,
    #[serde(default)]
    year: Option<i32>,
}

pub(super) async fn hours(ctx: Ctx, Query(q): Query<HoursQuery>) -> Response {
    if let Err(r) = ctx.require(Permission::CallingHours) {
        return *r;
    }
    let app = &ctx.console.app;
    let lang = ctx.lang;
    let country = if q.country.trim().is_empty() {
        app.config().country.region.to_string()
    } else {
        q.country.clone()
    };
    let (policy, w) = match app.call_window(&country, "", None) {
        Ok(found) => found,
        Err(e) => return ctx.refused(&e),
    };
    let year = q.year.unwrap_or_else(|| today(app).year());
    let days = match policy.closed_days(year) {
        Ok(d) => d,
        Err(e) => return ctx.refused(&RequestError::invalid("year", e.to_string())),
    };
    let reason = |r: &ClosedReason| match r {
        ClosedReason::Weekend => lang.t("closed_weekend").to_owned(),
        ClosedReason::Holiday { name } => name.clone(),
        ClosedReason::BeforeHours => lang.t("closed_before").to_owned(),
        ClosedReason::AfterHours => lang.t("closed_after").to_owned(),
    };
    let tz = policy.time_zone();
    let at = |t: Option<DateTime<Utc>>| {
        t.map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
    };
    const WEEKDAYS: [&str; 7] = [
        "wd_mon", "wd_tue", "wd_wed", "wd_thu", "wd_fri", "wd_sat", "wd_sun",
    ];
    let days: Vec<minijinja::Value> = days
        .iter()
        .filter(|d| matches!(d.reason, ClosedReason::Holiday { .. }))
        .map(|d| {
            context! {
                date => d.date.to_string(),
                weekday => lang.t(WEEKDAYS[d.date.weekday().num_days_from_monday() as usize]),
                reason => reason(&d.reason),
            }
        })
        .collect();
    ctx.frame().render(
        StatusCode::OK,
        "hours.html",
        "page_hours",
        None,
        context! {
            countries => app.config().calendars.countries().collect::<Vec<_>>(),
            country => policy.country(),
            year => year,
            days => days,
            w => context! {
                open => w.open,
                reason => w.reason.as_ref().map(reason),
                local_time => w.local_time.format("%Y-%m-%d %H:%M").to_string(),
                time_zone => tz.name(),
                closes_at => at(w.closes_at),
                next_open => at(w.next_open),
            },
        },
    )
}
