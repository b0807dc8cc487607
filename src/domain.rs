//! Domain vocabulary shared by every layer: who is washing (centre), for whom (client), why (campaign purpose and caller kind), which internal list an
//! opt-out changes, the dates entries carry, and the clock "today" is read from.
//!
//! These types carry no behaviour beyond validation, parsing and date arithmetic; the decision
//! rules that use them live in [`crate::engine::rules`].

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Why an identifier, purpose or date given by a user or a file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// Ids are 1–64 characters of ASCII letters, digits, `-`, `_` and `.`.
    #[error("invalid {what} id {id:?}: use 1-64 characters of A-Z, a-z, 0-9, '-', '_' or '.'")]
    BadId {
        /// Which kind of id ("centre", "client", "category").
        what: &'static str,
        /// The rejected id.
        id: String,
    },
    /// The purpose is not one of the known campaign purposes.
    #[error("unknown campaign purpose {0:?}: use sales, market_research or fundraising")]
    BadPurpose(String),
    /// The caller kind is not one of the known kinds.
    #[error("unknown caller kind {0:?}: use business or voluntary")]
    BadCallerKind(String),
    /// A date was not in `YYYY-MM-DD` form or is before 1970.
    #[error("invalid date {0:?}: use YYYY-MM-DD, on or after 1970-01-01")]
    BadDate(String),
    /// A birth date was not in `YYYY-MM-DD` form.
    #[error("invalid birth date {0:?}: use YYYY-MM-DD")]
    BadBirthDate(String),
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Validates and wraps an id.
            pub fn new(id: impl Into<String>) -> Result<Self, DomainError> {
                let id = id.into();
                if valid_id(&id) {
                    Ok(Self(id))
                } else {
                    Err(DomainError::BadId { what: $what, id })
                }
            }

            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = DomainError;
            fn try_from(id: String) -> Result<Self, DomainError> {
                Self::new(id)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A call centre: washes lists and keeps its own internal do-not-call list.
    CentreId,
    "centre"
);
id_type!(
    /// A client (oppdragsgiver): the business or organisation a centre calls for.
    ClientId,
    "client"
);
id_type!(
    /// A product category of a client's customer relationships ("mobile", "power", "donor").
    Category,
    "category"
);

impl Category {
    /// `donor`: the default category of a voluntary organisation's donor relationships.
    pub fn donor() -> Category {
        Category("donor".to_owned())
    }
}

/// What a campaign is for; decides whether the national register applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Telemarketing of products or services.
    Sales,
    /// A genuine survey: not marketing, so the national register does not apply (norm 4.2 k).
    MarketResearch,
    /// Asking for donations.
    Fundraising,
}

impl Purpose {
    /// Every purpose, in a fixed order.
    pub const ALL: [Purpose; 3] = [
        Purpose::Sales,
        Purpose::MarketResearch,
        Purpose::Fundraising,
    ];

    /// The stable name (`sales`, `market_research`, `fundraising`).
    pub fn name(self) -> &'static str {
        match self {
            Purpose::Sales => "sales",
            Purpose::MarketResearch => "market_research",
            Purpose::Fundraising => "fundraising",
        }
    }
}

impl fmt::Display for Purpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Purpose {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, DomainError> {
        match s {
            "sales" => Ok(Self::Sales),
            "market_research" | "research" | "survey" => Ok(Self::MarketResearch),
            "fundraising" => Ok(Self::Fundraising),
            _ => Err(DomainError::BadPurpose(s.to_owned())),
        }
    }
}

/// Who is calling: reservations may or may not cover voluntary organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallerKind {
    /// A business.
    Business,
    /// A voluntary organisation (frivillig organisasjon).
    Voluntary,
}

impl CallerKind {
    /// The stable name (`business`, `voluntary`).
    pub fn name(self) -> &'static str {
        match self {
            CallerKind::Business => "business",
            CallerKind::Voluntary => "voluntary",
        }
    }
}

impl fmt::Display for CallerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for CallerKind {
    type Err = DomainError;
    fn from_str(s: &str) -> Result<Self, DomainError> {
        match s {
            "business" => Ok(Self::Business),
            "voluntary" => Ok(Self::Voluntary),
            _ => Err(DomainError::BadCallerKind(s.to_owned())),
        }
    }
}

/// An internal (do-not-call) list that deliveries and opt-outs change: a centre's or a
/// client's. One type for it everywhere: the journal, the build, the live overlay, Explain.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum InternalList {
    /// A centre's internal do-not-call list.
    Centre(CentreId),
    /// A client's internal do-not-call list.
    Client(ClientId),
}

impl fmt::Display for InternalList {
    /// `centre:<id>` or `client:<id>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InternalList::Centre(c) => write!(f, "centre:{c}"),
            InternalList::Client(c) => write!(f, "client:{c}"),
        }
    }
}

/// Where "now" comes from. The service reads the system clock; tests and the lifecycle model
/// move a clock of their own, so that every rule that depends on the day can be checked on
/// any day.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that stands still until it is moved (tests).
#[derive(Debug)]
pub struct ManualClock(std::sync::Mutex<DateTime<Utc>>);

impl ManualClock {
    /// A clock showing `at`.
    pub fn new(at: DateTime<Utc>) -> ManualClock {
        ManualClock(std::sync::Mutex::new(at))
    }

    /// Sets the time.
    pub fn set(&self, at: DateTime<Utc>) {
        *self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = at;
    }

    /// Moves the time forward (or back, with a negative duration).
    pub fn advance(&self, by: chrono::Duration) {
        let mut t = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *t += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The campaign fields of a wash request that the decision rules read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    /// Sales, market research or fundraising.
    pub purpose: Purpose,
    /// Business or voluntary organisation.
    pub caller: CallerKind,
    /// The product category being sold; a customer relationship exempts only in the same category.
    pub category: Option<Category>,
}

/// Days since 1970-01-01: how dates are stored in index generations.
pub type Day = u32;

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => panic!("1970-01-01 is a valid date"),
};

/// Converts a date to days since 1970-01-01 (`None` before 1970).
pub fn to_day(date: NaiveDate) -> Option<Day> {
    u32::try_from(date.signed_duration_since(EPOCH).num_days()).ok()
}

/// Converts days since 1970-01-01 back to a date (the last representable date for days
/// beyond it).
pub fn from_day(day: Day) -> NaiveDate {
    EPOCH
        .checked_add_days(chrono::Days::new(u64::from(day)))
        .unwrap_or(NaiveDate::MAX)
}

/// The same day `years` calendar years later (29 February becomes 28 February), as a [`Day`];
/// saturates far in the future.
pub fn add_years(day: Day, years: u32) -> Day {
    from_day(day)
        .checked_add_months(Months::new(years.saturating_mul(12)))
        .and_then(to_day)
        .unwrap_or(Day::MAX)
}

/// Parses a `YYYY-MM-DD` date on or after 1970-01-01.
pub fn parse_date(s: &str) -> Result<NaiveDate, DomainError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| to_day(*d).is_some())
        .ok_or_else(|| DomainError::BadDate(s.to_owned()))
}

/// Parses a birth date `YYYY-MM-DD` (any year from 1850 on; no lower bound of 1970).
pub fn parse_birth_date(s: &str) -> Result<NaiveDate, DomainError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| d.year() >= 1850)
        .ok_or_else(|| DomainError::BadBirthDate(s.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_validated() {
        assert!(CentreId::new("centre-1").is_ok());
        assert!(ClientId::new("").is_err());
        assert!(ClientId::new("a b").is_err());
        assert!(ClientId::new("x".repeat(65)).is_err());
    }

    #[test]
    fn calendar_years_after_a_day() {
        let day = |s: &str| to_day(parse_date(s).unwrap()).unwrap();
        // A gift on 2023-03-01 exempts through 2026-03-01: three calendar years, not 1096 days.
        assert_eq!(add_years(day("2023-03-01"), 3), day("2026-03-01"));
        assert_eq!(add_years(day("2024-02-29"), 3), day("2027-02-28"));
        assert_eq!(add_years(day("2024-02-29"), 4), day("2028-02-29"));
        assert_eq!(add_years(Day::MAX - 1, 3), Day::MAX);
    }

    #[test]
    fn days_round_trip() {
        let d = parse_date("2026-11-22").unwrap();
        assert_eq!(from_day(to_day(d).unwrap()), d);
        assert_eq!(to_day(EPOCH), Some(0));
        assert!(parse_date("1969-12-31").is_err());
        assert!(parse_date("2026-02-30").is_err());
    }
}
