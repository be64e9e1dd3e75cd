//! Counts and nouns in the API's sentences: "1 time", "2 times", "3 florists". Every reason,
//! warning and detail that puts a number before a noun says it through here.

/// The plural of an English noun: "florist" → "florists", "business coach" → "business
/// coaches", "attorney" → "attorneys", "secretary" → "secretaries".
pub fn plural(noun: &str) -> String {
    let consonant_y =
        noun.ends_with('y') && !noun[..noun.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if consonant_y {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if noun.ends_with(['s', 'x', 'z']) || noun.ends_with("ch") || noun.ends_with("sh") {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// `n` and the noun, singular for one: "1 time", "0 times", "12 days".
pub fn count(n: i64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {}", plural(noun))
    }
}

/// How long ago, in days: "today", "yesterday", "12 days ago".
pub fn days_ago(days: i64) -> String {
    match days {
        0 => "today".to_owned(),
        1 => "yesterday".to_owned(),
        days => format!("{} ago", count(days, "day")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "time"), "1 time");
        assert_eq!(count(0, "time"), "0 times");
        assert_eq!(count(2, "time"), "2 times");
        assert_eq!(count(1, "referral source"), "1 referral source");
        assert_eq!(count(7, "referral source"), "7 referral sources");
        assert_eq!(count(2, "year"), "2 years");
        assert_eq!(count(1, "year"), "1 year");
    }

    #[test]
    fn nouns_take_their_english_plural() {
        for (one, many) in [
            ("florist", "florists"),
            ("business coach", "business coaches"),
            ("attorney", "attorneys"),
            ("secretary", "secretaries"),
            ("tax", "taxes"),
            ("day", "days"),
        ] {
            assert_eq!(plural(one), many);
        }
    }

    #[test]
    fn days_ago_reads_naturally() {
        assert_eq!(days_ago(0), "today");
        assert_eq!(days_ago(1), "yesterday");
        assert_eq!(days_ago(2), "2 days ago");
    }
}
