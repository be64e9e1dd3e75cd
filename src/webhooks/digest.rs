//! The daily digest: once a day per member, at the hour they chose in their time zone, the
//! top of their agenda goes to the endpoints subscribed to `nurture.daily_digest`, so that a
//! chat bot or an email tool can say what to do today. Each member's day is claimed by a
//! conditional update of the day it last went out, in the transaction that writes the
//! deliveries: once a day, however many instances run and restart.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use super::queries::{DeliveryRow, EndpointRow};
use crate::db::schema::{members, webhook_deliveries, webhook_endpoints};
use crate::db::{insert_rows, Db, DbConn};
use crate::error::ApiError;
use crate::time::{now, to_db};
use crate::values::bounded_int;

pub const EVENT: &str = "nurture.daily_digest";

/// Actions a digest carries: the top of the agenda.
const ACTIONS: usize = 10;

bounded_int!(
    /// The hour of the day, 0 to 23, in the member's time zone.
    Hour(i32), 0..=23, "must be an hour from 0 to 23"
);

/// An IANA time zone name, such as `Europe/Lisbon` or `America/New_York`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct TimeZoneName(Tz);

impl TryFrom<String> for TimeZoneName {
    type Error = String;

    fn try_from(name: String) -> Result<Self, String> {
        name.trim()
            .parse::<Tz>()
            .map(Self)
            .map_err(|_| format!("`{name}` is not an IANA time zone (e.g. Europe/Lisbon)"))
    }
}

impl PartialSchema for TimeZoneName {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("An IANA time zone name"))
            .examples([serde_json::json!("Europe/Lisbon")])
            .into()
    }
}

impl ToSchema for TimeZoneName {}

/// When a member wants their digest.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"hour": 8, "time_zone": "Europe/Lisbon"}))]
pub struct DigestSchedule {
    pub hour: Hour,
    pub time_zone: TimeZoneName,
}

/// A member's daily digest: when it goes out, and when it last did.
#[derive(Debug, Serialize, ToSchema)]
pub struct Digest {
    pub member_id: uuid::Uuid,
    /// The hour it goes out at, in `time_zone` (default 8).
    #[schema(example = 8)]
    pub hour: i32,
    /// Default `UTC`.
    #[schema(example = "Europe/Lisbon")]
    pub time_zone: String,
    /// The member's local day it last went out; null if never.
    pub last_sent_on: Option<NaiveDate>,
    /// When it goes out next, if an endpoint subscribes to `nurture.daily_digest` by then.
    pub next_at: DateTime<Utc>,
}

/// The member's local day whose digest is due at `now`, if one is: their hour has come
/// today and today's has not gone out.
fn due(zone: Tz, hour: i32, sent_on: Option<NaiveDate>, now: DateTime<Utc>) -> Option<NaiveDate> {
    let local = now.with_timezone(&zone);
    let today = local.date_naive();
    let pending = sent_on.is_none_or(|sent| sent < today);
    (pending && local.hour() as i32 >= hour).then_some(today)
}

/// The first instant of `hour` on a local day; where a clock change skips it, the first
/// instant after.
fn at_hour(zone: Tz, day: NaiveDate, hour: i32) -> DateTime<Utc> {
    (hour..24)
        .find_map(|hour| {
            zone.with_ymd_and_hms(day.year(), day.month(), day.day(), hour as u32, 0, 0)
                .earliest()
        })
        .map(|local| local.with_timezone(&Utc))
        .unwrap_or_else(|| day.and_hms_opt(23, 59, 59).unwrap_or_default().and_utc())
}

/// When the next digest goes out: now if one is due, else at the hour on the next day that
/// has none yet.
fn next_at(zone: Tz, hour: i32, sent_on: Option<NaiveDate>, now: DateTime<Utc>) -> DateTime<Utc> {
    if due(zone, hour, sent_on, now).is_some() {
        return now;
    }
    let today = now.with_timezone(&zone).date_naive();
    let day = if sent_on.is_some_and(|sent| sent >= today) {
        today.succ_opt().unwrap_or(today)
    } else {
        today
    };
    at_hour(zone, day, hour)
}

/// A member's digest settings as stored.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = members)]
struct MemberDigest {
    id: String,
    workspace_id: String,
    digest_hour: i32,
    digest_time_zone: String,
    digest_sent_on: Option<NaiveDate>,
}

fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

fn view(member: MemberDigest) -> Result<Digest, ApiError> {
    Ok(Digest {
        member_id: member.id.parse().map_err(ApiError::internal)?,
        next_at: next_at(
            zone(&member.digest_time_zone),
            member.digest_hour,
            member.digest_sent_on,
            now(),
        ),
        hour: member.digest_hour,
        time_zone: member.digest_time_zone,
        last_sent_on: member.digest_sent_on,
    })
}

fn member_digest(
    conn: &mut DbConn,
    workspace_id: &str,
    member_id: &str,
) -> Result<MemberDigest, ApiError> {
    members::table
        .filter(members::workspace_id.eq(workspace_id))
        .filter(members::id.eq(member_id))
        .filter(members::removed_at.is_null())
        .select(MemberDigest::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found(format!("no member {member_id} in this workspace")))
}

pub fn get(conn: &mut DbConn, workspace_id: &str, member_id: &str) -> Result<Digest, ApiError> {
    view(member_digest(conn, workspace_id, member_id)?)
}

pub fn set(
    conn: &mut DbConn,
    workspace_id: &str,
    member_id: &str,
    schedule: DigestSchedule,
) -> Result<Digest, ApiError> {
    member_digest(conn, workspace_id, member_id)?;
    diesel::update(members::table.find(member_id))
        .set((
            members::digest_hour.eq(schedule.hour.get()),
            members::digest_time_zone.eq(schedule.time_zone.0.name()),
        ))
        .execute(conn)?;
    get(conn, workspace_id, member_id)
}

/// The enabled endpoints that want digests, of every workspace.
fn subscribed(conn: &mut DbConn) -> Result<Vec<EndpointRow>, ApiError> {
    Ok(webhook_endpoints::table
        .filter(webhook_endpoints::enabled.eq(true))
        .select(EndpointRow::as_select())
        .load::<EndpointRow>(conn)?
        .into_iter()
        .filter(|endpoint| endpoint.subscribes(EVENT))
        .collect())
}

/// Members of workspaces with such endpoints whose digest is due, and the day it is for.
fn due_members(
    conn: &mut DbConn,
    now: DateTime<Utc>,
) -> Result<Vec<(MemberDigest, NaiveDate)>, ApiError> {
    let mut workspaces: Vec<String> = subscribed(conn)?
        .into_iter()
        .map(|endpoint| endpoint.workspace_id)
        .collect();
    workspaces.sort();
    workspaces.dedup();
    let mut due_now = Vec::new();
    for chunk in workspaces.chunks(crate::db::BATCH_ROWS) {
        let rows: Vec<MemberDigest> = members::table
            .filter(members::workspace_id.eq_any(chunk))
            .filter(members::removed_at.is_null())
            .select(MemberDigest::as_select())
            .load(conn)?;
        due_now.extend(rows.into_iter().filter_map(|row| {
            let day = due(
                zone(&row.digest_time_zone),
                row.digest_hour,
                row.digest_sent_on,
                now,
            )?;
            Some((row, day))
        }));
    }
    Ok(due_now)
}

/// Claims the member's digest of `day` and writes its deliveries; nothing if another
/// instance claimed it first.
fn send(
    conn: &mut DbConn,
    member: &MemberDigest,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let MemberDigest {
        id: member_id,
        workspace_id,
        digest_time_zone: time_zone,
        ..
    } = member;
    let claimed = diesel::update(
        members::table.filter(members::id.eq(member_id)).filter(
            members::digest_sent_on
                .is_null()
                .or(members::digest_sent_on.lt(day)),
        ),
    )
    .set(members::digest_sent_on.eq(day))
    .execute(conn)?;
    if claimed == 0 {
        return Ok(0);
    }
    let endpoints: Vec<EndpointRow> = webhook_endpoints::table
        .filter(webhook_endpoints::workspace_id.eq(workspace_id))
        .filter(webhook_endpoints::enabled.eq(true))
        .select(EndpointRow::as_select())
        .load::<EndpointRow>(conn)?
        .into_iter()
        .filter(|endpoint| {
            endpoint.subscribes(EVENT)
                && endpoint
                    .member_id
                    .as_ref()
                    .is_none_or(|only| only == member_id)
        })
        .collect();
    if endpoints.is_empty() {
        return Ok(0);
    }
    let actions =
        crate::nurture::actions::top_actions(conn, workspace_id, member_id, now, ACTIONS)?;
    let body = serde_json::json!({
        "type": EVENT,
        "timestamp": now,
        "data": {
            "member_id": member_id,
            "date": day,
            "time_zone": time_zone,
            "actions": actions,
        },
    })
    .to_string();
    let at = to_db(now);
    let deliveries: Vec<DeliveryRow> = endpoints
        .iter()
        .map(|endpoint| DeliveryRow::new(workspace_id, &endpoint.id, EVENT, None, body.clone(), at))
        .collect();
    insert_rows!(conn, webhook_deliveries::table, &deliveries)?;
    Ok(deliveries.len())
}

/// Sends every digest that is due; returns how many deliveries it made.
pub async fn send_due(db: &Db) -> Result<usize, ApiError> {
    let at = now();
    let members = db.run(move |conn| due_members(conn, at)).await?;
    let mut made = 0;
    for (member, day) in members {
        made += db
            .transaction(move |conn| send(conn, &member, day, at))
            .await?;
    }
    Ok(made)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_digest_is_due_once_its_local_hour_has_come() {
        let lisbon: Tz = "Europe/Lisbon".parse().unwrap();
        let tokyo: Tz = "Asia/Tokyo".parse().unwrap();
        // 07:30 UTC is 07:30 in Lisbon (winter) and 16:30 in Tokyo.
        let now = utc("2026-12-05T07:30:00Z");
        assert_eq!(due(lisbon, 8, None, now), None);
        assert_eq!(due(lisbon, 7, None, now), Some(day("2026-12-05")));
        assert_eq!(
            due(tokyo, 8, Some(day("2026-12-04")), now),
            Some(day("2026-12-05"))
        );
        assert_eq!(
            due(tokyo, 8, Some(day("2026-12-05")), now),
            None,
            "once a day"
        );
        // Just before midnight UTC it is already the next day in Tokyo.
        let late = utc("2026-12-05T23:30:00Z");
        assert_eq!(
            due(tokyo, 8, Some(day("2026-12-05")), late),
            Some(day("2026-12-06"))
        );
    }

    #[test]
    fn the_next_digest_is_at_the_hour_on_the_next_day_without_one() {
        let lisbon: Tz = "Europe/Lisbon".parse().unwrap();
        let now = utc("2026-12-05T07:30:00Z");
        assert_eq!(next_at(lisbon, 8, None, now), utc("2026-12-05T08:00:00Z"));
        assert_eq!(next_at(lisbon, 7, None, now), now, "due now");
        assert_eq!(
            next_at(lisbon, 7, Some(day("2026-12-05")), now),
            utc("2026-12-06T07:00:00Z")
        );
        // Summer time: 08:00 in Lisbon is 07:00 UTC.
        let summer = utc("2026-07-01T05:00:00Z");
        assert_eq!(
            next_at(lisbon, 8, None, summer),
            utc("2026-07-01T07:00:00Z")
        );
        // 02:00 does not exist in New York on 8 March 2026: the first instant after it.
        let new_york: Tz = "America/New_York".parse().unwrap();
        let before = utc("2026-03-08T05:00:00Z");
        assert_eq!(
            next_at(new_york, 2, Some(day("2026-03-07")), before),
            utc("2026-03-08T07:00:00Z")
        );
    }

    #[test]
    fn time_zones_are_iana_names() {
        assert!(TimeZoneName::try_from("America/Sao_Paulo".to_owned()).is_ok());
        assert!(TimeZoneName::try_from("Mars/Olympus".to_owned()).is_err());
        assert!(TimeZoneName::try_from("+02:00".to_owned()).is_err());
    }
}
