//! The thirty-ninth person-matching evaluation set, held out and written blind: a register
//! of reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The theme is **a municipal library's borrower register** (*folkebibliotek*,
//! *lånerregister*): leads come from the circulation system that exports the pickup branch's
//! postcode or the home branch code, the call-number label recogniser that read the digitised
//! borrower cards, the self-service kiosk's form with its `Bolignr:` box, the bookmobile's
//! route list that cuts street prefixes and patrons' given names, the national library card
//! (*Nasjonalt lånekort*) that merged another library's spelling, text recognition of the old
//! borrower card index, the old DOS library system's code page, the library's web page
//! (*Min side*) with its zero-width spaces and display names, and the home branch written
//! after the town. The module owns its word lists ([`names`]: streets of birds and of invented
//! local librarians and writers, near surnames, nicknames, branches), its geography and
//! households ([`world`]: every post town of `data/postcodes/NO.tsv`), lead layout,
//! corruptions and look-alikes ([`leads`]) and its clerk judge ([`judge`]); it uses neither the
//! matcher nor the other sets' generators. `docs/person-evaluation-thirtyninth-set.md`
//! describes every kind. The matcher must never be tuned on this set's failures; if it is, a
//! fortieth set is needed.
//!
//! `generate(seed, reserved_persons, leads)` is deterministic per seed.

mod judge;
mod leads;
mod names;
#[cfg(test)]
mod tests;
mod world;

use rand::SeedableRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use crate::person::{PersonQuery, PersonRecord};
use judge::Judge;
use leads::{CORRUPTED, LOOK_ALIKES, PICK_ORDER, anchors, corrupt, counts, look_alike, real_keys};
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

/// The corruption kinds that cover the issue's list, in its order.
pub const ISSUE_KINDS: &[&str] = &[
    leads::PICKUP,
    leads::CALL_NUMBER,
    leads::BRANCH_CODE,
    leads::BOLIGNR,
    leads::ROUTE_PREFIX,
    leads::ROUTE_PATRON,
    leads::MERGE_SPELLING,
    leads::CARD_INDEX_OCR,
    leads::DOS_CODE_PAGE,
    leads::WEB_GAPS,
    leads::PAIR_MERGE_PICKUP,
    leads::PAIR_ROUTE_BOLIGNR,
    leads::PAIR_OCR_BRANCH,
];

/// This set's own corruption kinds: damage no earlier kind name shows.
pub const OWN_KINDS: &[&str] = &[leads::NICKNAME, leads::BRANCH_TOWN];

/// The look-alike kinds (truth `None`).
pub const LOOK_ALIKE_KINDS: &[&str] = &[
    leads::LA_HOUSEHOLD,
    leads::LA_GUARDIAN,
    leads::LA_BRANCH_ELSEWHERE,
    leads::LA_NEAR_ENTRANCE,
    leads::LA_SIBLING_STREET,
    leads::LA_UNPREFIXED,
];

/// The control kind: the layout only.
pub const UNCHANGED: &str = leads::UNCHANGED;

/// Generates the set: a register of `reserved_persons` reserved persons and `leads` leads,
/// half (rounded down) corrupted reserved persons, half look-alikes, every lead passed by the
/// judge. A register too small for a kind gives fewer leads of it.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x3939_b0c5_11b7_a7e5);
    let world = World::build(&mut rng, reserved_persons);
    let register: Vec<PersonRecord> = world.register.iter().map(|&p| world.record(p)).collect();
    let judge = Judge::new(&register);
    let real = real_keys();
    let mut out = Vec::with_capacity(leads);
    if register.is_empty() {
        return Set {
            register,
            leads: out,
        };
    }

    let corrupted = leads / 2;
    let wanted = counts(corrupted, CORRUPTED);
    let mut used = vec![false; register.len()];
    for &kind in PICK_ORDER {
        // Every kind of the pick order has a share (a test checks it).
        let Some(i) = CORRUPTED.iter().position(|(k, _)| *k == kind) else {
            continue;
        };
        let count = wanted[i];
        let budget = 60 * count + 300;
        let mut order: Vec<usize> = (0..register.len()).collect();
        order.shuffle(&mut rng);
        let (mut made, mut tries) = (0, 0);
        for r in order {
            if made == count || tries >= budget {
                break;
            }
            if used[r] {
                continue;
            }
            tries += 1;
            if let Some(q) = corrupt(&mut rng, &world, kind, world.register[r], &real)
                && judge.corrupted_fair(&q, r)
            {
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

    let wanted = counts(leads - corrupted, LOOK_ALIKES);
    for (&(kind, _), &count) in LOOK_ALIKES.iter().zip(&wanted) {
        if count == 0 {
            continue;
        }
        // Anchors are drawn among the reserved persons the kind applies to.
        let pool: Vec<usize> = (0..register.len())
            .filter(|&r| anchors(&world, kind, world.register[r]))
            .collect();
        let budget = 60 * count + 300;
        let (mut made, mut tries) = (0, 0);
        while made < count && tries < budget {
            tries += 1;
            let Some(&r) = pool.choose(&mut rng) else {
                break;
            };
            if let Some(q) = look_alike(&mut rng, &world, kind, world.register[r], &real)
                && judge.look_alike_fair(&q)
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
        register,
        leads: out,
    }
}
