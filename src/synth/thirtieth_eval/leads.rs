//! The thirtieth set's leads: the layout of a lead before damage, the corruption kinds (a
//! spreadsheet column sorted alone, a phone keyboard's top letter row, a house number in the
//! postcode box, flat numbers copied off a door sign, SMS consonant skeletons, a transcript's
//! spoken letter names, a class-reunion list's spellings, faded thermal receipts, `æ ø å`
//! written by ear, a phone's double-space shortcut, date pickers one row off, Danish keyboards,
//! fast typists' transpositions, first and preferred names concatenated) and the look-alike
//! kinds (a parent or child of another spelling of the name, unreserved household members, a
//! namesake in a town one letter apart, a near name that begins alike, a child named with the
//! parent's given names reversed), with their shares.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{calendar_rows, danish_swap, fold, has_aeoeaa, top_row_letter};
use super::names::{self, Sex};
use super::world::{Shape, World, random_plain};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const SORTED: &str = "postcode_column_sorted_alone_town_neighbour_code";
/// Issue: postcode misread.
pub const TOP_ROW: &str = "postcode_phone_top_row_letter_from_short_long_press";
/// Issue: no postcode, a town.
pub const HOUSE_BOX: &str = "house_number_typed_in_postcode_box_town_kept";
/// Issue: a flat number in the street field.
pub const DOOR_SIGN: &str = "bolignummer_copied_off_door_sign_lowercase_o_for_zero";
/// Issue: abbreviated prefixes.
pub const SKELETON: &str = "street_prefix_sms_consonant_skeleton";
/// Issue: initials of person-named streets.
pub const LETTER_NAME: &str = "person_street_initial_as_spoken_letter_name";
/// Issue: spelling variants of one given name.
pub const REUNION: &str = "given_name_other_spelling_from_class_reunion_list";
/// Issue: OCR-like confusions.
pub const THERMAL: &str = "faded_thermal_receipt_ocr_rn_m_l_1_b_h";
/// Issue: lossy transliteration in two fields.
pub const EAR: &str = "aeoeaa_written_by_ear_two_fields";
/// Issue: whitespace.
pub const DOUBLE_SPACE: &str = "phone_double_space_shortcut_period_between_street_and_number";
/// Issue: two corruptions.
pub const PAIR_PHONE: &str = "phone_form_top_row_postcode_and_double_space_period";
/// Issue: two corruptions.
pub const PAIR_VOICE: &str = "speech_to_text_letter_name_street_and_aeoeaa_by_ear";
/// Issue: two corruptions.
pub const PAIR_LIST: &str = "reunion_list_other_spelling_and_postcode_column_sorted";
/// Own.
pub const CALENDAR: &str = "birth_date_clicked_one_row_off_in_calendar_grid";
/// Own.
pub const DANISH: &str = "danish_keyboard_layout_ae_oe_swapped";
/// Own.
pub const TRANSPOSE: &str = "fast_typist_two_adjacent_letters_transposed";
/// Own.
pub const REPEAT: &str = "given_name_repeated_by_first_and_preferred_name_concat";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a parent or child at the anchor's house with another spelling of the anchor's
/// given name, the birth date shown.
pub const LA_GENERATION: &str = "parent_or_child_of_other_spelling_same_house_birth_date_shown";
/// Look-alike: a real unreserved member of the anchor's household, through the same damages.
pub const LA_MEMBER: &str = "unreserved_household_member_seen_through_phone_voice_and_receipt";
/// Look-alike: the anchor's name at the anchor's street name and number in a town whose name
/// is one letter from the anchor's.
pub const LA_TOWN: &str = "namesake_same_street_and_number_in_town_one_letter_apart";
/// Look-alike: a given name that begins like the anchor's, the anchor's surname, at the
/// anchor's house or a few doors away.
pub const LA_PREFIX: &str = "near_name_starting_like_anchors_same_house_or_next_door";
/// Look-alike: a child (or parent) at the anchor's house with the anchor's two given names in
/// the other order, the birth date shown.
pub const LA_REVERSED: &str = "child_named_with_parents_given_names_reversed_same_house";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (SORTED, 55),
    (TOP_ROW, 55),
    (HOUSE_BOX, 55),
    (DOOR_SIGN, 55),
    (SKELETON, 55),
    (LETTER_NAME, 55),
    (REUNION, 55),
    (THERMAL, 55),
    (EAR, 55),
    (DOUBLE_SPACE, 55),
    (PAIR_PHONE, 50),
    (PAIR_VOICE, 50),
    (PAIR_LIST, 50),
    (CALENDAR, 60),
    (DANISH, 60),
    (TRANSPOSE, 60),
    (REPEAT, 60),
    (UNCHANGED, 60),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_GENERATION, 200),
    (LA_MEMBER, 200),
    (LA_TOWN, 200),
    (LA_PREFIX, 200),
    (LA_REVERSED, 200),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    PAIR_VOICE,
    LETTER_NAME,
    PAIR_LIST,
    SKELETON,
    REUNION,
    EAR,
    DANISH,
    SORTED,
    THERMAL,
    TRANSPOSE,
    PAIR_PHONE,
    TOP_ROW,
    HOUSE_BOX,
    DOOR_SIGN,
    DOUBLE_SPACE,
    CALENDAR,
    REPEAT,
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
    /// Separators between street and number and between number and letter.
    seps: Option<(&'static str, &'static str)>,
    /// Written after the house in the street field (a flat number).
    after: String,
    /// The house fields left empty (the number went into the postcode box).
    no_house_fields: bool,
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
    let in_street = rng.random_bool(0.6);
    Draft {
        caps,
        given: up(s.given.join(" ")),
        surname: up(s.surname.to_string()),
        street: up(s.shape.name()),
        in_street,
        glued: in_street && rng.random_bool(0.25),
        seps: None,
        after: String::new(),
        no_house_fields: false,
        postcode: code.clone(),
        town: if caps || rng.random_bool(0.45) {
            town.clone()
        } else {
            title(town)
        },
        birth: rng.random_bool(0.5).then_some(s.birth),
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
        } else if self.no_house_fields {
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

    /// The first word of the street field replaced.
    fn first_street_word(&mut self, word: String) -> Option<()> {
        let (_, rest) = self.street.split_once(' ')?;
        self.street = format!("{word} {rest}");
        Some(())
    }
}

/// Whether a changed word is a real name of the lists (a damage must never make one).
fn makes_real(out: &str, orig: &str, real: &[String]) -> bool {
    out.split(' ')
        .zip(orig.split(' '))
        .any(|(a, b)| a != b && real.contains(&fold(a)))
}

// --- damages -------------------------------------------------------------------------------

/// The postcode of a list row whose postcode column was sorted on its own: the town's code
/// next to its own in ascending order.
fn sorted(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let town = world.codes[d.s.code].1;
    let codes = &world.town_codes[town];
    let i = codes.iter().position(|&c| c == d.s.code)?;
    let mut options = Vec::new();
    if i > 0 {
        options.push(codes[i - 1]);
    }
    if i + 1 < codes.len() {
        options.push(codes[i + 1]);
    }
    d.postcode = world.codes[*options.choose(rng)?].0.clone();
    Some(())
}

/// One or two digits of the postcode left as their top-row letters (a long press too short).
fn top_row(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    if d.postcode.len() != 4 || !d.postcode.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut chars: Vec<char> = d.postcode.chars().collect();
    let upper = rng.random_bool(0.2);
    let n = if rng.random_bool(0.3) { 2 } else { 1 };
    let mut spots: Vec<usize> = (0..4).collect();
    for _ in 0..n {
        let k = rng.random_range(0..spots.len());
        let i = spots.remove(k);
        let l = top_row_letter(chars[i])?;
        chars[i] = if upper { l.to_ascii_uppercase() } else { l };
    }
    d.postcode = chars.into_iter().collect();
    Some(())
}

/// The house number (and letter) typed into the postcode box (`Nr.` read for `Postnr.`); the
/// street field without it (70 %) or with it as well.
fn house_box(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let n = d.s.number;
    d.postcode = match d.s.letter {
        Some(l) => match rng.random_range(0..3) {
            0 => format!("{n}{l}"),
            1 => format!("{n} {l}"),
            _ => format!("{n}{}", l.to_ascii_lowercase()),
        },
        None => n.to_string(),
    };
    if rng.random_bool(0.7) {
        d.in_street = false;
        d.glued = false;
        d.no_house_fields = true;
    }
    Some(())
}

/// A bolignummer copied off the door sign on a phone: lower case `h`, zeros typed as the
/// letter `o` (60 %), after the house.
fn door_sign(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    let bn = format!("h0{}0{}", rng.random_range(1..=5), rng.random_range(1..=4));
    let bn = if rng.random_bool(0.6) {
        bn.replace('0', "o")
    } else {
        bn
    };
    d.after = match rng.random_range(0..4) {
        0 => format!(" {bn}"),
        1 => format!(", {bn}"),
        2 => format!(" - {bn}"),
        _ => format!(" / {bn}"),
    };
    Some(())
}

fn skeleton(d: &mut Draft) -> Option<()> {
    let Shape::Compound {
        prefix: Some(p), ..
    } = d.s.shape
    else {
        return None;
    };
    let sk = names::skeleton(names::PREFIXES[p])?;
    let word = d.up(sk.to_string());
    d.first_street_word(word)
}

fn letter_name(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let Shape::Person { who, .. } = d.s.shape else {
        return None;
    };
    let g = names::SKY_PEOPLE[who].0;
    let spoken = names::letter_name(g.chars().next()?)?;
    let word = if d.caps {
        spoken.to_uppercase()
    } else if rng.random_bool(0.5) {
        spoken.to_string()
    } else {
        title(spoken)
    };
    d.first_street_word(word)
}

fn reunion(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let fam = names::family_of(first)?;
    let others: Vec<&str> = fam.iter().copied().filter(|n| *n != first).collect();
    let mut words = vec![*others.choose(rng)?];
    words.extend_from_slice(&d.s.given[1..]);
    d.given = d.up(words.join(" "));
    Some(())
}

/// One faded-receipt OCR confusion at `at` (a byte index) of `s`, if one applies there.
fn confuse_at(s: &str, at: usize) -> Option<String> {
    let rest = &s[at..];
    let (from, to) = if rest.starts_with("rn") {
        ("rn", "m")
    } else if rest.starts_with('m') {
        ("m", "rn")
    } else if rest.starts_with('l') {
        ("l", "1")
    } else if rest.starts_with('b') {
        ("b", "h")
    } else if rest.starts_with('h') {
        ("h", "b")
    } else {
        return None;
    };
    Some(format!("{}{to}{}", &s[..at], &s[at + from.len()..]))
}

/// The word with one OCR confusion, never a real name of the lists.
fn faded(rng: &mut dyn RngCore, word: &str, real: &[String]) -> Option<String> {
    let spots: Vec<usize> = word
        .char_indices()
        .filter(|&(i, _)| confuse_at(word, i).is_some())
        .map(|(i, _)| i)
        .collect();
    let out = confuse_at(word, *spots.choose(rng)?)?;
    (!real.contains(&fold(&out))).then_some(out)
}

fn thermal(rng: &mut dyn RngCore, d: &mut Draft, real: &[String], names_only: bool) -> Option<()> {
    match rng.random_range(0..if names_only { 2 } else { 3 }) {
        0 => {
            let mut words: Vec<String> = d.given.split(' ').map(str::to_string).collect();
            words[0] = faded(rng, &words[0], real)?;
            d.given = words.join(" ");
        }
        1 => d.surname = faded(rng, &d.surname, real)?,
        _ => {
            let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
            let i = rng.random_range(0..words.len());
            words[i] = faded(rng, &words[i], real)?;
            d.street = words.join(" ");
        }
    }
    Some(())
}

/// `æ ø å` as heard: `æ` as `e`, `ø` and `å` as `o` (case kept).
pub fn by_ear(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'æ' => 'e',
            'ø' | 'å' => 'o',
            'Æ' => 'E',
            'Ø' | 'Å' => 'O',
            c => c,
        })
        .collect()
}

/// `take` fields of given names, surname, street and town with `æ ø å` written by ear.
fn ear(rng: &mut dyn RngCore, d: &mut Draft, take: usize, real: &[String]) -> Option<()> {
    let mut fields: Vec<usize> = [&d.given, &d.surname, &d.street, &d.town]
        .iter()
        .enumerate()
        .filter(|(_, f)| has_aeoeaa(f))
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
        let out = by_ear(field);
        if makes_real(&out, field, real) {
            return None;
        }
        *field = out;
    }
    Some(())
}

/// The phone's double-space shortcut: two spaces after the street became `. `; between number
/// and letter `. `, two spaces or one.
fn double_space(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    d.seps = Some((". ", *[". ", "  ", " "].choose(rng)?));
    Some(())
}

fn calendar(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let [before, after] = calendar_rows(d.s.birth);
    d.birth = Some(if rng.random_bool(0.5) { before } else { after }?);
    Some(())
}

/// Every field typed on a Danish keyboard: `æ` and `ø` swapped; at least one changed.
fn danish(d: &mut Draft, real: &[String]) -> Option<()> {
    let mut changed = false;
    for field in [&mut d.given, &mut d.surname, &mut d.street, &mut d.town] {
        let out = danish_swap(field);
        if out != *field {
            if makes_real(&out, field, real) {
                return None;
            }
            changed = true;
            *field = out;
        }
    }
    changed.then_some(())
}

fn transpose_word(rng: &mut dyn RngCore, word: &str, real: &[String]) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let spots: Vec<usize> = (0..chars.len().saturating_sub(1))
        .filter(|&i| {
            chars[i] != chars[i + 1] && chars[i].is_alphabetic() && chars[i + 1].is_alphabetic()
        })
        .collect();
    let i = *spots.choose(rng)?;
    let mut out = chars;
    out.swap(i, i + 1);
    let out: String = out.into_iter().collect();
    (!real.contains(&fold(&out))).then_some(out)
}

fn transpose(rng: &mut dyn RngCore, d: &mut Draft, real: &[String]) -> Option<()> {
    match rng.random_range(0..3) {
        0 => {
            let mut words: Vec<String> = d.given.split(' ').map(str::to_string).collect();
            words[0] = transpose_word(rng, &words[0], real)?;
            d.given = words.join(" ");
        }
        1 => d.surname = transpose_word(rng, &d.surname, real)?,
        _ => {
            let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
            let i = rng.random_range(0..words.len());
            words[i] = transpose_word(rng, &words[i], real)?;
            d.street = words.join(" ");
        }
    }
    Some(())
}

fn repeat(d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let all = d.s.given.join(" ");
    d.given = d.up(format!("{all} {first}"));
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
        SORTED => sorted(rng, world, &mut d)?,
        TOP_ROW => top_row(rng, &mut d)?,
        HOUSE_BOX => house_box(rng, &mut d)?,
        DOOR_SIGN => door_sign(rng, &mut d)?,
        SKELETON => skeleton(&mut d)?,
        LETTER_NAME => letter_name(rng, &mut d)?,
        REUNION => reunion(rng, &mut d)?,
        THERMAL => thermal(rng, &mut d, real, false)?,
        EAR => ear(rng, &mut d, 2, real)?,
        DOUBLE_SPACE => double_space(rng, &mut d)?,
        PAIR_PHONE => {
            top_row(rng, &mut d)?;
            double_space(rng, &mut d)?;
        }
        PAIR_VOICE => {
            ear(rng, &mut d, 1, real)?;
            letter_name(rng, &mut d)?;
        }
        PAIR_LIST => {
            reunion(rng, &mut d)?;
            sorted(rng, world, &mut d)?;
        }
        CALENDAR => calendar(rng, &mut d)?,
        DANISH => danish(&mut d, real)?,
        TRANSPOSE => transpose(rng, &mut d, real)?,
        REPEAT => repeat(&mut d)?,
        _ => {}
    }
    Some(d.query())
}

/// One of this set's damages on a look-alike, so that damage is no cue (none if it does not
/// apply). `keep_postcode` leaves the postcode box to the postcode, `keep_spelling` the first
/// given name to its spelling (a respelling could give back the anchor's own).
fn some_damage(
    rng: &mut dyn RngCore,
    world: &World,
    d: &mut Draft,
    real: &[String],
    keep_postcode: bool,
    keep_spelling: bool,
) {
    let _ = match rng.random_range(0..14) {
        0 => sorted(rng, world, d),
        1 => top_row(rng, d),
        2 if !keep_postcode => house_box(rng, d),
        2 => top_row(rng, d),
        3 => door_sign(rng, d),
        4 => skeleton(d),
        5 => letter_name(rng, d),
        6 if !keep_spelling => reunion(rng, d),
        6 => repeat(d),
        7 => thermal(rng, d, real, false),
        8 => ear(rng, d, 1, real),
        9 => double_space(rng, d),
        10 => calendar(rng, d),
        11 => danish(d, real),
        12 => transpose(rng, d, real),
        _ => repeat(d),
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

/// A birth date a generation (20–38 years) before or after `birth`, within 1920–2008.
fn generation_apart(rng: &mut dyn RngCore, birth: NaiveDate) -> Option<NaiveDate> {
    let gap = rng.random_range(20..=38);
    let later = birth.year() + gap <= 2008 && (birth.year() - gap < 1920 || rng.random_bool(0.5));
    let y = if later {
        birth.year() + gap
    } else {
        birth.year() - gap
    };
    if !(1920..=2008).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(1..=28))
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
    let mut keep_postcode = false;
    let mut keep_spelling = false;
    let (s, birth_rate, damage_rate) = match kind {
        LA_GENERATION => {
            let first = *a.given.first()?;
            let fam = names::family_of(first)?;
            let others: Vec<&str> = fam.iter().copied().filter(|n| *n != first).collect();
            let mut s = a.clone();
            s.given = vec![*others.choose(rng)?];
            if rng.random_bool(0.2) {
                let second = random_plain(rng, a.sex);
                if !a.given.contains(&second) {
                    s.given.push(second);
                }
            }
            s.birth = generation_apart(rng, a.birth)?;
            keep_spelling = true;
            (s, 1.0, 0.3)
        }
        LA_MEMBER => {
            let h = &world.households[world.persons[anchor].household];
            let free: Vec<usize> = h
                .members
                .iter()
                .copied()
                .filter(|&m| !world.persons[m].reserved)
                .collect();
            (subject(world, *free.choose(rng)?), 0.4, 0.5)
        }
        LA_TOWN => {
            let town = world.codes[a.code].1;
            let near = *world.near_towns.get(town)?.choose(rng)?;
            let mut s = a.clone();
            s.code = *world.town_codes[near].choose(rng)?;
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            keep_postcode = true;
            (s, 0.4, 0.3)
        }
        LA_PREFIX => {
            let first = *a.given.first()?;
            let mates: Vec<&str> = names::given_of(a.sex)
                .into_iter()
                .filter(|n| names::starts_alike(n, first))
                .collect();
            let mut s = a.clone();
            s.given = vec![*mates.choose(rng)?];
            if rng.random_bool(0.5) {
                let step = rng.random_range(1..=3);
                s.number = if a.number > step && rng.random_bool(0.5) {
                    a.number - step
                } else {
                    a.number + step
                };
                s.letter = None;
            }
            s.birth = shifted_birth(rng, a.birth, 1..=40);
            (s, 0.4, 0.3)
        }
        LA_REVERSED => {
            if a.given.len() < 2 {
                return None;
            }
            let mut s = a.clone();
            s.given = a.given.iter().rev().copied().collect();
            s.birth = generation_apart(rng, a.birth)?;
            (s, 1.0, 0.3)
        }
        _ => return None,
    };
    let mut d = lay_out(rng, world, s);
    d.birth = rng.random_bool(birth_rate).then_some(d.s.birth);
    if rng.random_bool(damage_rate) {
        some_damage(rng, world, &mut d, real, keep_postcode, keep_spelling);
    }
    Some(d.query())
}
