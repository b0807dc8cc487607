//! Writing the leads (`Gen`): each corruption of a reserved person and each look-alike,
//! checked by the judge.

use super::*;

/// Writes one lead after another.
pub(super) struct Gen<'w, 'a> {
    pub(super) w: &'w World<'a>,
    pub(super) rng: ChaCha8Rng,
    pub(super) judge: Judge<'a>,
    /// Reserved persons already written as a lead.
    pub(super) used: Vec<bool>,
    /// National ids handed out (the register's and look-alikes').
    pub(super) nids: HashSet<String>,
}

impl Gen<'_, '_> {
    /// A reserved person's lead with corruption `c`, fair by the judge.
    pub(super) fn truth(&mut self, c: Corruption) -> Option<HoldoutLead> {
        for _ in 0..ATTEMPTS {
            let r = self.rng.random_range(0..self.w.register.len());
            if self.used[r] {
                continue;
            }
            let p = &self.w.persons[self.w.reg_person[r] as usize];
            let mut s = Subject::of(p);
            s.nid = self.w.register[r].national_id.clone();
            let mut d = Draft::new(self.w, &s, &mut self.rng);
            let rec_dob = self.w.register[r].birth_date.is_some();
            if !self.corrupt(c, &mut d, &s, rec_dob) {
                continue;
            }
            let Some(q) = d.render(&mut self.rng) else {
                continue;
            };
            if self.judge.fair_truth(&q, r) {
                self.used[r] = true;
                return Some(HoldoutLead {
                    query: q,
                    truth: Some(r),
                    kind: c.name(),
                });
            }
        }
        None
    }

    pub(super) fn corrupt(
        &mut self,
        c: Corruption,
        d: &mut Draft,
        s: &Subject,
        rec_dob: bool,
    ) -> bool {
        if c != Corruption::Two {
            return self.corrupt_one(c, d, s, rec_dob);
        }
        let seconds: Vec<Corruption> = TWO_FIRST.iter().chain(&TWO_SECOND_EXTRA).copied().collect();
        for _ in 0..20 {
            let a = TWO_FIRST[self.rng.random_range(0..TWO_FIRST.len())];
            let b = seconds[self.rng.random_range(0..seconds.len())];
            if a.conflicts(b) {
                continue;
            }
            let mut t = d.clone();
            if self.corrupt_one(a, &mut t, s, rec_dob) && self.corrupt_one(b, &mut t, s, rec_dob) {
                *d = t;
                return true;
            }
        }
        false
    }

    /// Applies one corruption to a draft; `false` if it does not apply to this person.
    pub(super) fn corrupt_one(
        &mut self,
        c: Corruption,
        d: &mut Draft,
        s: &Subject,
        rec_dob: bool,
    ) -> bool {
        let rng = &mut self.rng;
        match c {
            Corruption::PostcodeTypo => {
                let digits: Vec<u8> = d.postcode.bytes().collect();
                if digits.len() != 4 {
                    return false;
                }
                let mut new = digits.clone();
                for _ in 0..10 {
                    new = digits.clone();
                    if rng.random_bool(0.7) {
                        new[rng.random_range(0..4)] = b'0' + rng.random_range(0..10u8);
                    } else {
                        new.swap(rng.random_range(0..3), rng.random_range(1..4));
                    }
                    if new != digits {
                        break;
                    }
                }
                if new == digits {
                    return false;
                }
                d.postcode = new.into_iter().map(char::from).collect();
                d.city_given = true;
                true
            }
            Corruption::PostcodeMisread => {
                let mut chars: Vec<char> = d.postcode.chars().collect();
                let misread = |c: char| -> &'static [char] {
                    match c {
                        '0' => &['O', 'O', 'o', 'D'],
                        '1' => &['l', 'l', 'I', 'i'],
                        '5' => &['S'],
                        '8' => &['B'],
                        '6' => &['b'],
                        '2' => &['Z'],
                        _ => &[],
                    }
                };
                let spots: Vec<usize> = (0..chars.len())
                    .filter(|&i| !misread(chars[i]).is_empty())
                    .collect();
                if spots.is_empty() {
                    return false;
                }
                let n = if spots.len() > 1 && rng.random_bool(0.2) {
                    2
                } else {
                    1
                };
                let mut spots = spots;
                spots.shuffle(rng);
                for &i in spots.iter().take(n) {
                    let options = misread(chars[i]);
                    chars[i] = options[rng.random_range(0..options.len())];
                }
                d.postcode = chars.into_iter().collect();
                true
            }
            Corruption::PostcodeMissing => {
                d.postcode.clear();
                d.city_given = true;
                // `KRISTIANSAND S` written without its quarter letter.
                let b = d.city.as_bytes();
                if b.len() > 3 && b[b.len() - 2] == b' ' && rng.random_bool(0.3) {
                    d.city.truncate(b.len() - 2);
                }
                true
            }
            Corruption::FlatNumber => {
                let kind = ['H', 'U', 'L', 'K'][pick_index(&[90, 5, 3, 2], rng)];
                let floor = 1 + pick_index(&[30, 25, 18, 12, 7, 4, 2, 2], rng);
                let unit = rng.random_range(1..=6);
                let code = format!("{kind}{floor:02}{unit:02}");
                d.layout = Layout::InStreet;
                d.flat = Some(match rng.random_range(0..100) {
                    0..45 => format!(", {code}"),
                    45..70 => format!(" {code}"),
                    70..85 => {
                        d.number_twice = true;
                        format!(", {code}")
                    }
                    85..93 => format!(", leil. {floor}{unit:02}"),
                    _ => format!(" leilighet {floor}{unit:02}"),
                });
                true
            }
            Corruption::StreetInitial => {
                let Form::Person { given_len } = d.form else {
                    return false;
                };
                let Some(initial) = d.street.chars().next() else {
                    return false;
                };
                let rest = d.street[given_len..].trim_start().to_owned();
                let sep = [". ", ".", " "][pick_index(&[60, 15, 25], rng)];
                d.street = format!("{initial}{sep}{rest}");
                true
            }
            Corruption::StreetPrefix => {
                let Form::Prefixed { prefix } = d.form else {
                    return false;
                };
                let (full, abbrs) = PREFIXES[prefix];
                let Some(rest) = d.street.strip_prefix(full) else {
                    return false;
                };
                let rest = rest.trim_start().to_owned();
                let abbr = abbrs[rng.random_range(0..abbrs.len())];
                d.street = if abbr.ends_with('.') && rng.random_bool(0.15) {
                    format!("{abbr}{rest}")
                } else {
                    format!("{abbr} {rest}")
                };
                true
            }
            Corruption::GivenVariant => {
                let names = self.w.names;
                let (mut tokens, seps) = split_given(&d.given);
                let with: Vec<usize> = (0..tokens.len())
                    .filter(|&i| names.variant.contains_key(tokens[i].as_str()))
                    .collect();
                let Some(&i) = with.first() else {
                    return false;
                };
                let group = VARIANTS[names.variant[tokens[i].as_str()]];
                let others: Vec<&str> = group.iter().copied().filter(|v| *v != tokens[i]).collect();
                tokens[i] = others[rng.random_range(0..others.len())].to_owned();
                d.given = join_given(&tokens, &seps);
                true
            }
            Corruption::Ocr => {
                d.ocr = true;
                true
            }
            Corruption::TranslitTwo => {
                let mut fields: Vec<usize> = (0..4)
                    .filter(|&f| {
                        has_nordic(match f {
                            0 => &d.given,
                            1 => &d.surname,
                            2 => &d.street,
                            _ => &d.city,
                        })
                    })
                    .collect();
                if fields.len() < 2 {
                    return false;
                }
                fields.shuffle(rng);
                let scheme = pick_index(&[55, 30, 15], rng);
                let ae = ["ae", "e", "a"][pick_index(&[50, 30, 20], rng)];
                for &f in fields.iter().take(2) {
                    let sch = if scheme == 2 {
                        rng.random_range(0..2)
                    } else {
                        scheme
                    };
                    let field = match f {
                        0 => &mut d.given,
                        1 => &mut d.surname,
                        2 => &mut d.street,
                        _ => &mut d.city,
                    };
                    *field = transliterate(field, sch, ae);
                }
                if fields.iter().take(2).any(|&f| f == 3) {
                    d.city_given = true;
                }
                true
            }
            Corruption::Whitespace => {
                let nbsp = "\u{a0}";
                d.sep = if rng.random_bool(0.6) { nbsp } else { "  " };
                d.letter_sep = if rng.random_bool(0.7) { d.sep } else { nbsp };
                d.layout = if !d.letter.is_empty() && rng.random_bool(0.25) {
                    Layout::NumberLetter
                } else {
                    Layout::InStreet
                };
                if rng.random_bool(0.2) {
                    d.street = d.street.replace(' ', nbsp);
                }
                true
            }
            Corruption::Two => false,
            Corruption::NameTypo => {
                let names = self.w.names;
                if rng.random_bool(0.6) {
                    match typo(&d.surname, names, rng) {
                        Some(t) if !d.surname.contains([' ', '-']) => d.surname = t,
                        _ => return false,
                    }
                } else {
                    let (mut tokens, seps) = split_given(&d.given);
                    let Some(t) = typo(&tokens[0], names, rng) else {
                        return false;
                    };
                    tokens[0] = t;
                    d.given = join_given(&tokens, &seps);
                }
                true
            }
            Corruption::StreetTypo => {
                let words: Vec<&str> = d.street.split(' ').collect();
                let Some((i, _)) = words
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| w.chars().count() >= 6)
                    .max_by_key(|(_, w)| w.len())
                else {
                    return false;
                };
                let Some(t) = typo(words[i], self.w.names, rng) else {
                    return false;
                };
                let mut words: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
                words[i] = t;
                d.street = words.join(" ");
                true
            }
            Corruption::StreetSuffix => {
                for (suffix, variants) in SUFFIX_VARIANTS {
                    if let Some(stem) = d.street.strip_suffix(suffix) {
                        let v = variants[rng.random_range(0..variants.len())];
                        d.street = format!("{stem}{v}");
                        return true;
                    }
                }
                false
            }
            Corruption::StreetSpacing => match d.form {
                Form::Compound { split } if split < d.street.len() => {
                    let sep = if rng.random_bool(0.7) { " " } else { "-" };
                    let (stem, suffix) = d.street.split_at(split);
                    d.street = format!("{stem}{sep}{suffix}");
                    true
                }
                Form::Person { .. } | Form::Titled => match d.street.rfind(' ') {
                    Some(at) => {
                        d.street.remove(at);
                        true
                    }
                    None => false,
                },
                _ => false,
            },
            Corruption::MiddleDropped => {
                let (tokens, _) = split_given(&d.given);
                if tokens.len() < 2 {
                    return false;
                }
                d.given = if rng.random_bool(0.75) {
                    tokens[0].clone()
                } else {
                    let initial: String = tokens[1].chars().take(1).collect();
                    format!("{} {initial}.", tokens[0])
                };
                true
            }
            Corruption::CalledByMiddle => {
                let (tokens, _) = split_given(&d.given);
                if tokens.len() < 2 {
                    return false;
                }
                d.given = tokens[1].clone();
                if rng.random_bool(0.5) {
                    d.dob = Some(s.dob);
                }
                true
            }
            Corruption::FullNameOneField => {
                d.name_form = [
                    NameForm::SurnameCommaGiven,
                    NameForm::GivenSurname,
                    NameForm::SurnameGiven,
                ][pick_index(&[40, 30, 30], rng)];
                if rng.random_bool(0.5) {
                    d.case = Case::Upper;
                }
                true
            }
            Corruption::NamesSwapped => {
                d.name_form = NameForm::Swapped;
                true
            }
            Corruption::DoubleSurname => {
                let parts: Vec<&str> = d.surname.split([' ', '-']).collect();
                if parts.len() != 2 {
                    return false;
                }
                let (a, b) = (parts[0].to_owned(), parts[1].to_owned());
                match pick_index(&[45, 15, 25, 15], rng) {
                    0 => d.surname = b,
                    1 => d.surname = a,
                    2 => {
                        let sep = if d.surname.contains('-') { ' ' } else { '-' };
                        d.surname = format!("{a}{sep}{b}");
                    }
                    _ => {
                        d.given = format!("{} {a}", d.given);
                        d.surname = b;
                    }
                }
                true
            }
            Corruption::GivenHyphenation => {
                let (tokens, seps) = split_given(&d.given);
                if tokens.len() != 2 {
                    return false;
                }
                let join = rng.random_bool(0.3);
                d.given = if join {
                    format!("{}{}", tokens[0], tokens[1].to_lowercase())
                } else {
                    let sep = if seps.first() == Some(&'-') { ' ' } else { '-' };
                    format!("{}{sep}{}", tokens[0], tokens[1])
                };
                true
            }
            Corruption::LetterDroppedOrAttached => {
                if d.letter.is_empty() {
                    return false;
                }
                match pick_index(&[50, 20, 15, 15], rng) {
                    0 => d.letter.clear(),
                    1 => {
                        d.layout = Layout::NumberLetter;
                        d.letter_sep = "";
                        d.letter_lower = true;
                    }
                    2 => {
                        d.layout = Layout::NumberLetter;
                        d.letter_sep = "-";
                    }
                    _ => {
                        d.layout = Layout::InStreet;
                        d.letter_sep = " ";
                        d.letter_lower = true;
                    }
                }
                true
            }
            Corruption::Mojibake => {
                if ![&d.given, &d.surname, &d.street, &d.city]
                    .iter()
                    .any(|f| has_nordic(f))
                {
                    return false;
                }
                d.moji = Some(
                    [Moji::Cp1252, Moji::Question, Moji::Replacement]
                        [pick_index(&[65, 20, 15], rng)],
                );
                true
            }
            Corruption::Moved => {
                if !rec_dob {
                    return false;
                }
                let old = self.other_address(s.addr, 0.6);
                d.set_addr(self.w, old);
                d.dob = Some(s.dob);
                true
            }
            Corruption::NidFormatted => {
                let Some(nid) = &s.nid else {
                    return false;
                };
                d.nid = Some(format_nid(nid, rng));
                d.dob = None;
                if rng.random_bool(0.5) {
                    let old = self.other_address(s.addr, 0.5);
                    d.set_addr(self.w, old);
                }
                true
            }
            Corruption::PostcodeCityOneField => {
                d.postcode_in_city = true;
                d.city_given = true;
                true
            }
            Corruption::CareOfPunctuation => {
                if rng.random_bool(0.55) {
                    let female = rng.random_bool(0.5);
                    let co = if rng.random_bool(0.8) { "c/o" } else { "C/O" };
                    d.care_of = Some(format!(
                        "{co} {} {}",
                        self.w.names.given(female, rng),
                        self.w.names.surnames.pick(rng)
                    ));
                } else {
                    d.punctuation = true;
                }
                true
            }
        }
    }

    /// Another address: in the same town with probability `same_town`, else anywhere else.
    pub(super) fn other_address(&mut self, a: Addr, same_town: f64) -> Addr {
        let town = self.w.town_of(a);
        for _ in 0..50 {
            let b = if self.rng.random_bool(same_town) {
                self.w.random_addr_in_town(town, &mut self.rng)
            } else {
                self.w.random_addr(&mut self.rng)
            };
            if b.street != a.street {
                return b;
            }
        }
        self.w.random_addr(&mut self.rng)
    }

    /// A house near `a` on its street (another number).
    pub(super) fn neighbour(&mut self, a: Addr) -> Addr {
        let max = self.w.streets[a.street as usize]
            .max_number
            .saturating_add(10);
        for _ in 0..20 {
            let step = self.rng.random_range(1..=8u16);
            let number = if self.rng.random_bool(0.5) {
                a.number.saturating_add(step)
            } else {
                a.number.saturating_sub(step)
            };
            if number >= 1 && number != a.number && number <= max {
                return Addr {
                    street: a.street,
                    number,
                    letter: self.w.random_letter(&mut self.rng),
                };
            }
        }
        Addr {
            number: a.number + 1,
            ..a
        }
    }

    pub(super) fn adult_dob(&mut self, avoid: NaiveDate) -> NaiveDate {
        loop {
            let d = random_dob(self.rng.random_range(1935..=2006), &mut self.rng);
            if d != avoid {
                return d;
            }
        }
    }

    /// A birth date `shift` years from `dob` within adult years, on another day.
    pub(super) fn shifted_dob(&mut self, dob: NaiveDate, years: Range<i32>) -> NaiveDate {
        let y = dob.year();
        let up = y + self.rng.random_range(years.clone());
        let down = y - self.rng.random_range(years);
        let year = if up <= 2006 && (down < 1930 || self.rng.random_bool(0.5)) {
            up
        } else {
            down.max(1925)
        };
        let d = random_dob(year, &mut self.rng);
        if d == dob {
            dob.succ_opt().unwrap_or(dob)
        } else {
            d
        }
    }

    /// A look-alike lead of kind `k`, fair by the judge.
    pub(super) fn lookalike(&mut self, k: LookAlike) -> Option<HoldoutLead> {
        for _ in 0..ATTEMPTS {
            let r = self.rng.random_range(0..self.w.register.len());
            let Some((s, carry_dob)) = self.lookalike_subject(k, r) else {
                continue;
            };
            let mut d = Draft::new(self.w, &s, &mut self.rng);
            if let Some(carry) = carry_dob {
                d.dob = carry.then_some(s.dob);
            }
            if let Some(nid) = &s.nid {
                d.nid = Some(format_nid(nid, &mut self.rng));
                d.dob = None;
            }
            if self.rng.random_bool(0.3) {
                let c = LIGHT[self.rng.random_range(0..LIGHT.len())];
                let mut t = d.clone();
                if self.corrupt_one(c, &mut t, &s, false) {
                    d = t;
                }
            }
            let Some(q) = d.render(&mut self.rng) else {
                continue;
            };
            if self.judge.fair_lookalike(&q) {
                return Some(HoldoutLead {
                    query: q,
                    truth: None,
                    kind: LOOKALIKE_KINDS[LOOKALIKE_SHARES
                        .iter()
                        .position(|(x, _)| *x == k)
                        .unwrap_or(0)],
                });
            }
        }
        None
    }

    /// The person a look-alike of kind `k` anchored at reserved person `r` is, and whether
    /// the lead must carry the birth date (`Some(true)`), must not, or follows the list's
    /// habit (`None`). `None` if `r` cannot anchor this kind.
    pub(super) fn lookalike_subject(
        &mut self,
        k: LookAlike,
        r: usize,
    ) -> Option<(Subject, Option<bool>)> {
        let w = self.w;
        let names = w.names;
        let p = &w.persons[w.reg_person[r] as usize];
        let rec_dob = w.register[r].birth_date.is_some();
        let mut s = Subject::of(p);
        let first = first_token(&p.given).to_owned();
        let household: Vec<&Person> = w.households[p.household as usize]
            .clone()
            .map(|i| &w.persons[i as usize])
            .collect();
        let taken: Vec<String> = household
            .iter()
            .map(|m| first_token(&m.given).to_owned())
            .collect();
        let near_given = |rng: &mut ChaCha8Rng| {
            names
                .near_given
                .get(first.as_str())
                .filter(|v| !v.is_empty())
                .map(|v| v[rng.random_range(0..v.len())])
        };
        let carry = match k {
            LookAlike::HouseholdOther => {
                let others: Vec<&&Person> = household.iter().filter(|m| !m.reserved).collect();
                if !others.is_empty() && self.rng.random_bool(0.8) {
                    s = Subject::of(others[self.rng.random_range(0..others.len())]);
                } else {
                    s.female = self.rng.random_bool(0.5);
                    s.given = draw_given(names, s.female, &taken, &mut self.rng);
                    if self.rng.random_bool(0.25) {
                        s.surname = w.random_surname(&mut self.rng);
                    }
                    s.dob = self.shifted_dob(p.dob, 0..30);
                }
                None
            }
            LookAlike::HouseholdNamesakeDob => {
                if !rec_dob {
                    return None;
                }
                if self.rng.random_bool(0.3) {
                    s.given = first.clone();
                }
                s.dob = self.shifted_dob(p.dob, 20..36);
                Some(true)
            }
            LookAlike::HouseholdNearNameDob => {
                let near = near_given(&mut self.rng)?;
                if !rec_dob {
                    return None;
                }
                s.given = near.to_owned();
                s.female = names.female_names.contains(near);
                s.dob = self.shifted_dob(p.dob, 1..31);
                Some(true)
            }
            LookAlike::Twin => {
                if !rec_dob {
                    return None;
                }
                s.female = self.rng.random_bool(0.5);
                s.given = draw_given(names, s.female, &taken, &mut self.rng);
                Some(true)
            }
            LookAlike::CohabitantSameGiven => {
                if self.rng.random_bool(0.5) {
                    s.given = first.clone();
                }
                s.surname = w.random_surname(&mut self.rng);
                s.dob = self.shifted_dob(p.dob, 0..9);
                None
            }
            LookAlike::NamesakeElsewhere => {
                let town = w.town_of(p.addr);
                s.addr = (0..20)
                    .map(|_| w.random_addr(&mut self.rng))
                    .find(|a| w.town_of(*a) != town)?;
                s.dob = self.adult_dob(p.dob);
                Some(self.rng.random_bool(0.5))
            }
            LookAlike::NamesakeSameTown => {
                s.addr = self.other_address(p.addr, 1.0);
                if w.town_of(s.addr) != w.town_of(p.addr) {
                    return None;
                }
                s.dob = self.adult_dob(p.dob);
                None
            }
            LookAlike::NeighbourSameName => {
                s.addr = self.neighbour(p.addr);
                s.dob = self.adult_dob(p.dob);
                None
            }
            LookAlike::NeighbourSameSurname => {
                s.female = self.rng.random_bool(0.5);
                s.given = draw_given(names, s.female, std::slice::from_ref(&first), &mut self.rng);
                s.addr = self.neighbour(p.addr);
                s.dob = self.adult_dob(p.dob);
                None
            }
            LookAlike::NearNameElsewhere => {
                let near_surname = names
                    .near_surname
                    .get(p.surname.as_str())
                    .filter(|v| !v.is_empty())
                    .map(|v| v[self.rng.random_range(0..v.len())]);
                let given = near_given(&mut self.rng);
                match (given, near_surname) {
                    (Some(g), _) if self.rng.random_bool(0.55) || near_surname.is_none() => {
                        s.given = g.to_owned();
                        s.female = names.female_names.contains(g);
                    }
                    (_, Some(sn)) => s.surname = sn.to_owned(),
                    _ => return None,
                }
                s.addr = self.other_address(p.addr, 0.3);
                s.dob = self.adult_dob(p.dob);
                None
            }
            LookAlike::NearNameNeighbour => {
                let near = near_given(&mut self.rng)?;
                s.given = near.to_owned();
                s.female = names.female_names.contains(near);
                s.addr = self.neighbour(p.addr);
                s.dob = self.adult_dob(p.dob);
                None
            }
            LookAlike::HouseholdNamesakeNid => {
                if !rec_dob {
                    return None;
                }
                s.dob = self.shifted_dob(p.dob, 20..36);
                s.nid = Some(new_nid(s.dob, s.female, &mut self.rng, &mut self.nids)?);
                Some(false)
            }
            LookAlike::SameHouseOtherLetter => {
                if p.addr.letter == 0 {
                    return None;
                }
                let others: Vec<u8> = b"ABCD"
                    .iter()
                    .copied()
                    .filter(|&l| l != p.addr.letter)
                    .collect();
                s.addr.letter = others[self.rng.random_range(0..others.len())];
                if self.rng.random_bool(0.5) {
                    s.female = self.rng.random_bool(0.5);
                    s.given =
                        draw_given(names, s.female, std::slice::from_ref(&first), &mut self.rng);
                }
                s.dob = self.adult_dob(p.dob);
                None
            }
        };
        Some((s, carry))
    }
}

/// A national id as lists write it: `01019012345`, `010190 12345`, `010190-12345`.
pub(super) fn format_nid(nid: &str, rng: &mut ChaCha8Rng) -> String {
    if nid.len() != 11 || !nid.is_ascii() {
        return nid.to_owned();
    }
    match pick_index(&[40, 40, 20], rng) {
        0 => nid.to_owned(),
        1 => format!("{} {}", &nid[..6], &nid[6..]),
        _ => format!("{}-{}", &nid[..6], &nid[6..]),
    }
}
