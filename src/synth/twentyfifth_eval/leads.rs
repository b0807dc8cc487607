//! Lead layout, corruptions and look-alikes of the twenty-fifth set.

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::names;
use super::world::{StreetKind, World, date_in, draw_given, family_of, same_given};
use crate::person::PersonQuery;

// Corruption kinds covering the issue's list.
pub const TRANSPOSED: &str = "postcode_dictated_digits_transposed";
pub const REJECT: &str = "postcode_ocr_reject_glyph";
pub const MASKED: &str = "postcode_masked_by_broker_for_privacy";
pub const LGH: &str = "bolignummer_as_swedish_lgh";
pub const SHORT: &str = "street_address_register_short_name";
pub const CANON: &str = "given_name_canonicalised_by_crm_migration";
pub const IL: &str = "screenshot_text_capital_i_for_small_l";
pub const EBCDIC: &str = "ebcdic_277_read_as_037_two_fields";
pub const WORD_BREAK: &str = "word_line_break_controls_in_street";
pub const BROKER2: &str = "broker_masked_postcode_and_canonical_name";
pub const SCAN2: &str = "printout_scan_reject_glyph_and_i_for_l";
pub const LOOKUP2: &str = "address_lookup_short_name_and_lgh";
// Own kinds.
pub const JSON: &str = "json_unicode_escapes_left_literal";
pub const CP865: &str = "dos_cp865_export_read_as_windows_1252";
pub const HTML: &str = "rich_text_markup_left_in_fields";
pub const OCCUPATION: &str = "directory_occupation_after_surname";
/// The control.
pub const UNCHANGED: &str = "unchanged";

// Look-alikes.
pub const LA_HOUSEMATE: &str = "unreserved_housemate_through_same_pipelines";
pub const LA_GENERATION: &str = "same_name_other_generation_other_house_letter";
pub const LA_MASKED_TOWN: &str = "namesake_same_street_neighbour_town_masked_postcode";
pub const LA_NEAR_SIBLING: &str = "near_name_sibling_same_house_birth_date_shown";
pub const LA_PARENT_SECOND: &str = "child_with_parent_name_as_second_given";

/// Corrupted kinds and their shares (per mille).
pub const CORRUPTED: &[(&str, u32)] = &[
    (TRANSPOSED, 62),
    (REJECT, 62),
    (MASKED, 62),
    (LGH, 62),
    (SHORT, 62),
    (CANON, 62),
    (IL, 62),
    (EBCDIC, 62),
    (WORD_BREAK, 62),
    (BROKER2, 45),
    (SCAN2, 45),
    (LOOKUP2, 45),
    (JSON, 62),
    (CP865, 62),
    (HTML, 62),
    (OCCUPATION, 62),
    (UNCHANGED, 59),
];

/// Look-alike kinds and their shares (per mille).
pub const LOOK_ALIKES: &[(&str, u32)] = &[
    (LA_HOUSEMATE, 220),
    (LA_GENERATION, 190),
    (LA_MASKED_TOWN, 200),
    (LA_NEAR_SIBLING, 200),
    (LA_PARENT_SECOND, 190),
];

/// The order in which corrupted kinds pick their persons: the ones few persons allow first.
pub const PICK_ORDER: &[&str] = &[
    LOOKUP2, SHORT, EBCDIC, BROKER2, CANON, SCAN2, IL, OCCUPATION, CP865, JSON, HTML, LGH,
    WORD_BREAK, TRANSPOSED, REJECT, MASKED, UNCHANGED,
];

/// Counts per kind for `total` leads by per-mille shares (largest remainder).
pub fn counts(total: usize, shares: &[(&str, u32)]) -> Vec<usize> {
    let sum: u64 = shares.iter().map(|s| u64::from(s.1)).sum();
    let exact: Vec<(usize, u64)> = shares
        .iter()
        .map(|s| {
            let x = total as u64 * u64::from(s.1);
            ((x / sum) as usize, x % sum)
        })
        .collect();
    let mut out: Vec<usize> = exact.iter().map(|e| e.0).collect();
    let left = total - out.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(exact[i].1), i));
    for &i in order.iter().take(left) {
        out[i] += 1;
    }
    out
}

/// A lead before its fields are joined.
#[derive(Debug, Clone)]
pub struct Draft {
    pub given: Vec<String>,
    pub surname: String,
    pub street: String,
    pub street_kind: StreetKind,
    pub number: String,
    pub letter: String,
    pub in_street: bool,
    pub glue: bool,
    pub sep1: String,
    pub sep2: String,
    pub tail: String,
    pub postcode: String,
    pub city: String,
    pub birth: Option<NaiveDate>,
    pub year: i32,
    pub caps_names: bool,
    pub caps_town: bool,
}

/// Title case of a town written in capitals.
pub fn title(s: &str) -> String {
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

impl Draft {
    /// The layout of a person of the world: names as written (85 %) or in capitals, the town
    /// in capitals (55 %) or title case, the house in the street field (45 %), the birth date
    /// shown with probability `birth`.
    pub fn of(rng: &mut ChaCha8Rng, w: &World, p: usize, birth: f64) -> Draft {
        let person = &w.persons[p];
        let h = &w.households[person.household];
        let st = &w.streets[h.street];
        let (postcode, town) = w.postcodes[st.postcode];
        let in_street = rng.random_bool(0.45);
        Draft {
            given: person.given.iter().map(|g| g.to_string()).collect(),
            surname: person.surname.to_string(),
            street: st.name.clone(),
            street_kind: st.kind,
            number: h.number.to_string(),
            letter: h.letter.map(String::from).unwrap_or_default(),
            in_street,
            glue: rng.random_bool(0.4),
            sep1: " ".into(),
            sep2: " ".into(),
            tail: String::new(),
            postcode: postcode.to_string(),
            city: w.towns[town].to_string(),
            birth: rng.random_bool(birth).then_some(person.birth),
            year: person.birth.year(),
            caps_names: rng.random_bool(0.15),
            caps_town: rng.random_bool(0.55),
        }
    }

    /// The lead.
    pub fn finish(&self) -> PersonQuery {
        let up = |s: &str| {
            if self.caps_names {
                s.to_uppercase()
            } else {
                s.to_string()
            }
        };
        let mut q = PersonQuery {
            given_names: up(&self.given.join(" ")),
            surname: up(&self.surname),
            city: if self.caps_town {
                self.city.clone()
            } else {
                title(&self.city)
            },
            postcode: self.postcode.clone(),
            birth_date: self.birth,
            ..PersonQuery::default()
        };
        if self.in_street {
            let letter = if self.letter.is_empty() {
                String::new()
            } else if self.glue {
                self.letter.to_lowercase()
            } else {
                format!("{}{}", self.sep2, self.letter)
            };
            q.street = format!(
                "{}{}{}{}{}",
                self.street, self.sep1, self.number, letter, self.tail
            );
        } else {
            q.street = format!("{}{}", self.street, self.tail);
            q.house_number = self.number.clone();
            q.house_letter = self.letter.clone();
        }
        q
    }
}

// ---- Structural damage (on the draft) ----

/// Two adjacent, different digits of the postcode swapped, as a clerk reading a postcode back
/// on the telephone writes `9049` for `9409`.
fn transpose(rng: &mut ChaCha8Rng, d: &mut Draft) -> bool {
    let b: Vec<char> = d.postcode.chars().collect();
    let spots: Vec<usize> = (0..b.len().saturating_sub(1))
        .filter(|&i| b[i] != b[i + 1])
        .collect();
    let Some(&i) = spots.choose(rng) else {
        return false;
    };
    let mut b = b;
    b.swap(i, i + 1);
    d.postcode = b.into_iter().collect();
    true
}

/// One digit (two in 20 %) of the postcode as the OCR engine's reject glyph.
fn reject(rng: &mut ChaCha8Rng, d: &mut Draft) -> bool {
    let mut b: Vec<char> = d.postcode.chars().collect();
    let mark = *['~', '^', '\u{FFFD}', '\u{25A0}']
        .choose(rng)
        .expect("marks");
    let mut spots: Vec<usize> = (0..b.len()).collect();
    spots.shuffle(rng);
    let n = if rng.random_bool(0.2) { 2 } else { 1 };
    for &i in spots.iter().take(n) {
        b[i] = mark;
    }
    d.postcode = b.into_iter().collect();
    true
}

/// The last two digits (three in 20 %) masked by a data broker.
fn mask(rng: &mut ChaCha8Rng, d: &mut Draft, keep_two: bool) -> bool {
    let mark = *['*', 'X', 'x'].choose(rng).expect("marks");
    let hidden = if !keep_two && rng.random_bool(0.2) {
        3
    } else {
        2
    };
    let kept: String = d.postcode.chars().take(4 - hidden).collect();
    d.postcode = format!("{kept}{}", mark.to_string().repeat(hidden));
    true
}

/// A Swedish-built CRM's `lgh` (lägenhet) flat number after the house.
fn lgh(rng: &mut ChaCha8Rng, d: &mut Draft) -> bool {
    let n = format!(
        "{}{:02}",
        10 + rng.random_range(0..=6),
        rng.random_range(1..=8)
    );
    d.in_street = true;
    d.tail = match rng.random_range(0..4) {
        0 => format!(" lgh {n}"),
        1 => format!(", lgh {n}"),
        2 => format!(", LGH {n}"),
        _ => format!(" lgh. {n}"),
    };
    true
}

/// The street as the address register's short name (at most 18 characters where it can):
/// the prefix abbreviated, a person's given names as initials.
pub fn short_name(street: &str, kind: StreetKind) -> Option<String> {
    if street.chars().count() <= 18 {
        return None;
    }
    match kind {
        StreetKind::Plain => None,
        StreetKind::Prefixed(i) => {
            let (full, short) = names::PREFIXES[i];
            let rest = street.strip_prefix(full)?;
            Some(format!("{short}{rest}"))
        }
        StreetKind::Person(i) => {
            let (given, _) = names::STREET_PERSONS[i];
            let rest = street.strip_prefix(given)?;
            let initials: Vec<String> = given
                .split(' ')
                .map(|g| format!("{}.", g.chars().next().expect("a letter")))
                .collect();
            Some(format!("{}{rest}", initials.join(" ")))
        }
    }
}

fn short(d: &mut Draft) -> bool {
    match short_name(&d.street, d.street_kind) {
        Some(s) => {
            d.street = s;
            true
        }
        None => false,
    }
}

/// Every given name of a spelling family written as the family's first form, as a CRM
/// migration's name-standardisation table does.
fn canon(d: &mut Draft) -> bool {
    let mut changed = false;
    for g in d.given.iter_mut() {
        if let Some(f) = family_of(g)
            && f[0] != g
        {
            *g = f[0].to_string();
            changed = true;
        }
    }
    changed
}

/// Word's manual line break (U+000B) or its Unicode separators between street, number and
/// letter.
fn word_break(rng: &mut ChaCha8Rng, d: &mut Draft) -> bool {
    let seps = ['\u{B}', '\u{2028}', '\u{2029}'];
    d.in_street = true;
    d.glue = false;
    d.sep1 = seps.choose(rng).expect("seps").to_string();
    d.sep2 = seps.choose(rng).expect("seps").to_string();
    if rng.random_bool(0.3) {
        d.tail = seps.choose(rng).expect("seps").to_string();
    }
    true
}

/// An occupation after the surname, as old telephone directories print it.
fn occupation(rng: &mut ChaCha8Rng, d: &mut Draft) -> bool {
    let fits: Vec<&str> = names::OCCUPATIONS
        .iter()
        .filter(|(_, latest, earliest)| d.year <= *latest && d.year >= *earliest)
        .map(|o| o.0)
        .collect();
    let Some(&o) = fits.choose(rng) else {
        return false;
    };
    d.surname = match rng.random_range(0..3) {
        0 => format!("{}, {o}", d.surname),
        1 => format!("{} {o}", d.surname),
        _ => format!("{} ({o})", d.surname),
    };
    true
}

// ---- Text damage (on the finished lead) ----

fn text_fields(q: &mut PersonQuery) -> [&mut String; 4] {
    [
        &mut q.given_names,
        &mut q.surname,
        &mut q.street,
        &mut q.city,
    ]
}

const AEOEAA: [char; 6] = ['æ', 'ø', 'å', 'Æ', 'Ø', 'Å'];

/// EBCDIC 277 (Danish/Norwegian) bytes read as code page 037 (US) in two fields.
fn ebcdic(rng: &mut ChaCha8Rng, q: &mut PersonQuery) -> bool {
    let mut fields: Vec<&mut String> = text_fields(q)
        .into_iter()
        .filter(|f| f.contains(AEOEAA))
        .collect();
    if fields.len() < 2 {
        return false;
    }
    fields.shuffle(rng);
    for f in fields.into_iter().take(2) {
        *f = f
            .chars()
            .map(|c| match c {
                'Æ' => '#',
                'Ø' => '@',
                'Å' => '$',
                'æ' => '{',
                'ø' => '¦',
                'å' => '}',
                c => c,
            })
            .collect();
    }
    true
}

/// A DOS code page 865 export read as Windows-1252, every field.
fn cp865(q: &mut PersonQuery) -> bool {
    let mut changed = false;
    for f in text_fields(q) {
        let g: String = f
            .chars()
            .map(|c| match c {
                'æ' => '\u{2018}',
                'ø' => '\u{203A}',
                'å' => '\u{2020}',
                'Æ' => '\u{2019}',
                'Ø' => '\u{9D}',
                'Å' => '\u{8F}',
                'é' => '\u{201A}',
                c => c,
            })
            .collect();
        changed |= g != *f;
        *f = g;
    }
    changed
}

/// Every non-ASCII letter as a literal JSON escape (`\u00f8`), from a twice-encoded export.
fn json(q: &mut PersonQuery) -> bool {
    let mut changed = false;
    for f in text_fields(q) {
        let mut g = String::with_capacity(f.len() + 8);
        for c in f.chars() {
            if c.is_ascii() {
                g.push(c);
            } else {
                let mut buf = [0u16; 2];
                for u in c.encode_utf16(&mut buf) {
                    g.push_str(&format!("\\u{u:04x}"));
                }
                changed = true;
            }
        }
        *f = g;
    }
    changed
}

/// Capital `I` and small `l` swapped at one or two spots in one or two fields, as text
/// recognition of a screenshot in a sans-serif font reads them.
fn swap_il(rng: &mut ChaCha8Rng, q: &mut PersonQuery) -> bool {
    let mut fields: Vec<&mut String> = text_fields(q)
        .into_iter()
        .filter(|f| f.contains(['I', 'l']))
        .collect();
    if fields.is_empty() {
        return false;
    }
    fields.shuffle(rng);
    let n = if rng.random_bool(0.35) { 2 } else { 1 };
    for f in fields.into_iter().take(n) {
        let mut cs: Vec<char> = f.chars().collect();
        let mut spots: Vec<usize> = (0..cs.len())
            .filter(|&i| cs[i] == 'I' || cs[i] == 'l')
            .collect();
        spots.shuffle(rng);
        let k = if rng.random_bool(0.3) { 2 } else { 1 };
        for &i in spots.iter().take(k) {
            cs[i] = if cs[i] == 'I' { 'l' } else { 'I' };
        }
        *f = cs.into_iter().collect();
    }
    true
}

/// Rich-text markup left in two or three fields: tags around names or town, `&nbsp;` before
/// the number, a `<br>` after the address.
fn html(rng: &mut ChaCha8Rng, q: &mut PersonQuery) -> bool {
    let tags = ["b", "span", "strong", "p", "div"];
    let mut which = [0usize, 1, 2, 3];
    which.shuffle(rng);
    let n = rng.random_range(2..=3);
    for &i in which.iter().take(n) {
        if i == 2 {
            let f = &mut q.street;
            let at = f.find(|c: char| c.is_ascii_digit());
            match at {
                Some(a) if a > 0 && rng.random_bool(0.6) && f[..a].ends_with(' ') => {
                    f.replace_range(a - 1..a, "&nbsp;");
                }
                _ => {}
            }
            let br = *["<br>", "<br/>", "<br />"].choose(rng).expect("br");
            f.push_str(br);
        } else {
            let f = text_fields(q).into_iter().nth(i).expect("a field");
            let t = tags.choose(rng).expect("tags");
            *f = format!("<{t}>{f}</{t}>");
        }
    }
    true
}

/// One damage by kind name, for corrupted leads and look-alikes alike.
fn damage(rng: &mut ChaCha8Rng, kind: &str, d: &mut Draft) -> Option<PersonQuery> {
    let structural = match kind {
        TRANSPOSED => transpose(rng, d),
        REJECT => reject(rng, d),
        MASKED => mask(rng, d, false),
        LGH => lgh(rng, d),
        SHORT => short(d),
        CANON => canon(d),
        WORD_BREAK => word_break(rng, d),
        OCCUPATION => occupation(rng, d),
        BROKER2 => canon(d) && mask(rng, d, false),
        SCAN2 => reject(rng, d),
        LOOKUP2 => short(d) && lgh(rng, d),
        _ => true,
    };
    if !structural {
        return None;
    }
    let mut q = d.finish();
    let text = match kind {
        IL | SCAN2 => swap_il(rng, &mut q),
        EBCDIC => ebcdic(rng, &mut q),
        JSON => json(&mut q),
        CP865 => cp865(&mut q),
        HTML => html(rng, &mut q),
        _ => true,
    };
    text.then_some(q)
}

/// A corrupted lead of register person `p` (a world person id) for `kind`.
pub fn corrupt(rng: &mut ChaCha8Rng, w: &World, kind: &str, p: usize) -> Option<PersonQuery> {
    let mut d = Draft::of(rng, w, p, 0.35);
    damage(rng, kind, &mut d)
}

/// The damages a look-alike may carry so that damage is no cue.
const LOOK_ALIKE_DAMAGE: &[&str] = &[
    TRANSPOSED, REJECT, MASKED, LGH, SHORT, WORD_BREAK, OCCUPATION, IL, EBCDIC, JSON, CP865, HTML,
    CANON,
];

fn maybe_damage(rng: &mut ChaCha8Rng, d: &mut Draft, p: f64, postcode_free: bool) -> PersonQuery {
    if rng.random_bool(p) {
        let kind = *LOOK_ALIKE_DAMAGE.choose(rng).expect("damages");
        if !(postcode_free && (kind == TRANSPOSED || kind == REJECT || kind == MASKED)) {
            let mut e = d.clone();
            if let Some(q) = damage(rng, kind, &mut e) {
                return q;
            }
        }
    }
    d.finish()
}

fn other_date(rng: &mut ChaCha8Rng, year: i32, lo: i32, hi: i32) -> NaiveDate {
    let off = rng.random_range(lo..=hi);
    let y = if rng.random_bool(0.5) && year + off <= 2008 {
        year + off
    } else {
        year - off
    };
    date_in(rng, y.max(1915))
}

/// A look-alike of `kind` around anchor `a` (a world person id).
pub fn look_alike(rng: &mut ChaCha8Rng, w: &World, kind: &str, a: usize) -> Option<PersonQuery> {
    let anchor = &w.persons[a];
    let hh = &w.households[anchor.household];
    match kind {
        LA_HOUSEMATE => {
            let others: Vec<usize> = hh
                .members
                .iter()
                .copied()
                .filter(|&m| m != a && w.reserved[m].is_none())
                .collect();
            let &m = others.choose(rng)?;
            let mut d = Draft::of(rng, w, m, 0.4);
            Some(maybe_damage(rng, &mut d, 0.4, false))
        }
        LA_GENERATION => {
            let letter = hh.letter?;
            let others: Vec<char> = ['A', 'B', 'C', 'D']
                .into_iter()
                .filter(|&c| c != letter)
                .collect();
            let other = *others.choose(rng)?;
            let y = anchor.birth.year();
            let year = if y + 45 <= 2008 {
                (y + rng.random_range(45..=60)).min(2008)
            } else if y - 45 >= 1915 {
                y - rng.random_range(45..=60).min(y - 1915)
            } else {
                return None;
            };
            let mut d = Draft::of(rng, w, a, 1.0);
            d.letter = other.to_string();
            d.birth = Some(date_in(rng, year));
            d.year = year;
            Some(maybe_damage(rng, &mut d, 0.3, false))
        }
        LA_MASKED_TOWN => {
            let st = &w.streets[hh.street];
            let (pc, town) = w.postcodes[st.postcode];
            let prefix = &pc[..2];
            let towns: Vec<usize> = w
                .postcodes
                .iter()
                .filter(|(p, t)| p.starts_with(prefix) && *t != town)
                .map(|&(_, t)| t)
                .collect();
            let &t2 = towns.choose(rng)?;
            let pcs: Vec<&str> = w.town_postcodes[t2]
                .iter()
                .map(|&i| w.postcodes[i].0)
                .filter(|p| p.starts_with(prefix))
                .collect();
            let &pc2 = pcs.choose(rng)?;
            let mut d = Draft::of(rng, w, a, 0.0);
            d.city = w.towns[t2].to_string();
            d.postcode = pc2.to_string();
            mask(rng, &mut d, true);
            if rng.random_bool(0.4) {
                let b = other_date(rng, anchor.birth.year(), 1, 30);
                d.birth = Some(b);
                d.year = b.year();
            }
            Some(maybe_damage(rng, &mut d, 0.3, true))
        }
        LA_NEAR_SIBLING => {
            let first = anchor.given[0];
            let pairs = if anchor.male {
                names::MEN_NEAR
            } else {
                names::WOMEN_NEAR
            };
            let other = pairs.iter().find_map(|&(x, y)| {
                if x == first {
                    Some(y)
                } else if y == first {
                    Some(x)
                } else {
                    None
                }
            })?;
            let mut d = Draft::of(rng, w, a, 1.0);
            d.given = vec![other.to_string()];
            let b = other_date(rng, anchor.birth.year(), 1, 8);
            d.birth = Some(b);
            d.year = b.year();
            Some(maybe_damage(rng, &mut d, 0.3, false))
        }
        LA_PARENT_SECOND => {
            let y = anchor.birth.year() + rng.random_range(24..=36);
            if y > 2008 {
                return None;
            }
            let mut x = draw_given(rng, anchor.male);
            for _ in 0..20 {
                if !anchor.given.iter().any(|g| same_given(g, x)) {
                    break;
                }
                x = draw_given(rng, anchor.male);
            }
            if anchor.given.iter().any(|g| same_given(g, x)) {
                return None;
            }
            let mut d = Draft::of(rng, w, a, 0.5);
            d.given = vec![x.to_string(), anchor.given[0].to_string()];
            let b = date_in(rng, y);
            d.birth = d.birth.map(|_| b);
            d.year = y;
            Some(maybe_damage(rng, &mut d, 0.3, false))
        }
        _ => None,
    }
}
