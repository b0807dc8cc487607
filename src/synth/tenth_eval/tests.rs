//! Tests of the tenth set from the outside (none uses the matcher): determinism, counts per
//! kind, truths, look-alikes, the judge's verdicts, and that corruptions change the lead.

use std::collections::HashSet;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::corruption as c;
use super::judge::{Judge, name_words};
use super::*;

/// One set shared by the tests that only read it: 10 000 persons, 2 000 leads.
fn shared() -> &'static Set {
    static SET: OnceLock<Set> = OnceLock::new();
    SET.get_or_init(|| generate(10, 10_000, 2_000))
}

fn row(
    given: &str,
    surname: &str,
    street: &str,
    number: &str,
    postcode: &str,
    city: &str,
) -> PersonRecord {
    PersonRecord {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        house_number: number.into(),
        postcode: postcode.into(),
        city: city.into(),
        ..PersonRecord::default()
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
    PersonQuery::from(&row(given, surname, street, number, postcode, city))
}

#[test]
fn deterministic_per_seed() {
    let a = generate(3, 5_000, 400);
    let b = generate(3, 5_000, 400);
    let other = generate(4, 5_000, 400);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    assert_ne!(a.leads, other.leads);
}

#[test]
fn shares_add_up_and_every_kind_says_why_it_is_fair() {
    let sum = |s: &[(&str, u32)]| s.iter().map(|x| x.1).sum::<u32>();
    assert_eq!(sum(CORRUPTION_SHARES), 1000);
    assert_eq!(sum(LOOK_ALIKE_SHARES), 1000);
    let issue: u32 = CORRUPTION_SHARES
        .iter()
        .filter(|(k, _)| ISSUE_KINDS.contains(k))
        .map(|x| x.1)
        .sum();
    assert_eq!(issue, 640);
    assert_eq!(ISSUE_KINDS.len(), 11);
    let mut names = HashSet::new();
    for (k, _) in CORRUPTION_SHARES.iter().chain(LOOK_ALIKE_SHARES) {
        assert!(why_fair(k).is_some(), "{k}");
        assert!(names.insert(*k), "{k} twice");
    }
}

#[test]
fn every_kind_has_exactly_its_count() {
    let set = shared();
    assert_eq!(set.leads.len(), 2_000);
    for (shares, total) in [(CORRUPTION_SHARES, 1_000), (LOOK_ALIKE_SHARES, 1_000)] {
        for (kind, want) in counts(shares, total) {
            let got = set.leads.iter().filter(|l| l.kind == kind).count();
            assert_eq!(got, want, "{kind}");
            assert!(got > 0, "{kind}");
        }
    }
}

#[test]
fn truths_are_the_right_reserved_persons_used_once() {
    let set = shared();
    let mut seen = HashSet::new();
    let look: HashSet<&str> = LOOK_ALIKE_SHARES.iter().map(|x| x.0).collect();
    for l in &set.leads {
        assert!(l.query.national_id.is_none());
        match l.truth {
            Some(t) => {
                assert!(!look.contains(l.kind), "{}", l.kind);
                assert!(seen.insert(t), "row {t} used twice");
                let r = &set.register[t];
                // Every corruption keeps the surname in the judge's folding.
                assert_eq!(
                    name_words(&[&l.query.surname]),
                    name_words(&[&r.surname]),
                    "{l:?}"
                );
                if let (Some(a), Some(b)) = (l.query.birth_date, r.birth_date) {
                    assert_eq!(a, b);
                }
            }
            None => assert!(look.contains(l.kind), "{}", l.kind),
        }
    }
}

#[test]
fn look_alikes_are_nobody_in_the_register() {
    let set = shared();
    let by_date: HashSet<(String, String, NaiveDate)> = set
        .register
        .iter()
        .filter_map(|r| Some((r.given_names.clone(), r.surname.clone(), r.birth_date?)))
        .collect();
    let by_house: HashSet<(String, String, String, String, String)> = set
        .register
        .iter()
        .map(|r| {
            let house = format!("{}{}", r.house_number, r.house_letter).replace(' ', "");
            (
                r.given_names.clone(),
                r.surname.clone(),
                r.street.clone(),
                house,
                r.postcode.clone(),
            )
        })
        .collect();
    for l in set.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &l.query;
        if let Some(b) = q.birth_date {
            assert!(
                !by_date.contains(&(q.given_names.clone(), q.surname.clone(), b)),
                "{l:?}"
            );
        }
        let house = format!("{}{}", q.house_number, q.house_letter).replace(' ', "");
        assert!(
            !by_house.contains(&(
                q.given_names.clone(),
                q.surname.clone(),
                q.street.clone(),
                house,
                q.postcode.clone()
            )),
            "{l:?}"
        );
    }
}

#[test]
fn a_fresh_judge_finds_every_label_fair() {
    let set = shared();
    let judge = Judge::new(&set.register);
    for l in &set.leads {
        match l.truth {
            Some(t) => assert!(judge.fair_truth(&l.query, t), "{l:?}"),
            None => assert!(judge.fair_none(&l.query), "{l:?}"),
        }
    }
}

#[test]
fn corruptions_change_the_lead_as_their_kind_says() {
    let set = shared();
    let bolig = |s: &str| {
        s.split(|ch: char| ch.is_whitespace() || ch == ',')
            .any(|t| {
                t.len() == 5
                    && t.starts_with(['H', 'U', 'K', 'L'])
                    && t[1..].chars().all(|d| d.is_ascii_digit())
            })
    };
    for l in set.leads.iter().filter(|l| l.truth.is_some()) {
        let (q, r) = (&l.query, &set.register[l.truth.unwrap_or_default()]);
        let ok = match l.kind {
            c::POSTCODE_TYPO | c::POSTCODE_GLYPHS | c::POSTCODE_MISSING | c::FLOATS => {
                q.postcode != r.postcode
            }
            c::BOLIGNUMMER => bolig(&q.street) || bolig(&q.house_letter),
            c::STREET_INITIAL | c::STREET_PREFIX => {
                let first = r.street.split(' ').next().unwrap_or_default();
                !q.street.starts_with(first)
            }
            c::GIVEN_SPELLING => {
                q.given_names.split([' ', '-']).next() != r.given_names.split([' ', '-']).next()
            }
            c::OCR => {
                q.given_names != r.given_names
                    || q.surname != r.surname
                    || !q.street.starts_with(&r.street)
            }
            c::TRANSLIT | c::HTML | c::NFD => {
                let all = format!("{} {} {} {}", q.given_names, q.surname, q.street, q.city);
                let nordic = all.chars().filter(|ch| "æøåÆØÅ".contains(*ch)).count();
                let before = format!("{} {} {} {}", r.given_names, r.surname, r.street, r.city);
                nordic < before.chars().filter(|ch| "æøåÆØÅ".contains(*ch)).count()
            }
            c::WHITESPACE => q.street.contains(['\u{a0}', '\u{202f}']) || q.street.contains("  "),
            c::NUMBER_FIRST => q.street.starts_with(|ch: char| ch.is_ascii_digit()),
            c::TWO => PersonQuery::from(r) != *q,
            _ => true,
        };
        assert!(ok, "{} did not show: {q:?} <- {r:?}", l.kind);
    }
}

#[test]
fn the_judge_reads_layouts_and_refuses_unfair_leads() {
    let mut thomas = row(
        "Thomas",
        "Jørgensen",
        "Hans Raanes vei",
        "3 B",
        "9409",
        "HARSTAD",
    );
    thomas.birth_date = NaiveDate::from_ymd_opt(1980, 3, 14);
    let register = vec![
        thomas,
        row("Kari", "Hansen", "Øvre Svanegata", "7", "0150", "OSLO"),
        row("Kari", "Hansen", "Østre Svanegata", "7", "0150", "OSLO"),
        row("Åse", "Blåbær", "Blåbærgata", "12", "5020", "BERGEN"),
        row("Anne", "Berg", "Nedre Kongleveien", "4", "5020", "BERGEN"),
    ];
    let j = Judge::new(&register);
    let truth = |q: &PersonQuery, t: usize| j.fair_truth(q, t);
    assert!(truth(
        &lead(
            "Tomas",
            "Jorgensen",
            "H. Raanes vei\u{a0}3\u{a0}B",
            "",
            "94O9",
            "Harstad"
        ),
        0
    ));
    assert!(truth(
        &lead(
            "THOMAS",
            "J&oslash;rgensen",
            "3B H.Raanes veg",
            "",
            "9409.0",
            "harstad"
        ),
        0
    ));
    assert!(truth(
        &lead(
            "Thomas",
            "Jørgensen",
            "H Raanes vei 3 B, H0404",
            "",
            "",
            "HARSTAD"
        ),
        0
    ));
    assert!(truth(
        &lead(
            "Thomas",
            "Jørgensen",
            "Hans Raanes vei",
            "3.0",
            "9409.0",
            ""
        ),
        0
    ));
    assert!(truth(
        &lead(
            "A\u{30a}se",
            "Bla\u{30a}bær",
            "Blåbærgata 12",
            "",
            "5020",
            "BERGEN"
        ),
        3
    ));
    assert!(truth(
        &lead("Ase", "Blabaer", "Blåbærgata", "12", "5021", "Bergen"),
        3
    ));
    assert!(truth(
        &lead("Anne", "Berg", "N. Kongleveien", "4", "5020", "Bergen"),
        4
    ));
    assert!(truth(
        &lead("Anne", "Berg", "Nedre Kongleveien  4", "", "5O2O", "Bergen"),
        4
    ));
    // `Ø.` is Øvre or Østre: both Kari Hansens could be meant.
    assert!(!truth(
        &lead("Kari", "Hansen", "Ø. Svanegata", "7", "0150", "Oslo"),
        1
    ));
    assert!(truth(
        &lead("Kari", "Hansen", "Øvr. Svanegata", "7", "0150", "Oslo"),
        1
    ));
    // A copy of a row is no look-alike; a wrong truth is refused.
    assert!(!j.fair_none(&lead(
        "Anne",
        "Berg",
        "Nedre Kongleveien",
        "4",
        "5020",
        "BERGEN"
    )));
    assert!(!truth(
        &lead("Anne", "Berg", "Nedre Kongleveien", "4", "5020", "BERGEN"),
        3
    ));
    // Fair look-alikes: other given name, other number, the partner street.
    assert!(j.fair_none(&lead(
        "Astrid",
        "Berg",
        "Nedre Kongleveien",
        "4",
        "5020",
        "BERGEN"
    )));
    assert!(j.fair_none(&lead(
        "Anne",
        "Berg",
        "Nedre Kongleveien",
        "6",
        "5020",
        "BERGEN"
    )));
    assert!(j.fair_none(&lead(
        "Anne",
        "Berg",
        "Øvre Kongleveien",
        "4",
        "5020",
        "BERGEN"
    )));
    // A spelling of a reserved person's name at their house is no look-alike.
    assert!(!j.fair_none(&lead(
        "Tomas",
        "Jørgensen",
        "Hans Raanes vei",
        "3B",
        "9409",
        "HARSTAD"
    )));
    // A look-alike told apart only by a shown birth date is refused.
    let mut other_day = lead(
        "Thomas",
        "Jørgensen",
        "Hans Raanes vei",
        "3",
        "9409",
        "HARSTAD",
    );
    other_day.birth_date = NaiveDate::from_ymd_opt(1990, 1, 1);
    assert!(!j.fair_none(&other_day));
}

#[test]
fn a_debug_build_generates_quickly() {
    let t = std::time::Instant::now();
    let set = generate(7, 20_000, 2_000);
    let took = t.elapsed();
    println!("20 000 persons, 2 000 leads: {took:?}");
    assert!(set.register.len() >= 20_000);
    assert_eq!(set.leads.len(), 2_000);
    assert!(took.as_secs() < 60, "{took:?}");
}

#[test]
fn the_judge_folds_spellings_glyphs_and_houses() {
    use super::judge::{fold_name, names_could_be_one, read_house, read_postcode};
    for group in super::names::SPELLINGS {
        for w in group.iter() {
            assert!(
                names_could_be_one(&fold_name(group[0]), &fold_name(w)),
                "{w}"
            );
        }
    }
    assert!(!names_could_be_one(&fold_name("Kjell"), &fold_name("Knut")));
    assert_eq!(fold_name("Bjørn"), fold_name("Bjøm"));
    assert_eq!(fold_name("So1berg"), fold_name("Solberg"));
    assert_eq!(read_postcode("94O9").as_deref(), Some("9409"));
    assert_eq!(read_postcode("5l39").as_deref(), Some("5139"));
    assert_eq!(read_postcode("150.0").as_deref(), Some("0150"));
    assert_eq!(read_postcode("mangler"), None);
    let plain = read_house("Blåbærveien", "12", "B");
    for (street, number, letter) in [
        ("Blåbærveien 12 B", "", ""),
        ("Blåbærveien\u{a0}12\u{a0}B", "", ""),
        ("12B Blåbærveien", "", ""),
        ("Blåbærveien 12 B, H0404", "", ""),
        ("Bl&aring;b&aelig;rveien", "12.0", "B"),
        ("Blåbær veien", "12B", ""),
    ] {
        assert_eq!(read_house(street, number, letter), plain, "{street:?}");
    }
    assert_ne!(read_house("Blåbærveien", "14", "B"), plain);
}
