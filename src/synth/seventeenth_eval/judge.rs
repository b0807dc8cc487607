//! The fairness judge: a careful, lenient human clerk with the lead and the register. It
//! reads a lead from its fields only, never from its kind, and register rows the same way.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::names::{FAMILIES, PREFIXES};
use super::population::Population;
use crate::person::{PersonQuery, PersonRecord};

/// Birth dates that CRM systems store for "unknown"; the clerk ignores them.
pub const PLACEHOLDER_DATES: &[(i32, u32, u32)] =
    &[(1900, 1, 1), (1901, 1, 1), (1970, 1, 1), (1899, 12, 30)];

/// Whether `d` is a placeholder birth date.
pub fn is_placeholder(d: NaiveDate) -> bool {
    PLACEHOLDER_DATES
        .iter()
        .any(|&(y, m, day)| NaiveDate::from_ymd_opt(y, m, day) == Some(d))
}

/// Folds one word: case, æ/ø/å and their look-alikes, digits in words, punctuation, digraphs,
/// doubled letters. `?` and U+FFFD stay as the wildcard `?`.
pub fn fold_word(w: &str) -> String {
    let has_letter = w.chars().any(char::is_alphabetic);
    let mut s = String::with_capacity(w.len());
    for c in w.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'æ' | 'ä' | 'é' | 'è' => 'e',
            'ø' | 'ö' => 'o',
            'å' | 'á' | 'à' => 'a',
            '\u{fffd}' => '?',
            '0' if has_letter => 'o',
            '1' if has_letter => 'l',
            c => c,
        };
        if c.is_alphanumeric() || c == '?' {
            s.push(c);
        }
    }
    for (from, to) in [
        ("rn", "m"),
        ("th", "t"),
        ("ch", "k"),
        ("ph", "f"),
        ("aa", "a"),
        ("ae", "e"),
        ("oe", "o"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mapped: &str = match c {
            'c' | 'q' => "k",
            'w' => "v",
            'z' => "s",
            'x' => "ks",
            _ => "",
        };
        let piece = if mapped.is_empty() {
            c.to_string()
        } else {
            mapped.to_string()
        };
        for p in piece.chars() {
            if !out.ends_with(p) {
                out.push(p);
            }
        }
    }
    out
}

fn families() -> &'static HashMap<String, String> {
    static F: OnceLock<HashMap<String, String>> = OnceLock::new();
    F.get_or_init(|| {
        let mut m = HashMap::new();
        for f in FAMILIES {
            let canon = fold_word(f[0]);
            for n in *f {
                m.insert(fold_word(n), canon.clone());
            }
        }
        m
    })
}

/// Folds a name word and maps it to its spelling family.
pub fn fold_name(w: &str) -> String {
    let f = fold_word(w);
    families().get(&f).cloned().unwrap_or(f)
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
    let mut i = 0;
    while i < la.min(lb) && a[i] == b[i] {
        i += 1;
    }
    if la == lb {
        (a[i + 1..] == b[i + 1..])
            || (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..])
    } else if la > lb {
        a[i + 1..] == b[i..]
    } else {
        a[i..] == b[i + 1..]
    }
}

fn wildcard(l: &str, r: &str) -> bool {
    l.contains('?')
        && l.chars().count() == r.chars().count()
        && l.chars().zip(r.chars()).all(|(x, y)| x == '?' || x == y)
}

/// Whether two folded name words could be one name.
pub fn folded_names_match(l: &str, r: &str) -> bool {
    l == r
        || wildcard(l, r)
        || wildcard(r, l)
        || (l.chars().count() >= 5 && r.chars().count() >= 5 && one_edit(l, r))
}

/// Whether two raw names could be one name.
pub fn names_could_be_one(a: &str, b: &str) -> bool {
    folded_names_match(&fold_name(a), &fold_name(b))
}

/// Name words of a field.
pub fn name_words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || ",-/()\"".contains(c))
        .map(fold_name)
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_bolignummer(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 5
        && matches!(b[0].to_ascii_uppercase(), b'H' | b'U' | b'K' | b'L')
        && b[1..].iter().all(u8::is_ascii_digit)
}

/// A house as read: street words (folded), number, letter (lower case).
#[derive(Debug, Clone, PartialEq)]
pub struct House {
    /// Folded street words.
    pub street: Vec<String>,
    /// House number.
    pub number: Option<u32>,
    /// House letter, lower case, empty if none.
    pub letter: String,
}

fn split_number(t: &str) -> (Option<u32>, String) {
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest: String = t
        .chars()
        .skip(digits.len())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    (digits.parse().ok(), rest)
}

/// Reads the house of a street field and house fields.
pub fn read_house(street: &str, number: &str, letter: &str) -> House {
    let tokens: Vec<&str> = street
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty() && *t != "-" && !is_bolignummer(t))
        .collect();
    if let Some(i) = tokens
        .iter()
        .position(|t| t.starts_with(|c: char| c.is_ascii_digit()))
    {
        let (n, mut l) = split_number(tokens[i]);
        if l.is_empty()
            && let Some(next) = tokens.get(i + 1)
            && next.chars().count() == 1
            && next.chars().all(char::is_alphabetic)
        {
            l = next.to_lowercase();
        }
        return House {
            street: tokens[..i].iter().map(|t| fold_word(t)).collect(),
            number: n,
            letter: l,
        };
    }
    let (n, mut l) = split_number(number.trim());
    if l.is_empty() {
        l = letter.trim().to_lowercase();
    }
    House {
        street: tokens
            .iter()
            .map(|t| fold_word(t))
            .filter(|w| !w.is_empty())
            .collect(),
        number: n,
        letter: l,
    }
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|d| d == c))
}

fn street_word_ok(l: &str, r: &str, last: bool) -> bool {
    if l == r || wildcard(l, r) || *l == format!("{r}s") {
        return true;
    }
    if l.chars().count() >= 6 && r.chars().count() >= 6 && one_edit(l, r) {
        return true;
    }
    !last
        && !l.is_empty()
        && l.len() < r.len()
        && l.chars().next() == r.chars().next()
        && is_subsequence(l, r)
}

fn prefix_words() -> &'static Vec<String> {
    static P: OnceLock<Vec<String>> = OnceLock::new();
    P.get_or_init(|| PREFIXES.iter().map(|p| fold_word(p.0)).collect())
}

/// Whether lead street words could be the row's.
pub fn streets_match(lead: &[String], row: &[String]) -> bool {
    let pair = |l: &[String], r: &[String]| {
        l.len() == r.len()
            && !r.is_empty()
            && l.iter()
                .zip(r)
                .enumerate()
                .all(|(i, (a, b))| street_word_ok(a, b, i + 1 == r.len()))
    };
    pair(lead, row) || (row.len() > 1 && prefix_words().contains(&row[0]) && pair(lead, &row[1..]))
}

#[derive(Debug)]
struct Row {
    given: Vec<String>,
    surname: Vec<String>,
    house: House,
    birth: Option<NaiveDate>,
}

fn row_of(r: &PersonRecord) -> Row {
    Row {
        given: name_words(&r.given_names),
        surname: name_words(&r.surname),
        house: read_house(&r.street, &r.house_number, &r.house_letter),
        birth: r.birth_date,
    }
}

/// Folds a town field.
pub fn town_key(s: &str) -> String {
    s.split_whitespace()
        .map(fold_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The glyph a postcode digit is read back from.
pub fn glyph_digit(c: char) -> char {
    match c {
        'O' | 'o' | 'D' | 'Q' => '0',
        'l' | 'I' | 'i' | '|' => '1',
        'Z' | 'z' => '2',
        'A' => '4',
        'S' | 's' => '5',
        'b' | 'G' => '6',
        'B' => '8',
        'g' | 'q' => '9',
        c => c,
    }
}

/// The clerk with the register.
#[derive(Debug)]
pub struct Judge {
    rows: Vec<Row>,
    index: HashMap<(usize, u32), Vec<usize>>,
    town_keys: Vec<String>,
    by_key: HashMap<String, Vec<usize>>,
    postcode_town: HashMap<String, usize>,
}

impl Judge {
    /// A clerk with `pop`'s register.
    pub fn new(pop: &Population) -> Judge {
        let mut index: HashMap<(usize, u32), Vec<usize>> = HashMap::new();
        let mut rows = Vec::with_capacity(pop.register.len());
        for (i, &p) in pop.register.iter().enumerate() {
            let person = &pop.persons[p];
            index
                .entry((person.town, person.number))
                .or_default()
                .push(i);
            rows.push(row_of(&pop.record(p)));
        }
        let town_keys: Vec<String> = pop.places.towns.iter().map(|t| town_key(&t.name)).collect();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, k) in town_keys.iter().enumerate() {
            by_key.entry(k.clone()).or_default().push(i);
        }
        Judge {
            rows,
            index,
            town_keys,
            by_key,
            postcode_town: pop.places.postcode_town.clone(),
        }
    }

    /// The towns a lead could be in.
    pub fn towns(&self, q: &PersonQuery) -> Vec<usize> {
        let mut out = Vec::new();
        let code: String = q
            .postcode
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(glyph_digit)
            .collect();
        if let Some(&t) = self.postcode_town.get(&code) {
            out.push(t);
        }
        let key = town_key(&q.city);
        if key.contains('?') {
            for (i, k) in self.town_keys.iter().enumerate() {
                if wildcard(&key, k) && !out.contains(&i) {
                    out.push(i);
                }
            }
        } else if let Some(ts) = self.by_key.get(&key) {
            for &t in ts {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
        out
    }

    fn could_be(&self, q: &PersonQuery, house: &House, i: usize, with_birth: bool) -> bool {
        let row = &self.rows[i];
        let given = name_words(&q.given_names);
        let surname = name_words(&q.surname);
        let names = given
            .iter()
            .any(|l| row.given.iter().any(|r| folded_names_match(l, r)))
            && surname
                .iter()
                .any(|l| row.surname.iter().any(|r| folded_names_match(l, r)));
        let letters = house.letter.is_empty()
            || row.house.letter.is_empty()
            || house.letter == row.house.letter;
        let birth = !with_birth
            || match q.birth_date {
                None => true,
                Some(d) => Some(d) == row.birth || is_placeholder(d),
            };
        names
            && letters
            && house.number == row.house.number
            && streets_match(&house.street, &row.house.street)
            && birth
    }

    /// The reserved persons the lead could be (birth dates ignored).
    pub fn candidates(&self, q: &PersonQuery) -> Vec<usize> {
        let house = read_house(&q.street, &q.house_number, &q.house_letter);
        let Some(n) = house.number else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for t in self.towns(q) {
            for &i in self.index.get(&(t, n)).map(Vec::as_slice).unwrap_or(&[]) {
                if !out.contains(&i) && self.could_be(q, &house, i, false) {
                    out.push(i);
                }
            }
        }
        out
    }

    /// Whether a corrupted lead is fair: it could be its truth (with its birth date) and
    /// nobody else reserved.
    pub fn fair_corrupted(&self, q: &PersonQuery, truth: usize) -> bool {
        let house = read_house(&q.street, &q.house_number, &q.house_letter);
        self.candidates(q) == [truth] && self.could_be(q, &house, truth, true)
    }

    /// Whether a look-alike is fair: it could be nobody reserved.
    pub fn fair_look_alike(&self, q: &PersonQuery) -> bool {
        self.candidates(q).is_empty()
    }
}
