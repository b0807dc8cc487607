//! Geography: every post town and postcode of `data/postcodes/NO.tsv` (compiled in), and
//! invented streets per town — person-named streets (`Hans Raanes vei`), stems glued to an
//! ending (`Tyttebærlia`), and prefixed ones (`Øvre Sildestranda`) with their partner
//! (`Nedre Sildestranda`) in the same town. A town's streets are told apart by the judge.

use std::collections::HashMap;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::{fold, street_could_be, street_key};
use super::names::{self, PREFIXES};

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// A post town.
#[derive(Debug, Clone)]
pub struct Town {
    /// The name as `NO.tsv` writes it (capitals).
    pub name: String,
    /// Its postcodes.
    pub postcodes: Vec<String>,
    /// Its streets (indices into `Places::streets`).
    pub streets: Vec<usize>,
}

/// A street.
#[derive(Debug, Clone)]
pub struct Street {
    /// The name.
    pub name: String,
    /// Its town.
    pub town: usize,
    /// Its postcode.
    pub postcode: String,
    /// House numbers run 1..=max.
    pub max_number: u32,
    /// For a person-named street: the given name's length in bytes (`Hans` of `Hans Raanes vei`).
    pub person_given: Option<usize>,
    /// The prefix (index into `PREFIXES`), if any.
    pub prefix: Option<usize>,
}

/// All places.
#[derive(Debug, Clone)]
pub struct Places {
    /// Towns in `NO.tsv` order.
    pub towns: Vec<Town>,
    /// Streets.
    pub streets: Vec<Street>,
    /// A postcode's town.
    pub town_of_postcode: HashMap<String, usize>,
    /// A folded town name's town.
    pub town_by_key: HashMap<String, usize>,
    /// Cumulative town weights (`p^1.2`) for drawing towns.
    cumulative: Vec<f64>,
}

/// Title case of a town name (`MO I RANA` → `Mo I Rana`).
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

impl Places {
    /// Reads the postcode table and invents the streets.
    // The loop index is the town number that every street of the town records.
    #[allow(clippy::needless_range_loop)]
    pub fn new(rng: &mut ChaCha8Rng) -> Places {
        let mut towns: Vec<Town> = Vec::new();
        let mut town_of_postcode = HashMap::new();
        let mut town_by_key = HashMap::new();
        for line in NO_TSV.lines().skip(1) {
            let (code, city) = line
                .split_once('\t')
                .expect("data/postcodes/NO.tsv: every line is `postcode<TAB>city`");
            let key = fold(city);
            let t = *town_by_key.entry(key).or_insert_with(|| {
                towns.push(Town {
                    name: city.to_string(),
                    postcodes: Vec::new(),
                    streets: Vec::new(),
                });
                towns.len() - 1
            });
            towns[t].postcodes.push(code.to_string());
            town_of_postcode.insert(code.to_string(), t);
        }
        let mut streets: Vec<Street> = Vec::new();
        for t in 0..towns.len() {
            let p = towns[t].postcodes.len();
            let want = (2 + p + p / 2).min(60);
            let mut tries = 0;
            let mut keys = Vec::new();
            while towns[t].streets.len() < want && tries < want * 20 {
                tries += 1;
                let i = towns[t].streets.len();
                let postcode = if i < p {
                    towns[t].postcodes[i].clone()
                } else {
                    towns[t].postcodes[rng.random_range(0..p)].clone()
                };
                let max_number = 4 + (90.0 * rng.random::<f64>().powi(2)) as u32;
                let u: f64 = rng.random();
                let mut new = Vec::new();
                if u < 0.25 {
                    let g = names::pick(rng, names::STREET_GIVEN);
                    let s = names::pick(rng, names::STREET_SURNAMES);
                    let ty = names::pick(rng, names::PERSON_TYPES);
                    new.push((format!("{g} {s} {ty}"), Some(g.len()), None));
                } else {
                    let stem = names::pick(rng, names::STEMS);
                    let end = names::pick(rng, names::ENDINGS);
                    let body = format!("{stem}{end}");
                    if u < 0.8 {
                        new.push((body, None, None));
                    } else {
                        let pi = rng.random_range(0..PREFIXES.len());
                        new.push((format!("{} {body}", PREFIXES[pi].0), None, Some(pi)));
                        if rng.random_bool(0.45) {
                            let partner = PREFIXES[pi].2;
                            new.push((
                                format!("{} {body}", PREFIXES[partner].0),
                                None,
                                Some(partner),
                            ));
                        }
                    }
                }
                let clash = new.iter().any(|(name, _, _)| {
                    let k = street_key(&words(name));
                    keys.iter().any(|other| street_could_be(&k, other))
                });
                if clash {
                    continue;
                }
                for (name, person_given, prefix) in new {
                    keys.push(street_key(&words(&name)));
                    towns[t].streets.push(streets.len());
                    streets.push(Street {
                        name,
                        town: t,
                        postcode: postcode.clone(),
                        max_number,
                        person_given,
                        prefix,
                    });
                }
            }
        }
        let mut acc = 0.0;
        let cumulative = towns
            .iter()
            .map(|t| {
                acc += (t.postcodes.len() as f64).powf(1.2);
                acc
            })
            .collect();
        Places {
            towns,
            streets,
            town_of_postcode,
            town_by_key,
            cumulative,
        }
    }

    /// A town, weighted by its postcodes.
    pub fn draw_town(&self, rng: &mut ChaCha8Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.random::<f64>() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.towns.len() - 1)
    }

    /// A street of a town, leaning to its first.
    pub fn draw_street(&self, rng: &mut ChaCha8Rng, town: usize) -> usize {
        let s = &self.towns[town].streets;
        let u: f64 = rng.random();
        s[((s.len() as f64 * u.powf(1.3)) as usize).min(s.len() - 1)]
    }
}

/// The words of a street name.
pub fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}
