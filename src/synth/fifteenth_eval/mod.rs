//! The fifteenth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`], every post town of
//! `data/postcodes/NO.tsv` with streets of its own stems), households and register
//! ([`population`]), lead layout and corruptions ([`corruption`]), look-alikes
//! ([`look_alikes`]) and its fairness judge ([`judge`]); it uses neither the matcher nor the
//! other sets' generators. `docs/person-evaluation-fifteenth-set.md` describes every kind.
//! The matcher must never be tuned on this set's failures; if it is, a sixteenth set is needed.
//!
//! `generate(seed, reserved_persons, leads)` is deterministic per seed: the judge finds a
//! lead's candidates in a hash map of the register by (town, house number).

mod corruption;
mod judge;
mod look_alikes;
mod names;
mod places;
mod population;
#[cfg(test)]
mod tests;

use std::collections::HashSet;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::person::{PersonQuery, PersonRecord};
use corruption::{apply, layout};
use judge::Judge;
use places::Places;
use population::Population;

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
    corruption::POSTCODE_OTHER_SAME_TOWN,
    corruption::POSTCODE_GLYPHS,
    corruption::POSTCODE_EMPTY,
    corruption::BOLIGNUMMER_KIND,
    corruption::STREET_INITIAL,
    corruption::STREET_PREFIX,
    corruption::GIVEN_VARIANT,
    corruption::OCR,
    corruption::TRANSLIT,
    corruption::WHITESPACE,
    corruption::TWO,
];

/// Counts per kind of `total` by shares (largest remainder).
fn counts(kinds: &[(&'static str, u32)], total: usize) -> Vec<(&'static str, usize)> {
    let sum: u64 = kinds.iter().map(|k| u64::from(k.1)).sum();
    let mut out: Vec<(&'static str, usize, u64)> = kinds
        .iter()
        .map(|&(k, s)| {
            let exact = total as u64 * u64::from(s);
            (k, (exact / sum) as usize, exact % sum)
        })
        .collect();
    let mut left = total - out.iter().map(|o| o.1).sum::<usize>();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(out[i].2));
    for i in order {
        if left == 0 {
            break;
        }
        out[i].1 += 1;
        left -= 1;
    }
    out.into_iter().map(|(k, n, _)| (k, n)).collect()
}

/// Generates the set: `reserved_persons` reserved persons and `leads` labelled leads (fewer
/// if a small register runs out of persons a kind fits).
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut places = Places::new(seed);
    let pop = Population::new(seed, reserved_persons, &mut places);
    let judge = Judge::new(&pop.register, &places);
    let mut rng = ChaCha8Rng::seed_from_u64(seed.wrapping_mul(31).wrapping_add(15));
    let n = pop.register.len();
    let mut out = Vec::with_capacity(leads);
    if n == 0 {
        return Set {
            register: pop.register,
            leads: out,
        };
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    let mut used: HashSet<usize> = HashSet::new();
    for (kind, count) in counts(corruption::KINDS, leads / 2) {
        let start = rng.random_range(0..n);
        let mut j = 0;
        for _ in 0..count {
            while j < n {
                let truth = order[(start + j) % n];
                j += 1;
                if used.contains(&truth) {
                    continue;
                }
                let r = &pop.register[truth];
                let mut q = layout(r, &mut rng);
                if apply(kind, &mut q, r, &places, &mut rng) && judge.fair_corrupted(&q, truth) {
                    used.insert(truth);
                    out.push(Lead {
                        query: q,
                        truth: Some(truth),
                        kind,
                    });
                    break;
                }
            }
        }
    }
    for (kind, count) in counts(look_alikes::KINDS, leads - leads / 2) {
        let mut tries = 3_000 + 60 * count;
        let mut made = 0;
        while made < count && tries > 0 {
            tries -= 1;
            let anchor = rng.random_range(0..n);
            let Some(q) = look_alikes::build(kind, anchor, &pop, &mut places, &mut rng) else {
                continue;
            };
            if judge.fair_look_alike(&q) {
                made += 1;
                out.push(Lead {
                    query: q,
                    truth: None,
                    kind,
                });
            }
        }
    }
    out.shuffle(&mut rng);
    Set {
        register: pop.register,
        leads: out,
    }
}
