//! The thirty-seventh set's leads, from a veterinary clinic's pet-owner file and the software
//! and paper around it: the layout of a lead before damage, the corruption kinds (the booking
//! system's postcode autocomplete that takes the town's lowest code with the same first three
//! digits, a postcode digit doubled by the reception keypad's bouncing key (`51339` for 5139),
//! the pet's weight in the postcode column of a journal export with the town kept, the
//! bolignummer with its label from the pet-insurance policy letter (`, bolig H0304`), street
//! prefixes shortened by the medicine-label printer (`Ndr.`, `Øvr.`), a patron's street with the
//! given name as an initial on the vaccination reminder postcard, a given name in another
//! spelling on a booking taken by phone, handwriting recognition of a scanned intake form
//! (`rn`/`m`, `l`/`1`, `h`/`b`), `æ ø å` as `ae oe aa` from a German reference laboratory,
//! the self check-in kiosk's repeated spaces and no-break spaces, three pairs of these, and the
//! pet's name after the owner's surname) and the look-alike kinds (an unreserved member of the
//! anchor's household on the same pet-owner card, a housemate whose second given name is the
//! anchor's first, a namesake at the anchor's number on another street of the town with the
//! pet's weight for a postcode, a neighbour at the anchor's number with another letter and the
//! anchor's surname, a namesake at the anchor's street name and number in another town with
//! another birth date, a twin born the same day at the anchor's house with another given name
//! of the same initial), with their shares.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{self, fold, ocr_canon, retyped};
use super::names;
use super::world::{Shape, World, given_clash};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const AUTOCOMPLETE: &str =
    "postcode_autocompleted_by_clinic_booking_to_lowest_code_with_same_first_three_digits";
/// Issue: postcode misread.
pub const BOUNCE: &str = "postcode_digit_doubled_by_bouncing_key_on_clinic_reception_keypad";
/// Issue: no postcode, a town.
pub const WEIGHT: &str = "postcode_column_holds_pets_weight_from_journal_export_town_kept";
/// Issue: a flat number in the street field.
pub const BOLIG_LABEL: &str = "bolignummer_with_bolig_label_from_pet_insurance_policy_letter";
/// Issue: abbreviated prefixes.
pub const LABEL_PREFIX: &str = "street_prefix_shortened_by_medicine_label_printer_ovr_ndr_sdr_nrd";
/// Issue: initials of person-named streets.
pub const POSTCARD_INITIAL: &str =
    "patron_street_given_initial_on_vaccination_reminder_postcard_line";
/// Issue: spelling variants of one given name.
pub const PHONE_BOOKING: &str = "given_name_other_spelling_on_booking_taken_by_phone_at_clinic";
/// Issue: OCR-like confusions.
pub const INTAKE: &str = "scanned_handwritten_intake_form_recognition_rn_m_l_1_h_b";
/// Issue: lossy transliteration in two fields.
pub const GERMAN_LAB: &str = "aeoeaa_as_ae_oe_aa_by_german_reference_lab_requisition_two_fields";
/// Issue: whitespace.
pub const KIOSK: &str = "checkin_kiosk_touch_keyboard_repeated_spaces_and_number_layer_nbsp";
/// Issue: two corruptions.
pub const PAIR_PHONE_AUTOCOMPLETE: &str = "phone_booking_spelling_and_autocompleted_postcode";
/// Issue: two corruptions.
pub const PAIR_LABEL_BOLIG: &str = "medicine_label_prefix_short_form_and_insurance_bolig_label";
/// Issue: two corruptions.
pub const PAIR_INTAKE_WEIGHT: &str = "intake_form_name_recognition_and_pets_weight_for_postcode";
/// Own.
pub const PET_NAME: &str = "pets_name_and_species_after_owners_surname_in_clinic_owner_field";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a real unreserved member of the anchor's household (the pet's other owners on
/// the same card), through the same damages.
pub const LA_HOUSEHOLD: &str =
    "unreserved_household_member_on_same_pet_owner_card_through_clinic_damages";
/// Look-alike: a housemate whose second given name is the anchor's first, the anchor's
/// surname, born a generation apart (shown).
pub const LA_SECOND_NAME: &str =
    "housemate_whose_second_given_name_is_anchors_first_born_generation_apart";
/// Look-alike: the anchor's names at the anchor's number and letter on another street of the
/// anchor's town, the pet's weight in the postcode column.
pub const LA_OTHER_STREET: &str =
    "namesake_same_number_other_street_same_town_pets_weight_for_postcode";
/// Look-alike: a neighbour at the anchor's street and number with another house letter, the
/// anchor's surname and another given name.
pub const LA_OTHER_LETTER: &str =
    "neighbour_same_number_other_letter_anchors_surname_other_given_name";
/// Look-alike: the anchor's names at the anchor's street name and number in another town that
/// has a street of that name, another birth date shown.
pub const LA_ELSEWHERE: &str =
    "namesake_same_street_name_and_number_other_town_other_birth_date_shown";
/// Look-alike: a twin born the same day (shown) at the anchor's house, another given name with
/// the anchor's initial.
pub const LA_TWIN: &str = "twin_born_same_day_same_house_other_given_name_same_initial";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (AUTOCOMPLETE, 65),
    (BOUNCE, 65),
    (WEIGHT, 65),
    (BOLIG_LABEL, 65),
    (LABEL_PREFIX, 65),
    (POSTCARD_INITIAL, 65),
    (PHONE_BOOKING, 65),
    (INTAKE, 65),
    (GERMAN_LAB, 65),
    (KIOSK, 65),
    (PAIR_PHONE_AUTOCOMPLETE, 70),
    (PAIR_LABEL_BOLIG, 70),
    (PAIR_INTAKE_WEIGHT, 70),
    (PET_NAME, 90),
    (UNCHANGED, 50),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_HOUSEHOLD, 170),
    (LA_SECOND_NAME, 170),
    (LA_OTHER_STREET, 165),
    (LA_OTHER_LETTER, 165),
    (LA_ELSEWHERE, 165),
    (LA_TWIN, 165),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    POSTCARD_INITIAL,
    PAIR_LABEL_BOLIG,
    LABEL_PREFIX,
    GERMAN_LAB,
    PAIR_PHONE_AUTOCOMPLETE,
    PHONE_BOOKING,
    AUTOCOMPLETE,
    PAIR_INTAKE_WEIGHT,
    INTAKE,
    BOUNCE,
    WEIGHT,
    BOLIG_LABEL,
    KIOSK,
    PET_NAME,
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
    seps: Option<(String, String)>,
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
            let (a, b) = self
                .seps
                .clone()
                .unwrap_or_else(|| (" ".to_string(), " ".to_string()));
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

/// Whether a changed word is another real name of the lists (a damage must never make one;
/// a word whose key is unchanged, `Naess` for `Næss`, is the same name).
fn makes_real(out: &str, orig: &str, real: &[String]) -> bool {
    out.split(' ')
        .zip(orig.split(' '))
        .any(|(a, b)| fold(a) != fold(b) && real.contains(&fold(a)))
}

// --- damages -------------------------------------------------------------------------------

/// The code the clinic's booking system autocompletes to: the receptionist types the first
/// three digits and the system takes the lowest code of the town that starts with them. Only
/// where that code is another than the owner's.
pub fn autocompleted(world: &World, code: usize) -> Option<usize> {
    let (own, town) = &world.codes[code];
    let first = world.town_codes[*town]
        .iter()
        .copied()
        .find(|&c| world.codes[c].0[..3] == own[..3])?;
    (first != code).then_some(first)
}

/// The postcode autocompleted by the booking system (the town kept).
fn autocomplete(world: &World, d: &mut Draft) -> Option<()> {
    d.postcode = world.codes[autocompleted(world, d.s.code)?].0.clone();
    Some(())
}

/// One digit of the postcode doubled by the reception keypad's bouncing key (`51339`).
fn bounce(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let chars: Vec<char> = d.postcode.chars().collect();
    if chars.len() != 4 {
        return None;
    }
    let i = rng.random_range(0..4);
    let mut out: String = chars[..=i].iter().collect();
    out.push(chars[i]);
    out.extend(&chars[i + 1..]);
    d.postcode = out;
    Some(())
}

/// The pet's weight in the postcode column of a journal export whose columns slipped
/// (`4,2 kg`, `23 kg`, `0,8kg`); the town kept.
fn weight(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let kg = rng.random_range(1..=45);
    let dec = rng.random_range(0..10);
    let w = match rng.random_range(0..4) {
        0 => format!("{kg} kg"),
        1 => format!("{kg},{dec} kg"),
        2 => format!("0,{} kg", dec.max(1)),
        _ => format!("{kg},{dec}kg"),
    };
    d.postcode = d.up(w);
    Some(())
}

/// The bolignummer with its label after the house, as the pet-insurance policy letter prints
/// it (`, bolig H0304`, ` (bolignr. H0304)`, ` bnr. H0304`, ` - bolignummer H0304`).
fn bolig_label(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.seps = None;
    let (floor, door) = (rng.random_range(1..=8), rng.random_range(1..=8));
    let unit = format!("H{floor:02}{door:02}");
    let text = match rng.random_range(0..4) {
        0 => format!(", bolig {unit}"),
        1 => format!(" (bolignr. {unit})"),
        2 => format!(" bnr. {unit}"),
        _ => format!(" - bolignummer {unit}"),
    };
    d.after = d.up(text);
    Some(())
}

/// The street prefix in the short form of the medicine-label printer's line template
/// (`Øvr.`, `Ndr.`, `Sdr.`, `Nrd.`, `St.`, `L.`, `V.`, `Ø.`).
fn label_prefix(d: &mut Draft) -> Option<()> {
    let Shape::Compound {
        prefix: Some(p), ..
    } = d.s.shape
    else {
        return None;
    };
    let short = names::PREFIX_SHORT.get(p)?;
    let (_, rest) = d.street.split_once(' ')?;
    d.street = format!("{} {rest}", d.up(short.to_string()));
    Some(())
}

/// A patron's street with the given name cut to its initial and a dot, to fit the address
/// line of the vaccination reminder postcard (`H. Moes vei`).
fn postcard_initial(d: &mut Draft) -> Option<()> {
    let Shape::Person { who, .. } = d.s.shape else {
        return None;
    };
    let (given, _) = names::PATRONS.get(who)?;
    let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
    if words.len() != 3 {
        return None;
    }
    let initial = given.chars().next()?;
    words[0] = format!("{}.", initial.to_uppercase());
    d.street = words.join(" ");
    Some(())
}

/// The first given name in another spelling of its family, as the receptionist writes it
/// when the owner books by phone.
fn phone_booking(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let fam = names::family_of(first)?;
    let others: Vec<&str> = fam.iter().copied().filter(|n| *n != first).collect();
    let mut words = vec![*others.choose(rng)?];
    words.extend_from_slice(&d.s.given[1..]);
    d.given = d.up(words.join(" "));
    Some(())
}

/// One confusion at `at` (a byte index) of `s`, as the clinic's handwriting recognition reads
/// a scanned intake form: inside a word (never its first letter) `rn`→`m`, `m`→`rn`, `l`→`1`,
/// `h`→`b`.
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
        ("L", "1"),
        ("h", "b"),
        ("H", "B"),
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
/// word, 3 a town word), as the handwriting recognition reads the owner's intake form.
fn intake(rng: &mut dyn RngCore, d: &mut Draft, real: &[String], fields: &[usize]) -> Option<()> {
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

/// The lead as the German reference laboratory's requisition system writes it: `æ` as `ae`,
/// `ø` as `oe`, `å` as `aa`, case kept; only for leads with `æ ø å` in at least `at_least`
/// fields, never making a real name.
fn german_lab(d: &mut Draft, at_least: usize, real: &[String]) -> Option<()> {
    let mut changed = 0;
    for i in 0..4 {
        let field = field_mut(d, i);
        let out = retyped(field, judge::GERMAN_LAB);
        if out != *field {
            if makes_real(&out, field, real) {
                return None;
            }
            changed += 1;
        }
        *field = out;
    }
    (changed >= at_least).then_some(())
}

/// What the self check-in kiosk's touch keyboard leaves between two parts of an address: the
/// space key repeated (two or three spaces), or, after a digit typed on the number layer, a
/// no-break space with a space or a second one.
fn kiosk_gap(rng: &mut dyn RngCore, after_digit: bool) -> String {
    if after_digit && rng.random_bool(0.6) {
        if rng.random_bool(0.5) {
            "\u{a0} ".to_string()
        } else {
            "\u{a0}\u{a0}".to_string()
        }
    } else {
        " ".repeat(rng.random_range(2..=3))
    }
}

/// Street, number and letter typed by the owner on the clinic's self check-in kiosk: the
/// space key repeats between street and number, and the number layer puts no-break spaces
/// after the number; at least one of the two gaps has a no-break space when the house has a
/// letter, else the gap before the number has a run of spaces.
fn kiosk(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    let a = kiosk_gap(rng, false);
    let b = if d.s.letter.is_some() {
        let mut b = kiosk_gap(rng, true);
        if !b.contains('\u{a0}') {
            b = "\u{a0} ".to_string();
        }
        b
    } else {
        " ".to_string()
    };
    d.seps = Some((a, b));
    Some(())
}

/// The pet's name (and species) after the owner's surname, as the clinic's owner field holds
/// it (`Sørli (katten Pusur)`, `Sørli / hund: Bella`, `Sørli - Tassen`, `Sørli, eier av Luna`).
fn pet_name(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let pet = *names::PETS.choose(rng)?;
    let species = *names::SPECIES.choose(rng)?;
    let tail = match rng.random_range(0..4) {
        0 => format!(" ({species} {pet})"),
        1 => format!(" / {species} {pet}"),
        2 => format!(" - {pet}"),
        _ => format!(", {species} {pet}"),
    };
    d.surname = format!("{}{}", d.surname, d.up(tail));
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
        AUTOCOMPLETE => autocomplete(world, &mut d)?,
        BOUNCE => bounce(rng, &mut d)?,
        WEIGHT => weight(rng, &mut d)?,
        BOLIG_LABEL => bolig_label(rng, &mut d)?,
        LABEL_PREFIX => label_prefix(&mut d)?,
        POSTCARD_INITIAL => postcard_initial(&mut d)?,
        PHONE_BOOKING => phone_booking(rng, &mut d)?,
        INTAKE => intake(rng, &mut d, real, &[0, 1, 2, 3])?,
        GERMAN_LAB => german_lab(&mut d, 2, real)?,
        KIOSK => kiosk(rng, &mut d)?,
        PAIR_PHONE_AUTOCOMPLETE => {
            phone_booking(rng, &mut d)?;
            autocomplete(world, &mut d)?;
        }
        PAIR_LABEL_BOLIG => {
            label_prefix(&mut d)?;
            bolig_label(rng, &mut d)?;
        }
        PAIR_INTAKE_WEIGHT => {
            intake(rng, &mut d, real, &[0, 1])?;
            weight(rng, &mut d)?;
        }
        PET_NAME => pet_name(rng, &mut d)?,
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
        0 => autocomplete(world, d),
        1 => bounce(rng, d),
        2 => weight(rng, d),
        3 => bolig_label(rng, d),
        4 => label_prefix(d),
        5 => postcard_initial(d),
        6 if !keep_given => phone_booking(rng, d),
        7 => intake(rng, d, real, ocr_fields),
        8 => {
            // On a copy: a lead with `æ ø å` in one field only keeps its letters.
            let mut c = d.clone();
            let r = german_lab(&mut c, 1, real);
            if r.is_some() {
                *d = c;
            }
            r
        }
        9 => pet_name(rng, d),
        _ => kiosk(rng, d),
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

/// A birth date 22 to 40 years before or after `birth`, within 1920–2008.
fn generation_apart(rng: &mut dyn RngCore, birth: NaiveDate) -> NaiveDate {
    let years = rng.random_range(22..=40);
    let y = birth.year();
    let y = if y - years >= 1920 && (y + years > 2008 || rng.random_bool(0.5)) {
        y - years
    } else {
        y + years
    };
    NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(1..=28)).unwrap_or(birth)
}

fn anchor_street(world: &World, p: usize) -> usize {
    world.households[world.persons[p].household].street
}

/// The streets of the anchor's street's name in other towns.
fn namesake_streets(world: &World, p: usize) -> Vec<usize> {
    let own = anchor_street(world, p);
    let street = &world.streets[own];
    let town = world.codes[street.code].1;
    world
        .name_streets
        .get(&street.name)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&s| world.codes[world.streets[s].code].1 != town)
        .collect()
}

/// The other streets of the anchor's town.
fn town_other_streets(world: &World, p: usize) -> Vec<usize> {
    let own = anchor_street(world, p);
    let town = world.codes[world.streets[own].code].1;
    world.town_streets[town]
        .iter()
        .copied()
        .filter(|&s| s != own)
        .collect()
}

/// Given names of `sex` other than any of `avoid` (and not one name to a clerk with them),
/// optionally with `initial` as their first letter.
fn other_given(sex: names::Sex, avoid: &[&str], initial: Option<char>) -> Vec<&'static str> {
    names::given_of(sex)
        .into_iter()
        .filter(|g| !avoid.iter().any(|a| names::same_given(a, g)))
        .filter(|g| initial.is_none_or(|i| g.starts_with(i)))
        .collect()
}

/// Whether reserved person `p` can anchor a look-alike of `kind` (a cheap check before
/// drawing).
pub fn anchors(world: &World, kind: &str, p: usize) -> bool {
    let person = &world.persons[p];
    let h = &world.households[person.household];
    match kind {
        LA_HOUSEHOLD => h.members.iter().any(|&m| !world.persons[m].reserved),
        LA_OTHER_STREET => !town_other_streets(world, p).is_empty(),
        LA_OTHER_LETTER => h.letter.is_some(),
        LA_ELSEWHERE => !namesake_streets(world, p).is_empty(),
        LA_TWIN => person.given.first().is_some_and(|g| {
            let i = g.chars().next();
            [names::Sex::Man, names::Sex::Woman]
                .iter()
                .any(|&s| !other_given(s, &person.given, i).is_empty())
        }),
        _ => true,
    }
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
    let sex = names::sex_of(a.given[0]);
    let mut keep_given = false;
    let (s, birth_rate, damage_rate) = match kind {
        LA_HOUSEHOLD => {
            let h = &world.households[world.persons[anchor].household];
            let free: Vec<usize> = h
                .members
                .iter()
                .copied()
                .filter(|&m| !world.persons[m].reserved)
                .collect();
            (subject(world, *free.choose(rng)?), 0.4, 0.5)
        }
        LA_SECOND_NAME => {
            let mut s = a.clone();
            let firsts = other_given(sex, &a.given, None);
            let first = *firsts.choose(rng)?;
            if given_clash(first, a.given[0]) {
                return None;
            }
            s.given = vec![first, a.given[0]];
            s.birth = generation_apart(rng, a.birth);
            keep_given = true;
            (s, 1.0, 0.3)
        }
        LA_OTHER_STREET => {
            let others = town_other_streets(world, anchor);
            let street = &world.streets[*others.choose(rng)?];
            let mut s = a.clone();
            s.shape = street.shape;
            s.code = street.code;
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.3, 0.3)
        }
        LA_OTHER_LETTER => {
            let mut s = a.clone();
            let own = a.letter?;
            let letters: Vec<char> = ['A', 'B', 'C', 'D']
                .into_iter()
                .filter(|&c| c != own)
                .collect();
            s.letter = Some(*letters.choose(rng)?);
            let givens = other_given(sex, &a.given, None);
            let g = *givens.choose(rng)?;
            if given_clash(g, a.given[0]) {
                return None;
            }
            s.given = vec![g];
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            keep_given = true;
            (s, 0.4, 0.3)
        }
        LA_ELSEWHERE => {
            let others = namesake_streets(world, anchor);
            let street = &world.streets[*others.choose(rng)?];
            let mut s = a.clone();
            s.shape = street.shape;
            s.code = street.code;
            s.birth = shifted_birth(rng, a.birth, 1..=20);
            (s, 1.0, 0.3)
        }
        LA_TWIN => {
            let mut s = a.clone();
            let twin_sex = if rng.random_bool(0.5) {
                names::Sex::Man
            } else {
                names::Sex::Woman
            };
            let givens = other_given(twin_sex, &a.given, a.given[0].chars().next());
            s.given = vec![*givens.choose(rng)?];
            keep_given = true;
            (s, 1.0, 0.3)
        }
        _ => return None,
    };
    let mut d = lay_out(rng, world, s);
    d.birth = rng.random_bool(birth_rate).then_some(d.s.birth);
    if rng.random_bool(damage_rate) {
        some_damage(rng, world, &mut d, real, keep_given);
    }
    if kind == LA_OTHER_STREET {
        weight(rng, &mut d)?;
    }
    if matches!(kind, LA_SECOND_NAME | LA_ELSEWHERE | LA_TWIN) {
        // The birth date is what tells them apart: always shown.
        d.birth = Some(d.s.birth);
    }
    Some(d.query())
}
