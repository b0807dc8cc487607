//! The fourth set's population: households at houses, who of them is reserved, and the
//! register rows of the reserved.
//!
//! Households are singles (36 %), couples (26 %), families of a couple or a single parent with
//! one to three grown children (28 %, in 5 % of them a son named exactly as his father), and
//! shared flats of two to four unrelated young adults (10 %). 15 % of households move into a
//! house another household already lives at (blocks of flats). Members of a household
//! (except a junior) have given names a reader tells apart: two edits or more, not one the
//! start of the other, not spellings of one name. Reservation is per household: everybody
//! (40 %), each member with probability 0.5 (40 %) or nobody (20 %).

use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::{House, Reading, edits, fold, name_words};
use super::names::{MEN, SURNAMES, WOMEN, variant_group, zipf_cumulative};
use super::places::Places;
use crate::person::PersonRecord;

/// A person's sex (for given names and titles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sex {
    /// Male.
    Male,
    /// Female.
    Female,
}

/// One person of the population, reserved or not.
#[derive(Debug, Clone)]
pub(super) struct Person {
    /// Sex.
    pub sex: Sex,
    /// Given names (`Kari Marie`, `Anne-Lise`).
    pub given: String,
    /// Surname (`Hansen`, `Berg Hansen`).
    pub surname: String,
    /// Post town (index).
    pub town: usize,
    /// Street (index into the town's streets).
    pub street: usize,
    /// House number.
    pub number: u32,
    /// House letter (empty if none).
    pub letter: String,
    /// True birth date.
    pub dob: NaiveDate,
    /// Household number.
    pub household: u32,
    /// Register index, if reserved.
    pub reserved: Option<usize>,
}

/// The population and its register.
#[derive(Debug)]
pub(super) struct Population {
    /// Everybody.
    pub persons: Vec<Person>,
    /// Members of each household (indices into `persons`).
    pub households: Vec<Vec<usize>>,
    /// The register rows of the reserved persons.
    pub register: Vec<PersonRecord>,
    /// For each register row, its person (index into `persons`).
    pub person_of: Vec<usize>,
}

/// Weighted draws from the name lists.
pub(super) struct NameDraw {
    men: Vec<f64>,
    women: Vec<f64>,
    surnames: Vec<f64>,
}

fn draw(rng: &mut ChaCha8Rng, cum: &[f64]) -> usize {
    let total = cum.last().copied().unwrap_or(0.0);
    let x = rng.random_range(0.0..total.max(f64::MIN_POSITIVE));
    cum.partition_point(|&w| w <= x)
        .min(cum.len().saturating_sub(1))
}

impl NameDraw {
    /// The draw weights of the lists.
    pub fn new() -> NameDraw {
        NameDraw {
            men: zipf_cumulative(MEN.len()),
            women: zipf_cumulative(WOMEN.len()),
            surnames: zipf_cumulative(SURNAMES.len()),
        }
    }

    /// One given name of a sex.
    pub fn given(&self, rng: &mut ChaCha8Rng, sex: Sex) -> &'static str {
        match sex {
            Sex::Male => MEN[draw(rng, &self.men)],
            Sex::Female => WOMEN[draw(rng, &self.women)],
        }
    }

    /// One surname.
    pub fn surname(&self, rng: &mut ChaCha8Rng) -> &'static str {
        SURNAMES[draw(rng, &self.surnames)]
    }

    /// Full given names: one, or two (30 %; hyphenated in 12 % of those).
    pub fn given_names(&self, rng: &mut ChaCha8Rng, sex: Sex) -> String {
        let first = self.given(rng, sex);
        if rng.random_bool(0.3) {
            for _ in 0..10 {
                let second = self.given(rng, sex);
                if far(first, second) {
                    let sep = if rng.random_bool(0.12) { "-" } else { " " };
                    return format!("{first}{sep}{second}");
                }
            }
        }
        first.to_owned()
    }
}

/// Whether a reader tells two given-name words apart: two edits or more when folded, neither
/// the start of the other, not spellings of one name.
pub(super) fn far(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa.starts_with(&fb) || fb.starts_with(&fa) || edits(&fa, &fb) < 2 {
        return false;
    }
    !matches!((variant_group(a), variant_group(b)), (Some(x), Some(y)) if std::ptr::eq(x, y))
}

/// Whether every word of `a` is far from every word of `b`.
pub(super) fn all_far(a: &str, b: &str) -> bool {
    super::judge::words(a)
        .iter()
        .all(|x| super::judge::words(b).iter().all(|y| far(x, y)))
}

/// A date in a year.
pub(super) fn date_in(rng: &mut ChaCha8Rng, year: i32) -> NaiveDate {
    let day = rng.random_range(1..=365);
    NaiveDate::from_yo_opt(year, day)
        .or_else(|| NaiveDate::from_ymd_opt(year, 6, 15))
        .unwrap_or_default()
}

/// The year of a date.
pub(super) fn year_of(d: NaiveDate) -> i32 {
    use chrono::Datelike;
    d.year()
}

impl Population {
    /// Generates households until `reserved` persons are reserved.
    pub fn generate(rng: &mut ChaCha8Rng, places: &Places, reserved: usize) -> Population {
        let names = NameDraw::new();
        let mut pop = Population {
            persons: Vec::new(),
            households: Vec::new(),
            register: Vec::with_capacity(reserved),
            person_of: Vec::with_capacity(reserved),
        };
        let mut houses: Vec<(usize, usize, u32, String)> = Vec::new();
        while pop.register.len() < reserved {
            let house = if !houses.is_empty() && rng.random_bool(0.15) {
                houses[rng.random_range(0..houses.len())].clone()
            } else {
                let town = places.draw_town(rng);
                let streets = &places.towns[town].streets;
                if streets.is_empty() {
                    continue;
                }
                let u: f64 = rng.random();
                let street = ((u.powf(1.8) * streets.len() as f64) as usize).min(streets.len() - 1);
                let max = streets[street].max_number;
                let v: f64 = rng.random();
                let number = 1 + ((v * v * f64::from(max)) as u32).min(max - 1);
                let letter = if rng.random_bool(0.12) {
                    ["A", "A", "A", "B", "B", "C", "D"][rng.random_range(0..7)].to_owned()
                } else {
                    String::new()
                };
                let h = (town, street, number, letter);
                houses.push(h.clone());
                h
            };
            let members = household_members(rng, &names);
            let hh = u32::try_from(pop.households.len()).expect("fewer than 2^32 households");
            let mode: f64 = rng.random();
            let mut ids = Vec::new();
            for (sex, given, surname, dob) in members {
                let p = pop.persons.len();
                let is_reserved = if mode < 0.4 {
                    true
                } else if mode < 0.8 {
                    rng.random_bool(0.5)
                } else {
                    false
                };
                let reserved_at = if is_reserved && pop.register.len() < reserved {
                    Some(pop.register.len())
                } else {
                    None
                };
                let person = Person {
                    sex,
                    given,
                    surname,
                    town: house.0,
                    street: house.1,
                    number: house.2,
                    letter: house.3.clone(),
                    dob,
                    household: hh,
                    reserved: reserved_at,
                };
                if reserved_at.is_some() {
                    let shows_dob = rng.random_bool(0.85);
                    pop.register.push(record_of(places, &person, shows_dob));
                    pop.person_of.push(p);
                }
                pop.persons.push(person);
                ids.push(p);
            }
            pop.households.push(ids);
        }
        pop
    }

    /// The judge's reading of every register row.
    pub fn readings(&self, places: &Places) -> Vec<Reading> {
        self.person_of
            .iter()
            .zip(&self.register)
            .map(|(&p, rec)| {
                let mut r = reading_of(places, &self.persons[p]);
                r.dob = rec.birth_date;
                r
            })
            .collect()
    }
}

/// The register row of a person.
pub(super) fn record_of(places: &Places, p: &Person, shows_dob: bool) -> PersonRecord {
    let town = &places.towns[p.town];
    let street = &town.streets[p.street];
    PersonRecord {
        given_names: p.given.clone(),
        surname: p.surname.clone(),
        street: street.full.clone(),
        house_number: p.number.to_string(),
        house_letter: p.letter.clone(),
        postcode: places.postcodes[street.postcode_of(p.number)].0.clone(),
        city: town.name.clone(),
        birth_date: shows_dob.then_some(p.dob),
        national_id: None,
    }
}

/// The judge's reading of a person at their house, with their true birth date.
pub(super) fn reading_of(places: &Places, p: &Person) -> Reading {
    Reading {
        given: name_words(&p.given),
        surname: name_words(&p.surname),
        house: Some(house_of(places, p.town, p.street, p.number, &p.letter)),
        town: p.town,
        dob: Some(p.dob),
    }
}

/// The judge's house of an address.
pub(super) fn house_of(
    places: &Places,
    town: usize,
    street: usize,
    number: u32,
    letter: &str,
) -> House {
    House {
        town,
        lkey: places.towns[town].streets[street].lkey.clone(),
        number,
        letter: letter.to_uppercase(),
    }
}

type Member = (Sex, String, String, NaiveDate);

/// The members of a new household: sex, given names, surname, birth date.
fn household_members(rng: &mut ChaCha8Rng, names: &NameDraw) -> Vec<Member> {
    let r: f64 = rng.random();
    let mut out: Vec<Member> = Vec::new();
    let other = |s: Sex| match s {
        Sex::Male => Sex::Female,
        Sex::Female => Sex::Male,
    };
    let sex0 = if rng.random_bool(0.5) {
        Sex::Male
    } else {
        Sex::Female
    };
    let add = |rng: &mut ChaCha8Rng, out: &mut Vec<Member>, sex: Sex, surname: String, year| {
        let mut given = names.given_names(rng, sex);
        for _ in 0..30 {
            if out.iter().all(|m| all_far(&m.1, &given)) {
                break;
            }
            given = names.given_names(rng, sex);
        }
        if out.iter().all(|m| all_far(&m.1, &given)) {
            let dob = date_in(rng, year);
            out.push((sex, given, surname, dob));
        }
    };
    if r < 0.36 {
        let year = rng.random_range(1935..=2005);
        let surname = names.surname(rng).to_owned();
        add(rng, &mut out, sex0, surname, year);
    } else if r < 0.90 {
        let family = r >= 0.62;
        let year0 = rng.random_range(if family { 1940..=1982 } else { 1935..=2003 });
        let s0 = names.surname(rng).to_owned();
        add(rng, &mut out, sex0, s0.clone(), year0);
        let partner = !family || rng.random_bool(0.8);
        let mut child_surnames = vec![s0.clone()];
        if partner {
            let sex1 = if rng.random_bool(0.93) {
                other(sex0)
            } else {
                sex0
            };
            let own = names.surname(rng).to_owned();
            let x: f64 = rng.random();
            let s1 = if x < 0.55 || own == s0 {
                s0.clone()
            } else if x < 0.85 {
                child_surnames.push(own.clone());
                own
            } else {
                child_surnames.push(format!("{own} {s0}"));
                format!("{own} {s0}")
            };
            let y1 = (year0 + rng.random_range(-8..=8)).clamp(1930, 2005);
            add(rng, &mut out, sex1, s1, y1);
        }
        if family {
            let kids = rng.random_range(1..=3);
            let father = out.iter().find(|m| m.0 == Sex::Male).cloned();
            for k in 0..kids {
                let year = (year0 + rng.random_range(22..=38)).min(2006);
                let surname = child_surnames[rng.random_range(0..child_surnames.len())].clone();
                if k == 0
                    && rng.random_bool(0.05)
                    && let Some(f) = &father
                {
                    // A junior: the father's given names and surname.
                    let dob = date_in(rng, year.max(year_of(f.3) + 20));
                    out.push((Sex::Male, f.1.clone(), f.2.clone(), dob));
                    continue;
                }
                let sex = if rng.random_bool(0.5) {
                    Sex::Male
                } else {
                    Sex::Female
                };
                add(rng, &mut out, sex, surname, year);
            }
        }
    } else {
        let n = rng.random_range(2..=4);
        for _ in 0..n {
            let sex = if rng.random_bool(0.5) {
                Sex::Male
            } else {
                Sex::Female
            };
            let year = rng.random_range(1990..=2006);
            let surname = names.surname(rng).to_owned();
            add(rng, &mut out, sex, surname, year);
        }
    }
    out
}
