//! Look-alikes: persons who are not reserved, built around a reserved anchor.

use chrono::Duration;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::corruption::{layout, question_marks};
use super::names::{MEN, WOMEN, one_edit};
use super::population::Population;
use crate::person::{PersonQuery, PersonRecord};

/// A real, unreserved member of the anchor's household.
pub const HOUSEHOLD: &str = "household_member_unreserved";
/// The anchor's surname at the anchor's house, another given name.
pub const SAME_SURNAME_HOUSE: &str = "same_surname_same_house_other_given";
/// The anchor's full name at another town's house.
pub const NAMESAKE: &str = "namesake_other_town";
/// The anchor's surname a few numbers away on the anchor's street.
pub const NEIGHBOUR: &str = "neighbour_same_surname_nearby";
/// A real name one edit from the anchor's at another address.
pub const ONE_EDIT: &str = "one_edit_name_other_address";
/// Own: an unreserved household member with every æ/ø/å lost to question marks.
pub const HOUSEHOLD_QUESTION_MARKS: &str = "household_member_question_marks";

/// Shares per mille of the look-alike half.
pub const SHARES: &[(&str, u32)] = &[
    (HOUSEHOLD, 200),
    (SAME_SURNAME_HOUSE, 160),
    (NAMESAKE, 160),
    (NEIGHBOUR, 160),
    (ONE_EDIT, 160),
    (HOUSEHOLD_QUESTION_MARKS, 160),
];

fn moved_birth(rng: &mut ChaCha8Rng, r: &PersonRecord) -> Option<chrono::NaiveDate> {
    let days = rng.random_range(40..=4000) * if rng.random_bool(0.5) { 1 } else { -1 };
    r.birth_date.map(|d| d + Duration::days(days))
}

fn with_house(names: &PersonRecord, house: &PersonRecord) -> PersonRecord {
    PersonRecord {
        given_names: names.given_names.clone(),
        surname: names.surname.clone(),
        birth_date: names.birth_date,
        ..house.clone()
    }
}

fn unreserved_member(rng: &mut ChaCha8Rng, pop: &Population, anchor: usize) -> Option<usize> {
    let h = pop.persons[anchor].household;
    let free: Vec<usize> = pop.households[h]
        .iter()
        .copied()
        .filter(|&m| pop.persons[m].reserved.is_none())
        .collect();
    free.choose(rng).copied()
}

fn random_other(rng: &mut ChaCha8Rng, pop: &Population, anchor: usize) -> usize {
    loop {
        let p = rng.random_range(0..pop.persons.len());
        if pop.persons[p].household != pop.persons[anchor].household {
            return p;
        }
    }
}

/// A look-alike of `kind` around the anchor `anchor` (a person index), before judging.
pub fn make(
    kind: &str,
    rng: &mut ChaCha8Rng,
    pop: &Population,
    anchor: usize,
) -> Option<PersonQuery> {
    let a = pop.record(anchor);
    let person = &pop.persons[anchor];
    let mut q = match kind {
        HOUSEHOLD => {
            let m = unreserved_member(rng, pop, anchor)?;
            layout(rng, &pop.record(m))
        }
        SAME_SURNAME_HOUSE => {
            let list = if rng.random_bool(0.5) { MEN } else { WOMEN };
            let mut r = a.clone();
            r.given_names = list.choose(rng).expect("names").to_string();
            r.birth_date = moved_birth(rng, &a);
            layout(rng, &r)
        }
        NAMESAKE => {
            let other = loop {
                let o = random_other(rng, pop, anchor);
                if pop.persons[o].town != person.town {
                    break o;
                }
            };
            let mut r = with_house(&a, &pop.record(other));
            r.birth_date = moved_birth(rng, &a);
            layout(rng, &r)
        }
        NEIGHBOUR => {
            let list = if person.male { WOMEN } else { MEN };
            let mut r = a.clone();
            r.given_names = list.choose(rng).expect("names").to_string();
            let step = rng.random_range(1..=4);
            let n = if person.number > step && rng.random_bool(0.5) {
                person.number - step
            } else {
                person.number + step
            };
            r.house_number = n.to_string();
            r.house_letter.clear();
            r.birth_date = moved_birth(rng, &a);
            layout(rng, &r)
        }
        ONE_EDIT => {
            let mut r = with_house(&a, &pop.record(random_other(rng, pop, anchor)));
            let given = one_edit(person.first);
            let surname = one_edit(person.surname);
            match (given, surname) {
                (Some(g), _) if surname.is_none() || rng.random_bool(0.55) => {
                    r.given_names = match person.second {
                        Some(s) => format!("{g} {s}"),
                        None => g.to_string(),
                    };
                }
                (_, Some(s)) => r.surname = s.to_string(),
                _ => return None,
            }
            r.birth_date = moved_birth(rng, &a);
            layout(rng, &r)
        }
        HOUSEHOLD_QUESTION_MARKS => {
            let m = unreserved_member(rng, pop, anchor)?;
            let mut q = layout(rng, &pop.record(m));
            let has = |s: &str| s.chars().any(|c| "æøåÆØÅ".contains(c));
            if !(has(&q.given_names) || has(&q.surname) || has(&q.street)) {
                return None;
            }
            let rep = ["?", "\u{fffd}", "??"].choose(rng).expect("reps");
            for f in [
                &mut q.given_names,
                &mut q.surname,
                &mut q.street,
                &mut q.city,
            ] {
                *f = question_marks(f, rep);
            }
            q
        }
        _ => return None,
    };
    if rng.random_bool(0.2) {
        q.postcode.clear();
    }
    Some(q)
}
