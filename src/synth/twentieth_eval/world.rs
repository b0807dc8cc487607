//! Geography (every post town of `data/postcodes/NO.tsv`, with streets named after old trades)
//! and the population: households at houses, everybody kept, some of them reserved.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::judge::{fold_town, names_could_be_one};
use super::names::{ENDINGS, MEN, PREFIXES, STREET_PERSONS, SURNAMES, TRADES, WOMEN};
use crate::person::PersonRecord;

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// How a street is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StreetKind {
    /// A glued compound (`Smedgata`).
    Plain,
    /// After a person: index into `STREET_PERSONS`.
    Person(usize),
    /// With a prefix (index into `PREFIXES`); the twin street's index in the town, if any.
    Prefix(usize, Option<usize>),
}

#[derive(Debug, Clone)]
pub(crate) struct Street {
    pub name: String,
    pub postcode: String,
    pub kind: StreetKind,
}

#[derive(Debug, Clone)]
pub(crate) struct Town {
    /// As `NO.tsv` writes it (capitals).
    pub name: String,
    pub postcodes: Vec<String>,
    pub streets: Vec<Street>,
}

/// Every post town with its streets.
pub(crate) struct Places {
    pub towns: Vec<Town>,
    /// (postcode, town index) per row of `NO.tsv`.
    pub rows: Vec<(String, usize)>,
    pub by_postcode: HashMap<String, usize>,
    pub by_fold: HashMap<String, Vec<usize>>,
}

impl Places {
    pub fn new(seed: u64) -> Places {
        let mut towns: Vec<Town> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut rows = Vec::new();
        let mut by_postcode = HashMap::new();
        for line in NO_TSV.lines().skip(1) {
            let Some((code, town)) = line.split_once('\t') else {
                continue;
            };
            let t = *index.entry(town.to_string()).or_insert_with(|| {
                towns.push(Town {
                    name: town.to_string(),
                    postcodes: Vec::new(),
                    streets: Vec::new(),
                });
                towns.len() - 1
            });
            towns[t].postcodes.push(code.to_string());
            rows.push((code.to_string(), t));
            by_postcode.insert(code.to_string(), t);
        }
        for (t, town) in towns.iter_mut().enumerate() {
            let mut rng =
                ChaCha8Rng::seed_from_u64(seed ^ (t as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            town.streets = streets_of(&mut rng, &town.postcodes);
        }
        let mut by_fold: HashMap<String, Vec<usize>> = HashMap::new();
        for (t, town) in towns.iter().enumerate() {
            by_fold.entry(fold_town(&town.name)).or_default().push(t);
        }
        Places {
            towns,
            rows,
            by_postcode,
            by_fold,
        }
    }
}

fn streets_of(rng: &mut ChaCha8Rng, postcodes: &[String]) -> Vec<Street> {
    let p = postcodes.len();
    let want = (5 + p).min(18);
    let mut streets: Vec<Street> = Vec::new();
    let mut stems: HashSet<&str> = HashSet::new();
    let mut persons: HashSet<usize> = HashSet::new();
    let mut tries = 0;
    while streets.len() < want && tries < 400 {
        tries += 1;
        let code = postcodes[rng.random_range(0..p)].clone();
        let r: f64 = rng.random();
        if r < 0.2 {
            let i = rng.random_range(0..STREET_PERSONS.len());
            if !persons.insert(i) {
                continue;
            }
            let (g, s, ty) = STREET_PERSONS[i];
            streets.push(Street {
                name: format!("{g} {s}s {ty}"),
                postcode: code,
                kind: StreetKind::Person(i),
            });
            continue;
        }
        let stem = TRADES[rng.random_range(0..TRADES.len())];
        if !stems.insert(stem) {
            continue;
        }
        let ending = ENDINGS[rng.random_range(0..ENDINGS.len())];
        let compound = format!("{stem}{ending}");
        if r < 0.5 {
            // A pair of twin streets (`Øvre Smedgata`, `Nedre Smedgata`), or one alone.
            let pi = rng.random_range(0..PREFIXES.len());
            let first = streets.len();
            if rng.random_bool(0.7) {
                let code2 = postcodes[rng.random_range(0..p)].clone();
                streets.push(Street {
                    name: format!("{} {compound}", PREFIXES[pi].0),
                    postcode: code,
                    kind: StreetKind::Prefix(pi, Some(first + 1)),
                });
                streets.push(Street {
                    name: format!("{} {compound}", PREFIXES[pi ^ 1].0),
                    postcode: code2,
                    kind: StreetKind::Prefix(pi ^ 1, Some(first)),
                });
            } else {
                streets.push(Street {
                    name: format!("{} {compound}", PREFIXES[pi].0),
                    postcode: code,
                    kind: StreetKind::Prefix(pi, None),
                });
            }
        } else {
            streets.push(Street {
                name: compound,
                postcode: code,
                kind: StreetKind::Plain,
            });
        }
    }
    streets
}

/// A house: town, street (index in the town), number, letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct House {
    pub town: usize,
    pub street: usize,
    pub number: u32,
    pub letter: &'static str,
}

#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub rec: PersonRecord,
    pub household: usize,
    pub male: bool,
    /// Index in the register, if reserved.
    pub reserved: Option<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct Household {
    pub house: House,
    pub members: Vec<usize>,
}

/// Everybody, reserved or not.
pub(crate) struct World {
    pub places: Places,
    pub persons: Vec<Person>,
    pub households: Vec<Household>,
    pub register: Vec<PersonRecord>,
    /// Person index per register row.
    pub reg_person: Vec<usize>,
}

fn date(rng: &mut ChaCha8Rng, year: i32) -> NaiveDate {
    let y = year.clamp(1925, 2007);
    NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(1..=28))
        .expect("valid date")
}

pub(crate) fn record(
    places: &Places,
    h: &House,
    given: &str,
    surname: &str,
    birth: Option<NaiveDate>,
) -> PersonRecord {
    let town = &places.towns[h.town];
    let street = &town.streets[h.street];
    PersonRecord {
        given_names: given.to_string(),
        surname: surname.to_string(),
        street: street.name.clone(),
        house_number: h.number.to_string(),
        house_letter: h.letter.to_string(),
        postcode: street.postcode.clone(),
        city: town.name.clone(),
        birth_date: birth,
        national_id: None,
    }
}

fn given(rng: &mut ChaCha8Rng, male: bool) -> String {
    let list = if male { MEN } else { WOMEN };
    let first = *list.choose(rng).expect("names");
    if rng.random_bool(0.2) {
        let second = *list.choose(rng).expect("names");
        if second != first {
            return format!("{first} {second}");
        }
    }
    first.to_string()
}

impl World {
    pub fn new(seed: u64, reserved: usize) -> World {
        let places = Places::new(seed);
        let mut rng = ChaCha8Rng::seed_from_u64(seed.wrapping_add(20));
        let mut taken: HashSet<House> = HashSet::new();
        let mut persons: Vec<Person> = Vec::new();
        let mut households: Vec<Household> = Vec::new();
        let mut register = Vec::new();
        let mut reg_person = Vec::new();
        while register.len() < reserved {
            let (_, t) = places.rows[rng.random_range(0..places.rows.len())];
            let town = &places.towns[t];
            if town.streets.is_empty() {
                continue;
            }
            let top = 6 + rng.random_range(0..40);
            let house = House {
                town: t,
                street: rng.random_range(0..town.streets.len()),
                number: rng.random_range(1..=top),
                letter: if rng.random_bool(0.1) {
                    ["A", "B", "C"][rng.random_range(0..3)]
                } else {
                    ""
                },
            };
            if !taken.insert(house) {
                continue;
            }
            // (male, birth year) of each member.
            let r: f64 = rng.random();
            let mut who: Vec<(bool, i32)> = Vec::new();
            if r < 0.35 {
                who.push((rng.random_bool(0.5), rng.random_range(1932..=2005)));
            } else {
                let y = rng.random_range(1945..=1985);
                who.push((true, y + rng.random_range(-2..=2)));
                who.push((false, y + rng.random_range(-2..=2)));
                if r >= 0.65 {
                    for _ in 0..rng.random_range(1..=3) {
                        who.push((
                            rng.random_bool(0.5),
                            (y + rng.random_range(22..=38)).min(2006),
                        ));
                    }
                }
            }
            let surname = *SURNAMES.choose(&mut rng).expect("surnames");
            let other_surname = if who.len() >= 2 && rng.random_bool(0.25) {
                Some(*SURNAMES.choose(&mut rng).expect("surnames"))
            } else {
                None
            };
            // Given names a clerk can tell apart within the household.
            let mut names: Vec<String> = Vec::new();
            for &(male, _) in &who {
                let mut g = given(&mut rng, male);
                let mut n = 0;
                while n < 50 && names.iter().any(|o| names_could_be_one(o, &g)) {
                    g = given(&mut rng, male);
                    n += 1;
                }
                names.push(g);
            }
            let hh = households.len();
            let all = rng.random_bool(0.35);
            let mut members = Vec::new();
            for (k, &(male, y)) in who.iter().enumerate() {
                let sn = if k == 1 {
                    other_surname.unwrap_or(surname)
                } else {
                    surname
                };
                let birth = date(&mut rng, y);
                let rec = record(&places, &house, &names[k], sn, Some(birth));
                let res = if register.len() < reserved && (all || rng.random_bool(0.5)) {
                    register.push(rec.clone());
                    reg_person.push(persons.len());
                    Some(register.len() - 1)
                } else {
                    None
                };
                members.push(persons.len());
                persons.push(Person {
                    rec,
                    household: hh,
                    male,
                    reserved: res,
                });
            }
            households.push(Household { house, members });
        }
        World {
            places,
            persons,
            households,
            register,
            reg_person,
        }
    }

    /// The house of a person.
    pub fn house(&self, p: usize) -> House {
        self.households[self.persons[p].household].house
    }
}
