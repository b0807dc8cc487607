//! Lead layout and the corruptions of reserved persons.

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::judge::PLACEHOLDER_DATES;
use super::names::{BOLIGNUMMER, PREFIXES, call_names, family};
use super::places::{Street, Town};
use super::population::Person;
use crate::person::{PersonQuery, PersonRecord};

/// Another postcode of the right town (or its last digit retyped); the town written.
pub const POSTCODE_SAME_TOWN: &str = "postcode_swapped_within_town";
/// One or two postcode digits read as look-alike letters.
pub const POSTCODE_GLYPHS: &str = "postcode_digit_as_lookalike_letter";
/// No postcode (or a filler), the town written.
pub const POSTCODE_EMPTY: &str = "postcode_left_out_town_kept";
/// A bolignummer after the house in the street field.
pub const BOLIGNUMMER_KIND: &str = "bolignummer_appended_to_street";
/// A person-named street's given name as its initial.
pub const STREET_INITIAL: &str = "street_namesake_initialled";
/// A street prefix in a short form.
pub const STREET_PREFIX: &str = "street_prefix_contracted";
/// The first given name in another spelling of its family.
pub const GIVEN_VARIANT: &str = "given_name_alternate_spelling";
/// One OCR confusion: `rn`→`m`, a non-first `m`→`rn` or a non-first `l`→`1`.
pub const OCR: &str = "ocr_rn_m_l_1_misread";
/// æ/ø/å flattened in exactly two fields.
pub const LOSSY: &str = "aeoeaa_flattened_two_fields";
/// No-break spaces, doubled spaces, stray tabs.
pub const WHITESPACE: &str = "whitespace_nbsp_doubled";
/// A postcode damage and one other issue damage.
pub const TWO: &str = "two_issue_damages_together";
/// Own: every æ/ø/å lost to `?` or U+FFFD by a failed encoding conversion.
pub const QUESTION_MARKS: &str = "aeoeaa_lost_to_question_mark";
/// Own: the birth date a CRM's "unknown" placeholder.
pub const PLACEHOLDER_BIRTH: &str = "birth_date_placeholder_default";
/// Own: a call name in brackets or quotes beside the given name.
pub const CALL_NAME: &str = "call_name_in_brackets";
/// Own: a genitive `s` on a person-named street's surname.
pub const GENITIVE: &str = "street_person_genitive_s";
/// Own: the middle name moved from the given names to the surname field.
pub const MELLOMNAVN: &str = "mellomnavn_moved_to_surname";
/// The layout only.
pub const UNCHANGED: &str = "unchanged";

/// Shares per mille of the corrupted half.
pub const SHARES: &[(&str, u32)] = &[
    (POSTCODE_SAME_TOWN, 65),
    (POSTCODE_GLYPHS, 60),
    (POSTCODE_EMPTY, 55),
    (BOLIGNUMMER_KIND, 60),
    (STREET_INITIAL, 55),
    (STREET_PREFIX, 55),
    (GIVEN_VARIANT, 65),
    (OCR, 60),
    (LOSSY, 55),
    (WHITESPACE, 55),
    (TWO, 75),
    (QUESTION_MARKS, 65),
    (PLACEHOLDER_BIRTH, 60),
    (CALL_NAME, 65),
    (GENITIVE, 55),
    (MELLOMNAVN, 60),
    (UNCHANGED, 35),
];

/// What a damage may know of the person.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The person.
    pub person: &'a Person,
    /// The register row.
    pub record: &'a PersonRecord,
    /// The person's street.
    pub street: &'a Street,
    /// The person's town.
    pub town: &'a Town,
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
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

/// The lead of a register row before its damage.
pub fn layout(rng: &mut ChaCha8Rng, r: &PersonRecord) -> PersonQuery {
    let mut q = PersonQuery::from(r);
    if rng.random_bool(0.12) {
        q.given_names = q.given_names.to_uppercase();
        q.surname = q.surname.to_uppercase();
    }
    q.city = match rng.random_range(0..100) {
        0..40 => r.city.to_uppercase(),
        40..85 => title_case(&r.city),
        _ => r.city.to_lowercase(),
    };
    if rng.random_bool(0.4) {
        q.street = house_in_street(
            &q.street,
            &q.house_number,
            &q.house_letter,
            rng.random_bool(0.5),
        );
        q.house_number.clear();
        q.house_letter.clear();
    }
    q.birth_date = if rng.random_bool(0.4) {
        r.birth_date
    } else {
        None
    };
    q.national_id = None;
    q
}

fn house_in_street(street: &str, number: &str, letter: &str, glued: bool) -> String {
    match (letter.is_empty(), glued) {
        (true, _) => format!("{street} {number}"),
        (false, true) => format!("{street} {number}{letter}"),
        (false, false) => format!("{street} {number} {letter}"),
    }
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

fn flatten(s: &str, double: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let rep = match (c, double) {
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
        out.push_str(rep);
    }
    out
}

/// Replaces every æ/ø/å by `rep` (a failed encoding conversion).
pub fn question_marks(s: &str, rep: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "æøåÆØÅ".contains(c) {
            out.push_str(rep);
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes `new` in the case of `old` (capitals or as is).
fn like(old: &str, new: &str) -> String {
    if old.chars().any(char::is_alphabetic) && old == old.to_uppercase() {
        new.to_uppercase()
    } else {
        new.to_string()
    }
}

fn replace_first_word(field: &str, new: &str) -> String {
    match field.split_once(' ') {
        Some((first, rest)) => format!("{} {rest}", like(first, new)),
        None => like(field, new),
    }
}

/// The glyphs a postcode digit may be read as.
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

fn ocr_word(w: &str) -> Option<String> {
    let chars: Vec<char> = w.chars().collect();
    if chars.iter().filter(|c| c.is_alphabetic()).count() < 4 {
        return None;
    }
    let lower: Vec<char> = chars.iter().flat_map(|c| c.to_lowercase()).collect();
    if lower.len() != chars.len() {
        return None;
    }
    let caps = !chars.iter().any(|c| c.is_lowercase());
    let glue = |i: usize, mid: &str, skip: usize| -> String {
        chars[..i].iter().collect::<String>() + mid + &chars[i + skip..].iter().collect::<String>()
    };
    if let Some(i) = (0..lower.len() - 1).find(|&i| lower[i] == 'r' && lower[i + 1] == 'n') {
        return Some(glue(i, if caps { "M" } else { "m" }, 2));
    }
    if let Some(i) = (1..lower.len()).find(|&i| lower[i] == 'm') {
        return Some(glue(i, if caps { "RN" } else { "rn" }, 1));
    }
    if let Some(i) = (1..lower.len()).find(|&i| lower[i] == 'l') {
        let mut c = chars.clone();
        c[i] = '1';
        return Some(c.into_iter().collect());
    }
    None
}

fn ocr_field(field: &str) -> Option<String> {
    let words: Vec<&str> = field.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            let new = ocr_word(w)?;
            let mut out: Vec<String> = words.iter().map(|s| s.to_string()).collect();
            out[i] = new;
            return Some(out.join(" "));
        }
    }
    None
}

const POSTCODE_KINDS: &[&str] = &[POSTCODE_SAME_TOWN, POSTCODE_GLYPHS, POSTCODE_EMPTY];
const OTHER_ISSUE_KINDS: &[&str] = &[
    BOLIGNUMMER_KIND,
    STREET_INITIAL,
    STREET_PREFIX,
    GIVEN_VARIANT,
    OCR,
    LOSSY,
    WHITESPACE,
];

/// Damages `q` by `kind`; false if the kind does not apply to this person.
pub fn apply(kind: &str, rng: &mut ChaCha8Rng, q: &mut PersonQuery, ctx: Ctx<'_>) -> bool {
    match kind {
        POSTCODE_SAME_TOWN => {
            let others: Vec<&String> = ctx
                .town
                .postcodes
                .iter()
                .filter(|p| **p != ctx.record.postcode)
                .collect();
            q.postcode = if !others.is_empty() && rng.random_bool(0.7) {
                (*others.choose(rng).expect("non-empty")).clone()
            } else {
                let mut c: Vec<char> = ctx.record.postcode.chars().collect();
                let old = c[3];
                while c[3] == old {
                    c[3] = char::from(b'0' + rng.random_range(0..10u8));
                }
                c.into_iter().collect()
            };
            true
        }
        POSTCODE_GLYPHS => {
            let mut c: Vec<char> = ctx.record.postcode.chars().collect();
            let mut spots: Vec<usize> =
                (0..c.len()).filter(|&i| !glyphs(c[i]).is_empty()).collect();
            if spots.is_empty() {
                return false;
            }
            let n = if spots.len() > 1 && rng.random_bool(0.3) {
                2
            } else {
                1
            };
            for _ in 0..n {
                let k = rng.random_range(0..spots.len());
                let i = spots.swap_remove(k);
                c[i] = *glyphs(c[i]).choose(rng).expect("glyphs");
            }
            q.postcode = c.into_iter().collect();
            true
        }
        POSTCODE_EMPTY => {
            q.postcode = ["", " ", "-", "0000", "ukjent"]
                .choose(rng)
                .expect("fillers")
                .to_string();
            true
        }
        BOLIGNUMMER_KIND => {
            if !q.house_number.is_empty() {
                q.street = house_in_street(&q.street, &q.house_number, &q.house_letter, false);
                q.house_number.clear();
                q.house_letter.clear();
            }
            let sep = [" ", ", ", " - "].choose(rng).expect("seps");
            let token = BOLIGNUMMER.choose(rng).expect("tokens");
            q.street = format!("{}{sep}{token}", q.street);
            true
        }
        STREET_INITIAL => {
            let Some((g, s)) = ctx.street.person else {
                return false;
            };
            let initial = g.chars().next().expect("name");
            let form = if rng.random_bool(0.75) {
                format!("{initial}. {s}")
            } else {
                format!("{initial} {s}")
            };
            q.street = q.street.replacen(&format!("{g} {s}"), &form, 1);
            true
        }
        STREET_PREFIX => {
            let Some(i) = ctx.street.prefix else {
                return false;
            };
            let short = PREFIXES[i].1.choose(rng).expect("short forms");
            q.street = q.street.replacen(PREFIXES[i].0, short, 1);
            true
        }
        GIVEN_VARIANT => {
            let Some(f) = family(ctx.person.first) else {
                return false;
            };
            let others: Vec<&&str> = f.iter().filter(|n| **n != ctx.person.first).collect();
            let new = others.choose(rng).expect("families have two");
            q.given_names = replace_first_word(&q.given_names, new);
            true
        }
        OCR => {
            let mut order = [0, 1, 2];
            let k = rng.random_range(0..3);
            order.rotate_left(k);
            for f in order {
                let field = match f {
                    0 => &mut q.given_names,
                    1 => &mut q.surname,
                    _ => &mut q.street,
                };
                if let Some(new) = ocr_field(field) {
                    *field = new;
                    return true;
                }
            }
            false
        }
        LOSSY => {
            let mut fields: Vec<&mut String> = [
                &mut q.given_names,
                &mut q.surname,
                &mut q.street,
                &mut q.city,
            ]
            .into_iter()
            .filter(|f| has_aeoeaa(f))
            .collect();
            if fields.len() < 2 {
                return false;
            }
            let double = rng.random_bool(0.25);
            let a = rng.random_range(0..fields.len());
            let mut b = rng.random_range(0..fields.len() - 1);
            if b >= a {
                b += 1;
            }
            for i in [a, b] {
                let new = flatten(fields[i], double);
                *fields[i] = new;
            }
            true
        }
        WHITESPACE => {
            let r = ctx.record;
            let mut street = r.street.replacen(' ', "  ", 1);
            street.push('\u{a0}');
            street.push_str(&r.house_number);
            if !r.house_letter.is_empty() {
                street.push_str("   ");
                street.push_str(&r.house_letter);
            }
            q.street = street;
            q.house_number.clear();
            q.house_letter.clear();
            q.given_names = format!("{}  ", q.given_names.replace(' ', "\u{a0}"));
            if rng.random_bool(0.5) {
                q.surname = format!(" {}\t", q.surname);
            }
            true
        }
        TWO => {
            let a = *POSTCODE_KINDS.choose(rng).expect("kinds");
            let mut others: Vec<&str> = OTHER_ISSUE_KINDS.to_vec();
            let k = rng.random_range(0..others.len());
            others.rotate_left(k);
            for b in others {
                let mut trial = q.clone();
                if apply(b, rng, &mut trial, ctx) && trial != *q {
                    *q = trial;
                    return apply(a, rng, q, ctx);
                }
            }
            false
        }
        QUESTION_MARKS => {
            if ![&q.given_names, &q.surname, &q.street]
                .iter()
                .any(|f| has_aeoeaa(f))
            {
                return false;
            }
            let rep = match rng.random_range(0..100) {
                0..65 => "?",
                65..85 => "\u{fffd}",
                _ => "??",
            };
            for f in [
                &mut q.given_names,
                &mut q.surname,
                &mut q.street,
                &mut q.city,
            ] {
                *f = question_marks(f, rep);
            }
            true
        }
        PLACEHOLDER_BIRTH => {
            let &(y, m, d) = PLACEHOLDER_DATES.choose(rng).expect("dates");
            q.birth_date = NaiveDate::from_ymd_opt(y, m, d);
            true
        }
        CALL_NAME => {
            let Some(calls) = call_names(ctx.person.first) else {
                return false;
            };
            let call = calls.choose(rng).expect("calls");
            let first = ctx.person.first;
            let form = match rng.random_range(0..100) {
                0..50 => format!("{first} ({call})"),
                50..75 => format!("{first} \"{call}\""),
                _ => format!("{call} ({first})"),
            };
            q.given_names = replace_first_word(&q.given_names, &form);
            true
        }
        GENITIVE => {
            let Some((g, s)) = ctx.street.person else {
                return false;
            };
            q.street = q
                .street
                .replacen(&format!("{g} {s} "), &format!("{g} {s}s "), 1);
            true
        }
        MELLOMNAVN => {
            let Some(m) = ctx.person.mellomnavn else {
                return false;
            };
            let words: Vec<&str> = q.given_names.split(' ').collect();
            let Some(last) = words.last() else {
                return false;
            };
            if !last.eq_ignore_ascii_case(m) && *last != m.to_uppercase() {
                return false;
            }
            let surname = q.surname.clone();
            q.given_names = words[..words.len() - 1].join(" ");
            let sep = if rng.random_bool(0.8) { " " } else { "-" };
            q.surname = format!("{}{sep}{surname}", like(&surname, m));
            true
        }
        UNCHANGED => true,
        _ => false,
    }
}
