use actix_web::{delete, get, patch, post, put, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::batch::{ContactBatch, ContactOperation};
use super::domain::{ContactPatch, NewContact, RelationshipKind};
use super::duplicates::{self, DuplicatePair};
use super::merge::{self, Merge, MergeRequest};
use super::queries::{self, Contact, ContactFilter};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::external_ids::{self, ExternalId};
use crate::http::batch::{self, BatchResults};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageQuery};
use crate::http::precondition::IfMatch;
use crate::http::resource::{self, resource, written, Listed, SyncWindow};
use crate::nurture::cadence::NurtureStatus;
use crate::time::TombstoneRetention;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_contact)
        .service(list_contacts)
        .service(list_duplicates)
        .service(get_contact)
        .service(update_contact)
        .service(upsert_contact)
        .service(contact_batch)
        .service(merge_contact)
        .service(delete_contact)
        .service(super::export::export_contacts);
}

/// Add a contact to the network.
#[utoipa::path(
    tag = "contacts", operation_id = "createContact", request_body = NewContact,
    responses((status = 201, body = Contact, headers(("ETag" = String, description = "The contact's version"))))
)]
#[post("/contacts")]
async fn create_contact(
    principal: Principal,
    db: web::Data<Db>,
    body: Json<NewContact>,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let fields = body.into_inner();
    let contact = db
        .transaction(move |conn| {
            queries::create(conn, &principal.workspace_id, &principal.member_id, fields)
        })
        .await?;
    Ok(written(actix_web::http::StatusCode::CREATED, contact))
}

/// The filters of the contact list, which an export takes too.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct ContactFilters {
    /// Case-insensitive text searched in names, emails and company.
    #[param(max_length = 200)]
    q: Option<String>,
    /// Only contacts of this relationship kind.
    kind: Option<RelationshipKind>,
    /// Only contacts with this tag (case-insensitive).
    tag: Option<String>,
    /// Only contacts held by this member.
    owner_id: Option<uuid::Uuid>,
    /// Only contacts at this company (case-insensitive, whole name).
    company: Option<String>,
    /// Only contacts changed (or deleted) at or after this time, for incremental sync.
    #[serde(default, deserialize_with = "crate::time::accept::optional_time")]
    updated_since: Option<DateTime<Utc>>,
    /// Include deleted contacts (tombstones with `deleted_at` set and their personal fields
    /// erased), for sync; tombstones older than the retention (30 days by default) are no
    /// longer listed.
    #[param(default = false)]
    include_deleted: Option<bool>,
    /// Only the contact another system knows by this id, written `system:id`
    /// (`hubspot:5012`); with `include_deleted=true`, also a deleted one that held it.
    #[param(example = "hubspot:5012")]
    external_id: Option<String>,
    /// Only contacts in this nurturing state.
    nurture_status: Option<NurtureStatus>,
    /// Only contacts whose next touch is due before this time.
    #[serde(default, deserialize_with = "crate::time::accept::optional_time")]
    due_before: Option<DateTime<Utc>>,
}

impl ContactFilters {
    pub(super) fn parse(self, retention: &TombstoneRetention) -> Result<ContactFilter, ApiError> {
        if self.q.as_ref().is_some_and(|q| q.chars().count() > 200) {
            return Err(ApiError::invalid_field(
                "q",
                "must be at most 200 characters",
            ));
        }
        let non_empty =
            |value: Option<String>| value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        Ok(ContactFilter {
            q: non_empty(self.q),
            kind: self.kind,
            tag: non_empty(self.tag),
            owner_id: self.owner_id.map(|id| id.to_string()),
            company: non_empty(self.company),
            window: SyncWindow::new(self.updated_since, self.include_deleted, retention),
            external_id: self
                .external_id
                .as_deref()
                .map(external_ids::parse_filter)
                .transpose()?,
            nurture_status: self.nurture_status,
            due_before: self.due_before,
        })
    }
}

/// List contacts, oldest first, with filters; cursor-paginated.
#[utoipa::path(tag = "contacts", operation_id = "listContacts", params(PageQuery, ContactFilters), responses((status = 200, body = Page<Contact>)))]
#[get("/contacts")]
async fn list_contacts(
    principal: Principal,
    db: web::Data<Db>,
    retention: web::Data<TombstoneRetention>,
    page: Query<PageQuery>,
    filters: Query<ContactFilters>,
) -> Result<Listed<Contact>, ApiError> {
    let page = page.into_inner().page()?;
    let filter = filters.into_inner().parse(&retention)?;
    resource::listed(&db, move |conn| {
        queries::list(conn, &principal.workspace_id, &filter, &page)
    })
    .await
}

/// One contact, with its version as the `ETag`.
#[utoipa::path(
    tag = "contacts", operation_id = "getContact",
    params(("id" = uuid::Uuid, Path, description = "Contact id")),
    responses((status = 200, body = Contact, headers(("ETag" = String, description = "The contact's version"))))
)]
#[get("/contacts/{id}")]
async fn get_contact(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    resource::get::<Contact>(principal, db, id.into_inner()).await
}

/// Change a contact: absent fields stay, `null` clears. Send `If-Match` with the ETag you
/// read to avoid overwriting someone else's change.
#[utoipa::path(
    tag = "contacts", operation_id = "updateContact", request_body = ContactPatch,
    params(("id" = uuid::Uuid, Path, description = "Contact id")),
    responses((status = 200, body = Contact))
)]
#[patch("/contacts/{id}")]
async fn update_contact(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    if_match: IfMatch,
    body: Json<ContactPatch>,
) -> Result<HttpResponse, ApiError> {
    resource::change::<Contact>(principal, db, id.into_inner(), if_match, body.into_inner()).await
}

resource!(Contact {
    patch: ContactPatch,
    changed: Contact,
    find: queries::get,
    change: queries::update,
    delete: queries::delete,
});

/// Create or update the contact another system knows by `{system}/{id}`, as a sync does:
/// 201 with the new contact, or 200 with the one changed. The body is read as a PATCH:
/// the fields sent are set, `null` clears, absent fields stay (so a CRM that knows only
/// names and emails erases no notes); creating needs `first_name`. The contact keeps this
/// external id whatever `external_ids` the body lists. Two callers upserting one new id at
/// once make one contact: the second updates what the first created.
#[utoipa::path(
    tag = "contacts", operation_id = "upsertContactByExternalId", request_body = ContactPatch,
    params(
        ("system" = String, Path, description = "The other system, a lower-case slug", example = "hubspot"),
        ("id" = String, Path, description = "The contact's id there", example = "5012"),
    ),
    responses(
        (status = 200, description = "Updated", body = Contact, headers(("ETag" = String, description = "The contact's new version"))),
        (status = 201, description = "Created", body = Contact, headers(("ETag" = String, description = "The contact's version"))),
        (status = 409, description = "`external_id_taken`: an id in `external_ids` names another contact; or a concurrent update won", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/contacts/by-external-id/{system}/{id}")]
async fn upsert_contact(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
    body: Json<ContactPatch>,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let (system, id) = path.into_inner();
    let external = ExternalId::from_path(system, id)?;
    let patch = body.into_inner();
    let (contact, created) = db
        .transaction(move |conn| {
            let (workspace_id, actor) = (&principal.workspace_id, &principal.member_id);
            queries::upsert(conn, workspace_id, actor, external, patch)
        })
        .await?;
    let status = if created {
        actix_web::http::StatusCode::CREATED
    } else {
        actix_web::http::StatusCode::OK
    };
    Ok(written(status, contact))
}

/// Likely duplicates among the live contacts: pairs that share an email, a phone number
/// (its last nine digits) or a name at the same company, each with its evidence, the
/// older contact first. A value more than 20 contacts share is not evidence.
#[utoipa::path(
    tag = "contacts", operation_id = "listDuplicateContacts", params(PageQuery),
    responses((status = 200, body = Page<DuplicatePair>))
)]
#[get("/contacts/duplicates")]
async fn list_duplicates(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<PageQuery>,
) -> Result<web::Json<Page<DuplicatePair>>, ApiError> {
    let page = query.into_inner().page()?;
    Ok(web::Json(
        db.run(move |conn| duplicates::list(conn, &principal.workspace_id, &page))
            .await?,
    ))
}

/// Merge a duplicate into this contact. The duplicate's interactions, connections,
/// referral requests, introductions, snoozes and external ids move here (a connection
/// that would join the two, or repeat one this contact has, is deleted instead); contacts
/// met through the duplicate are met through this one. Empty fields fill from the
/// duplicate's, never overwriting; emails, phones, tags and dates are joined; both notes
/// are kept. The duplicate becomes a tombstone with `merged_into`, and the change feed
/// shows both as `merged`. With `dry_run: true`, the answer is what the merge would do, and
/// nothing changes.
#[utoipa::path(
    tag = "contacts", operation_id = "mergeContact", request_body = MergeRequest,
    params(("id" = uuid::Uuid, Path, description = "The contact that stays")),
    responses(
        (status = 200, description = "Merged, or what a merge would do", body = Merge),
        (status = 409, description = "`cannot_merge`: the two cannot be one as they are (their notes together are too long)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/contacts/{id}/merge")]
async fn merge_contact(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    body: Json<MergeRequest>,
) -> Result<web::Json<Merge>, ApiError> {
    principal.require_write()?;
    let survivor_id = id.to_string();
    let request = body.into_inner();
    let merged = db
        .transaction(move |conn| merge::merge(conn, &principal.workspace_id, &survivor_id, request))
        .await?;
    Ok(web::Json(merged))
}

/// Create, update, upsert and delete up to 100 contacts in one request, in order: each
/// operation does what its own endpoint does, and the answer has one result per
/// operation (`index`, `status`, `id`, `version`, `problem`). With `atomic: true` it is
/// all or nothing, and a failure answers that operation's problem, its pointer under
/// `/operations/{index}`. A batch is one request for the rate limit and for
/// `Idempotency-Key`.
#[utoipa::path(
    tag = "contacts", operation_id = "contactBatch", request_body = ContactBatch,
    responses(
        (status = 200, description = "Every operation's outcome, in order", body = BatchResults),
        (status = 404, description = "`atomic`: an operation names no contact of this workspace", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`atomic`: an operation met a conflict (`external_id_taken`, `concurrent_update`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`atomic`: an operation's `if_match` is not the contact's version", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/contacts/batch")]
async fn contact_batch(
    principal: Principal,
    db: web::Data<Db>,
    body: Json<ContactBatch>,
) -> Result<web::Json<BatchResults>, ApiError> {
    principal.require_write()?;
    let batch = body.into_inner();
    let results = db
        .transaction(move |conn| {
            let (workspace_id, actor) = (&principal.workspace_id, &principal.member_id);
            batch::run::<ContactOperation>(
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

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct DeleteContactQuery {
    /// Also erase, at once, the summary and notes of every interaction the contact took
    /// part in (a data-protection request; owners and admins). Works on a contact already
    /// deleted, too.
    #[param(default = false)]
    erase: Option<bool>,
}

/// Delete a contact. The deletion is soft: lists with `include_deleted=true` still show it,
/// with `deleted_at` set, so that synced systems can delete it too, for the tombstone
/// retention (30 days by default); its personal fields (names, emails, phones, company,
/// dates, notes, tags) are erased at once. `erase=true` also erases what its interactions
/// say.
#[utoipa::path(
    tag = "contacts", operation_id = "deleteContact",
    params(("id" = uuid::Uuid, Path, description = "Contact id"), DeleteContactQuery),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/contacts/{id}")]
async fn delete_contact(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    if_match: IfMatch,
    query: Query<DeleteContactQuery>,
) -> Result<HttpResponse, ApiError> {
    if !query.into_inner().erase.unwrap_or(false) {
        return resource::delete::<Contact>(principal, db, id.into_inner(), if_match).await;
    }
    principal.require_write()?;
    principal.require_admin()?;
    let id = id.to_string();
    db.transaction(move |conn| {
        let workspace_id = &principal.workspace_id;
        // An erasure reaches a contact deleted earlier as well.
        if queries::exists(conn, workspace_id, &id)? {
            queries::delete(conn, workspace_id, &id, &if_match)?;
        } else if !queries::ever_existed(conn, workspace_id, &id)? {
            return Err(ApiError::not_found(format!(
                "no contact {id} in this workspace"
            )));
        }
        crate::interactions::queries::erase_notes_about(conn, workspace_id, &id)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
