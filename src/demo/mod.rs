//! `rapport seed-demo`: a new account and workspace holding a synthetic network, so that
//! a first look at the API (and the benchmark) has a meaningful agenda to show.

pub mod acquaintances;
pub mod network;
pub mod pipeline;

use std::time::Instant;

use anyhow::Context;
use rand::distr::{Alphanumeric, SampleString};

use diesel::prelude::*;

use self::acquaintances::{End, PlannedConnection};
use self::network::{Holder, Network};
use self::pipeline::{Introduced, Pipeline, PlannedIntroduction, PlannedRequest, Target};
use crate::auth::password;
use crate::auth::queries::{create_account, create_user, UserRow};
use crate::connections::domain::{stored_ends, Person};
use crate::connections::queries::{columns, ConnectionRow};
use crate::contacts::domain::NewContact;
use crate::contacts::queries::insert_batch;
use crate::db::schema::{connections, introductions, referral_request_events, referral_requests};
use crate::db::BATCH_ROWS;
use crate::db::{insert_rows, Db, DbConn};
use crate::error::ApiError;
use crate::interactions::domain::NewInteraction;
use crate::interactions::queries::insert_history;
use crate::introductions::domain::Direction;
use crate::introductions::queries::IntroductionRow;
use crate::referrals::domain::RequestStatus;
use crate::referrals::requests::RequestRow;
use crate::time::{db_now, now, to_db};
use crate::workspaces::{queries as members, Role};

#[derive(Debug, clap::Args)]
pub struct DemoOptions {
    /// How many contacts.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub contacts: u32,
    /// How many interactions, spread over three years.
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(0..=10_000_000))]
    pub interactions: u32,
    /// How many referral requests, at every stage of the pipeline.
    #[arg(long, default_value_t = 150, value_parser = clap::value_parser!(u32).range(0..=1_000_000))]
    pub requests: u32,
    /// How many introductions, received (most answering the requests) and given.
    #[arg(long, default_value_t = 90, value_parser = clap::value_parser!(u32).range(0..=1_000_000))]
    pub introductions: u32,
    /// How many connections (who knows whom) between the contacts, and a few members.
    #[arg(long, default_value_t = 600, value_parser = clap::value_parser!(u32).range(0..=10_000_000))]
    pub connections: u32,
    /// Seed of the generator: the same seed gives the same network.
    #[arg(long)]
    pub seed: Option<u64>,
}

/// What was created, and how to get in.
pub struct Demo {
    pub email: String,
    pub password: String,
    pub workspace_id: String,
    pub contacts: usize,
    pub interactions: usize,
    pub requests: usize,
    pub introductions: usize,
    pub connections: usize,
    pub seconds: f64,
}

fn account(email: &str, name: &str, password: &str) -> anyhow::Result<UserRow> {
    let created = to_db(now());
    Ok(UserRow {
        id: uuid::Uuid::now_v7().to_string(),
        email: email.to_owned(),
        name: name.to_owned(),
        password_hash: password::hash(password)?,
        created_at: created,
        updated_at: created,
    })
}

/// Creates the demo account (you, owner) with a colleague, and their network.
pub async fn seed(db: &Db, options: DemoOptions) -> anyhow::Result<Demo> {
    let started = Instant::now();
    let seed = options.seed.unwrap_or_else(rand::random);
    let tag = Alphanumeric
        .sample_string(&mut rand::rng(), 8)
        .to_lowercase();
    let email = format!("demo-{tag}@rapport.example");
    let password = Alphanumeric.sample_string(&mut rand::rng(), 20);
    let you = account(&email, "Demo User", &password)?;
    let colleague_email = format!("colleague-{tag}@rapport.example");
    let colleague = account(
        &colleague_email,
        "Demo Colleague",
        &Alphanumeric.sample_string(&mut rand::rng(), 20),
    )?;
    let Network {
        contacts,
        mut interactions,
    } = network::generate(
        seed,
        options.contacts as usize,
        options.interactions as usize,
        now(),
    );
    let Pipeline {
        requests,
        introductions,
        interactions: pipeline_interactions,
    } = pipeline::generate(
        seed,
        &contacts,
        interactions.len(),
        options.requests as usize,
        options.introductions as usize,
        now(),
    );
    interactions.extend(pipeline_interactions);
    let acquaintances = acquaintances::generate(seed, &contacts, options.connections as usize);
    let counts = (
        contacts.len(),
        interactions.len(),
        requests.len(),
        introductions.len(),
        acquaintances.len(),
    );

    let workspace_id = db
        .transaction(move |conn| {
            let membership = create_account(conn, you, "Demo network")?;
            let workspace_id = membership.workspace.id.clone();
            let you = membership.member.id;
            create_user(conn, &colleague)?;
            // The demo's colleague joined as if they had accepted an invitation.
            let colleague = members::admit(conn, &workspace_id, &colleague.id, Role::Member)?;

            let holders: Vec<String> = contacts
                .iter()
                .map(|c| match c.holder {
                    Holder::You => you.clone(),
                    Holder::Colleague => colleague.clone(),
                })
                .collect();
            let rows = contacts
                .into_iter()
                .zip(&holders)
                .map(|(contact, holder)| {
                    let fields: NewContact =
                        serde_json::from_value(contact.body).map_err(ApiError::internal)?;
                    Ok((holder.clone(), fields, to_db(contact.added_at)))
                })
                .collect::<Result<Vec<_>, ApiError>>()?;
            let ids = insert_batch(conn, &workspace_id, rows)?;

            // Each interaction is had by the member who holds its first contact.
            let mut by_member: [(String, Vec<NewInteraction>, Vec<usize>); 2] = [
                (you.clone(), Vec::new(), Vec::new()),
                (colleague.clone(), Vec::new(), Vec::new()),
            ];
            let interaction_count = interactions.len();
            for (index, interaction) in interactions.into_iter().enumerate() {
                let mut body = interaction.body;
                body["contact_ids"] = interaction
                    .contacts
                    .iter()
                    .map(|&i| ids[i].clone())
                    .collect();
                let fields: NewInteraction =
                    serde_json::from_value(body).map_err(ApiError::internal)?;
                let slot = usize::from(holders[interaction.contacts[0]] != you);
                by_member[slot].1.push(fields);
                by_member[slot].2.push(index);
            }
            let mut interaction_ids = vec![String::new(); interaction_count];
            for (member_id, history, indexes) in by_member {
                let new_ids = insert_history(conn, &workspace_id, &member_id, history)?;
                for (index, id) in indexes.into_iter().zip(new_ids) {
                    interaction_ids[index] = id;
                }
            }
            let seeded = Seeded {
                workspace_id: &workspace_id,
                contacts: &ids,
                holders: &holders,
                interactions: &interaction_ids,
            };
            let request_ids = insert_requests(conn, &seeded, &requests)?;
            insert_introductions(conn, &seeded, &request_ids, &introductions)?;
            let member_of = |holder: Holder| match holder {
                Holder::You => you.clone(),
                Holder::Colleague => colleague.clone(),
            };
            insert_connections(conn, &seeded, member_of, &acquaintances)?;
            Ok(workspace_id)
        })
        .await
        .context("cannot seed the demo network")?;
    let (contacts, interactions, requests, introductions, connections) = counts;
    Ok(Demo {
        email,
        password,
        workspace_id,
        contacts,
        interactions,
        requests,
        introductions,
        connections,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The ids the seeded rows were given, by the generator's indexes.
struct Seeded<'a> {
    workspace_id: &'a str,
    contacts: &'a [String],
    holders: &'a [String],
    interactions: &'a [String],
}

fn insert_requests(
    conn: &mut DbConn,
    seeded: &Seeded,
    requests: &[PlannedRequest],
) -> Result<Vec<String>, ApiError> {
    let mut ids = Vec::with_capacity(requests.len());
    for batch in requests.chunks(BATCH_ROWS) {
        let mut rows = Vec::with_capacity(batch.len());
        let mut events = Vec::new();
        for request in batch {
            let id = uuid::Uuid::now_v7().to_string();
            let member_id = seeded.holders[request.referrer].clone();
            let (target_contact_id, target_name, target_company, target_title) = match &request
                .target
            {
                Target::Contact(index) => (Some(seeded.contacts[*index].clone()), None, None, None),
                Target::Named {
                    name,
                    company,
                    title,
                } => (
                    None,
                    Some(name.clone()),
                    Some(company.to_string()),
                    Some(title.to_string()),
                ),
            };
            let steps = std::iter::once((RequestStatus::Planned, request.created_at))
                .chain(request.moves.iter().copied());
            for (status, at) in steps {
                events.push((
                    referral_request_events::id.eq(uuid::Uuid::now_v7().to_string()),
                    referral_request_events::request_id.eq(id.clone()),
                    referral_request_events::status.eq(status.as_str()),
                    referral_request_events::member_id.eq(member_id.clone()),
                    referral_request_events::at.eq(to_db(at)),
                ));
            }
            let updated_at = request.moves.last().map_or(request.created_at, |m| m.1);
            rows.push(RequestRow {
                id: id.clone(),
                workspace_id: seeded.workspace_id.to_owned(),
                referrer_id: seeded.contacts[request.referrer].clone(),
                member_id,
                target_contact_id,
                target_name,
                target_company,
                target_title,
                business_reason: Some(request.business_reason.clone()),
                ideal_introduction: Some(request.ideal_introduction.clone()),
                notes: None,
                status: request.status().as_str().to_owned(),
                ask_channel: request.ask.map(|(channel, _)| channel.to_owned()),
                asked_at: request.asked_at().map(to_db),
                ask_interaction_id: request
                    .ask
                    .map(|(_, index)| seeded.interactions[index].clone()),
                agreed_at: request.reached(RequestStatus::Agreed).map(to_db),
                introduced_at: request.reached(RequestStatus::Introduced).map(to_db),
                meeting_held_at: request.reached(RequestStatus::MeetingHeld).map(to_db),
                ended_at: request.ended_at().map(to_db),
                version: 1 + request.moves.len() as i64,
                created_at: to_db(request.created_at),
                updated_at: to_db(updated_at),
                deleted_at: None,
            });
            ids.push(id);
        }
        insert_rows!(conn, referral_requests::table, &rows)?;
        for events in events.chunks(BATCH_ROWS) {
            insert_rows!(conn, referral_request_events::table, events)?;
        }
    }
    Ok(ids)
}

fn insert_introductions(
    conn: &mut DbConn,
    seeded: &Seeded,
    request_ids: &[String],
    introductions: &[PlannedIntroduction],
) -> Result<(), ApiError> {
    let contact = |index: usize| Some(seeded.contacts[index].clone());
    for batch in introductions.chunks(BATCH_ROWS) {
        let rows: Vec<IntroductionRow> = batch
            .iter()
            .map(|introduction| {
                let (direction, first, received, given) = match introduction.introduced {
                    Introduced::Received {
                        referrer,
                        prospect,
                        request,
                    } => (
                        Direction::Received,
                        referrer,
                        Some((referrer, prospect, request)),
                        None,
                    ),
                    Introduced::Given {
                        contacts,
                        interaction,
                    } => (
                        Direction::Given,
                        contacts[0],
                        None,
                        Some((contacts, interaction)),
                    ),
                };
                let updated_at = introduction
                    .closed_at
                    .or(introduction.meeting_at)
                    .unwrap_or(introduction.introduced_at);
                IntroductionRow {
                    id: uuid::Uuid::now_v7().to_string(),
                    workspace_id: seeded.workspace_id.to_owned(),
                    direction: direction.as_str().to_owned(),
                    member_id: seeded.holders[first].clone(),
                    referrer_id: received.and_then(|(referrer, _, _)| contact(referrer)),
                    prospect_id: received.and_then(|(_, prospect, _)| contact(prospect)),
                    request_id: received
                        .and_then(|(_, _, request)| request)
                        .map(|index| request_ids[index].clone()),
                    first_contact_id: given.and_then(|(pair, _)| contact(pair[0])),
                    second_contact_id: given.and_then(|(pair, _)| contact(pair[1])),
                    interaction_id: given.map(|(_, index)| seeded.interactions[index].clone()),
                    status: introduction.status.as_str().to_owned(),
                    introduced_at: to_db(introduction.introduced_at),
                    meeting_at: introduction.meeting_at.map(to_db),
                    deal_value_cents: introduction.deal.map(|(cents, _)| cents),
                    currency: introduction.deal.map(|(_, currency)| currency.to_owned()),
                    closed_at: introduction.closed_at.map(to_db),
                    notes: None,
                    version: 1,
                    created_at: to_db(introduction.introduced_at),
                    updated_at: to_db(updated_at),
                    deleted_at: None,
                }
            })
            .collect();
        insert_rows!(conn, introductions::table, &rows)?;
    }
    let referrers: Vec<String> = introductions
        .iter()
        .filter_map(|introduction| match introduction.introduced {
            Introduced::Received { referrer, .. } => Some(seeded.contacts[referrer].clone()),
            Introduced::Given { .. } => None,
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    crate::nurture::loops::settle(conn, seeded.workspace_id, &referrers)
}

fn insert_connections(
    conn: &mut DbConn,
    seeded: &Seeded,
    member_of: impl Fn(Holder) -> String,
    planned: &[PlannedConnection],
) -> Result<(), ApiError> {
    let now = db_now();
    let person = |end: End| -> Result<Person, ApiError> {
        let id = match end {
            End::Contact(index) => seeded.contacts[index].clone(),
            End::Member(holder) => member_of(holder),
        };
        let id = id.parse().map_err(ApiError::internal)?;
        Ok(match end {
            End::Contact(_) => Person::Contact(id),
            End::Member(_) => Person::Member(id),
        })
    };
    for batch in planned.chunks(BATCH_ROWS) {
        let rows = batch
            .iter()
            .map(|link| {
                let (from, to) = stored_ends(link.kind, person(link.from)?, person(link.to)?);
                let ((from_contact_id, from_member_id), (to_contact_id, to_member_id)) =
                    (columns(from), columns(to));
                Ok(ConnectionRow {
                    id: uuid::Uuid::now_v7().to_string(),
                    workspace_id: seeded.workspace_id.to_owned(),
                    from_contact_id,
                    from_member_id,
                    to_contact_id,
                    to_member_id,
                    kind: link.kind.as_str().to_owned(),
                    strength: link.strength,
                    note: None,
                    since: None,
                    version: 1,
                    created_at: now,
                    updated_at: now,
                    deleted_at: None,
                })
            })
            .collect::<Result<Vec<ConnectionRow>, ApiError>>()?;
        insert_rows!(conn, connections::table, &rows)?;
    }
    Ok(())
}
