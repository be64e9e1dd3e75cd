use diesel::prelude::*;

use super::{check_role_change, Member, MemberRow, Role, RoleChangeRefusal, WorkspaceRow};
use crate::db::pending::{self, ChangeOp, ResourceType};
use crate::db::schema::{contacts, members, refresh_tokens, users, workspaces};
use crate::db::{is_unique_violation, DbConn};
use crate::error::ApiError;
use crate::http::pagination::{Page, PageRequest};
use crate::time::{db_now, from_db};

pub fn workspace(conn: &mut DbConn, workspace_id: &str) -> Result<WorkspaceRow, ApiError> {
    workspaces::table
        .find(workspace_id)
        .select(WorkspaceRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("this workspace no longer exists"))
}

pub fn rename(conn: &mut DbConn, workspace_id: &str, name: &str) -> Result<WorkspaceRow, ApiError> {
    diesel::update(workspaces::table.find(workspace_id))
        .set((
            workspaces::name.eq(name),
            workspaces::updated_at.eq(db_now()),
        ))
        .execute(conn)?;
    workspace(conn, workspace_id)
}

fn member_view((row, email, name): (MemberRow, String, String)) -> Result<Member, ApiError> {
    Ok(Member {
        id: row.id.parse().map_err(ApiError::internal)?,
        user_id: row.user_id.parse().map_err(ApiError::internal)?,
        email,
        name,
        role: row
            .role
            .parse()
            .map_err(|e: String| ApiError::internal(anyhow::anyhow!(e)))?,
        created_at: from_db(row.created_at),
        updated_at: from_db(row.updated_at),
    })
}

pub fn list(
    conn: &mut DbConn,
    workspace_id: &str,
    page: &PageRequest,
) -> Result<Page<Member>, ApiError> {
    let mut query = members::table
        .inner_join(users::table)
        .filter(members::workspace_id.eq(workspace_id))
        .filter(members::removed_at.is_null())
        .select((MemberRow::as_select(), users::email, users::name))
        .order(members::id.asc())
        .limit(page.fetch_limit())
        .into_boxed();
    if let Some(after) = page.after_id()? {
        query = query.filter(members::id.gt(after.to_owned()));
    }
    let rows = query.load::<(MemberRow, String, String)>(conn)?;
    let members = rows
        .into_iter()
        .map(member_view)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(page.page(members, |member| member.id.to_string()))
}

/// Whether `member_id` is a current member of the workspace.
pub fn is_member(conn: &mut DbConn, workspace_id: &str, member_id: &str) -> Result<bool, ApiError> {
    let count: i64 = members::table
        .filter(members::workspace_id.eq(workspace_id))
        .filter(members::id.eq(member_id))
        .filter(members::removed_at.is_null())
        .count()
        .get_result(conn)?;
    Ok(count > 0)
}

pub fn find(conn: &mut DbConn, workspace_id: &str, member_id: &str) -> Result<Member, ApiError> {
    members::table
        .inner_join(users::table)
        .filter(members::workspace_id.eq(workspace_id))
        .filter(members::id.eq(member_id))
        .filter(members::removed_at.is_null())
        .select((MemberRow::as_select(), users::email, users::name))
        .first::<(MemberRow, String, String)>(conn)
        .optional()?
        .map(member_view)
        .transpose()?
        .ok_or_else(|| ApiError::not_found(format!("no member {member_id} in this workspace")))
}

/// Makes a user a member (on accepting an invitation); someone removed before comes back
/// as the same member. Answers the member id.
pub fn admit(
    conn: &mut DbConn,
    workspace_id: &str,
    user_id: &str,
    role: Role,
) -> Result<String, ApiError> {
    let now = db_now();
    crate::network::cache::changed(conn, workspace_id)?;
    let existing = members::table
        .filter(members::workspace_id.eq(workspace_id))
        .filter(members::user_id.eq(user_id))
        .select((members::id, members::removed_at.is_null()))
        .first::<(String, bool)>(conn)
        .optional()?;
    match existing {
        Some((_, true)) => Err(ApiError::conflict(
            "already_member",
            "you are already a member of this workspace",
        )),
        Some((member_id, false)) => {
            diesel::update(members::table.find(&member_id))
                .set((
                    members::role.eq(role.as_str()),
                    members::removed_at.eq(None::<chrono::NaiveDateTime>),
                    members::updated_at.eq(now),
                ))
                .execute(conn)?;
            pending::touched_one(
                conn,
                workspace_id,
                ResourceType::Member,
                ChangeOp::Created,
                &member_id,
            )?;
            Ok(member_id)
        }
        None => {
            let row = MemberRow {
                id: uuid::Uuid::now_v7().to_string(),
                workspace_id: workspace_id.to_owned(),
                user_id: user_id.to_owned(),
                role: role.as_str().to_owned(),
                created_at: now,
                updated_at: now,
            };
            match diesel::insert_into(members::table)
                .values(&row)
                .execute(conn)
            {
                Err(e) if is_unique_violation(&e) => Err(ApiError::conflict(
                    "already_member",
                    "you are already a member of this workspace",
                )),
                other => {
                    other?;
                    pending::touched_one(
                        conn,
                        workspace_id,
                        ResourceType::Member,
                        ChangeOp::Created,
                        &row.id,
                    )?;
                    Ok(row.id)
                }
            }
        }
    }
}

/// Serialises changes to the workspace's members: holds the workspace row until the
/// transaction ends (an UPDATE takes its row lock on PostgreSQL; SQLite transactions
/// already begin IMMEDIATE), then answers the actor's role as it is now. Two owners
/// demoting or removing each other at once then run one after the other, and the second
/// sees that it would remove the last owner, or that it is no longer an owner.
pub fn lock_members(
    conn: &mut DbConn,
    workspace_id: &str,
    actor_member_id: &str,
) -> Result<Role, ApiError> {
    diesel::update(workspaces::table.find(workspace_id))
        .set(workspaces::id.eq(workspaces::id))
        .execute(conn)?;
    let actor = find(conn, workspace_id, actor_member_id)
        .map_err(|_| ApiError::unauthorized("you are no longer a member of this workspace"))?;
    if !matches!(actor.role, Role::Owner | Role::Admin) {
        return Err(ApiError::forbidden("only owners and admins can do this"));
    }
    Ok(actor.role)
}

fn owner_count(conn: &mut DbConn, workspace_id: &str) -> Result<i64, ApiError> {
    Ok(members::table
        .filter(members::workspace_id.eq(workspace_id))
        .filter(members::role.eq(Role::Owner.as_str()))
        .filter(members::removed_at.is_null())
        .count()
        .get_result(conn)?)
}

fn refuse(refusal: RoleChangeRefusal) -> ApiError {
    match refusal {
        RoleChangeRefusal::OwnerOnly => {
            ApiError::forbidden("only an owner can make or unmake an owner")
        }
        RoleChangeRefusal::LastOwner => ApiError::conflict(
            "last_owner",
            "a workspace needs an owner: make someone else owner first",
        ),
    }
}

pub fn change_role(
    conn: &mut DbConn,
    workspace_id: &str,
    actor_member_id: &str,
    member_id: &str,
    role: Role,
) -> Result<Member, ApiError> {
    let actor = lock_members(conn, workspace_id, actor_member_id)?;
    let current = find(conn, workspace_id, member_id)?;
    check_role_change(
        actor,
        current.role,
        Some(role),
        owner_count(conn, workspace_id)?,
    )
    .map_err(refuse)?;
    diesel::update(members::table.find(member_id))
        .set((
            members::role.eq(role.as_str()),
            members::updated_at.eq(db_now()),
        ))
        .execute(conn)?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Member,
        ChangeOp::Updated,
        member_id,
    )?;
    find(conn, workspace_id, member_id)
}

/// Removes a member. The relationships they held pass to the member who removed them,
/// and their sessions in this workspace end. The row stays, marked removed, so that the
/// interactions they had still name them.
pub fn remove(
    conn: &mut DbConn,
    actor: &crate::auth::Principal,
    member_id: &str,
) -> Result<(), ApiError> {
    let workspace_id = actor.workspace_id.as_str();
    let actor_role = lock_members(conn, workspace_id, &actor.member_id)?;
    let current = find(conn, workspace_id, member_id)?;
    check_role_change(
        actor_role,
        current.role,
        None,
        owner_count(conn, workspace_id)?,
    )
    .map_err(refuse)?;
    if member_id == actor.member_id {
        return Err(ApiError::conflict(
            "cannot_remove_self",
            "you cannot remove yourself; ask another admin",
        ));
    }
    let now = db_now();
    let passed_on = diesel::update(
        contacts::table
            .filter(contacts::workspace_id.eq(workspace_id))
            .filter(contacts::owner_id.eq(member_id)),
    )
    .set((
        contacts::owner_id.eq(&actor.member_id),
        contacts::updated_at.eq(now),
        contacts::version.eq(contacts::version + 1),
    ))
    .returning(contacts::id)
    .get_results::<String>(conn)?;
    let ids = passed_on.iter().map(String::as_str);
    pending::touched(
        conn,
        workspace_id,
        ResourceType::Contact,
        ChangeOp::Updated,
        ids,
    )?;
    pending::touched_one(
        conn,
        workspace_id,
        ResourceType::Member,
        ChangeOp::Deleted,
        member_id,
    )?;
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::workspace_id.eq(workspace_id))
            .filter(refresh_tokens::user_id.eq(current.user_id.to_string()))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)?;
    diesel::update(members::table.find(member_id))
        .set((members::removed_at.eq(now), members::updated_at.eq(now)))
        .execute(conn)?;
    crate::network::cache::changed(conn, workspace_id)
}
