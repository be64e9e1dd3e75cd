//! Runs import jobs: each instance takes the oldest job nobody holds and reads its file in
//! chunks, each chunk one transaction that also writes the job's progress, so that a job a
//! crash interrupted resumes after its lease at the first record not yet written, and no
//! record is written twice or half.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use diesel::Connection;
use tokio::sync::Notify;

use super::jobs::{self, ImportError, ImportRow, OnMatch, Tally};
use super::mapping::Target;
use super::records::{self, Format, Record, Unreadable};
use crate::contacts::domain::NewContact;
use crate::contacts::queries::{self as contacts, Filled};
use crate::db::{Db, DbConn};
use crate::error::ApiError;
use crate::external_ids::{self, Kind};

/// Records per transaction: big enough that a large file goes fast, small enough that
/// other writers wait only a moment for each.
const CHUNK: usize = 500;
/// How often a runner with nothing to do looks for a job another instance was given.
const IDLE_POLL: Duration = Duration::from_secs(2);

/// Runs until the future is dropped (the server stopping); `wake` is notified when this
/// instance queues a job.
pub async fn run(db: Db, wake: Arc<Notify>) {
    loop {
        match db.run(jobs::claim_next).await {
            Ok(Some(claimed)) => {
                let (workspace, id) = (claimed.row.workspace_id.clone(), claimed.row.id.clone());
                if let Err(error) = work(&db, claimed.row).await {
                    // The job keeps its lease; once that runs out it is taken up again.
                    tracing::warn!(%error, workspace, import = id, "import interrupted");
                    tokio::time::sleep(IDLE_POLL).await;
                }
                continue;
            }
            Ok(None) => {}
            Err(error) => tracing::warn!(%error, "could not look for import jobs"),
        }
        tokio::select! {
            () = wake.notified() => {}
            () = tokio::time::sleep(IDLE_POLL) => {}
        }
    }
}

/// The stored mapping, as `records::open` takes it.
fn stored_mapping(job: &ImportRow) -> Result<Option<Vec<(String, Target)>>, String> {
    let Some(mapping) = &job.mapping else {
        return Ok(None);
    };
    let mapping: HashMap<String, String> =
        serde_json::from_str(mapping).map_err(|e| e.to_string())?;
    mapping
        .into_iter()
        .map(|(column, target)| Ok((column, Target::parse(&target)?)))
        .collect::<Result<Vec<_>, String>>()
        .map(Some)
}

async fn work(db: &Db, mut job: ImportRow) -> Result<(), ApiError> {
    let body = std::mem::take(&mut job.body);
    let opened = job
        .format
        .parse::<Format>()
        .map_err(|_| "the stored format is unknown".to_owned())
        .and_then(|format| Ok((format, stored_mapping(&job)?)))
        .and_then(|(format, mapping)| records::open(format, &body, mapping.as_deref()));
    let records = match opened {
        Ok(records) => records,
        Err(reason) => {
            let ended = job.clone();
            return db
                .transaction(move |conn| jobs::finish(conn, &ended, Some(reason)))
                .await;
        }
    };
    let mut records = records.skip(job.processed as usize);
    loop {
        let chunk: Vec<_> = records.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            let ended = job.clone();
            return db
                .transaction(move |conn| jobs::finish(conn, &ended, None))
                .await;
        }
        let (held, rows) = (job.clone(), chunk.clone());
        job = match db
            .transaction(move |conn| apply(conn, held, rows, Care::Fast))
            .await
        {
            Ok(job) => job,
            // A record the fast path could not foresee refusing undid the chunk: again, one
            // record at a time.
            Err(error) if error.status().is_client_error() && error.code() != TAKEN_OVER => {
                let held = job.clone();
                db.transaction(move |conn| apply(conn, held, chunk, Care::EachRecord))
                    .await?
            }
            Err(error) => return Err(error),
        };
    }
}

const TAKEN_OVER: &str = "import_taken_over";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Care {
    /// The chunk's records are written straight: any refusal undoes the chunk.
    Fast,
    /// Each record in a savepoint of its own, a refusal undoing only that record.
    EachRecord,
}

/// Writes one chunk and the job's progress; a dry run undoes the records' writes and
/// keeps the counts.
fn apply(
    conn: &mut DbConn,
    mut job: ImportRow,
    chunk: Vec<Result<Record, Unreadable>>,
    care: Care,
) -> Result<ImportRow, ApiError> {
    let (tally, refused) = if job.dry_run {
        let mut done = None;
        let undone = conn.transaction::<(), ApiError, _>(|conn| {
            done = Some(write_records(conn, &job, chunk, care)?);
            Err(ApiError::conflict("dry_run", "a dry run writes nothing"))
        });
        match done {
            Some(done) => done,
            None => return Err(undone.expect_err("a dry run is always undone")),
        }
    } else {
        write_records(conn, &job, chunk, care)?
    };
    jobs::advance(conn, &mut job, tally, refused)?;
    Ok(job)
}

/// What became of one record.
enum Outcome {
    Created,
    Updated,
    Skipped,
}

/// Contacts the chunk's records may match, and those it has written so far.
struct Matches {
    by_external: HashMap<(String, String), String>,
    by_email: HashMap<String, String>,
}

impl Matches {
    fn find(&self, contact: &NewContact) -> Option<String> {
        let by_external = contact.external_ids.items().iter().find_map(|e| {
            let key = (e.system.as_str().to_owned(), e.id.as_str().to_owned());
            self.by_external.get(&key)
        });
        let by_email = || {
            contact
                .emails
                .items()
                .iter()
                .find_map(|e| self.by_email.get(e.as_str()))
        };
        by_external.or_else(by_email).cloned()
    }

    fn note(&mut self, id: &str, contact: &NewContact) {
        for e in contact.external_ids.items() {
            let key = (e.system.as_str().to_owned(), e.id.as_str().to_owned());
            self.by_external.entry(key).or_insert_with(|| id.to_owned());
        }
        for e in contact.emails.items() {
            self.by_email
                .entry(e.as_str().to_owned())
                .or_insert_with(|| id.to_owned());
        }
    }
}

fn write_records(
    conn: &mut DbConn,
    job: &ImportRow,
    chunk: Vec<Result<Record, Unreadable>>,
    care: Care,
) -> Result<(Tally, Vec<ImportError>), ApiError> {
    let on_match: OnMatch = job.on_match.parse().map_err(|_| {
        ApiError::internal(anyhow::anyhow!("stored import has an invalid on_match"))
    })?;
    let workspace_id = job.workspace_id.as_str();
    let mut tally = Tally::default();
    let mut refused = Vec::new();
    let mut refuse = |number: u32, line: Option<u64>, field: Option<String>, reason: String| {
        refused.push(ImportError {
            workspace_id: job.workspace_id.clone(),
            import_id: job.id.clone(),
            row_number: i32::try_from(number).unwrap_or(i32::MAX),
            line: line.and_then(|line| i32::try_from(line).ok()),
            field,
            reason,
        });
    };
    let mut parsed = Vec::with_capacity(chunk.len());
    for record in chunk {
        tally.processed += 1;
        match record {
            Err(unreadable) => refuse(unreadable.number, unreadable.line, None, unreadable.reason),
            Ok(record) => match records::contact(&record) {
                Ok(contact) => parsed.push((record.number, record.line, contact.normalised())),
                Err(error) => {
                    let (field, reason) = blame(&error);
                    refuse(record.number, record.line, field, reason);
                }
            },
        }
    }
    let externals: Vec<_> = parsed
        .iter()
        .flat_map(|(_, _, contact)| contact.external_ids.items())
        .collect();
    let emails: Vec<&str> = parsed
        .iter()
        .flat_map(|(_, _, contact)| contact.emails.items().iter().map(|e| e.as_str()))
        .collect();
    let mut matches = Matches {
        by_external: external_ids::holders_of(conn, workspace_id, Kind::Contact, &externals)?,
        by_email: crate::contacts::emails::holders(conn, workspace_id, &emails)?,
    };
    for (number, line, contact) in parsed {
        let matched = matches.find(&contact);
        let written = match care {
            Care::Fast => write_record(conn, job, on_match, matched, &mut matches, contact),
            Care::EachRecord => conn.transaction(|conn| {
                write_record(conn, job, on_match, matched, &mut matches, contact)
            }),
        };
        match written {
            Ok(Outcome::Created) => tally.created += 1,
            Ok(Outcome::Updated) => tally.updated += 1,
            Ok(Outcome::Skipped) => tally.skipped += 1,
            Err(error) if error.status().is_client_error() => {
                let (field, reason) = blame(&error);
                refuse(number, line, field, reason);
            }
            Err(error) => return Err(error),
        }
    }
    tally.failed = i32::try_from(refused.len()).unwrap_or(i32::MAX);
    Ok((tally, refused))
}

fn write_record(
    conn: &mut DbConn,
    job: &ImportRow,
    on_match: OnMatch,
    matched: Option<String>,
    matches: &mut Matches,
    contact: NewContact,
) -> Result<Outcome, ApiError> {
    let workspace_id = job.workspace_id.as_str();
    match (matched, on_match) {
        (Some(_), OnMatch::Skip) => Ok(Outcome::Skipped),
        (Some(id), OnMatch::Update) => {
            let filled = contacts::fill(conn, workspace_id, &id, contact.clone())?;
            matches.note(&id, &contact);
            Ok(match filled {
                Filled::Changed => Outcome::Updated,
                Filled::Unchanged => Outcome::Skipped,
            })
        }
        (None, _) | (Some(_), OnMatch::Create) => {
            // An external id names one contact at a time, whatever `on_match` says.
            if let Some(held) = contact.external_ids.items().iter().find(|e| {
                let key = (e.system.as_str().to_owned(), e.id.as_str().to_owned());
                matches.by_external.contains_key(&key)
            }) {
                return Err(ApiError::conflict(
                    "external_id_taken",
                    format!(
                        "{}:{} already names another contact",
                        held.system.as_str(),
                        held.id.as_str()
                    ),
                ));
            }
            let created = contacts::create(conn, workspace_id, &job.member_id, contact.clone())?;
            matches.note(&created.id.to_string(), &contact);
            Ok(Outcome::Created)
        }
    }
}

/// The field an error blames, and its reason, as an import error records them.
fn blame(error: &ApiError) -> (Option<String>, String) {
    match error.field_errors().first() {
        Some(field) => (Some(field.pointer.clone()), field.detail.clone()),
        None => (None, error.detail().to_owned()),
    }
}
