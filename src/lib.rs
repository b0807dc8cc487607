//! vask washes telephone-marketing call lists against reservation registers.
//!
//! Data flows one way, and the modules follow it:
//!
//! 1. [`sources`]: the files registers and lists arrive as (CSV formats, the catalogue), read
//!    row by row with every bad row reported by line. [`number`] normalises phone numbers to
//!    E.164 on the way in.
//! 2. [`build`]: sorts and merges the sources (and the opt-out journal) into a new
//!    *generation*: roaring/bitset number sets and fst metadata maps, plus a checksummed manifest.
//! 3. [`generation`]: the immutable generation on disk, memory-mapped and verified on open;
//!    [`generation::store`] publishes generations atomically and keeps old ones for rollback.
//! 4. [`engine`]: opens the current generation, applies the live opt-outs, and decides a
//!    verdict per number with the rules in [`engine::rules`].
//! 5. [`app`] opens one configuration into the store, the engine, the journal and the audit
//!    trail; [`session`] is the one way a list is washed, whatever front end asks. The front
//!    ends only translate: [`service`] is the gRPC service and [`http`] the HTTP/JSON API (in
//!    this library), and the `vask` binary (`src/main.rs`, `src/cli/`) runs both (`vask
//!    serve`) and the other commands.
//!
//! Beside the flow: [`import`] brings a new delivery of one source into the catalogue, checked
//! in full first; [`journal`] makes every opt-out durable before it is acknowledged;
//! [`person`] matches leads to reserved persons; [`calendar`] decides calling hours; [`audit`]
//! keeps the proof of every wash; [`status`] is what a principal may read of the service's
//! state; [`auth`] says who is asking (API keys, and [`users`] for people); [`console`]
//! is the web console, a front end like the HTTP API; [`policy`] holds the country's
//! and each client's policy; [`config`] is the server's configuration; [`error`] says why a
//! request was refused; [`domain`] holds the shared vocabulary (centre, client, campaign,
//! purpose); [`metrics`] names the Prometheus metrics and records them; [`admission`] sheds
//! load both servers cannot take on; [`leads`] reads and writes lead files; [`proof`] is the
//! proof of wash as a centre reads it; [`synth`] generates synthetic data and the person
//! evaluation sets. [`fsutil`] has the durable file steps and byte readers the modules share;
//! `faults` (test builds only) injects failures.
//!
//! The domain itself (registers, exemptions, calling hours, with the norm's sections) is
//! described in `docs/domain.md`.

/// Fails with an injected I/O error if a test armed fault point `$point` (a variant of
/// `faults::Point`) for `$scope` (a `&Path`); `Ok(())` in builds without fault injection,
/// where the points do not exist (see `src/faults.rs`).
macro_rules! fault {
    ($point:ident, $scope:expr) => {{
        #[cfg(any(test, feature = "fault-injection"))]
        let result = $crate::faults::check($crate::faults::Point::$point, $scope);
        #[cfg(not(any(test, feature = "fault-injection")))]
        let result: ::std::io::Result<()> = {
            let _ = $scope;
            Ok(())
        };
        result
    }};
}
pub(crate) use fault;

pub mod admission;
pub mod app;
pub mod audit;
pub mod auth;
pub mod build;
pub mod calendar;
pub mod config;
pub mod console;
pub mod domain;
pub mod engine;
pub mod error;
#[cfg(any(test, feature = "fault-injection"))]
pub mod faults;
pub mod fsutil;
pub mod generation;
pub mod http;
pub mod import;
pub mod journal;
pub mod leads;
pub mod metrics;
pub mod number;
pub mod person;
pub mod policy;
pub mod proof;
pub mod service;
pub mod session;
pub mod sources;
pub mod status;
pub mod synth;
pub mod users;
