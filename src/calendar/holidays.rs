//! Holiday rules: fixed dates, days relative to Western Easter, single dates and the `nth`
//! weekday of a month, each evaluated for a year.

use chrono::{Datelike, Days, NaiveDate, TimeDelta, Weekday};

use super::{CalendarError, MAX_YEAR, MIN_YEAR};

/// Easter offsets outside this range could move a holiday into the neighbouring year.
pub(super) const EASTER_OFFSET_RANGE: std::ops::RangeInclusive<i64> = -80..=250;

/// A validated holiday rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum HolidayRule {
    Fixed {
        month: u32,
        day: u32,
        name: String,
    },
    Easter {
        offset: i64,
        name: String,
    },
    Date {
        date: NaiveDate,
        name: String,
    },
    NthWeekday {
        month: u32,
        weekday: Weekday,
        nth: i8,
        name: String,
    },
}

impl HolidayRule {
    /// The holiday's name.
    pub(super) fn name(&self) -> &str {
        match self {
            HolidayRule::Fixed { name, .. }
            | HolidayRule::Easter { name, .. }
            | HolidayRule::Date { name, .. }
            | HolidayRule::NthWeekday { name, .. } => name,
        }
    }

    /// The date of this holiday in `year`, if it occurs that year.
    pub(super) fn date_in(&self, year: i32) -> Option<NaiveDate> {
        match self {
            HolidayRule::Fixed { month, day, .. } => NaiveDate::from_ymd_opt(year, *month, *day),
            HolidayRule::Easter { offset, .. } => easter_sunday(year)
                .ok()?
                .checked_add_signed(TimeDelta::try_days(*offset)?),
            HolidayRule::Date { date, .. } => (date.year() == year).then_some(*date),
            HolidayRule::NthWeekday {
                month,
                weekday,
                nth,
                ..
            } => nth_weekday_of_month(year, *month, *weekday, *nth),
        }
    }
}

/// The `nth` `weekday` of a month (negative `nth` counts from the end), if it exists.
pub(super) fn nth_weekday_of_month(
    year: i32,
    month: u32,
    weekday: Weekday,
    nth: i8,
) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let date = if nth > 0 {
        let to_first_match =
            (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
        let days = u64::from(to_first_match) + 7 * (u64::from(nth.unsigned_abs()) - 1);
        first.checked_add_days(Days::new(days))?
    } else if nth < 0 {
        let last = if month == 12 {
            NaiveDate::from_ymd_opt(year, 12, 31)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?.pred_opt()?
        };
        let back_to_last_match =
            (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        let days = u64::from(back_to_last_match) + 7 * (u64::from(nth.unsigned_abs()) - 1);
        last.checked_sub_days(Days::new(days))?
    } else {
        return None;
    };
    (date.month() == month).then_some(date)
}

/// Western (Gregorian) Easter Sunday of `year`, by the anonymous Gregorian algorithm as given
/// by Meeus (Astronomical Algorithms, ch. 8), for years [`MIN_YEAR`]..=[`MAX_YEAR`].
pub fn easter_sunday(year: i32) -> Result<NaiveDate, CalendarError> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(year_out_of_range(year));
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // In range by construction: month is 3 or 4 and day is 22..=31 or 1..=25.
    NaiveDate::from_ymd_opt(year, month.unsigned_abs(), day.unsigned_abs())
        .ok_or_else(|| year_out_of_range(year))
}

pub(super) fn year_out_of_range(year: i32) -> CalendarError {
    CalendarError::YearOutOfRange {
        year,
        min: MIN_YEAR,
        max: MAX_YEAR,
    }
}
