//! The twenty-ninth set's clerk judge: a careful human clerk with the lead, the register and
//! `NO.tsv`, who reads every lead from its fields (never from its kind) and decides which
//! reserved persons it could be. A corrupted lead is fair if it could be its truth and nobody
//! else; a look-alike is fair if it could be nobody reserved, and nobody reserved anywhere has
//! a name it could be and its shown birth date.

use std::collections::{HashMap, HashSet};

use chrono::{Months, NaiveDate};

use super::names;
use super::world::tsv_rows;
use crate::person::{PersonQuery, PersonRecord};

/// A character of a postcode as a digit: an ASCII digit, or the letter a TV remote's number
/// key gives first in letter mode (`a d g j m p t w` for `2 3 4 5 6 7 8 9`, either case).
pub fn key_digit(c: char) -> Option<char> {
    Some(match c.to_ascii_lowercase() {
        '0'..='9' => c,
        'a' => '2',
        'd' => '3',
        'g' => '4',
        'j' => '5',
        'm' => '6',
        'p' => '7',
        't' => '8',
        'w' => '9',
        _ => return None,
    })
}

/// The letter a TV remote's number key gives first in letter mode (none for `0` and `1`).
pub fn letter_mode(d: char) -> Option<char> {
    let i = "23456789".find(d)?;
    "adgjmptw".chars().nth(i)
}

/// A word's key: lower case, `æ ø å` as `ae oe aa`, accents dropped, only letters and digits
/// kept (punctuation, dots, colons and hyphens dropped).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'é' | 'è' | 'ê' => out.push('e'),
            'à' | 'á' | 'â' => out.push('a'),
            'ô' | 'ó' | 'ò' => out.push('o'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// A word's flat key, as a card embosser writes it: `æ` as `ae`, `ø` as `o`, `å` as `a`,
/// accents dropped, only letters and digits kept.
pub fn flat(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' | 'ô' => out.push('o'),
            'å' | 'à' | 'á' | 'â' => out.push('a'),
            'é' | 'è' | 'ê' => out.push('e'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// A word's bare key, as a keyboard without `æ ø å` leaves it: `æ` and `å` (and their
/// long-press neighbours `ä à á â`) as `a`, `ø` (and `ö ô`) as `o`, only letters and digits
/// kept.
pub fn bare(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' | 'å' | 'à' | 'á' | 'â' => out.push('a'),
            'ø' | 'ö' | 'ô' | 'ó' | 'ò' => out.push('o'),
            'é' | 'è' | 'ê' => out.push('e'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether a word has a letter a keyboard without `æ ø å` could not have typed.
pub fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// A key read as an OCR of a dot-matrix printout might: `1` as `l`, `rn` as `m`.
pub fn ocr_canon(key: &str) -> String {
    key.replace('1', "l").replace("rn", "m")
}

/// Whether `lead` is `row` with one letter typed twice by a bouncing key (case ignored).
pub fn bounced(lead: &str, row: &str) -> bool {
    let a: Vec<char> = lead.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = row.chars().flat_map(char::to_lowercase).collect();
    if a.len() != b.len() + 1 {
        return false;
    }
    (1..a.len()).any(|i| {
        a[i] == a[i - 1] && a[i].is_alphabetic() && a[..i] == b[..i] && a[i + 1..] == b[i..]
    })
}

/// The lead's house read from its street field (or its house fields): street words, number,
/// letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct House {
    /// Street words as written.
    pub words: Vec<String>,
    /// House number.
    pub number: Option<u32>,
    /// House letter (lower case).
    pub letter: Option<char>,
}

fn number_token(tok: &str) -> Option<(u32, Option<char>)> {
    let digits: String = tok.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    let rest: Vec<char> = tok.chars().skip(digits.chars().count()).collect();
    let letter = match rest.first() {
        Some(c) if c.is_alphabetic() && rest[1..].iter().all(|c| !c.is_alphanumeric()) => {
            c.to_lowercase().next()
        }
        _ => None,
    };
    Some((n, letter))
}

/// Street-field tokens: split at any Unicode white space, at hyphens and at `ÿ` (a DOS hard
/// space, byte 0xFF, read as Windows-1252).
pub fn tokens(street: &str) -> Vec<&str> {
    street
        .split(|c: char| c.is_whitespace() || c == '-' || c == 'ÿ')
        .filter(|t| !t.is_empty())
        .collect()
}

/// A house letter written as one token: a lone letter (punctuation around it allowed).
fn letter_token(tok: &str) -> Option<char> {
    let core: Vec<char> = tok.chars().filter(|c| c.is_alphanumeric()).collect();
    (core.len() == 1 && core[0].is_alphabetic())
        .then(|| core[0].to_lowercase().next())
        .flatten()
}

/// Reads a lead's (or a row's) house. What follows the number and its letter (a
/// bruksenhetsnummer such as `U0101`) is not the street.
pub fn read_house(street: &str, number: &str, letter: &str) -> House {
    let toks = tokens(street);
    if let Some(i) = toks
        .iter()
        .position(|t| t.chars().next().is_some_and(|c| c.is_ascii_digit()))
        && let Some((n, mut l)) = number_token(toks[i])
    {
        if l.is_none()
            && toks[i]
                .chars()
                .all(|c| c.is_ascii_digit() || !c.is_alphanumeric())
            && let Some(next) = toks.get(i + 1)
        {
            l = letter_token(next);
        }
        return House {
            words: toks[..i].iter().map(|s| s.to_string()).collect(),
            number: Some(n),
            letter: l,
        };
    }
    let (n, glued) = number_token(number.trim()).map_or((None, None), |(n, l)| (Some(n), l));
    let l = glued.or_else(|| letter.split_whitespace().next().and_then(letter_token));
    House {
        words: toks.iter().map(|s| s.to_string()).collect(),
        number: n,
        letter: l,
    }
}

/// Given-name words: split at blanks, hyphens and commas; empty keys dropped.
pub fn given_words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|w| !fold(w).is_empty())
        .map(str::to_string)
        .collect()
}

/// A lead's names: given words and surname. A card chip's `SURNAME/GIVEN` in the given-name
/// field with no surname is read as both.
pub fn lead_names(q: &PersonQuery) -> (Vec<String>, String) {
    if q.surname.trim().is_empty()
        && let Some((s, g)) = q.given_names.split_once('/')
    {
        return (given_words(g), s.trim().to_string());
    }
    (given_words(&q.given_names), q.surname.trim().to_string())
}

/// The same day one month later, as a form that takes its month zero-based gives it.
pub fn month_later(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_add_months(Months::new(1))
}

/// Whether two birth dates could be one person's: equal, or the same day a month apart (a
/// form that read the month zero-based).
pub fn births_fit(a: NaiveDate, b: NaiveDate) -> bool {
    a == b || month_later(a) == Some(b) || month_later(b) == Some(a)
}

/// A row read once.
#[derive(Debug, Clone)]
struct Row {
    given: Vec<String>,
    surname: String,
    street: Vec<String>,
    letter: Option<char>,
    birth: Option<NaiveDate>,
}

/// The clerk judge over a register.
#[derive(Debug, Clone)]
pub struct Judge {
    rows: Vec<Row>,
    by_house: HashMap<(usize, u32), Vec<usize>>,
    by_birth: HashMap<NaiveDate, Vec<usize>>,
    code_town: HashMap<String, usize>,
    town_keys: HashMap<String, Vec<usize>>,
    real: HashSet<String>,
    family: HashMap<String, usize>,
}

/// The readings of a town name a clerk would try: its key, its bare and flat keys (for a
/// town field without `æ ø å`) and its OCR reading.
fn town_readings(t: &str) -> Vec<String> {
    let mut v = vec![fold(t)];
    if !has_aeoeaa(t) {
        v.push(format!("bare:{}", bare(t)));
        v.push(format!("flat:{}", flat(t)));
    }
    v.push(format!("ocr:{}", ocr_canon(&fold(t))));
    v
}

impl Judge {
    /// A judge over `register`.
    pub fn new(register: &[PersonRecord]) -> Judge {
        let mut code_town = HashMap::new();
        let mut town_keys: HashMap<String, Vec<usize>> = HashMap::new();
        let mut town_ids: HashMap<&str, usize> = HashMap::new();
        for (c, t) in tsv_rows() {
            let n = town_ids.len();
            let id = *town_ids.entry(t).or_insert(n);
            code_town.insert(c.to_string(), id);
            let keys = [
                fold(t),
                format!("bare:{}", bare(t)),
                format!("flat:{}", flat(t)),
                format!("ocr:{}", ocr_canon(&fold(t))),
            ];
            for key in keys {
                let e = town_keys.entry(key).or_default();
                if !e.contains(&id) {
                    e.push(id);
                }
            }
        }
        let real = names::all_given()
            .into_iter()
            .chain(names::all_surnames())
            .map(fold)
            .collect();
        let family = names::MEN_FAMILIES
            .iter()
            .chain(names::WOMEN_FAMILIES)
            .enumerate()
            .flat_map(|(i, f)| f.iter().map(move |n| (fold(n), i)))
            .collect();
        let mut j = Judge {
            rows: Vec::with_capacity(register.len()),
            by_house: HashMap::new(),
            by_birth: HashMap::new(),
            code_town,
            town_keys,
            real,
            family,
        };
        for (i, r) in register.iter().enumerate() {
            let house = read_house(&r.street, &r.house_number, &r.house_letter);
            if let (Some(&t), Some(n)) = (j.code_town.get(&r.postcode), house.number) {
                j.by_house.entry((t, n)).or_default().push(i);
            }
            if let Some(b) = r.birth_date {
                j.by_birth.entry(b).or_default().push(i);
            }
            j.rows.push(Row {
                given: given_words(&r.given_names),
                surname: r.surname.clone(),
                street: house.words,
                letter: house.letter,
                birth: r.birth_date,
            });
        }
        j
    }

    /// The postcode a lead's postcode field reads as: four digits (a TV remote's letter-mode
    /// letters read as their keys' digits), else none (a form's hint text is none).
    pub fn postcode(q: &PersonQuery) -> Option<String> {
        let d: Option<String> = q.postcode.trim().chars().map(key_digit).collect();
        d.filter(|d| d.len() == 4)
    }

    /// The towns a lead names: its postcode's and its town field's (read as written, without
    /// `æ ø å`, or through the printout's OCR confusions).
    pub fn towns(&self, q: &PersonQuery) -> Vec<usize> {
        let mut out = Vec::new();
        if let Some(d) = Self::postcode(q)
            && let Some(&t) = self.code_town.get(&d)
        {
            out.push(t);
        }
        if fold(&q.city).is_empty() {
            return out;
        }
        for key in town_readings(&q.city) {
            for &t in self.town_keys.get(&key).into_iter().flatten() {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
        out
    }

    fn word_fits(&self, lead: &str, row: &str, given: bool) -> bool {
        let (a, b) = (fold(lead), fold(row));
        if a.is_empty() {
            return false;
        }
        if a == b {
            return true;
        }
        if given
            && let (Some(x), Some(y)) = (self.family.get(&a), self.family.get(&b))
            && x == y
        {
            return true;
        }
        // Two real names are two people.
        if self.real.contains(&a) {
            return false;
        }
        let plain = !has_aeoeaa(lead);
        (plain && (bare(lead) == bare(row) || flat(lead) == flat(row)))
            || ocr_canon(&a) == ocr_canon(&b)
            || bounced(lead, row)
    }

    fn surname_fits(&self, lead: &str, row: &str) -> bool {
        if self.word_fits(lead, row, false) {
            return true;
        }
        // A social login's display name: the surname as its initial, a dot allowed.
        let core: Vec<char> = lead
            .trim_end_matches('.')
            .chars()
            .flat_map(char::to_lowercase)
            .collect();
        core.len() == 1
            && core[0].is_alphabetic()
            && row.chars().flat_map(char::to_lowercase).next() == Some(core[0])
    }

    fn names_fit(&self, q: &PersonQuery, row: &Row) -> bool {
        let (words, surname) = lead_names(q);
        let Some(first) = words.first() else {
            return false;
        };
        let Some(row_first) = row.given.first() else {
            return false;
        };
        if !self.word_fits(first, row_first, true) {
            return false;
        }
        if !words[1..]
            .iter()
            .all(|w| row.given.iter().any(|r| self.word_fits(w, r, true)))
        {
            return false;
        }
        self.surname_fits(&surname, &row.surname)
    }

    fn street_words_fit(&self, lead: &[String], row: &[String]) -> bool {
        if lead.len() != row.len() || lead.is_empty() {
            return false;
        }
        let last = row.len() - 1;
        lead.iter().zip(row).enumerate().all(|(i, (l, r))| {
            self.word_fits(l, r, false) || (i < last && i == 0 && abbreviates(l, r))
        })
    }

    fn street_fits(&self, lead: &[String], row: &[String]) -> bool {
        let lead: Vec<String> = lead
            .iter()
            .filter(|w| !fold(w).is_empty())
            .cloned()
            .collect();
        if self.street_words_fit(&lead, row) {
            return true;
        }
        // An old street index's inverted form: `Birkelands vei, K.` for `Kristian Birkelands
        // vei`, what follows the comma read first.
        if let Some(i) = lead.iter().position(|w| w.ends_with(','))
            && i + 1 < lead.len()
        {
            let mut turned: Vec<String> = lead[i + 1..].to_vec();
            turned.extend(
                lead[..=i]
                    .iter()
                    .map(|w| w.trim_end_matches(',').to_string()),
            );
            return self.street_words_fit(&turned, row);
        }
        false
    }

    fn birth_fits(shown: Option<NaiveDate>, row: Option<NaiveDate>) -> bool {
        match (shown, row) {
            (Some(a), Some(b)) => births_fit(a, b),
            _ => true,
        }
    }

    /// The register rows the lead could be.
    pub fn could_be(&self, q: &PersonQuery) -> Vec<usize> {
        let house = read_house(&q.street, &q.house_number, &q.house_letter);
        let Some(n) = house.number else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for t in self.towns(q) {
            for &i in self.by_house.get(&(t, n)).into_iter().flatten() {
                let row = &self.rows[i];
                let letters = match (house.letter, row.letter) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                if letters
                    && Self::birth_fits(q.birth_date, row.birth)
                    && self.names_fit(q, row)
                    && self.street_fits(&house.words, &row.street)
                    && !out.contains(&i)
                {
                    out.push(i);
                }
            }
        }
        out
    }

    /// Whether a corrupted lead could be its truth and nobody else.
    pub fn corrupted_fair(&self, q: &PersonQuery, truth: usize) -> bool {
        self.could_be(q) == [truth]
    }

    /// Whether a look-alike could be nobody reserved, neither at its house nor by its name and
    /// shown birth date anywhere.
    pub fn look_alike_fair(&self, q: &PersonQuery) -> bool {
        if !self.could_be(q).is_empty() {
            return false;
        }
        let Some(b) = q.birth_date else {
            return true;
        };
        let dates = [
            Some(b),
            month_later(b),
            b.checked_sub_months(Months::new(1)),
        ];
        !dates.into_iter().flatten().any(|d| {
            self.by_birth
                .get(&d)
                .into_iter()
                .flatten()
                .any(|&i| self.names_fit(q, &self.rows[i]))
        })
    }
}

/// Whether `short` (a short form: a dot or a colon allowed) abbreviates `word`: shorter, the
/// same first letter, its letters in the word in order (`K.` for `Kristian`, `N:e` for `Nedre`
/// and for `Nordre`).
pub fn abbreviates(short: &str, word: &str) -> bool {
    if !short.contains(['.', ':']) {
        return false;
    }
    let a = fold(short);
    let b = fold(word);
    if a.is_empty() || a.len() >= b.len() || a.chars().next() != b.chars().next() {
        return false;
    }
    let mut it = b.chars();
    a.chars().all(|c| it.any(|d| d == c))
}
