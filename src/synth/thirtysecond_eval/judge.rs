//! The thirty-second set's clerk judge: a careful human clerk with the lead, the register and
//! `NO.tsv`, who reads every lead from its fields (never from its kind) and decides which
//! reserved persons it could be. A corrupted lead is fair if it could be its truth and nobody
//! else; a look-alike is fair if it could be nobody reserved, and nobody reserved anywhere has
//! a name it could be and a birth date it shows.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::names;
use super::world::tsv_rows;
use crate::person::{PersonQuery, PersonRecord};

/// A word's key: lower case, `æ ø å` as `ae oe aa` (and the letters a phone's long press
/// offers beside them, `ä`, `ö`, `œ`, `ō`, `ā`, read as theirs), accents dropped, only letters
/// and digits kept (punctuation, soft hyphens, dots, commas, apostrophes dropped).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' | 'œ' | 'ō' => out.push_str("oe"),
            'å' | 'ā' => out.push_str("aa"),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'à' | 'á' | 'â' | 'ã' => out.push('a'),
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
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// `æ ø å` as `iconv`'s ASCII transliteration writes them: `æ` as `ae`, `ø` as `o`, `å` as
/// `a` (case kept; capitals `AE`, `O`, `A`, or `Ae` before a lower-case letter).
pub fn iconv(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            'æ' => out.push_str("ae"),
            'Æ' => {
                let lower_next = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
                out.push_str(if lower_next { "Ae" } else { "AE" });
            }
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'å' => out.push('a'),
            'Å' => out.push('A'),
            c => out.push(c),
        }
    }
    out
}

/// Whether a text has a letter `æ ø å`.
pub fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// A key read as a scanned newspaper's text recognition might: `1` as `l`, `rn` as `m`, `li`
/// as `h`, `cl` as `d`.
pub fn ocr_canon(key: &str) -> String {
    key.replace('1', "l")
        .replace("rn", "m")
        .replace("li", "h")
        .replace("cl", "d")
}

/// The postcode a postcode field reads as: a spreadsheet's text guard (`="0150"`) dropped,
/// letters a scanner gives for digits read back (`O`→0, `I`/`l`→1, `Z`→2, `S`→5, `G`→6,
/// `B`→8); four digits, else none.
pub fn postcode_reading(field: &str) -> Option<String> {
    let t = field.trim();
    let t = t.strip_prefix('=').unwrap_or(t).trim_matches('"');
    let mut out = String::new();
    for c in t.chars() {
        out.push(match c {
            '0'..='9' => c,
            'O' | 'o' => '0',
            'I' | 'l' => '1',
            'Z' | 'z' => '2',
            'S' | 's' => '5',
            'G' => '6',
            'B' => '8',
            _ => return None,
        });
    }
    (out.len() == 4).then_some(out)
}

/// Whether `short` abbreviates `word`: marked with a dot, a colon or a comma, shorter, the
/// same first letter, its letters in the word in order (`Ndr.` for Nedre and for Nordre, `Ø.`
/// for Øvre); or a lone letter, the word's initial as written (`H` in `H Raanes vei`).
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

/// A house number token: digits, then a letter if nothing alphanumeric follows it (`12`,
/// `12b`, `12,`).
pub fn number_token(tok: &str) -> Option<(u32, Option<char>)> {
    let digits: String = tok.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    let rest: Vec<char> = tok.chars().skip(digits.len()).collect();
    let letter = match rest.first() {
        Some(c) if c.is_alphabetic() && rest.get(1).is_none_or(|d| !d.is_alphanumeric()) => {
            c.to_lowercase().next()
        }
        Some(c) if c.is_alphanumeric() => return None,
        _ => None,
    };
    Some((n, letter))
}

/// A text without its bracketed remarks (`Sagveien 9 (tidl. Barkveien 3)` → `Sagveien 9 `);
/// an unclosed bracket runs to the end.
pub fn without_remarks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Street-field tokens: bracketed remarks dropped, split at any Unicode white space, at
/// hyphens and dashes, and after a comma.
pub fn tokens(street: &str) -> Vec<String> {
    without_remarks(street)
        .replace(',', ", ")
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// A house letter written as its own token: a letter, then nothing alphanumeric (`B`, `B,`).
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
/// such as `, H0404`) is not the street.
pub fn read_house(street: &str, number: &str, letter: &str) -> House {
    let toks = tokens(street);
    if let Some(i) = toks.iter().position(|t| number_token(t).is_some())
        && let Some((n, mut l)) = number_token(&toks[i])
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

/// Whether a shown birth date could be a row's: equal, or the first of the row's month and
/// year (a CRM that keeps birth dates by month for age segments).
pub fn births_fit(shown: NaiveDate, row: NaiveDate) -> bool {
    shown == row || (shown.day() == 1 && shown.year() == row.year() && shown.month() == row.month())
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
    by_day: HashMap<(i32, u32), Vec<usize>>,
    code_town: HashMap<String, usize>,
    town_keys: HashMap<String, Vec<usize>>,
    real: HashSet<String>,
    family: HashMap<String, usize>,
}

/// Letters only (a town written with an old district number, `Oslo 5`, is Oslo).
fn letters(key: &str) -> String {
    key.chars().filter(|c| c.is_alphabetic()).collect()
}

/// The readings of a town field a clerk would try: its key, its letters, its bare and
/// `iconv` keys (without `æ ø å`) and its recognition reading.
fn town_readings(t: &str) -> Vec<String> {
    let k = fold(t);
    let mut v = vec![k.clone(), letters(&k), format!("ocr:{}", ocr_canon(&k))];
    if !has_aeoeaa(t) {
        v.push(format!("bare:{}", bare(t)));
        v.push(format!("iconv:{k}"));
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
                format!("iconv:{}", fold(&iconv(t))),
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
                j.by_day.entry((b.year(), b.month())).or_default().push(i);
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

    /// The towns a lead names: its postcode's and its town field's.
    pub fn towns(&self, q: &PersonQuery) -> Vec<usize> {
        let mut out = Vec::new();
        if let Some(d) = postcode_reading(&q.postcode)
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

    /// Whether a lead word could be a row word.
    pub fn word_fits(&self, lead: &str, row: &str, given: bool) -> bool {
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
        (!has_aeoeaa(lead) && (bare(lead) == bare(row) || a == fold(&iconv(row))))
            || ocr_canon(&a) == ocr_canon(&b)
    }

    fn surname_fits(&self, lead: &str, row: &str) -> bool {
        let lead: Vec<&str> = lead.split_whitespace().collect();
        let row_words: Vec<&str> = row.split_whitespace().collect();
        if lead.len() == row_words.len()
            && !lead.is_empty()
            && lead
                .iter()
                .zip(&row_words)
                .all(|(l, r)| self.word_fits(l, r, false))
        {
            return true;
        }
        // Cut at its first `æ ø å` by a validator that takes ASCII only.
        match (lead.as_slice(), names::before_aeoeaa(row)) {
            ([l], Some(p)) => !has_aeoeaa(l) && !self.real.contains(&fold(l)) && fold(l) == fold(p),
            _ => false,
        }
    }

    fn names_fit(&self, q: &PersonQuery, row: &Row) -> bool {
        let words = given_words(&q.given_names);
        let Some(first) = words.first() else {
            return false;
        };
        let Some(row_first) = row.given.first() else {
            return false;
        };
        let given_ok =
            if words.len() == 1 && row.given.len() >= 2 && fold(first) == fold(&row.given.concat())
            {
                // The given names joined into one word.
                true
            } else {
                self.word_fits(first, row_first, true)
                    && words[1..]
                        .iter()
                        .all(|w| row.given.iter().any(|r| self.word_fits(w, r, true)))
            };
        given_ok && self.surname_fits(&q.surname, &row.surname)
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
        match (q.birth_date, row) {
            (Some(b), Some(r)) => births_fit(b, r),
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
    /// a birth date it shows anywhere.
    pub fn look_alike_fair(&self, q: &PersonQuery) -> bool {
        if !self.could_be(q).is_empty() {
            return false;
        }
        let Some(b) = q.birth_date else {
            return true;
        };
        !self
            .by_day
            .get(&(b.year(), b.month()))
            .into_iter()
            .flatten()
            .any(|&i| Self::birth_fits(q, self.rows[i].birth) && self.names_fit(q, &self.rows[i]))
    }
}
