//! `vask.v1.RegistryService`: internal reservations (opt-outs) that take effect at once.
//!
//! An add is appended to the journal and fsynced (group commit) before it is applied to the
//! engine's live overlay and acknowledged: once the reply is sent, every later wash blocks the
//! number, and the add survives `kill -9` and power loss. The nightly rebuild folds the journal
//! into the next generation.

use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use super::auth::{Caller, caller};
use super::{State, pb, timestamp};
use crate::build::{InternalList, OptOutOp};
use crate::domain::{CentreId, ClientId};
use crate::engine::{Engine, LiveOp};
use crate::journal::{Entry, ListRef, Op, Record};

/// The RegistryService implementation.
pub struct RegistryApi {
    state: Arc<State>,
}

impl RegistryApi {
    /// A handler over shared state.
    pub fn new(state: Arc<State>) -> RegistryApi {
        RegistryApi { state }
    }
}

fn internal(list: &ListRef) -> Option<InternalList> {
    match list {
        ListRef::Centre(c) => CentreId::new(c.as_str()).ok().map(InternalList::Centre),
        ListRef::Client(c) => ClientId::new(c.as_str()).ok().map(InternalList::Client),
    }
}

/// "centre:<id>" or "client:<id>".
pub fn list_name(list: &InternalList) -> String {
    match list {
        InternalList::Centre(c) => format!("centre:{c}"),
        InternalList::Client(c) => format!("client:{c}"),
    }
}

/// Journal records as build operations, for folding into a generation.
pub fn journal_ops(records: &[Record]) -> Vec<OptOutOp> {
    records
        .iter()
        .filter_map(|r| {
            Some(OptOutOp {
                seq: r.seq,
                list: internal(&r.entry.list)?,
                number: r.entry.number,
                add: r.entry.op == Op::Add,
                at: r.entry.at,
            })
        })
        .collect()
}

/// Applies recovered journal records to the engine's live overlay.
pub fn replay(engine: &Engine, records: &[Record]) {
    for op in journal_ops(records) {
        engine.live().record(
            op.list,
            op.number,
            LiveOp {
                seq: op.seq,
                add: op.add,
            },
        );
    }
    engine.prune_live();
}

/// The add/remove history of a number on the caller's centre list and the client's list.
pub fn history(
    state: &State,
    caller: &Caller,
    client: &ClientId,
    number: u64,
) -> Result<Vec<pb::HistoryEntry>, Status> {
    let records = state.journal.history_of(number).map_err(|e| {
        tracing::error!(error = %e, "reading journal history failed");
        Status::internal("could not read the reservation history")
    })?;
    Ok(records
        .into_iter()
        .filter(|r| match &r.entry.list {
            ListRef::Centre(c) => c == caller.centre.as_str(),
            ListRef::Client(c) => c == client.as_str(),
        })
        .map(|r| pb::HistoryEntry {
            seq: r.seq,
            list: internal(&r.entry.list)
                .map(|l| list_name(&l))
                .unwrap_or_default(),
            added: r.entry.op == Op::Add,
            actor: r.entry.actor,
            reason: r.entry.reason,
            at: Some(timestamp(r.entry.at)),
        })
        .collect())
}

impl RegistryApi {
    /// Checks and converts one request into a journal entry.
    fn entry(&self, caller: &Caller, r: &pb::ReservationRequest, op: Op) -> Result<Entry, Status> {
        use pb::reservation_request::List;
        let list = match &r.list {
            Some(List::Centre(true)) => ListRef::Centre(caller.centre.to_string()),
            Some(List::ClientId(id)) => ListRef::Client(caller.client(id)?.to_string()),
            _ => {
                return Err(Status::invalid_argument(
                    "list: set `centre: true` (the centre's list) or `client_id`",
                ));
            }
        };
        if op == Op::Remove {
            if self.state.config.limits.removal_requires_admin {
                caller.require_admin("RemoveReservation")?;
            }
            if r.reason.trim().is_empty() {
                return Err(Status::invalid_argument(
                    "reason: required when removing a reservation",
                ));
            }
        }
        if r.actor.trim().is_empty() {
            return Err(Status::invalid_argument(
                "actor: required (agent id, ivr, api, web-form, ...)",
            ));
        }
        let number = self
            .state
            .engine
            .normaliser()
            .normalise(&r.number)
            .map_err(|e| Status::invalid_argument(format!("number: {e}")))?;
        Ok(Entry {
            list,
            number: number.e164(),
            op,
            actor: r.actor.clone(),
            reason: r.reason.clone(),
            at: Utc::now(),
        })
    }

    /// Makes entries durable, then visible; returns their seqs.
    async fn commit(&self, entries: Vec<Entry>) -> Result<Vec<u64>, Status> {
        let applied: Vec<(Option<InternalList>, u64, bool)> = entries
            .iter()
            .map(|e| (internal(&e.list), e.number, e.op == Op::Add))
            .collect();
        let seqs = self.state.journal.append(entries).await.map_err(|e| {
            tracing::error!(error = %e, "journal append failed");
            Status::unavailable(format!(
                "the reservation could not be stored durably ({e}); it was not recorded, retry"
            ))
        })?;
        for ((list, number, add), seq) in applied.into_iter().zip(&seqs) {
            if let Some(list) = list {
                self.state
                    .engine
                    .live()
                    .record(list, number, LiveOp { seq: *seq, add });
            }
        }
        Ok(seqs)
    }

    async fn one(
        &self,
        request: Request<pb::ReservationRequest>,
        op: Op,
    ) -> Result<Response<pb::ReservationResponse>, Status> {
        let caller = caller(&request)?;
        let r = request.into_inner();
        let entry = self.entry(&caller, &r, op)?;
        let normalised = format!("+{}", entry.number);
        let seqs = self.commit(vec![entry]).await?;
        tracing::info!(key = %caller.key_id, centre = %caller.centre, seq = seqs.first().copied().unwrap_or(0), op = ?op, "reservation");
        Ok(Response::new(pb::ReservationResponse {
            seq: seqs.first().copied().unwrap_or(0),
            normalised,
            error: String::new(),
        }))
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

    async fn add_reservations(
        &self,
        request: Request<Streaming<pb::ReservationRequest>>,
    ) -> Result<Response<Self::AddReservationsStream>, Status> {
        let caller = caller(&request)?;
        let input = request.into_inner();
        let api = RegistryApi {
            state: self.state.clone(),
        };
        let (tx, rx) = tokio::sync::mpsc::channel(1024);
        tokio::spawn(async move {
            // Whatever has arrived within 2 ms (up to 1 000 entries) shares one fsync.
            let chunks = input.chunks_timeout(1000, Duration::from_millis(2));
            tokio::pin!(chunks);
            while let Some(batch) = chunks.next().await {
                let mut results: Vec<Result<Entry, String>> = Vec::with_capacity(batch.len());
                for msg in batch {
                    match msg {
                        Ok(r) => results.push(
                            api.entry(&caller, &r, Op::Add)
                                .map_err(|s| s.message().to_owned()),
                        ),
                        Err(e) => {
                            let _ = tx.send(Err(e)).await;
                            return;
                        }
                    }
                }
                let valid: Vec<Entry> = results
                    .iter()
                    .filter_map(|r| r.as_ref().ok().cloned())
                    .collect();
                let seqs = match api.commit(valid).await {
                    Ok(s) => s,
                    Err(e) => {
                        let _ = tx.send(Err(e)).await;
                        return;
                    }
                };
                let mut seqs = seqs.into_iter();
                for r in results {
                    let out = match r {
                        Ok(e) => pb::ReservationResponse {
                            seq: seqs.next().unwrap_or(0),
                            normalised: format!("+{}", e.number),
                            error: String::new(),
                        },
                        Err(error) => pb::ReservationResponse {
                            seq: 0,
                            normalised: String::new(),
                            error,
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
