//! The ninth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`], every post town of
//! `data/postcodes/NO.tsv`), households and register ([`population`]), lead layouts and
//! corruptions ([`corruption`]), look-alikes ([`look_alikes`]) and its fairness judge
//! ([`judge`]); it uses neither the matcher nor the other sets' generators.
//! `docs/person-evaluation-ninth-set.md` describes every kind. The matcher must never be tuned
//! on this set's failures; if it is, a tenth set is needed.
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

/// Corrupted kinds of debatable fairness (reported, no target).
pub const DEBATABLE_KINDS: &[&str] = corruption::DEBATABLE;

/// Corrupted kinds with their shares of the corrupted half, in ‰.
pub const CORRUPTED_KINDS: &[(&str, u32)] = corruption::KINDS;

/// Look-alike kinds with their shares of the look-alike half, in ‰.
pub const LOOK_ALIKE_KINDS: &[(&str, u32)] = look_alikes::KINDS;

/// The count of each kind for `total` leads (largest remainder).
fn counts(kinds: &[(&'static str, u32)], total: usize) -> Vec<(&'static str, usize)> {
    let mut out: Vec<(&'static str, usize, usize)> = kinds
        .iter()
        .map(|&(k, s)| {
            let x = total * s as usize;
            (k, x / 1000, x % 1000)
        })
        .collect();
    let given: usize = out.iter().map(|o| o.1).sum();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| out[b].2.cmp(&out[a].2).then(a.cmp(&b)));
    for &i in order.iter().take(total.saturating_sub(given)) {
        out[i].1 += 1;
    }
    out.into_iter().map(|(k, n, _)| (k, n)).collect()
}

/// Generates the set: at least `reserved_persons` reserved persons, `leads` leads (half
/// corrupted, rounded down; fewer only if a tiny register runs out).
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x9e37_79b9_0009);
    let places = places::Places::new(&mut rng);
    let pop = population::Population::new(&mut rng, &places, reserved_persons.max(1));
    let judge = judge::Judge::new(&pop.register, &places);
    let mut out: Vec<Lead> = Vec::with_capacity(leads);
    let n = pop.register.len();

    let corrupted = leads / 2;
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    let mut used = vec![false; n];
    for (kind, count) in counts(corruption::KINDS, corrupted) {
        let mut made = 0;
        let start = rng.random_range(0..n);
        for k in 0..n {
            if made == count {
                break;
            }
            let row = order[(start + k) % n];
            if used[row] {
                continue;
            }
            let p = &pop.persons[pop.of_row[row]];
            let birth = rng.random_bool(0.35).then_some(p.birth);
            let mut d = corruption::Draft::new(
                &mut rng, &places, &p.given, &p.surname, p.man, &p.house, birth,
            );
            let ctx = corruption::Ctx {
                places: &places,
                house: &p.house,
            };
            if !corruption::apply(kind, &mut d, &ctx, &mut rng) {
                continue;
            }
            let query = d.render();
            if judge.refuse(&query, Some(row)).is_some() {
                continue;
            }
            used[row] = true;
            made += 1;
            out.push(Lead {
                query,
                truth: Some(row),
                kind,
            });
        }
    }

    for (kind, count) in counts(look_alikes::KINDS, leads - corrupted) {
        let mut made = 0;
        let mut tries = 0;
        while made < count && tries < 3000 + count * 60 {
            tries += 1;
            let anchor = pop.of_row[rng.random_range(0..n)];
            let Some(d) = look_alikes::build(kind, anchor, &pop, &places, &mut rng) else {
                continue;
            };
            let query = d.render();
            if judge.refuse(&query, None).is_some() {
                continue;
            }
            made += 1;
            out.push(Lead {
                query,
                truth: None,
                kind,
            });
        }
    }
    out.shuffle(&mut rng);
    Set {
        register: pop.register,
        leads: out,
    }
}
