//! Live opt-outs: additions to and removals from internal lists acknowledged since the
//! generation was built, applied on top of it until a rebuild folds them in.
//!
//! The wash hot path must not pay for them: a lock-free hashed bit filter says "this number has
//! no live operation on any list" for almost every number (one bit test), and only on a filter
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

use crate::build::InternalList;

const FILTER_BITS_LOG2: u32 = 23; // 1 MiB: ~1 % false positives at 100 000 live numbers

/// Insert-only hashed bit filter over numbers.
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
        let h = number.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS_LOG2);
        ((h >> 6) as usize, 1 << (h & 63))
    }

    fn insert(&self, number: u64) {
        let (w, bit) = Self::slot(number);
        self.words[w].fetch_or(bit, Ordering::Release);
        self.any.store(true, Ordering::Release);
    }

    #[inline]
    fn maybe(&self, number: u64) -> bool {
        if !self.any.load(Ordering::Acquire) {
            return false;
        }
        let (w, bit) = Self::slot(number);
        self.words[w].load(Ordering::Acquire) & bit != 0
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

/// Live opt-outs over the current generation.
pub struct Live {
    filter: ArcSwap<Filter>,
    overlay: RwLock<HashMap<InternalList, HashMap<u64, LiveOp>>>,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            filter: ArcSwap::from_pointee(Filter::new()),
            overlay: RwLock::default(),
        }
    }
}

/// A per-batch view of the live state.
pub struct LiveView<'a> {
    live: &'a Live,
    filter: arc_swap::Guard<Arc<Filter>>,
}

impl LiveView<'_> {
    /// False when `number` certainly has no live operation on any list.
    #[inline]
    pub fn maybe(&self, number: u64) -> bool {
        self.filter.maybe(number)
    }

    /// The live state of `number` on `list`: Some(true) added, Some(false) removed, None: as
    /// in the generation.
    #[inline]
    pub fn state(&self, list: &InternalList, number: u64) -> Option<bool> {
        let overlay = self
            .live
            .overlay
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        overlay.get(list)?.get(&number).map(|op| op.add)
    }
}

impl Live {
    /// A view for one batch of lookups.
    pub fn view(&self) -> LiveView<'_> {
        LiveView {
            live: self,
            filter: self.filter.load(),
        }
    }

    /// Records an acknowledged (durable) operation; visible to every wash that starts after.
    pub fn record(&self, list: InternalList, number: u64, op: LiveOp) {
        let mut overlay = self
            .overlay
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let entry = overlay.entry(list).or_default();
        // Journal order is seq order; keep the latest.
        if entry.get(&number).is_none_or(|old| old.seq < op.seq) {
            entry.insert(number, op);
        }
        self.filter.load().insert(number);
    }

    /// Drops operations folded into every generation still in use (seq ≤ `folded`), and
    /// rebuilds the filter from what remains.
    pub fn prune(&self, folded: u64) -> usize {
        let mut overlay = self
            .overlay
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for ops in overlay.values_mut() {
            ops.retain(|_, op| op.seq > folded);
        }
        overlay.retain(|_, ops| !ops.is_empty());
        let filter = Filter::new();
        let mut left = 0;
        for ops in overlay.values() {
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
        let overlay = self
            .overlay
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        overlay
            .iter()
            .filter_map(|(l, ops)| ops.get(&number).map(|op| (l.clone(), *op)))
            .collect()
    }

    /// Number of live operations held.
    pub fn len(&self) -> usize {
        self.overlay
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .values()
            .map(HashMap::len)
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
        let view = live.view();
        assert_eq!(view.state(&list, 4791234567), Some(false));
        assert_eq!(view.state(&list, 4790000000), Some(true));
        assert_eq!(view.state(&list, 4790000001), None);
        drop(view);
        assert_eq!(live.prune(3), 1);
        assert_eq!(live.view().state(&list, 4791234567), None);
        assert_eq!(live.view().state(&list, 4790000000), Some(true));
    }
}
