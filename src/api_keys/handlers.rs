use actix_web::{delete, get, post, web, HttpResponse};
use utoipa_actix_web::service_config::ServiceConfig;

use super::{queries, ApiKey, CreatedApiKey, NewApiKey};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageQuery};
use crate::time::db_now;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_api_key)
        .service(list_api_keys)
        .service(get_api_key)
        .service(delete_api_key);
}

/// Make an API key for an integration (owners and admins). It acts as you: its writes are
/// yours, and it can do no more than your role allows at the time of each request. The
/// secret is in this answer only.
#[utoipa::path(
    tag = "workspaces", operation_id = "createApiKey", request_body = NewApiKey,
    responses((status = 201, body = CreatedApiKey))
)]
#[post("/api-keys")]
async fn create_api_key(
    principal: Principal,
    db: web::Data<Db>,
    body: Json<NewApiKey>,
) -> Result<HttpResponse, ApiError> {
    principal.require_admin()?;
    let key = body.into_inner();
    if let Some(missing) = key.scopes.items().iter().find(|s| !principal.allows(**s)) {
        return Err(ApiError::invalid_field(
            "/scopes",
            format!(
                "a key cannot grant `{}`, which the key that makes it lacks",
                missing.as_str()
            ),
        ));
    }
    let created = db
        .transaction(move |conn| {
            queries::create(
                conn,
                &principal.workspace_id,
                &principal.member_id,
                key,
                db_now(),
            )
        })
        .await?;
    Ok(HttpResponse::Created().json(created))
}

/// The workspace's API keys, oldest first, without their secrets (owners and admins).
#[utoipa::path(
    tag = "workspaces", operation_id = "listApiKeys", params(PageQuery),
    responses((status = 200, body = Page<ApiKey>), (status = 403, description = "Only owners and admins (`forbidden`), with an API key that has the `admin` scope (`insufficient_scope`)", body = Problem, content_type = "application/problem+json"))
)]
#[get("/api-keys")]
async fn list_api_keys(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<PageQuery>,
) -> Result<web::Json<Page<ApiKey>>, ApiError> {
    principal.require_admin()?;
    let page = query.into_inner().page()?;
    Ok(web::Json(
        db.run(move |conn| queries::list(conn, &principal.workspace_id, &page))
            .await?,
    ))
}

/// One API key, without its secret (owners and admins).
#[utoipa::path(
    tag = "workspaces", operation_id = "getApiKey",
    params(("id" = uuid::Uuid, Path, description = "API key id")),
    responses((status = 200, body = ApiKey), (status = 403, description = "Only owners and admins (`forbidden`), with an API key that has the `admin` scope (`insufficient_scope`)", body = Problem, content_type = "application/problem+json"))
)]
#[get("/api-keys/{id}")]
async fn get_api_key(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<web::Json<ApiKey>, ApiError> {
    principal.require_admin()?;
    let id = id.to_string();
    Ok(web::Json(
        db.run(move |conn| queries::get(conn, &principal.workspace_id, &id))
            .await?,
    ))
}

/// Delete an API key (owners and admins): the next request that sends it gets a 401.
#[utoipa::path(
    tag = "workspaces", operation_id = "deleteApiKey",
    params(("id" = uuid::Uuid, Path, description = "API key id")),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/api-keys/{id}")]
async fn delete_api_key(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    principal.require_admin()?;
    let id = id.to_string();
    db.run(move |conn| queries::delete(conn, &principal.workspace_id, &id, db_now()))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
