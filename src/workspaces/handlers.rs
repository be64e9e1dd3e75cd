use actix_web::{delete, get, patch, web, HttpResponse};
use utoipa_actix_web::service_config::ServiceConfig;

use super::{queries, ChangeRole, Member, RenameWorkspace, Workspace};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::ApiError;
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageQuery};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(get_workspace)
        .service(rename_workspace)
        .service(list_members)
        .service(get_member)
        .service(change_member_role)
        .service(remove_member)
        .service(super::export::export_workspace);
}

/// The workspace the token acts in.
#[utoipa::path(tag = "workspaces", operation_id = "getWorkspace", responses((status = 200, body = Workspace)))]
#[get("/workspace")]
async fn get_workspace(
    principal: Principal,
    db: web::Data<Db>,
) -> Result<web::Json<Workspace>, ApiError> {
    let row = db
        .run(move |conn| queries::workspace(conn, &principal.workspace_id))
        .await?;
    Ok(web::Json(row.into()))
}

/// Rename the workspace (owners and admins).
#[utoipa::path(tag = "workspaces", operation_id = "renameWorkspace", request_body = RenameWorkspace, responses((status = 200, body = Workspace)))]
#[patch("/workspace")]
async fn rename_workspace(
    principal: Principal,
    db: web::Data<Db>,
    body: Json<RenameWorkspace>,
) -> Result<web::Json<Workspace>, ApiError> {
    principal.require_admin()?;
    let name = body.into_inner().name;
    let row = db
        .transaction(move |conn| queries::rename(conn, &principal.workspace_id, name.as_str()))
        .await?;
    Ok(web::Json(row.into()))
}

/// The members of the workspace.
#[utoipa::path(tag = "workspaces", operation_id = "listMembers", params(PageQuery), responses((status = 200, body = Page<Member>)))]
#[get("/members")]
async fn list_members(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<PageQuery>,
) -> Result<web::Json<Page<Member>>, ApiError> {
    let page = query.into_inner().page()?;
    Ok(web::Json(
        db.run(move |conn| queries::list(conn, &principal.workspace_id, &page))
            .await?,
    ))
}

/// One member.
#[utoipa::path(tag = "workspaces", operation_id = "getMember", params(("id" = uuid::Uuid, Path, description = "Member id")), responses((status = 200, body = Member)))]
#[get("/members/{id}")]
async fn get_member(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<web::Json<Member>, ApiError> {
    let id = id.to_string();
    Ok(web::Json(
        db.run(move |conn| queries::find(conn, &principal.workspace_id, &id))
            .await?,
    ))
}

/// Change a member's role (owners and admins; only owners touch the owner role; the last
/// owner stays).
#[utoipa::path(
    tag = "workspaces", operation_id = "changeMemberRole", request_body = ChangeRole,
    params(("id" = uuid::Uuid, Path, description = "Member id")),
    responses((status = 200, body = Member), (status = 409, description = "The workspace would lose its last owner", body = crate::error::Problem, content_type = "application/problem+json"))
)]
#[patch("/members/{id}")]
async fn change_member_role(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    body: Json<ChangeRole>,
) -> Result<web::Json<Member>, ApiError> {
    principal.require_admin()?;
    let (id, role) = (id.to_string(), body.into_inner().role);
    let member = db
        .transaction(move |conn| {
            let actor = &principal.member_id;
            queries::change_role(conn, &principal.workspace_id, actor, &id, role)
        })
        .await?;
    Ok(web::Json(member))
}

/// Remove a member; the contacts they held pass to you, their sessions end.
#[utoipa::path(
    tag = "workspaces", operation_id = "removeMember",
    params(("id" = uuid::Uuid, Path, description = "Member id")),
    responses((status = 204, description = "Removed"), (status = 409, description = "The last owner, or yourself", body = crate::error::Problem, content_type = "application/problem+json"))
)]
#[delete("/members/{id}")]
async fn remove_member(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    principal.require_admin()?;
    let id = id.to_string();
    db.transaction(move |conn| queries::remove(conn, &principal, &id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
