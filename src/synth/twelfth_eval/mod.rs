//! The twelfth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`], every post town of
//! `data/postcodes/NO.tsv` with invented streets), households and register ([`population`]),
//! lead layouts and corruptions ([`corruption`]), look-alikes ([`look_alikes`]) and its
//! fairness judge ([`judge`]); it uses neither the matcher nor the other sets' generators.
//! `docs/person-evaluation-twelfth-set.md` describes every kind. The matcher must never be
//! tuned on this set's failures; if it is, a thirteenth set is needed.
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
use corruption::Parts;
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
    corruption::POSTCODE_TYPO,
    corruption::POSTCODE_GLYPHS,
    corruption::POSTCODE_MISSING,
    corruption::BOLIGNUMMER,
    corruption::STREET_INITIAL,
    corruption::STREET_PREFIX,
    corruption::SPELLING,
    corruption::OCR,
    corruption::TRANSLIT,
    corruption::WHITESPACE,
    corruption::TWO,
];

/// Counts per kind for `total` leads by per-mille shares (largest remainder).
fn counts(kinds: &[(&'static str, u32, &str)], total: usize) -> Vec<(&'static str, usize)> {
    let sum: u64 = kinds.iter().map(|k| u64::from(k.1)).sum();
    let mut out: Vec<(&'static str, usize, u64)> = kinds
        .iter()
        .map(|&(k, s, _)| {
            let x = total as u64 * u64::from(s);
            (k, (x / sum) as usize, x % sum)
        })
        .collect();
    let given: usize = out.iter().map(|k| k.1).sum();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| out[b].2.cmp(&out[a].2).then(a.cmp(&b)));
    for &i in order.iter().take(total - given) {
        out[i].1 += 1;
    }
    out.into_iter().map(|(k, n, _)| (k, n)).collect()
}

/// Generates the register and `leads` labelled leads (half corrupted, half look-alikes).
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0012_7e1f_5e7d);
    let places = Places::new(&mut rng);
    let pop = Population::new(&mut rng, &places, reserved_persons.max(1));
    let judge = Judge::new(&places, &pop.register);
    let n = pop.register.len();
    let mut out = Vec::with_capacity(leads);

    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    let mut used = vec![false; n];
    for (kind, count) in counts(corruption::KINDS, leads / 2) {
        let start = rng.random_range(0..n);
        let mut got = 0;
        for k in 0..n {
            if got == count {
                break;
            }
            let row = order[(start + k) % n];
            if used[row] {
                continue;
            }
            let person = pop.row_person[row];
            let mut parts = Parts::of(&mut rng, &places, &pop.persons[person]);
            if !corruption::apply(kind, &mut rng, &mut parts, &pop, person) {
                continue;
            }
            let query = parts.write(&mut rng);
            if judge.fair_corrupted(&query, row) {
                used[row] = true;
                got += 1;
                out.push(Lead {
                    query,
                    truth: Some(row),
                    kind,
                });
            }
        }
    }
    for (kind, count) in counts(look_alikes::KINDS, leads - leads / 2) {
        let mut got = 0;
        for _ in 0..3_000 + 60 * count {
            if got == count {
                break;
            }
            let row = rng.random_range(0..n);
            let Some(parts) = look_alikes::make(kind, &mut rng, &places, &pop, row) else {
                continue;
            };
            let query = parts.write(&mut rng);
            if judge.fair_look_alike(&query) {
                got += 1;
                out.push(Lead {
                    query,
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
