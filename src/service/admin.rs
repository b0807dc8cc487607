//! `vask.v1.AdminService`: Status and Reload.

use std::sync::Arc;

use chrono::Utc;
use tonic::{Request, Response, Status};

use super::auth::caller;
use super::{State, pb, timestamp};
use crate::generation::{GenerationError, ListKind};

/// The AdminService implementation.
pub struct AdminApi {
    state: Arc<State>,
}

impl AdminApi {
    /// A handler over shared state.
    pub fn new(state: Arc<State>) -> AdminApi {
        AdminApi { state }
    }
}

#[tonic::async_trait]
impl pb::admin_service_server::AdminService for AdminApi {
    async fn status(
        &self,
        request: Request<pb::StatusRequest>,
    ) -> Result<Response<pb::StatusResponse>, Status> {
        let caller = caller(&request)?;
        let engine = &self.state.engine;
        let generation = engine.generation();
        let m = generation.manifest();
        let fresh = engine.freshness(&generation, Utc::now());
        // A centre sees only its own list and its clients' lists.
        let lists = m
            .lists
            .iter()
            .filter(|l| match &l.kind {
                ListKind::CentreDnc => l.owner == caller.centre.as_str(),
                _ => crate::domain::ClientId::new(&l.owner).is_ok_and(|c| caller.serves(&c)),
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
            uptime_seconds: self.state.started.elapsed().as_secs(),
            version: concat!(env!("CARGO_PKG_NAME"), " ", env!("CARGO_PKG_VERSION")).to_owned(),
            live_operations: engine.live().len() as u64,
            journal_seq: self.state.journal.last_seq(),
            generation_built: Some(timestamp(m.created_at)),
        }))
    }

    async fn reload(
        &self,
        request: Request<pb::ReloadRequest>,
    ) -> Result<Response<pb::ReloadResponse>, Status> {
        caller(&request)?.require_admin("Reload")?;
        match self.state.reload().await {
            Ok((generation_id, changed)) => Ok(Response::new(pb::ReloadResponse {
                generation_id,
                changed,
            })),
            Err(e @ GenerationError::NothingPublished(_)) => {
                Err(Status::failed_precondition(e.to_string()))
            }
            Err(e) => Err(Status::failed_precondition(format!(
                "new generation refused, still serving {}: {e}",
                self.state.engine.generation().id()
            ))),
        }
    }
}
