//! Look-alikes: leads who are not reserved but look like a reserved person (the anchor):
//! real unreserved members of the anchor's household, invented relatives at the anchor's
//! house, namesakes elsewhere, neighbours, one-edit names at another address, real relatives
//! with the anchor's surname elsewhere in the town, and twins.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::corruption::{Layout, Parts};
use super::judge::{fold_name, one_edit};
use super::names::{MEN, ORIGINS, SURNAMES, WOMEN, other_spellings};
use super::population::{Population, birth_in};

/// A real, unreserved member of the anchor's household at the anchor's house.
pub const HOUSEHOLD_MEMBER: &str = "household_member_unreserved";
/// The anchor's surname at the anchor's house, another given name.
pub const SAME_HOUSE_OTHER_GIVEN: &str = "same_surname_same_house_other_given";
/// The anchor's surname at the anchor's house, another given name with the same initial.
pub const SAME_HOUSE_SAME_INITIAL: &str = "same_surname_same_house_same_initial";
/// The anchor's full name in another town.
pub const NAMESAKE_OTHER_TOWN: &str = "namesake_other_town";
/// The anchor's surname, another given name, a few numbers away on the anchor's street.
pub const NEIGHBOUR_SAME_SURNAME: &str = "neighbour_same_surname_nearby";
/// The anchor's full name a few numbers away on the anchor's street.
pub const NAMESAKE_NEARBY: &str = "namesake_same_street_nearby_number";
/// A name one edit from the anchor's at another address.
pub const ONE_EDIT: &str = "one_edit_name_other_address";
/// A real, unreserved person with the anchor's surname elsewhere in the anchor's town.
pub const RELATIVE_ELSEWHERE: &str = "same_surname_relative_same_town";
/// A twin: the anchor's surname, house and birth date, another given name.
pub const TWIN: &str = "twin_same_birth_date";

/// A given name of either sex, of the anchor's origin, not clashing with anybody at `house`.
fn other_given(
    pop: &Population,
    rng: &mut ChaCha8Rng,
    origin: Option<usize>,
    house: usize,
    initial: Option<char>,
) -> Option<String> {
    for _ in 0..60 {
        let male = rng.random_bool(0.5);
        let list = match origin {
            Some(o) if male => ORIGINS[o].men,
            Some(o) => ORIGINS[o].women,
            None if male => MEN,
            None => WOMEN,
        };
        let g = list.choose(rng).copied()?;
        if initial.is_some_and(|i| !g.starts_with(i)) {
            continue;
        }
        if !pop.given_clashes(g, house) {
            return Some(g.to_owned());
        }
    }
    None
}

/// A birth date that is not `not`.
fn other_birth(rng: &mut ChaCha8Rng, not: chrono::NaiveDate) -> chrono::NaiveDate {
    loop {
        let b = birth_in(rng, 1938, 2005);
        if b != not {
            return b;
        }
    }
}

/// A real name of this set's lists one edit from `name` in the judge's folding, not equal
/// and not a spelling of it.
fn one_edit_name(rng: &mut ChaCha8Rng, name: &str, lists: &[&[&str]]) -> Option<String> {
    let f = fold_name(name);
    let spellings = other_spellings(name);
    let found: Vec<&str> = lists
        .iter()
        .flat_map(|l| l.iter().copied())
        .filter(|c| !spellings.contains(c))
        .filter(|c| {
            let g = fold_name(c);
            g != f && g.chars().count() >= 4 && f.chars().count() >= 4 && one_edit(&g, &f)
        })
        .collect();
    found.choose(rng).map(|s| (*s).to_owned())
}

/// Harmless damage (in a quarter of look-alikes) so a clean lead is no cue.
fn harmless(p: &mut Parts, rng: &mut ChaCha8Rng) {
    if !rng.random_bool(0.25) {
        return;
    }
    match rng.random_range(0..4) {
        0 => p.postcode.clear(),
        1 => p.postcode = p.postcode.replacen('0', "O", 1),
        2 => {
            p.layout = Layout::StreetWithHouse;
            p.sep_number = "\u{a0}".into();
        }
        _ => {
            p.layout = Layout::StreetWithHouse;
            p.after_house = " H0201".into();
        }
    }
}

/// A look-alike of `kind` around the reserved person of register row `anchor_row`.
pub fn make(
    kind: &str,
    pop: &Population,
    anchor_row: usize,
    rng: &mut ChaCha8Rng,
) -> Option<Parts> {
    let anchor = &pop.persons[pop.row_person[anchor_row]];
    let h = pop.houses[anchor.house];
    let places = &pop.places;
    let town = &places.towns[h.town];
    let street = &town.streets[h.street];
    let at = |given: &str, surname: &str, birth, rng: &mut ChaCha8Rng| {
        Parts::lossless(rng, given, surname, town, street, h.number, h.letter, birth)
    };
    let mut p = match kind {
        HOUSEHOLD_MEMBER => {
            let others: Vec<usize> = pop.at_house[anchor.house]
                .iter()
                .copied()
                .filter(|&q| {
                    let q = &pop.persons[q];
                    q.household == anchor.household && q.row.is_none()
                })
                .collect();
            let q = &pop.persons[*others.choose(rng)?];
            at(&q.given, &q.surname, q.birth, rng)
        }
        SAME_HOUSE_OTHER_GIVEN | SAME_HOUSE_SAME_INITIAL => {
            let initial = (kind == SAME_HOUSE_SAME_INITIAL)
                .then(|| anchor.given.chars().next())
                .flatten();
            let g = other_given(pop, rng, anchor.origin, anchor.house, initial)?;
            let b = other_birth(rng, anchor.birth);
            at(&g, &anchor.surname, b, rng)
        }
        TWIN => {
            let g = other_given(pop, rng, anchor.origin, anchor.house, None)?;
            let mut p = at(&g, &anchor.surname, anchor.birth, rng);
            p.birth = Some(anchor.birth);
            p
        }
        NAMESAKE_OTHER_TOWN => {
            let t = places.draw_town(rng);
            if t == h.town {
                return None;
            }
            let town = &places.towns[t];
            let s = &town.streets[rng.random_range(0..town.streets.len())];
            let n = rng.random_range(1..=s.max_number);
            let b = other_birth(rng, anchor.birth);
            let mut p = Parts::lossless(rng, &anchor.given, &anchor.surname, town, s, n, None, b);
            p.birth = rng.random_bool(0.5).then_some(b);
            p
        }
        NEIGHBOUR_SAME_SURNAME | NAMESAKE_NEARBY => {
            let d = rng.random_range(1..=4);
            let n = if rng.random_bool(0.5) || h.number <= d {
                h.number + d
            } else {
                h.number - d
            };
            let given = if kind == NAMESAKE_NEARBY {
                anchor.given.clone()
            } else {
                other_given(pop, rng, anchor.origin, anchor.house, None)?
            };
            let b = other_birth(rng, anchor.birth);
            Parts::lossless(rng, &given, &anchor.surname, town, street, n, None, b)
        }
        ONE_EDIT => {
            let first = anchor.given.split([' ', '-']).next().unwrap_or_default();
            let (given, surname) = if rng.random_bool(0.55) {
                (
                    one_edit_name(rng, first, &[MEN, WOMEN])?,
                    anchor.surname.clone(),
                )
            } else {
                (
                    anchor.given.clone(),
                    one_edit_name(rng, &anchor.surname, &[SURNAMES])?,
                )
            };
            let t = if rng.random_bool(0.6) {
                h.town
            } else {
                places.draw_town(rng)
            };
            let town = &places.towns[t];
            let s = rng.random_range(0..town.streets.len());
            if t == h.town && s == h.street {
                return None;
            }
            let s = &town.streets[s];
            let n = rng.random_range(1..=s.max_number);
            let b = other_birth(rng, anchor.birth);
            Parts::lossless(rng, &given, &surname, town, s, n, None, b)
        }
        RELATIVE_ELSEWHERE => {
            let kin = pop.by_town_surname.get(&(h.town, anchor.surname.clone()))?;
            let others: Vec<usize> = kin
                .iter()
                .copied()
                .filter(|&q| pop.persons[q].row.is_none() && pop.persons[q].house != anchor.house)
                .collect();
            let q = &pop.persons[*others.choose(rng)?];
            let qh = pop.houses[q.house];
            let s = &town.streets[qh.street];
            Parts::lossless(
                rng, &q.given, &q.surname, town, s, qh.number, qh.letter, q.birth,
            )
        }
        _ => return None,
    };
    harmless(&mut p, rng);
    Some(p)
}
