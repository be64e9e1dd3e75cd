//! Around routing: requests normalised before it (a trailing slash, HEAD), and what
//! answers when no route does — 405 with `Allow` when the path exists under another
//! method, 404 otherwise, and any bare framework error — as problem+json. The route table
//! is read from the OpenAPI document, so it can never disagree with the routes it describes.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, Error, HttpRequest, ResponseError};

use crate::error::ApiError;

/// Path templates (`/v1/contacts/{id}`) and the methods each accepts.
pub struct RouteTable {
    routes: Vec<(Vec<String>, Vec<String>)>,
}

impl RouteTable {
    pub fn from_openapi(doc: &utoipa::openapi::OpenApi) -> Self {
        let routes = doc
            .paths
            .paths
            .iter()
            .map(|(template, item)| {
                let segments = template
                    .trim_matches('/')
                    .split('/')
                    .map(str::to_owned)
                    .collect();
                let methods = [
                    ("GET", item.get.is_some()),
                    ("PUT", item.put.is_some()),
                    ("POST", item.post.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ]
                .into_iter()
                .filter(|(_, present)| *present)
                .map(|(method, _)| method.to_owned())
                .collect();
                (segments, methods)
            })
            .collect();
        Self { routes }
    }

    /// The methods of the route a path names: one written out exactly as the path
    /// (`/v1/contacts/batch`) before any whose parameters it would fill (`/v1/contacts/{id}`).
    fn allowed_methods(&self, path: &str) -> Option<String> {
        self.literal_methods(path).or_else(|| {
            self.methods_where(path, |t, s| {
                t == s || (t.starts_with('{') && t.ends_with('}') && !s.is_empty())
            })
        })
    }

    /// The methods of a route written exactly as `path` (`/v1/contacts/batch`, not
    /// `/v1/contacts/{id}`).
    fn literal_methods(&self, path: &str) -> Option<String> {
        self.methods_where(path, |t, s| t == s)
    }

    fn methods_where(&self, path: &str, fits: impl Fn(&str, &str) -> bool) -> Option<String> {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        let mut allowed: Vec<&str> = self
            .routes
            .iter()
            .filter(|(template, _)| {
                template.len() == segments.len()
                    && template.iter().zip(&segments).all(|(t, s)| fits(t, s))
            })
            .flat_map(|(_, methods)| methods.iter().map(String::as_str))
            .collect();
        if allowed.is_empty() {
            return None;
        }
        allowed.sort_unstable();
        allowed.dedup();
        Some(allowed.join(", "))
    }
}

pub async fn no_route(
    req: HttpRequest,
    routes: web::Data<RouteTable>,
) -> Result<actix_web::HttpResponse, ApiError> {
    Err(match routes.allowed_methods(req.path()) {
        Some(allow) => ApiError::method_not_allowed(allow),
        None => ApiError::not_found(format!("there is no resource at {}", req.path())),
    })
}

/// Before routing: a trailing slash on an API path names the same resource
/// (`/v1/contacts/` is `/v1/contacts`), and HEAD is answered wherever GET is, without the
/// body (uptime probes send HEAD).
pub async fn normalize_request(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let path = req.path();
    if path.starts_with("/v1/") && path.len() > "/v1/".len() && path.ends_with('/') {
        let trimmed = path.trim_end_matches('/').to_owned();
        let with_query = match req.query_string() {
            "" => trimmed,
            query => format!("{trimmed}?{query}"),
        };
        let mut parts = req.head().uri.clone().into_parts();
        if let Ok(path_and_query) = with_query.parse() {
            parts.path_and_query = Some(path_and_query);
            if let Ok(uri) = actix_web::http::Uri::from_parts(parts) {
                req.match_info_mut().get_mut().update(&uri);
                req.head_mut().uri = uri;
            }
        }
    }
    let head = req.method() == Method::HEAD;
    if head {
        req.head_mut().method = Method::GET;
    }
    let response = next.call(req).await?.map_into_boxed_body();
    if !head {
        return Ok(response);
    }
    Ok(response.map_body(|_, _| BoxBody::new(())))
}

/// An error answered without a body by something other than our handlers (the docs UI's
/// unknown files, a framework extractor) becomes a problem too: every error the service
/// sends is problem+json.
pub async fn problem_for_bare_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let response = next.call(req).await?.map_into_boxed_body();
    let status = response.status();
    let bare = (status.is_client_error() || status.is_server_error())
        && !response.headers().contains_key(header::CONTENT_TYPE);
    if !bare {
        return Ok(response);
    }
    let (request, _) = response.into_parts();
    let error = match status {
        StatusCode::NOT_FOUND => {
            ApiError::not_found(format!("there is no resource at {}", request.path()))
        }
        StatusCode::BAD_REQUEST => ApiError::bad_request("bad_request", "the request is malformed"),
        other => ApiError::new(
            other,
            "http_error",
            other.canonical_reason().unwrap_or("the request failed"),
        ),
    };
    Ok(ServiceResponse::new(request, error.error_response()))
}

/// A path parameter that does not parse (an id that is not a UUID) names nothing that exists,
/// unless the path is another route's, written out, that lacks this method
/// (`PATCH /v1/contacts/batch`, taken for `/v1/contacts/{id}`): that is a 405.
pub fn path_error(error: actix_web::error::PathError, req: &HttpRequest) -> actix_web::Error {
    tracing::debug!(%error, "unparseable path parameter");
    let literal = req
        .app_data::<web::Data<RouteTable>>()
        .and_then(|routes| routes.literal_methods(req.path()));
    match literal {
        Some(allow) => ApiError::method_not_allowed(allow).into(),
        None => ApiError::not_found(format!("there is no resource at {}", req.path())).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_templates_segment_by_segment() {
        let table = RouteTable {
            routes: vec![
                (
                    vec!["v1".into(), "contacts".into()],
                    vec!["GET".into(), "POST".into()],
                ),
                (
                    vec!["v1".into(), "contacts".into(), "{id}".into()],
                    vec!["GET".into(), "DELETE".into()],
                ),
            ],
        };
        assert_eq!(
            table.allowed_methods("/v1/contacts").as_deref(),
            Some("GET, POST")
        );
        assert_eq!(
            table.allowed_methods("/v1/contacts/abc").as_deref(),
            Some("DELETE, GET")
        );
        assert_eq!(table.allowed_methods("/v1/contacts/abc/x"), None);
        assert_eq!(
            table.literal_methods("/v1/contacts").as_deref(),
            Some("GET, POST")
        );
        assert_eq!(table.literal_methods("/v1/contacts/abc"), None);
        let with_batch = RouteTable {
            routes: [
                table.routes.clone(),
                vec![(
                    vec!["v1".into(), "contacts".into(), "batch".into()],
                    vec!["POST".into()],
                )],
            ]
            .concat(),
        };
        assert_eq!(
            with_batch.allowed_methods("/v1/contacts/batch").as_deref(),
            Some("POST"),
            "the route written out, not the one with an id"
        );
        assert_eq!(table.allowed_methods("/v2/contacts"), None);
    }
}
