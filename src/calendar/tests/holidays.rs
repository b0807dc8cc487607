//! Holidays: Easter against published tables and an independent algorithm, every Norwegian
//! public holiday, closed days of a year, and the `nth` weekday of a month.

use super::*;

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
