//! Tests of the build's list merging and journal folding.

use super::lists::{ListAcc, fold_opt_outs, merge_intervals};
use super::*;
use crate::domain::CentreId;
use crate::generation::{SEVERAL, VIA_API, unpack_days};

fn d(day: Day) -> Option<Day> {
    Some(day)
}

#[test]
fn overlapping_and_touching_intervals_merge_and_disjoint_ones_stay() {
    assert_eq!(
        merge_intervals(vec![(d(10), d(20)), (d(15), d(30)), (d(31), d(40))]),
        [(d(10), d(40))],
        "overlapping, then touching (31 follows 30)"
    );
    assert_eq!(
        merge_intervals(vec![(d(50), None), (d(10), d(20))]),
        [(d(10), d(20)), (d(50), None)],
        "a contract that ended and a renewal that starts later stay two"
    );
    assert_eq!(
        merge_intervals(vec![(None, d(5)), (d(3), None)]),
        [(None, None)]
    );
    assert_eq!(merge_intervals(vec![(d(7), d(7)); 3]), [(d(7), d(7))]);
}

#[test]
fn several_relationships_of_one_number_are_kept_behind_a_reference() {
    let src = SourceFile {
        file: "c.csv".into(),
        source_reference: "crm".into(),
        table: Default::default(),
        entry: Default::default(),
        delivered_at: None,
    };
    let mut acc = ListAcc::new(
        ListKind::Customers {
            category: crate::domain::Category::new("power").unwrap(),
        },
        "acme",
        &src,
    );
    acc.entries = vec![
        (2, pack_days(d(1), d(2))),
        (1, pack_days(d(100), d(200))),
        (1, pack_days(d(300), None)),
        (1, pack_days(d(150), d(250))),
    ];
    acc.finish();
    assert_eq!(
        acc.entries[1],
        (2, pack_days(d(1), d(2))),
        "one stays inline"
    );
    let (marker, at) = unpack_days(acc.entries[0].1);
    assert_eq!(marker, Some(SEVERAL));
    let at = at.unwrap() as usize;
    assert_eq!(acc.extra[at], 2, "two after merging");
    assert_eq!(
        acc.extra[at + 1..at + 3],
        [pack_days(d(100), d(250)), pack_days(d(300), None)]
    );
}

fn op(seq: u64, number: u64, add: bool, at: &str) -> OptOutOp {
    OptOutOp {
        seq,
        list: InternalList::Centre(CentreId::new("c").unwrap()),
        number,
        add,
        at: at.parse().unwrap(),
    }
}

#[test]
fn internal_lists_follow_the_latest_event() {
    let delivered = |at: Option<&str>, numbers: &[u64]| ListAcc {
        kind: ListKind::CentreDnc,
        owner: "c".into(),
        source_reference: "file".into(),
        delivered_at: at.map(|a| a.parse().unwrap()),
        entries: numbers
            .iter()
            .map(|n| (*n, pack_days(None, None)))
            .collect(),
        extra: Vec::new(),
    };
    let ops = [
        op(1, 10, false, "2026-11-01T10:00:00Z"), // removed before the delivery
        op(2, 11, false, "2026-11-03T10:00:00Z"), // removed after it
        op(3, 12, true, "2026-11-01T10:00:00Z"),  // added, not in the delivery
        op(4, 13, true, "2026-11-01T10:00:00Z"),  // added, then removed
        op(5, 13, false, "2026-11-01T11:00:00Z"),
    ];
    let mut lists = vec![delivered(Some("2026-11-02T10:00:00Z"), &[10, 11, 14])];
    assert_eq!(fold_opt_outs(&mut lists, &ops), 5);
    lists[0].finish();
    let on: Vec<u64> = lists[0].entries.iter().map(|e| e.0).collect();
    assert_eq!(on, [10, 12, 14]);
    assert_eq!(unpack_days(lists[0].entries[1].1).1, Some(VIA_API));

    // A catalogue file never imported counts as older than every API event.
    let mut lists = vec![delivered(None, &[10, 11])];
    fold_opt_outs(&mut lists, &ops);
    lists[0].finish();
    let on: Vec<u64> = lists[0].entries.iter().map(|e| e.0).collect();
    assert_eq!(on, [12]);
}
