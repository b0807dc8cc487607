//! The generation store on disk, through the real binary: published generations are
//! read-only, and a generation changed in place under a running server (here: truncated, as a
//! careless operator or a restore script might) is refused with an error naming the file,
//! never crashed on (a truncated memory-mapped file raises SIGBUS), until another generation
//! is published.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{ADMIN_KEY, KEY, Server, copy_sample, rebuild, write_config};
use tonic::Code;
use vask::service::pb;

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(dir.path(), &catalog, "");
    (dir, config)
}

fn current_dir(store: &Path) -> PathBuf {
    let id = std::fs::read_to_string(store.join("CURRENT")).expect("CURRENT");
    store.join("generations").join(id.trim())
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("stat").permissions().mode() & 0o7777
}

#[test]
fn published_generations_are_read_only_and_still_pruned() {
    let (dir, config) = setup();
    let store = dir.path().join("store");
    for _ in 0..3 {
        let out = rebuild(&config, &["--keep", "2"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let generations: Vec<PathBuf> = std::fs::read_dir(store.join("generations"))
        .expect("ls")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(generations.len(), 2, "pruned to 2: {generations:?}");
    for generation in generations {
        assert_eq!(mode(&generation), 0o555, "{}", generation.display());
        for file in std::fs::read_dir(&generation).expect("ls") {
            let file = file.expect("entry").path();
            assert_eq!(mode(&file), 0o444, "{}", file.display());
        }
    }
}

#[test]
fn an_open_generation_finds_its_files_changed_in_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog =
        vask::sources::Catalog::load(&common::repo().join("data/catalog.toml")).expect("catalogue");
    let options = vask::build::BuildOptions {
        national_id_key: None,
        now: chrono::Utc::now(),
        max_errors: 0,
        opt_outs: Vec::new(),
    };
    vask::build::build_into(&catalog, dir.path(), "test", &options).expect("build");
    let generation = vask::generation::Generation::open(dir.path()).expect("open");
    generation.check_files().expect("intact");
    assert!(generation.damage().is_none());
    // The same length, other bytes: only the modification time tells.
    std::thread::sleep(Duration::from_millis(20));
    let path = dir.path().join("lists.fst");
    let bytes = std::fs::read(&path).expect("read");
    std::fs::write(&path, vec![0u8; bytes.len()]).expect("rewrite in place");
    let err = generation.check_files().expect_err("rewritten");
    assert!(err.to_string().contains("lists.fst"), "{err}");
    // Putting the bytes back does not make the mapping trustworthy again.
    std::fs::write(&path, &bytes).expect("restore");
    assert!(generation.check_files().is_err());
    assert!(generation.damage().is_some());
    // Opening it anew verifies it from scratch.
    vask::generation::Generation::open(dir.path()).expect("intact again");
}

fn persons() -> pb::WashRequest {
    pb::WashRequest {
        persons: vec![pb::Person {
            given_names: "Kari".into(),
            surname: "Nordmann".into(),
            street: "Storgata 12 B".into(),
            postcode: "0150".into(),
            city: "Oslo".into(),
            ..Default::default()
        }],
        ..common::wash_request("acme-energy", &[""])
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_generation_truncated_under_the_server_is_refused_not_crashed_on() {
    let (dir, config) = setup();
    let mut server = Server::start(&config);
    let mut wash = server.wash_client(KEY).await;
    let before = wash
        .wash(persons())
        .await
        .expect("person wash")
        .into_inner();
    assert_eq!(
        before.verdicts,
        [pb::ReasonBit::NationalRegister as u32 | pb::ReasonBit::PersonMatch as u32]
    );

    // Tests run as root, whom 0444 does not stop: the size check is what protects then.
    let damaged = current_dir(&dir.path().join("store"));
    std::fs::OpenOptions::new()
        .write(true)
        .open(damaged.join("person-columns.bin"))
        .expect("open for writing")
        .set_len(0)
        .expect("truncate");
    // The server notices at its next check (every 2 s, or at once on Reload or SIGHUP).
    let err = server
        .admin_client(ADMIN_KEY)
        .await
        .reload(pb::ReloadRequest {})
        .await
        .expect_err("the serving generation is damaged");
    assert!(
        err.message().contains("person-columns.bin"),
        "{}",
        err.message()
    );

    for request in [
        persons(),
        common::wash_request("acme-energy", &["91234567"]),
    ] {
        let err = wash.wash(request).await.expect_err("refused");
        assert_eq!(err.code(), Code::Unavailable, "{}", err.message());
        assert!(
            err.message().contains("person-columns.bin") && err.message().contains("rollback"),
            "{}",
            err.message()
        );
    }
    assert!(
        server.child.try_wait().expect("try_wait").is_none(),
        "the server is still running"
    );

    // Publishing another generation ends it: the server switches within 2 s.
    let out = rebuild(&config, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match wash.wash(persons()).await {
            Ok(r) => {
                assert_eq!(r.into_inner().verdicts, before.verdicts);
                break;
            }
            Err(e) if e.code() == Code::Unavailable && Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("not served again: {e}"),
        }
    }
    server.kill9();
}

/// The switch opens and verifies a generation in full: one whose file sizes differ from its
/// manifest is refused, and the server keeps the one it serves. (This held before the
/// hardening too; it is the other half of the size checks.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_generation_whose_files_differ_from_its_manifest_is_refused_at_the_switch() {
    let (dir, config) = setup();
    let server = Server::start(&config);
    let store = dir.path().join("store");
    let first = current_dir(&store);
    let out = rebuild(&config, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let second = current_dir(&store);
    let second_id = second
        .file_name()
        .expect("id")
        .to_string_lossy()
        .into_owned();
    let mut admin = server.admin_client(ADMIN_KEY).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while admin
        .status(pb::StatusRequest {})
        .await
        .expect("status")
        .into_inner()
        .generation_id
        != second_id
    {
        assert!(Instant::now() < deadline, "the server never switched");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The first generation, no longer served, cut short, and made current by hand.
    let file = first.join("person-columns.bin");
    let len = std::fs::metadata(&file).expect("stat").len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .expect("open for writing")
        .set_len(len / 2)
        .expect("truncate");
    let first_id = first
        .file_name()
        .expect("id")
        .to_string_lossy()
        .into_owned();
    std::fs::write(store.join("CURRENT"), format!("{first_id}\n")).expect("CURRENT");
    let err = admin
        .reload(pb::ReloadRequest {})
        .await
        .expect_err("refused at the switch");
    assert!(
        err.message().contains("person-columns.bin"),
        "{}",
        err.message()
    );
    let status = admin
        .status(pb::StatusRequest {})
        .await
        .expect("status")
        .into_inner();
    assert_eq!(status.generation_id, second_id);
    let r = server
        .wash_client(KEY)
        .await
        .wash(persons())
        .await
        .expect("still washing against the second")
        .into_inner();
    assert_eq!(
        r.verdicts,
        [pb::ReasonBit::NationalRegister as u32 | pb::ReasonBit::PersonMatch as u32]
    );
}
