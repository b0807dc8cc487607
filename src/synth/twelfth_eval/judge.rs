//! The fairness judge: a careful, lenient human reader with the lead's text and the register.
//!
//! It reads every lead again from its fields, whatever its kind:
//! - **names**: the words of both name fields (split at anything not a letter or digit, and
//!   each two neighbouring words joined as well), folded (case, accents, æ/ø/å and
//!   `ae`/`oe`/`aa`, `ð`/`þ`, OCR `1` → `l` and `rn` → `m`, `th`/`ch`/`ph`/`ck`/`c`/`w`/`z`/`q`/`x`,
//!   doubled letters) and read through the spelling families; two words could be one name if
//!   equal, one edit apart with four letters or more each, or one is the other's initial;
//! - **place**: postcode tokens read back through a glyph table and looked up in `NO.tsv`,
//!   the town field's letters folded and looked up; the lead's towns are all of these;
//! - **house**: the street field without parentheses, `//` notes, `c/o` names and bolignummer
//!   tokens; the first token beginning with a digit is the number (its letter glued or next),
//!   else the number and letter fields; the street's first word read as every prefix it can
//!   abbreviate, initials dropped, `veien`/`vegen`/`veg` → `vei`, `gata`/`gaten` → `gate`.
//!
//! A lead *could be* a row if one lead word could be a given name of the row and one its
//! surname, and: if both show a birth date, it is the same (or its day and month swapped);
//! otherwise the lead is at the row's house. A corrupted lead is fair if it could be its truth
//! and nobody else reserved; a look-alike if it could be nobody reserved, with and without its
//! birth date.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::names;
use super::places::Places;
use crate::person::{PersonQuery, PersonRecord};

/// Folds a word or phrase for comparison (letters and digits only).
pub fn fold(s: &str) -> String {
    let mut a = String::with_capacity(s.len());
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        for l in c.to_lowercase() {
            match l {
                'æ' | 'ä' => a.push('e'),
                'ø' | 'ö' => a.push('o'),
                'ð' => a.push('d'),
                'þ' => a.push_str("th"),
                '1' | '|' => a.push('l'),
                c if c.is_alphanumeric() => a.push(c),
                _ => {}
            }
        }
    }
    let a = a
        .replace("ae", "e")
        .replace("oe", "o")
        .replace("rn", "m")
        .replace("th", "t")
        .replace("ch", "k")
        .replace("ph", "f")
        .replace("ck", "k");
    let mut out = String::with_capacity(a.len());
    let mut last = None;
    for c in a.chars() {
        let c = match c {
            'c' | 'q' => 'k',
            'w' => 'v',
            'z' => 's',
            'x' => 'k',
            c => c,
        };
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

fn spelling_table() -> &'static HashMap<String, String> {
    static T: OnceLock<HashMap<String, String>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = HashMap::new();
        for family in names::SPELLINGS {
            let canon = fold(family[0]);
            for w in *family {
                t.insert(fold(w), canon.clone());
            }
        }
        t
    })
}

/// A name word folded and read through the spelling families.
pub fn name_key(word: &str) -> String {
    let f = fold(word);
    spelling_table().get(&f).cloned().unwrap_or(f)
}

/// The words of name fields, keyed, with each two neighbours joined as well.
pub fn name_words(fields: &[&str]) -> Vec<String> {
    let raw: Vec<&str> = fields
        .iter()
        .flat_map(|f| f.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<String> = raw.iter().map(|w| name_key(w)).collect();
    for pair in raw.windows(2) {
        out.push(name_key(&format!("{}{}", pair[0], pair[1])));
    }
    out.retain(|w| !w.is_empty());
    out
}

fn one_edit(a: &[char], b: &[char]) -> bool {
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return diff.len() == 1
            || (diff.len() == 2
                && diff[1] == diff[0] + 1
                && a[diff[0]] == b[diff[1]]
                && a[diff[1]] == b[diff[0]]);
    }
    let (s, l) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if l.len() != s.len() + 1 {
        return false;
    }
    let mut i = 0;
    while i < s.len() && s[i] == l[i] {
        i += 1;
    }
    s[i..] == l[i + 1..]
}

/// Whether two keyed name words could be one name.
pub fn words_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if ac.len() == 1 || bc.len() == 1 {
        return ac.first() == bc.first();
    }
    ac.len() >= 4 && bc.len() >= 4 && one_edit(&ac, &bc)
}

/// Whether any word of `a` could be any word of `b`.
pub fn any_match(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.iter().any(|y| words_match(x, y)))
}

/// A street as the judge reads it: the prefixes its first word can stand for (a bit each;
/// none = no prefix) and its folded body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreetKey {
    /// Bit `i` set: the street may carry prefix `i` of [`names::PREFIXES`].
    pub prefixes: u8,
    /// The folded name without prefix and initials, its type ending normalised.
    pub body: String,
}

fn prefix_table() -> &'static HashMap<String, u8> {
    static T: OnceLock<HashMap<String, u8>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: HashMap<String, u8> = HashMap::new();
        for (i, (word, _, abbrs)) in names::PREFIXES.iter().enumerate() {
            for w in std::iter::once(word).chain(abbrs.iter()) {
                *t.entry(fold(w)).or_default() |= 1 << i;
            }
        }
        t
    })
}

/// Reads a street name (words without the house).
pub fn street_key(words: &[&str]) -> StreetKey {
    let mut words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !fold(w).is_empty())
        .collect();
    let mut prefixes = 0;
    if words.len() > 1
        && let Some(&bits) = prefix_table().get(&fold(words[0]))
    {
        prefixes = bits;
        words.remove(0);
    }
    let body: String = words
        .iter()
        .map(|w| fold(w))
        .filter(|f| f.chars().count() > 1)
        .collect();
    let mut body = body;
    for (end, to) in [
        ("veien", "vei"),
        ("vegen", "vei"),
        ("veg", "vei"),
        ("gaten", "gate"),
        ("gata", "gate"),
    ] {
        if body.len() > end.len() + 2 && body.ends_with(end) {
            body.truncate(body.len() - end.len());
            body.push_str(to);
            break;
        }
    }
    StreetKey { prefixes, body }
}

/// Whether two streets could be one.
pub fn streets_match(a: &StreetKey, b: &StreetKey) -> bool {
    if a.prefixes != 0 && b.prefixes != 0 && a.prefixes & b.prefixes == 0 {
        return false;
    }
    if a.body == b.body {
        return true;
    }
    let (ac, bc): (Vec<char>, Vec<char>) = (a.body.chars().collect(), b.body.chars().collect());
    let (s, l) = if ac.len() <= bc.len() {
        (&ac, &bc)
    } else {
        (&bc, &ac)
    };
    if s.len() >= 6 && (l.ends_with(s) || l.starts_with(s)) {
        return true;
    }
    s.len() >= 6 && one_edit(&ac, &bc)
}

/// A house as the judge reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct House {
    /// The street.
    pub street: StreetKey,
    /// The house number.
    pub number: u32,
    /// The house letter, upper case.
    pub letter: Option<char>,
}

fn is_bolignummer(t: &str) -> bool {
    let c: Vec<char> = t.chars().collect();
    c.len() == 5
        && matches!(c[0].to_ascii_uppercase(), 'H' | 'U' | 'K' | 'L')
        && c[1..].iter().all(char::is_ascii_digit)
}

fn clean_street_field(s: &str) -> String {
    let mut s: String = s.to_owned();
    if let Some(i) = s.find("//") {
        s.truncate(i);
    }
    // Parentheses and what they hold.
    let mut out = String::with_capacity(s.len());
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    // A c/o name: up to the next comma, or to the end.
    let lower = out.to_lowercase();
    if let Some(i) = lower.find("c/o") {
        let rest = &out[i..];
        let cut = match rest.find(',') {
            Some(j) => format!("{} {}", &out[..i], &rest[j + 1..]),
            None => out[..i].to_owned(),
        };
        out = cut;
    }
    out
}

fn split_number(t: &str) -> Option<(u32, Option<char>)> {
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let number = digits.parse().ok()?;
    let rest: Vec<char> = t[digits.len()..]
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let letter = (rest.len() == 1).then(|| rest[0].to_ascii_uppercase());
    Some((number, letter))
}

/// Reads a house from a street field, a number field and a letter field.
pub fn read_house(street: &str, number: &str, letter: &str) -> Option<House> {
    let cleaned = clean_street_field(street);
    let mut tokens: Vec<String> = Vec::new();
    for t in cleaned.split(|c: char| c.is_whitespace() || c == ',') {
        if t.is_empty() || is_bolignummer(t) || t.chars().all(|c| !c.is_alphanumeric()) {
            continue;
        }
        // A dot inside a word ends an abbreviation glued to the next.
        let mut rest = t;
        while let Some(i) = rest.find('.') {
            if i + 1 < rest.len() {
                tokens.push(rest[..=i].to_owned());
                rest = &rest[i + 1..];
            } else {
                break;
            }
        }
        tokens.push(rest.to_owned());
    }
    let at = tokens
        .iter()
        .position(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    let (words, num, mut let_): (Vec<&str>, Option<u32>, Option<char>) = match at {
        Some(i) => {
            let (n, mut l) = split_number(&tokens[i])?;
            let mut next = i + 1;
            if l.is_none()
                && let Some(t) = tokens.get(i + 1)
            {
                let t: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
                if t.len() == 1 {
                    l = Some(t[0].to_ascii_uppercase());
                    next += 1;
                }
            }
            let words: Vec<&str> = if i == 0 {
                tokens[next..].iter().map(String::as_str).collect()
            } else {
                tokens[..i].iter().map(String::as_str).collect()
            };
            (words, Some(n), l)
        }
        None => {
            let (n, l) = split_number(number.trim()).unzip();
            (tokens.iter().map(String::as_str).collect(), n, l.flatten())
        }
    };
    if let_.is_none() {
        let_ = letter
            .chars()
            .find(|c| c.is_alphabetic())
            .map(|c| c.to_ascii_uppercase());
    }
    Some(House {
        street: street_key(&words),
        number: num?,
        letter: let_,
    })
}

fn glyph(c: char) -> Option<char> {
    Some(match c {
        '0'..='9' => c,
        'O' | 'o' | 'D' | 'Q' => '0',
        'l' | 'I' | 'i' | '|' => '1',
        'Z' | 'z' => '2',
        'E' => '3',
        'A' | 'h' => '4',
        'S' | 's' => '5',
        'b' | 'G' => '6',
        'T' => '7',
        'B' => '8',
        'g' | 'q' => '9',
        _ => return None,
    })
}

/// The towns (indices into [`Places::towns`]) a lead's postcode and town fields name.
pub fn read_towns(places: &Places, postcode: &str, city: &str) -> Vec<u32> {
    let mut towns = Vec::new();
    for field in [postcode, city] {
        let mut letters = String::new();
        for t in field.split(|c: char| c.is_whitespace() || c == ',') {
            let t = t.trim_matches(|c: char| !c.is_alphanumeric());
            let t = t.strip_suffix(".0").unwrap_or(t);
            let digits = t.chars().filter(char::is_ascii_digit).count();
            let n = t.chars().count();
            if (3..=4).contains(&n) && digits >= 2 {
                if let Some(code) = t.chars().map(glyph).collect::<Option<String>>() {
                    let code = format!("{code:0>4}");
                    if let Some(town) = places.town_of(&code) {
                        towns.push(town);
                    }
                }
            } else if digits == 0 {
                letters.push_str(t);
            }
        }
        towns.extend(places.towns_named(&fold(&letters)));
    }
    towns.sort_unstable();
    towns.dedup();
    towns
}

/// A lead or row as the judge reads it.
#[derive(Debug, Clone)]
pub struct Reading {
    /// Keyed words of both name fields (for a row: the given names only).
    pub words: Vec<String>,
    /// For a row: keyed words of the surname.
    pub surname: Vec<String>,
    /// Towns.
    pub towns: Vec<u32>,
    /// House.
    pub house: Option<House>,
    /// Birth date.
    pub birth: Option<NaiveDate>,
}

/// Reads a lead.
pub fn read_lead(places: &Places, q: &PersonQuery) -> Reading {
    Reading {
        words: name_words(&[&q.given_names, &q.surname]),
        surname: Vec::new(),
        towns: read_towns(places, &q.postcode, &q.city),
        house: read_house(&q.street, &q.house_number, &q.house_letter),
        birth: q.birth_date,
    }
}

fn read_row(places: &Places, r: &PersonRecord) -> Reading {
    Reading {
        words: name_words(&[&r.given_names]),
        surname: name_words(&[&r.surname]),
        towns: read_towns(places, &r.postcode, &r.city),
        house: read_house(&r.street, &r.house_number, &r.house_letter),
        birth: r.birth_date,
    }
}

/// `d` with day and month swapped, if that is a date.
pub fn swapped(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year(), d.day(), d.month())
}

fn same_date(a: NaiveDate, b: NaiveDate) -> bool {
    a == b || swapped(a) == Some(b)
}

/// Whether a lead is at a row's house.
pub fn at_house(lead: &Reading, row: &Reading) -> bool {
    let (Some(a), Some(b)) = (&lead.house, &row.house) else {
        return false;
    };
    a.number == b.number
        && (a.letter.is_none() || b.letter.is_none() || a.letter == b.letter)
        && lead.towns.iter().any(|t| row.towns.contains(t))
        && streets_match(&a.street, &b.street)
}

/// Whether a lead could be a row.
pub fn could_be(lead: &Reading, row: &Reading) -> bool {
    if !any_match(&lead.words, &row.words) || !any_match(&lead.words, &row.surname) {
        return false;
    }
    match (lead.birth, row.birth) {
        (Some(a), Some(b)) => same_date(a, b),
        _ => at_house(lead, row),
    }
}

/// The judge over one register.
pub struct Judge<'a> {
    places: &'a Places,
    rows: Vec<Reading>,
    by_house: HashMap<(u32, u32), Vec<u32>>,
    by_date: HashMap<NaiveDate, Vec<u32>>,
}

impl<'a> Judge<'a> {
    /// Reads every row of the register.
    pub fn new(places: &'a Places, register: &[PersonRecord]) -> Judge<'a> {
        let rows: Vec<Reading> = register.iter().map(|r| read_row(places, r)).collect();
        let mut by_house: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
        let mut by_date: HashMap<NaiveDate, Vec<u32>> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            if let Some(h) = &r.house {
                for &t in &r.towns {
                    by_house.entry((t, h.number)).or_default().push(i as u32);
                }
            }
            if let Some(d) = r.birth {
                by_date.entry(d).or_default().push(i as u32);
            }
        }
        Judge {
            places,
            rows,
            by_house,
            by_date,
        }
    }

    /// The rows a lead could be.
    pub fn matches(&self, q: &PersonQuery) -> Vec<usize> {
        let lead = read_lead(self.places, q);
        let mut cands: Vec<u32> = Vec::new();
        if let Some(h) = &lead.house {
            for t in &lead.towns {
                cands.extend(self.by_house.get(&(*t, h.number)).into_iter().flatten());
            }
        }
        if let Some(d) = lead.birth {
            for d in std::iter::once(d).chain(swapped(d)) {
                cands.extend(self.by_date.get(&d).into_iter().flatten());
            }
        }
        cands.sort_unstable();
        cands.dedup();
        cands
            .into_iter()
            .filter(|&i| could_be(&lead, &self.rows[i as usize]))
            .map(|i| i as usize)
            .collect()
    }

    /// Whether a corrupted lead is fair: it could be its truth and nobody else.
    pub fn fair_corrupted(&self, q: &PersonQuery, truth: usize) -> bool {
        self.matches(q) == [truth]
    }

    /// Whether a look-alike is fair: it could be nobody, with and without its birth date.
    pub fn fair_look_alike(&self, q: &PersonQuery) -> bool {
        if !self.matches(q).is_empty() {
            return false;
        }
        let mut bare = q.clone();
        bare.birth_date = None;
        self.matches(&bare).is_empty()
    }
}
