//! The twenty-ninth set's leads: the layout of a lead before damage, the corruption kinds
//! (smart-TV forms and remotes, Matrikkel flat numbers, a Swedish-trained typist, an old street
//! index, a word processor's spell check, dot-matrix printouts, DOS hard spaces, zero-based
//! months, bouncing keys, social-login display names and card chips) and the look-alike kinds
//! (housemates one doubled letter apart, unreserved household members seen through the same
//! forms, namesakes on the street of another person of the same surname, lodgers of the same
//! given name shown with another surname initial, near-surnames in the other half of the
//! house), with their shares.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{fold, letter_mode, month_later};
use super::names::{self, Sex};
use super::world::{Shape, World, random_plain, random_surname};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const OVERSHOOT: &str = "postcode_tv_remote_overshot_on_digit_row_same_town";
/// Issue: postcode misread.
pub const LETTER_MODE: &str = "postcode_typed_with_tv_remote_in_letter_mode";
/// Issue: no postcode, a town.
pub const HINT: &str = "postcode_field_saved_with_its_hint_text_town_kept";
/// Issue: a flat number in the street field.
pub const BRUKSENHET: &str = "basement_or_loft_bruksenhet_u_k_l_after_house";
/// Issue: abbreviated prefixes.
pub const COLON: &str = "street_prefix_swedish_colon_contraction";
/// Issue: initials of person-named streets.
pub const INVERTED: &str = "person_street_inverted_old_street_index_given_initialled";
/// Issue: spelling variants of one given name.
pub const SPELL: &str = "given_name_changed_all_by_word_processor_spell_check";
/// Issue: OCR-like confusions.
pub const DOT_MATRIX: &str = "dot_matrix_printout_ocr_rn_m_l_1_any_field";
/// Issue: lossy transliteration in two fields.
pub const TV_KEYS: &str = "smart_tv_keyboard_without_aeoeaa_two_fields";
/// Issue: whitespace.
pub const ALT255: &str = "dos_alt255_hard_space_around_house_number";
/// Issue: two corruptions.
pub const PAIR_TV: &str = "smart_tv_form_letter_mode_postcode_and_no_aeoeaa";
/// Issue: two corruptions.
pub const PAIR_PRINTOUT: &str = "street_index_printout_inverted_street_and_ocr_name";
/// Issue: two corruptions.
pub const PAIR_DOS: &str = "dos_word_processor_spell_check_and_hard_space";
/// Own.
pub const MONTH: &str = "birth_month_one_late_from_zero_based_month_form";
/// Own.
pub const BOUNCE: &str = "worn_keyboard_key_bounce_doubled_letter";
/// Own.
pub const INITIAL: &str = "surname_as_initial_from_social_login_display_name";
/// Own.
pub const CHIP: &str = "card_chip_cardholder_name_surname_slash_given";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a housemate whose given name is the anchor's with a letter doubled or undoubled.
pub const LA_DOUBLED: &str = "housemate_named_anchor_name_one_doubled_letter_apart";
/// Look-alike: a real unreserved member of the anchor's household, through the same forms.
pub const LA_MEMBER: &str = "unreserved_household_member_seen_through_card_chip_and_tv_forms";
/// Look-alike: the anchor's name at the anchor's number on the street named after another
/// person of the same surname.
pub const LA_TWIN: &str = "namesake_same_number_on_street_of_same_surname_other_given_name";
/// Look-alike: a lodger of the anchor's given name, the surname shown as another initial.
pub const LA_LODGER: &str = "lodger_same_given_name_surname_shown_as_other_initial";
/// Look-alike: the anchor's given names and the surname's plus-one partner at the anchor's
/// number with another house letter.
pub const LA_NEAR: &str = "near_surname_partner_same_given_same_house_number_other_letter";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (OVERSHOOT, 55),
    (LETTER_MODE, 55),
    (HINT, 55),
    (BRUKSENHET, 55),
    (COLON, 50),
    (INVERTED, 50),
    (SPELL, 55),
    (DOT_MATRIX, 55),
    (TV_KEYS, 55),
    (ALT255, 55),
    (PAIR_TV, 50),
    (PAIR_PRINTOUT, 50),
    (PAIR_DOS, 50),
    (MONTH, 62),
    (BOUNCE, 62),
    (INITIAL, 62),
    (CHIP, 62),
    (UNCHANGED, 62),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_DOUBLED, 200),
    (LA_MEMBER, 200),
    (LA_TWIN, 200),
    (LA_LODGER, 200),
    (LA_NEAR, 200),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    PAIR_PRINTOUT,
    INVERTED,
    PAIR_DOS,
    SPELL,
    COLON,
    TV_KEYS,
    PAIR_TV,
    CHIP,
    DOT_MATRIX,
    OVERSHOOT,
    LETTER_MODE,
    HINT,
    BRUKSENHET,
    ALT255,
    BOUNCE,
    INITIAL,
    MONTH,
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
    seps: Option<(&'static str, &'static str)>,
    /// Written after the house in the street field (a bruksenhetsnummer).
    after: String,
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
    let caps = rng.random_bool(0.10);
    let up = |t: String| if caps { t.to_uppercase() } else { t };
    let (code, town) = &world.codes[s.code];
    let town = &world.towns[*town];
    let in_street = rng.random_bool(0.55);
    Draft {
        caps,
        given: up(s.given.join(" ")),
        surname: up(s.surname.to_string()),
        street: up(s.shape.name()),
        in_street,
        glued: in_street && rng.random_bool(0.3),
        seps: None,
        after: String::new(),
        postcode: code.clone(),
        town: if caps || rng.random_bool(0.5) {
            town.clone()
        } else {
            title(town)
        },
        birth: rng.random_bool(0.45).then_some(s.birth),
        s,
    }
}

impl Draft {
    fn up(&self, t: String) -> String {
        if self.caps { t.to_uppercase() } else { t }
    }

    fn query(&self) -> PersonQuery {
        let letter = self.s.letter.map(|c| {
            if self.glued {
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
            street = format!("{street}{a}{house}{}", self.after);
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

/// The neighbours of a digit on a TV's on-screen digit row `1 2 3 4 5 6 7 8 9 0`.
fn row_neighbours(d: char) -> Vec<char> {
    let row: Vec<char> = "1234567890".chars().collect();
    let Some(i) = row.iter().position(|&c| c == d) else {
        return Vec::new();
    };
    let mut v = Vec::new();
    if i > 0 {
        v.push(row[i - 1]);
    }
    if i + 1 < row.len() {
        v.push(row[i + 1]);
    }
    v
}

fn overshoot(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let town = world.codes[d.s.code].1;
    let own: Vec<&str> = world.town_codes[town]
        .iter()
        .map(|&c| world.codes[c].0.as_str())
        .collect();
    let code: Vec<char> = d.postcode.chars().collect();
    let mut options: Vec<String> = Vec::new();
    for i in 0..code.len() {
        for n in row_neighbours(code[i]) {
            let mut c = code.clone();
            c[i] = n;
            let s: String = c.into_iter().collect();
            if own.contains(&s.as_str()) {
                options.push(s);
            }
        }
    }
    d.postcode = options.choose(rng)?.clone();
    Some(())
}

fn letters(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    if d.postcode.len() != 4 || !d.postcode.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let upper = rng.random_bool(0.3);
    let out: String = d
        .postcode
        .chars()
        .map(|c| match letter_mode(c) {
            Some(l) if upper => l.to_ascii_uppercase(),
            Some(l) => l,
            None => c,
        })
        .collect();
    if out == d.postcode {
        return None;
    }
    d.postcode = out;
    Some(())
}

/// Hint texts of postcode inputs (the grey text shown until something is typed).
pub const HINTS: &[&str] = &[
    "Postnr.",
    "Postnummer",
    "postnr",
    "4 siffer",
    "Postnummer (4 siffer)",
    "f.eks. 0150",
    "F.eks. 5003",
    "Skriv postnr.",
];

fn hint(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.postcode = (*HINTS.choose(rng)?).to_string();
    Some(())
}

fn bruksenhet(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    let level = *['U', 'K', 'L'].choose(rng)?;
    let floor = if level == 'L' {
        rng.random_range(1..=2)
    } else {
        1
    };
    let bn = format!("{level}0{floor}{:02}", rng.random_range(1..=4));
    d.after = match rng.random_range(0..5) {
        0 => format!(" {bn}"),
        1 => format!(", {bn}"),
        2 => format!(" bruksenhet {bn}"),
        3 => format!(" ({bn})"),
        _ => format!(", leil. {bn}"),
    };
    Some(())
}

fn colon(d: &mut Draft) -> Option<()> {
    let Shape::Compound {
        prefix: Some(p), ..
    } = d.s.shape
    else {
        return None;
    };
    let name = d.s.shape.name();
    let (_, rest) = name.split_once(' ')?;
    let c = names::colon_contraction(names::PREFIXES[p])?;
    d.street = d.up(format!("{c} {rest}"));
    Some(())
}

fn inverted(d: &mut Draft) -> Option<()> {
    let Shape::Person { who, kind } = d.s.shape else {
        return None;
    };
    let (g, s) = names::MINING_PEOPLE[who];
    let initial = g.chars().next()?;
    d.street = d.up(format!("{s} {}, {initial}.", names::PERSON_TYPES[kind]));
    d.in_street = false;
    d.glued = false;
    Some(())
}

fn spell(d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let mut words = vec![names::dictionary_form(first)?];
    words.extend_from_slice(&d.s.given[1..]);
    d.given = d.up(words.join(" "));
    Some(())
}

/// One dot-matrix OCR confusion at `at` (a byte index) of `s`, if one applies there.
fn confuse_at(s: &str, at: usize) -> Option<String> {
    let rest = &s[at..];
    let (from, to) = if rest.starts_with("rn") {
        ("rn", "m")
    } else if rest.starts_with('m') {
        ("m", "rn")
    } else if rest.starts_with('l') {
        ("l", "1")
    } else {
        return None;
    };
    Some(format!("{}{to}{}", &s[..at], &s[at + from.len()..]))
}

/// The word with one or two OCR confusions, never a real name of the lists.
fn scanned(rng: &mut dyn RngCore, word: &str, real: &[String]) -> Option<String> {
    let spots: Vec<usize> = word
        .char_indices()
        .filter(|&(i, _)| confuse_at(word, i).is_some())
        .map(|(i, _)| i)
        .collect();
    let first = *spots.choose(rng)?;
    let mut out = confuse_at(word, first)?;
    if rng.random_bool(0.25) {
        // A second spot, left of the first so the first's bytes stay where they are.
        let left: Vec<usize> = spots.iter().copied().filter(|&i| i + 2 <= first).collect();
        if let Some(&i) = left.choose(rng)
            && let Some(two) = confuse_at(&out, i)
        {
            out = two;
        }
    }
    (!real.contains(&fold(&out))).then_some(out)
}

fn dot_matrix(
    rng: &mut dyn RngCore,
    d: &mut Draft,
    real: &[String],
    names_only: bool,
) -> Option<()> {
    match rng.random_range(0..if names_only { 2 } else { 4 }) {
        0 => {
            let mut words: Vec<String> = d.given.split(' ').map(str::to_string).collect();
            words[0] = scanned(rng, &words[0], real)?;
            d.given = words.join(" ");
        }
        1 => d.surname = scanned(rng, &d.surname, real)?,
        2 => {
            let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
            let i = rng.random_range(0..words.len());
            words[i] = scanned(rng, &words[i], real)?;
            d.street = words.join(" ");
        }
        _ => d.town = scanned(rng, &d.town, real)?,
    }
    Some(())
}

/// A text typed on a keyboard without `æ ø å`: each of them as the plain letter (60 %) or the
/// neighbour a long press offers (`ä`, `ö`, `à`).
fn without_aeoeaa(rng: &mut dyn RngCore, s: &str) -> String {
    s.chars()
        .map(|c| {
            let long = rng.random_bool(0.4);
            let (plain, press) = match c {
                'æ' => ('a', 'ä'),
                'ø' => ('o', 'ö'),
                'å' => ('a', 'à'),
                'Æ' => ('A', 'Ä'),
                'Ø' => ('O', 'Ö'),
                'Å' => ('A', 'À'),
                _ => return c,
            };
            if long { press } else { plain }
        })
        .collect()
}

fn tv_keys(rng: &mut dyn RngCore, d: &mut Draft, take: usize, real: &[String]) -> Option<()> {
    let lossy = |s: &str| super::judge::has_aeoeaa(s);
    let mut fields: Vec<usize> = [
        lossy(&d.given),
        lossy(&d.surname),
        lossy(&d.street),
        lossy(&d.town),
    ]
    .iter()
    .enumerate()
    .filter(|(_, l)| **l)
    .map(|(i, _)| i)
    .collect();
    if fields.len() < take {
        return None;
    }
    for _ in 0..take {
        let i = rng.random_range(0..fields.len());
        let field = match fields.remove(i) {
            0 => &mut d.given,
            1 => &mut d.surname,
            2 => &mut d.street,
            _ => &mut d.town,
        };
        let mut out = without_aeoeaa(rng, field);
        if fold(&out) == fold(field) {
            // Only long-press neighbours that fold back (`ä`, `ö`): one letter lost outright.
            out = without_aeoeaa_plain_first(field, &out);
        }
        // Never a real name of the lists.
        if out
            .split(' ')
            .zip(field.split(' '))
            .any(|(a, b)| a != b && real.contains(&fold(a)))
        {
            return None;
        }
        *field = out;
    }
    Some(())
}

/// `out` with the first `æ ø å` of `orig` written as its plain letter.
fn without_aeoeaa_plain_first(orig: &str, out: &str) -> String {
    let mut done = false;
    orig.chars()
        .zip(out.chars())
        .map(|(o, c)| {
            if !done && "æøåÆØÅ".contains(o) {
                done = true;
                match o {
                    'æ' | 'å' => 'a',
                    'ø' => 'o',
                    'Æ' | 'Å' => 'A',
                    _ => 'O',
                }
            } else {
                c
            }
        })
        .collect()
}

const HARD_SPACES: &[&str] = &["\u{a0}", "\u{a0}\u{a0}", " \u{a0}", "\u{a0} "];
const HARD_SPACES_1252: &[&str] = &["ÿ", "ÿÿ", " ÿ"];

fn alt255(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    let list = if rng.random_bool(0.3) {
        HARD_SPACES_1252
    } else {
        HARD_SPACES
    };
    d.seps = Some((*list.choose(rng)?, *list.choose(rng)?));
    Some(())
}

fn month(d: &mut Draft) -> Option<()> {
    d.birth = Some(month_later(d.s.birth)?);
    Some(())
}

fn bounce_word(rng: &mut dyn RngCore, word: &str, real: &[String]) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let spots: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i].is_alphabetic())
        .collect();
    let i = *spots.choose(rng)?;
    let mut out: Vec<char> = chars.clone();
    out.insert(i, chars[i]);
    let out: String = out.into_iter().collect();
    (!real.contains(&fold(&out))).then_some(out)
}

fn bounce(rng: &mut dyn RngCore, d: &mut Draft, real: &[String]) -> Option<()> {
    match rng.random_range(0..3) {
        0 => {
            let mut words: Vec<String> = d.given.split(' ').map(str::to_string).collect();
            words[0] = bounce_word(rng, &words[0], real)?;
            d.given = words.join(" ");
        }
        1 => d.surname = bounce_word(rng, &d.surname, real)?,
        _ => {
            let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
            let i = rng.random_range(0..words.len());
            if words[i].ends_with([',', '.', ':']) {
                return None;
            }
            words[i] = bounce_word(rng, &words[i], real)?;
            d.street = words.join(" ");
        }
    }
    Some(())
}

fn initial(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let i = d.s.surname.chars().next()?;
    d.given = d.up(first.to_string());
    d.surname = if rng.random_bool(0.75) {
        format!("{i}.")
    } else {
        i.to_string()
    };
    Some(())
}

/// A card embosser's ASCII: upper case, `Æ` as `AE`, `Ø` as `O`, `Å` as `A`.
pub fn embossed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_uppercase) {
        match c {
            'Æ' => out.push_str("AE"),
            'Ø' => out.push('O'),
            'Å' => out.push('A'),
            'É' => out.push('E'),
            c => out.push(c),
        }
    }
    out
}

fn chip(d: &mut Draft) -> Option<()> {
    let name = embossed(&format!("{}/{}", d.s.surname, d.s.given.join(" ")));
    if name.chars().count() > 26 {
        return None;
    }
    d.given = name;
    d.surname.clear();
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
        OVERSHOOT => overshoot(rng, world, &mut d)?,
        LETTER_MODE => letters(rng, &mut d)?,
        HINT => hint(rng, &mut d)?,
        BRUKSENHET => bruksenhet(rng, &mut d)?,
        COLON => colon(&mut d)?,
        INVERTED => inverted(&mut d)?,
        SPELL => spell(&mut d)?,
        DOT_MATRIX => dot_matrix(rng, &mut d, real, false)?,
        TV_KEYS => tv_keys(rng, &mut d, 2, real)?,
        ALT255 => alt255(rng, &mut d)?,
        PAIR_TV => {
            letters(rng, &mut d)?;
            tv_keys(rng, &mut d, 1, real)?;
        }
        PAIR_PRINTOUT => {
            inverted(&mut d)?;
            dot_matrix(rng, &mut d, real, true)?;
        }
        PAIR_DOS => {
            spell(&mut d)?;
            alt255(rng, &mut d)?;
        }
        MONTH => month(&mut d)?,
        BOUNCE => bounce(rng, &mut d, real)?,
        INITIAL => initial(rng, &mut d)?,
        CHIP => chip(&mut d)?,
        _ => {}
    }
    Some(d.query())
}

/// One of this set's damages on a look-alike, so that damage is no cue (none if it does not
/// apply).
fn some_damage(rng: &mut dyn RngCore, world: &World, d: &mut Draft, real: &[String]) {
    let _ = match rng.random_range(0..13) {
        0 => overshoot(rng, world, d),
        1 => letters(rng, d),
        2 => hint(rng, d),
        3 => bruksenhet(rng, d),
        4 => colon(d),
        5 => inverted(d),
        6 => spell(d),
        7 => dot_matrix(rng, d, real, false),
        8 => tv_keys(rng, d, 1, real),
        9 => alt255(rng, d),
        10 => month(d),
        11 => bounce(rng, d, real),
        _ => chip(d),
    };
}

fn shifted_birth(
    rng: &mut dyn RngCore,
    birth: NaiveDate,
    years: std::ops::RangeInclusive<i32>,
) -> NaiveDate {
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
    let mut surname_initial = false;
    let mut street_initial = false;
    let mut card = false;
    let (s, birth_rate, damage_rate) = match kind {
        LA_DOUBLED => {
            let partner = names::given_partner(a.given.first()?)?;
            let mut s = a.clone();
            s.given = vec![partner];
            if rng.random_bool(0.3) {
                let second = random_plain(rng, a.sex);
                if !a.given.contains(&second) {
                    s.given.push(second);
                }
            }
            s.birth = if rng.random_bool(0.6) {
                shifted_birth(rng, a.birth, 1..=8)
            } else {
                shifted_birth(rng, a.birth, 22..=35)
            };
            surname_initial = rng.random_bool(0.4);
            (s, 0.3, 0.3)
        }
        LA_MEMBER => {
            let h = &world.households[world.persons[anchor].household];
            let free: Vec<usize> = h
                .members
                .iter()
                .copied()
                .filter(|&m| !world.persons[m].reserved)
                .collect();
            card = rng.random_bool(0.5);
            (subject(world, *free.choose(rng)?), 0.4, 0.4)
        }
        LA_TWIN => {
            let Shape::Person { who, kind } = a.shape else {
                return None;
            };
            let twin = *names::surname_twins(who).choose(rng)?;
            let mut s = a.clone();
            s.shape = Shape::Person { who: twin, kind };
            if rng.random_bool(0.4) {
                s.code = *world.town_codes[world.codes[a.code].1].choose(rng)?;
            }
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            street_initial = rng.random_bool(0.5);
            (s, 0.4, 0.3)
        }
        LA_LODGER => {
            let own = a.surname.chars().next()?;
            let mut s = a.clone();
            s.given = vec![a.given[0]];
            s.surname = random_surname(rng);
            if s.surname.chars().next()? == own {
                return None;
            }
            s.birth = shifted_birth(rng, a.birth, 2..=30);
            surname_initial = true;
            (s, 0.3, 0.3)
        }
        LA_NEAR => {
            let own = a.letter?;
            let partner = names::surname_partner(a.surname)?;
            let other: Vec<char> = ['A', 'B', 'C', 'D']
                .into_iter()
                .filter(|&c| c != own)
                .collect();
            let mut s = a.clone();
            s.surname = partner;
            s.letter = Some(*other.choose(rng)?);
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.4, 0.3)
        }
        _ => return None,
    };
    let mut d = lay_out(rng, world, s);
    d.birth = rng.random_bool(birth_rate).then_some(d.s.birth);
    if rng.random_bool(damage_rate) {
        some_damage(rng, world, &mut d, real);
    }
    if card {
        chip(&mut d)?;
    }
    if street_initial
        && let Shape::Person { who, .. } = d.s.shape
        && let Some(i) = names::MINING_PEOPLE[who].0.chars().next()
    {
        let name = d.s.shape.name();
        let (_, rest) = name.split_once(' ')?;
        d.street = d.up(format!("{i}. {rest}"));
    }
    if surname_initial {
        if d.given.contains('/') {
            d.given = d.up(d.s.given.join(" "));
        }
        d.surname = format!("{}.", d.s.surname.chars().next()?);
    }
    Some(d.query())
}
