//! Property tests of the file formats vask reads, through their public APIs: arbitrary bytes,
//! and mutations (bit flips, truncations, overwrites with boundary values, insertions,
//! removals, splices, random bytes) of real files: the bundled sample (`data/`), the
//! generation built from it, a configuration and an audit trail. Whatever the input, the
//! reader returns a value or a typed error; it never panics.
//!
//! Binary files are mutated twice over: as they are (the checksums must refuse them), and
//! resealed, every checksum recomputed after the mutation, so that the parsers behind the
//! checksums see the damage (what a bug in a writer, or a forger who can write the store,
//! would produce). A generation that opens anyway is then washed against, explained and
//! searched for persons, which must not panic either.
//!
//! Each property runs a few hundred cases (`CASES`); run more with, for example,
//! `PROPTEST_CASES=5000 cargo test --release --test decoders`. The opt-out journal's decoder
//! and recovery are tested beside it (`src/journal/tests.rs`); number strings in
//! `src/number/tests.rs`; the CSV reading limits in `src/sources/table.rs`.

mod common;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::Utc;
use proptest::prelude::*;
use proptest::sample::Index;
use vask::audit::{AuditKey, AuditLog, AuditRecord};
use vask::domain::{CallerKind, Campaign, Category, CentreId, ClientId, Purpose};
use vask::engine::{CountryPolicy, Engine, Lead, Serving, WashRequest};
use vask::generation::{Generation, Manifest, NumberSet, manifest};
use vask::number::{Normaliser, Region};
use vask::person::{IdHashKey, PersonIndex, PersonQuery, Strictness};
use vask::sources::{Catalog, SourceFile, TableOptions};

/// Cases per property unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 256;

fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        // A shrunk failure is what the report needs; the persisted seeds file is not kept
        // in the repository.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const NATIONAL_ID_KEY: &[u8] = b"decoder property tests national id key";
const AUDIT_KEY: &[u8] = b"decoder property tests audit key";

/// The real files every mutation starts from.
struct Sample {
    /// The generation built from `data/`: file name → bytes.
    generation: BTreeMap<String, Vec<u8>>,
    /// `data/`: path relative to it → bytes.
    data: BTreeMap<String, Vec<u8>>,
    /// An audit trail of a few washes and explains, chained under `AUDIT_KEY`.
    audit: Vec<u8>,
    /// A configuration using most of what the format has.
    config: String,
    /// Every number written in the sample's CSV files, as written.
    numbers: Vec<String>,
    /// The persons of the sample's national register.
    persons: Vec<PersonQuery>,
}

fn read_tree(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    for e in std::fs::read_dir(dir).expect("ls") {
        let path = e.expect("entry").path();
        if path.is_dir() {
            read_tree(root, &path, out);
        } else {
            let name = path
                .strip_prefix(root)
                .expect("under root")
                .display()
                .to_string();
            out.insert(name, std::fs::read(&path).expect("read"));
        }
    }
}

fn sample() -> &'static Sample {
    static SAMPLE: OnceLock<Sample> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let data_dir = common::repo().join("data");
        let catalog = Catalog::load(&data_dir.join("catalog.toml")).expect("catalogue");
        let options = vask::build::BuildOptions {
            national_id_key: IdHashKey::new(NATIONAL_ID_KEY),
            now: Utc::now(),
            max_errors: 0,
            opt_outs: Vec::new(),
        };
        let gen_dir = dir.path().join("generation");
        std::fs::create_dir(&gen_dir).expect("mkdir");
        vask::build::build_into(&catalog, &gen_dir, "sample", &options).expect("build");
        let mut generation = BTreeMap::new();
        read_tree(&gen_dir, &gen_dir, &mut generation);

        let mut data = BTreeMap::new();
        read_tree(&data_dir, &data_dir, &mut data);
        data.retain(|name, _| !name.starts_with("postcodes"));

        let mut numbers = Vec::new();
        for (name, bytes) in &data {
            if name.ends_with(".csv") {
                let text = String::from_utf8_lossy(bytes);
                for line in text.lines().skip(1) {
                    let field = line.split([',', ';']).next().unwrap_or("");
                    numbers.extend(
                        field
                            .split('|')
                            .filter(|f| !f.is_empty())
                            .map(str::to_owned),
                    );
                }
            }
        }
        let mut persons = Vec::new();
        let normaliser = catalog.normaliser().expect("region");
        vask::sources::read_national(&catalog, &catalog.national.source, &normaliser, 0, |e| {
            persons.extend(e.person.as_ref().map(PersonQuery::from));
        })
        .expect("read register");

        let audit_dir = dir.path().join("audit");
        let key = AuditKey::new(AUDIT_KEY).expect("key");
        let log = AuditLog::open(&audit_dir, Some(&key)).expect("audit");
        for record in audit_records() {
            log.append(&record).expect("append");
        }
        log.sync().expect("sync");
        drop(log);
        let audit = std::fs::read(audit_dir.join("audit.log")).expect("read audit");

        let catalog_path = dir.path().join("catalog.toml");
        let config = rich_config(&common::write_config(
            dir.path(),
            &catalog_path,
            "national_id_key = \"decoder property tests national id key\"",
        ));
        Sample {
            generation,
            data,
            audit,
            config,
            numbers,
            persons,
        }
    })
}

/// The test harness's configuration with the optional tables of the format added.
fn rich_config(path: &Path) -> String {
    let mut text = std::fs::read_to_string(path).expect("config");
    text.insert_str(
        0,
        r#"listen = "127.0.0.1:50051"
build_if_missing = true
person_strictness = "normal"

[country]
region = "NO"
time_zone = "Europe/Oslo"
snapshot_max_age_months = 1
customer_window_days = 0
donor_window_days = 1096

[limits]
max_batch = 100000
max_message_bytes = 16777216
removal_requires_admin = true

"#,
    );
    text.push_str(
        r#"
[[calling_policy]]
country = "US"
time_zone = "America/New_York"
opens = "08:00"
closes = "21:00"
closed_weekdays = []
holidays = [{ kind = "fixed", month = 7, day = 4, name = "Independence Day" }, { kind = "easter", offset = 1, name = "Easter Monday" }]
"#,
    );
    text
}

fn audit_records() -> Vec<AuditRecord> {
    let wash = vask::audit::WashRecord {
        wash_id: "w1".into(),
        at: Utc::now(),
        calls_at: Utc::now(),
        via: "grpc".into(),
        centre: "demo-centre".into(),
        key_id: "demo".into(),
        client: "acme-energy".into(),
        campaign: "spring".into(),
        purpose: "sales".into(),
        caller: "business".into(),
        category: "power".into(),
        source_reference: "Example Directory AS, 2026-11".into(),
        calling_window: true,
        strictness: "normal".into(),
        numbers: 4,
        allowed: 1,
        counts: [
            ("national_register".to_owned(), 2),
            ("invalid".to_owned(), 1),
        ]
        .into(),
        generation: "g1".into(),
        snapshot_date: "2026-11-30".into(),
        input_sha256: "ab".repeat(32),
    };
    let explain = vask::audit::ExplainRecord {
        audit_id: "e1".into(),
        at: Utc::now(),
        calls_at: Utc::now(),
        via: "grpc".into(),
        centre: "demo-centre".into(),
        key_id: "demo".into(),
        client: "acme-energy".into(),
        campaign: String::new(),
        purpose: "sales".into(),
        caller: "business".into(),
        category: "power".into(),
        number_hash: "cd".repeat(32),
        person: true,
        verdict: 8,
        generation: "g1".into(),
        snapshot_date: "2026-11-30".into(),
    };
    vec![
        AuditRecord::Wash(wash.clone()),
        AuditRecord::Explain(explain),
        AuditRecord::Wash(vask::audit::WashRecord {
            wash_id: "w2".into(),
            counts: BTreeMap::new(),
            ..wash
        }),
    ]
}

// ---------------------------------------------------------------------------------------------
// Mutations

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    /// Flip one bit.
    Flip(Index, u8),
    /// Cut the file short.
    Truncate(Index),
    /// Overwrite bytes (boundary values of lengths and offsets among them).
    Overwrite(Index, Vec<u8>),
    /// Insert bytes.
    Insert(Index, Vec<u8>),
    /// Remove up to this many bytes.
    Remove(Index, usize),
    /// Copy a run of the file to another place in it.
    Splice(Index, Index, usize),
}

/// Bytes that make parsers of lengths, offsets and counts misbehave.
fn interesting_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 1..16),
        prop::sample::select(vec![
            0u64,
            1,
            7,
            8,
            255,
            256,
            u64::from(u16::MAX),
            u64::from(u32::MAX) - 1,
            u64::from(u32::MAX),
            u64::from(u32::MAX) + 1,
            i64::MAX as u64,
            u64::MAX - 1,
            u64::MAX,
        ])
        .prop_flat_map(|v| prop::sample::select(vec![
            v.to_le_bytes().to_vec(),
            (v as u32).to_le_bytes().to_vec(),
            v.to_be_bytes().to_vec(),
        ])),
        prop::sample::select(vec![
            b"\"".to_vec(),
            b",".to_vec(),
            b"\n".to_vec(),
            b"\r\n".to_vec(),
            b"\xEF\xBB\xBF".to_vec(),
            b"\xFF\xFE".to_vec(),
            b"\xC3".to_vec(),
            b"[".to_vec(),
            b"]]".to_vec(),
            b"{".to_vec(),
            b"=".to_vec(),
            b"\0".to_vec(),
            b"-1".to_vec(),
            b"99999999999999999999".to_vec(),
            b"1e400".to_vec(),
        ]),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip(at, bit)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        3 => (any::<Index>(), interesting_bytes()).prop_map(|(at, b)| Mutation::Overwrite(at, b)),
        1 => (any::<Index>(), interesting_bytes()).prop_map(|(at, b)| Mutation::Insert(at, b)),
        1 => (any::<Index>(), 1usize..64).prop_map(|(at, n)| Mutation::Remove(at, n)),
        1 => (any::<Index>(), any::<Index>(), 1usize..256)
            .prop_map(|(from, to, n)| Mutation::Splice(from, to, n)),
    ]
}

/// What a property feeds a reader: a mutated real file, or arbitrary bytes.
#[derive(Debug, Clone)]
enum Input {
    Mutated(Vec<Mutation>),
    Random(Vec<u8>),
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        6 => prop::collection::vec(mutation(), 1..5).prop_map(Input::Mutated),
        1 => prop::collection::vec(any::<u8>(), 0..512).prop_map(Input::Random),
    ]
}

fn apply(seed: &[u8], input: &Input) -> Vec<u8> {
    let mutations = match input {
        Input::Random(bytes) => return bytes.clone(),
        Input::Mutated(m) => m,
    };
    let mut b = seed.to_vec();
    for m in mutations {
        let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len) };
        match m {
            Mutation::Flip(i, bit) if !b.is_empty() => {
                let at = at(i, b.len());
                b[at] ^= 1 << bit;
            }
            Mutation::Flip(..) => {}
            Mutation::Truncate(i) => {
                let at = at(i, b.len() + 1);
                b.truncate(at);
            }
            Mutation::Overwrite(i, bytes) => {
                let at = at(i, b.len() + 1);
                let end = (at + bytes.len()).min(b.len());
                b.splice(at..end, bytes.iter().copied());
            }
            Mutation::Insert(i, bytes) => {
                let at = at(i, b.len() + 1);
                b.splice(at..at, bytes.iter().copied());
            }
            Mutation::Remove(i, n) => {
                let at = at(i, b.len() + 1);
                let end = (at + n).min(b.len());
                b.drain(at..end);
            }
            Mutation::Splice(from, to, n) => {
                let from = at(from, b.len() + 1);
                let run: Vec<u8> = b[from..(from + n).min(b.len())].to_vec();
                let to = at(to, b.len() + 1);
                let end = (to + run.len()).min(b.len());
                b.splice(to..end, run);
            }
        }
    }
    b
}

// ---------------------------------------------------------------------------------------------
// Checksums, recomputed after a mutation ("resealed")

/// CRC-32C as the fst crate masks it, over `bytes`.
fn fst_checksum(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0x82F6_3B78
            } else {
                crc >> 1
            };
        }
    }
    let sum = !crc;
    (sum.wrapping_shr(15) | sum.wrapping_shl(17)).wrapping_add(0xA282_EAD8)
}

/// Recomputes the checksum a generation file carries inside itself.
fn reseal_inner(name: &str, bytes: &mut [u8]) {
    let len = bytes.len();
    if name == manifest::SETS && len >= 8 {
        let sum = xxhash_rust::xxh3::xxh3_64(&bytes[..len - 8]);
        bytes[len - 8..].copy_from_slice(&sum.to_le_bytes());
    } else if name.ends_with(".fst") && len >= 4 {
        let sum = fst_checksum(&bytes[..len - 4]);
        bytes[len - 4..].copy_from_slice(&sum.to_le_bytes());
    } else if name.starts_with("person-") && name.ends_with(".bin") && len >= 4 {
        let sum = crc32fast::hash(&bytes[..len - 4]);
        bytes[len - 4..].copy_from_slice(&sum.to_le_bytes());
    }
}

/// Writes a generation into `dir`: the sample's files with `changed` ones replaced; with
/// `reseal`, the manifest records their new lengths and checksums and is checksummed anew.
fn write_generation(dir: &Path, changed: &BTreeMap<String, Vec<u8>>, reseal: bool) {
    let sample = sample();
    let mut manifest_bytes = changed
        .get(manifest::MANIFEST)
        .unwrap_or(&sample.generation[manifest::MANIFEST])
        .clone();
    if reseal && let Ok(mut m) = serde_json::from_slice::<Manifest>(&manifest_bytes) {
        for (name, bytes) in changed {
            if let Some(info) = m.files.get_mut(name) {
                info.len = bytes.len() as u64;
                info.xxh3 = xxhash_rust::xxh3::xxh3_64(bytes);
            }
        }
        manifest_bytes = m.to_bytes();
    }
    for (name, bytes) in &sample.generation {
        let bytes = if name == manifest::MANIFEST {
            &manifest_bytes
        } else {
            changed.get(name).unwrap_or(bytes)
        };
        std::fs::write(dir.join(name), bytes).expect("write");
    }
}

// ---------------------------------------------------------------------------------------------
// Using what opened

fn request(client: &str, purpose: Purpose, caller: CallerKind, category: &str) -> WashRequest {
    WashRequest {
        centre: CentreId::new("demo-centre").expect("id"),
        client: ClientId::new(client).expect("id"),
        campaign: Campaign {
            purpose,
            caller,
            category: Category::new(category).ok(),
        },
        donor_categories: [Category::donor()].into(),
        at: Utc::now(),
    }
}

/// Washes, explains and searches a generation that opened: none of it may panic.
fn exercise(generation: Generation) {
    let sample = sample();
    let engine = Engine::new(
        Serving::one(generation),
        Normaliser::new(Region::NORWAY),
        CountryPolicy::norway(),
    );
    let serving = engine.serving();
    let g = &serving.generation;
    let requests = [
        request("acme-energy", Purpose::Sales, CallerKind::Business, "power"),
        request(
            "nordic-telecom",
            Purpose::Sales,
            CallerKind::Business,
            "mobile",
        ),
        request(
            "red-cross-demo",
            Purpose::Fundraising,
            CallerKind::Voluntary,
            "donor",
        ),
    ];
    let leads: Vec<Lead<'_>> = sample
        .persons
        .iter()
        .map(|p| Lead {
            number: "",
            person: Some(p),
        })
        .chain(sample.numbers.iter().map(|n| Lead {
            number: n,
            person: None,
        }))
        .collect();
    for req in &requests {
        let resolved = engine.resolve(&serving, req);
        let (mut out, mut normalised) = (Vec::new(), Vec::new());
        engine.wash_raw(&resolved, &sample.numbers, &mut out, &mut normalised);
        engine.wash_e164(
            &resolved,
            &[0, 1, 4_700_000_000, 4_799_999_999, u64::MAX],
            &mut out,
        );
        engine.wash_leads(
            &resolved,
            &leads,
            Strictness::Loose,
            &mut out,
            &mut normalised,
        );
        drop(resolved);
        for &n in normalised.iter().step_by(97) {
            let _ = engine.explain(&serving, req, Some(n), None);
        }
    }
    for &n in &[4791234567u64, 4794567891, 4793456789, 0, u64::MAX] {
        let _ = g.national_meta(n);
    }
    for list in g.centres.values() {
        for n in list.set.iter().take(2000) {
            let _ = g.list_values(list, n, None).count();
        }
    }
    for lists in g.clients.values() {
        for list in lists
            .dnc
            .iter()
            .chain(&lists.express)
            .chain(lists.customers.values())
        {
            for n in list.set.iter().take(2000) {
                let rank = g.union_rank.as_ref().and_then(|r| r.rank(n));
                let _ = g.list_values(list, n, rank).count();
            }
        }
    }
    if let Some(persons) = &g.persons {
        for p in &sample.persons {
            for s in [Strictness::Exact, Strictness::Loose] {
                if let Some(m) = persons.find(p, s) {
                    let _ = persons.evidence(p, &m, s);
                    let _ = persons.record_id(m.person);
                }
            }
        }
    }
}

/// Opens the generation in `dir` as the server would, and uses it if it opened.
fn open_and_use(dir: &Path) {
    let opened = Generation::open(dir)
        .and_then(|g| g.with_national_id_key(IdHashKey::new(NATIONAL_ID_KEY).as_ref()));
    match opened {
        Ok(g) => exercise(g),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

// ---------------------------------------------------------------------------------------------
// Generation files

fn generation_file() -> impl Strategy<Value = String> {
    let names: Vec<String> = sample().generation.keys().cloned().collect();
    prop::sample::select(names)
}

proptest! {
    #![proptest_config(config(CASES))]

    /// Every file of a generation, mutated as it is and resealed: refused with a typed error,
    /// or opened and used without a panic. (Person index files are resealed only by
    /// `person_index_files_resealed_are_refused_or_searched_safely`, ignored for now.)
    #[test]
    fn generation_files_are_refused_or_read_safely(
        name in generation_file(),
        input in input(),
        reseal in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let reseal = reseal && !name.starts_with("person-");
        let mut bytes = apply(&sample().generation[&name], &input);
        if reseal {
            reseal_inner(&name, &mut bytes);
        }
        write_generation(dir.path(), &[(name, bytes)].into(), reseal);
        open_and_use(dir.path());
    }

    /// The manifest with one number changed (offsets, lengths, counts, ids, versions), its
    /// checksum recomputed: refused, or opened and used without a panic.
    #[test]
    fn manifest_values_are_checked(
        at in any::<Index>(),
        value in prop_oneof![
            prop::sample::select(vec![0u64, 1, 7, 8, 9, 16, 4096, u64::from(u32::MAX), u64::from(u32::MAX) + 1, u64::MAX / 2, u64::MAX]),
            any::<u64>(),
        ],
        relative in prop::sample::select(vec![None, Some(-8i64), Some(-1), Some(1), Some(8)]),
    ) {
        let sample = sample();
        let mut json: serde_json::Value =
            serde_json::from_slice(&sample.generation[manifest::MANIFEST]).expect("json");
        let mut numbers = Vec::new();
        collect_numbers(&mut json, &mut numbers);
        let count = numbers.len();
        let target = &mut numbers[at.index(count)];
        let new = match relative {
            Some(d) => target.as_u64().unwrap_or(0).saturating_add_signed(d),
            None => value,
        };
        **target = serde_json::Value::from(new);
        let bytes = match serde_json::from_value::<Manifest>(json.clone()) {
            Ok(mut m) => m.to_bytes(),
            Err(_) => serde_json::to_vec(&json).expect("json"),
        };
        let dir = tempfile::tempdir().expect("tempdir");
        write_generation(dir.path(), &[(manifest::MANIFEST.to_owned(), bytes)].into(), false);
        open_and_use(dir.path());
    }

    /// A number set blob, mutated or arbitrary: refused, or every query answers.
    #[test]
    fn number_sets_open_or_are_refused(set in any::<Index>(), input in input(), probes in prop::collection::vec(any::<u64>(), 0..64)) {
        let sample = sample();
        let m: Manifest = serde_json::from_slice(&sample.generation[manifest::MANIFEST]).expect("manifest");
        let mut ranges = vec![m.national.set, m.national.voluntary_set, m.listed];
        ranges.extend(m.lists.iter().flat_map(|l| [Some(l.set), l.values, l.extra]).flatten());
        let range = ranges[set.index(ranges.len())];
        let sets = &sample.generation[manifest::SETS];
        let body = &sets[16..sets.len() - 8];
        let seed = &body[range.offset as usize..(range.offset + range.len) as usize];
        let bytes = apply(seed, &input);
        if let Ok(set) = NumberSet::open("sets.bin", bytes::Bytes::from(bytes)) {
            let _ = set.len();
            let _ = set.is_empty();
            let _ = set.iter().take(100_000).count();
            let _ = set.largest_bitset();
            for p in probes.iter().copied().chain([0, 4_791_234_567, u64::MAX]) {
                let _ = set.contains(p);
            }
        }
    }

    /// The person index files on their own, mutated, as `PersonIndex::open` maps them: its
    /// checksums refuse them, or the index is searched without a panic.
    #[test]
    fn person_index_files_are_refused_or_searched_safely(name in person_file(), input in input()) {
        person_index_case(&name, &input, false);
    }
}

proptest! {
    #![proptest_config(config(CASES))]

    /// The same, resealed (each file's own checksum recomputed after the mutation).
    #[test]
    fn person_index_files_resealed_are_refused_or_searched_safely(
        name in person_file(),
        input in input(),
    ) {
        person_index_case(&name, &input, true);
    }
}

/// The smallest input the property above found: the sample's `person-address.fst` with one
/// byte (`"`) inserted at offset 8 and its fst checksum recomputed opens, and the first
/// search panicked inside the fst crate; now the panic is contained and the index marked
/// damaged.
#[test]
fn a_malformed_person_address_fst_is_refused_not_panicked_on() {
    let input = Input::Random({
        let mut b = sample().generation["person-address.fst"].clone();
        b.insert(8, b'"');
        b
    });
    let index = person_index_case("person-address.fst", &input, true).expect("it opens");
    // The failed lookup is remembered: "no match" from this index is not an answer, and the
    // generation that holds it refuses washes (`Generation::damage`). (The fst crate's panic
    // here is an overflow check, which optimised builds leave out.)
    if cfg!(debug_assertions) {
        assert!(index.damage().is_some());
    }
}

/// Every person index file of the sample generation.
fn person_file() -> impl Strategy<Value = String> {
    let names: Vec<String> = sample()
        .generation
        .keys()
        .filter(|f| f.starts_with("person-"))
        .cloned()
        .collect();
    prop::sample::select(names)
}

/// Opens the person index with `name` mutated and searches every sample person at every
/// strictness; the index, if it opened.
fn person_index_case(name: &str, input: &Input, reseal: bool) -> Option<PersonIndex> {
    let sample = sample();
    let dir = tempfile::tempdir().expect("tempdir");
    for (file, bytes) in sample
        .generation
        .iter()
        .filter(|(f, _)| f.starts_with("person-"))
    {
        let mut bytes = bytes.clone();
        if file == name {
            bytes = apply(&bytes, input);
            if reseal {
                reseal_inner(file, &mut bytes);
            }
        }
        std::fs::write(dir.path().join(file), bytes).expect("write");
    }
    let opened = PersonIndex::open(dir.path())
        .and_then(|p| p.with_id_key(IdHashKey::new(NATIONAL_ID_KEY).expect("key")));
    if let Ok(index) = opened {
        for p in &sample.persons {
            for s in [
                Strictness::Exact,
                Strictness::Strict,
                Strictness::Normal,
                Strictness::Loose,
            ] {
                if let Some(m) = index.find(p, s) {
                    let _ = index.evidence(p, &m, s);
                    let _ = index.record_id(m.person);
                }
            }
        }
        return Some(index);
    }
    None
}

/// The smallest input the property above found before lookups were guarded: `national.fst`
/// cut short with every checksum recomputed opens (fst checks only its header and footer), and
/// a lookup in it panicked inside the fst crate. Now every such lookup marks the generation
/// damaged (washes are refused) instead.
#[test]
fn a_malformed_fst_behind_its_checksums_damages_the_generation_not_the_process() {
    let sample = sample();
    let mut damaged = 0;
    for name in [manifest::NATIONAL_FST, manifest::LISTS_FST] {
        let seed = &sample.generation[name];
        let ends = seed.len().saturating_sub(64)..seed.len();
        for cut in (0..seed.len()).step_by(53).chain(ends) {
            let mut bytes = seed[..cut].to_vec();
            reseal_inner(name, &mut bytes);
            let dir = tempfile::tempdir().expect("tempdir");
            write_generation(dir.path(), &[(name.to_owned(), bytes)].into(), true);
            let Ok(g) = Generation::open(dir.path()) else {
                continue;
            };
            for n in sample
                .numbers
                .iter()
                .filter_map(|n| Normaliser::new(Region::NORWAY).normalise(n).ok())
            {
                let _ = g.national_meta(n.e164());
                for list in g.centres.values() {
                    let _ = g.list_values(list, n.e164(), None).count();
                }
                for lists in g.clients.values() {
                    for list in lists.customers.values().chain(&lists.express) {
                        let _ = g.list_values(list, n.e164(), None).count();
                    }
                }
            }
            if let Some(e) = g.damage() {
                assert!(e.to_string().contains(name), "{e}");
                damaged += 1;
            }
        }
    }
    assert!(damaged > 0, "no cut reached a lookup that fails");
}

fn collect_numbers<'a>(v: &'a mut serde_json::Value, out: &mut Vec<&'a mut serde_json::Value>) {
    match v {
        serde_json::Value::Number(_) => out.push(v),
        serde_json::Value::Array(a) => a.iter_mut().for_each(|v| collect_numbers(v, out)),
        serde_json::Value::Object(o) => o.values_mut().for_each(|v| collect_numbers(v, out)),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Deliveries (CSV)

/// The sources a delivery can be, with the sample file each starts from.
#[derive(Debug, Clone, Copy)]
enum Source {
    National,
    Dnc,
    Customers,
    Express,
}

fn source() -> impl Strategy<Value = (Source, &'static str)> {
    prop::sample::select(vec![
        (Source::National, "national/register.csv"),
        (Source::Dnc, "centres/demo-centre/dnc.csv"),
        (Source::Dnc, "clients/acme-energy/dnc.csv"),
        (Source::Customers, "clients/acme-energy/customers.csv"),
        (Source::Customers, "clients/nordic-telecom/kunder.csv"),
        (Source::Express, "clients/acme-energy/express.csv"),
    ])
}

fn table_options() -> impl Strategy<Value = TableOptions> {
    (
        prop::option::of(prop::sample::select(vec![
            ',', ';', '\t', '|', '"', '\n', 'ø', 'a',
        ])),
        prop::bool::ANY,
    )
        .prop_map(|(delimiter, nordic)| TableOptions {
            delimiter,
            columns: if nordic {
                [
                    ("number", "telefon"),
                    ("category", "produkt"),
                    ("start", "fra"),
                    ("end", "til"),
                ]
                .into_iter()
                .map(|(a, b)| (a.to_owned(), b.to_owned()))
                .collect()
            } else {
                Default::default()
            },
        })
}

proptest! {
    #![proptest_config(config(CASES))]

    /// Every delivery reader, on a mutated sample file (plain, gzipped, or its gzip mutated)
    /// or arbitrary bytes: rows or a typed error with the file, never a panic.
    #[test]
    fn deliveries_are_read_or_refused(
        (kind, seed) in source(),
        input in input(),
        gzip in prop::sample::select(vec![0u8, 1, 2]),
        table in table_options(),
        max_errors in prop::sample::select(vec![0usize, 3, usize::MAX]),
    ) {
        let sample = sample();
        let catalog = Catalog::load(&common::repo().join("data/catalog.toml")).expect("catalogue");
        let n = catalog.normaliser().expect("region");
        let dir = tempfile::tempdir().expect("tempdir");
        let bytes = match gzip {
            0 => apply(&sample.data[seed], &input),
            1 => gzipped(&apply(&sample.data[seed], &input)),
            _ => apply(&gzipped(&sample.data[seed]), &input),
        };
        let path = dir.path().join("delivery.csv");
        std::fs::write(&path, bytes).expect("write");
        let src = SourceFile {
            file: path,
            source_reference: "property test".into(),
            table,
            entry: PathBuf::new(),
            delivered_at: None,
        };
        let result = match kind {
            Source::National => vask::sources::read_national(&catalog, &src, &n, max_errors, |_| {}),
            Source::Dnc => vask::sources::read_dnc(&catalog, &src, &n, max_errors, |_| {}),
            Source::Customers => vask::sources::read_customers(&catalog, &src, &n, max_errors, |_| {}),
            Source::Express => vask::sources::read_express(&catalog, &src, &n, max_errors, |_| {}),
        };
        if let Err(e) = result {
            prop_assert!(e.to_string().contains("delivery.csv"), "{e}");
        }
    }

}

proptest! {
    // A whole import per case (a copy of the sample, the shrink guard, the merged snapshot).
    #![proptest_config(config(CASES / 4))]

    /// A national delta, imported: applied or refused, never a panic.
    #[test]
    fn national_deltas_are_imported_or_refused(input in input(), gzip in any::<bool>()) {
        let seed = b"number,action,telephone,addressed_mail,voluntary,registered\n\
            91234567,remove,,,,\n\
            +47 955 55 556,add,1,0,1,2026-11-01\n\
            0047 40000009,a,,,,\n\
            92345678,-,,,,\n";
        let dir = tempfile::tempdir().expect("tempdir");
        let catalog = common::copy_sample(dir.path());
        let bytes = apply(seed, &input);
        let path = dir.path().join("delta.csv");
        std::fs::write(&path, if gzip { gzipped(&bytes) } else { bytes }).expect("write");
        let result = vask::import::import(
            &catalog,
            &vask::import::Import {
                kind: vask::import::SourceKind::NationalDelta,
                owner: None,
                file: path,
                source_reference: "property test delta".into(),
                table: TableOptions::default(),
                max_errors: 2,
                snapshot_date: None,
                min_percent: 0,
                force: true,
                now: Utc::now(),
            },
        );
        if let Err(e) = result {
            prop_assert!(!e.to_string().is_empty());
        }
    }

}

proptest! {
    #![proptest_config(config(CASES))]

    /// A lead file as `vask wash` reads it: every record, its number and its person fields,
    /// or a typed error with the file and line.
    #[test]
    fn lead_files_are_read_or_refused(
        input in input(),
        delimiter in prop::option::of(prop::sample::select(vec![',', ';', '\t', '|'])),
        gzip in any::<bool>(),
    ) {
        let seed = "id;number;given_names;surname;street;postcode;city;birth_date;national_id\n\
            1;+47 912 34 567;Kari;Nordmann;Storgata 12 B;0150;Oslo;1980-02-29;\n\
            2;\"91234568\";\"Ola Johan\";Hansen;\"Kirkeveien 5\";0366;Oslo;;01010012345\n\
            3;;Per;\"O\"\"Brien\";Gate 1;9999;X;2100-13-01;x\n";
        let dir = tempfile::tempdir().expect("tempdir");
        let bytes = apply(seed.as_bytes(), &input);
        let path = dir.path().join("leads.csv");
        std::fs::write(&path, if gzip { gzipped(&bytes) } else { bytes }).expect("write");
        let n = Normaliser::new(Region::NORWAY);
        let mut reader = match vask::sources::table::reader(&path, delimiter) {
            Ok(r) => r,
            Err(e) => {
                prop_assert!(e.to_string().contains("leads.csv"), "{e}");
                return Ok(());
            }
        };
        let mut record = csv::ByteRecord::new();
        let _ = reader.byte_headers();
        while let Ok(true) = reader.read_byte_record(&mut record) {
            let field = |i: usize| String::from_utf8_lossy(record.get(i).unwrap_or_default()).into_owned();
            let _ = n.normalise_bytes(record.get(1).unwrap_or_default());
            let person = vask::session::PersonFields {
                given_names: field(2),
                surname: field(3),
                street: field(4),
                house_number: String::new(),
                house_letter: String::new(),
                postcode: field(5),
                city: field(6),
                birth_date: field(7),
                national_id: field(8),
            };
            let _ = person.parse();
        }
    }
}

fn gzipped(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

// ---------------------------------------------------------------------------------------------
// Configuration, catalogue, provenance

proptest! {
    #![proptest_config(config(CASES))]

    /// The server's configuration, mutated: loaded or refused with a typed error.
    #[test]
    fn configurations_load_or_are_refused(input in input()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("vask.toml");
        std::fs::write(&path, apply(sample().config.as_bytes(), &input)).expect("write");
        if let Err(e) = vask::config::Config::load(&path) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    /// The catalogue and an import's provenance file, mutated: loaded or refused.
    #[test]
    fn catalogues_and_provenance_load_or_are_refused(
        catalog_input in input(),
        provenance_input in prop::option::of(input()),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let catalog = common::copy_sample(dir.path());
        let seed = std::fs::read(&catalog).expect("read");
        std::fs::write(&catalog, apply(&seed, &catalog_input)).expect("write");
        if let Some(input) = &provenance_input {
            let provenance = br#"{"file":"register.20261201T000000.000Z.csv","source_reference":"Brreg","delimiter":";","columns":{"number":"telefon"},"snapshot_date":"2026-12-01","rows":1202,"imported_at":"2026-12-01T00:00:00Z","delivered_as":"register.csv.gz","sha256":"00"}"#;
            std::fs::write(
                dir.path().join("data/national/register.csv.import.json"),
                apply(provenance, input),
            )
            .expect("write");
        }
        if let Err(e) = Catalog::load(&catalog) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    /// Dates, ids and categories as written in files and requests.
    #[test]
    fn domain_fields_parse_or_are_refused(text in "\\PC{0,24}", bytes in prop::collection::vec(any::<u8>(), 0..24)) {
        let lossy = String::from_utf8_lossy(&bytes);
        for s in [text.as_str(), &lossy] {
            let _ = vask::domain::parse_date(s);
            let _ = vask::domain::parse_birth_date(s);
            let _ = Category::new(s);
            let _ = ClientId::new(s);
            let _ = CentreId::new(s);
            let _ = s.parse::<Region>();
            let _ = s.parse::<vask::import::SourceKind>();
            let _ = vask::person::nid::NationalId::parse(s);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The audit trail

/// Rewrites the chain of every record after a mutation, as someone holding the key could:
/// `chain = HMAC(key, previous chain ‖ "\n" ‖ seq ‖ " " ‖ json)`, the header's chain being
/// `HMAC(key, header)`. Lines that are not `<seq> <chain> <json>` are left as they are.
fn rechain(text: &[u8]) -> Vec<u8> {
    use hmac::{Hmac, Mac};
    let mac = |parts: &[&[u8]]| {
        let mut m = Hmac::<sha2::Sha256>::new_from_slice(AUDIT_KEY).expect("any key length");
        for p in parts {
            m.update(p);
        }
        hex::encode(m.finalize().into_bytes())
    };
    let mut out = Vec::new();
    let mut prev = String::new();
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        let fields: Vec<&[u8]> = line.splitn(3, |&b| b == b' ').collect();
        match (i, fields.as_slice()) {
            (0, _) => {
                prev = mac(&[line]);
                out.extend_from_slice(line);
            }
            (_, [seq, _, json]) => {
                let chain = mac(&[prev.as_bytes(), b"\n", seq, b" ", json]);
                out.extend_from_slice(seq);
                out.push(b' ');
                out.extend_from_slice(chain.as_bytes());
                out.push(b' ');
                out.extend_from_slice(json);
                prev = chain;
            }
            _ => out.extend_from_slice(line),
        }
    }
    out
}

proptest! {
    #![proptest_config(config(CASES))]

    /// The audit trail, mutated (and re-chained under its key, so that the record decoder
    /// sees the damage): read, verified against a checkpoint, opened and appended to, or
    /// refused with a typed error; never a panic.
    #[test]
    fn audit_trails_are_read_or_refused(input in input(), chain in any::<bool>()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let key = AuditKey::new(AUDIT_KEY).expect("key");
        let mut bytes = apply(&sample().audit, &input);
        if chain {
            bytes = rechain(&bytes);
        }
        std::fs::write(dir.path().join("audit.log"), &bytes).expect("write");
        if let Err(e) = vask::audit::read(dir.path(), Some(&key)) {
            prop_assert!(!e.to_string().is_empty());
        }
        let checkpoint = vask::audit::Checkpoint {
            seq: 2,
            chain: String::new(),
            at: Utc::now(),
            key: key.fingerprint(),
            mac: String::new(),
        };
        let _ = vask::audit::verify(dir.path(), Some(&key), Some(&checkpoint));
        if let Ok(log) = AuditLog::open(dir.path(), Some(&key)) {
            let _ = log.append(&audit_records()[0]);
            let _ = log.sync();
        }
    }
}
