//! Workspaces (a team sharing one network) and their members with roles.

pub mod export;
pub mod handlers;
pub mod queries;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::schema::{members, workspaces};
use crate::time::from_db;
use crate::values::string_enum;

string_enum!(
    /// What a member may do: owners and admins manage members, members change the
    /// network, viewers only read.
    Role {
        Owner = "owner",
        Admin = "admin",
        Member = "member",
        Viewer = "viewer",
    }
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = workspaces)]
pub struct WorkspaceRow {
    pub id: String,
    pub name: String,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = members)]
pub struct MemberRow {
    pub id: String,
    pub workspace_id: String,
    pub user_id: String,
    pub role: String,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

/// A workspace: one team's shared network.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Workspace {
    pub id: uuid::Uuid,
    #[schema(example = "Acme Advisory")]
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<WorkspaceRow> for Workspace {
    fn from(row: WorkspaceRow) -> Self {
        Self {
            id: row.id.parse().unwrap_or_default(),
            name: row.name,
            created_at: from_db(row.created_at),
            updated_at: from_db(row.updated_at),
        }
    }
}

/// A member of the workspace: a user and their role in it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Member {
    pub id: uuid::Uuid,
    pub user_id: uuid::Uuid,
    #[schema(value_type = String, format = Email, example = "dana@example.com")]
    pub email: String,
    #[schema(example = "Dana Whitfield")]
    pub name: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"role": "viewer"}))]
pub struct ChangeRole {
    pub role: Role,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Acme Advisory"}))]
pub struct RenameWorkspace {
    pub name: crate::values::Name,
}

/// Only an owner can make or unmake an owner, and a workspace never loses its last owner.
pub fn check_role_change(
    actor: Role,
    current: Role,
    target: Option<Role>,
    owners: i64,
) -> Result<(), RoleChangeRefusal> {
    let touches_owner = current == Role::Owner || target == Some(Role::Owner);
    if touches_owner && actor != Role::Owner {
        return Err(RoleChangeRefusal::OwnerOnly);
    }
    if current == Role::Owner && target != Some(Role::Owner) && owners <= 1 {
        return Err(RoleChangeRefusal::LastOwner);
    }
    Ok(())
}

#[derive(Debug, PartialEq, Eq)]
pub enum RoleChangeRefusal {
    OwnerOnly,
    LastOwner,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_are_protected() {
        use Role::*;
        assert_eq!(check_role_change(Admin, Member, Some(Viewer), 1), Ok(()));
        assert_eq!(
            check_role_change(Admin, Member, Some(Owner), 1),
            Err(RoleChangeRefusal::OwnerOnly)
        );
        assert_eq!(
            check_role_change(Admin, Owner, None, 2),
            Err(RoleChangeRefusal::OwnerOnly)
        );
        assert_eq!(
            check_role_change(Owner, Owner, Some(Admin), 1),
            Err(RoleChangeRefusal::LastOwner)
        );
        assert_eq!(
            check_role_change(Owner, Owner, None, 1),
            Err(RoleChangeRefusal::LastOwner)
        );
        assert_eq!(check_role_change(Owner, Owner, None, 2), Ok(()));
    }
}
