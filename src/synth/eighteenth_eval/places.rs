//! Geography: every post town of `data/postcodes/NO.tsv` with its postcodes, and streets of
//! the set's own stems made per town from the seed.

use std::collections::HashMap;

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::names;

const TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// How a street is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreetKind {
    /// A glued compound (`Lerkeveien`).
    Compound,
    /// A prefix (index into `names::PREFIXES`) and a compound (`Nedre Lerkeveien`).
    Prefixed(usize),
    /// A person's given name, surname and a type (`Haakon Raanes vei`).
    Person,
}

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// Its name.
    pub name: String,
    /// How it is named.
    pub kind: StreetKind,
    /// Its postcode.
    pub postcode: String,
}

/// A post town.
#[derive(Debug, Clone)]
pub struct Town {
    /// Its name in capitals, as `NO.tsv` writes it.
    pub name: String,
    /// Its postcodes.
    pub postcodes: Vec<String>,
}

/// All towns and postcodes.
#[derive(Debug)]
pub struct Places {
    /// The towns.
    pub towns: Vec<Town>,
    /// Postcode to town.
    pub town_of_postcode: HashMap<String, usize>,
    /// Folded town name to towns.
    pub towns_by_name: HashMap<String, Vec<usize>>,
    /// Every postcode row's town, for drawing towns weighted by postcodes.
    pub rows: Vec<usize>,
}

impl Places {
    /// Reads `NO.tsv`.
    pub fn load() -> Places {
        let mut towns: Vec<Town> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut town_of_postcode = HashMap::new();
        let mut rows = Vec::new();
        for line in TSV.lines().skip(1) {
            let Some((code, town)) = line.split_once('\t') else {
                continue;
            };
            let t = *index.entry(town.to_owned()).or_insert_with(|| {
                towns.push(Town {
                    name: town.to_owned(),
                    postcodes: Vec::new(),
                });
                towns.len() - 1
            });
            towns[t].postcodes.push(code.to_owned());
            town_of_postcode.insert(code.to_owned(), t);
            rows.push(t);
        }
        let mut towns_by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in towns.iter().enumerate() {
            towns_by_name
                .entry(super::judge::fold(&t.name))
                .or_default()
                .push(i);
        }
        Places {
            towns,
            town_of_postcode,
            towns_by_name,
            rows,
        }
    }

    /// The streets of town `t`, made from the seed and the town alone: no two of one compound,
    /// no two person streets of one surname.
    pub fn streets(&self, seed: u64, t: usize) -> Vec<Street> {
        let mut rng =
            ChaCha8Rng::seed_from_u64(seed ^ (t as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let codes = &self.towns[t].postcodes;
        let n = (4 + codes.len()).min(24);
        let mut used_compound = std::collections::HashSet::new();
        let mut used_person = std::collections::HashSet::new();
        let mut out = Vec::new();
        let mut tries = 0;
        while out.len() < n && tries < 500 {
            tries += 1;
            let postcode = codes[out.len() % codes.len()].clone();
            let roll = rng.random_range(0..100);
            if roll < 25 {
                let sur = *names::STREET_SURNAME.choose(&mut rng).expect("list");
                if !used_person.insert(sur) {
                    continue;
                }
                let given = names::STREET_GIVEN.choose(&mut rng).expect("list");
                let ty = names::STREET_TYPES.choose(&mut rng).expect("list");
                out.push(Street {
                    name: format!("{given} {sur} {ty}"),
                    kind: StreetKind::Person,
                    postcode,
                });
            } else {
                let stem = names::STEMS.choose(&mut rng).expect("list");
                let end = names::ENDINGS.choose(&mut rng).expect("list");
                let compound = format!("{stem}{end}");
                if !used_compound.insert(compound.clone()) {
                    continue;
                }
                if roll < 45 {
                    let p = rng.random_range(0..names::PREFIXES.len());
                    out.push(Street {
                        name: format!("{} {compound}", names::PREFIXES[p].0),
                        kind: StreetKind::Prefixed(p),
                        postcode,
                    });
                } else {
                    out.push(Street {
                        name: compound,
                        kind: StreetKind::Compound,
                        postcode,
                    });
                }
            }
        }
        out
    }
}

/// `OSLO` → `Oslo`, `MO I RANA` → `Mo I Rana`.
pub fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}
