//! Look-alikes of the fifteenth set: persons who are not reserved, each built around a
//! reserved anchor, with each kind's name and share.

use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::corruption::{block, layout};
use super::judge::{fold_word, one_edit};
use super::names::{MEN, SURNAMES, WOMEN};
use super::places::Places;
use super::population::Population;
use crate::person::{PersonQuery, PersonRecord};

/// A real, unreserved member of the anchor's household.
pub const HOUSEHOLD: &str = "household_member_unreserved";
/// The anchor's surname at the anchor's house, another given name.
pub const SAME_HOUSE_OTHER_GIVEN: &str = "same_surname_same_house_other_given";
/// The anchor's full name in another town.
pub const NAMESAKE_OTHER_TOWN: &str = "namesake_other_town";
/// The anchor's surname a few numbers away on the anchor's street.
pub const NEIGHBOUR: &str = "neighbour_same_surname_nearby";
/// A name one edit from the anchor's (another real name) at another address.
pub const ONE_EDIT: &str = "one_edit_name_other_address";
/// An unreserved household member written in block letters (own).
pub const HOUSEHOLD_BLOCK: &str = "household_member_block_letters";
/// An unreserved household member with the full name in the given-name field (own).
pub const HOUSEHOLD_FULL_NAME: &str = "household_member_full_name_in_given";

/// Look-alike kinds with their shares per cent.
pub const KINDS: &[(&str, u32)] = &[
    (HOUSEHOLD, 18),
    (SAME_HOUSE_OTHER_GIVEN, 15),
    (NAMESAKE_OTHER_TOWN, 14),
    (NEIGHBOUR, 14),
    (ONE_EDIT, 14),
    (HOUSEHOLD_BLOCK, 13),
    (HOUSEHOLD_FULL_NAME, 12),
];

fn one_edit_partner(word: &str, list: &[&str], rng: &mut ChaCha8Rng) -> Option<String> {
    let f = fold_word(word);
    let partners: Vec<&&str> = list
        .iter()
        .filter(|w| one_edit(&fold_word(w), &f))
        .collect();
    partners.choose(rng).map(|w| w.to_string())
}

fn unreserved_member(
    pop: &Population,
    anchor: usize,
    rng: &mut ChaCha8Rng,
) -> Option<PersonRecord> {
    let p = pop.register_people[anchor];
    let members: Vec<&usize> = pop.households[pop.people[p].household]
        .iter()
        .filter(|&&m| pop.people[m].reserved.is_none())
        .collect();
    members.choose(rng).map(|&&m| pop.people[m].record.clone())
}

fn elsewhere(r: &mut PersonRecord, t: usize, places: &mut Places, rng: &mut ChaCha8Rng) -> bool {
    let city = places.towns[t].name.clone();
    let streets = places.streets(t);
    let Some(st) = streets.choose(rng) else {
        return false;
    };
    r.street = st.name.clone();
    r.postcode = st.postcode.clone();
    r.house_number = rng.random_range(1..=st.top).to_string();
    r.house_letter.clear();
    r.city = city;
    true
}

/// A look-alike of `kind` around register row `anchor`, before the judge.
pub fn build(
    kind: &str,
    anchor: usize,
    pop: &Population,
    places: &mut Places,
    rng: &mut ChaCha8Rng,
) -> Option<PersonQuery> {
    let a = &pop.register[anchor];
    let person = &pop.people[pop.register_people[anchor]];
    let mut r = a.clone();
    r.birth_date = r
        .birth_date
        .and_then(|d| d.checked_add_days(chrono::Days::new(rng.random_range(40..4000))));
    let mut block_names = false;
    let mut full_name = false;
    match kind {
        HOUSEHOLD => r = unreserved_member(pop, anchor, rng)?,
        HOUSEHOLD_BLOCK => {
            r = unreserved_member(pop, anchor, rng)?;
            block_names = true;
        }
        HOUSEHOLD_FULL_NAME => {
            r = unreserved_member(pop, anchor, rng)?;
            full_name = true;
        }
        SAME_HOUSE_OTHER_GIVEN => {
            let list = if rng.random_bool(0.5) { MEN } else { WOMEN };
            r.given_names = list.choose(rng)?.to_string();
        }
        NAMESAKE_OTHER_TOWN => {
            let t = places.draw_town(rng);
            if t == person.town || !elsewhere(&mut r, t, places, rng) {
                return None;
            }
        }
        NEIGHBOUR => {
            let n: i64 = a.house_number.parse().ok()?;
            let d = rng.random_range(1..=4) * if rng.random_bool(0.5) { 1 } else { -1 };
            if n + d < 1 {
                return None;
            }
            r.house_number = (n + d).to_string();
            r.house_letter.clear();
            let list = if person.man { WOMEN } else { MEN };
            r.given_names = list.choose(rng)?.to_string();
        }
        ONE_EDIT => {
            if rng.random_bool(0.55) {
                let first = a.given_names.split(' ').next()?;
                let list = if person.man { MEN } else { WOMEN };
                r.given_names = one_edit_partner(first, list, rng)?;
            } else {
                r.surname = one_edit_partner(&a.surname, SURNAMES, rng)?;
            }
            let t = if rng.random_bool(0.6) {
                person.town
            } else {
                places.draw_town(rng)
            };
            if !elsewhere(&mut r, t, places, rng) || r.street == a.street {
                return None;
            }
        }
        _ => return None,
    }
    let mut q = layout(&r, rng);
    if block_names {
        q.surname = block(&r.surname);
    }
    if full_name {
        q.given_names = format!("{} {}", q.given_names, q.surname);
    }
    if rng.random_bool(0.2) {
        q.postcode.clear();
    }
    Some(q)
}
