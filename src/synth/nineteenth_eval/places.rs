//! Geography: every postcode and post town of `data/postcodes/NO.tsv`, and streets of the
//! set's own stems, made per town from the seed and the town alone.

use std::collections::{HashMap, HashSet};

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::judge::fold_phrase;
use super::names::{ENDINGS, PERSON_TYPES, PREFIXES, STEMS, STREET_PERSONS};

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// How a street's name is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreetKind {
    /// A glued compound: `Bjørkeveien`.
    Plain,
    /// A prefix and a compound: `Nedre Rognebakken`; the index into [`PREFIXES`].
    Prefixed(usize),
    /// A person's name and a type: `Tarjei Vesaas vei`.
    Person,
}

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// The street's name.
    pub name: String,
    /// How the name is built.
    pub kind: StreetKind,
    /// Its postcode.
    pub postcode: String,
}

/// A post town.
#[derive(Debug, Clone)]
pub struct Town {
    /// In capitals, as `NO.tsv` writes it.
    pub name: String,
    /// Its postcodes.
    pub postcodes: Vec<String>,
    /// Its streets.
    pub streets: Vec<Street>,
}

/// All towns and the ways to find them.
#[derive(Debug, Clone)]
pub struct Places {
    /// The towns.
    pub towns: Vec<Town>,
    /// Every postcode row (postcode, town index).
    pub rows: Vec<(String, usize)>,
    /// Town index of a postcode.
    pub by_postcode: HashMap<String, usize>,
    /// Town indices of a folded town name.
    pub by_folded: HashMap<String, Vec<usize>>,
}

impl Places {
    /// Loads `NO.tsv` and makes the streets of every town from `seed`.
    pub fn load(seed: u64) -> Places {
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
        let mut by_folded: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, town) in towns.iter_mut().enumerate() {
            by_folded
                .entry(fold_phrase(&town.name))
                .or_default()
                .push(i);
            town.streets = streets_of(seed, i, &town.postcodes);
        }
        Places {
            towns,
            rows,
            by_postcode,
            by_folded,
        }
    }

    /// The town indices a written town could be.
    pub fn towns_named(&self, written: &str) -> &[usize] {
        self.by_folded
            .get(&fold_phrase(written))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

fn streets_of(seed: u64, town: usize, postcodes: &[String]) -> Vec<Street> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ town as u64);
    let want = (4 + postcodes.len()).min(20);
    let mut streets: Vec<Street> = Vec::new();
    let mut compounds = HashSet::new();
    let mut persons = HashSet::new();
    let mut tries = 0;
    while streets.len() < want && tries < 500 {
        tries += 1;
        let roll = rng.random_range(0..100);
        let (name, kind) = if roll < 25 {
            let p = rng.random_range(0..STREET_PERSONS.len());
            if !persons.insert(p) {
                continue;
            }
            let (g, s) = STREET_PERSONS[p];
            let ty = PERSON_TYPES.choose(&mut rng).unwrap();
            (format!("{g} {s} {ty}"), StreetKind::Person)
        } else {
            let stem = STEMS.choose(&mut rng).unwrap();
            let end = ENDINGS.choose(&mut rng).unwrap();
            let compound = format!("{stem}{end}");
            if !compounds.insert(compound.clone()) {
                continue;
            }
            if roll < 45 {
                let p = rng.random_range(0..PREFIXES.len());
                (
                    format!("{} {compound}", PREFIXES[p].0),
                    StreetKind::Prefixed(p),
                )
            } else {
                (compound, StreetKind::Plain)
            }
        };
        let postcode = postcodes[streets.len() % postcodes.len()].clone();
        streets.push(Street {
            name,
            kind,
            postcode,
        });
    }
    streets
}
