//! The journal's tests: round trips, every torn length, corruption, concurrency, compaction
//! under load, injected faults and the codec's property test.

use std::collections::BTreeMap;

use super::codec::{Body, Frame, decode_header, decode_payload, encode_record, frame_at};
use super::*;
use crate::faults::Point;

fn centre(id: &str) -> InternalList {
    InternalList::Centre(crate::domain::CentreId::new(id).unwrap())
}

fn client(id: &str) -> InternalList {
    InternalList::Client(crate::domain::ClientId::new(id).unwrap())
}

fn entry(number: u64) -> Entry {
    Entry {
        list: if number.is_multiple_of(2) {
            centre("oslo-1")
        } else {
            client("kunde-1")
        },
        number,
        op: if number.is_multiple_of(3) {
            Op::Remove
        } else {
            Op::Add
        },
        actor: format!("agent-{}", number % 7),
        reason: if number.is_multiple_of(3) {
            "customer asked by phone".to_owned()
        } else {
            String::new()
        },
        at: DateTime::from_timestamp(1_790_000_000 + number as i64, 123_456_789).unwrap(),
        by: (!number.is_multiple_of(5)).then(|| crate::domain::CentreId::new("oslo-1").unwrap()),
        principal: format!("key-{}", number % 3),
    }
}

fn entries(from: u64, n: u64) -> Vec<Entry> {
    (from..from + n).map(entry).collect()
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap()
}

fn live(dir: &Path) -> PathBuf {
    dir.join(LIVE_FILE)
}

/// Copies the journal files (not the lock) of `from` into a new directory.
fn copy_journal(from: &Path, live_bytes: &[u8]) -> tempfile::TempDir {
    let to = tempfile::tempdir().unwrap();
    fs::write(to.path().join(LIVE_FILE), live_bytes).unwrap();
    let history = from.join(HISTORY_FILE);
    if history.exists() {
        fs::copy(&history, to.path().join(HISTORY_FILE)).unwrap();
    }
    to
}

fn numbers(records: &[Record]) -> Vec<u64> {
    records.iter().map(|r| r.entry.number).collect()
}

#[test]
fn round_trip_keeps_every_field_and_seq() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let (journal, recovery) = Journal::open(dir.path()).unwrap();
    assert!(recovery.records.is_empty());
    assert_eq!(recovery.dropped_tail_bytes, 0);
    let first = rt.block_on(journal.append(entries(1, 3))).unwrap();
    let second = rt.block_on(journal.append(entries(4, 2))).unwrap();
    assert_eq!(first, vec![1, 2, 3]);
    assert_eq!(second, vec![4, 5]);
    assert_eq!(journal.last_seq(), 5);
    assert!(rt.block_on(journal.append(Vec::new())).unwrap().is_empty());
    drop(journal);

    let (journal, recovery) = Journal::open(dir.path()).unwrap();
    let want: Vec<Record> = (1..=5)
        .map(|n| Record {
            seq: n,
            entry: entry(n),
        })
        .collect();
    assert_eq!(recovery.records, want);
    assert_eq!(recovery.dropped_tail_bytes, 0);
    assert_eq!(journal.history().unwrap(), want);
    assert_eq!(read_all(dir.path()).unwrap(), want);
    assert_eq!(history_of(&journal, 4), vec![want[3].clone()]);
    // A reopen never reuses a seq: a lost unsynced batch may have been read by a rebuild.
    let next = rt.block_on(journal.append(entries(6, 1))).unwrap();
    assert!(next[0] > 5 + MAX_APPEND_ENTRIES as u64, "{next:?}");
    assert_eq!(recovery.last_seq + 1, next[0]);
}

#[test]
fn torn_tail_of_every_length_is_cut_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    rt.block_on(journal.append(entries(1, 2))).unwrap();
    let after_a = fs::metadata(live(dir.path())).unwrap().len() as usize;
    rt.block_on(journal.append(entries(3, 3))).unwrap();
    drop(journal);
    let full = fs::read(live(dir.path())).unwrap();
    for cut in HEADER_LEN..full.len() {
        let copy = copy_journal(dir.path(), &full[..cut]);
        let (journal, recovery) = Journal::open(copy.path()).unwrap();
        let (want, kept_len) = if cut >= after_a {
            (vec![1, 2], after_a)
        } else {
            (vec![], HEADER_LEN)
        };
        assert_eq!(numbers(&recovery.records), want, "cut at {cut}");
        assert_eq!(
            recovery.dropped_tail_bytes,
            (cut - kept_len) as u64,
            "cut at {cut}"
        );
        // The journal goes on after the cut, and a second reopen finds no damage.
        rt.block_on(journal.append(entries(10, 1))).unwrap();
        drop(journal);
        let (_, again) = Journal::open(copy.path()).unwrap();
        assert_eq!(again.dropped_tail_bytes, 0, "cut at {cut}");
        let mut want = want;
        want.push(10);
        assert_eq!(numbers(&again.records), want, "cut at {cut}");
    }
}

#[test]
fn garbage_after_the_last_batch_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    rt.block_on(journal.append(entries(1, 2))).unwrap();
    drop(journal);
    let mut bytes = fs::read(live(dir.path())).unwrap();
    bytes.extend_from_slice(&[0u8; 4096]);
    bytes.extend_from_slice(&[0xA5; 100]);
    fs::write(live(dir.path()), &bytes).unwrap();
    let (_, recovery) = Journal::open(dir.path()).unwrap();
    assert_eq!(numbers(&recovery.records), vec![1, 2]);
    assert_eq!(recovery.dropped_tail_bytes, 4196);
}

#[test]
fn damage_in_an_acknowledged_batch_is_corruption() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    rt.block_on(journal.append(entries(1, 2))).unwrap();
    let after_a = fs::metadata(live(dir.path())).unwrap().len() as usize;
    rt.block_on(journal.append(entries(3, 2))).unwrap();
    drop(journal);
    let full = fs::read(live(dir.path())).unwrap();
    // Every byte of the first batch: a flipped bit there is refused, never dropped.
    for at in HEADER_LEN..after_a {
        let mut bytes = full.clone();
        bytes[at] ^= 0x10;
        let copy = copy_journal(dir.path(), &bytes);
        match Journal::open(copy.path()) {
            Err(JournalError::Corrupt { offset, .. }) => {
                assert!(offset >= HEADER_LEN as u64 && offset < after_a as u64);
            }
            Err(e) => panic!("byte {at}: unexpected error {e}"),
            Ok(_) => panic!("byte {at}: damaged acknowledged batch was accepted"),
        }
        assert!(matches!(
            read_all(copy.path()),
            Err(JournalError::Corrupt { .. })
        ));
        // Nothing was truncated: the evidence stays for a person to look at.
        assert_eq!(fs::read(copy.path().join(LIVE_FILE)).unwrap(), bytes);
    }
    // Damage in the last batch cannot be told from a torn write: dropped and counted.
    let mut bytes = full.clone();
    bytes[after_a + 12] ^= 0x10;
    let copy = copy_journal(dir.path(), &bytes);
    let (_, recovery) = Journal::open(copy.path()).unwrap();
    assert_eq!(numbers(&recovery.records), vec![1, 2]);
    assert_eq!(recovery.dropped_tail_bytes, (full.len() - after_a) as u64);
}

#[test]
fn damaged_header_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(Journal::open(dir.path()).unwrap());
    let mut bytes = fs::read(live(dir.path())).unwrap();
    bytes[14] ^= 1;
    fs::write(live(dir.path()), &bytes).unwrap();
    assert!(matches!(
        Journal::open(dir.path()),
        Err(JournalError::BadHeader { .. })
    ));
}

#[test]
fn concurrent_appends_are_recovered_once_in_seq_order() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    let journal = Arc::new(journal);
    let acked: BTreeMap<u64, Entry> = rt.block_on(async {
        let mut tasks = Vec::new();
        for task in 0..32u64 {
            let journal = journal.clone();
            tasks.push(tokio::spawn(async move {
                let mut acked = Vec::new();
                for i in 0..20u64 {
                    let batch = entries(task * 1_000 + i * 10, 1 + i % 3);
                    let seqs = journal.append(batch.clone()).await.unwrap();
                    assert_eq!(seqs.len(), batch.len());
                    assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1));
                    acked.extend(seqs.into_iter().zip(batch));
                }
                acked
            }));
        }
        let mut all = BTreeMap::new();
        for t in tasks {
            for (seq, e) in t.await.unwrap() {
                assert!(all.insert(seq, e).is_none(), "seq {seq} given twice");
            }
        }
        all
    });
    assert_eq!(acked.len(), 32 * (7 + 7 * 2 + 6 * 3));
    assert_eq!(journal.last_seq(), *acked.keys().last().unwrap());
    drop(journal);
    let (_, recovery) = Journal::open(dir.path()).unwrap();
    let got: Vec<(u64, Entry)> = recovery
        .records
        .into_iter()
        .map(|r| (r.seq, r.entry))
        .collect();
    assert_eq!(got, acked.into_iter().collect::<Vec<_>>());
}

#[test]
fn compaction_during_appends_loses_and_duplicates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    let journal = Arc::new(journal);
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let compacted = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (acked, folded) = rt.block_on(async {
        let mut tasks = Vec::new();
        for task in 0..16u64 {
            let journal = journal.clone();
            let compacted = compacted.clone();
            tasks.push(tokio::spawn(async move {
                let mut acked = Vec::new();
                let mut i = 0u64;
                // Appends go on until every compaction has finished (bounded, so a failing
                // compactor fails the test instead of hanging it).
                while i < 5 || (!compacted.load(Ordering::Acquire) && i < 20_000) {
                    let batch = entries(task * 1_000_000 + i * 10, 1 + i % 2);
                    let seqs = journal.append(batch.clone()).await.unwrap();
                    acked.extend(seqs.into_iter().zip(batch));
                    i += 1;
                }
                acked
            }));
        }
        // An offline reader (the rebuild) reading over and over while appends and
        // compactions run: never an error, never a duplicate or out-of-order seq.
        let reader = {
            let dir = journal.dir().to_path_buf();
            let stop = stop.clone();
            tokio::task::spawn_blocking(move || {
                let mut reads = 0;
                let mut longest = 0;
                while !stop.load(Ordering::Acquire) {
                    let records = read_all(&dir).unwrap();
                    assert!(records.windows(2).all(|w| w[0].seq < w[1].seq));
                    assert!(records.len() >= longest, "a reader lost records");
                    longest = records.len();
                    reads += 1;
                }
                reads
            })
        };
        let compactor = {
            let journal = journal.clone();
            let compacted = compacted.clone();
            tokio::task::spawn_blocking(move || {
                let mut folded = 0;
                let mut during = 0;
                for _ in 0..8 {
                    std::thread::sleep(std::time::Duration::from_millis(15));
                    folded = journal.last_seq();
                    let stats = journal.compact(folded).unwrap();
                    during += stats.appended_during;
                    // The live journal now starts after the folded seq.
                    let bytes = fs::read(journal.dir().join(LIVE_FILE)).unwrap();
                    let header = decode_header(Path::new("live"), LIVE_MAGIC, &bytes).unwrap();
                    assert_eq!(header.base_seq, folded);
                }
                compacted.store(true, Ordering::Release);
                (folded, during)
            })
        };
        let mut all = BTreeMap::new();
        for t in tasks {
            for (seq, e) in t.await.unwrap() {
                assert!(all.insert(seq, e).is_none());
            }
        }
        let (folded, during) = compactor.await.unwrap();
        assert!(during > 0, "no append ran during a compaction");
        stop.store(true, Ordering::Release);
        assert!(reader.await.unwrap() > 0);
        (all, folded)
    });
    assert!(folded > 0);
    // While the writer is open, a second reader sees exactly the acknowledged records.
    let want: Vec<(u64, Entry)> = acked.clone().into_iter().collect();
    let pairs = |rs: Vec<Record>| -> Vec<(u64, Entry)> {
        rs.into_iter().map(|r| (r.seq, r.entry)).collect()
    };
    assert_eq!(pairs(read_all(dir.path()).unwrap()), want);
    drop(journal);

    let (journal, recovery) = Journal::open(dir.path()).unwrap();
    let live_want: Vec<(u64, Entry)> = want.iter().filter(|(s, _)| *s > folded).cloned().collect();
    assert_eq!(pairs(recovery.records), live_want);
    assert_eq!(pairs(journal.history().unwrap()), want);
    assert_eq!(pairs(read_live(dir.path(), folded).unwrap()), live_want);
    assert_eq!(pairs(read_live(dir.path(), 0).unwrap()), want);
}

#[test]
fn failed_hand_over_leaves_a_usable_journal() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    rt.block_on(journal.append(entries(1, 4))).unwrap();
    journal.inject(Point::JournalRename);
    // The archive append succeeds, the hand-over fails: as a crash between those steps.
    assert!(journal.compact(2).is_err());
    assert!(!dir.path().join("live.journal.tmp").exists());
    assert!(!journal.is_failed());
    rt.block_on(journal.append(entries(5, 1))).unwrap();
    assert_eq!(numbers(&read_all(dir.path()).unwrap()), vec![1, 2, 3, 4, 5]);
    // A retry does not archive seqs 1 and 2 a second time.
    let stats = journal.compact(3).unwrap();
    assert_eq!(stats.archived, 1);
    assert_eq!(numbers(&journal.history().unwrap()), vec![1, 2, 3, 4, 5]);
    drop(journal);
    let (journal, recovery) = Journal::open(dir.path()).unwrap();
    assert_eq!(numbers(&recovery.records), vec![4, 5]);
    assert_eq!(numbers(&journal.history().unwrap()), vec![1, 2, 3, 4, 5]);
}

#[test]
fn crash_leftovers_of_compaction_recover() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    rt.block_on(journal.append(entries(1, 3))).unwrap();
    rt.block_on(journal.append(entries(4, 3))).unwrap();
    let old_live = fs::read(live(dir.path())).unwrap();
    journal.inject(Point::JournalRename);
    assert!(journal.compact(4).is_err());
    drop(journal);
    let history = fs::read(dir.path().join(HISTORY_FILE)).unwrap();
    assert!(history.len() > HEADER_LEN, "the archive append happened");

    // Crash after the archive append and after the temp file was written, before the rename.
    fs::write(dir.path().join("live.journal.tmp"), b"half a new live file").unwrap();
    let (journal, recovery) = Journal::open(dir.path()).unwrap();
    assert!(!dir.path().join("live.journal.tmp").exists());
    assert_eq!(numbers(&recovery.records), vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(recovery.dropped_history_bytes, 0);
    assert_eq!(numbers(&journal.history().unwrap()), vec![1, 2, 3, 4, 5, 6]);
    drop(journal);

    // Crash in the middle of the archive append: every torn length is cut, nothing lost.
    let fresh = old_live.clone();
    for cut in HEADER_LEN + 1..history.len() {
        let copy = copy_journal(dir.path(), &fresh);
        let archive = copy.path().join(HISTORY_FILE);
        fs::write(&archive, &history[..cut]).unwrap();
        let (journal, recovery) = Journal::open(copy.path()).unwrap();
        assert_eq!(
            numbers(&recovery.records),
            vec![1, 2, 3, 4, 5, 6],
            "cut {cut}"
        );
        assert!(recovery.dropped_history_bytes > 0 || cut == history.len());
        journal.compact(5).unwrap();
        assert_eq!(
            numbers(&journal.history().unwrap()),
            vec![1, 2, 3, 4, 5, 6],
            "cut {cut}"
        );
        drop(journal);
        let (journal, recovery) = Journal::open(copy.path()).unwrap();
        assert_eq!(numbers(&recovery.records), vec![6], "cut {cut}");
        assert_eq!(
            numbers(&journal.history().unwrap()),
            vec![1, 2, 3, 4, 5, 6],
            "cut {cut}"
        );
    }

    // Crash after the rename, before the directory fsync: the new file is complete.
    let (journal, _) = Journal::open(dir.path()).unwrap();
    journal.compact(4).unwrap();
    drop(journal);
    let (journal, recovery) = Journal::open(dir.path()).unwrap();
    assert_eq!(numbers(&recovery.records), vec![5, 6]);
    assert_eq!(numbers(&journal.history().unwrap()), vec![1, 2, 3, 4, 5, 6]);
}

#[test]
fn a_missing_file_is_refused_not_recreated() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    rt.block_on(journal.append(entries(1, 3))).unwrap();
    journal.compact(2).unwrap();
    drop(journal);
    let live_copy = fs::read(live(dir.path())).unwrap();
    fs::remove_file(dir.path().join(HISTORY_FILE)).unwrap();
    assert!(matches!(
        Journal::open(dir.path()),
        Err(JournalError::Missing { .. })
    ));
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join(HISTORY_FILE), b"x").unwrap();
    fs::remove_file(live(dir.path())).unwrap();
    drop(live_copy);
    assert!(matches!(
        Journal::open(other.path()),
        Err(JournalError::Missing { .. })
    ));
}

#[test]
fn second_handle_reads_while_the_writer_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    assert!(read_all(dir.path()).unwrap().is_empty());
    let (journal, _) = Journal::open(dir.path()).unwrap();
    assert!(matches!(
        Journal::open(dir.path()),
        Err(JournalError::Locked { .. })
    ));
    assert!(read_live(dir.path(), 0).unwrap().is_empty());
    rt.block_on(journal.append(entries(1, 5))).unwrap();
    assert_eq!(numbers(&read_live(dir.path(), 3).unwrap()), vec![4, 5]);
    journal.compact(2).unwrap();
    rt.block_on(journal.append(entries(6, 1))).unwrap();
    assert_eq!(
        numbers(&read_all(dir.path()).unwrap()),
        vec![1, 2, 3, 4, 5, 6]
    );
    assert_eq!(
        numbers(&read_live(dir.path(), 1).unwrap()),
        vec![2, 3, 4, 5, 6]
    );
    assert_eq!(numbers(&read_live(dir.path(), 4).unwrap()), vec![5, 6]);
    drop(journal);
    assert!(Journal::open(dir.path()).is_ok());
}

#[test]
fn failed_fsync_refuses_later_appends_and_stores_nothing_unacknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    rt.block_on(journal.append(entries(1, 2))).unwrap();
    journal.inject(Point::JournalSync);
    assert!(matches!(
        rt.block_on(journal.append(entries(3, 2))),
        Err(JournalError::Failed { .. })
    ));
    assert!(journal.is_failed());
    assert!(matches!(
        rt.block_on(journal.append(entries(5, 1))),
        Err(JournalError::Failed { .. })
    ));
    assert!(matches!(
        journal.compact(1),
        Err(JournalError::Failed { .. })
    ));
    drop(journal);
    let (journal, recovery) = Journal::open(dir.path()).unwrap();
    assert_eq!(numbers(&recovery.records), vec![1, 2]);
    assert!(rt.block_on(journal.append(entries(7, 1))).is_ok());
}

#[test]
fn invalid_appends_are_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    let mut no_reason = entries(3, 1);
    no_reason[0].reason = " ".to_owned();
    let mut batch = entries(1, 1);
    batch.extend(no_reason);
    assert!(matches!(
        rt.block_on(journal.append(batch)),
        Err(JournalError::MissingReason { index: 1 })
    ));
    let mut long = entries(1, 1);
    long[0].actor = "a".repeat(MAX_FIELD_BYTES + 1);
    assert!(matches!(
        rt.block_on(journal.append(long)),
        Err(JournalError::FieldTooLong { field: "actor", .. })
    ));
    assert!(matches!(
        rt.block_on(journal.append(entries(1, MAX_APPEND_ENTRIES as u64 + 1))),
        Err(JournalError::TooManyEntries { .. })
    ));
    assert!(matches!(
        journal.compact(1),
        Err(JournalError::FoldedAhead { .. })
    ));
    assert_eq!(journal.last_seq(), 0);
    drop(journal);
    assert!(read_all(dir.path()).unwrap().is_empty());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn any_entry_encodes_and_decodes(
        number: u64,
        centre: bool,
        add: bool,
        id in "[a-z0-9._-]{1,20}",
        by in proptest::option::of("[a-z0-9._-]{1,20}"),
        actor in ".{0,20}",
        reason in ".{1,40}",
        principal in ".{0,20}",
        secs in -50_000_000_000i64..50_000_000_000,
        nanos in 0u32..1_000_000_000,
    ) {
        let e = Entry {
            list: if centre { super::tests::centre(&id) } else { super::tests::client(&id) },
            number,
            op: if add { Op::Add } else { Op::Remove },
            actor,
            reason,
            at: DateTime::from_timestamp(secs, nanos).unwrap(),
            by: by.map(|b| crate::domain::CentreId::new(b).unwrap()),
            principal,
        };
        let mut buf = Vec::new();
        encode_record(&mut buf, 7, 5, true, Some(&e));
        let Frame::Intact { payload, end } = frame_at(&buf, 0) else {
            panic!("fresh record damaged");
        };
        proptest::prop_assert_eq!(end, buf.len());
        let Ok((seq, prev, last, Body::Entry(back))) = decode_payload(payload) else {
            panic!("fresh record undecodable");
        };
        proptest::prop_assert_eq!((seq, prev, last), (7, 5, true));
        proptest::prop_assert_eq!(back, e);
    }
}

/// A record of format 1 (before the changing centre was kept) as an older vask wrote it.
fn format_1_record(seq: u64, number: u64) -> Vec<u8> {
    let mut payload = vec![1u8, KIND_ENTRY, FLAG_LAST_IN_BATCH];
    payload.extend_from_slice(&seq.to_le_bytes());
    payload.extend_from_slice(&(seq - 1).to_le_bytes());
    payload.push(LIST_CLIENT);
    payload.push(OP_ADD);
    payload.extend_from_slice(&number.to_le_bytes());
    payload.extend_from_slice(&1_790_000_000i64.to_le_bytes());
    payload.extend_from_slice(&0u32.to_le_bytes());
    for s in ["acme", "agent-1", ""] {
        payload.extend_from_slice(&(s.len() as u16).to_le_bytes());
        payload.extend_from_slice(s.as_bytes());
    }
    let mut frame = (payload.len() as u32).to_le_bytes().to_vec();
    let mut crc = crc32fast::Hasher::new();
    crc.update(&frame);
    crc.update(&payload);
    frame.extend_from_slice(&crc.finalize().to_le_bytes());
    frame.extend_from_slice(&payload);
    frame
}

#[test]
fn records_of_the_first_format_are_read_without_an_origin() {
    let bytes = format_1_record(3, 4791234567);
    let Frame::Intact { payload, .. } = frame_at(&bytes, 0) else {
        panic!("intact")
    };
    let Ok((3, 2, true, Body::Entry(e))) = decode_payload(payload) else {
        panic!("decodes")
    };
    assert_eq!(e.list, client("acme"));
    assert_eq!(
        (e.by, e.principal.as_str(), e.actor.as_str()),
        (None, "", "agent-1")
    );
}

#[test]
fn a_record_naming_an_invalid_list_is_refused_not_dropped() {
    // An intact record (its CRC matches) whose list id is not a valid client id: the journal
    // cannot tell which list it changes, so opening refuses the journal instead of leaving the
    // opt-out out.
    let dir = tempfile::tempdir().unwrap();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    drop(journal);
    let mut bad = format_1_record(1, 4791234567);
    // "acme" → "ac e": same length, same layout; fix the CRC.
    let at = bad.windows(4).position(|w| w == b"acme").unwrap();
    bad[at + 2] = b' ';
    let len = u32::from_le_bytes(bad[..4].try_into().unwrap()) as usize;
    let mut crc = crc32fast::Hasher::new();
    crc.update(&bad[..4]);
    crc.update(&bad[8..8 + len]);
    let sum = crc.finalize().to_le_bytes();
    bad[4..8].copy_from_slice(&sum);
    // Followed by an intact record of a later batch, so it cannot pass for a torn write.
    let mut later = format_1_record(5000, 4791234568);
    later[8 + 11..8 + 19].copy_from_slice(&4000u64.to_le_bytes());
    let len = u32::from_le_bytes(later[..4].try_into().unwrap()) as usize;
    let mut crc = crc32fast::Hasher::new();
    crc.update(&later[..4]);
    crc.update(&later[8..8 + len]);
    let sum = crc.finalize().to_le_bytes();
    later[4..8].copy_from_slice(&sum);
    let live = dir.path().join(LIVE_FILE);
    let mut bytes = std::fs::read(&live).unwrap();
    bytes.extend_from_slice(&bad);
    bytes.extend_from_slice(&later);
    std::fs::write(&live, &bytes).unwrap();
    assert!(matches!(
        Journal::open(dir.path()),
        Err(JournalError::Corrupt { .. })
    ));
    assert!(read_all(dir.path()).is_err());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Arbitrary bytes never panic the record decoder: each is a record or a typed refusal.
    #[test]
    fn arbitrary_payloads_decode_or_are_refused(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
        let _ = decode_payload(&bytes);
        let _ = frame_at(&bytes, 0);
    }

    /// A real journal with bytes flipped, cut or spliced opens, or is refused with a typed
    /// error; reading it back never panics.
    #[test]
    fn mutated_journals_open_or_are_refused(
        flips in proptest::collection::vec((0usize..4096, proptest::prelude::any::<u8>()), 0..8),
        cut in proptest::option::of(0usize..4096),
        archive in proptest::prelude::any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        {
            let (journal, _) = Journal::open(dir.path()).unwrap();
            rt.block_on(journal.append((1..20).map(entry).collect())).unwrap();
            if archive {
                journal.compact(journal.last_seq() / 2).unwrap();
            }
            rt.block_on(journal.append((20..30).map(entry).collect())).unwrap();
        }
        let file = dir.path().join(if archive { HISTORY_FILE } else { LIVE_FILE });
        let mut bytes = std::fs::read(&file).unwrap();
        let len = bytes.len().max(1);
        for (at, x) in flips {
            if let Some(b) = bytes.get_mut(at % len) {
                *b ^= x;
            }
        }
        if let Some(cut) = cut {
            bytes.truncate(cut % (bytes.len() + 1));
        }
        std::fs::write(&file, &bytes).unwrap();
        let _ = read_all(dir.path());
        let _ = Journal::open(dir.path()).map(|(j, r)| (history_of(&j, 4), r));
    }
}

#[test]
fn a_numbers_history_comes_from_the_index_not_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    rt.block_on(journal.append((1..40).map(entry).collect()))
        .unwrap();
    journal.compact(20).unwrap();
    rt.block_on(journal.append(vec![entry(4)])).unwrap();
    drop(journal);
    // Reopened: the index is read from the archive and the live file once…
    let (journal, _) = Journal::open(dir.path()).unwrap();
    let before = history_of(&journal, 4);
    assert_eq!(before.len(), 2);
    assert!(before[0].seq < before[1].seq);
    // …and answers without them afterwards (Explain never reads the journal's files).
    std::fs::rename(dir.path().join(HISTORY_FILE), dir.path().join("moved")).unwrap();
    assert_eq!(history_of(&journal, 4), before);
    assert!(history_of(&journal, 5).len() == 1 && history_of(&journal, 99).is_empty());
}

#[test]
fn the_newest_history_of_a_number_is_cut_and_counts_what_it_leaves_out() {
    let dir = tempfile::tempdir().unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (journal, _) = Journal::open(dir.path()).unwrap();
    rt.block_on(journal.append((0..10).map(|_| entry(4)).collect()))
        .unwrap();
    rt.block_on(journal.append(vec![entry(5)])).unwrap();
    let all = history_of(&journal, 4);
    let (newest, older) = journal.history_newest(4, |_| true, 3);
    assert_eq!((newest.as_slice(), older), (&all[7..], 7));
    let (odd, older) = journal.history_newest(4, |r| r.seq % 2 == 1, 100);
    assert_eq!(older, 0);
    assert!(odd.iter().all(|r| r.seq % 2 == 1) && odd.len() == 5);
    assert_eq!(journal.history_newest(99, |_| true, 3), (Vec::new(), 0));
}

/// A number's whole history, in seq order, from the index.
fn history_of(journal: &Journal, number: u64) -> Vec<Record> {
    journal.history_newest(number, |_| true, usize::MAX).0
}
