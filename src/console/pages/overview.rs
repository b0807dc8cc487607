//! The overview: the served generation, the snapshot's age, the lists, today's washes, the
//! last rebuild; and reloading from it.

use axum::Form;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;

use super::{CsrfForm, local};
use crate::console::view::{self, Notice};
use crate::console::{Ctx, SessionView, blocking, today};
use crate::error::RequestError;
use crate::proof;
use crate::users::Permission;

async fn overview_page(ctx: &Ctx, s: &SessionView, notice: Option<Notice>) -> Response {
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

pub(in crate::console) async fn overview(ctx: Ctx) -> Response {
    let s = match &ctx.session {
        None => return Redirect::to("/console/login").into_response(),
        Some(s) if !crate::users::may(&s.roles, Permission::Overview) => {
            return Redirect::to(view::home(s)).into_response();
        }
        Some(s) => s.clone(),
    };
    overview_page(&ctx, &s, None).await
}

pub(in crate::console) async fn reload(ctx: Ctx, Form(f): Form<CsrfForm>) -> Response {
    let s = match ctx.require_form(Permission::Reload, &f.csrf) {
        Ok(s) => s,
        Err(r) => return *r,
    };
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
