//! Look-alikes: leads of persons who are not reserved, built around a reserved anchor.

use chrono::Duration;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::corruption::{Ctx, layout};
use super::judge::names_could_be;
use super::names::{MEN, ONE_EDIT_GIVEN, ONE_EDIT_SURNAME, WOMEN};
use super::population::House;
use crate::person::{PersonQuery, PersonRecord};

/// A real, unreserved member of a household with a reserved member, at their house.
pub const HOUSEMATE: &str = "unreserved_housemate";
/// The anchor's full name at another household's house in another town.
pub const NAMESAKE_OTHER_TOWN: &str = "namesake_in_another_town";
/// The anchor's surname with a given name of the other sex, one to four numbers away.
pub const NEIGHBOUR_SURNAME: &str = "same_surname_neighbour_close_by";
/// The anchor's first given name or surname as a real name one edit away, on the anchor's
/// street one to six numbers away.
pub const ONE_EDIT_NEARBY: &str = "one_edit_real_name_near_anchor";
/// Own: the anchor's full name on the anchor's street at the house number with its two
/// digits swapped (`21` for `12`), no letter.
pub const DIGITS_SWAPPED_HOUSE: &str = "namesake_house_digits_swapped";

/// The look-alike kinds and their shares per mille.
pub const KINDS: &[(&str, u32)] = &[
    (HOUSEMATE, 220),
    (NAMESAKE_OTHER_TOWN, 180),
    (NEIGHBOUR_SURNAME, 180),
    (ONE_EDIT_NEARBY, 200),
    (DIGITS_SWAPPED_HOUSE, 220),
];

fn at(ctx: &Ctx, house: &House, given: &str, surname: &str) -> PersonRecord {
    let t = &ctx.places.towns[house.town];
    let s = &t.streets[house.street];
    PersonRecord {
        given_names: given.to_string(),
        surname: surname.to_string(),
        street: s.name.clone(),
        house_number: house.number.to_string(),
        house_letter: house.letter.clone(),
        postcode: s.postcode.clone(),
        city: t.name.clone(),
        birth_date: None,
        national_id: None,
    }
}

fn moved(rng: &mut ChaCha8Rng, d: Option<chrono::NaiveDate>) -> Option<chrono::NaiveDate> {
    let days = rng.random_range(40..4000) * if rng.random_bool(0.5) { 1 } else { -1 };
    d.map(|d| d + Duration::days(days))
}

/// One attempt at a look-alike of `kind`; `None` where the drawn anchor does not allow it.
pub fn attempt(kind: &str, ctx: &Ctx, rng: &mut ChaCha8Rng) -> Option<PersonQuery> {
    let pop = ctx.pop;
    let row = rng.random_range(0..pop.register.len());
    let anchor = &pop.people[pop.person_of_row[row]];
    let r = &pop.register[row];
    let home = &pop.households[anchor.household].0;
    let near = |rng: &mut ChaCha8Rng, max: u32| -> House {
        let step = rng.random_range(1..=max);
        let number = if home.number > step && rng.random_bool(0.5) {
            home.number - step
        } else {
            home.number + step
        };
        House {
            number,
            letter: String::new(),
            ..home.clone()
        }
    };
    let mut rec = match kind {
        HOUSEMATE => {
            let members = &pop.households[anchor.household].1;
            let free: Vec<&usize> = members
                .iter()
                .filter(|&&m| pop.people[m].reserved.is_none())
                .collect();
            let m = &pop.people[**free.choose(rng)?];
            let mut rec = at(ctx, home, &m.given, &m.surname);
            rec.birth_date = Some(m.birth);
            rec
        }
        NAMESAKE_OTHER_TOWN => {
            let (house, _) = &pop.households[rng.random_range(0..pop.households.len())];
            if house.town == home.town {
                return None;
            }
            let mut rec = at(ctx, house, &anchor.given, &anchor.surname);
            rec.birth_date = moved(rng, r.birth_date);
            rec
        }
        NEIGHBOUR_SURNAME => {
            let list = if anchor.male { WOMEN } else { MEN };
            let g = *list.choose(rng).unwrap();
            if names_could_be(g, &anchor.given) {
                return None;
            }
            let mut rec = at(ctx, &near(rng, 4), g, &anchor.surname);
            rec.birth_date = moved(rng, r.birth_date);
            rec
        }
        ONE_EDIT_NEARBY => {
            let first = anchor.given.split(' ').next().unwrap_or("");
            let g = ONE_EDIT_GIVEN.iter().find(|(a, _)| *a == first);
            let s = ONE_EDIT_SURNAME.iter().find(|(a, _)| *a == anchor.surname);
            let (given, surname) = match (g, s) {
                (Some((_, g)), Some(_)) if rng.random_bool(0.55) => {
                    (g.to_string(), anchor.surname.clone())
                }
                (_, Some((_, s))) => (first.to_string(), s.to_string()),
                (Some((_, g)), None) => (g.to_string(), anchor.surname.clone()),
                (None, None) => return None,
            };
            let mut rec = at(ctx, &near(rng, 6), &given, &surname);
            rec.birth_date = moved(rng, r.birth_date);
            rec
        }
        DIGITS_SWAPPED_HOUSE => {
            let n = home.number;
            if !(10..100).contains(&n) || n.is_multiple_of(10) || n / 10 == n % 10 {
                return None;
            }
            let house = House {
                number: (n % 10) * 10 + n / 10,
                letter: String::new(),
                ..home.clone()
            };
            let mut rec = at(ctx, &house, &anchor.given, &anchor.surname);
            rec.birth_date = moved(rng, r.birth_date);
            rec
        }
        _ => return None,
    };
    if rec.birth_date.is_none() {
        rec.birth_date = r.birth_date;
    }
    let mut q = layout(&rec, rng);
    if rng.random_bool(0.2) {
        q.postcode.clear();
    }
    Some(q)
}
