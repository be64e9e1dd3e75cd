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
