//! The agenda's loops to close (R6) and asks to follow up (R7): read from the
//! introductions and referral requests that are still open, never from the whole history.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Days, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::actions::{corrupt, Candidate, Standing};
use super::agenda::{
    loop_action, ActionId, ActionType, Reason, Relationship, FOLLOW_UP_AFTER_DAYS,
    THANK_WITHIN_DAYS,
};
use super::calendar::Holder;
use crate::contacts::domain::RelationshipKind;
use crate::db::schema::{contacts, interaction_contacts, introductions, referral_requests};
use crate::db::DbConn;
use crate::error::ApiError;
use crate::interactions::domain::InteractionKind;
use crate::introductions::domain::{Direction, IntroductionStatus};
use crate::referrals::domain::RequestStatus;
use crate::time::from_db;

type IntroductionFacts = (
    String,
    String,
    Option<String>,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
);
type AskFacts = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<NaiveDateTime>,
);

fn days_between(earlier: DateTime<Utc>, later: DateTime<Utc>) -> i64 {
    (later - earlier).num_days().max(0)
}

/// The actions owed to referrers for the holder's introductions and asks.
pub(super) fn candidates(
    conn: &mut DbConn,
    workspace_id: &str,
    holder: &Holder,
    now: DateTime<Utc>,
    cadence_by_kind: &BTreeMap<RelationshipKind, i32>,
) -> Result<Vec<Candidate>, ApiError> {
    let mut received = introductions::table
        .filter(introductions::workspace_id.eq(workspace_id))
        .filter(introductions::direction.eq(Direction::Received.as_str()))
        .filter(introductions::deleted_at.is_null())
        .select((
            introductions::id,
            introductions::referrer_id.assume_not_null(),
            introductions::prospect_id,
            introductions::status,
            introductions::introduced_at,
            introductions::closed_at,
        ))
        .into_boxed();
    let mut asks = referral_requests::table
        .filter(referral_requests::workspace_id.eq(workspace_id))
        .filter(referral_requests::status.eq(RequestStatus::Asked.as_str()))
        .filter(referral_requests::deleted_at.is_null())
        .select((
            referral_requests::id,
            referral_requests::referrer_id,
            referral_requests::target_contact_id,
            referral_requests::target_name,
            referral_requests::asked_at,
        ))
        .into_boxed();
    if let Holder::Member(member_id) = holder {
        received = received.filter(introductions::member_id.eq(member_id.clone()));
        asks = asks.filter(referral_requests::member_id.eq(member_id.clone()));
    }
    let received: Vec<IntroductionFacts> = received.load(conn)?;
    let asks: Vec<AskFacts> = asks.load(conn)?;
    if received.is_empty() && asks.is_empty() {
        return Ok(Vec::new());
    }

    let referrers: Vec<String> = received
        .iter()
        .map(|i| i.1.clone())
        .chain(asks.iter().map(|a| a.1.clone()))
        .collect();
    let relationships: HashMap<String, Relationship> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::deleted_at.is_null())
        .filter(contacts::id.eq_any(&referrers))
        .select(Standing::as_select())
        .load::<Standing>(conn)?
        .into_iter()
        .map(|standing| Ok((standing.id.clone(), standing.relationship(cadence_by_kind)?)))
        .collect::<Result<_, ApiError>>()?;
    // The latest thanks and news each referrer had from us.
    let closing_kinds = [
        InteractionKind::ThanksSent.as_str(),
        InteractionKind::OutcomeShared.as_str(),
    ];
    let mut latest: HashMap<(String, String), NaiveDateTime> = HashMap::new();
    for (contact, kind, at) in interaction_contacts::table
        .filter(interaction_contacts::contact_id.eq_any(&referrers))
        .filter(interaction_contacts::kind.eq_any(closing_kinds))
        .filter(interaction_contacts::planned.eq(false))
        .select((
            interaction_contacts::contact_id,
            interaction_contacts::kind,
            interaction_contacts::occurred_at,
        ))
        .load::<(String, String, NaiveDateTime)>(conn)?
    {
        let seen = latest.entry((contact, kind)).or_insert(at);
        *seen = (*seen).max(at);
    }
    let named: Vec<String> = received
        .iter()
        .filter_map(|i| i.2.clone())
        .chain(asks.iter().filter_map(|a| a.2.clone()))
        .collect();
    let names: HashMap<String, String> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::id.eq_any(&named))
        .select((contacts::id, contacts::first_name, contacts::last_name))
        .load::<(String, String, Option<String>)>(conn)?
        .into_iter()
        .map(|(id, first, last)| {
            (
                id,
                [Some(first), last]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect();
    let name_of = |id: &Option<String>| id.as_ref().and_then(|id| names.get(id).cloned());
    let had = |referrer: &str, kind: InteractionKind, since: NaiveDateTime| {
        latest
            .get(&(referrer.to_owned(), kind.as_str().to_owned()))
            .is_some_and(|at| *at >= since)
    };

    let today = now.date_naive();
    let mut found = Vec::new();
    let mut push =
        |id: ActionId, referrer: &str, action_type, reason, due_on| -> Result<(), ApiError> {
            let Some(relationship) = relationships.get(referrer) else {
                return Ok(());
            };
            found.push(Candidate {
                id,
                contact_id: referrer.parse().map_err(|_| corrupt("id"))?,
                suggestion: loop_action(
                    action_type,
                    reason,
                    due_on,
                    relationship.kind,
                    relationship.trust,
                    today,
                ),
            });
            Ok(())
        };
    for (id, referrer, prospect, status, introduced_at, closed_at) in &received {
        let introduction: uuid::Uuid = id.parse().map_err(|_| corrupt("id"))?;
        let prospect = name_of(prospect).unwrap_or_else(|| "someone".to_owned());
        if !had(referrer, InteractionKind::ThanksSent, *introduced_at) {
            let introduced = from_db(*introduced_at);
            let reason = Reason::ThankReferrer {
                prospect: prospect.clone(),
                days: days_between(introduced, now),
            };
            let due_on = introduced.date_naive() + Days::new(THANK_WITHIN_DAYS as u64);
            push(
                ActionId::Thank(introduction),
                referrer,
                ActionType::ThankReferrer,
                reason,
                due_on,
            )?;
        }
        let status: IntroductionStatus =
            status.parse().map_err(|_| corrupt("introduction status"))?;
        if let (IntroductionStatus::Won | IntroductionStatus::Lost, Some(closed_at)) =
            (status, closed_at)
        {
            if !had(referrer, InteractionKind::OutcomeShared, *closed_at) {
                let closed = from_db(*closed_at);
                let reason = Reason::ShareOutcome {
                    prospect,
                    won: status == IntroductionStatus::Won,
                    days: days_between(closed, now),
                };
                push(
                    ActionId::Outcome(introduction),
                    referrer,
                    ActionType::ShareOutcome,
                    reason,
                    closed.date_naive(),
                )?;
            }
        }
    }
    for (id, referrer, target_contact, target_name, asked_at) in &asks {
        let (Some(asked_at), Some(relationship)) = (asked_at, relationships.get(referrer)) else {
            continue;
        };
        // The ask, or the last word with the referrer since, started the two weeks.
        let asked = from_db(*asked_at);
        let last_word = relationship
            .last_interaction_at
            .map_or(asked, |last| last.max(asked));
        let due = last_word + chrono::Duration::days(FOLLOW_UP_AFTER_DAYS);
        if due > now {
            continue;
        }
        let target = name_of(target_contact)
            .or_else(|| target_name.clone())
            .unwrap_or_else(|| "someone".to_owned());
        let reason = Reason::FollowUp {
            target,
            days_since_ask: days_between(asked, now),
        };
        let request: uuid::Uuid = id.parse().map_err(|_| corrupt("id"))?;
        push(
            ActionId::FollowUp(request),
            referrer,
            ActionType::FollowUpAsk,
            reason,
            due.date_naive(),
        )?;
    }
    Ok(found)
}
