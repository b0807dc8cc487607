//! Households and the register: everybody, reserved or not, with house and birth date.

use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::Judge;
use super::names::{FEMALE, MALE, OTHER_GIVEN, OTHER_SURNAMES, SURNAMES};
use super::places::{Places, lean};
use crate::person::PersonRecord;

/// A person of the population.
#[derive(Debug, Clone)]
pub struct Person {
    /// The person as a register row.
    pub record: PersonRecord,
    /// Town index.
    pub town: usize,
    /// Street index in the town.
    pub street: usize,
    /// Household index.
    pub household: usize,
    /// Register index, if reserved.
    pub reserved: Option<usize>,
    /// Of an immigrant origin.
    pub other_origin: bool,
}

/// Everybody, the households and the register.
pub struct Population {
    /// Everybody.
    pub persons: Vec<Person>,
    /// Person indices per household.
    pub households: Vec<Vec<usize>>,
    /// The reserved persons.
    pub register: Vec<PersonRecord>,
    /// Population index of each register row.
    pub of_row: Vec<usize>,
}

/// A birth date in `from..=to`.
pub fn birth(rng: &mut ChaCha8Rng, from: i32, to: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        rng.random_range(from..=to.max(from)),
        rng.random_range(1..=12),
        rng.random_range(1..=28),
    )
}

/// A given name (one word, or two in 20 %: spaced 70 %, hyphenated 30 %).
pub fn given(rng: &mut ChaCha8Rng, female: bool, other: bool) -> String {
    if other {
        return OTHER_GIVEN[rng.random_range(0..OTHER_GIVEN.len())].to_owned();
    }
    let list = if female { FEMALE } else { MALE };
    let first = lean(rng, list);
    if rng.random_bool(0.2) {
        let second = lean(rng, list);
        if second != first {
            let sep = if rng.random_bool(0.7) { " " } else { "-" };
            return format!("{first}{sep}{second}");
        }
    }
    first.to_owned()
}

impl Population {
    /// Households until the register holds `reserved` persons.
    pub fn generate(
        places: &Places,
        reserved: usize,
        judge: &Judge,
        rng: &mut ChaCha8Rng,
    ) -> Population {
        let mut pop = Population {
            persons: Vec::new(),
            households: Vec::new(),
            register: Vec::new(),
            of_row: Vec::new(),
        };
        while pop.register.len() < reserved {
            let town = places.draw_town(rng);
            let t = &places.towns[town];
            if t.streets.is_empty() {
                continue;
            }
            let u: f64 = rng.random();
            let street = ((t.streets.len() as f64) * u.powf(1.3)) as usize % t.streets.len();
            let s = &t.streets[street];
            let number = 1 + (f64::from(s.max_number) * rng.random::<f64>().powf(1.5)) as u32;
            let letter = if rng.random_bool(0.12) {
                ["A", "B", "B", "C"][rng.random_range(0..4)]
            } else {
                ""
            };
            let other = rng.random_bool(0.1);
            let surname = |rng: &mut ChaCha8Rng| {
                if other {
                    OTHER_SURNAMES[rng.random_range(0..OTHER_SURNAMES.len())].to_owned()
                } else {
                    lean(rng, SURNAMES).to_owned()
                }
            };
            let family = surname(rng);
            let kind: f64 = rng.random();
            // (female, surname, birth range)
            let mut members: Vec<(bool, String, i32, i32)> = Vec::new();
            if kind < 0.35 {
                members.push((rng.random_bool(0.5), family.clone(), 1930, 2006));
            } else if kind < 0.62 {
                let y = rng.random_range(1936..=2004);
                members.push((false, family.clone(), y - 2, y + 2));
                let s2 = if rng.random_bool(0.25) {
                    surname(rng)
                } else {
                    family.clone()
                };
                members.push((true, s2, y - 2, y + 2));
            } else if kind < 0.85 {
                let y = rng.random_range(1943..=1975);
                members.push((false, family.clone(), y - 2, y + 2));
                members.push((true, family.clone(), y - 2, y + 2));
                for _ in 0..rng.random_range(1..=2) {
                    members.push((
                        rng.random_bool(0.5),
                        family.clone(),
                        y + 25,
                        (y + 38).min(2006),
                    ));
                }
            } else {
                let y = rng.random_range(1940..=1998);
                for _ in 0..rng.random_range(2..=3) {
                    members.push((rng.random_bool(0.5), family.clone(), y, y + 8));
                }
            }
            let reserve: f64 = rng.random();
            let h = pop.households.len();
            let mut ids = Vec::new();
            let mut names: Vec<String> = Vec::new();
            for (female, sur, from, to) in members {
                let mut g = String::new();
                for _ in 0..40 {
                    let c = given(rng, female, other);
                    if !names.iter().any(|n| judge.given_clash(n, &c)) {
                        g = c;
                        break;
                    }
                }
                if g.is_empty() {
                    continue;
                }
                names.push(g.clone());
                let record = PersonRecord {
                    given_names: g,
                    surname: sur,
                    street: s.name.clone(),
                    house_number: number.to_string(),
                    house_letter: letter.to_owned(),
                    postcode: s.postcode.clone(),
                    city: t.upper.clone(),
                    birth_date: birth(rng, from, to),
                    national_id: None,
                };
                let is_reserved = reserve < 0.35 || (reserve < 0.8 && rng.random_bool(0.5));
                let id = pop.persons.len();
                let reserved = is_reserved.then(|| {
                    pop.register.push(record.clone());
                    pop.of_row.push(id);
                    pop.register.len() - 1
                });
                pop.persons.push(Person {
                    record,
                    town,
                    street,
                    household: h,
                    reserved,
                    other_origin: other,
                });
                ids.push(id);
            }
            pop.households.push(ids);
        }
        pop
    }
}
