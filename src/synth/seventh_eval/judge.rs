//! The fairness judge: a careful, lenient human reader with the lead and the register.
//!
//! It reads a lead from its fields, whatever its kind:
//!
//! - **Names**: every word of both name fields, in any order, split at whitespace (any kind),
//!   hyphens, commas, slashes and brackets. A one-letter word (with or without a full stop)
//!   is an initial. Words are *folded*: lower case; æ/ä/ae → e, ø/ö/oe → o, å/aa → a;
//!   accents dropped; OCR glyphs `1`/`|`/`!` → l, `0` → o, `5` → s, `8` → b, `rn` → m,
//!   `ri` → n, `ii` → u; `th` → t, `ch` → k, `ph` → f, `c`/`q` → k, `w` → v, `z` → s,
//!   `x` → ks; doubled letters single; and the spellings of one name (`names::SPELLINGS`)
//!   one. Two words *could be one name* if their folds are equal, or they are one edit apart
//!   with four letters or more each, or one is an initial of the other.
//! - **Place**: the postcode and town fields are read together, in either field: a token
//!   that is three or four digits after reading OCR glyphs back (`O`, `D`, `o` → 0; `l`, `I`,
//!   `i`, `|` → 1; `Z`, `z` → 2; `S`, `s` → 5; `b`, `G` → 6; `B` → 8; `g` → 9; spreadsheet
//!   marks `'`, `="…"`, `.0` and `,0` dropped; three digits get their lost leading zero) is a
//!   postcode; words (up to a comma, bracket or spaced dash) are a town, a post town or a
//!   municipality. The lead's towns are every postcode's town and every named town.
//! - **House**: the street field's words up to the first number are the street; numbers
//!   (`12`, `12B`, `12b`, `12-B`, glued to the street `Rognlia12B`, OCR `l2` in the number
//!   field) and a letter after them are read from the street, number and letter fields;
//!   bolignummer (`H0201`, `u0102`, `K0101`) and `leil.`, `leilighet`, `bolig` are dropped.
//!   The street's first word may be a prefix, full (`Øvre`) or abbreviated (`Ø.` = Øvre or
//!   Østre; a one-letter abbreviation may also be an initial); one-letter words are initials
//!   and dropped; the rest is folded with the endings `veien`/`vegen`/`veg`/`vei` and
//!   `gata`/`gaten`/`gate` written alike. Two streets could be one if their rests are equal
//!   or one ends with the other in two words or more, and their prefixes do not differ when
//!   both are written in full (an abbreviation fits the prefixes it stands for and no prefix).
//!
//! A lead **could be** a register row if one lead word could be one of the row's given names
//! and another one of its surnames, and: when both show a birth date, it is the same; when
//! either does not, the lead is at the row's house (one of its towns, a street that could be
//! the row's, its number, the letters equal or one missing). Candidates are found in hash maps
//! by (town, number, last two words of the street's rest) and by birth date.
//!
//! A corrupted lead is fair if it could be its truth and no other reserved person; a
//! look-alike if it could be nobody reserved.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::names::{PREFIXES, SPELLINGS};
use super::places::{Postal, postal};
use crate::person::{PersonQuery, PersonRecord};

/// Why a kind's label is fair (or why it is debatable), for every kind of the set.
pub fn why_fair(kind: &str) -> Option<&'static str> {
    super::corruption::KINDS
        .iter()
        .chain(super::look_alikes::KINDS)
        .find(|k| k.0 == kind)
        .map(|k| k.2)
}

/// A folded word.
pub(super) fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let m = match c {
            'æ' | 'ä' | 'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ė' => 'e',
            'ø' | 'ö' | 'ó' | 'ô' | 'ò' => 'o',
            'å' | 'à' | 'á' | 'â' | 'ą' => 'a',
            'ü' | 'ú' | 'ù' | 'ū' => 'u',
            'í' | 'ï' | 'ì' | 'į' => 'i',
            'ñ' | 'ń' => 'n',
            'ś' | 'š' => 's',
            'ż' | 'ź' | 'ž' => 'z',
            'ć' | 'č' => 'c',
            'ł' | '1' | '|' | '!' => 'l',
            '0' => 'o',
            '5' => 's',
            '8' => 'b',
            c if c.is_alphanumeric() => c,
            _ => continue,
        };
        s.push(m);
    }
    for (from, to) in [
        ("ae", "e"),
        ("oe", "o"),
        ("aa", "a"),
        ("rn", "m"),
        ("ri", "n"),
        ("ii", "u"),
        ("th", "t"),
        ("ch", "k"),
        ("ph", "f"),
        ("c", "k"),
        ("q", "k"),
        ("w", "v"),
        ("z", "s"),
        ("x", "ks"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    canonical(out)
}

fn canonical(folded: String) -> String {
    use std::sync::OnceLock;
    static GROUPS: OnceLock<HashMap<String, String>> = OnceLock::new();
    let groups = GROUPS.get_or_init(|| {
        let mut m = HashMap::new();
        for g in SPELLINGS {
            let head = fold_plain(g[0]);
            for v in *g {
                m.insert(fold_plain(v), head.clone());
            }
        }
        m
    });
    groups.get(&folded).cloned().unwrap_or(folded)
}

/// `fold` without the spelling groups (to build them).
fn fold_plain(word: &str) -> String {
    // The groups' own words never fold onto another group's, so one level is enough.
    let mut s = String::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        s.push(match c {
            'æ' => 'e',
            'ø' => 'o',
            'å' => 'a',
            c => c,
        });
    }
    for (from, to) in [
        ("ae", "e"),
        ("oe", "o"),
        ("aa", "a"),
        ("rn", "m"),
        ("ri", "n"),
        ("ii", "u"),
        ("th", "t"),
        ("ch", "k"),
        ("ph", "f"),
        ("c", "k"),
        ("q", "k"),
        ("w", "v"),
        ("z", "s"),
        ("x", "ks"),
    ] {
        s = s.replace(from, to);
    }
    let mut out = String::new();
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Every word of a text folded, joined by single spaces (town names).
pub(super) fn fold_words(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two given-name words could be one name in the judge's reading.
pub(super) fn given_could_be(a: &str, b: &str) -> bool {
    word_could_be(&read_name_word(a), &fold(b))
}

#[derive(Debug, Clone, PartialEq)]
enum NameWord {
    Full(String),
    Initial(char),
}

fn read_name_word(token: &str) -> NameWord {
    let letters: Vec<char> = token.chars().filter(|c| c.is_alphanumeric()).collect();
    if letters.len() == 1 {
        let f = fold(&letters[0].to_string());
        if let Some(c) = f.chars().next() {
            return NameWord::Initial(c);
        }
    }
    NameWord::Full(fold(token))
}

fn edit1(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (s, l) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match l.len() - s.len() {
        0 => {
            let diff: Vec<usize> = (0..s.len()).filter(|&i| s[i] != l[i]).collect();
            diff.len() == 1
                || (diff.len() == 2
                    && diff[1] == diff[0] + 1
                    && s[diff[0]] == l[diff[1]]
                    && s[diff[1]] == l[diff[0]])
        }
        1 => {
            let mut i = 0;
            while i < s.len() && s[i] == l[i] {
                i += 1;
            }
            s[i..] == l[i + 1..]
        }
        _ => false,
    }
}

fn word_could_be(lead: &NameWord, row: &str) -> bool {
    match lead {
        NameWord::Initial(c) => row.starts_with(*c),
        NameWord::Full(f) => {
            f == row || (f.chars().count() >= 4 && row.chars().count() >= 4 && edit1(f, row))
        }
    }
}

fn split_names(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || "-,/()\"".contains(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
}

/// Prefix reading of a street.
#[derive(Debug, Clone, PartialEq)]
enum Prefix {
    None,
    Full(usize),
    /// An abbreviation: the prefixes it may stand for (a one-letter one may be an initial).
    Abbrev(Vec<usize>),
}

#[derive(Debug, Clone, PartialEq)]
struct StreetReading {
    prefix: Prefix,
    rest: Vec<String>,
}

impl StreetReading {
    fn key(&self) -> String {
        let n = self.rest.len();
        self.rest[n.saturating_sub(2)..].join(" ")
    }
}

fn ending(word: &str) -> String {
    let w = word.to_lowercase();
    for (tails, to) in [
        (&["veien", "vegen", "veg", "vei"][..], "vei"),
        (&["gata", "gaten", "gate"][..], "gate"),
    ] {
        for t in tails {
            if let Some(stem) = w.strip_suffix(t) {
                return format!("{stem}{to}");
            }
        }
    }
    w
}

fn read_street(words: &[&str]) -> Option<StreetReading> {
    let mut prefix = Prefix::None;
    let mut rest_words = words;
    if let Some(first) = words.first() {
        // Folded, so that `OVRE`, `Ovre` (æ/ø/å lost) and `Øvre` are one word.
        let bare = fold(first);
        if let Some(i) = PREFIXES.iter().position(|p| fold(p.0) == bare) {
            prefix = Prefix::Full(i);
            rest_words = &words[1..];
        } else {
            let set: Vec<usize> = PREFIXES
                .iter()
                .enumerate()
                .filter(|(_, p)| p.1.iter().any(|a| fold(a) == bare))
                .map(|(i, _)| i)
                .collect();
            if !set.is_empty() {
                prefix = Prefix::Abbrev(set);
                rest_words = &words[1..];
            }
        }
    }
    let rest: Vec<String> = rest_words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphanumeric()).count() > 1)
        .map(|w| fold(&ending(w)))
        .filter(|w| !w.is_empty())
        .collect();
    (!rest.is_empty()).then_some(StreetReading { prefix, rest })
}

fn streets_could_be(lead: &StreetReading, row: &StreetReading) -> bool {
    let prefix_ok = match (&lead.prefix, &row.prefix) {
        (Prefix::Full(a), Prefix::Full(b)) => a == b,
        (Prefix::Abbrev(set), Prefix::Full(b)) | (Prefix::Full(b), Prefix::Abbrev(set)) => {
            set.contains(b)
        }
        _ => true,
    };
    if !prefix_ok {
        return false;
    }
    let (s, l) = if lead.rest.len() <= row.rest.len() {
        (&lead.rest, &row.rest)
    } else {
        (&row.rest, &lead.rest)
    };
    s == l || (s.len() >= 2 && l.ends_with(s))
}

/// The identity of a street name, for keeping a town's streets apart.
pub(super) fn street_identity(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match read_street(&words) {
        Some(r) => format!("{:?}|{}", r.prefix, r.rest.join(" ")),
        None => name.to_owned(),
    }
}

fn is_bolignummer(t: &str) -> bool {
    let c: Vec<char> = t.chars().collect();
    c.len() == 5 && "HUKLhukl".contains(c[0]) && c[1..].iter().all(char::is_ascii_digit)
}

/// A number token (`12`, `12B`, `12b`, `12-B`): number and letter.
fn number_token(t: &str, ocr: bool) -> Option<(u32, Option<char>)> {
    let t = t.trim_matches(|c: char| c == ',' || c == ';' || c == '.');
    let mut s: String = t.to_owned();
    if ocr && t.chars().any(|c| c.is_ascii_digit()) {
        let chars: Vec<char> = t.chars().collect();
        let n = chars.len();
        s = chars
            .iter()
            .enumerate()
            .map(|(i, &c)| match c {
                // A trailing letter is the house letter, not a glyph.
                _ if i == n - 1 && n > 1 && c.is_ascii_uppercase() && !"OI".contains(c) => c,
                'l' | 'I' | '|' => '1',
                'O' | 'o' => '0',
                c => c,
            })
            .collect();
    }
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let tail = s[digits.len()..].trim_start_matches('-');
    let letter = match tail.chars().count() {
        0 => None,
        1 => {
            let c = tail.chars().next()?;
            if !c.is_ascii_alphabetic() {
                return None;
            }
            Some(c.to_ascii_uppercase())
        }
        _ => return None,
    };
    Some((digits.parse().ok()?, letter))
}

fn is_flat_word(t: &str) -> bool {
    let l = t.trim_end_matches(['.', ',', ':']).to_lowercase();
    ["leil", "leilighet", "bolig", "bolignr", "boligr"].contains(&l.as_str())
}

/// Splits `H.Raanes` into `H.` and `Raanes`.
fn split_dots(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        if c == '.' && chars.get(i + 1).is_some_and(|n| n.is_alphabetic()) {
            out.push(' ');
        }
    }
    out
}

#[derive(Debug, Default)]
struct HouseReading {
    street_words: Vec<String>,
    numbers: Vec<u32>,
    letter: Option<char>,
}

fn read_house(street: &str, number: &str, letter: &str) -> HouseReading {
    let mut h = HouseReading::default();
    let text = split_dots(street);
    let mut seen_number = false;
    for raw in text.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        let t = raw.trim();
        if t.is_empty() || is_bolignummer(t) || is_flat_word(t) {
            continue;
        }
        if let Some((n, l)) = number_token(t, false) {
            h.numbers.push(n);
            h.letter = h.letter.or(l);
            seen_number = true;
            continue;
        }
        if seen_number {
            let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.len() == 1 && t.chars().count() == 1 {
                h.letter = h.letter.or(Some(letters[0].to_ascii_uppercase()));
            }
            continue;
        }
        // A word with a number glued to its end (`Rognlia12B`).
        let cut = t.find(|c: char| c.is_ascii_digit());
        if let Some(i) = cut.filter(|&i| i >= 2)
            && let Some((n, l)) = number_token(&t[i..], false)
        {
            h.street_words.push(t[..i].to_owned());
            h.numbers.push(n);
            h.letter = h.letter.or(l);
            seen_number = true;
            continue;
        }
        h.street_words.push(t.to_owned());
    }
    for field in [number, letter] {
        for t in field.split(|c: char| c.is_whitespace() || c == ',') {
            let t = t.trim();
            if t.is_empty() || is_bolignummer(t) || is_flat_word(t) {
                continue;
            }
            if let Some((n, l)) = number_token(t, true) {
                h.numbers.push(n);
                h.letter = h.letter.or(l);
            } else if t.chars().count() == 1 && t.chars().all(char::is_alphabetic) {
                h.letter = h
                    .letter
                    .or(t.chars().next().map(|c| c.to_ascii_uppercase()));
            }
        }
    }
    h
}

fn postcode_token(t: &str) -> Option<String> {
    let mut t = t
        .trim()
        .trim_start_matches('\'')
        .trim_start_matches('=')
        .trim_matches('"');
    for tail in [".0", ",0"] {
        if let Some(s) = t.strip_suffix(tail)
            && s.chars().all(|c| c.is_ascii_digit())
        {
            t = s;
        }
    }
    let real = t.chars().filter(char::is_ascii_digit).count();
    if real < 2 {
        return None;
    }
    let mut digits = String::new();
    for c in t.chars() {
        digits.push(match c {
            '0'..='9' => c,
            'O' | 'D' | 'o' => '0',
            'l' | 'I' | 'i' | '|' => '1',
            'Z' | 'z' => '2',
            'S' | 's' => '5',
            'b' | 'G' => '6',
            'B' => '8',
            'g' => '9',
            _ => return None,
        });
    }
    match digits.len() {
        4 => Some(digits),
        3 if real == 3 => Some(format!("0{digits}")),
        _ => None,
    }
}

fn read_towns(postal: &Postal, postcode: &str, city: &str) -> Vec<u32> {
    let mut towns = Vec::new();
    for field in [postcode, city] {
        let field = field.replace(" - ", ",").replace(['(', ')', ';'], ",");
        for part in field.split(',') {
            let mut words = Vec::new();
            for t in part.split_whitespace() {
                if let Some(code) = postcode_token(t) {
                    if let Some(&town) = postal.town_of.get(&code) {
                        towns.push(town);
                    }
                } else if t.chars().any(char::is_alphabetic) {
                    words.push(t);
                }
            }
            if !words.is_empty()
                && let Some(ts) = postal.by_name.get(&fold_words(&words.join(" ")))
            {
                towns.extend(ts);
            }
        }
    }
    towns.sort_unstable();
    towns.dedup();
    towns
}

/// A lead or a row as the judge reads it.
#[derive(Debug)]
struct Reading {
    words: Vec<NameWord>,
    towns: Vec<u32>,
    street: Option<StreetReading>,
    numbers: Vec<u32>,
    letter: Option<char>,
    birth: Option<NaiveDate>,
}

fn read(q: &PersonQuery) -> Reading {
    let postal = postal();
    let words = split_names(&q.given_names)
        .chain(split_names(&q.surname))
        .map(read_name_word)
        .collect();
    let h = read_house(&q.street, &q.house_number, &q.house_letter);
    let sw: Vec<&str> = h.street_words.iter().map(String::as_str).collect();
    Reading {
        words,
        towns: read_towns(postal, &q.postcode, &q.city),
        street: read_street(&sw),
        numbers: h.numbers,
        letter: h.letter,
        birth: q.birth_date,
    }
}

struct Row {
    given: Vec<String>,
    surname: Vec<String>,
    town: Option<u32>,
    street: Option<StreetReading>,
    number: Option<u32>,
    letter: Option<char>,
    birth: Option<NaiveDate>,
}

/// The judge over one register.
pub(super) struct Judge {
    rows: Vec<Row>,
    by_house: HashMap<(u32, u32, String), Vec<u32>>,
    by_birth: HashMap<NaiveDate, Vec<u32>>,
}

impl Judge {
    /// Reads every row of `register`.
    pub(super) fn new(register: &[PersonRecord]) -> Judge {
        let postal = postal();
        let mut judge = Judge {
            rows: Vec::with_capacity(register.len()),
            by_house: HashMap::new(),
            by_birth: HashMap::new(),
        };
        for (i, r) in register.iter().enumerate() {
            let h = read_house(&r.street, &r.house_number, &r.house_letter);
            let sw: Vec<&str> = h.street_words.iter().map(String::as_str).collect();
            let row = Row {
                given: split_names(&r.given_names).map(fold).collect(),
                surname: split_names(&r.surname).map(fold).collect(),
                town: postal.town_of.get(&r.postcode).copied(),
                street: read_street(&sw),
                number: h.numbers.first().copied(),
                letter: h.letter,
                birth: r.birth_date,
            };
            if let (Some(t), Some(s), Some(n)) = (row.town, &row.street, row.number) {
                judge
                    .by_house
                    .entry((t, n, s.key()))
                    .or_default()
                    .push(i as u32);
            }
            if let Some(b) = row.birth {
                judge.by_birth.entry(b).or_default().push(i as u32);
            }
            judge.rows.push(row);
        }
        judge
    }

    fn at_house(lead: &Reading, row: &Row) -> bool {
        let (Some(town), Some(ls), Some(rs), Some(n)) =
            (row.town, &lead.street, &row.street, row.number)
        else {
            return false;
        };
        lead.towns.contains(&town)
            && lead.numbers.contains(&n)
            && streets_could_be(ls, rs)
            && match (lead.letter, row.letter) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }

    fn names_could_be(lead: &Reading, row: &Row) -> bool {
        lead.words.iter().enumerate().any(|(i, a)| {
            row.given.iter().any(|g| word_could_be(a, g))
                && lead
                    .words
                    .iter()
                    .enumerate()
                    .any(|(j, b)| i != j && row.surname.iter().any(|s| word_could_be(b, s)))
        })
    }

    fn could_be(lead: &Reading, row: &Row) -> bool {
        if !Self::names_could_be(lead, row) {
            return false;
        }
        match (lead.birth, row.birth) {
            (Some(a), Some(b)) if a != b => false,
            (Some(_), Some(_)) => true,
            _ => Self::at_house(lead, row),
        }
    }

    /// The reserved persons the lead could be.
    pub(super) fn candidates(&self, q: &PersonQuery) -> Vec<u32> {
        let lead = read(q);
        let mut out: Vec<u32> = Vec::new();
        if let Some(s) = &lead.street {
            let key = s.key();
            for &t in &lead.towns {
                for &n in &lead.numbers {
                    if let Some(rows) = self.by_house.get(&(t, n, key.clone())) {
                        out.extend(rows);
                    }
                }
            }
        }
        if let Some(rows) = lead.birth.and_then(|b| self.by_birth.get(&b)) {
            out.extend(rows);
        }
        out.sort_unstable();
        out.dedup();
        out.retain(|&r| Self::could_be(&lead, &self.rows[r as usize]));
        out
    }

    /// A corrupted lead is fair: it could be its truth and nobody else reserved.
    pub(super) fn fair_corrupted(&self, q: &PersonQuery, truth: usize) -> bool {
        self.candidates(q) == [truth as u32]
    }

    /// A look-alike is fair: it could be nobody reserved.
    pub(super) fn fair_look_alike(&self, q: &PersonQuery) -> bool {
        self.candidates(q).is_empty()
    }
}

/// The names of `list` one edit from `name` in the judge's folding that are not spellings of
/// it (`Tone`/`Tove`, `Berg`/`Berge`).
pub(super) fn one_edit_names<'a>(name: &str, list: &[&'a str]) -> Vec<&'a str> {
    let f = fold(name);
    list.iter()
        .copied()
        .filter(|n| {
            let g = fold(n);
            g != f && edit1(&g, &f)
        })
        .collect()
}
