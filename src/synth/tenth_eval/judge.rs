//! The fairness judge: a careful, lenient human reader with the lead's text and the register.
//!
//! It reads every lead again from its fields, whatever its kind:
//!
//! - **Text**: HTML entities (`&oslash;`, `&#248;`) decoded; combining marks (a decomposed
//!   `å`) dropped.
//! - **Names**: every word of both name fields in any order, split at whitespace, hyphens,
//!   commas, full stops and slashes; titles dropped. Folding: case; æ/ä/`ae` → e, ø/ö/`oe` → o,
//!   å/`aa` → a; OCR `1`/`|`/`!` → l, `0` → o, `rn` → m; `th`, `ch`, `ck`, `ph`, `c`, `q`,
//!   `w`, `z`, `x`; doubled letters; other punctuation dropped. Two words could be one name
//!   if equal folded, one edit apart (a swap of neighbours counts as one) with four letters
//!   or more each, or one an initial of the other.
//! - **Place**: the postcode field without whitespace, a trailing `.0` (a spreadsheet float)
//!   and with glyphs read back (`O` → 0, `l` → 1, …), left-padded to four digits, is a
//!   postcode if `NO.tsv` has it; the town field is a town. The lead's towns are both.
//! - **House**: the street field split at whitespace (any, also no-break spaces and tabs) and
//!   commas; a bolignummer (`H0404`) and dashes dropped; the first token starting with a digit
//!   is the number (a letter glued or as the next one-letter token); the street is the words
//!   before it (or after it, when the number comes first). Without a number in the street
//!   field, the number and letter fields. A first street word that is a prefix or an
//!   abbreviation of one reads as every prefix it can stand for; one-letter words (initials)
//!   are dropped; the rest is folded and joined (`Blåbær veien` = `Blåbærveien`) and a final
//!   `veien`/`vegen`/`veg` reads as `vei`, `gata`/`gaten` as `gate`. Two streets could be one
//!   if their prefixes do not differ (a missing one does not differ) and their bodies are
//!   equal, one ends the other (four letters or more), or they are one edit apart (six or
//!   more).
//!
//! A lead **could be** a row if one lead word could be one of the row's given names and
//! another one of its surnames, and: if both show a birth date, they are equal; otherwise the
//! lead is at the row's house (one of its towns, a street that could be the row's, its
//! number, the letters equal or one missing). A corrupted lead is fair if it could be its
//! truth and nobody else; a look-alike if it could be nobody, with and without its birth date.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::names::{PREFIXES, TITLES};
use super::places::town_maps;
use crate::person::{PersonQuery, PersonRecord};

/// HTML entities of the Norwegian letters, as web scrapes leave them.
pub const ENTITIES: &[(&str, char)] = &[
    ("&aelig;", 'æ'),
    ("&AElig;", 'Æ'),
    ("&oslash;", 'ø'),
    ("&Oslash;", 'Ø'),
    ("&aring;", 'å'),
    ("&Aring;", 'Å'),
    ("&#230;", 'æ'),
    ("&#198;", 'Æ'),
    ("&#248;", 'ø'),
    ("&#216;", 'Ø'),
    ("&#229;", 'å'),
    ("&#197;", 'Å'),
    ("&amp;", '&'),
];

/// `s` with the HTML entities of [`ENTITIES`] decoded.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = s.to_owned();
    for (e, c) in ENTITIES {
        if out.contains(e) {
            out = out.replace(e, &c.to_string());
        }
    }
    out
}

/// A name or street word folded as the judge reads it.
pub fn fold_name(s: &str) -> String {
    let mut a = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            '\u{300}'..='\u{36f}' => {}
            'æ' | 'ä' | 'é' | 'è' | 'ê' => a.push('e'),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => a.push('o'),
            'å' | 'á' | 'à' | 'ă' | 'â' => a.push('a'),
            'ü' | 'ú' => a.push('u'),
            'ş' => a.push('s'),
            'ç' => a.push('c'),
            'ğ' => a.push('g'),
            'ı' | 'í' | 'ï' => a.push('i'),
            '1' | '|' | '!' => a.push('l'),
            '0' => a.push('o'),
            'a'..='z' => a.push(c),
            _ => {}
        }
    }
    for (from, to) in [
        ("rn", "m"),
        ("aa", "a"),
        ("ae", "e"),
        ("oe", "o"),
        ("th", "t"),
        ("ch", "k"),
        ("ck", "k"),
        ("ph", "f"),
        ("c", "k"),
        ("q", "k"),
        ("w", "v"),
        ("z", "s"),
        ("x", "ks"),
    ] {
        if a.contains(from) {
            a = a.replace(from, to);
        }
    }
    let mut out = String::with_capacity(a.len());
    for c in a.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether two folded words are at most one edit apart (a neighbour swap counts as one).
pub fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if la == lb {
        let suf = a[pre..]
            .iter()
            .rev()
            .zip(b[pre..].iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        let diff = la - pre - suf;
        return diff == 1 || (diff == 2 && a[pre] == b[pre + 1] && a[pre + 1] == b[pre]);
    }
    let (s, l) = if la < lb { (&a, &b) } else { (&b, &a) };
    s[pre..] == l[pre + 1..]
}

/// Whether two folded name words could be one name.
pub fn names_could_be_one(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    if a.chars().count() == 1 || b.chars().count() == 1 {
        return a.chars().next() == b.chars().next();
    }
    a.chars().count() >= 4 && b.chars().count() >= 4 && one_edit(a, b)
}

/// The folded words of name fields (titles dropped).
pub fn name_words(fields: &[&str]) -> Vec<String> {
    let titles: Vec<String> = TITLES.iter().map(|t| fold_name(t)).collect();
    let mut out = Vec::new();
    for f in fields {
        let f = decode_entities(f);
        for w in f.split(|c: char| c.is_whitespace() || "-,./&".contains(c)) {
            let w = fold_name(w);
            if !w.is_empty() && !titles.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// How the judge reads a street name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreetReading {
    /// Bit `i` set if the prefix could be [`PREFIXES`]`[i]`; 0 if there is none.
    pub prefixes: u16,
    /// The folded, joined words but the prefix and initials, with the ending normalised.
    pub body: String,
}

/// The prefixes a folded first word can stand for (0 if none).
fn prefix_mask(folded: &str) -> u16 {
    let mut mask = 0u16;
    for (i, p) in PREFIXES.iter().enumerate() {
        if fold_name(p.word) == folded || p.short.iter().any(|s| fold_name(s) == folded) {
            mask |= 1 << i;
        }
    }
    mask
}

/// Reads a street name from its words (no number among them).
pub fn read_street(tokens: &[&str]) -> StreetReading {
    let mut words: Vec<String> = Vec::new();
    for t in tokens {
        let t = decode_entities(t);
        // A dot inside a word ends an abbreviation glued to the next (`Ø.Svanegata`).
        let mut rest = t.as_str();
        while let Some(i) = rest.find('.') {
            let (head, tail) = rest.split_at(i + 1);
            words.push(head.to_owned());
            rest = tail;
        }
        if !rest.is_empty() {
            words.push(rest.to_owned());
        }
    }
    let folded: Vec<String> = words
        .iter()
        .map(|w| fold_name(w))
        .filter(|w| !w.is_empty())
        .collect();
    let mut prefixes = 0;
    let mut start = 0;
    if folded.len() > 1 {
        prefixes = prefix_mask(&folded[0]);
        if prefixes != 0 {
            start = 1;
        }
    }
    let mut body: String = folded[start.min(folded.len())..]
        .iter()
        .filter(|w| w.chars().count() > 1)
        .map(String::as_str)
        .collect();
    for (end, to) in [
        ("veien", "vei"),
        ("vegen", "vei"),
        ("veg", "vei"),
        ("gaten", "gate"),
        ("gata", "gate"),
    ] {
        if let Some(stem) = body.strip_suffix(end) {
            body = format!("{stem}{to}");
            break;
        }
    }
    StreetReading { prefixes, body }
}

/// Reads a whole street name written as text.
pub fn read_street_text(s: &str) -> StreetReading {
    let tokens: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',').collect();
    read_street(&tokens)
}

/// Whether the judge could read two streets as one.
pub fn streets_could_be_one(a: &StreetReading, b: &StreetReading) -> bool {
    if a.prefixes != 0 && b.prefixes != 0 && a.prefixes & b.prefixes == 0 {
        return false;
    }
    if a.body.is_empty() || b.body.is_empty() {
        return false;
    }
    let (la, lb) = (a.body.chars().count(), b.body.chars().count());
    a.body == b.body
        || (la.min(lb) >= 4 && (a.body.ends_with(&b.body) || b.body.ends_with(&a.body)))
        || (la.min(lb) >= 6 && one_edit(&a.body, &b.body))
}

/// A house as read: street, number, letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HouseReading {
    /// The street.
    pub street: StreetReading,
    /// The house number.
    pub number: u32,
    /// The house letter, lower case.
    pub letter: Option<char>,
}

/// Whether a token is a bolignummer (`H0404`, `u0101`).
fn is_bolignummer(t: &str) -> bool {
    let mut c = t.chars();
    matches!(
        c.next(),
        Some('H' | 'U' | 'K' | 'L' | 'h' | 'u' | 'k' | 'l')
    ) && t.len() == 5
        && c.all(|d| d.is_ascii_digit())
}

/// The number and glued letter of a token starting with a digit (`12`, `12B`, `12.0`).
fn number_of(t: &str) -> Option<(u32, Option<char>)> {
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let n = digits.parse().ok()?;
    let rest = t[digits.len()..].trim_start_matches(['-', ' ']);
    let rest = rest.strip_prefix(".0").unwrap_or(rest);
    let mut r = rest.chars();
    let letter = match (r.next(), r.next()) {
        (Some(c), None) if c.is_alphabetic() => Some(c.to_lowercase().next().unwrap_or(c)),
        _ => None,
    };
    Some((n, letter))
}

/// A one-letter token as a house letter.
fn letter_of(t: &str) -> Option<char> {
    let mut c = t.chars();
    match (c.next(), c.next()) {
        (Some(l), None) if l.is_alphabetic() => Some(l.to_lowercase().next().unwrap_or(l)),
        _ => None,
    }
}

/// Reads the house from street, number and letter fields.
pub fn read_house(street: &str, number: &str, letter: &str) -> Option<HouseReading> {
    let tokens: Vec<&str> = street
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty() && !is_bolignummer(t) && *t != "-")
        .collect();
    let first_number = tokens
        .iter()
        .position(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    let letter_field = || {
        let l = letter.trim();
        if is_bolignummer(l) {
            None
        } else {
            letter_of(l)
        }
    };
    match first_number {
        Some(k) => {
            let (n, glued) = number_of(tokens[k])?;
            let mut after = k + 1;
            let mut letter = glued;
            if letter.is_none()
                && let Some(l) = tokens.get(after).and_then(|t| letter_of(t))
            {
                letter = Some(l);
                after += 1;
            }
            let letter = letter.or_else(letter_field);
            let words = if k == 0 {
                &tokens[after..]
            } else {
                &tokens[..k]
            };
            if words.is_empty() {
                return None;
            }
            Some(HouseReading {
                street: read_street(words),
                number: n,
                letter,
            })
        }
        None => {
            if tokens.is_empty() {
                return None;
            }
            let ntoks: Vec<&str> = number
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|t| !t.is_empty() && !is_bolignummer(t))
                .collect();
            let (n, glued) = number_of(ntoks.first()?)?;
            let letter = glued
                .or_else(|| ntoks.get(1).and_then(|t| letter_of(t)))
                .or_else(letter_field);
            Some(HouseReading {
                street: read_street(&tokens),
                number: n,
                letter,
            })
        }
    }
}

/// Glyphs a postcode digit can be misread as, read back.
fn glyph_digit(c: char) -> Option<char> {
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

/// The postcode a postcode field could be, read back.
pub fn read_postcode(field: &str) -> Option<String> {
    let s: String = field.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.strip_suffix(".0").unwrap_or(&s);
    if s.is_empty() || s.chars().count() > 4 {
        return None;
    }
    let digits: Option<String> = s.chars().map(glyph_digit).collect();
    let digits = digits?;
    if digits.len() < 3 {
        return None;
    }
    Some(format!("{digits:0>4}"))
}

/// A register row or a lead as the judge reads it.
#[derive(Debug, Clone)]
struct Reading {
    given: Vec<String>,
    surname: Vec<String>,
    towns: Vec<usize>,
    house: Option<HouseReading>,
    birth: Option<NaiveDate>,
}

/// The judge over one register.
#[derive(Debug)]
pub struct Judge {
    by_postcode: HashMap<String, usize>,
    by_town_name: HashMap<String, Vec<usize>>,
    rows: Vec<Reading>,
    by_house: HashMap<(usize, u32), Vec<usize>>,
    by_birth: HashMap<NaiveDate, Vec<usize>>,
}

impl Judge {
    /// The judge over `register`.
    pub fn new(register: &[PersonRecord]) -> Judge {
        let maps = town_maps();
        let mut judge = Judge {
            by_postcode: maps.by_postcode,
            by_town_name: maps.by_name,
            rows: Vec::with_capacity(register.len()),
            by_house: HashMap::new(),
            by_birth: HashMap::new(),
        };
        for (i, r) in register.iter().enumerate() {
            let reading = Reading {
                given: name_words(&[&r.given_names]),
                surname: name_words(&[&r.surname]),
                towns: judge.towns(&r.postcode, &r.city),
                house: read_house(&r.street, &r.house_number, &r.house_letter),
                birth: r.birth_date,
            };
            if let Some(h) = &reading.house {
                for &t in &reading.towns {
                    judge.by_house.entry((t, h.number)).or_default().push(i);
                }
            }
            if let Some(b) = reading.birth {
                judge.by_birth.entry(b).or_default().push(i);
            }
            judge.rows.push(reading);
        }
        judge
    }

    /// The towns a postcode and a town field point at.
    fn towns(&self, postcode: &str, city: &str) -> Vec<usize> {
        let mut out = Vec::new();
        if let Some(t) = read_postcode(postcode).and_then(|p| self.by_postcode.get(&p)) {
            out.push(*t);
        }
        if let Some(ts) = self.by_town_name.get(&fold_name(&decode_entities(city))) {
            out.extend(ts.iter().filter(|t| !out.contains(t)).collect::<Vec<_>>());
        }
        out
    }

    /// The register rows the lead could be.
    pub fn matches(&self, q: &PersonQuery) -> Vec<usize> {
        let words = name_words(&[&q.given_names, &q.surname]);
        let lead = Reading {
            given: Vec::new(),
            surname: Vec::new(),
            towns: self.towns(&q.postcode, &q.city),
            house: read_house(&q.street, &q.house_number, &q.house_letter),
            birth: q.birth_date,
        };
        let mut candidates: Vec<usize> = Vec::new();
        if let Some(h) = &lead.house {
            for t in &lead.towns {
                if let Some(rows) = self.by_house.get(&(*t, h.number)) {
                    candidates.extend(rows);
                }
            }
        }
        if let Some(rows) = lead.birth.and_then(|b| self.by_birth.get(&b)) {
            candidates.extend(rows);
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter(|&i| could_be(&words, &lead, &self.rows[i]))
            .collect()
    }

    /// Whether a corrupted lead is fair: it could be its truth and nobody else.
    pub fn fair_truth(&self, q: &PersonQuery, truth: usize) -> bool {
        self.matches(q) == [truth]
    }

    /// Whether a look-alike is fair: it could be nobody, with and without its birth date.
    pub fn fair_none(&self, q: &PersonQuery) -> bool {
        if !self.matches(q).is_empty() {
            return false;
        }
        let mut bare = q.clone();
        bare.birth_date = None;
        self.matches(&bare).is_empty()
    }
}

/// Whether lead `words` could name a row: one word a given name, another a surname.
fn names_fit(words: &[String], row: &Reading) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        row.given.iter().any(|g| names_could_be_one(w, g))
            && words
                .iter()
                .enumerate()
                .any(|(j, v)| j != i && row.surname.iter().any(|s| names_could_be_one(v, s)))
    })
}

/// Whether the lead could be the row.
fn could_be(words: &[String], lead: &Reading, row: &Reading) -> bool {
    if !names_fit(words, row) {
        return false;
    }
    if let (Some(a), Some(b)) = (lead.birth, row.birth) {
        return a == b;
    }
    let (Some(lh), Some(rh)) = (&lead.house, &row.house) else {
        return false;
    };
    lead.towns.iter().any(|t| row.towns.contains(t))
        && lh.number == rh.number
        && (lh.letter.is_none() || rh.letter.is_none() || lh.letter == rh.letter)
        && streets_could_be_one(&lh.street, &rh.street)
}
