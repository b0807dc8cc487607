//! Lead layouts and corruptions: a person's parts ([`Parts`]), written in a lossless layout
//! ([`Parts::write`]), and every corrupted kind as a change to the parts.

use chrono::{Datelike, NaiveDate};
use rand::Rng;

use super::judge::swapped;
use super::names::{self, pick};
use super::places::{Places, StreetKind};
use super::population::{HouseRef, Person, Population};

pub const POSTCODE_TYPO: &str = "postcode_typo_town_right";
pub const POSTCODE_GLYPHS: &str = "postcode_glyphs_misread";
pub const POSTCODE_MISSING: &str = "postcode_missing_town_given";
pub const BOLIGNUMMER: &str = "bolignummer_in_street_field";
pub const STREET_INITIAL: &str = "street_given_name_initial";
pub const STREET_PREFIX: &str = "street_prefix_abbreviated";
pub const SPELLING: &str = "given_name_spelling_variant";
pub const OCR: &str = "ocr_rn_m_l_1";
pub const TRANSLIT: &str = "translit_lossy_two_fields";
pub const WHITESPACE: &str = "whitespace_nbsp_double";
pub const TWO: &str = "two_issue_corruptions";
pub const UNCHANGED: &str = "unchanged";
pub const CARE_OF: &str = "care_of_line_in_street";
pub const FLAT_WORDS: &str = "flat_in_words_after_house";
pub const CRM_NOTES: &str = "crm_note_debris";
pub const DATE_SWAPPED: &str = "birth_date_day_month_swapped";
pub const HYPHEN: &str = "hyphenated_given_name_other_form";

/// Corrupted kinds with their shares (per mille of the corrupted half) and why each is fair.
pub const KINDS: &[(&str, u32, &str)] = &[
    (
        POSTCODE_TYPO,
        60,
        "the town is right and the house is in it",
    ),
    (POSTCODE_GLYPHS, 55, "the glyphs read back to the postcode"),
    (
        POSTCODE_MISSING,
        55,
        "the town is given and the house is in it",
    ),
    (BOLIGNUMMER, 60, "a flat number only adds to the house"),
    (
        STREET_INITIAL,
        50,
        "the initial is the street's given name's",
    ),
    (STREET_PREFIX, 50, "the abbreviation stands for the prefix"),
    (SPELLING, 60, "the same name"),
    (OCR, 60, "one letter's shape"),
    (TRANSLIT, 55, "nothing else changed"),
    (WHITESPACE, 55, "only the spaces differ"),
    (TWO, 80, "each fair, in different parts"),
    (
        CARE_OF,
        75,
        "the c/o name is the host, the address the person's",
    ),
    (FLAT_WORDS, 75, "a flat in words only adds to the house"),
    (CRM_NOTES, 70, "a note is not a name or an address"),
    (
        DATE_SWAPPED,
        60,
        "the same day in the other date order, at the person's house",
    ),
    (HYPHEN, 50, "the same two names"),
    (UNCHANGED, 30, "nothing is changed"),
];

/// A person's lead before it is written into fields.
#[derive(Debug, Clone)]
pub struct Parts {
    pub given: String,
    pub surname: String,
    pub street: String,
    pub street_kind: StreetKind,
    pub number: String,
    pub letter: String,
    pub postcode: String,
    /// The town as `NO.tsv` writes it; its case is chosen when written.
    pub town: String,
    pub town_postcodes: Vec<String>,
    pub birth: Option<NaiveDate>,
    /// Text before the street in the street field.
    pub before: String,
    /// Text after the house in the street field.
    pub after: String,
    /// Between street and number, and between number and letter, in the street field.
    pub gap: String,
    pub letter_gap: String,
    /// The house must be written in the street field.
    pub in_street: bool,
}

impl Parts {
    /// A person at a house, the birth date shown in `show_birth`.
    pub fn at(
        places: &Places,
        house: &HouseRef,
        given: &str,
        surname: &str,
        birth: NaiveDate,
        show_birth: bool,
    ) -> Parts {
        let town = &places.towns[house.town as usize];
        let street = &town.streets[house.street as usize];
        Parts {
            given: given.to_owned(),
            surname: surname.to_owned(),
            street: street.name.clone(),
            street_kind: street.kind,
            number: house.number.to_string(),
            letter: house.letter.map(String::from).unwrap_or_default(),
            postcode: street.postcode.clone(),
            town: town.name.clone(),
            town_postcodes: town.postcodes.clone(),
            birth: show_birth.then_some(birth),
            before: String::new(),
            after: String::new(),
            gap: " ".into(),
            letter_gap: " ".into(),
            in_street: false,
        }
    }

    /// A person of the population, the birth date shown in 35 %.
    pub fn of(rng: &mut impl Rng, places: &Places, p: &Person) -> Parts {
        Parts::at(
            places,
            &p.house,
            &p.given,
            &p.surname,
            p.birth,
            rng.random_bool(0.35),
        )
    }

    /// Writes the parts in a layout that loses nothing.
    pub fn write(&self, rng: &mut impl Rng) -> crate::person::PersonQuery {
        let (mut given, mut surname) = (self.given.clone(), self.surname.clone());
        match rng.random_range(0..20) {
            0..2 => {
                given = given.to_uppercase();
                surname = surname.to_uppercase();
            }
            2 => surname = surname.to_uppercase(),
            _ => {}
        }
        let city = match rng.random_range(0..20) {
            0..9 => self.town.to_uppercase(),
            9..17 => title(&self.town),
            _ => self.town.to_lowercase(),
        };
        let mut q = crate::person::PersonQuery {
            given_names: given,
            surname,
            postcode: self.postcode.clone(),
            city,
            birth_date: self.birth,
            ..Default::default()
        };
        let forced = self.in_street || !self.before.is_empty() || !self.after.is_empty();
        let u = rng.random_range(0..10);
        if forced || (4..7).contains(&u) {
            let letter = if self.letter.is_empty() {
                String::new()
            } else if self.letter_gap == " " && rng.random_bool(0.4) {
                self.letter.clone()
            } else {
                format!("{}{}", self.letter_gap, self.letter)
            };
            q.street = format!(
                "{}{}{}{}{letter}{}",
                self.before, self.street, self.gap, self.number, self.after
            );
        } else if u < 4 {
            q.street = self.street.clone();
            q.house_number = self.number.clone();
            q.house_letter = self.letter.clone();
        } else {
            q.street = self.street.clone();
            q.house_number = format!("{}{}", self.number, self.letter);
        }
        q
    }
}

fn title(s: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == ' ' || c == '-';
    }
    out
}

fn postcode_typo(rng: &mut impl Rng, p: &mut Parts) -> bool {
    let old = p.postcode.clone();
    if p.town_postcodes.len() > 1 && rng.random_bool(0.5) {
        while p.postcode == old {
            p.postcode = p.town_postcodes[rng.random_range(0..p.town_postcodes.len())].clone();
        }
        return true;
    }
    let mut d: Vec<char> = old.chars().collect();
    if d.len() != 4 {
        return false;
    }
    if rng.random_bool(0.3) && d[2] != d[3] {
        d.swap(2, 3);
    } else {
        let i = if rng.random_bool(0.7) { 3 } else { 2 };
        let mut c = d[i];
        while c == d[i] {
            c = char::from(b'0' + rng.random_range(0..10u8));
        }
        d[i] = c;
    }
    p.postcode = d.into_iter().collect();
    p.postcode != old
}

fn postcode_glyphs(rng: &mut impl Rng, p: &mut Parts) -> bool {
    let table = |c: char| -> &'static [char] {
        match c {
            '0' => &['O', 'o', 'D'],
            '1' => &['l', 'I'],
            '2' => &['Z'],
            '4' => &['A'],
            '5' => &['S', 's'],
            '6' => &['b', 'G'],
            '8' => &['B'],
            '9' => &['g'],
            _ => &[],
        }
    };
    let mut d: Vec<char> = p.postcode.chars().collect();
    let able: Vec<usize> = (0..d.len()).filter(|&i| !table(d[i]).is_empty()).collect();
    if able.is_empty() {
        return false;
    }
    let n = if able.len() > 1 && rng.random_bool(0.3) {
        2
    } else {
        1
    };
    let start = rng.random_range(0..able.len());
    for k in 0..n {
        let i = able[(start + k) % able.len()];
        let g = table(d[i]);
        d[i] = g[rng.random_range(0..g.len())];
    }
    p.postcode = d.into_iter().collect();
    true
}

fn postcode_missing(rng: &mut impl Rng, p: &mut Parts) -> bool {
    p.postcode = ["", "", "", "-", "????", "mangler", "0"][rng.random_range(0..7)].to_owned();
    true
}

/// A bolignummer: `H` floor and flat, or a basement, cellar or loft flat.
pub fn bolignummer(rng: &mut impl Rng) -> String {
    if rng.random_bool(0.8) {
        format!("H0{}0{}", rng.random_range(1..=7), rng.random_range(1..=6))
    } else {
        ["U0101", "K0101", "L0101", "U0102"][rng.random_range(0..4)].to_owned()
    }
}

fn bolig(rng: &mut impl Rng, p: &mut Parts) -> bool {
    let b = bolignummer(rng);
    p.in_street = true;
    match rng.random_range(0..20) {
        0..8 => p.after = format!(" {b}"),
        8..13 => p.after = format!(", {b}"),
        13..16 => p.after = format!(" ({b})"),
        16..18 => p.after = format!(" bolignr. {b}"),
        _ => p.before = format!("{b} "),
    }
    true
}

fn street_initial(rng: &mut impl Rng, p: &mut Parts) -> bool {
    if p.street_kind != StreetKind::Person {
        return false;
    }
    let Some((first, rest)) = p.street.split_once(' ') else {
        return false;
    };
    let Some(i) = first.chars().next() else {
        return false;
    };
    p.street = match rng.random_range(0..3) {
        0 => format!("{i}. {rest}"),
        1 => format!("{i}.{rest}"),
        _ => format!("{i} {rest}"),
    };
    true
}

fn street_prefix(rng: &mut impl Rng, p: &mut Parts) -> bool {
    let StreetKind::Prefixed(i) = p.street_kind else {
        return false;
    };
    let Some((_, rest)) = p.street.split_once(' ') else {
        return false;
    };
    let abbrs = names::PREFIXES[i].2;
    let a = abbrs[rng.random_range(0..abbrs.len())];
    p.street = if a.ends_with('.') && rng.random_bool(0.2) {
        format!("{a}{rest}")
    } else {
        format!("{a} {rest}")
    };
    true
}

fn spelling(rng: &mut impl Rng, p: &mut Parts) -> bool {
    let end = p.given.find([' ', '-']).unwrap_or(p.given.len());
    let first = &p.given[..end];
    let Some(family) = names::SPELLINGS.iter().find(|f| f.contains(&first)) else {
        return false;
    };
    let others: Vec<&&str> = family.iter().filter(|w| **w != first).collect();
    let other = others[rng.random_range(0..others.len())];
    p.given = format!("{other}{}", &p.given[end..]);
    true
}

fn ocr_word(w: &str) -> Option<String> {
    if w.chars().count() < 4 {
        return None;
    }
    if w.contains("rn") {
        return Some(w.replacen("rn", "m", 1));
    }
    if let Some(i) = w.find('m') {
        return Some(format!("{}rn{}", &w[..i], &w[i + 1..]));
    }
    let i = w.char_indices().skip(1).find(|(_, c)| *c == 'l')?.0;
    Some(format!("{}1{}", &w[..i], &w[i + 1..]))
}

fn ocr_field(f: &mut String) -> bool {
    let words: Vec<&str> = f.split(' ').collect();
    for (k, w) in words.iter().enumerate() {
        if let Some(new) = ocr_word(w) {
            let mut out: Vec<String> = words.iter().map(|s| (*s).to_owned()).collect();
            out[k] = new;
            *f = out.join(" ");
            return true;
        }
    }
    false
}

fn ocr(rng: &mut impl Rng, p: &mut Parts, names_only: bool) -> bool {
    let n = if names_only { 2 } else { 3 };
    let start = rng.random_range(0..n);
    for k in 0..n {
        let f = match (start + k) % n {
            0 => &mut p.given,
            1 => &mut p.surname,
            _ => &mut p.street,
        };
        if ocr_field(f) {
            return true;
        }
    }
    false
}

fn has_special(s: &str) -> bool {
    s.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å'])
}

fn strip(s: &str, digraph: bool) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let r = match (c, digraph) {
            ('æ', false) => "e",
            ('ø', false) => "o",
            ('å', false) => "a",
            ('Æ', false) => "E",
            ('Ø', false) => "O",
            ('Å', false) => "A",
            ('æ', true) => "ae",
            ('ø', true) => "oe",
            ('å', true) => "aa",
            ('Æ', true) => "AE",
            ('Ø', true) => "OE",
            ('Å', true) => "AA",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(r);
    }
    out
}

fn translit(rng: &mut impl Rng, p: &mut Parts) -> bool {
    let fields: Vec<usize> = [&p.given, &p.surname, &p.street, &p.town]
        .iter()
        .enumerate()
        .filter(|(_, f)| has_special(f))
        .map(|(i, _)| i)
        .collect();
    if fields.len() < 2 {
        return false;
    }
    let a = rng.random_range(0..fields.len());
    let b = (a + rng.random_range(1..fields.len())) % fields.len();
    let digraph = rng.random_bool(0.25);
    for &i in [fields[a], fields[b]].iter() {
        let f = match i {
            0 => &mut p.given,
            1 => &mut p.surname,
            2 => &mut p.street,
            _ => &mut p.town,
        };
        *f = strip(f, digraph);
    }
    true
}

fn whitespace(rng: &mut impl Rng, p: &mut Parts) -> bool {
    p.in_street = true;
    p.gap = ["\u{a0}", "  ", "   ", "\u{a0} "][rng.random_range(0..4)].to_owned();
    if !p.letter.is_empty() {
        p.letter_gap = ["\u{a0}", "  "][rng.random_range(0..2)].to_owned();
    }
    if p.street.contains(' ') && rng.random_bool(0.3) {
        p.street = p.street.replace(' ', "  ");
    }
    true
}

fn care_of(rng: &mut impl Rng, p: &mut Parts) -> bool {
    let mut host = pick(rng, names::SURNAMES);
    while host == p.surname {
        host = pick(rng, names::SURNAMES);
    }
    let co = if rng.random_bool(0.8) { "c/o" } else { "C/O" };
    p.in_street = true;
    if rng.random_bool(0.6) {
        let given = if rng.random_bool(0.5) {
            format!("{} ", pick(rng, names::WOMEN))
        } else {
            String::new()
        };
        p.before = format!("{co} {given}{host}, ");
    } else {
        p.after = format!(" {co} {host}");
    }
    true
}

fn flat_words(rng: &mut impl Rng, p: &mut Parts) -> bool {
    p.in_street = true;
    let floor = rng.random_range(1..=6);
    p.after = match rng.random_range(0..6) {
        0 => format!(", leil. {}", floor * 100 + rng.random_range(1..=4)),
        1 => format!(" {floor}. etg."),
        2 => format!(", {floor}. etasje"),
        3 => format!(" leilighet {}", rng.random_range(1..=40)),
        4 => " sokkel".to_owned(),
        _ => ", inngang bak".to_owned(),
    };
    true
}

fn crm_notes(rng: &mut impl Rng, p: &mut Parts) -> bool {
    let u = rng.random_range(0..10);
    if u < 6 {
        let note = [
            " (ring etter kl. 16)",
            " // ikke ring lørdag",
            " (ny adresse 2024)",
            " (sjekk adr.)",
            " // flyttet?",
        ][rng.random_range(0..5)];
        p.street = format!("{}{note}", p.street);
    }
    if u >= 4 {
        match rng.random_range(0..3) {
            0 => p.surname.push_str(" *"),
            1 => p.given.push_str(" (VIP)"),
            _ => p.surname.push_str(" [dublett?]"),
        }
    }
    true
}

fn date_swapped(p: &mut Parts, person: &Person, row_shows: bool) -> bool {
    let d = person.birth;
    if !row_shows || d.day() > 12 || d.day() == d.month() {
        return false;
    }
    p.birth = swapped(d);
    p.birth.is_some()
}

fn hyphen(rng: &mut impl Rng, p: &mut Parts) -> bool {
    let Some((a, b)) = p.given.split_once('-') else {
        return false;
    };
    let lower = b.to_lowercase();
    p.given = match rng.random_range(0..4) {
        0 => format!("{a}{lower}"),
        1 => format!("{a} {b}"),
        2 => format!("{a}-{lower}"),
        _ => format!("{a}{b}"),
    };
    true
}

/// Applies a corrupted kind to a reserved person's parts; `false` where it does not apply.
pub fn apply(
    kind: &str,
    rng: &mut impl Rng,
    p: &mut Parts,
    pop: &Population,
    person: usize,
) -> bool {
    let person = &pop.persons[person];
    match kind {
        POSTCODE_TYPO => postcode_typo(rng, p),
        POSTCODE_GLYPHS => postcode_glyphs(rng, p),
        POSTCODE_MISSING => postcode_missing(rng, p),
        BOLIGNUMMER => bolig(rng, p),
        STREET_INITIAL => street_initial(rng, p),
        STREET_PREFIX => street_prefix(rng, p),
        SPELLING => spelling(rng, p),
        OCR => ocr(rng, p, false),
        TRANSLIT => translit(rng, p),
        WHITESPACE => whitespace(rng, p),
        TWO => {
            let first = match rng.random_range(0..3) {
                0 => postcode_typo(rng, p),
                1 => postcode_glyphs(rng, p),
                _ => postcode_missing(rng, p),
            };
            let start = rng.random_range(0..6);
            first
                && (0..6).any(|k| match (start + k) % 6 {
                    0 => bolig(rng, p),
                    1 => street_initial(rng, p),
                    2 => street_prefix(rng, p),
                    3 => whitespace(rng, p),
                    4 => spelling(rng, p),
                    _ => ocr(rng, p, true),
                })
        }
        CARE_OF => care_of(rng, p),
        FLAT_WORDS => flat_words(rng, p),
        CRM_NOTES => crm_notes(rng, p),
        DATE_SWAPPED => {
            let shows = person
                .row
                .and_then(|r| pop.register[r].birth_date)
                .is_some();
            date_swapped(p, person, shows)
        }
        HYPHEN => hyphen(rng, p),
        _ => true,
    }
}

/// Harmless damage a look-alike may carry too (a missing or misread postcode, a bolignummer).
pub fn harmless(rng: &mut impl Rng, p: &mut Parts) {
    match rng.random_range(0..3) {
        0 => postcode_missing(rng, p),
        1 => postcode_glyphs(rng, p),
        _ => bolig(rng, p),
    };
}
