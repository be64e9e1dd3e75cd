use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::domain::{
    Direction, IntroductionPatch, IntroductionRequest, IntroductionStatus, NewIntroduction,
};
use super::queries::{self, Introduction, IntroductionFilter};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::precondition::IfMatch;
use crate::http::resource::{self, resource, written, Listed, SyncWindow};
use crate::time::TombstoneRetention;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_introduction)
        .service(list_introductions)
        .service(get_introduction)
        .service(update_introduction)
        .service(delete_introduction);
}

/// Record an introduction. `received`: a referrer introduced us to a prospect (given by
/// id, or added to the network met through the referrer); a linked referral request
/// moves to `introduced`. `given`: we introduced two of our contacts to each other, which
/// logs an `introduction_made` give with both. All in one transaction.
#[utoipa::path(
    tag = "referrals", operation_id = "createIntroduction", request_body = IntroductionRequest,
    responses(
        (status = 201, body = Introduction, headers(("ETag" = String, description = "The introduction's version"))),
        (status = 409, description = "The linked request cannot move to `introduced` (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/introductions")]
async fn create_introduction(
    principal: Principal,
    db: web::Data<Db>,
    body: Json<IntroductionRequest>,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let mut body = body.into_inner();
    let external = std::mem::take(&mut body.external_ids);
    let fields = NewIntroduction::try_from(body)
        .map_err(|(pointer, reason)| ApiError::invalid_field(pointer, reason))?;
    let created = db
        .transaction(move |conn| {
            let (workspace_id, member_id) = (&principal.workspace_id, &principal.member_id);
            queries::create(conn, workspace_id, member_id, fields, &external)
        })
        .await?;
    Ok(written(StatusCode::CREATED, created))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListIntroductionsQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    direction: Option<Direction>,
    status: Option<IntroductionStatus>,
    /// Only introductions made to us by this referrer.
    referrer_id: Option<uuid::Uuid>,
    /// Only the introduction another system knows by this id, as `system:id`.
    #[param(example = "hubspot:intro-12")]
    external_id: Option<String>,
    /// Only introductions changed (or deleted) at or after this time, for incremental sync.
    #[serde(default, deserialize_with = "crate::time::accept::optional_time")]
    updated_since: Option<DateTime<Utc>>,
    /// Include deleted introductions (tombstones with `deleted_at` set, their notes erased),
    /// for sync, within the tombstone retention (30 days by default).
    #[param(default = false)]
    include_deleted: Option<bool>,
}

/// List introductions, oldest first, with filters; cursor-paginated.
#[utoipa::path(tag = "referrals", operation_id = "listIntroductions", params(ListIntroductionsQuery), responses((status = 200, body = Page<Introduction>)))]
#[get("/introductions")]
async fn list_introductions(
    principal: Principal,
    db: web::Data<Db>,
    retention: web::Data<TombstoneRetention>,
    query: Query<ListIntroductionsQuery>,
) -> Result<Listed<Introduction>, ApiError> {
    let query = query.into_inner();
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let filter = IntroductionFilter {
        direction: query.direction,
        status: query.status,
        referrer_id: query.referrer_id.map(|id| id.to_string()),
        external_id: query
            .external_id
            .as_deref()
            .map(crate::external_ids::parse_filter)
            .transpose()?,
        window: SyncWindow::new(query.updated_since, query.include_deleted, &retention),
    };
    resource::listed(&db, move |conn| {
        queries::list(conn, &principal.workspace_id, &filter, &page)
    })
    .await
}

/// An introduction.
#[utoipa::path(
    tag = "referrals", operation_id = "getIntroduction",
    params(("id" = uuid::Uuid, Path, description = "Introduction id")),
    responses((status = 200, body = Introduction, headers(("ETag" = String, description = "The introduction's version"))))
)]
#[get("/introductions/{id}")]
async fn get_introduction(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    resource::get::<Introduction>(principal, db, id.into_inner()).await
}

/// Follow an introduction to money: move its `status` (legal moves only, 409
/// `invalid_transition` otherwise), set `meeting_at`, `deal_value` with `currency`.
/// Won, lost and no response close it (`closed_at`). The referral request it answers
/// follows in the same transaction, forward only and along legal moves: `met` →
/// `meeting_held`, `won` → `won`, `lost` or `no_response` → `lost`; a request already
/// there or closed another way stays.
#[utoipa::path(
    tag = "referrals", operation_id = "updateIntroduction", request_body = IntroductionPatch,
    params(("id" = uuid::Uuid, Path, description = "Introduction id")),
    responses(
        (status = 200, body = Introduction),
        (status = 409, description = "`invalid_transition`, or a concurrent update won", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/introductions/{id}")]
async fn update_introduction(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    if_match: IfMatch,
    body: Json<IntroductionPatch>,
) -> Result<HttpResponse, ApiError> {
    resource::change::<Introduction>(principal, db, id.into_inner(), if_match, body.into_inner())
        .await
}

/// Delete an introduction (soft: lists with `include_deleted=true` still show it).
#[utoipa::path(
    tag = "referrals", operation_id = "deleteIntroduction",
    params(("id" = uuid::Uuid, Path, description = "Introduction id")),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/introductions/{id}")]
async fn delete_introduction(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    resource::delete::<Introduction>(principal, db, id.into_inner(), if_match).await
}

resource!(Introduction {
    patch: IntroductionPatch,
    changed: Introduction,
    find: queries::get,
    change_by: queries::update,
    delete: queries::delete,
});
