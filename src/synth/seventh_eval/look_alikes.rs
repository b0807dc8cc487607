//! Look-alikes: persons who are not reserved, each built around a reserved anchor.

use rand::Rng;
use rand::seq::IndexedRandom;

use super::corruption::{Draft, harmless};
use super::judge::one_edit_names;
use super::names::{MEN, ORIGINS, SURNAMES, WOMEN};
use super::places::{Geography, Shape, random_number};
use super::population::{House, Person, Population, fresh_given, random_birth, shift_years};

pub(super) const HOUSEHOLD: &str = "household_member_unreserved";
pub(super) const SAME_HOUSE_OTHER: &str = "same_house_other_household";
pub(super) const NAMESAKE_OTHER_TOWN: &str = "namesake_other_town";
pub(super) const NAMESAKE_SAME_TOWN: &str = "namesake_same_town_other_street";
pub(super) const NAMESAKE_SAME_STREET: &str = "namesake_same_street_other_number";
pub(super) const JUNIOR_SENIOR: &str = "same_name_same_house_other_generation";
pub(super) const TWIN: &str = "twin_same_birth_date";
pub(super) const ONE_EDIT: &str = "one_edit_name_other_address";
pub(super) const NEIGHBOUR_SURNAME: &str = "neighbour_same_surname_nearby";
pub(super) const PREFIX_PARTNER: &str = "same_name_partner_street";

/// Every look-alike kind: name, share of the look-alike half (‰), why it is nobody reserved.
pub(super) const KINDS: &[(&str, u32, &str)] = &[
    (
        HOUSEHOLD,
        200,
        "a real member of the anchor's household who is not reserved; the judge demands no reserved person at the house could be read from the name",
    ),
    (
        SAME_HOUSE_OTHER,
        80,
        "a real person of another household at the anchor's house (a block of flats), not reserved",
    ),
    (
        NAMESAKE_OTHER_TOWN,
        120,
        "the anchor's name in another town, born another day",
    ),
    (
        NAMESAKE_SAME_TOWN,
        100,
        "the anchor's name on another street of the same town, born another day",
    ),
    (
        NAMESAKE_SAME_STREET,
        80,
        "the anchor's name at another number of the anchor's street, born another day",
    ),
    (
        JUNIOR_SENIOR,
        80,
        "the anchor's name at the anchor's house, born 22–35 years apart, the birth date shown; the register shows the anchor's, so they are two people",
    ),
    (
        TWIN,
        60,
        "the anchor's surname, house and birth date with a given name told apart from every member's",
    ),
    (
        ONE_EDIT,
        120,
        "a real name one edit from the anchor's (not a spelling of it) at another address",
    ),
    (
        NEIGHBOUR_SURNAME,
        100,
        "the anchor's surname with another given name one to six numbers away on the street",
    ),
    (
        PREFIX_PARTNER,
        60,
        "the anchor's name at the same number of the partner street (`Nedre Rognlia` for `Øvre Rognlia`), the prefix written in full",
    ),
];

fn other_birth(rng: &mut impl Rng, anchor: &Person) -> chrono::NaiveDate {
    loop {
        let b = random_birth(rng, 1938, 2005);
        if b != anchor.birth {
            return b;
        }
    }
}

fn invented(
    anchor: &Person,
    given: String,
    surname: String,
    female: bool,
    birth: chrono::NaiveDate,
    house: House,
) -> Person {
    Person {
        given,
        surname,
        female,
        birth,
        household: u32::MAX,
        house,
        row: None,
        immigrant: anchor.immigrant,
    }
}

fn random_house(rng: &mut impl Rng, geo: &Geography, town: u32) -> House {
    let street = geo.random_street(rng, town);
    let number = random_number(rng, geo.street(town, street).len);
    House {
        town,
        street,
        number,
        letter: None,
    }
}

fn names_at(pop: &Population, house: House) -> Vec<&str> {
    pop.at_house
        .get(&house)
        .map(|v| {
            v.iter()
                .map(|&i| pop.persons[i as usize].given.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// A look-alike of `kind` around `anchor`, in a list's layout; `None` if the anchor does not
/// allow it.
pub(super) fn make(
    rng: &mut impl Rng,
    kind: &str,
    geo: &Geography,
    pop: &Population,
    anchor: &Person,
    anchor_shows_birth: bool,
) -> Option<Draft> {
    let habit = 0.35;
    let mut d = match kind {
        HOUSEHOLD | SAME_HOUSE_OTHER => {
            let ids: Vec<u32> = pop
                .at_house
                .get(&anchor.house)?
                .iter()
                .copied()
                .filter(|&i| {
                    let p = &pop.persons[i as usize];
                    p.row.is_none() && ((p.household == anchor.household) == (kind == HOUSEHOLD))
                })
                .collect();
            let id = *ids.choose(rng)?;
            Draft::new(rng, geo, &pop.persons[id as usize], habit)
        }
        NAMESAKE_OTHER_TOWN => {
            let mut town = geo.random_town(rng);
            for _ in 0..10 {
                if town != anchor.house.town {
                    break;
                }
                town = geo.random_town(rng);
            }
            if town == anchor.house.town {
                return None;
            }
            let house = random_house(rng, geo, town);
            let b = other_birth(rng, anchor);
            let p = invented(
                anchor,
                anchor.given.clone(),
                anchor.surname.clone(),
                anchor.female,
                b,
                house,
            );
            Draft::new(rng, geo, &p, 0.45)
        }
        NAMESAKE_SAME_TOWN => {
            let house = random_house(rng, geo, anchor.house.town);
            if house.street == anchor.house.street {
                return None;
            }
            let b = other_birth(rng, anchor);
            let p = invented(
                anchor,
                anchor.given.clone(),
                anchor.surname.clone(),
                anchor.female,
                b,
                house,
            );
            Draft::new(rng, geo, &p, 0.5)
        }
        NAMESAKE_SAME_STREET | NEIGHBOUR_SURNAME => {
            let len = geo.street(anchor.house.town, anchor.house.street).len;
            let step = if kind == NAMESAKE_SAME_STREET {
                *[2, 4, 6, 8, 1, 3].choose(rng)?
            } else {
                rng.random_range(1..=6)
            };
            let number = if rng.random_bool(0.5) {
                anchor.house.number + step
            } else {
                anchor.house.number.checked_sub(step)?
            };
            if number == 0 || number > len {
                return None;
            }
            let house = House {
                number,
                letter: None,
                ..anchor.house
            };
            let b = other_birth(rng, anchor);
            let p = if kind == NAMESAKE_SAME_STREET {
                invented(
                    anchor,
                    anchor.given.clone(),
                    anchor.surname.clone(),
                    anchor.female,
                    b,
                    house,
                )
            } else {
                let female = rng.random_bool(0.5);
                let mut taken = names_at(pop, anchor.house);
                taken.extend(names_at(pop, house));
                let given = fresh_given(rng, female, anchor.immigrant, &taken)?;
                invented(anchor, given, anchor.surname.clone(), female, b, house)
            };
            Draft::new(rng, geo, &p, habit)
        }
        JUNIOR_SENIOR => {
            if !anchor_shows_birth {
                return None;
            }
            let years = rng.random_range(22..=35) * if rng.random_bool(0.5) { 1 } else { -1 };
            let b = shift_years(anchor.birth, years);
            if !(1925..=2007).contains(&chrono::Datelike::year(&b)) {
                return None;
            }
            let p = invented(
                anchor,
                anchor.given.clone(),
                anchor.surname.clone(),
                anchor.female,
                b,
                anchor.house,
            );
            Draft::new(rng, geo, &p, 1.0)
        }
        TWIN => {
            let female = rng.random_bool(0.5);
            let taken = names_at(pop, anchor.house);
            let given = fresh_given(rng, female, anchor.immigrant, &taken)?;
            let p = invented(
                anchor,
                given,
                anchor.surname.clone(),
                female,
                anchor.birth,
                anchor.house,
            );
            Draft::new(rng, geo, &p, 1.0)
        }
        ONE_EDIT => {
            let first = anchor.given.split([' ', '-']).next()?;
            let list: &[&str] = match anchor.immigrant {
                Some(o) if anchor.female => ORIGINS[o].2,
                Some(o) => ORIGINS[o].1,
                None if anchor.female => WOMEN,
                None => MEN,
            };
            let givens = one_edit_names(first, list);
            let surnames = one_edit_names(&anchor.surname, SURNAMES);
            let (given, surname) =
                if !givens.is_empty() && (surnames.is_empty() || rng.random_bool(0.55)) {
                    ((*givens.choose(rng)?).to_owned(), anchor.surname.clone())
                } else {
                    (anchor.given.clone(), (*surnames.choose(rng)?).to_owned())
                };
            let house = if rng.random_bool(0.6) {
                let h = random_house(rng, geo, anchor.house.town);
                if h.street == anchor.house.street {
                    return None;
                }
                h
            } else {
                let t = geo.random_town(rng);
                random_house(rng, geo, t)
            };
            let b = other_birth(rng, anchor);
            let p = invented(anchor, given, surname, anchor.female, b, house);
            Draft::new(rng, geo, &p, habit)
        }
        PREFIX_PARTNER => {
            let street = geo.street(anchor.house.town, anchor.house.street);
            let Shape::Prefixed { prefix, rest } = &street.shape else {
                return None;
            };
            let partner = super::names::PREFIXES[*prefix].2;
            let streets = &geo.towns[anchor.house.town as usize].streets;
            let si = streets.iter().position(|s| match &s.shape {
                Shape::Prefixed { prefix: p, rest: r } => {
                    super::names::PREFIXES[*p].0 == partner && r == rest
                }
                _ => false,
            })?;
            if anchor.house.number > streets[si].len {
                return None;
            }
            let house = House {
                street: si as u32,
                ..anchor.house
            };
            let b = other_birth(rng, anchor);
            let p = invented(
                anchor,
                anchor.given.clone(),
                anchor.surname.clone(),
                anchor.female,
                b,
                house,
            );
            Draft::new(rng, geo, &p, habit)
        }
        _ => return None,
    };
    if rng.random_bool(0.25) {
        harmless(rng, &mut d);
    }
    Some(d)
}
