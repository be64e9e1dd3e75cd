//! Which events a change makes, which endpoints want them, and the body each receives.
//!
//! Every change of the feed makes the event `{type}.{op}` (`contact.updated`,
//! `introduction.created`, …). A referral request or an introduction whose status moved
//! makes `{type}.status_changed` as well, so a receiver that only cares about the pipeline
//! need not compare states itself.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::changes::Change;
use crate::db::pending::{ChangeOp, ResourceType};

/// The event a test delivery carries (`POST /v1/webhooks/{id}/test`).
pub const TEST_EVENT: &str = "webhook.test";

/// Bodies larger than this carry no `data`: the receiver fetches `href`.
pub const MAX_BODY_BYTES: usize = 20 * 1024;

const OPS: [ChangeOp; 4] = [
    ChangeOp::Created,
    ChangeOp::Updated,
    ChangeOp::Deleted,
    ChangeOp::Merged,
];

/// Resources whose status moves through a pipeline.
fn has_status(resource_type: ResourceType) -> bool {
    matches!(
        resource_type,
        ResourceType::ReferralRequest | ResourceType::Introduction
    )
}

/// Every event an endpoint can subscribe to by name.
pub fn known() -> Vec<String> {
    let mut names = Vec::new();
    for resource_type in ResourceType::ALL {
        for op in OPS {
            if op != ChangeOp::Merged || resource_type == ResourceType::Contact {
                names.push(format!("{}.{}", resource_type.as_str(), op.as_str()));
            }
        }
        if has_status(resource_type) {
            names.push(format!("{}.status_changed", resource_type.as_str()));
        }
    }
    names.push(super::digest::EVENT.to_owned());
    names
}

/// Everything `event_types` accepts: `*`, `<resource>.*`, and every event by name.
pub fn patterns() -> Vec<String> {
    let mut patterns = vec!["*".to_owned()];
    patterns.extend(
        ResourceType::ALL
            .iter()
            .map(|resource_type| format!("{}.*", resource_type.as_str())),
    );
    patterns.extend(known());
    patterns
}

/// A constant's name for each of `patterns` (`ALL`, `CONTACT_ALL`, `CONTACT_CREATED`…).
pub fn pattern_names() -> Vec<String> {
    patterns()
        .iter()
        .map(|pattern| {
            pattern
                .replace(".*", "_all")
                .replace('*', "all")
                .replace('.', "_")
                .to_uppercase()
        })
        .collect()
}

/// What an endpoint subscribed to: `*`, a resource's every event (`contact.*`), or one
/// event by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventTypes(Vec<String>);

impl EventTypes {
    pub fn parse(names: Vec<String>) -> Result<Self, String> {
        if names.is_empty() {
            return Err("must name at least one event type, or `*` for all".to_owned());
        }
        if names.len() > 100 {
            return Err("at most 100 event types".to_owned());
        }
        let patterns = patterns();
        let mut kept: Vec<String> = Vec::with_capacity(names.len());
        for name in names {
            let name = name.trim().to_owned();
            if !patterns.contains(&name) {
                return Err(format!(
                    "`{name}` is not an event type: use `*`, `<resource>.*` or one of {}",
                    known().join(", ")
                ));
            }
            if !kept.contains(&name) {
                kept.push(name);
            }
        }
        Ok(Self(kept))
    }

    /// The stored form: names separated by spaces (no name has one).
    pub fn to_stored(&self) -> String {
        self.0.join(" ")
    }

    pub fn from_stored(text: &str) -> Self {
        Self(text.split(' ').map(str::to_owned).collect())
    }

    pub fn names(&self) -> &[String] {
        &self.0
    }

    pub fn matches(&self, event: &str) -> bool {
        self.0.iter().any(|pattern| pattern_matches(pattern, event))
    }
}

/// Whether the event types as stored (`to_stored`) take `event`, read in place: the
/// dispatcher asks this for every change, event and endpoint.
pub fn stored_match(stored: &str, event: &str) -> bool {
    stored
        .split(' ')
        .any(|pattern| pattern_matches(pattern, event))
}

fn pattern_matches(pattern: &str, event: &str) -> bool {
    pattern == "*"
        || pattern == event
        || pattern
            .strip_suffix('*')
            .is_some_and(|prefix| event.starts_with(prefix))
}

/// What a change shows of its resource for the events that compare: its status, and the
/// member it belongs to (a contact's owner, or who logged the interaction, asked for the
/// referral or recorded the introduction).
#[derive(Debug, Default, Clone)]
pub struct Shown {
    pub status: Option<String>,
    pub owner: Option<String>,
}

impl Shown {
    /// Reads the two fields, parsing the resource's JSON once and nothing else of it.
    pub fn of(change: &Change) -> Self {
        #[derive(serde::Deserialize)]
        struct Fields {
            status: Option<String>,
            owner_id: Option<String>,
            member_id: Option<String>,
        }
        let Some(fields) = change
            .data
            .as_ref()
            .and_then(|data| serde_json::from_str::<Fields>(data.get()).ok())
        else {
            return Self::default();
        };
        let owner = match change.resource_type {
            ResourceType::Contact => fields.owner_id,
            ResourceType::Interaction
            | ResourceType::ReferralRequest
            | ResourceType::Introduction => fields.member_id,
            _ => None,
        };
        Self {
            status: fields.status,
            owner,
        }
    }
}

/// Whether the previous state is needed to tell this change's events, or its owner when
/// endpoints filter `by_owner` (a deletion shows none).
pub fn compares(change: &Change, by_owner: bool) -> bool {
    (has_status(change.resource_type) && change.op == ChangeOp::Updated)
        || (by_owner && change.data.is_none())
}

/// The events one change makes, given what it shows and what the resource's previous
/// change showed.
pub fn of_change(change: &Change, shown: &Shown, before: Option<&Shown>) -> Vec<String> {
    let kind = change.resource_type.as_str();
    let mut events = vec![format!("{kind}.{}", change.op.as_str())];
    if has_status(change.resource_type) && change.op == ChangeOp::Updated {
        if let Some(before) = before {
            if shown.status.is_some() && before.status.is_some() && shown.status != before.status {
                events.push(format!("{kind}.status_changed"));
            }
        }
    }
    events
}

/// Where a receiver reads the resource of a change.
fn href(change: &Change) -> String {
    let id = change.id;
    match change.resource_type {
        ResourceType::Contact => format!("/v1/contacts/{id}"),
        ResourceType::Interaction => format!("/v1/interactions/{id}"),
        ResourceType::ReferralRequest => format!("/v1/referral-requests/{id}"),
        ResourceType::Introduction => format!("/v1/introductions/{id}"),
        ResourceType::Connection => format!("/v1/connections/{id}"),
        ResourceType::Snooze => "/v1/nurture/snoozes".to_owned(),
        ResourceType::Member => format!("/v1/members/{id}"),
        ResourceType::Settings => "/v1/workspace/settings".to_owned(),
    }
}

/// The body of a change's event: `{type, timestamp, data}`, `data` being the change as
/// the feed shows it plus `href`; `data.data` is left out (`data_omitted: true`) when the
/// body would pass 20 KB.
pub fn change_body(event: &str, change: &Change) -> Result<String, serde_json::Error> {
    #[derive(Serialize)]
    struct Body<'a> {
        #[serde(rename = "type")]
        event: &'a str,
        timestamp: DateTime<Utc>,
        data: Data<'a>,
    }
    #[derive(Serialize)]
    struct Data<'a> {
        seq: i64,
        #[serde(rename = "type")]
        resource_type: ResourceType,
        id: uuid::Uuid,
        op: ChangeOp,
        version: Option<i64>,
        changed_at: DateTime<Utc>,
        data: Option<&'a serde_json::value::RawValue>,
        merged_into: Option<uuid::Uuid>,
        href: String,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        data_omitted: bool,
    }
    let mut body = Body {
        event,
        timestamp: change.changed_at,
        data: Data {
            seq: change.seq,
            resource_type: change.resource_type,
            id: change.id,
            op: change.op,
            version: change.version,
            changed_at: change.changed_at,
            data: change.data.as_deref(),
            merged_into: change.merged_into,
            href: href(change),
            data_omitted: false,
        },
    };
    let text = serde_json::to_string(&body)?;
    if text.len() <= MAX_BODY_BYTES {
        return Ok(text);
    }
    body.data.data = None;
    body.data.data_omitted = true;
    serde_json::to_string(&body)
}

/// The body of a test event.
pub fn test_body(webhook_id: &str, timestamp: DateTime<Utc>) -> String {
    serde_json::json!({
        "type": TEST_EVENT,
        "timestamp": timestamp,
        "data": {"webhook_id": webhook_id},
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(resource_type: ResourceType, op: ChangeOp, data: Option<&str>) -> Change {
        Change {
            seq: 7,
            resource_type,
            id: uuid::Uuid::now_v7(),
            op,
            version: Some(2),
            changed_at: Utc::now(),
            data: data.map(|d| serde_json::value::RawValue::from_string(d.to_owned()).unwrap()),
            merged_into: None,
        }
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn subscriptions_accept_names_wildcards_and_nothing_else() {
        let types =
            EventTypes::parse(names(&["contact.*", "introduction.status_changed"])).unwrap();
        assert!(types.matches("contact.created"));
        assert!(types.matches("contact.merged"));
        assert!(types.matches("introduction.status_changed"));
        assert!(!types.matches("introduction.updated"));
        assert!(!types.matches("contacts.created"));
        assert!(stored_match(&types.to_stored(), "contact.created"));
        assert!(!stored_match(&types.to_stored(), "introduction.updated"));
        assert!(EventTypes::parse(names(&["*"]))
            .unwrap()
            .matches("settings.updated"));
        for bad in [
            vec![],
            names(&["contact"]),
            names(&["deal.*"]),
            names(&["interaction.merged"]),
        ] {
            assert!(EventTypes::parse(bad.clone()).is_err(), "{bad:?}");
        }
        let constants = pattern_names();
        assert_eq!(constants[..2], ["ALL", "CONTACT_ALL"]);
        assert!(constants.contains(&"INTRODUCTION_STATUS_CHANGED".to_owned()));
        let deduped = EventTypes::parse(names(&["*", "*"])).unwrap();
        assert_eq!(deduped.names(), ["*"]);
        assert_eq!(EventTypes::from_stored(&deduped.to_stored()), deduped);
    }

    #[test]
    fn a_status_that_moved_makes_a_status_event_too() {
        let now = change(
            ResourceType::Introduction,
            ChangeOp::Updated,
            Some(r#"{"status":"met"}"#),
        );
        let before = Shown {
            status: Some("proposed".into()),
            owner: None,
        };
        assert_eq!(
            of_change(&now, &Shown::of(&now), Some(&before)),
            ["introduction.updated", "introduction.status_changed"]
        );
        let same = Shown {
            status: Some("met".into()),
            owner: None,
        };
        assert_eq!(
            of_change(&now, &Shown::of(&now), Some(&same)),
            ["introduction.updated"]
        );
        // Without the previous state, nothing is claimed about the status.
        assert_eq!(
            of_change(&now, &Shown::of(&now), None),
            ["introduction.updated"]
        );
        let created = change(
            ResourceType::ReferralRequest,
            ChangeOp::Created,
            Some(r#"{"status":"planned"}"#),
        );
        assert_eq!(
            of_change(&created, &Shown::of(&created), None),
            ["referral_request.created"]
        );
        assert!(!compares(&created, true));
        assert!(compares(&now, false));
        let deleted = change(ResourceType::Contact, ChangeOp::Deleted, None);
        assert!(compares(&deleted, true));
        assert!(!compares(&deleted, false));
    }

    #[test]
    fn owners_are_read_from_the_resource() {
        let contact = change(
            ResourceType::Contact,
            ChangeOp::Updated,
            Some(r#"{"owner_id":"m1"}"#),
        );
        assert_eq!(Shown::of(&contact).owner.as_deref(), Some("m1"));
        let interaction = change(
            ResourceType::Interaction,
            ChangeOp::Created,
            Some(r#"{"member_id":"m2"}"#),
        );
        assert_eq!(Shown::of(&interaction).owner.as_deref(), Some("m2"));
        let settings = change(
            ResourceType::Settings,
            ChangeOp::Updated,
            Some(r#"{"member_id":"m2"}"#),
        );
        assert_eq!(Shown::of(&settings).owner, None);
    }

    #[test]
    fn large_resources_are_sent_as_a_reference() {
        let small = change(
            ResourceType::Contact,
            ChangeOp::Updated,
            Some(r#"{"first_name":"Ana"}"#),
        );
        let body: serde_json::Value =
            serde_json::from_str(&change_body("contact.updated", &small).unwrap()).unwrap();
        assert_eq!(body["type"], "contact.updated");
        assert_eq!(body["data"]["data"]["first_name"], "Ana");
        assert_eq!(body["data"]["href"], format!("/v1/contacts/{}", small.id));
        assert!(body["data"].get("data_omitted").is_none());

        let notes = "x".repeat(MAX_BODY_BYTES);
        let large = change(
            ResourceType::Contact,
            ChangeOp::Updated,
            Some(&format!(r#"{{"notes":"{notes}"}}"#)),
        );
        let text = change_body("contact.updated", &large).unwrap();
        assert!(text.len() < MAX_BODY_BYTES, "{}", text.len());
        let body: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(body["data"]["data"], serde_json::Value::Null);
        assert_eq!(body["data"]["data_omitted"], true);
    }
}
