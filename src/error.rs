//! The one error type of the API, rendered as RFC 9457 `application/problem+json`.

use std::fmt;

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::observe::current_request_id;

/// What went wrong with one field of the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// JSON pointer to the offending value (`/emails/1`), or the name of the query or
    /// path parameter (`limit`).
    #[schema(example = "/trust")]
    pub pointer: String,
    #[schema(example = "must be an integer from 1 to 5")]
    pub detail: String,
}

impl FieldError {
    pub fn new(pointer: impl Into<String>, detail: impl Into<String>) -> Self {
        Self {
            pointer: pointer.into(),
            detail: detail.into(),
        }
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "/problems/validation_failed",
    "title": "Unprocessable Entity",
    "status": 422,
    "detail": "the request body has 1 invalid field",
    "code": "validation_failed",
    "errors": [{"pointer": "/trust", "detail": "must be an integer from 1 to 5"}],
    "request_id": "0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57"
}))]
pub struct Problem {
    /// A URI reference naming the kind of problem; stable, one per `code`.
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable machine-readable code, e.g. `validation_failed`, `not_found`.
    pub code: String,
    /// Field-level errors; empty unless the problem is about specific fields.
    pub errors: Vec<FieldError>,
    /// The id of the request, also sent as the `x-request-id` header; quote it in support requests.
    pub request_id: String,
}

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    detail: String,
    errors: Vec<FieldError>,
    allow: Option<String>,
    /// Seconds after which a retry may succeed (`Retry-After`, on 429 and 503).
    retry_after: Option<u64>,
    source: Option<anyhow::Error>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            status,
            code,
            detail: detail.into(),
            errors: Vec::new(),
            allow: None,
            retry_after: None,
            source: None,
        }
    }

    /// One or more fields of the request are invalid (422).
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = match errors.as_slice() {
            [only] => format!("`{}` {}", only.pointer, only.detail),
            many => format!("the request has {} invalid fields", many.len()),
        };
        Self {
            errors,
            ..Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                detail,
            )
        }
    }

    /// The same error about a document nested at `prefix` in the request (its field
    /// pointers and detail name the nested place).
    pub fn under(mut self, prefix: &str) -> Self {
        for error in &mut self.errors {
            error.pointer = format!("{prefix}{}", error.pointer);
        }
        match self.errors.as_slice() {
            [only] if self.code == "validation_failed" => {
                self.detail = format!("`{}` {}", only.pointer, only.detail);
            }
            _ => {}
        }
        self
    }

    /// The same error about one item of a request (a batch's operation), named in front.
    pub fn about(mut self, item: &str) -> Self {
        self.detail = format!("{item}: {}", self.detail);
        self
    }

    pub fn invalid_field(pointer: impl Into<String>, detail: impl Into<String>) -> Self {
        Self::validation(vec![FieldError::new(pointer, detail)])
    }

    /// A domain rule refused the request (422 with the rule's own code).
    pub fn rule(code: &'static str, pointer: impl Into<String>, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        Self {
            errors: vec![FieldError::new(pointer, detail.clone())],
            ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, detail)
        }
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, detail)
    }

    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", detail)
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", detail)
    }

    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", detail)
    }

    pub fn conflict(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, detail)
    }

    /// A version-guarded write found the row changed by someone else in the meantime.
    pub fn concurrent_update(resource: &str) -> Self {
        Self::conflict(
            "concurrent_update",
            format!("the {resource} changed while this request ran; retry"),
        )
    }

    /// Too many requests from this caller (429): retry after `seconds`.
    pub fn rate_limited(detail: impl Into<String>, seconds: u64) -> Self {
        Self {
            retry_after: Some(seconds),
            ..Self::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", detail)
        }
    }

    /// The service cannot take this request now (503): retry after `seconds`.
    pub fn unavailable(code: &'static str, detail: impl Into<String>, seconds: u64) -> Self {
        Self {
            retry_after: Some(seconds),
            ..Self::new(StatusCode::SERVICE_UNAVAILABLE, code, detail)
        }
    }

    /// The database cannot be reached, or did not answer in time (503, retry in a second).
    pub fn database_unavailable() -> Self {
        Self::unavailable(
            "database_unavailable",
            "the database is unavailable or busy right now; retry in a moment",
            1,
        )
    }

    pub fn method_not_allowed(allow: String) -> Self {
        Self {
            allow: Some(allow.clone()),
            ..Self::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                format!("this resource allows {allow}"),
            )
        }
    }

    pub fn internal(source: impl Into<anyhow::Error>) -> Self {
        Self {
            source: Some(source.into()),
            ..Self::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal_error",
                "an unexpected error occurred; it has been logged",
            )
        }
    }

    pub fn code(&self) -> &'static str {
        self.code
    }

    pub fn detail(&self) -> &str {
        &self.detail
    }

    pub fn field_errors(&self) -> &[FieldError] {
        &self.errors
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The problem document this error is rendered as.
    pub fn problem(&self) -> Problem {
        Problem {
            problem_type: format!("/problems/{}", self.code),
            title: self.status.canonical_reason().unwrap_or("Error").to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code.to_owned(),
            errors: self.errors.clone(),
            request_id: current_request_id(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.detail)
    }
}

impl std::error::Error for ApiError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|source| source.as_ref() as &(dyn std::error::Error + 'static))
    }
}

impl From<diesel::result::Error> for ApiError {
    /// A database that is gone, cut off, too slow or locked is "unavailable, try again"
    /// (503 with `Retry-After`), logged with its cause; anything else is a bug (500).
    fn from(error: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        let unavailable = match &error {
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => true,
            Error::DatabaseError(_, info) => {
                let message = info.message();
                [
                    "database is locked",
                    "database is busy",
                    "terminating connection",
                    "server closed the connection",
                    "no connection to the server",
                    "could not receive data",
                    "could not send data",
                    "canceling statement due to statement timeout",
                    "connection to server",
                ]
                .iter()
                .any(|sign| message.contains(sign))
            }
            Error::BrokenTransactionManager => true,
            _ => false,
        };
        if unavailable {
            tracing::warn!(%error, "the database is unavailable");
            return Self::database_unavailable();
        }
        Self::internal(error)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        if let Some(source) = &self.source {
            tracing::error!(error = ?source, "request failed");
        }
        let problem = self.problem();
        let mut response = HttpResponse::build(self.status);
        response.content_type("application/problem+json");
        if self.status == StatusCode::UNAUTHORIZED {
            response.insert_header((
                header::WWW_AUTHENTICATE,
                format!(
                    "Bearer realm=\"rapport\", error=\"invalid_token\", error_description=\"{}\"",
                    self.detail.replace('"', "'")
                ),
            ));
        }
        if let Some(allow) = &self.allow {
            response.insert_header((header::ALLOW, allow.as_str()));
        }
        if let Some(seconds) = self.retry_after {
            response.insert_header((header::RETRY_AFTER, seconds));
        }
        response.json(problem)
    }
}
