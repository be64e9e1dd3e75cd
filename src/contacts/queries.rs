use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::domain::{
    company_key, Birthday, ContactPatch, ImportantDate, NewContact, RelationshipKind,
};
use super::emails;
use crate::db::pending::{self, ChangeOp, ResourceType};
use crate::db::schema::contacts;
use crate::db::{insert_rows, soft_delete, update_at_version, DbConn, BATCH_ROWS};
use crate::error::ApiError;
use crate::external_ids::{self, holders, ExternalId, ExternalIds, Kind, Upserted};
use crate::http::pagination::{Page, PageRequest};
use crate::http::precondition::IfMatch;
use crate::http::resource::{by_id, in_window, live_row, versioned, SyncWindow};
use crate::network::cache::changed;
use crate::nurture::cadence::{status, NurtureStatus, Schedule, DORMANT_AFTER_DAYS};
use crate::nurture::reciprocity::Reciprocity;
use crate::nurture::{balance, schedule};
use crate::time::{db_now, from_db, now, to_db};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = contacts, treat_none_as_null = true)]
pub struct ContactRow {
    pub id: String,
    pub workspace_id: String,
    pub owner_id: String,
    pub first_name: String,
    pub last_name: Option<String>,
    pub emails: String,
    pub phones: String,
    pub company: Option<String>,
    pub company_key: Option<String>,
    pub title: Option<String>,
    pub industry: Option<String>,
    pub profession: Option<String>,
    pub relationship_kind: String,
    pub how_we_met: Option<String>,
    pub met_through_id: Option<String>,
    pub birthday_month: Option<i32>,
    pub birthday_day: Option<i32>,
    pub birthday_year: Option<i32>,
    pub tags: String,
    pub important_dates: String,
    pub trust: Option<i32>,
    pub cadence_days: Option<i32>,
    pub notes: Option<String>,
    pub search_text: String,
    pub occasion_months: i32,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
    /// Derived from the interactions, which alone write it.
    #[diesel(skip_insertion, skip_update)]
    pub last_interaction_at: Option<NaiveDateTime>,
    /// Derived by `nurture::schedule`; set on insertion for a contact never contacted.
    #[diesel(skip_update)]
    pub next_touch_due_at: Option<NaiveDateTime>,
    #[diesel(skip_update)]
    pub overdue_at: Option<NaiveDateTime>,
}

/// A person in the network.
#[derive(Debug, Serialize, ToSchema)]
pub struct Contact {
    pub id: uuid::Uuid,
    /// The member who holds the relationship.
    pub owner_id: uuid::Uuid,
    #[schema(example = "Priya")]
    pub first_name: String,
    pub last_name: Option<String>,
    #[schema(value_type = Vec<String>)]
    pub emails: serde_json::Value,
    #[schema(value_type = Vec<String>)]
    pub phones: serde_json::Value,
    pub company: Option<String>,
    pub title: Option<String>,
    pub industry: Option<String>,
    pub profession: Option<String>,
    pub relationship_kind: RelationshipKind,
    pub how_we_met: Option<String>,
    pub met_through_id: Option<uuid::Uuid>,
    pub birthday: Option<Birthday>,
    #[schema(value_type = Vec<String>)]
    pub tags: serde_json::Value,
    #[schema(value_type = Vec<ImportantDate>)]
    pub important_dates: serde_json::Value,
    #[schema(minimum = 1, maximum = 5)]
    pub trust: Option<i32>,
    #[schema(minimum = 1, maximum = 3650)]
    pub cadence_days: Option<i32>,
    pub notes: Option<String>,
    /// Increases with every change; also sent as the `ETag`.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When we last interacted (planned interactions excluded).
    pub last_interaction_at: Option<DateTime<Utc>>,
    /// When the next touch is due: the last interaction plus the cadence (the contact's
    /// own, or its kind's in the workspace settings); for a contact never contacted, the
    /// moment it was added.
    pub next_touch_due_at: DateTime<Utc>,
    pub nurture_status: NurtureStatus,
    /// Gives and asks over the last twelve months.
    pub reciprocity: Reciprocity,
    /// Set when the contact was deleted; deleted contacts appear only in lists asked for
    /// with `include_deleted=true`, so that a sync can remove them too.
    pub deleted_at: Option<DateTime<Utc>>,
    /// The ids other systems know it by (a deleted contact's, released, are still listed).
    pub external_ids: Vec<ExternalId>,
    /// On a deleted contact that was merged into another: that contact. Null otherwise.
    pub merged_into: Option<uuid::Uuid>,
}

versioned!(Contact);

fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("stored contact has an invalid {what}"))
}

impl ContactRow {
    fn new(
        id: String,
        workspace_id: &str,
        owner_id: String,
        fields: &NewContact,
        version: i64,
        created_at: NaiveDateTime,
        updated_at: NaiveDateTime,
    ) -> Result<Self, ApiError> {
        let text =
            |value: &Option<crate::values::Label>| value.as_ref().map(|v| v.as_str().to_owned());
        Ok(Self {
            id,
            workspace_id: workspace_id.to_owned(),
            owner_id,
            first_name: fields.first_name.as_str().to_owned(),
            last_name: fields.last_name.as_ref().map(|v| v.as_str().to_owned()),
            emails: serde_json::to_string(&fields.emails).map_err(ApiError::internal)?,
            phones: serde_json::to_string(&fields.phones).map_err(ApiError::internal)?,
            company: text(&fields.company),
            company_key: fields.company.as_ref().map(|c| company_key(c.as_str())),
            title: text(&fields.title),
            industry: text(&fields.industry),
            profession: text(&fields.profession),
            relationship_kind: fields.relationship_kind.as_str().to_owned(),
            how_we_met: fields.how_we_met.as_ref().map(|v| v.as_str().to_owned()),
            met_through_id: fields.met_through_id.map(|id| id.to_string()),
            birthday_month: fields.birthday.map(|b| b.month as i32),
            birthday_day: fields.birthday.map(|b| b.day as i32),
            birthday_year: fields.birthday.and_then(|b| b.year),
            tags: serde_json::to_string(&fields.tags).map_err(ApiError::internal)?,
            important_dates: serde_json::to_string(&fields.important_dates)
                .map_err(ApiError::internal)?,
            trust: fields.trust.map(|t| t.get()),
            cadence_days: fields.cadence_days.map(|c| c.get()),
            notes: fields.notes.as_ref().map(|v| v.as_str().to_owned()),
            search_text: fields.search_text(),
            occasion_months: fields.occasion_months(),
            version,
            created_at,
            updated_at,
            deleted_at: None,
            last_interaction_at: None,
            next_touch_due_at: Some(created_at),
            overdue_at: Some(created_at),
        })
    }

    /// The stored fields, as a request would have given them (the base a PATCH applies to).
    pub(super) fn fields(&self) -> Result<NewContact, ApiError> {
        let document = serde_json::json!({
            "first_name": self.first_name,
            "last_name": self.last_name,
            "emails": serde_json::from_str::<serde_json::Value>(&self.emails).map_err(|_| corrupt("emails"))?,
            "phones": serde_json::from_str::<serde_json::Value>(&self.phones).map_err(|_| corrupt("phones"))?,
            "company": self.company,
            "title": self.title,
            "industry": self.industry,
            "profession": self.profession,
            "relationship_kind": self.relationship_kind,
            "how_we_met": self.how_we_met,
            "met_through_id": self.met_through_id,
            "birthday": self.birthday_month.zip(self.birthday_day).map(|(month, day)| serde_json::json!({"month": month, "day": day, "year": self.birthday_year})),
            "tags": serde_json::from_str::<serde_json::Value>(&self.tags).map_err(|_| corrupt("tags"))?,
            "important_dates": serde_json::from_str::<serde_json::Value>(&self.important_dates).map_err(|_| corrupt("important dates"))?,
            "trust": self.trust,
            "cadence_days": self.cadence_days,
            "notes": self.notes,
            "owner_id": self.owner_id,
        });
        serde_json::from_value(document).map_err(|e| corrupt(&e.to_string()))
    }

    pub fn view(
        self,
        reciprocity: Reciprocity,
        external_ids: Vec<ExternalId>,
    ) -> Result<Contact, ApiError> {
        // Every row has a schedule once the start-up backfill ran; until then, due now.
        let plan = Schedule {
            next_touch_due_at: from_db(self.next_touch_due_at.unwrap_or(self.created_at)),
            overdue_at: from_db(self.overdue_at.unwrap_or(self.created_at)),
        };
        let json = |text: &str, what: &str| serde_json::from_str(text).map_err(|_| corrupt(what));
        let uuid = |text: &str| text.parse::<uuid::Uuid>().map_err(|_| corrupt("id"));
        Ok(Contact {
            id: uuid(&self.id)?,
            owner_id: uuid(&self.owner_id)?,
            emails: json(&self.emails, "emails")?,
            phones: json(&self.phones, "phones")?,
            tags: json(&self.tags, "tags")?,
            important_dates: json(&self.important_dates, "important dates")?,
            relationship_kind: self
                .relationship_kind
                .parse()
                .map_err(|_| corrupt("relationship kind"))?,
            met_through_id: self.met_through_id.as_deref().map(uuid).transpose()?,
            birthday: self
                .birthday_month
                .zip(self.birthday_day)
                .map(|(month, day)| Birthday {
                    month: month as u32,
                    day: day as u32,
                    year: self.birthday_year,
                }),
            first_name: self.first_name,
            last_name: self.last_name,
            company: self.company,
            title: self.title,
            industry: self.industry,
            profession: self.profession,
            how_we_met: self.how_we_met,
            trust: self.trust,
            cadence_days: self.cadence_days,
            notes: self.notes,
            version: self.version,
            created_at: from_db(self.created_at),
            updated_at: from_db(self.updated_at),
            deleted_at: self.deleted_at.map(from_db),
            last_interaction_at: self.last_interaction_at.map(from_db),
            next_touch_due_at: plan.next_touch_due_at,
            nurture_status: status(self.last_interaction_at.map(from_db), plan, now()),
            reciprocity,
            external_ids,
            merged_into: None,
        })
    }
}

/// Filters of the contact list; all optional, combined with AND.
#[derive(Debug, Default)]
pub struct ContactFilter {
    pub q: Option<String>,
    pub kind: Option<RelationshipKind>,
    pub tag: Option<String>,
    pub owner_id: Option<String>,
    pub company: Option<String>,
    pub window: SyncWindow,
    pub external_id: Option<ExternalId>,
    pub nurture_status: Option<NurtureStatus>,
    pub due_before: Option<DateTime<Utc>>,
}

/// Escapes LIKE's wildcards so that user text matches literally (with `ESCAPE '\'`).
fn like_literal(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

pub fn list(
    conn: &mut DbConn,
    workspace_id: &str,
    filter: &ContactFilter,
    page: &PageRequest,
) -> Result<Page<Contact>, ApiError> {
    let mut query = in_window!(
        by_id!(contacts, ContactRow, page),
        contacts,
        workspace_id,
        &filter.window
    );
    if let Some(q) = &filter.q {
        query = query.filter(
            contacts::search_text
                .like(format!("%{}%", like_literal(&q.to_lowercase())))
                .escape('\\'),
        );
    }
    if let Some(kind) = filter.kind {
        query = query.filter(contacts::relationship_kind.eq(kind.as_str()));
    }
    if let Some(tag) = &filter.tag {
        // Tags are stored as a JSON array; matching the quoted element finds whole tags only.
        let element = serde_json::to_string(&tag.to_lowercase()).map_err(ApiError::internal)?;
        query = query.filter(
            contacts::tags
                .like(format!("%{}%", like_literal(&element)))
                .escape('\\'),
        );
    }
    if let Some(owner_id) = &filter.owner_id {
        query = query.filter(contacts::owner_id.eq(owner_id.clone()));
    }
    if let Some(company) = &filter.company {
        query = query.filter(contacts::company_key.eq(company_key(company)));
    }
    if let Some(wanted) = filter.nurture_status {
        // The stored schedule turns each status into a range test (see nurture::cadence).
        let now = to_db(now());
        let dormant_before = now - chrono::Duration::days(DORMANT_AFTER_DAYS);
        let last = contacts::last_interaction_at;
        query = match wanted {
            NurtureStatus::NeverContacted => query.filter(last.is_null()),
            NurtureStatus::Dormant => query.filter(last.lt(dormant_before)),
            NurtureStatus::Overdue => query
                .filter(last.ge(dormant_before))
                .filter(contacts::overdue_at.le(now)),
            NurtureStatus::Due => query
                .filter(last.ge(dormant_before))
                .filter(contacts::next_touch_due_at.le(now))
                .filter(contacts::overdue_at.gt(now)),
            NurtureStatus::Ok => query
                .filter(last.ge(dormant_before))
                .filter(contacts::next_touch_due_at.gt(now)),
        };
    }
    if let Some(before) = filter.due_before {
        query = query.filter(contacts::next_touch_due_at.lt(to_db(before)));
    }
    if let Some(external) = &filter.external_id {
        query = query.filter(contacts::id.eq_any(holders!(workspace_id, Kind::Contact, external)));
    }
    let rows = query.load::<ContactRow>(conn)?;
    let contacts = views(conn, workspace_id, rows)?;
    Ok(page.page(contacts, |contact| contact.id.to_string()))
}

pub(super) fn live_row(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
) -> Result<ContactRow, ApiError> {
    live_row!(conn, contacts, ContactRow, workspace_id, id, "contact")
}

/// Whether `id` is a live (not deleted) contact of the workspace.
pub fn exists(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<bool, ApiError> {
    let count: i64 = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::id.eq(id))
        .filter(contacts::deleted_at.is_null())
        .count()
        .get_result(conn)?;
    Ok(count > 0)
}

pub fn get(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<Contact, ApiError> {
    let row = live_row(conn, workspace_id, id)?;
    Ok(views(conn, workspace_id, vec![row])?.remove(0))
}

/// Contacts by id, live or not: each one's version, and what the API shows of it while it
/// is live (the change feed reads what a transaction left, many contacts at a time).
pub fn versions_and_views(
    conn: &mut DbConn,
    workspace_id: &str,
    ids: &[String],
) -> Result<Vec<(String, i64, Option<Contact>)>, ApiError> {
    let mut found = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(BATCH_ROWS) {
        let rows = contacts::table
            .filter(contacts::workspace_id.eq(workspace_id))
            .filter(contacts::id.eq_any(chunk))
            .select(ContactRow::as_select())
            .load::<ContactRow>(conn)?;
        let (live, gone): (Vec<ContactRow>, Vec<ContactRow>) =
            rows.into_iter().partition(|row| row.deleted_at.is_none());
        found.extend(gone.into_iter().map(|row| (row.id, row.version, None)));
        for contact in views(conn, workspace_id, live)? {
            found.push((contact.id.to_string(), contact.version, Some(contact)));
        }
    }
    Ok(found)
}

/// Contacts as the API shows them: with what their interactions say of give and take, and
/// the ids other systems know them by.
fn views(
    conn: &mut DbConn,
    workspace_id: &str,
    rows: Vec<ContactRow>,
) -> Result<Vec<Contact>, ApiError> {
    let ids: Vec<String> = rows.iter().map(|row| row.id.clone()).collect();
    let balances = balance::by_contact(conn, balance::Counted::Contacts(&ids))?;
    let mut external = external_ids::of(conn, workspace_id, Kind::Contact, &ids)?;
    let tombstones: Vec<&str> = rows
        .iter()
        .filter(|row| row.deleted_at.is_some())
        .map(|row| row.id.as_str())
        .collect();
    let mut merges = super::merge::survivors(conn, &tombstones)?;
    rows.into_iter()
        .map(|row| {
            let reciprocity = balances.get(&row.id).copied().unwrap_or_default();
            let external = external.remove(&row.id).unwrap_or_default();
            let merged_into = merges.remove(&row.id);
            let mut contact = row.view(reciprocity, external)?;
            contact.merged_into = merged_into;
            Ok(contact)
        })
        .collect()
}

/// Checks the references a contact makes: its owner is a member of the workspace, and the
/// contact it was met through is a live contact of the workspace (and not itself).
fn check_references(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_id: &str,
    owner_id: &str,
    fields: &NewContact,
) -> Result<(), ApiError> {
    if !crate::workspaces::queries::is_member(conn, workspace_id, owner_id)? {
        return Err(ApiError::invalid_field(
            "/owner_id",
            "is not a member of this workspace",
        ));
    }
    if let Some(met_through) = fields.met_through_id {
        let met_through = met_through.to_string();
        if met_through == contact_id {
            return Err(ApiError::invalid_field(
                "/met_through_id",
                "a contact cannot be met through itself",
            ));
        }
        if !exists(conn, workspace_id, &met_through)? {
            return Err(ApiError::invalid_field(
                "/met_through_id",
                "is not a contact of this workspace",
            ));
        }
    }
    Ok(())
}

pub fn create(
    conn: &mut DbConn,
    workspace_id: &str,
    caller_member_id: &str,
    fields: NewContact,
) -> Result<Contact, ApiError> {
    let fields = fields.normalised();
    let id = uuid::Uuid::now_v7().to_string();
    let owner_id = fields
        .owner_id
        .map(|o| o.to_string())
        .unwrap_or_else(|| caller_member_id.to_owned());
    check_references(conn, workspace_id, &id, &owner_id, &fields)?;
    let now = db_now();
    let row = ContactRow::new(id, workspace_id, owner_id, &fields, 1, now, now)?;
    diesel::insert_into(contacts::table)
        .values(&row)
        .execute(conn)?;
    emails::index(
        conn,
        workspace_id,
        [(row.id.as_str(), fields.emails.items())],
    )?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Contact,
        ChangeOp::Created,
        &row.id,
    )?;
    external_ids::assign(
        conn,
        workspace_id,
        Kind::Contact,
        &row.id,
        &fields.external_ids,
        now,
    )?;
    changed(conn, workspace_id)?;
    let external = fields.external_ids.items().to_vec();
    row.view(Reciprocity::default(), external)
}

/// Adds many new contacts at once, all held by `owner_id`, with the ids given (an import
/// chooses them to match later records to earlier ones): what `create` does for each, in
/// a few statements. The caller has checked that none claims an external id another
/// contact holds; a contact met through another is checked one by one.
pub fn create_many(
    conn: &mut DbConn,
    workspace_id: &str,
    owner_id: &str,
    contacts: Vec<(String, NewContact)>,
) -> Result<(), ApiError> {
    if contacts.is_empty() {
        return Ok(());
    }
    if !crate::workspaces::queries::is_member(conn, workspace_id, owner_id)? {
        return Err(ApiError::invalid_field(
            "/owner_id",
            "is not a member of this workspace",
        ));
    }
    let now = db_now();
    let mut rows = Vec::with_capacity(contacts.len());
    let mut fields = Vec::with_capacity(contacts.len());
    for (id, contact) in contacts {
        let contact = contact.normalised();
        if contact.met_through_id.is_some() {
            check_references(conn, workspace_id, &id, owner_id, &contact)?;
        }
        rows.push(ContactRow::new(
            id,
            workspace_id,
            owner_id.to_owned(),
            &contact,
            1,
            now,
            now,
        )?);
        fields.push(contact);
    }
    for batch in rows.chunks(BATCH_ROWS) {
        insert_rows!(conn, contacts::table, batch)?;
    }
    let written = || rows.iter().zip(&fields);
    emails::index(
        conn,
        workspace_id,
        written().map(|(row, fields)| (row.id.as_str(), fields.emails.items())),
    )?;
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Contact,
        ChangeOp::Created,
        rows.iter().map(|row| row.id.as_str()),
    )?;
    external_ids::claim_new(
        conn,
        workspace_id,
        Kind::Contact,
        written().map(|(row, fields)| (row.id.as_str(), &fields.external_ids)),
        now,
    )?;
    changed(conn, workspace_id)
}

/// Adds many contacts at once, each owned by a member and added at a time of the
/// caller's choosing (a network loaded with its history). The caller vouches that the
/// owners are members and that no contact refers to another; the contacts' schedules are
/// computed by `nurture::schedule::refresh_workspace` once the history is in.
pub fn insert_batch(
    conn: &mut DbConn,
    workspace_id: &str,
    contacts: Vec<(String, NewContact, NaiveDateTime)>,
) -> Result<Vec<String>, ApiError> {
    let (rows, fields) = contacts
        .into_iter()
        .map(|(owner_id, fields, added_at)| {
            let fields = fields.normalised();
            let id = uuid::Uuid::now_v7().to_string();
            let row = ContactRow::new(id, workspace_id, owner_id, &fields, 1, added_at, added_at)?;
            Ok((row, fields))
        })
        .collect::<Result<(Vec<_>, Vec<_>), ApiError>>()?;
    for batch in rows.chunks(BATCH_ROWS) {
        insert_rows!(conn, contacts::table, batch)?;
    }
    let addresses = rows.iter().zip(&fields);
    emails::index(
        conn,
        workspace_id,
        addresses.map(|(row, fields)| (row.id.as_str(), fields.emails.items())),
    )?;
    let ids = rows.iter().map(|row| row.id.as_str());
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Contact,
        ChangeOp::Created,
        ids,
    )?;
    changed(conn, workspace_id)?;
    Ok(rows.into_iter().map(|row| row.id).collect())
}

pub fn update(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    if_match: &IfMatch,
    patch: ContactPatch,
) -> Result<Contact, ApiError> {
    write_update(conn, workspace_id, id, if_match, patch)?;
    get(conn, workspace_id, id)
}

/// Changes a contact and answers its version, without building what the API shows of it
/// (a batch answers only the version).
pub fn write_update(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    if_match: &IfMatch,
    patch: ContactPatch,
) -> Result<i64, ApiError> {
    let current = live_row(conn, workspace_id, id)?;
    if_match.check(current.version)?;
    let external = patch.external_ids.clone();
    let fields = current.fields()?.apply(patch);
    store(conn, workspace_id, current, fields, external, if_match)
}

/// Writes a contact's new fields over `current` (and its external ids, if given) as its
/// next version; a write that changes nothing makes none.
pub fn store(
    conn: &mut DbConn,
    workspace_id: &str,
    current: ContactRow,
    fields: NewContact,
    external: Option<ExternalIds>,
    if_match: &IfMatch,
) -> Result<i64, ApiError> {
    let id = current.id.as_str();
    let owner_id = fields
        .owner_id
        .map(|o| o.to_string())
        .unwrap_or_else(|| current.owner_id.clone());
    check_references(conn, workspace_id, id, &owner_id, &fields)?;
    let row = ContactRow {
        last_interaction_at: current.last_interaction_at,
        ..ContactRow::new(
            current.id.clone(),
            workspace_id,
            owner_id,
            &fields,
            current.version + 1,
            current.created_at,
            db_now(),
        )?
    };
    // A change that changes nothing makes no new version: a sync that sends the same
    // record again leaves no trace in `updated_since` or the ETag.
    let same_fields = ContactRow {
        version: current.version,
        updated_at: current.updated_at,
        next_touch_due_at: current.next_touch_due_at,
        overdue_at: current.overdue_at,
        ..row.clone()
    } == current;
    let same_ids = match &external {
        None => true,
        Some(ids) => external_ids::holds(conn, workspace_id, Kind::Contact, id, ids)?,
    };
    if same_fields && same_ids {
        return Ok(current.version);
    }
    update_at_version!(
        conn,
        contacts,
        id,
        current.version,
        &row,
        if_match.lost_race("contact")
    )?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Contact,
        ChangeOp::Updated,
        id,
    )?;
    if row.emails != current.emails {
        emails::reindex(conn, workspace_id, id, fields.emails.items())?;
    }
    if let Some(external) = external {
        external_ids::assign(
            conn,
            workspace_id,
            Kind::Contact,
            id,
            &external,
            row.updated_at,
        )?;
    }
    changed(conn, workspace_id)?;
    // The kind or the cadence may have changed, and with them the schedule.
    schedule::refresh(conn, workspace_id, std::slice::from_ref(&row.id))?;
    Ok(row.version)
}

/// What filling a contact from an imported record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filled {
    Changed,
    Unchanged,
}

/// Fills what is empty on contact `id` from `imported`, as a merge does (no field is
/// overwritten; lists and notes are joined), and gives it the imported external ids too.
pub fn fill(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    imported: NewContact,
) -> Result<Filled, ApiError> {
    let current = live_row(conn, workspace_id, id)?;
    let mut external = external_ids::of(conn, workspace_id, Kind::Contact, &[id.to_owned()])?
        .remove(id)
        .unwrap_or_default();
    let held = external.len();
    for new in imported.external_ids.items() {
        if !external.contains(new) {
            external.push(new.clone());
        }
    }
    let external = match external.len() > held {
        false => None,
        true => Some(ExternalIds::try_from(external).map_err(|reason| {
            ApiError::invalid_field("/external_ids", format!("with the contact's own: {reason}"))
        })?),
    };
    let (fields, _) = current
        .fields()?
        .absorb(imported)
        .map_err(|reason| ApiError::invalid_field("/notes", reason))?;
    let version = current.version;
    let stored = store(
        conn,
        workspace_id,
        current,
        fields,
        external,
        &IfMatch::default(),
    )?;
    Ok(if stored == version {
        Filled::Unchanged
    } else {
        Filled::Changed
    })
}

/// Creates or updates the contact that holds `external`, from a PATCH-shaped body;
/// answers whether it was created.
pub fn upsert(
    conn: &mut DbConn,
    workspace_id: &str,
    actor: &str,
    external: ExternalId,
    patch: ContactPatch,
) -> Result<(Contact, bool), ApiError> {
    let written = write_upsert(conn, workspace_id, actor, external, patch)?;
    Ok((get(conn, workspace_id, &written.id)?, written.created))
}

/// An upsert that answers only what it wrote (a batch answers only the version).
pub fn write_upsert(
    conn: &mut DbConn,
    workspace_id: &str,
    actor: &str,
    external: ExternalId,
    patch: ContactPatch,
) -> Result<Upserted, ApiError> {
    external_ids::upsert(
        conn,
        workspace_id,
        Kind::Contact,
        &external,
        patch,
        |conn, fields| {
            let contact = create(conn, workspace_id, actor, fields)?;
            Ok((contact.id.to_string(), contact.version))
        },
        |conn, id, patch| {
            diesel::update(contacts::table.find(id))
                .set(contacts::version.eq(contacts::version))
                .execute(conn)?;
            write_update(conn, workspace_id, id, &IfMatch::default(), patch)
        },
    )
}

/// Soft delete: the row stays as a tombstone that incremental sync can see.
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
        contacts,
        id,
        current.version,
        if_match.lost_race("contact")
    )?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Contact,
        ChangeOp::Deleted,
        id,
    )?;
    erase_personal_fields(conn, id)?;
    external_ids::release(conn, workspace_id, Kind::Contact, id, db_now())?;
    crate::connections::queries::forget_contact(conn, workspace_id, id)
}

/// A tombstone keeps what sync needs (id, version, times, owner, kind) and nothing about
/// the person: names, ways to reach them, dates, notes and tags are erased at deletion.
pub(super) fn erase_personal_fields(conn: &mut DbConn, id: &str) -> Result<(), ApiError> {
    emails::forget(conn, id)?;
    diesel::update(contacts::table.find(id))
        .set((
            contacts::first_name.eq(""),
            contacts::last_name.eq(None::<String>),
            contacts::emails.eq("[]"),
            contacts::phones.eq("[]"),
            contacts::company.eq(None::<String>),
            contacts::company_key.eq(None::<String>),
            contacts::title.eq(None::<String>),
            contacts::industry.eq(None::<String>),
            contacts::profession.eq(None::<String>),
            contacts::how_we_met.eq(None::<String>),
            contacts::met_through_id.eq(None::<String>),
            contacts::birthday_month.eq(None::<i32>),
            contacts::birthday_day.eq(None::<i32>),
            contacts::birthday_year.eq(None::<i32>),
            contacts::tags.eq("[]"),
            contacts::trust.eq(None::<i32>),
            contacts::notes.eq(None::<String>),
            contacts::search_text.eq(""),
            contacts::occasion_months.eq(0),
            contacts::important_dates.eq("[]"),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whether `id` is a contact of the workspace, live or deleted (a data-protection erasure
/// may come after the deletion).
pub fn ever_existed(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<bool, ApiError> {
    let count: i64 = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::id.eq(id))
        .count()
        .get_result(conn)?;
    Ok(count > 0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_wildcards_match_literally() {
        assert_eq!(super::like_literal(r"50%_off\"), r"50\%\_off\\");
    }
}
