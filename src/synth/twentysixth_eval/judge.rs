//! The clerk judge: a careful clerk with the lead, the register and `NO.tsv`, who reads every
//! lead from its fields (never from its kind) and says which reserved persons it could be.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::leads::{MATH_STYLES, SEGMENT_LETTERS, strip_high_bit};
use super::names::{HISTORIC_TOWNS, all_given, all_surnames, family_of, pen_pair};
use super::world::postcode_rows;
use crate::person::{PersonQuery, PersonRecord};

/// A text field as the clerk reads it: a vCard fold (CRLF and one blank) undone, styled
/// letters read as plain ones, every Unicode blank, bidi mark, isolate and joiner as a blank.
pub fn read_text(s: &str) -> String {
    let s = s.replace("\r\n ", "").replace("\r\n", " ");
    s.chars()
        .map(|c| {
            let u = c as u32;
            if let Some(a) = plain_letter(u) {
                a
            } else if c.is_whitespace()
                || matches!(u, 0x200B..=0x200F | 0x2060 | 0x2066..=0x2069 | 0xFEFF)
            {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn plain_letter(u: u32) -> Option<char> {
    for &(cap, small) in MATH_STYLES {
        if (cap..cap + 26).contains(&u) {
            return char::from_u32('A' as u32 + u - cap);
        }
        if (small..small + 26).contains(&u) {
            return char::from_u32('a' as u32 + u - small);
        }
    }
    None
}

/// A comparison key: lower case, `æ ø å é` as `ae o a e`, letters and digits only.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.to_lowercase().chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'å' => out.push('a'),
            'é' => out.push('e'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether `lead` is `row` with one or two pen-stroke confusions (same length).
fn pen_fit(lead: &str, row: &str) -> bool {
    let (l, r): (Vec<char>, Vec<char>) = (lead.chars().collect(), row.chars().collect());
    if l.len() != r.len() {
        return false;
    }
    let diffs: Vec<(char, char)> = l
        .iter()
        .zip(&r)
        .filter(|(a, b)| a != b)
        .map(|(&a, &b)| (a, b))
        .collect();
    (1..=2).contains(&diffs.len()) && diffs.iter().all(|&(a, b)| pen_pair(a, b))
}

/// The house of a street field (or of the house fields): street words, number, letter.
#[derive(Debug, Clone, Default)]
pub struct House {
    /// Street words as read (an abbreviation keeps its dot).
    pub words: Vec<String>,
    /// House number.
    pub number: Option<u32>,
    /// House letter.
    pub letter: Option<char>,
}

fn letter_at(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    let next = it.next();
    (c.is_ascii_alphabetic() && next.is_none_or(|n| !n.is_alphanumeric()))
        .then(|| c.to_ascii_uppercase())
}

fn number_and_letter(s: &str) -> (Option<u32>, Option<char>) {
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &s[digits.len()..];
    (digits.parse().ok(), letter_at(rest))
}

/// Reads the house out of a street field and the house fields.
pub fn read_house(street: &str, number: &str, letter: &str) -> House {
    let text = read_text(street);
    let mut tokens: Vec<String> = Vec::new();
    for t in text.split_whitespace() {
        // A hand abbreviation glued to the next word (`Ø.Emblaveien`).
        match t.find('.') {
            Some(i) if i + 1 < t.len() && t[i + 1..].starts_with(|c: char| c.is_alphabetic()) => {
                tokens.push(t[..=i].to_string());
                tokens.push(t[i + 1..].to_string());
            }
            _ => tokens.push(t.to_string()),
        }
    }
    if let Some(i) = tokens
        .iter()
        .position(|t| t.starts_with(|c: char| c.is_ascii_digit()))
    {
        let (n, mut l) = number_and_letter(&tokens[i]);
        if l.is_none() {
            l = tokens.get(i + 1).and_then(|t| letter_at(t));
        }
        return House {
            words: tokens[..i].to_vec(),
            number: n,
            letter: l,
        };
    }
    let number = read_text(number);
    let (n, glued) = number_and_letter(number.trim());
    let l = letter_at(read_text(letter).trim()).or(glued);
    House {
        words: tokens,
        number: n,
        letter: l,
    }
}

/// A lead or register row as the clerk reads it.
#[derive(Debug, Clone)]
pub struct Reading {
    given: Vec<String>,
    surname: String,
    house: House,
    towns: Vec<String>,
    birth: Option<NaiveDate>,
}

/// The clerk.
pub struct Judge {
    rows: Vec<Reading>,
    by_house: HashMap<(String, u32), Vec<usize>>,
    by_birth: HashMap<NaiveDate, Vec<usize>>,
    code_town: HashMap<String, String>,
    town_keys: HashMap<String, Vec<String>>,
    given_keys: HashSet<String>,
    surname_keys: HashSet<String>,
    families: HashMap<String, String>,
}

impl Judge {
    /// A judge for `register`.
    pub fn new(register: &[PersonRecord]) -> Judge {
        let mut code_town = HashMap::new();
        let mut town_keys: HashMap<String, Vec<String>> = HashMap::new();
        let mut add = |k: String, t: &str| {
            let v = town_keys.entry(k).or_default();
            if !v.iter().any(|x| x == t) {
                v.push(t.to_string());
            }
        };
        for (code, town) in postcode_rows() {
            code_town.insert(code.to_string(), town.to_string());
            add(key(town), town);
            add(key(&strip_high_bit(town)), town);
        }
        for (town, olds) in HISTORIC_TOWNS {
            for old in *olds {
                add(key(old), town);
            }
        }
        let mut families = HashMap::new();
        for g in all_given() {
            if let Some(f) = family_of(g) {
                // A family is named by its first member's key.
                families.insert(key(g), key(f[0]));
            }
        }
        let mut judge = Judge {
            rows: Vec::with_capacity(register.len()),
            by_house: HashMap::new(),
            by_birth: HashMap::new(),
            code_town,
            town_keys,
            given_keys: all_given().map(key).collect(),
            surname_keys: all_surnames().map(key).collect(),
            families,
        };
        for (i, r) in register.iter().enumerate() {
            let reading = judge.read(&PersonQuery::from(r));
            if let Some(n) = reading.house.number {
                for t in &reading.towns {
                    judge.by_house.entry((t.clone(), n)).or_default().push(i);
                }
            }
            if let Some(b) = reading.birth {
                judge.by_birth.entry(b).or_default().push(i);
            }
            judge.rows.push(reading);
        }
        judge
    }

    /// Reads a lead (or a register row as a lead).
    pub fn read(&self, q: &PersonQuery) -> Reading {
        let given: Vec<String> = read_text(&q.given_names)
            .split([' ', '-', ','])
            .filter(|w| !key(w).is_empty())
            .map(str::to_string)
            .collect();
        let surname = read_text(&q.surname);
        let house = read_house(&q.street, &q.house_number, &q.house_letter);
        let mut towns = Vec::new();
        let code: String = read_text(&q.postcode)
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| {
                SEGMENT_LETTERS
                    .iter()
                    .find(|(_, ls)| ls.contains(&c))
                    .map_or(c, |(d, _)| *d)
            })
            .collect();
        if code.len() == 4
            && code.chars().all(|c| c.is_ascii_digit())
            && let Some(t) = self.code_town.get(&code)
        {
            towns.push(t.clone());
        }
        if let Some(ts) = self.town_keys.get(&key(&read_text(&q.city))) {
            for t in ts {
                if !towns.contains(t) {
                    towns.push(t.clone());
                }
            }
        }
        Reading {
            given,
            surname,
            house,
            towns,
            birth: q.birth_date,
        }
    }

    fn word_fits(&self, lead: &str, row: &str, known: Option<&HashSet<String>>) -> bool {
        let (lk, rk) = (key(lead), key(row));
        if lk.is_empty() {
            return false;
        }
        lk == rk
            || (known.is_some()
                && matches!((self.families.get(&lk), self.families.get(&rk)), (Some(a), Some(b)) if a == b))
            || lk == key(&strip_high_bit(row))
            || (known.is_none_or(|k| !k.contains(&lk)) && pen_fit(&lk, &rk))
    }

    fn names_fit(&self, lead: &Reading, row: &Reading) -> bool {
        let (Some(first), Some(row_first)) = (lead.given.first(), row.given.first()) else {
            return false;
        };
        let gk = Some(&self.given_keys);
        self.word_fits(first, row_first, gk)
            && lead
                .given
                .iter()
                .all(|w| row.given.iter().any(|r| self.word_fits(w, r, gk)))
            && self.word_fits(&lead.surname, &row.surname, Some(&self.surname_keys))
            && lead.birth.is_none_or(|b| row.birth == Some(b))
    }

    fn street_fits(&self, lead: &[String], row: &[String]) -> bool {
        lead.len() == row.len()
            && lead.iter().zip(row).enumerate().all(|(i, (l, r))| {
                let (lk, rk) = (key(l), key(r));
                let short = i + 1 < row.len()
                    && l.ends_with('.')
                    && !lk.is_empty()
                    && lk.chars().next() == rk.chars().next()
                    && subsequence(&lk, &rk);
                short
                    || (!lk.is_empty()
                        && (lk == rk || lk == key(&strip_high_bit(r)) || pen_fit(&lk, &rk)))
            })
    }

    /// The register rows the lead could be.
    pub fn could_be(&self, q: &PersonQuery) -> Vec<usize> {
        let lead = self.read(q);
        let Some(n) = lead.house.number else {
            return Vec::new();
        };
        let mut out: Vec<usize> = Vec::new();
        for t in &lead.towns {
            for &i in self.by_house.get(&(t.clone(), n)).into_iter().flatten() {
                let row = &self.rows[i];
                let letters = match (lead.house.letter, row.house.letter) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                if letters
                    && !out.contains(&i)
                    && self.street_fits(&lead.house.words, &row.house.words)
                    && self.names_fit(&lead, row)
                {
                    out.push(i);
                }
            }
        }
        out
    }

    /// A corrupted lead is fair if it could be its truth and nobody else.
    pub fn corrupted_fair(&self, q: &PersonQuery, truth: usize) -> bool {
        self.could_be(q) == [truth]
    }

    /// A look-alike is fair if it could be nobody reserved and, where it shows a birth date,
    /// nobody reserved anywhere has a name it could be and that birth date.
    pub fn look_alike_fair(&self, q: &PersonQuery) -> bool {
        if !self.could_be(q).is_empty() {
            return false;
        }
        let lead = self.read(q);
        match lead.birth {
            None => true,
            Some(b) => self
                .by_birth
                .get(&b)
                .into_iter()
                .flatten()
                .all(|&i| !self.names_fit(&lead, &self.rows[i])),
        }
    }
}

fn subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|d| d == c))
}
