//! Referral requests in storage: create, list, read, move along the pipeline, delete.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::domain::{
    check_transition, forward_path, NewReferralRequest, ReferralRequestPatch, RequestStatus, Target,
};
use super::queries::{readiness, ReferralReadiness};
use crate::db::pending::{self, ChangeOp, ResourceType};
use crate::db::schema::{referral_request_events, referral_requests};
use crate::db::{soft_delete, update_at_version, DbConn};
use crate::error::ApiError;
use crate::external_ids::{self, holders, ExternalId, Kind};
use crate::http::pagination::{Page, PageRequest};
use crate::http::precondition::IfMatch;
use crate::http::resource::{by_id, in_window, live_row, versioned, SyncWindow};
use crate::interactions::domain::{check_ask_channel, Channel, NewInteraction};
use crate::time::{db_now, from_db, to_db};
use crate::values::{Label, LongText};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = referral_requests, treat_none_as_null = true)]
pub struct RequestRow {
    pub id: String,
    pub workspace_id: String,
    pub referrer_id: String,
    pub member_id: String,
    pub target_contact_id: Option<String>,
    pub target_name: Option<String>,
    pub target_company: Option<String>,
    pub target_title: Option<String>,
    pub business_reason: Option<String>,
    pub ideal_introduction: Option<String>,
    pub notes: Option<String>,
    pub status: String,
    pub ask_channel: Option<String>,
    pub asked_at: Option<NaiveDateTime>,
    pub ask_interaction_id: Option<String>,
    pub agreed_at: Option<NaiveDateTime>,
    pub introduced_at: Option<NaiveDateTime>,
    pub meeting_held_at: Option<NaiveDateTime>,
    pub ended_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
}

/// Who the request is for, as stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct TargetView {
    /// Set when the person is in the network.
    pub contact_id: Option<uuid::Uuid>,
    pub name: Option<String>,
    pub company: Option<String>,
    pub title: Option<String>,
}

/// One status a request took.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusChange {
    pub status: RequestStatus,
    pub at: DateTime<Utc>,
    /// The member who moved it.
    pub member_id: uuid::Uuid,
}

/// An ask for a referral and where it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferralRequest {
    pub id: uuid::Uuid,
    /// The contact asked for the introduction.
    pub referrer_id: uuid::Uuid,
    /// The member asking.
    pub member_id: uuid::Uuid,
    pub target: TargetView,
    pub business_reason: Option<String>,
    pub ideal_introduction: Option<String>,
    pub notes: Option<String>,
    pub status: RequestStatus,
    /// How the ask was made (set on moving to `asked`).
    pub ask_channel: Option<Channel>,
    pub asked_at: Option<DateTime<Utc>>,
    /// The `referral_ask` interaction logged with the referrer when asking.
    pub ask_interaction_id: Option<uuid::Uuid>,
    /// Every status, oldest first.
    pub history: Vec<StatusChange>,
    /// The ids other systems know it by; a deleted request keeps them, released.
    pub external_ids: Vec<ExternalId>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

versioned!(ReferralRequest);

fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!(
        "stored referral request has an invalid {what}"
    ))
}

fn uuid(text: &str) -> Result<uuid::Uuid, ApiError> {
    text.parse().map_err(|_| corrupt("id"))
}

type EventRow = (String, String, String, NaiveDateTime);

impl RequestRow {
    fn status(&self) -> Result<RequestStatus, ApiError> {
        self.status.parse().map_err(|_| corrupt("status"))
    }

    fn set_target(&mut self, target: &Target) {
        let text = |value: &Option<Label>| value.as_ref().map(|v| v.as_str().to_owned());
        (
            self.target_contact_id,
            self.target_name,
            self.target_company,
            self.target_title,
        ) = match target {
            Target::Contact(id) => (Some(id.to_string()), None, None, None),
            Target::Person {
                name,
                company,
                title,
            } => (
                None,
                Some(name.as_str().to_owned()),
                text(company),
                text(title),
            ),
        };
    }

    fn view(
        self,
        events: Vec<EventRow>,
        external_ids: Vec<ExternalId>,
    ) -> Result<ReferralRequest, ApiError> {
        let mut history = events
            .into_iter()
            .map(|(_, status, member_id, at)| {
                Ok(StatusChange {
                    status: status.parse().map_err(|_| corrupt("status"))?,
                    at: from_db(at),
                    member_id: uuid(&member_id)?,
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        // Moves made at one instant (a migration dates two stages by one close) still read
        // in pipeline order: statuses only move forward, and `ALL` lists them so.
        history.sort_by_key(|change| {
            let rank = RequestStatus::ALL.iter().position(|s| *s == change.status);
            (change.at, rank)
        });
        Ok(ReferralRequest {
            id: uuid(&self.id)?,
            referrer_id: uuid(&self.referrer_id)?,
            member_id: uuid(&self.member_id)?,
            target: TargetView {
                contact_id: self.target_contact_id.as_deref().map(uuid).transpose()?,
                name: self.target_name,
                company: self.target_company,
                title: self.target_title,
            },
            business_reason: self.business_reason,
            ideal_introduction: self.ideal_introduction,
            notes: self.notes,
            status: self.status.parse().map_err(|_| corrupt("status"))?,
            ask_channel: self
                .ask_channel
                .as_deref()
                .map(|c| c.parse().map_err(|_| corrupt("ask channel")))
                .transpose()?,
            asked_at: self.asked_at.map(from_db),
            ask_interaction_id: self.ask_interaction_id.as_deref().map(uuid).transpose()?,
            history,
            external_ids,
            version: self.version,
            created_at: from_db(self.created_at),
            updated_at: from_db(self.updated_at),
            deleted_at: self.deleted_at.map(from_db),
        })
    }
}

fn events_of(conn: &mut DbConn, ids: &[String]) -> Result<Vec<EventRow>, ApiError> {
    Ok(referral_request_events::table
        .filter(referral_request_events::request_id.eq_any(ids))
        .order((
            referral_request_events::at.asc(),
            referral_request_events::id.asc(),
        ))
        .select((
            referral_request_events::request_id,
            referral_request_events::status,
            referral_request_events::member_id,
            referral_request_events::at,
        ))
        .load(conn)?)
}

fn views(
    conn: &mut DbConn,
    workspace_id: &str,
    rows: Vec<RequestRow>,
) -> Result<Vec<ReferralRequest>, ApiError> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let mut events = events_of(conn, &ids)?;
    let mut external = external_ids::of(conn, workspace_id, Kind::ReferralRequest, &ids)?;
    rows.into_iter()
        .map(|row| {
            let (mine, rest): (Vec<_>, Vec<_>) = events.drain(..).partition(|e| e.0 == row.id);
            events = rest;
            let external = external.remove(&row.id).unwrap_or_default();
            row.view(mine, external)
        })
        .collect()
}

fn record(
    conn: &mut DbConn,
    request_id: &str,
    status: RequestStatus,
    member_id: &str,
    at: NaiveDateTime,
) -> Result<(), ApiError> {
    diesel::insert_into(referral_request_events::table)
        .values((
            referral_request_events::id.eq(uuid::Uuid::now_v7().to_string()),
            referral_request_events::request_id.eq(request_id),
            referral_request_events::status.eq(status.as_str()),
            referral_request_events::member_id.eq(member_id),
            referral_request_events::at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

fn live_row(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<RequestRow, ApiError> {
    live_row!(
        conn,
        referral_requests,
        RequestRow,
        workspace_id,
        id,
        "referral request"
    )
}

pub fn get(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<ReferralRequest, ApiError> {
    let row = live_row(conn, workspace_id, id)?;
    Ok(views(conn, workspace_id, vec![row])?.remove(0))
}

/// Asks still waiting on each of these referrers (`asked` or `agreed`), other than
/// `except`.
pub fn open_asks_of(
    conn: &mut DbConn,
    referrer_ids: &[String],
    except: Option<&str>,
) -> Result<HashMap<String, i64>, ApiError> {
    let open: Vec<&str> = RequestStatus::ALL
        .iter()
        .filter(|s| s.is_open_ask())
        .map(|s| s.as_str())
        .collect();
    let mut query = referral_requests::table
        .filter(referral_requests::referrer_id.eq_any(referrer_ids))
        .filter(referral_requests::status.eq_any(open))
        .filter(referral_requests::deleted_at.is_null())
        .select((referral_requests::referrer_id, referral_requests::id))
        .into_boxed();
    if let Some(except) = except {
        query = query.filter(referral_requests::id.ne(except.to_owned()));
    }
    let mut counts = HashMap::new();
    for (referrer, _) in query.load::<(String, String)>(conn)? {
        *counts.entry(referrer).or_default() += 1;
    }
    Ok(counts)
}

/// Checks what a new request refers to: a live referrer and a member of the workspace,
/// and its target.
fn check_references(
    conn: &mut DbConn,
    workspace_id: &str,
    row: &RequestRow,
) -> Result<(), ApiError> {
    if !crate::contacts::queries::exists(conn, workspace_id, &row.referrer_id)? {
        return Err(ApiError::invalid_field(
            "/referrer_id",
            "is not a contact of this workspace",
        ));
    }
    if !crate::workspaces::queries::is_member(conn, workspace_id, &row.member_id)? {
        return Err(ApiError::invalid_field(
            "/member_id",
            "is not a member of this workspace",
        ));
    }
    check_target(conn, workspace_id, row)
}

/// A target in the network is a live contact of the workspace other than the referrer.
fn check_target(conn: &mut DbConn, workspace_id: &str, row: &RequestRow) -> Result<(), ApiError> {
    if let Some(target) = &row.target_contact_id {
        if target == &row.referrer_id {
            return Err(ApiError::invalid_field(
                "/target/contact_id",
                "is the referrer; ask them for someone else",
            ));
        }
        if !crate::contacts::queries::exists(conn, workspace_id, target)? {
            return Err(ApiError::invalid_field(
                "/target/contact_id",
                "is not a contact of this workspace",
            ));
        }
    }
    Ok(())
}

/// R2 and R1, then the ask itself: the `referral_ask` interaction with the referrer, in
/// the caller's transaction.
fn ask(conn: &mut DbConn, row: &mut RequestRow, how: Ask) -> Result<(), ApiError> {
    let Ask { channel, at } = how;
    let missing: Vec<&str> = [
        ("/business_reason", row.business_reason.is_none()),
        ("/ideal_introduction", row.ideal_introduction.is_none()),
    ]
    .into_iter()
    .filter_map(|(pointer, missing)| missing.then_some(pointer))
    .collect();
    if let Some(pointer) = missing.first() {
        return Err(ApiError::rule(
            "business_reason_required",
            *pointer,
            "before asking, say why the introduction is worth their while (`business_reason`) and who exactly you want to meet and how (`ideal_introduction`)",
        ));
    }
    let channel = channel.ok_or_else(|| {
        ApiError::rule(
            "ask_channel_required",
            "/ask_channel",
            "say how you asked: `in_person`, `phone`, `video` or `event`",
        )
    })?;
    check_ask_channel(channel)
        .map_err(|reason| ApiError::rule("ask_channel_not_personal", "/ask_channel", reason))?;
    let whom = row
        .target_name
        .clone()
        .map(|name| format!(" to {name}"))
        .unwrap_or_default();
    let fields: NewInteraction = serde_json::from_value(serde_json::json!({
        "contact_ids": [row.referrer_id],
        "member_id": row.member_id,
        "occurred_at": at.unwrap_or_else(crate::time::now),
        "channel": channel,
        "kind": "referral_ask",
        "summary": format!("Asked for an introduction{whom}").chars().take(500).collect::<String>(),
    }))
    .map_err(ApiError::internal)?;
    let interaction =
        crate::interactions::queries::create(conn, &row.workspace_id, &row.member_id, fields)
            .map_err(|e| match e.code() {
                "interaction_in_future" => ApiError::invalid_field("/asked_at", "is in the future"),
                _ => e,
            })?;
    row.ask_channel = Some(channel.as_str().to_owned());
    row.asked_at = Some(to_db(interaction.occurred_at));
    row.ask_interaction_id = Some(interaction.id.to_string());
    Ok(())
}

/// R2 after the ask: once a request has left `planned`, its business reason and ideal
/// introduction may be reworded but not cleared.
fn keep_reason(row: &RequestRow, patch: &ReferralRequestPatch) -> Result<(), ApiError> {
    if row.status()? == RequestStatus::Planned {
        return Ok(());
    }
    let cleared = [
        ("/business_reason", &patch.business_reason),
        ("/ideal_introduction", &patch.ideal_introduction),
    ]
    .into_iter()
    .find(|(_, value)| matches!(value, Some(None)));
    match cleared {
        Some((pointer, _)) => Err(ApiError::rule(
            "business_reason_required",
            pointer,
            format!(
                "a request that is `{}` keeps why the introduction is worth their while (`business_reason`) and who exactly you want to meet (`ideal_introduction`): reword them, but do not clear them",
                row.status
            ),
        )),
        None => Ok(()),
    }
}

/// How and when an ask was made, as the client said.
#[derive(Debug, Default, Clone, Copy)]
struct Ask {
    channel: Option<Channel>,
    at: Option<DateTime<Utc>>,
}

impl Ask {
    /// Fails unless the move is to `asked`, when the client said something of the ask.
    fn only_when_asking(&self, to: Option<RequestStatus>) -> Result<(), ApiError> {
        if to == Some(RequestStatus::Asked) {
            return Ok(());
        }
        let only = "is given only with `status: \"asked\"`";
        match (self.channel, self.at) {
            (Some(_), _) => Err(ApiError::invalid_field("/ask_channel", only)),
            (_, Some(_)) => Err(ApiError::invalid_field("/asked_at", only)),
            _ => Ok(()),
        }
    }
}

/// Moves `row` to `to`, with what the move needs; the caller stores the row.
fn transition(
    conn: &mut DbConn,
    row: &mut RequestRow,
    to: RequestStatus,
    how: Ask,
    actor: &str,
) -> Result<(), ApiError> {
    check_transition(row.status()?, to)
        .map_err(|reason| ApiError::conflict("invalid_transition", reason))?;
    let now = db_now();
    match to {
        RequestStatus::Planned => {}
        RequestStatus::Asked => ask(conn, row, how)?,
        RequestStatus::Agreed => row.agreed_at = Some(now),
        RequestStatus::Introduced => row.introduced_at = Some(now),
        RequestStatus::MeetingHeld => row.meeting_held_at = Some(now),
        RequestStatus::Won
        | RequestStatus::Lost
        | RequestStatus::Declined
        | RequestStatus::Withdrawn => row.ended_at = Some(now),
    }
    row.status = to.as_str().to_owned();
    record(conn, &row.id, to, actor, now)
}

fn text(value: &Option<LongText>) -> Option<String> {
    value.as_ref().map(|v| v.as_str().to_owned())
}

/// Records a request; its referrer's readiness is judged before anything is asked.
pub fn create(
    conn: &mut DbConn,
    workspace_id: &str,
    caller_member_id: &str,
    fields: NewReferralRequest,
) -> Result<(ReferralRequest, Option<ReferralReadiness>), ApiError> {
    let now = db_now();
    let mut row = RequestRow {
        id: uuid::Uuid::now_v7().to_string(),
        workspace_id: workspace_id.to_owned(),
        referrer_id: fields.referrer_id.to_string(),
        member_id: fields
            .member_id
            .map(|m| m.to_string())
            .unwrap_or_else(|| caller_member_id.to_owned()),
        target_contact_id: None,
        target_name: None,
        target_company: None,
        target_title: None,
        business_reason: text(&fields.business_reason),
        ideal_introduction: text(&fields.ideal_introduction),
        notes: text(&fields.notes),
        status: RequestStatus::Planned.as_str().to_owned(),
        ask_channel: None,
        asked_at: None,
        ask_interaction_id: None,
        agreed_at: None,
        introduced_at: None,
        meeting_held_at: None,
        ended_at: None,
        version: 1,
        created_at: now,
        updated_at: now,
        deleted_at: None,
    };
    row.set_target(&fields.target);
    check_references(conn, workspace_id, &row)?;
    let readiness = Some(readiness(conn, workspace_id, &row.referrer_id, None)?);
    diesel::insert_into(referral_requests::table)
        .values(&row)
        .execute(conn)?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::ReferralRequest,
        ChangeOp::Created,
        &row.id,
    )?;
    let (kind, external) = (Kind::ReferralRequest, &fields.external_ids);
    external_ids::assign(conn, workspace_id, kind, &row.id, external, now)?;
    record(conn, &row.id, RequestStatus::Planned, caller_member_id, now)?;
    let how = Ask {
        channel: fields.ask_channel,
        at: fields.asked_at,
    };
    match fields.status {
        None | Some(RequestStatus::Planned) => how.only_when_asking(fields.status)?,
        Some(RequestStatus::Asked) => {
            transition(conn, &mut row, RequestStatus::Asked, how, caller_member_id)?;
            diesel::update(referral_requests::table.find(&row.id))
                .set(&row)
                .execute(conn)?;
        }
        Some(_) => {
            return Err(ApiError::invalid_field(
                "/status",
                "a new request is `planned` or `asked`; move it on with PATCH",
            ))
        }
    }
    Ok((get(conn, workspace_id, &row.id)?, readiness))
}

/// Edits a request and moves it along; the referrer's readiness is judged before the move.
pub fn update(
    conn: &mut DbConn,
    workspace_id: &str,
    actor: &str,
    id: &str,
    if_match: &IfMatch,
    patch: ReferralRequestPatch,
) -> Result<(ReferralRequest, Option<ReferralReadiness>), ApiError> {
    let current = live_row(conn, workspace_id, id)?;
    if_match.check(current.version)?;
    if let Some(external) = &patch.external_ids {
        let kind = Kind::ReferralRequest;
        external_ids::assign(conn, workspace_id, kind, id, external, db_now())?;
    }
    let mut row = current.clone();
    if let Some(target) = &patch.target {
        row.set_target(target);
    }
    if let Some(value) = &patch.business_reason {
        row.business_reason = text(value);
    }
    if let Some(value) = &patch.ideal_introduction {
        row.ideal_introduction = text(value);
    }
    if let Some(value) = &patch.notes {
        row.notes = text(value);
    }
    if patch.target.is_some() {
        check_target(conn, workspace_id, &row)?;
    }
    let how = Ask {
        channel: patch.ask_channel,
        at: patch.asked_at,
    };
    how.only_when_asking(patch.status)?;
    // A referrer deleted since the ask has no readiness; the request stays closable.
    let readiness = if crate::contacts::queries::exists(conn, workspace_id, &row.referrer_id)? {
        Some(readiness(conn, workspace_id, &row.referrer_id, Some(id))?)
    } else {
        None
    };
    if let Some(to) = patch.status {
        transition(conn, &mut row, to, how, actor)?;
    }
    keep_reason(&row, &patch)?;
    row.version = current.version + 1;
    row.updated_at = db_now();
    update_at_version!(
        conn,
        referral_requests,
        id,
        current.version,
        &row,
        if_match.lost_race("referral request")
    )?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::ReferralRequest,
        ChangeOp::Updated,
        id,
    )?;
    Ok((get(conn, workspace_id, id)?, readiness))
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
        referral_requests,
        id,
        current.version,
        if_match.lost_race("referral request")
    )?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::ReferralRequest,
        ChangeOp::Deleted,
        id,
    )?;
    // The tombstone keeps the stages for sync; the words about the people go.
    diesel::update(referral_requests::table.find(id))
        .set((
            referral_requests::target_name.eq(None::<String>),
            referral_requests::target_company.eq(None::<String>),
            referral_requests::target_title.eq(None::<String>),
            referral_requests::business_reason.eq(None::<String>),
            referral_requests::ideal_introduction.eq(None::<String>),
            referral_requests::notes.eq(None::<String>),
        ))
        .execute(conn)?;
    external_ids::release(conn, workspace_id, Kind::ReferralRequest, id, db_now())?;
    Ok(())
}

/// A received introduction answers this request: it moves to `introduced` (through
/// `agreed` when the referrer went straight from the ask to the introduction), or the
/// introduction is refused.
pub fn introduced(
    conn: &mut DbConn,
    workspace_id: &str,
    request_id: &str,
    referrer_id: &str,
    actor: &str,
) -> Result<(), ApiError> {
    let current = live_row(conn, workspace_id, request_id).map_err(|e| match e.code() {
        "not_found" => {
            ApiError::invalid_field("/request_id", "is not a referral request of this workspace")
        }
        _ => e,
    })?;
    if current.referrer_id != referrer_id {
        return Err(ApiError::invalid_field(
            "/request_id",
            "was made to another referrer",
        ));
    }
    let to = RequestStatus::Introduced;
    let from = current.status()?;
    let path = forward_path(from, to)
        .filter(|path| !path.is_empty())
        .ok_or_else(|| {
            let reason = check_transition(from, to).err().unwrap_or_default();
            ApiError::conflict("invalid_transition", reason)
        })?;
    advance(conn, current, &path, actor)
}

/// The introduction answering this request moved: the request follows to the matching
/// stage in the same transaction, forward only and along legal moves (R10, one funnel).
/// A request already there or past it, closed another way, or deleted, stays as it is.
pub fn follow_introduction(
    conn: &mut DbConn,
    workspace_id: &str,
    request_id: &str,
    stage: RequestStatus,
    actor: &str,
) -> Result<(), ApiError> {
    let current = match live_row(conn, workspace_id, request_id) {
        Ok(row) => row,
        Err(e) if e.code() == "not_found" => return Ok(()),
        Err(e) => return Err(e),
    };
    match forward_path(current.status()?, stage) {
        Some(path) if !path.is_empty() => advance(conn, current, &path, actor),
        _ => Ok(()),
    }
}

/// Takes `current` through `path`, recording each move, as one new version.
fn advance(
    conn: &mut DbConn,
    current: RequestRow,
    path: &[RequestStatus],
    actor: &str,
) -> Result<(), ApiError> {
    let mut row = current.clone();
    for &step in path {
        transition(conn, &mut row, step, Ask::default(), actor)?;
    }
    row.version = current.version + 1;
    row.updated_at = db_now();
    update_at_version!(
        conn,
        referral_requests,
        &current.id,
        current.version,
        &row,
        ApiError::concurrent_update("referral request")
    )?;
    let (workspace_id, id) = (&current.workspace_id, &current.id);
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::ReferralRequest,
        ChangeOp::Updated,
        id,
    )?;
    Ok(())
}

/// Moves a merged duplicate's live referral requests (as referrer or as target) to the
/// contact it became; each is a new version. Answers the requests moved.
pub fn absorb_contact(
    conn: &mut DbConn,
    workspace_id: &str,
    duplicate_id: &str,
    survivor_id: &str,
) -> Result<Vec<String>, ApiError> {
    let live = || {
        referral_requests::table
            .filter(referral_requests::workspace_id.eq(workspace_id))
            .filter(referral_requests::deleted_at.is_null())
    };
    let bump = (
        referral_requests::version.eq(referral_requests::version + 1),
        referral_requests::updated_at.eq(db_now()),
    );
    let mut moved: Vec<String> =
        diesel::update(live().filter(referral_requests::referrer_id.eq(duplicate_id)))
            .set((referral_requests::referrer_id.eq(survivor_id), bump))
            .returning(referral_requests::id)
            .get_results(conn)?;
    moved.extend(
        diesel::update(live().filter(referral_requests::target_contact_id.eq(duplicate_id)))
            .set((referral_requests::target_contact_id.eq(survivor_id), bump))
            .returning(referral_requests::id)
            .get_results::<String>(conn)?,
    );
    moved.sort();
    moved.dedup();
    let ids = moved.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::ReferralRequest,
        ChangeOp::Updated,
        ids,
    )?;
    Ok(moved)
}

/// Filters of the request list; all optional, combined with AND.
#[derive(Debug, Default)]
pub struct RequestFilter {
    pub status: Option<RequestStatus>,
    pub referrer_id: Option<String>,
    pub member_id: Option<String>,
    pub external_id: Option<ExternalId>,
    pub window: SyncWindow,
}

pub fn list(
    conn: &mut DbConn,
    workspace_id: &str,
    filter: &RequestFilter,
    page: &PageRequest,
) -> Result<Page<ReferralRequest>, ApiError> {
    let mut query = in_window!(
        by_id!(referral_requests, RequestRow, page),
        referral_requests,
        workspace_id,
        &filter.window
    );
    if let Some(status) = filter.status {
        query = query.filter(referral_requests::status.eq(status.as_str()));
    }
    if let Some(referrer) = &filter.referrer_id {
        query = query.filter(referral_requests::referrer_id.eq(referrer.clone()));
    }
    if let Some(member) = &filter.member_id {
        query = query.filter(referral_requests::member_id.eq(member.clone()));
    }
    if let Some(external) = &filter.external_id {
        let holders = holders!(workspace_id, Kind::ReferralRequest, external);
        query = query.filter(referral_requests::id.eq_any(holders));
    }
    let rows = query.load::<RequestRow>(conn)?;
    let requests = views(conn, workspace_id, rows)?;
    Ok(page.page(requests, |r| r.id.to_string()))
}
