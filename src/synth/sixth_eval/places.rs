//! Geography of the sixth set: the bundled postcode register (compiled in), grouped by post
//! town, and streets invented per town. A street has a first postcode; about one long street
//! in four of a town with several postcodes changes to another postcode of the town at a cut
//! number, and a few very long ones change twice.

use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;

use super::names;

const REGISTER: &str = include_str!("../../../data/postcodes/NO.tsv");

/// A post town and its postcodes.
#[derive(Debug, Clone)]
pub struct Town {
    /// The town as the register writes it (capitals).
    pub name: String,
    /// Its postcodes, ascending.
    pub postcodes: Vec<String>,
    /// Its streets.
    pub streets: Vec<Street>,
}

/// How a street's name was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreetShape {
    /// A stem and an ending (`Rognbakken`).
    Compound,
    /// Named after a person: index of the given name in the list.
    Person(usize),
    /// A prefix (index in [`names::PREFIXES`]) and a compound.
    Prefixed(usize),
}

/// An invented street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// The name.
    pub name: String,
    /// How it was made.
    pub shape: StreetShape,
    /// Highest house number.
    pub length: u32,
    /// Postcodes by first house number: `(from, postcode)`, ascending `from`, first `from` 1.
    pub postcodes: Vec<(u32, String)>,
}

impl Street {
    /// The postcode of a house number.
    pub fn postcode_of(&self, number: u32) -> &str {
        self.postcodes
            .iter()
            .rev()
            .find(|(from, _)| *from <= number)
            .map_or("", |(_, p)| p.as_str())
    }
}

/// All towns with their streets.
#[derive(Debug, Clone)]
pub struct Places {
    /// The towns, in the register's order of first postcode.
    pub towns: Vec<Town>,
    /// Cumulative draw weights of towns.
    cumulative: Vec<f64>,
}

/// A draw from `0..len` leaning to the head of a list.
pub fn skewed(rng: &mut ChaCha8Rng, len: usize, power: f64) -> usize {
    let u: f64 = rng.random();
    ((len as f64) * u.powf(power)).floor().min(len as f64 - 1.0) as usize
}

impl Places {
    /// Reads the postcode register and invents the streets.
    pub fn build(rng: &mut ChaCha8Rng) -> Places {
        let mut towns: Vec<Town> = Vec::new();
        let mut by_name: std::collections::HashMap<&str, usize> = Default::default();
        for line in REGISTER.lines().skip(1) {
            let mut cols = line.split('\t');
            let (Some(code), Some(city)) = (cols.next(), cols.next()) else {
                continue;
            };
            let i = *by_name.entry(city).or_insert_with(|| {
                towns.push(Town {
                    name: city.to_owned(),
                    postcodes: Vec::new(),
                    streets: Vec::new(),
                });
                towns.len() - 1
            });
            towns[i].postcodes.push(code.to_owned());
        }
        assert!(
            towns.len() > 1000,
            "the compiled-in postcode register has its towns"
        );
        for town in &mut towns {
            town.streets = invent_streets(rng, &town.postcodes);
        }
        let mut total = 0.0;
        let cumulative = towns
            .iter()
            .map(|t| {
                total += (t.postcodes.len() as f64).powf(1.2);
                total
            })
            .collect();
        Places { towns, cumulative }
    }

    /// A town drawn by its number of postcodes.
    pub fn draw_town(&self, rng: &mut ChaCha8Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.random::<f64>() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.towns.len() - 1)
    }
}

fn invent_streets(rng: &mut ChaCha8Rng, postcodes: &[String]) -> Vec<Street> {
    let p = postcodes.len();
    let wanted = (5 + 3 * p).min(1500);
    let mut seen = HashSet::new();
    let mut streets = Vec::with_capacity(wanted);
    let mut tries = 0;
    while streets.len() < wanted && tries < wanted * 20 {
        tries += 1;
        let roll: f64 = rng.random();
        let (name, shape) = if roll < 0.6 {
            (compound(rng), StreetShape::Compound)
        } else if roll < 0.8 {
            let g = rng.random_range(0..names::STREET_PERSON_GIVEN.len());
            let s = names::STREET_PERSON_SURNAME
                [rng.random_range(0..names::STREET_PERSON_SURNAME.len())];
            let e =
                names::STREET_PERSON_ENDING[rng.random_range(0..names::STREET_PERSON_ENDING.len())];
            (
                format!("{} {s} {e}", names::STREET_PERSON_GIVEN[g]),
                StreetShape::Person(g),
            )
        } else {
            let x = rng.random_range(0..names::PREFIXES.len());
            (
                format!("{} {}", names::PREFIXES[x].0, compound(rng)),
                StreetShape::Prefixed(x),
            )
        };
        if !seen.insert(dedup_key(&name)) {
            continue;
        }
        let length = rng.random_range(8..=140);
        let i = streets.len();
        let home = if i < p { i } else { rng.random_range(0..p) };
        let mut codes = vec![(1, postcodes[home].clone())];
        if p > 1 && length > 40 && rng.random_bool(0.25) {
            let cut = rng.random_range(length / 3..=length * 2 / 3);
            let next = (home + 1 + rng.random_range(0..p - 1)) % p;
            codes.push((cut, postcodes[next].clone()));
            if p > 2 && length > 100 && rng.random_bool(0.3) {
                let third = (next + 1) % p;
                if third != home {
                    codes.push(((cut + length) / 2 + 1, postcodes[third].clone()));
                }
            }
        }
        streets.push(Street {
            name,
            shape,
            length,
            postcodes: codes,
        });
    }
    streets
}

/// A street name with its ending in one norm, so `Rognveien` and `Rognvegen` are one street.
fn dedup_key(name: &str) -> String {
    name.to_lowercase()
        .split(' ')
        .map(|w| {
            for (from, to) in [
                ("veien", "vei"),
                ("vegen", "vei"),
                ("veg", "vei"),
                ("gata", "gate"),
                ("gaten", "gate"),
            ] {
                if let Some(stem) = w.strip_suffix(from) {
                    return format!("{stem}{to}");
                }
            }
            w.to_owned()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn compound(rng: &mut ChaCha8Rng) -> String {
    let stem = names::STREET_STEMS[rng.random_range(0..names::STREET_STEMS.len())];
    let ending = names::STREET_ENDINGS[rng.random_range(0..names::STREET_ENDINGS.len())];
    format!("{stem}{ending}")
}

/// `OSLO` → `Oslo`, `KRISTIANSAND S` → `Kristiansand S`, `MO I RANA` → `Mo I Rana`.
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
