//! Lead layouts and the corruptions of reserved persons.

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::names::{PREFIXES, SPELLINGS};
use super::places::{Street, title_case};
use super::population::Population;
use crate::person::PersonQuery;

/// A wrong postcode, the town right.
pub const POSTCODE_TYPO: &str = "postcode_keypad_slip_town_right";
/// Postcode digits read as letters.
pub const POSTCODE_GLYPHS: &str = "postcode_glyphs_misread";
/// No postcode, the town written.
pub const POSTCODE_MISSING: &str = "postcode_absent_town_given";
/// A flat number (bolignummer) beside the house.
pub const BOLIGNUMMER: &str = "bolignummer_beside_house";
/// A person-named street with the given name as an initial.
pub const STREET_INITIAL: &str = "street_given_name_initial";
/// A street prefix abbreviated.
pub const STREET_PREFIX: &str = "street_prefix_short";
/// Another spelling of the first given name.
pub const GIVEN_SPELLING: &str = "given_name_other_spelling";
/// Scanner confusions.
pub const OCR: &str = "ocr_misread_letters";
/// æ/ø/å lost in two fields.
pub const TRANSLIT: &str = "translit_lossy_two_fields";
/// No-break or doubled spaces between street, number and letter.
pub const WHITESPACE: &str = "whitespace_nbsp_or_double";
/// Two of the corruptions.
pub const TWO: &str = "two_issue_corruptions";
/// The lossless layout only.
pub const UNCHANGED: &str = "unchanged";
/// Given-name and surname columns swapped.
pub const NAME_COLUMNS_SWAPPED: &str = "name_columns_swapped";
/// Street type abbreviated (`gt.`, `vn.`, `v.`).
pub const STREET_TYPE_SHORT: &str = "street_type_abbreviated";
/// `N-`/`NO-` before the postcode.
pub const POSTCODE_COUNTRY: &str = "postcode_country_prefix";
/// Name, birth date, postcode and town; no street.
pub const BIRTH_NO_STREET: &str = "birth_date_without_street";
/// A typing slip in the town, the postcode right.
pub const TOWN_TYPO: &str = "town_typo_postcode_right";
/// The second given name as its initial.
pub const MIDDLE_INITIAL: &str = "middle_name_as_initial";
/// Only the second given name (debatable).
pub const MIDDLE_ONLY: &str = "called_by_second_given_name";
/// One part of a double surname (debatable).
pub const DOUBLE_SURNAME_PART: &str = "double_surname_one_part";

/// Corrupted kinds and their shares in per mille of the corrupted half.
pub const KINDS: &[(&str, u32)] = &[
    (POSTCODE_TYPO, 60),
    (POSTCODE_GLYPHS, 55),
    (POSTCODE_MISSING, 55),
    (BOLIGNUMMER, 60),
    (STREET_INITIAL, 50),
    (STREET_PREFIX, 50),
    (GIVEN_SPELLING, 60),
    (OCR, 60),
    (TRANSLIT, 55),
    (WHITESPACE, 55),
    (TWO, 80),
    (UNCHANGED, 30),
    (NAME_COLUMNS_SWAPPED, 50),
    (STREET_TYPE_SHORT, 60),
    (POSTCODE_COUNTRY, 40),
    (BIRTH_NO_STREET, 40),
    (TOWN_TYPO, 40),
    (MIDDLE_INITIAL, 40),
    (MIDDLE_ONLY, 30),
    (DOUBLE_SURNAME_PART, 30),
];

/// The kinds of debatable fairness.
pub const DEBATABLE_KINDS: &[&str] = &[MIDDLE_ONLY, DOUBLE_SURNAME_PART];

/// Why each corrupted kind's label is fair.
pub const WHY: &[(&str, &str)] = &[
    (
        POSTCODE_TYPO,
        "the town, street, house and name are right; the postcode is one keypad slip away",
    ),
    (
        POSTCODE_GLYPHS,
        "the postcode's glyphs read back to the right digits; everything else is right",
    ),
    (
        POSTCODE_MISSING,
        "the town, street, house and name are right; only the postcode is missing",
    ),
    (
        BOLIGNUMMER,
        "a flat number is added to the right house; everything else is right",
    ),
    (
        STREET_INITIAL,
        "the street's person is written with an initial; the rest of the street and all else right",
    ),
    (
        STREET_PREFIX,
        "the street's prefix is abbreviated; the judge finds no other street it could be",
    ),
    (
        GIVEN_SPELLING,
        "another spelling of the same given name; the house and surname are right",
    ),
    (
        OCR,
        "one scanner confusion in one word; a reader sees the word through it",
    ),
    (
        TRANSLIT,
        "æ/ø/å written without them in two fields; the words are the same otherwise",
    ),
    (
        WHITESPACE,
        "only the spaces between street, number and letter differ",
    ),
    (
        TWO,
        "two of the issue's corruptions in two different parts; each alone is fair and the judge checks both",
    ),
    (UNCHANGED, "the lossless layout of the row"),
    (
        NAME_COLUMNS_SWAPPED,
        "the given names are in the surname column and the surname in the given-name column",
    ),
    (
        STREET_TYPE_SHORT,
        "the street type written short (gt., vn., v.); the street is otherwise right",
    ),
    (
        POSTCODE_COUNTRY,
        "the right postcode with N- or NO- before it",
    ),
    (
        BIRTH_NO_STREET,
        "name, birth date, postcode and town right; the register row shows the birth date",
    ),
    (
        TOWN_TYPO,
        "the postcode is right; the town has one typing slip",
    ),
    (
        MIDDLE_INITIAL,
        "the first given name in full, the second as its initial",
    ),
    (
        MIDDLE_ONLY,
        "debatable: the person is called by the second given name only; the house is right and nobody else there fits",
    ),
    (
        DOUBLE_SURNAME_PART,
        "debatable: one part of a double surname; the house is right and nobody else there fits",
    ),
];

/// The house's place in a lead.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    /// Street, number and letter in three fields.
    Fields,
    /// `Street 12B` in the street field.
    StreetGlued,
    /// `Street 12 B` in the street field.
    StreetSpaced,
    /// `12 B` in the number field.
    NumberSpaced,
}

/// A lead before it is written out.
#[derive(Clone, Debug)]
pub struct Draft {
    pub given: String,
    pub surname: String,
    pub street: String,
    pub number: String,
    pub letter: String,
    pub postcode: String,
    pub city: String,
    pub birth: Option<NaiveDate>,
    pub layout: Layout,
    pub house_sep: String,
    pub letter_sep: String,
    /// A bolignummer and its form (0–4).
    pub bolig: Option<(String, u8)>,
    /// 0 as written, 1 capitals, 2 surname in capitals.
    pub name_case: u8,
    pub street_caps: bool,
    /// Whether name/town case styles apply (off once a field was damaged by hand).
    pub no_street: bool,
}

/// A person to write as a lead.
pub struct Who<'a> {
    pub given: &'a str,
    pub surname: &'a str,
    pub birth: NaiveDate,
    pub street: String,
    pub number: u32,
    pub letter: Option<char>,
    pub postcode: String,
    /// The town as the register writes it.
    pub town: &'a str,
}

/// The lossless layout of a person.
pub fn draft(rng: &mut ChaCha8Rng, w: &Who<'_>, birth_share: f64) -> Draft {
    let u: f64 = rng.random();
    let layout = if u < 0.45 {
        Layout::Fields
    } else if u < 0.65 {
        Layout::StreetGlued
    } else if u < 0.8 {
        Layout::StreetSpaced
    } else {
        Layout::NumberSpaced
    };
    let c: f64 = rng.random();
    let city = if c < 0.5 {
        w.town.to_owned()
    } else if c < 0.9 {
        title_case(w.town)
    } else {
        w.town.to_lowercase()
    };
    let n: f64 = rng.random();
    Draft {
        given: w.given.to_owned(),
        surname: w.surname.to_owned(),
        street: w.street.clone(),
        number: w.number.to_string(),
        letter: w.letter.map(String::from).unwrap_or_default(),
        postcode: w.postcode.clone(),
        city,
        birth: rng.random_bool(birth_share).then_some(w.birth),
        layout,
        house_sep: " ".into(),
        letter_sep: " ".into(),
        bolig: None,
        name_case: if n < 0.85 {
            0
        } else if n < 0.95 {
            1
        } else {
            2
        },
        street_caps: rng.random_bool(0.05),
        no_street: false,
    }
}

impl Draft {
    /// Writes the lead out.
    pub fn render(&self) -> PersonQuery {
        let (mut given, mut surname) = (self.given.clone(), self.surname.clone());
        match self.name_case {
            1 => {
                given = given.to_uppercase();
                surname = surname.to_uppercase();
            }
            2 => surname = surname.to_uppercase(),
            _ => {}
        }
        let street_name = if self.street_caps {
            self.street.to_uppercase()
        } else {
            self.street.clone()
        };
        let l = &self.letter;
        let mut layout = self.layout;
        if matches!(self.bolig, Some((_, f)) if f < 4)
            && matches!(layout, Layout::Fields | Layout::NumberSpaced)
        {
            layout = Layout::StreetSpaced;
        }
        let (mut street, mut number, letter) = match layout {
            Layout::Fields => (street_name, self.number.clone(), l.clone()),
            Layout::NumberSpaced if l.is_empty() => {
                (street_name, self.number.clone(), String::new())
            }
            Layout::NumberSpaced => (
                street_name,
                format!("{}{}{l}", self.number, self.letter_sep),
                String::new(),
            ),
            Layout::StreetGlued => (
                format!("{street_name}{}{}{l}", self.house_sep, self.number),
                String::new(),
                String::new(),
            ),
            Layout::StreetSpaced if l.is_empty() => (
                format!("{street_name}{}{}", self.house_sep, self.number),
                String::new(),
                String::new(),
            ),
            Layout::StreetSpaced => (
                format!(
                    "{street_name}{}{}{}{l}",
                    self.house_sep, self.number, self.letter_sep
                ),
                String::new(),
                String::new(),
            ),
        };
        if let Some((b, form)) = &self.bolig {
            match form {
                0 => street = format!("{street} ({b})"),
                1 => street = format!("{street}/{b}"),
                2 => street = format!("{street} {} {}", &b[..1], &b[1..]),
                3 => street = format!("{b} {street}"),
                _ => number = format!("{number}, {b}"),
            }
        }
        if self.no_street {
            street.clear();
            number.clear();
        }
        PersonQuery {
            given_names: given,
            surname,
            street,
            house_number: number,
            house_letter: if self.no_street {
                String::new()
            } else {
                letter
            },
            postcode: self.postcode.clone(),
            city: self.city.clone(),
            birth_date: self.birth,
            national_id: None,
        }
    }
}

/// The person of register row `row` as a [`Who`].
pub fn who_of_row(pop: &Population, row: usize) -> (Who<'_>, &Street) {
    let p = &pop.persons[pop.row_person[row]];
    let a = pop.addresses[p.address];
    let s = &pop.places.streets[a.street];
    (
        Who {
            given: &p.given,
            surname: &p.surname,
            birth: p.birth,
            street: s.name(),
            number: a.number,
            letter: a.letter,
            postcode: s.postcode.clone(),
            town: &pop.places.towns[s.town].name,
        },
        s,
    )
}

const KEYPAD: [&[u8]; 10] = [
    b"21", b"40", b"50", b"6", b"71", b"82", b"93", b"4", b"5", b"6",
];

/// One keypad slip: a digit for the one above or below it on a number pad (50 %), a digit
/// typed twice pushing the last out (30 %), or typed twice making five digits (20 %).
pub fn postcode_slip(rng: &mut ChaCha8Rng, code: &str) -> Option<String> {
    let d: Vec<u8> = code.bytes().collect();
    if d.len() != 4 || !d.iter().all(u8::is_ascii_digit) {
        return None;
    }
    for _ in 0..20 {
        let u: f64 = rng.random();
        let i = rng.random_range(0..4);
        let out: Vec<u8> = if u < 0.5 {
            let mut o = d.clone();
            o[i] = *KEYPAD[usize::from(d[i] - b'0')].choose(rng)?;
            o
        } else {
            let mut o = d[..=i].to_vec();
            o.extend_from_slice(&d[i..]);
            if u < 0.8 {
                o.truncate(4);
            }
            o
        };
        if out != d {
            return String::from_utf8(out).ok();
        }
    }
    None
}

const GLYPHS: [&[&str]; 10] = [
    &["O", "Ø", "o"],
    &["l", "|", "I"],
    &["Z"],
    &[],
    &["A"],
    &["S", "s"],
    &["b", "G"],
    &["T"],
    &["B"],
    &["g", "q"],
];

/// One digit (two in 25 %) as a look-alike glyph.
pub fn postcode_glyphs(rng: &mut ChaCha8Rng, code: &str) -> Option<String> {
    let mut cs: Vec<String> = code.chars().map(String::from).collect();
    let able: Vec<usize> = (0..cs.len())
        .filter(|&i| {
            cs[i]
                .parse::<usize>()
                .is_ok_and(|d| d < 10 && !GLYPHS[d].is_empty())
        })
        .collect();
    let want = if rng.random_bool(0.25) { 2 } else { 1 };
    let picks: Vec<usize> = able.choose_multiple(rng, want).copied().collect();
    if picks.is_empty() {
        return None;
    }
    for i in picks {
        let d: usize = cs[i].parse().ok()?;
        cs[i] = (*GLYPHS[d].choose(rng)?).to_owned();
    }
    Some(cs.concat())
}

/// A postcode missing: empty (65 %), `-` (15 %), `0000` (10 %), `0` (10 %).
pub fn postcode_missing(rng: &mut ChaCha8Rng) -> String {
    let u: f64 = rng.random();
    if u < 0.65 {
        String::new()
    } else if u < 0.8 {
        "-".into()
    } else if u < 0.9 {
        "0000".into()
    } else {
        "0".into()
    }
}

/// A bolignummer: `H` 85 %, `U` 10 %, `K` 5 %, floor 01–09, flat 01–12; in one of five forms.
pub fn bolignummer(rng: &mut ChaCha8Rng) -> (String, u8) {
    let u: f64 = rng.random();
    let (l, floor) = if u < 0.85 {
        ('H', rng.random_range(1..=9))
    } else if u < 0.95 {
        ('U', 1)
    } else {
        ('K', 1)
    };
    let b = format!("{l}{floor:02}{:02}", rng.random_range(1..=12));
    let f: f64 = rng.random();
    let form = if f < 0.3 {
        0
    } else if f < 0.5 {
        1
    } else if f < 0.7 {
        2
    } else if f < 0.85 {
        3
    } else {
        4
    };
    (b, form)
}

/// A person-named street with its given name as an initial.
pub fn street_initial(rng: &mut ChaCha8Rng, s: &Street) -> Option<String> {
    let (given, _, _) = s.person?;
    let body = s.body();
    let rest = body.strip_prefix(given)?.trim_start();
    let initial: String = given.chars().take(1).collect();
    let u: f64 = rng.random();
    Some(if u < 0.45 {
        format!("{initial}. {rest}")
    } else if u < 0.65 {
        format!("{initial} {rest}")
    } else if u < 0.85 {
        format!("{initial}.{rest}")
    } else {
        format!("{initial}. {rest}").to_uppercase()
    })
}

/// A street's prefix as an abbreviation (glued to the name in 15 % of dotted ones).
pub fn street_prefix(rng: &mut ChaCha8Rng, s: &Street) -> Option<String> {
    let p = s.prefix?;
    let a = *PREFIXES[p].1.choose(rng)?;
    let glue = a.ends_with('.') && rng.random_bool(0.15);
    Some(format!("{a}{}{}", if glue { "" } else { " " }, s.body()))
}

/// The street type written short: `gt.`/`gt`, `vn.`/`vn`, `v.` after a person's name.
pub fn street_type_short(rng: &mut ChaCha8Rng, s: &Street) -> Option<String> {
    let dot = if rng.random_bool(0.7) { "." } else { "" };
    let prefix = s
        .prefix
        .map(|p| format!("{} ", PREFIXES[p].0))
        .unwrap_or_default();
    match s.person {
        Some((given, surname, genitive)) => {
            let short = match s.ending {
                "vei" | "veg" => {
                    if rng.random_bool(0.5) {
                        "v."
                    } else {
                        "vn."
                    }
                }
                "gate" => "gt.",
                _ => return None,
            };
            let g = if genitive { "s" } else { "" };
            Some(format!("{prefix}{given} {surname}{g} {short}"))
        }
        None => {
            let short = match s.ending {
                "gata" | "gate" => "gt",
                "veien" | "vegen" => "vn",
                _ => return None,
            };
            Some(format!("{prefix}{}{short}{dot}", s.stem))
        }
    }
}

/// Another spelling of the first given name.
pub fn given_spelling(rng: &mut ChaCha8Rng, given: &str) -> Option<String> {
    let end = given.find([' ', '-']).unwrap_or(given.len());
    let first = &given[..end];
    let group = SPELLINGS.iter().find(|g| g.contains(&first))?;
    let others: Vec<&&str> = group.iter().filter(|v| **v != first).collect();
    let other = others.choose(rng)?;
    Some(format!("{other}{}", &given[end..]))
}

/// One scanner confusion in a word of four letters or more: `rn`→`m`, `m`→`rn`, `l`→`1`,
/// `e`→`c`.
pub fn ocr(rng: &mut ChaCha8Rng, text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let mut options = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.chars().count() < 4 {
            continue;
        }
        for (from, to) in [("rn", "m"), ("m", "rn"), ("l", "1"), ("e", "c")] {
            for (at, _) in w.match_indices(from) {
                options.push((i, at, from, to));
            }
        }
    }
    let &(i, at, from, to) = options.choose(rng)?;
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    let w = &words[i];
    out[i] = format!("{}{to}{}", &w[..at], &w[at + from.len()..]);
    Some(out.join(" "))
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

fn translit(s: &str, digraph: bool) -> String {
    s.chars()
        .map(|c| match (c, digraph) {
            ('æ', false) => "e".into(),
            ('ø', false) => "o".into(),
            ('å', false) => "a".into(),
            ('Æ', false) => "E".into(),
            ('Ø', false) => "O".into(),
            ('Å', false) => "A".into(),
            ('æ', true) => "ae".into(),
            ('ø', true) => "oe".into(),
            ('å', true) => "aa".into(),
            ('Æ', true) => "Ae".into(),
            ('Ø', true) => "Oe".into(),
            ('Å', true) => "Aa".into(),
            (c, _) => c.to_string(),
        })
        .collect()
}

/// æ/ø/å lost in exactly two fields: bare vowels (60 %), digraphs (15 %), one each (25 %).
fn lose_aeoeaa(rng: &mut ChaCha8Rng, d: &mut Draft) -> Option<()> {
    let mut fields: Vec<u8> = Vec::new();
    for (i, f) in [&d.given, &d.surname, &d.street, &d.city]
        .iter()
        .enumerate()
    {
        if has_aeoeaa(f) {
            fields.push(i as u8);
        }
    }
    let two: Vec<u8> = fields.choose_multiple(rng, 2).copied().collect();
    if two.len() < 2 {
        return None;
    }
    let u: f64 = rng.random();
    let modes = if u < 0.6 {
        [false, false]
    } else if u < 0.75 {
        [true, true]
    } else {
        [false, true]
    };
    for (f, digraph) in two.into_iter().zip(modes) {
        let field = match f {
            0 => &mut d.given,
            1 => &mut d.surname,
            2 => &mut d.street,
            _ => &mut d.city,
        };
        *field = translit(field, digraph);
    }
    Some(())
}

fn whitespace(rng: &mut ChaCha8Rng, d: &mut Draft) {
    d.layout = if d.letter.is_empty() || rng.random_bool(0.3) {
        Layout::StreetGlued
    } else {
        Layout::StreetSpaced
    };
    d.house_sep = ["\u{a0}", "  ", "\u{a0} ", "   ", " \u{a0}"][rng.random_range(0..5)].into();
    d.letter_sep = ["\u{a0}", "  ", " "][rng.random_range(0..3)].into();
    if d.letter.is_empty() || d.layout == Layout::StreetGlued {
        d.letter_sep = " ".into();
    }
}

fn town_typo(rng: &mut ChaCha8Rng, town: &str) -> Option<String> {
    let cs: Vec<char> = town.chars().collect();
    if cs.len() < 5 {
        return None;
    }
    for _ in 0..10 {
        let i = rng.random_range(1..cs.len() - 1);
        if !cs[i].is_alphabetic() || !cs[i + 1].is_alphabetic() {
            continue;
        }
        let mut o = cs.clone();
        match rng.random_range(0..3) {
            0 => {
                o.remove(i);
            }
            1 => o.swap(i, i + 1),
            _ => o.insert(i, cs[i]),
        }
        let s: String = o.into_iter().collect();
        let f = super::judge::fold_town(&s);
        if f != super::judge::fold_town(town) && !super::judge::folded_towns().contains(&f) {
            return Some(s);
        }
    }
    None
}

/// Applies one issue kind (not [`TWO`]) to a draft.
fn apply(rng: &mut ChaCha8Rng, kind: &str, d: &mut Draft, s: &Street) -> Option<()> {
    match kind {
        POSTCODE_TYPO => d.postcode = postcode_slip(rng, &d.postcode)?,
        POSTCODE_GLYPHS => d.postcode = postcode_glyphs(rng, &d.postcode)?,
        POSTCODE_MISSING => d.postcode = postcode_missing(rng),
        BOLIGNUMMER => d.bolig = Some(bolignummer(rng)),
        STREET_INITIAL => {
            d.street = street_initial(rng, s)?;
            d.street_caps = false;
        }
        STREET_PREFIX => d.street = street_prefix(rng, s)?,
        GIVEN_SPELLING => d.given = given_spelling(rng, &d.given)?,
        OCR => {
            let u: f64 = rng.random();
            if u < 0.3 {
                d.given = ocr(rng, &d.given)?;
            } else if u < 0.65 {
                d.surname = ocr(rng, &d.surname)?;
            } else {
                d.street = ocr(rng, &d.street)?;
                d.street_caps = false;
            }
            d.name_case = 0;
        }
        TRANSLIT => lose_aeoeaa(rng, d)?,
        WHITESPACE => whitespace(rng, d),
        _ => return None,
    }
    Some(())
}

/// The issue kinds two-issue leads combine, with the part of the lead each damages.
const PARTS: &[(&str, u8)] = &[
    (POSTCODE_TYPO, 0),
    (POSTCODE_GLYPHS, 0),
    (POSTCODE_MISSING, 0),
    (STREET_INITIAL, 1),
    (STREET_PREFIX, 1),
    (BOLIGNUMMER, 1),
    (WHITESPACE, 1),
    (GIVEN_SPELLING, 2),
    (OCR, 2),
    (TRANSLIT, 3),
];

/// A corrupted lead of kind `kind` for register row `row`, or `None` if the row does not
/// allow the kind.
pub fn corrupt(
    rng: &mut ChaCha8Rng,
    pop: &Population,
    kind: &str,
    row: usize,
) -> Option<PersonQuery> {
    let (w, s) = who_of_row(pop, row);
    let mut d = draft(rng, &w, 0.4);
    match kind {
        UNCHANGED => {}
        TWO => {
            let (a, pa) = *PARTS.choose(rng)?;
            let mut b = None;
            for _ in 0..12 {
                let (k, pb) = *PARTS.choose(rng)?;
                // æ/ø/å goes with postcode damage only; OCR then goes into a name.
                if pb != pa && !(pa == 3 && pb != 0) && !(pb == 3 && pa != 0) {
                    b = Some(k);
                    break;
                }
            }
            for k in [a, b?] {
                if k == OCR {
                    // In a two-issue lead an OCR confusion goes into a name.
                    d.name_case = 0;
                    if rng.random_bool(0.5) {
                        d.given = ocr(rng, &d.given)?;
                    } else {
                        d.surname = ocr(rng, &d.surname)?;
                    }
                } else {
                    apply(rng, k, &mut d, s)?;
                }
            }
        }
        NAME_COLUMNS_SWAPPED => std::mem::swap(&mut d.given, &mut d.surname),
        STREET_TYPE_SHORT => {
            d.street = street_type_short(rng, s)?;
            d.street_caps = false;
        }
        POSTCODE_COUNTRY => {
            let p = ["N-", "N-", "N-", "NO-", "NO-", "NO "][rng.random_range(0..6)];
            d.postcode = format!("{p}{}", d.postcode);
        }
        BIRTH_NO_STREET => {
            pop.register[row].birth_date?;
            d.birth = Some(w.birth);
            d.no_street = true;
        }
        TOWN_TYPO => d.city = town_typo(rng, &d.city)?,
        MIDDLE_INITIAL | MIDDLE_ONLY => {
            let (first, second) = d.given.split_once(' ')?;
            let initial: String = second.chars().take(1).collect();
            d.given = if kind == MIDDLE_ONLY {
                second.to_owned()
            } else if rng.random_bool(0.7) {
                format!("{first} {initial}.")
            } else {
                format!("{first} {initial}")
            };
        }
        DOUBLE_SURNAME_PART => {
            let (a, b) = d.surname.split_once(' ')?;
            d.surname = if rng.random_bool(0.7) { b } else { a }.to_owned();
        }
        _ => apply(rng, kind, &mut d, s)?,
    }
    Some(d.render())
}
