//! Geography: every post town of `data/postcodes/NO.tsv` with its postcodes, and streets of
//! this set's own stems, made per town on first use from the seed and the town alone.

use std::collections::HashMap;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::names::{ENDINGS, PREFIXES, STEMS, STREET_GIVEN, STREET_SURNAME, STREET_TYPES};

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// The name as the register writes it.
    pub name: String,
    /// The postcode of the street.
    pub postcode: String,
    /// The prefix (index into `PREFIXES`), if the name begins with one.
    pub prefix: Option<usize>,
    /// The person (given name, surname) the street is named after, if any.
    pub person: Option<(&'static str, &'static str)>,
}

/// A post town.
#[derive(Debug, Clone)]
pub struct Town {
    /// The name as `NO.tsv` writes it (capitals).
    pub name: String,
    /// Its postcodes.
    pub postcodes: Vec<String>,
}

/// Every post town, its postcodes and (made on first use) its streets.
#[derive(Debug)]
pub struct Places {
    /// The towns.
    pub towns: Vec<Town>,
    /// Every postcode row: (postcode, town index).
    pub rows: Vec<(String, usize)>,
    /// Town of each postcode.
    pub postcode_town: HashMap<String, usize>,
    streets: HashMap<usize, Vec<Street>>,
    seed: u64,
}

impl Places {
    /// Reads `NO.tsv`.
    pub fn new(seed: u64) -> Places {
        let mut towns: Vec<Town> = Vec::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut rows = Vec::new();
        let mut postcode_town = HashMap::new();
        for line in NO_TSV.lines().skip(1) {
            let (code, town) = line
                .split_once('\t')
                .expect("NO.tsv has postcode<TAB>town lines");
            let t = *by_name.entry(town.to_string()).or_insert_with(|| {
                towns.push(Town {
                    name: town.to_string(),
                    postcodes: Vec::new(),
                });
                towns.len() - 1
            });
            towns[t].postcodes.push(code.to_string());
            rows.push((code.to_string(), t));
            postcode_town.insert(code.to_string(), t);
        }
        Places {
            towns,
            rows,
            postcode_town,
            streets: HashMap::new(),
            seed,
        }
    }

    /// The streets of town `t`, made on first use.
    pub fn streets(&mut self, t: usize) -> &[Street] {
        let seed = self.seed;
        let town = &self.towns[t];
        self.streets
            .entry(t)
            .or_insert_with(|| make_streets(seed, t, town))
    }

    /// The streets of town `t` made so far (empty if none).
    pub fn streets_made(&self, t: usize) -> &[Street] {
        self.streets.get(&t).map(Vec::as_slice).unwrap_or(&[])
    }
}

fn make_streets(seed: u64, t: usize, town: &Town) -> Vec<Street> {
    let mut rng =
        ChaCha8Rng::seed_from_u64(seed ^ 0x5eb7_e17e ^ (t as u64).wrapping_mul(0x9e37_79b9));
    let p = town.postcodes.len();
    let n = (5 + p).min(32);
    let mut out: Vec<Street> = Vec::new();
    let mut compounds: Vec<(usize, usize)> = Vec::new();
    let mut surnames: Vec<&str> = Vec::new();
    let mut tries = 0;
    while out.len() < n && tries < 10_000 {
        tries += 1;
        let postcode = town.postcodes[out.len() % p].clone();
        let roll = rng.random_range(0..100);
        if roll < 25 {
            let g = STREET_GIVEN[rng.random_range(0..STREET_GIVEN.len())];
            let s = STREET_SURNAME[rng.random_range(0..STREET_SURNAME.len())];
            if surnames.contains(&s) {
                continue;
            }
            surnames.push(s);
            let ty = STREET_TYPES[rng.random_range(0..STREET_TYPES.len())];
            out.push(Street {
                name: format!("{g} {s} {ty}"),
                postcode,
                prefix: None,
                person: Some((g, s)),
            });
        } else {
            let c = (
                rng.random_range(0..STEMS.len()),
                rng.random_range(0..ENDINGS.len()),
            );
            if compounds.contains(&c) {
                continue;
            }
            compounds.push(c);
            let compound = format!("{}{}", STEMS[c.0], ENDINGS[c.1]);
            let prefix = (roll < 45).then(|| rng.random_range(0..PREFIXES.len()));
            let name = match prefix {
                Some(i) => format!("{} {compound}", PREFIXES[i].0),
                None => compound,
            };
            out.push(Street {
                name,
                postcode,
                prefix,
                person: None,
            });
        }
    }
    out
}
