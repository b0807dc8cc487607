//! Real-time opt-outs through the real server: immediate effect, authorisation, durability
//! across `kill -9` in the middle of concurrent adds, and adds during a rebuild that are
//! neither lost nor duplicated.

mod common;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{ADMIN_KEY, KEY, OTHER_KEY, Server, copy_sample, rebuild, write_config};
use tonic::Code;
use vask::service::pb;

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(dir.path(), &catalog, "");
    (dir, config)
}

fn centre_add(number: &str) -> pb::ReservationRequest {
    pb::ReservationRequest {
        list: Some(pb::reservation_request::List::Centre(true)),
        number: number.into(),
        actor: "agent-17".into(),
        reason: "asked never to be called again".into(),
    }
}

fn client_add(client: &str, number: &str) -> pb::ReservationRequest {
    pb::ReservationRequest {
        list: Some(pb::reservation_request::List::ClientId(client.into())),
        ..centre_add(number)
    }
}

/// Verdict codes for E.164 numbers, washed for acme-energy (sales, power).
async fn wash(server: &Server, numbers: &[u64]) -> Vec<u32> {
    let mut client = server.wash_client(KEY).await;
    let mut verdicts = Vec::with_capacity(numbers.len());
    for chunk in numbers.chunks(50_000) {
        let r = client
            .wash(pb::WashRequest {
                e164: chunk.to_vec(),
                ..common::wash_request("acme-energy", &[])
            })
            .await
            .expect("wash")
            .into_inner();
        verdicts.extend(r.verdicts);
    }
    verdicts
}

const CENTRE: u32 = pb::ReasonBit::CentreList as u32;
const CLIENT: u32 = pb::ReasonBit::ClientList as u32;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_acknowledged_opt_out_blocks_at_once_and_only_the_right_keys_may_change_lists() {
    let (_dir, config) = setup();
    let server = Server::start(&config);
    let mut reg = server.registry_client(KEY).await;

    assert_eq!(wash(&server, &[4798000001]).await, vec![0]);
    let r = reg
        .add_reservation(centre_add("980 00 001"))
        .await
        .expect("add")
        .into_inner();
    assert_eq!(r.normalised, "+4798000001");
    assert!(r.seq > 0);
    // Read-your-writes: the very next wash, on another connection, blocks it.
    assert_eq!(wash(&server, &[4798000001]).await, vec![CENTRE]);

    reg.add_reservation(client_add("acme-energy", "+4798000002"))
        .await
        .expect("client add");
    assert_eq!(wash(&server, &[4798000002]).await, vec![CLIENT]);

    // Authorisation: a client of another centre, no key, a wrong key.
    let e = reg
        .add_reservation(client_add("other-client", "+4798000003"))
        .await
        .expect_err("other centre's client");
    assert_eq!(e.code(), Code::PermissionDenied);
    let mut other = server.registry_client(OTHER_KEY).await;
    let e = other
        .add_reservation(client_add("acme-energy", "+4798000003"))
        .await
        .expect_err("acme is not other-centre's client");
    assert_eq!(e.code(), Code::PermissionDenied);
    let mut anonymous = server.registry_client("").await;
    let e = anonymous
        .add_reservation(centre_add("+4798000003"))
        .await
        .expect_err("no key");
    assert_eq!(e.code(), Code::Unauthenticated);
    // other-centre's own list is its own: adding there does not block for demo-centre.
    other
        .add_reservation(centre_add("+4798000004"))
        .await
        .expect("other centre's own list");
    assert_eq!(wash(&server, &[4798000004]).await, vec![0]);

    // Bad requests name the field.
    let e = reg
        .add_reservation(centre_add("12"))
        .await
        .expect_err("invalid number");
    assert_eq!(e.code(), Code::InvalidArgument);
    assert!(e.message().starts_with("number"), "{}", e.message());
    let e = reg
        .add_reservation(pb::ReservationRequest {
            actor: String::new(),
            ..centre_add("+4798000005")
        })
        .await
        .expect_err("no actor");
    assert!(e.message().starts_with("actor"), "{}", e.message());

    // Removal: needs a reason, and (by default) an admin key.
    let e = reg
        .remove_reservation(centre_add("+4798000001"))
        .await
        .expect_err("not admin");
    assert_eq!(e.code(), Code::PermissionDenied);
    let mut admin = server.registry_client(ADMIN_KEY).await;
    let e = admin
        .remove_reservation(pb::ReservationRequest {
            reason: String::new(),
            ..centre_add("+4798000001")
        })
        .await
        .expect_err("no reason");
    assert_eq!(e.code(), Code::InvalidArgument);
    admin
        .remove_reservation(pb::ReservationRequest {
            actor: "compliance".into(),
            reason: "added to the wrong number by mistake".into(),
            ..centre_add("+4798000001")
        })
        .await
        .expect("remove");
    assert_eq!(wash(&server, &[4798000001]).await, vec![0]);

    // Explain shows the history: who, when, why, which list.
    let mut w = server.wash_client(KEY).await;
    let ex = w
        .explain(pb::ExplainRequest {
            client_id: "acme-energy".into(),
            campaign: common::campaign(pb::Purpose::Sales, pb::CallerKind::Business, "power"),
            number: "+4798000001".into(),
            at: None,
            ..Default::default()
        })
        .await
        .expect("explain")
        .into_inner();
    let h: Vec<(bool, &str, &str)> = ex
        .history
        .iter()
        .map(|h| (h.added, h.actor.as_str(), h.reason.as_str()))
        .collect();
    assert_eq!(
        h,
        vec![
            (true, "agent-17", "asked never to be called again"),
            (false, "compliance", "added to the wrong number by mistake"),
        ]
    );
    assert!(ex.history.iter().all(|e| e.list == "centre:demo-centre"));

    // Bulk: one answer per entry, invalid ones with a reason, valid ones applied.
    let entries = vec![
        centre_add("+4798000010"),
        centre_add("not a number"),
        client_add("acme-energy", "+4798000011"),
    ];
    let mut answers = reg
        .add_reservations(tokio_stream::iter(entries))
        .await
        .expect("bulk")
        .into_inner();
    let mut got = Vec::new();
    while let Some(a) = answers.message().await.expect("answer") {
        got.push(a);
    }
    assert_eq!(got.len(), 3);
    assert!(got[0].seq > 0 && got[0].error.is_empty());
    assert_eq!(got[1].seq, 0);
    assert!(got[1].error.starts_with("number"), "{}", got[1].error);
    assert!(got[2].seq > got[0].seq);
    assert_eq!(
        wash(&server, &[4798000010, 4798000011]).await,
        vec![CENTRE, CLIENT]
    );

    // `vask audit opt-outs` shows the same trail.
    let out = common::vask()
        .args(["audit", "opt-outs", "--config"])
        .arg(&config)
        .output()
        .expect("audit");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.contains("remove centre:demo-centre +4798000001")
                && l.contains("compliance")
                && l.contains("wrong number")),
        "{text}"
    );
}

/// Adds unique numbers from `tasks` concurrent clients until stopped; returns the numbers whose
/// add was acknowledged.
fn spawn_adders(
    server: &Server,
    rt: &tokio::runtime::Handle,
    base: u64,
    tasks: u64,
) -> (
    Arc<Mutex<BTreeSet<u64>>>,
    Arc<std::sync::atomic::AtomicBool>,
) {
    let acked = Arc::new(Mutex::new(BTreeSet::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let url = server.url();
    for t in 0..tasks {
        let acked = acked.clone();
        let stop = stop.clone();
        let url = url.clone();
        rt.spawn(async move {
            let Ok(channel) = tonic::transport::Channel::from_shared(url)
                .expect("url")
                .connect()
                .await
            else {
                return;
            };
            let mut reg = pb::registry_service_client::RegistryServiceClient::with_interceptor(
                channel,
                common::Auth::new(KEY),
            );
            for i in 0.. {
                if stop.load(std::sync::atomic::Ordering::Relaxed) {
                    return;
                }
                let n = base + t * 100_000 + i;
                match reg.add_reservation(centre_add(&format!("+{n}"))).await {
                    Ok(_) => {
                        acked.lock().expect("lock").insert(n);
                    }
                    Err(_) => return, // the server was killed
                }
            }
        });
    }
    (acked, stop)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_adds_survive_sigkill_in_the_middle_of_concurrent_adds() {
    let (_dir, config) = setup();
    let rt = tokio::runtime::Handle::current();
    let mut all_acked = BTreeSet::new();
    for round in 0..6u64 {
        let mut server = Server::start(&config);
        // Everything acknowledged in earlier rounds is still blocked after the restart.
        let before: Vec<u64> = all_acked.iter().copied().collect();
        let verdicts = wash(&server, &before).await;
        let lost = before
            .iter()
            .zip(&verdicts)
            .filter(|(_, v)| *v & CENTRE == 0)
            .count();
        assert_eq!(lost, 0, "round {round}: {lost} acknowledged adds were lost");

        let (acked, _stop) = spawn_adders(&server, &rt, 4790000000 + round * 1_600_000, 16);
        // Kill at a different moment each round, with adds in flight: once adds are being
        // acknowledged (on a loaded host the first fsyncs may take a while), then later.
        let started = Instant::now();
        while acked.lock().expect("lock").is_empty() && started.elapsed() < Duration::from_secs(30)
        {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        tokio::time::sleep(Duration::from_millis(70 * round)).await;
        server.kill9();
        tokio::time::sleep(Duration::from_millis(50)).await;
        let acked = acked.lock().expect("lock").clone();
        assert!(!acked.is_empty(), "round {round}: no add was acknowledged");
        all_acked.extend(acked);
    }
    let server = Server::start(&config);
    let all: Vec<u64> = all_acked.iter().copied().collect();
    let verdicts = wash(&server, &all).await;
    assert!(verdicts.iter().all(|v| v & CENTRE != 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adds_during_a_rebuild_are_neither_lost_nor_duplicated() {
    let (dir, config) = setup();
    assert!(rebuild(&config, &[]).status.success());
    let rt = tokio::runtime::Handle::current();
    let mut server = Server::start(&config);
    let (acked, stop) = spawn_adders(&server, &rt, 4791000000, 8);
    tokio::time::sleep(Duration::from_millis(200)).await;
    // The nightly job runs while adds keep arriving.
    let config2 = config.clone();
    let out = tokio::task::spawn_blocking(move || rebuild(&config2, &["--json"]))
        .await
        .expect("rebuild");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let id = report["generation"].as_str().expect("id").to_owned();
    tokio::time::sleep(Duration::from_millis(200)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let acked: Vec<u64> = acked.lock().expect("lock").iter().copied().collect();
    assert!(acked.len() > 20, "only {} adds", acked.len());

    // The server swaps to the new generation (and compacts the journal) by itself.
    let mut admin = server.admin_client(KEY).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let s = admin
            .status(pb::StatusRequest {})
            .await
            .expect("status")
            .into_inner();
        if s.generation_id == id {
            break;
        }
        assert!(Instant::now() < deadline, "no swap to {id}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Some adds were folded into the generation, some arrived after the journal was read.
    let store = vask::generation::store::Store::new(dir.path().join("store")).expect("store");
    let g = vask::generation::Generation::open(&store.dir(&id)).expect("open");
    let folded = g.manifest().journal_seq;
    assert!(folded > 0, "the rebuild folded no journal records");

    for restart in [false, true] {
        if restart {
            server.kill9();
            server = Server::start(&config);
        }
        let verdicts = wash(&server, &acked).await;
        let lost = verdicts.iter().filter(|v| *v & CENTRE == 0).count();
        assert_eq!(lost, 0, "restart={restart}: {lost} adds lost");
        // Each add is in the history exactly once.
        let mut w = server.wash_client(KEY).await;
        for n in acked.iter().step_by((acked.len() / 40).max(1)) {
            let ex = w
                .explain(pb::ExplainRequest {
                    client_id: "acme-energy".into(),
                    campaign: common::campaign(pb::Purpose::Sales, pb::CallerKind::Business, ""),
                    number: format!("+{n}"),
                    at: None,
                    ..Default::default()
                })
                .await
                .expect("explain")
                .into_inner();
            assert_eq!(
                ex.history.len(),
                1,
                "restart={restart}: +{n}: {:?}",
                ex.history
            );
        }
    }
}
