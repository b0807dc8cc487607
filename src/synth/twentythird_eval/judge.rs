//! The fairness judge: a careful, lenient clerk with the lead and the register, who reads the
//! lead's fields only (never its kind) and the register's rows the same way.
//!
//! A corrupted lead is fair if the clerk can tell it is its truth and nobody else reserved; a
//! look-alike is fair if the clerk would say it is nobody reserved.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::names::FAMILIES;
use super::world::NO_TSV;
use crate::person::{PersonQuery, PersonRecord};

/// Confusions of a scanner or OCR a clerk sees through (either way): the issue's `rn`/`m`,
/// `l`/`1`, and a carbon copy's `nn`, `in`, `ni` read as `m`, `u` as `ii`, `t` as `f`.
pub const OCR_PAIRS: &[(&str, &str)] = &[
    ("rn", "m"),
    ("l", "1"),
    ("nn", "m"),
    ("in", "m"),
    ("ni", "m"),
    ("u", "ii"),
    ("t", "f"),
];

/// Cyrillic letters that look like Latin ones, and their Latin twins.
pub const CYRILLIC: &[(char, char)] = &[
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('х', 'x'),
    ('у', 'y'),
    ('і', 'i'),
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('Х', 'X'),
];

/// A UTF-8 byte-order mark read as Latin-1.
pub const BOM_LATIN1: &str = "ï»¿";

/// A field as the clerk reads it: the byte-order mark (raw or read as Latin-1) dropped,
/// Cyrillic look-alikes read as Latin, full-width forms as ASCII, every blank as a space,
/// 7-bit Norwegian (`[\]{|}`) as æ/ø/å, lower case.
pub fn fold(s: &str) -> String {
    let s = s.trim_start_matches([' ', '"', '\u{feff}']);
    let s = s.replace(BOM_LATIN1, "").replace('\u{feff}', "");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = CYRILLIC
            .iter()
            .find(|(cy, _)| *cy == c)
            .map_or(c, |(_, l)| *l);
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '[' | '{' => 'æ',
            '\\' | '|' => 'ø',
            ']' | '}' => 'å',
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => continue,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// The letters of a folded word for comparison: æ/ä → e, ø/ö → o, å → a, other marks
/// dropped, `aa`, `ae`, `oe` as `a`, `e`, `o`, doubled letters single.
pub fn key(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'æ' | 'ä' => s.push('e'),
            'ø' | 'ö' | 'ó' | 'ò' => s.push('o'),
            'å' | 'á' | 'à' => s.push('a'),
            'é' | 'è' | 'ê' => s.push('e'),
            'ü' | 'ú' => s.push('u'),
            c if c.is_alphanumeric() => s.extend(c.to_lowercase()),
            _ => {}
        }
    }
    let s = s.replace("aa", "a").replace("ae", "e").replace("oe", "o");
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Whether `a` and `b` are one edit apart (a swap of neighbours counts as one).
pub fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return false;
    }
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return diff.len() == 1
            || (diff.len() == 2
                && diff[1] == diff[0] + 1
                && a[diff[0]] == b[diff[1]]
                && a[diff[1]] == b[diff[0]]);
    }
    let (short, long) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() != short.len() + 1 {
        return false;
    }
    let i = (0..short.len())
        .find(|&i| short[i] != long[i])
        .unwrap_or(short.len());
    short[i..] == long[i + 1..]
}

/// Whether one scanner confusion of [`OCR_PAIRS`] turns `a` into `b` (folded words).
pub fn ocr_one(a: &str, b: &str) -> bool {
    let turns = |x: &str, y: &str| {
        OCR_PAIRS.iter().any(|(p, q)| {
            [(p, q), (q, p)].iter().any(|(from, to)| {
                x.match_indices(*from)
                    .any(|(i, _)| format!("{}{to}{}", &x[..i], &x[i + from.len()..]) == y)
            })
        })
    };
    turns(a, b) || turns(b, a)
}

fn families() -> &'static HashMap<String, usize> {
    static F: OnceLock<HashMap<String, usize>> = OnceLock::new();
    F.get_or_init(|| {
        let mut m = HashMap::new();
        for (i, fam) in FAMILIES.iter().enumerate() {
            for n in *fam {
                m.insert(key(&fold(n)), i);
            }
        }
        m
    })
}

/// Whether two name words (folded) could be one: the same letters, one scanner confusion, one
/// edit at five letters or more each, or (given names) one spelling family.
pub fn name_eq(a: &str, b: &str, given: bool) -> bool {
    let (ka, kb) = (key(a), key(b));
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    if ka == kb || ocr_one(a, b) {
        return true;
    }
    if a.chars().count() >= 5 && b.chars().count() >= 5 && one_edit(&ka, &kb) {
        return true;
    }
    given && {
        let f = families();
        matches!((f.get(&ka), f.get(&kb)), (Some(x), Some(y)) if x == y)
    }
}

/// The words of a name field.
pub fn name_words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| c == ' ' || "-,;./\"()'".contains(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether a clerk could take a word of given names `a` for a word of `b`.
pub fn given_clash(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a), name_words(b));
    a.iter().any(|x| b.iter().any(|y| name_eq(x, y, true)))
}

fn street_word_eq(l: &str, r: &str) -> bool {
    let (kl, kr) = (key(l), key(r));
    kl == kr
        || ocr_one(l, r)
        || (l.chars().count() >= 6 && r.chars().count() >= 6 && one_edit(&kl, &kr))
}

/// A shortening of a word that is not the street's last: the same first letter, the rest of
/// its letters in order within the word (`chr` Christian, `ll` Lille, `nr` Nordre).
fn abbreviates(l: &str, r: &str) -> bool {
    let (l, r) = (key(l), key(r));
    if l.is_empty() || l.len() >= r.len() || l.chars().next() != r.chars().next() {
        return false;
    }
    let mut rest = r.chars();
    l.chars().all(|c| rest.any(|d| d == c))
}

/// Whether the street words of a lead could be a row's.
pub fn street_eq(lead: &[String], row: &[String]) -> bool {
    if lead.len() != row.len() || lead.is_empty() {
        return false;
    }
    let n = lead.len();
    lead.iter()
        .zip(row)
        .enumerate()
        .all(|(i, (l, r))| street_word_eq(l, r) || (i + 1 < n && abbreviates(l, r)))
}

/// A postcode as the clerk reads it: four digits (full-width too), or four digits in a
/// form's comb boxes (`5|0|0|3`, `[5][0][0][3]`, `5I0I0I3`).
pub fn parse_postcode(s: &str) -> Option<String> {
    let f: String = s
        .chars()
        .map(|c| match c {
            '\u{ff10}'..='\u{ff19}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    let four = |x: &str| x.len() == 4 && x.chars().all(|c| c.is_ascii_digit());
    if four(&f) {
        return Some(f);
    }
    let g: String = f.chars().filter(|c| !"|[]".contains(*c)).collect();
    if four(&g) {
        return Some(g);
    }
    let c: Vec<char> = g.chars().collect();
    if c.len() == 7
        && c[1] == c[3]
        && c[3] == c[5]
        && matches!(c[1], 'I' | 'l' | 'i')
        && [0, 2, 4, 6].iter().all(|&i| c[i].is_ascii_digit())
    {
        return Some([c[0], c[2], c[4], c[6]].iter().collect());
    }
    None
}

fn is_digits(t: &str, n: usize) -> bool {
    t.len() == n && t.chars().all(|c| c.is_ascii_digit())
}

fn flat_letter(t: &str) -> bool {
    matches!(t.chars().next(), Some('h' | 'u' | 'k' | 'l'))
}

/// How many tokens from `i` are a bolignummer (`h0201`, `h-0201`, `h02-01`, `h02 01`,
/// `h 0201`, `h 02 01`), if any.
fn bolig_len(t: &[&str], i: usize) -> usize {
    let a = t[i];
    let next = |k: usize| t.get(i + k).copied().unwrap_or("");
    if !flat_letter(a) {
        return 0;
    }
    let rest = &a[1..];
    if is_digits(rest, 4) {
        return 1;
    }
    if let Some(r) = rest.strip_prefix('-')
        && is_digits(r, 4)
    {
        return 1;
    }
    if rest.len() == 5 && is_digits(&rest[..2], 2) && &rest[2..3] == "-" && is_digits(&rest[3..], 2)
    {
        return 1;
    }
    if is_digits(rest, 2) && is_digits(next(1), 2) {
        return 2;
    }
    if rest.is_empty() {
        if is_digits(next(1), 4) {
            return 2;
        }
        if is_digits(next(1), 2) && is_digits(next(2), 2) {
            return 3;
        }
    }
    0
}

/// Street words, house number and letter of a street field (the house in it or not).
pub fn parse_street(field: &str) -> (Vec<String>, Option<u32>, String) {
    let f: String = fold(field)
        .chars()
        .map(|c| if ",;/()".contains(c) { ' ' } else { c })
        .collect();
    let tokens: Vec<&str> = f.split(' ').filter(|t| !t.is_empty()).collect();
    let mut words = Vec::new();
    let mut number = None;
    let mut letter = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if number.is_some() {
            let b = bolig_len(&tokens, i);
            if b > 0 {
                i += b;
                continue;
            }
        }
        let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
        let rest = &t[digits.len()..];
        if number.is_none() && !digits.is_empty() && digits.len() <= 3 {
            let rest = rest.trim_start_matches('-');
            if rest.is_empty()
                || (rest.chars().count() == 1 && rest.chars().all(char::is_alphabetic))
            {
                number = digits.parse().ok();
                letter = rest.to_string();
                i += 1;
                continue;
            }
        }
        if number.is_some() {
            if letter.is_empty() && t.chars().count() == 1 && t.chars().all(char::is_alphabetic) {
                letter = t.to_string();
            }
        } else {
            let w = t.replace('.', "");
            if !w.is_empty() {
                words.push(w);
            }
        }
        i += 1;
    }
    (words, number, letter)
}

/// A lead (or a row) as the clerk reads it.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub given: Vec<String>,
    pub surname: Vec<String>,
    pub street: Vec<String>,
    pub number: Option<u32>,
    pub letter: String,
    pub towns: Vec<usize>,
    pub birth: Option<NaiveDate>,
}

/// The clerk, with the register and Norway's postcodes.
pub struct Judge {
    rows: Vec<Reading>,
    by_house: HashMap<(usize, u32), Vec<usize>>,
    by_birth: HashMap<NaiveDate, Vec<usize>>,
    town_keys: HashMap<String, Vec<usize>>,
    postcode_town: HashMap<String, usize>,
}

impl Judge {
    /// A clerk with `register`.
    pub fn new(register: &[PersonRecord]) -> Judge {
        let mut town_index: HashMap<&str, usize> = HashMap::new();
        let mut town_keys: HashMap<String, Vec<usize>> = HashMap::new();
        let mut postcode_town = HashMap::new();
        for line in NO_TSV.lines().skip(1) {
            let Some((code, town)) = line.split_once('\t') else {
                continue;
            };
            let n = town_index.len();
            let t = *town_index.entry(town).or_insert(n);
            if t == n {
                town_keys.entry(key(&fold(town))).or_default().push(t);
            }
            postcode_town.insert(code.to_string(), t);
        }
        let mut judge = Judge {
            rows: Vec::new(),
            by_house: HashMap::new(),
            by_birth: HashMap::new(),
            town_keys,
            postcode_town,
        };
        for (i, r) in register.iter().enumerate() {
            let reading = judge.read(&PersonQuery::from(r));
            if let (Some(&t), Some(n)) = (reading.towns.first(), reading.number) {
                judge.by_house.entry((t, n)).or_default().push(i);
            }
            if let Some(b) = reading.birth {
                judge.by_birth.entry(b).or_default().push(i);
            }
            judge.rows.push(reading);
        }
        judge
    }

    /// The towns a town field names (by its letters, 7-bit æ/ø/å read back).
    pub fn towns_named(&self, field: &str) -> Vec<usize> {
        self.town_keys
            .get(&key(&fold(field)))
            .cloned()
            .unwrap_or_default()
    }

    /// Reads a lead's fields.
    pub fn read(&self, q: &PersonQuery) -> Reading {
        let (street, mut number, mut letter) = parse_street(&q.street);
        if number.is_none() {
            let (_, n, l) = parse_street(&format!("x {}", q.house_number));
            number = n;
            letter = l;
        }
        if letter.is_empty() {
            letter = key(&fold(&q.house_letter));
        }
        let mut towns = Vec::new();
        if let Some(code) = parse_postcode(&q.postcode)
            && let Some(&t) = self.postcode_town.get(&code)
        {
            towns.push(t);
        }
        for t in self.towns_named(&q.city) {
            if !towns.contains(&t) {
                towns.push(t);
            }
        }
        Reading {
            given: name_words(&q.given_names),
            surname: name_words(&q.surname),
            street,
            number,
            letter: letter.to_lowercase(),
            towns,
            birth: q.birth_date,
        }
    }

    fn names_fit(lead: &Reading, row: &Reading) -> bool {
        lead.given
            .iter()
            .any(|g| row.given.iter().any(|r| name_eq(g, r, true)))
            && lead
                .surname
                .iter()
                .any(|s| row.surname.iter().any(|r| name_eq(s, r, false)))
    }

    /// The register rows the lead could be, birth dates ignored: a given-name word and a
    /// surname word that could be the row's, at the row's house (a town of the lead, the
    /// number, the street, the letters equal or one missing).
    pub fn could_be(&self, q: &PersonQuery) -> Vec<usize> {
        let lead = self.read(q);
        let Some(n) = lead.number else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for &t in &lead.towns {
            for &i in self.by_house.get(&(t, n)).map_or(&[][..], |v| &v[..]) {
                let row = &self.rows[i];
                let letters =
                    lead.letter.is_empty() || row.letter.is_empty() || lead.letter == row.letter;
                if letters
                    && street_eq(&lead.street, &row.street)
                    && Self::names_fit(&lead, row)
                    && !out.contains(&i)
                {
                    out.push(i);
                }
            }
        }
        out
    }

    /// A corrupted lead is fair if the clerk finds its truth and nobody else reserved, and a
    /// birth date it shows is the truth's.
    pub fn corrupted_fair(&self, q: &PersonQuery, truth: usize) -> bool {
        self.could_be(q) == [truth]
            && q.birth_date
                .is_none_or(|b| self.rows[truth].birth == Some(b))
    }

    /// A look-alike is fair if the clerk finds nobody reserved it could be, by house or, where
    /// it shows a birth date, by name and birth date anywhere.
    pub fn look_alike_fair(&self, q: &PersonQuery) -> bool {
        if !self.could_be(q).is_empty() {
            return false;
        }
        let Some(b) = q.birth_date else {
            return true;
        };
        let lead = self.read(q);
        !self
            .by_birth
            .get(&b)
            .is_some_and(|v| v.iter().any(|&i| Self::names_fit(&lead, &self.rows[i])))
    }
}
