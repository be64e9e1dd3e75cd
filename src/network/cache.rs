//! The workspace's graph kept in memory between requests: reading 50,000 connections and
//! 10,000 contacts costs far more than searching them. Every change to who knows whom
//! counts up the workspace's `network_version` in the writing transaction (`changed`); a
//! cached graph is used only while the version it was read at is still the stored one, so
//! instances behind a load balancer never serve a graph another instance has changed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use diesel::prelude::*;

use crate::db::schema::workspaces;
use crate::db::DbConn;
use crate::error::ApiError;

/// Workspaces whose graphs are kept at most; past it the cache starts over.
const MAX_WORKSPACES: usize = 64;

/// Records, in the caller's transaction, that the workspace's network changed.
pub fn changed(conn: &mut DbConn, workspace_id: &str) -> Result<(), ApiError> {
    diesel::update(workspaces::table.find(workspace_id))
        .set(workspaces::network_version.eq(workspaces::network_version + 1))
        .execute(conn)?;
    Ok(())
}

/// Graphs by workspace, each with the version it was read at.
pub struct GraphCache<G> {
    graphs: Mutex<HashMap<String, (i64, Arc<G>)>>,
}

impl<G> Default for GraphCache<G> {
    fn default() -> Self {
        GraphCache {
            graphs: Mutex::new(HashMap::new()),
        }
    }
}

impl<G> GraphCache<G> {
    /// The workspace's graph: the cached one if still current, else `load`ed and kept.
    pub fn get(
        &self,
        conn: &mut DbConn,
        workspace_id: &str,
        load: impl FnOnce(&mut DbConn) -> Result<G, ApiError>,
    ) -> Result<Arc<G>, ApiError> {
        let version: i64 = workspaces::table
            .find(workspace_id)
            .select(workspaces::network_version)
            .first(conn)?;
        if let Some((cached, graph)) = self.lock().get(workspace_id) {
            if *cached == version {
                return Ok(graph.clone());
            }
        }
        // The version was read first, so the graph loaded now is at least that recent: a
        // change in between only makes the next request load again.
        let graph = Arc::new(load(conn)?);
        let mut graphs = self.lock();
        if graphs.len() >= MAX_WORKSPACES && !graphs.contains_key(workspace_id) {
            graphs.clear();
        }
        graphs.insert(workspace_id.to_owned(), (version, graph.clone()));
        Ok(graph)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (i64, Arc<G>)>> {
        // A panic elsewhere while holding the lock leaves a map that is still valid.
        self.graphs
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
