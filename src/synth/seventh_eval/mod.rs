//! The seventh person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`], every post town of
//! `data/postcodes/NO.tsv`), households and register ([`population`]), lead layouts and
//! corruptions ([`corruption`]), look-alikes ([`look_alikes`]) and its fairness judge
//! ([`judge`]); it uses neither the matcher nor the other sets' generators.
//! `docs/person-evaluation-seventh-set.md` describes every kind. The matcher must never be
//! tuned on this set's failures; if it is, an eighth set is needed.
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
    corruption::LOSSY_TWO,
    corruption::WHITESPACE,
    corruption::TWO_ISSUE,
];

/// Kinds whose fairness is debatable: reported, no target.
pub const DEBATABLE_KINDS: &[&str] = corruption::DEBATABLE;

/// Counts per kind for `total` leads by largest remainder of `share‰ · total`.
fn counts(kinds: &[(&'static str, u32, &str)], total: usize) -> Vec<(&'static str, usize)> {
    let sum: u64 = kinds.iter().map(|k| u64::from(k.1)).sum();
    let mut out: Vec<(&'static str, usize, u64)> = kinds
        .iter()
        .map(|k| {
            let exact = u64::from(k.1) * total as u64;
            (k.0, (exact / sum) as usize, exact % sum)
        })
        .collect();
    let mut left = total - out.iter().map(|o| o.1).sum::<usize>();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| out[b].2.cmp(&out[a].2).then(a.cmp(&b)));
    for i in order {
        if left == 0 {
            break;
        }
        out[i].1 += 1;
        left -= 1;
    }
    out.into_iter().map(|o| (o.0, o.1)).collect()
}

/// Generates the set: `reserved_persons` register rows and `leads` leads (half corrupted
/// reserved persons rounded down, half look-alikes), deterministic per `seed`.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5e7e_47b1_1d5e_7000);
    let geo = places::Geography::build(&mut rng);
    let pop = population::Population::build(&geo, reserved_persons, &mut rng);
    let judge = judge::Judge::new(&pop.register);
    let mut out: Vec<Lead> = Vec::with_capacity(leads);
    let rows = pop.register.len();
    if rows == 0 {
        return Set {
            register: pop.register,
            leads: out,
        };
    }

    // Corrupted reserved persons: each kind walks one shuffled order of the rows from the
    // start, skipping rows used already; a person is used once.
    let mut order: Vec<u32> = (0..rows as u32).collect();
    order.shuffle(&mut rng);
    let mut used = vec![false; rows];
    for (kind, want) in counts(corruption::KINDS, leads / 2) {
        let mut made = 0;
        for &row in &order {
            if made == want {
                break;
            }
            if used[row as usize] {
                continue;
            }
            let p = &pop.persons[pop.row_person[row as usize] as usize];
            let mut d = corruption::Draft::new(&mut rng, &geo, p, 0.35);
            if !corruption::apply(&mut rng, kind, &mut d, p) {
                continue;
            }
            let query = d.render();
            if judge.fair_corrupted(&query, row as usize) {
                used[row as usize] = true;
                made += 1;
                out.push(Lead {
                    query,
                    truth: Some(row as usize),
                    kind,
                });
            }
        }
    }

    // Look-alikes around random anchors.
    for (kind, want) in counts(look_alikes::KINDS, leads - leads / 2) {
        for _ in 0..want {
            for _ in 0..3000 {
                let row = rng.random_range(0..rows);
                let anchor = &pop.persons[pop.row_person[row] as usize];
                let shows = pop.register[row].birth_date.is_some();
                let Some(d) = look_alikes::make(&mut rng, kind, &geo, &pop, anchor, shows) else {
                    continue;
                };
                let query = d.render();
                if judge.fair_look_alike(&query) {
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
