use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::dsl::max;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::readiness::{assess, Factor, Facts, READY_AT, RECENT_DAYS};
use crate::contacts::domain::RelationshipKind;
use crate::db::schema::{contacts, interaction_contacts};
use crate::db::{DbConn, BATCH_ROWS};
use crate::error::ApiError;
use crate::interactions::domain::{InteractionKind, KindGroup};
use crate::nurture::balance;
use crate::nurture::cadence::{cadences, schedule, status};
use crate::nurture::schedule::overrides;
use crate::time::{from_db, now, to_db};

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
    let facts = facts_of(conn, workspace_id, &[contact_id.to_owned()], except)?
        .remove(contact_id)
        .ok_or_else(|| ApiError::not_found(format!("no contact {contact_id} in this workspace")))?;
    report(contact_id, &facts)
}

pub fn report(contact_id: &str, facts: &Facts) -> Result<ReferralReadiness, ApiError> {
    let assessment = assess(facts);
    Ok(ReferralReadiness {
        contact_id: contact_id.parse().map_err(ApiError::internal)?,
        ready: assessment.ready,
        score: assessment.score,
        ready_at: READY_AT,
        reasons: assessment.factors,
    })
}

type ContactFacts = (
    String,
    String,
    Option<i32>,
    Option<i32>,
    Option<NaiveDateTime>,
    NaiveDateTime,
);

/// What readiness is judged on, for each live contact of the workspace among `ids`, in a
/// fixed number of queries per `BATCH_ROWS` of them; `except` is a request not to count
/// among the open asks.
pub fn facts_of(
    conn: &mut DbConn,
    workspace_id: &str,
    ids: &[String],
    except: Option<&str>,
) -> Result<HashMap<String, Facts>, ApiError> {
    let mut facts = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(BATCH_ROWS) {
        facts.extend(facts_of_some(conn, workspace_id, chunk, except)?);
    }
    Ok(facts)
}

fn facts_of_some(
    conn: &mut DbConn,
    workspace_id: &str,
    ids: &[String],
    except: Option<&str>,
) -> Result<HashMap<String, Facts>, ApiError> {
    let rows: Vec<ContactFacts> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::deleted_at.is_null())
        .filter(contacts::id.eq_any(ids))
        .select((
            contacts::id,
            contacts::relationship_kind,
            contacts::trust,
            contacts::cadence_days,
            contacts::last_interaction_at,
            contacts::created_at,
        ))
        .load(conn)?;
    if rows.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<String> = rows.iter().map(|row| row.0.clone()).collect();
    let by_kind = cadences(&overrides(conn, workspace_id)?);
    let now = now();
    // Only a recent give or thank-you counts, so older history is never read.
    let recent = to_db(now - chrono::Duration::days(RECENT_DAYS));
    let last_give: HashMap<String, NaiveDateTime> = interaction_contacts::table
        .filter(interaction_contacts::contact_id.eq_any(&ids))
        .filter(interaction_contacts::planned.eq(false))
        .filter(interaction_contacts::kind_group.eq(KindGroup::Give.as_str()))
        .filter(interaction_contacts::occurred_at.ge(recent))
        .group_by(interaction_contacts::contact_id)
        .select((
            interaction_contacts::contact_id,
            max(interaction_contacts::occurred_at).assume_not_null(),
        ))
        .load::<(String, NaiveDateTime)>(conn)?
        .into_iter()
        .collect();
    let last_thanks: HashMap<String, NaiveDateTime> = interaction_contacts::table
        .filter(interaction_contacts::contact_id.eq_any(&ids))
        .filter(interaction_contacts::kind.eq(InteractionKind::ThanksReceived.as_str()))
        .filter(interaction_contacts::planned.eq(false))
        .filter(interaction_contacts::occurred_at.ge(recent))
        .group_by(interaction_contacts::contact_id)
        .select((
            interaction_contacts::contact_id,
            max(interaction_contacts::occurred_at).assume_not_null(),
        ))
        .load::<(String, NaiveDateTime)>(conn)?
        .into_iter()
        .collect();
    let balances = balance::by_contact(conn, balance::Counted::Contacts(&ids))?;
    let open = super::requests::open_asks_of(conn, &ids, except)?;
    let days_since =
        |time: Option<&NaiveDateTime>| time.map(|t| (now - from_db(*t)).num_days().max(0));
    rows.into_iter()
        .map(|(id, kind, trust, own_cadence, last, created_at)| {
            let kind: RelationshipKind = kind
                .parse()
                .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?;
            let cadence_days = own_cadence.unwrap_or(by_kind[&kind]);
            let last = last.map(from_db);
            let plan = schedule(last, from_db(created_at), cadence_days);
            let facts = Facts {
                status: status(last, plan, now),
                days_since_last_touch: last.map(|t| (now - t).num_days().max(0)),
                cadence_days,
                days_since_last_give: days_since(last_give.get(&id)),
                days_since_thanks_received: days_since(last_thanks.get(&id)),
                trust,
                reciprocity: balances.get(&id).copied().unwrap_or_default(),
                open_asks: open.get(&id).copied().unwrap_or_default(),
            };
            Ok((id, facts))
        })
        .collect()
}
