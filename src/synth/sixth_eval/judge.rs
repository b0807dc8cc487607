//! The sixth set's fairness judge: a careful, lenient human reader with the register at hand.
//! It reads a lead again from its text alone (whatever its kind) and says which reserved
//! persons it could be. A corrupted lead is honest if it could be its truth and nobody else
//! reserved; a look-alike is honest if it could be nobody reserved.
//!
//! - **Names.** Every word of the given-name and surname fields, in any field and order, split
//!   at spaces, hyphens, slashes, commas and brackets; titles and markers (`født`, `tidl.`,
//!   `og`, `&`) dropped. Words are folded: case; æ/ä → e, ø/ö → o, å → a and accents; `aa`,
//!   `ae`, `oe`; OCR pairs `rn`/`m`, `li`/`h`, `cl`/`d`, `vv`/`w`, `1`/`l`, `0`/`o`; `th`,
//!   `ch`, `ph`, `c`, `q`, `w`, `z`, `x`, `y`; doubled letters. Two words could be one if equal
//!   folded, spellings of one group, one a written short form (`Chr.`: its letters in order,
//!   first letter equal) or initial of the other, or one edit apart with four letters or more.
//! - **Address.** The street field with odd whitespace made plain, cut at commas, semicolons,
//!   brackets and spaced slashes or dashes; a four-digit token gives a postcode and the words
//!   after it the town; `c/o`, `v/`, floors, basements, lofts and bolignummer dropped; `nr`
//!   read past; a number may be a range (`12-14`, `12–14`, `12/14`, both ends read). The
//!   number and letter fields fill in. The street key drops prefixes (full or abbreviated)
//!   and initials and writes `veien`/`vegen`/`veg` and `gata`/`gaten` alike; two keys could
//!   be one street if equal or one ends with the other (two words or more).
//!
//! A lead could be a register row if one lead word could be one of the row's given names and
//! another one of its surnames, and either both show a birth date and it is the same, or the
//! lead is at the row's house (town, street key, number, letter equal or missing on a side).
//! Rows are found through hash maps by house and by birth date.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::names;
use crate::person::{PersonQuery, PersonRecord};

/// Why each kind's label is fair (shown in the doc; tests ask every kind has one).
pub fn why_fair(kind: &str) -> &'static str {
    use super::corruption as c;
    use super::look_alikes as l;
    match kind {
        c::POSTCODE_SLIP => {
            "the postcode is another real postcode of the person's own town one keystroke away; the town, street, house and name are whole"
        }
        c::POSTCODE_LETTERS => {
            "each letter in the postcode looks like the digit it replaces and the town is written"
        }
        c::POSTCODE_ABSENT => {
            "the town, street, house and name are whole; only the postcode is missing or a placeholder"
        }
        c::BOLIGNUMMER => {
            "a bolignummer only says which flat of the house; street, number and letter are whole"
        }
        c::STREET_INITIAL => {
            "a street named after a person is still that street with the given name as its initial"
        }
        c::STREET_PREFIX => {
            "the prefix is written as its usual abbreviation; the rest of the street is whole"
        }
        c::GIVEN_SPELLING => "another spelling of the same given name; surname and house are whole",
        c::OCR => {
            "a scanner's confusion of shapes a reader sees through; the other fields are whole"
        }
        c::LOSSY_TWO => "æ, ø and å lost on a keyboard without them; nothing else changes",
        c::WHITESPACE => "only spaces, tabs and no-break spaces differ",
        c::TWO_ISSUES => "two of the fair issue damages in different parts of the lead",
        c::UNCHANGED => "the register's own person",
        c::MAIDEN => "the register's surname is written in full, the maiden name only added",
        c::ONE_FIELD => "the whole address is there, only in one field",
        c::SHORT_FORM => {
            "a written short form of the given name; debatable as it may stand for more than one name"
        }
        c::TITLE => "a title before the name says nothing about who it is",
        c::ISSUE_FORMAT => "one fair issue damage and a formatting habit of lists",
        c::RANGE => "the person's number is one end of the range written for a double house",
        c::FLOOR_CARE_OF => "a floor, a flat or a c/o line only adds to a whole address",
        c::MIDDLE_DROPPED => {
            "the person goes by the first given name; nobody else at the house has it"
        }
        c::HYPHEN_DROPPED => "the two given names are whole, only the hyphen is lost",
        c::NUMBER_NR => "`nr` before the house number is a way of writing it",
        c::BOKMAL_NYNORSK => {
            "the street's ending in the written language's other norm names the same street"
        }
        c::COUPLE => {
            "two partners in one name field; the first named is the reserved one, debatable as the lead names two persons"
        }
        l::HOUSEHOLD => "another, unreserved person of the household, told apart by given name",
        l::NAMESAKE => "the same name at a house in another town, born another day",
        l::NEIGHBOUR_LETTER => "another house letter is another house",
        l::NEIGHBOUR_FLAT => "another person at the same house, another name",
        l::ONE_EDIT => "another real name at another house, born another day",
        l::SAME_YEAR => {
            "the same name on another street of the town, born the same year on another day"
        }
        l::TWIN => "a twin has the birth date and surname but another given name",
        _ => "",
    }
}

/// Whitespace of any kind as one plain space, trimmed.
pub fn plain(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<&str>>()
        .join(" ")
}

/// A word folded for comparison.
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        for l in c.to_lowercase() {
            match l {
                'æ' | 'ä' | 'é' | 'è' | 'ê' | 'ë' => s.push('e'),
                'ø' | 'ö' | 'ó' | 'ò' | 'ô' => s.push('o'),
                'å' | 'á' | 'à' | 'â' => s.push('a'),
                'ü' | 'ú' => s.push('u'),
                'ś' | 'š' => s.push('s'),
                'ć' | 'č' => s.push('c'),
                'ł' => s.push('l'),
                'ı' | 'í' => s.push('i'),
                '1' | '|' => s.push('l'),
                '0' => s.push('o'),
                c if c.is_alphanumeric() => s.push(c),
                _ => {}
            }
        }
    }
    for (from, to) in [
        ("rn", "m"),
        ("cl", "d"),
        ("li", "h"),
        ("vv", "v"),
        ("w", "v"),
        ("th", "t"),
        ("ch", "k"),
        ("ph", "f"),
        ("c", "k"),
        ("q", "k"),
        ("z", "s"),
        ("x", "ks"),
        ("y", "i"),
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
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The first word of given names.
pub fn first_word(given: &str) -> String {
    given
        .split([' ', '-'])
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_owned()
}

fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let s = a[p..]
        .iter()
        .rev()
        .zip(b[p..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a.len().max(b.len()) - p - s <= 1 && a.len().min(b.len()) >= p + s
}

fn subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|x| x == c))
}

/// The spelling groups each folded spelling belongs to.
fn groups() -> &'static HashMap<String, Vec<usize>> {
    static GROUPS: std::sync::OnceLock<HashMap<String, Vec<usize>>> = std::sync::OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut m: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, g) in names::SPELLINGS.iter().enumerate() {
            for x in *g {
                m.entry(fold(x)).or_default().push(i);
            }
        }
        m
    })
}

fn same_group(a: &str, b: &str) -> bool {
    let g = groups();
    match (g.get(a), g.get(b)) {
        (Some(x), Some(y)) => x.iter().any(|i| y.contains(i)),
        _ => false,
    }
}

/// Whether two written name words could be one name.
pub fn words_could_be(a: &str, b: &str) -> bool {
    let short = |w: &str, other: &str| {
        let stem = fold(w.trim_end_matches('.'));
        let o = fold(other);
        !stem.is_empty()
            && o.len() > stem.len()
            && o.starts_with(stem.chars().next().unwrap_or(' '))
            && (w.ends_with('.') || stem.chars().count() == 1)
            && subsequence(&stem, &o)
    };
    if short(a, b) || short(b, a) {
        return true;
    }
    let (fa, fb) = (fold(a), fold(b));
    if fa.is_empty() || fb.is_empty() {
        return false;
    }
    fa == fb
        || same_group(&fa, &fb)
        || (fa.chars().count() >= 4 && fb.chars().count() >= 4 && one_edit(&fa, &fb))
}

const MARKERS: &[&str] = &[
    "født", "f.", "tidl.", "og", "&", "c/o", "v/", "herr", "hr.", "hr", "fru", "frk.", "frk",
    "dr.", "dr", "prof.", "advokat", "pastor", "tannlege",
];

/// The name words of a lead's two name fields.
pub fn name_words(given: &str, surname: &str) -> Vec<String> {
    let mut words = Vec::new();
    for field in [given, surname] {
        for w in plain(field).split([' ', '-', '/', ',', '(', ')', ';', '"']) {
            let w = w.trim();
            if w.is_empty() || MARKERS.contains(&w.to_lowercase().as_str()) {
                continue;
            }
            words.push(w.to_owned());
        }
    }
    words
}

/// A house as read from a lead or a row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HouseReading {
    /// The street key (folded words, prefixes and initials dropped).
    pub street: Vec<String>,
    /// House numbers (two for a range).
    pub numbers: Vec<u32>,
    /// House letter, upper case.
    pub letter: Option<char>,
    /// Folded town.
    pub town: String,
}

/// What a reader takes from a lead.
#[derive(Debug, Clone)]
pub struct Reading {
    /// Name words as written.
    pub names: Vec<String>,
    /// The house.
    pub house: HouseReading,
    /// Birth date.
    pub birth: Option<NaiveDate>,
}

fn bolignummer(t: &str) -> bool {
    let mut c = t.chars();
    matches!(c.next(), Some('H' | 'U' | 'L' | 'K' | 'h' | 'u'))
        && t.len() == 5
        && c.all(|d| d.is_ascii_digit())
}

const FLOOR_WORDS: &[&str] = &[
    "etg", "etg.", "etasje", "sokkel", "kjeller", "loft", "loftet", "inng.", "inngang", "bolig",
    "bolignr", "bolignr.", "leil.", "leil", "bnr", "bnr.",
];

/// Whether a token is a house number (`12`, `12B`, `12-14`), not a word whose first letter a
/// scanner read as a digit (`0rrevegen`).
pub fn house_token(t: &str) -> bool {
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars().filter(|c| c.is_alphabetic()).count() <= 1
}

/// Reads house numbers from a token: `12`, `12B`, `12-14`, `12–14`, `12/14`, `12-B`.
fn numbers_of(t: &str) -> (Vec<u32>, Option<char>) {
    let t = t.trim_start_matches(|c: char| !c.is_ascii_digit());
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let Ok(n) = digits.parse::<u32>() else {
        return (Vec::new(), None);
    };
    let rest = &t[digits.len()..];
    let rest = rest.trim_start_matches(['-', '–', '/']);
    if let Ok(m) = rest.parse::<u32>() {
        return (vec![n, m], None);
    }
    let letter = rest
        .chars()
        .next()
        .filter(|c| c.is_alphabetic() && rest.chars().count() == 1)
        .map(|c| c.to_ascii_uppercase());
    (vec![n], letter)
}

fn prefix_word(w: &str) -> bool {
    const P: &[&str] = &[
        "ovre", "o", "ovr", "nedre", "ndr", "ned", "sondre", "sdr", "sond", "nordre", "nrd",
        "nord", "store", "st", "stor", "lile", "l", "lil", "vestre", "v", "vstr", "ostre", "ostr",
    ];
    P.contains(&w)
}

/// The key of a street name.
pub fn street_key(name: &str) -> Vec<String> {
    let mut words: Vec<String> = plain(name)
        .split([' ', '.'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            let w = ["veien", "vegen", "veg"]
                .iter()
                .find_map(|e| w.strip_suffix(*e).map(|s| format!("{s}vei")))
                .unwrap_or(w);
            let w = ["gata", "gaten"]
                .iter()
                .find_map(|e| w.strip_suffix(*e).map(|s| format!("{s}gate")))
                .unwrap_or(w);
            fold(&w)
        })
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && (prefix_word(&words[0]) || words[0].chars().count() == 1) {
        words.remove(0);
    }
    words
}

fn streets_could_be(a: &[String], b: &[String]) -> bool {
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !s.is_empty() && (s == l || (s.len() >= 2 && l.ends_with(s)))
}

/// Reads the address fields of a lead or row.
pub fn read_house(
    street: &str,
    number: &str,
    letter: &str,
    postcode: &str,
    city: &str,
    towns: &HashMap<String, String>,
) -> HouseReading {
    let mut out = HouseReading::default();
    let mut street_words: Vec<String> = Vec::new();
    let mut found_postcode = String::new();
    let mut found_town = String::new();
    let street = plain(street).replace(" / ", ",").replace(" - ", ",");
    for segment in street.split([',', ';', '(', ')']) {
        let tokens: Vec<&str> = segment.split(' ').filter(|t| !t.is_empty()).collect();
        let Some(first) = tokens.first() else {
            continue;
        };
        if !out.street.is_empty() || !out.numbers.is_empty() {
            // after the house only a postcode and its town are read
            if let Some(k) = tokens
                .iter()
                .position(|u| u.len() == 4 && u.chars().all(|c| c.is_ascii_digit()))
            {
                found_postcode = tokens[k].to_owned();
                found_town = tokens[k + 1..].join(" ");
            }
            continue;
        }
        let lower = first.to_lowercase();
        if lower == "c/o"
            || lower == "v/"
            || bolignummer(first)
            || FLOOR_WORDS.contains(&lower.as_str())
        {
            continue;
        }
        if tokens.len() >= 2
            && first.ends_with('.')
            && first
                .trim_end_matches('.')
                .chars()
                .all(|c| c.is_ascii_digit())
        {
            continue; // `2. etasje`
        }
        let mut i = 0;
        while i < tokens.len() {
            let t = tokens[i];
            let tl = t.to_lowercase();
            if tl == "c/o" || tl == "v/" || FLOOR_WORDS.contains(&tl.as_str()) {
                break;
            }
            if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
                found_postcode = t.to_owned();
                found_town = tokens[i + 1..].join(" ");
                break;
            }
            if bolignummer(t) {
                i += 1;
                continue;
            }
            let is_nr = matches!(tl.as_str(), "nr" | "nr." | "nr:" | "nummer");
            let glued_nr = ["nr.", "nr:", "nr"]
                .iter()
                .find_map(|p| tl.strip_prefix(p))
                .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            if is_nr {
                i += 1;
                continue;
            }
            let t = glued_nr.unwrap_or(t);
            if house_token(t) && out.numbers.is_empty() {
                let (n, l) = numbers_of(t);
                out.numbers = n;
                out.letter = l;
                if let Some(next) = tokens.get(i + 1)
                    && next.chars().count() == 1
                    && next.chars().all(char::is_alphabetic)
                {
                    out.letter = next.chars().next().map(|c| c.to_ascii_uppercase());
                }
                // anything after the house in this segment is ignored except a postcode
                i += 1;
                while i < tokens.len() {
                    let u = tokens[i];
                    if u.len() == 4 && u.chars().all(|c| c.is_ascii_digit()) {
                        found_postcode = u.to_owned();
                        found_town = tokens[i + 1..].join(" ");
                        break;
                    }
                    i += 1;
                }
                break;
            }
            street_words.push(t.to_owned());
            i += 1;
        }
        if !street_words.is_empty() && out.street.is_empty() {
            out.street = street_key(&street_words.join(" "));
        }
    }
    for t in plain(number).split(' ') {
        let tl = t.to_lowercase();
        if t.is_empty() || matches!(tl.as_str(), "nr" | "nr." | "nr:" | "nummer") || bolignummer(t)
        {
            continue;
        }
        let t = ["nr.", "nr:", "nr"]
            .iter()
            .find_map(|p| tl.strip_prefix(p))
            .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            .unwrap_or(&tl);
        if house_token(t) {
            if out.numbers.is_empty() {
                let (n, l) = numbers_of(t);
                out.numbers = n;
                out.letter = out.letter.or(l);
            }
        } else if t.chars().count() == 1 && t.chars().all(char::is_alphabetic) {
            out.letter = out
                .letter
                .or(t.chars().next().map(|c| c.to_ascii_uppercase()));
        }
    }
    let letter = plain(letter);
    if letter.chars().count() == 1 {
        out.letter = out
            .letter
            .or(letter.chars().next().map(|c| c.to_ascii_uppercase()));
    }
    let town = if !plain(city).is_empty() {
        plain(city)
    } else if !found_town.is_empty() {
        found_town
    } else {
        let code = if found_postcode.is_empty() {
            plain(postcode)
        } else {
            found_postcode
        };
        towns.get(&code).cloned().unwrap_or_default()
    };
    out.town = town.split(' ').map(fold).collect::<Vec<String>>().join(" ");
    out
}

/// The judge: the register read once, with hash maps by house and by birth date.
#[derive(Debug)]
pub struct Judge<'a> {
    register: &'a [PersonRecord],
    houses: Vec<HouseReading>,
    by_house: HashMap<(String, u32, String), Vec<usize>>,
    by_birth: HashMap<NaiveDate, Vec<usize>>,
    towns: HashMap<String, String>,
}

fn postcode_towns() -> HashMap<String, String> {
    include_str!("../../../data/postcodes/NO.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| {
            let (code, town) = l.split_once('\t')?;
            Some((code.to_owned(), town.to_owned()))
        })
        .collect()
}

impl<'a> Judge<'a> {
    /// Reads the register.
    pub fn new(register: &'a [PersonRecord]) -> Judge<'a> {
        let towns = postcode_towns();
        let mut by_house: HashMap<(String, u32, String), Vec<usize>> = HashMap::new();
        let mut by_birth: HashMap<NaiveDate, Vec<usize>> = HashMap::new();
        let mut houses = Vec::with_capacity(register.len());
        for (i, r) in register.iter().enumerate() {
            let h = read_house(
                &r.street,
                &r.house_number,
                &r.house_letter,
                &r.postcode,
                &r.city,
                &towns,
            );
            for &n in &h.numbers {
                let last = h.street.last().cloned().unwrap_or_default();
                by_house
                    .entry((h.town.clone(), n, last))
                    .or_default()
                    .push(i);
            }
            if let Some(b) = r.birth_date {
                by_birth.entry(b).or_default().push(i);
            }
            houses.push(h);
        }
        Judge {
            register,
            houses,
            by_house,
            by_birth,
            towns,
        }
    }

    /// Reads a lead.
    pub fn read(&self, q: &PersonQuery) -> Reading {
        Reading {
            names: name_words(&q.given_names, &q.surname),
            house: read_house(
                &q.street,
                &q.house_number,
                &q.house_letter,
                &q.postcode,
                &q.city,
                &self.towns,
            ),
            birth: q.birth_date,
        }
    }

    fn at_house(&self, lead: &HouseReading, row: usize) -> bool {
        let h = &self.houses[row];
        h.town == lead.town
            && streets_could_be(&h.street, &lead.street)
            && h.numbers.iter().any(|n| lead.numbers.contains(n))
            && (h.letter.is_none() || lead.letter.is_none() || h.letter == lead.letter)
    }

    fn names_could_be(&self, words: &[String], row: usize) -> bool {
        let r = &self.register[row];
        let given: Vec<&str> = r
            .given_names
            .split([' ', '-'])
            .filter(|w| !w.is_empty())
            .collect();
        let surnames: Vec<&str> = r
            .surname
            .split([' ', '-'])
            .filter(|w| !w.is_empty())
            .collect();
        words.iter().enumerate().any(|(i, a)| {
            given.iter().any(|g| words_could_be(a, g))
                && words
                    .iter()
                    .enumerate()
                    .any(|(j, b)| j != i && surnames.iter().any(|s| words_could_be(b, s)))
        })
    }

    /// Whether the lead could be the row.
    pub fn could_be(&self, reading: &Reading, row: usize) -> bool {
        if !self.names_could_be(&reading.names, row) {
            return false;
        }
        match (reading.birth, self.register[row].birth_date) {
            (Some(a), Some(b)) if a == b => true,
            (Some(_), Some(_)) => false,
            _ => self.at_house(&reading.house, row),
        }
    }

    /// Every reserved person the lead could be.
    pub fn candidates(&self, q: &PersonQuery) -> Vec<usize> {
        let reading = self.read(q);
        let mut rows: Vec<usize> = Vec::new();
        let last = reading.house.street.last().cloned().unwrap_or_default();
        for &n in &reading.house.numbers {
            if let Some(v) = self
                .by_house
                .get(&(reading.house.town.clone(), n, last.clone()))
            {
                rows.extend(v);
            }
        }
        if let Some(v) = reading.birth.and_then(|b| self.by_birth.get(&b)) {
            rows.extend(v);
        }
        rows.sort_unstable();
        rows.dedup();
        rows.retain(|&r| self.could_be(&reading, r));
        rows
    }

    /// Whether a label is honest: a corrupted lead could be its truth and nobody else
    /// reserved; a look-alike could be nobody reserved.
    pub fn honest(&self, q: &PersonQuery, truth: Option<usize>) -> bool {
        let c = self.candidates(q);
        match truth {
            Some(t) => c == [t],
            None => c.is_empty(),
        }
    }
}
