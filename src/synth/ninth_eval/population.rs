//! Households, the population and the register of reserved persons.

use std::collections::HashMap;

use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::{could_be_name, name_words};
use super::names::{MEN, ORIGINS, SURNAMES, WOMEN};
use super::places::{Places, pick};
use crate::person::PersonRecord;

/// A house: town, street, number, letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    /// Birth date.
    pub birth: NaiveDate,
    /// Their house.
    pub house: House,
    /// Their household.
    pub household: usize,
    /// Register index if reserved.
    pub row: Option<usize>,
    /// Whether a man.
    pub man: bool,
}

/// Everybody, and the register.
pub struct Population {
    /// Everybody generated.
    pub persons: Vec<Person>,
    /// Persons per house.
    pub at_house: HashMap<House, Vec<usize>>,
    /// The register of reserved persons.
    pub register: Vec<PersonRecord>,
    /// Population index of each register row.
    pub of_row: Vec<usize>,
}

/// A date in a year range.
pub fn date(rng: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    let y = rng.random_range(from..=to.max(from));
    let m = rng.random_range(1..=12);
    let d = rng.random_range(1..=28);
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A random house in a town.
pub fn random_house(rng: &mut ChaCha8Rng, places: &Places, town: usize) -> House {
    let streets = &places.towns[town].streets;
    let street = ((streets.len() as f64) * rng.random::<f64>().powf(1.5)) as usize;
    let street = street.min(streets.len().saturating_sub(1));
    let max = streets.get(street).map_or(10, |s| s.max);
    let number = 1 + ((f64::from(max)) * rng.random::<f64>().powf(1.4)) as u32;
    let letter = if rng.random_bool(0.14) {
        ["A", "B", "B", "C"][rng.random_range(0..4)].to_string()
    } else {
        String::new()
    };
    House {
        town,
        street,
        number,
        letter,
    }
}

struct Names {
    origin: Option<usize>,
}

impl Names {
    fn given(&self, rng: &mut ChaCha8Rng, man: bool) -> String {
        match self.origin {
            Some(o) => {
                let (_, m, w) = ORIGINS[o];
                pick(rng, if man { m } else { w }).to_string()
            }
            None => {
                let list = if man { MEN } else { WOMEN };
                let first = pick(rng, list);
                if rng.random_bool(0.25) {
                    let second = list[rng.random_range(0..list.len())];
                    let sep = if rng.random_bool(0.2) { "-" } else { " " };
                    format!("{first}{sep}{second}")
                } else {
                    first.to_string()
                }
            }
        }
    }

    fn surname(&self, rng: &mut ChaCha8Rng) -> String {
        match self.origin {
            Some(o) => pick(rng, ORIGINS[o].0).to_string(),
            None => pick(rng, SURNAMES).to_string(),
        }
    }
}

/// Whether given names are told apart from everybody's at the house.
pub fn given_apart(given: &str, others: &[&str]) -> bool {
    let mine = name_words(given);
    if mine.len() > 1
        && mine
            .iter()
            .enumerate()
            .any(|(i, a)| mine.iter().skip(i + 1).any(|b| could_be_name(a, b)))
    {
        return false;
    }
    others.iter().all(|o| {
        let theirs = name_words(o);
        !mine
            .iter()
            .any(|a| theirs.iter().any(|b| could_be_name(a, b)))
    })
}

impl Population {
    /// Generates households until at least `reserved` persons are reserved.
    pub fn new(rng: &mut ChaCha8Rng, places: &Places, reserved: usize) -> Population {
        let mut pop = Population {
            persons: Vec::new(),
            at_house: HashMap::new(),
            register: Vec::new(),
            of_row: Vec::new(),
        };
        let mut houses: Vec<House> = Vec::new();
        let mut household = 0;
        while pop.register.len() < reserved {
            household += 1;
            let house = if !houses.is_empty() && rng.random_bool(0.2) {
                houses[rng.random_range(0..houses.len())].clone()
            } else {
                let t = places.draw_town(rng);
                if places.towns[t].streets.is_empty() {
                    continue;
                }
                random_house(rng, places, t)
            };
            houses.push(house.clone());
            let names = Names {
                origin: rng
                    .random_bool(1.0 / 9.0)
                    .then(|| rng.random_range(0..ORIGINS.len())),
            };
            // (man, surname slot, birth year range)
            let mut members: Vec<(bool, String, i32, i32)> = Vec::new();
            let roll: f64 = rng.random();
            let fam = names.surname(rng);
            if roll < 0.30 {
                members.push((rng.random_bool(0.5), fam, 1935, 2005));
            } else if !(0.52..0.95).contains(&roll) {
                let (his, hers) = couple_surnames(rng, &names, fam);
                members.push((true, his, 1940, 2003));
                members.push((false, hers, 1940, 2003));
            } else if roll < 0.67 {
                let (his, hers) = couple_surnames(rng, &names, fam);
                let child = if rng.random_bool(0.8) {
                    his.clone()
                } else {
                    hers.clone()
                };
                members.push((true, his, 1945, 1975));
                members.push((false, hers, 1945, 1975));
                for _ in 0..rng.random_range(1..=2) {
                    members.push((rng.random_bool(0.5), child.clone(), 1985, 2006));
                }
            } else if roll < 0.75 {
                members.push((rng.random_bool(0.3), fam.clone(), 1950, 1978));
                members.push((rng.random_bool(0.5), fam, 1988, 2006));
            } else if roll < 0.82 {
                // Three generations: a couple, a grown child and the child's partner.
                members.push((true, fam.clone(), 1945, 1965));
                members.push((false, fam.clone(), 1945, 1965));
                let son = rng.random_bool(0.5);
                members.push((son, fam.clone(), 1975, 1995));
                let in_law = if rng.random_bool(0.5) {
                    fam
                } else {
                    names.surname(rng)
                };
                members.push((!son, in_law, 1975, 1995));
            } else if roll < 0.90 {
                // A flat share (kollektiv): unrelated young adults.
                for _ in 0..rng.random_range(2..=4) {
                    let other = Names {
                        origin: rng
                            .random_bool(0.15)
                            .then(|| rng.random_range(0..ORIGINS.len())),
                    };
                    members.push((rng.random_bool(0.5), other.surname(rng), 1996, 2006));
                }
            } else {
                // Siblings, or a widowed parent with a grown child at home.
                for _ in 0..rng.random_range(2..=3) {
                    members.push((rng.random_bool(0.5), fam.clone(), 1950, 1990));
                }
            }
            let mode: f64 = rng.random();
            for (man, surname, from, to) in members {
                let others: Vec<String> = pop
                    .at_house
                    .get(&house)
                    .map(|v| v.iter().map(|&i| pop.persons[i].given.clone()).collect())
                    .unwrap_or_default();
                let others: Vec<&str> = others.iter().map(String::as_str).collect();
                let mut given = names.given(rng, man);
                let mut ok = given_apart(&given, &others);
                for _ in 0..60 {
                    if ok {
                        break;
                    }
                    given = Names { origin: None }.given(rng, man);
                    ok = given_apart(&given, &others);
                }
                if !ok {
                    continue;
                }
                let reserved = mode < 0.30 || (mode < 0.80 && rng.random_bool(0.45));
                let id = pop.persons.len();
                let birth = date(rng, from, to);
                let row = reserved.then(|| {
                    pop.register
                        .push(record(rng, places, &given, &surname, birth, &house));
                    pop.of_row.push(id);
                    pop.register.len() - 1
                });
                pop.persons.push(Person {
                    given,
                    surname,
                    birth,
                    house: house.clone(),
                    household,
                    row,
                    man,
                });
                pop.at_house.entry(house.clone()).or_default().push(id);
            }
        }
        pop
    }
}

fn couple_surnames(rng: &mut ChaCha8Rng, names: &Names, fam: String) -> (String, String) {
    let r: f64 = rng.random();
    if r < 0.55 {
        (fam.clone(), fam)
    } else if r < 0.65 {
        let hers = names.surname(rng);
        (hers.clone(), hers)
    } else {
        (fam, names.surname(rng))
    }
}

fn record(
    rng: &mut ChaCha8Rng,
    places: &Places,
    given: &str,
    surname: &str,
    birth: NaiveDate,
    house: &House,
) -> PersonRecord {
    let town = &places.towns[house.town];
    let street = &town.streets[house.street];
    let (number, letter) = if house.letter.is_empty() {
        (house.number.to_string(), String::new())
    } else {
        match rng.random_range(0..10) {
            0..5 => (house.number.to_string(), house.letter.clone()),
            5..8 => (format!("{} {}", house.number, house.letter), String::new()),
            _ => (format!("{}{}", house.number, house.letter), String::new()),
        }
    };
    PersonRecord {
        given_names: given.to_string(),
        surname: surname.to_string(),
        street: street.name.clone(),
        house_number: number,
        house_letter: letter,
        postcode: street.postcode.clone(),
        city: town.name.clone(),
        birth_date: rng.random_bool(0.85).then_some(birth),
        national_id: None,
    }
}
