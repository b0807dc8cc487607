//! Generations on disk: built from the bundled `data/`, washed in-process, and refused with an
//! error (never a panic) when truncated, corrupted or of another format version. Also the
//! store: atomic publish, leftovers of a crashed build, the shrink guard, and rollback.

mod common;

use std::path::Path;

use chrono::Utc;
use vask::build::{BuildError, BuildOptions, RebuildOptions, build_into, rebuild};
use vask::domain::{CallerKind, Campaign, Category, CentreId, ClientId, Purpose};
use vask::engine::{CountryPolicy, Engine, Reasons, Serving, WashRequest};
use vask::generation::store::Store;
use vask::generation::{Generation, GenerationError};
use vask::number::{Normaliser, Region};
use vask::sources::Catalog;

fn options() -> BuildOptions {
    BuildOptions {
        national_id_key: None,
        now: Utc::now(),
        max_errors: 0,
        opt_outs: Vec::new(),
    }
}

fn build_sample(dir: &Path) {
    let catalog = Catalog::load(&common::repo().join("data/catalog.toml")).expect("catalogue");
    build_into(&catalog, dir, "test", &options()).expect("build");
}

fn engine(dir: &Path) -> Engine {
    Engine::new(
        Serving::one(Generation::open(dir).expect("open")),
        Normaliser::new("NO".parse::<Region>().expect("region")),
        CountryPolicy::norway(),
    )
}

#[test]
fn builds_the_sample_and_washes_in_process() {
    let dir = tempfile::tempdir().expect("tempdir");
    build_sample(dir.path());
    let engine = engine(dir.path());
    let generation = engine.generation();
    let m = generation.manifest();
    // 1 202 rows: 1 199 reservations by number, two by person only, one by both.
    assert_eq!(m.national.reservations, 1202);
    assert_eq!(m.national.numbers, 1200);
    assert_eq!(m.national.persons, 3);
    assert_eq!(generation.persons.as_ref().map(|p| p.len()), Some(3));
    assert!(m.national.snapshot_date_stamped);
    assert_eq!(m.national.snapshot_date, Utc::now().date_naive());
    assert!(m.lists.iter().all(|l| !l.source_reference.is_empty()));
    let request = WashRequest {
        centre: CentreId::new("demo-centre").expect("id"),
        client: ClientId::new("acme-energy").expect("id"),
        campaign: Campaign {
            purpose: Purpose::Sales,
            caller: CallerKind::Business,
            category: Some(Category::new("power").expect("category")),
        },
        donor_categories: Default::default(),
        at: Utc::now(),
    };
    let serving = engine.serving();
    let resolved = engine.resolve(&serving, &request);
    let (mut out, mut normalised) = (Vec::new(), Vec::new());
    engine.wash_raw(
        &resolved,
        &[
            "+47 912 34 567",
            "91234568",
            "92345678",
            "not a number",
            "41234567",
        ],
        &mut out,
        &mut normalised,
    );
    assert_eq!(
        out,
        [
            Reasons::NATIONAL_REGISTER,
            Reasons::EXEMPT_CUSTOMER,
            Reasons::CENTRE_LIST,
            Reasons::INVALID,
            0
        ]
    );
    assert_eq!(
        normalised,
        [4791234567, 4791234568, 4792345678, 0, 4741234567]
    );
    drop(resolved);
    let e = engine.explain(&serving, &request, Some(4791234567), None);
    let kinds: Vec<_> = e.hits.iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        ["national_register", "customers"],
        "broadband customer of acme, reserved"
    );
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .expect("ls")
        .map(|e| e.expect("entry").path())
        .collect();
    v.sort();
    v
}

#[test]
fn every_damaged_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    build_sample(dir.path());
    for file in files(dir.path()) {
        let original = std::fs::read(&file).expect("read");
        let name = file
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        // Truncations at several points, and a flipped bit at several points.
        let len = original.len();
        let cuts = [0, 1, len / 3, len / 2, len.saturating_sub(1)];
        for cut in cuts {
            std::fs::write(&file, &original[..cut]).expect("write");
            let err = Generation::open(dir.path()).expect_err(&format!("{name} cut at {cut}"));
            assert!(!err.to_string().is_empty());
        }
        for at in [0, len / 4, len / 2, len - 1] {
            let mut bad = original.clone();
            bad[at] ^= 0x01;
            std::fs::write(&file, &bad).expect("write");
            match Generation::open(dir.path()) {
                Err(
                    GenerationError::ChecksumMismatch { .. }
                    | GenerationError::Corrupt { .. }
                    | GenerationError::Version { .. },
                ) => {}
                other => panic!("{name} flipped at {at}: {other:?}"),
            }
        }
        std::fs::write(&file, &original).expect("restore");
    }
    Generation::open(dir.path()).expect("intact again");
    // A missing file.
    std::fs::remove_file(dir.path().join("lists.fst")).expect("rm");
    assert!(matches!(
        Generation::open(dir.path()),
        Err(GenerationError::Io { .. })
    ));
}

#[test]
fn wrong_format_version_is_refused_with_a_fix() {
    let dir = tempfile::tempdir().expect("tempdir");
    build_sample(dir.path());
    let path = dir.path().join("MANIFEST.json");
    let text = std::fs::read_to_string(&path).expect("manifest");
    let v = vask::generation::format::VERSION;
    std::fs::write(
        &path,
        text.replace(
            &format!("\"format_version\": {v}"),
            &format!("\"format_version\": {}", v + 1),
        ),
    )
    .expect("write");
    let err = Generation::open(dir.path()).expect_err("version");
    assert!(
        matches!(err, GenerationError::Version { expected, got, .. } if expected == v && got == v + 1)
    );
    assert!(err.to_string().contains("vask rebuild"));
}

#[test]
fn store_publishes_atomically_refuses_shrinking_snapshots_and_rolls_back() {
    let root = tempfile::tempdir().expect("tempdir");
    let sources = tempfile::tempdir().expect("tempdir");
    let catalog_path = common::copy_sample(sources.path());
    let catalog = Catalog::load(&catalog_path).expect("catalogue");
    let store = Store::new(root.path()).expect("store");
    let opts = RebuildOptions {
        build: options(),
        min_snapshot_percent: 90,
        force: false,
        keep: 3,
    };
    let first = rebuild(&store, &catalog, &opts).expect("first");
    assert_eq!(store.current_id().expect("current"), first.id);

    // A crashed earlier build left a staging directory and a CURRENT.tmp: both are harmless.
    std::fs::create_dir_all(root.path().join("generations/.tmp-crashed")).expect("mkdir");
    std::fs::write(root.path().join("CURRENT.tmp"), "garbage").expect("write");
    assert_eq!(store.current_id().expect("current"), first.id);
    let second = rebuild(&store, &catalog, &opts).expect("second");
    assert!(!root.path().join("generations/.tmp-crashed").exists());
    assert_eq!(store.current_id().expect("current"), second.id);

    // A truncated delivery (10 of 1 200 rows) is refused; the current generation stays.
    let register = catalog.root.join("national/register.csv");
    let text = std::fs::read_to_string(&register).expect("register");
    let short: Vec<&str> = text.lines().take(11).collect();
    std::fs::write(&register, short.join("\n") + "\n").expect("write");
    match rebuild(&store, &catalog, &opts) {
        Err(BuildError::SuspiciousShrink {
            new: 10, old: 1202, ..
        }) => {}
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(store.current_id().expect("current"), second.id);
    let forced = rebuild(
        &store,
        &catalog,
        &RebuildOptions {
            force: true,
            ..opts.clone()
        },
    )
    .expect("forced");
    assert_eq!(store.current_id().expect("current"), forced.id);

    // Two rebuilds at once: the second is refused while the lock is held.
    let lock = store.lock().expect("lock");
    assert!(matches!(
        rebuild(&store, &catalog, &opts),
        Err(BuildError::Generation(GenerationError::Locked(_)))
    ));
    drop(lock);

    // Only `keep` generations stay.
    assert!(store.list().expect("list").len() <= 3);
}

#[test]
fn bad_rows_are_reported_with_line_numbers_and_nothing_is_half_applied() {
    let sources = tempfile::tempdir().expect("tempdir");
    let catalog_path = common::copy_sample(sources.path());
    let dnc = sources.path().join("data/centres/demo-centre/dnc.csv");
    std::fs::write(
        &dnc,
        "number,added\n92345678,2024-05-01\n123,2024-01-01\n93456789,2024-13-01\n41234567,\n",
    )
    .expect("write");
    let catalog = Catalog::load(&catalog_path).expect("catalogue");
    let out = tempfile::tempdir().expect("tempdir");
    let err = build_into(&catalog, out.path(), "x", &options()).expect_err("bad rows");
    let msg = err.to_string();
    assert!(msg.contains("dnc.csv"), "{msg}");
    assert!(msg.contains("2 bad rows"), "{msg}");
    assert!(msg.contains("line 3"), "{msg}");
    assert!(msg.contains("line 4"), "{msg}");
    // With a threshold, the good rows are used and the bad ones reported.
    let report = build_into(
        &catalog,
        out.path(),
        "x",
        &BuildOptions {
            national_id_key: None,
            max_errors: 2,
            ..options()
        },
    )
    .expect("within threshold");
    assert_eq!(report.skipped.len(), 2);
    assert_eq!(report.skipped[0].1.line, 3);

    // A wrong header names the column that is missing.
    std::fs::write(&dnc, "phone,added\n92345678,2024-05-01\n").expect("write");
    let out2 = tempfile::tempdir().expect("tempdir");
    let msg = build_into(&catalog, out2.path(), "y", &options())
        .expect_err("header")
        .to_string();
    assert!(msg.contains("no column \"number\""), "{msg}");
}

/// Lists dense enough to be answered by rank in the union of lists give the same answers as
/// their roaring sets, and the wash through them flags exactly the listed numbers.
#[test]
fn dense_lists_answer_as_their_sets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = dir.path().join("sources");
    // 6 000 numbers from 91 000 000: the centre list every 2nd, the client list every 3rd,
    // customers every 5th (power) — the union is dense enough for a bitset, each list ranked.
    let write = |path: &str, header: &str, step: u64, row: &dyn Fn(u64) -> String| {
        let file = src.join(path);
        std::fs::create_dir_all(file.parent().expect("parent")).expect("dir");
        let mut body = format!("{header}\n");
        for i in (0..6_000).step_by(step as usize) {
            body.push_str(&row(91_000_000 + i));
            body.push('\n');
        }
        std::fs::write(file, body).expect("write");
    };
    write(
        "national/register.csv",
        "number,telephone,addressed_mail,voluntary,registered",
        7,
        &|n| format!("{n},1,0,0,2020-01-01"),
    );
    write("centre.csv", "number,added", 2, &|n| {
        format!("{n},2024-01-01")
    });
    write("client.csv", "number,added", 3, &|n| {
        format!("{n},2024-01-01")
    });
    write("customers.csv", "number,category,start,end", 5, &|n| {
        let end = if n % 2 == 0 { "2025-06-30" } else { "" };
        format!("{n},power,20{:02}-01-01,{end}", n % 20)
    });
    write("express.csv", "number,requested,expires", 4, &|n| {
        format!("{n},2024-{:02}-01,", n % 12 + 1)
    });
    std::fs::write(
        src.join("catalog.toml"),
        r#"default_region = "NO"
[national]
file = "national/register.csv"
source_reference = "test register"
snapshot_date = "build-date"
[[centres]]
id = "c"
dnc = { file = "centre.csv", source_reference = "centre" }
[[clients]]
id = "k"
dnc = { file = "client.csv", source_reference = "client" }
customers = { file = "customers.csv", source_reference = "crm" }
express = { file = "express.csv", source_reference = "web form" }
"#,
    )
    .expect("catalogue");
    let catalog = Catalog::load(&src.join("catalog.toml")).expect("catalogue");
    let out = dir.path().join("generation");
    std::fs::create_dir_all(&out).expect("dir");
    build_into(&catalog, &out, "dense", &options()).expect("build");
    let engine = engine(&out);
    let generation = engine.generation();
    let union = generation
        .union_rank
        .as_ref()
        .expect("union of lists ranked");
    let centre = &generation.centres[&CentreId::new("c").expect("id")];
    let client = &generation.clients[&ClientId::new("k").expect("id")];
    let power = &client.customers[&Category::new("power").expect("category")];
    let dnc = client.dnc.as_ref().expect("client list");
    let express = client.express.as_ref().expect("express list");
    let lists = [centre, dnc, power, express];
    for list in lists {
        assert!(list.dense.is_some(), "list {} is dense", list.no);
    }
    // Every number around the range, listed or not, on each list: same answer both ways, and
    // the same value read by position as found in lists.fst.
    let numbers: Vec<u64> = (4_790_999_000..4_791_007_000).collect();
    let mut values = 0;
    for &n in &numbers {
        for list in lists {
            let rank = union.rank(n);
            assert_eq!(
                list.contains(n, rank),
                list.set.contains(n),
                "{n} on list {}",
                list.no
            );
            let value = generation.list_value(list, n, rank);
            assert_eq!(value, generation.list_value(list, n, None), "{n}");
            values += usize::from(value.is_some());
        }
    }
    assert_eq!(
        values,
        3000 + 2000 + 1200 + 1500,
        "every entry has its value"
    );
    let request = WashRequest {
        centre: CentreId::new("c").expect("id"),
        client: ClientId::new("k").expect("id"),
        campaign: Campaign {
            purpose: Purpose::Sales,
            caller: CallerKind::Business,
            category: Some(Category::new("power").expect("category")),
        },
        donor_categories: Default::default(),
        at: Utc::now(),
    };
    let serving = engine.serving();
    let resolved = engine.resolve(&serving, &request);
    let mut verdicts = Vec::new();
    engine.wash_e164(&resolved, &numbers, &mut verdicts);
    for (&n, &v) in numbers.iter().zip(&verdicts) {
        let v = Reasons(v);
        assert_eq!(v.has(Reasons::CENTRE_LIST), centre.set.contains(n), "{n}");
        assert_eq!(v.has(Reasons::CLIENT_LIST), dnc.set.contains(n), "{n}");
        // Every express request here is valid now; customers from 2000–2019 are valid when
        // ongoing (odd numbers), ended ones are not (the Norwegian window is 0 days).
        let national = generation.national.contains(n);
        let express = express.set.contains(n);
        let customer = power.set.contains(n) && n % 2 == 1;
        assert_eq!(v.has(Reasons::EXEMPT_EXPRESS), national && express, "{n}");
        assert_eq!(
            v.has(Reasons::EXEMPT_CUSTOMER),
            national && !express && customer,
            "{n}"
        );
        assert_eq!(
            v.has(Reasons::NATIONAL_REGISTER),
            national && !express && !customer,
            "{n}"
        );
    }
}
