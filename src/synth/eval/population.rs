//! The population: households at real postcodes, their streets, names, birth dates and
//! national ids, the register, and the leads drawn from it.

use super::*;

pub(super) fn rng_for(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut r = ChaCha8Rng::seed_from_u64(seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    r.set_stream(stream);
    r
}

pub(super) fn pick<'a>(r: &mut ChaCha8Rng, list: &[&'a str]) -> &'a str {
    // Skewed: the first entries are the common ones (the first of 80 about 2.5 %).
    let u: f64 = r.random();
    list[(u.powf(1.2) * list.len() as f64) as usize % list.len()]
}

/// A surname: half the population has a common `-sen` or short name, half a farm name.
pub(super) fn surname(r: &mut ChaCha8Rng) -> String {
    if r.random_bool(0.55) {
        pick(r, SURNAMES).to_owned()
    } else {
        let stem = FARM_STEMS[r.random_range(0..FARM_STEMS.len())];
        let end = FARM_ENDS[r.random_range(0..FARM_ENDS.len())];
        format!("{stem}{end}")
    }
}

/// A deterministic valid national id for a birth date, trying individual numbers from
/// `individual` upwards; D-numbers add 40 to the day.
pub fn national_id_for(date: NaiveDate, individual: u32, d_number: bool) -> Option<String> {
    use chrono::Datelike;
    let yy = (date.year() % 100) as u32;
    let day = date.day() + if d_number { 40 } else { 0 };
    let (lo, hi) = match date.year() {
        1900..=1999 => (0, 499),
        2000..=2039 => (500, 999),
        _ => return None,
    };
    for k in 0..500 {
        let ind = lo + (individual + k) % (hi - lo + 1);
        let s = format!("{day:02}{:02}{yy:02}{ind:03}", date.month());
        let d: Vec<u32> = s.bytes().map(|b| u32::from(b - b'0')).collect();
        let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
        let k1 = 11 - w1.iter().zip(&d).map(|(w, x)| w * x).sum::<u32>() % 11;
        let k1 = match k1 {
            11 => 0,
            10 => continue,
            k => k,
        };
        let w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        let mut d2 = d.clone();
        d2.push(k1);
        let k2 = 11 - w2.iter().zip(&d2).map(|(w, x)| w * x).sum::<u32>() % 11;
        let k2 = match k2 {
            11 => 0,
            10 => continue,
            k => k,
        };
        return Some(format!("{s}{k1}{k2}"));
    }
    None
}

pub(super) fn date_between(r: &mut ChaCha8Rng, from: i32, to: i32) -> NaiveDate {
    let y = r.random_range(from..=to);
    let doy = r.random_range(1..=365);
    NaiveDate::from_yo_opt(y, doy).unwrap_or_default()
}

#[derive(Debug, Clone)]
pub(super) struct Address {
    pub(super) street: String,
    pub(super) number: u32,
    pub(super) letter: Option<char>,
    pub(super) postcode: String,
    pub(super) city: String,
}

/// Every postcode of the bundled register with its town, in postcode order.
pub(super) fn all_postcodes() -> &'static [(u16, Town)] {
    pub(super) static CODES: std::sync::OnceLock<Vec<(u16, Town)>> = std::sync::OnceLock::new();
    CODES.get_or_init(|| {
        let table = postcodes::norway();
        (0..10_000u16)
            .filter_map(|pc| table.town_of(pc).map(|t| (pc, t)))
            .collect()
    })
}

/// Streets per postcode.
pub(super) const STREETS: u64 = 30;

/// The street in slot `slot` of postcode `pc`: a stem and a suffix (`Kirkegata`), a prefixed
/// one (`Øvre Kirkegata`), or one named after a person (`Hans Haugens vei`).
pub(super) fn street_name(pc: u16, slot: u64) -> String {
    let mut sr = rng_for(u64::from(pc), 1_000_000 + slot);
    match sr.random_range(0..10) {
        0..=5 => {
            let stem = STREET_STEMS[sr.random_range(0..STREET_STEMS.len())];
            let suffix = STREET_SUFFIXES[sr.random_range(0..STREET_SUFFIXES.len())];
            format!("{stem}{suffix}")
        }
        6 | 7 => {
            let (prefix, _) = STREET_PREFIXES[sr.random_range(0..STREET_PREFIXES.len())];
            let stem = STREET_STEMS[sr.random_range(0..STREET_STEMS.len())];
            let suffix = STREET_SUFFIXES[sr.random_range(0..STREET_SUFFIXES.len())];
            let stem = stem.trim_end();
            let street = if stem.ends_with('s') || stem.contains(' ') {
                format!("{stem} {suffix}")
            } else {
                format!("{stem}{suffix}")
            };
            format!("{prefix} {street}")
        }
        _ => {
            let list = if sr.random_bool(0.7) { MALE } else { FEMALE };
            let given = loop {
                let g = pick(&mut sr, list);
                if !g.contains([' ', '-']) {
                    break g;
                }
            };
            let sur = surname(&mut sr);
            let suffix = PERSON_STREET_SUFFIXES[sr.random_range(0..PERSON_STREET_SUFFIXES.len())];
            let s = if sur.ends_with('s') { "" } else { "s" };
            format!("{given} {sur}{s} {suffix}")
        }
    }
}

/// The town's name as people write it: `Oslo` for the register's `OSLO`.
pub(super) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == ' ' || c == '-';
    }
    out
}

pub(super) fn address(r: &mut ChaCha8Rng) -> Address {
    let codes = all_postcodes();
    let (pc, town) = codes[r.random_range(0..codes.len())];
    let slot = r.random_range(0..STREETS);
    Address {
        street: street_name(pc, slot),
        number: r.random_range(1..=150),
        letter: r
            .random_bool(0.2)
            .then(|| char::from(b'A' + r.random_range(0..4u8))),
        postcode: format!("{pc:04}"),
        city: postcodes::norway().name(town).to_owned(),
    }
}

pub(super) fn given_name(r: &mut ChaCha8Rng, female: bool) -> String {
    let list = if female { FEMALE } else { MALE };
    let first = pick(r, list);
    if r.random_bool(0.15) {
        let mut middle = pick(r, list);
        if middle == first {
            middle = list[(r.random_range(0..list.len()) + 1) % list.len()];
        }
        format!("{first} {middle}")
    } else {
        first.to_owned()
    }
}

pub(super) fn person(
    r: &mut ChaCha8Rng,
    given: String,
    surname: &str,
    a: &Address,
    born: NaiveDate,
) -> PersonRecord {
    let ind = r.random_range(0..500);
    PersonRecord {
        given_names: given,
        surname: surname.to_owned(),
        street: a.street.clone(),
        house_number: a.number.to_string(),
        house_letter: a.letter.map(String::from).unwrap_or_default(),
        postcode: a.postcode.clone(),
        city: a.city.clone(),
        birth_date: Some(born),
        national_id: national_id_for(born, ind, false),
    }
}

impl Population {
    /// The population whose register holds about `reserved` persons.
    pub fn with_reserved(seed: u64, reserved: u64) -> Population {
        // 1.95 residents per household, a little over half reserved.
        Population {
            seed,
            households: reserved * 100 / 102,
        }
    }

    /// The members of household `h`.
    pub fn household(&self, h: u64) -> Vec<Resident> {
        let mut r = rng_for(self.seed, h);
        let a = address(&mut r);
        let mut family = surname(&mut r);
        if r.random_bool(0.06) {
            family = format!("{} {}", surname(&mut r), family);
        }
        let size = match r.random_range(0..100) {
            0..=39 => 1,
            40..=74 => 2,
            75..=89 => 3,
            _ => 4,
        };
        let mut out = Vec::with_capacity(size);
        let mut firsts: Vec<String> = Vec::with_capacity(size);
        for m in 0..size {
            let female = r.random_bool(0.5);
            // Household members have different first names (a junior is rare enough).
            let mut given = given_name(&mut r, female);
            while firsts
                .iter()
                .any(|f| given.split([' ', '-']).next() == Some(f.as_str()))
            {
                given = given_name(&mut r, female);
            }
            firsts.push(
                given
                    .split([' ', '-'])
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
            );
            let (sur, born) = match m {
                0 => (family.clone(), date_between(&mut r, 1935, 2004)),
                1 if r.random_bool(0.3) => (surname(&mut r), date_between(&mut r, 1935, 2004)),
                1 => (family.clone(), date_between(&mut r, 1935, 2004)),
                _ => (family.clone(), date_between(&mut r, 1985, 2008)),
            };
            let record = person(&mut r, given, &sur, &a, born);
            out.push(Resident {
                record,
                reserved: r.random_bool(0.54),
                id: (h * 8 + m as u64) as u32,
            });
        }
        out
    }

    /// Every reserved person with its id, household by household.
    pub fn register(&self) -> impl Iterator<Item = Resident> + '_ {
        (0..self.households).flat_map(|h| self.household(h).into_iter().filter(|p| p.reserved))
    }

    /// `n` labelled leads drawn with `seed`: about half reserved persons with corruptions,
    /// half look-alikes that are not reserved.
    pub fn leads(&self, n: usize, seed: u64) -> Vec<LabelledLead> {
        let mut r = rng_for(seed, u64::MAX);
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let h = r.random_range(0..self.households);
            let members = self.household(h);
            let kind = r.random_range(0..100);
            if kind < 50 {
                let Some(p) = members.iter().find(|p| p.reserved) else {
                    continue;
                };
                let (query, corruption) = corrupt(&mut r, &p.record, self.seed);
                out.push(LabelledLead {
                    query,
                    reserved_id: Some(p.id),
                    corruption,
                });
            } else if kind < 75 {
                // Another member of a reserved person's household, or a neighbour.
                let Some(p) = members.iter().find(|p| !p.reserved) else {
                    continue;
                };
                let (query, _) = corrupt_plain(&mut r, &p.record);
                out.push(LabelledLead {
                    query,
                    reserved_id: None,
                    corruption: if members.iter().any(|m| m.reserved) {
                        "household".into()
                    } else {
                        "neighbour".into()
                    },
                });
            } else {
                // A namesake of a reserved person at another address (half of them in the
                // same town), born another day; or a near-name: the name one edit away.
                let Some(p) = members.iter().find(|p| p.reserved) else {
                    continue;
                };
                let mut other = rng_for(self.seed ^ 0xA5A5, r.random());
                let mut a = address(&mut other);
                if r.random_bool(0.5) {
                    let table = postcodes::norway();
                    if let Some(town) = postcodes::norway().town_named(&p.record.city) {
                        let codes = table.codes(town);
                        let pc = codes[other.random_range(0..codes.len())];
                        a.street = street_name(pc, other.random_range(0..STREETS));
                        a.postcode = format!("{pc:04}");
                        a.city = p.record.city.clone();
                    }
                }
                if a.street == p.record.street {
                    continue;
                }
                let born = date_between(&mut r, 1935, 2004);
                if Some(born) == p.record.birth_date {
                    continue;
                }
                let near = kind >= 88;
                let (given, sur) = if near {
                    if r.random_bool(0.5) {
                        (
                            typo_in_name(&mut r, &p.record.given_names),
                            p.record.surname.clone(),
                        )
                    } else {
                        (
                            p.record.given_names.clone(),
                            typo_in_name(&mut r, &p.record.surname),
                        )
                    }
                } else {
                    (p.record.given_names.clone(), p.record.surname.clone())
                };
                if near && given == p.record.given_names && sur == p.record.surname {
                    continue;
                }
                let namesake = person(&mut r, given, &sur, &a, born);
                let (mut query, _) = corrupt_plain(&mut r, &namesake);
                if !r.random_bool(0.4) {
                    query.birth_date = None;
                }
                out.push(LabelledLead {
                    query,
                    reserved_id: None,
                    corruption: if near { "near-name" } else { "namesake" }.into(),
                });
            }
        }
        out
    }
}
