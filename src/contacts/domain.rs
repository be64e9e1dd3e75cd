//! A contact's fields as parsed from requests: every value here is already valid.

use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use crate::error::ApiError;
use crate::external_ids::{ExternalIds, UpsertBody};
use crate::values::{
    bounded_int, bounded_list, bounded_text, not_null, present, string_enum, whole_number, Email,
    Label, List, LongText, Name,
};

string_enum!(
    /// Who the contact is to us; drives the default nurturing cadence.
    RelationshipKind {
        Client = "client",
        FormerClient = "former_client",
        Prospect = "prospect",
        Colleague = "colleague",
        ReferralPartner = "referral_partner",
        Friend = "friend",
        Family = "family",
        Neighbor = "neighbor",
        Other = "other",
    }
);

bounded_text!(
    /// A tag, stored lower-cased so that `VIP` and `vip` are one tag.
    Tag, max = 50, multiline = false
);

impl Tag {
    fn lowercased(self) -> Self {
        Self(self.0.to_lowercase())
    }
}

bounded_int!(
    /// How much we trust the contact, 1 (barely) to 5 (completely).
    Trust(i32), 1..=5, "must be an integer from 1 to 5"
);
bounded_int!(
    /// Days between touches, overriding the default of the relationship kind.
    CadenceDays(i32), 1..=3650, "must be a number of days from 1 to 3650"
);

const PHONE_PUNCTUATION: &str = " +-().xX";

/// A phone number as people write it: digits with optional `+`, spaces, dashes, dots,
/// parentheses and an `x` extension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl TryFrom<String> for Phone {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        let digits = raw.chars().filter(char::is_ascii_digit).count();
        let charset_ok = raw
            .chars()
            .all(|c| c.is_ascii_digit() || PHONE_PUNCTUATION.contains(c));
        if !charset_ok || !(3..=20).contains(&digits) || raw.len() > 40 {
            return Err(format!(
                "`{raw}` is not a phone number (3 to 20 digits, with + - ( ) . x and spaces)"
            ));
        }
        Ok(Self(raw.trim().to_owned()))
    }
}

impl From<Phone> for String {
    fn from(value: Phone) -> String {
        value.0
    }
}

impl PartialSchema for Phone {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .max_length(Some(40))
            .pattern(Some(r"^[ +\-().xX]*([0-9][ +\-().xX]*){3,20}$"))
            .examples([serde_json::json!("+1 (415) 555-0134")])
            .into()
    }
}

impl ToSchema for Phone {}

bounded_list!(
    /// Email addresses, the first being the preferred one; duplicates are dropped.
    Emails(Email), min = 0, max = 10
);
bounded_list!(
    /// Phone numbers, the first being the preferred one.
    Phones(Phone), min = 0, max = 10
);
bounded_list!(
    /// Free tags.
    Tags(Tag), min = 0, max = 50
);

impl Tags {
    fn lowercased(self) -> Self {
        let lowered: Vec<Tag> = self.0.into_iter().map(Tag::lowercased).collect();
        Self::try_from(lowered).unwrap_or_default()
    }
}

/// A birthday: month and day, and the year when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(try_from = "RawBirthday")]
#[schema(example = json!({"month": 2, "day": 29, "year": null}))]
pub struct Birthday {
    #[schema(minimum = 1, maximum = 12)]
    pub month: u32,
    #[schema(minimum = 1, maximum = 31)]
    pub day: u32,
    #[schema(minimum = 1900)]
    pub year: Option<i32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBirthday {
    month: serde_json::Number,
    day: serde_json::Number,
    #[serde(default)]
    year: Option<serde_json::Number>,
}

impl TryFrom<RawBirthday> for Birthday {
    type Error = String;
    fn try_from(raw: RawBirthday) -> Result<Self, String> {
        let (month, day, year) = yearly_date(&raw.month, &raw.day, raw.year.as_ref())?;
        Birthday::new(month, day, year, Utc::now())
    }
}

impl Birthday {
    /// Feb 29 is a valid birthday without a year; with a year, the date must exist and
    /// not lie in the future.
    pub fn new(
        month: u32,
        day: u32,
        year: Option<i32>,
        today: DateTime<Utc>,
    ) -> Result<Self, String> {
        // 2000 is a leap year, so it accepts every month-day that exists in some year.
        if chrono::NaiveDate::from_ymd_opt(2000, month, day).is_none() {
            return Err(format!("month {month}, day {day} is not a date"));
        }
        if let Some(year) = year {
            if year < 1900 || year > today.year() {
                return Err(format!("year must be from 1900 to {}", today.year()));
            }
            let date = chrono::NaiveDate::from_ymd_opt(year, month, day)
                .ok_or_else(|| format!("{year}-{month:02}-{day:02} is not a date"))?;
            if date > today.date_naive() {
                return Err("a birthday cannot be in the future".to_owned());
            }
        }
        Ok(Self { month, day, year })
    }
}

/// A yearly date that matters on a contact: a work anniversary, a child's graduation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(try_from = "RawImportantDate")]
#[schema(example = json!({"label": "Joined Northwind", "month": 9, "day": 1, "year": 2019}))]
pub struct ImportantDate {
    pub label: Label,
    #[schema(minimum = 1, maximum = 12)]
    pub month: u32,
    #[schema(minimum = 1, maximum = 31)]
    pub day: u32,
    #[schema(minimum = 1900, maximum = 2100)]
    pub year: Option<i32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImportantDate {
    label: Label,
    month: serde_json::Number,
    day: serde_json::Number,
    #[serde(default)]
    year: Option<serde_json::Number>,
}

impl TryFrom<RawImportantDate> for ImportantDate {
    type Error = String;
    fn try_from(raw: RawImportantDate) -> Result<Self, String> {
        let (month, day, year) = yearly_date(&raw.month, &raw.day, raw.year.as_ref())?;
        if year.is_some_and(|year| !(1900..=2100).contains(&year)) {
            return Err("year must be from 1900 to 2100".to_owned());
        }
        Ok(Self {
            label: raw.label,
            month,
            day,
            year,
        })
    }
}

bounded_list!(
    /// Other dates that matter, each yearly.
    ImportantDates(ImportantDate), min = 0, max = 20
);

/// Month, day and optional year as whole numbers naming a date that exists (Feb 29 only
/// in a leap year, or with no year).
fn yearly_date(
    month: &serde_json::Number,
    day: &serde_json::Number,
    year: Option<&serde_json::Number>,
) -> Result<(u32, u32, Option<i32>), String> {
    let part = |number: &serde_json::Number, name: &str| {
        whole_number(number).ok_or_else(|| format!("{name} must be a whole number"))
    };
    let small = |value: i64| u32::try_from(value).unwrap_or(u32::MAX);
    let (month, day) = (small(part(month, "month")?), small(part(day, "day")?));
    let year = year
        .map(|year| part(year, "year"))
        .transpose()?
        .map(|year| i32::try_from(year).unwrap_or(i32::MAX));
    // 2000 is a leap year, so it accepts every month-day that exists in some year.
    if chrono::NaiveDate::from_ymd_opt(2000, month, day).is_none() {
        return Err(format!("month {month}, day {day} is not a date"));
    }
    if let Some(year) = year {
        if chrono::NaiveDate::from_ymd_opt(year, month, day).is_none() {
            return Err(format!("{year}-{month:02}-{day:02} is not a date"));
        }
    }
    Ok((month, day, year))
}

/// Everything a user can set on a contact, valid by construction.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "first_name": "Priya",
    "last_name": "Raman",
    "emails": ["priya@northwind.example"],
    "phones": ["+1 415 555 0134"],
    "company": "Northwind Logistics",
    "title": "VP Operations",
    "industry": "Logistics",
    "profession": "Operations executive",
    "relationship_kind": "client",
    "how_we_met": "Panel at the regional supply-chain summit",
    "birthday": {"month": 3, "day": 14},
    "tags": ["board-connected", "golf"],
    "trust": 4,
    "cadence_days": 21,
    "notes": "Prefers calls before 9am."
}))]
pub struct NewContact {
    pub first_name: Name,
    pub last_name: Option<Name>,
    #[serde(default)]
    pub emails: Emails,
    #[serde(default)]
    pub phones: Phones,
    pub company: Option<Label>,
    pub title: Option<Label>,
    pub industry: Option<Label>,
    pub profession: Option<Label>,
    /// Defaults to `other`.
    #[serde(default = "default_kind")]
    pub relationship_kind: RelationshipKind,
    pub how_we_met: Option<LongText>,
    /// The contact who introduced us to this one.
    pub met_through_id: Option<uuid::Uuid>,
    pub birthday: Option<Birthday>,
    #[serde(default)]
    pub important_dates: ImportantDates,
    #[serde(default)]
    pub tags: Tags,
    pub trust: Option<Trust>,
    pub cadence_days: Option<CadenceDays>,
    pub notes: Option<LongText>,
    /// The member who holds the relationship; defaults to you.
    pub owner_id: Option<uuid::Uuid>,
    /// The ids other systems know this contact by; each names one live contact of the
    /// workspace at a time (409 `external_id_taken` otherwise).
    #[serde(default)]
    pub external_ids: ExternalIds,
}

fn default_kind() -> RelationshipKind {
    RelationshipKind::Other
}

/// Changes to a contact: absent fields stay as they are, `null` clears an optional field.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"title": "COO", "trust": 5, "tags": ["board-connected"], "notes": null}))]
pub struct ContactPatch {
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub first_name: Option<Name>,
    #[serde(default, deserialize_with = "present")]
    pub last_name: Option<Option<Name>>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub emails: Option<Emails>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub phones: Option<Phones>,
    #[serde(default, deserialize_with = "present")]
    pub company: Option<Option<Label>>,
    #[serde(default, deserialize_with = "present")]
    pub title: Option<Option<Label>>,
    #[serde(default, deserialize_with = "present")]
    pub industry: Option<Option<Label>>,
    #[serde(default, deserialize_with = "present")]
    pub profession: Option<Option<Label>>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub relationship_kind: Option<RelationshipKind>,
    #[serde(default, deserialize_with = "present")]
    pub how_we_met: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    pub met_through_id: Option<Option<uuid::Uuid>>,
    #[serde(default, deserialize_with = "present")]
    pub birthday: Option<Option<Birthday>>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub important_dates: Option<ImportantDates>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub tags: Option<Tags>,
    #[serde(default, deserialize_with = "present")]
    pub trust: Option<Option<Trust>>,
    #[serde(default, deserialize_with = "present")]
    pub cadence_days: Option<Option<CadenceDays>>,
    #[serde(default, deserialize_with = "present")]
    pub notes: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub owner_id: Option<uuid::Uuid>,
    /// Replaces the contact's external ids.
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub external_ids: Option<ExternalIds>,
}

impl UpsertBody for ContactPatch {
    type New = NewContact;

    fn external_ids(&mut self) -> &mut Option<ExternalIds> {
        &mut self.external_ids
    }

    fn to_new(self) -> Result<NewContact, ApiError> {
        NewContact::from_patch(self)
    }

    fn new_external_ids(new: &mut NewContact) -> &mut ExternalIds {
        &mut new.external_ids
    }
}

impl NewContact {
    /// Tags are case-insensitive; the stored form is lower case.
    pub fn normalised(mut self) -> Self {
        self.tags = self.tags.lowercased();
        self
    }

    /// The contact a PATCH-shaped body describes when there is none yet to apply it to (an
    /// upsert that creates): `first_name` is then required.
    pub fn from_patch(patch: ContactPatch) -> Result<Self, ApiError> {
        let first_name = patch.first_name.clone().ok_or_else(|| {
            ApiError::invalid_field("/first_name", "is required to create a contact")
        })?;
        let blank = NewContact {
            first_name,
            last_name: None,
            emails: Emails::default(),
            phones: Phones::default(),
            company: None,
            title: None,
            industry: None,
            profession: None,
            relationship_kind: default_kind(),
            how_we_met: None,
            met_through_id: None,
            birthday: None,
            important_dates: ImportantDates::default(),
            tags: Tags::default(),
            trust: None,
            cadence_days: None,
            notes: None,
            owner_id: None,
            external_ids: ExternalIds::default(),
        };
        Ok(blank.apply(patch))
    }

    pub fn apply(mut self, patch: ContactPatch) -> Self {
        fn set<T>(field: &mut T, value: Option<T>) {
            if let Some(value) = value {
                *field = value;
            }
        }
        set(&mut self.first_name, patch.first_name);
        set(&mut self.last_name, patch.last_name);
        set(&mut self.emails, patch.emails);
        set(&mut self.phones, patch.phones);
        set(&mut self.company, patch.company);
        set(&mut self.title, patch.title);
        set(&mut self.industry, patch.industry);
        set(&mut self.profession, patch.profession);
        set(&mut self.relationship_kind, patch.relationship_kind);
        set(&mut self.how_we_met, patch.how_we_met);
        set(&mut self.met_through_id, patch.met_through_id);
        set(&mut self.birthday, patch.birthday);
        set(&mut self.important_dates, patch.important_dates);
        set(&mut self.tags, patch.tags);
        set(&mut self.trust, patch.trust);
        set(&mut self.cadence_days, patch.cadence_days);
        set(&mut self.notes, patch.notes);
        set(&mut self.external_ids, patch.external_ids);
        if patch.owner_id.is_some() {
            self.owner_id = patch.owner_id;
        }
        self.normalised()
    }

    /// What merging `duplicate` into this contact makes of it: each empty field filled from
    /// the duplicate, never one overwritten; lists (emails, phones, tags, dates) joined,
    /// this contact's first, as many as a list holds; both notes kept. Answers the fields
    /// that changed, or why the two cannot be merged.
    pub fn absorb(self, duplicate: NewContact) -> Result<(Self, Vec<&'static str>), String> {
        let (mut this, duplicate) = (self.normalised(), duplicate.normalised());
        fn fill<T>(
            field: &mut Option<T>,
            other: Option<T>,
            name: &'static str,
            changed: &mut Vec<&'static str>,
        ) {
            if field.is_none() && other.is_some() {
                *field = other;
                changed.push(name);
            }
        }
        fn join<L: List>(
            list: &mut L,
            other: &L,
            name: &'static str,
            changed: &mut Vec<&'static str>,
        ) {
            let mut items = list.listed().to_vec();
            let before = items.len();
            for item in other.listed() {
                if !items.contains(item) {
                    items.push(item.clone());
                }
            }
            // What does not fit in the list stays with the duplicate's tombstone.
            while items.len() > before {
                if let Ok(joined) = L::try_from(items.clone()) {
                    *list = joined;
                    changed.push(name);
                    return;
                }
                items.pop();
            }
        }
        let mut changed = Vec::new();
        fill(
            &mut this.last_name,
            duplicate.last_name,
            "last_name",
            &mut changed,
        );
        join(&mut this.emails, &duplicate.emails, "emails", &mut changed);
        join(&mut this.phones, &duplicate.phones, "phones", &mut changed);
        fill(
            &mut this.company,
            duplicate.company,
            "company",
            &mut changed,
        );
        fill(&mut this.title, duplicate.title, "title", &mut changed);
        fill(
            &mut this.industry,
            duplicate.industry,
            "industry",
            &mut changed,
        );
        fill(
            &mut this.profession,
            duplicate.profession,
            "profession",
            &mut changed,
        );
        fill(
            &mut this.how_we_met,
            duplicate.how_we_met,
            "how_we_met",
            &mut changed,
        );
        fill(
            &mut this.met_through_id,
            duplicate.met_through_id,
            "met_through_id",
            &mut changed,
        );
        fill(
            &mut this.birthday,
            duplicate.birthday,
            "birthday",
            &mut changed,
        );
        join(
            &mut this.important_dates,
            &duplicate.important_dates,
            "important_dates",
            &mut changed,
        );
        join(&mut this.tags, &duplicate.tags, "tags", &mut changed);
        fill(&mut this.trust, duplicate.trust, "trust", &mut changed);
        fill(
            &mut this.cadence_days,
            duplicate.cadence_days,
            "cadence_days",
            &mut changed,
        );
        match (&this.notes, duplicate.notes) {
            (_, None) => {}
            (None, Some(theirs)) => {
                this.notes = Some(theirs);
                changed.push("notes");
            }
            (Some(ours), Some(theirs)) if ours == &theirs => {}
            (Some(ours), Some(theirs)) => {
                let both = format!("{}\n\n{}", ours.as_str(), theirs.as_str());
                this.notes = Some(LongText::try_from(both).map_err(|_| {
                    "the two contacts' notes together are longer than a contact's notes may be; shorten one first".to_owned()
                })?);
                changed.push("notes");
            }
        }
        Ok((this, changed))
    }

    /// The months holding a birthday or another date that matters, as a bitmask (bit 0:
    /// January), stored so that the occasions of a few weeks read only the contacts that
    /// have some.
    pub fn occasion_months(&self) -> i32 {
        let months = self
            .birthday
            .map(|b| b.month)
            .into_iter()
            .chain(self.important_dates.items().iter().map(|d| d.month));
        months.fold(0, |mask, month| mask | 1 << (month - 1))
    }

    /// What `q` searches: names, emails and company, lower-cased in Rust so that both
    /// backends match the same way (SQLite's `lower` only folds ASCII).
    pub fn search_text(&self) -> String {
        let mut parts: Vec<&str> = vec![self.first_name.as_str()];
        parts.extend(self.last_name.as_ref().map(Name::as_str));
        parts.extend(self.emails.items().iter().map(Email::as_str));
        parts.extend(self.company.as_ref().map(Label::as_str));
        parts.join("\n").to_lowercase()
    }
}

/// The key under which a company is matched, case-insensitively.
pub fn company_key(company: &str) -> String {
    company.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    #[test]
    fn occasion_months_mark_every_dated_month() {
        let contact: super::NewContact = serde_json::from_value(serde_json::json!({
            "first_name": "A",
            "birthday": {"month": 1, "day": 5},
            "important_dates": [
                {"label": "Start", "month": 12, "day": 1},
                {"label": "Wedding", "month": 12, "day": 20}
            ]
        }))
        .unwrap();
        assert_eq!(contact.occasion_months(), 1 | 1 << 11);
        let undated: super::NewContact =
            serde_json::from_value(serde_json::json!({"first_name": "B"})).unwrap();
        assert_eq!(undated.occasion_months(), 0);
    }

    use super::*;
    use chrono::TimeZone;

    fn today() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    #[test]
    fn birthdays_accept_feb_29_only_when_it_can_exist() {
        assert!(Birthday::new(2, 29, None, today()).is_ok());
        assert!(Birthday::new(2, 29, Some(1988), today()).is_ok());
        assert!(Birthday::new(2, 29, Some(1989), today()).is_err());
        assert!(Birthday::new(4, 31, None, today()).is_err());
        assert!(Birthday::new(13, 1, None, today()).is_err());
        assert!(Birthday::new(0, 1, None, today()).is_err());
    }

    #[test]
    fn birthdays_are_not_in_the_future_or_ancient() {
        assert!(Birthday::new(12, 24, Some(2026), today()).is_err());
        assert!(Birthday::new(1, 1, Some(2026), today()).is_ok());
        assert!(Birthday::new(1, 1, Some(1899), today()).is_err());
    }

    #[test]
    fn integers_may_carry_a_zero_fraction() {
        assert_eq!(serde_json::from_str::<Trust>("4.0").unwrap().get(), 4);
        assert!(serde_json::from_str::<Trust>("4.5").is_err());
        let birthday: Birthday = serde_json::from_str(r#"{"month": 3.0, "day": 14}"#).unwrap();
        assert_eq!((birthday.month, birthday.day), (3, 14));
        assert!(serde_json::from_str::<Birthday>(r#"{"month": -1, "day": 14}"#).is_err());
    }

    #[test]
    fn trust_and_cadence_are_bounded() {
        assert!(Trust::try_from(serde_json::Number::from(0)).is_err());
        assert!(Trust::try_from(serde_json::Number::from(6)).is_err());
        assert_eq!(
            Trust::try_from(serde_json::Number::from(5)).unwrap().get(),
            5
        );
        assert!(CadenceDays::try_from(serde_json::Number::from(0)).is_err());
        assert!(CadenceDays::try_from(serde_json::Number::from(3651)).is_err());
    }

    #[test]
    fn phones_are_plausible() {
        assert!(Phone::try_from("+1 (415) 555-0134 x12".to_owned()).is_ok());
        assert!(Phone::try_from("12".to_owned()).is_err());
        assert!(Phone::try_from("call me".to_owned()).is_err());
    }

    #[test]
    fn lists_are_bounded_and_deduplicated() {
        let tags: Tags = serde_json::from_str(r#"["vip", "VIP", "golf", "vip"]"#).unwrap();
        assert_eq!(tags.lowercased().items().len(), 2);
        let too_many = serde_json::to_string(
            &(0..11)
                .map(|i| format!("p{i}@example.com"))
                .collect::<Vec<_>>(),
        )
        .unwrap();
        assert!(serde_json::from_str::<Emails>(&too_many).is_err());
    }

    #[test]
    fn a_patch_changes_only_what_it_names_and_null_clears() {
        let contact: NewContact = serde_json::from_str(
            r#"{"first_name": "Ann", "company": "Acme", "trust": 3, "tags": ["A"]}"#,
        )
        .unwrap();
        let contact = contact.normalised();
        assert_eq!(contact.tags.items()[0].as_str(), "a");
        let patch: ContactPatch =
            serde_json::from_str(r#"{"company": null, "title": "CEO"}"#).unwrap();
        let patched = contact.apply(patch);
        assert_eq!(patched.company, None);
        assert_eq!(patched.title.as_ref().map(Label::as_str), Some("CEO"));
        assert_eq!(patched.trust.map(Trust::get), Some(3));
        assert_eq!(patched.first_name.as_str(), "Ann");
    }

    #[test]
    fn a_patch_cannot_null_a_required_field() {
        assert!(serde_json::from_str::<ContactPatch>(r#"{"first_name": null}"#).is_err());
        assert!(serde_json::from_str::<ContactPatch>(r#"{"emails": null}"#).is_err());
    }

    #[test]
    fn search_text_folds_case_beyond_ascii() {
        let contact: NewContact =
            serde_json::from_str(r#"{"first_name": "Ölaf", "company": "ÉCOLE"}"#).unwrap();
        assert_eq!(contact.search_text(), "ölaf\nécole");
    }

    fn contact(body: serde_json::Value) -> NewContact {
        serde_json::from_value(body).unwrap()
    }

    #[test]
    fn a_merge_fills_what_is_empty_and_never_overwrites() {
        let survivor = contact(serde_json::json!({
            "first_name": "Priya", "last_name": "Raman", "title": "COO",
            "emails": ["a@x.example"], "tags": ["vip"], "notes": "Ours."
        }));
        let duplicate = contact(serde_json::json!({
            "first_name": "P", "last_name": "R", "title": "VP", "company": "Northwind",
            "emails": ["b@x.example", "a@x.example"], "tags": ["VIP", "golf"], "trust": 4,
            "notes": "Theirs."
        }));
        let (merged, filled) = survivor.absorb(duplicate).unwrap();
        assert_eq!(merged.first_name.as_str(), "Priya");
        assert_eq!(merged.last_name.as_ref().map(Name::as_str), Some("Raman"));
        assert_eq!(merged.title.as_ref().map(Label::as_str), Some("COO"));
        assert_eq!(
            merged.company.as_ref().map(Label::as_str),
            Some("Northwind")
        );
        let emails: Vec<&str> = merged.emails.items().iter().map(Email::as_str).collect();
        assert_eq!(emails, ["a@x.example", "b@x.example"]);
        let tags: Vec<&str> = merged.tags.items().iter().map(Tag::as_str).collect();
        assert_eq!(tags, ["vip", "golf"]);
        assert_eq!(
            merged.notes.as_ref().map(LongText::as_str),
            Some("Ours.\n\nTheirs.")
        );
        assert_eq!(filled, ["emails", "company", "tags", "trust", "notes"]);
    }

    #[test]
    fn a_merge_keeps_what_fits_and_refuses_notes_too_long_together() {
        let emails = |from: usize| -> Vec<String> {
            (from..from + 8).map(|n| format!("{n}@x.example")).collect()
        };
        let survivor = contact(
            serde_json::json!({"first_name": "A", "emails": emails(0), "notes": "x".repeat(6000)}),
        );
        let duplicate = contact(serde_json::json!({"first_name": "B", "emails": emails(100)}));
        let (merged, _) = survivor.clone().absorb(duplicate).unwrap();
        assert_eq!(
            merged.emails.items().len(),
            10,
            "a list holds at most 10 emails"
        );
        assert_eq!(merged.emails.items()[0].as_str(), "0@x.example");
        let wordy = contact(serde_json::json!({"first_name": "B", "notes": "y".repeat(6000)}));
        assert!(survivor.absorb(wordy).unwrap_err().contains("notes"));
    }
}
