//! The workspace's people and who knows whom, as the graph searches need them: read in
//! three queries (members, contacts, connections) and kept while current (see `cache`).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cache::GraphCache;
use super::graph::Graph;
use crate::db::schema::{connections, contacts, members, users};
use crate::db::DbConn;
use crate::error::ApiError;

/// Strength of the link between a member and a contact they hold and have been in touch
/// with, when the contact's trust is unknown.
pub(super) const HELD_STRENGTH: u8 = 3;

/// How a link of the graph came to be.
#[derive(Debug, Clone, Copy)]
pub(super) enum Link {
    /// The member holds the contact and has been in touch.
    Held,
    /// A recorded connection (read back for the paths found: the graph keeps only ends).
    Recorded,
}

/// A contact as the graph needs it: id, holder, trust, last interaction.
pub(super) type ContactNode = (String, String, Option<i32>, Option<NaiveDateTime>);

diesel::define_sql_function!(fn coalesce(x: diesel::sql_types::Nullable<diesel::sql_types::Text>, y: diesel::sql_types::Nullable<diesel::sql_types::Text>) -> diesel::sql_types::Nullable<diesel::sql_types::Text>);

/// The workspace's people and links, with the ids behind the graph's nodes.
pub struct Network {
    pub(super) members: Vec<(String, String)>,
    pub(super) contacts: Vec<ContactNode>,
    /// Each contact's node.
    pub(super) node_of_contact: HashMap<String, u32>,
    /// By node: whether the person is in a recorded connection (with a current member or
    /// a live contact). The graph cannot say: it keeps one link per pair, and a member's
    /// link to a contact they hold may stand in for a recorded one.
    in_a_connection: Vec<bool>,
    pub(super) graph: Graph<Link>,
}

/// The workspace's network as it is now: the cached one while current, else read again.
pub fn current(
    conn: &mut DbConn,
    cache: &GraphCache<Network>,
    workspace_id: &str,
) -> Result<Arc<Network>, ApiError> {
    cache.get(conn, workspace_id, |conn| load(conn, workspace_id))
}

fn load(conn: &mut DbConn, workspace_id: &str) -> Result<Network, ApiError> {
    let members: Vec<(String, String)> = members::table
        .inner_join(users::table)
        .filter(members::workspace_id.eq(workspace_id))
        .filter(members::removed_at.is_null())
        .select((members::id, users::name))
        .order(members::id)
        .load(conn)?;
    let contacts: Vec<ContactNode> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::deleted_at.is_null())
        .select((
            contacts::id,
            contacts::owner_id,
            contacts::trust,
            contacts::last_interaction_at,
        ))
        .order(contacts::id)
        .load(conn)?;
    // Only the ends and the strength: kinds and ids are read for the paths found.
    let links: Vec<(Option<String>, Option<String>, i32)> = connections::table
        .filter(connections::workspace_id.eq(workspace_id))
        .filter(connections::deleted_at.is_null())
        .select((
            coalesce(connections::from_contact_id, connections::from_member_id),
            coalesce(connections::to_contact_id, connections::to_member_id),
            connections::strength,
        ))
        .order(connections::id)
        .load(conn)?;

    let mut node: HashMap<&str, u32> = HashMap::with_capacity(members.len() + contacts.len());
    for (index, (id, _)) in members.iter().enumerate() {
        node.insert(id, index as u32);
    }
    for (index, contact) in contacts.iter().enumerate() {
        node.insert(&contact.0, (members.len() + index) as u32);
    }
    let held = contacts.iter().filter_map(|(id, owner, trust, last)| {
        last.as_ref()?;
        let strength = trust.map_or(HELD_STRENGTH, |t| t.clamp(1, 5) as u8);
        Some((
            *node.get(owner.as_str())?,
            node[id.as_str()],
            strength,
            Link::Held,
        ))
    });
    let recorded: Vec<(u32, u32, u8, Link)> = links
        .iter()
        .filter_map(|(from, to, strength)| {
            Some((
                *node.get(from.as_deref()?)?,
                *node.get(to.as_deref()?)?,
                (*strength).clamp(1, 5) as u8,
                Link::Recorded,
            ))
        })
        .collect();
    let mut in_a_connection = vec![false; members.len() + contacts.len()];
    for &(from, to, _, _) in &recorded {
        in_a_connection[from as usize] = true;
        in_a_connection[to as usize] = true;
    }
    let graph = Graph::new(members.len(), contacts.len(), held.chain(recorded));
    let node_of_contact = contacts
        .iter()
        .map(|contact| (contact.0.clone(), node[contact.0.as_str()]))
        .collect();
    Ok(Network {
        members,
        contacts,
        node_of_contact,
        in_a_connection,
        graph,
    })
}

impl Network {
    /// Whether two live contacts have a recorded connection, of any kind.
    pub fn connected(&self, one: &str, other: &str) -> bool {
        match (
            self.node_of_contact.get(one),
            self.node_of_contact.get(other),
        ) {
            (Some(&one), Some(&other)) => self.graph.linked(one, other),
            _ => false,
        }
    }

    /// How many current members, and how many live contacts, are in no recorded
    /// connection.
    pub fn unconnected(&self) -> (usize, usize) {
        let (members, contacts) = self.in_a_connection.split_at(self.members.len());
        let count = |people: &[bool]| people.iter().filter(|&&connected| !connected).count();
        (count(members), count(contacts))
    }

    /// Whether this is a live contact of the workspace.
    pub fn has_contact(&self, id: &str) -> bool {
        self.node_of_contact.contains_key(id)
    }

    pub(super) fn id_of(&self, node: u32) -> &str {
        let offset = self.members.len();
        if (node as usize) < offset {
            &self.members[node as usize].0
        } else {
            &self.contacts[node as usize - offset].0
        }
    }
}

/// A stored row the network cannot make sense of: a bug or a damaged database, never the
/// client's fault.
pub(super) fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("stored network has an invalid {what}"))
}

pub(super) fn uuid(id: &str) -> Result<uuid::Uuid, ApiError> {
    id.parse().map_err(|_| corrupt("id"))
}

/// A contact's name as shown: first and last.
pub(super) fn full_name(first: &str, last: &Option<String>) -> String {
    match last {
        Some(last) => format!("{first} {last}"),
        None => first.to_owned(),
    }
}
