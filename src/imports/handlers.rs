use std::collections::BTreeMap;
use std::sync::Arc;

use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use tokio::sync::Notify;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use super::jobs::{self, Import, ImportError, NewImport, OnMatch};
use super::mapping::{Target, TARGET_NAMES};
use super::records::{self, Format};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::http::extract::{text_body, FileBodyLimit, Query};
use crate::http::pagination::{Page, PageQuery, PageRequest};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(create_import)
        .service(list_imports)
        .service(get_import)
        .service(list_import_errors)
        .service(super::email::log_inbound_email);
}

/// What the import handlers share with the runner.
pub struct Imports {
    /// Wakes this instance's runner for a job just queued.
    pub wake: Arc<Notify>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ImportQuery {
    /// What to do with a record that matches a live contact, by external id first, then
    /// by email (default `update`: fill what the contact leaves empty, never overwriting).
    on_match: Option<OnMatch>,
    /// Count what the import would do, write nothing.
    #[param(default = false)]
    dry_run: Option<bool>,
    /// Calendars: add each attendee who matches no contact as a prospect (named by the
    /// calendar's `CN`, else by the address), so that the meeting is logged with them.
    #[param(default = false)]
    create_attendees: Option<bool>,
    /// A JSON object from the file's column names to the fields they fill, when the header
    /// is not one a preset knows (or to read it differently): `first_name`, `last_name`,
    /// `name`, `email`, `phone`, `company`, `title`, `industry`, `profession`,
    /// `relationship_kind`, `how_we_met`, `notes`, `tags`, `birthday`, `anniversary`,
    /// `trust`, `cadence_days`, `external_id:<system>`, `external_ids`, `connected_on`,
    /// `ignore`. Only the columns it names are read.
    #[param(
        example = r#"{"First Name": "first_name", "Last Name": "last_name", "Email Address": "email", "Company": "company"}"#
    )]
    mapping: Option<String>,
}

fn parse_mapping(raw: &str) -> Result<(String, Vec<(String, Target)>), ApiError> {
    let mapping: BTreeMap<String, String> = serde_json::from_str(raw).map_err(|_| {
        ApiError::invalid_field(
            "mapping",
            "must be a JSON object from column names to field names",
        )
    })?;
    if mapping.is_empty() {
        return Err(ApiError::invalid_field(
            "mapping",
            "must name at least one column",
        ));
    }
    let targets = mapping
        .iter()
        .map(|(column, target)| {
            Target::parse(target)
                .map(|target| (column.clone(), target))
                .map_err(|reason| ApiError::invalid_field(format!("mapping/{column}"), reason))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let stored = serde_json::to_string(&mapping).map_err(ApiError::internal)?;
    Ok((stored, targets))
}

fn format_of(req: &HttpRequest) -> Result<Format, ApiError> {
    let media_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .unwrap_or("");
    Format::of_media_type(media_type).ok_or_else(|| {
        ApiError::new(
            actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the file as `Content-Type: text/csv`, `text/vcard` or `text/calendar`, in UTF-8",
        )
    })
}

/// Import contacts from a CSV file (Google Contacts, Outlook, LinkedIn's
/// `Connections.csv`, HubSpot, Rapport's own export, or any header with a `mapping`) or a
/// vCard 3.0/4.0 file; or log a calendar's meetings (iCalendar) as interactions. The file
/// is checked and queued at once (202); it is read in the background, in chunks of 500
/// records that each commit with the job's progress.
///
/// A record that matches a live contact (the same external id, else the same email) is
/// handled as `on_match` says; one bad record is refused alone and listed by
/// `GET /v1/imports/{id}/errors`, never half-written. A job that a restart interrupts
/// resumes where it stopped. Contacts created are held by the caller.
///
/// A calendar: each past occurrence of an event with attendees (recurring events
/// expanded in their time zones; cancelled events, declined invitations and whole-day
/// events left out) becomes a `meeting` with the contacts among its attendees (on
/// `video` when it links to a video call, else `in_person`), logged by the caller, so
/// that their cadences restart as with any touch. A meeting is found again by its UID and
/// start (the external id `ical:<uid>@<start>`): importing the same calendar again logs
/// nothing twice. Attendees who match no contact are listed in `unmatched_attendees`.
#[utoipa::path(
    tag = "imports", operation_id = "createImport", params(ImportQuery),
    request_body(
        description = "The file, in UTF-8",
        content(
            (String = "text/csv", example = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nPriya,Raman,https://www.linkedin.com/in/praman,priya@northwind.example,Northwind,VP Operations,12 Mar 2021\n"),
            (String = "text/vcard", example = "BEGIN:VCARD\nVERSION:4.0\nFN:Priya Raman\nN:Raman;Priya;;;\nEMAIL:priya@northwind.example\nEND:VCARD\n"),
            (String = "text/calendar", example = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:42@calendar.example\nDTSTART:20261110T150000Z\nSUMMARY:Quarterly review\nLOCATION:https://meet.google.com/abc-defg-hij\nATTENDEE;CN=Priya Raman:mailto:priya@northwind.example\nEND:VEVENT\nEND:VCALENDAR\n")
        )
    ),
    responses(
        (status = 202, body = Import, description = "Queued; follow `Location` for progress",
            headers(("Location" = String, description = "The job: `/v1/imports/{id}`"))),
        (status = 413, description = "The file is larger than `RAPPORT_IMPORT_MAX_BYTES` (64 MiB by default)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not `text/csv`, `text/vcard` or `text/calendar`", body = Problem, content_type = "application/problem+json")
    )
)]
#[post("/imports")]
async fn create_import(
    principal: Principal,
    db: web::Data<Db>,
    imports: web::Data<Imports>,
    limit: web::Data<FileBodyLimit>,
    req: HttpRequest,
    query: Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    principal.require_write()?;
    let query = query.into_inner();
    let format = format_of(&req)?;
    let (mapping, targets) = match query.mapping.as_deref() {
        Some(raw) => {
            let (stored, targets) = parse_mapping(raw)?;
            (Some(stored), Some(targets))
        }
        None => (None, None),
    };
    let body = text_body(payload, limit.0).await?;
    let received_at = crate::time::now();
    // Reading the whole file to count its records is CPU work: off the async workers.
    let (body, layout, total) = web::block(move || {
        let opened = records::open(format, &body, targets.as_deref(), received_at);
        let (layout, total) = match opened {
            Ok(records) => (records.layout.clone(), records.count()),
            Err(reason) => return Err(ApiError::invalid_field("/", reason)),
        };
        Ok((body, layout, total))
    })
    .await
    .map_err(ApiError::internal)??;
    if total == 0 {
        return Err(ApiError::invalid_field(
            "/",
            match format {
                Format::Ical => {
                    "the calendar holds no meeting that took place with attendees".to_owned()
                }
                _ => format!(
                    "the file holds no records; a mapping names fields such as {TARGET_NAMES}"
                ),
            },
        ));
    }
    let new = NewImport {
        format,
        preset: layout.preset,
        mapping,
        on_match: query.on_match.unwrap_or(OnMatch::Update),
        dry_run: query.dry_run.unwrap_or(false),
        create_attendees: query.create_attendees.unwrap_or(false),
        body,
        unknown_columns: layout.unknown_columns,
        total: i32::try_from(total).unwrap_or(i32::MAX),
        received_at: crate::time::to_db(received_at),
    };
    let import = db
        .transaction(move |conn| {
            jobs::create(conn, &principal.workspace_id, &principal.member_id, new)
        })
        .await?;
    imports.wake.notify_one();
    Ok(HttpResponse::Accepted()
        .insert_header((header::LOCATION, format!("/v1/imports/{}", import.id)))
        .json(import))
}

/// List the workspace's import jobs, newest first.
#[utoipa::path(tag = "imports", operation_id = "listImports", params(PageQuery), responses((status = 200, body = Page<Import>)))]
#[get("/imports")]
async fn list_imports(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<PageQuery>,
) -> Result<web::Json<Page<Import>>, ApiError> {
    let page = query.into_inner().page()?;
    let jobs = db
        .run(move |conn| jobs::list(conn, &principal.workspace_id, &page))
        .await?;
    Ok(web::Json(jobs))
}

/// An import job and its progress.
#[utoipa::path(tag = "imports", operation_id = "getImport", responses((status = 200, body = Import)))]
#[get("/imports/{id}")]
async fn get_import(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<web::Json<Import>, ApiError> {
    let id = id.into_inner().to_string();
    let job = db
        .run(move |conn| jobs::get(conn, &principal.workspace_id, &id))
        .await?;
    Ok(web::Json(job))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ErrorsQuery {
    /// Page size, 1 to 200 (default 50); ignored for CSV, which lists them all.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// `csv` for every refused record as one CSV file (`row,line,field,reason`); also
    /// chosen by `Accept: text/csv`.
    format: Option<ErrorsFormat>,
}

crate::values::string_enum!(
    /// How the refused records are listed.
    ErrorsFormat {
        Json = "json",
        Csv = "csv",
    }
);

/// The records an import refused, in the file's order, each with the field at fault and
/// why; as JSON pages, or as one CSV file.
#[utoipa::path(
    tag = "imports", operation_id = "listImportErrors", params(ErrorsQuery),
    responses((status = 200, content(
        (Page<ImportError> = "application/json"),
        (String = "text/csv", example = "row,line,field,reason\n14,15,/emails/0,`jane@` is not an email address\n")
    )))
)]
#[get("/imports/{id}/errors")]
async fn list_import_errors(
    principal: Principal,
    db: web::Data<Db>,
    req: HttpRequest,
    id: web::Path<uuid::Uuid>,
    query: Query<ErrorsQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let id = id.into_inner().to_string();
    let accepts_csv = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("text/csv"));
    let csv = match query.format {
        Some(format) => format == ErrorsFormat::Csv,
        None => accepts_csv,
    };
    if !csv {
        let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
        let errors = db
            .run(move |conn| jobs::errors(conn, &principal.workspace_id, &id, &page))
            .await?;
        return Ok(HttpResponse::Ok().json(errors));
    }
    let text = db
        .run(move |conn| {
            let mut out = csv::Writer::from_writer(Vec::new());
            let write = |out: &mut csv::Writer<Vec<u8>>, error: &ImportError| {
                out.serialize(error).map_err(ApiError::internal)
            };
            let mut cursor = None;
            loop {
                let page = PageRequest::parse(Some(200), cursor.as_deref())?;
                let listed = jobs::errors(conn, &principal.workspace_id, &id, &page)?;
                for error in &listed.data {
                    write(&mut out, error)?;
                }
                match listed.next_cursor {
                    Some(next) => cursor = Some(next),
                    None => break,
                }
            }
            let bytes = out.into_inner().map_err(ApiError::internal)?;
            // Headers even when nothing was refused.
            Ok(if bytes.is_empty() {
                b"row,line,field,reason\n".to_vec()
            } else {
                bytes
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .body(text))
}
