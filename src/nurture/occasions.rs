//! Occasions, pure: when a yearly date (a birthday, a work anniversary) falls within a
//! range of days. A Feb 29 date is celebrated on Feb 28 in years without one.

use chrono::{Datelike, NaiveDate};

/// The longest range asked for at once.
pub const MAX_RANGE_DAYS: i64 = 366;

/// Every day in `from..=to` on which the yearly date `month`-`day` falls.
pub fn occurrences(month: u32, day: u32, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    (from.year()..=to.year())
        .filter_map(|year| {
            NaiveDate::from_ymd_opt(year, month, day).or_else(|| {
                (month == 2 && day == 29)
                    .then(|| NaiveDate::from_ymd_opt(year, 2, 28))
                    .flatten()
            })
        })
        .filter(|date| (from..=to).contains(date))
        .collect()
}

/// The months `from..=to` touches, as a bitmask (bit 0: January), to match a contact's
/// `occasion_months`.
pub fn months_mask(from: NaiveDate, to: NaiveDate) -> i32 {
    if (to - from).num_days() >= 365 {
        return (1 << 12) - 1;
    }
    let (first, last) = (from.month0(), to.month0());
    let months: Vec<u32> = if to.year() > from.year() {
        (first..12).chain(0..=last).collect()
    } else {
        (first..=last).collect()
    };
    months.into_iter().fold(0, |mask, month| mask | 1 << month)
}

/// Years since the first occurrence (an age, an anniversary), when its year is known.
pub fn years_since(first_year: Option<i32>, on: NaiveDate) -> Option<i32> {
    first_year
        .map(|year| on.year() - year)
        .filter(|years| *years >= 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_range_across_new_year_finds_dates_on_both_sides() {
        let (from, to) = (date(2026, 12, 20), date(2027, 1, 10));
        assert_eq!(occurrences(12, 24, from, to), [date(2026, 12, 24)]);
        assert_eq!(occurrences(1, 3, from, to), [date(2027, 1, 3)]);
        assert!(occurrences(6, 1, from, to).is_empty());
    }

    #[test]
    fn feb_29_falls_on_feb_28_in_common_years() {
        assert_eq!(
            occurrences(2, 29, date(2027, 2, 1), date(2027, 3, 1)),
            [date(2027, 2, 28)]
        );
        assert_eq!(
            occurrences(2, 29, date(2028, 2, 1), date(2028, 3, 1)),
            [date(2028, 2, 29)]
        );
    }

    #[test]
    fn a_full_year_range_can_hold_a_date_twice() {
        assert_eq!(
            occurrences(3, 1, date(2026, 3, 1), date(2027, 3, 1)).len(),
            2
        );
    }

    #[test]
    fn the_months_of_a_range_wrap_the_new_year() {
        assert_eq!(
            months_mask(date(2026, 11, 25), date(2026, 12, 9)),
            0b1100_0000_0000
        );
        assert_eq!(
            months_mask(date(2026, 12, 20), date(2027, 1, 10)),
            0b1000_0000_0001
        );
        assert_eq!(months_mask(date(2026, 3, 1), date(2026, 3, 1)), 0b100);
        assert_eq!(months_mask(date(2026, 3, 1), date(2027, 3, 1)), 0xfff);
        assert_eq!(months_mask(date(2026, 6, 1), date(2027, 5, 31)), 0xfff);
    }

    #[test]
    fn years_since_needs_a_known_year() {
        assert_eq!(years_since(Some(1990), date(2026, 5, 1)), Some(36));
        assert_eq!(years_since(None, date(2026, 5, 1)), None);
    }
}
