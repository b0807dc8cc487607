//! Households and the register: everybody, reserved or not, with house and birth date, and
//! the reserved persons as the population register delivers them.

use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::given_could_be;
use super::names::{MEN, SURNAMES, WOMEN};
use super::places::Places;
use crate::person::PersonRecord;

/// A house: town, street and number with letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct House {
    /// Town index.
    pub town: usize,
    /// Street index in the town.
    pub street: usize,
    /// House number.
    pub number: u32,
    /// House letter or empty.
    pub letter: String,
}

/// A person of the population.
#[derive(Debug, Clone)]
pub struct Person {
    /// Given names.
    pub given: String,
    /// Surname.
    pub surname: String,
    /// Home.
    pub house: House,
    /// Birth date.
    pub birth: NaiveDate,
    /// Household index.
    pub household: usize,
    /// Register index if reserved.
    pub reserved: Option<usize>,
}

/// Everybody and the register.
pub struct Population {
    /// Everybody.
    pub people: Vec<Person>,
    /// Members of each household (indices into `people`).
    pub households: Vec<Vec<usize>>,
    /// The reserved persons.
    pub register: Vec<PersonRecord>,
    /// For each register row, its person.
    pub of_row: Vec<usize>,
}

/// A random given name (double in 15 %) that no name in `taken` could be.
pub fn given_name(rng: &mut ChaCha8Rng, man: bool, taken: &[String]) -> String {
    let list = if man { MEN } else { WOMEN };
    loop {
        let mut g = list[rng.random_range(0..list.len())].to_owned();
        if rng.random_bool(0.15) {
            let second = list[rng.random_range(0..list.len())];
            if !given_could_be(second, &g) {
                g = format!("{g} {second}");
            }
        }
        if !taken.iter().any(|t| given_could_be(t, &g)) {
            return g;
        }
    }
}

/// A random birth date between `from` and `to` (years).
pub fn birth(rng: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(
        rng.random_range(from..=to),
        rng.random_range(1..=12),
        rng.random_range(1..=28),
    )
    .unwrap_or_default()
}

/// The register row of a person.
pub fn record(places: &Places, p: &Person) -> PersonRecord {
    let town = &places.towns[p.house.town];
    let street = &town.streets[p.house.street];
    PersonRecord {
        given_names: p.given.clone(),
        surname: p.surname.clone(),
        street: street.name.clone(),
        house_number: p.house.number.to_string(),
        house_letter: p.house.letter.clone(),
        postcode: street.postcode.clone(),
        city: town.name.clone(),
        birth_date: Some(p.birth),
        national_id: None,
    }
}

/// A random house.
pub fn house(places: &Places, rng: &mut ChaCha8Rng) -> House {
    loop {
        let town = places.draw_town(rng);
        let t = &places.towns[town];
        if t.streets.is_empty() {
            continue;
        }
        let street = rng.random_range(0..t.streets.len());
        let number = rng.random_range(1..=t.streets[street].max_number);
        let letter = if rng.random_bool(0.12) {
            ["A", "B", "B", "C"][rng.random_range(0..4)].to_owned()
        } else {
            String::new()
        };
        return House {
            town,
            street,
            number,
            letter,
        };
    }
}

impl Population {
    /// Households until `reserved` persons are reserved.
    pub fn new(places: &Places, rng: &mut ChaCha8Rng, reserved: usize) -> Population {
        let mut pop = Population {
            people: Vec::new(),
            households: Vec::new(),
            register: Vec::new(),
            of_row: Vec::new(),
        };
        while pop.register.len() < reserved {
            let h = house(places, rng);
            let surname = SURNAMES[rng.random_range(0..SURNAMES.len())].to_owned();
            let kind: f64 = rng.random();
            // (is a man, own surname, birth years)
            let mut members: Vec<(bool, bool, i32, i32)> = Vec::new();
            let first_man = rng.random_bool(0.5);
            members.push((first_man, false, 1940, 1990));
            if (0.35..0.85).contains(&kind) {
                members.push((!first_man, rng.random_bool(0.25), 1940, 1990));
            }
            if (0.62..0.85).contains(&kind) {
                for _ in 0..rng.random_range(1..=2) {
                    members.push((rng.random_bool(0.5), false, 1991, 2006));
                }
            }
            if kind >= 0.85 {
                for _ in 0..rng.random_range(1..=2) {
                    members.push((rng.random_bool(0.5), false, 1960, 2000));
                }
            }
            let rule: f64 = rng.random();
            let hh = pop.households.len();
            let mut ids = Vec::new();
            let mut taken: Vec<String> = Vec::new();
            for (man, own, from, to) in members {
                let given = given_name(rng, man, &taken);
                taken.push(given.clone());
                let surname = if own {
                    SURNAMES[rng.random_range(0..SURNAMES.len())].to_owned()
                } else {
                    surname.clone()
                };
                let is_reserved = if rule < 0.35 {
                    true
                } else if rule < 0.8 {
                    rng.random_bool(0.5)
                } else {
                    false
                };
                let id = pop.people.len();
                let mut person = Person {
                    given,
                    surname,
                    house: h.clone(),
                    birth: birth(rng, from, to),
                    household: hh,
                    reserved: None,
                };
                if is_reserved && pop.register.len() < reserved {
                    person.reserved = Some(pop.register.len());
                    pop.register.push(record(places, &person));
                    pop.of_row.push(id);
                }
                pop.people.push(person);
                ids.push(id);
            }
            pop.households.push(ids);
        }
        pop
    }
}
