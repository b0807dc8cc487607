//! Lead layout and the corruptions of reserved persons: each kind's name, and a function that
//! damages a lead the way the name says (or says it cannot, for this person).

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::names::{FAMILIES, FLATS, PREFIXES, SAMI_KVEN};
use super::places::{Places, Shape};
use super::population::Person;
use crate::person::{PersonQuery, PersonRecord};

/// Another postcode of the town, or one digit retyped; the town right.
pub const POSTCODE_TOWN_RIGHT: &str = "postcode_neighbour_code_town_right";
/// Digits of the postcode read as letters (`94O9`, `5l39`).
pub const POSTCODE_GLYPHS: &str = "postcode_glyph_digits";
/// No usable postcode; the town written.
pub const POSTCODE_BLANK: &str = "postcode_blank_town_kept";
/// A bolignummer in the street field (`Skiferlia 9, H0404`).
pub const BOLIGNUMMER: &str = "bolignummer_after_street";
/// A person-named street's given name as an initial (`J. Falkenberg vei`).
pub const STREET_INITIAL: &str = "street_given_initial";
/// A street prefix shortened (`Ø. Kvartsveien`).
pub const STREET_PREFIX: &str = "street_prefix_short_form";
/// The first given name in another spelling of its family.
pub const GIVEN_VARIANT: &str = "given_name_family_variant";
/// OCR shape confusion `rn`↔`m`, `l`→`1`.
pub const OCR: &str = "ocr_shape_rn_m_l1";
/// æ/ø/å lost in exactly two fields.
pub const TRANSLIT: &str = "aeoeaa_lost_two_fields";
/// No-break and doubled spaces.
pub const WHITESPACE: &str = "nbsp_and_double_spaces";
/// A postcode kind and one other issue kind.
pub const TWO: &str = "two_issue_damages_combined";
/// Street and town fields swapped (own).
pub const SWAPPED: &str = "street_and_town_swapped";
/// The town by its Sami or Kven name (own).
pub const SAMI: &str = "town_in_sami_or_kven";
/// Only the birth year known, stored as the first of January (own).
pub const YEAR_ONLY: &str = "birth_year_only_first_january";
/// `kj`/`tj`, `skj`/`sj`, `hj`/`gj`/`hv` spelled by ear (own).
pub const BY_EAR: &str = "kj_sj_spelled_by_ear";
/// Layout only (a control).
pub const UNCHANGED: &str = "unchanged";

/// Kinds of corrupted leads with shares per mille.
pub const SHARES: &[(&str, u32)] = &[
    (POSTCODE_TOWN_RIGHT, 65),
    (POSTCODE_GLYPHS, 60),
    (POSTCODE_BLANK, 55),
    (BOLIGNUMMER, 60),
    (STREET_INITIAL, 55),
    (STREET_PREFIX, 55),
    (GIVEN_VARIANT, 65),
    (OCR, 60),
    (TRANSLIT, 55),
    (WHITESPACE, 55),
    (TWO, 80),
    (SWAPPED, 75),
    (SAMI, 60),
    (YEAR_ONLY, 85),
    (BY_EAR, 75),
    (UNCHANGED, 40),
];

/// A lead being written.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
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
    /// Town.
    pub city: String,
    /// Birth date shown.
    pub birth: Option<NaiveDate>,
    /// The whole street field with the house, if the house is written into it.
    pub street_line: Option<String>,
    /// Street and town fields swapped.
    pub swap: bool,
}

fn title(s: &str) -> String {
    s.split(' ')
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
}

/// The lead of `r` in a random layout.
pub fn layout(r: &PersonRecord, rng: &mut ChaCha8Rng) -> Draft {
    let u: f64 = rng.random();
    let (given, surname) = if u < 0.85 {
        (r.given_names.clone(), r.surname.clone())
    } else if u < 0.95 {
        (r.given_names.to_uppercase(), r.surname.to_uppercase())
    } else {
        (r.given_names.clone(), r.surname.to_uppercase())
    };
    let u: f64 = rng.random();
    let city = if u < 0.45 {
        r.city.clone()
    } else if u < 0.85 {
        title(&r.city)
    } else {
        r.city.to_lowercase()
    };
    let mut d = Draft {
        given,
        surname,
        street: r.street.clone(),
        number: r.house_number.clone(),
        letter: r.house_letter.clone(),
        postcode: r.postcode.clone(),
        city,
        birth: if rng.random_bool(0.35) {
            r.birth_date
        } else {
            None
        },
        street_line: None,
        swap: false,
    };
    if rng.random_bool(0.4) {
        d.street_line = Some(house_line(&d, rng));
    }
    d
}

fn house_line(d: &Draft, rng: &mut ChaCha8Rng) -> String {
    if d.letter.is_empty() {
        format!("{} {}", d.street, d.number)
    } else if rng.random_bool(0.5) {
        format!("{} {} {}", d.street, d.number, d.letter)
    } else {
        format!("{} {}{}", d.street, d.number, d.letter)
    }
}

/// The query a draft becomes.
pub fn finish(d: &Draft) -> PersonQuery {
    let (street, number, letter) = match &d.street_line {
        Some(line) => (line.clone(), String::new(), String::new()),
        None => (d.street.clone(), d.number.clone(), d.letter.clone()),
    };
    let (street, city) = if d.swap {
        (d.city.clone(), street)
    } else {
        (street, d.city.clone())
    };
    PersonQuery {
        given_names: d.given.clone(),
        surname: d.surname.clone(),
        street,
        house_number: number,
        house_letter: letter,
        postcode: d.postcode.clone(),
        city,
        birth_date: d.birth,
        national_id: None,
    }
}

/// What a corruption may look at.
pub struct Ctx<'a> {
    /// Geography.
    pub places: &'a Places,
    /// The person.
    pub person: &'a Person,
}

/// The glyphs a digit may be read as.
pub fn glyphs(d: char) -> &'static [char] {
    match d {
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
}

fn postcode_town_right(d: &mut Draft, c: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let town = &c.places.towns[c.person.house.town];
    if town.postcodes.len() > 1 && rng.random_bool(0.5) {
        let others: Vec<&String> = town
            .postcodes
            .iter()
            .filter(|p| **p != d.postcode)
            .collect();
        if !others.is_empty() {
            d.postcode = others[rng.random_range(0..others.len())].clone();
            return true;
        }
    }
    let mut digits: Vec<char> = d.postcode.chars().collect();
    if digits.len() != 4 {
        return false;
    }
    let at = if rng.random_bool(0.7) { 3 } else { 2 };
    let old = digits[at];
    while digits[at] == old {
        digits[at] = char::from(b'0' + rng.random_range(0..10u8));
    }
    d.postcode = digits.into_iter().collect();
    true
}

fn postcode_glyphs(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let mut chars: Vec<char> = d.postcode.chars().collect();
    let spots: Vec<usize> = (0..chars.len())
        .filter(|&i| !glyphs(chars[i]).is_empty())
        .collect();
    if spots.is_empty() {
        return false;
    }
    let n = if spots.len() > 1 && rng.random_bool(0.3) {
        2
    } else {
        1
    };
    let mut changed = 0;
    while changed < n {
        let i = spots[rng.random_range(0..spots.len())];
        let g = glyphs(chars[i]);
        if g.is_empty() {
            continue;
        }
        chars[i] = g[rng.random_range(0..g.len())];
        changed += 1;
    }
    d.postcode = chars.into_iter().collect();
    true
}

fn postcode_blank(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    d.postcode = ["", "", "-", "0000", "ukjent", "????"][rng.random_range(0..6)].to_owned();
    true
}

fn bolignummer(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let flat = FLATS[rng.random_range(0..FLATS.len())];
    let line = house_line(d, rng);
    d.street_line = Some(match rng.random_range(0..4) {
        0 => format!("{line} {flat}"),
        1 => format!("{line}, {flat}"),
        2 => format!("{line} - {flat}"),
        _ => format!("{flat} {line}"),
    });
    true
}

fn street_initial(d: &mut Draft, c: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let street = &c.places.towns[c.person.house.town].streets[c.person.house.street];
    if street.shape != Shape::Person {
        return false;
    }
    let Some((first, rest)) = street.name.split_once(' ') else {
        return false;
    };
    let initial: String = first.chars().take(1).collect();
    d.street = match rng.random_range(0..3) {
        0 => format!("{initial}. {rest}"),
        1 => format!("{initial}.{rest}"),
        _ => format!("{initial} {rest}"),
    };
    if d.street_line.is_some() {
        d.street_line = Some(house_line(d, rng));
    }
    true
}

fn street_prefix(d: &mut Draft, c: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let street = &c.places.towns[c.person.house.town].streets[c.person.house.street];
    let Shape::Prefixed(k) = street.shape else {
        return false;
    };
    let Some((_, rest)) = street.name.split_once(' ') else {
        return false;
    };
    let shorts = PREFIXES[k].1;
    d.street = format!("{} {rest}", shorts[rng.random_range(0..shorts.len())]);
    if d.street_line.is_some() {
        d.street_line = Some(house_line(d, rng));
    }
    true
}

fn given_variant(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let mut words: Vec<String> = d.given.split(' ').map(str::to_owned).collect();
    let Some(first) = words.first().cloned() else {
        return false;
    };
    let Some(fam) = FAMILIES
        .iter()
        .find(|f| f.iter().any(|m| m.to_lowercase() == first.to_lowercase()))
    else {
        return false;
    };
    let others: Vec<&str> = fam
        .iter()
        .copied()
        .filter(|m| m.to_lowercase() != first.to_lowercase())
        .collect();
    let new = others[rng.random_range(0..others.len())];
    words[0] = if first.chars().all(|c| !c.is_lowercase()) {
        new.to_uppercase()
    } else {
        new.to_owned()
    };
    d.given = words.join(" ");
    true
}

/// Replaces the first match of one OCR confusion in the first long-enough word of `s`.
pub fn ocr_word(s: &str) -> Option<String> {
    let mut words: Vec<String> = s.split(' ').map(str::to_owned).collect();
    for w in words.iter_mut() {
        if w.chars().count() < 4 {
            continue;
        }
        let lower = w.to_lowercase();
        let new = if let Some(i) = lower.find("rn") {
            Some(format!("{}m{}", &w[..i], &w[i + 2..]))
        } else if let Some(i) = lower.find('m').filter(|&i| i > 0) {
            Some(format!("{}rn{}", &w[..i], &w[i + 1..]))
        } else {
            lower
                .char_indices()
                .skip(1)
                .find(|&(_, c)| c == 'l')
                .map(|(i, _)| format!("{}1{}", &w[..i], &w[i + 1..]))
        };
        if let Some(n) = new {
            *w = n;
            return Some(words.join(" "));
        }
    }
    None
}

fn ocr(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let start = rng.random_range(0..3);
    for k in 0..3 {
        match (start + k) % 3 {
            0 => {
                if let Some(n) = ocr_word(&d.given) {
                    d.given = n;
                    return true;
                }
            }
            1 => {
                if let Some(n) = ocr_word(&d.surname) {
                    d.surname = n;
                    return true;
                }
            }
            _ => {
                if let Some(n) = ocr_word(&d.street) {
                    d.street = n;
                    if d.street_line.is_some() {
                        d.street_line = Some(house_line(d, rng));
                    }
                    return true;
                }
            }
        }
    }
    false
}

/// æ/ø/å written without them: `e`/`o`/`a`, or `ae`/`oe`/`aa` if `digraph`.
pub fn lose_aeoeaa(s: &str, digraph: bool) -> String {
    let mut o = String::new();
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
                o.push(c);
                continue;
            }
        };
        o.push_str(r);
    }
    o
}

fn translit(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let has = |s: &str| s.chars().any(|c| "æøåÆØÅ".contains(c));
    let fields: Vec<usize> = [&d.given, &d.surname, &d.street, &d.city]
        .iter()
        .enumerate()
        .filter(|(_, s)| has(s))
        .map(|(i, _)| i)
        .collect();
    if fields.len() < 2 {
        return false;
    }
    let a = rng.random_range(0..fields.len());
    let mut b = rng.random_range(0..fields.len());
    while b == a {
        b = rng.random_range(0..fields.len());
    }
    let digraph = rng.random_bool(0.25);
    for &f in [fields[a], fields[b]].iter() {
        match f {
            0 => d.given = lose_aeoeaa(&d.given, digraph),
            1 => d.surname = lose_aeoeaa(&d.surname, digraph),
            2 => d.street = lose_aeoeaa(&d.street, digraph),
            _ => d.city = lose_aeoeaa(&d.city, digraph),
        }
    }
    if d.street_line.is_some() {
        d.street_line = Some(house_line(d, rng));
    }
    true
}

fn whitespace(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let gap = ["\u{a0}", "  ", "\u{a0} ", "   "][rng.random_range(0..4)];
    let street = if d.street.contains(' ') && rng.random_bool(0.3) {
        d.street.replace(' ', "  ")
    } else {
        d.street.clone()
    };
    let letter = if d.letter.is_empty() {
        String::new()
    } else {
        format!(
            "{}{}",
            ["\u{a0}", "  ", " "][rng.random_range(0..3)],
            d.letter
        )
    };
    d.street_line = Some(format!("{street}{gap}{}{letter}", d.number));
    if d.given.contains(' ') && rng.random_bool(0.5) {
        d.given = d.given.replacen(' ', "\u{a0}", 1);
    }
    true
}

fn swapped(d: &mut Draft) -> bool {
    d.swap = true;
    true
}

fn sami(d: &mut Draft, c: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let town = &c.places.towns[c.person.house.town].name;
    let Some((_, alts)) = SAMI_KVEN.iter().find(|(t, _)| t == town) else {
        return false;
    };
    let alt = alts[rng.random_range(0..alts.len())];
    d.city = if rng.random_bool(0.3) {
        alt.to_uppercase()
    } else {
        alt.to_owned()
    };
    true
}

fn year_only(d: &mut Draft, c: &Ctx) -> bool {
    let b = c.person.birth;
    if b.month() == 1 && b.day() == 1 {
        return false;
    }
    d.birth = NaiveDate::from_ymd_opt(b.year(), 1, 1);
    d.birth.is_some()
}

/// One by-ear respelling of `s`: `skj`→`sj`, `sj`→`skj`, `kj`↔`tj` (not after `s`), a first
/// `Hj`/`Gj`→`J`, a first `Hv`→`V`.
pub fn by_ear_word(s: &str) -> Option<String> {
    let mut words: Vec<String> = s.split(' ').map(str::to_owned).collect();
    for w in words.iter_mut() {
        let lower = w.to_lowercase();
        let upper = w.chars().all(|c| !c.is_lowercase());
        let case = |x: &str| {
            if upper {
                x.to_uppercase()
            } else {
                x.to_owned()
            }
        };
        let new = if lower.starts_with("hj") || lower.starts_with("gj") || lower.starts_with("hv") {
            let rest: String = w.chars().skip(1).collect();
            let mut c = rest.chars();
            c.next()
                .map(|f| format!("{}{}", f.to_uppercase(), c.as_str()))
        } else if let Some(i) = lower.find("skj") {
            Some(format!(
                "{}{}{}",
                &w[..i + 1],
                &w[i + 2..i + 3],
                &w[i + 3..]
            ))
        } else if let Some(i) = lower.find("sj") {
            Some(format!("{}{}{}", &w[..i + 1], case("k"), &w[i + 1..]))
        } else if let Some(i) = lower.find("kj").filter(|&i| !lower[..i].ends_with('s')) {
            let t = if &w[i..i + 1] == "K" { "T" } else { "t" };
            Some(format!("{}{}{}", &w[..i], t, &w[i + 1..]))
        } else if let Some(i) = lower.find("tj").filter(|&i| !lower[..i].ends_with('s')) {
            let k = if &w[i..i + 1] == "T" { "K" } else { "k" };
            Some(format!("{}{}{}", &w[..i], k, &w[i + 1..]))
        } else {
            None
        };
        if let Some(n) = new {
            *w = n;
            return Some(words.join(" "));
        }
    }
    None
}

fn by_ear(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let start = rng.random_range(0..3);
    for k in 0..3 {
        match (start + k) % 3 {
            0 => {
                if let Some(n) = by_ear_word(&d.given) {
                    d.given = n;
                    return true;
                }
            }
            1 => {
                if let Some(n) = by_ear_word(&d.surname) {
                    d.surname = n;
                    return true;
                }
            }
            _ => {
                if let Some(n) = by_ear_word(&d.street) {
                    d.street = n;
                    if d.street_line.is_some() {
                        d.street_line = Some(house_line(d, rng));
                    }
                    return true;
                }
            }
        }
    }
    false
}

/// Applies `kind` to `d`; false if the person does not allow it.
pub fn apply(kind: &str, d: &mut Draft, c: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    match kind {
        POSTCODE_TOWN_RIGHT => postcode_town_right(d, c, rng),
        POSTCODE_GLYPHS => postcode_glyphs(d, rng),
        POSTCODE_BLANK => postcode_blank(d, rng),
        BOLIGNUMMER => bolignummer(d, rng),
        STREET_INITIAL => street_initial(d, c, rng),
        STREET_PREFIX => street_prefix(d, c, rng),
        GIVEN_VARIANT => given_variant(d, rng),
        OCR => ocr(d, rng),
        TRANSLIT => translit(d, rng),
        WHITESPACE => whitespace(d, rng),
        TWO => {
            let first =
                [POSTCODE_TOWN_RIGHT, POSTCODE_GLYPHS, POSTCODE_BLANK][rng.random_range(0..3)];
            if !apply(first, d, c, rng) {
                return false;
            }
            let seconds = [
                BOLIGNUMMER,
                GIVEN_VARIANT,
                OCR,
                WHITESPACE,
                STREET_PREFIX,
                STREET_INITIAL,
            ];
            let s = rng.random_range(0..seconds.len());
            (0..seconds.len()).any(|k| apply(seconds[(s + k) % seconds.len()], d, c, rng))
        }
        SWAPPED => swapped(d),
        SAMI => sami(d, c, rng),
        YEAR_ONLY => year_only(d, c),
        BY_EAR => by_ear(d, rng),
        _ => true,
    }
}
