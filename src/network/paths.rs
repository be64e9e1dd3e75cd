//! `GET /v1/network/paths`: who on the team can reach a contact, or anyone at a company,
//! through whom (R9, seed 004). The workspace's network (see `snapshot`) is searched in
//! memory (see `graph`).

use std::collections::HashMap;

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::cache::GraphCache;
use super::graph::{best_paths, Path};
use super::snapshot::{self, coalesce, corrupt, full_name, uuid, Link, Network, HELD_STRENGTH};
use crate::auth::Principal;
use crate::connections::domain::ConnectionKind;
use crate::contacts::domain::company_key;
use crate::db::schema::{connections, contacts};
use crate::db::{Db, DbConn};
use crate::error::{ApiError, Problem};
use crate::http::extract::Query;
use crate::referrals::queries::{facts_of, report, ReferralReadiness};
use crate::time::from_db;
use crate::values::Label;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(warm_paths);
}

const DEFAULT_HOPS: u8 = 3;
const MAX_HOPS: u8 = 4;
const DEFAULT_PATHS: usize = 10;
const MAX_PATHS: i64 = 50;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct PathsQuery {
    /// The person to reach (one of `to_contact_id` and `to_company`).
    to_contact_id: Option<uuid::Uuid>,
    /// Anyone at this company (case-insensitive).
    to_company: Option<Label>,
    /// The most links a path may have, 1 to 4 (default 3).
    #[param(minimum = 1, maximum = 4)]
    max_hops: Option<i64>,
    /// How many paths, 1 to 50 (default 10).
    #[param(minimum = 1, maximum = 50)]
    limit: Option<i64>,
}

/// Someone on a path: a member of the team or a contact.
#[derive(Debug, Serialize, ToSchema)]
pub struct PathPerson {
    /// Set for a member.
    pub member_id: Option<uuid::Uuid>,
    /// Set for a contact.
    pub contact_id: Option<uuid::Uuid>,
    pub name: String,
    pub company: Option<String>,
    pub title: Option<String>,
}

/// How two consecutive people on a path know each other.
#[derive(Debug, Serialize, ToSchema)]
pub struct PathLink {
    /// The recorded connection; null when the member holds the contact in their network
    /// and has been in touch with them.
    pub connection_id: Option<uuid::Uuid>,
    /// Null for a member and a contact they hold.
    pub kind: Option<ConnectionKind>,
    /// 1 to 5 (for a held contact: their trust, or 3 when unknown).
    pub strength: i32,
    /// For `reports_to`: whether the earlier person on the path reports to the later one
    /// (else the later reports to the earlier).
    pub earlier_reports_to_later: Option<bool>,
}

/// The first contact on the path: the one to ask for the introduction.
#[derive(Debug, Serialize, ToSchema)]
pub struct AskFirst {
    pub contact_id: uuid::Uuid,
    pub name: String,
    pub last_interaction_at: Option<DateTime<Utc>>,
    /// Whether you have earned the right to ask them (R3).
    pub readiness: ReferralReadiness,
}

/// A chain of acquaintance from a member of the team to the target.
#[derive(Debug, Serialize, ToSchema)]
pub struct WarmPath {
    /// The product of each link's strength ÷ 5: 1 is a chain of the closest ties.
    pub strength: f64,
    pub hops: i32,
    /// The people in order: a member first, the target last.
    pub people: Vec<PathPerson>,
    /// The links between consecutive people (one fewer than the people).
    pub links: Vec<PathLink>,
    pub ask_first: AskFirst,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WarmPaths {
    /// Best first: strongest, then fewest hops, then the warmest first contact (the most
    /// recent interaction). Empty when nobody on the team can reach the target.
    pub data: Vec<WarmPath>,
}

/// Where the paths should end.
enum Target {
    Contact(String),
    Company(String),
}

type Names = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn paths(
    conn: &mut DbConn,
    cache: &GraphCache<Network>,
    workspace_id: &str,
    target: &Target,
    max_hops: u8,
    limit: usize,
) -> Result<Vec<WarmPath>, ApiError> {
    if let Target::Contact(id) = target {
        if !crate::contacts::queries::exists(conn, workspace_id, id)? {
            return Err(ApiError::not_found(format!(
                "no contact {id} in this workspace"
            )));
        }
    }
    let wanted: Vec<String> = match target {
        Target::Contact(id) => vec![id.clone()],
        Target::Company(key) => contacts::table
            .filter(contacts::workspace_id.eq(workspace_id))
            .filter(contacts::deleted_at.is_null())
            .filter(contacts::company_key.eq(key))
            .select(contacts::id)
            .load(conn)?,
    };
    let network = snapshot::current(conn, cache, workspace_id)?;
    let offset = network.members.len();
    let targets: Vec<u32> = wanted
        .iter()
        .filter_map(|id| network.node_of_contact.get(id).copied())
        .collect();
    let recency = |node: u32| {
        network.contacts[node as usize - offset]
            .3
            .map_or(i64::MIN, |at| at.and_utc().timestamp_micros())
    };
    let found = best_paths(&network.graph, &targets, max_hops, limit, recency);
    if found.is_empty() {
        return Ok(Vec::new());
    }

    let contact_ids: Vec<&str> = found
        .iter()
        .flat_map(|path| path.people.iter())
        .filter(|&&node| node as usize >= offset)
        .map(|&node| network.contacts[node as usize - offset].0.as_str())
        .collect();
    let names: HashMap<String, Names> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::id.eq_any(&contact_ids))
        .select((
            contacts::id,
            contacts::first_name,
            contacts::last_name,
            contacts::company,
            contacts::title,
        ))
        .load::<Names>(conn)?
        .into_iter()
        .map(|row| (row.0.clone(), row))
        .collect();
    let first_contacts: Vec<String> = found
        .iter()
        .map(|path| network.contacts[path.people[1] as usize - offset].0.clone())
        .collect();
    let facts = facts_of(conn, workspace_id, &first_contacts, None)?;
    let member_ids: Vec<&str> = found
        .iter()
        .map(|path| network.id_of(path.people[0]))
        .collect();
    let recorded = recorded_between(conn, workspace_id, &contact_ids, &member_ids)?;
    found
        .iter()
        .map(|path| warm_path(&network, path, &names, &recorded, &facts))
        .collect()
}

/// A recorded connection as a path shows it: id, the end it runs from, kind, strength.
type Recorded = (String, String, String, i32);
/// A recorded connection as read: id, workspace, its two ends, kind, strength.
type RecordedRow = (String, String, Option<String>, Option<String>, String, i32);

/// The connections among these contacts and members the graph kept: between two people the
/// strongest, the first recorded among equals (the rule of `Graph::new`), by unordered pair
/// of ids.
fn recorded_between(
    conn: &mut DbConn,
    workspace_id: &str,
    contact_ids: &[&str],
    member_ids: &[&str],
) -> Result<HashMap<(String, String), Recorded>, ApiError> {
    let from = coalesce(connections::from_contact_id, connections::from_member_id);
    let to = coalesce(connections::to_contact_id, connections::to_member_id);
    let people: Vec<&str> = contact_ids.iter().chain(member_ids).copied().collect();
    // Every connection has a contact at one end at least: found from the `from` end when
    // it is a contact, else (a member's) from the `to` end — each on its index. The
    // workspace is checked on the rows read: as a condition, SQLite without statistics
    // prefers the workspace's index and walks all its connections.
    let rows: Vec<RecordedRow> = connections::table
        .filter(connections::deleted_at.is_null())
        .filter(
            connections::from_contact_id
                .eq_any(contact_ids)
                .and(to.eq_any(&people))
                .or(connections::to_contact_id
                    .eq_any(contact_ids)
                    .and(connections::from_member_id.eq_any(member_ids))),
        )
        .select((
            connections::id,
            connections::workspace_id,
            from,
            to,
            connections::kind,
            connections::strength,
        ))
        .order(connections::id)
        .load(conn)?;
    let mut kept: HashMap<(String, String), Recorded> = HashMap::new();
    for (id, workspace, from, to, kind, strength) in rows {
        let (Some(from), Some(to), true) = (from, to, workspace == workspace_id) else {
            continue;
        };
        let pair = (from.clone().min(to.clone()), from.clone().max(to));
        match kept.get(&pair) {
            Some(existing) if existing.3 >= strength => {}
            _ => {
                kept.insert(pair, (id, from, kind, strength));
            }
        }
    }
    Ok(kept)
}

fn warm_path(
    network: &Network,
    path: &Path<Link>,
    names: &HashMap<String, Names>,
    recorded: &HashMap<(String, String), Recorded>,
    facts: &HashMap<String, crate::referrals::readiness::Facts>,
) -> Result<WarmPath, ApiError> {
    let offset = network.members.len();
    let person = |node: u32| -> Result<PathPerson, ApiError> {
        if (node as usize) < offset {
            let (id, name) = &network.members[node as usize];
            return Ok(PathPerson {
                member_id: Some(uuid(id)?),
                contact_id: None,
                name: name.clone(),
                company: None,
                title: None,
            });
        }
        let id = &network.contacts[node as usize - offset].0;
        let (_, first, last, company, title) = names.get(id).ok_or_else(|| corrupt("contact"))?;
        Ok(PathPerson {
            member_id: None,
            contact_id: Some(uuid(id)?),
            name: full_name(first, last),
            company: company.clone(),
            title: title.clone(),
        })
    };
    let people = path
        .people
        .iter()
        .map(|&node| person(node))
        .collect::<Result<Vec<_>, _>>()?;
    let links = path
        .links
        .iter()
        .zip(path.people.windows(2))
        .map(|(link, pair)| match *link {
            Link::Held => {
                let contact = &network.contacts[pair[1] as usize - offset];
                Ok(PathLink {
                    connection_id: None,
                    kind: None,
                    strength: contact.2.unwrap_or(i32::from(HELD_STRENGTH)),
                    earlier_reports_to_later: None,
                })
            }
            Link::Recorded => {
                let (earlier, later) = (network.id_of(pair[0]), network.id_of(pair[1]));
                let key = (earlier.min(later).to_owned(), earlier.max(later).to_owned());
                let (id, from, kind, strength) =
                    recorded.get(&key).ok_or_else(|| corrupt("connection"))?;
                let kind: ConnectionKind = kind.parse().map_err(|_| corrupt("kind"))?;
                Ok(PathLink {
                    connection_id: Some(uuid(id)?),
                    kind: Some(kind),
                    strength: *strength,
                    earlier_reports_to_later: kind.is_directed().then(|| from == earlier),
                })
            }
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let first = &network.contacts[path.people[1] as usize - offset];
    let readiness = report(
        &first.0,
        facts.get(&first.0).ok_or_else(|| corrupt("contact"))?,
    )?;
    Ok(WarmPath {
        strength: (path.strength * 1000.0).round() / 1000.0,
        hops: path.links.len() as i32,
        ask_first: AskFirst {
            contact_id: uuid(&first.0)?,
            name: people[1].name.clone(),
            last_interaction_at: first.3.map(from_db),
            readiness,
        },
        people,
        links,
    })
}

/// Warm paths from the team to a contact (`to_contact_id`) or to anyone at a company
/// (`to_company`): chains of people who know each other, at most `max_hops` links long,
/// strongest first, each naming whom to ask first with their referral readiness. Links are
/// the recorded connections, and each member's own contacts they have been in touch with.
/// Nobody within reach: an empty list.
#[utoipa::path(
    tag = "network", operation_id = "warmPaths", params(PathsQuery),
    responses(
        (status = 200, body = WarmPaths),
        (status = 404, description = "`to_contact_id` is not a contact of this workspace", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/network/paths")]
async fn warm_paths(
    principal: Principal,
    db: web::Data<Db>,
    cache: web::Data<GraphCache<Network>>,
    query: Query<PathsQuery>,
) -> Result<web::Json<WarmPaths>, ApiError> {
    let query = query.into_inner();
    let target = match (query.to_contact_id, query.to_company) {
        (Some(id), None) => Target::Contact(id.to_string()),
        (None, Some(company)) => Target::Company(company_key(company.as_str())),
        _ => {
            return Err(ApiError::invalid_field(
                "to_contact_id",
                "give `to_contact_id` or `to_company`, one of them",
            ))
        }
    };
    let max_hops = match query.max_hops {
        None => DEFAULT_HOPS,
        Some(hops @ 1..=4) => hops as u8,
        Some(_) => {
            return Err(ApiError::invalid_field(
                "max_hops",
                format!("must be from 1 to {MAX_HOPS}"),
            ))
        }
    };
    let limit = match query.limit {
        None => DEFAULT_PATHS,
        Some(limit @ 1..=MAX_PATHS) => limit as usize,
        Some(_) => {
            return Err(ApiError::invalid_field(
                "limit",
                format!("must be from 1 to {MAX_PATHS}"),
            ))
        }
    };
    let data = db
        .run(move |conn| {
            let workspace_id = &principal.workspace_id;
            paths(conn, &cache, workspace_id, &target, max_hops, limit)
        })
        .await?;
    Ok(web::Json(WarmPaths { data }))
}
