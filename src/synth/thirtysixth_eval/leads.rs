//! The thirty-sixth set's leads, from a moving company's orders and the paper and software
//! around them: the layout of a lead before damage, the corruption kinds (the postcode
//! prefilled with the firm's storage depot in the customer's town, a postcode typed on a
//! laptop's embedded keypad with Num Lock off (`ujmm` for 4100), the floor and lift note in the
//! postcode column with the town kept, a bolignummer after the bar of the box-label template,
//! street prefixes as the dispatch board's two-letter codes (`ØV`, `NO`), a mayor's street
//! with its given name as an initial in the block capitals of a box label, a given name in
//! another spelling on a relocation order booked by the employer, the document-capture app of
//! a photographed delivery receipt (`rn`/`m`, `l`/`1`, `S`/`5`, `B`/`8`, `G`/`6`, `O`/`0`),
//! `æ ø å` typed by a Polish crew (`ø` as `ó`), blanks stretched into no-break runs by a
//! justified quote PDF, their pairs, and the crew's carrying note after the house) and the
//! look-alike kinds (an unreserved member of the anchor's household on the same order, a
//! namesake born the same day with another second given name in another town, a namesake at
//! the anchor's number on the street of the same flower stem with another ending, a twin of
//! the other sex with the paired given name (`Johanne` for `Johan`) born the same day at the
//! anchor's house, a namesake at the anchor's street and number in another town with a floor
//! note in the postcode column, a namesake next door born a generation apart), with their
//! shares.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{POLISH_CREW, fold, ocr_canon, retyped};
use super::names;
use super::world::{Shape, World};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const DEPOT: &str = "postcode_prefilled_with_moving_firms_storage_depot_code_same_town";
/// Issue: postcode misread.
pub const NUMLOCK: &str = "postcode_typed_on_laptop_embedded_keypad_with_num_lock_off_mjkluio";
/// Issue: no postcode, a town.
pub const FLOOR_NOTE: &str = "postcode_column_holds_floor_and_lift_note_town_kept";
/// Issue: a flat number in the street field.
pub const PIPE_UNIT: &str = "bolignummer_after_bar_or_middle_dot_from_moving_box_label_template";
/// Issue: abbreviated prefixes.
pub const BOARD: &str = "street_prefix_as_two_letter_capital_code_on_moving_dispatch_board";
/// Issue: initials of person-named streets.
pub const BOX_INITIAL: &str = "mayor_street_given_initial_in_block_capitals_on_moving_box_label";
/// Issue: spelling variants of one given name.
pub const RELOCATION: &str = "given_name_other_spelling_on_relocation_order_booked_by_employer";
/// Issue: OCR-like confusions.
pub const RECEIPT: &str = "delivery_receipt_photo_capture_rn_m_l_1_and_capitals_as_5_8_6_0";
/// Issue: lossy transliteration in two fields.
pub const POLISH: &str = "aeoeaa_typed_by_polish_moving_crew_oe_as_o_acute_two_fields";
/// Issue: whitespace.
pub const JUSTIFIED: &str = "justified_quote_pdf_stretches_blanks_around_house_into_nbsp_runs";
/// Issue: two corruptions.
pub const PAIR_RELOCATION_DEPOT: &str = "relocation_order_spelling_and_storage_depot_postcode";
/// Issue: two corruptions.
pub const PAIR_BOARD_PIPE: &str = "dispatch_board_prefix_code_and_box_label_bar_bolignummer";
/// Issue: two corruptions.
pub const PAIR_RECEIPT_FLOOR: &str = "receipt_capture_name_confusion_and_floor_note_in_postcode";
/// Own.
pub const CARRY_NOTE: &str = "crew_carrying_note_after_house_like_u_heis_or_piano";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a real unreserved member of the anchor's household (the whole household is on
/// the moving order), through the same damages.
pub const LA_HOUSEHOLD: &str =
    "unreserved_household_member_on_same_moving_order_through_crew_damages";
/// Look-alike: the anchor's first given name and surname with another second given name, born
/// the same day (shown), in another town.
pub const LA_MIDDLE: &str = "namesake_born_same_day_with_other_second_given_name_other_town";
/// Look-alike: the anchor's names at the anchor's number and letter on the street of the same
/// flower stem with another ending (`Syrinstien` for `Syrinveien`), a real street of the
/// anchor's town.
pub const LA_ENDING: &str = "namesake_same_number_on_same_flower_stem_street_other_ending";
/// Look-alike: a twin of the other sex with the paired given name (`Johanne` for `Johan`),
/// born the same day (shown), at the anchor's house.
pub const LA_TWIN: &str = "twin_of_other_sex_with_paired_given_name_born_same_day_same_house";
/// Look-alike: the anchor's names at the anchor's street name and number in another town that
/// has a street of that name, a floor note in the postcode column.
pub const LA_FLOOR_ELSEWHERE: &str =
    "namesake_same_street_name_and_number_other_town_floor_note_for_postcode";
/// Look-alike: the anchor's names one or two numbers up or down the anchor's street, born a
/// generation apart (shown).
pub const LA_GENERATION: &str = "namesake_next_door_born_a_generation_apart_date_shown";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (DEPOT, 65),
    (NUMLOCK, 65),
    (FLOOR_NOTE, 65),
    (PIPE_UNIT, 65),
    (BOARD, 65),
    (BOX_INITIAL, 65),
    (RELOCATION, 65),
    (RECEIPT, 65),
    (POLISH, 65),
    (JUSTIFIED, 65),
    (PAIR_RELOCATION_DEPOT, 70),
    (PAIR_BOARD_PIPE, 70),
    (PAIR_RECEIPT_FLOOR, 70),
    (CARRY_NOTE, 90),
    (UNCHANGED, 50),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_HOUSEHOLD, 170),
    (LA_MIDDLE, 170),
    (LA_ENDING, 165),
    (LA_TWIN, 165),
    (LA_FLOOR_ELSEWHERE, 165),
    (LA_GENERATION, 165),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    BOX_INITIAL,
    PAIR_BOARD_PIPE,
    BOARD,
    POLISH,
    PAIR_RELOCATION_DEPOT,
    RELOCATION,
    PAIR_RECEIPT_FLOOR,
    RECEIPT,
    NUMLOCK,
    DEPOT,
    FLOOR_NOTE,
    PIPE_UNIT,
    JUSTIFIED,
    CARRY_NOTE,
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

/// Whether a changed word is a real name of the lists (a damage must never make one).
fn makes_real(out: &str, orig: &str, real: &[String]) -> bool {
    out.split(' ')
        .zip(orig.split(' '))
        .any(|(a, b)| a != b && real.contains(&fold(a)))
}

// --- damages -------------------------------------------------------------------------------

/// The storage depot's postcode of a town: the moving firm's depot sits at one fixed code of
/// each town with two or more codes (drawn from the town's name, not at random); for a
/// customer at that very code the order system takes the town's next code.
pub fn depot_code(world: &World, code: usize) -> Option<usize> {
    let town = world.codes[code].1;
    let codes = &world.town_codes[town];
    if codes.len() < 2 {
        return None;
    }
    let h = world.towns[town]
        .bytes()
        .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let i = (h % codes.len() as u64) as usize;
    let depot = codes[i];
    Some(if depot == code {
        codes[(i + 1) % codes.len()]
    } else {
        depot
    })
}

/// The postcode field prefilled by the order system with the code of the moving firm's storage
/// depot in the customer's town (the customer fixed the street, not the code); the town kept.
fn depot(world: &World, d: &mut Draft) -> Option<()> {
    d.postcode = world.codes[depot_code(world, d.s.code)?].0.clone();
    Some(())
}

/// The postcode typed on a laptop's embedded numeric keypad with Num Lock off: each of
/// `0 1 2 3 4 5 6` comes out as the letter of its key (`m j k l u i o`); `7 8 9` are on the
/// digit row and come out as digits. Lower case (capitals in a capitals lead).
fn numlock(d: &mut Draft) -> Option<()> {
    const KEYS: [(char, char); 7] = [
        ('0', 'm'),
        ('1', 'j'),
        ('2', 'k'),
        ('3', 'l'),
        ('4', 'u'),
        ('5', 'i'),
        ('6', 'o'),
    ];
    let out: String = d
        .postcode
        .chars()
        .map(|c| {
            KEYS.iter()
                .find(|(k, _)| *k == c)
                .map_or(c, |&(_, l)| if d.caps { l.to_ascii_uppercase() } else { l })
        })
        .collect();
    if out == d.postcode {
        return None;
    }
    d.postcode = out;
    Some(())
}

/// The floor and lift note the moving order keeps for the carriers, in the postcode column of
/// an export whose columns slipped (`3. etg`, `2.etg u/heis`, `kjeller`); the town kept.
fn floor_note(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let floor = rng.random_range(1..=9);
    let note = match rng.random_range(0..6) {
        0 => format!("{floor}. etg"),
        1 => format!("{floor}.etg u/heis"),
        2 => format!("{floor}. etg m/heis"),
        3 => "u/heis".to_string(),
        4 => "kjeller".to_string(),
        _ => "sokkel".to_string(),
    };
    d.postcode = d.up(note);
    Some(())
}

/// The bolignummer on the second line of the moving box-label template, joined to the first
/// with a bar or a middle dot when the label is exported to one line (`Syrinveien 9 | H0304`).
fn pipe_unit(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.seps = None;
    let sep = *[" | ", "|", " · ", " ¦ "].choose(rng)?;
    let (floor, door) = (rng.random_range(1..=8), rng.random_range(1..=8));
    d.after = format!("{sep}H{floor:02}{door:02}");
    Some(())
}

/// The street prefix as the moving firm's dispatch board writes it: two capital letters, no
/// dot (`ØV`, `NE`, `SØ`, `NO`, `ST`, `LI`, `VE`, `ØS`).
fn board(d: &mut Draft) -> Option<()> {
    let Shape::Compound {
        prefix: Some(p), ..
    } = d.s.shape
    else {
        return None;
    };
    let code = names::PREFIX_CODES.get(p)?;
    let (_, rest) = d.street.split_once(' ')?;
    d.street = format!("{code} {rest}");
    Some(())
}

/// The moving box label, written by the crew foreman in block capitals with a marker: a
/// mayor's street with the given name as its initial and a dot (`H. SKAUGS VEI`), every field
/// in capitals.
fn box_initial(d: &mut Draft) -> Option<()> {
    let Shape::Person { who, .. } = d.s.shape else {
        return None;
    };
    let (given, _) = names::MAYORS.get(who)?;
    let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
    if words.len() != 3 {
        return None;
    }
    let initial = given.chars().next()?;
    words[0] = format!("{}.", initial.to_uppercase());
    d.caps = true;
    d.street = words.join(" ").to_uppercase();
    d.given = d.given.to_uppercase();
    d.surname = d.surname.to_uppercase();
    d.town = d.town.to_uppercase();
    Some(())
}

/// The first given name in another spelling of its family, as the employer's relocation desk
/// spells it when it books the move for an employee.
fn relocation(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let fam = names::family_of(first)?;
    let others: Vec<&str> = fam.iter().copied().filter(|n| *n != first).collect();
    let mut words = vec![*others.choose(rng)?];
    words.extend_from_slice(&d.s.given[1..]);
    d.given = d.up(words.join(" "));
    Some(())
}

/// One confusion at `at` (a byte index) of `s`, as the document-capture app reads a
/// photographed, signed delivery receipt: inside a word `rn`→`m`, `m`→`rn`, `l`→`1`; a capital
/// first letter `S`, `B`, `G` or `O` taken for the digit `5`, `8`, `6` or `0` (only where
/// `capitals` allows it).
fn confuse_at(s: &str, at: usize, capitals: bool) -> Option<String> {
    let rest = &s[at..];
    let pairs: &[(&str, &str)] = if at == 0 {
        if !capitals {
            return None;
        }
        &[("S", "5"), ("B", "8"), ("G", "6"), ("O", "0")]
    } else {
        &[
            ("rn", "m"),
            ("RN", "M"),
            ("m", "rn"),
            ("M", "RN"),
            ("l", "1"),
            ("L", "1"),
        ]
    };
    let &(from, to) = pairs.iter().find(|(f, _)| rest.starts_with(f))?;
    let tail = &s[at + from.len()..];
    Some(format!("{}{to}{tail}", &s[..at]))
}

/// The word with one confusion that reads back to it, never a real name of the lists.
fn recognised(
    rng: &mut dyn RngCore,
    word: &str,
    real: &[String],
    capitals: bool,
) -> Option<String> {
    let spots: Vec<usize> = word
        .char_indices()
        .filter(|&(i, _)| confuse_at(word, i, capitals).is_some())
        .map(|(i, _)| i)
        .collect();
    let out = confuse_at(word, *spots.choose(rng)?, capitals)?;
    let ok = !real.contains(&fold(&out)) && ocr_canon(&fold(&out)) == ocr_canon(&fold(word));
    ok.then_some(out)
}

/// One confusion in a field of `fields` (0 the first given name, 1 the surname, 2 a street
/// word, 3 a town word), as the document-capture app reads the photographed delivery receipt
/// the customer signed; capitals as digits only in names and towns (a street word starting
/// with a digit would read as a house number).
fn receipt(rng: &mut dyn RngCore, d: &mut Draft, real: &[String], fields: &[usize]) -> Option<()> {
    match *fields.choose(rng)? {
        0 => {
            let mut words: Vec<String> = d.given.split(' ').map(str::to_string).collect();
            words[0] = recognised(rng, &words[0], real, true)?;
            d.given = words.join(" ");
        }
        1 => d.surname = recognised(rng, &d.surname, real, true)?,
        2 => {
            let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
            let i = rng.random_range(0..words.len());
            words[i] = recognised(rng, &words[i], real, false)?;
            d.street = words.join(" ");
        }
        _ => {
            let mut words: Vec<String> = d.town.split(' ').map(str::to_string).collect();
            let i = rng.random_range(0..words.len());
            words[i] = recognised(rng, &words[i], real, true)?;
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

/// The lead as a Polish moving crew types it on the Polish keyboard of the firm's tablet:
/// `æ` as `ae`, `ø` as `ó`, `å` as `a`, case kept; only for leads with `æ ø å` in at least
/// `at_least` fields, never making a real name.
fn polish(d: &mut Draft, at_least: usize, real: &[String]) -> Option<()> {
    let mut changed = 0;
    for i in 0..4 {
        let field = field_mut(d, i);
        let out = retyped(field, POLISH_CREW);
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

/// A run of two to four blanks, no-break spaces and normal ones mixed, at least one no-break
/// space: what a justified line of a quote PDF gives when copied.
fn nbsp_run(rng: &mut dyn RngCore) -> String {
    let n = rng.random_range(2..=4);
    let mut run: Vec<char> = (0..n)
        .map(|_| if rng.random_bool(0.5) { '\u{a0}' } else { ' ' })
        .collect();
    if !run.contains(&'\u{a0}') {
        let i = rng.random_range(0..n);
        run[i] = '\u{a0}';
    }
    run.into_iter().collect()
}

/// Street, number and letter copied from the moving quote's PDF, whose justified address line
/// stretches the blanks around the house number and letter into runs of no-break and normal
/// spaces, and in 30 % between the street's words too.
fn justified(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    let a = nbsp_run(rng);
    let b = nbsp_run(rng);
    d.seps = Some((a, b));
    if rng.random_bool(0.3) {
        let words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
        let mut out = words[0].clone();
        for w in &words[1..] {
            out.push_str(&nbsp_run(rng));
            out.push_str(w);
        }
        d.street = out;
    }
    Some(())
}

/// The crew's carrying note after the house, from the moving firm's worksheet (`(u/heis)`,
/// `(piano)`, `- bæring 40 m`).
fn carry_note(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    let metres = rng.random_range(2..=12) * 5;
    let note = match rng.random_range(0..6) {
        0 => " (u/heis)".to_string(),
        1 => " (piano)".to_string(),
        2 => format!(" - bæring {metres} m"),
        3 => " (m/heis)".to_string(),
        4 => format!(", {metres} m bæring"),
        _ => " (smal trapp)".to_string(),
    };
    d.after = d.up(note);
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
        DEPOT => depot(world, &mut d)?,
        NUMLOCK => numlock(&mut d)?,
        FLOOR_NOTE => floor_note(rng, &mut d)?,
        PIPE_UNIT => pipe_unit(rng, &mut d)?,
        BOARD => board(&mut d)?,
        BOX_INITIAL => box_initial(&mut d)?,
        RELOCATION => relocation(rng, &mut d)?,
        RECEIPT => receipt(rng, &mut d, real, &[0, 1, 2, 3])?,
        POLISH => polish(&mut d, 2, real)?,
        JUSTIFIED => justified(rng, &mut d)?,
        PAIR_RELOCATION_DEPOT => {
            relocation(rng, &mut d)?;
            depot(world, &mut d)?;
        }
        PAIR_BOARD_PIPE => {
            board(&mut d)?;
            pipe_unit(rng, &mut d)?;
        }
        PAIR_RECEIPT_FLOOR => {
            receipt(rng, &mut d, real, &[0, 1])?;
            floor_note(rng, &mut d)?;
        }
        CARRY_NOTE => carry_note(rng, &mut d)?,
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
        0 => depot(world, d),
        1 => numlock(d),
        2 => floor_note(rng, d),
        3 => pipe_unit(rng, d),
        4 => board(d),
        5 => box_initial(d),
        6 if !keep_given => relocation(rng, d),
        7 => receipt(rng, d, real, ocr_fields),
        8 => {
            // On a copy: a lead with `æ ø å` in one field only keeps its letters.
            let mut c = d.clone();
            let r = polish(&mut c, 1, real);
            if r.is_some() {
                *d = c;
            }
            r
        }
        9 => carry_note(rng, d),
        _ => justified(rng, d),
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

fn anchor_street(world: &World, p: usize) -> usize {
    world.households[world.persons[p].household].street
}

/// The streets of the anchor's town with the anchor's street's prefix and stem and another
/// ending (`Syrinstien` for `Syrinveien`).
fn ending_streets(world: &World, p: usize) -> Vec<usize> {
    let own = anchor_street(world, p);
    let street = &world.streets[own];
    let town = world.codes[street.code].1;
    let Shape::Compound {
        prefix,
        stem,
        ending,
    } = street.shape
    else {
        return Vec::new();
    };
    (0..names::ENDINGS.len())
        .filter(|&e| e != ending)
        .filter_map(|e| {
            world.street_named(
                town,
                Shape::Compound {
                    prefix,
                    stem,
                    ending: e,
                },
            )
        })
        .collect()
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

/// Whether reserved person `p` can anchor a look-alike of `kind` (a cheap check before
/// drawing).
pub fn anchors(world: &World, kind: &str, p: usize) -> bool {
    let person = &world.persons[p];
    let h = &world.households[person.household];
    match kind {
        LA_HOUSEHOLD => h.members.iter().any(|&m| !world.persons[m].reserved),
        LA_MIDDLE => person.given.len() >= 2,
        LA_ENDING => !ending_streets(world, p).is_empty(),
        LA_TWIN => person
            .given
            .first()
            .is_some_and(|g| names::gender_pair(g).is_some()),
        LA_FLOOR_ELSEWHERE => !namesake_streets(world, p).is_empty(),
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
        LA_MIDDLE => {
            let mut s = a.clone();
            let sex = if names::MEN_PLAIN.contains(&a.given[0])
                || names::MEN_FAMILIES.iter().any(|f| f.contains(&a.given[0]))
            {
                names::Sex::Man
            } else {
                names::Sex::Woman
            };
            let plain = names::plain(sex);
            let second = *plain.choose(rng)?;
            if a.given.iter().any(|g| names::same_given(g, second))
                || names::same_given(a.given[0], second)
            {
                return None;
            }
            s.given = vec![a.given[0], second];
            elsewhere(rng, world, &mut s)?;
            keep_given = true;
            (s, 1.0, 0.3)
        }
        LA_ENDING => {
            let others = ending_streets(world, anchor);
            let street = &world.streets[*others.choose(rng)?];
            let mut s = a.clone();
            s.shape = street.shape;
            s.code = street.code;
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.3, 0.3)
        }
        LA_TWIN => {
            let mut s = a.clone();
            s.given = vec![names::gender_pair(a.given.first()?)?];
            keep_given = true;
            (s, 1.0, 0.3)
        }
        LA_FLOOR_ELSEWHERE => {
            let others = namesake_streets(world, anchor);
            let street = &world.streets[*others.choose(rng)?];
            let mut s = a.clone();
            s.shape = street.shape;
            s.code = street.code;
            s.birth = shifted_birth(rng, a.birth, 1..=20);
            (s, 0.4, 0.3)
        }
        LA_GENERATION => {
            let mut s = a.clone();
            let step = rng.random_range(1..=2);
            s.number = if a.number > step && rng.random_bool(0.5) {
                a.number - step
            } else {
                a.number + step
            };
            s.letter = rng
                .random_bool(0.2)
                .then(|| ['A', 'B', 'C', 'D'][rng.random_range(0..4)]);
            s.birth = generation_apart(rng, a.birth);
            (s, 1.0, 0.3)
        }
        _ => return None,
    };
    let mut d = lay_out(rng, world, s);
    d.birth = rng.random_bool(birth_rate).then_some(d.s.birth);
    if rng.random_bool(damage_rate) {
        some_damage(rng, world, &mut d, real, keep_given);
    }
    if kind == LA_FLOOR_ELSEWHERE {
        floor_note(rng, &mut d)?;
    }
    if matches!(kind, LA_MIDDLE | LA_TWIN | LA_GENERATION) {
        // The birth date is what tells them apart: always shown.
        d.birth = Some(d.s.birth);
    }
    Some(d.query())
}
