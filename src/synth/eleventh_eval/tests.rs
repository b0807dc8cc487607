//! Tests of the eleventh set, from the outside: none uses the matcher.

use std::collections::HashSet;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::judge::{Judge, fold, name_could_be, read_house, read_towns, street_could_be};
use super::names;
use super::places::Places;
use super::*;

const SEED: u64 = 11;

/// One set shared by the tests (4 000 persons, 1 200 leads).
fn set() -> &'static Set {
    static SET: OnceLock<Set> = OnceLock::new();
    SET.get_or_init(|| generate(SEED, 4_000, 1_200))
}

fn places() -> &'static Places {
    static PLACES: OnceLock<Places> = OnceLock::new();
    PLACES.get_or_init(|| Places::new(&mut rng_of(SEED)))
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

#[test]
fn deterministic_per_seed() {
    let a = generate(5, 600, 200);
    let b = generate(5, 600, 200);
    let c = generate(6, 600, 200);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn shares_add_up_and_every_kind_says_why_it_is_fair() {
    let sum = |t: &[(&str, u32)]| t.iter().map(|x| x.1).sum::<u32>();
    assert_eq!(sum(CORRUPTED), 1000);
    assert_eq!(sum(LOOK_ALIKES), 1000);
    let issue: u32 = CORRUPTED
        .iter()
        .filter(|(k, _)| ISSUE_KINDS.contains(k))
        .map(|x| x.1)
        .sum();
    assert_eq!(issue, 640);
    assert_eq!(ISSUE_KINDS.len(), 11);
    let mut seen = HashSet::new();
    for (k, _) in CORRUPTED.iter().chain(LOOK_ALIKES) {
        assert!(seen.insert(*k), "{k} twice");
        assert!(why_fair(k).is_some(), "{k} says not why it is fair");
    }
}

#[test]
fn every_kind_has_exactly_its_count() {
    let s = set();
    for (table, total) in [(CORRUPTED, 600), (LOOK_ALIKES, 600)] {
        for (kind, count) in counts(table, total) {
            let n = s.leads.iter().filter(|l| l.kind == kind).count();
            assert!(count > 0, "{kind} has no count");
            assert_eq!(n, count, "{kind}");
        }
    }
    assert_eq!(s.leads.len(), 1_200);
}

#[test]
fn truths_are_the_right_reserved_persons_used_once() {
    let s = set();
    let mut used = HashSet::new();
    for l in &s.leads {
        assert!(l.query.national_id.is_none());
        let is_corrupted = CORRUPTED.iter().any(|(k, _)| *k == l.kind);
        match l.truth {
            Some(t) => {
                assert!(is_corrupted, "{}", l.kind);
                assert!(used.insert(t), "truth {t} used twice");
                let row = &s.register[t];
                let surname = fold(&row.surname);
                let words: Vec<String> = judge::name_words(&l.query.given_names)
                    .into_iter()
                    .chain(judge::name_words(&l.query.surname))
                    .collect();
                assert!(
                    words.iter().any(|w| name_could_be(w, &surname)
                        || surname.split_whitespace().any(|s| name_could_be(w, s))
                        || judge::name_words(&row.surname)
                            .iter()
                            .any(|s| name_could_be(w, s))),
                    "{}: {:?} is not {:?}",
                    l.kind,
                    l.query,
                    row
                );
                if let (Some(a), Some(b)) = (l.query.birth_date, row.birth_date) {
                    assert_eq!(a, b);
                }
            }
            None => assert!(!is_corrupted, "{}", l.kind),
        }
    }
}

#[test]
fn look_alikes_are_nobody_in_the_register() {
    let s = set();
    let names: HashSet<(String, String, Option<NaiveDate>)> = s
        .register
        .iter()
        .map(|r| (lower(&r.given_names), lower(&r.surname), r.birth_date))
        .collect();
    let houses: HashSet<(String, String, String, String, String)> = s
        .register
        .iter()
        .map(|r| {
            (
                lower(&r.given_names),
                lower(&r.surname),
                lower(&r.street),
                r.postcode.clone(),
                lower(&format!("{}{}", r.house_number, r.house_letter)).replace(' ', ""),
            )
        })
        .collect();
    for l in s.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &l.query;
        if q.birth_date.is_some() {
            let key = (lower(&q.given_names), lower(&q.surname), q.birth_date);
            assert!(!names.contains(&key), "{}: {q:?}", l.kind);
        }
        let key = (
            lower(&q.given_names),
            lower(&q.surname),
            lower(&q.street),
            q.postcode.clone(),
            lower(&format!("{}{}", q.house_number, q.house_letter)).replace(' ', ""),
        );
        assert!(!houses.contains(&key), "{}: {q:?}", l.kind);
    }
}

#[test]
fn a_fresh_judge_finds_every_label_fair() {
    let s = set();
    let judge = Judge::new(places(), &s.register);
    for l in &s.leads {
        assert!(judge.fair(&l.query, l.truth), "{}: {:?}", l.kind, l.query);
        if l.truth.is_none() {
            let mut bare = l.query.clone();
            bare.birth_date = None;
            assert!(judge.fair(&bare, None), "{} without birth date", l.kind);
        }
    }
}

fn has_bolignummer(street: &str) -> bool {
    street.split([' ', ',']).any(|w| {
        w.len() == 5
            && w.starts_with(['H', 'U', 'K', 'L'])
            && w[1..].chars().all(|c| c.is_ascii_digit())
    })
}

#[test]
fn corruptions_change_the_lead_as_their_kind_says() {
    let s = set();
    let letters = |q: &str| q.chars().filter(|c| "æøåÆØÅ".contains(*c)).count();
    for l in &s.leads {
        let Some(t) = l.truth else { continue };
        let (q, r) = (&l.query, &s.register[t]);
        let ok = match l.kind {
            corruption::POSTCODE_TYPO => {
                q.postcode != r.postcode && q.postcode.chars().all(|c| c.is_ascii_digit())
            }
            corruption::POSTCODE_GLYPHS => q.postcode.chars().any(|c| c.is_alphabetic()),
            corruption::POSTCODE_MISSING => q.postcode != r.postcode && !q.city.is_empty(),
            corruption::BOLIGNUMMER => has_bolignummer(&q.street),
            corruption::STREET_INITIAL => !q.street.contains(&r.street),
            corruption::STREET_PREFIX => !q.street.contains(&r.street),
            corruption::SPELLING => lower(&q.given_names) != lower(&r.given_names),
            corruption::OCR => {
                let a = lower(&format!("{}{}{}", q.given_names, q.surname, q.street));
                a.contains('1') || a.contains("rn") || a.contains('m')
            }
            corruption::TRANSLIT => {
                letters(&format!(
                    "{}{}{}{}",
                    q.given_names, q.surname, q.street, q.city
                )) < letters(&format!(
                    "{}{}{}{}",
                    r.given_names, r.surname, r.street, r.city
                ))
            }
            corruption::WHITESPACE => q.street.contains('\u{a0}') || q.street.contains("  "),
            corruption::MOJIBAKE_KIND => {
                format!("{}{}{}", q.given_names, q.surname, q.street).contains('Ã')
            }
            corruption::POSTCODE_TOWN_ONE_FIELD => q.postcode.is_empty() || q.city.is_empty(),
            corruption::NAMES_SWAPPED => lower(&q.surname) == lower(&r.given_names),
            corruption::CSV_DEBRIS => {
                format!("{}{}{}{}", q.given_names, q.surname, q.street, q.postcode)
                    .contains(['"', ';', '\''])
            }
            corruption::TRUNCATED => {
                q.street.len() < r.street.len() && r.street.starts_with(&q.street)
            }
            corruption::UNCHANGED => lower(&q.surname) == lower(&r.surname),
            corruption::TWO => {
                let parts = [
                    q.postcode != r.postcode,
                    !q.street.contains(&r.street)
                        || has_bolignummer(&q.street)
                        || q.street.contains('\u{a0}')
                        || q.street.contains("  "),
                    q.given_names != r.given_names
                        && lower(&q.given_names) != lower(&r.given_names)
                        || lower(&q.surname) != lower(&r.surname),
                ];
                parts.iter().filter(|&&b| b).count() >= 2
            }
            _ => false,
        };
        assert!(ok, "{}: {:?} from {:?}", l.kind, q, r);
    }
}

/// A register row from its fields: given, surname, street, number, letter, postcode, town.
fn row(f: [&str; 7], born: Option<NaiveDate>) -> PersonRecord {
    PersonRecord {
        given_names: f[0].into(),
        surname: f[1].into(),
        street: f[2].into(),
        house_number: f[3].into(),
        house_letter: f[4].into(),
        postcode: f[5].into(),
        city: f[6].into(),
        birth_date: born,
        national_id: None,
    }
}

#[test]
fn the_judge_reads_layouts_and_refuses_unfair_leads() {
    let born = NaiveDate::from_ymd_opt(1970, 5, 4);
    let register = vec![
        row(
            [
                "Thomas",
                "Jørgensen",
                "Hans Raanes vei",
                "3",
                "B",
                "9409",
                "HARSTAD",
            ],
            born,
        ),
        row(
            [
                "Kari",
                "Hansen",
                "Øvre Svanegata",
                "7",
                "",
                "5020",
                "BERGEN",
            ],
            None,
        ),
        row(
            [
                "Kari",
                "Hansen",
                "Østre Svanegata",
                "7",
                "",
                "5020",
                "BERGEN",
            ],
            None,
        ),
        row(
            [
                "Per",
                "Vik",
                "Nedre Tyttebærlia",
                "12",
                "",
                "7030",
                "TRONDHEIM",
            ],
            None,
        ),
    ];
    let judge = Judge::new(places(), &register);
    let lead =
        |given: &str, surname: &str, street: &str, number: &str, postcode: &str, city: &str| {
            PersonQuery {
                given_names: given.into(),
                surname: surname.into(),
                street: street.into(),
                house_number: number.into(),
                postcode: postcode.into(),
                city: city.into(),
                ..PersonQuery::default()
            }
        };
    // Fair corruptions of row 0.
    for q in [
        lead(
            "Tomas",
            "Jorgensen",
            "H. Raanes vei\u{a0}3\u{a0}B",
            "",
            "94O9",
            "Harstad",
        ),
        lead(
            "\"Thomas\"",
            "JÃ¸rgensen;",
            "H.Raanes veg 3 B, H0302",
            "",
            "",
            "9409 HARSTAD",
        ),
        lead(
            "Jørgensen",
            "Thomas",
            "Hans Raanes vei",
            "3",
            "'9409",
            "harstad",
        ),
        lead(
            "Thornas",
            "Jørgensen",
            "Hans Raanes",
            "3",
            "9408",
            "Harstad",
        ),
        lead(
            "Thomas",
            "Jørgensen",
            "Hans Raanes vei 3 B U0101",
            "",
            "ikke oppgitt",
            "HARSTAD",
        ),
    ] {
        assert!(judge.fair(&q, Some(0)), "{q:?}");
    }
    // Nedre Tyttebærlia abbreviated and cut.
    assert!(judge.fair(
        &lead("Per", "Vik", "N. Tyttebærlia 12", "", "7030", "Trondheim"),
        Some(3)
    ));
    assert!(judge.fair(
        &lead("Per", "Vik", "Nedre Tyttebærl", "12", "7030", "Trondheim"),
        Some(3)
    ));
    // Ø. is Øvre or Østre: refused for either.
    let q = lead("Kari", "Hansen", "Ø. Svanegata 7", "", "5020", "Bergen");
    assert!(!judge.fair(&q, Some(1)) && !judge.fair(&q, Some(2)));
    // Look-alikes: a copy is not one; another given name, another number, the partner street are.
    assert!(!judge.fair(
        &lead(
            "Thomas",
            "Jørgensen",
            "Hans Raanes vei 3",
            "",
            "9409",
            "Harstad"
        ),
        None
    ));
    assert!(!judge.fair(
        &lead(
            "Tomas",
            "Jørgensen",
            "Hans Raanes vei 3",
            "",
            "9409",
            "Harstad"
        ),
        None
    ));
    assert!(judge.fair(
        &lead(
            "Sigrid",
            "Jørgensen",
            "Hans Raanes vei 3 B",
            "",
            "9409",
            "Harstad"
        ),
        None
    ));
    assert!(judge.fair(
        &lead(
            "Thomas",
            "Jørgensen",
            "Hans Raanes vei 5",
            "",
            "9409",
            "Harstad"
        ),
        None
    ));
    assert!(judge.fair(
        &lead("Per", "Vik", "Øvre Tyttebærlia 12", "", "7030", "Trondheim"),
        None
    ));
    // Told apart only by a birth date: not a fair look-alike.
    let mut q = lead(
        "Thomas",
        "Jørgensen",
        "Hans Raanes vei 3 B",
        "",
        "9409",
        "Harstad",
    );
    q.birth_date = NaiveDate::from_ymd_opt(1990, 1, 1);
    assert!(!judge.fair(&q, None));
    // A wrong truth is refused.
    assert!(!judge.fair(
        &lead(
            "Per",
            "Vik",
            "Nedre Tyttebærlia 12",
            "",
            "7030",
            "Trondheim"
        ),
        Some(0)
    ));
}

#[test]
fn the_judge_folds_spellings_glyphs_and_houses() {
    for group in names::SPELLINGS {
        let f = fold(group[0]);
        assert!(
            group.iter().all(|g| name_could_be(&fold(g), &f)),
            "{group:?}"
        );
    }
    assert!(!name_could_be(&fold("Kjell"), &fold("Knut")));
    assert_eq!(fold("Bjøm"), fold("Bjørn"));
    assert_eq!(fold("So1berg"), fold("Solberg"));
    let p = places();
    let town = |pc: &str, city: &str| {
        read_towns(
            &PersonQuery {
                postcode: pc.into(),
                city: city.into(),
                ..PersonQuery::default()
            },
            p,
        )
    };
    assert_eq!(town("94O9", ""), town("9409", ""));
    assert_eq!(town("", "9409 Harstad"), town("9409", "HARSTAD"));
    assert_eq!(town("?", "harstad"), town("9409", ""));
    assert_eq!(town("'0150", ""), town("", "Oslo"));
    let house = |street: &str, number: &str, letter: &str| {
        read_house(&PersonQuery {
            street: street.into(),
            house_number: number.into(),
            house_letter: letter.into(),
            ..PersonQuery::default()
        })
    };
    let h = house("Øvre Blåbærgata", "12", "B").expect("a house");
    for other in [
        house("Ø.Blåbærgata  12\u{a0}B", "", ""),
        house("\"Øvr. Blabaergaten 12 B, H0101\"", "", ""),
        house("Ã˜vre BlÃ¥bÃ¦rgata", "12B", ""),
        house("Øvre Blåbærga", "12 B", ""),
    ] {
        let o = other.expect("a house");
        assert_eq!((o.number, o.letter), (h.number, h.letter));
        assert!(street_could_be(&o.street, &h.street), "{o:?}");
    }
    let partner = house("Nedre Blåbærgata 12 B", "", "").expect("a house");
    assert!(!street_could_be(&partner.street, &h.street));
}

#[test]
fn a_debug_build_generates_quickly() {
    let t = std::time::Instant::now();
    let s = generate(3, 20_000, 2_000);
    let secs = t.elapsed().as_secs_f64();
    println!("20 000 persons, 2 000 leads: {secs:.1} s");
    assert!(s.register.len() >= 20_000);
    assert_eq!(s.leads.len(), 2_000);
    assert!(secs < 60.0);
}
