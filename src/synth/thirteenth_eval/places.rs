//! Geography: every post town of `data/postcodes/NO.tsv` with its postcodes and invented
//! streets.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::street_name;
use super::names::{ENDINGS, PREFIXES, STEMS, STREET_GIVEN, STREET_SURNAMES, STREET_TYPES};

const TABLE: &str = include_str!("../../../data/postcodes/NO.tsv");

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// Its name.
    pub name: String,
    /// Its postcode.
    pub postcode: String,
    /// Its highest house number.
    pub max_number: u32,
}

/// A post town.
#[derive(Debug, Clone)]
pub struct Town {
    /// Title-case name (`Mo I Rana`).
    pub name: String,
    /// The table's name (capitals).
    pub upper: String,
    /// Its postcodes.
    pub postcodes: Vec<String>,
    /// Its streets.
    pub streets: Vec<Street>,
}

/// Every town, and cumulative weights to draw them by.
pub struct Places {
    /// The towns.
    pub towns: Vec<Town>,
    cumulative: Vec<u64>,
}

fn title(s: &str) -> String {
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

/// A draw leaning to a list's head.
pub fn lean<'a>(rng: &mut ChaCha8Rng, xs: &[&'a str]) -> &'a str {
    let u: f64 = rng.random();
    xs[((xs.len() as f64) * u.powf(1.4)) as usize % xs.len()]
}

fn street_name_draw(rng: &mut ChaCha8Rng) -> String {
    let u: f64 = rng.random();
    if u < 0.25 {
        format!(
            "{} {} {}",
            lean(rng, STREET_GIVEN),
            lean(rng, STREET_SURNAMES),
            lean(rng, STREET_TYPES)
        )
    } else {
        let body = format!("{}{}", lean(rng, STEMS), lean(rng, ENDINGS));
        if u < 0.45 {
            let p = PREFIXES[rng.random_range(0..PREFIXES.len())].0;
            format!("{p} {}", body.to_lowercase())
        } else {
            body
        }
    }
}

impl Places {
    /// Loads the bundled table and invents streets.
    pub fn load(rng: &mut ChaCha8Rng) -> Places {
        let mut towns: Vec<Town> = Vec::new();
        for line in TABLE.lines().skip(1) {
            let (code, town) = line
                .split_once('\t')
                .expect("data/postcodes/NO.tsv: postcode<TAB>town lines");
            match towns.iter_mut().rev().find(|t| t.upper == town) {
                Some(t) => t.postcodes.push(code.to_owned()),
                None => towns.push(Town {
                    name: title(town),
                    upper: town.to_owned(),
                    postcodes: vec![code.to_owned()],
                    streets: Vec::new(),
                }),
            }
        }
        towns.sort_by(|a, b| a.upper.cmp(&b.upper));
        let mut cumulative = Vec::with_capacity(towns.len());
        let mut sum = 0;
        for t in &mut towns {
            let p = t.postcodes.len();
            let n = (2 + p + p / 2).min(60);
            let mut keys: Vec<super::judge::Street> = Vec::new();
            let mut tries = 0;
            while t.streets.len() < n && tries < n * 20 {
                tries += 1;
                let name = street_name_draw(rng);
                let key = street_name(&name);
                // One key per town (any prefix): no two streets a reader could confuse.
                let loose = key.clone();
                if keys.iter().any(|k| k.could_be(&loose)) {
                    continue;
                }
                keys.push(key);
                let i = t.streets.len();
                let postcode = if i < p {
                    t.postcodes[i].clone()
                } else {
                    t.postcodes[rng.random_range(0..p)].clone()
                };
                let u: f64 = rng.random();
                t.streets.push(Street {
                    name,
                    postcode,
                    max_number: 4 + (90.0 * u * u) as u32,
                });
            }
            sum += (p as u64).pow(2).clamp(1, 400) + 2;
            cumulative.push(sum);
        }
        Places { towns, cumulative }
    }

    /// A town drawn by weight.
    pub fn draw_town(&self, rng: &mut ChaCha8Rng) -> usize {
        let total = *self.cumulative.last().unwrap_or(&1);
        let x = rng.random_range(0..total);
        self.cumulative.partition_point(|&c| c <= x)
    }
}
