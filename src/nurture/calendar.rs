//! `GET /v1/nurture/occasions`: birthdays and other dates that matter, in a range of days.

use actix_web::{get, web};
use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::occasions::{months_mask, occurrences, years_since, MAX_RANGE_DAYS};
use crate::auth::Principal;
use crate::contacts::domain::ImportantDate;
use crate::db::schema::contacts;
use crate::db::{BitAnd, Db, DbConn};
use crate::error::ApiError;
use crate::http::extract::Query;
use crate::time::now;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(list_occasions);
}

/// Whose contacts a nurturing view covers.
#[derive(Debug, Clone)]
pub enum Holder {
    Member(String),
    Team,
}

impl Holder {
    /// `member_id`: a member's id, `all` for the whole team, or absent for the caller.
    pub fn parse(member_id: Option<&str>, principal: &Principal) -> Result<Self, ApiError> {
        match member_id {
            None => Ok(Self::Member(principal.member_id.clone())),
            Some("all") => Ok(Self::Team),
            Some(id) => uuid::Uuid::parse_str(id)
                .map(|id| Self::Member(id.to_string()))
                .map_err(|_| ApiError::invalid_field("member_id", "must be a member id or `all`")),
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct OccasionsQuery {
    /// First day (default: today, UTC).
    #[serde(default, deserialize_with = "crate::time::accept::optional_date")]
    from: Option<NaiveDate>,
    /// Last day, included (default: 14 days after `from`); at most 366 days after `from`.
    #[serde(default, deserialize_with = "crate::time::accept::optional_date")]
    to: Option<NaiveDate>,
    /// Whose contacts: a member id, or `all` for the team (default: yours).
    #[param(
        pattern = "^(all|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"
    )]
    member_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OccasionKind {
    Birthday,
    ImportantDate,
}

/// A day worth a touch: a birthday or another date that matters to a contact.
#[derive(Debug, Serialize, ToSchema)]
pub struct Occasion {
    pub date: NaiveDate,
    pub kind: OccasionKind,
    /// The important date's label; null for a birthday.
    pub label: Option<String>,
    pub contact_id: uuid::Uuid,
    pub first_name: String,
    pub last_name: Option<String>,
    /// Age or anniversary reached that day, when the year is known.
    pub years: Option<i32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Occasions {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// In date order.
    pub data: Vec<Occasion>,
}

type DatedContact = (
    String,
    String,
    Option<String>,
    Option<i32>,
    Option<i32>,
    Option<i32>,
    String,
);

pub fn occasions_between(
    conn: &mut DbConn,
    workspace_id: &str,
    holder: &Holder,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Occasion>, ApiError> {
    let mut query = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::deleted_at.is_null())
        .filter(
            BitAnd::new(
                contacts::occasion_months,
                months_mask(from, to).into_sql::<diesel::sql_types::Integer>(),
            )
            .ne(0),
        )
        .select((
            contacts::id,
            contacts::first_name,
            contacts::last_name,
            contacts::birthday_month,
            contacts::birthday_day,
            contacts::birthday_year,
            contacts::important_dates,
        ))
        .into_boxed();
    if let Holder::Member(member_id) = holder {
        query = query.filter(contacts::owner_id.eq(member_id.clone()));
    }
    let mut found = Vec::new();
    for (id, first_name, last_name, month, day, year, important) in
        query.load::<DatedContact>(conn)?
    {
        let contact_id: uuid::Uuid = id.parse().map_err(ApiError::internal)?;
        let mut add = |kind, label: Option<String>, month: u32, day: u32, year: Option<i32>| {
            for date in occurrences(month, day, from, to) {
                found.push(Occasion {
                    date,
                    kind,
                    label: label.clone(),
                    contact_id,
                    first_name: first_name.clone(),
                    last_name: last_name.clone(),
                    years: years_since(year, date),
                });
            }
        };
        if let (Some(month), Some(day)) = (month, day) {
            add(OccasionKind::Birthday, None, month as u32, day as u32, year);
        }
        let dates: Vec<ImportantDate> =
            serde_json::from_str(&important).map_err(ApiError::internal)?;
        for date in dates {
            add(
                OccasionKind::ImportantDate,
                Some(date.label.as_str().to_owned()),
                date.month,
                date.day,
                date.year,
            );
        }
    }
    found.sort_by(|a, b| {
        (a.date, &a.first_name, &a.label, a.contact_id).cmp(&(
            b.date,
            &b.first_name,
            &b.label,
            b.contact_id,
        ))
    });
    Ok(found)
}

/// Birthdays and dates that matter between two days, across the new year if need be.
#[utoipa::path(tag = "nurture", operation_id = "listOccasions", params(OccasionsQuery), responses((status = 200, body = Occasions)))]
#[get("/nurture/occasions")]
async fn list_occasions(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<OccasionsQuery>,
) -> Result<web::Json<Occasions>, ApiError> {
    let query = query.into_inner();
    let holder = Holder::parse(query.member_id.as_deref(), &principal)?;
    let from = query.from.unwrap_or_else(|| now().date_naive());
    let to = query.to.unwrap_or(from + Duration::days(14));
    if to < from {
        return Err(ApiError::invalid_field("to", "must not be before `from`"));
    }
    if (to - from).num_days() > MAX_RANGE_DAYS {
        return Err(ApiError::invalid_field(
            "to",
            format!("must be at most {MAX_RANGE_DAYS} days after `from`"),
        ));
    }
    let data = db
        .run(move |conn| occasions_between(conn, &principal.workspace_id, &holder, from, to))
        .await?;
    Ok(web::Json(Occasions { from, to, data }))
}
