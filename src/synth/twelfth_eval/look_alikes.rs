//! Look-alikes: leads of persons who are not reserved, each built around a reserved person
//! (the anchor) and made to look like them.

use rand::Rng;

use super::corruption::{self, Parts};
use super::judge::{name_key, words_match};
use super::names::{self, pick};
use super::places::Places;
use super::population::{HouseRef, Population, date, given_name, surname, told_apart};

pub const HOUSEHOLD_MEMBER: &str = "household_member_unreserved";
pub const SAME_SURNAME_SAME_HOUSE: &str = "same_surname_same_house_other_given";
pub const NAMESAKE_OTHER_TOWN: &str = "namesake_other_town";
pub const NEIGHBOUR: &str = "neighbour_same_surname_nearby";
pub const ONE_EDIT: &str = "one_edit_name_other_address";
pub const CARE_OF_GUEST: &str = "care_of_guest_at_anchor_house";
pub const INITIAL_SAME_STREET: &str = "initial_and_surname_same_street_other_number";

/// Look-alike kinds with their shares (per mille of the look-alike half) and why each is fair.
pub const KINDS: &[(&str, u32, &str)] = &[
    (
        HOUSEHOLD_MEMBER,
        160,
        "another real person, a given name told apart",
    ),
    (
        SAME_SURNAME_SAME_HOUSE,
        130,
        "a given name told apart from everybody's there",
    ),
    (
        NAMESAKE_OTHER_TOWN,
        120,
        "another town, no shared birth date",
    ),
    (NEIGHBOUR, 120, "another house and another given name"),
    (ONE_EDIT, 130, "another real name at another address"),
    (
        CARE_OF_GUEST,
        170,
        "the reserved person is only the c/o host; the lead's names are another's",
    ),
    (
        INITIAL_SAME_STREET,
        170,
        "an initial fits, but the house number is another",
    ),
];

fn given_words_at(pop: &Population, house: &HouseRef) -> Vec<String> {
    pop.at_house
        .get(house)
        .into_iter()
        .flatten()
        .map(|&p| pop.persons[p].given.clone())
        .collect()
}

fn other_given(
    rng: &mut impl Rng,
    pop: &Population,
    anchor: usize,
    houses: &[HouseRef],
) -> Option<String> {
    let a = &pop.persons[anchor];
    let mut here: Vec<String> = Vec::new();
    for h in houses {
        here.extend(given_words_at(pop, h));
    }
    let here: Vec<&str> = here.iter().map(String::as_str).collect();
    (0..40)
        .map(|_| {
            let woman = rng.random_bool(0.5);
            given_name(rng, woman, a.origin)
        })
        .find(|g| told_apart(g, &here))
}

fn other_birth(rng: &mut impl Rng, pop: &Population, anchor: usize) -> chrono::NaiveDate {
    let b = pop.persons[anchor].birth;
    loop {
        let d = date(rng, 1935, 2006);
        if d != b && super::judge::swapped(d) != Some(b) {
            return d;
        }
    }
}

fn random_house(rng: &mut impl Rng, places: &Places, not_town: Option<u32>) -> HouseRef {
    loop {
        let town = places.random_town(rng);
        if Some(town) == not_town {
            continue;
        }
        let streets = &places.towns[town as usize].streets;
        let street = rng.random_range(0..streets.len());
        let number = rng.random_range(1..=streets[street].max_number);
        return HouseRef {
            town,
            street: street as u32,
            number,
            letter: None,
        };
    }
}

fn one_edit_name(rng: &mut impl Rng, name: &str, list: &[&str]) -> Option<String> {
    let key = name_key(name);
    let close: Vec<&&str> = list
        .iter()
        .filter(|w| {
            let k = name_key(w);
            k != key && words_match(&k, &key)
        })
        .collect();
    (!close.is_empty()).then(|| close[rng.random_range(0..close.len())].to_string())
}

/// A look-alike of `kind` around the reserved person of register row `row`, or `None`.
pub fn make(
    kind: &str,
    rng: &mut impl Rng,
    places: &Places,
    pop: &Population,
    row: usize,
) -> Option<Parts> {
    let anchor = pop.row_person[row];
    let a = &pop.persons[anchor];
    let habit = rng.random_bool(0.35);
    let mut parts = match kind {
        HOUSEHOLD_MEMBER => {
            let others: Vec<usize> = pop.households[a.household as usize]
                .iter()
                .copied()
                .filter(|&p| pop.persons[p].row.is_none())
                .collect();
            if others.is_empty() {
                return None;
            }
            let m = &pop.persons[others[rng.random_range(0..others.len())]];
            Parts::of(rng, places, m)
        }
        SAME_SURNAME_SAME_HOUSE => {
            let g = other_given(rng, pop, anchor, &[a.house])?;
            Parts::at(
                places,
                &a.house,
                &g,
                &a.surname,
                other_birth(rng, pop, anchor),
                habit,
            )
        }
        NAMESAKE_OTHER_TOWN => {
            let h = random_house(rng, places, Some(a.house.town));
            let show = rng.random_bool(0.5);
            Parts::at(
                places,
                &h,
                &a.given,
                &a.surname,
                other_birth(rng, pop, anchor),
                show,
            )
        }
        NEIGHBOUR => {
            let max =
                places.towns[a.house.town as usize].streets[a.house.street as usize].max_number;
            let d = rng.random_range(1..=4);
            let number = if rng.random_bool(0.5) && a.house.number > d {
                a.house.number - d
            } else {
                a.house.number + d
            };
            if number > max + 4 {
                return None;
            }
            let h = HouseRef {
                number,
                letter: None,
                ..a.house
            };
            let g = other_given(rng, pop, anchor, &[a.house, h])?;
            Parts::at(
                places,
                &h,
                &g,
                &a.surname,
                other_birth(rng, pop, anchor),
                habit,
            )
        }
        ONE_EDIT => {
            let first = a.given.split([' ', '-']).next().unwrap_or(&a.given);
            let (given, sur) = if rng.random_bool(0.55) {
                let list: Vec<&str> = names::MEN.iter().chain(names::WOMEN).copied().collect();
                (one_edit_name(rng, first, &list)?, a.surname.clone())
            } else {
                (
                    a.given.clone(),
                    one_edit_name(rng, &a.surname, names::SURNAMES)?,
                )
            };
            let h = if rng.random_bool(0.6) {
                let streets = &places.towns[a.house.town as usize].streets;
                let s = rng.random_range(0..streets.len()) as u32;
                if s == a.house.street {
                    return None;
                }
                HouseRef {
                    street: s,
                    number: rng.random_range(1..=streets[s as usize].max_number),
                    letter: None,
                    ..a.house
                }
            } else {
                random_house(rng, places, None)
            };
            Parts::at(
                places,
                &h,
                &given,
                &sur,
                other_birth(rng, pop, anchor),
                habit,
            )
        }
        CARE_OF_GUEST => {
            let g = other_given(rng, pop, anchor, &[a.house])?;
            let mut s = surname(rng, None);
            if name_key(&s) == name_key(&a.surname) {
                s = pick(rng, names::SURNAMES).to_owned();
            }
            let mut p = Parts::at(
                places,
                &a.house,
                &g,
                &s,
                other_birth(rng, pop, anchor),
                habit,
            );
            let host = if rng.random_bool(0.5) {
                format!("{} {}", a.given, a.surname)
            } else {
                a.surname.clone()
            };
            p.before = format!("c/o {host}, ");
            p.in_street = true;
            return Some(p);
        }
        INITIAL_SAME_STREET => {
            let max =
                places.towns[a.house.town as usize].streets[a.house.street as usize].max_number;
            let number = rng.random_range(1..=max.max(2));
            if number == a.house.number {
                return None;
            }
            let h = HouseRef {
                number,
                letter: None,
                ..a.house
            };
            let i: String = a.given.chars().take(1).collect();
            let g = if rng.random_bool(0.7) {
                format!("{i}.")
            } else {
                i
            };
            Parts::at(
                places,
                &h,
                &g,
                &a.surname,
                other_birth(rng, pop, anchor),
                habit,
            )
        }
        _ => return None,
    };
    if rng.random_bool(0.25) {
        corruption::harmless(rng, &mut parts);
    }
    Some(parts)
}
