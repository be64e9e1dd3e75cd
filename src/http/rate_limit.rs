//! Rate limits, told on every `/v1` response with the IETF `RateLimit-Limit`,
//! `RateLimit-Remaining` and `RateLimit-Reset` fields, and answered with 429 and
//! `Retry-After` when spent: per client address on the session endpoints (`/v1/auth/*`,
//! where passwords are guessed); per user or API key, and per workspace, on the rest of the
//! API (per address for requests without valid credentials). Limits are kept in memory, so
//! each instance counts on its own: behind a load balancer with N instances a client gets
//! up to N times the limit.

use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;

use actix_web::body::BoxBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, Error, ResponseError};
use governor::clock::{Clock, DefaultClock, QuantaInstant};
use governor::middleware::{StateInformationMiddleware, StateSnapshot};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{DefaultKeyedRateLimiter, NotUntil, Quota, RateLimiter};

use crate::auth::principal::authenticated_caller;
use crate::error::ApiError;

/// Forget idle clients once this many are tracked.
const TRACKED_KEYS_BEFORE_CLEANUP: usize = 10_000;

const LIMIT: HeaderName = HeaderName::from_static("ratelimit-limit");
const REMAINING: HeaderName = HeaderName::from_static("ratelimit-remaining");
const RESET: HeaderName = HeaderName::from_static("ratelimit-reset");

type Limiter<K> =
    RateLimiter<K, DefaultKeyedStateStore<K>, DefaultClock, StateInformationMiddleware>;

pub struct RateLimits {
    sessions: Limiter<IpAddr>,
    /// Login attempts per account, whatever the address.
    logins: DefaultKeyedRateLimiter<String>,
    /// Per user, per API key, or per address when the credentials are missing or wrong.
    callers: Limiter<String>,
    workspaces: Limiter<String>,
    trust_proxy: bool,
}

/// Where a request stands against the limit that binds it most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub limit: u32,
    pub remaining: u32,
    /// Seconds until the whole limit is available again.
    pub reset: u64,
    /// Seconds until the next request is allowed, when this one is refused.
    pub retry_after: Option<u64>,
}

impl Standing {
    fn allowed(snapshot: &StateSnapshot) -> Self {
        let quota = snapshot.quota();
        let limit = quota.burst_size().get();
        let remaining = snapshot.remaining_burst_capacity();
        Self {
            limit,
            remaining,
            reset: refill_seconds(&quota, limit - remaining, 0),
            retry_after: None,
        }
    }

    fn refused(not_until: &NotUntil<QuantaInstant>) -> Self {
        let quota = not_until.quota();
        let limit = quota.burst_size().get();
        let wait = not_until
            .wait_time_from(DefaultClock::default().now())
            .as_nanos();
        Self {
            limit,
            remaining: 0,
            reset: refill_seconds(&quota, limit - 1, wait),
            retry_after: Some(seconds_up(wait).max(1)),
        }
    }

    /// The one of two standings a client should heed: the refusal, else the fewer left.
    fn tighter(self, other: Self) -> Self {
        match (self.retry_after, other.retry_after) {
            (Some(_), None) => self,
            (None, Some(_)) => other,
            _ if other.remaining < self.remaining => other,
            _ => self,
        }
    }
}

/// Seconds until `cells` more cells have been replenished, after waiting `wait_nanos`.
fn refill_seconds(quota: &Quota, cells: u32, wait_nanos: u128) -> u64 {
    seconds_up(quota.replenish_interval().as_nanos() * u128::from(cells) + wait_nanos)
}

fn seconds_up(nanos: u128) -> u64 {
    u64::try_from(nanos.div_ceil(1_000_000_000)).unwrap_or(u64::MAX)
}

fn keyed<K: Hash + Eq + Clone>(per_minute: NonZeroU32) -> Limiter<K> {
    RateLimiter::keyed(Quota::per_minute(per_minute))
        .with_middleware::<StateInformationMiddleware>()
}

fn check<K: Hash + Eq + Clone>(limiter: &Limiter<K>, key: &K) -> Standing {
    if limiter.len() > TRACKED_KEYS_BEFORE_CLEANUP {
        limiter.retain_recent();
    }
    match limiter.check_key(key) {
        Ok(snapshot) => Standing::allowed(&snapshot),
        Err(not_until) => Standing::refused(&not_until),
    }
}

impl RateLimits {
    pub fn new(
        sessions_per_minute: NonZeroU32,
        api_per_minute: NonZeroU32,
        workspace_per_minute: NonZeroU32,
        trust_proxy: bool,
    ) -> Self {
        Self {
            sessions: keyed(sessions_per_minute),
            logins: RateLimiter::keyed(Quota::per_minute(sessions_per_minute)),
            callers: keyed(api_per_minute),
            workspaces: keyed(workspace_per_minute),
            trust_proxy,
        }
    }

    /// The client's address: the peer, or what a trusted proxy says the client was.
    fn client_ip(&self, req: &ServiceRequest) -> Option<IpAddr> {
        let info = req.connection_info();
        let address = if self.trust_proxy {
            info.realip_remote_addr()
        } else {
            info.peer_addr()
        }?;
        address
            .parse()
            .ok()
            .or_else(|| address.parse::<std::net::SocketAddr>().ok().map(|a| a.ip()))
    }

    /// A login attempt for `email`: as many per minute per account as per address, so that
    /// a password guessed from many addresses is slowed as much as from one.
    pub fn check_login(&self, email: &str) -> Result<(), ApiError> {
        if self.logins.len() > TRACKED_KEYS_BEFORE_CLEANUP {
            self.logins.retain_recent();
        }
        self.logins
            .check_key(&email.to_owned())
            .map_err(|not_until| {
                let seconds = not_until
                    .wait_time_from(DefaultClock::default().now())
                    .as_secs()
                    + 1;
                ApiError::rate_limited(
                    format!("too many login attempts for this account; retry in {seconds} s"),
                    seconds,
                )
            })
    }

    /// Counts the request against the limits that apply to it.
    fn count(&self, req: &ServiceRequest) -> Option<Standing> {
        let path = req.path();
        if path.starts_with("/v1/auth/") {
            return Some(check(&self.sessions, &self.client_ip(req)?));
        }
        if !path.starts_with("/v1/") {
            return None;
        }
        let Some(caller) = authenticated_caller(req.request()) else {
            let address = format!("address:{}", self.client_ip(req)?);
            return Some(check(&self.callers, &address));
        };
        let own = check(&self.callers, &caller.id);
        if own.retry_after.is_some() {
            return Some(own);
        }
        Some(own.tighter(check(&self.workspaces, &caller.workspace_id)))
    }
}

fn set_headers(response: &mut ServiceResponse<BoxBody>, standing: Standing) {
    let headers = response.headers_mut();
    for (name, value) in [
        (LIMIT, u64::from(standing.limit)),
        (REMAINING, u64::from(standing.remaining)),
        (RESET, standing.reset),
    ] {
        headers.insert(name, HeaderValue::from(value));
    }
}

pub async fn rate_limit(
    req: ServiceRequest,
    next: Next<BoxBody>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let standing = req
        .app_data::<web::Data<RateLimits>>()
        .and_then(|limits| limits.count(&req));
    let Some(standing) = standing else {
        return next.call(req).await;
    };
    let mut response = match standing.retry_after {
        None => next.call(req).await?,
        Some(seconds) => {
            let error =
                ApiError::rate_limited(format!("too many requests; retry in {seconds} s"), seconds);
            req.into_response(error.error_response())
        }
    };
    set_headers(&mut response, standing);
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(per_minute: u32) -> Limiter<&'static str> {
        keyed(NonZeroU32::new(per_minute).unwrap())
    }

    #[test]
    fn each_request_spends_one_and_the_refusal_says_when() {
        // 60 a minute: one cell a second.
        let limits = limiter(60);
        let first = check(&limits, &"a");
        assert_eq!(
            (first.limit, first.remaining, first.retry_after),
            (60, 59, None)
        );
        assert_eq!(first.reset, 1, "one spent cell comes back in a second");
        for _ in 0..59 {
            check(&limits, &"a");
        }
        let refused = check(&limits, &"a");
        assert_eq!((refused.remaining, refused.retry_after), (0, Some(1)));
        assert!((59..=60).contains(&refused.reset), "{}", refused.reset);
        assert_eq!(check(&limits, &"b").remaining, 59, "each key counts alone");
    }

    #[test]
    fn the_tighter_standing_is_the_refusal_or_the_fewer_left() {
        let roomy = Standing {
            limit: 100,
            remaining: 90,
            reset: 6,
            retry_after: None,
        };
        let tight = Standing {
            limit: 10,
            remaining: 2,
            reset: 48,
            retry_after: None,
        };
        let refused = Standing {
            limit: 100,
            remaining: 0,
            reset: 60,
            retry_after: Some(1),
        };
        assert_eq!(roomy.tighter(tight), tight);
        assert_eq!(tight.tighter(roomy), tight);
        assert_eq!(tight.tighter(refused), refused);
    }
}
