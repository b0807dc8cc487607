//! Households and the register: everybody, reserved or not, with house, household, sex and
//! birth date; the reserved ones make the register.

use chrono::NaiveDate;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::judge::names_could_be_one;
use super::names::{MELLOMNAVN, MEN, SURNAMES, WOMEN};
use super::places::Places;
use crate::person::PersonRecord;

/// A person, reserved or not.
#[derive(Debug, Clone)]
pub struct Person {
    /// First given name.
    pub first: &'static str,
    /// Second given name, if any.
    pub second: Option<&'static str>,
    /// Middle name (*mellomnavn*), if any; the register keeps it with the given names.
    pub mellomnavn: Option<&'static str>,
    /// Surname.
    pub surname: &'static str,
    /// Male.
    pub male: bool,
    /// Birth date.
    pub birth: NaiveDate,
    /// Town index.
    pub town: usize,
    /// Street index in the town.
    pub street: usize,
    /// House number.
    pub number: u32,
    /// House letter (empty if none).
    pub letter: &'static str,
    /// Household index.
    pub household: usize,
    /// Register index, if reserved.
    pub reserved: Option<usize>,
}

impl Person {
    /// The given names as the register writes them.
    pub fn given_names(&self) -> String {
        let mut s = self.first.to_string();
        for w in [self.second, self.mellomnavn].into_iter().flatten() {
            s.push(' ');
            s.push_str(w);
        }
        s
    }
}

/// Everybody, the households and the register.
#[derive(Debug)]
pub struct Population {
    /// Everybody.
    pub persons: Vec<Person>,
    /// Members of each household.
    pub households: Vec<Vec<usize>>,
    /// Person index of each register row.
    pub register: Vec<usize>,
    /// The geography.
    pub places: Places,
}

fn date(rng: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    let y = rng.random_range(from..=to);
    let m = rng.random_range(1..=12);
    let d = rng.random_range(1..=28);
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

impl Population {
    /// Households until the register holds `reserved` persons.
    pub fn new(seed: u64, reserved: usize) -> Population {
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x17_0017);
        let mut places = Places::new(seed);
        let mut persons: Vec<Person> = Vec::new();
        let mut households = Vec::new();
        let mut register = Vec::new();
        while register.len() < reserved {
            let h = households.len();
            let row = rng.random_range(0..places.rows.len());
            let town = places.rows[row].1;
            let n_streets = places.streets(town).len();
            let street = rng.random_range(0..n_streets);
            let top = 5 + rng.random_range(0..60);
            let number = rng.random_range(1..=top);
            let letter = if rng.random_bool(0.1) {
                ["A", "B", "C"][rng.random_range(0..3)]
            } else {
                ""
            };
            let surname = *SURNAMES.choose(&mut rng).expect("names");
            // (male, birth range, surname) of each member.
            let mut plan: Vec<(bool, i32, i32, &'static str, bool)> = Vec::new();
            let roll = rng.random_range(0..100);
            if roll < 35 {
                plan.push((rng.random_bool(0.5), 1935, 2004, surname, false));
            } else {
                let hers = if rng.random_bool(0.25) {
                    *SURNAMES.choose(&mut rng).expect("names")
                } else {
                    surname
                };
                plan.push((true, 1940, 1990, surname, false));
                plan.push((false, 1940, 1990, hers, false));
                if roll >= 65 {
                    let kids = rng.random_range(1..=3);
                    for _ in 0..kids {
                        // A child may carry the mother's surname as a middle name.
                        plan.push((rng.random_bool(0.5), 1991, 2006, surname, hers != surname));
                    }
                }
            }
            let mut members: Vec<usize> = Vec::new();
            for (male, from, to, sn, mother_middle) in plan {
                let list = if male { MEN } else { WOMEN };
                let mut first = *list.choose(&mut rng).expect("names");
                let mut tries = 0;
                while tries < 50
                    && members
                        .iter()
                        .any(|&m| names_could_be_one(persons[m].first, first))
                {
                    first = *list.choose(&mut rng).expect("names");
                    tries += 1;
                }
                if tries == 50 {
                    continue;
                }
                let second = if rng.random_bool(0.2) {
                    let s = *list.choose(&mut rng).expect("names");
                    (!names_could_be_one(s, first)).then_some(s)
                } else {
                    None
                };
                let mellomnavn = if mother_middle {
                    Some(plan_hers(&persons, &members))
                } else if rng.random_bool(0.1) {
                    Some(*MELLOMNAVN.choose(&mut rng).expect("names"))
                } else {
                    None
                };
                let mellomnavn = mellomnavn.filter(|m| !names_could_be_one(m, sn));
                members.push(persons.len());
                persons.push(Person {
                    first,
                    second,
                    mellomnavn,
                    surname: sn,
                    male,
                    birth: date(&mut rng, from, to),
                    town,
                    street,
                    number,
                    letter,
                    household: h,
                    reserved: None,
                });
            }
            let all = rng.random_bool(0.35);
            for &m in &members {
                if register.len() < reserved && (all || rng.random_bool(0.5)) {
                    persons[m].reserved = Some(register.len());
                    register.push(m);
                }
            }
            households.push(members);
        }
        Population {
            persons,
            households,
            register,
            places,
        }
    }

    /// The register row of person `p`.
    pub fn record(&self, p: usize) -> PersonRecord {
        let person = &self.persons[p];
        let street = &self.places.streets_made(person.town)[person.street];
        PersonRecord {
            given_names: person.given_names(),
            surname: person.surname.to_string(),
            street: street.name.clone(),
            house_number: person.number.to_string(),
            house_letter: person.letter.to_string(),
            postcode: street.postcode.clone(),
            city: self.places.towns[person.town].name.clone(),
            birth_date: Some(person.birth),
            national_id: None,
        }
    }
}

/// The mother's surname in a household being built (its second member).
fn plan_hers(persons: &[Person], members: &[usize]) -> &'static str {
    members
        .get(1)
        .map(|&m| persons[m].surname)
        .unwrap_or(SURNAMES[0])
}
