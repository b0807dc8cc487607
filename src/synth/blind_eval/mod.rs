//! The second, *blind* evaluation set for person matching: a register of reserved persons who
//! live in households, and labelled leads that are either a reserved person's record damaged the
//! way real Norwegian lead data is damaged, or a hard look-alike who is not reserved.
//!
//! This module was written without reading the matcher (nothing of `crate::person` but its two
//! record types) or the first evaluation set, from the issue text and the register format only,
//! so that the matcher can be judged on corruption models it was not tuned to. It owns the whole
//! generator: its own word lists (given names and surnames with rough Norwegian frequencies,
//! street-name parts, famous persons streets are named after), the household population, the
//! corruption and look-alike models, and the labels. Post towns come from the real postcode
//! register bundled in `data/postcodes/NO.tsv`. Every kind is described with an example and its
//! share in `docs/person-evaluation-second-set.md`.
//!
//! [`generate`] is deterministic for a seed. A look-alike is checked against the register (by
//! the generator's own identities, not by strings) before it is kept: no reserved person with the
//! same name at the same house unless birth dates differ, nobody with the same name and birth date
//! unless the national ids differ. A corrupted lead is kept only if no other reserved person is at
//! least as plausible a reading of it.
//!
//! # Files
//! - `kinds.rs`: the corruption and look-alike kinds, their names and shares.
//! - `words.rs`: the word lists (given names, surnames, variants, street-name parts).
//! - `names.rs`: drawing names from the lists, and which names are near or sound alike.
//! - `places.rs`: postcodes, post towns and the streets drawn for them.
//! - `population.rs`: the households of persons, their birth dates, national ids and houses.
//! - `lab.rs`: writing the register and the leads to plan, and the ambiguity check.
//! - `corruption.rs`: each corruption of a reserved person's lead.
//! - `lookalike.rs`: each look-alike, checked against the register.
//! - `damage.rs`: the text damage the corruptions apply (typos, OCR, case, letters, junk).
//! - `tests.rs`: the labels and realism checked from the outside, without the matcher.

mod corruption;
mod damage;
mod kinds;
mod lab;
mod lookalike;
mod names;
mod places;
mod population;
mod words;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::person::{PersonQuery, PersonRecord};

use kinds::Kind;
use lab::Lab;
use population::World;

/// The second evaluation set: a register of reserved persons and labelled leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlindSet {
    /// The reserved persons, as the register delivers them.
    pub register: Vec<PersonRecord>,
    /// The leads, corrupted copies and look-alikes shuffled together.
    pub leads: Vec<BlindLead>,
}

/// One lead with its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlindLead {
    /// The lead as written.
    pub query: PersonQuery,
    /// Index into `register` of the reserved person this lead is (a corrupted copy), or None for
    /// a look-alike that must NOT match any reserved person.
    pub truth: Option<usize>,
    /// The corruption or look-alike kind, a stable snake_case name (e.g.
    /// "postcode_wrong_same_city", "household_member").
    pub kind: &'static str,
}

/// The corruption kinds the issue lists as missed by the matcher; each must reach recall 0.97.
pub const ISSUE_KINDS: [&str; 12] = [
    "postcode_wrong_same_city",
    "postcode_typo_city_right",
    "postcode_ocr",
    "postcode_missing_city_given",
    "flat_number_in_street",
    "street_initial_abbreviated",
    "street_prefix_abbreviated",
    "given_name_spelling_variant",
    "ocr_confusion",
    "transliteration_two_fields",
    "whitespace_nbsp_double_space",
    "two_corruptions",
];

/// Every kind of corrupted lead (its truth is a reserved person), in a stable order.
pub fn corruption_kinds() -> impl Iterator<Item = &'static str> {
    Kind::ALL
        .iter()
        .filter(|k| k.is_corruption())
        .map(|k| k.name())
}

/// Every kind of look-alike lead (its truth is None), in a stable order.
pub fn lookalike_kinds() -> impl Iterator<Item = &'static str> {
    Kind::ALL
        .iter()
        .filter(|k| !k.is_corruption())
        .map(|k| k.name())
}

/// Generates the set: `reserved_persons` register rows and `leads` leads, half of them
/// corrupted copies of reserved persons (rounded down) and the rest look-alikes. Deterministic
/// for a seed. With an empty register there are no leads.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> BlindSet {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let world = World::build(&mut rng, reserved_persons);
    let mut lab = Lab::new(&world, rng);
    let register = lab.register();
    let leads = lab.leads(leads);
    BlindSet { register, leads }
}

#[cfg(test)]
mod tests;
