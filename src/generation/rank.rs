//! Dense list membership through the rank of a number in the union of every list.
//!
//! The union of all lists of a generation is a bitset over the country's numbering plan
//! (see [`super::NumberSet`]). The *rank* of a listed number (how many listed numbers come
//! before it) is a dense index `0..listed`; a list that holds a good share of the listed numbers
//! is then one bit per listed number (1.3 M listed numbers: 162 KB, cache-resident), and
//! "is it on this list" is one bit test instead of a roaring lookup (~35 ns on a 200 k list).
//! These bitsets are built in memory when a generation is opened; nothing of this is on disk.
//!
//! Only the union's largest bitset partition is ranked (one country's plan, the common case);
//! numbers elsewhere, and lists too sparse to be worth a bitset, use their roaring sets.

use bytes::Bytes;

/// Memory all dense lists of one generation may take together; lists beyond it keep to their
/// roaring sets. A dense list takes at most 8 bytes per entry (it holds ≥ 1/64 of the union).
pub const DENSE_BUDGET_BYTES: usize = 256 << 20;

/// Bits per rank block: one cache line of the bitset.
const BLOCK_BITS: u32 = 512;

/// Rank directory over one bitset partition of the union of lists.
#[derive(Clone, Debug)]
pub struct UnionRank {
    high: u32,
    base: u32,
    bits: u32,
    words: Bytes,
    /// Set bits before each block.
    before: Vec<u32>,
    /// Set bits in all.
    total: u32,
}

impl UnionRank {
    /// A directory over the bitset `words` (bit `i`, LSB first, stands for low half `base + i`)
    /// of partition `high`.
    pub fn new(high: u32, base: u32, bits: u32, words: Bytes) -> UnionRank {
        let blocks = bits.div_ceil(BLOCK_BITS) as usize;
        let mut before = Vec::with_capacity(blocks);
        let mut total = 0u32;
        for b in 0..blocks {
            before.push(total);
            let start = b * (BLOCK_BITS as usize / 8);
            let end = (start + BLOCK_BITS as usize / 8).min(words.len());
            total += popcount(&words[start..end]);
        }
        UnionRank {
            high,
            base,
            bits,
            words,
            before,
            total,
        }
    }

    /// Numbers in the ranked partition.
    pub fn len(&self) -> u32 {
        self.total
    }

    /// Bytes one dense list over this partition takes.
    pub fn dense_bytes(&self) -> usize {
        self.total.div_ceil(64) as usize * 8
    }

    /// True when the partition holds no number.
    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Does the ranked partition cover `number` (whether or not it is listed)?
    #[inline]
    pub fn covers(&self, number: u64) -> bool {
        (number >> 32) as u32 == self.high && (number as u32).wrapping_sub(self.base) < self.bits
    }

    /// The rank of `number` if it is in the ranked partition of the union.
    #[inline]
    pub fn rank(&self, number: u64) -> Option<u32> {
        if (number >> 32) as u32 != self.high {
            return None;
        }
        let i = (number as u32).wrapping_sub(self.base);
        if i >= self.bits {
            return None;
        }
        let byte = (i >> 3) as usize;
        let bit = i & 7;
        let b = self.words.get(byte).copied()?;
        if (b >> bit) & 1 == 0 {
            return None;
        }
        let block = (i / BLOCK_BITS) as usize;
        let start = block * (BLOCK_BITS as usize / 8);
        // Set bits before it: those of earlier blocks, of its block's bytes before it (same
        // cache line) and of its own byte below it.
        let r = self.before.get(block)?
            + popcount(self.words.get(start..byte)?)
            + (b & ((1u8 << bit) - 1)).count_ones();
        Some(r)
    }

    /// Every number of the ranked partition with `numbers` yields, as a bitset over ranks.
    pub fn dense(&self, numbers: impl Iterator<Item = u64>) -> DenseList {
        let mut words = vec![0u64; self.dense_bytes() / 8];
        for n in numbers {
            if let Some(r) = self.rank(n) {
                words[(r / 64) as usize] |= 1 << (r % 64);
            }
        }
        DenseList::new(words)
    }
}

/// Set bits in `bytes`, eight bytes at a time.
#[inline]
fn popcount(bytes: &[u8]) -> u32 {
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        n += u64::from_le_bytes(w).count_ones();
    }
    n + chunks
        .remainder()
        .iter()
        .map(|b| b.count_ones())
        .sum::<u32>()
}

/// A list as one bit per listed number (by rank in the union), with a directory of how many
/// of its bits come before every 512, for a number's position in the list.
#[derive(Clone, Debug, Default)]
pub struct DenseList {
    words: Vec<u64>,
    /// Set bits before each block of `BLOCK_BITS`.
    before: Vec<u32>,
}

impl DenseList {
    fn new(words: Vec<u64>) -> DenseList {
        const WORDS: usize = BLOCK_BITS as usize / 64;
        let mut total = 0;
        let before = words
            .chunks(WORDS)
            .map(|block| {
                let b = total;
                total += block.iter().map(|w| w.count_ones()).sum::<u32>();
                b
            })
            .collect();
        DenseList { words, before }
    }

    /// Is the number of rank `rank` on the list?
    #[inline]
    pub fn contains(&self, rank: u32) -> bool {
        self.words
            .get((rank / 64) as usize)
            .is_some_and(|w| (w >> (rank % 64)) & 1 == 1)
    }

    /// The position on the list (how many of its numbers come before) of the number of rank
    /// `rank`, if it is on the list: the index of its value in the list's values.
    #[inline]
    pub fn position(&self, rank: u32) -> Option<usize> {
        let word = (rank / 64) as usize;
        let w = *self.words.get(word)?;
        let bit = rank % 64;
        if (w >> bit) & 1 == 0 {
            return None;
        }
        let block = word / (BLOCK_BITS as usize / 64);
        let first = block * (BLOCK_BITS as usize / 64);
        let before_word: u32 = self
            .words
            .get(first..word)?
            .iter()
            .map(|w| w.count_ones())
            .sum();
        let below = (w & ((1u64 << bit) - 1)).count_ones();
        Some((self.before.get(block)? + before_word + below) as usize)
    }

    /// Bytes it takes in memory.
    pub fn bytes(&self) -> usize {
        self.words.len() * 8 + self.before.len() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_counts_the_set_bits_before_a_number() {
        // Bits every 3rd position over 5 000 bits (crosses many blocks).
        let bits = 5000u32;
        let mut words = vec![0u8; bits.div_ceil(8) as usize];
        let members: Vec<u32> = (0..bits).filter(|i| i % 3 == 0).collect();
        for &i in &members {
            words[(i / 8) as usize] |= 1 << (i % 8);
        }
        let base = 700_000_000;
        let r = UnionRank::new(1, base, bits, Bytes::from(words));
        assert_eq!(r.len() as usize, members.len());
        for (k, &i) in members.iter().enumerate() {
            let n = (1u64 << 32) | u64::from(base + i);
            assert_eq!(r.rank(n), Some(k as u32), "bit {i}");
            assert_eq!(r.rank(n + 1), None);
        }
        assert_eq!(r.rank(u64::from(base)), None, "other partition");
        assert_eq!(r.rank((1u64 << 32) | u64::from(base + bits + 3)), None);
        let dense = r.dense(
            members
                .iter()
                .step_by(2)
                .map(|&i| (1u64 << 32) | u64::from(base + i)),
        );
        for k in 0..members.len() as u32 {
            assert_eq!(dense.contains(k), k % 2 == 0, "rank {k}");
            let position = (k % 2 == 0).then_some(k as usize / 2);
            assert_eq!(dense.position(k), position, "rank {k}");
        }
    }
}
