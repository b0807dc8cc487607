//! The population and its register: households of persons at houses, and which of them are
//! reserved. Households are singles, couples, families with grown or young children and
//! siblings sharing a flat; one in six moves into a house another household lives at (a block
//! of flats: the register has no flat numbers), one in fourteen into another letter of a
//! lettered house. Immigrant families (one in eight) draw from their own name lists.

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::Judge;
use super::names;
use super::places::{House, Places, skewed};
use crate::person::PersonRecord;

/// One person of the population.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    /// Given names (`Kari`, `Kari Marie`, `Anne-Lise`).
    pub given: String,
    pub surname: String,
    /// A married woman's surname before marriage, when it differs.
    pub maiden: Option<String>,
    pub male: bool,
    pub birth: NaiveDate,
    pub house: House,
    pub household: u32,
    /// Its register row, if reserved.
    pub row: Option<u32>,
    /// Drawn from the immigrant lists.
    pub immigrant: bool,
}

/// Everybody generated, and the register of the reserved.
pub(crate) struct Population {
    pub persons: Vec<Person>,
    pub households: Vec<Vec<u32>>,
    pub register: Vec<PersonRecord>,
    /// Register row → person.
    pub person_of_row: Vec<u32>,
}

/// A name drawn from a list, skewed to its head.
pub(crate) fn draw(rng: &mut ChaCha8Rng, list: &[&'static str]) -> &'static str {
    list[skewed(rng, list.len(), 2.0)]
}

/// A given name of a sex, immigrant or not.
pub(crate) fn draw_given(rng: &mut ChaCha8Rng, male: bool, immigrant: bool) -> &'static str {
    match (male, immigrant) {
        (true, false) => draw(rng, names::MEN),
        (false, false) => draw(rng, names::WOMEN),
        (true, true) => draw(rng, names::IMMIGRANT_MEN),
        (false, true) => draw(rng, names::IMMIGRANT_WOMEN),
    }
}

/// A surname: one in twenty Norwegian ones double (`Berg Hansen`, hyphenated in a third).
pub(crate) fn draw_surname(rng: &mut ChaCha8Rng, immigrant: bool) -> String {
    if immigrant {
        return draw(rng, names::IMMIGRANT_SURNAMES).to_owned();
    }
    let first = draw(rng, names::SURNAMES);
    if rng.random_bool(0.05) {
        let second = draw(rng, names::SURNAMES);
        if second != first {
            let sep = if rng.random_bool(0.33) { "-" } else { " " };
            return format!("{first}{sep}{second}");
        }
    }
    first.to_owned()
}

/// A day in a year.
pub(crate) fn day_in(rng: &mut ChaCha8Rng, year: i32) -> NaiveDate {
    let day = rng.random_range(1..=365);
    NaiveDate::from_yo_opt(year, day)
        .or_else(|| NaiveDate::from_ymd_opt(year, 6, 15))
        .unwrap_or_default()
}

impl Population {
    /// Generates households until `reserved` persons are in the register.
    pub fn new(rng: &mut ChaCha8Rng, places: &Places, reserved: usize, judge: &Judge) -> Self {
        let mut pop = Population {
            persons: Vec::new(),
            households: Vec::new(),
            register: Vec::with_capacity(reserved),
            person_of_row: Vec::with_capacity(reserved),
        };
        let mut used_houses: Vec<House> = Vec::new();
        let mut ids = std::collections::HashSet::new();
        while pop.register.len() < reserved {
            let immigrant = rng.random_bool(0.12);
            let house = if !used_houses.is_empty() && rng.random_bool(0.16) {
                used_houses[rng.random_range(0..used_houses.len())]
            } else if !used_houses.is_empty() && rng.random_bool(0.07) {
                let mut h = used_houses[rng.random_range(0..used_houses.len())];
                match h.letter {
                    Some(l) => {
                        h.letter = Some(match l {
                            'A' => 'B',
                            'B' => 'C',
                            _ => 'A',
                        })
                    }
                    None => {
                        let town = places.draw_town(rng);
                        h = places.draw_house(rng, town);
                    }
                }
                h
            } else {
                let town = places.draw_town(rng);
                places.draw_house(rng, town)
            };
            used_houses.push(house);
            let members = household(rng, immigrant, judge);
            let hh = pop.households.len() as u32;
            let policy: f64 = rng.random_range(0.0..1.0);
            let mut ids_of = Vec::new();
            for m in members {
                let reserve = pop.register.len() < reserved
                    && match policy {
                        p if p < 0.45 => true,
                        p if p < 0.80 => rng.random_bool(0.5),
                        _ => false,
                    };
                let id = pop.persons.len() as u32;
                ids_of.push(id);
                let mut person = Person {
                    house,
                    household: hh,
                    row: None,
                    immigrant,
                    ..m
                };
                if reserve {
                    person.row = Some(pop.register.len() as u32);
                    let shown = rng.random_bool(0.88);
                    let national_id = rng
                        .random_bool(0.03)
                        .then(|| national_id(rng, person.birth, person.male))
                        .filter(|id| ids.insert(id.clone()));
                    pop.register.push(PersonRecord {
                        given_names: person.given.clone(),
                        surname: person.surname.clone(),
                        street: places.street(&house).name.clone(),
                        house_number: house.number.to_string(),
                        house_letter: house.letter.map(String::from).unwrap_or_default(),
                        postcode: places.postcode(&house).to_owned(),
                        city: places.town_name(&house).to_owned(),
                        birth_date: shown.then_some(person.birth),
                        national_id,
                    });
                    pop.person_of_row.push(id);
                }
                pop.persons.push(person);
            }
            pop.households.push(ids_of);
        }
        pop
    }
}

/// The members of a new household (house and row not yet set).
fn household(rng: &mut ChaCha8Rng, immigrant: bool, judge: &Judge) -> Vec<Person> {
    let mut members: Vec<Person> = Vec::new();
    let shape: f64 = rng.random_range(0.0..1.0);
    let head_year = rng.random_range(1938..=2004);
    let family = draw_surname(rng, immigrant);
    let head_male = rng.random_bool(0.5);
    add(
        rng,
        &mut members,
        judge,
        head_male,
        head_year,
        &family,
        None,
        immigrant,
    );
    if shape < 0.34 {
        return members;
    }
    if shape < 0.90 {
        // A partner, mostly of the other sex, within seven years.
        let male = if rng.random_bool(0.94) {
            !head_male
        } else {
            head_male
        };
        let year = (head_year + rng.random_range(-7..=7)).min(2005);
        let own = draw_surname(rng, immigrant);
        let (surname, maiden) = if immigrant || male || own == family {
            (own.clone(), None)
        } else {
            match rng.random_range(0.0..1.0) {
                x if x < 0.55 => (family.clone(), Some(own.clone())),
                x if x < 0.85 => (own.clone(), None),
                _ => (format!("{own} {family}"), Some(own.clone())),
            }
        };
        add(
            rng,
            &mut members,
            judge,
            male,
            year,
            &surname,
            maiden,
            immigrant,
        );
        if shape >= 0.60 {
            let young = head_year.max(year);
            let children = rng.random_range(1..=3);
            for _ in 0..children {
                let child_year = (young + rng.random_range(22..=38)).min(2008);
                let male = rng.random_bool(0.5);
                add(
                    rng,
                    &mut members,
                    judge,
                    male,
                    child_year,
                    &family,
                    None,
                    immigrant,
                );
            }
        }
    } else {
        // Siblings sharing a flat.
        for _ in 0..rng.random_range(1..=2) {
            let year = (head_year + rng.random_range(-9..=9)).min(2006);
            let male = rng.random_bool(0.5);
            add(
                rng,
                &mut members,
                judge,
                male,
                year,
                &family,
                None,
                immigrant,
            );
        }
    }
    members
}

/// Adds a member whose first given name a reader tells apart from every other member's.
#[allow(clippy::too_many_arguments)]
fn add(
    rng: &mut ChaCha8Rng,
    members: &mut Vec<Person>,
    judge: &Judge,
    male: bool,
    year: i32,
    surname: &str,
    maiden: Option<String>,
    immigrant: bool,
) {
    for _ in 0..30 {
        let first = draw_given(rng, male, immigrant);
        if members
            .iter()
            .any(|m| judge.given_could_be(&m.given, first))
        {
            continue;
        }
        let given = if rng.random_bool(0.3) {
            let second = draw_given(rng, male, immigrant);
            if judge.given_could_be(first, second) {
                first.to_owned()
            } else if rng.random_bool(0.12) {
                format!("{first}-{second}")
            } else {
                format!("{first} {second}")
            }
        } else {
            first.to_owned()
        };
        members.push(Person {
            given,
            surname: surname.to_owned(),
            maiden,
            male,
            birth: day_in(rng, year),
            house: House {
                town: 0,
                street: 0,
                number: 0,
                letter: None,
            },
            household: 0,
            row: None,
            immigrant,
        });
        return;
    }
}

/// A valid 11-digit national id (fødselsnummer) for a birth date and sex.
fn national_id(rng: &mut ChaCha8Rng, birth: NaiveDate, male: bool) -> String {
    let date = format!(
        "{:02}{:02}{:02}",
        birth.day(),
        birth.month(),
        birth.year() % 100
    );
    let range = if birth.year() >= 2000 {
        500..1000
    } else {
        0..500
    };
    loop {
        let mut individual: u32 = rng.random_range(range.clone());
        let odd = !individual.is_multiple_of(2);
        if odd != male {
            individual = if odd { individual - 1 } else { individual + 1 };
            if !range.contains(&individual) {
                continue;
            }
        }
        let base = format!("{date}{individual:03}");
        let d: Vec<u32> = base.chars().filter_map(|c| c.to_digit(10)).collect();
        let k1w = [3, 7, 6, 1, 8, 9, 4, 5, 2];
        let k1 = 11 - d.iter().zip(k1w).map(|(a, w)| a * w).sum::<u32>() % 11;
        let k1 = if k1 == 11 { 0 } else { k1 };
        if k1 == 10 {
            continue;
        }
        let k2w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        let k2 = 11
            - d.iter()
                .chain(std::iter::once(&k1))
                .zip(k2w)
                .map(|(a, w)| a * w)
                .sum::<u32>()
                % 11;
        let k2 = if k2 == 11 { 0 } else { k2 };
        if k2 == 10 {
            continue;
        }
        return format!("{base}{k1}{k2}");
    }
}
