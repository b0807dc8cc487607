//! Tests of the eighteenth set from the outside: none uses the matcher.

use std::collections::{HashMap, HashSet};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::corruption::*;
use super::judge::{self, Judge, fold, name_word_could, read_postcode, street_could};
use super::look_alikes;
use super::names;
use super::population::Population;
use super::*;

fn set_and_population(seed: u64, persons: usize, leads: usize) -> (Set, Population) {
    let set = generate(seed, persons, leads);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x1818_1818);
    let pop = Population::generate(seed, &mut rng, persons);
    assert_eq!(
        pop.register, set.register,
        "the population is rebuilt as generated"
    );
    (set, pop)
}

#[test]
fn deterministic_per_seed_and_the_seed_matters() {
    let a = generate(5, 3_000, 600);
    let b = generate(5, 3_000, 600);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let c = generate(6, 3_000, 600);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn every_kind_gets_its_share_and_truths_are_valid_and_used_once() {
    let set = generate(11, 20_000, 4_000);
    assert_eq!(set.register.len(), 20_000);
    assert_eq!(set.leads.len(), 4_000);
    let mut per: HashMap<&str, usize> = HashMap::new();
    for l in &set.leads {
        *per.entry(l.kind).or_default() += 1;
    }
    for (k, n) in counts(2_000, CORRUPTED_KINDS)
        .into_iter()
        .chain(counts(2_000, LOOK_ALIKE_KINDS))
    {
        assert_eq!(per.get(k).copied().unwrap_or(0), n, "{k}");
    }
    let mut seen = HashSet::new();
    let corrupted: Vec<&Lead> = set.leads.iter().filter(|l| l.truth.is_some()).collect();
    assert_eq!(corrupted.len(), 2_000);
    for l in corrupted {
        let t = l.truth.expect("truth");
        assert!(t < set.register.len());
        assert!(seen.insert(t), "truth {t} used twice");
        assert!(CORRUPTED_KINDS.iter().any(|(k, _)| *k == l.kind));
    }
    for l in set.leads.iter().filter(|l| l.truth.is_none()) {
        assert!(LOOK_ALIKE_KINDS.iter().any(|(k, _)| *k == l.kind));
    }
    assert_eq!(ISSUE_KINDS.len(), 11);
    assert_eq!(OWN_KINDS.len(), 5);
    let total: u32 = CORRUPTED_KINDS.iter().map(|k| k.1).sum();
    assert_eq!(total, 1000);
    let total: u32 = LOOK_ALIKE_KINDS.iter().map(|k| k.1).sum();
    assert_eq!(total, 1000);
}

#[test]
fn a_fresh_judge_finds_every_label_fair() {
    let (set, pop) = set_and_population(3, 8_000, 2_000);
    let judge = Judge::new(&pop);
    for (r, row) in set.register.iter().enumerate() {
        if r % 7 == 0 {
            assert!(judge.fair_corrupted(&PersonQuery::from(row), r), "{row:?}");
        }
    }
    for l in &set.leads {
        match l.truth {
            Some(t) => assert!(judge.fair_corrupted(&l.query, t), "{l:?}"),
            None => assert!(judge.fair_look_alike(&l.query), "{l:?}"),
        }
    }
}

#[test]
fn household_look_alikes_stand_at_a_reserved_persons_house() {
    let (set, pop) = set_and_population(4, 8_000, 2_000);
    let judge = Judge::new(&pop);
    for l in set.leads.iter().filter(|l| {
        l.kind == look_alikes::HOUSEHOLD || l.kind == look_alikes::SAME_HOUSE_OTHER_GIVEN
    }) {
        assert!(!judge.candidates(&l.query).is_empty(), "{l:?}");
    }
}

fn first(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

#[test]
fn each_corruption_does_what_its_name_says() {
    let set = generate(9, 20_000, 6_000);
    let aa = |s: &str| s.chars().any(|c| "æøåÆØÅ".contains(c));
    for l in set.leads.iter().filter(|l| l.truth.is_some()) {
        let q = &l.query;
        let row = &set.register[l.truth.expect("truth")];
        let ok = match l.kind {
            POSTCODE_SAME_TOWN => {
                q.postcode != row.postcode
                    && q.postcode.chars().all(|c| c.is_ascii_digit())
                    && fold(&q.city) == fold(&row.city)
            }
            POSTCODE_GLYPHS => {
                q.postcode.chars().any(char::is_alphabetic)
                    && read_postcode(&q.postcode) == row.postcode
            }
            POSTCODE_NONE => !q.postcode.chars().any(|c| c.is_ascii_digit()) && !q.city.is_empty(),
            BOLIG => names::BOLIG.iter().any(|b| q.street.ends_with(b)),
            PERSON_INITIAL => {
                let w = first(&q.street);
                w.trim_end_matches('.').chars().count() == 1
                    && row.street.starts_with(w.trim_end_matches('.'))
                    && first(&row.street).chars().count() > 1
            }
            PREFIX_SHORT => {
                let w = first(&q.street);
                w.ends_with('.')
                    && names::PREFIXES
                        .iter()
                        .any(|(p, s)| *p == first(&row.street) && s.contains(&w))
            }
            SPELLING => {
                let (a, b) = (first(&q.given_names), first(&row.given_names));
                !a.eq_ignore_ascii_case(b)
                    && names::family_of(a).is_some()
                    && names::family_of(a) == names::family_of(b)
            }
            OCR => {
                let lower = |x: &str| x.to_lowercase();
                let changed = lower(&q.given_names) != lower(&row.given_names)
                    || lower(&q.surname) != lower(&row.surname)
                    || !lower(&q.street).starts_with(&lower(&row.street));
                changed
                    && name_word_could(&q.given_names, &row.given_names)
                    && name_word_could(&q.surname, &row.surname)
                    && judge::street_could(&judge::house(q).0, &row.street)
            }
            LOSSY => {
                let lost = [
                    (&q.given_names, &row.given_names),
                    (&q.surname, &row.surname),
                    (&q.street, &row.street),
                    (&q.city, &row.city),
                ]
                .iter()
                .filter(|(a, b)| aa(b) && !aa(a))
                .count();
                lost == 2
            }
            WHITESPACE => q.street.contains('\u{a0}') && q.given_names.ends_with("  "),
            TWO => q.postcode != row.postcode,
            X000D => [&q.given_names, &q.surname, &q.street, &q.city]
                .iter()
                .any(|f| f.contains("_x000D_")),
            BIRTH_UTC => q.birth_date == row.birth_date.and_then(|d| d.pred_opt()),
            BIRTH_SIGNUP => q
                .birth_date
                .is_some_and(|d| d > chrono::NaiveDate::from_ymd_opt(2023, 12, 31).expect("d")),
            SURNAME_DOUBLING => {
                !q.surname.eq_ignore_ascii_case(&row.surname)
                    && q.surname.to_lowercase() != row.surname.to_lowercase()
                    && fold(&q.surname) == fold(&row.surname)
                    && q.surname
                        .chars()
                        .count()
                        .abs_diff(row.surname.chars().count())
                        == 1
            }
            GREETING => names::GREETINGS
                .iter()
                .any(|g| first(&q.given_names).trim_end_matches(',') == *g),
            _ => {
                fold(&q.given_names) == fold(&row.given_names)
                    && fold(&q.surname) == fold(&row.surname)
            }
        };
        assert!(ok, "{}: {q:?} <- {row:?}", l.kind);
    }
}

#[test]
fn the_judge_reads_the_issue_examples_and_tells_one_edit_names_apart() {
    for (a, b) in [
        ("Thomas", "Tomas"),
        ("Carl", "Karl"),
        ("Kristoffer", "Christoffer"),
        ("Tor", "Thor"),
        ("Christian", "Kristian"),
        ("Hornnes", "Homnes"),
        ("Helleland", "He1leland"),
        ("Sæbø", "Saeboe"),
        ("Løken", "Løkken"),
    ] {
        assert!(name_word_could(a, b), "{a} {b}");
    }
    for &(a, b) in names::ONE_EDIT_GIVEN.iter().chain(names::ONE_EDIT_SURNAME) {
        assert!(!name_word_could(a, b), "{a} {b}");
    }
    let w = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    assert!(street_could(&w("H. Raanes vei"), "Haakon Raanes vei"));
    assert!(street_could(&w("Ndr. Lerkeveien"), "Nordre Lerkeveien"));
    assert!(street_could(&w("Ø. Lerkeveien"), "Østre Lerkeveien"));
    assert!(street_could(&w("St. Ugleåsen"), "Store Ugleåsen"));
    assert!(!street_could(&w("Lerkeveien"), "Trostveien"));
    let q = PersonQuery {
        street: "Lerkeveien_x000D_\n12 B".into(),
        ..PersonQuery::default()
    };
    assert_eq!(
        judge::house(&q),
        (w("Lerkeveien"), Some(12), "B".to_owned())
    );
    let q = PersonQuery {
        street: "Lerkeveien 12B, H0201".into(),
        ..PersonQuery::default()
    };
    assert_eq!(
        judge::house(&q),
        (w("Lerkeveien"), Some(12), "B".to_owned())
    );
    assert_eq!(doubling("Hornnes").as_deref(), Some("Hornes"));
    assert_eq!(doubling("Sæbø").as_deref(), Some("Sæbbø"));
    assert_eq!(flatten("Grønvold", false), "Gronvold");
}

#[test]
fn a_small_register_gives_fewer_leads_but_never_unfair_ones() {
    let set = generate(2, 60, 200);
    assert!(set.leads.len() <= 200);
    let truths: Vec<usize> = set.leads.iter().filter_map(|l| l.truth).collect();
    let unique: HashSet<&usize> = truths.iter().collect();
    assert_eq!(unique.len(), truths.len());
}
