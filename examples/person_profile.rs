//! A person-matching workload for profilers: `build DIR PERSONS` writes the bench's index
//! (`benches/person.rs`: the same population and id-hash key) into DIR; `run DIR PERSONS
//! LEADS [exact|strict|normal|loose] [as-written]` opens it and washes the bench's realistic
//! leads (or, with `as-written`, every tenth register person as written, the bench's exact
//! leads; with `only=PATH`, only the realistic leads found by PATH at that strictness —
//! `postcode`, `city`, `street`, `birth`, `id` — or by none, `only=none`) once through
//! `wash` (`valgrind --tool=callgrind --toggle-collect='*person_profile*wash*'`), printing
//! the matches and the CPU time per lead.

use std::path::Path;
use std::time::Instant;

use vask::person::{
    CandidatePath, IdHashKey, PersonIndex, PersonMatch, PersonQuery, PersonScratch, Strictness,
};
use vask::synth::eval::{EvalIndex, Population};

#[inline(never)]
fn wash(
    index: &PersonIndex,
    queries: &[&PersonQuery],
    s: Strictness,
    scratch: &mut PersonScratch,
    out: &mut Vec<Option<PersonMatch>>,
) {
    for batch in queries.chunks(1_000) {
        index.find_all(batch, s, scratch, out);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: person_profile build DIR PERSONS | run DIR PERSONS LEADS [strictness] [as-written | only=PATH]";
    let (Some(mode), Some(dir), Some(persons)) = (args.get(1), args.get(2), args.get(3)) else {
        panic!("{usage}");
    };
    let persons: u64 = persons.parse().expect("PERSONS");
    let pop = Population::with_reserved(2026, persons);
    let key = IdHashKey::new(b"bench id-hash key, 32 bytes long").expect("key");
    let dir = Path::new(dir);
    match mode.as_str() {
        "build" => {
            std::fs::create_dir_all(dir).expect("dir");
            let eval = EvalIndex::build(&pop, dir, Some(key), |_| {}).expect("index");
            println!("{} persons", eval.index.len());
        }
        "run" => {
            let n: usize = args.get(4).and_then(|v| v.parse().ok()).expect("LEADS");
            let s = match args.get(5).map(String::as_str) {
                Some("exact") => Strictness::Exact,
                Some("strict") => Strictness::Strict,
                Some("loose") => Strictness::Loose,
                _ => Strictness::Normal,
            };
            let index = PersonIndex::open(dir)
                .and_then(|i| i.with_id_key(key))
                .expect("open");
            let as_written: Vec<PersonQuery> = match args.get(6).map(String::as_str) {
                Some("as-written") => pop
                    .register()
                    .step_by(10)
                    .take(n)
                    .map(|p| PersonQuery {
                        national_id: None,
                        birth_date: None,
                        ..PersonQuery::from(&p.record)
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let mut leads = if as_written.is_empty() {
                pop.leads(n, 7)
            } else {
                Vec::new()
            };
            if let Some(only) = args.get(6).and_then(|a| a.strip_prefix("only=")) {
                leads.retain(|l| {
                    let path = index.find(&l.query, s).map(|m| match m.path {
                        CandidatePath::Postcode => "postcode",
                        CandidatePath::City => "city",
                        CandidatePath::Street => "street",
                        CandidatePath::BirthDate => "birth",
                        CandidatePath::NationalId => "id",
                    });
                    path.unwrap_or("none") == only
                });
            }
            let queries: Vec<&PersonQuery> = if as_written.is_empty() {
                leads.iter().map(|l| &l.query).collect()
            } else {
                as_written.iter().collect()
            };
            let n = queries.len();
            let mut scratch = PersonScratch::default();
            let mut out = Vec::with_capacity(n);
            // Warm up (outside `wash`): what the index makes on first use.
            index.find_all(&queries[..n.min(1_000)], s, &mut scratch, &mut out);
            out.clear();
            let t = Instant::now();
            wash(&index, &queries, s, &mut scratch, &mut out);
            let e = t.elapsed();
            let hits = out.iter().filter(|m| m.is_some()).count();
            let digest = out.iter().fold(0u64, |h, m| {
                let v = m.as_ref().map_or(u64::MAX, |m| {
                    u64::from(m.person) << 8 | u64::from(m.cost) << 4 | m.path as u64
                });
                h.rotate_left(5) ^ v
            });
            println!(
                "{n} leads, {hits} matched, digest {digest:016x}, {:.2} µs/lead",
                e.as_secs_f64() * 1e6 / n as f64
            );
        }
        _ => panic!("{usage}"),
    }
}
