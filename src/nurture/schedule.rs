//! Keeps each contact's stored schedule true: every change that can move it (an
//! interaction, a new kind or cadence on the contact, new workspace defaults) ends here.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cadence::{cadences, schedule};
use crate::contacts::domain::RelationshipKind;
use crate::db::pending::{self, ChangeOp, ResourceType};
use crate::db::schema::{contacts, workspace_settings};
use crate::db::{DbConn, BATCH_ROWS};
use crate::error::ApiError;
use crate::time::{db_now, from_db, to_db};

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
    Option<NaiveDateTime>,
);

/// Who counts a moved schedule as a change of the contact (its representation shows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counted {
    /// The write that moved it already made a new version of the contact.
    ByTheWrite,
    /// Nothing else did: each contact whose schedule moves gets a new version here.
    Here,
}

fn store(
    conn: &mut DbConn,
    workspace_id: &str,
    rows: Vec<ScheduleInputs>,
    counted: Counted,
) -> Result<(), ApiError> {
    let by_kind = cadences(&overrides(conn, workspace_id)?);
    let now = db_now();
    let mut new_versions = Vec::new();
    for (id, kind, own_cadence, last, created_at, stored_due) in rows {
        let kind: RelationshipKind = kind
            .parse()
            .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?;
        let cadence = own_cadence.unwrap_or(by_kind[&kind]);
        let plan = schedule(last.map(from_db), from_db(created_at), cadence);
        let due = to_db(plan.next_touch_due_at);
        if stored_due == Some(due) {
            continue;
        }
        let target = contacts::table.find(&id);
        let moved = (
            contacts::next_touch_due_at.eq(due),
            contacts::overdue_at.eq(to_db(plan.overdue_at)),
        );
        match counted {
            Counted::ByTheWrite => diesel::update(target).set(moved).execute(conn)?,
            Counted::Here => {
                let bumped = diesel::update(target)
                    .set((
                        moved,
                        contacts::version.eq(contacts::version + 1),
                        contacts::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                new_versions.push(id);
                bumped
            }
        };
    }
    // Noted together: a settings change can move every contact of the workspace.
    let ids = new_versions.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Contact,
        ChangeOp::Updated,
        ids,
    )
}

fn inputs() -> (
    contacts::id,
    contacts::relationship_kind,
    contacts::cadence_days,
    contacts::last_interaction_at,
    contacts::created_at,
    contacts::next_touch_due_at,
) {
    (
        contacts::id,
        contacts::relationship_kind,
        contacts::cadence_days,
        contacts::last_interaction_at,
        contacts::created_at,
        contacts::next_touch_due_at,
    )
}

/// Recomputes the schedule of some contacts of one workspace, for a write that has already
/// made a new version of each.
pub fn refresh(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_ids: &[String],
) -> Result<(), ApiError> {
    for chunk in contact_ids.chunks(BATCH_ROWS) {
        let rows = contacts::table
            .filter(contacts::workspace_id.eq(workspace_id))
            .filter(contacts::id.eq_any(chunk))
            .select(inputs())
            .load::<ScheduleInputs>(conn)?;
        store(conn, workspace_id, rows, Counted::ByTheWrite)?;
    }
    Ok(())
}

/// Recomputes every contact of a workspace (its default cadences changed): each one whose
/// next touch moves is a new version of it, which sync sees.
pub fn refresh_workspace(conn: &mut DbConn, workspace_id: &str) -> Result<(), ApiError> {
    let rows = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .select(inputs())
        .load::<ScheduleInputs>(conn)?;
    store(conn, workspace_id, rows, Counted::Here)
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
        store(conn, workspace_id, rows, Counted::ByTheWrite)?;
    }
    Ok(workspaces.len())
}
