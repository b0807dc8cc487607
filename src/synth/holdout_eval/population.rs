//! The population: households at addresses, their persons, birth dates and national ids.

use super::*;

/// An address: a house on a street of a town.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Addr {
    pub(super) street: u32,
    pub(super) number: u16,
    /// House letter, `0` for none.
    pub(super) letter: u8,
}

/// How a street name is built, which decides the abbreviations lists use for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// `Sagveien`: a stem and a suffix, the suffix starting at byte `split`.
    Compound { split: usize },
    /// `Hans Raanes vei`: a person's given name (`given_len` bytes), surname and a suffix.
    Person { given_len: usize },
    /// `Kong Oscars gate`.
    Titled,
    /// `Øvre Svanegata`: a prefix of [`PREFIXES`] and a compound.
    Prefixed { prefix: usize },
}

/// A street of a town.
pub(super) struct Street {
    pub(super) name: String,
    pub(super) town: u32,
    pub(super) form: Form,
    pub(super) max_number: u16,
}

/// A person of the generated population, reserved or not.
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub(super) given: String,
    pub(super) surname: String,
    pub(super) female: bool,
    pub(super) dob: NaiveDate,
    pub(super) addr: Addr,
    pub(super) household: u32,
    pub(super) reserved: bool,
}

/// The generated population: towns with streets, households, and the register.
pub(super) struct World<'a> {
    pub(super) pc: &'a Postcodes,
    pub(super) names: &'a Names,
    pub(super) streets: Vec<Street>,
    /// The streets of each town.
    pub(super) town_streets: Vec<Range<u32>>,
    pub(super) persons: Vec<Person>,
    /// The members of each household (indices into `persons`).
    pub(super) households: Vec<Range<u32>>,
    pub(super) register: Vec<PersonRecord>,
    /// The person of each register record.
    pub(super) reg_person: Vec<u32>,
    /// National ids handed out, so that none repeats.
    pub(super) nids: HashSet<String>,
    /// Seeds the postcode a house number block gets.
    pub(super) salt: u64,
}

impl<'a> World<'a> {
    pub(super) fn build(
        pc: &'a Postcodes,
        names: &'a Names,
        reserved: usize,
        rng: &mut ChaCha8Rng,
    ) -> World<'a> {
        let mut w = World {
            pc,
            names,
            streets: Vec::new(),
            town_streets: Vec::with_capacity(pc.towns.len()),
            persons: Vec::new(),
            households: Vec::new(),
            register: Vec::with_capacity(reserved),
            reg_person: Vec::with_capacity(reserved),
            nids: HashSet::new(),
            salt: rng.random(),
        };
        if pc.codes.is_empty() {
            return w;
        }
        w.build_streets(rng);
        // Apartment buildings: several households at one address (the register knows no
        // flat numbers, so they share it).
        let mut buildings: Vec<Addr> = Vec::new();
        while w.register.len() < reserved {
            let addr = if !buildings.is_empty() && rng.random_bool(0.18) {
                let lo = buildings.len().saturating_sub(4000);
                buildings[rng.random_range(lo..buildings.len())]
            } else {
                let a = w.random_addr(rng);
                if rng.random_bool(0.15) {
                    buildings.push(a);
                }
                a
            };
            w.household(addr, reserved, rng);
        }
        w
    }

    pub(super) fn build_streets(&mut self, rng: &mut ChaCha8Rng) {
        for (ti, town) in self.pc.towns.iter().enumerate() {
            let want = (8 + 5 * town.codes.len()).min(700);
            let start = self.streets.len() as u32;
            let mut seen: HashSet<(u8, String)> = HashSet::new();
            let mut tries = 0;
            while self.streets.len() - (start as usize) < want && tries < want * 8 {
                tries += 1;
                let (name, form) = self.random_street_name(rng);
                let mut batch = vec![(name, form)];
                if let Form::Prefixed { prefix } = form
                    && rng.random_bool(0.4)
                {
                    let partner = PREFIX_PARTNER[prefix];
                    let rest = batch[0].0[PREFIXES[prefix].0.len()..].to_owned();
                    batch.push((
                        format!("{}{rest}", PREFIXES[partner].0),
                        Form::Prefixed { prefix: partner },
                    ));
                }
                for (name, form) in batch {
                    let v = addr_view(&name, "", "");
                    if seen.insert((v.prefix, v.key)) {
                        let max_number = match form {
                            Form::Person { .. } | Form::Titled => {
                                6 + (114.0 * rng.random::<f64>().powi(2)) as u16
                            }
                            _ => 8 + (152.0 * rng.random::<f64>().powi(2)) as u16,
                        };
                        self.streets.push(Street {
                            name,
                            town: ti as u32,
                            form,
                            max_number,
                        });
                    }
                }
            }
            self.town_streets.push(start..self.streets.len() as u32);
        }
    }

    pub(super) fn random_street_name(&self, rng: &mut ChaCha8Rng) -> (String, Form) {
        let compound = |rng: &mut ChaCha8Rng| {
            let stem = STEMS[rng.random_range(0..STEMS.len())];
            let suffix = Weighted::new(SUFFIXES).pick(rng);
            (format!("{stem}{suffix}"), stem.len())
        };
        let u: f64 = rng.random();
        if u < 0.22 {
            let given = STREET_GIVEN[rng.random_range(0..STREET_GIVEN.len())];
            let surname = if rng.random_bool(0.5) {
                STREET_PERSONS[rng.random_range(0..STREET_PERSONS.len())]
            } else {
                self.names.surnames.pick(rng)
            };
            let genitive = if surname.ends_with(['s', 'x', 'z']) {
                surname.to_owned()
            } else {
                format!("{surname}s")
            };
            let suffix = Weighted::new(PERSON_SUFFIXES).pick(rng);
            (
                format!("{given} {genitive} {suffix}"),
                Form::Person {
                    given_len: given.len(),
                },
            )
        } else if u < 0.27 {
            let title = TITLED[rng.random_range(0..TITLED.len())];
            let suffix = ["gate", "gate", "gate", "vei", "plass"][rng.random_range(0..5)];
            (format!("{title} {suffix}"), Form::Titled)
        } else if u < 0.39 {
            let prefix = rng.random_range(0..PREFIXES.len());
            let (rest, _) = compound(rng);
            (
                format!("{} {rest}", PREFIXES[prefix].0),
                Form::Prefixed { prefix },
            )
        } else {
            let (name, split) = compound(rng);
            (name, Form::Compound { split })
        }
    }

    pub(super) fn random_addr(&self, rng: &mut ChaCha8Rng) -> Addr {
        let code = rng.random_range(0..self.pc.codes.len());
        self.random_addr_in_town(self.pc.codes[code].1, rng)
    }

    pub(super) fn random_addr_in_town(&self, town: u32, rng: &mut ChaCha8Rng) -> Addr {
        let r = &self.town_streets[town as usize];
        let n = r.len().max(1);
        let i = ((n as f64 * rng.random::<f64>().powf(1.4)) as usize).min(n - 1);
        let street = r.start + i as u32;
        let max = self.streets[street as usize].max_number.max(2);
        Addr {
            street,
            number: self.random_number(max, rng),
            letter: self.random_letter(rng),
        }
    }

    pub(super) fn random_number(&self, max: u16, rng: &mut ChaCha8Rng) -> u16 {
        1 + ((f64::from(max) * rng.random::<f64>().powf(1.6)) as u16).min(max - 1)
    }

    pub(super) fn random_letter(&self, rng: &mut ChaCha8Rng) -> u8 {
        if rng.random_bool(0.12) {
            b"AAABBCD"[rng.random_range(0..7)]
        } else {
            0
        }
    }

    pub(super) fn town_of(&self, a: Addr) -> u32 {
        self.streets[a.street as usize].town
    }

    /// The postcode of a house: a town's postcodes split its streets into blocks of house
    /// numbers, so one street may span several postcodes (and a town's street and house
    /// decide the postcode).
    pub(super) fn postcode_of(&self, a: Addr) -> &str {
        let codes = &self.pc.towns[self.town_of(a) as usize].codes;
        let h = mix(self.salt ^ (u64::from(a.street) << 16) ^ u64::from(a.number / 30));
        &self.pc.codes[codes[(h % codes.len() as u64) as usize] as usize].0
    }

    pub(super) fn city_of(&self, a: Addr) -> &str {
        &self.pc.towns[self.town_of(a) as usize].name
    }

    /// One household at `addr`: 1–5 adults, a couple and grown children mostly, surnames
    /// shared mostly; reserves some of them while the register is short of `target`.
    pub(super) fn household(&mut self, addr: Addr, target: usize, rng: &mut ChaCha8Rng) {
        let hh = self.households.len() as u32;
        let first = self.persons.len() as u32;
        let size = 1 + pick_index(&[18, 37, 20, 17, 8], rng);
        let names = self.names;
        let family = self.random_surname(rng);
        let head_female = rng.random_bool(0.5);
        let head_year = if size >= 3 {
            rng.random_range(1940..=1982)
        } else {
            rng.random_range(1935..=2005)
        };
        let mut members: Vec<Person> = Vec::with_capacity(size);
        let mut taken: Vec<String> = Vec::new();
        let push = |members: &mut Vec<Person>,
                    taken: &mut Vec<String>,
                    female: bool,
                    surname: String,
                    year: i32,
                    rng: &mut ChaCha8Rng| {
            let given = draw_given(names, female, taken, rng);
            taken.push(first_token(&given).to_owned());
            members.push(Person {
                given,
                surname,
                female,
                dob: random_dob(year, rng),
                addr,
                household: hh,
                reserved: false,
            });
        };
        push(
            &mut members,
            &mut taken,
            head_female,
            family.clone(),
            head_year,
            rng,
        );
        let mut mother_surname = family.clone();
        if size >= 2 && rng.random_bool(0.85) {
            let female = if rng.random_bool(0.95) {
                !head_female
            } else {
                head_female
            };
            let year = (head_year + rng.random_range(-6..=6)).min(2006);
            let own = self.random_surname(rng);
            let surname = match rng.random_range(0..100) {
                0..60 => family.clone(),
                60..72 => format!("{own} {family}"),
                _ => own.clone(),
            };
            if female && surname == own {
                mother_surname = own;
            }
            push(&mut members, &mut taken, female, surname, year, rng);
        }
        while members.len() < size {
            let oldest = members
                .iter()
                .map(|m| m.dob.year())
                .min()
                .unwrap_or(head_year);
            let year = (oldest + rng.random_range(20..=34)).min(2006);
            let surname = match rng.random_range(0..100) {
                0..75 => family.clone(),
                75..87 if mother_surname != family => format!("{mother_surname} {family}"),
                _ => mother_surname.clone(),
            };
            push(
                &mut members,
                &mut taken,
                rng.random_bool(0.5),
                surname,
                year,
                rng,
            );
        }
        // Reservations run in families: all, some or none of a household.
        let mode = rng.random_range(0..100);
        for mut p in members {
            let reserve = match mode {
                0..45 => true,
                45..80 => rng.random_bool(0.5),
                _ => false,
            };
            let index = self.persons.len() as u32;
            if reserve && self.register.len() < target {
                let nid = if rng.random_bool(0.15) {
                    new_nid(p.dob, p.female, rng, &mut self.nids)
                } else {
                    None
                };
                let birth_date = (nid.is_some() || rng.random_bool(0.85)).then_some(p.dob);
                self.register.push(PersonRecord {
                    given_names: p.given.clone(),
                    surname: p.surname.clone(),
                    street: self.streets[addr.street as usize].name.clone(),
                    house_number: addr.number.to_string(),
                    house_letter: letter_str(addr.letter),
                    postcode: self.postcode_of(addr).to_owned(),
                    city: self.city_of(addr).to_owned(),
                    birth_date,
                    national_id: nid,
                });
                self.reg_person.push(index);
                p.reserved = true;
            }
            self.persons.push(p);
        }
        self.households.push(first..self.persons.len() as u32);
    }

    pub(super) fn random_surname(&self, rng: &mut ChaCha8Rng) -> String {
        let a = self.names.surnames.pick(rng);
        if rng.random_bool(0.04) {
            let b = self.names.surnames.pick(rng);
            if a != b {
                let sep = if rng.random_bool(0.2) { "-" } else { " " };
                return format!("{a}{sep}{b}");
            }
        }
        a.to_owned()
    }
}

/// A new national id for a birth date: individual number in the range of the birth year,
/// odd for men and even for women in its third digit, mod-11 check digits; never repeats.
pub(super) fn new_nid(
    dob: NaiveDate,
    female: bool,
    rng: &mut ChaCha8Rng,
    taken: &mut HashSet<String>,
) -> Option<String> {
    let year = dob.year();
    // Individual numbers of the birth year's century, as (first, end) pairs.
    let ranges: &[(u32, u32)] = match year {
        1854..=1899 => &[(500, 750)],
        1900..=1939 => &[(0, 500)],
        1940..=1999 => &[(0, 500), (900, 1000)],
        2000..=2039 => &[(500, 1000)],
        _ => return None,
    };
    for _ in 0..200 {
        let (first, end) = ranges[rng.random_range(0..ranges.len())];
        let mut ind = rng.random_range(first..end);
        if (ind % 2 == 0) != female {
            ind = if ind + 1 < end { ind + 1 } else { ind - 1 };
        }
        let head = format!(
            "{:02}{:02}{:02}{:03}",
            dob.day(),
            dob.month(),
            year.rem_euclid(100),
            ind
        );
        let Some(nid) = with_check_digits(&head) else {
            continue;
        };
        if taken.insert(nid.clone()) {
            return Some(nid);
        }
    }
    None
}

/// Appends the two mod-11 check digits to the nine first digits of a national id; `None` if
/// a check digit would be 10 (no id has those nine digits).
pub(super) fn with_check_digits(head: &str) -> Option<String> {
    let d: Vec<u32> = head.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 9 {
        return None;
    }
    let check = |digits: &[u32], weights: &[u32]| {
        let s: u32 = digits.iter().zip(weights).map(|(a, b)| a * b).sum();
        match 11 - s % 11 {
            11 => Some(0),
            10 => None,
            k => Some(k),
        }
    };
    let k1 = check(&d, &[3, 7, 6, 1, 8, 9, 4, 5, 2])?;
    let mut d2 = d.clone();
    d2.push(k1);
    let k2 = check(&d2, &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2])?;
    Some(format!("{head}{k1}{k2}"))
}

/// The birth date a national id encodes (ordinary ids, not D- or H-numbers).
pub(super) fn nid_birth_date(nid: &str) -> Option<NaiveDate> {
    let d: Vec<u32> = nid.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 11 {
        return None;
    }
    let day = d[0] * 10 + d[1];
    let month = d[2] * 10 + d[3];
    let yy = (d[4] * 10 + d[5]) as i32;
    let ind = d[6] * 100 + d[7] * 10 + d[8];
    let century = match ind {
        0..=499 => 1900,
        500..=749 if yy >= 54 => 1800,
        500..=999 if yy <= 39 => 2000,
        900..=999 => 1900,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(century + yy, month, day)
}

pub(super) fn draw_given(
    names: &Names,
    female: bool,
    taken: &[String],
    rng: &mut ChaCha8Rng,
) -> String {
    let clashes = |name: &str| {
        let f = fold_word(name);
        taken.iter().any(|t| tok_same(&fold_word(t), &f, false))
    };
    let mut first = names.given(female, rng);
    for _ in 0..30 {
        if !clashes(first) {
            break;
        }
        first = names.given(female, rng);
    }
    if rng.random_bool(0.33) {
        let second = names.given(female, rng);
        if fold_word(second) != fold_word(first) {
            let sep = if rng.random_bool(0.15) { "-" } else { " " };
            return format!("{first}{sep}{second}");
        }
    }
    first.to_owned()
}

pub(super) fn first_token(s: &str) -> &str {
    s.split([' ', '-']).next().unwrap_or(s)
}

pub(super) fn letter_str(letter: u8) -> String {
    if letter == 0 {
        String::new()
    } else {
        char::from(letter).to_string()
    }
}

pub(super) fn random_dob(year: i32, rng: &mut ChaCha8Rng) -> NaiveDate {
    let days = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    };
    NaiveDate::from_yo_opt(year, rng.random_range(1..=days)).unwrap_or_default()
}

pub(super) fn pick_index(weights: &[u32], rng: &mut ChaCha8Rng) -> usize {
    let total: u32 = weights.iter().sum();
    let mut r = rng.random_range(0..total.max(1));
    for (i, &w) in weights.iter().enumerate() {
        if r < w {
            return i;
        }
        r -= w;
    }
    weights.len().saturating_sub(1)
}

/// SplitMix64's finaliser.
pub(super) fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

// ---------------------------------------------------------------------------------------------
// The judge: a careful human reader's view of a lead against the register. It is this
// module's own model, deliberately lenient about what could be the same person (so that a
// look-alike must differ clearly) and used only to keep the set fair, never to match.
// ---------------------------------------------------------------------------------------------
