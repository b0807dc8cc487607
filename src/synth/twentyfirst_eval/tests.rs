//! Tests of the twenty-first set, from the outside; none uses the matcher.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::judge::{Judge, fold, name_words, read_house, read_towns};
use super::leads::{self, CORRUPTED, LOOK_ALIKES, counts};
use super::world::geo;
use super::*;

const PERSONS: usize = 3_000;
const LEADS: usize = 1_000;

fn set() -> &'static Set {
    static SET: OnceLock<Set> = OnceLock::new();
    SET.get_or_init(|| generate(7, PERSONS, LEADS))
}

fn record(given: &str, surname: &str, street: &str, number: &str, code: &str) -> PersonRecord {
    PersonRecord {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        house_number: number.into(),
        postcode: code.into(),
        city: geo().code_town[code].into(),
        ..PersonRecord::default()
    }
}

fn lead(given: &str, surname: &str, street: &str, code: &str, town: &str) -> PersonQuery {
    PersonQuery {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        postcode: code.into(),
        city: town.into(),
        ..PersonQuery::default()
    }
}

#[test]
fn deterministic_per_seed_and_the_seed_matters() {
    let a = generate(3, 400, 120);
    let b = generate(3, 400, 120);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let c = generate(4, 400, 120);
    assert_ne!(a.register, c.register);
}

#[test]
fn every_kind_gets_exactly_its_share() {
    let s = set();
    assert_eq!(CORRUPTED.iter().map(|k| k.1).sum::<u32>(), 1000);
    assert_eq!(LOOK_ALIKES.iter().map(|k| k.1).sum::<u32>(), 1000);
    assert_eq!(
        ISSUE_KINDS.len() + OWN_KINDS.len() + 1,
        CORRUPTED.len(),
        "issue, own and the control"
    );
    let mut got: HashMap<&str, usize> = HashMap::new();
    for l in &s.leads {
        *got.entry(l.kind).or_default() += 1;
    }
    for (kind, n) in counts(CORRUPTED, LEADS / 2)
        .into_iter()
        .chain(counts(LOOK_ALIKES, LEADS - LEADS / 2))
    {
        assert!(n > 0, "{kind}");
        assert_eq!(got.get(kind).copied().unwrap_or(0), n, "{kind}");
    }
    assert_eq!(s.leads.len(), LEADS);
}

#[test]
fn truths_are_valid_used_once_and_half_the_leads() {
    let s = set();
    assert_eq!(s.register.len(), PERSONS);
    let mut seen = HashSet::new();
    let mut corrupted = 0;
    for l in &s.leads {
        if let Some(t) = l.truth {
            assert!(t < s.register.len());
            assert!(seen.insert(t), "truth {t} used twice");
            assert!(!LOOK_ALIKE_KINDS.contains(&l.kind));
            corrupted += 1;
        } else {
            assert!(LOOK_ALIKE_KINDS.contains(&l.kind), "{}", l.kind);
        }
    }
    assert_eq!(corrupted, LEADS / 2);
}

#[test]
fn a_fresh_judge_finds_every_label_fair_and_rows_are_themselves() {
    let s = set();
    let judge = Judge::new(&s.register);
    for l in &s.leads {
        match l.truth {
            Some(t) => assert!(judge.fair_corrupted(&l.query, t), "{l:?}"),
            None => assert!(judge.fair_look_alike(&l.query), "{l:?}"),
        }
    }
    for (i, r) in s.register.iter().enumerate().step_by(7) {
        assert_eq!(judge.candidates(&PersonQuery::from(r)), vec![i], "{r:?}");
    }
}

#[test]
fn look_alikes_are_really_not_in_the_register() {
    let s = set();
    let key = |g: &str, sn: &str, st: &str, n: &str, l: &str, t: &str| {
        (
            name_words(g).first().cloned().unwrap_or_default(),
            name_words(sn).concat(),
            fold(st),
            n.to_owned(),
            l.to_lowercase(),
            fold(t),
        )
    };
    let rows: HashSet<_> = s
        .register
        .iter()
        .map(|r| {
            key(
                &r.given_names,
                &r.surname,
                &r.street,
                &r.house_number,
                &r.house_letter,
                &r.city,
            )
        })
        .collect();
    for l in s.leads.iter().filter(|l| l.truth.is_none()) {
        let h = read_house(&l.query);
        let k = (
            name_words(&l.query.given_names)
                .first()
                .cloned()
                .unwrap_or_default(),
            name_words(&l.query.surname).concat(),
            h.street.concat(),
            h.number.clone(),
            h.letter.clone(),
            fold(&l.query.city),
        );
        assert!(!rows.contains(&k), "{l:?}");
    }
}

#[test]
fn corruptions_change_the_lead_as_their_names_say() {
    let s = set();
    for l in s.leads.iter().filter(|l| l.truth.is_some()) {
        let r = &s.register[l.truth.expect("truth")];
        let q = &l.query;
        match l.kind {
            leads::POSTCODE_AUTOFILLED => {
                assert_eq!(q.postcode, geo().town_codes[r.city.as_str()][0]);
                assert_ne!(q.postcode, r.postcode);
            }
            leads::POSTCODE_HANDWRITTEN => {
                let diff = q
                    .postcode
                    .chars()
                    .zip(r.postcode.chars())
                    .filter(|(a, b)| a != b);
                assert_eq!(diff.count(), 1, "{q:?}");
                assert!(!q.city.is_empty());
            }
            leads::POSTCODE_PLACEHOLDER => {
                assert!(!geo().code_town.contains_key(q.postcode.as_str()));
                assert!(!q.city.is_empty());
            }
            leads::BOLIGNUMMER_BRACKETED => assert!(q.street.contains(['(', '['])),
            leads::PERSON_STREET_INITIALS => {
                assert!(q.street.split(' ').next().expect("word").ends_with('.'));
            }
            leads::OPPGANG => {
                assert!(q.street.contains("opp") || q.street.contains("inng."));
                assert!(q.house_letter.is_empty());
            }
            leads::COMPOUND_HYPHEN => assert!(q.street.contains('-')),
            leads::CUSTOMER_NUMBER => assert!(q.surname.chars().any(|c| c.is_ascii_digit())),
            leads::WORD_PROCESSOR_SPACES => assert!(q.given_names.contains('\u{2003}')),
            leads::GNR_BNR => assert!(q.street.contains("nr")),
            leads::AEOEAA_ASCII_CAPITALS => {
                let lost = [
                    (&q.given_names, &r.given_names),
                    (&q.surname, &r.surname),
                    (&q.city, &r.city),
                ]
                .iter()
                .filter(|(a, b)| {
                    b.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å'])
                        && !a.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å'])
                })
                .count();
                assert!(lost >= 1, "{q:?}");
            }
            leads::UNCHANGED => assert_eq!(fold(&q.surname), fold(&r.surname)),
            _ => {}
        }
    }
}

#[test]
fn the_judge_drops_what_a_human_could_not_tell_apart() {
    let register = vec![
        record("Thomas", "Berg", "Garnveien", "5", "9008"),
        record("Tomas", "Berg", "Garnveien", "5", "9008"),
        record("Tor", "Moe", "Øvre Notbakken", "12", "9008"),
    ];
    let judge = Judge::new(&register);
    // Thomas respelled is as like Tomas at the same house: refused.
    let q = lead("Tomas", "Berg", "Garnveien 5", "9008", "Tromsø");
    assert!(!judge.fair_corrupted(&q, 0));
    // A short form without a dot reads as the prefix; `Tom` is not `Tor`.
    let q = lead("Tor", "Moe", "Ø Notbakken 12", "", "tromsø");
    assert!(judge.fair_corrupted(&q, 2));
    assert!(judge.fair_look_alike(&lead("Tom", "Moe", "Øvre Notbakken 12", "9008", "")));
    // A neighbour two doors down is nobody reserved.
    assert!(judge.fair_look_alike(&lead("Tor", "Moe", "Øvre Notbakken 14", "9008", "")));
}

#[test]
fn the_judge_reads_the_kinds_examples() {
    let register = vec![
        record("Kari", "Sæther", "Hans Christian Ørsteds vei", "12", "5003"),
        record("Ola", "Kornberg", "Garnveien", "3", "5003"),
    ];
    let judge = Judge::new(&register);
    for (g, s, street, code, town) in [
        (
            "Kari",
            "Sæther",
            "H. C. Ørsteds vei 12 (leil. H0201)",
            "0000",
            "Bergen",
        ),
        (
            "KARI",
            "SAETHER",
            "H.Chr. Ørsteds vei 12, gnr. 4 bnr. 3",
            "5003",
            "BERGEN",
        ),
        (
            "Kari\u{2003}",
            "\u{2002}Sæther (kundenr. 104233)",
            "Hans Christian Ørsteds vei\u{2003}12",
            "\u{2002}5003",
            "Bergen\u{2003}",
        ),
    ] {
        assert!(
            judge.fair_corrupted(&lead(g, s, street, code, town), 0),
            "{street}"
        );
    }
    for (street, code) in [
        ("Gamveien 3", "5008"),
        ("Garn-Veien 3 oppg. A", "ukjent"),
        ("Garnveien 3", "5OO3"),
    ] {
        let q = lead("Ola", "Komberg", street, code, "Bergen");
        assert!(judge.fair_corrupted(&q, 1), "{street}");
    }
    assert_eq!(
        read_towns(&lead("", "", "", "5OO3", "")),
        vec!["bergen".to_owned()]
    );
}

#[test]
fn a_tiny_register_gives_fewer_leads_but_no_repeated_truth() {
    let s = generate(11, 30, 400);
    assert!(s.leads.len() < 400);
    let mut seen = HashSet::new();
    for t in s.leads.iter().filter_map(|l| l.truth) {
        assert!(seen.insert(t));
    }
    let s = generate(11, 0, 10);
    assert!(s.leads.is_empty());
}
