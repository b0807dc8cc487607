use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::corruption::*;
use super::judge::{fold, fold_town, read_postcode};
use super::look_alikes;
use super::*;

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

fn has_bolig(s: &str) -> bool {
    let cs: Vec<char> = s.chars().collect();
    (0..cs.len()).any(|i| {
        "HUK".contains(cs[i]) && (i == 0 || !cs[i - 1].is_alphanumeric()) && {
            let rest: String = cs[i + 1..].iter().filter(|c| **c != ' ').take(4).collect();
            rest.len() == 4 && rest.chars().all(|c| c.is_ascii_digit())
        }
    })
}

/// Whether the lead shows, against its truth's row, the damage its kind says.
fn shows_damage(kind: &str, q: &PersonQuery, r: &PersonRecord) -> bool {
    let names_same =
        lower(&q.given_names) == lower(&r.given_names) && lower(&q.surname) == lower(&r.surname);
    let street_same = lower(&q.street).starts_with(&lower(&r.street))
        && !q.street.contains('\u{a0}')
        && !q.street.contains("  ")
        && !has_bolig(&q.street)
        && !has_bolig(&q.house_number);
    match kind {
        POSTCODE_TYPO => {
            q.postcode != r.postcode
                && q.postcode.chars().all(|c| c.is_ascii_digit())
                && fold_town(&q.city) == fold_town(&r.city)
        }
        POSTCODE_GLYPHS => {
            q.postcode.chars().any(|c| !c.is_ascii_digit())
                && read_postcode(&q.postcode).as_deref() == Some(r.postcode.as_str())
        }
        POSTCODE_MISSING => {
            ["", "-", "0000", "0"].contains(&q.postcode.as_str()) && !q.city.is_empty()
        }
        BOLIGNUMMER => has_bolig(&q.street) || has_bolig(&q.house_number),
        STREET_INITIAL => {
            q.street
                .split([' ', '.'])
                .next()
                .is_some_and(|w| w.chars().count() == 1)
                && r.street
                    .split(' ')
                    .next()
                    .is_none_or(|w| w.chars().count() != 1)
        }
        STREET_PREFIX => {
            let p = r.street.split(' ').next().unwrap_or_default();
            !q.street.starts_with(p) && !q.street.to_lowercase().starts_with(&p.to_lowercase())
        }
        GIVEN_SPELLING => {
            let a = q.given_names.split([' ', '-']).next().unwrap_or_default();
            let b = r.given_names.split([' ', '-']).next().unwrap_or_default();
            lower(a) != lower(b) && fold(a) == fold(b)
        }
        OCR => !names_same || !lower(&q.street).starts_with(&lower(&r.street)),
        TRANSLIT => {
            [
                (&q.given_names, &r.given_names),
                (&q.surname, &r.surname),
                (&q.street, &r.street),
                (&q.city, &r.city),
            ]
            .iter()
            .filter(|(a, b)| has_aeoeaa(b) && !has_aeoeaa(a))
            .count()
                == 2
        }
        WHITESPACE => q.street.contains('\u{a0}') || q.street.contains("  "),
        TWO => {
            let parts = [
                q.postcode != r.postcode,
                !street_same,
                !names_same,
                fold_town(&q.city) != fold_town(&r.city)
                    || has_aeoeaa(&r.city) && !has_aeoeaa(&q.city),
            ];
            parts.iter().filter(|p| **p).count() >= 2
        }
        UNCHANGED => names_same && q.postcode == r.postcode && street_same,
        NAME_COLUMNS_SWAPPED => {
            lower(&q.given_names) == lower(&r.surname) && lower(&q.surname) == lower(&r.given_names)
        }
        STREET_TYPE_SHORT => {
            let s = lower(&q.street);
            (s.contains("gt") || s.contains("vn") || s.contains("v."))
                && !s.starts_with(&lower(&r.street))
        }
        POSTCODE_COUNTRY => q.postcode.starts_with('N') && q.postcode.ends_with(&r.postcode),
        BIRTH_NO_STREET => {
            q.street.is_empty() && q.birth_date.is_some() && q.birth_date == r.birth_date
        }
        TOWN_TYPO => fold_town(&q.city) != fold_town(&r.city) && q.postcode == r.postcode,
        MIDDLE_INITIAL => q
            .given_names
            .split(' ')
            .nth(1)
            .is_some_and(|w| w.trim_end_matches('.').chars().count() == 1),
        MIDDLE_ONLY => r
            .given_names
            .split_once(' ')
            .is_some_and(|(_, second)| lower(second) == lower(&q.given_names)),
        DOUBLE_SURNAME_PART => {
            r.surname.contains(' ')
                && !q.surname.contains(' ')
                && lower(&r.surname).contains(&lower(&q.surname))
        }
        _ => false,
    }
}

#[test]
fn deterministic_per_seed() {
    let a = generate(7, 3_000, 600);
    let b = generate(7, 3_000, 600);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let c = generate(8, 3_000, 600);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn kinds_and_shares_add_up() {
    let sum = |k: &[(&str, u32)]| k.iter().map(|(_, s)| s).sum::<u32>();
    assert_eq!(sum(CORRUPTED_KINDS), 1000);
    assert_eq!(sum(LOOK_ALIKE_KINDS), 1000);
    let issue: u32 = CORRUPTED_KINDS
        .iter()
        .filter(|(k, _)| ISSUE_KINDS.contains(k))
        .map(|(_, s)| s)
        .sum();
    assert_eq!(issue, 640);
    assert_eq!(ISSUE_KINDS.len(), 11);
    let mut seen = HashSet::new();
    for (k, _) in CORRUPTED_KINDS.iter().chain(LOOK_ALIKE_KINDS) {
        assert!(seen.insert(*k), "{k} twice");
        let why = why_fair(k).unwrap_or_else(|| panic!("{k} says not why it is fair"));
        assert_eq!(
            super::DEBATABLE_KINDS.contains(k),
            why.starts_with("debatable"),
            "{k}"
        );
    }
    assert!(why_fair("no_such_kind").is_none());
}

#[test]
fn counts_per_kind_follow_the_shares() {
    let set = generate(11, 20_000, 2_000);
    assert_eq!(set.leads.len(), 2_000);
    let mut got: HashMap<&str, usize> = HashMap::new();
    for l in &set.leads {
        *got.entry(l.kind).or_default() += 1;
    }
    for (kind, want) in kind_counts(2_000) {
        assert_eq!(got.get(kind).copied().unwrap_or(0), want, "{kind}");
    }
}

#[test]
fn truths_are_reserved_rows_used_once_and_leads_show_their_damage() {
    for seed in [1, 2, 3] {
        let set = generate(seed, 8_000, 1_600);
        let mut used = HashSet::new();
        for l in &set.leads {
            assert!(l.query.national_id.is_none());
            let corrupted = CORRUPTED_KINDS.iter().any(|(k, _)| *k == l.kind);
            match l.truth {
                Some(t) => {
                    assert!(corrupted, "{}", l.kind);
                    assert!(t < set.register.len());
                    assert!(used.insert(t), "row {t} used twice");
                    assert!(
                        shows_damage(l.kind, &l.query, &set.register[t]),
                        "{}: {:?} ← {:?}",
                        l.kind,
                        l.query,
                        set.register[t]
                    );
                }
                None => assert!(!corrupted, "{}", l.kind),
            }
        }
    }
}

#[test]
fn look_alikes_are_nobody_in_the_register() {
    let set = generate(5, 10_000, 2_000);
    let key = |g: &str, s: &str| (lower(g), lower(s));
    let mut by_birth = HashSet::new();
    let mut by_house = HashSet::new();
    for r in &set.register {
        if let Some(b) = r.birth_date {
            by_birth.insert((key(&r.given_names, &r.surname), b));
        }
        let h = super::judge::house(&r.street, &r.house_number, &r.house_letter);
        by_house.insert((
            key(&r.given_names, &r.surname),
            r.postcode.clone(),
            h.map(|h| (h.prefixes, h.words, h.number, h.letter)),
        ));
    }
    for l in set.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &l.query;
        let k = key(&q.given_names, &q.surname);
        if let Some(b) = q.birth_date {
            assert!(!by_birth.contains(&(k.clone(), b)), "{}: {q:?}", l.kind);
        }
        if l.kind != look_alikes::GENERATION {
            let h = super::judge::house(&q.street, &q.house_number, &q.house_letter);
            assert!(
                !by_house.contains(&(
                    k,
                    q.postcode.clone(),
                    h.map(|h| (h.prefixes, h.words, h.number, h.letter))
                )),
                "{}: {q:?}",
                l.kind
            );
        }
    }
}

#[test]
fn the_judge_accepts_every_lead() {
    let set = generate(9, 20_000, 4_000);
    let judge = judge_of(&set.register);
    for l in &set.leads {
        assert_eq!(
            judge.verdict(&l.query, l.truth),
            Ok(()),
            "{}: {:?}",
            l.kind,
            l.query
        );
        if l.truth.is_none() {
            assert!(
                look_alike_fair(&judge, &l.query, l.kind),
                "{}: {:?}",
                l.kind,
                l.query
            );
        }
    }
}

fn row(
    (given, surname): (&str, &str),
    street: &str,
    number: &str,
    letter: &str,
    (postcode, city): (&str, &str),
    birth: Option<NaiveDate>,
) -> PersonRecord {
    PersonRecord {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        house_number: number.into(),
        house_letter: letter.into(),
        postcode: postcode.into(),
        city: city.into(),
        birth_date: birth,
        national_id: None,
    }
}

fn lead(
    given: &str,
    surname: &str,
    street: &str,
    number: &str,
    postcode: &str,
    city: &str,
) -> PersonQuery {
    PersonQuery {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        house_number: number.into(),
        postcode: postcode.into(),
        city: city.into(),
        ..PersonQuery::default()
    }
}

#[test]
fn the_judge_reads_layouts_and_refuses_unfair_leads() {
    let born = NaiveDate::from_ymd_opt(1980, 3, 14);
    let register = vec![
        row(
            ("Thomas", "Berg"),
            "Øvre Rognlia",
            "4",
            "",
            ("0150", "OSLO"),
            born,
        ),
        row(
            ("Kari", "Hansen"),
            "Øvre Rognlia",
            "7",
            "",
            ("0150", "OSLO"),
            None,
        ),
        row(
            ("Kari", "Hansen"),
            "Østre Rognlia",
            "7",
            "",
            ("0150", "OSLO"),
            None,
        ),
        row(
            ("Nils Petter", "Jørgensen"),
            "Blåbergata",
            "3",
            "B",
            ("5020", "BERGEN"),
            None,
        ),
        row(
            ("Hilde", "Ås Mæland"),
            "Hans Raanes vei",
            "12 A",
            "",
            ("9409", "HARSTAD"),
            None,
        ),
    ];
    let j = judge_of(&register);
    // Fair leads are read.
    assert_eq!(
        j.verdict(
            &lead("Tomas", "Berg", "Ø. Rognlia 4", "", "015O", "Oslo"),
            Some(0)
        ),
        Ok(())
    );
    assert_eq!(
        j.verdict(
            &lead(
                "Nils P.",
                "Jorgensen",
                "Blabergata 3 B (H0203)",
                "",
                "N-5020",
                ""
            ),
            Some(3)
        ),
        Ok(())
    );
    assert_eq!(
        j.verdict(
            &lead(
                "Nils Petter",
                "Jørgensen",
                "Blåbergt.\u{a0}3\u{a0}B",
                "",
                "",
                "bergen"
            ),
            Some(3)
        ),
        Ok(())
    );
    assert_eq!(
        j.verdict(
            &lead("Hilde", "Mæland", "H. Raanes vei", "12A", "94O9", "HARSTAD"),
            Some(4)
        ),
        Ok(())
    );
    assert_eq!(
        j.verdict(
            &lead("Ås Mæland", "Hilde", "H Raanes vei  12 A", "", "9409", ""),
            Some(4)
        ),
        Ok(())
    );
    // Unfair labels are refused.
    let copy = PersonQuery::from(&register[0]);
    assert!(
        j.verdict(&copy, None).is_err(),
        "a copy of a row as a look-alike"
    );
    assert!(j.verdict(&copy, Some(1)).is_err(), "a wrong truth");
    assert!(
        j.verdict(
            &lead("Kari", "Hansen", "Ø. Rognlia 7", "", "0150", "OSLO"),
            Some(1)
        )
        .is_err(),
        "Ø. stands for Øvre and Østre"
    );
    assert!(
        j.verdict(
            &lead("Tomas", "Berg", "Øvre Rognlia", "4", "0150", "OSLO"),
            None
        )
        .is_err(),
        "a spelling of a reserved person's name at their house"
    );
    let mut other_day = lead("Thomas", "Berg", "Øvre Rognlia", "4", "0150", "OSLO");
    other_day.birth_date = NaiveDate::from_ymd_opt(1955, 3, 14);
    assert_eq!(j.verdict(&other_day, None), Ok(()), "a senior at the house");
    assert!(
        j.verdict(
            &lead("Kari", "Hansen", "Øvre Rognlia", "7", "0150", "OSLO"),
            Some(2)
        )
        .is_err(),
        "the other prefix"
    );
}

#[test]
fn a_debug_build_generates_quickly() {
    let t = std::time::Instant::now();
    let set = generate(2026, 50_000, 5_000);
    assert_eq!(set.leads.len(), 5_000);
    assert!(set.register.len() >= 50_000);
    eprintln!("50 000 persons, 5 000 leads: {:?}", t.elapsed());
}
