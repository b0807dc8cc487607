//! The thirty-ninth set's clerk judge: a careful library clerk with the lead, the register and
//! `NO.tsv`, who reads every lead from its fields (never from its kind) and decides which
//! reserved persons it could be. A corrupted lead is fair if it could be its truth and nobody
//! else; a look-alike is fair if it could be nobody reserved, and nobody reserved anywhere has
//! a name it could be and the birth date it shows.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::names;
use super::world::tsv_rows;
use crate::person::{PersonQuery, PersonRecord};

/// A word's key: lower case, `æ ø å` as `ae oe aa`, the old DOS library system's `¢` and `¥`
/// (its `ø` and `Ø` shown through the wrong code page) as `oe`, accents and umlauts dropped,
/// only letters and digits kept (a full stop, a blank of any width, a zero-width space, a soft
/// hyphen, a hyphen are no part of a key).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for c in c.to_lowercase() {
            match c {
                'æ' => out.push_str("ae"),
                'ø' | '¢' | '¥' => out.push_str("oe"),
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

/// Whether a text has a letter `ø` (upper or lower case).
pub fn has_oe(s: &str) -> bool {
    s.chars().any(|c| "øØ".contains(c))
}

/// Whether a text has a letter `æ` or `ø`, or the code page's `¢ ¥` for `ø` (a word without
/// them may be read by a habit).
pub fn has_ae_oe(s: &str) -> bool {
    s.chars().any(|c| "æøÆØ¢¥".contains(c))
}

/// How `æ`, `ø` and `å` are written where they cannot be: each letter one way, `æ` as `ae`
/// or `a`, `ø` as `o` or `oe`, `å` as `a` or `aa` (eight ways); a clerk reads them all.
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

/// A text as the old DOS library system shows it: written in code page 865 (Nordic) and shown
/// through code page 437, where `ø` (0x9B) is `¢` and `Ø` (0x9D) is `¥`; `æ å Æ Å` sit at
/// the same places in both and are kept.
pub fn code_page_437(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ø' => '¢',
            'Ø' => '¥',
            c => c,
        })
        .collect()
}

/// A key read as text recognition of the old borrower card index might: `1` as `l`, `rn` as
/// `m`, `vv` as `w`.
pub fn ocr_canon(key: &str) -> String {
    key.replace('1', "l").replace("rn", "m").replace("vv", "w")
}

/// The postcodes a postcode field could be: four characters that are digits once the call
/// number recogniser's letters are read back (`O`→0, `I`, `i`, `l`→1, `S`→5, `B`→8, `T`→7,
/// `A`→4; `5l39`, `94O9`, `TOSB`); anything else (a branch code, `HB`, `FIL 4`) none.
pub fn postcode_readings(field: &str) -> Vec<String> {
    let t: String = field
        .trim()
        .chars()
        .map(|c| match c {
            'O' | 'o' => '0',
            'I' | 'i' | 'l' => '1',
            'S' | 's' => '5',
            'B' => '8',
            'T' => '7',
            'A' => '4',
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

/// Whether `short` abbreviates `word`: a shorter key that begins the word's key, with or
/// without a dot (`Ne` for Nedre only, `No` for Nordre only, `N` for both, `H` for Halvdan,
/// Hans and Hedvig).
pub fn abbreviates(short: &str, word: &str) -> bool {
    let a = fold(short);
    let b = fold(word);
    !a.is_empty() && a.len() < b.len() && b.starts_with(&a)
}

/// The given-name field without what stands in brackets or quotes: a display name the
/// borrower set (`Kari (Bitten)`, `Kari «Bitten»`, `Kari "Bitten"`) or a guardian on a
/// child's card (`Ivar (foresatt: Ole Løken)`).
pub fn given_part(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    let mut quoted = false;
    for c in s.chars() {
        match c {
            '(' | '«' => depth += 1,
            ')' | '»' => depth = depth.saturating_sub(1),
            '"' => quoted = !quoted,
            c if depth == 0 && !quoted => out.push(c),
            _ => {}
        }
    }
    out
}

/// The town field without the home branch the circulation system writes after it
/// (`Bergen - bokbussen`, `BERGEN (FILIAL NORD)`, `Bergen, hovedbiblioteket`,
/// `Bergen / filial Sør`).
pub fn town_part(s: &str) -> &str {
    let mut end = s.len();
    for cut in [" - ", "(", ",", "/"] {
        if let Some(i) = s.find(cut) {
            end = end.min(i);
        }
    }
    &s[..end]
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

/// Whether a character is a gap a clerk sees or a web page leaves: Unicode white space and the
/// zero-width space, word joiner and zero-width no-break space.
fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// Street-field tokens: soft hyphens dropped; split at any gap ([`is_gap`]), at hyphens and
/// dashes, and after a comma or a semicolon.
pub fn tokens(street: &str) -> Vec<String> {
    street
        .replace('\u{ad}', "")
        .replace(',', ", ")
        .replace(';', "; ")
        .split(|c: char| is_gap(c) || matches!(c, '-' | '\u{2013}' | '\u{2014}'))
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
/// what follows it and its letter (a bolignummer with its label, `Bolignr: H0304`) is not the
/// street.
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
    let l = glued.or_else(|| {
        letter
            .split(is_gap)
            .find(|t| !t.is_empty())
            .and_then(letter_token)
    });
    House {
        words: toks,
        number: n,
        letter: l,
    }
}

/// Given-name words of what is outside brackets and quotes: split at any gap, hyphens and
/// commas; empty keys and numbers dropped.
pub fn given_words(s: &str) -> Vec<String> {
    given_part(s)
        .split(|c: char| is_gap(c) || c == '-' || c == ',')
        .filter(|w| {
            let k = fold(w);
            !k.is_empty() && !k.chars().all(|c| c.is_ascii_digit())
        })
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
            for h in HABITS {
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

    /// The towns a lead names: its postcode's (each reading of it) and its town field's before
    /// a home branch (read as written, through text recognition, or without `æ ø å` by any of
    /// the eight habits).
    pub fn towns(&self, q: &PersonQuery) -> Vec<usize> {
        let mut out = Vec::new();
        for d in postcode_readings(&q.postcode) {
            if let Some(&t) = self.code_town.get(&d)
                && !out.contains(&t)
            {
                out.push(t);
            }
        }
        let town = town_part(&q.city);
        let k = fold(town);
        if k.is_empty() {
            return out;
        }
        let mut keys = vec![k.clone(), format!("ocr:{}", ocr_canon(&k))];
        if !has_ae_oe(town) {
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
        // Two real names are two people (`Mads` is not `Morten`).
        if self.real.contains(&a) {
            return false;
        }
        (!has_ae_oe(lead) && HABITS.iter().any(|&h| a == fold(&retyped(row, h))))
            || ocr_canon(&a) == ocr_canon(&b)
    }

    fn surname_fits(&self, lead: &str, row: &str) -> bool {
        let lead: Vec<&str> = lead.split(is_gap).filter(|w| !w.is_empty()).collect();
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
    /// (before the row's last word) is a short form of it, dotted or not (`Ne`, `Ø`, `H`,
    /// `J.`).
    fn street_fits(&self, lead: &[String], row: &[String]) -> bool {
        let lead: Vec<&String> = lead.iter().filter(|w| !fold(w).is_empty()).collect();
        if lead.len() != row.len() || row.is_empty() {
            return false;
        }
        let last = row.len() - 1;
        lead.iter()
            .zip(row)
            .enumerate()
            .all(|(j, (l, r))| self.word_fits(l, r, false) || (j < last && abbreviates(l, r)))
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
