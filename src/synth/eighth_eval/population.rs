//! Households and the register of reserved persons.

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::names::{MEN, ORIGINS, SURNAMES, WOMEN};
use super::places::{Places, lean};
use crate::person::PersonRecord;

/// A house: a street, a number and perhaps a letter.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Address {
    /// Index into the streets.
    pub street: usize,
    /// House number.
    pub number: u32,
    /// House letter.
    pub letter: Option<char>,
}

/// A person of the population, reserved or not.
#[derive(Clone)]
pub struct Person {
    /// Given names as the register writes them.
    pub given: String,
    /// Surname.
    pub surname: String,
    /// Sex.
    pub male: bool,
    /// Birth date.
    pub birth: NaiveDate,
    /// Index of the address.
    pub address: usize,
    /// Index of the household.
    pub household: usize,
    /// Immigrant origin, if any.
    pub origin: Option<usize>,
    /// The register row, if reserved.
    pub row: Option<usize>,
}

/// The population and the register drawn from it.
pub struct Population {
    /// Towns and streets.
    pub places: Places,
    /// Every house.
    pub addresses: Vec<Address>,
    /// Every person.
    pub persons: Vec<Person>,
    /// Members of each household.
    pub households: Vec<Vec<usize>>,
    /// Persons living at each address.
    pub at_address: Vec<Vec<usize>>,
    /// The register of reserved persons.
    pub register: Vec<PersonRecord>,
    /// The person of each register row.
    pub row_person: Vec<usize>,
}

/// A date in `from..=to`.
pub fn date(rng: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    let y = rng.random_range(from..=to.max(from));
    let m = rng.random_range(1..=12);
    let d = rng.random_range(1..=28);
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Given names of one sex and origin: a second given name in 20 % of Norwegians
/// (hyphenated in a quarter of them).
pub fn given_name(rng: &mut ChaCha8Rng, male: bool, origin: Option<usize>) -> String {
    let list = match origin {
        Some(o) if male => ORIGINS[o].men,
        Some(o) => ORIGINS[o].women,
        None if male => MEN,
        None => WOMEN,
    };
    let first = list[lean(rng, list.len())];
    if origin.is_none() && rng.random_bool(0.2) {
        let second = list[rng.random_range(0..list.len())];
        if crate::synth::eighth_eval::judge::could_be_name(first, second) {
            return first.to_owned();
        }
        let sep = if rng.random_bool(0.25) { "-" } else { " " };
        format!("{first}{sep}{second}")
    } else {
        first.to_owned()
    }
}

/// A surname of an origin; 8 % of Norwegian family names double.
pub fn surname(rng: &mut ChaCha8Rng, origin: Option<usize>) -> String {
    match origin {
        Some(o) => ORIGINS[o]
            .surnames
            .choose(rng)
            .copied()
            .unwrap_or("Tran")
            .to_owned(),
        None => {
            let a = SURNAMES[lean(rng, SURNAMES.len())];
            if rng.random_bool(0.08) {
                let b = SURNAMES[rng.random_range(0..SURNAMES.len())];
                if a != b {
                    return format!("{a} {b}");
                }
            }
            a.to_owned()
        }
    }
}

struct Builder<'a> {
    rng: &'a mut ChaCha8Rng,
    pop: Population,
    household: usize,
    address: usize,
    origin: Option<usize>,
}

impl Builder<'_> {
    fn add(&mut self, male: bool, surname: String, birth: NaiveDate) -> usize {
        let members = self.pop.households[self.household].clone();
        let mut given = given_name(self.rng, male, self.origin);
        for _ in 0..40 {
            let clash = members
                .iter()
                .chain(&self.pop.at_address[self.address])
                .any(|&m| super::judge::given_names_clash(&self.pop.persons[m].given, &given));
            if !clash {
                break;
            }
            given = given_name(self.rng, male, self.origin);
        }
        let id = self.pop.persons.len();
        self.pop.persons.push(Person {
            given,
            surname,
            male,
            birth,
            address: self.address,
            household: self.household,
            origin: self.origin,
            row: None,
        });
        self.pop.households[self.household].push(id);
        self.pop.at_address[self.address].push(id);
        id
    }
}

/// A new house: a town by weight, a street leaning to the town's first, a small number,
/// a letter in 15 %.
fn new_address(rng: &mut ChaCha8Rng, places: &Places) -> Address {
    loop {
        let t = places.town(rng);
        let streets = &places.town_streets[t];
        if streets.is_empty() {
            continue;
        }
        let s = streets[lean(rng, streets.len())];
        let max = places.streets[s].numbers;
        let number = 1 + (rng.random::<f64>().powf(1.3) * f64::from(max)) as u32;
        let letter = rng
            .random_bool(0.15)
            .then(|| ['A', 'A', 'B', 'B', 'C', 'D'][rng.random_range(0..6)]);
        return Address {
            street: s,
            number,
            letter,
        };
    }
}

/// Households until `reserved` persons are reserved.
pub fn generate(rng: &mut ChaCha8Rng, reserved: usize) -> Population {
    let places = Places::new(rng);
    let mut b = Builder {
        rng,
        pop: Population {
            places,
            addresses: Vec::new(),
            persons: Vec::new(),
            households: Vec::new(),
            at_address: Vec::new(),
            register: Vec::new(),
            row_person: Vec::new(),
        },
        household: 0,
        address: 0,
        origin: None,
    };
    while b.pop.register.len() < reserved {
        // 14 % move into a house somebody lives at already (a block of flats).
        b.address = if !b.pop.addresses.is_empty() && b.rng.random_bool(0.14) {
            b.rng.random_range(0..b.pop.addresses.len())
        } else {
            let a = new_address(b.rng, &b.pop.places);
            b.pop.addresses.push(a);
            b.pop.at_address.push(Vec::new());
            b.pop.addresses.len() - 1
        };
        b.household = b.pop.households.len();
        b.pop.households.push(Vec::new());
        b.origin = b
            .rng
            .random_bool(0.12)
            .then(|| b.rng.random_range(0..ORIGINS.len()));
        household(&mut b);
        // Who is reserved: everybody 35 %, each with 0.5 45 %, nobody 20 %.
        let u: f64 = b.rng.random();
        let members = b.pop.households[b.household].clone();
        for m in members {
            let reserved = u < 0.35 || (u < 0.8 && b.rng.random_bool(0.5));
            if reserved {
                let row = record(b.rng, &b.pop, m);
                b.pop.persons[m].row = Some(b.pop.register.len());
                b.pop.register.push(row);
                b.pop.row_person.push(m);
            }
        }
        if b.pop.register.len() >= reserved {
            break;
        }
    }
    b.pop
}

/// One household of a drawn type at the builder's address.
fn household(b: &mut Builder<'_>) {
    let u: f64 = b.rng.random();
    let origin = b.origin;
    if u < 0.34 {
        let male = b.rng.random_bool(0.5);
        let s = surname(b.rng, origin);
        let d = date(b.rng, 1938, 2005);
        b.add(male, s, d);
    } else if u < 0.58 {
        couple(b, 1945, 2002);
    } else if u < 0.75 {
        let (younger, his, hers) = couple(b, 1945, 1982);
        let n = 1 + b.rng.random_range(0..3);
        children(b, younger, &his, &hers, n);
    } else if u < 0.83 {
        let male = b.rng.random_bool(0.35);
        let s = surname(b.rng, origin);
        let d = date(b.rng, 1945, 1982);
        b.add(male, s.clone(), d);
        let n = 1 + b.rng.random_range(0..2);
        children(b, d.year(), &s, &s, n);
    } else if u < 0.89 {
        // A couple and a lodger in the basement flat (hybel), unrelated.
        couple(b, 1950, 1990);
        b.origin = b
            .rng
            .random_bool(0.2)
            .then(|| b.rng.random_range(0..ORIGINS.len()));
        let male = b.rng.random_bool(0.5);
        let s = surname(b.rng, b.origin);
        let d = date(b.rng, 1995, 2006);
        b.add(male, s, d);
        b.origin = origin;
    } else if u < 0.94 {
        // A couple and the parent of one of them.
        let (younger, his, hers) = couple(b, 1960, 1985);
        let s = if b.rng.random_bool(0.6) { his } else { hers };
        let d = date(b.rng, younger - 40, younger - 22);
        let male = b.rng.random_bool(0.4);
        b.add(male, s, d);
    } else {
        // Adult siblings.
        let s = surname(b.rng, origin);
        let y = b.rng.random_range(1950..2000);
        for _ in 0..2 + usize::from(b.rng.random_bool(0.3)) {
            let male = b.rng.random_bool(0.5);
            let d = date(b.rng, y, y + 6);
            b.add(male, s.clone(), d);
        }
    }
}

use chrono::Datelike;

/// A couple born in `from..=to`; returns the younger's birth year and the surnames the
/// children may take.
fn couple(b: &mut Builder<'_>, from: i32, to: i32) -> (i32, String, String) {
    let origin = b.origin;
    let his = surname(b.rng, origin);
    let own = surname(b.rng, origin);
    let d1 = date(b.rng, from, to);
    let d2 = date(b.rng, d1.year() - 3, d1.year() + 6);
    let u: f64 = b.rng.random();
    let (hs, ss) = if u < 0.5 {
        (his.clone(), his.clone())
    } else if u < 0.85 {
        (his.clone(), own.clone())
    } else if u < 0.95 && !his.contains(' ') && !own.contains(' ') {
        (his.clone(), format!("{own} {his}"))
    } else {
        (own.clone(), own.clone())
    };
    let same_sex = b.rng.random_bool(0.05);
    b.add(true, hs.clone(), d1);
    b.add(same_sex, ss.clone(), d2);
    (d1.year().max(d2.year()), hs, ss)
}

/// One to three grown children born 20–40 years after the younger parent.
fn children(b: &mut Builder<'_>, younger: i32, his: &str, hers: &str, n: usize) {
    for _ in 0..n {
        let from = younger + 20;
        let to = (younger + 40).min(2006);
        if from > to {
            return;
        }
        let d = date(b.rng, from, to);
        let s = if b.rng.random_bool(0.75) || his == hers || hers.contains(' ') {
            his.to_owned()
        } else {
            hers.to_owned()
        };
        let male = b.rng.random_bool(0.5);
        b.add(male, s, d);
    }
}

/// The register row of person `m`: the letter in the letter field (70 %), after a space in
/// the number field (20 %) or glued to it (10 %); the town in capitals; the birth date in
/// 88 %.
fn record(rng: &mut ChaCha8Rng, pop: &Population, m: usize) -> PersonRecord {
    let p = &pop.persons[m];
    let a = pop.addresses[p.address];
    let s = &pop.places.streets[a.street];
    let (house_number, house_letter) = match a.letter {
        None => (a.number.to_string(), String::new()),
        Some(l) => {
            let u: f64 = rng.random();
            if u < 0.7 {
                (a.number.to_string(), l.to_string())
            } else if u < 0.9 {
                (format!("{} {l}", a.number), String::new())
            } else {
                (format!("{}{l}", a.number), String::new())
            }
        }
    };
    PersonRecord {
        given_names: p.given.clone(),
        surname: p.surname.clone(),
        street: s.name(),
        house_number,
        house_letter,
        postcode: s.postcode.clone(),
        city: pop.places.towns[s.town].name.clone(),
        birth_date: rng.random_bool(0.88).then_some(p.birth),
        national_id: None,
    }
}
