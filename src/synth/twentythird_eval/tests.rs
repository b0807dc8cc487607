//! The set checked from the outside, none of it with the matcher.

use std::collections::{HashMap, HashSet};

use super::judge::{Judge, fold, given_clash, key, name_eq, parse_postcode, parse_street};
use super::leads::{self, CORRUPTED, LOOK_ALIKES, counts};
use super::names::{AUTOCORRECT, ENDINGS, MEN, STEMS, SURNAMES, WOMEN};
use super::*;
use crate::person::{PersonQuery, PersonRecord};

const PERSONS: usize = 2_000;
const LEADS: usize = 400;

fn set() -> &'static Set {
    static S: std::sync::OnceLock<Set> = std::sync::OnceLock::new();
    S.get_or_init(|| generate(23, PERSONS, LEADS))
}

fn by_kind(set: &Set) -> HashMap<&'static str, Vec<&Lead>> {
    let mut m: HashMap<&'static str, Vec<&Lead>> = HashMap::new();
    for l in &set.leads {
        m.entry(l.kind).or_default().push(l);
    }
    m
}

#[test]
fn deterministic_per_seed() {
    let a = generate(5, 600, 120);
    let b = generate(5, 600, 120);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let c = generate(6, 600, 120);
    assert_ne!(a.register, c.register);
}

#[test]
fn every_kind_gets_its_share() {
    for shares in [CORRUPTED, LOOK_ALIKES] {
        assert_eq!(shares.iter().map(|(_, s)| s).sum::<u32>(), 1000);
    }
    assert_eq!(counts(10, &[("a", 333), ("b", 333), ("c", 334)]), [3, 3, 4]);
    assert_eq!(counts(2, &[("a", 500), ("b", 250), ("c", 250)]), [1, 1, 0]);
    let s = set();
    assert_eq!(s.register.len(), PERSONS);
    assert_eq!(s.leads.len(), LEADS);
    let kinds = by_kind(s);
    for (shares, total) in [(CORRUPTED, LEADS / 2), (LOOK_ALIKES, LEADS - LEADS / 2)] {
        for ((kind, _), want) in shares.iter().zip(counts(total, shares)) {
            let got = kinds.get(kind).map_or(0, Vec::len);
            assert_eq!(got, want, "{kind}");
        }
    }
    assert_eq!(
        ISSUE_KINDS.len() + OWN_KINDS.len() + 1,
        CORRUPTED.len(),
        "issue, own and control make every corruption kind"
    );
    let other = generate(99, PERSONS, LEADS);
    let kinds = by_kind(&other);
    for (kind, _) in CORRUPTED.iter().chain(LOOK_ALIKES) {
        assert!(kinds.get(kind).is_some_and(|v| !v.is_empty()), "{kind}");
    }
}

#[test]
fn truths_are_valid_and_used_once() {
    let s = set();
    let mut seen = HashSet::new();
    let mut corrupted = 0;
    for l in &s.leads {
        if let Some(t) = l.truth {
            assert!(t < s.register.len());
            assert!(seen.insert(t), "truth {t} used twice");
            assert!(!LOOK_ALIKE_KINDS.contains(&l.kind));
            corrupted += 1;
        } else {
            assert!(LOOK_ALIKE_KINDS.contains(&l.kind));
        }
    }
    assert_eq!(corrupted, LEADS / 2);
}

#[test]
fn a_fresh_judge_finds_every_label_fair() {
    let s = set();
    let judge = Judge::new(&s.register);
    for l in &s.leads {
        match l.truth {
            Some(t) => assert!(judge.corrupted_fair(&l.query, t), "{l:?}"),
            None => assert!(judge.look_alike_fair(&l.query), "{l:?}"),
        }
    }
    for (i, r) in s.register.iter().enumerate() {
        assert_eq!(judge.could_be(&PersonQuery::from(r)), [i], "{r:?}");
    }
}

#[test]
fn look_alikes_are_not_in_the_register() {
    let s = set();
    let judge = Judge::new(&s.register);
    let row_key = |q: &PersonQuery| {
        let (street, n, l) = parse_street(&format!(
            "{} {} {}",
            q.street, q.house_number, q.house_letter
        ));
        let first = judge::name_words(&q.given_names)
            .first()
            .map(|w| key(w))
            .unwrap_or_default();
        let sur = key(&fold(&q.surname));
        let street: Vec<String> = street.iter().map(|w| key(w)).collect();
        (first, sur, street, n, l, judge.towns_named(&q.city))
    };
    let rows: HashSet<_> = s
        .register
        .iter()
        .map(|r| row_key(&PersonQuery::from(r)))
        .collect();
    for l in s.leads.iter().filter(|l| l.truth.is_none()) {
        assert!(!rows.contains(&row_key(&l.query)), "{l:?}");
    }
}

fn truth_of<'a>(s: &'a Set, l: &Lead) -> &'a PersonRecord {
    &s.register[l.truth.expect("a corrupted lead")]
}

fn street_field(q: &PersonQuery) -> String {
    q.street.clone()
}

#[test]
fn each_corruption_shows_its_damage() {
    let s = set();
    let kinds = by_kind(s);
    let all = |k: &str| kinds.get(k).cloned().unwrap_or_default();
    for l in all(leads::KEYPAD) {
        let r = truth_of(s, l);
        assert_ne!(l.query.postcode, r.postcode);
        let back: String = l
            .query
            .postcode
            .chars()
            .map(|c| match c {
                '1' => '7',
                '7' => '1',
                '2' => '8',
                '8' => '2',
                '3' => '9',
                '9' => '3',
                c => c,
            })
            .collect();
        assert_eq!(back, r.postcode);
        assert_eq!(key(&fold(&l.query.city)), key(&fold(&r.city)));
    }
    for l in all(leads::COMB) {
        let r = truth_of(s, l);
        assert!(l.query.postcode.chars().any(|c| "|[]Il".contains(c)));
        assert_eq!(
            parse_postcode(&l.query.postcode).as_deref(),
            Some(&*r.postcode)
        );
    }
    for l in all(leads::DITTO) {
        assert!(!l.query.postcode.is_empty());
        assert!(!l.query.postcode.chars().any(|c| c.is_ascii_digit()));
        assert!(!l.query.city.is_empty());
    }
    for l in all(leads::BOLIG) {
        let f = street_field(&l.query);
        assert!(
            f.contains(" 0") || f.contains("-0") || f.contains("H0") || f.contains("U0"),
            "{f}"
        );
        assert!(l.query.house_number.is_empty());
    }
    for l in all(leads::OLD_ABBR) {
        let r = truth_of(s, l);
        let abbreviated = super::names::OLD_ABBREVIATIONS.iter().any(|(g, a)| {
            r.street.contains(g)
                && a.iter()
                    .any(|x| l.query.street.contains(x.trim_end_matches('.')))
        });
        assert!(abbreviated, "{} ← {}", l.query.street, r.street);
    }
    for l in all(leads::DANISH) {
        let r = truth_of(s, l);
        let (full, abbr) = super::names::PREFIXES
            .iter()
            .find(|(p, _)| r.street.starts_with(p))
            .expect("a prefixed street");
        assert!(
            l.query.street.starts_with(abbr),
            "{} {full}",
            l.query.street
        );
    }
    for l in all(leads::AUTOCORRECT) {
        let r = truth_of(s, l);
        let first = r.given_names.split(' ').next().unwrap();
        let english = AUTOCORRECT.iter().find(|(n, _)| *n == first).unwrap().1;
        assert!(
            l.query
                .given_names
                .to_lowercase()
                .starts_with(&english.to_lowercase())
        );
    }
    for l in all(leads::CARBON) {
        let r = truth_of(s, l);
        let changed = [
            (&l.query.given_names, &r.given_names),
            (&l.query.surname, &r.surname),
        ]
        .iter()
        .any(|(a, b)| judge::ocr_one(&a.to_lowercase(), &b.to_lowercase()))
            || !l
                .query
                .street
                .to_lowercase()
                .starts_with(&r.street.to_lowercase());
        assert!(changed, "{l:?}");
    }
    for l in all(leads::ISO646) {
        let q = &l.query;
        let fields = [&q.given_names, &q.surname, &q.street, &q.city];
        let n = fields
            .iter()
            .filter(|f| f.chars().any(|c| "[\\]{|}".contains(c)))
            .count();
        assert_eq!(n, 2, "{q:?}");
    }
    for l in all(leads::IDEOGRAPHIC) {
        assert!(l.query.street.contains('\u{3000}'));
    }
    for l in all(leads::PHONE_BOOK) {
        let r = truth_of(s, l);
        let q = &l.query;
        assert!(q.postcode.is_empty());
        let changed = q.given_names.to_lowercase() != r.given_names.to_lowercase()
            || q.surname.to_lowercase() != r.surname.to_lowercase()
            || !q
                .street
                .to_lowercase()
                .starts_with(&r.street.to_lowercase());
        assert!(changed, "{q:?}");
    }
    for l in all(leads::CYRILLIC_KIND) {
        let q = &l.query;
        assert!(
            format!("{}{}", q.given_names, q.surname)
                .chars()
                .any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
        );
    }
    for l in all(leads::BOM) {
        assert!(l.query.given_names.starts_with("ï»¿"));
    }
    for l in all(leads::OFF_BY_ONE) {
        let r = truth_of(s, l);
        let rest: String = r.street.chars().skip(1).collect();
        assert!(
            l.query.street.starts_with(&rest),
            "{} ← {}",
            l.query.street,
            r.street
        );
    }
    for l in all(leads::MULTITAP) {
        let r = truth_of(s, l);
        let q = &l.query;
        let one = |a: &str, b: &str| {
            let a: Vec<char> = a.to_lowercase().chars().collect();
            let b: Vec<char> = b.to_lowercase().chars().collect();
            a.len() == b.len() && a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
        };
        let street_name: String = q
            .street
            .split(' ')
            .take(r.street.split(' ').count())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            one(&q.surname, &r.surname) || one(&street_name, &r.street),
            "{q:?}"
        );
    }
    for l in all(leads::UNCHANGED) {
        let r = truth_of(s, l);
        assert_eq!(l.query.postcode, r.postcode);
        assert_eq!(l.query.surname.to_lowercase(), r.surname.to_lowercase());
    }
}

fn row(
    given: &str,
    surname: &str,
    street: &str,
    n: &str,
    letter: &str,
    code: &str,
) -> PersonRecord {
    PersonRecord {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        house_number: n.into(),
        house_letter: letter.into(),
        postcode: code.into(),
        city: String::new(),
        birth_date: None,
        national_id: None,
    }
}

fn lead(given: &str, surname: &str, street: &str, n: &str, code: &str, city: &str) -> PersonQuery {
    PersonQuery {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        house_number: n.into(),
        postcode: code.into(),
        city: city.into(),
        ..PersonQuery::default()
    }
}

#[test]
fn the_judge_on_hand_written_examples() {
    let register = vec![
        row("Tomas", "Sørensen", "Stasjonsveien", "4", "", "2609"),
        row("Kari", "Hansen", "Lille Perronggata", "12", "B", "5003"),
        row(
            "Gudrun",
            "Rønning",
            "Christian Berghs gate",
            "7",
            "",
            "9008",
        ),
        row("Tone", "Berg", "Skinnebakken", "3", "", "0150"),
        row("Jon", "Holm", "Fredrik Holst vei", "21", "", "7010"),
    ];
    let j = Judge::new(&register);
    let fair = |q: PersonQuery, t: usize| j.corrupted_fair(&q, t);
    // The issue's kinds, each through its source, are read back.
    assert!(fair(
        lead(
            "Tomas",
            "Sørensen",
            "Stasjonsveien",
            "4",
            "8603",
            "Lillehammer"
        ),
        0
    ));
    assert!(fair(
        lead("Tomas", "Sørensen", "Stasjonsveien", "4", "2|6|0|9", ""),
        0
    ));
    assert!(fair(
        lead("Tomas", "Sørensen", "Stasjonsveien", "4", "2I6I0I9", ""),
        0
    ));
    assert!(fair(
        lead(
            "Tomas",
            "Sørensen",
            "Stasjonsveien",
            "4",
            "\"",
            "LILLEHAMMER"
        ),
        0
    ));
    assert!(fair(
        lead(
            "Kari",
            "Hansen",
            "Lille Perronggata 12 B, H 02 01",
            "",
            "5003",
            ""
        ),
        1
    ));
    assert!(fair(
        lead(
            "Kari",
            "Hansen",
            "Lille Perronggata 12B H02-01",
            "",
            "5003",
            ""
        ),
        1
    ));
    assert!(fair(
        lead("Gudrun", "Rønning", "Chr. Berghs gate", "7", "9008", ""),
        2
    ));
    assert!(fair(
        lead("Kari", "Hansen", "Ll. Perronggata 12 B", "", "5003", ""),
        1
    ));
    assert!(fair(
        lead("THOMAS", "SØRENSEN", "Stasjonsveien", "4", "2609", ""),
        0
    ));
    assert!(fair(
        lead(
            "Giidrun",
            "Rønning",
            "Christian Berghs gate",
            "7",
            "9008",
            ""
        ),
        2
    ));
    assert!(fair(
        lead(
            "Gudrun",
            "R|nning",
            "Christian Berghs gate",
            "7",
            "9008",
            "TROMS\\"
        ),
        2
    ));
    assert!(fair(
        lead(
            "Tomas",
            "Sørensen",
            "Stasjonsveien\u{3000}４",
            "",
            "2609",
            ""
        ),
        0
    ));
    assert!(fair(
        lead("Tone", "Berg", "Skinnebakken", "3", "", "Oslo"),
        3
    ));
    assert!(fair(
        lead("Tone", "Berg", "Skinnebakken", "3", "", "Oslo"),
        3
    ));
    assert!(fair(
        lead("Jon", "Ho1m", "Fredrik Holst vei", "21", "", "Trondheim"),
        4
    ));
    // The own kinds.
    assert!(fair(
        lead("Tоne", "Berg", "Skinnebakken", "3", "0150", ""),
        3
    ));
    assert!(fair(
        lead("ï»¿Tone", "Berg", "Skinnebakken", "3", "0150", ""),
        3
    ));
    assert!(fair(
        lead("Tone", "Berg", "kinnebakken 3", "", "0150", ""),
        3
    ));
    assert!(fair(
        lead("Tomas", "Sørensen", "Stasjonsveien", "4", "2609", ""),
        0
    ));
    assert!(fair(
        lead("TOMAS", "SØRENSEN", "STASJONSVEIEM", "4", "2609", ""),
        0
    ));
    // Turned away: nothing to find, or another town, street, house or name.
    assert!(!fair(
        lead("Tomas", "Sørensen", "Stasjonsveien", "4", "", ""),
        0
    ));
    assert!(!fair(
        lead("Tomas", "Sørensen", "Stasjonsgata", "4", "2609", ""),
        0
    ));
    assert!(!fair(
        lead("Tomas", "Sørensen", "Stasjonsveien", "6", "2609", ""),
        0
    ));
    assert!(!fair(
        lead("Tine", "Berg", "Skinnebakken", "3", "0150", ""),
        3
    ));
    assert!(!fair(
        lead("Kari", "Hansen", "Store Perronggata 12 B", "", "5003", ""),
        1
    ));
    assert!(!fair(
        lead("Kari", "Hansen", "Perronggata 12 B", "", "5003", ""),
        1
    ));
    let mut q = lead("Tomas", "Sørensen", "Stasjonsveien", "4", "2609", "");
    q.birth_date = chrono::NaiveDate::from_ymd_opt(1970, 1, 1);
    assert!(!fair(q, 0), "a shown birth date must be the truth's");

    // Two spellings of one name at one house: neither is fair, and a look-alike there is not.
    let twins = vec![
        row("Tomas", "Sørensen", "Stasjonsveien", "4", "", "2609"),
        row("Thomas", "Sørensen", "Stasjonsveien", "4", "", "2609"),
    ];
    let j2 = Judge::new(&twins);
    let q = lead("Thomas", "Sørensen", "Stasjonsveien", "4", "2609", "");
    assert!(!j2.corrupted_fair(&q, 0));
    assert!(!j2.corrupted_fair(&q, 1));
    assert!(!j2.look_alike_fair(&lead("Tomas", "Sorensen", "Stasjonsveien", "4", "2609", "")));

    // Look-alikes: kept where nobody reserved fits, turned away where one does.
    let la = |q: PersonQuery| j.look_alike_fair(&q);
    assert!(la(lead("Tine", "Berg", "Skinnebakken", "4", "0150", "")));
    assert!(la(lead("Tone", "Berg", "Skinnegata", "3", "0150", "")));
    assert!(la(lead(
        "Tone",
        "Berg",
        "Skinnebakken",
        "3",
        "5003",
        "BERGEN"
    )));
    assert!(la(lead(
        "Kari",
        "Hansen",
        "Store Perronggata 12 B",
        "",
        "5003",
        ""
    )));
    assert!(la(lead(
        "Kim",
        "Hansen",
        "Lille Perronggata 12 B",
        "",
        "5003",
        ""
    )));
    assert!(!la(lead("Tone", "Berg", "Skinnebakken", "3", "0150", "")));
    assert!(!la(lead("Tone", "Berg", "Skinnebakken", "3", "", "oslo")));
    assert!(!la(lead(
        "Kari",
        "Hansen",
        "Lille Perronggata 12",
        "",
        "5003",
        ""
    )));
    let mut q = lead("Tone", "Berg", "Skinnebakken", "9", "0150", "");
    let born = chrono::NaiveDate::from_ymd_opt(1980, 5, 5);
    q.birth_date = born;
    let mut with_birth = register.clone();
    with_birth[3].birth_date = born;
    assert!(
        !Judge::new(&with_birth).look_alike_fair(&q),
        "the same name and birth date elsewhere is the person moved"
    );
}

#[test]
fn the_readers_of_fields() {
    assert_eq!(parse_postcode("5 | 0 | 0 | 3").as_deref(), Some("5003"));
    assert_eq!(parse_postcode("[0][1][5][0]").as_deref(), Some("0150"));
    assert_eq!(parse_postcode("5l0l0l3").as_deref(), Some("5003"));
    assert_eq!(parse_postcode("〃"), None);
    assert_eq!(parse_postcode("do."), None);
    let (w, n, l) = parse_street("Lille Perronggata 12 B, H 02 01");
    assert_eq!((w.len(), n, l.as_str()), (2, Some(12), "b"));
    let (w, n, l) = parse_street("Stasjonsveien 4 h 0201");
    assert_eq!((w.len(), n, l.as_str()), (1, Some(4), ""));
    let (_, n, l) = parse_street("Stasjonsveien\u{3000}\u{3000}１２\u{3000}Ｂ");
    assert_eq!((n, l.as_str()), (Some(12), "b"));
    assert_eq!(fold("ï»¿Kаri"), "kari");
    assert!(name_eq("kristine", "christine", true));
    assert!(!name_eq("kristine", "christine", false));
    assert!(name_eq("hansen", "hamsen", false));
    assert!(!name_eq("tone", "tine", true));
}

#[test]
fn the_word_lists_keep_names_apart() {
    for pool in [MEN, WOMEN] {
        for (i, a) in pool.iter().enumerate() {
            for b in &pool[i + 1..] {
                assert!(!given_clash(a, b), "{a} / {b}");
            }
        }
    }
    for (i, a) in SURNAMES.iter().enumerate() {
        for b in &SURNAMES[i + 1..] {
            assert!(!name_eq(&fold(a), &fold(b), false), "{a} / {b}");
        }
    }
    let streets: Vec<String> = (0..STEMS.len())
        .flat_map(|s| (0..ENDINGS.len()).map(move |e| fold(&super::world::glued_name(None, s, e))))
        .collect();
    for (i, a) in streets.iter().enumerate() {
        for b in &streets[i + 1..] {
            assert!(
                !judge::street_eq(std::slice::from_ref(a), std::slice::from_ref(b)),
                "{a} / {b}"
            );
        }
    }
}

#[test]
fn small_registers_give_fewer_leads() {
    let tiny = generate(3, 12, 200);
    assert!(tiny.leads.len() < 200);
    let mut seen = HashSet::new();
    for l in &tiny.leads {
        if let Some(t) = l.truth {
            assert!(seen.insert(t));
        }
    }
    let empty = generate(3, 0, 50);
    assert!(empty.register.is_empty() && empty.leads.is_empty());
}

#[test]
#[ignore = "diagnostic: prints examples of every kind"]
fn print_examples() {
    let s = set();
    let kinds = by_kind(s);
    for (kind, _) in CORRUPTED.iter().chain(LOOK_ALIKES) {
        println!("## {kind}");
        for l in kinds.get(kind).into_iter().flatten().take(4) {
            let q = &l.query;
            let t = l.truth.map(|t| {
                let r = &s.register[t];
                format!(
                    "{} {} | {} {} {} | {} {}",
                    r.given_names,
                    r.surname,
                    r.street,
                    r.house_number,
                    r.house_letter,
                    r.postcode,
                    r.city
                )
            });
            println!(
                "  {:?} {:?} | {:?} {:?} {:?} | {:?} {:?} | {:?}  <- {}",
                q.given_names,
                q.surname,
                q.street,
                q.house_number,
                q.house_letter,
                q.postcode,
                q.city,
                q.birth_date,
                t.unwrap_or_default()
            );
        }
    }
}

#[test]
#[ignore = "diagnostic: one generation at the issue's size"]
fn issue_size() {
    let t = std::time::Instant::now();
    let s = generate(2026, 200_000, 20_000);
    let kinds = by_kind(&s);
    println!("{} leads in {:?}", s.leads.len(), t.elapsed());
    for (kind, _) in CORRUPTED.iter().chain(LOOK_ALIKES) {
        println!("{kind}: {}", kinds.get(kind).map_or(0, Vec::len));
    }
}
