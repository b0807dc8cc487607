//! Person matching through the real server: leads with names and addresses (and national ids)
//! washed against the sample register's reserved persons.

mod common;

use common::{KEY, Server, copy_sample, write_config};
use tonic::Code;
use vask::service::pb;

fn person(given: &str, surname: &str, street: &str, postcode: &str) -> pb::Person {
    pb::Person {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        postcode: postcode.into(),
        city: "Oslo".into(),
        ..Default::default()
    }
}

fn leads(numbers: &[&str], persons: Vec<pb::Person>, strictness: &str) -> pb::WashRequest {
    pb::WashRequest {
        persons,
        person_strictness: strictness.into(),
        ..common::wash_request("acme-energy", numbers)
    }
}

const NATIONAL: u32 = pb::ReasonBit::NationalRegister as u32;
const PERSON: u32 = pb::ReasonBit::PersonMatch as u32;
const FUZZY: u32 = pb::ReasonBit::PersonFuzzy as u32;
const INVALID: u32 = pb::ReasonBit::InvalidNumber as u32;

/// Without a national-id key (it is optional), persons are still matched by name and
/// address: a configuration without one once matched no person at all.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn persons_are_matched_without_a_national_id_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let server = Server::start(&write_config(dir.path(), &catalog, ""));
    let r = server
        .wash_client(KEY)
        .await
        .wash(leads(
            &["", ""],
            vec![
                person("Kari", "Nordmann", "Storgata 12 B", "0150"),
                person("Ola", "Hansen", "Kirkeveien 5", "0366"),
            ],
            "",
        ))
        .await
        .expect("wash")
        .into_inner();
    assert_eq!(r.verdicts, [NATIONAL | PERSON, NATIONAL | PERSON]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leads_are_matched_by_person_exactly_fuzzily_and_by_national_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(
        dir.path(),
        &catalog,
        "national_id_key = \"integration-test national id key\"",
    );
    let server = Server::start(&config);
    let mut wash = server.wash_client(KEY).await;

    // Kari Nordmann, Storgata 12 B, 0150 Oslo is reserved (no number in the register).
    let r = wash
        .wash(leads(
            &["", "40000001", "40000002", "40000003", ""],
            vec![
                person("Kari", "Nordman", "Storgt. 12b", "0150"),
                person("Kari", "Nordmann", "Storgata 12 B", "0150"),
                person("Per", "Hansen", "Kirkeveien 5", "0366"),
                pb::Person::default(),
                pb::Person::default(),
            ],
            "",
        ))
        .await
        .expect("wash")
        .into_inner();
    assert_eq!(
        r.verdicts,
        vec![
            NATIONAL | PERSON | FUZZY, // a typo and abbreviations: fuzzy, blocked
            NATIONAL | PERSON,         // as in the register: exact
            0,                         // another person at a reserved person's address
            0,                         // no person: the number decides
            INVALID,                   // neither number nor person: reported, not dropped
        ]
    );

    // A bad number is reported even with a reserved person; the leads after it keep their
    // own persons' answers.
    let r = wash
        .wash(leads(
            &["not a number", "", ""],
            vec![
                person("Kari", "Nordmann", "Storgata 12 B", "0150"),
                person("Per", "Hansen", "Kirkeveien 5", "0366"),
                person("Kari", "Nordmann", "Storgata 12 B", "0150"),
            ],
            "",
        ))
        .await
        .expect("wash")
        .into_inner();
    assert_eq!(r.verdicts, vec![INVALID, 0, NATIONAL | PERSON]);

    // Strictness exact lets the fuzzy lead through; it is the caller's documented choice.
    let r = wash
        .wash(leads(
            &[""],
            vec![person("Kari", "Nordman", "Storgt. 12b", "0150")],
            "exact",
        ))
        .await
        .expect("wash")
        .into_inner();
    assert_eq!(r.verdicts, vec![0]);

    // Market research is not subject to the register, by person either.
    let mut req = leads(
        &[""],
        vec![person("Kari", "Nordmann", "Storgata 12 B", "0150")],
        "",
    );
    req.client_id = "survey-institute".into();
    req.campaign = common::campaign(pb::Purpose::MarketResearch, pb::CallerKind::Business, "");
    assert_eq!(
        wash.wash(req).await.expect("wash").into_inner().verdicts,
        vec![0]
    );

    // A national id alone finds Ingrid Bakken (the index holds only its keyed hash).
    let r = wash
        .wash(leads(
            &["40000009"],
            vec![pb::Person {
                national_id: "310190 12312".into(),
                surname: "Bakken".into(),
                ..Default::default()
            }],
            "",
        ))
        .await
        .expect("wash")
        .into_inner();
    assert_eq!(r.verdicts, vec![NATIONAL | PERSON]);

    // Mismatched lengths and bad fields are named.
    let e = wash
        .wash(leads(&["1", "2"], vec![pb::Person::default()], ""))
        .await
        .expect_err("length");
    assert_eq!(e.code(), Code::InvalidArgument);
    assert!(e.message().starts_with("persons"), "{}", e.message());
    let e = wash
        .wash(leads(
            &[""],
            vec![pb::Person {
                birth_date: "17.05.1975".into(),
                ..person("Kari", "Nordmann", "Storgata 12 B", "0150")
            }],
            "",
        ))
        .await
        .expect_err("birth date");
    assert!(
        e.message().starts_with("persons[0].birth_date"),
        "{}",
        e.message()
    );
    let e = wash
        .wash(leads(&[""], vec![pb::Person::default()], "sloppy"))
        .await
        .expect_err("strictness");
    assert!(
        e.message().starts_with("person_strictness"),
        "{}",
        e.message()
    );

    // Explain shows the matched register record and how it matched.
    let ex = wash
        .explain(pb::ExplainRequest {
            client_id: "acme-energy".into(),
            campaign: common::campaign(pb::Purpose::Sales, pb::CallerKind::Business, ""),
            number: String::new(),
            at: None,
            person: Some(person("Kari", "Nordman", "Storgt. 12b", "0150")),
            person_strictness: String::new(),
        })
        .await
        .expect("explain")
        .into_inner();
    assert!(!ex.allowed);
    let hit = ex
        .entries
        .iter()
        .find(|e| e.list == "national_register_person")
        .expect("person entry");
    assert!(hit.detail.starts_with("fuzzy match"), "{}", hit.detail);
    // The register spells the surname "Nordmann"; the lead wrote "Nordman". Explain says how
    // the lead's own fields matched, never the register's spelling.
    assert!(!hit.detail.contains("nordmann"), "{}", hit.detail);
    assert!(hit.detail.contains("surname fuzzy"), "{}", hit.detail);
}

/// Issue 14, item 1: Explain says *that* a person matched and *how* (which of the lead's own
/// fields, exact or fuzzy, the strictness, the snapshot and an opaque record id), and never
/// register data the caller did not supply: not the home address of a person looked up by
/// name and birth date, not a middle name, not the voluntary-organisations flag.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn explain_never_reveals_register_person_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(
        dir.path(),
        &catalog,
        "national_id_key = \"integration-test national id key\"",
    );
    let server = Server::start(&config);
    let mut wash = server.wash_client(KEY).await;
    let explain = |person: pb::Person, strictness: &str| pb::ExplainRequest {
        client_id: "acme-energy".into(),
        campaign: common::campaign(pb::Purpose::Sales, pb::CallerKind::Business, ""),
        number: String::new(),
        at: None,
        person: Some(person),
        person_strictness: strictness.into(),
    };
    let detail = |ex: &pb::ExplainResponse| {
        ex.entries
            .iter()
            .find(|e| e.list == "national_register_person")
            .map(|e| e.detail.clone())
            .expect("person entry")
    };
    // What the detail says of the lead's fields, before the snapshot and record id (whose
    // dates and digits are not the person's).
    let fields = |d: &str| {
        d.split("; a reserved person")
            .next()
            .unwrap_or_default()
            .to_owned()
    };

    // Only a name and a birth date: Kari Nordmann lives at Storgata 12 B, 0150 Oslo.
    let ex = wash
        .explain(explain(
            pb::Person {
                given_names: "Kari".into(),
                surname: "Nordmann".into(),
                birth_date: "1975-05-17".into(),
                ..Default::default()
            },
            "",
        ))
        .await
        .expect("explain")
        .into_inner();
    assert!(!ex.allowed);
    let d = detail(&ex);
    for secret in ["0150", "storg", "Storg", "12", " b ", "oslo", "Oslo"] {
        assert!(!fields(&d).contains(secret), "reveals {secret:?}: {d}");
    }
    assert!(d.contains("birth date"), "{d}");
    assert!(d.contains("strictness normal"), "{d}");
    assert!(d.contains(&format!("snapshot {}", ex.snapshot_date)), "{d}");
    assert!(d.contains("record "), "{d}");

    // Ola Hansen, Kirkeveien 5: the register has the middle name Johan and the flag that the
    // reservation also covers voluntary organisations.
    let ex = wash
        .explain(explain(
            person("Ola", "Hansen", "Kirkeveien 5", "0366"),
            "loose",
        ))
        .await
        .expect("explain")
        .into_inner();
    assert!(!ex.allowed);
    let d = detail(&ex);
    for secret in ["johan", "Johan", "voluntary", "1961"] {
        assert!(!fields(&d).contains(secret), "reveals {secret:?}: {d}");
    }
    assert!(!d.contains("voluntary"), "{d}");
    assert!(d.contains("strictness loose"), "{d}");
    // The record id is opaque: it names no field of the record, and another person's differs.
    let id = |d: &str| {
        d.split("record ")
            .nth(1)
            .map(|s| {
                s.split([' ', ';', ','])
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
            .expect("record id")
    };
    let ola = id(&d);
    let kari = id(&detail(
        &wash
            .explain(explain(
                person("Kari", "Nordmann", "Storgata 12 B", "0150"),
                "",
            ))
            .await
            .expect("explain")
            .into_inner(),
    ));
    // A lead without a postcode is found through its city, and Explain says so.
    let ex = wash
        .explain(explain(person("Kari", "Nordmann", "Storgata 12 B", ""), ""))
        .await
        .expect("explain")
        .into_inner();
    assert!(!ex.allowed);
    let d = detail(&ex);
    assert!(d.contains("found by city"), "{d}");
    assert!(d.contains("city exact"), "{d}");
    assert!(!fields(&d).contains("0150"), "{d}");
    assert_ne!(ola, kari);
    for id in [&ola, &kari] {
        // `generation/hash`: the generation id, then 16 hex digits of a keyed hash.
        let (generation, hash) = id.split_once('/').expect("generation/hash");
        assert_eq!(generation, ex.generation_id, "{id}");
        assert!(
            hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
            "{id}"
        );
    }
}
