//! Names drawn from the word lists: weighted samplers by origin, sex and birth cohort, and
//! the relations the labels need (same, near, sound-alike given names; shared surnames).

use std::collections::{HashMap, HashSet};

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::population::Name;
use super::words::{
    AR_FEMALE, AR_MALE, AR_SURNAMES, DE_SURNAMES, Era, GIVEN_VARIANTS, GivenList, NO_FEMALE,
    NO_MALE, NO_SURNAMES, ORIGINS, Origin, PL_FEMALE, PL_MALE, PL_SURNAMES, SE_SURNAMES,
    SECOND_GIVEN, SOUND_ALIKE, SURNAME_VARIANTS, Sex, SurnameList, VI_FEMALE, VI_MALE, VI_SURNAMES,
};

/// A weighted choice among name ids.
#[derive(Debug, Clone, Default)]
pub(super) struct Sampler {
    items: Vec<u16>,
    cumulative: Vec<u64>,
}

impl Sampler {
    pub(super) fn push(&mut self, item: u16, weight: u64) {
        if weight == 0 {
            return;
        }
        let total = self.cumulative.last().copied().unwrap_or(0);
        self.items.push(item);
        self.cumulative.push(total + weight);
    }

    pub(super) fn sample(&self, rng: &mut ChaCha8Rng) -> u16 {
        let Some(&total) = self.cumulative.last() else {
            return 0;
        };
        let x = rng.random_range(0..total);
        let i = self.cumulative.partition_point(|&c| c <= x);
        self.items.get(i).copied().unwrap_or(0)
    }
}

pub(super) struct GivenName {
    pub(super) text: &'static str,
    pub(super) lower: String,
    pub(super) sex: Sex,
    pub(super) group: u16,
}

pub(super) struct Surname {
    pub(super) text: &'static str,
    pub(super) lower: String,
    pub(super) group: u16,
}

/// The name tables: given names and surnames, their spelling groups and near names.
pub(super) struct Names {
    pub(super) given: Vec<GivenName>,
    pub(super) surnames: Vec<Surname>,
    /// Per (origin, sex, cohort).
    given_samplers: Vec<Sampler>,
    /// Per origin.
    surname_samplers: Vec<Sampler>,
    /// Names for streets named after persons (older Norwegian names), men and women.
    pub(super) street_given: [Sampler; 2],
    /// Names common as second given names (`Jan Erik`, `Anne Marie`), men and women.
    pub(super) second_given: [Sampler; 2],
    pub(super) given_variants: Vec<Vec<u16>>,
    pub(super) surname_variants: Vec<Vec<u16>>,
    /// Other real names one edit away (same sex, not a spelling of the same name).
    pub(super) given_near: Vec<Vec<u16>>,
    pub(super) surname_near: Vec<Vec<u16>>,
    pub(super) sound_alike: Vec<Vec<u16>>,
    pub(super) given_lower: HashSet<String>,
    pub(super) surname_lower: HashSet<String>,
}

fn origin_index(o: Origin) -> usize {
    ORIGINS.iter().position(|&(x, _)| x == o).unwrap_or(0)
}

pub(super) fn cohort(year: i32) -> Era {
    if year < 1960 {
        Era::Old
    } else if year < 1985 {
        Era::Mid
    } else {
        Era::Young
    }
}

fn era_factor(era: Era, cohort: Era) -> u64 {
    match (era, cohort) {
        (Era::All, _) => 4,
        (a, b) if a == b => 8,
        (Era::Old, Era::Young) | (Era::Young, Era::Old) => 1,
        _ => 2,
    }
}

fn sampler_index(origin: Origin, sex: Sex, cohort: Era) -> usize {
    let c = match cohort {
        Era::Old => 0,
        Era::Mid => 1,
        _ => 2,
    };
    origin_index(origin) * 6 + usize::from(sex == Sex::Female) * 3 + c
}

impl Names {
    pub(super) fn new() -> Names {
        let mut given: Vec<GivenName> = Vec::new();
        let mut given_id: HashMap<&'static str, u16> = HashMap::new();
        let mut given_samplers = vec![Sampler::default(); ORIGINS.len() * 6];
        let mut street_given = [Sampler::default(), Sampler::default()];
        let mut second_given = [Sampler::default(), Sampler::default()];
        let lists: [(Origin, Sex, GivenList); 12] = [
            (Origin::Norwegian, Sex::Male, NO_MALE),
            (Origin::Norwegian, Sex::Female, NO_FEMALE),
            (Origin::Swedish, Sex::Male, NO_MALE),
            (Origin::Swedish, Sex::Female, NO_FEMALE),
            (Origin::German, Sex::Male, NO_MALE),
            (Origin::German, Sex::Female, NO_FEMALE),
            (Origin::Polish, Sex::Male, PL_MALE),
            (Origin::Polish, Sex::Female, PL_FEMALE),
            (Origin::Arabic, Sex::Male, AR_MALE),
            (Origin::Arabic, Sex::Female, AR_FEMALE),
            (Origin::Vietnamese, Sex::Male, VI_MALE),
            (Origin::Vietnamese, Sex::Female, VI_FEMALE),
        ];
        for (origin, sex, list) in lists {
            for &(text, weight, era) in list {
                let id = *given_id.entry(text).or_insert_with(|| {
                    given.push(GivenName {
                        text,
                        lower: text.to_lowercase(),
                        sex,
                        group: given.len() as u16,
                    });
                    (given.len() - 1) as u16
                });
                for c in [Era::Old, Era::Mid, Era::Young] {
                    given_samplers[sampler_index(origin, sex, c)]
                        .push(id, u64::from(weight) * era_factor(era, c));
                }
                if origin == Origin::Norwegian && matches!(era, Era::Old | Era::All) {
                    street_given[usize::from(sex == Sex::Female)].push(id, u64::from(weight));
                }
                if origin == Origin::Norwegian && SECOND_GIVEN.contains(&text) {
                    second_given[usize::from(sex == Sex::Female)].push(id, u64::from(weight));
                }
            }
        }
        let mut surnames: Vec<Surname> = Vec::new();
        let mut surname_id: HashMap<&'static str, u16> = HashMap::new();
        let mut surname_samplers = vec![Sampler::default(); ORIGINS.len()];
        let lists: [(Origin, SurnameList); 6] = [
            (Origin::Norwegian, NO_SURNAMES),
            (Origin::Polish, PL_SURNAMES),
            (Origin::Arabic, AR_SURNAMES),
            (Origin::Vietnamese, VI_SURNAMES),
            (Origin::Swedish, SE_SURNAMES),
            (Origin::German, DE_SURNAMES),
        ];
        for (origin, list) in lists {
            for &(text, weight) in list {
                let id = *surname_id.entry(text).or_insert_with(|| {
                    surnames.push(Surname {
                        text,
                        lower: text.to_lowercase(),
                        group: surnames.len() as u16,
                    });
                    (surnames.len() - 1) as u16
                });
                surname_samplers[origin_index(origin)].push(id, u64::from(weight));
            }
        }
        let given_variants = apply_groups(GIVEN_VARIANTS, &given_id, given.len(), |id, g| {
            given[id as usize].group = g
        });
        let surname_variants =
            apply_groups(SURNAME_VARIANTS, &surname_id, surnames.len(), |id, g| {
                surnames[id as usize].group = g
            });
        let mut given_near = vec![Vec::new(); given.len()];
        for (i, a) in given.iter().enumerate() {
            for (j, b) in given.iter().enumerate() {
                if i != j && a.sex == b.sex && a.group != b.group && lev(&a.lower, &b.lower) == 1 {
                    given_near[i].push(j as u16);
                }
            }
        }
        let mut surname_near = vec![Vec::new(); surnames.len()];
        for (i, a) in surnames.iter().enumerate() {
            for (j, b) in surnames.iter().enumerate() {
                if i != j && a.group != b.group && lev(&a.lower, &b.lower) == 1 {
                    surname_near[i].push(j as u16);
                }
            }
        }
        let mut sound_alike = vec![Vec::new(); given.len()];
        for &(a, b) in SOUND_ALIKE {
            if let (Some(&x), Some(&y)) = (given_id.get(a), given_id.get(b))
                && given[x as usize].sex == given[y as usize].sex
            {
                sound_alike[x as usize].push(y);
                sound_alike[y as usize].push(x);
            }
        }
        let given_lower = given.iter().map(|g| g.lower.clone()).collect();
        let surname_lower = surnames.iter().map(|s| s.lower.clone()).collect();
        Names {
            given,
            surnames,
            given_samplers,
            surname_samplers,
            street_given,
            second_given,
            given_variants,
            surname_variants,
            given_near,
            surname_near,
            sound_alike,
            given_lower,
            surname_lower,
        }
    }

    pub(super) fn sample_given(
        &self,
        rng: &mut ChaCha8Rng,
        origin: Origin,
        sex: Sex,
        year: i32,
    ) -> u16 {
        self.given_samplers[sampler_index(origin, sex, cohort(year))].sample(rng)
    }

    pub(super) fn sample_surname(&self, rng: &mut ChaCha8Rng, origin: Origin) -> u16 {
        self.surname_samplers[origin_index(origin)].sample(rng)
    }

    pub(super) fn g(&self, id: u16) -> &GivenName {
        &self.given[usize::from(id)]
    }

    pub(super) fn s(&self, id: u16) -> &Surname {
        &self.surnames[usize::from(id)]
    }

    /// Same name, or one spelling of it.
    pub(super) fn same_given(&self, a: u16, b: u16) -> bool {
        self.g(a).group == self.g(b).group
    }

    /// Not the same name but at most one edit apart.
    pub(super) fn near_given(&self, a: u16, b: u16) -> bool {
        !self.same_given(a, b) && lev(&self.g(a).lower, &self.g(b).lower) <= 1
    }

    /// Whether a given name is the same as, a spelling of, or one edit from any of `other`'s.
    pub(super) fn given_clash(&self, g: u16, other: &Name) -> bool {
        other
            .given
            .iter()
            .any(|&o| self.same_given(g, o) || self.near_given(g, o))
    }

    pub(super) fn surname_shared(&self, a: &Name, b: &Name) -> bool {
        a.surname.iter().any(|&x| {
            b.surname
                .iter()
                .any(|&y| self.s(x).group == self.s(y).group)
        })
    }

    pub(super) fn surname_near(&self, a: &Name, b: &Name) -> bool {
        a.surname.iter().any(|&x| {
            b.surname
                .iter()
                .any(|&y| lev(&self.s(x).lower, &self.s(y).lower) <= 1)
        })
    }
}

/// Puts every listed spelling into the group of the first one found; returns, per name, the
/// other spellings of it.
fn apply_groups(
    groups: &[&[&'static str]],
    ids: &HashMap<&'static str, u16>,
    len: usize,
    mut set_group: impl FnMut(u16, u16),
) -> Vec<Vec<u16>> {
    let mut others = vec![Vec::new(); len];
    for group in groups {
        let members: Vec<u16> = group.iter().filter_map(|t| ids.get(t).copied()).collect();
        let Some(&leader) = members.first() else {
            continue;
        };
        for &m in &members {
            set_group(m, leader);
            others[usize::from(m)] = members.iter().copied().filter(|&x| x != m).collect();
        }
    }
    others
}

/// Levenshtein distance over characters (names are short).
pub(super) fn lev(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}
