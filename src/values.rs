//! Value types shared by several resources, parsed at the edge so that the rules never
//! re-check them: if you hold an `Email`, it is a plausible, normalised address.

use serde::Deserialize;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

/// Declares a trimmed, non-empty text of bounded length, parsed on deserialization.
macro_rules! bounded_text {
    ($(#[$doc:meta])* $name:ident, max = $max:expr, multiline = $multiline:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(raw: String) -> Result<Self, String> {
                $crate::values::clean_text(raw, $max, $multiline).map(Self)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .min_length(Some(1))
                    .max_length(Some($max))
                    .pattern(Some($crate::values::text_pattern($multiline)))
                    .description(Some(format!(
                        "Trimmed text, 1 to {} characters{}",
                        $max,
                        if $multiline { "." } else { ", on one line." }
                    )))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}
pub(crate) use bounded_text;

bounded_text!(
    /// A person's or a workspace's name.
    Name, max = 200, multiline = false
);
bounded_text!(
    /// A short single-line label: company, title, industry, profession.
    Label, max = 200, multiline = false
);
bounded_text!(
    /// Free text: notes, how we met.
    LongText, max = 10_000, multiline = true
);

/// Checks `raw` is at most `max` characters, free of control characters (newlines and
/// tabs allowed in multi-line text) and not blank; returns it trimmed. Exactly what
/// `text_pattern` and the length bounds tell clients.
pub fn clean_text(raw: String, max: usize, multiline: bool) -> Result<String, String> {
    if raw.chars().count() > max {
        return Err(format!("must be at most {max} characters"));
    }
    let allowed = |c: char| !c.is_control() || (multiline && matches!(c, '\n' | '\t' | '\r'));
    if !raw.chars().all(allowed) {
        return Err(if multiline {
            "must not contain control characters other than newlines and tabs".to_owned()
        } else {
            "must be one line without control characters".to_owned()
        });
    }
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err("must not be blank".to_owned());
    }
    Ok(trimmed.to_owned())
}

/// The JSON Schema pattern of `clean_text`: no control characters (but newlines and tabs
/// in multi-line text), and at least one character that is not white space.
pub fn text_pattern(multiline: bool) -> String {
    let control = if multiline {
        r"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F"
    } else {
        r"\u0000-\u001F\u007F-\u009F"
    };
    format!(r"^[^{control}]*[^\s{control}][^{control}]*$")
}

/// An email address, trimmed and lower-cased (addresses are matched case-insensitively).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl TryFrom<String> for Email {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        let email = raw.trim().to_lowercase();
        let invalid = || Err(format!("`{}` is not an email address", raw.trim()));
        if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return invalid();
        }
        let Some((local, domain)) = email.rsplit_once('@') else {
            return invalid();
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !domain.contains('@');
        if local.is_empty() || local.len() > 64 || !domain_ok {
            return invalid();
        }
        Ok(Self(email))
    }
}

impl From<Email> for String {
    fn from(value: Email) -> String {
        value.0
    }
}

impl Email {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PartialSchema for Email {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                utoipa::openapi::KnownFormat::Email,
            )))
            .max_length(Some(254))
            .description(Some("An email address; stored lower-cased."))
            .into()
    }
}

impl ToSchema for Email {}

/// A password: 10 to 256 characters. Never serialized.
#[derive(Clone, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct Password(String);

impl TryFrom<String> for Password {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        match raw.chars().count() {
            0..=9 => Err("must be at least 10 characters".to_owned()),
            257.. => Err("must be at most 256 characters".to_owned()),
            _ => Ok(Self(raw)),
        }
    }
}

impl Password {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

impl PartialSchema for Password {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                utoipa::openapi::KnownFormat::Password,
            )))
            .min_length(Some(10))
            .max_length(Some(256))
            .into()
    }
}

impl ToSchema for Password {}

/// The value of a JSON number if it is whole: JSON Schema counts `24.0` as an integer,
/// so the API accepts it wherever it asks for one.
pub fn whole_number(number: &serde_json::Number) -> Option<i64> {
    number.as_i64().or_else(|| {
        number
            .as_f64()
            .filter(|value| value.fract() == 0.0 && value.abs() <= 9.0e15)
            .map(|value| value as i64)
    })
}

/// Declares a closed set of snake_case string values, stored as text.
macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(text: &str) -> Result<Self, String> {
                match text {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!("unknown {} `{other}`", stringify!($name))),
                }
            }
        }
    };
}
pub(crate) use string_enum;

/// Declares a list of `min` to `max` distinct values.
macro_rules! bounded_list {
    ($(#[$doc:meta])* $name:ident($item:ty), min = $min:literal, max = $max:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
        pub struct $name(Vec<$item>);

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let items = <Vec<$item> as serde::Deserialize>::deserialize(deserializer)?;
                Self::try_from(items).map_err(serde::de::Error::custom)
            }
        }

        impl TryFrom<Vec<$item>> for $name {
            type Error = String;
            fn try_from(items: Vec<$item>) -> Result<Self, String> {
                if items.len() > $max {
                    return Err(format!("must have at most {} items", $max));
                }
                if items.len().checked_sub($min).is_none() {
                    return Err(format!("must have at least {} item", $min));
                }
                let mut distinct: Vec<$item> = Vec::with_capacity(items.len());
                for item in items {
                    if !distinct.contains(&item) {
                        distinct.push(item);
                    }
                }
                Ok(Self(distinct))
            }
        }

        impl $name {
            pub fn items(&self) -> &[$item] {
                &self.0
            }
        }

        impl $crate::values::List for $name {
            type Item = $item;

            fn listed(&self) -> &[$item] {
                &self.0
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ArrayBuilder::new()
                    .items(<$item as utoipa::PartialSchema>::schema())
                    .min_items(($min > 0).then_some($min))
                    .max_items(Some($max))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

pub(crate) use bounded_list;

/// A bounded list, as code over any of them sees it.
pub trait List: TryFrom<Vec<Self::Item>> {
    type Item: Clone + PartialEq;

    fn listed(&self) -> &[Self::Item];
}

/// Deserializes a field that may be absent but never `null` (a required field in a PATCH).
pub fn not_null<'de, T: Deserialize<'de>, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

pub fn present<'de, T: Deserialize<'de>, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Declares an integer within bounds, parsed on deserialization.
macro_rules! bounded_int {
    ($(#[$doc:meta])* $name:ident($inner:ty), $min:literal..=$max:literal, $message:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "serde_json::Number", into = "i64")]
        pub struct $name($inner);

        impl TryFrom<serde_json::Number> for $name {
            type Error = String;
            fn try_from(number: serde_json::Number) -> Result<Self, String> {
                match $crate::values::whole_number(&number) {
                    Some(raw) if ($min..=$max).contains(&raw) => Ok(Self(raw as $inner)),
                    _ => Err($message.to_owned()),
                }
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> i64 {
                value.0 as i64
            }
        }

        impl $name {
            pub fn get(self) -> $inner {
                self.0
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::Integer)
                    .minimum(Some($min as f64))
                    .maximum(Some($max as f64))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}
pub(crate) use bounded_int;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::try_from(" Ann@Example.COM ".to_owned())
                .unwrap()
                .as_str(),
            "ann@example.com"
        );
        for bad in [
            "",
            "ann",
            "ann@",
            "@example.com",
            "ann@example",
            "a nn@example.com",
            "ann@.com",
            "ann@example.com.",
        ] {
            assert!(Email::try_from(bad.to_owned()).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn text_is_trimmed_bounded_and_single_line_where_asked() {
        assert_eq!(Name::try_from("  Ann ".to_owned()).unwrap().as_str(), "Ann");
        assert!(Name::try_from("   ".to_owned()).is_err());
        assert!(Name::try_from("a".repeat(201)).is_err());
        assert!(Name::try_from("Ann\nBob".to_owned()).is_err());
        assert!(LongText::try_from("line one\nline two".to_owned()).is_ok());
        assert!(LongText::try_from("bell\u{7}".to_owned()).is_err());
    }

    #[test]
    fn text_rules_and_their_schema_pattern_agree() {
        let single = regex_lite::Regex::new(&text_pattern(false)).unwrap();
        let multi = regex_lite::Regex::new(&text_pattern(true)).unwrap();
        for (text, single_ok, multi_ok) in [
            ("Ann", true, true),
            ("  Ann  ", true, true),
            ("   ", false, false),
            ("", false, false),
            ("line\nline", false, true),
            ("\tAnn", false, true),
            ("bell\u{7}", false, false),
            ("c1\u{85}", false, false),
        ] {
            assert_eq!(
                single.is_match(text),
                single_ok,
                "pattern, single line: {text:?}"
            );
            assert_eq!(
                multi.is_match(text),
                multi_ok,
                "pattern, multi-line: {text:?}"
            );
            assert_eq!(
                clean_text(text.to_owned(), 50, false).is_ok(),
                single_ok,
                "rule, single line: {text:?}"
            );
            assert_eq!(
                clean_text(text.to_owned(), 50, true).is_ok(),
                multi_ok,
                "rule, multi-line: {text:?}"
            );
        }
    }

    #[test]
    fn whole_numbers_may_be_written_with_a_decimal_point() {
        let number = |text: &str| serde_json::from_str::<serde_json::Number>(text).unwrap();
        assert_eq!(whole_number(&number("24")), Some(24));
        assert_eq!(whole_number(&number("24.0")), Some(24));
        assert_eq!(whole_number(&number("-3.0")), Some(-3));
        assert_eq!(whole_number(&number("24.5")), None);
        assert_eq!(whole_number(&number("1e300")), None);
    }

    #[test]
    fn passwords_have_bounds_and_never_print() {
        assert!(Password::try_from("short".to_owned()).is_err());
        assert!(Password::try_from("x".repeat(257)).is_err());
        let password = Password::try_from("correct horse battery".to_owned()).unwrap();
        assert_eq!(format!("{password:?}"), "Password(***)");
    }
}

/// An amount of money: a decimal string with at most two decimals (`"48000"`, `"19.99"`),
/// from 0 to 10,000,000,000,000, always in a currency given beside it. Kept in hundredths
/// so that sums are exact, and written as a string with two decimals so that no client
/// reads it into a binary float. A JSON number is read too, for clients written before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Money(pub i64);

const MONEY_MAX_HUNDREDTHS: i64 = 1_000_000_000_000_000;

impl std::str::FromStr for Money {
    type Err = &'static str;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        const REFUSED: &str = "must be an amount from 0 to 10,000,000,000,000 with at most two decimals, as a string such as \"19.99\"";
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty()
            || whole.len() > 14
            || fraction.len() > 2
            || !digits(whole)
            || !digits(fraction)
            || (text.contains('.') && fraction.is_empty())
        {
            return Err(REFUSED);
        }
        let whole: i64 = whole.parse().map_err(|_| REFUSED)?;
        let fraction: i64 = format!("{fraction:0<2}").parse().map_err(|_| REFUSED)?;
        let hundredths = whole * 100 + fraction;
        if hundredths > MONEY_MAX_HUNDREDTHS {
            return Err(REFUSED);
        }
        Ok(Money(hundredths))
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Sent {
            Text(String),
            Number(serde_json::Number),
        }
        let text = match Sent::deserialize(deserializer)? {
            Sent::Text(text) => text,
            // The number's own digits, not a float's: 19.99 stays 19.99.
            Sent::Number(number) => number.to_string(),
        };
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{}.{:02}", self.0 / 100, self.0 % 100))
    }
}

impl utoipa::PartialSchema for Money {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^[0-9]{1,14}(\.[0-9]{1,2})?$"))
            .description(Some(
                "An amount of money as a decimal string with at most two decimals, in the currency beside it.",
            ))
            .examples(["48000.00"])
            .into()
    }
}

impl utoipa::ToSchema for Money {}

#[cfg(test)]
mod money_tests {
    use super::Money;

    #[test]
    fn money_is_exact_hundredths_written_with_two_decimals() {
        let parse = |v: serde_json::Value| serde_json::from_value::<Money>(v);
        assert_eq!(parse(serde_json::json!("48000")).unwrap(), Money(4_800_000));
        assert_eq!(parse(serde_json::json!("19.9")).unwrap(), Money(1990));
        assert_eq!(parse(serde_json::json!(19.99)).unwrap(), Money(1999));
        assert_eq!(parse(serde_json::json!(48000)).unwrap(), Money(4_800_000));
        for bad in [
            serde_json::json!("1.234"),
            serde_json::json!("-1"),
            serde_json::json!(-1),
            serde_json::json!("1e3"),
            serde_json::json!(""),
            serde_json::json!("1."),
            serde_json::json!(".5"),
            serde_json::json!("10000000000000.01"),
            serde_json::json!(true),
        ] {
            assert!(parse(bad.clone()).is_err(), "{bad}");
        }
        assert_eq!(serde_json::to_value(Money(1999)).unwrap(), "19.99");
        assert_eq!(serde_json::to_value(Money(4_800_000)).unwrap(), "48000.00");
        assert_eq!(serde_json::to_value(Money(5)).unwrap(), "0.05");
    }
}
