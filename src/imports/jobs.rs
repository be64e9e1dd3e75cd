//! Import jobs as stored: created by a request, claimed by one instance's runner at a time
//! (a lease it renews with each chunk), and read back with their progress and errors.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::mapping::Preset;
use super::records::Format;
use crate::db::schema::{import_errors, imports};
use crate::db::{insert_rows, DbConn, BATCH_ROWS};
use crate::error::ApiError;
use crate::http::pagination::{Page, PageRequest};
use crate::time::{db_now, from_db};
use crate::values::string_enum;

string_enum!(
    /// What an import does with a record that matches a contact (by external id, then by
    /// email).
    OnMatch {
        /// Fill what the contact leaves empty, never overwriting (as a merge does).
        Update = "update",
        /// Leave the contact as it is.
        Skip = "skip",
        /// Add a new contact all the same.
        Create = "create",
    }
);

string_enum!(
    /// Where an import job is.
    ImportStatus {
        Queued = "queued",
        Running = "running",
        Succeeded = "succeeded",
        Failed = "failed",
    }
);

/// How long a runner holds a job without writing progress before another may take it over:
/// as long as one transaction may last (`db::MAX_WRITE`), so that a runner is never taken
/// over in the middle of a chunk it may still commit. A chunk takes well under a second; a
/// crash leaves the lease to run out.
pub const LEASE: chrono::Duration =
    chrono::Duration::seconds(crate::db::MAX_WRITE.as_secs() as i64);

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = imports)]
pub struct ImportRow {
    pub workspace_id: String,
    pub id: String,
    pub member_id: String,
    pub format: String,
    pub preset: Option<String>,
    pub mapping: Option<String>,
    pub on_match: String,
    pub dry_run: bool,
    pub create_attendees: bool,
    pub status: String,
    pub body: String,
    pub unknown_columns: String,
    pub unmatched_attendees: String,
    pub total: i32,
    pub processed: i32,
    pub created: i32,
    pub updated: i32,
    pub skipped: i32,
    pub failed: i32,
    pub error: Option<String>,
    pub lease_until: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
}

/// An import job and how far it got.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57", "status": "succeeded", "format": "csv",
    "preset": "linkedin", "on_match": "update", "dry_run": false, "total": 1200,
    "processed": 1200, "created": 1150, "updated": 30, "skipped": 12, "failed": 8,
    "unknown_columns": [], "error": null, "created_at": "2026-12-06T09:00:00Z",
    "updated_at": "2026-12-06T09:00:02Z", "finished_at": "2026-12-06T09:00:02Z"
}))]
pub struct Import {
    pub id: uuid::Uuid,
    pub status: ImportStatus,
    pub format: Format,
    /// The column layout read: a preset recognised from the header, `mapping`, or `vcard`.
    pub preset: Preset,
    pub on_match: OnMatch,
    /// A dry run reports what the import would do and writes nothing.
    pub dry_run: bool,
    /// Calendars: whether attendees who match no contact were added as prospects.
    pub create_attendees: bool,
    /// Records in the file: contacts, or a calendar's meetings that took place (each past
    /// occurrence of an event with attendees).
    pub total: i32,
    /// Records done so far: `created + updated + skipped + failed`.
    pub processed: i32,
    /// Contacts created; for a calendar, meetings logged as interactions.
    pub created: i32,
    /// Matched a contact and filled some of what it left empty.
    pub updated: i32,
    /// Matched a contact and changed nothing (`on_match=skip`, or nothing new to fill);
    /// for a calendar, a meeting already logged or with no attendee among the contacts.
    pub skipped: i32,
    /// Refused; `GET /v1/imports/{id}/errors` says which and why.
    pub failed: i32,
    /// Columns of the header that no field reads.
    pub unknown_columns: Vec<String>,
    /// Calendars: the attendees' addresses that matched no contact (the first thousand),
    /// unless `create_attendees` added them.
    pub unmatched_attendees: Vec<String>,
    /// Why the job failed, when it did.
    pub error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("stored import has an invalid {what}"))
}

impl ImportRow {
    pub fn view(&self) -> Result<Import, ApiError> {
        Ok(Import {
            id: self.id.parse().map_err(|_| corrupt("id"))?,
            status: self.status.parse().map_err(|_| corrupt("status"))?,
            format: self.format.parse().map_err(|_| corrupt("format"))?,
            preset: self
                .preset
                .as_deref()
                .unwrap_or("mapping")
                .parse()
                .map_err(|_| corrupt("preset"))?,
            on_match: self.on_match.parse().map_err(|_| corrupt("on_match"))?,
            dry_run: self.dry_run,
            create_attendees: self.create_attendees,
            total: self.total,
            processed: self.processed,
            created: self.created,
            updated: self.updated,
            skipped: self.skipped,
            failed: self.failed,
            unknown_columns: serde_json::from_str(&self.unknown_columns)
                .map_err(|_| corrupt("unknown_columns"))?,
            unmatched_attendees: serde_json::from_str(&self.unmatched_attendees)
                .map_err(|_| corrupt("unmatched_attendees"))?,
            error: self.error.clone(),
            created_at: from_db(self.created_at),
            updated_at: from_db(self.updated_at),
            finished_at: self.finished_at.map(from_db),
        })
    }
}

/// One record an import refused.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable, Insertable)]
#[diesel(table_name = import_errors)]
#[schema(example = json!({"row": 14, "line": 15, "field": "/emails/0", "reason": "`jane@` is not an email address"}))]
pub struct ImportError {
    #[serde(skip)]
    pub workspace_id: String,
    #[serde(skip)]
    pub import_id: String,
    /// The record's number among the file's records, from 1 (the header not counted).
    #[serde(rename = "row")]
    pub row_number: i32,
    /// The line of the file the record starts on (CSV).
    pub line: Option<i32>,
    /// The field at fault, as a pointer into the contact (`/emails/0`), when one is.
    pub field: Option<String>,
    pub reason: String,
}

/// Unmatched attendees a job lists at most.
const MAX_UNMATCHED_LISTED: usize = 1000;

/// A new job, as the request describes it.
pub struct NewImport {
    pub format: Format,
    pub preset: Preset,
    pub mapping: Option<String>,
    pub on_match: OnMatch,
    pub dry_run: bool,
    pub create_attendees: bool,
    pub body: String,
    pub unknown_columns: Vec<String>,
    pub total: i32,
    /// When the file arrived: the job's creation, and for a calendar, the moment before
    /// which its meetings took place.
    pub received_at: NaiveDateTime,
}

pub fn create(
    conn: &mut DbConn,
    workspace_id: &str,
    member_id: &str,
    new: NewImport,
) -> Result<Import, ApiError> {
    let now = new.received_at;
    let row = ImportRow {
        workspace_id: workspace_id.to_owned(),
        id: uuid::Uuid::now_v7().to_string(),
        member_id: member_id.to_owned(),
        format: new.format.as_str().to_owned(),
        preset: Some(new.preset.as_str().to_owned()),
        mapping: new.mapping,
        on_match: new.on_match.as_str().to_owned(),
        dry_run: new.dry_run,
        create_attendees: new.create_attendees,
        status: ImportStatus::Queued.as_str().to_owned(),
        body: new.body,
        unknown_columns: serde_json::to_string(&new.unknown_columns).map_err(ApiError::internal)?,
        unmatched_attendees: "[]".to_owned(),
        total: new.total,
        processed: 0,
        created: 0,
        updated: 0,
        skipped: 0,
        failed: 0,
        error: None,
        lease_until: None,
        created_at: now,
        updated_at: now,
        finished_at: None,
    };
    diesel::insert_into(imports::table)
        .values(&row)
        .execute(conn)?;
    row.view()
}

/// Every column but the file, which only the runner reads.
macro_rules! without_body {
    () => {
        (
            imports::workspace_id,
            imports::id,
            imports::member_id,
            imports::format,
            imports::preset,
            imports::mapping,
            imports::on_match,
            imports::dry_run,
            imports::create_attendees,
            imports::status,
            diesel::dsl::sql::<diesel::sql_types::Text>("''"),
            imports::unknown_columns,
            imports::unmatched_attendees,
            imports::total,
            imports::processed,
            imports::created,
            imports::updated,
            imports::skipped,
            imports::failed,
            imports::error,
            imports::lease_until,
            imports::created_at,
            imports::updated_at,
            imports::finished_at,
        )
    };
}

pub fn get(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<Import, ApiError> {
    imports::table
        .filter(imports::workspace_id.eq(workspace_id))
        .filter(imports::id.eq(id))
        .select(without_body!())
        .first::<ImportRow>(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("no such import"))?
        .view()
}

/// The workspace's jobs, newest first.
pub fn list(
    conn: &mut DbConn,
    workspace_id: &str,
    page: &PageRequest,
) -> Result<Page<Import>, ApiError> {
    let mut query = imports::table
        .filter(imports::workspace_id.eq(workspace_id))
        .select(without_body!())
        .order(imports::id.desc())
        .limit(page.fetch_limit())
        .into_boxed();
    if let Some(after) = page.after_id()? {
        query = query.filter(imports::id.lt(after.to_owned()));
    }
    let rows = query.load::<ImportRow>(conn)?;
    let jobs = rows.iter().map(ImportRow::view).collect::<Result<_, _>>()?;
    Ok(page.page(jobs, |job: &Import| job.id.to_string()))
}

/// A job's refused records, in the file's order.
pub fn errors(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    page: &PageRequest,
) -> Result<Page<ImportError>, ApiError> {
    get(conn, workspace_id, id)?;
    let after = page.after_number()?.unwrap_or(0);
    let after = i32::try_from(after).unwrap_or(i32::MAX);
    let rows = import_errors::table
        .filter(import_errors::workspace_id.eq(workspace_id))
        .filter(import_errors::import_id.eq(id))
        .filter(import_errors::row_number.gt(after))
        .order(import_errors::row_number)
        .limit(page.fetch_limit())
        .select(ImportError::as_select())
        .load(conn)?;
    Ok(page.page_by_number(rows, |error: &ImportError| i64::from(error.row_number)))
}

/// The code of the error that tells a runner another instance took its job over.
pub const TAKEN_OVER: &str = "import_taken_over";

/// Takes the oldest unfinished job whose lease ran out (or that never had one), for
/// `LEASE`; answers it with its file.
pub fn claim_next(conn: &mut DbConn) -> Result<Option<ImportRow>, ApiError> {
    let now = db_now();
    let candidates: Vec<(String, String, Option<NaiveDateTime>)> = imports::table
        .filter(imports::finished_at.is_null())
        .filter(
            imports::lease_until
                .is_null()
                .or(imports::lease_until.lt(now)),
        )
        .order(imports::created_at)
        .select((imports::workspace_id, imports::id, imports::lease_until))
        .limit(5)
        .load(conn)?;
    for (workspace_id, id, lease) in candidates {
        // Taken only if no one renewed or took the lease since we looked.
        let unfinished = imports::table
            .find((&workspace_id, &id))
            .filter(imports::finished_at.is_null());
        let take = (
            imports::status.eq(ImportStatus::Running.as_str()),
            imports::lease_until.eq(now + LEASE),
            imports::updated_at.eq(now),
        );
        let taken = match lease {
            Some(lease) => diesel::update(unfinished.filter(imports::lease_until.eq(lease)))
                .set(take)
                .execute(conn)?,
            None => diesel::update(unfinished.filter(imports::lease_until.is_null()))
                .set(take)
                .execute(conn)?,
        };
        if taken == 1 {
            let row = imports::table
                .find((&workspace_id, &id))
                .select(ImportRow::as_select())
                .first(conn)?;
            return Ok(Some(row));
        }
    }
    Ok(None)
}

/// What one chunk did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub processed: i32,
    pub created: i32,
    pub updated: i32,
    pub skipped: i32,
    pub failed: i32,
}

/// Writes a chunk's progress and its refused records, in the chunk's transaction, and
/// renews the lease. Fails (undoing the chunk) if the job is no longer where this runner
/// left it: another runner took it over.
pub fn advance(
    conn: &mut DbConn,
    job: &mut ImportRow,
    tally: Tally,
    refused: Vec<ImportError>,
    unmatched: &[String],
) -> Result<(), ApiError> {
    let now = db_now();
    let mut listed: Vec<String> =
        serde_json::from_str(&job.unmatched_attendees).map_err(ApiError::internal)?;
    for email in unmatched {
        if listed.len() < MAX_UNMATCHED_LISTED && !listed.contains(email) {
            listed.push(email.clone());
        }
    }
    let listed = serde_json::to_string(&listed).map_err(ApiError::internal)?;
    let advanced = diesel::update(imports::table.find((&job.workspace_id, &job.id)))
        .filter(imports::processed.eq(job.processed))
        .filter(imports::lease_until.eq(job.lease_until))
        .filter(imports::finished_at.is_null())
        .set((
            imports::processed.eq(imports::processed + tally.processed),
            imports::created.eq(imports::created + tally.created),
            imports::updated.eq(imports::updated + tally.updated),
            imports::skipped.eq(imports::skipped + tally.skipped),
            imports::failed.eq(imports::failed + tally.failed),
            imports::unmatched_attendees.eq(&listed),
            imports::lease_until.eq(now + LEASE),
            imports::updated_at.eq(now),
        ))
        .execute(conn)?;
    if advanced == 0 {
        return Err(ApiError::conflict(
            TAKEN_OVER,
            "another instance took this import over",
        ));
    }
    for chunk in refused.chunks(BATCH_ROWS) {
        insert_rows!(conn, import_errors::table, chunk)?;
    }
    job.processed += tally.processed;
    job.created += tally.created;
    job.updated += tally.updated;
    job.skipped += tally.skipped;
    job.failed += tally.failed;
    job.unmatched_attendees = listed;
    job.lease_until = Some(now + LEASE);
    Ok(())
}

/// Ends a job: succeeded, or failed with why. The file is dropped: it holds personal data
/// that the contacts now hold, or that was not wanted.
pub fn finish(conn: &mut DbConn, job: &ImportRow, error: Option<String>) -> Result<(), ApiError> {
    let now = db_now();
    let status = match error {
        None => ImportStatus::Succeeded,
        Some(_) => ImportStatus::Failed,
    };
    diesel::update(imports::table.find((&job.workspace_id, &job.id)))
        .filter(imports::lease_until.eq(job.lease_until))
        .set((
            imports::status.eq(status.as_str()),
            imports::error.eq(error),
            imports::body.eq(""),
            imports::lease_until.eq(None::<NaiveDateTime>),
            imports::updated_at.eq(now),
            imports::finished_at.eq(Some(now)),
        ))
        .execute(conn)?;
    Ok(())
}
