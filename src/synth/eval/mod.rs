//! The first labelled evaluation set for person matching, and the precision and recall of
//! [`PersonIndex::find`] on it, per strictness and per kind of lead.
//!
//! [`Population`] generates, deterministically from a seed, households of realistic
//! Norwegian persons: common given names and surnames (double names, æ/ø/å, middle names,
//! double surnames, spelling variants of one name as separate names), streets at Norway's
//! real postcodes (`data/postcodes`, every post town weighted by its postcodes; street names
//! of stem and suffix, prefixed ones like `Øvre Kirkegata`, and ones named after persons like
//! `Hans Haugens vei`), birth dates and valid national ids. About half of the persons are
//! reserved; the reserved ones form the register. [`Population::leads`] draws leads as a
//! directory would sell them: reserved persons with zero, one or two corruptions of the kinds
//! in [`CORRUPTIONS`], and look-alikes that are not reserved ([`LOOK_ALIKES`]: other members
//! of a reserved person's household, neighbours, namesakes elsewhere, near-names elsewhere).
//! `docs/person-evaluation.md` describes every kind; the second, independent set lives in
//! `crate::synth` and is documented in its own file.
//!
//! Names are drawn from short lists, so namesakes at one house are more frequent than in
//! reality: precision here is a lower bound. Typos are only put into names of four letters or
//! more: a change to a name of three letters (Ola/Ole) is, at one address, more often another
//! household member than a typo, and the matcher does not forgive it.
//!
//! # Files
//! - `population.rs`: the households, their addresses, names, birth dates and national ids,
//!   the register and the leads.
//! - `corrupt.rs`: the corruptions of a reserved person's lead.
//! - `measure.rs`: the evaluation index and the precision and recall report.
//! - `tests.rs`: determinism, validity and labels checked.

mod corrupt;
mod measure;
mod population;
#[cfg(test)]
mod tests;

pub use measure::{EvalIndex, EvalReport, KindRow, evaluate};
pub use population::national_id_for;

use corrupt::*;
use population::*;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::person::postcodes::{self, Town};
use crate::person::{
    IdHashKey, PersonError, PersonIndex, PersonIndexWriter, PersonMatch, PersonQuery, PersonRecord,
    Strictness,
};
use crate::synth::words::{
    FARM_ENDS, FARM_STEMS, FEMALE, GIVEN_NAME_VARIANTS, MALE, PERSON_STREET_SUFFIXES,
    STREET_PREFIXES, STREET_STEMS, STREET_SUFFIXES, SURNAMES,
};

/// The corruption kinds of reserved leads, as [`LabelledLead::corruption`] names them (two
/// corruptions are joined by `+`).
pub const CORRUPTIONS: &[&str] = &[
    "given-typo",
    "surname-typo",
    "street-abbrev",
    "ae-oe-aa",
    "oe-as-o",
    "swapped-order",
    "missing-middle",
    "house-in-street",
    "missing-letter",
    "moved",
    "upper-case",
    "street-typo",
    "national-id",
    "letter-in-number",
    "hyphen",
    "postcode-typo-city",
    "postcode-ocr",
    "no-postcode-city",
    "flat-number",
    "care-of-floor",
    "street-initial",
    "street-prefix-abbrev",
    "name-variant",
    "ocr-name",
    "lossy-two-fields",
    "whitespace",
];

/// The kinds of look-alike leads (not reserved).
pub const LOOK_ALIKES: &[&str] = &["household", "neighbour", "namesake", "near-name"];

/// A generated population: households `0..households` drawn from `seed`.
#[derive(Debug, Clone, Copy)]
pub struct Population {
    /// Seed of the whole population.
    pub seed: u64,
    /// Number of households.
    pub households: u64,
}

/// A person of the generated population.
#[derive(Debug, Clone)]
pub struct Resident {
    /// The person as the population register holds them.
    pub record: PersonRecord,
    /// Whether the person is reserved (is in the register).
    pub reserved: bool,
    /// A unique id (household × 8 + member).
    pub id: u32,
}

/// A lead with the truth about it.
#[derive(Debug, Clone)]
pub struct LabelledLead {
    /// The lead as a directory sells it.
    pub query: PersonQuery,
    /// The reserved person this lead is, if any ([`Resident::id`]).
    pub reserved_id: Option<u32>,
    /// What was done to it (`"household"`, `"namesake"`, … for look-alikes).
    pub corruption: String,
}
