//! The referral funnel (DESIGN R10), pure: how the asks of a period went, stage by stage.
//!
//! A request counts at a stage once its history reached it; conversion is the share of
//! the previous stage that reached the next. Durations run between the first time each
//! stage was reached, in days with one decimal.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::domain::RequestStatus;
use crate::values::Money;

/// The stages an ask passes through on its way to money, in order.
pub const STAGES: [RequestStatus; 5] = [
    RequestStatus::Asked,
    RequestStatus::Agreed,
    RequestStatus::Introduced,
    RequestStatus::MeetingHeld,
    RequestStatus::Won,
];

/// How many requests reached one stage of the pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct StageReached {
    pub stage: RequestStatus,
    /// Requests that reached it.
    pub reached: i64,
    /// Share of the previous stage that reached this one, 0 to 1; null for the first stage
    /// or when the previous one is empty.
    pub conversion: Option<f64>,
}

/// Requests that ended without a win.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct EndedWithout {
    pub declined: i64,
    pub withdrawn: i64,
    pub lost: i64,
}

/// Won deal value in one currency.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Amount {
    pub currency: String,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FunnelFigures {
    pub stages: Vec<StageReached>,
    pub ended_without_win: EndedWithout,
    pub median_days_ask_to_introduction: Option<f64>,
    pub median_days_introduction_to_meeting: Option<f64>,
    /// Deal value of won introductions answering these requests, per currency.
    pub won_value: Vec<Amount>,
}

/// One request's history: each status it took, with when.
pub type History = Vec<(RequestStatus, DateTime<Utc>)>;

fn first(history: &History, status: RequestStatus) -> Option<DateTime<Utc>> {
    history
        .iter()
        .filter(|(s, _)| *s == status)
        .map(|(_, at)| *at)
        .min()
}

fn median_days(mut days: Vec<f64>) -> Option<f64> {
    if days.is_empty() {
        return None;
    }
    days.sort_by(f64::total_cmp);
    let middle = days.len() / 2;
    let median = if days.len() % 2 == 0 {
        (days[middle - 1] + days[middle]) / 2.0
    } else {
        days[middle]
    };
    Some((median * 10.0).round() / 10.0)
}

fn days_between(history: &History, from: RequestStatus, to: RequestStatus) -> Option<f64> {
    let (start, end) = (first(history, from)?, first(history, to)?);
    Some((end - start).num_seconds().max(0) as f64 / 86_400.0)
}

/// The figures of a set of requests; `wins` are the won deal values (hundredths and
/// currency) of the introductions answering them.
pub fn figures(histories: &[History], wins: &[(i64, String)]) -> FunnelFigures {
    let reached = |status: RequestStatus| {
        histories
            .iter()
            .filter(|h| h.iter().any(|(s, _)| *s == status))
            .count() as i64
    };
    let mut stages: Vec<StageReached> = Vec::with_capacity(STAGES.len());
    for status in STAGES {
        let count = reached(status);
        let conversion = stages
            .last()
            .filter(|previous| previous.reached > 0)
            .map(|previous| (count as f64 / previous.reached as f64 * 1000.0).round() / 1000.0);
        stages.push(StageReached {
            stage: status,
            reached: count,
            conversion,
        });
    }
    let mut totals: BTreeMap<&str, i64> = BTreeMap::new();
    for (cents, currency) in wins {
        *totals.entry(currency).or_default() += cents;
    }
    FunnelFigures {
        stages,
        ended_without_win: EndedWithout {
            declined: reached(RequestStatus::Declined),
            withdrawn: reached(RequestStatus::Withdrawn),
            lost: reached(RequestStatus::Lost),
        },
        median_days_ask_to_introduction: median_days(
            histories
                .iter()
                .filter_map(|h| days_between(h, RequestStatus::Asked, RequestStatus::Introduced))
                .collect(),
        ),
        median_days_introduction_to_meeting: median_days(
            histories
                .iter()
                .filter_map(|h| {
                    days_between(h, RequestStatus::Introduced, RequestStatus::MeetingHeld)
                })
                .collect(),
        ),
        won_value: totals
            .into_iter()
            .map(|(currency, cents)| Amount {
                currency: currency.to_owned(),
                amount: Money(cents),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use RequestStatus::*;

    fn day(n: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap() + Duration::days(n)
    }

    #[test]
    fn a_hand_worked_funnel() {
        let histories = vec![
            vec![
                (Planned, day(0)),
                (Asked, day(1)),
                (Agreed, day(2)),
                (Introduced, day(5)),
                (MeetingHeld, day(9)),
                (Won, day(20)),
            ],
            vec![
                (Asked, day(1)),
                (Agreed, day(3)),
                (Introduced, day(11)),
                (Lost, day(12)),
            ],
            vec![(Asked, day(2)), (Declined, day(4))],
            vec![(Asked, day(3))],
        ];
        let wins = vec![
            (4_800_050, "EUR".to_owned()),
            (100_000, "USD".to_owned()),
            (50, "EUR".to_owned()),
        ];
        let figures = figures(&histories, &wins);
        let reached: Vec<i64> = figures.stages.iter().map(|s| s.reached).collect();
        assert_eq!(reached, [4, 2, 2, 1, 1]);
        let conversions: Vec<Option<f64>> = figures.stages.iter().map(|s| s.conversion).collect();
        assert_eq!(
            conversions,
            [None, Some(0.5), Some(1.0), Some(0.5), Some(1.0)]
        );
        assert_eq!(
            figures.ended_without_win,
            EndedWithout {
                declined: 1,
                withdrawn: 0,
                lost: 1
            }
        );
        // Ask to introduction: 4 and 10 days; introduction to meeting: 4 days.
        assert_eq!(figures.median_days_ask_to_introduction, Some(7.0));
        assert_eq!(figures.median_days_introduction_to_meeting, Some(4.0));
        assert_eq!(
            figures.won_value,
            [
                Amount {
                    currency: "EUR".to_owned(),
                    amount: Money(4_800_100)
                },
                Amount {
                    currency: "USD".to_owned(),
                    amount: Money(100_000)
                },
            ]
        );
    }

    #[test]
    fn an_empty_period_has_no_rates_and_no_medians() {
        let figures = figures(&[], &[]);
        assert!(figures
            .stages
            .iter()
            .all(|s| s.reached == 0 && s.conversion.is_none()));
        assert_eq!(figures.median_days_ask_to_introduction, None);
        assert!(figures.won_value.is_empty());
    }
}
