use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::domain::{
    check_transition, Currency, Direction, IntroductionPatch, IntroductionStatus, NewIntroduction,
    Prospect,
};
use crate::db::pending::{self, ChangeOp, ResourceType};
use crate::db::schema::introductions;
use crate::db::{soft_delete, update_at_version, DbConn};
use crate::error::ApiError;
use crate::external_ids::{self, holders, ExternalId, ExternalIds, Kind};
use crate::http::pagination::{Page, PageRequest};
use crate::http::precondition::IfMatch;
use crate::http::resource::{by_id, in_window, live_row, versioned, SyncWindow};
use crate::interactions::domain::NewInteraction;
use crate::time::{db_now, from_db, now, to_db};
use crate::values::{LongText, Money};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = introductions, treat_none_as_null = true)]
pub struct IntroductionRow {
    pub id: String,
    pub workspace_id: String,
    pub direction: String,
    pub member_id: String,
    pub referrer_id: Option<String>,
    pub prospect_id: Option<String>,
    pub request_id: Option<String>,
    pub first_contact_id: Option<String>,
    pub second_contact_id: Option<String>,
    pub interaction_id: Option<String>,
    pub status: String,
    pub introduced_at: NaiveDateTime,
    pub meeting_at: Option<NaiveDateTime>,
    pub deal_value_cents: Option<i64>,
    pub currency: Option<String>,
    pub closed_at: Option<NaiveDateTime>,
    pub notes: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
}

/// An introduction and what it turned into.
#[derive(Debug, Serialize, ToSchema)]
pub struct Introduction {
    pub id: uuid::Uuid,
    pub direction: Direction,
    /// The member who received or made it.
    pub member_id: uuid::Uuid,
    /// Received: who introduced us.
    pub referrer_id: Option<uuid::Uuid>,
    /// Received: whom we were introduced to.
    pub prospect_id: Option<uuid::Uuid>,
    /// Received: the referral request it answers.
    pub request_id: Option<uuid::Uuid>,
    /// Given: the two contacts we introduced to each other.
    pub contact_ids: Vec<uuid::Uuid>,
    /// Given: the `introduction_made` interaction logged with both.
    pub interaction_id: Option<uuid::Uuid>,
    pub status: IntroductionStatus,
    pub introduced_at: DateTime<Utc>,
    pub meeting_at: Option<DateTime<Utc>>,
    /// With `currency`.
    pub deal_value: Option<Money>,
    pub currency: Option<String>,
    /// When it was won, lost or went unanswered.
    pub closed_at: Option<DateTime<Utc>>,
    pub notes: Option<String>,
    /// The ids other systems know it by; a deleted introduction keeps them, released.
    pub external_ids: Vec<ExternalId>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

versioned!(Introduction);

fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("stored introduction has an invalid {what}"))
}

fn uuid(text: &str) -> Result<uuid::Uuid, ApiError> {
    text.parse().map_err(|_| corrupt("id"))
}

fn optional_uuid(text: &Option<String>) -> Result<Option<uuid::Uuid>, ApiError> {
    text.as_deref().map(uuid).transpose()
}

impl IntroductionRow {
    fn status(&self) -> Result<IntroductionStatus, ApiError> {
        self.status.parse().map_err(|_| corrupt("status"))
    }

    fn view(self, external_ids: Vec<ExternalId>) -> Result<Introduction, ApiError> {
        let contact_ids = [&self.first_contact_id, &self.second_contact_id]
            .into_iter()
            .filter_map(|id| id.as_deref().map(uuid))
            .collect::<Result<_, _>>()?;
        Ok(Introduction {
            id: uuid(&self.id)?,
            direction: self.direction.parse().map_err(|_| corrupt("direction"))?,
            member_id: uuid(&self.member_id)?,
            referrer_id: optional_uuid(&self.referrer_id)?,
            prospect_id: optional_uuid(&self.prospect_id)?,
            request_id: optional_uuid(&self.request_id)?,
            contact_ids,
            interaction_id: optional_uuid(&self.interaction_id)?,
            status: self.status()?,
            introduced_at: from_db(self.introduced_at),
            meeting_at: self.meeting_at.map(from_db),
            deal_value: self.deal_value_cents.map(Money),
            currency: self.currency,
            closed_at: self.closed_at.map(from_db),
            notes: self.notes,
            version: self.version,
            created_at: from_db(self.created_at),
            updated_at: from_db(self.updated_at),
            deleted_at: self.deleted_at.map(from_db),
            external_ids,
        })
    }
}

fn live_row(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<IntroductionRow, ApiError> {
    live_row!(
        conn,
        introductions,
        IntroductionRow,
        workspace_id,
        id,
        "introduction"
    )
}

pub fn get(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<Introduction, ApiError> {
    let row = live_row(conn, workspace_id, id)?;
    Ok(views(conn, workspace_id, vec![row])?.remove(0))
}

/// Introductions as the API shows them, with the ids other systems know them by.
fn views(
    conn: &mut DbConn,
    workspace_id: &str,
    rows: Vec<IntroductionRow>,
) -> Result<Vec<Introduction>, ApiError> {
    let ids: Vec<String> = rows.iter().map(|row| row.id.clone()).collect();
    let mut external = external_ids::of(conn, workspace_id, Kind::Introduction, &ids)?;
    rows.into_iter()
        .map(|row| {
            let external = external.remove(&row.id).unwrap_or_default();
            row.view(external)
        })
        .collect()
}

fn ensure_contact(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &uuid::Uuid,
    pointer: &str,
) -> Result<String, ApiError> {
    let id = id.to_string();
    if crate::contacts::queries::exists(conn, workspace_id, &id)? {
        Ok(id)
    } else {
        Err(ApiError::invalid_field(
            pointer,
            "is not a contact of this workspace",
        ))
    }
}

fn when(introduced_at: Option<DateTime<Utc>>) -> Result<NaiveDateTime, ApiError> {
    let at = introduced_at.unwrap_or_else(now);
    if at > now() + chrono::Duration::minutes(5) {
        return Err(ApiError::invalid_field(
            "/introduced_at",
            "is in the future",
        ));
    }
    Ok(to_db(at))
}

fn text(value: &Option<LongText>) -> Option<String> {
    value.as_ref().map(|v| v.as_str().to_owned())
}

pub fn create(
    conn: &mut DbConn,
    workspace_id: &str,
    member_id: &str,
    fields: NewIntroduction,
    external: &ExternalIds,
) -> Result<Introduction, ApiError> {
    let created = db_now();
    let mut row = IntroductionRow {
        id: uuid::Uuid::now_v7().to_string(),
        workspace_id: workspace_id.to_owned(),
        direction: String::new(),
        member_id: member_id.to_owned(),
        referrer_id: None,
        prospect_id: None,
        request_id: None,
        first_contact_id: None,
        second_contact_id: None,
        interaction_id: None,
        status: IntroductionStatus::Pending.as_str().to_owned(),
        introduced_at: created,
        meeting_at: None,
        deal_value_cents: None,
        currency: None,
        closed_at: None,
        notes: None,
        version: 1,
        created_at: created,
        updated_at: created,
        deleted_at: None,
    };
    match fields {
        NewIntroduction::Received {
            referrer_id,
            prospect,
            request_id,
            introduced_at,
            notes,
        } => {
            row.direction = Direction::Received.as_str().to_owned();
            row.introduced_at = when(introduced_at)?;
            row.notes = text(&notes);
            let referrer = ensure_contact(conn, workspace_id, &referrer_id, "/referrer_id")?;
            let prospect = match prospect {
                Prospect::Known(id) => ensure_contact(conn, workspace_id, &id, "/prospect_id")?,
                Prospect::New(mut contact) => {
                    contact.met_through_id = contact.met_through_id.or(Some(referrer_id));
                    crate::contacts::queries::create(conn, workspace_id, member_id, *contact)
                        .map_err(|e| e.under("/prospect"))?
                        .id
                        .to_string()
                }
            };
            if prospect == referrer {
                return Err(ApiError::invalid_field("/prospect_id", "is the referrer"));
            }
            if let Some(request_id) = request_id {
                let request_id = request_id.to_string();
                crate::referrals::requests::introduced(
                    conn,
                    workspace_id,
                    &request_id,
                    &referrer,
                    member_id,
                )?;
                row.request_id = Some(request_id);
            }
            row.referrer_id = Some(referrer);
            row.prospect_id = Some(prospect);
        }
        NewIntroduction::Given {
            contact_ids: [first, second],
            introduced_at,
            notes,
        } => {
            row.direction = Direction::Given.as_str().to_owned();
            row.introduced_at = when(introduced_at)?;
            row.notes = text(&notes);
            let first = ensure_contact(conn, workspace_id, &first, "/contact_ids/0")?;
            let second = ensure_contact(conn, workspace_id, &second, "/contact_ids/1")?;
            if first == second {
                return Err(ApiError::invalid_field(
                    "/contact_ids/1",
                    "is the same contact as the first",
                ));
            }
            let give: NewInteraction = serde_json::from_value(serde_json::json!({
                "contact_ids": [first, second],
                "occurred_at": from_db(row.introduced_at),
                "channel": "email",
                "kind": "introduction_made",
                "summary": "Introduced them to each other",
            }))
            .map_err(ApiError::internal)?;
            let interaction =
                crate::interactions::queries::create(conn, workspace_id, member_id, give)?;
            row.interaction_id = Some(interaction.id.to_string());
            row.first_contact_id = Some(first);
            row.second_contact_id = Some(second);
        }
    }
    diesel::insert_into(introductions::table)
        .values(&row)
        .execute(conn)?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Introduction,
        ChangeOp::Created,
        &row.id,
    )?;
    external_ids::assign(
        conn,
        workspace_id,
        Kind::Introduction,
        &row.id,
        external,
        created,
    )?;
    settle(conn, &row)?;
    row.view(external.items().to_vec())
}

/// What a received introduction owes its referrer follows its status and close.
fn settle(conn: &mut DbConn, row: &IntroductionRow) -> Result<(), ApiError> {
    match &row.referrer_id {
        Some(referrer) => {
            crate::nurture::loops::settle(conn, &row.workspace_id, std::slice::from_ref(referrer))
        }
        None => Ok(()),
    }
}

/// Edits an introduction and moves it along; the request it answers follows its status.
pub fn update(
    conn: &mut DbConn,
    workspace_id: &str,
    actor: &str,
    id: &str,
    if_match: &IfMatch,
    patch: IntroductionPatch,
) -> Result<Introduction, ApiError> {
    let current = live_row(conn, workspace_id, id)?;
    if_match.check(current.version)?;
    if let Some(external) = &patch.external_ids {
        let kind = Kind::Introduction;
        external_ids::assign(conn, workspace_id, kind, id, external, db_now())?;
    }
    let mut row = current.clone();
    if let Some(to) = patch.status {
        check_transition(current.status()?, to)
            .map_err(|reason| ApiError::conflict("invalid_transition", reason))?;
        row.status = to.as_str().to_owned();
        if to.is_closed() {
            row.closed_at = Some(db_now());
        }
    }
    if let Some(meeting_at) = patch.meeting_at {
        row.meeting_at = meeting_at.map(to_db);
    }
    if let Some(value) = patch.deal_value {
        row.deal_value_cents = value.map(|v| v.0);
    }
    if let Some(currency) = patch.currency {
        row.currency = currency.map(Currency::into);
    }
    if let Some(notes) = &patch.notes {
        row.notes = text(notes);
    }
    if row.deal_value_cents.is_some() && row.currency.is_none() {
        return Err(ApiError::invalid_field(
            "/currency",
            "is required with `deal_value`",
        ));
    }
    row.version = current.version + 1;
    row.updated_at = db_now();
    update_at_version!(
        conn,
        introductions,
        id,
        current.version,
        &row,
        if_match.lost_race("introduction")
    )?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Introduction,
        ChangeOp::Updated,
        id,
    )?;
    settle(conn, &row)?;
    if let (Some(to), Some(request_id)) = (patch.status, &row.request_id) {
        crate::referrals::requests::follow_introduction(
            conn,
            workspace_id,
            request_id,
            to.request_stage(),
            actor,
        )?;
    }
    get(conn, workspace_id, id)
}

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
        introductions,
        id,
        current.version,
        if_match.lost_race("introduction")
    )?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Introduction,
        ChangeOp::Deleted,
        id,
    )?;
    // The tombstone keeps the stages for sync, not the notes.
    diesel::update(introductions::table.find(id))
        .set(introductions::notes.eq(None::<String>))
        .execute(conn)?;
    external_ids::release(conn, workspace_id, Kind::Introduction, id, db_now())?;
    Ok(())
}

/// Moves a merged duplicate's live introductions (as referrer, prospect or one of the
/// two introduced) to the contact it became; each is a new version. Answers the
/// introductions moved.
pub fn absorb_contact(
    conn: &mut DbConn,
    workspace_id: &str,
    duplicate_id: &str,
    survivor_id: &str,
) -> Result<Vec<String>, ApiError> {
    let live = || {
        introductions::table
            .filter(introductions::workspace_id.eq(workspace_id))
            .filter(introductions::deleted_at.is_null())
    };
    let bump = (
        introductions::version.eq(introductions::version + 1),
        introductions::updated_at.eq(db_now()),
    );
    let mut moved: Vec<String> = Vec::new();
    moved.extend(
        diesel::update(live().filter(introductions::referrer_id.eq(duplicate_id)))
            .set((introductions::referrer_id.eq(survivor_id), bump))
            .returning(introductions::id)
            .get_results::<String>(conn)?,
    );
    moved.extend(
        diesel::update(live().filter(introductions::prospect_id.eq(duplicate_id)))
            .set((introductions::prospect_id.eq(survivor_id), bump))
            .returning(introductions::id)
            .get_results::<String>(conn)?,
    );
    moved.extend(
        diesel::update(live().filter(introductions::first_contact_id.eq(duplicate_id)))
            .set((introductions::first_contact_id.eq(survivor_id), bump))
            .returning(introductions::id)
            .get_results::<String>(conn)?,
    );
    moved.extend(
        diesel::update(live().filter(introductions::second_contact_id.eq(duplicate_id)))
            .set((introductions::second_contact_id.eq(survivor_id), bump))
            .returning(introductions::id)
            .get_results::<String>(conn)?,
    );
    moved.sort();
    moved.dedup();
    let ids = moved.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Introduction,
        ChangeOp::Updated,
        ids,
    )?;
    Ok(moved)
}

/// Filters of the introduction list; all optional, combined with AND.
#[derive(Debug, Default)]
pub struct IntroductionFilter {
    pub direction: Option<Direction>,
    pub status: Option<IntroductionStatus>,
    pub referrer_id: Option<String>,
    pub external_id: Option<ExternalId>,
    pub window: SyncWindow,
}

pub fn list(
    conn: &mut DbConn,
    workspace_id: &str,
    filter: &IntroductionFilter,
    page: &PageRequest,
) -> Result<Page<Introduction>, ApiError> {
    let mut query = in_window!(
        by_id!(introductions, IntroductionRow, page),
        introductions,
        workspace_id,
        &filter.window
    );
    if let Some(direction) = filter.direction {
        query = query.filter(introductions::direction.eq(direction.as_str()));
    }
    if let Some(status) = filter.status {
        query = query.filter(introductions::status.eq(status.as_str()));
    }
    if let Some(referrer) = &filter.referrer_id {
        query = query.filter(introductions::referrer_id.eq(referrer.clone()));
    }
    if let Some(external) = &filter.external_id {
        let holders = holders!(workspace_id, Kind::Introduction, external);
        query = query.filter(introductions::id.eq_any(holders));
    }
    let rows = query.load::<IntroductionRow>(conn)?;
    let introductions = views(conn, workspace_id, rows)?;
    Ok(page.page(introductions, |i| i.id.to_string()))
}
