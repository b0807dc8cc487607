//! The fairness judge: a careful, lenient human reader with the lead and the register.
//!
//! - **Words** are folded: case; æ/ä/`ae` → e, ø/ö/`oe` → o, å/`aa` → a; accents; OCR `1` → l,
//!   `rn` → m; `th` → t, `ch`/`ck`/`c`/`q` → k, `ph` → f, `w` → v, `z` → s; doubled letters;
//!   given names then through the spelling families. Two name words could be one if equal, or
//!   one edit apart with four letters or more each.
//! - **Town**: the town field without country words (`Norge`, `Norway`, `NO`) and the town of
//!   the postcode, read back through a glyph table and left-padded with zeros.
//! - **House**: the street field without bolignummer tokens; the first token beginning with a
//!   digit is the number (letter glued or next), the street the words before it; else the
//!   number and letter fields. A first word that is or abbreviates a prefix gives the possible
//!   prefixes; dotted endings are expanded (`vn.`, `v.`, `gt.`, `pl.`); `veien`/`vegen`/`veg`
//!   → `vei`, `gata`/`gaten` → `gate`; one-letter words (initials) are dropped, and of three
//!   words or more the first (a street person's given name). Streets could be one if their
//!   prefixes do not differ (a missing one does not) and their keys are equal or one edit apart
//!   (six letters or more).
//!
//! A lead could be a row if a given word and a surname word could be the row's, the lead is at
//! the row's house (town, street, number, letters equal or one missing), and a shown birth date
//! is the row's. A corrupted lead is fair if it could be its truth and nobody else; a look-alike
//! if it could be nobody, with and without its birth date.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::names::{FAMILIES, PREFIXES};
use super::places::Places;
use crate::person::{PersonQuery, PersonRecord};

/// Folds one word (see the module documentation).
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' | 'é' | 'è' | 'ê' => s.push('e'),
            'ø' | 'ö' | 'ó' => s.push('o'),
            'å' | 'á' | 'à' => s.push('a'),
            'ü' => s.push('u'),
            '1' | '|' => s.push('l'),
            c if c.is_alphanumeric() => s.push(c),
            _ => {}
        }
    }
    let s = s
        .replace("aa", "a")
        .replace("ae", "e")
        .replace("oe", "o")
        .replace("rn", "m")
        .replace("th", "t")
        .replace("ch", "k")
        .replace("ck", "k")
        .replace("ph", "f");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'c' | 'q' => 'k',
            'w' => 'v',
            'z' => 's',
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether `a` and `b` are at most one edit apart (a swap of neighbours counts).
pub fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if la == lb {
        let (sa, sb) = (&a[p + 1..], &b[p + 1..]);
        sa == sb || (p + 1 < la && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..])
    } else if la > lb {
        a[p + 1..] == b[p..]
    } else {
        a[p..] == b[p + 1..]
    }
}

/// Whether two folded name words could be one name.
pub fn names_could_be(a: &str, b: &str) -> bool {
    a == b || (a.chars().count() >= 4 && b.chars().count() >= 4 && one_edit(a, b))
}

/// A street as the judge reads it: possible prefixes (bit mask, 0 = none) and key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Street {
    prefixes: u16,
    key: String,
}

impl Street {
    /// Whether two streets could be one.
    pub fn could_be(&self, other: &Street) -> bool {
        (self.prefixes == 0 || other.prefixes == 0 || self.prefixes & other.prefixes != 0)
            && (self.key == other.key
                || (self.key.chars().count() >= 6
                    && other.key.chars().count() >= 6
                    && one_edit(&self.key, &other.key)))
    }
}

fn prefix_mask(token: &str) -> u16 {
    let f = fold(token.trim_end_matches('.'));
    let mut mask = 0;
    for (i, (full, abbrs)) in PREFIXES.iter().enumerate() {
        if fold(full) == f || abbrs.iter().any(|a| fold(a.trim_end_matches('.')) == f) {
            mask |= 1 << i;
        }
    }
    mask
}

/// Reads the street of its words.
pub fn street_of(tokens: &[&str]) -> Street {
    let mut tokens = tokens;
    let mut prefixes = 0;
    if tokens.len() > 1 {
        let m = prefix_mask(tokens[0]);
        if m != 0 {
            prefixes = m;
            tokens = &tokens[1..];
        }
    }
    let mut words: Vec<String> = Vec::new();
    for t in tokens {
        let dotted = t.ends_with('.');
        let mut w = fold(t);
        if dotted {
            for (abbr, full) in [("vn", "vei"), ("v", "vei"), ("gt", "gate"), ("pl", "plass")] {
                if let Some(stem) = w.strip_suffix(abbr) {
                    w = format!("{stem}{full}");
                    break;
                }
            }
        }
        for (end, to) in [
            ("veien", "vei"),
            ("vegen", "vei"),
            ("veg", "vei"),
            ("gaten", "gate"),
            ("gata", "gate"),
        ] {
            if let Some(stem) = w.strip_suffix(end) {
                w = format!("{stem}{to}");
                break;
            }
        }
        if w.chars().count() > 1 {
            words.push(w);
        }
    }
    if words.len() >= 3 {
        words.remove(0);
    }
    Street {
        prefixes,
        key: words.concat(),
    }
}

/// Reads a street name alone.
pub fn street_name(name: &str) -> Street {
    let s = name.replace('.', ". ");
    let tokens: Vec<&str> = s.split_whitespace().collect();
    street_of(&tokens)
}

fn is_bolignummer(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 5 && b"HUKLhukl".contains(&b[0]) && b[1..].iter().all(u8::is_ascii_digit)
}

fn split_number(t: &str) -> (Option<u32>, Option<char>) {
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest: String = t.chars().skip(digits.len()).collect();
    let letter = rest
        .chars()
        .find(|c| c.is_alphabetic())
        .map(|c| c.to_ascii_uppercase());
    (digits.parse().ok(), letter)
}

/// Reads the house of the street, number and letter fields.
pub fn house(street: &str, number: &str, letter: &str) -> (Street, Option<u32>, Option<char>) {
    let s = street.replace('.', ". ").replace(',', " ");
    let tokens: Vec<&str> = s
        .split_whitespace()
        .filter(|t| !is_bolignummer(t) && t.chars().any(char::is_alphanumeric))
        .collect();
    if let Some(i) = tokens
        .iter()
        .position(|t| t.starts_with(|c: char| c.is_ascii_digit()))
    {
        let (n, mut l) = split_number(tokens[i]);
        if l.is_none()
            && let Some(next) = tokens.get(i + 1)
            && next.chars().count() == 1
            && next.chars().all(char::is_alphabetic)
        {
            l = next.chars().next().map(|c| c.to_ascii_uppercase());
        }
        return (street_of(&tokens[..i]), n, l);
    }
    let (n, mut l) = split_number(number.trim());
    if l.is_none() {
        l = letter
            .chars()
            .find(|c| c.is_alphabetic())
            .map(|c| c.to_ascii_uppercase());
    }
    (street_of(&tokens), n, l)
}

fn words(field: &str) -> Vec<String> {
    field
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// A lead or row as the judge reads it.
#[derive(Debug, Clone)]
pub struct Reading {
    given: Vec<String>,
    surname: Vec<String>,
    towns: Vec<u32>,
    street: Street,
    number: Option<u32>,
    letter: Option<char>,
    birth: Option<NaiveDate>,
}

/// The judge over one register.
pub struct Judge {
    families: HashMap<String, String>,
    towns: HashMap<String, Vec<u32>>,
    postcodes: HashMap<String, u32>,
    rows: Vec<Reading>,
    by_house: HashMap<(u32, u32), Vec<u32>>,
}

/// Folds a town field: country words dropped.
pub fn town_key(field: &str) -> String {
    field
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .filter(|w| !["norge", "norvay", "no", "noreg"].contains(&w.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads a postcode field back through the glyph table; `None` unless the table has it.
pub fn read_postcode(field: &str) -> Option<String> {
    let mut d = String::new();
    for c in field.chars().filter(|c| !c.is_whitespace()) {
        d.push(match c {
            'O' | 'o' | 'D' => '0',
            'l' | 'I' | 'i' | '|' => '1',
            'Z' | 'z' => '2',
            'A' => '4',
            'S' | 's' => '5',
            'b' | 'G' => '6',
            'B' => '8',
            'g' => '9',
            c if c.is_ascii_digit() => c,
            _ => return None,
        });
    }
    if d.is_empty() || d.len() > 4 {
        return None;
    }
    Some(format!("{d:0>4}"))
}

impl Judge {
    /// A judge over `register`.
    pub fn new(places: &Places, register: &[PersonRecord]) -> Judge {
        let mut families = HashMap::new();
        for f in FAMILIES {
            for m in *f {
                families.insert(fold(m), fold(f[0]));
            }
        }
        let mut towns: HashMap<String, Vec<u32>> = HashMap::new();
        let mut postcodes = HashMap::new();
        for (i, t) in places.towns.iter().enumerate() {
            towns.entry(town_key(&t.name)).or_default().push(i as u32);
            for p in &t.postcodes {
                postcodes.insert(p.clone(), i as u32);
            }
        }
        let mut judge = Judge {
            families,
            towns,
            postcodes,
            rows: Vec::with_capacity(register.len()),
            by_house: HashMap::new(),
        };
        for (i, r) in register.iter().enumerate() {
            let reading = judge.read(&PersonQuery::from(r));
            if let Some(n) = reading.number {
                for &t in &reading.towns {
                    judge.by_house.entry((t, n)).or_default().push(i as u32);
                }
            }
            judge.rows.push(reading);
        }
        judge
    }

    /// Reads a lead.
    pub fn read(&self, q: &PersonQuery) -> Reading {
        let given = words(&q.given_names)
            .into_iter()
            .map(|w| self.families.get(&w).cloned().unwrap_or(w))
            .collect();
        let mut towns: Vec<u32> = self
            .towns
            .get(&town_key(&q.city))
            .cloned()
            .unwrap_or_default();
        if let Some(t) = read_postcode(&q.postcode).and_then(|p| self.postcodes.get(&p)) {
            towns.push(*t);
        }
        towns.sort_unstable();
        towns.dedup();
        let (street, number, letter) = house(&q.street, &q.house_number, &q.house_letter);
        Reading {
            given,
            surname: words(&q.surname),
            towns,
            street,
            number,
            letter,
            birth: q.birth_date,
        }
    }

    fn could_be(&self, lead: &Reading, row: &Reading) -> bool {
        let any =
            |a: &[String], b: &[String]| a.iter().any(|x| b.iter().any(|y| names_could_be(x, y)));
        lead.number.is_some()
            && lead.number == row.number
            && (lead.letter.is_none() || row.letter.is_none() || lead.letter == row.letter)
            && row.towns.iter().any(|t| lead.towns.contains(t))
            && (lead.birth.is_none() || row.birth.is_none() || lead.birth == row.birth)
            && lead.street.could_be(&row.street)
            && any(&lead.given, &row.given)
            && any(&lead.surname, &row.surname)
    }

    /// The register rows the lead could be.
    pub fn matches(&self, q: &PersonQuery) -> Vec<usize> {
        let lead = self.read(q);
        let Some(n) = lead.number else {
            return Vec::new();
        };
        let mut out: Vec<usize> = lead
            .towns
            .iter()
            .filter_map(|&t| self.by_house.get(&(t, n)))
            .flatten()
            .filter(|&&i| self.could_be(&lead, &self.rows[i as usize]))
            .map(|&i| i as usize)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether a corrupted lead is fair: it could be its truth and nobody else.
    pub fn fair_corrupted(&self, q: &PersonQuery, truth: usize) -> bool {
        self.matches(q) == [truth]
    }

    /// Whether a look-alike is fair: it could be nobody, with and without its birth date.
    pub fn fair_look_alike(&self, q: &PersonQuery) -> bool {
        let mut without = q.clone();
        without.birth_date = None;
        self.matches(q).is_empty() && self.matches(&without).is_empty()
    }

    /// Whether two given-name fields could share a name (for drawing distinct names).
    pub fn given_clash(&self, a: &str, b: &str) -> bool {
        let f = |s: &str| -> Vec<String> {
            words(s)
                .into_iter()
                .map(|w| self.families.get(&w).cloned().unwrap_or(w))
                .collect()
        };
        let (a, b) = (f(a), f(b));
        a.iter().any(|x| b.iter().any(|y| names_could_be(x, y)))
    }
}
