//! Tests of the set from the outside; none uses the matcher.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::corruption::{self, SHARES};
use super::judge::{
    Judge, glyph_digit, is_placeholder, name_words, names_could_be_one, read_house, streets_match,
};
use super::look_alikes;
use super::names::{PREFIXES, family};
use super::population::Population;
use super::{ISSUE_KINDS, OWN_KINDS, Set, counts, generate};
use crate::person::PersonQuery;

const SEED: u64 = 17;
const PERSONS: usize = 4_000;
const LEADS: usize = 2_000;

fn set() -> &'static Set {
    static S: OnceLock<Set> = OnceLock::new();
    S.get_or_init(|| generate(SEED, PERSONS, LEADS))
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

#[test]
fn deterministic_per_seed() {
    let a = generate(5, 600, 300);
    let b = generate(5, 600, 300);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let c = generate(6, 600, 300);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn every_kind_gets_its_share() {
    let s = set();
    assert_eq!(s.leads.len(), LEADS);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for l in &s.leads {
        *seen.entry(l.kind).or_default() += 1;
    }
    for (k, c) in counts(LEADS / 2, SHARES)
        .into_iter()
        .chain(counts(LEADS - LEADS / 2, look_alikes::SHARES))
    {
        assert_eq!(seen.get(k).copied().unwrap_or(0), c, "{k}");
    }
    assert_eq!(ISSUE_KINDS.len(), 11);
    assert_eq!(OWN_KINDS.len(), 5);
    for k in ISSUE_KINDS.iter().chain(OWN_KINDS) {
        assert!(SHARES.iter().any(|s| s.0 == *k), "{k}");
    }
}

#[test]
fn truths_valid_used_once_half() {
    let s = set();
    let mut used = HashSet::new();
    let mut with = 0;
    for l in &s.leads {
        if let Some(t) = l.truth {
            assert!(t < s.register.len());
            assert!(used.insert(t), "truth {t} used twice");
            assert!(SHARES.iter().any(|k| k.0 == l.kind));
            with += 1;
        } else {
            assert!(look_alikes::SHARES.iter().any(|k| k.0 == l.kind));
        }
    }
    assert_eq!(with, LEADS / 2);
    assert_eq!(s.register.len(), PERSONS);
}

#[test]
fn a_fresh_judge_finds_every_label_fair() {
    let s = set();
    let pop = Population::new(SEED, PERSONS);
    let judge = Judge::new(&pop);
    for l in &s.leads {
        match l.truth {
            Some(t) => assert!(judge.fair_corrupted(&l.query, t), "{l:?}"),
            None => assert!(judge.fair_look_alike(&l.query), "{l:?}"),
        }
    }
    for (i, r) in s.register.iter().enumerate().step_by(7) {
        assert!(judge.candidates(&PersonQuery::from(r)).contains(&i));
    }
}

#[test]
fn household_look_alikes_stand_at_a_reserved_house() {
    let s = set();
    let houses: HashSet<(String, String, String)> = s
        .register
        .iter()
        .map(|r| {
            (
                r.street.clone(),
                r.house_number.clone(),
                r.city.to_uppercase(),
            )
        })
        .collect();
    for l in s
        .leads
        .iter()
        .filter(|l| l.kind == look_alikes::HOUSEHOLD || l.kind == look_alikes::SAME_SURNAME_HOUSE)
    {
        let h = read_house(
            &l.query.street,
            &l.query.house_number,
            &l.query.house_letter,
        );
        let n = h.number.expect("number").to_string();
        assert!(
            houses.iter().any(|(st, num, city)| *num == n
                && *city == l.query.city.to_uppercase()
                && streets_match(&h.street, &read_house(st, num, "").street)),
            "{l:?}"
        );
    }
}

#[test]
fn each_corruption_does_what_its_name_says() {
    let s = set();
    for l in &s.leads {
        let Some(t) = l.truth else { continue };
        let r = &s.register[t];
        let q = &l.query;
        let is_code = |p: &str| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit());
        match l.kind {
            corruption::POSTCODE_SAME_TOWN => {
                assert!(is_code(&q.postcode) && q.postcode != r.postcode, "{l:?}");
                assert_eq!(q.city.to_uppercase(), r.city.to_uppercase());
            }
            corruption::POSTCODE_GLYPHS => {
                assert!(q.postcode.chars().any(|c| c.is_alphabetic()), "{l:?}");
                let back: String = q.postcode.chars().map(glyph_digit).collect();
                assert_eq!(back, r.postcode);
            }
            corruption::POSTCODE_EMPTY => {
                assert!(!is_code(&q.postcode) || q.postcode == "0000", "{l:?}");
                assert!(!q.city.is_empty());
            }
            corruption::BOLIGNUMMER_KIND => {
                assert!(
                    q.street.split([' ', ',']).any(|t| t.len() == 5
                        && t.starts_with(['H', 'U', 'K'])
                        && t[1..].bytes().all(|b| b.is_ascii_digit())),
                    "{l:?}"
                );
            }
            corruption::STREET_INITIAL => {
                let first = r.street.split(' ').next().expect("word");
                assert!(!q.street.starts_with(first), "{l:?}");
                let lead_first = q.street.split(' ').next().expect("word");
                assert!(
                    lead_first.trim_end_matches('.').chars().count() == 1,
                    "{l:?}"
                );
            }
            corruption::STREET_PREFIX => {
                let first = r.street.split(' ').next().expect("word");
                let p = PREFIXES.iter().find(|p| p.0 == first).expect("prefixed");
                assert!(
                    p.1.iter().any(|s| q.street.starts_with(&format!("{s} "))),
                    "{l:?}"
                );
            }
            corruption::GIVEN_VARIANT => {
                let a = r.given_names.split(' ').next().expect("word");
                let b = q.given_names.split(' ').next().expect("word");
                assert_ne!(a.to_lowercase(), b.to_lowercase());
                let f = family(a).expect("family");
                assert!(
                    f.iter().any(|n| n.to_lowercase() == b.to_lowercase()),
                    "{l:?}"
                );
            }
            corruption::OCR => {
                let lead = format!("{} {} {}", q.given_names, q.surname, q.street);
                let row = format!("{} {} {}", r.given_names, r.surname, r.street);
                assert_ne!(lead.to_lowercase(), row.to_lowercase());
                assert!(
                    lead.contains('1') && !row.contains('1')
                        || lead.to_lowercase().matches('m').count()
                            != row.to_lowercase().matches('m').count(),
                    "{l:?}"
                );
            }
            corruption::LOSSY => {
                let pairs = [
                    (&q.given_names, &r.given_names),
                    (&q.surname, &r.surname),
                    (&q.street, &r.street),
                    (&q.city, &r.city),
                ];
                let lost = pairs
                    .iter()
                    .filter(|(a, b)| has_aeoeaa(b) && !has_aeoeaa(a))
                    .count();
                assert_eq!(lost, 2, "{l:?}");
            }
            corruption::WHITESPACE => {
                assert!(q.street.contains('\u{a0}'), "{l:?}");
                assert!(q.given_names.ends_with("  "));
            }
            corruption::TWO => {
                assert_ne!(q.postcode, r.postcode, "{l:?}");
                assert!(
                    q.street != r.street
                        || q.given_names.to_lowercase() != r.given_names.to_lowercase()
                        || q.surname.to_lowercase() != r.surname.to_lowercase()
                        || q.city.to_lowercase() != r.city.to_lowercase(),
                    "{l:?}"
                );
            }
            corruption::QUESTION_MARKS => {
                for f in [&q.given_names, &q.surname, &q.street, &q.city] {
                    assert!(!has_aeoeaa(f), "{l:?}");
                }
                let all = format!("{}{}{}", q.given_names, q.surname, q.street);
                assert!(all.contains('?') || all.contains('\u{fffd}'), "{l:?}");
            }
            corruption::PLACEHOLDER_BIRTH => {
                assert!(is_placeholder(q.birth_date.expect("date")), "{l:?}");
                assert_ne!(q.birth_date, r.birth_date);
            }
            corruption::CALL_NAME => {
                assert!(
                    q.given_names.contains('(') || q.given_names.contains('"'),
                    "{l:?}"
                );
            }
            corruption::GENITIVE => {
                let row: Vec<&str> = r.street.split(' ').collect();
                assert!(
                    q.street
                        .split(' ')
                        .any(|w| row.iter().any(|x| *w == format!("{x}s"))),
                    "{l:?}"
                );
            }
            corruption::MELLOMNAVN => {
                let m = r.given_names.split(' ').next_back().expect("word");
                assert!(
                    q.surname.to_lowercase().starts_with(&m.to_lowercase()),
                    "{l:?}"
                );
                assert_eq!(
                    q.given_names.split(' ').count() + 1,
                    r.given_names.split(' ').count()
                );
            }
            corruption::UNCHANGED => {
                assert_eq!(q.surname.to_lowercase(), r.surname.to_lowercase());
                assert_eq!(q.postcode, r.postcode);
            }
            k => panic!("unknown kind {k}"),
        }
    }
}

#[test]
fn the_judge_reads_the_issue_examples() {
    let w = |s: &str| read_house(s, "", "").street;
    assert!(streets_match(&w("H. Raanes vei"), &w("Hans Raanes vei")));
    assert!(streets_match(&w("Ndr. Sigdvegen"), &w("Nedre Sigdvegen")));
    assert!(streets_match(&w("St. Jollelia"), &w("Store Jollelia")));
    assert!(streets_match(&w("Sigdvegen"), &w("Øvre Sigdvegen")));
    assert!(streets_match(
        &w("Olav Tveitens vei"),
        &w("Olav Tveiten vei")
    ));
    assert!(!streets_match(&w("Plogvegen"), &w("Harvvegen")));
    for (a, b) in [
        ("Thomas", "Tomas"),
        ("Carl", "Karl"),
        ("Kristoffer", "Christoffer"),
        ("Tor", "Thor"),
        ("Christian", "Kristian"),
        ("Henrik", "Hendrik"),
        ("Kornstad", "Komstad"),
        ("Helland", "He1land"),
        ("Sæther", "S?ther"),
        ("Bjørnar", "Bj\u{fffd}rnar"),
        ("Grønlund", "Gr??nlund"),
        ("Løken", "Loeken"),
    ] {
        assert!(names_could_be_one(a, b), "{a} {b}");
    }
    for (a, b) in [
        ("Lie", "Lien"),
        ("Ole", "Ola"),
        ("Ida", "Ada"),
        ("Siv", "Liv"),
    ] {
        assert!(!names_could_be_one(a, b), "{a} {b}");
    }
    assert_eq!(name_words("Kristoffer (Kris)"), vec!["kristofer", "kris"]);
    let h = read_house("Sigdvegen 12 B, H0201", "", "");
    assert_eq!((h.number, h.letter.as_str()), (Some(12), "b"));
    let h = read_house("Sigdvegen\u{a0}7   A", "", "");
    assert_eq!((h.number, h.letter.as_str()), (Some(7), "a"));
    assert_eq!("A3O9".chars().map(glyph_digit).collect::<String>(), "4309");
}
