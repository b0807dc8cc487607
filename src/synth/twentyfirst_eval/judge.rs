//! The fairness judge: a careful, lenient clerk with the lead and the register, who reads
//! every lead from its fields alone (never from its kind).

use std::collections::{HashMap, HashSet};

use super::names;
use super::world::geo;
use crate::person::{PersonQuery, PersonRecord};

/// Folds a word for comparison: case, æ/ø/å and their stand-ins, scanner shapes (`rn`/`m`,
/// `1`/`l`, `0`/`o`), spelling letters (`th`, `ch`, `ph`, `c`, `q`, `w`, `z`, `x`), doubled
/// letters; anything else that is not a letter is dropped.
pub fn fold(s: &str) -> String {
    let mut t = String::new();
    for c in s.to_lowercase().chars() {
        match c {
            'æ' | 'ä' => t.push('e'),
            'ø' | 'ö' => t.push('o'),
            'å' => t.push('a'),
            '0' => t.push('o'),
            '1' | '|' => t.push('l'),
            'é' | 'è' => t.push('e'),
            c if c.is_alphabetic() => t.push(c),
            _ => {}
        }
    }
    for (a, b) in [
        ("ae", "e"),
        ("oe", "o"),
        ("aa", "a"),
        ("rn", "m"),
        ("th", "t"),
        ("ch", "k"),
        ("ph", "f"),
    ] {
        t = t.replace(a, b);
    }
    let mut out = String::new();
    for c in t.chars() {
        let c = match c {
            'c' | 'q' => 'k',
            'w' => 'v',
            'z' => 's',
            'x' => {
                out.push('k');
                's'
            }
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether `a` and `b` are at most one edit apart (a swap of neighbours counts).
pub fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if la == lb {
        let s = a[p + 1..] == b[p + 1..];
        let swap = p + 1 < la && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..];
        s || swap
    } else if la > lb {
        a[p + 1..] == b[p..]
    } else {
        b[p + 1..] == a[p..]
    }
}

fn family(folded: &str) -> Option<usize> {
    names::FAMILIES
        .iter()
        .position(|f| f.iter().any(|n| fold(n) == folded))
}

/// Whether two given-name words could be one name.
pub fn given_close(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    name_words_close(&a, &b, true)
}

fn name_words_close(a: &str, b: &str, families: bool) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b
        || (families && family(a).is_some() && family(a) == family(b))
        || (a.chars().count() >= 5 && b.chars().count() >= 5 && one_edit(a, b))
}

fn blanks(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_whitespace() || c == '\u{a0}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn unbracket(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The folded words of a name field (brackets and words with digits dropped).
pub fn name_words(s: &str) -> Vec<String> {
    unbracket(&blanks(s))
        .split([' ', '-', ',', '/', ';'])
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()) && !w.starts_with('#'))
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect()
}

/// A house as read: the street's folded words, the number, the letter (lower case).
#[derive(Debug, Clone, PartialEq)]
pub struct HouseRead {
    pub street: Vec<String>,
    pub number: String,
    pub letter: String,
}

fn read_number(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'l' | 'I' | '|' => '1',
            'O' | 'o' => '0',
            c => c,
        })
        .filter(char::is_ascii_digit)
        .collect()
}

fn is_bolignummer(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 5 && b"HUKLhukl".contains(&b[0]) && b[1..].iter().all(u8::is_ascii_digit)
}

fn street_words(s: &str) -> Vec<String> {
    s.split([' ', '.'])
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Reads the house of a lead.
pub fn read_house(q: &PersonQuery) -> HouseRead {
    let field = unbracket(&blanks(&q.street)).replace(" - ", ",");
    let segments: Vec<&str> = field.split([',', ';']).collect();
    let mut letter = String::new();
    // `oppgang B`, `oppg. B`, `inng. B` anywhere in the field.
    let tokens: Vec<&str> = field.split([' ', ',']).filter(|t| !t.is_empty()).collect();
    for pair in tokens.windows(2) {
        let label = fold(pair[0]);
        if ["opgang", "opg", "ing", "ingang"].contains(&label.as_str())
            && pair[1].chars().count() == 1
            && pair[1].chars().all(char::is_alphabetic)
        {
            letter = pair[1].to_lowercase();
        }
    }
    for seg in &segments {
        let toks: Vec<&str> = seg
            .split(' ')
            .filter(|t| !t.is_empty() && !is_bolignummer(t))
            .collect();
        if let Some(i) = toks
            .iter()
            .position(|t| t.chars().next().is_some_and(|c| c.is_ascii_digit()))
        {
            if i == 0 {
                continue;
            }
            let tok = toks[i];
            let digits: String = tok.chars().take_while(char::is_ascii_digit).collect();
            let rest: String = tok.chars().skip_while(char::is_ascii_digit).collect();
            if rest.chars().count() == 1 && rest.chars().all(char::is_alphabetic) {
                letter = rest.to_lowercase();
            } else if let Some(n) = toks.get(i + 1)
                && n.chars().count() == 1
                && n.chars().all(char::is_alphabetic)
            {
                letter = n.to_lowercase();
            }
            return HouseRead {
                street: street_words(&toks[..i].join(" ")),
                number: digits,
                letter,
            };
        }
    }
    let first = segments.first().copied().unwrap_or("");
    let street: Vec<&str> = first.split(' ').filter(|t| !is_bolignummer(t)).collect();
    if letter.is_empty() {
        letter = blanks(&q.house_letter).trim().to_lowercase();
    }
    let num = read_number(&q.house_number);
    let digits: String = num.chars().take_while(char::is_ascii_digit).collect();
    HouseRead {
        street: street_words(&street.join(" ")),
        number: digits,
        letter,
    }
}

fn abbreviates(short: &str, long: &str) -> bool {
    if short.len() >= long.len() || short.chars().next() != long.chars().next() {
        return false;
    }
    let mut it = long.chars();
    short.chars().all(|c| it.any(|d| d == c))
}

/// Whether a lead's street words could be a register row's.
pub fn streets_close(lead: &[String], row: &[String]) -> bool {
    if lead.is_empty() {
        return false;
    }
    if lead.concat() == row.concat() {
        return true;
    }
    let prefixes: Vec<String> = names::PREFIXES.iter().map(|(p, _)| fold(p)).collect();
    if row.len() >= 2 && prefixes.contains(&row[0]) && lead == &row[1..] {
        return true;
    }
    if lead.len() != row.len() {
        return false;
    }
    let last = row.len() - 1;
    lead.iter().zip(row).enumerate().all(|(i, (l, r))| {
        l == r
            || (i < last && abbreviates(l, r))
            || (l.chars().count() >= 6 && r.chars().count() >= 6 && one_edit(l, r))
    })
}

/// The towns a lead names: the town of its postcode (scanner glyphs read back) and its
/// town field, each only if `NO.tsv` has it.
pub fn read_towns(q: &PersonQuery) -> Vec<String> {
    let g = geo();
    let mut out = Vec::new();
    let code: String = blanks(&q.postcode)
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | ','))
        .map(|c| match c {
            'O' | 'o' | 'Ø' | 'D' => '0',
            'I' | 'l' | '|' => '1',
            'Z' => '2',
            'S' => '5',
            'b' => '6',
            'B' => '8',
            'q' | 'g' => '9',
            c => c,
        })
        .collect();
    if let Some(t) = g.code_town.get(code.as_str()) {
        out.push(fold(t));
    }
    for f in [&q.city, &q.postcode] {
        let t = fold(f);
        if !t.is_empty() && towns_folded().contains(&t) && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

fn towns_folded() -> &'static HashSet<String> {
    static T: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    T.get_or_init(|| geo().rows.iter().map(|(_, t)| fold(t)).collect())
}

/// The judge, with the register indexed by (folded town, house number).
pub struct Judge<'a> {
    register: &'a [PersonRecord],
    by_house: HashMap<(String, String), Vec<usize>>,
}

impl<'a> Judge<'a> {
    /// Indexes the register.
    pub fn new(register: &'a [PersonRecord]) -> Judge<'a> {
        let mut by_house: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (i, r) in register.iter().enumerate() {
            by_house
                .entry((fold(&r.city), r.house_number.clone()))
                .or_default()
                .push(i);
        }
        Judge { register, by_house }
    }

    /// Register rows the lead could be (birth dates ignored).
    pub fn candidates(&self, q: &PersonQuery) -> Vec<usize> {
        let house = read_house(q);
        let given = name_words(&q.given_names);
        let surname = name_words(&q.surname);
        let mut out = Vec::new();
        for town in read_towns(q) {
            let Some(rows) = self.by_house.get(&(town, house.number.clone())) else {
                continue;
            };
            for &i in rows {
                let r = &self.register[i];
                let rl = r.house_letter.to_lowercase();
                let letters = house.letter == rl || house.letter.is_empty() || rl.is_empty();
                if !letters || !streets_close(&house.street, &street_words(&r.street)) {
                    continue;
                }
                let g = name_words(&r.given_names)
                    .iter()
                    .any(|a| given.iter().any(|b| name_words_close(a, b, true)));
                let s = name_words(&r.surname)
                    .iter()
                    .any(|a| surname.iter().any(|b| name_words_close(a, b, false)));
                if g && s && !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        out
    }

    /// A corrupted lead is fair if it could be its truth (with a shown birth date) and
    /// nobody else.
    pub fn fair_corrupted(&self, q: &PersonQuery, truth: usize) -> bool {
        let c = self.candidates(q);
        let birth_ok = q
            .birth_date
            .is_none_or(|d| Some(d) == self.register[truth].birth_date);
        c == [truth] && birth_ok
    }

    /// A look-alike is fair if it could be nobody reserved.
    pub fn fair_look_alike(&self, q: &PersonQuery) -> bool {
        self.candidates(q).is_empty()
    }
}
