use actix_web::{delete, get, post, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::{queries, Invitation, Joined, NewInvitation, ReceivedInvitation};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageQuery};
use crate::workspaces::Role;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(invite)
        .service(list_sent)
        .service(revoke)
        .service(list_received)
        .service(accept)
        .service(decline);
}

/// Invite someone by email to this workspace (owners and admins; only an owner invites an
/// owner). They join when they accept, after logging in or registering with that email.
/// The answer is the same whether or not the email has an account; a pending invitation
/// to the same email is replaced.
#[utoipa::path(
    tag = "workspaces", operation_id = "invite", request_body = NewInvitation,
    responses(
        (status = 201, body = Invitation),
        (status = 409, description = "`already_member`: that email is a member already", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/workspace/invitations")]
async fn invite(
    principal: Principal,
    db: web::Data<Db>,
    body: Json<NewInvitation>,
) -> Result<HttpResponse, ApiError> {
    principal.require_admin()?;
    let invitation = body.into_inner();
    if invitation.role == Role::Owner {
        principal.require_owner_for_owners()?;
    }
    let sent = db
        .transaction(move |conn| {
            queries::invite(
                conn,
                &principal.workspace_id,
                &principal.member_id,
                invitation,
            )
        })
        .await?;
    Ok(HttpResponse::Created().json(sent))
}

/// The invitations this workspace sent, in every status (owners and admins).
#[utoipa::path(
    tag = "workspaces", operation_id = "listSentInvitations", params(PageQuery),
    responses((status = 200, body = Page<Invitation>), (status = 403, description = "Only owners and admins (`forbidden`), with an API key that has the `admin` scope (`insufficient_scope`)", body = Problem, content_type = "application/problem+json"))
)]
#[get("/workspace/invitations")]
async fn list_sent(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<PageQuery>,
) -> Result<web::Json<Page<Invitation>>, ApiError> {
    principal.require_admin()?;
    let page = query.into_inner().page()?;
    Ok(web::Json(
        db.run(move |conn| queries::sent(conn, &principal.workspace_id, &page))
            .await?,
    ))
}

/// Revoke a pending invitation (owners and admins).
#[utoipa::path(
    tag = "workspaces", operation_id = "revokeInvitation",
    params(("id" = uuid::Uuid, Path, description = "Invitation id")),
    responses((status = 204, description = "Revoked"))
)]
#[delete("/workspace/invitations/{id}")]
async fn revoke(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    principal.require_admin()?;
    let id = id.to_string();
    db.transaction(move |conn| queries::revoke(conn, &principal.workspace_id, &id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The pending invitations addressed to you.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedInvitations {
    pub data: Vec<ReceivedInvitation>,
}

/// The invitations waiting for you, in any workspace: accept one to join it.
#[utoipa::path(
    tag = "workspaces", operation_id = "listInvitations", security(("bearer" = [])),
    responses((status = 200, body = ReceivedInvitations), (status = 403, description = "`session_required`: this concerns a person, not an API key", body = Problem, content_type = "application/problem+json"))
)]
#[get("/invitations")]
async fn list_received(
    principal: Principal,
    db: web::Data<Db>,
) -> Result<web::Json<ReceivedInvitations>, ApiError> {
    principal.require_session()?;
    let data = db
        .run(move |conn| queries::received(conn, &principal.user_id))
        .await?;
    Ok(web::Json(ReceivedInvitations { data }))
}

/// Accept an invitation addressed to you: you become a member of its workspace with its
/// role. Log in with `workspace_id` to act there.
#[utoipa::path(
    tag = "workspaces", operation_id = "acceptInvitation", security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "Invitation id")),
    responses(
        (status = 200, body = Joined),
        (status = 409, description = "`invitation_expired`, `invitation_closed` or `already_member`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/invitations/{id}/accept")]
async fn accept(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<web::Json<Joined>, ApiError> {
    principal.require_session()?;
    let id = id.to_string();
    let joined = db
        .transaction(move |conn| queries::accept(conn, &principal.user_id, &id))
        .await?;
    Ok(web::Json(joined))
}

/// Decline an invitation addressed to you.
#[utoipa::path(
    tag = "workspaces", operation_id = "declineInvitation", security(("bearer" = [])),
    params(("id" = uuid::Uuid, Path, description = "Invitation id")),
    responses(
        (status = 204, description = "Declined"),
        (status = 409, description = "`invitation_expired` or `invitation_closed`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/invitations/{id}/decline")]
async fn decline(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    principal.require_session()?;
    let id = id.to_string();
    db.transaction(move |conn| queries::decline(conn, &principal.user_id, &id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
