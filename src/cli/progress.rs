//! The progress line on standard error: a spinner with a row count, rows per second and the
//! elapsed time, shown only when standard error is a terminal.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::{ProgressBar, ProgressStyle};
use vask::sources::table::ROWS_READ;

/// A spinner labelled `label` counting rows, or `None` when standard error is not a terminal
/// (a log file or a pipe gets no progress lines). The caller sets its position.
pub fn spinner(label: &str) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg}: {human_pos} rows, {per_sec}, {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_message(label.to_owned());
    Some(bar)
}

/// Runs `work` with a [`spinner`] that follows the rows read by every source table
/// ([`ROWS_READ`]); quiet when standard error is not a terminal.
pub fn with_progress<T>(label: &str, work: impl FnOnce() -> T) -> T {
    let Some(bar) = spinner(label) else {
        return work();
    };
    let start = ROWS_READ.load(Ordering::Relaxed);
    let done = AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                bar.set_position(ROWS_READ.load(Ordering::Relaxed) - start);
                bar.tick();
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        });
        let out = work();
        done.store(true, Ordering::Relaxed);
        bar.finish_and_clear();
        out
    })
}
