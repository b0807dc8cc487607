//! What Explain may say about a match (the lead's fields that agreed, the path, an opaque
//! record id), never the register's data.

use std::cell::Cell;

use super::PersonIndex;
use super::cost::{agrees, token_cost};
use super::key::{Folded, push_decimal, push_postcode};
use crate::person::normalise::{SEP, lossy_equal, sounds_alike};
use crate::person::{
    Agreement, CandidatePath, MatchKind, PersonEvidence, PersonMatch, PersonQuery, Strictness,
};

impl PersonIndex {
    /// How a lead matched the person `m` found for it, for Explain: which of the lead's own
    /// fields agreed with the register (exactly or fuzzily), the candidate path and an opaque
    /// record id. It names fields, never their register values: a caller learns nothing of
    /// the reserved person that the lead did not already say.
    pub fn evidence(
        &self,
        q: &PersonQuery,
        m: &PersonMatch,
        strictness: Strictness,
    ) -> PersonEvidence {
        let mut lead = Folded::default();
        lead.fill_query(q, false);
        let p = m.person as usize;
        let mut fields: Vec<(&'static str, Agreement)> = Vec::new();
        let mut key = Vec::with_capacity(64);
        let known = p < self.persons && self.guarded(|| self.key_of(p, &mut key)) == Some(true);
        let mut parts = key.split(|&b| b == SEP);
        let (house, number, letter, last, first, middles) = (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        );
        if m.kind == MatchKind::NationalId {
            fields.push(("national id", Agreement::Exact));
        }
        if known {
            let name_agreement = |t: &[u8]| {
                let in_middles = middles.split(|&b| b == b' ').any(|x| x == t);
                if t == first || t == last || in_middles {
                    Agreement::Exact
                } else if [first, last].iter().any(|r| {
                    sounds_alike(t, r)
                        || lossy_equal(t, r)
                        || (t.len() == 1 && r.first() == t.first())
                        || token_cost(t, r, 2, true, &Cell::new(false)).is_some()
                }) {
                    Agreement::Fuzzy
                } else {
                    Agreement::NotMatched
                }
            };
            if !lead.name.first.is_empty() {
                fields.push(("given name", name_agreement(lead.name.first.as_bytes())));
            }
            for mid in lead.name.middles() {
                fields.push(("middle name", name_agreement(mid.as_bytes())));
            }
            if !lead.name.last.is_empty() {
                fields.push(("surname", name_agreement(lead.name.last.as_bytes())));
            }
            let address_used = matches!(
                m.path,
                CandidatePath::Postcode | CandidatePath::City | CandidatePath::Street
            );
            let (rec_pc, rec_street) = house.split_at(house.len().min(4));
            if !lead.street.is_empty() {
                fields.push((
                    "street",
                    match (address_used, lead.street.as_bytes() == rec_street) {
                        (true, true) => Agreement::Exact,
                        (true, false) => Agreement::Fuzzy,
                        _ => Agreement::NotMatched,
                    },
                ));
            }
            if let Some(n) = lead.number {
                let mut mine = Vec::new();
                push_decimal(n, &mut mine);
                fields.push((
                    "house number",
                    if address_used && mine == number {
                        Agreement::Exact
                    } else {
                        Agreement::NotMatched
                    },
                ));
            }
            if let Some(l) = lead.letter {
                fields.push((
                    "house letter",
                    if address_used && letter == [l] {
                        Agreement::Exact
                    } else {
                        Agreement::NotMatched
                    },
                ));
            }
            if let Some(pc) = lead.postcode {
                let mut mine = Vec::new();
                push_postcode(pc, &mut mine);
                fields.push((
                    "postcode",
                    match (address_used && mine == rec_pc, lead.postcode_repaired) {
                        (true, false) => Agreement::Exact,
                        (true, true) => Agreement::Fuzzy,
                        _ => Agreement::NotMatched,
                    },
                ));
            }
            if m.path == CandidatePath::City {
                fields.push(("city", Agreement::Exact));
            }
        }
        let birth = self.plausible_birth(lead.birth);
        if birth != 0 {
            // Another day that may be the same date written otherwise (a day and month
            // swapped, a century off, the day before) agrees fuzzily.
            let agreement = match (p < self.persons).then(|| self.birth(p)) {
                Some(day) if day == birth => Agreement::Exact,
                Some(day) if day != 0 && agrees(birth, day) => Agreement::Fuzzy,
                _ => Agreement::NotMatched,
            };
            fields.push(("birth date", agreement));
        }
        PersonEvidence {
            kind: m.kind,
            cost: m.cost,
            strictness,
            path: m.path,
            fields,
            record: self.record_id(m.person),
        }
    }

    /// An opaque id of person number `person` in this index: a keyed hash (HMAC-SHA256 under
    /// the index's random salt), so that it names the record without encoding any of its data
    /// (person numbers follow the address keys' order, so they would hint at the postcode).
    pub fn record_id(&self, person: u32) -> String {
        use hmac::{Hmac, Mac};
        let Ok(mut mac) = Hmac::<sha2::Sha256>::new_from_slice(&self.salt) else {
            return String::new();
        };
        mac.update(&person.to_le_bytes());
        hex::encode(&mac.finalize().into_bytes()[..8])
    }
}
