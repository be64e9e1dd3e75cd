//! Interaction batches: their operations, as `POST /v1/interactions/batch` reads them; the batch is
//! run by `http::batch`.

use serde::Deserialize;
use utoipa::ToSchema;

use super::domain::{InteractionPatch, NewInteraction};
use super::queries;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::external_ids::ExternalId;
use crate::http::batch::{
    stored_id, unknown_op, CreateOp, DeleteOp, Done, Operations, UpdateOp, UpsertOp,
};
use crate::http::extract::parse_value;
use crate::http::precondition::IfMatch;

/// A batch of interaction operations.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "atomic": false,
    "operations": [
        {"op": "upsert", "external_id": {"system": "hubspot", "id": "call-88"}, "interaction": {"contact_ids": ["01a20ab6-5a7b-7445-bdfa-051d68be7186"], "occurred_at": "2026-11-20T16:30:00Z", "channel": "phone", "kind": "catch_up"}},
        {"op": "update", "id": "0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57", "if_match": 3, "interaction": {"summary": "Talked about her move to Lisbon"}},
        {"op": "delete", "id": "0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58"}
    ]
}))]
pub struct InteractionBatch {
    /// All or nothing: the first operation that fails undoes the others, and the answer is
    /// that operation's problem, naming it (`/operations/3/…`). Otherwise (the default)
    /// each operation stands alone and the answer lists every outcome.
    #[serde(default)]
    pub atomic: bool,
    /// 1 to 100 operations, done in order.
    #[schema(value_type = Vec<InteractionOperation>, min_items = 1, max_items = 100)]
    pub operations: Vec<serde_json::Value>,
}

/// One operation of a batch, by its `op`.
#[derive(Debug, ToSchema)]
#[serde(untagged)]
pub enum InteractionOperation {
    Create(CreateInteraction),
    Update(UpdateInteraction),
    Upsert(UpsertInteraction),
    Delete(DeleteInteraction),
}

/// Adds an interaction, as `POST /v1/interactions` does.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateInteraction {
    pub op: CreateOp,
    pub interaction: NewInteraction,
}

/// Changes an interaction, as `PATCH /v1/interactions/{id}` does.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateInteraction {
    pub op: UpdateOp,
    pub id: uuid::Uuid,
    /// The version you read: the operation fails with 412 if the interaction changed since.
    pub if_match: Option<i64>,
    pub interaction: InteractionPatch,
}

/// Creates or changes the interaction another system knows by `external_id`, as
/// `PUT /v1/interactions/by-external-id/{system}/{id}` does.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpsertInteraction {
    pub op: UpsertOp,
    pub external_id: ExternalId,
    pub interaction: InteractionPatch,
}

/// Deletes an interaction, as `DELETE /v1/interactions/{id}` does.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeleteInteraction {
    pub op: DeleteOp,
    pub id: uuid::Uuid,
    /// The version you read: the operation fails with 412 if the interaction changed since.
    pub if_match: Option<i64>,
}

impl Operations for InteractionOperation {
    fn parse(operation: serde_json::Value) -> Result<Self, ApiError> {
        match operation.get("op").and_then(serde_json::Value::as_str) {
            Some("create") => parse_value(operation).map(Self::Create),
            Some("update") => parse_value(operation).map(Self::Update),
            Some("upsert") => parse_value(operation).map(Self::Upsert),
            Some("delete") => parse_value(operation).map(Self::Delete),
            _ => Err(unknown_op(&operation)),
        }
    }

    fn apply(self, conn: &mut DbConn, workspace_id: &str, actor: &str) -> Result<Done, ApiError> {
        Ok(match self {
            Self::Create(create) => {
                let interaction = queries::create(conn, workspace_id, actor, create.interaction)?;
                Done {
                    status: 201,
                    id: interaction.id,
                    version: Some(interaction.version),
                }
            }
            Self::Update(update) => {
                let if_match = IfMatch::version(update.if_match);
                let id = update.id.to_string();
                let version =
                    queries::write_update(conn, workspace_id, &id, &if_match, update.interaction)?;
                Done {
                    status: 200,
                    id: update.id,
                    version: Some(version),
                }
            }
            Self::Upsert(upsert) => {
                let written = queries::write_upsert(
                    conn,
                    workspace_id,
                    actor,
                    upsert.external_id,
                    upsert.interaction,
                )?;
                Done {
                    status: if written.created { 201 } else { 200 },
                    id: stored_id(&written.id)?,
                    version: Some(written.version),
                }
            }
            Self::Delete(delete) => {
                let if_match = IfMatch::version(delete.if_match);
                queries::delete(conn, workspace_id, &delete.id.to_string(), &if_match)?;
                Done {
                    status: 204,
                    id: delete.id,
                    version: None,
                }
            }
        })
    }
}
