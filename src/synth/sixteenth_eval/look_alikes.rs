//! Look-alikes: leads that resemble a reserved person (the anchor) but are nobody reserved.

use chrono::Duration;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::corruption::{layout, paste_invisible};
use super::names::{MEN, ONE_EDIT, WOMEN};
use super::population::Population;
use crate::person::{PersonQuery, PersonRecord};

/// A real, unreserved member of the anchor's household.
pub const HOUSEHOLD: &str = "household_member_unreserved";
/// The anchor's surname and house, another given name.
pub const SAME_HOUSE_OTHER_GIVEN: &str = "same_surname_same_house_other_given";
/// The anchor's full name in another town.
pub const NAMESAKE: &str = "namesake_other_town";
/// The anchor's surname a few numbers away, the other sex.
pub const NEIGHBOUR: &str = "neighbour_same_surname_nearby";
/// A name one edit from the anchor's, at another address.
pub const ONE_EDIT_KIND: &str = "one_edit_name_other_address";
/// An unreserved household member with invisible characters pasted in (own).
pub const HOUSEHOLD_PASTED: &str = "household_member_zero_width_pasted";

/// Look-alike kinds with shares per cent.
pub const KINDS: &[(&str, u32)] = &[
    (HOUSEHOLD, 20),
    (SAME_HOUSE_OTHER_GIVEN, 16),
    (NAMESAKE, 16),
    (NEIGHBOUR, 16),
    (ONE_EDIT_KIND, 16),
    (HOUSEHOLD_PASTED, 16),
];

fn moved_birth(rng: &mut ChaCha8Rng, r: &mut PersonRecord) {
    if let Some(b) = r.birth_date {
        let d = rng.random_range(40..=4000) * if rng.random_bool(0.5) { 1 } else { -1 };
        r.birth_date = b.checked_add_signed(Duration::days(d));
    }
}

fn with_house(r: &mut PersonRecord, h: &PersonRecord) {
    r.street = h.street.clone();
    r.house_number = h.house_number.clone();
    r.house_letter = h.house_letter.clone();
    r.postcode = h.postcode.clone();
    r.city = h.city.clone();
}

/// A look-alike of `kind` around anchor `a` (index into `pop.people`), before the judge.
pub fn build(kind: &str, rng: &mut ChaCha8Rng, pop: &Population, a: usize) -> Option<PersonQuery> {
    let anchor = &pop.people[a];
    let mut r = anchor.record.clone();
    match kind {
        HOUSEHOLD | HOUSEHOLD_PASTED => {
            let free: Vec<usize> = pop.households[anchor.household]
                .iter()
                .copied()
                .filter(|&i| pop.people[i].reserved.is_none())
                .collect();
            r = pop.people[*free.choose(rng)?].record.clone();
        }
        SAME_HOUSE_OTHER_GIVEN => {
            r.given_names = if rng.random_bool(0.5) { MEN } else { WOMEN }
                .choose(rng)?
                .to_string();
            moved_birth(rng, &mut r);
        }
        NAMESAKE => {
            let other = &pop.people[rng.random_range(0..pop.people.len())];
            if other.town == anchor.town {
                return None;
            }
            with_house(&mut r, &other.record);
            moved_birth(rng, &mut r);
        }
        NEIGHBOUR => {
            r.given_names = if anchor.male { WOMEN } else { MEN }
                .choose(rng)?
                .to_string();
            let n: i64 = r.house_number.parse().ok()?;
            let step = rng.random_range(1..=4) * if rng.random_bool(0.5) { 1 } else { -1 };
            if n + step < 1 {
                return None;
            }
            r.house_number = (n + step).to_string();
            r.house_letter.clear();
            moved_birth(rng, &mut r);
        }
        ONE_EDIT_KIND => {
            let given = rng.random_bool(0.55);
            let field = if given {
                &mut r.given_names
            } else {
                &mut r.surname
            };
            let first = field.split(' ').next()?.to_string();
            let &(x, y) = ONE_EDIT.iter().find(|(x, y)| *x == first || *y == first)?;
            *field = if first == x { y } else { x }.to_string();
            let other = &pop.people[rng.random_range(0..pop.people.len())];
            with_house(&mut r, &other.record);
            moved_birth(rng, &mut r);
        }
        _ => return None,
    }
    let mut q = layout(rng, &r);
    if kind == HOUSEHOLD_PASTED {
        q.given_names = paste_invisible(rng, &q.given_names);
        q.surname = paste_invisible(rng, &q.surname);
    }
    if rng.random_bool(0.2) {
        q.postcode.clear();
    }
    Some(q)
}
