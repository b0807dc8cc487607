//! The population: households of persons (names by origin, birth dates, national ids, houses)
//! in the world's places, some of them reserved, and the addresses a look-alike or a moved
//! person may get.

use std::collections::HashSet;

use chrono::{Datelike, Days, NaiveDate};
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::names::{Names, cohort, lev};
use super::places::{City, Code, Street, build_places};
use super::words::{Era, ORIGINS, Origin, Sex};

/// The year the leads are called in; everybody generated is at least 18 then.
const CALL_YEAR: i32 = 2025;

/// A name as the population register knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Name {
    pub(super) given: Vec<u16>,
    /// The first two given names joined with a hyphen (`Anne-Lise`).
    pub(super) given_hyphen: bool,
    /// A *mellomnavn* (a surname used as middle name), delivered at the end of the given names.
    pub(super) middle: Option<u16>,
    /// One part, or two (a double surname).
    pub(super) surname: Vec<u16>,
    pub(super) surname_hyphen: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Addr {
    pub(super) street: u32,
    pub(super) number: u16,
    pub(super) letter: Option<u8>,
}

pub(super) struct Person {
    pub(super) name: Name,
    pub(super) sex: Sex,
    pub(super) origin: Origin,
    pub(super) birth: NaiveDate,
    pub(super) addr: Addr,
    pub(super) household: u32,
    pub(super) reserved: bool,
    /// Whether the register row carries the birth date.
    pub(super) birth_listed: bool,
    /// The national id, for a minority of reserved persons.
    pub(super) nid: Option<String>,
}

pub(super) struct World {
    pub(super) names: Names,
    pub(super) codes: Vec<Code>,
    pub(super) cities: Vec<City>,
    pub(super) streets: Vec<Street>,
    pub(super) people: Vec<Person>,
    /// Ranges of `people`, one per household.
    pub(super) households: Vec<(u32, u32)>,
}

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn random_birth(rng: &mut ChaCha8Rng, year: i32) -> NaiveDate {
    let start = date(year, 1, 1);
    let days = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    };
    start
        .checked_add_days(Days::new(rng.random_range(0..days)))
        .unwrap_or(start)
}

/// A birth date of another adult, not `not`, in a year `gap` years before or after it when it
/// fits, else anywhere between 1935 and the latest adult year.
pub(super) fn other_birth(
    rng: &mut ChaCha8Rng,
    not: NaiveDate,
    gap: std::ops::RangeInclusive<i32>,
) -> NaiveDate {
    for _ in 0..20 {
        let g = rng.random_range(gap.clone());
        let year = if rng.random_bool(0.5) {
            not.year() - g
        } else {
            not.year() + g
        };
        if (1930..=CALL_YEAR - 18).contains(&year) {
            let b = random_birth(rng, year);
            if b != not {
                return b;
            }
        }
    }
    loop {
        let year = rng.random_range(1935..=CALL_YEAR - 18);
        let b = random_birth(rng, year);
        if b != not {
            return b;
        }
    }
}

pub(super) fn any_adult_birth(rng: &mut ChaCha8Rng) -> NaiveDate {
    let year = rng.random_range(1940..=CALL_YEAR - 19);
    random_birth(rng, year)
}

pub(super) fn house_number(rng: &mut ChaCha8Rng) -> u16 {
    let x: f64 = rng.random();
    1 + (x * x * x * 150.0) as u16
}

pub(super) fn house_letter(rng: &mut ChaCha8Rng) -> Option<u8> {
    if !rng.random_bool(0.14) {
        return None;
    }
    let x = rng.random_range(0..100);
    Some(match x {
        0..35 => b'A',
        35..65 => b'B',
        65..80 => b'C',
        80..90 => b'D',
        90..96 => b'E',
        _ => b'F',
    })
}

/// The two check digits of a Norwegian national id (mod 11), or None when the nine digits
/// have none (a check digit of 10).
pub(super) fn nid_check_digits(nine: &[u32; 9]) -> Option<(u32, u32)> {
    const W1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const W2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let s1: u32 = nine.iter().zip(W1).map(|(d, w)| d * w).sum();
    let k1 = (11 - s1 % 11) % 11;
    if k1 == 10 {
        return None;
    }
    let s2: u32 = nine
        .iter()
        .chain(std::iter::once(&k1))
        .zip(W2)
        .map(|(d, w)| d * w)
        .sum();
    let k2 = (11 - s2 % 11) % 11;
    (k2 != 10).then_some((k1, k2))
}

/// A checksum-valid national id for a birth date and sex (individual number in the range the
/// birth year uses, its last digit odd for men), not in `taken`.
pub(super) fn national_id(
    rng: &mut ChaCha8Rng,
    birth: NaiveDate,
    sex: Sex,
    taken: &mut HashSet<String>,
) -> Option<String> {
    let year = birth.year();
    for _ in 0..400 {
        let (lo, hi) = if year >= 2000 {
            (500, 999)
        } else if year >= 1940 && rng.random_bool(0.1) {
            (900, 999)
        } else {
            (0, 499)
        };
        let mut ind: u32 = rng.random_range(lo..=hi);
        if (ind % 2 == 1) != (sex == Sex::Male) {
            ind = if ind < hi { ind + 1 } else { ind - 1 };
        }
        let digits = [
            birth.day() / 10,
            birth.day() % 10,
            birth.month() / 10,
            birth.month() % 10,
            (year.rem_euclid(100) / 10) as u32,
            (year.rem_euclid(10)) as u32,
            ind / 100,
            ind / 10 % 10,
            ind % 10,
        ];
        let Some((k1, k2)) = nid_check_digits(&digits) else {
            continue;
        };
        let id: String = digits
            .iter()
            .chain([k1, k2].iter())
            .filter_map(|&d| char::from_digit(d, 10))
            .collect();
        if taken.insert(id.clone()) {
            return Some(id);
        }
    }
    None
}

fn pick_origin(rng: &mut ChaCha8Rng) -> Origin {
    let total: u32 = ORIGINS.iter().map(|o| o.1).sum();
    let mut x = rng.random_range(0..total);
    for &(o, w) in &ORIGINS {
        if x < w {
            return o;
        }
        x -= w;
    }
    Origin::Norwegian
}

/// A person being placed into a household.
struct Member {
    pub(super) sex: Sex,
    pub(super) year: i32,
    pub(super) surname: Vec<u16>,
    pub(super) surname_hyphen: bool,
    pub(super) middle: Option<u16>,
}

impl World {
    pub(super) fn build(rng: &mut ChaCha8Rng, reserved: usize) -> World {
        let names = Names::new();
        let (codes, cities, streets) = build_places(rng, &names);
        let mut world = World {
            names,
            codes,
            cities,
            streets,
            people: Vec::new(),
            households: Vec::new(),
        };
        world.populate(rng, reserved);
        world
    }

    fn random_addr_in(&self, rng: &mut ChaCha8Rng, code: u32) -> Addr {
        let streets = &self.codes[code as usize].streets;
        Addr {
            street: streets.choose(rng).copied().unwrap_or(0),
            number: house_number(rng),
            letter: house_letter(rng),
        }
    }

    fn random_code(&self, rng: &mut ChaCha8Rng) -> u32 {
        rng.random_range(0..self.codes.len() as u32)
    }

    fn code_of(&self, a: &Addr) -> u32 {
        self.streets[a.street as usize].code
    }

    fn city_of(&self, a: &Addr) -> u32 {
        self.codes[self.code_of(a) as usize].city
    }

    /// Households until `reserved` persons are reserved.
    fn populate(&mut self, rng: &mut ChaCha8Rng, reserved: usize) {
        let mut count = 0;
        let mut addrs: Vec<Addr> = Vec::new();
        let mut taken_ids = HashSet::new();
        while count < reserved && !self.codes.is_empty() {
            let household = self.households.len() as u32;
            // Some addresses are blocks of flats where several households live.
            let addr = match addrs.choose(rng) {
                Some(&a) if rng.random_bool(0.12) => a,
                _ => {
                    let code = self.random_code(rng);
                    let a = self.random_addr_in(rng, code);
                    addrs.push(a);
                    a
                }
            };
            let origin = pick_origin(rng);
            let members = self.household_members(rng, origin);
            let start = self.people.len() as u32;
            let all = rng.random_bool(0.5);
            let mut flags: Vec<bool> = members
                .iter()
                .map(|_| all || rng.random_bool(0.45))
                .collect();
            if !flags.iter().any(|&f| f) {
                let i = rng.random_range(0..flags.len());
                flags[i] = true;
            }
            let mut placed: Vec<Name> = Vec::new();
            for (m, flag) in members.into_iter().zip(flags) {
                let name = self.member_name(rng, origin, &m, &placed);
                let birth = random_birth(rng, m.year);
                let reserved_now = flag && count < reserved;
                count += usize::from(reserved_now);
                let nid = if reserved_now && rng.random_bool(0.15) {
                    national_id(rng, birth, m.sex, &mut taken_ids)
                } else {
                    None
                };
                placed.push(name.clone());
                self.people.push(Person {
                    name,
                    sex: m.sex,
                    origin,
                    birth,
                    addr,
                    household,
                    reserved: reserved_now,
                    birth_listed: rng.random_bool(0.9),
                    nid,
                });
            }
            self.households.push((start, self.people.len() as u32));
        }
    }

    /// Sexes, birth years and surnames of one household.
    fn household_members(&self, rng: &mut ChaCha8Rng, origin: Origin) -> Vec<Member> {
        let names = &self.names;
        let size = match rng.random_range(0..100) {
            0..38 => 1,
            38..70 => 2,
            70..83 => 3,
            83..95 => 4,
            _ => 5,
        };
        let surname1 = names.sample_surname(rng, origin);
        let double_or_single = |rng: &mut ChaCha8Rng, first: u16| -> (Vec<u16>, bool) {
            if origin == Origin::Norwegian && rng.random_bool(0.04) {
                let other = names.sample_surname(rng, origin);
                if other != first {
                    return (vec![other, first], rng.random_bool(0.2));
                }
            }
            (vec![first], false)
        };
        let any_sex = |rng: &mut ChaCha8Rng| {
            if rng.random_bool(0.5) {
                Sex::Male
            } else {
                Sex::Female
            }
        };
        if size == 1 {
            let (surname, surname_hyphen) = double_or_single(rng, surname1);
            let middle = (origin == Origin::Norwegian && rng.random_bool(0.04))
                .then(|| names.sample_surname(rng, origin))
                .filter(|m| !surname.contains(m));
            return vec![Member {
                sex: any_sex(rng),
                year: rng.random_range(1935..=CALL_YEAR - 19),
                surname,
                surname_hyphen,
                middle,
            }];
        }
        let mut members = Vec::new();
        let couple = rng.random_bool(0.88);
        let mother_year;
        let mut partner_own: Option<u16> = None;
        let mut maiden: Option<u16> = None;
        if couple {
            let head_year = rng.random_range(1938..=1998);
            let partner_year = (head_year + rng.random_range(-4..=4)).min(CALL_YEAR - 19);
            let (head_sex, partner_sex) = if rng.random_bool(0.95) {
                (Sex::Male, Sex::Female)
            } else {
                let s = any_sex(rng);
                (s, s)
            };
            let (surname, surname_hyphen) = double_or_single(rng, surname1);
            members.push(Member {
                sex: head_sex,
                year: head_year,
                surname: surname.clone(),
                surname_hyphen,
                middle: None,
            });
            let own = names.sample_surname(rng, origin);
            let r: f64 = rng.random();
            let (psurname, phyphen, pmiddle) = if own == surname1 || r < 0.60 {
                (surname.clone(), surname_hyphen, None)
            } else if r < 0.75 && origin == Origin::Norwegian {
                maiden = Some(own);
                (surname.clone(), surname_hyphen, Some(own))
            } else {
                partner_own = Some(own);
                (vec![own], false, None)
            };
            members.push(Member {
                sex: partner_sex,
                year: partner_year,
                surname: psurname,
                surname_hyphen: phyphen,
                middle: pmiddle,
            });
            mother_year = if partner_sex == Sex::Female {
                partner_year
            } else {
                head_year
            };
        } else {
            let year = rng.random_range(1950..=1985);
            let sex = if rng.random_bool(0.75) {
                Sex::Female
            } else {
                Sex::Male
            };
            members.push(Member {
                sex,
                year,
                surname: vec![surname1],
                surname_hyphen: false,
                middle: None,
            });
            mother_year = year;
        }
        let mut years: Vec<i32> = Vec::new();
        for _ in members.len()..size {
            let year = mother_year + rng.random_range(22..=40);
            if year > CALL_YEAR - 18 || years.contains(&year) {
                continue;
            }
            years.push(year);
            let (surname, surname_hyphen) = match partner_own {
                Some(own) => match rng.random_range(0..100) {
                    0..45 => (vec![surname1], false),
                    45..65 => (vec![own], false),
                    _ if matches!(origin, Origin::Norwegian | Origin::Swedish | Origin::German) => {
                        (vec![own, surname1], rng.random_bool(0.2))
                    }
                    _ => (vec![surname1], false),
                },
                None => (members[0].surname.clone(), members[0].surname_hyphen),
            };
            let middle = maiden.filter(|_| rng.random_bool(0.3));
            members.push(Member {
                sex: any_sex(rng),
                year,
                surname,
                surname_hyphen,
                middle,
            });
        }
        members
    }

    /// Given names for a member, distinct from the household's (no two members with the same
    /// name, a spelling of it or a name one edit away).
    fn member_name(
        &self,
        rng: &mut ChaCha8Rng,
        origin: Origin,
        m: &Member,
        placed: &[Name],
    ) -> Name {
        let names = &self.names;
        let mut given = Vec::new();
        for _ in 0..60 {
            let g = names.sample_given(rng, origin, m.sex, m.year);
            if placed.iter().any(|p| names.given_clash(g, p)) {
                continue;
            }
            given = vec![g];
            break;
        }
        if given.is_empty() {
            given.push(names.sample_given(rng, origin, m.sex, m.year));
        }
        let second_p = match (origin, cohort(m.year)) {
            (Origin::Norwegian | Origin::Swedish | Origin::German, Era::Old) => 0.40,
            (Origin::Norwegian | Origin::Swedish | Origin::German, Era::Mid) => 0.30,
            (Origin::Norwegian | Origin::Swedish | Origin::German, _) => 0.22,
            _ => 0.08,
        };
        let mut given_hyphen = false;
        if rng.random_bool(second_p) {
            let g2 = if origin == Origin::Norwegian && rng.random_bool(0.7) {
                names.second_given[usize::from(m.sex == Sex::Female)].sample(rng)
            } else {
                names.sample_given(rng, origin, m.sex, m.year)
            };
            let clash = names.same_given(g2, given[0])
                || lev(&names.g(g2).lower, &names.g(given[0]).lower) <= 2
                || placed.iter().any(|p| names.given_clash(g2, p));
            if !clash {
                given.push(g2);
                // Hyphens join a short first name: Jan-Erik, Anne-Lise, Ole-Martin.
                given_hyphen = origin == Origin::Norwegian
                    && names.g(given[0]).text.chars().count() <= 4
                    && rng.random_bool(0.3);
            }
        }
        Name {
            given,
            given_hyphen,
            middle: m.middle,
            surname: m.surname.clone(),
            surname_hyphen: m.surname_hyphen,
        }
    }

    // --- rendering -------------------------------------------------------------------------

    pub(super) fn given_parts(&self, n: &Name) -> Vec<&'static str> {
        n.given
            .iter()
            .map(|&g| self.names.g(g).text)
            .chain(n.middle.map(|m| self.names.s(m).text))
            .collect()
    }

    pub(super) fn given_text(&self, n: &Name) -> String {
        join_given(&self.given_parts(n), n.given_hyphen && n.given.len() >= 2)
    }

    pub(super) fn surname_parts(&self, n: &Name) -> Vec<&'static str> {
        n.surname.iter().map(|&s| self.names.s(s).text).collect()
    }

    pub(super) fn surname_text(&self, n: &Name) -> String {
        self.surname_parts(n)
            .join(if n.surname_hyphen { "-" } else { " " })
    }

    pub(super) fn street(&self, a: &Addr) -> &Street {
        &self.streets[a.street as usize]
    }

    pub(super) fn postcode(&self, a: &Addr) -> &str {
        &self.codes[self.code_of(a) as usize].code
    }

    pub(super) fn city(&self, a: &Addr) -> &str {
        &self.cities[self.city_of(a) as usize].name
    }
}

pub(super) fn join_given<S: AsRef<str>>(parts: &[S], hyphen: bool) -> String {
    let mut s = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            s.push(if i == 1 && hyphen { '-' } else { ' ' });
        }
        s.push_str(p.as_ref());
    }
    s
}

pub(super) fn letter_text(a: &Addr) -> String {
    a.letter
        .map(|l| char::from(l).to_string())
        .unwrap_or_default()
}

impl World {
    /// A random house in another post town.
    pub(super) fn addr_other_city(&self, rng: &mut ChaCha8Rng, a: &Addr) -> Addr {
        let city = self.city_of(a);
        for _ in 0..50 {
            let code = self.random_code(rng);
            if self.codes[code as usize].city != city {
                return self.random_addr_in(rng, code);
            }
        }
        let code = self.random_code(rng);
        self.random_addr_in(rng, code)
    }

    /// A random house on another street of the same post town (often the same postcode).
    pub(super) fn addr_same_town(&self, rng: &mut ChaCha8Rng, a: &Addr) -> Addr {
        let code = self.code_of(a);
        let codes = &self.cities[self.city_of(a) as usize].codes;
        for _ in 0..50 {
            let c = if rng.random_bool(0.6) {
                code
            } else {
                codes.choose(rng).copied().unwrap_or(code)
            };
            let b = self.random_addr_in(rng, c);
            if b.street != a.street {
                return b;
            }
        }
        self.addr_other_city(rng, a)
    }

    /// Another house on the same street.
    pub(super) fn addr_other_number(&self, rng: &mut ChaCha8Rng, a: &Addr) -> Addr {
        let mut number = a.number;
        while number == a.number {
            let delta: i32 = if rng.random_bool(0.6) {
                2 * rng.random_range(1..=3)
            } else {
                rng.random_range(1..=6)
            };
            let n = if rng.random_bool(0.5) {
                i32::from(a.number) + delta
            } else {
                i32::from(a.number) - delta
            };
            if n >= 1 {
                number = n as u16;
            }
        }
        Addr {
            street: a.street,
            number,
            letter: if rng.random_bool(0.15) {
                house_letter(rng).or(Some(b'A'))
            } else {
                None
            },
        }
    }

    /// Somewhere near-named people are put: next door, elsewhere in the postcode, or in
    /// another town.
    pub(super) fn addr_near_or_far(&self, rng: &mut ChaCha8Rng, a: &Addr) -> Addr {
        match rng.random_range(0..10) {
            0..4 => self.addr_other_number(rng, a),
            4..7 => self.addr_same_town(rng, a),
            _ => self.addr_other_city(rng, a),
        }
    }

    /// A given name (of a family of `origin`) for a new person that is not the same as, a
    /// spelling of, or one edit from any of `avoid`'s.
    pub(super) fn fresh_given(
        &self,
        rng: &mut ChaCha8Rng,
        origin: Origin,
        avoid: &Name,
    ) -> Option<u16> {
        for _ in 0..30 {
            let sex = if rng.random_bool(0.5) {
                Sex::Male
            } else {
                Sex::Female
            };
            let year = rng.random_range(1940..=2005);
            let g = self.names.sample_given(rng, origin, sex, year);
            if !self.names.given_clash(g, avoid) {
                return Some(g);
            }
        }
        None
    }
}
