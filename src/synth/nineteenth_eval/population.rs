//! Households and the register: everybody, reserved or not, at a house of a town.

use std::collections::HashSet;

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::judge::names_could_be;
use super::names::{MEN, SURNAMES, WOMEN};
use super::places::Places;
use crate::person::PersonRecord;

/// A house: town, street (indices into [`Places`]), number and letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct House {
    /// Town index.
    pub town: usize,
    /// Street index within the town.
    pub street: usize,
    /// House number.
    pub number: u32,
    /// House letter or empty.
    pub letter: String,
}

/// A person, reserved or not.
#[derive(Debug, Clone)]
pub struct Person {
    /// Given names.
    pub given: String,
    /// Surname.
    pub surname: String,
    /// Whether a man.
    pub male: bool,
    /// Birth date.
    pub birth: NaiveDate,
    /// Household index.
    pub household: usize,
    /// Register index if reserved.
    pub reserved: Option<usize>,
}

/// Everybody and the register.
#[derive(Debug, Clone)]
pub struct Population {
    /// Everybody.
    pub people: Vec<Person>,
    /// Households: their house and members (indices into `people`).
    pub households: Vec<(House, Vec<usize>)>,
    /// The reserved persons.
    pub register: Vec<PersonRecord>,
    /// The person of each register row.
    pub person_of_row: Vec<usize>,
}

/// A random date in `from..=to` (years).
pub fn date(rng: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    let y = rng.random_range(from..=to);
    NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(1..=28)).unwrap()
}

fn given(rng: &mut ChaCha8Rng, male: bool, taken: &[String]) -> String {
    let list = if male { MEN } else { WOMEN };
    loop {
        let first = *list.choose(rng).unwrap();
        let name = if rng.random_bool(0.2) {
            let second = *list.choose(rng).unwrap();
            if second == first {
                continue;
            }
            format!("{first} {second}")
        } else {
            first.to_string()
        };
        if taken.iter().all(|t| !names_could_be(t, &name)) {
            return name;
        }
    }
}

impl Population {
    /// Builds households until `reserved` persons are reserved.
    pub fn build(rng: &mut ChaCha8Rng, places: &Places, reserved: usize) -> Population {
        let mut pop = Population {
            people: Vec::new(),
            households: Vec::new(),
            register: Vec::new(),
            person_of_row: Vec::new(),
        };
        let mut houses = HashSet::new();
        while pop.register.len() < reserved {
            let row = rng.random_range(0..places.rows.len());
            let town = places.rows[row].1;
            let t = &places.towns[town];
            let street = rng.random_range(0..t.streets.len());
            let top = 6 + rng.random_range(0..50);
            let number = rng.random_range(1..=top);
            let letter = if rng.random_bool(0.1) {
                ["A", "B", "C"].choose(rng).unwrap().to_string()
            } else {
                String::new()
            };
            let house = House {
                town,
                street,
                number,
                letter,
            };
            if !houses.insert(house.clone()) {
                continue;
            }
            let h = pop.households.len();
            let surname = SURNAMES.choose(rng).unwrap().to_string();
            let mut members: Vec<(String, String, bool, NaiveDate)> = Vec::new();
            let mut taken: Vec<String> = Vec::new();
            let roll = rng.random_range(0..100);
            if roll < 33 {
                let male = rng.random_bool(0.5);
                let g = given(rng, male, &taken);
                taken.push(g.clone());
                members.push((g, surname, male, date(rng, 1934, 2005)));
            } else {
                let year = rng.random_range(1945..=1988);
                let him = given(rng, true, &taken);
                taken.push(him.clone());
                let her = given(rng, false, &taken);
                taken.push(her.clone());
                let her_surname = if rng.random_bool(0.25) {
                    SURNAMES.choose(rng).unwrap().to_string()
                } else {
                    surname.clone()
                };
                members.push((him, surname.clone(), true, date(rng, year - 2, year + 2)));
                members.push((her, her_surname, false, date(rng, year - 2, year + 2)));
                if roll >= 63 {
                    for _ in 0..rng.random_range(1..=3) {
                        let male = rng.random_bool(0.5);
                        let g = given(rng, male, &taken);
                        taken.push(g.clone());
                        let born = date(rng, (year + 22).min(2006), (year + 40).min(2006));
                        members.push((g, surname.clone(), male, born));
                    }
                }
            }
            let all = rng.random_bool(0.35);
            let mut ids = Vec::new();
            for (g, s, male, birth) in members {
                let id = pop.people.len();
                let is_reserved = pop.register.len() < reserved && (all || rng.random_bool(0.5));
                let mut person = Person {
                    given: g,
                    surname: s,
                    male,
                    birth,
                    household: h,
                    reserved: None,
                };
                if is_reserved {
                    person.reserved = Some(pop.register.len());
                    pop.register.push(pop.record(places, &house, &person));
                    pop.person_of_row.push(id);
                }
                pop.people.push(person);
                ids.push(id);
            }
            pop.households.push((house, ids));
        }
        pop
    }

    /// The register row of `person` at `house`.
    pub fn record(&self, places: &Places, house: &House, person: &Person) -> PersonRecord {
        let t = &places.towns[house.town];
        let s = &t.streets[house.street];
        PersonRecord {
            given_names: person.given.clone(),
            surname: person.surname.clone(),
            street: s.name.clone(),
            house_number: house.number.to_string(),
            house_letter: house.letter.clone(),
            postcode: s.postcode.clone(),
            city: t.name.clone(),
            birth_date: Some(person.birth),
            national_id: None,
        }
    }
}
