//! Lead layout and the damage done to reserved persons' leads.

use chrono::Datelike;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::judge::GLYPHS;
use super::names::{BOLIGNUMMER, FAMILIES, PREFIXES};
use super::places::Places;
use crate::person::{PersonQuery, PersonRecord};

/// Another postcode of the town, the town written.
pub const POSTCODE_OTHER_SAME_TOWN: &str = "postcode_sibling_code_town_kept";
/// Postcode digits read as letters.
pub const POSTCODE_GLYPHS: &str = "postcode_glyphs_for_digits";
/// No postcode, the town written.
pub const POSTCODE_EMPTY: &str = "postcode_gone_town_only";
/// A bolignummer after the house in the street field.
pub const BOLIGNUMMER_KIND: &str = "bolignummer_tailing_street";
/// A person-named street's given name as its initial.
pub const STREET_INITIAL: &str = "street_given_as_initial_dot";
/// A street prefix in a short form.
pub const STREET_PREFIX: &str = "street_prefix_shortened";
/// The first given name in another spelling of its family.
pub const GIVEN_VARIANT: &str = "given_name_spelling_family";
/// `rn`→`m`, `m`→`rn` or `l`→`1` in one word.
pub const OCR: &str = "ocr_rn_m_l_one_swap";
/// æ/ø/å transliterated lossily in every field.
pub const LOSSY: &str = "aeoeaa_transliterated_lossy";
/// No-break spaces, tabs and doubled spaces.
pub const WHITESPACE: &str = "whitespace_nbsp_tab_doubles";
/// A postcode damage and one other issue damage.
pub const TWO: &str = "two_issue_damages_stacked";
/// A generation suffix after the surname (own).
pub const SUFFIX: &str = "surname_generation_suffix";
/// Invisible characters pasted into names and street (own).
pub const ZERO_WIDTH: &str = "zero_width_chars_pasted";
/// Birth year a century off from a two-digit year (own).
pub const CENTURY: &str = "birth_year_century_slip";
/// Everything in capitals, `Ø` typed as zero (own).
pub const OE_ZERO: &str = "capital_oe_typed_as_zero";
/// The layout only.
pub const UNCHANGED: &str = "unchanged";

/// Corrupted kinds with their shares per mille.
pub const KINDS: &[(&str, u32)] = &[
    (POSTCODE_OTHER_SAME_TOWN, 65),
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
    (SUFFIX, 75),
    (ZERO_WIDTH, 75),
    (CENTURY, 75),
    (OE_ZERO, 70),
    (UNCHANGED, 45),
];

/// Generation suffixes.
pub const SUFFIXES: &[&str] = &[" d.y.", " jr.", " sr.", " d.e.", ", jr"];
/// Invisible characters a web paste carries.
pub const PASTED: &[char] = &['\u{200b}', '\u{00ad}', '\u{feff}', '\u{2060}'];

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

/// The lead of a register row before damage: case, town, house fields, birth date shown.
pub fn layout(rng: &mut ChaCha8Rng, r: &PersonRecord) -> PersonQuery {
    let mut q = PersonQuery::from(r);
    if !rng.random_bool(0.88) {
        q.given_names = q.given_names.to_uppercase();
        q.surname = q.surname.to_uppercase();
    }
    q.city = match rng.random_range(0..100) {
        0..40 => r.city.to_uppercase(),
        40..85 => title(&r.city),
        _ => r.city.to_lowercase(),
    };
    if rng.random_bool(0.4) {
        q.street = house_line(r);
        q.house_number.clear();
        q.house_letter.clear();
    }
    if !rng.random_bool(0.4) {
        q.birth_date = None;
    }
    q
}

/// `Street 12 B`.
pub fn house_line(r: &PersonRecord) -> String {
    let mut s = format!("{} {}", r.street, r.house_number);
    if !r.house_letter.is_empty() {
        s.push(' ');
        s.push_str(&r.house_letter);
    }
    s
}

/// Reads one digit of a postcode as a glyph (two in 30 %).
pub fn glyph_postcode(rng: &mut ChaCha8Rng, code: &str) -> Option<String> {
    let mut chars: Vec<char> = code.chars().collect();
    let spots: Vec<usize> = (0..chars.len())
        .filter(|&i| GLYPHS.iter().any(|g| g.0 == chars[i]))
        .collect();
    let first = *spots.choose(rng)?;
    let mut picks = vec![first];
    if rng.random_bool(0.3)
        && let Some(&s) = spots.iter().find(|&&s| s != first)
    {
        picks.push(s);
    }
    for i in picks {
        let opts: Vec<char> = GLYPHS
            .iter()
            .filter(|g| g.0 == chars[i])
            .map(|g| g.1)
            .collect();
        chars[i] = *opts.choose(rng)?;
    }
    Some(chars.into_iter().collect())
}

fn postcode_damage(
    rng: &mut ChaCha8Rng,
    q: &mut PersonQuery,
    r: &PersonRecord,
    places: &Places,
    kind: &str,
) -> Option<()> {
    match kind {
        POSTCODE_OTHER_SAME_TOWN => {
            let t = *places.town_by_name.get(&r.city)?;
            let others: Vec<&String> = places.town_codes[t]
                .iter()
                .filter(|c| **c != r.postcode)
                .collect();
            if let Some(c) = others.choose(rng) {
                q.postcode = (*c).clone();
            } else {
                let mut d: Vec<char> = r.postcode.chars().collect();
                let last = d.len().checked_sub(1)?;
                let new = loop {
                    let c = char::from(b'0' + rng.random_range(0..10u8));
                    if c != d[last] {
                        break c;
                    }
                };
                d[last] = new;
                q.postcode = d.into_iter().collect();
            }
        }
        POSTCODE_GLYPHS => q.postcode = glyph_postcode(rng, &r.postcode)?,
        _ => q.postcode = ["", "-", "0000", "????", " "].choose(rng)?.to_string(),
    }
    Some(())
}

fn replace_first_word(s: &str, new: &str) -> String {
    match s.split_once(' ') {
        Some((_, rest)) => format!("{new} {rest}"),
        None => new.to_string(),
    }
}

fn ocr_word(w: &str, rng: &mut ChaCha8Rng) -> Option<String> {
    if w.chars().count() < 4 {
        return None;
    }
    if w.contains("rn") {
        return Some(w.replacen("rn", "m", 1));
    }
    if w.contains('m') {
        return Some(w.replacen('m', "rn", 1));
    }
    let chars: Vec<char> = w.chars().collect();
    let ls: Vec<usize> = (1..chars.len()).filter(|&i| chars[i] == 'l').collect();
    let &i = ls.choose(rng)?;
    Some(
        chars
            .iter()
            .enumerate()
            .map(|(j, &c)| if j == i { '1' } else { c })
            .collect(),
    )
}

/// æ/ø/å transliterated: one letter (75 %) or two.
pub fn lossy(s: &str, two: bool) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match (c, two) {
            ('æ', false) => out.push('e'),
            ('Æ', false) => out.push('E'),
            ('ø', false) => out.push('o'),
            ('Ø', false) => out.push('O'),
            ('å', false) => out.push('a'),
            ('Å', false) => out.push('A'),
            ('æ', true) => out.push_str("ae"),
            ('Æ', true) => out.push_str("AE"),
            ('ø', true) => out.push_str("oe"),
            ('Ø', true) => out.push_str("OE"),
            ('å', true) => out.push_str("aa"),
            ('Å', true) => out.push_str("AA"),
            _ => out.push(c),
        }
    }
    out
}

/// Inserts one or two invisible characters inside a word of `s`.
pub fn paste_invisible(rng: &mut ChaCha8Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    if chars.len() < 2 {
        return s.to_string();
    }
    for _ in 0..rng.random_range(1..=2) {
        let at = rng.random_range(1..chars.len());
        chars.insert(at, *PASTED.choose(rng).expect("list"));
    }
    chars.into_iter().collect()
}

fn other_damage(
    rng: &mut ChaCha8Rng,
    q: &mut PersonQuery,
    r: &PersonRecord,
    kind: &str,
) -> Option<()> {
    match kind {
        BOLIGNUMMER_KIND => {
            let sep = [" ", ", ", " - "].choose(rng)?;
            q.street = format!("{}{sep}{}", house_line(r), BOLIGNUMMER.choose(rng)?);
            q.house_number.clear();
            q.house_letter.clear();
        }
        STREET_INITIAL => {
            let first = r.street.split(' ').next()?;
            if !super::names::STREET_GIVEN.contains(&first) {
                return None;
            }
            let i = first.chars().next()?;
            let short = [format!("{i}."), format!("{i}. "), format!("{i}")]
                .choose(rng)?
                .clone();
            let short = short.trim_end().to_string();
            q.street = replace_first_word(&q.street, &short);
        }
        STREET_PREFIX => {
            let first = r.street.split(' ').next()?;
            let (_, forms) = PREFIXES.iter().find(|(p, _)| *p == first)?;
            q.street = replace_first_word(&q.street, forms.choose(rng)?);
        }
        GIVEN_VARIANT => {
            let first = r.given_names.split(' ').next()?;
            let fam = FAMILIES.iter().find(|f| f.contains(&first))?;
            let others: Vec<&&str> = fam.iter().filter(|n| **n != first).collect();
            let new = others.choose(rng)?;
            let new = if q.given_names == q.given_names.to_uppercase() {
                new.to_uppercase()
            } else {
                new.to_string()
            };
            q.given_names = replace_first_word(&q.given_names, &new);
        }
        OCR => {
            let mut fields = [0, 1, 2];
            rand::seq::SliceRandom::shuffle(&mut fields[..], rng);
            for f in fields {
                let s = match f {
                    0 => &mut q.given_names,
                    1 => &mut q.surname,
                    _ => &mut q.street,
                };
                let ws: Vec<String> = s.split(' ').map(str::to_string).collect();
                if let Some((i, new)) = ws
                    .iter()
                    .enumerate()
                    .find_map(|(i, w)| ocr_word(w, rng).map(|n| (i, n)))
                {
                    let mut ws = ws;
                    ws[i] = new;
                    *s = ws.join(" ");
                    return Some(());
                }
            }
            return None;
        }
        LOSSY => {
            let two = !rng.random_bool(0.75);
            for s in [
                &mut q.given_names,
                &mut q.surname,
                &mut q.street,
                &mut q.city,
            ] {
                *s = lossy(s, two);
            }
        }
        WHITESPACE => {
            let h = house_line(r);
            let (street, rest) = h.split_at(r.street.len());
            let street = if rng.random_bool(0.5) {
                street.replacen(' ', "  ", 1)
            } else {
                street.to_string()
            };
            q.street = format!("{street}\u{a0}{}", rest.trim_start().replace(' ', "   "));
            q.house_number.clear();
            q.house_letter.clear();
            if rng.random_bool(0.5) {
                q.surname = format!(" {}\t", q.surname);
            }
            q.given_names = format!("{}  ", q.given_names.replace(' ', "\u{a0}"));
        }
        _ => return None,
    }
    Some(())
}

/// Applies `kind` to the layout `q` of row `r`; `None` if the row does not allow it.
pub fn apply(
    kind: &str,
    rng: &mut ChaCha8Rng,
    mut q: PersonQuery,
    r: &PersonRecord,
    places: &Places,
) -> Option<PersonQuery> {
    match kind {
        POSTCODE_OTHER_SAME_TOWN | POSTCODE_GLYPHS | POSTCODE_EMPTY => {
            postcode_damage(rng, &mut q, r, places, kind)?
        }
        TWO => {
            let pk = [POSTCODE_OTHER_SAME_TOWN, POSTCODE_GLYPHS, POSTCODE_EMPTY].choose(rng)?;
            let mut others = vec![
                BOLIGNUMMER_KIND,
                GIVEN_VARIANT,
                OCR,
                WHITESPACE,
                STREET_PREFIX,
                STREET_INITIAL,
                LOSSY,
            ];
            rand::seq::SliceRandom::shuffle(&mut others[..], rng);
            let before = q.clone();
            for o in others {
                if other_damage(rng, &mut q, r, o).is_some() && q != before {
                    break;
                }
                q = before.clone();
            }
            if q == before {
                return None;
            }
            postcode_damage(rng, &mut q, r, places, pk)?;
        }
        SUFFIX => {
            let s = SUFFIXES.choose(rng)?;
            q.surname = format!(
                "{}{}",
                q.surname,
                if q.surname == q.surname.to_uppercase() {
                    s.to_uppercase()
                } else {
                    s.to_string()
                }
            );
        }
        ZERO_WIDTH => {
            q.given_names = paste_invisible(rng, &q.given_names);
            q.surname = paste_invisible(rng, &q.surname);
            q.street = paste_invisible(rng, &q.street);
        }
        CENTURY => {
            let b = r.birth_date?;
            let shift = if b.year() < 1950 {
                100
            } else if b.year() >= 2000 {
                -100
            } else {
                return None;
            };
            q.birth_date = Some(b.with_year(b.year() + shift)?);
        }
        OE_ZERO => {
            let all = format!("{}{}{}{}", r.given_names, r.surname, r.street, r.city);
            if !all.contains(['ø', 'Ø']) {
                return None;
            }
            for s in [
                &mut q.given_names,
                &mut q.surname,
                &mut q.street,
                &mut q.city,
            ] {
                *s = s.to_uppercase().replace('Ø', "0");
            }
        }
        UNCHANGED => {}
        _ => other_damage(rng, &mut q, r, kind)?,
    }
    Some(q)
}
