//! The fairness judge: a careful, lenient human reader with the lead and the register. It reads
//! a lead afresh from its fields (whatever its kind) and says which reserved persons it could
//! be. A corrupted lead is fair if it could be its truth and nobody else; a look-alike is fair
//! if it could be nobody reserved, with and without its birth date.
//!
//! Reading rules:
//! - text: mojibake of UTF-8 read as Windows-1252 (`Ã¸`) decoded; quotes, apostrophes and
//!   semicolons dropped;
//! - names: every word of both name fields (any order); folded (case, æ/ø/å and `ae`/`oe`/`aa`,
//!   foreign accents, OCR `1`→l, `0`→o, `rn`→m, `th`/`ch`/`ck`/`c`/`ph`/`w`/`z`/`q`, doubled
//!   letters); two words could be one name if equal folded, one edit apart with four letters or
//!   more, or one is an initial of the other;
//! - place: tokens of the postcode and town fields; a token of three or four characters with
//!   two digits or more, read back through the glyph table, is a postcode if `NO.tsv` has it;
//!   the letters are a town. The lead's towns are the postcodes' towns and the named town;
//! - house: the street field split at any whitespace and commas, bolignummer tokens and lone
//!   dashes dropped, the first token starting with a digit is the number (a glued or following
//!   one-letter token its letter); else the number and letter fields. A prefix or its
//!   abbreviation as the first word is read as every prefix it stands for; one-letter words
//!   (initials) are dropped; `veien`/`vegen`/`veg` read `vei`, `gata`/`gaten` read `gate`. Two
//!   streets could be one if their prefixes do not differ and their bodies are equal, one ends
//!   the other (six letters or more), one begins the other (eight or more) or one edit apart
//!   (six or more).
//!
//! A lead could be a row if a lead word could be one of its given names and another one of its
//! surnames, and: both show a birth date and it is the same, or the lead is at the row's house
//! (one of its towns, a street that could be the row's, the number, letters equal or one missing).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::names::PREFIXES;
use super::places::Places;
use crate::person::{PersonQuery, PersonRecord};

/// Mojibake of UTF-8 read as Windows-1252, and its letter.
pub const MOJIBAKE: &[(&str, char)] = &[
    ("Ã¦", 'æ'),
    ("Ã¸", 'ø'),
    ("Ã¥", 'å'),
    ("Ã†", 'Æ'),
    ("Ã˜", 'Ø'),
    ("Ã…", 'Å'),
    ("Ã©", 'é'),
    ("Ã¶", 'ö'),
    ("Ã¤", 'ä'),
    ("Ã±", 'ñ'),
    ("Ã³", 'ó'),
    ("Ã\u{AD}", 'í'),
];

/// Decodes mojibake and drops CSV debris (quotes, apostrophes, semicolons).
pub fn clean(s: &str) -> String {
    let mut t = s.to_string();
    if t.contains('Ã') {
        for (m, c) in MOJIBAKE {
            t = t.replace(m, &c.to_string());
        }
    }
    t.chars()
        .filter(|c| !matches!(c, '"' | '\'' | ';' | '`'))
        .collect()
}

/// Folds a word for comparison (see the module documentation).
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => s.push('e'),
            'ø' | 'ö' => s.push('o'),
            'å' | 'á' | 'à' | 'â' => s.push('a'),
            'é' | 'è' | 'ê' => s.push('e'),
            'í' | 'ì' => s.push('i'),
            'ó' | 'ò' => s.push('o'),
            'ú' | 'ü' => s.push('u'),
            'ñ' => s.push('n'),
            'č' | 'ć' => s.push('c'),
            'ž' => s.push('z'),
            'š' => s.push('s'),
            'đ' => s.push('d'),
            '1' | '|' | '!' => s.push('l'),
            '0' => s.push('o'),
            c if c.is_alphabetic() => s.push(c),
            _ => {}
        }
    }
    let s = s
        .replace("ae", "e")
        .replace("oe", "o")
        .replace("aa", "a")
        .replace("rn", "m")
        .replace("th", "t")
        .replace("ch", "k")
        .replace("ck", "k")
        .replace("ph", "f")
        .replace(['c', 'q'], "k")
        .replace('w', "v")
        .replace('z', "s")
        .replace('x', "ks");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether two strings are at most one edit apart (a swap of neighbours counts as one).
pub fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        if p == a.len() {
            return true;
        }
        if a[p + 1..] == b[p + 1..] {
            return true;
        }
        p + 1 < a.len() && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..]
    } else {
        let (l, s) = if a.len() > b.len() {
            (&a, &b)
        } else {
            (&b, &a)
        };
        l[p + 1..] == s[p..]
    }
}

/// Whether two folded name words could be one name.
pub fn name_could_be(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la == 1 || lb == 1 {
        return a.chars().next() == b.chars().next();
    }
    la >= 4 && lb >= 4 && one_edit(a, b)
}

/// The folded words of a name text.
pub fn name_words(s: &str) -> Vec<String> {
    clean(s)
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | ',' | '.' | '/' | '&'))
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect()
}

/// A street as the judge reads it: the prefixes it could have and its folded body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreetKey {
    /// Indices into `PREFIXES` the street could have (empty: none written).
    pub prefixes: Vec<usize>,
    /// The folded body, types normalised.
    pub body: String,
}

/// Reads a street name (without its number).
pub fn street_key(words: &[String]) -> StreetKey {
    let mut words: Vec<String> = words
        .iter()
        .flat_map(|w| {
            // A dot inside a word ends an abbreviation glued to the next.
            let mut parts = Vec::new();
            let mut cur = String::new();
            for c in w.chars() {
                cur.push(c);
                if c == '.' {
                    parts.push(std::mem::take(&mut cur));
                }
            }
            if !cur.is_empty() {
                parts.push(cur);
            }
            parts
        })
        .collect();
    let mut prefixes = Vec::new();
    if let Some(first) = words.first() {
        let f = first.to_lowercase();
        let bare = f.trim_end_matches('.');
        for (i, (full, abbr, _)) in PREFIXES.iter().enumerate() {
            let hit = bare == full.to_lowercase()
                || abbr.iter().any(|a| {
                    let a = a.to_lowercase();
                    f == a || bare == a.trim_end_matches('.')
                });
            if hit {
                prefixes.push(i);
            }
        }
        if !prefixes.is_empty() {
            words.remove(0);
        }
    }
    let mut body: String = words
        .iter()
        .map(|w| fold(w))
        .filter(|w| w.chars().count() > 1)
        .collect();
    for (from, to) in [
        ("veien", "vei"),
        ("vegen", "vei"),
        ("veg", "vei"),
        ("gata", "gate"),
        ("gaten", "gate"),
    ] {
        if body.ends_with(from) {
            body.truncate(body.len() - from.len());
            body.push_str(to);
            break;
        }
    }
    StreetKey { prefixes, body }
}

/// Whether two read streets could be one.
pub fn street_could_be(a: &StreetKey, b: &StreetKey) -> bool {
    if !a.prefixes.is_empty()
        && !b.prefixes.is_empty()
        && !a.prefixes.iter().any(|p| b.prefixes.contains(p))
    {
        return false;
    }
    let (x, y) = (&a.body, &b.body);
    if x == y {
        return true;
    }
    let (lx, ly) = (x.chars().count(), y.chars().count());
    let short = lx.min(ly);
    (short >= 6 && (x.ends_with(y.as_str()) || y.ends_with(x.as_str())))
        || (short >= 8 && (x.starts_with(y.as_str()) || y.starts_with(x.as_str())))
        || (short >= 6 && one_edit(x, y))
}

/// A house as the judge reads it from a lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadHouse {
    /// The street.
    pub street: StreetKey,
    /// The number.
    pub number: u32,
    /// The letter, lower case.
    pub letter: Option<char>,
}

fn is_bolignummer(t: &str) -> bool {
    let c: Vec<char> = t.chars().collect();
    c.len() == 5
        && matches!(c[0].to_ascii_uppercase(), 'H' | 'U' | 'K' | 'L')
        && c[1..].iter().all(char::is_ascii_digit)
}

/// Reads a number token (`12`, `12B`, `12.0`): the number and a glued letter.
fn read_number(t: &str) -> Option<(u32, Option<char>)> {
    let t = t.strip_suffix(".0").unwrap_or(t);
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let n: u32 = digits.parse().ok()?;
    let rest: Vec<char> = t[digits.len()..].chars().filter(|c| *c != '-').collect();
    match rest.as_slice() {
        [] => Some((n, None)),
        [c] if c.is_alphabetic() => Some((n, c.to_lowercase().next())),
        _ => None,
    }
}

/// Reads the house of a lead.
pub fn read_house(q: &PersonQuery) -> Option<ReadHouse> {
    let street = clean(&q.street);
    let tokens: Vec<&str> = street
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty() && *t != "-" && !is_bolignummer(t))
        .collect();
    let pos = tokens
        .iter()
        .position(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    let (words, number, mut letter) = match pos {
        Some(i) => {
            let (n, mut l) = read_number(tokens[i])?;
            let mut rest = &tokens[i + 1..];
            if l.is_none()
                && let Some(t) = rest.first()
                && t.chars().count() == 1
                && t.chars().all(char::is_alphabetic)
            {
                l = t.to_lowercase().chars().next();
                rest = &rest[1..];
            }
            let words = if i == 0 { rest } else { &tokens[..i] };
            (words.to_vec(), n, l)
        }
        None => {
            let num = clean(&q.house_number);
            let nt: Vec<&str> = num
                .split_whitespace()
                .filter(|t| !is_bolignummer(t))
                .collect();
            let (n, mut l) = read_number(nt.first()?)?;
            if l.is_none()
                && let Some(t) = nt.get(1)
                && t.chars().count() == 1
            {
                l = t.to_lowercase().chars().next();
            }
            (tokens, n, l)
        }
    };
    if letter.is_none() {
        let lf = clean(&q.house_letter);
        let lf = lf.trim();
        if lf.chars().count() == 1 && lf.chars().all(char::is_alphabetic) {
            letter = lf.to_lowercase().chars().next();
        }
    }
    let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    Some(ReadHouse {
        street: street_key(&words),
        number,
        letter,
    })
}

/// Glyphs read back to digits.
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

/// The lead's towns (indices into `places.towns`).
pub fn read_towns(q: &PersonQuery, places: &Places) -> Vec<usize> {
    let mut towns = Vec::new();
    for field in [&q.postcode, &q.city] {
        let text = clean(field);
        let mut letters = Vec::new();
        for t in text.split(|c: char| c.is_whitespace() || c == ',') {
            let t = t.strip_suffix(".0").unwrap_or(t);
            let digits = t.chars().filter(char::is_ascii_digit).count();
            let n = t.chars().count();
            if digits >= 2 && (3..=4).contains(&n) {
                if let Some(code) = t.chars().map(glyph).collect::<Option<String>>() {
                    let code = format!("{code:0>4}");
                    if let Some(&town) = places.town_of_postcode.get(&code) {
                        towns.push(town);
                    }
                }
            } else if digits == 0 && !t.is_empty() {
                letters.push(t);
            }
        }
        if !letters.is_empty()
            && let Some(&town) = places.town_by_key.get(&fold(&letters.join("")))
        {
            towns.push(town);
        }
    }
    towns.sort_unstable();
    towns.dedup();
    towns
}

/// A register row as the judge keeps it.
struct Row {
    given: Vec<String>,
    surname: Vec<String>,
    town: usize,
    street: StreetKey,
    number: u32,
    letter: Option<char>,
    birth: Option<NaiveDate>,
}

/// The judge over one register.
pub struct Judge<'a> {
    places: &'a Places,
    rows: Vec<Row>,
    by_house: HashMap<(usize, u32), Vec<usize>>,
    by_birth: HashMap<NaiveDate, Vec<usize>>,
}

impl<'a> Judge<'a> {
    /// Builds the judge from the register rows alone.
    pub fn new(places: &'a Places, register: &[PersonRecord]) -> Self {
        let mut rows = Vec::with_capacity(register.len());
        let mut by_house: HashMap<(usize, u32), Vec<usize>> = HashMap::new();
        let mut by_birth: HashMap<NaiveDate, Vec<usize>> = HashMap::new();
        for (i, r) in register.iter().enumerate() {
            let q = PersonQuery::from(r);
            let house = read_house(&q);
            let town = read_towns(&q, places)
                .first()
                .copied()
                .unwrap_or(usize::MAX);
            let (street, number, letter) = match house {
                Some(h) => (h.street, h.number, h.letter),
                None => (street_key(&[]), 0, None),
            };
            by_house.entry((town, number)).or_default().push(i);
            if let Some(b) = r.birth_date {
                by_birth.entry(b).or_default().push(i);
            }
            rows.push(Row {
                given: name_words(&r.given_names),
                surname: name_words(&r.surname),
                town,
                street,
                number,
                letter,
                birth: r.birth_date,
            });
        }
        Judge {
            places,
            rows,
            by_house,
            by_birth,
        }
    }

    /// The register rows the lead could be.
    pub fn could_be(&self, q: &PersonQuery) -> Vec<usize> {
        let words: Vec<String> = name_words(&q.given_names)
            .into_iter()
            .chain(name_words(&q.surname))
            .collect();
        let house = read_house(q);
        let towns = read_towns(q, self.places);
        let mut cands: Vec<usize> = Vec::new();
        if let Some(h) = &house {
            for &t in &towns {
                if let Some(v) = self.by_house.get(&(t, h.number)) {
                    cands.extend(v);
                }
            }
        }
        if let Some(b) = q.birth_date
            && let Some(v) = self.by_birth.get(&b)
        {
            cands.extend(v);
        }
        cands.sort_unstable();
        cands.dedup();
        cands
            .into_iter()
            .filter(|&i| {
                let r = &self.rows[i];
                let names = words.iter().enumerate().any(|(gi, g)| {
                    r.given.iter().any(|rg| name_could_be(g, rg))
                        && words.iter().enumerate().any(|(si, s)| {
                            si != gi && r.surname.iter().any(|rs| name_could_be(s, rs))
                        })
                });
                if !names {
                    return false;
                }
                match (q.birth_date, r.birth) {
                    (Some(a), Some(b)) => a == b,
                    _ => house.as_ref().is_some_and(|h| {
                        towns.contains(&r.town)
                            && h.number == r.number
                            && (h.letter.is_none() || r.letter.is_none() || h.letter == r.letter)
                            && street_could_be(&h.street, &r.street)
                    }),
                }
            })
            .collect()
    }

    /// Whether `truth` is a fair label of the lead.
    pub fn fair(&self, q: &PersonQuery, truth: Option<usize>) -> bool {
        match truth {
            Some(t) => self.could_be(q) == [t],
            None => {
                let mut bare = q.clone();
                bare.birth_date = None;
                self.could_be(q).is_empty() && self.could_be(&bare).is_empty()
            }
        }
    }
}
