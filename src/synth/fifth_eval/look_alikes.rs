//! Look-alikes: leads that resemble a reserved person (the anchor) but are somebody else, who
//! is not reserved. Each is written like any lead; 30 % also carry damage that does not
//! change who they are, so that clean text is no cue.

use chrono::Datelike;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::corruption::{self, Draft, Identity};
use super::judge::{Judge, one_edit};
use super::names;
use super::places::{House, Places};
use super::population::{Population, day_in, draw_given, draw_surname};
use crate::person::PersonQuery;

pub(crate) const HOUSEHOLD_MEMBER: &str = "household_member_unreserved";
pub(crate) const SIBLING: &str = "sibling_same_house";
pub(crate) const TWIN: &str = "twin_same_birth_date";
pub(crate) const NAMESAKE_OTHER_TOWN: &str = "namesake_other_town";
pub(crate) const NAMESAKE_BIRTH_YEAR: &str = "namesake_same_birth_year";
pub(crate) const OTHER_LETTER: &str = "neighbour_other_house_letter";
pub(crate) const SAME_HOUSE_OTHER_NAME: &str = "neighbour_same_address_other_flat";
pub(crate) const ONE_EDIT_OTHER_ADDRESS: &str = "one_edit_name_other_address";

/// Harmless damage a look-alike may carry.
const DAMAGE: &[&str] = &[
    corruption::POSTCODE_SLIP,
    corruption::POSTCODE_ABSENT,
    corruption::WHITESPACE,
    corruption::GIVEN_SPELLING,
    corruption::BOLIGNUMMER,
    corruption::STREET_PREFIX,
];

/// Writes a look-alike of `kind` around the reserved person of register row `anchor`;
/// `None` if the anchor gives the kind nothing to work on.
pub(crate) fn write(
    rng: &mut ChaCha8Rng,
    places: &Places,
    pop: &Population,
    judge: &Judge,
    kind: &'static str,
    anchor: usize,
) -> Option<PersonQuery> {
    let a = &pop.persons[pop.person_of_row[anchor] as usize];
    let first = a.given.split([' ', '-']).next().unwrap_or_default();
    let other_day = |rng: &mut ChaCha8Rng, year: i32| loop {
        let d = day_in(rng, year);
        if d != a.birth {
            return d;
        }
    };
    // A given name of the sex, far from every name at the house.
    let far_given = |rng: &mut ChaCha8Rng, male: bool| -> Option<&'static str> {
        (0..20)
            .map(|_| draw_given(rng, male, a.immigrant))
            .find(|g| {
                pop.households[a.household as usize]
                    .iter()
                    .all(|&m| !judge.given_could_be(&pop.persons[m as usize].given, g))
            })
    };
    let habit = 0.35;
    let (given, surname, house, birth, shown): (String, String, House, _, f64) = match kind {
        HOUSEHOLD_MEMBER => {
            let members: Vec<u32> = pop.households[a.household as usize]
                .iter()
                .copied()
                .filter(|&m| pop.persons[m as usize].row.is_none())
                .collect();
            if members.is_empty() {
                return None;
            }
            let m = &pop.persons[members[rng.random_range(0..members.len())] as usize];
            (m.given.clone(), m.surname.clone(), m.house, m.birth, habit)
        }
        SIBLING => {
            let male = rng.random_bool(0.5);
            let year = a.birth.year() + [-1, 1][rng.random_range(0..2)] * rng.random_range(1..=12);
            let g = far_given(rng, male)?;
            (
                g.into(),
                a.surname.clone(),
                a.house,
                other_day(rng, year),
                habit,
            )
        }
        TWIN => {
            let male = rng.random_bool(0.5);
            let g = far_given(rng, male)?;
            (g.into(), a.surname.clone(), a.house, a.birth, 1.0)
        }
        NAMESAKE_OTHER_TOWN => {
            let mut town = places.draw_town(rng);
            if town == a.house.town as usize {
                town = (town + 1) % places.towns.len();
            }
            let year = rng.random_range(1940..=2005);
            let house = places.draw_house(rng, town);
            (
                a.given.clone(),
                a.surname.clone(),
                house,
                other_day(rng, year),
                0.4,
            )
        }
        NAMESAKE_BIRTH_YEAR => {
            let house = places.draw_house(rng, a.house.town as usize);
            if house.street == a.house.street {
                return None;
            }
            (
                a.given.clone(),
                a.surname.clone(),
                house,
                other_day(rng, a.birth.year()),
                1.0,
            )
        }
        OTHER_LETTER => {
            let letter = a.house.letter?;
            let other = ['A', 'B', 'C', 'D', 'E']
                .into_iter()
                .filter(|&l| l != letter)
                .nth(rng.random_range(0..4))?;
            let house = House {
                letter: Some(other),
                ..a.house
            };
            let male = rng.random_bool(0.5);
            let g = far_given(rng, male)?;
            let surname = if rng.random_bool(0.5) {
                a.surname.clone()
            } else {
                {
                    let immigrant = rng.random_bool(0.12);
                    draw_surname(rng, immigrant)
                }
            };
            let year = rng.random_range(1940..=2005);
            (g.into(), surname, house, other_day(rng, year), habit)
        }
        SAME_HOUSE_OTHER_NAME => {
            let male = rng.random_bool(0.5);
            let g = far_given(rng, male)?;
            let immigrant = rng.random_bool(0.12);
            let surname = draw_surname(rng, immigrant);
            if judge.given_could_be(&surname, &a.surname) {
                return None;
            }
            let year = rng.random_range(1940..=2005);
            (g.into(), surname, a.house, other_day(rng, year), habit)
        }
        ONE_EDIT_OTHER_ADDRESS => {
            let (list, given_side): (&[&str], bool) = if rng.random_bool(0.55) {
                (if a.male { names::MEN } else { names::WOMEN }, true)
            } else {
                (names::SURNAMES, false)
            };
            let target = if given_side {
                first
            } else {
                a.surname.as_str()
            };
            let near: Vec<&str> = list
                .iter()
                .copied()
                .filter(|n| *n != target && one_edit(&n.to_lowercase(), &target.to_lowercase()))
                .filter(|n| {
                    !names::SPELLINGS
                        .iter()
                        .any(|g| g.contains(n) && g.contains(&target))
                })
                .collect();
            if near.is_empty() {
                return None;
            }
            let n = near[rng.random_range(0..near.len())];
            let town = if rng.random_bool(0.6) {
                a.house.town as usize
            } else {
                places.draw_town(rng)
            };
            let house = places.draw_house(rng, town);
            if house.town == a.house.town && house.street == a.house.street {
                return None;
            }
            let (g, s) = if given_side {
                (n.to_owned(), a.surname.clone())
            } else {
                (first.to_owned(), n.to_owned())
            };
            let year = rng.random_range(1940..=2005);
            (g, s, house, other_day(rng, year), habit)
        }
        _ => return None,
    };
    let id = Identity {
        given: &given,
        surname: &surname,
        house,
        birth,
    };
    let mut d: Draft = Draft::new(rng, places, &id, shown);
    if rng.random_bool(0.3) {
        let damage = DAMAGE[rng.random_range(0..DAMAGE.len())];
        corruption::apply(rng, places, damage, &mut d);
    }
    if kind == SAME_HOUSE_OTHER_NAME && rng.random_bool(0.4) {
        corruption::apply(rng, places, corruption::BOLIGNUMMER, &mut d);
    }
    Some(d.write())
}
