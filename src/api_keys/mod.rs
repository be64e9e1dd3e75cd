//! API keys: long-lived credentials for integrations (a CRM sync, a script), made by owners
//! and admins. A key acts as the member who created it, so its writes are theirs and it can
//! never do more than that member may do today; its scopes narrow it further. The secret
//! is shown once and stored only as a hash.

pub mod handlers;
pub mod queries;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::api_key::{Scope, Scopes};
use crate::values::bounded_text;

bounded_text!(
    /// What a key is for, as its owners will recognise it in the list.
    KeyName, max = 100, multiline = false
);

/// A key to make.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "HubSpot sync", "scopes": ["read", "write"], "expires_at": "2027-12-01T00:00:00Z"}))]
pub struct NewApiKey {
    pub name: KeyName,
    /// One to three of `read`, `write`, `admin`. Every key reads; a key made with another
    /// key may not have scopes that key lacks.
    pub scopes: Scopes,
    /// When the key stops working; never, if absent or null. Must be in the future.
    #[serde(default, deserialize_with = "crate::time::accept::optional_time")]
    pub expires_at: Option<DateTime<Utc>>,
}

/// An API key, without its secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKey {
    pub id: uuid::Uuid,
    #[schema(example = "HubSpot sync")]
    pub name: String,
    pub scopes: Vec<Scope>,
    /// The secret's prefix and last four characters, to tell keys apart.
    #[schema(example = "rk_…x4Qe")]
    pub secret_hint: String,
    /// The member who made it, whom its writes are attributed to.
    pub created_by: uuid::Uuid,
    pub expires_at: Option<DateTime<Utc>>,
    /// When it was last used, to the minute; null if never.
    pub last_used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A new API key and its secret: the only time the secret is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub key: ApiKey,
    /// Send as `Authorization: Bearer <secret>`. Store it now: it cannot be shown again.
    #[schema(example = "rk_3q2-7wEvYkF2mC0b1m9xJ1J0m2pI8n4o5QeV6aZx4Qe")]
    pub secret: String,
}
