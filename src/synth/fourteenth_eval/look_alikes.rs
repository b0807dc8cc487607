//! Look-alikes: leads of persons who are not reserved, each built around a reserved anchor.

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::{fold, one_edit};
use super::names::{MEN, SURNAMES, WOMEN};
use super::places::Places;
use super::population::{House, Person, Population, birth, given_name, house, record};

/// A real, unreserved member of the anchor's household.
pub const HOUSEHOLD: &str = "household_member_unreserved";
/// The anchor's surname at the anchor's house, another given name.
pub const SAME_HOUSE_OTHER_GIVEN: &str = "same_surname_same_house_other_given";
/// The anchor's full name in another town.
pub const NAMESAKE_OTHER_TOWN: &str = "namesake_other_town";
/// The anchor's surname, another given name, a few numbers away on the anchor's street.
pub const NEIGHBOUR: &str = "neighbour_same_surname_nearby";
/// A real name one edit from the anchor's, at another address.
pub const ONE_EDIT: &str = "one_edit_name_other_address";
/// The anchor's full name at the anchor's number on another street of the town (own).
pub const SAME_NUMBER_OTHER_STREET: &str = "namesake_same_number_other_street";
/// An unreserved household member whose lead shows only a birth year (own).
pub const HOUSEHOLD_YEAR_ONLY: &str = "household_member_year_only";

/// Look-alike kinds with shares per mille.
pub const SHARES: &[(&str, u32)] = &[
    (HOUSEHOLD, 180),
    (SAME_HOUSE_OTHER_GIVEN, 150),
    (NAMESAKE_OTHER_TOWN, 140),
    (NEIGHBOUR, 140),
    (ONE_EDIT, 140),
    (SAME_NUMBER_OTHER_STREET, 130),
    (HOUSEHOLD_YEAR_ONLY, 120),
];

/// A real name of the lists one edit from `name` that folds to another name: a given name
/// for a given name, a surname for a surname.
pub fn one_edit_name(name: &str, surname: bool, rng: &mut ChaCha8Rng) -> Option<String> {
    let all: Vec<&str> = if surname {
        SURNAMES.to_vec()
    } else {
        MEN.iter().chain(WOMEN).copied().collect()
    };
    let l = name.to_lowercase();
    let options: Vec<&str> = all
        .into_iter()
        .filter(|o| {
            let ol = o.to_lowercase();
            ol != l && one_edit(&ol, &l) && fold(o) != fold(name)
        })
        .collect();
    if options.is_empty() {
        None
    } else {
        Some(options[rng.random_range(0..options.len())].to_owned())
    }
}

/// A look-alike person of `kind` around the reserved person `anchor` (a person index).
pub fn build(
    kind: &str,
    places: &Places,
    pop: &Population,
    anchor: usize,
    rng: &mut ChaCha8Rng,
) -> Option<(Person, bool)> {
    let a = &pop.people[anchor];
    let taken: Vec<String> = pop.households[a.household]
        .iter()
        .map(|&i| pop.people[i].given.clone())
        .collect();
    let fresh = |given: String, surname: String, house: House, rng: &mut ChaCha8Rng| Person {
        given,
        surname,
        house,
        birth: birth(rng, 1940, 2004),
        household: usize::MAX,
        reserved: None,
    };
    let man = MEN.iter().any(|m| a.given.starts_with(m));
    match kind {
        HOUSEHOLD | HOUSEHOLD_YEAR_ONLY => {
            let others: Vec<usize> = pop.households[a.household]
                .iter()
                .copied()
                .filter(|&i| pop.people[i].reserved.is_none())
                .collect();
            if others.is_empty() {
                return None;
            }
            let p = pop.people[others[rng.random_range(0..others.len())]].clone();
            Some((p, kind == HOUSEHOLD_YEAR_ONLY))
        }
        SAME_HOUSE_OTHER_GIVEN => {
            let man = rng.random_bool(0.5);
            let g = given_name(rng, man, &taken);
            Some((fresh(g, a.surname.clone(), a.house.clone(), rng), false))
        }
        NAMESAKE_OTHER_TOWN => {
            let h = house(places, rng);
            if h.town == a.house.town {
                return None;
            }
            Some((fresh(a.given.clone(), a.surname.clone(), h, rng), false))
        }
        NEIGHBOUR => {
            let max = places.towns[a.house.town].streets[a.house.street].max_number;
            let step = rng.random_range(1..=4);
            let number = if rng.random_bool(0.5) && a.house.number > step {
                a.house.number - step
            } else {
                a.house.number + step
            };
            if number > max + 4 {
                return None;
            }
            let h = House {
                number,
                letter: String::new(),
                ..a.house.clone()
            };
            let g = given_name(rng, !man, &taken);
            Some((fresh(g, a.surname.clone(), h, rng), false))
        }
        ONE_EDIT => {
            let (given, surname) = if rng.random_bool(0.55) {
                let first = a.given.split(' ').next().unwrap_or_default();
                (one_edit_name(first, false, rng)?, a.surname.clone())
            } else {
                (a.given.clone(), one_edit_name(&a.surname, true, rng)?)
            };
            let h = if rng.random_bool(0.6) {
                let t = &places.towns[a.house.town];
                let street = rng.random_range(0..t.streets.len());
                if street == a.house.street {
                    return None;
                }
                House {
                    town: a.house.town,
                    street,
                    number: rng.random_range(1..=t.streets[street].max_number),
                    letter: String::new(),
                }
            } else {
                house(places, rng)
            };
            Some((fresh(given, surname, h, rng), false))
        }
        SAME_NUMBER_OTHER_STREET => {
            let t = &places.towns[a.house.town];
            if t.streets.len() < 2 {
                return None;
            }
            let street = rng.random_range(0..t.streets.len());
            if street == a.house.street {
                return None;
            }
            let h = House {
                street,
                ..a.house.clone()
            };
            Some((fresh(a.given.clone(), a.surname.clone(), h, rng), false))
        }
        _ => None,
    }
}

/// The lead of a look-alike person: its row in a layout; no postcode in 20 %; a year-only
/// birth date if asked.
pub fn lead_record(places: &Places, p: &Person, year_only: bool) -> crate::person::PersonRecord {
    let mut r = record(places, p);
    if year_only {
        r.birth_date = NaiveDate::from_ymd_opt(p.birth.year(), 1, 1);
    }
    r
}
