//! A country's calling policy applied to instants and dates: is calling allowed now, why not,
//! and when does the window next open; and the registry of policies by country.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{
    DateTime, Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;

use super::holidays::{HolidayRule, year_out_of_range};
use super::{CalendarError, CallingPolicyConfig, MAX_SEARCH_DAYS, MAX_YEAR, MIN_YEAR};

/// Why calling is not allowed at an instant or on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClosedReason {
    /// The local date is one of the policy's closed weekdays.
    Weekend,
    /// The local date is a public holiday.
    Holiday {
        /// Name of the holiday.
        name: String,
    },
    /// A calling day, but before the window opens.
    BeforeHours,
    /// A calling day, but after the window has closed.
    AfterHours,
}

impl fmt::Display for ClosedReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClosedReason::Weekend => f.write_str("weekend"),
            ClosedReason::Holiday { name } => write!(f, "public holiday ({name})"),
            ClosedReason::BeforeHours => f.write_str("before calling hours"),
            ClosedReason::AfterHours => f.write_str("after calling hours"),
        }
    }
}

/// Answer of [`CallingPolicy::check`] for one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowStatus {
    /// Whether a call may be made at the instant.
    pub open: bool,
    /// Why not, when closed; `None` when open.
    pub reason: Option<ClosedReason>,
    /// First instant the window opens again; `None` when open, or when closed and no opening
    /// was found within [`MAX_SEARCH_DAYS`].
    pub next_open: Option<DateTime<Utc>>,
    /// Instant the current window closes; `Some` exactly when open.
    pub closes_at: Option<DateTime<Utc>>,
    /// The instant as wall-clock time in the policy's time zone.
    pub local_time: NaiveDateTime,
}

/// A date without calls, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedDay {
    /// The local date.
    pub date: NaiveDate,
    /// [`ClosedReason::Weekend`] or [`ClosedReason::Holiday`].
    pub reason: ClosedReason,
}

/// When a day's window closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Closing {
    /// At this local time on the same date.
    At(NaiveTime),
    /// At the next local midnight ("24:00").
    EndOfDay,
}

/// How to pick an instant for a local time that occurs twice.
#[derive(Debug, Clone, Copy)]
enum Fold {
    Earlier,
    Later,
}

/// The calling rules of one country: time zone, daily window, closed weekdays and holidays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallingPolicy {
    pub(super) country: String,
    pub(super) time_zone: Tz,
    pub(super) opens: NaiveTime,
    pub(super) closes: Closing,
    /// Indexed by `Weekday::num_days_from_monday`.
    pub(super) closed_weekdays: [bool; 7],
    pub(super) holidays: Vec<HolidayRule>,
}

const NORWAY_OPENS: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => panic!("09:00 is a valid time"),
};
const NORWAY_CLOSES: NaiveTime = match NaiveTime::from_hms_opt(21, 0, 0) {
    Some(t) => t,
    None => panic!("21:00 is a valid time"),
};

impl CallingPolicy {
    /// The built-in Norwegian policy (mfl §14, norm 4.2 j): weekdays 09:00–21:00 Europe/Oslo,
    /// no calls on Saturdays, Sundays, public holidays, 1 May or 17 May.
    pub fn norway() -> CallingPolicy {
        let fixed = |month, day, name: &str| HolidayRule::Fixed {
            month,
            day,
            name: name.to_owned(),
        };
        let easter = |offset, name: &str| HolidayRule::Easter {
            offset,
            name: name.to_owned(),
        };
        let mut closed_weekdays = [false; 7];
        closed_weekdays[Weekday::Sat.num_days_from_monday() as usize] = true;
        closed_weekdays[Weekday::Sun.num_days_from_monday() as usize] = true;
        CallingPolicy {
            country: "NO".to_owned(),
            time_zone: chrono_tz::Europe::Oslo,
            opens: NORWAY_OPENS,
            closes: Closing::At(NORWAY_CLOSES),
            closed_weekdays,
            // In calendar order; where two coincide (17 May can be Ascension Day or Whit
            // Monday) the first one names the day.
            holidays: vec![
                fixed(1, 1, "New Year's Day"),
                easter(-3, "Maundy Thursday"),
                easter(-2, "Good Friday"),
                easter(0, "Easter Sunday"),
                easter(1, "Easter Monday"),
                fixed(5, 1, "Labour Day"),
                fixed(5, 17, "Constitution Day"),
                easter(39, "Ascension Day"),
                easter(49, "Whit Sunday"),
                easter(50, "Whit Monday"),
                fixed(12, 25, "Christmas Day"),
                fixed(12, 26, "Boxing Day"),
            ],
        }
    }

    /// ISO 3166 alpha-2 country code, upper case.
    pub fn country(&self) -> &str {
        &self.country
    }

    /// The time zone the window is measured in.
    pub fn time_zone(&self) -> Tz {
        self.time_zone
    }

    /// Is calling allowed at `at`? If not, why, and when does it next open; if open, when it closes.
    pub fn check(&self, at: DateTime<Utc>) -> WindowStatus {
        let local = at.with_timezone(&self.time_zone);
        let local_time = local.naive_local();
        let date = local.date_naive();
        let closed = |reason, next_open| WindowStatus {
            open: false,
            reason: Some(reason),
            next_open,
            closes_at: None,
            local_time,
        };
        if let Some(reason) = self.closed_reason_on(date) {
            return closed(reason, self.next_open_from(date.succ_opt()));
        }
        match self.window(date) {
            Some((opens, _)) if at < opens => closed(ClosedReason::BeforeHours, Some(opens)),
            Some((_, closes)) if at < closes => WindowStatus {
                open: true,
                reason: None,
                next_open: None,
                closes_at: Some(closes),
                local_time,
            },
            Some(_) => closed(
                ClosedReason::AfterHours,
                self.next_open_from(date.succ_opt()),
            ),
            // A transition swallowed the whole window of this date.
            None => {
                let reason = if local_time.time() < self.opens {
                    ClosedReason::BeforeHours
                } else {
                    ClosedReason::AfterHours
                };
                closed(reason, self.next_open_from(date.succ_opt()))
            }
        }
    }

    /// The closed days (weekends and holidays) of a year, in date order, with names.
    pub fn closed_days(&self, year: i32) -> Result<Vec<ClosedDay>, CalendarError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(year_out_of_range(year));
        }
        let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| year_out_of_range(year))?;
        Ok(first
            .iter_days()
            .take_while(|date| date.year() == year)
            .filter_map(|date| {
                self.closed_reason_on(date)
                    .map(|reason| ClosedDay { date, reason })
            })
            .collect())
    }

    /// Name of the holiday on `date`; the first configured rule wins if several coincide.
    pub fn holiday_on(&self, date: NaiveDate) -> Option<&str> {
        self.holidays
            .iter()
            .find(|rule| rule.date_in(date.year()) == Some(date))
            .map(HolidayRule::name)
    }

    /// Names of all holidays on `date`, in configured order.
    pub fn holidays_on(&self, date: NaiveDate) -> Vec<&str> {
        self.holidays
            .iter()
            .filter(|rule| rule.date_in(date.year()) == Some(date))
            .map(HolidayRule::name)
            .collect()
    }

    /// Why `date` has no calls at all ([`ClosedReason::Holiday`] before
    /// [`ClosedReason::Weekend`]), or `None` for a calling day.
    pub fn closed_reason_on(&self, date: NaiveDate) -> Option<ClosedReason> {
        if let Some(name) = self.holiday_on(date) {
            return Some(ClosedReason::Holiday {
                name: name.to_owned(),
            });
        }
        self.closed_weekdays[date.weekday().num_days_from_monday() as usize]
            .then_some(ClosedReason::Weekend)
    }

    /// The instants `[opens, closes)` of `date`'s window, or `None` if a time-zone transition
    /// leaves it empty. Does not look at weekdays or holidays.
    fn window(&self, date: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let opens = self.resolve(date.and_time(self.opens), Fold::Later)?;
        // A transition that skips the whole date (e.g. Pacific/Apia, 2011-12-30) leaves no window.
        if opens.with_timezone(&self.time_zone).date_naive() != date {
            return None;
        }
        let closes = match self.closes {
            Closing::At(t) => self.resolve(date.and_time(t), Fold::Earlier)?,
            Closing::EndOfDay => {
                self.resolve(date.succ_opt()?.and_time(NaiveTime::MIN), Fold::Earlier)?
            }
        };
        (opens < closes).then_some((opens, closes))
    }

    /// The instant the local clock shows `local`: the chosen occurrence when the time occurs
    /// twice, and the end of the gap when a transition skips it.
    fn resolve(&self, local: NaiveDateTime, fold: Fold) -> Option<DateTime<Utc>> {
        match self.time_zone.from_local_datetime(&local) {
            LocalResult::Single(t) => Some(t.to_utc()),
            LocalResult::Ambiguous(earlier, later) => Some(match fold {
                Fold::Earlier => earlier.to_utc(),
                Fold::Later => later.to_utc(),
            }),
            LocalResult::None => self.first_instant_showing_at_least(local),
        }
    }

    /// The first instant at which the local clock shows `local` or later, found by bisection
    /// over the ±15 hours that can separate local and UTC time. Used for skipped local times,
    /// where that instant is the transition.
    fn first_instant_showing_at_least(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        let shows_at_least = |ts: i64| {
            DateTime::from_timestamp(ts, 0)
                .is_some_and(|t| t.with_timezone(&self.time_zone).naive_local() >= local)
        };
        let as_utc = local.and_utc().timestamp();
        let (mut lo, mut hi) = (as_utc - 15 * 3600, as_utc + 15 * 3600);
        if shows_at_least(lo) || !shows_at_least(hi) {
            return None;
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if shows_at_least(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        DateTime::from_timestamp(hi, 0)
    }

    /// Start of the first non-empty window on a calling day from `start` on, looking at most
    /// [`MAX_SEARCH_DAYS`] dates ahead.
    fn next_open_from(&self, start: Option<NaiveDate>) -> Option<DateTime<Utc>> {
        start?
            .iter_days()
            .take(MAX_SEARCH_DAYS as usize)
            .filter(|date| self.closed_reason_on(*date).is_none())
            .find_map(|date| self.window(date))
            .map(|(opens, _)| opens)
    }
}

/// Calling policies by country code: Norway built in, configured policies added or replacing.
#[derive(Debug, Clone)]
pub struct CalendarRegistry {
    policies: BTreeMap<String, CallingPolicy>,
}

impl Default for CalendarRegistry {
    fn default() -> Self {
        Self::new()
    }
}

impl CalendarRegistry {
    /// A registry with the built-in policies (Norway).
    pub fn new() -> CalendarRegistry {
        let norway = CallingPolicy::norway();
        CalendarRegistry {
            policies: BTreeMap::from([(norway.country.clone(), norway)]),
        }
    }

    /// The built-in policies plus `configs`, which replace built-in ones of the same country.
    pub fn from_configs(
        configs: &[CallingPolicyConfig],
    ) -> Result<CalendarRegistry, CalendarError> {
        let mut registry = CalendarRegistry::new();
        let mut configured = BTreeSet::new();
        for cfg in configs {
            let policy = CallingPolicy::from_config(cfg)?;
            if !configured.insert(policy.country.clone()) {
                return Err(CalendarError::DuplicateCountry {
                    country: policy.country,
                });
            }
            registry.insert(policy);
        }
        Ok(registry)
    }

    /// Adds a policy, returning the one it replaces for the same country.
    pub fn insert(&mut self, policy: CallingPolicy) -> Option<CallingPolicy> {
        self.policies.insert(policy.country.clone(), policy)
    }

    /// The policy for an ISO 3166 alpha-2 code (any case).
    ///
    /// Svalbard and Jan Mayen (`SJ`, Norwegian numbers `+47 79…`) are Norway for calling
    /// hours: they get Norway's policy unless one is configured for `SJ`.
    pub fn get(&self, country: &str) -> Option<&CallingPolicy> {
        let country = country.trim().to_ascii_uppercase();
        self.policies
            .get(&country)
            .or_else(|| match country.as_str() {
                "SJ" => self.policies.get("NO"),
                _ => None,
            })
    }

    /// Country codes with a policy, in order.
    pub fn countries(&self) -> impl Iterator<Item = &str> {
        self.policies.keys().map(String::as_str)
    }
}
