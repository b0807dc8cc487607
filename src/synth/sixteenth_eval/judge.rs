//! The fairness judge: a careful, lenient clerk with the lead and the register. It reads a
//! lead from its fields, never from its kind.

use std::collections::HashMap;

use chrono::Datelike;

use super::places::Places;
use crate::person::{PersonQuery, PersonRecord};

/// Invisible characters a paste can carry.
pub const INVISIBLE: &[char] = &[
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{00ad}', '\u{2060}', '\u{feff}',
];

/// Folds a word or phrase: case, æ/ø/å and their stand-ins, `0`/`1` in words, OCR and spelling
/// pairs, doubled letters; spaces and punctuation dropped.
pub fn fold(s: &str) -> String {
    let has_letter = s.chars().any(char::is_alphabetic);
    let mut t = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' | 'é' => t.push('e'),
            'ø' | 'ö' => t.push('o'),
            'å' | 'á' | 'à' => t.push('a'),
            '0' if has_letter => t.push('o'),
            '1' if has_letter => t.push('l'),
            c if c.is_alphanumeric() => t.push(c),
            _ => {}
        }
    }
    for (a, b) in [
        ("rn", "m"),
        ("aa", "a"),
        ("ae", "e"),
        ("oe", "o"),
        ("th", "t"),
        ("ch", "k"),
        ("ph", "f"),
        ("c", "k"),
        ("w", "v"),
        ("x", "ks"),
        ("z", "s"),
    ] {
        t = t.replace(a, b);
    }
    let mut out = String::new();
    for c in t.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether `a` and `b` are one edit apart (a swap of neighbours counts).
pub fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return false;
    }
    let (s, l) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if l.len() - s.len() > 1 {
        return false;
    }
    let p = s.iter().zip(l.iter()).take_while(|(x, y)| x == y).count();
    if s.len() == l.len() {
        s[p + 1..] == l[p + 1..]
            || (p + 1 < s.len() && s[p] == l[p + 1] && s[p + 1] == l[p] && s[p + 2..] == l[p + 2..])
    } else {
        s[p..] == l[p + 1..]
    }
}

/// Splits a field into words at spaces, no-break spaces, tabs and commas; invisible
/// characters are dropped.
pub fn words(s: &str) -> Vec<String> {
    let clean: String = s.chars().filter(|c| !INVISIBLE.contains(c)).collect();
    clean
        .split(|c: char| c.is_whitespace() || c == ',' || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn names_fit(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && (a == b || (a.len() >= 5 && b.len() >= 5 && one_edit(&a, &b)))
}

const SUFFIXES: &[&str] = &["dy", "de", "jr", "sr", "jun", "sen", "jnr", "snr"];

fn subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|d| d == c))
}

fn word_fits(l: &str, r: &str, last: bool) -> bool {
    let (fl, fr) = (fold(l), fold(r));
    if fl.is_empty() {
        return false;
    }
    fl == fr
        || (!last && fl.len() < fr.len() && fl[..1] == fr[..1] && subsequence(&fl, &fr))
        || (fl.len() >= 6 && fr.len() >= 6 && one_edit(&fl, &fr))
}

/// Whether street words `lead` could be the street `row`.
pub fn street_fits(lead: &[String], row: &[String], row_prefixed: bool) -> bool {
    let fits = |row: &[String]| {
        lead.len() == row.len()
            && lead
                .iter()
                .zip(row)
                .enumerate()
                .all(|(i, (l, r))| word_fits(l, r, i + 1 == row.len()))
    };
    fits(row) || (row_prefixed && fits(&row[1..]))
}

/// The glyph a digit may be read as, and back.
pub const GLYPHS: &[(char, char)] = &[
    ('0', 'O'),
    ('0', 'D'),
    ('1', 'l'),
    ('1', 'I'),
    ('2', 'Z'),
    ('4', 'A'),
    ('5', 'S'),
    ('6', 'b'),
    ('8', 'B'),
    ('9', 'g'),
];

/// A lead's house: street words, number (no leading zeros) and letter.
pub fn house(q: &PersonQuery) -> (Vec<String>, String, String) {
    let mut street = Vec::new();
    let mut number = String::new();
    let mut letter = String::new();
    let toks: Vec<String> = words(&q.street)
        .into_iter()
        .filter(|w| {
            let b = w.as_bytes();
            !(w == "-"
                || (b.len() == 5
                    && b"HUKL".contains(&b[0])
                    && b[1..].iter().all(u8::is_ascii_digit)))
        })
        .collect();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.starts_with(|c: char| c.is_ascii_digit()) {
            let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
            number = digits;
            letter = t.chars().skip_while(char::is_ascii_digit).collect();
            if letter.is_empty() && i + 1 < toks.len() && toks[i + 1].chars().count() == 1 {
                letter = toks[i + 1].clone();
            }
            break;
        }
        street.push(t.clone());
        i += 1;
    }
    if number.is_empty() {
        number = q
            .house_number
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
        let rest: String = number.chars().skip_while(char::is_ascii_digit).collect();
        number = digits;
        letter = if rest.is_empty() {
            q.house_letter.trim().to_string()
        } else {
            rest
        };
    }
    let number = number.trim_start_matches('0').to_string();
    (street, number, letter.to_uppercase())
}

/// The judge over a register.
pub struct Judge<'a> {
    register: &'a [PersonRecord],
    places: &'a Places,
    by_house: HashMap<(usize, String), Vec<usize>>,
    towns_by_fold: HashMap<String, Vec<usize>>,
}

impl<'a> Judge<'a> {
    /// Indexes `register` by (town, house number).
    pub fn new(register: &'a [PersonRecord], places: &'a Places) -> Judge<'a> {
        let mut towns_by_fold: HashMap<String, Vec<usize>> = HashMap::new();
        for (t, name) in places.towns.iter().enumerate() {
            towns_by_fold.entry(fold(name)).or_default().push(t);
        }
        let mut by_house: HashMap<(usize, String), Vec<usize>> = HashMap::new();
        for (i, r) in register.iter().enumerate() {
            if let Some(&t) = places.town_by_name.get(&r.city) {
                by_house
                    .entry((t, r.house_number.trim_start_matches('0').to_string()))
                    .or_default()
                    .push(i);
            }
        }
        Judge {
            register,
            places,
            by_house,
            towns_by_fold,
        }
    }

    /// The towns a lead names: by its town field and by its postcode read back through glyphs.
    pub fn towns(&self, q: &PersonQuery) -> Vec<usize> {
        let mut out = self
            .towns_by_fold
            .get(&fold(&q.city))
            .cloned()
            .unwrap_or_default();
        let code: String = q
            .postcode
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| {
                GLYPHS
                    .iter()
                    .find(|g| g.1 == c || g.1.to_ascii_lowercase() == c)
                    .map_or(c, |g| g.0)
            })
            .collect();
        if let Some(&t) = self.places.town_of_code.get(&code) {
            out.push(t);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether lead `q` could be register row `r`.
    pub fn could_be(&self, q: &PersonQuery, r: &PersonRecord, birth: bool) -> bool {
        let given = words(&q.given_names);
        let row_given = words(&r.given_names);
        if !given
            .iter()
            .any(|g| row_given.iter().any(|h| names_fit(g, h)))
        {
            return false;
        }
        let sur: Vec<String> = words(&q.surname)
            .into_iter()
            .filter(|w| !SUFFIXES.contains(&fold(w).as_str()))
            .collect();
        let row_sur = words(&r.surname);
        if !sur.iter().any(|g| row_sur.iter().any(|h| names_fit(g, h))) {
            return false;
        }
        let (street, number, letter) = house(q);
        if number != r.house_number.trim_start_matches('0') {
            return false;
        }
        let rl = r.house_letter.to_uppercase();
        if !(letter == rl || letter.is_empty() || rl.is_empty()) {
            return false;
        }
        let row_street = words(&r.street);
        let prefixed = super::names::PREFIXES
            .iter()
            .any(|(p, _)| row_street.first().is_some_and(|w| w == p));
        if !street_fits(&street, &row_street, prefixed) {
            return false;
        }
        if birth && let (Some(a), Some(b)) = (q.birth_date, r.birth_date) {
            let century =
                a.month() == b.month() && a.day() == b.day() && (a.year() - b.year()).abs() == 100;
            if a != b && !century {
                return false;
            }
        }
        true
    }

    /// The reserved rows lead `q` could be.
    pub fn candidates(&self, q: &PersonQuery, birth: bool) -> Vec<usize> {
        let (_, number, _) = house(q);
        let mut out = Vec::new();
        for t in self.towns(q) {
            if let Some(rows) = self.by_house.get(&(t, number.clone())) {
                out.extend(
                    rows.iter()
                        .copied()
                        .filter(|&i| self.could_be(q, &self.register[i], birth)),
                );
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// A corrupted lead is fair if it could be its truth and nobody else reserved.
    pub fn fair_corrupted(&self, q: &PersonQuery, truth: usize) -> bool {
        self.could_be(q, &self.register[truth], true) && self.candidates(q, false) == [truth]
    }

    /// A look-alike is fair if it could be nobody reserved, birth dates ignored.
    pub fn fair_look_alike(&self, q: &PersonQuery) -> bool {
        self.candidates(q, false).is_empty()
    }
}
