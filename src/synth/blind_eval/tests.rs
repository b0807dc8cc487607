//! These tests check the set's labels and realism from the outside (the register rows and
//! the lead strings, with a normaliser of their own); none uses the matcher.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::person::{PersonQuery, PersonRecord};

use super::damage::{
    digraphs, lossy, postcode_ocr, postcode_typo, street_initials, strip_accents, title_case,
};
use super::lab::{allocate, planned_counts};
use super::names::Names;
use super::places::{POSTCODES_TSV, parse_postcodes, suffix_index};
use super::population::nid_check_digits;
use super::words::{
    GIVEN_VARIANTS, NO_FEMALE, NO_MALE, NO_SURNAMES, PERSON_STREETS, PREFIXES, SECOND_GIVEN,
    SOUND_ALIKE, SURNAME_VARIANTS,
};
use super::*;

const DEFAULT_PERSONS: usize = 200_000;
const DEFAULT_LEADS: usize = 20_000;

/// The default-scale set, generated once for all tests, with its generation time.
fn default_set() -> &'static (BlindSet, Duration) {
    static SET: OnceLock<(BlindSet, Duration)> = OnceLock::new();
    SET.get_or_init(|| {
        let start = Instant::now();
        let set = generate(20_240_517, DEFAULT_PERSONS, DEFAULT_LEADS);
        (set, start.elapsed())
    })
}

/// Lower case, æ/ø/å (and ä/ö) as digraphs, accents off, punctuation to spaces.
fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'é' | 'è' => out.push('e'),
            'ü' => out.push('u'),
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_token(given: &str) -> String {
    fold(given).split(' ').next().unwrap_or("").to_owned()
}

/// (street stem, house number, letter) from fields that may carry the number and letter in
/// the street.
fn house(street: &str, number: &str, letter: &str) -> (String, String, String) {
    let all = format!("{street} {number} {letter}");
    let at = all.find(|c: char| c.is_ascii_digit()).unwrap_or(all.len());
    let stem: String = fold(&all[..at]).replace(' ', "").chars().take(5).collect();
    let rest = &all[at..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].trim_start();
    let letter = after
        .chars()
        .next()
        .filter(|c| c.is_alphabetic() && after.chars().nth(1).is_none_or(|n| !n.is_alphanumeric()))
        .map(|c| c.to_ascii_uppercase().to_string())
        .unwrap_or_default();
    (stem, digits, letter)
}

/// The birth date a register row shows: listed, or read from the national id.
fn shown_birth(r: &PersonRecord) -> Option<NaiveDate> {
    r.birth_date.or_else(|| {
        let id = r.national_id.as_deref()?;
        let d: Vec<u32> = id.chars().map(|c| c.to_digit(10)).collect::<Option<_>>()?;
        let yy = (d[4] * 10 + d[5]) as i32;
        let ind = d[6] * 100 + d[7] * 10 + d[8];
        let year = if ind >= 500 && yy < 40 {
            2000 + yy
        } else {
            1900 + yy
        };
        NaiveDate::from_ymd_opt(year, d[2] * 10 + d[3], d[0] * 10 + d[1])
    })
}

fn nid_valid(id: &str) -> bool {
    let d: Vec<u32> = match id
        .chars()
        .map(|c| c.to_digit(10))
        .collect::<Option<Vec<_>>>()
    {
        Some(d) if d.len() == 11 => d,
        _ => return false,
    };
    let nine: [u32; 9] = [d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]];
    nid_check_digits(&nine) == Some((d[9], d[10]))
}

#[test]
fn deterministic_for_a_seed() {
    let a = generate(7, 4_000, 800);
    let b = generate(7, 4_000, 800);
    assert_eq!(a, b);
    let c = generate(8, 4_000, 800);
    assert_ne!(a.register, c.register);
    assert_eq!(a.register.len(), 4_000);
    assert_eq!(a.leads.len(), 800);
}

#[test]
fn small_and_empty_scales_do_not_fail() {
    let empty = generate(1, 0, 100);
    assert!(empty.register.is_empty() && empty.leads.is_empty());
    let tiny = generate(1, 30, 60);
    assert_eq!(tiny.register.len(), 30);
    assert_eq!(tiny.leads.len(), 60);
    for l in &tiny.leads {
        assert!(l.truth.is_none_or(|t| t < tiny.register.len()));
    }
}

#[test]
fn every_kind_present_at_default_scale_and_fast() {
    let (set, took) = default_set();
    assert_eq!(set.register.len(), DEFAULT_PERSONS);
    assert_eq!(set.leads.len(), DEFAULT_LEADS);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in &set.leads {
        *counts.entry(l.kind).or_default() += 1;
    }
    let corrupted = set.leads.iter().filter(|l| l.truth.is_some()).count();
    assert_eq!(corrupted, DEFAULT_LEADS / 2);
    // Every kind gets its planned share: no kind fell back for want of candidates.
    for (k, planned) in planned_counts(DEFAULT_LEADS) {
        let n = counts.get(k.name()).copied().unwrap_or(0);
        eprintln!("{:<40} {n:>5}", k.name());
        assert_eq!(n, planned, "{}", k.name());
        assert!(n >= 100, "{}: only {n} leads", k.name());
    }
    for k in ISSUE_KINDS {
        assert!(counts[k] >= 400, "{k}: only {} leads", counts[k]);
    }
    eprintln!("generated in {took:?}");
    // Unoptimised test builds are ~10x slower than release, where it takes seconds.
    let limit = if cfg!(debug_assertions) { 120 } else { 10 };
    assert!(took.as_secs() < limit, "generation took {took:?}");
}

#[test]
fn kinds_are_consistent() {
    let corruption: Vec<&str> = corruption_kinds().collect();
    let lookalike: Vec<&str> = lookalike_kinds().collect();
    for k in ISSUE_KINDS {
        assert!(corruption.contains(&k), "{k}");
    }
    let mut all: Vec<&str> = corruption.iter().chain(&lookalike).copied().collect();
    let n = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), n, "kind names are unique");
    for k in all {
        assert!(
            k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{k}"
        );
    }
}

#[test]
fn lookalikes_are_not_reserved_persons() {
    let (set, _) = default_set();
    let mut by_name_house: HashMap<(String, String, String, String), Vec<usize>> = HashMap::new();
    let mut by_name: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, r) in set.register.iter().enumerate() {
        let (_, number, _) = house(&r.street, &r.house_number, &r.house_letter);
        let name = (fold(&r.surname), first_token(&r.given_names));
        by_name_house
            .entry((name.0.clone(), name.1.clone(), r.postcode.clone(), number))
            .or_default()
            .push(i);
        by_name.entry(name).or_default().push(i);
    }
    let ids: HashSet<&str> = set
        .register
        .iter()
        .filter_map(|r| r.national_id.as_deref())
        .collect();
    let mut checked_same_house = 0;
    for l in set.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &l.query;
        let (stem, number, letter) = house(&q.street, &q.house_number, &q.house_letter);
        let name = (fold(&q.surname), first_token(&q.given_names));
        let key = (name.0.clone(), name.1.clone(), q.postcode.clone(), number);
        for &i in by_name_house.get(&key).map(Vec::as_slice).unwrap_or(&[]) {
            let r = &set.register[i];
            let (rstem, _, rletter) = house(&r.street, &r.house_number, &r.house_letter);
            if rstem != stem || (!letter.is_empty() && !rletter.is_empty() && letter != rletter) {
                continue;
            }
            checked_same_house += 1;
            let other_birth =
                matches!((q.birth_date, shown_birth(r)), (Some(a), Some(b)) if a != b);
            let other_given = fold(&q.given_names) != fold(&r.given_names)
                && fold(&q.given_names).contains(' ')
                && fold(&r.given_names).contains(' ');
            assert!(
                other_birth || other_given,
                "{}: look-alike {q:?} is register person {r:?}",
                l.kind
            );
        }
        if let Some(b) = q.birth_date {
            for &i in by_name.get(&name).map(Vec::as_slice).unwrap_or(&[]) {
                let r = &set.register[i];
                if shown_birth(r) == Some(b) {
                    let told_apart = matches!(
                        (&q.national_id, &r.national_id),
                        (Some(x), Some(y)) if x != y
                    );
                    assert!(
                        told_apart,
                        "{}: {q:?} has the name and birth date of {r:?}",
                        l.kind
                    );
                }
            }
        }
        if let Some(id) = &q.national_id {
            assert!(nid_valid(id), "{id}");
            assert!(
                !ids.contains(id.as_str()),
                "a look-alike carries a reserved person's id"
            );
        }
    }
    // The check above must have had work to do (same-name look-alikes at reserved houses).
    assert!(checked_same_house > 300, "{checked_same_house}");
}

#[test]
fn corrupted_leads_point_at_their_person() {
    let (set, _) = default_set();
    let address_kinds = [
        "postcode_wrong_same_city",
        "postcode_typo_city_right",
        "postcode_ocr",
        "postcode_missing_city_given",
        "postcode_leading_zero_lost",
        "postcode_city_one_field",
        "flat_number_in_street",
        "street_initial_abbreviated",
        "street_prefix_abbreviated",
        "street_suffix_abbreviated",
        "street_compound_split",
        "house_letter_missing",
        "house_letter_glued",
        "number_in_street_field",
        "whitespace_nbsp_double_space",
    ];
    for l in &set.leads {
        let Some(t) = l.truth else { continue };
        assert!(t < set.register.len());
        assert!(corruption_kinds().any(|k| k == l.kind), "{}", l.kind);
        let r = &set.register[t];
        let q = &l.query;
        if let (Some(a), Some(b)) = (q.birth_date, shown_birth(r)) {
            assert_eq!(a, b, "{}: {q:?} vs {r:?}", l.kind);
        }
        if l.kind == "unchanged" {
            assert_eq!(
                (
                    &q.given_names,
                    &q.surname,
                    &q.street,
                    &q.house_number,
                    &q.house_letter,
                    &q.postcode
                ),
                (
                    &r.given_names,
                    &r.surname,
                    &r.street,
                    &r.house_number,
                    &r.house_letter,
                    &r.postcode
                )
            );
        } else {
            assert_ne!(PersonQuery::from(r), *q, "{}", l.kind);
        }
        if address_kinds.contains(&l.kind) {
            assert_eq!(fold(&q.surname), fold(&r.surname), "{}: {q:?}", l.kind);
            assert_eq!(
                fold(&q.given_names),
                fold(&r.given_names),
                "{}: {q:?}",
                l.kind
            );
        }
        if l.kind == "moved_birth_date_given" {
            assert!(q.birth_date.is_some() && shown_birth(r) == q.birth_date);
            assert_ne!(
                (&q.street, &q.house_number, &q.house_letter, &q.postcode),
                (&r.street, &r.house_number, &r.house_letter, &r.postcode)
            );
        }
        if l.kind == "postcode_wrong_same_city" {
            assert_ne!(q.postcode, r.postcode);
            assert_eq!(q.city.to_uppercase(), r.city);
        }
    }
}

#[test]
fn register_is_realistic() {
    let (set, _) = default_set();
    let n = set.register.len() as f64;
    let towns: HashMap<String, String> = parse_postcodes(POSTCODES_TSV).into_iter().collect();
    let mut houses: HashMap<(&str, &str, &str, &str), usize> = HashMap::new();
    let mut names: HashMap<(String, String), usize> = HashMap::new();
    for r in &set.register {
        assert_eq!(towns.get(&r.postcode), Some(&r.city), "{r:?}");
        assert!(!r.given_names.is_empty() && !r.surname.is_empty() && !r.street.is_empty());
        *houses
            .entry((&r.postcode, &r.street, &r.house_number, &r.house_letter))
            .or_default() += 1;
        *names
            .entry((first_token(&r.given_names), fold(&r.surname)))
            .or_default() += 1;
        if let Some(id) = &r.national_id {
            assert!(nid_valid(id), "{id}");
            if let Some(b) = r.birth_date {
                assert_eq!(
                    shown_birth(&PersonRecord {
                        birth_date: None,
                        ..r.clone()
                    }),
                    Some(b)
                );
            }
        }
    }
    let shared = set
        .register
        .iter()
        .filter(|r| {
            houses[&(
                r.postcode.as_str(),
                r.street.as_str(),
                r.house_number.as_str(),
                r.house_letter.as_str(),
            )] > 1
        })
        .count() as f64;
    assert!(
        shared / n > 0.4,
        "only {shared} reserved persons share a house"
    );
    let births = set
        .register
        .iter()
        .filter(|r| r.birth_date.is_some())
        .count() as f64;
    assert!((0.85..0.95).contains(&(births / n)), "{births}");
    let ids = set
        .register
        .iter()
        .filter(|r| r.national_id.is_some())
        .count() as f64;
    assert!((0.10..0.20).contains(&(ids / n)), "{ids}");
    let most = names.values().copied().max().unwrap_or(0);
    assert!(most >= 50, "the commonest name occurs {most} times");
    let cities: HashSet<&str> = set.register.iter().map(|r| r.city.as_str()).collect();
    assert!(cities.len() > 1_000);
    let prefixed = set
        .register
        .iter()
        .filter(|r| {
            PREFIXES
                .iter()
                .any(|p| r.street.starts_with(&format!("{} ", p.0)))
        })
        .count();
    assert!(prefixed > 5_000, "{prefixed}");
}

#[test]
fn postcodes_parse_robustly() {
    let text = "\u{feff}postcode\tcity\n0150\tOSLO\n\n5003\tbergen\r\nabc\tX\n123\tSHORT\n5003\tBERGEN\n9999\n7010\t TRONDHEIM \n";
    assert_eq!(
        parse_postcodes(text),
        vec![
            ("0150".to_owned(), "OSLO".to_owned()),
            ("5003".to_owned(), "BERGEN".to_owned()),
            ("7010".to_owned(), "TRONDHEIM".to_owned()),
        ]
    );
    assert!(parse_postcodes(POSTCODES_TSV).len() > 5_000);
}

#[test]
fn word_lists_resolve() {
    let names = Names::new();
    let given: HashSet<&str> = names.given.iter().map(|g| g.text).collect();
    let surnames: HashSet<&str> = names.surnames.iter().map(|s| s.text).collect();
    for group in GIVEN_VARIANTS {
        for g in *group {
            assert!(given.contains(g), "{g}");
        }
    }
    for group in SURNAME_VARIANTS {
        for s in *group {
            assert!(surnames.contains(s), "{s}");
        }
    }
    for (a, b) in SOUND_ALIKE {
        assert!(given.contains(a) && given.contains(b), "{a}/{b}");
        let (x, y) = (
            names.given[names.given.iter().position(|g| g.text == *a).unwrap_or(0)].sex,
            names.given[names.given.iter().position(|g| g.text == *b).unwrap_or(0)].sex,
        );
        assert_eq!(x, y, "{a}/{b}");
    }
    for g in SECOND_GIVEN {
        assert!(given.contains(g), "{g}");
    }
    for (street, _) in PERSON_STREETS {
        let last = street.rsplit(' ').next().unwrap_or("");
        assert!(suffix_index(last, true).is_some(), "{street}");
    }
    assert!(NO_MALE.len() >= 200 && NO_FEMALE.len() >= 200 && NO_SURNAMES.len() >= 300);
}

#[test]
fn text_damage_examples() {
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    assert_eq!(digraphs("Jørgensen", false), "Joergensen");
    assert_eq!(digraphs("ÅSE", false), "AASE");
    assert_eq!(lossy("Blåbærgata", false), "Blabargata");
    assert_eq!(strip_accents("André Wójcik"), "Andre Wojcik");
    assert_eq!(title_case("MO I RANA"), "Mo i Rana");
    assert_eq!(title_case("KRISTIANSAND S"), "Kristiansand S");
    for _ in 0..50 {
        let t = postcode_typo(&mut rng, "5039").unwrap_or_default();
        assert_eq!(t.len(), 4);
        assert_ne!(t, "5039");
        let o = postcode_ocr(&mut rng, "9409").unwrap_or_default();
        assert!(o == "94O9" || o == "94o9", "{o}");
        let s = street_initials(&mut rng, "Hans Nielsen Hauges gate", 2).unwrap_or_default();
        assert!(
            s.ends_with("Hauges gate") && s != "Hans Nielsen Hauges gate",
            "{s}"
        );
    }
    assert_eq!(allocate(10, &[1, 1, 1]), vec![4, 3, 3]);
    assert_eq!(allocate(0, &[0]), vec![0]);
}
