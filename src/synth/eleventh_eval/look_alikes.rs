//! Look-alikes: leads of persons who are not reserved, built around a reserved person (the
//! anchor) — real unreserved members of the anchor's household or related households, and
//! invented relatives, namesakes, neighbours and lodgers. Each is written in the lossless
//! layout; a quarter also carry damage that does not change who they are.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::corruption::{self, Ctx, lossless};
use super::judge::{fold, one_edit};
use super::names;
use super::population::{House, HouseholdKind, Person, Population, date, given_name, surname};
use crate::person::PersonQuery;

/// A real, unreserved member of the anchor's household.
pub const HOUSEHOLD_MEMBER: &str = "household_member_unreserved";
/// The anchor's surname at the anchor's house, another given name (invented).
pub const SAME_SURNAME_OTHER_GIVEN: &str = "same_surname_same_house_other_given";
/// The anchor's full name in another town.
pub const NAMESAKE_OTHER_TOWN: &str = "namesake_other_town";
/// The anchor's surname a few numbers away, another given name.
pub const NEIGHBOUR: &str = "neighbour_same_surname_nearby";
/// A real name one edit from the anchor's at another address.
pub const ONE_EDIT: &str = "one_edit_name_other_address";
/// A real, unreserved person of the other half of a two-family house (own).
pub const TWO_FAMILY: &str = "two_family_house_other_half";
/// A lodger in the anchor's basement flat with the anchor's given names (own).
pub const LODGER: &str = "basement_lodger_same_given";
/// A real, unreserved relative who moved out to (or stayed at) another house of the town (own).
pub const MOVED_OUT: &str = "moved_out_relative_same_town";

fn other_birth(rng: &mut ChaCha8Rng, anchor: &Person) -> chrono::NaiveDate {
    loop {
        let d = date(rng, 1935, 2006);
        if d != anchor.birth {
            return d;
        }
    }
}

fn unreserved_of(rng: &mut ChaCha8Rng, pop: &Population, household: usize) -> Option<usize> {
    let v: Vec<usize> = pop.households[household]
        .members
        .iter()
        .copied()
        .filter(|&m| pop.persons[m].row.is_none())
        .collect();
    (!v.is_empty()).then(|| v[rng.random_range(0..v.len())])
}

/// A real name (of the lists) one edit from `word` in the judge's folding, never equal in it.
fn one_edit_name(rng: &mut ChaCha8Rng, word: &str, lists: &[&[&str]]) -> Option<String> {
    let f = fold(word);
    if f.chars().count() < 4 {
        return None;
    }
    let v: Vec<&str> = lists
        .iter()
        .flat_map(|l| l.iter().copied())
        .filter(|n| {
            let g = fold(n);
            g != f && one_edit(&g, &f)
        })
        .collect();
    (!v.is_empty()).then(|| v[rng.random_range(0..v.len())].to_string())
}

/// Builds a look-alike of `kind` around the anchor (a person index); `None` if it does not apply.
pub fn build(
    rng: &mut ChaCha8Rng,
    ctx: &Ctx,
    pop: &Population,
    kind: &str,
    a: usize,
) -> Option<PersonQuery> {
    let anchor = &pop.persons[a];
    let hh = &pop.households[anchor.household];
    let invented = |given: String, surname: String, house: House, birth| Person {
        given,
        surname,
        male: anchor.male,
        birth,
        house,
        household: anchor.household,
        row: None,
        origin: anchor.origin,
    };
    let mut q = match kind {
        HOUSEHOLD_MEMBER => {
            let m = unreserved_of(rng, pop, anchor.household)?;
            lossless(rng, ctx, &pop.persons[m])
        }
        TWO_FAMILY | MOVED_OUT => {
            let ok = match kind {
                TWO_FAMILY => matches!(
                    hh.kind,
                    HouseholdKind::TwoFamilyParents | HouseholdKind::TwoFamilyChild
                ),
                _ => matches!(
                    hh.kind,
                    HouseholdKind::MovedOutParents | HouseholdKind::MovedOutChild
                ),
            };
            if !ok {
                return None;
            }
            let m = unreserved_of(rng, pop, hh.link?)?;
            lossless(rng, ctx, &pop.persons[m])
        }
        SAME_SURNAME_OTHER_GIVEN => {
            let male = rng.random_bool(0.5);
            let g = (0..30)
                .map(|_| given_name(rng, male, anchor.origin))
                .find(|g| pop.told_apart(g, &anchor.house, &[]))?;
            let p = invented(
                g,
                anchor.surname.clone(),
                anchor.house,
                other_birth(rng, anchor),
            );
            lossless(rng, ctx, &p)
        }
        NEIGHBOUR => {
            let max = ctx.places.streets[anchor.house.street].max_number;
            let d = rng.random_range(1..=4);
            let n = if rng.random_bool(0.5) && anchor.house.number > d {
                anchor.house.number - d
            } else {
                anchor.house.number + d
            };
            if n > max + 4 {
                return None;
            }
            let house = House {
                number: n,
                letter: None,
                ..anchor.house
            };
            let male = rng.random_bool(0.5);
            let g = (0..30)
                .map(|_| given_name(rng, male, anchor.origin))
                .find(|g| {
                    pop.told_apart(g, &anchor.house, &[]) && pop.told_apart(g, &house, &[])
                })?;
            let p = invented(g, anchor.surname.clone(), house, other_birth(rng, anchor));
            lossless(rng, ctx, &p)
        }
        NAMESAKE_OTHER_TOWN => {
            let town = ctx.places.streets[anchor.house.street].town;
            let mut other = ctx.places.draw_town(rng);
            if other == town {
                other = (other + 1) % ctx.places.towns.len();
            }
            let street = ctx.places.draw_street(rng, other);
            let house = House {
                street,
                number: rng.random_range(1..=ctx.places.streets[street].max_number),
                letter: None,
            };
            let p = invented(
                anchor.given.clone(),
                anchor.surname.clone(),
                house,
                other_birth(rng, anchor),
            );
            let mut q = lossless(rng, ctx, &p);
            q.birth_date = rng.random_bool(0.5).then_some(p.birth);
            q
        }
        ONE_EDIT => {
            let (given, sur) = if rng.random_bool(0.55) {
                let first = anchor.given.split([' ', '-']).next()?;
                let lists: &[&[&str]] = &[names::MEN, names::WOMEN];
                let new = one_edit_name(rng, first, lists)?;
                (new, anchor.surname.clone())
            } else {
                let new = one_edit_name(rng, &anchor.surname, &[names::SURNAMES])?;
                (anchor.given.clone(), new)
            };
            let town = ctx.places.streets[anchor.house.street].town;
            let street = if rng.random_bool(0.6) {
                ctx.places.draw_street(rng, town)
            } else {
                let t = ctx.places.draw_town(rng);
                ctx.places.draw_street(rng, t)
            };
            if street == anchor.house.street {
                return None;
            }
            let house = House {
                street,
                number: rng.random_range(1..=ctx.places.streets[street].max_number),
                letter: None,
            };
            let p = invented(given, sur, house, other_birth(rng, anchor));
            lossless(rng, ctx, &p)
        }
        LODGER => {
            let origin = rng
                .random_bool(0.4)
                .then(|| rng.random_range(0..names::ORIGINS.len()));
            let s = surname(rng, origin);
            let p = invented(
                anchor.given.clone(),
                s,
                anchor.house,
                other_birth(rng, anchor),
            );
            let mut q = lossless(rng, ctx, &p);
            corruption::bolignummer(rng, ctx, &mut q)?;
            let b = ["U0101", "U0102", "K0101"][rng.random_range(0..3)];
            // `bolignummer` ends the street field with a five-letter code: make it a basement's.
            let keep = q.street.len() - 5;
            q.street.truncate(keep);
            q.street.push_str(b);
            return Some(q);
        }
        _ => return None,
    };
    if rng.random_bool(0.25) {
        match rng.random_range(0..3) {
            0 => corruption::postcode_missing(rng, ctx, &mut q)?,
            1 => corruption::postcode_glyphs(rng, ctx, &mut q)?,
            _ => corruption::bolignummer(rng, ctx, &mut q)?,
        }
    }
    Some(q)
}
