//! Geography, households and the register of the twenty-second set.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use crate::person::PersonRecord;

use super::judge::{given_match, key};
use super::names::{
    ENDINGS, FAMILIES, MEN, PREFIXES, STEMS, STREET_PERSONS, STREET_TYPES, SURNAMES, WOMEN,
    family_of,
};

/// Norway's postcodes and post towns (`data/postcodes/NO.tsv`).
const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// Every postcode with its post town.
pub(super) struct Postcodes {
    /// (postcode, town index), in the file's order.
    pub(super) codes: Vec<(&'static str, usize)>,
    /// Post towns as `NO.tsv` writes them (capitals).
    pub(super) towns: Vec<&'static str>,
    /// The codes (indices into `codes`) of each town.
    pub(super) town_codes: Vec<Vec<usize>>,
    /// Each town's folding key ([`key`]).
    pub(super) keys: Vec<String>,
    by_code: HashMap<&'static str, usize>,
}

impl Postcodes {
    /// Reads the compiled-in `NO.tsv`.
    pub(super) fn load() -> Postcodes {
        let mut codes = Vec::new();
        let mut towns: Vec<&'static str> = Vec::new();
        let mut town_codes: Vec<Vec<usize>> = Vec::new();
        let mut town_index: HashMap<&'static str, usize> = HashMap::new();
        let mut by_code = HashMap::new();
        for line in NO_TSV.lines().skip(1) {
            let Some((code, town)) = line.split_once('\t') else {
                continue;
            };
            let (code, town) = (code.trim(), town.trim());
            if code.len() != 4 || town.is_empty() {
                continue;
            }
            let t = *town_index.entry(town).or_insert_with(|| {
                towns.push(town);
                town_codes.push(Vec::new());
                towns.len() - 1
            });
            town_codes[t].push(codes.len());
            by_code.insert(code, t);
            codes.push((code, t));
        }
        let keys = towns.iter().map(|t| key(t)).collect();
        Postcodes {
            codes,
            towns,
            town_codes,
            keys,
            by_code,
        }
    }

    /// The town of a postcode.
    pub(super) fn town_of(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }
}

/// How a street is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// A stem glued to an ending (`Seterveien`).
    Glued { stem: usize, ending: usize },
    /// A prefix before a glued name (`Øvre Kjernebakken`).
    Prefixed {
        prefix: usize,
        stem: usize,
        ending: usize,
    },
    /// Named after a person (`Hans Raanes vei`, `Sigrid Rognstads gate`).
    Person {
        person: usize,
        kind: usize,
        genitive: bool,
    },
}

/// A street of one town, at one postcode.
pub(super) struct Street {
    pub(super) name: String,
    pub(super) form: Form,
    pub(super) town: usize,
    /// Index into [`Postcodes::codes`].
    pub(super) code: usize,
}

/// A house (or a lettered part of one): one household lives in it.
pub(super) struct House {
    pub(super) street: usize,
    pub(super) number: u32,
    pub(super) letter: &'static str,
}

/// Anybody, reserved or not.
pub(super) struct Person {
    pub(super) given: Vec<&'static str>,
    pub(super) surname: &'static str,
    pub(super) male: bool,
    pub(super) birth: NaiveDate,
    pub(super) house: usize,
    pub(super) household: usize,
    /// The register index, if reserved.
    pub(super) reserved: Option<usize>,
}

/// Everybody with their houses and streets.
pub(super) struct World {
    pub(super) pc: Postcodes,
    pub(super) streets: Vec<Street>,
    pub(super) houses: Vec<House>,
    pub(super) persons: Vec<Person>,
    pub(super) households: Vec<Vec<usize>>,
    /// Person index of each register row.
    pub(super) register: Vec<usize>,
    town_streets: Vec<Vec<usize>>,
    town_stems: Vec<HashSet<usize>>,
    town_people: Vec<HashSet<usize>>,
    house_at: HashSet<(usize, u32, &'static str)>,
    /// Everybody living at a street and number, whatever the letter.
    at_number: HashMap<(usize, u32), Vec<usize>>,
}

/// The name of a street form.
pub(super) fn street_name(form: Form) -> String {
    match form {
        Form::Glued { stem, ending } => format!("{}{}", STEMS[stem], ENDINGS[ending]),
        Form::Prefixed {
            prefix,
            stem,
            ending,
        } => format!("{} {}{}", PREFIXES[prefix].0, STEMS[stem], ENDINGS[ending]),
        Form::Person {
            person,
            kind,
            genitive,
        } => {
            let (given, surname) = STREET_PERSONS[person];
            let s = if genitive { "s" } else { "" };
            format!("{given} {surname}{s} {}", STREET_TYPES[kind])
        }
    }
}

fn date(rng: &mut ChaCha8Rng, year: i32) -> NaiveDate {
    let year = year.clamp(1920, 2008);
    NaiveDate::from_ymd_opt(year, rng.random_range(1..=12), rng.random_range(1..=28))
        .unwrap_or_default()
}

/// A given name of one sex: mostly a family's first form, now and then another.
pub(super) fn draw_given(rng: &mut ChaCha8Rng, male: bool) -> &'static str {
    let pool = if male { MEN } else { WOMEN };
    let name = *pool.choose(rng).unwrap_or(&"Ola");
    if let Some(f) = family_of(name)
        && rng.random_bool(0.15)
    {
        return FAMILIES[f].choose(rng).copied().unwrap_or(name);
    }
    name
}

impl World {
    /// A world with households until `reserved` persons are on the register.
    pub(super) fn build(rng: &mut ChaCha8Rng, reserved: usize) -> World {
        let pc = Postcodes::load();
        let towns = pc.towns.len();
        let mut w = World {
            pc,
            streets: Vec::new(),
            houses: Vec::new(),
            persons: Vec::new(),
            households: Vec::new(),
            register: Vec::new(),
            town_streets: vec![Vec::new(); towns],
            town_stems: vec![HashSet::new(); towns],
            town_people: vec![HashSet::new(); towns],
            house_at: HashSet::new(),
            at_number: HashMap::new(),
        };
        let mut chosen = Vec::new();
        let mut guard = 0usize;
        while chosen.len() < reserved && guard < reserved * 20 + 100 {
            guard += 1;
            let Some(h) = w.household(rng) else {
                continue;
            };
            let members = w.households[h].clone();
            let everybody = rng.random_bool(0.35);
            for p in members {
                if chosen.len() < reserved && (everybody || rng.random_bool(0.45)) {
                    chosen.push(p);
                }
            }
        }
        chosen.shuffle(rng);
        for (i, &p) in chosen.iter().enumerate() {
            w.persons[p].reserved = Some(i);
        }
        w.register = chosen;
        w
    }

    /// The register row of a person.
    pub(super) fn record(&self, p: usize) -> PersonRecord {
        let person = &self.persons[p];
        let house = &self.houses[person.house];
        let street = &self.streets[house.street];
        let (code, town) = self.pc.codes[street.code];
        PersonRecord {
            given_names: person.given.join(" "),
            surname: person.surname.to_string(),
            street: street.name.clone(),
            house_number: house.number.to_string(),
            house_letter: house.letter.to_string(),
            postcode: code.to_string(),
            city: self.pc.towns[town].to_string(),
            birth_date: Some(person.birth),
            national_id: None,
        }
    }

    /// A street of the town of postcode row `code`: a new one while the town has room (no two
    /// streets of one stem or one person in a town), else one it has.
    fn street_for(&mut self, rng: &mut ChaCha8Rng, code: usize) -> Option<usize> {
        let town = self.pc.codes[code].1;
        let have = self.town_streets[town].len();
        let cap = (6 + 2 * self.pc.town_codes[town].len()).min(40);
        let fresh = have == 0 || (have < cap && rng.random_bool(1.0 - have as f64 / cap as f64));
        if fresh {
            for _ in 0..12 {
                let r: f64 = rng.random();
                let form = if r < 0.18 {
                    Form::Person {
                        person: rng.random_range(0..STREET_PERSONS.len()),
                        kind: rng.random_range(0..STREET_TYPES.len()),
                        genitive: rng.random_bool(0.5),
                    }
                } else if r < 0.48 {
                    Form::Prefixed {
                        prefix: rng.random_range(0..PREFIXES.len()),
                        stem: rng.random_range(0..STEMS.len()),
                        ending: rng.random_range(0..ENDINGS.len()),
                    }
                } else {
                    Form::Glued {
                        stem: rng.random_range(0..STEMS.len()),
                        ending: rng.random_range(0..ENDINGS.len()),
                    }
                };
                let free = match form {
                    Form::Person { person, .. } => !self.town_people[town].contains(&person),
                    Form::Glued { stem, .. } | Form::Prefixed { stem, .. } => {
                        !self.town_stems[town].contains(&stem)
                    }
                };
                if !free {
                    continue;
                }
                match form {
                    Form::Person { person, .. } => {
                        self.town_people[town].insert(person);
                    }
                    Form::Glued { stem, .. } | Form::Prefixed { stem, .. } => {
                        self.town_stems[town].insert(stem);
                    }
                }
                self.streets.push(Street {
                    name: street_name(form),
                    form,
                    town,
                    code,
                });
                let s = self.streets.len() - 1;
                self.town_streets[town].push(s);
                return Some(s);
            }
        }
        self.town_streets[town].choose(rng).copied()
    }

    /// Given names for a new member that the clerk tells from everybody in `others`.
    fn names_for(
        &self,
        rng: &mut ChaCha8Rng,
        male: bool,
        others: &[usize],
    ) -> Option<Vec<&'static str>> {
        let taken: Vec<&str> = others
            .iter()
            .flat_map(|&o| self.persons[o].given.iter().copied())
            .collect();
        let clash = |n: &str, extra: &[&str]| taken.iter().chain(extra).any(|t| given_match(n, t));
        for _ in 0..60 {
            let first = draw_given(rng, male);
            if clash(first, &[]) {
                continue;
            }
            let mut given = vec![first];
            if rng.random_bool(0.2) {
                let second = draw_given(rng, male);
                if !clash(second, &[first]) {
                    given.push(second);
                }
            }
            return Some(given);
        }
        None
    }

    /// Adds a member to a household under construction.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        rng: &mut ChaCha8Rng,
        h: usize,
        house: usize,
        male: bool,
        surname: &'static str,
        year: i32,
        neighbours: &[usize],
    ) {
        let mut others: Vec<usize> = neighbours.to_vec();
        others.extend(self.households[h].iter().copied());
        let Some(given) = self.names_for(rng, male, &others) else {
            return;
        };
        let birth = date(rng, year);
        self.persons.push(Person {
            given,
            surname,
            male,
            birth,
            house,
            household: h,
            reserved: None,
        });
        let p = self.persons.len() - 1;
        self.households[h].push(p);
    }

    /// A new household at a new house; `None` if no free house was found.
    fn household(&mut self, rng: &mut ChaCha8Rng) -> Option<usize> {
        let code = rng.random_range(0..self.pc.codes.len());
        let street = self.street_for(rng, code)?;
        let mut found = None;
        for _ in 0..20 {
            let number = rng.random_range(1..=64u32);
            let letter = if rng.random_bool(0.1) {
                ["A", "B", "C", "D"][rng.random_range(0..4)]
            } else {
                ""
            };
            if !self.house_at.contains(&(street, number, letter)) {
                found = Some((number, letter));
                break;
            }
        }
        let (number, letter) = found?;
        self.house_at.insert((street, number, letter));
        self.houses.push(House {
            street,
            number,
            letter,
        });
        let house = self.houses.len() - 1;
        let neighbours = self
            .at_number
            .get(&(street, number))
            .cloned()
            .unwrap_or_default();
        self.households.push(Vec::new());
        let h = self.households.len() - 1;
        let surname = *SURNAMES.choose(rng).unwrap_or(&"Vold");
        let r: f64 = rng.random();
        if r < 0.36 {
            let male = rng.random_bool(0.5);
            let year = rng.random_range(1938..=2005);
            self.add(rng, h, house, male, surname, year, &neighbours);
        } else {
            let family = r >= 0.64;
            let base = if family {
                rng.random_range(1945..=1985)
            } else {
                rng.random_range(1940..=1992)
            };
            let own = rng.random_bool(0.3);
            let her_surname = if own {
                *SURNAMES.choose(rng).unwrap_or(&"Vold")
            } else {
                surname
            };
            let y1 = base + rng.random_range(-3..=3);
            let y2 = base + rng.random_range(-3..=3);
            self.add(rng, h, house, true, surname, y1, &neighbours);
            self.add(rng, h, house, false, her_surname, y2, &neighbours);
            if family {
                let children = rng.random_range(1..=3);
                for _ in 0..children {
                    let year = (base + rng.random_range(22..=40)).min(2008);
                    let s = if own && rng.random_bool(0.2) {
                        her_surname
                    } else {
                        surname
                    };
                    let male = rng.random_bool(0.5);
                    self.add(rng, h, house, male, s, year, &neighbours);
                }
            }
        }
        let members = self.households[h].clone();
        self.at_number
            .entry((street, number))
            .or_default()
            .extend(members);
        if self.households[h].is_empty() {
            return None;
        }
        Some(h)
    }

    /// The town index of a person's house.
    pub(super) fn town_of(&self, p: usize) -> usize {
        self.streets[self.houses[self.persons[p].house].street].town
    }

    /// The street of a person's house.
    pub(super) fn street_of(&self, p: usize) -> &Street {
        &self.streets[self.houses[self.persons[p].house].street]
    }

    /// The house of a person.
    pub(super) fn house_of(&self, p: usize) -> &House {
        &self.houses[self.persons[p].house]
    }
}
