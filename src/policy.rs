//! What is policy rather than law of nature, as configured: the country's policy (its region
//! and time zone, how old a national snapshot may be, the windows after a relationship ends)
//! and each client's policy (business or voluntary organisation, the purposes its campaigns
//! may have, which of its relationships are donors).
//!
//! The rules in [`crate::engine::rules`] read these through a request's context; the wash
//! session ([`crate::session`]) checks a request's declarations against the client's policy.

use std::collections::BTreeSet;

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{CallerKind, Category, Purpose};
use crate::number::Region;

/// The per-country rules that are policy: where "today" is decided, how fresh the national
/// snapshot must be, and how long a relationship exempts after it ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryPolicy {
    /// ISO 3166 alpha-2 of the register's country; also the default region for numbers.
    #[serde(with = "region_name")]
    pub region: Region,
    /// Time zone in which "today" is decided.
    pub time_zone: chrono_tz::Tz,
    /// A national snapshot older than this many months may not be washed against.
    pub snapshot_max_age_months: u32,
    /// Days after a customer relationship ends during which it still exempts.
    pub customer_window_days: u32,
    /// Calendar years after the last gift during which a voluntary organisation's donor
    /// relationship exempts its fundraising.
    pub donor_window_years: u32,
}

mod region_name {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::number::Region;

    pub fn serialize<S: Serializer>(r: &Region, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(r.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Region, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|e| serde::de::Error::custom(format!("{e} (an ISO 3166 alpha-2 code)")))
    }
}

impl CountryPolicy {
    /// Norway: a wash no older than one month (norm 10), ongoing customer relationships only,
    /// donors within three calendar years of a gift.
    pub fn norway() -> CountryPolicy {
        CountryPolicy {
            region: Region::NORWAY,
            time_zone: chrono_tz::Europe::Oslo,
            snapshot_max_age_months: 1,
            customer_window_days: 0,
            donor_window_years: 3,
        }
    }

    /// The local day of an instant.
    pub fn today(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.time_zone).date_naive()
    }

    /// How old a snapshot of `snapshot_date` is at `at`, and whether that is too old.
    pub fn freshness(&self, snapshot_date: NaiveDate, at: DateTime<Utc>) -> Freshness {
        let today = self.today(at);
        let limit = snapshot_date
            .checked_add_months(Months::new(self.snapshot_max_age_months))
            .unwrap_or(NaiveDate::MAX);
        Freshness {
            snapshot_date,
            age_days: (today - snapshot_date).num_days(),
            stale: today > limit,
            stale_from: limit.succ_opt().unwrap_or(NaiveDate::MAX),
        }
    }
}

/// How old the national snapshot is at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    /// The snapshot date.
    pub snapshot_date: NaiveDate,
    /// Its age in days.
    pub age_days: i64,
    /// Past the country's limit: washing must be refused.
    pub stale: bool,
    /// The first day on which the snapshot is too old.
    pub stale_from: NaiveDate,
}

/// What a client is and what its campaigns may be for, from the service configuration. A
/// request declares a purpose (and may declare a caller kind); it is refused when the
/// declaration is not what is configured, so a caller can never buy an exemption by what it
/// says (`docs/domain.md`, "Who a client is").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientPolicy {
    /// A business or a voluntary organisation.
    pub kind: CallerKind,
    /// The purposes its campaigns may have.
    pub purposes: BTreeSet<Purpose>,
    /// The product categories of its customer file that are donor relationships (used by a
    /// voluntary organisation's fundraising only).
    pub donor_categories: BTreeSet<Category>,
}

impl ClientPolicy {
    /// A business that sells: what a client is when the configuration says nothing more.
    pub fn business() -> ClientPolicy {
        ClientPolicy {
            kind: CallerKind::Business,
            purposes: BTreeSet::from([Purpose::Sales]),
            donor_categories: BTreeSet::new(),
        }
    }

    /// A voluntary organisation that raises funds, with donors in category `donor`.
    pub fn voluntary() -> ClientPolicy {
        ClientPolicy {
            kind: CallerKind::Voluntary,
            purposes: BTreeSet::from([Purpose::Fundraising]),
            donor_categories: BTreeSet::from([Category::donor()]),
        }
    }

    /// "a business; purposes: sales, market_research", for messages.
    pub fn describe(&self) -> String {
        let purposes: Vec<&str> = self.purposes.iter().map(|p| p.name()).collect();
        format!(
            "{}; purposes: {}",
            match self.kind {
                CallerKind::Business => "a business",
                CallerKind::Voluntary => "a voluntary organisation",
            },
            purposes.join(", ")
        )
    }

    /// Is `category` a donor relationship of this client (its fundraising's donor window)?
    pub fn is_donor_category(&self, category: &Category) -> bool {
        self.kind == CallerKind::Voluntary && self.donor_categories.contains(category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_policies_describe_themselves() {
        assert_eq!(
            ClientPolicy::business().describe(),
            "a business; purposes: sales"
        );
        let mut p = ClientPolicy::voluntary();
        p.purposes.insert(Purpose::MarketResearch);
        assert_eq!(
            p.describe(),
            "a voluntary organisation; purposes: market_research, fundraising"
        );
        assert!(p.is_donor_category(&Category::donor()));
        assert!(!ClientPolicy::business().is_donor_category(&Category::donor()));
    }

    #[test]
    fn freshness_counts_calendar_months() {
        let p = CountryPolicy::norway();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let noon = |s: &str| {
            d(s).and_hms_opt(12, 0, 0)
                .unwrap()
                .and_local_timezone(Utc)
                .unwrap()
        };
        let f = p.freshness(d("2026-01-31"), noon("2026-02-28"));
        assert!(!f.stale);
        assert_eq!(f.stale_from, d("2026-03-01"));
        assert!(p.freshness(d("2026-01-31"), noon("2026-03-01")).stale);
        let f = p.freshness(d("2026-11-02"), noon("2026-12-02"));
        assert!(!f.stale && f.age_days == 30);
        assert!(p.freshness(d("2026-11-02"), noon("2026-12-03")).stale);
    }
}
