//! The lists of a build: every entry of a delivery gathered per list, then one value per
//! number (several relationships behind a reference), and the opt-out journal folded into the
//! internal lists by time.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

use super::{OptOutOp, day};
use crate::domain::{Day, InternalList};
use crate::generation::manifest::ListKind;
use crate::generation::{SEVERAL, VIA_API, pack_days, unpack_days};
use crate::sources::SourceFile;

/// One list being built.
pub(super) struct ListAcc {
    pub(super) kind: ListKind,
    pub(super) owner: String,
    pub(super) source_reference: String,
    /// When the delivery was imported (internal lists).
    pub(super) delivered_at: Option<DateTime<Utc>>,
    /// (number, packed value); several per number until [`ListAcc::finish`].
    pub(super) entries: Vec<(u64, u64)>,
    /// Values of numbers with several entries, referred to by [`SEVERAL`] values.
    pub(super) extra: Vec<u64>,
}

impl ListAcc {
    pub(super) fn new(kind: ListKind, owner: &str, src: &SourceFile) -> ListAcc {
        ListAcc {
            kind,
            owner: owner.to_owned(),
            source_reference: src.source_reference.clone(),
            delivered_at: src.delivered_at,
            entries: Vec::new(),
            extra: Vec::new(),
        }
    }

    /// Sorts the entries by number and leaves one value per number: internal lists keep the
    /// earliest day added; relationships and express requests keep every interval (merging
    /// those that overlap or touch, which answers alike for any window), several behind a
    /// [`SEVERAL`] reference.
    pub(super) fn finish(&mut self) {
        self.entries.sort_unstable();
        match self.kind {
            ListKind::CentreDnc | ListKind::ClientDnc => {
                // The earliest day added; an API add marks the entry as the API's, whose add
                // holds whatever later deliveries say.
                self.entries.dedup_by(|later, kept| {
                    later.0 == kept.0 && {
                        let ((a, via_a), (b, via_b)) = (unpack_days(kept.1), unpack_days(later.1));
                        let added = match (a, b) {
                            (Some(a), Some(b)) => Some(a.min(b)),
                            (a, b) => a.or(b),
                        };
                        let via = via_a.or(via_b);
                        kept.1 = pack_days(added, via);
                        true
                    }
                });
            }
            ListKind::Customers { .. } | ListKind::Express => {
                let mut out = Vec::with_capacity(self.entries.len());
                for run in self.entries.chunk_by(|a, b| a.0 == b.0) {
                    let intervals = merge_intervals(run.iter().map(|e| unpack_days(e.1)).collect());
                    let value = match intervals.as_slice() {
                        [(a, b)] => pack_days(*a, *b),
                        several => {
                            let at = self.extra.len() as u32;
                            self.extra.push(several.len() as u64);
                            self.extra
                                .extend(several.iter().map(|(a, b)| pack_days(*a, *b)));
                            pack_days(Some(SEVERAL), Some(at))
                        }
                    };
                    out.push((run[0].0, value));
                }
                self.entries = out;
            }
        }
    }
}

/// Merges intervals `[from, to]` (None: open) that overlap or touch; sorted by start.
/// An interval "is valid on day d within window w" when `from ≤ d ≤ to + w`; for any w ≥ 0
/// the merged intervals are valid on exactly the days the given ones are.
pub(super) fn merge_intervals(
    mut v: Vec<(Option<Day>, Option<Day>)>,
) -> Vec<(Option<Day>, Option<Day>)> {
    // None sorts first: an open start is the earliest.
    v.sort_unstable();
    let mut out: Vec<(Option<Day>, Option<Day>)> = Vec::with_capacity(v.len());
    for (from, to) in v {
        if let Some(last) = out.last_mut() {
            let touches = match (last.1, from) {
                (None, _) => true,
                (Some(_), None) => true,
                (Some(end), Some(start)) => start <= end.saturating_add(1),
            };
            if touches {
                last.1 = match (last.1, to) {
                    (None, _) | (_, None) => None,
                    (Some(a), Some(b)) => Some(a.max(b)),
                };
                continue;
            }
        }
        out.push((from, to));
    }
    out
}

/// Applies journal operations to the internal lists (creating lists the catalogue lacks) and
/// returns the highest seq folded in.
///
/// A number's state on an internal list is decided by time (`docs/domain.md`, "Internal lists
/// over time"): its latest API operation decides, except that a delivery imported *after* an
/// API removal that still holds the number puts it back. So a number added through the API
/// stays whatever later deliveries say until it is removed through the API, and a number
/// removed through the API stays removed until a later delivery holds it again. Entries put
/// on a list by an API add carry [`VIA_API`] and the day of the add.
pub(super) fn fold_opt_outs(lists: &mut Vec<ListAcc>, ops: &[OptOutOp]) -> u64 {
    if ops.is_empty() {
        return 0;
    }
    // Last operation per (list, number) wins; ops arrive in seq order.
    let mut last: HashMap<(&InternalList, u64), &OptOutOp> = HashMap::new();
    for op in ops {
        last.insert((&op.list, op.number), op);
    }
    let mut by_list: BTreeMap<&InternalList, HashMap<u64, &OptOutOp>> = BTreeMap::new();
    for ((list, number), op) in last {
        by_list.entry(list).or_default().insert(number, op);
    }
    for (list, ops) in by_list {
        let (kind, owner) = match list {
            InternalList::Centre(c) => (ListKind::CentreDnc, c.as_str()),
            InternalList::Client(c) => (ListKind::ClientDnc, c.as_str()),
        };
        let at = match lists
            .iter()
            .position(|l| l.kind == kind && l.owner == owner)
        {
            Some(at) => at,
            None => {
                lists.push(ListAcc {
                    kind: kind.clone(),
                    owner: owner.to_owned(),
                    source_reference: "vask opt-out journal".to_owned(),
                    delivered_at: None,
                    entries: Vec::new(),
                    extra: Vec::new(),
                });
                lists.len() - 1
            }
        };
        let acc = &mut lists[at];
        let delivered_at = acc.delivered_at;
        // A delivery entry stays unless the number's latest operation is a removal that came
        // after the delivery was imported (or the delivery was never imported).
        acc.entries.retain(|(n, _)| match ops.get(n) {
            Some(op) if !op.add => delivered_at.is_some_and(|d| d > op.at),
            _ => true,
        });
        acc.entries.extend(
            ops.iter()
                .filter(|(_, o)| o.add)
                .map(|(n, o)| (*n, pack_days(day(o.at.date_naive()), Some(VIA_API)))),
        );
    }
    ops.iter().map(|o| o.seq).max().unwrap_or(0)
}
