//! The composition root: one configuration opened into the store, the engine serving a
//! generation with the live opt-outs over it, the journal and the audit trail. The gRPC and
//! HTTP services, the CLI and the tests all open an [`App`] and do everything through it:
//! washes through [`crate::session`], Explain, opt-outs, status, reloads.
//!
//! Two modes: [`Mode::Serve`] owns the journal (appends opt-outs, compacts it) and may build a
//! first generation; [`Mode::ReadOnly`] (an in-process `vask wash` beside a running server)
//! reads the journal as it is and never writes it.

//!
//! - this file: [`App`], opening, reloading (hot swap, rollback-aware replay), compaction;
//! - `check.rs`: the checks every wash and Explain passes first;
//! - `explain.rs`: Explain with its history, and the calling window;
//! - `reservations.rs`: opt-outs added and removed through the API.

mod check;
mod explain;
mod reservations;

use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, Utc};

pub use check::{CampaignParams, MAX_TEXT_BYTES};
pub(crate) use check::{Checked, text_field};
pub use explain::{Explained, HistoryEvent};
pub use reservations::{ReservationInput, Reserved};

use crate::admission::Admission;
use crate::audit::AuditLog;
use crate::auth::Keys;
use crate::build::{self, BuildOptions, RebuildOptions};
use crate::config::Config;
use crate::domain::Clock;
use crate::engine::{Engine, LiveOp, Serving};
use crate::generation::store::Store;
use crate::generation::{Generation, GenerationError};
use crate::journal::{self, Journal, Record};
use crate::number::Normaliser;
use crate::sources::Catalog;

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

    /// The configuration this app was opened with, parsed and checked.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The engine: the serving generation pair and the live opt-outs.
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

    /// Now, by the app's clock (injected, so that tests can move it).
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
        // A generation changed on disk under the server is refused until another is published
        // (a truncated mapping would kill the process at the next wash that reads it).
        let damaged = current.check_files();
        if let Err(e) = &damaged {
            tracing::error!(error = %e, "the serving generation is damaged; washes are refused");
        }
        let id = self.store.current_id()?;
        let lists = self.store.lists_id()?.unwrap_or_else(|| id.clone());
        if id == current.generation.id() && lists == current.lists.id() {
            damaged?;
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

/// A unique id for a wash (`w…`) or an Explain (`x…`) (see [`crate::audit::new_id`]).
pub(crate) use crate::audit::new_id;
