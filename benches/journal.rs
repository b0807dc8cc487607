//! Acknowledged adds per second and append latency of the opt-out journal: 64 tokio tasks each
//! append one entry in a loop (every append waits for its group commit's fdatasync).
//!
//! `cargo bench --bench journal`; `VASK_BENCH_DIR` picks the directory (default: the system
//! temp dir, which must be on a real disk, not tmpfs), `VASK_BENCH_SECS` the run time (3 s).

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use vask::journal::{Entry, InternalList, Journal, Op};

const TASKS: u64 = 64;

fn main() {
    let secs: u64 = std::env::var("VASK_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let dir = match std::env::var_os("VASK_BENCH_DIR") {
        Some(d) => tempfile::tempdir_in(d),
        None => tempfile::tempdir(),
    }
    .expect("create the bench directory");
    let (journal, _) = Journal::open(dir.path()).expect("open the journal");
    let journal = Arc::new(journal);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("start tokio");

    // Warm-up, then the measured run.
    run(&rt, &journal, Duration::from_millis(500));
    let start = Instant::now();
    let mut latencies = run(&rt, &journal, Duration::from_secs(secs));
    let elapsed = start.elapsed().as_secs_f64();

    latencies.sort_unstable();
    let pct = |p: f64| {
        let i = ((latencies.len() as f64 * p) as usize).min(latencies.len() - 1);
        latencies[i] as f64 / 1000.0
    };
    println!(
        "journal append: {TASKS} tasks x 1 entry, {} acknowledged adds in {elapsed:.2} s = {:.0} adds/s; \
         latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; dir {}",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        pct(0.50),
        pct(0.99),
        pct(1.0),
        dir.path().display()
    );
}

/// Runs the tasks for `time`; returns every append's latency in microseconds.
fn run(rt: &tokio::runtime::Runtime, journal: &Arc<Journal>, time: Duration) -> Vec<u64> {
    rt.block_on(async {
        let deadline = Instant::now() + time;
        let tasks: Vec<_> = (0..TASKS)
            .map(|task| {
                let journal = journal.clone();
                tokio::spawn(async move {
                    let mut latencies = Vec::new();
                    let mut number = 4_790_000_000 + task * 1_000_000;
                    while Instant::now() < deadline {
                        number += 1;
                        let entry = Entry {
                            list: InternalList::Centre(
                                vask::domain::CentreId::new("bench-centre").expect("id"),
                            ),
                            number,
                            op: Op::Add,
                            actor: "ivr".to_owned(),
                            reason: String::new(),
                            at: Utc::now(),
                            by: None,
                            principal: "bench".to_owned(),
                        };
                        let t = Instant::now();
                        journal.append(vec![entry]).await.expect("append");
                        latencies.push(t.elapsed().as_micros() as u64);
                    }
                    latencies
                })
            })
            .collect();
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.expect("bench task"));
        }
        all
    })
}
