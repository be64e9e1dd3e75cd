//! `GET /v1/nurture/actions`: the daily agenda. Touches come from the contacts' stored
//! schedules (one index range: contacts due by now), occasions from their dates; no
//! interaction is read, so the agenda costs the same with three years of history.

use std::collections::HashMap;

use actix_web::{get, web};
use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::agenda::{self, ActionId, ActionType, Relationship, Upcoming};
use super::cadence::{cadences, Schedule};
use super::calendar::{occasions_between, Holder};
use super::{schedule, snoozes};
use crate::auth::Principal;
use crate::contacts::domain::RelationshipKind;
use crate::db::schema::contacts;
use crate::db::{Db, DbConn};
use crate::error::ApiError;
use crate::http::extract::Query;
use crate::http::pagination::{Page, PageRequest};
use crate::interactions::domain::InteractionKind;
use crate::time::{from_db, now, to_db};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(list_actions);
}

const DEFAULT_HORIZON_DAYS: i64 = 14;
const MAX_HORIZON_DAYS: i64 = 60;

/// The contact an action is about.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActionContact {
    pub id: uuid::Uuid,
    /// The member who holds the relationship.
    pub owner_id: uuid::Uuid,
    pub first_name: String,
    pub last_name: Option<String>,
    pub company: Option<String>,
    pub relationship_kind: RelationshipKind,
    pub trust: Option<i32>,
}

/// Something worth doing today for a relationship.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": "touch:0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12",
    "type": "touch_overdue",
    "contact": {"id": "0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12", "owner_id": "0193a5c1-0000-7000-8000-000000000001", "first_name": "Priya", "last_name": "Shah", "company": "Northwind", "relationship_kind": "client", "trust": 4},
    "reason": "last spoke 94 days ago; you aim for every 30",
    "due_on": "2026-10-21",
    "suggested_touch": "shared_content",
    "priority": 1.95
}))]
pub struct Action {
    /// Stable while the action stands; pass it to `POST /v1/nurture/snoozes`.
    pub id: ActionId,
    /// `first_touch` (never contacted), `touch_due`, `touch_overdue`, `revive` (a year or
    /// more without contact), `birthday` or `important_date`. An open set: more types come
    /// with new features, so ignore the ones you do not know.
    #[serde(rename = "type")]
    #[schema(value_type = String, example = "touch_overdue")]
    pub action_type: ActionType,
    pub contact: ActionContact,
    /// Why, in words to show the user.
    pub reason: String,
    /// When the touch fell due, or the day of the occasion.
    pub due_on: NaiveDate,
    /// The kind of touch to make: always a give, never an ask.
    pub suggested_touch: InteractionKind,
    /// Higher first: lateness relative to the cadence (or nearness of the occasion),
    /// weighted by trust and relationship kind.
    pub priority: f64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ActionsQuery {
    /// Whose contacts: a member id, or `all` for the team (default: yours).
    #[param(
        pattern = "^(all|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"
    )]
    member_id: Option<String>,
    /// How many days ahead to look for occasions, 0 to 60 (default 14).
    #[param(minimum = 0, maximum = 60)]
    horizon_days: Option<i64>,
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = contacts)]
struct AgendaRow {
    id: String,
    owner_id: String,
    first_name: String,
    last_name: Option<String>,
    company: Option<String>,
    relationship_kind: String,
    trust: Option<i32>,
    cadence_days: Option<i32>,
    last_interaction_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    next_touch_due_at: Option<NaiveDateTime>,
    overdue_at: Option<NaiveDateTime>,
}

fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("stored contact has an invalid {what}"))
}

/// A contact as the agenda sees it.
struct Subject {
    contact: ActionContact,
    relationship: Relationship,
}

impl AgendaRow {
    fn subject(
        self,
        cadence_by_kind: &std::collections::BTreeMap<RelationshipKind, i32>,
    ) -> Result<Subject, ApiError> {
        let kind: RelationshipKind = self
            .relationship_kind
            .parse()
            .map_err(|_| corrupt("relationship kind"))?;
        let uuid = |text: &str| text.parse::<uuid::Uuid>().map_err(|_| corrupt("id"));
        let added_at = from_db(self.created_at);
        Ok(Subject {
            contact: ActionContact {
                id: uuid(&self.id)?,
                owner_id: uuid(&self.owner_id)?,
                first_name: self.first_name,
                last_name: self.last_name,
                company: self.company,
                relationship_kind: kind,
                trust: self.trust,
            },
            relationship: Relationship {
                kind,
                trust: self.trust,
                cadence_days: self.cadence_days.unwrap_or(cadence_by_kind[&kind]),
                last_interaction_at: self.last_interaction_at.map(from_db),
                added_at,
                schedule: Schedule {
                    next_touch_due_at: self.next_touch_due_at.map_or(added_at, from_db),
                    overdue_at: self.overdue_at.map_or(added_at, from_db),
                },
            },
        })
    }
}

fn held_by(
    holder: &Holder,
    workspace_id: &str,
) -> contacts::BoxedQuery<
    'static,
    crate::db::MultiBackend,
    diesel::dsl::AsSelect<AgendaRow, crate::db::MultiBackend>,
> {
    let mut query = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id.to_owned()))
        .filter(contacts::deleted_at.is_null())
        .select(AgendaRow::as_select())
        .into_boxed();
    if let Holder::Member(member_id) = holder {
        query = query.filter(contacts::owner_id.eq(member_id.clone()));
    }
    query
}

/// Every action standing for the holder's contacts, best first, snoozed ones left out.
fn agenda(
    conn: &mut DbConn,
    workspace_id: &str,
    holder: &Holder,
    now: DateTime<Utc>,
    horizon_days: i64,
) -> Result<Vec<Action>, ApiError> {
    let cadence_by_kind = cadences(&schedule::overrides(conn, workspace_id)?);
    let today = now.date_naive();
    let mut subjects: HashMap<uuid::Uuid, Subject> = HashMap::new();
    for row in held_by(holder, workspace_id)
        .filter(contacts::next_touch_due_at.le(to_db(now)))
        .load::<AgendaRow>(conn)?
    {
        let subject = row.subject(&cadence_by_kind)?;
        subjects.insert(subject.contact.id, subject);
    }
    let mut actions = Vec::new();
    for (id, subject) in &subjects {
        if let Some(touch) = agenda::touch(&subject.relationship, now) {
            actions.push(action(ActionId::Touch(*id), touch, &subject.contact));
        }
    }

    let horizon_end = today + Days::new(horizon_days as u64);
    let occasions = occasions_between(conn, workspace_id, holder, today, horizon_end)?;
    let missing: Vec<String> = occasions
        .iter()
        .filter(|o| !subjects.contains_key(&o.contact_id))
        .map(|o| o.contact_id.to_string())
        .collect();
    for row in held_by(holder, workspace_id)
        .filter(contacts::id.eq_any(missing))
        .load::<AgendaRow>(conn)?
    {
        let subject = row.subject(&cadence_by_kind)?;
        subjects.insert(subject.contact.id, subject);
    }
    for occasion in &occasions {
        let Some(subject) = subjects.get(&occasion.contact_id) else {
            continue;
        };
        let relationship = &subject.relationship;
        if agenda::occasion_marked(occasion.date, relationship.last_interaction_at) {
            continue;
        }
        let upcoming = Upcoming {
            kind: occasion.kind,
            label: occasion.label.as_deref(),
            date: occasion.date,
            years: occasion.years,
        };
        let suggestion = agenda::occasion(
            &upcoming,
            relationship.kind,
            relationship.trust,
            today,
            horizon_days,
        );
        actions.push(action(
            ActionId::Occasion(occasion.contact_id, occasion.date),
            suggestion,
            &subject.contact,
        ));
    }

    let hidden = snoozes::hidden_actions(conn, workspace_id, now)?;
    actions.retain(|action| !hidden.contains(&action.id.to_string()));
    actions.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then(a.due_on.cmp(&b.due_on))
            .then_with(|| a.id.to_string().cmp(&b.id.to_string()))
    });
    Ok(actions)
}

fn action(id: ActionId, suggestion: agenda::Suggestion, contact: &ActionContact) -> Action {
    Action {
        id,
        action_type: suggestion.action_type,
        contact: contact.clone(),
        reason: suggestion.reason,
        due_on: suggestion.due_on,
        suggested_touch: suggestion.suggested_touch,
        priority: (suggestion.priority * 1000.0).round() / 1000.0,
    }
}

/// What to do today: touches due or overdue (most overdue relative to cadence first,
/// weighted by trust and relationship kind), dormant relationships worth reviving, and
/// birthdays and other dates within `horizon_days`. Snoozed and dismissed actions are left
/// out. Every suggested touch is a give; the agenda never suggests an ask.
#[utoipa::path(tag = "nurture", operation_id = "listActions", params(ActionsQuery), responses((status = 200, body = Page<Action>)))]
#[get("/nurture/actions")]
async fn list_actions(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<ActionsQuery>,
) -> Result<web::Json<Page<Action>>, ApiError> {
    let query = query.into_inner();
    let holder = Holder::parse(query.member_id.as_deref(), &principal)?;
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let horizon_days = match query.horizon_days {
        None => DEFAULT_HORIZON_DAYS,
        Some(days @ 0..=MAX_HORIZON_DAYS) => days,
        Some(_) => {
            return Err(ApiError::invalid_field(
                "horizon_days",
                format!("must be from 0 to {MAX_HORIZON_DAYS}"),
            ))
        }
    };
    let actions = db
        .run(move |conn| agenda(conn, &principal.workspace_id, &holder, now(), horizon_days))
        .await?;
    Ok(web::Json(page.page_of_ranked(actions)?))
}
