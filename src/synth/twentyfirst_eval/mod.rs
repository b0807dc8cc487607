//! The twenty-first person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]: streets named after boats and fishing gear),
//! geography and households ([`world`]: every post town of `data/postcodes/NO.tsv`), lead
//! layout, corruptions and look-alikes ([`leads`]) and its fairness judge ([`judge`]); it uses
//! neither the matcher nor the other sets' generators.
//! `docs/person-evaluation-twentyfirst-set.md` describes every kind. The matcher must never be
//! tuned on this set's failures; if it is, a twenty-second set is needed.
//!
//! `generate(seed, reserved_persons, leads)` is deterministic per seed.

mod judge;
mod leads;
mod names;
#[cfg(test)]
mod tests;
mod world;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::person::{PersonQuery, PersonRecord};
use judge::Judge;
use leads::{apply, counts, layout, look_alike, query};
use world::World;

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
    leads::POSTCODE_AUTOFILLED,
    leads::POSTCODE_HANDWRITTEN,
    leads::POSTCODE_PLACEHOLDER,
    leads::BOLIGNUMMER_BRACKETED,
    leads::PERSON_STREET_INITIALS,
    leads::PREFIX_NO_DOT,
    leads::GIVEN_RESPELLED,
    leads::SCANNED_ADDRESS,
    leads::AEOEAA_ASCII_CAPITALS,
    leads::WORD_PROCESSOR_SPACES,
    leads::NAME_AND_ADDRESS,
];

/// The corruption kinds of this set's own, beyond the issue's list.
pub const OWN_KINDS: &[&str] = &[
    leads::OPPGANG,
    leads::GNR_BNR,
    leads::COMPOUND_HYPHEN,
    leads::CUSTOMER_NUMBER,
];

/// The look-alike kinds.
pub const LOOK_ALIKE_KINDS: &[&str] = &[
    leads::HOUSEHOLD,
    leads::FAR_NAMESAKE,
    leads::TWO_DOORS,
    leads::ONE_EDIT,
    leads::SAME_NUMBER_OTHER_STREET,
    leads::FIRST_NAMESAKE,
];

/// Generates the set: `reserved_persons` register rows and up to `leads` leads, half of them
/// (rounded down) corrupted reserved persons and the rest look-alikes. A register too small
/// to give every kind fair leads gives fewer.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x2121_2121_5eed_0021);
    let world = World::build(&mut rng, reserved_persons);
    let register: Vec<PersonRecord> = world.register.iter().map(|&id| world.record(id)).collect();
    let judge = Judge::new(&register);
    let mut out = Vec::with_capacity(leads);
    let n = register.len();
    if n > 0 {
        let corrupted = leads / 2;
        let mut used = vec![false; n];
        let mut order: Vec<usize> = (0..n).collect();
        order.shuffle(&mut rng);
        for (kind, count) in counts(leads::CORRUPTED, corrupted) {
            let start = rng.random_range(0..n);
            let mut got = 0;
            for k in 0..n {
                if got == count {
                    break;
                }
                let ri = order[(start + k) % n];
                if used[ri] {
                    continue;
                }
                let id = world.register[ri];
                let mut d = layout(&mut rng, &world, id);
                if !apply(&mut rng, &world, id, &mut d, kind) {
                    continue;
                }
                let q = query(&d);
                if !judge.fair_corrupted(&q, ri) {
                    continue;
                }
                used[ri] = true;
                got += 1;
                out.push(Lead {
                    query: q,
                    truth: Some(ri),
                    kind,
                });
            }
        }
        for (kind, count) in counts(leads::LOOK_ALIKES, leads - corrupted) {
            let mut got = 0;
            for _ in 0..3_000 + 60 * count {
                if got == count {
                    break;
                }
                let anchor = world.register[rng.random_range(0..n)];
                let Some(d) = look_alike(&mut rng, &world, anchor, kind) else {
                    continue;
                };
                let q = query(&d);
                if !judge.fair_look_alike(&q) {
                    continue;
                }
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
