//! Geography: every postcode and post town of the bundled `data/postcodes/NO.tsv`, and
//! invented streets for every town (each with one of the town's postcodes and a highest
//! number), told apart by the judge's reading.

use std::collections::HashMap;

use rand::Rng;

use super::judge::{StreetKey, fold, street_key, streets_match};
use super::names::{self, lean, pick};

const TABLE: &str = include_str!("../../../data/postcodes/NO.tsv");

/// How a street's name is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreetKind {
    /// A person's given name, surname and a type: `Hans Raanes vei`.
    Person,
    /// A stem glued to an ending: `Kobberlia`.
    Compound,
    /// A prefix (index into [`names::PREFIXES`]) and a compound: `Øvre Kobberlia`.
    Prefixed(usize),
}

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// Its name.
    pub name: String,
    /// How it is built.
    pub kind: StreetKind,
    /// Its postcode.
    pub postcode: String,
    /// Its highest house number.
    pub max_number: u32,
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

/// Every town with its streets.
pub struct Places {
    /// The towns, in the table's order of first appearance.
    pub towns: Vec<Town>,
    by_postcode: HashMap<String, u32>,
    by_fold: HashMap<String, Vec<u32>>,
    cumulative: Vec<f64>,
}

impl Places {
    /// Reads the table and invents the streets.
    pub fn new(rng: &mut impl Rng) -> Places {
        let mut towns: Vec<Town> = Vec::new();
        let mut by_name: HashMap<String, u32> = HashMap::new();
        let mut by_postcode = HashMap::new();
        for line in TABLE.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let (code, town) = line
                .split_once('\t')
                .expect("data/postcodes/NO.tsv: every line is postcode<TAB>town");
            let id = *by_name.entry(town.to_owned()).or_insert_with(|| {
                towns.push(Town {
                    name: town.to_owned(),
                    postcodes: Vec::new(),
                    streets: Vec::new(),
                });
                (towns.len() - 1) as u32
            });
            towns[id as usize].postcodes.push(code.to_owned());
            by_postcode.insert(code.to_owned(), id);
        }
        let mut by_fold: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, t) in towns.iter().enumerate() {
            by_fold.entry(fold(&t.name)).or_default().push(i as u32);
        }
        for town in &mut towns {
            let p = town.postcodes.len();
            let want = (2 + p + p / 2).min(120);
            let mut keys: Vec<Keys> = Vec::new();
            let mut tries = 0;
            while town.streets.len() < want && tries < want * 20 {
                tries += 1;
                let postcode = if town.streets.len() < p {
                    town.postcodes[town.streets.len()].clone()
                } else {
                    town.postcodes[rng.random_range(0..p)].clone()
                };
                let u: f64 = rng.random();
                let max_number = 4 + (90.0 * u * u) as u32;
                let (name, kind) = new_street_name(rng);
                let Some(k) = fits(&keys, &name, kind) else {
                    continue;
                };
                keys.push(k);
                let partner = match kind {
                    StreetKind::Prefixed(i) if rng.random_bool(0.4) => Some(names::PREFIXES[i].1),
                    _ => None,
                };
                town.streets.push(Street {
                    name: name.clone(),
                    kind,
                    postcode: postcode.clone(),
                    max_number,
                });
                if let Some(j) = partner {
                    let (_, body) = name.split_once(' ').unwrap_or(("", &name));
                    let other = format!("{} {body}", names::PREFIXES[j].0);
                    if let Some(k) = fits(&keys, &other, StreetKind::Prefixed(j)) {
                        keys.push(k);
                        town.streets.push(Street {
                            name: other,
                            kind: StreetKind::Prefixed(j),
                            postcode,
                            max_number: 4 + (90.0 * rng.random::<f64>().powi(2)) as u32,
                        });
                    }
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
            by_fold,
            cumulative,
        }
    }

    /// The town of a postcode.
    pub fn town_of(&self, postcode: &str) -> Option<u32> {
        self.by_postcode.get(postcode).copied()
    }

    /// The towns whose folded name is `folded`.
    pub fn towns_named(&self, folded: &str) -> Vec<u32> {
        self.by_fold.get(folded).cloned().unwrap_or_default()
    }

    /// A town, weighted by its postcodes.
    pub fn random_town(&self, rng: &mut impl Rng) -> u32 {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.random::<f64>() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.towns.len() - 1) as u32
    }
}

type Keys = (StreetKey, Option<StreetKey>);

/// The judge's readings of a new street name if it is told apart from a town's streets,
/// also when abbreviated (a person-named street is also read without its given name).
fn fits(keys: &[Keys], name: &str, kind: StreetKind) -> Option<Keys> {
    let words: Vec<&str> = name.split(' ').collect();
    let key = street_key(&words);
    let short = (kind == StreetKind::Person).then(|| street_key(&words[1..]));
    let ok = keys.iter().all(|(k, k_short)| {
        !streets_match(&key, k)
            && short.as_ref().is_none_or(|a| !streets_match(a, k))
            && k_short.as_ref().is_none_or(|b| !streets_match(&key, b))
            && match (&short, k_short) {
                (Some(a), Some(b)) => !streets_match(a, b),
                _ => true,
            }
    });
    ok.then_some((key, short))
}

fn new_street_name(rng: &mut impl Rng) -> (String, StreetKind) {
    let u: f64 = rng.random();
    let compound =
        |rng: &mut _| format!("{}{}", pick(rng, names::STEMS), pick(rng, names::ENDINGS));
    if u < 0.25 {
        (
            format!(
                "{} {} {}",
                pick(rng, names::STREET_GIVEN),
                pick(rng, names::STREET_SURNAMES),
                pick(rng, names::STREET_TYPES)
            ),
            StreetKind::Person,
        )
    } else if u < 0.8 {
        (compound(rng), StreetKind::Compound)
    } else {
        let i = lean(rng, names::PREFIXES.len());
        let i = if rng.random_bool(0.5) {
            i
        } else {
            rng.random_range(0..names::PREFIXES.len())
        };
        (
            format!("{} {}", names::PREFIXES[i].0, compound(rng)),
            StreetKind::Prefixed(i),
        )
    }
}
