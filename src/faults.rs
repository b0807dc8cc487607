//! Fault injection: named points where a test makes a step fail, to prove that an I/O error
//! or a crash there leaves the data as it should (nothing acknowledged is lost, the previous
//! version stays current).
//!
//! # Only in test builds
//! This module is compiled only into unit tests (`cfg(test)`) and into builds with the
//! `fault-injection` cargo feature. The package turns that feature on for its own tests with a
//! dev-dependency on itself (`[dev-dependencies] vask = { path = ".", features =
//! ["fault-injection"] }` in `Cargo.toml`): cargo's feature resolver enables a dev-dependency's
//! features only when it builds targets that use dev-dependencies, so `cargo test` builds the
//! library and the `vask` binary that the integration tests start with the fault points, and
//! `cargo build --release` builds them without (no point name, no environment variable in the
//! binary). Call sites use [`crate::fault!`], which is `Ok(())` when this module is absent.
//!
//! # Arming a point
//! - In the test's own process: [`arm`] makes the next hit of a point at one scope (a journal
//!   directory, a file) fail, once. Scopes keep tests that run in parallel apart.
//! - In a `vask` process a test starts: `VASK_FAIL_AT=<point>[,<point>…]` (names as in
//!   [`Point::name`]) arms each point once, at any scope.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once, PoisonError};

/// The environment variable that arms points in a `vask` process.
pub const ENV: &str = "VASK_FAIL_AT";

/// The places a fault can be injected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// The journal's fsync of an append batch.
    JournalSync,
    /// The hand-over of a journal compaction, before the new live file is renamed into place.
    JournalRename,
    /// An import, after the new provenance file is written and before it is renamed into
    /// place (the step that switches versions).
    ImportBeforeRename,
    /// An append to the audit trail: half the record is written, then the write fails (a full
    /// disk).
    AuditAppend,
}

impl Point {
    const ALL: [Point; 4] = [
        Point::JournalSync,
        Point::JournalRename,
        Point::ImportBeforeRename,
        Point::AuditAppend,
    ];

    /// The point's name in [`ENV`].
    pub fn name(self) -> &'static str {
        match self {
            Point::JournalSync => "journal-sync",
            Point::JournalRename => "journal-rename",
            Point::ImportBeforeRename => "import-before-rename",
            Point::AuditAppend => "audit-append",
        }
    }
}

/// Armed points, each with its scope (`None`: any scope).
static ARMED: Mutex<Vec<(Point, Option<PathBuf>)>> = Mutex::new(Vec::new());

fn armed() -> std::sync::MutexGuard<'static, Vec<(Point, Option<PathBuf>)>> {
    static FROM_ENV: Once = Once::new();
    let mut armed = ARMED.lock().unwrap_or_else(PoisonError::into_inner);
    FROM_ENV.call_once(|| {
        let names = std::env::var(ENV).unwrap_or_default();
        for name in names.split(',').map(str::trim) {
            if let Some(point) = Point::ALL.into_iter().find(|p| p.name() == name) {
                armed.push((point, None));
            }
        }
    });
    armed
}

/// Makes the next [`check`] of `point` at `scope` fail.
pub fn arm(point: Point, scope: &Path) {
    armed().push((point, Some(scope.to_path_buf())));
}

/// Fails, once, if `point` is armed for `scope` (or for any scope).
pub fn check(point: Point, scope: &Path) -> io::Result<()> {
    let mut armed = armed();
    let hit = armed
        .iter()
        .position(|(p, s)| *p == point && s.as_deref().is_none_or(|s| s == scope));
    match hit {
        Some(at) => {
            armed.remove(at);
            Err(io::Error::other(format!(
                "fault injected at {}",
                point.name()
            )))
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_armed_point_fails_once_and_only_at_its_scope() {
        let here = Path::new("/faults-test/here");
        let there = Path::new("/faults-test/there");
        arm(Point::ImportBeforeRename, here);
        assert!(check(Point::ImportBeforeRename, there).is_ok());
        assert!(check(Point::JournalSync, here).is_ok());
        let err = check(Point::ImportBeforeRename, here).unwrap_err();
        assert!(err.to_string().contains("import-before-rename"), "{err}");
        assert!(check(Point::ImportBeforeRename, here).is_ok());
    }
}
