//! The decision rules: what blocks a number, what exempts it, in which order.
//!
//! This file is the whole of the wash logic; check it against `docs/domain.md` line by line.
//! For one number, on the day the call will be made (never a day before today):
//!
//! 1. An invalid number is blocked (`INVALID`); nothing else is looked up.
//! 2. The centre's internal list blocks (`CENTRE_LIST`), whatever the client or purpose
//!    (norm 4.4.4, 10).
//! 3. The client's internal list blocks (`CLIENT_LIST`), whatever the purpose (mfl §13, norm 10).
//!    No exemption lifts 2 or 3.
//! 4. The national register applies to marketing only: not to market research (norm 4.2 k).
//!    For a voluntary organisation it applies only where the reservation also covers
//!    voluntary organisations. A number in it is blocked (`NATIONAL_REGISTER`) unless
//!    - the person expressly asked this client to call, and one such request is valid on the
//!      day (`EXEMPT_EXPRESS`, norm 4.2 b), or
//!    - the person is the client's customer in the campaign's product category, with one
//!      relationship that is ongoing on the day or ended no more than the country's customer
//!      window before it (`EXEMPT_CUSTOMER`; Norway: 0 days, ongoing only), or
//!    - the client is a voluntary organisation raising funds and the person is its donor,
//!      with one gift no more than the donor window (three calendar years) before the day
//!      (`EXEMPT_CUSTOMER`).
//!
//!    The register applies equally when the lead's *person* (name and address, or national id)
//!    matches a reserved person (`PERSON_MATCH`), whatever number the lead has.
//!
//! Every relationship and request counts: a number is exempt if any one of them is valid on
//! the day. An exemption is reported as an informational flag; it never hides 2 or 3. The
//! purpose and the caller kind come from the client's configuration, never from what a
//! request declares (the wash session refuses a declaration that differs).

use crate::domain::{CallerKind, Day, Purpose, add_years};

/// An entry's two days: (requested, expires) or (start, end); `None` is open.
pub type Interval = (Option<Day>, Option<Day>);

/// Reason flags of a verdict, one bit each; the wire format uses the same bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Reasons(pub u32);

impl Reasons {
    /// The number is not a valid phone number.
    pub const INVALID: u32 = 1 << 0;
    /// On the centre's internal do-not-call list.
    pub const CENTRE_LIST: u32 = 1 << 1;
    /// On the client's internal do-not-call list.
    pub const CLIENT_LIST: u32 = 1 << 2;
    /// Reserved in the national register (and not exempted).
    pub const NATIONAL_REGISTER: u32 = 1 << 3;
    /// Informational: the national register was lifted by a customer relationship.
    pub const EXEMPT_CUSTOMER: u32 = 1 << 4;
    /// Informational: the national register was lifted by an express request.
    pub const EXEMPT_EXPRESS: u32 = 1 << 5;
    /// Not now: outside the calling window at the instant asked about (not a list reason).
    pub const OUTSIDE_CALLING_WINDOW: u32 = 1 << 6;
    /// Informational: the lead's person (name and address, or national id) is reserved in the
    /// national register, so the register applies whatever the number.
    pub const PERSON_MATCH: u32 = 1 << 7;
    /// Informational: that person match was fuzzy (not exact); see Explain for the record.
    pub const PERSON_FUZZY: u32 = 1 << 8;
    /// Flags that forbid the call.
    pub const BLOCKING: u32 =
        Self::INVALID | Self::CENTRE_LIST | Self::CLIENT_LIST | Self::NATIONAL_REGISTER;

    /// May the number be called (as far as the lists go)?
    pub fn allowed(self) -> bool {
        self.0 & Self::BLOCKING == 0
    }

    /// Is flag `bit` set?
    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    /// Stable names of the set flags, for CSV output and logs.
    pub fn names(self) -> Vec<&'static str> {
        NAMES
            .iter()
            .filter(|(bit, _)| self.has(*bit))
            .map(|(_, n)| *n)
            .collect()
    }
}

/// Every flag with its stable name.
pub const NAMES: [(u32, &str); 9] = [
    (Reasons::INVALID, "invalid_number"),
    (Reasons::CENTRE_LIST, "centre_list"),
    (Reasons::CLIENT_LIST, "client_list"),
    (Reasons::NATIONAL_REGISTER, "national_register"),
    (Reasons::EXEMPT_CUSTOMER, "exempt_customer"),
    (Reasons::EXEMPT_EXPRESS, "exempt_express"),
    (Reasons::OUTSIDE_CALLING_WINDOW, "outside_calling_window"),
    (Reasons::PERSON_MATCH, "person_match"),
    (Reasons::PERSON_FUZZY, "person_fuzzy"),
];

/// What the rules need to know about one number; implemented by the engine over a generation
/// and the live opt-outs, and by tables in tests.
pub trait Facts {
    /// On the centre's internal list?
    fn on_centre_list(&self, number: u64) -> bool;
    /// On the client's internal list?
    fn on_client_list(&self, number: u64) -> bool;
    /// Reserved in the national register (against voluntary organisations too if `voluntary`)?
    fn in_national_register(&self, number: u64, voluntary: bool) -> bool;
    /// The client's express requests for the number, as (requested, expires) days.
    fn express_requests(&self, number: u64) -> impl Iterator<Item = Interval>;
    /// The client's customer relationships in the campaign's category, as (start, end) days.
    fn customer_relationships(&self, number: u64) -> impl Iterator<Item = Interval>;
    /// A voluntary organisation's donor relationships (its donor categories), as (first
    /// gift, last gift) days; asked only for its fundraising.
    fn donor_relationships(&self, number: u64) -> impl Iterator<Item = Interval>;
    /// Is the lead's person reserved in the national register (against voluntary organisations
    /// too if `voluntary`)? Leads without a person: no.
    fn person_reserved(&self, _voluntary: bool) -> bool {
        false
    }
}

/// The request-wide inputs of the rules.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The campaign's purpose (one the client's configuration allows).
    pub purpose: Purpose,
    /// The client's configured kind: business or voluntary organisation.
    pub caller: CallerKind,
    /// The day the call would be made, in the country's time zone; never before today.
    pub today: Day,
    /// Days after a customer relationship ends during which it still exempts.
    pub customer_window_days: u32,
    /// Calendar years after a voluntary organisation's last gift during which the donor
    /// relationship exempts its fundraising.
    pub donor_window_years: u32,
}

impl Context {
    /// Does the donor relationship apply (a voluntary organisation's fundraising)?
    pub fn donors_apply(&self) -> bool {
        self.caller == CallerKind::Voluntary && self.purpose == Purpose::Fundraising
    }
}

/// Decides the reasons for one valid number.
#[inline]
pub fn decide(facts: &impl Facts, number: u64, cx: &Context) -> Reasons {
    let mut r = 0;
    if facts.on_centre_list(number) {
        r |= Reasons::CENTRE_LIST;
    }
    if facts.on_client_list(number) {
        r |= Reasons::CLIENT_LIST;
    }
    let voluntary = cx.caller == CallerKind::Voluntary;
    if cx.purpose != Purpose::MarketResearch && facts.person_reserved(voluntary) {
        r |= Reasons::PERSON_MATCH;
    }
    if cx.purpose != Purpose::MarketResearch
        && (r & Reasons::PERSON_MATCH != 0 || facts.in_national_register(number, voluntary))
    {
        r |= if facts
            .express_requests(number)
            .any(|e| express_valid(e, cx.today))
        {
            Reasons::EXEMPT_EXPRESS
        } else if facts
            .customer_relationships(number)
            .any(|rel| relationship_valid(rel, cx.today, cx.customer_window_days))
            || (cx.donors_apply()
                && facts
                    .donor_relationships(number)
                    .any(|rel| donor_valid(rel, cx.today, cx.donor_window_years)))
        {
            Reasons::EXEMPT_CUSTOMER
        } else {
            Reasons::NATIONAL_REGISTER
        };
    }
    Reasons(r)
}

/// An express request exempts from its request day until its expiry day, inclusive.
pub fn express_valid((requested, expires): Interval, today: Day) -> bool {
    requested.is_none_or(|d| d <= today) && expires.is_none_or(|d| today <= d)
}

/// A relationship exempts from its start until `window_days` after its end, inclusive.
pub fn relationship_valid((start, end): Interval, today: Day, window_days: u32) -> bool {
    start.is_none_or(|d| d <= today) && end.is_none_or(|d| today <= d.saturating_add(window_days))
}

/// A donor relationship exempts from the first gift until `years` calendar years after the
/// last one, inclusive (a gift on 2023-03-01 exempts through 2026-03-01).
pub fn donor_valid((first, last): Interval, today: Day, years: u32) -> bool {
    first.is_none_or(|d| d <= today) && last.is_none_or(|d| today <= add_years(d, years))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One number's facts, as a table row.
    #[derive(Default, Clone, Copy)]
    struct Row {
        centre: bool,
        client: bool,
        national: bool,
        national_voluntary: bool,
        express: Option<Interval>,
        /// A second express request.
        express2: Option<Interval>,
        customer: Option<Interval>,
        /// A second relationship in the same category.
        customer2: Option<Interval>,
        donor: Option<Interval>,
        /// The lead's person is reserved; `Some(true)`: also against voluntary organisations.
        person: Option<bool>,
    }

    impl Facts for Row {
        fn on_centre_list(&self, _: u64) -> bool {
            self.centre
        }
        fn on_client_list(&self, _: u64) -> bool {
            self.client
        }
        fn in_national_register(&self, _: u64, voluntary: bool) -> bool {
            if voluntary {
                self.national_voluntary
            } else {
                self.national
            }
        }
        fn express_requests(&self, _: u64) -> impl Iterator<Item = Interval> {
            self.express.into_iter().chain(self.express2)
        }
        fn customer_relationships(&self, _: u64) -> impl Iterator<Item = Interval> {
            self.customer.into_iter().chain(self.customer2)
        }
        fn donor_relationships(&self, _: u64) -> impl Iterator<Item = Interval> {
            self.donor.into_iter()
        }
        fn person_reserved(&self, voluntary: bool) -> bool {
            self.person.is_some_and(|v| v || !voluntary)
        }
    }

    const TODAY: Day = 20_000;
    const NONE: u32 = 0;
    const CENTRE: u32 = Reasons::CENTRE_LIST;
    const CLIENT: u32 = Reasons::CLIENT_LIST;
    const NATIONAL: u32 = Reasons::NATIONAL_REGISTER;
    const CUSTOMER: u32 = Reasons::EXEMPT_CUSTOMER;
    const EXPRESS: u32 = Reasons::EXEMPT_EXPRESS;
    const PERSON: u32 = Reasons::PERSON_MATCH;

    fn cx(purpose: Purpose, caller: CallerKind, window: u32) -> Context {
        Context {
            purpose,
            caller,
            today: TODAY,
            customer_window_days: window,
            donor_window_years: 3,
        }
    }

    #[test]
    fn decision_table() {
        use CallerKind::*;
        use Purpose::*;
        let national = Row {
            national: true,
            national_voluntary: false,
            ..Row::default()
        };
        let ongoing = Some((Some(TODAY - 100), None));
        let ended_yesterday = Some((Some(TODAY - 100), Some(TODAY - 1)));
        let ends_today = Some((Some(TODAY - 100), Some(TODAY)));
        let starts_tomorrow = Some((Some(TODAY + 1), None));
        let cases: Vec<(&str, Row, Context, u32)> = vec![
            ("on no list", Row::default(), cx(Sales, Business, 0), NONE),
            (
                "centre list",
                Row {
                    centre: true,
                    ..Row::default()
                },
                cx(Sales, Business, 0),
                CENTRE,
            ),
            (
                "client list",
                Row {
                    client: true,
                    ..Row::default()
                },
                cx(Sales, Business, 0),
                CLIENT,
            ),
            (
                "both internal lists",
                Row {
                    centre: true,
                    client: true,
                    ..Row::default()
                },
                cx(Sales, Business, 0),
                CENTRE | CLIENT,
            ),
            (
                "national register",
                national,
                cx(Sales, Business, 0),
                NATIONAL,
            ),
            (
                "national, fundraising by a business",
                national,
                cx(Fundraising, Business, 0),
                NATIONAL,
            ),
            (
                "national, market research",
                national,
                cx(MarketResearch, Business, 0),
                NONE,
            ),
            (
                "centre list, market research",
                Row {
                    centre: true,
                    ..national
                },
                cx(MarketResearch, Business, 0),
                CENTRE,
            ),
            (
                "client list, market research",
                Row {
                    client: true,
                    ..Row::default()
                },
                cx(MarketResearch, Voluntary, 0),
                CLIENT,
            ),
            (
                "national, voluntary caller, not covered",
                national,
                cx(Fundraising, Voluntary, 0),
                NONE,
            ),
            (
                "national, voluntary caller, covered",
                Row {
                    national_voluntary: true,
                    ..national
                },
                cx(Fundraising, Voluntary, 0),
                NATIONAL,
            ),
            (
                "ongoing customer exempts",
                Row {
                    customer: ongoing,
                    ..national
                },
                cx(Sales, Business, 0),
                CUSTOMER,
            ),
            (
                "ended customer, Norway window 0",
                Row {
                    customer: ended_yesterday,
                    ..national
                },
                cx(Sales, Business, 0),
                NATIONAL,
            ),
            (
                "relationship ending today still exempts",
                Row {
                    customer: ends_today,
                    ..national
                },
                cx(Sales, Business, 0),
                CUSTOMER,
            ),
            (
                "ended customer within a 365-day window",
                Row {
                    customer: ended_yesterday,
                    ..national
                },
                cx(Sales, Business, 365),
                CUSTOMER,
            ),
            (
                "ended customer past the window",
                Row {
                    customer: Some((Some(TODAY - 900), Some(TODAY - 400))),
                    ..national
                },
                cx(Sales, Business, 365),
                NATIONAL,
            ),
            (
                "relationship not started yet",
                Row {
                    customer: starts_tomorrow,
                    ..national
                },
                cx(Sales, Business, 0),
                NATIONAL,
            ),
            (
                "express request",
                Row {
                    express: Some((Some(TODAY - 5), None)),
                    ..national
                },
                cx(Sales, Business, 0),
                EXPRESS,
            ),
            (
                "express request expired",
                Row {
                    express: Some((Some(TODAY - 50), Some(TODAY - 1))),
                    ..national
                },
                cx(Sales, Business, 0),
                NATIONAL,
            ),
            (
                "express request expiring today",
                Row {
                    express: Some((Some(TODAY - 50), Some(TODAY))),
                    ..national
                },
                cx(Sales, Business, 0),
                EXPRESS,
            ),
            (
                "express request made tomorrow",
                Row {
                    express: Some((Some(TODAY + 1), None)),
                    ..national
                },
                cx(Sales, Business, 0),
                NATIONAL,
            ),
            (
                "express beats customer (reported once)",
                Row {
                    express: Some((Some(TODAY), None)),
                    customer: ongoing,
                    ..national
                },
                cx(Sales, Business, 0),
                EXPRESS,
            ),
            (
                "centre list beats customer exemption",
                Row {
                    centre: true,
                    customer: ongoing,
                    ..national
                },
                cx(Sales, Business, 0),
                CENTRE | CUSTOMER,
            ),
            (
                "client list beats express request",
                Row {
                    client: true,
                    express: Some((Some(TODAY), None)),
                    ..national
                },
                cx(Sales, Business, 0),
                CLIENT | EXPRESS,
            ),
            (
                "exemption without national reservation is not reported",
                Row {
                    customer: ongoing,
                    ..Row::default()
                },
                cx(Sales, Business, 0),
                NONE,
            ),
            (
                "donor within 3 years",
                Row {
                    national_voluntary: true,
                    donor: Some((Some(TODAY - 700), Some(TODAY - 700))),
                    ..national
                },
                cx(Fundraising, Voluntary, 0),
                CUSTOMER,
            ),
            (
                "donor after 3 years",
                Row {
                    national_voluntary: true,
                    donor: Some((Some(TODAY - 1200), Some(TODAY - 1200))),
                    ..national
                },
                cx(Fundraising, Voluntary, 0),
                NATIONAL,
            ),
            (
                "ongoing donor",
                Row {
                    national_voluntary: true,
                    donor: Some((Some(TODAY - 2000), None)),
                    ..national
                },
                cx(Fundraising, Voluntary, 0),
                CUSTOMER,
            ),
            (
                "a voluntary organisation's other relationship gets the customer window",
                Row {
                    national_voluntary: true,
                    customer: Some((Some(TODAY - 900), Some(TODAY - 400))),
                    ..national
                },
                cx(Fundraising, Voluntary, 0),
                NATIONAL,
            ),
            (
                "a business's fundraising gets the customer window",
                Row {
                    customer: Some((Some(TODAY - 900), Some(TODAY - 400))),
                    donor: Some((Some(TODAY - 900), Some(TODAY - 400))),
                    ..national
                },
                cx(Fundraising, Business, 0),
                NATIONAL,
            ),
            (
                "donors do not exempt a voluntary organisation's sales",
                Row {
                    national_voluntary: true,
                    donor: Some((Some(TODAY - 10), Some(TODAY - 10))),
                    ..national
                },
                cx(Sales, Voluntary, 0),
                NATIONAL,
            ),
            (
                "a contract ending today and its renewal next week",
                Row {
                    customer: ends_today,
                    customer2: Some((Some(TODAY + 7), None)),
                    ..national
                },
                cx(Sales, Business, 0),
                CUSTOMER,
            ),
            (
                "a contract ended yesterday and its renewal tomorrow",
                Row {
                    customer: ended_yesterday,
                    customer2: starts_tomorrow,
                    ..national
                },
                cx(Sales, Business, 0),
                NATIONAL,
            ),
            (
                "an expired express request and a valid one",
                Row {
                    express: Some((Some(TODAY - 50), Some(TODAY - 1))),
                    express2: Some((Some(TODAY - 2), None)),
                    ..national
                },
                cx(Sales, Business, 0),
                EXPRESS,
            ),
            (
                "person reserved, number not",
                Row {
                    person: Some(false),
                    ..Row::default()
                },
                cx(Sales, Business, 0),
                NATIONAL | PERSON,
            ),
            (
                "person and number reserved",
                Row {
                    person: Some(false),
                    ..national
                },
                cx(Sales, Business, 0),
                NATIONAL | PERSON,
            ),
            (
                "person reserved, ongoing customer in the category",
                Row {
                    person: Some(false),
                    customer: ongoing,
                    ..Row::default()
                },
                cx(Sales, Business, 0),
                CUSTOMER | PERSON,
            ),
            (
                "person reserved, market research",
                Row {
                    person: Some(false),
                    ..Row::default()
                },
                cx(MarketResearch, Business, 0),
                NONE,
            ),
            (
                "person reserved, voluntary caller, not covered",
                Row {
                    person: Some(false),
                    ..Row::default()
                },
                cx(Fundraising, Voluntary, 0),
                NONE,
            ),
            (
                "person reserved incl. voluntary, voluntary caller",
                Row {
                    person: Some(true),
                    ..Row::default()
                },
                cx(Fundraising, Voluntary, 0),
                NATIONAL | PERSON,
            ),
            (
                "person reserved, client list beats everything",
                Row {
                    person: Some(false),
                    client: true,
                    express: Some((Some(TODAY), None)),
                    ..Row::default()
                },
                cx(Sales, Business, 0),
                CLIENT | EXPRESS | PERSON,
            ),
        ];
        for (name, row, cx, expected) in cases {
            let got = decide(&row, 4791234567, &cx);
            assert_eq!(got.0, expected, "{name}: got {:?}", got.names());
            assert_eq!(got.allowed(), expected & Reasons::BLOCKING == 0, "{name}");
        }
    }

    #[test]
    fn the_donor_window_is_three_calendar_years() {
        let day = |s: &str| crate::domain::to_day(crate::domain::parse_date(s).unwrap()).unwrap();
        let gift = (Some(day("2023-03-01")), Some(day("2023-03-01")));
        assert!(donor_valid(gift, day("2026-03-01"), 3));
        assert!(!donor_valid(gift, day("2026-03-02"), 3));
        let leap = (Some(day("2024-02-29")), Some(day("2024-02-29")));
        assert!(donor_valid(leap, day("2027-02-28"), 3));
        assert!(!donor_valid(leap, day("2027-03-01"), 3));
    }

    #[test]
    fn names_are_stable() {
        assert_eq!(
            Reasons(Reasons::CENTRE_LIST | Reasons::EXEMPT_CUSTOMER).names(),
            ["centre_list", "exempt_customer"]
        );
        assert!(!Reasons(Reasons::INVALID).allowed());
        assert!(Reasons(Reasons::EXEMPT_EXPRESS | Reasons::OUTSIDE_CALLING_WINDOW).allowed());
    }
}
