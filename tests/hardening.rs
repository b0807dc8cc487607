//! What a caller may not do to the server, through the real binary: over-long free text,
//! extreme timestamps, bad entries in a bulk stream, an idle stream, a forged or cut audit
//! trail, the demo configuration on a public address.

mod common;

use std::time::Duration;

use common::{
    ADMIN_KEY, KEY, PARTNER_KEY, Server, campaign, copy_sample, vask, wash_request, write_config,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use tonic::Code;
use vask::service::pb;

fn setup(extra: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(dir.path(), &catalog, extra);
    (dir, config)
}

#[tokio::test(flavor = "multi_thread")]
async fn free_text_is_limited_and_named() {
    let (_dir, config) = setup("");
    let server = Server::start(&config);
    let mut wash = server.wash_client(KEY).await;
    for (what, f) in [
        (
            "source_reference",
            Box::new(|r: &mut pb::WashRequest| r.source_reference = "x".repeat(100_000))
                as Box<dyn Fn(&mut pb::WashRequest)>,
        ),
        (
            "campaign.campaign_id",
            Box::new(|r: &mut pb::WashRequest| {
                if let Some(c) = r.campaign.as_mut() {
                    c.campaign_id = "y".repeat(1025);
                }
            }),
        ),
    ] {
        let mut req = wash_request("acme-energy", &["91234567"]);
        f(&mut req);
        let err = wash.wash(req).await.expect_err("too long");
        assert_eq!(err.code(), Code::InvalidArgument, "{what}");
        assert!(err.message().starts_with(what), "{}", err.message());
    }
    // Exactly the limit is fine.
    let mut req = wash_request("acme-energy", &["91234567"]);
    req.source_reference = "z".repeat(1024);
    wash.wash(req).await.expect("1024 bytes");

    let mut reg = server.registry_client(KEY).await;
    let err = reg
        .add_reservation(pb::ReservationRequest {
            list: Some(pb::reservation_request::List::Centre(true)),
            number: "98000001".into(),
            actor: "a".repeat(2048),
            reason: String::new(),
        })
        .await
        .expect_err("long actor");
    assert_eq!(err.code(), Code::InvalidArgument);
    assert!(err.message().starts_with("actor"), "{}", err.message());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_entry_fails_itself_and_the_others_are_recorded() {
    let (_dir, config) = setup("");
    let server = Server::start(&config);
    let mut reg = server.registry_client(KEY).await;
    let entry = |number: &str, actor: &str| pb::ReservationRequest {
        list: Some(pb::reservation_request::List::Centre(true)),
        number: number.into(),
        actor: actor.into(),
        reason: String::new(),
    };
    let requests = vec![
        entry("98000011", "agent-1"),
        entry("not a number", "agent-1"),
        entry("98000012", &"a".repeat(5000)),
        pb::ReservationRequest {
            list: Some(pb::reservation_request::List::ClientId(
                "other-client".into(),
            )),
            ..entry("98000013", "agent-1")
        },
        entry("98000014", "agent-1"),
    ];
    let mut out = reg
        .add_reservations(tokio_stream::iter(requests))
        .await
        .expect("stream")
        .into_inner();
    let mut results = Vec::new();
    while let Some(r) = out.message().await.expect("message") {
        results.push(r);
    }
    let codes: Vec<&str> = results.iter().map(|r| r.error_code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "",
            "invalid_argument",
            "invalid_argument",
            "permission_denied",
            ""
        ]
    );
    assert!(results[0].seq > 0 && results[4].seq > results[0].seq);
    assert!(
        results[1].error.starts_with("number"),
        "{}",
        results[1].error
    );
    let verdicts = server
        .wash_client(KEY)
        .await
        .wash(wash_request(
            "acme-energy",
            &["98000011", "98000012", "98000014"],
        ))
        .await
        .expect("wash")
        .into_inner()
        .verdicts;
    let centre = pb::ReasonBit::CentreList as u32;
    assert_eq!(verdicts, [centre, 0, centre]);
}

fn ts(seconds: i64, nanos: i32) -> Option<prost_types::Timestamp> {
    Some(prost_types::Timestamp { seconds, nanos })
}

/// Every RPC that takes a timestamp, with it; the status code (or OK).
async fn codes_for(server: &Server, at: Option<prost_types::Timestamp>) -> Vec<Code> {
    let mut wash = server.wash_client(KEY).await;
    let code = |r: Result<(), tonic::Status>| r.err().map_or(Code::Ok, |e| e.code());
    let mut req = wash_request("acme-energy", &["91234567"]);
    req.at = at;
    let w = code(wash.wash(req).await.map(|_| ()));
    let e = code(
        wash.explain(pb::ExplainRequest {
            client_id: "acme-energy".into(),
            campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Unspecified, ""),
            number: "91234567".into(),
            at,
            ..Default::default()
        })
        .await
        .map(|_| ()),
    );
    let c = code(
        wash.call_window(pb::CallWindowRequest {
            country: "NO".into(),
            at,
            ..Default::default()
        })
        .await
        .map(|_| ()),
    );
    let header = pb::WashStreamRequest {
        kind: Some(pb::wash_stream_request::Kind::Header(
            pb::WashStreamHeader {
                client_id: "acme-energy".into(),
                campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Unspecified, ""),
                source_reference: "test".into(),
                at,
                ..Default::default()
            },
        )),
    };
    let s = match wash.wash_stream(tokio_stream::iter(vec![header])).await {
        Err(e) => e.code(),
        Ok(r) => {
            let mut r = r.into_inner();
            match r.message().await {
                Ok(_) => Code::Ok,
                Err(e) => e.code(),
            }
        }
    };
    vec![w, e, c, s]
}

#[tokio::test(flavor = "multi_thread")]
async fn extreme_timestamps_are_refused_never_a_panic() {
    let (_dir, config) = setup("");
    let server = Server::start(&config);
    // Found by a caller: the local time of this instant is out of chrono's range.
    assert_eq!(
        codes_for(&server, ts(8_210_266_876_799, 0)).await,
        [Code::InvalidArgument; 4]
    );
    assert_eq!(
        codes_for(&server, ts(i64::MIN, -1)).await,
        [Code::InvalidArgument; 4]
    );
    // The whole range: an answer or a refusal with the right code, never a crashed handler.
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
        cases: 64,
        ..Default::default()
    });
    let strategy = (any::<i64>(), any::<i32>());
    for _ in 0..64 {
        let (seconds, nanos) = strategy.new_tree(&mut runner).expect("value").current();
        for code in codes_for(&server, ts(seconds, nanos)).await {
            assert!(
                matches!(
                    code,
                    Code::Ok | Code::InvalidArgument | Code::FailedPrecondition
                ),
                "{seconds} s {nanos} ns: {code:?}"
            );
        }
    }
    // The server is still there.
    assert_eq!(codes_for(&server, None).await, [Code::Ok; 4]);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_idle_stream_is_ended() {
    let (_dir, config) = setup("[limits]\nstream_idle_seconds = 4");
    let server = Server::start(&config);
    let mut wash = server.wash_client(KEY).await;
    let (header, _) = stream_messages();
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    tx.send(header("idle")).await.expect("send");
    let mut out = wash
        .wash_stream(tokio_stream::wrappers::ReceiverStream::new(rx))
        .await
        .expect("stream")
        .into_inner();
    let err = tokio::time::timeout(Duration::from_secs(20), out.message())
        .await
        .expect("ended within the idle timeout")
        .expect_err("idle");
    assert_eq!(err.code(), Code::DeadlineExceeded);
}

/// Makes one WashStream message from a text.
type StreamMessage = fn(&str) -> pb::WashStreamRequest;

/// A WashStream's header for `acme-energy` and a one-number chunk.
fn stream_messages() -> (StreamMessage, StreamMessage) {
    let header = |h: &str| pb::WashStreamRequest {
        kind: Some(pb::wash_stream_request::Kind::Header(
            pb::WashStreamHeader {
                client_id: "acme-energy".into(),
                campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Unspecified, "power"),
                source_reference: h.into(),
                ..Default::default()
            },
        )),
    };
    let chunk = |n: &str| pb::WashStreamRequest {
        kind: Some(pb::wash_stream_request::Kind::Chunk(pb::NumberChunk {
            numbers: vec![n.into()],
            ..Default::default()
        })),
    };
    (header, chunk)
}

/// A stream across a rebuild: the chunk after the switch is washed on the new generation. (The
/// idle limit is long here: a debug-build rebuild on a busy machine takes longer than the few
/// seconds the idle test above waits.)
#[tokio::test(flavor = "multi_thread")]
async fn a_long_stream_moves_to_the_new_generation() {
    let (_dir, config) = setup("[limits]\nstream_idle_seconds = 300");
    let server = Server::start(&config);
    let mut wash = server.wash_client(KEY).await;
    let (header, chunk) = stream_messages();
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    tx.send(header("long")).await.expect("send");
    tx.send(chunk("91234567")).await.expect("send");
    let mut out = wash
        .wash_stream(tokio_stream::wrappers::ReceiverStream::new(rx))
        .await
        .expect("stream")
        .into_inner();
    out.message().await.expect("first chunk").expect("a result");
    let before = server
        .admin_client(KEY)
        .await
        .status(pb::StatusRequest {})
        .await
        .expect("status")
        .into_inner()
        .generation_id;
    assert!(common::rebuild(&server.config, &[]).status.success());
    let after = server
        .admin_client(ADMIN_KEY)
        .await
        .reload(pb::ReloadRequest {})
        .await
        .expect("reload")
        .into_inner()
        .generation_id;
    assert_ne!(before, after);
    tx.send(chunk("91234568")).await.expect("send");
    out.message()
        .await
        .expect("second chunk")
        .expect("a result");
    drop(tx);
    let summary = match out.message().await.expect("summary").and_then(|m| m.kind) {
        Some(pb::wash_stream_response::Kind::Summary(s)) => s,
        other => panic!("expected a summary, got {other:?}"),
    };
    assert_eq!(summary.generation_id, format!("{before},{after}"));
}

#[test]
fn the_audit_trail_cannot_be_cut_or_rewritten_past_a_checkpoint() {
    let (dir, config) = setup("");
    let run = |args: &[&str]| {
        vask()
            .args(args)
            .arg("--config")
            .arg(&config)
            .env("VASK_LOG", "warn")
            .output()
            .expect("run vask")
    };
    assert!(run(&["rebuild"]).status.success());
    let leads = dir.path().join("leads.csv");
    std::fs::write(&leads, "number\n91234567\n41234567\n").expect("write");
    let wash = |reference: &str| {
        let o = run(&[
            "wash",
            leads.to_str().expect("utf-8"),
            "--centre",
            "demo-centre",
            "--client",
            "acme-energy",
            "--source-reference",
            reference,
            "--out",
            dir.path().join("out.csv").to_str().expect("utf-8"),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    wash("first");
    wash("second");
    let o = run(&["audit", "checkpoint"]);
    assert!(o.status.success());
    let checkpoint = dir.path().join("checkpoint.json");
    std::fs::write(&checkpoint, &o.stdout).expect("write");
    wash("third");
    let verify = || {
        run(&[
            "audit",
            "verify",
            "--checkpoint",
            checkpoint.to_str().expect("utf-8"),
        ])
    };
    assert!(verify().status.success());

    // Cut the newest records off: the chain still holds, the checkpoint does not.
    let trail = dir.path().join("audit/audit.log");
    let text = std::fs::read_to_string(&trail).expect("trail");
    let lines: Vec<&str> = text.lines().collect();
    std::fs::write(&trail, lines[..2].join("\n") + "\n").expect("write");
    assert!(run(&["audit", "verify"]).status.success());
    let o = verify();
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("removed"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    // Edit a record: the chain breaks there.
    std::fs::write(&trail, text.replacen("\"numbers\":2", "\"numbers\":1", 1)).expect("write");
    assert!(!run(&["audit", "verify"]).status.success());
}

#[test]
fn the_demo_configuration_refuses_a_public_address() {
    let state = tempfile::tempdir().expect("tempdir");
    let o = vask()
        .args(["serve", "--listen", "0.0.0.0:0", "--state"])
        .arg(state.path())
        .env("VASK_LOG", "warn")
        .env_remove("VASK_CONFIG")
        .output()
        .expect("run vask serve");
    assert!(!o.status.success());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("loopback") && e.contains("--config"), "{e}");
}

#[tokio::test(flavor = "multi_thread")]
async fn another_centres_free_text_and_counts_stay_its_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let server = Server::start(&common::write_shared_client_config(dir.path(), &catalog));
    let client_list = |actor: &str, reason: &str| pb::ReservationRequest {
        list: Some(pb::reservation_request::List::ClientId(
            "acme-energy".into(),
        )),
        number: "98000021".into(),
        actor: actor.into(),
        reason: reason.into(),
    };
    // The partner centre's agent writes health data into the reason.
    server
        .registry_client(PARTNER_KEY)
        .await
        .add_reservation(client_list(
            "agent-kari",
            "she said: I have cancer, never call",
        ))
        .await
        .expect("partner add");
    server
        .registry_client(PARTNER_KEY)
        .await
        .add_reservation(pb::ReservationRequest {
            list: Some(pb::reservation_request::List::Centre(true)),
            ..client_list("agent-kari", "")
        })
        .await
        .expect("partner centre add");
    server
        .registry_client(KEY)
        .await
        .add_reservation(client_list("agent-ola", "asked us too"))
        .await
        .expect("own add");

    let explain = |key: &'static str| {
        let server = &server;
        async move {
            server
                .wash_client(key)
                .await
                .explain(pb::ExplainRequest {
                    client_id: "acme-energy".into(),
                    campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Unspecified, ""),
                    number: "98000021".into(),
                    ..Default::default()
                })
                .await
                .expect("explain")
                .into_inner()
        }
    };
    let e = explain(KEY).await;
    let text = format!("{:?}", e);
    assert!(
        !text.contains("cancer") && !text.contains("agent-kari"),
        "{text}"
    );
    let theirs: Vec<&pb::HistoryEntry> = e.history.iter().filter(|h| h.other_centre).collect();
    assert_eq!(theirs.len(), 1, "{:?}", e.history);
    assert!(theirs[0].actor.is_empty() && theirs[0].reason.is_empty());
    assert!(theirs[0].at.is_some() && theirs[0].source == "api" && theirs[0].added);
    assert!(
        e.history
            .iter()
            .any(|h| !h.other_centre && h.actor == "agent-ola")
    );
    // The partner's own centre list is not this centre's business at all.
    assert!(e.history.iter().all(|h| h.list != "centre:partner-centre"));

    // Status counts only what the caller may see.
    let status = |key: &'static str| {
        let server = &server;
        async move {
            server
                .admin_client(key)
                .await
                .status(pb::StatusRequest {})
                .await
                .expect("status")
                .into_inner()
        }
    };
    let own = status(KEY).await;
    // One number with a live change on the shared client list; the partner also has one on
    // its own centre list.
    assert_eq!(own.live_operations, 1, "not the partner's own list");
    assert_eq!(own.journal_seq, 0);
    assert_eq!(status(PARTNER_KEY).await.live_operations, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn excess_load_is_shed_with_a_retry_hint_never_with_oom() {
    let (_dir, config) = setup(
        "[limits]\nmax_in_flight = 2\nmax_request_bytes_in_flight = 4000000\nkey_rate_per_second = 1000",
    );
    let server = Server::start(&config);
    // Twenty concurrent large person washes (about 1.3 MB each) against room for three.
    let person = pb::Person {
        given_names: "Kari".into(),
        surname: "Nordmann".into(),
        street: "Storgata 12 B".into(),
        postcode: "0150".into(),
        ..Default::default()
    };
    let big = pb::WashRequest {
        persons: vec![person; 30_000],
        numbers: vec!["41234567".into(); 30_000],
        ..wash_request("acme-energy", &[])
    };
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let mut client = server.wash_client(KEY).await;
        let req = big.clone();
        tasks.push(tokio::spawn(async move { client.wash(req).await }));
    }
    let (mut ok, mut shed) = (0, 0);
    for t in tasks {
        match t.await.expect("task") {
            Ok(r) => {
                assert_eq!(r.into_inner().verdicts.len(), 30_000);
                ok += 1;
            }
            Err(e) => {
                assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
                assert!(e.metadata().get("retry-after-ms").is_some(), "{e:?}");
                assert!(e.message().contains("retry"), "{}", e.message());
                shed += 1;
            }
        }
    }
    assert!(ok >= 1 && shed >= 1, "{ok} admitted, {shed} shed");
    // Health checks and the next request after the storm are answered.
    let r = server
        .wash_client(KEY)
        .await
        .wash(wash_request("acme-energy", &["91234567"]))
        .await
        .expect("after the storm");
    assert_eq!(r.into_inner().verdicts.len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_over_its_rate_is_told_when_to_retry() {
    let (_dir, config) = setup("[limits]\nkey_rate_per_second = 5");
    let server = Server::start(&config);
    let mut client = server.wash_client(KEY).await;
    let mut shed = None;
    for _ in 0..30 {
        if let Err(e) = client
            .wash(wash_request("acme-energy", &["91234567"]))
            .await
        {
            shed = Some(e);
            break;
        }
    }
    let e = shed.expect("shed within 30 requests at 5/s with a burst of 10");
    assert_eq!(e.code(), Code::ResourceExhausted);
    let retry: u64 = e
        .metadata()
        .get("retry-after-ms")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("retry-after-ms");
    assert!(retry > 0 && retry <= 200, "{retry}");
    // Another centre's key is not slowed by it.
    server
        .wash_client(common::OTHER_KEY)
        .await
        .wash(wash_request("other-client", &["91234567"]))
        .await
        .expect("other key");
}

/// A key that adds one number again and again cannot make its Explain slow or too large to
/// answer: the newest 100 history entries are shown, with the count of older ones.
#[tokio::test(flavor = "multi_thread")]
async fn explain_shows_the_newest_history_of_a_number_added_many_times() {
    let (_dir, config) = setup("");
    let server = Server::start(&config);
    let mut reg = server.registry_client(KEY).await;
    let requests: Vec<pb::ReservationRequest> = (0..130)
        .map(|i| pb::ReservationRequest {
            list: Some(pb::reservation_request::List::Centre(true)),
            number: "98000021".into(),
            actor: format!("agent-{i}"),
            reason: String::new(),
        })
        .collect();
    let mut out = reg
        .add_reservations(tokio_stream::iter(requests))
        .await
        .expect("stream")
        .into_inner();
    let mut acknowledged = 0;
    while let Some(r) = out.message().await.expect("message") {
        assert_eq!(r.error_code, "", "{}", r.error);
        acknowledged += 1;
    }
    assert_eq!(acknowledged, 130);
    let e = server
        .wash_client(KEY)
        .await
        .explain(pb::ExplainRequest {
            client_id: "acme-energy".into(),
            campaign: campaign(pb::Purpose::Sales, pb::CallerKind::Unspecified, ""),
            number: "98000021".into(),
            ..Default::default()
        })
        .await
        .expect("explain")
        .into_inner();
    assert_eq!(e.history.len(), 100);
    assert_eq!(e.history_omitted, 30);
    // The newest, in order: agent-30 … agent-129.
    assert_eq!(e.history[0].actor, "agent-30");
    assert_eq!(e.history[99].actor, "agent-129");
    assert!(!e.allowed);
}
