//! Corruptions: each kind of damage real lead data has, applied to a reserved person's lead,
//! with what the damaged lead still says (its reading).

use rand::Rng;
use rand::seq::IndexedRandom;

use crate::person::PersonQuery;

use super::damage::{
    case_mess, digraphs, flat_number, has_nordic, initial, junk, lossy, ocr_lead, postcode_ocr,
    postcode_typo, set, street_initials, strip_accents, title_case, truncate, typo, whitespace,
};
use super::kinds::Kind;
use super::lab::{Lab, Reading, Subject};
use super::places::{Form, prefixed_body};
use super::population::{join_given, letter_text};
use super::words::{PREFIXES, SUFFIXES};

impl<'a> Lab<'a> {
    /// Applies one corruption to a lead; false if it does not apply to this person.
    pub(super) fn corrupt(
        &mut self,
        kind: Kind,
        s: &Subject<'_>,
        q: &mut PersonQuery,
        reading: &mut Reading,
    ) -> bool {
        let w = self.w;
        let names = &w.names;
        let street = w.street(&s.addr);
        let rng = &mut self.rng;
        let hyphen = s.name.given_hyphen && s.name.given.len() >= 2;
        match kind {
            Kind::Unchanged => true,
            Kind::PostcodeWrongSameCity => {
                let code = street.code;
                let city = &w.cities[w.codes[code as usize].city as usize];
                let Some(pos) = city.codes.iter().position(|&c| c == code) else {
                    return false;
                };
                if city.codes.len() < 2 {
                    return false;
                }
                let other = if rng.random_bool(0.6) {
                    if pos + 1 < city.codes.len() && (pos == 0 || rng.random_bool(0.5)) {
                        city.codes[pos + 1]
                    } else {
                        city.codes[pos - 1]
                    }
                } else {
                    let mut o = code;
                    while o == code {
                        o = city.codes[rng.random_range(0..city.codes.len())];
                    }
                    o
                };
                q.postcode = w.codes[other as usize].code.clone();
                true
            }
            Kind::PostcodeTypoCityRight => {
                let typo = postcode_typo(rng, &q.postcode);
                set(&mut q.postcode, typo)
            }
            Kind::PostcodeOcr => {
                let misread = postcode_ocr(rng, &q.postcode);
                set(&mut q.postcode, misread)
            }
            Kind::PostcodeMissingCityGiven => {
                q.postcode.clear();
                if q.city.is_empty() {
                    q.city = title_case(w.city(&s.addr));
                }
                true
            }
            Kind::PostcodeLeadingZeroLost => {
                let t = q.postcode.trim_start_matches('0');
                if t.len() == q.postcode.len() || t.is_empty() {
                    return false;
                }
                q.postcode = t.to_owned();
                true
            }
            Kind::PostcodeCityOneField => {
                if q.postcode.is_empty() || q.city.is_empty() {
                    return false;
                }
                if rng.random_bool(0.65) {
                    q.postcode = format!("{} {}", q.postcode, q.city);
                    q.city.clear();
                } else {
                    q.city = format!("{} {}", q.postcode, q.city);
                    q.postcode.clear();
                }
                true
            }
            Kind::FlatNumberInStreet => flat_number(rng, q),
            Kind::StreetInitialAbbreviated => {
                let Form::Person(words) = street.form else {
                    return false;
                };
                set(
                    &mut q.street,
                    street_initials(rng, &street.name, usize::from(words)),
                )
            }
            Kind::StreetPrefixAbbreviated => {
                let Form::Prefixed(p) = street.form else {
                    return false;
                };
                let Some(abbr) = PREFIXES[usize::from(p)].1.choose(rng) else {
                    return false;
                };
                q.street = format!("{abbr} {}", prefixed_body(&street.name));
                true
            }
            Kind::StreetSuffixAbbreviated => {
                let def = &SUFFIXES[usize::from(street.suffix)];
                let head = &street.name[..street.suffix_start];
                let pool =
                    if !def.abbrevs.is_empty() && (def.alts.is_empty() || rng.random_bool(0.7)) {
                        def.abbrevs
                    } else {
                        def.alts
                    };
                let Some(end) = pool.choose(rng) else {
                    return false;
                };
                q.street = format!("{head}{end}");
                true
            }
            Kind::StreetCompoundSplit => {
                let def = &SUFFIXES[usize::from(street.suffix)];
                let head = &street.name[..street.suffix_start];
                q.street = if def.separate {
                    format!("{}{}", head.trim_end(), def.text)
                } else {
                    format!("{head} {}", def.text)
                };
                true
            }
            Kind::HouseLetterMissing => {
                if q.house_letter.is_empty() {
                    return false;
                }
                q.house_letter.clear();
                reading.addr.letter = None;
                true
            }
            Kind::HouseLetterGlued => {
                if q.house_letter.is_empty() || q.house_number.is_empty() {
                    return false;
                }
                let letter = if rng.random_bool(0.6) {
                    q.house_letter.to_lowercase()
                } else {
                    q.house_letter.clone()
                };
                if rng.random_bool(0.6) {
                    q.house_number = format!("{}{letter}", q.house_number);
                } else {
                    q.street = format!("{} {}{letter}", q.street, q.house_number);
                    q.house_number.clear();
                }
                q.house_letter.clear();
                true
            }
            Kind::NumberInStreetField => {
                if q.house_number.is_empty() {
                    return false;
                }
                let sep = if rng.random_bool(0.5) { " " } else { "" };
                q.street = if q.house_letter.is_empty() {
                    format!("{} {}", q.street, q.house_number)
                } else {
                    format!("{} {}{sep}{}", q.street, q.house_number, q.house_letter)
                };
                q.house_number.clear();
                q.house_letter.clear();
                true
            }
            Kind::GivenNameSpellingVariant => {
                let with: Vec<usize> = (0..s.name.given.len())
                    .filter(|&i| !names.given_variants[usize::from(s.name.given[i])].is_empty())
                    .collect();
                let i = match with.first() {
                    Some(0) if rng.random_bool(0.8) => 0,
                    _ => match with.choose(rng) {
                        Some(&i) => i,
                        None => return false,
                    },
                };
                let Some(&v) = names.given_variants[usize::from(s.name.given[i])].choose(rng)
                else {
                    return false;
                };
                let mut parts = w.given_parts(s.name);
                parts[i] = names.g(v).text;
                q.given_names = join_given(&parts, hyphen);
                true
            }
            Kind::GivenNameTypo => {
                let mut parts: Vec<String> = w
                    .given_parts(s.name)
                    .iter()
                    .map(|x| (*x).to_owned())
                    .collect();
                if parts[0].chars().count() < 4 {
                    return false;
                }
                let typo = (0..10)
                    .map(|_| typo(rng, &parts[0]))
                    .find(|t| *t != parts[0] && !names.given_lower.contains(&t.to_lowercase()));
                let Some(t) = typo else {
                    return false;
                };
                parts[0] = t;
                q.given_names = join_given(&parts, hyphen);
                true
            }
            Kind::SurnameTypo => {
                let mut parts: Vec<String> = w
                    .surname_parts(s.name)
                    .iter()
                    .map(|x| (*x).to_owned())
                    .collect();
                let long: Vec<usize> = (0..parts.len())
                    .filter(|&i| parts[i].chars().count() >= 4)
                    .collect();
                let Some(&i) = long.choose(rng) else {
                    return false;
                };
                let typo = (0..10).map(|_| typo(rng, &parts[i])).find(|t| {
                    *t != parts[i]
                        && !names.surname_lower.contains(&t.to_lowercase())
                        && !names.given_lower.contains(&t.to_lowercase())
                });
                let Some(t) = typo else {
                    return false;
                };
                parts[i] = t;
                q.surname = parts.join(if s.name.surname_hyphen { "-" } else { " " });
                true
            }
            Kind::SurnameSpellingVariant => {
                let with: Vec<usize> = (0..s.name.surname.len())
                    .filter(|&i| !names.surname_variants[usize::from(s.name.surname[i])].is_empty())
                    .collect();
                let Some(&i) = with.choose(rng) else {
                    return false;
                };
                let Some(&v) = names.surname_variants[usize::from(s.name.surname[i])].choose(rng)
                else {
                    return false;
                };
                let mut parts = w.surname_parts(s.name);
                parts[i] = names.s(v).text;
                q.surname = parts.join(if s.name.surname_hyphen { "-" } else { " " });
                true
            }
            Kind::MiddleNameDropped => {
                let parts = w.given_parts(s.name);
                if parts.len() < 2 || hyphen {
                    return false;
                }
                q.given_names = parts[0].to_owned();
                true
            }
            Kind::MiddleNameInitial => {
                let parts = w.given_parts(s.name);
                if parts.len() < 2 || hyphen {
                    return false;
                }
                let dot = rng.random_bool(0.7);
                let rest: Vec<String> = parts[1..].iter().map(|p| initial(p, dot)).collect();
                q.given_names = format!("{} {}", parts[0], rest.join(" "));
                true
            }
            Kind::GivenBySecondName => {
                if s.name.given.len() < 2 || hyphen {
                    return false;
                }
                q.given_names = names.g(s.name.given[1]).text.to_owned();
                reading.first = s.name.given[1];
                true
            }
            Kind::GivenNameHyphenation => {
                if s.name.given.len() < 2 {
                    return false;
                }
                q.given_names = join_given(&w.given_parts(s.name), !hyphen);
                true
            }
            Kind::DoubleSurnamePartial => {
                if s.name.surname.len() < 2 {
                    return false;
                }
                let i = usize::from(rng.random_bool(0.65));
                q.surname = names.s(s.name.surname[i]).text.to_owned();
                true
            }
            Kind::NamesSwapped => {
                std::mem::swap(&mut q.given_names, &mut q.surname);
                true
            }
            Kind::FullNameOneField => {
                let (g, n) = (q.given_names.clone(), q.surname.clone());
                match rng.random_range(0..100) {
                    0..50 => {
                        q.given_names = format!("{n}, {g}");
                        q.surname.clear();
                    }
                    50..65 => {
                        q.surname = format!("{n}, {g}");
                        q.given_names.clear();
                    }
                    _ => {
                        q.given_names = format!("{g} {n}");
                        q.surname.clear();
                    }
                }
                true
            }
            Kind::TruncatedField => truncate(rng, q),
            Kind::OcrConfusion => ocr_lead(rng, names, q),
            Kind::MovedBirthDateGiven => {
                let to = if rng.random_bool(0.7) {
                    w.addr_other_city(rng, &s.addr)
                } else {
                    w.addr_same_town(rng, &s.addr)
                };
                let city = w.city(&to);
                q.street = w.street(&to).name.clone();
                q.house_number = to.number.to_string();
                q.house_letter = letter_text(&to);
                q.postcode = w.postcode(&to).to_owned();
                q.city = if rng.random_bool(0.65) {
                    title_case(city)
                } else {
                    city.to_owned()
                };
                q.birth_date = Some(s.birth);
                reading.addr = to;
                reading.birth = Some(s.birth);
                true
            }
            Kind::CaseMess => case_mess(rng, q),
            Kind::NordicDigraphs => {
                if ![&q.given_names, &q.surname, &q.street]
                    .iter()
                    .any(|f| has_nordic(f))
                {
                    return false;
                }
                let swedish = rng.random_bool(0.25);
                for f in [
                    &mut q.given_names,
                    &mut q.surname,
                    &mut q.street,
                    &mut q.city,
                ] {
                    *f = digraphs(f, swedish);
                }
                true
            }
            Kind::TransliterationTwoFields => {
                if !(has_nordic(&q.given_names) || has_nordic(&q.surname)) || !has_nordic(&q.street)
                {
                    return false;
                }
                let ae_as_e = rng.random_bool(0.4);
                for f in [
                    &mut q.given_names,
                    &mut q.surname,
                    &mut q.street,
                    &mut q.city,
                ] {
                    *f = lossy(f, ae_as_e);
                }
                true
            }
            Kind::AccentsDropped => {
                let before = (q.given_names.clone(), q.surname.clone(), q.street.clone());
                for f in [
                    &mut q.given_names,
                    &mut q.surname,
                    &mut q.street,
                    &mut q.city,
                ] {
                    *f = strip_accents(f);
                }
                before != (q.given_names.clone(), q.surname.clone(), q.street.clone())
            }
            Kind::LeadingTrailingJunk => junk(rng, q),
            Kind::WhitespaceNbspDoubleSpace => whitespace(rng, q),
            Kind::TwoCorruptions
            | Kind::HouseholdMember
            | Kind::HouseholdSoundAlike
            | Kind::HouseholdSameFirstName
            | Kind::HouseholdSameNameOtherBirthDate
            | Kind::NamesakeElsewhere
            | Kind::NamesakeSameTown
            | Kind::NamesakeSameBirthDateOtherId
            | Kind::NeighbourOtherNumber
            | Kind::NeighbourOtherLetter
            | Kind::NeighbourSameNameOtherNumber
            | Kind::NearNameGiven
            | Kind::NearNameSurname => false,
        }
    }
}
