//! Attribution (DESIGN R10), pure: which referrers bring the most, from their
//! introductions.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use utoipa::ToSchema;

use super::funnel::Amount;
use crate::introductions::domain::IntroductionStatus;
use crate::values::Money;

/// What one introduction contributes to its referrer's record.
#[derive(Debug, Clone)]
pub struct Contribution {
    pub referrer_id: String,
    pub status: IntroductionStatus,
    /// A meeting was scheduled (`meeting_at`).
    pub meeting_planned: bool,
    /// Won deal value, in hundredths, with its currency.
    pub won: Option<(i64, String)>,
}

/// A referrer's record.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Record {
    pub introductions: i64,
    /// Introductions that led to a meeting: `met` or `won`, or with a meeting time set.
    pub meetings: i64,
    pub won: i64,
    pub won_value: Vec<Amount>,
}

#[derive(Default)]
struct Tally<'a> {
    introductions: i64,
    meetings: i64,
    won: i64,
    cents_by_currency: BTreeMap<&'a str, i64>,
}

impl Tally<'_> {
    fn record(self) -> Record {
        Record {
            introductions: self.introductions,
            meetings: self.meetings,
            won: self.won,
            won_value: self
                .cents_by_currency
                .into_iter()
                .map(|(currency, cents)| Amount {
                    currency: currency.to_owned(),
                    amount: Money(cents),
                })
                .collect(),
        }
    }
}

/// Each referrer's record, best first: most wins, then most meetings, then most
/// introductions (won value is per currency, so it does not rank).
pub fn rank(contributions: &[Contribution]) -> Vec<(String, Record)> {
    let mut tallies: HashMap<&str, Tally> = HashMap::new();
    for c in contributions {
        let tally = tallies.entry(&c.referrer_id).or_default();
        tally.introductions += 1;
        let met = matches!(c.status, IntroductionStatus::Met | IntroductionStatus::Won);
        if met || c.meeting_planned {
            tally.meetings += 1;
        }
        if c.status == IntroductionStatus::Won {
            tally.won += 1;
            if let Some((cents, currency)) = &c.won {
                *tally.cents_by_currency.entry(currency).or_default() += cents;
            }
        }
    }
    let mut ranked: Vec<(String, Record)> = tallies
        .into_iter()
        .map(|(referrer, tally)| (referrer.to_owned(), tally.record()))
        .collect();
    ranked.sort_by(|(a_id, a), (b_id, b)| {
        (b.won, b.meetings, b.introductions)
            .cmp(&(a.won, a.meetings, a.introductions))
            .then(a_id.cmp(b_id))
    });
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use IntroductionStatus::*;

    fn intro(referrer: &str, status: IntroductionStatus, won: Option<(i64, &str)>) -> Contribution {
        Contribution {
            referrer_id: referrer.to_owned(),
            status,
            meeting_planned: false,
            won: won.map(|(cents, currency)| (cents, currency.to_owned())),
        }
    }

    #[test]
    fn wins_rank_first_then_meetings_then_introductions() {
        let ranked = rank(&[
            intro("busy", Pending, None),
            intro("busy", Pending, None),
            intro("busy", Connected, None),
            intro("closer", Won, Some((100_000, "EUR"))),
            intro("closer", Won, Some((50, "EUR"))),
            intro("connector", Met, None),
        ]);
        let order: Vec<&str> = ranked.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(order, ["closer", "connector", "busy"]);
        assert_eq!(
            ranked[0].1.won_value,
            [Amount {
                currency: "EUR".to_owned(),
                amount: Money(100_050)
            }]
        );
        assert_eq!(
            (
                ranked[0].1.introductions,
                ranked[0].1.meetings,
                ranked[0].1.won
            ),
            (2, 2, 2)
        );
        assert_eq!((ranked[2].1.introductions, ranked[2].1.meetings), (3, 0));
    }
}
