//! The thirty-fourth set's leads, from hunting and fishing licence sources: the layout of a
//! lead before damage, the corruption kinds (the postcode of the sports shop that sold the
//! fishing card, a wet catch report's postcode read by a form reader that takes `4 7 8` for
//! `A T B`, an eight-digit hunter number in the postcode box with the town kept, a bolignummer
//! typed into a numeric unit field that loses its `H`, street prefixes initialled on a hunting
//! team secretary's roll, person streets initialled and their type shortened on a GPS
//! waypoint label, a given name in another spelling entered by the hunting team leader, a wet
//! fishing card photographed and read by text recognition, `æ ø å` flattened by a Code 39
//! barcode on the hunting fee card, street, number and letter split by per-em spaces of a
//! typeset yearbook, their pairs, and fields dictated to a phone assistant that ends each with
//! a full stop) and the look-alike kinds (an unreserved housemate, a namesake at the same
//! number of the twin street whose prefix has the same initial, a namesake at the same number
//! of the same person's street of another type, a namesake elsewhere born the same day a month
//! apart, a neighbour in another letter of the same number with a sound-alike surname), with
//! their shares.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{BARCODE, fold, ocr_canon, retyped};
use super::names;
use super::world::{Shape, World};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const KIOSK: &str = "postcode_of_sports_shop_that_sold_the_fishing_card_same_town";
/// Issue: postcode misread.
pub const CATCH_ICR: &str = "postcode_on_wet_catch_report_read_by_form_reader_a_t_b_for_4_7_8";
/// Issue: no postcode, a town.
pub const HUNTER_NO: &str = "postcode_box_holds_eight_digit_hunter_number_town_kept";
/// Issue: a flat number in the street field.
pub const UNIT_DIGITS: &str = "bolignummer_typed_into_numeric_unit_field_loses_its_h_after_house";
/// Issue: abbreviated prefixes.
pub const SECRETARY: &str = "street_prefix_initialled_on_hunting_team_secretary_roll";
/// Issue: initials of person-named streets.
pub const WAYPOINT: &str = "person_street_given_initial_and_type_shortened_on_gps_waypoint_label";
/// Issue: spelling variants of one given name.
pub const TEAM_LEADER: &str = "given_name_other_spelling_entered_by_hunting_team_leader";
/// Issue: OCR-like confusions.
pub const WET_PHOTO: &str = "wet_fishing_card_photo_text_recognition_rn_m_l_1_dotless_i";
/// Issue: lossy transliteration in two fields.
pub const CODE39: &str = "aeoeaa_flattened_by_code39_barcode_on_hunting_fee_card_two_fields";
/// Issue: whitespace.
pub const YEARBOOK: &str = "street_number_letter_split_by_per_em_spaces_from_typeset_yearbook_pdf";
/// Issue: two corruptions.
pub const PAIR_LEADER_KIOSK: &str = "team_leader_spelling_and_sports_shop_postcode";
/// Issue: two corruptions.
pub const PAIR_SECRETARY_UNIT: &str = "secretary_prefix_initial_and_unit_digits_without_h";
/// Issue: two corruptions.
pub const PAIR_PHOTO_HUNTER: &str =
    "wet_card_photo_name_recognition_and_hunter_number_in_postcode_box";
/// Own.
pub const DICTATED: &str = "fields_dictated_to_phone_assistant_each_ending_in_full_stop";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a real unreserved member of the anchor's household, through the same damages.
pub const LA_MEMBER: &str = "unreserved_housemate_through_hunting_set_damages";
/// Look-alike: the anchor's name at the anchor's number and letter on the street whose prefix
/// has the same initial (`Østre Elgveien` for `Øvre Elgveien`), a real street of the anchor's
/// town.
pub const LA_PREFIX_TWIN: &str =
    "namesake_same_number_on_twin_street_whose_prefix_shares_the_initial";
/// Look-alike: the anchor's name at the anchor's number and letter on the same person's street
/// of another type (`Henry Rudis gate` for `Henry Rudis vei`), a real street of the anchor's
/// town.
pub const LA_TYPE_TWIN: &str = "namesake_same_number_on_same_persons_street_of_other_type";
/// Look-alike: the anchor's name in another town, born the same day and year a month before or
/// after (shown).
pub const LA_MONTH: &str = "namesake_other_town_born_same_day_one_month_apart";
/// Look-alike: the anchor's given names with the sound-alike twin of the anchor's surname
/// (`Seter` for `Sæther`), in another letter of the anchor's street and number.
pub const LA_SURNAME_TWIN: &str = "neighbour_other_letter_same_number_with_sound_alike_surname";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (KIOSK, 65),
    (CATCH_ICR, 65),
    (HUNTER_NO, 65),
    (UNIT_DIGITS, 65),
    (SECRETARY, 65),
    (WAYPOINT, 65),
    (TEAM_LEADER, 65),
    (WET_PHOTO, 65),
    (CODE39, 65),
    (YEARBOOK, 65),
    (PAIR_LEADER_KIOSK, 70),
    (PAIR_SECRETARY_UNIT, 70),
    (PAIR_PHOTO_HUNTER, 70),
    (DICTATED, 90),
    (UNCHANGED, 50),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_MEMBER, 200),
    (LA_PREFIX_TWIN, 200),
    (LA_TYPE_TWIN, 200),
    (LA_MONTH, 200),
    (LA_SURNAME_TWIN, 200),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    WAYPOINT,
    PAIR_SECRETARY_UNIT,
    SECRETARY,
    CODE39,
    PAIR_LEADER_KIOSK,
    TEAM_LEADER,
    PAIR_PHOTO_HUNTER,
    WET_PHOTO,
    CATCH_ICR,
    KIOSK,
    HUNTER_NO,
    UNIT_DIGITS,
    YEARBOOK,
    DICTATED,
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
    surname: String,
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
        surname: person.surname.to_string(),
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
    /// Written right after the house in the street field (a bolignummer, a full stop).
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

/// The layout before damage: capitals in 10 %, the town as `NO.tsv` writes it (45 %) or in
/// title case, the house in the street field in half (a quarter of those glued, `12b`), the
/// birth date shown in 45 %.
fn lay_out(rng: &mut dyn RngCore, world: &World, s: Subject) -> Draft {
    let caps = rng.random_bool(0.10);
    let up = |t: String| if caps { t.to_uppercase() } else { t };
    let (code, town) = &world.codes[s.code];
    let town = &world.towns[*town];
    let in_street = rng.random_bool(0.5);
    Draft {
        caps,
        given: up(s.given.join(" ")),
        surname: up(s.surname.clone()),
        street: up(s.shape.name()),
        in_street,
        glued: in_street && rng.random_bool(0.25),
        seps: None,
        after: String::new(),
        postcode: code.clone(),
        town: if caps || rng.random_bool(0.45) {
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
        let number = self.s.number.to_string();
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
            national_id: None,
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

/// The sports shops of a town that sell fishing cards and hunting licences: up to three of
/// its postcodes, fixed per town (so that every card sold in a shop carries the same code).
pub fn shop_codes(world: &World, town: usize) -> Vec<usize> {
    let codes = &world.town_codes[town];
    let n = codes.len();
    let mut out = Vec::new();
    for k in 0..n.min(3) {
        let c = codes[(town * 7 + k * 13 + k * k) % n];
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The postcode of the sports shop in the person's town that sold the card, entered by the
/// shop's till; the town kept.
fn kiosk(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let town = world.codes[d.s.code].1;
    let shops: Vec<usize> = shop_codes(world, town)
        .into_iter()
        .filter(|&c| c != d.s.code)
        .collect();
    d.postcode = world.codes[*shops.choose(rng)?].0.clone();
    Some(())
}

/// One digit (two in a quarter) of the postcode on a wet catch report read by a form reader
/// as a letter: `4` as `A` (an open four), `7` as `T` (a crossed seven), `8` as `B`.
fn catch_icr(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let mut chars: Vec<char> = d.postcode.chars().collect();
    if chars.len() != 4 || !chars.iter().all(char::is_ascii_digit) {
        return None;
    }
    let mut spots: Vec<usize> = (0..4)
        .filter(|&i| matches!(chars[i], '4' | '7' | '8'))
        .collect();
    if spots.is_empty() {
        return None;
    }
    let take = if spots.len() >= 2 && rng.random_bool(0.25) {
        2
    } else {
        1
    };
    for _ in 0..take {
        let i = spots.remove(rng.random_range(0..spots.len()));
        chars[i] = match chars[i] {
            '4' => 'A',
            '7' => 'T',
            _ => 'B',
        };
    }
    d.postcode = chars.into_iter().collect();
    Some(())
}

/// The eight-digit hunter number (from the hunter register) typed into the postcode box of a
/// hunting fee form, the box beside it; the town kept.
fn hunter_no(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.postcode = rng.random_range(10_000_000..100_000_000u32).to_string();
    Some(())
}

/// The bolignummer typed into a numeric-only unit field, which drops its `H`, and appended
/// after the house (`Elgveien 12 0304`, `Elgveien 12b, 0304`).
fn unit_digits(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.seps = None;
    let sep = if rng.random_bool(0.3) { ", " } else { " " };
    d.after = format!(
        "{sep}0{}0{}",
        rng.random_range(1..=9),
        rng.random_range(1..=6)
    );
    Some(())
}

/// The street prefix initialled on a hunting team secretary's handwritten roll: `Ø.`, `N.`,
/// `S.`, `L.`, `V.`, and `St.` for Store (`Ø. Elgveien`).
fn secretary(d: &mut Draft) -> Option<()> {
    let Shape::Compound {
        prefix: Some(p), ..
    } = d.s.shape
    else {
        return None;
    };
    let short = names::PREFIX_SHORT.get(p)?.to_string();
    let (_, rest) = d.street.split_once(' ')?;
    d.street = format!("{} {rest}", d.up(short));
    Some(())
}

/// A person street as a GPS waypoint label writes it: the given name initialled with a dot and,
/// in 60 %, the type shortened (`H. Rudis v.`, `T. Elgsetes pl.`, `W. Woldstads gate`).
fn waypoint(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let Shape::Person { who, kind } = d.s.shape else {
        return None;
    };
    let initial: String = names::HUNTERS.get(who)?.0.chars().take(1).collect();
    let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
    if words.len() != 3 {
        return None;
    }
    words[0] = d.up(format!("{initial}."));
    if rng.random_bool(0.6) {
        words[2] = d.up(names::TYPE_SHORT.get(kind)?.to_string());
    }
    d.street = words.join(" ");
    Some(())
}

/// The first given name in another spelling of its family, as the hunting team leader who
/// registers the whole team writes it.
fn team_leader(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let fam = names::family_of(first)?;
    let others: Vec<&str> = fam.iter().copied().filter(|n| *n != first).collect();
    let mut words = vec![*others.choose(rng)?];
    words.extend_from_slice(&d.s.given[1..]);
    d.given = d.up(words.join(" "));
    Some(())
}

/// One text-recognition confusion at `at` (a byte index, never the first letter) of `s`, if
/// one applies there: `rn`→`m`, `m`→`rn`, `l`→`1`, a capital `I`→`1`, a small `i` whose dot
/// the water took → `l`.
fn confuse_at(s: &str, at: usize) -> Option<String> {
    if at == 0 {
        return None;
    }
    let rest = &s[at..];
    let pairs: &[(&str, &str)] = &[
        ("rn", "m"),
        ("RN", "M"),
        ("m", "rn"),
        ("M", "RN"),
        ("l", "1"),
        ("I", "1"),
        ("i", "l"),
    ];
    let &(from, to) = pairs.iter().find(|(f, _)| rest.starts_with(f))?;
    let tail = &s[at + from.len()..];
    Some(format!("{}{to}{tail}", &s[..at]))
}

/// The word with one confusion that reads back to it, never a real name of the lists.
fn recognised(rng: &mut dyn RngCore, word: &str, real: &[String]) -> Option<String> {
    let spots: Vec<usize> = word
        .char_indices()
        .filter(|&(i, _)| confuse_at(word, i).is_some())
        .map(|(i, _)| i)
        .collect();
    let out = confuse_at(word, *spots.choose(rng)?)?;
    let ok = !real.contains(&fold(&out)) && ocr_canon(&fold(&out)) == ocr_canon(&fold(word));
    ok.then_some(out)
}

/// One confusion in a field of `fields` (0 the first given name, 1 the surname, 2 a street
/// word, 3 a town word), as text recognition of a photographed wet fishing card makes it.
fn wet_photo(
    rng: &mut dyn RngCore,
    d: &mut Draft,
    real: &[String],
    fields: &[usize],
) -> Option<()> {
    match *fields.choose(rng)? {
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

/// The field (0 given, 1 surname, 2 street, 3 town) of a draft.
fn field_mut(d: &mut Draft, i: usize) -> &mut String {
    match i {
        0 => &mut d.given,
        1 => &mut d.surname,
        2 => &mut d.street,
        _ => &mut d.town,
    }
}

/// The lead read back from the Code 39 barcode of a hunting fee card, whose encoder knows only
/// capitals: every field in capitals, `æ` as `AE`, `ø` as `O`, `å` as `A`; only for leads with
/// `æ ø å` in at least two fields (`at_least`), never making a real name.
fn code39(d: &mut Draft, at_least: usize, real: &[String]) -> Option<()> {
    let mut changed = 0;
    d.caps = true;
    d.glued = false;
    for i in 0..4 {
        let field = field_mut(d, i);
        let up = field.to_uppercase();
        let out = retyped(&up, BARCODE);
        if out != up {
            if makes_real(&out, &up, real) {
                return None;
            }
            changed += 1;
        }
        *field = out;
    }
    (changed >= at_least).then_some(())
}

/// Per-em spaces of a typeset page.
const PER_EM: &[&str] = &[
    "\u{2004}",
    "\u{2005}",
    "\u{2006}",
    "\u{2005}\u{2005}",
    " \u{2006}",
    "\u{2004} ",
];

/// Street, number and letter copied from a fishing association's yearbook typeset for print
/// and read out of its PDF: three-, four- and six-per-em spaces (sometimes two, sometimes
/// beside a blank) between street, number and letter, and between the street's words in half.
fn yearbook(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    let a = *PER_EM.choose(rng)?;
    let b = *PER_EM.choose(rng)?;
    d.seps = Some((a, b));
    if rng.random_bool(0.5) {
        let w = *PER_EM[..3].choose(rng)?;
        d.street = d.street.replace(' ', w);
    }
    Some(())
}

/// Fields dictated to a phone's voice assistant, which ends each utterance with a full stop:
/// the surname and the street line (`Elgveien 12 B.`) always, the given names and the town
/// each in 60 %.
fn dictated(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.after = ".".to_string();
    d.surname.push('.');
    if rng.random_bool(0.6) {
        d.given.push('.');
    }
    if rng.random_bool(0.6) {
        d.town.push('.');
    }
    Some(())
}

/// The real names of the lists, as keys.
pub fn real_keys() -> Vec<String> {
    names::all_given()
        .into_iter()
        .chain(names::SURNAMES.iter().copied())
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
        KIOSK => kiosk(rng, world, &mut d)?,
        CATCH_ICR => catch_icr(rng, &mut d)?,
        HUNTER_NO => hunter_no(rng, &mut d)?,
        UNIT_DIGITS => unit_digits(rng, &mut d)?,
        SECRETARY => secretary(&mut d)?,
        WAYPOINT => waypoint(rng, &mut d)?,
        TEAM_LEADER => team_leader(rng, &mut d)?,
        WET_PHOTO => wet_photo(rng, &mut d, real, &[0, 1, 2, 3])?,
        CODE39 => code39(&mut d, 2, real)?,
        YEARBOOK => yearbook(rng, &mut d)?,
        PAIR_LEADER_KIOSK => {
            team_leader(rng, &mut d)?;
            kiosk(rng, world, &mut d)?;
        }
        PAIR_SECRETARY_UNIT => {
            secretary(&mut d)?;
            unit_digits(rng, &mut d)?;
        }
        PAIR_PHOTO_HUNTER => {
            wet_photo(rng, &mut d, real, &[0, 1])?;
            hunter_no(rng, &mut d)?;
        }
        DICTATED => dictated(rng, &mut d)?,
        _ => {}
    }
    Some(d.query())
}

/// One of this set's damages on a look-alike, so that damage is no cue (none if it does not
/// apply). `keep_given` leaves the given names' letters alone.
fn some_damage(
    rng: &mut dyn RngCore,
    world: &World,
    d: &mut Draft,
    real: &[String],
    keep_given: bool,
) {
    let ocr_fields: &[usize] = if keep_given {
        &[1, 2, 3]
    } else {
        &[0, 1, 2, 3]
    };
    let _ = match rng.random_range(0..11) {
        0 => kiosk(rng, world, d),
        1 => catch_icr(rng, d),
        2 => hunter_no(rng, d),
        3 => unit_digits(rng, d),
        4 => secretary(d),
        5 => waypoint(rng, d),
        6 if !keep_given => team_leader(rng, d),
        7 => wet_photo(rng, d, real, ocr_fields),
        8 => {
            // On a copy: a lead with `æ ø å` in one field only keeps its letters.
            let mut c = d.clone();
            let r = code39(&mut c, 1, real);
            if r.is_some() {
                *d = c;
            }
            r
        }
        9 => dictated(rng, d),
        _ => yearbook(rng, d),
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

/// The twin street of the anchor's street in the anchor's town for a look-alike kind: the
/// street whose prefix shares the initial, or the same person's street of another type.
fn twin_street(world: &World, kind: &str, p: usize) -> Vec<usize> {
    let h = &world.households[world.persons[p].household];
    let street = &world.streets[h.street];
    let town = world.codes[street.code].1;
    match (kind, street.shape) {
        (
            LA_PREFIX_TWIN,
            Shape::Compound {
                prefix: Some(pr),
                stem,
                ending,
            },
        ) => names::prefix_partner(pr)
            .and_then(|q| {
                world.street_named(
                    town,
                    Shape::Compound {
                        prefix: Some(q),
                        stem,
                        ending,
                    },
                )
            })
            .into_iter()
            .collect(),
        (LA_TYPE_TWIN, Shape::Person { who, kind: k }) => (0..names::PERSON_TYPES.len())
            .filter(|&o| o != k)
            .filter_map(|o| world.street_named(town, Shape::Person { who, kind: o }))
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether reserved person `p` can anchor a look-alike of `kind` (a cheap check before
/// drawing).
pub fn anchors(world: &World, kind: &str, p: usize) -> bool {
    let person = &world.persons[p];
    let h = &world.households[person.household];
    match kind {
        LA_MEMBER => h.members.iter().any(|&m| !world.persons[m].reserved),
        LA_PREFIX_TWIN | LA_TYPE_TWIN => !twin_street(world, kind, p).is_empty(),
        LA_SURNAME_TWIN => h.letter.is_some() && names::surname_twin(person.surname).is_some(),
        _ => true,
    }
}

/// A house in another town than `code`'s: a drawn street of the world elsewhere, a drawn
/// number and letter.
fn elsewhere(rng: &mut dyn RngCore, world: &World, s: &mut Subject) -> Option<()> {
    let town = world.codes[s.code].1;
    for _ in 0..20 {
        let street = world.streets.choose(rng)?;
        if world.codes[street.code].1 == town {
            continue;
        }
        s.shape = street.shape;
        s.code = street.code;
        s.number = rng.random_range(1..=150);
        s.letter = rng
            .random_bool(0.2)
            .then(|| ['A', 'B', 'C', 'D'][rng.random_range(0..4)]);
        return Some(());
    }
    None
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
    let mut keep_given = false;
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
        LA_PREFIX_TWIN | LA_TYPE_TWIN => {
            let twins = twin_street(world, kind, anchor);
            let street = &world.streets[*twins.choose(rng)?];
            let mut s = a.clone();
            s.shape = street.shape;
            s.code = street.code;
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.3, 0.3)
        }
        LA_MONTH => {
            let mut s = a.clone();
            elsewhere(rng, world, &mut s)?;
            let m = a.birth.month();
            let month = match m {
                1 => 2,
                12 => 11,
                m if rng.random_bool(0.5) => m + 1,
                m => m - 1,
            };
            s.birth = NaiveDate::from_ymd_opt(a.birth.year(), month, a.birth.day())?;
            (s, 1.0, 0.3)
        }
        LA_SURNAME_TWIN => {
            let mut s = a.clone();
            s.surname = names::surname_twin(&a.surname)?.to_string();
            let own = a.letter?;
            let others: Vec<char> = ['A', 'B', 'C', 'D']
                .into_iter()
                .filter(|&c| c != own)
                .collect();
            s.letter = Some(*others.choose(rng)?);
            s.birth = shifted_birth(rng, a.birth, 0..=25);
            keep_given = true;
            (s, 0.4, 0.3)
        }
        _ => return None,
    };
    let mut d = lay_out(rng, world, s);
    d.birth = rng.random_bool(birth_rate).then_some(d.s.birth);
    if rng.random_bool(damage_rate) {
        some_damage(rng, world, &mut d, real, keep_given);
    }
    Some(d.query())
}
