//! The population: houses on the invented streets, households of adults living in them
//! (singles, couples, grown children, farm families of three generations, shared houses,
//! siblings, split families whose other parent lives elsewhere in the same town, a widowed
//! parent living with a grown child), who of them is reserved, and the register rows.

use std::collections::HashMap;

use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::{name_words, names_could_be_one};
use super::names::{MEN, ORIGINS, SURNAMES, WOMEN, pick};
use super::places::Places;
use crate::person::PersonRecord;

/// A house: a number (and letter) on a street of a town.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct House {
    /// Town index.
    pub town: usize,
    /// Street index in the town.
    pub street: usize,
    /// House number.
    pub number: u32,
    /// House letter.
    pub letter: Option<char>,
}

/// A person of the population.
#[derive(Debug, Clone)]
pub struct Person {
    /// Given names as the register writes them.
    pub given: String,
    /// Surname.
    pub surname: String,
    /// Birth date.
    pub birth: NaiveDate,
    /// House index.
    pub house: usize,
    /// Household index.
    pub household: usize,
    /// Immigrant origin ([`ORIGINS`] index), if any.
    pub origin: Option<usize>,
    /// The register row, if reserved.
    pub row: Option<usize>,
}

/// Everybody, their houses and the register.
#[derive(Debug, Clone)]
pub struct Population {
    /// Towns and streets.
    pub places: Places,
    /// Houses.
    pub houses: Vec<House>,
    /// Persons in order of generation.
    pub persons: Vec<Person>,
    /// The register of reserved persons.
    pub register: Vec<PersonRecord>,
    /// Register row → person.
    pub row_person: Vec<usize>,
    /// House → persons living there.
    pub at_house: Vec<Vec<usize>>,
    /// (town, surname) → persons.
    pub by_town_surname: HashMap<(usize, String), Vec<usize>>,
    house_index: HashMap<House, usize>,
}

/// A random day of a year in `from..=to`.
pub fn birth_in(rng: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    let y = rng.random_range(from..=to.max(from));
    let d = rng.random_range(0..365);
    NaiveDate::from_yo_opt(y, d + 1).unwrap_or_default()
}

/// The names of one household's origin.
#[derive(Clone, Copy)]
struct Lists {
    origin: Option<usize>,
}

impl Lists {
    fn given(self, rng: &mut ChaCha8Rng, male: bool) -> String {
        match self.origin {
            Some(o) => {
                let l = if male {
                    ORIGINS[o].men
                } else {
                    ORIGINS[o].women
                };
                l[rng.random_range(0..l.len())].to_owned()
            }
            None => {
                let l = if male { MEN } else { WOMEN };
                let first = pick(rng, l);
                if rng.random_bool(0.2) {
                    let second = pick(rng, l);
                    if second != first {
                        let sep = if rng.random_bool(0.2) { "-" } else { " " };
                        return format!("{first}{sep}{second}");
                    }
                }
                first.to_owned()
            }
        }
    }

    fn surname(self, rng: &mut ChaCha8Rng) -> String {
        match self.origin {
            Some(o) => {
                let l = ORIGINS[o].surnames;
                l[rng.random_range(0..l.len())].to_owned()
            }
            None => pick(rng, SURNAMES).to_owned(),
        }
    }
}

impl Population {
    /// Generates households until at least `reserved` persons are reserved.
    pub fn generate(rng: &mut ChaCha8Rng, reserved: usize) -> Population {
        let places = Places::build(rng);
        let mut pop = Population {
            places,
            houses: Vec::new(),
            persons: Vec::new(),
            register: Vec::new(),
            row_person: Vec::new(),
            at_house: Vec::new(),
            by_town_surname: HashMap::new(),
            house_index: HashMap::new(),
        };
        let mut household = 0;
        while pop.register.len() < reserved.max(1) {
            pop.household(rng, household);
            household += 1;
        }
        pop
    }

    /// A random house (new or existing), or an existing occupied one in 18 %.
    fn draw_house(&mut self, rng: &mut ChaCha8Rng, town: Option<usize>) -> usize {
        if town.is_none() && !self.houses.is_empty() && rng.random_bool(0.18) {
            return rng.random_range(0..self.houses.len());
        }
        let town = town.unwrap_or_else(|| self.places.draw_town(rng));
        let streets = &self.places.towns[town].streets;
        let u: f64 = rng.random();
        let street = ((streets.len() as f64) * u.powf(1.4)) as usize;
        let street = street.min(streets.len() - 1);
        let max = streets[street].max_number;
        let number = 1 + (f64::from(max) * rng.random::<f64>().powf(1.3)) as u32;
        let letter = rng
            .random_bool(0.12)
            .then(|| ['A', 'B', 'B', 'C'][rng.random_range(0..4)]);
        self.house_at(House {
            town,
            street,
            number,
            letter,
        })
    }

    /// The index of `house`, added if new.
    pub fn house_at(&mut self, house: House) -> usize {
        if let Some(&h) = self.house_index.get(&house) {
            return h;
        }
        self.houses.push(house);
        self.at_house.push(Vec::new());
        self.house_index.insert(house, self.houses.len() - 1);
        self.houses.len() - 1
    }

    /// Whether a given name could be read as a given name of anybody at `house`.
    pub fn given_clashes(&self, given: &str, house: usize) -> bool {
        let words = name_words(&[given]);
        self.at_house[house].iter().any(|&p| {
            let theirs = name_words(&[&self.persons[p].given]);
            words
                .iter()
                .any(|w| theirs.iter().any(|t| names_could_be_one(w, t)))
        })
    }

    /// Adds one person at `house`, drawing the given name again while it clashes.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        rng: &mut ChaCha8Rng,
        lists: Lists,
        male: bool,
        surname: &str,
        years: (i32, i32),
        house: usize,
        household: usize,
    ) -> Option<usize> {
        let given = (0..50)
            .map(|_| lists.given(rng, male))
            .find(|g| !self.given_clashes(g, house))?;
        let p = self.persons.len();
        self.persons.push(Person {
            given,
            surname: surname.to_owned(),
            birth: birth_in(rng, years.0, years.1),
            house,
            household,
            origin: lists.origin,
            row: None,
        });
        self.at_house[house].push(p);
        let town = self.houses[house].town;
        self.by_town_surname
            .entry((town, surname.to_owned()))
            .or_default()
            .push(p);
        Some(p)
    }

    /// One household, its members reserved or not.
    fn household(&mut self, rng: &mut ChaCha8Rng, hh: usize) {
        let lists = Lists {
            origin: rng
                .random_bool(1.0 / 9.0)
                .then(|| rng.random_range(0..ORIGINS.len())),
        };
        let fam = lists.surname(rng);
        let house = self.draw_house(rng, None);
        let mut members: Vec<Option<usize>> = Vec::new();
        let u: f64 = rng.random();
        let male = rng.random_bool(0.5);
        if u < 0.28 {
            members.push(self.add(rng, lists, male, &fam, (1935, 2006), house, hh));
        } else if u < 0.52 {
            let her = if rng.random_bool(0.4) {
                lists.surname(rng)
            } else {
                fam.clone()
            };
            members.push(self.add(rng, lists, true, &fam, (1940, 2002), house, hh));
            members.push(self.add(rng, lists, false, &her, (1940, 2002), house, hh));
        } else if u < 0.66 {
            members.push(self.add(rng, lists, true, &fam, (1945, 1975), house, hh));
            members.push(self.add(rng, lists, false, &fam, (1945, 1975), house, hh));
            for _ in 0..rng.random_range(1..=2) {
                let m = rng.random_bool(0.5);
                members.push(self.add(rng, lists, m, &fam, (1978, 2006), house, hh));
            }
        } else if u < 0.73 {
            // A farm family of three generations under one surname.
            members.push(self.add(rng, lists, true, &fam, (1935, 1955), house, hh));
            members.push(self.add(rng, lists, false, &fam, (1935, 1955), house, hh));
            members.push(self.add(rng, lists, male, &fam, (1960, 1980), house, hh));
            let partner = if rng.random_bool(0.7) {
                fam.clone()
            } else {
                lists.surname(rng)
            };
            members.push(self.add(rng, lists, !male, &partner, (1960, 1980), house, hh));
            let m = rng.random_bool(0.5);
            members.push(self.add(rng, lists, m, &fam, (1985, 2006), house, hh));
        } else if u < 0.80 {
            // A shared house of unrelated young adults.
            for _ in 0..rng.random_range(2..=4) {
                let own = Lists {
                    origin: rng
                        .random_bool(0.25)
                        .then(|| rng.random_range(0..ORIGINS.len())),
                };
                let s = own.surname(rng);
                let m = rng.random_bool(0.5);
                members.push(self.add(rng, own, m, &s, (1994, 2006), house, hh));
            }
        } else if u < 0.85 {
            for _ in 0..rng.random_range(2..=3) {
                let m = rng.random_bool(0.5);
                members.push(self.add(rng, lists, m, &fam, (1950, 1990), house, hh));
            }
        } else if u < 0.93 {
            // A split family: one parent and a grown child here, the other parent (same
            // surname) elsewhere in the same town.
            members.push(self.add(rng, lists, male, &fam, (1950, 1975), house, hh));
            let m = rng.random_bool(0.5);
            members.push(self.add(rng, lists, m, &fam, (1980, 2006), house, hh));
            let town = self.houses[house].town;
            let other = self.draw_house(rng, Some(town));
            if other != house {
                members.push(self.add(rng, lists, !male, &fam, (1950, 1975), other, hh));
            }
        } else {
            // A widowed parent living with a grown child.
            members.push(self.add(rng, lists, male, &fam, (1960, 1990), house, hh));
            let m = rng.random_bool(0.5);
            members.push(self.add(rng, lists, m, &fam, (1925, 1950), house, hh));
        }
        let members: Vec<usize> = members.into_iter().flatten().collect();
        let v: f64 = rng.random();
        for p in members {
            let reserved = if v < 0.35 {
                true
            } else if v < 0.80 {
                rng.random_bool(0.5)
            } else {
                false
            };
            if reserved {
                self.reserve(rng, p);
            }
        }
    }

    /// Writes `p`'s register row.
    fn reserve(&mut self, rng: &mut ChaCha8Rng, p: usize) {
        let person = &self.persons[p];
        let h = self.houses[person.house];
        let town = &self.places.towns[h.town];
        let street = &town.streets[h.street];
        let (house_number, house_letter) = match h.letter {
            None => (h.number.to_string(), String::new()),
            Some(l) => {
                let x: f64 = rng.random();
                if x < 0.55 {
                    (h.number.to_string(), l.to_string())
                } else if x < 0.8 {
                    (format!("{} {l}", h.number), String::new())
                } else {
                    (format!("{}{l}", h.number), String::new())
                }
            }
        };
        let record = PersonRecord {
            given_names: person.given.clone(),
            surname: person.surname.clone(),
            street: street.name.clone(),
            house_number,
            house_letter,
            postcode: street.postcode.clone(),
            city: town.name.clone(),
            birth_date: rng.random_bool(0.88).then_some(person.birth),
            national_id: None,
        };
        self.persons[p].row = Some(self.register.len());
        self.row_person.push(p);
        self.register.push(record);
    }
}
