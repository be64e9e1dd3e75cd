use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::domain::{check_since, ConnectionKind, ConnectionPatch, NewConnection, Person};
use crate::db::pending::{self, ChangeOp, ResourceType};
use crate::db::schema::connections;
use crate::db::{is_unique_violation, soft_delete, update_at_version, DbConn};
use crate::error::ApiError;
use crate::http::pagination::{Page, PageRequest};
use crate::http::precondition::IfMatch;
use crate::http::resource::{by_id, in_window, live_row, versioned, SyncWindow};
use crate::network::cache::changed;
use crate::time::{db_now, from_db};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = connections, treat_none_as_null = true)]
pub struct ConnectionRow {
    pub id: String,
    pub workspace_id: String,
    pub from_contact_id: Option<String>,
    pub from_member_id: Option<String>,
    pub to_contact_id: Option<String>,
    pub to_member_id: Option<String>,
    pub kind: String,
    pub strength: i32,
    pub note: Option<String>,
    pub since: Option<NaiveDate>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
}

/// Two people who know each other, and how.
#[derive(Debug, Serialize, ToSchema)]
pub struct Connection {
    pub id: uuid::Uuid,
    /// For `reports_to`, the one who reports; for other kinds the ends are in a fixed
    /// order that says nothing.
    pub from: Person,
    pub to: Person,
    pub kind: ConnectionKind,
    /// 1 (barely) to 5 (closely).
    pub strength: i32,
    pub note: Option<String>,
    pub since: Option<NaiveDate>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

versioned!(Connection);

fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("stored connection has an invalid {what}"))
}

fn person(contact: &Option<String>, member: &Option<String>) -> Result<Person, ApiError> {
    let parse = |id: &String| id.parse().map_err(|_| corrupt("end"));
    match (contact, member) {
        (Some(contact), None) => Ok(Person::Contact(parse(contact)?)),
        (None, Some(member)) => Ok(Person::Member(parse(member)?)),
        _ => Err(corrupt("end")),
    }
}

/// A person as the two id columns of one end.
pub fn columns(person: Person) -> (Option<String>, Option<String>) {
    (
        person.contact().map(|id| id.to_string()),
        person.member().map(|id| id.to_string()),
    )
}

impl ConnectionRow {
    fn view(self) -> Result<Connection, ApiError> {
        Ok(Connection {
            id: self.id.parse().map_err(|_| corrupt("id"))?,
            from: person(&self.from_contact_id, &self.from_member_id)?,
            to: person(&self.to_contact_id, &self.to_member_id)?,
            kind: self.kind.parse().map_err(|_| corrupt("kind"))?,
            strength: self.strength,
            note: self.note,
            since: self.since,
            version: self.version,
            created_at: from_db(self.created_at),
            updated_at: from_db(self.updated_at),
            deleted_at: self.deleted_at.map(from_db),
        })
    }
}

fn live_row(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<ConnectionRow, ApiError> {
    live_row!(
        conn,
        connections,
        ConnectionRow,
        workspace_id,
        id,
        "connection"
    )
}

pub fn get(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<Connection, ApiError> {
    live_row(conn, workspace_id, id)?.view()
}

/// A live contact or a current member of the workspace.
fn check_person(
    conn: &mut DbConn,
    workspace_id: &str,
    person: Person,
    pointer: &str,
) -> Result<(), ApiError> {
    let (known, pointer, what) = match person {
        Person::Contact(id) => (
            crate::contacts::queries::exists(conn, workspace_id, &id.to_string())?,
            format!("{pointer}/contact_id"),
            "is not a contact of this workspace",
        ),
        Person::Member(id) => (
            crate::workspaces::queries::is_member(conn, workspace_id, &id.to_string())?,
            format!("{pointer}/member_id"),
            "is not a member of this workspace",
        ),
    };
    if known {
        Ok(())
    } else {
        Err(ApiError::invalid_field(pointer, what))
    }
}

fn duplicate(existing: &str) -> ApiError {
    ApiError::conflict(
        "duplicate_connection",
        format!("these two people already have this connection: {existing}; update it instead"),
    )
}

/// The live connection of `kind` between these stored ends, if there is one.
fn twin(
    conn: &mut DbConn,
    workspace_id: &str,
    kind: ConnectionKind,
    from: Person,
    to: Person,
) -> Result<Option<String>, ApiError> {
    let mut twin = connections::table
        .filter(connections::workspace_id.eq(workspace_id.to_owned()))
        .filter(connections::deleted_at.is_null())
        .filter(connections::kind.eq(kind.as_str()))
        .select(connections::id)
        .into_boxed();
    twin = match from {
        Person::Contact(id) => twin.filter(connections::from_contact_id.eq(id.to_string())),
        Person::Member(id) => twin.filter(connections::from_member_id.eq(id.to_string())),
    };
    twin = match to {
        Person::Contact(id) => twin.filter(connections::to_contact_id.eq(id.to_string())),
        Person::Member(id) => twin.filter(connections::to_member_id.eq(id.to_string())),
    };
    Ok(twin.first(conn).optional()?)
}

pub fn create(
    conn: &mut DbConn,
    workspace_id: &str,
    fields: NewConnection,
) -> Result<Connection, ApiError> {
    check_person(conn, workspace_id, fields.from, "/from")?;
    check_person(conn, workspace_id, fields.to, "/to")?;
    let (from, to) = fields.stored_ends();
    let ((from_contact_id, from_member_id), (to_contact_id, to_member_id)) =
        (columns(from), columns(to));
    if let Some(existing) = twin(conn, workspace_id, fields.kind, from, to)? {
        return Err(duplicate(&existing));
    }
    let now = db_now();
    let row = ConnectionRow {
        id: uuid::Uuid::now_v7().to_string(),
        workspace_id: workspace_id.to_owned(),
        from_contact_id,
        from_member_id,
        to_contact_id,
        to_member_id,
        kind: fields.kind.as_str().to_owned(),
        strength: fields.strength.get(),
        note: fields.note.map(String::from),
        since: fields.since,
        version: 1,
        created_at: now,
        updated_at: now,
        deleted_at: None,
    };
    match diesel::insert_into(connections::table)
        .values(&row)
        .execute(conn)
    {
        // A twin written by a concurrent request between the check and the insert.
        Err(e) if is_unique_violation(&e) => Err(duplicate("written concurrently")),
        written => {
            written?;
            pending::touched_one(
                conn,
                workspace_id,
                ResourceType::Connection,
                ChangeOp::Created,
                &row.id,
            )?;
            changed(conn, workspace_id)?;
            row.view()
        }
    }
}

pub fn update(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    if_match: &IfMatch,
    patch: ConnectionPatch,
) -> Result<Connection, ApiError> {
    let mut row = live_row(conn, workspace_id, id)?;
    if_match.check(row.version)?;
    let version = row.version;
    if let Some(strength) = patch.strength {
        row.strength = strength.get();
    }
    if let Some(note) = patch.note {
        row.note = note.map(String::from);
    }
    if let Some(since) = patch.since {
        check_since(since, crate::time::now().date_naive())
            .map_err(|(pointer, reason)| ApiError::invalid_field(pointer, reason))?;
        row.since = since;
    }
    row.version += 1;
    row.updated_at = db_now();
    update_at_version!(
        conn,
        connections,
        id,
        version,
        &row,
        if_match.lost_race("connection")
    )?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Connection,
        ChangeOp::Updated,
        id,
    )?;
    changed(conn, workspace_id)?;
    row.view()
}

pub fn delete(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    if_match: &IfMatch,
) -> Result<(), ApiError> {
    let current = live_row(conn, workspace_id, id)?;
    if_match.check(current.version)?;
    soft_delete!(
        conn,
        connections,
        id,
        current.version,
        if_match.lost_race("connection")
    )?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Connection,
        ChangeOp::Deleted,
        id,
    )?;
    // The tombstone says who knew whom, not what was noted about them.
    diesel::update(connections::table.find(id))
        .set(connections::note.eq(None::<String>))
        .execute(conn)?;
    changed(conn, workspace_id)
}

/// Deletes the connections of a contact being deleted, so that it leaves every list and
/// path at once; sync sees them as tombstones.
pub fn forget_contact(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_id: &str,
) -> Result<(), ApiError> {
    let now = db_now();
    let forgotten = diesel::update(
        connections::table
            .filter(connections::workspace_id.eq(workspace_id))
            .filter(connections::deleted_at.is_null())
            .filter(
                connections::from_contact_id
                    .eq(contact_id)
                    .or(connections::to_contact_id.eq(contact_id)),
            ),
    )
    .set((
        connections::deleted_at.eq(now),
        connections::updated_at.eq(now),
        connections::version.eq(connections::version + 1),
        connections::note.eq(None::<String>),
    ))
    .returning(connections::id)
    .get_results::<String>(conn)?;
    let ids = forgotten.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Connection,
        ChangeOp::Deleted,
        ids,
    )?;
    changed(conn, workspace_id)
}

/// What a merge did to the duplicate's connections.
#[derive(Debug, Default)]
pub struct Absorbed {
    /// Now the survivor's.
    pub moved: Vec<String>,
    /// Deleted: they joined the two, or repeated one the survivor has.
    pub dropped: Vec<String>,
}

/// Moves a merged duplicate's live connections to the contact it became. One that joined
/// the two, or that would repeat a connection of the survivor (same people, same kind),
/// is deleted instead. Each moved or deleted connection is a new version.
pub fn absorb_contact(
    conn: &mut DbConn,
    workspace_id: &str,
    duplicate_id: &str,
    survivor_id: &str,
) -> Result<Absorbed, ApiError> {
    let rows: Vec<ConnectionRow> = connections::table
        .filter(connections::workspace_id.eq(workspace_id))
        .filter(connections::deleted_at.is_null())
        .filter(
            connections::from_contact_id
                .eq(duplicate_id)
                .or(connections::to_contact_id.eq(duplicate_id)),
        )
        .order(connections::id)
        .select(ConnectionRow::as_select())
        .load(conn)?;
    let duplicate: uuid::Uuid = duplicate_id.parse().map_err(|_| corrupt("end"))?;
    let survivor: uuid::Uuid = survivor_id.parse().map_err(|_| corrupt("end"))?;
    let swap = |person: Person| match person {
        Person::Contact(id) if id == duplicate => Person::Contact(survivor),
        other => other,
    };
    let mut absorbed = Absorbed::default();
    for row in rows {
        let kind: ConnectionKind = row.kind.parse().map_err(|_| corrupt("kind"))?;
        let from = swap(person(&row.from_contact_id, &row.from_member_id)?);
        let to = swap(person(&row.to_contact_id, &row.to_member_id)?);
        let (from, to) = super::domain::stored_ends(kind, from, to);
        let ((from_contact_id, from_member_id), (to_contact_id, to_member_id)) =
            (columns(from), columns(to));
        if from == to || twin(conn, workspace_id, kind, from, to)?.is_some() {
            soft_delete!(
                conn,
                connections,
                &row.id,
                row.version,
                ApiError::concurrent_update("connection")
            )?;
            absorbed.dropped.push(row.id);
            continue;
        }
        diesel::update(connections::table.find(&row.id))
            .set((
                connections::from_contact_id.eq(from_contact_id),
                connections::from_member_id.eq(from_member_id),
                connections::to_contact_id.eq(to_contact_id),
                connections::to_member_id.eq(to_member_id),
                connections::version.eq(row.version + 1),
                connections::updated_at.eq(db_now()),
            ))
            .execute(conn)?;
        absorbed.moved.push(row.id);
    }
    let moved = absorbed.moved.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Connection,
        ChangeOp::Updated,
        moved,
    )?;
    let dropped = absorbed.dropped.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Connection,
        ChangeOp::Deleted,
        dropped,
    )?;
    changed(conn, workspace_id)?;
    Ok(absorbed)
}

/// Filters of the connection list; all optional, combined with AND.
#[derive(Debug, Default)]
pub struct ConnectionFilter {
    /// Either end.
    pub person: Option<Person>,
    pub kind: Option<ConnectionKind>,
    pub window: SyncWindow,
}

pub fn list(
    conn: &mut DbConn,
    workspace_id: &str,
    filter: &ConnectionFilter,
    page: &PageRequest,
) -> Result<Page<Connection>, ApiError> {
    let mut query = in_window!(
        by_id!(connections, ConnectionRow, page),
        connections,
        workspace_id,
        &filter.window
    );
    match filter.person {
        Some(Person::Contact(id)) => {
            let id = id.to_string();
            query = query.filter(
                connections::from_contact_id
                    .eq(id.clone())
                    .or(connections::to_contact_id.eq(id)),
            );
        }
        Some(Person::Member(id)) => {
            let id = id.to_string();
            query = query.filter(
                connections::from_member_id
                    .eq(id.clone())
                    .or(connections::to_member_id.eq(id)),
            );
        }
        None => {}
    }
    if let Some(kind) = filter.kind {
        query = query.filter(connections::kind.eq(kind.as_str()));
    }
    let connections = query
        .load::<ConnectionRow>(conn)?
        .into_iter()
        .map(ConnectionRow::view)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(page.page(connections, |c| c.id.to_string()))
}
