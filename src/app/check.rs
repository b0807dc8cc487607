//! The checks every wash and Explain passes before anything is looked up: the principal may
//! act for the client; the purpose is one the client's configuration allows and a declared
//! caller kind is the configured one; free text fits; `at` is not in the past (beyond the
//! configured clock skew); the national snapshot is fresh at `at`.

use chrono::{DateTime, Utc};

use super::App;
use crate::auth::Principal;
use crate::domain::{CallerKind, Campaign, Category, Purpose};
use crate::engine::{Serving, WashRequest};
use crate::error::RequestError;
use crate::generation::Generation;
use crate::policy::ClientPolicy;

/// The most bytes of a free-text field (source reference, campaign id, actor, reason).
pub const MAX_TEXT_BYTES: usize = 1024;

/// The fields of a wash or Explain request that say for whom and why.
#[derive(Debug, Clone, Default)]
pub struct CampaignParams {
    /// The client (`client_id`).
    pub client: String,
    /// Free-text campaign id, recorded (`campaign.campaign_id`).
    pub campaign_id: String,
    /// The purpose; required (`campaign.purpose`).
    pub purpose: Option<Purpose>,
    /// The caller kind, if declared; must be the client's configured kind
    /// (`campaign.caller_kind`).
    pub caller: Option<CallerKind>,
    /// Product category (`campaign.product_category`); empty for none.
    pub category: String,
    /// When the calls will be made (`at`); default now; never in the past.
    pub at: Option<DateTime<Utc>>,
}

/// A request checked against the configuration and the clock.
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    pub request: WashRequest,
    pub campaign_id: String,
}

impl App {
    /// Checks the for-whom-and-why of a request against the configuration and the clock:
    /// the principal may act for the client; the purpose is one the client's configuration
    /// allows and a declared caller kind is the configured one; free text fits; `at` is not
    /// in the past (beyond the configured clock skew); the snapshot is fresh at `at`.
    pub(crate) fn check(
        &self,
        who: &Principal,
        p: &CampaignParams,
        serving: &Serving,
    ) -> Result<Checked, RequestError> {
        let client = who.client("client_id", &p.client)?;
        let policy = self
            .config
            .client(&client)
            .cloned()
            .unwrap_or_else(ClientPolicy::business);
        let purpose = p.purpose.ok_or_else(|| {
            RequestError::invalid(
                "campaign.purpose",
                "required: sales, market_research or fundraising",
            )
        })?;
        if !policy.purposes.contains(&purpose) {
            return Err(RequestError::NotPermitted(format!(
                "client {client} is configured as {}; a campaign for {purpose} is not allowed (ask the operator to change the client's configuration)",
                policy.describe()
            )));
        }
        if let Some(declared) = p.caller.filter(|k| *k != policy.kind) {
            return Err(RequestError::NotPermitted(format!(
                "client {client} is configured as {}; the request declares the caller {declared}",
                policy.describe()
            )));
        }
        let category =
            if p.category.trim().is_empty() {
                None
            } else {
                Some(Category::new(p.category.trim()).map_err(|e| {
                    RequestError::invalid("campaign.product_category", e.to_string())
                })?)
            };
        text_field("campaign.campaign_id", &p.campaign_id, false)?;
        let now = self.clock.now();
        let skew = i64::from(self.config.limits.max_clock_skew_seconds);
        let at = match p.at {
            None => now,
            Some(at) if at < now - chrono::Duration::seconds(skew) => {
                return Err(RequestError::invalid(
                    "at",
                    format!(
                        "{} is in the past; a wash answers for calls made from now on (give a time from now on, or none; up to {skew} s of clock skew is accepted)",
                        at.to_rfc3339()
                    ),
                ));
            }
            Some(at) => at.max(now),
        };
        self.fresh(&serving.generation, at)?;
        Ok(Checked {
            request: WashRequest {
                centre: who.centre.clone(),
                client,
                campaign: Campaign {
                    purpose,
                    caller: policy.kind,
                    category,
                },
                donor_categories: policy.donor_categories.clone(),
                at,
            },
            campaign_id: p.campaign_id.clone(),
        })
    }

    /// Refuses a generation whose national snapshot is too old for a call at `at`.
    pub(crate) fn fresh(
        &self,
        generation: &Generation,
        at: DateTime<Utc>,
    ) -> Result<(), RequestError> {
        let fresh = self.engine.freshness(generation, at);
        if fresh.stale {
            tracing::warn!(generation = %generation.id(), age_days = fresh.age_days, "refused: national snapshot is stale");
            return Err(RequestError::Precondition(format!(
                "the national register snapshot of {} is too old for calls on {}: a snapshot may be used for {} month(s) (until {}); run the rebuild job with a fresh delivery",
                fresh.snapshot_date,
                self.engine.policy().today(at),
                self.engine.policy().snapshot_max_age_months,
                fresh.stale_from.pred_opt().unwrap_or(fresh.stale_from),
            )));
        }
        Ok(())
    }
}

/// Refuses free text over [`MAX_TEXT_BYTES`] (and an empty one where it is required).
pub(crate) fn text_field(field: &str, value: &str, required: bool) -> Result<(), RequestError> {
    if required && value.trim().is_empty() {
        return Err(RequestError::invalid(field, "required"));
    }
    if value.len() > MAX_TEXT_BYTES {
        return Err(RequestError::invalid(
            field,
            format!(
                "{} bytes; at most {MAX_TEXT_BYTES} are accepted",
                value.len()
            ),
        ));
    }
    Ok(())
}
