//! Interaction kinds, their groups, channels, and a request's fields, valid by construction.

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use utoipa::{PartialSchema, ToSchema};

use crate::error::{ApiError, FieldError};
use crate::external_ids::{ExternalIds, UpsertBody};
use crate::values::{bounded_list, bounded_text, not_null, present, string_enum, LongText};

string_enum!(
    /// What an interaction does for the relationship: gives value, asks for something, or
    /// neither. The group drives reciprocity and readiness.
    KindGroup {
        Give = "give",
        Ask = "ask",
        Neutral = "neutral",
    }
);

string_enum!(
    /// The kind of touch.
    InteractionKind {
        SharedContent = "shared_content",
        HandwrittenNote = "handwritten_note",
        Gift = "gift",
        BirthdayWish = "birthday_wish",
        HolidayWish = "holiday_wish",
        OfferedHelp = "offered_help",
        IntroductionMade = "introduction_made",
        ReferralGiven = "referral_given",
        ThanksSent = "thanks_sent",
        OutcomeShared = "outcome_shared",
        ReferralAsk = "referral_ask",
        FavorAsk = "favor_ask",
        CatchUp = "catch_up",
        Meeting = "meeting",
        Event = "event",
        ThanksReceived = "thanks_received",
        Other = "other",
    }
);

impl InteractionKind {
    pub fn group(self) -> KindGroup {
        use InteractionKind::*;
        match self {
            SharedContent | HandwrittenNote | Gift | BirthdayWish | HolidayWish | OfferedHelp
            | IntroductionMade | ReferralGiven | ThanksSent | OutcomeShared => KindGroup::Give,
            ReferralAsk | FavorAsk => KindGroup::Ask,
            CatchUp | Meeting | Event | ThanksReceived | Other => KindGroup::Neutral,
        }
    }
}

string_enum!(
    /// How the touch happened.
    Channel {
        InPerson = "in_person",
        Phone = "phone",
        Video = "video",
        Email = "email",
        Social = "social",
        Letter = "letter",
        Text = "text",
        Event = "event",
    }
);

impl Channel {
    /// Face to face or voice to voice: in person, by phone, on video, at an event.
    pub fn is_live(self) -> bool {
        matches!(
            self,
            Channel::InPerson | Channel::Phone | Channel::Video | Channel::Event
        )
    }
}

/// R1: a referral is asked live, wherever the ask is recorded (a referral request moving
/// to `asked`, or a `referral_ask` interaction logged). Seed 000: "never ask for
/// referrals in any digital format" — a written ask is easy to ignore and tells the
/// referrer the ask matters little; live, they hear why it matters and can ask back.
pub fn check_ask_channel(channel: Channel) -> Result<(), String> {
    if channel.is_live() {
        return Ok(());
    }
    Err(format!(
        "`{}` is a written channel, and a referral is asked live: `in_person`, `phone`, `video` or `event` (face to face at an event). A written ask is easy to ignore; a live one lets them hear why it matters and ask you questions",
        channel.as_str()
    ))
}

bounded_text!(
    /// One line saying what happened.
    Summary, max = 500, multiline = false
);

/// The id of a contact taking part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContactId(pub uuid::Uuid);

impl PartialSchema for ContactId {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                utoipa::openapi::KnownFormat::Uuid,
            )))
            .into()
    }
}

impl ToSchema for ContactId {}

bounded_list!(
    /// The contacts who took part, at least one.
    ContactIds(ContactId), min = 1, max = 50
);

impl ContactIds {
    pub fn uuids(&self) -> Vec<uuid::Uuid> {
        self.items().iter().map(|id| id.0).collect()
    }
}

/// Clocks differ: an interaction a few minutes ahead of ours is not "in the future".
const CLOCK_SKEW: Duration = Duration::minutes(5);

/// An interaction that has not happened yet must say it is planned.
pub fn check_timing(
    occurred_at: DateTime<Utc>,
    planned: bool,
    now: DateTime<Utc>,
) -> Result<(), String> {
    if !planned && occurred_at > now + CLOCK_SKEW {
        return Err(
            "is in the future; log an interaction that has not happened yet with `planned: true`"
                .to_owned(),
        );
    }
    Ok(())
}

/// A touch to log.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "contact_ids": ["01a20ab6-5a7b-7445-bdfa-051d68be7186"],
    "occurred_at": "2026-11-20T16:30:00Z",
    "channel": "in_person",
    "kind": "shared_content",
    "summary": "Gave her the podcast episode on warehouse automation",
}))]
pub struct NewInteraction {
    pub contact_ids: ContactIds,
    /// The member who had the interaction; defaults to you.
    pub member_id: Option<uuid::Uuid>,
    #[serde(deserialize_with = "crate::time::accept::time")]
    pub occurred_at: DateTime<Utc>,
    pub channel: Channel,
    pub kind: InteractionKind,
    /// A future interaction must be planned; planned ones do not count as contact.
    #[serde(default)]
    pub planned: bool,
    pub summary: Option<Summary>,
    pub notes: Option<LongText>,
    /// The ids other systems know this interaction by (a CRM's activity, a calendar's
    /// event); each names one live interaction of the workspace at a time (409
    /// `external_id_taken` otherwise).
    #[serde(default)]
    pub external_ids: ExternalIds,
}

/// Changes to an interaction: absent fields stay, `null` clears `summary` or `notes`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"planned": false, "summary": "Lunch happened; she offered two introductions"}))]
pub struct InteractionPatch {
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub contact_ids: Option<ContactIds>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub member_id: Option<uuid::Uuid>,
    #[serde(default, deserialize_with = "crate::time::accept::some_time")]
    #[schema(nullable = false)]
    pub occurred_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub channel: Option<Channel>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub kind: Option<InteractionKind>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub planned: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    pub summary: Option<Option<Summary>>,
    #[serde(default, deserialize_with = "present")]
    pub notes: Option<Option<LongText>>,
    /// Replaces the interaction's external ids.
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub external_ids: Option<ExternalIds>,
}

impl UpsertBody for InteractionPatch {
    type New = NewInteraction;

    fn external_ids(&mut self) -> &mut Option<ExternalIds> {
        &mut self.external_ids
    }

    fn to_new(self) -> Result<NewInteraction, ApiError> {
        NewInteraction::from_patch(self)
    }

    fn new_external_ids(new: &mut NewInteraction) -> &mut ExternalIds {
        &mut new.external_ids
    }
}

impl NewInteraction {
    /// The interaction a PATCH-shaped body describes when there is none yet to apply it to
    /// (an upsert that creates): `contact_ids`, `occurred_at`, `channel` and `kind` are
    /// then required.
    pub fn from_patch(patch: InteractionPatch) -> Result<Self, ApiError> {
        fn required<T>(value: &Option<T>, field: &str) -> Result<(), FieldError> {
            match value {
                Some(_) => Ok(()),
                None => Err(FieldError::new(
                    format!("/{field}"),
                    "is required to create an interaction",
                )),
            }
        }
        let missing: Vec<FieldError> = [
            required(&patch.contact_ids, "contact_ids"),
            required(&patch.occurred_at, "occurred_at"),
            required(&patch.channel, "channel"),
            required(&patch.kind, "kind"),
        ]
        .into_iter()
        .filter_map(Result::err)
        .collect();
        let (Some(contact_ids), Some(occurred_at), Some(channel), Some(kind)) = (
            patch.contact_ids.clone(),
            patch.occurred_at,
            patch.channel,
            patch.kind,
        ) else {
            return Err(ApiError::validation(missing));
        };
        let blank = NewInteraction {
            contact_ids,
            member_id: None,
            occurred_at,
            channel,
            kind,
            planned: false,
            summary: None,
            notes: None,
            external_ids: ExternalIds::default(),
        };
        Ok(blank.apply(patch))
    }

    pub fn apply(mut self, patch: InteractionPatch) -> Self {
        fn set<T>(field: &mut T, value: Option<T>) {
            if let Some(value) = value {
                *field = value;
            }
        }
        set(&mut self.contact_ids, patch.contact_ids);
        if patch.member_id.is_some() {
            self.member_id = patch.member_id;
        }
        set(&mut self.occurred_at, patch.occurred_at);
        set(&mut self.channel, patch.channel);
        set(&mut self.kind, patch.kind);
        set(&mut self.planned, patch.planned);
        set(&mut self.summary, patch.summary);
        set(&mut self.notes, patch.notes);
        set(&mut self.external_ids, patch.external_ids);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_the_group_design_gives_it() {
        let gives = InteractionKind::ALL
            .iter()
            .filter(|k| k.group() == KindGroup::Give)
            .count();
        assert_eq!(gives, 10);
        assert_eq!(InteractionKind::ReferralAsk.group(), KindGroup::Ask);
        assert_eq!(InteractionKind::FavorAsk.group(), KindGroup::Ask);
        assert_eq!(InteractionKind::ThanksReceived.group(), KindGroup::Neutral);
        assert_eq!(InteractionKind::ThanksSent.group(), KindGroup::Give);
    }

    #[test]
    fn only_live_channels_carry_an_ask() {
        for channel in Channel::ALL {
            let live = matches!(
                channel,
                Channel::InPerson | Channel::Phone | Channel::Video | Channel::Event
            );
            assert_eq!(check_ask_channel(*channel).is_ok(), live, "{channel:?}");
        }
        let refused = check_ask_channel(Channel::Email).unwrap_err();
        assert!(
            refused.starts_with("`email` is a written channel"),
            "{refused}"
        );
        for accepted in ["`in_person`", "`phone`", "`video`", "`event`"] {
            assert!(refused.contains(accepted), "{refused}");
        }
    }

    #[test]
    fn only_planned_interactions_may_lie_in_the_future() {
        let now = Utc::now();
        assert!(check_timing(now + Duration::days(1), false, now).is_err());
        assert!(check_timing(now + Duration::days(1), true, now).is_ok());
        assert!(
            check_timing(now + Duration::minutes(2), false, now).is_ok(),
            "clock skew is tolerated"
        );
        assert!(check_timing(now - Duration::days(400), false, now).is_ok());
    }

    #[test]
    fn an_interaction_names_at_least_one_contact() {
        assert!(serde_json::from_str::<ContactIds>("[]").is_err());
        let id = uuid::Uuid::now_v7();
        let twice: ContactIds = serde_json::from_value(serde_json::json!([id, id])).unwrap();
        assert_eq!(twice.items().len(), 1);
    }
}
