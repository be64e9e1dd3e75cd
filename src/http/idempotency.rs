//! `Idempotency-Key` on POST: a retry gets the first response; the same key with another
//! request is refused (422); a retry that arrives while the first is still being served
//! is told to wait (409).
//!
//! The session endpoints (`/v1/auth/*`) are exempt: their responses carry tokens, which
//! are never stored, and a replayed refresh must meet reuse detection. A stored response
//! is replayed only to the caller who made it (the same person, or the same API key),
//! while they are still a member of its workspace.
//!
//! Keys are scoped to a workspace and remembered for 24 hours. Crash-safe: every
//! transaction the request commits marks the key's claim as carried out, in that same
//! transaction (`db::IDEMPOTENT_REQUEST`). A claim left without a response for
//! `ABANDONED_AFTER` is taken to be its holder's death:
//! - if its write committed, a retry learns that the request was carried out (409
//!   `idempotency_response_lost`) and nothing is written twice;
//! - if not, a retry takes the key over and runs. Should the first holder be alive after
//!   all, its commit finds the claim no longer its own and is undone, so the write is
//!   still done once.

use actix_web::body::{self, BoxBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::web;
use actix_web::{Error, HttpMessage, HttpResponse};
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::auth::principal::authenticated_caller;
use crate::db::schema::idempotency_keys;
use crate::db::{is_unique_violation, Db, DbConn, IdempotencyClaim, IDEMPOTENT_REQUEST};
use crate::error::ApiError;
use crate::http::extract::{body_bytes, FileBodyLimit};
use crate::time::db_now;

pub const IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");
pub const REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");
const REMEMBERED_FOR: Duration = Duration::hours(24);
/// As long as one write may take (`db::MAX_WRITE`): a claim older than that with nothing
/// committed is almost surely its holder's death, and taking it over is safe either way.
const ABANDONED_AFTER: Duration = Duration::seconds(30);

/// The largest body fingerprinted when the app names no `FileBodyLimit` (the default of
/// `RAPPORT_IMPORT_MAX_BYTES`).
const MAX_FINGERPRINTED_BODY: usize = 64 * 1024 * 1024;
/// Response headers worth replaying; the rest are per-response (date, request id).
const KEPT_HEADERS: [HeaderName; 3] = [header::CONTENT_TYPE, header::ETAG, header::LOCATION];

/// Checks a key: 1 to 255 visible ASCII characters.
fn parse_key(value: &HeaderValue) -> Result<String, ApiError> {
    value
        .to_str()
        .ok()
        .filter(|key| (1..=255).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_owned)
        .ok_or_else(|| {
            ApiError::bad_request(
                "invalid_idempotency_key",
                "Idempotency-Key must be 1 to 255 visible ASCII characters",
            )
        })
}

/// What the first request with this key left behind.
enum Claim {
    /// Ours, made at that time: serve the request, then record its response.
    Fresh(NaiveDateTime),
    Replay {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    InFlight,
    OtherRequest,
    /// Carried out, but its response was never stored.
    ResponseLost,
}

fn claim(
    conn: &mut DbConn,
    workspace_id: &str,
    key: &str,
    fingerprint: &str,
    now: NaiveDateTime,
) -> Result<Claim, ApiError> {
    type Row = (
        String,
        Option<i32>,
        Option<String>,
        Option<Vec<u8>>,
        NaiveDateTime,
        Option<NaiveDateTime>,
    );
    let existing = idempotency_keys::table
        .find((workspace_id, key))
        .select((
            idempotency_keys::fingerprint,
            idempotency_keys::status_code,
            idempotency_keys::response_headers,
            idempotency_keys::response_body,
            idempotency_keys::created_at,
            idempotency_keys::committed_at,
        ))
        .first::<Row>(conn)
        .optional()?;
    if let Some((stored_fingerprint, status, headers, body, created_at, committed_at)) = existing {
        let expired = created_at < now - REMEMBERED_FOR;
        // Nothing was written under a claim whose holder died before committing.
        let abandoned =
            status.is_none() && committed_at.is_none() && created_at < now - ABANDONED_AFTER;
        if !expired && !abandoned {
            return Ok(match status {
                _ if stored_fingerprint != fingerprint => Claim::OtherRequest,
                None if committed_at.is_some() && created_at < now - ABANDONED_AFTER => {
                    Claim::ResponseLost
                }
                None => Claim::InFlight,
                Some(status) => Claim::Replay {
                    status: status as u16,
                    headers: headers
                        .and_then(|h| serde_json::from_str(&h).ok())
                        .unwrap_or_default(),
                    body: body.unwrap_or_default(),
                },
            });
        }
        // Only the claim just read, and only if it is still without a committed write:
        // its holder may have committed since.
        let mut stale = diesel::delete(idempotency_keys::table.find((workspace_id, key)))
            .filter(idempotency_keys::created_at.eq(created_at))
            .into_boxed();
        if !expired {
            stale = stale.filter(idempotency_keys::committed_at.is_null());
        }
        if stale.execute(conn)? == 0 {
            return Ok(Claim::InFlight);
        }
    }
    let inserted = diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::workspace_id.eq(workspace_id),
            idempotency_keys::idempotency_key.eq(key),
            idempotency_keys::fingerprint.eq(fingerprint),
            idempotency_keys::created_at.eq(now),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(Claim::Fresh(now)),
        // Another instance claimed it between our read and our insert.
        Err(e) if is_unique_violation(&e) => Ok(Claim::InFlight),
        Err(e) => Err(e.into()),
    }
}

fn record(
    conn: &mut DbConn,
    claim: &IdempotencyClaim,
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
) -> Result<(), ApiError> {
    diesel::update(idempotency_keys::table.find((&claim.workspace_id, &claim.key)))
        .filter(idempotency_keys::created_at.eq(claim.claimed_at))
        .set((
            idempotency_keys::status_code.eq(Some(status as i32)),
            idempotency_keys::response_headers.eq(Some(
                serde_json::to_string(headers).map_err(ApiError::internal)?,
            )),
            idempotency_keys::response_body.eq(Some(body)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Frees the key for a retry, unless the request's write committed: that one must never
/// run twice, and its retries learn that it was carried out.
fn release(conn: &mut DbConn, claim: &IdempotencyClaim) -> Result<(), ApiError> {
    diesel::delete(
        idempotency_keys::table
            .find((&claim.workspace_id, &claim.key))
            .filter(idempotency_keys::created_at.eq(claim.claimed_at))
            .filter(idempotency_keys::committed_at.is_null()),
    )
    .execute(conn)?;
    Ok(())
}

pub async fn idempotency(
    mut req: ServiceRequest,
    next: Next<BoxBody>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let guarded = req.method() == Method::POST
        && req.headers().contains_key(&IDEMPOTENCY_KEY)
        && !req.path().starts_with("/v1/auth/");
    // Requests without valid credentials pass through untouched; the handler refuses them.
    let caller = if guarded {
        authenticated_caller(req.request())
    } else {
        None
    };
    let (Some(caller), Some(db)) = (caller, req.app_data::<web::Data<Db>>().cloned()) else {
        return next.call(req).await;
    };
    let parsed = req.headers().get(&IDEMPOTENCY_KEY).map(parse_key);
    let key = match parsed {
        Some(Ok(key)) => key,
        Some(Err(error)) => return Ok(req.error_response(error)),
        None => return next.call(req).await,
    };
    // Read whole up to the largest body any route takes (a file): the handler's own
    // extractor then enforces its route's limit on the body put back. A body cut short
    // here must not reach the handler as if it were whole.
    let limit = req
        .app_data::<web::Data<FileBodyLimit>>()
        .map_or(MAX_FINGERPRINTED_BODY, |limit| limit.0);
    let body = match body_bytes(req.take_payload(), limit).await {
        Ok(body) => body,
        Err(error) => return Ok(req.error_response(error)),
    };
    let fingerprint = {
        let mut hasher = Sha256::new();
        for part in [
            caller.id.as_bytes(),
            req.method().as_str().as_bytes(),
            req.uri().to_string().as_bytes(),
            &body,
        ] {
            hasher.update((part.len() as u64).to_be_bytes());
            hasher.update(part);
        }
        format!("{:x}", hasher.finalize())
    };
    req.set_payload(actix_web::dev::Payload::from(body));

    let workspace_id = caller.workspace_id;
    let (ws, k) = (workspace_id.clone(), key.clone());
    let claimed = db
        .transaction(move |conn| claim(conn, &ws, &k, &fingerprint, db_now()))
        .await;
    match claimed {
        Err(error) => Ok(req.error_response(error)),
        Ok(Claim::OtherRequest) => Ok(req.error_response(ApiError::rule(
            "idempotency_key_reused",
            "Idempotency-Key",
            "this Idempotency-Key was already used for a different request; use a new key for a new request",
        ))),
        Ok(Claim::InFlight) => Ok(req.error_response(ApiError::conflict(
            "idempotency_key_in_flight",
            "a request with this Idempotency-Key is still being served; retry in a moment",
        ))),
        Ok(Claim::ResponseLost) => Ok(req.error_response(ApiError::conflict(
            "idempotency_response_lost",
            "the request with this Idempotency-Key was carried out, but its response was lost; read the resource to see it (it will not be done twice)",
        ))),
        Ok(Claim::Replay { status, headers, body }) => {
            let mut response = HttpResponse::build(StatusCode::from_u16(status).unwrap_or(StatusCode::OK));
            for (name, value) in headers {
                response.insert_header((name, value));
            }
            response.insert_header((REPLAYED, "true"));
            Ok(req.into_response(response.body(body)))
        }
        Ok(Claim::Fresh(claimed_at)) => {
            let claim = IdempotencyClaim {
                workspace_id,
                key,
                claimed_at,
            };
            let response = IDEMPOTENT_REQUEST.scope(claim.clone(), next.call(req)).await?;
            let (request, response) = response.into_parts();
            let status = response.status();
            let (head, body) = response.into_parts();
            let bytes = body::to_bytes(body).await.map_err(|e| ApiError::internal(anyhow::anyhow!("{e}")))?;
            let kept: Vec<(String, String)> = KEPT_HEADERS
                .iter()
                .filter_map(|name| Some((name.to_string(), head.headers().get(name)?.to_str().ok()?.to_owned())))
                .collect();
            let stored = bytes.clone();
            // A server error is not an answer worth repeating: free the key for a retry.
            let outcome = db
                .run(move |conn| {
                    if status.is_server_error() {
                        release(conn, &claim)
                    } else {
                        record(conn, &claim, status.as_u16(), &kept, &stored)
                    }
                })
                .await;
            if let Err(error) = outcome {
                tracing::error!(%error, "could not record the idempotent response");
            }
            Ok(ServiceResponse::new(request, head.set_body(bytes).map_into_boxed_body()))
        }
    }
}
