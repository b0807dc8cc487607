//! The thirty-third set's leads: the layout of a lead before damage, the corruption kinds (a
//! web form's postcode autofilled from where the phone was in the town, a pen tablet's
//! handwriting recogniser reading postcode digits as letters, a raffle coupon with the
//! municipality and no postcode, a spreadsheet concatenation that glues the bolignummer on with
//! a hyphen, a dialer screen cutting street prefixes to three letters, a parents' association
//! contact list initialling educators' given names, a relative's spelling on a gift card, a
//! stencilled alumni list read by text recognition, `æ ø å` retyped by a user after an
//! ASCII-only form refused them, street cells pasted with tabs, and their pairs; an Excel text
//! prefix apostrophe kept on the postcode, a CRM merge's duplicate counter on the surname, a
//! chatbot's `i`/`på` before the town, old-style short town names, numeric character
//! references from an XML export, a quoted nickname from an alumni register, a school app's `hos
//! mor` after the house, a birth year with its last two digits transposed, `aa` turned into
//! `å` by an over-eager normaliser, a Turkish-locale upper-casing with a dotted `İ`) and the
//! look-alike kinds (an unreserved household member, a namesake on the street of another
//! educator of the same surname and initial, a namesake elsewhere born on the anchor's day and
//! month swapped, a twin sibling with a sound-alike name, a namesake elsewhere born the same
//! day a year apart), with their shares.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{HABITS, fold, has_aeoeaa, ocr_canon, retyped};
use super::names;
use super::world::{Shape, World};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const GEOLOCATED: &str = "postcode_autofilled_from_phone_location_elsewhere_in_town";
/// Issue: postcode misread.
pub const PEN_TABLET: &str = "postcode_pen_tablet_recogniser_o_g_q_b_pipe_for_digits";
/// Issue: no postcode, a town.
pub const RAFFLE: &str = "postcode_missing_town_written_with_kommune_from_raffle_coupon";
/// Issue: a flat number in the street field.
pub const CONCAT: &str = "bolignummer_joined_with_hyphen_by_spreadsheet_concatenation";
/// Issue: abbreviated prefixes.
pub const DIALER_PREFIX: &str = "street_prefix_shortened_to_three_letters_by_dialer_screen";
/// Issue: initials of person-named streets.
pub const PTA_INITIAL: &str = "person_street_given_initialled_on_parent_association_contact_list";
/// Issue: spelling variants of one given name.
pub const GIFT_CARD: &str = "given_name_other_spelling_on_gift_card_bought_by_relative";
/// Issue: OCR-like confusions.
pub const STENCIL: &str = "stencilled_alumni_list_ocr_rn_m_l_1_ri_n";
/// Issue: lossy transliteration in two fields.
pub const RETYPED: &str = "aeoeaa_retyped_by_user_after_ascii_only_form_rejection_two_fields";
/// Issue: whitespace.
pub const TABS: &str = "street_house_and_letter_pasted_from_spreadsheet_cells_with_tabs";
/// Issue: two corruptions.
pub const PAIR_GIFT: &str = "gift_card_relative_spelling_and_phone_location_postcode";
/// Issue: two corruptions.
pub const PAIR_RAFFLE: &str = "raffle_coupon_scanned_no_postcode_kommune_town_and_ocr_name";
/// Issue: two corruptions.
pub const PAIR_DIALER: &str = "dialer_screen_prefix_three_letters_and_concatenated_bolignummer";
/// Own.
pub const APOSTROPHE: &str = "postcode_with_excel_apostrophe_text_prefix_exported_literally";
/// Own.
pub const COUNTER: &str = "surname_with_duplicate_counter_from_crm_merge";
/// Own.
pub const PREPOSITION: &str = "town_with_preposition_i_or_paa_from_chatbot_free_text";
/// Own.
pub const TOWN_SHORT: &str = "town_abbreviated_old_style_kr_sand_fr_stad";
/// Own.
pub const NCR: &str = "aeoeaa_as_numeric_character_references_from_xml_export";
/// Own.
pub const NICKNAME: &str = "given_name_with_quoted_nickname_from_alumni_register";
/// Own.
pub const HOS: &str = "street_with_hos_remark_after_house_from_school_parent_app";
/// Own.
pub const YEAR_SWAP: &str = "birth_year_last_two_digits_transposed_by_typist";
/// Own.
pub const AA_RING: &str = "aa_digraph_modernised_to_ring_a_by_over_eager_normaliser";
/// Own.
pub const TURKISH: &str = "turkish_locale_uppercase_dotted_capital_i";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a real unreserved member of the anchor's household, through the same damages.
pub const LA_MEMBER: &str = "unreserved_household_member_through_school_set_damages";
/// Look-alike: the anchor's name at the anchor's number on the street of another educator of
/// the same surname and initial (`Henny Raanes vei` for `Hans Raanes vei`) in the anchor's
/// town.
pub const LA_INITIAL_TWIN: &str =
    "namesake_same_number_on_other_educators_street_sharing_surname_and_initial";
/// Look-alike: the anchor's name in another town, born on the anchor's date with day and
/// month swapped (shown).
pub const LA_SWAPPED_DATE: &str = "namesake_other_town_birth_date_day_and_month_swapped";
/// Look-alike: the anchor's twin at the anchor's house, with the sound twin of the anchor's
/// given name (`Martin` for `Morten`) and the anchor's birth date.
pub const LA_TWIN_SIBLING: &str = "twin_sibling_with_sound_alike_name_same_birth_date_same_house";
/// Look-alike: the anchor's name in another town, born the same day and month a year before or
/// after (shown).
pub const LA_YEAR_APART: &str = "namesake_other_town_born_same_day_one_year_apart";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (GEOLOCATED, 55),
    (PEN_TABLET, 55),
    (RAFFLE, 55),
    (CONCAT, 55),
    (DIALER_PREFIX, 55),
    (PTA_INITIAL, 55),
    (GIFT_CARD, 55),
    (STENCIL, 55),
    (RETYPED, 55),
    (TABS, 55),
    (PAIR_GIFT, 50),
    (PAIR_RAFFLE, 50),
    (PAIR_DIALER, 50),
    (APOSTROPHE, 25),
    (COUNTER, 25),
    (PREPOSITION, 25),
    (TOWN_SHORT, 25),
    (NCR, 25),
    (NICKNAME, 25),
    (HOS, 25),
    (YEAR_SWAP, 25),
    (AA_RING, 25),
    (TURKISH, 25),
    (UNCHANGED, 50),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_MEMBER, 200),
    (LA_INITIAL_TWIN, 200),
    (LA_SWAPPED_DATE, 200),
    (LA_TWIN_SIBLING, 200),
    (LA_YEAR_APART, 200),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    TOWN_SHORT,
    AA_RING,
    PAIR_DIALER,
    PTA_INITIAL,
    DIALER_PREFIX,
    PAIR_GIFT,
    GIFT_CARD,
    RETYPED,
    NCR,
    PAIR_RAFFLE,
    STENCIL,
    YEAR_SWAP,
    TURKISH,
    GEOLOCATED,
    PEN_TABLET,
    RAFFLE,
    CONCAT,
    TABS,
    NICKNAME,
    APOSTROPHE,
    COUNTER,
    PREPOSITION,
    HOS,
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
    /// Written right after the house in the street field (a flat number, a remark, tabs).
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
    let caps = rng.random_bool(0.12);
    let up = |t: String| if caps { t.to_uppercase() } else { t };
    let (code, town) = &world.codes[s.code];
    let town = &world.towns[*town];
    let in_street = rng.random_bool(0.55);
    Draft {
        caps,
        given: up(s.given.join(" ")),
        surname: up(s.surname.clone()),
        street: up(s.shape.name()),
        in_street,
        glued: in_street && rng.random_bool(0.2),
        seps: None,
        after: String::new(),
        postcode: code.clone(),
        town: if caps || rng.random_bool(0.4) {
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

/// The postcode a web form filled in from where the phone was (work, school, a shop) in the
/// person's own town: another postcode of the town, any; the town kept.
fn geolocated(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let town = world.codes[d.s.code].1;
    let others: Vec<usize> = world.town_codes[town]
        .iter()
        .copied()
        .filter(|&c| c != d.s.code)
        .collect();
    d.postcode = world.codes[*others.choose(rng)?].0.clone();
    Some(())
}

/// The letter a pen tablet's handwriting recogniser gives for a digit: `0`→`o`, `9`→`g` or
/// `q`, `6`→`b`, `1`→`|`.
fn tablet_letter(rng: &mut dyn RngCore, digit: char) -> Option<char> {
    Some(match digit {
        '0' => 'o',
        '9' => {
            if rng.random_bool(0.6) {
                'g'
            } else {
                'q'
            }
        }
        '6' => 'b',
        '1' => '|',
        _ => return None,
    })
}

/// One digit (two in 30 %) of the postcode read by a pen tablet's recogniser as a letter.
fn pen_tablet(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let mut chars: Vec<char> = d.postcode.chars().collect();
    if chars.len() != 4 || !chars.iter().all(char::is_ascii_digit) {
        return None;
    }
    let mut spots: Vec<usize> = (0..4)
        .filter(|&i| matches!(chars[i], '0' | '9' | '6' | '1'))
        .collect();
    if spots.is_empty() {
        return None;
    }
    let take = if spots.len() >= 2 && rng.random_bool(0.3) {
        2
    } else {
        1
    };
    for _ in 0..take {
        let i = spots.remove(rng.random_range(0..spots.len()));
        chars[i] = tablet_letter(rng, chars[i])?;
    }
    d.postcode = chars.into_iter().collect();
    Some(())
}

/// A raffle coupon that asks for the home municipality, not the postcode: no postcode, the
/// town written `Hamar kommune` (never for towns whose name ends in a one-letter word, such as
/// `KRISTIANSAND S`).
fn raffle(world: &World, d: &mut Draft) -> Option<()> {
    let town = &world.towns[world.codes[d.s.code].1];
    if town
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.chars().count() == 1)
    {
        return None;
    }
    d.postcode.clear();
    d.town = if d.caps {
        format!("{town} KOMMUNE")
    } else {
        format!("{} kommune", title(town))
    };
    Some(())
}

/// The bolignummer glued on with a hyphen by a spreadsheet concatenation
/// (`=A2&" "&B2&"-"&C2`: `Skoleveien 12b-H0203`), spaced (` - `) in a quarter.
fn concat(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = d.s.letter.is_some();
    d.seps = None;
    let sep = if rng.random_bool(0.25) { " - " } else { "-" };
    d.after = format!(
        "{sep}H0{}0{}",
        rng.random_range(1..=9),
        rng.random_range(1..=6)
    );
    Some(())
}

/// The street prefix cut to its first three letters and a dot by a dialer's agent screen
/// (`Nor. Skoleveien`).
fn dialer_prefix(d: &mut Draft) -> Option<()> {
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

/// The educator's given name initialled with a dot, as a parents' association contact list
/// writes it (`H. Raanes vei`); never a title (`Rektor`).
fn pta_initial(d: &mut Draft) -> Option<()> {
    let Shape::Person { who, .. } = d.s.shape else {
        return None;
    };
    if names::TITLED.contains(&who) {
        return None;
    }
    let g = names::EDUCATORS[who].0;
    let initial: String = g.chars().take(1).collect();
    let (_, rest) = d.street.split_once(' ')?;
    d.street = format!("{}. {rest}", d.up(initial));
    Some(())
}

/// The first given name in another spelling of its family, as a relative buying a gift card
/// writes it.
fn gift_card(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let fam = names::family_of(first)?;
    let others: Vec<&str> = fam.iter().copied().filter(|n| *n != first).collect();
    let mut words = vec![*others.choose(rng)?];
    words.extend_from_slice(&d.s.given[1..]);
    d.given = d.up(words.join(" "));
    Some(())
}

/// One text-recognition confusion at `at` (a byte index, never the first letter) of `s`, if
/// one applies there: `rn`→`m`, `m`→`rn`, `ri`→`n`, `n`→`ri`, `l`→`1` (either case).
fn confuse_at(s: &str, at: usize) -> Option<String> {
    if at == 0 {
        return None;
    }
    let rest = &s[at..];
    let pairs: &[(&str, &str)] = &[
        ("rn", "m"),
        ("RN", "M"),
        ("ri", "n"),
        ("RI", "N"),
        ("m", "rn"),
        ("M", "RN"),
        ("n", "ri"),
        ("N", "RI"),
        ("l", "1"),
        ("L", "1"),
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
/// word, 3 a town word), as a stencilled list's text recognition makes it.
fn stencil(rng: &mut dyn RngCore, d: &mut Draft, real: &[String], fields: &[usize]) -> Option<()> {
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

/// The fields with `æ ø å`.
fn fields_with_aeoeaa(d: &Draft) -> Vec<usize> {
    [&d.given, &d.surname, &d.street, &d.town]
        .iter()
        .enumerate()
        .filter(|(_, f)| has_aeoeaa(f))
        .map(|(i, _)| i)
        .collect()
}

/// `take` fields with `æ ø å` retyped by a user whose form refused them, with one habit of the
/// user's (`ø` as `o` or `oe`, `å` as `a` or `aa`, `æ` as `ae` or `a`; never the full
/// `ae oe aa`, which loses nothing).
fn retype(rng: &mut dyn RngCore, d: &mut Draft, take: usize, real: &[String]) -> Option<()> {
    let mut fields = fields_with_aeoeaa(d);
    if fields.len() < take {
        return None;
    }
    let habits: Vec<_> = HABITS
        .iter()
        .copied()
        .filter(|h| *h != ("ae", "oe", "aa"))
        .collect();
    let habit = *habits.choose(rng)?;
    for _ in 0..take {
        let i = fields.remove(rng.random_range(0..fields.len()));
        let field = field_mut(d, i);
        let out = retyped(field, habit);
        if makes_real(&out, field, real) {
            return None;
        }
        *field = out;
    }
    Some(())
}

/// Street, number and letter pasted from three spreadsheet cells: tabs between them (a blank
/// before the first tab in a third), a trailing tab in half.
fn tabs(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    let a = if rng.random_bool(0.33) { " \t" } else { "\t" };
    d.seps = Some((a, "\t"));
    d.after = if rng.random_bool(0.5) {
        "\t".to_string()
    } else {
        String::new()
    };
    Some(())
}

/// The postcode with the apostrophe Excel uses to keep a leading zero (`'0150`), exported
/// literally.
fn apostrophe(d: &mut Draft) -> Option<()> {
    if d.postcode.is_empty() {
        return None;
    }
    d.postcode = format!("'{}", d.postcode);
    Some(())
}

/// A CRM merge's duplicate counter after the surname (`Sæbø (2)`, `Sæbø_2`).
fn counter(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let n = rng.random_range(1..=3);
    d.surname = if rng.random_bool(0.6) {
        format!("{} ({n})", d.surname)
    } else {
        format!("{}_{n}", d.surname)
    };
    Some(())
}

/// The town as a chatbot's free text has it, with its preposition (`i Bergen`, `på Hamar`);
/// the postcode left out in half.
fn preposition(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let town = &world.towns[world.codes[d.s.code].1];
    let p = if rng.random_bool(0.6) { "i" } else { "på" };
    d.town = format!("{p} {}", title(town));
    if rng.random_bool(0.5) {
        d.postcode.clear();
    }
    Some(())
}

/// The town in its old-style short form (`Kr.sand S`, `Fr.stad`), the postcode left out in
/// half.
fn town_short(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let town = &world.towns[world.codes[d.s.code].1];
    let (_, forms) = names::TOWN_SHORT.iter().find(|(t, _)| t == town)?;
    d.town = forms.choose(rng)?.to_string();
    if rng.random_bool(0.5) {
        d.postcode.clear();
    }
    Some(())
}

/// `æ ø å` as numeric character references (`&#248;`, hex `&#xF8;` in a third) in one or two
/// fields, as an XML export written in ASCII leaves them.
fn ncr(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let mut fields = fields_with_aeoeaa(d);
    if fields.is_empty() {
        return None;
    }
    let take = if fields.len() >= 2 && rng.random_bool(0.5) {
        2
    } else {
        1
    };
    let hex = rng.random_bool(0.33);
    for _ in 0..take {
        let i = fields.remove(rng.random_range(0..fields.len()));
        let field = field_mut(d, i);
        let mut out = String::with_capacity(field.len() + 12);
        for c in field.chars() {
            if "æøåÆØÅ".contains(c) {
                if hex {
                    out.push_str(&format!("&#x{:X};", u32::from(c)));
                } else {
                    out.push_str(&format!("&#{};", u32::from(c)));
                }
            } else {
                out.push(c);
            }
        }
        *field = out;
    }
    Some(())
}

/// A nickname in quotes after the first given name, as an alumni register writes it
/// (`Kari "Snuppa" Marie`, `«Bamse»`, `“Tuppen”`).
fn nickname(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let nick = d.up(names::NICKNAMES.choose(rng)?.to_string());
    let quoted = match rng.random_range(0..3) {
        0 => format!("\"{nick}\""),
        1 => format!("«{nick}»"),
        _ => format!("\u{201c}{nick}\u{201d}"),
    };
    let mut words: Vec<String> = d.given.split(' ').map(str::to_string).collect();
    words.insert(1, quoted);
    d.given = words.join(" ");
    Some(())
}

/// A school parents' app's remark after the house: where the child lives (`hos mor`, `(hos
/// far)`, `, hos besteforeldre`).
fn hos(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    let remark = *[
        " hos mor",
        " hos far",
        " (hos mor)",
        " (hos far)",
        ", hos besteforeldre",
        " - hos mor",
    ]
    .choose(rng)?;
    d.after = d.up(remark.to_string());
    Some(())
}

/// The birth date shown with the year's last two digits transposed by a typist (`1957` for
/// `1975`); only years of the 1900s whose last two digits differ and give a year from 1915.
fn year_swap(d: &mut Draft) -> Option<()> {
    let b = d.s.birth;
    let y = b.year();
    let (t, u) = ((y / 10) % 10, y % 10);
    // A year before 1915 would be turned away by any form as an age above 110.
    if y / 100 != 19 || t == u || u * 10 + t < 15 {
        return None;
    }
    d.birth = Some(NaiveDate::from_ymd_opt(
        1900 + u * 10 + t,
        b.month(),
        b.day(),
    )?);
    Some(())
}

/// Every `aa` of the names, street and town written `å` by a normaliser that modernises the old
/// spelling (`Aamodt` → `Åmodt`, `Hans Raanes vei` → `Hans Rånes vei`).
fn aa_ring(d: &mut Draft) -> Option<()> {
    let mut changed = false;
    for i in 0..4 {
        let field = field_mut(d, i);
        let out = field
            .replace("aa", "å")
            .replace("Aa", "Å")
            .replace("AA", "Å");
        if out != *field {
            changed = true;
            *field = out;
        }
    }
    changed.then_some(())
}

/// Names, street and town upper-cased in a Turkish locale, which writes `i` as the dotted
/// capital `İ`.
fn turkish(d: &mut Draft) -> Option<()> {
    let mut changed = false;
    for i in 0..4 {
        let field = field_mut(d, i);
        let out: String = field
            .chars()
            .flat_map(|c| {
                if c == 'i' {
                    vec!['İ']
                } else {
                    c.to_uppercase().collect()
                }
            })
            .collect();
        changed |= out.contains('İ');
        *field = out;
    }
    changed.then_some(())
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
        GEOLOCATED => geolocated(rng, world, &mut d)?,
        PEN_TABLET => pen_tablet(rng, &mut d)?,
        RAFFLE => raffle(world, &mut d)?,
        CONCAT => concat(rng, &mut d)?,
        DIALER_PREFIX => dialer_prefix(&mut d)?,
        PTA_INITIAL => pta_initial(&mut d)?,
        GIFT_CARD => gift_card(rng, &mut d)?,
        STENCIL => stencil(rng, &mut d, real, &[0, 1, 2, 3])?,
        RETYPED => retype(rng, &mut d, 2, real)?,
        TABS => tabs(rng, &mut d)?,
        PAIR_GIFT => {
            gift_card(rng, &mut d)?;
            geolocated(rng, world, &mut d)?;
        }
        PAIR_RAFFLE => {
            raffle(world, &mut d)?;
            stencil(rng, &mut d, real, &[0, 1])?;
        }
        PAIR_DIALER => {
            dialer_prefix(&mut d)?;
            concat(rng, &mut d)?;
        }
        APOSTROPHE => apostrophe(&mut d)?,
        COUNTER => counter(rng, &mut d)?,
        PREPOSITION => preposition(rng, world, &mut d)?,
        TOWN_SHORT => town_short(rng, world, &mut d)?,
        NCR => ncr(rng, &mut d)?,
        NICKNAME => nickname(rng, &mut d)?,
        HOS => hos(rng, &mut d)?,
        YEAR_SWAP => year_swap(&mut d)?,
        AA_RING => aa_ring(&mut d)?,
        TURKISH => turkish(&mut d)?,
        _ => {}
    }
    Some(d.query())
}

/// One of this set's damages on a look-alike, so that damage is no cue (none if it does not
/// apply). `keep_given` leaves the given names' letters alone, `keep_birth` the birth date.
fn some_damage(
    rng: &mut dyn RngCore,
    world: &World,
    d: &mut Draft,
    real: &[String],
    keep_given: bool,
    keep_birth: bool,
) {
    let ocr_fields: &[usize] = if keep_given {
        &[1, 2, 3]
    } else {
        &[0, 1, 2, 3]
    };
    let _ = match rng.random_range(0..20) {
        0 => geolocated(rng, world, d),
        1 => pen_tablet(rng, d),
        2 => raffle(world, d),
        3 => apostrophe(d),
        4 => preposition(rng, world, d),
        5 => town_short(rng, world, d),
        6 => concat(rng, d),
        7 => dialer_prefix(d),
        8 => pta_initial(d),
        9 if !keep_given => gift_card(rng, d),
        10 => stencil(rng, d, real, ocr_fields),
        11 => retype(rng, d, 1, real),
        13 => counter(rng, d),
        14 => ncr(rng, d),
        15 => nickname(rng, d),
        16 => hos(rng, d),
        17 if !keep_birth && d.birth.is_some() => year_swap(d),
        18 => aa_ring(d),
        19 => turkish(d),
        _ => tabs(rng, d),
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

/// Whether reserved person `p` can anchor a look-alike of `kind` (a cheap check before
/// drawing).
pub fn anchors(world: &World, kind: &str, p: usize) -> bool {
    let person = &world.persons[p];
    let h = &world.households[person.household];
    match kind {
        LA_MEMBER => h.members.iter().any(|&m| !world.persons[m].reserved),
        LA_INITIAL_TWIN => matches!(
            world.streets[h.street].shape,
            Shape::Person { who, .. } if names::initial_twin(who).is_some()
        ),
        LA_SWAPPED_DATE => {
            let b = person.birth;
            b.day() <= 12 && b.day() != b.month()
        }
        LA_TWIN_SIBLING => person
            .given
            .first()
            .is_some_and(|g| names::sound_twin(g).is_some()),
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
            .random_bool(0.15)
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
    let (mut keep_given, mut keep_birth) = (false, false);
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
        LA_INITIAL_TWIN => {
            let mut s = a.clone();
            let Shape::Person { who, kind } = a.shape else {
                return None;
            };
            s.shape = Shape::Person {
                who: names::initial_twin(who)?,
                kind,
            };
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            (s, 0.3, 0.3)
        }
        LA_SWAPPED_DATE => {
            let mut s = a.clone();
            elsewhere(rng, world, &mut s)?;
            s.birth = NaiveDate::from_ymd_opt(a.birth.year(), a.birth.day(), a.birth.month())?;
            keep_birth = true;
            (s, 1.0, 0.3)
        }
        LA_TWIN_SIBLING => {
            let mut s = a.clone();
            s.given = vec![names::sound_twin(a.given.first()?)?];
            keep_given = true;
            keep_birth = true;
            (s, 0.6, 0.3)
        }
        LA_YEAR_APART => {
            let mut s = a.clone();
            elsewhere(rng, world, &mut s)?;
            let y = if a.birth.year() < 2008 && rng.random_bool(0.5) {
                a.birth.year() + 1
            } else {
                a.birth.year() - 1
            };
            s.birth = NaiveDate::from_ymd_opt(y, a.birth.month(), a.birth.day())?;
            keep_birth = true;
            (s, 1.0, 0.3)
        }
        _ => return None,
    };
    let mut d = lay_out(rng, world, s);
    d.birth = rng.random_bool(birth_rate).then_some(d.s.birth);
    if rng.random_bool(damage_rate) {
        some_damage(rng, world, &mut d, real, keep_given, keep_birth);
    }
    Some(d.query())
}
