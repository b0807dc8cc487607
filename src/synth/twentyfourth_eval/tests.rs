//! Tests of the twenty-fourth set, from the outside: none uses the matcher.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::judge::{
    Judge, given_words_clash, key, read_postcode, read_street, read_text, streets_match,
};
use super::leads::{self, CORRUPTED, LOOK_ALIKES, counts};
use super::names::{
    MEN_FAMILIES, NEAR_PAIRS, SURNAMES, WOMEN_FAMILIES, family_of, given_pool, glue,
};
use super::{ISSUE_KINDS, LOOK_ALIKE_KINDS, OWN_KINDS, Set, UNCHANGED, generate};
use crate::person::{PersonQuery, PersonRecord};

const PERSONS: usize = 2000;
const LEADS: usize = 400;

fn small(seed: u64) -> Set {
    generate(seed, PERSONS, LEADS)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[test]
fn deterministic_per_seed_and_the_seed_matters() {
    let a = small(11);
    let b = small(11);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let c = small(12);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn every_kind_gets_exactly_its_share() {
    let total: u32 = CORRUPTED.iter().map(|k| k.1).sum();
    assert_eq!(total, 1000);
    let total: u32 = LOOK_ALIKES.iter().map(|k| k.1).sum();
    assert_eq!(total, 1000);
    assert_eq!(
        ISSUE_KINDS.len() + OWN_KINDS.len() + 1,
        CORRUPTED.len(),
        "issue + own + control"
    );
    assert_eq!(LOOK_ALIKE_KINDS.len(), LOOK_ALIKES.len());
    for seed in [3, 2026] {
        let set = small(seed);
        let mut got: HashMap<&str, usize> = HashMap::new();
        for l in &set.leads {
            *got.entry(l.kind).or_default() += 1;
        }
        let wanted = counts(LEADS / 2, CORRUPTED);
        for (&(k, _), &w) in CORRUPTED.iter().zip(&wanted) {
            assert!(w > 0);
            assert_eq!(got.get(k).copied().unwrap_or(0), w, "seed {seed} kind {k}");
        }
        let wanted = counts(LEADS - LEADS / 2, LOOK_ALIKES);
        for (&(k, _), &w) in LOOK_ALIKES.iter().zip(&wanted) {
            assert_eq!(got.get(k).copied().unwrap_or(0), w, "seed {seed} kind {k}");
        }
        assert_eq!(set.leads.len(), LEADS);
    }
    assert_eq!(counts(7, &[("a", 500), ("b", 500)]), vec![4, 3]);
}

#[test]
fn truths_valid_used_once_half_the_leads() {
    let set = small(5);
    let mut seen = HashSet::new();
    let mut corrupted = 0;
    for l in &set.leads {
        if let Some(t) = l.truth {
            assert!(t < set.register.len());
            assert!(seen.insert(t), "truth {t} used twice");
            assert!(!LOOK_ALIKE_KINDS.contains(&l.kind));
            corrupted += 1;
        } else {
            assert!(LOOK_ALIKE_KINDS.contains(&l.kind));
        }
    }
    assert_eq!(corrupted, LEADS / 2);
    assert!(set.register.len() >= PERSONS * 9 / 10);
}

#[test]
fn the_clerk_judges_every_label_fair() {
    let set = small(8);
    let judge = Judge::new(&set.register);
    for (i, r) in set.register.iter().enumerate() {
        assert_eq!(judge.could_be(&PersonQuery::from(r)), vec![i], "row {r:?}");
    }
    for l in &set.leads {
        match l.truth {
            Some(t) => {
                assert!(
                    judge.corrupted_fair(&l.query, t),
                    "{}: {:?} vs {:?}",
                    l.kind,
                    l.query,
                    set.register[t]
                );
                if let Some(b) = l.query.birth_date {
                    assert_eq!(Some(b), set.register[t].birth_date);
                }
            }
            None => assert!(judge.look_alike_fair(&l.query), "{}: {:?}", l.kind, l.query),
        }
    }
}

fn folded_row(r: &PersonRecord) -> (String, String, String, String, String) {
    (
        key(&r.given_names),
        key(&r.surname),
        key(&r.street),
        r.house_number.clone(),
        key(&r.city),
    )
}

#[test]
fn look_alikes_are_really_not_in_the_register() {
    let set = small(9);
    let rows: HashSet<_> = set.register.iter().map(folded_row).collect();
    for l in set.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &l.query;
        let (words, number, _) = read_street(&q.street, &q.house_number, &q.house_letter);
        let street = words.concat();
        let number = number.map(|n| n.to_string()).unwrap_or_default();
        let probe = (
            key(&read_text(&q.given_names)),
            key(&read_text(&q.surname)),
            street,
            number,
            key(&read_text(&q.city)),
        );
        assert!(!rows.contains(&probe), "{}: {q:?}", l.kind);
    }
}

fn non_ascii_fields(q: &PersonQuery, pred: impl Fn(char) -> bool) -> usize {
    [&q.given_names, &q.surname, &q.street, &q.city]
        .iter()
        .filter(|s| s.chars().any(&pred))
        .count()
}

#[test]
fn each_corruption_shows_its_damage() {
    let set = small(21);
    for l in &set.leads {
        let Some(t) = l.truth else { continue };
        let r = &set.register[t];
        let q = &l.query;
        let k = l.kind;
        let digits = |s: &str| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit());
        let ok = match k {
            leads::FILL => {
                digits(&q.postcode) && {
                    let d = q.postcode.parse::<i32>().unwrap() - r.postcode.parse::<i32>().unwrap();
                    (1..=4).contains(&d.abs())
                }
            }
            leads::OVERPUNCH => {
                !digits(&q.postcode) && read_postcode(&q.postcode) == Some(r.postcode.clone())
            }
            leads::MERGE => read_postcode(&q.postcode).is_none() && !q.postcode.is_empty(),
            leads::BOLIG_GLUE => {
                let low = q.street.to_lowercase();
                low.split_whitespace().last().is_some_and(|t| {
                    t.starts_with(|c: char| c.is_ascii_digit())
                        && (t.contains('h') || t.contains('u') || t.contains('k'))
                })
            }
            leads::TITLE_ABBR => {
                q.street.split(' ').next() != r.street.split(' ').next()
                    && q.street.contains(r.street.split(' ').next_back().unwrap())
            }
            leads::LABEL => {
                let first = q.street.split(' ').next().unwrap();
                first.chars().count() <= 3 && q.house_number.is_empty()
            }
            leads::BROKER => {
                let a = q.given_names.split(' ').next().unwrap();
                let b = r.given_names.split(' ').next().unwrap();
                key(a) != key(b) && family_of(b).is_some() && given_words_clash(a, b)
            }
            leads::LIGATURE => non_ascii_fields(q, |c| ('\u{fb00}'..='\u{fb06}').contains(&c)) > 0,
            leads::MAC_ROMAN => non_ascii_fields(q, |c| "¾¿Œ®¯\u{81}".contains(c)) == 2,
            leads::TEXTAREA => q.street.contains('\n'),
            leads::MAINFRAME => {
                !digits(&q.postcode)
                    && read_postcode(&q.postcode) == Some(r.postcode.clone())
                    && q.street
                        .split_whitespace()
                        .last()
                        .is_some_and(|t| t.len() >= 6)
            }
            leads::LABEL_MERGE => {
                read_postcode(&q.postcode).is_none()
                    && q.street.split(' ').next().unwrap().chars().count() <= 3
            }
            leads::US_LAYOUT => (1..=2).contains(&non_ascii_fields(q, |c| ";'[:\"{".contains(c))),
            leads::AGE => q.surname.chars().any(|c| c.is_ascii_digit()),
            leads::QP => {
                q.given_names.contains("=C3")
                    || q.surname.contains("=C3")
                    || q.street.contains("=C3")
                    || q.city.contains("=C3")
            }
            leads::US_CRM => q.street.contains('#'),
            UNCHANGED => {
                key(&q.given_names) == key(&r.given_names)
                    && key(&q.surname) == key(&r.surname)
                    && q.postcode == r.postcode
            }
            other => panic!("unknown kind {other}"),
        };
        assert!(ok, "{k}: {q:?} <- {r:?}");
    }
}

#[test]
fn readers_on_examples() {
    assert_eq!(read_postcode("500C").as_deref(), Some("5003"));
    assert_eq!(read_postcode("500{").as_deref(), Some("5000"));
    assert_eq!(read_postcode("941R").as_deref(), Some("9419"));
    assert_eq!(read_postcode(" 0150 ").as_deref(), Some("0150"));
    assert_eq!(read_postcode("«Postnr»"), None);
    assert_eq!(read_postcode("{ MERGEFIELD Postnr }"), None);
    assert_eq!(read_postcode(""), None);
    let s = |a: &str, n: &str, l: &str| read_street(a, n, l);
    assert_eq!(
        s("Kirkebakken 12BH0201", "", ""),
        (vec!["kirkebakken".into()], Some(12), Some('b'))
    );
    assert_eq!(
        s("Kirkebakken 12h0201", "", ""),
        (vec!["kirkebakken".into()], Some(12), None)
    );
    assert_eq!(
        s("Kirkebakken #12B, Apt H0201", "", ""),
        (vec!["kirkebakken".into()], Some(12), Some('b'))
    );
    assert_eq!(
        s("Kirkebakken\r\n12\r\nB\r\n", "", ""),
        (vec!["kirkebakken".into()], Some(12), Some('b'))
    );
    assert_eq!(
        s("Kirkebakken", "7", "C"),
        (vec!["kirkebakken".into()], Some(7), Some('c'))
    );
    assert_eq!(
        s("Bp. Brandts vei 3", "", "").0,
        vec!["bp".to_string(), "brandts".into(), "vei".into()]
    );
    assert_eq!(read_text("J=C3=B8rgensen"), "Jørgensen");
    assert_eq!(read_text("S¾ther T\u{81}RN Bl¿"), "Sæther TÅRN Blø");
    assert_eq!(
        read_text("J;rgensen Bl[b'r TROMS:"),
        "Jørgensen Blåbær TROMSØ"
    );
    assert_eq!(read_text("Kriﬆoﬀer Fiﬂ"), "Kristoffer Fifl");
    let w = |s: &str| s.split(' ').map(key).collect::<Vec<_>>();
    assert!(streets_match(
        &w("bp brandts vei"),
        &w("biskop brandts vei")
    ));
    assert!(streets_match(&w("øvr kirkebakken"), &w("øvre kirkebakken")));
    assert!(streets_match(
        &w("j n bruns vei"),
        &w("johan nordahl bruns vei")
    ));
    assert!(streets_match(
        &w("sgpr hougens gate"),
        &w("sogneprest hougens gate")
    ));
    assert!(!streets_match(&w("kirkebakken"), &w("øvre kirkebakken")));
    assert!(!streets_match(
        &w("ned kirkebakken"),
        &w("øvre kirkebakken")
    ));
    assert!(!streets_match(&w("kirkebakke"), &w("kirkebakken")));
    assert!(!streets_match(
        &w("bp brandts gate"),
        &w("biskop brandts vei")
    ));
    assert!(given_words_clash("Tomas", "THOMAS"));
    assert!(given_words_clash("Katrine", "Cathrine"));
    assert!(!given_words_clash("Martin", "Martine"));
    assert!(!given_words_clash("Kristin", "Kristine"));
    assert_eq!(glue("Kapell", "lia"), "Kapellia");
    assert_eq!(glue("Kirke", "veien"), "Kirkeveien");
}

#[test]
fn word_lists_keep_names_apart() {
    for (i, a) in SURNAMES.iter().enumerate() {
        for b in &SURNAMES[i + 1..] {
            assert!(edit_distance(&key(a), &key(b)) > 1, "{a} {b}");
        }
    }
    for male in [true, false] {
        let pool = given_pool(male);
        let keys: HashSet<String> = pool.iter().map(|n| key(n)).collect();
        assert_eq!(keys.len(), pool.len(), "no two names of one key");
    }
    let mut seen = HashSet::new();
    for f in MEN_FAMILIES.iter().chain(WOMEN_FAMILIES) {
        assert!(f.len() >= 2);
        for n in *f {
            assert!(seen.insert(key(n)), "{n} in two families");
        }
    }
    for (m, w) in NEAR_PAIRS {
        assert!(given_pool(true).contains(m), "{m}");
        assert!(given_pool(false).contains(w), "{w}");
        assert!(!given_words_clash(m, w));
    }
}

fn record(
    given: &str,
    surname: &str,
    street: &str,
    n: &str,
    l: &str,
    birth: (i32, u32, u32),
) -> PersonRecord {
    PersonRecord {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        house_number: n.into(),
        house_letter: l.into(),
        postcode: "5003".into(),
        city: "BERGEN".into(),
        birth_date: NaiveDate::from_ymd_opt(birth.0, birth.1, birth.2),
        national_id: None,
    }
}

#[test]
fn the_judge_on_hand_written_examples() {
    let reg = vec![
        record(
            "Tomas",
            "Berg",
            "Biskop Brandts vei",
            "12",
            "B",
            (1970, 3, 4),
        ),
        record(
            "Martine",
            "Berg",
            "Biskop Brandts vei",
            "12",
            "B",
            (1972, 5, 6),
        ),
        record(
            "Kari Anne",
            "Sæther",
            "Øvre Tårnløkka",
            "4",
            "",
            (1955, 1, 2),
        ),
        record("Ole", "Lie", "Prost Brandts vei", "12", "", (1960, 1, 2)),
        record("Ole", "Lie", "Pastor Brandts vei", "12", "", (1961, 1, 2)),
    ];
    let j = Judge::new(&reg);
    let q = |given: &str, surname: &str, street: &str, postcode: &str, city: &str| PersonQuery {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        postcode: postcode.into(),
        city: city.into(),
        ..PersonQuery::default()
    };
    // Each damage read back.
    assert_eq!(
        j.could_be(&q(
            "Thomas",
            "Berg",
            "Bp. Brandts vei 12B",
            "5005",
            "Bergen"
        )),
        vec![0]
    );
    assert_eq!(
        j.could_be(&q(
            "TOMAS",
            "BERG",
            "BISKOP BRANDTS VEI 12BH0301",
            "500C",
            "BERGEN"
        )),
        vec![0]
    );
    assert_eq!(
        j.could_be(&q(
            "Kari",
            "S¾ther",
            "ØVR T\u{81}RNLØKKA 4",
            "«Postnr»",
            "bergen"
        )),
        vec![2]
    );
    assert_eq!(
        j.could_be(&q(
            "Kari Anne",
            "S¾ther",
            "ØVR T\u{81}RNLØKKA 4",
            "«Postnr»",
            "bergen"
        )),
        vec![2]
    );
    assert_eq!(
        j.could_be(&q(
            "Anne Kari",
            "S=C3=A6ther, 71 år",
            "Øvre Tårnløkka\n4",
            "",
            "BERGEN"
        )),
        vec![2]
    );
    // Another age is another person.
    assert_eq!(
        j.could_be(&q(
            "Kari Anne",
            "Sæther (30)",
            "Øvre Tårnløkka 4",
            "5003",
            "BERGEN"
        )),
        Vec::<usize>::new()
    );
    // No town, another number, another prefix, a dropped prefix: nobody.
    assert!(
        j.could_be(&q("Tomas", "Berg", "Biskop Brandts vei 12 B", "", ""))
            .is_empty()
    );
    assert!(
        j.could_be(&q(
            "Tomas",
            "Berg",
            "Biskop Brandts vei 14 B",
            "5003",
            "BERGEN"
        ))
        .is_empty()
    );
    assert!(
        j.could_be(&q(
            "Kari Anne",
            "Sæther",
            "Nedre Tårnløkka 4",
            "5003",
            "BERGEN"
        ))
        .is_empty()
    );
    assert!(
        j.could_be(&q("Kari Anne", "Sæther", "Tårnløkka 4", "5003", "BERGEN"))
            .is_empty()
    );
    // Martin is not Martine, nor Tomas.
    assert!(
        j.could_be(&q(
            "Martin",
            "Berg",
            "Biskop Brandts vei 12 B",
            "5003",
            "BERGEN"
        ))
        .is_empty()
    );
    // `Pr.` fits Prost and Pastor alike: not fair as a corrupted lead.
    assert_eq!(
        j.could_be(&q("Ole", "Lie", "Pr. Brandts vei 12", "5003", "BERGEN")),
        vec![3, 4]
    );
    assert!(!j.corrupted_fair(&q("Ole", "Lie", "Pr. Brandts vei 12", "5003", "BERGEN"), 3));
    assert!(j.corrupted_fair(
        &q("Ole", "Lie", "Prst. Brandts vei 12", "5003", "BERGEN"),
        3
    ));
    // A birth date not the truth's.
    let mut wrong = q("Tomas", "Berg", "Biskop Brandts vei 12 B", "5003", "BERGEN");
    wrong.birth_date = NaiveDate::from_ymd_opt(1990, 3, 4);
    assert!(!j.corrupted_fair(&wrong, 0));
    assert!(j.look_alike_fair(&wrong));
    // A look-alike elsewhere whose name and birth date are a reserved person's is unfair.
    let mut moved = q("Tomas", "Berg", "Kirkeveien 1", "0150", "OSLO");
    assert!(j.look_alike_fair(&moved));
    moved.birth_date = NaiveDate::from_ymd_opt(1970, 3, 4);
    assert!(!j.look_alike_fair(&moved));
}

#[test]
fn a_tiny_register_gives_fewer_leads_and_an_empty_one_none() {
    let set = generate(4, 6, 200);
    assert!(set.leads.len() < 200);
    let mut seen = HashSet::new();
    for l in &set.leads {
        if let Some(t) = l.truth {
            assert!(seen.insert(t));
        }
    }
    let empty = generate(4, 0, 50);
    assert!(empty.register.is_empty() && empty.leads.is_empty());
}

#[test]
#[ignore = "prints examples of every kind"]
fn print_examples() {
    let set = generate(24, PERSONS, LEADS);
    for &(kind, _) in CORRUPTED.iter().chain(LOOK_ALIKES) {
        println!("## {kind}");
        for l in set.leads.iter().filter(|l| l.kind == kind).take(3) {
            let q = &l.query;
            print!(
                "  {:?} | {:?} | {:?} {:?} {:?} | {:?} {:?} | {:?}",
                q.given_names,
                q.surname,
                q.street,
                q.house_number,
                q.house_letter,
                q.postcode,
                q.city,
                q.birth_date
            );
            match l.truth {
                Some(t) => {
                    let r = &set.register[t];
                    println!(
                        "  <-  {} {} | {} {} {} | {} {}",
                        r.given_names,
                        r.surname,
                        r.street,
                        r.house_number,
                        r.house_letter,
                        r.postcode,
                        r.city
                    );
                }
                None => println!(),
            }
        }
    }
}

#[test]
#[ignore = "one generation at the issue's size"]
fn issue_size() {
    let t = std::time::Instant::now();
    let set = generate(2026, 200_000, 20_000);
    println!("{} leads in {:?}", set.leads.len(), t.elapsed());
    assert_eq!(set.leads.len(), 20_000);
}
