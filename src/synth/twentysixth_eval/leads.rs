//! Lead layout, corruptions of reserved persons and look-alikes who are not reserved.

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::names::{
    HISTORIC_TOWNS, MEN, PEN_CONFUSIONS, WOMEN, all_given, all_surnames, family_of, pen_partner,
    surname_partner,
};
use super::world::{World, date_in};
use crate::person::PersonQuery;

// Issue kinds, in the order.
/// Wrong postcode, right town: the town's post-office box code.
pub const POSTBOX: &str = "postcode_copied_from_postbox_address_same_town";
/// Postcode misread: digits read off a seven-segment display as letters.
pub const SEVEN_SEG: &str = "postcode_read_off_seven_segment_display";
/// No postcode, a town: the town by its historic name.
pub const HISTORIC: &str = "postcode_absent_town_in_historic_name";
/// Flat number in the street field: a housing co-op manager's export.
pub const FLAT: &str = "flat_written_by_borettslag_manager_export";
/// Initials / abbreviated prefixes: shortened by hand for a label printer.
pub const LABEL: &str = "street_hand_shortened_for_label_printer";
/// Given-name spelling variants: a speech recogniser's form.
pub const SPEECH: &str = "given_name_written_by_speech_to_text";
/// OCR-like: a handwritten coupon keyed with pen-stroke confusions.
pub const HAND: &str = "handwritten_coupon_a_o_u_n_e_c_misread";
/// Lossy transliteration in two fields: Latin-1 through a 7-bit link.
pub const HIGHBIT: &str = "latin1_high_bit_stripped_two_fields";
/// Whitespace: a chat app's bidi isolates and marks around the house number.
pub const BIDI: &str = "chat_app_bidi_marks_around_house_number";
/// Two corruptions: a handwritten coupon's letter and postcode digit.
pub const COUPON2: &str = "coupon_handwriting_letter_and_postcode_digit";
/// Two corruptions: a label printer fed from a co-op manager's export.
pub const LABEL2: &str = "label_printer_short_street_and_manager_flat";
/// Two corruptions: a voice sign-up.
pub const VOICE2: &str = "voice_signup_other_name_form_no_postcode";
// Own kinds.
/// A vCard's folded address line left folded.
pub const VCARD: &str = "vcard_line_fold_left_in_address";
/// Caps Lock on while typing.
pub const CAPS: &str = "caps_lock_on_case_inverted";
/// A social profile's styled letters.
pub const MATH: &str = "social_profile_styled_unicode_letters";
/// Names derived from an e-mail address.
pub const EMAIL: &str = "names_derived_from_email_local_part";
/// The control.
pub const UNCHANGED: &str = "unchanged";

// Look-alikes.
/// A real, unreserved member of the anchor's household.
pub const LA_HOUSEMATE: &str = "housemate_unreserved_seen_through_same_damages";
/// The anchor's full name at another street of the anchor's town, no or another code.
pub const LA_TOWN: &str = "namesake_same_town_other_street_no_or_other_code";
/// The anchor's full name at the same street name and house in another town.
pub const LA_STREET_TOWN: &str = "namesake_same_saga_street_and_house_other_town";
/// A sibling one pen stroke from the anchor's name at the anchor's house.
pub const LA_PEN: &str = "sibling_one_pen_stroke_from_anchor_same_house";
/// The anchor's given names with the near surname, down the street.
pub const LA_SURNAME: &str = "near_surname_real_family_down_the_street";

/// Corruption kinds with per-mille shares.
pub const CORRUPTED: &[(&str, u32)] = &[
    (POSTBOX, 60),
    (SEVEN_SEG, 60),
    (HISTORIC, 60),
    (FLAT, 60),
    (LABEL, 60),
    (SPEECH, 60),
    (HAND, 60),
    (HIGHBIT, 60),
    (BIDI, 60),
    (COUPON2, 50),
    (LABEL2, 50),
    (VOICE2, 50),
    (VCARD, 62),
    (CAPS, 62),
    (MATH, 62),
    (EMAIL, 62),
    (UNCHANGED, 62),
];

/// Look-alike kinds with per-mille shares.
pub const LOOK_ALIKES: &[(&str, u32)] = &[
    (LA_HOUSEMATE, 220),
    (LA_TOWN, 200),
    (LA_STREET_TOWN, 180),
    (LA_PEN, 200),
    (LA_SURNAME, 200),
];

/// The order kinds pick their persons in: those few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    HISTORIC, HIGHBIT, LABEL2, LABEL, VOICE2, SPEECH, COUPON2, HAND, VCARD, POSTBOX, SEVEN_SEG,
    EMAIL, MATH, CAPS, FLAT, BIDI, UNCHANGED,
];

/// Counts per kind for `total` leads by per-mille shares (largest remainder).
pub fn counts(total: usize, shares: &[(&str, u32)]) -> Vec<usize> {
    let sum: u64 = shares
        .iter()
        .map(|&(_, s)| u64::from(s))
        .sum::<u64>()
        .max(1);
    let exact: Vec<(usize, u64)> = shares
        .iter()
        .map(|&(_, s)| {
            let x = total as u64 * u64::from(s);
            ((x / sum) as usize, x % sum)
        })
        .collect();
    let mut out: Vec<usize> = exact.iter().map(|&(c, _)| c).collect();
    let mut left = total - out.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by(|&a, &b| exact[b].1.cmp(&exact[a].1).then(a.cmp(&b)));
    for i in order {
        if left == 0 {
            break;
        }
        out[i] += 1;
        left -= 1;
    }
    out
}

/// A lead before it is written out: fields as text, the house with its separators.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Given names, one word each.
    pub given: Vec<String>,
    /// Surname.
    pub surname: String,
    /// Street name without the house.
    pub street: String,
    /// The street's first word abbreviated by hand, if it is a prefix or a given name.
    pub short_first: Option<String>,
    /// House number.
    pub number: String,
    /// House letter.
    pub letter: String,
    /// The postcode row the lead's house claims (its town).
    pub row: usize,
    /// Postcode as written.
    pub postcode: String,
    /// Town as written.
    pub town: String,
    /// Birth date, if shown.
    pub birth: Option<NaiveDate>,
    /// Whether the house is written in the street field.
    pub in_street: bool,
    /// Whether the letter is glued to the number (`12b`).
    pub glued: bool,
    /// Between street and number.
    pub sep1: String,
    /// Between number and letter.
    pub sep2: String,
    /// After the house (a flat).
    pub suffix: String,
    /// The street field written out already (a fold inside it).
    pub street_done: Option<String>,
}

impl Draft {
    /// The street field with the house in it.
    pub fn composed(&self) -> String {
        let mut s = format!("{}{}{}", self.street, self.sep1, self.number);
        if !self.letter.is_empty() {
            if self.glued {
                s.push_str(&self.letter.to_lowercase());
            } else {
                s.push_str(&self.sep2);
                s.push_str(&self.letter);
            }
        }
        s.push_str(&self.suffix);
        s
    }

    /// The lead.
    pub fn finish(self) -> PersonQuery {
        let (street, house_number, house_letter) = if let Some(s) = &self.street_done {
            (s.clone(), String::new(), String::new())
        } else if self.in_street {
            (self.composed(), String::new(), String::new())
        } else {
            (
                format!("{}{}", self.street, self.suffix),
                self.number.clone(),
                self.letter.clone(),
            )
        };
        PersonQuery {
            given_names: self.given.join(" "),
            surname: self.surname,
            street,
            house_number,
            house_letter,
            postcode: self.postcode,
            city: self.town,
            birth_date: self.birth,
            national_id: None,
        }
    }
}

/// `KRISTIANSAND S` → `Kristiansand S`, `MO I RANA` → `Mo I Rana`.
pub fn title_case(s: &str) -> String {
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

/// A draft with the layout drawn: names as written or in capitals, the town as `NO.tsv`
/// writes it or in title case, the house in its fields or in the street field, a birth date
/// in 35 %.
#[allow(clippy::too_many_arguments)]
pub fn draft(
    rng: &mut ChaCha8Rng,
    w: &World,
    given: &[&str],
    surname: &str,
    street: &str,
    short_first: Option<String>,
    number: u32,
    letter: Option<char>,
    row: usize,
    birth: NaiveDate,
) -> Draft {
    let caps = rng.random_bool(0.15);
    let case = |s: &str| {
        if caps {
            s.to_uppercase()
        } else {
            s.to_string()
        }
    };
    let (code, town) = w.rows[row];
    let town = w.towns[town];
    let in_street = rng.random_bool(0.45);
    Draft {
        given: given.iter().map(|g| case(g)).collect(),
        surname: case(surname),
        street: street.to_string(),
        short_first,
        number: number.to_string(),
        letter: letter.map(String::from).unwrap_or_default(),
        row,
        postcode: code.to_string(),
        town: if rng.random_bool(0.55) {
            town.to_string()
        } else {
            title_case(town)
        },
        birth: rng.random_bool(0.35).then_some(birth),
        in_street,
        glued: in_street && rng.random_bool(0.4),
        sep1: " ".into(),
        sep2: " ".into(),
        suffix: String::new(),
        street_done: None,
    }
}

/// The draft of world person `p` at their house.
pub fn draft_of(rng: &mut ChaCha8Rng, w: &World, p: usize) -> Draft {
    let person = &w.persons[p];
    let h = &w.households[person.household];
    let st = &w.streets[h.street];
    draft(
        rng,
        w,
        &person.given,
        person.surname,
        &st.name,
        st.short_first.clone(),
        h.number,
        h.letter,
        st.row,
        person.birth,
    )
}

type Damage = fn(&mut ChaCha8Rng, &World, &mut Draft) -> bool;

/// The town's post-office box code: its lowest postcode in `NO.tsv`.
fn postbox(_: &mut ChaCha8Rng, w: &World, d: &mut Draft) -> bool {
    let t = w.rows[d.row].1;
    let lowest = w.town_rows[t][0];
    if d.postcode.is_empty() || lowest == d.row || d.postcode == w.rows[lowest].0 {
        return false;
    }
    d.postcode = w.rows[lowest].0.to_string();
    true
}

/// Digits as a seven-segment display shows them, read as letters.
pub const SEGMENT_LETTERS: &[(char, &[char])] = &[
    ('0', &['O', 'D']),
    ('1', &['l', 'I']),
    ('2', &['Z']),
    ('5', &['S']),
    ('6', &['b']),
    ('8', &['B']),
    ('9', &['g', 'q']),
];

fn seven_seg(rng: &mut ChaCha8Rng, _: &World, d: &mut Draft) -> bool {
    let mut chars: Vec<char> = d.postcode.chars().collect();
    let mut spots: Vec<usize> = (0..chars.len())
        .filter(|&i| SEGMENT_LETTERS.iter().any(|(c, _)| *c == chars[i]))
        .collect();
    if spots.is_empty() {
        return false;
    }
    spots.shuffle(rng);
    let n = if spots.len() > 1 && rng.random_bool(0.25) {
        2
    } else {
        1
    };
    for &i in &spots[..n] {
        if let Some((_, ls)) = SEGMENT_LETTERS.iter().find(|(c, _)| *c == chars[i])
            && let Some(&l) = ls.choose(rng)
        {
            chars[i] = l;
        }
    }
    d.postcode = chars.into_iter().collect();
    true
}

fn historic(rng: &mut ChaCha8Rng, w: &World, d: &mut Draft) -> bool {
    let town = w.towns[w.rows[d.row].1];
    let Some((_, olds)) = HISTORIC_TOWNS.iter().find(|(t, _)| *t == town) else {
        return false;
    };
    let Some(old) = olds.choose(rng) else {
        return false;
    };
    d.postcode.clear();
    d.town = if rng.random_bool(0.3) {
        old.to_uppercase()
    } else {
        old.to_string()
    };
    true
}

fn flat(rng: &mut ChaCha8Rng, _: &World, d: &mut Draft) -> bool {
    d.in_street = true;
    let floor = rng.random_range(1..=6u32);
    let door = rng.random_range(1..=6u32);
    d.suffix = match rng.random_range(0..4) {
        0 => format!("/H{floor:02}{door:02}"),
        1 => format!(", leil. {floor}{door:02}"),
        2 => format!(" leil.nr. {}", rng.random_range(1..=80)),
        _ => format!(" (andel {})", rng.random_range(1..=120)),
    };
    true
}

fn label(rng: &mut ChaCha8Rng, _: &World, d: &mut Draft) -> bool {
    let Some(short) = d.short_first.clone() else {
        return false;
    };
    let len = d.street.chars().count() + 1 + d.number.len() + d.letter.len();
    if len <= 20 {
        return false;
    }
    let Some((_, rest)) = d.street.split_once(' ') else {
        return false;
    };
    d.street = if rng.random_bool(0.3) {
        format!("{short}{rest}")
    } else {
        format!("{short} {rest}")
    };
    true
}

fn speech(rng: &mut ChaCha8Rng, _: &World, d: &mut Draft) -> bool {
    let Some(first) = d.given.first().cloned() else {
        return false;
    };
    let caps = first.chars().skip(1).all(|c| !c.is_lowercase());
    let plain = all_given().find(|g| g.to_uppercase() == first.to_uppercase());
    let Some(family) = plain.and_then(family_of) else {
        return false;
    };
    let others: Vec<&str> = family
        .iter()
        .copied()
        .filter(|f| f.to_uppercase() != first.to_uppercase())
        .collect();
    let Some(&other) = others.choose(rng) else {
        return false;
    };
    d.given[0] = if caps {
        other.to_uppercase()
    } else {
        other.to_string()
    };
    true
}

fn is_real_name(word: &str) -> bool {
    let l = word.to_lowercase();
    all_given()
        .chain(all_surnames())
        .chain(MEN.iter().copied())
        .chain(WOMEN.iter().copied())
        .any(|n| n.to_lowercase() == l)
}

/// One (or `n`) pen-stroke confusions in one of first given name, surname and street.
fn handwriting(rng: &mut ChaCha8Rng, d: &mut Draft, n: usize) -> bool {
    let spots = |s: &str| -> Vec<usize> {
        s.chars()
            .enumerate()
            .filter(|&(_, c)| PEN_CONFUSIONS.iter().any(|&(a, b)| a == c || b == c))
            .map(|(i, _)| i)
            .collect()
    };
    let mut fields = vec![0usize, 1, 2];
    fields.shuffle(rng);
    for f in fields {
        let text = match f {
            0 => d.given.first().cloned().unwrap_or_default(),
            1 => d.surname.clone(),
            _ => d.street.clone(),
        };
        let mut at = spots(&text);
        if at.len() < n {
            continue;
        }
        at.shuffle(rng);
        let mut chars: Vec<char> = text.chars().collect();
        for &i in &at[..n] {
            let partners: Vec<char> = PEN_CONFUSIONS
                .iter()
                .filter_map(|&(a, b)| {
                    if a == chars[i] {
                        Some(b)
                    } else if b == chars[i] {
                        Some(a)
                    } else {
                        None
                    }
                })
                .collect();
            if let Some(&p) = partners.choose(rng) {
                chars[i] = p;
            }
        }
        let new: String = chars.into_iter().collect();
        if new == text || (f < 2 && is_real_name(&new)) {
            continue;
        }
        if f == 2
            && new
                .split(' ')
                .zip(text.split(' '))
                .any(|(n, o)| n != o && is_real_name(n))
        {
            continue;
        }
        match f {
            0 => d.given[0] = new,
            1 => d.surname = new,
            _ => d.street = new,
        }
        return true;
    }
    false
}

fn hand(rng: &mut ChaCha8Rng, _: &World, d: &mut Draft) -> bool {
    let n = if rng.random_bool(0.3) { 2 } else { 1 };
    handwriting(rng, d, n)
}

/// Latin-1 through a 7-bit link: the high bit of every byte cleared (`ø` → `x`, `å` → `e`,
/// `æ` → `f`, `Ø` → `X`, `Å` → `E`, `Æ` → `F`).
pub fn strip_high_bit(s: &str) -> String {
    s.chars()
        .map(|c| {
            let u = c as u32;
            if (0x80..=0xFF).contains(&u) {
                char::from((u & 0x7F) as u8)
            } else {
                c
            }
        })
        .collect()
}

fn high(s: &str) -> bool {
    s.chars().any(|c| (0x80..=0xFF).contains(&(c as u32)))
}

fn highbit(rng: &mut ChaCha8Rng, _: &World, d: &mut Draft) -> bool {
    let mut fields: Vec<usize> = Vec::new();
    if d.given.iter().any(|g| high(g)) {
        fields.push(0);
    }
    if high(&d.surname) {
        fields.push(1);
    }
    if high(&d.street) {
        fields.push(2);
    }
    if high(&d.town) {
        fields.push(3);
    }
    if fields.len() < 2 {
        return false;
    }
    fields.shuffle(rng);
    for &f in &fields[..2] {
        match f {
            0 => d.given = d.given.iter().map(|g| strip_high_bit(g)).collect(),
            1 => d.surname = strip_high_bit(&d.surname),
            2 => d.street = strip_high_bit(&d.street),
            _ => d.town = strip_high_bit(&d.town),
        }
    }
    true
}

/// What a chat app's copy puts between street and number.
pub const BIDI_BEFORE: &[&str] = &[
    " \u{2068}",
    "\u{2068}",
    "\u{200E}",
    "\u{200E} ",
    "\u{2007}",
    "\u{2060}",
    "\u{200F}",
];
/// What it puts between number and letter.
pub const BIDI_AFTER: &[&str] = &["\u{2069} ", "\u{2069}", "\u{2007}", "\u{200E}", "\u{2060}"];

fn bidi(rng: &mut ChaCha8Rng, _: &World, d: &mut Draft) -> bool {
    d.in_street = true;
    d.glued = false;
    d.sep1 = BIDI_BEFORE
        .choose(rng)
        .copied()
        .unwrap_or("\u{2068}")
        .into();
    if d.letter.is_empty() {
        if d.sep1.contains('\u{2068}') {
            d.suffix = "\u{2069}".into();
        }
    } else {
        d.sep2 = BIDI_AFTER.choose(rng).copied().unwrap_or("\u{2069}").into();
    }
    true
}

/// The vCard address line's property as a phone's contacts export writes it.
pub const VCARD_PREFIX: &str = "item1.ADR;type=HOME;type=pref:;;";

fn vcard(_: &mut ChaCha8Rng, _: &World, d: &mut Draft) -> bool {
    d.in_street = true;
    let street = d.composed();
    let line = format!("{VCARD_PREFIX}{street};{};;{};Norge", d.town, d.postcode);
    if line.len() <= 75 || line.len() > 149 {
        return false;
    }
    let mut at = 75;
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    let s0 = VCARD_PREFIX.len();
    let t0 = s0 + street.len() + 1;
    let c0 = t0 + d.town.len() + 2;
    let fold = |s: &str, i: usize| format!("{}\r\n {}", &s[..i], &s[i..]);
    if (s0..=s0 + street.len()).contains(&at) {
        d.street_done = Some(fold(&street, at - s0));
    } else if (t0..=t0 + d.town.len()).contains(&at) {
        d.street_done = Some(street);
        d.town = fold(&d.town, at - t0);
    } else if (c0..=c0 + d.postcode.len()).contains(&at) && !d.postcode.is_empty() {
        d.street_done = Some(street);
        d.postcode = fold(&d.postcode, at - c0);
    } else {
        return false;
    }
    true
}

fn invert_case(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<Vec<_>>()
            } else {
                c.to_uppercase().collect::<Vec<_>>()
            }
        })
        .collect()
}

fn caps(rng: &mut ChaCha8Rng, _: &World, d: &mut Draft) -> bool {
    d.given = d.given.iter().map(|g| invert_case(g)).collect();
    d.surname = invert_case(&d.surname);
    d.street = invert_case(&d.street);
    if rng.random_bool(0.5) {
        d.town = invert_case(&d.town);
    }
    true
}

/// Styles of Mathematical Alphanumeric Symbols (first capital, first small) without holes:
/// bold, bold italic, bold script, bold Fraktur, sans-serif bold, sans-serif bold italic,
/// monospace.
pub const MATH_STYLES: &[(u32, u32)] = &[
    (0x1D400, 0x1D41A),
    (0x1D468, 0x1D482),
    (0x1D4D0, 0x1D4EA),
    (0x1D56C, 0x1D586),
    (0x1D5D4, 0x1D5EE),
    (0x1D63C, 0x1D656),
    (0x1D670, 0x1D68A),
];

/// `s` in a style of [`MATH_STYLES`] (letters outside A–Z, a–z as they are).
pub fn styled(s: &str, (cap, small): (u32, u32)) -> String {
    s.chars()
        .map(|c| {
            let u = if c.is_ascii_uppercase() {
                Some(cap + (c as u32 - 'A' as u32))
            } else if c.is_ascii_lowercase() {
                Some(small + (c as u32 - 'a' as u32))
            } else {
                None
            };
            u.and_then(char::from_u32).unwrap_or(c)
        })
        .collect()
}

fn math(rng: &mut ChaCha8Rng, _: &World, d: &mut Draft) -> bool {
    let style = MATH_STYLES.choose(rng).copied().unwrap_or(MATH_STYLES[0]);
    d.given = d.given.iter().map(|g| styled(g, style)).collect();
    d.surname = styled(&d.surname, style);
    true
}

/// As an e-mail address's local part writes a name: lower case, `æ ø å é` as `ae o a e`.
pub fn email_fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .flat_map(|c| match c {
            'æ' => vec!['a', 'e'],
            'ø' => vec!['o'],
            'å' => vec!['a'],
            'é' => vec!['e'],
            c => vec![c],
        })
        .collect()
}

fn email(_: &mut ChaCha8Rng, _: &World, d: &mut Draft) -> bool {
    let Some(first) = d.given.first() else {
        return false;
    };
    d.given = vec![email_fold(first)];
    d.surname = email_fold(&d.surname);
    true
}

/// Handwritten digit pairs.
pub const DIGIT_PAIRS: &[(char, char)] = &[('1', '7'), ('4', '9'), ('5', '6'), ('3', '8')];

fn handwritten_digit(rng: &mut ChaCha8Rng, d: &mut Draft) -> bool {
    let mut chars: Vec<char> = d.postcode.chars().collect();
    let spots: Vec<usize> = (0..chars.len())
        .filter(|&i| {
            DIGIT_PAIRS
                .iter()
                .any(|&(a, b)| a == chars[i] || b == chars[i])
        })
        .collect();
    let Some(&i) = spots.choose(rng) else {
        return false;
    };
    if let Some(&(a, b)) = DIGIT_PAIRS
        .iter()
        .find(|&&(a, b)| a == chars[i] || b == chars[i])
    {
        chars[i] = if chars[i] == a { b } else { a };
    }
    d.postcode = chars.into_iter().collect();
    true
}

fn damage(kind: &str) -> Option<Damage> {
    Some(match kind {
        POSTBOX => postbox,
        SEVEN_SEG => seven_seg,
        HISTORIC => historic,
        FLAT => flat,
        LABEL => label,
        SPEECH => speech,
        HAND => hand,
        HIGHBIT => highbit,
        BIDI => bidi,
        VCARD => vcard,
        CAPS => caps,
        MATH => math,
        EMAIL => email,
        _ => return None,
    })
}

/// A corrupted lead of world person `p`, or `None` if the kind does not fit them.
pub fn corrupt(rng: &mut ChaCha8Rng, w: &World, kind: &str, p: usize) -> Option<PersonQuery> {
    let mut d = draft_of(rng, w, p);
    let ok = match kind {
        UNCHANGED => true,
        COUPON2 => handwriting(rng, &mut d, 1) && handwritten_digit(rng, &mut d),
        LABEL2 => label(rng, w, &mut d) && flat(rng, w, &mut d),
        VOICE2 => {
            let ok = speech(rng, w, &mut d);
            d.postcode.clear();
            ok
        }
        k => damage(k)?(rng, w, &mut d),
    };
    ok.then(|| d.finish())
}

/// The damages a look-alike may get as well.
const LA_DAMAGES: &[&str] = &[
    POSTBOX, SEVEN_SEG, HISTORIC, FLAT, LABEL, SPEECH, HAND, HIGHBIT, BIDI, VCARD, CAPS, MATH,
    EMAIL,
];

fn maybe_damage(rng: &mut ChaCha8Rng, w: &World, d: &mut Draft, p: f64) {
    if rng.random_bool(p)
        && let Some(k) = LA_DAMAGES.choose(rng)
        && let Some(f) = damage(k)
    {
        let mut e = d.clone();
        if f(rng, w, &mut e) {
            *d = e;
        }
    }
}

fn years_off(rng: &mut ChaCha8Rng, birth: NaiveDate, lo: i32, hi: i32) -> NaiveDate {
    let off = rng.random_range(lo..=hi) * if rng.random_bool(0.5) { 1 } else { -1 };
    let y = (birth.year() + off).clamp(1925, 2008);
    if y == birth.year() {
        return date_in(rng, if y > 1925 { y - 1 } else { y + 1 });
    }
    date_in(rng, y)
}

/// A look-alike around reserved anchor `a` (a world person), or `None` if it does not fit.
pub fn look_alike(rng: &mut ChaCha8Rng, w: &World, kind: &str, a: usize) -> Option<PersonQuery> {
    let anchor = &w.persons[a];
    let h = &w.households[anchor.household];
    let st = &w.streets[h.street];
    let mut d = match kind {
        LA_HOUSEMATE => {
            let others: Vec<usize> = h
                .members
                .iter()
                .copied()
                .filter(|&m| m != a && !w.reserved[m])
                .collect();
            let &m = others.choose(rng)?;
            let mut d = draft_of(rng, w, m);
            d.birth = rng.random_bool(0.4).then_some(w.persons[m].birth);
            maybe_damage(rng, w, &mut d, 0.4);
            return Some(d.finish());
        }
        LA_TOWN => {
            let t = st.town;
            let others: Vec<usize> = w.town_streets[t]
                .iter()
                .copied()
                .filter(|&s| s != h.street && w.streets[s].name != st.name)
                .collect();
            let &s = others.choose(rng)?;
            let other = &w.streets[s];
            let number = if rng.random_bool(0.3) {
                h.number
            } else {
                rng.random_range(1..=150)
            };
            let mut d = draft(
                rng,
                w,
                &anchor.given,
                anchor.surname,
                &other.name,
                other.short_first.clone(),
                number,
                None,
                other.row,
                anchor.birth,
            );
            if rng.random_bool(0.6) {
                d.postcode.clear();
            } else {
                let &r = w.town_rows[t].choose(rng)?;
                d.postcode = w.rows[r].0.to_string();
            }
            d.birth = rng
                .random_bool(0.4)
                .then(|| years_off(rng, anchor.birth, 1, 30));
            d
        }
        LA_STREET_TOWN => {
            let r = rng.random_range(0..w.rows.len());
            if w.rows[r].1 == st.town {
                return None;
            }
            let mut d = draft(
                rng,
                w,
                &anchor.given,
                anchor.surname,
                &st.name,
                st.short_first.clone(),
                h.number,
                h.letter,
                r,
                anchor.birth,
            );
            if rng.random_bool(0.5) {
                d.postcode.clear();
            }
            d.birth = rng
                .random_bool(0.4)
                .then(|| years_off(rng, anchor.birth, 1, 30));
            d
        }
        LA_PEN => {
            let partner = pen_partner(anchor.given[0])?;
            let mut given = vec![partner];
            if rng.random_bool(0.3) {
                let plain = if anchor.male { MEN } else { WOMEN };
                given.push(plain.choose(rng).copied()?);
            }
            let mut d = draft(
                rng,
                w,
                &given,
                anchor.surname,
                &st.name,
                st.short_first.clone(),
                h.number,
                h.letter,
                st.row,
                anchor.birth,
            );
            d.birth = Some(years_off(rng, anchor.birth, 1, 8));
            d
        }
        LA_SURNAME => {
            let partner = surname_partner(anchor.surname)?;
            let off = rng.random_range(1..=6i64) * if rng.random_bool(0.5) { 1 } else { -1 };
            let number = u32::try_from(i64::from(h.number) + off)
                .ok()
                .filter(|&n| n >= 1)?;
            let year = rng.random_range(1940..=2005);
            let birth = date_in(rng, year);
            let mut d = draft(
                rng,
                w,
                &anchor.given,
                partner,
                &st.name,
                st.short_first.clone(),
                number,
                None,
                st.row,
                birth,
            );
            d.birth = rng.random_bool(0.4).then_some(birth);
            d
        }
        _ => return None,
    };
    maybe_damage(rng, w, &mut d, 0.3);
    Some(d.finish())
}
