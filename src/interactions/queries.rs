use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::domain::{
    check_ask_channel, check_timing, Channel, InteractionKind, InteractionPatch, KindGroup,
    NewInteraction,
};
use crate::db::pending::{self, ChangeOp, ResourceType};
use crate::db::schema::{contacts, interaction_contacts, interactions};
use crate::db::BATCH_ROWS;
use crate::db::{insert_rows, soft_delete, update_at_version, DbConn};
use crate::error::ApiError;
use crate::external_ids::{self, holders, ExternalId, Kind, Upserted};
use crate::http::pagination::{Page, PageRequest};
use crate::http::precondition::IfMatch;
use crate::http::resource::{in_window, live_row, versioned, SyncWindow};
use crate::time::{db_now, from_db, now, to_db};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = interactions, treat_none_as_null = true)]
pub struct InteractionRow {
    pub id: String,
    pub workspace_id: String,
    pub member_id: String,
    pub occurred_at: NaiveDateTime,
    pub channel: String,
    pub kind: String,
    pub kind_group: String,
    pub planned: bool,
    pub summary: Option<String>,
    pub notes: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
}

/// A touch with one or more contacts.
#[derive(Debug, Serialize, ToSchema)]
pub struct Interaction {
    pub id: uuid::Uuid,
    /// Empty on a deleted interaction.
    pub contact_ids: Vec<uuid::Uuid>,
    pub member_id: uuid::Uuid,
    pub occurred_at: DateTime<Utc>,
    pub channel: Channel,
    pub kind: InteractionKind,
    /// Derived from `kind`.
    pub group: KindGroup,
    pub planned: bool,
    pub summary: Option<String>,
    pub notes: Option<String>,
    /// The ids other systems know it by; a deleted interaction keeps them, released.
    pub external_ids: Vec<ExternalId>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

versioned!(Interaction);

fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("stored interaction has an invalid {what}"))
}

impl InteractionRow {
    fn new(
        id: String,
        workspace_id: &str,
        member_id: String,
        fields: &NewInteraction,
        version: i64,
        created_at: NaiveDateTime,
    ) -> Self {
        Self {
            id,
            workspace_id: workspace_id.to_owned(),
            member_id,
            occurred_at: to_db(fields.occurred_at),
            channel: fields.channel.as_str().to_owned(),
            kind: fields.kind.as_str().to_owned(),
            kind_group: fields.kind.group().as_str().to_owned(),
            planned: fields.planned,
            summary: fields.summary.as_ref().map(|s| s.as_str().to_owned()),
            notes: fields.notes.as_ref().map(|n| n.as_str().to_owned()),
            version,
            created_at,
            updated_at: db_now(),
            deleted_at: None,
        }
    }

    /// The stored fields as a request would give them: the base a PATCH applies to.
    fn fields(&self, contact_ids: &[uuid::Uuid]) -> Result<NewInteraction, ApiError> {
        serde_json::from_value(serde_json::json!({
            "contact_ids": contact_ids,
            "member_id": self.member_id,
            "occurred_at": from_db(self.occurred_at),
            "channel": self.channel,
            "kind": self.kind,
            "planned": self.planned,
            "summary": self.summary,
            "notes": self.notes,
        }))
        .map_err(|e| corrupt(&e.to_string()))
    }

    fn view(
        self,
        contact_ids: Vec<uuid::Uuid>,
        external_ids: Vec<ExternalId>,
    ) -> Result<Interaction, ApiError> {
        let kind: InteractionKind = self.kind.parse().map_err(|_| corrupt("kind"))?;
        Ok(Interaction {
            id: self.id.parse().map_err(|_| corrupt("id"))?,
            contact_ids,
            member_id: self.member_id.parse().map_err(|_| corrupt("member"))?,
            occurred_at: from_db(self.occurred_at),
            channel: self.channel.parse().map_err(|_| corrupt("channel"))?,
            group: kind.group(),
            kind,
            planned: self.planned,
            summary: self.summary,
            notes: self.notes,
            external_ids,
            version: self.version,
            created_at: from_db(self.created_at),
            updated_at: from_db(self.updated_at),
            deleted_at: self.deleted_at.map(from_db),
        })
    }
}

/// The contacts of each interaction, in one query for a whole page.
fn contacts_of(
    conn: &mut DbConn,
    interaction_ids: &[String],
) -> Result<HashMap<String, Vec<uuid::Uuid>>, ApiError> {
    let links = interaction_contacts::table
        .filter(interaction_contacts::interaction_id.eq_any(interaction_ids))
        .select((
            interaction_contacts::interaction_id,
            interaction_contacts::contact_id,
        ))
        .order((
            interaction_contacts::interaction_id,
            interaction_contacts::contact_id,
        ))
        .load::<(String, String)>(conn)?;
    let mut by_interaction: HashMap<String, Vec<uuid::Uuid>> = HashMap::new();
    for (interaction_id, contact_id) in links {
        by_interaction
            .entry(interaction_id)
            .or_default()
            .push(contact_id.parse().map_err(|_| corrupt("contact id"))?);
    }
    Ok(by_interaction)
}

/// Interactions as the API shows them: with their contacts and the ids other systems know
/// them by.
fn views(
    conn: &mut DbConn,
    workspace_id: &str,
    rows: Vec<InteractionRow>,
) -> Result<Vec<Interaction>, ApiError> {
    let ids: Vec<String> = rows.iter().map(|row| row.id.clone()).collect();
    let mut contacts = contacts_of(conn, &ids)?;
    let mut external = external_ids::of(conn, workspace_id, Kind::Interaction, &ids)?;
    rows.into_iter()
        .map(|row| {
            let contact_ids = contacts.remove(&row.id).unwrap_or_default();
            let external = external.remove(&row.id).unwrap_or_default();
            row.view(contact_ids, external)
        })
        .collect()
}

/// Filters of the interaction list; all optional, combined with AND.
#[derive(Debug, Default)]
pub struct InteractionFilter {
    pub contact_id: Option<String>,
    pub kind: Option<InteractionKind>,
    pub group: Option<KindGroup>,
    pub channel: Option<Channel>,
    pub member_id: Option<String>,
    pub occurred_after: Option<DateTime<Utc>>,
    pub occurred_before: Option<DateTime<Utc>>,
    pub external_id: Option<ExternalId>,
    pub window: SyncWindow,
}

/// Newest first, cursor-paginated. One contact's timeline is walked through its links,
/// newest first (index `interaction_contacts_timeline`), so a page costs the same however
/// long the history is.
pub fn list(
    conn: &mut DbConn,
    workspace_id: &str,
    filter: &InteractionFilter,
    page: &PageRequest,
) -> Result<Page<Interaction>, ApiError> {
    let after = page.after_time_and_id()?;
    // The filters on the interaction itself, the same for both walks.
    macro_rules! filtered {
        ($query:expr) => {{
            let mut query = in_window!($query, interactions, workspace_id, &filter.window);
            if let Some(kind) = filter.kind {
                query = query.filter(interactions::kind.eq(kind.as_str()));
            }
            if let Some(group) = filter.group {
                query = query.filter(interactions::kind_group.eq(group.as_str()));
            }
            if let Some(channel) = filter.channel {
                query = query.filter(interactions::channel.eq(channel.as_str()));
            }
            if let Some(member_id) = &filter.member_id {
                query = query.filter(interactions::member_id.eq(member_id.clone()));
            }
            if let Some(after) = filter.occurred_after {
                query = query.filter(interactions::occurred_at.ge(to_db(after)));
            }
            if let Some(before) = filter.occurred_before {
                query = query.filter(interactions::occurred_at.lt(to_db(before)));
            }
            if let Some(external) = &filter.external_id {
                let holders = holders!(workspace_id, Kind::Interaction, external);
                query = query.filter(interactions::id.eq_any(holders));
            }
            query
        }};
    }
    let rows = match &filter.contact_id {
        None => {
            let mut query = interactions::table
                .select(InteractionRow::as_select())
                .order((interactions::occurred_at.desc(), interactions::id.desc()))
                .limit(page.fetch_limit())
                .into_boxed();
            if let Some((time, id)) = after {
                query = query.filter(
                    interactions::occurred_at
                        .lt(time)
                        .or(interactions::occurred_at
                            .eq(time)
                            .and(interactions::id.lt(id.to_owned()))),
                );
            }
            filtered!(query).load::<InteractionRow>(conn)?
        }
        Some(contact_id) => {
            // A link carries its interaction's time, so it orders the walk.
            let mut query = interaction_contacts::table
                .inner_join(
                    interactions::table
                        .on(interactions::id.eq(interaction_contacts::interaction_id)),
                )
                .filter(interaction_contacts::contact_id.eq(contact_id.clone()))
                .select(InteractionRow::as_select())
                .order((
                    interaction_contacts::occurred_at.desc(),
                    interaction_contacts::interaction_id.desc(),
                ))
                .limit(page.fetch_limit())
                .into_boxed();
            if let Some((time, id)) = after {
                query = query.filter(
                    interaction_contacts::occurred_at.lt(time).or(
                        interaction_contacts::occurred_at
                            .eq(time)
                            .and(interaction_contacts::interaction_id.lt(id.to_owned())),
                    ),
                );
            }
            filtered!(query).load::<InteractionRow>(conn)?
        }
    };
    let views = views(conn, workspace_id, rows)?;
    Ok(page.page_by_time(views, |interaction| {
        (to_db(interaction.occurred_at), interaction.id.to_string())
    }))
}

fn live_row(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<InteractionRow, ApiError> {
    live_row!(
        conn,
        interactions,
        InteractionRow,
        workspace_id,
        id,
        "interaction"
    )
}

pub fn get(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<Interaction, ApiError> {
    let row = live_row(conn, workspace_id, id)?;
    Ok(views(conn, workspace_id, vec![row])?.remove(0))
}

/// Checks what an interaction refers to and when it happened: its member and contacts
/// belong to the workspace (contacts alive), and only a planned one lies in the future.
fn check(
    conn: &mut DbConn,
    workspace_id: &str,
    member_id: &str,
    fields: &NewInteraction,
) -> Result<(), ApiError> {
    if !crate::workspaces::queries::is_member(conn, workspace_id, member_id)? {
        return Err(ApiError::invalid_field(
            "/member_id",
            "is not a member of this workspace",
        ));
    }
    let wanted: Vec<String> = fields
        .contact_ids
        .uuids()
        .iter()
        .map(ToString::to_string)
        .collect();
    let found: BTreeSet<String> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::deleted_at.is_null())
        .filter(contacts::id.eq_any(&wanted))
        .select(contacts::id)
        .load::<String>(conn)?
        .into_iter()
        .collect();
    if let Some(index) = wanted.iter().position(|id| !found.contains(id)) {
        return Err(ApiError::invalid_field(
            format!("/contact_ids/{index}"),
            "is not a contact of this workspace",
        ));
    }
    check_timing(fields.occurred_at, fields.planned, now())
        .map_err(|reason| ApiError::rule("interaction_in_future", "/occurred_at", reason))
}

/// R1 wherever an ask is recorded: a `referral_ask` is logged on a live channel only.
fn check_ask(fields: &NewInteraction) -> Result<(), ApiError> {
    if fields.kind != InteractionKind::ReferralAsk {
        return Ok(());
    }
    check_ask_channel(fields.channel)
        .map_err(|reason| ApiError::rule("ask_channel_not_personal", "/channel", reason))
}

/// The link of an interaction to one of its contacts, with the facts the per-contact
/// rules read.
type LinkRow = (
    diesel::dsl::Eq<interaction_contacts::interaction_id, String>,
    diesel::dsl::Eq<interaction_contacts::contact_id, String>,
    diesel::dsl::Eq<interaction_contacts::workspace_id, String>,
    diesel::dsl::Eq<interaction_contacts::occurred_at, NaiveDateTime>,
    diesel::dsl::Eq<interaction_contacts::kind_group, String>,
    diesel::dsl::Eq<interaction_contacts::kind, String>,
    diesel::dsl::Eq<interaction_contacts::planned, bool>,
);

fn link_row(row: &InteractionRow, contact_id: uuid::Uuid) -> LinkRow {
    (
        interaction_contacts::interaction_id.eq(row.id.clone()),
        interaction_contacts::contact_id.eq(contact_id.to_string()),
        interaction_contacts::workspace_id.eq(row.workspace_id.clone()),
        interaction_contacts::occurred_at.eq(row.occurred_at),
        interaction_contacts::kind_group.eq(row.kind_group.clone()),
        interaction_contacts::kind.eq(row.kind.clone()),
        interaction_contacts::planned.eq(row.planned),
    )
}

fn link(
    conn: &mut DbConn,
    row: &InteractionRow,
    contact_ids: &[uuid::Uuid],
) -> Result<(), ApiError> {
    let links: Vec<_> = contact_ids.iter().map(|id| link_row(row, *id)).collect();
    insert_rows!(conn, interaction_contacts::table, &links)?;
    Ok(())
}

fn unlink(conn: &mut DbConn, interaction_id: &str) -> Result<Vec<String>, ApiError> {
    let contact_ids = interaction_contacts::table
        .filter(interaction_contacts::interaction_id.eq(interaction_id))
        .select(interaction_contacts::contact_id)
        .load::<String>(conn)?;
    diesel::delete(
        interaction_contacts::table.filter(interaction_contacts::interaction_id.eq(interaction_id)),
    )
    .execute(conn)?;
    Ok(contact_ids)
}

/// Recomputes `last_interaction_at` of `contact_ids` from their live, unplanned
/// interactions, then their schedule and what their introductions still owe them, and
/// lifts the snoozes a newer interaction makes stale: logging, editing and deleting all
/// end here, so neither can drift.
///
/// The contacts are held first, in id order: on PostgreSQL two transactions logging with
/// one contact would otherwise each compute from what they could see and the one that
/// commits last would write a stale clock. Held, the second waits for the first to commit
/// and then sees its interaction. (SQLite transactions already run one at a time.)
fn refresh_last_interaction(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_ids: &BTreeSet<String>,
) -> Result<(), ApiError> {
    // Each contact is a new version: what it shows (its last interaction, nurture status,
    // next touch, reciprocity) follows its interactions, and sync must see that. The
    // update also takes the rows' locks, in id order, before anything is read.
    let now = db_now();
    for contact_id in contact_ids {
        diesel::update(contacts::table.find(contact_id))
            .set((
                contacts::version.eq(contacts::version + 1),
                contacts::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    let ids = contact_ids.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Contact,
        ChangeOp::Updated,
        ids,
    )?;
    for contact_id in contact_ids {
        let last = interaction_contacts::table
            .filter(interaction_contacts::contact_id.eq(contact_id))
            .filter(interaction_contacts::planned.eq(false))
            .select(diesel::dsl::max(interaction_contacts::occurred_at))
            .first::<Option<NaiveDateTime>>(conn)?;
        diesel::update(contacts::table.find(contact_id))
            .set(contacts::last_interaction_at.eq(last))
            .execute(conn)?;
        if let Some(last) = last {
            crate::nurture::snoozes::lift(conn, workspace_id, contact_id, last)?;
        }
    }
    // Whom members have been in touch with, and how recently, shapes warm paths.
    crate::network::cache::changed(conn, workspace_id)?;
    let ids: Vec<String> = contact_ids.iter().cloned().collect();
    // A thank-you or the news told to a referrer settles their introductions.
    crate::nurture::loops::settle(conn, workspace_id, &ids)?;
    crate::nurture::schedule::refresh(conn, workspace_id, &ids)
}

pub fn create(
    conn: &mut DbConn,
    workspace_id: &str,
    caller_member_id: &str,
    fields: NewInteraction,
) -> Result<Interaction, ApiError> {
    let member_id = fields
        .member_id
        .map(|m| m.to_string())
        .unwrap_or_else(|| caller_member_id.to_owned());
    check_ask(&fields)?;
    check(conn, workspace_id, &member_id, &fields)?;
    let row = InteractionRow::new(
        uuid::Uuid::now_v7().to_string(),
        workspace_id,
        member_id,
        &fields,
        1,
        db_now(),
    );
    diesel::insert_into(interactions::table)
        .values(&row)
        .execute(conn)?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Interaction,
        ChangeOp::Created,
        &row.id,
    )?;
    external_ids::assign(
        conn,
        workspace_id,
        Kind::Interaction,
        &row.id,
        &fields.external_ids,
        row.created_at,
    )?;
    let contact_ids = fields.contact_ids.uuids();
    link(conn, &row, &contact_ids)?;
    refresh_last_interaction(
        conn,
        workspace_id,
        &contact_ids.iter().map(ToString::to_string).collect(),
    )?;
    let external = fields.external_ids.items().to_vec();
    row.view(contact_ids, external)
}

/// Logs many past interactions of one member at once (a network loaded with its
/// history): rows and links in batches, then each contact's clock once. The caller vouches
/// that the member and the contacts belong to the workspace and that nothing lies in the
/// future. Answers the new ids, in order.
pub fn insert_history(
    conn: &mut DbConn,
    workspace_id: &str,
    member_id: &str,
    history: Vec<NewInteraction>,
) -> Result<Vec<String>, ApiError> {
    let now = db_now();
    let mut touched = BTreeSet::new();
    let mut ids = Vec::with_capacity(history.len());
    for batch in history.chunks(BATCH_ROWS) {
        let rows: Vec<InteractionRow> = batch
            .iter()
            .map(|fields| {
                let id = uuid::Uuid::now_v7().to_string();
                InteractionRow::new(id, workspace_id, member_id.to_owned(), fields, 1, now)
            })
            .collect();
        insert_rows!(conn, interactions::table, &rows)?;
        let new_ids = rows.iter().map(|row| row.id.as_str());
        pending::touched(
            conn,
            workspace_id,
            ResourceType::Interaction,
            ChangeOp::Created,
            new_ids,
        )?;
        ids.extend(rows.iter().map(|row| row.id.clone()));
        let links: Vec<_> = rows
            .iter()
            .zip(batch)
            .flat_map(|(row, fields)| {
                fields
                    .contact_ids
                    .uuids()
                    .into_iter()
                    .map(move |contact_id| link_row(row, contact_id))
            })
            .collect();
        for links in links.chunks(BATCH_ROWS) {
            insert_rows!(conn, interaction_contacts::table, links)?;
        }
        touched.extend(
            batch
                .iter()
                .flat_map(|fields| fields.contact_ids.uuids())
                .map(|id| id.to_string()),
        );
    }
    refresh_last_interaction(conn, workspace_id, &touched)?;
    Ok(ids)
}

pub fn update(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    if_match: &IfMatch,
    patch: InteractionPatch,
) -> Result<Interaction, ApiError> {
    write_update(conn, workspace_id, id, if_match, patch)?;
    get(conn, workspace_id, id)
}

/// Changes an interaction and answers its version, without building what the API shows of
/// it (a batch answers only the version).
pub fn write_update(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    if_match: &IfMatch,
    patch: InteractionPatch,
) -> Result<i64, ApiError> {
    let current = live_row(conn, workspace_id, id)?;
    if_match.check(current.version)?;
    let previous_ids = contacts_of(conn, std::slice::from_ref(&current.id))?
        .remove(&current.id)
        .unwrap_or_default();
    // An ask logged before R1 covered interactions stays editable in its other fields.
    let moves_the_ask = patch.kind.is_some() || patch.channel.is_some();
    let external = patch.external_ids.clone();
    let fields = current.fields(&previous_ids)?.apply(patch);
    if moves_the_ask {
        check_ask(&fields)?;
    }
    let member_id = fields
        .member_id
        .map(|m| m.to_string())
        .unwrap_or_else(|| current.member_id.clone());
    check(conn, workspace_id, &member_id, &fields)?;
    let row = InteractionRow::new(
        current.id.clone(),
        workspace_id,
        member_id,
        &fields,
        current.version + 1,
        current.created_at,
    );
    // A change that changes nothing makes no new version: a sync that sends the same
    // record again leaves no trace in the feed or the ETag.
    let contact_ids = fields.contact_ids.uuids();
    let same_row = InteractionRow {
        version: current.version,
        updated_at: current.updated_at,
        ..row.clone()
    } == current;
    let same_contacts = {
        let (mut before, mut after) = (previous_ids.clone(), contact_ids.clone());
        before.sort();
        after.sort();
        before == after
    };
    let same_ids = match &external {
        None => true,
        Some(ids) => external_ids::holds(conn, workspace_id, Kind::Interaction, id, ids)?,
    };
    if same_row && same_contacts && same_ids {
        return Ok(current.version);
    }
    let previous_contacts = unlink(conn, id)?;
    update_at_version!(
        conn,
        interactions,
        id,
        current.version,
        &row,
        if_match.lost_race("interaction")
    )?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Interaction,
        ChangeOp::Updated,
        id,
    )?;
    if let Some(external) = external {
        external_ids::assign(
            conn,
            workspace_id,
            Kind::Interaction,
            id,
            &external,
            row.updated_at,
        )?;
    }
    link(conn, &row, &contact_ids)?;
    let mut touched: BTreeSet<String> = previous_contacts.into_iter().collect();
    touched.extend(contact_ids.iter().map(ToString::to_string));
    refresh_last_interaction(conn, workspace_id, &touched)?;
    Ok(row.version)
}

/// Creates or updates the interaction that holds `external`, from a PATCH-shaped body;
/// answers whether it was created.
pub fn upsert(
    conn: &mut DbConn,
    workspace_id: &str,
    actor: &str,
    external: ExternalId,
    patch: InteractionPatch,
) -> Result<(Interaction, bool), ApiError> {
    let written = write_upsert(conn, workspace_id, actor, external, patch)?;
    Ok((get(conn, workspace_id, &written.id)?, written.created))
}

/// An upsert that answers only what it wrote (a batch answers only the version).
pub fn write_upsert(
    conn: &mut DbConn,
    workspace_id: &str,
    actor: &str,
    external: ExternalId,
    patch: InteractionPatch,
) -> Result<Upserted, ApiError> {
    external_ids::upsert(
        conn,
        workspace_id,
        Kind::Interaction,
        &external,
        patch,
        |conn, fields| {
            let interaction = create(conn, workspace_id, actor, fields)?;
            Ok((interaction.id.to_string(), interaction.version))
        },
        |conn, id, patch| {
            diesel::update(interactions::table.find(id))
                .set(interactions::version.eq(interactions::version))
                .execute(conn)?;
            write_update(conn, workspace_id, id, &IfMatch::default(), patch)
        },
    )
}

/// Soft delete: the tombstone stays visible to sync; the contacts' clocks go back to their
/// previous interaction.
pub fn delete(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    if_match: &IfMatch,
) -> Result<(), ApiError> {
    let current = live_row(conn, workspace_id, id)?;
    if_match.check(current.version)?;
    soft_delete!(
        conn,
        interactions,
        id,
        current.version,
        if_match.lost_race("interaction")
    )?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Interaction,
        ChangeOp::Deleted,
        id,
    )?;
    // The tombstone says that it happened, not what was said.
    diesel::update(interactions::table.find(id))
        .set((
            interactions::summary.eq(None::<String>),
            interactions::notes.eq(None::<String>),
        ))
        .execute(conn)?;
    external_ids::release(conn, workspace_id, Kind::Interaction, id, db_now())?;
    let touched = unlink(conn, id)?;
    refresh_last_interaction(conn, workspace_id, &touched.into_iter().collect())
}

/// Refreshes what contacts show of their interactions (a merge moved some to them).
pub fn refresh_contacts(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_ids: &BTreeSet<String>,
) -> Result<(), ApiError> {
    refresh_last_interaction(conn, workspace_id, contact_ids)
}

/// Moves a merged duplicate's interactions to the contact it became; an interaction both
/// took part in keeps the survivor once. Each moved interaction is a new version. Answers
/// the interactions moved.
pub fn absorb_contact(
    conn: &mut DbConn,
    workspace_id: &str,
    duplicate_id: &str,
    survivor_id: &str,
) -> Result<Vec<String>, ApiError> {
    let moved: Vec<String> = interaction_contacts::table
        .filter(interaction_contacts::workspace_id.eq(workspace_id))
        .filter(interaction_contacts::contact_id.eq(duplicate_id))
        .select(interaction_contacts::interaction_id)
        .load(conn)?;
    let now = db_now();
    for chunk in moved.chunks(BATCH_ROWS) {
        let with_both: Vec<String> = interaction_contacts::table
            .filter(interaction_contacts::contact_id.eq(survivor_id))
            .filter(interaction_contacts::interaction_id.eq_any(chunk))
            .select(interaction_contacts::interaction_id)
            .load(conn)?;
        diesel::delete(
            interaction_contacts::table
                .filter(interaction_contacts::contact_id.eq(duplicate_id))
                .filter(interaction_contacts::interaction_id.eq_any(with_both)),
        )
        .execute(conn)?;
        diesel::update(
            interaction_contacts::table
                .filter(interaction_contacts::contact_id.eq(duplicate_id))
                .filter(interaction_contacts::interaction_id.eq_any(chunk)),
        )
        .set(interaction_contacts::contact_id.eq(survivor_id))
        .execute(conn)?;
        diesel::update(interactions::table.filter(interactions::id.eq_any(chunk)))
            .set((
                interactions::version.eq(interactions::version + 1),
                interactions::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    let ids = moved.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Interaction,
        ChangeOp::Updated,
        ids,
    )?;
    Ok(moved)
}

/// A data-protection erasure: the summary and notes of every interaction the contact took
/// part in are erased (also those shared with others: they are about this person too).
/// Each such interaction is a new version, so that synced systems erase them as well.
pub fn erase_notes_about(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_id: &str,
) -> Result<usize, ApiError> {
    let with_contact = interaction_contacts::table
        .filter(interaction_contacts::workspace_id.eq(workspace_id.to_owned()))
        .filter(interaction_contacts::contact_id.eq(contact_id.to_owned()))
        .select(interaction_contacts::interaction_id);
    let erased = diesel::update(
        interactions::table
            .filter(interactions::workspace_id.eq(workspace_id))
            .filter(interactions::id.eq_any(with_contact))
            .filter(
                interactions::summary
                    .is_not_null()
                    .or(interactions::notes.is_not_null()),
            ),
    )
    .set((
        interactions::summary.eq(None::<String>),
        interactions::notes.eq(None::<String>),
        interactions::version.eq(interactions::version + 1),
        interactions::updated_at.eq(db_now()),
    ))
    .returning(interactions::id)
    .get_results::<String>(conn)?;
    let ids = erased.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Interaction,
        ChangeOp::Updated,
        ids,
    )?;
    Ok(erased.len())
}

/// Fails with 404 unless `contact_id` is a live contact of the workspace.
pub fn ensure_contact(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_id: &str,
) -> Result<(), ApiError> {
    if crate::contacts::queries::exists(conn, workspace_id, contact_id)? {
        Ok(())
    } else {
        Err(ApiError::not_found(format!(
            "no contact {contact_id} in this workspace"
        )))
    }
}
