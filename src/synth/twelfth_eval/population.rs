//! Households and the register: everybody (reserved or not) with their house, household and
//! birth date, and the rows of the reserved.

use std::collections::HashMap;

use chrono::NaiveDate;
use rand::Rng;

use super::judge::{any_match, name_words};
use super::names::{self, pick};
use super::places::Places;
use crate::person::PersonRecord;

/// A house: town, street (index into the town's streets), number and letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HouseRef {
    /// Town.
    pub town: u32,
    /// Street of the town.
    pub street: u32,
    /// Number.
    pub number: u32,
    /// Letter.
    pub letter: Option<char>,
}

/// A person of the population.
#[derive(Debug, Clone)]
pub struct Person {
    /// Given names.
    pub given: String,
    /// Surname.
    pub surname: String,
    /// Origin (index into [`names::ORIGINS`]), `None` for Norwegian.
    pub origin: Option<usize>,
    /// House.
    pub house: HouseRef,
    /// Birth date.
    pub birth: NaiveDate,
    /// Household.
    pub household: u32,
    /// Register row, if reserved.
    pub row: Option<usize>,
}

/// Everybody, the register and the look-ups the generators need.
pub struct Population {
    /// Everybody.
    pub persons: Vec<Person>,
    /// The register of reserved persons.
    pub register: Vec<PersonRecord>,
    /// Register row → person.
    pub row_person: Vec<usize>,
    /// Household → its persons.
    pub households: Vec<Vec<usize>>,
    /// House → the persons living there.
    pub at_house: HashMap<HouseRef, Vec<usize>>,
}

/// A date in `from..=to`.
pub fn date(rng: &mut impl Rng, from: i32, to: i32) -> NaiveDate {
    let y = rng.random_range(from..=to);
    NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(1..=28))
        .unwrap_or_default()
}

/// Given names of one sex and origin; Norwegians have a second one in 20 % (hyphenated in
/// 35 % of those).
pub fn given_name(rng: &mut impl Rng, woman: bool, origin: Option<usize>) -> String {
    let list = match origin {
        Some(o) if woman => names::ORIGINS[o].women,
        Some(o) => names::ORIGINS[o].men,
        None if woman => names::WOMEN,
        None => names::MEN,
    };
    let first = pick(rng, list);
    if origin.is_none() && rng.random_bool(0.2) {
        let second = pick(rng, list);
        if second != first {
            let sep = if rng.random_bool(0.35) { "-" } else { " " };
            return format!("{first}{sep}{second}");
        }
    }
    first.to_owned()
}

/// A surname of an origin.
pub fn surname(rng: &mut impl Rng, origin: Option<usize>) -> String {
    match origin {
        Some(o) => pick(rng, names::ORIGINS[o].surnames).to_owned(),
        None => pick(rng, names::SURNAMES).to_owned(),
    }
}

/// Whether `given` is told apart from every given name at a house.
pub fn told_apart(given: &str, others: &[&str]) -> bool {
    let w = name_words(&[given]);
    others.iter().all(|o| !any_match(&w, &name_words(&[o])))
}

impl Population {
    /// Generates households until at least `reserved` persons are reserved.
    pub fn new(rng: &mut impl Rng, places: &Places, reserved: usize) -> Population {
        let mut pop = Population {
            persons: Vec::new(),
            register: Vec::new(),
            row_person: Vec::new(),
            households: Vec::new(),
            at_house: HashMap::new(),
        };
        while pop.register.len() < reserved {
            pop.household(rng, places);
        }
        pop
    }

    fn random_house(rng: &mut impl Rng, places: &Places) -> HouseRef {
        let town = places.random_town(rng);
        let streets = &places.towns[town as usize].streets;
        let u: f64 = rng.random();
        let street = ((streets.len() as f64 * u.powf(1.3)) as usize).min(streets.len() - 1);
        let max = streets[street].max_number;
        let number = 1 + (f64::from(max) * rng.random::<f64>().powf(1.3)) as u32;
        let letter = rng
            .random_bool(0.12)
            .then(|| ['A', 'B', 'B', 'C'][rng.random_range(0..4)]);
        HouseRef {
            town,
            street: street as u32,
            number,
            letter,
        }
    }

    fn household(&mut self, rng: &mut impl Rng, places: &Places) {
        let origin = rng
            .random_bool(0.12)
            .then(|| rng.random_range(0..names::ORIGINS.len()));
        // 15 %: a block of flats, somebody lives at the house already.
        let house = if !self.persons.is_empty() && rng.random_bool(0.15) {
            self.persons[rng.random_range(0..self.persons.len())].house
        } else {
            Self::random_house(rng, places)
        };
        let family = surname(rng, origin);
        let u: f64 = rng.random();
        // (woman, own surname, born from, born to)
        let mut members: Vec<(bool, Option<String>, i32, i32)> = Vec::new();
        let w = rng.random_bool(0.5);
        if u < 0.34 {
            members.push((w, None, 1930, 2006));
        } else if u < 0.60 {
            let y = rng.random_range(1938..=2002);
            members.push((w, None, y - 2, y + 2));
            let own = rng.random_bool(0.3).then(|| surname(rng, origin));
            members.push((!w, own, y - 4, (y + 4).min(2006)));
        } else if u < 0.85 {
            let y = rng.random_range(1945..=1975);
            members.push((false, None, y - 2, y + 2));
            members.push((true, None, y - 3, y + 3));
            for _ in 0..rng.random_range(1..=2) {
                let c = (y + 25).min(2006);
                members.push((rng.random_bool(0.5), None, c, (y + 38).min(2006)));
            }
        } else {
            let y = rng.random_range(1950..=1995);
            for _ in 0..rng.random_range(2..=3) {
                members.push((rng.random_bool(0.5), None, y, y + 8));
            }
        }
        let id = self.households.len() as u32;
        let mut ids = Vec::new();
        let everyone = rng.random_bool(0.35 / 0.80);
        let nobody = rng.random_bool(0.2);
        for (woman, own, from, to) in members {
            let here: Vec<String> = self
                .at_house
                .get(&house)
                .into_iter()
                .flatten()
                .map(|&p| self.persons[p].given.clone())
                .collect();
            let here: Vec<&str> = here.iter().map(String::as_str).collect();
            let mut given = None;
            for _ in 0..40 {
                let g = given_name(rng, woman, origin);
                if told_apart(&g, &here) {
                    given = Some(g);
                    break;
                }
            }
            let Some(given) = given else { continue };
            let reserved = !nobody && (everyone || rng.random_bool(0.5));
            let person = Person {
                given,
                surname: own.unwrap_or_else(|| family.clone()),
                origin,
                house,
                birth: date(rng, from, to),
                household: id,
                row: None,
            };
            let p = self.persons.len();
            self.persons.push(person);
            self.at_house.entry(house).or_default().push(p);
            ids.push(p);
            if reserved {
                self.reserve(rng, places, p);
            }
        }
        self.households.push(ids);
    }

    fn reserve(&mut self, rng: &mut impl Rng, places: &Places, p: usize) {
        let person = &mut self.persons[p];
        let h = person.house;
        let town = &places.towns[h.town as usize];
        let street = &town.streets[h.street as usize];
        let (number, letter) = match h.letter {
            None => (h.number.to_string(), String::new()),
            Some(l) => match rng.random_range(0..20) {
                0..11 => (h.number.to_string(), l.to_string()),
                11..16 => (format!("{} {l}", h.number), String::new()),
                _ => (format!("{}{l}", h.number), String::new()),
            },
        };
        person.row = Some(self.register.len());
        self.register.push(PersonRecord {
            given_names: person.given.clone(),
            surname: person.surname.clone(),
            street: street.name.clone(),
            house_number: number,
            house_letter: letter,
            postcode: street.postcode.clone(),
            city: town.name.clone(),
            birth_date: rng.random_bool(0.88).then_some(person.birth),
            national_id: None,
        });
        self.row_person.push(p);
    }
}
