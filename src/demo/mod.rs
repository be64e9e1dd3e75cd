//! `rapport seed-demo`: a new account and workspace holding a synthetic network, so that
//! a first look at the API (and the benchmark) has a meaningful agenda to show.

pub mod network;

use std::time::Instant;

use anyhow::Context;
use rand::distr::{Alphanumeric, SampleString};

use self::network::{Holder, Network};
use crate::auth::password;
use crate::auth::queries::{create_account, create_user, UserRow};
use crate::contacts::domain::NewContact;
use crate::contacts::queries::insert_batch;
use crate::db::Db;
use crate::interactions::domain::NewInteraction;
use crate::interactions::queries::insert_history;
use crate::time::{now, to_db};
use crate::workspaces::{queries as members, Role};

#[derive(Debug, clap::Args)]
pub struct DemoOptions {
    /// How many contacts.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub contacts: u32,
    /// How many interactions, spread over three years.
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(0..=10_000_000))]
    pub interactions: u32,
    /// Seed of the generator: the same seed gives the same network.
    #[arg(long)]
    pub seed: Option<u64>,
}

/// What was created, and how to get in.
pub struct Seeded {
    pub email: String,
    pub password: String,
    pub workspace_id: String,
    pub contacts: usize,
    pub interactions: usize,
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
pub async fn seed(db: &Db, options: DemoOptions) -> anyhow::Result<Seeded> {
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
        interactions,
    } = network::generate(
        seed,
        options.contacts as usize,
        options.interactions as usize,
        now(),
    );
    let (contact_count, interaction_count) = (contacts.len(), interactions.len());

    let workspace_id = db
        .transaction(move |conn| {
            {
                let membership = create_account(conn, you, "Demo network")?;
                let workspace_id = membership.workspace.id.clone();
                let you = membership.member.id;
                create_user(conn, &colleague)?;
                let colleague = members::add(conn, &workspace_id, &colleague_email, Role::Member)?
                    .id
                    .to_string();

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
                        let fields: NewContact = serde_json::from_value(contact.body)
                            .map_err(crate::error::ApiError::internal)?;
                        Ok((holder.clone(), fields, to_db(contact.added_at)))
                    })
                    .collect::<Result<Vec<_>, crate::error::ApiError>>()?;
                let ids = insert_batch(conn, &workspace_id, rows)?;

                // Each interaction is had by the member who holds its first contact.
                let mut by_member: [(String, Vec<NewInteraction>); 2] =
                    [(you.clone(), Vec::new()), (colleague.clone(), Vec::new())];
                for interaction in interactions {
                    let mut body = interaction.body;
                    body["contact_ids"] = interaction
                        .contacts
                        .iter()
                        .map(|&i| ids[i].clone())
                        .collect();
                    let fields: NewInteraction =
                        serde_json::from_value(body).map_err(crate::error::ApiError::internal)?;
                    let slot = usize::from(holders[interaction.contacts[0]] != you);
                    by_member[slot].1.push(fields);
                }
                for (member_id, history) in by_member {
                    insert_history(conn, &workspace_id, &member_id, history)?;
                }
                Ok(workspace_id)
            }
        })
        .await
        .context("cannot seed the demo network")?;
    Ok(Seeded {
        email,
        password,
        workspace_id,
        contacts: contact_count,
        interactions: interaction_count,
        seconds: started.elapsed().as_secs_f64(),
    })
}
