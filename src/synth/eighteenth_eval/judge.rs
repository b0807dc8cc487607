//! The fairness judge: a careful, lenient human clerk with the lead and the register. It reads
//! a lead from its fields, never from its kind.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use super::names;
use super::population::Population;
use crate::person::PersonQuery;

/// Folds a word or a town: case, æ/ø/å and accents, `0`/`1` in words with letters,
/// punctuation, `rn`, `th`, `ch`, `ph`, `aa`, `ae`, `oe`, `c`, `w`, `z`, doubled letters.
pub fn fold(s: &str) -> String {
    let has_letters = s.chars().any(char::is_alphabetic);
    let mut t = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'æ' | 'ä' | 'é' | 'è' => 'e',
            'ø' | 'ö' | 'ó' => 'o',
            'å' | 'á' | 'à' => 'a',
            '0' if has_letters => 'o',
            '1' if has_letters => 'l',
            'c' | 'q' => 'k',
            'w' => 'v',
            'z' => 's',
            c => c,
        };
        if c.is_alphanumeric() {
            t.push(c);
        }
    }
    t = single(&t);
    for (from, to) in [
        ("rn", "m"),
        ("th", "t"),
        ("kh", "k"),
        ("ph", "f"),
        ("aa", "a"),
        ("ae", "e"),
        ("oe", "o"),
    ] {
        t = t.replace(from, to);
    }
    single(&t)
}

/// Doubled letters written single.
fn single(t: &str) -> String {
    let mut out = String::new();
    for c in t.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn families() -> &'static HashMap<String, usize> {
    static F: OnceLock<HashMap<String, usize>> = OnceLock::new();
    F.get_or_init(|| {
        let mut m = HashMap::new();
        for (i, f) in names::FAMILIES.iter().enumerate() {
            for w in *f {
                m.insert(fold(w), i);
            }
        }
        m
    })
}

/// At most one edit (a swap of neighbours counts as one) between `a` and `b`.
pub fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        if p == a.len() {
            return true;
        }
        if a[p + 1..] == b[p + 1..] {
            return true;
        }
        p + 1 < a.len() && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..]
    } else {
        let (s, l) = if a.len() < b.len() {
            (&a, &b)
        } else {
            (&b, &a)
        };
        s[p..] == l[p + 1..]
    }
}

/// Could name words `a` and `b` be one name: folded equal, one spelling family, or one edit
/// apart with five letters or more each.
pub fn name_word_could(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa.is_empty() || fb.is_empty() {
        return false;
    }
    if fa == fb {
        return true;
    }
    let f = families();
    if let (Some(x), Some(y)) = (f.get(&fa), f.get(&fb))
        && x == y
    {
        return true;
    }
    fa.chars().count() >= 5 && fb.chars().count() >= 5 && one_edit(&fa, &fb)
}

fn clean(s: &str) -> String {
    let mut t = s.to_owned();
    for junk in ["_x000D_", "_x000d_", "_X000D_"] {
        t = t.replace(junk, " ");
    }
    t
}

/// The words of a name field, greetings dropped.
pub fn name_words(s: &str) -> Vec<String> {
    let greetings: Vec<String> = names::GREETINGS.iter().map(|g| fold(g)).collect();
    clean(s)
        .split(|c: char| c.is_whitespace() || ",-/()\"".contains(c))
        .filter(|w| !w.is_empty())
        .filter(|w| !greetings.contains(&fold(w)))
        .map(str::to_owned)
        .collect()
}

fn is_bolig(t: &str) -> bool {
    let c: Vec<char> = t.chars().collect();
    c.len() == 5 && "HUKLhukl".contains(c[0]) && c[1..].iter().all(char::is_ascii_digit)
}

/// The lead's street words, house number and letter.
pub fn house(q: &PersonQuery) -> (Vec<String>, Option<u32>, String) {
    let tokens: Vec<String> = clean(&q.street)
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty() && *t != "-" && !is_bolig(t))
        .map(str::to_owned)
        .collect();
    let split = |s: &str| -> (Option<u32>, String) {
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        let rest: String = s[digits.len()..]
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        (digits.parse().ok(), rest.to_uppercase())
    };
    if let Some(i) = tokens
        .iter()
        .position(|t| t.starts_with(|c: char| c.is_ascii_digit()))
    {
        let (n, mut letter) = split(&tokens[i]);
        if letter.is_empty()
            && let Some(next) = tokens.get(i + 1)
            && next.chars().count() == 1
            && next.chars().all(char::is_alphabetic)
        {
            letter = next.to_uppercase();
        }
        return (tokens[..i].to_vec(), n, letter);
    }
    let hn = clean(&q.house_number);
    let (n, mut letter) = split(hn.trim());
    if letter.is_empty() {
        letter = q.house_letter.trim().to_uppercase();
    }
    (tokens, n, letter)
}

/// Could the lead's street words be the row's street.
pub fn street_could(lead: &[String], row: &str) -> bool {
    let row: Vec<&str> = row.split_whitespace().collect();
    let pair = |l: &[String], r: &[&str]| {
        l.len() == r.len()
            && l.iter().zip(r).enumerate().all(|(i, (a, b))| {
                let (fa, fb) = (fold(a), fold(b));
                if fa == fb || (fa.chars().count() >= 6 && one_edit(&fa, &fb)) {
                    return true;
                }
                i + 1 < r.len()
                    && !fa.is_empty()
                    && fa.len() < fb.len()
                    && fa.chars().next() == fb.chars().next()
                    && subsequence(&fa, &fb)
            })
    };
    if pair(lead, &row) {
        return true;
    }
    row.len() == lead.len() + 1
        && names::PREFIXES.iter().any(|(p, _)| *p == row[0])
        && pair(lead, &row[1..])
}

fn subsequence(a: &str, b: &str) -> bool {
    let mut it = b.chars();
    a.chars().all(|c| it.any(|d| d == c))
}

/// A postcode read back through the glyph table.
pub fn read_postcode(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            'O' | 'o' | 'D' => '0',
            'l' | 'I' => '1',
            'Z' => '2',
            'A' => '4',
            'S' | 's' => '5',
            'b' | 'G' => '6',
            'B' => '8',
            'g' => '9',
            c => c,
        })
        .collect()
}

/// The judge over a population's register.
pub struct Judge<'a> {
    pop: &'a Population,
}

impl<'a> Judge<'a> {
    /// A judge of `pop`'s register.
    pub fn new(pop: &'a Population) -> Judge<'a> {
        Judge { pop }
    }

    /// The towns the lead could be in.
    pub fn towns(&self, q: &PersonQuery) -> Vec<usize> {
        let mut out = Vec::new();
        if let Some(&t) = self
            .pop
            .places
            .town_of_postcode
            .get(&read_postcode(&q.postcode))
        {
            out.push(t);
        }
        if let Some(ts) = self.pop.places.towns_by_name.get(&fold(&clean(&q.city))) {
            out.extend(ts.iter().copied());
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Register rows at one of the lead's towns with its house number.
    pub fn candidates(&self, q: &PersonQuery) -> Vec<usize> {
        let (_, n, _) = house(q);
        let Some(n) = n else { return Vec::new() };
        let mut out = Vec::new();
        for t in self.towns(q) {
            if let Some(rs) = self.pop.by_town_number.get(&(t, n)) {
                out.extend(rs.iter().copied());
            }
        }
        out
    }

    /// Could lead `q` be register row `r` (its birth date too if `birth`)?
    pub fn could_be(&self, q: &PersonQuery, r: usize, birth: bool) -> bool {
        let row = &self.pop.register[r];
        let person = &self.pop.people[self.pop.person_of_reg[r]];
        let given = name_words(&q.given_names);
        let row_given = name_words(&row.given_names);
        if !given
            .iter()
            .any(|g| row_given.iter().any(|w| name_word_could(g, w)))
        {
            return false;
        }
        let sur = name_words(&q.surname);
        let row_sur = name_words(&row.surname);
        if !sur
            .iter()
            .any(|s| row_sur.iter().any(|w| name_word_could(s, w)))
        {
            return false;
        }
        if !self.towns(q).contains(&person.town) {
            return false;
        }
        let (words, n, letter) = house(q);
        if n != Some(person.number) {
            return false;
        }
        if !(letter == person.letter || letter.is_empty() || person.letter.is_empty()) {
            return false;
        }
        if !street_could(&words, &row.street) {
            return false;
        }
        if birth && let (Some(d), Some(b)) = (q.birth_date, row.birth_date) {
            return plausible_birth(d, b);
        }
        true
    }

    /// Fair as a corrupted lead of `truth`: could be it, and nobody else reserved.
    pub fn fair_corrupted(&self, q: &PersonQuery, truth: usize) -> bool {
        self.could_be(q, truth, true)
            && self
                .candidates(q)
                .into_iter()
                .all(|r| r == truth || !self.could_be(q, r, false))
    }

    /// Fair as a look-alike: could be nobody reserved.
    pub fn fair_look_alike(&self, q: &PersonQuery) -> bool {
        self.candidates(q)
            .into_iter()
            .all(|r| !self.could_be(q, r, false))
    }
}

/// A shown birth date `d` fits the row's `b`: equal, a day early (a midnight shifted to UTC),
/// or not a birth date at all (a date of the last years, a form's sign-up date).
pub fn plausible_birth(d: NaiveDate, b: NaiveDate) -> bool {
    d == b || d.succ_opt() == Some(b) || d.year() >= 2020
}
