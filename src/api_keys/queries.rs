use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{ApiKey, CreatedApiKey, NewApiKey};
use crate::auth::api_key::{Scopes, SECRET_PREFIX};
use crate::auth::tokens::new_secret;
use crate::db::schema::api_keys;
use crate::db::DbConn;
use crate::error::ApiError;
use crate::http::pagination::{Page, PageRequest};
use crate::http::resource::by_id;
use crate::time::{from_db, to_db};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_keys)]
struct ApiKeyRow {
    workspace_id: String,
    id: String,
    name: String,
    scopes: String,
    secret_hash: String,
    secret_hint: String,
    member_id: String,
    expires_at: Option<NaiveDateTime>,
    last_used_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    deleted_at: Option<NaiveDateTime>,
}

fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("stored API key has an invalid {what}"))
}

impl ApiKeyRow {
    fn view(self) -> Result<ApiKey, ApiError> {
        Ok(ApiKey {
            id: self.id.parse().map_err(|_| corrupt("id"))?,
            scopes: Scopes::from_stored(&self.scopes)?.items().to_vec(),
            created_by: self.member_id.parse().map_err(|_| corrupt("member"))?,
            name: self.name,
            secret_hint: self.secret_hint,
            expires_at: self.expires_at.map(from_db),
            last_used_at: self.last_used_at.map(from_db),
            created_at: from_db(self.created_at),
        })
    }
}

/// Makes a key acting as `member_id`; the secret is in the answer and nowhere else.
pub fn create(
    conn: &mut DbConn,
    workspace_id: &str,
    member_id: &str,
    key: NewApiKey,
    now: NaiveDateTime,
) -> Result<CreatedApiKey, ApiError> {
    let expires_at = key.expires_at.map(to_db);
    if expires_at.is_some_and(|at| at <= now) {
        return Err(ApiError::invalid_field(
            "/expires_at",
            "must be in the future",
        ));
    }
    let (secret, secret_hash) = new_secret(SECRET_PREFIX);
    let row = ApiKeyRow {
        workspace_id: workspace_id.to_owned(),
        id: uuid::Uuid::now_v7().to_string(),
        name: key.name.into(),
        scopes: key.scopes.to_stored(),
        secret_hash,
        secret_hint: format!("{SECRET_PREFIX}…{}", &secret[secret.len() - 4..]),
        member_id: member_id.to_owned(),
        expires_at,
        last_used_at: None,
        created_at: now,
        deleted_at: None,
    };
    diesel::insert_into(api_keys::table)
        .values(&row)
        .execute(conn)?;
    Ok(CreatedApiKey {
        key: row.view()?,
        secret,
    })
}

/// The workspace's keys that were not deleted, oldest first.
pub fn list(
    conn: &mut DbConn,
    workspace_id: &str,
    page: &PageRequest,
) -> Result<Page<ApiKey>, ApiError> {
    let keys = by_id!(api_keys, ApiKeyRow, page)
        .filter(api_keys::workspace_id.eq(workspace_id))
        .filter(api_keys::deleted_at.is_null())
        .load::<ApiKeyRow>(conn)?
        .into_iter()
        .map(ApiKeyRow::view)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(page.page(keys, |key| key.id.to_string()))
}

pub fn get(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<ApiKey, ApiError> {
    api_keys::table
        .filter(api_keys::workspace_id.eq(workspace_id))
        .filter(api_keys::id.eq(id))
        .filter(api_keys::deleted_at.is_null())
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| not_found(id))?
        .view()
}

/// Deletes a key: the next request that sends it is refused.
pub fn delete(
    conn: &mut DbConn,
    workspace_id: &str,
    id: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let deleted = diesel::update(
        api_keys::table
            .filter(api_keys::workspace_id.eq(workspace_id))
            .filter(api_keys::id.eq(id))
            .filter(api_keys::deleted_at.is_null()),
    )
    .set(api_keys::deleted_at.eq(now))
    .execute(conn)?;
    if deleted == 0 {
        return Err(not_found(id));
    }
    Ok(())
}

fn not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("no API key {id} in this workspace"))
}
