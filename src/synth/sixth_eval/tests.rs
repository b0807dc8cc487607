//! Tests of the sixth set from the outside, none with the matcher: determinism, truths,
//! shares, look-alikes nobody in the register, damage shown per kind, the judge's verdict on
//! every lead, and the issue's size.

use std::collections::{HashMap, HashSet};

use super::corruption as c;
use super::judge::{self, Judge, fold, plain};
use super::*;

fn small() -> Set {
    generate(11, 6_000, 2_000)
}

#[test]
fn deterministic_per_seed() {
    let a = generate(5, 3_000, 600);
    let b = generate(5, 3_000, 600);
    assert_eq!(a.register, b.register);
    assert_eq!(a.leads, b.leads);
    let other = generate(6, 3_000, 600);
    assert_ne!(a.leads, other.leads);
}

#[test]
fn truths_in_range_and_used_once() {
    let set = small();
    let mut seen = HashSet::new();
    for lead in &set.leads {
        if let Some(t) = lead.truth {
            assert!(t < set.register.len());
            assert!(seen.insert(t), "truth {t} used twice");
        }
    }
}

#[test]
fn counts_per_kind_follow_the_shares() {
    assert_eq!(CORRUPTION_SHARES.iter().map(|s| s.1).sum::<u32>(), 1000);
    assert_eq!(LOOK_ALIKE_SHARES.iter().map(|s| s.1).sum::<u32>(), 1000);
    let issue: u32 = CORRUPTION_SHARES
        .iter()
        .filter(|s| ISSUE_KINDS.contains(&s.0))
        .map(|s| s.1)
        .sum();
    assert_eq!(issue, 625);
    let leads = 2_000;
    let set = small();
    let mut got: HashMap<&str, usize> = HashMap::new();
    for l in &set.leads {
        *got.entry(l.kind).or_default() += 1;
    }
    for (shares, total) in [
        (CORRUPTION_SHARES, leads / 2),
        (LOOK_ALIKE_SHARES, leads - leads / 2),
    ] {
        for &(kind, share) in shares {
            let want = total as f64 * f64::from(share) / 1000.0;
            let n = got.get(kind).copied().unwrap_or(0) as f64;
            assert!(n <= want.ceil(), "{kind}: {n} > {want}");
            assert!(n >= (want * 0.97).floor(), "{kind}: {n} < {want}");
        }
    }
    for l in &set.leads {
        assert_eq!(
            l.truth.is_some(),
            CORRUPTION_SHARES.iter().any(|s| s.0 == l.kind)
        );
    }
}

#[test]
fn every_kind_says_why_it_is_fair() {
    for (kind, _) in CORRUPTION_SHARES.iter().chain(LOOK_ALIKE_SHARES) {
        assert!(!why_fair(kind).is_empty(), "{kind}");
    }
    for k in DEBATABLE_KINDS {
        assert!(!ISSUE_KINDS.contains(k));
    }
}

fn first_folded(given: &str) -> String {
    fold(&judge::first_word(given))
}

#[test]
fn look_alikes_are_nobody_in_the_register() {
    let set = small();
    let towns: HashMap<String, String> = HashMap::new();
    let mut by_birth = HashSet::new();
    let mut by_house = HashSet::new();
    for r in &set.register {
        let surname = fold(&r.surname);
        let h = judge::read_house(
            &r.street,
            &r.house_number,
            &r.house_letter,
            &r.postcode,
            &r.city,
            &towns,
        );
        if let Some(b) = r.birth_date {
            by_birth.insert((first_folded(&r.given_names), surname.clone(), b));
        }
        by_house.insert((
            first_folded(&r.given_names),
            surname,
            h.town,
            h.street,
            h.numbers,
            h.letter,
        ));
    }
    for l in set.leads.iter().filter(|l| l.truth.is_none()) {
        let q = &l.query;
        let surname = fold(q.surname.trim());
        let first = first_folded(&plain(&q.given_names));
        if let Some(b) = q.birth_date {
            assert!(
                !by_birth.contains(&(first.clone(), surname.clone(), b)),
                "{l:?}"
            );
        }
        let h = judge::read_house(
            &q.street,
            &q.house_number,
            &q.house_letter,
            &q.postcode,
            &q.city,
            &towns,
        );
        let same_house =
            by_house.contains(&(first, surname, h.town, h.street, h.numbers, h.letter));
        assert!(!same_house || q.birth_date.is_some(), "{l:?}");
    }
}

fn is_postcode_letters(q: &str, row: &str) -> bool {
    q.chars().any(char::is_alphabetic)
        && q.chars().count() == 4
        && q.chars()
            .zip(row.chars())
            .all(|(a, d)| a == d || c::digit_letters(d).contains(&a))
}

fn ws(s: &str) -> bool {
    s.contains(['\u{a0}', '\t', '\u{202f}']) || s.contains("  ") || s != s.trim()
}

/// Lower case with æ/ø/å and ä/ö as bare vowels.
fn bare(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' | 'ä' => 'e',
            'ø' | 'ö' => 'o',
            'å' => 'a',
            c => c,
        })
        .collect()
}

fn has_aeoeaa(s: &str) -> bool {
    s.to_lowercase().contains(['æ', 'ø', 'å'])
}

/// The street field up to the house number or a comma.
fn street_name_part(street: &str) -> String {
    plain(street)
        .split(',')
        .next()
        .unwrap_or("")
        .split(' ')
        .take_while(|t| !judge::house_token(t))
        .collect::<Vec<&str>>()
        .join(" ")
}

/// A lead with a name-format quirk undone: `Surname, Given` or `SURNAME Given` in the
/// given-name field back in two fields.
/// The row tells how many words the surname has.
fn names_back(q: &PersonQuery, r: &PersonRecord) -> PersonQuery {
    let mut q = q.clone();
    if q.surname.is_empty() {
        let g = plain(&q.given_names);
        let words = r.surname.split(' ').count();
        let (surname, given) = match g.split_once(", ") {
            Some((s, g)) => (s.to_owned(), g.to_owned()),
            None => {
                let w: Vec<&str> = g.split(' ').collect();
                let k = words.min(w.len());
                (w[..k].join(" "), w[k..].join(" "))
            }
        };
        q.given_names = given;
        q.surname = surname;
    }
    q
}

/// The single issue damages a lead shows against its row.
fn single_damages(
    q: &PersonQuery,
    r: &PersonRecord,
    towns: &HashMap<String, String>,
) -> Vec<&'static str> {
    let mut out = Vec::new();
    let pc = plain(&q.postcode);
    if pc.len() == 4
        && pc.chars().all(|c| c.is_ascii_digit())
        && c::one_keystroke(&pc, &r.postcode)
        && towns.get(&pc) == Some(&r.city)
    {
        out.push(c::POSTCODE_SLIP);
    }
    if is_postcode_letters(&pc, &r.postcode) {
        out.push(c::POSTCODE_LETTERS);
    }
    if !pc.chars().any(|c| c.is_ascii_digit()) && !q.city.is_empty() {
        out.push(c::POSTCODE_ABSENT);
    }
    if plain(&q.street).split([' ', ',']).any(|t| {
        t.len() == 5 && t.starts_with(['H', 'U', 'L']) && t[1..].chars().all(|c| c.is_ascii_digit())
    }) {
        out.push(c::BOLIGNUMMER);
    }
    let first_street_word = r.street.split(' ').next().unwrap_or("");
    if r.street.split(' ').count() >= 3
        && !q
            .street
            .to_lowercase()
            .contains(&first_street_word.to_lowercase())
    {
        out.push(c::STREET_INITIAL);
    }
    if names::PREFIXES.iter().any(|(p, _)| {
        r.street.starts_with(p) && !q.street.to_uppercase().starts_with(&p.to_uppercase())
    }) {
        out.push(c::STREET_PREFIX);
    }
    let qw: Vec<String> = q
        .given_names
        .split([' ', '-'])
        .map(str::to_lowercase)
        .collect();
    let rw: Vec<String> = r
        .given_names
        .split([' ', '-'])
        .map(str::to_lowercase)
        .collect();
    if qw.iter().zip(&rw).any(|(a, b)| {
        bare(a) != bare(b)
            && c::spellings_of(b).is_some_and(|g| {
                g.iter()
                    .any(|x| fold(x) == fold(a) && x.to_lowercase() != *b)
            })
    }) {
        out.push(c::GIVEN_SPELLING);
    }
    let street = street_name_part(&q.street);
    let pairs = [
        (q.given_names.as_str(), r.given_names.as_str()),
        (q.surname.as_str(), r.surname.as_str()),
        (street.as_str(), r.street.as_str()),
        (q.city.as_str(), r.city.as_str()),
    ];
    let ocr = pairs.iter().any(|(a, b)| {
        let a = plain(a);
        ["rn", "1", "0", "cl", "li", "vv", "m", "h", "d", "w"]
            .iter()
            .any(|x| a.to_lowercase().matches(x).count() != b.to_lowercase().matches(x).count())
            && a.split(' ').count() == b.split(' ').count()
            && a.split(' ')
                .zip(b.split(' '))
                .all(|(x, y)| fold(x) == fold(y))
            && a.to_lowercase() != b.to_lowercase()
    });
    if ocr {
        out.push(c::OCR);
    }
    let lossy = pairs
        .iter()
        .filter(|(a, b)| has_aeoeaa(b) && !has_aeoeaa(a) && !a.is_empty())
        .count();
    if lossy >= 2 {
        out.push(c::LOSSY_TWO);
    }
    if ws(&q.street) || ws(&q.given_names) || ws(&q.surname) {
        out.push(c::WHITESPACE);
    }
    out
}

#[test]
fn corrupted_leads_show_their_damage() {
    for seed in [11, 12, 13] {
        leads_show_their_damage(&generate(seed, 6_000, 2_000));
    }
}

fn leads_show_their_damage(set: &Set) {
    let towns: HashMap<String, String> = include_str!("../../../data/postcodes/NO.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect();
    for l in &set.leads {
        let Some(t) = l.truth else { continue };
        let (q, r) = (&l.query, &set.register[t]);
        let singles = single_damages(q, r, &towns);
        let lower = |s: &str| s.to_lowercase();
        let shown = match l.kind {
            k if c::SINGLE_ISSUES.contains(&k) => singles.contains(&k),
            c::TWO_ISSUES => singles.len() >= 2,
            c::UNCHANGED => q.given_names.to_lowercase() == r.given_names.to_lowercase(),
            c::MAIDEN => {
                lower(&q.surname).contains(&lower(&r.surname))
                    && q.surname.len() > r.surname.len() + 2
            }
            c::ONE_FIELD => {
                q.postcode.is_empty() && q.city.is_empty() && q.street.contains(&r.postcode)
            }
            c::SHORT_FORM => q
                .given_names
                .split(' ')
                .next()
                .is_some_and(|w| w.ends_with('.')),
            c::TITLE => {
                let w = q.given_names.split(' ').next().unwrap_or("");
                names::TITLES_MEN.contains(&w) || names::TITLES_WOMEN.contains(&w)
            }
            c::ISSUE_FORMAT => {
                !single_damages(&names_back(q, r), r, &towns).is_empty()
                    && (q.surname.is_empty() || q.given_names == q.given_names.to_uppercase())
            }
            c::RANGE => {
                let s = format!("{} {}", q.street, q.house_number);
                let b: Vec<char> = s.chars().collect();
                b.windows(3)
                    .any(|w| w[0].is_ascii_digit() && "-–/".contains(w[1]) && w[2].is_ascii_digit())
            }
            c::FLOOR_CARE_OF => ["c/o", "v/", "etasje", "etg", "sokkel", "loft", "inngang"]
                .iter()
                .any(|m| lower(&q.street).contains(m)),
            c::MIDDLE_DROPPED => r.given_names.contains(' ') && !q.given_names.contains(' '),
            c::HYPHEN_DROPPED => r.given_names.contains('-') && !q.given_names.contains('-'),
            c::NUMBER_NR => {
                lower(&q.street).contains("nr") || lower(&q.house_number).contains("nr")
            }
            c::BOKMAL_NYNORSK => {
                !lower(&q.street).contains(&lower(&r.street))
                    && judge::street_key(&street_name_part(&q.street))
                        == judge::street_key(&r.street)
            }
            c::COUPLE => [" og ", " & ", "/"]
                .iter()
                .any(|m| q.given_names.contains(m)),
            _ => false,
        };
        assert!(shown, "{} does not show its damage: {q:?} vs {r:?}", l.kind);
    }
}

#[test]
fn the_judge_accepts_every_lead() {
    let set = small();
    let judge = Judge::new(&set.register);
    for l in &set.leads {
        assert!(
            judge.honest(&l.query, l.truth),
            "{l:?}: {:?}",
            judge.candidates(&l.query)
        );
    }
}

#[test]
fn the_judge_reads_layouts_and_refuses_other_people() {
    let row = PersonRecord {
        given_names: "Kristoffer Andreas".into(),
        surname: "Sæther".into(),
        street: "Halfdan Raanes vei".into(),
        house_number: "12".into(),
        house_letter: "B".into(),
        postcode: "0150".into(),
        city: "OSLO".into(),
        birth_date: None,
        national_id: None,
    };
    let register = vec![row.clone()];
    let judge = Judge::new(&register);
    let lead = |given: &str, surname: &str, street: &str, number: &str| PersonQuery {
        given_names: given.into(),
        surname: surname.into(),
        street: street.into(),
        house_number: number.into(),
        postcode: String::new(),
        city: "Oslo".into(),
        ..PersonQuery::default()
    };
    for q in [
        lead("Christoffer", "Sæther", "H. Raanes vei 12 B", ""),
        lead(
            "SAETHER, Kristoffer",
            "",
            "Halfdan Raanes veg\u{a0}12\tB, H0203",
            "",
        ),
        lead("Kr.", "Sether", "Halfdan Raanes vei", "nr. 12 B"),
        lead(
            "Kristoffer",
            "Sæther",
            "Halfdan Raanes vei 12 B, 0150 OSLO",
            "",
        ),
        lead(
            "Kristoffer",
            "Sæther (Dahl)",
            "c/o Geir Lunde, Halfdan Raanes vei 12-14",
            "B",
        ),
    ] {
        assert!(judge.honest(&q, Some(0)), "{q:?}");
    }
    for q in [
        lead("Tone", "Sæther", "Halfdan Raanes vei 12 B", ""),
        lead("Kristoffer", "Sæther", "Halfdan Raanes vei 12 C", ""),
        lead("Kristoffer", "Sæther", "Halfdan Raanes vei 14", ""),
        lead("Kristoffer", "Sæther", "Rognlia 12 B", ""),
    ] {
        assert!(judge.honest(&q, None), "{q:?}");
    }
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
    let took = start.elapsed();
    assert!(set.register.len() >= persons);
    assert_eq!(set.leads.len(), leads);
    assert!(took.as_secs() < 300, "{took:?}");
    println!("{persons} persons, {leads} leads: {took:?}");
}
