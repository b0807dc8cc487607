//! Look-alikes of the sixth set: persons who are not reserved but resemble a reserved one (the
//! anchor): unreserved household members, namesakes, neighbours, near names, twins. A quarter
//! of them also carry a harmless damage (a missing or misread postcode, odd whitespace, a
//! bolignummer) so that clean text is no cue. The judge then makes sure nobody reserved could
//! be them.

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::corruption::{self, Draft, Layout};
use super::judge;
use super::names;
use super::places::title_case;
use super::population::{House, Person, Population};
use crate::person::PersonQuery;

pub const HOUSEHOLD: &str = "household_member_unreserved";
pub const NAMESAKE: &str = "namesake_other_town";
pub const NEIGHBOUR_LETTER: &str = "neighbour_other_house_letter";
pub const NEIGHBOUR_FLAT: &str = "neighbour_same_house_other_flat";
pub const ONE_EDIT: &str = "one_edit_name_elsewhere";
pub const SAME_YEAR: &str = "namesake_same_birth_year";
pub const TWIN: &str = "twin_same_birth_date";

/// Real names one edit from each other (folded), never spellings of one name.
#[derive(Debug, Clone, Default)]
pub struct NearNames {
    pairs: std::collections::HashMap<String, Vec<&'static str>>,
}

impl NearNames {
    /// Finds the pairs in the word lists.
    pub fn build() -> NearNames {
        let mut pairs: std::collections::HashMap<String, Vec<&'static str>> = Default::default();
        let lists: [&[&'static str]; 6] = [
            names::MEN,
            names::WOMEN,
            names::IMMIGRANT_MEN,
            names::IMMIGRANT_WOMEN,
            names::SURNAMES,
            names::IMMIGRANT_SURNAMES,
        ];
        for list in lists {
            for &a in list {
                for &b in list {
                    let (fa, fb) = (judge::fold(a), judge::fold(b));
                    if a != b
                        && fa != fb
                        && a.chars().count() >= 4
                        && b.chars().count() >= 4
                        && judge::words_could_be(a, b)
                        && corruption::spellings_of(a).is_none_or(|g| !g.contains(&b))
                    {
                        pairs.entry(a.to_owned()).or_default().push(b);
                    }
                }
            }
        }
        NearNames { pairs }
    }

    fn of(&self, word: &str) -> Option<&Vec<&'static str>> {
        self.pairs.get(word)
    }
}

fn other_day(rng: &mut ChaCha8Rng, birth: NaiveDate, same_year: bool) -> NaiveDate {
    loop {
        let y = if same_year {
            birth.year()
        } else {
            rng.random_range(1940..=2005)
        };
        let d = NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(1..=28))
            .unwrap_or(birth);
        if d != birth {
            return d;
        }
    }
}

/// The draft of an invented person at a house.
fn at_house(pop: &Population, like: &Person, house: House, rng: &mut ChaCha8Rng) -> Draft {
    let moved = Person {
        house,
        ..like.clone()
    };
    let mut d = Draft::of(pop, &moved, rng);
    d.town = if rng.random_bool(0.5) {
        pop.places.towns[house.town].name.clone()
    } else {
        title_case(&pop.places.towns[house.town].name)
    };
    d
}

fn given_far_from(
    pop: &Population,
    anchor: &Person,
    male: bool,
    rng: &mut ChaCha8Rng,
) -> Option<String> {
    let members: Vec<String> = pop.households[anchor.household]
        .iter()
        .map(|&m| pop.persons[m].given.clone())
        .collect();
    let list = match (male, anchor.immigrant) {
        (true, false) => names::MEN,
        (false, false) => names::WOMEN,
        (true, true) => names::IMMIGRANT_MEN,
        (false, true) => names::IMMIGRANT_WOMEN,
    };
    for _ in 0..30 {
        let g = *list.choose(rng)?;
        if members
            .iter()
            .all(|m| m.split([' ', '-']).all(|w| !judge::words_could_be(g, w)))
        {
            return Some(g.to_owned());
        }
    }
    None
}

fn harmless(d: &mut Draft, pop: &Population, p: &Person, rng: &mut ChaCha8Rng) {
    if rng.random_bool(0.25) {
        let k = [
            corruption::POSTCODE_ABSENT,
            corruption::POSTCODE_LETTERS,
            corruption::WHITESPACE,
            corruption::BOLIGNUMMER,
        ]
        .choose(rng)
        .copied()
        .unwrap_or(corruption::WHITESPACE);
        let _ = corruption::issue(k, d, pop, p, rng);
    }
}

/// Makes a look-alike of kind `kind` around the reserved person `anchor`.
pub fn look_alike(
    kind: &str,
    pop: &Population,
    anchor: &Person,
    near: &NearNames,
    rng: &mut ChaCha8Rng,
) -> Option<PersonQuery> {
    let mut subject = anchor.clone();
    let mut d = match kind {
        HOUSEHOLD => {
            let others: Vec<&Person> = pop.households[anchor.household]
                .iter()
                .map(|&m| &pop.persons[m])
                .filter(|m| m.row.is_none())
                .collect();
            subject = (*others.choose(rng)?).clone();
            Draft::of(pop, &subject, rng)
        }
        NAMESAKE => {
            let mut house = anchor.house;
            for _ in 0..10 {
                let town = pop.places.draw_town(rng);
                if town != anchor.house.town {
                    let streets = &pop.places.towns[town].streets;
                    let street = rng.random_range(0..streets.len());
                    house = House {
                        town,
                        street,
                        number: rng.random_range(1..=streets[street].length),
                        letter: None,
                    };
                    break;
                }
            }
            if house == anchor.house {
                return None;
            }
            subject.birth = other_day(rng, anchor.birth, false);
            let mut d = at_house(pop, &subject, house, rng);
            d.birth = rng.random_bool(0.45).then_some(subject.birth);
            d
        }
        SAME_YEAR => {
            let streets = &pop.places.towns[anchor.house.town].streets;
            if streets.len() < 2 {
                return None;
            }
            let mut street = rng.random_range(0..streets.len());
            if street == anchor.house.street {
                street = (street + 1) % streets.len();
            }
            let house = House {
                street,
                number: rng.random_range(1..=streets[street].length),
                letter: None,
                ..anchor.house
            };
            subject.birth = other_day(rng, anchor.birth, true);
            let mut d = at_house(pop, &subject, house, rng);
            d.birth = Some(subject.birth);
            d
        }
        NEIGHBOUR_LETTER => {
            let letter = anchor.house.letter?;
            let other = **['A', 'B', 'C', 'D']
                .iter()
                .filter(|&&l| l != letter)
                .collect::<Vec<&char>>()
                .choose(rng)?;
            subject.male = rng.random_bool(0.5);
            subject.given = given_far_from(pop, anchor, subject.male, rng)?;
            if rng.random_bool(0.5) {
                subject.surname =
                    names::SURNAMES[rng.random_range(0..names::SURNAMES.len())].to_owned();
            }
            subject.birth = other_day(rng, anchor.birth, false);
            let house = House {
                letter: Some(other),
                ..anchor.house
            };
            at_house(pop, &subject, house, rng)
        }
        NEIGHBOUR_FLAT => {
            subject.male = rng.random_bool(0.5);
            subject.given = given_far_from(pop, anchor, subject.male, rng)?;
            let mut surname = anchor.surname.clone();
            for _ in 0..10 {
                let s = names::SURNAMES[rng.random_range(0..names::SURNAMES.len())];
                if !anchor
                    .surname
                    .split([' ', '-'])
                    .any(|w| judge::words_could_be(w, s))
                {
                    surname = s.to_owned();
                    break;
                }
            }
            if surname == anchor.surname {
                return None;
            }
            subject.surname = surname;
            subject.birth = other_day(rng, anchor.birth, false);
            let mut d = at_house(pop, &subject, anchor.house, rng);
            if rng.random_bool(0.4) {
                d.layout = Layout::StreetField;
                d.after_house =
                    format!(" H0{}0{}", rng.random_range(1..=4), rng.random_range(1..=4));
            }
            d
        }
        ONE_EDIT => {
            let first = judge::first_word(&anchor.given);
            let surname = anchor.surname.clone();
            let given_near = near.of(&first);
            let surname_near = near.of(&surname);
            let use_given = match (given_near, surname_near) {
                (Some(_), Some(_)) => rng.random_bool(0.55),
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => return None,
            };
            if use_given {
                subject.given = (*given_near?.choose(rng)?).to_owned();
            } else {
                subject.surname = (*surname_near?.choose(rng)?).to_owned();
            }
            subject.birth = other_day(rng, anchor.birth, false);
            let town = if rng.random_bool(0.6) {
                anchor.house.town
            } else {
                pop.places.draw_town(rng)
            };
            let streets = &pop.places.towns[town].streets;
            let mut street = rng.random_range(0..streets.len());
            if town == anchor.house.town && street == anchor.house.street {
                if streets.len() < 2 {
                    return None;
                }
                street = (street + 1) % streets.len();
            }
            let house = House {
                town,
                street,
                number: rng.random_range(1..=streets[street].length),
                letter: None,
            };
            at_house(pop, &subject, house, rng)
        }
        TWIN => {
            subject.male = rng.random_bool(0.5);
            subject.given = given_far_from(pop, anchor, subject.male, rng)?;
            let mut d = Draft::of(pop, &subject, rng);
            d.birth = Some(anchor.birth);
            d
        }
        _ => return None,
    };
    harmless(&mut d, pop, &subject, rng);
    Some(d.query())
}
