//! Geography (every post town of `data/postcodes/NO.tsv`), streets and households.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::judge::given_close;
use super::names;
use crate::person::PersonRecord;

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// Postcodes and towns.
pub struct Geo {
    /// Every (postcode, town) row.
    pub rows: Vec<(&'static str, &'static str)>,
    /// The sorted postcodes of each town.
    pub town_codes: HashMap<&'static str, Vec<&'static str>>,
    /// The town of each postcode.
    pub code_town: HashMap<&'static str, &'static str>,
}

/// The parsed postcode table.
pub fn geo() -> &'static Geo {
    static GEO: OnceLock<Geo> = OnceLock::new();
    GEO.get_or_init(|| {
        let rows: Vec<(&str, &str)> = NO_TSV
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .collect();
        let mut town_codes: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut code_town = HashMap::new();
        for &(c, t) in &rows {
            town_codes.entry(t).or_default().push(c);
            code_town.insert(c, t);
        }
        for v in town_codes.values_mut() {
            v.sort_unstable();
        }
        Geo {
            rows,
            town_codes,
            code_town,
        }
    })
}

/// What a street is named after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreetKind {
    /// A person with two given names (`Hans Christian Ørsteds vei`).
    Person,
    /// A prefix before a compound (`Øvre Garnveien`).
    Prefixed,
    /// A glued compound (`Garnveien`).
    Plain,
}

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    pub name: String,
    pub kind: StreetKind,
    /// The stem and ending of a compound (for `Plain` and `Prefixed`).
    pub stem: &'static str,
    pub ending: &'static str,
    pub postcode: &'static str,
}

/// A house: one household lives in it.
#[derive(Debug, Clone)]
pub struct House {
    pub town: &'static str,
    pub street: usize,
    pub number: u32,
    pub letter: &'static str,
}

/// A person of the world, reserved or not.
#[derive(Debug, Clone)]
pub struct Person {
    pub given: String,
    pub surname: String,
    pub male: bool,
    pub birth: NaiveDate,
    pub house: usize,
    pub reserved: bool,
}

/// Everybody, with houses and streets.
pub struct World {
    pub streets: HashMap<&'static str, Vec<Street>>,
    pub houses: Vec<House>,
    pub persons: Vec<Person>,
    /// The persons of each house.
    pub members: Vec<Vec<usize>>,
    pub taken: HashSet<(&'static str, usize, u32, &'static str)>,
    /// Register index → person.
    pub register: Vec<usize>,
}

fn date(rng: &mut ChaCha8Rng, year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, rng.random_range(1..=12), rng.random_range(1..=28))
        .expect("valid date")
}

impl World {
    /// Builds households until `reserved` persons are reserved.
    pub fn build(rng: &mut ChaCha8Rng, reserved: usize) -> World {
        let mut w = World {
            streets: HashMap::new(),
            houses: Vec::new(),
            persons: Vec::new(),
            members: Vec::new(),
            taken: HashSet::new(),
            register: Vec::new(),
        };
        while w.register.len() < reserved {
            let town = geo().rows.choose(rng).expect("rows").1;
            w.ensure_streets(rng, town);
            let street = rng.random_range(0..w.streets[town].len());
            let extra = rng.random_range(0..40);
            let number = rng.random_range(1..=6 + extra);
            let letter = if rng.random_bool(0.12) {
                *["A", "B", "C"].choose(rng).expect("letters")
            } else {
                ""
            };
            if !w.taken.insert((town, street, number, letter)) {
                continue;
            }
            let house = w.houses.len();
            w.houses.push(House {
                town,
                street,
                number,
                letter,
            });
            w.members.push(Vec::new());
            let surname = *names::SURNAMES.choose(rng).expect("surnames");
            let roll = rng.random_range(0..100);
            let year = rng.random_range(1945..=1985);
            let mut adds: Vec<(bool, i32, String)> = Vec::new();
            if roll < 35 {
                adds.push((
                    rng.random_bool(0.5),
                    rng.random_range(1935..=2004),
                    surname.into(),
                ));
            } else {
                let other = if rng.random_bool(0.25) {
                    (*names::SURNAMES.choose(rng).expect("surnames")).to_owned()
                } else {
                    surname.to_owned()
                };
                adds.push((true, year + rng.random_range(-2..=2), surname.into()));
                adds.push((false, year + rng.random_range(-2..=2), other));
                if roll >= 65 {
                    for _ in 0..rng.random_range(1..=3) {
                        let y = (year + rng.random_range(22..=38)).min(2006);
                        adds.push((rng.random_bool(0.5), y, surname.into()));
                    }
                }
            }
            let all = rng.random_bool(0.3);
            for (male, y, sur) in adds {
                let mut given = String::new();
                for _ in 0..60 {
                    let list = if male { names::MEN } else { names::WOMEN };
                    let mut g = (*list.choose(rng).expect("names")).to_owned();
                    if rng.random_bool(0.2) {
                        g = format!("{g} {}", list.choose(rng).expect("names"));
                    }
                    let clash = w.members[house].iter().any(|&m| {
                        w.persons[m]
                            .given
                            .split(' ')
                            .any(|a| g.split(' ').any(|b| given_close(a, b)))
                    });
                    if !clash {
                        given = g;
                        break;
                    }
                }
                if given.is_empty() {
                    continue;
                }
                let reserve = w.register.len() < reserved && (all || rng.random_bool(0.5));
                let id = w.persons.len();
                w.persons.push(Person {
                    given,
                    surname: sur,
                    male,
                    birth: date(rng, y),
                    house,
                    reserved: reserve,
                });
                w.members[house].push(id);
                if reserve {
                    w.register.push(id);
                }
            }
        }
        w
    }

    /// Gives `town` its streets once.
    pub fn ensure_streets(&mut self, rng: &mut ChaCha8Rng, town: &'static str) {
        if self.streets.contains_key(town) {
            return;
        }
        let codes = &geo().town_codes[town];
        let count = (4 + codes.len()).min(16);
        let mut used_stems = HashSet::new();
        let mut used_persons = HashSet::new();
        let mut out = Vec::new();
        for _ in 0..count * 3 {
            if out.len() >= count {
                break;
            }
            let postcode = *codes.choose(rng).expect("codes");
            let roll = rng.random_range(0..100);
            if roll < 20 {
                let i = rng.random_range(0..names::STREET_PERSONS.len());
                if !used_persons.insert(i) {
                    continue;
                }
                let (g, s) = names::STREET_PERSONS[i];
                let t = names::PERSON_TYPES.choose(rng).expect("types");
                out.push(Street {
                    name: format!("{g} {s}s {t}"),
                    kind: StreetKind::Person,
                    stem: "",
                    ending: "",
                    postcode,
                });
            } else {
                let stem = *names::STEMS.choose(rng).expect("stems");
                if !used_stems.insert(stem) {
                    continue;
                }
                let ending = *names::ENDINGS.choose(rng).expect("endings");
                let compound = format!("{stem}{ending}");
                if roll < 50 {
                    let (p, _) = names::PREFIXES.choose(rng).expect("prefixes");
                    out.push(Street {
                        name: format!("{p} {compound}"),
                        kind: StreetKind::Prefixed,
                        stem,
                        ending,
                        postcode,
                    });
                } else {
                    out.push(Street {
                        name: compound,
                        kind: StreetKind::Plain,
                        stem,
                        ending,
                        postcode,
                    });
                }
            }
        }
        self.streets.insert(town, out);
    }

    /// The street of a house.
    pub fn street(&self, house: usize) -> &Street {
        let h = &self.houses[house];
        &self.streets[h.town][h.street]
    }

    /// The register row of a person.
    pub fn record(&self, id: usize) -> PersonRecord {
        let p = &self.persons[id];
        let h = &self.houses[p.house];
        let s = self.street(p.house);
        PersonRecord {
            given_names: p.given.clone(),
            surname: p.surname.clone(),
            street: s.name.clone(),
            house_number: h.number.to_string(),
            house_letter: h.letter.to_owned(),
            postcode: s.postcode.to_owned(),
            city: h.town.to_owned(),
            birth_date: Some(p.birth),
            national_id: None,
        }
    }
}
