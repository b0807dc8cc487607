//! The fourth set's own judge of fairness: a model of a careful, lenient human reader who has
//! the lead and the register. It keeps the labels honest without the matcher: a corrupted
//! lead is kept only if no reserved person but its truth could be meant by it, a look-alike
//! only if no reserved person at all could. Lookups go through hash maps of the register
//! (by house, by birth date, by town), so judging a lead costs a few comparisons.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::names::variant_group;

/// A name or street folded the way a lenient reader reads it: lower case, æ/ø/å and their
/// ASCII spellings one way, accents dropped, the OCR confusions `rn`/`m`, `1`/`l`, `0`/`o`
/// undone, `th`/`t`, `ch`/`k`, `c`/`k`, `ph`/`f`, `w`/`v`, `z`/`s` one way, doubled letters
/// single, everything but letters dropped.
pub(super) fn fold(s: &str) -> String {
    let mut chars = s
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'æ' | 'ä' => 'e',
            'ø' | 'ö' | 'ó' | 'ò' => 'o',
            'å' | 'á' | 'à' | 'â' => 'a',
            'é' | 'è' | 'ê' => 'e',
            'ü' | 'ú' => 'u',
            'í' => 'i',
            '1' | '|' => 'l',
            '0' => 'o',
            c => c,
        })
        .filter(|c| c.is_alphabetic())
        .peekable();
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    while let Some(c) = chars.next() {
        let mut pair = |next: char| chars.next_if_eq(&next).is_some();
        let c = match c {
            'a' if pair('e') => 'e',
            'o' if pair('e') => 'o',
            'r' if pair('n') => 'm',
            't' if pair('h') => 't',
            'c' if pair('h') => 'k',
            'p' if pair('h') => 'f',
            'c' | 'q' => 'k',
            'w' => 'v',
            'z' => 's',
            c => c,
        };
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Levenshtein distance of two short strings (by chars).
pub(super) fn edits(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Splits a name field into its words (spaces, no-break spaces, hyphens).
pub(super) fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect()
}

/// One name word as the judge keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    /// Folded.
    pub key: String,
    /// Written as an abbreviation (`Chr.`, `H.`, or one letter).
    pub abbreviated: bool,
    /// The variant group of the word as written, if any.
    pub group: Option<&'static [&'static str]>,
}

impl Word {
    fn of(w: &str) -> Word {
        let key = fold(w);
        Word {
            abbreviated: w.ends_with('.') || key.chars().count() == 1,
            group: variant_group(w.trim_end_matches('.')),
            key,
        }
    }
}

/// Name words of a field.
pub(super) fn name_words(s: &str) -> Vec<Word> {
    words(s)
        .into_iter()
        .map(Word::of)
        .filter(|w| !w.key.is_empty())
        .collect()
}

/// Whether a reader could take two name words for one: equal when folded, spellings of one
/// name, one the other's abbreviation, or one edit apart in words of four letters or more.
fn word_close(a: &Word, b: &Word) -> bool {
    if a.key == b.key {
        return true;
    }
    if a.abbreviated && b.key.starts_with(&a.key) || b.abbreviated && a.key.starts_with(&b.key) {
        return true;
    }
    if let (Some(ga), Some(gb)) = (a.group, b.group)
        && std::ptr::eq(ga, gb)
    {
        return true;
    }
    let (la, lb) = (a.key.chars().count(), b.key.chars().count());
    la.min(lb) >= 4 && la.abs_diff(lb) <= 1 && edits(&a.key, &b.key) <= 1
}

/// Whether some word of `a` is close to some word of `b`.
pub(super) fn any_close(a: &[Word], b: &[Word]) -> bool {
    a.iter().any(|x| b.iter().any(|y| word_close(x, y)))
}

/// A house as a lenient reader identifies it: town, the street's lenient key, number, letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct House {
    /// Post town (index).
    pub town: usize,
    /// The street's lenient key.
    pub lkey: String,
    /// House number.
    pub number: u32,
    /// House letter (empty if none).
    pub letter: String,
}

/// What the judge reads from a lead (or a register row): names, where, birth date.
#[derive(Debug, Clone)]
pub(super) struct Reading {
    /// Given-name words.
    pub given: Vec<Word>,
    /// Surname words.
    pub surname: Vec<Word>,
    /// The house, or `None` for a post-box address.
    pub house: Option<House>,
    /// Post town (index).
    pub town: usize,
    /// Birth date given (leads) or shown (register).
    pub dob: Option<NaiveDate>,
}

impl Reading {
    /// Whether the two readings could be one person: names close, birth dates not
    /// conflicting, and the same house, or (the lead at another address or a post box) the same
    /// birth date given on both, or a post box in the register person's town.
    pub fn could_be(&self, reg: &Reading) -> bool {
        if let (Some(a), Some(b)) = (self.dob, reg.dob)
            && a != b
        {
            return false;
        }
        let place = match (&self.house, &reg.house) {
            (Some(a), Some(b))
                if a.town == b.town
                    && a.lkey == b.lkey
                    && a.number == b.number
                    && (a.letter == b.letter || a.letter.is_empty() || b.letter.is_empty()) =>
            {
                true
            }
            (None, _) if self.town == reg.town => true,
            _ => self.dob.is_some() && self.dob == reg.dob,
        };
        place && any_close(&self.given, &reg.given) && any_close(&self.surname, &reg.surname)
    }
}

/// The register, indexed for the judge.
#[derive(Debug)]
pub(super) struct Judge {
    readings: Vec<Reading>,
    by_house: HashMap<(usize, String, u32), Vec<u32>>,
    by_dob: HashMap<NaiveDate, Vec<u32>>,
    by_town: HashMap<usize, Vec<u32>>,
}

impl Judge {
    /// Indexes the readings of the register's rows (position = register index).
    pub fn new(readings: Vec<Reading>) -> Judge {
        let mut by_house: HashMap<(usize, String, u32), Vec<u32>> = HashMap::new();
        let mut by_dob: HashMap<NaiveDate, Vec<u32>> = HashMap::new();
        let mut by_town: HashMap<usize, Vec<u32>> = HashMap::new();
        for (i, r) in readings.iter().enumerate() {
            let i = u32::try_from(i).expect("fewer than 2^32 reserved persons");
            if let Some(h) = &r.house {
                by_house
                    .entry((h.town, h.lkey.clone(), h.number))
                    .or_default()
                    .push(i);
            }
            if let Some(d) = r.dob {
                by_dob.entry(d).or_default().push(i);
            }
            by_town.entry(r.town).or_default().push(i);
        }
        Judge {
            readings,
            by_house,
            by_dob,
            by_town,
        }
    }

    /// Register rows (other than `except`) the lead could be.
    pub fn candidates(&self, lead: &Reading, except: Option<usize>) -> Vec<usize> {
        let mut pool: Vec<u32> = Vec::new();
        if let Some(h) = &lead.house {
            if let Some(v) = self.by_house.get(&(h.town, h.lkey.clone(), h.number)) {
                pool.extend(v);
            }
        } else if let Some(v) = self.by_town.get(&lead.town) {
            pool.extend(v);
        }
        if let Some(d) = lead.dob
            && let Some(v) = self.by_dob.get(&d)
        {
            pool.extend(v);
        }
        pool.sort_unstable();
        pool.dedup();
        pool.into_iter()
            .map(|i| i as usize)
            .filter(|&i| Some(i) != except && lead.could_be(&self.readings[i]))
            .collect()
    }

    /// A corrupted lead is fair if its truth could be meant and nobody else reserved could.
    pub fn fair_corrupted(&self, lead: &Reading, truth: usize) -> bool {
        lead.could_be(&self.readings[truth]) && self.candidates(lead, Some(truth)).is_empty()
    }

    /// A look-alike is fair if no reserved person could be meant.
    pub fn fair_look_alike(&self, lead: &Reading) -> bool {
        self.candidates(lead, None).is_empty()
    }
}
