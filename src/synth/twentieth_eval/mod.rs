//! The twentieth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]: streets named after old trades and crafts),
//! geography and households ([`world`]: every post town of `data/postcodes/NO.tsv`), lead
//! layout, corruptions and look-alikes ([`leads`]) and its fairness judge ([`judge`]); it uses
//! neither the matcher nor the other sets' generators. `docs/person-evaluation-twentieth-set.md`
//! describes every kind. The matcher must never be tuned on this set's failures; if it is, a
//! twenty-first set is needed.
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
use leads::{apply, layout, look_alike};
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
    leads::POSTCODE_STALE_LOCAL_MOVE,
    leads::POSTCODE_SLASHED_ZERO,
    leads::TOWN_IN_POSTCODE_COLUMN,
    leads::BOLIGNUMMER_LEADING,
    leads::PERSON_INITIAL_GLUED,
    leads::PREFIX_GLUED,
    leads::GIVEN_BY_EAR,
    leads::OCR_TWO_SPOTS,
    leads::AEOEAA_TWO_SCHEMES,
    leads::PDF_BLANKS,
    leads::PAIRED,
];

/// This set's own corruption kinds: real-world damage the earlier sets do not show.
pub const OWN_KINDS: &[&str] = &[
    leads::POSTCODE_THOUSANDS,
    leads::APOSTROPHE_GENITIVE,
    leads::COOP_BEFORE_STREET,
    leads::LINE_WRAP_HYPHEN,
    leads::FIELD_LABELS,
];

/// The look-alike kinds.
pub const LOOK_ALIKE_KINDS: &[&str] = &[
    leads::HOUSEHOLD_MEMBER,
    leads::NAMESAKE_DISTANT,
    leads::SURNAME_NEXT_DOOR,
    leads::ONE_EDIT_SAME_STREET,
    leads::PREFIX_TWIN,
    leads::NAMESAKE_NEXT_HOUSE,
];

/// Corrupted kinds with their shares in per mille of the corrupted half.
pub const CORRUPTED_SHARES: &[(&str, u32)] = &[
    (leads::POSTCODE_STALE_LOCAL_MOVE, 60),
    (leads::POSTCODE_SLASHED_ZERO, 60),
    (leads::TOWN_IN_POSTCODE_COLUMN, 60),
    (leads::BOLIGNUMMER_LEADING, 60),
    (leads::PERSON_INITIAL_GLUED, 60),
    (leads::PREFIX_GLUED, 60),
    (leads::GIVEN_BY_EAR, 60),
    (leads::OCR_TWO_SPOTS, 60),
    (leads::AEOEAA_TWO_SCHEMES, 60),
    (leads::PDF_BLANKS, 60),
    (leads::PAIRED, 75),
    (leads::POSTCODE_THOUSANDS, 55),
    (leads::APOSTROPHE_GENITIVE, 55),
    (leads::COOP_BEFORE_STREET, 55),
    (leads::LINE_WRAP_HYPHEN, 55),
    (leads::FIELD_LABELS, 55),
    (leads::UNCHANGED, 50),
];

/// Look-alike kinds with their shares in per mille of the look-alike half.
pub const LOOK_ALIKE_SHARES: &[(&str, u32)] = &[
    (leads::HOUSEHOLD_MEMBER, 220),
    (leads::NAMESAKE_DISTANT, 140),
    (leads::SURNAME_NEXT_DOOR, 160),
    (leads::ONE_EDIT_SAME_STREET, 180),
    (leads::PREFIX_TWIN, 160),
    (leads::NAMESAKE_NEXT_HOUSE, 140),
];

/// Splits `n` by per-mille shares, largest remainder first (ties by order).
pub fn split(n: usize, shares: &[(&'static str, u32)]) -> Vec<(&'static str, usize)> {
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
    order.sort_by(|&a, &b| out[b].2.cmp(&out[a].2).then(a.cmp(&b)));
    for &i in order.iter().take(n - given) {
        out[i].1 += 1;
    }
    out.into_iter().map(|(k, c, _)| (k, c)).collect()
}

/// Generates the set: `reserved_persons` in the register, `leads` leads (half corrupted,
/// rounded down; fewer if the register is too small to give every kind fair leads).
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let world = World::new(seed, reserved_persons.max(1));
    let judge = Judge::new(&world.places, &world.register);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x7477_656e_7469_6574);
    let n = world.register.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    let mut used = vec![false; n];
    let mut out: Vec<Lead> = Vec::with_capacity(leads);

    for (kind, count) in split(leads / 2, CORRUPTED_SHARES) {
        let start = rng.random_range(0..n);
        let mut got = 0;
        for step in 0..n {
            if got == count {
                break;
            }
            let r = order[(start + step) % n];
            if used[r] {
                continue;
            }
            let p = world.reg_person[r];
            let kind_of_street = {
                let h = world.house(p);
                world.places.towns[h.town].streets[h.street].kind
            };
            let mut d = layout(&mut rng, &world, &world.register[r], kind_of_street);
            if !apply(kind, &mut rng, &world, p, &mut d) || !judge.fair_corrupted(&d.q, r) {
                continue;
            }
            used[r] = true;
            got += 1;
            out.push(Lead {
                query: d.q,
                truth: Some(r),
                kind,
            });
        }
    }
    for (kind, count) in split(leads - leads / 2, LOOK_ALIKE_SHARES) {
        let mut got = 0;
        let mut tries = 0;
        while got < count && tries < 3_000 + 60 * count {
            tries += 1;
            let anchor = rng.random_range(0..n);
            let Some(d) = look_alike(kind, &mut rng, &world, anchor) else {
                continue;
            };
            if !judge.fair_look_alike(&d.q) {
                continue;
            }
            got += 1;
            out.push(Lead {
                query: d.q,
                truth: None,
                kind,
            });
        }
    }
    out.shuffle(&mut rng);
    Set {
        register: world.register,
        leads: out,
    }
}
