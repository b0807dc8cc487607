//! The sixth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`]), population and
//! register ([`population`]), lead layout and corruptions ([`corruption`]), look-alikes
//! ([`look_alikes`]) and its fairness judge ([`judge`]); it uses neither the matcher nor the
//! other sets' generators. `docs/person-evaluation-sixth-set.md` describes every kind. The
//! matcher must never be tuned on this set's failures.
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

use std::collections::HashSet;

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
    corruption::POSTCODE_SLIP,
    corruption::POSTCODE_LETTERS,
    corruption::POSTCODE_ABSENT,
    corruption::BOLIGNUMMER,
    corruption::STREET_INITIAL,
    corruption::STREET_PREFIX,
    corruption::GIVEN_SPELLING,
    corruption::OCR,
    corruption::LOSSY_TWO,
    corruption::WHITESPACE,
    corruption::TWO_ISSUES,
];

/// Kinds of debatable fairness: reported, no target.
pub const DEBATABLE_KINDS: &[&str] = &[corruption::SHORT_FORM, corruption::COUPLE];

/// Shares of the corrupted half, in per mille.
pub const CORRUPTION_SHARES: &[(&str, u32)] = &[
    (corruption::POSTCODE_SLIP, 60),
    (corruption::POSTCODE_LETTERS, 55),
    (corruption::POSTCODE_ABSENT, 55),
    (corruption::BOLIGNUMMER, 60),
    (corruption::STREET_INITIAL, 50),
    (corruption::STREET_PREFIX, 50),
    (corruption::GIVEN_SPELLING, 60),
    (corruption::OCR, 60),
    (corruption::LOSSY_TWO, 50),
    (corruption::WHITESPACE, 55),
    (corruption::TWO_ISSUES, 70),
    (corruption::UNCHANGED, 20),
    (corruption::MAIDEN, 40),
    (corruption::ONE_FIELD, 35),
    (corruption::SHORT_FORM, 25),
    (corruption::TITLE, 30),
    (corruption::ISSUE_FORMAT, 40),
    (corruption::RANGE, 20),
    (corruption::FLOOR_CARE_OF, 30),
    (corruption::MIDDLE_DROPPED, 30),
    (corruption::HYPHEN_DROPPED, 20),
    (corruption::NUMBER_NR, 30),
    (corruption::BOKMAL_NYNORSK, 30),
    (corruption::COUPLE, 25),
];

/// Shares of the look-alike half, in per mille.
pub const LOOK_ALIKE_SHARES: &[(&str, u32)] = &[
    (look_alikes::HOUSEHOLD, 220),
    (look_alikes::NAMESAKE, 150),
    (look_alikes::NEIGHBOUR_LETTER, 100),
    (look_alikes::NEIGHBOUR_FLAT, 120),
    (look_alikes::ONE_EDIT, 140),
    (look_alikes::SAME_YEAR, 140),
    (look_alikes::TWIN, 130),
];

/// Counts per kind for `total` leads by largest remainder.
fn counts(shares: &[(&'static str, u32)], total: usize) -> Vec<(&'static str, usize)> {
    let sum: u64 = shares.iter().map(|s| u64::from(s.1)).sum::<u64>().max(1);
    let mut out: Vec<(&'static str, usize, u64)> = shares
        .iter()
        .map(|&(k, s)| {
            let exact = total as u64 * u64::from(s);
            (k, (exact / sum) as usize, exact % sum)
        })
        .collect();
    let given: usize = out.iter().map(|x| x.1).sum();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| out[b].2.cmp(&out[a].2).then(a.cmp(&b)));
    for &i in order.iter().take(total.saturating_sub(given)) {
        out[i].1 += 1;
    }
    out.into_iter().map(|(k, n, _)| (k, n)).collect()
}

/// Tries per lead before a kind gives up (only a tiny register runs out).
const TRIES: usize = 3_000;

/// Generates the set.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5158_7468_5345_5436);
    let pop = population::Population::generate(&mut rng, reserved_persons.max(1));
    let judge = judge::Judge::new(&pop.register);
    let near = look_alikes::NearNames::build();
    let mut out = Vec::with_capacity(leads);
    let mut used = HashSet::new();
    let rows = pop.register.len();
    for (kind, n) in counts(CORRUPTION_SHARES, leads / 2) {
        for _ in 0..n {
            for _ in 0..TRIES {
                let row = rng.random_range(0..rows);
                if used.contains(&row) {
                    continue;
                }
                let person = &pop.persons[pop.row_person[row]];
                let Some(query) = corruption::corrupt(kind, &pop, person, &mut rng) else {
                    continue;
                };
                if judge.honest(&query, Some(row)) {
                    used.insert(row);
                    out.push(Lead {
                        query,
                        truth: Some(row),
                        kind,
                    });
                    break;
                }
            }
        }
    }
    for (kind, n) in counts(LOOK_ALIKE_SHARES, leads - leads / 2) {
        for _ in 0..n {
            for _ in 0..TRIES {
                let row = rng.random_range(0..rows);
                let anchor = &pop.persons[pop.row_person[row]];
                let Some(query) = look_alikes::look_alike(kind, &pop, anchor, &near, &mut rng)
                else {
                    continue;
                };
                if judge.honest(&query, None) {
                    out.push(Lead {
                        query,
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
