//! Configuration: a US-like policy from TOML, the registry by country, round trips, and every
//! configuration mistake refused with an error that names the fix.

use super::*;

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

#[test]
fn module_doc_example_parses_and_validates() {
    let doc = include_str!("../mod.rs")
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
