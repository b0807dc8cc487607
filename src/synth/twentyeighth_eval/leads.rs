//! The twenty-eighth set's leads: the layout of a lead before damage, the corruption kinds
//! (call-centre, keyboard, browser-autofill, student-housing, mailing-house, swipe-keyboard,
//! returned-mail, directory-scrape, typesetting, browser-translation, dictation, bank-statement
//! and date-wheel damage) and the look-alike kinds (housemates on a family account,
//! variant-spelled namesakes on a street of the same name in another town, the other half of a
//! two-family house, inner-letter names, namesakes on a prefix twin street read through a
//! translator), with their shares.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore};

use super::judge::{fold, shifted};
use super::names::{self, Sex};
use super::world::{Shape, World, random_plain};
use crate::person::PersonQuery;

/// Issue: wrong postcode, right town.
pub const MISHEARD: &str = "postcode_digit_misheard_on_bad_line_same_town";
/// Issue: postcode misread.
pub const SHIFT: &str = "postcode_digit_typed_with_shift_held";
/// Issue: no postcode, a town.
pub const COUNTRY: &str = "postcode_field_autofilled_with_country_name";
/// Issue: a flat number in the street field.
pub const HYBEL: &str = "student_housing_hybel_number_after_house";
/// Issue: initials and abbreviated prefixes.
pub const MAILING: &str = "mailing_house_abbreviation_table_prefix_initial_and_type";
/// Issue: spelling variants of one given name.
pub const SWIPE: &str = "given_name_other_spelling_picked_by_swipe_keyboard";
/// Issue: OCR-like confusions.
pub const RETURNED_OCR: &str = "returned_mail_label_ocr_rn_m_li_h_l_1";
/// Issue: lossy transliteration in two fields.
pub const SLUG: &str = "directory_url_slug_scraped_two_fields";
/// Issue: whitespace.
pub const FIGURE: &str = "house_number_aligned_with_figure_and_punctuation_spaces";
/// Issue: two corruptions.
pub const PAIR_LABEL: &str = "returned_label_abbreviations_and_ocr";
/// Issue: two corruptions.
pub const PAIR_SLUG: &str = "directory_slug_two_fields_and_no_postcode";
/// Issue: two corruptions.
pub const PAIR_MOBILE: &str = "mobile_autofill_country_and_swipe_name";
/// Own.
pub const TRANSLATED: &str = "street_words_machine_translated_to_english";
/// Own.
pub const DICTATED: &str = "house_letter_dictated_as_spelling_alphabet_word";
/// Own.
pub const PAYER_CUT: &str = "payer_name_cut_at_bank_statement_width";
/// Own.
pub const WHEEL: &str = "birth_year_wheel_picker_one_notch_off";
/// The control.
pub const UNCHANGED: &str = "unchanged";

/// Look-alike: a real unreserved housemate shown with the anchor's birth date.
pub const LA_FAMILY_ACCOUNT: &str =
    "unreserved_housemate_with_anchor_birth_date_from_family_account";
/// Look-alike: the anchor's name, its given name in another spelling, on a street of the same
/// name in another town, at the anchor's number.
pub const LA_VARIANT_ELSEWHERE: &str = "variant_spelled_namesake_same_street_and_number_other_town";
/// Look-alike: the anchor's full name a generation apart in the other half of the house.
pub const LA_OTHER_HALF: &str = "same_name_other_generation_other_half_letter_as_spelling_word";
/// Look-alike: a housemate whose given name is the anchor's one inner letter apart.
pub const LA_INNER: &str = "housemate_named_anchor_name_one_inner_letter_apart";
/// Look-alike: the anchor's full name on the prefix twin street, the prefix translated.
pub const LA_TRANSLATED_TWIN: &str = "namesake_on_prefix_twin_street_prefix_machine_translated";

/// Corruption kinds and shares (per mille).
pub const CORRUPTED: &[(&str, usize)] = &[
    (MISHEARD, 60),
    (SHIFT, 60),
    (COUNTRY, 60),
    (HYBEL, 60),
    (MAILING, 60),
    (SWIPE, 60),
    (RETURNED_OCR, 60),
    (SLUG, 60),
    (FIGURE, 60),
    (PAIR_LABEL, 50),
    (PAIR_SLUG, 50),
    (PAIR_MOBILE, 50),
    (TRANSLATED, 62),
    (DICTATED, 62),
    (PAYER_CUT, 62),
    (WHEEL, 62),
    (UNCHANGED, 62),
];

/// Look-alike kinds and shares (per mille).
pub const LOOK_ALIKES: &[(&str, usize)] = &[
    (LA_FAMILY_ACCOUNT, 220),
    (LA_VARIANT_ELSEWHERE, 180),
    (LA_OTHER_HALF, 200),
    (LA_INNER, 200),
    (LA_TRANSLATED_TWIN, 200),
];

/// The order in which corruption kinds pick persons: the kinds few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    SLUG,
    PAIR_SLUG,
    PAYER_CUT,
    DICTATED,
    SWIPE,
    PAIR_MOBILE,
    MAILING,
    PAIR_LABEL,
    TRANSLATED,
    MISHEARD,
    RETURNED_OCR,
    SHIFT,
    COUNTRY,
    HYBEL,
    FIGURE,
    WHEEL,
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
    /// Written after the house in the street field (a hybel number).
    after: String,
    /// The house letter as written in its place (a spelling-alphabet phrase).
    letter_words: Option<String>,
    /// The street is a slug with the house joined by `-`.
    slug_house: bool,
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
        letter_words: None,
        slug_house: false,
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
            if self.glued || self.slug_house {
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
        if self.slug_house {
            street = format!(
                "{street}-{}{}",
                self.s.number,
                letter.map(String::from).unwrap_or_default()
            );
            number.clear();
            house_letter.clear();
        } else if self.in_street {
            let (a, b) = self.seps.unwrap_or((" ", " "));
            let house = match (&self.letter_words, letter) {
                (Some(w), _) => format!("{}{b}{w}", self.s.number),
                (None, Some(l)) if self.glued => format!("{}{l}", self.s.number),
                (None, Some(l)) => format!("{}{b}{l}", self.s.number),
                (None, None) => self.s.number.to_string(),
            };
            street = format!("{street}{a}{house}{}", self.after);
            number.clear();
            house_letter.clear();
        } else if let Some(w) = &self.letter_words {
            house_letter = w.clone();
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

/// Digits that sound alike over a bad line: `to`/`tre`, `fire`/`fem`, `seks`/`sju`.
fn sound_alike(d: char) -> Option<char> {
    Some(match d {
        '2' => '3',
        '3' => '2',
        '4' => '5',
        '5' => '4',
        '6' => '7',
        '7' => '6',
        _ => return None,
    })
}

fn misheard(rng: &mut dyn RngCore, world: &World, d: &mut Draft) -> Option<()> {
    let town = world.codes[d.s.code].1;
    let own: Vec<&str> = world.town_codes[town]
        .iter()
        .map(|&c| world.codes[c].0.as_str())
        .collect();
    let code: Vec<char> = d.postcode.chars().collect();
    let options: Vec<String> = (0..code.len())
        .filter_map(|i| {
            let mut c = code.clone();
            c[i] = sound_alike(c[i])?;
            let s: String = c.into_iter().collect();
            own.contains(&s.as_str()).then_some(s)
        })
        .collect();
    d.postcode = options.choose(rng)?.clone();
    Some(())
}

fn shift(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    if d.postcode.len() != 4 || !d.postcode.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = if rng.random_bool(0.6) { 1 } else { 2 };
    d.postcode = d
        .postcode
        .chars()
        .enumerate()
        .map(|(i, c)| if i < n { shifted(c).unwrap_or(c) } else { c })
        .collect();
    Some(())
}

const COUNTRIES: &[&str] = &["Norge", "NO", "Norway", "NOR", "Noreg", "NORGE"];

fn country(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.postcode = (*COUNTRIES.choose(rng)?).to_string();
    Some(())
}

fn hybel(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    let floor = rng.random_range(1..=6);
    let room = rng.random_range(1..=24);
    let bn = format!("H0{floor}{:02}", rng.random_range(1..=6));
    d.after = match rng.random_range(0..5) {
        0 => format!(", hybel {floor}{room:02}"),
        1 => format!(" hybel nr. {room}"),
        2 => format!(", {bn} hybel {room}"),
        3 => format!(" - rom {floor}{room:02}"),
        _ => format!(", {bn} (hybelhus, rom {room})"),
    };
    Some(())
}

fn mailing(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    if !d.s.shape.shortenable() {
        return None;
    }
    let name = d.s.shape.name();
    let mut words: Vec<String> = name.split(' ').map(str::to_string).collect();
    words[0] = names::abbreviation(&words[0]);
    let last = words.len() - 1;
    if rng.random_bool(0.7)
        && let Some(c) = names::contraction(&words[last])
    {
        words[last] = c;
    }
    d.street = d.up(words.join(" "));
    Some(())
}

fn swipe(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let first = *d.s.given.first()?;
    let others: Vec<&str> = names::family_of(first)?
        .iter()
        .copied()
        .filter(|n| *n != first)
        .collect();
    let mut words = vec![*others.choose(rng)?];
    words.extend_from_slice(&d.s.given[1..]);
    d.given = d.up(words.join(" "));
    Some(())
}

/// One label-scanner confusion at `at` (a byte index) of `s`, if one applies there.
fn confuse_at(s: &str, at: usize, alt: bool) -> Option<String> {
    let rest = &s[at..];
    let (from, to) = if rest.starts_with("rn") {
        ("rn", "m")
    } else if rest.starts_with("li") && !alt {
        ("li", "h")
    } else if rest.starts_with('m') {
        ("m", "rn")
    } else if rest.starts_with('h') {
        ("h", "li")
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
        .filter(|&(i, _)| confuse_at(word, i, false).is_some())
        .map(|(i, _)| i)
        .collect();
    let first = *spots.choose(rng)?;
    let mut out = confuse_at(word, first, rng.random_bool(0.4))?;
    if rng.random_bool(0.25) {
        // A second spot, left of the first so the first's bytes stay where they are.
        let left: Vec<usize> = spots.iter().copied().filter(|&i| i + 2 <= first).collect();
        if let Some(&i) = left.choose(rng)
            && let Some(two) = confuse_at(&out, i, false)
        {
            out = two;
        }
    }
    let key = fold(&out);
    (!real.contains(&key)).then_some(out)
}

fn returned_ocr(
    rng: &mut dyn RngCore,
    d: &mut Draft,
    real: &[String],
    names_only: bool,
) -> Option<()> {
    match rng.random_range(0..if names_only { 2 } else { 3 }) {
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

/// A web site's slug of a text: lower case, `æ` as `ae`, `ø` as `o`, `å` as `a`, accents
/// dropped, blanks as `-`.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push('o'),
            'å' => out.push('a'),
            'é' | 'è' => out.push('e'),
            ' ' | '-' if !out.ends_with('-') => out.push('-'),
            ' ' | '-' => {}
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out.trim_matches('-').to_string()
}

fn slug(rng: &mut dyn RngCore, d: &mut Draft, take: usize) -> Option<()> {
    let lossy = |s: &str| !s.is_ascii();
    let street_name = d.s.shape.name();
    let mut fields: Vec<usize> = [
        lossy(&d.given),
        lossy(&d.surname),
        lossy(&street_name),
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
        match fields.remove(i) {
            0 => d.given = slugify(&d.given),
            1 => d.surname = slugify(&d.surname),
            2 => {
                d.street = slugify(&street_name);
                d.slug_house = true;
            }
            _ => d.town = slugify(&d.town),
        }
    }
    Some(())
}

const FIGURE_BEFORE: &[&str] = &[
    "\u{2007}",
    "\u{2007}\u{2007}",
    "\u{2007}\u{2007}\u{2007}",
    "\u{2008}\u{2007}",
    "\u{200A}\u{2007}\u{2007}",
    "\u{2006}\u{2007}",
];
const FIGURE_AFTER: &[&str] = &["\u{2008}", "\u{200A}", "\u{2007}", "\u{2006}"];

fn figure(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    d.in_street = true;
    d.glued = false;
    d.seps = Some((*FIGURE_BEFORE.choose(rng)?, *FIGURE_AFTER.choose(rng)?));
    Some(())
}

fn translated(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let name = d.s.shape.name();
    let mut any = false;
    let capital = rng.random_bool(0.5);
    let words: Vec<String> = name
        .split(' ')
        .map(|w| match names::english(w) {
            Some(e) => {
                any = true;
                if capital { title(e) } else { e.to_string() }
            }
            None => w.to_string(),
        })
        .collect();
    if !any {
        return None;
    }
    d.street = d.up(words.join(" "));
    Some(())
}

fn dictated(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let l = d.s.letter?;
    let word = names::spelling_word(l)?;
    let phrase = match rng.random_range(0..4) {
        0 => word.to_string(),
        1 => format!("{l} som i {word}"),
        2 => format!("{} som i {}", l.to_ascii_lowercase(), word.to_lowercase()),
        _ => format!("{l} for {word}"),
    };
    d.letter_words = Some(d.up(phrase));
    d.glued = false;
    Some(())
}

fn payer_cut(rng: &mut dyn RngCore, d: &mut Draft, real: &[String]) -> Option<()> {
    let given = d.s.given.join(" ");
    let full = format!("{given} {}", d.s.surname);
    let width = *[14usize, 16, 18, 20].choose(rng)?;
    let (g, n) = (given.chars().count(), full.chars().count());
    // The cut falls in the surname, keeps four of its letters and takes two or more.
    if width + 2 > n || width < g + 1 + 4 {
        return None;
    }
    let cut: String = full.chars().skip(g + 1).take(width - g - 1).collect();
    if real.contains(&fold(&cut)) {
        return None;
    }
    let caps = rng.random_bool(0.75);
    let up = |t: String| if caps { t.to_uppercase() } else { t };
    d.given = up(given);
    d.surname = up(cut);
    Some(())
}

fn wheel(rng: &mut dyn RngCore, d: &mut Draft) -> Option<()> {
    let b = d.s.birth;
    let y = if rng.random_bool(0.5) {
        b.year() + 1
    } else {
        b.year() - 1
    };
    d.birth = Some(b.with_year(y)?);
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
        MISHEARD => misheard(rng, world, &mut d)?,
        SHIFT => shift(rng, &mut d)?,
        COUNTRY => country(rng, &mut d)?,
        HYBEL => hybel(rng, &mut d)?,
        MAILING => mailing(rng, &mut d)?,
        SWIPE => swipe(rng, &mut d)?,
        RETURNED_OCR => returned_ocr(rng, &mut d, real, false)?,
        SLUG => slug(rng, &mut d, 2)?,
        FIGURE => figure(rng, &mut d)?,
        PAIR_LABEL => {
            mailing(rng, &mut d)?;
            returned_ocr(rng, &mut d, real, true)?;
        }
        PAIR_SLUG => {
            slug(rng, &mut d, 2)?;
            d.postcode.clear();
        }
        PAIR_MOBILE => {
            swipe(rng, &mut d)?;
            country(rng, &mut d)?;
        }
        TRANSLATED => translated(rng, &mut d)?,
        DICTATED => dictated(rng, &mut d)?,
        PAYER_CUT => payer_cut(rng, &mut d, real)?,
        WHEEL => wheel(rng, &mut d)?,
        _ => {}
    }
    Some(d.query())
}

/// One of this set's damages on a look-alike, so that damage is no cue (none if it does not
/// apply).
fn some_damage(rng: &mut dyn RngCore, world: &World, d: &mut Draft, real: &[String]) {
    let _ = match rng.random_range(0..12) {
        0 => misheard(rng, world, d),
        1 => shift(rng, d),
        2 => country(rng, d),
        3 => hybel(rng, d),
        4 => mailing(rng, d),
        5 => swipe(rng, d),
        6 => returned_ocr(rng, d, real, false),
        7 => slug(rng, d, 1),
        8 => figure(rng, d),
        9 => translated(rng, d),
        10 => dictated(rng, d),
        _ => payer_cut(rng, d, real),
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
    let mut shown_birth: Option<NaiveDate> = None;
    let mut translate = false;
    let mut spell_letter = false;
    let mut no_postcode = false;
    let (s, birth_rate, damage_rate) = match kind {
        LA_FAMILY_ACCOUNT => {
            let h = &world.households[world.persons[anchor].household];
            let free: Vec<usize> = h
                .members
                .iter()
                .copied()
                .filter(|&m| !world.persons[m].reserved)
                .collect();
            shown_birth = Some(a.birth);
            (subject(world, *free.choose(rng)?), 1.0, 0.4)
        }
        LA_VARIANT_ELSEWHERE => {
            let h = &world.households[world.persons[anchor].household];
            let town = world.town_of(h.street);
            let name = a.shape.name();
            let others: Vec<usize> = world
                .by_name
                .get(&name)?
                .iter()
                .copied()
                .filter(|&st| world.town_of(st) != town)
                .collect();
            let st = *others.choose(rng)?;
            let mut s = a.clone();
            s.code = world.streets[st].code;
            if let Some(f) = names::family_of(a.given.first()?) {
                let other: Vec<&str> = f.iter().copied().filter(|n| *n != a.given[0]).collect();
                s.given[0] = other.choose(rng)?;
            }
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            no_postcode = rng.random_bool(0.35);
            (s, 0.4, 0.3)
        }
        LA_OTHER_HALF => {
            let own = a.letter?;
            let other: Vec<char> = ['A', 'B', 'C', 'D']
                .into_iter()
                .filter(|&c| c != own)
                .collect();
            let mut s = a.clone();
            s.letter = Some(*other.choose(rng)?);
            s.birth = shifted_birth(rng, a.birth, 22..=35);
            spell_letter = rng.random_bool(0.6);
            (s, 0.5, 0.3)
        }
        LA_INNER => {
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
            (s, 0.3, 0.3)
        }
        LA_TRANSLATED_TWIN => {
            let Shape::Compound {
                prefix,
                stem,
                ending,
            } = a.shape
            else {
                return None;
            };
            let others: Vec<usize> = (0..names::PREFIXES.len())
                .filter(|&p| Some(p) != prefix)
                .collect();
            let mut s = a.clone();
            s.shape = Shape::Compound {
                prefix: Some(*others.choose(rng)?),
                stem,
                ending,
            };
            if rng.random_bool(0.4) {
                s.code = *world.town_codes[world.codes[a.code].1].choose(rng)?;
            }
            s.birth = shifted_birth(rng, a.birth, 1..=30);
            translate = rng.random_bool(0.7);
            (s, 0.4, 0.3)
        }
        _ => return None,
    };
    let mut d = lay_out(rng, world, s);
    d.birth = rng
        .random_bool(birth_rate)
        .then_some(shown_birth.unwrap_or(d.s.birth));
    if translate {
        translated(rng, &mut d)?;
    }
    if spell_letter {
        dictated(rng, &mut d)?;
    }
    if no_postcode {
        d.postcode.clear();
    }
    if rng.random_bool(damage_rate) {
        some_damage(rng, world, &mut d, real);
    }
    Some(d.query())
}
