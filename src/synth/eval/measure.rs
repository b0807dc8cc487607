//! The measurement: the index of a register, and precision and recall per strictness and
//! per kind of lead.

use super::*;

/// Precision and recall of a matcher on labelled leads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvalReport {
    /// The strictness evaluated.
    pub strictness: Strictness,
    /// Reserved leads matched (to any reserved person).
    pub tp: usize,
    /// Non-reserved leads matched.
    pub fp: usize,
    /// Reserved leads not matched.
    pub fn_: usize,
    /// Non-reserved leads not matched.
    pub tn: usize,
    /// Reserved leads matched to another reserved person than their own.
    pub wrong_person: usize,
    /// tp / (tp + fp).
    pub precision: f64,
    /// tp / (tp + fn).
    pub recall: f64,
    /// Per corruption (or look-alike kind): leads and wrong outcomes (misses or false
    /// matches).
    pub by_kind: BTreeMap<String, (usize, usize)>,
    /// The kinds whose leads are look-alikes (not reserved).
    pub look_alike_kinds: std::collections::BTreeSet<String>,
    /// Every wrong outcome, in lead order: the lead's position and, for a false match, the
    /// resident it matched (`vask person-eval --show-wrong` prints them).
    pub wrong_leads: Vec<(usize, Option<u32>)>,
}

/// One row of the per-kind table: recall for a corruption kind, the false-match rate for a
/// look-alike kind.
#[derive(Debug, Clone, PartialEq)]
pub struct KindRow {
    /// The kind (`two corruptions` for every lead with two).
    pub kind: String,
    /// Whether the kind is a look-alike (not reserved).
    pub look_alike: bool,
    /// Leads of the kind.
    pub leads: usize,
    /// Wrong outcomes: misses for corruptions, matches for look-alikes.
    pub wrong: usize,
}

impl KindRow {
    /// Recall (corruption kinds) or false-match rate (look-alikes).
    pub fn rate(&self) -> f64 {
        let wrong = self.wrong as f64 / self.leads.max(1) as f64;
        if self.look_alike { wrong } else { 1.0 - wrong }
    }
}

impl EvalReport {
    /// The per-kind table: every single corruption kind, `two corruptions` for all leads with
    /// two (kinds joined by `+`, as the first set labels them), then the look-alike kinds.
    pub fn kinds(&self) -> Vec<KindRow> {
        let mut rows: Vec<KindRow> = Vec::new();
        let mut two = KindRow {
            kind: "two corruptions".into(),
            look_alike: false,
            leads: 0,
            wrong: 0,
        };
        let mut look = Vec::new();
        for (kind, &(leads, wrong)) in &self.by_kind {
            if kind.contains('+') {
                two.leads += leads;
                two.wrong += wrong;
            } else {
                let row = KindRow {
                    kind: kind.clone(),
                    look_alike: self.look_alike_kinds.contains(kind),
                    leads,
                    wrong,
                };
                if row.look_alike {
                    look.push(row);
                } else {
                    rows.push(row);
                }
            }
        }
        if two.leads > 0 {
            rows.push(two);
        }
        rows.extend(look);
        rows
    }
}

/// The person index of a population's register, knowing which resident each person is.
#[derive(Debug)]
pub struct EvalIndex {
    /// The index.
    pub index: PersonIndex,
    /// The index's files.
    pub files: Vec<String>,
    /// [`Resident::id`] by person number.
    ids: Vec<u32>,
}

impl EvalIndex {
    /// Writes the index of `pop`'s register into `dir` (national ids hashed with `key`) and
    /// opens it; `each` sees every resident as it is added.
    pub fn build(
        pop: &Population,
        dir: &std::path::Path,
        key: Option<IdHashKey>,
        mut each: impl FnMut(&Resident),
    ) -> Result<EvalIndex, PersonError> {
        let mut w = PersonIndexWriter::new(key.clone());
        let mut by_record = Vec::new();
        for p in pop.register() {
            each(&p);
            w.add(&p.record, 1)?;
            by_record.push(p.id);
        }
        Self::finish(w, by_record, dir, key)
    }

    /// Writes the index of `records` (each with the id its leads name) into `dir` and opens
    /// it. A record the index refuses ([`PersonError::InvalidRecord`]) is left out and
    /// counted in the second value: its leads then count as misses.
    pub fn build_records<'a>(
        records: impl IntoIterator<Item = (u32, &'a PersonRecord)>,
        dir: &std::path::Path,
        key: Option<IdHashKey>,
    ) -> Result<(EvalIndex, usize), PersonError> {
        let mut w = PersonIndexWriter::new(key.clone());
        let mut by_record = Vec::new();
        let mut refused = 0;
        for (id, record) in records {
            match w.add(record, 1) {
                Ok(_) => by_record.push(id),
                Err(PersonError::InvalidRecord { .. }) => refused += 1,
                Err(e) => return Err(e),
            }
        }
        Ok((Self::finish(w, by_record, dir, key)?, refused))
    }

    pub(super) fn finish(
        w: PersonIndexWriter,
        by_record: Vec<u32>,
        dir: &std::path::Path,
        key: Option<IdHashKey>,
    ) -> Result<EvalIndex, PersonError> {
        let written = w.write(dir)?;
        let mut ids = vec![0; by_record.len()];
        for (&person, &id) in written.person_of_record.iter().zip(&by_record) {
            ids[person as usize] = id;
        }
        let index = PersonIndex::open(dir)?;
        let index = match key {
            Some(key) => index.with_id_key(key)?,
            None => index,
        };
        Ok(EvalIndex {
            index,
            files: written.files,
            ids,
        })
    }

    /// The resident a match found.
    pub fn resident(&self, m: &PersonMatch) -> Option<u32> {
        self.ids.get(m.person as usize).copied()
    }
}

/// Runs every lead through `index` at `strictness`.
pub fn evaluate(index: &EvalIndex, leads: &[LabelledLead], strictness: Strictness) -> EvalReport {
    let mut rep = EvalReport {
        strictness,
        ..EvalReport::default()
    };
    for (position, lead) in leads.iter().enumerate() {
        let found = index.index.find(&lead.query, strictness);
        let wrong = match (lead.reserved_id, &found) {
            (Some(id), Some(m)) => {
                rep.tp += 1;
                if index.resident(m) != Some(id) {
                    rep.wrong_person += 1;
                }
                false
            }
            (Some(_), None) => {
                rep.fn_ += 1;
                true
            }
            (None, Some(_)) => {
                rep.fp += 1;
                true
            }
            (None, None) => {
                rep.tn += 1;
                false
            }
        };
        if lead.reserved_id.is_none() && !rep.look_alike_kinds.contains(&lead.corruption) {
            rep.look_alike_kinds.insert(lead.corruption.clone());
        }
        if wrong {
            let matched = found.as_ref().and_then(|m| index.resident(m));
            rep.wrong_leads.push((position, matched));
        }
        let e = rep.by_kind.entry(lead.corruption.clone()).or_default();
        e.0 += 1;
        e.1 += usize::from(wrong);
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    rep.precision = ratio(rep.tp, rep.tp + rep.fp);
    rep.recall = ratio(rep.tp, rep.tp + rep.fn_);
    rep
}
