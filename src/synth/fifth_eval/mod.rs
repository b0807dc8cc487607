//! The fifth person-matching evaluation set, held out and written blind: a register of
//! reserved persons and labelled leads, each lead a damaged copy of one reserved person (its
//! truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! This module owns its word lists ([`names`]), geography ([`places`]: the bundled postcode
//! register with streets invented per post town), population and register ([`population`]),
//! lead layout and corruptions ([`corruption`]), look-alikes ([`look_alikes`]) and its own
//! fairness judge ([`judge`]). None of it uses the matcher or the other sets' generators.
//! `docs/person-evaluation-fifth-set.md` describes every kind; the matcher must never be
//! tuned on this set's failures (that would need a sixth set).
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
use corruption::Identity;
pub use judge::why_fair;

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
    corruption::POSTCODE_SLIP,
    corruption::POSTCODE_LETTERS,
    corruption::POSTCODE_ABSENT,
    corruption::BOLIGNUMMER,
    corruption::STREET_INITIAL,
    corruption::STREET_PREFIX,
    corruption::GIVEN_SPELLING,
    corruption::OCR,
    corruption::LOSSY_TWO,
    corruption::WHITESPACE,
    corruption::TWO_ISSUE,
];

/// Corruption kinds whose fairness is debatable (see the document): reported, not issue
/// kinds.
pub const DEBATABLE_KINDS: &[&str] = &[corruption::SHORT_FORM, corruption::POSTBOX];

/// Corrupted kinds and their shares (per mille of the corrupted half).
pub const CORRUPTION_SHARES: &[(&str, u32)] = &[
    (corruption::POSTCODE_SLIP, 60),
    (corruption::POSTCODE_LETTERS, 55),
    (corruption::POSTCODE_ABSENT, 55),
    (corruption::BOLIGNUMMER, 60),
    (corruption::STREET_INITIAL, 50),
    (corruption::STREET_PREFIX, 50),
    (corruption::GIVEN_SPELLING, 60),
    (corruption::OCR, 60),
    (corruption::LOSSY_TWO, 50),
    (corruption::WHITESPACE, 55),
    (corruption::TWO_ISSUE, 70),
    (corruption::UNCHANGED, 20),
    (corruption::MAIDEN, 40),
    (corruption::ONE_FIELD, 40),
    (corruption::SECOND_INITIAL, 35),
    (corruption::SHORT_FORM, 30),
    (corruption::ISSUE_PLUS_FORMAT, 40),
    (corruption::CARE_OF, 35),
    (corruption::FLOOR, 35),
    (corruption::RANGE, 20),
    (corruption::HYPHEN_DROPPED, 25),
    (corruption::MIDDLE_DROPPED, 30),
    (corruption::POSTBOX, 25),
];

/// Look-alike kinds and their shares (per mille of the look-alike half).
pub const LOOK_ALIKE_SHARES: &[(&str, u32)] = &[
    (look_alikes::HOUSEHOLD_MEMBER, 200),
    (look_alikes::SIBLING, 120),
    (look_alikes::TWIN, 90),
    (look_alikes::NAMESAKE_OTHER_TOWN, 150),
    (look_alikes::NAMESAKE_BIRTH_YEAR, 110),
    (look_alikes::OTHER_LETTER, 100),
    (look_alikes::SAME_HOUSE_OTHER_NAME, 100),
    (look_alikes::ONE_EDIT_OTHER_ADDRESS, 130),
];

/// Draws per lead before a kind gives up on it (only a tiny register runs out).
const ATTEMPTS: usize = 3_000;

/// The count of each kind for `total` leads: shares by largest remainder.
pub(crate) fn counts(shares: &[(&'static str, u32)], total: usize) -> Vec<(&'static str, usize)> {
    let sum: u64 = shares
        .iter()
        .map(|&(_, s)| u64::from(s))
        .sum::<u64>()
        .max(1);
    let mut out: Vec<(&'static str, usize, u64)> = shares
        .iter()
        .map(|&(k, s)| {
            let exact = total as u64 * u64::from(s);
            (k, (exact / sum) as usize, exact % sum)
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

/// Generates the set: `reserved_persons` in the register, `leads` leads (half corrupted
/// reserved persons rounded down, half look-alikes), deterministic per seed.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x0f1f_7e55_f1f7);
    let places = places::Places::new(&mut rng);
    let spellings_only = judge::Judge::new(&[]);
    let pop = population::Population::new(&mut rng, &places, reserved_persons, &spellings_only);
    let mut judge = judge::Judge::new(&pop.register);
    judge.know_postcodes(places.towns.iter().flat_map(|t| {
        t.postcodes
            .iter()
            .map(move |p| (p.as_str(), t.name.as_str()))
    }));
    let n = pop.register.len();
    let mut out: Vec<Lead> = Vec::with_capacity(leads);
    if n == 0 {
        return Set {
            register: pop.register,
            leads: out,
        };
    }
    let mut used = vec![false; n];
    for (kind, count) in counts(CORRUPTION_SHARES, leads / 2) {
        for _ in 0..count {
            for _ in 0..ATTEMPTS {
                let row = rng.random_range(0..n);
                if used[row] {
                    continue;
                }
                let p = &pop.persons[pop.person_of_row[row] as usize];
                if kind == corruption::POSTBOX && pop.register[row].birth_date.is_none() {
                    continue;
                }
                let id = Identity {
                    given: &p.given,
                    surname: &p.surname,
                    house: p.house,
                    birth: p.birth,
                };
                let Some(query) =
                    corruption::corrupt(&mut rng, &places, kind, &id, p.maiden.as_deref(), !p.male)
                else {
                    continue;
                };
                if judge.verdict(&query, Some(row)).is_ok() {
                    used[row] = true;
                    out.push(Lead {
                        query,
                        truth: Some(row),
                        kind,
                    });
                    break;
                }
            }
        }
    }
    for (kind, count) in counts(LOOK_ALIKE_SHARES, leads - leads / 2) {
        for _ in 0..count {
            for _ in 0..ATTEMPTS {
                let anchor = rng.random_range(0..n);
                let Some(query) = look_alikes::write(&mut rng, &places, &pop, &judge, kind, anchor)
                else {
                    continue;
                };
                if judge.verdict(&query, None).is_ok() {
                    out.push(Lead {
                        query,
                        truth: None,
                        kind,
                    });
                    break;
                }
            }
        }
    }
    out.shuffle(&mut rng);
    Set {
        register: pop.register,
        leads: out,
    }
}
