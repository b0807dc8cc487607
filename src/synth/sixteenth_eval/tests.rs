//! Tests of the sixteenth set, from the outside and none with the matcher.

use std::collections::{HashMap, HashSet};

use chrono::Datelike;

use super::corruption::{self, KINDS};
use super::judge::{self, Judge, fold, house, words};
use super::look_alikes;
use super::places::Places;
use super::{Set, generate};
use crate::person::PersonQuery;

fn set() -> Set {
    generate(11, 3_000, 600)
}

#[test]
fn deterministic_per_seed_and_the_seed_matters() {
    let (a, b) = (generate(5, 800, 120), generate(5, 800, 120));
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let c = generate(6, 800, 120);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn every_kind_gets_exactly_its_share() {
    let s = set();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for l in &s.leads {
        *seen.entry(l.kind).or_default() += 1;
    }
    for (kind, count) in super::counts(300, KINDS)
        .into_iter()
        .chain(super::counts(300, look_alikes::KINDS))
    {
        assert_eq!(seen.get(kind).copied().unwrap_or(0), count, "{kind}");
    }
    assert_eq!(super::ISSUE_KINDS.len(), 11);
    assert_eq!(KINDS.iter().map(|k| k.1).sum::<u32>(), 1000);
}

#[test]
fn truths_are_valid_used_once_and_half_the_leads() {
    let s = set();
    let truths: Vec<usize> = s.leads.iter().filter_map(|l| l.truth).collect();
    assert_eq!(truths.len(), 300);
    assert_eq!(s.leads.len(), 600);
    assert!(truths.iter().all(|&t| t < s.register.len()));
    assert_eq!(truths.iter().collect::<HashSet<_>>().len(), truths.len());
}

#[test]
fn a_fresh_judge_finds_every_label_fair() {
    let s = set();
    let places = Places::new(11);
    let j = Judge::new(&s.register, &places);
    for l in &s.leads {
        match l.truth {
            Some(t) => assert!(j.fair_corrupted(&l.query, t), "{l:?}"),
            None => assert!(j.fair_look_alike(&l.query), "{l:?}"),
        }
    }
    // Every register row is found as itself.
    for (i, r) in s.register.iter().enumerate().take(300) {
        assert!(j.candidates(&PersonQuery::from(r), true).contains(&i));
    }
}

#[test]
fn look_alikes_are_nobody_reserved() {
    let s = set();
    let key = |g: &str, sn: &str, n: &str, c: &str| {
        (
            fold(g),
            fold(sn),
            n.trim_start_matches('0').to_string(),
            fold(c),
        )
    };
    let reserved: HashSet<_> = s
        .register
        .iter()
        .map(|r| {
            key(
                words(&r.given_names)[0].as_str(),
                &r.surname,
                &r.house_number,
                &r.city,
            )
        })
        .collect();
    let houses: HashSet<(String, String)> = s
        .register
        .iter()
        .map(|r| (fold(&r.street), r.house_number.clone()))
        .collect();
    for l in s.leads.iter().filter(|l| l.truth.is_none()) {
        let (street, number, _) = house(&l.query);
        let g = words(&l.query.given_names);
        assert!(
            !reserved.contains(&key(&g[0], &l.query.surname, &number, &l.query.city)),
            "{l:?}"
        );
        if l.kind == look_alikes::HOUSEHOLD || l.kind == look_alikes::SAME_HOUSE_OTHER_GIVEN {
            assert!(houses.contains(&(fold(&street.join(" ")), number)), "{l:?}");
        }
    }
}

#[test]
fn each_corruption_does_what_its_name_says() {
    let s = set();
    let places = Places::new(11);
    for l in &s.leads {
        let Some(t) = l.truth else { continue };
        let r = &s.register[t];
        let q = &l.query;
        match l.kind {
            corruption::POSTCODE_OTHER_SAME_TOWN => {
                assert_ne!(q.postcode, r.postcode);
                assert_eq!(fold(&q.city), fold(&r.city));
            }
            corruption::POSTCODE_GLYPHS => {
                assert!(q.postcode.chars().any(|c| c.is_alphabetic()), "{q:?}");
                assert_eq!(q.postcode.len(), 4);
            }
            corruption::POSTCODE_EMPTY => assert!(!places.town_of_code.contains_key(&q.postcode)),
            corruption::BOLIGNUMMER_KIND => {
                assert!(
                    words(&q.street)
                        .iter()
                        .any(|w| w.len() == 5 && w[1..].chars().all(|c| c.is_ascii_digit()))
                )
            }
            corruption::STREET_INITIAL => assert!(
                q.street
                    .split(' ')
                    .next()
                    .is_some_and(|w| w.trim_end_matches('.').chars().count() == 1)
            ),
            corruption::STREET_PREFIX => {
                assert!(q.street.split(' ').next().is_some_and(|w| w.ends_with('.')))
            }
            corruption::GIVEN_VARIANT => {
                assert_ne!(q.given_names.to_lowercase(), r.given_names.to_lowercase());
                assert_eq!(fold(&q.given_names), fold(&r.given_names));
            }
            corruption::OCR => {
                let all = format!("{}{}{}", q.given_names, q.surname, q.street);
                let orig = format!("{}{}{}", r.given_names, r.surname, r.street);
                assert!(
                    all.contains('1') || all.matches("rn").count() != orig.matches("rn").count(),
                    "{q:?}"
                );
            }
            corruption::LOSSY => {
                let all = format!("{}{}{}{}", q.given_names, q.surname, q.street, q.city);
                assert!(!all.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']), "{q:?}");
            }
            corruption::WHITESPACE => assert!(q.street.contains('\u{a0}')),
            corruption::SUFFIX => assert!(
                ["dy", "jr", "sr", "de"]
                    .contains(&fold(words(&q.surname).last().expect("word")).as_str())
            ),
            corruption::ZERO_WIDTH => assert!(
                q.given_names.contains(corruption::PASTED)
                    && q.surname.contains(corruption::PASTED)
            ),
            corruption::CENTURY => {
                let (a, b) = (q.birth_date.expect("shown"), r.birth_date.expect("row"));
                assert_eq!((a.year() - b.year()).abs(), 100);
                assert_eq!((a.month(), a.day()), (b.month(), b.day()));
            }
            corruption::OE_ZERO => {
                let all = format!("{}{}{}{}", q.given_names, q.surname, q.street, q.city);
                assert!(
                    all.contains('0') && !all.contains('Ø') && all == all.to_uppercase(),
                    "{q:?}"
                );
            }
            _ => {}
        }
    }
}

#[test]
fn the_judge_reads_the_issues_examples() {
    assert_eq!(fold("Jorgensen"), fold("Jørgensen"));
    assert_eq!(fold("Blabergata"), fold("Blåbergata"));
    assert_eq!(fold("So1berg"), fold("Solberg"));
    assert_eq!(fold("Kornmo"), fold("Komrno"));
    assert_eq!(fold("Christoffer"), fold("Kristoffer"));
    assert_eq!(fold("Thor"), fold("Tor"));
    assert_ne!(fold("Tone"), fold("Tove"));
    let q = PersonQuery {
        street: "Sagveien 9, H0404".into(),
        ..PersonQuery::default()
    };
    assert_eq!(
        house(&q),
        (vec!["Sagveien".to_string()], "9".to_string(), String::new())
    );
    let w = |s: &str| words(s);
    assert!(judge::street_fits(
        &w("H. Raanes vei"),
        &w("Hans Raanes vei"),
        false
    ));
    assert!(judge::street_fits(
        &w("Ø. Svanegata"),
        &w("Øvre Svanegata"),
        true
    ));
    assert!(judge::street_fits(
        &w("Ndr. Svanegata"),
        &w("Nedre Svanegata"),
        true
    ));
    assert!(!judge::street_fits(&w("Svanegata"), &w("Ørnegata"), false));
    let places = Places::new(1);
    let reg = vec![crate::person::PersonRecord {
        given_names: "Åse".into(),
        surname: "Berg".into(),
        street: "Lerkeveien".into(),
        house_number: "3".into(),
        postcode: "9409".into(),
        city: places.towns[places.town_of_code["9409"]].clone(),
        ..Default::default()
    }];
    let j = Judge::new(&reg, &places);
    let lead = PersonQuery {
        given_names: "Ase".into(),
        surname: "BERG".into(),
        street: "Lerkeveien 3".into(),
        postcode: "94O9".into(),
        ..Default::default()
    };
    assert_eq!(j.candidates(&lead, true), vec![0]);
    let other = PersonQuery {
        surname: "Berge".into(),
        ..lead
    };
    assert!(j.candidates(&other, true).is_empty());
}

#[test]
fn damage_helpers_do_what_they_say() {
    use rand::SeedableRng;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
    assert_eq!(corruption::lossy("Blåfjell Sæbø", false), "Blafjell Sebo");
    assert_eq!(corruption::lossy("Blåfjell Sæbø", true), "Blaafjell Saeboe");
    for _ in 0..50 {
        let g = corruption::glyph_postcode(&mut rng, "9409").expect("has glyph digits");
        assert_ne!(g, "9409");
        assert_eq!(g.chars().count(), 4);
        let p = corruption::paste_invisible(&mut rng, "Hågensen");
        assert_ne!(p, "Hågensen");
        assert_eq!(
            p.chars()
                .filter(|c| !judge::INVISIBLE.contains(c))
                .collect::<String>(),
            "Hågensen"
        );
    }
}
