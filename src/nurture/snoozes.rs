//! Snoozes: an agenda action put aside until a given time, or dismissed until the next
//! interaction with the contact. Either way a newer interaction lifts it, since the
//! relationship has moved on and the agenda should judge it afresh.

use std::collections::HashSet;

use actix_web::http::StatusCode;
use actix_web::{delete, get, post, web, HttpResponse};
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::agenda::ActionId;
use crate::auth::Principal;
use crate::db::pending::{self, ChangeOp, ResourceType};
use crate::db::schema::{contacts, introductions, referral_requests, snoozes};
use crate::db::{is_unique_violation, Db, DbConn};
use crate::error::ApiError;
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageQuery};
use crate::time::{db_now, from_db, now, to_db};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(snooze_action)
        .service(list_snoozes)
        .service(delete_snooze);
}

/// The longest snooze; past that, dismiss.
const MAX_SNOOZE_DAYS: i64 = 366;

/// An action to put aside.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"action_id": "touch:0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12", "until": "2026-12-01T09:00:00Z"}))]
pub struct NewSnooze {
    /// The `id` of an action from `GET /v1/nurture/actions`.
    pub action_id: ActionId,
    /// Hide the action until then (at most 366 days ahead). Omit it, or send null, to
    /// dismiss the action until the next interaction with the contact.
    #[serde(default, deserialize_with = "crate::time::accept::optional_time")]
    pub until: Option<DateTime<Utc>>,
}

/// An action put aside.
#[derive(Debug, Serialize, ToSchema)]
pub struct Snooze {
    pub id: uuid::Uuid,
    pub action_id: ActionId,
    pub contact_id: uuid::Uuid,
    /// Hidden until then; null when dismissed (until the next interaction).
    pub until: Option<DateTime<Utc>>,
    /// The member who put it aside.
    pub created_by: uuid::Uuid,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = snoozes)]
struct SnoozeRow {
    id: String,
    workspace_id: String,
    action_id: String,
    contact_id: String,
    hidden_until: Option<NaiveDateTime>,
    seen_last_interaction_at: Option<NaiveDateTime>,
    created_by: String,
    created_at: NaiveDateTime,
}

impl SnoozeRow {
    fn view(self) -> Result<Snooze, ApiError> {
        let uuid = |text: &str| text.parse::<uuid::Uuid>().map_err(ApiError::internal);
        Ok(Snooze {
            id: uuid(&self.id)?,
            action_id: self
                .action_id
                .parse()
                .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?,
            contact_id: uuid(&self.contact_id)?,
            until: self.hidden_until.map(from_db),
            created_by: uuid(&self.created_by)?,
            created_at: from_db(self.created_at),
        })
    }
}

/// One snooze of the workspace, in force or not.
pub fn get(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<Snooze, ApiError> {
    snoozes::table
        .filter(snoozes::workspace_id.eq(workspace_id))
        .filter(snoozes::id.eq(id))
        .select(SnoozeRow::as_select())
        .first::<SnoozeRow>(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found(format!("no snooze {id} in this workspace")))?
        .view()
}

/// Snoozes in force: not expired (and not lifted, which deletes them).
fn in_force(
    workspace_id: &str,
    at: NaiveDateTime,
) -> snoozes::BoxedQuery<'static, crate::db::MultiBackend> {
    snoozes::table
        .filter(snoozes::workspace_id.eq(workspace_id.to_owned()))
        .filter(
            snoozes::hidden_until
                .is_null()
                .or(snoozes::hidden_until.gt(at)),
        )
        .into_boxed()
}

/// The ids of the workspace's actions put aside right now.
pub fn hidden_actions(
    conn: &mut DbConn,
    workspace_id: &str,
    at: DateTime<Utc>,
) -> Result<HashSet<String>, ApiError> {
    Ok(in_force(workspace_id, to_db(at))
        .select(snoozes::action_id)
        .load::<String>(conn)?
        .into_iter()
        .collect())
}

/// A contact's last interaction moved to `last`: its snoozes taken before that lapse.
pub fn lift(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_id: &str,
    last: NaiveDateTime,
) -> Result<(), ApiError> {
    let lifted = diesel::delete(
        snoozes::table
            .filter(snoozes::workspace_id.eq(workspace_id))
            .filter(snoozes::contact_id.eq(contact_id))
            .filter(
                snoozes::seen_last_interaction_at
                    .is_null()
                    .or(snoozes::seen_last_interaction_at.lt(last)),
            ),
    )
    .returning(snoozes::id)
    .get_results::<String>(conn)?;
    let ids = lifted.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Snooze,
        ChangeOp::Deleted,
        ids,
    )?;
    Ok(())
}

/// Moves a merged duplicate's snoozes to the contact it became: an action put aside for
/// the duplicate is then put aside for the survivor, unless the survivor has its own
/// snooze of that action, which stays. Answers the snoozes moved.
pub fn absorb_contact(
    conn: &mut DbConn,
    workspace_id: &str,
    duplicate_id: &str,
    survivor_id: &str,
) -> Result<Vec<String>, ApiError> {
    let theirs: Vec<(String, String)> = snoozes::table
        .filter(snoozes::workspace_id.eq(workspace_id))
        .filter(snoozes::contact_id.eq(duplicate_id))
        .select((snoozes::id, snoozes::action_id))
        .load(conn)?;
    let mut moved = Vec::new();
    for (id, action_id) in theirs {
        // Actions with a contact are named by it (`touch:{contact}`); the others by the
        // introduction or request, which moves with the contact.
        let action_id = action_id.replace(duplicate_id, survivor_id);
        let taken = snoozes::table
            .filter(snoozes::workspace_id.eq(workspace_id))
            .filter(snoozes::action_id.eq(&action_id))
            .filter(snoozes::id.ne(&id))
            .count()
            .get_result::<i64>(conn)?;
        if taken > 0 {
            diesel::delete(snoozes::table.find(&id)).execute(conn)?;
            pending::touched_one(
                conn,
                workspace_id,
                ResourceType::Snooze,
                ChangeOp::Deleted,
                &id,
            )?;
            continue;
        }
        diesel::update(snoozes::table.find(&id))
            .set((
                snoozes::contact_id.eq(survivor_id),
                snoozes::action_id.eq(&action_id),
            ))
            .execute(conn)?;
        pending::touched_one(
            conn,
            workspace_id,
            ResourceType::Snooze,
            ChangeOp::Updated,
            &id,
        )?;
        moved.push(id);
    }
    Ok(moved)
}

/// The contact an action is with: the contact it names, or the referrer of the
/// introduction or request it names.
fn subject(
    conn: &mut DbConn,
    workspace_id: &str,
    action_id: &ActionId,
) -> Result<Option<String>, ApiError> {
    Ok(match action_id {
        ActionId::Touch(contact_id) | ActionId::Occasion(contact_id, _) => {
            Some(contact_id.to_string())
        }
        ActionId::Thank(id) | ActionId::Outcome(id) => introductions::table
            .filter(introductions::workspace_id.eq(workspace_id))
            .filter(introductions::id.eq(id.to_string()))
            .filter(introductions::deleted_at.is_null())
            .select(introductions::referrer_id)
            .first::<Option<String>>(conn)
            .optional()?
            .flatten(),
        ActionId::FollowUp(id) => referral_requests::table
            .filter(referral_requests::workspace_id.eq(workspace_id))
            .filter(referral_requests::id.eq(id.to_string()))
            .filter(referral_requests::deleted_at.is_null())
            .select(referral_requests::referrer_id)
            .first::<String>(conn)
            .optional()?,
    })
}

fn create(conn: &mut DbConn, principal: &Principal, snooze: NewSnooze) -> Result<Snooze, ApiError> {
    let workspace_id = principal.workspace_id.as_str();
    let now = now();
    if let Some(until) = snooze.until {
        if until <= now {
            return Err(ApiError::invalid_field("/until", "must lie in the future"));
        }
        if until > now + Duration::days(MAX_SNOOZE_DAYS) {
            return Err(ApiError::invalid_field(
                "/until",
                format!("must be at most {MAX_SNOOZE_DAYS} days ahead; to put an action aside for longer, dismiss it (omit `until`)"),
            ));
        }
    }
    let contact_id = subject(conn, workspace_id, &snooze.action_id)?
        .ok_or_else(|| ApiError::invalid_field("/action_id", "names nothing of this workspace"))?;
    let last_interaction_at = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::deleted_at.is_null())
        .filter(contacts::id.eq(&contact_id))
        .select(contacts::last_interaction_at)
        .first::<Option<NaiveDateTime>>(conn)
        .optional()?
        .ok_or_else(|| {
            ApiError::invalid_field("/action_id", "names no contact of this workspace")
        })?;
    let action_id = snooze.action_id.to_string();
    // Snoozing again replaces the earlier snooze; expired ones go at the same time.
    let replaced = diesel::delete(
        snoozes::table
            .filter(snoozes::workspace_id.eq(workspace_id))
            .filter(
                snoozes::action_id
                    .eq(&action_id)
                    .or(snoozes::hidden_until.le(to_db(now))),
            ),
    )
    .returning(snoozes::id)
    .get_results::<String>(conn)?;
    let ids = replaced.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Snooze,
        ChangeOp::Deleted,
        ids,
    )?;
    let row = SnoozeRow {
        id: uuid::Uuid::now_v7().to_string(),
        workspace_id: workspace_id.to_owned(),
        action_id,
        contact_id,
        hidden_until: snooze.until.map(to_db),
        seen_last_interaction_at: last_interaction_at,
        created_by: principal.member_id.clone(),
        created_at: db_now(),
    };
    // In a savepoint: on PostgreSQL a failed statement ends the transaction.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(snoozes::table)
            .values(&row)
            .execute(conn)
    });
    match inserted {
        // Another snooze of the same action landed meanwhile: this later one replaces it.
        Err(e) if is_unique_violation(&e) => {
            let replaced: String = snoozes::table
                .filter(snoozes::workspace_id.eq(workspace_id))
                .filter(snoozes::action_id.eq(&row.action_id))
                .select(snoozes::id)
                .first(conn)?;
            pending::touched_one(
                conn,
                workspace_id,
                ResourceType::Snooze,
                ChangeOp::Deleted,
                &replaced,
            )?;
            diesel::update(
                snoozes::table
                    .filter(snoozes::workspace_id.eq(workspace_id))
                    .filter(snoozes::action_id.eq(&row.action_id)),
            )
            .set((
                snoozes::id.eq(&row.id),
                snoozes::contact_id.eq(&row.contact_id),
                snoozes::hidden_until.eq(row.hidden_until),
                snoozes::seen_last_interaction_at.eq(row.seen_last_interaction_at),
                snoozes::created_by.eq(&row.created_by),
                snoozes::created_at.eq(row.created_at),
            ))
            .execute(conn)?;
        }
        other => {
            other?;
        }
    }
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Snooze,
        ChangeOp::Created,
        &row.id,
    )?;
    row.view()
}

/// Put an agenda action aside: until a time, or (without `until`) until the next
/// interaction with the contact. Snoozing an action again replaces its snooze.
#[utoipa::path(
    tag = "nurture", operation_id = "snoozeAction", request_body = NewSnooze,
    responses((status = 201, body = Snooze))
)]
#[post("/nurture/snoozes")]
async fn snooze_action(
    principal: Principal,
    db: web::Data<Db>,
    body: Json<NewSnooze>,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let snooze = body.into_inner();
    let created = db
        .transaction(move |conn| create(conn, &principal, snooze))
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(created))
}

/// The snoozes in force, oldest first.
#[utoipa::path(tag = "nurture", operation_id = "listSnoozes", params(PageQuery), responses((status = 200, body = Page<Snooze>)))]
#[get("/nurture/snoozes")]
async fn list_snoozes(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<PageQuery>,
) -> Result<web::Json<Page<Snooze>>, ApiError> {
    let page = query.into_inner().page()?;
    let rows = db
        .run(move |conn| {
            let mut rows = in_force(&principal.workspace_id, db_now())
                .select(SnoozeRow::as_select())
                .order(snoozes::id.asc())
                .limit(page.fetch_limit());
            if let Some(after) = page.after_id()? {
                rows = rows.filter(snoozes::id.gt(after.to_owned()));
            }
            let rows = rows.load::<SnoozeRow>(conn)?;
            Ok::<_, ApiError>(page.page(rows, |row| row.id.clone()))
        })
        .await?;
    let Page { data, next_cursor } = rows;
    Ok(web::Json(Page {
        data: data
            .into_iter()
            .map(SnoozeRow::view)
            .collect::<Result<_, _>>()?,
        next_cursor,
    }))
}

/// Wake a snoozed action now.
#[utoipa::path(
    tag = "nurture", operation_id = "deleteSnooze",
    params(("id" = uuid::Uuid, Path, description = "Snooze id")),
    responses((status = 204, description = "The action is back on the agenda"))
)]
#[delete("/nurture/snoozes/{id}")]
async fn delete_snooze(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let id = id.into_inner().to_string();
    db.transaction(move |conn| {
        let workspace_id = principal.workspace_id.as_str();
        let deleted = diesel::delete(
            snoozes::table
                .filter(snoozes::workspace_id.eq(workspace_id))
                .filter(snoozes::id.eq(&id)),
        )
        .execute(conn)?;
        if deleted == 0 {
            return Err(ApiError::not_found("no such snooze in this workspace"));
        }
        pending::touched_one(
            conn,
            workspace_id,
            ResourceType::Snooze,
            ChangeOp::Deleted,
            &id,
        )
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
