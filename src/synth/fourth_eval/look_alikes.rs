//! The fourth set's look-alikes: persons who are not reserved but resemble a reserved person
//! (the anchor): household members, namesakes, neighbours, near-names. Each is built around a
//! randomly drawn reserved anchor; the judge then checks it against the whole register.

use chrono::{Datelike, Days, NaiveDate};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::World;
use super::judge::{edits, fold, words};
use super::names::{MEN, SOUND_ALIKE_PAIRS, SURNAMES, WOMEN, variant_group};
use super::population::{NameDraw, Person, Sex, all_far, date_in, far};

pub(super) const HOUSEHOLD_MEMBER: &str = "household_unreserved_member";
pub(super) const SOUND_ALIKE: &str = "household_sound_alike_given";
pub(super) const PARENT_CHILD: &str = "household_same_name_other_generation";
pub(super) const OTHER_MIDDLE: &str = "household_same_first_other_middle";
pub(super) const FLATMATE: &str = "flatmate_same_given_other_surname";
pub(super) const NAMESAKE_OTHER_TOWN: &str = "namesake_other_town";
pub(super) const NAMESAKE_SAME_POSTCODE: &str = "namesake_same_postcode_other_street";
pub(super) const NEIGHBOUR_SURNAME: &str = "neighbour_same_surname";
pub(super) const NEIGHBOUR_NAME: &str = "neighbour_same_name";
pub(super) const NEAR_NAME: &str = "one_edit_name_other_address";
pub(super) const SAME_STREET_OTHER_TOWN: &str = "same_name_same_street_other_town";

/// What a look-alike kind asks of the lead's birth date.
pub(super) enum Dob {
    /// Given as leads give it (30 %).
    Habit,
    /// Always given.
    Given,
    /// Given in half of the leads.
    Half,
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// A birth date `years` (a range) before or after `d`, never `d` itself nor after 2007.
fn shifted(rng: &mut ChaCha8Rng, d: NaiveDate, years: std::ops::RangeInclusive<i32>) -> NaiveDate {
    let y = rng.random_range(years);
    let year = if rng.random_bool(0.5) && d.year() + y <= 2006 {
        d.year() + y
    } else {
        d.year() - y
    };
    let out = date_in(rng, year.clamp(1925, 2006));
    if out == d {
        out.checked_add_days(Days::new(40)).unwrap_or(out)
    } else {
        out
    }
}

/// Another person's birth date (1935–2006), never the anchor's.
fn other_dob(rng: &mut ChaCha8Rng, anchor: NaiveDate) -> NaiveDate {
    let year = rng.random_range(1935..=2006);
    let d = date_in(rng, year);
    if d == anchor {
        d.checked_add_days(Days::new(3)).unwrap_or(d)
    } else {
        d
    }
}

fn first_given(p: &Person) -> String {
    words(&p.given)
        .first()
        .map_or_else(String::new, |w| (*w).to_owned())
}

fn same_sex_list(sex: Sex) -> &'static [&'static str] {
    match sex {
        Sex::Male => MEN,
        Sex::Female => WOMEN,
    }
}

/// A look-alike of kind `kind` around the reserved person `anchor` (an index into the
/// population), with what its birth date needs; `None` if the anchor does not allow the kind.
pub(super) fn make(
    kind: &str,
    w: &World,
    anchor: usize,
    rng: &mut ChaCha8Rng,
    names: &NameDraw,
) -> Option<(Person, Dob)> {
    let p = &w.pop.persons[anchor];
    let mut g = p.clone();
    g.reserved = None;
    g.household = u32::MAX;
    let town = &w.places.towns[p.town];
    match kind {
        HOUSEHOLD_MEMBER => {
            let free: Vec<usize> = w.pop.households[p.household as usize]
                .iter()
                .copied()
                .filter(|&m| w.pop.persons[m].reserved.is_none())
                .collect();
            if free.is_empty() {
                return None;
            }
            let m = *pick(rng, &free);
            return Some((w.pop.persons[m].clone(), Dob::Habit));
        }
        SOUND_ALIKE => {
            let first = first_given(p);
            let partners: Vec<&str> = SOUND_ALIKE_PAIRS
                .iter()
                .filter_map(|&(a, b)| {
                    if a == first {
                        Some(b)
                    } else if b == first {
                        Some(a)
                    } else {
                        None
                    }
                })
                .filter(|b| same_sex_list(p.sex).contains(b) && far(&first, b))
                .collect();
            if partners.is_empty() {
                return None;
            }
            g.given = (*pick(rng, &partners)).to_owned();
            g.dob = shifted(rng, p.dob, 0..=30);
            return Some((g, Dob::Habit));
        }
        PARENT_CHILD => {
            if !register_dob(w, p) {
                return None;
            }
            g.dob = shifted(rng, p.dob, 22..=35);
            return Some((g, Dob::Given));
        }
        OTHER_MIDDLE => {
            let parts = words(&p.given);
            if parts.len() != 2 {
                return None;
            }
            let sep = if p.given.contains('-') { "-" } else { " " };
            let second = (0..30)
                .map(|_| names.given(rng, p.sex))
                .find(|s| all_far(s, &p.given))?;
            g.given = format!("{}{sep}{second}", parts[0]);
            g.dob = shifted(rng, p.dob, 20..=35);
            return Some((g, Dob::Given));
        }
        FLATMATE => {
            g.given = first_given(p);
            g.surname = (0..30)
                .map(|_| names.surname(rng))
                .find(|s| all_far(s, &p.surname))?
                .to_owned();
            g.dob = other_dob(rng, p.dob);
            return Some((g, Dob::Habit));
        }
        _ => {}
    }
    // The kinds at another house.
    let keep_first_only = |g: &mut Person, rng: &mut ChaCha8Rng| {
        if rng.random_bool(0.3) {
            g.given = first_given(p);
        }
    };
    let new_house = |g: &mut Person, rng: &mut ChaCha8Rng, town_i: usize, street: usize| {
        let s = &w.places.towns[town_i].streets[street];
        g.town = town_i;
        g.street = street;
        g.number = rng.random_range(1..=s.max_number);
        g.letter = String::new();
    };
    match kind {
        NAMESAKE_OTHER_TOWN => {
            let t = w.places.draw_town(rng);
            if t == p.town || w.places.towns[t].streets.is_empty() {
                return None;
            }
            let s = rng.random_range(0..w.places.towns[t].streets.len());
            new_house(&mut g, rng, t, s);
            keep_first_only(&mut g, rng);
            g.dob = other_dob(rng, p.dob);
            Some((g, Dob::Half))
        }
        NAMESAKE_SAME_POSTCODE => {
            let pc = town.streets[p.street].postcode_of(p.number);
            let same: Vec<usize> = (0..town.streets.len())
                .filter(|&s| {
                    s != p.street
                        && (town.streets[s].odd_postcode == pc
                            || town.streets[s].even_postcode == pc)
                })
                .collect();
            if same.is_empty() {
                return None;
            }
            let s = *pick(rng, &same);
            new_house(&mut g, rng, p.town, s);
            // Keep the postcode: a number on the street's side with that postcode.
            let st = &town.streets[s];
            if st.postcode_of(g.number) != pc {
                g.number = if g.number > 1 { g.number - 1 } else { 2 };
            }
            keep_first_only(&mut g, rng);
            g.dob = other_dob(rng, p.dob);
            Some((g, Dob::Habit))
        }
        NEIGHBOUR_SURNAME => {
            let d = rng.random_range(1..=4);
            g.number = if p.number > d && rng.random_bool(0.5) {
                p.number - d
            } else {
                p.number + d
            };
            g.letter = String::new();
            g.given = (0..30)
                .map(|_| names.given_names(rng, p.sex))
                .find(|s| all_far(s, &p.given))?;
            g.dob = other_dob(rng, p.dob);
            Some((g, Dob::Habit))
        }
        NEIGHBOUR_NAME => {
            let d = *pick(rng, &[2, 2, 4]);
            g.number = if p.number > d && rng.random_bool(0.5) {
                p.number - d
            } else {
                p.number + d
            };
            g.letter = String::new();
            g.dob = other_dob(rng, p.dob);
            Some((g, Dob::Habit))
        }
        NEAR_NAME => {
            let first = first_given(p);
            let one_edit = |a: &str, b: &str| {
                edits(&a.to_lowercase(), &b.to_lowercase()) == 1
                    && fold(a) != fold(b)
                    && !matches!((variant_group(a), variant_group(b)),
                        (Some(x), Some(y)) if std::ptr::eq(x, y))
            };
            let givens: Vec<&str> = same_sex_list(p.sex)
                .iter()
                .copied()
                .filter(|n| one_edit(n, &first))
                .collect();
            let surnames: Vec<&str> = if p.surname.contains(' ') || p.surname.contains('-') {
                Vec::new()
            } else {
                SURNAMES
                    .iter()
                    .copied()
                    .filter(|n| one_edit(n, &p.surname))
                    .collect()
            };
            if givens.is_empty() && surnames.is_empty() {
                return None;
            }
            if !surnames.is_empty() && (givens.is_empty() || rng.random_bool(0.45)) {
                g.surname = (*pick(rng, &surnames)).to_owned();
            } else {
                g.given = (*pick(rng, &givens)).to_owned();
            }
            if rng.random_bool(0.6) {
                let s = rng.random_range(0..town.streets.len());
                new_house(&mut g, rng, p.town, s);
            } else {
                let t = w.places.draw_town(rng);
                if w.places.towns[t].streets.is_empty() {
                    return None;
                }
                let s = rng.random_range(0..w.places.towns[t].streets.len());
                new_house(&mut g, rng, t, s);
            }
            g.dob = other_dob(rng, p.dob);
            Some((g, Dob::Habit))
        }
        SAME_STREET_OTHER_TOWN => {
            let full = &town.streets[p.street].full;
            let others: Vec<(usize, usize)> = w
                .streets_by_name
                .get(full)
                .map(|v| v.iter().copied().filter(|&(t, _)| t != p.town).collect())
                .unwrap_or_default();
            if others.is_empty() {
                return None;
            }
            let (t, s) = *pick(rng, &others);
            g.town = t;
            g.street = s;
            g.dob = other_dob(rng, p.dob);
            Some((g, Dob::Habit))
        }
        _ => None,
    }
}

fn register_dob(w: &World, p: &Person) -> bool {
    p.reserved
        .and_then(|i| w.pop.register.get(i))
        .is_some_and(|r| r.birth_date.is_some())
}
