//! Calling windows: when telephone marketing may reach a callee, country by country.
//!
//! This module owns the calendar side of a wash: public holidays, closed weekdays and the daily
//! calling hours of each country, and the question "may this campaign call now, and if not, when
//! next?". In Norway (markedsføringsloven §14, bransjenorm 4.2 j) calls are allowed on weekdays
//! from 09:00 to 21:00 local time, never on Saturdays, Sundays, public holidays or 1 and 17 May;
//! [`CallingPolicy::norway`] has that policy built in. Other countries are configured with a
//! [`CallingPolicyConfig`] each, and a [`CalendarRegistry`] holds the policies by country code.
//!
//! # Semantics
//!
//! * Calls are allowed in `[opens, closes)` local time on every date that is neither a closed
//!   weekday nor a holiday. When a holiday falls on a closed weekday the day is reported as the
//!   holiday, because the name is the more useful reason.
//! * Local times are turned into instants with the policy's IANA time zone (chrono-tz), so the
//!   UTC instants move when daylight-saving time starts or ends. Where a transition makes the
//!   opening or closing time ambiguous or skips it, the window is narrowed so that it never
//!   contains an instant at which the local clock shows a time outside `[opens, closes)`:
//!   * a repeated (ambiguous) opening time opens at its *later* occurrence, a repeated closing
//!     time closes at its *earlier* occurrence;
//!   * a skipped opening or closing time takes effect at the transition, the first instant at
//!     which the clock shows a later time.
//!
//!   The window of a day is therefore one interval of instants, and [`WindowStatus::next_open`]
//!   is the exact first instant at which [`CallingPolicy::check`] reports the window open.
//! * `closes = "24:00"` means the end of the local day (the next local midnight).
//! * Windows across midnight (`opens` later than `closes`) are not supported.
//! * The search for the next opening looks at most [`MAX_SEARCH_DAYS`] days ahead; a policy
//!   whose holidays close every open weekday for that long reports no next opening.
//!
//! # Configuration
//!
//! One table per country. Holiday rules are tagged by `kind`: `fixed` (the same month and day
//! every year), `easter` (days after Western Easter Sunday, negative before; -80 to 250, so the
//! holiday stays in Easter's year), `date` (one date, written as a quoted `"YYYY-MM-DD"` string)
//! and `nth_weekday` (the `nth` given weekday of a month; 1 to 5, or -1 to -5 counting from the
//! end of the month). Weekdays are written `Mon` … `Sun` (full English names work too).
//!
//! ```toml
//! [[calling_policy]]
//! country = "US"
//! time_zone = "America/New_York"
//! opens = "08:00"
//! closes = "21:00"
//! closed_weekdays = ["Sun"]
//! holidays = [
//!     { kind = "fixed", month = 1, day = 1, name = "New Year's Day" },
//!     { kind = "nth_weekday", month = 5, weekday = "Mon", nth = -1, name = "Memorial Day" },
//!     { kind = "fixed", month = 7, day = 4, name = "Independence Day" },
//!     { kind = "nth_weekday", month = 11, weekday = "Thu", nth = 4, name = "Thanksgiving" },
//!     { kind = "easter", offset = -2, name = "Good Friday" },
//!     { kind = "date", date = "2026-11-03", name = "Election Day" },
//! ]
//! ```
//!
//! A configured policy for `NO` replaces the built-in Norwegian one in a [`CalendarRegistry`].
//!
//! # Where the code is
//! - `config.rs`: the configuration types and their validation into a [`CallingPolicy`];
//! - `holidays.rs`: holiday rules, Easter and the `nth` weekday of a month;
//! - `policy.rs`: [`CallingPolicy`] (is calling allowed now, and when next?) and the
//!   [`CalendarRegistry`] of policies by country.

mod config;
mod holidays;
mod policy;
#[cfg(test)]
mod tests;

pub use config::{CallingPolicyConfig, HolidayRuleConfig};
pub use holidays::easter_sunday;
pub use policy::{CalendarRegistry, CallingPolicy, ClosedDay, ClosedReason, WindowStatus};

/// First year [`easter_sunday`] and [`CallingPolicy::closed_days`] accept (the first full
/// Gregorian year).
pub const MIN_YEAR: i32 = 1583;
/// Last year [`easter_sunday`] and [`CallingPolicy::closed_days`] accept.
pub const MAX_YEAR: i32 = 9999;
/// How many local dates [`CallingPolicy::check`] looks ahead for the next opening.
pub const MAX_SEARCH_DAYS: u32 = 800;

/// Errors from building calling policies and from calendar arithmetic.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The country code is not two ASCII letters.
    #[error("calling policy country {value:?} is not an ISO 3166 alpha-2 code; use e.g. \"NO\"")]
    InvalidCountry {
        /// The code as configured.
        value: String,
    },
    /// The time zone is not an IANA time-zone name known to chrono-tz.
    #[error(
        "calling policy for {country}: unknown time zone {time_zone:?}; use an IANA name such as \"Europe/Oslo\""
    )]
    UnknownTimeZone {
        /// Country of the policy.
        country: String,
        /// The time zone as configured.
        time_zone: String,
    },
    /// `opens` or `closes` is not a time of day.
    #[error(
        "calling policy for {country}: {field} = {value:?} is not a time of day; write \"HH:MM\", e.g. \"09:00\""
    )]
    InvalidTime {
        /// Country of the policy.
        country: String,
        /// `opens` or `closes`.
        field: &'static str,
        /// The value as configured.
        value: String,
    },
    /// `opens` is not before `closes`.
    #[error(
        "calling policy for {country}: opens {opens:?} is not before closes {closes:?}; windows across midnight are not supported"
    )]
    EmptyWindow {
        /// Country of the policy.
        country: String,
        /// `opens` as configured.
        opens: String,
        /// `closes` as configured.
        closes: String,
    },
    /// A `closed_weekdays` entry is not a weekday name.
    #[error(
        "calling policy for {country}: {value:?} in closed_weekdays is not a weekday; use Mon, Tue, Wed, Thu, Fri, Sat or Sun"
    )]
    UnknownWeekday {
        /// Country of the policy.
        country: String,
        /// The entry as configured.
        value: String,
    },
    /// Every weekday is closed, so the policy would never allow a call.
    #[error(
        "calling policy for {country} closes every weekday, so no call would ever be allowed; remove a day from closed_weekdays"
    )]
    NeverOpen {
        /// Country of the policy.
        country: String,
    },
    /// A holiday rule cannot be used; `problem` says why.
    #[error("calling policy for {country}: holiday {name:?}: {problem}")]
    InvalidHoliday {
        /// Country of the policy.
        country: String,
        /// Name of the holiday as configured.
        name: String,
        /// What is wrong and how to fix it.
        problem: String,
    },
    /// A year outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    #[error("year {year} is outside the supported range {min}..={max}")]
    YearOutOfRange {
        /// The year asked for.
        year: i32,
        /// [`MIN_YEAR`].
        min: i32,
        /// [`MAX_YEAR`].
        max: i32,
    },
    /// Two configured policies have the same country.
    #[error("calling policy for {country} is configured more than once; keep one per country")]
    DuplicateCountry {
        /// The repeated country code.
        country: String,
    },
}
