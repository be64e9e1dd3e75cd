//! Keeps each contact's stored schedule true: every change that can move it (an
//! interaction, a new kind or cadence on the contact, new workspace defaults) ends here.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cadence::{cadences, schedule};
use crate::contacts::domain::RelationshipKind;
use crate::db::schema::{contacts, workspace_settings};
use crate::db::DbConn;
use crate::error::ApiError;
use crate::time::{from_db, to_db};

/// The workspace's cadence overrides by kind (empty: the product's defaults).
pub fn overrides(
    conn: &mut DbConn,
    workspace_id: &str,
) -> Result<BTreeMap<RelationshipKind, i32>, ApiError> {
    let stored = workspace_settings::table
        .find(workspace_id)
        .select(workspace_settings::cadence_days)
        .first::<String>(conn)
        .optional()?;
    match stored {
        None => Ok(BTreeMap::new()),
        Some(json) => serde_json::from_str(&json).map_err(ApiError::internal),
    }
}

type ScheduleInputs = (
    String,
    String,
    Option<i32>,
    Option<NaiveDateTime>,
    NaiveDateTime,
);

fn store(conn: &mut DbConn, workspace_id: &str, rows: Vec<ScheduleInputs>) -> Result<(), ApiError> {
    let by_kind = cadences(&overrides(conn, workspace_id)?);
    for (id, kind, own_cadence, last, created_at) in rows {
        let kind: RelationshipKind = kind
            .parse()
            .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?;
        let cadence = own_cadence.unwrap_or(by_kind[&kind]);
        let plan = schedule(last.map(from_db), from_db(created_at), cadence);
        diesel::update(contacts::table.find(&id))
            .set((
                contacts::next_touch_due_at.eq(to_db(plan.next_touch_due_at)),
                contacts::overdue_at.eq(to_db(plan.overdue_at)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

fn inputs() -> (
    contacts::id,
    contacts::relationship_kind,
    contacts::cadence_days,
    contacts::last_interaction_at,
    contacts::created_at,
) {
    (
        contacts::id,
        contacts::relationship_kind,
        contacts::cadence_days,
        contacts::last_interaction_at,
        contacts::created_at,
    )
}

/// Recomputes the schedule of some contacts of one workspace.
pub fn refresh(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_ids: &[String],
) -> Result<(), ApiError> {
    let rows = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::id.eq_any(contact_ids))
        .select(inputs())
        .load::<ScheduleInputs>(conn)?;
    store(conn, workspace_id, rows)
}

/// Recomputes every contact of a workspace (its default cadences changed).
pub fn refresh_workspace(conn: &mut DbConn, workspace_id: &str) -> Result<(), ApiError> {
    let rows = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .select(inputs())
        .load::<ScheduleInputs>(conn)?;
    store(conn, workspace_id, rows)
}

/// Computes the schedule of contacts that have none yet (those that existed before the
/// schedule was stored). Run at start; does nothing once every contact has one.
pub fn backfill(conn: &mut DbConn) -> Result<usize, ApiError> {
    let workspaces = contacts::table
        .filter(contacts::next_touch_due_at.is_null())
        .select(contacts::workspace_id)
        .distinct()
        .load::<String>(conn)?;
    for workspace_id in &workspaces {
        let rows = contacts::table
            .filter(contacts::workspace_id.eq(workspace_id))
            .filter(contacts::next_touch_due_at.is_null())
            .select(inputs())
            .load::<ScheduleInputs>(conn)?;
        store(conn, workspace_id, rows)?;
    }
    Ok(workspaces.len())
}
