//! The twenty-second person-matching evaluation set, held out and written blind: a register
//! of reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]: streets of the summer mountain farm and its
//! dairy, *seter* and *støl*), geography and households ([`world`]: every post town of
//! `data/postcodes/NO.tsv`), lead layout, corruptions and look-alikes ([`leads`]) and its
//! fairness judge ([`judge`]); it uses neither the matcher nor the other sets' generators.
//! `docs/person-evaluation-twentysecond-set.md` describes every kind. The matcher must never
//! be tuned on this set's failures; if it is, a twenty-third set is needed.
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
use leads::{CORRUPTED, LOOK_ALIKES, PICK_ORDER, corrupt, counts, look_alike};
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

/// The corruption kinds that are the issue's list, in its order.
pub const ISSUE_KINDS: &[&str] = &[
    leads::POSTCODE_OLD_COUNTING,
    leads::POSTCODE_WORDS,
    leads::TOWN_CUT,
    leads::BOLIG_SLASH,
    leads::PERSON_GIVEN_DROPPED,
    leads::PREFIX_AFTER,
    leads::NORDIC_FORM,
    leads::FAX_GLYPH,
    leads::NFKD_TWO,
    leads::FIXED_WIDTH,
    leads::STREET_TWO,
];

/// The corruption kinds of this set's own, damage no earlier kind name shows.
pub const OWN_KINDS: &[&str] = &[
    leads::NUMBER_REPEATED,
    leads::STEM_NYNORSK,
    leads::COLUMNS_SHIFTED,
    leads::NUMBER_WORD,
];

/// The look-alike kinds (truth `None`).
pub const LOOK_ALIKE_KINDS: &[&str] = &[
    leads::LA_HOUSEMATE,
    leads::LA_NAMESAKE,
    leads::LA_NEIGHBOUR,
    leads::LA_ONE_EDIT,
    leads::LA_COUSIN,
    leads::LA_LIKE_STREET,
];

/// Generates the set: `reserved_persons` on the register (fewer only if the world cannot hold
/// them) and `leads` leads, half corrupted (rounded down) and half look-alikes. A small
/// register gives fewer leads where no fair one can be found.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5E7E_5701_2222_0022);
    let world = World::build(&mut rng, reserved_persons);
    let register: Vec<PersonRecord> = world.register.iter().map(|&p| world.record(p)).collect();
    let judge = Judge::new(&register);
    let mut out = Vec::with_capacity(leads);
    if register.is_empty() {
        return Set {
            register,
            leads: out,
        };
    }
    let corrupted = counts(leads / 2, CORRUPTED);
    let mut used = vec![false; register.len()];
    for &kind in PICK_ORDER {
        let count = corrupted
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0, |(_, c)| *c);
        let mut made = 0;
        let mut tries = 0;
        while made < count && tries < 80 * count + 400 {
            tries += 1;
            let r = rng.random_range(0..register.len());
            if used[r] {
                continue;
            }
            let Some(q) = corrupt(kind, &world, world.register[r], &mut rng) else {
                continue;
            };
            if judge.fair_corrupted(&q, r) {
                used[r] = true;
                out.push(Lead {
                    query: q,
                    truth: Some(r),
                    kind,
                });
                made += 1;
            }
        }
    }
    for (kind, count) in counts(leads - leads / 2, LOOK_ALIKES) {
        let mut made = 0;
        let mut tries = 0;
        while made < count && tries < 80 * count + 400 {
            tries += 1;
            let a = world.register[rng.random_range(0..register.len())];
            let Some(q) = look_alike(kind, &world, a, &mut rng) else {
                continue;
            };
            if judge.fair_look_alike(&q) {
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
        register,
        leads: out,
    }
}
