use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::password::{self, HashingGate};
use super::queries::{self, Membership, Refresh, UserRow};
use super::{tokens, Principal, TokenKeys};
use crate::db::{Db, DbConn};
use crate::error::{ApiError, Problem};
use crate::http::extract::Json;
use crate::http::rate_limit::RateLimits;
use crate::time::{from_db, now, to_db};
use crate::values::{Email, Name, Password};
use crate::workspaces::{Role, Workspace};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(register)
        .service(login)
        .service(refresh)
        .service(logout)
        .service(me);
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "dana@example.com", "password": "correct horse battery", "name": "Dana Whitfield", "workspace_name": "Whitfield Advisory"}))]
pub struct Register {
    pub email: Email,
    pub password: Password,
    pub name: Name,
    /// The name of the workspace created for you, of which you are the owner.
    pub workspace_name: Name,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "dana@example.com", "password": "correct horse battery"}))]
pub struct Login {
    pub email: Email,
    #[schema(value_type = String, format = Password)]
    pub password: String,
    /// The workspace to act in; defaults to the first one you joined.
    pub workspace_id: Option<uuid::Uuid>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"refresh_token": "rt_9xQk3v5cYw0l2bq8dY1m4tZc7s6pJrNf0aHhE2uLgVo"}))]
pub struct RefreshRequest {
    pub refresh_token: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct User {
    pub id: uuid::Uuid,
    #[schema(value_type = String, format = Email)]
    pub email: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

impl From<&UserRow> for User {
    fn from(row: &UserRow) -> Self {
        Self {
            id: row.id.parse().unwrap_or_default(),
            email: row.email.clone(),
            name: row.name.clone(),
            created_at: from_db(row.created_at),
        }
    }
}

/// Tokens for one user in one workspace.
#[derive(Debug, Serialize, ToSchema)]
pub struct Session {
    /// Send as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    /// Trade it at `POST /v1/auth/refresh` for new tokens; it works once.
    pub refresh_token: String,
    pub refresh_token_expires_at: DateTime<Utc>,
    pub user: User,
    pub workspace: Workspace,
    pub member_id: uuid::Uuid,
    pub role: Role,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WorkspaceMembership {
    pub workspace: Workspace,
    pub member_id: uuid::Uuid,
    pub role: Role,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub user: User,
    /// The workspace this token acts in.
    pub workspace: Workspace,
    pub member_id: uuid::Uuid,
    pub role: Role,
    /// Every workspace you belong to; log in with `workspace_id` to switch.
    pub workspaces: Vec<WorkspaceMembership>,
}

/// Issues an access token and a stored refresh token for `membership`, in the caller's
/// transaction (a refresh spends the old token and stores the new one together).
fn open_session(
    conn: &mut DbConn,
    keys: &TokenKeys,
    membership: Membership,
) -> Result<Session, ApiError> {
    let issued_at = now();
    let access_token =
        keys.issue_access_token(&membership.user.id, &membership.workspace.id, issued_at)?;
    let (refresh_token, refresh_hash) = tokens::new_refresh_token();
    let refresh_expires = issued_at + keys.refresh_ttl;
    queries::store_refresh_token(
        conn,
        &membership,
        &refresh_hash,
        to_db(refresh_expires),
        to_db(issued_at),
    )?;
    Ok(Session {
        access_token,
        token_type: "Bearer".to_owned(),
        expires_in: keys.access_ttl.num_seconds(),
        refresh_token,
        refresh_token_expires_at: refresh_expires,
        user: User::from(&membership.user),
        member_id: membership.member.id.parse().map_err(ApiError::internal)?,
        role: membership
            .member
            .role
            .parse()
            .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?,
        workspace: membership.workspace.into(),
    })
}

/// Create an account and its first workspace.
#[utoipa::path(
    tag = "auth", operation_id = "register", security(), request_body = Register,
    responses(
        (status = 201, body = Session),
        (status = 409, description = "The email is taken", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "`busy`: too many passwords are being checked right now; retry after `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/register")]
async fn register(
    db: web::Data<Db>,
    keys: web::Data<TokenKeys>,
    gate: web::Data<HashingGate>,
    body: Json<Register>,
) -> Result<HttpResponse, ApiError> {
    let Register {
        email,
        password,
        name,
        workspace_name,
    } = body.into_inner();
    let password_hash = gate
        .run(move || password::hash(password.expose()))
        .await?
        .map_err(ApiError::internal)?;
    let created = to_db(now());
    let user = UserRow {
        id: uuid::Uuid::now_v7().to_string(),
        email: email.as_str().to_owned(),
        name: name.into(),
        password_hash,
        created_at: created,
        updated_at: created,
    };
    let session = db
        .transaction(move |conn| {
            let membership = queries::create_account(conn, user, workspace_name.as_str())?;
            open_session(conn, &keys, membership)
        })
        .await?;
    Ok(HttpResponse::Created().json(session))
}

/// Log in with email and password.
#[utoipa::path(
    tag = "auth", operation_id = "login", security(), request_body = Login,
    responses(
        (status = 200, body = Session),
        (status = 401, description = "Wrong email or password, or not a member of that workspace", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "`busy`: too many passwords are being checked right now; retry after `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/login")]
async fn login(
    db: web::Data<Db>,
    keys: web::Data<TokenKeys>,
    gate: web::Data<HashingGate>,
    limits: web::Data<RateLimits>,
    body: Json<Login>,
) -> Result<web::Json<Session>, ApiError> {
    let Login {
        email,
        password,
        workspace_id,
    } = body.into_inner();
    // Guesses spread over many addresses still meet the account's own limit.
    limits.check_login(email.as_str())?;
    let invalid = || ApiError::unauthorized("the email or the password is wrong");
    let user = db
        .run(move |conn| queries::user_by_email(conn, email.as_str()))
        .await?;
    let verified = gate
        .run(move || match user {
            Some(user) if password::verify(&password, &user.password_hash) => Some(user),
            Some(_) => None,
            None => {
                password::verify_against_nothing(&password);
                None
            }
        })
        .await?;
    let user = verified.ok_or_else(invalid)?;
    let workspace_id = workspace_id.map(|id| id.to_string());
    let session = db
        .transaction(move |conn| {
            let membership = queries::membership(conn, user, workspace_id.as_deref())?
                .ok_or_else(|| ApiError::unauthorized("you are not a member of that workspace"))?;
            open_session(conn, &keys, membership)
        })
        .await?;
    Ok(web::Json(session))
}

/// Trade a refresh token for new tokens. Each refresh token works once; presenting a used
/// one ends every session of that user in the workspace.
#[utoipa::path(
    tag = "auth", operation_id = "refreshSession", security(), request_body = RefreshRequest,
    responses((status = 200, body = Session), (status = 401, description = "The refresh token is unknown, expired or already used", body = Problem, content_type = "application/problem+json"))
)]
#[post("/auth/refresh")]
async fn refresh(
    db: web::Data<Db>,
    keys: web::Data<TokenKeys>,
    body: Json<RefreshRequest>,
) -> Result<web::Json<Session>, ApiError> {
    let token_hash = tokens::hash_secret(&body.into_inner().refresh_token);
    // A refused token still commits: replaying one revokes every session it belongs to.
    let session = db
        .transaction(move |conn| {
            match queries::spend_refresh_token(conn, &token_hash, to_db(now()))? {
                Refresh::Granted {
                    user_id,
                    workspace_id,
                } => {
                    let user = queries::user(conn, &user_id)?;
                    match queries::membership(conn, user, Some(&workspace_id))? {
                        Some(membership) => Ok(Ok(open_session(conn, &keys, membership)?)),
                        None => Ok(Err("you are no longer a member of this workspace")),
                    }
                }
                Refresh::Refused(reason) => Ok(Err(reason)),
            }
        })
        .await?
        .map_err(ApiError::unauthorized)?;
    Ok(web::Json(session))
}

/// Revoke a refresh token (log out). Idempotent.
#[utoipa::path(tag = "auth", operation_id = "logout", security(), request_body = RefreshRequest, responses((status = 204, description = "The refresh token no longer works")))]
#[post("/auth/logout")]
async fn logout(db: web::Data<Db>, body: Json<RefreshRequest>) -> Result<HttpResponse, ApiError> {
    let token_hash = tokens::hash_secret(&body.into_inner().refresh_token);
    db.run(move |conn| queries::revoke_refresh_token(conn, &token_hash, to_db(now())))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Who the token belongs to, the workspace it acts in, and every workspace you belong to.
#[utoipa::path(
    tag = "auth", operation_id = "getMe", security(("bearer" = [])),
    responses((status = 200, body = Me), (status = 403, description = "`session_required`: this concerns a person, not an API key", body = Problem, content_type = "application/problem+json"))
)]
#[get("/me")]
async fn me(principal: Principal, db: web::Data<Db>) -> Result<web::Json<Me>, ApiError> {
    principal.require_session()?;
    let (user, memberships) = db
        .run(move |conn| {
            Ok((
                queries::user(conn, &principal.user_id)?,
                queries::memberships_of(conn, &principal.user_id)?,
            ))
        })
        .await?;
    let workspaces = memberships
        .into_iter()
        .map(|(member, workspace)| {
            Ok(WorkspaceMembership {
                member_id: member.id.parse().map_err(ApiError::internal)?,
                role: member
                    .role
                    .parse()
                    .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?,
                workspace: workspace.into(),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let current = workspaces
        .iter()
        .find(|entry| entry.workspace.id.to_string() == principal.workspace_id)
        .cloned()
        .ok_or_else(|| ApiError::unauthorized("you are no longer a member of this workspace"))?;
    Ok(web::Json(Me {
        user: User::from(&user),
        workspace: current.workspace,
        member_id: current.member_id,
        role: current.role,
        workspaces,
    }))
}
