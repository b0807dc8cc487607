//! Imports, the rebuild job and lead files, through the real `vask` binary: malformed
//! deliveries refused with line numbers and nothing applied, the shrink guard, a crash in the
//! middle of an import, rollback, the delimiter of a lead file sniffed, and the whole path
//! import → rebuild → hot swap of the running server → wash of a lead file through the server.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use common::{KEY, Server, copy_sample, rebuild, vask, write_config};

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let catalog = copy_sample(dir.path());
    let config = write_config(dir.path(), &catalog, "");
    (dir, config)
}

fn import(config: &Path, kind: &str, args: &[&str], file: &Path) -> Output {
    vask()
        .args(["import", kind])
        .args(args)
        .arg(file)
        .arg("--config")
        .arg(config)
        .env("VASK_LOG", "warn")
        .output()
        .expect("run vask import")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(path: &Path, bytes: &[u8]) -> PathBuf {
    std::fs::write(path, bytes).expect("write");
    path.to_path_buf()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

fn wash_file(config: &Path, leads: &Path, extra: &[&str]) -> (Output, String) {
    let out = leads.with_extension("washed.csv");
    let o = vask()
        .args(["wash", "--client", "acme-energy", "--category", "power"])
        .args(["--source-reference", "integration test leads", "--config"])
        .arg(config)
        .arg("--out")
        .arg(&out)
        .args(extra)
        .arg(leads)
        .env("VASK_LOG", "warn")
        .output()
        .expect("run vask wash");
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    (o, text)
}

/// The verdict column of the row whose first field is `id`.
fn verdict(washed: &str, id: &str) -> String {
    washed
        .lines()
        .find(|l| l.split(',').next() == Some(id))
        .unwrap_or_else(|| panic!("no row {id} in {washed}"))
        .split(',')
        .rev()
        .nth(2)
        .expect("verdict column")
        .to_owned()
}

#[test]
fn malformed_deliveries_are_refused_with_line_numbers_and_nothing_is_applied() {
    let (dir, config) = setup();
    let d = dir.path();
    // The list shrinks from one delivery to the next here; the shrink guard has its own test.
    let dnc = [
        "--client",
        "acme-energy",
        "--source-reference",
        "Acme opt-outs",
        "--min-percent",
        "0",
    ];
    let sidecar = d.join("data/clients/acme-energy/dnc.csv.import.json");

    let bad_numbers = write(
        &d.join("bad.csv"),
        b"number,added\n+4791111111,2026-11-01\n12,2026-11-01\n+4792222222,2026-11-01\nnot a number,\n",
    );
    let o = import(&config, "client-dnc", &dnc, &bad_numbers);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("line 3") && e.contains("line 5"), "{e}");
    assert!(e.contains("2 bad rows"), "{e}");
    assert!(!sidecar.exists(), "nothing may be applied");

    // With a threshold the good rows go in and the bad ones are reported.
    let o = import(
        &config,
        "client-dnc",
        &[&dnc[..], &["--max-errors", "2", "--json"]].concat(),
        &bad_numbers,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("line 3"), "{}", stderr(&o));
    assert!(sidecar.exists());

    let wrong_header = write(&d.join("header.csv"), b"telefon,added\n+4791111111,\n");
    let e = stderr(&import(&config, "client-dnc", &dnc, &wrong_header));
    assert!(
        e.contains("no column \"number\"") && e.contains("telefon"),
        "{e}"
    );
    // …which a column mapping fixes.
    let o = import(
        &config,
        "client-dnc",
        &[&dnc[..], &["--column", "number=telefon"]].concat(),
        &wrong_header,
    );
    assert!(o.status.success(), "{}", stderr(&o));

    let latin1 = write(
        &d.join("latin1.csv"),
        b"number,added\n+4791111111,2026-11-01\n\xe6\xf8\xe5,\n",
    );
    let e = stderr(&import(&config, "client-dnc", &dnc, &latin1));
    assert!(e.contains("line 3") && e.contains("UTF-8"), "{e}");

    let mut gz = gzip(b"number,added\n+4791111111,2026-11-01\n+4791111112,2026-11-01\n");
    gz.truncate(gz.len() - 12);
    let truncated = write(&d.join("cut.csv.gz"), &gz);
    let e = stderr(&import(&config, "client-dnc", &dnc, &truncated));
    assert!(e.contains("cut.csv.gz"), "{e}");

    // Duplicate rows are not an error; the number is on the list once.
    let dupes = write(
        &d.join("dupes.csv.gz"),
        &gzip(b"\xEF\xBB\xBFnumber;added\n+4791111111;2026-11-01\n91111111;2026-11-02\n"),
    );
    let o = import(&config, "client-dnc", &dnc, &dupes);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = rebuild(&config, &["--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let store = vask::generation::store::Store::new(d.join("store")).expect("store");
    let g =
        vask::generation::Generation::open(&store.current_dir().expect("current")).expect("open");
    let acme = g
        .manifest()
        .lists
        .iter()
        .find(|l| l.owner == "acme-energy" && l.kind == vask::generation::ListKind::ClientDnc)
        .expect("acme dnc");
    assert_eq!(acme.count, 1);
    assert_eq!(acme.source_reference, "Acme opt-outs");
}

#[test]
fn a_suspiciously_small_snapshot_is_refused_unless_forced() {
    let (dir, config) = setup();
    let d = dir.path();
    let small = write(
        &d.join("register.csv"),
        b"number,telephone,voluntary\n91234567,1,0\n",
    );
    let args = ["--source-reference", "Brreg full delivery"];
    let o = import(&config, "national", &args, &small);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("1 rows") && e.contains("unblock"), "{e}");
    assert!(!d.join("data/national/register.csv.import.json").exists());

    let o = import(
        &config,
        "national",
        &[&args[..], &["--force", "--snapshot-date", "2026-11-20"]].concat(),
        &small,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // With no generation yet, the rebuild has nothing to compare with and publishes.
    let first = rebuild(&config, &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let catalog = vask::sources::Catalog::load(&d.join("data/catalog.toml")).expect("catalog");
    assert_eq!(
        catalog.national.snapshot_date,
        vask::sources::SnapshotDate::Fixed(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())
    );
    assert_eq!(
        catalog.national.source.source_reference,
        "Brreg full delivery"
    );
}

#[test]
fn rebuild_guard_refuses_a_shrunk_snapshot_against_the_serving_generation() {
    let (dir, config) = setup();
    let d = dir.path();
    assert!(rebuild(&config, &[]).status.success());
    let small = write(&d.join("small.csv"), b"number,telephone\n91234567,1\n");
    let o = import(
        &config,
        "national",
        &["--force", "--source-reference", "x"],
        &small,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = rebuild(&config, &[]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
}

#[test]
fn a_crash_before_the_switch_leaves_the_previous_version_current() {
    let (dir, config) = setup();
    let d = dir.path();
    let first = write(
        &d.join("one.csv"),
        b"number,added\n+4791111111,2026-11-01\n",
    );
    let o = import(
        &config,
        "client-dnc",
        &["--client", "acme-energy", "--source-reference", "first"],
        &first,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let second = write(
        &d.join("two.csv"),
        b"number,added\n+4792222222,2026-11-01\n",
    );
    let o = vask()
        .args([
            "import",
            "client-dnc",
            "--client",
            "acme-energy",
            "--source-reference",
            "second",
            "--config",
        ])
        .arg(&config)
        .arg(&second)
        .env("VASK_FAIL_AT", "import-before-rename")
        .output()
        .expect("import");
    assert!(!o.status.success());
    let catalog = vask::sources::Catalog::load(&d.join("data/catalog.toml")).expect("catalog");
    let acme = catalog
        .clients
        .iter()
        .find(|c| c.id.as_str() == "acme-energy")
        .and_then(|c| c.dnc.clone())
        .expect("acme dnc");
    assert_eq!(acme.source_reference, "first");
    let text = std::fs::read_to_string(catalog.path(&acme)).expect("data file");
    assert!(text.contains("4791111111") && !text.contains("4792222222"));
}

#[test]
fn national_delta_adds_and_removes_numbers() {
    let (dir, config) = setup();
    let d = dir.path();
    let delta = write(
        &d.join("delta.csv"),
        b"number,action,voluntary\n+4791234567,remove,\n+4798765432,add,1\n12,add,\n",
    );
    let args = ["--source-reference", "Brreg delta 2026-11-21"];
    let o = import(&config, "national-delta", &args, &delta);
    assert!(!o.status.success(), "a bad row refuses the whole delta");
    assert!(stderr(&o).contains("line 4"), "{}", stderr(&o));
    let delta = write(
        &d.join("delta.csv"),
        b"number,action,voluntary\n+4791234567,remove,\n+4798765432,add,1\n",
    );
    let o = import(&config, "national-delta", &args, &delta);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(rebuild(&config, &[]).status.success());
    let store = vask::generation::store::Store::new(d.join("store")).expect("store");
    let g =
        vask::generation::Generation::open(&store.current_dir().expect("current")).expect("open");
    assert!(!g.national.contains(4791234567), "removed by the delta");
    assert!(g.national.contains(4798765432), "added by the delta");
    assert!(g.national_voluntary.contains(4798765432));
    assert!(g.national.contains(4794567890), "untouched numbers stay");
}

#[test]
fn rollback_makes_the_previous_generation_current() {
    let (dir, config) = setup();
    let d = dir.path();
    assert!(rebuild(&config, &[]).status.success());
    let store = vask::generation::store::Store::new(d.join("store")).expect("store");
    let first = store.current_id().expect("current");
    std::thread::sleep(Duration::from_millis(5));
    assert!(rebuild(&config, &[]).status.success());
    let second = store.current_id().expect("current");
    assert_ne!(first, second);
    let o = vask()
        .args(["rollback", "--config"])
        .arg(&config)
        .output()
        .expect("rollback");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(store.current_id().expect("current"), first);
    let o = vask()
        .args(["rollback", "--to", "no-such", "--config"])
        .arg(&config)
        .output()
        .expect("rollback");
    assert!(!o.status.success());
    assert!(stderr(&o).contains(&second), "{}", stderr(&o));
}

#[test]
fn wash_sniffs_the_delimiter_of_a_lead_file() {
    let (dir, config) = setup();
    let d = dir.path();
    assert!(rebuild(&config, &[]).status.success());
    // A semicolon file (as spreadsheets in Norway export), gzipped, without --delimiter.
    let leads = write(
        &d.join("leads-semicolon.csv.gz"),
        &gzip(b"id;phone;name\n1;+47 955 55 556;Kari\n2;91234567;Ola\n"),
    );
    let in_process = ["--centre", "demo-centre"];
    let (o, washed) = wash_file(&config, &leads, &in_process);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(verdict(&washed, "1"), "allowed");
    assert_eq!(verdict(&washed, "2"), "blocked");
    assert!(washed.contains("Kari"), "{washed}");
    // A delimiter given wins over the sniffed one.
    let (o, _) = wash_file(
        &config,
        &leads,
        &[&in_process[..], &["--delimiter", ","]].concat(),
    );
    assert!(
        !o.status.success(),
        "no phone column when ',' splits nothing"
    );
    assert!(stderr(&o).contains("--number-column"), "{}", stderr(&o));
}

#[test]
fn import_rebuild_hot_swap_and_wash_a_lead_file_through_the_server() {
    let (dir, config) = setup();
    let d = dir.path();
    let server = Server::start(&config);
    let leads = write(
        &d.join("leads.csv"),
        b"id,phone,name\n1,+47 955 55 556,Kari\n2,91234567,Ola\n3,,Nobody\n4,0047 40000000,Per\n",
    );
    let via_server = ["--server", &server.url(), "--key", KEY];
    let (o, washed) = wash_file(&config, &leads, &via_server);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(verdict(&washed, "1"), "allowed");
    assert_eq!(verdict(&washed, "2"), "blocked");
    assert_eq!(
        verdict(&washed, "3"),
        "blocked",
        "an empty number is reported, not dropped"
    );
    assert!(washed.contains("Kari"), "other columns pass through");

    // A new opt-out arrives as a client list delivery; the nightly job publishes it.
    let dnc = write(
        &d.join("optouts.csv"),
        b"number,added\n+4795555556,2026-11-21\n+4793456789,2026-01-01\n",
    );
    let o = import(
        &config,
        "client-dnc",
        &[
            "--client",
            "acme-energy",
            "--source-reference",
            "Acme opt-outs 2026-11-21",
        ],
        &dnc,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = rebuild(&config, &["--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let id = report["generation"].as_str().expect("id").to_owned();

    // The server notices the new generation by itself.
    let deadline = Instant::now() + Duration::from_secs(20);
    // One wash per try: its summary names the generation its verdicts came from.
    let washed = loop {
        let (o, washed) = wash_file(&config, &leads, &[&via_server[..], &["--json"]].concat());
        assert!(o.status.success(), "{}", stderr(&o));
        let summary: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json summary");
        if summary["generation"] == id {
            break washed;
        }
        assert!(Instant::now() < deadline, "server never swapped to {id}");
        std::thread::sleep(Duration::from_millis(300));
    };
    let row1 = washed.lines().find(|l| l.starts_with("1,")).expect("row 1");
    assert!(
        row1.contains("blocked") && row1.contains("client_list"),
        "{row1}"
    );

    // The proof of wash is in the server's audit trail, one record per file.
    let audit = vask()
        .args(["audit", "list", "--config"])
        .arg(&config)
        .output()
        .expect("audit");
    let text = String::from_utf8_lossy(&audit.stdout);
    assert!(text.contains("integration test leads"), "{text}");
}
