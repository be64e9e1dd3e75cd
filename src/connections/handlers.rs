use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::domain::{ConnectionKind, ConnectionPatch, ConnectionRequest, NewConnection, Person};
use super::queries::{self, Connection, ConnectionFilter};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::precondition::IfMatch;
use crate::http::resource::{self, resource, written, Listed, SyncWindow};
use crate::interactions::queries::ensure_contact;
use crate::time::now;
use crate::time::TombstoneRetention;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_connection)
        .service(list_connections)
        .service(contact_connections)
        .service(get_connection)
        .service(update_connection)
        .service(delete_connection);
}

/// Record that two people know each other: two contacts, or a member and a contact.
/// Undirected kinds are stored once whichever end comes first; `reports_to` runs from the
/// one who reports. The same two people with the same kind twice: 409
/// `duplicate_connection`; a person with themselves: 422.
#[utoipa::path(
    tag = "network", operation_id = "createConnection", request_body = ConnectionRequest,
    responses(
        (status = 201, body = Connection, headers(("ETag" = String, description = "The connection's version"))),
        (status = 409, description = "These two people already have this connection (`duplicate_connection`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/connections")]
async fn create_connection(
    principal: Principal,
    db: web::Data<Db>,
    body: Json<ConnectionRequest>,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let fields = NewConnection::parse(body.into_inner(), now().date_naive())
        .map_err(|(pointer, reason)| ApiError::invalid_field(pointer, reason))?;
    let created = db
        .transaction(move |conn| queries::create(conn, &principal.workspace_id, fields))
        .await?;
    Ok(written(StatusCode::CREATED, created))
}

/// The list's own filter: a contact's connections have the contact in their path.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct WhoseQuery {
    /// Only connections of this contact (either end).
    contact_id: Option<uuid::Uuid>,
    /// Only connections of this member (either end); not with `contact_id`.
    member_id: Option<uuid::Uuid>,
}

impl WhoseQuery {
    fn person(self) -> Result<Option<Person>, ApiError> {
        match (self.contact_id, self.member_id) {
            (Some(_), Some(_)) => Err(ApiError::invalid_field(
                "member_id",
                "give `contact_id` or `member_id`, not both",
            )),
            (Some(contact), None) => Ok(Some(Person::Contact(contact))),
            (None, member) => Ok(member.map(Person::Member)),
        }
    }
}

/// The filters the list and a contact's connections share.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListConnectionsQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    kind: Option<ConnectionKind>,
    /// Only connections changed (or deleted) at or after this time, for incremental sync.
    #[serde(default, deserialize_with = "crate::time::accept::optional_time")]
    updated_since: Option<DateTime<Utc>>,
    /// Include deleted connections (tombstones with `deleted_at` set, their note erased), for
    /// sync, within the tombstone retention (30 days by default).
    #[param(default = false)]
    include_deleted: Option<bool>,
}

impl ListConnectionsQuery {
    fn into_parts(
        self,
        person: Option<Person>,
        retention: &TombstoneRetention,
    ) -> Result<(ConnectionFilter, PageRequest), ApiError> {
        let filter = ConnectionFilter {
            person,
            kind: self.kind,
            window: SyncWindow::new(self.updated_since, self.include_deleted, retention),
        };
        Ok((
            filter,
            PageRequest::parse(self.limit, self.cursor.as_deref())?,
        ))
    }
}

/// List connections, oldest first, with filters; cursor-paginated.
#[utoipa::path(tag = "network", operation_id = "listConnections", params(WhoseQuery, ListConnectionsQuery), responses((status = 200, body = Page<Connection>)))]
#[get("/connections")]
async fn list_connections(
    principal: Principal,
    db: web::Data<Db>,
    retention: web::Data<TombstoneRetention>,
    whose: Query<WhoseQuery>,
    query: Query<ListConnectionsQuery>,
) -> Result<Listed<Connection>, ApiError> {
    let person = whose.into_inner().person()?;
    let (filter, page) = query.into_inner().into_parts(person, &retention)?;
    resource::listed(&db, move |conn| {
        queries::list(conn, &principal.workspace_id, &filter, &page)
    })
    .await
}

/// The people a contact knows: its connections, from either end (same filters as the
/// list).
#[utoipa::path(
    tag = "network", operation_id = "contactConnections",
    params(("id" = uuid::Uuid, Path, description = "Contact id"), ListConnectionsQuery),
    responses((status = 200, body = Page<Connection>))
)]
#[get("/contacts/{id}/connections")]
async fn contact_connections(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    retention: web::Data<TombstoneRetention>,
    query: Query<ListConnectionsQuery>,
) -> Result<Listed<Connection>, ApiError> {
    let contact_id = id.into_inner();
    let person = Some(Person::Contact(contact_id));
    let (filter, page) = query.into_inner().into_parts(person, &retention)?;
    resource::listed(&db, move |conn| {
        ensure_contact(conn, &principal.workspace_id, &contact_id.to_string())?;
        queries::list(conn, &principal.workspace_id, &filter, &page)
    })
    .await
}

/// A connection.
#[utoipa::path(
    tag = "network", operation_id = "getConnection",
    params(("id" = uuid::Uuid, Path, description = "Connection id")),
    responses((status = 200, body = Connection, headers(("ETag" = String, description = "The connection's version"))))
)]
#[get("/connections/{id}")]
async fn get_connection(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    resource::get::<Connection>(principal, db, id.into_inner()).await
}

/// Change a connection's `strength`, `note` or `since`.
#[utoipa::path(
    tag = "network", operation_id = "updateConnection", request_body = ConnectionPatch,
    params(("id" = uuid::Uuid, Path, description = "Connection id")),
    responses(
        (status = 200, body = Connection),
    )
)]
#[patch("/connections/{id}")]
async fn update_connection(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    if_match: IfMatch,
    body: Json<ConnectionPatch>,
) -> Result<HttpResponse, ApiError> {
    resource::change::<Connection>(principal, db, id.into_inner(), if_match, body.into_inner())
        .await
}

/// Delete a connection (soft: lists with `include_deleted=true` still show it).
#[utoipa::path(
    tag = "network", operation_id = "deleteConnection",
    params(("id" = uuid::Uuid, Path, description = "Connection id")),
    responses((status = 204, description = "Deleted"))
)]
#[delete("/connections/{id}")]
async fn delete_connection(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    resource::delete::<Connection>(principal, db, id.into_inner(), if_match).await
}

resource!(Connection {
    patch: ConnectionPatch,
    changed: Connection,
    find: queries::get,
    change: queries::update,
    delete: queries::delete,
});
