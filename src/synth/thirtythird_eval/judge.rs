//! The thirty-third set's clerk judge: a careful human clerk with the lead, the register and
//! `NO.tsv`, who reads every lead from its fields (never from its kind) and decides which
//! reserved persons it could be. A corrupted lead is fair if it could be its truth and nobody
//! else; a look-alike is fair if it could be nobody reserved, and nobody reserved anywhere has
//! a name it could be and a birth date it shows.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::names;
use super::world::tsv_rows;
use crate::person::{PersonQuery, PersonRecord};

/// Numeric character references (`&#248;`, `&#xF8;`) read as their letters, as an XML export
/// written in ASCII leaves them; anything else kept.
pub fn decode_ncr(s: &str) -> String {
    if !s.contains("&#") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 2..];
        let decoded = tail.find(';').and_then(|end| {
            let body = &tail[..end];
            let code = match body.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => body.parse::<u32>().ok()?,
            };
            Some((char::from_u32(code)?, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push_str("&#");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A word's key: numeric references decoded, lower case (a Turkish dotted `İ` and dotless
/// `ı` read as `i`), `æ ø å` as `ae oe aa`, accents dropped, only letters and digits kept.
pub fn fold(s: &str) -> String {
    let s = decode_ncr(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'İ' | 'ı' => 'i',
            c => c,
        };
        for c in c.to_lowercase() {
            match c {
                'æ' => out.push_str("ae"),
                'ø' => out.push_str("oe"),
                'å' => out.push_str("aa"),
                'é' | 'è' | 'ê' | 'ë' => out.push('e'),
                'á' | 'à' | 'â' => out.push('a'),
                'ó' | 'ò' | 'ô' => out.push('o'),
                c if c.is_alphanumeric() => out.push(c),
                _ => {}
            }
        }
    }
    out
}

/// Whether a text has a letter `æ ø å` (numeric references decoded).
pub fn has_aeoeaa(s: &str) -> bool {
    decode_ncr(s).chars().any(|c| "æøåÆØÅ".contains(c))
}

/// How a user writes `æ`, `ø` and `å` when a form refuses them: each letter one way,
/// `æ` as `ae` or `a`, `ø` as `o` or `oe`, `å` as `a` or `aa` (eight habits).
pub type Habit = (&'static str, &'static str, &'static str);

/// The eight habits of [`Habit`].
pub const HABITS: [Habit; 8] = [
    ("ae", "o", "a"),
    ("ae", "o", "aa"),
    ("ae", "oe", "a"),
    ("ae", "oe", "aa"),
    ("a", "o", "a"),
    ("a", "o", "aa"),
    ("a", "oe", "a"),
    ("a", "oe", "aa"),
];

/// A text retyped with a habit (case kept: a capital letter's first letter capital, the rest
/// as the next letter is).
pub fn retyped(s: &str, habit: Habit) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let with = match lower {
            'æ' => habit.0,
            'ø' => habit.1,
            'å' => habit.2,
            _ => {
                out.push(c);
                continue;
            }
        };
        if c.is_uppercase() {
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let mut first = true;
            for w in with.chars() {
                if first || !next_lower {
                    out.extend(w.to_uppercase());
                } else {
                    out.push(w);
                }
                first = false;
            }
        } else {
            out.push_str(with);
        }
    }
    out
}

/// A key read as a stencilled list's text recognition might: `1` as `l`, `ri` as `n`, `rn` as
/// `m`.
pub fn ocr_canon(key: &str) -> String {
    key.replace('1', "l").replace("ri", "n").replace("rn", "m")
}

/// The postcode a postcode field reads as: a spreadsheet's literal text-prefix apostrophe
/// dropped, a pen tablet recogniser's letters read back (`o`→0, `g` and `q`→9, `b`→6,
/// `|`→1); four digits, else none.
pub fn postcode_reading(field: &str) -> Option<String> {
    let t = field.trim();
    let t = t.strip_prefix(['\'', '\u{2019}']).unwrap_or(t).trim();
    let mut out = String::new();
    for c in t.chars() {
        out.push(match c {
            '0'..='9' => c,
            'o' | 'O' => '0',
            'g' | 'q' => '9',
            'b' => '6',
            '|' => '1',
            _ => return None,
        });
    }
    (out.len() == 4).then_some(out)
}

/// Whether `short` abbreviates `word`: ends with a dot, shorter, the same first letter, its
/// letters in the word in order (`Nor.` for Nordre, `H.` for Hans and for Henny).
pub fn abbreviates(short: &str, word: &str) -> bool {
    let a = fold(short);
    let b = fold(word);
    if a.is_empty() || a.len() >= b.len() || a.chars().next() != b.chars().next() {
        return false;
    }
    if !short.ends_with('.') {
        return false;
    }
    let mut it = b.chars();
    a.chars().all(|c| it.any(|d| d == c))
}

/// The lead's house read from its street field (or its house fields): street words, number,
/// letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct House {
    /// Street words as written.
    pub words: Vec<String>,
    /// House number.
    pub number: Option<u32>,
    /// House letter (lower case).
    pub letter: Option<char>,
}

/// A house number token: digits, then a letter if nothing alphanumeric follows it (`12`,
/// `12b`, `12,`).
pub fn number_token(tok: &str) -> Option<(u32, Option<char>)> {
    let digits: String = tok.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    let rest: Vec<char> = tok.chars().skip(digits.len()).collect();
    let letter = match rest.first() {
        Some(c) if c.is_alphabetic() && rest.get(1).is_none_or(|d| !d.is_alphanumeric()) => {
            c.to_lowercase().next()
        }
        Some(c) if c.is_alphanumeric() => return None,
        _ => None,
    };
    Some((n, letter))
}

/// A text without its bracketed remarks (`Skoleveien 9 (hos far)` → `Skoleveien 9 `); an
/// unclosed bracket runs to the end.
pub fn without_remarks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Street-field tokens: numeric references decoded, bracketed remarks dropped, split at any
/// Unicode white space (tabs too), at hyphens and dashes, and after a comma.
pub fn tokens(street: &str) -> Vec<String> {
    without_remarks(&decode_ncr(street))
        .replace(',', ", ")
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// A house letter written as its own token: a letter, then nothing alphanumeric (`B`, `B,`).
fn letter_token(tok: &str) -> Option<char> {
    let chars: Vec<char> = tok.chars().collect();
    match chars.as_slice() {
        [c, rest @ ..]
            if c.is_alphabetic() && rest.first().is_none_or(|d| !d.is_alphanumeric()) =>
        {
            c.to_lowercase().next()
        }
        _ => None,
    }
}

/// Reads a lead's (or a row's) house. What follows the number and its letter (a flat number
/// such as `-H0203`, a remark such as `hos mor`) is not the street.
pub fn read_house(street: &str, number: &str, letter: &str) -> House {
    let toks = tokens(street);
    if let Some(i) = toks.iter().position(|t| number_token(t).is_some())
        && let Some((n, mut l)) = number_token(&toks[i])
    {
        if l.is_none()
            && toks[i]
                .chars()
                .all(|c| c.is_ascii_digit() || !c.is_alphanumeric())
            && let Some(next) = toks.get(i + 1)
        {
            l = letter_token(next);
        }
        return House {
            words: toks[..i].to_vec(),
            number: Some(n),
            letter: l,
        };
    }
    let (n, glued) = number_token(number.trim()).map_or((None, None), |(n, l)| (Some(n), l));
    let l = glued.or_else(|| letter.split_whitespace().next().and_then(letter_token));
    House {
        words: toks,
        number: n,
        letter: l,
    }
}

/// A given-names field without its quoted nicknames (`Kari «Snuppa» Marie` → `Kari  Marie`):
/// text in straight, curly or angle quotes dropped.
pub fn without_nicknames(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut closing: Option<char> = None;
    for c in s.chars() {
        match closing {
            Some(end) if c == end => closing = None,
            Some(_) => {}
            None => match c {
                '"' => closing = Some('"'),
                '«' => closing = Some('»'),
                '\u{201c}' => closing = Some('\u{201d}'),
                c => out.push(c),
            },
        }
    }
    out
}

/// Given-name words: numeric references decoded, quoted nicknames dropped, split at blanks,
/// hyphens and commas; empty keys dropped.
pub fn given_words(s: &str) -> Vec<String> {
    without_nicknames(&decode_ncr(s))
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|w| !fold(w).is_empty())
        .map(str::to_string)
        .collect()
}

/// A surname field without a CRM merge's duplicate counter (`Sæbø (2)`, `Sæbø_2`).
pub fn without_counter(s: &str) -> String {
    let s = without_remarks(&decode_ncr(s));
    let s = s.trim();
    match s.rsplit_once('_') {
        Some((head, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
            head.trim().to_string()
        }
        _ => s.to_string(),
    }
}

/// Whether a shown birth date could be a row's: equal, or the year's last two digits
/// transposed by a typist (`1957` for `1975`), month and day equal.
pub fn births_fit(shown: NaiveDate, row: NaiveDate) -> bool {
    if shown == row {
        return true;
    }
    let (a, b) = (shown.year(), row.year());
    shown.month() == row.month()
        && shown.day() == row.day()
        && a / 100 == b / 100
        && a % 10 == (b / 10) % 10
        && (a / 10) % 10 == b % 10
}

/// A row read once.
#[derive(Debug, Clone)]
struct Row {
    given: Vec<String>,
    surname: String,
    street: Vec<String>,
    letter: Option<char>,
    birth: Option<NaiveDate>,
}

/// The clerk judge over a register.
#[derive(Debug, Clone)]
pub struct Judge {
    rows: Vec<Row>,
    by_house: HashMap<(usize, u32), Vec<usize>>,
    by_month: HashMap<(u32, u32), Vec<usize>>,
    code_town: HashMap<String, usize>,
    town_keys: HashMap<String, Vec<usize>>,
    /// Each town's key, letters only.
    town_letters: Vec<String>,
    real: HashSet<String>,
    family: HashMap<String, usize>,
}

/// Letters only.
fn letters(key: &str) -> String {
    key.chars().filter(|c| c.is_alphabetic()).collect()
}

/// A town field as a clerk reads it: numeric references decoded, a leading preposition
/// (`i Bergen`, `på Hamar`) and a trailing `kommune` dropped.
pub fn town_text(t: &str) -> String {
    let t = decode_ncr(t);
    let mut t = t.trim().to_string();
    for p in ["i ", "I ", "på ", "PÅ ", "På ", "pa ", "paa "] {
        if let Some(rest) = t.strip_prefix(p) {
            t = rest.trim().to_string();
            break;
        }
    }
    for s in [" kommune", " Kommune", " KOMMUNE"] {
        if let Some(rest) = t.strip_suffix(s) {
            t = rest.trim().to_string();
            break;
        }
    }
    t
}

impl Judge {
    /// A judge over `register`.
    pub fn new(register: &[PersonRecord]) -> Judge {
        let mut code_town = HashMap::new();
        let mut town_keys: HashMap<String, Vec<usize>> = HashMap::new();
        let mut town_ids: HashMap<&str, usize> = HashMap::new();
        let mut town_letters = Vec::new();
        for (c, t) in tsv_rows() {
            let n = town_ids.len();
            let id = *town_ids.entry(t).or_insert(n);
            if id == town_letters.len() {
                town_letters.push(letters(&fold(t)));
            }
            code_town.insert(c.to_string(), id);
            let mut keys = vec![fold(t), format!("ocr:{}", ocr_canon(&fold(t)))];
            for h in HABITS {
                keys.push(format!("rt:{}", fold(&retyped(t, h))));
            }
            for key in keys {
                let e = town_keys.entry(key).or_default();
                if !e.contains(&id) {
                    e.push(id);
                }
            }
        }
        let real = names::all_given()
            .into_iter()
            .chain(names::SURNAMES.iter().copied())
            .map(fold)
            .collect();
        let family = names::MEN_FAMILIES
            .iter()
            .chain(names::WOMEN_FAMILIES)
            .enumerate()
            .flat_map(|(i, f)| f.iter().map(move |n| (fold(n), i)))
            .collect();
        let mut j = Judge {
            rows: Vec::with_capacity(register.len()),
            by_house: HashMap::new(),
            by_month: HashMap::new(),
            code_town,
            town_keys,
            town_letters,
            real,
            family,
        };
        for (i, r) in register.iter().enumerate() {
            let house = read_house(&r.street, &r.house_number, &r.house_letter);
            if let (Some(&t), Some(n)) = (j.code_town.get(&r.postcode), house.number) {
                j.by_house.entry((t, n)).or_default().push(i);
            }
            if let Some(b) = r.birth_date {
                j.by_month.entry((b.month(), b.day())).or_default().push(i);
            }
            j.rows.push(Row {
                given: given_words(&r.given_names),
                surname: r.surname.clone(),
                street: house.words,
                letter: house.letter,
                birth: r.birth_date,
            });
        }
        j
    }

    /// The towns a lead names: its postcode's and its town field's.
    pub fn towns(&self, q: &PersonQuery) -> Vec<usize> {
        let mut out = Vec::new();
        if let Some(d) = postcode_reading(&q.postcode)
            && let Some(&t) = self.code_town.get(&d)
        {
            out.push(t);
        }
        let text = town_text(&q.city);
        let k = fold(&text);
        if k.is_empty() {
            return out;
        }
        let mut keys = vec![k.clone(), format!("ocr:{}", ocr_canon(&k))];
        if !has_aeoeaa(&text) {
            keys.push(format!("rt:{k}"));
        }
        for key in keys {
            for &t in self.town_keys.get(&key).into_iter().flatten() {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
        // An old-style short form: the letters before the dot begin the town's name, the
        // letters after it end it (`Kr.sand S`, `Fr.stad`, `Lillestr.`).
        if let Some((head, tail)) = text.split_once('.') {
            let (a, b) = (letters(&fold(head)), letters(&fold(tail)));
            if !a.is_empty() {
                for (t, key) in self.town_letters.iter().enumerate() {
                    if key.len() > a.len() + b.len()
                        && key.starts_with(&a)
                        && key.ends_with(&b)
                        && !out.contains(&t)
                    {
                        out.push(t);
                    }
                }
            }
        }
        out
    }

    /// Whether a lead word could be a row word.
    pub fn word_fits(&self, lead: &str, row: &str, given: bool) -> bool {
        let (a, b) = (fold(lead), fold(row));
        if a.is_empty() {
            return false;
        }
        if a == b {
            return true;
        }
        if given
            && let (Some(x), Some(y)) = (self.family.get(&a), self.family.get(&b))
            && x == y
        {
            return true;
        }
        // Two real names are two people.
        if self.real.contains(&a) {
            return false;
        }
        (!has_aeoeaa(lead) && HABITS.iter().any(|&h| a == fold(&retyped(row, h))))
            || ocr_canon(&a) == ocr_canon(&b)
    }

    fn surname_fits(&self, lead: &str, row: &str) -> bool {
        let lead = without_counter(lead);
        let lead: Vec<&str> = lead.split_whitespace().collect();
        let row_words: Vec<&str> = row.split_whitespace().collect();
        lead.len() == row_words.len()
            && !lead.is_empty()
            && lead
                .iter()
                .zip(&row_words)
                .all(|(l, r)| self.word_fits(l, r, false))
    }

    fn names_fit(&self, q: &PersonQuery, row: &Row) -> bool {
        let words = given_words(&q.given_names);
        let (Some(first), Some(row_first)) = (words.first(), row.given.first()) else {
            return false;
        };
        self.word_fits(first, row_first, true)
            && words[1..]
                .iter()
                .all(|w| row.given.iter().any(|r| self.word_fits(w, r, true)))
            && self.surname_fits(&q.surname, &row.surname)
    }

    fn street_fits(&self, lead: &[String], row: &[String]) -> bool {
        let lead: Vec<&String> = lead.iter().filter(|w| !fold(w).is_empty()).collect();
        if lead.len() != row.len() || lead.is_empty() {
            return false;
        }
        let last = row.len() - 1;
        lead.iter().zip(row).enumerate().all(|(i, (l, r))| {
            self.word_fits(l, r, false) || (i == 0 && i < last && abbreviates(l, r))
        })
    }

    fn birth_fits(q: &PersonQuery, row: Option<NaiveDate>) -> bool {
        match (q.birth_date, row) {
            (Some(b), Some(r)) => births_fit(b, r),
            _ => true,
        }
    }

    /// The register rows the lead could be.
    pub fn could_be(&self, q: &PersonQuery) -> Vec<usize> {
        let house = read_house(&q.street, &q.house_number, &q.house_letter);
        let Some(n) = house.number else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for t in self.towns(q) {
            for &i in self.by_house.get(&(t, n)).into_iter().flatten() {
                let row = &self.rows[i];
                let letters = match (house.letter, row.letter) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                if letters
                    && Self::birth_fits(q, row.birth)
                    && self.names_fit(q, row)
                    && self.street_fits(&house.words, &row.street)
                    && !out.contains(&i)
                {
                    out.push(i);
                }
            }
        }
        out
    }

    /// Whether a corrupted lead could be its truth and nobody else.
    pub fn corrupted_fair(&self, q: &PersonQuery, truth: usize) -> bool {
        self.could_be(q) == [truth]
    }

    /// Whether a look-alike could be nobody reserved, neither at its house nor by its name and
    /// a birth date it shows anywhere.
    pub fn look_alike_fair(&self, q: &PersonQuery) -> bool {
        if !self.could_be(q).is_empty() {
            return false;
        }
        let Some(b) = q.birth_date else {
            return true;
        };
        !self
            .by_month
            .get(&(b.month(), b.day()))
            .into_iter()
            .flatten()
            .any(|&i| Self::birth_fits(q, self.rows[i].birth) && self.names_fit(q, &self.rows[i]))
    }
}
