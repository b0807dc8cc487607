//! Tests of the twelfth set from the outside (none uses the matcher).

use std::collections::HashSet;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::judge::{Judge, fold, read_house, read_towns, street_key, streets_match};
use super::places::Places;
use super::*;

fn small() -> Set {
    generate(7, 4_000, 1_200)
}

fn places() -> Places {
    Places::new(&mut ChaCha8Rng::seed_from_u64(1))
}

#[test]
fn deterministic_per_seed() {
    let a = generate(3, 1_500, 300);
    let b = generate(3, 1_500, 300);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let c = generate(4, 1_500, 300);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn shares_add_up_and_every_kind_says_why_it_is_fair() {
    let sum: u32 = corruption::KINDS.iter().map(|k| k.1).sum();
    assert_eq!(sum, 1000);
    let sum: u32 = look_alikes::KINDS.iter().map(|k| k.1).sum();
    assert_eq!(sum, 1000);
    let issue: u32 = corruption::KINDS
        .iter()
        .filter(|k| ISSUE_KINDS.contains(&k.0))
        .map(|k| k.1)
        .sum();
    assert_eq!(issue, 640);
    let mut seen = HashSet::new();
    for (k, _, why) in corruption::KINDS.iter().chain(look_alikes::KINDS) {
        assert!(seen.insert(*k), "{k} twice");
        assert!(!why.is_empty());
    }
    assert_eq!(ISSUE_KINDS.len(), 11);
}

#[test]
fn every_kind_has_exactly_its_count() {
    let set = small();
    assert_eq!(set.leads.len(), 1_200);
    for (kinds, total) in [(corruption::KINDS, 600), (look_alikes::KINDS, 600)] {
        for (kind, n) in counts(kinds, total) {
            let got = set.leads.iter().filter(|l| l.kind == kind).count();
            assert_eq!(got, n, "{kind}");
            assert!(n > 0, "{kind}");
        }
    }
}

#[test]
fn truths_are_the_right_reserved_persons_used_once() {
    let set = small();
    let mut used = HashSet::new();
    for l in &set.leads {
        let corrupted = corruption::KINDS.iter().any(|k| k.0 == l.kind);
        assert_eq!(l.truth.is_some(), corrupted, "{}", l.kind);
        assert!(l.query.national_id.is_none());
        if let Some(t) = l.truth {
            assert!(used.insert(t), "row {t} used twice");
            let row = &set.register[t];
            let lead = fold(&l.query.surname);
            let sur = fold(&row.surname);
            assert!(
                lead.contains(&sur) || l.kind == corruption::OCR || l.kind == corruption::TWO,
                "{l:?} / {row:?}"
            );
            if l.kind != corruption::DATE_SWAPPED
                && let (Some(a), Some(b)) = (l.query.birth_date, row.birth_date)
            {
                assert_eq!(a, b);
            }
        }
    }
}

#[test]
fn look_alikes_are_nobody_in_the_register() {
    let set = small();
    let rows: HashSet<(String, String, String, String)> = set
        .register
        .iter()
        .map(|r| {
            (
                r.given_names.clone(),
                r.surname.clone(),
                r.street.clone(),
                r.postcode.clone(),
            )
        })
        .collect();
    for l in set.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &l.query;
        let key = (
            q.given_names.clone(),
            q.surname.clone(),
            q.street.clone(),
            q.postcode.clone(),
        );
        assert!(!rows.contains(&key), "{l:?}");
        for r in &set.register {
            if r.given_names == q.given_names && r.surname == q.surname {
                assert!(
                    r.birth_date.is_none()
                        || q.birth_date.is_none()
                        || r.birth_date != q.birth_date,
                    "{l:?}"
                );
            }
        }
    }
}

#[test]
fn a_fresh_judge_finds_every_label_fair() {
    let set = small();
    let places = places();
    let judge = Judge::new(&places, &set.register);
    for l in &set.leads {
        match l.truth {
            Some(t) => assert!(judge.fair_corrupted(&l.query, t), "{l:?}"),
            None => assert!(judge.fair_look_alike(&l.query), "{l:?}"),
        }
    }
}

#[test]
fn corruptions_change_the_lead_as_their_kind_says() {
    let set = small();
    for l in set.leads.iter().filter(|l| l.truth.is_some()) {
        let row = &set.register[l.truth.unwrap_or_default()];
        let q = &l.query;
        let street = &q.street;
        let ok = match l.kind {
            corruption::POSTCODE_TYPO
            | corruption::POSTCODE_GLYPHS
            | corruption::POSTCODE_MISSING => q.postcode != row.postcode,
            corruption::BOLIGNUMMER => street
                .split([' ', ',', '(', ')'])
                .any(|t| t.chars().count() == 5 && t.chars().skip(1).all(|c| c.is_ascii_digit())),
            corruption::STREET_INITIAL | corruption::STREET_PREFIX => {
                !street.starts_with(row.street.split(' ').next().unwrap_or_default())
            }
            corruption::SPELLING => q.given_names.to_lowercase() != row.given_names.to_lowercase(),
            corruption::HYPHEN => q.given_names != row.given_names,
            corruption::OCR => {
                let all = format!("{} {} {street}", q.given_names, q.surname).to_lowercase();
                let orig =
                    format!("{} {} {}", row.given_names, row.surname, row.street).to_lowercase();
                !all.starts_with(&orig) && all.len() != orig.len() || all.contains('1')
            }
            corruption::TRANSLIT => {
                let f = |s: &str| s.chars().filter(|c| "æøåÆØÅ".contains(*c)).count();
                f(&q.given_names) + f(&q.surname) + f(street) + f(&q.city)
                    < f(&row.given_names) + f(&row.surname) + f(&row.street) + f(&row.city)
            }
            corruption::WHITESPACE => street.contains('\u{a0}') || street.contains("  "),
            corruption::TWO => q.postcode != row.postcode,
            corruption::CARE_OF => street.to_lowercase().contains("c/o"),
            corruption::FLAT_WORDS => ["leil", "etg", "etasje", "sokkel", "inngang"]
                .iter()
                .any(|w| street.contains(w)),
            corruption::CRM_NOTES => {
                street.contains('(')
                    || street.contains("//")
                    || q.surname.contains(['*', '['])
                    || q.given_names.contains('(')
            }
            corruption::DATE_SWAPPED => q.birth_date.is_some() && q.birth_date != row.birth_date,
            _ => true,
        };
        assert!(ok, "{l:?} / {row:?}");
    }
}

#[test]
fn the_judge_reads_layouts_and_folds() {
    let p = places();
    let h = |s: &str, n: &str, l: &str| read_house(s, n, l);
    let want = h("Kobberlia", "4", "B");
    for (s, n, l) in [
        ("Kobberlia 4 B", "", ""),
        ("Kobberlia 4B, H0302", "", ""),
        ("c/o Kari Berg, Kobberlia\u{a0}4\u{a0}B", "", ""),
        ("Kobberlia 4 B c/o Berg", "", ""),
        ("Kobberlia (ring etter kl. 16)", "4", "B"),
        ("Kobberlia  4  B, leil. 302", "", ""),
        ("H0101 Kobberlia 4b", "", ""),
    ] {
        assert_eq!(h(s, n, l), want, "{s}");
    }
    let k = |s: &str| street_key(&s.split(' ').collect::<Vec<_>>());
    assert!(streets_match(&k("Ø. Kobberlia"), &k("Øvre Kobberlia")));
    assert!(streets_match(&k("Ø.Kobberlia"), &k("Østre Kobberlia")));
    assert!(!streets_match(&k("Nedre Kobberlia"), &k("Øvre Kobberlia")));
    assert!(streets_match(&k("H. Raanes vei"), &k("Hans Raanes vei")));
    assert!(streets_match(&k("Blabaerveien"), &k("Blåbærvegen")));
    assert_eq!(fold("So1berg"), fold("Solberg"));
    assert_eq!(fold("Bjøm"), fold("Bjørn"));
    assert_eq!(
        judge::name_key("Christoffer"),
        judge::name_key("Kristoffer")
    );
    assert_eq!(judge::name_key("John"), judge::name_key("Jon"));
    let bergen = read_towns(&p, "5020", "");
    assert_eq!(read_towns(&p, "5O2O", ""), bergen);
    assert_eq!(read_towns(&p, "", "bergen"), bergen);
    assert!(read_towns(&p, "mangler", "").is_empty());
}

#[test]
fn the_judge_refuses_unfair_leads() {
    let set = small();
    let places = places();
    let judge = Judge::new(&places, &set.register);
    let mut seen = 0;
    for (i, r) in set.register.iter().enumerate().take(300) {
        let q = PersonQuery::from(r);
        // A copy of a reserved person is never a fair look-alike, nor another person's truth.
        assert!(!judge.fair_look_alike(&q), "{r:?}");
        assert!(!judge.fair_corrupted(&q, (i + 1) % set.register.len()));
        if judge.fair_corrupted(&q, i) {
            seen += 1;
        }
    }
    assert!(seen > 250, "{seen}");
}

#[test]
fn a_debug_build_generates_quickly() {
    let t = std::time::Instant::now();
    let set = generate(11, 20_000, 2_000);
    assert_eq!(set.leads.len(), 2_000);
    assert!(set.register.len() >= 20_000);
    assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
}
