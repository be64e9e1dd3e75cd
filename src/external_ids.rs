//! External ids: the ids other systems (a CRM, a calendar) know a resource by, so that a
//! sync finds its own records again without keeping a map. Each is unique among the live
//! resources of one kind in a workspace, per system; a deleted resource releases its ids
//! (its tombstone still names them) so that a new one may claim them.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::schema::external_ids;
use crate::db::{is_unique_violation, DbConn};
use crate::error::ApiError;
use crate::values::{bounded_list, bounded_text};

/// A system's name: a lower-case slug such as `hubspot` or `salesforce`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct System(String);

impl TryFrom<String> for System {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        let mut chars = raw.chars();
        let starts_well = chars.next().is_some_and(|c| c.is_ascii_lowercase());
        let rest_ok =
            chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if starts_well && rest_ok && raw.len() <= 40 {
            Ok(Self(raw))
        } else {
            Err(
                "must be a lower-case slug: a letter, then letters, digits, `_` or `-`, 40 at most"
                    .to_owned(),
            )
        }
    }
}

impl From<System> for String {
    fn from(system: System) -> String {
        system.0
    }
}

impl System {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl utoipa::PartialSchema for System {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^[a-z][a-z0-9_-]{0,39}$"))
            .examples(["hubspot"])
            .into()
    }
}

impl utoipa::ToSchema for System {}

bounded_text!(
    /// The id as the other system writes it.
    ExternalIdValue, max = 255, multiline = false
);

/// One id a resource has in another system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"system": "hubspot", "id": "5012"}))]
pub struct ExternalId {
    pub system: System,
    pub id: ExternalIdValue,
}

bounded_list!(
    /// Up to 20 distinct external ids.
    ExternalIds(ExternalId), min = 0, max = 20
);

/// The kinds of resources that carry external ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Contact,
    Interaction,
    ReferralRequest,
    Introduction,
}

impl Kind {
    /// What a message calls it.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::ReferralRequest => "referral request",
            other => other.as_str(),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Contact => "contact",
            Kind::Interaction => "interaction",
            Kind::ReferralRequest => "referral_request",
            Kind::Introduction => "introduction",
        }
    }
}

impl ExternalId {
    /// The id an upsert's path names: `…/by-external-id/{system}/{id}`.
    pub fn from_path(system: String, id: String) -> Result<Self, ApiError> {
        Ok(Self {
            system: System::try_from(system).map_err(|e| ApiError::invalid_field("system", e))?,
            id: ExternalIdValue::try_from(id).map_err(|e| ApiError::invalid_field("id", e))?,
        })
    }
}

impl ExternalId {
    /// The id a record known by `key` gets in `system` (a calendar event by its UID and
    /// start, an email by its Message-ID): the key itself, or `sha256:` and its digest when
    /// the key is no valid id (longer than 255, or holding a line break).
    pub fn derived(system: &str, key: &str) -> Result<Self, ApiError> {
        use sha2::Digest;
        let internal = |e: String| ApiError::internal(anyhow::anyhow!(e));
        let id = ExternalIdValue::try_from(key.to_owned()).or_else(|_| {
            let digest = sha2::Sha256::digest(key.as_bytes());
            ExternalIdValue::try_from(format!("sha256:{digest:x}"))
        });
        Ok(Self {
            system: System::try_from(system.to_owned()).map_err(internal)?,
            id: id.map_err(internal)?,
        })
    }
}

/// Parses the `external_id` filter of a list: `system:id`.
pub fn parse_filter(raw: &str) -> Result<ExternalId, ApiError> {
    let refused = |detail: String| ApiError::invalid_field("external_id", detail);
    let (system, id) = raw
        .split_once(':')
        .ok_or_else(|| refused("must be `system:id`, e.g. `hubspot:5012`".to_owned()))?;
    Ok(ExternalId {
        system: System::try_from(system.to_owned()).map_err(refused)?,
        id: ExternalIdValue::try_from(id.to_owned()).map_err(refused)?,
    })
}

/// The live resource of `kind` that holds this external id.
pub fn holder(
    conn: &mut DbConn,
    workspace_id: &str,
    kind: Kind,
    external: &ExternalId,
) -> Result<Option<String>, ApiError> {
    Ok(external_ids::table
        .filter(external_ids::workspace_id.eq(workspace_id))
        .filter(external_ids::resource_type.eq(kind.as_str()))
        .filter(external_ids::system.eq(external.system.as_str()))
        .filter(external_ids::external_id.eq(external.id.as_str()))
        .filter(external_ids::released_at.is_null())
        .select(external_ids::resource_id)
        .first::<String>(conn)
        .optional()?)
}

/// The live resources of `kind` that hold any of these external ids, by `(system, id)`.
pub fn holders_of(
    conn: &mut DbConn,
    workspace_id: &str,
    kind: Kind,
    wanted: &[&ExternalId],
) -> Result<HashMap<(String, String), String>, ApiError> {
    let values: Vec<&str> = wanted.iter().map(|e| e.id.as_str()).collect();
    let mut found = HashMap::new();
    for chunk in values.chunks(crate::db::BATCH_ROWS) {
        let rows: Vec<(String, String, String)> = external_ids::table
            .filter(external_ids::workspace_id.eq(workspace_id))
            .filter(external_ids::resource_type.eq(kind.as_str()))
            .filter(external_ids::external_id.eq_any(chunk))
            .filter(external_ids::released_at.is_null())
            .select((
                external_ids::system,
                external_ids::external_id,
                external_ids::resource_id,
            ))
            .load(conn)?;
        found.extend(
            rows.into_iter()
                .map(|(system, id, resource)| ((system, id), resource)),
        );
    }
    Ok(found)
}

fn taken(kind: Kind, external: &ExternalId, other: &str) -> ApiError {
    ApiError::conflict(
        "external_id_taken",
        format!(
            "{}:{} already names {} {other}; an external id names one {} at a time",
            external.system.as_str(),
            external.id.as_str(),
            kind.noun(),
            kind.noun()
        ),
    )
}

/// Makes `ids` the external ids of a live resource: those it no longer lists are dropped,
/// new ones claimed. One that another live resource holds is a 409 naming it.
pub fn assign(
    conn: &mut DbConn,
    workspace_id: &str,
    kind: Kind,
    resource_id: &str,
    ids: &ExternalIds,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let mine = external_ids::table
        .filter(external_ids::workspace_id.eq(workspace_id))
        .filter(external_ids::resource_type.eq(kind.as_str()))
        .filter(external_ids::resource_id.eq(resource_id));
    let held: Vec<(String, String)> = mine
        .select((external_ids::system, external_ids::external_id))
        .load(conn)?;
    for (system, id) in &held {
        let kept = ids
            .items()
            .iter()
            .any(|e| e.system.as_str() == system && e.id.as_str() == id);
        if !kept {
            diesel::delete(
                mine.filter(external_ids::system.eq(system))
                    .filter(external_ids::external_id.eq(id)),
            )
            .execute(conn)?;
        }
    }
    for external in ids.items() {
        let already = held
            .iter()
            .any(|(s, i)| s == external.system.as_str() && i == external.id.as_str());
        if already {
            continue;
        }
        if let Some(other) = holder(conn, workspace_id, kind, external)? {
            return Err(taken(kind, external, &other));
        }
        let inserted = diesel::insert_into(external_ids::table)
            .values((
                external_ids::workspace_id.eq(workspace_id),
                external_ids::resource_type.eq(kind.as_str()),
                external_ids::resource_id.eq(resource_id),
                external_ids::system.eq(external.system.as_str()),
                external_ids::external_id.eq(external.id.as_str()),
                external_ids::created_at.eq(now),
            ))
            .execute(conn);
        match inserted {
            Ok(_) => {}
            // Another transaction claimed it between our look and our insert.
            Err(e) if is_unique_violation(&e) => {
                return Err(ApiError::conflict(
                    "external_id_taken",
                    format!(
                        "{}:{} was just claimed by another {}",
                        external.system.as_str(),
                        external.id.as_str(),
                        kind.noun()
                    ),
                ))
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Gives resources just created their external ids, many at once (an import). The caller
/// has looked for holders already; one claimed meanwhile is a 409, which undoes the lot.
pub fn claim_new<'a>(
    conn: &mut DbConn,
    workspace_id: &str,
    kind: Kind,
    resources: impl IntoIterator<Item = (&'a str, &'a ExternalIds)>,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let rows: Vec<_> = resources
        .into_iter()
        .flat_map(|(resource_id, ids)| {
            ids.items().iter().map(move |external| {
                (
                    external_ids::workspace_id.eq(workspace_id),
                    external_ids::resource_type.eq(kind.as_str()),
                    external_ids::resource_id.eq(resource_id),
                    external_ids::system.eq(external.system.as_str()),
                    external_ids::external_id.eq(external.id.as_str()),
                    external_ids::created_at.eq(now),
                )
            })
        })
        .collect();
    for chunk in rows.chunks(crate::db::BATCH_ROWS) {
        match crate::db::insert_rows!(conn, external_ids::table, chunk) {
            Ok(_) => {}
            Err(e) if is_unique_violation(&e) => {
                return Err(ApiError::conflict(
                    "external_id_taken",
                    format!("an external id was just claimed by another {}", kind.noun()),
                ))
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Releases a deleted resource's ids: its tombstone still lists them, and a new resource
/// may claim them.
pub fn release(
    conn: &mut DbConn,
    workspace_id: &str,
    kind: Kind,
    resource_id: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    diesel::update(
        external_ids::table
            .filter(external_ids::workspace_id.eq(workspace_id))
            .filter(external_ids::resource_type.eq(kind.as_str()))
            .filter(external_ids::resource_id.eq(resource_id))
            .filter(external_ids::released_at.is_null()),
    )
    .set(external_ids::released_at.eq(now))
    .execute(conn)?;
    Ok(())
}

/// Moves the live external ids of a resource merged into another to that one. Answers
/// the ids moved.
pub fn transfer(
    conn: &mut DbConn,
    workspace_id: &str,
    kind: Kind,
    from_id: &str,
    to_id: &str,
) -> Result<Vec<ExternalId>, ApiError> {
    let moving: Vec<(String, String)> = external_ids::table
        .filter(external_ids::workspace_id.eq(workspace_id))
        .filter(external_ids::resource_type.eq(kind.as_str()))
        .filter(external_ids::resource_id.eq(from_id))
        .filter(external_ids::released_at.is_null())
        .select((external_ids::system, external_ids::external_id))
        .load(conn)?;
    let mut moved = Vec::new();
    for (system, id) in moving {
        let key = |resource_id: &str| {
            let resource_id = resource_id.to_owned();
            external_ids::table.find((
                workspace_id.to_owned(),
                kind.as_str(),
                resource_id,
                system.clone(),
                id.clone(),
            ))
        };
        // The survivor may hold the same id from before, released: the live one wins.
        diesel::delete(key(to_id)).execute(conn)?;
        diesel::update(key(from_id))
            .set(external_ids::resource_id.eq(to_id))
            .execute(conn)?;
        moved.push(ExternalId {
            system: System(system),
            id: ExternalIdValue::try_from(id)
                .map_err(|e| ApiError::internal(anyhow::anyhow!(e)))?,
        });
    }
    Ok(moved)
}

/// The external ids of some resources of one kind, by resource id, in the order claimed.
pub fn of(
    conn: &mut DbConn,
    workspace_id: &str,
    kind: Kind,
    resource_ids: &[String],
) -> Result<HashMap<String, Vec<ExternalId>>, ApiError> {
    let rows: Vec<(String, String, String)> = external_ids::table
        .filter(external_ids::workspace_id.eq(workspace_id))
        .filter(external_ids::resource_type.eq(kind.as_str()))
        .filter(external_ids::resource_id.eq_any(resource_ids))
        .order((
            external_ids::created_at,
            external_ids::system,
            external_ids::external_id,
        ))
        .select((
            external_ids::resource_id,
            external_ids::system,
            external_ids::external_id,
        ))
        .load(conn)?;
    let mut by_resource: HashMap<String, Vec<ExternalId>> = HashMap::new();
    for (resource_id, system, id) in rows {
        by_resource
            .entry(resource_id)
            .or_default()
            .push(ExternalId {
                system: System(system),
                id: ExternalIdValue::try_from(id)
                    .map_err(|e| ApiError::internal(anyhow::anyhow!(e)))?,
            });
    }
    Ok(by_resource)
}

/// Whether a resource holds exactly these external ids.
pub fn holds(
    conn: &mut DbConn,
    workspace_id: &str,
    kind: Kind,
    resource_id: &str,
    ids: &ExternalIds,
) -> Result<bool, ApiError> {
    let held = of(conn, workspace_id, kind, &[resource_id.to_owned()])?;
    let held = held.get(resource_id).map_or(&[][..], Vec::as_slice);
    Ok(held.len() == ids.items().len() && ids.items().iter().all(|e| held.contains(e)))
}

/// What an upsert wrote.
pub struct Upserted {
    pub id: String,
    pub version: i64,
    pub created: bool,
}

/// A PATCH-shaped body that an upsert reads: it changes the resource that holds the
/// external id, or describes the one to create.
pub trait UpsertBody: Clone {
    /// What a create takes.
    type New;

    fn external_ids(&mut self) -> &mut Option<ExternalIds>;

    /// The resource the body describes when none holds the id yet (its required fields
    /// named when missing).
    fn to_new(self) -> Result<Self::New, ApiError>;

    fn new_external_ids(new: &mut Self::New) -> &mut ExternalIds;
}

/// Changes the live resource of `kind` that holds `external`, or creates one; either way
/// it keeps `external`, whatever ids the body lists. Two upserts of one new id at once make
/// one resource: on PostgreSQL the second create fails on the unique index, is undone (a
/// savepoint), and updates what the first made. `update` takes the row's lock first, so
/// that concurrent upserts of one resource write one after the other (a sync writes
/// last-wins) instead of losing a version race.
pub fn upsert<B: UpsertBody>(
    conn: &mut DbConn,
    workspace_id: &str,
    kind: Kind,
    external: &ExternalId,
    mut body: B,
    create: impl FnOnce(&mut DbConn, B::New) -> Result<(String, i64), ApiError>,
    update: impl Fn(&mut DbConn, &str, B) -> Result<i64, ApiError>,
) -> Result<Upserted, ApiError> {
    if let Some(listed) = body.external_ids().take() {
        let mut ids = listed.items().to_vec();
        if !ids.contains(external) {
            ids.push(external.clone());
        }
        *body.external_ids() = Some(
            ExternalIds::try_from(ids).map_err(|e| ApiError::invalid_field("/external_ids", e))?,
        );
    }
    let updated = |conn: &mut DbConn, id: String, body: B| {
        let version = update(conn, &id, body)?;
        Ok(Upserted {
            id,
            version,
            created: false,
        })
    };
    if let Some(id) = holder(conn, workspace_id, kind, external)? {
        return updated(conn, id, body);
    }
    let lists_ids = body.external_ids().is_some();
    let created = conn.transaction(|conn| {
        let mut new = body.clone().to_new()?;
        if !lists_ids {
            *B::new_external_ids(&mut new) = ExternalIds(vec![external.clone()]);
        }
        create(conn, new)
    });
    match created {
        Ok((id, version)) => Ok(Upserted {
            id,
            version,
            created: true,
        }),
        Err(error) if error.code() == "external_id_taken" => {
            match holder(conn, workspace_id, kind, external)? {
                Some(id) => updated(conn, id, body),
                None => Err(error),
            }
        }
        Err(error) => Err(error),
    }
}

/// The ids of the resources of `$kind` that hold (or, deleted, held) an external id: a
/// subquery for a list's `external_id` filter.
macro_rules! holders {
    ($workspace_id:expr, $kind:expr, $external:expr) => {{
        use $crate::db::schema::external_ids;
        let external: &$crate::external_ids::ExternalId = $external;
        external_ids::table
            .filter(external_ids::workspace_id.eq($workspace_id.to_owned()))
            .filter(external_ids::resource_type.eq($kind.as_str()))
            .filter(external_ids::system.eq(external.system.as_str().to_owned()))
            .filter(external_ids::external_id.eq(external.id.as_str().to_owned()))
            .select(external_ids::resource_id)
    }};
}
pub(crate) use holders;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_derived_id_is_its_key_unless_the_key_is_no_valid_id() {
        let short = ExternalId::derived("ical", "42@calendar.example@20261110T150000Z").unwrap();
        assert_eq!(short.id.as_str(), "42@calendar.example@20261110T150000Z");
        let long = ExternalId::derived("ical", &"x".repeat(300)).unwrap();
        assert!(long.id.as_str().starts_with("sha256:"));
        assert_eq!(long, ExternalId::derived("ical", &"x".repeat(300)).unwrap());
        let broken = ExternalId::derived("email", "a\nb").unwrap();
        assert!(broken.id.as_str().starts_with("sha256:"));
    }

    #[test]
    fn systems_are_slugs() {
        for good in ["hubspot", "salesforce", "ms-dynamics_365"] {
            assert!(System::try_from(good.to_owned()).is_ok(), "{good}");
        }
        for bad in [
            "",
            "HubSpot",
            "1crm",
            "hub spot",
            "hub:spot",
            &"a".repeat(41),
        ] {
            assert!(System::try_from(bad.to_owned()).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_filter_is_a_system_and_an_id() {
        let parsed = parse_filter("hubspot:5012:a").unwrap();
        assert_eq!(
            (parsed.system.as_str(), parsed.id.as_str()),
            ("hubspot", "5012:a")
        );
        for bad in ["hubspot", "HubSpot:1", "hubspot:", ":1"] {
            assert!(parse_filter(bad).is_err(), "{bad}");
        }
    }
}
