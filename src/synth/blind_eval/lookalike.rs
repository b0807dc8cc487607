//! Look-alikes: persons who are not reserved but resemble one (a household member, a namesake,
//! a neighbour, a near name), each checked against the register by identity before it is kept.

use chrono::Datelike;
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::BlindLead;
use super::kinds::{BENIGN, Kind};
use super::lab::{Allow, Fake, Lab, Reading, Subject};
use super::names::lev;
use super::population::{Addr, Name, Person, any_adult_birth, national_id, other_birth};
use super::words::{Origin, Sex};

impl<'a> Lab<'a> {
    pub(super) fn lookalike(&mut self, kind: Kind) -> Option<BlindLead> {
        for _ in 0..3000 {
            let r = self.rng.random_range(0..self.reg.len() as u32);
            let Some(fake) = self.fake(kind, r) else {
                continue;
            };
            if self.conflict(&fake) {
                continue;
            }
            let mut q = self.base_query(&fake.name, &fake.addr);
            q.birth_date = fake.birth;
            q.national_id = fake.nid.clone();
            if self.rng.random_bool(0.3) {
                let noise = BENIGN[self.rng.random_range(0..BENIGN.len())];
                let subject = Subject {
                    name: &fake.name,
                    addr: fake.addr,
                    birth: fake.birth.unwrap_or_default(),
                };
                let mut reading = Reading {
                    first: fake.name.given[0],
                    addr: fake.addr,
                    birth: fake.birth,
                };
                let before = q.clone();
                if !self.corrupt(noise, &subject, &mut q, &mut reading) {
                    q = before;
                }
            }
            return Some(BlindLead {
                query: q,
                truth: None,
                kind: kind.name(),
            });
        }
        None
    }

    /// A look-alike of kind `kind` built around reserved person `r`, or None if `r` does not
    /// suit it.
    fn fake(&mut self, kind: Kind, r: u32) -> Option<Fake> {
        let w = self.w;
        let names = &w.names;
        let p = self.person(r);
        let listed_birth = self.reg_birth(r);
        let rng = &mut self.rng;
        let mut allow = Allow::default();
        let surname_of = |n: &Name, given: Vec<u16>| Name {
            given,
            given_hyphen: false,
            middle: None,
            surname: n.surname.clone(),
            surname_hyphen: n.surname_hyphen,
        };
        // A namesake is written with all given names, or with the first only.
        let namesake = |rng: &mut ChaCha8Rng| {
            if rng.random_bool(0.35) {
                surname_of(&p.name, vec![p.name.given[0]])
            } else {
                p.name.clone()
            }
        };
        let maybe_other_birth = |rng: &mut ChaCha8Rng, pr: f64| {
            rng.random_bool(pr)
                .then(|| other_birth(rng, p.birth, 0..=30))
        };
        let (name, addr, birth, nid) = match kind {
            Kind::HouseholdMember => {
                let (start, end) = w.households[p.household as usize];
                let members: Vec<&Person> = (start..end)
                    .map(|i| &w.people[i as usize])
                    .filter(|m| !m.reserved && names.surname_shared(&m.name, &p.name))
                    .collect();
                let m = *members.choose(rng)?;
                (
                    m.name.clone(),
                    m.addr,
                    rng.random_bool(0.2).then_some(m.birth),
                    None,
                )
            }
            Kind::HouseholdSoundAlike => {
                let &g = names.sound_alike[usize::from(p.name.given[0])].choose(rng)?;
                allow.sound_alike = true;
                let birth = rng
                    .random_bool(0.3)
                    .then(|| other_birth(rng, p.birth, 2..=35));
                (surname_of(&p.name, vec![g]), p.addr, birth, None)
            }
            Kind::HouseholdSameFirstName => {
                if p.name.given.len() < 2 || p.name.given_hyphen {
                    return None;
                }
                let g2 = if p.origin == Origin::Norwegian && rng.random_bool(0.7) {
                    names.second_given[usize::from(p.sex == Sex::Female)].sample(rng)
                } else {
                    names.sample_given(rng, p.origin, p.sex, p.birth.year() + 25)
                };
                let (g0, g1) = (p.name.given[0], p.name.given[1]);
                if names.same_given(g2, g0)
                    || names.same_given(g2, g1)
                    || lev(&names.g(g2).lower, &names.g(g1).lower) <= 2
                    || lev(&names.g(g2).lower, &names.g(g0).lower) <= 2
                {
                    return None;
                }
                allow.other_second = true;
                let birth = rng
                    .random_bool(0.4)
                    .then(|| other_birth(rng, p.birth, 20..=35));
                (surname_of(&p.name, vec![g0, g2]), p.addr, birth, None)
            }
            Kind::HouseholdSameNameOtherBirthDate => {
                listed_birth?;
                let birth = other_birth(rng, p.birth, 18..=35);
                (namesake(rng), p.addr, Some(birth), None)
            }
            Kind::NamesakeElsewhere => {
                let name = namesake(rng);
                let addr = w.addr_other_city(rng, &p.addr);
                (name, addr, maybe_other_birth(rng, 0.5), None)
            }
            Kind::NamesakeSameTown => {
                let name = namesake(rng);
                let addr = w.addr_same_town(rng, &p.addr);
                (name, addr, maybe_other_birth(rng, 0.5), None)
            }
            Kind::NamesakeSameBirthDateOtherId => {
                p.nid.as_ref()?;
                let id = national_id(rng, p.birth, p.sex, &mut self.taken_ids)?;
                let addr = if rng.random_bool(0.5) {
                    w.addr_other_city(rng, &p.addr)
                } else {
                    w.addr_same_town(rng, &p.addr)
                };
                (namesake(rng), addr, Some(p.birth), Some(id))
            }
            Kind::NeighbourOtherNumber => {
                let g = w.fresh_given(rng, p.origin, &p.name)?;
                let addr = w.addr_other_number(rng, &p.addr);
                let birth = rng.random_bool(0.2).then(|| any_adult_birth(rng));
                (surname_of(&p.name, vec![g]), addr, birth, None)
            }
            Kind::NeighbourOtherLetter => {
                let letter = p.addr.letter?;
                let g = w.fresh_given(rng, p.origin, &p.name)?;
                let other = loop {
                    let l = b'A' + rng.random_range(0..5);
                    if l != letter {
                        break l;
                    }
                };
                let addr = Addr {
                    letter: Some(other),
                    ..p.addr
                };
                let birth = rng.random_bool(0.2).then(|| any_adult_birth(rng));
                (surname_of(&p.name, vec![g]), addr, birth, None)
            }
            Kind::NeighbourSameNameOtherNumber => {
                listed_birth?;
                let addr = w.addr_other_number(rng, &p.addr);
                let birth = other_birth(rng, p.birth, 0..=40);
                (namesake(rng), addr, Some(birth), None)
            }
            Kind::NearNameGiven => {
                let &g = names.given_near[usize::from(p.name.given[0])].choose(rng)?;
                let mut name = namesake(rng);
                name.given[0] = g;
                let addr = w.addr_near_or_far(rng, &p.addr);
                (name, addr, maybe_other_birth(rng, 0.3), None)
            }
            Kind::NearNameSurname => {
                let parts: Vec<usize> = (0..p.name.surname.len())
                    .filter(|&i| !names.surname_near[usize::from(p.name.surname[i])].is_empty())
                    .collect();
                let &i = parts.choose(rng)?;
                let &s = names.surname_near[usize::from(p.name.surname[i])].choose(rng)?;
                let mut name = namesake(rng);
                name.surname[i] = s;
                let addr = w.addr_near_or_far(rng, &p.addr);
                (name, addr, maybe_other_birth(rng, 0.3), None)
            }
            _ => return None,
        };
        Some(Fake {
            name,
            addr,
            birth,
            nid,
            allow,
        })
    }

    /// Whether a look-alike could be a reserved person: the same name (or a spelling, a
    /// crossed first/second name, a near name unless allowed) with a shared or near surname at
    /// the same house, unless the birth dates differ; or the same name and birth date anywhere,
    /// unless both carry national ids and they differ.
    fn conflict(&self, f: &Fake) -> bool {
        let names = &self.w.names;
        let g0 = f.name.given[0];
        for &r in self.at_house(&f.addr) {
            let p = self.person(r);
            if matches!((f.birth, self.reg_birth(r)), (Some(a), Some(b)) if a != b) {
                continue;
            }
            let shared = names.surname_shared(&f.name, &p.name);
            let near_surname = !shared && names.surname_near(&f.name, &p.name);
            let pg0 = p.name.given[0];
            let same_first = names.same_given(g0, pg0);
            let near_first = names.near_given(g0, pg0);
            let crossed = p
                .name
                .given
                .get(1)
                .is_some_and(|&g| names.same_given(g, g0))
                || f.name
                    .given
                    .get(1)
                    .is_some_and(|&g| names.same_given(g, pg0));
            let same_place = match (f.addr.letter, p.addr.letter) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            if shared && same_first {
                let other_second = f.allow.other_second
                    && match (f.name.given.get(1), p.name.given.get(1)) {
                        (Some(&a), Some(&b)) => !names.same_given(a, b) && !names.near_given(a, b),
                        _ => false,
                    };
                if !other_second {
                    return true;
                }
                continue;
            }
            if !same_place {
                continue;
            }
            if shared && (crossed || (near_first && !f.allow.sound_alike)) {
                return true;
            }
            if near_surname && (same_first || near_first) {
                return true;
            }
        }
        if let Some(b) = f.birth {
            for &s in &f.name.surname {
                let key = (names.g(g0).group, names.s(s).group);
                for &r in self.by_name.get(&key).map(Vec::as_slice).unwrap_or(&[]) {
                    if self.reg_birth(r) == Some(b) {
                        let told_apart = matches!(
                            (&f.nid, &self.person(r).nid),
                            (Some(x), Some(y)) if x != y
                        );
                        if !told_apart {
                            return true;
                        }
                    }
                }
            }
        }
        false
    }
}
