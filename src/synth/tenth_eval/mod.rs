//! The tenth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! The module owns its word lists ([`names`]), geography ([`places`], every post town of
//! `data/postcodes/NO.tsv` with invented streets), households and register ([`population`]),
//! lead layouts and corruptions ([`corruption`]), look-alikes ([`look_alikes`]) and its
//! fairness judge ([`judge`]); it uses neither the matcher nor the other sets' generators.
//! `docs/person-evaluation-tenth-set.md` describes every kind. The matcher must never be tuned
//! on this set's failures; if it is, an eleventh set is needed.
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
use corruption::{Ctx, Parts};
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
    corruption::POSTCODE_TYPO,
    corruption::POSTCODE_GLYPHS,
    corruption::POSTCODE_MISSING,
    corruption::BOLIGNUMMER,
    corruption::STREET_INITIAL,
    corruption::STREET_PREFIX,
    corruption::GIVEN_SPELLING,
    corruption::OCR,
    corruption::TRANSLIT,
    corruption::WHITESPACE,
    corruption::TWO,
];

/// Corruption kinds and their shares of the corrupted half, in per mille.
pub const CORRUPTION_SHARES: &[(&str, u32)] = &[
    (corruption::POSTCODE_TYPO, 60),
    (corruption::POSTCODE_GLYPHS, 55),
    (corruption::POSTCODE_MISSING, 55),
    (corruption::BOLIGNUMMER, 60),
    (corruption::STREET_INITIAL, 50),
    (corruption::STREET_PREFIX, 50),
    (corruption::GIVEN_SPELLING, 60),
    (corruption::OCR, 60),
    (corruption::TRANSLIT, 55),
    (corruption::WHITESPACE, 55),
    (corruption::TWO, 80),
    (corruption::UNCHANGED, 30),
    (corruption::HTML, 85),
    (corruption::FLOATS, 85),
    (corruption::NUMBER_FIRST, 80),
    (corruption::NFD, 80),
];

/// Look-alike kinds and their shares of the look-alike half, in per mille.
pub const LOOK_ALIKE_SHARES: &[(&str, u32)] = &[
    (look_alikes::HOUSEHOLD_MEMBER, 160),
    (look_alikes::SAME_HOUSE_OTHER_GIVEN, 110),
    (look_alikes::SAME_HOUSE_SAME_INITIAL, 100),
    (look_alikes::NAMESAKE_OTHER_TOWN, 110),
    (look_alikes::NEIGHBOUR_SAME_SURNAME, 100),
    (look_alikes::NAMESAKE_NEARBY, 100),
    (look_alikes::ONE_EDIT, 140),
    (look_alikes::RELATIVE_ELSEWHERE, 80),
    (look_alikes::TWIN, 100),
];

/// Why a lead of `kind` is labelled fairly (`None` for a kind this set does not have).
pub fn why_fair(kind: &str) -> Option<&'static str> {
    Some(match kind {
        corruption::POSTCODE_TYPO => "the town is right and the house is there",
        corruption::POSTCODE_GLYPHS => "the glyphs read back to the person's postcode",
        corruption::POSTCODE_MISSING => "the town is given and the house is in it",
        corruption::BOLIGNUMMER => "a flat number only adds to the house",
        corruption::STREET_INITIAL => "the initial is the street's given name's",
        corruption::STREET_PREFIX => "the abbreviation stands for the street's prefix",
        corruption::GIVEN_SPELLING => "another spelling of the same given name",
        corruption::OCR => "a scanner's confusion of shapes, one letter",
        corruption::TRANSLIT => "æ/ø/å written without them, nothing else changed",
        corruption::WHITESPACE => "only the spaces differ",
        corruption::TWO => "two of the above, each fair, in different parts",
        corruption::UNCHANGED => "the person as the register has them",
        corruption::HTML => "the entities decode to the person's letters",
        corruption::FLOATS => "a float's `.0` and a lost leading zero hide nothing",
        corruption::NUMBER_FIRST => "the same house written in another order",
        corruption::NFD => "the same letters in another Unicode form",
        look_alikes::HOUSEHOLD_MEMBER => "another real person with their own given name",
        look_alikes::SAME_HOUSE_OTHER_GIVEN => "a given name told apart from everybody's there",
        look_alikes::SAME_HOUSE_SAME_INITIAL => "only the initial is shared, the name is another",
        look_alikes::NAMESAKE_OTHER_TOWN => "another house, and no shared birth date",
        look_alikes::NEIGHBOUR_SAME_SURNAME => "another house and another given name",
        look_alikes::NAMESAKE_NEARBY => "another house number, no shared birth date",
        look_alikes::ONE_EDIT => "another real name at another address",
        look_alikes::RELATIVE_ELSEWHERE => "a real relative at another house",
        look_alikes::TWIN => "the same birth date but another given name",
        _ => return None,
    })
}

/// Counts per kind by shares of `total` (largest remainder; the same for every seed).
fn counts(shares: &[(&'static str, u32)], total: usize) -> Vec<(&'static str, usize)> {
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

/// The lossless layout of register row `row`'s person.
fn lossless_of(pop: &Population, row: usize, rng: &mut ChaCha8Rng) -> (Parts, usize) {
    let person = &pop.persons[pop.row_person[row]];
    let h = pop.houses[person.house];
    let town = &pop.places.towns[h.town];
    let street = &town.streets[h.street];
    (
        Parts::lossless(
            rng,
            &person.given,
            &person.surname,
            town,
            street,
            h.number,
            h.letter,
            person.birth,
        ),
        person.house,
    )
}

/// Generates the set: `reserved_persons` (at least) in the register and `leads` leads, half
/// corrupted reserved persons (rounded down), half look-alikes.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let pop = Population::generate(&mut rng, reserved_persons);
    let judge = Judge::new(&pop.register);
    let n = pop.register.len();
    let mut out: Vec<Lead> = Vec::with_capacity(leads);

    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut rng);
    let mut used = vec![false; n];
    for (kind, want) in counts(CORRUPTION_SHARES, leads / 2) {
        let start = rng.random_range(0..n);
        let mut got = 0;
        for k in 0..n {
            if got == want {
                break;
            }
            let row = order[(start + k) % n];
            if used[row] {
                continue;
            }
            let (mut parts, house) = lossless_of(&pop, row, &mut rng);
            let h = pop.houses[house];
            let town = &pop.places.towns[h.town];
            let ctx = Ctx {
                town,
                street: &town.streets[h.street],
            };
            if !corruption::apply(kind, &mut parts, &ctx, &mut rng) {
                continue;
            }
            let query = parts.assemble();
            if judge.fair_truth(&query, row) {
                used[row] = true;
                got += 1;
                out.push(Lead {
                    query,
                    truth: Some(row),
                    kind,
                });
            }
        }
    }

    for (kind, want) in counts(LOOK_ALIKE_SHARES, leads - leads / 2) {
        let mut got = 0;
        let mut tries = 0;
        while got < want && tries < 3_000 + 60 * want {
            tries += 1;
            let anchor = rng.random_range(0..n);
            let Some(parts) = look_alikes::make(kind, &pop, anchor, &mut rng) else {
                continue;
            };
            let query = parts.assemble();
            if judge.fair_none(&query) {
                got += 1;
                out.push(Lead {
                    query,
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
