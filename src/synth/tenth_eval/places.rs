//! Geography: every post town of `data/postcodes/NO.tsv` with its postcodes, and the streets
//! this set invents for it (stem + ending, person-named, prefixed with a partner street). A
//! town's streets are told apart by the judge's reading (but for partners, told apart by
//! their prefix).

use std::collections::HashMap;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::{StreetReading, fold_name, read_street_text, streets_could_be_one};
use super::names::{ENDINGS, PERSON_TYPES, PREFIXES, STEMS, STREET_GIVEN, STREET_SURNAMES, pick};

/// The bundled postcode table.
const TABLE: &str = include_str!("../../../data/postcodes/NO.tsv");

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// The full name as the register writes it (`Øvre Blåbærveien`, `Hans Raanes vei`).
    pub name: String,
    /// The prefix's index in [`PREFIXES`], if any.
    pub prefix: Option<usize>,
    /// The name after the prefix.
    pub body: String,
    /// For a person-named street: the given name and the rest (`Hans`, `Raanes vei`).
    pub person: Option<(String, String)>,
    /// Its postcode.
    pub postcode: String,
    /// The highest house number.
    pub max_number: u32,
    /// The judge's reading of the name.
    pub reading: StreetReading,
}

/// A post town and its streets.
#[derive(Debug, Clone)]
pub struct Town {
    /// The post town as the table writes it (capitals).
    pub name: String,
    /// Its postcodes.
    pub postcodes: Vec<String>,
    /// Its streets.
    pub streets: Vec<Street>,
}

/// What the judge needs of the table (no random choices); towns are numbered in order of
/// first appearance, as in [`Places`].
#[derive(Debug, Clone)]
pub struct TownMaps {
    /// Postcode → town.
    pub by_postcode: HashMap<String, usize>,
    /// Folded town name → towns.
    pub by_name: HashMap<String, Vec<usize>>,
}

/// The postcode → town and folded town name → towns maps of the table.
pub fn town_maps() -> TownMaps {
    let mut names: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut by_postcode = HashMap::new();
    for line in TABLE.lines().skip(1) {
        let (code, town) = line
            .split_once('\t')
            .expect("data/postcodes/NO.tsv: every row is `postcode<TAB>town`");
        let t = *index.entry(town.to_owned()).or_insert_with(|| {
            names.push(town.to_owned());
            names.len() - 1
        });
        by_postcode.insert(code.to_owned(), t);
    }
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (t, n) in names.iter().enumerate() {
        by_name.entry(fold_name(n)).or_default().push(t);
    }
    TownMaps {
        by_postcode,
        by_name,
    }
}

/// Every town with its streets.
#[derive(Debug, Clone)]
pub struct Places {
    /// The towns, in the table's order of first appearance.
    pub towns: Vec<Town>,
    /// Cumulative draw weights of towns (`p^1.15`).
    weights: Vec<f64>,
}

impl Places {
    /// Reads the table and invents every town's streets.
    pub fn build(rng: &mut ChaCha8Rng) -> Places {
        let mut towns: Vec<Town> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for line in TABLE.lines().skip(1) {
            let (code, town) = line
                .split_once('\t')
                .expect("data/postcodes/NO.tsv: every row is `postcode<TAB>town`");
            let t = *index.entry(town.to_owned()).or_insert_with(|| {
                towns.push(Town {
                    name: town.to_owned(),
                    postcodes: Vec::new(),
                    streets: Vec::new(),
                });
                towns.len() - 1
            });
            towns[t].postcodes.push(code.to_owned());
        }
        for town in &mut towns {
            let p = town.postcodes.len();
            let want = (3 + p + p / 2).min(120);
            let mut tries = 0;
            while town.streets.len() < want && tries < want * 20 {
                tries += 1;
                let i = town.streets.len();
                let postcode = if i < p {
                    town.postcodes[i].clone()
                } else {
                    town.postcodes[rng.random_range(0..p)].clone()
                };
                let (prefix, body, person) = invent(rng);
                if let Some(s) = make(&town.streets, prefix, body.clone(), person, &postcode, rng) {
                    town.streets.push(s);
                    if let Some(x) = prefix
                        && rng.random_bool(0.45)
                        && let Some(s) = make(
                            &town.streets,
                            Some(PREFIXES[x].partner),
                            body,
                            None,
                            &postcode,
                            rng,
                        )
                    {
                        town.streets.push(s);
                    }
                }
            }
        }
        let mut acc = 0.0;
        let weights = towns
            .iter()
            .map(|t| {
                acc += (t.postcodes.len() as f64).powf(1.15);
                acc
            })
            .collect();
        Places { towns, weights }
    }

    /// A town drawn by weight.
    pub fn draw_town(&self, rng: &mut ChaCha8Rng) -> usize {
        let total = self.weights.last().copied().unwrap_or(1.0);
        let x = rng.random::<f64>() * total;
        self.weights
            .partition_point(|&w| w <= x)
            .min(self.towns.len() - 1)
    }
}

/// A street name: prefix, body and the person it is named after.
fn invent(rng: &mut ChaCha8Rng) -> (Option<usize>, String, Option<(String, String)>) {
    let u: f64 = rng.random();
    if u < 0.25 {
        let given = pick(rng, STREET_GIVEN);
        let surname = pick(rng, STREET_SURNAMES);
        let kind = pick(rng, PERSON_TYPES);
        let genitive = !surname.ends_with('s') && rng.random_bool(0.5);
        let rest = format!("{surname}{} {kind}", if genitive { "s" } else { "" });
        (
            None,
            format!("{given} {rest}"),
            Some((given.to_owned(), rest)),
        )
    } else {
        let body = format!("{}{}", pick(rng, STEMS), pick(rng, ENDINGS));
        let prefix = (u > 0.80).then(|| rng.random_range(0..PREFIXES.len()));
        (prefix, body, None)
    }
}

/// The street, unless the judge could read it as one of `existing` (a partner differs by its
/// prefix and is allowed).
fn make(
    existing: &[Street],
    prefix: Option<usize>,
    body: String,
    person: Option<(String, String)>,
    postcode: &str,
    rng: &mut ChaCha8Rng,
) -> Option<Street> {
    let name = match prefix {
        Some(x) => format!("{} {body}", PREFIXES[x].word),
        None => body.clone(),
    };
    let reading = read_street_text(&name);
    if existing
        .iter()
        .any(|s| streets_could_be_one(&s.reading, &reading))
    {
        return None;
    }
    let max_number = 4 + (100.0 * rng.random::<f64>().powi(2)) as u32;
    Some(Street {
        name,
        prefix,
        body,
        person,
        postcode: postcode.to_owned(),
        max_number,
        reading,
    })
}
