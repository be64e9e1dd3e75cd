//! Referral requests, pure: their statuses and legal moves, who they are about, and the
//! rules of asking (DESIGN R1, R2).

use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::external_ids::ExternalIds;
use crate::interactions::domain::Channel;
use crate::values::{not_null, present, string_enum, Label, LongText, Name};

string_enum!(
    /// Where an ask stands: `planned → asked → agreed → introduced → meeting_held → won |
    /// lost`, or `declined` by the referrer, or `withdrawn` by us.
    RequestStatus {
        Planned = "planned",
        Asked = "asked",
        Agreed = "agreed",
        Introduced = "introduced",
        MeetingHeld = "meeting_held",
        Won = "won",
        Lost = "lost",
        Declined = "declined",
        Withdrawn = "withdrawn",
    }
);

impl RequestStatus {
    /// The statuses a request may move to from this one; none once it is over.
    pub fn next(self) -> &'static [RequestStatus] {
        use RequestStatus::*;
        match self {
            Planned => &[Asked, Withdrawn],
            Asked => &[Agreed, Declined, Withdrawn],
            Agreed => &[Introduced, Declined, Withdrawn],
            Introduced => &[MeetingHeld, Lost],
            MeetingHeld => &[Won, Lost],
            Won | Lost | Declined | Withdrawn => &[],
        }
    }

    /// An ask waiting on the referrer: another one to the same person would be too much.
    pub fn is_open_ask(self) -> bool {
        matches!(self, RequestStatus::Asked | RequestStatus::Agreed)
    }
}

/// The moves that take a request from `from` to `to` when something other than the user
/// moves it (an introduction answering it): forward along legal moves, never through
/// `asked` (an ask is made by a person, live). Empty when it is already there; none when
/// `to` cannot be reached. Shortest first, so `introduced → won` passes `meeting_held`.
pub fn forward_path(from: RequestStatus, to: RequestStatus) -> Option<Vec<RequestStatus>> {
    if from == to {
        return Some(Vec::new());
    }
    let mut paths = vec![vec![from]];
    while !paths.is_empty() {
        let mut longer = Vec::new();
        for path in paths {
            let last = *path.last().expect("a path starts somewhere");
            for &next in last.next() {
                if next == RequestStatus::Asked {
                    continue;
                }
                let mut step = path.clone();
                step.push(next);
                if next == to {
                    return Some(step.split_off(1));
                }
                longer.push(step);
            }
        }
        paths = longer;
    }
    None
}

/// Why a move is refused, naming the moves allowed.
pub fn check_transition(from: RequestStatus, to: RequestStatus) -> Result<(), String> {
    if from.next().contains(&to) {
        return Ok(());
    }
    let allowed: Vec<&str> = from.next().iter().map(|s| s.as_str()).collect();
    Err(refuse_move(
        "a request",
        from.as_str(),
        to.as_str(),
        &allowed,
    ))
}

/// The words of a refused move, shared by every pipeline.
pub fn refuse_move(what: &str, from: &str, to: &str, allowed: &[&str]) -> String {
    if allowed.is_empty() {
        return format!("{what} that is `{from}` is closed; it cannot move to `{to}`");
    }
    let allowed: Vec<String> = allowed.iter().map(|s| format!("`{s}`")).collect();
    format!(
        "{what} cannot move from `{from}` to `{to}`; allowed: {}",
        allowed.join(", ")
    )
}

/// Who we want to meet: someone in the network, or a person not in it yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Contact(uuid::Uuid),
    Person {
        name: Name,
        company: Option<Label>,
        title: Option<Label>,
    },
}

/// `{"contact_id": …}` for someone in the network, or `{"name": …, "company": …,
/// "title": …}` for someone not in it yet.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Ana Costa", "company": "Fabrikam", "title": "CFO"}))]
pub struct RawTarget {
    contact_id: Option<uuid::Uuid>,
    name: Option<Name>,
    company: Option<Label>,
    title: Option<Label>,
}

impl TryFrom<RawTarget> for Target {
    type Error = &'static str;
    fn try_from(raw: RawTarget) -> Result<Self, Self::Error> {
        match (raw.contact_id, raw.name) {
            (Some(id), None) if raw.company.is_none() && raw.title.is_none() => Ok(Target::Contact(id)),
            (None, Some(name)) => Ok(Target::Person {
                name,
                company: raw.company,
                title: raw.title,
            }),
            _ => Err("give either `contact_id` (someone in your network) or `name`, with `company` and `title` if known (someone not in it yet)"),
        }
    }
}

impl utoipa::PartialSchema for Target {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        RawTarget::schema()
    }
}

impl ToSchema for Target {}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawTarget::deserialize(deserializer)?
            .try_into()
            .map_err(serde::de::Error::custom)
    }
}

/// A referral request to record. It starts `planned`; give `status: "asked"` (with
/// `ask_channel`) to record an ask already made.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "referrer_id": "0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12",
    "target": {"name": "Ana Costa", "company": "Fabrikam", "title": "CFO"},
    "business_reason": "Fabrikam is consolidating warehouses; our routing cut a similar client's costs 18%",
    "ideal_introduction": "Ana, who owns the consolidation budget, over coffee with Priya"
}))]
pub struct NewReferralRequest {
    /// The contact we ask for the introduction.
    pub referrer_id: uuid::Uuid,
    pub target: Target,
    /// Why the introduction is worth their while (R2: needed before asking).
    pub business_reason: Option<LongText>,
    /// Who exactly, and how the introduction should happen (R2: needed before asking).
    pub ideal_introduction: Option<LongText>,
    pub notes: Option<LongText>,
    /// The member asking; defaults to you.
    pub member_id: Option<uuid::Uuid>,
    /// `planned` (the default) or `asked`.
    pub status: Option<RequestStatus>,
    /// How the ask was made, when `status` is `asked`: `in_person`, `phone`, `video` or
    /// `event` (R1: asked live).
    pub ask_channel: Option<Channel>,
    /// When the ask was made, when `status` is `asked` (default: now).
    #[serde(default, deserialize_with = "crate::time::accept::optional_time")]
    pub asked_at: Option<DateTime<Utc>>,
    /// The ids other systems know this request by (a CRM's deal or task); each names one
    /// live request of the workspace at a time (409 `external_id_taken` otherwise).
    #[serde(default)]
    pub external_ids: ExternalIds,
}

/// Changes to a request: absent fields stay, `null` clears the text fields. A move to
/// `asked` needs `ask_channel`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "asked", "ask_channel": "in_person"}))]
pub struct ReferralRequestPatch {
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub status: Option<RequestStatus>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub ask_channel: Option<Channel>,
    /// When the ask was made, with `status: "asked"` (default: now).
    #[serde(default, deserialize_with = "crate::time::accept::some_time")]
    #[schema(nullable = false)]
    pub asked_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub target: Option<Target>,
    #[serde(default, deserialize_with = "present")]
    pub business_reason: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    pub ideal_introduction: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    pub notes: Option<Option<LongText>>,
    /// Replaces the request's external ids.
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub external_ids: Option<ExternalIds>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pipeline_moves_forward_only() {
        use RequestStatus::*;
        assert!(check_transition(Planned, Asked).is_ok());
        assert!(check_transition(MeetingHeld, Won).is_ok());
        assert_eq!(
            check_transition(Planned, Won).unwrap_err(),
            "a request cannot move from `planned` to `won`; allowed: `asked`, `withdrawn`"
        );
        assert!(check_transition(Asked, Planned).is_err());
        for closed in [Won, Lost, Declined, Withdrawn] {
            assert!(closed.next().is_empty());
            assert!(check_transition(closed, Asked)
                .unwrap_err()
                .contains("closed"));
        }
        for status in RequestStatus::ALL {
            assert!(
                !status.next().contains(status),
                "{status:?} cannot move to itself"
            );
        }
    }

    #[test]
    fn a_request_follows_forward_only_and_never_asks_by_itself() {
        use RequestStatus::*;
        assert_eq!(forward_path(Introduced, Won), Some(vec![MeetingHeld, Won]));
        assert_eq!(forward_path(Introduced, Lost), Some(vec![Lost]));
        assert_eq!(forward_path(MeetingHeld, Lost), Some(vec![Lost]));
        assert_eq!(
            forward_path(Asked, Introduced),
            Some(vec![Agreed, Introduced])
        );
        assert_eq!(forward_path(Won, Won), Some(vec![]));
        assert_eq!(forward_path(MeetingHeld, Introduced), None, "never back");
        assert_eq!(forward_path(Lost, Won), None, "closed stays closed");
        assert_eq!(
            forward_path(Planned, Introduced),
            None,
            "never through `asked`"
        );
        for from in RequestStatus::ALL {
            for to in RequestStatus::ALL {
                if let Some(path) = forward_path(*from, *to) {
                    let mut at = *from;
                    for step in path {
                        assert!(check_transition(at, step).is_ok(), "{at:?} → {step:?}");
                        at = step;
                    }
                    assert_eq!(at, *to);
                }
            }
        }
    }

    #[test]
    fn a_target_is_a_contact_or_a_named_person() {
        let contact: Target =
            serde_json::from_value(serde_json::json!({"contact_id": uuid::Uuid::nil()})).unwrap();
        assert_eq!(contact, Target::Contact(uuid::Uuid::nil()));
        let person: Target =
            serde_json::from_value(serde_json::json!({"name": "Ana", "company": "Fabrikam"}))
                .unwrap();
        assert!(matches!(person, Target::Person { .. }));
        for bad in [
            serde_json::json!({}),
            serde_json::json!({"contact_id": uuid::Uuid::nil(), "name": "Ana"}),
            serde_json::json!({"company": "Fabrikam"}),
        ] {
            assert!(
                serde_json::from_value::<Target>(bad.clone()).is_err(),
                "{bad}"
            );
        }
    }
}
