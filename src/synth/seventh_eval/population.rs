//! Households, their houses, and the register of the reserved among them.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rand::seq::IndexedRandom;

use super::judge::given_could_be;
use super::names::{MEN, ORIGINS, SURNAMES, WOMEN, pick};
use super::places::{Geography, random_number};
use crate::person::PersonRecord;

/// A house: town, street (indices into the geography), number and letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct House {
    pub town: u32,
    pub street: u32,
    pub number: u32,
    pub letter: Option<char>,
}

/// A person of the population (reserved or not).
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub given: String,
    pub surname: String,
    pub female: bool,
    pub birth: NaiveDate,
    pub household: u32,
    pub house: House,
    /// Index of the person's register row, if reserved.
    pub row: Option<u32>,
    /// From an immigrant family.
    pub immigrant: Option<usize>,
}

/// The population and its register.
pub(super) struct Population {
    pub persons: Vec<Person>,
    pub households: Vec<Vec<u32>>,
    pub at_house: HashMap<House, Vec<u32>>,
    pub register: Vec<PersonRecord>,
    /// The person of each register row.
    pub row_person: Vec<u32>,
}

struct Member {
    given: String,
    surname: String,
    female: bool,
    birth: NaiveDate,
}

/// A birth date in `from..=to`, day 1–28.
pub(super) fn random_birth(rng: &mut impl Rng, from: i32, to: i32) -> NaiveDate {
    let y = rng.random_range(from..=to.max(from));
    NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(1..=28))
        .expect("day 1–28 exists in every month")
}

/// The same day `years` later (earlier if negative).
pub(super) fn shift_years(d: NaiveDate, years: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year() + years, d.month(), d.day().min(28)).unwrap_or(d)
}

/// A first given name for a person of `origin`, told apart (by the judge's reading) from
/// every given name in `taken`.
pub(super) fn fresh_given(
    rng: &mut impl Rng,
    female: bool,
    origin: Option<usize>,
    taken: &[&str],
) -> Option<String> {
    for _ in 0..40 {
        let name = match origin {
            Some(o) => {
                let list = if female { ORIGINS[o].2 } else { ORIGINS[o].1 };
                *list.choose(rng).expect("lists are not empty")
            }
            None => pick(rng, if female { WOMEN } else { MEN }),
        };
        if !taken
            .iter()
            .flat_map(|t| t.split([' ', '-']))
            .any(|t| given_could_be(name, t))
        {
            return Some(name.to_owned());
        }
    }
    None
}

fn full_given(
    rng: &mut impl Rng,
    female: bool,
    origin: Option<usize>,
    taken: &[&str],
) -> Option<String> {
    let first = fresh_given(rng, female, origin, taken)?;
    if origin.is_none() && rng.random_bool(0.25) {
        let mut all: Vec<&str> = taken.to_vec();
        all.push(&first);
        let second = fresh_given(rng, female, None, &all)?;
        let sep = if rng.random_bool(0.3) { "-" } else { " " };
        return Some(format!("{first}{sep}{second}"));
    }
    Some(first)
}

fn family_surname(rng: &mut impl Rng, origin: Option<usize>) -> String {
    match origin {
        Some(o) => (*ORIGINS[o].0.choose(rng).expect("lists are not empty")).to_owned(),
        None => {
            let a = pick(rng, SURNAMES);
            if rng.random_bool(0.06) {
                let b = pick(rng, SURNAMES);
                if a != b {
                    let sep = if rng.random_bool(0.3) { "-" } else { " " };
                    return format!("{a}{sep}{b}");
                }
            }
            a.to_owned()
        }
    }
}

impl Population {
    /// Households until `reserved` persons are reserved.
    pub(super) fn build(geo: &Geography, reserved: usize, rng: &mut impl Rng) -> Population {
        let mut pop = Population {
            persons: Vec::new(),
            households: Vec::new(),
            at_house: HashMap::new(),
            register: Vec::with_capacity(reserved),
            row_person: Vec::with_capacity(reserved),
        };
        let mut houses: Vec<House> = Vec::new();
        while pop.register.len() < reserved {
            let origin = rng
                .random_bool(1.0 / 7.0)
                .then(|| rng.random_range(0..ORIGINS.len()));
            let Some(members) = household(rng, origin) else {
                continue;
            };
            let house = pick_house(geo, rng, &houses);
            houses.push(house);
            let hh = pop.households.len() as u32;
            let mode: f64 = rng.random();
            let mut ids = Vec::with_capacity(members.len());
            for m in members {
                let id = pop.persons.len() as u32;
                let reserve = if mode < 0.40 {
                    true
                } else if mode < 0.80 {
                    rng.random_bool(0.55)
                } else {
                    false
                };
                let row = (reserve && pop.register.len() < reserved).then(|| {
                    let row = record(geo, rng, &m, house);
                    pop.register.push(row);
                    pop.row_person.push(id);
                    (pop.register.len() - 1) as u32
                });
                pop.persons.push(Person {
                    given: m.given,
                    surname: m.surname,
                    female: m.female,
                    birth: m.birth,
                    household: hh,
                    house,
                    row,
                    immigrant: origin,
                });
                pop.at_house.entry(house).or_default().push(id);
                ids.push(id);
            }
            pop.households.push(ids);
        }
        pop
    }
}

fn pick_house(geo: &Geography, rng: &mut impl Rng, houses: &[House]) -> House {
    let r: f64 = rng.random();
    if !houses.is_empty() && r < 0.18 {
        // A block of flats: the register has no flat numbers.
        return *houses.choose(rng).expect("not empty");
    }
    if !houses.is_empty() && r < 0.23 {
        let h = *houses.choose(rng).expect("not empty");
        if let Some(l) = h.letter {
            let other = if l == 'A' { 'B' } else { 'A' };
            return House {
                letter: Some(other),
                ..h
            };
        }
    }
    let town = geo.random_town(rng);
    let street = geo.random_street(rng, town);
    let len = geo.street(town, street).len;
    let number = random_number(rng, len);
    let letter = rng.random_bool(0.15).then(|| {
        let x: f64 = rng.random();
        if x < 0.4 {
            'A'
        } else if x < 0.7 {
            'B'
        } else if x < 0.85 {
            'C'
        } else if x < 0.95 {
            'D'
        } else {
            'E'
        }
    });
    House {
        town,
        street,
        number,
        letter,
    }
}

/// One household's members (adults only; minors are never on the register).
fn household(rng: &mut impl Rng, origin: Option<usize>) -> Option<Vec<Member>> {
    let mut out: Vec<Member> = Vec::new();
    let add = |out: &mut Vec<Member>,
               rng: &mut _,
               p_female: f64,
               surname: String,
               birth: NaiveDate|
     -> Option<()> {
        let female = Rng::random_bool(rng, p_female);
        let taken: Vec<&str> = out.iter().map(|m: &Member| m.given.as_str()).collect();
        let given = full_given(rng, female, origin, &taken)?;
        out.push(Member {
            given,
            surname,
            female,
            birth,
        });
        Some(())
    };
    let r: f64 = rng.random();
    let adult_born = |rng: &mut _| random_birth(rng, 1936, 2005);
    if r < 0.30 {
        let b = adult_born(rng);
        let surname = family_surname(rng, origin);
        add(&mut out, rng, 0.52, surname, b)?;
    } else if r < 0.76 {
        // Couples: married (20 %), cohabiting (12 %), with grown children (14 %).
        let he = adult_born(rng);
        let she = shift_years(he, rng.random_range(-7..=3));
        let his = family_surname(rng, origin);
        let hers_own = family_surname(rng, origin);
        let married = r < 0.50 || (r >= 0.62 && rng.random_bool(0.7));
        let (his_written, hers) = if origin.is_some() || !married {
            (his.clone(), hers_own.clone())
        } else {
            let x: f64 = rng.random();
            if x < 0.45 {
                (his.clone(), his.clone())
            } else if x < 0.80 {
                (his.clone(), hers_own.clone())
            } else if x < 0.95 {
                (his.clone(), format!("{hers_own} {his}"))
            } else {
                (hers_own.clone(), hers_own.clone())
            }
        };
        // A couple of two women or two men in 5 %.
        let same_sex = rng.random_bool(0.05);
        let first_female = if same_sex && rng.random_bool(0.5) {
            1.0
        } else {
            0.0
        };
        let second_female = if same_sex { first_female } else { 1.0 };
        add(&mut out, rng, first_female, his_written.clone(), he)?;
        add(&mut out, rng, second_female, hers.clone(), she)?;
        if r >= 0.62 {
            let younger = he.max(she);
            let kids = rng.random_range(1..=3);
            for _ in 0..kids {
                let born = random_birth(rng, younger.year() + 22, younger.year() + 38);
                if born.year() > 2007 {
                    continue;
                }
                let x: f64 = rng.random();
                let surname = if his_written == hers || x < 0.6 {
                    his_written.clone()
                } else if x < 0.75 {
                    hers_own.clone()
                } else {
                    format!("{hers_own} {his}")
                };
                add(&mut out, rng, 0.5, surname, born)?;
            }
        }
    } else if r < 0.84 {
        // A parent living with one or two grown children.
        let parent = random_birth(rng, 1936, 1975);
        let surname = family_surname(rng, origin);
        add(&mut out, rng, 0.6, surname.clone(), parent)?;
        for _ in 0..rng.random_range(1..=2) {
            let born = random_birth(rng, parent.year() + 20, parent.year() + 36);
            if born.year() <= 2007 {
                add(&mut out, rng, 0.5, surname.clone(), born)?;
            }
        }
    } else if r < 0.88 {
        // Three generations: a grandparent, a couple, a grown grandchild.
        let grand = random_birth(rng, 1930, 1950);
        let surname = family_surname(rng, origin);
        add(&mut out, rng, 0.65, surname.clone(), grand)?;
        let child = random_birth(rng, grand.year() + 22, grand.year() + 34);
        add(&mut out, rng, 0.0, surname.clone(), child)?;
        let in_law = shift_years(child, rng.random_range(-5..=3));
        add(&mut out, rng, 1.0, surname.clone(), in_law)?;
        let gc = random_birth(rng, child.year() + 22, child.year() + 32);
        if gc.year() <= 2007 {
            add(&mut out, rng, 0.5, surname, gc)?;
        }
    } else if r < 0.96 {
        // A shared flat (kollektiv): two to four unrelated young adults.
        for _ in 0..rng.random_range(2..=4) {
            let b = random_birth(rng, 1993, 2006);
            let o = if rng.random_bool(0.2) {
                Some(rng.random_range(0..ORIGINS.len()))
            } else {
                origin
            };
            let surname = family_surname(rng, o);
            let taken: Vec<&str> = out.iter().map(|m| m.given.as_str()).collect();
            let female = rng.random_bool(0.5);
            let given = full_given(rng, female, o, &taken)?;
            out.push(Member {
                given,
                surname,
                female,
                birth: b,
            });
        }
    } else {
        // Adult siblings.
        let first = random_birth(rng, 1940, 2000);
        let surname = family_surname(rng, origin);
        for _ in 0..rng.random_range(2..=3) {
            let b = random_birth(rng, first.year(), first.year() + 7);
            add(&mut out, rng, 0.5, surname.clone(), b)?;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The register row of a reserved member.
fn record(geo: &Geography, rng: &mut impl Rng, m: &Member, house: House) -> PersonRecord {
    let street = geo.street(house.town, house.street);
    let postal = super::places::postal();
    let (house_number, house_letter) = match house.letter {
        None => (house.number.to_string(), String::new()),
        Some(l) => {
            let x: f64 = rng.random();
            if x < 0.6 {
                (house.number.to_string(), l.to_string())
            } else if x < 0.85 {
                (
                    format!("{}{}", house.number, l.to_ascii_lowercase()),
                    String::new(),
                )
            } else {
                (format!("{} {l}", house.number), String::new())
            }
        }
    };
    let national_id = rng
        .random_bool(0.03)
        .then(|| national_id(rng, m.birth, m.female))
        .flatten();
    let shows_birth = national_id.is_some() || rng.random_bool(0.85);
    PersonRecord {
        given_names: m.given.clone(),
        surname: m.surname.clone(),
        street: street.name.clone(),
        house_number,
        house_letter,
        postcode: street.postcode.clone(),
        city: postal.towns[house.town as usize].clone(),
        birth_date: shows_birth.then_some(m.birth),
        national_id,
    }
}

/// A valid 11-digit national id (fødselsnummer) for the birth date and sex.
pub(super) fn national_id(rng: &mut impl Rng, birth: NaiveDate, female: bool) -> Option<String> {
    let y = birth.year();
    let range = if (1900..=1999).contains(&y) {
        0..=499u32
    } else if (2000..=2039).contains(&y) {
        500..=999
    } else {
        return None;
    };
    for _ in 0..50 {
        let mut ind = rng.random_range(range.clone());
        // The third digit of the individual number is odd for men, even for women.
        if (ind % 2 == 1) == female {
            ind = if ind == *range.end() {
                ind - 1
            } else {
                ind + 1
            };
        }
        let base = format!(
            "{:02}{:02}{:02}{ind:03}",
            birth.day(),
            birth.month(),
            y % 100
        );
        let d: Vec<u32> = base.chars().filter_map(|c| c.to_digit(10)).collect();
        let k1 = check(&d, &[3, 7, 6, 1, 8, 9, 4, 5, 2])?;
        let Some(k1) = k1 else { continue };
        let mut d2 = d.clone();
        d2.push(k1);
        let Some(k2) = check(&d2, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2])? else {
            continue;
        };
        return Some(format!("{base}{k1}{k2}"));
    }
    None
}

/// The mod-11 check digit (`Some(None)` when it would be 10: no valid id).
pub(super) fn check(digits: &[u32], weights: &[u32]) -> Option<Option<u32>> {
    if digits.len() != weights.len() {
        return None;
    }
    let s: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    let k = (11 - s % 11) % 11;
    Some((k != 10).then_some(k))
}
