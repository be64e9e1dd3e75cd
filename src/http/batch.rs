//! Batches: up to 100 creates, updates, upserts and deletes of one kind of resource in one
//! request, done in order and answered one result each; all or nothing when asked
//! (`atomic`). A sync moves thousands of records in a few dozen requests instead of
//! thousands. A resource says how its operations are read and done (`Operations`); running
//! them is written once, here.

use diesel::Connection;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConn;
use crate::error::{ApiError, Problem};
use crate::values::string_enum;

/// Operations a batch may hold at most.
pub const MAX_OPERATIONS: usize = 100;

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

/// What one operation came to.
#[derive(Debug, Serialize, ToSchema)]
pub struct OperationResult {
    /// The operation's place in `operations`, from 0.
    pub index: usize,
    /// The status the operation would have had on its own: 201 created, 200 changed, 204
    /// deleted, or its problem's.
    pub status: u16,
    /// The resource's id, when the operation succeeded.
    pub id: Option<uuid::Uuid>,
    /// The resource's version after the operation; null after a deletion or a failure.
    pub version: Option<i64>,
    /// Why the operation failed; null when it succeeded.
    pub problem: Option<Problem>,
}

/// The outcome of a batch: one result per operation, in order.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchResults {
    pub results: Vec<OperationResult>,
}

/// What a successful operation did.
pub struct Done {
    pub status: u16,
    pub id: uuid::Uuid,
    pub version: Option<i64>,
}

/// The operations of one kind of resource.
pub trait Operations: Sized {
    /// Reads one operation; its problems point inside it (`/op`, `/contact/first_name`).
    fn parse(operation: serde_json::Value) -> Result<Self, ApiError>;

    /// Does it, as its own endpoint would, acting as `actor`.
    fn apply(self, conn: &mut DbConn, workspace_id: &str, actor: &str) -> Result<Done, ApiError>;
}

/// The problem of a value that names no operation.
pub fn unknown_op(operation: &serde_json::Value) -> ApiError {
    if operation.is_object() {
        ApiError::invalid_field("/op", "must be `create`, `update`, `upsert` or `delete`")
    } else {
        ApiError::invalid_field("/", "must be a JSON object")
    }
}

/// The id of a stored resource, as a batch answers it.
pub fn stored_id(id: &str) -> Result<uuid::Uuid, ApiError> {
    id.parse()
        .map_err(|e| ApiError::internal(anyhow::anyhow!("stored id {id}: {e}")))
}

fn at(index: usize, error: ApiError) -> ApiError {
    error
        .under(&format!("/operations/{index}"))
        .about(&format!("operation {index}"))
}

/// Runs a batch in the caller's transaction. Each operation of a batch that is not atomic
/// runs in a savepoint, so that one that fails leaves nothing behind; a failure of the
/// service itself (the database) ends the whole batch.
pub fn run<O: Operations>(
    conn: &mut DbConn,
    workspace_id: &str,
    actor: &str,
    atomic: bool,
    operations: Vec<serde_json::Value>,
) -> Result<BatchResults, ApiError> {
    if !(1..=MAX_OPERATIONS).contains(&operations.len()) {
        return Err(ApiError::invalid_field(
            "/operations",
            format!("must hold 1 to {MAX_OPERATIONS} operations"),
        ));
    }
    let parsed = operations
        .into_iter()
        .enumerate()
        .map(|(index, operation)| O::parse(operation).map_err(|error| at(index, error)));
    let result = |index: usize, done: Done| OperationResult {
        index,
        status: done.status,
        id: Some(done.id),
        version: done.version,
        problem: None,
    };
    let mut results = Vec::new();
    if atomic {
        let operations = parsed.collect::<Result<Vec<_>, _>>()?;
        for (index, operation) in operations.into_iter().enumerate() {
            let done = operation
                .apply(conn, workspace_id, actor)
                .map_err(|error| at(index, error))?;
            results.push(result(index, done));
        }
        return Ok(BatchResults { results });
    }
    for (index, operation) in parsed.enumerate() {
        let outcome = operation.and_then(|operation| {
            conn.transaction(|conn| operation.apply(conn, workspace_id, actor))
                .map_err(|error| at(index, error))
        });
        results.push(match outcome {
            Ok(done) => result(index, done),
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
