//! Lead layout and the corruptions of reserved persons.

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::names;
use super::places::{StreetKind, title_case};
use super::population::{Person, Population};
use crate::person::{PersonQuery, PersonRecord};

/// Another postcode of the town (or the last digit retyped); the town written.
pub const POSTCODE_SAME_TOWN: &str = "postcode_sibling_in_town";
/// One or two postcode digits as look-alike letters.
pub const POSTCODE_GLYPHS: &str = "postcode_digits_as_glyph_letters";
/// No postcode, the town written.
pub const POSTCODE_NONE: &str = "postcode_absent_town_in_field";
/// The house and a bolignummer in the street field.
pub const BOLIG: &str = "bolignummer_inside_street_field";
/// A person-named street's given name as an initial.
pub const PERSON_INITIAL: &str = "person_street_given_initialled";
/// The street's prefix in a short form.
pub const PREFIX_SHORT: &str = "street_prefix_abbreviated_form";
/// The first given name in another spelling of its family.
pub const SPELLING: &str = "given_name_other_family_spelling";
/// One OCR confusion (`rn`↔`m`, `l`→`1`).
pub const OCR: &str = "ocr_rn_m_l_1_confusions";
/// æ/ø/å lost in exactly two fields.
pub const LOSSY: &str = "aeoeaa_lossy_two_fields";
/// No-break spaces and doubled spaces.
pub const WHITESPACE: &str = "nbsp_and_double_spaces";
/// A postcode kind and one other issue kind together.
pub const TWO: &str = "two_issue_damages_in_one";
/// A line break in a spreadsheet cell written as Excel's `_x000D_` escape.
pub const X000D: &str = "excel_cell_break_x000d";
/// The birth date a day early (a midnight exported as UTC).
pub const BIRTH_UTC: &str = "birth_date_a_day_early_utc";
/// The birth-date column holds the sign-up date.
pub const BIRTH_SIGNUP: &str = "birth_field_holds_signup_date";
/// The surname's consonant doubled or undoubled, as heard on the phone.
pub const SURNAME_DOUBLING: &str = "surname_consonant_doubled_or_single";
/// A mail-merge greeting before the given name.
pub const GREETING: &str = "mailmerge_greeting_before_given";
/// The layout only.
pub const UNCHANGED: &str = "unchanged";

/// Corrupted kinds and their shares per mille.
pub const KINDS: &[(&str, u32)] = &[
    (POSTCODE_SAME_TOWN, 65),
    (POSTCODE_GLYPHS, 60),
    (POSTCODE_NONE, 55),
    (BOLIG, 60),
    (PERSON_INITIAL, 55),
    (PREFIX_SHORT, 55),
    (SPELLING, 60),
    (OCR, 60),
    (LOSSY, 55),
    (WHITESPACE, 55),
    (TWO, 75),
    (X000D, 60),
    (BIRTH_UTC, 60),
    (BIRTH_SIGNUP, 60),
    (SURNAME_DOUBLING, 60),
    (GREETING, 60),
    (UNCHANGED, 45),
];

/// The record of any person, reserved or not, as the register would write it.
pub fn record_of(pop: &Population, p: &Person) -> PersonRecord {
    let st = pop.street_of(p);
    PersonRecord {
        given_names: p.given.join(" "),
        surname: p.surname.clone(),
        street: st.name.clone(),
        house_number: p.number.to_string(),
        house_letter: p.letter.clone(),
        postcode: st.postcode.clone(),
        city: pop.places.towns[p.town].name.clone(),
        birth_date: Some(p.birth),
        national_id: None,
    }
}

/// The house written after the street: `Street 12 B` or `Street 12B`.
fn house_in_street(r: &PersonRecord, glue: bool) -> String {
    match (r.house_letter.is_empty(), glue) {
        (true, _) => format!("{} {}", r.street, r.house_number),
        (false, true) => format!("{} {}{}", r.street, r.house_number, r.house_letter),
        (false, false) => format!("{} {} {}", r.street, r.house_number, r.house_letter),
    }
}

/// The lead of record `r` before damage; `in_street` forces the house into the street field.
pub fn layout(rng: &mut ChaCha8Rng, r: &PersonRecord, in_street: Option<bool>) -> PersonQuery {
    let caps = rng.random_bool(0.15);
    let name = |s: &str| if caps { s.to_uppercase() } else { s.to_owned() };
    let city = match rng.random_range(0..100) {
        0..40 => r.city.clone(),
        40..85 => title_case(&r.city),
        _ => r.city.to_lowercase(),
    };
    let mut q = PersonQuery {
        given_names: name(&r.given_names),
        surname: name(&r.surname),
        postcode: r.postcode.clone(),
        city,
        birth_date: if rng.random_bool(0.4) {
            r.birth_date
        } else {
            None
        },
        ..PersonQuery::default()
    };
    if in_street.unwrap_or_else(|| rng.random_bool(0.4)) {
        q.street = house_in_street(r, rng.random_bool(0.5));
    } else {
        q.street = r.street.clone();
        q.house_number = r.house_number.clone();
        q.house_letter = r.house_letter.clone();
    }
    q
}

/// What a corruption works on.
pub struct Ctx<'a> {
    /// Randomness.
    pub rng: &'a mut ChaCha8Rng,
    /// The population.
    pub pop: &'a Population,
    /// The person.
    pub person: &'a Person,
    /// Their record.
    pub row: &'a PersonRecord,
}

fn glyphs(d: char) -> &'static [char] {
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

fn postcode_kind(c: &mut Ctx, q: &mut PersonQuery, which: &str) -> bool {
    match which {
        POSTCODE_SAME_TOWN => {
            let codes = &c.pop.places.towns[c.person.town].postcodes;
            let others: Vec<&String> = codes.iter().filter(|p| **p != c.row.postcode).collect();
            if let Some(p) = others.choose(c.rng) {
                q.postcode = (*p).clone();
            } else {
                let mut d: Vec<char> = c.row.postcode.chars().collect();
                let old = d[3];
                let mut new = old;
                while new == old {
                    new = char::from(b'0' + c.rng.random_range(0..10u8));
                }
                d[3] = new;
                q.postcode = d.into_iter().collect();
            }
            true
        }
        POSTCODE_GLYPHS => {
            let mut d: Vec<char> = c.row.postcode.chars().collect();
            let mut pos: Vec<usize> = (0..d.len()).filter(|&i| !glyphs(d[i]).is_empty()).collect();
            if pos.is_empty() {
                return false;
            }
            pos.shuffle(c.rng);
            let k = if pos.len() > 1 && c.rng.random_bool(0.3) {
                2
            } else {
                1
            };
            for &i in &pos[..k] {
                d[i] = *glyphs(d[i]).choose(c.rng).expect("glyph");
            }
            q.postcode = d.into_iter().collect();
            true
        }
        _ => {
            q.postcode = (*["", " ", "-", "N/A"].choose(c.rng).expect("list")).to_owned();
            true
        }
    }
}

fn replace_first_word(s: &str, new: &str) -> String {
    match s.split_once(' ') {
        Some((_, rest)) => format!("{new} {rest}"),
        None => new.to_owned(),
    }
}

/// æ/ø/å written without them; `digraph` writes `ae`/`oe`/`aa`, else `e`/`o`/`a`.
pub fn flatten(s: &str, digraph: bool) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        let rep = match (ch, digraph) {
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
                out.push(ch);
                continue;
            }
        };
        out.push_str(rep);
    }
    out
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

fn ocr(s: &str) -> Option<String> {
    if s.contains("rn") {
        return Some(s.replacen("rn", "m", 1));
    }
    if let Some(i) = s
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c == 'm')
        .map(|(i, _)| i)
    {
        return Some(format!("{}rn{}", &s[..i], &s[i + 1..]));
    }
    if let Some(i) = s
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c == 'l')
        .map(|(i, _)| i)
    {
        return Some(format!("{}1{}", &s[..i], &s[i + 1..]));
    }
    None
}

fn is_vowel(c: char) -> bool {
    "aeiouyæøåAEIOUYÆØÅ".contains(c)
}

/// A doubled consonant undoubled, else a consonant between vowels doubled.
pub fn doubling(s: &str) -> Option<String> {
    let c: Vec<char> = s.chars().collect();
    for i in 1..c.len().saturating_sub(1) {
        if c[i] == c[i + 1] && !is_vowel(c[i]) {
            let mut d = c.clone();
            d.remove(i);
            return Some(d.into_iter().collect());
        }
    }
    for i in 1..c.len().saturating_sub(1) {
        if !is_vowel(c[i]) && is_vowel(c[i - 1]) && is_vowel(c[i + 1]) && c[i].is_alphabetic() {
            let mut d = c.clone();
            d.insert(i, c[i]);
            return Some(d.into_iter().collect());
        }
    }
    None
}

/// One of the non-postcode damages on `q`; false if the person does not allow it.
fn other_kind(c: &mut Ctx, q: &mut PersonQuery, which: &str) -> bool {
    let row = c.row;
    match which {
        BOLIG => {
            let b = names::BOLIG.choose(c.rng).expect("list");
            let sep = [" ", ", ", " - "].choose(c.rng).expect("list");
            q.street = format!("{}{sep}{b}", house_in_street(row, c.rng.random_bool(0.5)));
            q.house_number.clear();
            q.house_letter.clear();
            true
        }
        PERSON_INITIAL => {
            if c.pop.street_of(c.person).kind != StreetKind::Person {
                return false;
            }
            let first = row.street.chars().next().expect("street");
            let init = if c.rng.random_bool(0.75) {
                format!("{first}.")
            } else {
                first.to_string()
            };
            q.street = replace_first_word(&q.street, &init);
            true
        }
        PREFIX_SHORT => {
            let StreetKind::Prefixed(p) = c.pop.street_of(c.person).kind else {
                return false;
            };
            let short = names::PREFIXES[p].1.choose(c.rng).expect("list");
            q.street = replace_first_word(&q.street, short);
            true
        }
        SPELLING => {
            let first = &c.person.given[0];
            let Some(f) = names::family_of(first) else {
                return false;
            };
            let others: Vec<&&str> = names::FAMILIES[f]
                .iter()
                .filter(|m| **m != first.as_str())
                .collect();
            let new = others.choose(c.rng).expect("family");
            let given = replace_first_word(&row.given_names, new);
            q.given_names = if q.given_names == q.given_names.to_uppercase() {
                given.to_uppercase()
            } else {
                given
            };
            true
        }
        OCR => {
            let mut fields = [0, 1, 2];
            fields.shuffle(c.rng);
            for f in fields {
                let s = match f {
                    0 => &mut q.given_names,
                    1 => &mut q.surname,
                    _ => &mut q.street,
                };
                if let Some(n) = ocr(s) {
                    *s = n;
                    return true;
                }
            }
            false
        }
        LOSSY => {
            let mut fields: Vec<usize> = (0..4)
                .filter(|&f| {
                    has_aeoeaa(match f {
                        0 => &q.given_names,
                        1 => &q.surname,
                        2 => &q.street,
                        _ => &q.city,
                    })
                })
                .collect();
            if fields.len() < 2 {
                return false;
            }
            fields.shuffle(c.rng);
            let digraph = c.rng.random_bool(0.25);
            for &f in &fields[..2] {
                let s = match f {
                    0 => &mut q.given_names,
                    1 => &mut q.surname,
                    2 => &mut q.street,
                    _ => &mut q.city,
                };
                *s = flatten(s, digraph);
            }
            true
        }
        _ => {
            // WHITESPACE
            let street = row.street.replacen(' ', "  ", 1);
            q.street = if row.house_letter.is_empty() {
                format!("{street}\u{a0}{}", row.house_number)
            } else {
                format!(
                    "{street}\u{a0}{}\u{a0}\u{a0}{}",
                    row.house_number, row.house_letter
                )
            };
            q.house_number.clear();
            q.house_letter.clear();
            q.given_names = format!("{}  ", q.given_names.replace(' ', "\u{a0}"));
            if c.rng.random_bool(0.5) {
                q.surname = format!("  {}", q.surname);
            }
            true
        }
    }
}

/// A corrupted lead of kind `kind`, or `None` if the person does not allow it.
pub fn apply(c: &mut Ctx, kind: &str) -> Option<PersonQuery> {
    let row = c.row;
    let mut q = layout(c.rng, row, None);
    let ok = match kind {
        POSTCODE_SAME_TOWN | POSTCODE_GLYPHS | POSTCODE_NONE => postcode_kind(c, &mut q, kind),
        BOLIG | PERSON_INITIAL | PREFIX_SHORT | SPELLING | OCR | LOSSY | WHITESPACE => {
            other_kind(c, &mut q, kind)
        }
        TWO => {
            let pk = *[POSTCODE_SAME_TOWN, POSTCODE_GLYPHS, POSTCODE_NONE]
                .choose(c.rng)
                .expect("list");
            let ok = *[
                BOLIG,
                PERSON_INITIAL,
                PREFIX_SHORT,
                SPELLING,
                OCR,
                LOSSY,
                WHITESPACE,
            ]
            .choose(c.rng)
            .expect("list");
            other_kind(c, &mut q, ok) && postcode_kind(c, &mut q, pk)
        }
        X000D => {
            match c.rng.random_range(0..4) {
                0 | 1 => {
                    let house = if row.house_letter.is_empty() {
                        row.house_number.clone()
                    } else {
                        format!("{} {}", row.house_number, row.house_letter)
                    };
                    q.street = format!("{}_x000D_\n{house}", row.street);
                    q.house_number.clear();
                    q.house_letter.clear();
                }
                2 => {
                    q.given_names.push_str("_x000D_");
                    q.surname.push_str("_x000D_");
                }
                _ => q.city.push_str("_x000D_"),
            }
            true
        }
        BIRTH_UTC => {
            q.birth_date = row.birth_date.and_then(|d| d.pred_opt());
            true
        }
        BIRTH_SIGNUP => {
            let d = NaiveDate::from_ymd_opt(2024, 1, 1).expect("date")
                + chrono::Days::new(c.rng.random_range(0..1060));
            q.birth_date = Some(d);
            true
        }
        SURNAME_DOUBLING => match doubling(&q.surname) {
            Some(s) => {
                q.surname = s;
                true
            }
            None => false,
        },
        GREETING => {
            let g = names::GREETINGS.choose(c.rng).expect("list");
            q.given_names = if c.rng.random_bool(0.8) {
                format!("{g} {}", q.given_names)
            } else {
                format!("{g}, {}", q.given_names)
            };
            true
        }
        _ => true,
    };
    let changed = kind == UNCHANGED || q != layout_probe(row);
    (ok && changed).then_some(q)
}

/// The record as a plain lead, to see that a damage changed something.
fn layout_probe(r: &PersonRecord) -> PersonQuery {
    PersonQuery::from(r)
}
