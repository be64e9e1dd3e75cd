//! Who is calling: the bearer token, checked against the current membership on every
//! request, so that a removed member or a changed role takes effect at once.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use diesel::prelude::*;

use crate::auth::TokenKeys;
use crate::db::schema::members;
use crate::db::Db;
use crate::error::ApiError;
use crate::workspaces::Role;

#[derive(Debug, Clone)]
pub struct Principal {
    pub user_id: String,
    pub workspace_id: String,
    pub member_id: String,
    pub role: Role,
}

impl Principal {
    /// Viewers read; everyone else may change the workspace's network.
    pub fn require_write(&self) -> Result<(), ApiError> {
        if self.role == Role::Viewer {
            return Err(ApiError::forbidden(
                "viewers can read this workspace but not change it",
            ));
        }
        Ok(())
    }

    pub fn require_admin(&self) -> Result<(), ApiError> {
        if !matches!(self.role, Role::Owner | Role::Admin) {
            return Err(ApiError::forbidden("only owners and admins can do this"));
        }
        Ok(())
    }

    pub fn require_owner_for_owners(&self) -> Result<(), ApiError> {
        if self.role != Role::Owner {
            return Err(ApiError::forbidden(
                "only an owner can make or unmake an owner",
            ));
        }
        Ok(())
    }
}

fn bearer_token(req: &HttpRequest) -> Result<String, ApiError> {
    let value = req
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or_else(|| ApiError::unauthorized("send `Authorization: Bearer <access token>`"))?;
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

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = bearer_token(req);
        let keys = req.app_data::<web::Data<TokenKeys>>().cloned();
        let db = req.app_data::<web::Data<Db>>().cloned();
        Box::pin(async move {
            let (keys, db) = keys
                .zip(db)
                .ok_or_else(|| ApiError::internal(anyhow::anyhow!("app state missing")))?;
            let claims = keys.verify_access_token(&token?)?;
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
            let (claims, member_id, role) = membership.ok_or_else(|| {
                ApiError::unauthorized("you are no longer a member of this workspace")
            })?;
            Ok(Principal {
                user_id: claims.sub,
                workspace_id: claims.wid,
                member_id,
                role: role
                    .parse()
                    .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?,
            })
        })
    }
}
