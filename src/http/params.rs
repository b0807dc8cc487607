//! The request fields every endpoint shares, translated from JSON or query text to the
//! library's types: the campaign (client, purpose, caller kind, category, campaign id), the
//! instant `at`, the person-matching strictness, a person. Values are only parsed here; what
//! they may be is checked by the library.

use chrono::{DateTime, Datelike, Utc};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::app::CampaignParams;
use crate::error::RequestError;
use crate::person::Strictness;
use crate::session::PersonFields;

/// For whom and why (gRPC `Campaign`).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    /// Free text (at most 1024 bytes), recorded in the audit trail.
    #[serde(default)]
    pub campaign_id: String,
    /// Required: `sales`, `market_research` or `fundraising`; must be one of the client's
    /// configured purposes (else 403).
    #[serde(default)]
    pub purpose: String,
    /// `business` or `voluntary`; empty for the client's configured kind (another kind is
    /// refused with 403).
    #[serde(default)]
    pub caller_kind: String,
    /// Customer relationships exempt only in the same category.
    #[serde(default)]
    pub product_category: String,
}

/// A person as written on a lead (gRPC `Person`); every field optional.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Given names.
    #[serde(default)]
    pub given_names: String,
    /// Surname.
    #[serde(default)]
    pub surname: String,
    /// Street; may carry the house number and letter ("Storgata 12 B").
    #[serde(default)]
    pub street: String,
    /// House number.
    #[serde(default)]
    pub house_number: String,
    /// House letter.
    #[serde(default)]
    pub house_letter: String,
    /// Postcode.
    #[serde(default)]
    pub postcode: String,
    /// Postal town.
    #[serde(default)]
    pub city: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub birth_date: String,
    /// Hashed with the server's key on arrival; never stored or logged.
    #[serde(default)]
    pub national_id: String,
}

impl From<Person> for PersonFields {
    fn from(p: Person) -> PersonFields {
        PersonFields {
            given_names: p.given_names,
            surname: p.surname,
            street: p.street,
            house_number: p.house_number,
            house_letter: p.house_letter,
            postcode: p.postcode,
            city: p.city,
            birth_date: p.birth_date,
            national_id: p.national_id,
        }
    }
}

/// An instant written as RFC 3339 (`2026-12-01T10:00:00+01:00`); `field` names it in errors.
/// Instants outside the years 1970–9999 are refused, as over gRPC.
pub fn instant(field: &str, text: Option<&str>) -> Result<Option<DateTime<Utc>>, RequestError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
        .filter(|t| (1970..=9999).contains(&t.year()))
        .map(Some)
        .ok_or_else(|| {
            RequestError::invalid(
                field,
                format!(
                    "{text:?} is not an RFC 3339 instant between the years 1970 and 9999 (e.g. 2026-12-01T10:00:00+01:00)"
                ),
            )
        })
}

/// The campaign fields as library parameters.
pub fn campaign_params(
    client_id: &str,
    c: &Campaign,
    at: Option<&str>,
) -> Result<CampaignParams, RequestError> {
    let purpose = match c.purpose.trim() {
        "" => None,
        p => Some(p.parse().map_err(|e: crate::domain::DomainError| {
            RequestError::invalid("campaign.purpose", e.to_string())
        })?),
    };
    let caller = match c.caller_kind.trim() {
        "" => None,
        k => Some(k.parse().map_err(|e: crate::domain::DomainError| {
            RequestError::invalid("campaign.caller_kind", e.to_string())
        })?),
    };
    Ok(CampaignParams {
        client: client_id.to_owned(),
        campaign_id: c.campaign_id.clone(),
        purpose,
        caller,
        category: c.product_category.clone(),
        at: instant("at", at)?,
    })
}

/// The strictness named, if any.
pub fn strictness(s: &str) -> Result<Option<Strictness>, RequestError> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        s.parse()
            .map(Some)
            .map_err(|e| RequestError::invalid("person_strictness", format!("{e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_rfc3339_within_the_years_1970_to_9999() {
        assert!(instant("at", None).unwrap().is_none());
        assert!(instant("at", Some(" ")).unwrap().is_none());
        let t = instant("at", Some("2026-12-01T10:00:00+01:00")).unwrap();
        assert_eq!(t.unwrap().to_rfc3339(), "2026-12-01T09:00:00+00:00");
        for bad in ["yesterday", "1969-12-31T23:59:59Z", "2026-13-01T00:00:00Z"] {
            let e = instant("at", Some(bad)).unwrap_err().to_string();
            assert!(e.starts_with("at:"), "{e}");
        }
    }

    #[test]
    fn names_are_parsed_and_refusals_name_the_field() {
        let c = Campaign {
            purpose: "fundraising".into(),
            caller_kind: "voluntary".into(),
            ..Campaign::default()
        };
        let p = campaign_params("red-cross-demo", &c, None).unwrap();
        assert_eq!(p.purpose, Some(crate::domain::Purpose::Fundraising));
        let c = Campaign {
            purpose: "PURPOSE_SALES".into(),
            ..Campaign::default()
        };
        let e = campaign_params("x", &c, None).unwrap_err().to_string();
        assert!(e.starts_with("campaign.purpose"), "{e}");
        assert!(strictness("sloppy").is_err());
        assert_eq!(strictness("").unwrap(), None);
    }
}
