use actix_web::{get, web};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::token::SyncToken;
use super::{ChangesPage, FeedRequest};
use crate::auth::Principal;
use crate::db::pending::ResourceType;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::http::extract::Query;
use crate::time::TombstoneRetention;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(list_changes);
}

const DEFAULT_LIMIT: i64 = 100;
const MAX_LIMIT: i64 = 1000;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangesQuery {
    /// The `next_token` of the previous page. Without it, the answer has no changes and a
    /// token for the feed's current end: read the lists in full, then follow that token.
    since: Option<String>,
    /// Changes per page, 1 to 1000 (default 100).
    #[param(minimum = 1, maximum = 1000)]
    limit: Option<i64>,
    /// Only these kinds of resource, comma-separated (e.g. `contact,interaction`): `contact`,
    /// `interaction`, `referral_request`, `introduction`, `connection`, `snooze`, `member`,
    /// `settings`. All, if absent.
    types: Option<String>,
}

impl ChangesQuery {
    fn request(self) -> Result<FeedRequest, ApiError> {
        let limit = match self.limit {
            None => DEFAULT_LIMIT,
            Some(limit @ 1..=MAX_LIMIT) => limit,
            Some(_) => {
                return Err(ApiError::invalid_field(
                    "limit",
                    format!("must be from 1 to {MAX_LIMIT}"),
                ))
            }
        };
        let types = match self.types.as_deref() {
            None => Vec::new(),
            Some(types) => types
                .split(',')
                .map(|name| name.trim().parse::<ResourceType>())
                .collect::<Result<_, _>>()
                .map_err(|reason| ApiError::invalid_field("types", reason))?,
        };
        Ok(FeedRequest {
            since: self.since.as_deref().map(SyncToken::parse).transpose()?,
            types,
            limit,
        })
    }
}

/// Every change to the workspace's contacts, interactions, referral requests,
/// introductions, connections, snoozes, members and settings, in the order they were
/// committed, each with the resource as its GET showed it right after. A change that moves
/// what a contact shows (an interaction moving its `last_interaction_at` or
/// `nurture_status`) is a change of that contact too. Follow `next_token`; a token older
/// than the retention (30 days by default) answers 410 `sync_token_expired`, and the client
/// starts over.
#[utoipa::path(
    tag = "sync", operation_id = "listChanges", params(ChangesQuery),
    responses(
        (status = 200, body = ChangesPage),
        (status = 410, description = "The token is older than the feed keeps changes (`sync_token_expired`): read the lists in full and follow a new token", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/changes")]
async fn list_changes(
    principal: Principal,
    db: web::Data<Db>,
    retention: web::Data<TombstoneRetention>,
    query: Query<ChangesQuery>,
) -> Result<web::Json<ChangesPage>, ApiError> {
    let request = query.into_inner().request()?;
    let retention = **retention;
    Ok(web::Json(
        db.run(move |conn| super::read(conn, &principal.workspace_id, request, &retention))
            .await?,
    ))
}
