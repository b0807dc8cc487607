//! The twenty-seventh set's clerk judge: a careful human clerk with the lead, the register and
//! `NO.tsv`, who reads every lead from its fields (never from its kind) and decides which
//! reserved persons it could be. A corrupted lead is fair if it could be its truth and nobody
//! else; a look-alike is fair if it could be nobody reserved, and nobody reserved anywhere has
//! a name it could be and its shown birth date.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};

use super::names;
use super::world::tsv_rows;
use crate::person::{PersonQuery, PersonRecord};

/// Days between Excel's 1900 and 1904 date systems.
pub const EXCEL_1904_DAYS: i64 = 1462;

/// A digit of a phone locale (Arabic-Indic, Persian, Devanagari) or ASCII, as an ASCII digit.
pub fn ascii_digit(c: char) -> Option<char> {
    let base = match c {
        '0'..='9' => return Some(c),
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        '\u{0966}'..='\u{096F}' => 0x0966,
        _ => return None,
    };
    char::from_digit(c as u32 - base, 10)
}

/// A word's key: lower case, `æ ø å` (and `ä ö ¢`, the DOS typist's `ø`) as `ae oe aa`, `é`
/// and `à` plain, only letters and digits kept (emoji, `<`, punctuation dropped).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' | '¢' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'é' | 'è' => out.push('e'),
            'à' | 'á' => out.push('a'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            c if c.is_alphabetic() => out.push(c),
            _ => {}
        }
    }
    out
}

/// A key read as a scanner might: `rn` as `m`, `cl` as `d`, `1` as `l`.
pub fn ocr_canon(key: &str) -> String {
    key.replace("rn", "m").replace("cl", "d").replace('1', "l")
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

/// Reads a lead's (or a row's) house.
pub fn read_house(street: &str, number: &str, letter: &str) -> House {
    let toks: Vec<&str> = street
        .split(char::is_whitespace)
        .filter(|t| !t.is_empty())
        .collect();
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
            let core: Vec<char> = next.chars().filter(|c| c.is_alphanumeric()).collect();
            if core.len() == 1 && core[0].is_alphabetic() {
                l = core[0].to_lowercase().next();
            }
        }
        return House {
            words: toks[..i].iter().map(|s| s.to_string()).collect(),
            number: Some(n),
            letter: l,
        };
    }
    let (n, glued) = number_token(number.trim()).map_or((None, None), |(n, l)| (Some(n), l));
    let l = glued.or_else(|| {
        let core: Vec<char> = letter.chars().filter(|c| c.is_alphanumeric()).collect();
        (core.len() == 1)
            .then(|| core[0].to_lowercase().next())
            .flatten()
    });
    House {
        words: toks.iter().map(|s| s.to_string()).collect(),
        number: n,
        letter: l,
    }
}

/// Given-name words: split at blanks, hyphens, commas and MRZ fillers; empty keys dropped.
pub fn given_words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == ',' || c == '<')
        .filter(|w| !fold(w).is_empty())
        .map(str::to_string)
        .collect()
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
            let e = town_keys.entry(fold(t)).or_default();
            if !e.contains(&id) {
                e.push(id);
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

    /// The towns a lead names: its postcode's (locale digits read as digits) and its town
    /// field's.
    pub fn towns(&self, q: &PersonQuery) -> Vec<usize> {
        let mut out = Vec::new();
        let digits: Option<String> = q.postcode.trim().chars().map(ascii_digit).collect();
        if let Some(d) = digits
            && let Some(&t) = self.code_town.get(&d)
        {
            out.push(t);
        }
        if let Some(ts) = self.town_keys.get(&fold(&q.city)) {
            for &t in ts {
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
        !self.real.contains(&a) && ocr_canon(&a) == ocr_canon(&b)
    }

    fn names_fit(&self, q: &PersonQuery, row: &Row) -> bool {
        let words = given_words(&q.given_names);
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
        self.word_fits(&q.surname, &row.surname, false)
    }

    fn street_fits(&self, lead: &[String], row: &[String]) -> bool {
        let lead: Vec<&String> = lead.iter().filter(|w| !fold(w).is_empty()).collect();
        if lead.len() != row.len() || lead.is_empty() {
            return false;
        }
        lead.iter().zip(row).enumerate().all(|(i, (l, r))| {
            self.word_fits(l, r, false) || (i + 1 < row.len() && abbreviates(l, r))
        })
    }

    fn birth_fits(shown: Option<NaiveDate>, row: Option<NaiveDate>) -> bool {
        match (shown, row) {
            (None, _) => true,
            (Some(_), None) => true,
            (Some(a), Some(b)) => {
                let d = (a - b).num_days().abs();
                d == 0 || d == EXCEL_1904_DAYS
            }
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
        let days = Duration::days(EXCEL_1904_DAYS);
        let dates = [
            Some(b),
            b.checked_sub_signed(days),
            b.checked_add_signed(days),
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

/// Whether `short` (a hand or SMS short form, a dot allowed) abbreviates `word`: shorter, the
/// same first letter, its letters in the word in order.
pub fn abbreviates(short: &str, word: &str) -> bool {
    let a = fold(short.trim_end_matches('.'));
    let b = fold(word);
    if a.is_empty() || a.len() >= b.len() || a.chars().next() != b.chars().next() {
        return false;
    }
    let mut it = b.chars();
    a.chars().all(|c| it.any(|d| d == c))
}
