//! Runs import jobs: each instance takes the oldest job nobody holds and reads its file in
//! chunks, each chunk one transaction that also writes the job's progress, so that a job a
//! crash interrupted resumes after its lease at the first record not yet written, and no
//! record is written twice or half.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use diesel::Connection;
use tokio::sync::Notify;

use super::calendar::{Attendee, Meeting};
use super::jobs::{self, ImportError, ImportRow, OnMatch, Tally};
use super::mapping::Target;
use super::records::{self, Format, Item, Record, Unreadable};
use crate::contacts::domain::NewContact;
use crate::contacts::queries::{self as contacts, Filled};
use crate::db::{Db, DbConn};
use crate::error::ApiError;
use crate::external_ids::{self, ExternalId, Kind};
use crate::http::extract::parse_value;
use crate::interactions::domain::NewInteraction;
use crate::time::from_db;
use serde_json::json;

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
            Ok(Some(job)) => {
                let (workspace, id) = (job.workspace_id.clone(), job.id.clone());
                if let Err(error) = work(&db, job).await {
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
        .and_then(|(format, mapping)| {
            records::open(format, &body, mapping.as_deref(), from_db(job.created_at))
        });
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
            Err(error) if error.status().is_client_error() && error.code() != jobs::TAKEN_OVER => {
                let held = job.clone();
                db.transaction(move |conn| apply(conn, held, chunk, Care::EachRecord))
                    .await?
            }
            Err(error) => return Err(error),
        };
    }
}

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
    let held = job.clone();
    let report = if held.dry_run {
        let mut done = None;
        let undone = conn.transaction::<(), ApiError, _>(|conn| {
            done = Some(write_records(conn, &held, chunk, care)?);
            Err(ApiError::conflict("dry_run", "a dry run writes nothing"))
        });
        match done {
            Some(done) => done,
            None => return Err(undone.expect_err("a dry run is always undone")),
        }
    } else {
        write_records(conn, &held, chunk, care)?
    };
    jobs::advance(
        conn,
        &mut job,
        report.tally,
        report.refused,
        &report.unmatched,
    )?;
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

    /// Refuses a new contact that claims an external id another contact holds: an
    /// external id names one contact at a time, whatever `on_match` says.
    fn unclaimed(&self, contact: &NewContact) -> Result<(), ApiError> {
        let held = contact.external_ids.items().iter().find(|e| {
            let key = (e.system.as_str().to_owned(), e.id.as_str().to_owned());
            self.by_external.contains_key(&key)
        });
        match held {
            None => Ok(()),
            Some(held) => Err(ApiError::conflict(
                "external_id_taken",
                format!(
                    "{}:{} already names another contact",
                    held.system.as_str(),
                    held.id.as_str()
                ),
            )),
        }
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

/// What a chunk did, record by record.
struct Report<'a> {
    job: &'a ImportRow,
    tally: Tally,
    refused: Vec<ImportError>,
    unmatched: Vec<String>,
}

impl Report<'_> {
    fn refuse(&mut self, number: u32, line: Option<u64>, field: Option<String>, reason: String) {
        self.refused.push(ImportError {
            workspace_id: self.job.workspace_id.clone(),
            import_id: self.job.id.clone(),
            row_number: i32::try_from(number).unwrap_or(i32::MAX),
            line: line.and_then(|line| i32::try_from(line).ok()),
            field,
            reason,
        });
        self.tally.failed += 1;
    }

    /// Counts what became of a record: a refusal (4xx) is the record's, anything else
    /// ends the chunk.
    fn settle(
        &mut self,
        number: u32,
        line: Option<u64>,
        written: Result<Outcome, ApiError>,
    ) -> Result<(), ApiError> {
        match written {
            Ok(Outcome::Created) => self.tally.created += 1,
            Ok(Outcome::Updated) => self.tally.updated += 1,
            Ok(Outcome::Skipped) => self.tally.skipped += 1,
            Err(error) if error.status().is_client_error() => {
                let (field, reason) = blame(&error);
                self.refuse(number, line, field, reason);
            }
            Err(error) => return Err(error),
        }
        Ok(())
    }
}

/// Runs `write` as `care` says: straight, or in a savepoint of its own.
fn with_care<T>(
    conn: &mut DbConn,
    care: Care,
    write: impl FnOnce(&mut DbConn) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    match care {
        Care::Fast => write(conn),
        Care::EachRecord => conn.transaction(write),
    }
}

fn write_records<'a>(
    conn: &mut DbConn,
    job: &'a ImportRow,
    chunk: Vec<Result<Record, Unreadable>>,
    care: Care,
) -> Result<Report<'a>, ApiError> {
    let mut report = Report {
        job,
        tally: Tally::default(),
        refused: Vec::new(),
        unmatched: Vec::new(),
    };
    let (mut contacts, mut meetings) = (Vec::new(), Vec::new());
    for record in chunk {
        report.tally.processed += 1;
        match record {
            Err(unreadable) => {
                report.refuse(unreadable.number, unreadable.line, None, unreadable.reason)
            }
            Ok(Record { number, line, item }) => match item {
                Item::Contact(cells) => match records::contact(&cells) {
                    Ok(contact) => contacts.push((number, line, contact.normalised())),
                    Err(error) => {
                        let (field, reason) = blame(&error);
                        report.refuse(number, line, field, reason);
                    }
                },
                Item::Meeting(meeting) => meetings.push((number, meeting)),
            },
        }
    }
    write_contacts(conn, &mut report, contacts, care)?;
    write_meetings(conn, &mut report, meetings, care)?;
    Ok(report)
}

fn write_contacts(
    conn: &mut DbConn,
    report: &mut Report,
    parsed: Vec<(u32, Option<u64>, NewContact)>,
    care: Care,
) -> Result<(), ApiError> {
    if parsed.is_empty() {
        return Ok(());
    }
    let job = report.job;
    let on_match: OnMatch = job.on_match.parse().map_err(|_| {
        ApiError::internal(anyhow::anyhow!("stored import has an invalid on_match"))
    })?;
    let workspace_id = job.workspace_id.as_str();
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
    // New contacts wait to be written together, unless a later record matches one.
    let mut waiting: Vec<(String, NewContact)> = Vec::new();
    for (number, line, contact) in parsed {
        let matched = matches.find(&contact);
        let creates = matched.is_none() || on_match == OnMatch::Create;
        if care == Care::Fast && creates {
            match matches.unclaimed(&contact) {
                Ok(()) => {
                    let id = uuid::Uuid::now_v7().to_string();
                    matches.note(&id, &contact);
                    waiting.push((id, contact));
                }
                Err(error) => report.settle(number, line, Err(error))?,
            }
            continue;
        }
        let waits = |id: &String| waiting.iter().any(|(waiting, _)| waiting == id);
        if matched.as_ref().is_some_and(waits) {
            write_waiting(conn, report, &mut waiting)?;
        }
        let written = with_care(conn, care, |conn| {
            write_record(conn, job, on_match, matched, &mut matches, contact)
        });
        report.settle(number, line, written)?;
    }
    write_waiting(conn, report, &mut waiting)
}

/// Writes the new contacts that wait, in a few statements; a refusal among them undoes
/// the chunk, which is then written one record at a time.
fn write_waiting(
    conn: &mut DbConn,
    report: &mut Report,
    waiting: &mut Vec<(String, NewContact)>,
) -> Result<(), ApiError> {
    let job = report.job;
    let created = i32::try_from(waiting.len()).unwrap_or(i32::MAX);
    contacts::create_many(
        conn,
        &job.workspace_id,
        &job.member_id,
        std::mem::take(waiting),
    )?;
    report.tally.created += created;
    Ok(())
}

/// The system of the external ids of meetings a calendar logged.
const CALENDAR_SYSTEM: &str = "ical";

fn write_meetings(
    conn: &mut DbConn,
    report: &mut Report,
    meetings: Vec<(u32, Meeting)>,
    care: Care,
) -> Result<(), ApiError> {
    if meetings.is_empty() {
        return Ok(());
    }
    let job = report.job;
    let workspace_id = job.workspace_id.as_str();
    // The importer is at their own meetings; a removed importer's meetings are refused
    // one by one, as they can no longer log any.
    let own_email = match crate::workspaces::queries::find(conn, workspace_id, &job.member_id) {
        Ok(member) => Some(member.email.to_lowercase()),
        Err(error) if error.status().is_client_error() => None,
        Err(error) => return Err(error),
    };
    let ids = meetings
        .iter()
        .map(|(_, meeting)| ExternalId::derived(CALENDAR_SYSTEM, &meeting.key))
        .collect::<Result<Vec<_>, _>>()?;
    let logged = external_ids::holders_of(
        conn,
        workspace_id,
        Kind::Interaction,
        &ids.iter().collect::<Vec<_>>(),
    )?;
    let emails: Vec<&str> = meetings
        .iter()
        .flat_map(|(_, meeting)| meeting.attendees.iter().map(|a| a.email.as_str()))
        .collect();
    let mut contacts = crate::contacts::emails::holders(conn, workspace_id, &emails)?;
    for ((number, meeting), id) in meetings.into_iter().zip(ids) {
        let key = (id.system.as_str().to_owned(), id.id.as_str().to_owned());
        if logged.contains_key(&key) {
            report.tally.skipped += 1;
            continue;
        }
        let written = with_care(conn, care, |conn| {
            log_meeting(conn, job, &meeting, id, own_email.as_deref(), &mut contacts)
        });
        match written {
            Ok(Logged::Yes) => report.tally.created += 1,
            Ok(Logged::NoContact(unmatched)) => {
                report.tally.skipped += 1;
                report.unmatched.extend(unmatched);
            }
            Err(error) => report.settle(number, None, Err(error))?,
        }
    }
    Ok(())
}

/// Whether a meeting was logged, and if not, the attendees that matched no contact.
enum Logged {
    Yes,
    NoContact(Vec<String>),
}

fn log_meeting(
    conn: &mut DbConn,
    job: &ImportRow,
    meeting: &Meeting,
    id: ExternalId,
    own_email: Option<&str>,
    contacts: &mut HashMap<String, String>,
) -> Result<Logged, ApiError> {
    let workspace_id = job.workspace_id.as_str();
    let mut present = Vec::new();
    let mut unmatched = Vec::new();
    for attendee in &meeting.attendees {
        if Some(attendee.email.as_str()) == own_email {
            continue;
        }
        match contacts.get(&attendee.email) {
            Some(contact) if !present.contains(contact) => present.push(contact.clone()),
            Some(_) => {}
            None if job.create_attendees => {
                let prospect = prospect(attendee)?;
                let created = contacts::create(conn, workspace_id, &job.member_id, prospect)?;
                let created = created.id.to_string();
                contacts.insert(attendee.email.clone(), created.clone());
                present.push(created);
            }
            None => unmatched.push(attendee.email.clone()),
        }
    }
    if present.is_empty() {
        return Ok(Logged::NoContact(unmatched));
    }
    present.truncate(MAX_CONTACTS_PER_INTERACTION);
    let summary = meeting.summary.as_deref().map(|summary| {
        let line = summary.split_whitespace().collect::<Vec<_>>().join(" ");
        line.chars().take(500).collect::<String>()
    });
    let interaction: NewInteraction = parse_value(json!({
        "contact_ids": present,
        "occurred_at": meeting.start,
        "channel": meeting.channel,
        "kind": "meeting",
        "summary": summary,
        "external_ids": [id],
    }))?;
    crate::interactions::queries::create(conn, workspace_id, &job.member_id, interaction)?;
    Ok(Logged::Yes)
}

/// Contacts an interaction names at most.
const MAX_CONTACTS_PER_INTERACTION: usize = 50;

/// An attendee as a new prospect: named as the calendar names them, else by their address.
fn prospect(attendee: &Attendee) -> Result<NewContact, ApiError> {
    let name = attendee
        .name
        .clone()
        .unwrap_or_else(|| attendee.email.split('@').next().unwrap_or("").to_owned());
    let (first, last) = match name.trim().rsplit_once(' ') {
        Some((first, last)) => (first.trim().to_owned(), Some(last.trim().to_owned())),
        None => (name.trim().to_owned(), None),
    };
    parse_value(json!({
        "first_name": first,
        "last_name": last,
        "emails": [attendee.email],
        "relationship_kind": "prospect",
        "how_we_met": "A meeting in an imported calendar",
    }))
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
            matches.unclaimed(&contact)?;
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
