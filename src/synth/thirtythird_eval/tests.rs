//! Tests of the thirty-third set, from the outside and without the matcher: determinism,
//! exact counts per kind, the clerk judge on every lead, the damage each kind's name promises,
//! the readers and the word lists, tiny and empty registers.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::judge::{
    HABITS, Judge, abbreviates, births_fit, decode_ncr, fold, given_words, has_aeoeaa,
    number_token, ocr_canon, postcode_reading, read_house, retyped, town_text, without_counter,
    without_nicknames, without_remarks,
};
use super::leads::{self, CORRUPTED, LOOK_ALIKES, counts};
use super::names;
use super::world::tsv_rows;
use super::*;

fn small() -> Set {
    generate(33, 2000, 400)
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
    assert_eq!((issue, own), (700, 250));
    assert!(OWN_KINDS.len() >= 10);
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
    let mut all: Vec<&str> = CORRUPTED.iter().chain(LOOK_ALIKES).map(|k| k.0).collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(
        all.len(),
        CORRUPTED.len() + LOOK_ALIKES.len(),
        "kind names unique"
    );
    assert_eq!(counts(7, &[("a", 1), ("b", 1), ("c", 1)]), vec![3, 2, 2]);
    assert_eq!(counts(0, CORRUPTED).iter().sum::<usize>(), 0);
    assert_eq!(counts(10_000, CORRUPTED).iter().sum::<usize>(), 10_000);
}

#[test]
fn every_kind_gets_exactly_its_count_at_default_scale() {
    for seed in [33, 2026] {
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
        assert!(l.query.national_id.is_none());
        let row = &set.register[t];
        let q = &l.query;
        let house = read_house(&q.street, &q.house_number, &q.house_letter);
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
    // A plain check besides the judge: nobody reserved with the look-alike's given-name and
    // surname keys at its house number, letter, street words and a town of its (unless a
    // birth date it shows differs), nor with those keys and the birth date it shows.
    let key = |g: &str, s: &str| (fold(g), fold(s));
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
            let row_house = read_house(&r.street, &r.house_number, &r.house_letter);
            let same_house = house.number == row_house.number
                && (house.letter == row_house.letter
                    || house.letter.is_none()
                    || row_house.letter.is_none())
                && house.words.iter().map(|w| fold(w)).collect::<Vec<_>>()
                    == r.street.split(' ').map(fold).collect::<Vec<_>>()
                && judge
                    .towns(q)
                    .iter()
                    .any(|t| judge.towns(&PersonQuery::from(r)).contains(t));
            let birth_differs = q
                .birth_date
                .is_some_and(|b| r.birth_date.is_some_and(|rb| b != rb));
            assert!(
                !same_house || birth_differs,
                "{}: {:?} is {:?}",
                l.kind,
                q,
                r
            );
            assert!(
                q.birth_date.is_none() || q.birth_date != r.birth_date,
                "{}: {:?} has the birth date of {:?}",
                l.kind,
                q,
                r
            );
        }
        if [leads::LA_SWAPPED_DATE, leads::LA_YEAR_APART].contains(&l.kind) {
            assert!(q.birth_date.is_some(), "{q:?}");
        }
    }
    assert_eq!(n, 200);
}

#[test]
fn look_alikes_are_what_their_names_say() {
    let set = small();
    let rows = tsv_rows();
    let town_of: HashMap<&str, &str> = rows.iter().copied().collect();
    // Damage (30–50 %) may hide the shape; most leads of each kind must show it.
    let mut shown: HashMap<&str, (usize, usize)> = HashMap::new();
    for l in set.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &l.query;
        let g: Vec<String> = given_words(&q.given_names)
            .iter()
            .map(|w| fold(w))
            .collect();
        let surname = fold(&q.surname);
        let house = read_house(&q.street, &q.house_number, &q.house_letter);
        let row_given = |r: &PersonRecord| -> Vec<String> {
            given_words(&r.given_names)
                .iter()
                .map(|w| fold(w))
                .collect()
        };
        let same_number =
            |r: &PersonRecord| house.number.map(|n| n.to_string()) == Some(r.house_number.clone());
        let other_town = |r: &PersonRecord| {
            town_of.get(r.postcode.as_str()).map(|t| fold(t)) != Some(fold(&q.city))
                && r.postcode != q.postcode
        };
        let ok = match l.kind {
            k if k == leads::LA_INITIAL_TWIN => set.register.iter().any(|r| {
                fold(&r.surname) == surname
                    && row_given(r) == g
                    && same_number(r)
                    && r.postcode == q.postcode
                    && house.words.len() == 3
                    && r.street.split(' ').count() == 3
                    && fold(&house.words[0]) != fold(r.street.split(' ').next().unwrap_or(""))
                    && house.words[0].chars().next() == r.street.chars().next()
                    && fold(&house.words[1]) == fold(r.street.split(' ').nth(1).unwrap_or(""))
            }),
            k if k == leads::LA_SWAPPED_DATE => set.register.iter().any(|r| {
                fold(&r.surname) == surname
                    && row_given(r) == g
                    && other_town(r)
                    && q.birth_date.is_some_and(|b| {
                        r.birth_date.is_some_and(|rb| {
                            b != rb
                                && (b.year(), b.month(), b.day())
                                    == (rb.year(), rb.day(), rb.month())
                        })
                    })
            }),
            k if k == leads::LA_YEAR_APART => set.register.iter().any(|r| {
                fold(&r.surname) == surname
                    && row_given(r) == g
                    && other_town(r)
                    && q.birth_date.is_some_and(|b| {
                        r.birth_date.is_some_and(|rb| {
                            (b.month(), b.day()) == (rb.month(), rb.day())
                                && (b.year() - rb.year()).abs() == 1
                        })
                    })
            }),
            k if k == leads::LA_TWIN_SIBLING => set.register.iter().any(|r| {
                fold(&r.surname) == surname
                    && same_number(r)
                    && r.postcode == q.postcode
                    && g.len() == 1
                    && given_words(&r.given_names)
                        .first()
                        .is_some_and(|f| names::sound_twin(f).is_some_and(|t| fold(t) == g[0]))
                    && q.birth_date.is_none_or(|b| r.birth_date == Some(b))
            }),
            _ => continue,
        };
        let e = shown.entry(l.kind).or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }
    for kind in [
        leads::LA_INITIAL_TWIN,
        leads::LA_SWAPPED_DATE,
        leads::LA_YEAR_APART,
        leads::LA_TWIN_SIBLING,
    ] {
        let (ok, n) = shown.get(kind).copied().unwrap_or_default();
        assert!(n > 0 && ok * 10 >= n * 6, "{kind}: {ok} of {n}");
    }
}

#[test]
fn every_kind_shows_its_damage() {
    let set = small();
    let by_kind = |k: &'static str| set.leads.iter().filter(move |l| l.kind == k);
    let row = |l: &Lead| &set.register[l.truth.unwrap_or_default()];
    let rows = tsv_rows();
    let towns: HashMap<&str, &str> = rows.iter().copied().collect();
    for l in by_kind(leads::GEOLOCATED).chain(by_kind(leads::PAIR_GIFT)) {
        let (p, own) = (l.query.postcode.as_str(), row(l).postcode.as_str());
        assert_ne!(p, own);
        assert_eq!(towns.get(p), towns.get(own), "{p} {own}");
    }
    for l in by_kind(leads::PEN_TABLET) {
        let p = &l.query.postcode;
        assert!(p.chars().any(|c| "ogqb|".contains(c)), "{p}");
        assert_eq!(postcode_reading(p), Some(row(l).postcode.clone()), "{p}");
    }
    for l in by_kind(leads::RAFFLE).chain(by_kind(leads::PAIR_RAFFLE)) {
        let q = &l.query;
        assert!(q.postcode.is_empty());
        assert!(q.city.to_lowercase().ends_with(" kommune"), "{}", q.city);
        assert_eq!(fold(&town_text(&q.city)), fold(&row(l).city));
    }
    for l in by_kind(leads::CONCAT).chain(by_kind(leads::PAIR_DIALER)) {
        let s = &l.query.street;
        let (_, tail) = s.rsplit_once('-').unwrap_or_default();
        let tail = tail.trim();
        assert!(tail.len() == 5 && tail.starts_with("H0"), "{s}");
    }
    for l in by_kind(leads::DIALER_PREFIX).chain(by_kind(leads::PAIR_DIALER)) {
        let s = &l.query.street;
        let head = s.split(' ').next().unwrap_or_default();
        let row_first = row(l).street.split(' ').next().unwrap_or_default();
        assert!(head.ends_with('.') && head.chars().count() == 4, "{s}");
        assert!(fold(row_first).starts_with(&fold(head)), "{s} {row_first}");
        assert!(names::PREFIXES.contains(&row_first));
    }
    for l in by_kind(leads::PTA_INITIAL) {
        let s = &l.query.street;
        let head = s.split(' ').next().unwrap_or_default();
        let row_first = row(l).street.split(' ').next().unwrap_or_default();
        assert_eq!(head.chars().count(), 2, "{s}");
        assert!(head.ends_with('.'), "{s}");
        assert!(abbreviates(head, row_first), "{s}");
        assert_eq!(row(l).street.split(' ').count(), 3);
    }
    for l in by_kind(leads::GIFT_CARD).chain(by_kind(leads::PAIR_GIFT)) {
        let lead = given_words(&l.query.given_names)[0].clone();
        let reg = given_words(&row(l).given_names)[0].clone();
        assert_ne!(fold(&lead), fold(&reg));
        assert!(names::same_given(&lead, &reg), "{lead} {reg}");
    }
    let words = |g: &str, s: &str, street: &[String], town: &str| {
        let mut v: Vec<String> = given_words(g).iter().map(|w| fold(w)).collect();
        v.push(fold(s));
        v.extend(street.iter().map(|w| fold(w)));
        v.push(fold(&town_text(town)));
        v
    };
    for l in by_kind(leads::STENCIL).chain(by_kind(leads::PAIR_RAFFLE)) {
        let (q, r) = (&l.query, row(l));
        let lh = read_house(&q.street, &q.house_number, &q.house_letter);
        let rh = read_house(&r.street, &r.house_number, &r.house_letter);
        let lead = words(&q.given_names, &q.surname, &lh.words, &q.city);
        let reg = words(&r.given_names, &r.surname, &rh.words, &r.city);
        let changed = lead.iter().zip(&reg).filter(|(a, b)| a != b).count();
        assert_eq!(changed, 1, "{q:?}");
        let canon = |v: &[String]| v.iter().map(|w| ocr_canon(w)).collect::<Vec<_>>();
        assert_eq!(canon(&lead), canon(&reg), "{q:?}");
    }
    for l in by_kind(leads::RETYPED) {
        let (q, r) = (&l.query, row(l));
        let lh = read_house(&q.street, &q.house_number, &q.house_letter);
        let pairs = [
            (q.given_names.clone(), r.given_names.clone()),
            (q.surname.clone(), r.surname.clone()),
            (lh.words.join(" "), r.street.clone()),
            (q.city.clone(), r.city.clone()),
        ];
        let changed = pairs
            .iter()
            .filter(|(a, b)| a.to_lowercase() != b.to_lowercase())
            .inspect(|(a, b)| {
                assert!(!has_aeoeaa(a) && has_aeoeaa(b), "{a} {b}");
                assert!(
                    HABITS
                        .iter()
                        .any(|&h| a.to_lowercase() == retyped(b, h).to_lowercase()),
                    "{a} {b}"
                );
            })
            .count();
        assert_eq!(changed, 2, "{q:?}");
        assert_ne!(fold(&pairs[0].0), "", "{q:?}");
    }
    for l in by_kind(leads::TABS) {
        let s = &l.query.street;
        assert!(s.contains('\t'), "{s:?}");
        let rh = read_house(s, "", "");
        assert_eq!(
            rh.number.map(|n| n.to_string()),
            Some(row(l).house_number.clone())
        );
        let want = row(l).house_letter.to_lowercase().chars().next();
        assert_eq!(rh.letter, want, "{s:?}");
    }
    for l in by_kind(leads::APOSTROPHE) {
        assert_eq!(l.query.postcode, format!("'{}", row(l).postcode));
    }
    for l in by_kind(leads::COUNTER) {
        let s = &l.query.surname;
        assert!(s.ends_with(')') || s.contains('_'), "{s}");
        assert_eq!(fold(&without_counter(s)), fold(&row(l).surname), "{s}");
    }
    for l in by_kind(leads::PREPOSITION) {
        let c = &l.query.city;
        assert!(c.starts_with("i ") || c.starts_with("på "), "{c}");
        assert_eq!(fold(&town_text(c)), fold(&row(l).city));
    }
    for l in by_kind(leads::TOWN_SHORT) {
        let c = &l.query.city;
        assert!(c.contains('.'), "{c}");
        assert!(
            names::TOWN_SHORT
                .iter()
                .any(|(t, forms)| *t == row(l).city && forms.contains(&c.as_str())),
            "{c}"
        );
    }
    for l in by_kind(leads::NCR) {
        let q = &l.query;
        let all = format!("{} {} {} {}", q.given_names, q.surname, q.street, q.city);
        assert!(all.contains("&#"), "{q:?}");
        assert!(!all.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']) || all.contains("&#"));
    }
    for l in by_kind(leads::NICKNAME) {
        let g = &l.query.given_names;
        assert!(g.contains(['"', '«', '\u{201c}']), "{g}");
        assert_eq!(
            fold(&without_nicknames(g)),
            fold(&row(l).given_names),
            "{g}"
        );
    }
    for l in by_kind(leads::HOS) {
        let s = &l.query.street;
        assert!(s.to_lowercase().contains("hos "), "{s}");
        let rh = read_house(s, "", "");
        assert_eq!(
            rh.number.map(|n| n.to_string()),
            Some(row(l).house_number.clone())
        );
    }
    for l in by_kind(leads::YEAR_SWAP) {
        let (Some(a), Some(b)) = (l.query.birth_date, row(l).birth_date) else {
            panic!("no birth date shown: {:?}", l.query);
        };
        assert_ne!(a, b);
        assert_eq!((a.month(), a.day()), (b.month(), b.day()));
        let (x, y) = (a.year() % 100, b.year() % 100);
        assert_eq!((x / 10, x % 10), (y % 10, y / 10));
    }
    for l in by_kind(leads::AA_RING) {
        let q = &l.query;
        let all = format!("{} {} {} {}", q.given_names, q.surname, q.street, q.city);
        assert!(!all.contains("aa") && !all.contains("Aa") && !all.contains("AA"));
        assert!(all.contains(['å', 'Å']), "{q:?}");
    }
    for l in by_kind(leads::TURKISH) {
        let q = &l.query;
        let all = format!("{} {} {} {}", q.given_names, q.surname, q.street, q.city);
        assert!(all.contains('İ') && !all.contains('i'), "{q:?}");
    }
}

#[test]
fn readers_on_examples() {
    let h = read_house("Skoleveien 9-H0404", "", "");
    assert_eq!((h.number, h.letter), (Some(9), None));
    assert_eq!(h.words, vec!["Skoleveien".to_string()]);
    let h = read_house("Skoleveien 9b - H0202", "", "");
    assert_eq!((h.number, h.letter), (Some(9), Some('b')));
    let h = read_house("Nor. Skoleveien \t12\tC\t", "", "");
    assert_eq!((h.number, h.letter), (Some(12), Some('c')));
    assert_eq!(h.words, vec!["Nor.".to_string(), "Skoleveien".to_string()]);
    let h = read_house("Skoleveien 9 hos mor", "", "");
    assert_eq!((h.number, h.letter, h.words.len()), (Some(9), None, 1));
    let h = read_house("Skoleveien 9 B (hos far)", "", "");
    assert_eq!((h.number, h.letter), (Some(9), Some('b')));
    let h = read_house("Skoleveien", "9", "A");
    assert_eq!((h.number, h.letter), (Some(9), Some('a')));
    assert_eq!(without_remarks("a (b) c (d"), "a  c ");
    assert_eq!(number_token("9,"), Some((9, None)));
    assert_eq!(number_token("H0404"), None);
    assert_eq!(postcode_reading("'0150"), Some("0150".into()));
    assert_eq!(postcode_reading("o15o"), Some("0150".into()));
    assert_eq!(postcode_reading("g4q|"), Some("9491".into()));
    assert_eq!(postcode_reading("2b11"), Some("2611".into()));
    assert_eq!(postcode_reading(""), None);
    assert_eq!(postcode_reading("015"), None);
    assert_eq!(postcode_reading("0X50"), None);
    assert_eq!(decode_ncr("Bj&#248;rn &#xE5;s"), "Bjørn ås");
    assert_eq!(decode_ncr("a &# b &#zz; c"), "a &# b &#zz; c");
    assert_eq!(fold("KRİSTİAN"), "kristian");
    assert_eq!(fold("S&#230;b&#248;"), fold("Sæbø"));
    assert_eq!(fold("Åmodt"), fold("Aamodt"));
    assert_eq!(retyped("Sæbø Kråkenes", ("a", "o", "aa")), "Sabo Kraakenes");
    assert_eq!(retyped("ØDEGÅRD", ("ae", "oe", "a")), "OEDEGARD");
    assert_eq!(retyped("Ødegård", ("ae", "oe", "a")), "Oedegard");
    assert_eq!(ocr_canon("rnorten"), ocr_canon("morten"));
    assert_eq!(ocr_canon("knstian"), ocr_canon("kristian"));
    assert_eq!(ocr_canon("1unde"), ocr_canon("lunde"));
    assert_eq!(without_nicknames("Kari «Snuppa» Marie"), "Kari  Marie");
    assert_eq!(without_nicknames("Kari \"Snuppa\""), "Kari ");
    assert_eq!(without_counter("Sæbø (2)"), "Sæbø");
    assert_eq!(without_counter("Sæbø_3"), "Sæbø");
    assert_eq!(without_counter("Sæbø"), "Sæbø");
    assert_eq!(town_text("på Hamar"), "Hamar");
    assert_eq!(town_text("i Bergen"), "Bergen");
    assert_eq!(town_text("Hamar kommune"), "Hamar");
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    assert!(births_fit(d(1957, 3, 14), d(1975, 3, 14)));
    assert!(births_fit(d(1975, 3, 14), d(1975, 3, 14)));
    assert!(!births_fit(d(1957, 3, 15), d(1975, 3, 14)));
    assert!(!births_fit(d(1976, 3, 14), d(1975, 3, 14)));
    assert!(!births_fit(d(1975, 14 - 11, 3), d(1975, 3, 14)));
    assert!(abbreviates("Nor.", "Nordre") && !abbreviates("Nor.", "Nedre"));
    assert!(abbreviates("Ned.", "Nedre") && !abbreviates("Ned.", "Nordre"));
    assert!(abbreviates("H.", "Hans") && abbreviates("H.", "Henny") && !abbreviates("H", "Hans"));
    assert!(!abbreviates("Øvr.", "Østre") && !abbreviates("Øst.", "Øvre"));
}

fn record(
    given: &str,
    surname: &str,
    street: &str,
    no: &str,
    letter: &str,
    code: &str,
    birth: (i32, u32, u32),
) -> PersonRecord {
    PersonRecord {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        house_number: no.into(),
        house_letter: letter.into(),
        postcode: code.into(),
        birth_date: NaiveDate::from_ymd_opt(birth.0, birth.1, birth.2),
        ..PersonRecord::default()
    }
}

#[test]
fn judge_on_hand_written_examples() {
    let rows = tsv_rows();
    let codes = |town: &str| -> Vec<&str> {
        rows.iter()
            .filter(|(_, t)| *t == town)
            .map(|(c, _)| *c)
            .collect()
    };
    let oslo = codes("OSLO");
    let krs = codes("KRISTIANSAND S");
    assert!(oslo.len() >= 20 && krs.len() >= 2);
    let (code, other) = (oslo[10], oslo[15]);
    let reg = vec![
        record(
            "Thomas",
            "Sæbø",
            "Nordre Skoleveien",
            "12",
            "",
            code,
            (1975, 3, 4),
        ),
        record(
            "Morten Lars",
            "Aamodt",
            "Hans Raanes vei",
            "8",
            "B",
            code,
            (1980, 5, 6),
        ),
        record("Kari", "Ødegård", "Tavlelia", "3", "", krs[0], (1990, 7, 8)),
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
    for lead in [
        q("Tomas", "Sæbø", "Nordre Skoleveien 12", other, "Oslo"),
        q(
            "Thomas",
            "Sabo",
            "Nor. Skoleveien 12-H0304",
            "",
            "Oslo kommune",
        ),
        q(
            "Thomas",
            "Saeboe",
            "Nordre Skoleveien\t12",
            &format!("'{code}"),
            "",
        ),
        q(
            "Thornas",
            "S&#230;b&#248; (2)",
            "Nordre Skoleveien 12",
            "",
            "i Oslo",
        ),
        q("THOMAS", "SÆBØ", "NORDRE SKOLEVEİEN 12 hos mor", "", "OSLO"),
        q(
            "Thomas «Bamse»",
            "Sæbø_2",
            "Nordre Skoleveien 12",
            &code.replace('0', "o"),
            "",
        ),
    ] {
        assert_eq!(j.could_be(&lead), vec![0], "{lead:?}");
    }
    let mut swapped_year = q("Thomas", "Sæbø", "Nordre Skoleveien 12", code, "");
    swapped_year.birth_date = NaiveDate::from_ymd_opt(1957, 3, 4);
    assert_eq!(j.could_be(&swapped_year), vec![0]);
    for lead in [
        q("Morten", "Åmodt", "H. Rånes vei 8b", code, ""),
        q(
            "Morten Lars",
            "Aamodt",
            "Hans Raanes vei 8 B",
            "",
            "på Oslo",
        ),
        q("Morten", "Aarnodt", "Hans Raanes vei 8", code, ""),
    ] {
        assert_eq!(j.could_be(&lead), vec![1], "{lead:?}");
    }
    for lead in [
        q("Kari", "Odegard", "Tavlelia 3", "", "Kr.sand S"),
        q("Kari", "Ødegård", "Tavlelia 3", "", "KR.SAND S"),
        q("Kari", "Ødegård", "Tavlelia 3", "", "Kristiansand S"),
    ] {
        assert_eq!(j.could_be(&lead), vec![2], "{lead:?}");
    }
    // Turned away.
    for lead in [
        q("Martin", "Aamodt", "Hans Raanes vei 8", code, ""),
        q("Morten", "Aamodt", "Henny Raanes vei 8", code, ""),
        q("Morten", "Aamodt", "Raanes vei 8", code, ""),
        q("Morten", "Aamodt", "H Raanes vei 8", code, ""),
        q("Morten", "Aamodt", "Hans Raanes vei 8 C", code, ""),
        q("Morten", "Aamodt", "Hans Raanes vei 9", code, ""),
        q("Lars Morten", "Aamodt", "Hans Raanes vei 8", code, ""),
        q("Thomas", "Sæbø", "Ned. Skoleveien 12", code, ""),
        q("Thomas", "Sæbø", "Skoleveien 12", code, ""),
        q("Thomas", "Sæbø", "Nordre Skoleveien 12", "9409", ""),
        q("Thomas", "Sæbø", "Nordre Skoleveien 12", "", ""),
        q(
            "Thomas",
            "Sæbø",
            "Nordre Skoleveien 12",
            "",
            "Bergen kommune",
        ),
        q("Kari", "Ødegård", "Tavlelia 3", "", "Kr.sund N"),
        q("Kari", "Ødegård", "Tavlelia 3", "", "Fr.stad"),
    ] {
        assert!(j.could_be(&lead).is_empty(), "{lead:?}");
    }
    // Birth dates: the row's or its year's digits transposed; anything else is another.
    let mut lead = q("Thomas", "Sæbø", "Nordre Skoleveien 12", code, "");
    for (y, m, d) in [(1975, 4, 3), (1976, 3, 4), (1957, 3, 5), (1974, 3, 4)] {
        lead.birth_date = NaiveDate::from_ymd_opt(y, m, d);
        assert!(j.could_be(&lead).is_empty(), "{y}-{m}-{d}");
    }
    // A look-alike elsewhere with a reserved person's name and birth date is not fair.
    let mut elsewhere = q("Kari", "Ødegård", "Kritthaugen 99", "0150", "");
    assert!(j.look_alike_fair(&elsewhere));
    elsewhere.birth_date = NaiveDate::from_ymd_opt(1990, 7, 8);
    assert!(!j.look_alike_fair(&elsewhere));
    elsewhere.birth_date = NaiveDate::from_ymd_opt(1990, 8, 7);
    assert!(j.look_alike_fair(&elsewhere));
    elsewhere.birth_date = NaiveDate::from_ymd_opt(1991, 7, 8);
    assert!(j.look_alike_fair(&elsewhere));
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
fn word_lists_resolve() {
    let given = names::all_given();
    let mut keys = HashSet::new();
    let mut canons = HashSet::new();
    let mut retypes: HashMap<String, &str> = HashMap::new();
    for n in given.iter().chain(names::SURNAMES) {
        assert!(keys.insert(fold(n)), "{n} twice");
        assert!(
            canons.insert(ocr_canon(&fold(n))),
            "{n}: through text recognition it is another name"
        );
        for h in HABITS {
            let k = fold(&retyped(n, h));
            if let Some(o) = retypes.insert(k.clone(), n) {
                assert_eq!(o, *n, "{n}: retyped it is {o}");
            }
        }
    }
    for nick in names::NICKNAMES {
        assert!(!keys.contains(&fold(nick)), "{nick}");
    }
    let aeoeaa = names::SURNAMES.iter().filter(|n| has_aeoeaa(n)).count();
    assert!(aeoeaa >= 20, "{aeoeaa}");
    let aa = names::SURNAMES
        .iter()
        .filter(|n| n.contains("aa") || n.starts_with("Aa"))
        .count();
    assert!(aa >= 4, "{aa}");
    // No two given names of one sex one edit or one confusion apart, but within a family.
    for sex in [names::Sex::Man, names::Sex::Woman] {
        let all = names::given_of(sex);
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                if names::same_given(a, b) {
                    continue;
                }
                assert!(edit(&fold(a), &fold(b)) > 1, "{a}/{b} one edit apart");
            }
        }
    }
    for (i, a) in names::SURNAMES.iter().enumerate() {
        for b in &names::SURNAMES[i + 1..] {
            assert!(edit(&fold(a), &fold(b)) > 1, "{a}/{b} one edit apart");
        }
    }
    for f in names::MEN_FAMILIES.iter().chain(names::WOMEN_FAMILIES) {
        assert!(f.len() >= 2);
        for n in *f {
            assert_eq!(names::family_of(n), Some(*f));
            assert!(!names::MEN_PLAIN.contains(n) && !names::WOMEN_PLAIN.contains(n));
        }
    }
    // The issue's own pairs are families; sound twins are not, and are of one sex.
    for (a, b) in [
        ("Thomas", "Tomas"),
        ("Carl", "Karl"),
        ("Kristoffer", "Christoffer"),
        ("Kristine", "Christine"),
        ("Tor", "Thor"),
        ("Christian", "Kristian"),
    ] {
        assert!(names::same_given(a, b), "{a}/{b}");
    }
    let skeleton = |n: &str| -> String {
        let f = fold(n);
        let mut out = String::new();
        for (i, c) in f.chars().enumerate() {
            if i > 0 && "aeiouyæøå".contains(c) {
                continue;
            }
            if out.ends_with(c) {
                continue;
            }
            out.push(c);
        }
        out
    };
    for &(a, b) in names::SOUND_TWINS {
        assert!(!names::same_given(a, b), "{a}/{b}");
        assert_eq!(skeleton(a), skeleton(b), "{a}/{b}");
        assert!(edit(&fold(a), &fold(b)) >= 2, "{a}/{b}");
        let men = names::MEN_PLAIN;
        assert_eq!(men.contains(&a), men.contains(&b), "{a}/{b} of one sex");
        assert_eq!(names::sound_twin(a), Some(b));
    }
    // Street stems: none one edit or one confusion from another; short prefixes fit theirs only.
    for (i, a) in names::STEMS.iter().enumerate() {
        for b in &names::STEMS[i + 1..] {
            assert!(edit(&fold(a), &fold(b)) > 1, "{a}/{b}");
            assert_ne!(ocr_canon(&fold(a)), ocr_canon(&fold(b)), "{a}/{b}");
        }
    }
    assert_eq!(names::PREFIX_SHORT.len(), names::PREFIXES.len());
    for (i, s) in names::PREFIX_SHORT.iter().enumerate() {
        for (k, p) in names::PREFIXES.iter().enumerate() {
            assert_eq!(abbreviates(s, p), i == k, "{s} {p}");
        }
    }
    // Educators: the same-initial twins, titles never initialled.
    let twins = (0..names::EDUCATORS.len())
        .filter(|&i| names::initial_twin(i).is_some())
        .count();
    assert_eq!(twins, 10);
    for &t in names::TITLED {
        assert!(names::initial_twin(t).is_none());
    }
    // Short town forms name their town and no other.
    let j = Judge::new(&[]);
    let mut towns: Vec<&str> = tsv_rows().iter().map(|r| r.1).collect();
    towns.dedup();
    for (town, forms) in names::TOWN_SHORT {
        assert!(towns.contains(town), "{town}");
        for f in *forms {
            let lead = PersonQuery {
                city: (*f).into(),
                ..PersonQuery::default()
            };
            let found = j.towns(&lead);
            assert_eq!(found.len(), 1, "{f}: {found:?}");
        }
    }
    assert_eq!(names::compound("Blekk", "kroken"), "Blekkroken");
    assert_eq!(tsv_rows().len(), 5132);
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
    let set = generate(33, 2000, 400);
    let kinds = CORRUPTED.iter().chain(LOOK_ALIKES).map(|k| k.0);
    for kind in kinds {
        println!("## {kind}");
        for l in set.leads.iter().filter(|l| l.kind == kind).take(4) {
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
                q.birth_date,
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
    let elapsed = t.elapsed();
    let mut got: HashMap<&str, usize> = HashMap::new();
    for l in &set.leads {
        *got.entry(l.kind).or_default() += 1;
    }
    for (shares, n) in [(CORRUPTED, 10_000), (LOOK_ALIKES, 10_000)] {
        for ((kind, _), want) in shares.iter().zip(counts(n, shares)) {
            assert_eq!(got.get(kind).copied().unwrap_or(0), want, "{kind}");
        }
    }
    println!("{} leads in {elapsed:?}", set.leads.len());
}
