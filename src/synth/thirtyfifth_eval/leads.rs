//! The thirty-fifth set's leads, from sports clubs and their membership rolls: the layout of a
//! lead before damage, the corruption kinds (the postcode of the training hall typed by the
//! coach, a child's mirrored digits on a dugnad lottery stub typed as the letters they look
//! like, the age class (`G14`, `J12`) in the postcode column with the town kept, a bolignummer
//! after a semicolon from the membership system's second address line, street prefixes
//! contracted in the printed member directory (`Ndr.`, `Sdr.`, `Øvr.`), an athlete street's
//! given name cut to its first letters by the membership card's print, a given name in another
//! spelling typed by the coach on the match report, text recognition of the scanned member
//! ledger for the jubilee book, `æ ø å` written `e o a` on a foreign cup's roster, hair and
//! medium mathematical spaces around the house number from the club's website, their pairs,
//! and the shirt number after the given name from the match squad list) and the look-alike
//! kinds (an unreserved member of the anchor's family membership, a namesake at the same
//! number on the street of the honoured athlete's sibling, a plain-`e` surname twin born the
//! same day elsewhere, a plain-`e` surname twin with the anchor's given names next door, a
//! namesake on another street of the anchor's town with an age class in the postcode column),
//! with their shares.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{CUP_ROSTER, fold, ocr_canon, retyped};
use super::names;
use super::world::{Shape, World};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const VENUE: &str = "postcode_of_training_hall_typed_by_coach_same_town";
/// Issue: postcode misread.
pub const MIRRORED: &str =
    "postcode_written_by_child_with_mirrored_digits_on_dugnad_lottery_stub_e_p_s";
/// Issue: no postcode, a town.
pub const AGE_CLASS: &str = "postcode_column_holds_age_class_like_g14_or_j12_town_kept";
/// Issue: a flat number in the street field.
pub const SEMICOLON_UNIT: &str =
    "bolignummer_after_semicolon_from_membership_system_address_line_two";
/// Issue: abbreviated prefixes.
pub const DIRECTORY: &str =
    "street_prefix_contracted_ndr_sdr_oevr_in_printed_club_member_directory";
/// Issue: initials of person-named streets.
pub const CARD_CUT: &str =
    "athlete_street_given_name_cut_to_first_letters_on_membership_card_print";
/// Issue: spelling variants of one given name.
pub const COACH: &str = "given_name_other_spelling_typed_by_coach_on_match_report";
/// Issue: OCR-like confusions.
pub const LEDGER: &str = "jubilee_book_member_ledger_scan_rn_m_l_1_d_cl";
/// Issue: lossy transliteration in two fields.
pub const CUP: &str = "aeoeaa_as_e_o_a_on_foreign_cup_roster_typed_by_ear_two_fields";
/// Issue: whitespace.
pub const CMS: &str = "hair_and_medium_math_spaces_around_house_number_from_club_website";
/// Issue: two corruptions.
pub const PAIR_COACH_VENUE: &str = "coach_spelling_and_training_hall_postcode";
/// Issue: two corruptions.
pub const PAIR_DIRECTORY_UNIT: &str = "directory_prefix_contraction_and_semicolon_bolignummer";
/// Issue: two corruptions.
pub const PAIR_LEDGER_CLASS: &str = "ledger_scan_name_confusion_and_age_class_in_postcode_column";
/// Own.
pub const SHIRT: &str = "shirt_number_after_given_name_from_match_squad_list";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a real unreserved member of the anchor's household (on the family membership),
/// through the same damages.
pub const LA_MEMBER: &str = "unreserved_family_member_on_family_membership_through_club_damages";
/// Look-alike: the anchor's name at the anchor's number and letter on the street of the
/// honoured athlete's sibling (`Hjørdis Andersens vei` for `Hjalmar Andersens vei`), a real
/// street of the anchor's town.
pub const LA_SIBLING_STREET: &str =
    "namesake_same_number_on_street_of_honoured_athletes_sibling_same_first_letters";
/// Look-alike: the anchor's given names with the plain-`e` twin of the anchor's surname
/// (`Meland` for `Mæland`) in another town, born the same day (shown).
pub const LA_E_DATE: &str = "namesake_with_plain_e_twin_surname_born_same_day_other_town";
/// Look-alike: the anchor's given names with the plain-`e` twin of the anchor's surname, next
/// door (two numbers up or down the anchor's street).
pub const LA_E_NEXT: &str = "next_door_with_plain_e_twin_surname_and_same_given_names";
/// Look-alike: the anchor's name on another street of the anchor's town, an age class in the
/// postcode column.
pub const LA_TOWN_CLASS: &str = "namesake_other_street_same_town_age_class_in_postcode_column";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (VENUE, 65),
    (MIRRORED, 65),
    (AGE_CLASS, 65),
    (SEMICOLON_UNIT, 65),
    (DIRECTORY, 65),
    (CARD_CUT, 65),
    (COACH, 65),
    (LEDGER, 65),
    (CUP, 65),
    (CMS, 65),
    (PAIR_COACH_VENUE, 70),
    (PAIR_DIRECTORY_UNIT, 70),
    (PAIR_LEDGER_CLASS, 70),
    (SHIRT, 90),
    (UNCHANGED, 50),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_MEMBER, 200),
    (LA_SIBLING_STREET, 200),
    (LA_E_DATE, 200),
    (LA_E_NEXT, 200),
    (LA_TOWN_CLASS, 200),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    CARD_CUT,
    PAIR_DIRECTORY_UNIT,
    DIRECTORY,
    CUP,
    PAIR_COACH_VENUE,
    COACH,
    PAIR_LEDGER_CLASS,
    LEDGER,
    MIRRORED,
    VENUE,
    AGE_CLASS,
    SEMICOLON_UNIT,
    CMS,
    SHIRT,
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

/// The postcode of the hall where the person's team trains, typed by the coach who registers
/// the team: another code of the person's town, one within 30 of the person's own if the town
/// has one (a hall in the next district), else any other; the town kept.
fn venue(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let town = world.codes[d.s.code].1;
    let own: u32 = world.codes[d.s.code].0.parse().ok()?;
    let others: Vec<usize> = world.town_codes[town]
        .iter()
        .copied()
        .filter(|&c| c != d.s.code)
        .collect();
    let near: Vec<usize> = others
        .iter()
        .copied()
        .filter(|&c| {
            world.codes[c]
                .0
                .parse::<u32>()
                .is_ok_and(|n| n.abs_diff(own) <= 30)
        })
        .collect();
    let pool = if near.is_empty() { &others } else { &near };
    d.postcode = world.codes[*pool.choose(rng)?].0.clone();
    Some(())
}

/// The postcode written on a dugnad lottery stub by a child who mirrors digits, typed by the
/// club's treasurer as the letters they look like: a mirrored `3` as `E`, a mirrored `9` as
/// `P`, a mirrored `2` as `S`; one digit (two in a quarter).
fn mirrored(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let mut chars: Vec<char> = d.postcode.chars().collect();
    if chars.len() != 4 || !chars.iter().all(char::is_ascii_digit) {
        return None;
    }
    let mut spots: Vec<usize> = (0..4)
        .filter(|&i| matches!(chars[i], '2' | '3' | '9'))
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
            '3' => 'E',
            '9' => 'P',
            _ => 'S',
        };
    }
    d.postcode = chars.into_iter().collect();
    Some(())
}

/// The age class of the team (`G14`, `J12`: boys or girls and the age) in the postcode column
/// of a cup registration sheet whose columns slipped; the town kept.
fn age_class(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let sex = if rng.random_bool(0.5) { 'G' } else { 'J' };
    d.postcode = format!("{sex}{}", rng.random_range(6..=19));
    Some(())
}

/// The bolignummer from the membership system's second address line, joined to the first with
/// a semicolon (`Idrettsveien 12 B;H0304`, `Idrettsveien 12; H0304`).
fn semicolon_unit(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.seps = None;
    let sep = if rng.random_bool(0.4) { "; " } else { ";" };
    let h = if d.caps || rng.random_bool(0.85) {
        'H'
    } else {
        'h'
    };
    d.after = format!(
        "{sep}{h}0{}0{}",
        rng.random_range(1..=9),
        rng.random_range(1..=6)
    );
    Some(())
}

/// The street prefix contracted as the club's printed member directory has it: `Øvr.`,
/// `Ndr.`, `Sdr.`, `Nrd.`, `St.`, `Ll.`, `Vstr.`, `Østr.`.
fn directory(d: &mut Draft) -> Option<()> {
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

/// An athlete street as the membership card's print writes it: the athlete's given name cut to
/// its first two to four letters and a dot (`Hjal. Andersens vei`, `So. Hovdes plass`).
fn card_cut(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let Shape::Person { who, .. } = d.s.shape else {
        return None;
    };
    let given: Vec<char> = names::ATHLETES.get(who)?.0.chars().collect();
    let max = given.len().saturating_sub(1).min(4);
    if max < 2 {
        return None;
    }
    let k = rng.random_range(2..=max);
    let mut words: Vec<String> = d.street.split(' ').map(str::to_string).collect();
    if words.len() != 3 {
        return None;
    }
    let cut: String = given[..k].iter().collect();
    words[0] = d.up(format!("{cut}."));
    d.street = words.join(" ");
    Some(())
}

/// The first given name in another spelling of its family, as the coach types the squad on the
/// match report.
fn coach(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let fam = names::family_of(first)?;
    let others: Vec<&str> = fam.iter().copied().filter(|n| *n != first).collect();
    let mut words = vec![*others.choose(rng)?];
    words.extend_from_slice(&d.s.given[1..]);
    d.given = d.up(words.join(" "));
    Some(())
}

/// One text-recognition confusion at `at` (a byte index, never the first letter) of `s`, if
/// one applies there: `rn`→`m`, `m`→`rn`, `l`→`1`, `d`→`cl`.
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
        ("d", "cl"),
        ("D", "CL"),
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
/// word, 3 a town word), as text recognition of the scanned typewritten member ledger makes it.
fn ledger(rng: &mut dyn RngCore, d: &mut Draft, real: &[String], fields: &[usize]) -> Option<()> {
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

/// The lead as a foreign cup's volunteers type the team's roster by ear and by eye: `æ` as
/// `e`, `ø` as `o`, `å` as `a`, case kept; only for leads with `æ ø å` in at least `at_least`
/// fields, never making a real name (`Mæland` is never written `Meland`, a real name).
fn cup(d: &mut Draft, at_least: usize, real: &[String]) -> Option<()> {
    let mut changed = 0;
    for i in 0..4 {
        let field = field_mut(d, i);
        let out = retyped(field, CUP_ROSTER);
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

/// Spaces a web page's typography inserts: hair spaces and medium mathematical spaces, alone,
/// doubled or beside a blank.
const WEB_SPACES: &[&str] = &[
    "\u{200A}",
    "\u{205F}",
    " \u{200A}",
    "\u{205F} ",
    "\u{200A}\u{200A}",
    "\u{205F}\u{200A}",
];

/// Street, number and letter copied from the member page of the club's website, whose
/// typography plugin puts hair spaces (U+200A) and medium mathematical spaces (U+205F) around
/// the house number and letter, and, in 40 %, between the street's words.
fn cms(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    let a = *WEB_SPACES.choose(rng)?;
    let b = *WEB_SPACES.choose(rng)?;
    d.seps = Some((a, b));
    if rng.random_bool(0.4) {
        let w = *WEB_SPACES[..2].choose(rng)?;
        d.street = d.street.replace(' ', w);
    }
    Some(())
}

/// The player's shirt number after the given names, as the match squad list shows it
/// (`Thomas #7`, `Kari (10)`).
fn shirt(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let n = rng.random_range(1..=99);
    let tag = if rng.random_bool(0.5) {
        format!("#{n}")
    } else {
        format!("({n})")
    };
    d.given = format!("{} {tag}", d.given);
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
        VENUE => venue(rng, world, &mut d)?,
        MIRRORED => mirrored(rng, &mut d)?,
        AGE_CLASS => age_class(rng, &mut d)?,
        SEMICOLON_UNIT => semicolon_unit(rng, &mut d)?,
        DIRECTORY => directory(&mut d)?,
        CARD_CUT => card_cut(rng, &mut d)?,
        COACH => coach(rng, &mut d)?,
        LEDGER => ledger(rng, &mut d, real, &[0, 1, 2, 3])?,
        CUP => cup(&mut d, 2, real)?,
        CMS => cms(rng, &mut d)?,
        PAIR_COACH_VENUE => {
            coach(rng, &mut d)?;
            venue(rng, world, &mut d)?;
        }
        PAIR_DIRECTORY_UNIT => {
            directory(&mut d)?;
            semicolon_unit(rng, &mut d)?;
        }
        PAIR_LEDGER_CLASS => {
            ledger(rng, &mut d, real, &[0, 1])?;
            age_class(rng, &mut d)?;
        }
        SHIRT => shirt(rng, &mut d)?,
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
        0 => venue(rng, world, d),
        1 => mirrored(rng, d),
        2 => age_class(rng, d),
        3 => semicolon_unit(rng, d),
        4 => directory(d),
        5 => card_cut(rng, d),
        6 if !keep_given => coach(rng, d),
        7 => ledger(rng, d, real, ocr_fields),
        8 => {
            // On a copy: a lead with `æ ø å` in one field only keeps its letters.
            let mut c = d.clone();
            let r = cup(&mut c, 1, real);
            if r.is_some() {
                *d = c;
            }
            r
        }
        9 => shirt(rng, d),
        _ => cms(rng, d),
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

/// The streets of the honoured athlete's sibling in the anchor's town (same type), if the
/// anchor lives on an athlete street.
fn sibling_streets(world: &World, p: usize) -> Vec<usize> {
    let h = &world.households[world.persons[p].household];
    let street = &world.streets[h.street];
    let town = world.codes[street.code].1;
    match street.shape {
        Shape::Person { who, kind } => names::sibling(who)
            .and_then(|w| world.street_named(town, Shape::Person { who: w, kind }))
            .into_iter()
            .collect(),
        Shape::Compound { .. } => Vec::new(),
    }
}

/// The other streets of the anchor's town.
fn other_streets_of_town(world: &World, p: usize) -> Vec<usize> {
    let h = &world.households[world.persons[p].household];
    let town = world.codes[world.streets[h.street].code].1;
    world.town_streets[town]
        .iter()
        .copied()
        .filter(|&s| s != h.street)
        .collect()
}

/// Whether reserved person `p` can anchor a look-alike of `kind` (a cheap check before
/// drawing).
pub fn anchors(world: &World, kind: &str, p: usize) -> bool {
    let person = &world.persons[p];
    let h = &world.households[person.household];
    match kind {
        LA_MEMBER => h.members.iter().any(|&m| !world.persons[m].reserved),
        LA_SIBLING_STREET => !sibling_streets(world, p).is_empty(),
        LA_E_DATE | LA_E_NEXT => names::e_twin(person.surname).is_some(),
        LA_TOWN_CLASS => !other_streets_of_town(world, p).is_empty(),
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
        LA_SIBLING_STREET => {
            let twins = sibling_streets(world, anchor);
            let street = &world.streets[*twins.choose(rng)?];
            let mut s = a.clone();
            s.shape = street.shape;
            s.code = street.code;
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.3, 0.3)
        }
        LA_E_DATE => {
            let mut s = a.clone();
            s.surname = names::e_twin(&a.surname)?.to_string();
            elsewhere(rng, world, &mut s)?;
            keep_given = true;
            (s, 1.0, 0.3)
        }
        LA_E_NEXT => {
            let mut s = a.clone();
            s.surname = names::e_twin(&a.surname)?.to_string();
            s.number = if a.number > 2 && rng.random_bool(0.5) {
                a.number - 2
            } else {
                a.number + 2
            };
            s.letter = rng
                .random_bool(0.2)
                .then(|| ['A', 'B', 'C', 'D'][rng.random_range(0..4)]);
            s.birth = shifted_birth(rng, a.birth, 0..=25);
            keep_given = true;
            (s, 0.4, 0.3)
        }
        LA_TOWN_CLASS => {
            let others = other_streets_of_town(world, anchor);
            let street = &world.streets[*others.choose(rng)?];
            let mut s = a.clone();
            s.shape = street.shape;
            s.code = street.code;
            s.number = rng.random_range(1..=150);
            s.letter = rng
                .random_bool(0.2)
                .then(|| ['A', 'B', 'C', 'D'][rng.random_range(0..4)]);
            s.birth = shifted_birth(rng, a.birth, 1..=20);
            (s, 0.5, 0.3)
        }
        _ => return None,
    };
    let mut d = lay_out(rng, world, s);
    d.birth = rng.random_bool(birth_rate).then_some(d.s.birth);
    if rng.random_bool(damage_rate) {
        some_damage(rng, world, &mut d, real, keep_given);
    }
    if kind == LA_TOWN_CLASS {
        age_class(rng, &mut d)?;
    }
    Some(d.query())
}
