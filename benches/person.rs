//! Person index figures: build time, bytes per person, exact and fuzzy leads per second on
//! one core (and per candidate path), and the precision/recall table per strictness and kind
//! of lead on the first evaluation set.
//!
//! `cargo bench --bench person` (2.5 M persons); `PERSONS=100000 cargo bench --bench person`
//! for a quick run. Leads go through `PersonIndex::find_all` in batches of 1 000, as a Wash
//! request's persons do; one `find` per lead is shown for comparison. Rates are per second of
//! the bench thread's CPU time (Linux), which a shared machine does not distort as much as
//! wall time. A harness=false bench: building 2.5 M persons is too slow to repeat under
//! criterion's sampling.

use std::hint::black_box;
use std::time::{Duration, Instant};

use vask::person::{
    IdHashKey, PersonIndex, PersonIndexWriter, PersonQuery, PersonScratch, Strictness,
};
use vask::synth::eval::{EvalIndex, Population, evaluate};

/// Leads per `find_all` call.
const BATCH: usize = 1_000;

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

/// Leads per second of CPU time (wall time where the CPU time is unknown) of `pass`, which
/// washes every lead once and returns how many matched; and the matches of one pass.
fn per_second(leads: usize, mut pass: impl FnMut() -> usize) -> (f64, usize) {
    let start = Instant::now();
    let cpu_start = cpu_ns();
    let mut hits = 0usize;
    let mut n = 0usize;
    while start.elapsed() < Duration::from_secs(2) {
        hits = pass();
        n += leads;
    }
    let wall = start.elapsed().as_secs_f64();
    let secs = match (cpu_start, cpu_ns()) {
        (Some(a), Some(b)) if b > a => (b - a) as f64 / 1e9,
        _ => wall,
    };
    (n as f64 / secs, hits)
}

/// Leads per second through `find_all` in batches, and matches per pass.
fn batched(leads: &[PersonQuery], index: &PersonIndex, s: Strictness) -> (f64, usize) {
    let queries: Vec<&PersonQuery> = leads.iter().collect();
    let mut scratch = PersonScratch::default();
    let mut out = Vec::with_capacity(BATCH);
    per_second(leads.len(), || {
        let mut hits = 0;
        for batch in queries.chunks(BATCH) {
            out.clear();
            index.find_all(black_box(batch), s, &mut scratch, &mut out);
            hits += out.iter().filter(|m| m.is_some()).count();
        }
        hits
    })
}

/// Leads per second with one `find` per lead.
fn one_by_one(leads: &[PersonQuery], index: &PersonIndex, s: Strictness) -> (f64, usize) {
    per_second(leads.len(), || {
        leads
            .iter()
            .filter(|q| black_box(index.find(black_box(q), s)).is_some())
            .count()
    })
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
    let mut sample = Vec::new();
    let mut i = 0;
    let eval = EvalIndex::build(&pop, dir.path(), Some(key), |p| {
        if i % 10 == 0 && sample.len() < 200_000 {
            let mut q = PersonQuery::from(&p.record);
            q.national_id = None;
            q.birth_date = None;
            sample.push(q);
        }
        i += 1;
    })
    .expect("index");
    let index = &eval.index;
    let n = index.len();
    println!(
        "persons {n}; generated, written and opened (checksums verified) in {:.2?}",
        t.elapsed()
    );
    let t = Instant::now();
    let reopened = PersonIndex::open(dir.path()).expect("open");
    println!("opened again in {:.2?}", t.elapsed());
    drop(reopened);
    for f in &eval.files {
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
    // (normalisation, the exact key, an empty house walk).
    let tiny = tempfile::tempdir().expect("tempdir");
    let mut w = PersonIndexWriter::new(None);
    if let Some(p) = pop.register().next() {
        w.add(&p.record, 1).expect("add");
    }
    w.write(tiny.path()).expect("write");
    let tiny = PersonIndex::open(tiny.path()).expect("open");
    let (rate, _) = batched(&sample, &tiny, Strictness::Exact);
    println!("misses on a one-person index (normalisation floor): {rate:.0} leads/s");

    if std::env::var("ONLY_FUZZY").is_ok() {
        let leads = pop.leads(100_000, 7);
        let queries: Vec<PersonQuery> = leads.iter().map(|l| l.query.clone()).collect();
        let (rate, _) = batched(&queries, index, Strictness::Normal);
        println!("realistic leads, strictness normal: {rate:.0} leads/s");
        return;
    }
    let (rate, hits) = batched(&sample, index, Strictness::Exact);
    println!(
        "exact leads (register persons as written), strictness exact: {rate:.0} leads/s, {hits}/{} matched",
        sample.len()
    );
    let (rate, _) = one_by_one(&sample, index, Strictness::Exact);
    println!("  the same, one find per lead: {rate:.0} leads/s");
    let (rate, _) = batched(&sample[..BATCH.min(sample.len())], index, Strictness::Exact);
    println!(
        "  the same, one batch over and over (inputs and index lines warm): {rate:.0} leads/s"
    );
    if std::env::var("ONLY_EXACT").is_ok() {
        return;
    }
    let (rate, _) = batched(&sample, index, Strictness::Normal);
    println!("exact leads, strictness normal: {rate:.0} leads/s");

    let leads = pop.leads(100_000, 7);
    let queries: Vec<PersonQuery> = leads.iter().map(|l| l.query.clone()).collect();
    for s in Strictness::ALL {
        let (rate, _) = batched(&queries, index, s);
        println!(
            "realistic leads (half reserved and corrupted, half look-alikes), strictness {s}: {rate:.0} leads/s"
        );
    }
    let (rate, _) = one_by_one(&queries, index, Strictness::Normal);
    println!("  normal, one find per lead: {rate:.0} leads/s");
    // The cost per lead of each candidate path: the realistic leads grouped by the path that
    // found them at `normal` (or by no match), each group washed on its own.
    let mut groups: std::collections::BTreeMap<String, Vec<PersonQuery>> = Default::default();
    for q in &queries {
        let label = index
            .find(q, Strictness::Normal)
            .map_or_else(|| "no match".to_owned(), |m| format!("found by {}", m.path));
        groups.entry(label).or_default().push(q.clone());
    }
    for (label, group) in &groups {
        let (rate, _) = batched(group, index, Strictness::Normal);
        println!(
            "  normal, leads {label} ({}): {rate:.0} leads/s, {:.2} µs/lead",
            group.len(),
            1e6 / rate
        );
    }
    if std::env::var("ONLY_SPEED").is_ok() {
        return;
    }
    println!("\n| strictness | precision | recall | tp | fp | fn | wrong person |");
    println!("|---|---|---|---|---|---|---|");
    for s in Strictness::ALL {
        let r = evaluate(&eval, &leads, s);
        println!(
            "| {s} | {:.4} | {:.4} | {} | {} | {} | {} |",
            r.precision, r.recall, r.tp, r.fp, r.fn_, r.wrong_person
        );
    }
    let r = evaluate(&eval, &leads, Strictness::default());
    println!("\n| kind (strictness normal) | leads | recall | false-match rate |");
    println!("|---|---|---|---|");
    for row in r.kinds() {
        let rate = format!("{:.4}", row.rate());
        let (recall, fm) = if row.look_alike {
            ("", rate.as_str())
        } else {
            (rate.as_str(), "")
        };
        println!("| {} | {} | {recall} | {fm} |", row.kind, row.leads);
    }
}
