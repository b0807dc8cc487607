//! Geography: every postcode and post town of `data/postcodes/NO.tsv`, with streets of this
//! module's stems made per town from the seed.

use std::collections::HashMap;

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::names::{ENDINGS, PREFIXES, STEMS, STREET_GIVEN, STREET_SURNAME, STREET_TYPES};

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// Its name.
    pub name: String,
    /// Its postcode.
    pub postcode: String,
    /// Named after a person (`Hans Raanes vei`).
    pub person: bool,
}

/// Postcodes, towns and streets.
pub struct Places {
    seed: u64,
    /// Postcode rows `(postcode, town index)`.
    pub codes: Vec<(String, usize)>,
    /// Town names as `NO.tsv` writes them.
    pub towns: Vec<String>,
    /// Postcodes per town.
    pub town_codes: Vec<Vec<String>>,
    /// Town of a postcode.
    pub town_of_code: HashMap<String, usize>,
    /// Town by name.
    pub town_by_name: HashMap<String, usize>,
    streets: HashMap<usize, Vec<Street>>,
}

impl Places {
    /// Reads `NO.tsv`.
    pub fn new(seed: u64) -> Places {
        let mut p = Places {
            seed,
            codes: Vec::new(),
            towns: Vec::new(),
            town_codes: Vec::new(),
            town_of_code: HashMap::new(),
            town_by_name: HashMap::new(),
            streets: HashMap::new(),
        };
        for line in NO_TSV.lines().skip(1) {
            let (code, town) = line
                .split_once('\t')
                .expect("NO.tsv lines are postcode<TAB>town");
            let t = match p.town_by_name.get(town) {
                Some(&t) => t,
                None => {
                    p.towns.push(town.to_string());
                    p.town_codes.push(Vec::new());
                    p.town_by_name.insert(town.to_string(), p.towns.len() - 1);
                    p.towns.len() - 1
                }
            };
            p.town_codes[t].push(code.to_string());
            p.town_of_code.insert(code.to_string(), t);
            p.codes.push((code.to_string(), t));
        }
        p
    }

    /// The streets of town `t`, made on first use from the seed and the town alone.
    pub fn streets(&mut self, t: usize) -> &[Street] {
        let codes = self.town_codes[t].clone();
        let seed = self.seed;
        self.streets.entry(t).or_insert_with(|| {
            let mut rng = ChaCha8Rng::seed_from_u64(seed ^ (t as u64).wrapping_mul(0x9E37_79B9));
            let n = (4 + codes.len()).min(30);
            let mut out: Vec<Street> = Vec::new();
            while out.len() < n {
                let roll = rng.random_range(0..100);
                let (name, person) = if roll < 25 {
                    let g = STREET_GIVEN.choose(&mut rng).expect("list");
                    let s = STREET_SURNAME.choose(&mut rng).expect("list");
                    let ty = STREET_TYPES.choose(&mut rng).expect("list");
                    (format!("{g} {s} {ty}"), true)
                } else {
                    let stem = STEMS.choose(&mut rng).expect("list");
                    let end = ENDINGS.choose(&mut rng).expect("list");
                    if roll < 45 {
                        let (pre, _) = PREFIXES.choose(&mut rng).expect("list");
                        (format!("{pre} {stem}{end}"), false)
                    } else {
                        (format!("{stem}{end}"), false)
                    }
                };
                // One street of a name per town, and no prefixed twin of a plain street.
                let core = |s: &str| s.split(' ').next_back().unwrap_or("").to_string();
                if out.iter().any(|o| {
                    o.name == name || (!person && !o.person && core(&o.name) == core(&name))
                }) {
                    continue;
                }
                let postcode = codes[out.len() % codes.len()].clone();
                out.push(Street {
                    name,
                    postcode,
                    person,
                });
            }
            out
        })
    }
}
