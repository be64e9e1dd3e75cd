//! One shape for the workspace's versioned resources (contacts, interactions, referral
//! requests, introductions, connections): one is read with its version as the `ETag`,
//! changed at a version (`If-Match`), and deleted as a tombstone that sync still sees for
//! the retention. A resource says only how it is found, changed and deleted; these
//! handlers, the version guard and the list window are written once, here.

use actix_web::body::BoxBody;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse, Responder};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;

use crate::auth::Principal;
use crate::db::{Db, DbConn};
use crate::error::ApiError;
use crate::http::pagination::Page;
use crate::http::precondition::{with_etag, IfMatch};
use crate::time::{to_db, TombstoneRetention};

/// A representation that carries its resource's version.
pub trait Versioned: Serialize + Send + 'static {
    fn version(&self) -> i64;
}

/// Implements `Versioned` for views with a `version` field.
macro_rules! versioned {
    ($($view:ty),+ $(,)?) => {$(
        impl $crate::http::resource::Versioned for $view {
            fn version(&self) -> i64 {
                self.version
            }
        }
    )+};
}
pub(crate) use versioned;

pub trait Resource: Versioned + Sized {
    /// What a change sends: absent fields stay, `null` clears.
    type Patch: Send + 'static;
    /// What a change answers: the resource, or the resource with what follows from it.
    type Changed: Versioned;

    /// The live resource `id` of the workspace; a 404 otherwise.
    fn find(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<Self, ApiError>;

    /// Changes it as `actor` (a member), at the version `if_match` names, if any.
    fn change(
        conn: &mut DbConn,
        workspace_id: &str,
        actor: &str,
        id: &str,
        if_match: &IfMatch,
        patch: Self::Patch,
    ) -> Result<Self::Changed, ApiError>;

    /// Deletes it as a tombstone, erasing what it says about people.
    fn delete(
        conn: &mut DbConn,
        workspace_id: &str,
        id: &str,
        if_match: &IfMatch,
    ) -> Result<(), ApiError>;
}

/// Declares a resource by the functions of its module that find, change and delete it:
/// `change` when the change does not depend on who makes it, `change_by` when it does
/// (the function then takes the acting member after the workspace).
macro_rules! resource {
    ($view:ty { patch: $patch:ty, changed: $changed:ty, find: $find:path, change: $change:path, delete: $delete:path $(,)? }) => {
        $crate::http::resource::resource!(@impl $view, $patch, $changed, $find, $delete,
            |conn, workspace_id, _actor, id, if_match, patch| $change(conn, workspace_id, id, if_match, patch));
    };
    ($view:ty { patch: $patch:ty, changed: $changed:ty, find: $find:path, change_by: $change:path, delete: $delete:path $(,)? }) => {
        $crate::http::resource::resource!(@impl $view, $patch, $changed, $find, $delete,
            |conn, workspace_id, actor, id, if_match, patch| $change(conn, workspace_id, actor, id, if_match, patch));
    };
    (@impl $view:ty, $patch:ty, $changed:ty, $find:path, $delete:path,
        |$conn:ident, $workspace_id:ident, $actor:ident, $id:ident, $if_match:ident, $patch_value:ident| $change:expr) => {
        impl $crate::http::resource::Resource for $view {
            type Patch = $patch;
            type Changed = $changed;

            fn find(
                conn: &mut $crate::db::DbConn,
                workspace_id: &str,
                id: &str,
            ) -> Result<Self, $crate::error::ApiError> {
                $find(conn, workspace_id, id)
            }

            fn change(
                $conn: &mut $crate::db::DbConn,
                $workspace_id: &str,
                $actor: &str,
                $id: &str,
                $if_match: &$crate::http::precondition::IfMatch,
                $patch_value: $patch,
            ) -> Result<$changed, $crate::error::ApiError> {
                $change.map(Into::into)
            }

            fn delete(
                conn: &mut $crate::db::DbConn,
                workspace_id: &str,
                id: &str,
                if_match: &$crate::http::precondition::IfMatch,
            ) -> Result<(), $crate::error::ApiError> {
                $delete(conn, workspace_id, id, if_match)
            }
        }
    };
}
pub(crate) use resource;

/// A representation as the answer to a write, with its version as the `ETag`.
pub fn written(status: StatusCode, view: impl Versioned) -> HttpResponse {
    with_etag(status, view.version(), view)
}

pub async fn get<R: Resource>(
    principal: Principal,
    db: web::Data<Db>,
    id: uuid::Uuid,
) -> Result<HttpResponse, ApiError> {
    let id = id.to_string();
    let found = db
        .run(move |conn| R::find(conn, &principal.workspace_id, &id))
        .await?;
    Ok(written(StatusCode::OK, found))
}

pub async fn change<R: Resource>(
    principal: Principal,
    db: web::Data<Db>,
    id: uuid::Uuid,
    if_match: IfMatch,
    patch: R::Patch,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let id = id.to_string();
    let changed = db
        .transaction(move |conn| {
            let (workspace_id, actor) = (&principal.workspace_id, &principal.member_id);
            R::change(conn, workspace_id, actor, &id, &if_match, patch)
        })
        .await?;
    Ok(written(StatusCode::OK, changed))
}

pub async fn delete<R: Resource>(
    principal: Principal,
    db: web::Data<Db>,
    id: uuid::Uuid,
    if_match: IfMatch,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let id = id.to_string();
    db.transaction(move |conn| R::delete(conn, &principal.workspace_id, &id, &if_match))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// What a list shows of the resource's history, for incremental sync: rows changed since
/// `updated_since` (all, if none), and tombstones only when asked for and only within the
/// retention.
#[derive(Debug, Clone, Copy, Default)]
pub struct SyncWindow {
    pub updated_since: Option<NaiveDateTime>,
    /// Tombstones deleted at or after this time are listed; none, if `None`.
    pub deleted_since: Option<NaiveDateTime>,
}

/// The response header that tells a list's reader what to send as `updated_since` next.
pub const WATERMARK_HEADER: &str = "Rapport-Sync-Watermark";

impl SyncWindow {
    pub fn new(
        updated_since: Option<DateTime<Utc>>,
        include_deleted: Option<bool>,
        retention: &TombstoneRetention,
    ) -> Self {
        Self {
            updated_since: updated_since.map(to_db),
            deleted_since: retention.deleted_since(include_deleted.unwrap_or(false)),
        }
    }

    /// The `updated_since` of the next read, taken before this one: far enough back that a
    /// row written by a transaction still open now, which this read cannot see, is changed
    /// after it. A write transaction runs at most `MAX_WRITE`; the margin past that covers
    /// the wait for a connection and instances' clocks a few seconds apart.
    pub fn watermark() -> DateTime<Utc> {
        crate::time::now() - 2 * crate::db::MAX_WRITE
    }
}

/// A page of a list that syncs by `updated_since`, with the watermark to sync from next.
pub struct Listed<T> {
    pub page: Page<T>,
    pub watermark: DateTime<Utc>,
}

impl<T: Serialize> Responder for Listed<T> {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        let watermark = self
            .watermark
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
        HttpResponse::Ok()
            .insert_header((WATERMARK_HEADER, watermark))
            .json(self.page)
    }
}

/// Lists a page that syncs by `updated_since`: the watermark is taken before the read.
pub async fn listed<T, F>(db: &Db, read: F) -> Result<Listed<T>, ApiError>
where
    F: FnOnce(&mut DbConn) -> Result<Page<T>, ApiError> + Send + 'static,
    T: Send + 'static,
{
    let watermark = SyncWindow::watermark();
    let page = db.run(read).await?;
    Ok(Listed { page, watermark })
}

/// Narrows a boxed query of `$table` to a workspace and a sync window.
macro_rules! in_window {
    ($query:expr, $table:ident, $workspace_id:expr, $window:expr) => {{
        use $crate::db::schema::$table;
        let window: &$crate::http::resource::SyncWindow = $window;
        let mut query = $query.filter($table::workspace_id.eq($workspace_id.to_owned()));
        query = match window.deleted_since {
            None => query.filter($table::deleted_at.is_null()),
            Some(since) => query.filter(
                $table::deleted_at
                    .is_null()
                    .or($table::deleted_at.ge(since)),
            ),
        };
        if let Some(since) = window.updated_since {
            query = query.filter($table::updated_at.ge(since));
        }
        query
    }};
}
pub(crate) use in_window;

/// The live row `$id` of a workspace's `$table`, or a 404 naming the `$what`.
macro_rules! live_row {
    ($conn:expr, $table:ident, $row:ty, $workspace_id:expr, $id:expr, $what:literal) => {{
        use $crate::db::schema::$table;
        let id: &str = $id;
        $table::table
            .filter($table::workspace_id.eq($workspace_id))
            .filter($table::id.eq(id))
            .filter($table::deleted_at.is_null())
            .select(<$row>::as_select())
            .first::<$row>($conn)
            .optional()?
            .ok_or_else(|| {
                $crate::error::ApiError::not_found(format!(
                    concat!("no ", $what, " {} in this workspace"),
                    id
                ))
            })
    }};
}
pub(crate) use live_row;

/// A boxed query of `$table`'s rows as `$row`, in id order, after the page's cursor.
macro_rules! by_id {
    ($table:ident, $row:ty, $page:expr) => {{
        use $crate::db::schema::$table;
        let page: &$crate::http::pagination::PageRequest = $page;
        let mut query = $table::table
            .select(<$row>::as_select())
            .order($table::id.asc())
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some(after) = page.after_id()? {
            query = query.filter($table::id.gt(after.to_owned()));
        }
        query
    }};
}
pub(crate) use by_id;
