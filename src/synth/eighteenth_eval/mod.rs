//! The eighteenth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`], every post town of
//! `data/postcodes/NO.tsv` with streets of its own bird stems), households and register
//! ([`population`]), lead layout and corruptions ([`corruption`]), look-alikes
//! ([`look_alikes`]) and its fairness judge ([`judge`]); it uses neither the matcher nor the
//! other sets' generators. `docs/person-evaluation-eighteenth-set.md` describes every kind.
//! The matcher must never be tuned on this set's failures; if it is, a nineteenth set is
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

use std::collections::HashMap;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::person::{PersonQuery, PersonRecord};
use corruption::{Ctx, apply};
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
    corruption::POSTCODE_NONE,
    corruption::BOLIG,
    corruption::PERSON_INITIAL,
    corruption::PREFIX_SHORT,
    corruption::SPELLING,
    corruption::OCR,
    corruption::LOSSY,
    corruption::WHITESPACE,
    corruption::TWO,
];

/// The set's own corruption kinds, damage no earlier set's tables show.
pub const OWN_KINDS: &[&str] = &[
    corruption::X000D,
    corruption::BIRTH_UTC,
    corruption::BIRTH_SIGNUP,
    corruption::SURNAME_DOUBLING,
    corruption::GREETING,
];

/// Corrupted kinds with their shares per mille of the corrupted half.
pub const CORRUPTED_KINDS: &[(&str, u32)] = corruption::KINDS;

/// Look-alike kinds with their shares per mille of the look-alike half.
pub const LOOK_ALIKE_KINDS: &[(&str, u32)] = look_alikes::KINDS;

/// `n` split by shares per mille (largest remainder, ties to the earlier kind).
pub fn counts(n: usize, shares: &[(&'static str, u32)]) -> Vec<(&'static str, usize)> {
    let total: u64 = shares.iter().map(|&(_, s)| u64::from(s)).sum();
    let mut out: Vec<(&'static str, usize, u64)> = shares
        .iter()
        .map(|&(k, s)| {
            let x = n as u64 * u64::from(s);
            (k, (x / total) as usize, x % total)
        })
        .collect();
    let given: usize = out.iter().map(|o| o.1).sum();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| out[b].2.cmp(&out[a].2).then(a.cmp(&b)));
    for &i in order.iter().take(n - given) {
        out[i].1 += 1;
    }
    out.into_iter().map(|(k, c, _)| (k, c)).collect()
}

/// Generates the set: `reserved_persons` in the register, `leads` labelled leads (half
/// corrupted, half look-alikes; fewer only if the register is too small).
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x1818_1818);
    let pop = Population::generate(seed, &mut rng, reserved_persons.max(1));
    let judge = Judge::new(&pop);
    let n = pop.register.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    let mut used = vec![false; n];
    let mut out = Vec::with_capacity(leads);

    for (kind, count) in counts(leads / 2, CORRUPTED_KINDS) {
        let mut made = 0;
        let mut pos = rng.random_range(0..n);
        for _ in 0..n {
            if made == count {
                break;
            }
            let r = order[pos];
            pos = (pos + 1) % n;
            if used[r] {
                continue;
            }
            let person = &pop.people[pop.person_of_reg[r]];
            let mut ctx = Ctx {
                rng: &mut rng,
                pop: &pop,
                person,
                row: &pop.register[r],
            };
            let Some(q) = apply(&mut ctx, kind) else {
                continue;
            };
            if judge.fair_corrupted(&q, r) {
                used[r] = true;
                made += 1;
                out.push(Lead {
                    query: q,
                    truth: Some(r),
                    kind,
                });
            }
        }
    }

    let mut streets_by_name: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut towns: Vec<&usize> = pop.streets.keys().collect();
    towns.sort_unstable();
    for &t in towns {
        for (s, st) in pop.streets[&t].iter().enumerate() {
            streets_by_name
                .entry(st.name.as_str())
                .or_default()
                .push((t, s));
        }
    }
    for (kind, count) in counts(leads - leads / 2, LOOK_ALIKE_KINDS) {
        let mut made = 0;
        for _ in 0..(3_000 + 60 * count) {
            if made == count {
                break;
            }
            let anchor = rng.random_range(0..n);
            let Some(q) = look_alikes::build(&mut rng, &pop, &streets_by_name, kind, anchor) else {
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
    drop(streets_by_name);
    out.shuffle(&mut rng);
    Set {
        register: pop.register,
        leads: out,
    }
}
