//! Tests of the set from the outside; none uses the matcher.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::corruption::*;
use super::judge::{Judge, fold_phrase, fold_word, name_words};
use super::look_alikes;
use super::names::FAMILIES;
use super::places::Places;
use super::*;

const SEED: u64 = 2026;
const PERSONS: usize = 20_000;
const LEADS: usize = 4_000;

fn set() -> &'static Set {
    static S: OnceLock<Set> = OnceLock::new();
    S.get_or_init(|| generate(SEED, PERSONS, LEADS))
}

fn of(kind: &str) -> Vec<&'static Lead> {
    set().leads.iter().filter(|l| l.kind == kind).collect()
}

fn truth(l: &Lead) -> &'static PersonRecord {
    &set().register[l.truth.unwrap()]
}

#[test]
fn deterministic_per_seed() {
    let a = generate(5, 3_000, 600);
    let b = generate(5, 3_000, 600);
    let c = generate(6, 3_000, 600);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn every_kind_gets_its_share() {
    let s = set();
    assert_eq!(s.register.len(), PERSONS);
    assert_eq!(s.leads.len(), LEADS);
    for (kind, count) in kind_counts(LEADS) {
        assert_eq!(of(kind).len(), count, "{kind}");
    }
    for k in ISSUE_KINDS.iter().chain(OWN_KINDS) {
        assert!(!of(k).is_empty(), "{k}");
    }
}

#[test]
fn truths_are_valid_used_once_and_half() {
    let s = set();
    let mut seen = HashSet::new();
    for l in &s.leads {
        if let Some(t) = l.truth {
            assert!(t < s.register.len());
            assert!(seen.insert(t), "truth {t} used twice");
        }
    }
    assert_eq!(seen.len(), LEADS / 2);
}

#[test]
fn a_fresh_judge_finds_every_label_fair() {
    let s = set();
    let places = Places::load(SEED);
    let judge = Judge::new(&s.register, &places);
    for l in &s.leads {
        match l.truth {
            Some(t) => assert!(judge.fair_corrupted(&l.query, t), "{l:?}"),
            None => assert!(judge.fair_look_alike(&l.query), "{l:?}"),
        }
    }
    for (i, r) in s.register.iter().enumerate().take(2_000) {
        assert!(judge.could_be(&PersonQuery::from(r), true).contains(&i));
    }
}

fn digits(s: &str) -> bool {
    s.len() == 4 && s.chars().all(|c| c.is_ascii_digit())
}

#[test]
fn postcode_kinds_do_what_they_say() {
    for l in of(POSTCODE_OTHER_IN_TOWN) {
        assert!(digits(&l.query.postcode) && l.query.postcode != truth(l).postcode);
        assert_eq!(fold_phrase(&l.query.city), fold_phrase(&truth(l).city));
    }
    for l in of(POSTCODE_LETTER_GLYPHS) {
        assert!(l.query.postcode.chars().any(char::is_alphabetic), "{l:?}");
        assert_eq!(l.query.postcode.len(), 4);
    }
    for l in of(POSTCODE_NONE_TOWN_KEPT) {
        assert!(!l.query.postcode.chars().any(|c| c.is_ascii_digit()));
        assert!(!l.query.city.is_empty());
    }
}

#[test]
fn street_kinds_do_what_they_say() {
    for l in of(BOLIGNUMMER_IN_STREET) {
        let s = &l.query.street;
        assert!(
            s.split([' ', ',']).any(|t| t.len() == 5
                && t.starts_with(['H', 'U', 'K'])
                && t[1..].chars().all(|c| c.is_ascii_digit())),
            "{s}"
        );
        assert!(l.query.house_number.is_empty());
    }
    for l in of(PERSON_STREET_INITIAL) {
        let first = l.query.street.split(' ').next().unwrap();
        assert!(first.trim_end_matches('.').chars().count() == 1, "{first}");
    }
    for l in of(PREFIX_SHORT) {
        let first = l.query.street.split(' ').next().unwrap();
        assert!(first.ends_with('.') && first != truth(l).street.split(' ').next().unwrap());
    }
    for l in of(ODD_SPACES) {
        assert!(l.query.street.contains('\u{a0}'));
        assert!(l.query.surname.starts_with('\u{a0}'));
    }
    for l in of(PHONE_AFTER_STREET) {
        let low = l.query.street.to_lowercase();
        assert!(low.contains("tlf") || low.contains("mob") || low.contains("tel."));
        assert!(low.chars().filter(char::is_ascii_digit).count() >= 8);
    }
    for l in of(SEMICOLON_ROW) {
        assert!(l.query.street.contains(';') && l.query.house_number.is_empty());
        assert!(l.query.street.starts_with(&format!(
            "{};{}",
            truth(l).street,
            truth(l).house_number
        )));
    }
}

#[test]
fn name_kinds_do_what_they_say() {
    for l in of(GIVEN_VARIANT) {
        let a = l
            .query
            .given_names
            .split(' ')
            .next()
            .unwrap()
            .to_lowercase();
        let b = truth(l)
            .given_names
            .split(' ')
            .next()
            .unwrap()
            .to_lowercase();
        assert_ne!(a, b);
        assert!(FAMILIES.iter().any(|f| {
            f.iter().any(|n| n.to_lowercase() == a) && f.iter().any(|n| n.to_lowercase() == b)
        }));
    }
    for l in of(OCR_RN_M_L1) {
        let q = &l.query;
        let r = truth(l);
        let changed = [(&q.given_names, &r.given_names), (&q.surname, &r.surname)]
            .iter()
            .filter(|(a, b)| a.to_lowercase() != b.to_lowercase())
            .count()
            + usize::from(
                !q.street
                    .to_lowercase()
                    .starts_with(&r.street.to_lowercase()),
            );
        assert_eq!(changed, 1, "{q:?}");
        let all = format!("{} {} {}", q.given_names, q.surname, q.street);
        assert!(
            all.contains('1')
                || all.to_lowercase().contains("rn")
                || all.to_lowercase().contains('m')
        );
    }
    for l in of(AEOEAA_TWO) {
        let q = &l.query;
        let r = truth(l);
        let lost = [
            (&q.given_names, &r.given_names),
            (&q.surname, &r.surname),
            (&q.city, &r.city),
        ]
        .iter()
        .filter(|(a, b)| {
            b.chars().any(|c| "æøåÆØÅ".contains(c)) && !a.chars().any(|c| "æøåÆØÅ".contains(c))
        })
        .count()
            + usize::from(
                r.street.chars().any(|c| "æøåÆØÅ".contains(c))
                    && !q.street.chars().any(|c| "æøåÆØÅ".contains(c)),
            );
        assert_eq!(lost, 2, "{q:?}");
    }
    for l in of(FAMILY_LABEL) {
        assert!(l.query.surname.to_lowercase().contains("fam"));
        assert_eq!(name_words(&l.query.surname), name_words(&truth(l).surname));
    }
    for l in of(EMAIL_IN_SURNAME) {
        assert!(l.query.surname.contains('@'));
        assert!(
            l.query.surname.starts_with(&truth(l).surname)
                || l.query
                    .surname
                    .starts_with(&truth(l).surname.to_uppercase())
        );
    }
    for l in of(PERCENT_ENCODED) {
        assert!(l.query.street.contains('+'));
        let r = truth(l);
        if !r.given_names.is_ascii() {
            assert!(l.query.given_names.contains('%'));
        }
        assert!(!l.query.given_names.contains(' '));
    }
    for l in of(UNCHANGED) {
        assert_eq!(
            name_words(&l.query.given_names),
            name_words(&truth(l).given_names)
        );
        assert_eq!(l.query.postcode, truth(l).postcode);
    }
}

#[test]
fn look_alikes_do_what_they_say() {
    let s = set();
    for l in of(look_alikes::DIGITS_SWAPPED_HOUSE) {
        let n: u32 = l.query.house_number.parse().unwrap_or_else(|_| {
            l.query
                .street
                .split(' ')
                .find_map(|t| t.parse().ok())
                .unwrap()
        });
        let swapped = (n % 10) * 10 + n / 10;
        assert!(
            s.register
                .iter()
                .any(|r| r.house_number == swapped.to_string()
                    && name_words(&r.surname) == name_words(&l.query.surname))
        );
    }
    for l in of(look_alikes::NEIGHBOUR_SURNAME) {
        assert!(l.truth.is_none());
    }
}

#[test]
fn the_judge_reads_the_issue_examples() {
    assert_eq!(fold_word("Tomas"), fold_word("Thomas"));
    assert_eq!(fold_word("Kristoffer"), fold_word("Christoffer"));
    assert_eq!(fold_word("Bjomstad"), fold_word("Bjørnstad"));
    assert_eq!(fold_word("Lil1ebø"), fold_word("Lillebo"));
    assert_ne!(fold_word("Liv"), fold_word("Siv"));
    assert!(!super::judge::words_could_be("liv", "siv"));
    assert!(super::judge::words_could_be(
        &fold_word("Kristian"),
        &fold_word("Christian")
    ));
    assert_eq!(name_words("Fam. Holmen"), vec!["holmen".to_string()]);
    assert_eq!(
        name_words("Sæther <kari.saether@online.no>"),
        name_words("Sæther")
    );
    assert_eq!(name_words("Bj%C3%B8rn+Egil"), name_words("Bjørn Egil"));
    let a = super::judge::address("Lyngveien;12;B", "", "");
    assert_eq!((a.number, a.letter.as_str()), (Some(12), "B"));
    let a = super::judge::address("Lyngveien, tlf. 912 34 567", "3", "");
    assert_eq!(a.number, Some(3));
}

#[test]
fn a_tiny_register_gives_fewer_leads_but_no_repeated_truth() {
    let s = generate(3, 40, 400);
    assert!(s.leads.len() < 400);
    let mut seen = HashSet::new();
    for l in &s.leads {
        if let Some(t) = l.truth {
            assert!(seen.insert(t));
        }
    }
}
