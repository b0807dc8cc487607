//! The calendar's tests: Norwegian holidays against the law's list, Easter against published
//! tables, every configuration mistake, daylight-saving transitions and property tests.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeDelta, TimeZone, Utc, Weekday};
use proptest::prelude::*;
use serde::Deserialize;

use super::holidays::nth_weekday_of_month;
use super::*;

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

// Western Easter Sunday 1990-2050 as listed in python-dateutil's test suite
// (github.com/dateutil/dateutil, dateutil/test/test_easter.py, `western_easter_dates`);
// 2003-2025 cross-checked against https://www.fisheaters.com/dateofeaster.html and
// 2020-2030 against the examples in github.com/fengineering-ch/x13tbx, EasterDate.m.
#[rustfmt::skip]
const PUBLISHED_EASTER: [(i32, u32, u32); 61] = [
    (1990, 4, 15), (1991, 3, 31), (1992, 4, 19), (1993, 4, 11), (1994, 4, 3),
    (1995, 4, 16), (1996, 4, 7), (1997, 3, 30), (1998, 4, 12), (1999, 4, 4),
    (2000, 4, 23), (2001, 4, 15), (2002, 3, 31), (2003, 4, 20), (2004, 4, 11),
    (2005, 3, 27), (2006, 4, 16), (2007, 4, 8), (2008, 3, 23), (2009, 4, 12),
    (2010, 4, 4), (2011, 4, 24), (2012, 4, 8), (2013, 3, 31), (2014, 4, 20),
    (2015, 4, 5), (2016, 3, 27), (2017, 4, 16), (2018, 4, 1), (2019, 4, 21),
    (2020, 4, 12), (2021, 4, 4), (2022, 4, 17), (2023, 4, 9), (2024, 3, 31),
    (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2028, 4, 16), (2029, 4, 1),
    (2030, 4, 21), (2031, 4, 13), (2032, 3, 28), (2033, 4, 17), (2034, 4, 9),
    (2035, 3, 25), (2036, 4, 13), (2037, 4, 5), (2038, 4, 25), (2039, 4, 10),
    (2040, 4, 1), (2041, 4, 21), (2042, 4, 6), (2043, 3, 29), (2044, 4, 17),
    (2045, 4, 9), (2046, 3, 25), (2047, 4, 14), (2048, 4, 5), (2049, 4, 18),
    (2050, 4, 10),
];

#[test]
fn easter_matches_published_dates() {
    for (year, month, day) in PUBLISHED_EASTER {
        assert_eq!(easter_sunday(year).unwrap(), d(year, month, day), "{year}");
    }
}

/// An independent Easter computation (the Oudin/Tøndering formulation, as in Claus
/// Tøndering's Calendar FAQ), structured differently from Meeus's.
fn easter_tondering(year: i32) -> NaiveDate {
    let g = year % 19;
    let c = year / 100;
    let h = (c - c / 4 - (8 * c + 13) / 25 + 19 * g + 15) % 30;
    let i = h - (h / 28) * (1 - (29 / (h + 1)) * ((21 - g) / 11));
    let j = (year + year / 4 + i + 2 - c + c / 4) % 7;
    let l = i - j;
    let month = 3 + (l + 40) / 44;
    let day = l + 28 - 31 * (month / 4);
    d(year, month as u32, day as u32)
}

#[test]
fn easter_agrees_with_an_independent_algorithm_for_every_supported_year() {
    for year in MIN_YEAR..=MAX_YEAR {
        assert_eq!(
            easter_sunday(year).unwrap(),
            easter_tondering(year),
            "{year}"
        );
    }
}

#[test]
fn easter_is_a_sunday_between_22_march_and_25_april() {
    for year in 1900..=2200 {
        let easter = easter_sunday(year).unwrap();
        assert_eq!(easter.weekday(), Weekday::Sun, "{year}");
        assert!(
            easter >= d(year, 3, 22) && easter <= d(year, 4, 25),
            "{easter}"
        );
    }
}

#[test]
fn easter_rejects_years_outside_the_gregorian_range() {
    for year in [MIN_YEAR - 1, MAX_YEAR + 1, -5, i32::MAX] {
        assert_eq!(
            easter_sunday(year),
            Err(CalendarError::YearOutOfRange {
                year,
                min: MIN_YEAR,
                max: MAX_YEAR
            })
        );
    }
}

#[test]
fn norway_closes_every_public_holiday_1900_to_2200() {
    let no = CallingPolicy::norway();
    for year in 1900..=2200 {
        let easter = easter_sunday(year).unwrap();
        let after = |days: i64| easter + TimeDelta::days(days);
        let expected = [
            (d(year, 1, 1), None, "New Year's Day"),
            (after(-3), Some(Weekday::Thu), "Maundy Thursday"),
            (after(-2), Some(Weekday::Fri), "Good Friday"),
            (after(0), Some(Weekday::Sun), "Easter Sunday"),
            (after(1), Some(Weekday::Mon), "Easter Monday"),
            (d(year, 5, 1), None, "Labour Day"),
            (d(year, 5, 17), None, "Constitution Day"),
            (after(39), Some(Weekday::Thu), "Ascension Day"),
            (after(49), Some(Weekday::Sun), "Whit Sunday"),
            (after(50), Some(Weekday::Mon), "Whit Monday"),
            (d(year, 12, 25), None, "Christmas Day"),
            (d(year, 12, 26), None, "Boxing Day"),
        ];
        for (date, weekday, name) in expected {
            if let Some(weekday) = weekday {
                assert_eq!(date.weekday(), weekday, "{name} {date}");
            }
            assert!(no.holidays_on(date).contains(&name), "{name} {date}");
            let status = no.check(local(&no, date, 12, 0, 0));
            assert!(!status.open, "{name} {date}");
            assert!(
                matches!(status.reason, Some(ClosedReason::Holiday { .. })),
                "{name} {date}: {status:?}"
            );
        }
        // Holy Saturday is an ordinary Saturday and the Wednesday before Easter an ordinary
        // weekday: the Easter run is Thursday to Monday, not longer.
        assert_eq!(no.closed_reason_on(after(-1)), Some(ClosedReason::Weekend));
        assert_eq!(no.closed_reason_on(after(-4)), None, "{year}");
        assert!(no.check(local(&no, after(-4), 12, 0, 0)).open, "{year}");
        // Nothing else is a holiday.
        let named = no
            .closed_days(year)
            .unwrap()
            .into_iter()
            .filter(|day| matches!(day.reason, ClosedReason::Holiday { .. }))
            .map(|day| day.date)
            .collect::<Vec<_>>();
        let mut expected_dates = expected
            .iter()
            .map(|(date, _, _)| *date)
            .collect::<Vec<_>>();
        expected_dates.sort();
        expected_dates.dedup();
        assert_eq!(named, expected_dates, "{year}");
    }
}

#[test]
fn holiday_on_names_the_first_rule_when_holidays_coincide() {
    let no = CallingPolicy::norway();
    // Easter 2027 is 28 March, so Whit Monday is 17 May 2027.
    assert_eq!(no.holiday_on(d(2027, 5, 17)), Some("Constitution Day"));
    assert_eq!(
        no.holidays_on(d(2027, 5, 17)),
        vec!["Constitution Day", "Whit Monday"]
    );
    // Easter 2012 was 8 April, so Ascension Day was 17 May 2012.
    assert_eq!(
        no.holidays_on(d(2012, 5, 17)),
        vec!["Constitution Day", "Ascension Day"]
    );
    assert_eq!(no.holiday_on(d(2026, 5, 18)), None);
}

#[test]
fn oslo_spring_forward_2026_moves_the_window_by_an_hour_in_utc() {
    let no = CallingPolicy::norway();
    let oslo = no.time_zone();
    // Clocks go from 02:00 CET (UTC+1) to 03:00 CEST (UTC+2) on Sunday 29 March 2026.
    let offset = |s| oslo.offset_from_utc_datetime(&utc(s).naive_utc()).fix();
    assert_eq!(offset("2026-03-29T00:59:59Z").local_minus_utc(), 3600);
    assert_eq!(offset("2026-03-29T01:00:00Z").local_minus_utc(), 7200);

    // Friday 27 March, CET: 09:00 local is 08:00 UTC.
    let fri_close_mon_open = "2026-03-30T07:00:00Z";
    assert_closed(
        &no.check(utc("2026-03-27T07:59:59Z")),
        ClosedReason::BeforeHours,
        "2026-03-27T08:00:00Z",
    );
    assert_open(
        &no.check(utc("2026-03-27T08:00:00Z")),
        "2026-03-27T20:00:00Z",
    );
    assert_open(
        &no.check(utc("2026-03-27T19:59:59Z")),
        "2026-03-27T20:00:00Z",
    );
    let after = no.check(utc("2026-03-27T20:00:00Z"));
    assert_closed(&after, ClosedReason::AfterHours, fri_close_mon_open);
    assert_eq!(
        after.local_time,
        d(2026, 3, 27).and_hms_opt(21, 0, 0).unwrap()
    );

    // The weekend, including the hour the clocks change.
    for at in [
        "2026-03-28T12:00:00Z",
        "2026-03-29T00:59:59Z",
        "2026-03-29T01:00:00Z",
        "2026-03-29T21:59:59Z",
    ] {
        assert_closed(
            &no.check(utc(at)),
            ClosedReason::Weekend,
            fri_close_mon_open,
        );
    }

    // Monday 30 March, CEST: 09:00 local is 07:00 UTC, 21:00 local is 19:00 UTC.
    let before = no.check(utc("2026-03-30T06:59:59Z"));
    assert_closed(&before, ClosedReason::BeforeHours, fri_close_mon_open);
    assert_eq!(
        before.local_time,
        d(2026, 3, 30).and_hms_opt(8, 59, 59).unwrap()
    );
    let open = no.check(utc("2026-03-30T07:00:00Z"));
    assert_open(&open, "2026-03-30T19:00:00Z");
    assert_eq!(
        open.local_time,
        d(2026, 3, 30).and_hms_opt(9, 0, 0).unwrap()
    );
    assert_open(
        &no.check(utc("2026-03-30T18:59:59Z")),
        "2026-03-30T19:00:00Z",
    );
    assert_closed(
        &no.check(utc("2026-03-30T19:00:00Z")),
        ClosedReason::AfterHours,
        "2026-03-31T07:00:00Z",
    );
}

#[test]
fn oslo_fall_back_2026_moves_the_window_by_an_hour_in_utc() {
    let no = CallingPolicy::norway();
    let oslo = no.time_zone();
    // Clocks go from 03:00 CEST (UTC+2) back to 02:00 CET (UTC+1) on Sunday 25 October 2026.
    let offset = |s| oslo.offset_from_utc_datetime(&utc(s).naive_utc()).fix();
    assert_eq!(offset("2026-10-25T00:59:59Z").local_minus_utc(), 7200);
    assert_eq!(offset("2026-10-25T01:00:00Z").local_minus_utc(), 3600);

    // Friday 23 October, CEST.
    assert_closed(
        &no.check(utc("2026-10-23T06:59:59Z")),
        ClosedReason::BeforeHours,
        "2026-10-23T07:00:00Z",
    );
    assert_open(
        &no.check(utc("2026-10-23T07:00:00Z")),
        "2026-10-23T19:00:00Z",
    );
    assert_open(
        &no.check(utc("2026-10-23T18:59:59Z")),
        "2026-10-23T19:00:00Z",
    );
    let monday_opens = "2026-10-26T08:00:00Z";
    assert_closed(
        &no.check(utc("2026-10-23T19:00:00Z")),
        ClosedReason::AfterHours,
        monday_opens,
    );
    for at in ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"] {
        assert_closed(&no.check(utc(at)), ClosedReason::Weekend, monday_opens);
    }

    // Monday 26 October, CET: 09:00 local is 08:00 UTC, 21:00 local is 20:00 UTC.
    assert_closed(
        &no.check(utc("2026-10-26T07:59:59Z")),
        ClosedReason::BeforeHours,
        monday_opens,
    );
    assert_open(&no.check(utc(monday_opens)), "2026-10-26T20:00:00Z");
    assert_open(
        &no.check(utc("2026-10-26T19:59:59Z")),
        "2026-10-26T20:00:00Z",
    );
    let closed = no.check(utc("2026-10-26T20:00:00Z"));
    assert_closed(&closed, ClosedReason::AfterHours, "2026-10-27T08:00:00Z");
    assert_eq!(
        closed.local_time,
        d(2026, 10, 26).and_hms_opt(21, 0, 0).unwrap()
    );
}

#[test]
fn easter_2027_on_the_spring_forward_sunday_skips_thursday_to_monday() {
    let no = CallingPolicy::norway();
    // Wednesday 24 March 2027 21:00 CET; Maundy Thursday 25, Good Friday 26, Saturday 27,
    // Easter Sunday 28 (clocks change), Easter Monday 29; open Tuesday 30 at 09:00 CEST.
    let tuesday = "2027-03-30T07:00:00Z";
    assert_open(
        &no.check(utc("2027-03-24T19:59:59Z")),
        "2027-03-24T20:00:00Z",
    );
    assert_closed(
        &no.check(utc("2027-03-24T20:00:00Z")),
        ClosedReason::AfterHours,
        tuesday,
    );
    let cases = [
        ("2027-03-25T11:00:00Z", holiday("Maundy Thursday")),
        ("2027-03-26T11:00:00Z", holiday("Good Friday")),
        ("2027-03-27T11:00:00Z", ClosedReason::Weekend),
        ("2027-03-28T10:00:00Z", holiday("Easter Sunday")),
        ("2027-03-29T10:00:00Z", holiday("Easter Monday")),
    ];
    for (at, reason) in cases {
        assert_closed(&no.check(utc(at)), reason, tuesday);
    }
    assert_closed(
        &no.check(utc("2027-03-30T06:59:59Z")),
        ClosedReason::BeforeHours,
        tuesday,
    );
    assert_open(&no.check(utc(tuesday)), "2027-03-30T19:00:00Z");
}

#[test]
fn may_17_on_a_friday_before_a_weekend_and_whit_monday() {
    let no = CallingPolicy::norway();
    // 2024: 17 May a Friday, then Saturday, Sunday (Whit Sunday 19) and Whit Monday 20 May.
    let tuesday = "2024-05-21T07:00:00Z";
    assert_closed(
        &no.check(utc("2024-05-16T19:00:00Z")),
        ClosedReason::AfterHours,
        tuesday,
    );
    assert_closed(
        &no.check(utc("2024-05-17T10:00:00Z")),
        holiday("Constitution Day"),
        tuesday,
    );
    assert_closed(
        &no.check(utc("2024-05-18T10:00:00Z")),
        ClosedReason::Weekend,
        tuesday,
    );
    assert_closed(
        &no.check(utc("2024-05-19T10:00:00Z")),
        holiday("Whit Sunday"),
        tuesday,
    );
    assert_closed(
        &no.check(utc("2024-05-20T10:00:00Z")),
        holiday("Whit Monday"),
        tuesday,
    );
    assert_open(&no.check(utc(tuesday)), "2024-05-21T19:00:00Z");
}

#[test]
fn may_1_and_17_are_closed_on_weekdays_and_weekends() {
    let no = CallingPolicy::norway();
    let cases = [
        (d(2026, 5, 1), Weekday::Fri, "Labour Day"),
        (d(2027, 5, 1), Weekday::Sat, "Labour Day"),
        (d(2028, 5, 1), Weekday::Mon, "Labour Day"),
        (d(2025, 5, 17), Weekday::Sat, "Constitution Day"),
        (d(2026, 5, 17), Weekday::Sun, "Constitution Day"),
        (d(2028, 5, 17), Weekday::Wed, "Constitution Day"),
    ];
    for (date, weekday, name) in cases {
        assert_eq!(date.weekday(), weekday, "{date}");
        for (h, m, s) in [(0, 0, 0), (9, 0, 0), (12, 0, 0), (20, 59, 59)] {
            let status = no.check(local(&no, date, h, m, s));
            assert!(!status.open, "{date} {h}:{m}");
            assert_eq!(status.reason, Some(holiday(name)), "{date}");
        }
    }
    // The ordinary weekdays right after them are open.
    assert_open(
        &no.check(local(&no, d(2028, 5, 2), 9, 0, 0)),
        "2028-05-02T19:00:00Z",
    );
    assert_open(
        &no.check(local(&no, d(2028, 5, 18), 9, 0, 0)),
        "2028-05-18T19:00:00Z",
    );
    // Friday 1 May 2026 after Thursday's close: next open Monday 4 May.
    assert_closed(
        &no.check(local(&no, d(2026, 4, 30), 21, 0, 0)),
        ClosedReason::AfterHours,
        "2026-05-04T07:00:00Z",
    );
}

#[test]
fn christmas_eve_and_new_years_eve_on_weekdays_are_ordinary_days() {
    let no = CallingPolicy::norway();
    for date in [
        d(2025, 12, 24),
        d(2025, 12, 31),
        d(2026, 12, 24),
        d(2026, 12, 31),
    ] {
        assert!(date.weekday().num_days_from_monday() < 5);
        assert_eq!(no.closed_reason_on(date), None, "{date}");
        let closes = local(&no, date, 21, 0, 0);
        for (h, m, s) in [(9, 0, 0), (12, 0, 0), (20, 59, 59)] {
            let status = no.check(local(&no, date, h, m, s));
            assert!(status.open, "{date}");
            assert_eq!(status.closes_at, Some(closes));
        }
        assert!(!no.check(local(&no, date, 8, 59, 59)).open);
    }
    // 25 and 26 December 2025 (Thursday, Friday) then a weekend: open Monday 29 December.
    assert_closed(
        &no.check(utc("2025-12-24T20:00:00Z")),
        ClosedReason::AfterHours,
        "2025-12-29T08:00:00Z",
    );
    // New Year's Day 2026 is a Thursday: open Friday 2 January.
    assert_closed(
        &no.check(utc("2025-12-31T20:00:00Z")),
        ClosedReason::AfterHours,
        "2026-01-02T08:00:00Z",
    );
}

#[test]
fn norway_closed_days_2027_match_the_hand_checked_list() {
    // 2027 starts on a Friday: Saturdays are 2 January + 7n (52 of them, the last
    // 25 December), Sundays 3 January + 7n (52, the last 26 December). Easter Sunday is
    // 28 March. Holidays: Fri 1 Jan New Year's Day; Thu 25 Mar Maundy Thursday; Fri 26 Mar
    // Good Friday; Sun 28 Mar Easter Sunday; Mon 29 Mar Easter Monday; Sat 1 May Labour
    // Day; Thu 6 May Ascension Day; Sun 16 May Whit Sunday; Mon 17 May Constitution Day
    // (also Whit Monday); Sat 25 Dec Christmas Day; Sun 26 Dec Boxing Day.
    // That is 104 weekend days plus 6 weekday holidays = 110 closed days.
    let holidays = [
        (d(2027, 1, 1), "New Year's Day"),
        (d(2027, 3, 25), "Maundy Thursday"),
        (d(2027, 3, 26), "Good Friday"),
        (d(2027, 3, 28), "Easter Sunday"),
        (d(2027, 3, 29), "Easter Monday"),
        (d(2027, 5, 1), "Labour Day"),
        (d(2027, 5, 6), "Ascension Day"),
        (d(2027, 5, 16), "Whit Sunday"),
        (d(2027, 5, 17), "Constitution Day"),
        (d(2027, 12, 25), "Christmas Day"),
        (d(2027, 12, 26), "Boxing Day"),
    ];
    let mut expected: BTreeMap<NaiveDate, ClosedReason> = BTreeMap::new();
    for first_weekend_day in [d(2027, 1, 2), d(2027, 1, 3)] {
        for week in 0..52 {
            expected.insert(
                first_weekend_day + TimeDelta::weeks(week),
                ClosedReason::Weekend,
            );
        }
    }
    assert_eq!(expected.len(), 104);
    for (date, name) in holidays {
        expected.insert(date, holiday(name));
    }
    let expected = expected
        .into_iter()
        .map(|(date, reason)| ClosedDay { date, reason })
        .collect::<Vec<_>>();
    assert_eq!(expected.len(), 110);

    let actual = CallingPolicy::norway().closed_days(2027).unwrap();
    assert_eq!(actual, expected);
    assert_eq!(actual.first().unwrap().date, d(2027, 1, 1));
    assert_eq!(actual.last().unwrap().date, d(2027, 12, 26));
}

#[test]
fn closed_days_rejects_unsupported_years() {
    let no = CallingPolicy::norway();
    assert!(matches!(
        no.closed_days(1200),
        Err(CalendarError::YearOutOfRange { year: 1200, .. })
    ));
    assert!(no.closed_days(MAX_YEAR).is_ok());
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

#[test]
fn us_like_policy_from_toml() {
    let us = us_policy();
    assert_eq!(us.country(), "US");
    assert_eq!(us.time_zone(), chrono_tz::America::New_York);

    // Saturdays are calling days in this policy: 08:00 EST is 13:00 UTC.
    assert_closed(
        &us.check(utc("2026-03-07T12:59:59Z")),
        ClosedReason::BeforeHours,
        "2026-03-07T13:00:00Z",
    );
    assert_open(
        &us.check(utc("2026-03-07T13:00:00Z")),
        "2026-03-08T02:00:00Z",
    );
    // Saturday 21:00 EST, then Sunday 8 March (clocks spring forward), then Monday
    // 08:00 EDT = 12:00 UTC.
    assert_closed(
        &us.check(utc("2026-03-08T02:00:00Z")),
        ClosedReason::AfterHours,
        "2026-03-09T12:00:00Z",
    );
    assert_closed(
        &us.check(utc("2026-03-08T15:00:00Z")),
        ClosedReason::Weekend,
        "2026-03-09T12:00:00Z",
    );
    assert_open(
        &us.check(utc("2026-03-09T12:00:00Z")),
        "2026-03-10T01:00:00Z",
    );

    assert_eq!(us.holiday_on(d(2026, 7, 4)), Some("Independence Day"));
    assert_eq!(us.holiday_on(d(2026, 5, 25)), Some("Memorial Day"));
    assert_eq!(us.holiday_on(d(2026, 5, 18)), None);
    assert_eq!(us.holiday_on(d(2026, 11, 26)), Some("Thanksgiving"));
    assert_eq!(us.holiday_on(d(2026, 11, 19)), None);
    assert_eq!(us.holiday_on(d(2026, 4, 3)), Some("Good Friday"));
    assert_eq!(us.holiday_on(d(2026, 11, 3)), Some("Election Day"));
    assert_eq!(us.holiday_on(d(2027, 11, 3)), None);
    // Independence Day 2026 is a Saturday (a calling day here); next open Monday 6 July,
    // 08:00 EDT.
    assert_closed(
        &us.check(utc("2026-07-04T15:00:00Z")),
        holiday("Independence Day"),
        "2026-07-06T12:00:00Z",
    );
    // Thanksgiving Thursday, then Friday 08:00 EST.
    assert_closed(
        &us.check(utc("2026-11-26T15:00:00Z")),
        holiday("Thanksgiving"),
        "2026-11-27T13:00:00Z",
    );
    let closed = us.closed_days(2026).unwrap();
    assert_eq!(closed.len(), 52 + 5);
    assert!(closed.iter().all(|day| day.date.weekday() == Weekday::Sun
        || matches!(day.reason, ClosedReason::Holiday { .. })));
}

#[test]
fn nth_weekday_counts_from_either_end_and_skips_missing_fifths() {
    // March 2026 starts on a Sunday and has five Sundays, Mondays and Tuesdays.
    assert_eq!(
        nth_weekday_of_month(2026, 3, Weekday::Sun, 1),
        Some(d(2026, 3, 1))
    );
    assert_eq!(
        nth_weekday_of_month(2026, 3, Weekday::Mon, 1),
        Some(d(2026, 3, 2))
    );
    assert_eq!(
        nth_weekday_of_month(2026, 3, Weekday::Sat, 1),
        Some(d(2026, 3, 7))
    );
    assert_eq!(
        nth_weekday_of_month(2026, 3, Weekday::Tue, 5),
        Some(d(2026, 3, 31))
    );
    assert_eq!(nth_weekday_of_month(2026, 3, Weekday::Wed, 5), None);
    assert_eq!(
        nth_weekday_of_month(2026, 3, Weekday::Tue, -1),
        Some(d(2026, 3, 31))
    );
    assert_eq!(
        nth_weekday_of_month(2026, 3, Weekday::Sun, -1),
        Some(d(2026, 3, 29))
    );
    assert_eq!(
        nth_weekday_of_month(2026, 3, Weekday::Sun, -5),
        Some(d(2026, 3, 1))
    );
    assert_eq!(nth_weekday_of_month(2026, 3, Weekday::Sat, -5), None);
    assert_eq!(
        nth_weekday_of_month(2026, 12, Weekday::Thu, -1),
        Some(d(2026, 12, 31))
    );
    assert_eq!(nth_weekday_of_month(2026, 12, Weekday::Thu, 0), None);
}

#[test]
fn registry_has_norway_built_in_and_config_overrides_or_adds() {
    let registry = CalendarRegistry::new();
    assert_eq!(registry.get("NO"), Some(&CallingPolicy::norway()));
    assert_eq!(registry.get(" no "), Some(&CallingPolicy::norway()));
    assert_eq!(registry.get("US"), None);

    let file: ConfigFile = toml::from_str(US_TOML).unwrap();
    let mut norway_late = CallingPolicy::norway().to_config();
    norway_late.closes = "20:00".to_owned();
    let configs = vec![file.calling_policy[0].clone(), norway_late];
    let registry = CalendarRegistry::from_configs(&configs).unwrap();
    assert_eq!(registry.countries().collect::<Vec<_>>(), vec!["NO", "US"]);
    assert_eq!(registry.get("us"), Some(&us_policy()));
    let no = registry.get("NO").unwrap();
    // Monday 2 March 2026, 20:30 CET: open in the built-in policy, closed in the override.
    assert!(
        CallingPolicy::norway()
            .check(utc("2026-03-02T19:30:00Z"))
            .open
    );
    assert_eq!(
        no.check(utc("2026-03-02T19:30:00Z")).reason,
        Some(ClosedReason::AfterHours)
    );

    let twice = vec![configs[0].clone(), configs[0].clone()];
    assert_eq!(
        CalendarRegistry::from_configs(&twice).unwrap_err(),
        CalendarError::DuplicateCountry {
            country: "US".to_owned()
        }
    );
}

#[test]
fn norway_round_trips_through_config_and_toml() {
    let cfg = CallingPolicy::norway().to_config();
    assert_eq!(cfg.opens, "09:00");
    assert_eq!(cfg.closes, "21:00");
    assert_eq!(cfg.closed_weekdays, vec!["Sat", "Sun"]);
    assert_eq!(
        CallingPolicy::from_config(&cfg).unwrap(),
        CallingPolicy::norway()
    );
    let text = toml::to_string(&cfg).unwrap();
    let parsed: CallingPolicyConfig = toml::from_str(&text).unwrap();
    assert_eq!(parsed, cfg);
}

fn base_config() -> CallingPolicyConfig {
    CallingPolicy::norway().to_config()
}

#[test]
fn invalid_configs_are_rejected_with_matchable_errors() {
    let with = |f: &dyn Fn(&mut CallingPolicyConfig)| {
        let mut cfg = base_config();
        f(&mut cfg);
        CallingPolicy::from_config(&cfg).unwrap_err()
    };
    assert!(matches!(
        with(&|c| c.country = "NOR".into()),
        CalendarError::InvalidCountry { .. }
    ));
    assert!(matches!(
        with(&|c| c.time_zone = "Europe/Bergen".into()),
        CalendarError::UnknownTimeZone { .. }
    ));
    assert!(matches!(
        with(&|c| c.opens = "9am".into()),
        CalendarError::InvalidTime { field: "opens", .. }
    ));
    assert!(matches!(
        with(&|c| c.closes = "25:00".into()),
        CalendarError::InvalidTime {
            field: "closes",
            ..
        }
    ));
    assert!(matches!(
        with(&|c| c.opens = "21:00".into()),
        CalendarError::EmptyWindow { .. }
    ));
    assert!(matches!(
        with(&|c| c.closed_weekdays.push("Lørdag".into())),
        CalendarError::UnknownWeekday { .. }
    ));
    assert!(matches!(
        with(&|c| {
            c.closed_weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
                .map(String::from)
                .to_vec()
        }),
        CalendarError::NeverOpen { .. }
    ));
    let bad_rules = [
        HolidayRuleConfig::Fixed {
            month: 13,
            day: 1,
            name: "x".into(),
        },
        HolidayRuleConfig::Fixed {
            month: 4,
            day: 31,
            name: "x".into(),
        },
        HolidayRuleConfig::Fixed {
            month: 1,
            day: 2,
            name: " ".into(),
        },
        HolidayRuleConfig::Easter {
            offset: 251,
            name: "x".into(),
        },
        HolidayRuleConfig::Easter {
            offset: -81,
            name: "x".into(),
        },
        HolidayRuleConfig::NthWeekday {
            month: 1,
            weekday: "Mon".into(),
            nth: 0,
            name: "x".into(),
        },
        HolidayRuleConfig::NthWeekday {
            month: 1,
            weekday: "Moon".into(),
            nth: 1,
            name: "x".into(),
        },
    ];
    for rule in bad_rules {
        let err = with(&|c| c.holidays.push(rule.clone()));
        assert!(
            matches!(err, CalendarError::InvalidHoliday { .. }),
            "{rule:?}"
        );
    }
    // 29 February is accepted; it applies in leap years only.
    let mut cfg = base_config();
    cfg.holidays.push(HolidayRuleConfig::Fixed {
        month: 2,
        day: 29,
        name: "Leap Day".into(),
    });
    let policy = CallingPolicy::from_config(&cfg).unwrap();
    assert_eq!(policy.holiday_on(d(2028, 2, 29)), Some("Leap Day"));
    assert_eq!(policy.holiday_on(d(2027, 2, 28)), None);
    assert_eq!(policy.holiday_on(d(2027, 3, 1)), None);

    // Unknown fields and kinds are configuration errors, not silently ignored.
    let typo = r#"
        country = "SE"
        time_zone = "Europe/Stockholm"
        opens = "09:00"
        close = "21:00"
        closed_weekdays = []
        holidays = []
    "#;
    assert!(toml::from_str::<CallingPolicyConfig>(typo).is_err());
    let bad_kind = r#"
        country = "SE"
        time_zone = "Europe/Stockholm"
        opens = "09:00"
        closes = "21:00"
        closed_weekdays = []
        holidays = [{ kind = "lunar", name = "x" }]
    "#;
    assert!(toml::from_str::<CallingPolicyConfig>(bad_kind).is_err());
}

#[test]
fn error_messages_name_the_country_and_the_fix() {
    let mut cfg = base_config();
    cfg.time_zone = "Oslo".into();
    let message = CallingPolicy::from_config(&cfg).unwrap_err().to_string();
    assert!(
        message.contains("NO") && message.contains("Europe/Oslo"),
        "{message}"
    );
}

#[test]
fn closed_reason_display() {
    assert_eq!(ClosedReason::Weekend.to_string(), "weekend");
    assert_eq!(
        holiday("Good Friday").to_string(),
        "public holiday (Good Friday)"
    );
    assert_eq!(
        ClosedReason::BeforeHours.to_string(),
        "before calling hours"
    );
    assert_eq!(ClosedReason::AfterHours.to_string(), "after calling hours");
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

#[test]
fn skipped_opening_time_opens_at_the_transition() {
    // 02:30 does not exist on 29 March 2026 in Oslo: 01:00 UTC is 02:00 CET → 03:00 CEST.
    let policy = oslo_every_day("02:30", "21:00");
    assert_closed(
        &policy.check(utc("2026-03-29T00:59:59Z")),
        ClosedReason::BeforeHours,
        "2026-03-29T01:00:00Z",
    );
    let open = policy.check(utc("2026-03-29T01:00:00Z"));
    assert_open(&open, "2026-03-29T19:00:00Z");
    assert_eq!(
        open.local_time,
        d(2026, 3, 29).and_hms_opt(3, 0, 0).unwrap()
    );
    // The next day is normal again: 02:30 CEST = 00:30 UTC.
    assert_closed(
        &policy.check(utc("2026-03-29T19:00:00Z")),
        ClosedReason::AfterHours,
        "2026-03-30T00:30:00Z",
    );
}

#[test]
fn skipped_closing_time_closes_at_the_transition() {
    let policy = oslo_every_day("01:00", "02:30");
    assert_open(
        &policy.check(utc("2026-03-29T00:59:59Z")),
        "2026-03-29T01:00:00Z",
    );
    assert_closed(
        &policy.check(utc("2026-03-29T01:00:00Z")),
        ClosedReason::AfterHours,
        "2026-03-29T23:00:00Z",
    );
}

#[test]
fn repeated_opening_time_opens_at_its_later_occurrence() {
    // 02:30 occurs twice on 25 October 2026 in Oslo: 00:30 UTC (CEST) and 01:30 UTC (CET).
    let policy = oslo_every_day("02:30", "21:00");
    // 02:45 CEST: the clock will fall back to 02:00, so the window has not opened yet.
    let status = policy.check(utc("2026-10-25T00:45:00Z"));
    assert_closed(&status, ClosedReason::BeforeHours, "2026-10-25T01:30:00Z");
    assert_eq!(
        status.local_time,
        d(2026, 10, 25).and_hms_opt(2, 45, 0).unwrap()
    );
    assert_closed(
        &policy.check(utc("2026-10-25T01:29:59Z")),
        ClosedReason::BeforeHours,
        "2026-10-25T01:30:00Z",
    );
    assert_open(
        &policy.check(utc("2026-10-25T01:30:00Z")),
        "2026-10-25T20:00:00Z",
    );
}

#[test]
fn repeated_closing_time_closes_at_its_earlier_occurrence() {
    let policy = oslo_every_day("01:00", "02:30");
    assert_open(
        &policy.check(utc("2026-10-24T23:00:00Z")),
        "2026-10-25T00:30:00Z",
    );
    assert_open(
        &policy.check(utc("2026-10-25T00:29:59Z")),
        "2026-10-25T00:30:00Z",
    );
    // 02:10 CET on the second pass shows a time inside [01:00, 02:30), but the window
    // already closed at the first 02:30.
    let status = policy.check(utc("2026-10-25T01:10:00Z"));
    assert_closed(&status, ClosedReason::AfterHours, "2026-10-26T00:00:00Z");
    assert_eq!(
        status.local_time,
        d(2026, 10, 25).and_hms_opt(2, 10, 0).unwrap()
    );
}

#[test]
fn a_date_skipped_by_the_time_zone_has_no_window() {
    // Samoa moved across the date line: 29 December 2011 24:00 (UTC-10) was followed by
    // 31 December 00:00 (UTC+14); 30 December 2011 never happened in Pacific/Apia.
    let policy = CallingPolicy::from_config(&CallingPolicyConfig {
        country: "WS".into(),
        time_zone: "Pacific/Apia".into(),
        opens: "09:00".into(),
        closes: "17:00".into(),
        closed_weekdays: vec![],
        holidays: vec![],
    })
    .unwrap();
    // Thursday 29 December 18:00 local; next open 31 December 09:00 UTC+14.
    let status = policy.check(utc("2011-12-30T04:00:00Z"));
    assert_eq!(
        status.local_time,
        d(2011, 12, 29).and_hms_opt(18, 0, 0).unwrap()
    );
    assert_closed(&status, ClosedReason::AfterHours, "2011-12-30T19:00:00Z");
    assert_open(
        &policy.check(utc("2011-12-30T19:00:00Z")),
        "2011-12-31T03:00:00Z",
    );
}

#[test]
fn module_doc_example_parses_and_validates() {
    let doc = include_str!("mod.rs")
        .lines()
        .filter_map(|line| line.strip_prefix("//!"))
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .skip_while(|line| *line != "```toml")
        .skip(1)
        .take_while(|line| *line != "```")
        .collect::<Vec<_>>()
        .join("\n");
    let file: ConfigFile = toml::from_str(&doc).unwrap();
    let registry = CalendarRegistry::from_configs(&file.calling_policy).unwrap();
    let us = registry.get("US").unwrap();
    assert_eq!(us.holiday_on(d(2026, 11, 3)), Some("Election Day"));
    assert_eq!(us.closed_days(2026).unwrap().len(), 52 + 6);
}

#[test]
fn closes_24_00_means_the_next_local_midnight() {
    let policy = oslo_every_day("00:00", "24:00");
    assert_open(
        &policy.check(utc("2026-03-28T23:00:00Z")),
        "2026-03-29T22:00:00Z",
    );
    assert_open(
        &policy.check(utc("2026-03-29T21:59:59Z")),
        "2026-03-29T22:00:00Z",
    );
    assert_open(
        &policy.check(utc("2026-03-29T22:00:00Z")),
        "2026-03-30T22:00:00Z",
    );
    assert_eq!(policy.to_config().closes, "24:00");
}

#[test]
fn a_policy_closed_on_every_open_weekday_reports_no_next_opening() {
    // Only Mondays are calling days, and every Monday of every month is a holiday.
    let mut cfg = base_config();
    cfg.closed_weekdays = ["Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .map(String::from)
        .to_vec();
    cfg.holidays = (1..=12)
        .flat_map(|month| {
            (1..=5).map(move |nth| HolidayRuleConfig::NthWeekday {
                month,
                weekday: "Mon".into(),
                nth,
                name: format!("Monday {nth} of {month}"),
            })
        })
        .collect();
    let policy = CallingPolicy::from_config(&cfg).unwrap();
    let status = policy.check(utc("2026-03-02T10:00:00Z"));
    assert!(!status.open);
    assert_eq!(status.next_open, None);
    assert_eq!(status.closes_at, None);
}

fn check_window_invariants(policy: &CallingPolicy, at: DateTime<Utc>) {
    let second = TimeDelta::seconds(1);
    let status = policy.check(at);
    assert_eq!(
        status.local_time,
        at.with_timezone(&policy.time_zone()).naive_local()
    );
    if status.open {
        let closes = status.closes_at.unwrap();
        assert!(closes > at);
        assert!(policy.check(closes - second).open);
        let after = policy.check(closes);
        assert!(!after.open);
        assert!(after.next_open.unwrap() > closes);
    } else {
        assert!(status.closes_at.is_none());
        let next = status.next_open.unwrap();
        assert!(next > at, "{status:?}");
        assert!(next - at < TimeDelta::days(8), "{status:?}");
        let opened = policy.check(next);
        assert!(opened.open, "{status:?} → {opened:?}");
        let local = opened.local_time;
        assert!(local.time() >= policy.opens, "{local}");
        assert_eq!(policy.closed_reason_on(local.date()), None);
        let before = policy.check(next - second);
        assert!(!before.open, "{before:?}");
        assert_eq!(before.next_open, Some(next));
        // Every instant between is closed and points to the same opening.
        let midway = at + (next - at) / 2;
        assert_eq!(policy.check(midway).next_open, Some(next));
    }
}

proptest! {
    #[test]
    fn windows_are_consistent_at_any_instant(ts in 0i64..4_102_444_800) {
        let at = DateTime::from_timestamp(ts, 0).unwrap();
        check_window_invariants(&CallingPolicy::norway(), at);
        check_window_invariants(&us_policy(), at);
    }
}
