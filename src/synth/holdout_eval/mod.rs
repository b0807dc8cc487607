//! The third person evaluation set: held out, written blind.
//!
//! This module owns a generator of labelled persons and leads that the person matcher is never
//! tuned on. It was written from the issue's text and the register format only (the public
//! [`PersonRecord`] and [`PersonQuery`] types), without reading the matcher, its word lists or
//! the other two evaluation sets; its names, streets, corruption models and look-alikes are its
//! own. `docs/person-evaluation-third-set.md` describes every kind, its share and how fairness
//! is enforced.
//!
//! [`generate`] builds a population in households at real Norwegian postcodes
//! (`data/postcodes/NO.tsv`), reserves a share of them (the register), and writes leads: half
//! are reserved persons as a damaged lead list would carry them (one *corruption kind* each),
//! half are *look-alikes*, persons who are not reserved but resemble a reserved one (household
//! members, namesakes, neighbours, near-names). Every lead passes a fairness check of its own
//! (`Judge`), a model of a careful human reader with only the lead and the register at hand:
//!
//! - a corrupted lead must still fit its reserved person, and every other reserved person must
//!   be ruled out by something the lead carries;
//! - a look-alike must be ruled out against every reserved person by something the lead
//!   carries (a differing birth date or national id in the lead, a clearly different name, a
//!   different house, street or town).
//!
//! Leads that fail the check are drawn again, so the set never asks a matcher to do what a
//! careful human could not.
//!
//! # Files
//! - `kinds.rs`: the corruption and look-alike kinds and their shares.
//! - `words.rs`: the word lists (given names, surnames, variants, street-name parts).
//! - `places.rs`: postcodes and post towns from the bundled register.
//! - `names.rs`: weighted word lists and drawing names.
//! - `population.rs`: households, addresses, persons, birth dates and national ids.
//! - `judge.rs`: the fairness judge and the text folding and address reading it uses.
//! - `draft.rs`: a lead being written and the text damage applied to it.
//! - `leads.rs`: writing each corruption and each look-alike (`Gen`).
//! - `tests.rs`: labels, fairness and realism checked from the outside.

mod draft;
mod judge;
mod kinds;
mod leads;
mod names;
mod places;
mod population;
#[cfg(test)]
mod tests;
mod words;

use draft::*;
use judge::*;
use kinds::*;
use leads::*;
use names::*;
use places::*;
use population::*;
use words::*;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::person::{PersonQuery, PersonRecord};

/// The register (reserved persons) and the labelled leads of one generated set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldoutSet {
    /// The reserved persons, as the population register delivers them.
    pub register: Vec<PersonRecord>,
    /// The leads, in random order.
    pub leads: Vec<HoldoutLead>,
}

/// One lead with its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldoutLead {
    /// The lead as a list carries it.
    pub query: PersonQuery,
    /// The reserved person (index into [`HoldoutSet::register`]) the lead is; `None` for a
    /// look-alike, who is not reserved.
    pub truth: Option<usize>,
    /// The corruption kind (reserved leads) or look-alike kind (the others); see
    /// [`CORRUPTION_KINDS`] and [`LOOKALIKE_KINDS`].
    pub kind: &'static str,
}

/// The kinds that correspond to the issue's listed corruptions (for the ≥ 0.97 per-kind target).
pub const ISSUE_KINDS: &[&str] = &[
    "postcode_typo_city_right",
    "postcode_misread",
    "postcode_missing_city_given",
    "flat_number_in_street",
    "street_initial_abbreviated",
    "street_prefix_abbreviated",
    "given_name_spelling_variant",
    "ocr_confusion",
    "transliteration_two_fields",
    "whitespace_nbsp_or_double",
    "two_corruptions",
];

/// Every corruption kind of the reserved leads, the issue's first.
pub const CORRUPTION_KINDS: &[&str] = &[
    "postcode_typo_city_right",
    "postcode_misread",
    "postcode_missing_city_given",
    "flat_number_in_street",
    "street_initial_abbreviated",
    "street_prefix_abbreviated",
    "given_name_spelling_variant",
    "ocr_confusion",
    "transliteration_two_fields",
    "whitespace_nbsp_or_double",
    "two_corruptions",
    "name_typo",
    "street_typo",
    "street_suffix_variant",
    "street_compound_spacing",
    "middle_name_dropped",
    "called_by_middle_name",
    "full_name_one_field",
    "names_swapped",
    "double_surname_partial",
    "given_name_hyphenation",
    "house_letter_dropped_or_attached",
    "mojibake",
    "moved_with_birth_date",
    "national_id_formatted",
    "postcode_city_one_field",
    "care_of_and_punctuation",
];

/// Every look-alike kind (leads that are not reserved).
pub const LOOKALIKE_KINDS: &[&str] = &[
    "household_other_member",
    "household_namesake_birth_date",
    "household_near_name_birth_date",
    "twin_sibling",
    "cohabitant_same_given_name",
    "namesake_elsewhere",
    "namesake_same_town",
    "neighbour_same_name",
    "neighbour_same_surname",
    "near_name_elsewhere",
    "near_name_neighbour",
    "household_namesake_national_id",
    "same_house_other_letter",
];

/// How many tries a lead gets before its slot is given up (only tiny registers run out).
const ATTEMPTS: usize = 400;

/// Generates the set: `reserved_persons` reserved persons in households, and `leads` leads,
/// half reserved-and-corrupted, half look-alikes. Deterministic in `seed`. Fewer leads are
/// returned only when the register is too small to give every kind a fair lead.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> HoldoutSet {
    let postcodes = Postcodes::parse(include_str!("../../../data/postcodes/NO.tsv"));
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x7468_6972_645f_7365);
    let names = Names::new();
    let world = World::build(&postcodes, &names, reserved_persons, &mut rng);
    if world.register.is_empty() || leads == 0 {
        return HoldoutSet {
            register: world.register,
            leads: Vec::new(),
        };
    }

    let truths = leads / 2;
    let mut slots: Vec<Slot> = Vec::with_capacity(leads);
    let shares: Vec<u32> = CORRUPTION_SHARES.iter().map(|(_, s)| *s).collect();
    for (i, n) in apportion(truths, &shares).into_iter().enumerate() {
        slots.extend((0..n).map(|_| Slot::Truth(CORRUPTION_SHARES[i].0)));
    }
    let shares: Vec<u32> = LOOKALIKE_SHARES.iter().map(|(_, s)| *s).collect();
    for (i, n) in apportion(leads - truths, &shares).into_iter().enumerate() {
        slots.extend((0..n).map(|_| Slot::LookAlike(LOOKALIKE_SHARES[i].0)));
    }
    slots.shuffle(&mut rng);

    let judge = Judge::new(&world.register, &postcodes);
    let mut g = Gen {
        w: &world,
        rng,
        judge,
        used: vec![false; world.register.len()],
        nids: world.nids.clone(),
    };
    let mut out = Vec::with_capacity(leads);
    for slot in slots {
        let lead = match slot {
            Slot::Truth(c) => g.truth(c),
            Slot::LookAlike(k) => g.lookalike(k),
        };
        out.extend(lead);
    }
    HoldoutSet {
        register: world.register,
        leads: out,
    }
}

#[derive(Debug, Clone, Copy)]
enum Slot {
    Truth(Corruption),
    LookAlike(LookAlike),
}

/// Splits `total` by `shares` (largest remainder), deterministically.
fn apportion(total: usize, shares: &[u32]) -> Vec<usize> {
    let sum: u64 = shares.iter().map(|&s| u64::from(s)).sum::<u64>().max(1);
    let exact: Vec<u64> = shares
        .iter()
        .map(|&s| total as u64 * u64::from(s))
        .collect();
    let mut counts: Vec<usize> = exact.iter().map(|&e| (e / sum) as usize).collect();
    let mut rest = total - counts.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(exact[i] % sum), i));
    for &i in order.iter().cycle().take(rest.min(shares.len() * 2)) {
        if rest == 0 {
            break;
        }
        counts[i] += 1;
        rest -= 1;
    }
    counts
}

// ---------------------------------------------------------------------------------------------
// Word lists. Weights are approximate numbers of bearers in Norway, in thousands, as this
// module's author remembers Statistics Norway's name statistics; they are not copied from a
// source, and age cohorts are not modelled (every name is drawn for every birth year).
// ---------------------------------------------------------------------------------------------
