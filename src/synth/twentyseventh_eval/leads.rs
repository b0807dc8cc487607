//! The twenty-seventh set's leads: the layout of a lead before damage, the corruption kinds
//! (checkout, phone, spreadsheet, SMS, business-card, DOS, web-editor, passport and
//! social-login damage) and the look-alike kinds (unreserved housemates, namesakes on a street
//! of the same stem or one glyph of house number away, plus-one given names and surnames), with
//! their shares.

use chrono::{Duration, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{EXCEL_1904_DAYS, fold};
use super::names::{self, Sex};
use super::world::{Shape, World, random_plain};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const PICKUP: &str = "postcode_of_parcel_pickup_point_same_town";
/// Issue: postcode misread.
pub const LOCALE: &str = "postcode_typed_in_phone_locale_digits";
/// Issue: no postcode, a town.
pub const LOOKUP: &str = "postcode_spreadsheet_lookup_error_town_kept";
/// Issue: a flat number in the street field.
pub const COURIER: &str = "flat_and_door_code_from_courier_checkout";
/// Issue: initials and abbreviated prefixes.
pub const SMS: &str = "street_initialled_lowercase_in_sms_signup";
/// Issue: spelling variants of one given name.
pub const NAMEDAY: &str = "given_name_autocompleted_from_name_day_list";
/// Issue: OCR-like confusions.
pub const CARD_OCR: &str = "business_card_app_ocr_rn_m_cl_d_l_1";
/// Issue: lossy transliteration in two fields.
pub const CP437: &str = "cp437_typist_oe_as_o_umlaut_two_fields";
/// Issue: whitespace.
pub const SEPARATORS: &str = "house_after_line_separator_nel_or_narrow_nbsp";
/// Issue: two corruptions.
pub const PAIR_CHECKOUT: &str = "checkout_pickup_code_and_courier_flat";
/// Issue: two corruptions.
pub const PAIR_PHONE: &str = "phone_locale_digits_and_name_day_name";
/// Issue: two corruptions.
pub const PAIR_SMS: &str = "sms_signup_short_street_and_locale_digits";
/// Own.
pub const MRZ: &str = "names_from_passport_mrz_icao_transliteration";
/// Own.
pub const CAPITALISER: &str = "ascii_capitaliser_upper_after_aeoeaa";
/// Own.
pub const EXCEL1904: &str = "birth_date_shifted_by_excel_1904_date_system";
/// Own.
pub const EMOJI: &str = "emoji_in_names_from_social_login";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a real unreserved member of the anchor's household.
pub const LA_HOUSEMATE: &str = "unreserved_housemate_through_checkout_and_phone_damages";
/// Look-alike: the anchor's full name at the street of the same stem with another ending.
pub const LA_STEM: &str = "namesake_same_stem_other_ending_same_town_same_number";
/// Look-alike: the anchor's full name on the anchor's street, a number one glyph off.
pub const LA_GLYPH: &str = "namesake_same_street_house_number_one_glyph_off";
/// Look-alike: a housemate named the anchor's given name plus (or minus) one letter.
pub const LA_PLUS_GIVEN: &str = "housemate_named_anchor_name_plus_one_letter";
/// Look-alike: the anchor's given names with the plus-one surname in the anchor's town.
pub const LA_PLUS_SURNAME: &str = "family_surname_anchor_plus_one_letter_same_town";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (PICKUP, 60),
    (LOCALE, 60),
    (LOOKUP, 60),
    (COURIER, 60),
    (SMS, 60),
    (NAMEDAY, 60),
    (CARD_OCR, 60),
    (CP437, 60),
    (SEPARATORS, 60),
    (PAIR_CHECKOUT, 50),
    (PAIR_PHONE, 50),
    (PAIR_SMS, 50),
    (MRZ, 62),
    (CAPITALISER, 62),
    (EXCEL1904, 62),
    (EMOJI, 62),
    (UNCHANGED, 62),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_HOUSEMATE, 220),
    (LA_STEM, 180),
    (LA_GLYPH, 200),
    (LA_PLUS_GIVEN, 200),
    (LA_PLUS_SURNAME, 200),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    CP437,
    MRZ,
    CAPITALISER,
    SMS,
    PAIR_SMS,
    NAMEDAY,
    PAIR_PHONE,
    CARD_OCR,
    PICKUP,
    PAIR_CHECKOUT,
    LOCALE,
    LOOKUP,
    COURIER,
    SEPARATORS,
    EXCEL1904,
    EMOJI,
    UNCHANGED,
];

/// Counts per kind for `total` leads by per-mille shares, by largest remainder.
pub fn counts(total: usize, shares: &[(&str, usize)]) -> Vec<usize> {
    let sum: usize = shares.iter().map(|s| s.1).sum::<usize>().max(1);
    let mut out: Vec<usize> = shares.iter().map(|s| total * s.1 / sum).collect();
    let mut rest: Vec<(usize, usize)> = shares
        .iter()
        .enumerate()
        .map(|(i, s)| (total * s.1 % sum, i))
        .collect();
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let short = total - out.iter().sum::<usize>();
    for &(_, i) in rest.iter().take(short) {
        out[i] += 1;
    }
    out
}

/// Whom a lead shows: names, birth date and house.
#[derive(Debug, Clone)]
pub struct Subject {
    given: Vec<&'static str>,
    surname: &'static str,
    sex: Sex,
    birth: NaiveDate,
    shape: Shape,
    number: u32,
    letter: Option<char>,
    code: usize,
}

fn subject(world: &World, p: usize) -> Subject {
    let person = &world.persons[p];
    let h = &world.households[person.household];
    let street = &world.streets[h.street];
    Subject {
        given: person.given.clone(),
        surname: person.surname,
        sex: person.sex,
        birth: person.birth,
        shape: street.shape,
        number: h.number,
        letter: h.letter,
        code: street.code,
    }
}

/// A lead being written: its fields before they are put together.
#[derive(Debug, Clone)]
struct Draft {
    s: Subject,
    caps: bool,
    given: String,
    surname: String,
    street: String,
    in_street: bool,
    glued: bool,
    lower_letter: bool,
    seps: Option<(&'static str, &'static str)>,
    flat: String,
    postcode: String,
    town: String,
    birth: Option<NaiveDate>,
}

fn title(s: &str) -> String {
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

fn lay_out(rng: &mut dyn RngCore, world: &World, s: Subject) -> Draft {
    let caps = rng.random_bool(0.12);
    let up = |t: String| if caps { t.to_uppercase() } else { t };
    let (code, town) = &world.codes[s.code];
    let town = &world.towns[*town];
    let in_street = rng.random_bool(0.5);
    Draft {
        caps,
        given: up(s.given.join(" ")),
        surname: up(s.surname.to_string()),
        street: up(s.shape.name()),
        in_street,
        glued: in_street && rng.random_bool(0.35),
        lower_letter: false,
        seps: None,
        flat: String::new(),
        postcode: code.clone(),
        town: if caps || rng.random_bool(0.5) {
            town.clone()
        } else {
            title(town)
        },
        birth: rng.random_bool(0.4).then_some(s.birth),
        s,
    }
}

impl Draft {
    fn query(&self) -> PersonQuery {
        let letter = self.s.letter.map(|c| {
            if self.lower_letter || self.glued {
                c.to_ascii_lowercase()
            } else {
                c
            }
        });
        let (mut street, mut number, mut house_letter) = (
            self.street.clone(),
            self.s.number.to_string(),
            letter.map(String::from).unwrap_or_default(),
        );
        if self.in_street {
            let (a, b) = self.seps.unwrap_or((" ", " "));
            let house = match letter {
                Some(l) if self.glued => format!("{}{l}", self.s.number),
                Some(l) => format!("{}{b}{l}", self.s.number),
                None => self.s.number.to_string(),
            };
            street = format!("{street}{a}{house}{}", self.flat);
            number.clear();
            house_letter.clear();
        }
        PersonQuery {
            given_names: self.given.clone(),
            surname: self.surname.clone(),
            street,
            house_number: number,
            house_letter,
            postcode: self.postcode.clone(),
            city: self.town.clone(),
            birth_date: self.birth,
            national_id: None,
        }
    }
}

// --- damages -------------------------------------------------------------------------------

fn pickup(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let codes = &world.town_codes[world.codes[d.s.code].1];
    let pos = codes.iter().position(|&c| c == d.s.code)?;
    if codes.len() < 2 {
        return None;
    }
    let other = if pos == 0 {
        1
    } else if pos + 1 == codes.len() || rng.random_bool(0.5) {
        pos - 1
    } else {
        pos + 1
    };
    d.postcode = world.codes[codes[other]].0.clone();
    Some(())
}

fn locale(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    if d.postcode.len() != 4 || !d.postcode.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let base: u32 = *[0x0660u32, 0x06F0, 0x0966].choose(rng)?;
    d.postcode = d
        .postcode
        .bytes()
        .filter_map(|b| char::from_u32(base + u32::from(b - b'0')))
        .collect();
    Some(())
}

fn lookup(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.postcode = (*["#N/A", "#I/T", "#VERDI!", "#REF!", "#NAVN?", "#VALUE!"].choose(rng)?).into();
    Some(())
}

fn courier(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    let floor = rng.random_range(1..=5);
    let bn = format!(
        "{}{floor:02}{:02}",
        ['H', 'H', 'U', 'K', 'L'][rng.random_range(0..5)],
        rng.random_range(1..=4)
    );
    let code = rng.random_range(1000..=9999);
    d.flat = match rng.random_range(0..5) {
        0 => format!(", {bn}, portkode {code}"),
        1 => format!(" {bn} - ring på"),
        2 => format!(", {bn} (lever ved døra)"),
        3 => format!(", {bn}, {floor}. etg."),
        _ => format!(" {bn}, kode {code}#"),
    };
    Some(())
}

fn sms(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    if !d.s.shape.shortenable() {
        return None;
    }
    let name = d.s.shape.name();
    let mut words: Vec<String> = name.split(' ').map(str::to_string).collect();
    words[0] = names::short_form(&words[0]);
    d.street = words.join(" ").to_lowercase();
    d.in_street = true;
    d.glued = rng.random_bool(0.6);
    d.lower_letter = true;
    if rng.random_bool(0.5) {
        d.given = d.given.to_lowercase();
        d.surname = d.surname.to_lowercase();
    }
    if rng.random_bool(0.5) {
        d.town = d.town.to_lowercase();
    }
    Some(())
}

fn nameday(d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let almanac = names::family_of(first)?[0];
    if almanac == first {
        return None;
    }
    let mut words = vec![almanac];
    words.extend_from_slice(&d.s.given[1..]);
    let g = words.join(" ");
    d.given = if d.caps { g.to_uppercase() } else { g };
    Some(())
}

/// One scanner confusion at `at` (a byte index) of `s`, if one applies there.
fn confuse_at(s: &str, at: usize) -> Option<String> {
    let rest = &s[at..];
    let (from, to) = if rest.starts_with("rn") {
        ("rn", "m")
    } else if rest.starts_with('m') {
        ("m", "rn")
    } else if rest.starts_with("cl") {
        ("cl", "d")
    } else if rest.starts_with('d') {
        ("d", "cl")
    } else if rest.starts_with('l') {
        ("l", "1")
    } else {
        return None;
    };
    Some(format!("{}{to}{}", &s[..at], &s[at + from.len()..]))
}

/// The word with one or two scanner confusions, never a real name of the lists.
fn scanned(rng: &mut dyn RngCore, word: &str, real: &[String]) -> Option<String> {
    let spots: Vec<usize> = word
        .char_indices()
        .filter(|&(i, _)| confuse_at(word, i).is_some())
        .map(|(i, _)| i)
        .collect();
    let first = *spots.choose(rng)?;
    let mut out = confuse_at(word, first)?;
    if rng.random_bool(0.3) {
        // A second spot, left of the first so the first's bytes stay where they are.
        let left: Vec<usize> = spots.iter().copied().filter(|&i| i + 2 <= first).collect();
        if let Some(&i) = left.choose(rng)
            && let Some(two) = confuse_at(&out, i)
        {
            out = two;
        }
    }
    let key = fold(&out);
    (!real.contains(&key)).then_some(out)
}

fn card_ocr(rng: &mut dyn RngCore, d: &mut Draft, real: &[String]) -> Option<()> {
    match rng.random_range(0..3) {
        0 => {
            let mut words: Vec<String> = d.given.split(' ').map(str::to_string).collect();
            words[0] = scanned(rng, &words[0], real)?;
            d.given = words.join(" ");
        }
        1 => d.surname = scanned(rng, &d.surname, real)?,
        _ => {
            let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
            let i = rng.random_range(0..words.len());
            words[i] = scanned(rng, &words[i], real)?;
            d.street = words.join(" ");
        }
    }
    Some(())
}

fn dos(rng: &mut dyn RngCore, s: &str) -> String {
    let cent = rng.random_bool(0.2);
    s.chars()
        .map(|c| match c {
            'ø' if cent => '¢',
            'ø' => 'ö',
            'Ø' => 'Ö',
            c => c,
        })
        .collect()
}

fn cp437(rng: &mut dyn RngCore, d: &mut Draft, exactly_two: bool) -> Option<()> {
    let has = |s: &str| s.contains(['ø', 'Ø']);
    let mut fields: Vec<usize> = (0..4)
        .filter(|&i| has([&d.given, &d.surname, &d.street, &d.town][i]))
        .collect();
    if fields.len() < if exactly_two { 2 } else { 1 } {
        return None;
    }
    let take = if exactly_two { 2 } else { 1 };
    let mut chosen = Vec::new();
    for _ in 0..take {
        let i = rng.random_range(0..fields.len());
        chosen.push(fields.remove(i));
    }
    for f in chosen {
        match f {
            0 => d.given = dos(rng, &d.given),
            1 => d.surname = dos(rng, &d.surname),
            2 => d.street = dos(rng, &d.street),
            _ => d.town = dos(rng, &d.town),
        }
    }
    Some(())
}

const SEPS: &[&str] = &[
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{202F}",
    "\u{205F}",
    "\u{A0}\u{A0}",
    " \u{2028}",
    "\u{202F}\u{202F}",
];

fn separators(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    d.seps = Some((*SEPS.choose(rng)?, *SEPS.choose(rng)?));
    Some(())
}

fn icao(s: &str) -> String {
    s.to_uppercase()
        .replace('Å', "AA")
        .replace('Æ', "AE")
        .replace('Ø', "OE")
        .replace('É', "E")
}

fn mrz(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let names_text = format!("{} {}", d.s.given.join(" "), d.s.surname);
    if names_text.is_ascii() {
        return None;
    }
    let joiner = if rng.random_bool(0.25) { "<" } else { " " };
    d.given =
        d.s.given
            .iter()
            .map(|g| icao(g))
            .collect::<Vec<_>>()
            .join(joiner);
    d.surname = icao(d.s.surname);
    Some(())
}

/// JavaScript's `s.toLowerCase().replace(/\b\w/g, c => c.toUpperCase())`: `\w` is ASCII only,
/// so a letter after `æ ø å` starts a "word" and `æ ø å` at a word's start stay small.
pub fn ascii_capitalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_word = false;
    for c in s.to_lowercase().chars() {
        let word = c.is_ascii_alphanumeric() || c == '_';
        if word && !prev_word {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c);
        }
        prev_word = word;
    }
    out
}

fn capitaliser(d: &mut Draft) -> Option<()> {
    let shows = |s: &str| {
        let v: Vec<char> = s.to_lowercase().chars().collect();
        v.windows(2)
            .any(|w| matches!(w[0], 'æ' | 'ø' | 'å' | 'é') && w[1].is_ascii_alphabetic())
    };
    if ![&d.given, &d.surname, &d.street, &d.town]
        .iter()
        .any(|s| shows(s))
    {
        return None;
    }
    d.given = ascii_capitalise(&d.given);
    d.surname = ascii_capitalise(&d.surname);
    d.street = ascii_capitalise(&d.street);
    d.town = ascii_capitalise(&d.town);
    Some(())
}

fn excel1904(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let days = Duration::days(EXCEL_1904_DAYS);
    d.birth = if rng.random_bool(0.5) {
        d.s.birth.checked_add_signed(days)
    } else {
        d.s.birth.checked_sub_signed(days)
    };
    d.birth.map(|_| ())
}

const EMOJIS: &[&str] = &[
    "⚓",
    "🌊",
    "⛵",
    "🇳🇴",
    "❤️",
    "✨",
    "🐟",
    "🧭",
    "😊",
    "👨\u{200D}👩\u{200D}👧",
];

fn emoji(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let e = *EMOJIS.choose(rng)?;
    match rng.random_range(0..4) {
        0 => d.given = format!("{} {e}", d.given),
        1 => d.surname = format!("{} {e}", d.surname),
        2 => d.given = format!("{}{e}", d.given),
        _ => {
            let f = *EMOJIS.choose(rng)?;
            d.given = format!("{e} {}", d.given);
            d.surname = format!("{}{f}", d.surname);
        }
    }
    Some(())
}

/// The real names of the lists, as keys.
pub fn real_keys() -> Vec<String> {
    names::all_given()
        .into_iter()
        .chain(names::all_surnames())
        .map(fold)
        .collect()
}

/// A corrupted lead of `kind` for reserved person `p`, or `None` if the kind does not apply.
pub fn corrupt(
    rng: &mut dyn RngCore,
    world: &World,
    kind: &str,
    p: usize,
    real: &[String],
) -> Option<PersonQuery> {
    let mut d = lay_out(rng, world, subject(world, p));
    match kind {
        PICKUP => pickup(rng, world, &mut d)?,
        LOCALE => locale(rng, &mut d)?,
        LOOKUP => lookup(rng, &mut d)?,
        COURIER => courier(rng, &mut d)?,
        SMS => sms(rng, &mut d)?,
        NAMEDAY => nameday(&mut d)?,
        CARD_OCR => card_ocr(rng, &mut d, real)?,
        CP437 => cp437(rng, &mut d, true)?,
        SEPARATORS => separators(rng, &mut d)?,
        PAIR_CHECKOUT => {
            pickup(rng, world, &mut d)?;
            courier(rng, &mut d)?;
        }
        PAIR_PHONE => {
            nameday(&mut d)?;
            locale(rng, &mut d)?;
        }
        PAIR_SMS => {
            sms(rng, &mut d)?;
            locale(rng, &mut d)?;
        }
        MRZ => mrz(rng, &mut d)?,
        CAPITALISER => capitaliser(&mut d)?,
        EXCEL1904 => excel1904(rng, &mut d)?,
        EMOJI => emoji(rng, &mut d)?,
        _ => {}
    }
    Some(d.query())
}

/// One of this set's damages on a look-alike, so that damage is no cue (none if it does not
/// apply).
fn some_damage(rng: &mut dyn RngCore, world: &World, d: &mut Draft, real: &[String]) {
    let _ = match rng.random_range(0..12) {
        0 => pickup(rng, world, d),
        1 => locale(rng, d),
        2 => lookup(rng, d),
        3 => courier(rng, d),
        4 => sms(rng, d),
        5 => nameday(d),
        6 => card_ocr(rng, d, real),
        7 => cp437(rng, d, false),
        8 => separators(rng, d),
        9 => mrz(rng, d),
        10 => capitaliser(d),
        _ => emoji(rng, d),
    };
}

fn shifted_birth(
    rng: &mut dyn RngCore,
    birth: NaiveDate,
    years: std::ops::RangeInclusive<i32>,
) -> NaiveDate {
    use chrono::Datelike;
    let sign = if rng.random_bool(0.5) { 1 } else { -1 };
    let y = (birth.year() + sign * rng.random_range(years)).clamp(1920, 2008);
    NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(1..=28)).unwrap_or(birth)
}

/// A look-alike of `kind` around the reserved person `anchor`, or `None` if the anchor does not
/// allow it.
pub fn look_alike(
    rng: &mut dyn RngCore,
    world: &World,
    kind: &str,
    anchor: usize,
    real: &[String],
) -> Option<PersonQuery> {
    let a = subject(world, anchor);
    let (s, birth_rate, damage_rate) = match kind {
        LA_HOUSEMATE => {
            let h = &world.households[world.persons[anchor].household];
            let free: Vec<usize> = h
                .members
                .iter()
                .copied()
                .filter(|&m| !world.persons[m].reserved)
                .collect();
            (subject(world, *free.choose(rng)?), 0.4, 0.4)
        }
        LA_STEM => {
            let Shape::Compound {
                prefix,
                stem,
                ending,
            } = a.shape
            else {
                return None;
            };
            let mut other = rng.random_range(0..names::ENDINGS.len() - 1);
            if other >= ending {
                other += 1;
            }
            let mut s = a.clone();
            s.shape = Shape::Compound {
                prefix,
                stem,
                ending: other,
            };
            if rng.random_bool(0.4) {
                s.code = *world.town_codes[world.codes[a.code].1].choose(rng)?;
            }
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.4, 0.3)
        }
        LA_GLYPH => {
            let digits: Vec<char> = a.number.to_string().chars().collect();
            let swap = |c: char| match c {
                '1' => Some('7'),
                '7' => Some('1'),
                '3' => Some('8'),
                '8' => Some('3'),
                '5' => Some('6'),
                '6' => Some('5'),
                '4' => Some('9'),
                '9' => Some('4'),
                _ => None,
            };
            // Another house number of the world's range (1–150), one digit its look-alike.
            let other = |i: usize| -> Option<u32> {
                let mut nd = digits.clone();
                nd[i] = swap(nd[i])?;
                let n: u32 = nd.iter().collect::<String>().parse().ok()?;
                (1..=150).contains(&n).then_some(n)
            };
            let spots: Vec<u32> = (0..digits.len()).filter_map(other).collect();
            let mut s = a.clone();
            s.number = *spots.choose(rng)?;
            if rng.random_bool(0.5) {
                s.letter = None;
            }
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.5, 0.3)
        }
        LA_PLUS_GIVEN => {
            let partner = names::given_partner(a.given.first()?)?;
            let mut s = a.clone();
            s.given = vec![partner];
            if rng.random_bool(0.3) {
                let second = random_plain(rng, a.sex);
                if !a.given.contains(&second) {
                    s.given.push(second);
                }
            }
            s.birth = if rng.random_bool(0.7) {
                shifted_birth(rng, a.birth, 1..=8)
            } else {
                shifted_birth(rng, a.birth, 22..=35)
            };
            (s, 1.0, 0.3)
        }
        LA_PLUS_SURNAME => {
            let partner = names::surname_partner(a.surname)?;
            let mut s = a.clone();
            s.surname = partner;
            if rng.random_bool(0.5) {
                let step = rng.random_range(1..=6);
                s.number = if rng.random_bool(0.5) || a.number <= step {
                    a.number + step
                } else {
                    a.number - step
                };
                s.letter = None;
            } else {
                let town = world.codes[a.code].1;
                let st = *world.town_streets[town].choose(rng)?;
                s.shape = world.streets[st].shape;
                s.code = world.streets[st].code;
                s.number = rng.random_range(1..=150);
                s.letter = None;
            }
            s.birth = shifted_birth(rng, a.birth, 0..=3);
            (s, 0.4, 0.3)
        }
        _ => return None,
    };
    let mut d = lay_out(rng, world, s);
    d.birth = rng.random_bool(birth_rate).then_some(d.s.birth);
    if rng.random_bool(damage_rate) {
        some_damage(rng, world, &mut d, real);
    }
    Some(d.query())
}
