//! The calling policies as written in the TOML configuration, and their validation: every
//! mistake is refused with an error that names the country, the field and the fix.

use chrono::{NaiveDate, NaiveTime, Timelike, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::CalendarError;
use super::holidays::{EASTER_OFFSET_RANGE, HolidayRule};
use super::policy::{CallingPolicy, Closing};

/// Serde-deserialisable policy as written in the TOML config (one per country).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CallingPolicyConfig {
    /// ISO 3166 alpha-2 country code, e.g. "NO".
    pub country: String,
    /// IANA time zone of the callee, e.g. "Europe/Oslo".
    pub time_zone: String,
    /// Local time calls may start, "HH:MM".
    pub opens: String,
    /// Local time calls must stop, "HH:MM" or "24:00"; calls are allowed in `[opens, closes)`.
    pub closes: String,
    /// Weekdays without calls, e.g. `["Sat", "Sun"]`.
    pub closed_weekdays: Vec<String>,
    /// Public holidays without calls.
    pub holidays: Vec<HolidayRuleConfig>,
}

/// One holiday rule in a [`CallingPolicyConfig`], tagged by `kind` (see the module docs).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum HolidayRuleConfig {
    /// The same month and day every year (29 February only in leap years).
    Fixed {
        /// Month, 1 to 12.
        month: u32,
        /// Day of the month.
        day: u32,
        /// Name of the holiday.
        name: String,
    },
    /// A number of days after Western Easter Sunday (negative: before), -80 to 250.
    Easter {
        /// Days after Easter Sunday.
        offset: i64,
        /// Name of the holiday.
        name: String,
    },
    /// One date.
    Date {
        /// The date, written "YYYY-MM-DD" (quoted in TOML).
        date: NaiveDate,
        /// Name of the holiday.
        name: String,
    },
    /// The `nth` `weekday` of `month`; negative `nth` counts from the end of the month.
    NthWeekday {
        /// Month, 1 to 12.
        month: u32,
        /// Weekday name, e.g. "Thu".
        weekday: String,
        /// 1 to 5, or -1 (last) to -5.
        nth: i8,
        /// Name of the holiday.
        name: String,
    },
}

impl CallingPolicy {
    /// Validates a configured policy.
    pub fn from_config(cfg: &CallingPolicyConfig) -> Result<CallingPolicy, CalendarError> {
        let country = parse_country(&cfg.country)?;
        let time_zone: Tz =
            cfg.time_zone
                .trim()
                .parse()
                .map_err(|_| CalendarError::UnknownTimeZone {
                    country: country.clone(),
                    time_zone: cfg.time_zone.clone(),
                })?;
        let invalid_time = |field: &'static str, value: &str| CalendarError::InvalidTime {
            country: country.clone(),
            field,
            value: value.to_owned(),
        };
        let opens = parse_time(&cfg.opens).ok_or_else(|| invalid_time("opens", &cfg.opens))?;
        let closes = match cfg.closes.trim() {
            "24:00" | "24:00:00" => Closing::EndOfDay,
            other => {
                Closing::At(parse_time(other).ok_or_else(|| invalid_time("closes", &cfg.closes))?)
            }
        };
        if let Closing::At(closes) = closes
            && opens >= closes
        {
            return Err(CalendarError::EmptyWindow {
                country,
                opens: cfg.opens.clone(),
                closes: cfg.closes.clone(),
            });
        }
        let mut closed_weekdays = [false; 7];
        for value in &cfg.closed_weekdays {
            let weekday = parse_weekday(value).ok_or_else(|| CalendarError::UnknownWeekday {
                country: country.clone(),
                value: value.clone(),
            })?;
            closed_weekdays[weekday.num_days_from_monday() as usize] = true;
        }
        if closed_weekdays.iter().all(|closed| *closed) {
            return Err(CalendarError::NeverOpen { country });
        }
        let holidays = cfg
            .holidays
            .iter()
            .map(|rule| parse_holiday(&country, rule))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CallingPolicy {
            country,
            time_zone,
            opens,
            closes,
            closed_weekdays,
            holidays,
        })
    }

    /// The policy as configuration, e.g. to print the built-in policy for editing.
    pub fn to_config(&self) -> CallingPolicyConfig {
        CallingPolicyConfig {
            country: self.country.clone(),
            time_zone: self.time_zone.name().to_owned(),
            opens: format_time(self.opens),
            closes: match self.closes {
                Closing::At(t) => format_time(t),
                Closing::EndOfDay => "24:00".to_owned(),
            },
            closed_weekdays: (0..7u8)
                .filter_map(|i| Weekday::try_from(i).ok())
                .filter(|w| self.closed_weekdays[w.num_days_from_monday() as usize])
                .map(|w| w.to_string())
                .collect(),
            holidays: self.holidays.iter().map(HolidayRule::to_config).collect(),
        }
    }
}

impl HolidayRule {
    /// The rule as configuration.
    pub(super) fn to_config(&self) -> HolidayRuleConfig {
        match self {
            HolidayRule::Fixed { month, day, name } => HolidayRuleConfig::Fixed {
                month: *month,
                day: *day,
                name: name.clone(),
            },
            HolidayRule::Easter { offset, name } => HolidayRuleConfig::Easter {
                offset: *offset,
                name: name.clone(),
            },
            HolidayRule::Date { date, name } => HolidayRuleConfig::Date {
                date: *date,
                name: name.clone(),
            },
            HolidayRule::NthWeekday {
                month,
                weekday,
                nth,
                name,
            } => HolidayRuleConfig::NthWeekday {
                month: *month,
                weekday: weekday.to_string(),
                nth: *nth,
                name: name.clone(),
            },
        }
    }
}

fn parse_country(value: &str) -> Result<String, CalendarError> {
    let code = value.trim();
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(code.to_ascii_uppercase())
    } else {
        Err(CalendarError::InvalidCountry {
            value: value.to_owned(),
        })
    }
}

fn parse_time(value: &str) -> Option<NaiveTime> {
    let value = value.trim();
    NaiveTime::parse_from_str(value, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(value, "%H:%M:%S"))
        .ok()
        // Reject leap seconds ("23:59:60"), which chrono parses into a nanosecond overflow.
        .filter(|t| t.nanosecond() < 1_000_000_000)
}

fn format_time(time: NaiveTime) -> String {
    if time.second() == 0 {
        time.format("%H:%M").to_string()
    } else {
        time.format("%H:%M:%S").to_string()
    }
}

fn parse_weekday(value: &str) -> Option<Weekday> {
    value.trim().parse().ok()
}

fn parse_holiday(country: &str, rule: &HolidayRuleConfig) -> Result<HolidayRule, CalendarError> {
    let invalid = |name: &str, problem: String| CalendarError::InvalidHoliday {
        country: country.to_owned(),
        name: name.to_owned(),
        problem,
    };
    let checked_name = |name: &str| {
        let trimmed = name.trim();
        if trimmed.is_empty() {
            Err(invalid(
                name,
                "the name is empty; give every holiday a name".to_owned(),
            ))
        } else {
            Ok(trimmed.to_owned())
        }
    };
    let checked_month = |name: &str, month: u32| {
        if (1..=12).contains(&month) {
            Ok(month)
        } else {
            Err(invalid(name, format!("month {month} is not 1 to 12")))
        }
    };
    match rule {
        HolidayRuleConfig::Fixed { month, day, name } => {
            let month = checked_month(name, *month)?;
            // 2000 is a leap year, so 29 February is accepted (it applies in leap years only).
            if NaiveDate::from_ymd_opt(2000, month, *day).is_none() {
                return Err(invalid(
                    name,
                    format!("day {day} does not exist in month {month}"),
                ));
            }
            Ok(HolidayRule::Fixed {
                month,
                day: *day,
                name: checked_name(name)?,
            })
        }
        HolidayRuleConfig::Easter { offset, name } => {
            if !EASTER_OFFSET_RANGE.contains(offset) {
                return Err(invalid(
                    name,
                    format!(
                        "Easter offset {offset} is outside {}..={} days; use a fixed or date rule",
                        EASTER_OFFSET_RANGE.start(),
                        EASTER_OFFSET_RANGE.end()
                    ),
                ));
            }
            Ok(HolidayRule::Easter {
                offset: *offset,
                name: checked_name(name)?,
            })
        }
        HolidayRuleConfig::Date { date, name } => Ok(HolidayRule::Date {
            date: *date,
            name: checked_name(name)?,
        }),
        HolidayRuleConfig::NthWeekday {
            month,
            weekday,
            nth,
            name,
        } => {
            let month = checked_month(name, *month)?;
            let weekday = parse_weekday(weekday).ok_or_else(|| {
                invalid(
                    name,
                    format!(
                        "{weekday:?} is not a weekday; use Mon, Tue, Wed, Thu, Fri, Sat or Sun"
                    ),
                )
            })?;
            if *nth == 0 || !(-5..=5).contains(nth) {
                return Err(invalid(
                    name,
                    format!("nth = {nth} must be 1 to 5, or -1 (last) to -5"),
                ));
            }
            Ok(HolidayRule::NthWeekday {
                month,
                weekday,
                nth: *nth,
                name: checked_name(name)?,
            })
        }
    }
}
