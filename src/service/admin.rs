//! `vask.v1.AdminService`: Status and Reload.

use std::sync::Arc;

use tonic::{Request, Response, Status};

use super::auth::principal;
use super::{blocking, pb, status, timestamp};
use crate::app::{App, AppError};
use crate::generation::GenerationError;

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
        let s = self.app.status(&who);
        Ok(Response::new(pb::StatusResponse {
            generation_id: s.generation_id,
            snapshot_date: s.snapshot_date.to_string(),
            snapshot_age_days: s.snapshot_age_days,
            snapshot_stale: s.snapshot_stale,
            national_numbers: s.national_numbers,
            national_persons: s.national_persons,
            lists: s
                .lists
                .into_iter()
                .map(|l| pb::ListCount {
                    list: l.list.to_owned(),
                    owner: l.owner,
                    category: l.category,
                    numbers: l.numbers,
                    source_reference: l.source_reference,
                })
                .collect(),
            uptime_seconds: s.uptime_seconds,
            version: s.version.to_owned(),
            live_operations: s.live_operations,
            journal_seq: 0,
            generation_built: Some(timestamp(s.generation_built)),
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
