//! Verdicts that stay right across time, through the real binary: opt-outs across rebuild,
//! compaction, rollback and restart; internal lists decided by the latest event; requests dated
//! in the past; declared purposes and caller kinds checked against the client's configuration;
//! the donor window; several relationships per number; Explain's freshness guard and proof;
//! and the gRPC service and `vask wash` giving the same verdicts and audit records.
//!
//! Every date is relative to today, so these tests pass on any day.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use common::{ADMIN_KEY, KEY, Server, campaign, copy_sample, rebuild, vask, wash_request};
use tonic::Code;
use vask::service::pb;

const CENTRE: u32 = pb::ReasonBit::CentreList as u32;
const NATIONAL: u32 = pb::ReasonBit::NationalRegister as u32;
const EXEMPT_CUSTOMER: u32 = pb::ReasonBit::ExemptCustomer as u32;
const EXEMPT_EXPRESS: u32 = pb::ReasonBit::ExemptExpress as u32;
const OUTSIDE_WINDOW: u32 = pb::ReasonBit::OutsideCallingWindow as u32;

/// Today in Norway.
fn today() -> NaiveDate {
    Utc::now()
        .with_timezone(&chrono_tz::Europe::Oslo)
        .date_naive()
}

fn day(offset: i64) -> String {
    let t = today();
    let d = if offset >= 0 {
        t.checked_add_days(Days::new(offset as u64))
    } else {
        t.checked_sub_days(Days::new(offset.unsigned_abs()))
    };
    d.expect("date in range").to_string()
}

fn ts(t: DateTime<Utc>) -> Option<prost_types::Timestamp> {
    Some(prost_types::Timestamp {
        seconds: t.timestamp(),
        nanos: 0,
    })
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = common::write_config(dir.path(), &catalog, "");
    (dir, config)
}

fn run(args: &[&str], config: &Path) -> Output {
    let o = vask()
        .args(args)
        .arg("--config")
        .arg(config)
        .env("VASK_LOG", "warn")
        .output()
        .expect("run vask");
    assert!(
        o.status.success(),
        "vask {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

async fn reload(server: &Server) -> String {
    server
        .admin_client(ADMIN_KEY)
        .await
        .reload(pb::ReloadRequest {})
        .await
        .expect("reload")
        .into_inner()
        .generation_id
}

async fn verdicts(server: &Server, client: &str, numbers: &[&str]) -> Vec<u32> {
    server
        .wash_client(KEY)
        .await
        .wash(wash_request(client, numbers))
        .await
        .expect("wash")
        .into_inner()
        .verdicts
}

fn reservation(list: pb::reservation_request::List, number: &str) -> pb::ReservationRequest {
    pb::ReservationRequest {
        list: Some(list),
        number: number.into(),
        actor: "agent-17".into(),
        reason: "asked not to be called".into(),
    }
}

fn centre_list() -> pb::reservation_request::List {
    pb::reservation_request::List::Centre(true)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_opt_out_survives_rebuild_compaction_rollback_and_restart() {
    let (_dir, config) = setup();
    let mut server = Server::start(&config);
    let first = reload(&server).await;
    let mut reg = server.registry_client(KEY).await;
    reg.add_reservation(reservation(centre_list(), "98000001"))
        .await
        .expect("add");
    assert_eq!(
        verdicts(&server, "acme-energy", &["98000001"]).await,
        [CENTRE]
    );

    // The rebuild folds it in; the server switches and compacts the journal.
    run(&["rebuild"], &config);
    let second = reload(&server).await;
    assert_ne!(first, second);
    assert_eq!(
        verdicts(&server, "acme-energy", &["98000001"]).await,
        [CENTRE]
    );

    // Back to the generation built before the opt-out: it is still blocked.
    run(&["rollback"], &config);
    assert_eq!(reload(&server).await, first);
    assert_eq!(
        verdicts(&server, "acme-energy", &["98000001"]).await,
        [CENTRE]
    );

    // And after a restart on that generation.
    server.kill9();
    let server = Server::start(&config);
    assert_eq!(
        verdicts(&server, "acme-energy", &["98000001"]).await,
        [CENTRE]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn internal_lists_are_decided_by_the_latest_event() {
    let (dir, config) = setup();
    let server = Server::start(&config);
    let mut admin = server.registry_client(ADMIN_KEY).await;
    // 92345678 is on the demo centre's delivered list. An API removal lifts it.
    assert_eq!(
        verdicts(&server, "acme-energy", &["92345678"]).await,
        [CENTRE]
    );
    admin
        .remove_reservation(reservation(centre_list(), "92345678"))
        .await
        .expect("remove");
    // An API add stays whatever later deliveries say.
    admin
        .add_reservation(reservation(centre_list(), "98000002"))
        .await
        .expect("add");
    assert_eq!(
        verdicts(&server, "acme-energy", &["92345678", "98000002"]).await,
        [0, CENTRE]
    );
    // A rebuild without a new delivery keeps the removal.
    run(&["rebuild"], &config);
    reload(&server).await;
    assert_eq!(
        verdicts(&server, "acme-energy", &["92345678", "98000002"]).await,
        [0, CENTRE]
    );

    // A delivery imported after the removal that still holds the number blocks it again.
    let delivery = dir.path().join("centre-dnc-new.csv");
    std::fs::write(&delivery, "number,added\n92345678,\n92345679,\n46612345,\n").expect("write");
    let d = delivery.to_str().expect("utf-8 path");
    run(
        &[
            "import",
            "centre-dnc",
            d,
            "--centre",
            "demo-centre",
            "--source-reference",
            "Demo centre opt-outs, new delivery",
        ],
        &config,
    );
    run(&["rebuild"], &config);
    reload(&server).await;
    assert_eq!(
        verdicts(
            &server,
            "acme-energy",
            &["92345678", "92345679", "98000002"]
        )
        .await,
        [CENTRE, CENTRE, CENTRE],
        "the delivery re-blocks the removed number; the API add stays though absent from it"
    );

    // Explain's history shows the removal and the delivery with their times and sources.
    let e = server
        .wash_client(KEY)
        .await
        .explain(pb::ExplainRequest {
            client_id: "acme-energy".into(),
            campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Business, "power"),
            number: "92345678".into(),
            ..Default::default()
        })
        .await
        .expect("explain")
        .into_inner();
    let history: Vec<String> = e
        .history
        .iter()
        .map(|h| format!("{} {}", h.source, if h.added { "add" } else { "remove" }))
        .collect();
    assert!(
        history.contains(&"api remove".to_owned()) && history.contains(&"delivery add".to_owned()),
        "{history:?}"
    );
    assert!(e.history.iter().all(|h| h.at.is_some()), "{:?}", e.history);

    // Removed again through the API, and absent from later deliveries: stays removed.
    admin
        .remove_reservation(reservation(centre_list(), "92345678"))
        .await
        .expect("remove");
    std::fs::write(&delivery, "number,added\n92345679,\n46612345,\n").expect("write");
    run(
        &[
            "import",
            "centre-dnc",
            d,
            "--centre",
            "demo-centre",
            "--source-reference",
            "Demo centre opt-outs, third delivery",
            "--min-percent",
            "0",
        ],
        &config,
    );
    run(&["rebuild"], &config);
    reload(&server).await;
    assert_eq!(
        verdicts(
            &server,
            "acme-energy",
            &["92345678", "92345679", "98000002"]
        )
        .await,
        [0, CENTRE, CENTRE]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_request_dated_in_the_past_is_refused() {
    let (_dir, config) = setup();
    let server = Server::start(&config);
    let mut wash = server.wash_client(KEY).await;
    let mut req = wash_request("acme-energy", &["91234569"]);
    req.at = ts(Utc::now() - chrono::Duration::days(1));
    let err = wash.wash(req.clone()).await.expect_err("past");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().starts_with("at:"), "{}", err.message());

    // A little clock skew is tolerated.
    req.at = ts(Utc::now() - chrono::Duration::seconds(30));
    assert_eq!(
        wash.wash(req.clone())
            .await
            .expect("skew")
            .into_inner()
            .verdicts,
        [NATIONAL]
    );

    // The future only as far as the snapshot stays fresh (the sample is stamped today).
    req.at = ts(Utc::now() + chrono::Duration::days(20));
    assert_eq!(
        wash.wash(req.clone())
            .await
            .expect("future")
            .into_inner()
            .verdicts,
        [NATIONAL]
    );
    req.at = ts(Utc::now() + chrono::Duration::days(40));
    let err = wash.wash(req).await.expect_err("stale then");
    assert_eq!(err.code(), Code::FailedPrecondition);

    let mut explain = pb::ExplainRequest {
        client_id: "acme-energy".into(),
        campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Business, "power"),
        number: "91234569".into(),
        at: ts(Utc::now() - chrono::Duration::days(400)),
        ..Default::default()
    };
    let err = wash.explain(explain.clone()).await.expect_err("past");
    assert_eq!(err.code(), Code::InvalidArgument);
    explain.at = None;
    assert!(
        !wash
            .explain(explain)
            .await
            .expect("now")
            .into_inner()
            .allowed
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn declared_purposes_and_caller_kinds_cannot_widen_the_configuration() {
    let (dir, config) = setup();
    let server = Server::start(&config);
    let mut wash = server.wash_client(KEY).await;
    let numbers = ["91234567", "94567890", "93333333", "92345678"];
    let sales = verdicts(&server, "acme-energy", &numbers).await;
    assert_eq!(sales, [NATIONAL, NATIONAL, 0, CENTRE]);

    // nordic-telecom is configured as a business for sales and fundraising.
    for (purpose, kind) in [
        (pb::Purpose::MarketResearch, pb::CallerKind::Business),
        (pb::Purpose::Sales, pb::CallerKind::Voluntary),
        (pb::Purpose::Fundraising, pb::CallerKind::Voluntary),
    ] {
        let mut req = wash_request("nordic-telecom", &numbers);
        req.campaign = campaign(purpose, kind, "power");
        let err = wash.wash(req).await.expect_err("not configured");
        assert_eq!(err.code(), Code::PermissionDenied, "{purpose:?} {kind:?}");
        assert!(
            err.message().contains("nordic-telecom")
                && err
                    .message()
                    .contains("a business; purposes: sales, fundraising"),
            "{}",
            err.message()
        );
    }

    // The market-research client may survey reserved numbers; internal lists still hold.
    let mut req = wash_request("survey-institute", &numbers);
    req.campaign = campaign(pb::Purpose::MarketResearch, pb::CallerKind::Unspecified, "");
    let r = wash.wash(req).await.expect("survey").into_inner();
    assert_eq!(r.verdicts, [0, 0, 0, CENTRE]);

    // The voluntary organisation is one whatever the request leaves out.
    let mut req = wash_request("red-cross-demo", &numbers);
    req.campaign = campaign(pb::Purpose::Fundraising, pb::CallerKind::Unspecified, "");
    let r = wash.wash(req).await.expect("fundraising").into_inner();
    assert_eq!(r.verdicts, [0, 0, 0, CENTRE]);

    // The audit trail carries the configured kind, not the request's silence.
    let o = run(&["audit", "export"], &config);
    let records: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let last = records.last().expect("a record");
    assert_eq!(last["client"], "red-cross-demo");
    assert_eq!(last["caller"], "voluntary");
    assert_eq!(last["purpose"], "fundraising");
    drop(dir);
}

/// Writes `rows` as the customer file of acme-energy (and of nordic-telecom, a business
/// configured for sales and fundraising) and red-cross-demo, and an express file.
fn relationships(data: &Path, acme: &str, red_cross: &str, express: &str) {
    std::fs::write(
        data.join("clients/acme-energy/customers.csv"),
        format!("number,category,start,end\n{acme}"),
    )
    .expect("write");
    std::fs::write(
        data.join("clients/nordic-telecom/kunder.csv"),
        format!("telefon;produkt;fra;til\n{}", acme.replace(',', ";")),
    )
    .expect("write");
    std::fs::write(
        data.join("clients/red-cross-demo/donors.csv"),
        format!("number,category,start,end\n{red_cross}"),
    )
    .expect("write");
    std::fs::write(
        data.join("clients/acme-energy/express.csv"),
        format!("number,requested,expires\n{express}"),
    )
    .expect("write");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_donor_window_is_a_voluntary_organisations_and_every_relationship_counts() {
    let (dir, config) = setup();
    let data = dir.path().join("data");
    // Reserved numbers of the sample: 91234567..70 against businesses, 94567891 also against
    // voluntary organisations.
    let three_years_ago = today()
        .with_year(today().year() - 3)
        .unwrap_or_else(|| today() - Days::new(3 * 365));
    relationships(
        &data,
        &format!(
            // Ended 400 days ago: not a customer any more, in any campaign.
            "91234567,power,{},{}\n\
             91234568,power,{},{}\n91234568,power,{},\n\
             91234569,power,{},{}\n91234569,power,{},{}\n",
            day(-900),
            day(-400),
            // A contract that ends today and its renewal next week: exempt today.
            day(-300),
            day(0),
            day(7),
            // Two past contracts, neither valid today.
            day(-900),
            day(-500),
            day(-400),
            day(-2),
        ),
        &format!(
            "94567891,donor,{three_years_ago},{three_years_ago}\n\
             94567890,membership,{},{}\n",
            day(-900),
            day(-400)
        ),
        &format!("91234570,{},{}\n91234570,{},\n", day(-30), day(0), day(7)),
    );
    let server = Server::start(&config);
    let mut wash = server.wash_client(KEY).await;
    let numbers = ["91234567", "91234568", "91234569", "91234570"];
    assert_eq!(
        verdicts(&server, "acme-energy", &numbers).await,
        [NATIONAL, EXEMPT_CUSTOMER, NATIONAL, EXEMPT_EXPRESS]
    );
    // A business's fundraising campaign gets the customer window, not the donor window.
    let mut req = wash_request("nordic-telecom", &numbers);
    req.campaign = campaign(pb::Purpose::Fundraising, pb::CallerKind::Business, "power");
    let r = wash.wash(req).await.expect("fundraising").into_inner();
    assert_eq!(r.verdicts, [NATIONAL, EXEMPT_CUSTOMER, NATIONAL, NATIONAL]);

    // A voluntary organisation: the gift three calendar years ago still exempts today.
    let mut req = wash_request("red-cross-demo", &["94567891"]);
    req.campaign = campaign(pb::Purpose::Fundraising, pb::CallerKind::Voluntary, "");
    let r = wash.wash(req).await.expect("donor").into_inner();
    assert_eq!(r.verdicts, [EXEMPT_CUSTOMER]);

    // Explain lists every relationship.
    let e = wash
        .explain(pb::ExplainRequest {
            client_id: "acme-energy".into(),
            campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Business, "power"),
            number: "91234568".into(),
            ..Default::default()
        })
        .await
        .expect("explain")
        .into_inner();
    let customers: Vec<(&str, &str)> = e
        .entries
        .iter()
        .filter(|h| h.list == "customers")
        .map(|h| (h.since.as_str(), h.until.as_str()))
        .collect();
    let ends_today = day(0);
    let renewal = day(7);
    let ended = day(-300);
    assert_eq!(
        customers,
        [
            (ended.as_str(), ends_today.as_str()),
            (renewal.as_str(), "")
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn explain_obeys_the_freshness_guard_and_leaves_a_proof() {
    let (dir, config) = setup();
    let server = Server::start(&config);
    let mut wash = server.wash_client(KEY).await;
    let explain = pb::ExplainRequest {
        client_id: "acme-energy".into(),
        campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Business, "power"),
        number: "91234567".into(),
        ..Default::default()
    };
    for _ in 0..3 {
        wash.explain(explain.clone()).await.expect("explain");
    }
    let o = run(&["audit", "export"], &config);
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let explains: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .filter(|r| r["kind"] == "explain")
        .collect();
    assert_eq!(explains.len(), 3, "{text}");
    assert_eq!(explains[0]["client"], "acme-energy");
    assert_eq!(explains[0]["verdict"], NATIONAL);
    assert!(!text.contains("91234567"), "no phone number in the trail");
    assert!(
        explains[0]["number_hash"]
            .as_str()
            .is_some_and(|h| h.len() == 64)
    );
    drop(server);

    // A 92-day-old snapshot: Explain is refused as Wash is.
    let catalog = dir.path().join("data/catalog.toml");
    let text = std::fs::read_to_string(&catalog).expect("catalog");
    std::fs::write(
        &catalog,
        text.replace(
            r#"snapshot_date = "build-date""#,
            &format!(r#"snapshot_date = "{}""#, day(-92)),
        ),
    )
    .expect("write");
    assert!(rebuild(&config, &[]).status.success());
    let server = Server::start(&config);
    let err = server
        .wash_client(KEY)
        .await
        .explain(explain)
        .await
        .expect_err("stale");
    assert_eq!(err.code(), Code::FailedPrecondition);
}

/// The next Saturday at noon in Oslo (closed for calls), as UTC.
fn next_saturday_noon() -> DateTime<Utc> {
    let mut d = today() + Days::new(1);
    while d.weekday() != chrono::Weekday::Sat {
        d = d + Days::new(1);
    }
    d.and_hms_opt(12, 0, 0)
        .expect("noon")
        .and_local_timezone(chrono_tz::Europe::Oslo)
        .single()
        .expect("unambiguous")
        .with_timezone(&Utc)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_grpc_service_and_vask_wash_give_the_same_verdicts_and_proof() {
    let (dir, config) = setup();
    let server = Server::start(&config);
    let rows = [
        ("91234567", "", "", ""),
        ("91234568", "", "", ""),
        ("92345678", "", "", ""),
        ("not a number", "", "", ""),
        ("", "Kari", "Nordmann", "Storgata 12 B"),
        ("94567890", "Ola", "Hansen", "Kirkeveien 5"),
        ("+46 70 123 45 67", "", "", ""),
    ];
    let at = next_saturday_noon();
    let mut req = wash_request("acme-energy", &[]);
    req.numbers = rows.iter().map(|r| r.0.to_owned()).collect();
    req.persons = rows
        .iter()
        .map(|r| pb::Person {
            given_names: r.1.into(),
            surname: r.2.into(),
            street: r.3.into(),
            postcode: if r.3.is_empty() {
                String::new()
            } else if r.2 == "Nordmann" {
                "0150".into()
            } else {
                "0366".into()
            },
            ..Default::default()
        })
        .collect();
    req.at = ts(at);
    req.check_calling_window = true;
    req.campaign = campaign(pb::Purpose::Sales, pb::CallerKind::Unspecified, "power");
    req.source_reference = "Leads from Example Directory AS".into();
    let grpc = server
        .wash_client(KEY)
        .await
        .wash(req)
        .await
        .expect("wash")
        .into_inner();
    // Norwegian numbers are flagged on a Saturday; the invalid one is not a number, a lead
    // with a person only has no number, and vask knows no calling policy for Sweden.
    for (i, v) in grpc.verdicts.iter().enumerate() {
        assert_eq!(
            v & OUTSIDE_WINDOW != 0,
            ![3, 4, 6].contains(&i),
            "lead {i}: {v}"
        );
    }

    let leads = dir.path().join("leads.csv");
    let mut csv = String::from("id,phone,fornavn,etternavn,adresse,postnummer\n");
    for (i, r) in rows.iter().enumerate() {
        let postcode = if r.3.is_empty() {
            ""
        } else if r.2 == "Nordmann" {
            "0150"
        } else {
            "0366"
        };
        csv.push_str(&format!("{i},{},{},{},{},{postcode}\n", r.0, r.1, r.2, r.3));
    }
    std::fs::write(&leads, csv).expect("write");
    let out = dir.path().join("washed.csv");
    run(
        &[
            "wash",
            leads.to_str().expect("utf-8"),
            "--centre",
            "demo-centre",
            "--client",
            "acme-energy",
            "--category",
            "power",
            "--source-reference",
            "Leads from Example Directory AS",
            "--campaign",
            "test",
            "--at",
            &at.to_rfc3339(),
            "--check-calling-window",
            "--out",
            out.to_str().expect("utf-8"),
        ],
        &config,
    );
    let washed = std::fs::read_to_string(&out).expect("washed");
    let cli: Vec<u32> = washed
        .lines()
        .skip(1)
        .map(|l| {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(l.as_bytes());
            let record = reader.records().next().expect("row").expect("csv");
            let reasons = &record[record.len() - 2];
            reasons
                .split('|')
                .filter(|r| !r.is_empty())
                .map(|name| {
                    vask::engine::rules::NAMES
                        .iter()
                        .find(|(_, n)| *n == name)
                        .map(|(bit, _)| *bit)
                        .unwrap_or_else(|| panic!("unknown reason {name}"))
                })
                .fold(0, |a, b| a | b)
        })
        .collect();
    assert_eq!(cli, grpc.verdicts);

    let o = run(&["audit", "export"], &config);
    let mut records: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert!(records.len() >= 2);
    let mut cli_record = records.pop().expect("cli");
    let mut grpc_record = records.pop().expect("grpc");
    for r in [&mut cli_record, &mut grpc_record] {
        let o = r.as_object_mut().expect("object");
        for volatile in ["wash_id", "at", "via", "key_id", "chain", "seq"] {
            o.remove(volatile);
        }
    }
    assert_eq!(cli_record, grpc_record);
}

/// A calling policy configured for France and Poland applies to +33 and +48 numbers, found by
/// the numbering metadata (not a hard-coded list of country codes).
#[tokio::test(flavor = "multi_thread")]
async fn configured_calling_policies_apply_to_their_countries_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = common::write_config(
        dir.path(),
        &catalog,
        r#"
[[calling_policy]]
country = "FR"
time_zone = "Europe/Paris"
opens = "10:00"
closes = "20:00"
closed_weekdays = ["Sat", "Sun"]
holidays = []

[[calling_policy]]
country = "PL"
time_zone = "Europe/Warsaw"
opens = "08:00"
closes = "21:00"
closed_weekdays = ["Sun"]
holidays = []
"#,
    );
    let server = Server::start(&config);
    // The next day on which Norway is open at 09:30 local time (Paris and Warsaw share the
    // time zone): France has not opened yet, Poland has.
    let norway = vask::calendar::CallingPolicy::norway();
    let at = (1..=14)
        .map(|d| today() + Days::new(d))
        .map(|d| {
            d.and_hms_opt(9, 30, 0)
                .expect("time")
                .and_local_timezone(chrono_tz::Europe::Oslo)
                .single()
                .expect("unambiguous")
                .with_timezone(&Utc)
        })
        .find(|t| norway.check(*t).open)
        .expect("an open day within two weeks");
    let mut req = wash_request(
        "acme-energy",
        &["41234567", "+33 6 12 34 56 78", "+48 512 345 678"],
    );
    req.check_calling_window = true;
    req.at = ts(at);
    let r = server
        .wash_client(KEY)
        .await
        .wash(req)
        .await
        .expect("wash")
        .into_inner();
    assert_eq!(r.verdicts, [0, OUTSIDE_WINDOW, 0], "at {at}");
    let w = server
        .wash_client(KEY)
        .await
        .call_window(pb::CallWindowRequest {
            number: "+33 6 12 34 56 78".into(),
            at: ts(at),
            ..Default::default()
        })
        .await
        .expect("window")
        .into_inner();
    assert_eq!((w.country.as_str(), w.open), ("FR", false));
}
