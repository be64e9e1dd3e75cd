//! Referral readiness (DESIGN R3), pure: has the caller earned the right to ask this
//! contact for a referral? Seed 000: ask those you have nurtured, who trust you, to whom
//! you have given more than you asked.
//!
//! The weights live here and only here. A score out of 100:
//! - in touch: within the cadence 35, due 15, overdue or dormant 0;
//! - gave value (any give interaction) in the last six months (182 days): 25;
//! - they thanked us (`thanks_received`) in the last six months: 15;
//! - trust 1–5: 0, 6, 12, 19, 25 (unknown: 10).
//!
//! Ready means a score of at least 60 and nothing blocking: a contact never contacted, one
//! we have given nothing to in the last six months (giving first is a gate, not only a
//! weight), one we asked more than we gave to over the last twelve months, or one with an
//! ask already waiting on them, is never ready.

use serde::Serialize;
use utoipa::ToSchema;

use crate::nurture::cadence::NurtureStatus;
use crate::nurture::reciprocity::Reciprocity;
use crate::words::{count, days_ago};

pub const READY_AT: i32 = 60;
const IN_CADENCE: i32 = 35;
const DUE: i32 = 15;
const GAVE_VALUE: i32 = 25;
const THANKED_US: i32 = 15;
const TRUST: [i32; 5] = [0, 6, 12, 19, 25];
const TRUST_UNKNOWN: i32 = 10;
/// How recent a give or a thank-you must be to count.
pub const RECENT_DAYS: i64 = 182;

/// What readiness is judged on.
#[derive(Debug, Clone)]
pub struct Facts {
    pub status: NurtureStatus,
    pub days_since_last_touch: Option<i64>,
    pub cadence_days: i32,
    pub days_since_last_give: Option<i64>,
    pub days_since_thanks_received: Option<i64>,
    pub trust: Option<i32>,
    pub reciprocity: Reciprocity,
    /// Asks already waiting on them (`asked` or `agreed`).
    pub open_asks: i64,
}

/// What a factor does to readiness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Counts toward readiness.
    For,
    /// Missing or weak: earns no points.
    Against,
    /// Makes the contact not ready whatever the score.
    Blocks,
}

/// One factor of the judgement, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Factor {
    /// `in_touch`, `gave_value`, `thanked_us`, `trust`, `reciprocity` or `open_ask`. An open set:
    /// more factors may come.
    #[schema(example = "in_touch")]
    pub factor: &'static str,
    pub effect: Effect,
    /// Points added to the score.
    pub points: i32,
    #[schema(example = "last spoke 12 days ago, within your 30-day cadence")]
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub ready: bool,
    pub score: i32,
    pub factors: Vec<Factor>,
}

fn factor(factor: &'static str, effect: Effect, points: i32, detail: String) -> Factor {
    Factor {
        factor,
        effect,
        points,
        detail,
    }
}

fn in_touch(facts: &Facts) -> Factor {
    let cadence = facts.cadence_days;
    let days = facts.days_since_last_touch.unwrap_or_default();
    match facts.status {
        NurtureStatus::NeverContacted => factor(
            "in_touch",
            Effect::Blocks,
            0,
            "never contacted: build the relationship before asking for anything".to_owned(),
        ),
        NurtureStatus::Ok => factor(
            "in_touch",
            Effect::For,
            IN_CADENCE,
            format!(
                "last spoke {}, within your {cadence}-day cadence",
                days_ago(days)
            ),
        ),
        NurtureStatus::Due => factor(
            "in_touch",
            Effect::For,
            DUE,
            format!(
                "last spoke {}; a touch is due (every {})",
                days_ago(days),
                count(cadence.into(), "day")
            ),
        ),
        NurtureStatus::Overdue | NurtureStatus::Dormant => factor(
            "in_touch",
            Effect::Against,
            0,
            format!(
                "last spoke {}, well past your {cadence}-day cadence: reconnect first",
                days_ago(days)
            ),
        ),
    }
}

fn recent(days: Option<i64>) -> Option<i64> {
    days.filter(|days| *days <= RECENT_DAYS)
}

pub fn assess(facts: &Facts) -> Assessment {
    let mut factors = vec![in_touch(facts)];
    factors.push(match recent(facts.days_since_last_give) {
        Some(days) => factor(
            "gave_value",
            Effect::For,
            GAVE_VALUE,
            format!("you gave them something of value {}", days_ago(days)),
        ),
        // Seed 000: nurture, give value, then ask. Trust and a recent talk do not make
        // up for never giving.
        None => factor(
            "gave_value",
            Effect::Blocks,
            0,
            "you have given them nothing in the last six months: give before you ask (share something useful, help, refer them)".to_owned(),
        ),
    });
    factors.push(match recent(facts.days_since_thanks_received) {
        Some(days) => factor(
            "thanked_us",
            Effect::For,
            THANKED_US,
            format!("they thanked you {}", days_ago(days)),
        ),
        None => factor(
            "thanked_us",
            Effect::Against,
            0,
            "no thanks from them in the last six months".to_owned(),
        ),
    });
    factors.push(match facts.trust {
        Some(trust @ 1..=5) => {
            let effect = if trust >= 3 {
                Effect::For
            } else {
                Effect::Against
            };
            let points = TRUST[(trust - 1) as usize];
            factor("trust", effect, points, format!("trust {trust} of 5"))
        }
        _ => factor(
            "trust",
            Effect::Against,
            TRUST_UNKNOWN,
            "trust not recorded".to_owned(),
        ),
    });
    let balance = facts.reciprocity;
    factors.push(if balance.taker_pattern {
        factor(
            "reciprocity",
            Effect::Blocks,
            0,
            format!(
                "you asked {} and gave {} in twelve months: give before asking again",
                count(balance.asks_12m, "time"),
                count(balance.gives_12m, "time")
            ),
        )
    } else {
        factor(
            "reciprocity",
            Effect::For,
            0,
            format!(
                "you gave {} and asked {} in twelve months",
                count(balance.gives_12m, "time"),
                count(balance.asks_12m, "time")
            ),
        )
    });
    if facts.open_asks > 0 {
        factors.push(factor(
            "open_ask",
            Effect::Blocks,
            0,
            "you already have an ask waiting on them: follow it up before asking again".to_owned(),
        ));
    }
    let score = factors.iter().map(|f| f.points).sum::<i32>().clamp(0, 100);
    let blocked = factors.iter().any(|f| f.effect == Effect::Blocks);
    Assessment {
        ready: score >= READY_AT && !blocked,
        score,
        factors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nurtured() -> Facts {
        Facts {
            status: NurtureStatus::Ok,
            days_since_last_touch: Some(12),
            cadence_days: 30,
            days_since_last_give: Some(40),
            days_since_thanks_received: None,
            trust: Some(4),
            reciprocity: Reciprocity::new(3, 1),
            open_asks: 0,
        }
    }

    #[test]
    fn an_open_ask_blocks_another() {
        let facts = Facts {
            open_asks: 1,
            ..nurtured()
        };
        let assessment = assess(&facts);
        assert!(!assessment.ready);
        assert_eq!(assessment.factors.last().unwrap().factor, "open_ask");
    }

    #[test]
    fn a_nurtured_contact_is_ready_and_says_why() {
        let assessment = assess(&nurtured());
        assert!(assessment.ready);
        assert_eq!(assessment.score, 35 + 25 + 19);
        assert_eq!(
            assessment.factors[0].detail,
            "last spoke 12 days ago, within your 30-day cadence"
        );
    }

    #[test]
    fn never_contacted_is_never_ready() {
        let facts = Facts {
            status: NurtureStatus::NeverContacted,
            days_since_last_touch: None,
            days_since_last_give: None,
            trust: Some(5),
            ..nurtured()
        };
        let assessment = assess(&facts);
        assert!(!assessment.ready);
        assert_eq!(assessment.factors[0].effect, Effect::Blocks);
    }

    #[test]
    fn asking_more_than_giving_blocks_whatever_the_score() {
        let facts = Facts {
            days_since_thanks_received: Some(3),
            trust: Some(5),
            reciprocity: Reciprocity::new(1, 2),
            ..nurtured()
        };
        let assessment = assess(&facts);
        assert_eq!(assessment.score, 100);
        assert!(!assessment.ready);
    }

    #[test]
    fn lapsed_or_ungiving_relationships_fall_short() {
        let overdue = Facts {
            status: NurtureStatus::Overdue,
            days_since_last_touch: Some(70),
            ..nurtured()
        };
        assert_eq!(assess(&overdue).score, 25 + 19);
        assert!(!assess(&overdue).ready);
        let old_give = Facts {
            days_since_last_give: Some(RECENT_DAYS + 1),
            trust: None,
            ..nurtured()
        };
        assert_eq!(assess(&old_give).score, 35 + 10);
        assert!(!assess(&old_give).ready);
    }

    #[test]
    fn without_a_recent_give_nobody_is_ready_whatever_the_score() {
        // Seed 000's order: nurture, give, then ask. In touch, thanked, trusted: 35 + 15 +
        // 25 = 75, over the bar, and still not ready.
        let never_given = Facts {
            days_since_last_give: None,
            days_since_thanks_received: Some(10),
            trust: Some(5),
            reciprocity: Reciprocity::new(0, 0),
            ..nurtured()
        };
        let assessment = assess(&never_given);
        assert_eq!(assessment.score, 75);
        assert!(!assessment.ready);
        let gave = &assessment.factors[1];
        assert_eq!((gave.factor, gave.effect), ("gave_value", Effect::Blocks));
        assert!(
            gave.detail.contains("give before you ask"),
            "{}",
            gave.detail
        );
        let gave_183_days_ago = Facts {
            days_since_last_give: Some(RECENT_DAYS + 1),
            ..never_given.clone()
        };
        assert!(!assess(&gave_183_days_ago).ready);
        let gave_182_days_ago = Facts {
            days_since_last_give: Some(RECENT_DAYS),
            ..never_given
        };
        assert!(assess(&gave_182_days_ago).ready);
    }

    #[test]
    fn counts_are_worded_in_the_singular_for_one() {
        let once = Facts {
            reciprocity: Reciprocity::new(1, 1),
            days_since_last_touch: Some(1),
            ..nurtured()
        };
        let factors = assess(&once).factors;
        assert_eq!(
            factors[4].detail,
            "you gave 1 time and asked 1 time in twelve months"
        );
        assert_eq!(
            factors[0].detail,
            "last spoke yesterday, within your 30-day cadence"
        );
    }

    #[test]
    fn the_score_never_exceeds_a_hundred() {
        let best = Facts {
            days_since_thanks_received: Some(1),
            trust: Some(5),
            ..nurtured()
        };
        assert_eq!(assess(&best).score, 100);
    }
}
