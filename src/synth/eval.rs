//! The first labelled evaluation set for person matching, and the precision and recall of
//! [`PersonIndex::find`] on it, per strictness and per kind of lead.
//!
//! [`Population`] generates, deterministically from a seed, households of realistic
//! Norwegian persons: common given names and surnames (double names, æ/ø/å, middle names,
//! double surnames, spelling variants of one name as separate names), streets at Norway's
//! real postcodes (`data/postcodes`, every post town weighted by its postcodes; street names
//! of stem and suffix, prefixed ones like `Øvre Kirkegata`, and ones named after persons like
//! `Hans Haugens vei`), birth dates and valid national ids. About half of the persons are
//! reserved; the reserved ones form the register. [`Population::leads`] draws leads as a
//! directory would sell them: reserved persons with zero, one or two corruptions of the kinds
//! in [`CORRUPTIONS`], and look-alikes that are not reserved ([`LOOK_ALIKES`]: other members
//! of a reserved person's household, neighbours, namesakes elsewhere, near-names elsewhere).
//! `docs/person-evaluation.md` describes every kind; the second, independent set lives in
//! `crate::synth` and is documented in its own file.
//!
//! Names are drawn from short lists, so namesakes at one house are more frequent than in
//! reality: precision here is a lower bound. Typos are only put into names of four letters or
//! more: a change to a name of three letters (Ola/Ole) is, at one address, more often another
//! household member than a typo, and the matcher does not forgive it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::person::postcodes::{self, Town};
use crate::person::{
    IdHashKey, PersonError, PersonIndex, PersonIndexWriter, PersonMatch, PersonQuery, PersonRecord,
    Strictness,
};
use crate::synth::words::{
    FARM_ENDS, FARM_STEMS, FEMALE, GIVEN_NAME_VARIANTS, MALE, PERSON_STREET_SUFFIXES,
    STREET_PREFIXES, STREET_STEMS, STREET_SUFFIXES, SURNAMES,
};

/// The corruption kinds of reserved leads, as [`LabelledLead::corruption`] names them (two
/// corruptions are joined by `+`).
pub const CORRUPTIONS: &[&str] = &[
    "given-typo",
    "surname-typo",
    "street-abbrev",
    "ae-oe-aa",
    "oe-as-o",
    "swapped-order",
    "missing-middle",
    "house-in-street",
    "missing-letter",
    "moved",
    "upper-case",
    "street-typo",
    "national-id",
    "letter-in-number",
    "hyphen",
    "postcode-typo-city",
    "postcode-ocr",
    "no-postcode-city",
    "flat-number",
    "care-of-floor",
    "street-initial",
    "street-prefix-abbrev",
    "name-variant",
    "ocr-name",
    "lossy-two-fields",
    "whitespace",
];

/// The kinds of look-alike leads (not reserved).
pub const LOOK_ALIKES: &[&str] = &["household", "neighbour", "namesake", "near-name"];

/// A generated population: households `0..households` drawn from `seed`.
#[derive(Debug, Clone, Copy)]
pub struct Population {
    /// Seed of the whole population.
    pub seed: u64,
    /// Number of households.
    pub households: u64,
}

/// A person of the generated population.
#[derive(Debug, Clone)]
pub struct Resident {
    /// The person as the population register holds them.
    pub record: PersonRecord,
    /// Whether the person is reserved (is in the register).
    pub reserved: bool,
    /// A unique id (household × 8 + member).
    pub id: u32,
}

/// A lead with the truth about it.
#[derive(Debug, Clone)]
pub struct LabelledLead {
    /// The lead as a directory sells it.
    pub query: PersonQuery,
    /// The reserved person this lead is, if any ([`Resident::id`]).
    pub reserved_id: Option<u32>,
    /// What was done to it (`"household"`, `"namesake"`, … for look-alikes).
    pub corruption: String,
}

fn rng_for(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut r = ChaCha8Rng::seed_from_u64(seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    r.set_stream(stream);
    r
}

fn pick<'a>(r: &mut ChaCha8Rng, list: &[&'a str]) -> &'a str {
    // Skewed: the first entries are the common ones (the first of 80 about 2.5 %).
    let u: f64 = r.random();
    list[(u.powf(1.2) * list.len() as f64) as usize % list.len()]
}

/// A surname: half the population has a common `-sen` or short name, half a farm name.
fn surname(r: &mut ChaCha8Rng) -> String {
    if r.random_bool(0.55) {
        pick(r, SURNAMES).to_owned()
    } else {
        let stem = FARM_STEMS[r.random_range(0..FARM_STEMS.len())];
        let end = FARM_ENDS[r.random_range(0..FARM_ENDS.len())];
        format!("{stem}{end}")
    }
}

/// A deterministic valid national id for a birth date, trying individual numbers from
/// `individual` upwards; D-numbers add 40 to the day.
pub fn national_id_for(date: NaiveDate, individual: u32, d_number: bool) -> Option<String> {
    use chrono::Datelike;
    let yy = (date.year() % 100) as u32;
    let day = date.day() + if d_number { 40 } else { 0 };
    let (lo, hi) = match date.year() {
        1900..=1999 => (0, 499),
        2000..=2039 => (500, 999),
        _ => return None,
    };
    for k in 0..500 {
        let ind = lo + (individual + k) % (hi - lo + 1);
        let s = format!("{day:02}{:02}{yy:02}{ind:03}", date.month());
        let d: Vec<u32> = s.bytes().map(|b| u32::from(b - b'0')).collect();
        let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
        let k1 = 11 - w1.iter().zip(&d).map(|(w, x)| w * x).sum::<u32>() % 11;
        let k1 = match k1 {
            11 => 0,
            10 => continue,
            k => k,
        };
        let w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        let mut d2 = d.clone();
        d2.push(k1);
        let k2 = 11 - w2.iter().zip(&d2).map(|(w, x)| w * x).sum::<u32>() % 11;
        let k2 = match k2 {
            11 => 0,
            10 => continue,
            k => k,
        };
        return Some(format!("{s}{k1}{k2}"));
    }
    None
}

fn date_between(r: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    let y = r.random_range(from..=to);
    let doy = r.random_range(1..=365);
    NaiveDate::from_yo_opt(y, doy).unwrap_or_default()
}

#[derive(Debug, Clone)]
struct Address {
    street: String,
    number: u32,
    letter: Option<char>,
    postcode: String,
    city: String,
}

/// Every postcode of the bundled register with its town, in postcode order.
fn all_postcodes() -> &'static [(u16, Town)] {
    static CODES: std::sync::OnceLock<Vec<(u16, Town)>> = std::sync::OnceLock::new();
    CODES.get_or_init(|| {
        let table = postcodes::norway();
        (0..10_000u16)
            .filter_map(|pc| table.town_of(pc).map(|t| (pc, t)))
            .collect()
    })
}

/// Streets per postcode.
const STREETS: u64 = 30;

/// The street in slot `slot` of postcode `pc`: a stem and a suffix (`Kirkegata`), a prefixed
/// one (`Øvre Kirkegata`), or one named after a person (`Hans Haugens vei`).
fn street_name(pc: u16, slot: u64) -> String {
    let mut sr = rng_for(u64::from(pc), 1_000_000 + slot);
    match sr.random_range(0..10) {
        0..=5 => {
            let stem = STREET_STEMS[sr.random_range(0..STREET_STEMS.len())];
            let suffix = STREET_SUFFIXES[sr.random_range(0..STREET_SUFFIXES.len())];
            format!("{stem}{suffix}")
        }
        6 | 7 => {
            let (prefix, _) = STREET_PREFIXES[sr.random_range(0..STREET_PREFIXES.len())];
            let stem = STREET_STEMS[sr.random_range(0..STREET_STEMS.len())];
            let suffix = STREET_SUFFIXES[sr.random_range(0..STREET_SUFFIXES.len())];
            let stem = stem.trim_end();
            let street = if stem.ends_with('s') || stem.contains(' ') {
                format!("{stem} {suffix}")
            } else {
                format!("{stem}{suffix}")
            };
            format!("{prefix} {street}")
        }
        _ => {
            let list = if sr.random_bool(0.7) { MALE } else { FEMALE };
            let given = loop {
                let g = pick(&mut sr, list);
                if !g.contains([' ', '-']) {
                    break g;
                }
            };
            let sur = surname(&mut sr);
            let suffix = PERSON_STREET_SUFFIXES[sr.random_range(0..PERSON_STREET_SUFFIXES.len())];
            let s = if sur.ends_with('s') { "" } else { "s" };
            format!("{given} {sur}{s} {suffix}")
        }
    }
}

/// The town's name as people write it: `Oslo` for the register's `OSLO`.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == ' ' || c == '-';
    }
    out
}

fn address(r: &mut ChaCha8Rng) -> Address {
    let codes = all_postcodes();
    let (pc, town) = codes[r.random_range(0..codes.len())];
    let slot = r.random_range(0..STREETS);
    Address {
        street: street_name(pc, slot),
        number: r.random_range(1..=150),
        letter: r
            .random_bool(0.2)
            .then(|| char::from(b'A' + r.random_range(0..4u8))),
        postcode: format!("{pc:04}"),
        city: postcodes::norway().name(town).to_owned(),
    }
}

fn given_name(r: &mut ChaCha8Rng, female: bool) -> String {
    let list = if female { FEMALE } else { MALE };
    let first = pick(r, list);
    if r.random_bool(0.15) {
        let mut middle = pick(r, list);
        if middle == first {
            middle = list[(r.random_range(0..list.len()) + 1) % list.len()];
        }
        format!("{first} {middle}")
    } else {
        first.to_owned()
    }
}

fn person(
    r: &mut ChaCha8Rng,
    given: String,
    surname: &str,
    a: &Address,
    born: NaiveDate,
) -> PersonRecord {
    let ind = r.random_range(0..500);
    PersonRecord {
        given_names: given,
        surname: surname.to_owned(),
        street: a.street.clone(),
        house_number: a.number.to_string(),
        house_letter: a.letter.map(String::from).unwrap_or_default(),
        postcode: a.postcode.clone(),
        city: a.city.clone(),
        birth_date: Some(born),
        national_id: national_id_for(born, ind, false),
    }
}

impl Population {
    /// The population whose register holds about `reserved` persons.
    pub fn with_reserved(seed: u64, reserved: u64) -> Population {
        // 1.95 residents per household, a little over half reserved.
        Population {
            seed,
            households: reserved * 100 / 102,
        }
    }

    /// The members of household `h`.
    pub fn household(&self, h: u64) -> Vec<Resident> {
        let mut r = rng_for(self.seed, h);
        let a = address(&mut r);
        let mut family = surname(&mut r);
        if r.random_bool(0.06) {
            family = format!("{} {}", surname(&mut r), family);
        }
        let size = match r.random_range(0..100) {
            0..=39 => 1,
            40..=74 => 2,
            75..=89 => 3,
            _ => 4,
        };
        let mut out = Vec::with_capacity(size);
        let mut firsts: Vec<String> = Vec::with_capacity(size);
        for m in 0..size {
            let female = r.random_bool(0.5);
            // Household members have different first names (a junior is rare enough).
            let mut given = given_name(&mut r, female);
            while firsts
                .iter()
                .any(|f| given.split([' ', '-']).next() == Some(f.as_str()))
            {
                given = given_name(&mut r, female);
            }
            firsts.push(
                given
                    .split([' ', '-'])
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
            );
            let (sur, born) = match m {
                0 => (family.clone(), date_between(&mut r, 1935, 2004)),
                1 if r.random_bool(0.3) => (surname(&mut r), date_between(&mut r, 1935, 2004)),
                1 => (family.clone(), date_between(&mut r, 1935, 2004)),
                _ => (family.clone(), date_between(&mut r, 1985, 2008)),
            };
            let record = person(&mut r, given, &sur, &a, born);
            out.push(Resident {
                record,
                reserved: r.random_bool(0.54),
                id: (h * 8 + m as u64) as u32,
            });
        }
        out
    }

    /// Every reserved person with its id, household by household.
    pub fn register(&self) -> impl Iterator<Item = Resident> + '_ {
        (0..self.households).flat_map(|h| self.household(h).into_iter().filter(|p| p.reserved))
    }

    /// `n` labelled leads drawn with `seed`: about half reserved persons with corruptions,
    /// half look-alikes that are not reserved.
    pub fn leads(&self, n: usize, seed: u64) -> Vec<LabelledLead> {
        let mut r = rng_for(seed, u64::MAX);
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let h = r.random_range(0..self.households);
            let members = self.household(h);
            let kind = r.random_range(0..100);
            if kind < 50 {
                let Some(p) = members.iter().find(|p| p.reserved) else {
                    continue;
                };
                let (query, corruption) = corrupt(&mut r, &p.record, self.seed);
                out.push(LabelledLead {
                    query,
                    reserved_id: Some(p.id),
                    corruption,
                });
            } else if kind < 75 {
                // Another member of a reserved person's household, or a neighbour.
                let Some(p) = members.iter().find(|p| !p.reserved) else {
                    continue;
                };
                let (query, _) = corrupt_plain(&mut r, &p.record);
                out.push(LabelledLead {
                    query,
                    reserved_id: None,
                    corruption: if members.iter().any(|m| m.reserved) {
                        "household".into()
                    } else {
                        "neighbour".into()
                    },
                });
            } else {
                // A namesake of a reserved person at another address (half of them in the
                // same town), born another day; or a near-name: the name one edit away.
                let Some(p) = members.iter().find(|p| p.reserved) else {
                    continue;
                };
                let mut other = rng_for(self.seed ^ 0xA5A5, r.random());
                let mut a = address(&mut other);
                if r.random_bool(0.5) {
                    let table = postcodes::norway();
                    if let Some(town) = postcodes::norway().town_named(&p.record.city) {
                        let codes = table.codes(town);
                        let pc = codes[other.random_range(0..codes.len())];
                        a.street = street_name(pc, other.random_range(0..STREETS));
                        a.postcode = format!("{pc:04}");
                        a.city = p.record.city.clone();
                    }
                }
                if a.street == p.record.street {
                    continue;
                }
                let born = date_between(&mut r, 1935, 2004);
                if Some(born) == p.record.birth_date {
                    continue;
                }
                let near = kind >= 88;
                let (given, sur) = if near {
                    if r.random_bool(0.5) {
                        (
                            typo_in_name(&mut r, &p.record.given_names),
                            p.record.surname.clone(),
                        )
                    } else {
                        (
                            p.record.given_names.clone(),
                            typo_in_name(&mut r, &p.record.surname),
                        )
                    }
                } else {
                    (p.record.given_names.clone(), p.record.surname.clone())
                };
                if near && given == p.record.given_names && sur == p.record.surname {
                    continue;
                }
                let namesake = person(&mut r, given, &sur, &a, born);
                let (mut query, _) = corrupt_plain(&mut r, &namesake);
                if !r.random_bool(0.4) {
                    query.birth_date = None;
                }
                out.push(LabelledLead {
                    query,
                    reserved_id: None,
                    corruption: if near { "near-name" } else { "namesake" }.into(),
                });
            }
        }
        out
    }
}

fn typo(r: &mut ChaCha8Rng, s: &str) -> String {
    let mut c: Vec<char> = s.chars().collect();
    let letters: Vec<usize> = (0..c.len()).filter(|&i| c[i].is_alphabetic()).collect();
    if letters.len() < 4 {
        return s.to_owned();
    }
    let i = letters[r.random_range(1..letters.len())];
    match r.random_range(0..4) {
        0 => {
            c.remove(i);
        }
        1 => c.insert(i, c[i]),
        2 if i + 1 < c.len() && c[i + 1].is_alphabetic() => c.swap(i, i + 1),
        _ => c[i] = char::from(b'a' + r.random_range(0..26u8)),
    }
    c.into_iter().collect()
}

/// Name tokens of four letters or more get the typo; a name of three letters is kept.
fn typo_in_name(r: &mut ChaCha8Rng, s: &str) -> String {
    let tokens: Vec<&str> = s.split(' ').collect();
    let long: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].chars().count() >= 4)
        .collect();
    if long.is_empty() {
        return s.to_owned();
    }
    let t = long[r.random_range(0..long.len())];
    tokens
        .iter()
        .enumerate()
        .map(|(i, x)| if i == t { typo(r, x) } else { (*x).to_owned() })
        .collect::<Vec<_>>()
        .join(" ")
}

fn abbreviate(street: &str) -> String {
    for (long, short) in [
        ("gata", "gt."),
        ("gate", "gt"),
        ("veien", "vn."),
        ("vei", "vn."),
        ("vegen", "veien"),
        ("vei", "v."),
        ("plass", "pl."),
        ("allé", "alle"),
        ("terrasse", "terr."),
    ] {
        if let Some(stem) = street.strip_suffix(long) {
            return format!("{stem}{short}");
        }
    }
    street.to_owned()
}

fn ascii_norwegian(s: &str, lossy: bool) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match (c, lossy) {
            ('æ', _) => out.push_str("ae"),
            ('Æ', _) => out.push_str("Ae"),
            ('ø', false) => out.push_str("oe"),
            ('Ø', false) => out.push_str("Oe"),
            ('ø', true) => out.push('o'),
            ('Ø', true) => out.push('O'),
            ('å', _) => out.push_str("aa"),
            ('Å', _) => out.push_str("Aa"),
            _ => out.push(c),
        }
    }
    out
}

/// Directory-style formatting changes only (no evidence lost).
fn corrupt_plain(r: &mut ChaCha8Rng, p: &PersonRecord) -> (PersonQuery, String) {
    let mut q = PersonQuery::from(p);
    q.national_id = None;
    if !r.random_bool(0.4) {
        q.birth_date = None;
    }
    if r.random_bool(0.5) {
        q.street = abbreviate(&q.street);
    }
    // The town as people write it, or as the register does, or not at all.
    q.city = match r.random_range(0..10) {
        0..=5 => title_case(&q.city),
        6..=8 => q.city,
        _ => String::new(),
    };
    (q, "none".into())
}

/// `s` with æ, ø and å written as bare vowels.
fn lossy(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'æ' | 'å' => 'a',
            'Æ' | 'Å' => 'A',
            'ø' => 'o',
            'Ø' => 'O',
            c => c,
        })
        .collect()
}

fn has_norwegian_letter(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// One of `s`'s letters as OCR or a hasty reader gets it: `m`→`rn`, `rn`→`m`, `l`→`1`,
/// `i`→`1`, `o`→`0`; `None` if `s` has none of them.
fn ocr(r: &mut ChaCha8Rng, s: &str) -> Option<String> {
    let swaps: &[(&str, &str)] = &[("m", "rn"), ("rn", "m"), ("l", "1"), ("i", "1"), ("o", "0")];
    let found: Vec<(usize, &str, &str)> = swaps
        .iter()
        .flat_map(|&(from, to)| s.match_indices(from).map(move |(i, _)| (i, from, to)))
        .filter(|&(i, _, _)| i > 0)
        .collect();
    if found.is_empty() {
        return None;
    }
    let (i, from, to) = found[r.random_range(0..found.len())];
    Some(format!("{}{to}{}", &s[..i], &s[i + from.len()..]))
}

/// A reserved person as a directory sells them: one or two corruptions.
fn corrupt(r: &mut ChaCha8Rng, p: &PersonRecord, seed: u64) -> (PersonQuery, String) {
    let (mut q, _) = corrupt_plain(r, p);
    let n = match r.random_range(0..10) {
        0..=1 => 0,
        2..=6 => 1,
        _ => 2,
    };
    let mut names = Vec::new();
    for _ in 0..n {
        // One branch per kind, but `ae-oe-aa` and `oe-as-o` share one.
        let what = match r.random_range(0..CORRUPTIONS.len() - 1) {
            0 => {
                q.given_names = typo_in_name(r, &q.given_names);
                "given-typo"
            }
            1 => {
                q.surname = typo_in_name(r, &q.surname);
                "surname-typo"
            }
            2 => {
                q.street = abbreviate(&p.street);
                "street-abbrev"
            }
            3 => {
                let lossy = r.random_bool(0.3);
                q.given_names = ascii_norwegian(&q.given_names, lossy);
                q.surname = ascii_norwegian(&q.surname, lossy);
                q.street = ascii_norwegian(&q.street, false);
                if lossy { "oe-as-o" } else { "ae-oe-aa" }
            }
            4 => {
                if r.random_bool(0.5) {
                    q.given_names = format!("{}, {}", q.surname, q.given_names);
                    q.surname.clear();
                } else {
                    std::mem::swap(&mut q.given_names, &mut q.surname);
                }
                "swapped-order"
            }
            5 => {
                if q.given_names.contains(',') || q.given_names != p.given_names {
                    continue;
                }
                match q.given_names.split_once(' ') {
                    Some((first, _)) => q.given_names = first.to_owned(),
                    None => continue,
                }
                "missing-middle"
            }
            6 => {
                let letter = std::mem::take(&mut q.house_letter);
                let sep = if letter.is_empty() {
                    ""
                } else {
                    ["", " ", "-"][r.random_range(0..3)]
                };
                q.street = format!("{} {}{sep}{letter}", q.street, q.house_number);
                q.house_number.clear();
                "house-in-street"
            }
            7 => {
                if q.house_letter.is_empty() {
                    continue;
                }
                q.house_letter.clear();
                "missing-letter"
            }
            8 => {
                let mut other = rng_for(seed ^ 0x5A5A, r.random());
                let a = address(&mut other);
                q.street = a.street;
                q.house_number = a.number.to_string();
                q.house_letter = a.letter.map(String::from).unwrap_or_default();
                q.postcode = a.postcode;
                q.city = a.city;
                q.birth_date = p.birth_date;
                "moved"
            }
            9 => {
                q.given_names = q.given_names.to_uppercase();
                q.surname = q.surname.to_uppercase();
                q.street = q.street.to_uppercase();
                "upper-case"
            }
            10 => {
                let s = typo(r, &q.street);
                if s.chars().count() < 6 {
                    continue;
                }
                q.street = s;
                "street-typo"
            }
            11 => {
                q.national_id = p.national_id.clone();
                "national-id"
            }
            12 => {
                q.house_number = format!("{}{}", q.house_number, q.house_letter.to_lowercase());
                q.house_letter.clear();
                "letter-in-number"
            }
            13 => {
                if !q.given_names.contains('-') {
                    continue;
                }
                q.given_names = q.given_names.replace('-', " ");
                "hyphen"
            }
            14 => {
                // One digit of the postcode mistyped; the city is right.
                let Ok(pc) = p.postcode.parse::<u16>() else {
                    continue;
                };
                let at = r.random_range(1..4u32);
                let unit = 10u16.pow(3 - at);
                let digit = pc / unit % 10;
                let other = (digit + r.random_range(1..10u16)) % 10;
                q.postcode = format!("{:04}", pc - digit * unit + other * unit);
                q.city = title_case(&p.city);
                "postcode-typo-city"
            }
            15 => {
                // A digit read as a letter.
                let swaps = [
                    ('0', "O"),
                    ('1', "l"),
                    ('5', "S"),
                    ('8', "B"),
                    ('6', "G"),
                    ('1', "I"),
                ];
                let places: Vec<(usize, &str)> = q
                    .postcode
                    .char_indices()
                    .flat_map(|(i, c)| {
                        swaps
                            .iter()
                            .filter(move |(d, _)| *d == c)
                            .map(move |(_, l)| (i, *l))
                    })
                    .collect();
                if places.is_empty() {
                    continue;
                }
                let (i, l) = places[r.random_range(0..places.len())];
                q.postcode = format!("{}{l}{}", &q.postcode[..i], &q.postcode[i + 1..]);
                "postcode-ocr"
            }
            16 => {
                q.postcode.clear();
                q.city = title_case(&p.city);
                "no-postcode-city"
            }
            17 => {
                // The bolignummer: H, floor, flat; in the street or the number field.
                let bolig = format!("H0{}0{}", r.random_range(1..6), r.random_range(1..9));
                if r.random_bool(0.5) {
                    q.street =
                        format!("{} {}{}, {bolig}", q.street, q.house_number, q.house_letter);
                    q.house_number.clear();
                    q.house_letter.clear();
                } else {
                    q.house_number = format!("{} {bolig}", q.house_number);
                }
                "flat-number"
            }
            18 => {
                let floor = r.random_range(1..6);
                q.street = match r.random_range(0..3) {
                    0 => format!(
                        "{} {}{}, {floor}. etg",
                        q.street, q.house_number, q.house_letter
                    ),
                    1 => format!(
                        "c/o Hansen, {} {}{}",
                        q.street, q.house_number, q.house_letter
                    ),
                    _ => format!(
                        "{} {}{} c/o {}",
                        q.street,
                        q.house_number,
                        q.house_letter,
                        surname(r)
                    ),
                };
                q.house_number.clear();
                q.house_letter.clear();
                "care-of-floor"
            }
            19 => {
                // `Hans Haugens vei` as `H. Haugens vei`.
                let words: Vec<&str> = p.street.split(' ').collect();
                if words.len() != 3 || !PERSON_STREET_SUFFIXES.contains(&words[2]) {
                    continue;
                }
                let Some(initial) = words[0].chars().next() else {
                    continue;
                };
                q.street = format!("{initial}. {} {}", words[1], words[2]);
                "street-initial"
            }
            20 => {
                let Some((prefix, short)) = STREET_PREFIXES
                    .iter()
                    .find(|(prefix, _)| p.street.starts_with(&format!("{prefix} ")))
                else {
                    continue;
                };
                let abbr = short[r.random_range(0..short.len())];
                q.street = format!("{abbr} {}", &p.street[prefix.len() + 1..]);
                "street-prefix-abbrev"
            }
            21 => {
                let first = p.given_names.split([' ', '-']).next().unwrap_or_default();
                let Some((_, variant)) = GIVEN_NAME_VARIANTS.iter().find(|(n, _)| *n == first)
                else {
                    continue;
                };
                q.given_names = format!("{variant}{}", &p.given_names[first.len()..]);
                "name-variant"
            }
            22 => {
                let field = if r.random_bool(0.5) {
                    &mut q.surname
                } else {
                    &mut q.given_names
                };
                let Some(read) = ocr(r, field) else {
                    continue;
                };
                *field = read;
                "ocr-name"
            }
            23 => {
                // Two fields with æ, ø or å written lossily (`Jorgensen, Blabergata`).
                let fields = [
                    has_norwegian_letter(&q.given_names),
                    has_norwegian_letter(&q.surname),
                    has_norwegian_letter(&q.street),
                ];
                if fields.iter().filter(|&&f| f).count() < 2 {
                    continue;
                }
                for (i, _) in fields.iter().enumerate().filter(|(_, f)| **f).take(2) {
                    match i {
                        0 => q.given_names = lossy(&q.given_names),
                        1 => q.surname = lossy(&q.surname),
                        _ => q.street = lossy(&q.street),
                    }
                }
                "lossy-two-fields"
            }
            _ => {
                // A no-break space, or two spaces, between street, number and letter.
                let space = if r.random_bool(0.5) { "\u{a0}" } else { "  " };
                let letter = if q.house_letter.is_empty() {
                    String::new()
                } else {
                    format!("{space}{}", q.house_letter)
                };
                q.street = format!("{}{space}{}{letter}", q.street, q.house_number);
                q.house_number.clear();
                q.house_letter.clear();
                "whitespace"
            }
        };
        names.push(what);
    }
    let label = if names.is_empty() {
        "none".to_owned()
    } else {
        names.join("+")
    };
    (q, label)
}

/// Precision and recall of a matcher on labelled leads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvalReport {
    /// The strictness evaluated.
    pub strictness: Strictness,
    /// Reserved leads matched (to any reserved person).
    pub tp: usize,
    /// Non-reserved leads matched.
    pub fp: usize,
    /// Reserved leads not matched.
    pub fn_: usize,
    /// Non-reserved leads not matched.
    pub tn: usize,
    /// Reserved leads matched to another reserved person than their own.
    pub wrong_person: usize,
    /// tp / (tp + fp).
    pub precision: f64,
    /// tp / (tp + fn).
    pub recall: f64,
    /// Per corruption (or look-alike kind): leads and wrong outcomes (misses or false
    /// matches).
    pub by_kind: BTreeMap<String, (usize, usize)>,
    /// The kinds whose leads are look-alikes (not reserved).
    pub look_alike_kinds: std::collections::BTreeSet<String>,
}

/// One row of the per-kind table: recall for a corruption kind, the false-match rate for a
/// look-alike kind.
#[derive(Debug, Clone, PartialEq)]
pub struct KindRow {
    /// The kind (`two corruptions` for every lead with two).
    pub kind: String,
    /// Whether the kind is a look-alike (not reserved).
    pub look_alike: bool,
    /// Leads of the kind.
    pub leads: usize,
    /// Wrong outcomes: misses for corruptions, matches for look-alikes.
    pub wrong: usize,
}

impl KindRow {
    /// Recall (corruption kinds) or false-match rate (look-alikes).
    pub fn rate(&self) -> f64 {
        let wrong = self.wrong as f64 / self.leads.max(1) as f64;
        if self.look_alike { wrong } else { 1.0 - wrong }
    }
}

impl EvalReport {
    /// The per-kind table: every single corruption kind, `two corruptions` for all leads with
    /// two (kinds joined by `+`, as the first set labels them), then the look-alike kinds.
    pub fn kinds(&self) -> Vec<KindRow> {
        let mut rows: Vec<KindRow> = Vec::new();
        let mut two = KindRow {
            kind: "two corruptions".into(),
            look_alike: false,
            leads: 0,
            wrong: 0,
        };
        let mut look = Vec::new();
        for (kind, &(leads, wrong)) in &self.by_kind {
            if kind.contains('+') {
                two.leads += leads;
                two.wrong += wrong;
            } else {
                let row = KindRow {
                    kind: kind.clone(),
                    look_alike: self.look_alike_kinds.contains(kind),
                    leads,
                    wrong,
                };
                if row.look_alike {
                    look.push(row);
                } else {
                    rows.push(row);
                }
            }
        }
        if two.leads > 0 {
            rows.push(two);
        }
        rows.extend(look);
        rows
    }
}

/// The person index of a population's register, knowing which resident each person is.
#[derive(Debug)]
pub struct EvalIndex {
    /// The index.
    pub index: PersonIndex,
    /// The index's files.
    pub files: Vec<String>,
    /// [`Resident::id`] by person number.
    ids: Vec<u32>,
}

impl EvalIndex {
    /// Writes the index of `pop`'s register into `dir` (national ids hashed with `key`) and
    /// opens it; `each` sees every resident as it is added.
    pub fn build(
        pop: &Population,
        dir: &std::path::Path,
        key: Option<IdHashKey>,
        mut each: impl FnMut(&Resident),
    ) -> Result<EvalIndex, PersonError> {
        let mut w = PersonIndexWriter::new(key.clone());
        let mut by_record = Vec::new();
        for p in pop.register() {
            each(&p);
            w.add(&p.record, 1)?;
            by_record.push(p.id);
        }
        Self::finish(w, by_record, dir, key)
    }

    /// Writes the index of `records` (each with the id its leads name) into `dir` and opens
    /// it. A record the index refuses ([`PersonError::InvalidRecord`]) is left out and
    /// counted in the second value: its leads then count as misses.
    pub fn build_records<'a>(
        records: impl IntoIterator<Item = (u32, &'a PersonRecord)>,
        dir: &std::path::Path,
        key: Option<IdHashKey>,
    ) -> Result<(EvalIndex, usize), PersonError> {
        let mut w = PersonIndexWriter::new(key.clone());
        let mut by_record = Vec::new();
        let mut refused = 0;
        for (id, record) in records {
            match w.add(record, 1) {
                Ok(_) => by_record.push(id),
                Err(PersonError::InvalidRecord { .. }) => refused += 1,
                Err(e) => return Err(e),
            }
        }
        Ok((Self::finish(w, by_record, dir, key)?, refused))
    }

    fn finish(
        w: PersonIndexWriter,
        by_record: Vec<u32>,
        dir: &std::path::Path,
        key: Option<IdHashKey>,
    ) -> Result<EvalIndex, PersonError> {
        let written = w.write(dir)?;
        let mut ids = vec![0; by_record.len()];
        for (&person, &id) in written.person_of_record.iter().zip(&by_record) {
            ids[person as usize] = id;
        }
        let index = PersonIndex::open(dir)?;
        let index = match key {
            Some(key) => index.with_id_key(key)?,
            None => index,
        };
        Ok(EvalIndex {
            index,
            files: written.files,
            ids,
        })
    }

    /// The resident a match found.
    pub fn resident(&self, m: &PersonMatch) -> Option<u32> {
        self.ids.get(m.person as usize).copied()
    }
}

/// Runs every lead through `index` at `strictness`.
pub fn evaluate(index: &EvalIndex, leads: &[LabelledLead], strictness: Strictness) -> EvalReport {
    let mut rep = EvalReport {
        strictness,
        ..EvalReport::default()
    };
    for lead in leads {
        let found = index.index.find(&lead.query, strictness);
        let wrong = match (lead.reserved_id, &found) {
            (Some(id), Some(m)) => {
                rep.tp += 1;
                if index.resident(m) != Some(id) {
                    rep.wrong_person += 1;
                }
                false
            }
            (Some(_), None) => {
                rep.fn_ += 1;
                true
            }
            (None, Some(_)) => {
                rep.fp += 1;
                true
            }
            (None, None) => {
                rep.tn += 1;
                false
            }
        };
        if lead.reserved_id.is_none() && !rep.look_alike_kinds.contains(&lead.corruption) {
            rep.look_alike_kinds.insert(lead.corruption.clone());
        }
        let e = rep.by_kind.entry(lead.corruption.clone()).or_default();
        e.0 += 1;
        e.1 += usize::from(wrong);
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    rep.precision = ratio(rep.tp, rep.tp + rep.fp);
    rep.recall = ratio(rep.tp, rep.tp + rep.fn_);
    rep
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::person::nid::NationalId;

    #[test]
    fn generation_is_deterministic_and_valid() {
        let pop = Population::with_reserved(7, 2000);
        let a: Vec<_> = pop.register().take(50).map(|p| p.record).collect();
        let b: Vec<_> = pop.register().take(50).map(|p| p.record).collect();
        assert_eq!(a, b);
        for p in &a {
            let id = NationalId::parse(p.national_id.as_deref().unwrap()).unwrap();
            assert_eq!(id.birth_date(), p.birth_date);
        }
        let leads = pop.leads(200, 1);
        let positives = leads.iter().filter(|l| l.reserved_id.is_some()).count();
        assert!((60..140).contains(&positives), "{positives}");
    }

    #[test]
    fn meets_targets_at_default_strictness() {
        let pop = Population::with_reserved(11, 20_000);
        let dir = tempfile::tempdir().unwrap();
        let key = IdHashKey::new(b"evaluation key 0123456789").unwrap();
        let index = EvalIndex::build(&pop, dir.path(), Some(key), |_| {}).unwrap();
        let leads = pop.leads(4000, 2);
        let rep = evaluate(&index, &leads, Strictness::default());
        let misses: Vec<_> = rep.by_kind.iter().filter(|(_, v)| v.1 > 0).collect();
        assert!(rep.recall >= 0.99, "{rep:?} {misses:?}");
        assert!(rep.precision >= 0.99, "{rep:?} {misses:?}");
        let exact = evaluate(&index, &leads, Strictness::Exact);
        assert!(exact.recall < rep.recall);
    }
}
