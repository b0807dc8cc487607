//! Look-alikes: persons who are not reserved, each built around a reserved anchor.

use chrono::{Datelike, Duration};
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::corruption::{Draft, Who, bolignummer, draft, postcode_glyphs, postcode_missing};
use super::judge::{fold, given_names_clash};
use super::names::{MEN, PREFIXES, SURNAMES, WOMEN, partner};
use super::population::{Population, date, given_name};
use crate::person::PersonQuery;

/// A real, unreserved member of the anchor's household.
pub const HOUSEHOLD_MEMBER: &str = "household_member_unreserved";
/// A real, unreserved person of another household at the anchor's house.
pub const OTHER_HOUSEHOLD: &str = "same_house_other_household_unreserved";
/// The anchor's name in another town.
pub const NAMESAKE_OTHER_TOWN: &str = "namesake_other_town";
/// The anchor's name on another street of the same postcode.
pub const NAMESAKE_SAME_POSTCODE: &str = "namesake_same_postcode_other_street";
/// The anchor's name a few numbers away.
pub const NAMESAKE_SAME_STREET: &str = "namesake_same_street_other_number";
/// A name one edit away at another address.
pub const ONE_EDIT: &str = "one_edit_name_other_address";
/// A twin at the anchor's house.
pub const TWIN: &str = "twin_same_birth_date";
/// The anchor's name at the anchor's house, another generation.
pub const GENERATION: &str = "same_name_same_house_other_birth_date";
/// The anchor's name at the same number of the partner street.
pub const PARTNER_STREET: &str = "same_name_partner_street_same_number";
/// The anchor's name at the same street name and number in another town.
pub const SAME_STREET_OTHER_TOWN: &str = "same_name_same_street_name_other_town";
/// A neighbour with the anchor's surname a few numbers away.
pub const NEIGHBOUR_SAME_SURNAME: &str = "neighbour_same_surname_nearby";
/// The anchor's name at the same number with another house letter.
pub const OTHER_LETTER: &str = "same_name_other_house_letter";

/// Look-alike kinds and their shares in per mille of the look-alike half.
pub const KINDS: &[(&str, u32)] = &[
    (HOUSEHOLD_MEMBER, 160),
    (OTHER_HOUSEHOLD, 100),
    (NAMESAKE_OTHER_TOWN, 80),
    (NAMESAKE_SAME_POSTCODE, 80),
    (NAMESAKE_SAME_STREET, 80),
    (ONE_EDIT, 120),
    (TWIN, 60),
    (GENERATION, 60),
    (PARTNER_STREET, 60),
    (SAME_STREET_OTHER_TOWN, 80),
    (OTHER_LETTER, 60),
    (NEIGHBOUR_SAME_SURNAME, 60),
];

/// Why each look-alike is nobody reserved.
pub const WHY: &[(&str, &str)] = &[
    (
        HOUSEHOLD_MEMBER,
        "another given name than every reserved person at the house",
    ),
    (
        OTHER_HOUSEHOLD,
        "a neighbour in the same block, named unlike every reserved person there",
    ),
    (
        NAMESAKE_OTHER_TOWN,
        "another town and, if shown, another birth date",
    ),
    (
        NAMESAKE_SAME_POSTCODE,
        "another street of the postcode and, if shown, another birth date",
    ),
    (
        NAMESAKE_SAME_STREET,
        "another house number and, if shown, another birth date",
    ),
    (ONE_EDIT, "a real name one edit away, at another address"),
    (
        TWIN,
        "the same birth date and house, but a given name unlike everybody's there",
    ),
    (
        GENERATION,
        "the same name and house, but a birth date a generation apart, shown on both",
    ),
    (
        PARTNER_STREET,
        "the partner street (Indre for Ytre, Øvre for Nedre …), written in full",
    ),
    (
        SAME_STREET_OTHER_TOWN,
        "a street of the same name in another town",
    ),
    (OTHER_LETTER, "another house letter at the same number"),
    (
        NEIGHBOUR_SAME_SURNAME,
        "another house number and a given name unlike everybody's at both houses",
    ),
];

fn finish(rng: &mut ChaCha8Rng, mut d: Draft) -> PersonQuery {
    // A quarter carry damage that does not change who they are.
    if rng.random_bool(0.25) {
        match rng.random_range(0..4) {
            0 => d.postcode = postcode_missing(rng),
            1 => {
                if let Some(p) = postcode_glyphs(rng, &d.postcode) {
                    d.postcode = p;
                }
            }
            2 => {
                d.house_sep = "\u{a0}".into();
                d.layout = super::corruption::Layout::StreetGlued;
            }
            _ => d.bolig = Some(bolignummer(rng)),
        }
    }
    d.render()
}

/// A look-alike of kind `kind` around a random reserved anchor, or `None` if the anchor does
/// not allow it.
pub fn look_alike(rng: &mut ChaCha8Rng, pop: &Population, kind: &str) -> Option<PersonQuery> {
    let row = rng.random_range(0..pop.register.len());
    let m = pop.row_person[row];
    let p = &pop.persons[m];
    let a = pop.addresses[p.address];
    let s = &pop.places.streets[a.street];
    let town = &pop.places.towns[s.town];
    let mut who = Who {
        given: &p.given,
        surname: &p.surname,
        birth: p.birth,
        street: s.name(),
        number: a.number,
        letter: a.letter,
        postcode: s.postcode.clone(),
        town: &town.name,
    };
    let other_day = |rng: &mut ChaCha8Rng| loop {
        let d = date(rng, 1938, 2005);
        if d != p.birth {
            return d;
        }
    };
    match kind {
        HOUSEHOLD_MEMBER | OTHER_HOUSEHOLD => {
            let pool: Vec<usize> = if kind == HOUSEHOLD_MEMBER {
                pop.households[p.household].clone()
            } else {
                pop.at_address[p.address]
                    .iter()
                    .copied()
                    .filter(|&o| pop.persons[o].household != p.household)
                    .collect()
            };
            let unreserved: Vec<usize> = pool
                .into_iter()
                .filter(|&o| pop.persons[o].row.is_none())
                .collect();
            let o = &pop.persons[*unreserved.choose(rng)?];
            who.given = &o.given;
            who.surname = &o.surname;
            who.birth = o.birth;
            let d = draft(rng, &who, 0.4);
            Some(finish(rng, d))
        }
        NAMESAKE_OTHER_TOWN | SAME_STREET_OTHER_TOWN => {
            let t = pop.places.town(rng);
            if t == s.town {
                return None;
            }
            let other = &pop.places.towns[t];
            let streets = &pop.places.town_streets[t];
            if kind == NAMESAKE_OTHER_TOWN {
                let os = &pop.places.streets[*streets.choose(rng)?];
                who.street = os.name();
                who.number = rng.random_range(1..=os.numbers);
                who.letter = None;
                who.postcode = os.postcode.clone();
            } else {
                who.postcode = other.postcodes.choose(rng)?.clone();
            }
            who.town = &other.name;
            who.birth = other_day(rng);
            let d = draft(rng, &who, 0.5);
            Some(finish(rng, d))
        }
        NAMESAKE_SAME_POSTCODE => {
            let same: Vec<usize> = pop.places.town_streets[s.town]
                .iter()
                .copied()
                .filter(|&o| o != a.street && pop.places.streets[o].postcode == s.postcode)
                .collect();
            let os = &pop.places.streets[*same.choose(rng)?];
            who.street = os.name();
            who.number = rng.random_range(1..=os.numbers);
            who.birth = other_day(rng);
            let d = draft(rng, &who, 0.5);
            Some(finish(rng, d))
        }
        NAMESAKE_SAME_STREET => {
            let step = *[1i64, 2, 3, 5, 7, 10].choose(rng)?;
            let n = i64::from(a.number) + if rng.random_bool(0.5) { step } else { -step };
            who.number = u32::try_from(n).ok().filter(|&n| n > 0)?;
            who.birth = other_day(rng);
            let d = draft(rng, &who, 0.4);
            Some(finish(rng, d))
        }
        ONE_EDIT => {
            let first = p.given.split([' ', '-']).next()?;
            let list: &[&str] = if p.male { MEN } else { WOMEN };
            let given_near: Vec<&str> = list.iter().copied().filter(|n| near(n, first)).collect();
            let sur_near: Vec<&str> = SURNAMES
                .iter()
                .copied()
                .filter(|n| near(n, &p.surname))
                .collect();
            let given;
            if !given_near.is_empty() && (sur_near.is_empty() || rng.random_bool(0.55)) {
                given = (*given_near.choose(rng)?).to_owned();
                who.given = &given;
            } else {
                who.surname = sur_near.choose(rng)?;
            }
            let streets = &pop.places.town_streets[s.town];
            let os = if rng.random_bool(0.6) {
                &pop.places.streets[*streets.choose(rng)?]
            } else {
                let t = pop.places.town(rng);
                who.town = &pop.places.towns[t].name;
                &pop.places.streets[*pop.places.town_streets[t].choose(rng)?]
            };
            if os.name() == who.street {
                return None;
            }
            who.street = os.name();
            who.postcode = os.postcode.clone();
            who.number = rng.random_range(1..=os.numbers);
            who.letter = None;
            who.birth = other_day(rng);
            let d = draft(rng, &who, 0.4);
            Some(finish(rng, d))
        }
        TWIN => {
            let male = rng.random_bool(0.5);
            let mut given = given_name(rng, male, p.origin);
            for _ in 0..30 {
                if !pop.at_address[p.address]
                    .iter()
                    .any(|&o| given_names_clash(&pop.persons[o].given, &given))
                {
                    break;
                }
                given = given_name(rng, male, p.origin);
            }
            who.given = &given;
            let mut d = draft(rng, &who, 1.0);
            d.birth = Some(p.birth);
            Some(finish(rng, d))
        }
        GENERATION => {
            pop.register[row].birth_date?;
            let years = rng.random_range(22..=35);
            let y = if rng.random_bool(0.5) || p.birth.year() + years > 2006 {
                p.birth.year() - years
            } else {
                p.birth.year() + years
            };
            who.birth = p
                .birth
                .with_year(y)
                .unwrap_or(p.birth - Duration::days(365 * 25));
            let d = draft(rng, &who, 1.0);
            Some(finish(rng, d))
        }
        PARTNER_STREET => {
            let pp = partner(s.prefix?);
            let body = s.body();
            let os = pop.places.town_streets[s.town]
                .iter()
                .map(|&o| &pop.places.streets[o])
                .find(|o| o.prefix == Some(pp) && o.body() == body)?;
            who.street = format!("{} {body}", PREFIXES[pp].0);
            who.postcode = os.postcode.clone();
            who.birth = other_day(rng);
            let mut d = draft(rng, &who, 0.4);
            d.street_caps = false;
            Some(finish(rng, d))
        }
        NEIGHBOUR_SAME_SURNAME => {
            let step = *[1i64, 2, 2, 3, 4].choose(rng)?;
            let n = i64::from(a.number) + if rng.random_bool(0.5) { step } else { -step };
            who.number = u32::try_from(n).ok().filter(|&n| n > 0)?;
            who.letter = None;
            let male = rng.random_bool(0.5);
            let mut given = given_name(rng, male, p.origin);
            for _ in 0..30 {
                if !pop.at_address[p.address]
                    .iter()
                    .any(|&o| given_names_clash(&pop.persons[o].given, &given))
                {
                    break;
                }
                given = given_name(rng, male, p.origin);
            }
            who.given = &given;
            who.birth = date(rng, 1938, 2005);
            let d = draft(rng, &who, 0.4);
            Some(finish(rng, d))
        }
        OTHER_LETTER => {
            let l = a.letter?;
            let others: Vec<char> = ['A', 'B', 'C', 'D']
                .into_iter()
                .filter(|&c| c != l)
                .collect();
            who.letter = Some(*others.choose(rng)?);
            who.birth = other_day(rng);
            let d = draft(rng, &who, 0.4);
            Some(finish(rng, d))
        }
        _ => None,
    }
}

/// Every list name folded.
fn folded(name: &str) -> String {
    static FOLDS: std::sync::OnceLock<std::collections::HashMap<&'static str, String>> =
        std::sync::OnceLock::new();
    let map = FOLDS.get_or_init(|| {
        MEN.iter()
            .chain(WOMEN)
            .chain(SURNAMES)
            .map(|n| (*n, fold(n)))
            .collect()
    });
    map.get(name).cloned().unwrap_or_else(|| fold(name))
}

/// A real name one edit from `name` in the judge's folding, never a spelling of it.
fn near(candidate: &str, name: &str) -> bool {
    let (a, b) = (folded(candidate), folded(name));
    a != b
        && a.chars().count() >= 4
        && b.chars().count() >= 4
        && super::judge::within_one_edit(&a, &b)
}
