//! Look-alikes: leads of persons who are not reserved, built around a reserved anchor.

use std::collections::HashMap;

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::corruption::{layout, record_of};
use super::names;
use super::population::Population;
use crate::person::PersonQuery;

/// A real, unreserved member of the anchor's household.
pub const HOUSEHOLD: &str = "household_member_not_reserved";
/// The anchor's surname at the anchor's house with another given name.
pub const SAME_HOUSE_OTHER_GIVEN: &str = "same_surname_same_house_other_given";
/// The anchor's full name at a house in another town.
pub const NAMESAKE: &str = "namesake_in_other_town";
/// The anchor's surname one to four numbers away on the anchor's street.
pub const NEIGHBOUR: &str = "neighbour_same_surname_close_number";
/// A real name one edit from the anchor's at another address.
pub const ONE_EDIT: &str = "one_edit_real_name_other_address";
/// The anchor's full name, street name and number in another town, born the day before.
pub const SAME_STREET_OTHER_TOWN: &str = "namesake_same_street_other_town_day_before";

/// Look-alike kinds and their shares per mille.
pub const KINDS: &[(&str, u32)] = &[
    (HOUSEHOLD, 200),
    (SAME_HOUSE_OTHER_GIVEN, 160),
    (NAMESAKE, 160),
    (NEIGHBOUR, 160),
    (ONE_EDIT, 160),
    (SAME_STREET_OTHER_TOWN, 160),
];

fn moved(rng: &mut ChaCha8Rng, d: chrono::NaiveDate) -> chrono::NaiveDate {
    let days = chrono::Days::new(rng.random_range(40..4000));
    if rng.random_bool(0.5) {
        d + days
    } else {
        d - days
    }
}

/// A look-alike of kind `kind` around register row `anchor`, or `None`.
pub fn build(
    rng: &mut ChaCha8Rng,
    pop: &Population,
    streets_by_name: &HashMap<&str, Vec<(usize, usize)>>,
    kind: &str,
    anchor: usize,
) -> Option<PersonQuery> {
    let a = &pop.people[pop.person_of_reg[anchor]];
    let row = &pop.register[anchor];
    let mut q = match kind {
        HOUSEHOLD => {
            let free: Vec<usize> = pop.households[a.household]
                .iter()
                .copied()
                .filter(|&m| pop.people[m].reg.is_none())
                .collect();
            let m = *free.choose(rng)?;
            layout(rng, &record_of(pop, &pop.people[m]), None)
        }
        SAME_HOUSE_OTHER_GIVEN => {
            let list = if rng.random_bool(0.5) {
                names::MEN
            } else {
                names::WOMEN
            };
            let mut r = row.clone();
            r.given_names = (*list.choose(rng)?).to_owned();
            r.birth_date = Some(moved(rng, a.birth));
            layout(rng, &r, None)
        }
        NAMESAKE | ONE_EDIT => {
            let other = pop.people.choose(rng)?;
            if kind == NAMESAKE && other.town == a.town {
                return None;
            }
            let mut r = record_of(pop, other);
            r.given_names = row.given_names.clone();
            r.surname = row.surname.clone();
            r.birth_date = Some(moved(rng, a.birth));
            if kind == ONE_EDIT {
                let g = names::ONE_EDIT_GIVEN.iter().find(|(x, _)| *x == a.given[0]);
                let s = names::ONE_EDIT_SURNAME
                    .iter()
                    .find(|(x, _)| *x == a.surname);
                match (g, s) {
                    (Some(g), Some(_)) if rng.random_bool(0.55) => {
                        r.given_names = g.1.to_owned();
                    }
                    (_, Some(s)) => r.surname = s.1.to_owned(),
                    (Some(g), None) => r.given_names = g.1.to_owned(),
                    (None, None) => return None,
                }
            }
            layout(rng, &r, None)
        }
        NEIGHBOUR => {
            let mut r = row.clone();
            let step = rng.random_range(1..=4);
            let n = if rng.random_bool(0.5) || a.number <= step {
                a.number + step
            } else {
                a.number - step
            };
            r.house_number = n.to_string();
            r.house_letter.clear();
            let list = if a.male { names::WOMEN } else { names::MEN };
            r.given_names = (*list.choose(rng)?).to_owned();
            r.birth_date = Some(moved(rng, a.birth));
            layout(rng, &r, None)
        }
        _ => {
            let places = streets_by_name.get(row.street.as_str())?;
            let &(t, s) = places.choose(rng)?;
            if t == a.town {
                return None;
            }
            let st = &pop.streets[&t][s];
            let mut r = row.clone();
            r.postcode = st.postcode.clone();
            r.city = pop.places.towns[t].name.clone();
            r.birth_date = a.birth.pred_opt();
            let mut q = layout(rng, &r, None);
            q.birth_date = r.birth_date;
            q
        }
    };
    if rng.random_bool(0.2) {
        q.postcode.clear();
    }
    Some(q)
}
