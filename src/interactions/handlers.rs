use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, put, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::batch::{InteractionBatch, InteractionOperation};
use super::domain::{Channel, InteractionKind, InteractionPatch, KindGroup, NewInteraction};
use super::queries::{self, Interaction, InteractionFilter};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::external_ids::{self, ExternalId};
use crate::http::batch::{self, BatchResults};
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
        .service(delete_interaction)
        .service(upsert_interaction)
        .service(interaction_batch);
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

/// The list's own filters: a contact's timeline has the contact in its path.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct WhichQuery {
    /// Only interactions with this contact.
    contact_id: Option<uuid::Uuid>,
    /// Only the interaction another system knows by this id, as `system:id` (deleted ones
    /// too, with `include_deleted=true`).
    #[param(example = "hubspot:call-88")]
    external_id: Option<String>,
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
        which: WhichQuery,
        retention: &TombstoneRetention,
    ) -> Result<(InteractionFilter, PageRequest), ApiError> {
        let external_id = which
            .external_id
            .as_deref()
            .map(external_ids::parse_filter)
            .transpose()?;
        let contact_id = which.contact_id.map(|id| id.to_string());
        let page = PageRequest::parse(self.limit, self.cursor.as_deref())?;
        let filter = InteractionFilter {
            contact_id,
            kind: self.kind,
            group: self.group,
            channel: self.channel,
            member_id: self.member_id.map(|id| id.to_string()),
            occurred_after: self.occurred_after,
            occurred_before: self.occurred_before,
            external_id,
            window: SyncWindow::new(self.updated_since, self.include_deleted, retention),
        };
        Ok((filter, page))
    }
}

/// List interactions, newest first, with filters; cursor-paginated.
#[utoipa::path(tag = "interactions", operation_id = "listInteractions", params(WhichQuery, ListInteractionsQuery), responses((status = 200, body = Page<Interaction>)))]
#[get("/interactions")]
async fn list_interactions(
    principal: Principal,
    db: web::Data<Db>,
    retention: web::Data<TombstoneRetention>,
    which: Query<WhichQuery>,
    query: Query<ListInteractionsQuery>,
) -> Result<Listed<Interaction>, ApiError> {
    let (filter, page) = query
        .into_inner()
        .into_parts(which.into_inner(), &retention)?;
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
    let which = WhichQuery {
        contact_id: Some(*id),
        external_id: None,
    };
    let (filter, page) = query.into_inner().into_parts(which, &retention)?;
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

/// Create or update the interaction another system knows by `{system}/{id}` (a CRM's
/// logged call, a calendar's event), as a sync does: 201 with the new interaction, or 200
/// with the one changed. The body is read as a PATCH: the fields sent are set, `null`
/// clears, absent fields stay; creating needs `contact_ids`, `occurred_at`, `channel` and
/// `kind`. The interaction keeps this external id whatever `external_ids` the body lists.
/// Two callers upserting one new id at once make one interaction.
#[utoipa::path(
    tag = "interactions", operation_id = "upsertInteractionByExternalId", request_body = InteractionPatch,
    params(
        ("system" = String, Path, description = "The other system, a lower-case slug", example = "hubspot"),
        ("id" = String, Path, description = "The interaction's id there", example = "call-88"),
    ),
    responses(
        (status = 200, description = "Updated", body = Interaction, headers(("ETag" = String, description = "The interaction's new version"))),
        (status = 201, description = "Created", body = Interaction, headers(("ETag" = String, description = "The interaction's version"))),
        (status = 409, description = "`external_id_taken`: an id in `external_ids` names another interaction; or a concurrent update won", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/interactions/by-external-id/{system}/{id}")]
async fn upsert_interaction(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
    body: Json<InteractionPatch>,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let (system, id) = path.into_inner();
    let external = ExternalId::from_path(system, id)?;
    let patch = body.into_inner();
    let (interaction, created) = db
        .transaction(move |conn| {
            let (workspace_id, actor) = (&principal.workspace_id, &principal.member_id);
            queries::upsert(conn, workspace_id, actor, external, patch)
        })
        .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok(written(status, interaction))
}

/// Log, update, upsert and delete up to 100 interactions in one request, in order: each
/// operation does what its own endpoint does, and the answer has one result per
/// operation (`index`, `status`, `id`, `version`, `problem`). With `atomic: true` it is
/// all or nothing, and a failure answers that operation's problem, its pointer under
/// `/operations/{index}`. A batch is one request for the rate limit and for
/// `Idempotency-Key`.
#[utoipa::path(
    tag = "interactions", operation_id = "interactionBatch", request_body = InteractionBatch,
    responses(
        (status = 200, description = "Every operation's outcome, in order", body = BatchResults),
        (status = 404, description = "`atomic`: an operation names no interaction of this workspace", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`atomic`: an operation met a conflict (`external_id_taken`, `concurrent_update`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`atomic`: an operation's `if_match` is not the interaction's version", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/interactions/batch")]
async fn interaction_batch(
    principal: Principal,
    db: web::Data<Db>,
    body: Json<InteractionBatch>,
) -> Result<web::Json<BatchResults>, ApiError> {
    principal.require_write()?;
    let batch = body.into_inner();
    let results = db
        .transaction(move |conn| {
            let (workspace_id, actor) = (&principal.workspace_id, &principal.member_id);
            batch::run::<InteractionOperation>(
                conn,
                workspace_id,
                actor,
                batch.atomic,
                batch.operations,
            )
        })
        .await?;
    Ok(web::Json(results))
}
