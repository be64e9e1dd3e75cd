//! Contact batches: their operations, as `POST /v1/contacts/batch` reads them; the batch is
//! run by `http::batch`.

use serde::Deserialize;
use utoipa::ToSchema;

use super::domain::{ContactPatch, NewContact};
use super::queries;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::external_ids::ExternalId;
use crate::http::batch::{
    stored_id, unknown_op, CreateOp, DeleteOp, Done, Operations, UpdateOp, UpsertOp,
};
use crate::http::extract::parse_value;
use crate::http::precondition::IfMatch;

/// A batch of contact operations.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "atomic": false,
    "operations": [
        {"op": "upsert", "external_id": {"system": "hubspot", "id": "5012"}, "contact": {"first_name": "Priya", "emails": ["priya@example.com"]}},
        {"op": "update", "id": "0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e57", "if_match": 3, "contact": {"title": "COO"}},
        {"op": "delete", "id": "0193a5c2-7d1e-7c3a-9f4e-2b8d6a1c0e58"}
    ]
}))]
pub struct ContactBatch {
    /// All or nothing: the first operation that fails undoes the others, and the answer is
    /// that operation's problem, naming it (`/operations/3/…`). Otherwise (the default)
    /// each operation stands alone and the answer lists every outcome.
    #[serde(default)]
    pub atomic: bool,
    /// 1 to 100 operations, done in order.
    #[schema(value_type = Vec<ContactOperation>, min_items = 1, max_items = 100)]
    pub operations: Vec<serde_json::Value>,
}

/// One operation of a batch, by its `op`.
#[derive(Debug, ToSchema)]
#[serde(untagged)]
pub enum ContactOperation {
    Create(CreateContact),
    Update(UpdateContact),
    Upsert(UpsertContact),
    Delete(DeleteContact),
}

/// Adds a contact, as `POST /v1/contacts` does.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateContact {
    pub op: CreateOp,
    pub contact: NewContact,
}

/// Changes a contact, as `PATCH /v1/contacts/{id}` does.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateContact {
    pub op: UpdateOp,
    pub id: uuid::Uuid,
    /// The version you read: the operation fails with 412 if the contact changed since.
    pub if_match: Option<i64>,
    pub contact: ContactPatch,
}

/// Creates or changes the contact another system knows by `external_id`, as
/// `PUT /v1/contacts/by-external-id/{system}/{id}` does.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpsertContact {
    pub op: UpsertOp,
    pub external_id: ExternalId,
    pub contact: ContactPatch,
}

/// Deletes a contact, as `DELETE /v1/contacts/{id}` does.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeleteContact {
    pub op: DeleteOp,
    pub id: uuid::Uuid,
    /// The version you read: the operation fails with 412 if the contact changed since.
    pub if_match: Option<i64>,
}

impl Operations for ContactOperation {
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
                let contact = queries::create(conn, workspace_id, actor, create.contact)?;
                Done {
                    status: 201,
                    id: contact.id,
                    version: Some(contact.version),
                }
            }
            Self::Update(update) => {
                let if_match = IfMatch::version(update.if_match);
                let id = update.id.to_string();
                let version =
                    queries::write_update(conn, workspace_id, &id, &if_match, update.contact)?;
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
                    upsert.contact,
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
