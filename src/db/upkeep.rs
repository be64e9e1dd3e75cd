//! The database's upkeep, done by the service itself rather than left to whoever runs the
//! database: PostgreSQL's autovacuum may be off or tuned oddly, and SQLite keeps planner
//! statistics only when asked. Once a minute, on each instance:
//! - PostgreSQL: a table changed by more than autovacuum's default thresholds since its
//!   statistics were taken (50 rows + 10 %) is analysed; one with more dead rows than
//!   50 + 20 % of its live rows is vacuumed as well, so that index scans do not wade
//!   through dead versions (every logged interaction rewrites a contact's row).
//! - SQLite: a checkpoint that truncates the write-ahead log, which otherwise keeps the
//!   size it reached under load (159 MB in a soak, beside a 40 MB database). SQLite gets no
//!   statistics: its plans here are chosen to hold without any (`sqlite_stat1` is never
//!   written), so none can go stale.
//!
//! A table a bulk write has just filled therefore has statistics within a minute, and the
//! command-line bulk writes (`seed-demo`) tend the database before they end.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};

use super::{Db, DbConn};
use crate::error::ApiError;

const EVERY: Duration = Duration::from_secs(60);

/// Runs until the future is dropped (the server stopping).
pub async fn run(db: Db) {
    loop {
        tokio::time::sleep(EVERY).await;
        if let Err(error) = db.run(tend).await {
            tracing::warn!(%error, "database upkeep failed");
        }
    }
}

#[derive(QueryableByName)]
struct Stale {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Bool)]
    needs_vacuum: bool,
}

/// What the tables need now; returns the tables it tended (PostgreSQL).
pub fn tend(conn: &mut DbConn) -> Result<Vec<String>, ApiError> {
    match conn {
        DbConn::Postgres(pg) => {
            let stale = diesel::sql_query(
                "SELECT relname::text AS name, n_dead_tup > 50 + 0.2 * n_live_tup AS needs_vacuum \
                 FROM pg_stat_user_tables \
                 WHERE schemaname = current_schema() \
                   AND (n_mod_since_analyze > 50 + 0.1 * n_live_tup \
                        OR n_dead_tup > 50 + 0.2 * n_live_tup) \
                 ORDER BY relname",
            )
            .load::<Stale>(pg)?;
            if stale.is_empty() {
                return Ok(Vec::new());
            }
            // A large table's VACUUM may outlast the requests' statement timeout.
            pg.batch_execute("SET statement_timeout = 0")?;
            let tended = stale.iter().try_for_each(|table| {
                let verb = if table.needs_vacuum {
                    "VACUUM (ANALYZE)"
                } else {
                    "ANALYZE"
                };
                // The name comes from the catalog; quoted as an identifier all the same.
                let name = table.name.replace('"', "\"\"");
                pg.batch_execute(&format!("{verb} \"{name}\""))
            });
            pg.batch_execute(super::STATEMENT_TIMEOUT)?;
            tended?;
            Ok(stale.into_iter().map(|table| table.name).collect())
        }
        DbConn::Sqlite(sqlite) => {
            sqlite.batch_execute("PRAGMA wal_checkpoint(TRUNCATE)")?;
            Ok(Vec::new())
        }
    }
}
