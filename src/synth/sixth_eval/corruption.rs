//! Lead layout and the corruptions of the sixth set. A lead is first a [`Draft`]: the
//! person's fields as a list writes them losslessly (house in its own fields, in the number
//! field, or after the street); each kind then damages the draft or adds to it the way real
//! call-centre lists do.

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::judge;
use super::names;
use super::places::{StreetShape, title_case};
use super::population::{Person, Population};
use crate::person::PersonQuery;

pub const POSTCODE_SLIP: &str = "postcode_slip_to_town_neighbour";
pub const POSTCODE_LETTERS: &str = "postcode_letters_for_digits";
pub const POSTCODE_ABSENT: &str = "postcode_missing_town_written";
pub const BOLIGNUMMER: &str = "bolignummer_in_street_field";
pub const STREET_INITIAL: &str = "street_person_given_initial";
pub const STREET_PREFIX: &str = "street_prefix_abbreviated";
pub const GIVEN_SPELLING: &str = "given_name_spelling_variant";
pub const OCR: &str = "ocr_shape_confusion";
pub const LOSSY_TWO: &str = "lossy_aeoeaa_two_fields";
pub const WHITESPACE: &str = "odd_whitespace";
pub const TWO_ISSUES: &str = "two_issue_damages";
pub const UNCHANGED: &str = "unchanged";
pub const MAIDEN: &str = "maiden_name_added";
pub const ONE_FIELD: &str = "whole_address_one_field";
pub const SHORT_FORM: &str = "given_name_short_form";
pub const TITLE: &str = "title_before_name";
pub const ISSUE_FORMAT: &str = "issue_damage_plus_format";
pub const RANGE: &str = "house_number_range";
pub const FLOOR_CARE_OF: &str = "floor_flat_or_care_of";
pub const MIDDLE_DROPPED: &str = "middle_name_dropped";
pub const HYPHEN_DROPPED: &str = "given_hyphen_dropped";
pub const NUMBER_NR: &str = "house_number_with_nr";
pub const BOKMAL_NYNORSK: &str = "street_ending_other_norm";
pub const COUPLE: &str = "couple_in_name_field";

/// The ten single issue damages (the eleventh issue kind combines two of them).
pub const SINGLE_ISSUES: &[&str] = &[
    POSTCODE_SLIP,
    POSTCODE_LETTERS,
    POSTCODE_ABSENT,
    BOLIGNUMMER,
    STREET_INITIAL,
    STREET_PREFIX,
    GIVEN_SPELLING,
    OCR,
    LOSSY_TWO,
    WHITESPACE,
];

/// The part of a lead an issue damage touches; two damages of one lead touch two parts.
fn part(kind: &str) -> u8 {
    match kind {
        POSTCODE_SLIP | POSTCODE_LETTERS | POSTCODE_ABSENT => 0,
        BOLIGNUMMER | STREET_INITIAL | STREET_PREFIX | WHITESPACE => 1,
        GIVEN_SPELLING | OCR => 2,
        _ => 3,
    }
}

/// How the house is laid out in a lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Number and letter in their own fields.
    Separate,
    /// `12 B` in the number field.
    NumberField,
    /// `Street 12 B` in the street field.
    StreetField,
}

/// A lead before it is written out.
#[derive(Debug, Clone)]
pub struct Draft {
    pub given: String,
    pub surname: String,
    pub street: String,
    pub number: String,
    pub letter: String,
    pub postcode: String,
    pub town: String,
    pub birth: Option<NaiveDate>,
    pub layout: Layout,
    /// Between street and number (street-field layout).
    pub gap: String,
    /// Between number and letter.
    pub letter_gap: String,
    /// Written after the house in the street field.
    pub after_house: String,
}

impl Draft {
    /// The lossless draft of a person; the birth date shown in 40 %.
    pub fn of(pop: &Population, p: &Person, rng: &mut ChaCha8Rng) -> Draft {
        let town = &pop.places.towns[p.house.town];
        let street = &town.streets[p.house.street];
        let caps = rng.random_bool(0.08);
        let up = |s: &str| if caps { s.to_uppercase() } else { s.to_owned() };
        let r: f64 = rng.random();
        Draft {
            given: up(&p.given),
            surname: up(&p.surname),
            street: street.name.clone(),
            number: p.house.number.to_string(),
            letter: p.house.letter.map(String::from).unwrap_or_default(),
            postcode: street.postcode_of(p.house.number).to_owned(),
            town: if rng.random_bool(0.5) {
                town.name.clone()
            } else {
                title_case(&town.name)
            },
            birth: rng.random_bool(0.4).then_some(p.birth),
            layout: if r < 0.55 {
                Layout::Separate
            } else if r < 0.8 {
                Layout::NumberField
            } else {
                Layout::StreetField
            },
            gap: " ".into(),
            letter_gap: " ".into(),
            after_house: String::new(),
        }
    }

    /// The house as `12 B` (with the letter gap).
    fn house(&self) -> String {
        if self.letter.is_empty() {
            self.number.clone()
        } else {
            format!("{}{}{}", self.number, self.letter_gap, self.letter)
        }
    }

    /// Writes the lead.
    pub fn query(&self) -> PersonQuery {
        let (street, number, letter) = match self.layout {
            Layout::Separate => (
                self.street.clone(),
                self.number.clone(),
                self.letter.clone(),
            ),
            Layout::NumberField => (self.street.clone(), self.house(), String::new()),
            Layout::StreetField => (
                format!(
                    "{}{}{}{}",
                    self.street,
                    self.gap,
                    self.house(),
                    self.after_house
                ),
                String::new(),
                String::new(),
            ),
        };
        PersonQuery {
            given_names: self.given.clone(),
            surname: self.surname.clone(),
            street,
            house_number: number,
            house_letter: letter,
            postcode: self.postcode.clone(),
            city: self.town.clone(),
            birth_date: self.birth,
            national_id: None,
        }
    }
}

fn one_of<'a>(rng: &mut ChaCha8Rng, xs: &[&'a str]) -> &'a str {
    xs.choose(rng).copied().unwrap_or("")
}

/// Whether two postcodes are one keystroke apart: one digit other, or two neighbours swapped.
pub fn one_keystroke(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() != b.len() || a == b {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match diff.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}

fn postcode_slip(d: &mut Draft, pop: &Population, p: &Person, rng: &mut ChaCha8Rng) -> Option<()> {
    let town = &pop.places.towns[p.house.town];
    let others: Vec<&String> = town
        .postcodes
        .iter()
        .filter(|c| one_keystroke(c, &d.postcode))
        .collect();
    d.postcode = (*others.choose(rng)?).clone();
    Some(())
}

/// Look-alike letters of digits.
pub fn digit_letters(c: char) -> &'static [char] {
    match c {
        '0' => &['O', 'o'],
        '1' => &['l', 'I'],
        '2' => &['Z'],
        '4' => &['A'],
        '5' => &['S'],
        '6' => &['G', 'b'],
        '7' => &['T'],
        '8' => &['B'],
        '9' => &['g', 'q'],
        _ => &[],
    }
}

fn postcode_letters(d: &mut Draft, rng: &mut ChaCha8Rng) -> Option<()> {
    let mut chars: Vec<char> = d.postcode.chars().collect();
    let spots: Vec<usize> = (0..chars.len())
        .filter(|&i| !digit_letters(chars[i]).is_empty())
        .collect();
    let first = *spots.choose(rng)?;
    let mut chosen = vec![first];
    if spots.len() > 1 && rng.random_bool(0.3) {
        let second = *spots.iter().find(|&&i| i != first)?;
        chosen.push(second);
    }
    for i in chosen {
        chars[i] = *digit_letters(chars[i]).choose(rng)?;
    }
    d.postcode = chars.into_iter().collect();
    Some(())
}

fn postcode_absent(d: &mut Draft, rng: &mut ChaCha8Rng) -> Option<()> {
    d.postcode = one_of(rng, &["", "", "", "ukjent", "XXXX", "?"]).to_owned();
    if rng.random_bool(0.2) {
        d.town = d.town.to_lowercase();
    }
    Some(())
}

fn bolignummer(d: &mut Draft, rng: &mut ChaCha8Rng) -> Option<()> {
    let floor = one_of(rng, &["H", "H", "H", "H", "H", "H", "U", "L"]);
    let code = format!(
        "{floor}{:02}{:02}",
        rng.random_range(1..=5),
        rng.random_range(1..=4)
    );
    let r: f64 = rng.random();
    if r < 0.25 {
        d.street = format!("{} {code}", d.street);
        if d.layout == Layout::StreetField {
            d.layout = Layout::NumberField;
        }
    } else {
        d.layout = Layout::StreetField;
        d.after_house = if r < 0.55 {
            format!(" {code}")
        } else if r < 0.8 {
            format!(", bolignr {code}")
        } else {
            format!(" - {code}")
        };
    }
    Some(())
}

fn street_initial(d: &mut Draft, pop: &Population, p: &Person, rng: &mut ChaCha8Rng) -> Option<()> {
    let street = &pop.places.towns[p.house.town].streets[p.house.street];
    let StreetShape::Person(g) = street.shape else {
        return None;
    };
    let given = names::STREET_PERSON_GIVEN[g];
    let rest = street.name.strip_prefix(given)?.trim_start();
    let initial = given.chars().next()?;
    let r: f64 = rng.random();
    d.street = if r < 0.45 {
        format!("{initial}. {rest}")
    } else if r < 0.65 {
        format!("{initial} {rest}")
    } else if r < 0.85 {
        format!("{initial}.{rest}")
    } else {
        format!("{}. {rest}", initial.to_lowercase())
    };
    Some(())
}

fn street_prefix(d: &mut Draft, pop: &Population, p: &Person, rng: &mut ChaCha8Rng) -> Option<()> {
    let street = &pop.places.towns[p.house.town].streets[p.house.street];
    let StreetShape::Prefixed(x) = street.shape else {
        return None;
    };
    let (full, shorts) = names::PREFIXES[x];
    let rest = street.name.strip_prefix(full)?.trim_start();
    let short = one_of(rng, shorts);
    d.street = if short.ends_with('.') && rng.random_bool(0.15) {
        format!("{short}{rest}")
    } else {
        format!("{short} {rest}")
    };
    Some(())
}

/// Other spellings of a word, if it has any.
pub fn spellings_of(word: &str) -> Option<&'static [&'static str]> {
    names::SPELLINGS
        .iter()
        .copied()
        .find(|g| g.iter().any(|x| x.to_lowercase() == word.to_lowercase()))
}

fn given_spelling(d: &mut Draft, rng: &mut ChaCha8Rng) -> Option<()> {
    let words: Vec<&str> = d.given.split([' ', '-']).collect();
    let (i, group) = words
        .iter()
        .enumerate()
        .find_map(|(i, w)| spellings_of(w).map(|g| (i, g)))?;
    let old = words[i];
    let others: Vec<&str> = group
        .iter()
        .copied()
        .filter(|x| x.to_lowercase() != old.to_lowercase())
        .collect();
    let mut new = one_of(rng, &others).to_owned();
    if old.chars().all(|c| !c.is_lowercase()) {
        new = new.to_uppercase();
    }
    // replace the i-th word, keeping the separators
    let mut out = String::new();
    for (k, piece) in d.given.split_inclusive([' ', '-']).enumerate() {
        let (w, sep) = match piece.strip_suffix([' ', '-']) {
            Some(w) => (w, &piece[w.len()..]),
            None => (piece, ""),
        };
        out.push_str(if k == i { &new } else { w });
        out.push_str(sep);
    }
    d.given = out;
    Some(())
}

/// The OCR confusions: what is read for what.
pub const OCR_PAIRS: &[(&str, &str)] = &[
    ("rn", "m"),
    ("m", "rn"),
    ("l", "1"),
    ("O", "0"),
    ("cl", "d"),
    ("d", "cl"),
    ("li", "h"),
    ("h", "li"),
    ("w", "vv"),
    ("vv", "w"),
];

fn ocr_in(s: &str, rng: &mut ChaCha8Rng) -> Option<String> {
    let mut spots: Vec<String> = Vec::new();
    for &(from, to) in OCR_PAIRS {
        for (at, _) in s.match_indices(from) {
            // only inside words of four letters or more, and only where the confusion does
            // not run into a neighbouring one (`c` + `h`→`li` reads as `cl` + `i`)
            let start = s[..at].rfind([' ', '-']).map_or(0, |k| k + 1);
            let end = s[at..].find([' ', '-']).map_or(s.len(), |k| at + k);
            let read = format!("{}{to}{}", &s[..at], &s[at + from.len()..]);
            let end_read = end + to.len() - from.len();
            if s[start..end].chars().count() >= 4
                && judge::fold(&s[start..end]) == judge::fold(&read[start..end_read])
            {
                spots.push(read);
            }
        }
    }
    spots.choose(rng).cloned()
}

fn ocr(
    d: &mut Draft,
    pop: &Population,
    p: &Person,
    rng: &mut ChaCha8Rng,
    names_only: bool,
) -> Option<()> {
    let _ = (pop, p);
    let mut fields = [0u8, 1, 2, 3];
    let n = if names_only { 2 } else { 4 };
    let order = &mut fields[..n];
    for i in (1..order.len()).rev() {
        order.swap(i, rng.random_range(0..=i));
    }
    for &f in order.iter() {
        let target = match f {
            0 => &mut d.given,
            1 => &mut d.surname,
            2 => &mut d.street,
            _ => &mut d.town,
        };
        if let Some(s) = ocr_in(target, rng) {
            *target = s;
            return Some(());
        }
    }
    None
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

fn lossy(s: &str, german: bool) -> String {
    s.chars()
        .map(|c| match (c, german) {
            ('æ', false) => 'e',
            ('Æ', false) => 'E',
            ('æ', true) => 'ä',
            ('Æ', true) => 'Ä',
            ('ø', false) => 'o',
            ('Ø', false) => 'O',
            ('ø', true) => 'ö',
            ('Ø', true) => 'Ö',
            ('å', _) => 'a',
            ('Å', _) => 'A',
            (c, _) => c,
        })
        .collect()
}

fn lossy_two(d: &mut Draft, rng: &mut ChaCha8Rng) -> Option<()> {
    let mut fields: Vec<u8> = [0u8, 1, 2, 3]
        .into_iter()
        .filter(|&f| {
            has_aeoeaa(match f {
                0 => &d.given,
                1 => &d.surname,
                2 => &d.street,
                _ => &d.town,
            })
        })
        .collect();
    if fields.len() < 2 {
        return None;
    }
    for i in (1..fields.len()).rev() {
        fields.swap(i, rng.random_range(0..=i));
    }
    let german = rng.random_bool(0.4);
    for &f in &fields[..2] {
        let target = match f {
            0 => &mut d.given,
            1 => &mut d.surname,
            2 => &mut d.street,
            _ => &mut d.town,
        };
        *target = lossy(target, german);
    }
    Some(())
}

fn whitespace(d: &mut Draft, rng: &mut ChaCha8Rng) -> Option<()> {
    d.layout = Layout::StreetField;
    d.gap = one_of(rng, &["\u{a0}", "  ", "\t", " \t", "\u{202f}"]).to_owned();
    d.letter_gap = one_of(rng, &["\u{a0}", "\t", "  ", "", " "]).to_owned();
    if d.given.contains(' ') && rng.random_bool(0.35) {
        d.given = d.given.replacen(' ', one_of(rng, &["\u{a0}", "  "]), 1);
    }
    if rng.random_bool(0.25) {
        d.surname = format!("{}{}", d.surname, one_of(rng, &[" ", "\t", "\u{a0}"]));
    }
    if d.street.contains(' ') && rng.random_bool(0.2) {
        d.street = d.street.replacen(' ', "  ", 1);
    }
    Some(())
}

/// Applies one single issue damage.
pub fn issue(
    kind: &str,
    d: &mut Draft,
    pop: &Population,
    p: &Person,
    rng: &mut ChaCha8Rng,
) -> Option<()> {
    match kind {
        POSTCODE_SLIP => postcode_slip(d, pop, p, rng),
        POSTCODE_LETTERS => postcode_letters(d, rng),
        POSTCODE_ABSENT => postcode_absent(d, rng),
        BOLIGNUMMER => bolignummer(d, rng),
        STREET_INITIAL => street_initial(d, pop, p, rng),
        STREET_PREFIX => street_prefix(d, pop, p, rng),
        GIVEN_SPELLING => given_spelling(d, rng),
        OCR => ocr(d, pop, p, rng, false),
        LOSSY_TWO => lossy_two(d, rng),
        WHITESPACE => whitespace(d, rng),
        _ => None,
    }
}

fn two_issues(d: &mut Draft, pop: &Population, p: &Person, rng: &mut ChaCha8Rng) -> Option<()> {
    let a = one_of(rng, SINGLE_ISSUES);
    let rest: Vec<&str> = SINGLE_ISSUES
        .iter()
        .copied()
        .filter(|k| part(k) != part(a))
        .collect();
    let b = one_of(rng, &rest);
    // names before the lossy transliteration, so a respelt name may still lose its ø
    let (first, second) = if part(a) == 3 { (b, a) } else { (a, b) };
    for k in [first, second] {
        if k == OCR {
            ocr(d, pop, p, rng, true)?;
        } else {
            issue(k, d, pop, p, rng)?;
        }
    }
    Some(())
}

fn maiden(d: &mut Draft, p: &Person, rng: &mut ChaCha8Rng) -> Option<()> {
    let s = d.surname.clone();
    let m = match p.maiden.as_deref()? {
        m if s == s.to_uppercase() => m.to_uppercase(),
        m => m.to_owned(),
    };
    let r: f64 = rng.random();
    d.surname = if r < 0.3 {
        format!("{s}, født {m}")
    } else if r < 0.55 {
        format!("{s} ({m})")
    } else if r < 0.75 {
        format!("{s}/{m}")
    } else {
        format!("{s} tidl. {m}")
    };
    Some(())
}

fn one_field(d: &mut Draft, rng: &mut ChaCha8Rng) -> Option<()> {
    let house = format!("{} {}", d.street, d.house());
    let place = format!("{} {}", d.postcode, d.town);
    d.street = match rng.random_range(0..4) {
        0 => format!("{house}, {place}"),
        1 => format!("{house} {place}"),
        2 => format!("{house},{place}"),
        _ => format!("{house} / {place}"),
    };
    d.layout = Layout::Separate;
    d.number.clear();
    d.letter.clear();
    d.postcode.clear();
    d.town.clear();
    Some(())
}

fn short_form(d: &mut Draft) -> Option<()> {
    let first = d.given.split(' ').next()?.to_owned();
    let (short, _) = names::SHORT_FORMS
        .iter()
        .find(|(_, full)| full.iter().any(|f| f.eq_ignore_ascii_case(&first)))?;
    d.given = format!("{short}{}", &d.given[first.len()..]);
    Some(())
}

fn title(d: &mut Draft, p: &Person, rng: &mut ChaCha8Rng) -> Option<()> {
    let t = one_of(
        rng,
        if p.male {
            names::TITLES_MEN
        } else {
            names::TITLES_WOMEN
        },
    );
    d.given = format!("{t} {}", d.given);
    Some(())
}

fn format_quirk(d: &mut Draft, rng: &mut ChaCha8Rng) {
    match rng.random_range(0..3) {
        0 => {
            d.given = d.given.to_uppercase();
            d.surname = d.surname.to_uppercase();
            d.street = d.street.to_uppercase();
            d.town = d.town.to_uppercase();
        }
        1 => {
            d.given = format!("{}, {}", d.surname.trim(), d.given);
            d.surname.clear();
        }
        _ => {
            d.given = format!("{} {}", d.surname.trim().to_uppercase(), d.given);
            d.surname.clear();
        }
    }
}

fn range(d: &mut Draft, p: &Person, rng: &mut ChaCha8Rng) -> Option<()> {
    if p.house.letter.is_some() {
        return None;
    }
    let n = p.house.number;
    let r: f64 = rng.random();
    d.number = if r < 0.5 || n <= 2 {
        format!("{n}-{}", n + 2)
    } else if r < 0.75 {
        format!("{}-{n}", n - 2)
    } else if r < 0.9 {
        format!("{n}–{}", n + 2)
    } else {
        format!("{n}/{}", n + 2)
    };
    Some(())
}

fn floor_care_of(d: &mut Draft, pop: &Population, rng: &mut ChaCha8Rng) -> Option<()> {
    let host = format!(
        "{} {}",
        one_of(rng, names::MEN),
        one_of(rng, names::SURNAMES)
    );
    let _ = pop;
    let r: f64 = rng.random();
    if r < 0.2 {
        d.street = format!("c/o {host}, {}", d.street);
        return Some(());
    }
    d.layout = Layout::StreetField;
    d.after_house = if r < 0.35 {
        format!(" c/o {host}")
    } else if r < 0.45 {
        format!(", v/ {host}")
    } else {
        one_of(
            rng,
            &[
                ", 2. etasje",
                ", 1 etg.",
                ", sokkel",
                ", loft",
                ", 3. etg",
                ", inngang bak",
            ],
        )
        .to_owned()
    };
    Some(())
}

fn number_nr(d: &mut Draft, rng: &mut ChaCha8Rng) -> Option<()> {
    let r: f64 = rng.random();
    if r < 0.5 {
        d.layout = Layout::NumberField;
        d.number = format!(
            "{}{}",
            one_of(rng, &["nr ", "nr.", "Nr. ", "nr. "]),
            d.number
        );
    } else {
        d.layout = Layout::StreetField;
        d.gap = one_of(rng, &[" nr ", " nr:", " Nr. "]).to_owned();
    }
    Some(())
}

fn other_norm(d: &mut Draft) -> Option<()> {
    for (from, to) in [
        ("veien", "vegen"),
        ("vegen", "veien"),
        ("gata", "gate"),
        ("gate", "gata"),
        (" vei", " veg"),
        (" veg", " vei"),
    ] {
        if let Some(stem) = d.street.strip_suffix(from) {
            d.street = format!("{stem}{to}");
            return Some(());
        }
    }
    None
}

fn couple(d: &mut Draft, pop: &Population, p: &Person, rng: &mut ChaCha8Rng) -> Option<()> {
    let members = &pop.households[p.household];
    let partner = members.iter().map(|&m| &pop.persons[m]).find(|o| {
        o.row.is_none()
            && o.surname == p.surname
            && o.given != p.given
            && o.birth.signed_duration_since(p.birth).num_days().abs() < 366 * 12
    })?;
    let first = d.given.clone();
    let other = super::judge::first_word(&partner.given);
    d.given = format!("{first}{}{other}", one_of(rng, &[" og ", " & ", "/"]));
    Some(())
}

/// Makes a corrupted lead of kind `kind` from a reserved person, or `None` if the person
/// cannot carry that kind.
pub fn corrupt(
    kind: &str,
    pop: &Population,
    p: &Person,
    rng: &mut ChaCha8Rng,
) -> Option<PersonQuery> {
    let mut d = Draft::of(pop, p, rng);
    match kind {
        k if SINGLE_ISSUES.contains(&k) => issue(k, &mut d, pop, p, rng)?,
        TWO_ISSUES => two_issues(&mut d, pop, p, rng)?,
        UNCHANGED => {}
        MAIDEN => maiden(&mut d, p, rng)?,
        ONE_FIELD => one_field(&mut d, rng)?,
        SHORT_FORM => short_form(&mut d)?,
        TITLE => title(&mut d, p, rng)?,
        ISSUE_FORMAT => {
            let k = one_of(rng, SINGLE_ISSUES);
            issue(k, &mut d, pop, p, rng)?;
            format_quirk(&mut d, rng);
        }
        RANGE => range(&mut d, p, rng)?,
        FLOOR_CARE_OF => floor_care_of(&mut d, pop, rng)?,
        MIDDLE_DROPPED => {
            let (first, _) = d.given.split_once(' ')?;
            d.given = first.to_owned();
        }
        HYPHEN_DROPPED => {
            if !d.given.contains('-') {
                return None;
            }
            d.given = d.given.replace('-', " ");
        }
        NUMBER_NR => number_nr(&mut d, rng)?,
        BOKMAL_NYNORSK => other_norm(&mut d)?,
        COUPLE => couple(&mut d, pop, p, rng)?,
        _ => return None,
    }
    Some(d.query())
}
