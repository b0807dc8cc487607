//! The third set checked from the outside: labels, fairness and realism.

use super::*;

fn postcodes() -> Postcodes {
    Postcodes::parse(include_str!("../../../data/postcodes/NO.tsv"))
}

fn record(given: &str, surname: &str, street: &str, number: &str, born: &str) -> PersonRecord {
    PersonRecord {
        given_names: given.to_owned(),
        surname: surname.to_owned(),
        street: street.to_owned(),
        house_number: number.to_owned(),
        house_letter: String::new(),
        postcode: "0150".to_owned(),
        city: "OSLO".to_owned(),
        birth_date: NaiveDate::parse_from_str(born, "%Y-%m-%d").ok(),
        national_id: None,
    }
}

#[test]
fn generation_is_deterministic_for_a_seed() {
    let a = generate(5, 2_000, 400);
    let b = generate(5, 2_000, 400);
    assert_eq!(a, b);
    assert_eq!(a.register.len(), 2_000);
    assert_eq!(a.leads.len(), 400);
    let c = generate(6, 2_000, 400);
    assert_ne!(a.leads, c.leads);
}

#[test]
fn every_kind_is_produced_with_its_share() {
    let set = generate(11, 4_000, 2_000);
    assert_eq!(set.leads.len(), 2_000, "a slot was given up");
    let mut count: HashMap<&str, usize> = HashMap::new();
    for lead in &set.leads {
        *count.entry(lead.kind).or_default() += 1;
    }
    let kinds = CORRUPTION_SHARES
        .iter()
        .map(|(c, share)| (c.name(), *share))
        .chain(
            LOOKALIKE_SHARES
                .iter()
                .enumerate()
                .map(|(i, (_, share))| (LOOKALIKE_KINDS[i], *share)),
        );
    for (kind, share) in kinds {
        // Half the leads are of each family; a kind gets its per mille of its half.
        let want = 1_000 * share as usize / 1000;
        let got = count.get(kind).copied().unwrap_or(0);
        assert!(
            got.abs_diff(want) <= 1,
            "{kind}: {got} leads, {want} wanted"
        );
    }
    assert_eq!(CORRUPTION_KINDS.len(), CORRUPTION_SHARES.len());
    assert_eq!(LOOKALIKE_KINDS.len(), LOOKALIKE_SHARES.len());
    assert!(ISSUE_KINDS.iter().all(|k| CORRUPTION_KINDS.contains(k)));
    assert_eq!(CORRUPTION_SHARES.iter().map(|(_, s)| s).sum::<u32>(), 1000);
    assert_eq!(LOOKALIKE_SHARES.iter().map(|(_, s)| s).sum::<u32>(), 1000);
}

#[test]
fn labels_point_at_the_right_person() {
    let set = generate(13, 2_000, 1_000);
    let pc = postcodes();
    let mut judge = Judge::new(&set.register, &pc);
    let mut truths = HashSet::new();
    for lead in &set.leads {
        let q = &lead.query;
        match lead.truth {
            Some(t) => {
                assert!(CORRUPTION_KINDS.contains(&lead.kind), "{}", lead.kind);
                assert!(truths.insert(t), "person {t} is the truth of two leads");
                let r = &set.register[t];
                // What identifies the person is never corrupted.
                if let (Some(a), Some(b)) = (q.birth_date, r.birth_date) {
                    assert_eq!(a, b, "{lead:?} {r:?}");
                }
                if let (Some(a), Some(b)) = (q.national_id.as_deref(), &r.national_id) {
                    assert_eq!(nid_digits(a).as_ref(), Some(b), "{lead:?} {r:?}");
                }
                // The lead fits its person and no other reserved one.
                assert!(judge.fair_truth(q, t), "{lead:?} {r:?}");
            }
            None => {
                assert!(LOOKALIKE_KINDS.contains(&lead.kind), "{}", lead.kind);
                // Not in the register: no reserved person fits the lead.
                assert!(judge.fair_lookalike(q), "{lead:?}");
                assert!(
                    !set.register.iter().any(|r| PersonQuery::from(r) == *q),
                    "{lead:?}"
                );
            }
        }
    }
    let reserved = set.leads.iter().filter(|l| l.truth.is_some()).count();
    assert_eq!(reserved, 500);
}

#[test]
fn corruptions_change_what_they_name() {
    let set = generate(17, 3_000, 1_200);
    for lead in set.leads.iter().filter(|l| l.truth.is_some()) {
        let q = &lead.query;
        let ok = match lead.kind {
            "postcode_misread" => q.postcode.chars().any(|c| !c.is_ascii_digit()),
            "postcode_missing_city_given" => q.postcode.is_empty() && !q.city.is_empty(),
            "postcode_city_one_field" => q.postcode.is_empty() && q.city.contains(' '),
            "whitespace_nbsp_or_double" => {
                let all = format!("{} {}", q.street, q.house_number);
                all.contains('\u{a0}') || all.contains("  ")
            }
            "mojibake" => [&q.given_names, &q.surname, &q.street, &q.city]
                .iter()
                .any(|f| f.contains(['Ã', '?', '\u{fffd}'])),
            "full_name_one_field" => q.surname.is_empty(),
            "national_id_formatted" => q.national_id.is_some() && q.birth_date.is_none(),
            "flat_number_in_street" => {
                let s = q.street.to_lowercase();
                s.contains("lei") || s.split([' ', ',']).any(is_flat_code)
            }
            _ => true,
        };
        assert!(ok, "{lead:?}");
    }
}

#[test]
fn judge_rejects_an_indistinguishable_look_alike() {
    let register = vec![
        record("Kari", "Nordmann", "Sagveien", "9", "1980-05-01"),
        record("Ola", "Nordmann", "Sagveien", "9", "1978-02-11"),
    ];
    let pc = postcodes();
    let mut judge = Judge::new(&register, &pc);
    // The reserved person herself, upper case, without a birth date.
    let mut same = PersonQuery::from(&register[0]);
    same.given_names = "KARI".into();
    same.surname = "NORDMANN".into();
    same.birth_date = None;
    assert!(!judge.fair_lookalike(&same));
    // One letter off in the surname and the street's suffix abbreviated: still her.
    let mut near = PersonQuery::from(&register[0]);
    near.surname = "Nordman".into();
    near.street = "Sagvn. 9".into();
    near.house_number.clear();
    near.birth_date = None;
    assert!(!judge.fair_lookalike(&near));
}

#[test]
fn judge_accepts_a_distinguishable_look_alike() {
    let register = vec![
        record("Kari", "Nordmann", "Sagveien", "9", "1980-05-01"),
        record("Ola", "Nordmann", "Sagveien", "9", "1978-02-11"),
    ];
    let pc = postcodes();
    let mut judge = Judge::new(&register, &pc);
    // Her mother: same name and house, born 28 years earlier, and the lead says so.
    let mut mother = PersonQuery::from(&register[0]);
    mother.birth_date = NaiveDate::from_ymd_opt(1952, 3, 14);
    assert!(judge.fair_lookalike(&mother));
    // Another member of the household.
    let mut son = PersonQuery::from(&register[0]);
    son.given_names = "Magnus".into();
    son.birth_date = None;
    assert!(judge.fair_lookalike(&son));
    // A namesake in another town.
    let mut namesake = PersonQuery::from(&register[0]);
    namesake.postcode = "5003".into();
    namesake.city = "BERGEN".into();
    namesake.street = "Kirkegata".into();
    namesake.birth_date = None;
    assert!(judge.fair_lookalike(&namesake));
}

#[test]
fn judge_wants_a_truth_to_fit_only_its_person() {
    let register = vec![
        record("Kari", "Nordmann", "Sagveien", "9", "1980-05-01"),
        record("Kari", "Nordmann", "Sagveien", "9", "1952-03-14"),
    ];
    let pc = postcodes();
    let mut judge = Judge::new(&register, &pc);
    // With her birth date the lead is hers alone, whatever the postcode says.
    let mut dated = PersonQuery::from(&register[0]);
    dated.postcode = "0105".into();
    assert!(judge.fair_truth(&dated, 0));
    // Without it, mother and daughter cannot be told apart.
    let mut undated = dated.clone();
    undated.birth_date = None;
    assert!(!judge.fair_truth(&undated, 0));
    // A lead that is plainly someone else does not fit.
    let mut other = PersonQuery::from(&register[0]);
    other.given_names = "Per".into();
    other.birth_date = None;
    assert!(!judge.fair_truth(&other, 0));
}

#[test]
fn judge_agrees_with_a_plain_reading_of_every_record() {
    // The judge looks only at records with a similar surname word and remembers word
    // comparisons per lead; a plain reading of every record must find the same.
    let set = generate(19, 1_500, 240);
    let pc = postcodes();
    let mut judge = Judge::new(&set.register, &pc);
    let views: Vec<View> = set.register.iter().map(record_view).collect();
    let mut checked = 0;
    for lead in &set.leads {
        let mut leads = vec![lead.query.clone()];
        // The same lead without its birth date or postcode fits more persons.
        let mut bare = lead.query.clone();
        bare.birth_date = None;
        bare.postcode.clear();
        leads.push(bare);
        for q in leads {
            let l = judge.lead_view(&q);
            let plain = (0..views.len())
                .filter(|&r| Some(r) != lead.truth)
                .any(|r| !distinguishable(&l, &views[r]));
            assert_eq!(judge.first_fit(&l, lead.truth).is_some(), plain, "{q:?}");
            checked += usize::from(plain);
        }
    }
    assert!(
        checked > 0,
        "no lead fitted anybody: the comparison says nothing"
    );
}

#[test]
fn folding_reads_lists_as_people_write_them() {
    assert_eq!(fold_word("JÃ¸rgensen"), fold_word("Jørgensen"));
    assert_eq!(fold_word("Jorgensen"), fold_word("Jørgensen"));
    assert_eq!(fold_word("Thomas"), fold_word("Tomas"));
    assert_eq!(read_postcode("94O9").as_deref(), Some("9409"));
    assert_eq!(read_postcode("5l39").as_deref(), Some("5139"));
    let v = addr_view("Sagveien 9, H0404", "", "");
    assert_eq!((v.number, v.key.as_str()), (Some(9), "sagvei"));
    let a = addr_view("Ø. Svanegata", "12", "");
    let b = addr_view("Øvre Svanegata", "12", "");
    assert!(street_same(&a, &b));
    let c = addr_view("Nedre Svanegata", "12", "");
    assert!(!street_same(&b, &c));
    // 010190124 takes check digits 8 and 0; no id starts 010190123 (a check digit of 10).
    assert_eq!(
        with_check_digits("010190124").as_deref(),
        Some("01019012480")
    );
    assert_eq!(with_check_digits("010190123"), None);
    assert_eq!(
        nid_birth_date("010190 12480"),
        NaiveDate::from_ymd_opt(1990, 1, 1)
    );
}
