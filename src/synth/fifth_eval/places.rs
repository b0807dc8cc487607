//! Geography: every postcode and post town of the bundled register `data/postcodes/NO.tsv`
//! (compiled in with `include_str!`, so the set needs no file at run time), with streets
//! invented per post town. A street has a home postcode of its town; one in five streets of a
//! town with several postcodes is long and its numbers from a cut on lie in the next postcode.

use std::collections::HashMap;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::names;

/// The bundled postcode register: `postcode<TAB>town` with a header line.
const POSTCODES: &str = include_str!("../../../data/postcodes/NO.tsv");

/// One street of a town.
pub(crate) struct Street {
    /// Its full name (`Bjørkeveien`, `Hans Raanes vei`, `Øvre Svaneveien`).
    pub name: String,
    /// Index of its home postcode in the town's postcodes.
    pub postcode: usize,
    /// From this number on, the street lies in the town's postcode of this index.
    pub split: Option<(u32, usize)>,
    /// Its highest house number.
    pub length: u32,
}

/// A post town with its postcodes and streets.
pub(crate) struct Town {
    /// As the register writes it (capitals: `OSLO`, `MO I RANA`).
    pub name: String,
    /// Its postcodes, sorted.
    pub postcodes: Vec<String>,
    /// Its invented streets.
    pub streets: Vec<Street>,
}

/// A house: town, street, number and letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct House {
    pub town: u32,
    pub street: u32,
    pub number: u32,
    pub letter: Option<char>,
}

/// Every town and a weighted draw over them.
pub(crate) struct Places {
    pub towns: Vec<Town>,
    cumulative: Vec<f64>,
    /// Postcode → town index.
    pub town_of_postcode: HashMap<String, usize>,
}

impl Places {
    /// Loads the postcode register and invents every town's streets.
    pub fn new(rng: &mut ChaCha8Rng) -> Places {
        let mut towns: Vec<Town> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for line in POSTCODES.lines().skip(1) {
            let mut cols = line.split('\t');
            let (Some(code), Some(town)) = (cols.next(), cols.next()) else {
                continue;
            };
            let (code, town) = (code.trim(), town.trim());
            if code.len() != 4 || town.is_empty() {
                continue;
            }
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
        let mut town_of_postcode = HashMap::new();
        for (t, town) in towns.iter_mut().enumerate() {
            town.postcodes.sort();
            for code in &town.postcodes {
                town_of_postcode.insert(code.clone(), t);
            }
            town.streets = invent_streets(rng, town.postcodes.len());
        }
        let mut cumulative = Vec::with_capacity(towns.len());
        let mut sum = 0.0;
        for town in &towns {
            // Cities are denser than villages: weight postcodes^1.35.
            sum += (town.postcodes.len() as f64).powf(1.35);
            cumulative.push(sum);
        }
        Places {
            towns,
            cumulative,
            town_of_postcode,
        }
    }

    /// A town drawn by weight.
    pub fn draw_town(&self, rng: &mut ChaCha8Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.random_range(0.0..total.max(f64::MIN_POSITIVE));
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.towns.len().saturating_sub(1))
    }

    /// A new house in `town`: a busy street more often, small numbers more often, a letter in
    /// one house of ten.
    pub fn draw_house(&self, rng: &mut ChaCha8Rng, town: usize) -> House {
        let streets = &self.towns[town].streets;
        let street = skewed(rng, streets.len(), 1.7);
        let length = streets[street].length;
        let number = 1 + skewed(rng, length as usize, 1.4) as u32;
        let letter = rng
            .random_bool(0.10)
            .then(|| ['A', 'A', 'A', 'B', 'B', 'C', 'D'][rng.random_range(0..7)]);
        House {
            town: town as u32,
            street: street as u32,
            number,
            letter,
        }
    }

    /// The street of a house.
    pub fn street(&self, house: &House) -> &Street {
        &self.towns[house.town as usize].streets[house.street as usize]
    }

    /// The postcode of a house.
    pub fn postcode(&self, house: &House) -> &str {
        let town = &self.towns[house.town as usize];
        let street = &town.streets[house.street as usize];
        let i = match street.split {
            Some((cut, other)) if house.number >= cut => other,
            _ => street.postcode,
        };
        &town.postcodes[i]
    }

    /// The town name of a house.
    pub fn town_name(&self, house: &House) -> &str {
        &self.towns[house.town as usize].name
    }
}

/// An index in `0..len` skewed to the head (`u^power`).
pub(crate) fn skewed(rng: &mut ChaCha8Rng, len: usize, power: f64) -> usize {
    let u: f64 = rng.random_range(0.0..1.0);
    ((u.powf(power) * len as f64) as usize).min(len.saturating_sub(1))
}

/// A town's streets: `4 + 4·postcodes` (at most 2 400), unique by name.
fn invent_streets(rng: &mut ChaCha8Rng, postcodes: usize) -> Vec<Street> {
    let want = (4 + 4 * postcodes).min(2_400);
    let mut seen = std::collections::HashSet::new();
    let mut names: Vec<String> = Vec::with_capacity(want);
    let mut tries = 0;
    while names.len() < want && tries < want * 20 {
        tries += 1;
        let r: f64 = rng.random_range(0.0..1.0);
        let compound = |rng: &mut ChaCha8Rng| {
            format!(
                "{}{}",
                names::STREET_STEMS[rng.random_range(0..names::STREET_STEMS.len())],
                names::STREET_ENDINGS[skewed(rng, names::STREET_ENDINGS.len(), 1.5)]
            )
        };
        let mut new: Vec<String> = Vec::new();
        if r < 0.62 {
            new.push(compound(rng));
        } else if r < 0.82 {
            let given =
                names::STREET_PERSON_GIVEN[rng.random_range(0..names::STREET_PERSON_GIVEN.len())];
            let surname = names::STREET_PERSON_SURNAMES
                [rng.random_range(0..names::STREET_PERSON_SURNAMES.len())];
            let ending =
                names::STREET_PERSON_ENDINGS[skewed(rng, names::STREET_PERSON_ENDINGS.len(), 1.4)];
            let genitive = if surname.ends_with('s') { "" } else { "s" };
            new.push(format!("{given} {surname}{genitive} {ending}"));
        } else {
            let (first, second) =
                names::PREFIX_PARTNERS[rng.random_range(0..names::PREFIX_PARTNERS.len())];
            let base = compound(rng);
            if rng.random_bool(0.5) {
                new.push(format!("{first} {base}"));
                if rng.random_bool(0.45) {
                    new.push(format!("{second} {base}"));
                }
            } else {
                new.push(format!("{second} {base}"));
            }
        }
        for name in new {
            if seen.insert(super::judge::fold(&name)) {
                names.push(name);
            }
        }
    }
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let length = rng.random_range(10..=120);
            let postcode = if i < postcodes {
                i
            } else {
                rng.random_range(0..postcodes)
            };
            let split = (postcodes > 1 && length > 30 && rng.random_bool(0.2)).then(|| {
                (
                    rng.random_range(length / 3..=length * 2 / 3),
                    (postcode + 1) % postcodes,
                )
            });
            Street {
                name,
                postcode,
                split,
                length,
            }
        })
        .collect()
}
