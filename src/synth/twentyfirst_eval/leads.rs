//! Lead layout, corruptions and look-alikes.

use chrono::{Days, NaiveDate};
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::judge::{fold, given_close};
use super::names;
use super::world::{StreetKind, World, geo};
use crate::person::PersonQuery;

pub const POSTCODE_AUTOFILLED: &str = "postcode_autofilled_town_first_code";
pub const POSTCODE_HANDWRITTEN: &str = "postcode_handwritten_digit_misread";
pub const POSTCODE_PLACEHOLDER: &str = "postcode_placeholder_town_kept";
pub const BOLIGNUMMER_BRACKETED: &str = "bolignummer_bracketed_with_label";
pub const PERSON_STREET_INITIALS: &str = "person_street_both_given_initialled";
pub const PREFIX_NO_DOT: &str = "street_prefix_short_no_dot";
pub const GIVEN_RESPELLED: &str = "middle_or_first_name_respelled";
pub const SCANNED_ADDRESS: &str = "scanned_address_block_rn_m_l_1";
pub const AEOEAA_ASCII_CAPITALS: &str = "aeoeaa_ascii_capitals_two_fields";
pub const WORD_PROCESSOR_SPACES: &str = "word_processor_em_en_spaces";
pub const NAME_AND_ADDRESS: &str = "one_name_one_address_issue";
pub const OPPGANG: &str = "house_letter_as_oppgang_word";
pub const GNR_BNR: &str = "gnr_bnr_after_house";
pub const COMPOUND_HYPHEN: &str = "street_compound_hyphenated";
pub const CUSTOMER_NUMBER: &str = "crm_customer_number_in_surname";
pub const UNCHANGED: &str = "unchanged";

pub const HOUSEHOLD: &str = "unreserved_partner_or_child_at_anchor_house";
pub const FAR_NAMESAKE: &str = "full_namesake_in_other_town";
pub const TWO_DOORS: &str = "anchor_surname_two_doors_down";
pub const ONE_EDIT: &str = "real_name_one_edit_same_street";
pub const SAME_NUMBER_OTHER_STREET: &str = "full_namesake_same_number_other_street";
pub const FIRST_NAMESAKE: &str = "anchor_given_other_surname_same_street";

/// Corrupted kinds and their per-mille shares of the corrupted half.
pub const CORRUPTED: &[(&str, u32)] = &[
    (POSTCODE_AUTOFILLED, 65),
    (POSTCODE_HANDWRITTEN, 65),
    (POSTCODE_PLACEHOLDER, 65),
    (BOLIGNUMMER_BRACKETED, 65),
    (PERSON_STREET_INITIALS, 65),
    (PREFIX_NO_DOT, 65),
    (GIVEN_RESPELLED, 65),
    (SCANNED_ADDRESS, 65),
    (AEOEAA_ASCII_CAPITALS, 65),
    (WORD_PROCESSOR_SPACES, 65),
    (NAME_AND_ADDRESS, 80),
    (OPPGANG, 55),
    (GNR_BNR, 55),
    (COMPOUND_HYPHEN, 55),
    (CUSTOMER_NUMBER, 55),
    (UNCHANGED, 50),
];

/// Look-alike kinds and their per-mille shares of the look-alike half.
pub const LOOK_ALIKES: &[(&str, u32)] = &[
    (HOUSEHOLD, 220),
    (FAR_NAMESAKE, 140),
    (TWO_DOORS, 160),
    (ONE_EDIT, 180),
    (SAME_NUMBER_OTHER_STREET, 160),
    (FIRST_NAMESAKE, 140),
];

/// Counts per kind summing to `n`, by largest remainder.
pub fn counts(shares: &[(&'static str, u32)], n: usize) -> Vec<(&'static str, usize)> {
    let total: u32 = shares.iter().map(|s| s.1).sum();
    let mut out: Vec<(&str, usize, u64)> = shares
        .iter()
        .map(|&(k, s)| {
            let x = n as u64 * u64::from(s);
            (k, (x / u64::from(total)) as usize, x % u64::from(total))
        })
        .collect();
    let mut left = n - out.iter().map(|o| o.1).sum::<usize>();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(out[i].2));
    for i in order {
        if left == 0 {
            break;
        }
        out[i].1 += 1;
        left -= 1;
    }
    out.into_iter().map(|(k, c, _)| (k, c)).collect()
}

/// A lead being written, its fields apart.
#[derive(Debug, Clone)]
pub struct Draft {
    pub given: String,
    pub surname: String,
    pub street: String,
    pub number: String,
    pub letter: String,
    pub postcode: String,
    pub town: String,
    /// Written after the house in the street field.
    pub tail: String,
    pub house_in_street: bool,
    pub house_sep: String,
    pub letter_sep: String,
    pub birth: Option<NaiveDate>,
    pub kind: StreetKind,
}

impl Draft {
    fn query(&self) -> PersonQuery {
        let mut q = PersonQuery {
            given_names: self.given.clone(),
            surname: self.surname.clone(),
            postcode: self.postcode.clone(),
            city: self.town.clone(),
            birth_date: self.birth,
            ..PersonQuery::default()
        };
        if self.house_in_street || !self.tail.is_empty() {
            let mut s = format!("{}{}{}", self.street, self.house_sep, self.number);
            if !self.letter.is_empty() {
                s.push_str(&self.letter_sep);
                s.push_str(&self.letter);
            }
            s.push_str(&self.tail);
            q.street = s;
        } else {
            q.street = self.street.clone();
            q.house_number = self.number.clone();
            q.house_letter = self.letter.clone();
        }
        q
    }
}

fn title(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The lead of a person before damage.
pub fn layout(rng: &mut ChaCha8Rng, w: &World, id: usize) -> Draft {
    let r = w.record(id);
    let caps = rng.random_bool(0.15);
    let name = |s: &str| if caps { s.to_uppercase() } else { s.to_owned() };
    let town = match rng.random_range(0..100) {
        0..40 => r.city.clone(),
        40..85 => title(&r.city),
        _ => r.city.to_lowercase(),
    };
    Draft {
        given: name(&r.given_names),
        surname: name(&r.surname),
        street: r.street.clone(),
        number: r.house_number.clone(),
        letter: r.house_letter.clone(),
        postcode: r.postcode.clone(),
        town,
        tail: String::new(),
        house_in_street: rng.random_bool(0.4),
        house_sep: " ".into(),
        letter_sep: if rng.random_bool(0.5) { " " } else { "" }.into(),
        birth: rng.random_bool(0.4).then_some(w.persons[id].birth),
        kind: w.street(w.persons[id].house).kind,
    }
}

const HANDWRITING: &[(char, char)] = &[
    ('1', '7'),
    ('7', '1'),
    ('4', '9'),
    ('9', '4'),
    ('3', '8'),
    ('8', '3'),
    ('5', '6'),
    ('6', '5'),
];

/// The first scanner confusion of a word: `rn`→`m`, else a non-initial `m`→`rn`, else a
/// non-initial `l`→`1`.
fn ocr(s: &str) -> Option<String> {
    if let Some(i) = s.find("rn") {
        return Some(format!("{}m{}", &s[..i], &s[i + 2..]));
    }
    for (pat, rep) in [('m', "rn"), ('l', "1")] {
        if let Some((i, _)) = s.char_indices().skip(1).find(|&(_, c)| c == pat) {
            return Some(format!("{}{}{}", &s[..i], rep, &s[i + pat.len_utf8()..]));
        }
    }
    None
}

fn ascii_caps(rng: &mut ChaCha8Rng, s: &str) -> String {
    let oe = if rng.random_bool(0.5) { "OE" } else { "O" };
    let aa = if rng.random_bool(0.5) { "AA" } else { "A" };
    s.to_uppercase()
        .replace('Æ', "AE")
        .replace('Ø', oe)
        .replace('Å', aa)
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// Applies a corruption kind; `false` if the person does not allow it.
pub fn apply(rng: &mut ChaCha8Rng, w: &World, id: usize, d: &mut Draft, kind: &str) -> bool {
    let p = &w.persons[id];
    let h = &w.houses[p.house];
    match kind {
        POSTCODE_AUTOFILLED => {
            let first = geo().town_codes[h.town][0];
            if first == d.postcode {
                return false;
            }
            d.postcode = first.into();
        }
        POSTCODE_HANDWRITTEN => {
            let spots: Vec<usize> = d
                .postcode
                .char_indices()
                .filter(|(_, c)| HANDWRITING.iter().any(|(a, _)| a == c))
                .map(|(i, _)| i)
                .collect();
            let Some(&i) = spots.choose(rng) else {
                return false;
            };
            let c = d.postcode.as_bytes()[i] as char;
            let to = HANDWRITING.iter().find(|(a, _)| *a == c).expect("spot").1;
            d.postcode.replace_range(i..=i, &to.to_string());
        }
        POSTCODE_PLACEHOLDER => {
            d.postcode = (*["0000", "9999", "xxxx", "?", "-", "ukjent", "0"]
                .choose(rng)
                .expect("placeholders"))
            .into();
        }
        BOLIGNUMMER_BRACKETED => {
            let b = format!(
                "{}{:02}{:02}",
                ["H", "U", "K"].choose(rng).expect("floors"),
                rng.random_range(1..=4),
                rng.random_range(1..=6)
            );
            d.tail = match rng.random_range(0..4) {
                0 => format!(" (leil. {b})"),
                1 => format!(" (bolignr. {b})"),
                2 => format!(" ({b})"),
                _ => format!(" [leilighet {b}]"),
            };
        }
        PERSON_STREET_INITIALS => {
            if d.kind != StreetKind::Person {
                return false;
            }
            let words: Vec<&str> = d.street.split(' ').collect();
            let (a, b) = (
                words[0].chars().next().expect("initial"),
                words[1].chars().next().expect("initial"),
            );
            let rest = words[2..].join(" ");
            d.street = match rng.random_range(0..3) {
                0 => format!("{a}. {b}. {rest}"),
                1 => format!("{a}.{b}. {rest}"),
                _ => format!("{a}.{}. {rest}", &words[1][..words[1].len().min(3)]),
            };
        }
        PREFIX_NO_DOT => {
            if d.kind != StreetKind::Prefixed {
                return false;
            }
            let (first, rest) = d.street.split_once(' ').expect("prefixed");
            let (_, shorts) = names::PREFIXES
                .iter()
                .find(|(p, _)| *p == first)
                .expect("prefix");
            let mut s = (*shorts.choose(rng).expect("shorts")).to_owned();
            if rng.random_bool(0.3) {
                s = s.to_lowercase();
            }
            d.street = format!("{s} {rest}");
        }
        GIVEN_RESPELLED => {
            let words: Vec<String> = d.given.split(' ').map(str::to_owned).collect();
            let spots: Vec<(usize, &[&str])> = words
                .iter()
                .enumerate()
                .filter_map(|(i, wd)| {
                    names::FAMILIES
                        .iter()
                        .find(|f| f.iter().any(|n| n.eq_ignore_ascii_case(wd)))
                        .map(|f| (i, *f))
                })
                .collect();
            let Some(&(i, fam)) = spots.choose(rng) else {
                return false;
            };
            let others: Vec<&&str> = fam
                .iter()
                .filter(|n| !n.eq_ignore_ascii_case(&words[i]))
                .collect();
            let mut v = (**others.choose(rng).expect("family")).to_owned();
            if words[i].chars().all(|c| !c.is_lowercase()) {
                v = v.to_uppercase();
            }
            let mut words = words;
            words[i] = v;
            d.given = words.join(" ");
        }
        SCANNED_ADDRESS => {
            let street = ocr(&d.street);
            let town = ocr(&d.town);
            match (street, town) {
                (None, None) => return false,
                (s, t) => {
                    if let Some(s) = s {
                        d.street = s;
                    }
                    if let Some(t) = t {
                        d.town = t;
                    }
                }
            }
        }
        AEOEAA_ASCII_CAPITALS => {
            let mut fields = vec![];
            if has_aeoeaa(&d.given) {
                fields.push(0);
            }
            if has_aeoeaa(&d.surname) {
                fields.push(1);
            }
            if has_aeoeaa(&d.street) {
                fields.push(2);
            }
            if has_aeoeaa(&d.town) {
                fields.push(3);
            }
            if fields.len() < 2 {
                return false;
            }
            fields.shuffle(rng);
            for f in &fields[..2] {
                let field = match *f {
                    0 => &mut d.given,
                    1 => &mut d.surname,
                    2 => &mut d.street,
                    _ => &mut d.town,
                };
                *field = ascii_caps(rng, field);
            }
        }
        WORD_PROCESSOR_SPACES => {
            d.given = format!("{}\u{2003}", d.given.replace(' ', "\u{2002}"));
            d.surname = format!("\u{2002}{}", d.surname);
            d.house_in_street = true;
            d.house_sep = "\u{2003}".into();
            if !d.letter.is_empty() {
                d.letter_sep = "  ".into();
            }
            d.town = format!("{}\u{2003}\u{2003}", d.town);
            d.postcode = format!("\u{2002}{}", d.postcode);
        }
        NAME_AND_ADDRESS => {
            let mut name_kinds = [GIVEN_RESPELLED, "surname_scanned"];
            name_kinds.shuffle(rng);
            let mut address = [
                POSTCODE_AUTOFILLED,
                POSTCODE_HANDWRITTEN,
                POSTCODE_PLACEHOLDER,
                BOLIGNUMMER_BRACKETED,
                PERSON_STREET_INITIALS,
                PREFIX_NO_DOT,
            ];
            address.shuffle(rng);
            let before = d.clone();
            let named = name_kinds.iter().any(|k| apply(rng, w, id, d, k));
            let addressed = named && address.iter().any(|k| apply(rng, w, id, d, k));
            if !addressed {
                *d = before;
                return false;
            }
        }
        "surname_scanned" => match ocr(&d.surname) {
            Some(s) => d.surname = s,
            None => return false,
        },
        OPPGANG => {
            if d.letter.is_empty() {
                return false;
            }
            let l = std::mem::take(&mut d.letter);
            d.tail = match rng.random_range(0..3) {
                0 => format!(", oppgang {l}"),
                1 => format!(" oppg. {l}"),
                _ => format!(", inng. {l}"),
            };
        }
        GNR_BNR => {
            let (g, b) = (rng.random_range(1..=180), rng.random_range(1..=40));
            d.tail = match rng.random_range(0..3) {
                0 => format!(", gnr. {g} bnr. {b}"),
                1 => format!(" (gnr. {g}/{b})"),
                _ => format!(", gbnr {g}/{b}"),
            };
        }
        COMPOUND_HYPHEN => {
            let s = w.street(p.house);
            if s.kind != StreetKind::Plain {
                return false;
            }
            let end = if rng.random_bool(0.5) {
                title(s.ending)
            } else {
                s.ending.to_owned()
            };
            d.street = format!("{}-{end}", s.stem);
        }
        CUSTOMER_NUMBER => {
            let n = rng.random_range(100_000..1_000_000);
            d.surname = match rng.random_range(0..3) {
                0 => format!("{} (kundenr. {n})", d.surname),
                1 => format!("{} ({n})", d.surname),
                _ => format!("{} #{n}", d.surname),
            };
        }
        UNCHANGED => {}
        _ => unreachable!("unknown kind {kind}"),
    }
    true
}

fn shift(rng: &mut ChaCha8Rng, d: NaiveDate) -> NaiveDate {
    let n = Days::new(rng.random_range(40..=4000));
    if rng.random_bool(0.5) {
        d.checked_add_days(n).unwrap_or(d)
    } else {
        d.checked_sub_days(n).unwrap_or(d)
    }
}

/// A look-alike around reserved person `anchor`, or `None` if the anchor does not allow it.
pub fn look_alike(rng: &mut ChaCha8Rng, w: &World, anchor: usize, kind: &str) -> Option<Draft> {
    let a = &w.persons[anchor];
    let h = &w.houses[a.house];
    let mut d = layout(rng, w, anchor);
    let birth = shift(rng, a.birth);
    let caps = d.surname.chars().all(|c| !c.is_lowercase());
    let cased = |s: &str| if caps { s.to_uppercase() } else { s.to_owned() };
    let other_given = |rng: &mut ChaCha8Rng| -> Option<String> {
        let list = if a.male { names::MEN } else { names::WOMEN };
        (0..30).find_map(|_| {
            let g = *list.choose(rng).expect("names");
            (!a.given.split(' ').any(|x| given_close(x, g))).then(|| g.to_owned())
        })
    };
    match kind {
        HOUSEHOLD => {
            let others: Vec<usize> = w.members[a.house]
                .iter()
                .copied()
                .filter(|&m| !w.persons[m].reserved)
                .collect();
            let &m = others.choose(rng)?;
            let mut e = layout(rng, w, m);
            e.birth = e.birth.map(|_| w.persons[m].birth);
            d = e;
        }
        FAR_NAMESAKE => {
            let house = rng.random_range(0..w.houses.len());
            let o = &w.houses[house];
            if o.town == h.town {
                return None;
            }
            let s = w.street(house);
            d.street = s.name.clone();
            d.number = o.number.to_string();
            d.letter = o.letter.into();
            d.postcode = s.postcode.into();
            d.town = title(o.town);
            d.birth = d.birth.map(|_| birth);
        }
        TWO_DOORS => {
            d.given = cased(&other_given(rng)?);
            let n = if h.number > 2 && rng.random_bool(0.5) {
                h.number - 2
            } else {
                h.number + 2
            };
            d.number = n.to_string();
            d.letter.clear();
            d.birth = d.birth.map(|_| birth);
        }
        ONE_EDIT => {
            let given = names::GIVEN_ONE_EDIT
                .iter()
                .find(|(x, _)| a.given.split(' ').next() == Some(*x));
            let sur = names::SURNAME_ONE_EDIT
                .iter()
                .find(|(x, _)| a.surname == *x);
            match (given, sur) {
                (Some(g), Some(s)) => {
                    if rng.random_bool(0.5) {
                        d.given = cased(g.1);
                    } else {
                        d.surname = cased(s.1);
                    }
                }
                (Some(g), None) => d.given = cased(g.1),
                (None, Some(s)) => d.surname = cased(s.1),
                (None, None) => return None,
            }
            let n = h.number + rng.random_range(1..=6);
            d.number = n.to_string();
            d.letter.clear();
            d.birth = d.birth.map(|_| birth);
        }
        SAME_NUMBER_OTHER_STREET => {
            let streets = &w.streets[h.town];
            let others: Vec<usize> = (0..streets.len()).filter(|&s| s != h.street).collect();
            let &s = others.choose(rng)?;
            d.street = streets[s].name.clone();
            d.postcode = streets[s].postcode.into();
            d.birth = d.birth.map(|_| birth);
        }
        FIRST_NAMESAKE => {
            let sur = (0..30).find_map(|_| {
                let s = *names::SURNAMES.choose(rng).expect("surnames");
                (fold(s) != fold(&a.surname)).then_some(s)
            })?;
            d.surname = cased(sur);
            d.given = cased(a.given.split(' ').next().expect("given"));
            d.number = (h.number + rng.random_range(1..=9)).to_string();
            d.letter.clear();
            d.birth = d.birth.map(|_| birth);
        }
        _ => unreachable!("unknown look-alike {kind}"),
    }
    // So that damage is no cue.
    if rng.random_bool(0.15) {
        d.postcode.clear();
    }
    if rng.random_bool(0.1) {
        d.given.push('\u{2003}');
    }
    Some(d)
}

/// The lead of a draft.
pub fn query(d: &Draft) -> PersonQuery {
    d.query()
}
