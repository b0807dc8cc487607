//! Checks of the fourth set from the outside, without the matcher: determinism, label honesty,
//! kind counts, and that every corruption did what its kind says.

use std::collections::{HashMap, HashSet};

use super::corruption as c;
use super::judge::fold;
use super::*;

fn small(seed: u64) -> Set {
    generate(seed, 3_000, 1_000)
}

/// Lower case, letters and digits only: what is left of a field when layout is ignored.
fn plain(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn all_text(q: &PersonQuery) -> String {
    format!(
        "{} {} {} {} {} {} {}",
        q.given_names, q.surname, q.street, q.house_number, q.house_letter, q.postcode, q.city
    )
}

fn address_key(q: &PersonQuery) -> String {
    format!(
        "{}|{}|{}{}{}|{}",
        plain(&q.given_names),
        plain(&q.surname),
        plain(&q.street),
        plain(&q.house_number),
        plain(&q.house_letter),
        plain(&q.city)
    )
}

#[test]
fn same_seed_same_set_other_seed_other_set() {
    let a = small(11);
    let b = small(11);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let c = small(12);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn truths_in_range_used_once_and_half_are_look_alikes() {
    let set = small(5);
    assert!(set.register.len() >= 3_000);
    assert_eq!(set.leads.len(), 1_000, "every lead found a fair person");
    let mut seen = HashSet::new();
    for l in &set.leads {
        if let Some(t) = l.truth {
            assert!(t < set.register.len());
            assert!(seen.insert(t), "truth {t} used twice");
        }
    }
    let looks = set.leads.iter().filter(|l| l.truth.is_none()).count();
    assert_eq!(looks, 500);
    for l in &set.leads {
        let corrupted = CORRUPTION_SHARES.iter().any(|(k, _)| *k == l.kind);
        let look = LOOK_ALIKE_SHARES.iter().any(|(k, _)| *k == l.kind);
        assert!(corrupted != look, "{}", l.kind);
        assert_eq!(corrupted, l.truth.is_some(), "{}", l.kind);
    }
}

#[test]
fn kind_counts_follow_the_shares() {
    let set = small(7);
    let mut got: HashMap<&str, usize> = HashMap::new();
    for l in &set.leads {
        *got.entry(l.kind).or_default() += 1;
    }
    for (k, n) in counts(CORRUPTION_SHARES, 500)
        .into_iter()
        .chain(counts(LOOK_ALIKE_SHARES, 500))
    {
        assert_eq!(got.get(k).copied().unwrap_or(0), n, "{k}");
    }
    for k in ISSUE_KINDS {
        assert!(CORRUPTION_SHARES.iter().any(|(c, _)| c == k));
    }
    for k in DEBATABLE_KINDS {
        assert!(!ISSUE_KINDS.contains(k));
    }
    let c = counts(CORRUPTION_SHARES, 10_000);
    assert_eq!(c.iter().map(|x| x.1).sum::<usize>(), 10_000);
}

#[test]
fn look_alikes_are_nobody_in_the_register() {
    let set = generate(21, 4_000, 2_000);
    let mut houses: HashMap<String, Vec<Option<chrono::NaiveDate>>> = HashMap::new();
    let mut born = HashSet::new();
    for r in &set.register {
        houses
            .entry(address_key(&PersonQuery::from(r)))
            .or_default()
            .push(r.birth_date);
        if let Some(d) = r.birth_date {
            born.insert((fold(&r.given_names), fold(&r.surname), d));
        }
    }
    for l in set.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &l.query;
        // Number and letter may be in the street field; the key joins them all.
        let key = address_key(q);
        // The same name at the same house only with a birth date that tells them apart.
        if let Some(dobs) = houses.get(&key) {
            assert!(
                q.birth_date.is_some() && dobs.iter().all(|d| d.is_some() && *d != q.birth_date),
                "{}: {q:?}",
                l.kind
            );
        }
        if let Some(d) = q.birth_date {
            assert!(
                !born.contains(&(fold(&q.given_names), fold(&q.surname), d)),
                "{}: {q:?}",
                l.kind
            );
        }
    }
}

#[test]
fn every_kind_present_at_20_000_leads() {
    let set = generate(2026, 30_000, 20_000);
    assert_eq!(set.leads.len(), 20_000);
    let kinds: HashSet<&str> = set.leads.iter().map(|l| l.kind).collect();
    for (k, _) in CORRUPTION_SHARES.iter().chain(LOOK_ALIKE_SHARES) {
        assert!(kinds.contains(k), "{k} missing");
    }
}

fn has_nordic(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// Whether the lead shows the damage its kind says, against the truth's register row.
fn damaged_as_said(kind: &str, q: &PersonQuery, r: &PersonRecord) -> bool {
    let digits = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    let flat = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric()).any(|w| {
            w.len() == 5
                && w.chars().next().is_some_and(|c| "HUKhuk".contains(c))
                && w.bytes().skip(1).all(|b| b.is_ascii_digit())
        })
    };
    match kind {
        c::POSTCODE_KEYPAD_SLIP => {
            digits(&q.postcode) && q.postcode != r.postcode && !q.city.is_empty()
        }
        c::POSTCODE_MISREAD => {
            q.postcode.len() == 4 && q.postcode.chars().any(|c| !c.is_ascii_digit())
        }
        c::POSTCODE_ABSENT => {
            ["", "0000", "-"].contains(&q.postcode.as_str()) && !q.city.is_empty()
        }
        c::BOLIGNUMMER => flat(&q.street) || flat(&q.house_number),
        c::STREET_INITIAL => {
            let first = q.street.split(['.', ' ']).next().unwrap_or("");
            let given = r.street.split(' ').next().unwrap_or("").to_lowercase();
            first.chars().count() == 1 && !q.street.to_lowercase().contains(&given)
        }
        c::STREET_PREFIX => {
            let p = r.street.split(' ').next().unwrap_or("");
            !q.street
                .to_lowercase()
                .starts_with(&format!("{} ", p.to_lowercase()))
        }
        c::GIVEN_SPELLING => {
            plain(&q.given_names) != plain(&r.given_names)
                && q.surname.to_lowercase() == r.surname.to_lowercase()
        }
        c::OCR => {
            let t = all_text(q);
            t.contains('1') && !r.street.contains('1')
                || plain(&q.given_names) != plain(&r.given_names)
                || plain(&q.surname) != plain(&r.surname)
                || !plain(&q.street).starts_with(&plain(&r.street))
        }
        c::LOSSY_TWO => {
            let lost = [
                (&q.given_names, &r.given_names),
                (&q.surname, &r.surname),
                (&q.street, &r.street),
                (&q.city, &r.city),
            ]
            .iter()
            .filter(|(a, b)| has_nordic(b) && !has_nordic(a))
            .count();
            lost >= 2
        }
        c::WHITESPACE => q.street.contains('\u{a0}') || q.street.contains("  "),
        c::UNCHANGED => {
            plain(&q.given_names) == plain(&r.given_names) && plain(&q.surname) == plain(&r.surname)
        }
        c::TITLE => q.given_names.split(' ').count() > r.given_names.split(' ').count(),
        c::SURNAME_FIRST => {
            q.surname.is_empty() && q.given_names.starts_with(&r.surname.to_uppercase())
        }
        c::NEE => q.surname.contains("f.") || q.surname.contains("født"),
        c::COUNTRY_PREFIX => q.postcode.starts_with('N') && q.postcode.ends_with(&r.postcode),
        c::ONE_LINE => q.postcode.is_empty() && q.street.contains(&r.postcode),
        c::NR => all_text(q).to_lowercase().contains("nr"),
        c::POSTBOX => {
            q.street.starts_with("Postboks")
                || q.street.starts_with("Pb.")
                || q.street.starts_with("Boks")
        }
        c::GIVEN_ABBREV => q.given_names.contains('.'),
        c::TWO_ISSUE | c::ISSUE_PLUS_FORMAT => {
            let kinds = ISSUE_KINDS.iter().filter(|k| **k != c::TWO_ISSUE);
            let n = kinds.filter(|k| damaged_as_said(k, q, r)).count();
            n >= 1
        }
        _ => false,
    }
}

#[test]
fn corruptions_do_what_their_kind_says() {
    let set = generate(3, 5_000, 3_000);
    let mut bad = Vec::new();
    for l in &set.leads {
        let Some(t) = l.truth else { continue };
        let r = &set.register[t];
        if !damaged_as_said(l.kind, &l.query, r) {
            bad.push(format!("{}: {:?} <- {r:?}", l.kind, l.query));
        }
        if l.kind != c::UNCHANGED {
            assert_ne!(l.query, PersonQuery::from(r), "{}", l.kind);
        }
    }
    assert!(
        bad.is_empty(),
        "{} leads not as their kind says:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn birth_dates_in_leads_are_the_truths() {
    let set = generate(8, 3_000, 1_000);
    // A corrupted lead's birth date is its person's; the register shows it for most rows.
    let mut agree = 0;
    let mut shown = 0;
    for l in &set.leads {
        let (Some(t), Some(d)) = (l.truth, l.query.birth_date) else {
            continue;
        };
        if let Some(rd) = set.register[t].birth_date {
            shown += 1;
            agree += usize::from(rd == d);
        }
    }
    assert!(shown > 50);
    assert_eq!(agree, shown);
}

/// At the issue's scale every lead asked for is generated (no kind runs out of fair leads);
/// prints the time (`--nocapture`; a debug build is several times slower than the release
/// build `vask person-eval` runs in).
#[test]
fn generation_time_at_the_issues_scale() {
    let start = std::time::Instant::now();
    let set = generate(2026, 200_000, 20_000);
    let took = start.elapsed();
    println!(
        "generate(2026, 200 000, 20 000): {} register rows, {} leads in {took:.2?}",
        set.register.len(),
        set.leads.len()
    );
    assert_eq!(set.leads.len(), 20_000);
}

#[test]
fn compound_street_names_never_triple_a_letter() {
    assert_eq!(super::places::compound("Fabrikk", "kroken"), "Fabrikkroken");
    assert_eq!(super::places::compound("Sag", "veien"), "Sagveien");
    assert_eq!(super::places::compound("Bekke", "bakken"), "Bekkebakken");
    assert_eq!(super::places::compound("Blåbær", "gata"), "Blåbærgata");
}

/// Reads the house of a lead written in one of the plain layouts: the town from the town
/// field, the street by its full name in that town, number and letter from the number field or
/// after the street. `None` for anything else (damaged streets, flats, post boxes).
fn read_house(w: &World, q: &PersonQuery) -> Option<super::judge::House> {
    let town_name = q.city.to_uppercase();
    let town = w.places.towns.iter().position(|t| t.name == town_name)?;
    let split = |s: &str| -> Option<(u32, String)> {
        let s = s.trim();
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        let rest = s[digits.len()..].trim();
        let number = digits.parse().ok()?;
        (rest.chars().count() <= 1 && rest.chars().all(|c| c.is_ascii_alphabetic()))
            .then(|| (number, rest.to_uppercase()))
    };
    let (street, number, letter) = if q.house_number.is_empty() {
        let words: Vec<&str> = q.street.split(' ').collect();
        let n = words.len();
        if n >= 3
            && let Some((num, l)) = split(&format!("{}{}", words[n - 2], words[n - 1]))
            && !l.is_empty()
            && words[n - 2].chars().all(|c| c.is_ascii_digit())
        {
            (words[..n - 2].join(" "), num, l)
        } else {
            let (num, l) = split(words.last()?)?;
            (words[..n - 1].join(" "), num, l)
        }
    } else {
        let (num, l) = split(&q.house_number)?;
        let l = if q.house_letter.is_empty() {
            l
        } else {
            q.house_letter.to_uppercase()
        };
        (q.street.clone(), num, l)
    };
    let s = w.places.towns[town]
        .streets
        .iter()
        .position(|s| s.full == street || s.full.to_uppercase() == street)?;
    Some(super::population::house_of(
        &w.places, town, s, number, &letter,
    ))
}

#[test]
fn the_judge_read_again_finds_every_label_honest() {
    let (seed, persons) = (31, 4_000);
    let set = generate(seed, persons, 2_000);
    let world = World::build(&mut rng_of(seed), persons);
    assert_eq!(
        world.pop.register, set.register,
        "the same world as the set's"
    );
    let (mut looks, mut corrupted) = (0, 0);
    for l in &set.leads {
        let q = &l.query;
        let Some(house) = read_house(&world, q) else {
            continue;
        };
        let reading = Reading {
            given: name_words(&q.given_names),
            surname: name_words(&q.surname),
            town: house.town,
            house: Some(house),
            dob: q.birth_date,
        };
        match l.truth {
            None => {
                looks += 1;
                assert!(world.judge.fair_look_alike(&reading), "{}: {q:?}", l.kind);
            }
            Some(t) if !c::is_name_layout(l.kind) && l.kind != c::ISSUE_PLUS_FORMAT => {
                corrupted += 1;
                assert!(world.judge.fair_corrupted(&reading, t), "{}: {q:?}", l.kind);
            }
            Some(_) => {}
        }
    }
    // Most leads are in a plain layout the test reads.
    assert!(looks > 500, "{looks} look-alikes read");
    assert!(corrupted > 300, "{corrupted} corrupted leads read");
}
