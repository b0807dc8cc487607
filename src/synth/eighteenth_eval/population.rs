//! Households and the register: everybody, reserved or not, with house, household, sex and
//! birth date.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::judge;
use super::names;
use super::places::{Places, Street};
use crate::person::PersonRecord;

/// A person of the population.
#[derive(Debug, Clone)]
pub struct Person {
    /// Given names (one or two).
    pub given: Vec<String>,
    /// Surname.
    pub surname: String,
    /// Man?
    pub male: bool,
    /// Birth date.
    pub birth: NaiveDate,
    /// Town.
    pub town: usize,
    /// Street index in the town.
    pub street: usize,
    /// House number.
    pub number: u32,
    /// House letter or empty.
    pub letter: String,
    /// Household.
    pub household: usize,
    /// Register index, if reserved.
    pub reg: Option<usize>,
}

/// Everybody, the register and the streets of the towns used.
#[derive(Debug)]
pub struct Population {
    /// The geography.
    pub places: Places,
    /// Streets per town used.
    pub streets: HashMap<usize, Vec<Street>>,
    /// Everybody.
    pub people: Vec<Person>,
    /// Members per household.
    pub households: Vec<Vec<usize>>,
    /// The register.
    pub register: Vec<PersonRecord>,
    /// Person of each register row.
    pub person_of_reg: Vec<usize>,
    /// Register rows by (town, house number).
    pub by_town_number: HashMap<(usize, u32), Vec<usize>>,
    /// Households by (town, street, number).
    pub by_street_number: HashMap<(usize, usize, u32), Vec<usize>>,
}

/// A date in `[from, to]` (years).
pub fn date(rng: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    let y = rng.random_range(from..=to);
    let d = rng.random_range(0..365);
    NaiveDate::from_ymd_opt(y, 1, 1).expect("date") + chrono::Days::new(d)
}

fn draw_given(rng: &mut ChaCha8Rng, male: bool, taken: &[String]) -> Vec<String> {
    let list = if male { names::MEN } else { names::WOMEN };
    for _ in 0..50 {
        let mut g = vec![(*list.choose(rng).expect("list")).to_owned()];
        if rng.random_bool(0.2) {
            let s = (*list.choose(rng).expect("list")).to_owned();
            if !judge::name_word_could(&s, &g[0]) {
                g.push(s);
            }
        }
        if g.iter()
            .all(|w| taken.iter().all(|t| !judge::name_word_could(w, t)))
        {
            return g;
        }
    }
    vec![format!("{}a", list[0])]
}

impl Population {
    /// Households until the register holds `reserved` persons.
    pub fn generate(seed: u64, rng: &mut ChaCha8Rng, reserved: usize) -> Population {
        let places = Places::load();
        let mut pop = Population {
            places,
            streets: HashMap::new(),
            people: Vec::new(),
            households: Vec::new(),
            register: Vec::new(),
            person_of_reg: Vec::new(),
            by_town_number: HashMap::new(),
            by_street_number: HashMap::new(),
        };
        let mut houses: HashSet<(usize, usize, u32, String)> = HashSet::new();
        while pop.register.len() < reserved {
            let town = *pop.places.rows.choose(rng).expect("rows");
            if !pop.streets.contains_key(&town) {
                let s = pop.places.streets(seed, town);
                pop.streets.insert(town, s);
            }
            let n_streets = pop.streets[&town].len();
            let street = rng.random_range(0..n_streets);
            let top = 6 + rng.random_range(0..50);
            let number = rng.random_range(1..=top);
            let letter = if rng.random_bool(0.1) {
                ["A", "B", "C"][rng.random_range(0..3)].to_owned()
            } else {
                String::new()
            };
            if !houses.insert((town, street, number, letter.clone())) {
                continue;
            }
            let hh = pop.households.len();
            let surname = (*names::SURNAMES.choose(rng).expect("list")).to_owned();
            let mut members: Vec<(bool, NaiveDate, String)> = Vec::new();
            let roll = rng.random_range(0..100);
            if roll < 35 {
                members.push((rng.random_bool(0.5), date(rng, 1935, 2004), surname));
            } else {
                let (from, to) = if roll < 65 {
                    (1940, 1990)
                } else {
                    (1950, 1985)
                };
                let y = rng.random_range(from..=to);
                members.push((true, date(rng, y - 2, y + 2), surname.clone()));
                let hers = if rng.random_bool(0.25) {
                    (*names::SURNAMES.choose(rng).expect("list")).to_owned()
                } else {
                    surname.clone()
                };
                members.push((false, date(rng, y - 3, y + 3), hers));
                if roll >= 65 {
                    for _ in 0..rng.random_range(1..=3) {
                        let b = date(rng, (y + 22).min(2004), (y + 40).min(2006));
                        members.push((rng.random_bool(0.5), b, surname.clone()));
                    }
                }
            }
            let all = rng.random_bool(0.35);
            let mut taken: Vec<String> = Vec::new();
            let mut ids = Vec::new();
            for (male, birth, sur) in members {
                let given = draw_given(rng, male, &taken);
                taken.extend(given.iter().cloned());
                let id = pop.people.len();
                let reserve = (all || rng.random_bool(0.5)) && pop.register.len() < reserved;
                let reg = reserve.then_some(pop.register.len());
                let st = &pop.streets[&town][street];
                if let Some(r) = reg {
                    pop.register.push(PersonRecord {
                        given_names: given.join(" "),
                        surname: sur.clone(),
                        street: st.name.clone(),
                        house_number: number.to_string(),
                        house_letter: letter.clone(),
                        postcode: st.postcode.clone(),
                        city: pop.places.towns[town].name.clone(),
                        birth_date: Some(birth),
                        national_id: None,
                    });
                    pop.person_of_reg.push(id);
                    pop.by_town_number
                        .entry((town, number))
                        .or_default()
                        .push(r);
                }
                pop.people.push(Person {
                    given,
                    surname: sur,
                    male,
                    birth,
                    town,
                    street,
                    number,
                    letter: letter.clone(),
                    household: hh,
                    reg,
                });
                ids.push(id);
            }
            pop.by_street_number
                .entry((town, street, number))
                .or_default()
                .push(hh);
            pop.households.push(ids);
        }
        pop
    }

    /// The street of a person.
    pub fn street_of(&self, p: &Person) -> &Street {
        &self.streets[&p.town][p.street]
    }
}
