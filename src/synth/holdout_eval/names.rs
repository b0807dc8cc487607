//! Weighted word lists and drawing names from them.

use super::*;

/// A weighted word list.
pub(super) struct Weighted {
    pub(super) items: Vec<&'static str>,
    pub(super) cum: Vec<u64>,
}

impl Weighted {
    pub(super) fn new(list: &[(&'static str, u16)]) -> Weighted {
        let mut total = 0u64;
        let mut w = Weighted {
            items: Vec::with_capacity(list.len()),
            cum: Vec::with_capacity(list.len()),
        };
        for &(item, weight) in list {
            total += u64::from(weight.max(1));
            w.items.push(item);
            w.cum.push(total);
        }
        w
    }

    pub(super) fn pick(&self, rng: &mut ChaCha8Rng) -> &'static str {
        let Some(&total) = self.cum.last() else {
            return "";
        };
        let r = rng.random_range(0..total);
        let i = self.cum.partition_point(|&c| c <= r);
        self.items[i.min(self.items.len() - 1)]
    }
}

/// The name lists, with what corruptions and look-alikes need to know about them.
pub(super) struct Names {
    pub(super) male: Weighted,
    pub(super) female: Weighted,
    pub(super) surnames: Weighted,
    /// Every given name and surname, lower case: a typo must not make another real name.
    pub(super) known: HashSet<String>,
    /// The [`VARIANTS`] group of a given name.
    pub(super) variant: HashMap<&'static str, usize>,
    /// Other real given names one edit away once folded (Ola/Ole, Kari/Karin), variants not
    /// counted.
    pub(super) near_given: HashMap<&'static str, Vec<&'static str>>,
    /// Other real surnames one edit away once folded (Hansen/Jansen).
    pub(super) near_surname: HashMap<&'static str, Vec<&'static str>>,
    /// Women's names.
    pub(super) female_names: HashSet<&'static str>,
}

impl Names {
    pub(super) fn new() -> Names {
        let mut variant = HashMap::new();
        for (i, group) in VARIANTS.iter().enumerate() {
            for &name in group.iter() {
                variant.insert(name, i);
            }
        }
        let given: Vec<&'static str> = MALE.iter().chain(FEMALE).map(|(n, _)| *n).collect();
        let surnames: Vec<&'static str> = SURNAMES.iter().map(|(n, _)| *n).collect();
        let near = |list: &[&'static str]| {
            let folded: Vec<String> = list.iter().map(|n| fold_word(n)).collect();
            let mut out: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
            for (i, a) in list.iter().enumerate() {
                for (j, b) in list.iter().enumerate() {
                    let same_group =
                        matches!((variant.get(a), variant.get(b)), (Some(x), Some(y)) if x == y);
                    if i != j
                        && !same_group
                        && folded[i] != folded[j]
                        && osa(folded[i].as_bytes(), folded[j].as_bytes()) <= 1
                    {
                        out.entry(*a).or_default().push(*b);
                    }
                }
            }
            out
        };
        let near_given = near(&given);
        let near_surname = near(&surnames);
        Names {
            male: Weighted::new(MALE),
            female: Weighted::new(FEMALE),
            surnames: Weighted::new(SURNAMES),
            known: given
                .iter()
                .chain(&surnames)
                .map(|n| n.to_lowercase())
                .collect(),
            variant,
            near_given,
            near_surname,
            female_names: FEMALE.iter().map(|(n, _)| *n).collect(),
        }
    }

    pub(super) fn given(&self, female: bool, rng: &mut ChaCha8Rng) -> &'static str {
        if female {
            self.female.pick(rng)
        } else {
            self.male.pick(rng)
        }
    }
}
