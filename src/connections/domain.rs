//! Connections, pure: who knows whom and how, parsed so that a `NewConnection` always
//! links two different people, at most one of them a member, with its ends in the order
//! they are stored (seed 004: "don't assume you know who people know").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::values::{bounded_int, not_null, present, string_enum, LongText};

string_enum!(
    /// How two people know each other. Only `reports_to` has a direction: `from` reports
    /// to `to`. The others read the same from either end.
    ConnectionKind {
        WorksWith = "works_with",
        ReportsTo = "reports_to",
        FormerColleague = "former_colleague",
        Family = "family",
        Friend = "friend",
        Neighbor = "neighbor",
        ClientOf = "client_of",
        IntroducedBy = "introduced_by",
        Knows = "knows",
    }
);

impl ConnectionKind {
    pub fn is_directed(self) -> bool {
        self == ConnectionKind::ReportsTo
    }
}

bounded_int!(
    /// How well they know each other, 1 (barely) to 5 (closely).
    Strength(i32), 1..=5, "must be an integer from 1 to 5"
);

impl Strength {
    /// A strength written in the code: outside 1–5 it fails the build when used in a
    /// constant, and panics otherwise.
    pub const fn constant(value: i32) -> Self {
        assert!(value >= 1 && value <= 5, "a strength is from 1 to 5");
        Strength(value)
    }
}

/// One end of a connection: a contact of the workspace or one of its members (a teammate
/// who knows someone). It travels as `PersonFields`: one flat shape with both ids, one of
/// them null, rather than a choice of two shapes with nothing to tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "PersonFields", into = "PersonFields")]
pub enum Person {
    #[serde(rename = "contact_id")]
    Contact(uuid::Uuid),
    #[serde(rename = "member_id")]
    Member(uuid::Uuid),
}

/// One end of a connection: a contact of the workspace (`contact_id`) or one of its
/// members (`member_id`, a teammate who knows someone). Exactly one is set; the other is
/// null (or, in a request, absent).
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = Person, example = json!({"contact_id": "0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12", "member_id": null}))]
struct PersonFields {
    contact_id: Option<uuid::Uuid>,
    member_id: Option<uuid::Uuid>,
}

impl From<Person> for PersonFields {
    fn from(person: Person) -> Self {
        Self {
            contact_id: person.contact(),
            member_id: person.member(),
        }
    }
}

impl utoipa::PartialSchema for Person {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        <PersonFields as utoipa::PartialSchema>::schema()
    }
}

impl ToSchema for Person {}

impl TryFrom<PersonFields> for Person {
    type Error = &'static str;
    fn try_from(fields: PersonFields) -> Result<Self, Self::Error> {
        match (fields.contact_id, fields.member_id) {
            (Some(contact), None) => Ok(Person::Contact(contact)),
            (None, Some(member)) => Ok(Person::Member(member)),
            _ => Err("give `contact_id` or `member_id`, one of them"),
        }
    }
}

impl Person {
    pub fn contact(self) -> Option<uuid::Uuid> {
        match self {
            Person::Contact(id) => Some(id),
            Person::Member(_) => None,
        }
    }

    pub fn member(self) -> Option<uuid::Uuid> {
        match self {
            Person::Member(id) => Some(id),
            Person::Contact(_) => None,
        }
    }
}

/// The request body of a new connection (also how a suggested connection is offered).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "from": {"contact_id": "0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12"},
    "to": {"contact_id": "0193a5c2-9a10-7b4e-8c2d-3e4f5a6b7c8d"},
    "kind": "family",
    "strength": 5,
    "note": "Her mother was the VP's executive assistant for twelve years",
    "since": "1990-01-01"
}))]
pub struct ConnectionRequest {
    pub from: Person,
    pub to: Person,
    pub kind: ConnectionKind,
    pub strength: Strength,
    pub note: Option<LongText>,
    /// Since when they have known each other (not in the future).
    #[serde(default, deserialize_with = "crate::time::accept::optional_date")]
    pub since: Option<NaiveDate>,
}

/// A connection to record: two different people, at most one a member.
#[derive(Debug, Clone)]
pub struct NewConnection {
    pub from: Person,
    pub to: Person,
    pub kind: ConnectionKind,
    pub strength: Strength,
    pub note: Option<LongText>,
    pub since: Option<NaiveDate>,
}

impl NewConnection {
    /// The field at fault and why, or the connection; `today` bounds `since`.
    pub fn parse(
        body: ConnectionRequest,
        today: NaiveDate,
    ) -> Result<Self, (&'static str, &'static str)> {
        if body.from == body.to {
            return Err(("/to", "is `from` again; a connection links two people"));
        }
        if body.from.member().is_some() && body.to.member().is_some() {
            return Err((
                "/to",
                "a connection links a contact with a contact or with a member, not two members",
            ));
        }
        check_since(body.since, today)?;
        Ok(NewConnection {
            from: body.from,
            to: body.to,
            kind: body.kind,
            strength: body.strength,
            note: body.note,
            since: body.since,
        })
    }
}

/// Since when two people have known each other: never a day after `today`.
pub fn check_since(
    since: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), (&'static str, &'static str)> {
    match since {
        Some(since) if since > today => Err(("/since", "must not be in the future")),
        _ => Ok(()),
    }
}

impl NewConnection {
    pub fn stored_ends(&self) -> (Person, Person) {
        stored_ends(self.kind, self.from, self.to)
    }
}

/// The ends of a connection as stored: for undirected kinds the lesser end first, so that
/// each pair has one form whichever end was given first.
pub fn stored_ends(kind: ConnectionKind, from: Person, to: Person) -> (Person, Person) {
    if !kind.is_directed() && to < from {
        (to, from)
    } else {
        (from, to)
    }
}

/// Changes to a connection: absent fields stay, `null` clears `note` or `since`. The people
/// and the kind are what the connection is; to change them, delete it and record another.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"strength": 4, "note": "Played in the same band for years"}))]
pub struct ConnectionPatch {
    #[serde(default, deserialize_with = "not_null")]
    #[schema(nullable = false)]
    pub strength: Option<Strength>,
    #[serde(default, deserialize_with = "present")]
    pub note: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "crate::time::accept::present_date")]
    pub since: Option<Option<NaiveDate>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn request(from: Person, to: Person, kind: &str) -> ConnectionRequest {
        serde_json::from_value(json!({"from": from, "to": to, "kind": kind, "strength": 3}))
            .unwrap()
    }

    fn ids() -> (uuid::Uuid, uuid::Uuid) {
        let (a, b) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        (a.min(b), a.max(b))
    }

    #[test]
    fn ends_are_written_with_both_keys_and_read_from_one() {
        let (a, b) = ids();
        assert_eq!(
            serde_json::to_value(Person::Contact(a)).unwrap(),
            json!({"contact_id": a, "member_id": null})
        );
        assert_eq!(
            serde_json::from_value::<Person>(json!({"member_id": b})).unwrap(),
            Person::Member(b)
        );
        assert_eq!(
            serde_json::from_value::<Person>(json!({"contact_id": a, "member_id": null})).unwrap(),
            Person::Contact(a)
        );
        for neither_or_both in [
            json!({"team_id": b}),
            json!({}),
            json!({"contact_id": a, "member_id": b}),
        ] {
            assert!(serde_json::from_value::<Person>(neither_or_both).is_err());
        }
    }

    #[test]
    fn an_undirected_pair_has_one_form_whichever_end_comes_first() {
        let (a, b) = ids();
        for kind in ["friend", "works_with", "client_of", "knows"] {
            let one = NewConnection::parse(
                request(Person::Contact(a), Person::Contact(b), kind),
                today(),
            )
            .unwrap();
            let other = NewConnection::parse(
                request(Person::Contact(b), Person::Contact(a), kind),
                today(),
            )
            .unwrap();
            assert_eq!(one.stored_ends(), other.stored_ends(), "{kind}");
        }
    }

    #[test]
    fn reports_to_keeps_its_direction() {
        let (a, b) = ids();
        let up = NewConnection::parse(
            request(Person::Contact(b), Person::Contact(a), "reports_to"),
            today(),
        )
        .unwrap();
        assert_eq!(up.stored_ends(), (Person::Contact(b), Person::Contact(a)));
    }

    #[test]
    fn self_links_members_on_both_ends_and_future_dates_are_refused() {
        let (a, b) = ids();
        let same = request(Person::Contact(a), Person::Contact(a), "friend");
        assert_eq!(NewConnection::parse(same, today()).unwrap_err().0, "/to");
        let members = request(Person::Member(a), Person::Member(b), "works_with");
        assert_eq!(NewConnection::parse(members, today()).unwrap_err().0, "/to");
        let mut later = request(Person::Member(a), Person::Contact(b), "knows");
        later.since = today().succ_opt();
        assert_eq!(
            NewConnection::parse(later, today()).unwrap_err().0,
            "/since"
        );
    }
}
