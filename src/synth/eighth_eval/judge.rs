//! The fairness judge: a careful, lenient human reader with the lead and the register.
//!
//! It reads a lead again from its fields, whatever its kind:
//!
//! - **Names**: every word of both name fields, split at whitespace (any kind), hyphens,
//!   commas, slashes, brackets and full stops; a one-letter word is an initial. Words are
//!   folded: case; æ/ä/`ae` → e, ø/ö/`oe` → o, å/`aa` → a; accents; OCR `1`/`|`/`!` → l,
//!   `0` → o, `rn` → m; `th`, `ch`, `ph`, `ck`, `c`, `w`, `z`, `x`, `q`; doubled letters; and
//!   this set's spelling groups as one name. Two words could be one name if equal folded, one
//!   edit apart (a swap of neighbours counts as one) with four letters or more each, or one is
//!   an initial of the other.
//! - **Place**: the postcode field without `N-`/`NO-`, without any whitespace and with
//!   look-alike glyphs read back as digits (O/o/Ø → 0, l/I/|/i → 1, Z → 2, A → 4, S/s → 5,
//!   b/G → 6, T → 7, B → 8, g/q → 9) is a postcode if it is four digits of the register of
//!   postcodes; the town field is a town. The lead's towns are both.
//! - **House**: the street field's words up to the first number, the number and a letter
//!   after it (glued or a word of its own), else the number and letter fields; bolignummer
//!   (`H0404`, `H 0404`, in brackets or after a slash) dropped. A first word that is a prefix
//!   or one of its abbreviations is read as the prefixes it can stand for; one-letter words
//!   are initials and dropped; street types (`vei`, `veg`, `veien`, `vegen`, `gate`, `gata`,
//!   `gaten`, `gt`, `vn`, `plass`, `allé`) are dropped, also from the end of a compound. Two
//!   streets could be one if their prefixes do not differ (a missing one does not differ) and
//!   their words are equal, one's words end the other's, or they are one edit apart (six
//!   letters or more).
//!
//! A lead **could be** a row if one lead word could be one of the row's given names and
//! another one of its surnames, and: if both show a birth date, it is the same; otherwise the
//! lead is at the row's house (one of its towns, the street, the number, the letters equal or
//! one missing). A corrupted lead is fair if it could be its truth and nobody else reserved; a
//! look-alike if it could be nobody reserved.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::names::{PREFIXES, SPELLINGS};
use crate::person::{PersonQuery, PersonRecord};

/// Folds a name word as the judge reads it.
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.to_lowercase().chars() {
        match c {
            'æ' | 'ä' | 'é' | 'è' | 'ê' => s.push('e'),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => s.push('o'),
            'å' | 'á' | 'à' => s.push('a'),
            'ü' | 'ú' => s.push('u'),
            'í' => s.push('i'),
            'ñ' => s.push('n'),
            'č' | 'ć' => s.push('c'),
            'ž' => s.push('z'),
            'š' => s.push('s'),
            'đ' => s.push('d'),
            '1' | '|' | '!' => s.push('l'),
            '0' => s.push('o'),
            c if c.is_alphanumeric() => s.push(c),
            _ => {}
        }
    }
    for (from, to) in [
        ("ae", "e"),
        ("oe", "o"),
        ("aa", "a"),
        ("rn", "m"),
        ("th", "t"),
        ("ch", "k"),
        ("ph", "f"),
        ("ck", "k"),
        ("c", "k"),
        ("w", "v"),
        ("z", "s"),
        ("x", "ks"),
        ("q", "k"),
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
    match spellings().get(&out) {
        Some(canonical) => canonical.clone(),
        None => out,
    }
}

fn spellings() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for group in SPELLINGS {
            let head = fold_plain(group[0]);
            for v in group.iter() {
                map.insert(fold_plain(v), head.clone());
            }
        }
        map
    })
}

/// [`fold`] without the spelling groups.
fn fold_plain(word: &str) -> String {
    // Spelling groups are looked up by this; it must not recurse into the map.
    let mut s = String::new();
    for c in word.to_lowercase().chars() {
        match c {
            'æ' | 'ä' => s.push('e'),
            'ø' | 'ö' => s.push('o'),
            'å' => s.push('a'),
            c if c.is_alphanumeric() => s.push(c),
            _ => {}
        }
    }
    for (from, to) in [
        ("ae", "e"),
        ("oe", "o"),
        ("aa", "a"),
        ("rn", "m"),
        ("th", "t"),
        ("ch", "k"),
        ("ph", "f"),
        ("ck", "k"),
        ("c", "k"),
        ("w", "v"),
        ("z", "s"),
        ("x", "ks"),
        ("q", "k"),
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

/// Edit distance of at most one (a swap of neighbours counts as one).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return true;
    }
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
            let i = (0..s.len()).find(|&i| s[i] != l[i]).unwrap_or(s.len());
            s[i..] == l[i + 1..]
        }
        _ => false,
    }
}

/// Whether two folded words could be one name.
fn folded_could_be(a: &str, b: &str) -> bool {
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
    la >= 4 && lb >= 4 && within_one_edit(a, b)
}

/// Whether two written name words could be one name.
pub fn could_be_name(a: &str, b: &str) -> bool {
    folded_could_be(&fold(a), &fold(b))
}

fn name_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "-,/().&".contains(c))
        .filter(|w| !w.is_empty())
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether any word of two persons' given names could be one name (household members must
/// not clash, so that a careful reader tells them apart).
pub fn given_names_clash(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a), name_words(b));
    a.iter().any(|x| b.iter().any(|y| folded_could_be(x, y)))
}

/// Folds a town name.
pub fn fold_town(town: &str) -> String {
    let mut s = String::new();
    for c in town.to_lowercase().chars() {
        match c {
            'æ' | 'ä' => s.push('e'),
            'ø' | 'ö' => s.push('o'),
            'å' => s.push('a'),
            c if c.is_alphanumeric() => s.push(c),
            c if c.is_whitespace() => s.push(' '),
            _ => {}
        }
    }
    let s = s.replace("ae", "e").replace("oe", "o").replace("aa", "a");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const STREET_TYPES: &[&str] = &[
    "vei", "veg", "veien", "vegen", "gate", "gata", "gaten", "gt", "vn", "vg", "plass", "alle",
];
const TYPE_ENDINGS: &[&str] = &[
    "veien", "vegen", "gaten", "gata", "gate", "vei", "veg", "gt", "vn",
];

fn is_bolig(token: &str) -> bool {
    let cs: Vec<char> = token.chars().collect();
    cs.len() == 5 && "HhUuKkLl".contains(cs[0]) && cs[1..].iter().all(|c| c.is_ascii_digit())
}

/// A house as the judge reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct House {
    /// The prefixes the street's first word can stand for (empty: none written).
    pub prefixes: Vec<usize>,
    /// Whether the prefix was written in full.
    pub prefix_full: bool,
    /// The street's words, folded, types and initials dropped.
    pub words: Vec<String>,
    /// House number.
    pub number: u32,
    /// House letter, upper case.
    pub letter: Option<char>,
}

fn tokens(text: &str) -> Vec<String> {
    let raw: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || "/,()".contains(c))
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let t = raw[i];
        if is_bolig(t) {
            i += 1;
            continue;
        }
        if t.chars().count() == 1
            && "HhUuKkLl".contains(t)
            && raw
                .get(i + 1)
                .is_some_and(|n| n.len() == 4 && n.chars().all(|c| c.is_ascii_digit()))
        {
            i += 2;
            continue;
        }
        out.push(t.to_owned());
        i += 1;
    }
    out
}

/// Number and glued letter of a token (`12`, `12B`, `12b`, `12-B`).
fn number_of(token: &str) -> Option<(u32, Option<char>)> {
    let digits: String = token.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() {
        return None;
    }
    let n = digits.parse().ok()?;
    let rest: String = token[digits.len()..]
        .chars()
        .filter(|c| *c != '-')
        .collect();
    let mut rc = rest.chars();
    match (rc.next(), rc.next()) {
        (None, _) => Some((n, None)),
        (Some(c), None) if c.is_alphabetic() => Some((n, c.to_uppercase().next())),
        _ => Some((n, None)),
    }
}

fn single_letter(token: &str) -> Option<char> {
    let mut cs = token.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) if c.is_alphabetic() => c.to_uppercase().next(),
        _ => None,
    }
}

/// Each prefix and its abbreviations, folded as towns are.
fn prefix_folds() -> &'static Vec<(String, Vec<String>)> {
    static FOLDS: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    FOLDS.get_or_init(|| {
        PREFIXES
            .iter()
            .map(|(full, abbreviations)| {
                (
                    fold_town(full),
                    abbreviations
                        .iter()
                        .map(|a| fold_town(a.trim_end_matches('.')))
                        .collect(),
                )
            })
            .collect()
    })
}

/// Every post town's name, folded.
pub fn folded_towns() -> &'static HashSet<String> {
    static TOWNS: OnceLock<HashSet<String>> = OnceLock::new();
    TOWNS.get_or_init(|| super::places::postcode_towns().into_values().collect())
}

/// The street's prefixes and words.
fn street_words(street_tokens: &[String]) -> (Vec<usize>, bool, Vec<String>) {
    let mut parts: Vec<String> = Vec::new();
    for t in street_tokens {
        // A dot ends an abbreviation or an initial, also when glued (`H.Raanes`).
        let pieces: Vec<&str> = t.split('.').collect();
        let n = pieces.len();
        for (i, p) in pieces.into_iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            let dotted = i + 1 < n;
            parts.push(if dotted {
                format!("{p}.")
            } else {
                p.to_owned()
            });
        }
    }
    let mut prefixes = Vec::new();
    let mut prefix_full = false;
    let mut start = 0;
    if let Some(first) = parts.first() {
        let f = fold_town(first.trim_end_matches('.'));
        for (i, (full, abbreviations)) in prefix_folds().iter().enumerate() {
            if *full == f {
                prefixes.push(i);
                prefix_full = true;
            } else if abbreviations.contains(&f) {
                prefixes.push(i);
            }
        }
        if !prefixes.is_empty() && parts.len() > 1 {
            start = 1;
        } else {
            prefixes.clear();
            prefix_full = false;
        }
    }
    let mut words: Vec<String> = parts[start..]
        .iter()
        .map(|p| fold(p.trim_end_matches('.')))
        .filter(|w| w.chars().count() > 1 && !STREET_TYPES.contains(&w.as_str()))
        .collect();
    if let Some(last) = words.last_mut() {
        for e in TYPE_ENDINGS {
            if last.len() >= e.len() + 3 && last.ends_with(e) {
                last.truncate(last.len() - e.len());
                break;
            }
        }
    }
    (prefixes, prefix_full, words)
}

/// The key one town's street names must differ by.
pub fn street_key(name: &str) -> String {
    let toks: Vec<String> = name.split_whitespace().map(str::to_owned).collect();
    let (p, _, w) = street_words(&toks);
    format!("{p:?}{}", w.join(" "))
}

/// Reads the house of a lead or row.
pub fn house(street: &str, number: &str, letter: &str) -> Option<House> {
    let st = tokens(street);
    let pos = st.iter().position(|t| number_of(t).is_some());
    let (street_part, number, mut let_) = match pos {
        Some(i) => {
            let (n, l) = number_of(&st[i])?;
            let l = l.or_else(|| st.get(i + 1).and_then(|t| single_letter(t)));
            (&st[..i], n, l)
        }
        None => {
            let nt = tokens(number);
            let j = nt.iter().position(|t| number_of(t).is_some())?;
            let (n, l) = number_of(&nt[j])?;
            let l = l.or_else(|| nt.get(j + 1).and_then(|t| single_letter(t)));
            (&st[..], n, l)
        }
    };
    if let_.is_none() {
        let_ = tokens(letter).first().and_then(|t| single_letter(t));
    }
    let (prefixes, prefix_full, words) = street_words(street_part);
    if words.is_empty() {
        return None;
    }
    Some(House {
        prefixes,
        prefix_full,
        words,
        number,
        letter: let_,
    })
}

fn streets_could_be(a: &House, b: &House) -> bool {
    let prefixes_ok = a.prefixes.is_empty()
        || b.prefixes.is_empty()
        || a.prefixes.iter().any(|p| b.prefixes.contains(p));
    if !prefixes_ok {
        return false;
    }
    let (s, l) = if a.words.len() <= b.words.len() {
        (&a.words, &b.words)
    } else {
        (&b.words, &a.words)
    };
    if l.ends_with(s) && s.iter().map(|w| w.chars().count()).sum::<usize>() >= 4 {
        return true;
    }
    let (x, y) = (a.words.concat(), b.words.concat());
    x.chars().count() >= 6 && y.chars().count() >= 6 && within_one_edit(&x, &y)
}

/// Reads a postcode field back: `N-`/`NO-` dropped, whitespace dropped, glyphs as digits.
pub fn read_postcode(field: &str) -> Option<String> {
    let mut f = field.trim();
    for p in ["NO-", "NO ", "N-", "N "] {
        if let Some(rest) = f.strip_prefix(p) {
            f = rest;
            break;
        }
    }
    let mut out = String::new();
    for c in f.chars() {
        let d = match c {
            c if c.is_whitespace() => continue,
            c if c.is_ascii_digit() => c,
            'O' | 'o' | 'Ø' | 'ø' => '0',
            'l' | 'I' | '|' | 'i' => '1',
            'Z' | 'z' => '2',
            'A' => '4',
            'S' | 's' => '5',
            'b' | 'G' => '6',
            'T' => '7',
            'B' => '8',
            'g' | 'q' => '9',
            _ => return None,
        };
        out.push(d);
    }
    (out.len() == 4).then_some(out)
}

/// A lead or row as the judge reads it.
#[derive(Debug, Clone)]
pub struct Reading {
    names: Vec<String>,
    given: Vec<String>,
    surnames: Vec<String>,
    towns: Vec<String>,
    house: Option<House>,
    birth: Option<NaiveDate>,
}

/// The judge over one register.
pub struct Judge {
    rows: Vec<Reading>,
    by_house: HashMap<(String, u32), Vec<usize>>,
    by_birth: HashMap<NaiveDate, Vec<usize>>,
    town_of: HashMap<String, String>,
}

impl Judge {
    /// Reads the register and the postcodes.
    pub fn new(register: &[PersonRecord], town_of: HashMap<String, String>) -> Judge {
        let mut judge = Judge {
            rows: Vec::with_capacity(register.len()),
            by_house: HashMap::new(),
            by_birth: HashMap::new(),
            town_of,
        };
        for (i, r) in register.iter().enumerate() {
            let reading = judge.read(&PersonQuery::from(r));
            if let Some(h) = &reading.house {
                for t in &reading.towns {
                    judge
                        .by_house
                        .entry((t.clone(), h.number))
                        .or_default()
                        .push(i);
                }
            }
            if let Some(b) = reading.birth {
                judge.by_birth.entry(b).or_default().push(i);
            }
            judge.rows.push(reading);
        }
        judge
    }

    /// Reads a lead.
    pub fn read(&self, q: &PersonQuery) -> Reading {
        let given = name_words(&q.given_names);
        let surnames = name_words(&q.surname);
        let mut names = given.clone();
        names.extend(surnames.iter().cloned());
        let mut towns = Vec::new();
        if let Some(t) = read_postcode(&q.postcode).and_then(|p| self.town_of.get(&p)) {
            towns.push(t.clone());
        }
        let city = fold_town(&q.city);
        if !city.is_empty() && !towns.contains(&city) {
            towns.push(city);
        }
        Reading {
            names,
            given,
            surnames,
            towns,
            house: house(&q.street, &q.house_number, &q.house_letter),
            birth: q.birth_date,
        }
    }

    fn could_be(&self, lead: &Reading, row: usize) -> bool {
        let r = &self.rows[row];
        let named = lead.names.iter().enumerate().any(|(i, a)| {
            r.given.iter().any(|g| folded_could_be(a, g))
                && lead
                    .names
                    .iter()
                    .enumerate()
                    .any(|(j, b)| j != i && r.surnames.iter().any(|s| folded_could_be(b, s)))
        });
        if !named {
            return false;
        }
        if let (Some(a), Some(b)) = (lead.birth, r.birth) {
            return a == b;
        }
        let (Some(lh), Some(rh)) = (&lead.house, &r.house) else {
            return false;
        };
        lead.towns.iter().any(|t| r.towns.contains(t))
            && lh.number == rh.number
            && (lh.letter.is_none() || rh.letter.is_none() || lh.letter == rh.letter)
            && streets_could_be(lh, rh)
    }

    /// The reserved rows the lead could be.
    pub fn could_be_rows(&self, q: &PersonQuery) -> Vec<usize> {
        let lead = self.read(q);
        let mut seen = HashSet::new();
        if let Some(h) = &lead.house {
            for t in &lead.towns {
                if let Some(rows) = self.by_house.get(&(t.clone(), h.number)) {
                    seen.extend(rows.iter().copied());
                }
            }
        }
        if let Some(b) = lead.birth
            && let Some(rows) = self.by_birth.get(&b)
        {
            seen.extend(rows.iter().copied());
        }
        let mut out: Vec<usize> = seen
            .into_iter()
            .filter(|&r| self.could_be(&lead, r))
            .collect();
        out.sort_unstable();
        out
    }

    /// `Ok` if a careful reader with the register tells the lead's label from the lead.
    pub fn verdict(&self, q: &PersonQuery, truth: Option<usize>) -> Result<(), String> {
        let rows = self.could_be_rows(q);
        match truth {
            None if rows.is_empty() => Ok(()),
            None => Err(format!("the look-alike could be reserved rows {rows:?}")),
            Some(t) if rows == [t] => Ok(()),
            Some(t) => Err(format!("truth {t}, but the lead could be rows {rows:?}")),
        }
    }
}

/// Why a kind's label is fair (`None` for a kind this set does not have).
pub fn why_fair(kind: &str) -> Option<&'static str> {
    super::corruption::WHY
        .iter()
        .chain(super::look_alikes::WHY)
        .find(|(k, _)| *k == kind)
        .map(|(_, why)| *why)
}
