//! Lead layout and the corruptions of reserved persons.

use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::names::{FAMILIES, FAMILY_LABELS, MAIL_DOMAINS, PREFIXES};
use super::places::{Places, StreetKind};
use super::population::Population;
use crate::person::{PersonQuery, PersonRecord};

/// Another postcode of the right town (or the last digit retyped); the town written.
pub const POSTCODE_OTHER_IN_TOWN: &str = "postcode_other_of_same_town";
/// One or two postcode digits read as look-alike letters.
pub const POSTCODE_LETTER_GLYPHS: &str = "postcode_digits_seen_as_letters";
/// No postcode (empty, blank, `-`, `ukjent`, `?`), the town written.
pub const POSTCODE_NONE_TOWN_KEPT: &str = "postcode_void_town_kept";
/// A bolignummer after the house in the street field.
pub const BOLIGNUMMER_IN_STREET: &str = "bolignummer_trailing_street_field";
/// A person-named street's given name as an initial.
pub const PERSON_STREET_INITIAL: &str = "person_street_first_name_initial";
/// A street prefix in one of its short forms.
pub const PREFIX_SHORT: &str = "street_prefix_clipped";
/// The first given name in another spelling of its family.
pub const GIVEN_VARIANT: &str = "given_name_sibling_spelling";
/// One OCR confusion: `rn`↔`m` or `l`→`1`.
pub const OCR_RN_M_L1: &str = "ocr_rn_m_l1_misread";
/// æ/ø/å lost in exactly two fields.
pub const AEOEAA_TWO: &str = "aeoeaa_lost_in_two_fields";
/// No-break spaces and doubled spaces.
pub const ODD_SPACES: &str = "nbsp_and_doubled_blanks";
/// One non-postcode issue damage and one postcode issue damage.
pub const TWO_ISSUE: &str = "two_issue_damages_at_once";
/// Own: a household label in the surname field (`Familien Holmen`, `Fam. Holmen`).
pub const FAMILY_LABEL: &str = "family_label_in_surname_field";
/// Own: a telephone number after the street (`Lyngveien 12, tlf. 912 34 567`).
pub const PHONE_AFTER_STREET: &str = "phone_number_after_street";
/// Own: web-form values left percent-encoded (`Bj%C3%B8rn`, `+` for spaces).
pub const PERCENT_ENCODED: &str = "percent_encoded_form_values";
/// Own: an e-mail address in the surname field.
pub const EMAIL_IN_SURNAME: &str = "email_address_in_surname_field";
/// Own: a semicolon-separated row left unsplit in the street field (`Lyngveien;12;B`).
pub const SEMICOLON_ROW: &str = "semicolon_row_unsplit_in_street";
/// The layout only.
pub const UNCHANGED: &str = "unchanged";

/// The corrupted kinds and their shares per mille.
pub const KINDS: &[(&str, u32)] = &[
    (POSTCODE_OTHER_IN_TOWN, 60),
    (POSTCODE_LETTER_GLYPHS, 60),
    (POSTCODE_NONE_TOWN_KEPT, 60),
    (BOLIGNUMMER_IN_STREET, 60),
    (PERSON_STREET_INITIAL, 60),
    (PREFIX_SHORT, 60),
    (GIVEN_VARIANT, 60),
    (OCR_RN_M_L1, 60),
    (AEOEAA_TWO, 60),
    (ODD_SPACES, 60),
    (TWO_ISSUE, 75),
    (FAMILY_LABEL, 55),
    (PHONE_AFTER_STREET, 55),
    (PERCENT_ENCODED, 55),
    (EMAIL_IN_SURNAME, 55),
    (SEMICOLON_ROW, 55),
    (UNCHANGED, 50),
];

/// The own corrupted kinds.
pub const OWN: &[&str] = &[
    FAMILY_LABEL,
    PHONE_AFTER_STREET,
    PERCENT_ENCODED,
    EMAIL_IN_SURNAME,
    SEMICOLON_ROW,
];

/// What corruptions need.
pub struct Ctx<'a> {
    /// Geography.
    pub places: &'a Places,
    /// Everybody.
    pub pop: &'a Population,
}

fn title(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn house_text(r: &PersonRecord, rng: &mut ChaCha8Rng) -> String {
    if r.house_letter.is_empty() {
        r.house_number.clone()
    } else if rng.random_bool(0.5) {
        format!("{} {}", r.house_number, r.house_letter)
    } else {
        format!("{}{}", r.house_number, r.house_letter)
    }
}

/// Moves the house into the street field (`Street 12 B`).
pub fn house_into_street(q: &mut PersonQuery, r: &PersonRecord, rng: &mut ChaCha8Rng) {
    if !q.house_number.is_empty() {
        q.street = format!("{} {}", r.street, house_text(r, rng));
        q.house_number.clear();
        q.house_letter.clear();
    }
}

/// The layout of a lead before its damage.
pub fn layout(r: &PersonRecord, rng: &mut ChaCha8Rng) -> PersonQuery {
    let mut q = PersonQuery::from(r);
    if rng.random_bool(0.15) {
        q.given_names = q.given_names.to_uppercase();
        q.surname = q.surname.to_uppercase();
    }
    q.city = match rng.random_range(0..100) {
        0..40 => r.city.clone(),
        40..85 => title(&r.city),
        _ => r.city.to_lowercase(),
    };
    if rng.random_bool(0.4) {
        house_into_street(&mut q, r, rng);
    }
    if !rng.random_bool(0.4) {
        q.birth_date = None;
    }
    q
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

fn postcode_damage(kind: &str, q: &mut PersonQuery, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    match kind {
        POSTCODE_OTHER_IN_TOWN => {
            let Some(&t) = ctx.places.by_postcode.get(&q.postcode) else {
                return false;
            };
            let others: Vec<&String> = ctx.places.towns[t]
                .postcodes
                .iter()
                .filter(|p| **p != q.postcode)
                .collect();
            if let Some(p) = others.choose(rng) {
                q.postcode = (*p).clone();
            } else {
                let mut c: Vec<char> = q.postcode.chars().collect();
                let old = c[3];
                while c[3] == old {
                    c[3] = char::from(b'0' + rng.random_range(0..10u8));
                }
                q.postcode = c.into_iter().collect();
            }
            true
        }
        POSTCODE_LETTER_GLYPHS => {
            let mut c: Vec<char> = q.postcode.chars().collect();
            let mut at: Vec<usize> = (0..c.len())
                .filter(|&i| GLYPHS.iter().any(|(d, _)| *d == c[i]))
                .collect();
            if at.is_empty() {
                return false;
            }
            at.shuffle(rng);
            let n = if at.len() > 1 && rng.random_bool(0.3) {
                2
            } else {
                1
            };
            for &i in &at[..n] {
                let g = GLYPHS.iter().find(|(d, _)| *d == c[i]).unwrap().1;
                c[i] = *g.choose(rng).unwrap();
            }
            q.postcode = c.into_iter().collect();
            true
        }
        POSTCODE_NONE_TOWN_KEPT => {
            q.postcode = ["", " ", "-", "ukjent", "?"]
                .choose(rng)
                .unwrap()
                .to_string();
            true
        }
        _ => false,
    }
}

fn replace_first_word(s: &str, with: &str) -> String {
    match s.split_once(' ') {
        Some((_, rest)) => format!("{with} {rest}"),
        None => with.to_string(),
    }
}

fn ocr(s: &str) -> Option<String> {
    for (a, b) in [("rn", "m"), ("RN", "M")] {
        if let Some(i) = s.find(a) {
            return Some(format!("{}{b}{}", &s[..i], &s[i + a.len()..]));
        }
    }
    for (a, b) in [('m', "rn"), ('M', "RN")] {
        if let Some((i, _)) = s.char_indices().skip(1).find(|&(_, c)| c == a) {
            return Some(format!("{}{b}{}", &s[..i], &s[i + 1..]));
        }
    }
    for a in ['l', 'L'] {
        if let Some(i) = s.find(a) {
            return Some(format!("{}1{}", &s[..i], &s[i + 1..]));
        }
    }
    None
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

fn lose_aeoeaa(s: &str, double: bool) -> String {
    s.chars()
        .map(|c| {
            match (c, double) {
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
                _ => return c.to_string(),
            }
            .to_string()
        })
        .collect()
}

fn issue_damage(
    kind: &str,
    q: &mut PersonQuery,
    r: &PersonRecord,
    ctx: &Ctx,
    street_kind: StreetKind,
    rng: &mut ChaCha8Rng,
) -> bool {
    match kind {
        BOLIGNUMMER_IN_STREET => {
            house_into_street(q, r, rng);
            let tok = format!(
                "{}{:02}{:02}",
                ["H", "H", "H", "U", "K"].choose(rng).unwrap(),
                rng.random_range(1..=5),
                rng.random_range(1..=6)
            );
            let sep = [" ", ", ", " / "].choose(rng).unwrap();
            q.street = format!("{}{sep}{tok}", q.street);
            true
        }
        PERSON_STREET_INITIAL => {
            if street_kind != StreetKind::Person {
                return false;
            }
            let first = q.street.chars().next().unwrap();
            let init = if rng.random_bool(0.75) {
                format!("{first}.")
            } else {
                first.to_string()
            };
            q.street = replace_first_word(&q.street, &init);
            true
        }
        PREFIX_SHORT => {
            let StreetKind::Prefixed(p) = street_kind else {
                return false;
            };
            let short = PREFIXES[p].1.choose(rng).unwrap();
            q.street = replace_first_word(&q.street, short);
            true
        }
        GIVEN_VARIANT => {
            let first = q.given_names.split(' ').next().unwrap_or("").to_string();
            let Some(fam) = FAMILIES.iter().find(|f| {
                f.iter()
                    .any(|n| n.eq_ignore_ascii_case(&first) || n.to_uppercase() == first)
            }) else {
                return false;
            };
            let other: Vec<&&str> = fam
                .iter()
                .filter(|n| !n.eq_ignore_ascii_case(&first) && n.to_uppercase() != first)
                .collect();
            let mut v = other.choose(rng).unwrap().to_string();
            if first.chars().all(|c| !c.is_lowercase()) {
                v = v.to_uppercase();
            }
            q.given_names = replace_first_word(&q.given_names, &v);
            true
        }
        OCR_RN_M_L1 => {
            let mut order = [0, 1, 2];
            order.shuffle(rng);
            for f in order {
                let field = match f {
                    0 => &mut q.given_names,
                    1 => &mut q.surname,
                    _ => &mut q.street,
                };
                if let Some(new) = ocr(field) {
                    *field = new;
                    return true;
                }
            }
            false
        }
        AEOEAA_TWO => {
            let mut fields: Vec<usize> = (0..4)
                .filter(|&i| {
                    has_aeoeaa(match i {
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
            fields.shuffle(rng);
            for &i in &fields[..2] {
                let double = rng.random_bool(0.3);
                let field = match i {
                    0 => &mut q.given_names,
                    1 => &mut q.surname,
                    2 => &mut q.street,
                    _ => &mut q.city,
                };
                *field = lose_aeoeaa(field, double);
            }
            true
        }
        ODD_SPACES => {
            let street = if r.street.contains(' ') {
                r.street.replacen(' ', "  ", 1)
            } else {
                r.street.clone()
            };
            let house = if r.house_letter.is_empty() {
                r.house_number.clone()
            } else {
                format!("{}  {}", r.house_number, r.house_letter)
            };
            q.street = format!("{street}\u{a0}{house}");
            q.house_number.clear();
            q.house_letter.clear();
            q.given_names = if q.given_names.contains(' ') {
                q.given_names.replace(' ', "\u{a0}")
            } else {
                format!("{}  ", q.given_names)
            };
            q.surname = format!("\u{a0}{}", q.surname);
            true
        }
        _ => {
            let _ = ctx;
            false
        }
    }
}

fn ascii_mail(s: &str) -> String {
    lose_aeoeaa(&s.to_lowercase(), false)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b' ' => out.push('+'),
            b if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' => out.push(char::from(b)),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Applies `kind` to register row `i`; `None` where the person does not allow it.
pub fn apply(kind: &str, ctx: &Ctx, i: usize, rng: &mut ChaCha8Rng) -> Option<PersonQuery> {
    let r = &ctx.pop.register[i];
    let p = &ctx.pop.people[ctx.pop.person_of_row[i]];
    let house = &ctx.pop.households[p.household].0;
    let street_kind = ctx.places.towns[house.town].streets[house.street].kind;
    let mut q = layout(r, rng);
    let ok = match kind {
        POSTCODE_OTHER_IN_TOWN | POSTCODE_LETTER_GLYPHS | POSTCODE_NONE_TOWN_KEPT => {
            postcode_damage(kind, &mut q, ctx, rng)
        }
        TWO_ISSUE => {
            let first = [
                BOLIGNUMMER_IN_STREET,
                PERSON_STREET_INITIAL,
                PREFIX_SHORT,
                GIVEN_VARIANT,
                OCR_RN_M_L1,
                AEOEAA_TWO,
                ODD_SPACES,
            ];
            let second = [
                POSTCODE_OTHER_IN_TOWN,
                POSTCODE_LETTER_GLYPHS,
                POSTCODE_NONE_TOWN_KEPT,
            ];
            let a = first.choose(rng).unwrap();
            let b = second.choose(rng).unwrap();
            issue_damage(a, &mut q, r, ctx, street_kind, rng)
                && postcode_damage(b, &mut q, ctx, rng)
        }
        FAMILY_LABEL => {
            let label = FAMILY_LABELS.choose(rng).unwrap();
            q.surname = if rng.random_bool(0.2) {
                format!("{} (familien)", q.surname)
            } else {
                format!("{label} {}", q.surname)
            };
            true
        }
        PHONE_AFTER_STREET => {
            let n: u32 = rng.random_range(0..1_000_000);
            let lead = ["4", "9"].choose(rng).unwrap();
            let d = rng.random_range(0..10);
            let digits = format!("{lead}{d}{n:06}");
            let phone = match rng.random_range(0..4) {
                0 => format!("{} {} {}", &digits[..3], &digits[3..5], &digits[5..]),
                1 => digits.clone(),
                2 => format!("+47 {} {} {}", &digits[..3], &digits[3..5], &digits[5..]),
                _ => format!(
                    "{} {} {} {}",
                    &digits[..2],
                    &digits[2..4],
                    &digits[4..6],
                    &digits[6..]
                ),
            };
            let word = ["tlf.", "tlf:", "Tlf", "mob.", "mobil:", "tel."]
                .choose(rng)
                .unwrap();
            let sep = [", ", " - ", " "].choose(rng).unwrap();
            q.street = format!("{}{sep}{word} {phone}", q.street);
            true
        }
        PERCENT_ENCODED => {
            house_into_street(&mut q, r, rng);
            q.given_names = percent_encode(&q.given_names);
            q.surname = percent_encode(&q.surname);
            q.street = percent_encode(&q.street);
            true
        }
        EMAIL_IN_SURNAME => {
            let first = q.given_names.split(' ').next().unwrap_or("");
            let sep = [".", "_", ""].choose(rng).unwrap();
            let year = if rng.random_bool(0.4) {
                r.birth_date
                    .map(|d| format!("{:02}", chrono::Datelike::year(&d) % 100))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            let mail = format!(
                "{}{sep}{}{year}@{}",
                ascii_mail(first),
                ascii_mail(&q.surname),
                MAIL_DOMAINS.choose(rng).unwrap()
            );
            q.surname = match rng.random_range(0..100) {
                0..60 => format!("{} {mail}", q.surname),
                60..85 => format!("{} <{mail}>", q.surname),
                _ => format!("{}, {mail}", q.surname),
            };
            true
        }
        SEMICOLON_ROW => {
            q.street = if r.house_letter.is_empty() {
                format!("{};{}", r.street, r.house_number)
            } else {
                format!("{};{};{}", r.street, r.house_number, r.house_letter)
            };
            if rng.random_bool(0.3) {
                q.street.push(';');
            }
            q.house_number.clear();
            q.house_letter.clear();
            true
        }
        UNCHANGED => true,
        _ => issue_damage(kind, &mut q, r, ctx, street_kind, rng),
    };
    ok.then_some(q)
}
