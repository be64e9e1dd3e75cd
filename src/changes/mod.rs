//! The change feed: every change to a workspace's resources, in commit order, each with the
//! resource as its GET showed it then. Writers note what they touch as they go
//! (`db::pending::touched`); `publish` turns the notes into numbered changes just before
//! the transaction commits. `GET /v1/changes` follows the log with a token, and webhooks
//! deliver from the same log.
//!
//! Why no change is ever skipped: positions come from a per-workspace head row that the
//! writer updates as the last thing before committing, so its row lock hands positions out
//! in commit order. Position n + 1 cannot be handed out while the transaction that holds n
//! is still open, and a reader reads the head before the changes below it.

pub mod handlers;
pub mod token;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::pending::{self, ChangeOp, ResourceType};
use crate::db::schema::{changes, feed_heads};
use crate::db::{insert_rows, DbConn, BATCH_ROWS};
use crate::error::ApiError;
use crate::http::resource::Resource;
use crate::time::{db_now, from_db, now, to_db, TombstoneRetention};
use token::SyncToken;

/// One change of one resource.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"seq": 1042, "type": "contact", "id": "0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12", "op": "updated", "version": 4, "changed_at": "2026-12-05T09:30:00Z", "data": {"id": "0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12", "first_name": "Dana", "version": 4}}))]
pub struct Change {
    /// Its position in the workspace's feed: changes come in this order, which is the order
    /// they were committed in.
    pub seq: i64,
    #[serde(rename = "type")]
    pub resource_type: ResourceType,
    pub id: uuid::Uuid,
    pub op: ChangeOp,
    /// The resource's version after the change (its `ETag`); null for snoozes, members and
    /// settings, which have none.
    pub version: Option<i64>,
    pub changed_at: DateTime<Utc>,
    /// The resource as its GET showed it right after the change; null for a deletion, and
    /// for a contact merged into another.
    #[schema(value_type = Option<Object>)]
    pub data: Option<Box<serde_json::value::RawValue>>,
    /// For a contact merged into another (`op` `merged`, `data` null): that contact. The
    /// contact that stays has a `merged` change of its own, with its data.
    pub merged_into: Option<uuid::Uuid>,
}

/// A page of the feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangesPage {
    pub data: Vec<Change>,
    /// Where to read on from: pass it as `since` next time. Always present; when
    /// `has_more` is false, the feed is read to its end for now.
    pub next_token: String,
    /// Whether more changes wait after this page.
    pub has_more: bool,
}

/// A resource's state right after a transaction: `None` when it has none to show (the row
/// was never there, or was removed for good).
struct State {
    version: Option<i64>,
    /// JSON of the representation; `None` when the resource is gone.
    data: Option<String>,
}

fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("corrupt {what} in the change feed"))
}

fn json(view: &impl Serialize) -> Result<String, ApiError> {
    serde_json::to_string(view).map_err(ApiError::internal)
}

/// A live resource as its GET shows it, or its tombstone's version.
fn versioned<R: Resource>(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    tombstone: fn(&mut DbConn, &str, &str) -> QueryResult<Option<i64>>,
) -> Result<Option<State>, ApiError> {
    match R::find(conn, workspace_id, id) {
        Ok(view) => Ok(Some(State {
            version: Some(view.version()),
            data: Some(json(&view)?),
        })),
        Err(error) if error.status() == actix_web::http::StatusCode::NOT_FOUND => {
            Ok(tombstone(conn, workspace_id, id)?.map(|version| State {
                version: Some(version),
                data: None,
            }))
        }
        Err(error) => Err(error),
    }
}

/// The version of row `id` of a workspace's `$table`, deleted or not.
macro_rules! version_of {
    ($table:ident) => {{
        fn version_of(conn: &mut DbConn, workspace_id: &str, id: &str) -> QueryResult<Option<i64>> {
            use crate::db::schema::$table;
            $table::table
                .filter($table::workspace_id.eq(workspace_id))
                .filter($table::id.eq(id))
                .select($table::version)
                .first(conn)
                .optional()
        }
        version_of
    }};
}

/// What the feed shows of a resource that has no version: its representation, or nothing
/// once it is gone.
fn unversioned<V: Serialize>(found: Result<V, ApiError>) -> Result<Option<State>, ApiError> {
    match found {
        Ok(view) => Ok(Some(State {
            version: None,
            data: Some(json(&view)?),
        })),
        Err(error) if error.status() == actix_web::http::StatusCode::NOT_FOUND => Ok(Some(State {
            version: None,
            data: None,
        })),
        Err(error) => Err(error),
    }
}

fn contact_states(
    conn: &mut DbConn,
    workspace_id: &str,
    ids: &[String],
) -> Result<HashMap<String, State>, ApiError> {
    crate::contacts::queries::versions_and_views(conn, workspace_id, ids)?
        .into_iter()
        .map(|(id, version, view)| {
            let data = view.as_ref().map(json).transpose()?;
            Ok((
                id,
                State {
                    version: Some(version),
                    data,
                },
            ))
        })
        .collect()
}

/// The state of one resource of another kind than contacts.
fn state(
    conn: &mut DbConn,
    workspace_id: &str,
    resource_type: ResourceType,
    id: &str,
) -> Result<Option<State>, ApiError> {
    use crate::connections::queries::Connection;
    use crate::interactions::queries::Interaction;
    use crate::introductions::queries::Introduction;
    use crate::referrals::requests::ReferralRequest;
    match resource_type {
        ResourceType::Contact => {
            Ok(contact_states(conn, workspace_id, &[id.to_owned()])?.remove(id))
        }
        ResourceType::Interaction => {
            versioned::<Interaction>(conn, workspace_id, id, version_of!(interactions))
        }
        ResourceType::ReferralRequest => {
            versioned::<ReferralRequest>(conn, workspace_id, id, version_of!(referral_requests))
        }
        ResourceType::Introduction => {
            versioned::<Introduction>(conn, workspace_id, id, version_of!(introductions))
        }
        ResourceType::Connection => {
            versioned::<Connection>(conn, workspace_id, id, version_of!(connections))
        }
        ResourceType::Snooze => unversioned(crate::nurture::snoozes::get(conn, workspace_id, id)),
        ResourceType::Member => {
            unversioned(crate::workspaces::queries::find(conn, workspace_id, id))
        }
        ResourceType::Settings => unversioned(crate::nurture::settings::read(conn, workspace_id)),
    }
}

/// Of two notes of one resource in one transaction, the one its change reports: a resource
/// created and then changed was created; one merged and then changed was merged.
fn telling(kept: ChangeOp, noted: ChangeOp) -> ChangeOp {
    let weight = |op: ChangeOp| match op {
        ChangeOp::Created => 3,
        ChangeOp::Merged => 2,
        ChangeOp::Deleted => 1,
        ChangeOp::Updated => 0,
    };
    if weight(noted) > weight(kept) {
        noted
    } else {
        kept
    }
}

/// One change per resource a transaction touched, as its notes tell it; whether the
/// resource is gone is read from its state.
fn op(first: ChangeOp, state: &State) -> ChangeOp {
    match (first, &state.data) {
        (ChangeOp::Merged, _) => ChangeOp::Merged,
        (_, None) => ChangeOp::Deleted,
        (ChangeOp::Deleted, Some(_)) => ChangeOp::Updated,
        (first, Some(_)) => first,
    }
}

/// Changes are pruned when a workspace's head passes a multiple of this, so that the
/// retention costs one query per this many changes.
const PRUNE_EVERY: i64 = 256;

/// Turns the notes of the transaction on `conn` into numbered changes. Runs last in the
/// transaction (`Db::publishing`), so the head's row lock is held only until the commit.
pub fn publish(conn: &mut DbConn, retention: &TombstoneRetention) -> Result<(), ApiError> {
    // Per workspace, each resource once, in a stable order.
    let mut touched: BTreeMap<String, BTreeMap<(ResourceType, String), ChangeOp>> = BTreeMap::new();
    for note in pending::take(conn)? {
        let resource_type = note
            .resource_type
            .parse()
            .map_err(|_| corrupt("note type"))?;
        let touch = ChangeOp::parse(&note.op).ok_or_else(|| corrupt("note op"))?;
        touched
            .entry(note.workspace_id)
            .or_default()
            .entry((resource_type, note.resource_id))
            .and_modify(|kept| *kept = telling(*kept, touch))
            .or_insert(touch);
    }
    let changed_at = db_now();
    for (workspace_id, resources) in touched {
        let mut rows = Vec::with_capacity(resources.len());
        // Contacts come in numbers (a batch, an interaction with many): read them together.
        let contact_ids: Vec<String> = resources
            .keys()
            .filter(|(resource_type, _)| *resource_type == ResourceType::Contact)
            .map(|(_, id)| id.clone())
            .collect();
        let mut contacts = contact_states(conn, &workspace_id, &contact_ids)?;
        for ((resource_type, id), first) in resources {
            let state = match resource_type {
                ResourceType::Contact => contacts.remove(&id),
                _ => state(conn, &workspace_id, resource_type, &id)?,
            };
            let Some(state) = state else {
                continue;
            };
            let op = op(first, &state);
            let absorbed = op == ChangeOp::Merged && state.data.is_none();
            let merged_into = if absorbed {
                crate::contacts::merge::survivors(conn, &[id.as_str()])?
                    .remove(&id)
                    .map(|survivor| survivor.to_string())
            } else {
                None
            };
            rows.push((resource_type, id, op, state, merged_into));
        }
        if rows.is_empty() {
            continue;
        }
        let count = rows.len() as i64;
        let head: i64 = diesel::update(feed_heads::table.find(&workspace_id))
            .set(feed_heads::seq.eq(feed_heads::seq + count))
            .returning(feed_heads::seq)
            .get_result(conn)?;
        let first_seq = head - count + 1;
        let values: Vec<_> = rows
            .into_iter()
            .enumerate()
            .map(|(offset, (resource_type, id, op, state, merged_into))| {
                (
                    changes::workspace_id.eq(workspace_id.clone()),
                    changes::seq.eq(first_seq + offset as i64),
                    changes::resource_type.eq(resource_type.as_str()),
                    changes::resource_id.eq(id),
                    changes::op.eq(op.as_str()),
                    changes::version.eq(state.version),
                    changes::changed_at.eq(changed_at),
                    changes::data.eq(state.data),
                    changes::merged_into.eq(merged_into),
                )
            })
            .collect();
        for chunk in values.chunks(BATCH_ROWS) {
            insert_rows!(conn, changes::table, chunk)?;
        }
        if head / PRUNE_EVERY != (head - count) / PRUNE_EVERY {
            prune(conn, &workspace_id, retention)?;
        }
    }
    Ok(())
}

/// Drops the workspace's changes older than the retention; a token from before them then
/// answers 410 and its client starts over.
fn prune(
    conn: &mut DbConn,
    workspace_id: &str,
    retention: &TombstoneRetention,
) -> Result<(), ApiError> {
    let cutoff = to_db(now() - chrono::Duration::days(retention.days));
    let through: Option<i64> = changes::table
        .filter(changes::workspace_id.eq(workspace_id))
        .filter(changes::changed_at.lt(cutoff))
        .select(diesel::dsl::max(changes::seq))
        .first(conn)?;
    if let Some(through) = through {
        diesel::delete(
            changes::table
                .filter(changes::workspace_id.eq(workspace_id))
                .filter(changes::seq.le(through)),
        )
        .execute(conn)?;
        diesel::update(feed_heads::table.find(workspace_id))
            .set(feed_heads::pruned_through.eq(through))
            .execute(conn)?;
    }
    Ok(())
}

/// What to read: after a token, of some kinds (all, if none), at most `limit`.
#[derive(Debug)]
pub struct FeedRequest {
    pub since: Option<SyncToken>,
    pub types: Vec<ResourceType>,
    pub limit: i64,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = changes)]
struct ChangeRow {
    seq: i64,
    resource_type: String,
    resource_id: String,
    op: String,
    version: Option<i64>,
    changed_at: chrono::NaiveDateTime,
    data: Option<String>,
    merged_into: Option<String>,
}

fn view(row: ChangeRow) -> Result<Change, ApiError> {
    let ChangeRow {
        seq,
        resource_type,
        resource_id: id,
        op,
        version,
        changed_at,
        data,
        merged_into,
    } = row;
    Ok(Change {
        seq,
        resource_type: resource_type.parse().map_err(|_| corrupt("change type"))?,
        id: id.parse().map_err(ApiError::internal)?,
        op: ChangeOp::parse(&op).ok_or_else(|| corrupt("change op"))?,
        version,
        changed_at: from_db(changed_at),
        data: data
            .map(serde_json::value::RawValue::from_string)
            .transpose()
            .map_err(ApiError::internal)?,
        merged_into: merged_into
            .map(|id| id.parse())
            .transpose()
            .map_err(|_| corrupt("merge"))?,
    })
}

/// The position of a workspace's last change: every change at or below it has committed.
pub fn head(conn: &mut DbConn, workspace_id: &str) -> Result<i64, ApiError> {
    Ok(feed_heads::table
        .find(workspace_id)
        .select(feed_heads::seq)
        .first(conn)?)
}

/// Up to `limit` changes after position `after` and at most `through` (a head read
/// before), of the given kinds (all, if none), in order.
pub fn range(
    conn: &mut DbConn,
    workspace_id: &str,
    after: i64,
    through: i64,
    types: &[ResourceType],
    limit: i64,
) -> Result<Vec<Change>, ApiError> {
    let mut query = changes::table
        .filter(changes::workspace_id.eq(workspace_id))
        .filter(changes::seq.gt(after))
        .filter(changes::seq.le(through))
        .order(changes::seq.asc())
        .limit(limit)
        .select(ChangeRow::as_select())
        .into_boxed();
    if !types.is_empty() {
        let types: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
        query = query.filter(changes::resource_type.eq_any(types));
    }
    query
        .load::<ChangeRow>(conn)?
        .into_iter()
        .map(view)
        .collect()
}

/// The change of a resource just before position `seq`, if the feed still has it.
pub fn previous(
    conn: &mut DbConn,
    workspace_id: &str,
    resource_id: &str,
    seq: i64,
) -> Result<Option<Change>, ApiError> {
    changes::table
        .filter(changes::workspace_id.eq(workspace_id))
        .filter(changes::resource_id.eq(resource_id))
        .filter(changes::seq.lt(seq))
        .order(changes::seq.desc())
        .select(ChangeRow::as_select())
        .first::<ChangeRow>(conn)
        .optional()?
        .map(view)
        .transpose()
}

pub fn read(
    conn: &mut DbConn,
    workspace_id: &str,
    request: FeedRequest,
    retention: &TombstoneRetention,
) -> Result<ChangesPage, ApiError> {
    // The head first: every change at or below it has committed.
    let (head, pruned_through): (i64, i64) = feed_heads::table
        .find(workspace_id)
        .select((feed_heads::seq, feed_heads::pruned_through))
        .first(conn)?;
    let issued = now();
    let Some(since) = request.since else {
        return Ok(ChangesPage {
            data: Vec::new(),
            next_token: SyncToken::new(workspace_id, head, issued).encode(),
            has_more: false,
        });
    };
    since.check(workspace_id, head, pruned_through, issued, retention)?;
    let mut data = range(
        conn,
        workspace_id,
        since.seq,
        head,
        &request.types,
        request.limit + 1,
    )?;
    let has_more = data.len() as i64 > request.limit;
    data.truncate(request.limit as usize);
    let next = match data.last() {
        Some(last) if has_more => last.seq,
        _ => head,
    };
    Ok(ChangesPage {
        data,
        next_token: SyncToken::new(workspace_id, next, issued).encode(),
        has_more,
    })
}
