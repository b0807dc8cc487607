//! Places: postcodes and post towns from the bundled postcode register, and the streets drawn
//! for them (their names, forms and suffixes).

use std::collections::{HashMap, HashSet};

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::names::Names;
use super::words::{
    Origin, PERSON_STREETS, PREFIXES, STEMS, SUFFIXES, Sex, SuffixDef, TREE_STEMS, UNPREFIXED_STEMS,
};

/// The postcode register (postcode → post town), bundled.
pub(super) const POSTCODES_TSV: &str = include_str!("../../../data/postcodes/NO.tsv");

/// Used only if the bundled file yields no row (it cannot, but a build must not panic on it).
#[rustfmt::skip]
const FALLBACK_POSTCODES: &[(&str, &str)] = &[
    ("0150", "OSLO"), ("0151", "OSLO"), ("0152", "OSLO"), ("5003", "BERGEN"), ("5004", "BERGEN"),
    ("7010", "TRONDHEIM"), ("7011", "TRONDHEIM"), ("9008", "TROMSØ"), ("2211", "KONGSVINGER"),
];

pub(super) struct Code {
    pub(super) code: String,
    pub(super) city: u32,
    pub(super) streets: Vec<u32>,
}

pub(super) struct City {
    /// As in the postcode register: upper case.
    pub(super) name: String,
    /// Postcodes, ascending.
    pub(super) codes: Vec<u32>,
}

/// How a street name is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// `Bjørke` + `veien`.
    Compound,
    /// A prefix (index into [`PREFIXES`]) and a compound: `Øvre Svanegata`.
    Prefixed(u8),
    /// Named after a person: this many leading given-name words, then a genitive and a suffix
    /// word (`Hans Nielsen Hauges gate`).
    Person(u8),
    /// Words and a suffix word, no given names (`Kongens gate`, `Lønne allé`).
    Noun,
}

pub(super) struct Street {
    pub(super) name: String,
    pub(super) code: u32,
    pub(super) form: Form,
    pub(super) suffix: u8,
    /// Byte offset of the suffix in `name`.
    pub(super) suffix_start: usize,
}

/// Parses `postcode<TAB>city` lines, skipping a header, blank or malformed lines and
/// duplicates; sorted by postcode.
pub(super) fn parse_postcodes(text: &str) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let code = cols.next()?.trim();
            let city = cols.next()?.trim();
            (code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) && !city.is_empty())
                .then(|| (code.to_owned(), city.to_uppercase()))
        })
        .collect();
    rows.sort();
    rows.dedup_by(|a, b| a.0 == b.0);
    rows
}

pub(super) fn suffix_index(text: &str, separate: bool) -> Option<u8> {
    SUFFIXES
        .iter()
        .position(|s| s.text == text && s.separate == separate)
        .map(|i| i as u8)
}

fn weighted_suffix(rng: &mut ChaCha8Rng, separate: bool, only: &[&str]) -> u8 {
    let choices: Vec<(usize, &SuffixDef)> = SUFFIXES
        .iter()
        .enumerate()
        .filter(|(_, s)| s.separate == separate && (only.is_empty() || only.contains(&s.text)))
        .collect();
    let total: u32 = choices.iter().map(|(_, s)| s.weight).sum();
    if total == 0 {
        return 0;
    }
    let mut x = rng.random_range(0..total);
    for (i, s) in &choices {
        if x < s.weight {
            return *i as u8;
        }
        x -= s.weight;
    }
    0
}

fn genitive(s: &str) -> String {
    if s.ends_with(['s', 'x', 'z']) {
        s.to_owned()
    } else {
        format!("{s}s")
    }
}

/// A street-name candidate: name, form, suffix, suffix offset.
type StreetDraft = (String, Form, u8, usize);

fn draft_street(rng: &mut ChaCha8Rng, names: &Names) -> StreetDraft {
    let r: f64 = rng.random();
    if r < 0.60 {
        let stem = STEMS.choose(rng).copied().unwrap_or("Bjørke");
        let s = weighted_suffix(rng, false, &[]);
        let text = SUFFIXES[usize::from(s)].text;
        (format!("{stem}{text}"), Form::Compound, s, stem.len())
    } else if r < 0.82 {
        if rng.random_bool(0.2) {
            let &(name, gw) = PERSON_STREETS.choose(rng).unwrap_or(&PERSON_STREETS[0]);
            let (head, last) = name.rsplit_once(' ').unwrap_or((name, "gate"));
            let s = suffix_index(last, true).unwrap_or(0);
            let form = if gw == 0 {
                Form::Noun
            } else {
                Form::Person(gw)
            };
            return (name.to_owned(), form, s, head.len() + 1);
        }
        // Mostly men; sometimes with a patronymic (`Hans Nielsen Hauge`).
        let sex = if rng.random_bool(0.82) {
            Sex::Male
        } else {
            Sex::Female
        };
        let sampler = &names.street_given[usize::from(sex == Sex::Female)];
        let mut words = vec![names.g(sampler.sample(rng)).text];
        if sex == Sex::Male && rng.random_bool(0.2) {
            let patronymic = names.s(names.sample_surname(rng, Origin::Norwegian)).text;
            if patronymic.ends_with("sen") {
                words.push(patronymic);
            }
        }
        let gw = words.len() as u8;
        let surname = names.s(names.sample_surname(rng, Origin::Norwegian)).text;
        let s = weighted_suffix(rng, true, &[]);
        let head = format!("{} {}", words.join(" "), genitive(surname));
        let name = format!("{head} {}", SUFFIXES[usize::from(s)].text);
        (name, Form::Person(gw), s, head.len() + 1)
    } else if r < 0.93 {
        let p = rng.random_range(0..PREFIXES.len());
        let stem = loop {
            let stem = STEMS.choose(rng).copied().unwrap_or("Svane");
            if !UNPREFIXED_STEMS.contains(&stem) {
                break stem;
            }
        };
        let s = weighted_suffix(rng, false, &["gata", "gate", "veien", "vei", "vegen"]);
        let head = format!("{} {stem}", PREFIXES[p].0);
        let name = format!("{head}{}", SUFFIXES[usize::from(s)].text);
        (name, Form::Prefixed(p as u8), s, head.len())
    } else {
        let stem = TREE_STEMS.choose(rng).copied().unwrap_or("Lønne");
        let s = suffix_index("allé", true).unwrap_or(0);
        (format!("{stem} allé"), Form::Noun, s, stem.len() + 1)
    }
}

/// The body of a prefixed street (`Svanegata` of `Øvre Svanegata`).
pub(super) fn prefixed_body(name: &str) -> &str {
    name.split_once(' ').map(|(_, b)| b).unwrap_or(name)
}

pub(super) fn build_places(
    rng: &mut ChaCha8Rng,
    names: &Names,
) -> (Vec<Code>, Vec<City>, Vec<Street>) {
    let mut rows = parse_postcodes(POSTCODES_TSV);
    if rows.is_empty() {
        rows = FALLBACK_POSTCODES
            .iter()
            .map(|&(c, t)| (c.to_owned(), t.to_owned()))
            .collect();
    }
    let mut cities: Vec<City> = Vec::new();
    let mut city_id: HashMap<String, u32> = HashMap::new();
    let mut codes: Vec<Code> = Vec::new();
    for (code, city) in rows {
        let id = *city_id.entry(city.clone()).or_insert_with(|| {
            cities.push(City {
                name: city,
                codes: Vec::new(),
            });
            (cities.len() - 1) as u32
        });
        cities[id as usize].codes.push(codes.len() as u32);
        codes.push(Code {
            code,
            city: id,
            streets: Vec::new(),
        });
    }
    let mut streets: Vec<Street> = Vec::new();
    for city in &cities {
        // Street names are unique within a town; prefixed bodies cannot carry two prefixes of
        // one abbreviation class (no `Øvre` and `Østre Svanegata` in one town).
        let mut used: HashSet<String> = HashSet::new();
        let mut prefixed: HashSet<(String, u8)> = HashSet::new();
        for &code in &city.codes {
            let n = rng.random_range(8..=30);
            let mut made = 0;
            let mut tries = 0;
            while made < n && tries < n * 40 {
                tries += 1;
                let (name, form, suffix, suffix_start) = draft_street(rng, names);
                if used.contains(&name) {
                    continue;
                }
                let mut extra = None;
                if let Form::Prefixed(p) = form {
                    let class = PREFIXES[usize::from(p)].3;
                    let body = prefixed_body(&name).to_owned();
                    if prefixed.contains(&(body.clone(), class)) {
                        continue;
                    }
                    prefixed.insert((body.clone(), class));
                    // Often the counterpart too: Øvre and Nedre Svanegata.
                    let pair = PREFIXES[usize::from(p)].2;
                    if let Some(q) = PREFIXES.iter().position(|x| x.0 == pair) {
                        let qclass = PREFIXES[q].3;
                        let other = format!("{pair} {body}");
                        if rng.random_bool(0.4)
                            && !used.contains(&other)
                            && !prefixed.contains(&(body.clone(), qclass))
                        {
                            prefixed.insert((body.clone(), qclass));
                            let start = other.len() - SUFFIXES[usize::from(suffix)].text.len();
                            extra = Some((other, Form::Prefixed(q as u8), suffix, start));
                        }
                    }
                }
                for (name, form, suffix, suffix_start) in
                    std::iter::once((name, form, suffix, suffix_start)).chain(extra)
                {
                    used.insert(name.clone());
                    codes[code as usize].streets.push(streets.len() as u32);
                    streets.push(Street {
                        name,
                        code,
                        form,
                        suffix,
                        suffix_start,
                    });
                    made += 1;
                }
            }
            if codes[code as usize].streets.is_empty() {
                codes[code as usize].streets.push(streets.len() as u32);
                let s = suffix_index("veien", false).unwrap_or(0);
                streets.push(Street {
                    name: "Hovedveien".to_owned(),
                    code,
                    form: Form::Compound,
                    suffix: s,
                    suffix_start: "Hoved".len(),
                });
            }
        }
    }
    (codes, cities, streets)
}
