//! The eighth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`], every post town of
//! `data/postcodes/NO.tsv`), households and register ([`population`]), lead layouts and
//! corruptions ([`corruption`]), look-alikes ([`look_alikes`]) and its fairness judge
//! ([`judge`]); it uses neither the matcher nor the other sets' generators.
//! `docs/person-evaluation-eighth-set.md` describes every kind. The matcher must never be
//! tuned on this set's failures; if it is, a ninth set is needed.
//!
//! `generate(seed, reserved_persons, leads)` is deterministic per seed and fast: the judge
//! finds a lead's candidates in hash maps of the register.

mod corruption;
mod judge;
mod look_alikes;
mod names;
mod places;
mod population;
#[cfg(test)]
mod tests;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::person::{PersonQuery, PersonRecord};
pub use judge::why_fair;

/// One labelled lead.
#[derive(Debug, Clone, PartialEq)]
pub struct Lead {
    /// The lead as the matcher gets it.
    pub query: PersonQuery,
    /// The register index of the reserved person the lead is, or `None` for a look-alike.
    pub truth: Option<usize>,
    /// The kind of corruption or look-alike.
    pub kind: &'static str,
}

/// A generated set: the register of reserved persons and the labelled leads.
#[derive(Debug, Clone)]
pub struct Set {
    /// The reserved persons (a lead's truth is an index into this).
    pub register: Vec<PersonRecord>,
    /// The leads, shuffled.
    pub leads: Vec<Lead>,
}

/// The corruption kinds that are the issue's list.
pub const ISSUE_KINDS: &[&str] = &[
    corruption::POSTCODE_TYPO,
    corruption::POSTCODE_GLYPHS,
    corruption::POSTCODE_MISSING,
    corruption::BOLIGNUMMER,
    corruption::STREET_INITIAL,
    corruption::STREET_PREFIX,
    corruption::GIVEN_SPELLING,
    corruption::OCR,
    corruption::TRANSLIT,
    corruption::WHITESPACE,
    corruption::TWO,
];

/// The corrupted kinds of debatable fairness (reported, no target).
pub const DEBATABLE_KINDS: &[&str] = corruption::DEBATABLE_KINDS;

/// Every corrupted kind with its share in per mille of the corrupted half.
pub const CORRUPTED_KINDS: &[(&str, u32)] = corruption::KINDS;

/// Every look-alike kind with its share in per mille of the look-alike half.
pub const LOOK_ALIKE_KINDS: &[(&str, u32)] = look_alikes::KINDS;

/// Counts per kind for `total` leads by largest remainder.
fn counts(kinds: &[(&'static str, u32)], total: usize) -> Vec<(&'static str, usize)> {
    let sum: u64 = kinds.iter().map(|(_, s)| u64::from(*s)).sum::<u64>().max(1);
    let mut out: Vec<(&'static str, usize, u64)> = kinds
        .iter()
        .map(|&(k, s)| {
            let x = total as u64 * u64::from(s);
            (k, (x / sum) as usize, x % sum)
        })
        .collect();
    let mut left = total - out.iter().map(|c| c.1).sum::<usize>();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| out[b].2.cmp(&out[a].2).then(a.cmp(&b)));
    for i in order {
        if left == 0 {
            break;
        }
        out[i].1 += 1;
        left -= 1;
    }
    out.into_iter().map(|(k, c, _)| (k, c)).collect()
}

/// Per kind, the number of leads of `leads` (half corrupted, rounded down).
pub fn kind_counts(leads: usize) -> Vec<(&'static str, usize)> {
    let mut c = counts(CORRUPTED_KINDS, leads / 2);
    c.extend(counts(LOOK_ALIKE_KINDS, leads - leads / 2));
    c
}

/// A judge of `register`.
fn judge_of(register: &[PersonRecord]) -> judge::Judge {
    judge::Judge::new(register, places::postcode_towns())
}

/// A look-alike is fair if it could be nobody reserved, and, but for the one kind that is
/// told apart by its birth date alone, also without its birth date.
fn look_alike_fair(judge: &judge::Judge, q: &PersonQuery, kind: &str) -> bool {
    if judge.verdict(q, None).is_err() {
        return false;
    }
    if kind == look_alikes::GENERATION || q.birth_date.is_none() {
        return true;
    }
    let mut without = q.clone();
    without.birth_date = None;
    judge.verdict(&without, None).is_ok()
}

/// Generates the set: `reserved_persons` reserved persons (households are drawn until there
/// are that many) and `leads` leads, half corrupted, half look-alikes. Deterministic per seed.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x8e18_7a5e_0008_0008);
    let pop = population::generate(&mut rng, reserved_persons.max(1));
    let judge = judge_of(&pop.register);
    let n = pop.register.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    let mut used = vec![false; n];
    let mut out = Vec::with_capacity(leads);
    let corrupted = counts(CORRUPTED_KINDS, leads / 2);
    for (kind, count) in corrupted {
        let start = rng.random_range(0..n);
        let mut made = 0;
        for step in 0..n {
            if made == count {
                break;
            }
            let r = order[(start + step) % n];
            if used[r] {
                continue;
            }
            let Some(q) = corruption::corrupt(&mut rng, &pop, kind, r) else {
                continue;
            };
            if judge.verdict(&q, Some(r)).is_ok() {
                used[r] = true;
                made += 1;
                out.push(Lead {
                    query: q,
                    truth: Some(r),
                    kind,
                });
            }
        }
    }
    for (kind, count) in counts(LOOK_ALIKE_KINDS, leads - leads / 2) {
        for _ in 0..count {
            for _ in 0..3000 {
                let Some(q) = look_alikes::look_alike(&mut rng, &pop, kind) else {
                    continue;
                };
                if look_alike_fair(&judge, &q, kind) {
                    out.push(Lead {
                        query: q,
                        truth: None,
                        kind,
                    });
                    break;
                }
            }
        }
    }
    out.shuffle(&mut rng);
    Set {
        register: pop.register,
        leads: out,
    }
}
