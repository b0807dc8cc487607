//! The thirty-eighth set's clerk judge: a careful human clerk with the lead, the register and
//! `NO.tsv`, who reads every lead from its fields (never from its kind) and decides which
//! reserved persons it could be. A corrupted lead is fair if it could be its truth and nobody
//! else; a look-alike is fair if it could be nobody reserved, and nobody reserved anywhere has
//! a name it could be and the birth date it shows.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::names;
use super::world::tsv_rows;
use crate::person::{PersonQuery, PersonRecord};

/// A word's key: lower case, `æ ø å` as `ae oe aa`, accents and umlauts dropped, only letters
/// and digits kept (a full stop, a blank of any width, a hyphen are no part of a key).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for c in c.to_lowercase() {
            match c {
                'æ' => out.push_str("ae"),
                'ø' => out.push_str("oe"),
                'å' => out.push_str("aa"),
                'é' | 'è' | 'ê' | 'ë' => out.push('e'),
                'á' | 'à' | 'â' | 'ä' => out.push('a'),
                'ó' | 'ò' | 'ô' | 'ö' => out.push('o'),
                'ü' | 'ú' => out.push('u'),
                c if c.is_alphanumeric() => out.push(c),
                _ => {}
            }
        }
    }
    out
}

/// Whether a text has a letter `æ ø å`.
#[cfg(test)]
pub fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// Whether a text has a letter `æ` or `ø` (a word written without them, `å` perhaps kept as
/// Swedish keeps it, may be read by a habit).
pub fn has_ae_oe(s: &str) -> bool {
    s.chars().any(|c| "æøÆØ".contains(c))
}

/// How `æ`, `ø` and `å` are written where they cannot be: each letter one way, `æ` as `ae`
/// or `a`, `ø` as `o` or `oe`, `å` as `a` or `aa` (eight ways); a clerk reads them all (an
/// `ö` or `ä` has the key of `o` or `a`).
pub type Habit = (&'static str, &'static str, &'static str);

/// The eight habits of [`Habit`].
pub const HABITS: [Habit; 8] = [
    ("ae", "o", "a"),
    ("ae", "o", "aa"),
    ("ae", "oe", "a"),
    ("ae", "oe", "aa"),
    ("a", "o", "a"),
    ("a", "o", "aa"),
    ("a", "oe", "a"),
    ("a", "oe", "aa"),
];

/// The habit of the Swedish-made X-ray imaging software: `æ` as `ä`, `ø` as `ö`, `å` kept,
/// as Swedish writes them (a clerk reads `ä` as `a`, `ö` as `o`).
pub const SWEDISH: Habit = ("ä", "ö", "å");

/// A text written with a habit (case kept: a capital letter's first letter capital, the rest
/// as the next letter is).
pub fn retyped(s: &str, habit: Habit) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let with = match lower {
            'æ' => habit.0,
            'ø' => habit.1,
            'å' => habit.2,
            _ => {
                out.push(c);
                continue;
            }
        };
        if c.is_uppercase() {
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let mut first = true;
            for w in with.chars() {
                if first || !next_lower {
                    out.extend(w.to_uppercase());
                } else {
                    out.push(w);
                }
                first = false;
            }
        } else {
            out.push_str(with);
        }
    }
    out
}

/// A key read as text recognition of a faint carbon copy of the health declaration might:
/// `1` as `l`, `rn` as `m`, and `f` and `t` as one letter (a crossbar lost or smudged).
pub fn ocr_canon(key: &str) -> String {
    key.replace('1', "l").replace("rn", "m").replace('f', "t")
}

/// The postcodes a postcode field could be: four digits as they are, a lower-case `l` or a
/// capital `I` read as `1` and a capital or lower-case `O` as `0` (a typewriter without a `1`
/// key, `5l39`, `94O9`); anything else (a recall interval, `12 mnd`) none.
pub fn postcode_readings(field: &str) -> Vec<String> {
    let t: String = field
        .trim()
        .chars()
        .map(|c| match c {
            'l' | 'I' => '1',
            'O' | 'o' => '0',
            c => c,
        })
        .collect();
    if t.chars().count() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
        vec![t]
    } else {
        Vec::new()
    }
}

/// The one postcode a field reads as, if it reads as exactly one.
#[cfg(test)]
pub fn postcode_reading(field: &str) -> Option<String> {
    match postcode_readings(field).as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Whether `short` abbreviates `word`: ends with a dot, shorter, and the word's key begins
/// with its key (`Ne.` for Nedre only, `No.` for Nordre only, `N.` for both, `H.` for Halvor,
/// Hilda and Hjalmar).
pub fn abbreviates(short: &str, word: &str) -> bool {
    let a = fold(short);
    let b = fold(word);
    short.ends_with('.') && !a.is_empty() && a.len() < b.len() && b.starts_with(&a)
}

/// The initials of a token of glued initials (`H.P.` gives `hp`): at least two letters, each
/// followed by a dot.
pub fn glued_initials(tok: &str) -> Option<Vec<char>> {
    let chars: Vec<char> = tok.chars().collect();
    if chars.len() < 4 || !chars.len().is_multiple_of(2) {
        return None;
    }
    let mut out = Vec::new();
    for pair in chars.chunks(2) {
        if !(pair[0].is_alphabetic() && pair[1] == '.') {
            return None;
        }
        out.push(fold(&pair[0].to_string()).chars().next()?);
    }
    Some(out)
}

/// The street field without a care-of part before the street (`v/ Kari Sørbø, `,
/// `c/o Kari Sørbø, `): a field that begins with `v/` or `c/o` is read after its first comma
/// (and has no street without one).
pub fn without_care_of(street: &str) -> &str {
    let t = street.trim_start();
    let low = t.to_lowercase();
    if low.starts_with("v/") || low.starts_with("c/o") {
        return t.split_once(',').map_or("", |(_, rest)| rest);
    }
    street
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
/// `12b`, `12,`, `12.`).
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

/// Street-field tokens: split at any Unicode white space (no-break spaces too), at hyphens
/// and dashes, and after a comma or a semicolon.
pub fn tokens(street: &str) -> Vec<String> {
    street
        .replace(',', ", ")
        .replace(';', "; ")
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// A house letter written as its own token: a letter, then nothing alphanumeric (`B`, `B.`).
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

/// Reads a lead's (or a row's) house: the first token that is a number is the house number;
/// what follows it and its letter (a bolignummer with its label, `, bolig H0304`) is not the
/// street.
pub fn read_house(street: &str, number: &str, letter: &str) -> House {
    let toks = tokens(without_care_of(street));
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

/// Given-name words: split at any blank, hyphens and commas; empty keys and numbers dropped.
pub fn given_words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|w| {
            let k = fold(w);
            !k.is_empty() && !k.chars().all(|c| c.is_ascii_digit())
        })
        .map(str::to_string)
        .collect()
}

/// The surname part of a surname field: what comes before an appointment note the dental
/// journal keeps after it (`Sørbø (ring først)`, `Sørbø / ikke SMS`, `Sørbø - tolk`,
/// `Sørbø, kun formiddag`).
pub fn surname_part(s: &str) -> &str {
    let mut end = s.len();
    for cut in ["(", "/", ",", " - "] {
        if let Some(i) = s.find(cut) {
            end = end.min(i);
        }
    }
    &s[..end]
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
    by_date: HashMap<NaiveDate, Vec<usize>>,
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
            let mut keys = vec![fold(t), format!("ocr:{}", ocr_canon(&fold(t)))];
            for h in HABITS.into_iter().chain([SWEDISH]) {
                keys.push(format!("rt:{}", fold(&retyped(t, h))));
            }
            for key in keys {
                let e = town_keys.entry(key).or_default();
                if !e.contains(&id) {
                    e.push(id);
                }
            }
        }
        let real = names::all_given()
            .into_iter()
            .chain(names::SURNAMES.iter().copied())
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
            by_date: HashMap::new(),
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
                j.by_date.entry(b).or_default().push(i);
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

    /// The towns a lead names: its postcode's (each reading of it) and its town field's (read
    /// as written, through text recognition, or without `æ ø å` by any of the eight habits or
    /// the Swedish software's).
    pub fn towns(&self, q: &PersonQuery) -> Vec<usize> {
        let mut out = Vec::new();
        for d in postcode_readings(&q.postcode) {
            if let Some(&t) = self.code_town.get(&d)
                && !out.contains(&t)
            {
                out.push(t);
            }
        }
        let k = fold(&q.city);
        if k.is_empty() {
            return out;
        }
        let mut keys = vec![k.clone(), format!("ocr:{}", ocr_canon(&k))];
        if !has_ae_oe(&q.city) {
            keys.push(format!("rt:{k}"));
        }
        for key in keys {
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
        // Two real names are two people (`Johanne` is not `Johan`).
        if self.real.contains(&a) {
            return false;
        }
        (!has_ae_oe(lead)
            && HABITS
                .iter()
                .chain([&SWEDISH])
                .any(|&h| a == fold(&retyped(row, h))))
            || ocr_canon(&a) == ocr_canon(&b)
    }

    fn surname_fits(&self, lead: &str, row: &str) -> bool {
        let lead: Vec<&str> = surname_part(lead).split_whitespace().collect();
        let row_words: Vec<&str> = row.split_whitespace().collect();
        lead.len() == row_words.len()
            && !lead.is_empty()
            && lead
                .iter()
                .zip(&row_words)
                .all(|(l, r)| self.word_fits(l, r, false))
    }

    fn names_fit(&self, q: &PersonQuery, row: &Row) -> bool {
        let words = given_words(&q.given_names);
        let (Some(first), Some(row_first)) = (words.first(), row.given.first()) else {
            return false;
        };
        self.word_fits(first, row_first, true)
            && words[1..]
                .iter()
                .all(|w| row.given.iter().any(|r| self.word_fits(w, r, true)))
            && self.surname_fits(&q.surname, &row.surname)
    }

    /// Streets could be one if their words pair up in order: a lead word fits a row word, or
    /// (before the row's last word) is a dotted short form of it (`Ne.`, `Ø.`, `H.`), or is a
    /// token of glued initials (`H.P.`) that covers as many row words with those initials.
    fn street_fits(&self, lead: &[String], row: &[String]) -> bool {
        let lead: Vec<&String> = lead.iter().filter(|w| !fold(w).is_empty()).collect();
        if lead.is_empty() || row.is_empty() {
            return false;
        }
        let last = row.len() - 1;
        let mut j = 0;
        for l in lead {
            if let Some(initials) = glued_initials(l) {
                let k = initials.len();
                if j + k > last {
                    return false;
                }
                let fits = initials
                    .iter()
                    .zip(&row[j..j + k])
                    .all(|(c, r)| fold(r).starts_with(*c));
                if !fits {
                    return false;
                }
                j += k;
                continue;
            }
            let Some(r) = row.get(j) else {
                return false;
            };
            if !(self.word_fits(l, r, false) || (j < last && abbreviates(l, r))) {
                return false;
            }
            j += 1;
        }
        j == row.len()
    }

    fn birth_fits(q: &PersonQuery, row: Option<NaiveDate>) -> bool {
        match (q.birth_date, row) {
            (Some(b), Some(r)) => b == r,
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
    /// the birth date it shows anywhere.
    pub fn look_alike_fair(&self, q: &PersonQuery) -> bool {
        if !self.could_be(q).is_empty() {
            return false;
        }
        let Some(b) = q.birth_date else {
            return true;
        };
        !self
            .by_date
            .get(&b)
            .into_iter()
            .flatten()
            .any(|&i| self.names_fit(q, &self.rows[i]))
    }
}
