//! Turns each workspace's change feed into deliveries. A workspace with endpoints has a
//! cursor: the position up to which its changes have become deliveries. Moving the cursor
//! and writing the deliveries happen in one transaction, so each change becomes its
//! deliveries exactly once, however many instances dispatch (on PostgreSQL a cursor being
//! dispatched is skipped by the others, `FOR UPDATE SKIP LOCKED`).

use std::collections::HashMap;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::events::{self, Shown};
use super::queries::{DeliveryRow, EndpointRow};
use crate::changes::{self, Change};
use crate::db::schema::{feed_heads, webhook_cursors, webhook_deliveries, webhook_endpoints};
use crate::db::{insert_rows, Db, DbConn, BATCH_ROWS};
use crate::error::ApiError;
use crate::time::db_now;

/// Changes turned into deliveries per transaction.
const CHANGES_PER_PASS: i64 = 500;

/// The workspaces whose feed has moved past their cursor.
fn behind(conn: &mut DbConn) -> Result<Vec<String>, ApiError> {
    Ok(webhook_cursors::table
        .inner_join(
            feed_heads::table.on(feed_heads::workspace_id.eq(webhook_cursors::workspace_id)),
        )
        .filter(feed_heads::seq.gt(webhook_cursors::seq))
        .select(webhook_cursors::workspace_id)
        .limit(100)
        .load(conn)?)
}

#[derive(QueryableByName)]
struct Cursor {
    #[diesel(sql_type = BigInt)]
    seq: i64,
}

/// The workspace's cursor, held until the transaction ends; `None` when another instance
/// holds it (PostgreSQL) or it is gone.
fn hold_cursor(conn: &mut DbConn, workspace_id: &str) -> Result<Option<i64>, ApiError> {
    let sql = match conn {
        DbConn::Postgres(_) => {
            "SELECT seq FROM webhook_cursors WHERE workspace_id = $1 FOR UPDATE SKIP LOCKED"
        }
        // Writers are serialised: the transaction's write lock holds it.
        DbConn::Sqlite(_) => "SELECT seq FROM webhook_cursors WHERE workspace_id = ?",
    };
    Ok(diesel::sql_query(sql)
        .bind::<Text, _>(workspace_id)
        .get_result::<Cursor>(conn)
        .optional()?
        .map(|cursor| cursor.seq))
}

/// What the previous change of a resource showed: from this pass when it has one, from
/// the feed otherwise.
fn before(
    conn: &mut DbConn,
    workspace_id: &str,
    seen: &HashMap<uuid::Uuid, Shown>,
    change: &Change,
) -> Result<Option<Shown>, ApiError> {
    if let Some(before) = seen.get(&change.id) {
        return Ok(Some(before.clone()));
    }
    Ok(
        changes::previous(conn, workspace_id, &change.id.to_string(), change.seq)?
            .map(|previous| Shown::of(&previous)),
    )
}

/// Turns up to `CHANGES_PER_PASS` of a workspace's changes into deliveries; returns how
/// many changes it consumed.
fn dispatch_workspace(conn: &mut DbConn, workspace_id: &str) -> Result<usize, ApiError> {
    let Some(cursor) = hold_cursor(conn, workspace_id)? else {
        return Ok(0);
    };
    let head = changes::head(conn, workspace_id)?;
    if head <= cursor {
        return Ok(0);
    }
    let batch = changes::range(conn, workspace_id, cursor, head, &[], CHANGES_PER_PASS)?;
    let reached = match batch.last() {
        Some(last) if batch.len() as i64 == CHANGES_PER_PASS => last.seq,
        _ => head,
    };
    let endpoints: Vec<EndpointRow> = webhook_endpoints::table
        .filter(webhook_endpoints::workspace_id.eq(workspace_id))
        .filter(webhook_endpoints::enabled.eq(true))
        .filter(webhook_endpoints::since_seq.lt(reached))
        .select(EndpointRow::as_select())
        .load(conn)?;
    let now = db_now();
    let mut deliveries = Vec::new();
    let mut seen: HashMap<uuid::Uuid, Shown> = HashMap::new();
    let by_owner = endpoints
        .iter()
        .any(|endpoint| endpoint.member_id.is_some());
    if !endpoints.is_empty() {
        for change in &batch {
            let before = if events::compares(change, by_owner) {
                before(conn, workspace_id, &seen, change)?
            } else {
                None
            };
            let shown = Shown::of(change);
            let owner = shown
                .owner
                .clone()
                .or_else(|| before.as_ref()?.owner.clone());
            for event in events::of_change(change, &shown, before.as_ref()) {
                let wanting: Vec<&EndpointRow> = endpoints
                    .iter()
                    .filter(|endpoint| {
                        endpoint.since_seq < change.seq
                            && endpoint.subscribes(&event)
                            && endpoint
                                .member_id
                                .as_ref()
                                .is_none_or(|member| owner.as_ref() == Some(member))
                    })
                    .collect();
                if wanting.is_empty() {
                    continue;
                }
                let body = events::change_body(&event, change).map_err(ApiError::internal)?;
                deliveries.extend(wanting.into_iter().map(|endpoint| {
                    DeliveryRow::new(
                        workspace_id,
                        &endpoint.id,
                        &event,
                        Some(change.seq),
                        body.clone(),
                        now,
                    )
                }));
            }
            if change.data.is_some() {
                seen.insert(change.id, shown);
            }
        }
    }
    for chunk in deliveries.chunks(BATCH_ROWS) {
        insert_rows!(conn, webhook_deliveries::table, chunk)?;
    }
    diesel::update(webhook_cursors::table.find(workspace_id))
        .set(webhook_cursors::seq.eq(reached))
        .execute(conn)?;
    Ok(batch.len())
}

/// One pass over the workspaces that are behind; returns how many changes it consumed.
pub async fn dispatch(db: &Db) -> Result<usize, ApiError> {
    let workspaces = db.run(behind).await?;
    let mut consumed = 0;
    for workspace_id in workspaces {
        consumed += db
            .transaction(move |conn| dispatch_workspace(conn, &workspace_id))
            .await?;
    }
    Ok(consumed)
}
