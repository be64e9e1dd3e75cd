//! Invitations: a person joins a workspace only by accepting one addressed to their email.
//! The inviter learns nothing about whether that email has an account.

pub mod handlers;
pub mod queries;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::values::{bounded_int, string_enum, Email};
use crate::workspaces::{Role, Workspace};

string_enum!(
    /// `pending` until accepted, declined or revoked; a pending one past its expiry is
    /// shown as `expired`.
    InvitationStatus {
        Pending = "pending",
        Accepted = "accepted",
        Declined = "declined",
        Revoked = "revoked",
        Expired = "expired",
    }
);

bounded_int!(
    /// Days an invitation stays open, 1 to 30.
    ExpiresInDays(i64), 1..=30, "must be a number of days from 1 to 30"
);

/// Days an invitation stays open unless the inviter says otherwise.
pub const DEFAULT_EXPIRY_DAYS: i64 = 7;

/// An invitation to send.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "sam@example.com", "role": "member"}))]
pub struct NewInvitation {
    /// Whom to invite: they accept after logging in (or registering) with this email.
    pub email: Email,
    /// The role they will have; only an owner invites an owner.
    pub role: Role,
    /// Days it stays open, 1 to 30 (default 7).
    pub expires_in_days: Option<ExpiresInDays>,
}

/// The status an invitation shows at `now`.
pub fn status_at(
    stored: InvitationStatus,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> InvitationStatus {
    match stored {
        InvitationStatus::Pending if expires_at <= now => InvitationStatus::Expired,
        other => other,
    }
}

/// When an invitation sent at `now` expires.
pub fn expiry(now: NaiveDateTime, days: Option<ExpiresInDays>) -> NaiveDateTime {
    now + Duration::days(days.map_or(DEFAULT_EXPIRY_DAYS, ExpiresInDays::get))
}

/// An invitation as its workspace's admins see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Invitation {
    pub id: uuid::Uuid,
    #[schema(value_type = String, format = Email, example = "sam@example.com")]
    pub email: String,
    pub role: Role,
    pub status: InvitationStatus,
    /// The member who sent it.
    pub invited_by: uuid::Uuid,
    pub expires_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An invitation as the invited person sees it: which workspace, what role.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedInvitation {
    pub id: uuid::Uuid,
    pub workspace: Workspace,
    pub role: Role,
    /// Who invited you.
    #[schema(example = "Dana Whitfield")]
    pub invited_by_name: String,
    pub expires_at: DateTime<Utc>,
}

/// What accepting gives: a membership; log in with its `workspace.id` to act there.
#[derive(Debug, Serialize, ToSchema)]
pub struct Joined {
    pub workspace: Workspace,
    pub member_id: uuid::Uuid,
    pub role: Role,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_invitation_expires_and_a_closed_one_stays_closed() {
        let sent = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let expires = expiry(sent, None);
        assert_eq!(expires, sent + Duration::days(7));
        let before = expires - Duration::seconds(1);
        assert_eq!(
            status_at(InvitationStatus::Pending, expires, before),
            InvitationStatus::Pending
        );
        assert_eq!(
            status_at(InvitationStatus::Pending, expires, expires),
            InvitationStatus::Expired
        );
        assert_eq!(
            status_at(InvitationStatus::Accepted, expires, expires),
            InvitationStatus::Accepted
        );
        let thirty: ExpiresInDays = serde_json::from_value(serde_json::json!(30)).unwrap();
        assert_eq!(expiry(sent, Some(thirty)), sent + Duration::days(30));
    }
}
