use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::queries;
use super::readiness::{assess, Factor, READY_AT};
use crate::auth::Principal;
use crate::db::Db;
use crate::error::ApiError;

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(referral_readiness);
}

/// Whether you have earned the right to ask a contact for a referral.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferralReadiness {
    pub contact_id: uuid::Uuid,
    /// A score of at least `ready_at` and no factor that blocks.
    pub ready: bool,
    /// 0 to 100.
    pub score: i32,
    pub ready_at: i32,
    /// Each factor for or against, in plain words.
    pub reasons: Vec<Factor>,
}

/// Has the caller earned the right to ask this contact for a referral? In touch within
/// the cadence, gave value recently, thanked by them, trusted; never contacted, or asked
/// more than given to, is never ready.
#[utoipa::path(
    tag = "referrals", operation_id = "referralReadiness",
    params(("id" = uuid::Uuid, Path, description = "Contact id")),
    responses((status = 200, body = ReferralReadiness))
)]
#[get("/contacts/{id}/referral-readiness")]
async fn referral_readiness(
    principal: Principal,
    db: web::Data<Db>,
    id: web::Path<uuid::Uuid>,
) -> Result<web::Json<ReferralReadiness>, ApiError> {
    let contact_id = id.into_inner();
    let facts = db
        .run(move |conn| queries::facts(conn, &principal.workspace_id, &contact_id.to_string()))
        .await?;
    let assessment = assess(&facts);
    Ok(web::Json(ReferralReadiness {
        contact_id,
        ready: assessment.ready,
        score: assessment.score,
        ready_at: READY_AT,
        reasons: assessment.factors,
    }))
}
