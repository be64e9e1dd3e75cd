//! Introductions, pure: their statuses and legal moves, the deal value, and a request's
//! fields, valid by construction.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::contacts::domain::NewContact;
use crate::external_ids::ExternalIds;
use crate::referrals::domain::{refuse_move, RequestStatus};
use crate::values::{not_null, present, string_enum, LongText, Money};

string_enum!(
    /// `received`: a referrer introduced us to someone. `given`: we introduced two of our
    /// contacts to each other.
    Direction {
        Received = "received",
        Given = "given",
    }
);

string_enum!(
    /// What the introduction turned into: `pending → connected → meeting_scheduled → met →
    /// won | lost`, or `no_response`.
    IntroductionStatus {
        Pending = "pending",
        Connected = "connected",
        MeetingScheduled = "meeting_scheduled",
        Met = "met",
        Won = "won",
        Lost = "lost",
        NoResponse = "no_response",
    }
);

impl IntroductionStatus {
    pub fn next(self) -> &'static [IntroductionStatus] {
        use IntroductionStatus::*;
        match self {
            Pending => &[Connected, NoResponse],
            Connected => &[MeetingScheduled, Lost, NoResponse],
            MeetingScheduled => &[Met, Lost],
            Met => &[Won, Lost],
            Won | Lost | NoResponse => &[],
        }
    }

    pub fn is_closed(self) -> bool {
        self.next().is_empty()
    }

    /// The stage of the referral request this introduction answers (R10, one funnel):
    /// introduced until the meeting is held, then won or lost with it. An introduction
    /// nobody answered ended the request without a win: lost.
    pub fn request_stage(self) -> RequestStatus {
        use IntroductionStatus::*;
        match self {
            Pending | Connected | MeetingScheduled => RequestStatus::Introduced,
            Met => RequestStatus::MeetingHeld,
            Won => RequestStatus::Won,
            Lost | NoResponse => RequestStatus::Lost,
        }
    }
}

pub fn check_transition(from: IntroductionStatus, to: IntroductionStatus) -> Result<(), String> {
    if from.next().contains(&to) {
        return Ok(());
    }
    Err(refuse_move(
        "an introduction",
        from.as_str(),
        to.as_str(),
        &from.next().iter().map(|s| s.as_str()).collect::<Vec<_>>(),
    ))
}

/// An ISO 4217 currency code: three capital letters.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency(String);

impl TryFrom<String> for Currency {
    type Error = &'static str;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(Self(code))
        } else {
            Err("must be an ISO 4217 code: three capital letters, e.g. EUR")
        }
    }
}

impl From<Currency> for String {
    fn from(currency: Currency) -> String {
        currency.0
    }
}

impl Currency {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl utoipa::PartialSchema for Currency {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^[A-Z]{3}$"))
            .examples([serde_json::json!("EUR")])
            .into()
    }
}

impl ToSchema for Currency {}

/// An introduction to record: `received` (a referrer introduced us to a prospect) or
/// `given` (we introduced two of our contacts to each other).
#[derive(Debug, Clone)]
pub enum NewIntroduction {
    Received {
        referrer_id: uuid::Uuid,
        prospect: Prospect,
        request_id: Option<uuid::Uuid>,
        introduced_at: Option<DateTime<Utc>>,
        notes: Option<LongText>,
    },
    Given {
        contact_ids: [uuid::Uuid; 2],
        introduced_at: Option<DateTime<Utc>>,
        notes: Option<LongText>,
    },
}

/// Whom a referrer introduced us to.
#[derive(Debug, Clone)]
pub enum Prospect {
    Known(uuid::Uuid),
    New(Box<NewContact>),
}

/// The request body; which fields apply depends on `direction`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "direction": "received",
    "referrer_id": "0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12",
    "prospect": {"first_name": "Ana", "last_name": "Costa", "company": "Fabrikam", "relationship_kind": "prospect"},
    "request_id": "0193a5c2-9a10-7b4e-8c2d-3e4f5a6b7c8d"
}))]
pub struct IntroductionRequest {
    pub direction: Direction,
    /// Received: who introduced us.
    pub referrer_id: Option<uuid::Uuid>,
    /// Received: whom we were introduced to, if already in the network...
    pub prospect_id: Option<uuid::Uuid>,
    /// ...or the contact to add (met through the referrer unless `met_through_id` says
    /// otherwise).
    pub prospect: Option<NewContact>,
    /// Received: the referral request it answers; it moves to `introduced`.
    pub request_id: Option<uuid::Uuid>,
    /// Given: the two contacts we introduced to each other.
    #[serde(default, deserialize_with = "two_contacts")]
    #[schema(min_items = 2, max_items = 2)]
    pub contact_ids: Option<[uuid::Uuid; 2]>,
    /// When it happened (default: now).
    #[serde(default, deserialize_with = "crate::time::accept::optional_time")]
    pub introduced_at: Option<DateTime<Utc>>,
    pub notes: Option<LongText>,
    /// The ids other systems know this introduction by; each names one live introduction
    /// of the workspace at a time (409 `external_id_taken` otherwise).
    #[serde(default)]
    pub external_ids: ExternalIds,
}

/// Exactly two contact ids: any other count is a 422 naming the field (serde's own array
/// reading calls the rest "trailing characters", a syntax error).
fn two_contacts<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<[uuid::Uuid; 2]>, D::Error> {
    match Option::<Vec<uuid::Uuid>>::deserialize(deserializer)? {
        None => Ok(None),
        Some(ids) => <[uuid::Uuid; 2]>::try_from(ids).map(Some).map_err(|ids| {
            serde::de::Error::custom(format!(
                "must hold exactly two contact ids, not {}",
                ids.len()
            ))
        }),
    }
}

impl TryFrom<IntroductionRequest> for NewIntroduction {
    /// The field at fault, and why.
    type Error = (&'static str, &'static str);
    fn try_from(body: IntroductionRequest) -> Result<Self, Self::Error> {
        match body.direction {
            Direction::Received => {
                if body.contact_ids.is_some() {
                    return Err(("/contact_ids", "belongs to a `given` introduction"));
                }
                let referrer_id = body
                    .referrer_id
                    .ok_or(("/referrer_id", "is required for a received introduction"))?;
                let prospect = match (body.prospect_id, body.prospect) {
                    (Some(id), None) => Prospect::Known(id),
                    (None, Some(contact)) => Prospect::New(Box::new(contact)),
                    _ => return Err(("/prospect_id", "give either `prospect_id` (someone in your network) or `prospect` (a contact to add)")),
                };
                Ok(NewIntroduction::Received {
                    referrer_id,
                    prospect,
                    request_id: body.request_id,
                    introduced_at: body.introduced_at,
                    notes: body.notes,
                })
            }
            Direction::Given => {
                let received_only = [
                    ("/referrer_id", body.referrer_id.is_some()),
                    ("/prospect_id", body.prospect_id.is_some()),
                    ("/prospect", body.prospect.is_some()),
                    ("/request_id", body.request_id.is_some()),
                ];
                if let Some((pointer, _)) = received_only.iter().find(|(_, given)| *given) {
                    return Err((pointer, "belongs to a `received` introduction"));
                }
                Ok(NewIntroduction::Given {
                    contact_ids: body.contact_ids.ok_or((
                        "/contact_ids",
                        "is required for a given introduction: the two contacts you introduced",
                    ))?,
                    introduced_at: body.introduced_at,
                    notes: body.notes,
                })
            }
        }
    }
}

/// Changes to an introduction: absent fields stay, `null` clears the others.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "won", "deal_value": "48000.00", "currency": "EUR"}))]
pub struct IntroductionPatch {
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub status: Option<IntroductionStatus>,
    #[serde(default, deserialize_with = "crate::time::accept::present_time")]
    pub meeting_at: Option<Option<DateTime<Utc>>>,
    #[serde(default, deserialize_with = "present")]
    pub deal_value: Option<Option<Money>>,
    #[serde(default, deserialize_with = "present")]
    pub currency: Option<Option<Currency>>,
    #[serde(default, deserialize_with = "present")]
    pub notes: Option<Option<LongText>>,
    /// Replaces the introduction's external ids.
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub external_ids: Option<ExternalIds>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_move_of_an_introduction_is_a_forward_move_of_its_request() {
        use crate::referrals::domain::forward_path;
        // The request is `introduced` when its introduction is recorded (`pending`).
        assert_eq!(
            IntroductionStatus::Pending.request_stage(),
            RequestStatus::Introduced
        );
        for from in IntroductionStatus::ALL {
            for to in from.next() {
                let path = forward_path(from.request_stage(), to.request_stage());
                assert!(path.is_some(), "{from:?} → {to:?}");
            }
        }
        assert_eq!(
            IntroductionStatus::Met.request_stage(),
            RequestStatus::MeetingHeld
        );
        assert_eq!(IntroductionStatus::Won.request_stage(), RequestStatus::Won);
        assert_eq!(
            IntroductionStatus::NoResponse.request_stage(),
            RequestStatus::Lost
        );
    }

    #[test]
    fn an_introduction_moves_forward_until_closed() {
        use IntroductionStatus::*;
        assert!(check_transition(Pending, Connected).is_ok());
        assert!(check_transition(Met, Won).is_ok());
        assert!(check_transition(Pending, Won)
            .unwrap_err()
            .contains("allowed: `connected`, `no_response`"));
        for closed in [Won, Lost, NoResponse] {
            assert!(closed.is_closed());
        }
    }

    #[test]
    fn currencies_are_iso_codes() {
        assert!(Currency::try_from("EUR".to_owned()).is_ok());
        for bad in ["eur", "EURO", "E1R", ""] {
            assert!(Currency::try_from(bad.to_owned()).is_err(), "{bad}");
        }
    }
}
