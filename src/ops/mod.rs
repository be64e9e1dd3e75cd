//! Operations endpoints: liveness, readiness, metrics.

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::connection::SimpleConnection;
use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::db::Db;
use crate::error::ApiError;
use crate::http::observe::HttpMetrics;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(healthz).service(readyz).service(metrics);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Readiness {
    #[schema(example = "ready")]
    pub status: String,
    /// `sqlite` or `postgres`.
    #[schema(example = "postgres")]
    pub database: String,
}

/// Liveness: the process answers.
#[utoipa::path(tag = "operations", operation_id = "healthz", security(), responses((status = 200, body = Health)))]
#[get("/healthz")]
async fn healthz() -> web::Json<Health> {
    web::Json(Health {
        status: "ok".to_owned(),
    })
}

/// Readiness: the database answers.
#[utoipa::path(
    tag = "operations", operation_id = "readyz", security(),
    responses((status = 200, body = Readiness), (status = 503, description = "The database does not answer", body = crate::error::Problem, content_type = "application/problem+json"))
)]
#[get("/readyz")]
async fn readyz(db: web::Data<Db>) -> Result<web::Json<Readiness>, ApiError> {
    let database = db.backend().to_owned();
    let check = db.run(|conn| {
        conn.batch_execute("SELECT 1").map_err(|error| {
            tracing::warn!(%error, "readiness check failed");
            ApiError::database_unavailable()
        })
    });
    // A database cut off without a word (a frozen network) must not hold the probe.
    tokio::time::timeout(std::time::Duration::from_secs(2), check)
        .await
        .map_err(|_| ApiError::database_unavailable())??;
    Ok(web::Json(Readiness {
        status: "ready".to_owned(),
        database,
    }))
}

/// The operator's token for `/metrics` (`RAPPORT_METRICS_TOKEN`); none leaves it open.
pub struct MetricsToken(pub Option<String>);

impl MetricsToken {
    /// Compares digests, so that the time taken says nothing about the token.
    fn admits(&self, req: &HttpRequest) -> bool {
        let Some(expected) = &self.0 else {
            return true;
        };
        let presented = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim());
        presented.is_some_and(|token| {
            Sha256::digest(token.as_bytes()) == Sha256::digest(expected.as_bytes())
        })
    }
}

/// Prometheus metrics: requests and latency by route and status. When the operator set
/// `RAPPORT_METRICS_TOKEN`, only `Authorization: Bearer <that token>` reads them.
#[utoipa::path(
    tag = "operations", operation_id = "metrics", security(),
    responses(
        (status = 200, description = "Prometheus text exposition", content_type = "text/plain", body = String),
        (status = 401, description = "The operator protected the metrics with a token, and this request did not carry it", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/metrics")]
async fn metrics(
    req: HttpRequest,
    metrics: web::Data<HttpMetrics>,
    token: web::Data<MetricsToken>,
) -> Result<HttpResponse, ApiError> {
    if !token.admits(&req) {
        return Err(ApiError::unauthorized(
            "the metrics need `Authorization: Bearer <RAPPORT_METRICS_TOKEN>`",
        ));
    }
    let body = prometheus::TextEncoder::new()
        .encode_to_string(&metrics.registry.gather())
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(body))
}
