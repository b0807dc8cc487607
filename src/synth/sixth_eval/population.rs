//! The sixth set's population: persons in households at invented houses, and the register of
//! the reserved ones. Households are singles, couples, families with children, adult siblings
//! and two generations of adults; some households share a house with another (a block of
//! flats) or live at another letter of a lettered house. Married women may carry a maiden
//! name the register does not show.

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge;
use super::names;
use super::places::{Places, skewed};
use crate::person::PersonRecord;

/// A house: town, street of the town, number and letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct House {
    /// Index into [`Places::towns`].
    pub town: usize,
    /// Index into the town's streets.
    pub street: usize,
    /// House number.
    pub number: u32,
    /// House letter.
    pub letter: Option<char>,
}

/// A person of the population, reserved or not.
#[derive(Debug, Clone)]
pub struct Person {
    /// Given names as the register writes them.
    pub given: String,
    /// Surname as the register writes it.
    pub surname: String,
    /// A married woman's surname before marriage (not in the register).
    pub maiden: Option<String>,
    /// Man or woman.
    pub male: bool,
    /// Birth date.
    pub birth: NaiveDate,
    /// Where the person lives.
    pub house: House,
    /// Index of the household.
    pub household: usize,
    /// The register row, if reserved.
    pub row: Option<usize>,
    /// Of an immigrant family (draws immigrant names).
    pub immigrant: bool,
}

/// The whole population and the register of its reserved persons.
#[derive(Debug, Clone)]
pub struct Population {
    /// Towns and streets.
    pub places: Places,
    /// Everybody.
    pub persons: Vec<Person>,
    /// Members (person indices) of each household.
    pub households: Vec<Vec<usize>>,
    /// The register rows, in order of generation.
    pub register: Vec<PersonRecord>,
    /// The person of each register row.
    pub row_person: Vec<usize>,
}

fn date(rng: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    let y = rng.random_range(from..=to);
    let m = rng.random_range(1..=12);
    let d = rng.random_range(1..=28);
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A birth date `years` after `d`, shifted a little, never after 2024.
fn after(rng: &mut ChaCha8Rng, d: NaiveDate, years: i32) -> NaiveDate {
    let y = (d.year() + years).min(2024);
    date(rng, y, y)
}

fn pick<'a>(rng: &mut ChaCha8Rng, list: &[&'a str]) -> &'a str {
    list[skewed(rng, list.len(), 1.6)]
}

fn first_name(rng: &mut ChaCha8Rng, male: bool, immigrant: bool) -> String {
    let list = match (male, immigrant) {
        (true, false) => names::MEN,
        (false, false) => names::WOMEN,
        (true, true) => names::IMMIGRANT_MEN,
        (false, true) => names::IMMIGRANT_WOMEN,
    };
    let first = pick(rng, list);
    if !immigrant && rng.random_bool(0.25) {
        let second = pick(
            rng,
            if male {
                names::SECOND_MEN
            } else {
                names::SECOND_WOMEN
            },
        );
        if second != first {
            let sep = if rng.random_bool(0.3) { "-" } else { " " };
            return format!("{first}{sep}{second}");
        }
    }
    first.to_owned()
}

fn family_surname(rng: &mut ChaCha8Rng, immigrant: bool) -> String {
    if immigrant {
        return pick(rng, names::IMMIGRANT_SURNAMES).to_owned();
    }
    let a = pick(rng, names::SURNAMES);
    if rng.random_bool(0.06) {
        let b = pick(rng, names::SURNAMES);
        if a != b {
            let sep = if rng.random_bool(0.3) { "-" } else { " " };
            return format!("{a}{sep}{b}");
        }
    }
    a.to_owned()
}

/// A given name for a new member, told apart from every other member's first given name.
fn distinct_given(rng: &mut ChaCha8Rng, male: bool, immigrant: bool, others: &[String]) -> String {
    let mut name = first_name(rng, male, immigrant);
    for _ in 0..40 {
        let first = judge::first_word(&name);
        if others
            .iter()
            .all(|o| !judge::words_could_be(&first, &judge::first_word(o)))
        {
            return name;
        }
        name = first_name(rng, male, immigrant);
    }
    name
}

fn draw_house(rng: &mut ChaCha8Rng, places: &Places) -> House {
    let town = places.draw_town(rng);
    let streets = &places.towns[town].streets;
    let street = skewed(rng, streets.len(), 1.5);
    let length = streets[street].length;
    let number = 1 + skewed(rng, length as usize, 1.3) as u32;
    let letter = if rng.random_bool(0.12) {
        Some(['A', 'A', 'B', 'B', 'C', 'D'][rng.random_range(0..6)])
    } else {
        None
    };
    House {
        town,
        street,
        number,
        letter,
    }
}

/// A valid 11-digit national id for a birth date and sex.
pub fn national_id(rng: &mut ChaCha8Rng, birth: NaiveDate, male: bool) -> String {
    let d = birth.day();
    let m = birth.month();
    let y = birth.year();
    loop {
        let mut individual = if y < 2000 {
            rng.random_range(0..500)
        } else {
            rng.random_range(500..1000)
        };
        if (individual % 2 == 1) != male {
            individual = (individual + 1) % 1000;
            if y < 2000 && individual >= 500 {
                individual = 1;
            }
            if y >= 2000 && individual < 500 {
                individual = 501;
            }
        }
        let digits = format!("{d:02}{m:02}{:02}{individual:03}", y % 100);
        let n: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
        let check = |weights: &[u32], n: &[u32]| -> Option<u32> {
            let s: u32 = weights.iter().zip(n).map(|(w, x)| w * x).sum();
            match 11 - s % 11 {
                11 => Some(0),
                10 => None,
                k => Some(k),
            }
        };
        let Some(k1) = check(&[3, 7, 6, 1, 8, 9, 4, 5, 2], &n) else {
            continue;
        };
        let mut n2 = n.clone();
        n2.push(k1);
        let Some(k2) = check(&[5, 4, 3, 2, 7, 6, 5, 4, 3, 2], &n2) else {
            continue;
        };
        return format!("{digits}{k1}{k2}");
    }
}

impl Population {
    /// Generates households until `reserved` persons are in the register.
    pub fn generate(rng: &mut ChaCha8Rng, reserved: usize) -> Population {
        let places = Places::build(rng);
        let mut pop = Population {
            places,
            persons: Vec::new(),
            households: Vec::new(),
            register: Vec::with_capacity(reserved),
            row_person: Vec::with_capacity(reserved),
        };
        let mut houses: Vec<House> = Vec::new();
        while pop.register.len() < reserved {
            pop.household(rng, &mut houses);
        }
        pop
    }

    fn household(&mut self, rng: &mut ChaCha8Rng, houses: &mut Vec<House>) {
        let immigrant = rng.random_bool(0.12);
        let roll: f64 = rng.random();
        let house = if !houses.is_empty() && roll < 0.15 {
            houses[rng.random_range(0..houses.len())]
        } else if !houses.is_empty() && roll < 0.23 {
            let h = houses[rng.random_range(0..houses.len())];
            match h.letter {
                Some(l) => House {
                    letter: Some(if l == 'A' { 'B' } else { 'A' }),
                    ..h
                },
                None => House {
                    letter: Some('A'),
                    ..draw_house(rng, &self.places)
                },
            }
        } else {
            draw_house(rng, &self.places)
        };
        houses.push(house);
        let household = self.households.len();
        let surname = family_surname(rng, immigrant);
        // (given, surname, maiden, male, birth)
        let mut members: Vec<(String, String, Option<String>, bool, NaiveDate)> = Vec::new();
        let firsts = |m: &[(String, String, Option<String>, bool, NaiveDate)]| {
            m.iter().map(|x| x.0.clone()).collect::<Vec<String>>()
        };
        let shape: f64 = rng.random();
        let head_male = rng.random_bool(0.5);
        let head_birth = date(rng, 1938, 2003);
        let head = distinct_given(rng, head_male, immigrant, &[]);
        members.push((head, surname.clone(), None, head_male, head_birth));
        if shape < 0.33 {
            // a single
        } else if shape < 0.88 {
            // a couple, and children in half of the couples
            let male = if rng.random_bool(0.93) {
                !head_male
            } else {
                head_male
            };
            let gap = rng.random_range(-6..=6);
            let birth = after(rng, head_birth, gap);
            let given = distinct_given(rng, male, immigrant, &firsts(&members[..]));
            let (own, maiden) = if !male && !immigrant && head_male {
                let own = family_surname(rng, false);
                let r: f64 = rng.random();
                if own == surname {
                    (surname.clone(), None)
                } else if r < 0.5 {
                    (surname.clone(), Some(own))
                } else if r < 0.85 {
                    (own, None)
                } else {
                    (format!("{own} {surname}"), Some(own))
                }
            } else if immigrant {
                (surname.clone(), None)
            } else {
                (family_surname(rng, false), None)
            };
            members.push((given, own, maiden, male, birth));
            if shape >= 0.6 {
                let younger = head_birth.max(birth);
                for _ in 0..rng.random_range(1..=3) {
                    let male = rng.random_bool(0.5);
                    let gap = rng.random_range(22..=38);
                    let birth = after(rng, younger, gap);
                    if birth.year() > 2008 {
                        // minors are on no call list
                        continue;
                    }
                    let given = distinct_given(rng, male, immigrant, &firsts(&members[..]));
                    members.push((given, surname.clone(), None, male, birth));
                }
            }
        } else if shape < 0.95 {
            // adult siblings sharing a flat
            for _ in 0..rng.random_range(1..=2) {
                let male = rng.random_bool(0.5);
                let gap = rng.random_range(-8..=8);
                let birth = after(rng, head_birth, gap);
                let given = distinct_given(rng, male, immigrant, &firsts(&members[..]));
                members.push((given, surname.clone(), None, male, birth));
            }
        } else {
            // a parent living with a grown child
            let male = rng.random_bool(0.5);
            let gap = rng.random_range(-34..=-24);
            let birth = after(rng, head_birth, gap);
            let given = distinct_given(rng, male, immigrant, &firsts(&members[..]));
            members.push((given, surname.clone(), None, male, birth));
        }
        let reserve: f64 = rng.random();
        let mut ids = Vec::with_capacity(members.len());
        for (given, surname, maiden, male, birth) in members {
            let reserved = if reserve < 0.45 {
                true
            } else if reserve < 0.8 {
                rng.random_bool(0.5)
            } else {
                false
            };
            let person = self.persons.len();
            let row = if reserved {
                let record = self.record(rng, &given, &surname, male, birth, house);
                self.row_person.push(person);
                self.register.push(record);
                Some(self.register.len() - 1)
            } else {
                None
            };
            self.persons.push(Person {
                given,
                surname,
                maiden,
                male,
                birth,
                house,
                household,
                row,
                immigrant,
            });
            ids.push(person);
        }
        self.households.push(ids);
    }

    fn record(
        &self,
        rng: &mut ChaCha8Rng,
        given: &str,
        surname: &str,
        male: bool,
        birth: NaiveDate,
        house: House,
    ) -> PersonRecord {
        let town = &self.places.towns[house.town];
        let street = &town.streets[house.street];
        let (house_number, house_letter) = match house.letter {
            Some(l) if rng.random_bool(0.3) => (format!("{} {l}", house.number), String::new()),
            Some(l) => (house.number.to_string(), l.to_string()),
            None => (house.number.to_string(), String::new()),
        };
        PersonRecord {
            given_names: given.to_owned(),
            surname: surname.to_owned(),
            street: street.name.clone(),
            house_number,
            house_letter,
            postcode: street.postcode_of(house.number).to_owned(),
            city: town.name.clone(),
            birth_date: rng.random_bool(0.9).then_some(birth),
            national_id: rng.random_bool(0.02).then(|| national_id(rng, birth, male)),
        }
    }
}
