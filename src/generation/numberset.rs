//! `NumberSet`: an immutable set of E.164 numbers, the structure every wash lookup hits.
//!
//! A number (E.164 digits read as a `u64`, below 10^15 < 2^50) is split into its high 32 bits,
//! which pick a *partition*, and its low 32 bits, looked up in that partition. A country's
//! numbers fall into one or a few partitions (all of Norway's `47xxxxxxxx` share one), so the
//! partition scan is a compare or two. Each partition is stored one of two ways, chosen at build
//! time by size:
//!
//! - a **roaring bitmap** (the `roaring` crate), deserialised from the mapped file at open;
//! - a **flat bitset** over `[base, base + bits)`, read in place from the mapped file (zero copy),
//!   used when it is no larger than [`BITSET_MAX_BYTES_PER_NUMBER`] bytes per number (or a
//!   budget the caller gives), which is the case for a national register that covers a dense
//!   national numbering plan (5 M of Norway's 8-digit numbers: 10 MB, one bit test per lookup).
//!
//! Serialised layout (little-endian; every blob starts 8-byte aligned inside its file):
//! `u32 partitions, u32 0`, then per partition `u32 high, u32 kind, u32 base, u32 bits,
//! u64 payload_len, u64 count`, then the payloads, each padded to 8 bytes.

use bytes::Bytes;
use roaring::RoaringBitmap;

use super::GenerationError;
use crate::fsutil::{le_u32, le_u64};

/// A bitset partition is used when it costs at most this many bytes per number it holds.
pub const BITSET_MAX_BYTES_PER_NUMBER: u64 = 4;
/// …and is at most this large (256 MiB covers 2^31 numbers).
const BITSET_MAX_BYTES: u64 = 256 << 20;

const KIND_ROARING: u32 = 0;
const KIND_BITSET: u32 = 1;
const PARTITION_ENTRY: usize = 32;

#[derive(Clone)]
enum Container {
    Roaring(RoaringBitmap),
    /// Bit `i` of `words` (LSB first) stands for low half `base + i`.
    Bitset {
        base: u32,
        bits: u32,
        words: Bytes,
    },
}

impl Container {
    #[inline]
    fn contains(&self, low: u32) -> bool {
        match self {
            Container::Roaring(r) => r.contains(low),
            Container::Bitset { base, bits, words } => {
                let i = low.wrapping_sub(*base);
                i < *bits && (words[(i >> 3) as usize] >> (i & 7)) & 1 == 1
            }
        }
    }
}

#[derive(Clone)]
struct Partition {
    high: u32,
    count: u64,
    container: Container,
}

/// An immutable set of numbers; cheap to clone (shares the mapped bytes).
#[derive(Clone, Default)]
pub struct NumberSet {
    partitions: Vec<Partition>,
}

impl std::fmt::Debug for NumberSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NumberSet")
            .field("partitions", &self.partitions.len())
            .field("len", &self.len())
            .finish()
    }
}

impl NumberSet {
    /// Builds a set in memory from numbers in any order (duplicates are fine).
    pub fn from_numbers(numbers: impl IntoIterator<Item = u64>) -> NumberSet {
        let mut maps: std::collections::BTreeMap<u32, RoaringBitmap> = Default::default();
        for n in numbers {
            maps.entry((n >> 32) as u32).or_default().insert(n as u32);
        }
        NumberSet {
            partitions: maps
                .into_iter()
                .map(|(high, mut r)| {
                    r.optimize();
                    Partition {
                        high,
                        count: r.len(),
                        container: Container::Roaring(r),
                    }
                })
                .collect(),
        }
    }

    /// Is `number` in the set?
    #[inline]
    pub fn contains(&self, number: u64) -> bool {
        let high = (number >> 32) as u32;
        for p in &self.partitions {
            if p.high == high {
                return p.container.contains(number as u32);
            }
        }
        false
    }

    /// The largest partition stored as a bitset: (high, base, bits, words).
    pub fn largest_bitset(&self) -> Option<(u32, u32, u32, Bytes)> {
        self.partitions
            .iter()
            .filter_map(|p| match &p.container {
                Container::Bitset { base, bits, words } => {
                    Some((p.count, (p.high, *base, *bits, words.clone())))
                }
                Container::Roaring(_) => None,
            })
            .max_by_key(|(count, _)| *count)
            .map(|(_, b)| b)
    }

    /// How many numbers the set holds.
    pub fn len(&self) -> u64 {
        self.partitions.iter().map(|p| p.count).sum()
    }

    /// True when the set holds no number.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every number in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = u64> + '_ {
        self.partitions.iter().flat_map(|p| {
            let high = u64::from(p.high) << 32;
            let lows: Box<dyn Iterator<Item = u32> + '_> = match &p.container {
                Container::Roaring(r) => Box::new(r.iter()),
                Container::Bitset { base, bits, words } => Box::new(
                    (0..*bits)
                        .filter(move |i| (words[(*i >> 3) as usize] >> (i & 7)) & 1 == 1)
                        .map(move |i| base + i),
                ),
            };
            lows.map(move |low| high | u64::from(low))
        })
    }

    /// Serialises the set, choosing a bitset or a roaring bitmap per partition by size.
    pub fn serialize(&self) -> Vec<u8> {
        self.serialize_with(BITSET_MAX_BYTES_PER_NUMBER)
    }

    /// Serialises the set, using a bitset for a partition when it costs at most
    /// `bitset_bytes_per_number` bytes per number it holds (a set probed for every number of
    /// every wash may buy speed with space).
    pub fn serialize_with(&self, bitset_bytes_per_number: u64) -> Vec<u8> {
        struct Blob {
            high: u32,
            kind: u32,
            base: u32,
            bits: u32,
            count: u64,
            payload: Vec<u8>,
        }
        let mut blobs = Vec::with_capacity(self.partitions.len());
        for p in &self.partitions {
            let lows = match &p.container {
                Container::Roaring(r) => r.clone(),
                Container::Bitset { .. } => NumberSet::single(p).iter().map(|n| n as u32).collect(),
            };
            let (Some(min), Some(max)) = (lows.min(), lows.max()) else {
                continue;
            };
            let bits = u64::from(max - min) + 1;
            let bitset_bytes = bits.div_ceil(64) * 8;
            // A bitset answers with one bit test where roaring searches two levels, so it wins
            // within the budget even when roaring would be a little smaller.
            let use_bitset = bitset_bytes <= BITSET_MAX_BYTES
                && bitset_bytes <= bitset_bytes_per_number.saturating_mul(p.count);
            let blob = if use_bitset {
                let mut words = vec![0u8; bitset_bytes as usize];
                for low in lows.iter() {
                    let i = low - min;
                    words[(i >> 3) as usize] |= 1 << (i & 7);
                }
                Blob {
                    high: p.high,
                    kind: KIND_BITSET,
                    base: min,
                    // At most 2^32 - 1 after `max - min + 1` with max ≤ u32::MAX, min ≥ 0 … and
                    // bitsets are capped at 256 MiB = 2^31 bits, so this cannot truncate.
                    bits: bits as u32,
                    count: p.count,
                    payload: words,
                }
            } else {
                let mut payload = Vec::with_capacity(lows.serialized_size());
                // Writing into a Vec cannot fail.
                let _ = lows.serialize_into(&mut payload);
                Blob {
                    high: p.high,
                    kind: KIND_ROARING,
                    base: 0,
                    bits: 0,
                    count: p.count,
                    payload,
                }
            };
            blobs.push(blob);
        }
        let mut out = Vec::new();
        out.extend_from_slice(&(blobs.len() as u32).to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        for b in &blobs {
            out.extend_from_slice(&b.high.to_le_bytes());
            out.extend_from_slice(&b.kind.to_le_bytes());
            out.extend_from_slice(&b.base.to_le_bytes());
            out.extend_from_slice(&b.bits.to_le_bytes());
            out.extend_from_slice(&(b.payload.len() as u64).to_le_bytes());
            out.extend_from_slice(&b.count.to_le_bytes());
        }
        for b in &blobs {
            out.extend_from_slice(&b.payload);
            out.resize(out.len().next_multiple_of(8), 0);
        }
        out
    }

    fn single(p: &Partition) -> NumberSet {
        NumberSet {
            partitions: vec![p.clone()],
        }
    }

    /// Opens a serialised set. `blob` is a slice of a mapped file; bitsets stay in it.
    pub fn open(file: &str, blob: Bytes) -> Result<NumberSet, GenerationError> {
        let corrupt = |why: String| GenerationError::Corrupt {
            file: file.to_owned(),
            why,
        };
        if blob.len() < 8 {
            return Err(corrupt("number set header truncated".into()));
        }
        let n =
            le_u32(&blob, 0).ok_or_else(|| corrupt("number set header truncated".into()))? as usize;
        let table_end = n
            .checked_mul(PARTITION_ENTRY)
            .and_then(|t| t.checked_add(8))
            .filter(|&t| t <= blob.len())
            .ok_or_else(|| corrupt(format!("{n} partitions do not fit in the set")))?;
        let mut partitions = Vec::with_capacity(n);
        let mut at = table_end;
        let mut last_high = None;
        for i in 0..n {
            let e = 8 + i * PARTITION_ENTRY;
            let short = || corrupt(format!("partition {i}: entry truncated"));
            let high = le_u32(&blob, e).ok_or_else(short)?;
            let kind = le_u32(&blob, e + 4).ok_or_else(short)?;
            let base = le_u32(&blob, e + 8).ok_or_else(short)?;
            let bits = le_u32(&blob, e + 12).ok_or_else(short)?;
            let len = le_u64(&blob, e + 16).ok_or_else(short)?;
            let count = le_u64(&blob, e + 24).ok_or_else(short)?;
            if last_high.is_some_and(|h| h >= high) {
                return Err(corrupt("partitions out of order".into()));
            }
            last_high = Some(high);
            let end = usize::try_from(len)
                .ok()
                .and_then(|l| at.checked_add(l))
                .filter(|&end| end <= blob.len())
                .ok_or_else(|| corrupt(format!("partition {i} runs past the end")))?;
            let payload = blob.slice(at..end);
            let container = match kind {
                KIND_ROARING => {
                    let r = RoaringBitmap::deserialize_from(&payload[..])
                        .map_err(|e| corrupt(format!("partition {i}: {e}")))?;
                    if r.len() != count {
                        return Err(corrupt(format!("partition {i}: count mismatch")));
                    }
                    Container::Roaring(r)
                }
                KIND_BITSET => {
                    if u64::from(bits) > len * 8 {
                        return Err(corrupt(format!(
                            "partition {i}: bitset shorter than {bits} bits"
                        )));
                    }
                    Container::Bitset {
                        base,
                        bits,
                        words: payload,
                    }
                }
                other => return Err(corrupt(format!("partition {i}: unknown kind {other}"))),
            };
            partitions.push(Partition {
                high,
                count,
                container,
            });
            at = end.next_multiple_of(8);
        }
        Ok(NumberSet { partitions })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reopen(set: &NumberSet) -> NumberSet {
        NumberSet::open("t", Bytes::from(set.serialize())).unwrap()
    }

    #[test]
    fn dense_partition_becomes_a_bitset_sparse_stays_roaring() {
        // 1 in 4 of a Norwegian-like range: dense enough for a bitset.
        let dense = NumberSet::from_numbers((0..200_000u64).map(|i| 4790000000 + i * 4));
        let opened = reopen(&dense);
        assert!(matches!(
            opened.partitions[0].container,
            Container::Bitset { .. }
        ));
        // 1 in 10 000: roaring.
        let sparse = NumberSet::from_numbers((0..1_000u64).map(|i| 4790000000 + i * 10_000));
        assert!(matches!(
            reopen(&sparse).partitions[0].container,
            Container::Roaring(_)
        ));
        for set in [dense, sparse] {
            let opened = reopen(&set);
            assert_eq!(opened.len(), set.len());
            assert!(opened.iter().eq(set.iter()));
        }
    }

    #[test]
    fn corrupt_sets_are_refused() {
        let bytes = NumberSet::from_numbers([4791234567, 4612345678, 12025550123]).serialize();
        for cut in 0..bytes.len() {
            // Some prefixes may still parse as a shorter valid set only if counts agree; none here.
            let _ = NumberSet::open("t", Bytes::copy_from_slice(&bytes[..cut]));
        }
        let mut bad = bytes.clone();
        bad[0] = 200; // partition count far past the end
        assert!(NumberSet::open("t", Bytes::from(bad)).is_err());
    }

    proptest! {
        #[test]
        fn contains_agrees_with_a_hash_set(
            members in proptest::collection::vec(0u64..1_000_000_000_000_000, 0..300),
            dense_base in 4700000000u64..4800000000,
            dense_len in 0u64..3000,
            probes in proptest::collection::vec(0u64..1_000_000_000_000_000, 0..300),
        ) {
            let mut all: std::collections::HashSet<u64> = members.iter().copied().collect();
            all.extend((0..dense_len).map(|i| dense_base + i * 3));
            let set = NumberSet::from_numbers(all.iter().copied());
            let opened = reopen(&set);
            prop_assert_eq!(opened.len(), all.len() as u64);
            for n in all.iter().copied().chain(probes).chain([dense_base.saturating_sub(1), dense_base + 1]) {
                prop_assert_eq!(set.contains(n), all.contains(&n));
                prop_assert_eq!(opened.contains(n), all.contains(&n));
            }
        }
    }
}
