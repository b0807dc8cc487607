//! The composition root: one configuration opened into the store, the engine serving a
//! generation with the live opt-outs over it, the journal and the audit trail. The gRPC and
//! HTTP services, the CLI and the tests all open an [`App`] and do everything through it:
//! washes through [`crate::session`], Explain, opt-outs, status, reloads.
//!
//! Two modes: [`Mode::Serve`] owns the journal (appends opt-outs, compacts it) and may build a
//! first generation; [`Mode::ReadOnly`] (an in-process `vask wash` beside a running server)
//! reads the journal as it is and never writes it.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, Utc};

use crate::admission::Admission;
use crate::audit::{AuditLog, AuditRecord, ExplainRecord};
use crate::auth::{Keys, Principal};
use crate::build::{self, BuildOptions, RebuildOptions};
use crate::calendar::{CallingPolicy, WindowStatus};
use crate::config::Config;
use crate::domain::{CallerKind, Campaign, Category, ClientId, Clock, InternalList, Purpose};
use crate::engine::{Engine, Explanation, LiveOp, Serving, WashRequest};
use crate::error::RequestError;
use crate::generation::store::Store;
use crate::generation::{Generation, GenerationError};
use crate::journal::{self, Entry, Journal, Op, Record};
use crate::number::Normaliser;
use crate::person::{PersonQuery, Strictness};
use crate::policy::ClientPolicy;
use crate::sources::Catalog;

/// The most bytes of a free-text field (source reference, campaign id, actor, reason).
pub const MAX_TEXT_BYTES: usize = 1024;

/// How an [`App`] uses the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The server: owns the journal, may build a first generation.
    Serve,
    /// A command beside a running server: reads the journal, writes nothing to it.
    ReadOnly,
}

/// Why an [`App`] could not open or reload.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No usable generation.
    #[error(transparent)]
    Generation(#[from] GenerationError),
    /// Building the first generation failed.
    #[error(transparent)]
    Build(#[from] build::BuildError),
    /// The catalogue could not be read.
    #[error(transparent)]
    Source(#[from] crate::sources::SourceError),
    /// The journal could not be opened or read.
    #[error(transparent)]
    Journal(#[from] journal::JournalError),
    /// The audit trail could not be opened.
    #[error(transparent)]
    Audit(#[from] crate::audit::AuditError),
}

enum JournalAccess {
    Writer(Arc<Journal>),
    Reader,
}

/// The fields of a wash or Explain request that say for whom and why.
#[derive(Debug, Clone, Default)]
pub struct CampaignParams {
    /// The client (`client_id`).
    pub client: String,
    /// Free-text campaign id, recorded (`campaign.campaign_id`).
    pub campaign_id: String,
    /// The purpose; required (`campaign.purpose`).
    pub purpose: Option<Purpose>,
    /// The caller kind, if declared; must be the client's configured kind
    /// (`campaign.caller_kind`).
    pub caller: Option<CallerKind>,
    /// Product category (`campaign.product_category`); empty for none.
    pub category: String,
    /// When the calls will be made (`at`); default now; never in the past.
    pub at: Option<DateTime<Utc>>,
}

/// A request checked against the configuration and the clock.
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    pub request: WashRequest,
    pub campaign_id: String,
}

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

/// One entry of a number's history on the lists a caller may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEvent {
    /// The journal seq (0 for a delivery).
    pub seq: u64,
    /// `centre:<id>` or `client:<id>`.
    pub list: String,
    /// Added (true) or removed.
    pub added: bool,
    /// `api` or `delivery`.
    pub source: &'static str,
    /// Made by another centre than the caller's (on a client's list that several centres
    /// share): then `actor` and `reason` are empty, never another tenant's free text.
    pub other_centre: bool,
    /// Who (API entries of the caller's own centre only).
    pub actor: String,
    /// Why (API entries of the caller's own centre), or the delivery's source reference.
    pub reason: String,
    /// When, if known.
    pub at: Option<DateTime<Utc>>,
}

/// What Explain answers.
#[derive(Debug, Clone)]
pub struct Explained {
    /// The number, `+<E.164>`, if one was given.
    pub normalised: Option<String>,
    /// Verdict, lists, live operations.
    pub explanation: Explanation,
    /// The number's history on the lists the caller may see.
    pub history: Vec<HistoryEvent>,
    /// Generation id.
    pub generation_id: String,
    /// National snapshot date.
    pub snapshot_date: String,
    /// The audit record's id.
    pub audit_id: String,
}

/// The opened service: configuration, store, engine, journal, audit trail, clock.
pub struct App {
    config: Config,
    store: Store,
    engine: Engine,
    journal: JournalAccess,
    audit: Arc<AuditLog>,
    keys: Keys,
    admission: Arc<Admission>,
    clock: Arc<dyn Clock>,
    started: Instant,
    reload_lock: Mutex<()>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("store", &self.store.root())
            .finish()
    }
}

/// Opens the serving pair the store names: `CURRENT`, with the internal lists of `LISTS`
/// after a rollback. A lists generation that cannot be opened is reported and left out: its
/// deliveries are then not served, but every journal record after the generation's own
/// watermark is (see [`App::reload`]), so no opt-out is lost.
fn open_serving(store: &Store, config: &Config) -> Result<Serving, GenerationError> {
    let key = config.national_id_key.as_ref();
    let open =
        |id: &str| Generation::open(&store.dir(id)).and_then(|g| g.with_national_id_key(key));
    let current = store.current_id()?;
    let generation = open(&current)?;
    let lists_id = store.lists_id()?;
    match lists_id.filter(|l| *l != current) {
        None => Ok(Serving::one(generation)),
        Some(lists) => match open(&lists) {
            Ok(l) => Ok(Serving {
                generation: Arc::new(generation),
                lists: Arc::new(l),
            }),
            Err(e) => {
                tracing::error!(generation = %lists, error = %e, "the internal lists' generation cannot be opened; serving the rolled-back generation's own lists and every opt-out after them");
                Ok(Serving::one(generation))
            }
        },
    }
}

/// Builds and publishes a generation from the configured sources before serving (no
/// generation yet, stamped sample data gone stale, or one of an older format).
fn build_at_start(
    store: &Store,
    config: &Config,
    now: DateTime<Utc>,
    why: &str,
) -> Result<(), AppError> {
    tracing::info!(catalog = %config.catalog.display(), why, "building a generation");
    let report = rebuild(store, config, now, 0, 0, true, 3)?;
    tracing::info!(generation = %report.id, seconds = report.seconds, "built");
    Ok(())
}

/// The nightly rebuild: the catalogue, then every journal record (read after the catalogue,
/// so that every operation not folded in is later than every delivery that is), built,
/// verified and published.
pub fn rebuild(
    store: &Store,
    config: &Config,
    now: DateTime<Utc>,
    max_errors: usize,
    min_snapshot_percent: u32,
    force: bool,
    keep: usize,
) -> Result<build::BuildReport, AppError> {
    let catalog = Catalog::load(&config.catalog)?;
    let records = journal::read_all(&config.journal)?;
    let options = RebuildOptions {
        build: BuildOptions {
            national_id_key: config.national_id_key.clone(),
            now,
            max_errors,
            opt_outs: build::opt_outs(&records),
        },
        min_snapshot_percent,
        force,
        keep,
    };
    Ok(build::rebuild(store, &catalog, &options)?)
}

impl App {
    /// Opens everything `config` names.
    pub fn open(config: Config, mode: Mode, clock: Arc<dyn Clock>) -> Result<App, AppError> {
        let store = Store::new(&config.store)?;
        let now = clock.now();
        if mode == Mode::Serve && config.build_if_missing {
            let stale_stamped = store
                .current_dir()
                .ok()
                .and_then(|dir| crate::generation::Manifest::read(&dir).ok())
                .is_some_and(|m| {
                    m.national.snapshot_date_stamped
                        && config
                            .country
                            .freshness(m.national.snapshot_date, now)
                            .stale
                });
            if store.current_id().is_err() || stale_stamped {
                build_at_start(
                    &store,
                    &config,
                    now,
                    "no generation, or stamped sample data gone stale",
                )?;
            }
        }
        let serving = match open_serving(&store, &config) {
            // Written by an older vask: its sources are still here, so build it anew.
            Err(GenerationError::Version { file, got, .. })
                if mode == Mode::Serve && config.build_if_missing =>
            {
                tracing::warn!(%file, got, "the current generation is of an older format");
                build_at_start(&store, &config, now, "older format")?;
                open_serving(&store, &config)?
            }
            opened => opened?,
        };
        let watermark = serving.watermark();
        let engine = Engine::new(
            serving,
            Normaliser::new(config.country.region),
            config.country.clone(),
        );
        let journal = match mode {
            Mode::Serve => {
                let (journal, recovery) = Journal::open(&config.journal)?;
                tracing::info!(
                    dropped_tail_bytes = recovery.dropped_tail_bytes,
                    "journal opened"
                );
                JournalAccess::Writer(Arc::new(journal))
            }
            Mode::ReadOnly => JournalAccess::Reader,
        };
        replay(&engine, &journal::read_live(&config.journal, watermark)?)?;
        tracing::info!(
            live_operations = engine.live().len(),
            watermark,
            "journal replayed"
        );
        let audit = AuditLog::open(&config.audit, config.audit_key.as_ref())?;
        Ok(App {
            keys: Keys::new(&config),
            admission: Arc::new(Admission::new(&config)),
            config,
            store,
            engine,
            journal,
            audit,
            clock,
            started: Instant::now(),
            reload_lock: Mutex::new(()),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The generation store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The audit trail.
    pub fn audit(&self) -> &AuditLog {
        &self.audit
    }

    /// The API keys.
    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// Admission control, shared by every front end.
    pub fn admission(&self) -> &Arc<Admission> {
        &self.admission
    }

    /// The clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// How long the app has been open.
    pub fn uptime(&self) -> std::time::Duration {
        self.started.elapsed()
    }

    /// The highest journal seq durably written (0 without a journal writer).
    pub fn journal_seq(&self) -> u64 {
        match &self.journal {
            JournalAccess::Writer(j) => j.last_seq(),
            JournalAccess::Reader => 0,
        }
    }

    /// Switches to what the store names now, if it changed; returns the generation id and
    /// whether it changed. A generation that fails to open or verify is refused and the
    /// previous one keeps serving. Blocking (file I/O): call it off the async workers.
    ///
    /// Before the switch, the live overlay gets every journal record after the new pair's
    /// watermark, from the archive too if compaction moved them there (a rollback to a
    /// generation older than what the overlay holds). After it, the journal is compacted up
    /// to what every generation still in use and every kept generation has folded in.
    pub fn reload(&self) -> Result<(String, bool), AppError> {
        let _one_at_a_time = self
            .reload_lock
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let current = self.engine.serving();
        let id = self.store.current_id()?;
        let lists = self.store.lists_id()?.unwrap_or_else(|| id.clone());
        if id == current.generation.id() && lists == current.lists.id() {
            return Ok((id, false));
        }
        let serving = match open_serving(&self.store, &self.config) {
            Ok(s) => s,
            Err(e) => {
                tracing::error!(generation = %id, error = %e, "new generation refused; still serving the previous one");
                return Err(e.into());
            }
        };
        let watermark = serving.watermark();
        if watermark < current.watermark() {
            replay(
                &self.engine,
                &journal::read_live(&self.config.journal, watermark)?,
            )?;
        }
        drop(current);
        let in_use_folded = self.engine.swap(serving);
        tracing::info!(generation = %id, lists = %lists, watermark, live_operations = self.engine.live().len(), "switched generation");
        if let Err(e) = self.compact_journal(Some(in_use_folded)) {
            tracing::error!(error = %e, "journal compaction failed");
        }
        Ok((id, true))
    }

    /// Moves the journal records that every lists generation in use (`in_use_folded`, or the
    /// engine's own figure) and every generation kept in the store have folded in to the
    /// archive; returns the seq compacted up to. (Kept generations count because a rollback
    /// may serve one of them; the archive would serve them too, this keeps it cheap.)
    pub fn compact_journal(&self, in_use_folded: Option<u64>) -> Result<u64, AppError> {
        let JournalAccess::Writer(journal) = &self.journal else {
            return Ok(0);
        };
        let in_use = in_use_folded.unwrap_or_else(|| self.engine.prune_live());
        let kept = self
            .store
            .list()?
            .iter()
            .map(|g| crate::generation::Manifest::read(&self.store.dir(g)).map(|m| m.journal_seq))
            .collect::<Result<Vec<u64>, _>>()?
            .into_iter()
            .min()
            .unwrap_or(0);
        let folded = in_use.min(kept);
        if folded > 0 {
            journal.compact(folded)?;
        }
        Ok(folded)
    }

    /// Checks the for-whom-and-why of a request against the configuration and the clock:
    /// the principal may act for the client; the purpose is one the client's configuration
    /// allows and a declared caller kind is the configured one; free text fits; `at` is not
    /// in the past (beyond the configured clock skew); the snapshot is fresh at `at`.
    pub(crate) fn check(
        &self,
        who: &Principal,
        p: &CampaignParams,
        serving: &Serving,
    ) -> Result<Checked, RequestError> {
        let client = who.client("client_id", &p.client)?;
        let policy = self
            .config
            .client(&client)
            .cloned()
            .unwrap_or_else(ClientPolicy::business);
        let purpose = p.purpose.ok_or_else(|| {
            RequestError::invalid(
                "campaign.purpose",
                "required: sales, market_research or fundraising",
            )
        })?;
        if !policy.purposes.contains(&purpose) {
            return Err(RequestError::NotPermitted(format!(
                "client {client} is configured as {}; a campaign for {purpose} is not allowed (ask the operator to change the client's configuration)",
                policy.describe()
            )));
        }
        if let Some(declared) = p.caller.filter(|k| *k != policy.kind) {
            return Err(RequestError::NotPermitted(format!(
                "client {client} is configured as {}; the request declares the caller {declared}",
                policy.describe()
            )));
        }
        let category =
            if p.category.trim().is_empty() {
                None
            } else {
                Some(Category::new(p.category.trim()).map_err(|e| {
                    RequestError::invalid("campaign.product_category", e.to_string())
                })?)
            };
        text_field("campaign.campaign_id", &p.campaign_id, false)?;
        let now = self.clock.now();
        let skew = i64::from(self.config.limits.max_clock_skew_seconds);
        let at = match p.at {
            None => now,
            Some(at) if at < now - chrono::Duration::seconds(skew) => {
                return Err(RequestError::invalid(
                    "at",
                    format!(
                        "{} is in the past; a wash answers for calls made from now on (give a time from now on, or none; up to {skew} s of clock skew is accepted)",
                        at.to_rfc3339()
                    ),
                ));
            }
            Some(at) => at.max(now),
        };
        self.fresh(&serving.generation, at)?;
        Ok(Checked {
            request: WashRequest {
                centre: who.centre.clone(),
                client,
                campaign: Campaign {
                    purpose,
                    caller: policy.kind,
                    category,
                },
                donor_categories: policy.donor_categories.clone(),
                at,
            },
            campaign_id: p.campaign_id.clone(),
        })
    }

    /// Refuses a generation whose national snapshot is too old for a call at `at`.
    pub(crate) fn fresh(
        &self,
        generation: &Generation,
        at: DateTime<Utc>,
    ) -> Result<(), RequestError> {
        let fresh = self.engine.freshness(generation, at);
        if fresh.stale {
            tracing::warn!(generation = %generation.id(), age_days = fresh.age_days, "refused: national snapshot is stale");
            return Err(RequestError::Precondition(format!(
                "the national register snapshot of {} is too old for calls on {}: a snapshot may be used for {} month(s) (until {}); run the rebuild job with a fresh delivery",
                fresh.snapshot_date,
                self.engine.policy().today(at),
                self.engine.policy().snapshot_max_age_months,
                fresh.stale_from.pred_opt().unwrap_or(fresh.stale_from),
            )));
        }
        Ok(())
    }

    /// Explains one number (or a person) for a campaign: every list and relationship that
    /// applies, the live opt-outs, the history the caller may see, and the verdict. Obeys the
    /// freshness guard as a wash does and leaves an audit record (with a keyed hash of the
    /// number, never the number). Blocking (reads the journal).
    pub fn explain(
        &self,
        who: &Principal,
        p: &CampaignParams,
        number: &str,
        person: Option<&PersonQuery>,
        strictness: Option<Strictness>,
        via: &str,
    ) -> Result<Explained, RequestError> {
        let serving = self.engine.serving();
        let checked = self.check(who, p, &serving)?;
        let number = if number.trim().is_empty() && person.is_some() {
            None
        } else {
            Some(
                self.engine
                    .normaliser()
                    .normalise(number)
                    .map_err(|e| RequestError::invalid("number", e.to_string()))?,
            )
        };
        let strictness = strictness.unwrap_or(self.config.person_strictness);
        let matched = person
            .zip(serving.generation.persons.as_ref())
            .and_then(|(q, index)| index.find(q, strictness));
        let e164 = number.map(|n| n.e164());
        let explanation = self
            .engine
            .explain(&serving, &checked.request, e164, matched.as_ref());
        let history = match e164 {
            Some(n) => self.history(who, &checked.request.client, n, &serving)?,
            None => Vec::new(),
        };
        let audit_id = new_id('x', self.clock.now());
        let request = &checked.request;
        let record = AuditRecord::Explain(ExplainRecord {
            audit_id: audit_id.clone(),
            at: self.clock.now(),
            calls_at: request.at,
            via: via.to_owned(),
            centre: request.centre.to_string(),
            key_id: who.id.clone(),
            client: request.client.to_string(),
            campaign: checked.campaign_id.clone(),
            purpose: request.campaign.purpose.name().to_owned(),
            caller: request.campaign.caller.name().to_owned(),
            category: request
                .campaign
                .category
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            number_hash: e164
                .map(|n| self.audit.key().number_hash(n))
                .unwrap_or_default(),
            person: person.is_some(),
            verdict: explanation.reasons.0,
            generation: serving.generation.id().to_owned(),
            snapshot_date: serving
                .generation
                .manifest()
                .national
                .snapshot_date
                .to_string(),
        });
        self.audit.append(&record).map_err(|e| {
            tracing::error!(error = %e, "audit append failed");
            RequestError::Unavailable(
                "could not record the proof of this Explain; nothing was answered, retry".into(),
            )
        })?;
        Ok(Explained {
            normalised: number.map(|n| n.to_string()),
            explanation,
            history,
            generation_id: serving.generation.id().to_owned(),
            snapshot_date: serving
                .generation
                .manifest()
                .national
                .snapshot_date
                .to_string(),
            audit_id,
        })
    }

    /// A number's history on the caller's centre list and the client's list: every API add
    /// and removal from the journal, and the delivery that holds it now.
    fn history(
        &self,
        who: &Principal,
        client: &ClientId,
        number: u64,
        serving: &Serving,
    ) -> Result<Vec<HistoryEvent>, RequestError> {
        let records = match &self.journal {
            JournalAccess::Writer(j) => j.history_of(number),
            JournalAccess::Reader => journal::read_all(&self.config.journal)
                .map_err(|e| {
                    tracing::error!(error = %e, "reading the journal history failed");
                    RequestError::Unavailable(
                        "could not read the reservation history; retry".into(),
                    )
                })?
                .into_iter()
                .filter(|r| r.entry.number == number)
                .collect(),
        };
        let centre = InternalList::Centre(who.centre.clone());
        let client_list = InternalList::Client(client.clone());
        let mut out: Vec<HistoryEvent> = records
            .into_iter()
            .filter(|r| r.entry.list == centre || r.entry.list == client_list)
            .map(|r| {
                // A centre's own list is only ever changed by the centre; on a client's list,
                // an entry of unknown origin (written before origins were kept) is treated as
                // another centre's.
                let own = r.entry.list == centre || r.entry.by.as_ref() == Some(&who.centre);
                HistoryEvent {
                    seq: r.seq,
                    list: r.entry.list.to_string(),
                    added: r.entry.op == Op::Add,
                    source: "api",
                    other_centre: !own,
                    actor: if own { r.entry.actor } else { String::new() },
                    reason: if own { r.entry.reason } else { String::new() },
                    at: Some(r.entry.at),
                }
            })
            .collect();
        // The delivery that holds the number now, on each of the two lists.
        let lists = &*serving.lists;
        let on = [
            (centre, lists.centres.get(&who.centre)),
            (
                client_list,
                lists.clients.get(client).and_then(|c| c.dnc.as_ref()),
            ),
        ];
        for (name, list) in on {
            let Some(list) = list else { continue };
            for (_, via) in lists.list_values(list, number, None) {
                if via == Some(crate::generation::VIA_API) {
                    continue;
                }
                let info = lists.list_info(list);
                out.push(HistoryEvent {
                    seq: 0,
                    list: name.to_string(),
                    added: true,
                    source: "delivery",
                    other_centre: false,
                    actor: String::new(),
                    reason: info.source_reference.clone(),
                    at: info.delivered_at,
                });
            }
        }
        out.sort_by_key(|e| e.at);
        Ok(out)
    }

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

    /// The calling policy of a country (ISO code) or of a number's country, and the window at
    /// `at` (default now).
    pub fn call_window(
        &self,
        country: &str,
        number: &str,
        at: Option<DateTime<Utc>>,
    ) -> Result<(&CallingPolicy, WindowStatus), RequestError> {
        let at = at.unwrap_or_else(|| self.clock.now());
        let calendars = &self.config.calendars;
        let country = if !country.trim().is_empty() {
            country.trim().to_ascii_uppercase()
        } else if !number.trim().is_empty() {
            let n = self
                .engine
                .normaliser()
                .normalise(number)
                .map_err(|e| RequestError::invalid("number", e.to_string()))?;
            n.region()
                .ok_or_else(|| {
                    RequestError::NotFound(format!(
                        "no calling-window policy for the country of {n}"
                    ))
                })?
                .to_owned()
        } else {
            return Err(RequestError::invalid(
                "country",
                "give a country or a number",
            ));
        };
        let policy = calendars.get(&country).ok_or_else(|| {
            RequestError::NotFound(format!(
                "no calling-window policy for country {country:?}; add a [[calling_policy]] to the config"
            ))
        })?;
        Ok((policy, policy.check(at)))
    }

    /// The clients a principal may see lists of, for status pages.
    pub fn visible_clients(&self, who: &Principal) -> BTreeSet<ClientId> {
        who.clients().cloned().collect()
    }

    /// Live operations on the lists a principal may see.
    pub fn visible_live_operations(&self, who: &Principal) -> usize {
        let mut lists = vec![InternalList::Centre(who.centre.clone())];
        lists.extend(who.clients().cloned().map(InternalList::Client));
        self.engine.live().len_of(&lists)
    }
}

/// Records journal records in the live overlay; a record naming an invalid list fails.
fn replay(engine: &Engine, records: &[Record]) -> Result<(), AppError> {
    for op in build::opt_outs(records) {
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
    Ok(())
}

/// Refuses free text over [`MAX_TEXT_BYTES`] (and an empty one where it is required).
pub(crate) fn text_field(field: &str, value: &str, required: bool) -> Result<(), RequestError> {
    if required && value.trim().is_empty() {
        return Err(RequestError::invalid(field, "required"));
    }
    if value.len() > MAX_TEXT_BYTES {
        return Err(RequestError::invalid(
            field,
            format!(
                "{} bytes; at most {MAX_TEXT_BYTES} are accepted",
                value.len()
            ),
        ));
    }
    Ok(())
}

/// A unique id for a wash (`w…`) or an Explain (`x…`): the time and 32 random bits.
pub(crate) fn new_id(prefix: char, now: DateTime<Utc>) -> String {
    format!(
        "{prefix}{}-{:08x}",
        now.format("%Y%m%dT%H%M%S%.6fZ"),
        rand::random::<u32>()
    )
}
