//! The real server over gRPC: every RPC, the decision rules end to end, auth and tenant
//! isolation, request validation, stale snapshots, hot swap under load, corrupt generations.

mod common;

use std::time::{Duration, Instant};

use common::*;
use tonic::Code;
use vask::service::pb;

const INVALID: u32 = 1;
const CENTRE: u32 = 2;
const CLIENT: u32 = 4;
const NATIONAL: u32 = 8;
const EXEMPT_CUSTOMER: u32 = 16;
const EXEMPT_EXPRESS: u32 = 32;

fn sample_server() -> (tempfile::TempDir, Server) {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(dir.path(), &catalog, "");
    let server = Server::start(&config);
    (dir, server)
}

fn ts(rfc3339: &str) -> Option<prost_types::Timestamp> {
    let t = chrono::DateTime::parse_from_rfc3339(rfc3339).expect("time");
    Some(prost_types::Timestamp {
        seconds: t.timestamp(),
        nanos: 0,
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn wash_applies_every_rule_of_the_sample() {
    let (_dir, server) = sample_server();
    let mut wash = server.wash_client(KEY).await;
    let numbers = [
        "91234567",       // national register; customer only in another category
        "+47 912 34 568", // national, ongoing power customer: exempt
        "0047 91234569",  // national, power relationship ended 2024: blocked
        "91234570",       // national, express request: exempt
        "92345678",       // centre's internal list
        "0047 93456789",  // client's internal list
        "41234567",       // on no list
        "12345",          // not a valid number
        "46612345",       // centre list (written "+47 466 12 345" there)
        "93333333",       // reserved against addressed mail only
        "22334455",       // second number of a reservation
    ];
    let r = wash
        .wash(wash_request("acme-energy", &numbers))
        .await
        .expect("wash")
        .into_inner();
    assert_eq!(
        r.verdicts,
        [
            NATIONAL,
            EXEMPT_CUSTOMER,
            NATIONAL,
            EXEMPT_EXPRESS,
            CENTRE,
            CLIENT,
            0,
            INVALID,
            CENTRE,
            0,
            NATIONAL
        ]
    );
    assert_eq!(r.normalised[0], 4791234567);
    assert_eq!(
        r.normalised[7], 0,
        "invalid numbers are reported, not normalised"
    );
    assert_eq!(r.allowed, 4);
    assert_eq!(r.blocked, 7);
    assert!(!r.wash_id.is_empty() && !r.generation_id.is_empty());
    assert_eq!(r.snapshot_date, chrono::Utc::now().date_naive().to_string());

    // The same numbers for another client of the centre: no acme lists apply.
    let r = wash
        .wash(wash_request("nordic-telecom", &numbers[..7]))
        .await
        .expect("wash")
        .into_inner();
    assert_eq!(
        r.verdicts,
        [NATIONAL, NATIONAL, NATIONAL, NATIONAL, CENTRE, 0, 0]
    );

    // Market research (acme-energy is configured for it in the test configuration): the
    // national register does not apply, internal lists still do.
    let mut req = wash_request("acme-energy", &numbers[..7]);
    req.campaign = campaign(pb::Purpose::MarketResearch, pb::CallerKind::Business, "");
    let r = wash.wash(req).await.expect("wash").into_inner();
    assert_eq!(r.verdicts, [0, 0, 0, 0, CENTRE, CLIENT, 0]);

    // The fast path: packed E.164 integers give the same verdicts.
    let mut req = wash_request("acme-energy", &[]);
    req.e164 = vec![4791234567, 4791234568, 4792345678, 4741234567, 47123];
    let r = wash.wash(req).await.expect("wash").into_inner();
    assert_eq!(r.verdicts, [NATIONAL, EXEMPT_CUSTOMER, CENTRE, 0, INVALID]);
}

#[tokio::test(flavor = "multi_thread")]
async fn voluntary_organisations_and_donor_window() {
    let (_dir, server) = sample_server();
    let mut wash = server.wash_client(KEY).await;
    let req = |caller: pb::CallerKind| pb::WashRequest {
        campaign: campaign(pb::Purpose::Fundraising, caller, ""),
        ..wash_request("red-cross-demo", &["94567890", "94567891", "91234567"])
    };
    // 94567890 reserved, but not against voluntary organisations; 94567891 is, and gives
    // monthly since 2024-12-24 (an ongoing donor relationship: exempt). The configuration says
    // red-cross-demo is a voluntary organisation, whether the request says so or not. (The
    // three-calendar-year window after a last gift is tested in `engine::rules` and
    // `tests/over_time.rs`.)
    for caller in [pb::CallerKind::Voluntary, pb::CallerKind::Unspecified] {
        let r = wash.wash(req(caller)).await.expect("wash").into_inner();
        assert_eq!(r.verdicts, [0, EXEMPT_CUSTOMER, 0]);
    }
    // It cannot wash as a business to get other rules.
    let err = wash
        .wash(req(pb::CallerKind::Business))
        .await
        .expect_err("declared business");
    assert_eq!(err.code(), Code::PermissionDenied);
}

#[tokio::test(flavor = "multi_thread")]
async fn authentication_and_tenant_isolation() {
    let (_dir, server) = sample_server();
    let err = server
        .wash_client("")
        .await
        .wash(wash_request("acme-energy", &["91234567"]))
        .await
        .expect_err("no key");
    assert_eq!(err.code(), Code::Unauthenticated);
    let err = server
        .wash_client("not-a-key")
        .await
        .wash(wash_request("acme-energy", &["91234567"]))
        .await
        .expect_err("bad key");
    assert_eq!(err.code(), Code::Unauthenticated);

    // A key of another centre cannot wash for, explain for or see this centre's clients.
    let mut other = server.wash_client(OTHER_KEY).await;
    let err = other
        .wash(wash_request("acme-energy", &["91234567"]))
        .await
        .expect_err("other centre");
    assert_eq!(err.code(), Code::PermissionDenied);
    let err = other
        .explain(pb::ExplainRequest {
            client_id: "acme-energy".into(),
            campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Business, ""),
            number: "91234567".into(),
            at: None,
            ..Default::default()
        })
        .await
        .expect_err("other centre explain");
    assert_eq!(err.code(), Code::PermissionDenied);
    let status = server
        .admin_client(OTHER_KEY)
        .await
        .status(pb::StatusRequest {})
        .await
        .expect("status")
        .into_inner();
    assert!(
        status.lists.is_empty(),
        "other centre sees no lists: {:?}",
        status.lists
    );
    let status = server
        .admin_client(KEY)
        .await
        .status(pb::StatusRequest {})
        .await
        .expect("status")
        .into_inner();
    assert!(status.lists.iter().any(|l| l.owner == "acme-energy"));
    assert!(status.lists.iter().all(|l| l.owner != "other-centre"));
    // Reload is for admin keys only.
    let err = server
        .admin_client(KEY)
        .await
        .reload(pb::ReloadRequest {})
        .await
        .expect_err("not admin");
    assert_eq!(err.code(), Code::PermissionDenied);
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_requests_name_the_field() {
    let (_dir, server) = sample_server();
    let mut wash = server.wash_client(KEY).await;
    let mut req = wash_request("acme-energy", &["91234567"]);
    req.source_reference = String::new();
    let err = wash.wash(req).await.expect_err("no source");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(
        err.message().contains("source_reference"),
        "{}",
        err.message()
    );

    let mut req = wash_request("acme-energy", &["91234567"]);
    req.e164 = vec![4791234567];
    let err = wash.wash(req).await.expect_err("both");
    assert_eq!(err.code(), Code::InvalidArgument);

    let mut req = wash_request("acme-energy", &["91234567"]);
    req.campaign = None;
    let err = wash.wash(req).await.expect_err("no campaign");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().contains("campaign"));

    let mut req = wash_request("acme-energy", &[]);
    req.e164 = vec![4791234567; 100_001];
    let err = wash.wash(req).await.expect_err("too many");
    assert_eq!(err.code(), Code::ResourceExhausted);
    assert!(err.message().contains("100000"), "{}", err.message());
}

#[tokio::test(flavor = "multi_thread")]
async fn stale_snapshot_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let text = std::fs::read_to_string(&catalog).expect("catalog");
    std::fs::write(
        &catalog,
        text.replace(
            r#"snapshot_date = "build-date""#,
            r#"snapshot_date = "2020-01-01""#,
        ),
    )
    .expect("write");
    let server = Server::start(&write_config(dir.path(), &catalog, ""));
    let err = server
        .wash_client(KEY)
        .await
        .wash(wash_request("acme-energy", &["91234567"]))
        .await
        .expect_err("stale");
    assert_eq!(err.code(), Code::FailedPrecondition);
    assert!(err.message().contains("2020-01-01"), "{}", err.message());
    let status = server
        .admin_client(KEY)
        .await
        .status(pb::StatusRequest {})
        .await
        .expect("status")
        .into_inner();
    assert!(status.snapshot_stale);
    assert!(status.snapshot_age_days > 31);
}

/// Builds the sample, lets `spoil` change the current generation's directory, starts the
/// server and checks that it built and serves a new generation; returns its status.
async fn rebuilt_at_start(spoil: impl FnOnce(&std::path::Path)) -> pb::StatusResponse {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(dir.path(), &catalog, "");
    assert!(common::rebuild(&config, &[]).status.success());
    let store = vask::generation::store::Store::new(dir.path().join("store")).expect("store");
    let old = store.current_id().expect("current");
    spoil(&store.current_dir().expect("dir"));

    let server = Server::start(&config);
    let status = server
        .admin_client(KEY)
        .await
        .status(pb::StatusRequest {})
        .await
        .expect("status")
        .into_inner();
    assert_ne!(status.generation_id, old);
    let r = server
        .wash_client(KEY)
        .await
        .wash(wash_request("acme-energy", &["91234567"]))
        .await
        .expect("a wash on the new generation");
    assert_eq!(r.into_inner().verdicts, [NATIONAL]);
    status
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stale_generation_of_sample_data_is_rebuilt_at_start() {
    // The demo must work on any date: sample data is stamped with its build date, so a demo
    // generation left from months ago is rebuilt when the server starts.
    let status = rebuilt_at_start(|gen_dir| {
        let mut manifest = vask::generation::Manifest::read(gen_dir).expect("manifest");
        manifest.national.snapshot_date =
            chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("date");
        std::fs::write(gen_dir.join("MANIFEST.json"), manifest.to_bytes()).expect("write");
    })
    .await;
    assert!(!status.snapshot_stale);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_generation_of_an_older_format_is_rebuilt_at_start() {
    // After an upgrade the current generation may be in a format this vask no longer reads;
    // with `build_if_missing` (the default) the server builds one from the sources instead
    // of refusing to start. (Without it, it refuses with "rebuild the generation".)
    rebuilt_at_start(|gen_dir| {
        let manifest = gen_dir.join("MANIFEST.json");
        let text = std::fs::read_to_string(&manifest).expect("manifest");
        let v = vask::generation::format::VERSION;
        let older = text.replace(
            &format!("\"format_version\": {v}"),
            &format!("\"format_version\": {}", v - 1),
        );
        assert_ne!(older, text);
        std::fs::write(&manifest, older).expect("write");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn explain_status_call_window_health_and_reflection() {
    let (_dir, server) = sample_server();
    let mut wash = server.wash_client(KEY).await;
    let e = wash
        .explain(pb::ExplainRequest {
            client_id: "acme-energy".into(),
            campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Business, "power"),
            number: "+47 912 34 568".into(),
            at: None,
            ..Default::default()
        })
        .await
        .expect("explain")
        .into_inner();
    assert_eq!(e.normalised, "+4791234568");
    assert!(e.allowed);
    assert_eq!(e.reasons, ["exempt_customer"]);
    let national = e
        .entries
        .iter()
        .find(|x| x.list == "national_register")
        .expect("national");
    assert_eq!(national.since, "2015-06-12");
    assert!(
        national
            .source_reference
            .contains("Sample national register")
    );
    let customer = e
        .entries
        .iter()
        .find(|x| x.list == "customers")
        .expect("customer");
    assert_eq!(
        (
            customer.category.as_str(),
            customer.since.as_str(),
            customer.until.as_str()
        ),
        ("power", "2018-01-01", "")
    );
    assert_eq!(customer.source_reference, "Acme Energy CRM export");

    let err = wash
        .explain(pb::ExplainRequest {
            client_id: "acme-energy".into(),
            campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Business, ""),
            number: "12".into(),
            at: None,
            ..Default::default()
        })
        .await
        .expect_err("invalid");
    assert_eq!(err.code(), Code::InvalidArgument);

    // Christmas Day 2026 (a Friday) is closed; it opens Monday 28 December at 09:00 Oslo.
    let w = wash
        .call_window(pb::CallWindowRequest {
            country: "NO".into(),
            number: String::new(),
            at: ts("2026-12-25T10:00:00Z"),
        })
        .await
        .expect("window")
        .into_inner();
    assert!(!w.open);
    assert_eq!(w.reason, "holiday");
    assert_eq!(w.next_open, ts("2026-12-28T08:00:00Z"));
    let w = wash
        .call_window(pb::CallWindowRequest {
            country: String::new(),
            number: "91234567".into(),
            at: ts("2026-11-23T12:00:00Z"),
        })
        .await
        .expect("window")
        .into_inner();
    assert!(w.open);
    assert_eq!(w.time_zone, "Europe/Oslo");

    // Wash can flag "not now" separately from the lists: the coming Saturday is closed (a
    // Saturday after today: today's 11:00 may be past).
    let mut req = wash_request("acme-energy", &["41234567", "92345678"]);
    req.check_calling_window = true;
    let mut saturday = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Oslo)
        .date_naive()
        .succ_opt()
        .expect("date");
    while chrono::Datelike::weekday(&saturday) != chrono::Weekday::Sat {
        saturday = saturday.succ_opt().expect("date");
    }
    req.at = ts(&format!("{saturday}T11:00:00Z"));
    let r = wash.wash(req).await.expect("wash").into_inner();
    assert_eq!(r.verdicts, [64, CENTRE | 64]);

    let status = server
        .admin_client(KEY)
        .await
        .status(pb::StatusRequest {})
        .await
        .expect("status")
        .into_inner();
    assert_eq!(status.national_numbers, 1200);
    assert_eq!(status.national_persons, 3);
    assert!(!status.snapshot_stale);

    let mut health = tonic_health::pb::health_client::HealthClient::new(server.channel().await);
    let h = health
        .check(tonic_health::pb::HealthCheckRequest {
            service: "vask.v1.WashService".into(),
        })
        .await
        .expect("health")
        .into_inner();
    assert_eq!(
        h.status,
        tonic_health::pb::health_check_response::ServingStatus::Serving as i32
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn wash_stream_chunks_and_audit_trail() {
    let (_dir, server) = sample_server();
    let mut wash = server.wash_client(KEY).await;
    let header = pb::WashStreamRequest {
        kind: Some(pb::wash_stream_request::Kind::Header(
            pb::WashStreamHeader {
                client_id: "acme-energy".into(),
                campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Business, "power"),
                source_reference: "stream test".into(),
                echo_normalised: false,
                at: None,
                check_calling_window: false,
                person_strictness: String::new(),
            },
        )),
    };
    let chunk = |n: &[&str]| pb::WashStreamRequest {
        kind: Some(pb::wash_stream_request::Kind::Chunk(pb::NumberChunk {
            numbers: n.iter().map(|s| s.to_string()).collect(),
            e164: vec![],
            persons: vec![],
        })),
    };
    let input = tokio_stream::iter(vec![
        header,
        chunk(&["91234567", "41234567"]),
        chunk(&["92345678"]),
        chunk(&["bogus", "91234568", "93456789"]),
    ]);
    let mut out = wash.wash_stream(input).await.expect("stream").into_inner();
    let mut verdicts = Vec::new();
    let mut offsets = Vec::new();
    let mut summary = None;
    while let Some(msg) = out.message().await.expect("message") {
        match msg.kind {
            Some(pb::wash_stream_response::Kind::Chunk(c)) => {
                offsets.push(c.offset);
                verdicts.extend(c.verdicts);
            }
            Some(pb::wash_stream_response::Kind::Summary(s)) => summary = Some(s),
            None => panic!("empty message"),
        }
    }
    assert_eq!(offsets, [0, 2, 3]);
    assert_eq!(
        verdicts,
        [NATIONAL, 0, CENTRE, INVALID, EXEMPT_CUSTOMER, CLIENT]
    );
    let s = summary.expect("summary");
    assert_eq!((s.numbers, s.allowed, s.blocked), (6, 2, 4));
    assert_eq!(s.input_sha256.len(), 64);

    // The proof of wash is on disk, readable with `vask audit export`.
    let out = vask()
        .args(["audit", "export", "--config"])
        .arg(&server.config)
        .output()
        .expect("audit");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let record: serde_json::Value = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .find(|r| r["wash_id"] == s.wash_id)
        .expect("audit record of the stream");
    assert_eq!(record["numbers"], 6);
    assert_eq!(record["source_reference"], "stream test");
    assert_eq!(record["input_sha256"], s.input_sha256);
    assert_eq!(record["key_id"], "demo");
    assert!(
        !text.contains("4791234567"),
        "no phone numbers in the audit trail"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn hot_swap_under_load_drops_nothing_and_corrupt_generations_are_refused() {
    let (dir, server) = sample_server();
    let first = server
        .admin_client(KEY)
        .await
        .status(pb::StatusRequest {})
        .await
        .expect("status")
        .into_inner()
        .generation_id;

    // Continuous load from 4 tasks while two rebuilds are published.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let mut wash = server.wash_client(KEY).await;
        let stop = stop.clone();
        tasks.push(tokio::spawn(async move {
            let (mut ok, mut failed, mut generations) =
                (0u64, 0u64, std::collections::BTreeSet::new());
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                match wash
                    .wash(wash_request(
                        "acme-energy",
                        &["91234567", "41234567", "92345678"],
                    ))
                    .await
                {
                    Ok(r) => {
                        ok += 1;
                        generations.insert(r.into_inner().generation_id);
                    }
                    Err(e) => {
                        eprintln!("failed during swap: {e}");
                        failed += 1;
                    }
                }
            }
            (ok, failed, generations)
        }));
    }
    // Add a number to the centre's source list and publish twice.
    let dnc = dir.path().join("data/centres/demo-centre/dnc.csv");
    let mut text = std::fs::read_to_string(&dnc).expect("dnc");
    text.push_str("41234567,2026-01-01\n");
    std::fs::write(&dnc, text).expect("write");
    for _ in 0..2 {
        let out = rebuild(&server.config, &[]);
        assert!(
            out.status.success(),
            "rebuild: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let admin = ADMIN_KEY;
    let mut adm = server.admin_client(admin).await;
    let reloaded = adm
        .reload(pb::ReloadRequest {})
        .await
        .expect("reload")
        .into_inner();
    assert_ne!(reloaded.generation_id, first);
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut total_ok = 0;
    let mut seen = std::collections::BTreeSet::new();
    for t in tasks {
        let (ok, failed, generations) = t.await.expect("task");
        assert_eq!(failed, 0, "no request may fail during a swap");
        total_ok += ok;
        seen.extend(generations);
    }
    assert!(total_ok > 20, "load ran: {total_ok}");
    assert!(
        seen.len() >= 2,
        "requests saw the old and the new generation: {seen:?}"
    );
    let r = server
        .wash_client(KEY)
        .await
        .wash(wash_request("acme-energy", &["41234567"]))
        .await
        .expect("wash")
        .into_inner();
    assert_eq!(r.verdicts, [CENTRE], "the new generation is served");

    // A damaged generation made current is refused; the good one keeps serving.
    let store = dir.path().join("store");
    let good = std::fs::read_to_string(store.join("CURRENT"))
        .expect("current")
        .trim()
        .to_owned();
    let bad = format!("{good}-damaged");
    let good_dir = store.join("generations").join(&good);
    let bad_dir = store.join("generations").join(&bad);
    std::fs::create_dir(&bad_dir).expect("mkdir");
    for f in std::fs::read_dir(&good_dir).expect("ls") {
        let f = f.expect("entry");
        std::fs::copy(f.path(), bad_dir.join(f.file_name())).expect("copy");
    }
    let sets = bad_dir.join("sets.bin");
    let mut bytes = std::fs::read(&sets).expect("read");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(&sets, bytes).expect("write");
    std::fs::write(store.join("CURRENT"), format!("{bad}\n")).expect("current");
    let err = adm.reload(pb::ReloadRequest {}).await.expect_err("damaged");
    assert_eq!(err.code(), Code::FailedPrecondition);
    assert!(err.message().contains("checksum"), "{}", err.message());
    let status = adm
        .status(pb::StatusRequest {})
        .await
        .expect("status")
        .into_inner();
    assert_eq!(status.generation_id, good);
    let r = server
        .wash_client(KEY)
        .await
        .wash(wash_request("acme-energy", &["41234567"]))
        .await
        .expect("wash still works")
        .into_inner();
    assert_eq!(r.verdicts, [CENTRE]);
    let started = Instant::now();
    assert!(started.elapsed() < Duration::from_secs(60));
}
