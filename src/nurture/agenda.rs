//! The daily agenda's rules, pure: which relationships want a touch today, how urgently,
//! why, and what kind of touch to make. No HTTP, no SQL; "now" is passed in.
//!
//! Priority is one number so that touches and occasions rank in one list:
//! - a touch: `weight × ln(1 + days since the last touch ÷ cadence)`, so the more overdue
//!   relative to its own cadence ranks first, with diminishing returns; reviving a dormant
//!   relationship counts half, as if silent exactly a year (so that cold relationships do
//!   not crowd out live ones running late), a first touch three quarters (counted from
//!   when the contact was added plus one cadence, also at most a year);
//! - an occasion: `weight × 3` on the day, falling linearly to `weight × 0.5` at the
//!   horizon, so a birthday today outranks all but the most neglected relationships;
//! - `weight` = trust weight (0.8 at trust 1 to 1.6 at trust 5; 1.0 when unknown) × kind
//!   weight (clients and referral partners first, acquaintances last).
//!
//! Every suggested touch is a give: the agenda never suggests asking (seed 000: earn the
//! right first).

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::cadence::{NurtureStatus, Schedule, DORMANT_AFTER_DAYS};
use super::calendar::OccasionKind;
use crate::contacts::domain::RelationshipKind;
use crate::interactions::domain::InteractionKind;
use crate::words::{count, days_ago as ago};

/// What an action asks of the user. An open set: clients must ignore types they do not
/// know, since new ones arrive with new features.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionType {
    /// A contact never interacted with: make the first touch.
    FirstTouch,
    /// The cadence has passed.
    TouchDue,
    /// The cadence and half as much again have passed.
    TouchOverdue,
    /// No touch for over a year, and the relationship is worth reviving: every client,
    /// former client and referral partner (lower when trusted less), others when trusted.
    Revive,
    Birthday,
    ImportantDate,
    /// A referrer introduced you and has not been thanked since (R6).
    ThankReferrer,
    /// An introduction was won or lost and the referrer has not heard how it went (R6).
    ShareOutcome,
    /// An ask has gone unanswered for two weeks since you last spoke (R7).
    FollowUpAsk,
}

/// Names an action for as long as it stands, so that it can be snoozed: a contact's touch
/// (whichever of first touch, due, overdue or revive it currently is), a contact's
/// occasions on one day, the thanks or the news owed for an introduction, the follow-up
/// of a referral request.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ActionId {
    Touch(uuid::Uuid),
    Occasion(uuid::Uuid, NaiveDate),
    Thank(uuid::Uuid),
    Outcome(uuid::Uuid),
    FollowUp(uuid::Uuid),
}

impl std::fmt::Display for ActionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Touch(contact_id) => write!(f, "touch:{contact_id}"),
            Self::Occasion(contact_id, date) => write!(f, "occasion:{contact_id}:{date}"),
            Self::Thank(introduction_id) => write!(f, "thank:{introduction_id}"),
            Self::Outcome(introduction_id) => write!(f, "outcome:{introduction_id}"),
            Self::FollowUp(request_id) => write!(f, "follow_up:{request_id}"),
        }
    }
}

impl std::str::FromStr for ActionId {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let refused = || format!("`{text}` is not the id of an agenda action");
        let contact = |id: &str| uuid::Uuid::parse_str(id).map_err(|_| refused());
        match text.split(':').collect::<Vec<_>>()[..] {
            ["touch", id] => Ok(Self::Touch(contact(id)?)),
            ["thank", id] => Ok(Self::Thank(contact(id)?)),
            ["outcome", id] => Ok(Self::Outcome(contact(id)?)),
            ["follow_up", id] => Ok(Self::FollowUp(contact(id)?)),
            ["occasion", id, date] => Ok(Self::Occasion(
                contact(id)?,
                date.parse().map_err(|_| refused())?,
            )),
            _ => Err(refused()),
        }
    }
}

impl Serialize for ActionId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ActionId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for ActionId {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        const UUID: &str =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(format!(
                "^((touch|thank|outcome|follow_up):{UUID}|occasion:{UUID}:[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})$"
            )))
            .description(Some(
                "An agenda action's id: `touch:<contact id>`, `occasion:<contact id>:<date>`, `thank:<introduction id>`, `outcome:<introduction id>` or `follow_up:<referral request id>`.",
            ))
            .examples([serde_json::json!(
                "touch:0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12"
            )])
            .into()
    }
}

impl ToSchema for ActionId {}

/// What the agenda knows about a relationship.
#[derive(Debug, Clone)]
pub struct Relationship {
    pub kind: RelationshipKind,
    pub trust: Option<i32>,
    pub cadence_days: i32,
    pub last_interaction_at: Option<DateTime<Utc>>,
    pub added_at: DateTime<Utc>,
    pub schedule: Schedule,
}

/// An action before it is attached to its contact.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub action_type: ActionType,
    pub reason: Reason,
    pub due_on: NaiveDate,
    pub suggested_touch: InteractionKind,
    pub priority: f64,
}

/// How much a relationship counts when ranking.
pub fn weight(kind: RelationshipKind, trust: Option<i32>) -> f64 {
    use RelationshipKind::*;
    let by_trust = trust.map_or(1.0, |trust| 0.6 + 0.2 * f64::from(trust));
    let by_kind = match kind {
        Client | ReferralPartner => 1.3,
        FormerClient => 1.2,
        Prospect | Colleague => 1.0,
        Friend | Neighbor => 0.9,
        Family => 0.8,
        Other => 0.7,
    };
    by_trust * by_kind
}

/// A dormant relationship is worth reviving when it is a client, a former client or a
/// referral partner whatever the trust (seed 002: the referrals lost are those of
/// neglected customers; low trust only ranks them lower), and otherwise when we trust it,
/// or, trust unknown, when it is a colleague.
pub fn worth_reviving(kind: RelationshipKind, trust: Option<i32>) -> bool {
    use RelationshipKind::*;
    match (kind, trust) {
        (Client | FormerClient | ReferralPartner, _) => true,
        (_, Some(trust)) => trust >= 3,
        (_, None) => kind == Colleague,
    }
}

fn in_holiday_season(today: NaiveDate) -> bool {
    matches!((today.month(), today.day()), (12, 10..) | (1, ..=6))
}

/// The give that suits the action and the relationship.
pub fn suggested_touch(
    action_type: ActionType,
    kind: RelationshipKind,
    today: NaiveDate,
) -> InteractionKind {
    use InteractionKind::*;
    use RelationshipKind as Kind;
    match action_type {
        ActionType::Birthday => BirthdayWish,
        ActionType::ImportantDate | ActionType::Revive => HandwrittenNote,
        ActionType::FirstTouch | ActionType::FollowUpAsk => OfferedHelp,
        ActionType::ThankReferrer => ThanksSent,
        ActionType::ShareOutcome => OutcomeShared,
        ActionType::TouchDue | ActionType::TouchOverdue if in_holiday_season(today) => HolidayWish,
        ActionType::TouchDue | ActionType::TouchOverdue => match kind {
            Kind::ReferralPartner => ReferralGiven,
            Kind::Client | Kind::Prospect | Kind::Other => SharedContent,
            Kind::FormerClient | Kind::Family => HandwrittenNote,
            Kind::Colleague | Kind::Friend | Kind::Neighbor => OfferedHelp,
        },
    }
}

fn days_between(earlier: DateTime<Utc>, later: DateTime<Utc>) -> i64 {
    (later - earlier).num_days().max(0)
}

/// Why an action stands, as data: the agenda ranks thousands of candidates and words only
/// the page it returns (`Display`).
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    NeverContacted {
        days_since_added: i64,
    },
    LastSpoke {
        days: i64,
        cadence_days: i32,
    },
    Dormant {
        days: i64,
        kind: RelationshipKind,
    },
    ThankReferrer {
        prospect: String,
        days: i64,
    },
    ShareOutcome {
        prospect: String,
        won: bool,
        days: i64,
    },
    FollowUp {
        target: String,
        days_since_ask: i64,
    },
    Occasion {
        kind: OccasionKind,
        /// The important date's label; none for a birthday.
        label: Option<String>,
        date: NaiveDate,
        days_until: i64,
        years: Option<i32>,
    },
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NeverContacted { days_since_added } => {
                write!(f, "added {} and never contacted", ago(*days_since_added))
            }
            Self::LastSpoke { days, cadence_days } => {
                write!(
                    f,
                    "last spoke {}; you aim for every {cadence_days}",
                    ago(*days)
                )
            }
            Self::Dormant { days, kind } => write!(
                f,
                "last spoke {}; a {} worth reviving",
                ago(*days),
                kind.as_str().replace('_', " ")
            ),
            Self::ThankReferrer { prospect, days } if *days <= THANK_WITHIN_DAYS => write!(
                f,
                "introduced you to {prospect} {}; thank them within {THANK_WITHIN_DAYS} days",
                ago(*days)
            ),
            Self::ThankReferrer { prospect, days } => write!(
                f,
                "introduced you to {prospect} {} and has not been thanked",
                ago(*days)
            ),
            Self::ShareOutcome {
                prospect,
                won,
                days,
            } => write!(
                f,
                "the introduction to {prospect} was {} {}; tell them how it went",
                if *won { "won" } else { "lost" },
                ago(*days)
            ),
            Self::FollowUp {
                target,
                days_since_ask,
            } => write!(
                f,
                "asked {} for an introduction to {target}; no answer yet",
                ago(*days_since_ask)
            ),
            Self::Occasion {
                kind,
                label,
                date,
                days_until,
                years,
            } => {
                match kind {
                    OccasionKind::Birthday => write!(f, "birthday")?,
                    OccasionKind::ImportantDate => {
                        write!(f, "{}", label.as_deref().unwrap_or("an important date"))?
                    }
                }
                match days_until {
                    0 => write!(f, " today")?,
                    1 => write!(f, " tomorrow")?,
                    days => write!(
                        f,
                        " in {}, on {}",
                        count(*days, "day"),
                        date.format("%B %-d")
                    )?,
                }
                match (kind, years) {
                    (_, None) => Ok(()),
                    (OccasionKind::Birthday, Some(age)) => write!(f, " (turns {age})"),
                    (OccasionKind::ImportantDate, Some(years)) => {
                        write!(f, " ({})", count((*years).into(), "year"))
                    }
                }
            }
        }
    }
}

/// How soon a referrer should be thanked for an introduction (R6).
pub const THANK_WITHIN_DAYS: i64 = 7;
/// How long an ask may wait for an answer before following up (R7).
pub const FOLLOW_UP_AFTER_DAYS: i64 = 14;

/// The loop to close or the ask to follow up, ranked with the touches: a referrer owed
/// thanks comes first (3 × weight, 3.5 once the week is out), then news of an outcome
/// (2.5 × weight), then a follow-up (2 × weight).
pub fn loop_action(
    action_type: ActionType,
    reason: Reason,
    due_on: NaiveDate,
    kind: RelationshipKind,
    trust: Option<i32>,
    today: NaiveDate,
) -> Suggestion {
    let urgency = match (&action_type, &reason) {
        (ActionType::ThankReferrer, Reason::ThankReferrer { days, .. })
            if *days > THANK_WITHIN_DAYS =>
        {
            3.5
        }
        (ActionType::ThankReferrer, _) => 3.0,
        (ActionType::ShareOutcome, _) => 2.5,
        _ => 2.0,
    };
    Suggestion {
        action_type,
        reason,
        due_on,
        suggested_touch: suggested_touch(action_type, kind, today),
        priority: weight(kind, trust) * urgency,
    }
}

/// The touch a relationship wants now, if any (none while it is `ok`, nor for a dormant
/// one not worth reviving).
pub fn touch(relationship: &Relationship, now: DateTime<Utc>) -> Option<Suggestion> {
    let status =
        super::cadence::status(relationship.last_interaction_at, relationship.schedule, now);
    let cadence_days = relationship.cadence_days;
    let (action_type, days, damping, reason) = match (status, relationship.last_interaction_at) {
        (NurtureStatus::Ok, _) => return None,
        (NurtureStatus::Dormant, _) if !worth_reviving(relationship.kind, relationship.trust) => {
            return None
        }
        (NurtureStatus::NeverContacted, _) | (_, None) => {
            let days_since_added = days_between(relationship.added_at, now);
            let waited = days_since_added.min(DORMANT_AFTER_DAYS) + i64::from(cadence_days);
            let reason = Reason::NeverContacted { days_since_added };
            (ActionType::FirstTouch, waited, 0.75, reason)
        }
        (NurtureStatus::Dormant, Some(last)) => {
            let days = days_between(last, now);
            let reason = Reason::Dormant {
                days,
                kind: relationship.kind,
            };
            // Past a year, more silence adds no urgency: dormant is dormant.
            let counted = days.min(DORMANT_AFTER_DAYS);
            (ActionType::Revive, counted, 0.5, reason)
        }
        (due_or_overdue, Some(last)) => {
            let days = days_between(last, now);
            let action_type = if due_or_overdue == NurtureStatus::Overdue {
                ActionType::TouchOverdue
            } else {
                ActionType::TouchDue
            };
            let reason = Reason::LastSpoke { days, cadence_days };
            (action_type, days, 1.0, reason)
        }
    };
    let lateness = days as f64 / f64::from(cadence_days.max(1));
    Some(Suggestion {
        action_type,
        reason,
        due_on: relationship.schedule.next_touch_due_at.date_naive(),
        suggested_touch: suggested_touch(action_type, relationship.kind, now.date_naive()),
        priority: weight(relationship.kind, relationship.trust) * damping * lateness.ln_1p(),
    })
}

/// A birthday or another date that matters, `date` within `today..=today + horizon_days`.
pub struct Upcoming {
    pub kind: OccasionKind,
    /// The important date's label; none for a birthday.
    pub label: Option<String>,
    pub date: NaiveDate,
    /// The age or anniversary reached, when the year is known.
    pub years: Option<i32>,
}

/// Whether the occasion was already marked: a touch from the day before it counts.
pub fn occasion_marked(date: NaiveDate, last_interaction_at: Option<DateTime<Utc>>) -> bool {
    last_interaction_at.is_some_and(|last| last.date_naive() >= date - chrono::Days::new(1))
}

pub fn occasion(
    upcoming: Upcoming,
    kind: RelationshipKind,
    trust: Option<i32>,
    today: NaiveDate,
    horizon_days: i64,
) -> Suggestion {
    let days_until = (upcoming.date - today).num_days().max(0);
    let action_type = match upcoming.kind {
        OccasionKind::Birthday => ActionType::Birthday,
        OccasionKind::ImportantDate => ActionType::ImportantDate,
    };
    let nearness = 1.0 - days_until as f64 / horizon_days.max(1) as f64;
    Suggestion {
        action_type,
        due_on: upcoming.date,
        suggested_touch: suggested_touch(action_type, kind, today),
        priority: weight(kind, trust) * (0.5 + 2.5 * nearness.max(0.0)),
        reason: Reason::Occasion {
            kind: upcoming.kind,
            label: upcoming.label,
            date: upcoming.date,
            days_until,
            years: upcoming.years,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    fn last_spoke(
        days_ago: Option<i64>,
        kind: RelationshipKind,
        trust: Option<i32>,
    ) -> Relationship {
        let cadence_days = super::super::cadence::default_cadence_days(kind);
        let last = days_ago.map(|days| now() - Duration::days(days));
        let added_at = now() - Duration::days(1000);
        Relationship {
            kind,
            trust,
            cadence_days,
            last_interaction_at: last,
            added_at,
            schedule: super::super::cadence::schedule(last, added_at, cadence_days),
        }
    }

    fn client(days_ago: i64) -> Relationship {
        last_spoke(Some(days_ago), RelationshipKind::Client, Some(3))
    }

    #[test]
    fn action_ids_round_trip_and_strangers_are_refused() {
        let contact = uuid::Uuid::now_v7();
        let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        for id in [
            ActionId::Touch(contact),
            ActionId::Occasion(contact, date),
            ActionId::Thank(contact),
            ActionId::Outcome(contact),
            ActionId::FollowUp(contact),
        ] {
            assert_eq!(id.to_string().parse::<ActionId>(), Ok(id.clone()));
        }
        for text in [
            "touch:",
            "touch:42",
            &format!("call:{contact}"),
            &format!("occasion:{contact}:2026-02-30"),
            &format!("touch:{contact}:x"),
        ] {
            assert!(text.parse::<ActionId>().is_err(), "{text}");
        }
    }

    #[test]
    fn the_reason_says_how_long_and_how_often() {
        let late = touch(&client(94), now()).unwrap();
        assert_eq!(late.action_type, ActionType::TouchOverdue);
        assert_eq!(
            late.reason.to_string(),
            "last spoke 94 days ago; you aim for every 30"
        );
        assert_eq!(late.due_on, (now() - Duration::days(64)).date_naive());
        assert_eq!(
            touch(&client(31), now()).unwrap().action_type,
            ActionType::TouchDue
        );
        assert_eq!(
            touch(&client(29), now()),
            None,
            "within its cadence: nothing to do"
        );
    }

    #[test]
    fn the_more_overdue_relative_to_cadence_ranks_first() {
        let priority = |r: &Relationship| touch(r, now()).unwrap().priority;
        assert!(priority(&client(90)) > priority(&client(60)));
        // 100 days late on a 120-day cadence is less urgent than 50 days on a 30-day one.
        let other = last_spoke(Some(130), RelationshipKind::Other, Some(3));
        let colleague = last_spoke(Some(130), RelationshipKind::Colleague, Some(3));
        assert!(priority(&client(80)) > priority(&other));
        assert!(priority(&colleague) > priority(&other));
    }

    #[test]
    fn trust_and_kind_weigh_on_equal_lateness() {
        let priority = |r: &Relationship| touch(r, now()).unwrap().priority;
        let trusted = last_spoke(Some(60), RelationshipKind::Client, Some(5));
        let doubtful = last_spoke(Some(60), RelationshipKind::Client, Some(1));
        assert!(priority(&trusted) > priority(&doubtful));
        let partner = last_spoke(Some(60), RelationshipKind::ReferralPartner, None);
        let prospect = last_spoke(Some(90), RelationshipKind::Prospect, None);
        assert!(
            priority(&partner) > priority(&prospect),
            "both two cadences late"
        );
    }

    #[test]
    fn dormant_relationships_are_revived_only_when_worth_it() {
        let cold_client = touch(&client(800), now()).unwrap();
        assert_eq!(cold_client.action_type, ActionType::Revive);
        assert_eq!(
            cold_client.reason.to_string(),
            "last spoke 800 days ago; a client worth reviving"
        );
        let distrusted_friend = last_spoke(Some(800), RelationshipKind::Friend, Some(2));
        assert_eq!(touch(&distrusted_friend, now()), None);
        let acquaintance = last_spoke(Some(800), RelationshipKind::Other, None);
        assert_eq!(touch(&acquaintance, now()), None);
        // Two years cold does not drown a client three months late.
        assert!(touch(&client(94), now()).unwrap().priority > cold_client.priority);
    }

    #[test]
    fn no_client_former_client_or_referral_partner_is_left_cold() {
        use RelationshipKind::*;
        for kind in [Client, FormerClient, ReferralPartner] {
            for trust in [None, Some(1), Some(2), Some(3), Some(5)] {
                let cold = last_spoke(Some(800), kind, trust);
                let action = touch(&cold, now());
                assert_eq!(
                    action.map(|a| a.action_type),
                    Some(ActionType::Revive),
                    "{kind:?} at trust {trust:?}"
                );
            }
            let priority = |trust| {
                touch(&last_spoke(Some(800), kind, trust), now())
                    .unwrap()
                    .priority
            };
            assert!(priority(Some(1)) < priority(Some(2)), "{kind:?}");
            assert!(priority(Some(2)) < priority(Some(4)), "{kind:?}");
        }
        // Other kinds as before: trusted, or a colleague of unknown trust.
        for (kind, trust, revived) in [
            (Friend, Some(3), true),
            (Friend, Some(2), false),
            (Family, None, false),
            (Colleague, None, true),
            (Colleague, Some(1), false),
            (Prospect, None, false),
        ] {
            let cold = last_spoke(Some(800), kind, trust);
            assert_eq!(touch(&cold, now()).is_some(), revived, "{kind:?} {trust:?}");
        }
    }

    #[test]
    fn a_never_contacted_contact_wants_a_first_touch_now() {
        let mut new = last_spoke(None, RelationshipKind::Prospect, None);
        new.added_at = now() - Duration::days(3);
        new.schedule = super::super::cadence::schedule(None, new.added_at, 45);
        let first = touch(&new, now()).unwrap();
        assert_eq!(first.action_type, ActionType::FirstTouch);
        assert_eq!(
            first.reason.to_string(),
            "added 3 days ago and never contacted"
        );
        assert_eq!(first.due_on, new.added_at.date_naive());
        assert!(first.priority > 0.0);
    }

    #[test]
    fn every_suggested_touch_is_a_give() {
        use crate::interactions::domain::KindGroup;
        let types = [
            ActionType::FirstTouch,
            ActionType::TouchDue,
            ActionType::TouchOverdue,
            ActionType::Revive,
            ActionType::Birthday,
            ActionType::ImportantDate,
            ActionType::ThankReferrer,
            ActionType::ShareOutcome,
            ActionType::FollowUpAsk,
        ];
        let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        while day.year() == 2026 {
            for action_type in types {
                for &kind in RelationshipKind::ALL {
                    let touch = suggested_touch(action_type, kind, day);
                    assert_eq!(
                        touch.group(),
                        KindGroup::Give,
                        "{action_type:?} {kind:?} {day}"
                    );
                }
            }
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn touches_around_new_year_are_holiday_wishes() {
        let december = NaiveDate::from_ymd_opt(2026, 12, 20).unwrap();
        let june = NaiveDate::from_ymd_opt(2026, 6, 20).unwrap();
        let kind = RelationshipKind::Client;
        assert_eq!(
            suggested_touch(ActionType::TouchDue, kind, december),
            InteractionKind::HolidayWish
        );
        assert_eq!(
            suggested_touch(ActionType::TouchDue, kind, june),
            InteractionKind::SharedContent
        );
        assert_eq!(
            suggested_touch(
                ActionType::TouchDue,
                RelationshipKind::ReferralPartner,
                june
            ),
            InteractionKind::ReferralGiven,
            "serve referrers by referring them"
        );
    }

    #[test]
    fn an_occasion_is_more_pressing_the_nearer_it_is() {
        let today = now().date_naive();
        let on = |days: u64, years| Upcoming {
            kind: OccasionKind::Birthday,
            label: None,
            date: today + chrono::Days::new(days),
            years,
        };
        let kind = RelationshipKind::Friend;
        let today_wish = occasion(on(0, Some(41)), kind, None, today, 14);
        assert_eq!(today_wish.reason.to_string(), "birthday today (turns 41)");
        assert_eq!(today_wish.suggested_touch, InteractionKind::BirthdayWish);
        let later = occasion(on(10, None), kind, None, today, 14);
        assert_eq!(
            later.reason.to_string(),
            "birthday in 10 days, on December 3"
        );
        assert!(today_wish.priority > later.priority);
        let anniversary = Upcoming {
            kind: OccasionKind::ImportantDate,
            label: Some("work anniversary".to_owned()),
            date: today + chrono::Days::new(1),
            years: Some(5),
        };
        assert_eq!(
            occasion(anniversary, kind, None, today, 14)
                .reason
                .to_string(),
            "work anniversary tomorrow (5 years)"
        );
        let first = Upcoming {
            kind: OccasionKind::ImportantDate,
            label: Some("work anniversary".to_owned()),
            date: today + chrono::Days::new(2),
            years: Some(1),
        };
        assert_eq!(
            occasion(first, kind, None, today, 14).reason.to_string(),
            "work anniversary in 2 days, on November 25 (1 year)"
        );
    }

    #[test]
    fn loops_to_close_are_worded_and_ranked_above_touches() {
        let today = now().date_naive();
        let kind = RelationshipKind::Client;
        let thank = |days| {
            loop_action(
                ActionType::ThankReferrer,
                Reason::ThankReferrer {
                    prospect: "Ana Costa".to_owned(),
                    days,
                },
                today,
                kind,
                Some(3),
                today,
            )
        };
        assert_eq!(
            thank(2).reason.to_string(),
            "introduced you to Ana Costa 2 days ago; thank them within 7 days"
        );
        assert_eq!(
            thank(9).reason.to_string(),
            "introduced you to Ana Costa 9 days ago and has not been thanked"
        );
        assert!(thank(9).priority > thank(2).priority);
        assert_eq!(thank(2).suggested_touch, InteractionKind::ThanksSent);
        assert!(thank(2).priority > touch(&client(94), now()).unwrap().priority);
        let follow_up = loop_action(
            ActionType::FollowUpAsk,
            Reason::FollowUp {
                target: "Ana Costa".to_owned(),
                days_since_ask: 20,
            },
            today,
            kind,
            Some(3),
            today,
        );
        assert_eq!(
            follow_up.reason.to_string(),
            "asked 20 days ago for an introduction to Ana Costa; no answer yet"
        );
    }

    #[test]
    fn a_touch_from_the_day_before_marks_an_occasion() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let at = |y, m, d| Some(Utc.with_ymd_and_hms(y, m, d, 9, 0, 0).unwrap());
        assert!(occasion_marked(date, at(2026, 12, 2)));
        assert!(occasion_marked(date, at(2026, 12, 3)));
        assert!(!occasion_marked(date, at(2026, 11, 30)));
        assert!(!occasion_marked(date, None));
    }
}
