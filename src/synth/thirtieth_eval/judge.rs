//! The thirtieth set's clerk judge: a careful human clerk with the lead, the register and
//! `NO.tsv`, who reads every lead from its fields (never from its kind) and decides which
//! reserved persons it could be. A corrupted lead is fair if it could be its truth and nobody
//! else; a look-alike is fair if it could be nobody reserved, and nobody reserved anywhere has
//! a name it could be and its shown birth date (or a date one calendar row off).

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};

use super::names;
use super::world::tsv_rows;
use crate::person::{PersonQuery, PersonRecord};

/// The phone keyboard's top letter row, whose keys give the digits `1 2 3 4 5 6 7 8 9 0` on a
/// long press.
pub const TOP_ROW: &str = "qwertyuiop";

/// A character of a postcode as a digit: an ASCII digit, or the top-row letter a too-short
/// long press on a phone keyboard leaves instead of its digit (`q`→1 … `p`→0, either case).
pub fn key_digit(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        return Some(c);
    }
    let i = TOP_ROW.find(c.to_ascii_lowercase())?;
    "1234567890".chars().nth(i)
}

/// The top-row letter of a digit (`1`→`q` … `0`→`p`).
pub fn top_row_letter(d: char) -> Option<char> {
    let i = "1234567890".find(d)?;
    TOP_ROW.chars().nth(i)
}

/// A word's key: lower case, `æ ø å` as `ae oe aa`, accents dropped, only letters and digits
/// kept (punctuation, dots, apostrophes and hyphens dropped).
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

fn mapped(s: &str, ae: &str, oe: &str, aa: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => out.push_str(ae),
            'ø' => out.push_str(oe),
            'å' => out.push_str(aa),
            'é' | 'è' | 'ê' => out.push('e'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// A word's bare key: `æ` and `å` as `a`, `ø` as `o`.
pub fn bare(s: &str) -> String {
    mapped(s, "a", "o", "a")
}

/// A word's ear key, as someone who does not know the letters writes what they hear: `æ` as
/// `e`, `ø` as `o`, `å` as `o` (`Blåberg` heard as `Bloberg`).
pub fn ear(s: &str) -> String {
    mapped(s, "e", "o", "o")
}

/// `æ` and `ø` swapped (either case), as a Norwegian typing on a Danish keyboard gets them:
/// the two keys right of `L` sit the other way round.
pub fn danish_swap(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'æ' => 'ø',
            'ø' => 'æ',
            'Æ' => 'Ø',
            'Ø' => 'Æ',
            c => c,
        })
        .collect()
}

/// Whether a text has a letter `æ ø å`.
pub fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// A key read as an OCR of a faded thermal receipt might: `1` as `l`, `rn` as `m`, `b` as `h`.
pub fn ocr_canon(key: &str) -> String {
    key.replace('1', "l").replace("rn", "m").replace('b', "h")
}

/// Whether `lead` is `row` with two adjacent, different letters swapped (case ignored).
pub fn transposed(lead: &str, row: &str) -> bool {
    let a: Vec<char> = lead.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = row.chars().flat_map(char::to_lowercase).collect();
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    diff.len() == 2
        && diff[1] == diff[0] + 1
        && a[diff[0]] == b[diff[1]]
        && a[diff[1]] == b[diff[0]]
        && a[diff[0]].is_alphabetic()
        && a[diff[1]].is_alphabetic()
}

/// Whether `short` is an SMS consonant skeleton of `word`: no vowel after its first letter, at
/// least two letters, shorter, the same first letter and its letters in the word in order
/// (`Ndr` for Nedre and for Nordre, `Ll` for Lille).
pub fn skeleton_of(short: &str, word: &str) -> bool {
    let a: Vec<char> = short.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    if a.len() < 2 || a.len() >= b.len() || a[0] != b[0] || !a.iter().all(|c| c.is_alphabetic()) {
        return false;
    }
    if a[1..].iter().any(|c| "aeiouyæøå".contains(*c)) {
        return false;
    }
    let mut it = b[1..].iter();
    a[1..].iter().all(|c| it.any(|d| d == c))
}

/// Whether `spoken` is the Norwegian name of `word`'s first letter (`hå` for Hans, `ve` for
/// Vilhelm), as a speech-to-text transcript writes an initial read aloud.
pub fn letter_named(spoken: &str, word: &str) -> bool {
    let Some(c) = word.chars().next() else {
        return false;
    };
    names::letter_name(c).is_some_and(|n| fold(n) == fold(spoken))
}

/// Whether `short` (marked with a dot or a colon) abbreviates `word`: shorter, the same first
/// letter, its letters in the word in order (`Ø.` for Øvre).
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
    if digits.is_empty() || digits.len() > 4 {
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

/// Street-field tokens: split at any Unicode white space and at hyphens.
pub fn tokens(street: &str) -> Vec<&str> {
    street
        .split(|c: char| c.is_whitespace() || c == '-')
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

/// Reads a lead's (or a row's) house. What follows the number and its letter (a flat number
/// such as `h0201`) is not the street.
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

/// A house number typed into the postcode box (`12`, `12B`, `12 b`): one to three digits and
/// at most a letter.
pub fn house_in_postcode_box(postcode: &str) -> Option<(u32, Option<char>)> {
    let t: String = postcode.chars().filter(|c| !c.is_whitespace()).collect();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let rest: Vec<char> = t.chars().skip(digits.len()).collect();
    let letter = match rest.as_slice() {
        [] => None,
        [c] if c.is_alphabetic() => c.to_lowercase().next(),
        _ => return None,
    };
    Some((digits.parse().ok()?, letter))
}

/// A lead's house: from its street or house fields, else (a house number typed into the
/// postcode box) from its postcode field.
pub fn lead_house(q: &PersonQuery) -> House {
    let mut h = read_house(&q.street, &q.house_number, &q.house_letter);
    if h.number.is_none()
        && let Some((n, l)) = house_in_postcode_box(&q.postcode)
    {
        h.number = Some(n);
        h.letter = h.letter.or(l);
    }
    h
}

/// Given-name words: split at blanks, hyphens and commas; empty keys dropped.
pub fn given_words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|w| !fold(w).is_empty())
        .map(str::to_string)
        .collect()
}

/// The same day one calendar row (a week) earlier and later.
pub fn calendar_rows(d: NaiveDate) -> [Option<NaiveDate>; 2] {
    [
        d.checked_sub_days(Days::new(7)),
        d.checked_add_days(Days::new(7)),
    ]
}

/// Whether two birth dates could be one person's: equal, or a week apart (a click one row off
/// in a date picker's month grid).
pub fn births_fit(a: NaiveDate, b: NaiveDate) -> bool {
    a == b || calendar_rows(a).contains(&Some(b))
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

/// The readings of a town field a clerk would try: its key, its key with `æ`/`ø` swapped back,
/// its bare and ear keys (for a field without `æ ø å`) and its OCR reading.
fn town_readings(t: &str) -> Vec<String> {
    let mut v = vec![fold(t), format!("ocr:{}", ocr_canon(&fold(t)))];
    if has_aeoeaa(t) {
        v.push(fold(&danish_swap(t)));
    } else {
        v.push(format!("bare:{}", bare(t)));
        v.push(format!("ear:{}", ear(t)));
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
                format!("ear:{}", ear(t)),
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

    /// The postcode a lead's postcode field reads as: four characters that are digits or
    /// top-row letters (read as their long-press digits), else none (a house number in the
    /// postcode box is none).
    pub fn postcode(q: &PersonQuery) -> Option<String> {
        let d: Option<String> = q.postcode.trim().chars().map(key_digit).collect();
        d.filter(|d| d.len() == 4)
    }

    /// The towns a lead names: its postcode's and its town field's (read as written, with `æ`
    /// and `ø` swapped back, without `æ ø å` by keyboard or by ear, or through the receipt's
    /// OCR confusions).
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
        (plain && (bare(lead) == bare(row) || ear(lead) == ear(row)))
            || (has_aeoeaa(lead) && fold(&danish_swap(lead)) == b)
            || ocr_canon(&a) == ocr_canon(&b)
            || transposed(lead, row)
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
        self.word_fits(q.surname.trim(), &row.surname, false)
    }

    fn street_fits(&self, lead: &[String], row: &[String]) -> bool {
        let lead: Vec<&String> = lead.iter().filter(|w| !fold(w).is_empty()).collect();
        if lead.len() != row.len() || lead.is_empty() {
            return false;
        }
        let last = row.len() - 1;
        lead.iter().zip(row).enumerate().all(|(i, (l, r))| {
            self.word_fits(l, r, false)
                || (i == 0
                    && i < last
                    && (abbreviates(l, r)
                        || skeleton_of(l, r)
                        || (row.len() >= 3 && letter_named(l, r))))
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
        let house = lead_house(q);
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
    /// shown birth date (or a date a week off) anywhere.
    pub fn look_alike_fair(&self, q: &PersonQuery) -> bool {
        if !self.could_be(q).is_empty() {
            return false;
        }
        let Some(b) = q.birth_date else {
            return true;
        };
        let [before, after] = calendar_rows(b);
        !([Some(b), before, after].into_iter().flatten().any(|d| {
            self.by_birth
                .get(&d)
                .into_iter()
                .flatten()
                .any(|&i| self.names_fit(q, &self.rows[i]))
        }))
    }
}
