//! The thirty-second set's leads: the layout of a lead before damage, the corruption kinds (a
//! web form's town dropdown one row off, a mailroom scanner's letters for postcode digits, a
//! data-minimising export without postcodes, a property listing's bolignummer after a comma, an
//! old member list's prefix contractions, a car navigation export's undotted initial, a
//! referring friend's spelling, a scanned newspaper tax list's text recognition, `iconv`'s
//! transliteration in two fields, an e-mail signature's no-break spaces, a phone's long-press
//! neighbours of `æ ø å`, a legacy validator cutting the surname at its first `æ ø å`, soft
//! hyphens from a web page, a spreadsheet's text-guard formula around the postcode, given names
//! joined by a one-word field, a former address in brackets, a birth date kept by month, a
//! grave typed for an acute, an en dash before the house letter, Oslo's old postal district
//! numbers) and the look-alike kinds (an unreserved household member, a namesake in a twin
//! town, a neighbour with the surname's ASCII twin, a lodger whose surname begins like the
//! anchor's before its `æ ø å`, the same name a generation apart at the same house), with
//! their shares.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{fold, has_aeoeaa, iconv, ocr_canon};
use super::names;
use super::world::{Shape, World};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const DROPDOWN: &str = "postcode_picked_one_row_off_in_town_dropdown";
/// Issue: postcode misread.
pub const MAILROOM: &str = "postcode_mailroom_scanner_letters_o_i_z_s_g_b_for_digits";
/// Issue: no postcode, a town.
pub const MINIMISED: &str = "postcode_dropped_by_data_minimising_export_town_lowercased";
/// Issue: a flat number in the street field.
pub const LISTING: &str = "bolignummer_after_comma_copied_from_property_listing";
/// Issue: abbreviated prefixes.
pub const CONTRACTION: &str = "street_prefix_contraction_from_old_housing_coop_member_list";
/// Issue: initials of person-named streets.
pub const NAV_INITIAL: &str = "person_street_given_initial_without_dot_from_car_navigation_export";
/// Issue: spelling variants of one given name.
pub const REFERRAL: &str = "given_name_other_spelling_written_by_referring_friend";
/// Issue: OCR-like confusions.
pub const TAX_LIST: &str = "scanned_newspaper_tax_list_ocr_rn_m_l_1_li_h_d_cl";
/// Issue: lossy transliteration in two fields.
pub const ICONV: &str = "aeoeaa_through_iconv_ascii_translit_ae_o_a_two_fields";
/// Issue: whitespace.
pub const SIGNATURE: &str = "address_copied_from_email_signature_nbsp_runs";
/// Issue: two corruptions.
pub const PAIR_FRIEND: &str = "referring_friend_spelling_and_town_dropdown_one_row_off";
/// Issue: two corruptions.
pub const PAIR_MAILROOM: &str = "mailroom_scanner_postcode_letters_and_name_text_recognition";
/// Issue: two corruptions.
pub const PAIR_LISTING: &str = "property_listing_bolignummer_and_member_list_prefix_contraction";
/// Own.
pub const LONG_PRESS: &str = "english_phone_keyboard_long_press_neighbour_of_aeoeaa";
/// Own.
pub const CUT: &str = "surname_cut_at_first_aeoeaa_by_ascii_only_validator";
/// Own.
pub const SOFT_HYPHEN: &str = "soft_hyphens_left_in_street_copied_from_hyphenating_web_page";
/// Own.
pub const FORMULA: &str = "postcode_wrapped_in_spreadsheet_text_guard_formula";
/// Own.
pub const JOINED: &str = "given_names_joined_by_one_word_first_name_field";
/// Own.
pub const FORMER: &str = "former_address_in_brackets_after_street_from_change_of_address";
/// Own.
pub const MONTH: &str = "birth_date_kept_as_first_of_month_by_age_segment_crm";
/// Own.
pub const GRAVE: &str = "acute_accent_typed_as_grave_with_shift_on_norwegian_key";
/// Own.
pub const EN_DASH: &str = "house_letter_after_en_dash_from_word_processor_autoformat";
/// Own.
pub const OSLO: &str = "town_with_old_oslo_postal_district_number";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a real unreserved member of the anchor's household, through the same damages.
pub const LA_MEMBER: &str = "unreserved_household_member_through_forest_set_damages";
/// Look-alike: the anchor's name at the anchor's street name, number and letter in a twin
/// town that shares a name word with the anchor's (`Bø i Telemark`, `Bø i Vesterålen`).
pub const LA_TWIN_TOWN: &str = "namesake_same_street_and_number_in_twin_town_sharing_name_word";
/// Look-alike: the anchor's given names with the surname's ASCII twin (`Braten` for
/// `Bråten`) two doors away on the anchor's street.
pub const LA_ASCII_TWIN: &str = "neighbour_two_doors_away_with_ascii_twin_surname";
/// Look-alike: a lodger at the anchor's house with the anchor's given names and a surname that
/// begins with the letters the anchor's has before its `æ ø å` (`Grimsrud` at `Grøtting`'s).
pub const LA_LODGER: &str = "lodger_same_given_surname_sharing_letters_before_aeoeaa";
/// Look-alike: the anchor's full name at the anchor's house, born a generation apart, the birth
/// date shown (as the first of the month in 60 %).
pub const LA_GENERATION: &str = "same_full_name_generation_apart_same_house_birth_month_shown";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (DROPDOWN, 55),
    (MAILROOM, 55),
    (MINIMISED, 55),
    (LISTING, 55),
    (CONTRACTION, 55),
    (NAV_INITIAL, 55),
    (REFERRAL, 55),
    (TAX_LIST, 55),
    (ICONV, 55),
    (SIGNATURE, 55),
    (PAIR_FRIEND, 50),
    (PAIR_MAILROOM, 50),
    (PAIR_LISTING, 50),
    (LONG_PRESS, 25),
    (CUT, 25),
    (SOFT_HYPHEN, 25),
    (FORMULA, 25),
    (JOINED, 25),
    (FORMER, 25),
    (MONTH, 25),
    (GRAVE, 25),
    (EN_DASH, 25),
    (OSLO, 25),
    (UNCHANGED, 50),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_MEMBER, 200),
    (LA_TWIN_TOWN, 200),
    (LA_ASCII_TWIN, 200),
    (LA_LODGER, 200),
    (LA_GENERATION, 200),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    GRAVE,
    PAIR_LISTING,
    EN_DASH,
    JOINED,
    NAV_INITIAL,
    CONTRACTION,
    OSLO,
    CUT,
    PAIR_FRIEND,
    REFERRAL,
    LONG_PRESS,
    ICONV,
    SOFT_HYPHEN,
    MONTH,
    PAIR_MAILROOM,
    MAILROOM,
    TAX_LIST,
    DROPDOWN,
    MINIMISED,
    LISTING,
    SIGNATURE,
    FORMULA,
    FORMER,
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
    /// Written right after the house in the street field (a flat number, a remark, blanks).
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
    let in_street = rng.random_bool(0.6);
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

/// The postcode picked one row off in a web form's dropdown of the town's postcodes (sorted):
/// the code just above or below in the town's list; the town kept.
fn dropdown(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let town = world.codes[d.s.code].1;
    let list = &world.town_codes[town];
    let i = list.iter().position(|&c| c == d.s.code)?;
    let mut options = Vec::new();
    if i > 0 {
        options.push(list[i - 1]);
    }
    if let Some(&next) = list.get(i + 1) {
        options.push(next);
    }
    d.postcode = world.codes[*options.choose(rng)?].0.clone();
    Some(())
}

/// The letter a mailroom scanner gives for a digit.
fn scanner_letter(rng: &mut dyn RngCore, digit: char) -> Option<char> {
    Some(match digit {
        '0' => 'O',
        '1' => {
            if rng.random_bool(0.5) {
                'I'
            } else {
                'l'
            }
        }
        '2' => 'Z',
        '5' => 'S',
        '6' => 'G',
        '8' => 'B',
        _ => return None,
    })
}

/// One digit (two in 30 %) of the postcode read by a mailroom scanner as a letter.
fn mailroom(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let mut chars: Vec<char> = d.postcode.chars().collect();
    if chars.len() != 4 || !chars.iter().all(char::is_ascii_digit) {
        return None;
    }
    let mut spots: Vec<usize> = (0..4)
        .filter(|&i| matches!(chars[i], '0' | '1' | '2' | '5' | '6' | '8'))
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
        chars[i] = scanner_letter(rng, chars[i])?;
    }
    d.postcode = chars.into_iter().collect();
    Some(())
}

/// A data-minimising export that keeps the town but drops the postcode (and lower-cases the
/// town as its normaliser does).
fn minimised(d: &mut Draft) -> Option<()> {
    d.postcode.clear();
    d.town = d.town.to_lowercase();
    Some(())
}

/// The bolignummer after a comma, as a property listing writes the address (`Sagveien 9,
/// H0404`).
fn listing(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    let h = if rng.random_bool(0.15) { 'h' } else { 'H' };
    let sep = if rng.random_bool(0.8) { ", " } else { "," };
    d.after = format!(
        "{sep}{h}0{}0{}",
        rng.random_range(1..=8),
        rng.random_range(1..=4)
    );
    Some(())
}

/// The prefix in an old housing co-operative member list's contraction (`Ndr.`, `Sdr.`,
/// `Øvr.`, `St.`, `Vr.` …).
fn contraction(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let Shape::Compound {
        prefix: Some(p), ..
    } = d.s.shape
    else {
        return None;
    };
    let short = names::PREFIX_CONTRACTIONS.get(p)?.choose(rng)?.to_string();
    let (_, rest) = d.street.split_once(' ')?;
    d.street = format!("{} {rest}", d.up(short));
    Some(())
}

/// The person street's given name as its bare initial, no dot (`H Raanes vei`), as a car
/// navigation export writes it.
fn nav_initial(d: &mut Draft) -> Option<()> {
    let Shape::Person { who, .. } = d.s.shape else {
        return None;
    };
    let g = names::FOREST_PEOPLE[who].0;
    let initial: String = g.chars().take(1).collect();
    if initial.is_empty() {
        return None;
    }
    let (_, rest) = d.street.split_once(' ')?;
    d.street = format!("{} {rest}", d.up(initial));
    Some(())
}

/// The first given name in another spelling of its family, as a friend filling in a referral
/// form writes it.
fn referral(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let fam = names::family_of(first)?;
    let others: Vec<&str> = fam.iter().copied().filter(|n| *n != first).collect();
    let mut words = vec![*others.choose(rng)?];
    words.extend_from_slice(&d.s.given[1..]);
    d.given = d.up(words.join(" "));
    Some(())
}

/// One text-recognition confusion at `at` (a byte index) of `s`, if one applies there:
/// `rn`→`m`, `m`→`rn`, `li`→`h`, `h`→`li`, `d`→`cl`, `l`→`1` (either case).
fn confuse_at(s: &str, at: usize) -> Option<String> {
    let rest = &s[at..];
    let pairs: &[(&str, &str)] = &[
        ("rn", "m"),
        ("RN", "M"),
        ("li", "h"),
        ("LI", "H"),
        ("m", "rn"),
        ("M", "RN"),
        ("h", "li"),
        ("H", "LI"),
        ("d", "cl"),
        ("D", "CL"),
        ("l", "1"),
        ("L", "1"),
    ];
    let &(from, to) = pairs.iter().find(|(f, _)| rest.starts_with(f))?;
    let tail = &s[at + from.len()..];
    // A capital before small letters reads as a capital and a small one (`Holm` → `Liolm`).
    let to = if from.len() == 1 && to.len() == 2 && tail.starts_with(char::is_lowercase) {
        let mut t = to[..1].to_string();
        t.push_str(&to[1..].to_lowercase());
        t
    } else {
        to.to_string()
    };
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

/// One confusion in the first given name, the surname, a street word or (unless `names_only`)
/// the town.
fn tax_list(rng: &mut dyn RngCore, d: &mut Draft, real: &[String], names_only: bool) -> Option<()> {
    let field = if names_only {
        rng.random_range(0..2)
    } else {
        rng.random_range(0..4)
    };
    match field {
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

/// `take` fields with `æ ø å` through `iconv`'s ASCII transliteration (`æ`→`ae`, `ø`→`o`,
/// `å`→`a`).
fn iconv_fields(rng: &mut dyn RngCore, d: &mut Draft, take: usize, real: &[String]) -> Option<()> {
    let mut fields = fields_with_aeoeaa(d);
    if fields.len() < take {
        return None;
    }
    for _ in 0..take {
        let i = fields.remove(rng.random_range(0..fields.len()));
        let field = field_mut(d, i);
        let out = iconv(field);
        if makes_real(&out, field, real) {
            return None;
        }
        *field = out;
    }
    Some(())
}

/// The street and house pasted from an e-mail signature: runs of no-break spaces and blanks
/// between street, number and letter, and after the house.
fn signature(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    let a = *[" \u{a0}", "\u{a0}\u{a0}", "  ", "\u{a0} \u{a0}", "   "].choose(rng)?;
    let b = *["\u{a0}", "  ", " \u{a0}"].choose(rng)?;
    d.seps = Some((a, b));
    d.after = if rng.random_bool(0.5) {
        "\u{a0}\u{a0}".to_string()
    } else {
        String::new()
    };
    Some(())
}

/// The letter an English phone keyboard's long press offers beside `æ ø å` (`ä` beside `æ`,
/// `œ` and `ō` beside `ø`, `ā` beside `å`).
fn long_press_letter(rng: &mut dyn RngCore, c: char) -> Option<char> {
    Some(match c {
        'æ' => 'ä',
        'Æ' => 'Ä',
        'ø' => {
            if rng.random_bool(0.5) {
                'œ'
            } else {
                'ō'
            }
        }
        'Ø' => {
            if rng.random_bool(0.5) {
                'Œ'
            } else {
                'Ō'
            }
        }
        'å' => 'ā',
        'Å' => 'Ā',
        _ => return None,
    })
}

/// In one or two fields every `æ ø å` picked as its long-press neighbour.
fn long_press(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let mut fields = fields_with_aeoeaa(d);
    if fields.is_empty() {
        return None;
    }
    let take = if fields.len() >= 2 && rng.random_bool(0.5) {
        2
    } else {
        1
    };
    for _ in 0..take {
        let i = fields.remove(rng.random_range(0..fields.len()));
        let field = field_mut(d, i);
        let out: String = field
            .chars()
            .map(|c| long_press_letter(rng, c).unwrap_or(c))
            .collect();
        *field = out;
    }
    Some(())
}

/// The surname cut at its first `æ ø å` by a validator that takes ASCII letters only (at least
/// two letters kept: `Grøtting` → `Gr`).
fn cut(d: &mut Draft) -> Option<()> {
    let p = names::before_aeoeaa(&d.s.surname)?.to_string();
    d.surname = d.up(p);
    Some(())
}

/// Soft hyphens (U+00AD) left where a hyphenating web page may break the street name: between
/// stem and ending, and inside a long stem.
fn soft_hyphen(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let Shape::Compound {
        prefix,
        stem,
        ending,
    } = d.s.shape
    else {
        return None;
    };
    let stem_s = names::STEMS[stem];
    let body = names::compound(stem_s, names::ENDINGS[ending]);
    let tail = body.get(stem_s.len()..)?;
    let chars: Vec<char> = stem_s.chars().collect();
    let stem_written: String = if chars.len() >= 8 && rng.random_bool(0.6) {
        let mid = chars.len() / 2;
        let (a, b): (String, String) =
            (chars[..mid].iter().collect(), chars[mid..].iter().collect());
        format!("{a}\u{ad}{b}")
    } else {
        stem_s.to_string()
    };
    let body = format!("{stem_written}\u{ad}{tail}");
    let name = match prefix {
        Some(p) => format!("{} {body}", names::PREFIXES[p]),
        None => body,
    };
    d.street = d.up(name);
    Some(())
}

/// The postcode wrapped in the formula a CSV writer uses to keep Excel from dropping its
/// leading zero (`="0150"`).
fn formula(d: &mut Draft) -> Option<()> {
    if d.postcode.is_empty() {
        return None;
    }
    d.postcode = format!("=\"{}\"", d.postcode);
    Some(())
}

/// Two or more given names joined into one word by a first-name field that takes no blanks
/// (`NilsAnders` or `Nilsanders`).
fn joined(rng: &mut dyn RngCore, d: &mut Draft, real: &[String]) -> Option<()> {
    if d.s.given.len() < 2 {
        return None;
    }
    let camel = rng.random_bool(0.5);
    let mut out = String::new();
    for (i, g) in d.s.given.iter().enumerate() {
        if i == 0 || camel {
            out.push_str(g);
        } else {
            out.push_str(&g.to_lowercase());
        }
    }
    if real.contains(&fold(&out)) {
        return None;
    }
    d.given = d.up(out);
    Some(())
}

/// A change-of-address record's former address left in brackets after the house (`Sagveien 9
/// (tidl. Barkveien 3)`).
fn former(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    let shape = Shape::Compound {
        prefix: None,
        stem: rng.random_range(0..names::STEMS.len()),
        ending: rng.random_range(0..names::ENDINGS.len()),
    };
    let old = shape.name();
    if fold(&old) == fold(&d.s.shape.name()) {
        return None;
    }
    let n = rng.random_range(1..=150);
    let label = *["tidl.", "tidligere adresse:", "flyttet fra", "gml. adr."].choose(rng)?;
    d.after = d.up(format!(" ({label} {old} {n})"));
    Some(())
}

/// The birth date shown as the first of its month (a CRM that keeps birth dates by month for
/// age segments); never a date that is already the first.
fn month(d: &mut Draft) -> Option<()> {
    let b = d.s.birth;
    if b.day() == 1 {
        return None;
    }
    d.birth = Some(NaiveDate::from_ymd_opt(b.year(), b.month(), 1)?);
    Some(())
}

/// Every acute accent of the given names typed as a grave (`Andrè`): on a Norwegian keyboard
/// the grave is the shifted key whose acute needs AltGr.
fn grave(d: &mut Draft) -> Option<()> {
    if !d.given.contains(['é', 'É']) {
        return None;
    }
    d.given = d.given.replace('é', "è").replace('É', "È");
    Some(())
}

/// The house letter after an en dash (or an em dash) that a word processor's autoformat made of
/// a spaced hyphen (`Sagveien 9 – B`).
fn en_dash(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.s.letter?;
    d.in_street = true;
    d.glued = false;
    let b = *[" \u{2013} ", " \u{2013} ", "\u{2014}"].choose(rng)?;
    d.seps = Some((" ", b));
    Some(())
}

/// Oslo written with an old postal district number (`Oslo 5`), the postcode left out in half.
fn oslo(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    if world.towns[world.codes[d.s.code].1] != "OSLO" {
        return None;
    }
    d.town = format!("{} {}", d.town, rng.random_range(1..=12));
    if rng.random_bool(0.5) {
        d.postcode.clear();
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
        DROPDOWN => dropdown(rng, world, &mut d)?,
        MAILROOM => mailroom(rng, &mut d)?,
        MINIMISED => minimised(&mut d)?,
        LISTING => listing(rng, &mut d)?,
        CONTRACTION => contraction(rng, &mut d)?,
        NAV_INITIAL => nav_initial(&mut d)?,
        REFERRAL => referral(rng, &mut d)?,
        TAX_LIST => tax_list(rng, &mut d, real, false)?,
        ICONV => iconv_fields(rng, &mut d, 2, real)?,
        SIGNATURE => signature(rng, &mut d)?,
        PAIR_FRIEND => {
            referral(rng, &mut d)?;
            dropdown(rng, world, &mut d)?;
        }
        PAIR_MAILROOM => {
            mailroom(rng, &mut d)?;
            tax_list(rng, &mut d, real, true)?;
        }
        PAIR_LISTING => {
            contraction(rng, &mut d)?;
            listing(rng, &mut d)?;
        }
        LONG_PRESS => long_press(rng, &mut d)?,
        CUT => cut(&mut d)?,
        SOFT_HYPHEN => soft_hyphen(rng, &mut d)?,
        FORMULA => formula(&mut d)?,
        JOINED => joined(rng, &mut d, real)?,
        FORMER => former(rng, &mut d)?,
        MONTH => month(&mut d)?,
        GRAVE => grave(&mut d)?,
        EN_DASH => en_dash(rng, &mut d)?,
        OSLO => oslo(rng, world, &mut d)?,
        _ => {}
    }
    Some(d.query())
}

/// One of this set's damages on a look-alike, so that damage is no cue (none if it does not
/// apply). `keep_postcode` leaves the postcode and town alone, `keep_birth` the birth date,
/// `keep_surname` the surname.
fn some_damage(
    rng: &mut dyn RngCore,
    world: &World,
    d: &mut Draft,
    real: &[String],
    keep: (bool, bool, bool),
) {
    let (keep_postcode, keep_birth, keep_surname) = keep;
    let _ = match rng.random_range(0..18) {
        0 if !keep_postcode => dropdown(rng, world, d),
        1 if !keep_postcode => mailroom(rng, d),
        2 if !keep_postcode => minimised(d),
        3 if !keep_postcode => oslo(rng, world, d),
        0..=3 => listing(rng, d),
        4 => contraction(rng, d),
        5 => nav_initial(d),
        6 => referral(rng, d),
        7 if !keep_surname => tax_list(rng, d, real, false),
        8 if !keep_surname => iconv_fields(rng, d, 1, real),
        9 if !keep_surname => long_press(rng, d),
        10 if !keep_surname => cut(d),
        7..=10 => signature(rng, d),
        11 => soft_hyphen(rng, d),
        12 => formula(d),
        13 => joined(rng, d, real),
        14 => former(rng, d),
        15 if !keep_birth && d.birth.is_some() => month(d),
        15 => grave(d),
        16 => en_dash(rng, d),
        _ => signature(rng, d),
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
    NaiveDate::from_ymd_opt(y, rng.random_range(1..=12), rng.random_range(2..=28))
}

/// Whether reserved person `p` can anchor a look-alike of `kind` (a cheap check before
/// drawing).
pub fn anchors(world: &World, kind: &str, p: usize) -> bool {
    let person = &world.persons[p];
    match kind {
        LA_MEMBER => world.households[person.household]
            .members
            .iter()
            .any(|&m| !world.persons[m].reserved),
        LA_TWIN_TOWN => {
            let h = &world.households[person.household];
            let town = world.codes[world.streets[h.street].code].1;
            !world.twins[town].is_empty()
        }
        LA_ASCII_TWIN => names::ascii_twin(person.surname).is_some(),
        LA_LODGER => names::prefix_partner(person.surname).is_some(),
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
    let mut keep = (false, false, false);
    let mut postcode_rate = 1.0;
    let mut month_rate = 0.0;
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
        LA_TWIN_TOWN => {
            let town = world.codes[a.code].1;
            let twin = *world.twins[town].choose(rng)?;
            let mut s = a.clone();
            s.code = *world.town_codes[twin].choose(rng)?;
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            keep.0 = true;
            postcode_rate = 0.4;
            (s, 0.4, 0.3)
        }
        LA_ASCII_TWIN => {
            let mut s = a.clone();
            s.surname = names::ascii_twin(&a.surname)?;
            s.number = if a.number > 2 && rng.random_bool(0.5) {
                a.number - 2
            } else {
                a.number + 2
            };
            s.letter = None;
            s.birth = shifted_birth(rng, a.birth, 1..=40);
            keep.2 = true;
            (s, 0.4, 0.3)
        }
        LA_LODGER => {
            let mut s = a.clone();
            s.surname = names::prefix_partner(&a.surname)?.to_string();
            s.birth = shifted_birth(rng, a.birth, 1..=40);
            keep.2 = true;
            (s, 0.4, 0.3)
        }
        LA_GENERATION => {
            let mut s = a.clone();
            s.birth = years_apart(rng, a.birth, 20..=40, 1920)?;
            keep.1 = true;
            month_rate = 0.6;
            (s, 1.0, 0.3)
        }
        _ => return None,
    };
    let mut d = lay_out(rng, world, s);
    d.birth = rng.random_bool(birth_rate).then_some(d.s.birth);
    if d.birth.is_some() && rng.random_bool(month_rate) {
        month(&mut d)?;
    }
    if !rng.random_bool(postcode_rate) {
        d.postcode.clear();
    }
    if rng.random_bool(damage_rate) {
        some_damage(rng, world, &mut d, real, keep);
    }
    Some(d.query())
}
