use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{
    expiry, status_at, Invitation, InvitationStatus, Joined, NewInvitation, ReceivedInvitation,
};
use crate::db::schema::{invitations, members, users, workspaces};
use crate::db::DbConn;
use crate::error::ApiError;
use crate::http::pagination::{Page, PageRequest};
use crate::time::{db_now, from_db};
use crate::workspaces::{Role, WorkspaceRow};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = invitations)]
struct InvitationRow {
    workspace_id: String,
    id: String,
    email: String,
    role: String,
    invited_by: String,
    status: String,
    expires_at: NaiveDateTime,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

fn corrupt(what: &str) -> ApiError {
    ApiError::internal(anyhow::anyhow!("stored invitation has an invalid {what}"))
}

impl InvitationRow {
    fn stored_status(&self) -> Result<InvitationStatus, ApiError> {
        self.status.parse().map_err(|_| corrupt("status"))
    }

    fn role(&self) -> Result<Role, ApiError> {
        self.role.parse().map_err(|_| corrupt("role"))
    }

    fn view(self, now: NaiveDateTime) -> Result<Invitation, ApiError> {
        Ok(Invitation {
            id: self.id.parse().map_err(|_| corrupt("id"))?,
            status: status_at(self.stored_status()?, self.expires_at, now),
            role: self.role()?,
            invited_by: self.invited_by.parse().map_err(|_| corrupt("inviter"))?,
            email: self.email,
            expires_at: from_db(self.expires_at),
            created_at: from_db(self.created_at),
            updated_at: from_db(self.updated_at),
        })
    }
}

/// Sends an invitation. A pending one to the same email is replaced (new role, new
/// expiry); a current member cannot be invited again. Nothing in the answer depends on
/// whether the email has an account.
pub fn invite(
    conn: &mut DbConn,
    workspace_id: &str,
    inviter: &str,
    invitation: NewInvitation,
) -> Result<Invitation, ApiError> {
    // One change to the members at a time: two invitations to one email at once would
    // both find no pending one to replace.
    crate::workspaces::queries::lock_members(conn, workspace_id, inviter)?;
    let email = invitation.email.as_str().to_owned();
    let already = members::table
        .inner_join(users::table)
        .filter(members::workspace_id.eq(workspace_id))
        .filter(members::removed_at.is_null())
        .filter(users::email.eq(&email))
        .count()
        .get_result::<i64>(conn)?;
    if already > 0 {
        return Err(ApiError::conflict(
            "already_member",
            format!("{email} is already a member of this workspace"),
        ));
    }
    let now = db_now();
    diesel::update(
        invitations::table
            .filter(invitations::workspace_id.eq(workspace_id))
            .filter(invitations::email.eq(&email))
            .filter(invitations::status.eq(InvitationStatus::Pending.as_str())),
    )
    .set((
        invitations::status.eq(InvitationStatus::Revoked.as_str()),
        invitations::updated_at.eq(now),
    ))
    .execute(conn)?;
    let row = InvitationRow {
        workspace_id: workspace_id.to_owned(),
        id: uuid::Uuid::now_v7().to_string(),
        email,
        role: invitation.role.as_str().to_owned(),
        invited_by: inviter.to_owned(),
        status: InvitationStatus::Pending.as_str().to_owned(),
        expires_at: expiry(now, invitation.expires_in_days),
        created_at: now,
        updated_at: now,
    };
    diesel::insert_into(invitations::table)
        .values(&row)
        .execute(conn)?;
    row.view(now)
}

/// The workspace's invitations, newest last.
pub fn sent(
    conn: &mut DbConn,
    workspace_id: &str,
    page: &PageRequest,
) -> Result<Page<Invitation>, ApiError> {
    let mut query = invitations::table
        .filter(invitations::workspace_id.eq(workspace_id))
        .select(InvitationRow::as_select())
        .order(invitations::id.asc())
        .limit(page.fetch_limit())
        .into_boxed();
    if let Some(after) = page.after_id()? {
        query = query.filter(invitations::id.gt(after.to_owned()));
    }
    let now = db_now();
    let invitations = query
        .load::<InvitationRow>(conn)?
        .into_iter()
        .map(|row| row.view(now))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(page.page(invitations, |i| i.id.to_string()))
}

/// Revokes a pending invitation of the workspace.
pub fn revoke(conn: &mut DbConn, workspace_id: &str, id: &str) -> Result<(), ApiError> {
    let revoked = diesel::update(
        invitations::table
            .filter(invitations::workspace_id.eq(workspace_id))
            .filter(invitations::id.eq(id))
            .filter(invitations::status.eq(InvitationStatus::Pending.as_str())),
    )
    .set((
        invitations::status.eq(InvitationStatus::Revoked.as_str()),
        invitations::updated_at.eq(db_now()),
    ))
    .execute(conn)?;
    if revoked == 0 {
        return Err(ApiError::not_found(format!(
            "no pending invitation {id} in this workspace"
        )));
    }
    Ok(())
}

fn email_of(conn: &mut DbConn, user_id: &str) -> Result<String, ApiError> {
    Ok(users::table
        .find(user_id)
        .select(users::email)
        .first::<String>(conn)?)
}

/// The pending invitations addressed to this user, in every workspace.
pub fn received(conn: &mut DbConn, user_id: &str) -> Result<Vec<ReceivedInvitation>, ApiError> {
    let email = email_of(conn, user_id)?;
    let now = db_now();
    let rows = invitations::table
        .inner_join(workspaces::table)
        .inner_join(members::table.on(members::id.eq(invitations::invited_by)))
        .inner_join(users::table.on(users::id.eq(members::user_id)))
        .filter(invitations::email.eq(&email))
        .filter(invitations::status.eq(InvitationStatus::Pending.as_str()))
        .filter(invitations::expires_at.gt(now))
        .order(invitations::id.asc())
        .select((
            InvitationRow::as_select(),
            WorkspaceRow::as_select(),
            users::name,
        ))
        .load::<(InvitationRow, WorkspaceRow, String)>(conn)?;
    rows.into_iter()
        .map(|(row, workspace, invited_by_name)| {
            Ok(ReceivedInvitation {
                id: row.id.parse().map_err(|_| corrupt("id"))?,
                role: row.role()?,
                invited_by_name,
                expires_at: from_db(row.expires_at),
                workspace: workspace.into(),
            })
        })
        .collect()
}

/// The invitation with this id addressed to this user; another's is a 404.
fn addressed_to(conn: &mut DbConn, user_id: &str, id: &str) -> Result<InvitationRow, ApiError> {
    let email = email_of(conn, user_id)?;
    invitations::table
        .filter(invitations::id.eq(id))
        .filter(invitations::email.eq(&email))
        .select(InvitationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found(format!("no invitation {id} for you")))
}

/// Fails unless the invitation can still be answered.
fn open(row: &InvitationRow, now: NaiveDateTime) -> Result<(), ApiError> {
    match status_at(row.stored_status()?, row.expires_at, now) {
        InvitationStatus::Pending => Ok(()),
        InvitationStatus::Expired => Err(ApiError::conflict(
            "invitation_expired",
            "this invitation has expired; ask for a new one",
        )),
        other => Err(ApiError::conflict(
            "invitation_closed",
            format!("this invitation was {}", other.as_str()),
        )),
    }
}

fn close(
    conn: &mut DbConn,
    row: &InvitationRow,
    status: InvitationStatus,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let closed = diesel::update(
        invitations::table
            .filter(invitations::workspace_id.eq(&row.workspace_id))
            .filter(invitations::id.eq(&row.id))
            .filter(invitations::status.eq(InvitationStatus::Pending.as_str())),
    )
    .set((
        invitations::status.eq(status.as_str()),
        invitations::updated_at.eq(now),
    ))
    .execute(conn)?;
    if closed == 0 {
        return Err(ApiError::conflict(
            "invitation_closed",
            "this invitation was answered or revoked meanwhile",
        ));
    }
    Ok(())
}

/// Accepts: the user becomes a member with the invited role (someone removed before comes
/// back as the same member).
pub fn accept(conn: &mut DbConn, user_id: &str, id: &str) -> Result<Joined, ApiError> {
    let row = addressed_to(conn, user_id, id)?;
    let now = db_now();
    open(&row, now)?;
    close(conn, &row, InvitationStatus::Accepted, now)?;
    let role = row.role()?;
    let member_id = crate::workspaces::queries::admit(conn, &row.workspace_id, user_id, role)?;
    Ok(Joined {
        workspace: crate::workspaces::queries::workspace(conn, &row.workspace_id)?.into(),
        member_id: member_id.parse().map_err(|_| corrupt("member"))?,
        role,
    })
}

pub fn decline(conn: &mut DbConn, user_id: &str, id: &str) -> Result<(), ApiError> {
    let row = addressed_to(conn, user_id, id)?;
    let now = db_now();
    open(&row, now)?;
    close(conn, &row, InvitationStatus::Declined, now)
}
