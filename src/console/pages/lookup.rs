//! Looking a number up: Explain through the library, with the lists that hold it, the live
//! changes and its history.

use axum::Form;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use serde::Deserialize;

use super::{clients, local, purposes};
use crate::app::CampaignParams;
use crate::console::view::Notice;
use crate::console::{Ctx, SessionView, blocking};
use crate::domain::Purpose;
use crate::error::RequestError;
use crate::http::errors::status_of;
use crate::users::Permission;

#[derive(Deserialize, Default)]
pub(in crate::console) struct LookupForm {
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
    s: &SessionView,
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

pub(in crate::console) async fn lookup_form(ctx: Ctx) -> Response {
    match ctx.require(Permission::LookUp) {
        Ok(s) => lookup_page(&ctx, s, StatusCode::OK, &LookupForm::default(), None, None),
        Err(r) => *r,
    }
}

pub(in crate::console) async fn lookup(ctx: Ctx, Form(f): Form<LookupForm>) -> Response {
    let s = match ctx.require_form(Permission::LookUp, &f.csrf) {
        Ok(s) => s,
        Err(r) => return *r,
    };
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
        history_omitted => x.history_omitted,
    };
    lookup_page(&ctx, &s, StatusCode::OK, &f, Some(found), None)
}
