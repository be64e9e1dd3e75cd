//! Storage: one diesel code path over SQLite (embedded default) and PostgreSQL.
//!
//! The backend is chosen by the scheme of `DATABASE_URL`. We pick it ourselves rather than
//! through diesel's MultiConnection URL detection, which hides connection errors and takes
//! any unknown string for a SQLite file name.

pub mod pending;
pub mod schema;
pub mod upkeep;

use std::time::Duration;

use actix_web::web;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::ApiError;

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

// `a & b` on integers, which both backends spell the same way.
diesel::infix_operator!(BitAnd, " & ", diesel::sql_types::Integer);

/// Writes `changes` to row `id` of a table only while it is still at `version`, so that a
/// concurrent edit loses cleanly instead of being overwritten, with the error `lost`
/// (evaluated only then): `update_at_version!(conn, contacts, id, version, &row,
/// if_match.lost_race("contact"))` — 412 when the caller sent `If-Match`, 409 otherwise.
macro_rules! update_at_version {
    ($conn:expr, $table:ident, $id:expr, $version:expr, $changes:expr, $lost:expr) => {{
        use $crate::db::schema::$table;
        let changed = diesel::update(
            $table::table
                .filter($table::id.eq($id))
                .filter($table::version.eq($version)),
        )
        .set($changes)
        .execute($conn)?;
        if changed == 0 {
            Err($lost)
        } else {
            Ok(())
        }
    }};
}
pub(crate) use update_at_version;

/// Soft-deletes row `id` of a table at `version`: a tombstone incremental sync can see.
macro_rules! soft_delete {
    ($conn:expr, $table:ident, $id:expr, $version:expr, $lost:expr) => {{
        let now = $crate::time::db_now();
        $crate::db::update_at_version!(
            $conn,
            $table,
            $id,
            $version,
            (
                $table::deleted_at.eq(now),
                $table::updated_at.eq(now),
                $table::version.eq($version + 1),
            ),
            $lost
        )
    }};
}
pub(crate) use soft_delete;

/// Inserts many rows in one statement: `insert_rows!(conn, table, &rows)`. Diesel builds
/// multi-row INSERTs per backend (SQLite has no DEFAULT keyword), so a MultiConnection
/// cannot; this dispatches to the backend's own connection.
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr) => {
        match $conn {
            $crate::db::DbConn::Postgres(conn) => {
                diesel::insert_into($table).values($rows).execute(conn)
            }
            $crate::db::DbConn::Sqlite(conn) => {
                diesel::insert_into($table).values($rows).execute(conn)
            }
        }
    };
}
pub(crate) use insert_rows;

/// How long one PostgreSQL statement may run, set on every connection.
const STATEMENT_TIMEOUT: &str = "SET statement_timeout = '30s'";

/// The longest a published write transaction may run: one that took longer is undone at
/// its end (503, try again). Lists lean on it: a row that a transaction still open during a
/// read commits later carries an `updated_at` at most this much before the read
/// (`http::resource::SyncWindow::watermark`).
pub const MAX_WRITE: Duration = Duration::from_secs(30);

/// Rows per INSERT in bulk loads, and ids per `IN (…)` list: well under both backends'
/// limits on bound parameters (SQLite 32,766; PostgreSQL 65,535). A list whose length
/// grows with the data is read in chunks of this size.
pub const BATCH_ROWS: usize = 500;

/// The advisory lock key that migrations hold on PostgreSQL ("rapport" in ASCII).
const MIGRATION_LOCK: i64 = 0x0072_6170_706f_7274;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A database location, parsed from `DATABASE_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A file path; `sqlite://rapport.db` is relative, `sqlite:///var/lib/rapport.db` absolute.
    Sqlite(String),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() || path.contains(":memory:") || path.starts_with("file:") {
                return Err(format!(
                    "DATABASE_URL `{url}` must name a SQLite file, e.g. sqlite://rapport.db \
                     (an in-memory database would give each pooled connection its own data)"
                ));
            }
            return Ok(Self::Sqlite(path.to_owned()));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres(url.to_owned()));
        }
        Err(format!(
            "DATABASE_URL `{}` is not supported: use sqlite://<file> or postgres://user@host/db",
            redact(url)
        ))
    }

    /// Where the database is, fit for a message: the file, or the server and database
    /// without the password.
    pub fn location(&self) -> String {
        match self {
            Self::Sqlite(path) => path.clone(),
            Self::Postgres(url) => redact(url),
        }
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }
}

/// The PostgreSQL URL with a connect timeout and TCP keepalives unless it sets its own: a
/// server that does not answer fails a connection in two seconds, and a connection whose
/// network went silent is found dead in about a minute rather than the kernel's fifteen.
fn with_timeouts(url: &str) -> String {
    let defaults = [
        ("connect_timeout", "2"),
        ("keepalives", "1"),
        ("keepalives_idle", "30"),
        ("keepalives_interval", "10"),
        ("keepalives_count", "3"),
    ];
    let mut url = url.to_owned();
    for (name, value) in defaults {
        if !url.contains(&format!("{name}=")) {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str(&format!("{name}={value}"));
        }
    }
    url
}

/// Hides a password in a URL before it reaches an error message or a log.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://***@{}", &url[..scheme_end], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

pub struct ConnectionManager {
    url: DatabaseUrl,
}

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = DbConn;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConn, Self::Error> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let mut conn = SqliteConnection::establish(path)
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                // busy_timeout first, so that switching to WAL waits for other connections.
                // No memory map of the file: in WAL mode a reader unmaps the whole map
                // whenever another connection has committed since its last read, so under
                // steady writes every read paid an munmap and faulted its pages in again,
                // a cost that grew with the file (a soak lost 45 % of its throughput in
                // four minutes). Pages are read into each connection's cache instead.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 2000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                )
                .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => {
                let mut conn = PgConnection::establish(&with_timeouts(url))
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                // A statement that runs longer than this is cancelled: one request cannot
                // hold a connection (and the others waiting for it) for minutes.
                conn.batch_execute(STATEMENT_TIMEOUT)
                    .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConn::Postgres(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        // A connection handed back in the middle of a transaction (a panic in a handler)
        // must never be reused.
        let status =
            <DbConn as Connection>::TransactionManager::transaction_manager_status_mut(conn);
        !matches!(status.transaction_depth(), Ok(None))
    }
}

/// The `Idempotency-Key` claim of the request being served (`http::idempotency`).
#[derive(Debug, Clone)]
pub struct IdempotencyClaim {
    pub workspace_id: String,
    pub key: String,
    /// When this request claimed the key; it tells this claim from a later one that took
    /// the key over after this one looked abandoned.
    pub claimed_at: chrono::NaiveDateTime,
}

tokio::task_local! {
    /// Set while a request that claimed an `Idempotency-Key` is served: every transaction
    /// the request commits marks the claim as carried out, atomically with its write, and
    /// is undone if the claim is no longer this request's.
    pub static IDEMPOTENT_REQUEST: IdempotencyClaim;
}

/// Publishes what a transaction touched, just before it commits (the change feed).
pub type Publish = dyn Fn(&mut DbConn) -> Result<(), ApiError> + Send + Sync;
pub type Publisher = std::sync::Arc<Publish>;

/// The connection pool, cheap to clone, shared by every worker.
#[derive(Clone)]
pub struct Db {
    pool: r2d2::Pool<ConnectionManager>,
    backend: &'static str,
    publisher: Option<Publisher>,
}

impl Db {
    /// The pool, with its first connection open; a database that cannot be reached fails
    /// here, in about two seconds, with one line naming it and what to check.
    pub fn connect(url: &DatabaseUrl, max_size: u32) -> anyhow::Result<Self> {
        if let DatabaseUrl::Sqlite(path) = url {
            let directory = std::path::Path::new(path)
                .parent()
                .filter(|d| !d.as_os_str().is_empty());
            if let Some(directory) = directory.filter(|d| !d.is_dir()) {
                anyhow::bail!(
                    "cannot open the SQLite database {path}: the directory {} does not exist; create it or set DATABASE_URL to a file in an existing directory",
                    directory.display()
                );
            }
        }
        let pool = r2d2::Pool::builder()
            .max_size(max_size)
            // A request waits at most this long for a connection, then hears 503.
            .connection_timeout(Duration::from_secs(2))
            // Start-up failures are reported once, below, not once per retry.
            .error_handler(Box::new(r2d2::NopErrorHandler))
            .build(ConnectionManager { url: url.clone() })
            .map_err(|e| {
                // libpq's reasons span lines; the message is one.
                let reason = e.to_string().split_whitespace().collect::<Vec<_>>().join(" ");
                anyhow::anyhow!(
                    "cannot connect to the {} database at {}: {reason}; check DATABASE_URL and that the server is running",
                    url.backend_name(),
                    url.location()
                )
            })?;
        Ok(Self {
            pool,
            backend: url.backend_name(),
            publisher: None,
        })
    }

    /// Has every transaction publish what it touched as it commits. Without a publisher
    /// (loading the demo network from the command line) the notes are dropped: what a
    /// transaction wrote is then where a feed starts, not a change in it.
    pub fn publishing(mut self, publisher: Publisher) -> Self {
        self.publisher = Some(publisher);
        self
    }

    pub fn backend(&self) -> &'static str {
        self.backend
    }

    /// Applies the pending migrations, one instance at a time: many instances starting at
    /// once on a fresh database take turns (a PostgreSQL advisory lock; on SQLite an
    /// exclusive transaction), and the later ones find nothing left to do.
    pub fn migrate(&self) -> anyhow::Result<Vec<String>> {
        let mut conn = self.pool.get()?;
        let run = |conn: &mut DbConn| -> anyhow::Result<Vec<String>> {
            let migrations = match conn {
                DbConn::Sqlite(_) => SQLITE_MIGRATIONS,
                DbConn::Postgres(_) => POSTGRES_MIGRATIONS,
            };
            let applied = conn
                .run_pending_migrations(migrations)
                .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
            Ok(applied.iter().map(ToString::to_string).collect())
        };
        match &mut *conn {
            DbConn::Postgres(pg) => {
                pg.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))?;
                let applied = run(&mut conn);
                conn.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))?;
                applied
            }
            DbConn::Sqlite(sqlite) => {
                AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN EXCLUSIVE")?;
                match run(&mut conn) {
                    Ok(applied) => {
                        <DbConn as Connection>::TransactionManager::commit_transaction(&mut conn)?;
                        Ok(applied)
                    }
                    Err(error) => {
                        let _ = <DbConn as Connection>::TransactionManager::rollback_transaction(
                            &mut conn,
                        );
                        Err(error)
                    }
                }
            }
        }
    }

    /// Runs blocking database work off the async workers. Work that writes belongs in
    /// `transaction`, which also marks a claimed `Idempotency-Key` with the write.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get().map_err(|error| {
                tracing::warn!(%error, "no database connection");
                ApiError::database_unavailable()
            })?;
            work(&mut conn)
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Runs `work` in one transaction: committed if it returns Ok, rolled back otherwise.
    pub async fn transaction<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let publisher = self.publisher.clone();
        let idempotent = IDEMPOTENT_REQUEST.try_with(Clone::clone).ok();
        self.run(move |conn| transaction(conn, publisher.as_deref(), work, idempotent.as_ref()))
            .await
    }

    /// Synchronous access for start-up tasks and the command line.
    pub fn get(&self) -> anyhow::Result<r2d2::PooledConnection<ConnectionManager>> {
        Ok(self.pool.get()?)
    }
}

/// One transaction on either backend. SQLite transactions start with BEGIN IMMEDIATE: a
/// read-then-write transaction that begins deferred fails with "database is locked" when
/// another writer got there first, instead of waiting for the busy timeout. What the work
/// touched is published last, in the same transaction, and so is the mark of the
/// `Idempotency-Key` the request claimed, if any.
fn transaction<T, F>(
    conn: &mut DbConn,
    publisher: Option<&Publish>,
    work: F,
    idempotent: Option<&IdempotencyClaim>,
) -> Result<T, ApiError>
where
    F: FnOnce(&mut DbConn) -> Result<T, ApiError>,
{
    pending::start();
    let started = std::time::Instant::now();
    match conn {
        DbConn::Sqlite(sqlite) => {
            AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?
        }
        DbConn::Postgres(pg) => AnsiTransactionManager::begin_transaction(pg)?,
    }
    let done = work(conn).and_then(|value| {
        if let Some(publish) = publisher {
            if pending::any_noted() {
                publish(conn)?;
            }
            // Measured last: publishing is part of the write.
            if started.elapsed() > MAX_WRITE {
                return Err(ApiError::unavailable(
                    "busy",
                    "the write took too long and was undone; try again",
                    1,
                ));
            }
        } else if pending::any_noted() {
            pending::take(conn)?;
        }
        if let Some(claim) = idempotent {
            use schema::idempotency_keys;
            let marked = diesel::update(
                idempotency_keys::table.find((&claim.workspace_id, &claim.key)),
            )
            .filter(idempotency_keys::created_at.eq(claim.claimed_at))
            .set(idempotency_keys::committed_at.eq(crate::time::db_now()))
            .execute(conn)?;
            // A retry took the key over while this request looked abandoned: the retry
            // does the write, so this one must not.
            if marked == 0 {
                return Err(ApiError::conflict(
                    "idempotency_key_superseded",
                    "a retry with this Idempotency-Key took this request over; the retry's response is the one that counts",
                ));
            }
        }
        Ok(value)
    });
    match done {
        Ok(value) => {
            if let Err(commit_error) =
                <DbConn as Connection>::TransactionManager::commit_transaction(conn)
            {
                let _ = <DbConn as Connection>::TransactionManager::rollback_transaction(conn);
                return Err(commit_error.into());
            }
            Ok(value)
        }
        Err(error) => {
            // The error that ended the work is the one to report; a rollback that fails
            // too (the connection is gone) is secondary, and the pool discards the
            // connection.
            if let Err(rollback) =
                <DbConn as Connection>::TransactionManager::rollback_transaction(conn)
            {
                tracing::warn!(%rollback, "rollback failed after an error");
            }
            Err(error)
        }
    }
}

/// True when a diesel error is a unique-constraint violation (same meaning on both backends).
pub fn is_unique_violation(error: &diesel::result::Error) -> bool {
    matches!(
        error,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_backend_from_the_scheme() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://rapport.db"),
            Ok(DatabaseUrl::Sqlite("rapport.db".into()))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/r.db"),
            Ok(DatabaseUrl::Sqlite("/var/lib/r.db".into()))
        );
        assert!(matches!(
            DatabaseUrl::parse("postgres://u@h/db"),
            Ok(DatabaseUrl::Postgres(_))
        ));
        assert!(matches!(
            DatabaseUrl::parse("postgresql://u@h/db"),
            Ok(DatabaseUrl::Postgres(_))
        ));
    }

    #[test]
    fn postgres_urls_get_timeouts_unless_they_set_their_own() {
        assert_eq!(
            with_timeouts("postgres://u@h/db"),
            "postgres://u@h/db?connect_timeout=2&keepalives=1&keepalives_idle=30&keepalives_interval=10&keepalives_count=3"
        );
        let own = with_timeouts("postgres://u@h/db?sslmode=require&connect_timeout=9");
        assert!(
            own.starts_with("postgres://u@h/db?sslmode=require&connect_timeout=9&keepalives=1"),
            "{own}"
        );
        assert_eq!(own.matches("connect_timeout").count(), 1);
    }

    #[test]
    fn refuses_anything_else_without_leaking_the_password() {
        let err = DatabaseUrl::parse("mysql://root:hunter2@localhost/db").unwrap_err();
        assert!(err.contains("not supported"), "{err}");
        assert!(!err.contains("hunter2"), "{err}");
        assert!(DatabaseUrl::parse("host=localhost dbname=x").is_err());
        assert!(DatabaseUrl::parse("rapport.db").is_err());
        assert!(DatabaseUrl::parse("sqlite://:memory:").is_err());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }
}
