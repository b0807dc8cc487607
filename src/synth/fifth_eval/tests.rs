//! Tests of the fifth set from the outside: determinism, truths, counts per kind, that
//! look-alikes are nobody in the register, that every corrupted lead shows the damage its
//! kind says against its truth's row, that the judge (built afresh) accepts every lead, and
//! that the issue's size generates. None uses the matcher.

use std::collections::{HashMap, HashSet};

use super::corruption as c;
use super::judge::{self, Judge, fold, is_bolignummer, one_edit};
use super::*;

fn fresh_judge(register: &[PersonRecord]) -> Judge {
    let mut rng = ChaCha8Rng::seed_from_u64(0);
    let places = places::Places::new(&mut rng);
    let mut j = Judge::new(register);
    j.know_postcodes(places.towns.iter().flat_map(|t| {
        t.postcodes
            .iter()
            .map(move |p| (p.as_str(), t.name.as_str()))
    }));
    j
}

#[test]
fn deterministic_per_seed() {
    let a = generate(11, 4_000, 800);
    let b = generate(11, 4_000, 800);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let other = generate(12, 4_000, 800);
    assert_ne!(a.leads, other.leads);
}

#[test]
fn truths_in_range_and_used_once() {
    let set = generate(3, 6_000, 1_200);
    assert_eq!(set.register.len(), 6_000);
    let mut seen = HashSet::new();
    for lead in &set.leads {
        if let Some(t) = lead.truth {
            assert!(t < set.register.len());
            assert!(seen.insert(t), "truth {t} used twice");
        }
    }
}

#[test]
fn counts_per_kind_follow_the_shares() {
    let set = generate(5, 20_000, 4_000);
    let mut by_kind: HashMap<&str, usize> = HashMap::new();
    for lead in &set.leads {
        *by_kind.entry(lead.kind).or_default() += 1;
    }
    let want = counts(CORRUPTION_SHARES, 2_000)
        .into_iter()
        .chain(counts(LOOK_ALIKE_SHARES, 2_000));
    for (kind, n) in want {
        let got = by_kind.get(kind).copied().unwrap_or(0);
        assert!(got * 100 >= n * 97 && got <= n, "{kind}: {got} of {n}");
    }
    let corrupted = set.leads.iter().filter(|l| l.truth.is_some()).count();
    assert!(corrupted.abs_diff(2_000) <= 60, "{corrupted}");
    for kind in ISSUE_KINDS.iter().chain(DEBATABLE_KINDS) {
        assert!(CORRUPTION_SHARES.iter().any(|(k, _)| k == kind), "{kind}");
    }
    let issue: u32 = CORRUPTION_SHARES
        .iter()
        .filter(|(k, _)| ISSUE_KINDS.contains(k))
        .map(|(_, s)| s)
        .sum();
    assert_eq!(issue, 625);
    assert_eq!(CORRUPTION_SHARES.iter().map(|(_, s)| s).sum::<u32>(), 1000);
    assert_eq!(LOOK_ALIKE_SHARES.iter().map(|(_, s)| s).sum::<u32>(), 1000);
}

/// Folded first given name and surname of a lead written in its own fields.
fn name_key(given: &str, surname: &str) -> (String, String) {
    (
        fold(given.split([' ', '-']).next().unwrap_or_default()),
        fold(surname.trim()),
    )
}

#[test]
fn look_alikes_are_nobody_in_the_register() {
    let set = generate(8, 20_000, 4_000);
    let j = fresh_judge(&set.register);
    let mut by_birth = HashSet::new();
    let mut by_house = HashSet::new();
    for r in &set.register {
        let (g, s) = name_key(&r.given_names, &r.surname);
        if let Some(b) = r.birth_date {
            by_birth.insert((g.clone(), s.clone(), b));
        }
        let house = j.read(&PersonQuery::from(r));
        by_house.insert((
            g,
            s,
            house.town,
            house.street,
            house.numbers.first().copied(),
            house.letter,
        ));
    }
    let mut checked = 0;
    for lead in set.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &lead.query;
        let (g, s) = name_key(&q.given_names, &q.surname);
        if let Some(b) = q.birth_date {
            assert!(!by_birth.contains(&(g.clone(), s.clone(), b)), "{q:?}");
        }
        let house = j.read(q);
        let key = (
            g,
            s,
            house.town,
            house.street,
            house.numbers.first().copied(),
            house.letter,
        );
        assert!(!by_house.contains(&key) || q.birth_date.is_some(), "{q:?}");
        checked += 1;
    }
    assert!(checked >= 1_900);
}

/// The damage a single kind says a lead has, against its truth's row.
fn shows(kind: &str, q: &PersonQuery, r: &PersonRecord) -> bool {
    let lower = |s: &str| s.to_lowercase();
    match kind {
        c::POSTCODE_SLIP => {
            q.postcode.len() == 4
                && q.postcode.chars().all(|c| c.is_ascii_digit())
                && q.postcode != r.postcode
                && !q.city.trim().is_empty()
        }
        c::POSTCODE_LETTERS => {
            q.postcode.chars().any(|c| "OolIISB".contains(c)) && !q.city.is_empty()
        }
        c::POSTCODE_ABSENT => q.postcode.trim().is_empty() && !q.city.trim().is_empty(),
        c::BOLIGNUMMER => q
            .street
            .split(|c: char| c.is_whitespace() || c == ',')
            .any(is_bolignummer),
        c::STREET_INITIAL => {
            let mut chars = q.street.chars();
            chars.next() == r.street.chars().next()
                && matches!(chars.next(), Some('.' | ' '))
                && r.street.split(' ').count() >= 3
        }
        c::STREET_PREFIX => names::PREFIXES
            .iter()
            .any(|(p, _)| r.street.starts_with(&format!("{p} ")) && !q.street.starts_with(p)),
        c::GIVEN_SPELLING => lower(&q.given_names) != lower(&r.given_names),
        c::OCR => {
            lower(&q.given_names) != lower(&r.given_names)
                || lower(&q.surname) != lower(&r.surname)
                || !lower(&q.street).starts_with(&lower(&r.street))
        }
        c::LOSSY_TWO => {
            [
                (&q.given_names, &r.given_names),
                (&q.surname, &r.surname),
                (&q.street, &r.street),
                (&q.city, &r.city),
            ]
            .iter()
            .filter(|(q, r)| c::has_aeoeaa(r) && !c::has_aeoeaa(q))
            .count()
                == 2
        }
        c::WHITESPACE => [&q.street, &q.surname]
            .iter()
            .any(|f| f.contains('\u{a0}') || f.contains('\t') || f.contains("  ")),
        _ => false,
    }
}

#[test]
fn corrupted_leads_show_their_damage() {
    let set = generate(21, 20_000, 4_000);
    for lead in &set.leads {
        let Some(t) = lead.truth else { continue };
        let (q, r) = (&lead.query, &set.register[t]);
        let single = |k| shows(k, q, r);
        let ok = match lead.kind {
            c::TWO_ISSUE => c::SINGLE_ISSUES.iter().filter(|k| single(k)).count() >= 2,
            c::ISSUE_PLUS_FORMAT => c::SINGLE_ISSUES.iter().any(|k| single(k)),
            c::UNCHANGED => {
                lower_eq(&q.given_names, &r.given_names) && lower_eq(&q.surname, &r.surname)
            }
            c::MAIDEN => [" f. ", " née ", "(født ", ", gift ", "(f. "]
                .iter()
                .any(|m| q.surname.contains(m) || q.given_names.contains(m)),
            c::ONE_FIELD => {
                q.postcode.is_empty() && q.city.is_empty() && q.street.contains(&r.postcode)
            }
            c::SECOND_INITIAL => q
                .given_names
                .split(' ')
                .nth(1)
                .is_some_and(|w| w.trim_end_matches('.').chars().count() == 1),
            c::SHORT_FORM => q
                .given_names
                .split([' ', '-'])
                .next()
                .is_some_and(|w| w.ends_with('.')),
            c::CARE_OF => q.street.to_lowercase().contains("c/o "),
            c::FLOOR => ["etg", "etasje", "leil"]
                .iter()
                .any(|m| q.street.contains(m)),
            c::RANGE => {
                let n: u32 = r.house_number.parse().unwrap_or(0);
                let range = format!("{n}-{}", n + 2);
                q.house_number == range || q.street.contains(&range)
            }
            c::HYPHEN_DROPPED => r.given_names.contains('-') && !q.given_names.contains('-'),
            c::MIDDLE_DROPPED => r.given_names.contains(' ') && !q.given_names.trim().contains(' '),
            c::POSTBOX => {
                ["Postboks ", "Pb. ", "Boks "]
                    .iter()
                    .any(|p| q.street.starts_with(p))
                    && q.birth_date.is_some()
            }
            k => single(k),
        };
        assert!(ok, "{}: {q:?} ← {r:?}", lead.kind);
    }
}

fn lower_eq(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

#[test]
fn the_judge_accepts_every_lead() {
    let set = generate(2, 20_000, 4_000);
    let j = fresh_judge(&set.register);
    for lead in &set.leads {
        if let Err(why) = j.verdict(&lead.query, lead.truth) {
            panic!(
                "{} ({}): {why}: {:?}",
                lead.kind,
                judge::why_fair(lead.kind),
                lead.query
            );
        }
        assert_ne!(judge::why_fair(lead.kind), "unknown kind");
    }
}

#[test]
fn the_judge_reads_layouts_and_refuses_other_people() {
    let row = PersonRecord {
        given_names: "Kari Marie".into(),
        surname: "Hansen".into(),
        street: "Hans Raanes vei".into(),
        house_number: "12".into(),
        house_letter: "B".into(),
        postcode: "0150".into(),
        city: "OSLO".into(),
        birth_date: chrono::NaiveDate::from_ymd_opt(1970, 3, 4),
        national_id: None,
    };
    let j = fresh_judge(std::slice::from_ref(&row));
    let lead = |given: &str, surname: &str, street: &str, postcode: &str, city: &str| PersonQuery {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        postcode: postcode.into(),
        city: city.into(),
        ..PersonQuery::default()
    };
    for q in [
        lead("Kari", "Hansen f. Olsen", "H. Raanes vei 12 B", "0150", ""),
        lead(
            "Hansen, Kari",
            "",
            "c/o Per Lie, Hans Raanes vei 12B, H0203",
            "O15O",
            "Oslo",
        ),
        lead(
            "Kari M.",
            "Hansen",
            "0150 OSLO, Hans Raanes vei 12 B",
            "",
            "",
        ),
        lead("Kari", "Hansen", "Hans Raanes vei\u{a0}12\tB", "", "OSLO"),
    ] {
        assert_eq!(j.verdict(&q, Some(0)), Ok(()), "{q:?}");
    }
    for q in [
        lead("Tone", "Hansen", "Hans Raanes vei 12 B", "0150", "OSLO"),
        lead("Kari", "Hansen", "Hans Raanes vei 12 C", "0150", "OSLO"),
        lead("Kari", "Hansen", "Hans Raanes vei 14 B", "0150", "OSLO"),
    ] {
        assert_eq!(j.verdict(&q, None), Ok(()), "{q:?}");
    }
    assert!(one_edit("tone", "tove") && !one_edit("tone", "anne"));
    assert_eq!(fold("Thomas"), fold("Tomas"));
    assert_eq!(fold("Jørgensen"), fold("Jorgensen"));
    assert_eq!(fold("Hamrner"), fold("Hammer"));
}

/// The issue's size (200 000 persons, 20 000 leads) in an optimised build; a debug build
/// takes about 40 s for it on the shared 2-core host, so there it is a quarter of it.
#[test]
fn the_issue_size_generates() {
    let (persons, leads) = if cfg!(debug_assertions) {
        (50_000, 5_000)
    } else {
        (200_000, 20_000)
    };
    let started = std::time::Instant::now();
    let set = generate(2026, persons, leads);
    let took = started.elapsed();
    println!("fifth set: {persons} persons, {leads} leads in {took:.1?}");
    assert_eq!(set.register.len(), persons);
    assert_eq!(set.leads.len(), leads);
}
