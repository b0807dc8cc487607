//! The fairness judge of the fifteenth set: a careful, lenient clerk who reads a lead's fields
//! (never its kind) and says which reserved persons it could be.

use std::collections::{HashMap, HashSet};

use super::names::{FAMILIES, PREFIXES};
use super::places::Places;
use crate::person::{PersonQuery, PersonRecord};

/// Folds one word: case, æ/ø/å and their Swedish and Danish forms, `aa`/`ae`/`oe`, OCR
/// `1`→`l` and `rn`→`m`, `th`/`ch`/`c`/`ph`/`w`/`z`/`x`, doubled letters single.
pub fn fold_word(w: &str) -> String {
    let lower: String = w
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'æ' | 'ä' | 'é' => Some('e'),
            'ø' | 'ö' => Some('o'),
            'å' | 'á' | 'à' => Some('a'),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect();
    let has_letter = lower.chars().any(char::is_alphabetic);
    let mut s: String = lower
        .chars()
        .map(|c| if c == '1' && has_letter { 'l' } else { c })
        .collect();
    for (from, to) in [
        ("rn", "m"),
        ("th", "t"),
        ("ch", "k"),
        ("ph", "f"),
        ("c", "k"),
        ("w", "v"),
        ("z", "s"),
        ("x", "ks"),
        ("ae", "e"),
        ("oe", "o"),
    ] {
        s = s.replace(from, to);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Words of a field: no-break spaces, tabs and commas are spaces; a run of three or more
/// one-letter words (block letters read box by box) is one word.
pub fn words(field: &str) -> Vec<String> {
    let raw: Vec<&str> = field
        .split(|c: char| c.is_whitespace() || c == ',' || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let mut j = i;
        while j < raw.len() && raw[j].chars().count() == 1 {
            j += 1;
        }
        if j - i >= 3 {
            out.push(raw[i..j].concat());
            i = j;
        } else {
            out.push(raw[i].to_owned());
            i += 1;
        }
    }
    out
}

/// Whether `a` and `b` are one edit apart (substitution, insertion, deletion or a swap of
/// neighbours).
pub fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return false;
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

fn near(a: &str, b: &str, min: usize) -> bool {
    a == b || (a.chars().count() >= min && b.chars().count() >= min && one_edit(a, b))
}

/// A lead's or row's fields as the clerk reads them.
#[derive(Debug, Clone)]
struct Read {
    given: Vec<String>,
    surname: Vec<String>,
    street: Vec<String>,
    number: Option<u32>,
    letter: String,
}

fn is_bolignummer(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    c.len() == 5 && "HUKLhukl".contains(c[0]) && c[1..].iter().all(char::is_ascii_digit)
}

fn number_and_letter(token: &str) -> (Option<u32>, String) {
    let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
    let rest: String = token[digits.len()..]
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    (digits.parse().ok(), rest.to_lowercase())
}

/// The street words, house number and letter of a lead.
fn house(q: &PersonQuery) -> (Vec<String>, Option<u32>, String) {
    let tokens: Vec<String> = words(&q.street)
        .into_iter()
        .filter(|w| !is_bolignummer(w) && w != "-")
        .collect();
    if let Some(at) = tokens
        .iter()
        .position(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        let (n, mut letter) = number_and_letter(&tokens[at]);
        if letter.is_empty()
            && let Some(next) = tokens.get(at + 1)
            && next.chars().count() == 1
        {
            letter = next.to_lowercase();
        }
        return (tokens[..at].to_vec(), n, letter);
    }
    let (n, mut letter) = number_and_letter(q.house_number.trim());
    if letter.is_empty() {
        letter = q.house_letter.trim().to_lowercase();
    }
    (tokens, n, letter)
}

fn read(q: &PersonQuery, families: &HashMap<String, String>) -> Read {
    let fam = |w: String| families.get(&w).cloned().unwrap_or(w);
    let (street, number, letter) = house(q);
    Read {
        given: words(&q.given_names)
            .iter()
            .map(|w| fam(fold_word(w)))
            .collect(),
        surname: words(&q.surname).iter().map(|w| fold_word(w)).collect(),
        street: street.iter().map(|w| fold_word(w)).collect(),
        number,
        letter,
    }
}

/// The clerk with the register and the geography.
#[derive(Debug)]
pub struct Judge {
    rows: Vec<Read>,
    births: Vec<Option<chrono::NaiveDate>>,
    by_house: HashMap<(usize, u32), Vec<usize>>,
    families: HashMap<String, String>,
    prefixes: HashMap<String, Vec<usize>>,
    full_prefixes: HashMap<String, usize>,
    towns_by_name: HashMap<String, usize>,
    towns_by_code: HashMap<String, usize>,
}

/// Folds a town's name.
pub fn fold_town(t: &str) -> String {
    words(t)
        .iter()
        .map(|w| fold_word(w))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Judge {
    /// A judge of `register` in `places`.
    pub fn new(register: &[PersonRecord], places: &Places) -> Judge {
        let mut families = HashMap::new();
        for f in FAMILIES {
            for v in *f {
                families.insert(fold_word(v), fold_word(f[0]));
            }
        }
        let mut prefixes: HashMap<String, Vec<usize>> = HashMap::new();
        let mut full_prefixes = HashMap::new();
        for (i, (full, shorts)) in PREFIXES.iter().enumerate() {
            full_prefixes.insert(fold_word(full), i);
            for s in shorts.iter().chain([full]) {
                prefixes.entry(fold_word(s)).or_default().push(i);
            }
        }
        let towns_by_name = places
            .towns
            .iter()
            .enumerate()
            .map(|(i, t)| (fold_town(&t.name), i))
            .collect();
        let mut j = Judge {
            rows: Vec::new(),
            births: Vec::new(),
            by_house: HashMap::new(),
            families,
            prefixes,
            full_prefixes,
            towns_by_name,
            towns_by_code: places.by_postcode.clone(),
        };
        for (i, r) in register.iter().enumerate() {
            let q = PersonQuery::from(r);
            let row = read(&q, &j.families);
            if let (Some(n), Some(&t)) = (row.number, j.towns_by_code.get(&r.postcode)) {
                j.by_house.entry((t, n)).or_default().push(i);
            }
            j.rows.push(row);
            j.births.push(r.birth_date);
        }
        j
    }

    /// The towns a lead could be in: its postcode's (also read back from glyphs) and its
    /// town field's.
    pub fn towns(&self, q: &PersonQuery) -> HashSet<usize> {
        let mut out = HashSet::new();
        let code = q.postcode.trim();
        let read_back: String = code
            .chars()
            .map(|c| match c {
                'O' | 'o' | 'D' => '0',
                'l' | 'I' | 'i' => '1',
                'Z' | 'z' => '2',
                'A' => '4',
                'S' | 's' => '5',
                'b' | 'G' => '6',
                'B' => '8',
                'g' | 'q' => '9',
                c => c,
            })
            .collect();
        for c in [code.to_owned(), read_back] {
            if let Some(&t) = self.towns_by_code.get(&c) {
                out.insert(t);
            }
        }
        if let Some(&t) = self.towns_by_name.get(&fold_town(&q.city)) {
            out.insert(t);
        }
        out
    }

    fn streets_fit(&self, lead: &[String], row: &[String]) -> bool {
        let pairwise = |a: &[String], b: &[String]| {
            a.len() == b.len()
                && a.iter().zip(b).all(|(x, y)| {
                    near(x, y, 6) || (x.chars().count() == 1 && y.starts_with(x.as_str()))
                })
        };
        if pairwise(lead, row) {
            return true;
        }
        let row_prefix = row.first().and_then(|w| self.full_prefixes.get(w));
        let lead_prefix = lead.first().and_then(|w| self.prefixes.get(w));
        match (lead_prefix, row_prefix) {
            (Some(set), Some(rp)) => set.contains(rp) && pairwise(&lead[1..], &row[1..]),
            (_, Some(_)) => pairwise(lead, &row[1..]),
            _ => false,
        }
    }

    fn names_fit(a: &[String], b: &[String]) -> bool {
        a.iter().any(|x| b.iter().any(|y| near(x, y, 4)))
    }

    /// Whether the lead could be register row `i`; a shown birth date must be the row's if
    /// `use_birth` is set.
    #[cfg(test)]
    pub fn could_be(&self, q: &PersonQuery, i: usize, use_birth: bool) -> bool {
        let lead = read(q, &self.families);
        self.fits(&lead, q, i, use_birth)
    }

    fn fits(&self, lead: &Read, q: &PersonQuery, i: usize, use_birth: bool) -> bool {
        let row = &self.rows[i];
        Self::names_fit(&lead.given, &row.given)
            && Self::names_fit(&lead.surname, &row.surname)
            && lead.number.is_some()
            && lead.number == row.number
            && (lead.letter.is_empty() || row.letter.is_empty() || lead.letter == row.letter)
            && self.streets_fit(&lead.street, &row.street)
            && (!use_birth || q.birth_date.is_none() || q.birth_date == self.birth(i))
    }

    fn birth(&self, i: usize) -> Option<chrono::NaiveDate> {
        self.births.get(i).copied().flatten()
    }

    /// The reserved persons the lead could be (birth dates ignored when `use_birth` is off).
    pub fn candidates(&self, q: &PersonQuery, use_birth: bool) -> Vec<usize> {
        let lead = read(q, &self.families);
        let Some(n) = lead.number else {
            return Vec::new();
        };
        let mut out: Vec<usize> = self
            .towns(q)
            .into_iter()
            .filter_map(|t| self.by_house.get(&(t, n)))
            .flatten()
            .copied()
            .filter(|&i| self.fits(&lead, q, i, use_birth))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// A corrupted lead is fair if it could be its truth (birth date heeded) and, birth dates
    /// ignored, nobody else reserved.
    pub fn fair_corrupted(&self, q: &PersonQuery, truth: usize) -> bool {
        self.candidates(q, true).contains(&truth) && self.candidates(q, false) == vec![truth]
    }

    /// A look-alike is fair if it could be nobody reserved, birth dates ignored.
    pub fn fair_look_alike(&self, q: &PersonQuery) -> bool {
        self.candidates(q, false).is_empty()
    }
}
