//! The lab that writes the register and the leads: the plan of how many leads of each kind,
//! a corrupted copy of a reserved person kept only if no other reserved person reads as
//! plausibly, and the identities a look-alike and a reading have.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand_chacha::ChaCha8Rng;

use crate::person::{PersonQuery, PersonRecord};

use super::BlindLead;
use super::damage::title_case;
use super::kinds::{Kind, SLOTS};
use super::population::{Addr, Name, Person, World, letter_text};

/// Which near names a look-alike may have at a reserved person's house.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Allow {
    /// A given name one edit from a reserved member's (Ola/Ole at one address).
    pub(super) sound_alike: bool,
    /// The same first given name with another second one (Ole Martin / Ole Kristian).
    pub(super) other_second: bool,
}

/// A look-alike's identity.
pub(super) struct Fake {
    pub(super) name: Name,
    pub(super) addr: Addr,
    pub(super) birth: Option<NaiveDate>,
    pub(super) nid: Option<String>,
    pub(super) allow: Allow,
}

/// What a corrupted lead still says: the first given name it reads as, the house it points at
/// (letter None when the lead has none), the birth date it gives.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reading {
    pub(super) first: u16,
    pub(super) addr: Addr,
    pub(super) birth: Option<NaiveDate>,
}

/// A person being written as a lead.
pub(super) struct Subject<'s> {
    pub(super) name: &'s Name,
    pub(super) addr: Addr,
    pub(super) birth: NaiveDate,
}

/// Writes the register and the leads of a populated world.
pub(super) struct Lab<'a> {
    pub(super) w: &'a World,
    pub(super) rng: ChaCha8Rng,
    /// Register index → person.
    pub(super) reg: Vec<u32>,
    /// (street, house number) → register indices.
    by_house: HashMap<(u32, u16), Vec<u32>>,
    /// (first given name's group, a surname part's group) → register indices.
    pub(super) by_name: HashMap<(u16, u16), Vec<u32>>,
    pub(super) taken_ids: HashSet<String>,
}

impl<'a> Lab<'a> {
    pub(super) fn new(w: &'a World, mut rng: ChaCha8Rng) -> Lab<'a> {
        let mut reg: Vec<u32> = (0..w.people.len() as u32)
            .filter(|&i| w.people[i as usize].reserved)
            .collect();
        reg.shuffle(&mut rng);
        let mut by_house: HashMap<(u32, u16), Vec<u32>> = HashMap::new();
        let mut by_name: HashMap<(u16, u16), Vec<u32>> = HashMap::new();
        for (r, &pid) in reg.iter().enumerate() {
            let p = &w.people[pid as usize];
            by_house
                .entry((p.addr.street, p.addr.number))
                .or_default()
                .push(r as u32);
            let g0 = w.names.g(p.name.given[0]).group;
            for &s in &p.name.surname {
                by_name
                    .entry((g0, w.names.s(s).group))
                    .or_default()
                    .push(r as u32);
            }
        }
        let taken_ids = w.people.iter().filter_map(|p| p.nid.clone()).collect();
        Lab {
            w,
            rng,
            reg,
            by_house,
            by_name,
            taken_ids,
        }
    }

    pub(super) fn person(&self, r: u32) -> &'a Person {
        &self.w.people[self.reg[r as usize] as usize]
    }

    /// The birth date the register shows (listed, or inside the national id).
    pub(super) fn reg_birth(&self, r: u32) -> Option<NaiveDate> {
        let p = self.person(r);
        (p.birth_listed || p.nid.is_some()).then_some(p.birth)
    }

    pub(super) fn at_house(&self, a: &Addr) -> &[u32] {
        self.by_house
            .get(&(a.street, a.number))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub(super) fn register(&self) -> Vec<PersonRecord> {
        let w = self.w;
        self.reg
            .iter()
            .map(|&pid| {
                let p = &w.people[pid as usize];
                PersonRecord {
                    given_names: w.given_text(&p.name),
                    surname: w.surname_text(&p.name),
                    street: w.street(&p.addr).name.clone(),
                    house_number: p.addr.number.to_string(),
                    house_letter: letter_text(&p.addr),
                    postcode: w.postcode(&p.addr).to_owned(),
                    city: w.city(&p.addr).to_owned(),
                    birth_date: p.birth_listed.then_some(p.birth),
                    national_id: p.nid.clone(),
                }
            })
            .collect()
    }

    pub(super) fn leads(&mut self, n: usize) -> Vec<BlindLead> {
        if self.reg.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::with_capacity(n);
        let plan = planned_counts(n)
            .into_iter()
            .flat_map(|(k, c)| std::iter::repeat_n(k, c));
        for kind in plan {
            // At small scales a rare precondition may find nobody; fall back to a kind that
            // always applies rather than return fewer leads.
            let lead = if kind.is_corruption() {
                self.corrupted(kind)
                    .or_else(|| self.corrupted(Kind::CaseMess))
            } else {
                self.lookalike(kind)
                    .or_else(|| self.lookalike(Kind::NamesakeElsewhere))
            };
            out.extend(lead);
        }
        out.shuffle(&mut self.rng);
        out
    }

    pub(super) fn base_query(&mut self, name: &Name, addr: &Addr) -> PersonQuery {
        let w = self.w;
        let city = w.city(addr);
        PersonQuery {
            given_names: w.given_text(name),
            surname: w.surname_text(name),
            street: w.street(addr).name.clone(),
            house_number: addr.number.to_string(),
            house_letter: letter_text(addr),
            postcode: w.postcode(addr).to_owned(),
            city: if self.rng.random_bool(0.65) {
                title_case(city)
            } else {
                city.to_owned()
            },
            birth_date: None,
            national_id: None,
        }
    }

    pub(super) fn corrupted(&mut self, kind: Kind) -> Option<BlindLead> {
        for _ in 0..3000 {
            let r = self.rng.random_range(0..self.reg.len() as u32);
            let p = self.person(r);
            let subject = Subject {
                name: &p.name,
                addr: p.addr,
                birth: p.birth,
            };
            let mut q = self.base_query(&p.name, &p.addr);
            if self.rng.random_bool(0.2) {
                q.birth_date = Some(p.birth);
            }
            let base = q.clone();
            let mut reading = Reading {
                first: p.name.given[0],
                addr: p.addr,
                birth: q.birth_date,
            };
            let ok = if kind == Kind::TwoCorruptions {
                self.two_corruptions(&subject, &mut q, &mut reading)
            } else {
                self.corrupt(kind, &subject, &mut q, &mut reading)
            };
            // A move is only recognisable when the register shows the birth date.
            let unrecognisable = kind == Kind::MovedBirthDateGiven && self.reg_birth(r).is_none();
            if !ok
                || unrecognisable
                || (kind != Kind::Unchanged && q == base)
                || self.ambiguous(r, &reading)
            {
                continue;
            }
            return Some(BlindLead {
                query: q,
                truth: Some(r as usize),
                kind: kind.name(),
            });
        }
        None
    }

    pub(super) fn two_corruptions(
        &mut self,
        s: &Subject<'_>,
        q: &mut PersonQuery,
        reading: &mut Reading,
    ) -> bool {
        let a = self.rng.random_range(0..SLOTS.len());
        let mut b = self.rng.random_range(0..SLOTS.len() - 1);
        if b >= a {
            b += 1;
        }
        let (Some(&k1), Some(&k2)) = (
            SLOTS[a.min(b)].choose(&mut self.rng),
            SLOTS[a.max(b)].choose(&mut self.rng),
        ) else {
            return false;
        };
        let before = q.clone();
        if !self.corrupt(k1, s, q, reading) || *q == before {
            return false;
        }
        let between = q.clone();
        self.corrupt(k2, s, q, reading) && *q != between
    }

    /// Whether another reserved person is at least as plausible a reading of a corrupted lead
    /// of `t`: the same or a near first name with a shared or near surname at the house the
    /// lead points at, or (for a lead at another address) the same name and birth date.
    fn ambiguous(&self, t: u32, reading: &Reading) -> bool {
        let names = &self.w.names;
        let tp = self.person(t);
        for &r in self.at_house(&reading.addr) {
            if r == t {
                continue;
            }
            let p = self.person(r);
            if matches!((reading.addr.letter, p.addr.letter), (Some(a), Some(b)) if a != b) {
                continue;
            }
            if matches!((reading.birth, self.reg_birth(r)), (Some(a), Some(b)) if a != b) {
                continue;
            }
            let pg0 = p.name.given[0];
            let first_close = names.same_given(reading.first, pg0)
                || names.near_given(reading.first, pg0)
                || p.name
                    .given
                    .get(1)
                    .is_some_and(|&g| names.same_given(g, reading.first))
                || tp
                    .name
                    .given
                    .get(1)
                    .is_some_and(|&g| names.same_given(g, pg0));
            if first_close
                && (names.surname_shared(&tp.name, &p.name)
                    || names.surname_near(&tp.name, &p.name))
            {
                return true;
            }
        }
        let moved = (reading.addr.street, reading.addr.number) != (tp.addr.street, tp.addr.number);
        if let (true, Some(b)) = (moved, reading.birth) {
            for &s in &tp.name.surname {
                let key = (names.g(reading.first).group, names.s(s).group);
                let list = self.by_name.get(&key).map(Vec::as_slice).unwrap_or(&[]);
                if list.iter().any(|&r| r != t && self.reg_birth(r) == Some(b)) {
                    return true;
                }
            }
        }
        false
    }
}

/// How many leads of each kind `n` leads have: half (rounded down) corrupted, split by weight.
pub(super) fn planned_counts(n: usize) -> Vec<(Kind, usize)> {
    let mut plan = Vec::with_capacity(Kind::ALL.len());
    for (corruption, count) in [(true, n / 2), (false, n - n / 2)] {
        let kinds: Vec<Kind> = Kind::ALL
            .iter()
            .copied()
            .filter(|k| k.is_corruption() == corruption)
            .collect();
        let weights: Vec<u32> = kinds.iter().map(|k| k.weight()).collect();
        plan.extend(kinds.into_iter().zip(allocate(count, &weights)));
    }
    plan
}

/// Splits `total` in proportion to `weights` (largest remainder), exactly.
pub(super) fn allocate(total: usize, weights: &[u32]) -> Vec<usize> {
    let sum: u64 = weights.iter().map(|&w| u64::from(w)).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let total64 = total as u64;
    let mut counts: Vec<usize> = weights
        .iter()
        .map(|&w| (total64 * u64::from(w) / sum) as usize)
        .collect();
    let mut rest: Vec<(u64, usize)> = weights
        .iter()
        .enumerate()
        .map(|(i, &w)| (total64 * u64::from(w) % sum, i))
        .collect();
    rest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = total.saturating_sub(counts.iter().sum());
    for &(_, i) in rest.iter().take(missing) {
        counts[i] += 1;
    }
    counts
}
