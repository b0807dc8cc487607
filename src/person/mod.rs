//! Person matching: washing leads by name and address (or birth date, or national id)
//! against the persons of the reservation register.
//!
//! In Norway a reservation belongs to a *person*, identified by name and address in the
//! population register; only a minority of reserved people have entered phone numbers, and
//! most illegal calls to reserved people happen because the name or address on a bought
//! calling list differs slightly from the register's. This module owns everything between the
//! register's person records and a match for a lead:
//!
//! - [`normalise`]: folding names and addresses (case, punctuation, æ/ø/å and ae/oe/aa,
//!   accents, street abbreviations, house letters, name order, middle names; flat, floor and
//!   c/o designations; misread postcodes; how given names sound) into keys;
//! - [`postcodes`]: Norway's postcodes and post towns, to find a lead from its city;
//! - [`index`]: the on-disk person index of a generation ([`PersonIndexWriter`] writes it,
//!   [`PersonIndex`] maps it and looks leads up, exactly and fuzzily);
//! - [`nid`]: national ids, of which only a keyed hash is stored;
//! - [`distance`]: the bounded edit distance fuzzy matching uses;
//!
//! The evaluation sets that measure the matcher (generated, labelled persons and leads) are
//! in [`crate::synth::eval`], [`crate::synth::blind_eval`] and [`crate::synth::holdout_eval`].
//!
//! # Strictness: illegal calls against lost calls
//!
//! A reserved person the matcher misses is an *illegal call* (a breach of the marketing act, a
//! fine for the centre, a complaint); a lead wrongly matched to a reserved person is a *lost
//! call* (one lead fewer out of thousands). The costs are lopsided, so the default,
//! [`Strictness::Normal`], accepts the differences real directory data has (abbreviations,
//! a typo in a name or in the street, swapped names, a missing middle name or house letter,
//! a move when the birth date is known, a wrong or missing postcode when the city or the
//! postcode's neighbours have the house, a spelling variant of a given name) but never a
//! differing birth date, and never a change from one common given name to another (Ola/Ole,
//! Tone/Anne) that does not sound the same, which at one address is usually another member of
//! the household. See [`Strictness`], `docs/person-evaluation.md` and `BENCHMARKS.md`.

pub mod distance;
pub mod index;
pub mod nid;
pub mod normalise;
pub mod postcodes;

use std::path::PathBuf;

use chrono::NaiveDate;

pub use index::{PersonIndex, PersonIndexFiles, PersonIndexWriter, PersonScratch};
pub use nid::IdHashKey;

/// Why a person record could not be indexed or a person index not be written or opened.
#[derive(Debug, thiserror::Error)]
pub enum PersonError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A register record lacks what matching needs; the message names the field, never its
    /// content.
    #[error("person record {record} rejected: {why}")]
    InvalidRecord {
        /// The record number (order of [`PersonIndexWriter::add`] calls).
        record: u32,
        /// What is wrong.
        why: &'static str,
    },
    /// The id-hash key is too short to protect national ids.
    #[error("the national-id hash key must be at least {min} bytes; configure a longer secret")]
    WeakKey {
        /// The minimum length.
        min: usize,
    },
    /// The index was built with another id-hash key (or none), so national ids cannot match.
    #[error(
        "the person index was built with another national-id hash key; use the key it was built with or rebuild the generation"
    )]
    KeyMismatch,
    /// More persons, or more namesakes at one address, than an index can hold.
    #[error("too many {what} (at most {max})")]
    TooMany {
        /// What overflowed.
        what: &'static str,
        /// The limit.
        max: u64,
    },
    /// A file's format version is not the one this build reads.
    #[error("{file}: format version {got}, this vask reads {expected}; rebuild the generation")]
    Version {
        /// The file.
        file: &'static str,
        /// The version this build reads.
        expected: u32,
        /// The version found.
        got: u32,
    },
    /// A file is damaged, truncated or not a person index file.
    #[error("{file}: corrupt person index: {why}; rebuild or roll back the generation")]
    Corrupt {
        /// The file.
        file: &'static str,
        /// What is wrong.
        why: String,
    },
}

/// A person of the reservation register, as the population register delivers it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonRecord {
    /// Given names, including middle names (*mellomnavn*) if the source has no field for them.
    pub given_names: String,
    /// Surname.
    pub surname: String,
    /// Street name; a house number written into it (`Storgata 12 B`) is split off.
    pub street: String,
    /// House number, optionally with its letter (`12`, `12 B`, `12b`, `12-B`).
    pub house_number: String,
    /// House letter, if not in `house_number`.
    pub house_letter: String,
    /// Four-digit postcode.
    pub postcode: String,
    /// Postal town (the postcode carries the place; not stored).
    pub city: String,
    /// Birth date (derived from the national id when absent).
    pub birth_date: Option<NaiveDate>,
    /// National id; only its keyed hash is stored.
    pub national_id: Option<String>,
}

/// The person fields of a lead, each optional (empty string or `None` means not given).
/// Matching needs a given name and a surname with an address (postcode and street) or a
/// birth date, or else a national id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonQuery {
    /// Given names (a full name `Surname, Given` in one field is understood too).
    pub given_names: String,
    /// Surname.
    pub surname: String,
    /// Street, optionally with house number and letter (`Storgata 12 B`).
    pub street: String,
    /// House number, optionally with its letter.
    pub house_number: String,
    /// House letter.
    pub house_letter: String,
    /// Postcode.
    pub postcode: String,
    /// Postal town: where the postcode is missing, misread or wrong, the lead's house is
    /// looked for at the town's other postcodes.
    pub city: String,
    /// Birth date.
    pub birth_date: Option<NaiveDate>,
    /// National id, raw; hashed with the index's key at query time, never stored.
    pub national_id: Option<String>,
}

impl From<&PersonRecord> for PersonQuery {
    fn from(r: &PersonRecord) -> Self {
        PersonQuery {
            given_names: r.given_names.clone(),
            surname: r.surname.clone(),
            street: r.street.clone(),
            house_number: r.house_number.clone(),
            house_letter: r.house_letter.clone(),
            postcode: r.postcode.clone(),
            city: r.city.clone(),
            birth_date: r.birth_date,
            national_id: r.national_id.clone(),
        }
    }
}

/// How much evidence a person match needs. Each difference between lead and register record
/// costs: one edit in a name or street (1; names of 4–7 letters allow one edit, longer ones
/// two, names of 3 letters or fewer none), an OCR confusion (1), a spelling variant of a given
/// name (1), æ/ø/å written as bare vowels (1 for the whole lead), an abbreviated or left-out
/// street prefix or person's name in the street (1), a misread postcode (1), the house found
/// at another postcode of the lead's city or next to its postcode (1), a house letter on one
/// side only (1), a lead at another address with the same birth date (1), an extra middle
/// name (1), a surname that is one of the record's double surnames (1), a middle name spelt
/// otherwise or cut short (1), a conflicting middle initial (2), a conflicting middle name
/// written in full (3: at one address usually another member of the household), an initial
/// for the given name (3). A differing birth date, or a national id on the lead that differs
/// from the register's, always rules a record out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Strictness {
    /// Normalised keys equal (case, punctuation, æ/ø/å spellings, accents, street
    /// abbreviations, house-number format, name order and a missing middle name are all
    /// normalised away), or the national id matches.
    Exact,
    /// Cost at most 1: one typo, or a missing house letter, or a move with the same birth
    /// date and the exact name.
    Strict,
    /// Cost at most 2 (the default): two small differences at once. The best trade-off on
    /// the evaluation set (see [`crate::synth::eval`]).
    #[default]
    Normal,
    /// Cost at most 3: also initials and three small differences. Catches a few more
    /// reserved people, at the price of blocking more household members and namesakes.
    Loose,
}

impl Strictness {
    /// Every setting, strictest first.
    pub const ALL: [Strictness; 4] = [
        Strictness::Exact,
        Strictness::Strict,
        Strictness::Normal,
        Strictness::Loose,
    ];

    /// The highest total cost a match may have.
    pub fn max_cost(self) -> u32 {
        match self {
            Strictness::Exact => 0,
            Strictness::Strict => 1,
            Strictness::Normal => 2,
            Strictness::Loose => 3,
        }
    }
}

impl std::fmt::Display for Strictness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Strictness::Exact => "exact",
            Strictness::Strict => "strict",
            Strictness::Normal => "normal",
            Strictness::Loose => "loose",
        })
    }
}

/// A strictness name that is not one of `exact`, `strict`, `normal`, `loose`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown strictness {0:?}; use exact, strict, normal or loose")]
pub struct UnknownStrictness(pub String);

impl std::str::FromStr for Strictness {
    type Err = UnknownStrictness;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "exact" => Ok(Strictness::Exact),
            "strict" => Ok(Strictness::Strict),
            "normal" => Ok(Strictness::Normal),
            "loose" => Ok(Strictness::Loose),
            _ => Err(UnknownStrictness(s.to_owned())),
        }
    }
}

/// Which evidence matched a lead to a register person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// Normalised name and address keys agree.
    Exact,
    /// Matched with differences of total cost above zero (see [`Strictness`]).
    Fuzzy,
    /// The keyed hash of the national id agrees.
    NationalId,
}

impl std::fmt::Display for MatchKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            MatchKind::Exact => "exact",
            MatchKind::Fuzzy => "fuzzy",
            MatchKind::NationalId => "national id",
        })
    }
}

/// Where the matcher found the candidates among which a lead's person was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CandidatePath {
    /// At the lead's postcode (as written, or read leniently): its house, or the postcode's
    /// streets spelt or abbreviated alike.
    Postcode,
    /// At another postcode of the town the lead's city names, having the lead's house.
    City,
    /// At another postcode having the lead's street and house, in the town of the lead's
    /// postcode or one typing slip from it (the lead names no known city).
    Street,
    /// Among the persons born on the lead's birth day, anywhere in the country.
    BirthDate,
    /// By the keyed hash of the national id.
    NationalId,
}

impl std::fmt::Display for CandidatePath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CandidatePath::Postcode => "postcode",
            CandidatePath::City => "city",
            CandidatePath::Street => "street",
            CandidatePath::BirthDate => "name and birth date",
            CandidatePath::NationalId => "national id",
        })
    }
}

/// How one of a lead's fields compared with the matched register person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Agreement {
    /// Equal once normalised.
    Exact,
    /// Close: a typo, a variant spelling, an abbreviation, a misread postcode.
    Fuzzy,
    /// Not equal, or not used by the path that found the person.
    NotMatched,
}

impl std::fmt::Display for Agreement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Agreement::Exact => "exact",
            Agreement::Fuzzy => "fuzzy",
            Agreement::NotMatched => "not matched",
        })
    }
}

/// What Explain may say about a person match: how the lead's own fields agreed, the
/// strictness, the candidate path and an opaque record id ([`PersonIndex::evidence`]). It
/// holds no register data: no address, name, birth date or flag of the reserved person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonEvidence {
    /// Exact, fuzzy or by national id.
    pub kind: MatchKind,
    /// Total cost of the differences.
    pub cost: u32,
    /// The strictness matched at.
    pub strictness: Strictness,
    /// Where the person was found.
    pub path: CandidatePath,
    /// The lead's fields, by name, and how each agreed.
    pub fields: Vec<(&'static str, Agreement)>,
    /// An opaque id of the register record within its generation
    /// ([`PersonIndex::record_id`]).
    pub record: String,
}

impl std::fmt::Display for PersonEvidence {
    /// `fuzzy match (cost 1, strictness normal, found by postcode) on the lead's given name
    /// exact, surname fuzzy, street exact, house number exact, postcode exact`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} match (cost {}, strictness {}, found by {}) on the lead's ",
            self.kind, self.cost, self.strictness, self.path
        )?;
        for (i, (field, agreement)) in self.fields.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{field} {agreement}")?;
        }
        Ok(())
    }
}

/// A lead matched to a register person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMatch {
    /// Which evidence matched.
    pub kind: MatchKind,
    /// The payload given with the record to [`PersonIndexWriter::add`].
    pub payload: u8,
    /// The person's number in the index (see [`index::PersonIndexFiles::person_of_record`]);
    /// [`PersonIndex::evidence`] says how the lead matched it.
    pub person: u32,
    /// Total cost of the differences (0 for exact and national-id matches).
    pub cost: u32,
    /// Where the matcher found the person.
    pub path: CandidatePath,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strictness_parses_and_prints() {
        for s in Strictness::ALL {
            assert_eq!(s.to_string().parse::<Strictness>(), Ok(s));
        }
        assert_eq!(" Normal ".parse::<Strictness>(), Ok(Strictness::Normal));
        assert!("sloppy".parse::<Strictness>().is_err());
        assert_eq!(Strictness::default(), Strictness::Normal);
        let costs: Vec<u32> = Strictness::ALL.iter().map(|s| s.max_cost()).collect();
        assert!(costs.windows(2).all(|w| w[0] < w[1]));
    }
}
