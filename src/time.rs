//! Times are UTC. The database holds them as timestamps without zone, truncated to whole
//! microseconds (PostgreSQL's precision) so that both backends store the same value.

use chrono::{DateTime, DurationRound, NaiveDateTime, TimeDelta, Utc};

pub fn now() -> DateTime<Utc> {
    Utc::now()
        .duration_trunc(TimeDelta::microseconds(1))
        .expect("microsecond truncation of the present")
}

pub fn db_now() -> NaiveDateTime {
    now().naive_utc()
}

pub fn to_db(time: DateTime<Utc>) -> NaiveDateTime {
    time.duration_trunc(TimeDelta::microseconds(1))
        .unwrap_or(time)
        .naive_utc()
}

pub fn from_db(time: NaiveDateTime) -> DateTime<Utc> {
    time.and_utc()
}

/// How long tombstones (deleted contacts and interactions, their personal fields erased)
/// stay visible to sync through `include_deleted=true`.
#[derive(Debug, Clone, Copy)]
pub struct TombstoneRetention {
    pub days: i64,
}

impl TombstoneRetention {
    /// The oldest deletion a list still shows, when tombstones are asked for.
    pub fn deleted_since(&self, include_deleted: bool) -> Option<NaiveDateTime> {
        include_deleted.then(|| to_db(now() - chrono::Duration::days(self.days)))
    }
}

/// The years a time or a date the API accepts may fall in, on both backends (PostgreSQL's
/// timestamps stop at 4713 BC and SQLite compares text: one range keeps them alike).
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

fn out_of_range<E: serde::de::Error>(year: i32) -> E {
    E::custom(format!(
        "year {year} is outside the years this API accepts, {} to {}",
        YEARS.start(),
        YEARS.end()
    ))
}

/// Deserializers for the times and dates requests carry, refusing years outside `YEARS`
/// where the value is read (`#[serde(deserialize_with = "crate::time::accept::…")]`).
pub mod accept {
    use chrono::{DateTime, Datelike, NaiveDate, Utc};
    use serde::{Deserialize, Deserializer};

    use super::{out_of_range, YEARS};

    fn checked<E: serde::de::Error>(time: DateTime<Utc>) -> Result<DateTime<Utc>, E> {
        if YEARS.contains(&time.year()) {
            Ok(time)
        } else {
            Err(out_of_range(time.year()))
        }
    }

    fn checked_date<E: serde::de::Error>(date: NaiveDate) -> Result<NaiveDate, E> {
        if YEARS.contains(&date.year()) {
            Ok(date)
        } else {
            Err(out_of_range(date.year()))
        }
    }

    pub fn time<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        checked(DateTime::<Utc>::deserialize(d)?)
    }

    /// An optional time (`null` or absent: none; use with `#[serde(default)]`).
    pub fn optional_time<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        Option::<DateTime<Utc>>::deserialize(d)?
            .map(checked)
            .transpose()
    }

    /// A time that may be absent but not `null` (a PATCH field that cannot be cleared).
    pub fn some_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        time(d).map(Some)
    }

    /// A PATCH field that `null` clears: absent is `None`, `null` is `Some(None)`.
    pub fn present_time<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<DateTime<Utc>>>, D::Error> {
        optional_time(d).map(Some)
    }

    pub fn optional_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<NaiveDate>::deserialize(d)?
            .map(checked_date)
            .transpose()
    }

    pub fn present_date<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<NaiveDate>>, D::Error> {
        optional_date(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Event {
        #[serde(deserialize_with = "super::accept::time")]
        at: chrono::DateTime<chrono::Utc>,
    }

    #[test]
    fn times_outside_the_accepted_years_are_refused_where_read() {
        let at = |text: &str| serde_json::from_value::<Event>(serde_json::json!({ "at": text }));
        use chrono::Datelike;
        assert_eq!(at("2026-11-30T10:00:00Z").unwrap().at.year(), 2026);
        assert!(at("1900-01-01T00:00:00Z").is_ok());
        assert!(at("9999-12-31T23:59:59Z").is_ok());
        let refused = at("-5000-01-01T00:00:00Z").unwrap_err().to_string();
        assert!(refused.contains("year -5000"), "{refused}");
        assert!(at("1899-12-31T23:59:59Z").is_err());
        assert!(at("+10000-01-01T00:00:00Z").is_err());
    }
}
