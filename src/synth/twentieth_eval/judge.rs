//! The fairness judge: a careful, lenient clerk with the lead and the register. It reads every
//! lead from its fields, never from its kind.

use std::collections::HashMap;

use super::names::{FAMILIES, PREFIXES};
use super::world::Places;
use crate::person::{PersonQuery, PersonRecord};

/// Every odd blank a lead may carry becomes a plain space.
fn blanks(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// A field without a leading label (`Fornavn: Ola` → `Ola`), with its blanks made plain.
pub(crate) fn unlabel(s: &str) -> String {
    let s = blanks(s);
    let t = s.trim_start();
    if let Some((head, rest)) = t.split_once(':')
        && !head.is_empty()
        && head.chars().all(|c| c.is_alphabetic() || c == '.')
    {
        return rest.trim().to_string();
    }
    t.trim().to_string()
}

/// A word folded for comparison: case, æ/ø/å and their stand-ins, scanner shapes, common
/// spelling alternations, doubled letters.
pub(crate) fn fold(w: &str) -> String {
    let mut s = w.to_lowercase();
    for (a, b) in [
        ("æ", "e"),
        ("ä", "e"),
        ("ae", "e"),
        ("ø", "o"),
        ("ö", "o"),
        ("oe", "o"),
        ("å", "a"),
        ("aa", "a"),
        ("0", "o"),
        ("1", "l"),
        ("|", "l"),
        ("rn", "m"),
        ("th", "t"),
        ("ch", "k"),
        ("ph", "f"),
        ("c", "k"),
        ("q", "k"),
        ("w", "v"),
        ("z", "s"),
        ("x", "ks"),
        ("é", "e"),
    ] {
        s = s.replace(a, b);
    }
    let mut out = String::new();
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// A town name folded.
pub(crate) fn fold_town(s: &str) -> String {
    unlabel(s)
        .split_whitespace()
        .map(fold)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Edit distance with adjacent swaps, capped at 2.
fn edits(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return 2;
    }
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, v) in d[0].iter_mut().enumerate() {
        *v = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()].min(2)
}

fn family(f: &str) -> Option<usize> {
    FAMILIES
        .iter()
        .position(|fam| fam.iter().any(|n| fold(n) == f))
}

/// Two folded name words could be one.
fn word_could_be(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    if let (Some(x), Some(y)) = (family(a), family(b))
        && x == y
    {
        return true;
    }
    a.chars().count() >= 5 && b.chars().count() >= 5 && edits(a, b) <= 1
}

/// The folded words of a name field: labels, line-wrap hyphens, separators removed.
fn name_words(s: &str) -> Vec<String> {
    let s = unlabel(s).replace("- ", "");
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '/' | '(' | ')' | ';' | '"'))
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Two given-name fields share a word that could be one.
pub(crate) fn names_could_be_one(a: &str, b: &str) -> bool {
    let a = name_words(a);
    let b = name_words(b);
    a.iter().any(|x| b.iter().any(|y| word_could_be(x, y)))
}

/// A house as the clerk reads it: street words (folded, with their raw form), number, letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReadHouse {
    pub street: Vec<String>,
    pub number: String,
    pub letter: String,
}

fn glyph_digit(c: char) -> Option<char> {
    Some(match c {
        '0'..='9' => c,
        'Ø' | 'ø' | 'O' | 'o' | 'D' | 'Q' => '0',
        'I' | 'l' | '|' => '1',
        'Z' => '2',
        'A' => '4',
        'S' | 's' => '5',
        'b' | 'G' => '6',
        'T' => '7',
        'B' => '8',
        'q' | 'g' => '9',
        _ => return None,
    })
}

fn is_bolignummer(t: &str) -> bool {
    let c: Vec<char> = t
        .trim_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .collect();
    c.len() == 5
        && matches!(c[0], 'H' | 'U' | 'K' | 'L' | 'h')
        && c[1..].iter().all(|d| d.is_ascii_digit())
}

/// Splits a number token (`12`, `12B`, `l2`) into digits and a glued letter.
fn number_token(t: &str, glyphs: bool) -> Option<(String, String)> {
    let t = t.trim_matches(|c: char| c == ',' || c == '.');
    if t.is_empty() {
        return None;
    }
    let chars: Vec<char> = t.chars().collect();
    let mut digits = String::new();
    let mut i = 0;
    while i < chars.len() {
        let d = if chars[i].is_ascii_digit() {
            Some(chars[i])
        } else if glyphs && matches!(chars[i], 'l' | 'I' | '|') {
            Some('1')
        } else {
            None
        };
        match d {
            Some(d) => digits.push(d),
            None => break,
        }
        i += 1;
    }
    if digits.is_empty() || (!glyphs && !chars[0].is_ascii_digit()) {
        return None;
    }
    let rest: String = chars[i..].iter().collect();
    let rest = rest.trim_matches(|c: char| c == '-');
    if rest.chars().count() > 1 || rest.chars().any(|c| !c.is_alphabetic()) {
        return None;
    }
    Some((
        digits.trim_start_matches('0').to_string(),
        rest.to_uppercase(),
    ))
}

/// Street words of a text, split at blanks and after inner dots, apostrophes dropped.
fn street_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in s.split_whitespace() {
        let t: String = t
            .chars()
            .filter(|c| !matches!(c, '\'' | '’' | '´' | '`'))
            .collect();
        let mut cur = String::new();
        for c in t.chars() {
            cur.push(c);
            if c == '.' {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out.into_iter().filter(|w| !fold(w).is_empty()).collect()
}

/// Reads the house of a lead (or a register row).
pub(crate) fn read_house(street: &str, number: &str, letter: &str) -> Option<ReadHouse> {
    // ` - ` separates like a comma; `- ` is a line-wrap hyphen, joined.
    let s = unlabel(street)
        .replace(" - ", " , ")
        .replace("- ", "")
        .replace(';', " , ");
    // Segments at commas and dashes; the last with a number carries the house.
    let segments: Vec<Vec<&str>> = s
        .split(',')
        .map(|seg| {
            seg.split_whitespace()
                .filter(|t| !is_bolignummer(t) && *t != "-")
                .collect()
        })
        .filter(|v: &Vec<&str>| !v.is_empty())
        .collect();
    for seg in segments.iter().rev() {
        if let Some(k) = seg.iter().position(|t| number_token(t, false).is_some()) {
            let (num, mut let_) = number_token(seg[k], false)?;
            if let_.is_empty()
                && let Some(next) = seg.get(k + 1)
                && next.chars().count() == 1
                && next.chars().all(char::is_alphabetic)
            {
                let_ = next.to_uppercase();
            }
            let words = street_words(&seg[..k].join(" "));
            if words.is_empty() {
                continue;
            }
            return Some(ReadHouse {
                street: words,
                number: num,
                letter: let_,
            });
        }
    }
    // The house in its fields; the street is the whole field (a joined segment).
    let words: Vec<String> = segments
        .iter()
        .rev()
        .find(|seg| {
            seg.iter()
                .any(|t| t.chars().any(char::is_alphabetic) && t.chars().count() > 3)
        })
        .map(|seg| street_words(&seg.join(" ")))
        .unwrap_or_default();
    let (num, mut let_) = number_token(&unlabel(number).replace(' ', ""), true)?;
    let l = unlabel(letter);
    if let_.is_empty() && !l.is_empty() {
        let_ = l.to_uppercase();
    }
    if words.is_empty() {
        return None;
    }
    Some(ReadHouse {
        street: words,
        number: num,
        letter: let_,
    })
}

fn is_prefix(w: &str) -> bool {
    PREFIXES.iter().any(|(p, _)| fold(p) == fold(w))
}

/// A lead word could be a register row's street word.
fn street_word_could_be(lead: &str, row: &str, last: bool) -> bool {
    let (l, r) = (fold(lead), fold(row));
    if l == r {
        return true;
    }
    if l.chars().count() >= 6 && r.chars().count() >= 6 && edits(&l, &r) <= 1 {
        return true;
    }
    if !last && l.len() < r.len() && l.chars().next() == r.chars().next() {
        let mut it = r.chars();
        return l.chars().all(|c| it.any(|d| d == c));
    }
    false
}

/// The lead's street words could be the row's.
pub(crate) fn streets_could_be(lead: &[String], row: &[String]) -> bool {
    let pair = |row: &[String]| {
        lead.len() == row.len()
            && lead
                .iter()
                .zip(row)
                .enumerate()
                .all(|(i, (a, b))| street_word_could_be(a, b, i + 1 == row.len()))
    };
    // A compound split at a line wrap reads as one word.
    let glued_lead = fold(&lead.concat());
    let glued_row = fold(&row.concat());
    pair(row) || (row.len() > 1 && is_prefix(&row[0]) && pair(&row[1..])) || glued_lead == glued_row
}

/// The towns a lead names: by its postcode (read through scanner glyphs, separators dropped),
/// by a town written in the postcode field, and by its town field.
pub(crate) fn lead_towns(places: &Places, q: &PersonQuery) -> Vec<usize> {
    let mut out = Vec::new();
    let pc = unlabel(&q.postcode);
    let digits: Option<String> = pc
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | ','))
        .map(glyph_digit)
        .collect();
    if let Some(d) = digits
        && let Some(&t) = places.by_postcode.get(&d)
    {
        out.push(t);
    }
    for field in [&q.postcode, &q.city] {
        if let Some(ts) = places.by_fold.get(&fold_town(field)) {
            out.extend(ts.iter().copied());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The judge: the register indexed by (town, house number).
pub(crate) struct Judge<'a> {
    places: &'a Places,
    register: &'a [PersonRecord],
    rows: Vec<(usize, ReadHouse)>,
    by_house: HashMap<(usize, String), Vec<usize>>,
}

impl<'a> Judge<'a> {
    pub fn new(places: &'a Places, register: &'a [PersonRecord]) -> Judge<'a> {
        let mut rows = Vec::with_capacity(register.len());
        let mut by_house: HashMap<(usize, String), Vec<usize>> = HashMap::new();
        for (i, r) in register.iter().enumerate() {
            let town = places
                .by_postcode
                .get(&r.postcode)
                .copied()
                .unwrap_or(usize::MAX);
            let h =
                read_house(&r.street, &r.house_number, &r.house_letter).expect("register house");
            by_house
                .entry((town, h.number.clone()))
                .or_default()
                .push(i);
            rows.push((town, h));
        }
        Judge {
            places,
            register,
            rows,
            by_house,
        }
    }

    /// Whether the lead could be register row `i` (with birth dates compared if `birth`).
    pub fn could_be(&self, q: &PersonQuery, i: usize, birth: bool) -> bool {
        let r = &self.register[i];
        let Some(h) = read_house(&q.street, &q.house_number, &q.house_letter) else {
            return false;
        };
        let (town, rh) = &self.rows[i];
        if !lead_towns(self.places, q).contains(town) || h.number != rh.number {
            return false;
        }
        if !(h.letter == rh.letter || h.letter.is_empty() || rh.letter.is_empty()) {
            return false;
        }
        if !streets_could_be(&h.street, &rh.street) {
            return false;
        }
        if !names_could_be_one(&q.given_names, &r.given_names) {
            return false;
        }
        let ls = name_words(&q.surname);
        let rs = name_words(&r.surname);
        if !ls.iter().any(|a| rs.iter().any(|b| word_could_be(a, b))) {
            return false;
        }
        !(birth && q.birth_date.is_some() && q.birth_date != r.birth_date)
    }

    /// Register rows the lead could be, birth dates ignored.
    pub fn candidates(&self, q: &PersonQuery) -> Vec<usize> {
        let Some(h) = read_house(&q.street, &q.house_number, &q.house_letter) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for t in lead_towns(self.places, q) {
            if let Some(v) = self.by_house.get(&(t, h.number.clone())) {
                out.extend(v.iter().copied().filter(|&i| self.could_be(q, i, false)));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// A corrupted lead is fair: it could be its truth (birth date too) and nobody else.
    pub fn fair_corrupted(&self, q: &PersonQuery, truth: usize) -> bool {
        self.could_be(q, truth, true) && self.candidates(q).iter().all(|&i| i == truth)
    }

    /// A look-alike is fair: it could be nobody reserved.
    pub fn fair_look_alike(&self, q: &PersonQuery) -> bool {
        self.candidates(q).is_empty()
    }
}
