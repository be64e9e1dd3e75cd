//! An API key as a credential: what its scopes allow, and finding the key a secret names.
//! The keys themselves (create, list, delete) are a resource of their own, in `api_keys`.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::tokens::hash_secret;
use crate::db::schema::{api_keys, members};
use crate::db::DbConn;
use crate::error::ApiError;
use crate::time::from_db;
use crate::values::{bounded_list, string_enum};
use crate::workspaces::Role;

/// What every API key secret starts with, so that people and secret scanners recognise it.
pub const SECRET_PREFIX: &str = "rk_";

/// `last_used_at` is written at most this often per key, not on every request.
const LAST_USED_PRECISION: Duration = Duration::minutes(1);

string_enum!(
    /// What an API key may do, within the role of the member who created it. Every key
    /// reads; `write` changes the network (contacts, interactions, referrals, connections,
    /// snoozes); `admin` manages members, invitations, settings and API keys.
    Scope {
        Read = "read",
        Write = "write",
        Admin = "admin",
    }
);

bounded_list!(
    /// One to three distinct scopes.
    Scopes(Scope), min = 1, max = 3
);

impl Scopes {
    pub fn allows(&self, scope: Scope) -> bool {
        scope == Scope::Read || self.items().contains(&scope)
    }

    /// The stored form: the scopes in a fixed order, separated by spaces (as OAuth writes them).
    pub fn to_stored(&self) -> String {
        Scope::ALL
            .iter()
            .filter(|scope| self.items().contains(scope))
            .map(|scope| scope.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn from_stored(stored: &str) -> Result<Self, ApiError> {
        stored
            .split_whitespace()
            .map(str::parse)
            .collect::<Result<Vec<Scope>, _>>()
            .and_then(Scopes::try_from)
            .map_err(|e| ApiError::internal(anyhow::anyhow!("stored API key scopes: {e}")))
    }
}

/// The member a valid key acts as, and what the key allows.
pub struct KeyHolder {
    pub key_id: String,
    pub scopes: Scopes,
    pub workspace_id: String,
    pub member_id: String,
    pub user_id: String,
    pub role: Role,
}

/// The live key whose secret this is, if its member is still in the workspace and it has
/// not expired. Notes the use, at most once a minute.
pub fn authenticate(
    conn: &mut DbConn,
    secret: &str,
    now: NaiveDateTime,
) -> Result<KeyHolder, ApiError> {
    type Row = (
        String,
        String,
        String,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
        String,
        String,
        String,
        Option<NaiveDateTime>,
    );
    let hash = hash_secret(secret);
    let found = api_keys::table
        .inner_join(members::table)
        .filter(api_keys::secret_hash.eq(&hash))
        .filter(api_keys::deleted_at.is_null())
        .select((
            api_keys::id,
            api_keys::workspace_id,
            api_keys::scopes,
            api_keys::expires_at,
            api_keys::last_used_at,
            members::id,
            members::user_id,
            members::role,
            members::removed_at,
        ))
        .first::<Row>(conn)
        .optional()?;
    let Some((
        key_id,
        workspace_id,
        scopes,
        expires_at,
        last_used_at,
        member_id,
        user_id,
        role,
        removed_at,
    )) = found
    else {
        return Err(ApiError::unauthorized(
            "this API key does not exist or was deleted",
        ));
    };
    if let Some(expired_at) = expires_at.filter(|at| *at <= now) {
        return Err(ApiError::unauthorized(format!(
            "this API key expired at {}",
            from_db(expired_at).to_rfc3339()
        )));
    }
    if removed_at.is_some() {
        return Err(ApiError::unauthorized(
            "the member who created this API key is no longer in the workspace",
        ));
    }
    if last_used_at.is_none_or(|at| at <= now - LAST_USED_PRECISION) {
        diesel::update(api_keys::table.find((&workspace_id, &key_id)))
            .set(api_keys::last_used_at.eq(now))
            .execute(conn)?;
    }
    Ok(KeyHolder {
        key_id,
        scopes: Scopes::from_stored(&scopes)?,
        workspace_id,
        member_id,
        user_id,
        role: role
            .parse()
            .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scopes(list: &[Scope]) -> Scopes {
        Scopes::try_from(list.to_vec()).unwrap()
    }

    #[test]
    fn every_key_reads_and_does_only_what_its_scopes_say() {
        let read = scopes(&[Scope::Read]);
        assert!(read.allows(Scope::Read));
        assert!(!read.allows(Scope::Write));
        assert!(!read.allows(Scope::Admin));
        let admin = scopes(&[Scope::Admin]);
        assert!(admin.allows(Scope::Read) && admin.allows(Scope::Admin));
        assert!(!admin.allows(Scope::Write), "admin does not imply write");
    }

    #[test]
    fn scopes_are_stored_in_one_order_and_read_back() {
        let stored = scopes(&[Scope::Admin, Scope::Read, Scope::Admin]).to_stored();
        assert_eq!(stored, "read admin");
        assert_eq!(
            Scopes::from_stored(&stored).unwrap(),
            scopes(&[Scope::Read, Scope::Admin])
        );
        assert!(Scopes::try_from(Vec::new()).is_err(), "a key has a scope");
    }
}
