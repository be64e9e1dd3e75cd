//! Configuration, from the environment (12-factor) or the matching command-line flags.
//! Every setting has a default that works for `cargo run` on a laptop.

use std::num::NonZeroU32;

use clap::{Args, ValueEnum};

use crate::db::DatabaseUrl;

#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Where the data lives: sqlite://<file> or postgres://user:password@host/db.
    #[arg(long, global = true, env = "DATABASE_URL", default_value = "sqlite://rapport.db", value_parser = DatabaseUrl::parse)]
    pub database_url: DatabaseUrl,

    /// Connections in the pool of each instance (1 to 500).
    #[arg(long, global = true, env = "DATABASE_POOL_SIZE", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=500))]
    pub database_pool_size: u32,

    /// Interface to listen on.
    #[arg(long, global = true, env = "RAPPORT_HOST", default_value = "127.0.0.1")]
    pub host: String,

    /// Port to listen on (0 picks a free one).
    #[arg(long, global = true, env = "RAPPORT_PORT", default_value_t = 8080)]
    pub port: u16,

    /// HTTP worker threads; 0 means one per CPU core.
    #[arg(long, global = true, env = "RAPPORT_WORKERS", default_value_t = 0)]
    pub workers: usize,

    /// Largest request body accepted, in bytes (larger ones get 413).
    #[arg(
        long,
        global = true,
        env = "RAPPORT_MAX_BODY_BYTES",
        default_value_t = 1_048_576
    )]
    pub max_body_bytes: usize,

    /// Largest file `POST /v1/imports` accepts, in bytes (larger ones get 413).
    #[arg(
        long,
        global = true,
        env = "RAPPORT_IMPORT_MAX_BYTES",
        default_value_t = 67_108_864
    )]
    pub import_max_bytes: usize,

    /// Secret that signs access tokens (HS256), at least 32 bytes. When unset, one is
    /// generated on first start and kept in the database, so that every instance sharing
    /// the database shares it and restarts do not log anyone out.
    #[arg(long, global = true, env = "JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,

    /// Lifetime of an access token, in seconds (30 to 86400).
    #[arg(long, global = true, env = "ACCESS_TOKEN_TTL_SECONDS", default_value_t = 900, value_parser = clap::value_parser!(i64).range(30..=86_400))]
    pub access_token_ttl_seconds: i64,

    /// Lifetime of a refresh token, in days (1 to 365).
    #[arg(long, global = true, env = "REFRESH_TOKEN_TTL_DAYS", default_value_t = 30, value_parser = clap::value_parser!(i64).range(1..=365))]
    pub refresh_token_ttl_days: i64,

    /// Requests per minute to the session endpoints (`/v1/auth/*`) from one client address,
    /// per instance.
    #[arg(
        long,
        global = true,
        env = "RATE_LIMIT_AUTH_PER_MINUTE",
        default_value = "20"
    )]
    pub rate_limit_auth_per_minute: NonZeroU32,

    /// Requests per minute to the rest of the API from one user, or one API key, per
    /// instance.
    #[arg(
        long,
        global = true,
        env = "RATE_LIMIT_API_PER_MINUTE",
        default_value = "1200"
    )]
    pub rate_limit_api_per_minute: NonZeroU32,

    /// Requests per minute to the rest of the API from all the users and keys of one
    /// workspace together, per instance.
    #[arg(
        long,
        global = true,
        env = "RATE_LIMIT_WORKSPACE_PER_MINUTE",
        default_value = "6000"
    )]
    pub rate_limit_workspace_per_minute: NonZeroU32,

    /// Take the client address from `Forwarded` / `X-Forwarded-For` (only behind a proxy
    /// that sets them; otherwise clients could pick their own address).
    #[arg(long, global = true, env = "RAPPORT_TRUST_PROXY", default_value_t = false, action = clap::ArgAction::Set)]
    pub trust_proxy: bool,

    /// Days a deleted contact or interaction stays visible to sync (`include_deleted=true`),
    /// its personal fields erased at deletion; older tombstones are no longer listed (1 to
    /// 3650).
    #[arg(long, global = true, env = "RAPPORT_TOMBSTONE_RETENTION_DAYS", default_value_t = 30, value_parser = clap::value_parser!(i64).range(1..=3650))]
    pub tombstone_retention_days: i64,

    /// Browser origins allowed to call the API (CORS), comma-separated, e.g.
    /// `https://app.example.com`. Unset: no origin is allowed.
    #[arg(long, global = true, env = "RAPPORT_CORS_ORIGINS", value_delimiter = ',', value_parser = parse_origin)]
    pub cors_origins: Vec<String>,

    /// When set, `GET /metrics` answers only requests with `Authorization: Bearer <this
    /// token>` (401 otherwise); unset, it is open to whoever reaches the port.
    #[arg(
        long,
        global = true,
        env = "RAPPORT_METRICS_TOKEN",
        hide_env_values = true
    )]
    pub metrics_token: Option<String>,

    /// Whether `serve` also delivers webhooks. Turn it off on instances that only answer
    /// requests when `rapport worker` processes deliver apart.
    #[arg(long, global = true, env = "RAPPORT_WEBHOOK_WORKER", default_value_t = true, action = clap::ArgAction::Set)]
    pub webhook_worker: bool,

    /// Let webhooks reach loopback, private and link-local addresses. For development and
    /// tests only: in production it lets any workspace admin make the server call into its
    /// own network.
    #[arg(long, global = true, env = "RAPPORT_WEBHOOK_ALLOW_PRIVATE", default_value_t = false, action = clap::ArgAction::Set)]
    pub webhook_allow_private: bool,

    /// Seconds to wait before each retry of a failed delivery, comma-separated; the first
    /// attempt is immediate. The default is the Standard Webhooks schedule: 5 s, 5 min,
    /// 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h.
    #[arg(
        long,
        global = true,
        env = "RAPPORT_WEBHOOK_RETRY_SCHEDULE",
        default_value = "5,300,1800,7200,18000,36000,50400,72000,86400",
        value_parser = crate::webhooks::worker::RetrySchedule::parse
    )]
    pub webhook_retry_schedule: crate::webhooks::worker::RetrySchedule,

    /// Seconds a delivery attempt may take before it counts as a timeout (1 to 60).
    #[arg(long, global = true, env = "RAPPORT_WEBHOOK_TIMEOUT_SECONDS", default_value_t = 15, value_parser = clap::value_parser!(u64).range(1..=60))]
    pub webhook_timeout_seconds: u64,

    /// An endpoint whose deliveries have failed for this many seconds without one success
    /// is disabled, with the reason on it (default five days).
    #[arg(long, global = true, env = "RAPPORT_WEBHOOK_DISABLE_AFTER_SECONDS", default_value_t = 432_000, value_parser = clap::value_parser!(i64).range(1..))]
    pub webhook_disable_after_seconds: i64,

    /// Log format: `text` for people, `json` for log collectors.
    #[arg(long, global = true, env = "LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// An origin as browsers send it: scheme, host and optional port, nothing else.
fn parse_origin(text: &str) -> Result<String, String> {
    let origin = text.trim().trim_end_matches('/');
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', ' ', '*']) => {
            Ok(origin.to_owned())
        }
        _ => Err(format!(
            "`{text}` is not an origin: give scheme and host, e.g. https://app.example.com"
        )),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

impl Settings {
    /// Settings for an embedded test instance: a random port, one worker; webhooks may
    /// reach the test's own receivers on loopback and retry within seconds.
    pub fn for_tests(database_url: DatabaseUrl) -> Self {
        Self {
            database_url,
            database_pool_size: 4,
            host: "127.0.0.1".to_owned(),
            port: 0,
            workers: 1,
            max_body_bytes: 1_048_576,
            import_max_bytes: 67_108_864,
            jwt_secret: None,
            access_token_ttl_seconds: 900,
            refresh_token_ttl_days: 30,
            rate_limit_auth_per_minute: NonZeroU32::new(20).expect("non-zero"),
            rate_limit_api_per_minute: NonZeroU32::new(1200).expect("non-zero"),
            rate_limit_workspace_per_minute: NonZeroU32::new(6000).expect("non-zero"),
            trust_proxy: false,
            tombstone_retention_days: 30,
            cors_origins: Vec::new(),
            metrics_token: None,
            webhook_worker: true,
            webhook_allow_private: true,
            webhook_retry_schedule: crate::webhooks::worker::RetrySchedule::parse("1,1,1")
                .expect("valid schedule"),
            webhook_timeout_seconds: 5,
            webhook_disable_after_seconds: 432_000,
            log_format: LogFormat::Text,
        }
    }
}
