//! Geography and households of the twenty-fifth set: every postcode and post town of
//! `data/postcodes/NO.tsv`, streets of music and theatre founded lazily per town, households
//! of singles, couples and families, and who of them is reserved.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::names;
use crate::person::PersonRecord;

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// How a street is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreetKind {
    /// `Stem` + ending.
    Plain,
    /// A prefix (index into [`names::PREFIXES`]) before a compound.
    Prefixed(usize),
    /// Named after a person (index into [`names::STREET_PERSONS`]).
    Person(usize),
}

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    pub name: String,
    pub kind: StreetKind,
    pub postcode: usize,
}

/// A house and the household in it.
#[derive(Debug, Clone)]
pub struct Household {
    pub street: usize,
    pub number: u32,
    pub letter: Option<char>,
    pub members: Vec<usize>,
}

/// A person of the world, reserved or not.
#[derive(Debug, Clone)]
pub struct Person {
    pub given: Vec<&'static str>,
    pub surname: &'static str,
    pub male: bool,
    pub birth: NaiveDate,
    pub household: usize,
}

/// The world: postcodes, towns, streets, households, persons, and the register.
#[derive(Debug)]
pub struct World {
    /// `(postcode, town index)`.
    pub postcodes: Vec<(&'static str, usize)>,
    /// Post towns as `NO.tsv` writes them.
    pub towns: Vec<&'static str>,
    /// The postcodes (indices) of each town.
    pub town_postcodes: Vec<Vec<usize>>,
    pub streets: Vec<Street>,
    pub households: Vec<Household>,
    pub persons: Vec<Person>,
    /// Person ids of the register, in register order.
    pub register: Vec<usize>,
    /// For every person, its register index if reserved.
    pub reserved: Vec<Option<usize>>,
}

/// `(postcode, town)` rows of `NO.tsv`.
pub fn postcode_rows() -> Vec<(&'static str, &'static str)> {
    NO_TSV
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(p, c)| (p.trim(), c.trim()))
        .filter(|(p, c)| p.len() == 4 && !c.is_empty())
        .collect()
}

/// A birth date in `year`.
pub fn date_in(rng: &mut ChaCha8Rng, year: i32) -> NaiveDate {
    let day = rng.random_range(0..365);
    NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year") + chrono::Duration::days(day)
}

/// Whether two given-name words are one name to a clerk (equal, or of one spelling family).
pub fn same_given(a: &str, b: &str) -> bool {
    a == b || family_of(a).is_some_and(|f| family_of(b) == Some(f))
}

/// The spelling family of a given name, if any.
pub fn family_of(name: &str) -> Option<&'static [&'static str]> {
    names::MEN_FAMILIES
        .iter()
        .chain(names::WOMEN_FAMILIES)
        .copied()
        .find(|f| f.contains(&name))
}

/// Draws one given name of one sex: plain (55 %), family (30 %) or near-pair name (15 %).
pub fn draw_given(rng: &mut ChaCha8Rng, male: bool) -> &'static str {
    let (plain, fams, near) = if male {
        (names::MEN, names::MEN_FAMILIES, names::MEN_NEAR)
    } else {
        (names::WOMEN, names::WOMEN_FAMILIES, names::WOMEN_NEAR)
    };
    let x: f64 = rng.random();
    if x < 0.55 {
        plain.choose(rng).expect("names")
    } else if x < 0.85 {
        fams.choose(rng)
            .expect("families")
            .choose(rng)
            .expect("family")
    } else {
        let (a, b) = *near.choose(rng).expect("pairs");
        if rng.random_bool(0.5) { a } else { b }
    }
}

impl World {
    /// Builds households until about `reserved` persons are reserved.
    pub fn build(rng: &mut ChaCha8Rng, reserved: usize) -> World {
        let rows = postcode_rows();
        let mut towns: Vec<&'static str> = Vec::new();
        let mut town_ix: HashMap<&'static str, usize> = HashMap::new();
        let mut postcodes = Vec::with_capacity(rows.len());
        let mut town_postcodes: Vec<Vec<usize>> = Vec::new();
        for (p, c) in rows {
            let t = *town_ix.entry(c).or_insert_with(|| {
                towns.push(c);
                town_postcodes.push(Vec::new());
                towns.len() - 1
            });
            town_postcodes[t].push(postcodes.len());
            postcodes.push((p, t));
        }
        let mut w = World {
            postcodes,
            towns,
            town_postcodes,
            streets: Vec::new(),
            households: Vec::new(),
            persons: Vec::new(),
            register: Vec::new(),
            reserved: Vec::new(),
        };
        let mut town_streets: Vec<Vec<usize>> = vec![Vec::new(); w.towns.len()];
        let mut names_in_town: HashSet<(usize, String)> = HashSet::new();
        let mut persons_in_town: HashSet<(usize, usize)> = HashSet::new();
        // (street, number) → letters used (bit 0: no letter, bits 1–4: A–D).
        let mut houses: HashMap<(usize, u32), u8> = HashMap::new();
        let mut count = 0;
        while count < reserved {
            let pc = rng.random_range(0..w.postcodes.len());
            let town = w.postcodes[pc].1;
            let cap = (6 + 2 * w.town_postcodes[town].len()).min(260);
            let s = town_streets[town].len();
            let street = if s == 0 || rng.random_bool(1.0 - s as f64 / cap as f64) {
                match w.found_street(rng, town, pc, &mut names_in_town, &mut persons_in_town) {
                    Some(id) => {
                        town_streets[town].push(id);
                        id
                    }
                    None => *town_streets[town].choose(rng).expect("a street"),
                }
            } else {
                *town_streets[town].choose(rng).expect("a street")
            };
            let Some((number, letter)) = house(rng, street, &mut houses) else {
                continue;
            };
            let hh = w.households.len();
            let members = w.people(rng, hh);
            w.households.push(Household {
                street,
                number,
                letter,
                members: members.clone(),
            });
            let all = rng.random_bool(0.35);
            for m in members {
                let r = all || rng.random_bool(0.45);
                w.reserved.push(if r { Some(0) } else { None });
                if r {
                    count += 1;
                }
                debug_assert_eq!(w.reserved.len(), m + 1);
            }
        }
        let mut reg: Vec<usize> = (0..w.persons.len())
            .filter(|&p| w.reserved[p].is_some())
            .collect();
        reg.shuffle(rng);
        for r in w.reserved.iter_mut() {
            *r = None;
        }
        for (i, &p) in reg.iter().enumerate() {
            w.reserved[p] = Some(i);
        }
        w.register = reg;
        w
    }

    fn found_street(
        &mut self,
        rng: &mut ChaCha8Rng,
        town: usize,
        pc: usize,
        names_in_town: &mut HashSet<(usize, String)>,
        persons_in_town: &mut HashSet<(usize, usize)>,
    ) -> Option<usize> {
        for _ in 0..30 {
            let x: f64 = rng.random();
            let (name, kind) = if x < 0.25 {
                let p = rng.random_range(0..names::STREET_PERSONS.len());
                if persons_in_town.contains(&(town, p)) {
                    continue;
                }
                let (given, surname) = names::STREET_PERSONS[p];
                let genitive = if surname.ends_with('s') {
                    format!("{surname}'")
                } else {
                    format!("{surname}s")
                };
                let ty = names::TYPES.choose(rng).expect("types");
                (format!("{given} {genitive} {ty}"), StreetKind::Person(p))
            } else if x < 0.52 {
                let i = rng.random_range(0..names::PREFIXES.len());
                (
                    format!("{} {}", names::PREFIXES[i].0, compound(rng)),
                    StreetKind::Prefixed(i),
                )
            } else {
                (compound(rng), StreetKind::Plain)
            };
            if !names_in_town.insert((town, name.clone())) {
                continue;
            }
            if let StreetKind::Person(p) = kind {
                persons_in_town.insert((town, p));
            }
            self.streets.push(Street {
                name,
                kind,
                postcode: pc,
            });
            return Some(self.streets.len() - 1);
        }
        None
    }

    /// Members of a new household `hh`; returns their person ids.
    fn people(&mut self, rng: &mut ChaCha8Rng, hh: usize) -> Vec<usize> {
        let x: f64 = rng.random();
        let mut specs: Vec<(bool, &'static str, i32)> = Vec::new();
        if x < 0.35 {
            let male = rng.random_bool(0.5);
            specs.push((male, surname(rng), rng.random_range(1934..=2006)));
        } else {
            let base = if x < 0.62 {
                rng.random_range(1938..=1996)
            } else {
                rng.random_range(1944..=1982)
            };
            let his = surname(rng);
            let hers = if rng.random_bool(0.3) {
                surname(rng)
            } else {
                his
            };
            specs.push((true, his, base + rng.random_range(-2..=2)));
            specs.push((false, hers, base + rng.random_range(-3..=3)));
            if x >= 0.62 {
                let kids = rng.random_range(1..=3);
                for _ in 0..kids {
                    let y = (base + rng.random_range(22..=40)).min(2008);
                    specs.push((rng.random_bool(0.5), his, y));
                }
            }
        }
        let mut ids = Vec::new();
        let mut taken: Vec<&'static str> = Vec::new();
        for (male, sn, year) in specs {
            let mut given = Vec::new();
            for _ in 0..60 {
                given.clear();
                let first = draw_given(rng, male);
                given.push(first);
                if rng.random_bool(0.22) {
                    let second = draw_given(rng, male);
                    if !same_given(first, second) {
                        given.push(second);
                    }
                }
                if given
                    .iter()
                    .all(|g| !taken.iter().any(|t| same_given(g, t)))
                {
                    break;
                }
            }
            taken.extend(given.iter().copied());
            let birth = date_in(rng, year);
            self.persons.push(Person {
                given,
                surname: sn,
                male,
                birth,
                household: hh,
            });
            ids.push(self.persons.len() - 1);
        }
        ids
    }

    /// The register row of a person.
    pub fn record(&self, p: usize) -> PersonRecord {
        let person = &self.persons[p];
        let h = &self.households[person.household];
        let st = &self.streets[h.street];
        let (postcode, town) = self.postcodes[st.postcode];
        PersonRecord {
            given_names: person.given.join(" "),
            surname: person.surname.to_string(),
            street: st.name.clone(),
            house_number: h.number.to_string(),
            house_letter: h.letter.map(String::from).unwrap_or_default(),
            postcode: postcode.to_string(),
            city: self.towns[town].to_string(),
            birth_date: Some(person.birth),
            national_id: None,
        }
    }
}

fn surname(rng: &mut ChaCha8Rng) -> &'static str {
    names::SURNAMES.choose(rng).expect("surnames")
}

/// A stem glued to an ending (three equal letters at the joint written two).
pub fn compound(rng: &mut ChaCha8Rng) -> String {
    let stem = names::STEMS.choose(rng).expect("stems");
    let end = names::ENDINGS.choose(rng).expect("endings");
    let mut s = format!("{stem}{end}");
    let chars: Vec<char> = s.chars().collect();
    let j = stem.chars().count();
    if j >= 2 && chars[j - 1] == chars[j] && chars[j - 2] == chars[j] {
        s = chars[..j - 1].iter().chain(&chars[j..]).collect();
    }
    s
}

fn house(
    rng: &mut ChaCha8Rng,
    street: usize,
    houses: &mut HashMap<(usize, u32), u8>,
) -> Option<(u32, Option<char>)> {
    for _ in 0..50 {
        let n = rng.random_range(1..=140);
        let used = houses.entry((street, n)).or_insert(0);
        if rng.random_bool(0.14) {
            if *used & 1 != 0 {
                continue;
            }
            let free: Vec<u8> = (1..=4).filter(|b| *used & (1 << b) == 0).collect();
            let Some(&b) = free.choose(rng) else {
                continue;
            };
            *used |= 1 << b;
            return Some((n, Some(char::from(b'A' + b - 1))));
        }
        if *used != 0 {
            continue;
        }
        *used = 1;
        return Some((n, None));
    }
    None
}
