//! Look-alikes: persons who are not reserved, built around a reserved anchor.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::corruption::{base, house_layout, name_case};
use super::judge::{Judge, fold, one_edit};
use super::names::{FEMALE, MALE, SURNAMES};
use super::places::Places;
use super::population::{Population, birth, given};
use crate::person::PersonQuery;

/// A real, unreserved member of the anchor's household.
pub const HOUSEHOLD: &str = "household_member_unreserved";
/// The anchor's surname at the anchor's house, another given name.
pub const SAME_SURNAME_HOUSE: &str = "same_surname_same_house_other_given";
/// The anchor's full name in another town.
pub const NAMESAKE_OTHER_TOWN: &str = "namesake_other_town";
/// The anchor's surname a few numbers away on the anchor's street.
pub const NEIGHBOUR: &str = "neighbour_same_surname_nearby";
/// A name one edit from the anchor's at another address.
pub const ONE_EDIT: &str = "one_edit_name_other_address";
/// The anchor's surname and a given name of the same initial at the anchor's house (own).
pub const SAME_INITIAL_HOUSE: &str = "same_initial_same_house_other_given";
/// The anchor's full name on another street of the anchor's town (own).
pub const NAMESAKE_OTHER_STREET: &str = "namesake_same_town_other_street";

/// Look-alike kinds with shares per mille and why they are fair.
pub const KINDS: &[(&str, u32, &str)] = &[
    (
        HOUSEHOLD,
        180,
        "another real person, a given name told apart",
    ),
    (
        SAME_SURNAME_HOUSE,
        140,
        "a given name told apart from everybody's there",
    ),
    (NAMESAKE_OTHER_TOWN, 130, "another town"),
    (NEIGHBOUR, 130, "another house and another given name"),
    (ONE_EDIT, 140, "another real name at another address"),
    (
        SAME_INITIAL_HOUSE,
        140,
        "the initial fits, the given name does not",
    ),
    (NAMESAKE_OTHER_STREET, 140, "another street of the town"),
];

fn all_given() -> impl Iterator<Item = &'static str> {
    MALE.iter().chain(FEMALE).copied()
}

/// A look-alike of `kind` around the reserved person at register row `anchor_row`.
pub fn make(
    kind: &str,
    anchor_row: usize,
    pop: &Population,
    places: &Places,
    judge: &Judge,
    rng: &mut ChaCha8Rng,
) -> Option<PersonQuery> {
    let a = &pop.persons[pop.of_row[anchor_row]];
    let mut r = a.record.clone();
    let other_birth = |rng: &mut ChaCha8Rng| birth(rng, 1935, 2006);
    match kind {
        HOUSEHOLD => {
            let free: Vec<usize> = pop.households[a.household]
                .iter()
                .copied()
                .filter(|&p| pop.persons[p].reserved.is_none())
                .collect();
            if free.is_empty() {
                return None;
            }
            r = pop.persons[free[rng.random_range(0..free.len())]]
                .record
                .clone();
        }
        SAME_SURNAME_HOUSE => {
            let female = rng.random_bool(0.5);
            r.given_names = given(rng, female, a.other_origin);
            r.birth_date = other_birth(rng);
        }
        SAME_INITIAL_HOUSE => {
            let initial = r.given_names.chars().next()?;
            let same: Vec<&str> = all_given()
                .filter(|g| g.starts_with(initial) && !judge.given_clash(g, &r.given_names))
                .collect();
            if same.is_empty() {
                return None;
            }
            r.given_names = same[rng.random_range(0..same.len())].to_owned();
            r.birth_date = other_birth(rng);
        }
        NAMESAKE_OTHER_TOWN => {
            let t = places.draw_town(rng);
            let town = &places.towns[t];
            if t == a.town || town.streets.is_empty() {
                return None;
            }
            let s = &town.streets[rng.random_range(0..town.streets.len())];
            r.street = s.name.clone();
            r.postcode = s.postcode.clone();
            r.city = town.upper.clone();
            r.house_number = rng.random_range(1..=s.max_number).to_string();
            r.house_letter.clear();
            r.birth_date = other_birth(rng);
        }
        NAMESAKE_OTHER_STREET | ONE_EDIT => {
            if kind == ONE_EDIT {
                let gf = r.given_names.split([' ', '-']).next()?.to_owned();
                if rng.random_bool(0.55) {
                    let near: Vec<&str> = all_given()
                        .filter(|g| *g != gf && one_edit(&g.to_lowercase(), &gf.to_lowercase()))
                        .filter(|g| fold(g) != fold(&gf))
                        .collect();
                    if near.is_empty() {
                        return None;
                    }
                    r.given_names = near[rng.random_range(0..near.len())].to_owned();
                } else {
                    let near: Vec<&str> = SURNAMES
                        .iter()
                        .copied()
                        .filter(|s| {
                            *s != r.surname
                                && one_edit(&s.to_lowercase(), &r.surname.to_lowercase())
                        })
                        .collect();
                    if near.is_empty() {
                        return None;
                    }
                    r.surname = near[rng.random_range(0..near.len())].to_owned();
                }
            }
            let t = if kind == ONE_EDIT && rng.random_bool(0.4) {
                places.draw_town(rng)
            } else {
                a.town
            };
            let town = &places.towns[t];
            if town.streets.len() < 2 {
                return None;
            }
            let si = rng.random_range(0..town.streets.len());
            if t == a.town && si == a.street {
                return None;
            }
            let s = &town.streets[si];
            r.street = s.name.clone();
            r.postcode = s.postcode.clone();
            r.city = town.upper.clone();
            r.house_number = rng.random_range(1..=s.max_number).to_string();
            r.house_letter.clear();
            r.birth_date = other_birth(rng);
        }
        NEIGHBOUR => {
            let n: u32 = r.house_number.parse().ok()?;
            let d = rng.random_range(1..=4);
            let m = if rng.random_bool(0.5) || n <= d {
                n + d
            } else {
                n - d
            };
            r.house_number = m.to_string();
            r.house_letter.clear();
            let female = rng.random_bool(0.5);
            r.given_names = given(rng, female, a.other_origin);
            r.birth_date = other_birth(rng);
        }
        _ => return None,
    }
    let mut q = base(&r, rng);
    if rng.random_bool(0.2) {
        q.postcode.clear();
    }
    house_layout(&mut q, rng);
    name_case(&mut q, rng);
    Some(q)
}
