//! Who is calling: a session's access token or an API key, checked against the current
//! membership on every request, so that a removed member, a changed role or a deleted key
//! takes effect at once. The `authenticate` middleware resolves the caller once, before the
//! rate limits and idempotency that need to know it; handlers take it as `Principal`.

use std::future::Future;
use std::pin::Pin;

use actix_web::body::BoxBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{web, Error, FromRequest, HttpMessage, HttpRequest};
use diesel::prelude::*;

use super::api_key::{self, Scope, Scopes, SECRET_PREFIX};
use crate::auth::TokenKeys;
use crate::db::schema::members;
use crate::db::Db;
use crate::error::ApiError;
use crate::time::db_now;
use crate::workspaces::Role;

#[derive(Debug, Clone)]
pub struct Principal {
    pub user_id: String,
    pub workspace_id: String,
    /// The member the request acts as; an API key acts as the member who created it.
    pub member_id: String,
    pub role: Role,
    pub credential: Credential,
}

#[derive(Debug, Clone)]
pub enum Credential {
    /// A person's access token: everything their role allows.
    Session,
    /// An API key: what its scopes allow, within its creator's current role.
    ApiKey { id: String, scopes: Scopes },
}

impl Principal {
    /// Viewers read; everyone else may change the workspace's network.
    pub fn require_write(&self) -> Result<(), ApiError> {
        if self.role == Role::Viewer {
            return Err(ApiError::forbidden(
                "viewers can read this workspace but not change it",
            ));
        }
        self.require_scope(Scope::Write)
    }

    pub fn require_admin(&self) -> Result<(), ApiError> {
        if !matches!(self.role, Role::Owner | Role::Admin) {
            return Err(ApiError::forbidden("only owners and admins can do this"));
        }
        self.require_scope(Scope::Admin)
    }

    pub fn require_owner_for_owners(&self) -> Result<(), ApiError> {
        if self.role != Role::Owner {
            return Err(ApiError::forbidden(
                "only an owner can make or unmake an owner",
            ));
        }
        Ok(())
    }

    /// What concerns a person rather than a workspace (their account, their invitations)
    /// is not for an integration's key.
    pub fn require_session(&self) -> Result<(), ApiError> {
        match self.credential {
            Credential::Session => Ok(()),
            Credential::ApiKey { .. } => Err(ApiError::new(
                actix_web::http::StatusCode::FORBIDDEN,
                "session_required",
                "API keys act in a workspace; this concerns a person: use an access token from `POST /v1/auth/login`",
            )),
        }
    }

    /// Whether the credential carries `scope`; a session carries them all.
    pub fn allows(&self, scope: Scope) -> bool {
        match &self.credential {
            Credential::Session => true,
            Credential::ApiKey { scopes, .. } => scopes.allows(scope),
        }
    }

    /// The credential must carry `scope` (a key's), whatever the member's role.
    pub fn require_scope(&self, scope: Scope) -> Result<(), ApiError> {
        if self.allows(scope) {
            return Ok(());
        }
        Err(ApiError::new(
            actix_web::http::StatusCode::FORBIDDEN,
            "insufficient_scope",
            format!(
                "this API key lacks the `{}` scope that this needs",
                scope.as_str()
            ),
        ))
    }

    /// Whose budget a request spends and whose idempotency keys it sees: the person, or
    /// the key.
    pub fn caller(&self) -> Caller {
        Caller {
            workspace_id: self.workspace_id.clone(),
            id: match &self.credential {
                Credential::Session => format!("user:{}", self.user_id),
                Credential::ApiKey { id, .. } => format!("key:{id}"),
            },
        }
    }
}

/// The caller as the shared middleware sees it.
#[derive(Debug, Clone)]
pub struct Caller {
    pub workspace_id: String,
    pub id: String,
}

fn bearer_token(req: &HttpRequest) -> Result<String, ApiError> {
    let value = req.headers().get(header::AUTHORIZATION).ok_or_else(|| {
        ApiError::unauthorized("send `Authorization: Bearer <access token or API key>`")
    })?;
    let value = value
        .to_str()
        .map_err(|_| ApiError::unauthorized("the Authorization header is not text"))?;
    match value.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(token.trim().to_owned())
        }
        _ => Err(ApiError::unauthorized(
            "the Authorization header must use the Bearer scheme",
        )),
    }
}

async fn resolve(req: &HttpRequest) -> Result<Principal, ApiError> {
    let token = bearer_token(req)?;
    let keys = req.app_data::<web::Data<TokenKeys>>().cloned();
    let db = req.app_data::<web::Data<Db>>().cloned();
    let (keys, db) = keys
        .zip(db)
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("app state missing")))?;
    if token.starts_with(SECRET_PREFIX) {
        let holder = db
            .run(move |conn| api_key::authenticate(conn, &token, db_now()))
            .await?;
        return Ok(Principal {
            user_id: holder.user_id,
            workspace_id: holder.workspace_id,
            member_id: holder.member_id,
            role: holder.role,
            credential: Credential::ApiKey {
                id: holder.key_id,
                scopes: holder.scopes,
            },
        });
    }
    let claims = keys.verify_access_token(&token)?;
    let membership = db
        .run(move |conn| {
            Ok(members::table
                .filter(members::workspace_id.eq(&claims.wid))
                .filter(members::user_id.eq(&claims.sub))
                .filter(members::removed_at.is_null())
                .select((members::id, members::role))
                .first::<(String, String)>(conn)
                .optional()?
                .map(|(member_id, role)| (claims, member_id, role)))
        })
        .await?;
    let (claims, member_id, role) = membership
        .ok_or_else(|| ApiError::unauthorized("you are no longer a member of this workspace"))?;
    Ok(Principal {
        user_id: claims.sub,
        workspace_id: claims.wid,
        member_id,
        role: role
            .parse()
            .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?,
        credential: Credential::Session,
    })
}

/// The outcome of authenticating a request, kept for its handler.
struct Authentication(Result<Principal, ApiError>);

/// The caller of a request the middleware authenticated, if it succeeded.
pub fn authenticated_caller(req: &HttpRequest) -> Option<Caller> {
    match req.extensions().get::<Authentication>() {
        Some(Authentication(Ok(principal))) => Some(principal.caller()),
        _ => None,
    }
}

/// Authenticates every `/v1` request that carries credentials, once. The session endpoints
/// (`/v1/auth/*`) authenticate in their handlers, where they need it at all.
pub async fn authenticate(
    req: ServiceRequest,
    next: Next<BoxBody>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let path = req.path();
    if path.starts_with("/v1/")
        && !path.starts_with("/v1/auth/")
        && req.headers().contains_key(header::AUTHORIZATION)
    {
        let outcome = resolve(req.request()).await;
        req.extensions_mut().insert(Authentication(outcome));
    }
    next.call(req).await
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let resolved = req.extensions_mut().remove::<Authentication>();
        let req = req.clone();
        Box::pin(async move {
            match resolved {
                Some(Authentication(outcome)) => outcome,
                None => resolve(&req).await,
            }
        })
    }
}
