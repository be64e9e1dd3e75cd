//! Rate limits, answered with 429 and `Retry-After`: per client address on the session
//! endpoints (`/v1/auth/*`, where passwords are guessed), per user and workspace on the
//! rest of the API. Limits are kept in memory, so each instance counts on its own: behind a
//! load balancer with N instances a client gets up to N times the limit.

use std::net::IpAddr;
use std::num::NonZeroU32;

use actix_web::body::BoxBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{web, Error, ResponseError};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::auth::TokenKeys;
use crate::error::ApiError;

/// Forget idle clients once this many are tracked.
const TRACKED_KEYS_BEFORE_CLEANUP: usize = 10_000;

pub struct RateLimits {
    sessions: DefaultKeyedRateLimiter<IpAddr>,
    /// Login attempts per account, whatever the address.
    logins: DefaultKeyedRateLimiter<String>,
    api: DefaultKeyedRateLimiter<String>,
    trust_proxy: bool,
}

impl RateLimits {
    pub fn new(
        sessions_per_minute: NonZeroU32,
        api_per_minute: NonZeroU32,
        trust_proxy: bool,
    ) -> Self {
        Self {
            sessions: RateLimiter::keyed(Quota::per_minute(sessions_per_minute)),
            logins: RateLimiter::keyed(Quota::per_minute(sessions_per_minute)),
            api: RateLimiter::keyed(Quota::per_minute(api_per_minute)),
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
        cleanup(&self.logins);
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

    /// Seconds to wait before the request is allowed, if it is over the limit.
    fn wait_seconds(&self, req: &ServiceRequest) -> Option<u64> {
        let path = req.path();
        let verdict = if path.starts_with("/v1/auth/") {
            let ip = self.client_ip(req)?;
            cleanup(&self.sessions);
            self.sessions.check_key(&ip)
        } else if path.starts_with("/v1/") {
            let key = caller(req).or_else(|| self.client_ip(req).map(|ip| ip.to_string()))?;
            cleanup(&self.api);
            self.api.check_key(&key)
        } else {
            return None;
        };
        verdict.err().map(|not_until| {
            not_until
                .wait_time_from(DefaultClock::default().now())
                .as_secs()
                + 1
        })
    }
}

fn cleanup<K: std::hash::Hash + Eq + Clone>(limiter: &DefaultKeyedRateLimiter<K>) {
    if limiter.len() > TRACKED_KEYS_BEFORE_CLEANUP {
        limiter.retain_recent();
    }
}

/// The user and workspace of a valid bearer token.
fn caller(req: &ServiceRequest) -> Option<String> {
    let keys = req.app_data::<web::Data<TokenKeys>>()?;
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return None;
    }
    let claims = keys.verify_access_token(token.trim()).ok()?;
    Some(format!("{}/{}", claims.wid, claims.sub))
}

pub async fn rate_limit(
    req: ServiceRequest,
    next: Next<BoxBody>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let wait = req
        .app_data::<web::Data<RateLimits>>()
        .and_then(|limits| limits.wait_seconds(&req));
    let Some(seconds) = wait else {
        return next.call(req).await;
    };
    let error = ApiError::rate_limited(format!("too many requests; retry in {seconds} s"), seconds);
    Ok(req.into_response(error.error_response()))
}
