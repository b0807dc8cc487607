//! The thirteenth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`], every post town of
//! `data/postcodes/NO.tsv` with invented streets), households and register ([`population`]),
//! corruptions ([`corruption`]), look-alikes ([`look_alikes`]) and its fairness judge
//! ([`judge`]); it uses neither the matcher nor the other sets' generators.
//! `docs/person-evaluation-thirteenth-set.md` describes every kind. The matcher must never be
//! tuned on this set's failures; if it is, a fourteenth set is needed.
//!
//! `generate(seed, reserved_persons, leads)` is deterministic per seed and fast: the judge
//! finds a lead's candidates in a hash map of the register by (town, house number).

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

/// Everything a generation builds, for the tests.
struct Built {
    set: Set,
    #[cfg_attr(not(test), allow(dead_code))]
    places: Places,
}

fn build(seed: u64, reserved_persons: usize, leads: usize) -> Built {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x13_7e_13);
    let places = Places::load(&mut rng);
    let names_judge = Judge::new(&places, &[]);
    let pop = Population::generate(&places, reserved_persons.max(1), &names_judge, &mut rng);
    let judge = Judge::new(&places, &pop.register);
    let n = pop.register.len();
    let mut out = Vec::with_capacity(leads);
    let mut used = vec![false; n];
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    for (kind, count) in counts(corruption::KINDS, leads / 2) {
        let start = rng.random_range(0..n);
        let mut got = 0;
        for k in 0..n {
            if got == count {
                break;
            }
            let i = order[(start + k) % n];
            if used[i] {
                continue;
            }
            let p = &pop.persons[pop.of_row[i]];
            let Some(q) = corruption::corrupt(kind, &pop.register[i], &places, p.town, &mut rng)
            else {
                continue;
            };
            if judge.fair_corrupted(&q, i) {
                used[i] = true;
                got += 1;
                out.push(Lead {
                    query: q,
                    truth: Some(i),
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
            let anchor = rng.random_range(0..n);
            let Some(q) = look_alikes::make(kind, anchor, &pop, &places, &judge, &mut rng) else {
                continue;
            };
            if judge.fair_look_alike(&q) {
                got += 1;
                out.push(Lead {
                    query: q,
                    truth: None,
                    kind,
                });
            }
        }
    }
    out.shuffle(&mut rng);
    Built {
        set: Set {
            register: pop.register,
            leads: out,
        },
        places,
    }
}

/// Generates the set: about `reserved_persons` reserved persons and `leads` leads (half
/// corrupted reserved persons, half look-alikes), deterministic per seed. A tiny register may
/// give fewer leads.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    build(seed, reserved_persons, leads).set
}
