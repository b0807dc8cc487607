//! Opt-outs: adding a number to the centre's or a client's internal list, removing one, and
//! the recent changes (numbers masked).

use axum::Form;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use serde::Deserialize;

use super::local;
use crate::app::ReservationInput;
use crate::console::view::Notice;
use crate::console::{Ctx, SessionView, blocking};
use crate::error::RequestError;
use crate::http::errors::status_of;
use crate::journal::Op;
use crate::users::Permission;

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
    s: &SessionView,
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

pub(in crate::console) async fn optouts(ctx: Ctx) -> Response {
    match ctx.require(Permission::OptOuts) {
        Ok(s) => {
            let s = s.clone();
            optouts_page(&ctx, &s, StatusCode::OK, None).await
        }
        Err(r) => *r,
    }
}

#[derive(Deserialize)]
pub(in crate::console) struct ChangeForm {
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
    let s = match ctx.require_form(needs, &f.csrf) {
        Ok(s) => s,
        Err(r) => return *r,
    };
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
                .expect("a changed reservation's number is +<E.164>");
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

pub(in crate::console) async fn add_optout(ctx: Ctx, Form(f): Form<ChangeForm>) -> Response {
    change(ctx, f, Op::Add).await
}

pub(in crate::console) async fn remove_optout(ctx: Ctx, Form(f): Form<ChangeForm>) -> Response {
    change(ctx, f, Op::Remove).await
}
