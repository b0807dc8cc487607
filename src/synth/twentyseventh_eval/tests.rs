//! Tests of the twenty-seventh set, from the outside and without the matcher: determinism,
//! exact counts per kind, the clerk judge on every lead, the damage each kind's name promises,
//! the readers and the word lists, tiny and empty registers.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::judge::{Judge, abbreviates, fold, given_words, ocr_canon, read_house};
use super::leads::{self, CORRUPTED, LOOK_ALIKES, ascii_capitalise, counts};
use super::names;
use super::world::tsv_rows;
use super::*;

fn small() -> Set {
    generate(27, 2000, 400)
}

#[test]
fn deterministic_per_seed_and_the_seed_matters() {
    let a = generate(5, 800, 120);
    let b = generate(5, 800, 120);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let c = generate(6, 800, 120);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn shares_add_up_and_lists_agree() {
    let total: usize = CORRUPTED.iter().map(|k| k.1).sum();
    assert_eq!(total, 1000);
    let issue: usize = CORRUPTED
        .iter()
        .filter(|k| ISSUE_KINDS.contains(&k.0))
        .map(|k| k.1)
        .sum();
    let own: usize = CORRUPTED
        .iter()
        .filter(|k| OWN_KINDS.contains(&k.0))
        .map(|k| k.1)
        .sum();
    assert_eq!((issue, own), (690, 248));
    assert_eq!(LOOK_ALIKES.iter().map(|k| k.1).sum::<usize>(), 1000);
    assert_eq!(
        ISSUE_KINDS.len() + OWN_KINDS.len() + 1,
        CORRUPTED.len(),
        "issue, own and the control are every corruption kind"
    );
    assert_eq!(leads::PICK_ORDER.len(), CORRUPTED.len());
    for (k, _) in CORRUPTED {
        assert!(leads::PICK_ORDER.contains(k), "{k} picks");
    }
    let la: Vec<&str> = LOOK_ALIKES.iter().map(|k| k.0).collect();
    assert_eq!(la, LOOK_ALIKE_KINDS);
    assert_eq!(counts(7, &[("a", 1), ("b", 1), ("c", 1)]), vec![3, 2, 2]);
    assert_eq!(counts(0, CORRUPTED).iter().sum::<usize>(), 0);
    assert_eq!(counts(10_000, CORRUPTED).iter().sum::<usize>(), 10_000);
}

#[test]
fn every_kind_gets_exactly_its_count_at_default_scale() {
    for seed in [27, 2026] {
        let set = generate(seed, 2000, 400);
        let mut got: HashMap<&str, usize> = HashMap::new();
        for l in &set.leads {
            *got.entry(l.kind).or_default() += 1;
        }
        for (shares, n) in [(CORRUPTED, 200), (LOOK_ALIKES, 200)] {
            for ((kind, _), want) in shares.iter().zip(counts(n, shares)) {
                assert_eq!(
                    got.get(kind).copied().unwrap_or(0),
                    want,
                    "{kind}, seed {seed}"
                );
            }
        }
        assert_eq!(set.leads.len(), 400);
    }
}

#[test]
fn corrupted_leads_point_at_their_person_and_only_at_them() {
    let set = small();
    let judge = Judge::new(&set.register);
    let mut seen = HashSet::new();
    let mut corrupted = 0;
    for l in &set.leads {
        let Some(t) = l.truth else { continue };
        corrupted += 1;
        assert!(t < set.register.len());
        assert!(seen.insert(t), "truth {t} used twice");
        assert_eq!(
            judge.could_be(&l.query),
            vec![t],
            "{}: {:?}",
            l.kind,
            l.query
        );
        let row = &set.register[t];
        let house = read_house(
            &l.query.street,
            &l.query.house_number,
            &l.query.house_letter,
        );
        assert_eq!(
            house.number.map(|n| n.to_string()),
            Some(row.house_number.clone())
        );
    }
    assert_eq!(corrupted, 200);
    // A register row is itself and only itself.
    for (i, r) in set.register.iter().enumerate().take(300) {
        assert_eq!(judge.could_be(&PersonQuery::from(r)), vec![i]);
    }
}

#[test]
fn look_alikes_are_not_in_the_register() {
    let set = small();
    let judge = Judge::new(&set.register);
    // A plain check besides the judge: nobody reserved with the look-alike's name keys at its
    // house number and postcode town, nor with its name keys and birth date.
    let key = |g: &str, s: &str| {
        (
            given_words(g).first().map(|w| fold(w)).unwrap_or_default(),
            fold(s),
        )
    };
    let mut by_name: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, r) in set.register.iter().enumerate() {
        by_name
            .entry(key(&r.given_names, &r.surname))
            .or_default()
            .push(i);
    }
    let mut n = 0;
    for l in set.leads.iter().filter(|l| l.truth.is_none()) {
        n += 1;
        assert!(judge.look_alike_fair(&l.query), "{}: {:?}", l.kind, l.query);
        let q = &l.query;
        let house = read_house(&q.street, &q.house_number, &q.house_letter);
        for &i in by_name
            .get(&key(&q.given_names, &q.surname))
            .into_iter()
            .flatten()
        {
            let r = &set.register[i];
            let same_house = house.number.map(|n| n.to_string()) == Some(r.house_number.clone())
                && house.words.iter().map(|w| fold(w)).collect::<Vec<_>>()
                    == r.street.split(' ').map(fold).collect::<Vec<_>>()
                && judge
                    .towns(q)
                    .iter()
                    .any(|t| judge.towns(&PersonQuery::from(r)).contains(t));
            assert!(!same_house, "{}: {:?} is {:?}", l.kind, q, r);
            assert!(
                q.birth_date.is_none() || q.birth_date != r.birth_date,
                "{}: {:?} has the birth date of {:?}",
                l.kind,
                q,
                r
            );
        }
    }
    assert_eq!(n, 200);
}

#[test]
fn every_kind_shows_its_damage() {
    let set = small();
    let by_kind = |k: &'static str| set.leads.iter().filter(move |l| l.kind == k);
    let row = |l: &Lead| &set.register[l.truth.unwrap_or_default()];
    let towns: HashMap<&str, &str> = tsv_rows().into_iter().collect();
    for l in by_kind(leads::PICKUP).chain(by_kind(leads::PAIR_CHECKOUT)) {
        let r = row(l);
        assert_ne!(l.query.postcode, r.postcode);
        assert_eq!(
            towns.get(l.query.postcode.as_str()),
            towns.get(r.postcode.as_str())
        );
    }
    for l in by_kind(leads::LOCALE)
        .chain(by_kind(leads::PAIR_PHONE))
        .chain(by_kind(leads::PAIR_SMS))
    {
        assert!(!l.query.postcode.is_ascii());
        let d: String = l
            .query
            .postcode
            .chars()
            .filter_map(judge::ascii_digit)
            .collect();
        assert_eq!(d, row(l).postcode);
    }
    for l in by_kind(leads::LOOKUP) {
        assert!(l.query.postcode.starts_with('#'));
        assert!(!l.query.city.is_empty());
    }
    for l in by_kind(leads::COURIER).chain(by_kind(leads::PAIR_CHECKOUT)) {
        assert!(
            ["H0", "U0", "K0", "L0"]
                .iter()
                .any(|b| l.query.street.contains(b))
        );
    }
    for l in by_kind(leads::SMS).chain(by_kind(leads::PAIR_SMS)) {
        let first = l.query.street.split(' ').next().unwrap_or_default();
        assert_eq!(l.query.street, l.query.street.to_lowercase());
        assert!(first.chars().count() <= 2, "{}", l.query.street);
    }
    for l in by_kind(leads::NAMEDAY).chain(by_kind(leads::PAIR_PHONE)) {
        let lead = given_words(&l.query.given_names)[0].clone();
        let reg = given_words(&row(l).given_names)[0].clone();
        assert_ne!(fold(&lead), fold(&reg));
        assert!(names::same_given(&title_case(&lead), &reg));
    }
    for l in by_kind(leads::CARD_OCR) {
        let r = row(l);
        let q = &l.query;
        let words = |g: &str, s: &str, street: &str, no: &str| {
            let mut v: Vec<String> = given_words(g).iter().map(|w| fold(w)).collect();
            v.push(fold(s));
            v.extend(read_house(street, no, "").words.iter().map(|w| fold(w)));
            v
        };
        let lead = words(&q.given_names, &q.surname, &q.street, &q.house_number);
        let reg = words(&r.given_names, &r.surname, &r.street, &r.house_number);
        assert_ne!(lead, reg, "{q:?}");
        let canon = |v: &[String]| v.iter().map(|w| ocr_canon(w)).collect::<Vec<_>>();
        assert_eq!(canon(&lead), canon(&reg), "{q:?}");
    }
    for l in by_kind(leads::CP437) {
        let q = &l.query;
        let n = [&q.given_names, &q.surname, &q.street, &q.city]
            .iter()
            .filter(|s| s.contains(['ö', 'Ö', '¢']))
            .count();
        assert_eq!(n, 2, "{q:?}");
    }
    for l in by_kind(leads::SEPARATORS) {
        assert!(
            l.query
                .street
                .chars()
                .any(|c| c.is_whitespace() && c != ' ')
        );
    }
    for l in by_kind(leads::MRZ) {
        assert_eq!(l.query.surname, l.query.surname.to_uppercase());
        assert!(l.query.surname.is_ascii() && l.query.given_names.is_ascii());
    }
    for l in by_kind(leads::CAPITALISER) {
        let q = &l.query;
        let all = format!("{} {} {} {}", q.given_names, q.surname, q.street, q.city);
        let v: Vec<char> = all.chars().collect();
        assert!(
            v.windows(2)
                .any(|w| matches!(w[0], 'æ' | 'ø' | 'å' | 'é') && w[1].is_ascii_uppercase()),
            "{all}"
        );
    }
    for l in by_kind(leads::EXCEL1904) {
        let (a, b) = (l.query.birth_date, row(l).birth_date);
        let days = a.zip(b).map(|(a, b)| (a - b).num_days().abs());
        assert_eq!(days, Some(judge::EXCEL_1904_DAYS));
    }
    for l in by_kind(leads::EMOJI) {
        let q = &l.query;
        assert!(
            !format!("{}{}", q.given_names, q.surname)
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        );
    }
    for l in by_kind(leads::LA_PLUS_GIVEN) {
        assert!(l.query.birth_date.is_some());
    }
}

fn title_case(w: &str) -> String {
    let lower = w.to_lowercase();
    let mut c = lower.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[test]
fn readers_on_examples() {
    let h = read_house("Fyrlyktveien 12b, H0201, portkode 4512", "", "");
    assert_eq!((h.number, h.letter), (Some(12), Some('b')));
    assert_eq!(h.words, vec!["Fyrlyktveien".to_string()]);
    let h = read_house("Øvre Losbakken\u{2028}7\u{202F}C", "", "");
    assert_eq!((h.number, h.letter), (Some(7), Some('c')));
    assert_eq!(h.words.len(), 2);
    let h = read_house("Ankerkaia\u{85}140", "", "");
    assert_eq!((h.number, h.letter), (Some(140), None));
    let h = read_house("Colin Archers gate", "3", "A");
    assert_eq!((h.number, h.letter), (Some(3), Some('a')));
    let h = read_house("ø sjømerkeveien 12 b - ring på", "", "");
    assert_eq!((h.number, h.letter), (Some(12), Some('b')));
    assert_eq!(fold("JOERGENSEN"), fold("Jørgensen"));
    assert_eq!(fold("Jörgensen"), fold("Jørgensen"));
    assert_eq!(fold("J¢rgensen"), fold("Jørgensen"));
    assert_eq!(fold("Kari ⚓"), "kari");
    assert_eq!(given_words("THOMAS<ANDERS"), vec!["THOMAS", "ANDERS"]);
    assert_eq!(ocr_canon(&fold("Harnrner")), ocr_canon(&fold("Hammer")));
    assert_eq!(ocr_canon(&fold("Ska1")), ocr_canon(&fold("Skal")));
    assert!(abbreviates("ø", "Øvre") && abbreviates("St.", "Store") && abbreviates("c", "Colin"));
    assert!(!abbreviates("n", "Øvre"));
    assert_eq!(ascii_capitalise("ødegård"), "øDegåRd");
    assert_eq!(ascii_capitalise("HÅKON SÆTHER"), "HåKon SæTher");
    assert_eq!(judge::ascii_digit('\u{0664}'), Some('4'));
    assert_eq!(judge::ascii_digit('\u{06F7}'), Some('7'));
    assert_eq!(judge::ascii_digit('\u{096A}'), Some('4'));
}

fn record(
    given: &str,
    surname: &str,
    street: &str,
    no: &str,
    code: &str,
    birth: (i32, u32, u32),
) -> PersonRecord {
    PersonRecord {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        house_number: no.into(),
        postcode: code.into(),
        birth_date: NaiveDate::from_ymd_opt(birth.0, birth.1, birth.2),
        ..PersonRecord::default()
    }
}

#[test]
fn judge_on_hand_written_examples() {
    let (code, town) = tsv_rows()
        .into_iter()
        .find(|(_, t)| *t == "TROMSØ")
        .unwrap_or_default();
    let reg = vec![
        record(
            "Thomas",
            "Jørgensen",
            "Øvre Fyrlyktveien",
            "12",
            code,
            (1970, 3, 4),
        ),
        record("Tor", "Lund", "Colin Archers gate", "8", code, (1980, 5, 6)),
        record("Kari", "Sæther", "Nedre Losbakken", "3", code, (1990, 7, 8)),
        record(
            "Kari",
            "Sæther",
            "Nordre Losbakken",
            "3",
            code,
            (1991, 7, 8),
        ),
    ];
    let j = Judge::new(&reg);
    let q = |g: &str, s: &str, st: &str, pc: &str, city: &str| PersonQuery {
        given_names: g.into(),
        surname: s.into(),
        street: st.into(),
        postcode: pc.into(),
        city: city.into(),
        ..PersonQuery::default()
    };
    // Read back.
    assert_eq!(
        j.could_be(&q("Tomas", "Jørgensen", "Øvre Fyrlyktveien 12", code, "")),
        vec![0]
    );
    assert_eq!(
        j.could_be(&q("THOMAS", "JOERGENSEN", "ø fyrlyktveien 12", "", town)),
        vec![0]
    );
    assert_eq!(
        j.could_be(&q(
            "Thomas",
            "Jörgensen",
            "Övre Fyrlyktveien 12",
            "#N/A",
            "Tromsö"
        )),
        vec![0]
    );
    assert_eq!(
        j.could_be(&q("Tor ⚓", "Lund", "c archers gate 8", "", "tromsø")),
        vec![1]
    );
    assert_eq!(
        j.could_be(&q(
            "Tor",
            "Lund",
            "Colin Archers gate\u{2029}8, U0101 - ring på",
            "",
            town
        )),
        vec![1]
    );
    // Turned away.
    assert!(
        j.could_be(&q("Tore", "Lund", "Colin Archers gate 8", code, ""))
            .is_empty()
    );
    assert!(
        j.could_be(&q("Tor", "Lunde", "Colin Archers gate 8", code, ""))
            .is_empty()
    );
    assert!(
        j.could_be(&q("Tor", "Lund", "Colin Archers gate 3", code, ""))
            .is_empty()
    );
    assert!(
        j.could_be(&q("Tor", "Lund", "Colin Archers vei 8", code, ""))
            .is_empty()
    );
    assert!(
        j.could_be(&q("Thomas", "Jørgensen", "Fyrlyktveien 12", code, ""))
            .is_empty()
    );
    assert!(
        j.could_be(&q("Thomas", "Jørgensen", "Øvre Fyrlyktbakken 12", code, ""))
            .is_empty()
    );
    assert!(
        j.could_be(&q(
            "Thomas",
            "Jørgensen",
            "Øvre Fyrlyktveien 12",
            "0150",
            ""
        ))
        .is_empty()
    );
    // `N` fits both Nedre and Nordre: the clerk cannot tell, so a corrupted lead is unfair.
    assert_eq!(
        j.could_be(&q("Kari", "Sæther", "n losbakken 3", code, ""))
            .len(),
        2
    );
    // Birth dates: the row's, or 1 462 days off (Excel's 1904 system); anything else is another.
    let mut lead = q("Thomas", "Jørgensen", "Øvre Fyrlyktveien 12", code, "");
    lead.birth_date = NaiveDate::from_ymd_opt(1974, 3, 5);
    assert_eq!(j.could_be(&lead), vec![0]);
    lead.birth_date = NaiveDate::from_ymd_opt(1971, 3, 4);
    assert!(j.could_be(&lead).is_empty());
    // A look-alike elsewhere with a reserved person's name and birth date is not fair.
    let mut elsewhere = q("Tor", "Lund", "Ankerkaia 99", "0150", "");
    assert!(j.look_alike_fair(&elsewhere));
    elsewhere.birth_date = NaiveDate::from_ymd_opt(1980, 5, 6);
    assert!(!j.look_alike_fair(&elsewhere));
}

#[test]
fn word_lists_resolve() {
    let given = names::all_given();
    let surnames = names::all_surnames();
    let mut keys = HashSet::new();
    for n in given.iter().chain(&surnames) {
        assert!(keys.insert(fold(n)) || given.contains(n), "{n} twice");
    }
    // No two given names of one sex one key or one scan apart, but within a family.
    for sex in [names::Sex::Man, names::Sex::Woman] {
        let mut all: Vec<&str> = names::plain(sex).to_vec();
        for f in names::families(sex) {
            all.extend_from_slice(f);
        }
        for (a, b) in names::plus_one(sex) {
            assert_eq!(b.len(), a.len() + 1, "{a}/{b}");
            assert!(b.starts_with(a));
            assert_eq!(names::given_partner(a), Some(b));
            assert_eq!(names::given_partner(b), Some(a));
            for n in [a, b] {
                if !all.contains(&n) {
                    all.push(n);
                }
            }
        }
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                if names::same_given(a, b) {
                    continue;
                }
                assert_ne!(ocr_canon(&fold(a)), ocr_canon(&fold(b)), "{a}/{b}");
                let plus = names::given_partner(a) == Some(b);
                assert!(
                    plus || edit(&fold(a), &fold(b)) > 1,
                    "{a}/{b} one edit apart"
                );
            }
        }
    }
    for (i, a) in surnames.iter().enumerate() {
        for b in &surnames[i + 1..] {
            let plus = names::surname_partner(a) == Some(b);
            assert!(
                plus || edit(&fold(a), &fold(b)) > 1,
                "{a}/{b} one edit apart"
            );
        }
    }
    for f in names::MEN_FAMILIES.iter().chain(names::WOMEN_FAMILIES) {
        assert!(f.len() >= 2);
        for n in *f {
            assert_eq!(names::family_of(n), Some(*f));
            assert!(!names::MEN_PLAIN.contains(n) && !names::WOMEN_PLAIN.contains(n));
        }
    }
    for (a, b) in names::SURNAME_PLUS_ONE {
        assert_eq!(fold(b).len(), fold(a).len() + 1, "{a}/{b}");
        assert!(!names::SURNAMES.contains(a) && !names::SURNAMES.contains(b));
    }
    assert_eq!(tsv_rows().len(), 5132);
    let towns: HashSet<&str> = tsv_rows().into_iter().map(|r| r.1).collect();
    assert!(towns.len() > 1000);
    for p in names::PREFIXES {
        assert!(abbreviates(&names::short_form(p), p));
    }
    for (g, _) in names::SEAFARERS {
        if !g.is_empty() {
            assert!(abbreviates(&names::short_form(g), g));
        }
    }
}

fn edit(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[test]
fn tiny_and_empty_registers() {
    let empty = generate(1, 0, 100);
    assert!(empty.register.is_empty() && empty.leads.is_empty());
    let none = generate(1, 50, 0);
    assert!(none.leads.is_empty());
    for n in [1, 3, 20] {
        let set = generate(2, n, 60);
        assert_eq!(set.register.len(), n);
        let mut seen = HashSet::new();
        for l in &set.leads {
            if let Some(t) = l.truth {
                assert!(t < n && seen.insert(t));
            }
        }
        assert!(set.leads.len() <= 60);
    }
}

/// Prints a few leads of every kind with their register rows (`--ignored --nocapture`).
#[test]
#[ignore = "diagnostic"]
fn print_examples() {
    let set = generate(27, 2000, 400);
    let kinds = CORRUPTED.iter().chain(LOOK_ALIKES).map(|k| k.0);
    for kind in kinds {
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
                        "  <- {} {} | {} {}{} | {} {} | {:?}",
                        r.given_names,
                        r.surname,
                        r.street,
                        r.house_number,
                        r.house_letter,
                        r.postcode,
                        r.city,
                        r.birth_date
                    );
                }
                None => println!(),
            }
        }
    }
}

/// One generation at the issue's size: every kind filled to its exact count.
#[test]
#[ignore = "diagnostic, slow in a debug build"]
fn issue_size_fills_every_kind() {
    let t = std::time::Instant::now();
    let set = generate(2026, 200_000, 20_000);
    let mut got: HashMap<&str, usize> = HashMap::new();
    for l in &set.leads {
        *got.entry(l.kind).or_default() += 1;
    }
    for (shares, n) in [(CORRUPTED, 10_000), (LOOK_ALIKES, 10_000)] {
        for ((kind, _), want) in shares.iter().zip(counts(n, shares)) {
            assert_eq!(got.get(kind).copied().unwrap_or(0), want, "{kind}");
        }
    }
    println!("{} leads in {:?}", set.leads.len(), t.elapsed());
}
