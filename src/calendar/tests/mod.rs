//! The calendar's tests, with the helpers they share: `holidays.rs` (Easter against published
//! tables, Norwegian holidays against the law's list, the `nth` weekday), `config.rs` (every
//! configuration mistake, the registry, the module doc's example) and `windows.rs` (calling
//! windows across daylight-saving transitions, and property tests).

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeDelta, TimeZone, Utc, Weekday};
use proptest::prelude::*;
use serde::Deserialize;

use super::holidays::nth_weekday_of_month;
use super::*;

mod config;
mod holidays;
mod windows;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// The instant at local wall-clock `hh:mm:ss` on `date` (must be unambiguous).
fn local(policy: &CallingPolicy, date: NaiveDate, h: u32, m: u32, s: u32) -> DateTime<Utc> {
    policy
        .time_zone()
        .from_local_datetime(&date.and_hms_opt(h, m, s).unwrap())
        .single()
        .unwrap()
        .to_utc()
}

fn holiday(name: &str) -> ClosedReason {
    ClosedReason::Holiday {
        name: name.to_owned(),
    }
}

fn assert_open(status: &WindowStatus, closes_at: &str) {
    assert!(status.open, "expected open: {status:?}");
    assert_eq!(status.reason, None);
    assert_eq!(status.next_open, None);
    assert_eq!(status.closes_at, Some(utc(closes_at)), "{status:?}");
}

fn assert_closed(status: &WindowStatus, reason: ClosedReason, next_open: &str) {
    assert!(!status.open, "expected closed: {status:?}");
    assert_eq!(status.reason, Some(reason), "{status:?}");
    assert_eq!(status.next_open, Some(utc(next_open)), "{status:?}");
    assert_eq!(status.closes_at, None);
}

const US_TOML: &str = r#"
    [[calling_policy]]
    country = "us"
    time_zone = "America/New_York"
    opens = "08:00"
    closes = "21:00"
    closed_weekdays = ["Sun"]
    holidays = [
        { kind = "fixed", month = 7, day = 4, name = "Independence Day" },
        { kind = "nth_weekday", month = 5, weekday = "Mon", nth = -1, name = "Memorial Day" },
        { kind = "nth_weekday", month = 11, weekday = "thursday", nth = 4, name = "Thanksgiving" },
        { kind = "easter", offset = -2, name = "Good Friday" },
        { kind = "date", date = "2026-11-03", name = "Election Day" },
    ]
"#;

#[derive(Debug, Deserialize)]
struct ConfigFile {
    calling_policy: Vec<CallingPolicyConfig>,
}

fn us_policy() -> CallingPolicy {
    let file: ConfigFile = toml::from_str(US_TOML).unwrap();
    CallingPolicy::from_config(&file.calling_policy[0]).unwrap()
}

fn base_config() -> CallingPolicyConfig {
    CallingPolicy::norway().to_config()
}

/// A policy open every day in Europe/Oslo, to put window edges inside DST transitions.
fn oslo_every_day(opens: &str, closes: &str) -> CallingPolicy {
    CallingPolicy::from_config(&CallingPolicyConfig {
        country: "XX".into(),
        time_zone: "Europe/Oslo".into(),
        opens: opens.into(),
        closes: closes.into(),
        closed_weekdays: vec![],
        holidays: vec![],
    })
    .unwrap()
}
