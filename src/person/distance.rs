//! Bounded edit distance between folded name and street tokens, on the hot path of fuzzy
//! matching.
//!
//! The distance is the *optimal string alignment* distance (Levenshtein plus transposition
//! of two adjacent letters, the commonest typing error: `Hnasen` is one edit from `Hansen`).
//! It works on bytes: folded keys are ASCII except for letters outside Latin script, where a
//! multi-byte letter then costs more than one edit, which only makes matching stricter.
//! Tested against `strsim::osa_distance`.

/// Longest input handled on the stack; longer ones fall back to heap rows.
const STACK: usize = 64;

/// OSA distance between `a` and `b` if it is at most `max`, else `None`.
pub fn osa_within(a: &[u8], b: &[u8], max: u32) -> Option<u32> {
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    if (a.len() - b.len()) as u32 > max {
        return None;
    }
    if b.is_empty() {
        return Some(a.len() as u32);
    }
    if a == b {
        return Some(0);
    }
    if letters_bound(a, b) > max {
        return None;
    }
    let n = b.len();
    if n < STACK {
        let mut rows = [[0u32; STACK]; 3];
        run(a, b, max, &mut rows)
    } else {
        let mut rows = vec![vec![0u32; n + 1]; 3];
        let [r0, r1, r2] = rows.as_mut_slice() else {
            return None;
        };
        run_rows(a, b, max, r0, r1, r2)
    }
}

/// A lower bound of the distance, in a pass over each string: an edit takes at most one
/// letter away from the set of letters of a string and adds at most one, so each string
/// has at most `distance` letters the other lacks. Letters are bits of a 64-bit mask (byte
/// mod 64); letters sharing a bit only weaken the bound.
fn letters_bound(a: &[u8], b: &[u8]) -> u32 {
    let mask = |s: &[u8]| s.iter().fold(0u64, |m, &c| m | 1 << (c & 63));
    let (ma, mb) = (mask(a), mask(b));
    (ma & !mb).count_ones().max((mb & !ma).count_ones())
}

fn run(a: &[u8], b: &[u8], max: u32, rows: &mut [[u32; STACK]; 3]) -> Option<u32> {
    let [r0, r1, r2] = rows;
    run_rows(a, b, max, r0, r1, r2)
}

/// The DP over three rows: `two` (i-2), `prev` (i-1), `cur` (i).
fn run_rows(
    a: &[u8],
    b: &[u8],
    max: u32,
    two: &mut [u32],
    prev: &mut [u32],
    cur: &mut [u32],
) -> Option<u32> {
    let n = b.len();
    let (mut two, mut prev, mut cur) = (two, prev, cur);
    for (j, p) in prev.iter_mut().enumerate().take(n + 1) {
        *p = j as u32;
    }
    for i in 1..=a.len() {
        cur[0] = i as u32;
        let mut row_min = cur[0];
        let ai = a[i - 1];
        for j in 1..=n {
            let bj = b[j - 1];
            let cost = u32::from(ai != bj);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == bj {
                v = v.min(two[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut two, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[n];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_distances() {
        assert_eq!(osa_within(b"hansen", b"hansen", 2), Some(0));
        assert_eq!(osa_within(b"hansen", b"hnasen", 2), Some(1));
        assert_eq!(osa_within(b"hansen", b"hanssen", 2), Some(1));
        assert_eq!(osa_within(b"hansen", b"hanse", 2), Some(1));
        assert_eq!(osa_within(b"ola", b"ole", 2), Some(1));
        assert_eq!(osa_within(b"ola", b"kari", 2), None);
        assert_eq!(osa_within(b"", b"ab", 2), Some(2));
        assert_eq!(osa_within(b"", b"abc", 2), None);
    }

    proptest! {
        #[test]
        fn agrees_with_strsim(a in "[a-e]{0,12}", b in "[a-e]{0,12}", max in 0u32..5) {
            let want = strsim::osa_distance(&a, &b) as u32;
            let got = osa_within(a.as_bytes(), b.as_bytes(), max);
            prop_assert_eq!(got, (want <= max).then_some(want));
        }

        #[test]
        fn letters_bound_never_exceeds_the_distance(a in "[a-z]{0,14}", b in "[a-z]{0,14}") {
            let d = strsim::osa_distance(&a, &b) as u32;
            prop_assert!(letters_bound(a.as_bytes(), b.as_bytes()) <= d);
        }

        #[test]
        fn agrees_with_strsim_long(a in "[a-c]{60,80}", b in "[a-c]{60,80}") {
            let want = strsim::osa_distance(&a, &b) as u32;
            prop_assert_eq!(osa_within(a.as_bytes(), b.as_bytes(), 200), Some(want));
        }
    }
}
