//! Geography: every post town of `data/postcodes/NO.tsv` with invented streets.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use rand::Rng;
use rand::seq::IndexedRandom;

use super::judge::{fold_words, street_identity};
use super::names::{
    ENDINGS, MUNICIPALITIES, PREFIXES, STEMS, STREET_GIVEN, STREET_PERSON_ENDINGS, STREET_SURNAME,
    pick,
};

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// The postcode register: post towns and their postcodes (no randomness).
pub(super) struct Postal {
    /// Post town names as the register writes them (`KRISTIANSAND S`).
    pub towns: Vec<String>,
    /// Each town's postcodes, in order.
    pub postcodes: Vec<Vec<String>>,
    /// Postcode → town.
    pub town_of: HashMap<String, u32>,
    /// Folded town name (also a municipality's) → towns.
    pub by_name: HashMap<String, Vec<u32>>,
    /// Town → municipality name, where it differs.
    pub municipality: HashMap<u32, &'static str>,
}

/// The postcode register, parsed once.
pub(super) fn postal() -> &'static Postal {
    static POSTAL: OnceLock<Postal> = OnceLock::new();
    POSTAL.get_or_init(|| {
        let mut towns: Vec<String> = Vec::new();
        let mut postcodes: Vec<Vec<String>> = Vec::new();
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut town_of = HashMap::new();
        for line in NO_TSV.lines().skip(1) {
            let Some((code, town)) = line.split_once('\t') else {
                continue;
            };
            let t = *index.entry(town.to_owned()).or_insert_with(|| {
                towns.push(town.to_owned());
                postcodes.push(Vec::new());
                (towns.len() - 1) as u32
            });
            postcodes[t as usize].push(code.to_owned());
            town_of.insert(code.to_owned(), t);
        }
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        for (t, name) in towns.iter().enumerate() {
            by_name.entry(fold_words(name)).or_default().push(t as u32);
        }
        let mut municipality = HashMap::new();
        for (m, members) in MUNICIPALITIES {
            for member in *members {
                let t = *index
                    .get(*member)
                    .expect("municipality tables name real post towns");
                municipality.insert(t, *m);
                by_name.entry(fold_words(m)).or_default().push(t);
            }
        }
        Postal {
            towns,
            postcodes,
            town_of,
            by_name,
            municipality,
        }
    })
}

/// A post town's name in title case (`Kristiansand S`, `Mo i Rana`).
pub(super) fn title_case(name: &str) -> String {
    let mut out = String::new();
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.to_lowercase();
        if i > 0 && ["i", "på", "og"].contains(&lower.as_str()) {
            out.push_str(&lower);
            continue;
        }
        let mut up = true;
        for c in lower.chars() {
            if up {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            up = c == '-';
        }
    }
    out
}

/// The county (2020–2023 division, rough by postcode range) a lead may add to a town.
pub(super) fn county(postcode: &str) -> &'static str {
    let n: u32 = postcode.parse().unwrap_or(0);
    match n {
        0..=1299 => "Oslo",
        1300..=1999 | 2000..=2199 | 3000..=3099 | 3300..=3699 => "Viken",
        2200..=2999 => "Innlandet",
        3100..=3299 | 3700..=3999 => "Vestfold og Telemark",
        4000..=4399 | 5500..=5599 => "Rogaland",
        4400..=4999 => "Agder",
        5000..=5499 | 5600..=5999 | 6700..=6999 => "Vestland",
        6000..=6699 => "Møre og Romsdal",
        7000..=7999 => "Trøndelag",
        8000..=8999 => "Nordland",
        _ => "Troms og Finnmark",
    }
}

/// How a street's name is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Shape {
    /// A compound (`Rognlia`).
    Stem,
    /// Named after a person: the person's given names and the rest (`Raanes vei`).
    Person {
        given: Vec<&'static str>,
        rest: String,
    },
    /// A prefix (index into `PREFIXES`) and the rest (`Rognlia`).
    Prefixed { prefix: usize, rest: String },
}

/// A street.
#[derive(Debug, Clone)]
pub(super) struct Street {
    pub name: String,
    pub shape: Shape,
    pub postcode: String,
    /// Highest house number.
    pub len: u32,
}

/// A post town and its streets.
#[derive(Debug, Clone)]
pub(super) struct Town {
    pub streets: Vec<Street>,
}

/// Towns with streets, and the weights to draw them.
pub(super) struct Geography {
    pub towns: Vec<Town>,
    cumulative: Vec<f64>,
}

impl Geography {
    /// Streets for every post town: `4 + 2p` for a town with `p` postcodes (at most 900).
    pub(super) fn build(rng: &mut impl Rng) -> Geography {
        let postal = postal();
        let mut towns = Vec::with_capacity(postal.towns.len());
        let mut cumulative = Vec::with_capacity(postal.towns.len());
        let mut total = 0.0;
        for codes in &postal.postcodes {
            let p = codes.len();
            let want = (4 + 2 * p).min(900);
            let mut seen: HashSet<String> = HashSet::new();
            let mut streets: Vec<Street> = Vec::with_capacity(want + want / 4);
            let mut tries = 0;
            while streets.len() < want && tries < want * 20 {
                tries += 1;
                let postcode = if streets.len() < p {
                    codes[streets.len()].clone()
                } else {
                    codes.choose(rng).expect("a town has a postcode").clone()
                };
                let len = 6 + (rng.random::<f64>().powf(1.6) * 175.0) as u32;
                let r: f64 = rng.random();
                let (name, shape) = if r < 0.55 {
                    (compound(rng), Shape::Stem)
                } else if r < 0.77 {
                    person_street(rng)
                } else {
                    let prefix = rng.random_range(0..PREFIXES.len());
                    let rest = compound(rng);
                    (
                        format!("{} {rest}", PREFIXES[prefix].0),
                        Shape::Prefixed { prefix, rest },
                    )
                };
                if !seen.insert(street_identity(&name)) {
                    continue;
                }
                let partner = match &shape {
                    Shape::Prefixed { prefix, rest } if rng.random_bool(0.4) => {
                        let other = PREFIXES
                            .iter()
                            .position(|x| x.0 == PREFIXES[*prefix].2)
                            .expect("partners are prefixes");
                        let name = format!("{} {rest}", PREFIXES[other].0);
                        seen.insert(street_identity(&name)).then(|| Street {
                            name,
                            shape: Shape::Prefixed {
                                prefix: other,
                                rest: rest.clone(),
                            },
                            postcode: postcode.clone(),
                            len: 6 + (rng.random::<f64>().powf(1.6) * 120.0) as u32,
                        })
                    }
                    _ => None,
                };
                streets.push(Street {
                    name,
                    shape,
                    postcode,
                    len,
                });
                streets.extend(partner);
            }
            total += (p as f64).powf(1.05);
            cumulative.push(total);
            towns.push(Town { streets });
        }
        Geography { towns, cumulative }
    }

    /// A town drawn with weight `postcodes^1.05`.
    pub(super) fn random_town(&self, rng: &mut impl Rng) -> u32 {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.random::<f64>() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.towns.len() - 1) as u32
    }

    /// A street of `town` with a lean to the first ones.
    pub(super) fn random_street(&self, rng: &mut impl Rng, town: u32) -> u32 {
        let n = self.towns[town as usize].streets.len();
        let u: f64 = rng.random();
        ((n as f64 * u.powf(1.4)) as usize).min(n - 1) as u32
    }

    /// The street.
    pub(super) fn street(&self, town: u32, street: u32) -> &Street {
        &self.towns[town as usize].streets[street as usize]
    }
}

/// A house number with a lean to small ones.
pub(super) fn random_number(rng: &mut impl Rng, len: u32) -> u32 {
    let u: f64 = rng.random();
    1 + ((len as f64 * u.powf(1.25)) as u32).min(len - 1)
}

fn compound(rng: &mut impl Rng) -> String {
    let stem = pick(rng, STEMS);
    let ending = pick(rng, ENDINGS);
    // `Ås` + `åsen` and friends would read oddly; a doubled seam letter is kept as written.
    format!("{stem}{ending}")
}

fn person_street(rng: &mut impl Rng) -> (String, Shape) {
    // The first 16 are men's names, the rest women's; two given names are of one sex.
    let (men, women) = STREET_GIVEN.split_at(16);
    let list = if rng.random_bool(0.7) { men } else { women };
    let mut given = vec![pick(rng, list)];
    if rng.random_bool(0.2) {
        let second = pick(rng, list);
        if second != given[0] {
            given.push(second);
        }
    }
    let surname = pick(rng, STREET_SURNAME);
    let ending = pick(rng, STREET_PERSON_ENDINGS);
    let owner = if !surname.ends_with('s') && rng.random_bool(0.6) {
        format!("{surname}s")
    } else {
        surname.to_owned()
    };
    let rest = format!("{owner} {ending}");
    (
        format!("{} {rest}", given.join(" ")),
        Shape::Person { given, rest },
    )
}
