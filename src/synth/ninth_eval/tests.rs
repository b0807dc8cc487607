//! Tests of the ninth set, none with the matcher.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use chrono::NaiveDate;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::corruption::{self as c, KINDS};
use super::judge::{Judge, read_postcode};
use super::look_alikes as l;
use super::places::Places;
use super::*;

fn places() -> Places {
    Places::new(&mut ChaCha8Rng::seed_from_u64(1))
}

fn count(set: &Set) -> HashMap<&'static str, usize> {
    let mut m = HashMap::new();
    for lead in &set.leads {
        *m.entry(lead.kind).or_insert(0) += 1;
    }
    m
}

#[test]
fn deterministic_per_seed() {
    let a = generate(7, 3_000, 400);
    let b = generate(7, 3_000, 400);
    let other = generate(8, 3_000, 400);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    assert_ne!(a.leads, other.leads);
}

#[test]
fn kinds_and_shares_add_up() {
    assert_eq!(KINDS.iter().map(|k| k.1).sum::<u32>(), 1000);
    assert_eq!(l::KINDS.iter().map(|k| k.1).sum::<u32>(), 1000);
    let issue: u32 = KINDS
        .iter()
        .filter(|k| ISSUE_KINDS.contains(&k.0))
        .map(|k| k.1)
        .sum();
    assert_eq!(issue, 640);
    assert_eq!(ISSUE_KINDS.len(), 11);
    for (k, _) in KINDS.iter().chain(l::KINDS) {
        assert!(why_fair(k).is_some(), "{k}");
    }
    for k in DEBATABLE_KINDS {
        assert!(
            why_fair(k).is_some_and(|w| w.starts_with("debatable")),
            "{k}"
        );
        assert!(!ISSUE_KINDS.contains(k));
    }
    assert_eq!(why_fair("nothing"), None);
}

#[test]
fn counts_per_kind_follow_the_shares() {
    let set = generate(3, 20_000, 2_000);
    let got = count(&set);
    for (kind, share) in KINDS.iter().chain(l::KINDS) {
        assert_eq!(
            got.get(kind).copied().unwrap_or(0),
            *share as usize,
            "{kind}: {got:?}"
        );
    }
    assert_eq!(set.leads.len(), 2_000);
}

fn words(s: &str) -> Vec<String> {
    s.split(|ch: char| ch.is_whitespace() || ch == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn truths_are_reserved_rows_used_once_and_leads_show_their_damage() {
    for seed in [1, 2, 3] {
        let set = generate(seed, 8_000, 1_200);
        let mut seen = HashSet::new();
        for lead in &set.leads {
            let q = &lead.query;
            assert!(q.national_id.is_none());
            let Some(t) = lead.truth else {
                assert!(why_fair(lead.kind).is_some());
                assert!(l::KINDS.iter().any(|k| k.0 == lead.kind));
                continue;
            };
            assert!(t < set.register.len());
            assert!(seen.insert(t), "truth {t} used twice");
            let r = &set.register[t];
            match lead.kind {
                c::POSTCODE_TYPO => {
                    assert_ne!(q.postcode, r.postcode);
                    assert_eq!(q.postcode.len(), 4);
                    assert_eq!(q.city.to_uppercase(), r.city);
                }
                c::POSTCODE_GLYPHS => {
                    assert_ne!(q.postcode, r.postcode);
                    assert_eq!(
                        read_postcode(&q.postcode).as_deref(),
                        Some(r.postcode.as_str())
                    );
                }
                c::POSTCODE_MISSING => {
                    assert!(read_postcode(&q.postcode).is_none());
                    assert!(!q.city.is_empty());
                }
                c::BOLIGNUMMER => assert!(
                    words(&format!("{} {}", q.street, q.house_number))
                        .iter()
                        .any(|w| {
                            w.len() == 5
                                && w.starts_with(['H', 'U', 'K', 'h', 'u', 'k'])
                                && w[1..].chars().all(|c| c.is_ascii_digit())
                        }),
                    "{q:?}"
                ),
                c::STREET_INITIAL => {
                    assert!(
                        !q.street
                            .to_lowercase()
                            .starts_with(&r.street.to_lowercase())
                    );
                    let first = r
                        .street
                        .chars()
                        .next()
                        .unwrap_or(' ')
                        .to_lowercase()
                        .to_string();
                    assert!(q.street.to_lowercase().starts_with(&first), "{q:?}");
                }
                c::STREET_PREFIX => {
                    let w0 = r.street.split(' ').next().unwrap_or("");
                    assert!(!q.street.starts_with(&format!("{w0} ")), "{q:?}");
                }
                c::GIVEN_SPELLING => {
                    assert_ne!(
                        q.given_names.split(' ').next().map(str::to_lowercase),
                        r.given_names.split(' ').next().map(str::to_lowercase)
                    );
                }
                c::OCR => {
                    let changed: Vec<&String> = [&q.given_names, &q.surname, &q.street]
                        .into_iter()
                        .zip([&r.given_names, &r.surname, &r.street])
                        .filter(|(a, b)| !a.to_lowercase().starts_with(&b.to_lowercase()))
                        .map(|(a, _)| a)
                        .collect();
                    assert_eq!(changed.len(), 1, "{q:?}");
                    assert!(
                        changed[0].contains('1')
                            || changed[0].to_lowercase().contains('m')
                            || changed[0].contains("rn"),
                        "{q:?}"
                    );
                }
                c::TRANSLIT => {
                    let lost = [&q.given_names, &q.surname, &q.street, &q.city]
                        .iter()
                        .zip([&r.given_names, &r.surname, &r.street, &r.city])
                        .filter(|(a, b)| {
                            b.chars().any(|c| "æøåÆØÅ".contains(c))
                                && !a.chars().any(|c| "æøåÆØÅ".contains(c))
                        })
                        .count();
                    assert!(lost >= 2, "{q:?}");
                }
                c::WHITESPACE => assert!(
                    q.street.contains('\u{a0}')
                        || q.street.contains("  ")
                        || q.street.contains('\t'),
                    "{q:?}"
                ),
                c::ADDRESS_LINE => {
                    assert!(q.postcode.is_empty() && q.city.is_empty());
                    assert!(q.street.contains(&r.postcode));
                }
                c::COMPOUND_SPLIT => assert!(
                    q.street.split([' ', '-']).count() > r.street.split(' ').count(),
                    "{q:?}"
                ),
                c::STREET_TYPE_FORM => assert!(
                    !q.street.to_lowercase().contains(&r.street.to_lowercase()),
                    "{q:?}"
                ),
                c::TITLE => assert!(q.given_names.contains(' ')),
                c::EXTRA_SURNAME => {
                    assert!(q.surname.split(' ').count() > r.surname.split(' ').count())
                }
                c::GIVEN_ORDER => assert_ne!(q.given_names, r.given_names),
                _ => {}
            }
            if lead.kind != c::UNCHANGED {
                let lossless = [&r.given_names, &r.surname, &r.street, &r.postcode];
                let shown = [&q.given_names, &q.surname, &q.street, &q.postcode];
                let changed = lossless
                    .iter()
                    .zip(shown)
                    .any(|(a, b)| !a.eq_ignore_ascii_case(b));
                assert!(
                    changed || lead.kind == c::BOLIGNUMMER,
                    "{}: {q:?}",
                    lead.kind
                );
            }
        }
    }
}

#[test]
fn look_alikes_are_nobody_in_the_register() {
    let set = generate(5, 8_000, 1_200);
    let mut by_name: HashMap<(String, String), Vec<&PersonRecord>> = HashMap::new();
    for r in &set.register {
        by_name
            .entry((r.given_names.to_lowercase(), r.surname.to_lowercase()))
            .or_default()
            .push(r);
    }
    for lead in set.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &lead.query;
        let key = (q.given_names.to_lowercase(), q.surname.to_lowercase());
        for r in by_name.get(&key).into_iter().flatten() {
            if let (Some(a), Some(b)) = (q.birth_date, r.birth_date) {
                assert_ne!(a, b, "{q:?}");
            }
            let same_street = q
                .street
                .to_lowercase()
                .starts_with(&r.street.to_lowercase());
            let same_number = q.street.contains(&format!(" {}", r.house_number))
                || q.house_number.starts_with(&r.house_number);
            assert!(
                !(same_street
                    && same_number
                    && q.city.eq_ignore_ascii_case(&r.city)
                    && q.house_letter == r.house_letter
                    && q.house_number == r.house_number),
                "{}: {q:?}",
                lead.kind
            );
        }
    }
}

#[test]
fn the_judge_accepts_every_lead() {
    let set = generate(11, 10_000, 1_600);
    let places = places();
    let judge = Judge::new(&set.register, &places);
    for lead in &set.leads {
        assert_eq!(
            judge.refuse(&lead.query, lead.truth),
            None,
            "{}: {:?}",
            lead.kind,
            lead.query
        );
    }
}

fn row(
    given: &str,
    surname: &str,
    street: &str,
    number: &str,
    letter: &str,
    pc: &str,
    city: &str,
) -> PersonRecord {
    PersonRecord {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        house_number: number.into(),
        house_letter: letter.into(),
        postcode: pc.into(),
        city: city.into(),
        birth_date: NaiveDate::from_ymd_opt(1980, 3, 14),
        national_id: None,
    }
}

#[test]
fn the_judge_reads_layouts_and_refuses_unfair_leads() {
    let places = places();
    let register = vec![
        row(
            "Thomas",
            "Jørgensen",
            "Øvre Rognlia",
            "7",
            "",
            "5020",
            "BERGEN",
        ),
        row(
            "Kari",
            "Hansen",
            "Øvre Svanegata",
            "7",
            "",
            "5020",
            "BERGEN",
        ),
        row(
            "Kari",
            "Hansen",
            "Østre Svanegata",
            "7",
            "",
            "5020",
            "BERGEN",
        ),
        row(
            "Nils Petter",
            "Ødegård",
            "Hans Raanes vei",
            "3",
            "B",
            "9409",
            "HARSTAD",
        ),
        row("Anne", "Blå", "Blåbergveien", "12", "", "5020", "BERGEN"),
    ];
    let judge = Judge::new(&register, &places);
    let q = |given: &str, surname: &str, street: &str, number: &str, pc: &str, city: &str| {
        PersonQuery {
            given_names: given.into(),
            surname: surname.into(),
            street: street.into(),
            house_number: number.into(),
            postcode: pc.into(),
            city: city.into(),
            ..PersonQuery::default()
        }
    };
    // Fair corrupted leads.
    for (lead, truth) in [
        (
            q("Tomas", "Jorgensen", "Ø. Rognlia", "7", "5O2O", "Bergen"),
            0,
        ),
        (
            q(
                "Fru Anne",
                "Bla",
                "Bla?bergvegen 12 h0404",
                "",
                "",
                "bergen",
            ),
            4,
        ),
        (
            q(
                "Nils  Petter",
                "Odegard",
                "H. Raanes vei\u{a0}3\tB",
                "",
                "94O9",
                "HARSTAD",
            ),
            3,
        ),
        (
            q(
                "Petter Nils",
                "Ødegård",
                "H.Raanes veg 3B, 9409 Harstad",
                "",
                "",
                "",
            ),
            3,
        ),
        (
            q(
                "Anne",
                "Blå",
                "Blåberg-veien",
                "12, bolignr. H0203",
                "xxxx",
                "Bergen",
            ),
            4,
        ),
        (
            q("Thomas", "Jørgensen", "Øvr. Rognlia", "7", "5021", "Bergen"),
            0,
        ),
    ] {
        assert_eq!(judge.refuse(&lead, Some(truth)), None, "{lead:?}");
    }
    // Unfair: a copy of a row as a look-alike, a wrong truth, an ambiguous prefix.
    let copy = PersonQuery::from(&register[0]);
    assert!(judge.refuse(&copy, None).is_some());
    assert!(judge.refuse(&copy, Some(1)).is_some());
    let ambiguous = q("Kari", "Hansen", "Ø. Svanegata", "7", "5020", "Bergen");
    assert!(judge.refuse(&ambiguous, Some(1)).is_some());
    // Tomas at a reserved Thomas's house is no look-alike; the partner street is no truth.
    let spelling = q("Tomas", "Jørgensen", "Øvre Rognlia", "7", "5020", "Bergen");
    assert!(judge.refuse(&spelling, None).is_some());
    let partner = q(
        "Thomas",
        "Jørgensen",
        "Nedre Rognlia",
        "7",
        "5020",
        "Bergen",
    );
    assert!(judge.refuse(&partner, Some(0)).is_some());
    assert_eq!(judge.refuse(&partner, None), None);
    // A look-alike that differs only by a shown birth date is refused.
    let mut born = PersonQuery::from(&register[4]);
    born.birth_date = NaiveDate::from_ymd_opt(1990, 1, 1);
    assert!(judge.refuse(&born, None).is_some());
}

#[test]
fn a_debug_build_generates_quickly() {
    let t = Instant::now();
    let set = generate(2026, 20_000, 2_000);
    println!("20 000 persons, 2 000 leads: {:?}", t.elapsed());
    assert_eq!(set.leads.len(), 2_000);
    assert!(set.register.len() >= 20_000);
}
