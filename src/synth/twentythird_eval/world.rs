//! Geography (every post town of `data/postcodes/NO.tsv`), streets, households and the register
//! of reserved persons drawn from them.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::judge;
use super::names::{
    ENDINGS, MEN, PERSON_TYPES, PREFIXES, STEMS, STREET_PERSONS, SURNAMES, WOMEN, english_form,
};
use crate::person::PersonRecord;

/// Norway's postcodes and post towns, bundled under `data/postcodes/`.
pub const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// The highest house number.
pub const MAX_NUMBER: u32 = 90;

/// What a street's name is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreetKind {
    /// An optional prefix, a stem and an ending glued to it (`Øvre Stasjonsveien`).
    Glued {
        prefix: Option<usize>,
        stem: usize,
        ending: usize,
    },
    /// A person's name and a type (`Christian Berghs gate`).
    Person {
        person: usize,
        genitive: bool,
        ty: usize,
    },
}

/// A street of a town, at one postcode.
#[derive(Debug, Clone)]
pub struct Street {
    pub name: String,
    pub kind: StreetKind,
    pub postcode: String,
    pub town: usize,
}

/// A post town and its postcodes and streets.
#[derive(Debug, Clone)]
pub struct Town {
    pub name: String,
    pub postcodes: Vec<String>,
    pub streets: Vec<usize>,
}

/// Anybody of the world, reserved or not.
#[derive(Debug, Clone)]
pub struct Person {
    pub given: String,
    pub surname: String,
    pub male: bool,
    pub birth: NaiveDate,
    pub household: usize,
    /// Index into the register, if reserved.
    pub register: Option<usize>,
}

/// One household at one house.
#[derive(Debug, Clone)]
pub struct Household {
    pub street: usize,
    pub number: u32,
    pub letter: String,
    pub members: Vec<usize>,
}

/// The world: towns, streets, households, persons, and the register.
#[derive(Debug, Clone)]
pub struct World {
    pub towns: Vec<Town>,
    pub streets: Vec<Street>,
    pub persons: Vec<Person>,
    pub households: Vec<Household>,
    /// Register index → person.
    pub register: Vec<usize>,
}

/// The name of a glued street.
pub fn glued_name(prefix: Option<usize>, stem: usize, ending: usize) -> String {
    // Three equal letters where stem and ending meet are written two (`Billettunet`).
    let (c, e) = (STEMS[stem].1, ENDINGS[ending]);
    let joined = c.chars().last() == e.chars().next() && c.chars().rev().nth(1) == e.chars().next();
    let body = if joined {
        format!("{c}{}", &e[1..])
    } else {
        format!("{c}{e}")
    };
    match prefix {
        Some(p) => format!("{} {body}", PREFIXES[p].0),
        None => body,
    }
}

/// The name of a person-named street.
pub fn person_name(person: usize, genitive: bool, ty: usize) -> String {
    let (given, surname) = STREET_PERSONS[person];
    let s = if genitive && !surname.ends_with('s') {
        "s"
    } else {
        ""
    };
    format!("{given} {surname}{s} {}", PERSON_TYPES[ty])
}

/// The name of a street of a kind.
pub fn street_name(kind: StreetKind) -> String {
    match kind {
        StreetKind::Glued {
            prefix,
            stem,
            ending,
        } => glued_name(prefix, stem, ending),
        StreetKind::Person {
            person,
            genitive,
            ty,
        } => person_name(person, genitive, ty),
    }
}

/// Title case of a town written in capitals (`MO I RANA` → `Mo I Rana`).
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

fn birth(rng: &mut ChaCha8Rng, base: i32, lo: i32, hi: i32) -> NaiveDate {
    let year = (base + rng.random_range(lo..=hi)).clamp(1925, 2008);
    NaiveDate::from_yo_opt(year, rng.random_range(1..=365)).expect("a day of the year")
}

impl World {
    /// Builds a world whose register holds `reserved` persons.
    pub fn build(rng: &mut ChaCha8Rng, reserved: usize) -> World {
        let mut towns: Vec<Town> = Vec::new();
        let mut town_of: HashMap<&str, usize> = HashMap::new();
        let mut rows: Vec<(String, usize)> = Vec::new();
        for line in NO_TSV.lines().skip(1) {
            let Some((code, town)) = line.split_once('\t') else {
                continue;
            };
            let t = *town_of.entry(town).or_insert_with(|| {
                towns.push(Town {
                    name: town.to_string(),
                    postcodes: Vec::new(),
                    streets: Vec::new(),
                });
                towns.len() - 1
            });
            towns[t].postcodes.push(code.to_string());
            rows.push((code.to_string(), t));
        }
        let mut world = World {
            towns,
            streets: Vec::new(),
            persons: Vec::new(),
            households: Vec::new(),
            register: Vec::new(),
        };
        let mut names_in_town: HashSet<(usize, String)> = HashSet::new();
        let mut houses: HashSet<(usize, u32, String)> = HashSet::new();
        let mut at_number: HashMap<(usize, u32), Vec<usize>> = HashMap::new();
        let mut reserved_persons: Vec<usize> = Vec::new();
        let mut failures = 0usize;
        while reserved_persons.len() < reserved && failures < 100_000 + 10 * reserved {
            let (code, t) = rows[rng.random_range(0..rows.len())].clone();
            let Some((street, number, letter)) =
                world.find_house(rng, t, &code, &mut names_in_town, &houses)
            else {
                failures += 1;
                continue;
            };
            let members = world.form_household(rng, street, number, &at_number);
            if members.is_empty() {
                failures += 1;
                continue;
            }
            houses.insert((street, number, letter.clone()));
            let h = world.households.len();
            let all = rng.random_bool(0.35);
            let mut ids = Vec::new();
            for p in members {
                let id = world.persons.len();
                world.persons.push(Person {
                    household: h,
                    register: None,
                    ..p
                });
                ids.push(id);
                at_number.entry((street, number)).or_default().push(id);
                if reserved_persons.len() < reserved && (all || rng.random_bool(0.45)) {
                    reserved_persons.push(id);
                }
            }
            world.households.push(Household {
                street,
                number,
                letter,
                members: ids,
            });
        }
        reserved_persons.shuffle(rng);
        for (i, &p) in reserved_persons.iter().enumerate() {
            world.persons[p].register = Some(i);
        }
        world.register = reserved_persons;
        world
    }

    /// A free house in town `t`: an existing street, or a new one at `code`.
    fn find_house(
        &mut self,
        rng: &mut ChaCha8Rng,
        t: usize,
        code: &str,
        names_in_town: &mut HashSet<(usize, String)>,
        houses: &HashSet<(usize, u32, String)>,
    ) -> Option<(usize, u32, String)> {
        for _ in 0..20 {
            let s = self.towns[t].streets.len();
            let cap = (8 + 2 * self.towns[t].postcodes.len()).min(400);
            let street = if s == 0 || (s < cap && rng.random_bool(1.0 - s as f64 / cap as f64)) {
                match self.new_street(rng, t, code, names_in_town) {
                    Some(st) => st,
                    None if s > 0 => self.towns[t].streets[rng.random_range(0..s)],
                    None => return None,
                }
            } else {
                self.towns[t].streets[rng.random_range(0..s)]
            };
            let number = rng.random_range(1..=MAX_NUMBER);
            let letter = if rng.random_bool(0.12) {
                ["A", "B", "C", "D"][rng.random_range(0..4)].to_string()
            } else {
                String::new()
            };
            if !houses.contains(&(street, number, letter.clone())) {
                return Some((street, number, letter));
            }
        }
        None
    }

    fn new_street(
        &mut self,
        rng: &mut ChaCha8Rng,
        t: usize,
        code: &str,
        names_in_town: &mut HashSet<(usize, String)>,
    ) -> Option<usize> {
        for _ in 0..10 {
            let roll = rng.random_range(0..100);
            let kind = if roll < 18 {
                StreetKind::Person {
                    person: rng.random_range(0..STREET_PERSONS.len()),
                    genitive: rng.random_bool(0.5),
                    ty: rng.random_range(0..PERSON_TYPES.len()),
                }
            } else {
                StreetKind::Glued {
                    prefix: (roll < 45).then(|| rng.random_range(0..PREFIXES.len())),
                    stem: rng.random_range(0..STEMS.len()),
                    ending: rng.random_range(0..ENDINGS.len()),
                }
            };
            let name = street_name(kind);
            // One street of a name per town; a person's street once per town (a clerk reads
            // `Hans Raanes vei` and `Hans Raanes gate` as twins, which the look-alikes use).
            let person_key = match kind {
                StreetKind::Person { person, .. } => format!("person {person}"),
                StreetKind::Glued { .. } => name.clone(),
            };
            if names_in_town.contains(&(t, person_key.clone()))
                || names_in_town.contains(&(t, name.clone()))
            {
                continue;
            }
            names_in_town.insert((t, person_key));
            names_in_town.insert((t, name.clone()));
            let id = self.streets.len();
            self.streets.push(Street {
                name,
                kind,
                postcode: code.to_string(),
                town: t,
            });
            self.towns[t].streets.push(id);
            return Some(id);
        }
        None
    }

    /// The members of a new household at `street` `number` (not yet pushed).
    fn form_household(
        &self,
        rng: &mut ChaCha8Rng,
        street: usize,
        number: u32,
        at_number: &HashMap<(usize, u32), Vec<usize>>,
    ) -> Vec<Person> {
        let neighbours: Vec<&str> = at_number
            .get(&(street, number))
            .map(|v| v.iter().map(|&p| self.persons[p].given.as_str()).collect())
            .unwrap_or_default();
        let mut members: Vec<Person> = Vec::new();
        let add = |rng: &mut ChaCha8Rng,
                   members: &mut Vec<Person>,
                   male: bool,
                   surname: String,
                   birth: NaiveDate| {
            for _ in 0..60 {
                let given = draw_given(rng, male);
                let clash = neighbours
                    .iter()
                    .copied()
                    .chain(members.iter().map(|m| m.given.as_str()))
                    .any(|other| judge::given_clash(&given, other));
                if !clash {
                    members.push(Person {
                        given,
                        surname,
                        male,
                        birth,
                        household: 0,
                        register: None,
                    });
                    return;
                }
            }
        };
        let roll = rng.random_range(0..100);
        let surname = SURNAMES[rng.random_range(0..SURNAMES.len())].to_string();
        if roll < 35 {
            let male = rng.random_bool(0.5);
            let b = birth(rng, 1938, 0, 67);
            add(rng, &mut members, male, surname, b);
        } else {
            let base = if roll < 62 {
                rng.random_range(1940..=1992)
            } else {
                rng.random_range(1945..=1982)
            };
            let b = birth(rng, base, -2, 2);
            add(rng, &mut members, true, surname.clone(), b);
            let own = rng.random_bool(0.3);
            let hers = if own {
                SURNAMES[rng.random_range(0..SURNAMES.len())].to_string()
            } else {
                surname.clone()
            };
            let b = birth(rng, base, -3, 3);
            add(rng, &mut members, false, hers.clone(), b);
            if roll >= 62 {
                let children = rng.random_range(1..=3);
                let child_surname = if own && rng.random_bool(0.2) {
                    hers
                } else {
                    surname
                };
                for _ in 0..children {
                    let b = birth(rng, base, 22, 40);
                    let male = rng.random_bool(0.5);
                    add(rng, &mut members, male, child_surname.clone(), b);
                }
            }
        }
        members
    }

    /// The register row of person `p`.
    pub fn record(&self, p: usize) -> PersonRecord {
        let person = &self.persons[p];
        let h = &self.households[person.household];
        let street = &self.streets[h.street];
        PersonRecord {
            given_names: person.given.clone(),
            surname: person.surname.clone(),
            street: street.name.clone(),
            house_number: h.number.to_string(),
            house_letter: h.letter.clone(),
            postcode: street.postcode.clone(),
            city: self.towns[street.town].name.clone(),
            birth_date: Some(person.birth),
            national_id: None,
        }
    }

    /// The street of person `p`.
    pub fn street_of(&self, p: usize) -> &Street {
        &self.streets[self.households[self.persons[p].household].street]
    }
}

/// A given name (with a second one in 20 %) of a sex; a Norwegian form of an autocorrect pair
/// is written in its English form 15 % of the time.
fn draw_given(rng: &mut ChaCha8Rng, male: bool) -> String {
    let pool = if male { MEN } else { WOMEN };
    let pick = |rng: &mut ChaCha8Rng| {
        let g = pool[rng.random_range(0..pool.len())];
        match english_form(g) {
            Some(e) if rng.random_bool(0.15) => e,
            _ => g,
        }
    };
    let first = pick(rng);
    if rng.random_bool(0.2) {
        let second = pick(rng);
        if !judge::given_clash(first, second) {
            return format!("{first} {second}");
        }
    }
    first.to_string()
}
