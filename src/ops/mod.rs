//! Operations endpoints: liveness, readiness, metrics.

use actix_web::{get, web, HttpResponse};
use diesel::connection::SimpleConnection;
use serde::Serialize;
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
    db.run(|conn| {
        conn.batch_execute("SELECT 1").map_err(|error| {
            tracing::warn!(%error, "readiness check failed");
            ApiError::new(
                actix_web::http::StatusCode::SERVICE_UNAVAILABLE,
                "database_unavailable",
                "the database does not answer",
            )
        })
    })
    .await?;
    Ok(web::Json(Readiness {
        status: "ready".to_owned(),
        database,
    }))
}

/// Prometheus metrics: requests and latency by route and status.
#[utoipa::path(tag = "operations", operation_id = "metrics", security(), responses((status = 200, description = "Prometheus text exposition", content_type = "text/plain", body = String)))]
#[get("/metrics")]
async fn metrics(metrics: web::Data<HttpMetrics>) -> Result<HttpResponse, ApiError> {
    let body = prometheus::TextEncoder::new()
        .encode_to_string(&metrics.registry.gather())
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(body))
}
