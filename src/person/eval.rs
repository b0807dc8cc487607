//! A labelled evaluation set for person matching, and the precision and recall of
//! [`PersonIndex::find`] on it.
//!
//! [`Population`] generates, deterministically from a seed, households of realistic
//! Norwegian persons: common given names and surnames (double names, æ/ø/å, middle names,
//! double surnames), real-looking streets (`gata`, `gate`, `veien`, `vegen`, `plass`, `allé`,
//! `terrasse`) in real postcode ranges, birth dates and valid national ids. About half of the
//! persons are reserved; the reserved ones form the register. [`Population::leads`] draws
//! leads as a directory would sell them: reserved persons with the corruptions directories
//! have (typos, abbreviations, swapped name order, a missing middle name or house letter,
//! `12 B`/`12b`/`12-B`, æ written `ae`, ø written `o`, upper case, a move with the birth date
//! known) and non-reserved look-alikes (other members of a reserved person's household,
//! neighbours, namesakes at another address).
//!
//! The geography is denser than Norway's (about 1 800 postcodes of 60 streets, 2.5 M
//! reserved among 4.8 M residents), and names are drawn from short lists (about 57 given
//! names per sex, 80 common surnames for 55 % of people, 800 farm names for the rest), so
//! namesakes at one house are more frequent than in reality: precision here is a lower bound.
//!
//! Measured with `cargo bench --bench person` (2.5 M reserved persons, 100 000 leads of
//! which 51 406 reserved):
//!
//! | strictness | precision | recall |
//! |---|---|---|
//! | exact | 1.0000 | 0.7149 |
//! | strict | 0.9996 | 0.8998 |
//! | normal (default) | 0.9982 | 0.9956 |
//! | loose | 0.9976 | 0.9981 |
//!
//! Typos are only put into names of four letters or more: a change to a name of three
//! letters (Ola/Ole) is, at one address, more often another household member than a typo,
//! and the matcher does not forgive it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{
    IdHashKey, PersonError, PersonIndex, PersonIndexWriter, PersonMatch, PersonQuery, PersonRecord,
    Strictness,
};

const MALE: &[&str] = &[
    "Jan",
    "Per",
    "Bjørn",
    "Ole",
    "Lars",
    "Kjell",
    "Knut",
    "Arne",
    "Svein",
    "Thomas",
    "Hans",
    "Geir",
    "Tor",
    "Morten",
    "Terje",
    "Odd",
    "Martin",
    "Erik",
    "Andreas",
    "Rune",
    "John",
    "Trond",
    "Anders",
    "Tore",
    "Harald",
    "Jon",
    "Kristian",
    "Magnus",
    "Håkon",
    "Øyvind",
    "Espen",
    "Sindre",
    "Jørgen",
    "Stian",
    "Frode",
    "Eirik",
    "Ola",
    "Petter",
    "Sigurd",
    "Aksel",
    "Jonas",
    "Emil",
    "Mathias",
    "Henrik",
    "Sander",
    "Tobias",
    "Even",
    "Ståle",
    "Gunnar",
    "Per Olav",
    "Jan Erik",
    "Ole Martin",
    "Lars-Erik",
    "Hans Petter",
    "Nils",
    "Olav",
    "Åge",
];
const FEMALE: &[&str] = &[
    "Anne",
    "Inger",
    "Kari",
    "Marit",
    "Ingrid",
    "Liv",
    "Eva",
    "Berit",
    "Astrid",
    "Bjørg",
    "Hilde",
    "Anna",
    "Solveig",
    "Marianne",
    "Randi",
    "Ida",
    "Nina",
    "Maria",
    "Elisabeth",
    "Kristin",
    "Bente",
    "Heidi",
    "Silje",
    "Hanne",
    "Gro",
    "Tone",
    "Ellen",
    "Camilla",
    "Sigrid",
    "Mette",
    "Tove",
    "Ragnhild",
    "Åse",
    "Kjersti",
    "Ingeborg",
    "Guro",
    "Sølvi",
    "Sunniva",
    "Nora",
    "Emma",
    "Thea",
    "Ingvild",
    "Synnøve",
    "Torill",
    "Anne-Marie",
    "Anne Grethe",
    "Mari",
    "Kine",
    "Line",
    "Siri",
    "Turid",
    "Unni",
    "Wenche",
    "Eli",
    "Aud",
    "Karin",
];
const SURNAMES: &[&str] = &[
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Johnsen",
    "Pettersen",
    "Eriksen",
    "Berg",
    "Haugen",
    "Hagen",
    "Johannessen",
    "Andreassen",
    "Jacobsen",
    "Dahl",
    "Jørgensen",
    "Halvorsen",
    "Henriksen",
    "Lund",
    "Sørensen",
    "Jakobsen",
    "Moen",
    "Gundersen",
    "Iversen",
    "Strand",
    "Solberg",
    "Svendsen",
    "Eide",
    "Knutsen",
    "Martinsen",
    "Paulsen",
    "Bakken",
    "Kristoffersen",
    "Mathisen",
    "Lie",
    "Amundsen",
    "Nguyen",
    "Rasmussen",
    "Ali",
    "Lunde",
    "Solheim",
    "Berntsen",
    "Moe",
    "Kristensen",
    "Bakke",
    "Lien",
    "Holm",
    "Sæther",
    "Ødegård",
    "Næss",
    "Aasen",
    "Fredriksen",
    "Ahmed",
    "Sandvik",
    "Brekke",
    "Vik",
    "Myklebust",
    "Løken",
    "Nygård",
    "Østby",
    "Haraldsen",
    "Mikkelsen",
    "Thorsen",
    "Hauge",
    "Tveit",
    "Ruud",
    "Aune",
    "Bråthen",
    "Fjeld",
    "Rønning",
    "Grønli",
    "Bjørnstad",
    "Engen",
    "Aas",
    "Øien",
];
const STEMS: &[&str] = &[
    "Kirke",
    "Skole",
    "Stor",
    "Sjø",
    "Prinsens ",
    "Kongens ",
    "Dronningens ",
    "Karl Johans ",
    "Bjørnstjerne Bjørnsons ",
    "Henrik Ibsens ",
    "Jernbane",
    "Strand",
    "Skog",
    "Fjell",
    "Åsen",
    "Bakke",
    "Løvenskiolds ",
    "Thorvald Meyers ",
    "Markveien ",
    "Tøyen",
    "Grønland",
    "Møller",
    "Bryggen ",
    "Olav Kyrres ",
    "Haakon VIIs ",
    "Munke",
    "Nedre Slotts",
    "Øvre Slotts",
    "Ringnes ",
    "Holmen",
    "Sandvik",
    "Elve",
    "Fjord",
    "Kvernhus",
    "Smie",
    "Prestegårds",
    "Granlia ",
    "Furu",
    "Bjørke",
    "Eike",
    "Lønne",
    "Rogne",
    "Hegge",
    "Seljeli ",
    "Solbakken ",
    "Torg",
    "Park",
    "Myr",
    "Dal",
    "Havne",
    "Mølle",
    "Vestre ",
    "Østre ",
    "Nordre ",
    "Søndre ",
];
const SUFFIXES: &[&str] = &[
    "gata", "gate", "veien", "vegen", "vei", "plass", "allé", "terrasse", "stien", "bakken",
];
/// Towns with the first postcode of their range and its width.
const TOWNS: &[(&str, u16, u16)] = &[
    ("OSLO", 150, 1150),
    ("BERGEN", 5003, 160),
    ("TRONDHEIM", 7010, 90),
    ("STAVANGER", 4005, 90),
    ("KRISTIANSAND", 4608, 20),
    ("DRAMMEN", 3011, 40),
    ("FREDRIKSTAD", 1601, 30),
    ("TROMSØ", 9006, 40),
    ("SANDNES", 4306, 20),
    ("ÅLESUND", 6002, 20),
    ("BODØ", 8003, 40),
    ("HAMAR", 2315, 20),
    ("LILLEHAMMER", 2609, 15),
    ("SKI", 1400, 20),
    ("MOLDE", 6402, 20),
    ("GJØVIK", 2815, 20),
];

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

const FARM_STEMS: &[&str] = &[
    "Bjør", "Fjell", "Haug", "Holm", "Lang", "Nord", "Øst", "Vest", "Sol", "Stor", "Lille", "Aas",
    "Dal", "Eng", "Foss", "Grøn", "Kval", "Lind", "Myr", "Rød", "Sand", "Skog", "Tveit", "Vik",
    "Brå", "Hov", "Ås", "Kvam", "Rust", "Gjer", "Hel", "Tøn", "Sæ", "Bre", "Flat",
];
const FARM_ENDS: &[&str] = &[
    "land", "heim", "stad", "rud", "vik", "dal", "berg", "nes", "seth", "bakken", "haug", "li",
    "mo", "sæter", "øy", "gård", "bø", "lund", "by", "set", "ås", "vold", "tun",
];

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

fn address(r: &mut ChaCha8Rng) -> Address {
    let (city, start, width) = TOWNS[r.random_range(0..TOWNS.len())];
    let pc = start + r.random_range(0..width);
    // A postcode has about 60 streets; the street is a function of (postcode, slot).
    let slot = r.random_range(0..60u64);
    let mut sr = rng_for(u64::from(pc), 1_000_000 + slot);
    let stem = STEMS[sr.random_range(0..STEMS.len())];
    let suffix = SUFFIXES[sr.random_range(0..SUFFIXES.len())];
    let street = format!("{stem}{suffix}");
    Address {
        street,
        number: r.random_range(1..=150),
        letter: r
            .random_bool(0.2)
            .then(|| char::from(b'A' + r.random_range(0..4u8))),
        postcode: format!("{pc:04}"),
        city: city.to_owned(),
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
                // A namesake of a reserved person at another address, born another day.
                let Some(p) = members.iter().find(|p| p.reserved) else {
                    continue;
                };
                let mut other = rng_for(self.seed ^ 0xA5A5, r.random());
                let a = address(&mut other);
                let born = date_between(&mut r, 1935, 2004);
                if Some(born) == p.record.birth_date {
                    continue;
                }
                let namesake = person(
                    &mut r,
                    p.record.given_names.clone(),
                    &p.record.surname,
                    &a,
                    born,
                );
                let (mut query, _) = corrupt_plain(&mut r, &namesake);
                if !r.random_bool(0.4) {
                    query.birth_date = None;
                }
                out.push(LabelledLead {
                    query,
                    reserved_id: None,
                    corruption: "namesake".into(),
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
    (q, "none".into())
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
        let what = match r.random_range(0..14) {
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
            _ => {
                q.given_names = q.given_names.replace('-', " ");
                "hyphen"
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
