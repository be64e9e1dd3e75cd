//! The agenda's loops to close (R6) and asks to follow up (R7): read from the
//! introductions and referral requests that are still open, never from the whole history.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Days, NaiveDateTime, Utc};
use diesel::dsl::{exists, not};
use diesel::prelude::*;

use super::actions::{corrupt, Candidate, Standing};
use super::agenda::{
    loop_action, ActionId, ActionType, Reason, FOLLOW_UP_AFTER_DAYS, THANK_WITHIN_DAYS,
};
use super::calendar::Holder;
use crate::contacts::domain::RelationshipKind;
use crate::db::schema::{contacts, interaction_contacts, introductions, referral_requests};
use crate::db::{DbConn, BATCH_ROWS};
use crate::error::ApiError;
use crate::interactions::domain::InteractionKind;
use crate::introductions::domain::{Direction, IntroductionStatus};
use crate::referrals::domain::RequestStatus;
use crate::time::{from_db, to_db};

/// A received introduction still owing its referrer something: id, referrer, prospect,
/// status, introduced, closed, owes thanks, owes the outcome.
type OwedIntroduction = (
    String,
    Option<String>,
    Option<String>,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    bool,
    bool,
);
/// An ask waiting for an answer for two weeks or more, with its referrer.
type WaitingAsk = (
    String,
    Option<String>,
    Option<String>,
    NaiveDateTime,
    Standing,
);

fn days_between(earlier: DateTime<Utc>, later: DateTime<Utc>) -> i64 {
    (later - earlier).num_days().max(0)
}

/// Recomputes what the received introductions of these referrers still owe them: a
/// thank-you sent since the introduction, and for a won or lost one the outcome shared
/// since it closed (live, unplanned interactions). Every write that could change it ends
/// here — logging, editing or deleting an interaction, recording or moving an
/// introduction — so the agenda reads only what is owed and the flags cannot drift.
pub fn settle(
    conn: &mut DbConn,
    workspace_id: &str,
    referrer_ids: &[String],
) -> Result<(), ApiError> {
    let referrer_heard = |kind: InteractionKind| {
        interaction_contacts::table
            .filter(
                interaction_contacts::contact_id
                    .nullable()
                    .eq(introductions::referrer_id),
            )
            .filter(interaction_contacts::kind.eq(kind.as_str()))
            .filter(interaction_contacts::planned.eq(false))
    };
    let owes_thanks = || {
        not(exists(referrer_heard(InteractionKind::ThanksSent).filter(
            interaction_contacts::occurred_at.ge(introductions::introduced_at),
        )))
    };
    let owes_news = || {
        introductions::status
            .eq_any([
                IntroductionStatus::Won.as_str(),
                IntroductionStatus::Lost.as_str(),
            ])
            .and(introductions::closed_at.is_not_null())
            .and(not(exists(
                referrer_heard(InteractionKind::OutcomeShared).filter(
                    interaction_contacts::occurred_at
                        .nullable()
                        .ge(introductions::closed_at),
                ),
            )))
    };
    for referrers in referrer_ids.chunks(500) {
        diesel::update(
            introductions::table
                .filter(introductions::workspace_id.eq(workspace_id))
                .filter(introductions::direction.eq(Direction::Received.as_str()))
                .filter(introductions::referrer_id.eq_any(referrers)),
        )
        .set((
            introductions::owes_thanks.eq(owes_thanks()),
            introductions::owes_outcome.eq(owes_news()),
        ))
        .execute(conn)?;
    }
    Ok(())
}

/// The actions owed to referrers for the holder's introductions and asks. Only what is
/// still owed is read, with the referrer in the same query: an introduction whose referrer
/// has been thanked since (and told the outcome since it closed) is settled whatever its
/// age, and an ask answered or followed up within two weeks is not due.
pub(super) fn candidates(
    conn: &mut DbConn,
    workspace_id: &str,
    holder: &Holder,
    now: DateTime<Utc>,
    cadence_by_kind: &BTreeMap<RelationshipKind, i32>,
) -> Result<Vec<Candidate>, ApiError> {
    // The referrers are read apart, by id: joined in, PostgreSQL sorted every contact of
    // the workspace to merge them with the introductions.
    let mut received = introductions::table
        .filter(introductions::workspace_id.eq(workspace_id))
        .filter(introductions::direction.eq(Direction::Received.as_str()))
        .filter(introductions::deleted_at.is_null())
        .filter(introductions::owes_thanks.or(introductions::owes_outcome))
        .select((
            introductions::id,
            introductions::referrer_id,
            introductions::prospect_id,
            introductions::status,
            introductions::introduced_at,
            introductions::closed_at,
            introductions::owes_thanks,
            introductions::owes_outcome,
        ))
        .into_boxed();
    let quiet_since = to_db(now - chrono::Duration::days(FOLLOW_UP_AFTER_DAYS));
    let mut asks = referral_requests::table
        .inner_join(contacts::table.on(contacts::id.eq(referral_requests::referrer_id)))
        .filter(referral_requests::workspace_id.eq(workspace_id))
        .filter(referral_requests::status.eq(RequestStatus::Asked.as_str()))
        .filter(referral_requests::deleted_at.is_null())
        .filter(referral_requests::asked_at.le(quiet_since))
        .filter(contacts::deleted_at.is_null())
        .filter(
            contacts::last_interaction_at
                .is_null()
                .or(contacts::last_interaction_at.le(quiet_since)),
        )
        .select((
            referral_requests::id,
            referral_requests::target_contact_id,
            referral_requests::target_name,
            referral_requests::asked_at.assume_not_null(),
            Standing::as_select(),
        ))
        .into_boxed();
    if let Holder::Member(member_id) = holder {
        received = received.filter(introductions::member_id.eq(member_id.clone()));
        asks = asks.filter(referral_requests::member_id.eq(member_id.clone()));
    }
    let received: Vec<OwedIntroduction> = received.load(conn)?;
    let asks: Vec<WaitingAsk> = asks.load(conn)?;
    if received.is_empty() && asks.is_empty() {
        return Ok(Vec::new());
    }
    let referrer_ids: Vec<&String> = received.iter().filter_map(|i| i.1.as_ref()).collect();
    let mut referrers: HashMap<String, Standing> = HashMap::new();
    for chunk in referrer_ids.chunks(BATCH_ROWS) {
        let rows = contacts::table
            .filter(contacts::workspace_id.eq(workspace_id))
            .filter(contacts::deleted_at.is_null())
            .filter(contacts::id.eq_any(chunk))
            .select(Standing::as_select())
            .load::<Standing>(conn)?;
        referrers.extend(
            rows.into_iter()
                .map(|standing| (standing.id.clone(), standing)),
        );
    }

    let named: Vec<&String> = received
        .iter()
        .filter_map(|i| i.2.as_ref())
        .chain(asks.iter().filter_map(|a| a.1.as_ref()))
        .collect();
    let mut names: HashMap<String, String> = HashMap::new();
    for chunk in named.chunks(BATCH_ROWS) {
        let rows = contacts::table
            .filter(contacts::workspace_id.eq(workspace_id))
            .filter(contacts::id.eq_any(chunk))
            .select((contacts::id, contacts::first_name, contacts::last_name))
            .load::<(String, String, Option<String>)>(conn)?;
        names.extend(rows.into_iter().map(|(id, first, last)| {
            let name = [Some(first), last]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>();
            (id, name.join(" "))
        }));
    }
    let name_of = |id: &Option<String>| id.as_ref().and_then(|id| names.get(id).cloned());

    let today = now.date_naive();
    let mut found = Vec::new();
    let mut push =
        |id: ActionId, referrer: &Standing, action_type, reason, due_on| -> Result<(), ApiError> {
            let relationship = referrer.relationship(cadence_by_kind)?;
            found.push(Candidate {
                id,
                contact_id: referrer.id.parse().map_err(|_| corrupt("id"))?,
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
    for (id, referrer, prospect, status, introduced_at, closed_at, owes_thanks, owes_news) in
        &received
    {
        // A deleted referrer is owed nothing.
        let Some(referrer) = referrer.as_ref().and_then(|id| referrers.get(id)) else {
            continue;
        };
        let introduction: uuid::Uuid = id.parse().map_err(|_| corrupt("id"))?;
        let prospect = name_of(prospect).unwrap_or_else(|| "someone".to_owned());
        if *owes_thanks {
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
        if let (true, Some(closed_at)) = (*owes_news, closed_at) {
            let status: IntroductionStatus =
                status.parse().map_err(|_| corrupt("introduction status"))?;
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
    for (id, target_contact, target_name, asked_at, referrer) in &asks {
        // The ask, or the last word with the referrer since, started the two weeks.
        let asked = from_db(*asked_at);
        let last_word = referrer
            .relationship(cadence_by_kind)?
            .last_interaction_at
            .map_or(asked, |last| last.max(asked));
        let due = last_word + chrono::Duration::days(FOLLOW_UP_AFTER_DAYS);
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
