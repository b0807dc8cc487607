//! Geography: every post town and postcode of `data/postcodes/NO.tsv` (compiled in), each town
//! with streets named from [`super::names`] and placed at the town's postcodes.

use std::collections::HashMap;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::{fold, streets_could_be};
use super::names::{
    ENDINGS, PREFIXES, SAMI_KVEN, STEMS, STREET_GIVEN, STREET_SURNAMES, STREET_TYPES,
};

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// How a street is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// After a person (`Johan Falkenberg vei`).
    Person,
    /// A prefix and a compound (`Øvre Kvartsveien`); the prefix's index in `PREFIXES`.
    Prefixed(usize),
    /// A glued compound (`Liryperkroken`).
    Plain,
}

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// Its name.
    pub name: String,
    /// Its postcode.
    pub postcode: String,
    /// Its highest house number.
    pub max_number: u32,
    /// How it is named.
    pub shape: Shape,
}

/// A post town.
#[derive(Debug, Clone)]
pub struct Town {
    /// As `NO.tsv` writes it (capitals).
    pub name: String,
    /// Its postcodes.
    pub postcodes: Vec<String>,
    /// Its streets.
    pub streets: Vec<Street>,
}

/// Every town, with draw weights.
pub struct Places {
    /// The towns.
    pub towns: Vec<Town>,
    cumulative: Vec<u64>,
}

fn pick<'a>(rng: &mut ChaCha8Rng, list: &[&'a str]) -> &'a str {
    list[rng.random_range(0..list.len())]
}

impl Places {
    /// The towns of `NO.tsv` with streets drawn from `rng`.
    pub fn new(rng: &mut ChaCha8Rng) -> Places {
        let mut order: Vec<String> = Vec::new();
        let mut codes: HashMap<String, Vec<String>> = HashMap::new();
        for line in NO_TSV.lines().skip(1) {
            let (code, town) = line
                .split_once('\t')
                .expect("NO.tsv: every line is postcode<TAB>town");
            if !codes.contains_key(town) {
                order.push(town.to_owned());
            }
            codes
                .entry(town.to_owned())
                .or_default()
                .push(code.to_owned());
        }
        let mut towns = Vec::with_capacity(order.len());
        let mut cumulative = Vec::with_capacity(order.len());
        let mut total = 0u64;
        for name in order {
            let postcodes = codes.remove(&name).unwrap_or_default();
            let p = postcodes.len();
            let want = (2 + p + p / 2).min(40);
            let mut streets: Vec<Street> = Vec::new();
            let mut tries = 0;
            while streets.len() < want && tries < want * 20 {
                tries += 1;
                let u: f64 = rng.random();
                let (street, shape) = if u < 0.25 {
                    (
                        format!(
                            "{} {} {}",
                            pick(rng, STREET_GIVEN),
                            pick(rng, STREET_SURNAMES),
                            pick(rng, STREET_TYPES)
                        ),
                        Shape::Person,
                    )
                } else if u < 0.45 {
                    let k = rng.random_range(0..PREFIXES.len());
                    (
                        format!(
                            "{} {}{}",
                            PREFIXES[k].0,
                            pick(rng, STEMS),
                            pick(rng, ENDINGS)
                        ),
                        Shape::Prefixed(k),
                    )
                } else {
                    (
                        format!("{}{}", pick(rng, STEMS), pick(rng, ENDINGS)),
                        Shape::Plain,
                    )
                };
                let words: Vec<String> = fold(&street)
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect();
                let clash = streets.iter().any(|s| {
                    let other: Vec<String> = fold(&s.name)
                        .split_whitespace()
                        .map(str::to_owned)
                        .collect();
                    streets_could_be(&words, &other) || streets_could_be(&other, &words)
                });
                if clash {
                    continue;
                }
                let i = streets.len();
                let postcode = if i < p {
                    postcodes[i].clone()
                } else {
                    postcodes[rng.random_range(0..p)].clone()
                };
                let u: f64 = rng.random();
                streets.push(Street {
                    name: street,
                    postcode,
                    max_number: 4 + (80.0 * u * u) as u32,
                    shape,
                });
            }
            let sami = SAMI_KVEN.iter().any(|(t, _)| *t == name);
            let weight = ((p * p).min(400) + 2) as u64 * if sami { 3 } else { 1 };
            total += weight;
            cumulative.push(total);
            towns.push(Town {
                name,
                postcodes,
                streets,
            });
        }
        Places { towns, cumulative }
    }

    /// A town drawn by weight.
    pub fn draw_town(&self, rng: &mut ChaCha8Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1);
        let x = rng.random_range(0..total);
        self.cumulative.partition_point(|&c| c <= x)
    }
}
