//! The seventeenth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`], every post town of
//! `data/postcodes/NO.tsv` with streets of its own stems), households and register
//! ([`population`]), lead layout and corruptions ([`corruption`]), look-alikes
//! ([`look_alikes`]) and its fairness judge ([`judge`]); it uses neither the matcher nor the
//! other sets' generators. `docs/person-evaluation-seventeenth-set.md` describes every kind.
//! The matcher must never be tuned on this set's failures; if it is, an eighteenth set is
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
use corruption::{Ctx, apply, layout};
use judge::Judge;
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
    corruption::POSTCODE_SAME_TOWN,
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

/// The set's own corruption kinds (damage the earlier sets' tables do not show).
pub const OWN_KINDS: &[&str] = &[
    corruption::QUESTION_MARKS,
    corruption::PLACEHOLDER_BIRTH,
    corruption::CALL_NAME,
    corruption::GENITIVE,
    corruption::MELLOMNAVN,
];

/// Splits `n` by `shares` (largest remainder).
fn counts(n: usize, shares: &[(&'static str, u32)]) -> Vec<(&'static str, usize)> {
    let total: u64 = shares.iter().map(|s| u64::from(s.1)).sum();
    let mut out: Vec<(&'static str, usize, u64)> = shares
        .iter()
        .map(|&(k, s)| {
            let x = n as u64 * u64::from(s);
            (k, (x / total) as usize, x % total)
        })
        .collect();
    let given: usize = out.iter().map(|o| o.1).sum();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(out[i].2), i));
    for &i in order.iter().take(n - given) {
        out[i].1 += 1;
    }
    out.into_iter().map(|(k, c, _)| (k, c)).collect()
}

/// Generates the set: `reserved_persons` in the register, `leads` labelled leads (fewer
/// only if a small register runs out of persons a kind fits).
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let pop = Population::new(seed, reserved_persons);
    let judge = Judge::new(&pop);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x1705_e717);
    let register: Vec<PersonRecord> = pop.register.iter().map(|&p| pop.record(p)).collect();
    let mut out = Vec::with_capacity(leads);
    let n = register.len();

    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    let mut used: HashSet<usize> = HashSet::new();
    for (kind, count) in counts(leads / 2, corruption::SHARES) {
        if n == 0 {
            break;
        }
        let start = rng.random_range(0..n);
        let mut made = 0;
        for step in 0..n {
            if made == count {
                break;
            }
            let i = order[(start + step) % n];
            if used.contains(&i) {
                continue;
            }
            let p = pop.register[i];
            let person = &pop.persons[p];
            let record = &register[i];
            let ctx = Ctx {
                person,
                record,
                street: &pop.places.streets_made(person.town)[person.street],
                town: &pop.places.towns[person.town],
            };
            let base = layout(&mut rng, record);
            let mut q = base.clone();
            if !apply(kind, &mut rng, &mut q, ctx) {
                continue;
            }
            if kind != corruption::UNCHANGED && q == base {
                continue;
            }
            if !judge.fair_corrupted(&q, i) {
                continue;
            }
            used.insert(i);
            made += 1;
            out.push(Lead {
                query: q,
                truth: Some(i),
                kind,
            });
        }
    }

    for (kind, count) in counts(leads - leads / 2, look_alikes::SHARES) {
        if n == 0 {
            break;
        }
        let mut made = 0;
        let mut tries = 0;
        while made < count && tries < 3_000 + 60 * count {
            tries += 1;
            let anchor = pop.register[rng.random_range(0..n)];
            let Some(q) = look_alikes::make(kind, &mut rng, &pop, anchor) else {
                continue;
            };
            if !judge.fair_look_alike(&q) {
                continue;
            }
            made += 1;
            out.push(Lead {
                query: q,
                truth: None,
                kind,
            });
        }
    }
    out.shuffle(&mut rng);
    Set {
        register,
        leads: out,
    }
}
