//! Lead layout, the corruption kinds and the look-alike kinds.

use chrono::{Datelike, Days, NaiveDate};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::{BOM_LATIN1, CYRILLIC, given_clash};
use super::names::{
    ENDINGS, MEN, PERSON_TYPES, PREFIXES, STREET_PERSONS, WOMEN, danish_abbreviation, english_form,
    old_abbreviations, one_edit_partner,
};
use super::world::{MAX_NUMBER, StreetKind, World, street_name, title_case};
use crate::person::{PersonQuery, PersonRecord};

// Corruption kinds for the list, each through a source of damage of its own.
/// Wrong postcode, right town: typed on a phone keypad by fingers used to a calculator's.
pub const KEYPAD: &str = "postcode_typed_on_inverted_keypad";
/// Postcode misread: the comb boxes of a scanned form read as characters.
pub const COMB: &str = "postcode_read_through_comb_box_dividers";
/// No postcode, a town: a list re-typed from print with the postcode column as ditto marks.
pub const DITTO: &str = "postcode_ditto_mark_from_retyped_list";
/// Flat number in the street field: the bolignummer spaced as on the door sign.
pub const BOLIG: &str = "bolignummer_spaced_as_on_door_sign";
/// Initials: a person-named street with the old conventional abbreviation of the given name.
pub const OLD_ABBR: &str = "person_street_given_name_old_abbreviation";
/// Abbreviated prefixes: the Danish abbreviation of a street prefix.
pub const DANISH: &str = "street_prefix_danish_abbreviation";
/// Spelling variants: a phone's autocorrect writes the English spelling of a given name.
pub const AUTOCORRECT: &str = "given_name_autocorrected_to_english_spelling";
/// OCR: a carbon copy read by OCR (`nn`, `in`, `ni` → `m`, `u` → `ii`, `t` → `f`).
pub const CARBON: &str = "carbon_copy_ocr_nn_in_ni_u_t";
/// Lossy transliteration in two fields: 7-bit Norwegian (ISO 646-NO) read as ASCII.
pub const ISO646: &str = "iso646_seven_bit_aeoeaa_two_fields";
/// Unusual whitespace: an East Asian input method's ideographic space and full-width digits.
pub const IDEOGRAPHIC: &str = "ideographic_space_fullwidth_ime";
/// Two corruptions: a scanned printed phone book, no postcode and one `rn`/`m` or `l`/`1`.
pub const PHONE_BOOK: &str = "phone_book_scan_no_postcode_rn_l1";
// Own kinds.
/// One or two letters of a name typed on a Cyrillic layout (look-alike letters).
pub const CYRILLIC_KIND: &str = "cyrillic_homoglyph_in_name";
/// A UTF-8 byte-order mark read as Latin-1 before the first field.
pub const BOM: &str = "utf8_bom_read_as_latin1_in_first_field";
/// The street field's first letter lost to an off-by-one substring.
pub const OFF_BY_ONE: &str = "street_first_letter_lost_off_by_one";
/// An SMS lead typed by multi-tap: one letter pressed once too often or too seldom.
pub const MULTITAP: &str = "sms_multitap_letter_miscount";
/// The control.
pub const UNCHANGED: &str = "unchanged";

// Look-alike kinds.
/// A real, unreserved member of the anchor's household at the anchor's house.
pub const LA_HOUSEHOLD: &str = "unreserved_member_same_household";
/// The anchor's name at a real house in another town, with a birth date of its own.
pub const LA_NAMESAKE: &str = "namesake_other_town_own_birth_date";
/// The anchor's surname and another given name with the same initial two doors away.
pub const LA_NEIGHBOUR: &str = "same_surname_same_initial_two_doors";
/// A real given name one edit from the anchor's, the anchor's surname, next door.
pub const LA_ONE_EDIT: &str = "one_edit_real_given_name_next_door";
/// The anchor's full name at the anchor's number of a twin street (same stem, another ending).
pub const LA_TWIN: &str = "full_namesake_twin_street_same_number";
/// The anchor's name a generation apart on another street of the anchor's town.
pub const LA_GENERATION: &str = "same_name_other_generation_same_town";

/// Corruption kinds and their shares of the corrupted half, per mille.
pub const CORRUPTED: &[(&str, u32)] = &[
    (KEYPAD, 62),
    (COMB, 62),
    (DITTO, 62),
    (BOLIG, 62),
    (OLD_ABBR, 62),
    (DANISH, 62),
    (AUTOCORRECT, 62),
    (CARBON, 62),
    (ISO646, 62),
    (IDEOGRAPHIC, 62),
    (PHONE_BOOK, 80),
    (CYRILLIC_KIND, 62),
    (BOM, 62),
    (OFF_BY_ONE, 62),
    (MULTITAP, 62),
    (UNCHANGED, 52),
];

/// Look-alike kinds and their shares of the look-alike half, per mille.
pub const LOOK_ALIKES: &[(&str, u32)] = &[
    (LA_HOUSEHOLD, 200),
    (LA_NAMESAKE, 160),
    (LA_NEIGHBOUR, 160),
    (LA_ONE_EDIT, 160),
    (LA_TWIN, 160),
    (LA_GENERATION, 160),
];

/// The corruption kinds in the order they pick persons: those few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    OLD_ABBR,
    DANISH,
    ISO646,
    AUTOCORRECT,
    OFF_BY_ONE,
    CARBON,
    MULTITAP,
    PHONE_BOOK,
    CYRILLIC_KIND,
    KEYPAD,
    COMB,
    DITTO,
    BOLIG,
    IDEOGRAPHIC,
    BOM,
    UNCHANGED,
];

/// Counts per kind for `total` leads: per-mille shares split by largest remainder (ties to
/// the earlier kind).
pub fn counts(total: usize, shares: &[(&str, u32)]) -> Vec<usize> {
    let sum: u64 = shares.iter().map(|(_, s)| u64::from(*s)).sum();
    let exact: Vec<(usize, u64)> = shares
        .iter()
        .map(|(_, s)| {
            let x = total as u64 * u64::from(*s);
            ((x / sum) as usize, x % sum)
        })
        .collect();
    let mut out: Vec<usize> = exact.iter().map(|(c, _)| *c).collect();
    let left = total - out.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| exact[b].1.cmp(&exact[a].1).then(a.cmp(&b)));
    for &i in order.iter().take(left) {
        out[i] += 1;
    }
    out
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, xs: &'a [T]) -> &'a T {
    &xs[rng.random_range(0..xs.len())]
}

/// `new` in the case of `model` (all capitals, all lower case, or as written).
fn same_case(model: &str, new: &str) -> String {
    let letters: Vec<char> = model.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        new.to_uppercase()
    } else if !letters.is_empty() && letters.iter().all(|c| c.is_lowercase()) {
        new.to_lowercase()
    } else {
        new.to_string()
    }
}

/// The lead of a register row before its damage: names as written (80 %), in capitals (12 %)
/// or lower case (8 %); the town in capitals (55 %), title case (35 %) or lower case (10 %);
/// the house in its fields (60 %) or in the street field (40 %); the birth date in 30 %.
pub fn layout(
    rng: &mut ChaCha8Rng,
    r: &PersonRecord,
    house_in_street: Option<bool>,
) -> PersonQuery {
    let mut q = PersonQuery::from(r);
    match rng.random_range(0..100) {
        0..80 => {}
        80..92 => {
            q.given_names = q.given_names.to_uppercase();
            q.surname = q.surname.to_uppercase();
        }
        _ => {
            q.given_names = q.given_names.to_lowercase();
            q.surname = q.surname.to_lowercase();
        }
    }
    q.city = match rng.random_range(0..100) {
        0..55 => r.city.clone(),
        55..90 => title_case(&r.city),
        _ => r.city.to_lowercase(),
    };
    if house_in_street.unwrap_or_else(|| rng.random_bool(0.4)) {
        let n = &r.house_number;
        let l = &r.house_letter;
        q.street = if l.is_empty() {
            format!("{} {n}", r.street)
        } else {
            match rng.random_range(0..100) {
                0..45 => format!("{} {n} {l}", r.street),
                45..85 => format!("{} {n}{l}", r.street),
                _ => format!("{} {n}{}", r.street, l.to_lowercase()),
            }
        };
        q.house_number.clear();
        q.house_letter.clear();
    }
    if !rng.random_bool(0.3) {
        q.birth_date = None;
    }
    q
}

/// Places in `s` (not a word's first letter) where `from` stands, ignoring case.
fn inner_spots(s: &str, from: &str) -> Vec<usize> {
    let lower = s.to_lowercase();
    if lower.len() != s.len() {
        return Vec::new();
    }
    lower
        .match_indices(from)
        .map(|(i, _)| i)
        .filter(|&i| {
            i > 0
                && lower[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
        })
        .collect()
}

/// Replaces `from` at byte `i` of `s` by `to`, in the case of what it replaces.
fn replace_at(s: &str, i: usize, from: &str, to: &str) -> String {
    let old = &s[i..i + from.len()];
    format!("{}{}{}", &s[..i], same_case(old, to), &s[i + from.len()..])
}

/// One of `pairs` applied at a random inner spot of one of `fields`, if any fits.
fn confuse(rng: &mut ChaCha8Rng, fields: &mut [&mut String], pairs: &[(&str, &str)]) -> bool {
    let mut spots = Vec::new();
    for (f, field) in fields.iter().enumerate() {
        let name_part: &str = field
            .split(|c: char| c.is_ascii_digit())
            .next()
            .unwrap_or("");
        for (p, (from, _)) in pairs.iter().enumerate() {
            for i in inner_spots(name_part, from) {
                spots.push((f, p, i));
            }
        }
    }
    if spots.is_empty() {
        return false;
    }
    let (f, p, i) = *pick(rng, &spots);
    let (from, to) = pairs[p];
    *fields[f] = replace_at(fields[f], i, from, to);
    true
}

const ISO646_MAP: &[(char, char)] = &[
    ('Æ', '['),
    ('Ø', '\\'),
    ('Å', ']'),
    ('æ', '{'),
    ('ø', '|'),
    ('å', '}'),
];

fn iso646(s: &str) -> String {
    s.chars()
        .map(|c| {
            ISO646_MAP
                .iter()
                .find(|(n, _)| *n == c)
                .map_or(c, |(_, a)| *a)
        })
        .collect()
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

fn fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                char::from_u32(c as u32 + 0xfee0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

fn cyrillic_swap(rng: &mut ChaCha8Rng, s: &str, times: usize) -> Option<String> {
    let mut chars: Vec<char> = s.chars().collect();
    let mut spots: Vec<usize> = (0..chars.len())
        .filter(|&i| CYRILLIC.iter().any(|(_, l)| *l == chars[i]))
        .collect();
    if spots.is_empty() {
        return None;
    }
    for _ in 0..times.min(spots.len()) {
        let k = rng.random_range(0..spots.len());
        let i = spots.swap_remove(k);
        let cy = CYRILLIC.iter().find(|(_, l)| *l == chars[i])?.0;
        chars[i] = cy;
    }
    Some(chars.into_iter().collect())
}

const MULTITAP_KEYS: &[&str] = &["abc", "def", "ghi", "jkl", "mno", "pqrs", "tuv", "wxyz"];

/// One letter (not the first) pressed once too often or too seldom on its multi-tap key.
fn multitap(rng: &mut ChaCha8Rng, word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let spots: Vec<usize> = (1..chars.len())
        .filter(|&i| {
            let c = chars[i].to_ascii_lowercase();
            MULTITAP_KEYS.iter().any(|k| k.contains(c))
        })
        .collect();
    if spots.is_empty() {
        return None;
    }
    let i = *pick(rng, &spots);
    let c = chars[i].to_ascii_lowercase();
    let keys = MULTITAP_KEYS.iter().find(|k| k.contains(c))?;
    let letters: Vec<char> = keys.chars().collect();
    let at = letters.iter().position(|&x| x == c)?;
    let other = if at == 0 || (at + 1 < letters.len() && rng.random_bool(0.5)) {
        letters[at + 1]
    } else {
        letters[at - 1]
    };
    let mut out = chars.clone();
    out[i] = if chars[i].is_uppercase() {
        other.to_ascii_uppercase()
    } else {
        other
    };
    Some(out.into_iter().collect())
}

/// Replaces the first whole word `old` of `s` by `new`.
fn replace_word(s: &str, old: &str, new: &str) -> String {
    let mut done = false;
    s.split(' ')
        .map(|w| {
            if !done && w == old {
                done = true;
                new.to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A corrupted lead of kind `kind` for person `p`, or `None` if the person does not allow it.
pub fn corrupt(rng: &mut ChaCha8Rng, w: &World, kind: &str, p: usize) -> Option<PersonQuery> {
    let r = w.record(p);
    let street = w.street_of(p);
    let mut q = match kind {
        BOLIG | IDEOGRAPHIC => layout(rng, &r, Some(true)),
        _ => layout(rng, &r, None),
    };
    match kind {
        KEYPAD => {
            let inv: String = r
                .postcode
                .chars()
                .map(|c| match c {
                    '1' => '7',
                    '7' => '1',
                    '2' => '8',
                    '8' => '2',
                    '3' => '9',
                    '9' => '3',
                    c => c,
                })
                .collect();
            if inv == r.postcode {
                return None;
            }
            q.postcode = inv;
        }
        COMB => {
            let d: Vec<char> = r.postcode.chars().collect();
            q.postcode = match rng.random_range(0..6) {
                0 => format!("{}|{}|{}|{}", d[0], d[1], d[2], d[3]),
                1 => format!("|{}|{}|{}|{}|", d[0], d[1], d[2], d[3]),
                2 => format!("{} | {} | {} | {}", d[0], d[1], d[2], d[3]),
                3 => format!("[{}][{}][{}][{}]", d[0], d[1], d[2], d[3]),
                4 => format!("{}I{}I{}I{}", d[0], d[1], d[2], d[3]),
                _ => format!("{}l{}l{}l{}", d[0], d[1], d[2], d[3]),
            };
        }
        DITTO => {
            q.postcode = pick(rng, &["\"", "〃", "-\"-", "do.", "''"]).to_string();
        }
        BOLIG => {
            let l = match rng.random_range(0..20) {
                0..17 => 'H',
                17..19 => 'U',
                _ => 'K',
            };
            let floor = if l == 'U' { 1 } else { rng.random_range(1..=5) };
            let flat = rng.random_range(1..=6);
            let b = match rng.random_range(0..5) {
                0 => format!("{l} {floor:02} {flat:02}"),
                1 => format!("{l}{floor:02} {flat:02}"),
                2 => format!("{l}-{floor:02}{flat:02}"),
                3 => format!("{} {floor:02}{flat:02}", l.to_ascii_lowercase()),
                _ => format!("{l}{floor:02}-{flat:02}"),
            };
            let sep = if rng.random_bool(0.4) { ", " } else { " " };
            q.street = format!("{}{sep}{b}", q.street);
        }
        OLD_ABBR => {
            let StreetKind::Person { person, .. } = street.kind else {
                return None;
            };
            let given = STREET_PERSONS[person].0;
            let mut s = q.street.clone();
            let mut changed = false;
            for g in given.split(' ') {
                let abbrs = old_abbreviations(g);
                if abbrs.is_empty() || (changed && rng.random_bool(0.3)) {
                    continue;
                }
                let mut a = pick(rng, abbrs).to_string();
                if rng.random_bool(0.2) {
                    a = a.trim_end_matches('.').to_string();
                }
                s = replace_word(&s, g, &a);
                changed = true;
            }
            if !changed {
                return None;
            }
            q.street = s;
        }
        DANISH => {
            let StreetKind::Glued {
                prefix: Some(pr), ..
            } = street.kind
            else {
                return None;
            };
            let (full, _) = PREFIXES[pr];
            let abbr = danish_abbreviation(full)?;
            q.street = replace_word(&q.street, full, abbr);
        }
        AUTOCORRECT => {
            let first = q.given_names.split(' ').next()?.to_string();
            let e = english_form(&first)?;
            let new = same_case(&first, e);
            q.given_names = replace_word(&q.given_names, &first, &new);
        }
        CARBON => {
            let pairs = [
                ("nn", "m"),
                ("in", "m"),
                ("ni", "m"),
                ("u", "ii"),
                ("t", "f"),
            ];
            let mut g = q.given_names.clone();
            let mut s = q.surname.clone();
            let mut st = q.street.clone();
            if !confuse(rng, &mut [&mut g, &mut s, &mut st], &pairs) {
                return None;
            }
            (q.given_names, q.surname, q.street) = (g, s, st);
        }
        ISO646 => {
            let mut fields: Vec<&mut String> = vec![
                &mut q.given_names,
                &mut q.surname,
                &mut q.street,
                &mut q.city,
            ];
            fields.retain(|f| has_aeoeaa(f));
            if fields.len() < 2 {
                return None;
            }
            let a = rng.random_range(0..fields.len());
            let mut b = rng.random_range(0..fields.len() - 1);
            if b >= a {
                b += 1;
            }
            *fields[a] = iso646(fields[a]);
            *fields[b] = iso646(fields[b]);
        }
        IDEOGRAPHIC => {
            let sp = if rng.random_bool(0.3) {
                "\u{3000}\u{3000}"
            } else {
                "\u{3000}"
            };
            let name = if rng.random_bool(0.5) {
                r.street.replace(' ', "\u{3000}")
            } else {
                r.street.clone()
            };
            let mut house = r.house_number.clone();
            let mut letter = r.house_letter.clone();
            if rng.random_bool(0.5) {
                house = fullwidth(&house);
                letter = fullwidth(&letter);
            }
            q.street = if letter.is_empty() {
                format!("{name}{sp}{house}")
            } else {
                format!("{name}{sp}{house}\u{3000}{letter}")
            };
        }
        PHONE_BOOK => {
            q.postcode.clear();
            let pairs = [("rn", "m"), ("m", "rn"), ("l", "1")];
            let mut g = q.given_names.clone();
            let mut s = q.surname.clone();
            let mut st = q.street.clone();
            if !confuse(rng, &mut [&mut g, &mut s, &mut st], &pairs) {
                return None;
            }
            (q.given_names, q.surname, q.street) = (g, s, st);
        }
        CYRILLIC_KIND => {
            let times = if rng.random_bool(0.3) { 2 } else { 1 };
            if rng.random_bool(0.5) {
                q.given_names = cyrillic_swap(rng, &q.given_names, times)?;
            } else {
                q.surname = cyrillic_swap(rng, &q.surname, times)?;
            }
        }
        BOM => {
            q.given_names = format!("{BOM_LATIN1}{}", q.given_names);
        }
        OFF_BY_ONE => {
            let first = q.street.split(' ').next()?;
            if first.chars().count() < 7 {
                return None;
            }
            q.street = q.street.chars().skip(1).collect();
        }
        MULTITAP => {
            if rng.random_bool(0.4) {
                q.given_names = q.given_names.to_uppercase();
                q.surname = q.surname.to_uppercase();
                q.street = q.street.to_uppercase();
            }
            if q.surname.chars().count() >= 5 && rng.random_bool(0.5) {
                q.surname = multitap(rng, &q.surname)?;
            } else {
                let longest = q
                    .street
                    .split(' ')
                    .max_by_key(|w| w.chars().count())?
                    .to_string();
                if longest.chars().count() < 7 {
                    return None;
                }
                let new = multitap(rng, &longest)?;
                q.street = replace_word(&q.street, &longest, &new);
            }
        }
        UNCHANGED => {}
        _ => return None,
    }
    Some(q)
}

fn shifted(rng: &mut ChaCha8Rng, d: NaiveDate, min_days: u64, max_days: u64) -> NaiveDate {
    let days = Days::new(rng.random_range(min_days..=max_days));
    let moved = if rng.random_bool(0.5) {
        d.checked_add_days(days)
    } else {
        d.checked_sub_days(days)
    };
    moved.unwrap_or(d)
}

/// Noise on look-alikes so that damage is no cue: comb boxes (8 %), a byte-order mark (6 %),
/// a Cyrillic letter (6 %), a ditto mark for the postcode (5 %), 7-bit æ/ø/å in one field (5 %).
fn noise(rng: &mut ChaCha8Rng, q: &mut PersonQuery) {
    match rng.random_range(0..100) {
        0..8 if q.postcode.len() == 4 => {
            let d: Vec<char> = q.postcode.chars().collect();
            q.postcode = format!("{}|{}|{}|{}", d[0], d[1], d[2], d[3]);
        }
        8..14 => q.given_names = format!("{BOM_LATIN1}{}", q.given_names),
        14..20 => {
            if let Some(s) = cyrillic_swap(rng, &q.surname, 1) {
                q.surname = s;
            }
        }
        20..25 => q.postcode = "\"".to_string(),
        25..30 => {
            q.surname = iso646(&q.surname);
            q.city = iso646(&q.city);
        }
        _ => {}
    }
}

/// A look-alike of kind `kind` around the reserved person `a` (the anchor), or `None`.
pub fn look_alike(rng: &mut ChaCha8Rng, w: &World, kind: &str, a: usize) -> Option<PersonQuery> {
    let anchor = &w.persons[a];
    let home = &w.households[anchor.household];
    let street = &w.streets[home.street];
    let base = w.record(a);
    let first_given = anchor.given.split(' ').next()?.to_string();
    let mut r = base.clone();
    let mut show_birth = 0.3;
    match kind {
        LA_HOUSEHOLD => {
            let free: Vec<usize> = home
                .members
                .iter()
                .copied()
                .filter(|&m| w.persons[m].register.is_none())
                .collect();
            if free.is_empty() {
                return None;
            }
            r = w.record(*pick(rng, &free));
            show_birth = 0.4;
        }
        LA_NAMESAKE => {
            let h = &w.households[rng.random_range(0..w.households.len())];
            let other = &w.streets[h.street];
            if other.town == street.town {
                return None;
            }
            r.street = other.name.clone();
            r.house_number = h.number.to_string();
            r.house_letter = h.letter.clone();
            r.postcode = other.postcode.clone();
            r.city = w.towns[other.town].name.clone();
            if rng.random_bool(0.5) {
                r.given_names = first_given.clone();
            }
            r.birth_date = Some(shifted(rng, anchor.birth, 365, 30 * 365));
            show_birth = 0.6;
        }
        LA_NEIGHBOUR => {
            let n = if rng.random_bool(0.5) {
                home.number + 2
            } else {
                home.number.checked_sub(2).filter(|&n| n > 0)?
            };
            let pool = if anchor.male { MEN } else { WOMEN };
            let initial = first_given.chars().next()?;
            let others: Vec<&str> = pool
                .iter()
                .copied()
                .filter(|g| g.starts_with(initial) && !given_clash(g, &anchor.given))
                .collect();
            if others.is_empty() {
                return None;
            }
            r.given_names = pick(rng, &others).to_string();
            r.house_number = n.to_string();
            r.house_letter.clear();
            r.birth_date = Some(shifted(rng, anchor.birth, 200, 20 * 365));
        }
        LA_ONE_EDIT => {
            let other = one_edit_partner(&first_given)?;
            let n = if rng.random_bool(0.5) {
                home.number + 1
            } else {
                home.number.checked_sub(1).filter(|&n| n > 0)?
            };
            r.given_names = other.to_string();
            r.house_number = n.to_string();
            r.house_letter.clear();
            r.birth_date = Some(shifted(rng, anchor.birth, 200, 20 * 365));
        }
        LA_TWIN => {
            let twin = match street.kind {
                StreetKind::Glued {
                    prefix,
                    stem,
                    ending,
                } => {
                    let mut e = rng.random_range(0..ENDINGS.len() - 1);
                    if e >= ending {
                        e += 1;
                    }
                    StreetKind::Glued {
                        prefix,
                        stem,
                        ending: e,
                    }
                }
                StreetKind::Person {
                    person,
                    genitive,
                    ty,
                } => {
                    let others: Vec<usize> = (0..PERSON_TYPES.len())
                        .filter(|&t| PERSON_TYPES[t] != PERSON_TYPES[ty])
                        .collect();
                    StreetKind::Person {
                        person,
                        genitive,
                        ty: *pick(rng, &others),
                    }
                }
            };
            r.street = street_name(twin);
            r.birth_date = Some(shifted(rng, anchor.birth, 200, 20 * 365));
        }
        LA_GENERATION => {
            let streets = &w.towns[street.town].streets;
            let s = *pick(rng, streets);
            if s == home.street {
                return None;
            }
            let other = &w.streets[s];
            r.street = other.name.clone();
            r.postcode = other.postcode.clone();
            r.house_number = rng.random_range(1..=MAX_NUMBER).to_string();
            r.house_letter.clear();
            if rng.random_bool(0.5) {
                r.given_names = first_given.clone();
            }
            // A parent for the young, a child for the old, never born before 1925 or after 2008.
            let days = Days::new(rng.random_range(24 * 365..=36 * 365));
            let b = if anchor.birth.year() < 1975 {
                anchor.birth.checked_add_days(days)
            } else {
                anchor.birth.checked_sub_days(days)
            }?;
            if !(1925..=2008).contains(&b.year()) {
                return None;
            }
            r.birth_date = Some(b);
            show_birth = 0.7;
        }
        _ => return None,
    }
    let mut q = layout(rng, &r, None);
    q.birth_date = if rng.random_bool(show_birth) {
        r.birth_date
    } else {
        None
    };
    noise(rng, &mut q);
    Some(q)
}
