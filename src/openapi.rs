//! The OpenAPI document: operations are collected from the handlers as they are mounted
//! (so the document cannot forget a route), then the error responses every operation
//! shares are added here in one place.

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{Operation, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi as OpenApiDoc, Ref, ResponseBuilder};
use utoipa::openapi::{RefOr, Required, Response};
use utoipa::{Modify, OpenApi};

use crate::contacts::export::ExportFormat;
use crate::error::{FieldError, Problem};
use crate::imports::handlers::ErrorsFormat;
use crate::imports::jobs::OnMatch;
use crate::referrals::insights::FunnelGrouping;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Rapport API",
        description = "Referral selling: keep relationships warm, ask for referrals the right way, and follow each introduction to money.\n\nAuthenticate with `Authorization: Bearer <token>`: a person's access token from `POST /v1/auth/login`, or an API key (`rk_…`) made with `POST /v1/api-keys` for an integration. Every `/v1` response tells the rate limit that binds it in `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`. Errors are RFC 9457 problem documents. Lists are cursor-paginated.",
        license(name = "MIT OR Apache-2.0"),
    ),
    modifiers(&BearerAuth),
    security(("bearer" = []), ("api_key" = [])),
    // Schemas no response or request body names: operations' parameters refer to them.
    components(schemas(Problem, FieldError, FunnelGrouping, OnMatch, ErrorsFormat, ExportFormat)),
    tags(
        (name = "auth", description = "Accounts and sessions"),
        (name = "workspaces", description = "The team and its members"),
        (name = "contacts", description = "The people in the network"),
        (name = "interactions", description = "Every touch with the network"),
        (name = "nurture", description = "Whom to touch, and when"),
        (name = "referrals", description = "Asking for referrals the right way"),
        (name = "insights", description = "What the network's history says"),
        (name = "network", description = "Who knows whom: connections, warm paths, diversity"),
        (name = "sync", description = "Keeping another system in step: the change feed"),
        (name = "imports", description = "Bringing a network in from CSV exports and vCards"),
        (name = "webhooks", description = "Events pushed to your endpoints as they happen, signed per the Standard Webhooks specification"),
        (name = "operations", description = "Health, readiness and metrics"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "A person's access token from `POST /v1/auth/login` or `/v1/auth/register`: everything their role allows.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("rk_…")
                    .description(Some(
                        "An API key from `POST /v1/api-keys`, sent as a bearer token: it acts as the member who made it, \
                         limited to its scopes (`read`; `write` to change the network; `admin` for members, invitations, \
                         settings and keys). Not accepted on `/v1/auth/*`, `/v1/me` nor on your own invitations.",
                    ))
                    .build(),
            ),
        );
    }
}

/// Adds what follows from an operation's shape: every operation can fail; one with a body
/// can be malformed, too large or of the wrong type; an authenticated one can be refused;
/// one with a path id can name nothing; an authenticated POST takes an `Idempotency-Key`.
pub fn add_shared_conventions(openapi: &mut OpenApiDoc) {
    openapi.servers = Some(vec![utoipa::openapi::Server::new("/")]);
    reference_inline_copies(openapi);
    require_sent_fields(openapi);
    for (path, item) in openapi.paths.paths.iter_mut() {
        let has_path_id = path.contains('{');
        let is_api = path.starts_with("/v1/");
        let operations = [
            (&mut item.get, false),
            (&mut item.post, true),
            (&mut item.put, true),
            (&mut item.patch, true),
            (&mut item.delete, true),
        ];
        for (operation, writes) in operations {
            if let Some(operation) = operation.as_mut() {
                add_errors(operation, is_api, has_path_id, writes);
            }
        }
        if let Some(post) = item.post.as_mut().filter(|post| !is_public(post)) {
            add_idempotency_key(post);
        }
        if item.get.as_ref().is_some_and(sends_etag) {
            for operation in [&mut item.put, &mut item.patch, &mut item.delete] {
                if let Some(operation) = operation.as_mut() {
                    add_version_guard(operation);
                }
            }
        }
        if let Some(list) = item.get.as_mut().filter(|get| syncs_by_time(get)) {
            add_watermark(list);
        }
    }
}

fn syncs_by_time(operation: &Operation) -> bool {
    operation
        .parameters
        .iter()
        .flatten()
        .any(|parameter| parameter.name == "updated_since")
}

fn add_watermark(operation: &mut Operation) {
    if let Some(RefOr::T(ok)) = operation.responses.responses.get_mut("200") {
        ok.headers.insert(
            crate::http::resource::WATERMARK_HEADER.to_owned(),
            HeaderBuilder::new()
                .schema(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime))),
                )
                .description(Some(
                    "What to send as `updated_since` next time to see every change after this \
                     read: it trails the read by a minute, so a few rows may come again (compare \
                     `version`). `GET /v1/changes` has no such overlap.",
                ))
                .build(),
        );
    }
}

/// A response always sends every field of its schemas (null where there is nothing), so
/// each field of a schema that only responses use is required: generated clients then type
/// it as present (and nullable where it can be null) rather than as maybe-missing. Schemas
/// that requests use keep their optional fields optional.
fn require_sent_fields(openapi: &mut OpenApiDoc) {
    let Ok(mut document) = serde_json::to_value(&*openapi) else {
        return;
    };
    let mut in_requests = std::collections::BTreeSet::new();
    let mut pending: Vec<String> = Vec::new();
    if let Some(paths) = document["paths"].as_object() {
        for item in paths.values() {
            for operation in item.as_object().into_iter().flat_map(|o| o.values()) {
                refs_in(&operation["requestBody"], &mut pending);
                refs_in(&operation["parameters"], &mut pending);
            }
        }
    }
    while let Some(name) = pending.pop() {
        if in_requests.insert(name.clone()) {
            refs_in(&document["components"]["schemas"][&name], &mut pending);
        }
    }
    if let Some(schemas) = document["components"]["schemas"].as_object_mut() {
        for (name, schema) in schemas.iter_mut() {
            if in_requests.contains(name) {
                continue;
            }
            let Some(properties) = schema["properties"].as_object() else {
                continue;
            };
            let every: Vec<serde_json::Value> = properties
                .keys()
                .cloned()
                .map(serde_json::Value::String)
                .collect();
            schema["required"] = serde_json::Value::Array(every);
        }
    }
    if let Ok(required) = serde_json::from_value(document) {
        *openapi = required;
    }
}

/// A schema written out in place where a named one says the same (a list page's items, a
/// bounded list's: an `ExternalIds` array of `ExternalId` objects) becomes a reference to
/// it, so that generated clients do not make a second type (`PageContactDataItem`,
/// `ExternalIdsItem`) beside the first.
/// Only schemas with properties or an enum count: two plain strings alike are no match.
fn reference_inline_copies(openapi: &mut OpenApiDoc) {
    let Ok(mut document) = serde_json::to_value(&*openapi) else {
        return;
    };
    let named: Vec<(String, serde_json::Value)> = document["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(_, schema)| schema.get("properties").is_some() || schema.get("enum").is_some())
        .map(|(name, schema)| (name.clone(), schema.clone()))
        .collect();
    fn replace(value: &mut serde_json::Value, named: &[(String, serde_json::Value)]) {
        if let Some((name, _)) = named.iter().find(|(_, schema)| schema == value) {
            *value = serde_json::json!({"$ref": format!("#/components/schemas/{name}")});
            return;
        }
        match value {
            // utoipa reads `propertyNames` as a schema, never a reference; examples are data.
            serde_json::Value::Object(map) => map
                .iter_mut()
                .filter(|(key, _)| {
                    !matches!(key.as_str(), "propertyNames" | "example" | "examples")
                })
                .for_each(|(_, inner)| replace(inner, named)),
            serde_json::Value::Array(items) => {
                items.iter_mut().for_each(|item| replace(item, named))
            }
            _ => {}
        }
    }
    if let Some(schemas) = document["components"]["schemas"].as_object_mut() {
        // Within each schema, not the schema itself (which would refer to itself).
        for schema in schemas.values_mut() {
            if let Some(map) = schema.as_object_mut() {
                map.values_mut().for_each(|inner| replace(inner, &named));
            }
        }
    }
    replace(&mut document["paths"], &named);
    if let Ok(referenced) = serde_json::from_value(document) {
        *openapi = referenced;
    }
}

/// The names of the component schemas a part of the document refers to.
fn refs_in(value: &serde_json::Value, found: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, inner) in map {
                match (key.as_str(), inner.as_str()) {
                    ("$ref", Some(target)) => {
                        if let Some(name) = target.strip_prefix("#/components/schemas/") {
                            found.push(name.to_owned());
                        }
                    }
                    _ => refs_in(inner, found),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| refs_in(item, found)),
        _ => {}
    }
}

/// Whether an operation's success carries an `ETag`: the mark of a versioned resource.
fn sends_etag(operation: &Operation) -> bool {
    operation
        .responses
        .responses
        .iter()
        .any(|(status, response)| {
            status.starts_with('2')
                && matches!(response, RefOr::T(response) if response.headers.contains_key("ETag"))
        })
}

/// A write to a versioned resource: `If-Match` guards it, a lost race is a 409 or 412, and
/// what it answers carries the new version.
fn add_version_guard(operation: &mut Operation) {
    let parameter = ParameterBuilder::new()
        .name("If-Match")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(
            "The ETag you read: the write fails with 412 if the resource changed since. Without it, \
             a write that loses a race with another gets 409 `concurrent_update`.",
        ))
        .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
        .build();
    let parameters = operation.parameters.get_or_insert_with(Vec::new);
    if !parameters.iter().any(|p| p.name == "If-Match") {
        parameters.push(parameter);
    }
    let responses = &mut operation.responses.responses;
    responses.entry("409".to_owned()).or_insert_with(|| {
        problem_response("`concurrent_update`: another write changed it while this one ran")
    });
    responses.entry("412".to_owned()).or_insert_with(|| {
        problem_response("`precondition_failed`: it changed since the ETag in `If-Match`")
    });
    for (status, response) in responses.iter_mut() {
        if let (true, RefOr::T(response)) = (status.starts_with('2'), response) {
            if response.content.is_empty() {
                continue;
            }
            response
                .headers
                .entry("ETag".to_owned())
                .or_insert_with(|| {
                    HeaderBuilder::new()
                        .schema(ObjectBuilder::new().schema_type(Type::String))
                        .description(Some("The new version"))
                        .build()
                });
        }
    }
}

fn is_public(operation: &Operation) -> bool {
    operation
        .security
        .as_ref()
        .is_some_and(|requirements| requirements.is_empty())
}

fn problem_response(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
        .into()
}

fn add_idempotency_key(operation: &mut Operation) {
    let parameter = ParameterBuilder::new()
        .name("Idempotency-Key")
        .parameter_in(ParameterIn::Header)
        .required(Required::False)
        .description(Some(
            "Makes a retry safe: a request repeated with the same key within 24 hours gets the first response \
             (with `Idempotent-Replayed: true`) and changes nothing; the same key with a different request is a 422. \
             If the server stopped while serving the first request, a retry 30 seconds after it began either runs \
             (nothing was written) or gets 409 `idempotency_response_lost` (it was carried out, its response lost); \
             nothing is done twice.",
        ))
        .schema(Some(
            ObjectBuilder::new().schema_type(Type::String).min_length(Some(1)).max_length(Some(255)).pattern(Some("^[!-~]+$")),
        ))
        .build();
    operation
        .parameters
        .get_or_insert_with(Vec::new)
        .push(parameter);
    let responses = &mut operation.responses.responses;
    responses.entry("409".to_owned()).or_insert_with(|| {
        problem_response(
            "`idempotency_key_in_flight`: a request with the same Idempotency-Key is still being served; \
             `idempotency_response_lost`: it was carried out, but its response was lost; \
             `idempotency_key_superseded`: a retry with the same key took this request over (the retry's response counts)",
        )
    });
    responses
        .entry("400".to_owned())
        .or_insert_with(|| problem_response("Malformed request"));
    responses.entry("422".to_owned()).or_insert_with(|| {
        problem_response(
            "`idempotency_key_reused`: the Idempotency-Key was used for a different request",
        )
    });
}

fn add_errors(operation: &mut Operation, is_api: bool, has_path_id: bool, writes: bool) {
    let public = is_public(operation);
    let has_body = operation.request_body.is_some();
    let has_query = operation.parameters.as_ref().is_some_and(|parameters| {
        parameters
            .iter()
            .any(|p| matches!(p.parameter_in, ParameterIn::Query))
    });
    let mut add = |status: &str, description: &str| {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| problem_response(description));
    };
    if has_body {
        add("400", "The body is not valid JSON");
        add("413", "The body is too large");
        add("415", "The body is not `application/json`");
    }
    if has_body || has_query {
        add("422", "A field or parameter is invalid; `errors` names it");
    }
    if !public {
        add("401", "Missing, expired or invalid access token or API key");
        if writes {
            add(
                "403",
                "Your role does not allow this (`forbidden`), or the API key lacks the scope (`insufficient_scope`)",
            );
        }
    }
    if has_path_id {
        add("404", "Nothing with this id in your workspace");
    }
    if is_api {
        add(
            "429",
            "Too many requests; retry after the `Retry-After` seconds",
        );
        add(
            "503",
            "`database_unavailable`: the database is unreachable, too slow or locked; retry after the `Retry-After` seconds",
        );
    }
    add(
        "500",
        "Unexpected error; quote `request_id` when reporting it",
    );
    if is_api {
        add_rate_limit_headers(operation);
    }
}

/// The IETF RateLimit header fields, on every success and on 429.
fn add_rate_limit_headers(operation: &mut Operation) {
    const FIELDS: [(&str, &str); 3] = [
        ("RateLimit-Limit", "Requests allowed in a minute by the limit that binds this caller most (per user or API key, or per workspace)"),
        ("RateLimit-Remaining", "Requests left under that limit now"),
        ("RateLimit-Reset", "Seconds until that limit is whole again"),
    ];
    for (status, response) in operation.responses.responses.iter_mut() {
        let (RefOr::T(response), true) = (response, status.starts_with('2') || status == "429")
        else {
            continue;
        };
        for (name, description) in FIELDS {
            response.headers.entry(name.to_owned()).or_insert_with(|| {
                HeaderBuilder::new()
                    .schema(
                        ObjectBuilder::new()
                            .schema_type(Type::Integer)
                            .minimum(Some(0)),
                    )
                    .description(Some(description))
                    .build()
            });
        }
    }
}
