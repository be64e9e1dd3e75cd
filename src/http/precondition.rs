//! Optimistic concurrency: every resource carries a `version`; single-resource GETs send it
//! as a strong `ETag`, and PATCH/DELETE honour `If-Match` (412 when the version moved on).

use actix_web::dev::Payload;
use actix_web::http::header::{self, Header};
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse};

use crate::error::ApiError;

pub fn etag(version: i64) -> header::EntityTag {
    header::EntityTag::new_strong(version.to_string())
}

/// A single resource as JSON, with its version as the `ETag`.
pub fn with_etag(status: StatusCode, version: i64, body: impl serde::Serialize) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header(header::ETag(etag(version)))
        .json(body)
}

/// The `If-Match` header of a request, if any.
#[derive(Debug, Clone, Default)]
pub struct IfMatch(Option<header::IfMatch>);

impl IfMatch {
    /// Fails with 412 unless the header is absent, `*`, or names `current_version`.
    pub fn check(&self, current_version: i64) -> Result<(), ApiError> {
        let current = etag(current_version);
        match &self.0 {
            None | Some(header::IfMatch::Any) => Ok(()),
            Some(header::IfMatch::Items(tags)) if tags.iter().any(|tag| tag.strong_eq(&current)) => Ok(()),
            Some(_) => Err(ApiError::new(
                StatusCode::PRECONDITION_FAILED,
                "precondition_failed",
                format!("the resource has changed since you read it (its ETag is now {current}); read it again and retry"),
            )),
        }
    }
}

impl IfMatch {
    /// The precondition a version number states (a batch operation's `if_match`).
    pub fn version(version: Option<i64>) -> Self {
        IfMatch(version.map(|v| header::IfMatch::Items(vec![etag(v)])))
    }

    /// The answer when a version-guarded write found the row changed after `check`: with
    /// `If-Match` sent, the precondition failed (412); without, a concurrent edit won (409).
    pub fn lost_race(&self, resource: &str) -> ApiError {
        match &self.0 {
            Some(header::IfMatch::Items(_)) => ApiError::new(
                StatusCode::PRECONDITION_FAILED,
                "precondition_failed",
                format!("the {resource} changed while this request ran; read it again and retry"),
            ),
            _ => ApiError::concurrent_update(resource),
        }
    }
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let parsed = if req.headers().contains_key(header::IF_MATCH) {
            header::IfMatch::parse(req)
                .map(|value| IfMatch(Some(value)))
                .map_err(|_| {
                    ApiError::bad_request(
                        "invalid_if_match",
                        "If-Match must be `*` or a list of quoted ETags",
                    )
                })
        } else {
            Ok(IfMatch(None))
        };
        std::future::ready(parsed)
    }
}
