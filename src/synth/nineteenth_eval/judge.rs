//! The fairness judge: a careful, lenient human clerk with the lead and the register. It reads
//! every lead from its fields, never from its kind.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::names::{FAMILIES, PREFIXES};
use super::places::Places;
use crate::person::{PersonQuery, PersonRecord};

/// Folds one word: case, æ/ø/å and foreign accents, `0`/`1` in a word with letters, `c`/`q`,
/// `w`, `z`, punctuation, `rn`, `th`, `ch`, `ph`, `aa`, `ae`, `oe` and doubled letters.
pub fn fold_word(w: &str) -> String {
    let has_letter = w.chars().any(char::is_alphabetic);
    let mut s = String::new();
    for c in w.chars().flat_map(char::to_lowercase) {
        let m = match c {
            'æ' | 'ä' | 'é' | 'è' | 'ê' => 'e',
            'ø' | 'ö' | 'ó' | 'ò' => 'o',
            'å' | 'á' | 'à' | 'â' => 'a',
            'ü' => 'u',
            '0' if has_letter => 'o',
            '1' if has_letter => 'l',
            'c' | 'q' => 'k',
            'w' => 'v',
            'z' => 's',
            c => c,
        };
        if m.is_alphanumeric() {
            s.push(m);
        }
    }
    for (a, b) in [
        ("rn", "m"),
        ("th", "t"),
        ("kh", "k"),
        ("ph", "f"),
        ("aa", "a"),
        ("ae", "e"),
        ("oe", "o"),
    ] {
        s = s.replace(a, b);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Folds a phrase word by word (any whitespace splits).
pub fn fold_phrase(s: &str) -> String {
    s.split_whitespace()
        .map(fold_word)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decodes `%XX` escapes and `+` of a web form; other text is returned as it is.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') && !s.contains('+') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = std::str::from_utf8(&b[i + 1..i + 3])
                .map_err(|_| ())
                .and_then(|h| u8::from_str_radix(h, 16).map_err(|_| ()))
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(if b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn families() -> &'static HashMap<String, usize> {
    static F: OnceLock<HashMap<String, usize>> = OnceLock::new();
    F.get_or_init(|| {
        let mut m = HashMap::new();
        for (i, fam) in FAMILIES.iter().enumerate() {
            for n in *fam {
                m.insert(fold_word(n), i);
            }
        }
        m
    })
}

fn prefixes() -> &'static Vec<String> {
    static P: OnceLock<Vec<String>> = OnceLock::new();
    P.get_or_init(|| PREFIXES.iter().map(|(p, _)| fold_word(p)).collect())
}

/// Whether two words differ by at most one edit (a swap of neighbours counts as one).
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return true;
    }
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > 1 {
        return false;
    }
    let mut i = 0;
    while i < n.min(m) && a[i] == b[i] {
        i += 1;
    }
    if n == m {
        if a[i + 1..] == b[i + 1..] {
            return true;
        }
        i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
    } else if n > m {
        a[i + 1..] == b[i..]
    } else {
        a[i..] == b[i + 1..]
    }
}

/// Whether two folded name words could be one person's.
pub fn words_could_be(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let f = families();
    if let (Some(x), Some(y)) = (f.get(a), f.get(b))
        && x == y
    {
        return true;
    }
    a.chars().count() >= 5 && b.chars().count() >= 5 && within_one_edit(a, b)
}

/// The folded words of a name field: web-form escapes decoded, split at whitespace and
/// punctuation, e-mail addresses and family labels dropped.
pub fn name_words(s: &str) -> Vec<String> {
    let s = percent_decode(s);
    s.split(|c: char| c.is_whitespace() || ",-/()\"<>;".contains(c))
        .filter(|w| !w.contains('@'))
        .map(fold_word)
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "fam" | "familien" | "familie"))
        .collect()
}

/// Whether any word of two name fields could be the other's.
pub fn names_could_be(a: &str, b: &str) -> bool {
    let b = name_words(b);
    name_words(a)
        .iter()
        .any(|x| b.iter().any(|y| words_could_be(x, y)))
}

/// A lead's or row's address as the clerk reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// Folded street words.
    pub street: Vec<String>,
    /// House number.
    pub number: Option<u32>,
    /// House letter, upper case, or empty.
    pub letter: String,
}

fn split_number(tok: &str) -> Option<(u32, String)> {
    let digits: String = tok.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let rest: String = tok[digits.len()..]
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    Some((digits.parse().ok()?, rest.to_uppercase()))
}

fn is_bolignummer(tok: &str) -> bool {
    let c: Vec<char> = tok.chars().collect();
    c.len() == 5
        && matches!(c[0], 'H' | 'U' | 'K' | 'L' | 'h' | 'u' | 'k' | 'l')
        && c[1..].iter().all(char::is_ascii_digit)
}

/// Reads the address of a street field and house fields.
pub fn address(street: &str, house_number: &str, house_letter: &str) -> Address {
    let s = percent_decode(street).replace([';', ','], " ");
    let mut words = Vec::new();
    let mut number = None;
    let mut letter = String::new();
    let toks: Vec<&str> = s.split_whitespace().collect();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let low = t.to_lowercase();
        if low.starts_with("tlf") || low.starts_with("mob") || low.starts_with("tel") {
            break;
        }
        if is_bolignummer(t) || t == "-" {
            i += 1;
            continue;
        }
        if let Some((n, l)) = split_number(t) {
            number = Some(n);
            letter = l;
            if letter.is_empty()
                && let Some(next) = toks.get(i + 1)
                && next.chars().count() == 1
                && next.chars().all(char::is_alphabetic)
            {
                letter = next.to_uppercase();
            }
            break;
        }
        let f = fold_word(t);
        if !f.is_empty() {
            words.push(f);
        }
        i += 1;
    }
    if number.is_none()
        && let Some((n, l)) = split_number(house_number.trim())
    {
        number = Some(n);
        letter = l;
    }
    if letter.is_empty() {
        letter = house_letter.trim().to_uppercase();
    }
    Address {
        street: words,
        number,
        letter,
    }
}

fn subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|d| d == c))
}

fn street_word_ok(l: &str, r: &str, last: bool) -> bool {
    l == r
        || (l.chars().count() >= 6 && r.chars().count() >= 6 && within_one_edit(l, r))
        || (!last
            && !l.is_empty()
            && l.len() < r.len()
            && l.chars().next() == r.chars().next()
            && subsequence(l, r))
}

/// Whether a lead's street words could be a row's.
pub fn street_could_be(lead: &[String], row: &[String]) -> bool {
    let pair = |row: &[String]| {
        lead.len() == row.len()
            && lead
                .iter()
                .zip(row)
                .enumerate()
                .all(|(i, (l, r))| street_word_ok(l, r, i + 1 == row.len()))
    };
    pair(row) || (row.len() > 1 && prefixes().contains(&row[0]) && pair(&row[1..]))
}

/// The glyph a postcode digit may be misread as, read back.
pub fn glyph_digit(c: char) -> Option<char> {
    Some(match c {
        '0'..='9' => c,
        'O' | 'o' | 'D' => '0',
        'l' | 'I' => '1',
        'Z' => '2',
        'A' => '4',
        'S' | 's' => '5',
        'b' | 'G' => '6',
        'B' => '8',
        'g' => '9',
        _ => return None,
    })
}

struct Row {
    given: Vec<String>,
    surname: Vec<String>,
    address: Address,
    town: usize,
}

/// The judge, with the register in a hash map by (town, house number).
pub struct Judge<'a> {
    register: &'a [PersonRecord],
    places: &'a Places,
    rows: Vec<Row>,
    by_house: HashMap<(usize, u32), Vec<usize>>,
}

impl<'a> Judge<'a> {
    /// Reads the register.
    pub fn new(register: &'a [PersonRecord], places: &'a Places) -> Judge<'a> {
        let mut by_house: HashMap<(usize, u32), Vec<usize>> = HashMap::new();
        let mut rows = Vec::with_capacity(register.len());
        for (i, r) in register.iter().enumerate() {
            let address = address(&r.street, &r.house_number, &r.house_letter);
            let town = places
                .towns_named(&r.city)
                .first()
                .copied()
                .unwrap_or(usize::MAX);
            if let Some(n) = address.number {
                by_house.entry((town, n)).or_default().push(i);
            }
            rows.push(Row {
                given: name_words(&r.given_names),
                surname: name_words(&r.surname),
                address,
                town,
            });
        }
        Judge {
            register,
            places,
            rows,
            by_house,
        }
    }

    /// The towns a lead's postcode (read back through the glyphs) and town field name.
    pub fn towns(&self, q: &PersonQuery) -> Vec<usize> {
        let mut out = Vec::new();
        let code: Option<String> = q.postcode.trim().chars().map(glyph_digit).collect();
        if let Some(code) = code
            && let Some(&t) = self.places.by_postcode.get(&code)
        {
            out.push(t);
        }
        for &t in self.places.towns_named(&q.city) {
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out
    }

    /// The register rows the lead could be (birth dates checked only if `birth`).
    pub fn could_be(&self, q: &PersonQuery, birth: bool) -> Vec<usize> {
        let a = address(&q.street, &q.house_number, &q.house_letter);
        let Some(n) = a.number else {
            return Vec::new();
        };
        let given = name_words(&q.given_names);
        let surname = name_words(&q.surname);
        let mut out = Vec::new();
        for t in self.towns(q) {
            for &i in self.by_house.get(&(t, n)).map(Vec::as_slice).unwrap_or(&[]) {
                let r = &self.rows[i];
                let letters = a.letter.is_empty()
                    || r.address.letter.is_empty()
                    || a.letter == r.address.letter;
                let names = given
                    .iter()
                    .any(|g| r.given.iter().any(|h| words_could_be(g, h)))
                    && surname
                        .iter()
                        .any(|g| r.surname.iter().any(|h| words_could_be(g, h)));
                let born =
                    !birth || q.birth_date.is_none() || q.birth_date == self.register[i].birth_date;
                if r.town == t
                    && letters
                    && names
                    && born
                    && street_could_be(&a.street, &r.address.street)
                    && !out.contains(&i)
                {
                    out.push(i);
                }
            }
        }
        out
    }

    /// A corrupted lead is fair if it could be its truth (birth date too) and nobody else.
    pub fn fair_corrupted(&self, q: &PersonQuery, truth: usize) -> bool {
        self.could_be(q, false) == [truth] && self.could_be(q, true) == [truth]
    }

    /// A look-alike is fair if it could be nobody reserved.
    pub fn fair_look_alike(&self, q: &PersonQuery) -> bool {
        self.could_be(q, false).is_empty()
    }
}
