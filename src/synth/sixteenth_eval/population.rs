//! Households and the register: everybody, reserved or not, at a house.

use chrono::NaiveDate;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::judge::fold;
use super::names::{MEN, SURNAMES, WOMEN};
use super::places::Places;
use crate::person::PersonRecord;

/// A person of the population.
#[derive(Debug, Clone)]
pub struct Person {
    /// The person as the register writes them.
    pub record: PersonRecord,
    /// Household index.
    pub household: usize,
    /// Town index.
    pub town: usize,
    /// Index into the register, if reserved.
    pub reserved: Option<usize>,
    /// Man.
    pub male: bool,
}

/// Everybody, and the register of the reserved.
pub struct Population {
    /// Everybody.
    pub people: Vec<Person>,
    /// Members of each household (indices into `people`).
    pub households: Vec<Vec<usize>>,
    /// The register: indices into `people`.
    pub register: Vec<usize>,
}

fn birth(rng: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    let y = rng.random_range(from..=to);
    NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(1..=28))
        .expect("valid date")
}

impl Population {
    /// Households until `reserved` persons are reserved.
    pub fn new(seed: u64, reserved: usize, places: &mut Places) -> Population {
        let mut rng = ChaCha8Rng::seed_from_u64(seed.wrapping_add(16));
        let mut pop = Population {
            people: Vec::new(),
            households: Vec::new(),
            register: Vec::new(),
        };
        while pop.register.len() < reserved {
            let (_, town) = places
                .codes
                .choose(&mut rng)
                .expect("NO.tsv has rows")
                .clone();
            let streets = places.streets(town);
            let street = streets
                .choose(&mut rng)
                .expect("a town has streets")
                .clone();
            let top = 5 + rng.random_range(0..60);
            let number = rng.random_range(1..=top).to_string();
            let letter = if rng.random_bool(0.1) {
                ["A", "B", "C"].choose(&mut rng).expect("list").to_string()
            } else {
                String::new()
            };
            let city = places.towns[town].clone();
            let surname = SURNAMES.choose(&mut rng).expect("list").to_string();
            let shape = rng.random_range(0..100);
            // (male, born from, born to, own surname)
            let mut members: Vec<(bool, i32, i32, bool)> = Vec::new();
            if shape < 35 {
                members.push((rng.random_bool(0.5), 1935, 2004, false));
            } else {
                members.push((true, 1940, 1990, false));
                members.push((false, 1940, 1990, rng.random_bool(0.25)));
                if shape >= 65 {
                    for _ in 0..rng.random_range(1..=2) {
                        members.push((rng.random_bool(0.5), 1991, 2006, false));
                    }
                }
            }
            let h = pop.households.len();
            let mut ids = Vec::new();
            let mut folded: Vec<String> = Vec::new();
            let all = rng.random_bool(0.35);
            for (male, from, to, own) in members {
                let given = loop {
                    let g = if male { MEN } else { WOMEN }
                        .choose(&mut rng)
                        .expect("list")
                        .to_string();
                    let f = fold(&g);
                    if !folded
                        .iter()
                        .any(|o| *o == f || super::judge::one_edit(o, &f))
                    {
                        folded.push(f);
                        break g;
                    }
                };
                let sn = if own {
                    SURNAMES.choose(&mut rng).expect("list").to_string()
                } else {
                    surname.clone()
                };
                let record = PersonRecord {
                    given_names: given,
                    surname: sn,
                    street: street.name.clone(),
                    house_number: number.clone(),
                    house_letter: letter.clone(),
                    postcode: street.postcode.clone(),
                    city: city.clone(),
                    birth_date: Some(birth(&mut rng, from, to)),
                    national_id: None,
                };
                let i = pop.people.len();
                let res = (all || rng.random_bool(0.5)) && pop.register.len() < reserved;
                let reserved_at = if res {
                    pop.register.push(i);
                    Some(pop.register.len() - 1)
                } else {
                    None
                };
                pop.people.push(Person {
                    record,
                    household: h,
                    town,
                    reserved: reserved_at,
                    male,
                });
                ids.push(i);
            }
            pop.households.push(ids);
        }
        pop
    }
}
