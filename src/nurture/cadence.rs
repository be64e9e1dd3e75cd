//! The cadence rules (DESIGN R4), pure: no HTTP, no SQL, "now" passed in.
//!
//! A contact wants a touch every `cadence` days. Counting from the last interaction:
//! - `ok` until the cadence has passed,
//! - `due` from then on,
//! - `overdue` once half a cadence more has passed,
//! - `dormant` after a year without contact, whatever the cadence;
//!
//! a contact never interacted with is `never_contacted`, and due from the moment it was added.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::contacts::domain::RelationshipKind;

pub const DORMANT_AFTER_DAYS: i64 = 365;

/// The product's default cadence, in days, for each relationship kind.
pub fn default_cadence_days(kind: RelationshipKind) -> i32 {
    use RelationshipKind::*;
    match kind {
        Client | ReferralPartner => 30,
        Prospect => 45,
        Colleague => 60,
        FormerClient | Friend | Family | Neighbor => 90,
        Other => 120,
    }
}

/// Cadences by kind: the workspace's overrides over the product's defaults.
pub fn cadences(overrides: &BTreeMap<RelationshipKind, i32>) -> BTreeMap<RelationshipKind, i32> {
    RelationshipKind::ALL
        .iter()
        .map(|&kind| {
            (
                kind,
                overrides
                    .get(&kind)
                    .copied()
                    .unwrap_or_else(|| default_cadence_days(kind)),
            )
        })
        .collect()
}

/// Where a relationship stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NurtureStatus {
    Ok,
    Due,
    Overdue,
    Dormant,
    NeverContacted,
}

/// The moments a contact's status changes, derived from its last interaction and stored so
/// that lists can filter on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub next_touch_due_at: DateTime<Utc>,
    pub overdue_at: DateTime<Utc>,
}

pub fn schedule(
    last_interaction_at: Option<DateTime<Utc>>,
    added_at: DateTime<Utc>,
    cadence_days: i32,
) -> Schedule {
    match last_interaction_at {
        None => Schedule {
            next_touch_due_at: added_at,
            overdue_at: added_at,
        },
        Some(last) => {
            let cadence = Duration::days(cadence_days.into());
            Schedule {
                next_touch_due_at: last + cadence,
                overdue_at: last + cadence + cadence / 2,
            }
        }
    }
}

pub fn status(
    last_interaction_at: Option<DateTime<Utc>>,
    schedule: Schedule,
    now: DateTime<Utc>,
) -> NurtureStatus {
    match last_interaction_at {
        None => NurtureStatus::NeverContacted,
        Some(last) if now - last > Duration::days(DORMANT_AFTER_DAYS) => NurtureStatus::Dormant,
        Some(_) if now >= schedule.overdue_at => NurtureStatus::Overdue,
        Some(_) if now >= schedule.next_touch_due_at => NurtureStatus::Due,
        Some(_) => NurtureStatus::Ok,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    fn status_after(days_since_last: i64, cadence_days: i32) -> NurtureStatus {
        let last = now() - Duration::days(days_since_last);
        status(
            Some(last),
            schedule(Some(last), now() - Duration::days(1000), cadence_days),
            now(),
        )
    }

    #[test]
    fn a_relationship_goes_from_ok_to_due_to_overdue_to_dormant() {
        assert_eq!(status_after(29, 30), NurtureStatus::Ok);
        assert_eq!(status_after(30, 30), NurtureStatus::Due);
        assert_eq!(status_after(44, 30), NurtureStatus::Due);
        assert_eq!(status_after(45, 30), NurtureStatus::Overdue);
        assert_eq!(status_after(365, 30), NurtureStatus::Overdue);
        assert_eq!(status_after(366, 30), NurtureStatus::Dormant);
        assert_eq!(
            status_after(366, 3650),
            NurtureStatus::Dormant,
            "a year of silence is dormant whatever the cadence"
        );
    }

    #[test]
    fn a_never_contacted_contact_is_due_from_the_day_it_was_added() {
        let added = now() - Duration::days(3);
        let plan = schedule(None, added, 30);
        assert_eq!(plan.next_touch_due_at, added);
        assert_eq!(status(None, plan, now()), NurtureStatus::NeverContacted);
    }

    #[test]
    fn workspace_overrides_replace_only_the_kinds_they_name() {
        let effective = cadences(&BTreeMap::from([(RelationshipKind::Client, 14)]));
        assert_eq!(effective[&RelationshipKind::Client], 14);
        assert_eq!(effective[&RelationshipKind::Colleague], 60);
        assert_eq!(effective.len(), RelationshipKind::ALL.len());
    }
}
