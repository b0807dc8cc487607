//! The proof of wash: the centre's washes by client, campaign and days, exported as CSV, one
//! wash's record as JSON, and verifying the trail.

use axum::Form;
use axum::extract::{Path, Query};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use serde::Deserialize;

use super::{CsrfForm, clients, local};
use crate::audit::AuditRecord;
use crate::console::view::Notice;
use crate::console::{Ctx, SessionView, blocking, today};
use crate::error::RequestError;
use crate::proof::{self, ProofQuery};
use crate::users::Permission;

#[derive(Deserialize, Default, Clone)]
pub(in crate::console) struct ProofForm {
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
        .expect("pairs of strings always encode as a query")
    }
}

async fn proofs_page(ctx: &Ctx, s: &SessionView, q: ProofForm, notice: Option<Notice>) -> Response {
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

pub(in crate::console) async fn proofs(ctx: Ctx, Query(q): Query<ProofForm>) -> Response {
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

pub(in crate::console) async fn proofs_csv(ctx: Ctx, Query(q): Query<ProofForm>) -> Response {
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

pub(in crate::console) async fn verify(ctx: Ctx, Form(f): Form<CsrfForm>) -> Response {
    let s = match ctx.require_form(Permission::Proofs, &f.csrf) {
        Ok(s) => s,
        Err(r) => return *r,
    };
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
pub(in crate::console) async fn proof_record(ctx: Ctx, Path(file): Path<String>) -> Response {
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
            let body = serde_json::to_vec_pretty(&json).expect("a JSON value always serialises");
            attachment("application/json", &format!("{wash_id}.json"), body)
        }
        Ok(None) => ctx
            .frame()
            .error(StatusCode::NOT_FOUND, ctx.lang.t("not_found")),
        Err(e) => ctx.refused(&e),
    }
}
