//! Text damage the corruptions use: typing slips by keyboard neighbour, OCR confusions,
//! postcode slips, initials and truncations, case, Nordic letters as digraphs or lost,
//! accents dropped, junk and odd white space.

use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use crate::person::PersonQuery;

use super::names::Names;

/// Sets `field` to `value` if there is one and it differs.
pub(super) fn set(field: &mut String, value: Option<String>) -> bool {
    match value {
        Some(v) if v != *field => {
            *field = v;
            true
        }
        _ => false,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `KRISTIANSAND S` → `Kristiansand S`, `MO I RANA` → `Mo i Rana`.
pub(super) fn title_case(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && matches!(lower.as_str(), "i" | "på" | "og" | "ved") {
                lower
            } else if w.chars().count() == 1 {
                w.to_uppercase()
            } else {
                capitalise(&lower)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn initial(word: &str, dot: bool) -> String {
    let c: String = word.chars().take(1).collect();
    if dot { format!("{c}.") } else { c }
}

/// One keyboard slip (Norwegian layout) after the first letter: a neighbouring key, a
/// dropped, doubled or swapped letter.
pub(super) fn typo(rng: &mut ChaCha8Rng, s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    if n < 3 {
        return s.to_owned();
    }
    let mut out = chars.clone();
    match rng.random_range(0..4) {
        0 => {
            let i = rng.random_range(1..n);
            if let Some(k) = neighbour_key(rng, chars[i]) {
                out[i] = k;
            }
        }
        1 => {
            out.remove(rng.random_range(1..n));
        }
        2 => {
            let i = rng.random_range(1..n);
            out.insert(i, chars[i]);
        }
        _ => {
            let i = rng.random_range(1..n - 1);
            out.swap(i, i + 1);
        }
    }
    out.into_iter().collect()
}

fn neighbour_key(rng: &mut ChaCha8Rng, c: char) -> Option<char> {
    const ROWS: [&str; 3] = ["qwertyuiopå", "asdfghjkløæ", "zxcvbnm"];
    let lower = c.to_lowercase().next()?;
    let rows: Vec<Vec<char>> = ROWS.iter().map(|r| r.chars().collect()).collect();
    let (r, i) = rows
        .iter()
        .enumerate()
        .find_map(|(r, row)| row.iter().position(|&x| x == lower).map(|i| (r, i)))?;
    let mut near = Vec::new();
    if i > 0 {
        near.push(rows[r][i - 1]);
    }
    near.extend(rows[r].get(i + 1));
    if r > 0 {
        near.extend(rows[r - 1].get(i));
        near.extend(rows[r - 1].get(i + 1));
    }
    if r + 1 < rows.len() {
        if i > 0 {
            near.extend(rows[r + 1].get(i - 1));
        }
        near.extend(rows[r + 1].get(i));
    }
    let &k = near.choose(rng)?;
    Some(if c.is_uppercase() {
        k.to_uppercase().next().unwrap_or(k)
    } else {
        k
    })
}

/// One digit of a postcode mistyped (the last ones more often) or two neighbours swapped.
pub(super) fn postcode_typo(rng: &mut ChaCha8Rng, code: &str) -> Option<String> {
    let mut d: Vec<u8> = code.bytes().collect();
    if d.len() != 4 || !d.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if rng.random_bool(0.6) {
        let i = match rng.random_range(0..100) {
            0..10 => 0,
            10..30 => 1,
            30..65 => 2,
            _ => 3,
        };
        let old = d[i] - b'0';
        let new = if rng.random_bool(0.5) {
            match old {
                0 => 1,
                9 => 8,
                _ if rng.random_bool(0.5) => old + 1,
                _ => old - 1,
            }
        } else {
            (old + rng.random_range(1..10)) % 10
        };
        d[i] = b'0' + new;
    } else {
        let pairs: Vec<usize> = (0..3).filter(|&i| d[i] != d[i + 1]).collect();
        let &i = pairs.choose(rng)?;
        d.swap(i, i + 1);
    }
    String::from_utf8(d).ok()
}

/// One or two digits of a postcode read as look-alike letters (`94O9`, `5l39`).
pub(super) fn postcode_ocr(rng: &mut ChaCha8Rng, code: &str) -> Option<String> {
    fn looks(c: char) -> &'static [char] {
        match c {
            '0' => &['O', 'O', 'o'],
            '1' => &['l', 'I'],
            '2' => &['Z'],
            '5' => &['S'],
            '6' => &['G', 'b'],
            '8' => &['B'],
            _ => &[],
        }
    }
    let mut chars: Vec<char> = code.chars().collect();
    let mut positions: Vec<usize> = (0..chars.len())
        .filter(|&i| !looks(chars[i]).is_empty())
        .collect();
    if positions.is_empty() {
        return None;
    }
    positions.shuffle(rng);
    let k = if positions.len() >= 2 && rng.random_bool(0.2) {
        2
    } else {
        1
    };
    for &i in positions.iter().take(k) {
        if let Some(&l) = looks(chars[i]).choose(rng) {
            chars[i] = l;
        }
    }
    Some(chars.into_iter().collect())
}

/// The *bolignummer* (flat number, `H0404`) written into the street or house-number field.
pub(super) fn flat_number(rng: &mut ChaCha8Rng, q: &mut PersonQuery) -> bool {
    if q.house_number.is_empty() {
        return false;
    }
    let floor = [1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6]
        .choose(rng)
        .copied()
        .unwrap_or(1);
    let flat = rng.random_range(1..=4);
    let bolig = if rng.random_bool(0.08) {
        format!("U01{flat:02}")
    } else {
        format!("H{floor:02}{flat:02}")
    };
    let letter = if q.house_letter.is_empty() {
        String::new()
    } else if rng.random_bool(0.5) {
        format!(" {}", q.house_letter)
    } else {
        q.house_letter.clone()
    };
    match rng.random_range(0..100) {
        0..50 => {
            q.street = format!("{} {}{letter}, {bolig}", q.street, q.house_number);
            q.house_number.clear();
            q.house_letter.clear();
        }
        50..75 => {
            q.street = format!("{} {}{letter} {bolig}", q.street, q.house_number);
            q.house_number.clear();
            q.house_letter.clear();
        }
        _ => q.house_number = format!("{} {bolig}", q.house_number),
    }
    true
}

/// A person-named street with its given names shortened: `H. Raanes vei`,
/// `Chr. Michelsens gate`, `H.N. Hauges gate`, `Hans N. Hauges gate`.
pub(super) fn street_initials(
    rng: &mut ChaCha8Rng,
    name: &str,
    given_words: usize,
) -> Option<String> {
    const CONVENTIONAL: &[(&str, &str)] = &[
        ("Christian", "Chr."),
        ("Kristian", "Kr."),
        ("Fredrik", "Fr."),
        ("Johan", "Joh."),
        ("Johannes", "Joh."),
        ("Wilhelm", "Wilh."),
        ("Nicolai", "Nic."),
    ];
    let mut words: Vec<String> = name.split(' ').map(str::to_owned).collect();
    if given_words == 0 || words.len() <= given_words {
        return None;
    }
    let dot = rng.random_bool(0.85);
    let short = |rng: &mut ChaCha8Rng, w: &str| -> String {
        match CONVENTIONAL.iter().find(|(full, _)| *full == w) {
            Some((_, a)) if dot && rng.random_bool(0.6) => (*a).to_owned(),
            _ => initial(w, dot),
        }
    };
    let mode = if given_words == 1 {
        0
    } else {
        rng.random_range(0..10)
    };
    match mode {
        0..5 => words[0] = short(rng, &words[0].clone()),
        5..8 => {
            let initials: Vec<String> =
                words[..given_words].iter().map(|w| short(rng, w)).collect();
            let glue = if dot && rng.random_bool(0.5) { "" } else { " " };
            words.splice(..given_words, [initials.join(glue)]);
        }
        _ => words[1] = short(rng, &words[1].clone()),
    }
    Some(words.join(" "))
}

/// A field cut to a fixed width, as old exports do; at least 8 characters and 60 % of the
/// field are kept.
pub(super) fn truncate(rng: &mut ChaCha8Rng, q: &mut PersonQuery) -> bool {
    let candidates: Vec<(u8, u32)> = [(0u8, 5u32), (1, 3), (2, 2)]
        .into_iter()
        .filter(|&(f, _)| {
            let len = match f {
                0 => q.street.chars().count(),
                1 => q.given_names.chars().count(),
                _ => q.surname.chars().count(),
            };
            len > 9
        })
        .collect();
    let total: u32 = candidates.iter().map(|c| c.1).sum();
    if total == 0 {
        return false;
    }
    let mut x = rng.random_range(0..total);
    let mut field = 0;
    for &(f, w) in &candidates {
        if x < w {
            field = f;
            break;
        }
        x -= w;
    }
    let s = match field {
        0 => &mut q.street,
        1 => &mut q.given_names,
        _ => &mut q.surname,
    };
    let len = s.chars().count();
    let lo = 8.max((len * 6).div_ceil(10));
    if lo >= len {
        return false;
    }
    let widths: Vec<usize> = [10, 12, 15, 20, 25]
        .into_iter()
        .filter(|w| (lo..len).contains(w))
        .collect();
    let width = widths
        .choose(rng)
        .copied()
        .unwrap_or_else(|| rng.random_range(lo..len));
    let cut: String = s.chars().take(width).collect();
    *s = cut.trim_end().to_owned();
    true
}

/// One OCR confusion (`rn`↔`m`, `l`↔`1`, `l`↔`I`) in a name or the street, or `1`→`l` in the
/// house number; a name never becomes another real name.
pub(super) fn ocr_lead(rng: &mut ChaCha8Rng, names: &Names, q: &mut PersonQuery) -> bool {
    fn edits(s: &str) -> Vec<(usize, usize, &'static str)> {
        let mut e = Vec::new();
        for (i, c) in s.char_indices() {
            match c {
                'm' => e.push((i, 1, "rn")),
                'r' if s[i + 1..].starts_with('n') => e.push((i, 2, "m")),
                'l' => {
                    e.push((i, 1, "1"));
                    e.push((i, 1, "I"));
                }
                'I' => e.push((i, 1, "l")),
                '1' => e.push((i, 1, "l")),
                _ => {}
            }
        }
        e
    }
    let fields: Vec<u8> = (0..4u8)
        .filter(|&f| {
            let s = match f {
                0 => &q.given_names,
                1 => &q.surname,
                2 => &q.street,
                _ => &q.house_number,
            };
            !edits(s).is_empty()
        })
        .collect();
    let Some(&f) = fields.choose(rng) else {
        return false;
    };
    let s = match f {
        0 => &mut q.given_names,
        1 => &mut q.surname,
        2 => &mut q.street,
        _ => &mut q.house_number,
    };
    let Some(&(i, len, rep)) = edits(s).choose(rng) else {
        return false;
    };
    let out = format!("{}{rep}{}", &s[..i], &s[i + len..]);
    let real = out
        .split([' ', '-'])
        .any(|w| names.given_lower.contains(&w.to_lowercase()) && !s.contains(w))
        || (f == 1 && names.surname_lower.contains(&out.to_lowercase()));
    if real {
        return false;
    }
    *s = out;
    true
}

fn invert_case(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            let v: Vec<char> = if c.is_uppercase() {
                c.to_lowercase().collect()
            } else {
                c.to_uppercase().collect()
            };
            v
        })
        .collect()
}

fn title_words(s: &str) -> String {
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

/// Upper case, lower case, caps lock, or a mix per field.
pub(super) fn case_mess(rng: &mut ChaCha8Rng, q: &mut PersonQuery) -> bool {
    let mode = rng.random_range(0..4);
    for f in [
        &mut q.given_names,
        &mut q.surname,
        &mut q.street,
        &mut q.city,
        &mut q.house_letter,
    ] {
        let m = if mode == 3 {
            rng.random_range(0..4)
        } else {
            mode
        };
        *f = match m {
            0 => f.to_uppercase(),
            1 => f.to_lowercase(),
            2 => invert_case(f),
            _ => title_words(f),
        };
    }
    true
}

pub(super) fn has_nordic(s: &str) -> bool {
    s.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å'])
}

fn all_upper(s: &str) -> bool {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

/// æ, ø, å written as ae, oe, aa (or, from a Swedish keyboard, ä, ö).
pub(super) fn digraphs(s: &str, swedish: bool) -> String {
    let up = all_upper(s);
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        let rep = match (c, swedish) {
            ('æ', false) => "ae",
            ('ø', false) => "oe",
            ('å', false) => "aa",
            ('Æ', false) => {
                if up {
                    "AE"
                } else {
                    "Ae"
                }
            }
            ('Ø', false) => {
                if up {
                    "OE"
                } else {
                    "Oe"
                }
            }
            ('Å', false) => {
                if up {
                    "AA"
                } else {
                    "Aa"
                }
            }
            ('æ', true) => "ä",
            ('ø', true) => "ö",
            ('Æ', true) => "Ä",
            ('Ø', true) => "Ö",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(rep);
    }
    out
}

/// æ, ø, å folded to single ASCII letters (`Jørgensen` → `Jorgensen`), as systems without them
/// do.
pub(super) fn lossy(s: &str, ae_as_e: bool) -> String {
    s.chars()
        .map(|c| match c {
            'æ' => {
                if ae_as_e {
                    'e'
                } else {
                    'a'
                }
            }
            'Æ' => {
                if ae_as_e {
                    'E'
                } else {
                    'A'
                }
            }
            'ø' => 'o',
            'Ø' => 'O',
            'å' => 'a',
            'Å' => 'A',
            _ => c,
        })
        .collect()
}

/// Accents and foreign diacritics dropped (`André` → `Andre`, `Wójcik` → `Wojcik`); æ, ø, å
/// are kept.
pub(super) fn strip_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ę' => 'e',
            'É' | 'È' => 'E',
            'á' | 'à' | 'ä' | 'ą' => 'a',
            'Ä' => 'A',
            'ó' | 'ò' | 'ö' => 'o',
            'Ö' => 'O',
            'ü' => 'u',
            'Ü' => 'U',
            'ł' => 'l',
            'Ł' => 'L',
            'ś' => 's',
            'Ś' => 'S',
            'ż' | 'ź' => 'z',
            'Ż' => 'Z',
            'ń' => 'n',
            'ć' => 'c',
            _ => c,
        })
        .collect()
}

/// Stray punctuation, quotes, tabs or spaces before or after one to three fields.
pub(super) fn junk(rng: &mut ChaCha8Rng, q: &mut PersonQuery) -> bool {
    const BEFORE: &[&str] = &[" ", "  ", "*", "-", "\"", "'", ".", "\t", ", "];
    const AFTER: &[&str] = &[" ", ".", ",", ";", " -", "\"", "*", "  ", " ."];
    let mut fields: Vec<u8> = (0..5).collect();
    fields.shuffle(rng);
    let n = rng.random_range(1..=3);
    let mut changed = false;
    for &f in fields.iter().take(n) {
        let s = match f {
            0 => &mut q.given_names,
            1 => &mut q.surname,
            2 => &mut q.street,
            3 => &mut q.house_number,
            _ => &mut q.postcode,
        };
        if s.is_empty() {
            continue;
        }
        let before = BEFORE.choose(rng).copied().unwrap_or(" ");
        let after = AFTER.choose(rng).copied().unwrap_or(".");
        *s = match rng.random_range(0..10) {
            0..4 => format!("{before}{s}"),
            4..8 => format!("{s}{after}"),
            8 => format!("\"{s}\""),
            _ => format!("{before}{s}{after}"),
        };
        changed = true;
    }
    changed
}

/// A non-breaking space or two spaces between street, number and letter (written in one
/// field), or inside the street or given names.
pub(super) fn whitespace(rng: &mut ChaCha8Rng, q: &mut PersonQuery) -> bool {
    pub(super) fn odd(rng: &mut ChaCha8Rng) -> &'static str {
        if rng.random_bool(0.5) { "\u{a0}" } else { "  " }
    }
    if !q.house_number.is_empty() && rng.random_bool(0.75) {
        let mut street = format!("{}{}{}", q.street, odd(rng), q.house_number);
        if !q.house_letter.is_empty() {
            street.push_str(if rng.random_bool(0.7) { odd(rng) } else { " " });
            street.push_str(&q.house_letter);
        }
        q.street = street;
        q.house_number.clear();
        q.house_letter.clear();
        return true;
    }
    let fields: Vec<u8> = [0u8, 1]
        .into_iter()
        .filter(|&f| {
            if f == 0 {
                q.street.contains(' ')
            } else {
                q.given_names.contains(' ')
            }
        })
        .collect();
    let Some(&f) = fields.choose(rng) else {
        if q.house_number.is_empty() {
            return false;
        }
        q.street = format!("{}{}{}", q.street, odd(rng), q.house_number);
        q.house_number.clear();
        return true;
    };
    let s = if f == 0 {
        &mut q.street
    } else {
        &mut q.given_names
    };
    let all = rng.random_bool(0.5);
    let mut out = String::with_capacity(s.len() + 4);
    let mut first = true;
    for c in s.chars() {
        if c == ' ' && (all || first) {
            out.push_str(odd(rng));
            first = false;
        } else {
            out.push(c);
        }
    }
    *s = out;
    true
}
