//! Contact batches: up to 100 creates, updates, upserts and deletes in one request, done in
//! order and answered one result each; all or nothing when asked (`atomic`). A sync moves
//! thousands of records in a few dozen requests instead of thousands.

use diesel::Connection;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::domain::{ContactPatch, NewContact};
use super::queries;
use crate::db::DbConn;
use crate::error::{ApiError, Problem};
use crate::external_ids::ExternalId;
use crate::http::extract::parse_value;
use crate::http::precondition::IfMatch;
use crate::values::string_enum;

/// Operations a batch may hold at most.
pub const MAX_OPERATIONS: usize = 100;

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

string_enum!(
    /// Names a create.
    CreateOp { Create = "create" }
);
string_enum!(
    /// Names an update.
    UpdateOp { Update = "update" }
);
string_enum!(
    /// Names an upsert.
    UpsertOp { Upsert = "upsert" }
);
string_enum!(
    /// Names a deletion.
    DeleteOp { Delete = "delete" }
);

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

/// What one operation came to.
#[derive(Debug, Serialize, ToSchema)]
pub struct OperationResult {
    /// The operation's place in `operations`, from 0.
    pub index: usize,
    /// The status the operation would have had on its own: 201 created, 200 changed, 204
    /// deleted, or its problem's.
    pub status: u16,
    /// The contact's id, when the operation succeeded.
    pub id: Option<uuid::Uuid>,
    /// The contact's version after the operation; null after a deletion or a failure.
    pub version: Option<i64>,
    /// Why the operation failed; null when it succeeded.
    pub problem: Option<Problem>,
}

/// The outcome of a batch: one result per operation, in order.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchResults {
    pub results: Vec<OperationResult>,
}

fn parse(operation: serde_json::Value) -> Result<ContactOperation, ApiError> {
    match operation.get("op").and_then(serde_json::Value::as_str) {
        Some("create") => parse_value(operation).map(ContactOperation::Create),
        Some("update") => parse_value(operation).map(ContactOperation::Update),
        Some("upsert") => parse_value(operation).map(ContactOperation::Upsert),
        Some("delete") => parse_value(operation).map(ContactOperation::Delete),
        _ if !operation.is_object() => Err(ApiError::invalid_field("/", "must be a JSON object")),
        _ => Err(ApiError::invalid_field(
            "/op",
            "must be `create`, `update`, `upsert` or `delete`",
        )),
    }
}

fn apply(
    conn: &mut DbConn,
    workspace_id: &str,
    actor: &str,
    index: usize,
    operation: ContactOperation,
) -> Result<OperationResult, ApiError> {
    let done = |status: u16, id: uuid::Uuid, version: Option<i64>| OperationResult {
        index,
        status,
        id: Some(id),
        version,
        problem: None,
    };
    Ok(match operation {
        ContactOperation::Create(create) => {
            let contact = queries::create(conn, workspace_id, actor, create.contact)?;
            done(201, contact.id, Some(contact.version))
        }
        ContactOperation::Update(update) => {
            let if_match = IfMatch::version(update.if_match);
            let id = update.id.to_string();
            let version =
                queries::write_update(conn, workspace_id, &id, &if_match, update.contact)?;
            done(200, update.id, Some(version))
        }
        ContactOperation::Upsert(upsert) => {
            let written = queries::write_upsert(
                conn,
                workspace_id,
                actor,
                upsert.external_id,
                upsert.contact,
            )?;
            let id = written
                .id
                .parse()
                .map_err(|e| ApiError::internal(anyhow::anyhow!("stored contact id: {e}")))?;
            done(
                if written.created { 201 } else { 200 },
                id,
                Some(written.version),
            )
        }
        ContactOperation::Delete(delete) => {
            let if_match = IfMatch::version(delete.if_match);
            queries::delete(conn, workspace_id, &delete.id.to_string(), &if_match)?;
            done(204, delete.id, None)
        }
    })
}

fn at(index: usize, error: ApiError) -> ApiError {
    error
        .under(&format!("/operations/{index}"))
        .about(&format!("operation {index}"))
}

/// Runs a batch in the caller's transaction. Each operation of a batch that is not atomic
/// runs in a savepoint, so that one that fails leaves nothing behind; a failure of the
/// service itself (the database) ends the whole batch.
pub fn run(
    conn: &mut DbConn,
    workspace_id: &str,
    actor: &str,
    batch: ContactBatch,
) -> Result<BatchResults, ApiError> {
    if !(1..=MAX_OPERATIONS).contains(&batch.operations.len()) {
        return Err(ApiError::invalid_field(
            "/operations",
            format!("must hold 1 to {MAX_OPERATIONS} operations"),
        ));
    }
    let parsed = batch
        .operations
        .into_iter()
        .enumerate()
        .map(|(index, operation)| parse(operation).map_err(|error| at(index, error)));
    let mut results = Vec::new();
    if batch.atomic {
        let operations = parsed.collect::<Result<Vec<_>, _>>()?;
        for (index, operation) in operations.into_iter().enumerate() {
            let result = apply(conn, workspace_id, actor, index, operation)
                .map_err(|error| at(index, error))?;
            results.push(result);
        }
        return Ok(BatchResults { results });
    }
    for (index, operation) in parsed.enumerate() {
        let outcome = operation.and_then(|operation| {
            conn.transaction(|conn| apply(conn, workspace_id, actor, index, operation))
                .map_err(|error| at(index, error))
        });
        results.push(match outcome {
            Ok(result) => result,
            Err(error) if error.status().is_server_error() => return Err(error),
            Err(error) => OperationResult {
                index,
                status: error.status().as_u16(),
                id: None,
                version: None,
                problem: Some(error.problem()),
            },
        });
    }
    Ok(BatchResults { results })
}
