//! Lead layouts and the corruptions of reserved persons.

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::IndexedRandom;

use super::names::{PREFIXES, spelling_group};
use super::places::{Geography, Shape, county, postal, title_case};
use super::population::Person;
use crate::person::PersonQuery;

pub(super) const POSTCODE_TYPO: &str = "postcode_typo_town_right";
pub(super) const POSTCODE_GLYPHS: &str = "postcode_misread_glyphs";
pub(super) const POSTCODE_MISSING: &str = "postcode_missing_town_given";
pub(super) const BOLIGNUMMER: &str = "bolignummer_with_house";
pub(super) const STREET_INITIAL: &str = "street_person_initial";
pub(super) const STREET_PREFIX: &str = "street_prefix_abbreviated";
pub(super) const GIVEN_SPELLING: &str = "given_name_spelling";
pub(super) const OCR: &str = "ocr_confusion";
pub(super) const LOSSY_TWO: &str = "lossy_translit_two_fields";
pub(super) const WHITESPACE: &str = "whitespace_odd";
pub(super) const TWO_ISSUE: &str = "two_issue_corruptions";
pub(super) const UNCHANGED: &str = "unchanged";
pub(super) const MUNICIPALITY: &str = "town_as_municipality";
pub(super) const COUNTY: &str = "town_with_county";
pub(super) const SPREADSHEET: &str = "postcode_spreadsheet_artifact";
pub(super) const COLUMNS_SWAPPED: &str = "postcode_town_columns_swapped";
pub(super) const POSTCODE_TOWN_ONE: &str = "postcode_and_town_one_column";
pub(super) const FULL_NAME_ONE: &str = "full_name_one_column";
pub(super) const HOUSE_GLUED: &str = "house_glued_to_street";
pub(super) const MIDDLE_DROPPED: &str = "middle_name_dropped";
pub(super) const DOUBLE_SURNAME: &str = "double_surname_joined_otherwise";
pub(super) const GIVEN_INITIAL: &str = "given_initial_with_birth_date";
pub(super) const LETTER_OMITTED: &str = "house_letter_omitted";

/// The ten single issue kinds (the eleventh, two of them, is `TWO_ISSUE`).
pub(super) const SINGLE_ISSUE: &[&str] = &[
    POSTCODE_TYPO,
    POSTCODE_GLYPHS,
    POSTCODE_MISSING,
    BOLIGNUMMER,
    STREET_INITIAL,
    STREET_PREFIX,
    GIVEN_SPELLING,
    OCR,
    LOSSY_TWO,
    WHITESPACE,
];

/// Every corrupted kind: name, share of the corrupted half (‰), why its label is fair.
pub(super) const KINDS: &[(&str, u32, &str)] = &[
    (
        POSTCODE_TYPO,
        60,
        "the town is written right and the street, number and names are the person's; a careful reader finds the house in the town",
    ),
    (
        POSTCODE_GLYPHS,
        55,
        "the letters are the digits' look-alikes and read back to the person's postcode; the town is written too",
    ),
    (
        POSTCODE_MISSING,
        55,
        "the town (in the town field or the postcode column) and the street find the house",
    ),
    (
        BOLIGNUMMER,
        60,
        "a bolignummer only names a flat of the house; the house and the names are the person's",
    ),
    (
        STREET_INITIAL,
        50,
        "a person-named street with its given names as initials is still that street; the judge demands no other such street could be meant",
    ),
    (
        STREET_PREFIX,
        50,
        "the abbreviation stands for the street's prefix; where it could stand for a partner street too, the judge demands nobody of that name lives there",
    ),
    (
        GIVEN_SPELLING,
        60,
        "another spelling of the same given name; the judge reads spellings as one name and demands nobody else fits",
    ),
    (
        OCR,
        60,
        "one scanner confusion that reads back to the register's text",
    ),
    (
        LOSSY_TWO,
        55,
        "æ, ø and å written without them in two fields; the words read back",
    ),
    (WHITESPACE, 55, "odd whitespace changes no word"),
    (
        TWO_ISSUE,
        75,
        "two of the issue's single damages, from two parts of the lead; each reads back",
    ),
    (
        UNCHANGED,
        20,
        "the register's person in a list's layout (a control)",
    ),
    (
        MUNICIPALITY,
        40,
        "the municipality written for the post town, the postcode right: a reader knows Sandvika is in Bærum",
    ),
    (COUNTY, 25, "the post town with its county added"),
    (
        SPREADSHEET,
        40,
        "a spreadsheet's marks on the postcode (`'0150`, `150`, `0150.0`, `=\"0150\"`, `5020,0`), read back at a glance; the town is written",
    ),
    (
        COLUMNS_SWAPPED,
        30,
        "postcode and town in each other's columns",
    ),
    (
        POSTCODE_TOWN_ONE,
        30,
        "postcode and town together in the postcode column",
    ),
    (
        FULL_NAME_ONE,
        40,
        "the whole name in the surname column, the given-name column empty; every word is the person's",
    ),
    (
        HOUSE_GLUED,
        35,
        "the house number glued to the street name (`Rognlia4B`)",
    ),
    (
        MIDDLE_DROPPED,
        30,
        "the first of two given names; the judge demands nobody else reserved at the house fits",
    ),
    (
        DOUBLE_SURNAME,
        20,
        "a double surname with a hyphen for a space or a space for a hyphen",
    ),
    (
        GIVEN_INITIAL,
        25,
        "debatable: the first given name as an initial only, with the person's birth date; kept only if nobody else reserved at the house or with that birth date fits",
    ),
    (
        LETTER_OMITTED,
        30,
        "debatable: a lettered house written without its letter; kept only if nobody reserved with the name lives at any letter of the number",
    ),
];

/// Kinds whose fairness is debatable (reported, no target).
pub(super) const DEBATABLE: &[&str] = &[GIVEN_INITIAL, LETTER_OMITTED];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// Street, number and letter in their fields.
    Fields,
    /// The letter glued in lower case to the number in the number field (`12b`).
    NumberGlued,
    /// `Street 12 B` in the street field.
    InStreet,
    /// `Street 12B` in the street field.
    InStreetGlued,
    /// `Street12B` (own kind only).
    GluedToStreet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FlatAt {
    NumberField,
    LetterField,
    StreetLeilighet,
    StreetLower,
    StreetBolig,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    Natural,
    Upper,
    Lower,
}

/// A lead before rendering: the person's fields in a list's layout.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub given: String,
    pub surname: String,
    pub street: String,
    pub shape: Shape,
    pub number: String,
    pub letter: String,
    pub layout: Layout,
    pub sep_num: String,
    pub sep_letter: String,
    pub flat: Option<(String, FlatAt)>,
    pub postcode: String,
    pub city: String,
    pub birth: Option<NaiveDate>,
    pub names_case: Case,
    pub surname_upper: bool,
    pub street_case: Case,
    pub city_case: Case,
}

impl Draft {
    /// The person in a list's lossless layout; the birth date shown with probability
    /// `birth_share`.
    pub(super) fn new(rng: &mut impl Rng, geo: &Geography, p: &Person, birth_share: f64) -> Draft {
        let street = geo.street(p.house.town, p.house.street);
        let x: f64 = rng.random();
        let layout = if x < 0.40 {
            Layout::Fields
        } else if x < 0.60 {
            Layout::NumberGlued
        } else if x < 0.85 {
            Layout::InStreet
        } else {
            Layout::InStreetGlued
        };
        let c: f64 = rng.random();
        let names_case = if c < 0.08 { Case::Upper } else { Case::Natural };
        let surname_upper = (0.08..0.12).contains(&c);
        let c: f64 = rng.random();
        let city_case = if c < 0.45 {
            Case::Natural
        } else if c < 0.90 {
            Case::Upper
        } else {
            Case::Lower
        };
        Draft {
            given: p.given.clone(),
            surname: p.surname.clone(),
            street: street.name.clone(),
            shape: street.shape.clone(),
            number: p.house.number.to_string(),
            letter: p.house.letter.map(String::from).unwrap_or_default(),
            layout,
            sep_num: " ".into(),
            sep_letter: " ".into(),
            flat: None,
            postcode: street.postcode.clone(),
            city: title_case(&postal().towns[p.house.town as usize]),
            birth: rng.random_bool(birth_share).then_some(p.birth),
            names_case,
            surname_upper,
            street_case: if rng.random_bool(0.06) {
                Case::Upper
            } else {
                Case::Natural
            },
            city_case,
        }
    }

    /// The lead as the matcher gets it.
    pub(super) fn render(&self) -> PersonQuery {
        let case = |s: &str, c: Case| match c {
            Case::Natural => s.to_owned(),
            Case::Upper => s.to_uppercase(),
            Case::Lower => s.to_lowercase(),
        };
        let (mut street, mut number, mut letter) = match self.layout {
            Layout::Fields => (
                self.street.clone(),
                self.number.clone(),
                self.letter.clone(),
            ),
            Layout::NumberGlued => (
                self.street.clone(),
                format!("{}{}", self.number, self.letter.to_lowercase()),
                String::new(),
            ),
            Layout::InStreet => {
                let mut s = format!("{}{}{}", self.street, self.sep_num, self.number);
                if !self.letter.is_empty() {
                    s.push_str(&self.sep_letter);
                    s.push_str(&self.letter);
                }
                (s, String::new(), String::new())
            }
            Layout::InStreetGlued => (
                format!(
                    "{}{}{}{}",
                    self.street, self.sep_num, self.number, self.letter
                ),
                String::new(),
                String::new(),
            ),
            Layout::GluedToStreet => (
                format!("{}{}{}", self.street, self.number, self.letter),
                String::new(),
                String::new(),
            ),
        };
        street = case(&street, self.street_case);
        if let Some((bn, at)) = &self.flat {
            match at {
                FlatAt::NumberField if !number.is_empty() => number = format!("{number} {bn}"),
                FlatAt::LetterField if !letter.is_empty() => letter = format!("{letter} {bn}"),
                FlatAt::LetterField if self.layout == Layout::Fields => letter = bn.clone(),
                FlatAt::StreetLeilighet => street = format!("{street}, leilighet {bn}"),
                FlatAt::StreetLower => street = format!("{street} {}", bn.to_lowercase()),
                FlatAt::StreetBolig => street = format!("{street} bolig {bn}"),
                _ => street = format!("{street}, {bn}"),
            }
        }
        let mut surname = case(&self.surname, self.names_case);
        if self.surname_upper {
            surname = surname.to_uppercase();
        }
        PersonQuery {
            given_names: case(&self.given, self.names_case),
            surname,
            street,
            house_number: number,
            house_letter: letter,
            postcode: self.postcode.clone(),
            city: case(&self.city, self.city_case),
            birth_date: self.birth,
            national_id: None,
        }
    }
}

fn replace_digit(s: &str, i: usize, d: char) -> String {
    s.chars()
        .enumerate()
        .map(|(j, c)| if j == i { d } else { c })
        .collect()
}

/// A typing slip in a postcode: a digit typed twice over its neighbour, two neighbours
/// swapped, or one digit replaced (last two positions in 70 %).
pub(super) fn postcode_typo(rng: &mut impl Rng, pc: &str) -> Option<String> {
    let d: Vec<char> = pc.chars().collect();
    if d.len() != 4 {
        return None;
    }
    for _ in 0..20 {
        let x: f64 = rng.random();
        let out = if x < 0.4 {
            let i = rng.random_range(0..3);
            if rng.random_bool(0.5) {
                replace_digit(pc, i + 1, d[i])
            } else {
                replace_digit(pc, i, d[i + 1])
            }
        } else if x < 0.7 {
            let i = rng.random_range(0..3);
            let mut e = d.clone();
            e.swap(i, i + 1);
            e.into_iter().collect()
        } else {
            let i = if rng.random_bool(0.7) {
                rng.random_range(2..4)
            } else {
                rng.random_range(0..2)
            };
            let c = char::from(b'0' + rng.random_range(0..10u8));
            replace_digit(pc, i, c)
        };
        if out != pc {
            return Some(out);
        }
    }
    None
}

const GLYPHS: &[(char, &[char])] = &[
    ('0', &['O', 'D', 'o']),
    ('1', &['l', 'I', 'i']),
    ('2', &['Z', 'z']),
    ('5', &['S', 's']),
    ('6', &['b', 'G']),
    ('8', &['B']),
    ('9', &['g']),
];

/// One digit (two in 35 %) read as a look-alike letter.
pub(super) fn postcode_glyphs(rng: &mut impl Rng, pc: &str) -> Option<String> {
    let mut d: Vec<char> = pc.chars().collect();
    let mut idx: Vec<usize> = (0..d.len())
        .filter(|&i| GLYPHS.iter().any(|g| g.0 == d[i]))
        .collect();
    if idx.is_empty() {
        return None;
    }
    let n = if idx.len() >= 2 && rng.random_bool(0.35) {
        2
    } else {
        1
    };
    for _ in 0..n {
        let k = rng.random_range(0..idx.len());
        let i = idx.swap_remove(k);
        let g = GLYPHS.iter().find(|g| g.0 == d[i]).expect("filtered above");
        d[i] = *g.1.choose(rng).expect("not empty");
    }
    Some(d.into_iter().collect())
}

fn bolignummer(rng: &mut impl Rng) -> String {
    let x: f64 = rng.random();
    let kind = if x < 0.85 {
        'H'
    } else if x < 0.95 {
        'U'
    } else {
        'K'
    };
    let floor = if kind == 'H' {
        rng.random_range(1..=7)
    } else {
        1
    };
    format!("{kind}{floor:02}{:02}", rng.random_range(1..=10))
}

/// Puts a bolignummer somewhere a list does.
pub(super) fn add_bolignummer(rng: &mut impl Rng, d: &mut Draft) {
    let x: f64 = rng.random();
    let at = if x < 0.30 {
        if matches!(d.layout, Layout::InStreet | Layout::InStreetGlued) {
            d.layout = Layout::Fields;
        }
        FlatAt::NumberField
    } else if x < 0.50 {
        d.layout = Layout::Fields;
        FlatAt::LetterField
    } else {
        if matches!(d.layout, Layout::Fields | Layout::NumberGlued) {
            d.layout = Layout::InStreet;
        }
        if x < 0.70 {
            FlatAt::StreetLeilighet
        } else if x < 0.85 {
            FlatAt::StreetLower
        } else {
            FlatAt::StreetBolig
        }
    };
    d.flat = Some((bolignummer(rng), at));
}

/// Odd whitespace between street, number and letter (and sometimes in names or street).
pub(super) fn add_whitespace(rng: &mut impl Rng, d: &mut Draft) {
    d.layout = Layout::InStreet;
    d.sep_num = (*["\u{a0}", "  ", "   ", "\u{a0} ", "\u{2007}", "\u{2009}"]
        .choose(rng)
        .expect("not empty"))
    .into();
    d.sep_letter = (*["\u{a0}", "  ", "\u{2009}"].choose(rng).expect("not empty")).into();
    if rng.random_bool(0.3) {
        if d.given.contains(' ') && rng.random_bool(0.5) {
            d.given = d.given.replacen(' ', "  ", 1);
        } else {
            d.given = format!(" {}", d.given);
        }
    }
    if d.street.contains(' ') && rng.random_bool(0.25) {
        d.street = d.street.replacen(' ', "\u{a0}", 1);
    }
}

fn initials(rng: &mut impl Rng, d: &mut Draft) -> bool {
    let Shape::Person { given, rest } = &d.shape else {
        return false;
    };
    let ini: Vec<String> = given
        .iter()
        .filter_map(|g| g.chars().next().map(|c| c.to_string()))
        .collect();
    let x: f64 = rng.random();
    d.street = if given.len() >= 2 && x < 0.15 {
        if rng.random_bool(0.5) {
            format!("{}. {rest}", ini.join("."))
        } else {
            format!("{}. {rest}", ini.join(". "))
        }
    } else if x < 0.55 {
        format!("{}. {rest}", ini[0])
    } else if x < 0.70 {
        format!("{}.{rest}", ini[0])
    } else if x < 0.85 {
        format!("{} {rest}", ini[0])
    } else {
        d.street_case = Case::Upper;
        format!("{}. {rest}", ini[0])
    };
    true
}

fn prefix_abbrev(rng: &mut impl Rng, d: &mut Draft) -> bool {
    let Shape::Prefixed { prefix, rest } = &d.shape else {
        return false;
    };
    let Some(a) = PREFIXES[*prefix].1.choose(rng) else {
        return false;
    };
    d.street = if a.ends_with('.') && rng.random_bool(0.1) {
        format!("{a}{rest}")
    } else {
        format!("{a} {rest}")
    };
    true
}

fn spelling(rng: &mut impl Rng, d: &mut Draft) -> bool {
    let first = d
        .given
        .split([' ', '-'])
        .next()
        .unwrap_or_default()
        .to_owned();
    let Some(group) = spelling_group(&first) else {
        return false;
    };
    let others: Vec<&&str> = group.iter().filter(|g| **g != first).collect();
    let Some(other) = others.choose(rng) else {
        return false;
    };
    d.given = format!("{other}{}", &d.given[first.len()..]);
    true
}

const OCR_PAIRS: &[(&str, &str, u32)] = &[
    ("rn", "m", 25),
    ("m", "rn", 20),
    ("l", "1", 25),
    ("ri", "n", 10),
    ("n", "ri", 5),
    ("u", "ii", 5),
];

/// One OCR confusion in a word of four letters or more.
fn ocr_word(rng: &mut impl Rng, text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let mut options = Vec::new();
    for (wi, w) in words.iter().enumerate() {
        if w.chars().count() < 4 {
            continue;
        }
        for &(from, to, weight) in OCR_PAIRS {
            for (pos, _) in w.match_indices(from) {
                options.push((wi, pos, from, to, weight));
            }
        }
    }
    let total: u32 = options.iter().map(|o| o.4).sum();
    if total == 0 {
        return None;
    }
    let mut x = rng.random_range(0..total);
    for (wi, pos, from, to, weight) in options {
        if x < weight {
            let w = words[wi];
            let new = format!("{}{to}{}", &w[..pos], &w[pos + from.len()..]);
            let mut out: Vec<String> = words.iter().map(|s| (*s).to_owned()).collect();
            out[wi] = new;
            return Some(out.join(" "));
        }
        x -= weight;
    }
    None
}

fn ocr(rng: &mut impl Rng, d: &mut Draft) -> bool {
    for _ in 0..6 {
        let x: f64 = rng.random();
        if x < 0.30 {
            if let Some(s) = ocr_word(rng, &d.given) {
                d.given = s;
                return true;
            }
        } else if x < 0.60 {
            if let Some(s) = ocr_word(rng, &d.surname) {
                d.surname = s;
                return true;
            }
        } else if x < 0.85 {
            if let Some(s) = ocr_word(rng, &d.street) {
                d.street = s;
                return true;
            }
        } else if d.number.len() >= 2 && d.number.contains(['1', '0']) {
            // A digit stays beside the glyph (`l2`, `1O`), so the field still reads as a number.
            if matches!(d.layout, Layout::InStreet | Layout::InStreetGlued) {
                d.layout = Layout::Fields;
            }
            let i = d.number.find(['1', '0']).expect("checked above");
            let glyph = if &d.number[i..=i] == "1" {
                if rng.random_bool(0.7) { "l" } else { "I" }
            } else {
                "O"
            };
            d.number = format!("{}{glyph}{}", &d.number[..i], &d.number[i + 1..]);
            return true;
        }
    }
    false
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

fn translit(s: &str, digraph: bool) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        let up = c.is_uppercase();
        let rep = match c.to_lowercase().next().unwrap_or(c) {
            'æ' => {
                if digraph {
                    "ae"
                } else {
                    "e"
                }
            }
            'ø' => {
                if digraph {
                    "oe"
                } else {
                    "o"
                }
            }
            'å' => {
                if digraph {
                    "aa"
                } else {
                    "a"
                }
            }
            _ => {
                out.push(c);
                continue;
            }
        };
        if up {
            let mut cs = rep.chars();
            if let Some(f) = cs.next() {
                out.extend(f.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(rep);
        }
    }
    out
}

fn lossy(rng: &mut impl Rng, d: &mut Draft) -> bool {
    let mut fields: Vec<usize> = (0..4)
        .filter(|&i| has_aeoeaa([&d.given, &d.surname, &d.street, &d.city][i]))
        .collect();
    if fields.len() < 2 {
        return false;
    }
    let x: f64 = rng.random();
    let schemes = if x < 0.5 {
        [false, false]
    } else if x < 0.75 {
        [true, true]
    } else {
        [false, true]
    };
    for scheme in schemes {
        let k = rng.random_range(0..fields.len());
        let f = fields.swap_remove(k);
        let s = [&mut d.given, &mut d.surname, &mut d.street, &mut d.city];
        *s[f] = translit(s[f], scheme);
    }
    true
}

/// Applies one single issue kind; false if the person does not allow it.
pub(super) fn apply_issue(rng: &mut impl Rng, kind: &str, d: &mut Draft) -> bool {
    match kind {
        POSTCODE_TYPO => match postcode_typo(rng, &d.postcode) {
            Some(p) => {
                d.postcode = p;
                true
            }
            None => false,
        },
        POSTCODE_GLYPHS => match postcode_glyphs(rng, &d.postcode) {
            Some(p) => {
                d.postcode = p;
                true
            }
            None => false,
        },
        POSTCODE_MISSING => {
            let x: f64 = rng.random();
            if x < 0.60 {
                d.postcode.clear();
            } else if x < 0.85 {
                d.postcode = (*["n/a", "mangler", "??", "0"]
                    .choose(rng)
                    .expect("not empty"))
                .into();
            } else {
                d.postcode = std::mem::take(&mut d.city);
            }
            true
        }
        BOLIGNUMMER => {
            add_bolignummer(rng, d);
            true
        }
        STREET_INITIAL => initials(rng, d),
        STREET_PREFIX => prefix_abbrev(rng, d),
        GIVEN_SPELLING => spelling(rng, d),
        OCR => ocr(rng, d),
        LOSSY_TWO => lossy(rng, d),
        WHITESPACE => {
            add_whitespace(rng, d);
            true
        }
        _ => false,
    }
}

/// The part of a lead a single issue kind damages (two-issue leads take two parts).
fn part(kind: &str) -> u8 {
    match kind {
        POSTCODE_TYPO | POSTCODE_GLYPHS | POSTCODE_MISSING => 0,
        BOLIGNUMMER | STREET_INITIAL | STREET_PREFIX | WHITESPACE => 1,
        GIVEN_SPELLING | OCR => 2,
        _ => 3,
    }
}

/// Applies `kind` to the draft of `p`; false if the person does not allow it.
pub(super) fn apply(rng: &mut impl Rng, kind: &'static str, d: &mut Draft, p: &Person) -> bool {
    if SINGLE_ISSUE.contains(&kind) {
        return apply_issue(rng, kind, d);
    }
    match kind {
        TWO_ISSUE => {
            let a = *SINGLE_ISSUE.choose(rng).expect("not empty");
            let others: Vec<&&str> = SINGLE_ISSUE.iter().filter(|b| part(b) != part(a)).collect();
            let b = **others.choose(rng).expect("not empty");
            // Name and street damage first, then the transliteration, then the postcode.
            let mut pair = [a, b];
            pair.sort_by_key(|k| match part(k) {
                1 | 2 => 0,
                3 => 1,
                _ => 2,
            });
            if pair.contains(&OCR) && pair.iter().any(|k| part(k) == 1) {
                // An OCR confusion goes into a name when the street is damaged already.
                let mut probe = d.clone();
                probe.street = String::new();
                probe.number = String::new();
                if !ocr(rng, &mut probe) {
                    return false;
                }
                d.given = probe.given;
                d.surname = probe.surname;
                let other = if pair[0] == OCR { pair[1] } else { pair[0] };
                return apply_issue(rng, other, d);
            }
            pair.iter().all(|k| apply_issue(rng, k, d))
        }
        UNCHANGED => true,
        MUNICIPALITY => match postal().municipality.get(&p.house.town) {
            Some(m) => {
                d.city = (*m).to_owned();
                true
            }
            None => false,
        },
        COUNTY => {
            let c = county(&d.postcode);
            let x: f64 = rng.random();
            d.city = if x < 0.5 {
                format!("{}, {c}", d.city)
            } else if x < 0.8 {
                format!("{} - {c}", d.city)
            } else {
                format!("{} ({c})", d.city)
            };
            true
        }
        SPREADSHEET => {
            let pc = d.postcode.clone();
            let x: f64 = rng.random();
            d.postcode = if pc.starts_with('0') && x < 0.3 {
                pc[1..].to_owned()
            } else if x < 0.55 {
                format!("'{pc}")
            } else if x < 0.75 {
                format!("{pc}.0")
            } else if x < 0.88 {
                format!("=\"{pc}\"")
            } else {
                format!("{pc},0")
            };
            true
        }
        COLUMNS_SWAPPED => {
            std::mem::swap(&mut d.postcode, &mut d.city);
            true
        }
        POSTCODE_TOWN_ONE => {
            let town = std::mem::take(&mut d.city);
            let town = match d.city_case {
                Case::Upper => town.to_uppercase(),
                Case::Lower => town.to_lowercase(),
                Case::Natural => town,
            };
            d.postcode = if rng.random_bool(0.8) {
                format!("{} {town}", d.postcode)
            } else {
                format!("{}, {town}", d.postcode)
            };
            true
        }
        FULL_NAME_ONE => {
            let given = std::mem::take(&mut d.given);
            let x: f64 = rng.random();
            d.surname = if x < 0.45 {
                format!("{given} {}", d.surname)
            } else if x < 0.75 {
                format!("{} {given}", d.surname)
            } else {
                format!("{}, {given}", d.surname)
            };
            true
        }
        HOUSE_GLUED => {
            d.layout = Layout::GluedToStreet;
            if rng.random_bool(0.3) {
                d.letter = d.letter.to_lowercase();
            }
            true
        }
        MIDDLE_DROPPED => match d.given.split_once(' ') {
            Some((first, _)) if !first.contains('-') => {
                d.given = first.to_owned();
                true
            }
            _ => false,
        },
        DOUBLE_SURNAME => {
            if d.surname.contains('-') {
                d.surname = d.surname.replace('-', " ");
                true
            } else if d.surname.contains(' ') {
                d.surname = d.surname.replace(' ', "-");
                true
            } else {
                false
            }
        }
        GIVEN_INITIAL => {
            let Some(c) = d.given.chars().next() else {
                return false;
            };
            d.given = if rng.random_bool(0.7) {
                format!("{c}.")
            } else {
                c.to_string()
            };
            d.birth = Some(p.birth);
            true
        }
        LETTER_OMITTED => {
            if d.letter.is_empty() {
                return false;
            }
            d.letter.clear();
            true
        }
        _ => false,
    }
}

/// Damage that does not change who a look-alike is (so clean text is no cue).
pub(super) fn harmless(rng: &mut impl Rng, d: &mut Draft) {
    let k = *[POSTCODE_MISSING, POSTCODE_GLYPHS, WHITESPACE, BOLIGNUMMER]
        .choose(rng)
        .expect("not empty");
    apply_issue(rng, k, d);
}
