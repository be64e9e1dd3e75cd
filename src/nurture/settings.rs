//! `GET|PUT /v1/workspace/settings`: the workspace's nurturing settings.

use std::collections::BTreeMap;

use actix_web::{get, put, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::cadence::cadences;
use super::schedule;
use crate::auth::Principal;
use crate::contacts::domain::{CadenceDays, RelationshipKind};
use crate::db::pending::{self, ChangeOp, ResourceType};
use crate::db::schema::workspace_settings;
use crate::db::{is_unique_violation, Db, DbConn};
use crate::error::ApiError;
use crate::http::extract::Json;
use crate::time::{db_now, from_db};
use crate::values::bounded_int;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(get_settings).service(put_settings);
}

/// The workspace's nurturing settings, every kind filled in.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"cadence_days": {"client": 30, "former_client": 90, "prospect": 45, "colleague": 60, "referral_partner": 30, "friend": 90, "family": 90, "neighbor": 90, "other": 120}, "weekly_ask_goals": {"0193a5c1-0000-7000-8000-000000000001": 3}, "updated_at": null}))]
pub struct WorkspaceSettings {
    /// Days between touches for each relationship kind (a contact's own `cadence_days`
    /// overrides it).
    pub cadence_days: BTreeMap<RelationshipKind, i32>,
    /// Referral asks each member aims to make per week, by member id; progress shows in
    /// `GET /v1/insights/funnel`.
    pub weekly_ask_goals: BTreeMap<uuid::Uuid, i32>,
    /// When the settings were last changed; null while they are the product's defaults.
    pub updated_at: Option<DateTime<Utc>>,
}

/// New settings, replacing the old. Kinds left out take the product's default; members
/// left out have no weekly goal.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"cadence_days": {"client": 21, "referral_partner": 14}, "weekly_ask_goals": {"0193a5c1-0000-7000-8000-000000000001": 3}}))]
pub struct WorkspaceSettingsUpdate {
    pub cadence_days: BTreeMap<RelationshipKind, CadenceDays>,
    #[serde(default)]
    pub weekly_ask_goals: BTreeMap<uuid::Uuid, WeeklyAskGoal>,
}

bounded_int!(
    /// Referral asks per week, 1 to 50.
    WeeklyAskGoal(i32), 1..=50, "must be a number of asks from 1 to 50"
);

/// Each member's weekly goal of asks (empty: none set).
pub fn weekly_ask_goals(
    conn: &mut DbConn,
    workspace_id: &str,
) -> Result<BTreeMap<uuid::Uuid, i32>, ApiError> {
    let stored = workspace_settings::table
        .find(workspace_id)
        .select(workspace_settings::weekly_ask_goals)
        .first::<String>(conn)
        .optional()?;
    match stored {
        None => Ok(BTreeMap::new()),
        Some(json) => serde_json::from_str(&json).map_err(ApiError::internal),
    }
}

pub fn read(conn: &mut DbConn, workspace_id: &str) -> Result<WorkspaceSettings, ApiError> {
    let updated_at = workspace_settings::table
        .find(workspace_id)
        .select(workspace_settings::updated_at)
        .first::<chrono::NaiveDateTime>(conn)
        .optional()?;
    Ok(WorkspaceSettings {
        cadence_days: cadences(&schedule::overrides(conn, workspace_id)?),
        weekly_ask_goals: weekly_ask_goals(conn, workspace_id)?,
        updated_at: updated_at.map(from_db),
    })
}

/// The workspace's nurturing settings.
#[utoipa::path(tag = "workspaces", operation_id = "getWorkspaceSettings", responses((status = 200, body = WorkspaceSettings)))]
#[get("/workspace/settings")]
async fn get_settings(
    principal: Principal,
    db: web::Data<Db>,
) -> Result<web::Json<WorkspaceSettings>, ApiError> {
    Ok(web::Json(
        db.run(move |conn| read(conn, &principal.workspace_id))
            .await?,
    ))
}

/// Replace the nurturing settings (owners and admins). Every contact's schedule follows.
#[utoipa::path(tag = "workspaces", operation_id = "putWorkspaceSettings", request_body = WorkspaceSettingsUpdate, responses((status = 200, body = WorkspaceSettings)))]
#[put("/workspace/settings")]
async fn put_settings(
    principal: Principal,
    db: web::Data<Db>,
    body: Json<WorkspaceSettingsUpdate>,
) -> Result<web::Json<WorkspaceSettings>, ApiError> {
    principal.require_admin()?;
    let update = body.into_inner();
    let overrides: BTreeMap<RelationshipKind, i32> = update
        .cadence_days
        .into_iter()
        .map(|(kind, days)| (kind, days.get()))
        .collect();
    let goals: BTreeMap<uuid::Uuid, i32> = update
        .weekly_ask_goals
        .into_iter()
        .map(|(member, goal)| (member, goal.get()))
        .collect();
    let json = serde_json::to_string(&overrides).map_err(ApiError::internal)?;
    let goals_json = serde_json::to_string(&goals).map_err(ApiError::internal)?;
    let settings = db
        .transaction(move |conn| {
            let ws = principal.workspace_id.as_str();
            for member in goals.keys() {
                if !crate::workspaces::queries::is_member(conn, ws, &member.to_string())? {
                    return Err(ApiError::invalid_field(
                        format!("/weekly_ask_goals/{member}"),
                        "is not a member of this workspace",
                    ));
                }
            }
            let now = db_now();
            let update = |conn: &mut DbConn| {
                diesel::update(workspace_settings::table.find(ws))
                    .set((
                        workspace_settings::cadence_days.eq(&json),
                        workspace_settings::weekly_ask_goals.eq(&goals_json),
                        workspace_settings::updated_at.eq(now),
                    ))
                    .execute(conn)
            };
            if update(conn)? == 0 {
                // In a savepoint: on PostgreSQL a failed statement ends the transaction.
                let inserted = conn.transaction(|conn| {
                    diesel::insert_into(workspace_settings::table)
                        .values((
                            workspace_settings::workspace_id.eq(ws),
                            workspace_settings::cadence_days.eq(&json),
                            workspace_settings::weekly_ask_goals.eq(&goals_json),
                            workspace_settings::updated_at.eq(now),
                        ))
                        .execute(conn)
                });
                match inserted {
                    // Another first PUT inserted the row meanwhile: this one replaces it.
                    Err(e) if is_unique_violation(&e) => {
                        update(conn)?;
                    }
                    other => {
                        other?;
                    }
                }
            }
            pending::touched_one(conn, ws, ResourceType::Settings, ChangeOp::Updated, ws)?;
            schedule::refresh_workspace(conn, ws)?;
            read(conn, ws)
        })
        .await?;
    Ok(web::Json(settings))
}
