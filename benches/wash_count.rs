//! A wash workload for counting instructions, which (unlike time) is reproducible on a shared
//! host: builds a generation of the synthetic data at 1/5 scale (1 M register), then washes `N`
//! batches of 10 000 packed E.164 leads through `Engine::resolve` and `wash_e164`.
//!
//! ```sh
//! cargo bench --bench wash_count --no-run   # prints the binary's path
//! valgrind --tool=callgrind target/release/deps/wash_count-… 0
//! valgrind --tool=callgrind target/release/deps/wash_count-… 40
//! ```
//! (instructions with 40 − with 0) / 400 000 = instructions per number.

use std::path::PathBuf;

use chrono::Utc;
use vask::build::{BuildOptions, build_into};
use vask::domain::{CallerKind, Campaign, Category, CentreId, ClientId, Purpose};
use vask::engine::{CountryPolicy, Engine, Serving, WashRequest};
use vask::generation::Generation;
use vask::number::{Normaliser, Region};
use vask::sources::Catalog;
use vask::synth::{self, SynthSpec};

fn main() {
    let batches: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(0);
    let spec = SynthSpec {
        register: 1_000_000,
        centre_list: 40_000,
        client_list: 20_000,
        customers: 200_000,
        express: 2_000,
        ..SynthSpec::benchmark()
    };
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("wash-count");
    if !root.join("sources/catalog.toml").exists() {
        synth::write(&root.join("sources"), &spec).expect("synthetic sources");
    }
    let dir = root.join("generation");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("generation dir");
    let catalog = Catalog::load(&root.join("sources/catalog.toml")).expect("catalogue");
    let options = BuildOptions {
        national_id_key: None,
        now: Utc::now(),
        max_errors: 0,
        opt_outs: Vec::new(),
    };
    build_into(&catalog, &dir, "count", &options).expect("build");
    let leads = synth::leads(&spec, 7, 10_000 * 20, 0.35);
    let engine = Engine::new(
        Serving::one(Generation::open(&dir).expect("open")),
        Normaliser::new("NO".parse::<Region>().expect("region")),
        CountryPolicy::norway(),
    );
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
    let mut out = Vec::with_capacity(10_000);
    let mut blocked = 0usize;
    for b in 0..batches {
        out.clear();
        let resolved = engine.resolve(&serving, &request);
        let batch = &leads[(b % 20) * 10_000..(b % 20 + 1) * 10_000];
        engine.wash_e164(&resolved, batch, &mut out);
        blocked += out.iter().filter(|v| **v & 15 != 0).count();
    }
    println!("{batches} batches, {blocked} numbers blocked");
}
