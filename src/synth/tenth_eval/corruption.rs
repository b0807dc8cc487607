//! Lead layouts and corruptions: a lead is first written in a lossless layout ([`Parts`]),
//! then damaged by its kind.

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;
use unicode_normalization::UnicodeNormalization;

use super::judge::ENTITIES;
use super::names::{PREFIXES, other_spellings};
use super::places::{Street, Town};
use crate::person::PersonQuery;

/// A wrong postcode with the right town (a typo, or a neighbouring postcode of the town).
pub const POSTCODE_TYPO: &str = "postcode_typo_town_right";
/// Postcode digits read as letters (`94O9`, `5l39`).
pub const POSTCODE_GLYPHS: &str = "postcode_glyphs_misread";
/// No postcode, the town written.
pub const POSTCODE_MISSING: &str = "postcode_missing_town_given";
/// A bolignummer (`H0404`, `U0101`, `K0101`, `L0101`) with the street.
pub const BOLIGNUMMER: &str = "bolignummer_in_street_field";
/// A person-named street's given name as its initial (`H. Raanes vei`).
pub const STREET_INITIAL: &str = "street_given_name_initial";
/// A street prefix abbreviated (`Ø. Svanegata`).
pub const STREET_PREFIX: &str = "street_prefix_abbreviated";
/// The first given name in another spelling of it (`Tomas` for `Thomas`).
pub const GIVEN_SPELLING: &str = "given_name_spelling_variant";
/// A scanner confusion: `rn`↔`m`, `l`→`1`.
pub const OCR: &str = "ocr_rn_m_l_1";
/// æ/ø/å lost in exactly two fields (`Jorgensen, Blabergata`).
pub const TRANSLIT: &str = "translit_lossy_two_fields";
/// No-break, narrow no-break or doubled spaces between street, number and letter.
pub const WHITESPACE: &str = "whitespace_nbsp_double";
/// Two issue corruptions from two parts of the lead.
pub const TWO: &str = "two_issue_corruptions";
/// The lossless layout only (a control).
pub const UNCHANGED: &str = "unchanged";
/// Norwegian letters as HTML entities in names, street and town (a scraped web form).
pub const HTML: &str = "html_entities_web_form";
/// House number and postcode as spreadsheet floats (`12.0`, `150.0` for `0150`).
pub const FLOATS: &str = "numbers_as_spreadsheet_floats";
/// The house number before the street (`12 B Blåbærveien`).
pub const NUMBER_FIRST: &str = "house_number_before_street";
/// Every `å` decomposed into `a` and a combining ring (an NFD export from a Mac).
pub const NFD: &str = "aring_decomposed_nfd";

/// How street, number and letter are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Street, number and letter in three fields.
    Fields,
    /// `Street 12 B` in the street field.
    StreetWithHouse,
    /// The street alone, `12B` in the number field.
    NumberGlued,
}

/// A lead in parts, before it is assembled into a query.
#[derive(Debug, Clone)]
pub struct Parts {
    /// Given names.
    pub given: String,
    /// Surname.
    pub surname: String,
    /// Street name.
    pub street: String,
    /// House number.
    pub number: String,
    /// House letter.
    pub letter: String,
    /// Postcode.
    pub postcode: String,
    /// Post town.
    pub city: String,
    /// Birth date shown.
    pub birth: Option<NaiveDate>,
    /// The layout.
    pub layout: Layout,
    /// Between street and number in the street field.
    pub sep_number: String,
    /// Between number and letter in the street field.
    pub sep_letter: String,
    /// Text after the house in the street field (a bolignummer).
    pub after_house: String,
    /// The number (and letter) before the street.
    pub number_first: bool,
}

/// The town as a lead writes it: capitals, title case or lower case.
fn town_case(rng: &mut ChaCha8Rng, name: &str) -> String {
    let x: f64 = rng.random();
    if x < 0.45 {
        name.to_owned()
    } else if x < 0.85 {
        name.split(' ')
            .map(|w| {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f
                        .to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect(),
                    None => String::new(),
                }
            })
            .collect::<Vec<String>>()
            .join(" ")
    } else {
        name.to_lowercase()
    }
}

impl Parts {
    /// A lossless layout of a person at a house.
    #[allow(clippy::too_many_arguments)]
    pub fn lossless(
        rng: &mut ChaCha8Rng,
        given: &str,
        surname: &str,
        town: &Town,
        street: &Street,
        number: u32,
        letter: Option<char>,
        birth: NaiveDate,
    ) -> Parts {
        let x: f64 = rng.random();
        let (given, surname) = if x < 0.85 {
            (given.to_owned(), surname.to_owned())
        } else if x < 0.95 {
            (given.to_uppercase(), surname.to_uppercase())
        } else {
            (given.to_owned(), surname.to_uppercase())
        };
        let y: f64 = rng.random();
        let layout = if y < 0.4 {
            Layout::Fields
        } else if y < 0.7 {
            Layout::StreetWithHouse
        } else {
            Layout::NumberGlued
        };
        Parts {
            given,
            surname,
            street: street.name.clone(),
            number: number.to_string(),
            letter: letter.map(String::from).unwrap_or_default(),
            postcode: street.postcode.clone(),
            city: town_case(rng, &town.name),
            birth: rng.random_bool(0.35).then_some(birth),
            layout,
            sep_number: " ".into(),
            sep_letter: " ".into(),
            after_house: String::new(),
            number_first: false,
        }
    }

    /// The query the matcher gets.
    pub fn assemble(&self) -> PersonQuery {
        let l = &self.letter;
        let house = if l.is_empty() {
            self.number.clone()
        } else {
            format!("{}{}{l}", self.number, self.sep_letter)
        };
        let (street, number, letter) = if self.number_first {
            (
                format!("{house} {}{}", self.street, self.after_house),
                String::new(),
                String::new(),
            )
        } else {
            match self.layout {
                Layout::Fields => (
                    format!("{}{}", self.street, self.after_house),
                    self.number.clone(),
                    l.clone(),
                ),
                Layout::StreetWithHouse => (
                    format!(
                        "{}{}{house}{}",
                        self.street, self.sep_number, self.after_house
                    ),
                    String::new(),
                    String::new(),
                ),
                Layout::NumberGlued => (
                    format!("{}{}", self.street, self.after_house),
                    format!("{}{l}", self.number),
                    String::new(),
                ),
            }
        };
        PersonQuery {
            given_names: self.given.clone(),
            surname: self.surname.clone(),
            street,
            house_number: number,
            house_letter: letter,
            postcode: self.postcode.clone(),
            city: self.city.clone(),
            birth_date: self.birth,
            national_id: None,
        }
    }
}

/// What a corruption may know of the person's place.
pub struct Ctx<'a> {
    /// The person's town.
    pub town: &'a Town,
    /// The person's street.
    pub street: &'a Street,
}

/// Applies corruption `kind`; false if it does not apply to this lead.
pub fn apply(kind: &str, p: &mut Parts, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    match kind {
        POSTCODE_TYPO => postcode_typo(p, ctx, rng),
        POSTCODE_GLYPHS => postcode_glyphs(p, rng),
        POSTCODE_MISSING => {
            p.postcode = ["", "", "", " ", "-", "mangler", "N/A"]
                .choose(rng)
                .copied()
                .unwrap_or_default()
                .to_owned();
            true
        }
        BOLIGNUMMER => bolignummer(p, rng),
        STREET_INITIAL => street_initial(p, ctx, rng),
        STREET_PREFIX => street_prefix(p, ctx, rng),
        GIVEN_SPELLING => given_spelling(p, rng),
        OCR => ocr(p, rng),
        TRANSLIT => translit(p, rng),
        WHITESPACE => whitespace(p, rng),
        TWO => two(p, ctx, rng),
        UNCHANGED => true,
        HTML => html(p, rng),
        FLOATS => {
            p.layout = Layout::Fields;
            p.number_first = false;
            p.number = format!("{}.0", p.number);
            let trimmed = p.postcode.trim_start_matches('0');
            p.postcode = format!("{trimmed}.0");
            true
        }
        NUMBER_FIRST => {
            p.number_first = true;
            p.sep_letter = if rng.random_bool(0.5) {
                " ".into()
            } else {
                String::new()
            };
            true
        }
        NFD => {
            let has = |s: &str| s.contains(['å', 'Å']);
            if !(has(&p.given) || has(&p.surname) || has(&p.street) || has(&p.city)) {
                return false;
            }
            for f in [&mut p.given, &mut p.surname, &mut p.street, &mut p.city] {
                *f = f.nfd().collect();
            }
            true
        }
        _ => false,
    }
}

fn postcode_typo(p: &mut Parts, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let own = &ctx.street.postcode;
    let others: Vec<&String> = ctx.town.postcodes.iter().filter(|c| *c != own).collect();
    if !others.is_empty()
        && rng.random_bool(0.4)
        && let Some(c) = others.choose(rng)
    {
        p.postcode = (*c).clone();
        return true;
    }
    let mut digits: Vec<u8> = own.bytes().collect();
    if digits.len() != 4 {
        return false;
    }
    if rng.random_bool(0.3) {
        // Two neighbouring digits swapped.
        let i = rng.random_range(0..3);
        if digits[i] == digits[i + 1] {
            return false;
        }
        digits.swap(i, i + 1);
    } else {
        let i = [1, 2, 3, 3][rng.random_range(0..4)];
        let old = digits[i];
        while digits[i] == old {
            digits[i] = b'0' + rng.random_range(0..10);
        }
    }
    p.postcode = String::from_utf8(digits).unwrap_or_default();
    true
}

fn postcode_glyphs(p: &mut Parts, rng: &mut ChaCha8Rng) -> bool {
    let glyph = |d: char| -> &'static [&'static str] {
        match d {
            '0' => &["O", "o", "D"],
            '1' => &["l", "I"],
            '2' => &["Z"],
            '4' => &["A"],
            '5' => &["S", "s"],
            '6' => &["b", "G"],
            '8' => &["B"],
            '9' => &["g"],
            _ => &[],
        }
    };
    let chars: Vec<char> = p.postcode.chars().collect();
    let can: Vec<usize> = (0..chars.len())
        .filter(|&i| !glyph(chars[i]).is_empty())
        .collect();
    if can.is_empty() {
        return false;
    }
    let n = if can.len() > 1 && rng.random_bool(0.3) {
        2
    } else {
        1
    };
    let chosen: Vec<usize> = can.choose_multiple(rng, n).copied().collect();
    p.postcode = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if chosen.contains(&i) {
                glyph(c).choose(rng).copied().unwrap_or_default().to_owned()
            } else {
                c.to_string()
            }
        })
        .collect();
    true
}

fn bolignummer(p: &mut Parts, rng: &mut ChaCha8Rng) -> bool {
    let x: f64 = rng.random();
    let code = if x < 0.8 {
        format!(
            "H{:02}{:02}",
            rng.random_range(1..=6),
            rng.random_range(1..=6)
        )
    } else {
        ["U0101", "K0101", "L0101", "U0102"][rng.random_range(0..4)].to_owned()
    };
    let y: f64 = rng.random();
    if y < 0.15 && p.letter.is_empty() {
        // A list with a column for letter or flat.
        p.layout = Layout::Fields;
        p.number_first = false;
        p.letter = code;
        return true;
    }
    if p.layout != Layout::StreetWithHouse && !p.number_first {
        p.layout = Layout::StreetWithHouse;
    }
    p.after_house = if y < 0.6 {
        format!(" {code}")
    } else if y < 0.85 {
        format!(", {code}")
    } else {
        format!(" - {code}")
    };
    true
}

fn street_initial(p: &mut Parts, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let Some((given, rest)) = &ctx.street.person else {
        return false;
    };
    let Some(i) = given.chars().next() else {
        return false;
    };
    let x: f64 = rng.random();
    let s = if x < 0.5 {
        format!("{i}. {rest}")
    } else if x < 0.7 {
        format!("{i}.{rest}")
    } else {
        format!("{i} {rest}")
    };
    p.street = if rng.random_bool(0.2) {
        s.to_uppercase()
    } else {
        s
    };
    true
}

fn street_prefix(p: &mut Parts, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let Some(x) = ctx.street.prefix else {
        return false;
    };
    let short = PREFIXES[x].short.choose(rng).copied().unwrap_or("Ø.");
    let glue = short.ends_with('.') && rng.random_bool(0.15);
    p.street = format!("{short}{}{}", if glue { "" } else { " " }, ctx.street.body);
    true
}

fn given_spelling(p: &mut Parts, rng: &mut ChaCha8Rng) -> bool {
    let first: String = p
        .given
        .split([' ', '-'])
        .next()
        .unwrap_or_default()
        .to_owned();
    let lower_rest = first.chars().skip(1).collect::<String>().to_lowercase();
    let proper = first
        .chars()
        .next()
        .map(|c| format!("{c}{lower_rest}"))
        .unwrap_or_default();
    let others = other_spellings(&proper);
    let Some(other) = others.choose(rng) else {
        return false;
    };
    let other = if first == first.to_uppercase() && first.chars().count() > 1 {
        other.to_uppercase()
    } else {
        (*other).to_owned()
    };
    p.given = format!("{other}{}", &p.given[first.len()..]);
    true
}

/// One scanner confusion in `s`'s first word of four letters or more that has one.
fn ocr_word(s: &str, rng: &mut ChaCha8Rng) -> Option<String> {
    let mut words: Vec<String> = s.split(' ').map(str::to_owned).collect();
    for w in &mut words {
        if w.chars().count() < 4 {
            continue;
        }
        let mut ops: Vec<(&str, &str)> = Vec::new();
        for (from, to) in [("rn", "m"), ("m", "rn"), ("l", "1")] {
            if w.contains(from) {
                ops.push((from, to));
            }
        }
        if let Some((from, to)) = ops.choose(rng) {
            *w = w.replacen(from, to, 1);
            return Some(words.join(" "));
        }
    }
    None
}

fn ocr(p: &mut Parts, rng: &mut ChaCha8Rng) -> bool {
    let start = rng.random_range(0..3);
    for k in 0..3 {
        let field = match (start + k) % 3 {
            0 => &mut p.given,
            1 => &mut p.surname,
            _ => &mut p.street,
        };
        if let Some(s) = ocr_word(field, rng) {
            *field = s;
            return true;
        }
    }
    false
}

fn has_nordic(s: &str) -> bool {
    s.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å'])
}

fn translit(p: &mut Parts, rng: &mut ChaCha8Rng) -> bool {
    let digraphs = rng.random_bool(0.25);
    let mut fields: Vec<&mut String> = [&mut p.given, &mut p.surname, &mut p.street, &mut p.city]
        .into_iter()
        .filter(|f| has_nordic(f))
        .collect();
    if fields.len() < 2 {
        return false;
    }
    fields.shuffle_in_place(rng);
    for f in fields.into_iter().take(2) {
        *f = f
            .chars()
            .map(|c| {
                let s = match (c, digraphs) {
                    ('æ', false) => "e",
                    ('Æ', false) => "E",
                    ('ø', false) => "o",
                    ('Ø', false) => "O",
                    ('å', false) => "a",
                    ('Å', false) => "A",
                    ('æ', true) => "ae",
                    ('Æ', true) => "AE",
                    ('ø', true) => "oe",
                    ('Ø', true) => "OE",
                    ('å', true) => "aa",
                    ('Å', true) => "AA",
                    _ => return c.to_string(),
                };
                s.to_owned()
            })
            .collect();
    }
    true
}

/// Shuffling a vector of mutable references in place.
trait ShuffleInPlace {
    fn shuffle_in_place(&mut self, rng: &mut ChaCha8Rng);
}

impl<T> ShuffleInPlace for Vec<T> {
    fn shuffle_in_place(&mut self, rng: &mut ChaCha8Rng) {
        use rand::seq::SliceRandom;
        self.shuffle(rng);
    }
}

fn whitespace(p: &mut Parts, rng: &mut ChaCha8Rng) -> bool {
    p.layout = Layout::StreetWithHouse;
    p.number_first = false;
    p.sep_number = ["\u{a0}", "  ", "\u{a0} ", "   ", "\u{202f}"]
        .choose(rng)
        .copied()
        .unwrap_or(" ")
        .to_owned();
    p.sep_letter = ["\u{a0}", "  ", " "]
        .choose(rng)
        .copied()
        .unwrap_or(" ")
        .to_owned();
    if p.street.contains(' ') && rng.random_bool(0.3) {
        p.street = p.street.replace(' ', "  ");
    }
    true
}

/// The issue kinds `two_issue_corruptions` draws from, by part of the lead.
const GROUPS: &[&[&str]] = &[
    &[POSTCODE_TYPO, POSTCODE_GLYPHS, POSTCODE_MISSING],
    &[BOLIGNUMMER, STREET_INITIAL, STREET_PREFIX, WHITESPACE],
    &[GIVEN_SPELLING, OCR],
];

fn two(p: &mut Parts, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let a = rng.random_range(0..GROUPS.len());
    let b = (a + rng.random_range(1..GROUPS.len())) % GROUPS.len();
    for g in [a, b] {
        let mut kinds: Vec<&str> = GROUPS[g].to_vec();
        kinds.shuffle_in_place(rng);
        let mut done = false;
        for k in kinds {
            let mut q = p.clone();
            // OCR in `two` is in a name only.
            if k == OCR {
                let before = q.street.clone();
                if !apply(k, &mut q, ctx, rng) || q.street != before {
                    continue;
                }
            } else if !apply(k, &mut q, ctx, rng) {
                continue;
            }
            *p = q;
            done = true;
            break;
        }
        if !done {
            return false;
        }
    }
    true
}

fn html(p: &mut Parts, rng: &mut ChaCha8Rng) -> bool {
    let numeric = rng.random_bool(0.4);
    let fields: Vec<&mut String> = [&mut p.given, &mut p.surname, &mut p.street, &mut p.city]
        .into_iter()
        .filter(|f| has_nordic(f))
        .collect();
    if fields.len() < 2 {
        return false;
    }
    for f in fields {
        *f = f
            .chars()
            .map(|c| {
                ENTITIES
                    .iter()
                    .filter(|(e, _)| e.starts_with("&#") == numeric)
                    .find(|(_, d)| *d == c)
                    .map_or_else(|| c.to_string(), |(e, _)| (*e).to_owned())
            })
            .collect();
    }
    true
}
