//! The fourteenth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`], every post town of
//! `data/postcodes/NO.tsv` with streets of its own stems), households and register
//! ([`population`]), lead layout and corruptions ([`corruption`]), look-alikes
//! ([`look_alikes`]) and its fairness judge ([`judge`]); it uses neither the matcher nor the
//! other sets' generators. `docs/person-evaluation-fourteenth-set.md` describes every kind.
//! The matcher must never be tuned on this set's failures; if it is, a fifteenth set is needed.
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

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::person::{PersonQuery, PersonRecord};
use corruption::{Ctx, apply, finish, layout};
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
    corruption::POSTCODE_TOWN_RIGHT,
    corruption::POSTCODE_GLYPHS,
    corruption::POSTCODE_BLANK,
    corruption::BOLIGNUMMER,
    corruption::STREET_INITIAL,
    corruption::STREET_PREFIX,
    corruption::GIVEN_VARIANT,
    corruption::OCR,
    corruption::TRANSLIT,
    corruption::WHITESPACE,
    corruption::TWO,
];

/// Counts per kind of `total` leads by shares per mille (largest remainder).
pub(crate) fn counts(shares: &[(&'static str, u32)], total: usize) -> Vec<(&'static str, usize)> {
    let sum: u64 = shares
        .iter()
        .map(|&(_, s)| u64::from(s))
        .sum::<u64>()
        .max(1);
    let mut out: Vec<(&'static str, usize, u64)> = shares
        .iter()
        .map(|&(k, s)| {
            let x = total as u64 * u64::from(s);
            (k, (x / sum) as usize, x % sum)
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

/// The random source of `seed`'s set; the first draws make its geography.
pub(crate) fn world(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed ^ 0x0014_0014_1414)
}

/// The set of `seed`: `reserved_persons` reserved persons and up to `leads` labelled leads
/// (half corrupted reserved persons, half look-alikes; fewer only if the register is too small
/// to give every kind fair leads).
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = world(seed);
    let places = Places::new(&mut rng);
    let pop = Population::new(&places, &mut rng, reserved_persons);
    let judge = Judge::new(&places, &pop.register);
    let n = pop.register.len();
    let mut out = Vec::with_capacity(leads);
    let mut used = vec![false; n];
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    for (kind, count) in counts(corruption::SHARES, leads / 2) {
        if n == 0 {
            break;
        }
        let start = rng.random_range(0..n);
        let mut made = 0;
        for k in 0..n {
            if made == count {
                break;
            }
            let row = order[(start + k) % n];
            if used[row] {
                continue;
            }
            let person = &pop.people[pop.of_row[row]];
            let base = layout(&pop.register[row], &mut rng);
            let mut d = base.clone();
            let ctx = Ctx {
                places: &places,
                person,
            };
            if !apply(kind, &mut d, &ctx, &mut rng) {
                continue;
            }
            let query = finish(&d);
            if kind != corruption::UNCHANGED && query == finish(&base) {
                continue;
            }
            if judge.could_be(&query) != [row] {
                continue;
            }
            used[row] = true;
            out.push(Lead {
                query,
                truth: Some(row),
                kind,
            });
            made += 1;
        }
    }
    for (kind, count) in counts(look_alikes::SHARES, leads - leads / 2) {
        let (mut made, mut tries) = (0, 0);
        while made < count && tries < 3_000 + 60 * count && n > 0 {
            tries += 1;
            let row = rng.random_range(0..n);
            let Some((p, year_only)) =
                look_alikes::build(kind, &places, &pop, pop.of_row[row], &mut rng)
            else {
                continue;
            };
            let r = look_alikes::lead_record(&places, &p, year_only);
            let mut d = layout(&r, &mut rng);
            if year_only {
                d.birth = r.birth_date;
            }
            if rng.random_bool(0.2) {
                d.postcode = String::new();
            }
            let query = finish(&d);
            let mut bare = query.clone();
            bare.birth_date = None;
            if !judge.could_be(&query).is_empty() || !judge.could_be(&bare).is_empty() {
                continue;
            }
            out.push(Lead {
                query,
                truth: None,
                kind,
            });
            made += 1;
        }
    }
    out.shuffle(&mut rng);
    Set {
        register: pop.register,
        leads: out,
    }
}
