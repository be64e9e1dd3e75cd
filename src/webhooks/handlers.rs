use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, put, web, HttpResponse};
use serde::Deserialize;
use tokio::sync::Notify;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::address::refused_at_subscription;
use super::digest::{self, Digest, DigestSchedule};
use super::{
    queries, CreatedWebhook, Delivery, DeliveryStatus, NewWebhook, RotatedSecret, Webhook,
    WebhookPatch, WebhookUrl,
};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageQuery, PageRequest};
use crate::http::precondition::{with_etag, IfMatch};
use crate::time::db_now;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_webhook)
        .service(list_webhooks)
        .service(get_webhook)
        .service(update_webhook)
        .service(delete_webhook)
        .service(rotate_webhook_secret)
        .service(test_webhook)
        .service(list_webhook_deliveries)
        .service(get_webhook_delivery)
        .service(retry_webhook_delivery)
        .service(get_member_digest)
        .service(set_member_digest);
}

/// What the webhook handlers share with the delivery worker.
pub struct Deliveries {
    /// Wakes the worker for a delivery made due by a request (a test, a retry).
    pub wake: Arc<Notify>,
    /// `RAPPORT_WEBHOOK_ALLOW_PRIVATE`.
    pub allow_private: bool,
}

impl Deliveries {
    async fn check(&self, url: &WebhookUrl) -> Result<(), ApiError> {
        if self.allow_private {
            return Ok(());
        }
        match refused_at_subscription(url.url()).await {
            Some(reason) => Err(ApiError::invalid_field(
                "/url",
                format!("cannot receive webhooks: {reason}"),
            )),
            None => Ok(()),
        }
    }
}

const ADMINS_ONLY: &str = "Only owners and admins (`forbidden`), with an API key that has the `admin` scope (`insufficient_scope`)";

/// Subscribe an endpoint to events (owners and admins). It receives the events of changes
/// committed from now on, signed per the Standard Webhooks specification with the secret
/// in this answer, which is shown only here.
#[utoipa::path(
    tag = "webhooks", operation_id = "createWebhook", request_body = NewWebhook,
    responses(
        (status = 201, body = CreatedWebhook, headers(("ETag" = String, description = "The webhook's version"))),
        (status = 403, description = ADMINS_ONLY, body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/webhooks")]
async fn create_webhook(
    principal: Principal,
    db: web::Data<Db>,
    deliveries: web::Data<Deliveries>,
    body: Json<NewWebhook>,
) -> Result<HttpResponse, ApiError> {
    principal.require_admin()?;
    let webhook = body.into_inner();
    deliveries.check(&webhook.url).await?;
    let created = db
        .transaction(move |conn| queries::create(conn, &principal.workspace_id, webhook, db_now()))
        .await?;
    Ok(with_etag(
        StatusCode::CREATED,
        created.webhook.version,
        created,
    ))
}

/// The workspace's webhook endpoints, oldest first, without their secrets (owners and
/// admins).
#[utoipa::path(
    tag = "webhooks", operation_id = "listWebhooks", params(PageQuery),
    responses((status = 200, body = Page<Webhook>), (status = 403, description = ADMINS_ONLY, body = Problem, content_type = "application/problem+json"))
)]
#[get("/webhooks")]
async fn list_webhooks(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<PageQuery>,
) -> Result<web::Json<Page<Webhook>>, ApiError> {
    principal.require_admin()?;
    let page = query.into_inner().page()?;
    Ok(web::Json(
        db.run(move |conn| queries::list(conn, &principal.workspace_id, &page))
            .await?,
    ))
}

/// One webhook endpoint, without its secret (owners and admins).
#[utoipa::path(
    tag = "webhooks", operation_id = "getWebhook",
    params(("id" = uuid::Uuid, Path, description = "Webhook id")),
    responses((status = 200, body = Webhook, headers(("ETag" = String, description = "The webhook's version"))), (status = 403, description = ADMINS_ONLY, body = Problem, content_type = "application/problem+json"))
)]
#[get("/webhooks/{id}")]
async fn get_webhook(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    principal.require_admin()?;
    let id = id.to_string();
    let webhook = db
        .run(move |conn| queries::get(conn, &principal.workspace_id, &id))
        .await?;
    Ok(with_etag(StatusCode::OK, webhook.version, webhook))
}

/// Change an endpoint (owners and admins): absent fields stay, `null` clears. Setting
/// `enabled` to true after Rapport disabled it clears the reason; the deliveries held
/// meanwhile go out.
#[utoipa::path(
    tag = "webhooks", operation_id = "updateWebhook", request_body = WebhookPatch,
    params(("id" = uuid::Uuid, Path, description = "Webhook id")),
    responses((status = 200, body = Webhook, headers(("ETag" = String, description = "The webhook's version"))), (status = 403, description = ADMINS_ONLY, body = Problem, content_type = "application/problem+json"))
)]
#[patch("/webhooks/{id}")]
async fn update_webhook(
    principal: Principal,
    db: web::Data<Db>,
    deliveries: web::Data<Deliveries>,
    id: web::Path<uuid::Uuid>,
    if_match: IfMatch,
    body: Json<WebhookPatch>,
) -> Result<HttpResponse, ApiError> {
    principal.require_admin()?;
    let patch = body.into_inner();
    if let Some(url) = &patch.url {
        deliveries.check(url).await?;
    }
    let id = id.to_string();
    let webhook = db
        .transaction(move |conn| {
            queries::update(
                conn,
                &principal.workspace_id,
                &id,
                patch,
                &if_match,
                db_now(),
            )
        })
        .await?;
    deliveries.wake.notify_one();
    Ok(with_etag(StatusCode::OK, webhook.version, webhook))
}

/// Delete an endpoint and its delivery records (owners and admins). Nothing more is sent
/// to it.
#[utoipa::path(
    tag = "webhooks", operation_id = "deleteWebhook",
    params(("id" = uuid::Uuid, Path, description = "Webhook id")),
    responses((status = 204, description = "Deleted"), (status = 403, description = ADMINS_ONLY, body = Problem, content_type = "application/problem+json"))
)]
#[delete("/webhooks/{id}")]
async fn delete_webhook(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    principal.require_admin()?;
    let id = id.to_string();
    db.transaction(move |conn| queries::delete(conn, &principal.workspace_id, &id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Issue a new signing secret (owners and admins). For 24 hours every delivery carries a
/// signature with each secret, so the receiver can switch to the new one without missing
/// an event; after that, only the new one signs.
#[utoipa::path(
    tag = "webhooks", operation_id = "rotateWebhookSecret",
    params(("id" = uuid::Uuid, Path, description = "Webhook id")),
    responses((status = 200, body = RotatedSecret), (status = 403, description = ADMINS_ONLY, body = Problem, content_type = "application/problem+json"))
)]
#[post("/webhooks/{id}/rotate-secret")]
async fn rotate_webhook_secret(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<web::Json<RotatedSecret>, ApiError> {
    principal.require_admin()?;
    let id = id.to_string();
    Ok(web::Json(
        db.transaction(move |conn| {
            queries::rotate_secret(conn, &principal.workspace_id, &id, db_now())
        })
        .await?,
    ))
}

/// Send a `webhook.test` event to the endpoint now, whatever it subscribed to (owners and
/// admins). The answer is the delivery; follow it at its own URL.
#[utoipa::path(
    tag = "webhooks", operation_id = "testWebhook",
    params(("id" = uuid::Uuid, Path, description = "Webhook id")),
    responses((status = 202, body = Delivery), (status = 403, description = ADMINS_ONLY, body = Problem, content_type = "application/problem+json"))
)]
#[post("/webhooks/{id}/test")]
async fn test_webhook(
    principal: Principal,
    db: web::Data<Db>,
    deliveries: web::Data<Deliveries>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    principal.require_admin()?;
    let id = id.to_string();
    let delivery = db
        .transaction(move |conn| queries::send_test(conn, &principal.workspace_id, &id, db_now()))
        .await?;
    deliveries.wake.notify_one();
    Ok(HttpResponse::Accepted().json(delivery))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct DeliveriesQuery {
    /// Only deliveries in this state.
    status: Option<DeliveryStatus>,
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}

/// The endpoint's deliveries, newest first, each with its attempts so far and the last
/// answer (owners and admins). Records are kept 30 days after they finish.
#[utoipa::path(
    tag = "webhooks", operation_id = "listWebhookDeliveries", params(("id" = uuid::Uuid, Path, description = "Webhook id"), DeliveriesQuery),
    responses((status = 200, body = Page<Delivery>), (status = 403, description = ADMINS_ONLY, body = Problem, content_type = "application/problem+json"))
)]
#[get("/webhooks/{id}/deliveries")]
async fn list_webhook_deliveries(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    query: Query<DeliveriesQuery>,
) -> Result<web::Json<Page<Delivery>>, ApiError> {
    principal.require_admin()?;
    let query = query.into_inner();
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let id = id.to_string();
    Ok(web::Json(
        db.run(move |conn| {
            queries::deliveries(conn, &principal.workspace_id, &id, query.status, &page)
        })
        .await?,
    ))
}

/// One delivery of the endpoint (owners and admins).
#[utoipa::path(
    tag = "webhooks", operation_id = "getWebhookDelivery",
    params(("id" = uuid::Uuid, Path, description = "Webhook id"), ("delivery_id" = uuid::Uuid, Path, description = "Delivery id")),
    responses((status = 200, body = Delivery), (status = 403, description = ADMINS_ONLY, body = Problem, content_type = "application/problem+json"))
)]
#[get("/webhooks/{id}/deliveries/{delivery_id}")]
async fn get_webhook_delivery(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(uuid::Uuid, uuid::Uuid)>,
) -> Result<web::Json<Delivery>, ApiError> {
    principal.require_admin()?;
    let (id, delivery_id) = path.into_inner();
    Ok(web::Json(
        db.run(move |conn| {
            queries::delivery(
                conn,
                &principal.workspace_id,
                &id.to_string(),
                &delivery_id.to_string(),
            )
        })
        .await?,
    ))
}

/// Attempt a delivery again now, with the same `webhook-id` and body (owners and admins):
/// after the receiver was fixed, say. One attempt, whatever the schedule had left.
#[utoipa::path(
    tag = "webhooks", operation_id = "retryWebhookDelivery",
    params(("id" = uuid::Uuid, Path, description = "Webhook id"), ("delivery_id" = uuid::Uuid, Path, description = "Delivery id")),
    responses((status = 202, body = Delivery), (status = 403, description = ADMINS_ONLY, body = Problem, content_type = "application/problem+json"))
)]
#[post("/webhooks/{id}/deliveries/{delivery_id}/retry")]
async fn retry_webhook_delivery(
    principal: Principal,
    db: web::Data<Db>,
    deliveries: web::Data<Deliveries>,
    path: web::Path<(uuid::Uuid, uuid::Uuid)>,
) -> Result<HttpResponse, ApiError> {
    principal.require_admin()?;
    let (id, delivery_id) = path.into_inner();
    let delivery = db
        .transaction(move |conn| {
            queries::retry(
                conn,
                &principal.workspace_id,
                &id.to_string(),
                &delivery_id.to_string(),
                db_now(),
            )
        })
        .await?;
    deliveries.wake.notify_one();
    Ok(HttpResponse::Accepted().json(delivery))
}

/// A member's own digest schedule, or anyone's for owners and admins.
fn may_see_digest(principal: &Principal, member_id: &str) -> Result<(), ApiError> {
    if principal.member_id == member_id {
        Ok(())
    } else {
        principal.require_admin()
    }
}

/// When a member's daily digest (`nurture.daily_digest`) goes out: the member themself, or
/// owners and admins.
#[utoipa::path(
    tag = "webhooks", operation_id = "getMemberDigest",
    params(("id" = uuid::Uuid, Path, description = "Member id")),
    responses((status = 200, body = Digest))
)]
#[get("/members/{id}/digest")]
async fn get_member_digest(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<web::Json<Digest>, ApiError> {
    let id = id.to_string();
    may_see_digest(&principal, &id)?;
    Ok(web::Json(
        db.run(move |conn| digest::get(conn, &principal.workspace_id, &id))
            .await?,
    ))
}

/// Set the hour and time zone of a member's daily digest (the member themself, viewers
/// included, or owners and admins): once a day from that hour on, the top of their agenda goes to the
/// endpoints subscribed to `nurture.daily_digest`, once however many instances run.
#[utoipa::path(
    tag = "webhooks", operation_id = "setMemberDigest", request_body = DigestSchedule,
    params(("id" = uuid::Uuid, Path, description = "Member id")),
    responses((status = 200, body = Digest))
)]
#[put("/members/{id}/digest")]
async fn set_member_digest(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    body: Json<DigestSchedule>,
) -> Result<web::Json<Digest>, ApiError> {
    let id = id.to_string();
    may_see_digest(&principal, &id)?;
    // A preference of the member's own: viewers set theirs too, but a read-only key not.
    principal.require_scope(crate::auth::api_key::Scope::Write)?;
    let schedule = body.into_inner();
    Ok(web::Json(
        db.transaction(move |conn| digest::set(conn, &principal.workspace_id, &id, schedule))
            .await?,
    ))
}
