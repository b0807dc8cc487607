//! The exact-match table: a hash of each address key to its person number, written by the
//! writer and read by the exact lookup.

use std::path::Path;

use memmap2::Mmap;

use super::{
    BUCKET, ENTRY, EXACT_FILE, EXACT_HEADER, EXACT_MAGIC, VERSION, check_crc, check_head, map_file,
    read_u32, read_u64,
};
use crate::person::PersonError;

/// The exact-match table: for a hash `h` of an address key, bucket `h`'s high 32 bits scaled
/// to the bucket count; in it, entries of (fingerprint << person bits | person), the
/// fingerprint being the low bits of `h` that the person number leaves of 48.
///
/// A fingerprint stands in for the key: a lead whose key is not in the register matches a
/// stored one with a chance of about 2^-(48 - person bits) per entry of its bucket (for
/// 2.5 M persons: 26 bits, four entries, so about 6 in 10^8): a lost call, never an illegal
/// one. Keys of one bucket whose fingerprints collide are left out, so that the fst (which
/// holds the whole key) answers for them.
pub(super) struct ExactTable {
    pub(super) buckets: usize,
    pub(super) bytes: Vec<u8>,
}

/// Bits a person number below `persons` needs (at least 1).
pub(super) fn person_bits(persons: usize) -> u32 {
    (usize::BITS - persons.saturating_sub(1).leading_zeros()).max(1)
}

pub(super) fn exact_bucket(h: u64, buckets: usize) -> usize {
    (((h >> 32) * buckets as u64) >> 32) as usize
}

pub(super) fn exact_fingerprint(h: u64, person_bits: u32) -> u64 {
    h & ((1u64 << (48 - person_bits)) - 1)
}

impl ExactTable {
    pub(super) fn build(mut entries: Vec<(u64, u32)>, persons: usize) -> ExactTable {
        let buckets = entries.len().div_ceil(BUCKET).max(1);
        let bits = person_bits(persons);
        let fingerprint = |h| exact_fingerprint(h, bits);
        entries.sort_unstable_by_key(|&(h, _)| (exact_bucket(h, buckets), fingerprint(h)));
        // Drop every entry whose bucket and fingerprint another entry shares.
        let mut kept = Vec::with_capacity(entries.len());
        for (i, &(h, p)) in entries.iter().enumerate() {
            let same = |j: usize| {
                entries.get(j).is_some_and(|&(g, _)| {
                    exact_bucket(g, buckets) == exact_bucket(h, buckets)
                        && fingerprint(g) == fingerprint(h)
                })
            };
            let shared = (i > 0 && same(i - 1)) || same(i + 1);
            if !shared {
                kept.push((h, p));
            }
        }
        let mut out = Vec::with_capacity(EXACT_HEADER + (buckets + 1) * 4 + kept.len() * ENTRY + 6);
        out.extend_from_slice(&EXACT_MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(buckets as u32).to_le_bytes());
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        out.extend_from_slice(&bits.to_le_bytes());
        let mut at = 0usize;
        for b in 0..=buckets {
            while at < kept.len() && exact_bucket(kept[at].0, buckets) < b {
                at += 1;
            }
            out.extend_from_slice(&(at as u32).to_le_bytes());
        }
        for &(h, p) in &kept {
            let entry = fingerprint(h) << bits | u64::from(p);
            out.extend_from_slice(&entry.to_le_bytes()[..ENTRY]);
        }
        // Padding, so that the last entry can be read as eight bytes.
        out.extend_from_slice(&[0, 0]);
        let crc = crc32fast::hash(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        ExactTable {
            buckets,
            bytes: out,
        }
    }
}

/// The mapped exact table.
pub(super) struct ExactReader {
    pub(super) map: Mmap,
    buckets: usize,
    pub(super) entries: usize,
    person_bits: u32,
}

impl ExactReader {
    pub(super) fn open(dir: &Path, buckets: usize) -> Result<ExactReader, PersonError> {
        let map = map_file(dir, EXACT_FILE)?;
        let corrupt = |why: String| PersonError::Corrupt {
            file: EXACT_FILE,
            why,
        };
        check_head(&map, EXACT_MAGIC, EXACT_HEADER, EXACT_FILE)?;
        if read_u32(&map, 12) as usize != buckets {
            return Err(corrupt("bucket count differs from the columns file".into()));
        }
        let entries = read_u32(&map, 16) as usize;
        let person_bits = read_u32(&map, 20);
        let want = EXACT_HEADER + (buckets + 1) * 4 + entries * ENTRY + 2 + 4;
        if map.len() != want || !(1..=32).contains(&person_bits) {
            return Err(corrupt(format!(
                "{} bytes, expected {want} for {buckets} buckets and {entries} entries",
                map.len()
            )));
        }
        check_crc(&map, EXACT_FILE)?;
        Ok(ExactReader {
            map,
            buckets,
            entries,
            person_bits,
        })
    }

    /// The entries of `h`'s bucket, as a range of entry indexes.
    #[inline]
    pub(super) fn bucket(&self, h: u64) -> (u32, u32) {
        let at = EXACT_HEADER + exact_bucket(h, self.buckets) * 4;
        let both = read_u64(&self.map, at);
        (both as u32, (both >> 32) as u32)
    }

    /// The person whose key hashes to `h` in bucket range `(lo, hi)`, if any.
    #[inline]
    pub(super) fn person(&self, h: u64, (lo, hi): (u32, u32)) -> Option<usize> {
        let fp = exact_fingerprint(h, self.person_bits);
        let base = EXACT_HEADER + (self.buckets + 1) * 4;
        let hi = (hi as usize).min(self.entries);
        let mask = (1u64 << self.person_bits) - 1;
        (lo as usize..hi).find_map(|e| {
            let entry = read_u64(&self.map, base + e * ENTRY) & 0xFFFF_FFFF_FFFF;
            (entry >> self.person_bits == fp).then_some((entry & mask) as usize)
        })
    }
}
