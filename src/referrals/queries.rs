use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::readiness::Facts;
use crate::db::schema::{interaction_contacts, interactions};
use crate::db::DbConn;
use crate::error::ApiError;
use crate::interactions::domain::{InteractionKind, KindGroup};
use crate::nurture::cadence::cadences;
use crate::nurture::schedule::overrides;
use crate::time::{from_db, now};

/// What readiness is judged on, for a live contact of the workspace (404 otherwise).
pub fn facts(conn: &mut DbConn, workspace_id: &str, contact_id: &str) -> Result<Facts, ApiError> {
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
    })
}
