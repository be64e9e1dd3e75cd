//! Endpoints and their deliveries in the database.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::events::{self, EventTypes};
use super::signing::Secret;
use super::{
    CreatedWebhook, Delivery, DeliveryStatus, NewWebhook, RotatedSecret, Webhook, WebhookPatch,
};
use crate::db::schema::{webhook_cursors, webhook_deliveries, webhook_endpoints};
use crate::db::{is_unique_violation, DbConn};
use crate::error::ApiError;
use crate::http::pagination::{Page, PageRequest};
use crate::http::precondition::IfMatch;
use crate::http::resource::by_id;
use crate::time::from_db;

/// How long deliveries are signed with the previous secret as well, after a rotation.
pub const ROTATION_OVERLAP: chrono::TimeDelta = chrono::TimeDelta::hours(24);

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_endpoints)]
pub struct EndpointRow {
    pub workspace_id: String,
    pub id: String,
    pub url: String,
    pub description: String,
    pub event_types: String,
    pub member_id: Option<String>,
    pub enabled: bool,
    pub disabled_reason: Option<String>,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_until: Option<NaiveDateTime>,
    pub since_seq: i64,
    pub failing_since: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("stored webhook has an invalid {what}"))
}

impl EndpointRow {
    fn view(self) -> Result<Webhook, ApiError> {
        Ok(Webhook {
            id: self.id.parse().map_err(|_| corrupt("id"))?,
            event_types: EventTypes::from_stored(&self.event_types),
            member_id: self
                .member_id
                .map(|id| id.parse())
                .transpose()
                .map_err(|_| corrupt("member"))?,
            description: Some(self.description).filter(|d| !d.is_empty()),
            url: self.url,
            enabled: self.enabled,
            disabled_reason: self.disabled_reason,
            previous_secret_valid_until: self.previous_secret_until.map(from_db),
            version: self.version,
            created_at: from_db(self.created_at),
            updated_at: from_db(self.updated_at),
        })
    }

    /// The secrets deliveries are signed with at `now`: the current one, and the previous
    /// one during a rotation's overlap.
    pub fn secrets(&self, now: NaiveDateTime) -> Vec<Secret> {
        let mut secrets = vec![Secret::stored(self.secret.clone())];
        if let (Some(previous), Some(until)) = (&self.previous_secret, self.previous_secret_until) {
            if until > now {
                secrets.push(Secret::stored(previous.clone()));
            }
        }
        secrets
    }

    pub fn subscribes(&self, event: &str) -> bool {
        events::stored_match(&self.event_types, event)
    }
}

fn not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("no webhook {id} in this workspace"))
}

fn check_member(
    conn: &mut DbConn,
    workspace_id: &str,
    member_id: Option<&uuid::Uuid>,
) -> Result<(), ApiError> {
    if let Some(member_id) = member_id {
        if !crate::workspaces::queries::is_member(conn, workspace_id, &member_id.to_string())? {
            return Err(ApiError::invalid_field(
                "/member_id",
                format!("no member {member_id} in this workspace"),
            ));
        }
    }
    Ok(())
}

/// Makes the workspace's dispatch cursor at the feed's end, unless it has one.
fn follow_feed(conn: &mut DbConn, workspace_id: &str, head: i64) -> Result<(), ApiError> {
    let exists: i64 = webhook_cursors::table
        .filter(webhook_cursors::workspace_id.eq(workspace_id))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(());
    }
    // In a savepoint: another endpoint made at the same moment may have made it.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(webhook_cursors::table)
            .values((
                webhook_cursors::workspace_id.eq(workspace_id),
                webhook_cursors::seq.eq(head),
            ))
            .execute(conn)
    });
    match inserted {
        Err(error) if !is_unique_violation(&error) => Err(error.into()),
        _ => Ok(()),
    }
}

pub fn create(
    conn: &mut DbConn,
    workspace_id: &str,
    webhook: NewWebhook,
    now: NaiveDateTime,
) -> Result<CreatedWebhook, ApiError> {
    check_member(conn, workspace_id, webhook.member_id.as_ref())?;
    let head = crate::changes::head(conn, workspace_id)?;
    let secret = Secret::generate();
    let row = EndpointRow {
        workspace_id: workspace_id.to_owned(),
        id: uuid::Uuid::now_v7().to_string(),
        url: webhook.url.url().to_string(),
        description: webhook.description.map(String::from).unwrap_or_default(),
        event_types: webhook.event_types.to_stored(),
        member_id: webhook.member_id.map(|id| id.to_string()),
        enabled: webhook.enabled,
        disabled_reason: None,
        secret: secret.as_str().to_owned(),
        previous_secret: None,
        previous_secret_until: None,
        since_seq: head,
        failing_since: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    diesel::insert_into(webhook_endpoints::table)
        .values(&row)
        .execute(conn)?;
    follow_feed(conn, workspace_id, head)?;
    Ok(CreatedWebhook {
        webhook: row.view()?,
        secret: secret.as_str().to_owned(),
    })
}

pub fn list(
    conn: &mut DbConn,
    workspace_id: &str,
    page: &PageRequest,
) -> Result<Page<Webhook>, ApiError> {
    let webhooks = by_id!(webhook_endpoints, EndpointRow, page)
        .filter(webhook_endpoints::workspace_id.eq(workspace_id))
        .load::<EndpointRow>(conn)?
        .into_iter()
        .map(EndpointRow::view)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(page.page(webhooks, |webhook| webhook.id.to_string()))
}

pub fn row(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<EndpointRow, ApiError> {
    webhook_endpoints::table
        .filter(webhook_endpoints::workspace_id.eq(workspace_id))
        .filter(webhook_endpoints::id.eq(id))
        .select(EndpointRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| not_found(id))
}

pub fn get(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<Webhook, ApiError> {
    row(conn, workspace_id, id)?.view()
}

pub fn update(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    patch: WebhookPatch,
    if_match: &IfMatch,
    now: NaiveDateTime,
) -> Result<Webhook, ApiError> {
    let mut row = row(conn, workspace_id, id)?;
    if_match.check(row.version)?;
    if let Some(member_id) = &patch.member_id {
        check_member(conn, workspace_id, member_id.as_ref())?;
        row.member_id = member_id.map(|id| id.to_string());
    }
    if let Some(url) = patch.url {
        row.url = url.url().to_string();
    }
    if let Some(event_types) = patch.event_types {
        row.event_types = event_types.to_stored();
    }
    if let Some(description) = patch.description {
        row.description = description.map(String::from).unwrap_or_default();
    }
    if let Some(enabled) = patch.enabled {
        if enabled && !row.enabled {
            row.disabled_reason = None;
            row.failing_since = None;
        }
        row.enabled = enabled;
    }
    let version = row.version;
    row.version += 1;
    row.updated_at = now;
    crate::db::update_at_version!(
        conn,
        webhook_endpoints,
        id,
        version,
        (
            webhook_endpoints::url.eq(&row.url),
            webhook_endpoints::event_types.eq(&row.event_types),
            webhook_endpoints::member_id.eq(&row.member_id),
            webhook_endpoints::description.eq(&row.description),
            webhook_endpoints::enabled.eq(row.enabled),
            webhook_endpoints::disabled_reason.eq(&row.disabled_reason),
            webhook_endpoints::failing_since.eq(row.failing_since),
            webhook_endpoints::version.eq(row.version),
            webhook_endpoints::updated_at.eq(now),
        ),
        if_match.lost_race("webhook")
    )?;
    row.view()
}

/// Deletes an endpoint and its deliveries; the workspace stops following its feed when
/// no endpoint is left.
pub fn delete(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<(), ApiError> {
    let deleted = diesel::delete(
        webhook_endpoints::table
            .filter(webhook_endpoints::workspace_id.eq(workspace_id))
            .filter(webhook_endpoints::id.eq(id)),
    )
    .execute(conn)?;
    if deleted == 0 {
        return Err(not_found(id));
    }
    diesel::delete(
        webhook_deliveries::table
            .filter(webhook_deliveries::workspace_id.eq(workspace_id))
            .filter(webhook_deliveries::endpoint_id.eq(id)),
    )
    .execute(conn)?;
    let left: i64 = webhook_endpoints::table
        .filter(webhook_endpoints::workspace_id.eq(workspace_id))
        .count()
        .get_result(conn)?;
    if left == 0 {
        diesel::delete(webhook_cursors::table.find(workspace_id)).execute(conn)?;
    }
    Ok(())
}

/// A new secret; the current one signs too until the overlap ends.
pub fn rotate_secret(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    now: NaiveDateTime,
) -> Result<RotatedSecret, ApiError> {
    let row = row(conn, workspace_id, id)?;
    let secret = Secret::generate();
    let until = now + ROTATION_OVERLAP;
    diesel::update(
        webhook_endpoints::table
            .filter(webhook_endpoints::workspace_id.eq(workspace_id))
            .filter(webhook_endpoints::id.eq(id)),
    )
    .set((
        webhook_endpoints::secret.eq(secret.as_str()),
        webhook_endpoints::previous_secret.eq(&row.secret),
        webhook_endpoints::previous_secret_until.eq(until),
        webhook_endpoints::version.eq(webhook_endpoints::version + 1),
        webhook_endpoints::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(RotatedSecret {
        secret: secret.as_str().to_owned(),
        previous_secret_valid_until: from_db(until),
    })
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_deliveries)]
pub struct DeliveryRow {
    pub workspace_id: String,
    pub id: String,
    pub endpoint_id: String,
    pub event_type: String,
    pub seq: Option<i64>,
    pub payload: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: Option<NaiveDateTime>,
    pub last_attempt_at: Option<NaiveDateTime>,
    pub last_status_code: Option<i32>,
    pub last_latency_ms: Option<i32>,
    pub last_response: Option<String>,
    pub created_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
}

impl DeliveryRow {
    /// A delivery due at once.
    pub fn new(
        workspace_id: &str,
        endpoint_id: &str,
        event_type: &str,
        seq: Option<i64>,
        payload: String,
        now: NaiveDateTime,
    ) -> Self {
        Self {
            workspace_id: workspace_id.to_owned(),
            id: uuid::Uuid::now_v7().to_string(),
            endpoint_id: endpoint_id.to_owned(),
            event_type: event_type.to_owned(),
            seq,
            payload,
            status: DeliveryStatus::Pending.as_str().to_owned(),
            attempts: 0,
            next_attempt_at: Some(now),
            last_attempt_at: None,
            last_status_code: None,
            last_latency_ms: None,
            last_response: None,
            created_at: now,
            finished_at: None,
        }
    }

    fn view(self) -> Result<Delivery, ApiError> {
        let corrupt = |what: &str| {
            ApiError::internal(anyhow::anyhow!("stored delivery has an invalid {what}"))
        };
        Ok(Delivery {
            id: self.id.parse().map_err(|_| corrupt("id"))?,
            webhook_id: self.endpoint_id.parse().map_err(|_| corrupt("endpoint"))?,
            status: DeliveryStatus::parse(&self.status).ok_or_else(|| corrupt("status"))?,
            event_type: self.event_type,
            seq: self.seq,
            attempts: self.attempts,
            next_attempt_at: self.next_attempt_at.map(from_db),
            last_attempt_at: self.last_attempt_at.map(from_db),
            last_status_code: self.last_status_code,
            last_latency_ms: self.last_latency_ms,
            last_response: self.last_response,
            created_at: from_db(self.created_at),
            finished_at: self.finished_at.map(from_db),
        })
    }
}

/// A `webhook.test` delivery to one endpoint, whatever it subscribed to.
pub fn send_test(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    now: NaiveDateTime,
) -> Result<Delivery, ApiError> {
    row(conn, workspace_id, id)?;
    let body = events::test_body(id, from_db(now));
    let delivery = DeliveryRow::new(workspace_id, id, events::TEST_EVENT, None, body, now);
    diesel::insert_into(webhook_deliveries::table)
        .values(&delivery)
        .execute(conn)?;
    delivery.view()
}

/// An endpoint's deliveries, newest first.
pub fn deliveries(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    status: Option<DeliveryStatus>,
    page: &PageRequest,
) -> Result<Page<Delivery>, ApiError> {
    row(conn, workspace_id, id)?;
    let mut query = webhook_deliveries::table
        .filter(webhook_deliveries::workspace_id.eq(workspace_id))
        .filter(webhook_deliveries::endpoint_id.eq(id))
        .order(webhook_deliveries::id.desc())
        .limit(page.fetch_limit())
        .select(DeliveryRow::as_select())
        .into_boxed();
    if let Some(after) = page.after_id()? {
        query = query.filter(webhook_deliveries::id.lt(after.to_owned()));
    }
    if let Some(status) = status {
        query = query.filter(webhook_deliveries::status.eq(status.as_str()));
    }
    let rows = query
        .load::<DeliveryRow>(conn)?
        .into_iter()
        .map(DeliveryRow::view)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(page.page(rows, |delivery| delivery.id.to_string()))
}

fn delivery_row(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    delivery_id: &str,
) -> Result<DeliveryRow, ApiError> {
    webhook_deliveries::table
        .filter(webhook_deliveries::workspace_id.eq(workspace_id))
        .filter(webhook_deliveries::endpoint_id.eq(id))
        .filter(webhook_deliveries::id.eq(delivery_id))
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found(format!("no delivery {delivery_id} of webhook {id}")))
}

pub fn delivery(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    delivery_id: &str,
) -> Result<Delivery, ApiError> {
    delivery_row(conn, workspace_id, id, delivery_id)?.view()
}

/// Makes a delivery due now, whatever became of it: one more attempt, with the same
/// `webhook-id` and body. A delivery whose schedule is spent gets just that attempt.
pub fn retry(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    delivery_id: &str,
    now: NaiveDateTime,
) -> Result<Delivery, ApiError> {
    delivery_row(conn, workspace_id, id, delivery_id)?;
    diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::workspace_id.eq(workspace_id))
            .filter(webhook_deliveries::id.eq(delivery_id)),
    )
    .set((
        webhook_deliveries::status.eq(DeliveryStatus::Pending.as_str()),
        webhook_deliveries::next_attempt_at.eq(now),
        webhook_deliveries::finished_at.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    delivery(conn, workspace_id, id, delivery_id)
}

/// Removes deliveries finished before `cutoff`.
pub fn prune(conn: &mut DbConn, cutoff: NaiveDateTime) -> Result<usize, ApiError> {
    Ok(
        diesel::delete(
            webhook_deliveries::table.filter(webhook_deliveries::finished_at.lt(cutoff)),
        )
        .execute(conn)?,
    )
}
