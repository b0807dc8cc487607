//! The fairness judge: a careful, lenient clerk with the lead and the register. It reads a lead
//! from its fields only (never from its kind) and a register row the same way, and says which
//! reserved persons the lead could be.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::person::{PersonQuery, PersonRecord};

use super::names::{
    DIGIT_WORDS, FAMILIES, PREFIXES, STEM_FORMS, STREET_TYPES, TEEN_WORDS, TENS_WORDS,
};
use super::world::Postcodes;

/// A lead (or a row) as the clerk reads it.
#[derive(Debug, Clone, Default)]
pub(super) struct Reading {
    given: Vec<String>,
    surname: Vec<String>,
    street: Vec<String>,
    number: Option<u32>,
    letter: Option<char>,
    towns: Vec<usize>,
}

/// The clerk, with the register and Norway's postcodes.
pub(super) struct Judge<'a> {
    register: &'a [PersonRecord],
    rows: Vec<Reading>,
    pc: Postcodes,
    by_house: HashMap<(usize, u32), Vec<usize>>,
    town_by_key: HashMap<String, usize>,
    town_by_stripped: HashMap<String, Option<usize>>,
    town_keys: Vec<String>,
}

impl<'a> Judge<'a> {
    /// A judge of leads against `register`.
    pub(super) fn new(register: &'a [PersonRecord]) -> Judge<'a> {
        let pc = Postcodes::load();
        let town_keys = pc.keys.clone();
        let town_by_key = town_keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i))
            .collect();
        let mut town_by_stripped: HashMap<String, Option<usize>> = HashMap::new();
        for (i, t) in pc.towns.iter().enumerate() {
            let k = key(&nfkd_ascii(t));
            town_by_stripped
                .entry(k)
                .and_modify(|v| *v = None)
                .or_insert(Some(i));
        }
        let mut judge = Judge {
            register,
            rows: Vec::new(),
            pc,
            by_house: HashMap::new(),
            town_by_key,
            town_by_stripped,
            town_keys,
        };
        let rows: Vec<Reading> = register
            .iter()
            .map(|r| judge.read(&PersonQuery::from(r)))
            .collect();
        for (i, r) in rows.iter().enumerate() {
            if let Some(n) = r.number {
                for &t in &r.towns {
                    let v = judge.by_house.entry((t, n)).or_default();
                    if !v.contains(&i) {
                        v.push(i);
                    }
                }
            }
        }
        judge.rows = rows;
        judge
    }

    /// Reads a lead's fields.
    pub(super) fn read(&self, q: &PersonQuery) -> Reading {
        let (street, mut number, mut letter) = parse_street(&q.street);
        let number_field = blanks(&q.house_number);
        let number_field = number_field.trim();
        let street_had_number = number.is_some();
        if number.is_none() {
            for tok in number_field.split(' ').filter(|t| !t.is_empty()) {
                let tok = tok.to_lowercase();
                if number.is_none()
                    && let Some((n, l)) = house_token(&tok)
                {
                    number = Some(n);
                    if l.is_some() {
                        letter = l;
                    }
                    continue;
                }
                if number.is_some() && letter.is_none() {
                    letter = single_letter(&tok);
                }
            }
        }
        if letter.is_none() {
            letter = single_letter(&blanks(&q.house_letter).trim().to_lowercase());
        }
        // A shifted row: the postcode in the house-number column and the town in the
        // house-letter column, where the street carries the house.
        let mut code_field = blanks(&q.postcode);
        if code_field.trim().is_empty()
            && street_had_number
            && number_field.len() == 4
            && number_field.chars().all(|c| c.is_ascii_digit())
        {
            code_field = number_field.to_string();
        }
        let letter_field = blanks(&q.house_letter);
        let town_field =
            if blanks(&q.city).trim().is_empty() && letter_field.trim().chars().count() > 2 {
                letter_field
            } else {
                blanks(&q.city)
            };
        let mut towns = Vec::new();
        if let Some(code) = parse_postcode(&code_field)
            && let Some(t) = self.pc.town_of(&code)
        {
            towns.push(t);
        }
        if let Some(t) = self.town_from_name(&town_field)
            && !towns.contains(&t)
        {
            towns.push(t);
        }
        Reading {
            given: name_words(&q.given_names),
            surname: name_words(&q.surname),
            street,
            number,
            letter,
            towns,
        }
    }

    /// The town a town field names: exactly, with æ/ø/å stripped, or as the beginning (five
    /// letters or more) of exactly one town's name.
    fn town_from_name(&self, field: &str) -> Option<usize> {
        let k = key(field);
        if k.is_empty() {
            return None;
        }
        if let Some(&t) = self.town_by_key.get(&k) {
            return Some(t);
        }
        if let Some(&Some(t)) = self.town_by_stripped.get(&k) {
            return Some(t);
        }
        if k.chars().count() >= 5 {
            let mut found = None;
            for (i, tk) in self.town_keys.iter().enumerate() {
                if tk.starts_with(&k) {
                    if found.is_some() {
                        return None;
                    }
                    found = Some(i);
                }
            }
            return found;
        }
        None
    }

    /// Whether a lead read as `lead` could be register row `row`.
    fn could_be(&self, lead: &Reading, row: usize) -> bool {
        let r = &self.rows[row];
        lead.number.is_some()
            && lead.number == r.number
            && match (lead.letter, r.letter) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
            && r.towns.iter().any(|t| lead.towns.contains(t))
            && lead
                .given
                .iter()
                .any(|a| r.given.iter().any(|b| given_match(a, b)))
            && lead
                .surname
                .iter()
                .any(|a| r.surname.iter().any(|b| surname_match(a, b)))
            && street_match(&lead.street, &r.street)
    }

    /// Every register row the lead could be, birth dates ignored.
    pub(super) fn candidates(&self, q: &PersonQuery) -> Vec<usize> {
        let lead = self.read(q);
        let mut out = Vec::new();
        let Some(n) = lead.number else {
            return out;
        };
        for &t in &lead.towns {
            if let Some(rows) = self.by_house.get(&(t, n)) {
                for &i in rows {
                    if !out.contains(&i) && self.could_be(&lead, i) {
                        out.push(i);
                    }
                }
            }
        }
        out
    }

    /// A corrupted lead is fair if it could be its truth (a shown birth date the truth's) and
    /// nobody else reserved.
    pub(super) fn fair_corrupted(&self, q: &PersonQuery, truth: usize) -> bool {
        if q.birth_date.is_some() && q.birth_date != self.register[truth].birth_date {
            return false;
        }
        self.candidates(q) == [truth]
    }

    /// A look-alike is fair if it could be nobody reserved.
    pub(super) fn fair_look_alike(&self, q: &PersonQuery) -> bool {
        self.candidates(q).is_empty()
    }

    /// The postcode a postcode field holds, digits or number words (for the tests).
    #[cfg(test)]
    pub(super) fn postcode_read(&self, field: &str) -> Option<String> {
        parse_postcode(&blanks(field))
    }

    /// The town a town field names (for the tests).
    #[cfg(test)]
    pub(super) fn town_read(&self, field: &str) -> Option<&'static str> {
        self.town_from_name(&blanks(field))
            .map(|t| self.pc.towns[t])
    }
}

/// Every Unicode blank (and zero-width characters) as a plain space.
fn blanks(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The words of a name field, lower case.
fn name_words(s: &str) -> Vec<String> {
    blanks(s)
        .split([' ', '-', ',', ';', '/', '(', ')'])
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, '.' | '"' | '\''))
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A house token: digits with an optional glued letter, or a number word 1–20.
fn house_token(tok: &str) -> Option<(u32, Option<char>)> {
    let digits: String = tok.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        let rest: Vec<char> = tok[digits.len()..].chars().collect();
        let n: u32 = digits.parse().ok()?;
        return match rest.as_slice() {
            [] => Some((n, None)),
            [c] if c.is_alphabetic() => Some((n, c.to_lowercase().next())),
            _ => None,
        };
    }
    number_word(tok).map(|n| (n, None))
}

/// A number word 1–20.
fn number_word(tok: &str) -> Option<u32> {
    let t = tok.to_lowercase();
    if t == "syv" {
        return Some(7);
    }
    if t == "tjue" {
        return Some(20);
    }
    if let Some(i) = DIGIT_WORDS.iter().position(|w| *w == t) {
        return (i > 0).then_some(i as u32);
    }
    TEEN_WORDS
        .iter()
        .position(|w| *w == t)
        .map(|i| 10 + i as u32)
}

/// One lower-case letter.
fn single_letter(s: &str) -> Option<char> {
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) if c.is_alphabetic() => c.to_lowercase().next(),
        _ => None,
    }
}

/// Whether a token is a bolignummer (`H0201`, `U0101`, `K0102`, `L0301`).
fn is_bolignummer(tok: &str) -> bool {
    let cs: Vec<char> = tok.chars().collect();
    cs.len() == 5
        && matches!(cs[0], 'h' | 'u' | 'k' | 'l' | 'H' | 'U' | 'K' | 'L')
        && cs[1..].iter().all(|c| c.is_ascii_digit())
}

/// The street words, house number and letter of a street field.
pub(super) fn parse_street(field: &str) -> (Vec<String>, Option<u32>, Option<char>) {
    let s: String = blanks(field)
        .chars()
        .map(|c| {
            if matches!(c, '/' | '|' | ',' | '(' | ')' | ';' | '\\' | '.') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut words = Vec::new();
    let mut number = None;
    let mut letter = None;
    for tok in s.split(' ').filter(|t| !t.is_empty()) {
        let t = tok.to_lowercase();
        if is_bolignummer(&t) {
            continue;
        }
        if let Some((n, l)) = house_token(&t) {
            if number.is_none() {
                number = Some(n);
                letter = l;
                continue;
            }
            if number == Some(n) {
                continue;
            }
        }
        if number.is_some()
            && let Some(c) = single_letter(&t)
        {
            if letter.is_none() {
                letter = Some(c);
                continue;
            }
            if letter == Some(c) {
                continue;
            }
        }
        words.push(t);
    }
    (words, number, letter)
}

/// A postcode from digits or Norwegian number words (digit by digit or in pairs).
fn parse_postcode(field: &str) -> Option<String> {
    let mut out = String::new();
    for tok in field.split([' ', ',', '-']).filter(|t| !t.is_empty()) {
        out.push_str(&word_digits(&tok.to_lowercase())?);
    }
    (out.len() == 4 && out.chars().all(|c| c.is_ascii_digit())).then_some(out)
}

/// The digits a token stands for.
fn word_digits(tok: &str) -> Option<String> {
    if tok.chars().all(|c| c.is_ascii_digit()) {
        return Some(tok.to_string());
    }
    let digit = |w: &str| -> Option<usize> {
        if w == "syv" {
            return Some(7);
        }
        if matches!(w, "én" | "ett") {
            return Some(1);
        }
        DIGIT_WORDS.iter().position(|d| *d == w)
    };
    if let Some(d) = digit(tok) {
        return Some(d.to_string());
    }
    if let Some(i) = TEEN_WORDS.iter().position(|w| *w == tok) {
        return Some((10 + i).to_string());
    }
    for (i, t) in TENS_WORDS.iter().enumerate() {
        if let Some(rest) = tok.strip_prefix(t) {
            if rest.is_empty() {
                return Some(format!("{}0", i + 2));
            }
            if let Some(d) = digit(rest).filter(|d| *d > 0) {
                return Some(format!("{}{d}", i + 2));
            }
        }
    }
    None
}

/// A folding key: lower case; æ/ä → e, ø/ö → o, å → a, `aa`/`ae`/`oe` too; other marks
/// dropped; doubled letters single.
pub(super) fn key(s: &str) -> String {
    let mut t = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => t.push('e'),
            'ø' | 'ö' => t.push('o'),
            'å' => t.push('a'),
            c if c.is_alphanumeric() => t.push(c),
            _ => {}
        }
    }
    let t = t.replace("aa", "a").replace("ae", "e").replace("oe", "o");
    let mut out = String::new();
    for c in t.chars() {
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Æ/Ø dropped and Å as A, as a decomposition followed by an ASCII filter leaves them.
pub(super) fn nfkd_ascii(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'å' => Some('a'),
            'Å' => Some('A'),
            'é' => Some('e'),
            'É' => Some('E'),
            'æ' | 'Æ' | 'ø' | 'Ø' => None,
            c => Some(c),
        })
        .collect()
}

/// One substitution of a fax or scanner glyph confusion turns `a` into `b`.
pub(super) fn glyph_one(a: &str, b: &str) -> bool {
    const PAIRS: &[(&str, &str)] = &[
        ("ri", "n"),
        ("li", "h"),
        ("cl", "d"),
        ("e", "c"),
        ("h", "b"),
        ("rn", "m"),
        ("l", "1"),
    ];
    for &(x, y) in PAIRS {
        for (from, to) in [(x, y), (y, x)] {
            let mut start = 0;
            while let Some(i) = a[start..].find(from) {
                let i = start + i;
                if a.len() - from.len() + to.len() == b.len()
                    && b.starts_with(&a[..i])
                    && b[i..].starts_with(to)
                    && b[i + to.len()..] == a[i + from.len()..]
                {
                    return true;
                }
                start = i + from.len();
            }
        }
    }
    false
}

/// One substitution, insertion, deletion or swap of neighbours.
fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return false;
    }
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return diff.len() == 1
            || (diff.len() == 2
                && diff[1] == diff[0] + 1
                && a[diff[0]] == b[diff[1]]
                && a[diff[1]] == b[diff[0]]);
    }
    let (s, l) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if l.len() != s.len() + 1 {
        return false;
    }
    let i = (0..s.len()).find(|&i| s[i] != l[i]).unwrap_or(s.len());
    s[i..] == l[i + 1..]
}

/// The words of two name parts could be one: folded equal, stripped equal, one glyph
/// confusion, or one edit with five letters or more each.
fn word_like(a: &str, b: &str, min_edit: usize) -> bool {
    let (ka, kb) = (key(a), key(b));
    ka == kb
        || nfkd_ascii(b) == a
        || nfkd_ascii(a) == b
        || glyph_one(a, b)
        || (ka.chars().count().min(kb.chars().count()) >= min_edit && one_edit(&ka, &kb))
}

/// Whether two given-name words could be one name (a spelling family counts).
pub(super) fn given_match(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    word_like(&a, &b, 5) || same_family(&a, &b)
}

/// Whether two surname words could be one.
fn surname_match(a: &str, b: &str) -> bool {
    word_like(a, b, 5)
}

fn same_family(a: &str, b: &str) -> bool {
    static BY_KEY: OnceLock<HashMap<String, usize>> = OnceLock::new();
    let by_key = BY_KEY.get_or_init(|| {
        FAMILIES
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.iter().map(move |m| (key(m), i)))
            .collect()
    });
    matches!((by_key.get(&key(a)), by_key.get(&key(b))), (Some(x), Some(y)) if x == y)
}

/// A street key with the clerk's endings read as one (`vegen` as `veien`, `veg` as `vei`,
/// `gate` as `gata`).
fn street_key(w: &str) -> String {
    let k = key(w);
    if k == "veg" {
        return "vei".into();
    }
    if let Some(s) = k.strip_suffix("vegen") {
        return format!("{s}veien");
    }
    if let Some(s) = k.strip_suffix("gate") {
        return format!("{s}gata");
    }
    k
}

fn street_word(l: &str, r: &str) -> bool {
    let (kl, kr) = (street_key(l), street_key(r));
    if kl == kr || nfkd_ascii(r) == l || glyph_one(l, r) {
        return true;
    }
    if kl.chars().count().min(kr.chars().count()) >= 6 && one_edit(&kl, &kr) {
        return true;
    }
    // A stem in its nynorsk or older form.
    STEM_FORMS.iter().any(|(b, n)| {
        let (kb, kn) = (key(b), key(n));
        matches!((kr.strip_prefix(&kb), kl.strip_prefix(&kn)), (Some(x), Some(y)) if x == y)
            || matches!((kl.strip_prefix(&kb), kr.strip_prefix(&kn)), (Some(x), Some(y)) if x == y)
    })
}

/// `l` is a shortening of `r`: the same first letter and a subsequence of it.
fn abbreviates(l: &str, r: &str) -> bool {
    let lc: Vec<char> = l.chars().collect();
    let rc: Vec<char> = r.chars().collect();
    if lc.is_empty() || lc.len() >= rc.len() || lc[0] != rc[0] {
        return false;
    }
    let mut j = 0;
    for c in &rc {
        if j < lc.len() && lc[j] == *c {
            j += 1;
        }
    }
    j == lc.len()
}

fn is_prefix_word(w: &str) -> bool {
    PREFIXES.iter().any(|(p, _)| p.to_lowercase() == w)
}

fn words_pair(l: &[String], r: &[String]) -> bool {
    l.len() == r.len()
        && l.iter()
            .zip(r)
            .enumerate()
            .all(|(i, (a, b))| street_word(a, b) || (i + 1 < l.len() && abbreviates(a, b)))
}

fn glued_equal(l: &[String], r: &[String]) -> bool {
    let gl: String = l.concat();
    let gr: String = r.concat();
    street_key(&gl) == street_key(&gr)
}

/// Whether a lead's street words could be a row's street: word by word (abbreviated words
/// but the last), glued together, without the row's prefix, with the prefix after the name
/// (as a street index writes it), or without a person-named street's given names.
pub(super) fn street_match(l: &[String], r: &[String]) -> bool {
    if l.is_empty() || r.is_empty() {
        return false;
    }
    let mut rows: Vec<&[String]> = vec![r];
    let has_prefix = is_prefix_word(&r[0]);
    if has_prefix && r.len() > 1 {
        rows.push(&r[1..]);
    }
    let n = r.len();
    if n >= 3 && STREET_TYPES.contains(&r[n - 1].as_str()) {
        rows.push(&r[n - 2..]);
    }
    let mut leads: Vec<Vec<String>> = vec![l.to_vec()];
    if has_prefix && l.len() >= 2 {
        let last = &l[l.len() - 1];
        if street_word(last, &r[0]) || abbreviates(last, &r[0]) {
            let mut v = vec![last.clone()];
            v.extend_from_slice(&l[..l.len() - 1]);
            leads.push(v);
        }
    }
    rows.iter().any(|rv| {
        leads
            .iter()
            .any(|lv| words_pair(lv, rv) || glued_equal(lv, rv))
    })
}
