//! Tests of the thirteenth set, none with the matcher.

use std::collections::{HashMap, HashSet};

use super::judge::{Judge, fold, house, read_postcode};
use super::*;

fn small() -> Built {
    build(7, 6_000, 1_600)
}

#[test]
fn deterministic_per_seed() {
    let a = generate(3, 1_500, 300);
    let b = generate(3, 1_500, 300);
    assert_eq!(a.leads, b.leads);
    assert_eq!(a.register, b.register);
    let c = generate(4, 1_500, 300);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn shares_and_every_kind_generated() {
    let kinds = |k: &[(&str, u32, &str)]| k.iter().map(|x| x.1).sum::<u32>();
    assert_eq!(kinds(corruption::KINDS), 1000);
    assert_eq!(kinds(look_alikes::KINDS), 1000);
    let b = small();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for l in &b.set.leads {
        *seen.entry(l.kind).or_default() += 1;
    }
    for (k, _, why) in corruption::KINDS.iter().chain(look_alikes::KINDS) {
        assert!(!why.is_empty());
        assert!(
            seen.get(k).copied().unwrap_or(0) > 0,
            "kind {k} not generated"
        );
    }
    for k in ISSUE_KINDS {
        assert!(corruption::KINDS.iter().any(|x| x.0 == *k));
    }
    assert_eq!(b.set.leads.len(), 1_600);
}

#[test]
fn truths_point_at_the_right_persons_once() {
    let b = small();
    let mut used = HashSet::new();
    for l in &b.set.leads {
        if let Some(t) = l.truth {
            assert!(used.insert(t), "truth {t} used twice");
            let r = &b.set.register[t];
            let surname = fold(&r.surname);
            let lead = fold(&l.query.surname);
            assert!(
                super::judge::names_could_be(&surname, &lead),
                "{:?} vs {:?}",
                l.query,
                r
            );
        }
    }
}

#[test]
fn look_alikes_are_not_in_the_register() {
    let b = small();
    let rows: HashSet<(String, String, String, String)> = b
        .set
        .register
        .iter()
        .map(|r| {
            (
                fold(&r.given_names),
                fold(&r.surname),
                fold(&r.street),
                r.house_number.clone(),
            )
        })
        .collect();
    for l in b.set.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &l.query;
        let key = (
            fold(&q.given_names),
            fold(&q.surname),
            fold(&q.street),
            q.house_number.clone(),
        );
        assert!(!rows.contains(&key), "{l:?}");
    }
}

#[test]
fn a_fresh_judge_finds_every_label_fair() {
    let b = small();
    let judge = Judge::new(&b.places, &b.set.register);
    for l in &b.set.leads {
        match l.truth {
            Some(t) => assert!(judge.fair_corrupted(&l.query, t), "{l:?}"),
            None => assert!(judge.fair_look_alike(&l.query), "{l:?}"),
        }
    }
    // A register row as a look-alike is refused; as another person too.
    let q = PersonQuery::from(&b.set.register[0]);
    assert!(!judge.fair_look_alike(&q));
    assert!(!judge.fair_corrupted(&q, 1));
}

fn canon(q: &PersonQuery) -> String {
    let mut street = q.street.clone();
    if !q.house_number.is_empty() {
        street = format!("{street} {}", q.house_number);
    }
    if !q.house_letter.is_empty() {
        street = format!("{street} {}", q.house_letter);
    }
    format!(
        "{}|{}|{}|{}|{}",
        q.given_names.to_lowercase(),
        q.surname.to_lowercase(),
        street.to_lowercase(),
        q.postcode,
        q.city.to_lowercase()
    )
}

#[test]
fn corruptions_change_the_lead() {
    let b = small();
    for l in &b.set.leads {
        let Some(t) = l.truth else { continue };
        let same = canon(&l.query) == canon(&PersonQuery::from(&b.set.register[t]));
        assert_eq!(same, l.kind == corruption::UNCHANGED, "{l:?}");
    }
}

#[test]
fn the_judge_reads_the_issue_examples() {
    assert_eq!(read_postcode("94O9").as_deref(), Some("9409"));
    assert_eq!(read_postcode("5l39").as_deref(), Some("5139"));
    assert_eq!(read_postcode("150").as_deref(), Some("0150"));
    let (s, n, l) = house("H. Raanes vei 3\u{a0}B H0404", "", "");
    let (t, _, _) = house("Hans Raanes vei", "3", "B");
    assert!(s.could_be(&t));
    assert_eq!((n, l), (Some(3), Some('B')));
    let (s, _, _) = house("Ø.Kobberlia  4", "", "");
    let (t, _, _) = house("Øvre Kobberlia", "4", "");
    let (u, _, _) = house("Nedre Kobberlia", "4", "");
    assert!(s.could_be(&t) && !s.could_be(&u));
    let (s, _, _) = house("Blabergata 2", "", "");
    let (t, _, _) = house("Blåbærgata", "2", "");
    assert!(s.could_be(&t));
    let (s, _, _) = house("Ankervn.", "2", "");
    let (t, _, _) = house("Ankerveien", "2", "");
    assert!(s.could_be(&t));
    assert_eq!(fold("Jorgensen"), fold("Jørgensen"));
    assert_eq!(fold("Bjøm"), fold("Bjørn"));
}
