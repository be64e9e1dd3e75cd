//! Merging a duplicate into a contact: everything that names the duplicate (interactions,
//! connections, referral requests, introductions, snoozes, external ids, contacts met
//! through it) moves to the contact that stays, whose empty fields fill from the duplicate;
//! the duplicate stays a tombstone naming the contact it became. Each resource moves its
//! own rows (`absorb_contact`); this module orders the steps.

use std::collections::{BTreeSet, HashMap};

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::queries::{self, Contact};
use crate::db::pending::{self, ChangeOp, ResourceType};
use crate::db::schema::{contact_merges, contacts};
use crate::db::{soft_delete, DbConn};
use crate::error::ApiError;
use crate::external_ids::{self, ExternalId, Kind};
use crate::http::precondition::IfMatch;
use crate::time::db_now;

/// A merge to make, or to preview.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"duplicate_id": "0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58", "dry_run": true}))]
pub struct MergeRequest {
    /// The contact to merge into this one; it becomes a tombstone.
    pub duplicate_id: uuid::Uuid,
    /// Answer what the merge would do, and do nothing.
    #[serde(default)]
    pub dry_run: bool,
}

/// What moved from the duplicate to the contact that stays.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct Moved {
    pub interactions: Vec<uuid::Uuid>,
    pub connections: Vec<uuid::Uuid>,
    /// The duplicate's connections that joined the two, or repeated one the contact
    /// already has (same people, same kind): deleted rather than moved.
    pub connections_dropped: Vec<uuid::Uuid>,
    pub referral_requests: Vec<uuid::Uuid>,
    pub introductions: Vec<uuid::Uuid>,
    pub snoozes: Vec<uuid::Uuid>,
    pub external_ids: Vec<ExternalId>,
    /// Contacts met through the duplicate, now met through the contact.
    pub met_through: Vec<uuid::Uuid>,
}

/// A merge, made or previewed.
#[derive(Debug, Serialize, ToSchema)]
pub struct Merge {
    /// The contact that stays, as it is after the merge (or would be, on a dry run).
    pub contact: Contact,
    /// The contact merged into it, now a tombstone with `merged_into`.
    pub duplicate_id: uuid::Uuid,
    /// Whether nothing was done.
    pub dry_run: bool,
    /// The contact's fields filled (or, for lists and notes, joined) from the duplicate's.
    pub filled: Vec<String>,
    pub moved: Moved,
}

/// The contacts these tombstones were merged into, by tombstone.
pub fn survivors(
    conn: &mut DbConn,
    duplicate_ids: &[&str],
) -> Result<HashMap<String, uuid::Uuid>, ApiError> {
    if duplicate_ids.is_empty() {
        return Ok(HashMap::new());
    }
    contact_merges::table
        .filter(contact_merges::duplicate_id.eq_any(duplicate_ids))
        .select((contact_merges::duplicate_id, contact_merges::survivor_id))
        .load::<(String, String)>(conn)?
        .into_iter()
        .map(|(duplicate, survivor)| Ok((duplicate, crate::http::batch::stored_id(&survivor)?)))
        .collect()
}

fn uuids(ids: Vec<String>) -> Result<Vec<uuid::Uuid>, ApiError> {
    ids.iter()
        .map(|id| crate::http::batch::stored_id(id))
        .collect()
}

/// How a dry run gets its answer out of the transaction it undoes.
enum Ended {
    Failed(ApiError),
    Undone(Box<Merge>),
}

impl From<diesel::result::Error> for Ended {
    fn from(error: diesel::result::Error) -> Self {
        Self::Failed(error.into())
    }
}

/// Merges `duplicate_id` into `survivor_id`, or (dry run) answers what that would do: the
/// merge runs in a savepoint that is then undone, so the preview is exactly the merge.
pub fn merge(
    conn: &mut DbConn,
    workspace_id: &str,
    survivor_id: &str,
    request: MergeRequest,
) -> Result<Merge, ApiError> {
    let duplicate_id = request.duplicate_id.to_string();
    if !request.dry_run {
        return apply(conn, workspace_id, survivor_id, &duplicate_id, false);
    }
    let ended = conn.transaction::<(), Ended, _>(|conn| {
        let merge =
            apply(conn, workspace_id, survivor_id, &duplicate_id, true).map_err(Ended::Failed)?;
        Err(Ended::Undone(Box::new(merge)))
    });
    match ended {
        Err(Ended::Undone(merge)) => Ok(*merge),
        Err(Ended::Failed(error)) => Err(error),
        Ok(()) => unreachable!("a dry run always undoes its savepoint"),
    }
}

fn apply(
    conn: &mut DbConn,
    workspace_id: &str,
    survivor_id: &str,
    duplicate_id: &str,
    dry_run: bool,
) -> Result<Merge, ApiError> {
    if survivor_id == duplicate_id {
        return Err(ApiError::invalid_field(
            "/duplicate_id",
            "is this contact itself",
        ));
    }
    // Both rows are held, in id order, so that two merges of the same pair wait for
    // each other instead of deadlocking.
    let mut pair = [survivor_id, duplicate_id];
    pair.sort();
    for id in pair {
        diesel::update(
            contacts::table
                .filter(contacts::workspace_id.eq(workspace_id))
                .filter(contacts::id.eq(id)),
        )
        .set(contacts::version.eq(contacts::version))
        .execute(conn)?;
    }
    let survivor = queries::live_row(conn, workspace_id, survivor_id)?;
    let duplicate = queries::live_row(conn, workspace_id, duplicate_id)?;

    let (mut fields, mut filled) = survivor
        .fields()?
        .absorb(duplicate.fields()?)
        .map_err(|reason| ApiError::conflict("cannot_merge", reason))?;
    // Met through either of the two is met through nobody once they are one.
    let met_through_pair = fields
        .met_through_id
        .is_some_and(|id| id.to_string() == survivor_id || id.to_string() == duplicate_id);
    if met_through_pair {
        fields.met_through_id = None;
        filled.retain(|field| *field != "met_through_id");
    }

    let interactions = crate::interactions::queries::absorb_contact(
        conn,
        workspace_id,
        duplicate_id,
        survivor_id,
    )?;
    let connections =
        crate::connections::queries::absorb_contact(conn, workspace_id, duplicate_id, survivor_id)?;
    let referral_requests =
        crate::referrals::requests::absorb_contact(conn, workspace_id, duplicate_id, survivor_id)?;
    let introductions = crate::introductions::queries::absorb_contact(
        conn,
        workspace_id,
        duplicate_id,
        survivor_id,
    )?;
    let snoozes =
        crate::nurture::snoozes::absorb_contact(conn, workspace_id, duplicate_id, survivor_id)?;
    let met_through = met_through(conn, workspace_id, duplicate_id, survivor_id)?;
    let external_ids =
        external_ids::transfer(conn, workspace_id, Kind::Contact, duplicate_id, survivor_id)?;

    // The duplicate becomes a tombstone that names the contact it became.
    soft_delete!(
        conn,
        contacts,
        duplicate_id,
        duplicate.version,
        ApiError::concurrent_update("contact")
    )?;
    queries::erase_personal_fields(conn, duplicate_id)?;
    diesel::insert_into(contact_merges::table)
        .values((
            contact_merges::workspace_id.eq(workspace_id),
            contact_merges::duplicate_id.eq(duplicate_id),
            contact_merges::survivor_id.eq(survivor_id),
            contact_merges::merged_at.eq(db_now()),
        ))
        .execute(conn)?;
    let merged = [duplicate_id, survivor_id];
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Contact,
        ChangeOp::Merged,
        merged,
    )?;

    queries::store(
        conn,
        workspace_id,
        survivor,
        fields,
        None,
        &IfMatch::default(),
    )?;
    // What the contact shows of its history (last interaction, schedule, reciprocity,
    // owed thanks) now counts the duplicate's too; this also makes it a new version.
    let survivor_only = BTreeSet::from([survivor_id.to_owned()]);
    crate::interactions::queries::refresh_contacts(conn, workspace_id, &survivor_only)?;

    Ok(Merge {
        contact: queries::get(conn, workspace_id, survivor_id)?,
        duplicate_id: crate::http::batch::stored_id(duplicate_id)?,
        dry_run,
        filled: filled.into_iter().map(str::to_owned).collect(),
        moved: Moved {
            interactions: uuids(interactions)?,
            connections: uuids(connections.moved)?,
            connections_dropped: uuids(connections.dropped)?,
            referral_requests: uuids(referral_requests)?,
            introductions: uuids(introductions)?,
            snoozes: uuids(snoozes)?,
            external_ids,
            met_through: uuids(met_through)?,
        },
    })
}

/// Contacts met through the duplicate are met through the survivor: each a new version.
fn met_through(
    conn: &mut DbConn,
    workspace_id: &str,
    duplicate_id: &str,
    survivor_id: &str,
) -> Result<Vec<String>, ApiError> {
    let moved: Vec<String> = diesel::update(
        contacts::table
            .filter(contacts::workspace_id.eq(workspace_id))
            .filter(contacts::deleted_at.is_null())
            .filter(contacts::met_through_id.eq(duplicate_id))
            .filter(contacts::id.ne(survivor_id)),
    )
    .set((
        contacts::met_through_id.eq(survivor_id),
        contacts::version.eq(contacts::version + 1),
        contacts::updated_at.eq(db_now()),
    ))
    .returning(contacts::id)
    .get_results(conn)?;
    let ids = moved.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Contact,
        ChangeOp::Updated,
        ids,
    )?;
    Ok(moved)
}
