use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{feed_heads, members, refresh_tokens, users, workspaces};
use crate::db::{is_unique_violation, DbConn};
use crate::error::ApiError;
use crate::workspaces::{MemberRow, Role, WorkspaceRow};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A user acting in one workspace.
pub struct Membership {
    pub user: UserRow,
    pub workspace: WorkspaceRow,
    pub member: MemberRow,
}

/// Creates a user (without a workspace: someone's team will add them).
pub fn create_user(conn: &mut DbConn, user: &UserRow) -> Result<(), ApiError> {
    match diesel::insert_into(users::table).values(user).execute(conn) {
        Err(e) if is_unique_violation(&e) => Err(ApiError::conflict(
            "email_taken",
            "an account with this email already exists; log in instead",
        )),
        other => Ok(other.map(|_| ())?),
    }
}

/// Creates a user and their first workspace, of which they are the owner.
pub fn create_account(
    conn: &mut DbConn,
    user: UserRow,
    workspace_name: &str,
) -> Result<Membership, ApiError> {
    let now = user.created_at;
    create_user(conn, &user)?;
    let workspace = WorkspaceRow {
        id: uuid::Uuid::now_v7().to_string(),
        name: workspace_name.to_owned(),
        created_at: now,
        updated_at: now,
    };
    diesel::insert_into(workspaces::table)
        .values(&workspace)
        .execute(conn)?;
    // The head of the workspace's change feed, which every write transaction updates.
    diesel::insert_into(feed_heads::table)
        .values(feed_heads::workspace_id.eq(&workspace.id))
        .execute(conn)?;
    let member = MemberRow {
        id: uuid::Uuid::now_v7().to_string(),
        workspace_id: workspace.id.clone(),
        user_id: user.id.clone(),
        role: Role::Owner.as_str().to_owned(),
        created_at: now,
        updated_at: now,
    };
    diesel::insert_into(members::table)
        .values(&member)
        .execute(conn)?;
    Ok(Membership {
        user,
        workspace,
        member,
    })
}

pub fn user_by_email(conn: &mut DbConn, email: &str) -> Result<Option<UserRow>, ApiError> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

/// The user's membership in `workspace_id`, or in the workspace they joined first.
pub fn membership(
    conn: &mut DbConn,
    user: UserRow,
    workspace_id: Option<&str>,
) -> Result<Option<Membership>, ApiError> {
    let mut query = members::table
        .inner_join(workspaces::table)
        .filter(members::user_id.eq(&user.id))
        .filter(members::removed_at.is_null())
        .select((MemberRow::as_select(), WorkspaceRow::as_select()))
        .order(members::created_at.asc())
        .into_boxed();
    if let Some(workspace_id) = workspace_id {
        query = query.filter(members::workspace_id.eq(workspace_id));
    }
    Ok(query
        .first::<(MemberRow, WorkspaceRow)>(conn)
        .optional()?
        .map(|(member, workspace)| Membership {
            user,
            workspace,
            member,
        }))
}

pub fn memberships_of(
    conn: &mut DbConn,
    user_id: &str,
) -> Result<Vec<(MemberRow, WorkspaceRow)>, ApiError> {
    Ok(members::table
        .inner_join(workspaces::table)
        .filter(members::user_id.eq(user_id))
        .filter(members::removed_at.is_null())
        .select((MemberRow::as_select(), WorkspaceRow::as_select()))
        .order(members::created_at.asc())
        .load(conn)?)
}

pub fn user(conn: &mut DbConn, user_id: &str) -> Result<UserRow, ApiError> {
    users::table
        .find(user_id)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::unauthorized("this account no longer exists"))
}

pub fn store_refresh_token(
    conn: &mut DbConn,
    membership: &Membership,
    token_hash: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::id.eq(uuid::Uuid::now_v7().to_string()),
            refresh_tokens::workspace_id.eq(&membership.workspace.id),
            refresh_tokens::user_id.eq(&membership.user.id),
            refresh_tokens::token_hash.eq(token_hash),
            refresh_tokens::expires_at.eq(expires_at),
            refresh_tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// What presenting a refresh token led to.
pub enum Refresh {
    /// The token was valid and is now spent: open a new session for this user and workspace.
    Granted {
        user_id: String,
        workspace_id: String,
    },
    /// The token is unknown, expired, or was already spent (then every session of its user
    /// in that workspace has just been revoked).
    Refused(&'static str),
}

/// Spends a refresh token. A token presented twice means it was stolen or replayed, so
/// every session of that user in that workspace ends; the caller commits that revocation
/// even though the request fails.
pub fn spend_refresh_token(
    conn: &mut DbConn,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Refresh, ApiError> {
    let found = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select((
            refresh_tokens::id,
            refresh_tokens::user_id,
            refresh_tokens::workspace_id,
            refresh_tokens::expires_at,
            refresh_tokens::revoked_at,
        ))
        .first::<(String, String, String, NaiveDateTime, Option<NaiveDateTime>)>(conn)
        .optional()?;
    let Some((id, user_id, workspace_id, expires_at, revoked_at)) = found else {
        return Ok(Refresh::Refused("the refresh token is not valid"));
    };
    if revoked_at.is_some() {
        revoke_all(conn, &user_id, &workspace_id, now)?;
        return Ok(Refresh::Refused(
            "the refresh token was already used or revoked; log in again",
        ));
    }
    if expires_at <= now {
        return Ok(Refresh::Refused(
            "the refresh token has expired; log in again",
        ));
    }
    // Spent only while unspent: of two requests presenting the token at once, the second
    // waits for the first's row lock (PostgreSQL) and then changes nothing, which makes it
    // a replay like any other.
    let spent = diesel::update(
        refresh_tokens::table
            .find(&id)
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)?;
    if spent == 0 {
        revoke_all(conn, &user_id, &workspace_id, now)?;
        return Ok(Refresh::Refused(
            "the refresh token was already used or revoked; log in again",
        ));
    }
    Ok(Refresh::Granted {
        user_id,
        workspace_id,
    })
}

fn revoke_all(
    conn: &mut DbConn,
    user_id: &str,
    workspace_id: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::workspace_id.eq(workspace_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)?;
    Ok(())
}

pub fn revoke_refresh_token(
    conn: &mut DbConn,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::token_hash.eq(token_hash))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)?;
    Ok(())
}
