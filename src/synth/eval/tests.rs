//! The first set and its measurement checked: determinism, validity, labels.

use super::*;
use crate::person::nid::NationalId;

#[test]
fn generation_is_deterministic_and_valid() {
    let pop = Population::with_reserved(7, 2000);
    let a: Vec<_> = pop.register().take(50).map(|p| p.record).collect();
    let b: Vec<_> = pop.register().take(50).map(|p| p.record).collect();
    assert_eq!(a, b);
    for p in &a {
        let id = NationalId::parse(p.national_id.as_deref().unwrap()).unwrap();
        assert_eq!(id.birth_date(), p.birth_date);
    }
    let leads = pop.leads(200, 1);
    let positives = leads.iter().filter(|l| l.reserved_id.is_some()).count();
    assert!((60..140).contains(&positives), "{positives}");
}

#[test]
fn meets_targets_at_default_strictness() {
    let pop = Population::with_reserved(11, 20_000);
    let dir = tempfile::tempdir().unwrap();
    let key = IdHashKey::new(b"evaluation key 0123456789").unwrap();
    let index = EvalIndex::build(&pop, dir.path(), Some(key), |_| {}).unwrap();
    let leads = pop.leads(4000, 2);
    let rep = evaluate(&index, &leads, Strictness::default());
    let misses: Vec<_> = rep.by_kind.iter().filter(|(_, v)| v.1 > 0).collect();
    assert!(rep.recall >= 0.99, "{rep:?} {misses:?}");
    assert!(rep.precision >= 0.99, "{rep:?} {misses:?}");
    let exact = evaluate(&index, &leads, Strictness::Exact);
    assert!(exact.recall < rep.recall);
}
