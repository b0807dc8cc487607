//! The fourth person-matching evaluation set, held out and written blind (issue 17): a
//! register of reserved persons and labelled leads, each lead a damaged copy of one reserved
//! person (its truth) or a look-alike who is not reserved (truth `None`), with its kind.
//!
//! This module owns the set's word lists ([`names`]), geography ([`places`]: the bundled
//! postcode register with invented streets per post town), population and register
//! ([`population`]), the lead layout and corruptions ([`corruption`]), the look-alikes
//! ([`look_alikes`]) and its own fairness judge ([`judge`]). None of it uses the matcher or the
//! other sets' generators. `docs/person-evaluation-fourth-set.md` describes every kind; the
//! matcher must never be tuned on this set's failures (that would need a fifth set).
//!
//! `generate(seed, reserved_persons, leads)` is deterministic per seed and fast: the judge
//! looks leads up in hash maps of the register, so 200 000 persons and 20 000 leads take
//! seconds.

mod corruption;
mod judge;
mod look_alikes;
mod names;
mod places;
mod population;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::person::{PersonQuery, PersonRecord};
use corruption::{Ctx, Draft};
use judge::{Judge, Reading, name_words};
use population::{NameDraw, Population, house_of};

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

/// The corruption kinds that are the issue's list (each to reach recall 0.97 at `normal`).
pub const ISSUE_KINDS: &[&str] = &[
    corruption::POSTCODE_KEYPAD_SLIP,
    corruption::POSTCODE_MISREAD,
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

/// Corruption kinds whose fairness is debatable (see the document): reported, but not issue
/// kinds.
pub const DEBATABLE_KINDS: &[&str] = &[corruption::POSTBOX, corruption::GIVEN_ABBREV];

/// Corrupted kinds and their shares (per mille of the corrupted half).
pub const CORRUPTION_SHARES: &[(&str, u32)] = &[
    (corruption::POSTCODE_KEYPAD_SLIP, 60),
    (corruption::POSTCODE_MISREAD, 60),
    (corruption::POSTCODE_ABSENT, 60),
    (corruption::BOLIGNUMMER, 60),
    (corruption::STREET_INITIAL, 55),
    (corruption::STREET_PREFIX, 55),
    (corruption::GIVEN_SPELLING, 60),
    (corruption::OCR, 60),
    (corruption::LOSSY_TWO, 55),
    (corruption::WHITESPACE, 55),
    (corruption::TWO_ISSUE, 70),
    (corruption::UNCHANGED, 20),
    (corruption::TITLE, 40),
    (corruption::SURNAME_FIRST, 40),
    (corruption::NEE, 40),
    (corruption::COUNTRY_PREFIX, 40),
    (corruption::ONE_LINE, 40),
    (corruption::NR, 40),
    (corruption::POSTBOX, 30),
    (corruption::GIVEN_ABBREV, 30),
    (corruption::ISSUE_PLUS_FORMAT, 30),
];

/// Look-alike kinds and their shares (per mille of the look-alike half).
pub const LOOK_ALIKE_SHARES: &[(&str, u32)] = &[
    (look_alikes::HOUSEHOLD_MEMBER, 140),
    (look_alikes::SOUND_ALIKE, 100),
    (look_alikes::PARENT_CHILD, 80),
    (look_alikes::OTHER_MIDDLE, 60),
    (look_alikes::FLATMATE, 70),
    (look_alikes::NAMESAKE_OTHER_TOWN, 120),
    (look_alikes::NAMESAKE_SAME_POSTCODE, 100),
    (look_alikes::NEIGHBOUR_SURNAME, 90),
    (look_alikes::NEIGHBOUR_NAME, 70),
    (look_alikes::NEAR_NAME, 100),
    (look_alikes::SAME_STREET_OTHER_TOWN, 70),
];

/// Everything the lead writers read.
pub(crate) struct World {
    places: places::Places,
    pop: Population,
    judge: Judge,
    /// Full street name → every `(town, street)` with it.
    streets_by_name: HashMap<String, Vec<(usize, usize)>>,
    /// Postcode → its town.
    town_of_postcode: HashMap<String, usize>,
}

/// The set's random generator for a seed.
fn rng_of(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed ^ 0x4f55_5254_485f_5345)
}

impl World {
    /// Places, population, register and judge: the first draws of the set's generator.
    fn build(rng: &mut ChaCha8Rng, reserved_persons: usize) -> World {
        let places = places::Places::generate(rng);
        let pop = Population::generate(rng, &places, reserved_persons.max(1));
        let judge = Judge::new(pop.readings(&places));
        let mut streets_by_name: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (t, town) in places.towns.iter().enumerate() {
            for (s, street) in town.streets.iter().enumerate() {
                streets_by_name
                    .entry(street.full.clone())
                    .or_default()
                    .push((t, s));
            }
        }
        let town_of_postcode = places.postcodes.iter().cloned().collect();
        World {
            places,
            pop,
            judge,
            streets_by_name,
            town_of_postcode,
        }
    }
}

/// Counts per kind for `n` leads by largest remainder of the shares (per mille).
pub(crate) fn counts(shares: &[(&'static str, u32)], n: usize) -> Vec<(&'static str, usize)> {
    let total: u64 = shares.iter().map(|s| u64::from(s.1)).sum();
    let total = total.max(1);
    let mut out: Vec<(&'static str, usize, u64)> = shares
        .iter()
        .map(|&(k, s)| {
            let x = n as u64 * u64::from(s);
            (k, (x / total) as usize, x % total)
        })
        .collect();
    let mut left = n - out.iter().map(|o| o.1).sum::<usize>();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| out[b].2.cmp(&out[a].2).then(a.cmp(&b)));
    for i in order {
        if left == 0 {
            break;
        }
        out[i].1 += 1;
        left -= 1;
    }
    out.into_iter().map(|(k, c, _)| (k, c)).collect()
}

/// Tries per lead before a kind gives up on it (only tiny registers run out).
const TRIES: usize = 4000;

/// Generates the set: `reserved_persons` in the register, `leads` labelled leads (half
/// corrupted reserved persons, rounded down, and half look-alikes). A tiny register may give
/// fewer leads than asked for.
pub fn generate(seed: u64, reserved_persons: usize, leads: usize) -> Set {
    let mut rng = rng_of(seed);
    let world = World::build(&mut rng, reserved_persons);
    let names = NameDraw::new();
    let mut out = Vec::with_capacity(leads);
    let mut used = HashSet::new();
    let n_reg = world.pop.register.len();
    for (kind, count) in counts(CORRUPTION_SHARES, leads / 2) {
        for _ in 0..count {
            for _ in 0..TRIES {
                let truth = rng.random_range(0..n_reg);
                if used.contains(&truth) {
                    continue;
                }
                if let Some(query) = corrupted(&world, kind, truth, &mut rng) {
                    used.insert(truth);
                    out.push(Lead {
                        query,
                        truth: Some(truth),
                        kind,
                    });
                    break;
                }
            }
        }
    }
    for (kind, count) in counts(LOOK_ALIKE_SHARES, leads - leads / 2) {
        for _ in 0..count {
            for _ in 0..TRIES {
                let anchor = world.pop.person_of[rng.random_range(0..n_reg)];
                if let Some(query) = look_alike(&world, kind, anchor, &mut rng, &names) {
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
    // Fisher–Yates with the set's own generator.
    for i in (1..out.len()).rev() {
        let j = rng.random_range(0..=i);
        out.swap(i, j);
    }
    Set {
        register: world.pop.register,
        leads: out,
    }
}

/// The judge's reading of a draft's names at a house (`None`: a post box in `town`).
fn reading(d: &Draft, house: Option<judge::House>, town: usize) -> Reading {
    Reading {
        given: name_words(&d.given),
        surname: name_words(&d.surname),
        house,
        town,
        dob: d.dob,
    }
}

/// A corrupted lead of `kind` for register row `truth`, if the kind applies and the judge
/// finds it fair.
fn corrupted(
    w: &World,
    kind: &'static str,
    truth: usize,
    rng: &mut ChaCha8Rng,
) -> Option<PersonQuery> {
    let p = &w.pop.persons[w.pop.person_of[truth]];
    let town = &w.places.towns[p.town];
    let ctx = Ctx {
        places: &w.places,
        person: p,
        street: &town.streets[p.street],
        register_dob: w.pop.register[truth].birth_date.is_some(),
    };
    let mut d = Draft::base(rng, &w.places, p);
    let plain = d.render();
    let mut layout_after: Option<&str> = None;
    match kind {
        corruption::TWO_ISSUE => {
            let (a, ga) =
                corruption::ISSUE_SINGLES[rng.random_range(0..corruption::ISSUE_SINGLES.len())];
            let (b, gb) =
                corruption::ISSUE_SINGLES[rng.random_range(0..corruption::ISSUE_SINGLES.len())];
            let clash = ga == gb
                || (ga == "lossy" && gb != "postcode")
                || (gb == "lossy" && ga != "postcode");
            if clash {
                return None;
            }
            // With a street corruption, the OCR confusion goes into the names.
            let street_too = ga == "street" || gb == "street";
            for k in [a, b] {
                let ok = if k == corruption::OCR && street_too {
                    corruption::ocr(&mut d, rng, true)
                } else {
                    corruption::apply(k, &mut d, &ctx, rng)
                };
                if !ok {
                    return None;
                }
            }
        }
        corruption::ISSUE_PLUS_FORMAT => {
            let (a, _) =
                corruption::ISSUE_SINGLES[rng.random_range(0..corruption::ISSUE_SINGLES.len())];
            let b = corruption::FORMAT_KINDS[rng.random_range(0..corruption::FORMAT_KINDS.len())];
            if !corruption::apply(a, &mut d, &ctx, rng) {
                return None;
            }
            if corruption::is_name_layout(b) {
                layout_after = Some(b);
            } else if !corruption::apply(b, &mut d, &ctx, rng) {
                return None;
            }
        }
        k if corruption::is_name_layout(k) => layout_after = Some(k),
        k => {
            if !corruption::apply(k, &mut d, &ctx, rng) {
                return None;
            }
        }
    }
    let house = (kind != corruption::POSTBOX)
        .then(|| house_of(&w.places, p.town, p.street, p.number, &p.letter));
    let read = reading(&d, house, p.town);
    if let Some(k) = layout_after
        && !corruption::apply(k, &mut d, &ctx, rng)
    {
        return None;
    }
    let query = d.render();
    if kind != corruption::UNCHANGED && query == plain {
        return None;
    }
    // A postcode damaged into another town's: nobody reserved may live at the same street and
    // number there with a close name, or the lead would fit them as well.
    if let Some(&other) = w.town_of_postcode.get(&d.postcode)
        && other != p.town
        && let Some(&(_, s)) = w
            .streets_by_name
            .get(&town.streets[p.street].full)
            .and_then(|v| v.iter().find(|&&(t, _)| t == other))
    {
        let there = Reading {
            house: Some(house_of(&w.places, other, s, p.number, &p.letter)),
            town: other,
            ..read.clone()
        };
        if !w.judge.candidates(&there, None).is_empty() {
            return None;
        }
    }
    w.judge.fair_corrupted(&read, truth).then_some(query)
}

/// Damage a look-alike may carry that does not change who it is (30 % of look-alikes).
const HARMLESS: &[&str] = &[
    corruption::POSTCODE_KEYPAD_SLIP,
    corruption::POSTCODE_MISREAD,
    corruption::POSTCODE_ABSENT,
    corruption::BOLIGNUMMER,
    corruption::STREET_INITIAL,
    corruption::STREET_PREFIX,
    corruption::WHITESPACE,
    corruption::GIVEN_SPELLING,
    corruption::OCR,
    corruption::COUNTRY_PREFIX,
];

/// A look-alike of `kind` around population member `anchor`, if fair.
fn look_alike(
    w: &World,
    kind: &'static str,
    anchor: usize,
    rng: &mut ChaCha8Rng,
    names: &NameDraw,
) -> Option<PersonQuery> {
    let (g, dob) = look_alikes::make(kind, w, anchor, rng, names)?;
    let mut d = Draft::base(rng, &w.places, &g);
    d.dob = match dob {
        look_alikes::Dob::Habit => d.dob,
        look_alikes::Dob::Given => Some(g.dob),
        look_alikes::Dob::Half => rng.random_bool(0.5).then_some(g.dob),
    };
    if rng.random_bool(0.3) {
        let k = HARMLESS[rng.random_range(0..HARMLESS.len())];
        let town = &w.places.towns[g.town];
        let ctx = Ctx {
            places: &w.places,
            person: &g,
            street: &town.streets[g.street],
            register_dob: false,
        };
        let _ = corruption::apply(k, &mut d, &ctx, rng);
    }
    let house = house_of(&w.places, g.town, g.street, g.number, &g.letter);
    let read = reading(&d, Some(house), g.town);
    w.judge.fair_look_alike(&read).then(|| d.render())
}
