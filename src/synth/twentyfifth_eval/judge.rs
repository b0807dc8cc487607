//! The clerk judge of the twenty-fifth set: a careful clerk with the lead and the register,
//! written without the matcher. It reads a lead from its fields only (never from its kind).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::names;
use super::world::postcode_rows;
use crate::person::{PersonQuery, PersonRecord};

/// Reads a text field as a clerk does: JSON `\uXXXX` escapes decoded, HTML tags dropped and
/// `&nbsp;` read as a blank, EBCDIC 277-as-037 and DOS 865-as-1252 letters read back, every
/// Unicode blank or line break as a space.
pub fn read(s: &str) -> String {
    let mut t = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 6 <= chars.len() && chars[i + 1] == 'u' {
            let hex: String = chars[i + 2..i + 6].iter().collect();
            if hex.len() == 4
                && let Some(d) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
            {
                t.push(d);
                i += 6;
                continue;
            }
        }
        t.push(c);
        i += 1;
    }
    // Tags and the blank entity.
    let mut u = String::with_capacity(t.len());
    let mut in_tag = false;
    for c in t.replace("&nbsp;", " ").chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                u.push(' ');
            }
            _ if in_tag => {}
            _ => u.push(c),
        }
    }
    u.chars()
        .map(|c| match c {
            // EBCDIC 277 bytes shown as code page 037.
            '#' => 'Æ',
            '@' => 'Ø',
            '$' => 'Å',
            '{' => 'æ',
            '¦' => 'ø',
            '}' => 'å',
            // DOS 865 bytes shown as Windows-1252.
            '\u{2018}' => 'æ',
            '\u{203A}' => 'ø',
            '\u{2020}' => 'å',
            '\u{2019}' => 'Æ',
            '\u{9D}' => 'Ø',
            '\u{8F}' => 'Å',
            '\u{201A}' => 'é',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect()
}

/// The key of a word: a capital `I` read as a small `l` (sans-serif glyphs are one), lower
/// case, `æ`→`ae`, `ø`→`o`, `å`→`a`, `é`→`e`, only letters and digits.
pub fn key(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    for c in s.chars() {
        let c = if c == 'I' { 'l' } else { c };
        for l in c.to_lowercase() {
            match l {
                'æ' => k.push_str("ae"),
                'ø' | 'ö' => k.push('o'),
                'å' | 'ä' => k.push('a'),
                'é' | 'è' => k.push('e'),
                l if l.is_ascii_alphanumeric() => k.push(l),
                _ => {}
            }
        }
    }
    k
}

/// The key of a given-name word's spelling family (its first member's key), else its own key.
fn given_class(word_key: &str) -> String {
    static CLASSES: OnceLock<HashMap<String, String>> = OnceLock::new();
    let classes = CLASSES.get_or_init(|| {
        names::MEN_FAMILIES
            .iter()
            .chain(names::WOMEN_FAMILIES)
            .flat_map(|f| f.iter().map(|n| (key(n), key(f[0]))))
            .collect()
    });
    classes
        .get(word_key)
        .cloned()
        .unwrap_or_else(|| word_key.to_string())
}

/// Given-name words of a field, as family classes.
fn given_words(s: &str) -> Vec<String> {
    read(s)
        .split([' ', '-'])
        .map(key)
        .filter(|k| !k.is_empty())
        .map(|k| given_class(&k))
        .collect()
}

/// The surname of a field: anything after a comma or in brackets dropped, a trailing
/// occupation word dropped.
fn surname_key(s: &str) -> String {
    let r = read(s);
    let r = r.split([',', '(']).next().unwrap_or("");
    let mut words: Vec<&str> = r.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() > 1
        && let Some(last) = words.last()
        && names::OCCUPATIONS
            .iter()
            .any(|(o, _, _)| key(o) == key(last))
    {
        words.pop();
    }
    key(&words.join(" "))
}

/// A lead's house: street tokens, number, letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct House {
    pub street: Vec<String>,
    pub number: String,
    pub letter: String,
}

/// Reads the house of a lead: from the street field's first number token (a glued letter, or
/// a one-letter token after it; `lgh dddd` flat numbers skipped), else from the number and
/// letter fields.
pub fn house_of(q: &PersonQuery) -> House {
    let street = read(&q.street);
    let mut tokens: Vec<String> = Vec::new();
    let mut skip_next = false;
    for t in street.split(' ').filter(|t| !t.is_empty()) {
        let t = t.trim_matches(',');
        if t.is_empty() {
            continue;
        }
        if skip_next {
            skip_next = false;
            if t.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
        }
        if key(t) == "lgh" {
            skip_next = true;
            continue;
        }
        tokens.push(t.to_string());
    }
    let num_at = tokens
        .iter()
        .position(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    let (mut number, mut letter, words) = match num_at {
        Some(i) => {
            let t = &tokens[i];
            let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
            let rest: String = t.chars().skip(digits.len()).collect();
            let mut letter = String::new();
            if rest.chars().count() == 1 && rest.chars().all(char::is_alphabetic) {
                letter = rest;
            } else if let Some(n) = tokens.get(i + 1)
                && n.chars().count() == 1
                && n.chars().all(char::is_alphabetic)
            {
                letter = n.clone();
            }
            (digits, letter, tokens[..i].to_vec())
        }
        None => (String::new(), String::new(), tokens),
    };
    if number.is_empty() {
        let hn = read(&q.house_number);
        let hn = hn.trim();
        number = hn.chars().take_while(|c| c.is_ascii_digit()).collect();
        let rest: String = hn.chars().skip(number.len()).collect();
        let rest = rest.trim().trim_start_matches('-').trim();
        if !rest.is_empty() {
            letter = rest.to_string();
        }
    }
    if letter.is_empty() {
        letter = read(&q.house_letter).trim().to_string();
    }
    House {
        street: words,
        number: number.trim_start_matches('0').to_string(),
        letter: letter.to_uppercase(),
    }
}

/// Whether a lead's street token could be the register's street word (`last`: the street's
/// last word, never abbreviated).
fn street_word_fits(token: &str, word: &str, last: bool) -> bool {
    let (kt, kw) = (key(token), key(word));
    if kt == kw {
        return true;
    }
    if last || !token.ends_with('.') || kt.is_empty() || kt.len() >= kw.len() {
        return false;
    }
    if kt.chars().next() != kw.chars().next() {
        return false;
    }
    let mut it = kw.chars();
    kt.chars().all(|c| it.any(|w| w == c))
}

/// Whether a lead's street tokens could be the register's street.
pub fn street_fits(tokens: &[String], street: &str) -> bool {
    let words: Vec<&str> = street.split(' ').filter(|w| !w.is_empty()).collect();
    tokens.len() == words.len()
        && tokens
            .iter()
            .zip(&words)
            .enumerate()
            .all(|(i, (t, w))| street_word_fits(t, w, i + 1 == words.len()))
}

/// A register row, read once.
#[derive(Debug)]
struct Row {
    given: Vec<String>,
    surname: String,
    street: String,
    number: String,
    letter: String,
    town: String,
}

/// The clerk judge over one register.
#[derive(Debug)]
pub struct Judge<'a> {
    register: &'a [PersonRecord],
    rows: Vec<Row>,
    by_name: HashMap<(String, String), Vec<usize>>,
    town_of: HashMap<&'static str, String>,
}

impl<'a> Judge<'a> {
    /// A judge of `register`.
    pub fn new(register: &'a [PersonRecord]) -> Judge<'a> {
        let town_of = postcode_rows()
            .into_iter()
            .map(|(p, c)| (p, key(c)))
            .collect();
        let mut by_name: HashMap<(String, String), Vec<usize>> = HashMap::new();
        let rows: Vec<Row> = register
            .iter()
            .map(|r| Row {
                given: given_words(&r.given_names),
                surname: key(&r.surname),
                street: r.street.clone(),
                number: r.house_number.clone(),
                letter: r.house_letter.to_uppercase(),
                town: key(&r.city),
            })
            .collect();
        for (i, r) in rows.iter().enumerate() {
            by_name
                .entry((r.surname.clone(), r.given[0].clone()))
                .or_default()
                .push(i);
        }
        Judge {
            register,
            rows,
            by_name,
            town_of,
        }
    }

    /// The register rows whose names the lead's names could be (first given word, every given
    /// word among the row's, surname), and, where the lead shows one, with its birth date.
    fn name_candidates(&self, q: &PersonQuery) -> Vec<usize> {
        let given = given_words(&q.given_names);
        let Some(first) = given.first() else {
            return Vec::new();
        };
        let sn = surname_key(&q.surname);
        let Some(rows) = self.by_name.get(&(sn, first.clone())) else {
            return Vec::new();
        };
        rows.iter()
            .copied()
            .filter(|&i| given.iter().all(|g| self.rows[i].given.contains(g)))
            .filter(|&i| {
                q.birth_date
                    .is_none_or(|d| self.register[i].birth_date == Some(d))
            })
            .collect()
    }

    /// The towns a lead names: its postcode's (if four digits of `NO.tsv`) and its town field's.
    fn towns(&self, q: &PersonQuery) -> HashSet<String> {
        let mut t = HashSet::new();
        let pc = q.postcode.trim();
        if pc.len() == 4
            && pc.chars().all(|c| c.is_ascii_digit())
            && let Some(town) = self.town_of.get(pc)
        {
            t.insert(town.clone());
        }
        let city = key(&read(&q.city));
        if !city.is_empty() {
            t.insert(city);
        }
        t
    }

    /// Every register row the lead could be.
    pub fn could_be(&self, q: &PersonQuery) -> Vec<usize> {
        let towns = self.towns(q);
        let h = house_of(q);
        self.name_candidates(q)
            .into_iter()
            .filter(|&i| {
                let r = &self.rows[i];
                towns.contains(&r.town)
                    && h.number == r.number
                    && (h.letter == r.letter || h.letter.is_empty() || r.letter.is_empty())
                    && street_fits(&h.street, &r.street)
            })
            .collect()
    }

    /// A corrupted lead is fair if the rows it could be are exactly its truth.
    pub fn corrupted_fair(&self, q: &PersonQuery, truth: usize) -> bool {
        self.could_be(q) == [truth]
    }

    /// A look-alike is fair if it could be nobody reserved and, where it shows a birth date,
    /// nobody reserved anywhere has a name it could be and that birth date.
    pub fn look_alike_fair(&self, q: &PersonQuery) -> bool {
        if !self.could_be(q).is_empty() {
            return false;
        }
        q.birth_date.is_none() || self.name_candidates(q).is_empty()
    }
}

/// Whether two given-name words are one name to the judge (exposed for tests).
#[cfg(test)]
pub fn one_name(a: &str, b: &str) -> bool {
    use super::world::family_of;
    given_class(&key(a)) == given_class(&key(b))
        || family_of(a).is_some_and(|f| family_of(b) == Some(f))
}
