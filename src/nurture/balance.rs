//! Reciprocity read from the interactions: per contact for contact views, and the
//! workspace's balance at `GET /v1/insights/reciprocity`.

use std::collections::HashMap;

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::reciprocity::{window_start, Reciprocity};
use crate::auth::Principal;
use crate::db::schema::{contacts, interaction_contacts, interactions};
use crate::db::{Db, DbConn, BATCH_ROWS};
use crate::error::ApiError;
use crate::http::extract::Query;
use crate::http::pagination::top_n;
use crate::interactions::domain::KindGroup;
use crate::time::{now, to_db};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(reciprocity_insight);
}

fn counted_groups() -> [&'static str; 2] {
    [KindGroup::Give.as_str(), KindGroup::Ask.as_str()]
}

fn fold(counts: impl IntoIterator<Item = (String, i64)>) -> Reciprocity {
    let (mut gives, mut asks) = (0, 0);
    for (group, count) in counts {
        if group == KindGroup::Give.as_str() {
            gives += count;
        } else if group == KindGroup::Ask.as_str() {
            asks += count;
        }
    }
    Reciprocity::new(gives, asks)
}

/// Whose reciprocity to count.
pub enum Counted<'a> {
    /// Every contact of a workspace.
    Workspace(&'a str),
    /// These contacts, which the caller read from one workspace. Filtering on the ids alone
    /// lets both backends answer from the (contact_id, planned, occurred_at) index rather
    /// than scan a year of the workspace's history.
    Contacts(&'a [String]),
}

/// Gives and asks of each contact over the last twelve months, in one grouped query.
pub fn by_contact(
    conn: &mut DbConn,
    counted: Counted,
) -> Result<HashMap<String, Reciprocity>, ApiError> {
    let mut query = interaction_contacts::table
        .filter(interaction_contacts::planned.eq(false))
        .filter(interaction_contacts::occurred_at.ge(to_db(window_start(now()))))
        .filter(interaction_contacts::kind_group.eq_any(counted_groups()))
        .group_by((
            interaction_contacts::contact_id,
            interaction_contacts::kind_group,
        ))
        .select((
            interaction_contacts::contact_id,
            interaction_contacts::kind_group,
            diesel::dsl::count_star(),
        ))
        .into_boxed();
    query = match counted {
        Counted::Workspace(workspace_id) => {
            query.filter(interaction_contacts::workspace_id.eq(workspace_id.to_owned()))
        }
        Counted::Contacts(ids) => {
            query.filter(interaction_contacts::contact_id.eq_any(ids.to_vec()))
        }
    };
    let rows = query.load::<(String, String, i64)>(conn)?;
    let mut grouped: HashMap<String, Vec<(String, i64)>> = HashMap::new();
    for (contact_id, group, count) in rows {
        grouped.entry(contact_id).or_default().push((group, count));
    }
    Ok(grouped
        .into_iter()
        .map(|(contact_id, counts)| (contact_id, fold(counts)))
        .collect())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ReciprocityQuery {
    /// How many out-of-balance contacts to list, 1 to 200 (default 10).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
}

/// A contact we asked more than we gave to.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutOfBalance {
    pub contact_id: uuid::Uuid,
    pub first_name: String,
    pub last_name: Option<String>,
    pub company: Option<String>,
    #[serde(flatten)]
    pub reciprocity: Reciprocity,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReciprocityInsight {
    /// The twelve months counted start here.
    pub window_start: DateTime<Utc>,
    /// Give and ask interactions of the whole workspace (an interaction with several
    /// contacts counts once).
    pub overall: Reciprocity,
    /// Contacts where asks outnumber gives, most out of balance first.
    pub most_out_of_balance: Vec<OutOfBalance>,
}

fn insight(
    conn: &mut DbConn,
    workspace_id: &str,
    limit: usize,
) -> Result<ReciprocityInsight, ApiError> {
    let start = window_start(now());
    let overall = interactions::table
        .filter(interactions::workspace_id.eq(workspace_id))
        .filter(interactions::deleted_at.is_null())
        .filter(interactions::planned.eq(false))
        .filter(interactions::occurred_at.ge(to_db(start)))
        .filter(interactions::kind_group.eq_any(counted_groups()))
        .group_by(interactions::kind_group)
        .select((interactions::kind_group, diesel::dsl::count_star()))
        .load::<(String, i64)>(conn)?;

    let mut takers: Vec<(String, Reciprocity)> =
        by_contact(conn, Counted::Workspace(workspace_id))?
            .into_iter()
            .filter(|(_, r)| r.taker_pattern)
            .collect();
    takers.sort_by(|(a_id, a), (b_id, b)| {
        b.imbalance()
            .cmp(&a.imbalance())
            .then(b.asks_12m.cmp(&a.asks_12m))
            .then(a_id.cmp(b_id))
    });
    let ids: Vec<String> = takers.iter().map(|(id, _)| id.clone()).collect();
    let mut names: HashMap<String, (String, Option<String>, Option<String>)> = HashMap::new();
    for chunk in ids.chunks(BATCH_ROWS) {
        let rows = contacts::table
            .filter(contacts::workspace_id.eq(workspace_id))
            .filter(contacts::deleted_at.is_null())
            .filter(contacts::id.eq_any(chunk))
            .select((
                contacts::id,
                contacts::first_name,
                contacts::last_name,
                contacts::company,
            ))
            .load::<(String, String, Option<String>, Option<String>)>(conn)?;
        names.extend(
            rows.into_iter()
                .map(|(id, first, last, company)| (id, (first, last, company))),
        );
    }
    let most_out_of_balance = takers
        .into_iter()
        .filter_map(|(id, reciprocity)| {
            let (first_name, last_name, company) = names.get(&id)?.clone();
            Some(OutOfBalance {
                contact_id: id.parse().ok()?,
                first_name,
                last_name,
                company,
                reciprocity,
            })
        })
        .take(limit)
        .collect();
    Ok(ReciprocityInsight {
        window_start: start,
        overall: fold(overall),
        most_out_of_balance,
    })
}

/// Gives against asks over the last twelve months, and the contacts most out of balance.
#[utoipa::path(tag = "insights", operation_id = "reciprocityInsight", params(ReciprocityQuery), responses((status = 200, body = ReciprocityInsight)))]
#[get("/insights/reciprocity")]
async fn reciprocity_insight(
    principal: Principal,
    db: web::Data<Db>,
    query: Query<ReciprocityQuery>,
) -> Result<web::Json<ReciprocityInsight>, ApiError> {
    let limit = top_n(query.into_inner().limit, 10)?;
    Ok(web::Json(
        db.run(move |conn| insight(conn, &principal.workspace_id, limit))
            .await?,
    ))
}
