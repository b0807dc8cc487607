//! Geography and households: every post town of `data/postcodes/NO.tsv`, streets of Norse
//! mythology and the sagas founded lazily per town, households of singles, couples and
//! families, and who of them is reserved.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::names::{
    ENDINGS, GODS, MEN, MEN_FAMILIES, MEN_PEN_PAIRS, PERSON_TYPES, PREFIXES, SAGA_PERSONS, STEMS,
    WOMEN, WOMEN_FAMILIES, WOMEN_PEN_PAIRS, all_surnames, family_of, pen_partner,
};
use crate::person::PersonRecord;

const NO_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// The rows of `NO.tsv`: (postcode, post town), in the file's order (sorted by postcode).
pub fn postcode_rows() -> Vec<(&'static str, &'static str)> {
    NO_TSV
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (code, town) = l
                .split_once('\t')
                .expect("data/postcodes/NO.tsv: every row is postcode<TAB>town");
            (code.trim(), town.trim())
        })
        .collect()
}

/// A street of a town.
#[derive(Debug, Clone)]
pub struct Street {
    /// The full name (`Øvre Emblaveien`, `Snorre Sturlasons gate`).
    pub name: String,
    /// The first word abbreviated by hand (`Ø.`, `S.`), where it is a prefix or a given name.
    pub short_first: Option<String>,
    /// The town (index into [`World::towns`]).
    pub town: usize,
    /// The postcode row of the street.
    pub row: usize,
}

/// A household at one house.
#[derive(Debug, Clone)]
pub struct Household {
    /// The street (index into [`World::streets`]).
    pub street: usize,
    /// House number.
    pub number: u32,
    /// House letter.
    pub letter: Option<char>,
    /// The members (indices into [`World::persons`]).
    pub members: Vec<usize>,
}

/// A person.
#[derive(Debug, Clone)]
pub struct Person {
    /// Given names (one or two).
    pub given: Vec<&'static str>,
    /// Surname.
    pub surname: &'static str,
    /// Sex (for names).
    pub male: bool,
    /// Birth date.
    pub birth: NaiveDate,
    /// The household (index into [`World::households`]).
    pub household: usize,
}

/// The generated world.
#[derive(Debug, Clone)]
pub struct World {
    /// `NO.tsv` rows: (postcode, town index).
    pub rows: Vec<(&'static str, usize)>,
    /// Post towns as `NO.tsv` writes them.
    pub towns: Vec<&'static str>,
    /// The rows of each town, in postcode order.
    pub town_rows: Vec<Vec<usize>>,
    /// Streets.
    pub streets: Vec<Street>,
    /// The streets of each town.
    pub town_streets: Vec<Vec<usize>>,
    /// Households.
    pub households: Vec<Household>,
    /// Persons.
    pub persons: Vec<Person>,
    /// Whether each person is reserved.
    pub reserved: Vec<bool>,
    /// The register: reserved persons in register order.
    pub register: Vec<usize>,
}

/// A random date in `year`.
pub fn date_in(rng: &mut ChaCha8Rng, year: i32) -> NaiveDate {
    let m = rng.random_range(1..=12);
    let d = rng.random_range(1..=28);
    NaiveDate::from_ymd_opt(year, m, d).unwrap_or(NaiveDate::MIN)
}

/// Whether two given names are one name to a clerk (equal, one spelling family, or a
/// pen-stroke pair, which households avoid so the pair look-alike stays clean).
pub fn one_name(a: &str, b: &str) -> bool {
    a == b
        || matches!((family_of(a), family_of(b)), (Some(x), Some(y)) if x == y)
        || pen_partner(a) == Some(b)
}

fn first_given(rng: &mut ChaCha8Rng, male: bool) -> &'static str {
    let (plain, families, pairs) = if male {
        (MEN, MEN_FAMILIES, MEN_PEN_PAIRS)
    } else {
        (WOMEN, WOMEN_FAMILIES, WOMEN_PEN_PAIRS)
    };
    let x: f64 = rng.random();
    if x < 0.55 {
        plain.choose(rng).copied().unwrap_or("Per")
    } else if x < 0.85 {
        families
            .choose(rng)
            .and_then(|f| f.choose(rng))
            .copied()
            .unwrap_or("Per")
    } else {
        let (a, b) = pairs.choose(rng).copied().unwrap_or(("Jan", "Jon"));
        if rng.random_bool(0.5) { a } else { b }
    }
}

fn given_names(rng: &mut ChaCha8Rng, male: bool, taken: &[&'static str]) -> Vec<&'static str> {
    let plain = if male { MEN } else { WOMEN };
    let mut out = Vec::new();
    for _ in 0..60 {
        out.clear();
        out.push(first_given(rng, male));
        if rng.random_bool(0.22) {
            let second = plain.choose(rng).copied().unwrap_or("Marie");
            if !one_name(second, out[0]) {
                out.push(second);
            }
        }
        if !out.iter().any(|g| taken.iter().any(|t| one_name(g, t))) {
            break;
        }
    }
    out
}

impl World {
    /// Builds a world whose register holds exactly `reserved_persons` persons.
    pub fn build(rng: &mut ChaCha8Rng, reserved_persons: usize) -> World {
        let raw = postcode_rows();
        let mut towns: Vec<&'static str> = Vec::new();
        let mut town_index: HashMap<&'static str, usize> = HashMap::new();
        let mut rows = Vec::with_capacity(raw.len());
        let mut town_rows: Vec<Vec<usize>> = Vec::new();
        for (i, &(code, town)) in raw.iter().enumerate() {
            let t = *town_index.entry(town).or_insert_with(|| {
                towns.push(town);
                town_rows.push(Vec::new());
                towns.len() - 1
            });
            town_rows[t].push(i);
            rows.push((code, t));
        }
        let mut w = World {
            rows,
            town_streets: vec![Vec::new(); towns.len()],
            towns,
            town_rows,
            streets: Vec::new(),
            households: Vec::new(),
            persons: Vec::new(),
            reserved: Vec::new(),
            register: Vec::new(),
        };
        let mut houses: HashSet<(usize, u32, Option<char>)> = HashSet::new();
        let mut lettered: HashMap<(usize, u32), bool> = HashMap::new();
        let mut street_names: HashSet<(usize, String)> = HashSet::new();
        let surnames: Vec<&'static str> = all_surnames().collect();

        while w.register.len() < reserved_persons {
            let row = rng.random_range(0..w.rows.len());
            let town = w.rows[row].1;
            let cap = (6 + 2 * w.town_rows[town].len()).min(240);
            let s = w.town_streets[town].len();
            let street = if s == 0 || rng.random_bool(1.0 - s as f64 / cap as f64) {
                match w.found_street(rng, town, row, &mut street_names) {
                    Some(st) => st,
                    None => continue,
                }
            } else {
                w.town_streets[town][rng.random_range(0..s)]
            };
            let mut house = None;
            for _ in 0..50 {
                let number = rng.random_range(1..=150u32);
                let letter = if rng.random_bool(0.15) {
                    Some((b'A' + rng.random_range(0..4u8)) as char)
                } else {
                    None
                };
                let ok_mix = lettered
                    .get(&(street, number))
                    .is_none_or(|&l| l == letter.is_some());
                if ok_mix && !houses.contains(&(street, number, letter)) {
                    house = Some((number, letter));
                    break;
                }
            }
            let Some((number, letter)) = house else {
                continue;
            };
            houses.insert((street, number, letter));
            lettered.insert((street, number), letter.is_some());
            let h = w.households.len();
            w.households.push(Household {
                street,
                number,
                letter,
                members: Vec::new(),
            });
            let surname = surnames.choose(rng).copied().unwrap_or("Hansen");
            let x: f64 = rng.random();
            let mut members: Vec<(bool, i32, &'static str)> = Vec::new();
            if x < 0.34 {
                members.push((rng.random_bool(0.5), rng.random_range(1933..=2006), surname));
            } else {
                let base = if x < 0.62 {
                    rng.random_range(1938..=1996)
                } else {
                    rng.random_range(1945..=1982)
                };
                members.push((true, base + rng.random_range(-2..=2), surname));
                let hers = if rng.random_bool(0.3) {
                    surnames.choose(rng).copied().unwrap_or(surname)
                } else {
                    surname
                };
                members.push((false, base + rng.random_range(-3..=3), hers));
                if x >= 0.62 {
                    for _ in 0..rng.random_range(1..=3) {
                        let y = (base + rng.random_range(22..=40)).min(2008);
                        members.push((rng.random_bool(0.5), y, surname));
                    }
                }
            }
            let whole = rng.random_bool(0.35);
            let mut taken: Vec<&'static str> = Vec::new();
            for (male, year, sn) in members {
                let given = given_names(rng, male, &taken);
                taken.extend(given.iter().copied());
                let birth = date_in(rng, year);
                let p = w.persons.len();
                w.persons.push(Person {
                    given,
                    surname: sn,
                    male,
                    birth,
                    household: h,
                });
                w.households[h].members.push(p);
                let reserved =
                    w.register.len() < reserved_persons && (whole || rng.random_bool(0.45));
                w.reserved.push(reserved);
                if reserved {
                    w.register.push(p);
                }
            }
        }
        w.register.shuffle(rng);
        w
    }

    fn found_street(
        &mut self,
        rng: &mut ChaCha8Rng,
        town: usize,
        row: usize,
        names: &mut HashSet<(usize, String)>,
    ) -> Option<usize> {
        for _ in 0..30 {
            let x: f64 = rng.random();
            let (name, short_first) = if x < 0.25 {
                let typ = PERSON_TYPES.choose(rng).copied().unwrap_or("vei");
                if rng.random_bool(0.4) {
                    let god = GODS.choose(rng).copied().unwrap_or("Odin");
                    (format!("{} {typ}", genitive(god)), None)
                } else {
                    let (given, by) = SAGA_PERSONS
                        .choose(rng)
                        .copied()
                        .unwrap_or(("Snorre", "Sturlason"));
                    let initial: String = given.chars().take(1).collect();
                    (
                        format!("{given} {} {typ}", genitive(by)),
                        Some(format!("{initial}.")),
                    )
                }
            } else {
                let stem = STEMS.choose(rng).copied().unwrap_or("Ask");
                let ending = ENDINGS.choose(rng).copied().unwrap_or("veien");
                let compound = format!("{stem}{ending}");
                if x < 0.52 {
                    let (prefix, short) = PREFIXES.choose(rng).copied().unwrap_or(("Øvre", "Ø."));
                    (format!("{prefix} {compound}"), Some(short.to_string()))
                } else {
                    (compound, None)
                }
            };
            if names.insert((town, name.clone())) {
                let s = self.streets.len();
                self.streets.push(Street {
                    name,
                    short_first,
                    town,
                    row,
                });
                self.town_streets[town].push(s);
                return Some(s);
            }
        }
        None
    }

    /// The register record of person `p`.
    pub fn record(&self, p: usize) -> PersonRecord {
        let person = &self.persons[p];
        let h = &self.households[person.household];
        let street = &self.streets[h.street];
        let (code, town) = self.rows[street.row];
        PersonRecord {
            given_names: person.given.join(" "),
            surname: person.surname.to_string(),
            street: street.name.clone(),
            house_number: h.number.to_string(),
            house_letter: h.letter.map(String::from).unwrap_or_default(),
            postcode: code.to_string(),
            city: self.towns[town].to_string(),
            birth_date: Some(person.birth),
            national_id: None,
        }
    }
}

/// The genitive of a name as a street writes it (`Odins`, `Tyrs`, `Magnus'`).
pub fn genitive(name: &str) -> String {
    if name.ends_with('s') || name.ends_with('x') || name.ends_with('z') {
        format!("{name}'")
    } else {
        format!("{name}s")
    }
}
