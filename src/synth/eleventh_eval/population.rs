//! Households and the register: everybody of the population (reserved or not) with their
//! house, household and birth date, and the register rows of the reserved ones.
//!
//! Household kinds (adults only; one in eight of one immigrant origin): singles; couples with
//! one surname; cohabitants (*samboere*) with their own surnames; parents with grown children;
//! **a two-family house** (*tomannsbolig*): parents at letter A and a grown child with a partner
//! at letter B of one number; **a lodger** renting a *hybel* in a house; **a grown child moved
//! out** to another house of the parents' town; **a father and son of one full name**
//! (senior and junior) at one house; adult siblings. Some households move into a house that
//! others live at already (a block of flats).

use std::collections::HashMap;

use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::{name_could_be, name_words};
use super::names::{self, ORIGINS};
use super::places::Places;
use crate::person::PersonRecord;

/// A house: a street, a number and maybe a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct House {
    /// Index into `Places::streets`.
    pub street: usize,
    /// The number.
    pub number: u32,
    /// The letter (upper case).
    pub letter: Option<char>,
}

/// The kind of a household.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HouseholdKind {
    /// One adult.
    Single,
    /// A couple with one surname.
    Couple,
    /// Cohabitants with their own surnames.
    Cohabitants,
    /// Parents and grown children.
    Family,
    /// Parents at letter A of a two-family house (linked to the child's half).
    TwoFamilyParents,
    /// A grown child and partner at letter B (linked to the parents' half).
    TwoFamilyChild,
    /// A lodger in somebody's house.
    Lodger,
    /// Parents whose grown child moved out (linked).
    MovedOutParents,
    /// The grown child who moved out to another house of the town (linked).
    MovedOutChild,
    /// A father and son of one full name.
    SeniorJunior,
    /// Adult siblings.
    Siblings,
}

/// A household.
#[derive(Debug, Clone)]
pub struct Household {
    /// Its kind.
    pub kind: HouseholdKind,
    /// Its members (indices into `Population::persons`).
    pub members: Vec<usize>,
    /// The related household elsewhere (two-family house, moved-out child).
    pub link: Option<usize>,
}

/// A person of the population.
#[derive(Debug, Clone)]
pub struct Person {
    /// Given names.
    pub given: String,
    /// Surname.
    pub surname: String,
    /// Sex.
    pub male: bool,
    /// Birth date.
    pub birth: NaiveDate,
    /// Where they live.
    pub house: House,
    /// Their household.
    pub household: usize,
    /// Their register row, if reserved.
    pub row: Option<usize>,
    /// Immigrant origin (index into `ORIGINS`).
    pub origin: Option<usize>,
}

/// The population and its register.
pub struct Population {
    /// Everybody.
    pub persons: Vec<Person>,
    /// The households.
    pub households: Vec<Household>,
    /// Persons per house.
    pub by_house: HashMap<House, Vec<usize>>,
    /// The register rows (reserved persons), in order of generation.
    pub register: Vec<PersonRecord>,
    /// The person of each row.
    pub person_of_row: Vec<usize>,
    /// Every house, in order of first use.
    pub houses: Vec<House>,
}

/// A date in the years `from..=to`.
pub fn date(rng: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    let y = rng.random_range(from..=to);
    let m = rng.random_range(1..=12);
    let d = rng.random_range(1..=28);
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A first given name of a sex and origin.
pub fn given_name(rng: &mut ChaCha8Rng, male: bool, origin: Option<usize>) -> String {
    match origin {
        Some(o) => {
            let list = if male {
                ORIGINS[o].men
            } else {
                ORIGINS[o].women
            };
            list[rng.random_range(0..list.len())].to_string()
        }
        None => {
            let list = if male { names::MEN } else { names::WOMEN };
            let first = names::pick(rng, list);
            if rng.random_bool(0.2) {
                let second = names::pick(rng, list);
                let sep = if rng.random_bool(0.2) { "-" } else { " " };
                format!("{first}{sep}{second}")
            } else {
                first.to_string()
            }
        }
    }
}

/// A surname of an origin.
pub fn surname(rng: &mut ChaCha8Rng, origin: Option<usize>) -> String {
    match origin {
        Some(o) => {
            let list = ORIGINS[o].surnames;
            list[rng.random_range(0..list.len())].to_string()
        }
        None => names::pick(rng, names::SURNAMES).to_string(),
    }
}

impl Population {
    /// Whether a given-name text is told apart from everybody's at a house (and `also`).
    pub fn told_apart(&self, given: &str, house: &House, also: &[String]) -> bool {
        let words = name_words(given);
        let mut others: Vec<String> = also.iter().flat_map(|g| name_words(g)).collect();
        if let Some(v) = self.by_house.get(house) {
            others.extend(v.iter().flat_map(|&p| name_words(&self.persons[p].given)));
        }
        let mut own = words.clone();
        own.sort();
        own.dedup();
        own.len() == words.len()
            && !words.iter().enumerate().any(|(i, w)| {
                others.iter().any(|o| name_could_be(w, o))
                    || words[i + 1..].iter().any(|v| name_could_be(w, v))
            })
    }

    fn fresh_house(&mut self, rng: &mut ChaCha8Rng, places: &Places, town: Option<usize>) -> House {
        if town.is_none() && !self.houses.is_empty() && rng.random_bool(0.15) {
            return self.houses[rng.random_range(0..self.houses.len())];
        }
        let town = town.unwrap_or_else(|| places.draw_town(rng));
        let street = places.draw_street(rng, town);
        let max = places.streets[street].max_number;
        let number = 1 + (f64::from(max) * rng.random::<f64>().powf(1.3)) as u32;
        let letter = if rng.random_bool(0.12) {
            Some(['A', 'B', 'B', 'C'][rng.random_range(0..4)])
        } else {
            None
        };
        House {
            street,
            number: number.min(max),
            letter,
        }
    }

    /// Adds a person (given names redrawn until told apart at the house; `None` if never).
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        rng: &mut ChaCha8Rng,
        household: usize,
        house: House,
        male: bool,
        origin: Option<usize>,
        surname: &str,
        born: (i32, i32),
        fixed_given: Option<String>,
    ) -> Option<usize> {
        let given = match fixed_given {
            Some(g) => g,
            None => {
                let mut found = None;
                for _ in 0..40 {
                    let g = given_name(rng, male, origin);
                    if self.told_apart(&g, &house, &[]) {
                        found = Some(g);
                        break;
                    }
                }
                found?
            }
        };
        let id = self.persons.len();
        self.persons.push(Person {
            given,
            surname: surname.to_string(),
            male,
            birth: date(rng, born.0, born.1),
            house,
            household,
            row: None,
            origin,
        });
        if !self.by_house.contains_key(&house) {
            self.houses.push(house);
        }
        self.by_house.entry(house).or_default().push(id);
        self.households[household].members.push(id);
        Some(id)
    }

    fn household(&mut self, kind: HouseholdKind) -> usize {
        self.households.push(Household {
            kind,
            members: Vec::new(),
            link: None,
        });
        self.households.len() - 1
    }

    /// Generates households until the register holds `reserved` persons.
    pub fn generate(rng: &mut ChaCha8Rng, places: &Places, reserved: usize) -> Population {
        let mut pop = Population {
            persons: Vec::new(),
            households: Vec::new(),
            by_house: HashMap::new(),
            register: Vec::new(),
            person_of_row: Vec::new(),
            houses: Vec::new(),
        };
        while pop.register.len() < reserved {
            let start = pop.households.len();
            pop.one_household(rng, places);
            for h in start..pop.households.len() {
                pop.reserve(rng, places, h);
            }
        }
        pop
    }

    fn one_household(&mut self, rng: &mut ChaCha8Rng, places: &Places) {
        use HouseholdKind::*;
        let origin = rng
            .random_bool(0.125)
            .then(|| rng.random_range(0..ORIGINS.len()));
        let u: f64 = rng.random();
        let m = rng.random_bool(0.5);
        if u < 0.30 {
            let h = self.household(Single);
            let house = self.fresh_house(rng, places, None);
            let s = surname(rng, origin);
            self.add(rng, h, house, m, origin, &s, (1932, 2006), None);
        } else if u < 0.56 {
            let kind = if u < 0.46 { Couple } else { Cohabitants };
            let h = self.household(kind);
            let house = self.fresh_house(rng, places, None);
            let s = surname(rng, origin);
            let y = rng.random_range(1940..=2000);
            self.add(rng, h, house, true, origin, &s, (y - 3, y + 3), None);
            let s2 = if kind == Couple {
                s
            } else {
                surname(rng, origin)
            };
            self.add(rng, h, house, false, origin, &s2, (y - 3, y + 3), None);
        } else if u < 0.69 {
            let h = self.household(Family);
            let house = self.fresh_house(rng, places, None);
            let s = surname(rng, origin);
            self.add(rng, h, house, true, origin, &s, (1945, 1975), None);
            self.add(rng, h, house, false, origin, &s, (1945, 1975), None);
            for _ in 0..rng.random_range(1..=2) {
                let m = rng.random_bool(0.5);
                self.add(rng, h, house, m, origin, &s, (1980, 2006), None);
            }
        } else if u < 0.77 {
            let town = places.draw_town(rng);
            let mut house = self.fresh_house(rng, places, Some(town));
            house.letter = Some('A');
            let other = House {
                letter: Some('B'),
                ..house
            };
            let s = surname(rng, origin);
            let hp = self.household(TwoFamilyParents);
            self.add(rng, hp, house, true, origin, &s, (1940, 1962), None);
            self.add(rng, hp, house, false, origin, &s, (1940, 1962), None);
            let hc = self.household(TwoFamilyChild);
            self.households[hp].link = Some(hc);
            self.households[hc].link = Some(hp);
            let m = rng.random_bool(0.5);
            self.add(rng, hc, other, m, origin, &s, (1965, 1992), None);
            let ps = if rng.random_bool(0.6) {
                s
            } else {
                surname(rng, None)
            };
            self.add(rng, hc, other, !m, None, &ps, (1965, 1992), None);
        } else if u < 0.85 {
            let h = self.household(if rng.random_bool(0.5) { Single } else { Couple });
            let house = self.fresh_house(rng, places, None);
            let s = surname(rng, None);
            self.add(rng, h, house, true, None, &s, (1945, 1985), None);
            if self.households[h].kind == Couple {
                self.add(rng, h, house, false, None, &s, (1945, 1985), None);
            }
            let hl = self.household(Lodger);
            let lo = rng
                .random_bool(0.35)
                .then(|| rng.random_range(0..ORIGINS.len()));
            let ls = surname(rng, lo);
            self.add(rng, hl, house, m, lo, &ls, (1998, 2006), None);
        } else if u < 0.93 {
            let town = places.draw_town(rng);
            let house = self.fresh_house(rng, places, Some(town));
            let s = surname(rng, origin);
            let hp = self.household(MovedOutParents);
            self.add(rng, hp, house, true, origin, &s, (1945, 1970), None);
            self.add(rng, hp, house, false, origin, &s, (1945, 1970), None);
            let away = self.fresh_house(rng, places, Some(town));
            let hc = self.household(MovedOutChild);
            self.households[hp].link = Some(hc);
            self.households[hc].link = Some(hp);
            let parents: Vec<String> = self.households[hp]
                .members
                .iter()
                .map(|&p| self.persons[p].given.clone())
                .collect();
            for _ in 0..40 {
                let g = given_name(rng, m, origin);
                if self.told_apart(&g, &away, &parents) {
                    self.add(rng, hc, away, m, origin, &s, (1980, 2004), Some(g));
                    break;
                }
            }
        } else if u < 0.96 {
            let h = self.household(SeniorJunior);
            let house = self.fresh_house(rng, places, None);
            let s = surname(rng, origin);
            if let Some(f) = self.add(rng, h, house, true, origin, &s, (1940, 1965), None) {
                let g = self.persons[f].given.clone();
                let y = self.persons[f].birth.format("%Y").to_string();
                let y: i32 = y.parse().unwrap_or(1950);
                self.add(rng, h, house, true, origin, &s, (y + 26, y + 34), Some(g));
            }
        } else {
            let h = self.household(Siblings);
            let house = self.fresh_house(rng, places, None);
            let s = surname(rng, origin);
            let y = rng.random_range(1950..=1990);
            for _ in 0..rng.random_range(2..=3) {
                let m = rng.random_bool(0.5);
                self.add(rng, h, house, m, origin, &s, (y - 4, y + 4), None);
            }
        }
    }

    /// Decides who of a household is reserved and writes their rows.
    fn reserve(&mut self, rng: &mut ChaCha8Rng, places: &Places, h: usize) {
        let u: f64 = rng.random();
        let members = self.households[h].members.clone();
        for p in members {
            let reserved = if u < 0.35 {
                true
            } else if u < 0.8 {
                rng.random_bool(0.5)
            } else {
                false
            };
            if !reserved {
                continue;
            }
            let person = &self.persons[p];
            let street = &places.streets[person.house.street];
            let (house_number, house_letter) = match person.house.letter {
                None => (person.house.number.to_string(), String::new()),
                Some(l) => {
                    let x: f64 = rng.random();
                    if x < 0.55 {
                        (person.house.number.to_string(), l.to_string())
                    } else if x < 0.8 {
                        (format!("{} {l}", person.house.number), String::new())
                    } else {
                        (format!("{}{l}", person.house.number), String::new())
                    }
                }
            };
            let row = PersonRecord {
                given_names: person.given.clone(),
                surname: person.surname.clone(),
                street: street.name.clone(),
                house_number,
                house_letter,
                postcode: street.postcode.clone(),
                city: places.towns[street.town].name.clone(),
                birth_date: rng.random_bool(0.88).then_some(person.birth),
                national_id: None,
            };
            self.persons[p].row = Some(self.register.len());
            self.person_of_row.push(p);
            self.register.push(row);
        }
    }
}
