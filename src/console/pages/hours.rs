//! Calling hours: whether calls may be made now in a country, and its closed days of a year.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, Datelike, Utc};
use minijinja::context;
use serde::Deserialize;

use crate::calendar::ClosedReason;
use crate::console::{Ctx, today};
use crate::error::RequestError;
use crate::users::Permission;

#[derive(Deserialize)]
pub(in crate::console) struct HoursQuery {
    #[serde(default)]
    country: String,
    #[serde(default)]
    year: Option<i32>,
}

pub(in crate::console) async fn hours(ctx: Ctx, Query(q): Query<HoursQuery>) -> Response {
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
