//! Live opt-outs: additions to and removals from internal lists acknowledged since the
//! generation was built, applied on top of it until a rebuild folds them in.
//!
//! The wash hot path must not pay for them: a lock-free hashed bit filter says "this number has
//! no live operation on any list" for almost every number (one word test), and only on a filter
//! hit is the exact overlay consulted under a read lock. Writers set the filter bit after the
//! overlay entry, both under the write lock, so a reader that sees the bit sees the entry
//! (read-your-writes once `record` has returned).
//!
//! Entries are dropped only when every generation still in use has folded them in
//! ([`Live::prune`]), so a wash that still holds an older generation never misses an opt-out.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use arc_swap::ArcSwap;

use crate::domain::InternalList;

const FILTER_BITS_LOG2: u32 = 21; // 256 KiB (stays in L2): ~0.8 % false positives at 100 000 live numbers

/// Insert-only hashed bit filter over numbers: two bits per number, in one word (one cache
/// line to probe; a false positive costs an overlay lookup).
struct Filter {
    /// Set by the first insert: an empty filter is not probed at all.
    any: AtomicBool,
    words: Box<[AtomicU64]>,
}

impl Filter {
    fn new() -> Filter {
        Filter {
            any: AtomicBool::new(false),
            words: (0..1usize << (FILTER_BITS_LOG2 - 6))
                .map(|_| AtomicU64::new(0))
                .collect(),
        }
    }

    #[inline]
    fn slot(number: u64) -> (usize, u64) {
        let h = number.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let word = h >> (64 - (FILTER_BITS_LOG2 - 6));
        (word as usize, (1 << (h & 63)) | (1 << ((h >> 6) & 63)))
    }

    fn insert(&self, number: u64) {
        let (w, bit) = Self::slot(number);
        self.words[w].fetch_or(bit, Ordering::Release);
        self.any.store(true, Ordering::Release);
    }

    /// May `number` have been inserted? (Callers check `any` first, once per batch.)
    #[inline]
    fn maybe(&self, number: u64) -> bool {
        let (w, bits) = Self::slot(number);
        self.words[w].load(Ordering::Acquire) & bits == bits
    }
}

/// The latest live operation on one number of one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiveOp {
    /// Journal sequence number.
    pub seq: u64,
    /// Added (true) or removed (false).
    pub add: bool,
}

/// The live operations on one list, by number (foldhash: a few ns per lookup where SipHash
/// takes ~20, and seeded per process).
type ListOps = RwLock<HashMap<u64, LiveOp, foldhash::fast::RandomState>>;

/// Live opt-outs over the current generation.
pub struct Live {
    filter: ArcSwap<Filter>,
    /// Per list; a list's map, once created, stays (so a view may hold it for a batch).
    overlay: RwLock<HashMap<InternalList, Arc<ListOps>>>,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            filter: ArcSwap::from_pointee(Filter::new()),
            overlay: RwLock::default(),
        }
    }
}

/// A per-batch view of the live state of two lists (the centre's and the client's).
pub struct LiveView {
    /// Whether any operation had been recorded when the view was taken.
    any: bool,
    filter: arc_swap::Guard<Arc<Filter>>,
    lists: [Option<Arc<ListOps>>; 2],
}

impl LiveView {
    /// False when `number` certainly has no live operation on any list.
    #[inline]
    pub fn maybe(&self, number: u64) -> bool {
        self.any && self.filter.maybe(number)
    }

    /// The live state of `number` on list `which` (0 or 1, in the order given to
    /// [`Live::view`]): Some(true) added, Some(false) removed, None: as in the generation.
    #[inline]
    pub fn state(&self, which: usize, number: u64) -> Option<bool> {
        let ops = self.lists.get(which)?.as_ref()?;
        let ops = ops
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        ops.get(&number).map(|op| op.add)
    }
}

fn read<T>(l: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn write<T>(l: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Live {
    /// A view of `lists` for one batch of lookups.
    pub fn view(&self, lists: [&InternalList; 2]) -> LiveView {
        let overlay = read(&self.overlay);
        let filter = self.filter.load();
        LiveView {
            any: filter.any.load(Ordering::Acquire),
            filter,
            lists: lists.map(|l| overlay.get(l).cloned()),
        }
    }

    /// Records an acknowledged (durable) operation; visible to every wash that starts after.
    pub fn record(&self, list: InternalList, number: u64, op: LiveOp) {
        let ops = {
            let existing = read(&self.overlay).get(&list).cloned();
            match existing {
                Some(ops) => ops,
                None => write(&self.overlay).entry(list).or_default().clone(),
            }
        };
        let mut ops = write(&ops);
        // Journal order is seq order; keep the latest.
        if ops.get(&number).is_none_or(|old| old.seq < op.seq) {
            ops.insert(number, op);
        }
        // The bit is set after the entry, under its lock: a reader that sees the bit sees it.
        self.filter.load().insert(number);
    }

    /// Drops operations folded into every generation still in use (seq ≤ `folded`), and
    /// rebuilds the filter from what remains.
    pub fn prune(&self, folded: u64) -> usize {
        let overlay = write(&self.overlay);
        let filter = Filter::new();
        let mut left = 0;
        for ops in overlay.values() {
            let mut ops = write(ops);
            ops.retain(|_, op| op.seq > folded);
            for n in ops.keys() {
                filter.insert(*n);
                left += 1;
            }
        }
        self.filter.store(Arc::new(filter));
        left
    }

    /// Live operations on `number`, by list (for Explain).
    pub fn ops_for(&self, number: u64) -> Vec<(InternalList, LiveOp)> {
        read(&self.overlay)
            .iter()
            .filter_map(|(l, ops)| read(ops).get(&number).map(|op| (l.clone(), *op)))
            .collect()
    }

    /// Number of live operations held.
    pub fn len(&self) -> usize {
        read(&self.overlay)
            .values()
            .map(|ops| read(ops).len())
            .sum()
    }

    /// Number of live operations held on `lists`.
    pub fn len_of(&self, lists: &[InternalList]) -> usize {
        let overlay = read(&self.overlay);
        lists
            .iter()
            .filter_map(|l| overlay.get(l))
            .map(|ops| read(ops).len())
            .sum()
    }

    /// True when no live operation is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CentreId;

    #[test]
    fn latest_op_wins_and_prune_keeps_unfolded() {
        let live = Live::default();
        let list = InternalList::Centre(CentreId::new("c").unwrap());
        live.record(list.clone(), 4791234567, LiveOp { seq: 1, add: true });
        live.record(list.clone(), 4791234567, LiveOp { seq: 3, add: false });
        live.record(list.clone(), 4791234567, LiveOp { seq: 2, add: true }); // late replay
        live.record(list.clone(), 4790000000, LiveOp { seq: 4, add: true });
        let other = InternalList::Centre(CentreId::new("other").unwrap());
        let view = live.view([&list, &other]);
        assert_eq!(view.state(0, 4791234567), Some(false));
        assert_eq!(view.state(0, 4790000000), Some(true));
        assert_eq!(view.state(0, 4790000001), None);
        assert_eq!(view.state(1, 4790000000), None);
        drop(view);
        assert_eq!(live.prune(3), 1);
        assert_eq!(live.view([&list, &other]).state(0, 4791234567), None);
        assert_eq!(live.view([&list, &other]).state(0, 4790000000), Some(true));
    }
}
