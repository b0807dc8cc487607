//! Lead layout, corruptions of reserved persons and look-alikes who are not reserved.

use chrono::Duration;
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use super::names::{
    COOPS, FAMILIES, GIVEN_ONE_EDIT, MEN, PREFIXES, STREET_PERSONS, SURNAME_ONE_EDIT, WOMEN,
};
use super::world::{House, StreetKind, World, record};
use crate::person::{PersonQuery, PersonRecord};

// Issue kinds.
pub(crate) const POSTCODE_STALE_LOCAL_MOVE: &str = "postcode_stale_after_local_move";
pub(crate) const POSTCODE_SLASHED_ZERO: &str = "postcode_scanned_slashed_zero";
pub(crate) const TOWN_IN_POSTCODE_COLUMN: &str = "town_typed_in_postcode_column";
pub(crate) const BOLIGNUMMER_LEADING: &str = "bolignummer_leading_street_field";
pub(crate) const PERSON_INITIAL_GLUED: &str = "person_street_initial_glued_dot";
pub(crate) const PREFIX_GLUED: &str = "street_prefix_short_glued_dot";
pub(crate) const GIVEN_BY_EAR: &str = "given_name_spelled_by_ear_on_phone";
pub(crate) const OCR_TWO_SPOTS: &str = "scanned_form_rn_m_l_1_one_or_two_spots";
pub(crate) const AEOEAA_TWO_SCHEMES: &str = "aeoeaa_two_fields_two_schemes";
pub(crate) const PDF_BLANKS: &str = "pdf_copy_thin_and_nbsp_blanks";
pub(crate) const PAIRED: &str = "paired_issue_damages_postcode_last";
// Own kinds.
pub(crate) const POSTCODE_THOUSANDS: &str = "postcode_thousands_separator";
pub(crate) const APOSTROPHE_GENITIVE: &str = "person_street_english_apostrophe";
pub(crate) const COOP_BEFORE_STREET: &str = "housing_coop_name_before_street";
pub(crate) const LINE_WRAP_HYPHEN: &str = "line_wrap_hyphen_in_word";
pub(crate) const FIELD_LABELS: &str = "field_labels_left_in_values";
pub(crate) const UNCHANGED: &str = "unchanged";
// Look-alikes.
pub(crate) const HOUSEHOLD_MEMBER: &str = "unreserved_member_of_anchor_household";
pub(crate) const NAMESAKE_DISTANT: &str = "namesake_in_distant_town";
pub(crate) const SURNAME_NEXT_DOOR: &str = "same_surname_next_door";
pub(crate) const ONE_EDIT_SAME_STREET: &str = "one_edit_real_name_same_street";
pub(crate) const PREFIX_TWIN: &str = "namesake_on_prefix_twin_street";
pub(crate) const NAMESAKE_NEXT_HOUSE: &str = "namesake_next_house_same_street";

/// The non-postcode issue kinds a paired lead draws its first damage from.
const PAIR_FIRST: &[&str] = &[
    BOLIGNUMMER_LEADING,
    PERSON_INITIAL_GLUED,
    PREFIX_GLUED,
    GIVEN_BY_EAR,
    OCR_TWO_SPOTS,
    AEOEAA_TWO_SCHEMES,
    PDF_BLANKS,
];
const PAIR_SECOND: &[&str] = &[
    POSTCODE_STALE_LOCAL_MOVE,
    POSTCODE_SLASHED_ZERO,
    TOWN_IN_POSTCODE_COLUMN,
];

/// A lead being written: the query and whether the house is in the street field.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub q: PersonQuery,
    pub house_in_street: bool,
    /// The register's street name, house text (`12 B`) and the person-street index, if any.
    street: String,
    house: String,
    kind: StreetKind,
}

pub(crate) fn title(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The layout of a record before its damage.
pub(crate) fn layout(
    rng: &mut ChaCha8Rng,
    w: &World,
    rec: &PersonRecord,
    kind: StreetKind,
) -> Draft {
    let _ = w;
    let mut q = PersonQuery::from(rec);
    if rng.random_bool(0.15) {
        q.given_names = q.given_names.to_uppercase();
        q.surname = q.surname.to_uppercase();
    }
    let r: f64 = rng.random();
    q.city = if r < 0.4 {
        rec.city.clone()
    } else if r < 0.85 {
        title(&rec.city)
    } else {
        rec.city.to_lowercase()
    };
    let house = if rec.house_letter.is_empty() {
        rec.house_number.clone()
    } else {
        format!("{} {}", rec.house_number, rec.house_letter)
    };
    let house_in_street = rng.random_bool(0.4);
    if house_in_street {
        let h = if rng.random_bool(0.5) {
            house.clone()
        } else {
            house.replace(' ', "")
        };
        q.street = format!("{} {h}", rec.street);
        q.house_number.clear();
        q.house_letter.clear();
    }
    if !rng.random_bool(0.4) {
        q.birth_date = None;
    }
    Draft {
        q,
        house_in_street,
        street: rec.street.clone(),
        house,
        kind,
    }
}

impl Draft {
    /// Puts the house into the street field after `street`.
    fn set_street(&mut self, street: &str) {
        if self.house_in_street {
            self.q.street = format!("{street} {}", self.house);
        } else {
            self.q.street = street.to_string();
        }
    }
    fn house_into_street(&mut self) {
        self.house_in_street = true;
        let s = self.street.clone();
        self.set_street(&s);
        self.q.house_number.clear();
        self.q.house_letter.clear();
    }
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

fn translit(s: &str, scheme: usize) -> String {
    s.chars()
        .flat_map(|c| {
            let r: &str = match (scheme, c) {
                (0, 'æ') => "e",
                (0, 'ø') => "o",
                (0, 'å') => "a",
                (0, 'Æ') => "E",
                (0, 'Ø') => "O",
                (0, 'Å') => "A",
                (1, 'æ') => "ae",
                (1, 'ø') => "oe",
                (1, 'å') => "aa",
                (1, 'Æ') => "Ae",
                (1, 'Ø') => "Oe",
                (1, 'Å') => "Aa",
                (_, 'æ') => "ä",
                (_, 'ø') => "ö",
                (_, 'å') => "a",
                (_, 'Æ') => "Ä",
                (_, 'Ø') => "Ö",
                (_, 'Å') => "A",
                _ => "",
            };
            if r.is_empty() {
                vec![c]
            } else {
                r.chars().collect()
            }
        })
        .collect()
}

/// A scanner confusion in a word field: `rn`→`m`, else a non-initial `m`→`rn`, else a
/// non-initial `l`→`1`.
fn ocr(s: &str) -> Option<String> {
    if let Some(i) = s.find("rn") {
        return Some(format!("{}m{}", &s[..i], &s[i + 2..]));
    }
    if let Some((i, _)) = s.char_indices().skip(1).find(|&(_, c)| c == 'm') {
        return Some(format!("{}rn{}", &s[..i], &s[i + 1..]));
    }
    if let Some((i, _)) = s.char_indices().skip(1).find(|&(_, c)| c == 'l') {
        return Some(format!("{}1{}", &s[..i], &s[i + 1..]));
    }
    None
}

fn glyph(d: char, rng: &mut ChaCha8Rng) -> Option<char> {
    let opts: &[char] = match d {
        '0' => &['Ø', 'ø', 'Ø'],
        '1' => &['I', 'l'],
        '2' => &['Z'],
        '5' => &['S'],
        '6' => &['b'],
        '7' => &['T'],
        '8' => &['B'],
        '9' => &['q', 'g'],
        _ => return None,
    };
    opts.choose(rng).copied()
}

/// Applies one kind to a draft of register person `p`; `false` if the person does not allow it.
pub(crate) fn apply(
    kind: &'static str,
    rng: &mut ChaCha8Rng,
    w: &World,
    p: usize,
    d: &mut Draft,
) -> bool {
    let house = w.house(p);
    let town = &w.places.towns[house.town];
    match kind {
        UNCHANGED => true,
        POSTCODE_STALE_LOCAL_MOVE => {
            // The postcode of another street of the town: the person moved within it.
            let own = &town.streets[house.street].postcode;
            let others: Vec<&String> = town
                .streets
                .iter()
                .map(|s| &s.postcode)
                .filter(|c| *c != own)
                .collect();
            let Some(c) = others.choose(rng) else {
                return false;
            };
            d.q.postcode = (*c).clone();
            true
        }
        POSTCODE_SLASHED_ZERO => {
            let chars: Vec<char> = d.q.postcode.chars().collect();
            // A zero first (the scanner's slashed zero), else another digit.
            let pos = chars.iter().position(|&c| c == '0').or_else(|| {
                let ix: Vec<usize> = (0..chars.len())
                    .filter(|&i| glyph(chars[i], &mut rng.clone()).is_some())
                    .collect();
                ix.choose(rng).copied()
            });
            let Some(i) = pos else { return false };
            let mut out = chars.clone();
            out[i] = glyph(chars[i], rng).expect("glyph");
            if rng.random_bool(0.3)
                && let Some(j) = (0..chars.len())
                    .find(|&j| j != i && glyph(chars[j], &mut rng.clone()).is_some())
            {
                out[j] = glyph(chars[j], rng).expect("glyph");
            }
            d.q.postcode = out.into_iter().collect();
            true
        }
        TOWN_IN_POSTCODE_COLUMN => {
            let t = if d.q.city.trim().is_empty() {
                title(&town.name)
            } else {
                d.q.city.clone()
            };
            d.q.postcode = t;
            if rng.random_bool(0.5) {
                d.q.city.clear();
            }
            true
        }
        BOLIGNUMMER_LEADING => {
            let flat = format!(
                "{}{:02}{:02}",
                ["H", "H", "H", "U", "K"][rng.random_range(0..5)],
                rng.random_range(1..=6),
                rng.random_range(1..=8)
            );
            d.house_into_street();
            let sep = [" ", ", ", " - "][rng.random_range(0..3)];
            d.q.street = format!("{flat}{sep}{}", d.q.street);
            true
        }
        PERSON_INITIAL_GLUED => {
            let StreetKind::Person(i) = d.kind else {
                return false;
            };
            let (g, s, ty) = STREET_PERSONS[i];
            let init = g.chars().next().expect("initial");
            let name = format!("{init}.{s}s {ty}");
            d.set_street(&name);
            true
        }
        PREFIX_GLUED => {
            let StreetKind::Prefix(pi, _) = d.kind else {
                return false;
            };
            let (long, short) = PREFIXES[pi];
            let rest = d
                .street
                .strip_prefix(long)
                .expect("prefix")
                .trim_start()
                .to_string();
            let name = format!("{}{rest}", short[rng.random_range(0..2)]);
            d.set_street(&name);
            true
        }
        GIVEN_BY_EAR => {
            let first = w.persons[p]
                .rec
                .given_names
                .split(' ')
                .next()
                .expect("given")
                .to_string();
            let Some(fam) = FAMILIES.iter().find(|f| f.contains(&first.as_str())) else {
                return false;
            };
            let other = *fam
                .iter()
                .filter(|n| **n != first)
                .collect::<Vec<_>>()
                .choose(rng)
                .expect("family");
            let shown = if d.q.given_names.chars().all(|c| !c.is_lowercase()) {
                other.to_uppercase()
            } else {
                other.to_string()
            };
            let rest: Vec<&str> = d.q.given_names.split(' ').skip(1).collect();
            d.q.given_names = std::iter::once(shown.as_str())
                .chain(rest)
                .collect::<Vec<_>>()
                .join(" ");
            true
        }
        OCR_TWO_SPOTS => {
            let mut spots: Vec<usize> = vec![0, 1, 2, 3];
            spots.shuffle(rng);
            let want = if rng.random_bool(0.4) { 2 } else { 1 };
            let mut done = 0;
            for s in spots {
                if done == want {
                    break;
                }
                let changed = match s {
                    0 => ocr(&d.q.given_names).map(|v| d.q.given_names = v),
                    1 => ocr(&d.q.surname).map(|v| d.q.surname = v),
                    2 => {
                        // The street name only, never the house after it.
                        ocr(&d.street.clone()).map(|v| d.set_street(&v))
                    }
                    _ => {
                        if !d.house_in_street && d.q.house_number.contains('1') {
                            d.q.house_number =
                                d.q.house_number
                                    .replace('1', ["l", "I"][rng.random_range(0..2)]);
                            Some(())
                        } else {
                            None
                        }
                    }
                };
                if changed.is_some() {
                    done += 1;
                }
            }
            done > 0
        }
        AEOEAA_TWO_SCHEMES => {
            let mut fields: Vec<usize> = (0..4)
                .filter(|&f| has_aeoeaa([&d.q.given_names, &d.q.surname, &d.street, &d.q.city][f]))
                .collect();
            if fields.len() < 2 {
                return false;
            }
            fields.shuffle(rng);
            let a = rng.random_range(0..3);
            let b = (a + rng.random_range(1..3)) % 3;
            for (k, &f) in fields[..2].iter().enumerate() {
                let scheme = if k == 0 { a } else { b };
                match f {
                    0 => d.q.given_names = translit(&d.q.given_names, scheme),
                    1 => d.q.surname = translit(&d.q.surname, scheme),
                    2 => {
                        let s = translit(&d.street, scheme);
                        d.set_street(&s);
                    }
                    _ => d.q.city = translit(&d.q.city, scheme),
                }
            }
            true
        }
        PDF_BLANKS => {
            d.q.given_names = if d.q.given_names.contains(' ') {
                d.q.given_names.replace(' ', "\u{a0}")
            } else {
                format!("{}  ", d.q.given_names)
            };
            d.q.surname = format!("\u{a0}{}", d.q.surname);
            if d.house_in_street {
                d.q.street = format!("{}\u{202f}{}", d.street, d.house.replace(' ', "\u{2009}"));
            } else {
                d.q.street = format!("{}\u{a0}", d.street.replacen(' ', "  ", 1));
                d.q.house_number = format!("\u{2007}{}", d.q.house_number);
            }
            if rng.random_bool(0.5) {
                d.q.postcode = format!(" {}", d.q.postcode);
            }
            d.q.city = format!("{}  ", d.q.city);
            true
        }
        PAIRED => {
            let mut first: Vec<&'static str> = PAIR_FIRST.to_vec();
            first.shuffle(rng);
            let mut done = false;
            for k in first {
                let mut t = d.clone();
                if apply(k, rng, w, p, &mut t) {
                    *d = t;
                    done = true;
                    break;
                }
            }
            if !done {
                return false;
            }
            let second = *PAIR_SECOND.choose(rng).expect("second");
            apply(second, rng, w, p, d)
        }
        POSTCODE_THOUSANDS => {
            let c = d.q.postcode.clone();
            if c.starts_with('0') || c.len() != 4 {
                return false;
            }
            let sep = [" ", "\u{a0}", "."][rng.random_range(0..3)];
            d.q.postcode = format!("{}{sep}{}", &c[..1], &c[1..]);
            true
        }
        APOSTROPHE_GENITIVE => {
            let StreetKind::Person(i) = d.kind else {
                return false;
            };
            let (g, s, ty) = STREET_PERSONS[i];
            let apo = ["'", "’", "´", "`"][rng.random_range(0..4)];
            let name = format!("{g} {s}{apo}s {ty}");
            d.set_street(&name);
            true
        }
        COOP_BEFORE_STREET => {
            let coop = *COOPS.choose(rng).expect("coops");
            d.house_into_street();
            d.q.street = match rng.random_range(0..4) {
                0 => format!("Brl. {coop}, {}", d.q.street),
                1 => format!("{coop} borettslag, {}", d.q.street),
                2 => format!("{} BRL - {}", coop.to_uppercase(), d.q.street),
                _ => format!("Sameiet {coop}, {}", d.q.street),
            };
            true
        }
        LINE_WRAP_HYPHEN => {
            let wrap = |s: &str, rng: &mut ChaCha8Rng| {
                let c: Vec<char> = s.chars().collect();
                let k = rng.random_range(3..=c.len() - 3);
                format!(
                    "{}- {}",
                    c[..k].iter().collect::<String>(),
                    c[k..].iter().collect::<String>()
                )
            };
            if d.q.surname.chars().count() >= 8
                && !d.q.surname.contains(' ')
                && rng.random_bool(0.6)
            {
                d.q.surname = wrap(&d.q.surname.clone(), rng);
                return true;
            }
            let words: Vec<&str> = d.street.split(' ').collect();
            let Some(last) = words.last() else {
                return false;
            };
            if last.chars().count() < 10 {
                return false;
            }
            let mut new: Vec<String> = words[..words.len() - 1]
                .iter()
                .map(|s| s.to_string())
                .collect();
            new.push(wrap(last, rng));
            d.set_street(&new.join(" "));
            true
        }
        FIELD_LABELS => {
            let mut f: Vec<usize> = (0..5).collect();
            f.shuffle(rng);
            let n = rng.random_range(2..=4);
            let caps = rng.random_bool(0.2);
            for &i in &f[..n] {
                let label = match i {
                    0 => ["Fornavn: ", "Fornavn:"][rng.random_range(0..2)],
                    1 => "Etternavn: ",
                    2 => ["Adresse: ", "Gateadresse: "][rng.random_range(0..2)],
                    3 => ["Postnr: ", "Postnr.: ", "Postnummer: "][rng.random_range(0..3)],
                    _ => ["Poststed: ", "Sted: "][rng.random_range(0..2)],
                };
                let label = if caps {
                    label.to_uppercase()
                } else {
                    label.to_string()
                };
                let field = match i {
                    0 => &mut d.q.given_names,
                    1 => &mut d.q.surname,
                    2 => &mut d.q.street,
                    3 => &mut d.q.postcode,
                    _ => &mut d.q.city,
                };
                *field = format!("{label}{field}");
            }
            true
        }
        _ => unreachable!("unknown kind {kind}"),
    }
}

/// A harmless damage of a look-alike, so that damage is no cue: no postcode (15 %) or PDF
/// blanks (10 %).
fn harmless(rng: &mut ChaCha8Rng, d: &mut Draft) {
    let r: f64 = rng.random();
    if r < 0.15 {
        d.q.postcode.clear();
    } else if r < 0.25 {
        d.q.given_names = format!("{}  ", d.q.given_names);
        d.q.city = format!("{}\u{a0}", d.q.city);
    }
}

fn near_birth(rng: &mut ChaCha8Rng, rec: &PersonRecord) -> Option<chrono::NaiveDate> {
    let days = rng.random_range(40..=4000) * if rng.random_bool(0.5) { 1 } else { -1 };
    rec.birth_date.map(|b| b + Duration::days(days))
}

/// A look-alike of `kind` around the reserved anchor (a register index), if the anchor allows it.
pub(crate) fn look_alike(
    kind: &'static str,
    rng: &mut ChaCha8Rng,
    w: &World,
    anchor: usize,
) -> Option<Draft> {
    let p = w.reg_person[anchor];
    let a = &w.persons[p];
    let h = w.house(p);
    let town = &w.places.towns[h.town];
    let street_kind = town.streets[h.street].kind;
    let near = |rng: &mut ChaCha8Rng, max: u32| -> u32 {
        let step = rng.random_range(1..=max);
        if h.number > step && rng.random_bool(0.5) {
            h.number - step
        } else {
            h.number + step
        }
    };
    let (rec, kind_of_street) = match kind {
        HOUSEHOLD_MEMBER => {
            let others: Vec<usize> = w.households[a.household]
                .members
                .iter()
                .copied()
                .filter(|&m| w.persons[m].reserved.is_none())
                .collect();
            let m = *others.choose(rng)?;
            (w.persons[m].rec.clone(), street_kind)
        }
        NAMESAKE_DISTANT => {
            let other = &w.households[rng.random_range(0..w.households.len())];
            if other.house.town == h.town {
                return None;
            }
            let st = w.places.towns[other.house.town].streets[other.house.street].kind;
            (
                record(
                    &w.places,
                    &other.house,
                    &a.rec.given_names,
                    &a.rec.surname,
                    near_birth(rng, &a.rec),
                ),
                st,
            )
        }
        SURNAME_NEXT_DOOR => {
            let list = if a.male { MEN } else { WOMEN };
            let g = *list.choose(rng)?;
            let house = House {
                number: near(rng, 4),
                letter: "",
                ..h
            };
            (
                record(
                    &w.places,
                    &house,
                    g,
                    &a.rec.surname,
                    near_birth(rng, &a.rec),
                ),
                street_kind,
            )
        }
        ONE_EDIT_SAME_STREET => {
            let first = a.rec.given_names.split(' ').next()?;
            let g = GIVEN_ONE_EDIT
                .iter()
                .find(|(x, _)| *x == first)
                .map(|(_, y)| *y);
            let s = SURNAME_ONE_EDIT
                .iter()
                .find(|(x, _)| *x == a.rec.surname)
                .map(|(_, y)| *y);
            let (given, surname) = match (g, s) {
                (Some(g), Some(s)) => {
                    if rng.random_bool(0.55) {
                        (g.to_string(), a.rec.surname.clone())
                    } else {
                        (a.rec.given_names.clone(), s.to_string())
                    }
                }
                (Some(g), None) => (g.to_string(), a.rec.surname.clone()),
                (None, Some(s)) => (a.rec.given_names.clone(), s.to_string()),
                (None, None) => return None,
            };
            let house = if rng.random_bool(0.4) {
                h
            } else {
                House {
                    number: near(rng, 6),
                    letter: "",
                    ..h
                }
            };
            (
                record(&w.places, &house, &given, &surname, near_birth(rng, &a.rec)),
                street_kind,
            )
        }
        PREFIX_TWIN => {
            let StreetKind::Prefix(_, Some(t)) = street_kind else {
                return None;
            };
            let house = House { street: t, ..h };
            (
                record(
                    &w.places,
                    &house,
                    &a.rec.given_names,
                    &a.rec.surname,
                    near_birth(rng, &a.rec),
                ),
                town.streets[t].kind,
            )
        }
        NAMESAKE_NEXT_HOUSE => {
            let house = House {
                number: near(rng, 2),
                letter: "",
                ..h
            };
            (
                record(
                    &w.places,
                    &house,
                    &a.rec.given_names,
                    &a.rec.surname,
                    near_birth(rng, &a.rec),
                ),
                street_kind,
            )
        }
        _ => unreachable!("unknown look-alike {kind}"),
    };
    let mut d = layout(rng, w, &rec, kind_of_street);
    harmless(rng, &mut d);
    Some(d)
}
