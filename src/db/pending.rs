//! What a write transaction touched, noted as it goes, for the change feed to publish when
//! the transaction commits (`crate::changes`). Notes are rows of the transaction itself, so
//! a savepoint that rolls back takes its notes with it, and a transaction that fails
//! leaves none.

use std::cell::Cell;

use diesel::connection::TransactionManager;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::schema::pending_changes;
use super::{insert_rows, DbConn};
use crate::error::ApiError;

/// The kinds of resource the feed follows.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ResourceType {
    Contact,
    Interaction,
    ReferralRequest,
    Introduction,
    Connection,
    Snooze,
    Member,
    /// The workspace's settings; the id is the workspace's.
    Settings,
}

impl ResourceType {
    pub const ALL: [Self; 8] = [
        Self::Contact,
        Self::Interaction,
        Self::ReferralRequest,
        Self::Introduction,
        Self::Connection,
        Self::Snooze,
        Self::Member,
        Self::Settings,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Contact => "contact",
            Self::Interaction => "interaction",
            Self::ReferralRequest => "referral_request",
            Self::Introduction => "introduction",
            Self::Connection => "connection",
            Self::Snooze => "snooze",
            Self::Member => "member",
            Self::Settings => "settings",
        }
    }
}

impl std::str::FromStr for ResourceType {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
            .ok_or_else(|| {
                let known: Vec<_> = Self::ALL.iter().map(|kind| kind.as_str()).collect();
                format!("`{text}` is not one of {}", known.join(", "))
            })
    }
}

/// What a change did to its resource. A writer notes what it did; whether the resource
/// still exists is read when the change is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOp {
    Created,
    Updated,
    Deleted,
    /// It absorbed a duplicate, or was absorbed into another.
    Merged,
}

impl ChangeOp {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Updated => "updated",
            Self::Deleted => "deleted",
            Self::Merged => "merged",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Created, Self::Updated, Self::Deleted, Self::Merged]
            .into_iter()
            .find(|op| op.as_str() == text)
    }
}

thread_local! {
    // Whether the transaction running on this thread noted anything: most transactions
    // (a login, a read-then-write of a session) note nothing and skip the lookup at commit.
    // A transaction runs on one thread from start to commit (`Db::run`).
    static NOTED: Cell<bool> = const { Cell::new(false) };
}

/// Notes that the transaction on `conn` touched these resources of a workspace.
pub fn touched<'a>(
    conn: &mut DbConn,
    workspace_id: &str,
    resource_type: ResourceType,
    op: ChangeOp,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<(), ApiError> {
    let rows: Vec<_> = ids
        .into_iter()
        .map(|id| {
            (
                pending_changes::workspace_id.eq(workspace_id),
                pending_changes::resource_type.eq(resource_type.as_str()),
                pending_changes::resource_id.eq(id),
                pending_changes::op.eq(op.as_str()),
            )
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    // A note outside a transaction would commit on its own, and be published by some later
    // transaction instead of with the change it notes.
    let status = <DbConn as Connection>::TransactionManager::transaction_manager_status_mut(conn);
    if !matches!(status.transaction_depth(), Ok(Some(_))) {
        return Err(ApiError::internal(anyhow::anyhow!(
            "a change was noted outside a transaction"
        )));
    }
    NOTED.with(|noted| noted.set(true));
    for chunk in rows.chunks(super::BATCH_ROWS) {
        insert_rows!(conn, pending_changes::table, chunk)?;
    }
    Ok(())
}

/// Notes one resource.
pub fn touched_one(
    conn: &mut DbConn,
    workspace_id: &str,
    resource_type: ResourceType,
    op: ChangeOp,
    id: &str,
) -> Result<(), ApiError> {
    touched(conn, workspace_id, resource_type, op, [id])
}

/// A note, as the feed publishes it.
#[derive(Debug, Clone, Queryable)]
pub struct Note {
    pub workspace_id: String,
    pub resource_type: String,
    pub resource_id: String,
    pub op: String,
}

/// Forgets whether the transaction starting on this thread noted anything.
pub(super) fn start() {
    NOTED.with(|noted| noted.set(false));
}

pub(super) fn any_noted() -> bool {
    NOTED.with(Cell::get)
}

/// Takes the notes of the transaction on `conn`: on PostgreSQL the rows other transactions
/// note are invisible to it until they commit, and each takes its own before committing;
/// SQLite runs one writer at a time.
pub fn take(conn: &mut DbConn) -> QueryResult<Vec<Note>> {
    let notes = pending_changes::table
        .select((
            pending_changes::workspace_id,
            pending_changes::resource_type,
            pending_changes::resource_id,
            pending_changes::op,
        ))
        .load::<Note>(conn)?;
    if !notes.is_empty() {
        diesel::delete(pending_changes::table).execute(conn)?;
    }
    Ok(notes)
}
