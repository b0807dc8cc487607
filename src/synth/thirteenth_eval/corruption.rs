//! Lead layouts and corruptions of a reserved person's row.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::names::{FAMILIES, PREFIXES, STREET_GIVEN};
use super::places::Places;
use crate::person::{PersonQuery, PersonRecord};

/// Another postcode of the town, or a typed digit wrong; the town right.
pub const POSTCODE_TYPO: &str = "postcode_typo_town_right";
/// Digits read as letters (`94O9`, `5l39`).
pub const POSTCODE_GLYPHS: &str = "postcode_read_as_letters";
/// No postcode, the town given.
pub const POSTCODE_MISSING: &str = "postcode_missing_town_given";
/// A bolignummer in the street field.
pub const BOLIGNUMMER: &str = "bolignummer_in_street";
/// A street person's given name as an initial.
pub const STREET_INITIAL: &str = "street_person_initial";
/// A street prefix abbreviated.
pub const STREET_PREFIX: &str = "street_prefix_abbreviated";
/// A given name in another spelling of its family.
pub const SPELLING: &str = "given_name_spelling_variant";
/// `rn`↔`m`, `l`→`1`.
pub const OCR: &str = "ocr_rn_m_l_1";
/// æ/ø/å lost in two fields.
pub const TRANSLIT: &str = "translit_lossy_two_fields";
/// No-break and doubled spaces in the street field.
pub const WHITESPACE: &str = "whitespace_nbsp_double";
/// A postcode corruption and one other.
pub const TWO: &str = "two_issue_corruptions";
/// Leading zeros of the postcode lost (a spreadsheet's number column).
pub const ZERO_LOST: &str = "postcode_leading_zero_lost";
/// The street type abbreviated (`vn.`, `v.`, `gt.`, `pl.`).
pub const STREET_TYPE: &str = "street_type_abbreviated";
/// The country after the town (`Bergen, Norge`).
pub const TOWN_COUNTRY: &str = "town_with_country";
/// The second given name as an initial (`Kari A.`).
pub const SECOND_INITIAL: &str = "second_given_name_initial";
/// The lossless layout only.
pub const UNCHANGED: &str = "unchanged";

/// Corrupted kinds with their shares per mille and what makes them fair.
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
    (STREET_INITIAL, 50, "the initial is the street person's"),
    (STREET_PREFIX, 50, "the abbreviation stands for the prefix"),
    (SPELLING, 60, "the same name"),
    (OCR, 60, "one letter's shape"),
    (TRANSLIT, 55, "nothing else changed"),
    (WHITESPACE, 55, "only the spaces differ"),
    (TWO, 80, "each fair, in different parts"),
    (ZERO_LOST, 80, "the zeros pad back; the town is right"),
    (STREET_TYPE, 90, "the usual abbreviation of the type"),
    (TOWN_COUNTRY, 90, "the country adds nothing"),
    (
        SECOND_INITIAL,
        70,
        "the first given name is whole, the initial fits",
    ),
    (UNCHANGED, 30, "nothing is changed"),
];

fn pick<'a, T>(rng: &mut ChaCha8Rng, xs: &'a [T]) -> &'a T {
    &xs[rng.random_range(0..xs.len())]
}

fn title(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f
            .to_uppercase()
            .chain(c.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// The lead of a row before any damage: names and town as written, birth date in 35 %.
pub fn base(r: &PersonRecord, rng: &mut ChaCha8Rng) -> PersonQuery {
    let mut q = PersonQuery::from(r);
    q.national_id = None;
    if !rng.random_bool(0.35) {
        q.birth_date = None;
    }
    q.city = match rng.random_range(0..20) {
        0..9 => r.city.clone(),
        9..17 => r.city.split(' ').map(title).collect::<Vec<_>>().join(" "),
        _ => r.city.to_lowercase(),
    };
    q
}

/// Names in capitals in 10 %, the surname alone in 5 %.
pub fn name_case(q: &mut PersonQuery, rng: &mut ChaCha8Rng) {
    match rng.random_range(0..20) {
        0 | 1 => {
            q.given_names = q.given_names.to_uppercase();
            q.surname = q.surname.to_uppercase();
        }
        2 => q.surname = q.surname.to_uppercase(),
        _ => {}
    }
}

/// Street, number and letter in three fields (60 %) or `Street 12 B` in the street field.
pub fn house_layout(q: &mut PersonQuery, rng: &mut ChaCha8Rng) {
    if rng.random_bool(0.4) {
        inline(q, " ", " ");
    }
}

fn inline(q: &mut PersonQuery, sep: &str, letter_sep: &str) {
    let mut s = format!("{}{sep}{}", q.street, q.house_number);
    if !q.house_letter.is_empty() {
        s = format!("{s}{letter_sep}{}", q.house_letter);
    }
    q.street = s;
    q.house_number.clear();
    q.house_letter.clear();
}

fn postcode_typo(q: &mut PersonQuery, places: &Places, town: usize, rng: &mut ChaCha8Rng) -> bool {
    let own = &places.towns[town].postcodes;
    if own.len() > 1 && rng.random_bool(0.5) {
        let others: Vec<&String> = own.iter().filter(|p| **p != q.postcode).collect();
        if !others.is_empty() {
            q.postcode = (*pick(rng, &others)).clone();
            return true;
        }
    }
    let mut d: Vec<u8> = q.postcode.bytes().collect();
    if d.len() != 4 {
        return false;
    }
    if rng.random_bool(0.3) && d[2] != d[3] {
        d.swap(2, 3);
    } else {
        let i = if rng.random_bool(0.7) { 3 } else { 2 };
        let old = d[i];
        while d[i] == old {
            d[i] = b'0' + rng.random_range(0..10u8);
        }
    }
    q.postcode = String::from_utf8_lossy(&d).into_owned();
    true
}

fn glyph(d: char) -> &'static [&'static str] {
    match d {
        '0' => &["O", "o", "D"],
        '1' => &["l", "I"],
        '2' => &["Z"],
        '4' => &["A"],
        '5' => &["S", "s"],
        '6' => &["b", "G"],
        '8' => &["B"],
        '9' => &["g"],
        _ => &[],
    }
}

fn postcode_glyphs(q: &mut PersonQuery, rng: &mut ChaCha8Rng) -> bool {
    let chars: Vec<char> = q.postcode.chars().collect();
    let able: Vec<usize> = (0..chars.len())
        .filter(|&i| !glyph(chars[i]).is_empty())
        .collect();
    if able.is_empty() {
        return false;
    }
    let n = if able.len() > 1 && rng.random_bool(0.3) {
        2
    } else {
        1
    };
    let start = rng.random_range(0..able.len());
    let mut out: Vec<String> = chars.iter().map(char::to_string).collect();
    for k in 0..n {
        let i = able[(start + k) % able.len()];
        out[i] = (*pick(rng, glyph(chars[i]))).to_owned();
    }
    q.postcode = out.concat();
    true
}

fn postcode_missing(q: &mut PersonQuery, rng: &mut ChaCha8Rng) -> bool {
    q.postcode = (*pick(rng, &["", "", "", "-", "0000", "ukjent", "xxxx"])).to_owned();
    true
}

fn bolignummer(q: &mut PersonQuery, rng: &mut ChaCha8Rng) -> bool {
    let b = if rng.random_bool(0.8) {
        format!("H0{}0{}", rng.random_range(1..=7), rng.random_range(1..=6))
    } else {
        (*pick(rng, &["U0101", "K0101", "L0101", "U0102"])).to_owned()
    };
    inline(q, " ", " ");
    q.street = match rng.random_range(0..5) {
        0 => format!("{b} {}", q.street),
        1 => format!("{}, {b}", q.street),
        2 => format!("{} - {b}", q.street),
        _ => format!("{} {b}", q.street),
    };
    true
}

fn street_initial(q: &mut PersonQuery, rng: &mut ChaCha8Rng) -> bool {
    let words: Vec<&str> = q.street.split(' ').collect();
    if words.len() != 3 || !STREET_GIVEN.contains(&words[0]) {
        return false;
    }
    let i: String = words[0].chars().take(1).collect();
    let sep = *pick(rng, &[". ", ".", " "]);
    q.street = format!("{i}{sep}{} {}", words[1], words[2]);
    true
}

fn street_prefix(q: &mut PersonQuery, rng: &mut ChaCha8Rng) -> bool {
    let Some((first, rest)) = q.street.split_once(' ') else {
        return false;
    };
    let Some((_, abbrs)) = PREFIXES.iter().find(|(p, _)| *p == first) else {
        return false;
    };
    let a = *pick(rng, abbrs);
    q.street = if rng.random_bool(0.2) {
        format!("{a}{}", title(rest))
    } else {
        format!("{a} {rest}")
    };
    true
}

fn spelling(q: &mut PersonQuery, rng: &mut ChaCha8Rng) -> bool {
    let first: String = q
        .given_names
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let Some(f) = FAMILIES.iter().find(|f| f.contains(&first.as_str())) else {
        return false;
    };
    let others: Vec<&&str> = f.iter().filter(|m| **m != first).collect();
    let other = **pick(rng, &others);
    q.given_names = format!("{other}{}", &q.given_names[first.len()..]);
    true
}

fn ocr_word(w: &str) -> Option<String> {
    if w.chars().count() < 4 {
        return None;
    }
    if let Some(i) = w.find("rn") {
        return Some(format!("{}m{}", &w[..i], &w[i + 2..]));
    }
    if let Some(i) = w
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c == 'm')
        .map(|(i, _)| i)
    {
        return Some(format!("{}rn{}", &w[..i], &w[i + 1..]));
    }
    w.char_indices()
        .skip(1)
        .find(|&(_, c)| c == 'l')
        .map(|(i, _)| format!("{}1{}", &w[..i], &w[i + 1..]))
}

fn ocr_field(field: &str) -> Option<String> {
    let words: Vec<&str> = field.split(' ').collect();
    for (k, w) in words.iter().enumerate() {
        if let Some(n) = ocr_word(w) {
            let mut out: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
            out[k] = n;
            return Some(out.join(" "));
        }
    }
    None
}

fn ocr(q: &mut PersonQuery, rng: &mut ChaCha8Rng, names_only: bool) -> bool {
    let n = if names_only { 2 } else { 3 };
    let start = rng.random_range(0..n);
    for k in 0..n {
        let field = match (start + k) % n {
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

fn lossy(s: &str, two_letters: bool) -> String {
    let mut o = String::new();
    for c in s.chars() {
        let r = match (c, two_letters) {
            ('ø', false) => "o",
            ('å', false) => "a",
            ('æ', false) => "e",
            ('Ø', false) => "O",
            ('Å', false) => "A",
            ('Æ', false) => "E",
            ('ø', true) => "oe",
            ('å', true) => "aa",
            ('æ', true) => "ae",
            ('Ø', true) => "Oe",
            ('Å', true) => "Aa",
            ('Æ', true) => "Ae",
            _ => {
                o.push(c);
                continue;
            }
        };
        o.push_str(r);
    }
    o
}

fn translit(q: &mut PersonQuery, rng: &mut ChaCha8Rng) -> bool {
    let has = |s: &str| s.chars().any(|c| "æøåÆØÅ".contains(c));
    let mut able: Vec<usize> = Vec::new();
    for (i, f) in [&q.given_names, &q.surname, &q.street, &q.city]
        .iter()
        .enumerate()
    {
        if has(f) {
            able.push(i);
        }
    }
    if able.len() < 2 {
        return false;
    }
    let a = rng.random_range(0..able.len());
    let b = (a + rng.random_range(1..able.len())) % able.len();
    let two = rng.random_bool(0.25);
    for i in [able[a], able[b]] {
        let f = match i {
            0 => &mut q.given_names,
            1 => &mut q.surname,
            2 => &mut q.street,
            _ => &mut q.city,
        };
        *f = lossy(f, two);
    }
    true
}

fn whitespace(q: &mut PersonQuery, rng: &mut ChaCha8Rng) -> bool {
    if q.street.contains(' ') && rng.random_bool(0.3) {
        q.street = q.street.replace(' ', "  ");
    }
    let sep = *pick(rng, &["\u{a0}", "  ", "   ", "\u{a0} "]);
    let lsep = *pick(rng, &["\u{a0}", "  ", " "]);
    inline(q, sep, lsep);
    true
}

fn street_type(q: &mut PersonQuery, rng: &mut ChaCha8Rng) -> bool {
    for (end, abbrs) in [
        ("veien", &["vn.", "v."][..]),
        ("vegen", &["vn.", "v."][..]),
        ("vei", &["v."][..]),
        ("veg", &["v."][..]),
        ("gata", &["gt."][..]),
        ("gate", &["gt."][..]),
        ("plass", &["pl."][..]),
    ] {
        if let Some(stem) = q.street.strip_suffix(end) {
            q.street = format!("{stem}{}", pick(rng, abbrs));
            return true;
        }
    }
    false
}

fn town_country(q: &mut PersonQuery, rng: &mut ChaCha8Rng) -> bool {
    let c = *pick(
        rng,
        &[", Norge", " NORGE", ", Norway", " (NO)", " - Norge", ", NO"],
    );
    q.city = format!("{}{c}", q.city);
    true
}

fn second_initial(q: &mut PersonQuery, rng: &mut ChaCha8Rng) -> bool {
    let Some((a, b)) = q.given_names.split_once(' ') else {
        return false;
    };
    let i: String = b.chars().take(1).collect();
    let dot = if rng.random_bool(0.7) { "." } else { "" };
    q.given_names = format!("{a} {i}{dot}");
    true
}

/// Applies one kind to `q` (its house still in three fields); `false` if the row does not allow it.
fn apply(
    kind: &str,
    q: &mut PersonQuery,
    places: &Places,
    town: usize,
    rng: &mut ChaCha8Rng,
) -> bool {
    match kind {
        POSTCODE_TYPO => postcode_typo(q, places, town, rng),
        POSTCODE_GLYPHS => postcode_glyphs(q, rng),
        POSTCODE_MISSING => postcode_missing(q, rng),
        BOLIGNUMMER => bolignummer(q, rng),
        STREET_INITIAL => street_initial(q, rng),
        STREET_PREFIX => street_prefix(q, rng),
        SPELLING => spelling(q, rng),
        OCR => ocr(q, rng, false),
        TRANSLIT => translit(q, rng),
        WHITESPACE => whitespace(q, rng),
        ZERO_LOST => {
            let t = q.postcode.trim_start_matches('0').to_owned();
            let changed = t.len() < q.postcode.len();
            q.postcode = t;
            changed
        }
        STREET_TYPE => street_type(q, rng),
        TOWN_COUNTRY => town_country(q, rng),
        SECOND_INITIAL => second_initial(q, rng),
        UNCHANGED => true,
        _ => false,
    }
}

/// The lead of `kind` for a row, or `None` if the row does not allow it.
pub fn corrupt(
    kind: &str,
    r: &PersonRecord,
    places: &Places,
    town: usize,
    rng: &mut ChaCha8Rng,
) -> Option<PersonQuery> {
    let mut q = base(r, rng);
    let mut house_done = matches!(kind, BOLIGNUMMER | WHITESPACE);
    if kind == TWO {
        let first = *pick(rng, &[POSTCODE_TYPO, POSTCODE_GLYPHS, POSTCODE_MISSING]);
        if !apply(first, &mut q, places, town, rng) {
            return None;
        }
        let seconds = [
            BOLIGNUMMER,
            SPELLING,
            "ocr_name",
            WHITESPACE,
            STREET_PREFIX,
            STREET_INITIAL,
        ];
        let start = rng.random_range(0..seconds.len());
        let mut done = false;
        for k in 0..seconds.len() {
            let s = seconds[(start + k) % seconds.len()];
            let ok = if s == "ocr_name" {
                ocr(&mut q, rng, true)
            } else {
                apply(s, &mut q, places, town, rng)
            };
            if ok {
                house_done = matches!(s, BOLIGNUMMER | WHITESPACE);
                done = true;
                break;
            }
        }
        if !done {
            return None;
        }
    } else if !apply(kind, &mut q, places, town, rng) {
        return None;
    }
    if !house_done {
        house_layout(&mut q, rng);
    }
    if kind != OCR {
        name_case(&mut q, rng);
    }
    Some(q)
}
