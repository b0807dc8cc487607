//! Lead layout and the corruptions of reserved persons. A lead is first a [`Draft`] (names,
//! street name, number, letter, where they go, what stands before or after the house,
//! postcode, town, birth date) in a list's lossless layout; a kind changes the draft; the
//! draft is then written into a `PersonQuery`. Format quirks (capitals, surname first,
//! reversed fields, punctuation) work on the written query.

use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::names;
use super::places::{House, Places};
use crate::person::PersonQuery;

pub(crate) const POSTCODE_SLIP: &str = "postcode_slip_town_right";
pub(crate) const POSTCODE_LETTERS: &str = "postcode_digits_as_letters";
pub(crate) const POSTCODE_ABSENT: &str = "postcode_absent_town_given";
pub(crate) const BOLIGNUMMER: &str = "bolignummer_in_street";
pub(crate) const STREET_INITIAL: &str = "street_given_name_initial";
pub(crate) const STREET_PREFIX: &str = "street_prefix_short";
pub(crate) const GIVEN_SPELLING: &str = "given_name_spelling";
pub(crate) const OCR: &str = "ocr_letter_confusion";
pub(crate) const LOSSY_TWO: &str = "lossy_aeoeaa_two_fields";
pub(crate) const WHITESPACE: &str = "odd_whitespace_tabs";
pub(crate) const TWO_ISSUE: &str = "two_issue_kinds";
pub(crate) const UNCHANGED: &str = "unchanged";
pub(crate) const MAIDEN: &str = "maiden_name_written";
pub(crate) const ONE_FIELD: &str = "address_in_one_field";
pub(crate) const SECOND_INITIAL: &str = "second_given_name_initial";
pub(crate) const SHORT_FORM: &str = "given_name_short_form";
pub(crate) const ISSUE_PLUS_FORMAT: &str = "issue_kind_plus_format";
pub(crate) const CARE_OF: &str = "care_of_line";
pub(crate) const FLOOR: &str = "floor_or_flat_designation";
pub(crate) const RANGE: &str = "house_number_range";
pub(crate) const HYPHEN_DROPPED: &str = "given_name_hyphen_dropped";
pub(crate) const MIDDLE_DROPPED: &str = "middle_name_dropped";
pub(crate) const POSTBOX: &str = "postbox_instead_of_street";

/// The single issue kinds (two of them make [`TWO_ISSUE`]), in the order they are applied.
pub(crate) const SINGLE_ISSUES: &[&str] = &[
    GIVEN_SPELLING,
    OCR,
    LOSSY_TWO,
    STREET_INITIAL,
    STREET_PREFIX,
    BOLIGNUMMER,
    WHITESPACE,
    POSTCODE_SLIP,
    POSTCODE_LETTERS,
    POSTCODE_ABSENT,
];

/// The part of a lead an issue kind damages; two issue kinds in one lead damage two parts.
fn part(kind: &str) -> u8 {
    match kind {
        GIVEN_SPELLING | OCR => 0,
        STREET_INITIAL | STREET_PREFIX | BOLIGNUMMER | WHITESPACE => 1,
        POSTCODE_SLIP | POSTCODE_LETTERS | POSTCODE_ABSENT => 2,
        _ => 3,
    }
}

/// Where the house number and letter are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Number and letter in their own fields.
    Fields,
    /// Both in the number field, with this separator.
    NumberField(&'static str),
    /// Both after the street name in the street field.
    StreetField,
}

/// A lead before it is written into fields.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub given: String,
    pub surname: String,
    pub street: String,
    pub number: String,
    pub letter: String,
    pub place: Place,
    pub number_sep: String,
    pub letter_sep: String,
    pub before_house: String,
    pub after_house: String,
    pub postcode: String,
    pub city: String,
    pub birth: Option<NaiveDate>,
    /// The whole address in the street field, in this order.
    pub one_field: Option<u8>,
}

/// An identity a lead is written for (a reserved person, a household member, an invented
/// look-alike).
pub(crate) struct Identity<'a> {
    pub given: &'a str,
    pub surname: &'a str,
    pub house: House,
    pub birth: NaiveDate,
}

/// Title case of a capitals town name (`MO I RANA` → `Mo I Rana`).
pub(crate) fn title_case(s: &str) -> String {
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

impl Draft {
    /// The lossless layout of an identity: the letter in its own field (50 %), in the number
    /// field (20 %) or with the number in the street field (30 %); names in capitals in 10 %;
    /// the town in capitals or title case; the birth date with probability `birth_shown`.
    pub fn new(rng: &mut ChaCha8Rng, places: &Places, id: &Identity, birth_shown: f64) -> Draft {
        let caps = rng.random_bool(0.10);
        let name = |s: &str| if caps { s.to_uppercase() } else { s.to_owned() };
        let town = places.town_name(&id.house);
        let place = match rng.random_range(0..10) {
            0..5 => Place::Fields,
            5 | 6 => Place::NumberField(if rng.random_bool(0.5) { " " } else { "" }),
            _ => Place::StreetField,
        };
        Draft {
            given: name(id.given),
            surname: name(id.surname),
            street: places.street(&id.house).name.clone(),
            number: id.house.number.to_string(),
            letter: id.house.letter.map(String::from).unwrap_or_default(),
            place,
            number_sep: " ".into(),
            letter_sep: if rng.random_bool(0.6) { " " } else { "" }.into(),
            before_house: String::new(),
            after_house: String::new(),
            postcode: places.postcode(&id.house).to_owned(),
            city: if rng.random_bool(0.5) {
                town.to_owned()
            } else {
                title_case(town)
            },
            birth: rng.random_bool(birth_shown).then_some(id.birth),
            one_field: None,
        }
    }

    /// The draft written into a lead's fields.
    pub fn write(&self) -> PersonQuery {
        let letter_part = if self.letter.is_empty() {
            String::new()
        } else {
            format!("{}{}", self.letter_sep, self.letter)
        };
        let (street, number, letter) = match self.place {
            Place::Fields => (
                self.street.clone(),
                self.number.clone(),
                self.letter.clone(),
            ),
            Place::NumberField(sep) => (
                self.street.clone(),
                if self.letter.is_empty() {
                    self.number.clone()
                } else {
                    format!("{}{sep}{}", self.number, self.letter)
                },
                String::new(),
            ),
            Place::StreetField => (
                format!(
                    "{}{}{}{letter_part}",
                    self.street, self.number_sep, self.number
                ),
                String::new(),
                String::new(),
            ),
        };
        let house = format!("{}{street}{}", self.before_house, self.after_house);
        let mut q = PersonQuery {
            given_names: self.given.clone(),
            surname: self.surname.clone(),
            street: house,
            house_number: number,
            house_letter: letter,
            postcode: self.postcode.clone(),
            city: self.city.clone(),
            birth_date: self.birth,
            national_id: None,
        };
        if let Some(order) = self.one_field {
            let (pc, town) = (&self.postcode, &self.city);
            let h = q.street.clone();
            q.street = match order {
                0 => format!("{h}, {pc} {town}"),
                1 => format!("{h} {pc} {town}"),
                2 => format!("{pc} {town}, {h}"),
                3 => format!("{h} - {pc} {town}"),
                4 => format!("{h}; {pc}; {town}"),
                _ => format!("{h}\n{pc} {town}"),
            };
            q.house_number.clear();
            q.house_letter.clear();
            q.postcode.clear();
            q.city.clear();
        }
        q
    }
}

/// Applies one corruption kind (not the format quirks) to a draft; false if the person
/// gives it nothing to work on.
pub(crate) fn apply(rng: &mut ChaCha8Rng, places: &Places, kind: &str, d: &mut Draft) -> bool {
    match kind {
        POSTCODE_SLIP => postcode_slip(rng, places, d),
        POSTCODE_LETTERS => postcode_letters(rng, d),
        POSTCODE_ABSENT => {
            d.postcode = if rng.random_bool(0.8) { "" } else { "    " }.into();
            true
        }
        BOLIGNUMMER => {
            let flat = if rng.random_bool(0.9) {
                format!(
                    "H{:02}{:02}",
                    rng.random_range(1..=6),
                    rng.random_range(1..=6)
                )
            } else {
                format!("U01{:02}", rng.random_range(1..=4))
            };
            d.place = Place::StreetField;
            match rng.random_range(0..20) {
                0..6 => d.after_house = format!(", {flat}"),
                6..10 => d.after_house = format!(" {flat}"),
                10..13 => d.after_house = format!(" ({flat})"),
                13..15 => d.after_house = format!(" / {flat}"),
                15..18 => d.after_house = format!(", bolignr. {flat}"),
                _ => d.before_house = format!("{flat}, "),
            }
            true
        }
        STREET_INITIAL => {
            let Some((first, rest)) = d.street.split_once(' ') else {
                return false;
            };
            if !names::STREET_PERSON_GIVEN.contains(&first) {
                return false;
            }
            let initial: String = first.chars().take(1).collect();
            d.street = match rng.random_range(0..4) {
                0 | 1 => format!("{initial}. {rest}"),
                2 => format!("{initial} {rest}"),
                _ => format!("{initial}.{rest}"),
            };
            true
        }
        STREET_PREFIX => {
            let Some((first, rest)) = d.street.split_once(' ') else {
                return false;
            };
            let Some((_, shorts)) = names::PREFIXES.iter().find(|(p, _)| *p == first) else {
                return false;
            };
            let short = shorts[rng.random_range(0..shorts.len())];
            d.street = if short.ends_with('.') && rng.random_bool(0.15) {
                format!("{short}{rest}")
            } else {
                format!("{short} {rest}")
            };
            true
        }
        GIVEN_SPELLING => {
            let words: Vec<&str> = d.given.split([' ', '-']).collect();
            for (i, w) in words.iter().enumerate() {
                let Some(group) = names::SPELLINGS.iter().find(|g| {
                    g.iter()
                        .any(|n| n.eq_ignore_ascii_case(w) || n.to_uppercase() == *w)
                }) else {
                    continue;
                };
                let others: Vec<&str> = group
                    .iter()
                    .copied()
                    .filter(|n| n.to_lowercase() != w.to_lowercase())
                    .collect();
                let other = others[rng.random_range(0..others.len())];
                let other = if w.chars().all(|c| !c.is_lowercase()) {
                    other.to_uppercase()
                } else {
                    other.to_owned()
                };
                let mut offset = 0;
                for wj in &words[..i] {
                    offset += wj.len() + 1;
                }
                d.given.replace_range(offset..offset + w.len(), &other);
                return true;
            }
            false
        }
        OCR => ocr(rng, d),
        LOSSY_TWO => lossy_two(rng, d),
        WHITESPACE => {
            d.place = Place::StreetField;
            d.number_sep = ["\u{a0}", "\t", "  ", " \t", "\u{a0} "][rng.random_range(0..5)].into();
            d.letter_sep = ["\u{a0}", "\t", "  ", ""][rng.random_range(0..4)].into();
            if rng.random_bool(0.3) {
                d.surname.push('\u{a0}');
            }
            if rng.random_bool(0.2) {
                d.street = d.street.replacen(' ', "  ", 1);
            }
            true
        }
        _ => false,
    }
}

/// A postcode slip with the town right: another postcode of the same town one digit away
/// (50 % where there is one), a neighbour on the keyboard's number row, or two neighbouring
/// digits swapped.
fn postcode_slip(rng: &mut ChaCha8Rng, places: &Places, d: &mut Draft) -> bool {
    let code: Vec<char> = d.postcode.chars().collect();
    if code.len() != 4 {
        return false;
    }
    if rng.random_bool(0.5)
        && let Some(&t) = places.town_of_postcode.get(&d.postcode)
    {
        let near: Vec<&String> = places.towns[t]
            .postcodes
            .iter()
            .filter(|p| p.chars().zip(code.iter()).filter(|(a, b)| a != *b).count() == 1)
            .collect();
        if !near.is_empty() {
            d.postcode = near[rng.random_range(0..near.len())].clone();
            return true;
        }
    }
    let mut new = code.clone();
    if rng.random_bool(0.7) {
        // The number row: 1 2 3 4 5 6 7 8 9 0.
        let row = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
        let i = [1, 2, 3, 3, 3][rng.random_range(0..5)];
        let Some(k) = row.iter().position(|&c| c == code[i]) else {
            return false;
        };
        let k2 = if k == 0 || (k < 9 && rng.random_bool(0.5)) {
            k + 1
        } else {
            k - 1
        };
        new[i] = row[k2];
    } else {
        let i = rng.random_range(0..3);
        if code[i] == code[i + 1] {
            return false;
        }
        new.swap(i, i + 1);
    }
    d.postcode = new.into_iter().collect();
    true
}

/// One digit (two in 25 %) read as a letter: 0→O/o, 1→l/I, 5→S, 8→B.
fn postcode_letters(rng: &mut ChaCha8Rng, d: &mut Draft) -> bool {
    let mut code: Vec<char> = d.postcode.chars().collect();
    let spots: Vec<usize> = (0..code.len())
        .filter(|&i| matches!(code[i], '0' | '1' | '5' | '8'))
        .collect();
    if spots.is_empty() {
        return false;
    }
    let n = if spots.len() > 1 && rng.random_bool(0.25) {
        2
    } else {
        1
    };
    let first = rng.random_range(0..spots.len());
    for k in 0..n {
        let i = spots[(first + k) % spots.len()];
        code[i] = match code[i] {
            '0' => ['O', 'O', 'o'][rng.random_range(0..3)],
            '1' => ['l', 'I'][rng.random_range(0..2)],
            '5' => 'S',
            _ => 'B',
        };
    }
    d.postcode = code.into_iter().collect();
    true
}

/// One OCR confusion in the given names, surname or street name.
fn ocr(rng: &mut ChaCha8Rng, d: &mut Draft) -> bool {
    const SWAPS: &[(&str, &str)] = &[
        ("rn", "m"),
        ("m", "rn"),
        ("l", "1"),
        ("O", "0"),
        ("cl", "d"),
        ("d", "cl"),
        ("li", "h"),
        ("h", "li"),
    ];
    let start = rng.random_range(0..3);
    for k in 0..3 {
        let field = match (start + k) % 3 {
            0 => &mut d.given,
            1 => &mut d.surname,
            _ => &mut d.street,
        };
        let options: Vec<(usize, &str, &str)> = SWAPS
            .iter()
            .flat_map(|&(from, to)| field.match_indices(from).map(move |(i, _)| (i, from, to)))
            .collect();
        if options.is_empty() {
            continue;
        }
        let (i, from, to) = options[rng.random_range(0..options.len())];
        field.replace_range(i..i + from.len(), to);
        return true;
    }
    false
}

/// æ/ø/å written as bare vowels in a text.
pub(crate) fn lossy(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'æ' => 'e',
            'Æ' => 'E',
            'ø' => 'o',
            'Ø' => 'O',
            'å' => 'a',
            'Å' => 'A',
            c => c,
        })
        .collect()
}

/// Whether a text has æ, ø or å.
pub(crate) fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// æ/ø/å lost in exactly two of given names, surname, street and town.
fn lossy_two(rng: &mut ChaCha8Rng, d: &mut Draft) -> bool {
    let mut fields: Vec<&mut String> = [&mut d.given, &mut d.surname, &mut d.street, &mut d.city]
        .into_iter()
        .filter(|f| has_aeoeaa(f))
        .collect();
    if fields.len() < 2 {
        return false;
    }
    let a = rng.random_range(0..fields.len());
    let b = (a + 1 + rng.random_range(0..fields.len() - 1)) % fields.len();
    for i in [a, b] {
        let new = lossy(fields[i]);
        *fields[i] = new;
    }
    true
}

/// Writes a reserved person's lead of `kind` (a kind that is not a single issue kind or
/// needs more than the draft); `None` if the person gives it nothing to work on.
pub(crate) fn corrupt(
    rng: &mut ChaCha8Rng,
    places: &Places,
    kind: &'static str,
    id: &Identity,
    maiden: Option<&str>,
    female: bool,
) -> Option<PersonQuery> {
    let mut d = Draft::new(rng, places, id, 0.35);
    match kind {
        UNCHANGED => {}
        TWO_ISSUE => {
            let a = SINGLE_ISSUES[rng.random_range(0..SINGLE_ISSUES.len())];
            let b = SINGLE_ISSUES[rng.random_range(0..SINGLE_ISSUES.len())];
            if part(a) == part(b) {
                return None;
            }
            let (a, b) = if SINGLE_ISSUES.iter().position(|k| *k == a)
                < SINGLE_ISSUES.iter().position(|k| *k == b)
            {
                (a, b)
            } else {
                (b, a)
            };
            if !(apply(rng, places, a, &mut d) && apply(rng, places, b, &mut d)) {
                return None;
            }
        }
        MAIDEN => {
            let maiden = maiden.filter(|_| female)?;
            let s = d.surname.clone();
            let m = if d.given.chars().all(|c| !c.is_lowercase()) {
                maiden.to_uppercase()
            } else {
                maiden.to_owned()
            };
            match rng.random_range(0..20) {
                0..6 => d.surname = format!("{s} f. {m}"),
                6..10 => d.surname = format!("{s} née {m}"),
                10..14 => d.surname = format!("{s} (født {m})"),
                14..17 => d.surname = format!("{m}, gift {s}"),
                _ => d.given = format!("{} (f. {m})", d.given),
            }
        }
        ONE_FIELD => {
            d.place = Place::StreetField;
            d.one_field = Some(rng.random_range(0..6));
        }
        SECOND_INITIAL => {
            let (first, second) = d.given.split_once(' ')?;
            let initial: String = second.chars().take(1).collect();
            let dot = if rng.random_bool(0.7) { "." } else { "" };
            d.given = format!("{first} {initial}{dot}");
        }
        SHORT_FORM => {
            let first = d.given.split([' ', '-']).next()?.to_owned();
            let (_, form) = names::SHORT_FORMS
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(&first) || n.to_uppercase() == first)?;
            d.given = d.given.replacen(&first, form, 1);
        }
        ISSUE_PLUS_FORMAT => {
            let a = SINGLE_ISSUES[rng.random_range(0..SINGLE_ISSUES.len())];
            if !apply(rng, places, a, &mut d) {
                return None;
            }
            let mut q = d.write();
            format_quirk(rng, &mut q);
            return Some(q);
        }
        CARE_OF => {
            let host = format!(
                "{} {}",
                super::population::draw(rng, names::MEN),
                super::population::draw(rng, names::SURNAMES)
            );
            if rng.random_bool(0.7) {
                let co = if rng.random_bool(0.2) { "C/O" } else { "c/o" };
                d.before_house = format!("{co} {host}, ");
            } else {
                d.place = Place::StreetField;
                d.after_house = format!(" c/o {host}");
            }
        }
        FLOOR => {
            d.place = Place::StreetField;
            let floor = rng.random_range(1..=6);
            d.after_house = match rng.random_range(0..5) {
                0 => format!(", {floor}. etg"),
                1 => format!(" {floor}. etasje"),
                2 => format!(", leil. {}", rng.random_range(1..=40)),
                3 => format!(" leil {}", rng.random_range(1..=40)),
                _ => format!(", {floor}.etg."),
            };
        }
        RANGE => {
            if !d.letter.is_empty() {
                return None;
            }
            let n: u32 = d.number.parse().ok()?;
            d.number = format!("{n}-{}", n + 2);
        }
        HYPHEN_DROPPED => {
            if !d.given.contains('-') {
                return None;
            }
            d.given = d.given.replace('-', " ");
        }
        MIDDLE_DROPPED => {
            let (first, _) = d.given.split_once(' ')?;
            d.given = first.to_owned();
        }
        POSTBOX => {
            d.birth = Some(id.birth);
            d.place = Place::Fields;
            d.number.clear();
            d.letter.clear();
            let n = rng.random_range(1..=2400);
            d.street = match rng.random_range(0..3) {
                0 => format!("Postboks {n}"),
                1 => format!("Pb. {n}"),
                _ => format!("Boks {n}"),
            };
        }
        single => {
            if !apply(rng, places, single, &mut d) {
                return None;
            }
        }
    }
    Some(d.write())
}

/// A list's format quirk on a written lead: all capitals, surname first in the given-name
/// field (`Hansen, Kari`), names in each other's fields, or stray punctuation.
pub(crate) fn format_quirk(rng: &mut ChaCha8Rng, q: &mut PersonQuery) {
    match rng.random_range(0..4) {
        0 => {
            for f in [
                &mut q.given_names,
                &mut q.surname,
                &mut q.street,
                &mut q.city,
            ] {
                *f = f.to_uppercase();
            }
        }
        1 => {
            q.given_names = format!("{}, {}", q.surname.trim(), q.given_names);
            q.surname.clear();
        }
        2 => std::mem::swap(&mut q.given_names, &mut q.surname),
        _ => {
            q.given_names = format!("\"{}\"", q.given_names);
            q.surname.push('.');
            if !q.city.is_empty() {
                q.city.push(',');
            }
        }
    }
}
