//! Reciprocity (DESIGN R5), pure: gives against asks over the trailing twelve months.
//! Someone we ask more than we give to is a relationship we are drawing down (seed 000).

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use utoipa::ToSchema;

/// The window reciprocity is counted over.
pub fn window_start(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(365)
}

/// Gives and asks with one contact (or the whole network) over the last twelve months.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ToSchema)]
pub struct Reciprocity {
    pub gives_12m: i64,
    pub asks_12m: i64,
    /// True when we asked more than we gave.
    pub taker_pattern: bool,
}

impl Reciprocity {
    pub fn new(gives: i64, asks: i64) -> Self {
        Self {
            gives_12m: gives,
            asks_12m: asks,
            taker_pattern: asks > gives,
        }
    }

    /// How far asks exceed gives; the larger, the more the relationship needs giving to.
    pub fn imbalance(&self) -> i64 {
        self.asks_12m - self.gives_12m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asking_more_than_giving_is_a_taker_pattern() {
        assert!(!Reciprocity::new(0, 0).taker_pattern);
        assert!(!Reciprocity::new(2, 2).taker_pattern, "even is fine");
        assert!(Reciprocity::new(1, 2).taker_pattern);
        assert!(Reciprocity::new(0, 1).taker_pattern);
        assert_eq!(Reciprocity::new(1, 4).imbalance(), 3);
    }
}
