//! `vask.v1.RegistryService`: internal reservations (opt-outs) that take effect at once,
//! translated to [`App::change_reservations`].
//!
//! An add is appended to the journal and fsynced (group commit) before it is applied to the
//! engine's live overlay and acknowledged: once the reply is sent, every later wash blocks the
//! number, and the add survives `kill -9` and power loss. The nightly rebuild folds the journal
//! into the next generation.

use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use super::auth::principal;
use super::{pb, status};
use crate::app::{App, ReservationInput};
use crate::journal::Op;

/// The RegistryService implementation.
pub struct RegistryApi {
    app: Arc<App>,
}

impl RegistryApi {
    /// A handler over the app.
    pub fn new(app: Arc<App>) -> RegistryApi {
        RegistryApi { app }
    }

    async fn one(
        &self,
        request: Request<pb::ReservationRequest>,
        op: Op,
    ) -> Result<Response<pb::ReservationResponse>, Status> {
        let who = principal(&request)?;
        let input = reservation_input(request.into_inner());
        let result = self
            .app
            .change_reservations(&who, vec![input], op)
            .await
            .pop()
            .unwrap_or_else(|| {
                Err(crate::error::RequestError::Unavailable(
                    "no result for the reservation; retry".into(),
                ))
            })
            .map_err(status)?;
        tracing::info!(key = %who.id, centre = %who.centre, seq = result.seq, op = ?op, "reservation");
        Ok(Response::new(pb::ReservationResponse {
            seq: result.seq,
            normalised: result.normalised,
            error: String::new(),
            error_code: String::new(),
        }))
    }
}

fn reservation_input(r: pb::ReservationRequest) -> ReservationInput {
    use pb::reservation_request::List;
    let (centre, client) = match r.list {
        Some(List::Centre(c)) => (c, None),
        Some(List::ClientId(id)) => (false, Some(id)),
        None => (false, None),
    };
    ReservationInput {
        centre,
        client,
        number: r.number,
        actor: r.actor,
        reason: r.reason,
    }
}

type Out = Pin<Box<dyn Stream<Item = Result<pb::ReservationResponse, Status>> + Send>>;

#[tonic::async_trait]
impl pb::registry_service_server::RegistryService for RegistryApi {
    async fn add_reservation(
        &self,
        request: Request<pb::ReservationRequest>,
    ) -> Result<Response<pb::ReservationResponse>, Status> {
        self.one(request, Op::Add).await
    }

    async fn remove_reservation(
        &self,
        request: Request<pb::ReservationRequest>,
    ) -> Result<Response<pb::ReservationResponse>, Status> {
        self.one(request, Op::Remove).await
    }

    type AddReservationsStream = Out;

    /// One result per entry, in order: a bad entry gets its own error (with a code) and the
    /// others are recorded; the stream itself fails only when the client's stream does.
    async fn add_reservations(
        &self,
        request: Request<Streaming<pb::ReservationRequest>>,
    ) -> Result<Response<Self::AddReservationsStream>, Status> {
        let who = principal(&request)?;
        let input = request.into_inner();
        let app = self.app.clone();
        let (tx, rx) = tokio::sync::mpsc::channel(1024);
        tokio::spawn(async move {
            // Whatever has arrived within 2 ms (up to 1 000 entries) shares one fsync.
            let chunks = input.chunks_timeout(1000, Duration::from_millis(2));
            tokio::pin!(chunks);
            while let Some(batch) = chunks.next().await {
                let mut inputs = Vec::with_capacity(batch.len());
                for msg in batch {
                    match msg {
                        Ok(r) => inputs.push(reservation_input(r)),
                        Err(e) => {
                            let _ = tx.send(Err(e)).await;
                            return;
                        }
                    }
                }
                for result in app.change_reservations(&who, inputs, Op::Add).await {
                    let out = match result {
                        Ok(r) => pb::ReservationResponse {
                            seq: r.seq,
                            normalised: r.normalised,
                            error: String::new(),
                            error_code: String::new(),
                        },
                        Err(e) => pb::ReservationResponse {
                            seq: 0,
                            normalised: String::new(),
                            error_code: e.code().to_owned(),
                            error: e.to_string(),
                        },
                    };
                    if tx.send(Ok(out)).await.is_err() {
                        return;
                    }
                }
            }
        });
        Ok(Response::new(Box::pin(
            tokio_stream::wrappers::ReceiverStream::new(rx),
        )))
    }
}
