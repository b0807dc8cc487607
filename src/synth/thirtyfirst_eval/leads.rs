//! The thirty-first set's leads: the layout of a lead before damage, the corruption kinds (a
//! spreadsheet's fill-down postcode, an ICR export's candidate digits, a place field stripped
//! of digits, a housing system's unit key, a narrow bank field's hyphen-glued prefix initial,
//! a comma typed for the initial's dot, a spelling typed by a household member, a phone
//! photo's text recognition, `æ ø å` as ASCII overstrikes, Excel's `TRIM` leaving `CHAR(160)`,
//! a birth date typed into the national-id box, a German keyboard's `y`/`z`, a birth year
//! rebuilt from a stored age, a typewriter's `l` for `1`, a sole proprietorship's `ENK`) and
//! the look-alike kinds (an unreserved household member, a namesake in a town one postcode
//! digit away, a namesake on the same street at a number one digit longer or shorter, a
//! hyphenated given name that extends the anchor's, a grandparent of the same full name whose
//! birth date stands only in the id box), with their shares.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{fold, has_aeoeaa, overstrike as strike, qwertz_swap};
use super::names::{self, Sex};
use super::world::{Shape, World, random_plain};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const FILL_DOWN: &str = "postcode_filled_down_from_row_above_same_town";
/// Issue: postcode misread.
pub const ICR: &str = "postcode_icr_export_keeps_both_candidate_digits";
/// Issue: no postcode, a town.
pub const STRIPPED: &str = "postcode_lost_to_letters_only_sanitiser_in_combined_place_field";
/// Issue: a flat number in the street field.
pub const UNIT_KEY: &str = "bolignummer_as_housing_system_unit_key_after_underscore_or_colon";
/// Issue: abbreviated prefixes.
pub const PREFIX_HYPHEN: &str = "street_prefix_initial_hyphen_glued_in_narrow_bank_field";
/// Issue: initials of person-named streets.
pub const COMMA_INITIAL: &str = "person_street_initial_comma_typed_for_dot_on_phone";
/// Issue: spelling variants of one given name.
pub const SPELLED_BY_HOUSEHOLD: &str = "given_name_other_spelling_typed_by_household_member";
/// Issue: OCR-like confusions.
pub const PHOTO_OCR: &str = "phone_photo_text_recognition_rn_m_l_1_e_c";
/// Issue: lossy transliteration in two fields.
pub const OVERSTRIKE: &str = "aeoeaa_as_ascii_overstrike_o_slash_two_fields";
/// Issue: whitespace.
pub const CHAR160: &str = "excel_trim_leaves_char160_around_house_number";
/// Issue: two corruptions.
pub const PAIR_SHEET: &str = "household_sheet_other_spelling_and_fill_down_postcode";
/// Issue: two corruptions.
pub const PAIR_SCAN: &str = "scanned_coupon_candidate_digits_and_text_recognition";
/// Issue: two corruptions.
pub const PAIR_BANK: &str = "bank_export_prefix_initial_and_char160_house";
/// Own.
pub const ID_BOX: &str = "birth_date_typed_as_six_digits_into_national_id_box";
/// Own.
pub const QWERTZ: &str = "german_qwertz_keyboard_y_z_swapped";
/// Own.
pub const AGE_YEAR: &str = "birth_year_rebuilt_from_stored_age_one_off";
/// Own.
pub const TYPEWRITER: &str = "house_number_typed_with_lowercase_l_for_one";
/// Own.
pub const ENK: &str = "sole_proprietorship_enk_after_surname";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a real unreserved member of the anchor's household, through the same damages.
pub const LA_MEMBER: &str = "unreserved_household_member_on_same_sign_up_sheet";
/// Look-alike: the anchor's name at the anchor's street name, number and letter in another
/// town whose postcode is one digit from the anchor's.
pub const LA_CODE_TOWN: &str = "namesake_same_street_and_number_in_town_one_postcode_digit_away";
/// Look-alike: the anchor's name on the anchor's street at a number one digit longer or
/// shorter (`12` and `112`, `120`, `2`).
pub const LA_DIGIT: &str = "namesake_same_street_house_number_digit_added_or_dropped";
/// Look-alike: a child or parent at the anchor's house whose hyphenated given name begins with
/// the anchor's (`Nils-Petter` at `Nils`'s).
pub const LA_HYPHEN: &str = "hyphenated_given_name_extending_anchors_same_house";
/// Look-alike: a grandparent or grandchild of the anchor's full name at the anchor's house,
/// the birth date only as six digits in the national-id box.
pub const LA_GRAND: &str = "grandparent_same_full_name_same_house_birth_date_only_in_id_box";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (FILL_DOWN, 55),
    (ICR, 55),
    (STRIPPED, 55),
    (UNIT_KEY, 55),
    (PREFIX_HYPHEN, 55),
    (COMMA_INITIAL, 55),
    (SPELLED_BY_HOUSEHOLD, 55),
    (PHOTO_OCR, 55),
    (OVERSTRIKE, 55),
    (CHAR160, 55),
    (PAIR_SHEET, 50),
    (PAIR_SCAN, 50),
    (PAIR_BANK, 50),
    (ID_BOX, 50),
    (QWERTZ, 50),
    (AGE_YEAR, 50),
    (TYPEWRITER, 50),
    (ENK, 50),
    (UNCHANGED, 50),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_MEMBER, 200),
    (LA_CODE_TOWN, 200),
    (LA_DIGIT, 200),
    (LA_HYPHEN, 200),
    (LA_GRAND, 200),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    PAIR_BANK,
    COMMA_INITIAL,
    PREFIX_HYPHEN,
    PAIR_SHEET,
    SPELLED_BY_HOUSEHOLD,
    QWERTZ,
    OVERSTRIKE,
    TYPEWRITER,
    FILL_DOWN,
    PAIR_SCAN,
    PHOTO_OCR,
    ICR,
    STRIPPED,
    UNIT_KEY,
    CHAR160,
    ID_BOX,
    AGE_YEAR,
    ENK,
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
    /// Written right after the house in the street field (a unit key, a trailing blank).
    after: String,
    /// The house number with a typewriter's `l` for `1`.
    typewriter: bool,
    postcode: String,
    town: String,
    birth: Option<NaiveDate>,
    national_id: Option<String>,
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
        typewriter: false,
        postcode: code.clone(),
        town: if caps || rng.random_bool(0.45) {
            town.clone()
        } else {
            title(town)
        },
        birth: rng.random_bool(0.5).then_some(s.birth),
        national_id: None,
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
        let number = if self.typewriter {
            self.s.number.to_string().replace('1', "l")
        } else {
            self.s.number.to_string()
        };
        let (mut street, mut house_number, mut house_letter) = (
            self.street.clone(),
            number.clone(),
            letter.map(String::from).unwrap_or_default(),
        );
        if self.in_street {
            let (a, b) = self.seps.unwrap_or((" ", " "));
            let house = match letter {
                Some(l) if self.glued => format!("{number}{l}"),
                Some(l) => format!("{number}{b}{l}"),
                None => number.clone(),
            };
            street = format!("{street}{a}{house}{}", self.after);
            house_number.clear();
            house_letter.clear();
        }
        PersonQuery {
            given_names: self.given.clone(),
            surname: self.surname.clone(),
            street,
            house_number,
            house_letter,
            postcode: self.postcode.clone(),
            city: self.town.clone(),
            birth_date: self.birth,
            national_id: self.national_id.clone(),
        }
    }
}

/// Whether a changed word is a real name of the lists (a damage must never make one).
fn makes_real(out: &str, orig: &str, real: &[String]) -> bool {
    out.split(' ')
        .zip(orig.split(' '))
        .any(|(a, b)| a != b && real.contains(&fold(a)))
}

// --- damages -------------------------------------------------------------------------------

/// The postcode of the row above, filled down (Ctrl+D) in a sheet sorted by town: another
/// code of the same town.
fn fill_down(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let town = world.codes[d.s.code].1;
    let options: Vec<usize> = world.town_codes[town]
        .iter()
        .copied()
        .filter(|&c| c != d.s.code)
        .collect();
    d.postcode = world.codes[*options.choose(rng)?].0.clone();
    Some(())
}

/// The digit a handwriting recogniser hesitates over for `d`.
fn icr_rival(d: char) -> Option<char> {
    Some(match d {
        '0' => '6',
        '1' => '7',
        '2' => '7',
        '3' => '8',
        '4' => '9',
        '5' => '6',
        '6' => '5',
        '7' => '1',
        '8' => '3',
        '9' => '4',
        _ => return None,
    })
}

/// One digit of the postcode left by an ICR export as its two candidates in brackets
/// (`50[3|8]1`, `50(8/3)1`, `50[38]1`), the right one first or second.
fn icr(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    if d.postcode.len() != 4 || !d.postcode.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let chars: Vec<char> = d.postcode.chars().collect();
    let i = rng.random_range(0..4);
    let right = chars[i];
    let wrong = icr_rival(right)?;
    let (a, b) = if rng.random_bool(0.5) {
        (right, wrong)
    } else {
        (wrong, right)
    };
    let group = match rng.random_range(0..3) {
        0 => format!("[{a}|{b}]"),
        1 => format!("({a}/{b})"),
        _ => format!("[{a}{b}]"),
    };
    let head: String = chars[..i].iter().collect();
    let tail: String = chars[i + 1..].iter().collect();
    d.postcode = format!("{head}{group}{tail}");
    Some(())
}

/// The postcode typed into a combined place field that a letters-only sanitiser stripped of
/// its digits: the postcode box empty, the town with what was around the code.
fn stripped(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.postcode.clear();
    let t = d.town.clone();
    d.town = match rng.random_range(0..4) {
        0 => format!(" {t}"),
        1 => format!("{t} ()"),
        2 => format!("-{t}"),
        _ => format!("{t}, "),
    };
    Some(())
}

/// The bolignummer glued to the house as a housing system's unit key (`12_H0203`,
/// `12B:H0203`).
fn unit_key(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    let h = if rng.random_bool(0.2) { 'h' } else { 'H' };
    let sep = if rng.random_bool(0.5) { '_' } else { ':' };
    d.after = format!(
        "{sep}{h}0{}0{}",
        rng.random_range(1..=5),
        rng.random_range(1..=4)
    );
    Some(())
}

/// The prefix cut to its initial and hyphen-glued to the rest (`Ø-Sporveien`), as a narrow
/// bank field's address shortener does.
fn prefix_hyphen(d: &mut Draft) -> Option<()> {
    let Shape::Compound {
        prefix: Some(p), ..
    } = d.s.shape
    else {
        return None;
    };
    let initial: String = names::PREFIXES[p].chars().take(1).collect();
    let (_, rest) = d.street.split_once(' ')?;
    d.street = format!("{}-{rest}", d.up(initial));
    Some(())
}

/// The person street's given name as its initial with a comma typed for the dot (the keys sit
/// side by side on a phone): `C, Pihls gate`, or glued, `C,Pihls gate`.
fn comma_initial(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let Shape::Person { who, .. } = d.s.shape else {
        return None;
    };
    let g = names::RAIL_PEOPLE[who].0;
    let initial: String = g.chars().take(1).collect();
    if initial.is_empty() {
        return None;
    }
    let (_, rest) = d.street.split_once(' ')?;
    let sep = if rng.random_bool(0.6) { ", " } else { "," };
    d.street = format!("{}{sep}{rest}", d.up(initial));
    Some(())
}

/// The first given name in another spelling of its family, as a household member filling in
/// the form for them writes it.
fn spelled_by_household(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let fam = names::family_of(first)?;
    let others: Vec<&str> = fam.iter().copied().filter(|n| *n != first).collect();
    let mut words = vec![*others.choose(rng)?];
    words.extend_from_slice(&d.s.given[1..]);
    d.given = d.up(words.join(" "));
    Some(())
}

/// One text-recognition confusion at `at` (a byte index) of `s`, if one applies there:
/// `rn`→`m`, `m`→`rn`, `l`→`1`, `e`→`c` (either case).
fn confuse_at(s: &str, at: usize) -> Option<String> {
    let rest = &s[at..];
    let (from, to) = if rest.starts_with("rn") {
        ("rn", "m")
    } else if rest.starts_with("RN") {
        ("RN", "M")
    } else if rest.starts_with('m') {
        ("m", "rn")
    } else if rest.starts_with('M') {
        ("M", "RN")
    } else if rest.starts_with('l') {
        ("l", "1")
    } else if rest.starts_with('L') {
        ("L", "1")
    } else if rest.starts_with('e') {
        ("e", "c")
    } else if rest.starts_with('E') {
        ("E", "C")
    } else {
        return None;
    };
    Some(format!("{}{to}{}", &s[..at], &s[at + from.len()..]))
}

/// The word with one confusion, never a real name of the lists.
fn recognised(rng: &mut dyn RngCore, word: &str, real: &[String]) -> Option<String> {
    let spots: Vec<usize> = word
        .char_indices()
        .filter(|&(i, _)| confuse_at(word, i).is_some())
        .map(|(i, _)| i)
        .collect();
    let out = confuse_at(word, *spots.choose(rng)?)?;
    (!real.contains(&fold(&out))).then_some(out)
}

/// One confusion in the first given name, the surname, a street word or (unless `names_only`)
/// the town.
fn photo_ocr(rng: &mut dyn RngCore, d: &mut Draft, real: &[String]) -> Option<()> {
    match rng.random_range(0..4) {
        0 => {
            let mut words: Vec<String> = d.given.split(' ').map(str::to_string).collect();
            words[0] = recognised(rng, &words[0], real)?;
            d.given = words.join(" ");
        }
        1 => d.surname = recognised(rng, &d.surname, real)?,
        2 => {
            let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
            let i = rng.random_range(0..words.len());
            words[i] = recognised(rng, &words[i], real)?;
            d.street = words.join(" ");
        }
        _ => {
            let mut words: Vec<String> = d.town.split(' ').map(str::to_string).collect();
            let i = rng.random_range(0..words.len());
            words[i] = recognised(rng, &words[i], real)?;
            d.town = words.join(" ");
        }
    }
    Some(())
}

/// `take` fields of given names, surname, street and town with `æ ø å` as ASCII overstrikes;
/// at least one `ø` among them (the `o/` the kind is named after).
fn overstrike(rng: &mut dyn RngCore, d: &mut Draft, take: usize, real: &[String]) -> Option<()> {
    let mut fields: Vec<usize> = [&d.given, &d.surname, &d.street, &d.town]
        .iter()
        .enumerate()
        .filter(|(_, f)| has_aeoeaa(f))
        .map(|(i, _)| i)
        .collect();
    if fields.len() < take {
        return None;
    }
    let mut slash = false;
    for _ in 0..take {
        let i = rng.random_range(0..fields.len());
        let field = match fields.remove(i) {
            0 => &mut d.given,
            1 => &mut d.surname,
            2 => &mut d.street,
            _ => &mut d.town,
        };
        let out = strike(field);
        if makes_real(&out, field, real) {
            return None;
        }
        slash |= out.contains("o/") || out.contains("O/");
        *field = out;
    }
    slash.then_some(())
}

/// Excel's `TRIM` removes ordinary blanks but not `CHAR(160)`: the house joined to the street
/// with no-break spaces (alone or beside blanks), and one left after it in half the leads.
fn char160(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    let a = *["\u{a0}", "\u{a0}\u{a0}", " \u{a0}", "\u{a0} "].choose(rng)?;
    let b = *["\u{a0}", " \u{a0}", "\u{a0}\u{a0}"].choose(rng)?;
    d.seps = Some((a, b));
    if d.after.is_empty() && rng.random_bool(0.5) {
        d.after = "\u{a0}".to_string();
    }
    Some(())
}

/// The birth date typed as six digits (`ddmmyy`, 30 % with dots) into the national-id box,
/// the birth-date field empty.
fn id_box(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let b = d.s.birth;
    let yy = b.year().rem_euclid(100);
    d.national_id = Some(if rng.random_bool(0.3) {
        format!("{:02}.{:02}.{yy:02}", b.day(), b.month())
    } else {
        format!("{:02}{:02}{yy:02}", b.day(), b.month())
    });
    d.birth = None;
    Some(())
}

/// Every field typed on a German keyboard: `y` and `z` swapped; at least one changed.
fn qwertz(d: &mut Draft, real: &[String]) -> Option<()> {
    let mut changed = false;
    for field in [&mut d.given, &mut d.surname, &mut d.street, &mut d.town] {
        let out = qwertz_swap(field);
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

/// The birth date shown with its year rebuilt from a stored age: a year early or late, day
/// and month kept.
fn age_year(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let b = d.s.birth;
    let y = b.year() + if rng.random_bool(0.5) { 1 } else { -1 };
    d.birth = Some(NaiveDate::from_ymd_opt(y, b.month(), b.day())?);
    d.national_id = None;
    Some(())
}

/// The house number typed with a lower-case `l` for every `1` (a typewriter habit); numbers
/// with a `1` and another digit only.
fn typewriter(d: &mut Draft) -> Option<()> {
    let n = d.s.number.to_string();
    if !n.contains('1') || !n.chars().any(|c| c != '1') {
        return None;
    }
    d.typewriter = true;
    Some(())
}

/// A sole proprietorship's `ENK` after the surname (a lead bought from a business register).
fn enk(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let tag = if d.caps {
        "ENK"
    } else {
        *["ENK", "enk", "Enk", "(ENK)"].choose(rng)?
    };
    d.surname = format!("{} {tag}", d.surname);
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
        FILL_DOWN => fill_down(rng, world, &mut d)?,
        ICR => icr(rng, &mut d)?,
        STRIPPED => stripped(rng, &mut d)?,
        UNIT_KEY => unit_key(rng, &mut d)?,
        PREFIX_HYPHEN => prefix_hyphen(&mut d)?,
        COMMA_INITIAL => comma_initial(rng, &mut d)?,
        SPELLED_BY_HOUSEHOLD => spelled_by_household(rng, &mut d)?,
        PHOTO_OCR => photo_ocr(rng, &mut d, real)?,
        OVERSTRIKE => overstrike(rng, &mut d, 2, real)?,
        CHAR160 => char160(rng, &mut d)?,
        PAIR_SHEET => {
            spelled_by_household(rng, &mut d)?;
            fill_down(rng, world, &mut d)?;
        }
        PAIR_SCAN => {
            icr(rng, &mut d)?;
            photo_ocr(rng, &mut d, real)?;
        }
        PAIR_BANK => {
            prefix_hyphen(&mut d)?;
            char160(rng, &mut d)?;
        }
        ID_BOX => id_box(rng, &mut d)?,
        QWERTZ => qwertz(&mut d, real)?,
        AGE_YEAR => age_year(rng, &mut d)?,
        TYPEWRITER => typewriter(&mut d)?,
        ENK => enk(rng, &mut d)?,
        _ => {}
    }
    Some(d.query())
}

/// One of this set's damages on a look-alike, so that damage is no cue (none if it does not
/// apply). `keep_postcode` leaves the postcode to the postcode, `keep_birth` the birth date
/// where it stands.
fn some_damage(
    rng: &mut dyn RngCore,
    world: &World,
    d: &mut Draft,
    real: &[String],
    keep_postcode: bool,
    keep_birth: bool,
) {
    let _ = match rng.random_range(0..15) {
        0 if !keep_postcode => fill_down(rng, world, d),
        1 if !keep_postcode => icr(rng, d),
        2 if !keep_postcode => stripped(rng, d),
        0..=2 => unit_key(rng, d),
        3 => unit_key(rng, d),
        4 => prefix_hyphen(d),
        5 => comma_initial(rng, d),
        6 => photo_ocr(rng, d, real),
        7 => overstrike(rng, d, 1, real),
        8 => char160(rng, d),
        9 if !keep_birth => id_box(rng, d),
        10 if !keep_birth && d.birth.is_some() => age_year(rng, d),
        9 | 10 => enk(rng, d),
        11 => qwertz(d, real),
        12 => typewriter(d),
        13 => enk(rng, d),
        _ => spelled_by_household(rng, d),
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

/// A birth date `gap` years before or after `birth`, within `lo..=2008`.
fn years_apart(
    rng: &mut dyn RngCore,
    birth: NaiveDate,
    gap: std::ops::RangeInclusive<i32>,
    lo: i32,
) -> Option<NaiveDate> {
    let gap = rng.random_range(gap);
    let later = birth.year() + gap <= 2008 && (birth.year() - gap < lo || rng.random_bool(0.5));
    let y = if later {
        birth.year() + gap
    } else {
        birth.year() - gap
    };
    if !(lo..=2008).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(1..=28))
}

/// House numbers one digit longer or shorter than `n`: a digit added in front, at the end or
/// inside, or one dropped (never a leading zero, never zero, never `n`).
pub fn digit_neighbours(n: u32) -> Vec<u32> {
    let s = n.to_string();
    let mut out = Vec::new();
    for i in 0..=s.len() {
        for d in '0'..='9' {
            let v = format!("{}{d}{}", &s[..i], &s[i..]);
            out.push(v);
        }
    }
    if s.len() >= 2 {
        for i in 0..s.len() {
            out.push(format!("{}{}", &s[..i], &s[i + 1..]));
        }
    }
    let mut nums: Vec<u32> = out
        .into_iter()
        .filter(|v| !v.starts_with('0'))
        .filter_map(|v| v.parse().ok())
        .filter(|&v| v != n && v > 0 && v <= 199)
        .collect();
    nums.sort_unstable();
    nums.dedup();
    nums
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
    let mut keep_birth = false;
    let mut hyphenated = None;
    let mut id_only = false;
    let (s, birth_rate, damage_rate) = match kind {
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
        LA_CODE_TOWN => {
            let mut s = a.clone();
            s.code = *world.codes_one_digit_away(a.code).choose(rng)?;
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            keep_postcode = true;
            (s, 0.4, 0.3)
        }
        LA_DIGIT => {
            let mut s = a.clone();
            s.number = *digit_neighbours(a.number).choose(rng)?;
            s.letter = None;
            s.birth = shifted_birth(rng, a.birth, 1..=40);
            (s, 0.4, 0.3)
        }
        LA_HYPHEN => {
            let first = *a.given.first()?;
            let mut second = None;
            for _ in 0..10 {
                let c = random_plain(rng, a.sex);
                if !a.given.iter().any(|g| names::same_given(g, c)) {
                    second = Some(c);
                    break;
                }
            }
            let second = second?;
            let mut s = a.clone();
            s.given = vec![first, second];
            s.birth = years_apart(rng, a.birth, 20..=38, 1920)?;
            hyphenated = Some(format!("{first}-{second}"));
            (s, 0.6, 0.3)
        }
        LA_GRAND => {
            let mut s = a.clone();
            s.birth = years_apart(rng, a.birth, 45..=75, 1910)?;
            keep_birth = true;
            id_only = true;
            (s, 0.0, 0.3)
        }
        _ => return None,
    };
    let mut d = lay_out(rng, world, s);
    if let Some(h) = hyphenated {
        d.given = d.up(h);
    }
    d.birth = rng.random_bool(birth_rate).then_some(d.s.birth);
    if id_only {
        id_box(rng, &mut d)?;
    }
    if rng.random_bool(damage_rate) {
        // A respelling of a hyphenated name would lose its hyphen; it gets another damage.
        if kind == LA_HYPHEN {
            let _ = match rng.random_range(0..5) {
                0 => enk(rng, &mut d),
                1 => unit_key(rng, &mut d),
                2 => char160(rng, &mut d),
                3 => icr(rng, &mut d),
                _ => typewriter(&mut d),
            };
        } else {
            some_damage(rng, world, &mut d, real, keep_postcode, keep_birth);
        }
    }
    Some(d.query())
}
