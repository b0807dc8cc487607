//! Opt-outs through the API: adds to and removals from internal lists, each entry checked on
//! its own, stored durably in the journal, then applied to the live overlay.

use super::{App, JournalAccess, text_field};
use crate::auth::Principal;
use crate::domain::InternalList;
use crate::engine::LiveOp;
use crate::error::RequestError;
use crate::journal::{Entry, Op};

/// One reservation change asked for.
#[derive(Debug, Clone, Default)]
pub struct ReservationInput {
    /// The centre's own list (`true`) or a client's (`client` set).
    pub centre: bool,
    /// The client whose list it is, when not the centre's.
    pub client: Option<String>,
    /// The number as written.
    pub number: String,
    /// Who: agent id, `ivr`, `api`, `web-form`, ….
    pub actor: String,
    /// Why (required for a removal).
    pub reason: String,
}

/// A recorded reservation change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reserved {
    /// The journal seq.
    pub seq: u64,
    /// The number, `+<E.164>`.
    pub normalised: String,
}

impl App {
    /// Adds numbers to (or removes them from) internal lists: each entry is checked on its
    /// own (a bad entry gets its own error, the others are recorded), the valid ones are
    /// appended to the journal together and fsynced, then applied to the live overlay, and
    /// only then acknowledged. A storage failure fails every valid entry with `Unavailable`.
    pub async fn change_reservations(
        &self,
        who: &Principal,
        inputs: Vec<ReservationInput>,
        op: Op,
    ) -> Vec<Result<Reserved, RequestError>> {
        let checked: Vec<Result<(InternalList, Entry), RequestError>> = inputs
            .iter()
            .map(|r| self.reservation_entry(who, r, op))
            .collect();
        let valid: Vec<Entry> = checked
            .iter()
            .filter_map(|c| c.as_ref().ok().map(|(_, e)| e.clone()))
            .collect();
        let stored = match (&self.journal, valid.is_empty()) {
            (_, true) => Ok(Vec::new()),
            (JournalAccess::Writer(j), false) => j.append(valid).await.map_err(|e| {
                tracing::error!(error = %e, "journal append failed");
                RequestError::Unavailable(format!(
                    "the reservation could not be stored durably ({e}); it was not recorded, retry"
                ))
            }),
            (JournalAccess::Reader, false) => Err(RequestError::Unavailable(
                "this process does not write the journal; send reservations to the server".into(),
            )),
        };
        let seqs = match stored {
            Err(e) => return checked.into_iter().map(|c| c.and(Err(e.clone()))).collect(),
            Ok(seqs) => seqs,
        };
        let mut seqs = seqs.into_iter();
        checked
            .into_iter()
            .map(|c| {
                let (list, entry) = c?;
                let seq = seqs.next().ok_or_else(|| {
                    RequestError::Unavailable(
                        "the journal acknowledged fewer entries than were sent".into(),
                    )
                })?;
                self.engine.live().record(
                    list,
                    entry.number,
                    LiveOp {
                        seq,
                        add: entry.op == Op::Add,
                    },
                );
                Ok(Reserved {
                    seq,
                    normalised: format!("+{}", entry.number),
                })
            })
            .collect()
    }

    fn reservation_entry(
        &self,
        who: &Principal,
        r: &ReservationInput,
        op: Op,
    ) -> Result<(InternalList, Entry), RequestError> {
        let list = match (&r.client, r.centre) {
            (None, true) => InternalList::Centre(who.centre.clone()),
            (Some(c), false) => InternalList::Client(who.client("client_id", c)?),
            _ => {
                return Err(RequestError::invalid(
                    "list",
                    "set `centre: true` (the centre's list) or `client_id`",
                ));
            }
        };
        if op == Op::Remove {
            if self.config.limits.removal_requires_admin {
                who.require_admin("removing a reservation")?;
            }
            if r.reason.trim().is_empty() {
                return Err(RequestError::invalid(
                    "reason",
                    "required when removing a reservation",
                ));
            }
        }
        text_field("actor", &r.actor, true)?;
        text_field("reason", &r.reason, false)?;
        let number = self
            .engine
            .normaliser()
            .normalise(&r.number)
            .map_err(|e| RequestError::invalid("number", e.to_string()))?;
        Ok((
            list.clone(),
            Entry {
                list,
                number: number.e164(),
                op,
                actor: r.actor.clone(),
                reason: r.reason.clone(),
                at: self.clock.now(),
                by: Some(who.centre.clone()),
                principal: who.id.clone(),
            },
        ))
    }
}
