//! The fairness judge: a careful, lenient human reader with the register in front of them.
//!
//! It reads a lead from its fields, whatever its kind:
//!
//! - **Names**: every word of both name fields (split at whitespace, hyphens, commas and full
//!   stops; titles such as `Fru`, `Hr.`, `Dr.` dropped), folded: case; æ/ä/`ae` → e, ø/ö/`oe`
//!   → o, å/`aa` → a; OCR `1`/`|` → l, `0` → o, `rn` → m; `th` → t, `ch`/`ck`/`c`/`q` → k,
//!   `ph` → f, `w` → v, `z` → s; doubled letters single; a spelling group one name. Two words
//!   could be one name if equal folded, at most one edit apart with four letters or more (a `?`
//!   matches any letter), or one a one-letter initial of the other.
//! - **Place**: the postcode field (or a four-digit word after the house in the street field)
//!   without `N-` and whitespace, glyphs read back, is a postcode of `NO.tsv`; its town and the
//!   town field (or the words after that postcode) are the lead's towns.
//! - **House**: the street field's words up to the first number, that number and a letter (glued
//!   or a word of its own), else the number and letter fields; bolignummer (`H0404`, `h0404`,
//!   after `leil.` or `bolignr.`) dropped. A first word that is a prefix or one of its
//!   abbreviations is read as every prefix it may stand for; one-letter words (initials) are
//!   dropped; the remaining words are joined, so `Rogn veien` reads as `Rognveien`; `veien`,
//!   `vegen`, `vei`, `veg` read as one street type, `gata`, `gaten`, `gate` as another. Two
//!   streets could be one if their prefixes do not differ (a missing one does not differ) and
//!   their joined words are equal, one ends the other (six letters or more; an initial
//!   dropped), or one edit apart (six letters or more).
//!
//! A lead **could be** a row if one lead word could be one of the row's given names and another
//! one of its surnames, and: if both show a birth date, it is the same; otherwise the lead is at
//! the row's house (one of the lead's towns is the row's, its street could be the row's, the
//! number is equal, the letters equal or one missing). A corrupted lead is fair if it could be
//! its truth and nobody else reserved; a look-alike if it could be nobody reserved, also with
//! its birth date taken away.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::corruption;
use super::look_alikes;
use super::names::{PREFIXES, SPELLINGS, TITLES};
use super::places::Places;
use crate::person::{PersonQuery, PersonRecord};

/// Why a label of `kind` is fair, or `None` for a kind this set does not have.
pub fn why_fair(kind: &str) -> Option<&'static str> {
    corruption::why(kind).or_else(|| look_alikes::why(kind))
}

/// Folds a name or street word as the judge reads it.
pub fn fold(word: &str) -> String {
    let mut s = word.to_lowercase();
    for (from, to) in [
        ("æ", "e"),
        ("ä", "e"),
        ("ae", "e"),
        ("ø", "o"),
        ("ö", "o"),
        ("oe", "o"),
        ("å", "a"),
        ("aa", "a"),
        ("1", "l"),
        ("|", "l"),
        ("0", "o"),
        ("rn", "m"),
        ("th", "t"),
        ("ch", "k"),
        ("ck", "k"),
        ("ph", "f"),
        ("c", "k"),
        ("q", "k"),
        ("w", "v"),
        ("z", "s"),
        ("č", "c"),
    ] {
        s = s.replace(from, to);
    }
    let mut out = String::new();
    for c in s.chars() {
        if !c.is_alphanumeric() && c != '?' {
            continue;
        }
        if out.ends_with(c) && c != '?' {
            continue;
        }
        out.push(c);
    }
    out
}

/// A folded name word with its spelling group read as one name.
pub fn name_key(word: &str) -> String {
    static GROUPS: OnceLock<HashMap<String, String>> = OnceLock::new();
    let groups = GROUPS.get_or_init(|| {
        let mut m = HashMap::new();
        for group in SPELLINGS {
            for g in *group {
                m.insert(fold(g), fold(group[0]));
            }
        }
        m
    });
    let f = fold(word);
    groups.get(&f).cloned().unwrap_or(f)
}

/// Edit distance at most one (a neighbour swap counts as one; `?` matches anything).
fn within_one(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let eq = |x: char, y: char| x == y || x == '?' || y == '?';
    if a.len() == b.len() {
        let diffs: Vec<usize> = (0..a.len()).filter(|&i| !eq(a[i], b[i])).collect();
        return match diffs.as_slice() {
            [] | [_] => true,
            [i, j] => *j == i + 1 && eq(a[*i], b[*j]) && eq(a[*j], b[*i]),
            _ => false,
        };
    }
    let (s, l) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if l.len() != s.len() + 1 {
        return false;
    }
    let mut i = 0;
    while i < s.len() && eq(s[i], l[i]) {
        i += 1;
    }
    (i..s.len()).all(|k| eq(s[k], l[k + 1]))
}

/// Whether two name words could be one name.
pub fn could_be_name(lead: &str, row: &str) -> bool {
    let (a, b) = (name_key(lead), name_key(row));
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
    la >= 4 && lb >= 4 && within_one(&a, &b)
}

/// The words of a name field.
pub fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, '-' | ',' | '.' | '/' | '&'))
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !TITLES
                .iter()
                .any(|t| t.trim_end_matches('.').eq_ignore_ascii_case(w))
        })
        .map(str::to_string)
        .collect()
}

/// Whether the words could be a person with these given names and surname.
pub fn names_fit(words: &[String], given: &str, surname: &str) -> bool {
    let g = name_words(given);
    let s = name_words(surname);
    for (i, w) in words.iter().enumerate() {
        if !g.iter().any(|x| could_be_name(w, x)) {
            continue;
        }
        for (j, v) in words.iter().enumerate() {
            if i != j && v.chars().count() > 1 && s.iter().any(|x| could_be_name(v, x)) {
                return true;
            }
        }
    }
    false
}

/// A street as the judge reads it: the prefixes it may have (empty: none written) and its
/// joined, folded words with the street type normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreetKey {
    /// Indices into `PREFIXES`.
    pub prefixes: Vec<usize>,
    /// The joined words.
    pub body: String,
    /// Whether an initial was dropped.
    pub initial: bool,
}

/// Reads a street name (words only, no number).
pub fn street_key(words: &[&str]) -> StreetKey {
    let mut parts: Vec<String> = Vec::new();
    for w in words {
        for p in w.split('.') {
            if !p.is_empty() {
                parts.push(p.to_string());
            }
        }
    }
    let mut prefixes = Vec::new();
    if let Some(first) = words.first() {
        let f = first.to_lowercase();
        for (i, (full, abbr, _)) in PREFIXES.iter().enumerate() {
            let hit = full.to_lowercase() == f
                || abbr
                    .iter()
                    .any(|a| a.to_lowercase() == f || a.trim_end_matches('.').to_lowercase() == f);
            if hit {
                prefixes.push(i);
            }
        }
        // A dotted abbreviation glued to the name (`Ø.Svanegata`).
        if prefixes.is_empty() {
            for (i, (_, abbr, _)) in PREFIXES.iter().enumerate() {
                if abbr
                    .iter()
                    .any(|a| a.ends_with('.') && f.starts_with(&a.to_lowercase()))
                {
                    prefixes.push(i);
                }
            }
        }
    }
    let skip = if prefixes.is_empty() { 0 } else { 1 };
    let mut initial = false;
    let mut body = String::new();
    let rest: Vec<String> = if skip == 1 {
        // Drop the prefix word (or its glued abbreviation).
        let first = words.first().map(|w| w.to_string()).unwrap_or_default();
        let mut v: Vec<String> = Vec::new();
        if let Some(pos) = first.find('.') {
            let tail = &first[pos + 1..];
            if !tail.is_empty() {
                v.push(tail.to_string());
            }
        }
        v.extend(
            words
                .iter()
                .skip(1)
                .flat_map(|w| w.split('.'))
                .filter(|p| !p.is_empty())
                .map(str::to_string),
        );
        v
    } else {
        parts
    };
    for p in &rest {
        if p.chars().count() == 1 {
            initial = true;
            continue;
        }
        body.push_str(&fold(p));
    }
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
    StreetKey {
        prefixes,
        body,
        initial,
    }
}

/// Whether a lead's street could be a row's.
pub fn streets_fit(lead: &StreetKey, row: &StreetKey) -> bool {
    if !lead.prefixes.is_empty()
        && !row.prefixes.is_empty()
        && !lead.prefixes.iter().any(|p| row.prefixes.contains(p))
    {
        return false;
    }
    let (a, b) = (&lead.body, &row.body);
    if a.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let long = a.chars().count() >= 6 && b.chars().count() >= 6;
    long && (a.ends_with(b.as_str()) || b.ends_with(a.as_str()) || within_one(a, b))
}

/// A bolignummer or its label.
fn is_bolig(token: &str) -> bool {
    let t = token.trim_matches(|c| c == '(' || c == ')' || c == ',');
    let lower = t.to_lowercase();
    if matches!(
        lower.as_str(),
        "leil." | "leil" | "bolignr." | "bolignr" | "bnr."
    ) {
        return true;
    }
    let mut cs = t.chars();
    matches!(cs.next(), Some('H' | 'U' | 'K' | 'h' | 'u' | 'k'))
        && t.len() == 5
        && cs.all(|c| c.is_ascii_digit())
}

/// A lead's address as read.
#[derive(Debug, Clone)]
pub struct ReadAddress {
    /// The street.
    pub street: StreetKey,
    /// The house number.
    pub number: Option<u32>,
    /// The letter, upper case, if any.
    pub letter: Option<char>,
    /// Postcodes read (valid ones).
    pub postcode: Option<String>,
    /// Town words read from the street field.
    pub town_in_street: Option<String>,
}

/// Splits `12B`/`12` into number and letter.
fn number_letter(tok: &str) -> Option<(u32, Option<char>)> {
    let digits: String = tok.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let n = digits.parse().ok()?;
    let rest: Vec<char> = tok[digits.len()..]
        .chars()
        .filter(|c| *c != '-' && *c != ',')
        .collect();
    match rest.as_slice() {
        [] => Some((n, None)),
        [c] if c.is_alphabetic() => Some((n, Some(c.to_ascii_uppercase()))),
        _ => Some((n, None)),
    }
}

/// Reads the street, number, letter and any postcode and town in the street field.
pub fn read_address(q: &PersonQuery) -> ReadAddress {
    let tokens: Vec<&str> = q
        .street
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .filter(|t| !is_bolig(t))
        .collect();
    let first_num = tokens
        .iter()
        .position(|t| t.chars().next().is_some_and(|c| c.is_ascii_digit()));
    let mut number = None;
    let mut letter = None;
    let mut postcode = None;
    let mut town = None;
    let words: Vec<&str> = match first_num {
        Some(i) => {
            if let Some((n, l)) = number_letter(tokens[i]) {
                number = Some(n);
                letter = l;
            }
            let mut j = i + 1;
            if letter.is_none()
                && let Some(t) = tokens.get(j)
                && t.chars().count() == 1
                && t.chars().all(char::is_alphabetic)
            {
                letter = t.chars().next().map(|c| c.to_ascii_uppercase());
                j += 1;
            }
            if let Some(t) = tokens.get(j)
                && t.len() == 4
                && t.chars().all(|c| c.is_ascii_digit())
            {
                postcode = Some(t.to_string());
                let rest: Vec<&str> = tokens[j + 1..].to_vec();
                if !rest.is_empty() {
                    town = Some(rest.join(" "));
                }
            }
            tokens[..i].to_vec()
        }
        None => tokens,
    };
    if number.is_none() {
        let nt: Vec<&str> = q
            .house_number
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| !t.is_empty() && !is_bolig(t))
            .collect();
        if let Some(t) = nt.first()
            && let Some((n, l)) = number_letter(t)
        {
            number = Some(n);
            letter = l;
            if letter.is_none()
                && let Some(t) = nt.get(1)
                && t.chars().count() == 1
            {
                letter = t.chars().next().map(|c| c.to_ascii_uppercase());
            }
        }
    }
    if letter.is_none() {
        letter = q
            .house_letter
            .trim()
            .chars()
            .next()
            .map(|c| c.to_ascii_uppercase());
    }
    ReadAddress {
        street: street_key(&words),
        number,
        letter,
        postcode,
        town_in_street: town,
    }
}

/// Reads a postcode field: `N-`/`NO-` and whitespace dropped, glyphs read back.
pub fn read_postcode(s: &str) -> Option<String> {
    let mut t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    for p in ["NO-", "N-", "no-", "n-"] {
        if let Some(rest) = t.strip_prefix(p) {
            t = rest.to_string();
        }
    }
    let out: String = t
        .chars()
        .map(|c| match c {
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
            c => c,
        })
        .collect();
    (out.len() == 4 && out.chars().all(|c| c.is_ascii_digit())).then_some(out)
}

/// The judge over a register.
pub struct Judge<'a> {
    register: &'a [PersonRecord],
    places: &'a Places,
    by_house: HashMap<(String, u32), Vec<usize>>,
    by_birth: HashMap<NaiveDate, Vec<usize>>,
    streets: Vec<StreetKey>,
}

impl<'a> Judge<'a> {
    /// A judge of leads against `register`.
    pub fn new(register: &'a [PersonRecord], places: &'a Places) -> Judge<'a> {
        let mut by_house: HashMap<(String, u32), Vec<usize>> = HashMap::new();
        let mut by_birth: HashMap<NaiveDate, Vec<usize>> = HashMap::new();
        let mut streets = Vec::with_capacity(register.len());
        for (i, r) in register.iter().enumerate() {
            let q = PersonQuery::from(r);
            let a = read_address(&q);
            if let Some(n) = a.number {
                by_house
                    .entry((r.city.to_uppercase(), n))
                    .or_default()
                    .push(i);
            }
            if let Some(d) = r.birth_date {
                by_birth.entry(d).or_default().push(i);
            }
            streets.push(a.street);
        }
        Judge {
            register,
            places,
            by_house,
            by_birth,
            streets,
        }
    }

    /// The reserved rows the lead could be.
    pub fn candidates(&self, q: &PersonQuery) -> Vec<usize> {
        let a = read_address(q);
        let mut towns: Vec<String> = Vec::new();
        for pc in [read_postcode(&q.postcode), a.postcode.clone()]
            .into_iter()
            .flatten()
        {
            if let Some(t) = self.places.town_of(&pc) {
                towns.push(t.to_uppercase());
            }
        }
        for t in [Some(q.city.clone()), a.town_in_street.clone()]
            .into_iter()
            .flatten()
        {
            let t = t.trim().to_uppercase();
            if !t.is_empty() {
                towns.push(t);
            }
        }
        let words = {
            let mut w = name_words(&q.given_names);
            w.extend(name_words(&q.surname));
            w
        };
        let mut pool: Vec<usize> = Vec::new();
        if let Some(n) = a.number {
            for t in &towns {
                if let Some(v) = self.by_house.get(&(t.clone(), n)) {
                    pool.extend(v);
                }
            }
        }
        if let Some(d) = q.birth_date
            && let Some(v) = self.by_birth.get(&d)
        {
            pool.extend(v);
        }
        pool.sort_unstable();
        pool.dedup();
        pool.into_iter()
            .filter(|&i| {
                let r = &self.register[i];
                if let (Some(x), Some(y)) = (q.birth_date, r.birth_date) {
                    return x == y && names_fit(&words, &r.given_names, &r.surname);
                }
                if !towns.contains(&r.city.to_uppercase())
                    || !streets_fit(&a.street, &self.streets[i])
                    || !names_fit(&words, &r.given_names, &r.surname)
                {
                    return false;
                }
                let rl = r
                    .house_letter
                    .trim()
                    .chars()
                    .next()
                    .map(|c| c.to_ascii_uppercase())
                    .or_else(|| read_address(&PersonQuery::from(r)).letter);
                towns.contains(&r.city.to_uppercase())
                    && streets_fit(&a.street, &self.streets[i])
                    && match (a.letter, rl) {
                        (Some(x), Some(y)) => x == y,
                        _ => true,
                    }
            })
            .collect()
    }

    /// Whether the label is fair (`None`) or why not.
    pub fn refuse(&self, q: &PersonQuery, truth: Option<usize>) -> Option<String> {
        let c = self.candidates(q);
        match truth {
            Some(t) => {
                if c != [t] {
                    return Some(format!("could be {c:?}, truth {t}"));
                }
                None
            }
            None => {
                if !c.is_empty() {
                    return Some(format!("look-alike could be {c:?}"));
                }
                if q.birth_date.is_some() {
                    let mut bare = q.clone();
                    bare.birth_date = None;
                    let c = self.candidates(&bare);
                    if !c.is_empty() {
                        return Some(format!("without its birth date could be {c:?}"));
                    }
                }
                None
            }
        }
    }
}
