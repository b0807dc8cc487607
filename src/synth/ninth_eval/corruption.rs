//! Lead layouts and the corruption kinds of reserved persons' leads.

use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::names::{PREFIXES, SPELLINGS, SURNAMES};
use super::places::{Places, Street};
use super::population::House;
use crate::person::PersonQuery;

/// A wrong postcode of the right town, the town written.
pub const POSTCODE_TYPO: &str = "postcode_wrong_town_right";
/// Postcode digits read as glyphs.
pub const POSTCODE_GLYPHS: &str = "postcode_glyph_misread";
/// No postcode, the town written.
pub const POSTCODE_MISSING: &str = "postcode_missing_town_given";
/// A bolignummer with the house.
pub const BOLIGNUMMER: &str = "bolignummer_in_address";
/// A person-named street with the given name as an initial.
pub const STREET_INITIAL: &str = "street_given_name_as_initial";
/// A street prefix abbreviated.
pub const STREET_PREFIX: &str = "street_prefix_abbreviated";
/// Another spelling of the first given name.
pub const GIVEN_SPELLING: &str = "given_name_spelling_variant";
/// OCR-like confusions.
pub const OCR: &str = "ocr_letter_confusion";
/// æ/ø/å lost in two fields.
pub const TRANSLIT: &str = "translit_lossy_two_fields";
/// Odd whitespace between street, number and letter.
pub const WHITESPACE: &str = "whitespace_nbsp_tab_double";
/// Two of the above.
pub const TWO: &str = "two_issue_corruptions";
/// The lossless layout only.
pub const UNCHANGED: &str = "unchanged";
/// The whole address in the street field.
pub const ADDRESS_LINE: &str = "address_line_in_street_field";
/// The street type in its other written form.
pub const STREET_TYPE_FORM: &str = "street_type_other_form";
/// A compound street name split.
pub const COMPOUND_SPLIT: &str = "street_compound_split";
/// A title before the name.
pub const TITLE: &str = "title_before_name";
/// A former surname before the surname (debatable).
pub const EXTRA_SURNAME: &str = "former_surname_added";
/// Two given names in the other order (debatable).
pub const GIVEN_ORDER: &str = "given_names_reordered";

/// Kinds of the corrupted half with their shares in ‰.
pub const KINDS: &[(&str, u32)] = &[
    (POSTCODE_TYPO, 60),
    (POSTCODE_GLYPHS, 55),
    (POSTCODE_MISSING, 55),
    (BOLIGNUMMER, 60),
    (STREET_INITIAL, 50),
    (STREET_PREFIX, 50),
    (GIVEN_SPELLING, 60),
    (OCR, 60),
    (TRANSLIT, 55),
    (WHITESPACE, 55),
    (TWO, 80),
    (UNCHANGED, 30),
    (ADDRESS_LINE, 70),
    (STREET_TYPE_FORM, 70),
    (COMPOUND_SPLIT, 60),
    (TITLE, 50),
    (EXTRA_SURNAME, 40),
    (GIVEN_ORDER, 40),
];

/// Kinds whose fairness is debatable.
pub const DEBATABLE: &[&str] = &[EXTRA_SURNAME, GIVEN_ORDER];

/// Why a corrupted kind is fair.
pub fn why(kind: &str) -> Option<&'static str> {
    Some(match kind {
        POSTCODE_TYPO => {
            "a postcode slip or the town's other postcode; the town, street, house and name are right"
        }
        POSTCODE_GLYPHS => "the postcode's glyphs read back as digits give the right postcode",
        POSTCODE_MISSING => {
            "the town, street, house and name are right; only the postcode is missing"
        }
        BOLIGNUMMER => "a flat number is extra; street, house, postcode and name are right",
        STREET_INITIAL => "the street is the person-named street with its given name as an initial",
        STREET_PREFIX => {
            "the prefix is a usual abbreviation; the town has one such street at that house"
        }
        GIVEN_SPELLING => "the given name is another spelling of the same name",
        OCR => "one scanner confusion in one word; the rest is right",
        TRANSLIT => "æ, ø, å written without them in two fields; the words are otherwise right",
        WHITESPACE => "only the spaces between street, number and letter differ",
        TWO => "two of the issue's fair damages in different parts of the lead",
        UNCHANGED => "the person's own data",
        ADDRESS_LINE => "the whole address in one field, every part right",
        STREET_TYPE_FORM => "veien/vegen, vei/veg, gata/gaten are written forms of one street type",
        COMPOUND_SPLIT => "the street written in two words or hyphenated; the same letters",
        TITLE => "a title before the name is no part of it",
        EXTRA_SURNAME => "debatable: a former surname before the present one; nobody else fits",
        GIVEN_ORDER => "debatable: both given names, in the other order; nobody else fits",
        _ => return None,
    })
}

/// A lead before rendering: the fields and how to write them.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Given names.
    pub given: String,
    /// Surname.
    pub surname: String,
    /// Whether a man.
    pub man: bool,
    /// Street name.
    pub street: String,
    /// House number.
    pub number: String,
    /// House letter.
    pub letter: String,
    /// Postcode.
    pub postcode: String,
    /// Town.
    pub city: String,
    /// Birth date shown.
    pub birth: Option<NaiveDate>,
    /// 0: three fields; 1: `Street 12 B`; 2: `Street 12B`; 3: street, `12B` in the number field.
    pub layout: u8,
    /// Between street and number.
    pub sep_number: String,
    /// Between number and letter (layout 1).
    pub sep_letter: String,
    /// A bolignummer and where: (text, in the street field).
    pub bolig: Option<String>,
    /// The whole address in the street field.
    pub address_line: bool,
}

fn title_town(t: &str) -> String {
    t.split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            if lower == "i" {
                return lower;
            }
            let mut cs = lower.chars();
            match cs.next() {
                Some(c) => c.to_uppercase().chain(cs).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Draft {
    /// The lossless layout of a person at a house.
    pub fn new(
        rng: &mut ChaCha8Rng,
        places: &Places,
        given: &str,
        surname: &str,
        man: bool,
        house: &House,
        birth: Option<NaiveDate>,
    ) -> Draft {
        let town = &places.towns[house.town];
        let street = &town.streets[house.street];
        let (mut given, mut surname) = (given.to_string(), surname.to_string());
        match rng.random_range(0..100) {
            0..12 => {
                given = given.to_uppercase();
                surname = surname.to_uppercase();
            }
            12..20 => surname = surname.to_uppercase(),
            _ => {}
        }
        let city = match rng.random_range(0..100) {
            0..40 => town.name.clone(),
            40..85 => title_town(&town.name),
            _ => town.name.to_lowercase(),
        };
        let layout = match rng.random_range(0..100) {
            0..40 => 0,
            40..65 => 1,
            65..80 => 2,
            _ => 3,
        };
        Draft {
            given,
            surname,
            man,
            street: street.name.clone(),
            number: house.number.to_string(),
            letter: house.letter.clone(),
            postcode: street.postcode.clone(),
            city,
            birth,
            layout,
            sep_number: " ".into(),
            sep_letter: " ".into(),
            bolig: None,
            address_line: false,
        }
    }

    /// The lead.
    pub fn render(&self) -> PersonQuery {
        let mut q = PersonQuery {
            given_names: self.given.clone(),
            surname: self.surname.clone(),
            postcode: self.postcode.clone(),
            city: self.city.clone(),
            birth_date: self.birth,
            ..PersonQuery::default()
        };
        let layout = if self.address_line && (self.layout == 0 || self.layout == 3) {
            1
        } else {
            self.layout
        };
        match layout {
            0 => {
                q.street = self.street.clone();
                q.house_number = self.number.clone();
                q.house_letter = self.letter.clone();
            }
            1 | 2 => {
                let mut s = format!("{}{}{}", self.street, self.sep_number, self.number);
                if !self.letter.is_empty() {
                    if layout == 1 {
                        s.push_str(&self.sep_letter);
                    }
                    s.push_str(&self.letter);
                }
                q.street = s;
            }
            _ => {
                q.street = self.street.clone();
                q.house_number = format!("{}{}", self.number, self.letter);
            }
        }
        if let Some(b) = &self.bolig {
            if q.street.chars().any(|c| c.is_ascii_digit()) {
                q.street.push_str(b);
            } else {
                q.house_number.push_str(b);
            }
        }
        if self.address_line {
            q.street = format!("{}, {} {}", q.street, self.postcode, self.city);
            q.postcode.clear();
            q.city.clear();
        }
        q
    }
}

/// What a corruption may use.
pub struct Ctx<'a> {
    /// The places.
    pub places: &'a Places,
    /// The person's house.
    pub house: &'a House,
}

impl Ctx<'_> {
    fn street(&self) -> &Street {
        &self.places.towns[self.house.town].streets[self.house.street]
    }
}

/// Applies `kind` to a draft; false if the kind does not fit the person.
pub fn apply(kind: &str, d: &mut Draft, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    match kind {
        POSTCODE_TYPO => postcode_typo(d, ctx, rng),
        POSTCODE_GLYPHS => postcode_glyphs(d, rng),
        POSTCODE_MISSING => postcode_missing(d, rng),
        BOLIGNUMMER => bolignummer(d, rng),
        STREET_INITIAL => street_initial(d, ctx, rng),
        STREET_PREFIX => street_prefix(d, ctx, rng),
        GIVEN_SPELLING => given_spelling(d),
        OCR => ocr(d, rng, true),
        TRANSLIT => translit(d, rng),
        WHITESPACE => whitespace(d, rng),
        TWO => two(d, ctx, rng),
        UNCHANGED => true,
        ADDRESS_LINE => {
            d.address_line = true;
            !d.postcode.is_empty()
        }
        STREET_TYPE_FORM => street_type_form(d, ctx),
        COMPOUND_SPLIT => compound_split(d, ctx, rng),
        TITLE => {
            let t = if rng.random_bool(0.15) {
                "Dr."
            } else if d.man {
                ["Hr.", "Herr"][rng.random_range(0..2)]
            } else {
                ["Fru", "fru", "Frk."][rng.random_range(0..3)]
            };
            d.given = format!("{t} {}", d.given);
            true
        }
        EXTRA_SURNAME => {
            let other = SURNAMES[rng.random_range(0..SURNAMES.len())];
            if super::judge::name_key(other) == super::judge::name_key(&d.surname) {
                return false;
            }
            d.surname = format!("{other} {}", d.surname);
            true
        }
        GIVEN_ORDER => {
            let words: Vec<&str> = d.given.split([' ', '-']).collect();
            if words.len() != 2 {
                return false;
            }
            d.given = format!("{} {}", words[1], words[0]);
            true
        }
        _ => false,
    }
}

fn postcode_typo(d: &mut Draft, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let town = &ctx.places.towns[ctx.house.town];
    if town.postcodes.len() > 1 && rng.random_bool(0.55) {
        let others: Vec<&String> = town
            .postcodes
            .iter()
            .filter(|p| **p != d.postcode)
            .collect();
        if others.is_empty() {
            return false;
        }
        d.postcode = others[rng.random_range(0..others.len())].clone();
        return true;
    }
    // A neighbour on the keyboard's number row (1 2 3 4 5 6 7 8 9 0).
    let row = "1234567890";
    let mut cs: Vec<char> = d.postcode.chars().collect();
    if cs.len() != 4 {
        return false;
    }
    let i = rng.random_range(0..4);
    let Some(p) = row.find(cs[i]) else {
        return false;
    };
    let q = if p == 0 {
        1
    } else if p == 9 || rng.random_bool(0.5) {
        p - 1
    } else {
        p + 1
    };
    cs[i] = row.as_bytes()[q] as char;
    d.postcode = cs.into_iter().collect();
    true
}

fn glyph(c: char, rng: &mut ChaCha8Rng) -> Option<char> {
    let options: &[char] = match c {
        '0' => &['O', 'o', 'D'],
        '1' => &['l', 'I', 'i'],
        '2' => &['Z'],
        '3' => &['E'],
        '4' => &['A', 'h'],
        '5' => &['S', 's'],
        '6' => &['b', 'G'],
        '8' => &['B'],
        '9' => &['g'],
        _ => return None,
    };
    Some(options[rng.random_range(0..options.len())])
}

fn postcode_glyphs(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let mut cs: Vec<char> = d.postcode.chars().collect();
    let spots: Vec<usize> = (0..cs.len()).filter(|&i| cs[i] != '7').collect();
    if spots.is_empty() {
        return false;
    }
    let n = if rng.random_bool(0.3) { 2 } else { 1 };
    let mut done = 0;
    for _ in 0..n {
        let i = spots[rng.random_range(0..spots.len())];
        if let Some(g) = glyph(cs[i], rng) {
            cs[i] = g;
            done += 1;
        }
    }
    d.postcode = cs.into_iter().collect();
    done > 0
}

fn postcode_missing(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    d.postcode = ["", "", "", "  ", "xxxx", "ukjent", "----"][rng.random_range(0..7)].into();
    !d.city.is_empty()
}

fn bolignummer(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let level = match rng.random_range(0..20) {
        0..16 => 'H',
        16..19 => 'U',
        _ => 'K',
    };
    let code = format!(
        "{level}{:02}{:02}",
        rng.random_range(1..=6),
        rng.random_range(1..=8)
    );
    d.bolig = Some(match rng.random_range(0..4) {
        0 => format!(" {code}"),
        1 => format!(" {}", code.to_lowercase()),
        2 => format!(" leil. {code}"),
        _ => format!(", bolignr. {code}"),
    });
    true
}

fn street_initial(d: &mut Draft, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let Some((given, rest)) = &ctx.street().person else {
        return false;
    };
    let i: String = given.chars().take(1).collect();
    d.street = match rng.random_range(0..20) {
        0..10 => format!("{i}. {rest}"),
        10..13 => format!("{i}.{rest}"),
        13..16 => format!("{i} {rest}"),
        _ => format!("{i}. {rest}").to_lowercase(),
    };
    true
}

fn street_prefix(d: &mut Draft, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let s = ctx.street();
    let Some(p) = s.prefix else {
        return false;
    };
    let abbr = PREFIXES[p].1;
    let a = abbr[rng.random_range(0..abbr.len())];
    d.street = if a.ends_with('.') && rng.random_bool(0.15) {
        format!("{a}{}", s.base)
    } else {
        format!("{a} {}", s.base)
    };
    true
}

fn given_spelling(d: &mut Draft) -> bool {
    let first: String = d
        .given
        .split([' ', '-'])
        .next()
        .unwrap_or_default()
        .to_string();
    for group in SPELLINGS {
        if let Some(pos) = group.iter().position(|g| g.eq_ignore_ascii_case(&first)) {
            let mut other = group[(pos + 1) % group.len()].to_string();
            if first.chars().all(|c| !c.is_lowercase()) {
                other = other.to_uppercase();
            }
            d.given = format!("{other}{}", &d.given[first.len()..]);
            return true;
        }
    }
    false
}

fn ocr_word(w: &str, rng: &mut ChaCha8Rng) -> Option<String> {
    if w.chars().count() < 4 {
        return None;
    }
    let mut options: Vec<String> = Vec::new();
    if w.contains("rn") {
        options.push(w.replacen("rn", "m", 1));
    }
    if w.contains('m') {
        options.push(w.replacen('m', "rn", 1));
    }
    if w.contains('l') {
        options.push(w.replacen('l', "1", 1));
    }
    if options.is_empty() {
        return None;
    }
    Some(options.swap_remove(rng.random_range(0..options.len())))
}

fn ocr(d: &mut Draft, rng: &mut ChaCha8Rng, street_too: bool) -> bool {
    let mut fields = vec![0u8, 1];
    if street_too {
        fields.push(2);
    }
    let start = rng.random_range(0..fields.len());
    for k in 0..fields.len() {
        let f = fields[(start + k) % fields.len()];
        let text = match f {
            0 => &d.given,
            1 => &d.surname,
            _ => &d.street,
        };
        let words: Vec<String> = text.split(' ').map(str::to_string).collect();
        for (i, w) in words.iter().enumerate() {
            if let Some(n) = ocr_word(w, rng) {
                let mut ws = words.clone();
                ws[i] = n;
                let joined = ws.join(" ");
                match f {
                    0 => d.given = joined,
                    1 => d.surname = joined,
                    _ => d.street = joined,
                }
                return true;
            }
        }
    }
    false
}

fn has_special(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

fn strip(s: &str, style: u8) -> String {
    s.chars()
        .map(|c| match (c, style) {
            ('æ', 0) => "e".to_string(),
            ('ø', 0) => "o".to_string(),
            ('å', 0) => "a".to_string(),
            ('Æ', 0) => "E".to_string(),
            ('Ø', 0) => "O".to_string(),
            ('Å', 0) => "A".to_string(),
            ('æ', 1) => "ä".to_string(),
            ('ø', 1) => "ö".to_string(),
            ('å', 1) => "aa".to_string(),
            ('Æ', 1) => "Ä".to_string(),
            ('Ø', 1) => "Ö".to_string(),
            ('Å', 1) => "AA".to_string(),
            (c, 2) if "æøåÆØÅ".contains(c) => "?".to_string(),
            (c, _) => c.to_string(),
        })
        .collect()
}

fn translit(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let mut fields: Vec<u8> = Vec::new();
    for (i, s) in [&d.given, &d.surname, &d.street, &d.city]
        .iter()
        .enumerate()
    {
        if has_special(s) {
            fields.push(i as u8);
        }
    }
    if fields.len() < 2 {
        return false;
    }
    let a = rng.random_range(0..fields.len());
    let mut b = rng.random_range(0..fields.len() - 1);
    if b >= a {
        b += 1;
    }
    let style = match rng.random_range(0..4) {
        0 | 1 => 0,
        2 => 1,
        _ => 2,
    };
    for f in [fields[a], fields[b]] {
        match f {
            0 => d.given = strip(&d.given, style),
            1 => d.surname = strip(&d.surname, style),
            2 => d.street = strip(&d.street, style),
            _ => d.city = strip(&d.city, style),
        }
    }
    true
}

fn whitespace(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    d.layout = if d.letter.is_empty() || rng.random_bool(0.8) {
        1
    } else {
        2
    };
    d.sep_number = ["\u{a0}", "  ", "\t", "\u{a0} ", "   "][rng.random_range(0..5)].into();
    d.sep_letter = ["\u{a0}", "  ", " "][rng.random_range(0..3)].into();
    if d.sep_letter == " " && d.sep_number == "   " {
        d.sep_letter = "\u{a0}".into();
    }
    true
}

fn street_type_form(d: &mut Draft, ctx: &Ctx) -> bool {
    let s = ctx.street();
    let swap = |t: &str| -> Option<&'static str> {
        Some(match t {
            "veien" => "vegen",
            "vegen" => "veien",
            "gata" => "gaten",
            "gaten" => "gata",
            "vei" => "veg",
            "veg" => "vei",
            _ => return None,
        })
    };
    let prefix = s
        .prefix
        .map(|p| format!("{} ", PREFIXES[p].0))
        .unwrap_or_default();
    if let Some((stem, end)) = s.glued {
        let Some(e) = swap(end) else { return false };
        d.street = format!("{prefix}{stem}{e}");
        return true;
    }
    if let Some((given, rest)) = &s.person {
        let mut words: Vec<&str> = rest.split(' ').collect();
        let Some(last) = words.last_mut() else {
            return false;
        };
        let Some(e) = swap(last) else { return false };
        *last = e;
        d.street = format!("{given} {}", words.join(" "));
        return true;
    }
    false
}

fn compound_split(d: &mut Draft, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let s = ctx.street();
    let Some((stem, end)) = s.glued else {
        return false;
    };
    let prefix = s
        .prefix
        .map(|p| format!("{} ", PREFIXES[p].0))
        .unwrap_or_default();
    let sep = if rng.random_bool(0.7) { " " } else { "-" };
    d.street = format!("{prefix}{stem}{sep}{end}");
    true
}

fn two(d: &mut Draft, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let parts: [&[&str]; 3] = [
        &[POSTCODE_TYPO, POSTCODE_GLYPHS, POSTCODE_MISSING],
        &[BOLIGNUMMER, STREET_INITIAL, STREET_PREFIX, WHITESPACE],
        &[GIVEN_SPELLING, OCR],
    ];
    let a = rng.random_range(0..3);
    let b = (a + rng.random_range(1..3)) % 3;
    for p in [a, b] {
        let kinds = parts[p];
        let k = kinds[rng.random_range(0..kinds.len())];
        let ok = if k == OCR {
            ocr(d, rng, false)
        } else {
            apply(k, d, ctx, rng)
        };
        if !ok {
            return false;
        }
    }
    true
}
