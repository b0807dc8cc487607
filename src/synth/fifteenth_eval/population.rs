//! Households and the register of the fifteenth set: everybody, reserved or not, with house,
//! household and birth date; the register is the reserved ones.

use chrono::NaiveDate;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::judge::fold_word;
use super::names::{MEN, SURNAMES, WOMEN};
use super::places::Places;
use crate::person::PersonRecord;

/// A person of the population.
#[derive(Debug, Clone)]
pub struct Person {
    /// The person as the register would hold them.
    pub record: PersonRecord,
    /// Household index.
    pub household: usize,
    /// Town index.
    pub town: usize,
    /// Whether a man.
    pub man: bool,
    /// Register index, if reserved.
    pub reserved: Option<usize>,
}

/// Everybody, and the register.
#[derive(Debug)]
pub struct Population {
    /// Everybody.
    pub people: Vec<Person>,
    /// Members (population indices) of each household.
    pub households: Vec<Vec<usize>>,
    /// Population index of each register row.
    pub register_people: Vec<usize>,
    /// The register.
    pub register: Vec<PersonRecord>,
}

fn birth(rng: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    let y = rng.random_range(from..=to);
    NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(1..=28))
        .expect("day 1..=28 exists in every month")
}

fn given(rng: &mut ChaCha8Rng, man: bool, taken: &[String]) -> String {
    let list = if man { MEN } else { WOMEN };
    for _ in 0..50 {
        let g = *list.choose(rng).expect("list");
        let clash = taken.iter().any(|t| {
            let a = fold_word(g);
            t.split(' ').any(|w| {
                let b = fold_word(w);
                a == b || super::judge::one_edit(&a, &b)
            })
        });
        if !clash {
            if rng.random_bool(0.12) {
                let second = *list.choose(rng).expect("list");
                if second != g {
                    return format!("{g} {second}");
                }
            }
            return g.to_owned();
        }
    }
    list[0].to_owned()
}

impl Population {
    /// Households until `reserved` persons are reserved.
    pub fn new(seed: u64, reserved: usize, places: &mut Places) -> Population {
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x15_15);
        let mut pop = Population {
            people: Vec::new(),
            households: Vec::new(),
            register_people: Vec::new(),
            register: Vec::new(),
        };
        while pop.register.len() < reserved {
            let t = places.draw_town(&mut rng);
            let streets = places.streets(t);
            if streets.is_empty() {
                continue;
            }
            let st = streets.choose(&mut rng).expect("non-empty").clone();
            let number = rng.random_range(1..=st.top).to_string();
            let letter = if rng.random_bool(0.1) {
                ["A", "B", "B", "C"]
                    .choose(&mut rng)
                    .expect("list")
                    .to_string()
            } else {
                String::new()
            };
            let h = pop.households.len();
            let surname = SURNAMES.choose(&mut rng).expect("list").to_string();
            let shape: f64 = rng.random();
            let mut members: Vec<(bool, String, NaiveDate)> = Vec::new();
            let mut taken: Vec<String> = Vec::new();
            let mut add = |rng: &mut ChaCha8Rng, man: bool, sur: String, from, to| {
                let g = given(rng, man, &taken);
                taken.push(g.clone());
                members.push((man, format!("{g}\u{0}{sur}"), birth(rng, from, to)));
            };
            if shape < 0.35 {
                let man = rng.random_bool(0.5);
                add(&mut rng, man, surname.clone(), 1935, 2005);
            } else if shape < 0.85 {
                add(&mut rng, true, surname.clone(), 1940, 1995);
                let other = if rng.random_bool(0.25) {
                    SURNAMES.choose(&mut rng).expect("list").to_string()
                } else {
                    surname.clone()
                };
                add(&mut rng, false, other, 1940, 1995);
                if shape >= 0.65 {
                    for _ in 0..rng.random_range(1..=2) {
                        let man = rng.random_bool(0.5);
                        add(&mut rng, man, surname.clone(), 1996, 2007);
                    }
                }
            } else {
                for _ in 0..rng.random_range(2..=3) {
                    let man = rng.random_bool(0.5);
                    add(&mut rng, man, surname.clone(), 1950, 2005);
                }
            }
            let mode: f64 = rng.random();
            let mut ids = Vec::new();
            for (man, name, born) in members {
                let (g, s) = name.split_once('\u{0}').expect("joined above");
                let record = PersonRecord {
                    given_names: g.to_owned(),
                    surname: s.to_owned(),
                    street: st.name.clone(),
                    house_number: number.clone(),
                    house_letter: letter.clone(),
                    postcode: st.postcode.clone(),
                    city: places.towns[t].name.clone(),
                    birth_date: Some(born),
                    national_id: None,
                };
                let is_reserved = pop.register.len() < reserved
                    && (mode < 0.35 || (mode < 0.8 && rng.random_bool(0.5)));
                let p = pop.people.len();
                let reserved_at = is_reserved.then(|| {
                    pop.register.push(record.clone());
                    pop.register_people.push(p);
                    pop.register.len() - 1
                });
                pop.people.push(Person {
                    record,
                    household: h,
                    town: t,
                    man,
                    reserved: reserved_at,
                });
                ids.push(p);
            }
            pop.households.push(ids);
        }
        pop
    }
}
