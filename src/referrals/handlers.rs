use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::domain::{NewReferralRequest, ReferralRequestPatch, RequestStatus};
use super::queries::{readiness, ReferralReadiness};
use super::requests::{self, ReferralRequest, RequestFilter};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::precondition::IfMatch;
use crate::http::resource::{self, resource, written, Listed, SyncWindow, Versioned};
use crate::time::TombstoneRetention;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(referral_readiness)
        .service(create_request)
        .service(list_requests)
        .service(get_request)
        .service(update_request)
        .service(delete_request);
}

/// Has the caller earned the right to ask this contact for a referral? In touch within
/// the cadence, gave value recently, thanked by them, trusted; never contacted, given
/// nothing in the last six months (182 days: giving comes first), asked more than given
/// to, or with an ask already waiting, is never ready.
#[utoipa::path(
    tag = "referrals", operation_id = "referralReadiness",
    params(("id" = uuid::Uuid, Path, description = "Contact id")),
    responses((status = 200, body = ReferralReadiness))
)]
#[get("/contacts/{id}/referral-readiness")]
async fn referral_readiness(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<web::Json<ReferralReadiness>, ApiError> {
    let contact_id = id.into_inner().to_string();
    Ok(web::Json(
        db.run(move |conn| readiness(conn, &principal.workspace_id, &contact_id, None))
            .await?,
    ))
}

/// A request as written, with the referrer's readiness judged before the change: a
/// request to a referrer who is not ready is recorded all the same, and the client
/// decides what to make of the warnings.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestWithReadiness {
    #[serde(flatten)]
    pub request: ReferralRequest,
    /// Null when the referrer has been deleted.
    pub referrer_readiness: Option<ReferralReadiness>,
}

impl From<(ReferralRequest, Option<ReferralReadiness>)> for RequestWithReadiness {
    fn from((request, referrer_readiness): (ReferralRequest, Option<ReferralReadiness>)) -> Self {
        Self {
            request,
            referrer_readiness,
        }
    }
}

impl Versioned for RequestWithReadiness {
    fn version(&self) -> i64 {
        self.request.version
    }
}

/// Record a referral request (planned, or already `asked` live). Asking logs a
/// `referral_ask` interaction with the referrer in the same transaction.
#[utoipa::path(
    tag = "referrals", operation_id = "createReferralRequest", request_body = NewReferralRequest,
    responses(
        (status = 201, body = RequestWithReadiness, headers(("ETag" = String, description = "The request's version"))),
        (status = 422, description = "Invalid field, `business_reason_required` (R2), `ask_channel_required` or `ask_channel_not_personal` (R1)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/referral-requests")]
async fn create_request(
    principal: Principal,
    db: web::Data<Db>,
    body: Json<NewReferralRequest>,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let fields = body.into_inner();
    let created = db
        .transaction(move |conn| {
            requests::create(conn, &principal.workspace_id, &principal.member_id, fields)
        })
        .await?;
    Ok(written(
        StatusCode::CREATED,
        RequestWithReadiness::from(created),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListRequestsQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    status: Option<RequestStatus>,
    /// Only requests to this referrer.
    referrer_id: Option<uuid::Uuid>,
    /// Only requests by this member.
    member_id: Option<uuid::Uuid>,
    /// Only the request another system knows by this id, as `system:id`.
    #[param(example = "hubspot:deal-4411")]
    external_id: Option<String>,
    /// Only requests changed (or deleted) at or after this time, for incremental sync.
    #[serde(default, deserialize_with = "crate::time::accept::optional_time")]
    updated_since: Option<DateTime<Utc>>,
    /// Include deleted requests (tombstones with `deleted_at` set, their words erased), for
    /// sync, within the tombstone retention (30 days by default).
    #[param(default = false)]
    include_deleted: Option<bool>,
}

/// List referral requests, oldest first, with filters; cursor-paginated.
#[utoipa::path(tag = "referrals", operation_id = "listReferralRequests", params(ListRequestsQuery), responses((status = 200, body = Page<ReferralRequest>)))]
#[get("/referral-requests")]
async fn list_requests(
    principal: Principal,
    db: web::Data<Db>,
    retention: web::Data<TombstoneRetention>,
    query: Query<ListRequestsQuery>,
) -> Result<Listed<ReferralRequest>, ApiError> {
    let query = query.into_inner();
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let filter = RequestFilter {
        status: query.status,
        referrer_id: query.referrer_id.map(|id| id.to_string()),
        member_id: query.member_id.map(|id| id.to_string()),
        external_id: query
            .external_id
            .as_deref()
            .map(crate::external_ids::parse_filter)
            .transpose()?,
        window: SyncWindow::new(query.updated_since, query.include_deleted, &retention),
    };
    resource::listed(&db, move |conn| {
        requests::list(conn, &principal.workspace_id, &filter, &page)
    })
    .await
}

/// A referral request with its status history.
#[utoipa::path(
    tag = "referrals", operation_id = "getReferralRequest",
    params(("id" = uuid::Uuid, Path, description = "Referral request id")),
    responses((status = 200, body = ReferralRequest, headers(("ETag" = String, description = "The request's version"))))
)]
#[get("/referral-requests/{id}")]
async fn get_request(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    resource::get::<ReferralRequest>(principal, db, id.into_inner()).await
}

/// Edit a request or move it along the pipeline (`status`). Only legal moves are
/// accepted (409 `invalid_transition` names the allowed ones); moving to `asked` needs
/// the business reason and ideal introduction (R2) and `ask_channel` `in_person`,
/// `phone`, `video` or `event` (R1: asked live), and logs the `referral_ask` interaction.
/// Once the request has left `planned`, its business reason and ideal introduction can be
/// reworded but not cleared (422 `business_reason_required`). A linked introduction moves
/// the request on by itself (see `updateIntroduction`).
#[utoipa::path(
    tag = "referrals", operation_id = "updateReferralRequest", request_body = ReferralRequestPatch,
    params(("id" = uuid::Uuid, Path, description = "Referral request id")),
    responses(
        (status = 200, body = RequestWithReadiness),
        (status = 409, description = "`invalid_transition`, or a concurrent update won", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid field, `business_reason_required` (R2), `ask_channel_required` or `ask_channel_not_personal` (R1)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/referral-requests/{id}")]
async fn update_request(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    if_match: IfMatch,
    body: Json<ReferralRequestPatch>,
) -> Result<HttpResponse, ApiError> {
    resource::change::<ReferralRequest>(principal, db, id.into_inner(), if_match, body.into_inner())
        .await
}

/// Delete a request (soft: lists with `include_deleted=true` still show it). The ask
/// interaction it logged stays: the ask happened.
#[utoipa::path(
    tag = "referrals", operation_id = "deleteReferralRequest",
    params(("id" = uuid::Uuid, Path, description = "Referral request id")),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/referral-requests/{id}")]
async fn delete_request(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    resource::delete::<ReferralRequest>(principal, db, id.into_inner(), if_match).await
}

resource!(ReferralRequest {
    patch: ReferralRequestPatch,
    changed: RequestWithReadiness,
    find: requests::get,
    change_by: requests::update,
    delete: requests::delete,
});
