//! The delivery worker: claims due deliveries, sends them signed, and records what came
//! back, retrying on the configured schedule. It runs inside `rapport serve`, or alone as
//! `rapport worker`; any number of them may share a PostgreSQL database.
//!
//! A claim pushes the delivery's `next_attempt_at` past a lease in the same statement that
//! picks it (with `FOR UPDATE SKIP LOCKED` on PostgreSQL), so no two workers attempt it at
//! once. A worker that dies mid-attempt leaves it to be attempted again when the lease
//! ends: at least once, never lost. Its result is recorded only while the claim is still
//! its own (the attempt count it claimed), so a late answer cannot overwrite a newer one.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text, Timestamp};
use prometheus::{Gauge, Histogram, HistogramOpts, IntCounterVec, Opts, Registry};
use rand::Rng;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use tokio::sync::Notify;
use tokio::task::JoinSet;

use super::address::{refused_host, PublicOnly};
use super::dispatch::dispatch;
use super::queries::{self, EndpointRow};
use super::signing::signature_header;
use super::DeliveryStatus;
use crate::config::Settings;
use crate::db::schema::{webhook_deliveries, webhook_endpoints};
use crate::db::{Db, DbConn};
use crate::error::ApiError;
use crate::time::{db_now, from_db};

/// Attempts in flight per worker.
const CONCURRENCY: usize = 64;
/// How often an idle worker looks for work.
const POLL: Duration = Duration::from_millis(200);
/// How long a worker that met a database error waits before trying again.
const BACKOFF: Duration = Duration::from_secs(1);
/// Delivery records are kept this long after they finish.
const RETENTION: TimeDelta = TimeDelta::days(30);
const PRUNE_EVERY: Duration = Duration::from_secs(600);
/// How often the worker looks for daily digests that are due.
const DIGESTS_EVERY: Duration = Duration::from_secs(5);
/// A claim lasts the attempt's timeout and this much more, for recording its result; then
/// another worker may attempt the delivery again.
const LEASE_MARGIN: TimeDelta = TimeDelta::seconds(10);
/// Bytes of a response body kept on the delivery.
const RESPONSE_KEPT: usize = 1024;

/// Seconds to wait before each retry; the first attempt is immediate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetrySchedule(Vec<u64>);

impl RetrySchedule {
    pub fn parse(text: &str) -> Result<Self, String> {
        let delays = text
            .split(',')
            .map(|part| {
                part.trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|seconds| *seconds <= 7 * 86_400)
                    .ok_or_else(|| format!("`{part}` is not a number of seconds from 0 to 604800"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if delays.len() > 20 {
            return Err("at most 20 retries".to_owned());
        }
        Ok(Self(delays))
    }

    /// The wait before the next attempt, after `attempts` attempts failed; `None` when the
    /// schedule is spent. Jittered by up to a tenth either way, so that retries of many
    /// deliveries spread out.
    fn delay_after(&self, attempts: i32) -> Option<Duration> {
        let base = *self
            .0
            .get(usize::try_from(attempts).ok()?.checked_sub(1)?)?;
        let jitter = rand::rng().random_range(0.9..=1.1);
        Some(Duration::from_secs_f64(base as f64 * jitter))
    }
}

/// What an attempt's answer means for the delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Delivered,
    /// A timeout, a connection error, 408, 429 or 5xx: try again later.
    Retry,
    /// Any other answer: the receiver will not take it.
    Refused,
    /// 410: the receiver is gone for good; its endpoint is disabled.
    Gone,
}

fn verdict(status: u16) -> Verdict {
    match status {
        200..=299 => Verdict::Delivered,
        410 => Verdict::Gone,
        408 | 429 | 500..=599 => Verdict::Retry,
        _ => Verdict::Refused,
    }
}

/// `Retry-After`, in seconds or as an HTTP date, capped at a day.
fn retry_after(headers: &HeaderMap, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    let seconds = match value.parse::<u64>() {
        Ok(seconds) => seconds,
        Err(_) => {
            let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
            (at.with_timezone(&chrono::Utc) - now).num_seconds().max(0) as u64
        }
    };
    Some(Duration::from_secs(seconds.min(86_400)))
}

/// What one attempt found.
#[derive(Debug)]
struct Attempt {
    verdict: Verdict,
    status: Option<u16>,
    latency_ms: i32,
    response: String,
    retry_after: Option<Duration>,
}

pub struct WebhookMetrics {
    attempts: IntCounterVec,
    duration: Histogram,
    lag: Gauge,
}

impl WebhookMetrics {
    pub fn register(registry: &Registry) -> Self {
        let attempts = IntCounterVec::new(
            Opts::new(
                "webhook_attempts_total",
                "Webhook delivery attempts, by outcome: delivered, retrying, failed, gone",
            ),
            &["outcome"],
        )
        .expect("valid metric");
        let duration = Histogram::with_opts(HistogramOpts::new(
            "webhook_attempt_duration_seconds",
            "Time from sending a delivery to its answer",
        ))
        .expect("valid metric");
        let lag = Gauge::with_opts(Opts::new(
            "webhook_delivery_lag_seconds",
            "How long the oldest due delivery has been waiting (0 when none waits)",
        ))
        .expect("valid metric");
        for metric in [
            Box::new(attempts.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(duration.clone()),
            Box::new(lag.clone()),
        ] {
            registry.register(metric).expect("metric registered once");
        }
        Self {
            attempts,
            duration,
            lag,
        }
    }
}

/// A delivery this worker claimed.
#[derive(Debug, QueryableByName)]
struct Claimed {
    #[diesel(sql_type = Text)]
    workspace_id: String,
    #[diesel(sql_type = Text)]
    id: String,
    #[diesel(sql_type = Text)]
    endpoint_id: String,
    #[diesel(sql_type = Text)]
    payload: String,
    #[diesel(sql_type = Integer)]
    attempts: i32,
}

/// Claims up to `limit` due deliveries of enabled endpoints until `lease_end`.
fn claim(
    conn: &mut DbConn,
    limit: usize,
    now: NaiveDateTime,
    lease_end: NaiveDateTime,
) -> Result<Vec<Claimed>, ApiError> {
    let (pick, placeholders) = match conn {
        DbConn::Postgres(_) => ("FOR UPDATE OF d SKIP LOCKED", ["$1", "$2", "$3"]),
        // Writers are serialised: nobody else claims while this transaction runs.
        DbConn::Sqlite(_) => ("", ["?1", "?2", "?3"]),
    };
    let [lease, at, count] = placeholders;
    let sql = format!(
        "UPDATE webhook_deliveries SET next_attempt_at = {lease}, attempts = attempts + 1, \
         last_attempt_at = {at} \
         WHERE (workspace_id, id) IN ( \
           SELECT d.workspace_id, d.id FROM webhook_deliveries d \
           JOIN webhook_endpoints e ON e.workspace_id = d.workspace_id AND e.id = d.endpoint_id \
           WHERE d.status = 'pending' AND d.next_attempt_at <= {at} AND e.enabled \
           ORDER BY d.next_attempt_at LIMIT {count} {pick}) \
         RETURNING workspace_id, id, endpoint_id, payload, attempts"
    );
    Ok(diesel::sql_query(sql)
        .bind::<Timestamp, _>(lease_end)
        .bind::<Timestamp, _>(now)
        .bind::<diesel::sql_types::BigInt, _>(limit as i64)
        .load(conn)?)
}

/// When the oldest delivery that is due now became due, if one is.
fn oldest_due(conn: &mut DbConn, now: NaiveDateTime) -> Result<Option<NaiveDateTime>, ApiError> {
    Ok(webhook_deliveries::table
        .inner_join(
            webhook_endpoints::table.on(webhook_endpoints::workspace_id
                .eq(webhook_deliveries::workspace_id)
                .and(webhook_endpoints::id.eq(webhook_deliveries::endpoint_id))),
        )
        .filter(webhook_deliveries::status.eq(DeliveryStatus::Pending.as_str()))
        .filter(webhook_deliveries::next_attempt_at.le(now))
        .filter(webhook_endpoints::enabled.eq(true))
        .select(diesel::dsl::min(webhook_deliveries::next_attempt_at))
        .first(conn)?)
}

fn endpoints(conn: &mut DbConn, claimed: &[Claimed]) -> Result<Vec<EndpointRow>, ApiError> {
    let ids: Vec<&str> = claimed.iter().map(|c| c.endpoint_id.as_str()).collect();
    Ok(webhook_endpoints::table
        .filter(webhook_endpoints::id.eq_any(ids))
        .select(EndpointRow::as_select())
        .load(conn)?)
}

/// Writes an attempt's result, if the claim is still this worker's; returns the outcome
/// for the metrics.
fn record(
    conn: &mut DbConn,
    claimed: &Claimed,
    attempt: &Attempt,
    schedule: &RetrySchedule,
    now: NaiveDateTime,
) -> Result<Option<&'static str>, ApiError> {
    let (status, next, outcome) = match attempt.verdict {
        Verdict::Delivered => (DeliveryStatus::Succeeded, None, "delivered"),
        Verdict::Retry => match schedule.delay_after(claimed.attempts) {
            Some(delay) => {
                let wait = attempt.retry_after.map_or(delay, |asked| asked.max(delay));
                let wait = TimeDelta::from_std(wait).map_err(ApiError::internal)?;
                (DeliveryStatus::Pending, Some(now + wait), "retrying")
            }
            None => (DeliveryStatus::Failed, None, "failed"),
        },
        Verdict::Refused => (DeliveryStatus::Failed, None, "failed"),
        Verdict::Gone => (DeliveryStatus::Failed, None, "gone"),
    };
    let finished = (status != DeliveryStatus::Pending).then_some(now);
    let written = diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::workspace_id.eq(&claimed.workspace_id))
            .filter(webhook_deliveries::id.eq(&claimed.id))
            .filter(webhook_deliveries::attempts.eq(claimed.attempts))
            .filter(webhook_deliveries::status.eq(DeliveryStatus::Pending.as_str())),
    )
    .set((
        webhook_deliveries::status.eq(status.as_str()),
        webhook_deliveries::next_attempt_at.eq(next),
        webhook_deliveries::last_status_code.eq(attempt.status.map(i32::from)),
        webhook_deliveries::last_latency_ms.eq(attempt.latency_ms),
        webhook_deliveries::last_response.eq(&attempt.response),
        webhook_deliveries::finished_at.eq(finished),
    ))
    .execute(conn)?;
    Ok((written > 0).then_some(outcome))
}

/// What a pass's attempts say of an endpoint, the telling one last: one that answered is
/// alive whatever else failed, and a 410 is final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Health {
    Failing,
    Answering,
    Gone,
}

impl Health {
    fn of(verdict: Verdict) -> Self {
        match verdict {
            Verdict::Delivered => Self::Answering,
            Verdict::Gone => Self::Gone,
            Verdict::Retry | Verdict::Refused => Self::Failing,
        }
    }
}

/// Keeps an endpoint's `failing_since`, and disables it when it is gone or has failed for
/// longer than `disable_after`.
fn keep_health(
    conn: &mut DbConn,
    (workspace_id, endpoint_id): &(String, String),
    health: Health,
    disable_after: TimeDelta,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let endpoint = webhook_endpoints::table
        .filter(webhook_endpoints::workspace_id.eq(workspace_id))
        .filter(webhook_endpoints::id.eq(endpoint_id));
    if health == Health::Answering {
        diesel::update(endpoint.filter(webhook_endpoints::failing_since.is_not_null()))
            .set(webhook_endpoints::failing_since.eq(None::<NaiveDateTime>))
            .execute(conn)?;
        return Ok(());
    }
    diesel::update(endpoint.filter(webhook_endpoints::failing_since.is_null()))
        .set(webhook_endpoints::failing_since.eq(now))
        .execute(conn)?;
    let reason = if health == Health::Gone {
        Some(format!(
            "the receiver answered 410 Gone on {}",
            from_db(now).to_rfc3339()
        ))
    } else {
        let failing_since: Option<NaiveDateTime> = endpoint
            .select(webhook_endpoints::failing_since)
            .first(conn)?;
        failing_since
            .filter(|since| now - *since >= disable_after)
            .map(|since| {
                format!(
                    "every delivery failed from {} to {} without one success",
                    from_db(since).to_rfc3339(),
                    from_db(now).to_rfc3339()
                )
            })
    };
    if let Some(reason) = reason {
        tracing::warn!(webhook = %endpoint_id, %reason, "webhook disabled");
        diesel::update(endpoint.filter(webhook_endpoints::enabled.eq(true)))
            .set((
                webhook_endpoints::enabled.eq(false),
                webhook_endpoints::disabled_reason.eq(reason),
                webhook_endpoints::version.eq(webhook_endpoints::version + 1),
                webhook_endpoints::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Everything the worker's tasks share.
struct Context {
    db: Db,
    client: reqwest::Client,
    schedule: RetrySchedule,
    timeout: Duration,
    allow_private: bool,
    disable_after: TimeDelta,
    metrics: WebhookMetrics,
}

impl Context {
    /// Sends one delivery and reads the start of the answer.
    async fn attempt(&self, endpoint: &EndpointRow, claimed: &Claimed) -> Attempt {
        let refused = |response: String| Attempt {
            verdict: Verdict::Refused,
            status: None,
            latency_ms: 0,
            response,
            retry_after: None,
        };
        let url = match reqwest::Url::parse(&endpoint.url) {
            Ok(url) => url,
            Err(error) => return refused(format!("the URL is invalid: {error}")),
        };
        if !self.allow_private {
            if let Some(reason) = refused_host(&url) {
                return refused(format!("not sent: {reason}"));
            }
        }
        let now = chrono::Utc::now();
        let secrets = endpoint.secrets(crate::time::to_db(now));
        let signature =
            match signature_header(&secrets, &claimed.id, now.timestamp(), &claimed.payload) {
                Ok(signature) => signature,
                Err(error) => return refused(format!("not signed: {error}")),
            };
        let started = Instant::now();
        let sent = self
            .client
            .post(url)
            .header("content-type", "application/json")
            .header("webhook-id", &claimed.id)
            .header("webhook-timestamp", now.timestamp().to_string())
            .header("webhook-signature", signature)
            .body(claimed.payload.clone())
            .send()
            .await;
        let mut attempt = match sent {
            Ok(mut response) => {
                let status = response.status().as_u16();
                let retry_after = retry_after(response.headers(), now);
                let mut body = Vec::new();
                while body.len() < RESPONSE_KEPT {
                    match response.chunk().await {
                        Ok(Some(chunk)) => body.extend_from_slice(&chunk),
                        _ => break,
                    }
                }
                body.truncate(RESPONSE_KEPT);
                Attempt {
                    verdict: verdict(status),
                    status: Some(status),
                    latency_ms: 0,
                    response: String::from_utf8_lossy(&body).into_owned(),
                    retry_after,
                }
            }
            Err(error) => Attempt {
                verdict: Verdict::Retry,
                status: None,
                latency_ms: 0,
                response: describe(&error, self.timeout),
                retry_after: None,
            },
        };
        let elapsed = started.elapsed();
        self.metrics.duration.observe(elapsed.as_secs_f64());
        attempt.latency_ms = i32::try_from(elapsed.as_millis()).unwrap_or(i32::MAX);
        if attempt.verdict != Verdict::Delivered {
            tracing::debug!(
                delivery = %claimed.id,
                webhook = %endpoint.id,
                status = ?attempt.status,
                response = %attempt.response,
                "webhook attempt failed"
            );
        }
        attempt
    }

    /// Writes the results of finished attempts in one transaction (on SQLite, one write
    /// lock for many deliveries rather than one each, which the API's writes wait for), and
    /// each endpoint's health once for all of its attempts.
    async fn record_all(&self, finished: Vec<(Claimed, Attempt)>) {
        let schedule = self.schedule.clone();
        let disable_after = self.disable_after;
        let recorded = self
            .db
            .transaction(move |conn| {
                let now = db_now();
                let mut outcomes = Vec::with_capacity(finished.len());
                let mut health: BTreeMap<(String, String), Health> = BTreeMap::new();
                for (claimed, attempt) in &finished {
                    let Some(outcome) = record(conn, claimed, attempt, &schedule, now)? else {
                        continue;
                    };
                    outcomes.push(outcome);
                    let endpoint = (claimed.workspace_id.clone(), claimed.endpoint_id.clone());
                    let seen = Health::of(attempt.verdict);
                    health
                        .entry(endpoint)
                        .and_modify(|kept| *kept = (*kept).max(seen))
                        .or_insert(seen);
                }
                for (endpoint, health) in &health {
                    keep_health(conn, endpoint, *health, disable_after, now)?;
                }
                Ok(outcomes)
            })
            .await;
        match recorded {
            Ok(outcomes) => {
                for outcome in outcomes {
                    self.metrics.attempts.with_label_values(&[outcome]).inc();
                }
            }
            // The leases run out and the deliveries are attempted again.
            Err(error) => tracing::warn!(%error, "could not record webhook attempts"),
        }
    }
}

/// Why a request got no answer, in a line.
fn describe(error: &reqwest::Error, timeout: Duration) -> String {
    if error.is_timeout() {
        return format!("no answer within {} s", timeout.as_secs());
    }
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// The worker, ready to run.
pub struct Worker {
    context: Arc<Context>,
    wake: Arc<Notify>,
}

impl Worker {
    pub fn new(
        db: Db,
        settings: &Settings,
        registry: &Registry,
        wake: Arc<Notify>,
    ) -> anyhow::Result<Self> {
        let timeout = Duration::from_secs(settings.webhook_timeout_seconds);
        let mut client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            // A proxy from the environment would connect on our behalf, past the address
            // checks.
            .no_proxy()
            .user_agent(concat!("Rapport-Webhooks/", env!("CARGO_PKG_VERSION")))
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .pool_max_idle_per_host(CONCURRENCY);
        if !settings.webhook_allow_private {
            client = client.dns_resolver(Arc::new(PublicOnly));
        }
        Ok(Self {
            context: Arc::new(Context {
                db,
                client: client.build()?,
                schedule: settings.webhook_retry_schedule.clone(),
                timeout,
                allow_private: settings.webhook_allow_private,
                disable_after: TimeDelta::seconds(settings.webhook_disable_after_seconds),
                metrics: WebhookMetrics::register(registry),
            }),
            wake,
        })
    }

    /// Claims what is due, up to the free slots, and starts attempts for it; returns how
    /// many it started.
    async fn start_attempts(
        &self,
        tasks: &mut JoinSet<(Claimed, Attempt)>,
    ) -> Result<usize, ApiError> {
        let free = CONCURRENCY.saturating_sub(tasks.len());
        let context = &self.context;
        let now = db_now();
        let due = context.db.run(move |conn| oldest_due(conn, now)).await?;
        let lag = due.map_or(0.0, |due| (now - due).as_seconds_f64().max(0.0));
        context.metrics.lag.set(lag);
        if due.is_none() || free == 0 {
            return Ok(0);
        }
        let lease =
            TimeDelta::from_std(context.timeout).map_err(ApiError::internal)? + LEASE_MARGIN;
        let (claimed, endpoints) = context
            .db
            .transaction(move |conn| {
                let claimed = claim(conn, free, now, now + lease)?;
                let endpoints = endpoints(conn, &claimed)?;
                Ok((claimed, endpoints))
            })
            .await?;
        let started = claimed.len();
        for claimed in claimed {
            // An endpoint deleted meanwhile took its deliveries with it.
            let Some(endpoint) = endpoints
                .iter()
                .find(|e| e.workspace_id == claimed.workspace_id && e.id == claimed.endpoint_id)
                .cloned()
            else {
                continue;
            };
            let context = context.clone();
            tasks.spawn(async move {
                let attempt = context.attempt(&endpoint, &claimed).await;
                (claimed, attempt)
            });
        }
        Ok(started)
    }

    /// Runs until the future is dropped (the server stopping); attempts in flight then are
    /// made again after their lease.
    pub async fn run(self) {
        let mut tasks: JoinSet<(Claimed, Attempt)> = JoinSet::new();
        let mut finished = Vec::new();
        let mut last_prune: Option<Instant> = None;
        let mut last_digests: Option<Instant> = None;
        loop {
            while let Some(done) = tasks.try_join_next() {
                finished.extend(done.ok());
            }
            if !finished.is_empty() {
                self.context.record_all(std::mem::take(&mut finished)).await;
            }
            if last_digests.is_none_or(|at| at.elapsed() > DIGESTS_EVERY) {
                last_digests = Some(Instant::now());
                if let Err(error) = super::digest::send_due(&self.context.db).await {
                    tracing::warn!(%error, "could not send daily digests");
                }
            }
            if last_prune.is_none_or(|at| at.elapsed() > PRUNE_EVERY) {
                last_prune = Some(Instant::now());
                let cutoff = db_now() - RETENTION;
                let pruned = self
                    .context
                    .db
                    .run(move |conn| queries::prune(conn, cutoff))
                    .await;
                if let Err(error) = pruned {
                    tracing::warn!(%error, "could not prune webhook deliveries");
                }
            }
            let dispatched = dispatch(&self.context.db).await;
            let started = self.start_attempts(&mut tasks).await;
            match (dispatched, started) {
                (Err(error), _) | (_, Err(error)) => {
                    tracing::warn!(%error, "webhook worker could not reach the database");
                    tokio::time::sleep(BACKOFF).await;
                }
                // More may be waiting: look again at once while a slot is free.
                (Ok(dispatched), Ok(started))
                    if (dispatched > 0 || started > 0) && tasks.len() < CONCURRENCY => {}
                // Idle, or every slot taken: wait for an attempt to end, new work, or the
                // next look.
                _ => {
                    tokio::select! {
                        Some(done) = tasks.join_next(), if !tasks.is_empty() => {
                            finished.extend(done.ok());
                        }
                        _ = self.wake.notified() => {}
                        _ = tokio::time::sleep(POLL) => {}
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_waits_as_configured_then_gives_up() {
        let schedule = RetrySchedule::parse("5, 300").unwrap();
        let first = schedule.delay_after(1).unwrap().as_secs_f64();
        assert!((4.5..=5.5).contains(&first), "{first}");
        let second = schedule.delay_after(2).unwrap().as_secs_f64();
        assert!((270.0..=330.0).contains(&second), "{second}");
        assert_eq!(schedule.delay_after(3), None);
        assert_eq!(schedule.delay_after(0), None);
        assert!(RetrySchedule::parse("5,soon").is_err());
        assert!(RetrySchedule::parse("999999999").is_err());
    }

    #[test]
    fn answers_decide_the_delivery() {
        assert_eq!(verdict(200), Verdict::Delivered);
        assert_eq!(verdict(204), Verdict::Delivered);
        assert_eq!(verdict(410), Verdict::Gone);
        for retried in [408, 429, 500, 502, 503] {
            assert_eq!(verdict(retried), Verdict::Retry, "{retried}");
        }
        for refused in [301, 400, 401, 404, 422] {
            assert_eq!(verdict(refused), Verdict::Refused, "{refused}");
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-05T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, "120".parse().unwrap());
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(120)));
        headers.insert(
            RETRY_AFTER,
            "Sat, 05 Dec 2026 10:01:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&headers, now), Some(Duration::from_secs(60)));
        headers.insert(RETRY_AFTER, "9999999".parse().unwrap());
        assert_eq!(
            retry_after(&headers, now),
            Some(Duration::from_secs(86_400))
        );
        headers.insert(RETRY_AFTER, "later".parse().unwrap());
        assert_eq!(retry_after(&headers, now), None);
    }
}
