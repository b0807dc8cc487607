//! Signing in (with the failed sign-in limit and a decoy hash for unknown usernames), signing
//! out, and the language switch.

use std::sync::{Arc, OnceLock};

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Deserialize;

use super::CsrfForm;
use crate::console::session::{self, LANG_COOKIE, LOGIN_COOKIE, SESSION_COOKIE};
use crate::console::view::{self, Notice};
use crate::console::{Console, Ctx, Lang, blocking};
use crate::error::RequestError;

#[derive(Deserialize)]
pub(in crate::console) struct LoginForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

fn login_page(ctx: &Ctx, status: StatusCode, username: &str, notice: Option<Notice>) -> Response {
    let csrf = session::token();
    let frame = view::Frame {
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

pub(in crate::console) async fn login_form(ctx: Ctx) -> Response {
    match &ctx.session {
        Some(s) => Redirect::to(view::home(s)).into_response(),
        None => login_page(&ctx, StatusCode::OK, "", None),
    }
}

/// A hash to check passwords of unknown usernames against, so that a sign-in with an
/// unknown username takes as long as one with a wrong password.
fn decoy() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        crate::users::hash_password(&session::token())
            .expect("a session token is long enough to be a password, and argon2id hashes it")
    })
}

pub(in crate::console) async fn login(
    ctx: Ctx,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> Response {
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

pub(in crate::console) async fn logout(ctx: Ctx, Form(f): Form<CsrfForm>) -> Response {
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
pub(in crate::console) struct LangQuery {
    #[serde(default)]
    set: String,
    #[serde(default)]
    back: String,
}

/// The language switch: sets the cookie and goes back to the page (a console page only).
pub(in crate::console) async fn language(
    State(console): State<Arc<Console>>,
    Query(q): Query<LangQuery>,
) -> Response {
    let back = if q.back.starts_with("/console") && !q.back.contains("//") {
        q.back.as_str()
    } else {
        "/console/"
    };
    let mut r = Redirect::to(back).into_response();
    if let Some(lang) = Lang::parse(&q.set)
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
