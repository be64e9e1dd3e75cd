//! The contacts as one file, CSV, vCard 4.0 or NDJSON, written page by page as the
//! response streams, so that the server's memory does not grow with the workspace.

use std::sync::Arc;

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{get, web, HttpRequest, HttpResponse};
use calcard::vcard::{VCard, VCardEntry, VCardParameter, VCardProperty, VCardValue, VCardVersion};
use futures_util::StreamExt;
use serde::Deserialize;
use utoipa::IntoParams;

use super::handlers::ContactFilters;
use super::queries::{self, Contact, ContactFilter};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::ApiError;
use crate::http::extract::Query;
use crate::http::pagination::{PageRequest, MAX_LIMIT};
use crate::imports::records::EXTERNAL_ID_PROPERTY;
use crate::time::TombstoneRetention;
use crate::values::string_enum;

string_enum!(
    /// The kind of file an export writes.
    ExportFormat {
        Csv = "csv",
        Vcard = "vcard",
        Ndjson = "ndjson",
    }
);

impl ExportFormat {
    fn media_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8",
            Self::Vcard => "text/vcard; charset=utf-8",
            Self::Ndjson => "application/x-ndjson",
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            Self::Csv => "contacts.csv",
            Self::Vcard => "contacts.vcf",
            Self::Ndjson => "contacts.ndjson",
        }
    }

    /// The format an `Accept` header asks for, if it names one.
    fn accepted(accept: &str) -> Option<Self> {
        [
            ("text/csv", Self::Csv),
            ("text/vcard", Self::Vcard),
            ("application/x-ndjson", Self::Ndjson),
        ]
        .into_iter()
        .find(|(media_type, _)| accept.contains(media_type))
        .map(|(_, format)| format)
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct ExportQuery {
    /// The file's format; without it, the `Accept` header's (`text/csv`, `text/vcard`,
    /// `application/x-ndjson`), else CSV.
    format: Option<ExportFormat>,
}

/// The columns of the CSV export, which an import reads back (`preset` `rapport`).
const CSV_COLUMNS: [&str; 23] = [
    "id",
    "first_name",
    "last_name",
    "emails",
    "phones",
    "company",
    "title",
    "industry",
    "profession",
    "relationship_kind",
    "how_we_met",
    "birthday",
    "tags",
    "trust",
    "cadence_days",
    "notes",
    "external_ids",
    "owner_id",
    "created_at",
    "updated_at",
    "last_interaction_at",
    "next_touch_due_at",
    "nurture_status",
];

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is written after a
/// `'`, which an import takes off again.
fn inert(cell: String) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell,
    }
}

fn strings(list: &serde_json::Value) -> Vec<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item.as_str().map(str::to_owned))
        .collect()
}

fn birthday(contact: &Contact) -> Option<String> {
    contact.birthday.map(|b| match b.year {
        Some(year) => format!("{year:04}-{:02}-{:02}", b.month, b.day),
        None => format!("--{:02}-{:02}", b.month, b.day),
    })
}

fn csv_row(contact: &Contact) -> Vec<String> {
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let number = |value: Option<i32>| value.map(|v| v.to_string()).unwrap_or_default();
    let time = |value: Option<chrono::DateTime<chrono::Utc>>| {
        value.map(|t| t.to_rfc3339()).unwrap_or_default()
    };
    let external: Vec<String> = contact
        .external_ids
        .iter()
        .map(|e| format!("{}:{}", e.system.as_str(), e.id.as_str()))
        .collect();
    vec![
        contact.id.to_string(),
        contact.first_name.clone(),
        text(&contact.last_name),
        strings(&contact.emails).join("; "),
        strings(&contact.phones).join("; "),
        text(&contact.company),
        text(&contact.title),
        text(&contact.industry),
        text(&contact.profession),
        contact.relationship_kind.as_str().to_owned(),
        text(&contact.how_we_met),
        birthday(contact).unwrap_or_default(),
        strings(&contact.tags).join("; "),
        number(contact.trust),
        number(contact.cadence_days),
        text(&contact.notes),
        external.join("; "),
        contact.owner_id.to_string(),
        time(Some(contact.created_at)),
        time(Some(contact.updated_at)),
        time(contact.last_interaction_at),
        time(Some(contact.next_touch_due_at)),
        serde_json::to_value(contact.nurture_status)
            .ok()
            .and_then(|status| status.as_str().map(str::to_owned))
            .unwrap_or_default(),
    ]
    .into_iter()
    .map(inert)
    .collect()
}

/// A date in RFC 6350's form: `19850314`, or `--0314` without a year.
fn basic_date(month: u64, day: u64, year: Option<i64>) -> String {
    match year {
        Some(year) => format!("{year:04}{month:02}{day:02}"),
        None => format!("--{month:02}{day:02}"),
    }
}

fn text(value: impl Into<String>) -> VCardValue {
    VCardValue::Text(value.into())
}

/// A contact as a vCard 4.0 (RFC 6350).
fn vcard(contact: &Contact) -> VCard {
    let mut entries = Vec::new();
    let name = [
        Some(contact.first_name.as_str()),
        contact.last_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    entries.push(VCardEntry::new(VCardProperty::Fn).with_value(name));
    entries.push(VCardEntry::new(VCardProperty::N).with_values(vec![
        text(contact.last_name.clone().unwrap_or_default()),
        text(contact.first_name.clone()),
        text(""),
        text(""),
        text(""),
    ]));
    for (i, email) in strings(&contact.emails).into_iter().enumerate() {
        let entry = VCardEntry::new(VCardProperty::Email).with_value(email);
        entries.push(match i {
            0 => entry.with_param(VCardParameter::pref(1u32)),
            _ => entry,
        });
    }
    for phone in strings(&contact.phones) {
        entries.push(VCardEntry::new(VCardProperty::Tel).with_value(phone));
    }
    let single = [
        (VCardProperty::Org, &contact.company),
        (VCardProperty::Title, &contact.title),
        (VCardProperty::Role, &contact.profession),
        (VCardProperty::Note, &contact.notes),
    ];
    for (property, value) in single {
        if let Some(value) = value {
            entries.push(VCardEntry::new(property).with_value(value.clone()));
        }
    }
    if let Some(b) = contact.birthday {
        let date = basic_date(b.month as u64, b.day as u64, b.year.map(i64::from));
        entries.push(VCardEntry::new(VCardProperty::Bday).with_value(date));
    }
    let anniversary = contact.important_dates.as_array().and_then(|dates| {
        dates
            .iter()
            .find(|date| date["label"].as_str() == Some("Anniversary"))
    });
    if let Some(date) = anniversary {
        let (month, day) = (date["month"].as_u64(), date["day"].as_u64());
        if let (Some(month), Some(day)) = (month, day) {
            let value = basic_date(month, day, date["year"].as_i64());
            entries.push(VCardEntry::new(VCardProperty::Anniversary).with_value(value));
        }
    }
    let tags = strings(&contact.tags);
    if !tags.is_empty() {
        entries.push(
            VCardEntry::new(VCardProperty::Categories)
                .with_values(tags.into_iter().map(text).collect()),
        );
    }
    for external in &contact.external_ids {
        entries.push(
            VCardEntry::new(VCardProperty::Other(EXTERNAL_ID_PROPERTY.to_owned())).with_value(
                format!("{}:{}", external.system.as_str(), external.id.as_str()),
            ),
        );
    }
    entries
        .push(VCardEntry::new(VCardProperty::Uid).with_value(format!("urn:uuid:{}", contact.id)));
    entries.push(
        VCardEntry::new(VCardProperty::Rev)
            .with_value(contact.updated_at.format("%Y%m%dT%H%M%SZ").to_string()),
    );
    VCard { entries }
}

/// One page of contacts in the file's format (the CSV header before the first).
fn encode(format: ExportFormat, contacts: &[Contact], first: bool) -> Result<Bytes, ApiError> {
    let mut out = Vec::with_capacity(contacts.len() * 512);
    match format {
        ExportFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut out);
            if first {
                writer
                    .write_record(CSV_COLUMNS)
                    .map_err(ApiError::internal)?;
            }
            for contact in contacts {
                writer
                    .write_record(csv_row(contact))
                    .map_err(ApiError::internal)?;
            }
            writer.flush().map_err(ApiError::internal)?;
        }
        ExportFormat::Vcard => {
            let mut text = String::with_capacity(contacts.len() * 512);
            for contact in contacts {
                vcard(contact)
                    .write_to(&mut text, VCardVersion::V4_0)
                    .map_err(ApiError::internal)?;
            }
            out = text.into_bytes();
        }
        ExportFormat::Ndjson => {
            for contact in contacts {
                serde_json::to_writer(&mut out, contact).map_err(ApiError::internal)?;
                out.push(b'\n');
            }
        }
    }
    Ok(Bytes::from(out))
}

/// Where the export has got to.
struct Position {
    db: web::Data<Db>,
    workspace_id: Arc<str>,
    filter: Arc<ContactFilter>,
    format: ExportFormat,
    /// The next page's cursor; `None` once the last page was sent.
    cursor: Option<String>,
}

async fn page(
    db: &Db,
    workspace_id: Arc<str>,
    filter: Arc<ContactFilter>,
    cursor: Option<String>,
) -> Result<(Vec<Contact>, Option<String>), ApiError> {
    db.run(move |conn| {
        let page = PageRequest::parse(Some(MAX_LIMIT), cursor.as_deref())?;
        let listed = queries::list(conn, &workspace_id, &filter, &page)?;
        Ok((listed.data, listed.next_cursor))
    })
    .await
}

/// Export the contacts, with the list's filters, as CSV (the columns an import of preset
/// `rapport` reads back), vCard 4.0 (RFC 6350; external ids as `X-RAPPORT-EXTERNAL-ID`) or
/// NDJSON (one contact per line, as the API shows it). The file streams as it is read,
/// oldest contact first.
#[utoipa::path(
    tag = "contacts", operation_id = "exportContacts", params(ExportQuery, ContactFilters),
    responses((status = 200, description = "The file, as an attachment", content(
        (String = "text/csv", example = "id,first_name,last_name,emails,…\n"),
        (String = "text/vcard", example = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Priya Raman\r\n…END:VCARD\r\n"),
        (String = "application/x-ndjson", example = "{\"id\":\"0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57\",\"first_name\":\"Priya\",…}\n")
    )))
)]
#[get("/exports/contacts")]
pub(super) async fn export_contacts(
    principal: Principal,
    db: web::Data<Db>,
    retention: web::Data<TombstoneRetention>,
    req: HttpRequest,
    query: Query<ExportQuery>,
    filters: Query<ContactFilters>,
) -> Result<HttpResponse, ApiError> {
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    let format = query
        .into_inner()
        .format
        .or_else(|| ExportFormat::accepted(accept))
        .unwrap_or(ExportFormat::Csv);
    let filter = Arc::new(filters.into_inner().parse(&retention)?);
    let workspace_id: Arc<str> = principal.workspace_id.into();
    // The first page is read before answering, so that a failure is a problem document
    // rather than a cut-off file.
    let (contacts, cursor) = page(&db, workspace_id.clone(), filter.clone(), None).await?;
    let first = encode(format, &contacts, true)?;
    let rest = futures_util::stream::unfold(
        Position {
            db,
            workspace_id,
            filter,
            format,
            cursor,
        },
        |mut at| async move {
            let cursor = at.cursor.take()?;
            let read = page(
                &at.db,
                at.workspace_id.clone(),
                at.filter.clone(),
                Some(cursor),
            )
            .await;
            match read.and_then(|(contacts, next)| Ok((encode(at.format, &contacts, false)?, next)))
            {
                Ok((bytes, next)) => {
                    at.cursor = next;
                    Some((Ok::<_, ApiError>(bytes), at))
                }
                // The status is sent: cutting the file short is the only way left to say
                // it is incomplete.
                Err(error) => {
                    tracing::warn!(%error, "contact export cut short");
                    Some((Err(error), at))
                }
            }
        },
    );
    let body = futures_util::stream::once(async { Ok::<_, ApiError>(first) }).chain(rest);
    Ok(HttpResponse::Ok()
        .content_type(format.media_type())
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}\"", format.file_name()),
        ))
        .streaming(body))
}
