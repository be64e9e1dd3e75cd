//! The whole workspace as NDJSON, for a backup or for leaving: one line per resource,
//! `{"type": …, "data": …}`, each resource as the API shows it, written page by page as
//! the response streams.

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{get, web, HttpResponse};
use futures_util::StreamExt;
use serde::Serialize;

use super::queries;
use super::Workspace;
use crate::auth::Principal;
use crate::db::{Db, DbConn};
use crate::error::{ApiError, Problem};
use crate::http::pagination::{Page, PageRequest, MAX_LIMIT};

/// The kinds of resources, in the order the export writes them: each after those it
/// refers to.
#[derive(Debug, Clone, Copy)]
enum Section {
    Workspace,
    Settings,
    Members,
    ApiKeys,
    Webhooks,
    Contacts,
    Connections,
    Interactions,
    ReferralRequests,
    Introductions,
}

impl Section {
    const ALL: [Section; 10] = [
        Section::Workspace,
        Section::Settings,
        Section::Members,
        Section::ApiKeys,
        Section::Webhooks,
        Section::Contacts,
        Section::Connections,
        Section::Interactions,
        Section::ReferralRequests,
        Section::Introductions,
    ];

    /// One page of the section as NDJSON lines, and the cursor of the next page.
    fn page(
        self,
        conn: &mut DbConn,
        workspace_id: &str,
        cursor: Option<&str>,
    ) -> Result<(Vec<u8>, Option<String>), ApiError> {
        let page = PageRequest::parse(Some(MAX_LIMIT), cursor)?;
        match self {
            Section::Workspace => {
                let workspace: Workspace = queries::workspace(conn, workspace_id)?.into();
                Ok((lines("workspace", &[workspace])?, None))
            }
            Section::Settings => {
                let settings = crate::nurture::settings::read(conn, workspace_id)?;
                Ok((lines("settings", &[settings])?, None))
            }
            Section::Members => paged("member", queries::list(conn, workspace_id, &page)?),
            Section::ApiKeys => paged(
                "api_key",
                crate::api_keys::queries::list(conn, workspace_id, &page)?,
            ),
            Section::Webhooks => paged(
                "webhook",
                crate::webhooks::queries::list(conn, workspace_id, &page)?,
            ),
            Section::Contacts => paged(
                "contact",
                crate::contacts::queries::list(conn, workspace_id, &Default::default(), &page)?,
            ),
            Section::Connections => paged(
                "connection",
                crate::connections::queries::list(conn, workspace_id, &Default::default(), &page)?,
            ),
            Section::Interactions => paged(
                "interaction",
                crate::interactions::queries::list(conn, workspace_id, &Default::default(), &page)?,
            ),
            Section::ReferralRequests => paged(
                "referral_request",
                crate::referrals::requests::list(conn, workspace_id, &Default::default(), &page)?,
            ),
            Section::Introductions => paged(
                "introduction",
                crate::introductions::queries::list(
                    conn,
                    workspace_id,
                    &Default::default(),
                    &page,
                )?,
            ),
        }
    }
}

#[derive(Serialize)]
struct Line<'a, T> {
    #[serde(rename = "type")]
    kind: &'a str,
    data: &'a T,
}

fn lines<T: Serialize>(kind: &str, items: &[T]) -> Result<Vec<u8>, ApiError> {
    let mut out = Vec::with_capacity(items.len() * 512);
    for data in items {
        serde_json::to_writer(&mut out, &Line { kind, data }).map_err(ApiError::internal)?;
        out.push(b'\n');
    }
    Ok(out)
}

fn paged<T: Serialize>(kind: &str, page: Page<T>) -> Result<(Vec<u8>, Option<String>), ApiError> {
    Ok((lines(kind, &page.data)?, page.next_cursor))
}

/// Where the export has got to: the section, and the cursor within it.
struct Position {
    db: web::Data<Db>,
    workspace_id: String,
    section: usize,
    cursor: Option<String>,
}

/// Reads the next non-empty stretch of the export, moving on to the next section when
/// one ends; `None` at the end.
async fn next(mut at: Position) -> Option<(Result<Bytes, ApiError>, Position)> {
    let section = *Section::ALL.get(at.section)?;
    let (workspace_id, cursor) = (at.workspace_id.clone(), at.cursor.take());
    let read = at
        .db
        .run(move |conn| section.page(conn, &workspace_id, cursor.as_deref()))
        .await;
    match read {
        Ok((bytes, next)) => {
            match next {
                Some(cursor) => at.cursor = Some(cursor),
                None => at.section += 1,
            }
            Some((Ok(Bytes::from(bytes)), at))
        }
        Err(error) => {
            // The status is sent: cutting the file short is the only way left to say it
            // is incomplete.
            tracing::warn!(%error, "workspace export cut short");
            at.section = Section::ALL.len();
            Some((Err(error), at))
        }
    }
}

/// Export the whole workspace (owners and admins) as NDJSON, for a backup or for leaving:
/// one line per resource, `{"type": …, "data": …}`, each as the API shows it, in this
/// order: `workspace`, `settings`, `member`, `api_key` (never a secret), `webhook` (never
/// a signing secret), `contact`, `connection`, `interaction`, `referral_request`,
/// `introduction`. Deleted resources are left out. The file streams as it is read.
#[utoipa::path(
    tag = "workspaces", operation_id = "exportWorkspace",
    responses(
        (status = 200, description = "The workspace, one resource per line", content(
            (String = "application/x-ndjson", example = "{\"type\":\"workspace\",\"data\":{\"id\":\"0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57\",\"name\":\"Northwind sales\",…}}\n{\"type\":\"contact\",\"data\":{\"id\":\"0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58\",\"first_name\":\"Priya\",…}}\n")
        )),
        (status = 403, description = "Only owners and admins", body = Problem, content_type = "application/problem+json")
    )
)]
#[get("/exports/workspace")]
pub(super) async fn export_workspace(
    principal: Principal,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    principal.require_admin()?;
    let start = Position {
        db,
        workspace_id: principal.workspace_id,
        section: 0,
        cursor: None,
    };
    // The first stretch is read before answering, so that a failure is a problem
    // document rather than a cut-off file.
    let (first, rest) = next(start).await.expect("the export has a first section");
    let first = first?;
    let body = futures_util::stream::once(async { Ok::<_, ApiError>(first) })
        .chain(futures_util::stream::unfold(rest, next));
    Ok(HttpResponse::Ok()
        .content_type("application/x-ndjson")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"workspace.ndjson\"",
        ))
        .streaming(body))
}
