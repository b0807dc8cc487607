//! The twenty-eighth set's clerk judge: a careful human clerk with the lead, the register and
//! `NO.tsv`, who reads every lead from its fields (never from its kind) and decides which
//! reserved persons it could be. A corrupted lead is fair if it could be its truth and nobody
//! else; a look-alike is fair if it could be nobody reserved, and nobody reserved anywhere has
//! a name it could be and its shown birth date.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::names;
use super::world::tsv_rows;
use crate::person::{PersonQuery, PersonRecord};

/// A character of a postcode as a digit: an ASCII digit, or the character a Norwegian keyboard
/// gives for that digit key with Shift held (`!"#¤%&/()=` for `1234567890`).
pub fn key_digit(c: char) -> Option<char> {
    Some(match c {
        '0'..='9' => c,
        '!' => '1',
        '"' => '2',
        '#' => '3',
        '¤' => '4',
        '%' => '5',
        '&' => '6',
        '/' => '7',
        '(' => '8',
        ')' => '9',
        '=' => '0',
        _ => return None,
    })
}

/// The digit key a Norwegian keyboard types as `c` with Shift held.
pub fn shifted(d: char) -> Option<char> {
    let i = "1234567890".find(d)?;
    "!\"#¤%&/()=".chars().nth(i)
}

/// A word's key: lower case, `æ ø å` as `ae oe aa`, accents dropped, only letters and digits
/// kept (punctuation, dots and hyphens dropped).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'é' | 'è' | 'ê' => out.push('e'),
            'à' | 'á' => out.push('a'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// A word's flat key, as a web site's slug writes it: `æ` as `ae`, `ø` as `o`, `å` as `a`,
/// accents dropped, only letters and digits kept.
pub fn flat(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push('o'),
            'å' | 'à' | 'á' => out.push('a'),
            'é' | 'è' | 'ê' => out.push('e'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// A key read as a label scanner might: `1` as `l`, `rn` as `m`, `li` as `h`.
pub fn ocr_canon(key: &str) -> String {
    key.replace('1', "l").replace("rn", "m").replace("li", "h")
}

/// The house letter a spelling-alphabet word stands for (`Bernhard` → `b`).
pub fn spelled_letter(word: &str) -> Option<char> {
    let k = fold(word);
    names::SPELLING_ALPHABET
        .iter()
        .find(|(_, w)| fold(w) == k)
        .map(|(c, _)| c.to_ascii_lowercase())
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

/// Street-field tokens: split at any Unicode white space and at hyphens (a slug's `-`).
pub fn tokens(street: &str) -> Vec<&str> {
    street
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
        .collect()
}

/// A house letter written as one token: a lone letter (punctuation around it allowed) or a
/// spelling-alphabet word.
fn letter_token(tok: &str) -> Option<char> {
    let core: Vec<char> = tok.chars().filter(|c| c.is_alphanumeric()).collect();
    if core.len() == 1 && core[0].is_alphabetic() {
        core[0].to_lowercase().next()
    } else {
        spelled_letter(tok)
    }
}

/// Reads a lead's (or a row's) house.
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

/// Whether two birth dates could be one person's: equal, or the same day and month a year
/// apart (a date wheel's year stopped one notch off).
pub fn births_fit(a: NaiveDate, b: NaiveDate) -> bool {
    a == b || (a.month() == b.month() && a.day() == b.day() && (a.year() - b.year()).abs() == 1)
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
    town_flat: HashMap<String, Vec<usize>>,
    real: HashSet<String>,
    family: HashMap<String, usize>,
}

impl Judge {
    /// A judge over `register`.
    pub fn new(register: &[PersonRecord]) -> Judge {
        let mut code_town = HashMap::new();
        let mut town_keys: HashMap<String, Vec<usize>> = HashMap::new();
        let mut town_flat: HashMap<String, Vec<usize>> = HashMap::new();
        let mut town_ids: HashMap<&str, usize> = HashMap::new();
        for (c, t) in tsv_rows() {
            let n = town_ids.len();
            let id = *town_ids.entry(t).or_insert(n);
            code_town.insert(c.to_string(), id);
            for (map, key) in [(&mut town_keys, fold(t)), (&mut town_flat, flat(t))] {
                let e = map.entry(key).or_default();
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
            town_flat,
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

    /// The postcode a lead's postcode field reads as: four digits (Shift-held digit keys read
    /// as their digits), else none.
    pub fn postcode(q: &PersonQuery) -> Option<String> {
        let d: Option<String> = q.postcode.trim().chars().map(key_digit).collect();
        d.filter(|d| d.len() == 4)
    }

    /// The towns a lead names: its postcode's and its town field's (a slug's flat spelling
    /// too).
    pub fn towns(&self, q: &PersonQuery) -> Vec<usize> {
        let mut out = Vec::new();
        if let Some(d) = Self::postcode(q)
            && let Some(&t) = self.code_town.get(&d)
        {
            out.push(t);
        }
        let mut add = |ts: Option<&Vec<usize>>| {
            for &t in ts.into_iter().flatten() {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        };
        add(self.town_keys.get(&fold(&q.city)));
        if q.city.is_ascii() {
            add(self.town_flat.get(&flat(&q.city)));
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
        (lead.is_ascii() && flat(lead) == flat(row)) || ocr_canon(&a) == ocr_canon(&b)
    }

    fn surname_fits(&self, lead: &str, row: &str) -> bool {
        if self.word_fits(lead, row, false) {
            return true;
        }
        // Cut off at a field's width: a proper prefix of three letters or more.
        let (a, b) = (fold(lead), fold(row));
        !self.real.contains(&a) && a.chars().count() >= 3 && b.len() > a.len() && b.starts_with(&a)
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
        self.surname_fits(&q.surname, &row.surname)
    }

    fn street_fits(&self, lead: &[String], row: &[String]) -> bool {
        let lead: Vec<&String> = lead.iter().filter(|w| !fold(w).is_empty()).collect();
        if lead.len() != row.len() || lead.is_empty() {
            return false;
        }
        let last = row.len() - 1;
        lead.iter().zip(row).enumerate().all(|(i, (l, r))| {
            self.word_fits(l, r, false)
                || translates(l, r)
                || (i < last && abbreviates(l, r))
                || (i == last && contracts(l, r))
        })
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
            b.with_year(b.year() - 1),
            b.with_year(b.year() + 1),
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

/// Whether `short` (a short form, a dot allowed) abbreviates `word`: shorter, the same first
/// letter, its letters in the word in order.
pub fn abbreviates(short: &str, word: &str) -> bool {
    let a = fold(short.trim_end_matches('.'));
    let b = fold(word);
    if a.is_empty() || a.len() >= b.len() || a.chars().next() != b.chars().next() {
        return false;
    }
    let mut it = b.chars();
    a.chars().all(|c| it.any(|d| d == c))
}

/// Whether `short` is the mailing house's contraction of a street's last word (`Smievn.` for
/// `Smieveien`, `gt.` for `gate`).
pub fn contracts(short: &str, word: &str) -> bool {
    let (a, b) = (fold(short), fold(word));
    names::CONTRACTIONS.iter().any(|(end, s)| {
        b.strip_suffix(&fold(end))
            .is_some_and(|stem| a == format!("{stem}{}", fold(s)))
    })
}

/// Whether `english` is the browser translator's English for the street word `word`.
pub fn translates(english: &str, word: &str) -> bool {
    let (a, b) = (fold(english), fold(word));
    names::ENGLISH
        .iter()
        .any(|(w, e)| fold(w) == b && fold(e) == a)
}
