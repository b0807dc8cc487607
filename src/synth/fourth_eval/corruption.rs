//! How a person is written in a lead list (the lossless layout every lead starts from) and
//! the fourth set's corruptions of it. A [`Draft`] keeps the lead's parts apart (street, number,
//! letter, flat, separators) until it is rendered into a [`PersonQuery`], so corruptions of the
//! layout and of the text combine.

use chrono::NaiveDate;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::names::{
    GIVEN_ABBREVIATIONS, MEN, SURNAMES, TITLES_MEN, TITLES_WOMEN, WOMEN, variant_group,
};
use super::places::{Places, Street};
use super::population::{Person, Sex, all_far};
use crate::person::PersonQuery;

/// Where the house number and letter are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// Number and letter in their own fields.
    Separate,
    /// The letter in the number field (`12 B`, `12B`).
    LetterInNumber,
    /// Number and letter after the street in the street field (`Storgata 12 B`).
    InStreet,
}

/// A lead being written.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Draft {
    pub given: String,
    pub surname: String,
    pub street: String,
    pub number: String,
    pub letter: String,
    pub layout: Layout,
    /// Between street and number (in the street field).
    pub sep_num: String,
    /// Between number and letter.
    pub sep_letter: String,
    /// A flat number and its lead-in (`, H0404`), after the house.
    pub flat: String,
    /// The flat in the number field rather than the street field.
    pub flat_in_number: bool,
    pub postcode: String,
    pub city: String,
    pub dob: Option<NaiveDate>,
    /// The whole address (street, number, letter, postcode, town) in the street field.
    pub one_line: bool,
}

const NBSP: &str = "\u{a0}";

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// `KRISTIANSAND S` → `Kristiansand S`.
pub(super) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

fn is_upper(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// Writes `word` in the case `like` is written in (all capitals or as is).
fn same_case(word: &str, like: &str) -> String {
    if is_upper(like) {
        word.to_uppercase()
    } else {
        word.to_owned()
    }
}

impl Draft {
    /// The person as a lead list writes them, losing nothing: house number and letter in their
    /// own fields (55 %), the letter in the number field (15 % of houses with a letter) or both
    /// in the street field (30 %); names and street as written (88 %), all in capitals (8 %)
    /// or the names only (4 %); the town in capitals (45 %) or title case; the true birth date
    /// in 30 %.
    pub fn base(rng: &mut ChaCha8Rng, places: &Places, p: &Person) -> Draft {
        let town = &places.towns[p.town];
        let street = &town.streets[p.street];
        let x: f64 = rng.random();
        let layout = if x < 0.55 {
            Layout::Separate
        } else if x < 0.70 && !p.letter.is_empty() {
            Layout::LetterInNumber
        } else if x < 0.70 {
            Layout::Separate
        } else {
            Layout::InStreet
        };
        let sep_letter = if layout == Layout::Separate || rng.random_bool(0.5) {
            " "
        } else {
            ""
        };
        let mut d = Draft {
            given: p.given.clone(),
            surname: p.surname.clone(),
            street: street.full.clone(),
            number: p.number.to_string(),
            letter: p.letter.clone(),
            layout,
            sep_num: " ".into(),
            sep_letter: sep_letter.into(),
            flat: String::new(),
            flat_in_number: false,
            postcode: places.postcodes[street.postcode_of(p.number)].0.clone(),
            city: if rng.random_bool(0.45) {
                town.name.clone()
            } else {
                title_case(&town.name)
            },
            dob: rng.random_bool(0.3).then_some(p.dob),
            one_line: false,
        };
        let c: f64 = rng.random();
        if c < 0.08 {
            d.given = d.given.to_uppercase();
            d.surname = d.surname.to_uppercase();
            d.street = d.street.to_uppercase();
        } else if c < 0.12 {
            d.given = d.given.to_uppercase();
            d.surname = d.surname.to_uppercase();
        }
        d
    }

    /// The lead as the matcher gets it.
    pub fn render(&self) -> PersonQuery {
        let letter_part = |sep: &str| {
            if self.letter.is_empty() {
                String::new()
            } else {
                format!("{sep}{}", self.letter)
            }
        };
        let (mut street, mut number, mut letter) = match self.layout {
            Layout::Separate => (
                self.street.clone(),
                self.number.clone(),
                self.letter.clone(),
            ),
            Layout::LetterInNumber => (
                self.street.clone(),
                format!("{}{}", self.number, letter_part(&self.sep_letter)),
                String::new(),
            ),
            Layout::InStreet => (
                format!(
                    "{}{}{}{}",
                    self.street,
                    self.sep_num,
                    self.number,
                    letter_part(&self.sep_letter)
                ),
                String::new(),
                String::new(),
            ),
        };
        if !self.flat.is_empty() {
            if self.flat_in_number {
                if number.is_empty() {
                    street.push_str(&self.flat);
                } else {
                    number.push_str(&self.flat);
                }
            } else if self.layout == Layout::InStreet {
                street.push_str(&self.flat);
            } else {
                // The flat goes after the house, so the house moves into the street field.
                street = format!(
                    "{}{}{}{}{}",
                    self.street,
                    self.sep_num,
                    self.number,
                    letter_part(&self.sep_letter),
                    self.flat
                );
                number.clear();
                letter.clear();
            }
        }
        let (mut postcode, mut city) = (self.postcode.clone(), self.city.clone());
        if self.one_line {
            let mut s = street;
            if !number.is_empty() {
                s = format!("{s}{}{number}", self.sep_num);
            }
            if !letter.is_empty() {
                s = format!("{s}{}{letter}", self.sep_letter);
            }
            street = format!("{s}, {postcode} {city}");
            number.clear();
            letter.clear();
            postcode.clear();
            city.clear();
        }
        PersonQuery {
            given_names: self.given.clone(),
            surname: self.surname.clone(),
            street,
            house_number: number,
            house_letter: letter,
            postcode,
            city,
            birth_date: self.dob,
            national_id: None,
        }
    }
}

/// What a corruption may need to know of the person.
pub(super) struct Ctx<'a> {
    pub places: &'a Places,
    pub person: &'a Person,
    pub street: &'a Street,
    /// Whether the register row shows the birth date.
    pub register_dob: bool,
}

// The issue's kinds, one corruption each.
pub(super) const POSTCODE_KEYPAD_SLIP: &str = "postcode_keypad_slip_town_right";
pub(super) const POSTCODE_MISREAD: &str = "postcode_misread_as_letters";
pub(super) const POSTCODE_ABSENT: &str = "postcode_absent_town_only";
pub(super) const BOLIGNUMMER: &str = "bolignummer_after_house";
pub(super) const STREET_INITIAL: &str = "street_person_initial";
pub(super) const STREET_PREFIX: &str = "street_prefix_short";
pub(super) const GIVEN_SPELLING: &str = "given_name_other_spelling";
pub(super) const OCR: &str = "ocr_rn_m_l_1";
pub(super) const LOSSY_TWO: &str = "lossy_aeoeaa_two_fields";
pub(super) const WHITESPACE: &str = "whitespace_nbsp_double";
pub(super) const TWO_ISSUE: &str = "two_issue_corruptions";
// Other corrupted kinds.
pub(super) const UNCHANGED: &str = "unchanged";
pub(super) const TITLE: &str = "title_before_name";
pub(super) const SURNAME_FIRST: &str = "surname_capitals_first_one_field";
pub(super) const NEE: &str = "maiden_name_nee";
pub(super) const COUNTRY_PREFIX: &str = "postcode_country_prefix";
pub(super) const ONE_LINE: &str = "address_one_field";
pub(super) const NR: &str = "house_number_nr";
pub(super) const POSTBOX: &str = "postbox_instead_of_street";
pub(super) const GIVEN_ABBREV: &str = "given_name_written_abbreviation";
pub(super) const ISSUE_PLUS_FORMAT: &str = "issue_corruption_plus_format";

/// The single issue corruptions, with the part of the lead each damages (two corruptions in one
/// lead never damage the same part; `lossy` damages names and street).
pub(super) const ISSUE_SINGLES: &[(&str, &str)] = &[
    (POSTCODE_KEYPAD_SLIP, "postcode"),
    (POSTCODE_MISREAD, "postcode"),
    (POSTCODE_ABSENT, "postcode"),
    (BOLIGNUMMER, "street"),
    (STREET_INITIAL, "street"),
    (STREET_PREFIX, "street"),
    (WHITESPACE, "street"),
    (GIVEN_SPELLING, "name"),
    (OCR, "name"),
    (LOSSY_TWO, "lossy"),
];

/// Format corruptions that are applied after the judge has read the names.
pub(super) const FORMAT_KINDS: &[&str] = &[TITLE, SURNAME_FIRST, NEE, COUNTRY_PREFIX, NR];

/// Whether a kind only changes the layout of the names (applied after the judge's reading).
pub(super) fn is_name_layout(kind: &str) -> bool {
    matches!(kind, TITLE | SURNAME_FIRST | NEE)
}

/// Applies one corruption; `false` if it does not apply to this person.
pub(super) fn apply(kind: &str, d: &mut Draft, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    match kind {
        POSTCODE_KEYPAD_SLIP => keypad_slip(d, rng),
        POSTCODE_MISREAD => misread(d, rng),
        POSTCODE_ABSENT => {
            d.postcode = pick(rng, &["", "", "", "", "", "", "", "", "0000", "-"]).to_string();
            !d.city.is_empty()
        }
        BOLIGNUMMER => bolignummer(d, rng),
        STREET_INITIAL => street_initial(d, ctx, rng),
        STREET_PREFIX => street_prefix(d, ctx, rng),
        GIVEN_SPELLING => given_spelling(d, rng),
        OCR => ocr(d, rng, false),
        LOSSY_TWO => lossy_two(d, rng),
        WHITESPACE => whitespace(d, rng),
        UNCHANGED => true,
        TITLE => {
            let titles = match ctx.person.sex {
                Sex::Male => TITLES_MEN,
                Sex::Female => TITLES_WOMEN,
            };
            d.given = format!("{} {}", pick(rng, titles), d.given);
            true
        }
        SURNAME_FIRST => {
            d.given = format!("{} {}", d.surname.to_uppercase(), d.given);
            d.surname.clear();
            true
        }
        NEE => nee(d, ctx, rng),
        COUNTRY_PREFIX => {
            if d.postcode.len() != 4
                || !d.postcode.bytes().all(|b| b.is_ascii_digit())
                || d.postcode == "0000"
            {
                return false;
            }
            let pre = *pick(rng, &["N-", "N-", "NO-", "NO-", "NO ", "N"]);
            d.postcode = format!("{pre}{}", d.postcode);
            true
        }
        ONE_LINE => {
            d.one_line = true;
            !d.postcode.is_empty()
        }
        NR => {
            if d.number.is_empty() {
                return false;
            }
            let nr = *pick(rng, &["nr. ", "nr ", "Nr. ", "Nr "]);
            d.number = format!("{nr}{}", d.number);
            true
        }
        POSTBOX => {
            if !ctx.register_dob {
                return false;
            }
            let n = rng.random_range(1..=2999);
            d.street = format!(
                "{} {n}",
                pick(rng, &["Postboks", "Postboks", "Pb.", "Boks"])
            );
            d.layout = Layout::Separate;
            d.number.clear();
            d.letter.clear();
            d.flat.clear();
            let town = &ctx.places.towns[ctx.person.town];
            let pc = town.postcodes[rng.random_range(0..town.postcodes.len())];
            d.postcode = ctx.places.postcodes[pc].0.clone();
            d.dob = Some(ctx.person.dob);
            true
        }
        GIVEN_ABBREV => {
            let words: Vec<String> = d.given.split(' ').map(str::to_owned).collect();
            let hits: Vec<usize> = (0..words.len())
                .filter(|&i| GIVEN_ABBREVIATIONS.iter().any(|(n, _)| *n == words[i]))
                .collect();
            if hits.is_empty() {
                return false;
            }
            let i = *pick(rng, &hits);
            let Some((_, short)) = GIVEN_ABBREVIATIONS.iter().find(|(n, _)| *n == words[i]) else {
                return false;
            };
            let mut words = words;
            words[i] = (*short).to_owned();
            d.given = words.join(" ");
            true
        }
        _ => false,
    }
}

/// Neighbouring keys on a numeric keypad (789 / 456 / 123 / 0).
fn keypad(d: u8) -> &'static [u8] {
    match d {
        b'7' => b"84",
        b'8' => b"795",
        b'9' => b"86",
        b'4' => b"751",
        b'5' => b"8462",
        b'6' => b"953",
        b'1' => b"420",
        b'2' => b"5130",
        b'3' => b"62",
        _ => b"12",
    }
}

/// One digit slipped to a neighbouring key (75 %, the last digits most often) or two
/// neighbouring digits swapped; the town is left right.
fn keypad_slip(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let mut b = d.postcode.clone().into_bytes();
    if b.len() != 4 || !b.iter().all(u8::is_ascii_digit) || d.city.is_empty() {
        return false;
    }
    if rng.random_bool(0.75) {
        let i = *pick(rng, &[0, 1, 1, 2, 2, 2, 3, 3, 3, 3]);
        b[i] = *pick(rng, keypad(b[i]));
    } else {
        let swaps: Vec<usize> = (0..3).filter(|&i| b[i] != b[i + 1]).collect();
        if swaps.is_empty() {
            return false;
        }
        let i = *pick(rng, &swaps);
        b.swap(i, i + 1);
    }
    let new = String::from_utf8(b).unwrap_or_default();
    if new == d.postcode || new.len() != 4 {
        return false;
    }
    d.postcode = new;
    true
}

/// Digits read as letters (one, or two in 20 %).
fn misread(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let look = |c: char| -> &'static [&'static str] {
        match c {
            '0' => &["O", "O", "o", "Q"],
            '1' => &["l", "l", "I", "|"],
            '2' => &["Z", "z"],
            '5' => &["S", "S", "s"],
            '6' => &["G", "b"],
            '8' => &["B"],
            '9' => &["g", "q"],
            _ => &[],
        }
    };
    let chars: Vec<char> = d.postcode.chars().collect();
    if chars.len() != 4 {
        return false;
    }
    let mut spots: Vec<usize> = (0..4).filter(|&i| !look(chars[i]).is_empty()).collect();
    if spots.is_empty() {
        return false;
    }
    let n = if spots.len() > 1 && rng.random_bool(0.2) {
        2
    } else {
        1
    };
    let mut out: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
    for _ in 0..n {
        let k = rng.random_range(0..spots.len());
        let i = spots.swap_remove(k);
        out[i] = (*pick(rng, look(chars[i]))).to_owned();
    }
    d.postcode = out.concat();
    true
}

/// The bolignummer (`H0404`: floor 04, flat 04; `U` basement, `K` cellar) after the house.
fn bolignummer(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let level = *pick(rng, &["H", "H", "H", "H", "H", "H", "H", "H", "U", "K"]);
    let code = format!(
        "{level}{:02}{:02}",
        rng.random_range(1..=6),
        rng.random_range(1..=8)
    );
    let x: f64 = rng.random();
    d.flat_in_number = false;
    if x < 0.8 {
        d.layout = Layout::InStreet;
        d.flat = if x < 0.35 {
            format!(", {code}")
        } else if x < 0.6 {
            format!(" {code}")
        } else if x < 0.7 {
            format!(" - {code}")
        } else {
            format!(", {}", code.to_lowercase())
        };
    } else {
        if d.layout == Layout::InStreet {
            d.layout = Layout::Separate;
        }
        d.flat = format!(" {code}");
        d.flat_in_number = true;
    }
    true
}

/// A person-named street with the given name as an initial: `H. Raanes vei`, `H.Raanes vei`,
/// `H Raanes vei`.
fn street_initial(d: &mut Draft, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let Some(given) = ctx.street.person else {
        return false;
    };
    let Some(initial) = given.chars().next() else {
        return false;
    };
    let x: f64 = rng.random();
    let sep = if x < 0.55 {
        ". "
    } else if x < 0.8 {
        "."
    } else {
        " "
    };
    let s = format!("{initial}{sep}{}", ctx.street.core);
    d.street = same_case(&s, &d.street);
    true
}

/// A prefixed street with the prefix abbreviated (`Ø. Svanegata`, `Ndr.Elveveien`, `Gml.`).
fn street_prefix(d: &mut Draft, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    let Some(prefix) = ctx.street.prefix else {
        return false;
    };
    let shorts: &[&str] = match prefix {
        "Øvre" => &["Ø.", "Øvr.", "Ø"],
        "Nedre" => &["N.", "Nedr.", "Ndr."],
        "Søndre" => &["S.", "Sdr.", "Søndr."],
        "Nordre" => &["N.", "Ndr.", "Nordr."],
        "Store" => &["St.", "St", "Sto."],
        "Lille" => &["L.", "Ll.", "Lil."],
        "Vestre" => &["V.", "Vestr.", "Vr."],
        "Østre" => &["Ø.", "Østr.", "Ø"],
        "Gamle" => &["G.", "Gml.", "Gl."],
        "Nye" => &["N.", "Ny"],
        "Indre" => &["I.", "Indr."],
        _ => &["Y.", "Ytr."],
    };
    let short = *pick(rng, shorts);
    let sep = if short.ends_with('.') && rng.random_bool(0.15) {
        ""
    } else {
        " "
    };
    let s = format!("{short}{sep}{}", ctx.street.core);
    d.street = same_case(&s, &d.street);
    true
}

/// A given name written as another spelling of it (the first given name with other spellings).
fn given_spelling(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let upper = is_upper(&d.given);
    let mut words: Vec<String> = d.given.split(' ').map(str::to_owned).collect();
    for w in &mut words {
        let parts: Vec<String> = w.split('-').map(str::to_owned).collect();
        for (k, part) in parts.iter().enumerate() {
            let plain = title_case(part);
            if let Some(group) = variant_group(&plain) {
                let others: Vec<&str> = group.iter().copied().filter(|v| *v != plain).collect();
                if others.is_empty() {
                    continue;
                }
                let new = *pick(rng, &others);
                let new = if upper {
                    new.to_uppercase()
                } else {
                    new.to_owned()
                };
                let mut parts = parts.clone();
                parts[k] = new;
                *w = parts.join("-");
                d.given = words.join(" ");
                return true;
            }
        }
    }
    false
}

fn is_real_name(w: &str) -> bool {
    let t = title_case(w);
    MEN.contains(&t.as_str()) || WOMEN.contains(&t.as_str()) || SURNAMES.contains(&t.as_str())
}

/// One OCR confusion (`rn`→`m`, `m`→`rn`, `l`→`1`, `I`→`l`) in the given names (40 %), the
/// surname (40 %) or the street (20 %; never when `names_only`); never giving a real name.
pub(super) fn ocr(d: &mut Draft, rng: &mut ChaCha8Rng, names_only: bool) -> bool {
    const OPS: &[(&str, &str)] = &[
        ("rn", "m"),
        ("m", "rn"),
        ("l", "1"),
        ("RN", "M"),
        ("M", "RN"),
        ("L", "1"),
        ("I", "l"),
    ];
    let mut order: Vec<u8> = if names_only {
        vec![0, 1]
    } else {
        vec![0, 0, 1, 1, 2]
    };
    while !order.is_empty() {
        let field = order.swap_remove(rng.random_range(0..order.len()));
        let text = match field {
            0 => &d.given,
            1 => &d.surname,
            _ => &d.street,
        };
        let mut spots = Vec::new();
        for (from, to) in OPS {
            for (at, _) in text.match_indices(from) {
                spots.push((at, *from, *to));
            }
        }
        while !spots.is_empty() {
            let (at, from, to) = spots.swap_remove(rng.random_range(0..spots.len()));
            let new = format!("{}{to}{}", &text[..at], &text[at + from.len()..]);
            let (old_w, new_w) = (super::judge::words(text), super::judge::words(&new));
            if field < 2
                && new_w.len() == old_w.len()
                && new_w
                    .iter()
                    .zip(&old_w)
                    .any(|(a, b)| a != b && is_real_name(a))
            {
                continue;
            }
            match field {
                0 => d.given = new,
                1 => d.surname = new,
                _ => d.street = new,
            }
            return true;
        }
    }
    false
}

fn strip_nordic(s: &str, ae: char) -> String {
    s.chars()
        .map(|c| match c {
            'ø' => 'o',
            'Ø' => 'O',
            'å' => 'a',
            'Å' => 'A',
            'æ' => ae,
            'Æ' => ae.to_ascii_uppercase(),
            c => c,
        })
        .collect()
}

fn has_nordic(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// æ, ø, å written as bare vowels (`ø`→`o`, `å`→`a`, `æ`→`e`, or `a` in 25 %) in two of given
/// names, surname, street and town.
fn lossy_two(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    let mut fields: Vec<u8> = [0u8, 1, 2, 3]
        .into_iter()
        .filter(|&f| {
            has_nordic(match f {
                0 => &d.given,
                1 => &d.surname,
                2 => &d.street,
                _ => &d.city,
            })
        })
        .collect();
    // Only names and street count as the issue's two fields: at least one must be among them.
    if fields.len() < 2 || fields.iter().all(|&f| f == 3) {
        return false;
    }
    let ae = if rng.random_bool(0.25) { 'a' } else { 'e' };
    let mut done = 0;
    while done < 2 && !fields.is_empty() {
        let f = fields.swap_remove(rng.random_range(0..fields.len()));
        let target = match f {
            0 => &mut d.given,
            1 => &mut d.surname,
            2 => &mut d.street,
            _ => &mut d.city,
        };
        *target = strip_nordic(target, ae);
        done += 1;
    }
    done == 2
}

/// Number and letter in the street field, separated by no-break spaces or runs of spaces; in
/// 30 % also a no-break space or double space inside the street name or after the given names.
fn whitespace(d: &mut Draft, rng: &mut ChaCha8Rng) -> bool {
    d.layout = Layout::InStreet;
    d.sep_num = (*pick(rng, &[NBSP, NBSP, "  ", "\u{a0} ", "   "])).to_owned();
    d.sep_letter = (*pick(rng, &[NBSP, "  ", " ", ""])).to_owned();
    if rng.random_bool(0.3) {
        if d.street.contains(' ') && rng.random_bool(0.5) {
            let sep = *pick(rng, &[NBSP, "  "]);
            d.street = d.street.replacen(' ', sep, 1);
        } else {
            d.given.push_str(NBSP);
        }
    }
    true
}

/// `Hansen f. Berg`: the married surname with the maiden name after it (women born before
/// 1995 with a one-word surname).
fn nee(d: &mut Draft, ctx: &Ctx, rng: &mut ChaCha8Rng) -> bool {
    if ctx.person.sex != Sex::Female
        || super::population::year_of(ctx.person.dob) >= 1995
        || d.surname.contains(' ')
        || d.surname.contains('-')
    {
        return false;
    }
    let Some(maiden) = (0..50)
        .map(|_| *pick(rng, SURNAMES))
        .find(|m| all_far(m, &ctx.person.surname))
    else {
        return false;
    };
    let maiden = same_case(maiden, &d.surname);
    let form = *pick(
        rng,
        &["{s} f. {m}", "{s} (f. {m})", "{s} født {m}", "{s}, f. {m}"],
    );
    d.surname = form.replace("{s}", &d.surname).replace("{m}", &maiden);
    true
}
