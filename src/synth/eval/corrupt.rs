//! The corruptions of a reserved person's lead: typos, abbreviations, ASCII spellings,
//! OCR misreadings and the rest of [`CORRUPTIONS`].

use super::*;

pub(super) fn typo(r: &mut ChaCha8Rng, s: &str) -> String {
    let mut c: Vec<char> = s.chars().collect();
    let letters: Vec<usize> = (0..c.len()).filter(|&i| c[i].is_alphabetic()).collect();
    if letters.len() < 4 {
        return s.to_owned();
    }
    let i = letters[r.random_range(1..letters.len())];
    match r.random_range(0..4) {
        0 => {
            c.remove(i);
        }
        1 => c.insert(i, c[i]),
        2 if i + 1 < c.len() && c[i + 1].is_alphabetic() => c.swap(i, i + 1),
        _ => c[i] = char::from(b'a' + r.random_range(0..26u8)),
    }
    c.into_iter().collect()
}

/// Name tokens of four letters or more get the typo; a name of three letters is kept.
pub(super) fn typo_in_name(r: &mut ChaCha8Rng, s: &str) -> String {
    let tokens: Vec<&str> = s.split(' ').collect();
    let long: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].chars().count() >= 4)
        .collect();
    if long.is_empty() {
        return s.to_owned();
    }
    let t = long[r.random_range(0..long.len())];
    tokens
        .iter()
        .enumerate()
        .map(|(i, x)| if i == t { typo(r, x) } else { (*x).to_owned() })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn abbreviate(street: &str) -> String {
    for (long, short) in [
        ("gata", "gt."),
        ("gate", "gt"),
        ("veien", "vn."),
        ("vei", "vn."),
        ("vegen", "veien"),
        ("vei", "v."),
        ("plass", "pl."),
        ("allé", "alle"),
        ("terrasse", "terr."),
    ] {
        if let Some(stem) = street.strip_suffix(long) {
            return format!("{stem}{short}");
        }
    }
    street.to_owned()
}

pub(super) fn ascii_norwegian(s: &str, lossy: bool) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match (c, lossy) {
            ('æ', _) => out.push_str("ae"),
            ('Æ', _) => out.push_str("Ae"),
            ('ø', false) => out.push_str("oe"),
            ('Ø', false) => out.push_str("Oe"),
            ('ø', true) => out.push('o'),
            ('Ø', true) => out.push('O'),
            ('å', _) => out.push_str("aa"),
            ('Å', _) => out.push_str("Aa"),
            _ => out.push(c),
        }
    }
    out
}

/// Directory-style formatting changes only (no evidence lost).
pub(super) fn corrupt_plain(r: &mut ChaCha8Rng, p: &PersonRecord) -> (PersonQuery, String) {
    let mut q = PersonQuery::from(p);
    q.national_id = None;
    if !r.random_bool(0.4) {
        q.birth_date = None;
    }
    if r.random_bool(0.5) {
        q.street = abbreviate(&q.street);
    }
    // The town as people write it, or as the register does, or not at all.
    q.city = match r.random_range(0..10) {
        0..=5 => title_case(&q.city),
        6..=8 => q.city,
        _ => String::new(),
    };
    (q, "none".into())
}

/// `s` with æ, ø and å written as bare vowels.
pub(super) fn lossy(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'æ' | 'å' => 'a',
            'Æ' | 'Å' => 'A',
            'ø' => 'o',
            'Ø' => 'O',
            c => c,
        })
        .collect()
}

pub(super) fn has_norwegian_letter(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// One of `s`'s letters as OCR or a hasty reader gets it: `m`→`rn`, `rn`→`m`, `l`→`1`,
/// `i`→`1`, `o`→`0`; `None` if `s` has none of them.
pub(super) fn ocr(r: &mut ChaCha8Rng, s: &str) -> Option<String> {
    let swaps: &[(&str, &str)] = &[("m", "rn"), ("rn", "m"), ("l", "1"), ("i", "1"), ("o", "0")];
    let found: Vec<(usize, &str, &str)> = swaps
        .iter()
        .flat_map(|&(from, to)| s.match_indices(from).map(move |(i, _)| (i, from, to)))
        .filter(|&(i, _, _)| i > 0)
        .collect();
    if found.is_empty() {
        return None;
    }
    let (i, from, to) = found[r.random_range(0..found.len())];
    Some(format!("{}{to}{}", &s[..i], &s[i + from.len()..]))
}

/// A reserved person as a directory sells them: one or two corruptions.
pub(super) fn corrupt(r: &mut ChaCha8Rng, p: &PersonRecord, seed: u64) -> (PersonQuery, String) {
    let (mut q, _) = corrupt_plain(r, p);
    let n = match r.random_range(0..10) {
        0..=1 => 0,
        2..=6 => 1,
        _ => 2,
    };
    let mut names = Vec::new();
    for _ in 0..n {
        // One branch per kind, but `ae-oe-aa` and `oe-as-o` share one.
        let what = match r.random_range(0..CORRUPTIONS.len() - 1) {
            0 => {
                q.given_names = typo_in_name(r, &q.given_names);
                "given-typo"
            }
            1 => {
                q.surname = typo_in_name(r, &q.surname);
                "surname-typo"
            }
            2 => {
                q.street = abbreviate(&p.street);
                "street-abbrev"
            }
            3 => {
                let lossy = r.random_bool(0.3);
                q.given_names = ascii_norwegian(&q.given_names, lossy);
                q.surname = ascii_norwegian(&q.surname, lossy);
                q.street = ascii_norwegian(&q.street, false);
                if lossy { "oe-as-o" } else { "ae-oe-aa" }
            }
            4 => {
                if r.random_bool(0.5) {
                    q.given_names = format!("{}, {}", q.surname, q.given_names);
                    q.surname.clear();
                } else {
                    std::mem::swap(&mut q.given_names, &mut q.surname);
                }
                "swapped-order"
            }
            5 => {
                if q.given_names.contains(',') || q.given_names != p.given_names {
                    continue;
                }
                match q.given_names.split_once(' ') {
                    Some((first, _)) => q.given_names = first.to_owned(),
                    None => continue,
                }
                "missing-middle"
            }
            6 => {
                let letter = std::mem::take(&mut q.house_letter);
                let sep = if letter.is_empty() {
                    ""
                } else {
                    ["", " ", "-"][r.random_range(0..3)]
                };
                q.street = format!("{} {}{sep}{letter}", q.street, q.house_number);
                q.house_number.clear();
                "house-in-street"
            }
            7 => {
                if q.house_letter.is_empty() {
                    continue;
                }
                q.house_letter.clear();
                "missing-letter"
            }
            8 => {
                let mut other = rng_for(seed ^ 0x5A5A, r.random());
                let a = address(&mut other);
                q.street = a.street;
                q.house_number = a.number.to_string();
                q.house_letter = a.letter.map(String::from).unwrap_or_default();
                q.postcode = a.postcode;
                q.city = a.city;
                q.birth_date = p.birth_date;
                "moved"
            }
            9 => {
                q.given_names = q.given_names.to_uppercase();
                q.surname = q.surname.to_uppercase();
                q.street = q.street.to_uppercase();
                "upper-case"
            }
            10 => {
                let s = typo(r, &q.street);
                if s.chars().count() < 6 {
                    continue;
                }
                q.street = s;
                "street-typo"
            }
            11 => {
                q.national_id = p.national_id.clone();
                "national-id"
            }
            12 => {
                q.house_number = format!("{}{}", q.house_number, q.house_letter.to_lowercase());
                q.house_letter.clear();
                "letter-in-number"
            }
            13 => {
                if !q.given_names.contains('-') {
                    continue;
                }
                q.given_names = q.given_names.replace('-', " ");
                "hyphen"
            }
            14 => {
                // One digit of the postcode mistyped; the city is right.
                let Ok(pc) = p.postcode.parse::<u16>() else {
                    continue;
                };
                let at = r.random_range(1..4u32);
                let unit = 10u16.pow(3 - at);
                let digit = pc / unit % 10;
                let other = (digit + r.random_range(1..10u16)) % 10;
                q.postcode = format!("{:04}", pc - digit * unit + other * unit);
                q.city = title_case(&p.city);
                "postcode-typo-city"
            }
            15 => {
                // A digit read as a letter.
                let swaps = [
                    ('0', "O"),
                    ('1', "l"),
                    ('5', "S"),
                    ('8', "B"),
                    ('6', "G"),
                    ('1', "I"),
                ];
                let places: Vec<(usize, &str)> = q
                    .postcode
                    .char_indices()
                    .flat_map(|(i, c)| {
                        swaps
                            .iter()
                            .filter(move |(d, _)| *d == c)
                            .map(move |(_, l)| (i, *l))
                    })
                    .collect();
                if places.is_empty() {
                    continue;
                }
                let (i, l) = places[r.random_range(0..places.len())];
                q.postcode = format!("{}{l}{}", &q.postcode[..i], &q.postcode[i + 1..]);
                "postcode-ocr"
            }
            16 => {
                q.postcode.clear();
                q.city = title_case(&p.city);
                "no-postcode-city"
            }
            17 => {
                // The bolignummer: H, floor, flat; in the street or the number field.
                let bolig = format!("H0{}0{}", r.random_range(1..6), r.random_range(1..9));
                if r.random_bool(0.5) {
                    q.street =
                        format!("{} {}{}, {bolig}", q.street, q.house_number, q.house_letter);
                    q.house_number.clear();
                    q.house_letter.clear();
                } else {
                    q.house_number = format!("{} {bolig}", q.house_number);
                }
                "flat-number"
            }
            18 => {
                let floor = r.random_range(1..6);
                q.street = match r.random_range(0..3) {
                    0 => format!(
                        "{} {}{}, {floor}. etg",
                        q.street, q.house_number, q.house_letter
                    ),
                    1 => format!(
                        "c/o Hansen, {} {}{}",
                        q.street, q.house_number, q.house_letter
                    ),
                    _ => format!(
                        "{} {}{} c/o {}",
                        q.street,
                        q.house_number,
                        q.house_letter,
                        surname(r)
                    ),
                };
                q.house_number.clear();
                q.house_letter.clear();
                "care-of-floor"
            }
            19 => {
                // `Hans Haugens vei` as `H. Haugens vei`.
                let words: Vec<&str> = p.street.split(' ').collect();
                if words.len() != 3 || !PERSON_STREET_SUFFIXES.contains(&words[2]) {
                    continue;
                }
                let Some(initial) = words[0].chars().next() else {
                    continue;
                };
                q.street = format!("{initial}. {} {}", words[1], words[2]);
                "street-initial"
            }
            20 => {
                let Some((prefix, short)) = STREET_PREFIXES
                    .iter()
                    .find(|(prefix, _)| p.street.starts_with(&format!("{prefix} ")))
                else {
                    continue;
                };
                let abbr = short[r.random_range(0..short.len())];
                q.street = format!("{abbr} {}", &p.street[prefix.len() + 1..]);
                "street-prefix-abbrev"
            }
            21 => {
                let first = p.given_names.split([' ', '-']).next().unwrap_or_default();
                let Some((_, variant)) = GIVEN_NAME_VARIANTS.iter().find(|(n, _)| *n == first)
                else {
                    continue;
                };
                q.given_names = format!("{variant}{}", &p.given_names[first.len()..]);
                "name-variant"
            }
            22 => {
                let field = if r.random_bool(0.5) {
                    &mut q.surname
                } else {
                    &mut q.given_names
                };
                let Some(read) = ocr(r, field) else {
                    continue;
                };
                *field = read;
                "ocr-name"
            }
            23 => {
                // Two fields with æ, ø or å written lossily (`Jorgensen, Blabergata`).
                let fields = [
                    has_norwegian_letter(&q.given_names),
                    has_norwegian_letter(&q.surname),
                    has_norwegian_letter(&q.street),
                ];
                if fields.iter().filter(|&&f| f).count() < 2 {
                    continue;
                }
                for (i, _) in fields.iter().enumerate().filter(|(_, f)| **f).take(2) {
                    match i {
                        0 => q.given_names = lossy(&q.given_names),
                        1 => q.surname = lossy(&q.surname),
                        _ => q.street = lossy(&q.street),
                    }
                }
                "lossy-two-fields"
            }
            _ => {
                // A no-break space, or two spaces, between street, number and letter.
                let space = if r.random_bool(0.5) { "\u{a0}" } else { "  " };
                let letter = if q.house_letter.is_empty() {
                    String::new()
                } else {
                    format!("{space}{}", q.house_letter)
                };
                q.street = format!("{}{space}{}{letter}", q.street, q.house_number);
                q.house_number.clear();
                q.house_letter.clear();
                "whitespace"
            }
        };
        names.push(what);
    }
    let label = if names.is_empty() {
        "none".to_owned()
    } else {
        names.join("+")
    };
    (q, label)
}
