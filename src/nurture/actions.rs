//! `GET /v1/nurture/actions`: the daily agenda. Touches come from the contacts' stored
//! schedules (one index range: contacts due by now), occasions from their dates; no
//! interaction is read, so the agenda costs the same with three years of history.

use std::collections::{BTreeMap, HashMap};

use actix_web::{get, web};
use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::agenda::{self, ActionId, ActionType, Relationship, Suggestion, Upcoming};
use super::cadence::{cadences, schedule};
use super::calendar::{occasions_between, Holder};
use super::schedule::overrides;
use super::snoozes;
use crate::auth::Principal;
use crate::contacts::domain::RelationshipKind;
use crate::db::schema::contacts;
use crate::db::{Db, DbConn, MultiBackend, BATCH_ROWS};
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
    /// more without contact), `birthday`, `important_date`, `thank_referrer` (an
    /// introduction not yet thanked for), `share_outcome` (a won or lost introduction the
    /// referrer has not heard about) or `follow_up_ask` (an ask unanswered for two weeks).
    /// An open set: more types come with new features, so ignore the ones you do not know.
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

/// What ranking needs of a contact: read from the agenda index alone.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = contacts)]
pub(super) struct Standing {
    pub id: String,
    relationship_kind: String,
    trust: Option<i32>,
    cadence_days: Option<i32>,
    last_interaction_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
}

pub(super) fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("stored contact has an invalid {what}"))
}

impl Standing {
    /// The relationship, its schedule computed by the same rule that stored it.
    pub(super) fn relationship(
        &self,
        cadence_by_kind: &BTreeMap<RelationshipKind, i32>,
    ) -> Result<Relationship, ApiError> {
        let kind: RelationshipKind = self
            .relationship_kind
            .parse()
            .map_err(|_| corrupt("relationship kind"))?;
        let cadence_days = self.cadence_days.unwrap_or(cadence_by_kind[&kind]);
        let last_interaction_at = self.last_interaction_at.map(from_db);
        let added_at = from_db(self.created_at);
        Ok(Relationship {
            kind,
            trust: self.trust,
            cadence_days,
            last_interaction_at,
            added_at,
            schedule: schedule(last_interaction_at, added_at, cadence_days),
        })
    }
}

fn held_by(
    holder: &Holder,
    workspace_id: &str,
) -> contacts::BoxedQuery<'static, MultiBackend, diesel::dsl::AsSelect<Standing, MultiBackend>> {
    let mut query = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id.to_owned()))
        .filter(contacts::deleted_at.is_null())
        .select(Standing::as_select())
        .into_boxed();
    if let Holder::Member(member_id) = holder {
        query = query.filter(contacts::owner_id.eq(member_id.clone()));
    }
    query
}

/// An action before it is worded: the agenda ranks them all, then words one page.
pub(super) struct Candidate {
    pub id: ActionId,
    /// The contact the action is with.
    pub contact_id: uuid::Uuid,
    pub suggestion: Suggestion,
}

/// Every action standing for the holder's contacts, best first, snoozed ones left out.
fn candidates(
    conn: &mut DbConn,
    workspace_id: &str,
    holder: &Holder,
    now: DateTime<Utc>,
    horizon_days: i64,
) -> Result<Vec<Candidate>, ApiError> {
    let cadence_by_kind = cadences(&overrides(conn, workspace_id)?);
    let today = now.date_naive();
    let mut relationships: HashMap<uuid::Uuid, Relationship> = HashMap::new();
    let mut ranked = Vec::new();
    for standing in held_by(holder, workspace_id)
        .filter(contacts::next_touch_due_at.le(to_db(now)))
        .load::<Standing>(conn)?
    {
        let contact_id: uuid::Uuid = standing.id.parse().map_err(|_| corrupt("id"))?;
        let relationship = standing.relationship(&cadence_by_kind)?;
        if let Some(suggestion) = agenda::touch(&relationship, now) {
            ranked.push(Candidate {
                id: ActionId::Touch(contact_id),
                contact_id,
                suggestion,
            });
        }
        relationships.insert(contact_id, relationship);
    }

    let horizon_end = today + Days::new(horizon_days as u64);
    let occasions = occasions_between(conn, workspace_id, holder, today, horizon_end)?;
    let not_due: Vec<String> = occasions
        .iter()
        .filter(|o| !relationships.contains_key(&o.contact_id))
        .map(|o| o.contact_id.to_string())
        .collect();
    for chunk in not_due.chunks(BATCH_ROWS) {
        for standing in held_by(holder, workspace_id)
            .filter(contacts::id.eq_any(chunk))
            .load::<Standing>(conn)?
        {
            let contact_id: uuid::Uuid = standing.id.parse().map_err(|_| corrupt("id"))?;
            relationships.insert(contact_id, standing.relationship(&cadence_by_kind)?);
        }
    }
    for occasion in occasions {
        let Some(relationship) = relationships.get(&occasion.contact_id) else {
            continue;
        };
        if agenda::occasion_marked(occasion.date, relationship.last_interaction_at) {
            continue;
        }
        let contact_id = occasion.contact_id;
        let id = ActionId::Occasion(contact_id, occasion.date);
        let upcoming = Upcoming {
            kind: occasion.kind,
            label: occasion.label,
            date: occasion.date,
            years: occasion.years,
        };
        let suggestion = agenda::occasion(
            upcoming,
            relationship.kind,
            relationship.trust,
            today,
            horizon_days,
        );
        ranked.push(Candidate {
            id,
            contact_id,
            suggestion,
        });
    }
    ranked.extend(super::loops::candidates(
        conn,
        workspace_id,
        holder,
        now,
        &cadence_by_kind,
    )?);

    let hidden = snoozes::hidden_actions(conn, workspace_id, now)?;
    ranked.retain(|candidate| !hidden.contains(&candidate.id.to_string()));
    ranked.sort_by(|a, b| {
        b.suggestion
            .priority
            .total_cmp(&a.suggestion.priority)
            .then(a.suggestion.due_on.cmp(&b.suggestion.due_on))
            .then_with(|| a.id.to_string().cmp(&b.id.to_string()))
    });
    Ok(ranked)
}

/// A member's top `count` actions at `now`, as the agenda words them (the daily digest).
pub fn top_actions(
    conn: &mut DbConn,
    workspace_id: &str,
    member_id: &str,
    now: DateTime<Utc>,
    count: usize,
) -> Result<Vec<Action>, ApiError> {
    let holder = Holder::Member(member_id.to_owned());
    let mut ranked = candidates(conn, workspace_id, &holder, now, DEFAULT_HORIZON_DAYS)?;
    ranked.truncate(count);
    worded(conn, workspace_id, ranked)
}

/// The page's candidates as actions, with their contacts.
fn worded(
    conn: &mut DbConn,
    workspace_id: &str,
    page: Vec<Candidate>,
) -> Result<Vec<Action>, ApiError> {
    let ids: Vec<String> = page.iter().map(|c| c.contact_id.to_string()).collect();
    let contacts: HashMap<String, ActionContact> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::id.eq_any(&ids))
        .select((
            contacts::id,
            contacts::owner_id,
            contacts::first_name,
            contacts::last_name,
            contacts::company,
            contacts::relationship_kind,
            contacts::trust,
        ))
        .load::<(
            String,
            String,
            String,
            Option<String>,
            Option<String>,
            String,
            Option<i32>,
        )>(conn)?
        .into_iter()
        .map(
            |(id, owner_id, first_name, last_name, company, kind, trust)| {
                let contact = ActionContact {
                    id: id.parse().map_err(|_| corrupt("id"))?,
                    owner_id: owner_id.parse().map_err(|_| corrupt("owner"))?,
                    first_name,
                    last_name,
                    company,
                    relationship_kind: kind.parse().map_err(|_| corrupt("relationship kind"))?,
                    trust,
                };
                Ok((id, contact))
            },
        )
        .collect::<Result<_, ApiError>>()?;
    // A contact deleted since the ranking read leaves the page one action short.
    Ok(page
        .into_iter()
        .filter_map(
            |Candidate {
                 id,
                 contact_id,
                 suggestion,
             }| {
                let contact = contacts.get(&contact_id.to_string())?.clone();
                Some(Action {
                    id,
                    action_type: suggestion.action_type,
                    contact,
                    reason: suggestion.reason.to_string(),
                    due_on: suggestion.due_on,
                    suggested_touch: suggestion.suggested_touch,
                    priority: (suggestion.priority * 1000.0).round() / 1000.0,
                })
            },
        )
        .collect())
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
        .run(move |conn| {
            let workspace_id = &principal.workspace_id;
            let ranked = candidates(conn, workspace_id, &holder, now(), horizon_days)?;
            let Page { data, next_cursor } = page.page_of_ranked(ranked)?;
            Ok(Page {
                data: worded(conn, workspace_id, data)?,
                next_cursor,
            })
        })
        .await?;
    Ok(web::Json(actions))
}
