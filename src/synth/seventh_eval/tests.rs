//! The set checked from the outside; none of these tests uses the matcher.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::corruption::{self as c, KINDS};
use super::judge::Judge;
use super::look_alikes::{self as l, KINDS as LOOK_KINDS};
use super::names::{PREFIXES, spelling_group};
use super::{ISSUE_KINDS, Lead, Set, counts, generate, why_fair};
use crate::person::{PersonQuery, PersonRecord};

fn lower(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Lower case with æ/ø/å and their digraphs written as bare vowels, whitespace made plain.
fn t(s: &str) -> String {
    lower(s)
        .replace("ae", "e")
        .replace("oe", "o")
        .replace("aa", "a")
        .replace('æ', "e")
        .replace('ø', "o")
        .replace('å', "a")
}

fn has_aeoeaa(s: &str) -> bool {
    s.chars().any(|c| "æøåÆØÅ".contains(c))
}

fn is_bolignummer(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    c.len() == 5 && "HUKhuk".contains(c[0]) && c[1..].iter().all(char::is_ascii_digit)
}

fn has_bolignummer(q: &PersonQuery) -> bool {
    [&q.street, &q.house_number, &q.house_letter]
        .iter()
        .flat_map(|f| f.split(|c: char| c.is_whitespace() || c == ','))
        .any(is_bolignummer)
}

fn odd_whitespace(q: &PersonQuery) -> bool {
    [
        &q.given_names,
        &q.surname,
        &q.street,
        &q.house_number,
        &q.house_letter,
    ]
    .iter()
    .any(|f| {
        f.contains(['\u{a0}', '\u{2007}', '\u{2009}']) || f.contains("  ") || f.starts_with(' ')
    })
}

fn glyphs_back(pc: &str) -> String {
    pc.chars()
        .map(|c| match c {
            'O' | 'D' | 'o' => '0',
            'l' | 'I' | 'i' => '1',
            'Z' | 'z' => '2',
            'S' | 's' => '5',
            'b' | 'G' => '6',
            'B' => '8',
            'g' => '9',
            c => c,
        })
        .collect()
}

fn number_glyph(q: &PersonQuery) -> bool {
    q.house_number
        .split_whitespace()
        .next()
        .is_some_and(|n| n.chars().any(|c| c.is_ascii_digit()) && n.contains(['l', 'I', 'O']))
}

fn lost_aeoeaa(q: &PersonQuery, r: &PersonRecord) -> usize {
    [
        (&q.given_names, &r.given_names),
        (&q.surname, &r.surname),
        (&q.street, &r.street),
        (&q.city, &r.city),
    ]
    .iter()
    .filter(|(a, b)| has_aeoeaa(b) && !has_aeoeaa(a))
    .count()
}

/// The parts of a lead damaged against its row: postcode, street, names, æ/ø/å.
fn damaged_parts(q: &PersonQuery, r: &PersonRecord) -> usize {
    let postcode = q.postcode != r.postcode;
    let street = !t(&q.street).contains(&t(&r.street))
        || has_bolignummer(q)
        || odd_whitespace(q)
        || number_glyph(q);
    let names = t(&q.given_names) != t(&r.given_names) || t(&q.surname) != t(&r.surname);
    let lossy = lost_aeoeaa(q, r) > 0;
    [postcode, street, names, lossy]
        .iter()
        .filter(|&&b| b)
        .count()
}

/// Whether the lead shows the damage its kind says, against its truth's row.
fn shows_damage(lead: &Lead, r: &PersonRecord) -> Result<(), String> {
    let q = &lead.query;
    let first = |s: &str| s.split([' ', '-']).next().unwrap_or_default().to_owned();
    let ok = match lead.kind {
        c::POSTCODE_TYPO => {
            q.postcode.len() == 4
                && q.postcode.chars().all(|c| c.is_ascii_digit())
                && q.postcode != r.postcode
                && lower(&q.city) == lower(&r.city)
        }
        c::POSTCODE_GLYPHS => {
            q.postcode.chars().any(|c| !c.is_ascii_digit())
                && glyphs_back(&q.postcode) == r.postcode
                && lower(&q.city) == lower(&r.city)
        }
        c::POSTCODE_MISSING => {
            !q.postcode.contains(&r.postcode)
                && (lower(&q.city) == lower(&r.city) || lower(&q.postcode) == lower(&r.city))
        }
        c::BOLIGNUMMER => has_bolignummer(q),
        c::STREET_INITIAL => {
            let w = first(&r.street).to_lowercase();
            let last = r
                .street
                .split(' ')
                .next_back()
                .unwrap_or_default()
                .to_lowercase();
            let ls = lower(&q.street);
            !ls.split([' ', '.']).any(|x| x == w) && ls.contains(&last)
        }
        c::STREET_PREFIX => {
            let w = r.street.split(' ').next().unwrap_or_default();
            PREFIXES.iter().find(|p| p.0 == w).is_some_and(|p| {
                let ls = q.street.to_lowercase();
                !ls.starts_with(&w.to_lowercase())
                    && p.1.iter().any(|a| ls.starts_with(&a.to_lowercase()))
            })
        }
        c::GIVEN_SPELLING => {
            let (a, b) = (first(&q.given_names), first(&r.given_names));
            a.to_lowercase() != b.to_lowercase()
                && spelling_group(&b)
                    .is_some_and(|g| g.iter().any(|x| x.to_lowercase() == a.to_lowercase()))
        }
        c::OCR => {
            lower(&q.given_names) != lower(&r.given_names)
                || lower(&q.surname) != lower(&r.surname)
                || !lower(&q.street).contains(&lower(&r.street))
                || number_glyph(q)
        }
        c::LOSSY_TWO => lost_aeoeaa(q, r) == 2,
        c::WHITESPACE => odd_whitespace(q),
        c::TWO_ISSUE => damaged_parts(q, r) >= 2,
        c::UNCHANGED => {
            q.postcode == r.postcode
                && lower(&q.given_names) == lower(&r.given_names)
                && lower(&q.surname) == lower(&r.surname)
                && lower(&q.street).starts_with(&lower(&r.street))
        }
        c::MUNICIPALITY => q.postcode == r.postcode && lower(&q.city) != lower(&r.city),
        c::COUNTY => {
            q.postcode == r.postcode
                && lower(&q.city).starts_with(&lower(&r.city))
                && q.city.len() > r.city.len() + 3
        }
        c::SPREADSHEET => {
            q.postcode != r.postcode && q.postcode.contains(r.postcode.trim_start_matches('0'))
        }
        c::COLUMNS_SWAPPED => q.city == r.postcode && lower(&q.postcode) == lower(&r.city),
        c::POSTCODE_TOWN_ONE => {
            q.city.is_empty()
                && q.postcode.starts_with(&r.postcode)
                && lower(&q.postcode).contains(&lower(&r.city))
        }
        c::FULL_NAME_ONE => {
            q.given_names.is_empty()
                && lower(&q.surname).contains(&lower(&r.surname))
                && lower(&q.surname).contains(&lower(&r.given_names))
        }
        c::HOUSE_GLUED => {
            let ls = lower(&q.street);
            let rs = lower(&r.street);
            ls.starts_with(&rs) && ls[rs.len()..].starts_with(|c: char| c.is_ascii_digit())
        }
        c::MIDDLE_DROPPED => {
            r.given_names.contains(' ') && lower(&q.given_names) == lower(&first(&r.given_names))
        }
        c::DOUBLE_SURNAME => {
            lower(&q.surname) != lower(&r.surname)
                && lower(&q.surname).replace('-', " ") == lower(&r.surname).replace('-', " ")
        }
        c::GIVEN_INITIAL => {
            q.given_names.trim_end_matches('.').chars().count() == 1
                && q.birth_date.is_some()
                && r.birth_date.is_none_or(|b| Some(b) == q.birth_date)
        }
        c::LETTER_OMITTED => {
            let row_letter = !r.house_letter.is_empty()
                || r.house_number.chars().any(|c| c.is_ascii_alphabetic());
            let lead_house = format!("{} {}", q.house_number, q.house_letter);
            let after_number: Vec<&str> = q
                .street
                .split_whitespace()
                .skip_while(|w| !w.contains(|c: char| c.is_ascii_digit()))
                .collect();
            row_letter
                && !lead_house.chars().any(|c| c.is_ascii_alphabetic())
                && !after_number
                    .iter()
                    .any(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{}: {q:?}\nrow: {r:?}", lead.kind))
    }
}

fn small(seed: u64) -> Set {
    generate(seed, 20_000, 2_000)
}

#[test]
fn deterministic_per_seed() {
    let a = generate(5, 4_000, 600);
    let b = generate(5, 4_000, 600);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let c = generate(6, 4_000, 600);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn kinds_and_shares_add_up() {
    let all: u32 = KINDS.iter().map(|k| k.1).sum();
    assert_eq!(all, 1000);
    let looks: u32 = LOOK_KINDS.iter().map(|k| k.1).sum();
    assert_eq!(looks, 1000);
    let issue: u32 = KINDS
        .iter()
        .filter(|k| ISSUE_KINDS.contains(&k.0))
        .map(|k| k.1)
        .sum();
    assert_eq!(issue, 635);
    assert_eq!(ISSUE_KINDS.len(), 11);
    for k in ISSUE_KINDS {
        assert!(KINDS.iter().any(|x| x.0 == *k), "{k}");
    }
    let mut names = HashSet::new();
    for k in KINDS.iter().chain(LOOK_KINDS) {
        assert!(names.insert(k.0), "{} twice", k.0);
        assert!(why_fair(k.0).is_some_and(|w| w.len() > 20), "{}", k.0);
    }
    for d in super::DEBATABLE_KINDS {
        assert!(!ISSUE_KINDS.contains(d));
        assert!(why_fair(d).is_some_and(|w| w.starts_with("debatable")));
    }
    assert_eq!(why_fair("no_such_kind"), None);
}

#[test]
fn counts_per_kind_follow_the_shares() {
    let set = small(11);
    assert_eq!(set.leads.len(), 2_000);
    let mut got: HashMap<&str, usize> = HashMap::new();
    for lead in &set.leads {
        *got.entry(lead.kind).or_default() += 1;
    }
    for (kind, want) in counts(KINDS, 1_000)
        .into_iter()
        .chain(counts(LOOK_KINDS, 1_000))
    {
        assert_eq!(got.get(kind).copied().unwrap_or(0), want, "{kind}");
    }
    let corrupted = set.leads.iter().filter(|l| l.truth.is_some()).count();
    assert_eq!(corrupted, 1_000);
}

#[test]
fn truths_are_reserved_rows_used_once() {
    let set = small(12);
    let mut seen = HashSet::new();
    for lead in &set.leads {
        let corrupted = KINDS.iter().any(|k| k.0 == lead.kind);
        assert_eq!(lead.truth.is_some(), corrupted, "{}", lead.kind);
        if let Some(t) = lead.truth {
            assert!(t < set.register.len());
            assert!(seen.insert(t), "row {t} used twice");
        }
        assert!(lead.query.national_id.is_none());
    }
}

#[test]
fn corrupted_leads_show_their_damage() {
    for seed in [1, 2, 3] {
        let set = small(seed);
        for lead in &set.leads {
            if let Some(t) = lead.truth
                && let Err(e) = shows_damage(lead, &set.register[t])
            {
                panic!("seed {seed}: {e}");
            }
        }
    }
}

#[test]
fn look_alikes_are_nobody_in_the_register() {
    let set = small(13);
    let key = |g: &str, s: &str, b: Option<NaiveDate>| (lower(g), lower(s), b);
    let rows: HashSet<_> = set
        .register
        .iter()
        .filter(|r| r.birth_date.is_some())
        .map(|r| key(&r.given_names, &r.surname, r.birth_date))
        .collect();
    let digits = |s: &str| -> String {
        s.chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect()
    };
    let houses: HashSet<_> = set
        .register
        .iter()
        .map(|r| {
            let h = (lower(&r.given_names), lower(&r.surname), r.postcode.clone());
            (h, lower(&r.street), digits(&r.house_number))
        })
        .collect();
    for lead in set.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &lead.query;
        if q.birth_date.is_some() {
            assert!(
                !rows.contains(&key(&q.given_names, &q.surname, q.birth_date)),
                "{lead:?}"
            );
        }
        if lead.kind != l::JUNIOR_SENIOR && lead.kind != l::TWIN {
            let number = if q.house_number.is_empty() {
                digits(&q.street)
            } else {
                digits(&q.house_number)
            };
            let street = lower(&q.street);
            let h = (lower(&q.given_names), lower(&q.surname), q.postcode.clone());
            assert!(
                !houses.iter().any(|(rh, rs, rn)| *rh == h
                    && street.starts_with(rs.as_str())
                    && *rn == number),
                "{lead:?}"
            );
        }
    }
}

#[test]
fn the_judge_accepts_every_lead() {
    let set = small(14);
    let judge = Judge::new(&set.register);
    for lead in &set.leads {
        match lead.truth {
            Some(t) => assert!(judge.fair_corrupted(&lead.query, t), "{lead:?}"),
            None => assert!(judge.fair_look_alike(&lead.query), "{lead:?}"),
        }
    }
}

fn row(
    given: &str,
    surname: &str,
    street: &str,
    number: &str,
    birth: Option<(i32, u32, u32)>,
) -> PersonRecord {
    PersonRecord {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        house_number: number.into(),
        house_letter: String::new(),
        postcode: "0150".into(),
        city: "OSLO".into(),
        birth_date: birth.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        national_id: None,
    }
}

fn lead(given: &str, surname: &str, street: &str, postcode: &str, city: &str) -> PersonQuery {
    PersonQuery {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        postcode: postcode.into(),
        city: city.into(),
        ..PersonQuery::default()
    }
}

#[test]
fn the_judge_reads_layouts_and_refuses_unfair_leads() {
    let register = vec![
        row("Thomas", "Hansen", "Øvre Rognlia", "4", Some((1970, 3, 2))),
        row("Kari", "Hansen", "Østre Rognlia", "4", None),
        row("Kari", "Hansen", "Øvre Rognlia", "4", None),
        row("Ingrid Marie", "Sørensen", "Hans Raanes vei", "12b", None),
        row(
            "Ingrid",
            "Sørensen",
            "Hans Raanes vei",
            "12 B",
            Some((1990, 1, 1)),
        ),
        row("Jørgen", "Bjørnstad", "Kvernveien", "7", None),
    ];
    let judge = Judge::new(&register);
    // Layouts and damage the judge reads.
    assert!(judge.fair_corrupted(&lead("Tomas", "HANSEN", "Øvr Rognlia 4", "O15O", "Oslo"), 0));
    assert!(judge.fair_corrupted(
        &lead("Jorgen", "Bjornstad", "Kvernvegen\u{a0}7", "", "oslo"),
        5
    ));
    assert!(judge.fair_corrupted(
        &lead("", "Bjørnstad, Jørgen", "Kvernveien7", "'0150", ""),
        5
    ));
    assert!(judge.fair_corrupted(
        &lead(
            "Jørgen",
            "Bjørnstad",
            "Kvernveien 7, leilighet H0201",
            "OSLO",
            "0150"
        ),
        5
    ));
    // A true copy is no look-alike.
    assert!(!judge.fair_look_alike(&PersonQuery::from(&register[5])));
    // The wrong truth.
    assert!(!judge.fair_corrupted(&PersonQuery::from(&register[5]), 0));
    // `Ø.` is Øvre or Østre, and a Kari Hansen lives at both: ambiguous.
    assert!(!judge.fair_corrupted(&lead("Kari", "Hansen", "Ø. Rognlia 4", "0150", "OSLO"), 2));
    // Written in full it is one of them.
    assert!(judge.fair_corrupted(&lead("Kari", "Hansen", "Øvre Rognlia 4", "0150", "OSLO"), 2));
    // A spelling variant at a reserved member's house is no fair look-alike.
    assert!(!judge.fair_look_alike(&lead("Tomas", "Hansen", "Øvre Rognlia 4", "0150", "OSLO")));
    // `H. Raanes vei 12 B` with the middle name dropped fits both Ingrids.
    assert!(!judge.fair_corrupted(
        &lead("Ingrid", "Sørensen", "H. Raanes vei 12 B", "0150", "OSLO"),
        4
    ));
    // With the birth date shown it is the one whose row shows that date (the other's hides it
    // but she is at the house): still ambiguous.
    let mut q = lead("Ingrid", "Sørensen", "H. Raanes vei 12 B", "0150", "OSLO");
    q.birth_date = NaiveDate::from_ymd_opt(1990, 1, 1);
    assert!(!judge.fair_corrupted(&q, 4));
    // The same name at the house with another birth date than the row shows is another person.
    let mut q = PersonQuery::from(&register[0]);
    q.birth_date = NaiveDate::from_ymd_opt(1998, 3, 2);
    assert!(judge.fair_look_alike(&q));
    // A neighbour at another number is nobody.
    assert!(judge.fair_look_alike(&lead("Jørgen", "Bjørnstad", "Kvernveien 9", "0150", "OSLO")));
    // Nedre Rognlia is not Øvre Rognlia when written in full.
    assert!(judge.fair_look_alike(&lead("Thomas", "Hansen", "Nedre Rognlia 4", "0150", "OSLO")));
}

#[test]
fn national_ids_are_valid() {
    let set = generate(21, 30_000, 0);
    let mut n = 0;
    for r in &set.register {
        let Some(id) = &r.national_id else { continue };
        n += 1;
        let d: Vec<u32> = id.chars().filter_map(|c| c.to_digit(10)).collect();
        assert_eq!(d.len(), 11, "{id}");
        let k1 = super::population::check(&d[..9], &[3, 7, 6, 1, 8, 9, 4, 5, 2]);
        assert_eq!(k1, Some(Some(d[9])), "{id}");
        let k2 = super::population::check(&d[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
        assert_eq!(k2, Some(Some(d[10])), "{id}");
        let b = r.birth_date.expect("rows with an id show the birth date");
        assert_eq!(
            &id[..6],
            format!("{:02}{:02}{:02}", b.day(), b.month(), b.year() % 100)
        );
        let ind: u32 = id[6..9].parse().expect("digits");
        assert_eq!(ind >= 500, b.year() >= 2000, "{id}");
    }
    assert!(n > 300, "{n} ids");
}

#[test]
fn the_issue_size_generates() {
    let (persons, leads) = if cfg!(debug_assertions) {
        (50_000, 5_000)
    } else {
        (200_000, 20_000)
    };
    let start = std::time::Instant::now();
    let set = generate(2026, persons, leads);
    println!("{persons} persons, {leads} leads: {:?}", start.elapsed());
    assert_eq!(set.register.len(), persons);
    assert_eq!(set.leads.len(), leads);
}
