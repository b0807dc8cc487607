//! Geography: every post town and postcode of `data/postcodes/NO.tsv`, and invented streets.

use std::collections::HashMap;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::names::{ENDINGS, PERSON_ENDINGS, PREFIXES, STEMS, STREET_GIVEN, STREET_SURNAMES};

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// A post town and its postcodes.
pub struct Town {
    /// The name as the register writes it (capitals).
    pub name: String,
    /// Its postcodes.
    pub postcodes: Vec<String>,
}

/// A street of a town.
#[derive(Clone)]
pub struct Street {
    /// Index of its town.
    pub town: usize,
    /// Its postcode.
    pub postcode: String,
    /// Index into [`PREFIXES`], if prefixed.
    pub prefix: Option<usize>,
    /// A person-named street: given name, surname, genitive.
    pub person: Option<(&'static str, &'static str, bool)>,
    /// Stem (compound streets) and ending.
    pub stem: &'static str,
    /// Ending: glued to the stem, or a word of its own after a person's name.
    pub ending: &'static str,
    /// Highest house number.
    pub numbers: u32,
}

impl Street {
    /// The name without its prefix.
    pub fn body(&self) -> String {
        match self.person {
            Some((given, surname, genitive)) => {
                let s = if genitive { "s" } else { "" };
                format!("{given} {surname}{s} {}", self.ending)
            }
            None => format!("{}{}", self.stem, self.ending),
        }
    }

    /// The full name.
    pub fn name(&self) -> String {
        match self.prefix {
            Some(p) => format!("{} {}", PREFIXES[p].0, self.body()),
            None => self.body(),
        }
    }
}

/// Every town and street.
pub struct Places {
    /// Post towns in the order of the register file.
    pub towns: Vec<Town>,
    /// Every street.
    pub streets: Vec<Street>,
    /// The streets of each town.
    pub town_streets: Vec<Vec<usize>>,
    /// Cumulative town weights (`postcodes^1.2`).
    cumulative: Vec<f64>,
}

/// A town name in title case as forms write it (`Mo i Rana`, `Kristiansand S`).
pub fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            if lower == "i" {
                return lower;
            }
            let mut cs = lower.chars();
            match cs.next() {
                Some(c) => c.to_uppercase().chain(cs).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Places {
    /// Reads the register of postcodes and invents each town's streets.
    pub fn new(rng: &mut ChaCha8Rng) -> Places {
        let mut towns: Vec<Town> = Vec::new();
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        for line in NO_TSV.lines().skip(1) {
            let mut cols = line.split('\t');
            let (Some(code), Some(city)) = (cols.next(), cols.next()) else {
                continue;
            };
            if code.len() != 4 || city.is_empty() {
                continue;
            }
            let t = *by_name.entry(city).or_insert_with(|| {
                towns.push(Town {
                    name: city.to_owned(),
                    postcodes: Vec::new(),
                });
                towns.len() - 1
            });
            towns[t].postcodes.push(code.to_owned());
        }
        let mut streets = Vec::new();
        let mut town_streets = Vec::with_capacity(towns.len());
        for (t, town) in towns.iter().enumerate() {
            let p = town.postcodes.len();
            let want = (2 + 2 * p).min(300);
            let mut mine: Vec<usize> = Vec::new();
            let mut names = std::collections::HashSet::new();
            let mut tries = 0;
            while mine.len() < want && tries < want * 20 {
                tries += 1;
                let postcode = if mine.len() < p {
                    town.postcodes[mine.len()].clone()
                } else {
                    town.postcodes[rng.random_range(0..p)].clone()
                };
                let numbers = 4 + (rng.random::<f64>().powf(1.8) * 140.0) as u32;
                let u: f64 = rng.random();
                let street = if u < 0.6 {
                    Street {
                        town: t,
                        postcode,
                        prefix: None,
                        person: None,
                        stem: STEMS[lean(rng, STEMS.len())],
                        ending: ENDINGS[lean(rng, ENDINGS.len())],
                        numbers,
                    }
                } else if u < 0.8 {
                    let surname = STREET_SURNAMES[rng.random_range(0..STREET_SURNAMES.len())];
                    Street {
                        town: t,
                        postcode,
                        prefix: None,
                        person: Some((
                            STREET_GIVEN[rng.random_range(0..STREET_GIVEN.len())],
                            surname,
                            !surname.ends_with('s') && rng.random_bool(0.5),
                        )),
                        stem: "",
                        ending: PERSON_ENDINGS[lean(rng, PERSON_ENDINGS.len())],
                        numbers,
                    }
                } else {
                    Street {
                        town: t,
                        postcode,
                        prefix: Some(rng.random_range(0..PREFIXES.len())),
                        person: None,
                        stem: STEMS[lean(rng, STEMS.len())],
                        ending: ENDINGS[lean(rng, ENDINGS.len())],
                        numbers,
                    }
                };
                // One name once per town, in any norm of the ending.
                if !names.insert(super::judge::street_key(&street.name())) {
                    continue;
                }
                let partner = street.prefix.filter(|_| rng.random_bool(0.45)).map(|p| {
                    let mut s = street.clone();
                    s.prefix = Some(super::names::partner(p));
                    s
                });
                streets.push(street);
                mine.push(streets.len() - 1);
                if let Some(s) = partner
                    && names.insert(super::judge::street_key(&s.name()))
                {
                    streets.push(s);
                    mine.push(streets.len() - 1);
                }
            }
            town_streets.push(mine);
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
            town_streets,
            cumulative,
        }
    }

    /// A town drawn by weight.
    pub fn town(&self, rng: &mut ChaCha8Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.random::<f64>() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.towns.len().saturating_sub(1))
    }
}

/// An index below `len` leaning to the head (`u^1.3`).
pub fn lean(rng: &mut ChaCha8Rng, len: usize) -> usize {
    ((rng.random::<f64>().powf(1.3) * len as f64) as usize).min(len.saturating_sub(1))
}

/// Every postcode with its town folded as the judge reads it.
pub fn postcode_towns() -> HashMap<String, String> {
    NO_TSV
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(code, city)| (code.to_owned(), super::judge::fold_town(city)))
        .collect()
}
