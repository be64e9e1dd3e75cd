use chrono::NaiveDateTime;
use diesel::prelude::*;

use serde::Serialize;
use utoipa::ToSchema;

use super::readiness::{assess, Factor, Facts, READY_AT};
use crate::db::schema::{interaction_contacts, interactions};
use crate::db::DbConn;
use crate::error::ApiError;
use crate::interactions::domain::{InteractionKind, KindGroup};
use crate::nurture::cadence::cadences;
use crate::nurture::schedule::overrides;
use crate::time::{from_db, now};

/// Whether you have earned the right to ask a contact for a referral.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferralReadiness {
    pub contact_id: uuid::Uuid,
    /// A score of at least `ready_at` and no factor that blocks.
    pub ready: bool,
    /// 0 to 100.
    pub score: i32,
    pub ready_at: i32,
    /// Each factor for or against, in plain words.
    pub reasons: Vec<Factor>,
}

/// The readiness of a live contact of the workspace (404 otherwise); `except` is a request
/// not to count among the open asks (the one being judged).
pub fn readiness(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_id: &str,
    except: Option<&str>,
) -> Result<ReferralReadiness, ApiError> {
    let assessment = assess(&facts(conn, workspace_id, contact_id, except)?);
    Ok(ReferralReadiness {
        contact_id: contact_id.parse().map_err(ApiError::internal)?,
        ready: assessment.ready,
        score: assessment.score,
        ready_at: READY_AT,
        reasons: assessment.factors,
    })
}

fn facts(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_id: &str,
    except: Option<&str>,
) -> Result<Facts, ApiError> {
    let contact = crate::contacts::queries::get(conn, workspace_id, contact_id)?;
    let cadence_days = match contact.cadence_days {
        Some(own) => own,
        None => cadences(&overrides(conn, workspace_id)?)[&contact.relationship_kind],
    };
    let last_give = interaction_contacts::table
        .filter(interaction_contacts::contact_id.eq(contact_id))
        .filter(interaction_contacts::planned.eq(false))
        .filter(interaction_contacts::kind_group.eq(KindGroup::Give.as_str()))
        .select(diesel::dsl::max(interaction_contacts::occurred_at))
        .first::<Option<NaiveDateTime>>(conn)?;
    let with_contact = interaction_contacts::table
        .filter(interaction_contacts::contact_id.eq(contact_id))
        .select(interaction_contacts::interaction_id);
    let last_thanks = interactions::table
        .filter(interactions::workspace_id.eq(workspace_id))
        .filter(interactions::deleted_at.is_null())
        .filter(interactions::planned.eq(false))
        .filter(interactions::kind.eq(InteractionKind::ThanksReceived.as_str()))
        .filter(interactions::id.eq_any(with_contact))
        .select(diesel::dsl::max(interactions::occurred_at))
        .first::<Option<NaiveDateTime>>(conn)?;
    let now = now();
    let days_since =
        |time: Option<NaiveDateTime>| time.map(|t| (now - from_db(t)).num_days().max(0));
    Ok(Facts {
        status: contact.nurture_status,
        days_since_last_touch: contact
            .last_interaction_at
            .map(|t| (now - t).num_days().max(0)),
        cadence_days,
        days_since_last_give: days_since(last_give),
        days_since_thanks_received: days_since(last_thanks),
        trust: contact.trust,
        reciprocity: contact.reciprocity,
        open_asks: super::requests::open_asks(conn, contact_id, except)?,
    })
}
