//! Webhooks: endpoints that subscribe to events, signed deliveries per the Standard
//! Webhooks specification, at least once. Events come from the change feed
//! (`crate::changes`), the one log every write transaction adds to as it commits: the
//! dispatcher turns each change into a delivery per endpoint that wants it
//! (`dispatch`), and the worker sends, retries and records them (`worker`).

pub mod address;
pub mod digest;
pub mod dispatch;
pub mod events;
pub mod handlers;
pub mod queries;
pub mod signing;
pub mod worker;

use chrono::{DateTime, Utc};
use reqwest::Url;
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use crate::values::{bounded_text, not_null, present};
use events::EventTypes;

bounded_text!(
    /// What the endpoint is for, as its owners will recognise it.
    WebhookDescription, max = 500, multiline = false
);

/// Where deliveries go: an absolute `http` or `https` URL without credentials, at most
/// 2,048 characters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct WebhookUrl(Url);

impl TryFrom<String> for WebhookUrl {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        if text.len() > 2048 {
            return Err("must be at most 2048 characters".to_owned());
        }
        let url = Url::parse(text.trim()).map_err(|e| format!("is not a URL ({e})"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err("must be an http or https URL".to_owned());
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err("must name a host".to_owned());
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("must not carry credentials: put a token in the path or query".to_owned());
        }
        if url.fragment().is_some() {
            return Err("must not have a fragment".to_owned());
        }
        Ok(Self(url))
    }
}

impl WebhookUrl {
    pub fn url(&self) -> &Url {
        &self.0
    }
}

impl PartialSchema for WebhookUrl {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::Custom(
                "uri".to_owned(),
            )))
            .max_length(Some(2048))
            .description(Some(
                "An absolute http or https URL without credentials. Loopback, private, \
                 link-local and reserved addresses are refused.",
            ))
            .examples([serde_json::json!("https://crm.example.com/hooks/rapport")])
            .into()
    }
}

impl ToSchema for WebhookUrl {}

impl<'de> Deserialize<'de> for EventTypes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        EventTypes::parse(Vec::<String>::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl Serialize for EventTypes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.names().serialize(s)
    }
}

impl PartialSchema for EventTypes {
    fn schema() -> RefOr<Schema> {
        ArrayBuilder::new()
            .items(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(events::patterns()))
                    // Names for generated clients, which cannot make one of `*`.
                    .extensions(Some(
                        utoipa::openapi::extensions::ExtensionsBuilder::new()
                            .add("x-enum-varnames", events::pattern_names())
                            .build(),
                    )),
            )
            .min_items(Some(1))
            .max_items(Some(100))
            .description(Some(
                "Events to receive: `*` for all, `<resource>.*` for every event of one kind \
                 of resource, or events by name. A change of a resource is \
                 `<resource>.<created|updated|deleted>` (`contact.merged` too); a referral \
                 request or introduction whose status moved is also \
                 `<resource>.status_changed`.",
            ))
            .examples([serde_json::json!([
                "contact.created",
                "introduction.status_changed"
            ])])
            .into()
    }
}

impl ToSchema for EventTypes {}

/// An endpoint to subscribe.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"url": "https://crm.example.com/hooks/rapport", "event_types": ["contact.*", "introduction.status_changed"], "description": "CRM sync"}))]
pub struct NewWebhook {
    pub url: WebhookUrl,
    pub event_types: EventTypes,
    /// Only events of contacts, interactions, referral requests and introductions this
    /// member owns (for a deletion: owned last); none of other resources.
    #[serde(default)]
    pub member_id: Option<uuid::Uuid>,
    #[serde(default)]
    pub description: Option<WebhookDescription>,
    /// Whether events are delivered (default true).
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
}

fn enabled_by_default() -> bool {
    true
}

/// Changes to an endpoint; absent fields stay as they are.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"enabled": true}))]
pub struct WebhookPatch {
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub url: Option<WebhookUrl>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub event_types: Option<EventTypes>,
    /// null removes the filter.
    #[serde(default, deserialize_with = "present")]
    pub member_id: Option<Option<uuid::Uuid>>,
    #[serde(default, deserialize_with = "present")]
    pub description: Option<Option<WebhookDescription>>,
    /// true delivers again (and clears `disabled_reason`); deliveries held while it was
    /// disabled go out then.
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub enabled: Option<bool>,
}

/// A webhook endpoint, without its secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct Webhook {
    pub id: uuid::Uuid,
    #[schema(example = "https://crm.example.com/hooks/rapport")]
    pub url: String,
    pub event_types: EventTypes,
    pub member_id: Option<uuid::Uuid>,
    #[schema(example = "CRM sync")]
    pub description: Option<String>,
    pub enabled: bool,
    /// Why deliveries stopped, when Rapport disabled it (the receiver answered 410, or
    /// failed for days).
    pub disabled_reason: Option<String>,
    /// Until when deliveries are signed with the previous secret as well, after a
    /// rotation.
    pub previous_secret_valid_until: Option<DateTime<Utc>>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A new endpoint and its signing secret: the only time the secret is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedWebhook {
    #[serde(flatten)]
    pub webhook: Webhook,
    /// Verify `webhook-signature` with it. Store it now: it cannot be shown again.
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwC5eWCAGo6gc=")]
    pub secret: String,
}

/// A new signing secret. Deliveries carry signatures with both secrets until
/// `previous_secret_valid_until`, so receivers can switch without losing any.
#[derive(Debug, Serialize, ToSchema)]
pub struct RotatedSecret {
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwC5eWCAGo6gc=")]
    pub secret: String,
    pub previous_secret_valid_until: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Waiting for its next attempt.
    Pending,
    /// The receiver answered 2xx.
    Succeeded,
    /// Given up: the receiver refused it (any answer but 2xx, 408, 429 and 5xx; 410 also
    /// disables the endpoint), or every retry failed.
    Failed,
}

impl DeliveryStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Pending, Self::Succeeded, Self::Failed]
            .into_iter()
            .find(|status| status.as_str() == text)
    }
}

/// One event sent to one endpoint, with its attempts so far.
#[derive(Debug, Serialize, ToSchema)]
pub struct Delivery {
    /// Also the `webhook-id` header, the same on every attempt: receivers dedupe on it.
    pub id: uuid::Uuid,
    pub webhook_id: uuid::Uuid,
    #[schema(example = "contact.updated")]
    pub event_type: String,
    /// The position in the change feed of the change it reports; null for tests.
    pub seq: Option<i64>,
    pub status: DeliveryStatus,
    pub attempts: i32,
    /// When the next attempt is due; null once it succeeded or failed.
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// The HTTP status of the last answer; null if there was none (timeout, refused
    /// connection).
    pub last_status_code: Option<i32>,
    pub last_latency_ms: Option<i32>,
    /// The first kilobyte of the last answer's body, or why there was no answer.
    pub last_response: Option<String>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}
