//! Person index figures: build time, bytes per person, exact and fuzzy leads per second on
//! one core, and the precision/recall table per strictness.
//!
//! `cargo bench --bench person` (2.5 M persons); `PERSONS=100000 cargo bench --bench person`
//! for a quick run. Rates are per second of the bench thread's CPU time (Linux), which a
//! shared machine does not distort as much as wall time. A harness=false bench: building 2.5 M persons is too slow to repeat
//! under criterion's sampling.

use std::hint::black_box;
use std::time::{Duration, Instant};

use vask::person::eval::{Population, evaluate};
use vask::person::{IdHashKey, PersonIndex, PersonIndexWriter, PersonQuery, Strictness};

/// Nanoseconds this thread has run on a CPU (Linux), so that rates on a shared machine
/// count only the time the bench had a core.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Leads per second of CPU time (wall time where the CPU time is unknown), and hits per
/// pass over `leads`.
fn per_second(leads: &[PersonQuery], index: &PersonIndex, s: Strictness) -> (f64, usize) {
    let start = Instant::now();
    let cpu_start = cpu_ns();
    let mut hits = 0usize;
    let mut n = 0usize;
    while start.elapsed() < Duration::from_secs(2) {
        for q in leads {
            hits += usize::from(black_box(index.find(black_box(q), s)).is_some());
        }
        n += leads.len();
    }
    let wall = start.elapsed().as_secs_f64();
    let secs = match (cpu_start, cpu_ns()) {
        (Some(a), Some(b)) if b > a => (b - a) as f64 / 1e9,
        _ => wall,
    };
    (n as f64 / secs, hits * leads.len() / n.max(1))
}

fn main() {
    let persons: u64 = std::env::var("PERSONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_500_000);
    let pop = Population::with_reserved(2026, persons);
    let key = IdHashKey::new(b"bench id-hash key, 32 bytes long").expect("key");
    let dir = tempfile::tempdir().expect("tempdir");

    let t = Instant::now();
    let mut w = PersonIndexWriter::new(Some(key.clone()));
    let mut sample = Vec::new();
    for (i, p) in pop.register().enumerate() {
        if i % 10 == 0 && sample.len() < 200_000 {
            let mut q = PersonQuery::from(&p.record);
            q.national_id = None;
            q.birth_date = None;
            sample.push(q);
        }
        w.add(&p.record, p.id).expect("add");
    }
    let generated = t.elapsed();
    let n = w.len();
    let t = Instant::now();
    let files = w.write(dir.path()).expect("write");
    let built = t.elapsed();
    let t = Instant::now();
    let index = PersonIndex::open(dir.path())
        .expect("open")
        .with_id_key(key)
        .expect("key");
    let opened = t.elapsed();
    println!(
        "persons {n}; generated in {generated:.2?}; index written in {built:.2?}; opened (with checksum verify) in {opened:.2?}"
    );
    for f in &files {
        let len = std::fs::metadata(dir.path().join(f))
            .map(|m| m.len())
            .unwrap_or(0);
        println!("  {f}: {len} bytes ({:.2} B/person)", len as f64 / n as f64);
    }
    println!(
        "total {} bytes = {:.2} B/person",
        index.size_bytes(),
        index.size_bytes() as f64 / n as f64
    );

    // The same leads against a one-person index: what a miss costs without cache misses
    // (the exact key, then the general path's normalisation and an empty house scan).
    let tiny = tempfile::tempdir().expect("tempdir");
    let mut w = PersonIndexWriter::new(None);
    if let Some(p) = pop.register().next() {
        w.add(&p.record, p.id).expect("add");
    }
    w.write(tiny.path()).expect("write");
    let tiny = PersonIndex::open(tiny.path()).expect("open");
    let (rate, _) = per_second(&sample, &tiny, Strictness::Exact);
    println!("misses on a one-person index (normalisation, twice): {rate:.0} leads/s");

    let only_fuzzy = std::env::var("ONLY_FUZZY").is_ok();
    if only_fuzzy {
        let leads = pop.leads(100_000, 7);
        let queries: Vec<PersonQuery> = leads.iter().map(|l| l.query.clone()).collect();
        let (rate, _) = per_second(&queries, &index, Strictness::Normal);
        println!("realistic leads, strictness normal: {rate:.0} leads/s");
        return;
    }
    let (rate, hits) = per_second(&sample, &index, Strictness::Exact);
    println!(
        "exact leads (register persons as written), strictness exact: {rate:.0} leads/s, {hits}/{} matched",
        sample.len()
    );
    if std::env::var("ONLY_EXACT").is_ok() {
        return;
    }
    let (rate, _) = per_second(&sample, &index, Strictness::Normal);
    println!("exact leads, strictness normal: {rate:.0} leads/s");

    let leads = pop.leads(100_000, 7);
    let queries: Vec<PersonQuery> = leads.iter().map(|l| l.query.clone()).collect();
    for s in Strictness::ALL {
        let (rate, _) = per_second(&queries, &index, s);
        println!(
            "realistic leads (half reserved and corrupted, half look-alikes), strictness {s}: {rate:.0} leads/s"
        );
    }
    println!("\n| strictness | precision | recall | tp | fp | fn | wrong person |");
    println!("|---|---|---|---|---|---|---|");
    for s in Strictness::ALL {
        let r = evaluate(&index, &leads, s);
        println!(
            "| {s} | {:.4} | {:.4} | {} | {} | {} | {} |",
            r.precision, r.recall, r.tp, r.fp, r.fn_, r.wrong_person
        );
    }
    let r = evaluate(&index, &leads, Strictness::default());
    println!("\nwrong outcomes at default strictness by lead kind:");
    for (kind, (total, wrong)) in r.by_kind.iter().filter(|(_, v)| v.1 > 0) {
        println!("  {kind}: {wrong}/{total}");
    }
}
