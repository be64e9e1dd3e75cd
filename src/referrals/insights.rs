//! `GET /v1/insights/funnel`, `/referrers` and `/unasked`: how a period's asks went, who
//! brings the most (R10), and which clients have earned an ask nobody made.

use std::collections::HashMap;

use actix_web::{get, web};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use diesel::dsl::{exists, not};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::attribution::{rank, Contribution, Record};
use super::domain::RequestStatus;
use super::funnel::{figures, FunnelFigures, History};
use super::queries::facts_of;
use super::readiness::assess;
use crate::auth::Principal;
use crate::contacts::domain::RelationshipKind;
use crate::db::schema::{contacts, interaction_contacts, introductions, referral_requests};
use crate::db::{Db, DbConn};
use crate::error::ApiError;
use crate::http::extract::Query;
use crate::http::pagination::top_n;
use crate::interactions::domain::InteractionKind;
use crate::introductions::domain::{Direction, IntroductionStatus};
use crate::nurture::calendar::Holder;
use crate::time::{from_db, now};
use crate::values::string_enum;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(funnel)
        .service(top_referrers)
        .service(unasked_clients);
}

const DEFAULT_DAYS: u64 = 90;
const MAX_DAYS: i64 = 3660;

string_enum!(
    /// How to break the funnel down.
    FunnelGrouping {
        Referrer = "referrer",
        RelationshipKind = "relationship_kind",
    }
);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct FunnelQuery {
    /// First day of the asks counted (default: 89 days before `to`).
    #[serde(default, deserialize_with = "crate::time::accept::optional_date")]
    from: Option<NaiveDate>,
    /// Last day of the asks counted, included (default: today, UTC).
    #[serde(default, deserialize_with = "crate::time::accept::optional_date")]
    to: Option<NaiveDate>,
    /// Only asks by this member (default: the whole team).
    member_id: Option<uuid::Uuid>,
    /// Only asks to this referrer.
    referrer_id: Option<uuid::Uuid>,
    /// Only asks to referrers of this kind.
    relationship_kind: Option<RelationshipKind>,
    /// Also give the figures per referrer or per the referrers' relationship kind, in
    /// `groups`.
    group_by: Option<FunnelGrouping>,
    /// How many groups, 1 to 200 (default 20), those with the most asks first.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
}

/// How the asks made between `from` and `to` went.
#[derive(Debug, Serialize, ToSchema)]
pub struct Funnel {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(flatten)]
    pub figures: FunnelFigures,
    /// The same figures per referrer or per relationship kind, most asks first; null
    /// without `group_by`.
    pub groups: Option<Vec<FunnelGroup>>,
    /// This week's asks against the weekly goal, whatever the period.
    pub this_week: WeeklyProgress,
}

/// The funnel of one referrer, or of the referrers of one relationship kind.
#[derive(Debug, Serialize, ToSchema)]
pub struct FunnelGroup {
    /// Grouped by referrer: who; null when grouped by relationship kind.
    pub referrer: Option<ReferrerName>,
    /// The kind of relationship with the referrer(s).
    pub relationship_kind: RelationshipKind,
    #[serde(flatten)]
    pub figures: FunnelFigures,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReferrerName {
    pub contact_id: uuid::Uuid,
    pub first_name: String,
    pub last_name: Option<String>,
}

/// Asks made this week (from Monday, UTC) against the goal: the member's, or the team's
/// goals added up.
#[derive(Debug, Serialize, ToSchema)]
pub struct WeeklyProgress {
    pub week_start: NaiveDate,
    /// Null when no goal is set.
    pub goal: Option<i32>,
    pub asked: i64,
}

fn this_week(
    conn: &mut DbConn,
    workspace_id: &str,
    member_id: Option<&str>,
) -> Result<WeeklyProgress, ApiError> {
    let today = now().date_naive();
    let week_start = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    let goals = crate::nurture::settings::weekly_ask_goals(conn, workspace_id)?;
    let goal = match member_id {
        Some(member) => goals
            .get(&member.parse().map_err(ApiError::internal)?)
            .copied(),
        None if goals.is_empty() => None,
        None => Some(goals.values().sum()),
    };
    let mut asked = referral_requests::table
        .filter(referral_requests::workspace_id.eq(workspace_id))
        .filter(referral_requests::deleted_at.is_null())
        .filter(referral_requests::asked_at.ge(week_start.and_time(chrono::NaiveTime::MIN)))
        .into_boxed();
    if let Some(member) = member_id {
        asked = asked.filter(referral_requests::member_id.eq(member.to_owned()));
    }
    Ok(WeeklyProgress {
        week_start,
        goal,
        asked: asked.count().get_result(conn)?,
    })
}

struct Cohort {
    from: NaiveDateTime,
    until: NaiveDateTime,
    member_id: Option<String>,
    referrer_id: Option<String>,
    relationship_kind: Option<RelationshipKind>,
}

/// One ask of the cohort: whom it was made to, how it went and what it won.
struct Ask {
    referrer_id: String,
    referrer_kind: String,
    history: History,
    wins: Vec<(i64, String)>,
}

/// A request of the cohort as read: id, referrer, the referrer's kind, status, and when
/// it was asked, agreed, introduced, met and ended.
type CohortRow = (
    String,
    String,
    String,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

fn asks_of(conn: &mut DbConn, workspace_id: &str, cohort: &Cohort) -> Result<Vec<Ask>, ApiError> {
    let mut asks = referral_requests::table
        .inner_join(contacts::table.on(contacts::id.eq(referral_requests::referrer_id)))
        .filter(referral_requests::workspace_id.eq(workspace_id))
        .filter(referral_requests::deleted_at.is_null())
        .filter(referral_requests::asked_at.ge(cohort.from))
        .filter(referral_requests::asked_at.lt(cohort.until))
        .select((
            referral_requests::id,
            referral_requests::referrer_id,
            contacts::relationship_kind,
            referral_requests::status,
            referral_requests::asked_at.assume_not_null(),
            referral_requests::agreed_at,
            referral_requests::introduced_at,
            referral_requests::meeting_held_at,
            referral_requests::ended_at,
        ))
        .into_boxed();
    if let Some(member_id) = &cohort.member_id {
        asks = asks.filter(referral_requests::member_id.eq(member_id.clone()));
    }
    if let Some(referrer_id) = &cohort.referrer_id {
        asks = asks.filter(referral_requests::referrer_id.eq(referrer_id.clone()));
    }
    if let Some(kind) = cohort.relationship_kind {
        asks = asks.filter(contacts::relationship_kind.eq(kind.as_str()));
    }
    let mut by_id: HashMap<String, Ask> = HashMap::new();
    for (id, referrer_id, referrer_kind, status, asked, agreed, introduced, met, ended) in
        asks.load::<CohortRow>(conn)?
    {
        let status: RequestStatus = status
            .parse()
            .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?;
        let reached = [
            (RequestStatus::Asked, Some(asked)),
            (RequestStatus::Agreed, agreed),
            (RequestStatus::Introduced, introduced),
            (RequestStatus::MeetingHeld, met),
            (status, ended),
        ];
        let history = reached
            .into_iter()
            .filter_map(|(status, at)| at.map(|at| (status, from_db(at))))
            .collect();
        let ask = Ask {
            referrer_id,
            referrer_kind,
            history,
            wins: Vec::new(),
        };
        by_id.insert(id, ask);
    }
    // Won deals are few: read the workspace's, keep those answering the cohort's asks.
    for (request_id, cents, currency) in introductions::table
        .filter(introductions::workspace_id.eq(workspace_id))
        .filter(introductions::deleted_at.is_null())
        .filter(introductions::status.eq(IntroductionStatus::Won.as_str()))
        .filter(introductions::request_id.is_not_null())
        .filter(introductions::deal_value_cents.is_not_null())
        .filter(introductions::currency.is_not_null())
        .select((
            introductions::request_id.assume_not_null(),
            introductions::deal_value_cents.assume_not_null(),
            introductions::currency.assume_not_null(),
        ))
        .load::<(String, i64, String)>(conn)?
    {
        if let Some(ask) = by_id.get_mut(&request_id) {
            ask.wins.push((cents, currency));
        }
    }
    Ok(by_id.into_values().collect())
}

fn figures_of<'a>(asks: impl IntoIterator<Item = &'a Ask>) -> FunnelFigures {
    let (histories, wins): (Vec<History>, Vec<Vec<(i64, String)>>) = asks
        .into_iter()
        .map(|ask| (ask.history.clone(), ask.wins.clone()))
        .unzip();
    figures(&histories, &wins.concat())
}

/// The asks' figures per group, the groups with the most asks first (then by key), at
/// most `limit` of them.
fn groups_of(
    conn: &mut DbConn,
    workspace_id: &str,
    asks: &[Ask],
    grouping: FunnelGrouping,
    limit: usize,
) -> Result<Vec<FunnelGroup>, ApiError> {
    let mut grouped: HashMap<&str, Vec<&Ask>> = HashMap::new();
    for ask in asks {
        let key = match grouping {
            FunnelGrouping::Referrer => ask.referrer_id.as_str(),
            FunnelGrouping::RelationshipKind => ask.referrer_kind.as_str(),
        };
        grouped.entry(key).or_default().push(ask);
    }
    let mut grouped: Vec<(&str, Vec<&Ask>)> = grouped.into_iter().collect();
    grouped.sort_by(|(a_key, a), (b_key, b)| b.len().cmp(&a.len()).then(a_key.cmp(b_key)));
    grouped.truncate(limit);
    let names: HashMap<String, (String, Option<String>)> = match grouping {
        FunnelGrouping::RelationshipKind => HashMap::new(),
        FunnelGrouping::Referrer => contacts::table
            .filter(contacts::workspace_id.eq(workspace_id))
            .filter(contacts::id.eq_any(grouped.iter().map(|(key, _)| *key)))
            .select((contacts::id, contacts::first_name, contacts::last_name))
            .load::<(String, String, Option<String>)>(conn)?
            .into_iter()
            .map(|(id, first, last)| (id, (first, last)))
            .collect(),
    };
    grouped
        .into_iter()
        .map(|(key, asks)| {
            let referrer = match names.get(key) {
                Some((first_name, last_name)) => Some(ReferrerName {
                    contact_id: key.parse().map_err(ApiError::internal)?,
                    first_name: first_name.clone(),
                    last_name: last_name.clone(),
                }),
                None => None,
            };
            Ok(FunnelGroup {
                referrer,
                relationship_kind: asks[0]
                    .referrer_kind
                    .parse()
                    .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?,
                figures: figures_of(asks),
            })
        })
        .collect()
}

/// The referral funnel: of the asks made between `from` and `to`, how many reached each
/// stage, the conversion between stages, the median days from ask to introduction and
/// from introduction to meeting, and the won value per currency; with `group_by`, the
/// same per referrer or per relationship kind.
#[utoipa::path(tag = "insights", operation_id = "referralFunnel", params(FunnelQuery), responses((status = 200, body = Funnel)))]
#[get("/insights/funnel")]
async fn funnel(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<FunnelQuery>,
) -> Result<web::Json<Funnel>, ApiError> {
    let query = query.into_inner();
    let (from, to, since, until) = period(query.from, query.to, DEFAULT_DAYS)?;
    let limit = top_n(query.limit, 20)?;
    let cohort = Cohort {
        from: since,
        until,
        member_id: query.member_id.map(|id| id.to_string()),
        referrer_id: query.referrer_id.map(|id| id.to_string()),
        relationship_kind: query.relationship_kind,
    };
    let (figures, groups, this_week) = db
        .run(move |conn| {
            let workspace_id = &principal.workspace_id;
            let asks = asks_of(conn, workspace_id, &cohort)?;
            let groups = query
                .group_by
                .map(|grouping| groups_of(conn, workspace_id, &asks, grouping, limit))
                .transpose()?;
            let progress = this_week(conn, workspace_id, cohort.member_id.as_deref())?;
            Ok((figures_of(&asks), groups, progress))
        })
        .await?;
    Ok(web::Json(Funnel {
        from,
        to,
        figures,
        groups,
        this_week,
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ReferrersQuery {
    /// First day of the introductions counted (default: 364 days before `to`).
    from: Option<NaiveDate>,
    /// Last day of the introductions counted, included (default: today, UTC).
    to: Option<NaiveDate>,
    /// How many referrers, 1 to 200 (default 10).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
}

/// A referrer and what their introductions brought.
#[derive(Debug, Serialize, ToSchema)]
pub struct TopReferrer {
    pub contact_id: uuid::Uuid,
    pub first_name: String,
    pub last_name: Option<String>,
    pub company: Option<String>,
    pub relationship_kind: RelationshipKind,
    #[serde(flatten)]
    pub record: Record,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TopReferrers {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Most wins first, then most meetings, then most introductions.
    pub data: Vec<TopReferrer>,
}

/// The days `from..=to` (defaults: today, and `default_days` back), as dates and as the
/// half-open range of times they cover.
fn period(
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    default_days: u64,
) -> Result<(NaiveDate, NaiveDate, NaiveDateTime, NaiveDateTime), ApiError> {
    let to = to.unwrap_or_else(|| now().date_naive());
    let from = from.unwrap_or_else(|| to - Days::new(default_days - 1));
    if to < from {
        return Err(ApiError::invalid_field("to", "must not be before `from`"));
    }
    if (to - from).num_days() > MAX_DAYS {
        return Err(ApiError::invalid_field(
            "to",
            format!("must be at most {MAX_DAYS} days after `from`"),
        ));
    }
    let until = to
        .checked_add_days(Days::new(1))
        .ok_or_else(|| ApiError::invalid_field("to", "is too far in the future"))?;
    let midnight = chrono::NaiveTime::MIN;
    Ok((from, to, from.and_time(midnight), until.and_time(midnight)))
}

type IntroductionOutcome = (
    String,
    String,
    Option<NaiveDateTime>,
    Option<i64>,
    Option<String>,
);
type ReferrerNames = (String, String, Option<String>, Option<String>, String);

fn referrers(
    conn: &mut DbConn,
    workspace_id: &str,
    since: NaiveDateTime,
    until: NaiveDateTime,
    limit: usize,
) -> Result<Vec<TopReferrer>, ApiError> {
    let contributions = introductions::table
        .filter(introductions::workspace_id.eq(workspace_id))
        .filter(introductions::deleted_at.is_null())
        .filter(introductions::direction.eq(Direction::Received.as_str()))
        .filter(introductions::introduced_at.ge(since))
        .filter(introductions::introduced_at.lt(until))
        .select((
            introductions::referrer_id.assume_not_null(),
            introductions::status,
            introductions::meeting_at,
            introductions::deal_value_cents,
            introductions::currency,
        ))
        .load::<IntroductionOutcome>(conn)?
        .into_iter()
        .map(|(referrer_id, status, meeting_at, cents, currency)| {
            Ok(Contribution {
                referrer_id,
                status: status
                    .parse()
                    .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?,
                meeting_planned: meeting_at.is_some(),
                won: cents.zip(currency),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let ranked: Vec<(String, Record)> = rank(&contributions).into_iter().take(limit).collect();
    let ids: Vec<&String> = ranked.iter().map(|(id, _)| id).collect();
    let names: HashMap<String, ReferrerNames> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::id.eq_any(ids))
        .select((
            contacts::id,
            contacts::first_name,
            contacts::last_name,
            contacts::company,
            contacts::relationship_kind,
        ))
        .load::<ReferrerNames>(conn)?
        .into_iter()
        .map(|row| (row.0.clone(), row))
        .collect();
    ranked
        .into_iter()
        .filter_map(|(id, record)| names.get(&id).cloned().map(|names| (names, record)))
        .map(|((id, first_name, last_name, company, kind), record)| {
            Ok(TopReferrer {
                contact_id: id.parse().map_err(ApiError::internal)?,
                first_name,
                last_name,
                company,
                relationship_kind: kind
                    .parse()
                    .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?,
                record,
            })
        })
        .collect()
}

/// The referrers who bring the most: their introductions in the period, the meetings and
/// wins those led to, and the won value per currency.
#[utoipa::path(tag = "insights", operation_id = "topReferrers", params(ReferrersQuery), responses((status = 200, body = TopReferrers)))]
#[get("/insights/referrers")]
async fn top_referrers(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<ReferrersQuery>,
) -> Result<web::Json<TopReferrers>, ApiError> {
    let query = query.into_inner();
    let (from, to, since, until) = period(query.from, query.to, 365)?;
    let limit = top_n(query.limit, 10)?;
    let data = db
        .run(move |conn| referrers(conn, &principal.workspace_id, since, until, limit))
        .await?;
    Ok(web::Json(TopReferrers { from, to, data }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct UnaskedQuery {
    /// Whose clients: a member id, or `all` for the team (default: yours).
    #[param(
        pattern = "^(all|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"
    )]
    member_id: Option<String>,
    /// How many, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
}

/// A client or former client who is ready to be asked and never was.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnaskedClient {
    pub contact_id: uuid::Uuid,
    pub first_name: String,
    pub last_name: Option<String>,
    pub company: Option<String>,
    pub relationship_kind: RelationshipKind,
    /// Their readiness score (see `GET /v1/contacts/{id}/referral-readiness`).
    pub score: i32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnaskedClients {
    /// Highest readiness first.
    pub data: Vec<UnaskedClient>,
}

type ClientRow = (String, String, Option<String>, Option<String>, String);

fn unasked(
    conn: &mut DbConn,
    workspace_id: &str,
    holder: &Holder,
    limit: usize,
) -> Result<Vec<UnaskedClient>, ApiError> {
    let kinds = [
        RelationshipKind::Client.as_str(),
        RelationshipKind::FormerClient.as_str(),
    ];
    // Asked: through a referral request, or in an interaction logged as a referral ask.
    let asked_in_a_request = referral_requests::table
        .filter(referral_requests::referrer_id.eq(contacts::id))
        .filter(referral_requests::asked_at.is_not_null())
        .filter(referral_requests::deleted_at.is_null());
    let asked_in_an_interaction = interaction_contacts::table
        .filter(interaction_contacts::contact_id.eq(contacts::id))
        .filter(interaction_contacts::kind.eq(InteractionKind::ReferralAsk.as_str()))
        .filter(interaction_contacts::planned.eq(false));
    let mut never_asked = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::deleted_at.is_null())
        .filter(contacts::relationship_kind.eq_any(kinds))
        .filter(not(exists(asked_in_a_request)))
        .filter(not(exists(asked_in_an_interaction)))
        .select(contacts::id)
        .into_boxed();
    if let Holder::Member(member_id) = holder {
        never_asked = never_asked.filter(contacts::owner_id.eq(member_id.clone()));
    }
    let never_asked: Vec<String> = never_asked.load(conn)?;
    let facts = facts_of(conn, workspace_id, &never_asked, None)?;
    let mut ready: Vec<(String, i32)> = facts
        .iter()
        .map(|(id, facts)| (id, assess(facts)))
        .filter(|(_, assessment)| assessment.ready)
        .map(|(id, assessment)| (id.clone(), assessment.score))
        .collect();
    // Highest score first; among equals, a stable order (ids are creation order).
    ready.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ready.truncate(limit);
    let mut clients: HashMap<String, ClientRow> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::id.eq_any(ready.iter().map(|(id, _)| id)))
        .select((
            contacts::id,
            contacts::first_name,
            contacts::last_name,
            contacts::company,
            contacts::relationship_kind,
        ))
        .load::<ClientRow>(conn)?
        .into_iter()
        .map(|row| (row.0.clone(), row))
        .collect();
    ready
        .into_iter()
        .filter_map(|(id, score)| clients.remove(&id).map(|row| (row, score)))
        .map(|((id, first_name, last_name, company, kind), score)| {
            Ok(UnaskedClient {
                contact_id: id.parse().map_err(ApiError::internal)?,
                first_name,
                last_name,
                company,
                relationship_kind: kind
                    .parse()
                    .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?,
                score,
            })
        })
        .collect()
}

/// "Have you asked every one of your clients?" Clients and former clients who are ready
/// to be asked for a referral and never were, highest readiness first.
#[utoipa::path(tag = "insights", operation_id = "unaskedClients", params(UnaskedQuery), responses((status = 200, body = UnaskedClients)))]
#[get("/insights/unasked")]
async fn unasked_clients(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<UnaskedQuery>,
) -> Result<web::Json<UnaskedClients>, ApiError> {
    let query = query.into_inner();
    let holder = Holder::parse(query.member_id.as_deref(), &principal)?;
    let limit = top_n(query.limit, 50)?;
    let data = db
        .run(move |conn| unasked(conn, &principal.workspace_id, &holder, limit))
        .await?;
    Ok(web::Json(UnaskedClients { data }))
}
