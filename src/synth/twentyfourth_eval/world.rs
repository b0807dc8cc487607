//! Geography and households of the twenty-fourth set: every post town of
//! `data/postcodes/NO.tsv`, streets founded lazily per town, households at houses, and who of
//! them is reserved.

use std::collections::HashMap;

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::judge::given_words_clash;
use super::names::{
    ENDINGS, PREFIXES, STEMS, STREET_PERSONS, SURNAMES, TITLED_SURNAMES, TITLES, TYPES, genitive,
    given_pool, glue,
};
use crate::person::PersonRecord;

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// What a street is named after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreetName {
    /// A stem and an ending, with an optional prefix (indices into the lists).
    Compound {
        prefix: Option<usize>,
        stem: usize,
        ending: usize,
    },
    /// A person (index into `STREET_PERSONS`), genitive or not, and a type.
    Person {
        person: usize,
        genitive: bool,
        ty: usize,
    },
    /// A title and a surname (indices), and a type.
    Titled {
        title: usize,
        surname: usize,
        ty: usize,
    },
}

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// The street as the register writes it.
    pub name: String,
    /// What it is named after.
    pub kind: StreetName,
    /// The town (index into `World::towns`).
    pub town: usize,
    /// The street's postcode.
    pub postcode: String,
}

/// A house: a street, a number and an optional letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct House {
    /// Index into `World::streets`.
    pub street: usize,
    /// House number.
    pub number: u16,
    /// House letter.
    pub letter: Option<char>,
}

/// A person, reserved or not.
#[derive(Debug, Clone)]
pub struct Person {
    /// Given names.
    pub given: Vec<&'static str>,
    /// Surname.
    pub surname: &'static str,
    /// Sex.
    pub male: bool,
    /// Birth date.
    pub birth: NaiveDate,
    /// Home.
    pub house: House,
    /// Household (index into `World::households`).
    pub household: usize,
}

/// The world: towns, streets, persons, households and the register.
#[derive(Debug, Clone)]
pub struct World {
    /// Post towns, as `NO.tsv` writes them (capitals).
    pub towns: Vec<String>,
    /// Postcodes per town.
    pub town_codes: Vec<Vec<String>>,
    /// Streets.
    pub streets: Vec<Street>,
    /// Streets per town.
    pub town_streets: Vec<Vec<usize>>,
    /// Everybody.
    pub persons: Vec<Person>,
    /// Members of each household.
    pub households: Vec<Vec<usize>>,
    /// Whether each person is reserved.
    pub reserved: Vec<bool>,
    /// The reserved persons, in register order.
    pub register: Vec<usize>,
    /// Everybody at a street and number, whatever the letter.
    pub at_number: HashMap<(usize, u16), Vec<usize>>,
    occupied: HashMap<House, usize>,
}

/// The postcode rows of `NO.tsv`: (postcode, town).
pub fn postcode_rows() -> Vec<(&'static str, &'static str)> {
    NO_TSV
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(c, t)| (c.trim(), t.trim()))
        .filter(|(c, t)| c.len() == 4 && !t.is_empty())
        .collect()
}

fn date(rng: &mut ChaCha8Rng, year: i32) -> NaiveDate {
    let year = year.clamp(1925, 2008);
    let day = rng.random_range(0..365);
    NaiveDate::from_yo_opt(year, day + 1).expect("valid day")
}

impl World {
    /// Builds a world with about `reserved_persons` reserved persons.
    pub fn build(rng: &mut ChaCha8Rng, reserved_persons: usize) -> World {
        let rows = postcode_rows();
        let mut towns: Vec<String> = Vec::new();
        let mut town_ix: HashMap<&str, usize> = HashMap::new();
        let mut town_codes: Vec<Vec<String>> = Vec::new();
        for &(c, t) in &rows {
            let i = *town_ix.entry(t).or_insert_with(|| {
                towns.push(t.to_string());
                town_codes.push(Vec::new());
                towns.len() - 1
            });
            town_codes[i].push(c.to_string());
        }
        let n_towns = towns.len();
        let mut w = World {
            towns,
            town_codes,
            streets: Vec::new(),
            town_streets: vec![Vec::new(); n_towns],
            persons: Vec::new(),
            households: Vec::new(),
            reserved: Vec::new(),
            register: Vec::new(),
            at_number: HashMap::new(),
            occupied: HashMap::new(),
        };
        let mut guard = 0usize;
        while w.register.len() < reserved_persons && guard < reserved_persons * 20 + 100 {
            guard += 1;
            let (code, town) = rows[rng.random_range(0..rows.len())];
            let t = town_ix[town];
            let Some(house) = w.find_house(rng, t, code) else {
                continue;
            };
            let members = w.household(rng, house);
            if members.is_empty() {
                continue;
            }
            let all = rng.random_bool(0.35);
            for &m in &members {
                if w.register.len() < reserved_persons && (all || rng.random_bool(0.45)) {
                    w.reserved[m] = true;
                    w.register.push(m);
                }
            }
        }
        w.register.shuffle(rng);
        w
    }

    fn street_count_cap(&self, town: usize) -> usize {
        (6 + 2 * self.town_codes[town].len()).min(300)
    }

    fn find_house(&mut self, rng: &mut ChaCha8Rng, town: usize, code: &str) -> Option<House> {
        let s = self.town_streets[town].len();
        let cap = self.street_count_cap(town);
        let street = if s == 0 || (s < cap && rng.random_bool(1.0 - s as f64 / cap as f64)) {
            self.new_street(rng, town, code)?
        } else {
            *self.town_streets[town].choose(rng).expect("streets")
        };
        for _ in 0..20 {
            let number = rng.random_range(1..=120u16);
            let letter = if rng.random_bool(0.15) {
                Some(['A', 'B', 'C', 'D'][rng.random_range(0..4)])
            } else {
                None
            };
            let h = House {
                street,
                number,
                letter,
            };
            // One household per house; a lettered and an unlettered house at one number
            // never both exist.
            let clash = self.at_number.get(&(street, number)).is_some_and(|v| {
                v.iter().any(|&p| {
                    let o = self.persons[p].house;
                    o.letter.is_none() || letter.is_none() || o.letter == letter
                })
            });
            if !clash && !self.occupied.contains_key(&h) {
                return Some(h);
            }
        }
        None
    }

    fn new_street(&mut self, rng: &mut ChaCha8Rng, town: usize, code: &str) -> Option<usize> {
        for _ in 0..30 {
            let roll = rng.random_range(0..100);
            let kind = if roll < 14 {
                StreetName::Person {
                    person: rng.random_range(0..STREET_PERSONS.len()),
                    genitive: rng.random_bool(0.5),
                    ty: rng.random_range(0..TYPES.len()),
                }
            } else if roll < 30 {
                StreetName::Titled {
                    title: rng.random_range(0..TITLES.len()),
                    surname: rng.random_range(0..TITLED_SURNAMES.len()),
                    ty: rng.random_range(0..TYPES.len()),
                }
            } else {
                StreetName::Compound {
                    prefix: if roll < 56 {
                        Some(rng.random_range(0..PREFIXES.len()))
                    } else {
                        None
                    },
                    stem: rng.random_range(0..STEMS.len()),
                    ending: rng.random_range(0..ENDINGS.len()),
                }
            };
            let name = street_name(&kind);
            let dup = self.town_streets[town].iter().any(|&s| {
                let o = &self.streets[s];
                o.name.eq_ignore_ascii_case(&name)
                    || match (&o.kind, &kind) {
                        (
                            StreetName::Person { person: a, .. },
                            StreetName::Person { person: b, .. },
                        ) => a == b,
                        (
                            StreetName::Titled {
                                title: a,
                                surname: c,
                                ..
                            },
                            StreetName::Titled {
                                title: b,
                                surname: d,
                                ..
                            },
                        ) => a == b && c == d,
                        _ => false,
                    }
            });
            if dup {
                continue;
            }
            self.streets.push(Street {
                name,
                kind,
                town,
                postcode: code.to_string(),
            });
            let i = self.streets.len() - 1;
            self.town_streets[town].push(i);
            return Some(i);
        }
        None
    }

    fn draw_given(
        &self,
        rng: &mut ChaCha8Rng,
        male: bool,
        taken: &[Vec<&'static str>],
    ) -> Option<Vec<&'static str>> {
        let pool = given_pool(male);
        for _ in 0..60 {
            let mut g = vec![*pool.choose(rng).expect("names")];
            if rng.random_bool(0.22) {
                let second = *pool.choose(rng).expect("names");
                if given_words_clash(g[0], second) {
                    continue;
                }
                g.push(second);
            }
            if taken
                .iter()
                .all(|t| t.iter().all(|a| g.iter().all(|b| !given_words_clash(a, b))))
            {
                return Some(g);
            }
        }
        None
    }

    fn household(&mut self, rng: &mut ChaCha8Rng, house: House) -> Vec<usize> {
        let mut taken: Vec<Vec<&'static str>> = self
            .at_number
            .get(&(house.street, house.number))
            .map(|v| v.iter().map(|&p| self.persons[p].given.clone()).collect())
            .unwrap_or_default();
        let roll = rng.random_range(0..100);
        // (male, birth year, surname slot): slot 0 the family's, 1 the woman's own.
        let mut plan: Vec<(bool, i32, usize)> = Vec::new();
        if roll < 35 {
            plan.push((rng.random_bool(0.5), rng.random_range(1936..=2005), 0));
        } else {
            let base = if roll < 62 {
                rng.random_range(1940..=1994)
            } else {
                rng.random_range(1945..=1980)
            };
            plan.push((true, base + rng.random_range(-2..=2), 0));
            let own = rng.random_bool(0.3);
            plan.push((false, base + rng.random_range(-3..=3), usize::from(own)));
            if roll >= 62 {
                for _ in 0..rng.random_range(1..=3) {
                    let y = (base + rng.random_range(22..=40)).min(2008);
                    plan.push((rng.random_bool(0.5), y, 0));
                }
            }
        }
        let family = *SURNAMES.choose(rng).expect("surnames");
        let mut own = *SURNAMES.choose(rng).expect("surnames");
        while own == family {
            own = *SURNAMES.choose(rng).expect("surnames");
        }
        let hh = self.households.len();
        self.households.push(Vec::new());
        let mut members = Vec::new();
        for (male, year, slot) in plan {
            let Some(given) = self.draw_given(rng, male, &taken) else {
                continue;
            };
            taken.push(given.clone());
            let p = Person {
                given,
                surname: if slot == 1 { own } else { family },
                male,
                birth: date(rng, year),
                house,
                household: hh,
            };
            self.persons.push(p);
            self.reserved.push(false);
            let id = self.persons.len() - 1;
            members.push(id);
            self.at_number
                .entry((house.street, house.number))
                .or_default()
                .push(id);
        }
        if members.is_empty() {
            self.households.pop();
        } else {
            self.occupied.insert(house, hh);
            self.households[hh] = members.clone();
        }
        members
    }

    /// The register row of a person.
    pub fn record(&self, p: usize) -> PersonRecord {
        let person = &self.persons[p];
        let street = &self.streets[person.house.street];
        PersonRecord {
            given_names: person.given.join(" "),
            surname: person.surname.to_string(),
            street: street.name.clone(),
            house_number: person.house.number.to_string(),
            house_letter: person.house.letter.map(String::from).unwrap_or_default(),
            postcode: street.postcode.clone(),
            city: self.towns[street.town].clone(),
            birth_date: Some(person.birth),
            national_id: None,
        }
    }

    /// Another street of the same name in another town, if any (the first found from a
    /// random start).
    pub fn same_name_elsewhere(&self, rng: &mut ChaCha8Rng, street: usize) -> Option<usize> {
        let name = &self.streets[street].name;
        let town = self.streets[street].town;
        let n = self.streets.len();
        let start = rng.random_range(0..n);
        (0..n)
            .map(|k| (start + k) % n)
            .find(|&s| s != street && self.streets[s].town != town && &self.streets[s].name == name)
    }
}

/// The name of a street as the register writes it.
pub fn street_name(kind: &StreetName) -> String {
    match *kind {
        StreetName::Compound {
            prefix,
            stem,
            ending,
        } => {
            let base = glue(STEMS[stem], ENDINGS[ending]);
            match prefix {
                Some(p) => format!("{} {base}", PREFIXES[p]),
                None => base,
            }
        }
        StreetName::Person {
            person,
            genitive: with_s,
            ty,
        } => {
            let (given, surname) = STREET_PERSONS[person];
            let s = if with_s {
                genitive(surname)
            } else {
                surname.to_string()
            };
            format!("{given} {s} {}", TYPES[ty])
        }
        StreetName::Titled { title, surname, ty } => format!(
            "{} {} {}",
            TITLES[title].0,
            genitive(TITLED_SURNAMES[surname]),
            TYPES[ty]
        ),
    }
}
