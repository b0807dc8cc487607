//! The thirty-first set's clerk judge: a careful human clerk with the lead, the register and
//! `NO.tsv`, who reads every lead from its fields (never from its kind) and decides which
//! reserved persons it could be. A corrupted lead is fair if it could be its truth and nobody
//! else; a look-alike is fair if it could be nobody reserved, and nobody reserved anywhere has
//! a name it could be and a birth date it shows (in the birth-date field or as six digits in
//! the national-id box).

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::names;
use super::world::tsv_rows;
use crate::person::{PersonQuery, PersonRecord};

/// A word's key: lower case, `æ ø å` as `ae oe aa`, accents dropped, only letters and digits
/// kept (punctuation, dots, commas, slashes, apostrophes and hyphens dropped).
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

/// A word's bare key: `æ` and `å` as `a`, `ø` as `o`.
pub fn bare(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'å' => out.push('a'),
            'ø' => out.push('o'),
            'é' | 'è' | 'ê' => out.push('e'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether a text has a letter `æ ø å`.
pub fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// `æ ø å` written the way ASCII-only mail and terminals wrote them: `æ` as `ae`, `ø` as the
/// overstrike `o/`, `å` as `aa` (case kept).
pub fn overstrike(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            'ø' => out.push_str("o/"),
            'Ø' => out.push_str("O/"),
            'å' => out.push_str("aa"),
            'Å' => out.push_str("AA"),
            c => out.push(c),
        }
    }
    out
}

/// The overstrike read back: `o/` as `ø` (either case); `ae` and `aa` already fold like `æ`
/// and `å`.
pub fn unstrike(s: &str) -> String {
    s.replace("o/", "ø").replace("O/", "Ø")
}

/// `y` and `z` swapped (either case), as a German (QWERTZ) keyboard gets them.
pub fn qwertz_swap(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'y' => 'z',
            'z' => 'y',
            'Y' => 'Z',
            'Z' => 'Y',
            c => c,
        })
        .collect()
}

/// A key read as a phone's text recognition might: `1` as `l`, `rn` as `m`, `c` as `e`.
pub fn ocr_canon(key: &str) -> String {
    key.replace('1', "l").replace("rn", "m").replace('c', "e")
}

/// The readings of a postcode field: digits, with one bracketed group of candidate digits
/// (`50[3|8]1`, `50(8/3)1`, `50[38]1`) read each way; only four-digit readings are kept.
pub fn postcode_readings(field: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![String::new()];
    let mut group: Option<Vec<char>> = None;
    for c in field.trim().chars() {
        match (c, group.as_mut()) {
            ('[' | '(', None) => group = Some(Vec::new()),
            (']' | ')', Some(g)) => {
                let alts = std::mem::take(g);
                group = None;
                if alts.is_empty() {
                    return Vec::new();
                }
                out = out
                    .iter()
                    .flat_map(|p| alts.iter().map(move |a| format!("{p}{a}")))
                    .collect();
            }
            (d, Some(g)) if d.is_ascii_digit() => g.push(d),
            ('|' | '/', Some(_)) => {}
            (d, None) if d.is_ascii_digit() => out.iter_mut().for_each(|p| p.push(d)),
            _ => return Vec::new(),
        }
    }
    if group.is_some() {
        return Vec::new();
    }
    out.retain(|p| p.len() == 4);
    out.sort();
    out.dedup();
    out
}

/// Whether `short` abbreviates `word`: marked with a dot, a colon or a comma (a comma typed
/// for the dot), shorter, the same first letter, its letters in the word in order (`Ø.` for
/// Øvre, `C,` for Carl); or a lone letter, the word's initial (`Ø` in `Ø-Sporveien`).
pub fn abbreviates(short: &str, word: &str) -> bool {
    let a = fold(short);
    let b = fold(word);
    if a.is_empty() || a.len() >= b.len() || a.chars().next() != b.chars().next() {
        return false;
    }
    let lone = short.chars().filter(|c| c.is_alphanumeric()).count() == 1
        && short.chars().all(|c| c.is_alphabetic());
    if !lone && !short.contains(['.', ':', ',']) {
        return false;
    }
    if lone {
        // A lone letter is the initial as written (`Ø`, not `O`).
        return word.chars().next().map(|c| c.to_lowercase().to_string())
            == short.chars().next().map(|c| c.to_lowercase().to_string());
    }
    let mut it = b.chars();
    a.chars().all(|c| it.any(|d| d == c))
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

/// A house number token: digits (a lower-case `l` typed for `1`, as on typewriters without a
/// `1` key, read as one; at least one real digit), then a letter if nothing alphanumeric
/// follows it (`12`, `12b`, `l2`, `12B:H0203`, `12_H0203`).
pub fn number_token(tok: &str) -> Option<(u32, Option<char>)> {
    let lead: Vec<char> = tok
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == 'l')
        .collect();
    if lead.is_empty() || lead.len() > 4 || !lead.iter().any(char::is_ascii_digit) {
        return None;
    }
    let digits: String = lead
        .iter()
        .map(|&c| if c == 'l' { '1' } else { c })
        .collect();
    let n: u32 = digits.parse().ok()?;
    let rest: Vec<char> = tok.chars().skip(lead.len()).collect();
    let letter = match rest.first() {
        Some(c) if c.is_alphabetic() && rest.get(1).is_none_or(|d| !d.is_alphanumeric()) => {
            c.to_lowercase().next()
        }
        _ => None,
    };
    Some((n, letter))
}

/// Street-field tokens: split at any Unicode white space and at hyphens, and after a comma
/// (`C,Pihls` is `C,` and `Pihls`).
pub fn tokens(street: &str) -> Vec<String> {
    street
        .replace(',', ", ")
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// A house letter written as its own token: a letter, then nothing alphanumeric (`B`, `B.`,
/// `B_H0203`).
fn letter_token(tok: &str) -> Option<char> {
    let chars: Vec<char> = tok.chars().collect();
    match chars.as_slice() {
        [c, rest @ ..]
            if c.is_alphabetic() && rest.first().is_none_or(|d| !d.is_alphanumeric()) =>
        {
            c.to_lowercase().next()
        }
        _ => None,
    }
}

/// Reads a lead's (or a row's) house. What follows the number and its letter (a flat number
/// such as `_H0201`) is not the street.
pub fn read_house(street: &str, number: &str, letter: &str) -> House {
    let toks = tokens(street);
    if let Some(i) = toks.iter().position(|t| number_token(t).is_some())
        && let Some((n, mut l)) = number_token(&toks[i])
    {
        if l.is_none()
            && toks[i]
                .chars()
                .all(|c| c.is_ascii_digit() || c == 'l' || !c.is_alphanumeric())
            && let Some(next) = toks.get(i + 1)
        {
            l = letter_token(next);
        }
        return House {
            words: toks[..i].to_vec(),
            number: Some(n),
            letter: l,
        };
    }
    let (n, glued) = number_token(number.trim()).map_or((None, None), |(n, l)| (Some(n), l));
    let l = glued.or_else(|| letter.split_whitespace().next().and_then(letter_token));
    House {
        words: toks,
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

/// The surname with a sole proprietorship's `ENK` (in any case, bracketed or not) dropped.
pub fn surname_core(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| fold(w) != "enk")
        .collect::<Vec<_>>()
        .join(" ")
}

/// The birth date typed as six digits (`ddmmyy`, dots or blanks allowed) into the national-id
/// box: day, month and the year's last two digits.
pub fn id_box_date(id: &str) -> Option<(u32, u32, u32)> {
    let d: String = id
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '-'))
        .collect();
    if d.len() != 6 || !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |a: usize| d[a..a + 2].parse::<u32>().ok();
    let (day, month, yy) = (n(0)?, n(2)?, n(4)?);
    ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some((day, month, yy))
}

/// Whether a shown birth date could be a row's: equal, or the same day and month a year off
/// (a year rebuilt from a stored age).
pub fn births_fit(shown: NaiveDate, row: NaiveDate) -> bool {
    shown == row
        || (shown.month() == row.month()
            && shown.day() == row.day()
            && (shown.year() - row.year()).abs() == 1)
}

/// Whether a six-digit id-box date could be a row's birth date.
pub fn id_box_fits(date: (u32, u32, u32), row: NaiveDate) -> bool {
    date.0 == row.day() && date.1 == row.month() && date.2 == row.year().rem_euclid(100) as u32
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
    by_day: HashMap<(u32, u32), Vec<usize>>,
    code_town: HashMap<String, usize>,
    town_keys: HashMap<String, Vec<usize>>,
    real: HashSet<String>,
    family: HashMap<String, usize>,
}

/// The readings of a town field a clerk would try: its key, with the overstrike read back,
/// with `y`/`z` swapped back, its bare key (without `æ ø å`) and its OCR reading.
fn town_readings(t: &str) -> Vec<String> {
    let mut v = vec![
        fold(t),
        fold(&unstrike(t)),
        fold(&qwertz_swap(t)),
        format!("ocr:{}", ocr_canon(&fold(t))),
    ];
    if !has_aeoeaa(t) {
        v.push(format!("bare:{}", bare(t)));
    }
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
            by_day: HashMap::new(),
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
                j.by_day.entry((b.month(), b.day())).or_default().push(i);
            }
            j.rows.push(Row {
                given: given_words(&r.given_names),
                surname: surname_core(&r.surname),
                street: house.words,
                letter: house.letter,
                birth: r.birth_date,
            });
        }
        j
    }

    /// The postcodes a lead's postcode field reads as (none for an empty or unreadable field).
    pub fn postcodes(q: &PersonQuery) -> Vec<String> {
        postcode_readings(&q.postcode)
    }

    /// The towns a lead names: its postcodes' and its town field's (read as written, with the
    /// overstrike read back, with `y`/`z` swapped back, without `æ ø å`, or through text
    /// recognition's confusions).
    pub fn towns(&self, q: &PersonQuery) -> Vec<usize> {
        let mut out = Vec::new();
        for d in Self::postcodes(q) {
            if let Some(&t) = self.code_town.get(&d)
                && !out.contains(&t)
            {
                out.push(t);
            }
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
        (!has_aeoeaa(lead) && bare(lead) == bare(row))
            || fold(&unstrike(lead)) == b
            || fold(&qwertz_swap(lead)) == b
            || ocr_canon(&a) == ocr_canon(&b)
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
        let lead: Vec<String> = surname_core(&q.surname)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let row_words: Vec<&str> = row.surname.split_whitespace().collect();
        lead.len() == row_words.len()
            && !lead.is_empty()
            && lead
                .iter()
                .zip(&row_words)
                .all(|(l, r)| self.word_fits(l, r, false))
    }

    fn street_fits(&self, lead: &[String], row: &[String]) -> bool {
        let lead: Vec<&String> = lead.iter().filter(|w| !fold(w).is_empty()).collect();
        if lead.len() != row.len() || lead.is_empty() {
            return false;
        }
        let last = row.len() - 1;
        lead.iter().zip(row).enumerate().all(|(i, (l, r))| {
            self.word_fits(l, r, false) || (i == 0 && i < last && abbreviates(l, r))
        })
    }

    fn birth_fits(q: &PersonQuery, row: Option<NaiveDate>) -> bool {
        let Some(row) = row else {
            return true;
        };
        if let Some(b) = q.birth_date
            && !births_fit(b, row)
        {
            return false;
        }
        if let Some(id) = q.national_id.as_deref().and_then(id_box_date)
            && !id_box_fits(id, row)
        {
            return false;
        }
        true
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
                    && Self::birth_fits(q, row.birth)
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
    /// a birth date it shows (field or id box) anywhere.
    pub fn look_alike_fair(&self, q: &PersonQuery) -> bool {
        if !self.could_be(q).is_empty() {
            return false;
        }
        let day = q.birth_date.map(|b| (b.month(), b.day())).or_else(|| {
            q.national_id
                .as_deref()
                .and_then(id_box_date)
                .map(|(d, m, _)| (m, d))
        });
        let Some(day) = day else {
            return true;
        };
        !self
            .by_day
            .get(&day)
            .into_iter()
            .flatten()
            .any(|&i| Self::birth_fits(q, self.rows[i].birth) && self.names_fit(q, &self.rows[i]))
    }
}
