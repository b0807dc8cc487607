//! The thirty-ninth set's geography and population: every postcode and post town of
//! `data/postcodes/NO.tsv` (compiled in), streets of birds (and of invented local librarians
//! and writers) founded lazily per town, a bird street sometimes with a street of the same
//! stem and another ending founded beside it (`Trostlia` beside `Trostveien`), a prefixed one
//! sometimes with the same street under another prefix (`Nedre Trostveien` beside `Øvre
//! Trostveien`) and, new in this set, sometimes with the same street without a prefix
//! (`Trostveien` beside `Øvre Trostveien`), houses, households (single, couple, family) with
//! clash-free given names, and who is reserved.

use std::collections::HashMap;

use chrono::NaiveDate;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, RngCore};

use super::names::{self, Sex};
use crate::person::PersonRecord;

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// A street's shape: how its name is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A stem and an ending, optionally with a prefix (`Øvre Trostveien`).
    Compound {
        /// Index into [`names::PREFIXES`], if prefixed.
        prefix: Option<usize>,
        /// Index into [`names::STEMS`].
        stem: usize,
        /// Index into [`names::ENDINGS`].
        ending: usize,
    },
    /// Named after a patron (`Einar Skaugs vei`, `Hans Jacob Sparres plass`).
    Person {
        /// Index into [`names::PATRONS`].
        who: usize,
        /// Index into [`names::PERSON_TYPES`].
        kind: usize,
    },
}

impl Shape {
    /// The street's name.
    pub fn name(self) -> String {
        match self {
            Shape::Compound {
                prefix,
                stem,
                ending,
            } => {
                let body = names::compound(names::STEMS[stem], names::ENDINGS[ending]);
                match prefix {
                    Some(p) => format!("{} {body}", names::PREFIXES[p]),
                    None => body,
                }
            }
            Shape::Person { who, kind } => {
                let (g, s) = names::PATRONS[who];
                format!("{g} {s} {}", names::PERSON_TYPES[kind])
            }
        }
    }
}

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// Its shape.
    pub shape: Shape,
    /// Its name.
    pub name: String,
    /// Its postcode (index into [`World::codes`]).
    pub code: usize,
}

/// A person of the world, reserved or not.
#[derive(Debug, Clone)]
pub struct Person {
    /// Given names.
    pub given: Vec<&'static str>,
    /// Surname.
    pub surname: &'static str,
    /// Birth date.
    pub birth: NaiveDate,
    /// Household.
    pub household: usize,
    /// Whether reserved.
    pub reserved: bool,
}

/// A household at one house (a couple or a family: the man, then the woman, then the
/// children).
#[derive(Debug, Clone)]
pub struct Household {
    /// Street (index into [`World::streets`]).
    pub street: usize,
    /// House number.
    pub number: u32,
    /// House letter.
    pub letter: Option<char>,
    /// Members (indices into [`World::persons`]).
    pub members: Vec<usize>,
}

/// The world: postcodes, towns, streets, persons and the register.
#[derive(Debug, Clone, Default)]
pub struct World {
    /// `(postcode, town)` rows of `NO.tsv`.
    pub codes: Vec<(String, usize)>,
    /// Town names as `NO.tsv` writes them.
    pub towns: Vec<String>,
    /// Each town's postcodes (indices into `codes`, ascending).
    pub town_codes: Vec<Vec<usize>>,
    /// Streets.
    pub streets: Vec<Street>,
    /// Each town's streets.
    pub town_streets: Vec<Vec<usize>>,
    /// Persons.
    pub persons: Vec<Person>,
    /// Households.
    pub households: Vec<Household>,
    /// The register: persons in register order.
    pub register: Vec<usize>,
    /// Each postcode's index into `codes`.
    pub code_index: HashMap<String, usize>,
    /// Each town's streets by name: `(town, name)` → street.
    pub by_name: HashMap<(usize, String), usize>,
    /// Streets by name across the country.
    pub name_streets: HashMap<String, Vec<usize>>,
}

/// The rows of `NO.tsv`: `(postcode, town)`, header skipped, malformed lines ignored.
pub fn tsv_rows() -> Vec<(&'static str, &'static str)> {
    NO_TSV
        .lines()
        .skip(1)
        .filter_map(|l| {
            let (c, t) = l.split_once('\t')?;
            (c.len() == 4 && c.bytes().all(|b| b.is_ascii_digit()) && !t.is_empty())
                .then_some((c, t.trim()))
        })
        .collect()
}

fn date(rng: &mut dyn RngCore, year: i32) -> NaiveDate {
    let y = year.clamp(1920, 2008);
    let m = rng.random_range(1..=12);
    let d = rng.random_range(1..=28);
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

impl World {
    /// Builds a world whose register has exactly `reserved` persons.
    pub fn build(rng: &mut dyn RngCore, reserved: usize) -> World {
        let mut w = World::default();
        let mut town_index: HashMap<&str, usize> = HashMap::new();
        for (c, t) in tsv_rows() {
            let ti = *town_index.entry(t).or_insert_with(|| {
                w.towns.push(t.to_string());
                w.town_codes.push(Vec::new());
                w.towns.len() - 1
            });
            w.town_codes[ti].push(w.codes.len());
            w.code_index.insert(c.to_string(), w.codes.len());
            w.codes.push((c.to_string(), ti));
        }
        w.town_streets = vec![Vec::new(); w.towns.len()];
        if reserved == 0 || w.codes.is_empty() {
            return w;
        }
        // (street, number) → letters used (`None` for an unlettered house).
        let mut houses: HashMap<(usize, u32), Vec<Option<char>>> = HashMap::new();
        let mut guard = 0usize;
        while w.register.len() < reserved && guard < reserved * 20 + 1000 {
            guard += 1;
            let code = rng.random_range(0..w.codes.len());
            let town = w.codes[code].1;
            let Some(street) = w.pick_street(rng, town, code) else {
                continue;
            };
            let Some((number, letter)) = pick_house(rng, street, &mut houses) else {
                continue;
            };
            let h = w.households.len();
            let members = w.make_members(rng, h);
            w.households.push(Household {
                street,
                number,
                letter,
                members: members.clone(),
            });
            let whole = rng.random_bool(0.4);
            for m in members {
                if w.register.len() >= reserved {
                    break;
                }
                if whole || rng.random_bool(0.4) {
                    w.persons[m].reserved = true;
                    w.register.push(m);
                }
            }
        }
        w.register.shuffle(rng);
        w
    }

    fn pick_street(&mut self, rng: &mut dyn RngCore, town: usize, code: usize) -> Option<usize> {
        let p = self.town_codes[town].len();
        let cap = (6 + 2 * p).min(240);
        let s = self.town_streets[town].len();
        let found = s == 0 || (s < cap && rng.random_bool(1.0 - s as f64 / cap as f64));
        if found {
            for _ in 0..20 {
                let shape = random_shape(rng);
                let Some(id) = self.found(town, code, shape) else {
                    continue;
                };
                // A street of the same stem (and prefix) with another ending founded beside a
                // bird street (30 %): `Troststien` beside `Trostveien`; beside a prefixed one,
                // in 30 %, a street of the same stem and ending with another prefix (`Nedre
                // Trostveien` beside `Øvre Trostveien`), and in 30 % the same street without
                // a prefix (`Trostveien` beside `Øvre Trostveien`).
                if let Shape::Compound {
                    prefix,
                    stem,
                    ending,
                } = shape
                {
                    if rng.random_bool(0.30) {
                        let other = (ending + rng.random_range(1..names::ENDINGS.len()))
                            % names::ENDINGS.len();
                        let _ = self.found(
                            town,
                            code,
                            Shape::Compound {
                                prefix,
                                stem,
                                ending: other,
                            },
                        );
                    }
                    if let Some(p) = prefix
                        && rng.random_bool(0.30)
                    {
                        let other = (p + rng.random_range(1..names::PREFIXES.len()))
                            % names::PREFIXES.len();
                        let _ = self.found(
                            town,
                            code,
                            Shape::Compound {
                                prefix: Some(other),
                                stem,
                                ending,
                            },
                        );
                    }
                    if prefix.is_some() && rng.random_bool(0.30) {
                        let _ = self.found(
                            town,
                            code,
                            Shape::Compound {
                                prefix: None,
                                stem,
                                ending,
                            },
                        );
                    }
                }
                return Some(id);
            }
        }
        self.town_streets[town].choose(rng).copied()
    }

    /// Founds a street of `shape` in `town` at `code`, unless the town has one of that name.
    fn found(&mut self, town: usize, code: usize, shape: Shape) -> Option<usize> {
        let name = shape.name();
        if self.by_name.contains_key(&(town, name.clone())) {
            return None;
        }
        let id = self.streets.len();
        self.by_name.insert((town, name.clone()), id);
        self.name_streets.entry(name.clone()).or_default().push(id);
        self.streets.push(Street { shape, name, code });
        self.town_streets[town].push(id);
        Some(id)
    }

    fn make_members(&mut self, rng: &mut dyn RngCore, h: usize) -> Vec<usize> {
        let roll: f64 = rng.random();
        let mut people: Vec<(Sex, i32, Option<&'static str>)> = Vec::new();
        if roll < 0.25 {
            let sex = if rng.random_bool(0.5) {
                Sex::Man
            } else {
                Sex::Woman
            };
            people.push((sex, rng.random_range(1935..=2006), None));
        } else {
            let family = roll >= 0.55;
            let base = if family {
                rng.random_range(1945..=1982)
            } else {
                rng.random_range(1938..=1996)
            };
            let surname = random_surname(rng);
            people.push((Sex::Man, base + rng.random_range(-2..=2), Some(surname)));
            let hers = if rng.random_bool(0.25) {
                None
            } else {
                Some(surname)
            };
            people.push((Sex::Woman, base + rng.random_range(-3..=3), hers));
            if family {
                for _ in 0..rng.random_range(1..=3) {
                    let sex = if rng.random_bool(0.5) {
                        Sex::Man
                    } else {
                        Sex::Woman
                    };
                    let y = (base + rng.random_range(22..=40)).min(2008);
                    people.push((sex, y, Some(surname)));
                }
            }
        }
        let mut ids = Vec::new();
        for (sex, year, surname) in people {
            let surname = surname.unwrap_or_else(|| random_surname(rng));
            let mut given = random_given(rng, sex);
            for _ in 0..60 {
                let clash = ids.iter().any(|&o: &usize| {
                    let other: &Person = &self.persons[o];
                    given
                        .iter()
                        .any(|a| other.given.iter().any(|b| given_clash(a, b)))
                });
                if !clash {
                    break;
                }
                given = random_given(rng, sex);
            }
            let id = self.persons.len();
            self.persons.push(Person {
                given,
                surname,
                birth: date(rng, year),
                household: h,
                reserved: false,
            });
            ids.push(id);
        }
        ids
    }

    /// The register row of a person.
    pub fn record(&self, p: usize) -> PersonRecord {
        let person = &self.persons[p];
        let h = &self.households[person.household];
        let street = &self.streets[h.street];
        let (code, town) = &self.codes[street.code];
        PersonRecord {
            given_names: person.given.join(" "),
            surname: person.surname.to_string(),
            street: street.name.clone(),
            house_number: h.number.to_string(),
            house_letter: h.letter.map(String::from).unwrap_or_default(),
            postcode: code.clone(),
            city: self.towns[*town].clone(),
            birth_date: Some(person.birth),
            national_id: None,
        }
    }
}

/// Whether two given names may not share a house: one name to a clerk (`Thomas` clashes with
/// `Tomas`), or the same first letter (a house never has two members whose given names share
/// their initial, so the twin and second-name look-alikes stay apart from real members).
pub fn given_clash(a: &str, b: &str) -> bool {
    names::same_given(a, b) || a.chars().next() == b.chars().next()
}

fn random_shape(rng: &mut dyn RngCore) -> Shape {
    let roll: f64 = rng.random();
    if roll < 0.20 {
        Shape::Person {
            who: rng.random_range(0..names::PATRONS.len()),
            kind: if rng.random_bool(0.5) {
                0
            } else {
                rng.random_range(0..names::PERSON_TYPES.len())
            },
        }
    } else {
        Shape::Compound {
            prefix: (roll < 0.50).then(|| rng.random_range(0..names::PREFIXES.len())),
            stem: rng.random_range(0..names::STEMS.len()),
            ending: rng.random_range(0..names::ENDINGS.len()),
        }
    }
}

fn pick_house(
    rng: &mut dyn RngCore,
    street: usize,
    houses: &mut HashMap<(usize, u32), Vec<Option<char>>>,
) -> Option<(u32, Option<char>)> {
    for _ in 0..50 {
        let number = rng.random_range(1..=150u32);
        let used = houses.entry((street, number)).or_default();
        if used.is_empty() {
            let letter = rng
                .random_bool(0.2)
                .then(|| ['A', 'B', 'C', 'D'][rng.random_range(0..4)]);
            used.push(letter);
            return Some((number, letter));
        }
        if used[0].is_none() {
            continue;
        }
        let free: Vec<char> = ['A', 'B', 'C', 'D']
            .into_iter()
            .filter(|c| !used.contains(&Some(*c)))
            .collect();
        if let Some(&c) = free.choose(rng) {
            used.push(Some(c));
            return Some((number, Some(c)));
        }
    }
    None
}

/// A surname drawn uniformly from the surnames of the lists.
pub fn random_surname(rng: &mut dyn RngCore) -> &'static str {
    names::SURNAMES[rng.random_range(0..names::SURNAMES.len())]
}

/// A plain given name of a sex.
pub fn random_plain(rng: &mut dyn RngCore, sex: Sex) -> &'static str {
    let list = names::plain(sex);
    list[rng.random_range(0..list.len())]
}

/// Given names: a first name plain (60 %) or of a spelling family (40 %), and a second plain
/// name in 25 %.
pub fn random_given(rng: &mut dyn RngCore, sex: Sex) -> Vec<&'static str> {
    let first = if rng.random_bool(0.6) {
        random_plain(rng, sex)
    } else {
        let fams = names::families(sex);
        let f = fams[rng.random_range(0..fams.len())];
        f[rng.random_range(0..f.len())]
    };
    let mut v = vec![first];
    if rng.random_bool(0.25) {
        let second = random_plain(rng, sex);
        if second != first {
            v.push(second);
        }
    }
    v
}
