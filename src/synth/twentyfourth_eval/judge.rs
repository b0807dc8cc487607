//! The clerk judge of the twenty-fourth set: a careful human clerk with the lead and the
//! register, who reads every damage this set makes back and says which reserved persons a
//! lead could be. It reads leads from their fields, never from their kind.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::names::family_of;
use super::world::postcode_rows;
use crate::person::{PersonQuery, PersonRecord};

/// The day directory sites' ages are counted at.
pub fn reference_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).expect("valid")
}

/// Age in whole years at the reference day.
pub fn age_at_reference(birth: NaiveDate) -> i32 {
    let r = reference_day();
    let mut a = r.year() - birth.year();
    if (r.month(), r.day()) < (birth.month(), birth.day()) {
        a -= 1;
    }
    a
}

/// A word's key: lower case, æ/ø/å and foreign marks folded, only letters and digits kept.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push('o'),
            'å' | 'à' | 'á' => out.push('a'),
            'é' | 'è' | 'ê' => out.push('e'),
            'ü' => out.push('u'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether a clerk would take two given-name words for one name: the same key, or two
/// spellings of one family. Two different real names are two people.
pub fn given_words_clash(a: &str, b: &str) -> bool {
    let (ka, kb) = (key(a), key(b));
    if ka == kb {
        return true;
    }
    match (family_of(a), family_of(b)) {
        (Some(f), Some(g)) => std::ptr::eq(f, g),
        _ => false,
    }
}

/// Reads a text field back from this set's damages: quoted-printable bytes, Mac Roman read as
/// Windows-1252, a US layout on Norwegian keys, PDF ligatures and line breaks.
pub fn read_text(s: &str) -> String {
    let s = decode_qp(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '¾' => out.push('æ'),
            '¿' => out.push('ø'),
            'Œ' => out.push('å'),
            '®' => out.push('Æ'),
            '¯' => out.push('Ø'),
            '\u{81}' => out.push('Å'),
            'Ž' => out.push('é'),
            'š' => out.push('ö'),
            'Š' => out.push('ä'),
            'Ÿ' => out.push('ü'),
            ';' => out.push('ø'),
            '\'' => out.push('æ'),
            '[' => out.push('å'),
            ':' => out.push('Ø'),
            '"' => out.push('Æ'),
            '{' => out.push('Å'),
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬆ' => out.push_str("st"),
            '\r' | '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn decode_qp(s: &str) -> String {
    if !s.contains('=') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'='
            && i + 2 < b.len()
            && b[i + 1].is_ascii_hexdigit()
            && b[i + 2].is_ascii_hexdigit()
        {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).expect("ascii");
            out.push(u8::from_str_radix(hex, 16).expect("hex"));
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads a postcode: four digits, or three and a zoned-decimal overpunched last digit.
/// Anything else (a mail-merge field left unfilled) is no postcode.
pub fn read_postcode(s: &str) -> Option<String> {
    let t: Vec<char> = s.trim().chars().collect();
    if t.len() != 4 || !t[..3].iter().all(char::is_ascii_digit) {
        return None;
    }
    let last = match t[3] {
        d @ '0'..='9' => d,
        '{' | '}' => '0',
        c @ 'A'..='I' => char::from(b'1' + (c as u8 - b'A')),
        c @ 'J'..='R' => char::from(b'1' + (c as u8 - b'J')),
        _ => return None,
    };
    Some(format!("{}{}{}{last}", t[0], t[1], t[2]))
}

fn split_words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .map(key)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Surname words and an age a directory site wrote after them.
fn read_surname(s: &str) -> (Vec<String>, Option<i32>) {
    let t = read_text(s).to_lowercase().replace([',', '(', ')'], " ");
    let mut toks: Vec<&str> = t.split_whitespace().collect();
    let mut age = None;
    if toks.last() == Some(&"år") && toks.len() >= 2 {
        toks.pop();
    }
    if let Some(last) = toks.last()
        && last.chars().all(|c| c.is_ascii_digit())
    {
        age = last.parse().ok();
        toks.pop();
    }
    let words = toks.iter().flat_map(|w| split_words(w)).collect();
    (words, age)
}

fn is_bolig(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    c.len() == 5 && matches!(c[0], 'h' | 'u' | 'k' | 'l') && c[1..].iter().all(char::is_ascii_digit)
}

/// A house-number token: optional `#`, one to three digits, optionally a glued letter and a
/// glued bolignummer.
fn number_token(t: &str) -> Option<(u16, Option<char>)> {
    let t = t.trim_start_matches('#');
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let n: u16 = digits.parse().ok()?;
    let rest: String = t[digits.len()..].to_string();
    let rc: Vec<char> = rest.chars().collect();
    if rc.is_empty() {
        Some((n, None))
    } else if rc.len() == 1 && rc[0].is_alphabetic() {
        Some((n, Some(rc[0])))
    } else if is_bolig(&rest) {
        Some((n, None))
    } else if rc.len() == 6 && rc[0].is_alphabetic() && is_bolig(&rest[rc[0].len_utf8()..]) {
        Some((n, Some(rc[0])))
    } else {
        None
    }
}

/// Street words, house number and letter of a street field (and the house fields).
pub fn read_street(
    street: &str,
    number: &str,
    letter: &str,
) -> (Vec<String>, Option<u16>, Option<char>) {
    let t = read_text(street).to_lowercase();
    let first = t.split(',').next().unwrap_or("");
    let toks: Vec<&str> = first.split_whitespace().collect();
    let mut words = Vec::new();
    let mut found = None;
    let mut i = 0;
    while i < toks.len() {
        if let Some((n, l)) = number_token(toks[i]) {
            let mut l = l;
            if l.is_none()
                && let Some(next) = toks.get(i + 1)
                && next.chars().count() == 1
                && next.chars().all(char::is_alphabetic)
            {
                l = next.chars().next();
            }
            found = Some((n, l));
            break;
        }
        for w in toks[i].split('.') {
            let k = key(w);
            if !k.is_empty() {
                words.push(k);
            }
        }
        i += 1;
    }
    let (n, l) = match found {
        Some(x) => x,
        None => {
            let nt = read_text(number).to_lowercase();
            let (n, mut l) = number_token(nt.trim()).map_or((None, None), |(n, l)| (Some(n), l));
            if l.is_none() {
                l = key(letter).chars().next();
            }
            return (words, n, l);
        }
    };
    (words, Some(n), l)
}

/// Whether lead street words could be a register street's words.
pub fn streets_match(lead: &[String], row: &[String]) -> bool {
    if lead.len() != row.len() || lead.is_empty() {
        return false;
    }
    let last = lead.len() - 1;
    lead.iter().zip(row).enumerate().all(|(i, (a, b))| {
        a == b
            || (i < last
                && a.len() < b.len()
                && a.chars().next() == b.chars().next()
                && subsequence(a, b))
    })
}

fn subsequence(a: &str, b: &str) -> bool {
    let mut it = b.chars();
    a.chars().all(|c| it.any(|d| d == c))
}

#[derive(Debug, Clone)]
struct Read {
    given: Vec<String>,
    surname: Vec<String>,
    age: Option<i32>,
    street: Vec<String>,
    number: Option<u16>,
    letter: Option<char>,
    towns: Vec<usize>,
    birth: Option<NaiveDate>,
}

/// The judge: the register read once, indexed by (town, number) and by birth date.
pub struct Judge {
    rows: Vec<Read>,
    by_house: HashMap<(usize, u16), Vec<usize>>,
    by_birth: HashMap<NaiveDate, Vec<usize>>,
    code_town: HashMap<String, usize>,
    town_key: HashMap<String, usize>,
}

impl Judge {
    /// Reads the register.
    pub fn new(register: &[PersonRecord]) -> Judge {
        let mut code_town = HashMap::new();
        let mut town_key = HashMap::new();
        for (c, t) in postcode_rows() {
            let n = town_key.len();
            let id = *town_key.entry(key(t)).or_insert(n);
            code_town.insert(c.to_string(), id);
        }
        let mut j = Judge {
            rows: Vec::with_capacity(register.len()),
            by_house: HashMap::new(),
            by_birth: HashMap::new(),
            code_town,
            town_key,
        };
        for (i, r) in register.iter().enumerate() {
            let q = PersonQuery::from(r);
            let read = j.read(&q);
            if let Some(n) = read.number {
                for &t in &read.towns {
                    j.by_house.entry((t, n)).or_default().push(i);
                }
            }
            if let Some(b) = read.birth {
                j.by_birth.entry(b).or_default().push(i);
            }
            j.rows.push(read);
        }
        j
    }

    fn read(&self, q: &PersonQuery) -> Read {
        let given = split_words(&read_text(&q.given_names));
        let (surname, age) = read_surname(&q.surname);
        let (street, number, letter) = read_street(&q.street, &q.house_number, &q.house_letter);
        let mut towns = Vec::new();
        if let Some(c) = read_postcode(&q.postcode)
            && let Some(&t) = self.code_town.get(&c)
        {
            towns.push(t);
        }
        if let Some(&t) = self.town_key.get(&key(&read_text(&q.city)))
            && !towns.contains(&t)
        {
            towns.push(t);
        }
        Read {
            given,
            surname,
            age,
            street,
            number,
            letter,
            towns,
            birth: q.birth_date,
        }
    }

    fn names_could_be(lead: &Read, row: &Read) -> bool {
        if lead.given.is_empty() || lead.surname.is_empty() {
            return false;
        }
        let given_ok = lead
            .given
            .iter()
            .all(|g| row.given.iter().any(|r| given_words_clash(g, r)));
        let surname_ok = lead.surname.concat() == row.surname.concat();
        let birth_ok = lead.birth.is_none() || lead.birth == row.birth;
        let age_ok = match (lead.age, row.birth) {
            (Some(a), Some(b)) => (age_at_reference(b) - a).abs() <= 1,
            _ => true,
        };
        given_ok && surname_ok && birth_ok && age_ok
    }

    fn house_could_be(lead: &Read, row: &Read) -> bool {
        lead.number.is_some()
            && lead.number == row.number
            && row.towns.iter().any(|t| lead.towns.contains(t))
            && (lead.letter.is_none() || row.letter.is_none() || lead.letter == row.letter)
            && streets_match(&lead.street, &row.street)
    }

    /// The register rows a lead could be, sorted.
    pub fn could_be(&self, q: &PersonQuery) -> Vec<usize> {
        let lead = self.read(q);
        let mut out = Vec::new();
        if let Some(n) = lead.number {
            for t in &lead.towns {
                for &r in self.by_house.get(&(*t, n)).map_or(&[][..], Vec::as_slice) {
                    let row = &self.rows[r];
                    if Self::house_could_be(&lead, row)
                        && Self::names_could_be(&lead, row)
                        && !out.contains(&r)
                    {
                        out.push(r);
                    }
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Whether a corrupted lead is fair: the clerk finds its truth and nobody else.
    pub fn corrupted_fair(&self, q: &PersonQuery, truth: usize) -> bool {
        self.could_be(q) == [truth]
    }

    /// Whether a look-alike is fair: it could be nobody reserved at its house, and a birth date
    /// it shows is no reserved person's with a name it could be.
    pub fn look_alike_fair(&self, q: &PersonQuery) -> bool {
        if !self.could_be(q).is_empty() {
            return false;
        }
        let lead = self.read(q);
        match lead.birth {
            Some(b) => self.by_birth.get(&b).is_none_or(|v| {
                v.iter()
                    .all(|&r| !Self::names_could_be(&lead, &self.rows[r]))
            }),
            None => true,
        }
    }
}
