//! The eleventh person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`], every post town of
//! `data/postcodes/NO.tsv` with invented streets), households and register ([`population`]),
//! lead layouts and corruptions ([`corruption`]), look-alikes ([`look_alikes`]) and its
//! fairness judge ([`judge`]); it uses neither the matcher nor the other sets' generators.
//! `docs/person-evaluation-eleventh-set.md` describes every kind. The matcher must never be
//! tuned on this set's failures; if it is, a twelfth set is needed.
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
use corruption::Ctx;
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
    corruption::POSTCODE_TYPO,
    corruption::POSTCODE_GLYPHS,
    corruption::POSTCODE_MISSING,
    corruption::BOLIGNUMMER,
    corruption::STREET_INITIAL,
    corruption::STREET_PREFIX,
    corruption::SPELLING,
    corruption::OCR,
    corruption::TRANSLIT,
    corruption::WHITESPACE,
    corruption::TWO,
];

/// Corrupted kinds and their shares of the corrupted half, in ‰.
pub const CORRUPTED: &[(&str, u32)] = &[
    (corruption::POSTCODE_TYPO, 60),
    (corruption::POSTCODE_GLYPHS, 55),
    (corruption::POSTCODE_MISSING, 55),
    (corruption::BOLIGNUMMER, 60),
    (corruption::STREET_INITIAL, 50),
    (corruption::STREET_PREFIX, 50),
    (corruption::SPELLING, 60),
    (corruption::OCR, 60),
    (corruption::TRANSLIT, 55),
    (corruption::WHITESPACE, 55),
    (corruption::TWO, 80),
    (corruption::UNCHANGED, 30),
    (corruption::MOJIBAKE_KIND, 70),
    (corruption::POSTCODE_TOWN_ONE_FIELD, 70),
    (corruption::NAMES_SWAPPED, 65),
    (corruption::CSV_DEBRIS, 65),
    (corruption::TRUNCATED, 60),
];

/// Look-alike kinds and their shares of the look-alike half, in ‰.
pub const LOOK_ALIKES: &[(&str, u32)] = &[
    (look_alikes::HOUSEHOLD_MEMBER, 150),
    (look_alikes::SAME_SURNAME_OTHER_GIVEN, 120),
    (look_alikes::NAMESAKE_OTHER_TOWN, 110),
    (look_alikes::NEIGHBOUR, 100),
    (look_alikes::ONE_EDIT, 120),
    (look_alikes::TWO_FAMILY, 130),
    (look_alikes::LODGER, 130),
    (look_alikes::MOVED_OUT, 140),
];

/// Why a kind's label is fair, for every kind of this set.
pub fn why_fair(kind: &str) -> Option<&'static str> {
    Some(match kind {
        corruption::POSTCODE_TYPO => "the town is right and the house is in it",
        corruption::POSTCODE_GLYPHS => "the glyphs read back to the postcode",
        corruption::POSTCODE_MISSING => "the town is given and the house is in it",
        corruption::BOLIGNUMMER => "a flat number only adds to the house",
        corruption::STREET_INITIAL => "the initial is the street's given name's",
        corruption::STREET_PREFIX => "the abbreviation stands for the prefix",
        corruption::SPELLING => "another spelling of the same name",
        corruption::OCR => "one letter's shape",
        corruption::TRANSLIT => "only æ/ø/å are lost",
        corruption::WHITESPACE => "only the spaces differ",
        corruption::TWO => "each damage is fair, in different parts",
        corruption::UNCHANGED => "nothing is changed",
        corruption::MOJIBAKE_KIND => "the bytes decode back to the letters",
        corruption::POSTCODE_TOWN_ONE_FIELD => "both are there, in one field",
        corruption::NAMES_SWAPPED => "both names are there, in each other's fields",
        corruption::CSV_DEBRIS => "quotes and semicolons are not letters",
        corruption::TRUNCATED => "the cut name begins only the person's street",
        look_alikes::HOUSEHOLD_MEMBER => "another real person, a given name told apart",
        look_alikes::SAME_SURNAME_OTHER_GIVEN => "a given name told apart from everybody's there",
        look_alikes::NAMESAKE_OTHER_TOWN => "another town, no shared birth date",
        look_alikes::NEIGHBOUR => "another house and another given name",
        look_alikes::ONE_EDIT => "another real name at another address",
        look_alikes::TWO_FAMILY => "another real person at the other letter",
        look_alikes::LODGER => "another surname, no shared birth date",
        look_alikes::MOVED_OUT => "a real relative at another house",
        _ => return None,
    })
}

/// Counts per kind by largest remainder (the same for every seed).
fn counts(table: &[(&'static str, u32)], total: usize) -> Vec<(&'static str, usize)> {
    let mut out: Vec<(&'static str, usize, usize)> = table
        .iter()
        .map(|&(k, s)| {
            let exact = total * s as usize;
            (k, exact / 1000, exact % 1000)
        })
        .collect();
    let assigned: usize = out.iter().map(|x| x.1).sum();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(out[i].2), i));
    for &i in order.iter().take(total - assigned) {
        out[i].1 += 1;
    }
    out.into_iter().map(|(k, c, _)| (k, c)).collect()
}

/// The generator's random source for a seed; its first draws make the places.
fn rng_of(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed ^ 0x0e1e_7e17)
}

/// Generates the set: at least `reserved_persons` reserved persons and about `leads` leads.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = rng_of(seed);
    let places = Places::new(&mut rng);
    let pop = Population::generate(&mut rng, &places, reserved_persons.max(1));
    let judge = Judge::new(&places, &pop.register);
    let ctx = Ctx { places: &places };
    let n = pop.register.len();
    let mut out = Vec::with_capacity(leads);

    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    let mut used = vec![false; n];
    for (kind, count) in counts(CORRUPTED, leads / 2) {
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
            let p = &pop.persons[pop.person_of_row[row]];
            let mut q = corruption::lossless(&mut rng, &ctx, p);
            if corruption::apply(&mut rng, &ctx, p, &mut q, kind).is_none() {
                continue;
            }
            if judge.fair(&q, Some(row)) {
                used[row] = true;
                made += 1;
                out.push(Lead {
                    query: q,
                    truth: Some(row),
                    kind,
                });
            }
        }
    }
    for (kind, count) in counts(LOOK_ALIKES, leads - leads / 2) {
        let mut made = 0;
        let mut tries = 0;
        while made < count && tries < 3_000 + 60 * count {
            tries += 1;
            let anchor = pop.person_of_row[rng.random_range(0..n)];
            let Some(q) = look_alikes::build(&mut rng, &ctx, &pop, kind, anchor) else {
                continue;
            };
            if judge.fair(&q, None) {
                made += 1;
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
        register: pop.register,
        leads: out,
    }
}
