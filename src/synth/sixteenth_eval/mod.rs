//! The sixteenth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`], every post town of
//! `data/postcodes/NO.tsv` with streets of its own stems), households and register
//! ([`population`]), lead layout and corruptions ([`corruption`]), look-alikes
//! ([`look_alikes`]) and its fairness judge ([`judge`]); it uses neither the matcher nor the
//! other sets' generators. `docs/person-evaluation-sixteenth-set.md` describes every kind.
//! The matcher must never be tuned on this set's failures; if it is, a seventeenth set is
//! needed.
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
    corruption::LOSSY,
    corruption::WHITESPACE,
    corruption::TWO,
];

/// Splits `n` by `shares` (largest remainder).
fn counts(n: usize, shares: &[(&'static str, u32)]) -> Vec<(&'static str, usize)> {
    let total: u32 = shares.iter().map(|s| s.1).sum();
    let mut out: Vec<(&'static str, usize, u64)> = shares
        .iter()
        .map(|&(k, s)| {
            let x = n as u64 * u64::from(s);
            (k, (x / u64::from(total)) as usize, x % u64::from(total))
        })
        .collect();
    let mut left = n - out.iter().map(|o| o.1).sum::<usize>();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(out[i].2));
    for i in order {
        if left == 0 {
            break;
        }
        out[i].1 += 1;
        left -= 1;
    }
    out.into_iter().map(|(k, c, _)| (k, c)).collect()
}

/// Generates the set: `reserved_persons` reserved persons and `leads` leads, half corrupted.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut places = Places::new(seed);
    let pop = Population::new(seed, reserved_persons, &mut places);
    let register: Vec<PersonRecord> = pop
        .register
        .iter()
        .map(|&i| pop.people[i].record.clone())
        .collect();
    let judge = Judge::new(&register, &places);
    let mut rng = ChaCha8Rng::seed_from_u64(seed.wrapping_mul(31).wrapping_add(7));
    let mut out = Vec::new();
    let mut used = HashSet::new();
    let mut order: Vec<usize> = (0..register.len()).collect();
    order.shuffle(&mut rng);
    for (kind, count) in counts(leads / 2, corruption::KINDS) {
        if order.is_empty() {
            break;
        }
        let start = rng.random_range(0..order.len());
        let mut got = 0;
        for step in 0..order.len() {
            if got == count {
                break;
            }
            let i = order[(start + step) % order.len()];
            if used.contains(&i) {
                continue;
            }
            let base = layout(&mut rng, &register[i]);
            let Some(q) = apply(kind, &mut rng, base.clone(), &register[i], &places) else {
                continue;
            };
            if (kind != corruption::UNCHANGED && q == base) || !judge.fair_corrupted(&q, i) {
                continue;
            }
            used.insert(i);
            got += 1;
            out.push(Lead {
                query: q,
                truth: Some(i),
                kind,
            });
        }
    }
    for (kind, count) in counts(leads - leads / 2, look_alikes::KINDS) {
        let mut got = 0;
        let mut tries = 0;
        while got < count && tries < 3_000 + 60 * count && !pop.register.is_empty() {
            tries += 1;
            let a = pop.register[rng.random_range(0..pop.register.len())];
            let Some(q) = look_alikes::build(kind, &mut rng, &pop, a) else {
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
    Set {
        register,
        leads: out,
    }
}
