//! The nineteenth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`]: every post town of
//! `data/postcodes/NO.tsv`, with streets of tree, berry and wild-flower stems), households and
//! register ([`population`]), lead layout and corruptions ([`corruption`]), look-alikes
//! ([`look_alikes`]) and its fairness judge ([`judge`]); it uses neither the matcher nor the
//! other sets' generators. `docs/person-evaluation-nineteenth-set.md` describes every kind.
//! The matcher must never be tuned on this set's failures; if it is, a twentieth set is
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

use rand::Rng;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use crate::person::{PersonQuery, PersonRecord};
use corruption::{Ctx, apply};
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
    corruption::POSTCODE_OTHER_IN_TOWN,
    corruption::POSTCODE_LETTER_GLYPHS,
    corruption::POSTCODE_NONE_TOWN_KEPT,
    corruption::BOLIGNUMMER_IN_STREET,
    corruption::PERSON_STREET_INITIAL,
    corruption::PREFIX_SHORT,
    corruption::GIVEN_VARIANT,
    corruption::OCR_RN_M_L1,
    corruption::AEOEAA_TWO,
    corruption::ODD_SPACES,
    corruption::TWO_ISSUE,
];

/// The set's own corruption kinds: damage the earlier sets' tables do not show.
pub const OWN_KINDS: &[&str] = corruption::OWN;

/// Splits `total` by shares per mille (largest remainder).
fn counts(total: usize, shares: &[(&'static str, u32)]) -> Vec<usize> {
    let sum: u64 = shares.iter().map(|s| u64::from(s.1)).sum();
    let exact: Vec<(usize, u64)> = shares
        .iter()
        .map(|s| {
            let x = total as u64 * u64::from(s.1);
            ((x / sum) as usize, x % sum)
        })
        .collect();
    let mut out: Vec<usize> = exact.iter().map(|e| e.0).collect();
    let mut left = total - out.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| exact[b].1.cmp(&exact[a].1).then(a.cmp(&b)));
    for i in order {
        if left == 0 {
            break;
        }
        out[i] += 1;
        left -= 1;
    }
    out
}

/// The number of leads each kind gets: corrupted kinds of `leads / 2`, look-alikes of the rest.
pub fn kind_counts(leads: usize) -> Vec<(&'static str, usize)> {
    let c = leads / 2;
    let mut out: Vec<(&'static str, usize)> = corruption::KINDS
        .iter()
        .map(|k| k.0)
        .zip(counts(c, corruption::KINDS))
        .collect();
    out.extend(
        look_alikes::KINDS
            .iter()
            .map(|k| k.0)
            .zip(counts(leads - c, look_alikes::KINDS)),
    );
    out
}

/// Generates the set: `reserved_persons` reserved persons and up to `leads` leads.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x1919_0019_1919);
    let places = Places::load(seed);
    let pop = Population::build(&mut rng, &places, reserved_persons.max(1));
    let judge = Judge::new(&pop.register, &places);
    let ctx = Ctx {
        places: &places,
        pop: &pop,
    };
    let n = pop.register.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    let mut used = vec![false; n];
    let mut out = Vec::with_capacity(leads);
    let wanted = kind_counts(leads);
    for &(kind, count) in &wanted[..corruption::KINDS.len()] {
        let start = rng.random_range(0..n);
        let mut made = 0;
        for k in 0..n {
            if made == count {
                break;
            }
            let i = order[(start + k) % n];
            if used[i] {
                continue;
            }
            if let Some(q) = apply(kind, &ctx, i, &mut rng)
                && judge.fair_corrupted(&q, i)
            {
                used[i] = true;
                out.push(Lead {
                    query: q,
                    truth: Some(i),
                    kind,
                });
                made += 1;
            }
        }
    }
    for &(kind, count) in &wanted[corruption::KINDS.len()..] {
        let mut made = 0;
        let mut tries = 0;
        while made < count && tries < 3_000 + 60 * count {
            tries += 1;
            if let Some(q) = look_alikes::attempt(kind, &ctx, &mut rng)
                && judge.fair_look_alike(&q)
            {
                out.push(Lead {
                    query: q,
                    truth: None,
                    kind,
                });
                made += 1;
            }
        }
    }
    out.shuffle(&mut rng);
    Set {
        register: pop.register,
        leads: out,
    }
}
