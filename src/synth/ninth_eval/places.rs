//! Geography: every post town of `data/postcodes/NO.tsv`, with invented streets.

use std::collections::{HashMap, HashSet};

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::street_key;
use super::names::{ENDINGS, PREFIXES, STEMS, STREET_GIVEN, STREET_SURNAMES, STREET_TYPES};

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// The full name (`Øvre Rognlia`, `Hans Raanes vei`, `Tjæreveien`).
    pub name: String,
    /// Index into `PREFIXES`, if prefixed.
    pub prefix: Option<usize>,
    /// The name without its prefix.
    pub base: String,
    /// For a person-named street: the given name and the rest (`Hans`, `Raanes vei`).
    pub person: Option<(&'static str, String)>,
    /// For a glued street: stem and ending (`Tjære`, `veien`).
    pub glued: Option<(&'static str, &'static str)>,
    /// The street's postcode.
    pub postcode: String,
    /// The highest house number.
    pub max: u32,
}

/// A post town.
#[derive(Debug, Clone)]
pub struct Town {
    /// As the register writes it (capitals).
    pub name: String,
    /// Its postcodes.
    pub postcodes: Vec<String>,
    /// Its streets.
    pub streets: Vec<Street>,
}

/// Every town.
#[derive(Debug, Clone)]
pub struct Places {
    /// The towns.
    pub towns: Vec<Town>,
    by_postcode: HashMap<String, usize>,
    /// Cumulative town weights.
    cumulative: Vec<f64>,
}

fn lean(rng: &mut ChaCha8Rng, len: usize, power: f64) -> usize {
    let u: f64 = rng.random();
    ((len as f64 * u.powf(power)) as usize).min(len.saturating_sub(1))
}

/// Draws from a list, leaning to its head.
pub fn pick<T: Copy>(rng: &mut ChaCha8Rng, list: &[T]) -> T {
    list[lean(rng, list.len(), 1.4)]
}

impl Places {
    /// Reads the postcode register and invents the streets.
    pub fn new(rng: &mut ChaCha8Rng) -> Places {
        let mut towns: Vec<Town> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut by_postcode = HashMap::new();
        for line in NO_TSV.lines().skip(1) {
            let mut cols = line.split('\t');
            let (Some(pc), Some(city)) = (cols.next(), cols.next()) else {
                continue;
            };
            if pc.len() != 4 || city.is_empty() {
                continue;
            }
            let t = *index.entry(city.to_string()).or_insert_with(|| {
                towns.push(Town {
                    name: city.to_string(),
                    postcodes: Vec::new(),
                    streets: Vec::new(),
                });
                towns.len() - 1
            });
            towns[t].postcodes.push(pc.to_string());
            by_postcode.insert(pc.to_string(), t);
        }
        for town in &mut towns {
            let p = town.postcodes.len();
            let want = (3 + p * 3 / 2).min(150);
            let mut seen: HashSet<String> = HashSet::new();
            let mut tries = 0;
            while town.streets.len() < want && tries < want * 20 {
                tries += 1;
                let postcode = if town.streets.len() < p {
                    town.postcodes[town.streets.len()].clone()
                } else {
                    town.postcodes[rng.random_range(0..p)].clone()
                };
                let max = 3 + (120.0 * rng.random::<f64>().powf(2.0)) as u32;
                let roll: f64 = rng.random();
                let (base, person, glued) = if roll < 0.25 {
                    let g = pick(rng, STREET_GIVEN);
                    let s = pick(rng, STREET_SURNAMES);
                    let ty = STREET_TYPES[rng.random_range(0..STREET_TYPES.len())];
                    let genitive = if !s.ends_with('s') && rng.random_bool(0.5) {
                        format!("{s}s")
                    } else {
                        s.to_string()
                    };
                    let rest = format!("{genitive} {ty}");
                    (format!("{g} {rest}"), Some((g, rest)), None)
                } else {
                    let stem = pick(rng, STEMS);
                    let end = pick(rng, ENDINGS);
                    (format!("{stem}{end}"), None, Some((stem, end)))
                };
                let prefix = (person.is_none() && rng.random_bool(0.18))
                    .then(|| rng.random_range(0..PREFIXES.len()));
                let key = street_key(&base.split(' ').collect::<Vec<_>>()).body;
                // Street names are unique in a town in the judge's reading (but for partners).
                if !seen.insert(key) {
                    continue;
                }
                let street = |prefix: Option<usize>, postcode: String| Street {
                    name: match prefix {
                        Some(i) => format!("{} {base}", PREFIXES[i].0),
                        None => base.clone(),
                    },
                    prefix,
                    base: base.clone(),
                    person: person.clone(),
                    glued,
                    postcode,
                    max,
                };
                town.streets.push(street(prefix, postcode.clone()));
                if let Some(i) = prefix
                    && rng.random_bool(0.5)
                {
                    town.streets.push(street(Some(PREFIXES[i].2), postcode));
                }
            }
        }
        let mut cumulative = Vec::with_capacity(towns.len());
        let mut sum = 0.0;
        for t in &towns {
            sum += (t.postcodes.len() as f64).powf(1.1);
            cumulative.push(sum);
        }
        Places {
            towns,
            by_postcode,
            cumulative,
        }
    }

    /// The town of a postcode.
    pub fn town_of(&self, postcode: &str) -> Option<&str> {
        self.by_postcode
            .get(postcode)
            .map(|&t| self.towns[t].name.as_str())
    }

    /// A town drawn by weight.
    pub fn draw_town(&self, rng: &mut ChaCha8Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.random::<f64>() * total;
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.towns.len() - 1)
    }

    /// The partner street of a prefixed street in its town.
    pub fn partner(&self, town: usize, street: usize) -> Option<usize> {
        let s = &self.towns[town].streets[street];
        let p = PREFIXES[s.prefix?].2;
        self.towns[town]
            .streets
            .iter()
            .position(|o| o.prefix == Some(p) && o.base == s.base)
    }
}
