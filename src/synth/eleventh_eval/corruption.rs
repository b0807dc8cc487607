//! Lead layouts and corruptions: a person written losslessly as a lead (several layouts), then
//! damaged as a kind says. Every function returns `None` where its kind does not apply.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::judge::MOJIBAKE;
use super::names::{PREFIXES, SPELLINGS};
use super::places::{Places, title_case};
use super::population::Person;
use crate::person::PersonQuery;

/// A wrong postcode, the town right (issue).
pub const POSTCODE_TYPO: &str = "postcode_typo_town_right";
/// A postcode with digits read as letters (issue).
pub const POSTCODE_GLYPHS: &str = "postcode_glyphs_misread";
/// No postcode, the town given (issue).
pub const POSTCODE_MISSING: &str = "postcode_missing_town_given";
/// A bolignummer in the street field (issue).
pub const BOLIGNUMMER: &str = "bolignummer_in_street_field";
/// A person-named street with the given name as an initial (issue).
pub const STREET_INITIAL: &str = "street_given_name_initial";
/// A street prefix abbreviated (issue).
pub const STREET_PREFIX: &str = "street_prefix_abbreviated";
/// Another spelling of the first given name (issue).
pub const SPELLING: &str = "given_name_spelling_variant";
/// An OCR confusion `rn`↔`m`, `l`→`1` (issue).
pub const OCR: &str = "ocr_rn_m_l_1";
/// æ/ø/å lost in two fields (issue).
pub const TRANSLIT: &str = "translit_lossy_two_fields";
/// No-break and doubled spaces (issue).
pub const WHITESPACE: &str = "whitespace_nbsp_double";
/// Two issue corruptions in different parts (issue).
pub const TWO: &str = "two_issue_corruptions";
/// The lossless layout only (control).
pub const UNCHANGED: &str = "unchanged";
/// UTF-8 read as Windows-1252 (own).
pub const MOJIBAKE_KIND: &str = "mojibake_utf8_as_cp1252";
/// Postcode and town in one field (own).
pub const POSTCODE_TOWN_ONE_FIELD: &str = "postcode_and_town_in_one_field";
/// Given name and surname in each other's fields (own).
pub const NAMES_SWAPPED: &str = "name_fields_swapped";
/// Quotes, apostrophes and semicolons left by a broken CSV/spreadsheet export (own).
pub const CSV_DEBRIS: &str = "csv_quote_debris";
/// The street cut by a fixed-width export (own).
pub const TRUNCATED: &str = "street_truncated_fixed_width";

/// The context a corruption needs.
pub struct Ctx<'a> {
    /// Places.
    pub places: &'a Places,
}

fn capitalize_like(model: &str, word: &str) -> String {
    if model.chars().any(char::is_lowercase) {
        word.to_string()
    } else {
        word.to_uppercase()
    }
}

/// The lossless layout of a person (given names, surname, house, town; birth date in 35 %).
pub fn lossless(rng: &mut ChaCha8Rng, ctx: &Ctx, p: &Person) -> PersonQuery {
    let street = &ctx.places.streets[p.house.street];
    let town = &ctx.places.towns[street.town].name;
    let letter = p.house.letter.map(String::from).unwrap_or_default();
    let mut q = PersonQuery {
        given_names: p.given.clone(),
        surname: p.surname.clone(),
        postcode: street.postcode.clone(),
        birth_date: rng.random_bool(0.35).then_some(p.birth),
        ..PersonQuery::default()
    };
    let u: f64 = rng.random();
    if u < 0.4 {
        q.street = street.name.clone();
        q.house_number = p.house.number.to_string();
        q.house_letter = letter;
    } else if u < 0.7 {
        q.street = format!("{} {}", street.name, p.house.number);
        if !letter.is_empty() {
            q.street = format!("{} {letter}", q.street);
        }
    } else {
        q.street = street.name.clone();
        q.house_number = format!("{}{letter}", p.house.number);
    }
    let n: f64 = rng.random();
    if n < 0.1 {
        q.given_names = q.given_names.to_uppercase();
        q.surname = q.surname.to_uppercase();
    } else if n < 0.15 {
        q.surname = q.surname.to_uppercase();
    }
    let c: f64 = rng.random();
    q.city = if c < 0.45 {
        town.clone()
    } else if c < 0.85 {
        title_case(town)
    } else {
        town.to_lowercase()
    };
    q
}

/// Moves the number and letter into the street field (`Street 12 B`).
fn house_into_street(q: &mut PersonQuery) {
    if q.street.chars().any(|c| c.is_ascii_digit()) {
        return;
    }
    let mut s = q.street.clone();
    if !q.house_number.is_empty() {
        s = format!("{s} {}", q.house_number);
    }
    if !q.house_letter.is_empty() {
        s = format!("{s} {}", q.house_letter);
    }
    q.street = s;
    q.house_number.clear();
    q.house_letter.clear();
}

/// A wrong postcode, the town right.
pub fn postcode_typo(rng: &mut ChaCha8Rng, ctx: &Ctx, q: &mut PersonQuery) -> Option<()> {
    let town = *ctx.places.town_of_postcode.get(&q.postcode)?;
    let codes = &ctx.places.towns[town].postcodes;
    let old = q.postcode.clone();
    if codes.len() > 1 && rng.random_bool(0.4) {
        let others: Vec<&String> = codes.iter().filter(|c| **c != old).collect();
        q.postcode = others[rng.random_range(0..others.len())].clone();
    } else {
        let mut d: Vec<char> = old.chars().collect();
        if rng.random_bool(0.3) {
            let i = rng.random_range(1..3);
            d.swap(i, i + 1);
        } else {
            let i = if rng.random_bool(0.5) {
                3
            } else {
                rng.random_range(1..3)
            };
            let c = d[i];
            while d[i] == c {
                d[i] = char::from(b'0' + rng.random_range(0..10u8));
            }
        }
        q.postcode = d.into_iter().collect();
    }
    (q.postcode != old).then_some(())
}

/// One or two digits of the postcode written as glyphs.
pub fn postcode_glyphs(rng: &mut ChaCha8Rng, _: &Ctx, q: &mut PersonQuery) -> Option<()> {
    let table: &[(char, &[char])] = &[
        ('0', &['O', 'o', 'D']),
        ('1', &['l', 'I']),
        ('2', &['Z']),
        ('4', &['A']),
        ('5', &['S', 's']),
        ('6', &['b', 'G']),
        ('8', &['B']),
        ('9', &['g']),
    ];
    let mut d: Vec<char> = q.postcode.chars().collect();
    let idx: Vec<usize> = (0..d.len())
        .filter(|&i| table.iter().any(|(c, _)| *c == d[i]))
        .collect();
    if idx.is_empty() {
        return None;
    }
    let n = if idx.len() > 1 && rng.random_bool(0.3) {
        2
    } else {
        1
    };
    let start = rng.random_range(0..idx.len());
    for k in 0..n {
        let i = idx[(start + k) % idx.len()];
        let (_, gl) = table.iter().find(|(c, _)| *c == d[i])?;
        d[i] = gl[rng.random_range(0..gl.len())];
    }
    q.postcode = d.into_iter().collect();
    Some(())
}

/// No postcode, the town given.
pub fn postcode_missing(rng: &mut ChaCha8Rng, _: &Ctx, q: &mut PersonQuery) -> Option<()> {
    q.postcode = ["", "", "", "0", "-", "ikke oppgitt", "?"][rng.random_range(0..7)].to_string();
    Some(())
}

/// A bolignummer after the house in the street field.
pub fn bolignummer(rng: &mut ChaCha8Rng, _: &Ctx, q: &mut PersonQuery) -> Option<()> {
    house_into_street(q);
    let b = if rng.random_bool(0.8) {
        format!(
            "H{:02}{:02}",
            rng.random_range(1..=7),
            rng.random_range(1..=6)
        )
    } else {
        ["U0101", "K0101", "L0101", "U0102"][rng.random_range(0..4)].to_string()
    };
    let sep = [" ", ", ", " / ", " bolig "][rng.random_range(0..4)];
    let sep = if sep == " bolig " { " " } else { sep };
    q.street = format!("{}{sep}{b}", q.street);
    Some(())
}

/// A person-named street with its given name as an initial.
pub fn street_initial(
    rng: &mut ChaCha8Rng,
    ctx: &Ctx,
    p: &Person,
    q: &mut PersonQuery,
) -> Option<()> {
    let street = &ctx.places.streets[p.house.street];
    let g = street.person_given?;
    let name = &street.name;
    let initial: String = name.chars().take(1).collect();
    let rest = &name[g..];
    let short = match rng.random_range(0..3) {
        0 => format!("{initial}.{rest}"),
        1 => format!("{initial}.{}", rest.trim_start()),
        _ => format!("{initial}{rest}"),
    };
    q.street = q.street.replacen(name.as_str(), &short, 1);
    Some(())
}

/// A street prefix abbreviated.
pub fn street_prefix(
    rng: &mut ChaCha8Rng,
    ctx: &Ctx,
    p: &Person,
    q: &mut PersonQuery,
) -> Option<()> {
    let street = &ctx.places.streets[p.house.street];
    let pi = street.prefix?;
    let (full, abbr, _) = PREFIXES[pi];
    let a = abbr[rng.random_range(0..abbr.len())];
    let body = &street.name[full.len() + 1..];
    let short = if a.ends_with('.') && rng.random_bool(0.2) {
        format!("{a}{body}")
    } else {
        format!("{a} {body}")
    };
    q.street = q.street.replacen(street.name.as_str(), &short, 1);
    Some(())
}

/// Another spelling of the first given name that has one.
pub fn spelling(rng: &mut ChaCha8Rng, _: &Ctx, q: &mut PersonQuery) -> Option<()> {
    let words: Vec<&str> = q.given_names.split([' ', '-']).collect();
    for w in words {
        let lw = w.to_lowercase();
        if let Some(group) = SPELLINGS
            .iter()
            .find(|g| g.iter().any(|s| s.to_lowercase() == lw))
        {
            let others: Vec<&&str> = group.iter().filter(|s| s.to_lowercase() != lw).collect();
            let new = capitalize_like(w, others[rng.random_range(0..others.len())]);
            q.given_names = q.given_names.replacen(w, &new, 1);
            return Some(());
        }
    }
    None
}

/// One OCR confusion in a word of four letters or more of the names or street.
pub fn ocr(rng: &mut ChaCha8Rng, _: &Ctx, q: &mut PersonQuery, names_only: bool) -> Option<()> {
    let n = if names_only { 2 } else { 3 };
    let start = rng.random_range(0..n);
    for k in 0..n {
        let field = match (start + k) % n {
            0 => &mut q.given_names,
            1 => &mut q.surname,
            _ => &mut q.street,
        };
        let words: Vec<String> = field.split_whitespace().map(str::to_string).collect();
        for w in words {
            if w.chars().count() < 4 || !w.chars().all(char::is_alphabetic) {
                continue;
            }
            let new = if w.contains("rn") {
                w.replacen("rn", "m", 1)
            } else if w.contains('m') {
                w.replacen('m', "rn", 1)
            } else if let Some((i, _)) = w.char_indices().skip(1).find(|&(_, c)| c == 'l') {
                format!("{}1{}", &w[..i], &w[i + 1..])
            } else if w.contains('L') {
                w.replacen('L', "1", 1)
            } else {
                continue;
            };
            *field = field.replacen(w.as_str(), &new, 1);
            return Some(());
        }
    }
    None
}

fn lose_letters(s: &str, long: bool) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match (c, long) {
            ('æ', false) => out.push('e'),
            ('ø', false) => out.push('o'),
            ('å', false) => out.push('a'),
            ('Æ', false) => out.push('E'),
            ('Ø', false) => out.push('O'),
            ('Å', false) => out.push('A'),
            ('æ', true) => out.push_str("ae"),
            ('ø', true) => out.push_str("oe"),
            ('å', true) => out.push_str("aa"),
            ('Æ', true) => out.push_str("AE"),
            ('Ø', true) => out.push_str("OE"),
            ('Å', true) => out.push_str("AA"),
            _ => out.push(c),
        }
    }
    out
}

/// æ/ø/å lost in exactly two fields.
pub fn translit(rng: &mut ChaCha8Rng, _: &Ctx, q: &mut PersonQuery) -> Option<()> {
    let has = |s: &str| s.chars().any(|c| "æøåÆØÅ".contains(c));
    let mut fields: Vec<&mut String> = [
        &mut q.given_names,
        &mut q.surname,
        &mut q.street,
        &mut q.city,
    ]
    .into_iter()
    .filter(|f| has(f))
    .collect();
    if fields.len() < 2 {
        return None;
    }
    let long = rng.random_bool(0.25);
    let a = rng.random_range(0..fields.len());
    let mut b = rng.random_range(0..fields.len() - 1);
    if b >= a {
        b += 1;
    }
    for (i, f) in fields.iter_mut().enumerate() {
        if i == a || i == b {
            **f = lose_letters(f, long);
        }
    }
    Some(())
}

/// No-break spaces and doubled spaces around the house in the street field.
pub fn whitespace(rng: &mut ChaCha8Rng, _: &Ctx, p: &Person, q: &mut PersonQuery) -> Option<()> {
    house_into_street(q);
    let seps = ["\u{a0}", "  ", "   ", "\u{a0} ", " \u{a0}"];
    let num = p.house.number.to_string();
    let pos = q.street.rfind(&format!(" {num}"))?;
    let (name, rest) = q.street.split_at(pos);
    let rest = rest[1..].to_string();
    let name = if name.contains(' ') && rng.random_bool(0.3) {
        name.replace(' ', "  ")
    } else {
        name.to_string()
    };
    let rest = match p.house.letter {
        Some(l) => rest.replace(
            &format!(" {l}"),
            &format!("{}{l}", ["\u{a0}", "  "][rng.random_range(0..2)]),
        ),
        None => rest,
    };
    q.street = format!("{name}{}{rest}", seps[rng.random_range(0..seps.len())]);
    Some(())
}

/// UTF-8 read as Windows-1252 in every field (at least two fields changed).
pub fn mojibake(_: &mut ChaCha8Rng, _: &Ctx, q: &mut PersonQuery) -> Option<()> {
    let mut changed = 0;
    for f in [
        &mut q.given_names,
        &mut q.surname,
        &mut q.street,
        &mut q.city,
    ] {
        let mut s = String::new();
        for c in f.chars() {
            match MOJIBAKE.iter().find(|(_, l)| *l == c) {
                Some((m, _)) => s.push_str(m),
                None => s.push(c),
            }
        }
        if s != *f {
            changed += 1;
            *f = s;
        }
    }
    (changed >= 2).then_some(())
}

/// Postcode and town in one field.
pub fn postcode_town_one_field(rng: &mut ChaCha8Rng, _: &Ctx, q: &mut PersonQuery) -> Option<()> {
    let both = format!("{} {}", q.postcode, q.city);
    if rng.random_bool(0.6) {
        q.city = both;
        q.postcode.clear();
    } else {
        q.postcode = both;
        q.city.clear();
    }
    Some(())
}

/// Given names and surname in each other's fields.
pub fn names_swapped(_: &mut ChaCha8Rng, _: &Ctx, q: &mut PersonQuery) -> Option<()> {
    std::mem::swap(&mut q.given_names, &mut q.surname);
    Some(())
}

/// Debris of a broken CSV or spreadsheet export in two or three fields.
pub fn csv_debris(rng: &mut ChaCha8Rng, _: &Ctx, q: &mut PersonQuery) -> Option<()> {
    let mut done = 0;
    while done < 2 {
        for (i, f) in [
            &mut q.given_names,
            &mut q.surname,
            &mut q.street,
            &mut q.postcode,
        ]
        .into_iter()
        .enumerate()
        {
            if f.is_empty() || f.starts_with(['"', '\'']) || !rng.random_bool(0.5) {
                continue;
            }
            *f = match (i, rng.random_range(0..3)) {
                (3, _) => format!("'{f}"),
                (_, 0) => format!("\"{f}\""),
                (_, 1) => format!("{f};"),
                _ => format!("\"\"{f}\"\""),
            };
            done += 1;
        }
    }
    Some(())
}

/// The street name cut at 12 characters by a fixed-width export; the number in its field.
pub fn truncated(_: &mut ChaCha8Rng, ctx: &Ctx, p: &Person, q: &mut PersonQuery) -> Option<()> {
    let name = &ctx.places.streets[p.house.street].name;
    if name.chars().count() < 15 {
        return None;
    }
    q.street = name
        .chars()
        .take(12)
        .collect::<String>()
        .trim_end()
        .to_string();
    q.house_number = p.house.number.to_string();
    q.house_letter = p.house.letter.map(String::from).unwrap_or_default();
    Some(())
}

/// Applies one issue kind by name (used by `two_issue_corruptions`).
pub fn apply(
    rng: &mut ChaCha8Rng,
    ctx: &Ctx,
    p: &Person,
    q: &mut PersonQuery,
    kind: &str,
) -> Option<()> {
    match kind {
        POSTCODE_TYPO => postcode_typo(rng, ctx, q),
        POSTCODE_GLYPHS => postcode_glyphs(rng, ctx, q),
        POSTCODE_MISSING => postcode_missing(rng, ctx, q),
        BOLIGNUMMER => bolignummer(rng, ctx, q),
        STREET_INITIAL => street_initial(rng, ctx, p, q),
        STREET_PREFIX => street_prefix(rng, ctx, p, q),
        SPELLING => spelling(rng, ctx, q),
        OCR => ocr(rng, ctx, q, false),
        TRANSLIT => translit(rng, ctx, q),
        WHITESPACE => whitespace(rng, ctx, p, q),
        MOJIBAKE_KIND => mojibake(rng, ctx, q),
        POSTCODE_TOWN_ONE_FIELD => postcode_town_one_field(rng, ctx, q),
        NAMES_SWAPPED => names_swapped(rng, ctx, q),
        CSV_DEBRIS => csv_debris(rng, ctx, q),
        TRUNCATED => truncated(rng, ctx, p, q),
        UNCHANGED => Some(()),
        TWO => {
            let parts: [&[&str]; 3] = [
                &[POSTCODE_TYPO, POSTCODE_GLYPHS, POSTCODE_MISSING],
                &[BOLIGNUMMER, STREET_INITIAL, STREET_PREFIX, WHITESPACE],
                &[SPELLING, "ocr_names"],
            ];
            let a = rng.random_range(0..3);
            let b = (a + rng.random_range(1..3)) % 3;
            // Street damage before postcode damage; names last.
            let (a, b) = (a.min(b), a.max(b));
            for part in [parts[a], parts[b]] {
                let k = part[rng.random_range(0..part.len())];
                if k == "ocr_names" {
                    ocr(rng, ctx, q, true)?;
                } else {
                    apply(rng, ctx, p, q, k)?;
                }
            }
            Some(())
        }
        _ => None,
    }
}
