use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

use chrono::Utc;

use super::*;

fn key() -> AuditKey {
    AuditKey::new(b"test audit key, sixteen+ bytes").unwrap()
}

fn record(id: &str) -> AuditRecord {
    AuditRecord::Wash(WashRecord {
        wash_id: id.into(),
        at: Utc::now(),
        calls_at: Utc::now(),
        via: "cli".into(),
        centre: "c".into(),
        key_id: String::new(),
        client: "k".into(),
        campaign: String::new(),
        purpose: "sales".into(),
        caller: "business".into(),
        category: String::new(),
        source_reference: "test".into(),
        calling_window: false,
        strictness: "normal".into(),
        numbers: 2,
        allowed: 1,
        counts: Default::default(),
        generation: "g".into(),
        snapshot_date: "2026-11-01".into(),
        input_sha256: InputHasher::default().finish(),
    })
}

fn ids(dir: &Path) -> Vec<String> {
    read(dir, Some(&key()))
        .unwrap()
        .into_iter()
        .map(|e| match e.record {
            AuditRecord::Wash(w) => w.wash_id,
            AuditRecord::Explain(x) => x.audit_id,
            AuditRecord::Console(c) => c.audit_id,
        })
        .collect()
}

#[test]
fn two_writers_keep_one_unbroken_chain() {
    // The server and a `vask wash` run append to the same trail.
    let dir = tempfile::tempdir().unwrap();
    let server = AuditLog::open(dir.path(), Some(&key())).unwrap();
    let cli = AuditLog::open(dir.path(), Some(&key())).unwrap();
    for i in 0..5 {
        server.append(&record(&format!("s{i}"))).unwrap();
        cli.append(&record(&format!("c{i}"))).unwrap();
    }
    let entries = read(dir.path(), Some(&key())).expect("chain intact");
    assert_eq!(entries.len(), 10);
    assert_eq!(entries[9].seq, 10);
    assert_eq!(ids(dir.path())[9], "c4");
}

#[test]
fn a_record_of_any_size_survives_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
    let mut big = record("big");
    if let AuditRecord::Wash(w) = &mut big {
        w.source_reference = "x".repeat(300_000);
    }
    log.append(&big).unwrap();
    drop(log);
    let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
    log.append(&record("after")).unwrap();
    assert_eq!(ids(dir.path()), ["big", "after"]);
}

#[test]
fn tampering_deleting_and_the_wrong_key_are_detected() {
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
    for id in ["a", "b", "c"] {
        log.append(&record(id)).unwrap();
    }
    log.sync().unwrap();
    drop(log);
    let path = dir.path().join(FILE);
    let text = std::fs::read_to_string(&path).unwrap();

    // Deleting the middle record.
    let mut lines: Vec<&str> = text.lines().collect();
    lines.remove(2);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    assert!(matches!(
        read(dir.path(), Some(&key())),
        Err(AuditError::Corrupt { line: 3, .. })
    ));

    // Editing a record and recomputing the old, unkeyed way.
    std::fs::write(&path, text.replace("\"numbers\":2", "\"numbers\":3")).unwrap();
    assert!(matches!(
        read(dir.path(), Some(&key())),
        Err(AuditError::Corrupt { line: 2, .. })
    ));

    std::fs::write(&path, &text).unwrap();
    let other = AuditKey::new(b"another key of sixteen bytes").unwrap();
    assert!(matches!(
        read(dir.path(), Some(&other)),
        Err(AuditError::WrongKey { .. })
    ));
    assert_eq!(ids(dir.path()), ["a", "b", "c"]);
}

#[test]
fn a_checkpoint_detects_truncation_and_rewriting_with_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
    for id in ["a", "b", "c"] {
        log.append(&record(id)).unwrap();
    }
    let cp = checkpoint(dir.path(), Some(&key()), Utc::now()).unwrap();
    assert_eq!(cp.seq, 3);
    log.append(&record("d")).unwrap();
    drop(log);
    assert_eq!(
        verify(dir.path(), Some(&key()), Some(&cp)).unwrap().len(),
        4
    );

    let path = dir.path().join(FILE);
    let text = std::fs::read_to_string(&path).unwrap();
    // The newest two records cut off: the chain alone cannot tell.
    let lines: Vec<&str> = text.lines().collect();
    std::fs::write(&path, lines[..3].join("\n") + "\n").unwrap();
    assert!(read(dir.path(), Some(&key())).is_ok());
    let e = verify(dir.path(), Some(&key()), Some(&cp)).unwrap_err();
    assert!(e.to_string().contains("removed"), "{e}");

    // Rewritten by someone with the key: a record edited and the chain recomputed.
    std::fs::remove_file(&path).unwrap();
    let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
    for id in ["a", "B", "c", "d"] {
        log.append(&record(id)).unwrap();
    }
    drop(log);
    assert!(read(dir.path(), Some(&key())).is_ok());
    let e = verify(dir.path(), Some(&key()), Some(&cp)).unwrap_err();
    assert!(e.to_string().contains("rewritten"), "{e}");

    // A forged checkpoint.
    let mut forged = cp.clone();
    forged.seq = 1;
    let e = verify(dir.path(), Some(&key()), Some(&forged)).unwrap_err();
    assert!(e.to_string().contains("signature"), "{e}");
}

#[test]
fn a_failed_append_leaves_no_torn_record_between_whole_ones() {
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
    log.append(&record("a")).unwrap();
    crate::faults::arm(crate::faults::Point::AuditAppend, &dir.path().join(FILE));
    assert!(log.append(&record("lost")).is_err());
    log.append(&record("b")).unwrap();
    assert_eq!(ids(dir.path()), ["a", "b"]);

    // A crash mid-write (a torn last line) is cut off before the next append.
    drop(log);
    let path = dir.path().join(FILE);
    let mut f = OpenOptions::new().append(true).open(&path).unwrap();
    f.write_all(b"3 0000 {\"kind\":\"wash\",").unwrap();
    drop(f);
    let other_writer = AuditLog::open(dir.path(), Some(&key())).unwrap();
    other_writer.append(&record("c")).unwrap();
    assert_eq!(ids(dir.path()), ["a", "b", "c"]);
}

#[test]
fn a_trail_of_the_first_format_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE), "0000 {\"wash_id\":\"old\"}\n").unwrap();
    let log = AuditLog::open(dir.path(), Some(&key())).unwrap();
    log.append(&record("new")).unwrap();
    assert_eq!(ids(dir.path()), ["new"]);
    assert!(dir.path().join("audit.v1.log").exists());
}

#[test]
fn without_a_configured_key_one_is_kept_beside_the_trail() {
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::open(dir.path(), None).unwrap();
    log.append(&record("a")).unwrap();
    drop(log);
    assert_eq!(read(dir.path(), None).unwrap().len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(KEY_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "the key file is private");
    }
}
