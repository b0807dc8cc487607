//! Wash engine benchmarks on the synthetic data set: a 5 M-number national register,
//! a 200 k centre list, a 100 k client list and 1 M customers; leads in batches of 10 000 of
//! which ~35 % hit some list. Also: the cost of one `NumberSet::contains` (the in-process
//! floor), opening the generation, and (printed once) build time and bytes per number.
//!
//! Run: `cargo bench --bench wash`. Set `VASK_BENCH_SCALE=0.1` for a quicker, smaller run.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use chrono::Utc;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vask::build::{BuildOptions, build_into};
use vask::domain::{CallerKind, Campaign, Category, CentreId, ClientId, Purpose};
use vask::engine::{CountryPolicy, Engine, Serving, WashRequest};
use vask::generation::Generation;
use vask::number::{Normaliser, Region};
use vask::sources::Catalog;
use vask::synth::{self, SynthSpec};

fn spec() -> SynthSpec {
    let scale: f64 = std::env::var("VASK_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let s = SynthSpec::benchmark();
    let f = |n: u64| ((n as f64 * scale) as u64).max(10);
    SynthSpec {
        register: f(s.register),
        centre_list: f(s.centre_list),
        client_list: f(s.client_list),
        customers: f(s.customers),
        express: f(s.express),
        ..s
    }
}

/// Writes the sources (once per spec) and builds a fresh generation; prints build figures.
fn generation_dir(spec: &SynthSpec) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("wash-bench-{}-{}", spec.register, spec.customers));
    let catalog_path = root.join("sources/catalog.toml");
    if !catalog_path.exists() {
        synth::write(&root.join("sources"), spec).expect("write synthetic sources");
    }
    let catalog = Catalog::load(&catalog_path).expect("catalogue");
    let dir = root.join("generation");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("generation dir");
    let opts = BuildOptions {
        national_id_key: None,
        now: Utc::now(),
        max_errors: 0,
        opt_outs: Vec::new(),
    };
    let report = build_into(&catalog, &dir, "bench", &opts).expect("build");
    let manifest = vask::generation::Manifest::read(&dir).expect("manifest");
    let national_bytes = manifest.national.set.len
        + manifest.national.voluntary_set.len
        + std::fs::metadata(dir.join("national.fst"))
            .map(|m| m.len())
            .unwrap_or(0);
    eprintln!(
        "build: {} reservations, {} lists, {:.2} s, {} bytes in all; national register {:.2} bytes/number (its two sets + national.fst); union of lists {} bytes",
        report.reservations,
        report.lists,
        report.seconds,
        report.bytes,
        national_bytes as f64 / report.national_numbers as f64,
        manifest.listed.len,
    );
    dir
}

/// Numbers per batch, as the issue names.
const BATCH: usize = 10_000;
/// Distinct batches the benches rotate through (1 M leads).
const BATCHES: usize = 100;

fn benches(c: &mut Criterion) {
    let spec = spec();
    let dir = generation_dir(&spec);

    let mut g = c.benchmark_group("generation");
    g.sample_size(20);
    g.bench_function("open", |b| {
        b.iter(|| Generation::open(black_box(&dir)).expect("open"))
    });
    g.finish();

    let started = Instant::now();
    let generation = Generation::open(&dir).expect("open");
    eprintln!("open: {:?}", started.elapsed());
    let normaliser = Normaliser::new("NO".parse::<Region>().expect("region"));
    let engine = Engine::new(
        Serving::one(generation),
        normaliser,
        CountryPolicy::norway(),
    );
    // A dialer's batches are different numbers each time: the benches rotate through
    // `BATCHES` distinct batches, so the lookups meet a cache as cold as in service (washing one
    // batch over and over would keep its bitset lines in cache: ~1.6× faster, and not true).
    let pool = synth::leads(&spec, 7, BATCH * BATCHES, 0.35);
    let batches: Vec<&[u64]> = pool.chunks(BATCH).collect();
    let mut next = 0usize;
    let mut batch = move || {
        next = (next + 1) % BATCHES;
        next
    };
    let request = WashRequest {
        centre: CentreId::new(synth::CENTRE).expect("id"),
        client: ClientId::new(synth::CLIENT).expect("id"),
        campaign: Campaign {
            purpose: Purpose::Sales,
            caller: CallerKind::Business,
            category: Some(Category::new("power").expect("category")),
        },
        donor_categories: Default::default(),
        at: Utc::now(),
    };
    let serving = engine.serving();
    let generation = serving.generation.clone();

    {
        let resolved = engine.resolve(&serving, &request);
        let mut out = Vec::new();
        engine.wash_e164(&resolved, &pool, &mut out);
        let hit = out.iter().filter(|r| **r != 0).count();
        eprintln!(
            "leads: {} of {} ({:.1} %) hit some list",
            hit,
            pool.len(),
            100.0 * hit as f64 / pool.len() as f64
        );
    }

    let mut g = c.benchmark_group("wash");
    g.throughput(Throughput::Elements(BATCH as u64));
    g.bench_function("e164_batch_10k", |b| {
        let mut out = Vec::with_capacity(BATCH);
        b.iter(|| {
            out.clear();
            let resolved = engine.resolve(&serving, &request);
            engine.wash_e164(&resolved, black_box(batches[batch()]), &mut out);
            black_box(&out);
        })
    });
    // For comparison: one batch washed over and over, its lines staying in cache.
    g.bench_function("e164_same_batch_10k_warm", |b| {
        let mut out = Vec::with_capacity(BATCH);
        b.iter(|| {
            out.clear();
            let resolved = engine.resolve(&serving, &request);
            engine.wash_e164(&resolved, black_box(batches[0]), &mut out);
            black_box(&out);
        })
    });
    let strings: Vec<String> = pool
        .iter()
        .enumerate()
        .map(|(i, n)| match i % 4 {
            0 => format!("{}", n - 4_700_000_000),
            1 => format!("+{n}"),
            2 => {
                let s = format!("{}", n - 4_700_000_000);
                format!("0047 {} {} {}", &s[..3], &s[3..5], &s[5..])
            }
            _ => {
                let s = format!("{}", n - 4_700_000_000);
                format!("+47 {} {} {}", &s[..3], &s[3..5], &s[5..])
            }
        })
        .collect();
    let string_batches: Vec<&[String]> = strings.chunks(BATCH).collect();
    g.bench_function("strings_batch_10k", |b| {
        let mut out = Vec::with_capacity(BATCH);
        let mut normalised = Vec::with_capacity(BATCH);
        b.iter(|| {
            out.clear();
            normalised.clear();
            let resolved = engine.resolve(&serving, &request);
            let strings = string_batches[batch()];
            engine.wash_raw(&resolved, black_box(strings), &mut out, &mut normalised);
            black_box(&out);
        })
    });
    // The floor: one set lookup per number against the 5 M register.
    g.bench_function("national_contains_only", |b| {
        b.iter(|| {
            let mut hits = 0u32;
            for &n in black_box(batches[batch()]) {
                hits += u32::from(generation.national.contains(n));
            }
            black_box(hits)
        })
    });
    let centre = generation
        .centres
        .values()
        .next()
        .expect("centre list")
        .set
        .clone();
    g.bench_function("roaring_contains_200k_list", |b| {
        b.iter(|| {
            let mut hits = 0u32;
            for &n in black_box(batches[batch()]) {
                hits += u32::from(centre.contains(n));
            }
            black_box(hits)
        })
    });

    // Issue 4: the same wash with 100 000 live (acknowledged, not yet rebuilt) opt-outs, spread
    // over the centre's and the client's lists; 1 % of the leads have one. A second engine over
    // the same generation holds them, so the two can be compared side by side.
    let live_engine = Engine::new(
        Serving::one(Generation::open(&dir).expect("open")),
        Normaliser::new("NO".parse::<Region>().expect("region")),
        CountryPolicy::norway(),
    );
    let live_serving = live_engine.serving();
    let centre_list = vask::domain::InternalList::Centre(request.centre.clone());
    let client_list = vask::domain::InternalList::Client(request.client.clone());
    for i in 0..100_000u64 {
        let number = if i % 10 == 0 {
            pool[(i as usize / 10) * 97 % pool.len()]
        } else {
            synth::nth_number(spec.span() + i * 7)
        };
        let list = if i % 2 == 0 {
            &centre_list
        } else {
            &client_list
        };
        live_engine.live().record(
            list.clone(),
            number,
            vask::engine::LiveOp {
                seq: i + 1,
                add: true,
            },
        );
    }
    let wash = |engine: &Engine, serving: &Serving, leads: &[u64], out: &mut Vec<u32>| {
        out.clear();
        let resolved = engine.resolve(serving, &request);
        engine.wash_e164(&resolved, black_box(leads), out);
        black_box(&out);
    };
    g.bench_function("e164_batch_10k_100k_live", |b| {
        let mut out = Vec::with_capacity(BATCH);
        b.iter(|| wash(&live_engine, &live_serving, batches[batch()], &mut out))
    });
    g.finish();

    // This machine's memory-bound figures drift by ±30 % between runs (other tenants share its
    // cache), so the live overhead is measured interleaved: a batch without, a batch with, …
    let (mut without, mut with) = (Vec::new(), Vec::new());
    let mut out = Vec::with_capacity(BATCH);
    for round in 0..2_000 {
        let started = Instant::now();
        wash(&engine, &serving, batches[round % BATCHES], &mut out);
        without.push(started.elapsed());
        let started = Instant::now();
        wash(
            &live_engine,
            &live_serving,
            batches[(round + BATCHES / 2) % BATCHES],
            &mut out,
        );
        with.push(started.elapsed());
    }
    without.sort();
    with.sort();
    let (a, b) = (without[without.len() / 2], with[with.len() / 2]);
    eprintln!(
        "live opt-outs, interleaved medians of 2 000 batches: without {:.1} ns/number, with 100 000 live {:.1} ns/number ({:+.1} %)",
        a.as_nanos() as f64 / BATCH as f64,
        b.as_nanos() as f64 / BATCH as f64,
        100.0 * (b.as_secs_f64() / a.as_secs_f64() - 1.0)
    );
}

criterion_group!(wash, benches);
criterion_main!(wash);
