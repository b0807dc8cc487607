//! Lead layout and the corruptions of the fifteenth set: each kind's name, share and damage.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::names::{BOLIGNUMMER, PREFIXES, family};
use super::places::Places;
use crate::person::{PersonQuery, PersonRecord};

/// Another postcode of the town (or a retyped last digit), the town written right.
pub const POSTCODE_OTHER_SAME_TOWN: &str = "postcode_other_code_same_town";
/// Postcode digits misread as letters.
pub const POSTCODE_GLYPHS: &str = "postcode_digits_read_as_glyphs";
/// No postcode, the town written.
pub const POSTCODE_EMPTY: &str = "postcode_empty_town_written";
/// Flat number (bolignummer) in the street field.
pub const BOLIGNUMMER_KIND: &str = "bolignummer_in_street_line";
/// A person-named street's given name as an initial.
pub const STREET_INITIAL: &str = "street_person_given_as_initial";
/// A street prefix in a short form.
pub const STREET_PREFIX: &str = "street_prefix_in_short_form";
/// The first given name in another spelling of its family.
pub const GIVEN_VARIANT: &str = "given_name_family_spelling";
/// OCR shape confusions `rn`↔`m`, `l`→`1`.
pub const OCR: &str = "ocr_rn_m_and_l_one";
/// æ/ø/å lost in every field that has them.
pub const TRANSLIT: &str = "aeoeaa_lossy_every_field";
/// No-break spaces and doubled spaces.
pub const WHITESPACE: &str = "nbsp_and_doubled_spaces";
/// Two issue damages in one lead.
pub const TWO: &str = "two_issue_damages_one_lead";
/// House number zero-padded by a fixed-width export.
pub const ZERO_PADDED: &str = "house_number_zero_padded";
/// Upper-cased by an ASCII-only routine: æ/ø/å stay lower case.
pub const ASCII_UPPER: &str = "ascii_only_uppercase";
/// Block letters of a scanned box form, one letter per box.
pub const BLOCK_LETTERS: &str = "surname_block_letters_spaced";
/// A web form's given-name field holding the full name.
pub const FULL_NAME_IN_GIVEN: &str = "full_name_in_given_field";
/// ø/æ typed as ö/ä on a Swedish or Finnish keyboard.
pub const SWEDISH_KEYS: &str = "swedish_keyboard_oe_ae";
/// The layout only.
pub const UNCHANGED: &str = "unchanged";

/// Corrupted kinds with their shares per mille of the corrupted half.
pub const KINDS: &[(&str, u32)] = &[
    (POSTCODE_OTHER_SAME_TOWN, 65),
    (POSTCODE_GLYPHS, 60),
    (POSTCODE_EMPTY, 55),
    (BOLIGNUMMER_KIND, 60),
    (STREET_INITIAL, 55),
    (STREET_PREFIX, 55),
    (GIVEN_VARIANT, 65),
    (OCR, 60),
    (TRANSLIT, 55),
    (WHITESPACE, 55),
    (TWO, 80),
    (ZERO_PADDED, 60),
    (ASCII_UPPER, 60),
    (BLOCK_LETTERS, 55),
    (FULL_NAME_IN_GIVEN, 60),
    (SWEDISH_KEYS, 55),
    (UNCHANGED, 45),
];

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

/// The lead of a record before damage: names as written (88 %) or in capitals; the town in
/// capitals (40 %), title case (45 %) or lower case; the house in its fields (60 %) or in the
/// street field; the birth date shown in 40 %.
pub fn layout(r: &PersonRecord, rng: &mut ChaCha8Rng) -> PersonQuery {
    let mut q = PersonQuery::from(r);
    if rng.random_bool(0.12) {
        q.given_names = q.given_names.to_uppercase();
        q.surname = q.surname.to_uppercase();
    }
    let t: f64 = rng.random();
    q.city = if t < 0.4 {
        r.city.clone()
    } else if t < 0.85 {
        title(&r.city)
    } else {
        r.city.to_lowercase()
    };
    if rng.random_bool(0.4) {
        house_in_street(&mut q, r, " ");
    }
    if !rng.random_bool(0.4) {
        q.birth_date = None;
    }
    q
}

/// Moves the house into the street field, `sep` before the number.
pub fn house_in_street(q: &mut PersonQuery, r: &PersonRecord, sep: &str) {
    q.street = if r.house_letter.is_empty() {
        format!("{}{sep}{}", r.street, r.house_number)
    } else {
        format!("{}{sep}{} {}", r.street, r.house_number, r.house_letter)
    };
    q.house_number.clear();
    q.house_letter.clear();
}

const GLYPHS: &[(char, &[char])] = &[
    ('0', &['O', 'o', 'D']),
    ('1', &['l', 'I']),
    ('2', &['Z']),
    ('4', &['A']),
    ('5', &['S', 's']),
    ('6', &['b', 'G']),
    ('8', &['B']),
    ('9', &['g']),
];

fn postcode_damage(
    kind: u8,
    q: &mut PersonQuery,
    r: &PersonRecord,
    places: &Places,
    rng: &mut ChaCha8Rng,
) -> bool {
    if q.city.trim().is_empty() {
        q.city = title(&r.city);
    }
    match kind {
        0 => {
            let town = places
                .by_postcode
                .get(&r.postcode)
                .map(|&t| &places.towns[t]);
            let others: Vec<&String> = town
                .map(|t| t.postcodes.iter().filter(|c| **c != r.postcode).collect())
                .unwrap_or_default();
            if !others.is_empty() && rng.random_bool(0.6) {
                q.postcode = (*others.choose(rng).expect("non-empty")).clone();
            } else {
                let mut c: Vec<char> = r.postcode.chars().collect();
                let at = if rng.random_bool(0.7) { 3 } else { 2 };
                let d = c[at].to_digit(10).unwrap_or(0);
                let nd = (d + rng.random_range(1..=9)) % 10;
                c[at] = char::from_digit(nd, 10).unwrap_or('0');
                q.postcode = c.into_iter().collect();
            }
            q.postcode != r.postcode
        }
        1 => {
            let spots: Vec<usize> = r
                .postcode
                .chars()
                .enumerate()
                .filter(|(_, c)| GLYPHS.iter().any(|(d, _)| d == c))
                .map(|(i, _)| i)
                .collect();
            let Some(&at) = spots.choose(rng) else {
                return false;
            };
            let mut c: Vec<char> = r.postcode.chars().collect();
            let mut hit = vec![at];
            if spots.len() > 1 && rng.random_bool(0.3) {
                hit.push(*spots.choose(rng).expect("non-empty"));
            }
            for i in hit {
                if let Some((_, g)) = GLYPHS.iter().find(|(d, _)| *d == c[i]) {
                    c[i] = *g.choose(rng).expect("non-empty");
                }
            }
            q.postcode = c.into_iter().collect();
            true
        }
        _ => {
            q.postcode = ["", "", "-", "0000", "ukjent", "????"]
                .choose(rng)
                .expect("list")
                .to_string();
            true
        }
    }
}

/// Replaces the first `rn` by `m`, else an `m` by `rn`, else a non-first `l` by `1`, in the
/// first word of four letters or more that has one.
pub fn ocr(s: &str) -> Option<String> {
    if s.chars().count() < 4 {
        return None;
    }
    if s.contains("rn") {
        return Some(s.replacen("rn", "m", 1));
    }
    if s.contains('m') {
        return Some(s.replacen('m', "rn", 1));
    }
    let at = s.char_indices().skip(1).find(|(_, c)| *c == 'l')?.0;
    let mut out = s.to_owned();
    out.replace_range(at..at + 1, "1");
    Some(out)
}

/// æ/ø/å (and capitals) as `e`/`o`/`a` (75 %) or `ae`/`oe`/`aa`.
pub fn lossy(s: &str, double: bool) -> String {
    s.chars()
        .map(|c| {
            let (one, two) = match c {
                'æ' => ("e", "ae"),
                'ø' => ("o", "oe"),
                'å' => ("a", "aa"),
                'Æ' => ("E", "AE"),
                'Ø' => ("O", "OE"),
                'Å' => ("A", "AA"),
                c => return c.to_string(),
            };
            if double { two } else { one }.to_owned()
        })
        .collect()
}

/// Upper case by an ASCII-only routine: a–z become A–Z, everything else stays.
pub fn ascii_upper(s: &str) -> String {
    s.chars().map(|c| c.to_ascii_uppercase()).collect()
}

/// ø/æ as ö/ä, as typed on a Swedish or Finnish keyboard.
pub fn swedish(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ø' => 'ö',
            'Ø' => 'Ö',
            'æ' => 'ä',
            'Æ' => 'Ä',
            c => c,
        })
        .collect()
}

/// Block letters: capitals, one space between letters.
pub fn block(s: &str) -> String {
    s.to_uppercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(String::from)
        .collect::<Vec<_>>()
        .join(" ")
}

fn simple(
    kind: &str,
    q: &mut PersonQuery,
    r: &PersonRecord,
    places: &Places,
    rng: &mut ChaCha8Rng,
) -> bool {
    match kind {
        POSTCODE_OTHER_SAME_TOWN => postcode_damage(0, q, r, places, rng),
        POSTCODE_GLYPHS => postcode_damage(1, q, r, places, rng),
        POSTCODE_EMPTY => postcode_damage(2, q, r, places, rng),
        BOLIGNUMMER_KIND => {
            let b = BOLIGNUMMER.choose(rng).expect("list");
            let sep = [" ", ", ", " - "].choose(rng).expect("list");
            house_in_street(q, r, " ");
            q.street = format!("{}{sep}{b}", q.street);
            true
        }
        STREET_INITIAL => {
            let Some((g, rest)) = r.street.split_once(' ') else {
                return false;
            };
            if !super::names::STREET_GIVEN.contains(&g) {
                return false;
            }
            let init: String = g.chars().take(1).collect();
            let form = [". ", ".", " "].choose(rng).expect("list");
            let street = format!("{init}{form}{rest}");
            replace_street(q, r, &street);
            true
        }
        STREET_PREFIX => {
            let Some((p, rest)) = r.street.split_once(' ') else {
                return false;
            };
            let Some((_, shorts)) = PREFIXES.iter().find(|(full, _)| *full == p) else {
                return false;
            };
            let s = shorts.choose(rng).expect("list");
            let street = format!("{s} {rest}");
            replace_street(q, r, &street);
            true
        }
        GIVEN_VARIANT => {
            let first = r.given_names.split(' ').next().unwrap_or_default();
            let Some(f) = family(first) else {
                return false;
            };
            let others: Vec<&&str> = f.iter().filter(|v| **v != first).collect();
            let v = others.choose(rng).expect("families have two spellings");
            q.given_names = r.given_names.replacen(first, v, 1);
            true
        }
        OCR => {
            let start = rng.random_range(0..3);
            for k in 0..3 {
                let field = match (start + k) % 3 {
                    0 => &mut q.given_names,
                    1 => &mut q.surname,
                    _ => &mut q.street,
                };
                let ws: Vec<String> = field.split(' ').map(str::to_owned).collect();
                for (i, w) in ws.iter().enumerate() {
                    if let Some(new) = ocr(w) {
                        let mut ws2 = ws.clone();
                        ws2[i] = new;
                        *field = ws2.join(" ");
                        return true;
                    }
                }
            }
            false
        }
        TRANSLIT => {
            let double = !rng.random_bool(0.75);
            let before = (q.given_names.clone(), q.surname.clone(), q.street.clone());
            q.given_names = lossy(&q.given_names, double);
            q.surname = lossy(&q.surname, double);
            q.street = lossy(&q.street, double);
            q.city = lossy(&q.city, double);
            before != (q.given_names.clone(), q.surname.clone(), q.street.clone())
        }
        WHITESPACE => {
            let sep = ["\u{a0}", "  ", "   "].choose(rng).expect("list");
            house_in_street(q, r, sep);
            if r.street.contains(' ') && rng.random_bool(0.4) {
                q.street = q.street.replacen(' ', "  ", 1);
            }
            if rng.random_bool(0.5) {
                q.surname = format!("{} ", q.surname);
                q.given_names = format!(" {}", q.given_names.replace(' ', "\u{a0}"));
            }
            true
        }
        _ => false,
    }
}

fn replace_street(q: &mut PersonQuery, r: &PersonRecord, street: &str) {
    q.street = q.street.replacen(&r.street, street, 1);
}

/// Applies `kind` to the laid-out lead `q` of record `r`; `false` if the kind does not fit
/// the record or leaves the lead unchanged.
pub fn apply(
    kind: &str,
    q: &mut PersonQuery,
    r: &PersonRecord,
    places: &Places,
    rng: &mut ChaCha8Rng,
) -> bool {
    let before = q.clone();
    let ok = match kind {
        TWO => {
            let p = [POSTCODE_OTHER_SAME_TOWN, POSTCODE_GLYPHS, POSTCODE_EMPTY]
                .choose(rng)
                .expect("list");
            let o = [
                BOLIGNUMMER_KIND,
                GIVEN_VARIANT,
                OCR,
                WHITESPACE,
                STREET_PREFIX,
                STREET_INITIAL,
                TRANSLIT,
            ]
            .choose(rng)
            .expect("list");
            simple(o, q, r, places, rng) && simple(p, q, r, places, rng)
        }
        ZERO_PADDED => {
            let width = if rng.random_bool(0.6) { 4 } else { 3 };
            let padded = format!("{:0>width$}", r.house_number);
            if q.house_number.is_empty() {
                q.street = q.street.replacen(
                    &format!("{} {}", r.street, r.house_number),
                    &format!("{} {padded}", r.street),
                    1,
                );
            } else {
                q.house_number = padded;
            }
            true
        }
        ASCII_UPPER => {
            q.given_names = ascii_upper(&r.given_names);
            q.surname = ascii_upper(&r.surname);
            q.street = ascii_upper(&q.street);
            q.city = ascii_upper(&r.city.to_lowercase());
            [&r.given_names, &r.surname, &r.street]
                .iter()
                .any(|s| s.contains(['æ', 'ø', 'å']))
        }
        BLOCK_LETTERS => {
            q.surname = block(&r.surname);
            if rng.random_bool(0.4) && !r.given_names.contains(' ') {
                q.given_names = block(&r.given_names);
            }
            true
        }
        FULL_NAME_IN_GIVEN => {
            q.given_names = format!("{} {}", q.given_names, q.surname);
            true
        }
        SWEDISH_KEYS => {
            q.given_names = swedish(&q.given_names);
            q.surname = swedish(&q.surname);
            q.street = swedish(&q.street);
            q.city = swedish(&q.city);
            [&r.given_names, &r.surname, &r.street]
                .iter()
                .any(|s| s.contains(['æ', 'ø']))
        }
        UNCHANGED => true,
        k => simple(k, q, r, places, rng),
    };
    ok && (kind == UNCHANGED || *q != before)
}
