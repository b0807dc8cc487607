//! `vask.v1.AdminService`: Status and Reload.

use std::sync::Arc;

use tonic::{Request, Response, Status};

use super::auth::principal;
use super::{blocking, pb, status, timestamp};
use crate::app::{App, AppError};
use crate::generation::{GenerationError, ListKind};

/// The AdminService implementation.
pub struct AdminApi {
    app: Arc<App>,
}

impl AdminApi {
    /// A handler over the app.
    pub fn new(app: Arc<App>) -> AdminApi {
        AdminApi { app }
    }
}

#[tonic::async_trait]
impl pb::admin_service_server::AdminService for AdminApi {
    async fn status(
        &self,
        request: Request<pb::StatusRequest>,
    ) -> Result<Response<pb::StatusResponse>, Status> {
        let who = principal(&request)?;
        let engine = self.app.engine();
        let serving = engine.serving();
        let m = serving.generation.manifest();
        let fresh = engine.freshness(&serving.generation, self.app.now());
        // A centre sees only its own list and its clients' lists.
        let lists = [&serving.lists, &serving.generation]
            .into_iter()
            .enumerate()
            .flat_map(|(i, g)| {
                g.manifest().lists.iter().filter(move |l| {
                    // Internal lists from the lists generation, the rest from the other.
                    let internal = matches!(l.kind, ListKind::CentreDnc | ListKind::ClientDnc);
                    internal == (i == 0)
                })
            })
            .filter(|l| match &l.kind {
                ListKind::CentreDnc => l.owner == who.centre.as_str(),
                _ => crate::domain::ClientId::new(&l.owner).is_ok_and(|c| who.serves(&c)),
            })
            .map(|l| {
                let (list, category) = match &l.kind {
                    ListKind::CentreDnc => ("centre_dnc", String::new()),
                    ListKind::ClientDnc => ("client_dnc", String::new()),
                    ListKind::Express => ("express", String::new()),
                    ListKind::Customers { category } => ("customers", category.to_string()),
                };
                pb::ListCount {
                    list: list.to_owned(),
                    owner: l.owner.clone(),
                    category,
                    numbers: l.count,
                    source_reference: l.source_reference.clone(),
                }
            })
            .collect();
        Ok(Response::new(pb::StatusResponse {
            generation_id: m.id.clone(),
            snapshot_date: m.national.snapshot_date.to_string(),
            snapshot_age_days: fresh.age_days,
            snapshot_stale: fresh.stale,
            national_numbers: m.national.numbers,
            national_persons: m.national.persons,
            lists,
            uptime_seconds: self.app.uptime().as_secs(),
            version: concat!(env!("CARGO_PKG_NAME"), " ", env!("CARGO_PKG_VERSION")).to_owned(),
            live_operations: self.app.visible_live_operations(&who) as u64,
            journal_seq: 0,
            generation_built: Some(timestamp(m.created_at)),
        }))
    }

    async fn reload(
        &self,
        request: Request<pb::ReloadRequest>,
    ) -> Result<Response<pb::ReloadResponse>, Status> {
        principal(&request)?
            .require_admin("Reload")
            .map_err(status)?;
        let app = self.app.clone();
        match blocking(move || app.reload()).await? {
            Ok((generation_id, changed)) => Ok(Response::new(pb::ReloadResponse {
                generation_id,
                changed,
            })),
            Err(e @ AppError::Generation(GenerationError::NothingPublished(_))) => {
                Err(Status::failed_precondition(e.to_string()))
            }
            Err(e) => Err(Status::failed_precondition(format!(
                "new generation refused, still serving {}: {e}",
                self.app.engine().generation().id()
            ))),
        }
    }
}
