//! The fairness judge: a careful, lenient human clerk with the lead and the register. It reads
//! every lead from its fields alone (never from its kind) and says which reserved persons the
//! lead could be.
//!
//! - Words are folded: case; æ/ä → e, ø/ö → o, å/á → a and other accents; `ae`/`oe`/`aa` → one
//!   letter; OCR `1` → l and `rn` → m; by ear `skj` → `sj`, `tj` → `kj`, a first `hj`/`gj` → j,
//!   a first `hv` → v; `th` → t, `ch`/`c`/`q` → k, `ph` → f, `w` → v, `z` → s; doubled letters
//!   single; given names then to their spelling family. Two words could be one if equal or one
//!   edit apart (a swap of neighbours counts) with four letters or more each.
//! - Towns: the town of the postcode read back through a glyph table, the town field and the
//!   street field, each also as a Sami or Kven name.
//! - House: in the street and town fields, bolignummer tokens are dropped; the first token
//!   that begins with a digit is the number (its letter glued, after `-`, or the next
//!   one-letter token) and the words before it the street; else the house fields.
//! - Streets could be one if their prefixes do not differ (a missing one does not; a short
//!   form stands for every prefix it could shorten) and their remaining words pair up: equal,
//!   one edit apart (six letters or more), or a one-letter word the initial of a word.
//! - A lead could be a row if a given word and a surname word could be the row's, the row's
//!   house is the lead's (a town, the street, the number, letters equal or one missing), and a
//!   shown birth date is the row's or the first of January of its year (a year-only field).

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::names::{FAMILIES, PREFIXES, SAMI_KVEN};
use super::places::Places;
use crate::person::{PersonQuery, PersonRecord};

/// Folds a word or text as the module documentation says (no family mapping).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let r = match c {
            'æ' | 'ä' | 'é' | 'è' | 'ê' => 'e',
            'ø' | 'ö' | 'ó' | 'ô' => 'o',
            'å' | 'á' | 'à' | 'â' => 'a',
            'č' => 'c',
            'đ' => 'd',
            'ŋ' => 'n',
            'š' => 's',
            'ž' => 'z',
            'ü' => 'u',
            'í' => 'i',
            '1' => 'l',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        out.push(r);
    }
    let mut s = out;
    for (a, b) in [
        ("aa", "a"),
        ("ae", "e"),
        ("oe", "o"),
        ("rn", "m"),
        ("skj", "sj"),
        ("tj", "kj"),
        ("th", "t"),
        ("ch", "k"),
        ("ph", "f"),
    ] {
        s = s.replace(a, b);
    }
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| {
            let w = if w.starts_with("hj") || w.starts_with("gj") || w.starts_with("hv") {
                w[1..].to_owned()
            } else {
                w.to_owned()
            };
            let mut o = String::new();
            let mut last = None;
            for c in w.chars() {
                let c = match c {
                    'c' | 'q' => 'k',
                    'w' => 'v',
                    'z' => 's',
                    c => c,
                };
                if Some(c) != last {
                    o.push(c);
                }
                last = Some(c);
            }
            o
        })
        .collect();
    words.join(" ")
}

/// Optimal-string-alignment distance, capped: true if `a` and `b` are at most one edit apart.
pub fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return true;
    }
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() && a[i] == b[j] {
        i += 1;
        j += 1;
    }
    if a.len() == b.len() {
        if a[i + 1..] == b[j + 1..] {
            return true;
        }
        i + 1 < a.len() && a[i] == b[j + 1] && a[i + 1] == b[j] && a[i + 2..] == b[j + 2..]
    } else if a.len() > b.len() {
        a[i + 1..] == b[j..]
    } else {
        a[i..] == b[j + 1..]
    }
}

fn family(w: &str) -> String {
    for fam in FAMILIES {
        if fam.iter().any(|m| fold(m) == w) {
            return fold(fam[0]);
        }
    }
    w.to_owned()
}

/// The folded words of a name field (family-mapped if `given`).
pub fn name_words(s: &str, given: bool) -> Vec<String> {
    fold(s)
        .split_whitespace()
        .map(|w| if given { family(w) } else { w.to_owned() })
        .collect()
}

/// Two folded name words could be one.
pub fn words_could_be(a: &str, b: &str) -> bool {
    a == b || (a.chars().count() >= 4 && b.chars().count() >= 4 && one_edit(a, b))
}

/// Two given-name fields could name one person (some word pairs up).
pub fn given_could_be(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a, true), name_words(b, true));
    a.iter().any(|x| b.iter().any(|y| words_could_be(x, y)))
}

/// Two surname fields could be one.
pub fn surname_could_be(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a, false), name_words(b, false));
    a.iter().any(|x| b.iter().any(|y| words_could_be(x, y)))
}

/// A street read as (possible prefixes or none, remaining folded words).
type StreetReading = (Option<Vec<String>>, Vec<String>);

fn prefix_readings(words: &[String]) -> Vec<StreetReading> {
    let mut out = vec![(None, words.to_vec())];
    if let Some(first) = words.first() {
        let fits: Vec<String> = PREFIXES
            .iter()
            .filter(|(p, shorts)| {
                fold(p) == *first || shorts.iter().any(|s| fold(s).trim() == first.as_str())
            })
            .map(|(p, _)| fold(p))
            .collect();
        if !fits.is_empty() {
            out.push((Some(fits), words[1..].to_vec()));
        }
    }
    out
}

/// A lead's street words could be a row's.
pub fn streets_could_be(lead: &[String], row: &[String]) -> bool {
    let row_prefix = row
        .first()
        .filter(|w| PREFIXES.iter().any(|(p, _)| fold(p) == **w))
        .cloned();
    let row_body = if row_prefix.is_some() { &row[1..] } else { row };
    let words_pair = |l: &[String], r: &[String]| {
        !l.is_empty()
            && l.len() == r.len()
            && l.iter().zip(r).all(|(l, r)| {
                l == r
                    || (l.chars().count() == 1 && r.starts_with(l.as_str()))
                    || (l.chars().count() >= 6 && r.chars().count() >= 6 && one_edit(l, r))
            })
    };
    prefix_readings(lead)
        .iter()
        .any(|(lp, lw)| match (lp, &row_prefix) {
            (Some(set), Some(r)) => set.contains(r) && words_pair(lw, row_body),
            (Some(_), None) => false,
            (None, _) => words_pair(lw, row) || words_pair(lw, row_body),
        })
}

fn is_flat(t: &str) -> bool {
    let mut c = t.chars();
    matches!(
        c.next(),
        Some('H' | 'U' | 'K' | 'L' | 'h' | 'u' | 'k' | 'l')
    ) && t.len() == 5
        && t[1..].chars().all(|d| d.is_ascii_digit())
}

/// Reads a house from a text field: (street words folded, number, letter); `None` without a
/// number token.
pub fn read_house(text: &str) -> Option<(Vec<String>, u32, String)> {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty() && *t != "-" && !is_flat(t))
        .collect();
    let at = tokens
        .iter()
        .position(|t| t.starts_with(|c: char| c.is_ascii_digit()))?;
    let tok = tokens[at];
    let digits: String = tok.chars().take_while(char::is_ascii_digit).collect();
    let number = digits.parse().ok()?;
    let mut letter: String = tok[digits.len()..].trim_start_matches('-').to_uppercase();
    if letter.is_empty()
        && let Some(next) = tokens.get(at + 1)
        && next.chars().count() == 1
        && next.chars().all(char::is_alphabetic)
    {
        letter = next.to_uppercase();
    }
    let street = fold(&tokens[..at].join(" "))
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    Some((street, number, letter))
}

/// The judge over one register.
pub struct Judge<'a> {
    register: &'a [PersonRecord],
    by_house: HashMap<(String, u32), Vec<usize>>,
    towns: HashMap<String, String>,
    postcode_town: HashMap<String, String>,
}

impl<'a> Judge<'a> {
    /// A judge of `register` within `places`.
    pub fn new(places: &Places, register: &'a [PersonRecord]) -> Judge<'a> {
        let mut towns = HashMap::new();
        let mut postcode_town = HashMap::new();
        for t in &places.towns {
            towns.insert(fold(&t.name), fold(&t.name));
            for p in &t.postcodes {
                postcode_town.insert(p.clone(), fold(&t.name));
            }
        }
        for (town, alts) in SAMI_KVEN {
            for a in *alts {
                towns.insert(fold(a), fold(town));
            }
        }
        let mut by_house: HashMap<(String, u32), Vec<usize>> = HashMap::new();
        for (i, r) in register.iter().enumerate() {
            if let Ok(n) = r.house_number.parse() {
                by_house.entry((fold(&r.city), n)).or_default().push(i);
            }
        }
        Judge {
            register,
            by_house,
            towns,
            postcode_town,
        }
    }

    fn lead_towns(&self, q: &PersonQuery) -> HashSet<String> {
        let mut out = HashSet::new();
        let code: String = q
            .postcode
            .trim()
            .chars()
            .map(|c| match c {
                'O' | 'o' | 'D' => '0',
                'l' | 'I' => '1',
                'Z' => '2',
                'A' => '4',
                'S' | 's' => '5',
                'b' | 'G' => '6',
                'B' => '8',
                'g' => '9',
                c => c,
            })
            .collect();
        if let Some(t) = self.postcode_town.get(&code) {
            out.insert(t.clone());
        }
        for field in [&q.city, &q.street] {
            if let Some(t) = self.towns.get(&fold(field)) {
                out.insert(t.clone());
            }
        }
        out
    }

    /// The register indices the lead could be.
    pub fn could_be(&self, q: &PersonQuery) -> Vec<usize> {
        let towns = self.lead_towns(q);
        let mut houses = Vec::new();
        for field in [&q.street, &q.city] {
            if let Some(h) = read_house(field) {
                houses.push(h);
            }
        }
        if let Ok(n) = q.house_number.trim().parse::<u32>() {
            for field in [&q.street, &q.city] {
                if !self.towns.contains_key(&fold(field)) {
                    let words = fold(field).split_whitespace().map(str::to_owned).collect();
                    houses.push((words, n, q.house_letter.trim().to_uppercase()));
                }
            }
        }
        let mut out = Vec::new();
        for town in &towns {
            for (street, number, letter) in &houses {
                let Some(rows) = self.by_house.get(&(town.clone(), *number)) else {
                    continue;
                };
                for &i in rows {
                    let r = &self.register[i];
                    let row_street: Vec<String> = fold(&r.street)
                        .split_whitespace()
                        .map(str::to_owned)
                        .collect();
                    let row_letter = r.house_letter.to_uppercase();
                    if (letter.is_empty() || row_letter.is_empty() || *letter == row_letter)
                        && streets_could_be(street, &row_street)
                        && given_could_be(&q.given_names, &r.given_names)
                        && surname_could_be(&q.surname, &r.surname)
                        && birth_fits(q.birth_date, r.birth_date)
                        && !out.contains(&i)
                    {
                        out.push(i);
                    }
                }
            }
        }
        out
    }
}

fn birth_fits(lead: Option<NaiveDate>, row: Option<NaiveDate>) -> bool {
    match (lead, row) {
        (Some(l), Some(r)) => l == r || (l.month() == 1 && l.day() == 1 && l.year() == r.year()),
        _ => true,
    }
}
