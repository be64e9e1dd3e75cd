use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::domain::{Channel, InteractionKind, InteractionPatch, KindGroup, NewInteraction};
use super::queries::{self, Interaction, InteractionFilter};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::ApiError;
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::precondition::IfMatch;
use crate::http::resource::{self, resource, written, Listed, SyncWindow};
use crate::time::TombstoneRetention;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(log_interaction)
        .service(list_interactions)
        .service(contact_timeline)
        .service(get_interaction)
        .service(update_interaction)
        .service(delete_interaction);
}

/// Log a touch with one or more contacts; their `last_interaction_at` moves with it. A
/// `referral_ask` is logged only on a live channel (`in_person`, `phone`, `video`,
/// `event`): 422 `ask_channel_not_personal` otherwise (R1), here and on an update that
/// changes its kind or channel.
#[utoipa::path(
    tag = "interactions", operation_id = "logInteraction", request_body = NewInteraction,
    responses((status = 201, body = Interaction, headers(("ETag" = String, description = "The interaction's version"))))
)]
#[post("/interactions")]
async fn log_interaction(
    principal: Principal,
    db: web::Data<Db>,
    body: Json<NewInteraction>,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let fields = body.into_inner();
    let interaction = db
        .transaction(move |conn| {
            queries::create(conn, &principal.workspace_id, &principal.member_id, fields)
        })
        .await?;
    Ok(written(StatusCode::CREATED, interaction))
}

/// The list's own filter: a contact's timeline has the contact in its path.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct WithContactQuery {
    /// Only interactions with this contact.
    contact_id: Option<uuid::Uuid>,
}

/// The filters the list and a contact's timeline share.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListInteractionsQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    kind: Option<InteractionKind>,
    group: Option<KindGroup>,
    channel: Option<Channel>,
    /// Only interactions had by this member.
    member_id: Option<uuid::Uuid>,
    /// Only interactions at or after this time.
    #[serde(default, deserialize_with = "crate::time::accept::optional_time")]
    occurred_after: Option<DateTime<Utc>>,
    /// Only interactions before this time.
    #[serde(default, deserialize_with = "crate::time::accept::optional_time")]
    occurred_before: Option<DateTime<Utc>>,
    /// Only interactions changed (or deleted) at or after this time, for incremental sync.
    #[serde(default, deserialize_with = "crate::time::accept::optional_time")]
    updated_since: Option<DateTime<Utc>>,
    /// Include deleted interactions (tombstones with `deleted_at` set, their summary and
    /// notes erased), for sync, within the tombstone retention (30 days by default).
    #[param(default = false)]
    include_deleted: Option<bool>,
}

impl ListInteractionsQuery {
    fn into_parts(
        self,
        contact_id: Option<String>,
        retention: &TombstoneRetention,
    ) -> Result<(InteractionFilter, PageRequest), ApiError> {
        let page = PageRequest::parse(self.limit, self.cursor.as_deref())?;
        let filter = InteractionFilter {
            contact_id,
            kind: self.kind,
            group: self.group,
            channel: self.channel,
            member_id: self.member_id.map(|id| id.to_string()),
            occurred_after: self.occurred_after,
            occurred_before: self.occurred_before,
            window: SyncWindow::new(self.updated_since, self.include_deleted, retention),
        };
        Ok((filter, page))
    }
}

/// List interactions, newest first, with filters; cursor-paginated.
#[utoipa::path(tag = "interactions", operation_id = "listInteractions", params(WithContactQuery, ListInteractionsQuery), responses((status = 200, body = Page<Interaction>)))]
#[get("/interactions")]
async fn list_interactions(
    principal: Principal,
    db: web::Data<Db>,
    retention: web::Data<TombstoneRetention>,
    with: Query<WithContactQuery>,
    query: Query<ListInteractionsQuery>,
) -> Result<Listed<Interaction>, ApiError> {
    let contact_id = with.into_inner().contact_id.map(|id| id.to_string());
    let (filter, page) = query.into_inner().into_parts(contact_id, &retention)?;
    resource::listed(&db, move |conn| {
        queries::list(conn, &principal.workspace_id, &filter, &page)
    })
    .await
}

/// A contact's timeline: its interactions, newest first (same filters as the list).
#[utoipa::path(
    tag = "interactions", operation_id = "contactTimeline",
    params(("id" = uuid::Uuid, Path, description = "Contact id"), ListInteractionsQuery),
    responses((status = 200, body = Page<Interaction>))
)]
#[get("/contacts/{id}/interactions")]
async fn contact_timeline(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    retention: web::Data<TombstoneRetention>,
    query: Query<ListInteractionsQuery>,
) -> Result<Listed<Interaction>, ApiError> {
    let contact_id = id.to_string();
    let (filter, page) = query
        .into_inner()
        .into_parts(Some(contact_id.clone()), &retention)?;
    resource::listed(&db, move |conn| {
        queries::ensure_contact(conn, &principal.workspace_id, &contact_id)?;
        queries::list(conn, &principal.workspace_id, &filter, &page)
    })
    .await
}

/// One interaction, with its version as the `ETag`.
#[utoipa::path(
    tag = "interactions", operation_id = "getInteraction",
    params(("id" = uuid::Uuid, Path, description = "Interaction id")),
    responses((status = 200, body = Interaction, headers(("ETag" = String, description = "The interaction's version"))))
)]
#[get("/interactions/{id}")]
async fn get_interaction(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    resource::get::<Interaction>(principal, db, id.into_inner()).await
}

/// Change an interaction; the contacts' clocks follow (including contacts removed from it).
#[utoipa::path(
    tag = "interactions", operation_id = "updateInteraction", request_body = InteractionPatch,
    params(("id" = uuid::Uuid, Path, description = "Interaction id")),
    responses((status = 200, body = Interaction))
)]
#[patch("/interactions/{id}")]
async fn update_interaction(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    if_match: IfMatch,
    body: Json<InteractionPatch>,
) -> Result<HttpResponse, ApiError> {
    resource::change::<Interaction>(principal, db, id.into_inner(), if_match, body.into_inner())
        .await
}

/// Delete an interaction (soft); each contact's clock goes back to its previous interaction.
#[utoipa::path(
    tag = "interactions", operation_id = "deleteInteraction",
    params(("id" = uuid::Uuid, Path, description = "Interaction id")),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/interactions/{id}")]
async fn delete_interaction(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    resource::delete::<Interaction>(principal, db, id.into_inner(), if_match).await
}

resource!(Interaction {
    patch: InteractionPatch,
    changed: Interaction,
    find: queries::get,
    change: queries::update,
    delete: queries::delete,
});
