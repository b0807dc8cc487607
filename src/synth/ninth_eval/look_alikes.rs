//! Look-alikes: leads of persons who are not reserved, built around a reserved anchor.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::corruption::Draft;
use super::judge::{could_be_name, name_key, name_words};
use super::names::{MEN, SURNAMES, WOMEN};
use super::places::Places;
use super::population::{House, Population, date, given_apart, random_house};

/// A real, unreserved member of the anchor's household.
pub const HOUSEHOLD: &str = "household_member_unreserved";
/// A real, unreserved person of another household at the anchor's house.
pub const SAME_HOUSE_OTHER: &str = "same_house_other_household_unreserved";
/// The anchor's name in another town.
pub const NAMESAKE_TOWN: &str = "namesake_other_town";
/// The anchor's name on another street of the town.
pub const NAMESAKE_STREET: &str = "namesake_same_town_other_street";
/// The anchor's name a few numbers away.
pub const NAMESAKE_NEAR: &str = "namesake_nearby_number";
/// A name one edit away at another address.
pub const ONE_EDIT: &str = "one_edit_name_other_address";
/// A twin at the anchor's house.
pub const TWIN: &str = "twin_same_birth_date";
/// The anchor's name at the partner street.
pub const PARTNER: &str = "partner_street_same_number";
/// The anchor's given names with another surname at the anchor's house.
pub const SAME_GIVEN: &str = "same_given_other_surname_same_house";
/// The anchor's surname with other given names at the anchor's house.
pub const OTHER_GIVEN: &str = "other_given_same_surname_same_house";

/// Look-alike kinds with shares in ‰.
pub const KINDS: &[(&str, u32)] = &[
    (HOUSEHOLD, 180),
    (SAME_HOUSE_OTHER, 90),
    (NAMESAKE_TOWN, 110),
    (NAMESAKE_STREET, 90),
    (NAMESAKE_NEAR, 80),
    (ONE_EDIT, 130),
    (TWIN, 60),
    (PARTNER, 60),
    (SAME_GIVEN, 80),
    (OTHER_GIVEN, 120),
];

/// Why a look-alike kind is fair.
pub fn why(kind: &str) -> Option<&'static str> {
    Some(match kind {
        HOUSEHOLD => {
            "another person of the household: their given names are told apart from every reserved person's at the house"
        }
        SAME_HOUSE_OTHER => "a person of another household at the house, told apart by name",
        NAMESAKE_TOWN => "the name, but in another town and (if shown) born another day",
        NAMESAKE_STREET => "the name, but on another street of the town",
        NAMESAKE_NEAR => "the name, but at another number of the street",
        ONE_EDIT => "a real other name one edit away, at another address",
        TWIN => "the surname, house and birth date, but another given name",
        PARTNER => {
            "the name and number, but the partner street (the other prefix, written in full)"
        }
        SAME_GIVEN => "the given names at the house, but another surname",
        OTHER_GIVEN => "the surname at the house, but other given names",
        _ => return None,
    })
}

fn one_edit(name: &str, list: &[&str]) -> Option<String> {
    let key = name_key(name);
    list.iter()
        .find(|o| could_be_name(o, name) && name_key(o) != key && o.chars().count() >= 4)
        .map(|s| s.to_string())
}

/// Builds one look-alike of `kind` around the reserved anchor (a population index).
pub fn build(
    kind: &str,
    anchor: usize,
    pop: &Population,
    places: &Places,
    rng: &mut ChaCha8Rng,
) -> Option<Draft> {
    let a = &pop.persons[anchor];
    let habit = |rng: &mut ChaCha8Rng, d| rng.random_bool(0.35).then_some(d);
    let other_birth = |rng: &mut ChaCha8Rng| {
        let mut d = date(rng, 1938, 2005);
        if d == a.birth {
            d = d.succ_opt().unwrap_or(d);
        }
        d
    };
    let at_house: Vec<usize> = pop.at_house.get(&a.house).cloned().unwrap_or_default();
    let givens: Vec<&str> = at_house
        .iter()
        .map(|&i| pop.persons[i].given.as_str())
        .collect();
    let (given, surname, man, house, birth): (String, String, bool, House, Option<_>) = match kind {
        HOUSEHOLD | SAME_HOUSE_OTHER => {
            let cands: Vec<usize> = at_house
                .iter()
                .copied()
                .filter(|&i| pop.persons[i].row.is_none())
                .filter(|&i| (pop.persons[i].household == a.household) == (kind == HOUSEHOLD))
                .collect();
            if cands.is_empty() {
                return None;
            }
            let p = &pop.persons[cands[rng.random_range(0..cands.len())]];
            let b = habit(rng, p.birth);
            (
                p.given.clone(),
                p.surname.clone(),
                p.man,
                p.house.clone(),
                b,
            )
        }
        NAMESAKE_TOWN => {
            let t = places.draw_town(rng);
            if t == a.house.town || places.towns[t].streets.is_empty() {
                return None;
            }
            let h = random_house(rng, places, t);
            let b = rng.random_bool(0.5).then(|| other_birth(rng));
            (a.given.clone(), a.surname.clone(), a.man, h, b)
        }
        NAMESAKE_STREET | ONE_EDIT => {
            let mut h = if kind == ONE_EDIT && rng.random_bool(0.4) {
                let t = places.draw_town(rng);
                if places.towns[t].streets.is_empty() {
                    return None;
                }
                random_house(rng, places, t)
            } else {
                random_house(rng, places, a.house.town)
            };
            if h.town == a.house.town && h.street == a.house.street {
                h.street = (h.street + 1) % places.towns[h.town].streets.len();
                if h.street == a.house.street {
                    return None;
                }
            }
            let (mut g, mut s) = (a.given.clone(), a.surname.clone());
            if kind == ONE_EDIT {
                let first = name_words(&g).into_iter().next().unwrap_or_default();
                let list = if a.man { MEN } else { WOMEN };
                let by_given = one_edit(&first, list);
                let by_surname = one_edit(&s, SURNAMES);
                match (by_given, by_surname) {
                    (Some(x), Some(_)) if rng.random_bool(0.55) => g = x,
                    (_, Some(y)) => s = y,
                    (Some(x), None) => g = x,
                    (None, None) => return None,
                }
            }
            let b = if kind == ONE_EDIT {
                {
                    let ob = other_birth(rng);
                    habit(rng, ob)
                }
            } else {
                rng.random_bool(0.5).then(|| other_birth(rng))
            };
            (g, s, a.man, h, b)
        }
        NAMESAKE_NEAR => {
            let step = [1i64, 2, 3, 4][rng.random_range(0..4)];
            let n = i64::from(a.house.number) + if rng.random_bool(0.5) { step } else { -step };
            if n < 1 {
                return None;
            }
            let mut h = a.house.clone();
            h.number = n as u32;
            h.letter.clear();
            let b = {
                let ob = other_birth(rng);
                habit(rng, ob)
            };
            (a.given.clone(), a.surname.clone(), a.man, h, b)
        }
        TWIN | OTHER_GIVEN => {
            let man = rng.random_bool(0.5);
            let list = if man { MEN } else { WOMEN };
            let g = (0..40)
                .map(|_| list[rng.random_range(0..list.len())])
                .find(|g| given_apart(g, &givens))?;
            let b = if kind == TWIN {
                Some(a.birth)
            } else {
                {
                    let ob = other_birth(rng);
                    habit(rng, ob)
                }
            };
            (g.to_string(), a.surname.clone(), man, a.house.clone(), b)
        }
        PARTNER => {
            let street = places.partner(a.house.town, a.house.street)?;
            let mut h = a.house.clone();
            h.street = street;
            let b = {
                let ob = other_birth(rng);
                habit(rng, ob)
            };
            (a.given.clone(), a.surname.clone(), a.man, h, b)
        }
        SAME_GIVEN => {
            let key = name_key(&a.surname);
            let s = (0..40)
                .map(|_| SURNAMES[rng.random_range(0..SURNAMES.len())])
                .find(|s| name_key(s) != key && !could_be_name(s, &a.surname))?;
            let b = {
                let ob = other_birth(rng);
                habit(rng, ob)
            };
            (a.given.clone(), s.to_string(), a.man, a.house.clone(), b)
        }
        _ => return None,
    };
    let mut d = Draft::new(rng, places, &given, &surname, man, &house, birth);
    // A quarter carry damage that does not change who they are.
    if rng.random_bool(0.25) {
        match rng.random_range(0..4) {
            0 => d.postcode.clear(),
            1 => d.postcode = d.postcode.replacen('0', "O", 1),
            2 => {
                d.layout = 1;
                d.sep_number = "\u{a0}".into();
            }
            _ => {
                d.bolig = Some(format!(
                    " H0{}0{}",
                    rng.random_range(1..=5),
                    rng.random_range(1..=6)
                ))
            }
        }
    }
    Some(d)
}
