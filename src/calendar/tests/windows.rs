//! Calling windows: daylight-saving transitions in Oslo, window edges inside them, `24:00`, and
//! property tests of the window's invariants at any instant.

use super::*;

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
