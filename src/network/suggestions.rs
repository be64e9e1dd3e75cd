//! `GET /v1/network/suggestions`: connections implied by what is already recorded but not
//! yet recorded themselves (seed 004: "don't assume you know who people know" — but what
//! you do know, write down). A user confirms one with a single `POST /v1/connections` of
//! the suggestion's `connection`.
//!
//! Evidence, strongest first, and the connection each implies:
//! 1. an introduction someone made to us: the referrer knows the prospect
//!    (`introduced_by`, strength 3); one we made: the two now know each other (`knows`,
//!    strength 2) — newest introduction first;
//! 2. a contact's `met_through`: we met them through someone who knows them
//!    (`introduced_by`, strength 3), by contact;
//! 3. two contacts at the same company (`works_with`, strength 2), by company, then pair.
//!
//! A pair with several pieces of evidence is one suggestion that lists them all, ranked by
//! the strongest. Pairs already connected (any kind) are never suggested. Same-company
//! pairs grow with the square of a company's size, so they are produced lazily, only as
//! far as the page asked for.

use std::collections::{BTreeMap, HashMap};

use actix_web::{get, web};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use super::cache::GraphCache;
use super::snapshot::{self, corrupt, full_name, uuid, Network};
use crate::auth::Principal;
use crate::connections::domain::{ConnectionKind, ConnectionRequest, Person, Strength};
use crate::db::schema::{contacts, introductions};
use crate::db::{Db, DbConn};
use crate::error::ApiError;
use crate::http::extract::Query;
use crate::http::pagination::{Page, PageRequest};
use crate::introductions::domain::Direction;
use crate::time::from_db;
use crate::values::{string_enum, LongText};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(suggestions);
}

/// Suggestions listed at most (past it the list ends; record some, or narrow it with
/// `contact_id` or `source`). A cursor is a position in the list, and reaching a position
/// means producing every suggestion before it: this bounds what a forged cursor costs.
const MAX_LISTED: usize = 10_000;

string_enum!(
    /// What implies a connection.
    EvidenceSource {
        /// A referrer introduced us to a prospect: they know each other.
        IntroductionReceived = "introduction_received",
        /// We introduced two contacts to each other.
        IntroductionGiven = "introduction_given",
        /// We met a contact through another.
        MetThrough = "met_through",
        /// Both work at the same company.
        SameCompany = "same_company",
    }
);

impl EvidenceSource {
    /// The connection this evidence implies, when it is the strongest of a pair's.
    fn implies(self) -> (ConnectionKind, Strength) {
        match self {
            EvidenceSource::IntroductionReceived | EvidenceSource::MetThrough => {
                (ConnectionKind::IntroducedBy, Strength::constant(3))
            }
            EvidenceSource::IntroductionGiven => (ConnectionKind::Knows, Strength::constant(2)),
            EvidenceSource::SameCompany => (ConnectionKind::WorksWith, Strength::constant(2)),
        }
    }
}

/// A recorded introduction between two live contacts, as evidence: for one received the
/// referrer and the prospect, for one given the first and the second contact.
#[derive(Debug, Clone)]
pub struct IntroductionFact {
    pub id: String,
    pub source: EvidenceSource,
    pub ends: (String, String),
    pub introduced_at: NaiveDateTime,
}

/// What is known that implies connections, among live contacts only.
pub struct Known {
    /// Newest first.
    pub introductions: Vec<IntroductionFact>,
    /// (contact, the contact we met them through), by contact.
    pub met_through: Vec<(String, String)>,
    /// Each company's contacts (by normalised company), in id order.
    pub companies: BTreeMap<String, Vec<String>>,
}

/// One piece of evidence about a pair, with its two people in the order it speaks of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Clue<'a> {
    pub source: EvidenceSource,
    pub ends: (&'a str, &'a str),
    pub introduction: Option<(&'a str, NaiveDateTime)>,
}

/// A pair that seems to know each other, with everything that says so, strongest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Implied<'a> {
    pub clues: Vec<Clue<'a>>,
}

impl<'a> Implied<'a> {
    /// The ends of the suggested connection: as the strongest evidence names them.
    pub fn ends(&self) -> (&'a str, &'a str) {
        self.clues[0].ends
    }

    pub fn strongest(&self) -> EvidenceSource {
        self.clues[0].source
    }
}

/// Which suggestions are wanted: all, or those involving one contact, or from one source.
#[derive(Debug, Clone, Copy, Default)]
pub struct Wanted<'q> {
    pub contact: Option<&'q str>,
    pub source: Option<EvidenceSource>,
}

fn pair<'a>(one: &'a str, other: &'a str) -> (&'a str, &'a str) {
    (one.min(other), one.max(other))
}

/// The implied connections, best first (see the module), skipping pairs for which
/// `connected` holds. Lazy: same-company pairs are produced only as far as they are read.
pub fn implied<'a>(
    known: &'a Known,
    wanted: Wanted<'a>,
    connected: impl Fn(&str, &str) -> bool + 'a,
) -> impl Iterator<Item = Implied<'a>> + 'a {
    let company_of: HashMap<&str, &str> = known
        .companies
        .iter()
        .flat_map(|(company, ids)| ids.iter().map(move |id| (id.as_str(), company.as_str())))
        .collect();
    let involves = move |ends: (&str, &str)| {
        wanted
            .contact
            .is_none_or(|contact| ends.0 == contact || ends.1 == contact)
    };

    let explicit_clues = known
        .introductions
        .iter()
        .map(|fact| Clue {
            source: fact.source,
            ends: (fact.ends.0.as_str(), fact.ends.1.as_str()),
            introduction: Some((fact.id.as_str(), fact.introduced_at)),
        })
        .chain(known.met_through.iter().map(|(contact, through)| Clue {
            source: EvidenceSource::MetThrough,
            ends: (contact.as_str(), through.as_str()),
            introduction: None,
        }));
    let mut explicit: Vec<Implied<'a>> = Vec::new();
    let mut index_of: HashMap<(&str, &str), usize> = HashMap::new();
    for clue in explicit_clues {
        let (one, other) = clue.ends;
        if one == other || !involves(clue.ends) || connected(one, other) {
            continue;
        }
        match index_of.get(&pair(one, other)) {
            Some(&index) => {
                let clues = &mut explicit[index].clues;
                // One introduction between the same two people says nothing new.
                if !clues.iter().any(|kept| kept.source == clue.source) {
                    clues.push(clue);
                }
            }
            None => {
                index_of.insert(pair(one, other), explicit.len());
                explicit.push(Implied { clues: vec![clue] });
            }
        }
    }
    for implied in &mut explicit {
        let (one, other) = implied.ends();
        if company_of
            .get(one)
            .is_some_and(|c| company_of.get(other) == Some(c))
        {
            implied.clues.push(Clue {
                source: EvidenceSource::SameCompany,
                ends: (one, other),
                introduction: None,
            });
        }
    }
    let explicit: Vec<Implied<'a>> = explicit
        .into_iter()
        .filter(|implied| {
            wanted
                .source
                .is_none_or(|source| implied.clues.iter().any(|clue| clue.source == source))
        })
        .collect();

    // Only same-company evidence is left: none when another source was asked for.
    let colleagues_wanted = wanted
        .source
        .is_none_or(|source| source == EvidenceSource::SameCompany);
    let companies = known
        .companies
        .values()
        .filter(move |ids| {
            colleagues_wanted
                && wanted
                    .contact
                    .is_none_or(|contact| ids.iter().any(|id| id == contact))
        })
        .flat_map(move |ids| {
            (0..ids.len()).flat_map(move |i| {
                (i + 1..ids.len()).map(move |j| (ids[i].as_str(), ids[j].as_str()))
            })
        })
        .filter(move |&ends| involves(ends))
        .filter(move |&(one, other)| {
            !index_of.contains_key(&pair(one, other)) && !connected(one, other)
        })
        .map(|ends| Implied {
            clues: vec![Clue {
                source: EvidenceSource::SameCompany,
                ends,
                introduction: None,
            }],
        });
    explicit.into_iter().chain(companies)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct SuggestionsQuery {
    /// Page size, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Only suggestions involving this contact.
    contact_id: Option<uuid::Uuid>,
    /// Only suggestions with this kind of evidence.
    source: Option<EvidenceSource>,
}

/// Someone in a suggested connection.
#[derive(Debug, Serialize, ToSchema)]
pub struct SuggestedPerson {
    pub contact_id: uuid::Uuid,
    pub name: String,
    pub company: Option<String>,
}

/// Why two people seem to know each other.
#[derive(Debug, Serialize, ToSchema)]
pub struct Evidence {
    pub source: EvidenceSource,
    /// In plain words, e.g. "Ana Ruiz introduced you to Ben Ortiz on 2026-03-04".
    pub reason: String,
    /// The introduction, for `introduction_received` and `introduction_given`.
    pub introduction_id: Option<uuid::Uuid>,
    pub introduced_at: Option<DateTime<Utc>>,
}

/// A connection that what is already recorded implies, not yet recorded itself.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "people": [
        {"contact_id": "0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12", "name": "Ana Ruiz", "company": "Contoso"},
        {"contact_id": "0193a5c2-9a10-7b4e-8c2d-3e4f5a6b7c8d", "name": "Ben Ortiz", "company": "Contoso"}
    ],
    "evidence": [
        {"source": "introduction_received", "reason": "Ana Ruiz introduced you to Ben Ortiz on 2026-03-04",
         "introduction_id": "0193a5c3-1b2c-7d3e-8f4a-5b6c7d8e9f01", "introduced_at": "2026-03-04T10:00:00Z"},
        {"source": "same_company", "reason": "Ana Ruiz and Ben Ortiz both work at Contoso",
         "introduction_id": null, "introduced_at": null}
    ],
    "connection": {
        "from": {"contact_id": "0193a5c2-7c1e-7d5a-9f3e-2b4c6d8e0f12"},
        "to": {"contact_id": "0193a5c2-9a10-7b4e-8c2d-3e4f5a6b7c8d"},
        "kind": "introduced_by", "strength": 3,
        "note": "Ana Ruiz introduced you to Ben Ortiz on 2026-03-04", "since": null
    }
}))]
pub struct Suggestion {
    /// The two people, in the order of `connection`.
    pub people: Vec<SuggestedPerson>,
    /// Everything that implies it, strongest first.
    pub evidence: Vec<Evidence>,
    /// The body for `POST /v1/connections` that records it; adjust kind or strength as
    /// you know better.
    pub connection: ConnectionRequest,
}

type IntroductionRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    NaiveDateTime,
);

/// What is known, among the live contacts of `network`.
fn read_known(conn: &mut DbConn, network: &Network, workspace_id: &str) -> Result<Known, ApiError> {
    let rows: Vec<IntroductionRow> = introductions::table
        .filter(introductions::workspace_id.eq(workspace_id))
        .filter(introductions::deleted_at.is_null())
        .select((
            introductions::id,
            introductions::direction,
            introductions::referrer_id,
            introductions::prospect_id,
            introductions::first_contact_id,
            introductions::second_contact_id,
            introductions::introduced_at,
        ))
        .order((
            introductions::introduced_at.desc(),
            introductions::id.desc(),
        ))
        .load(conn)?;
    let introductions = rows
        .into_iter()
        .filter_map(|(id, direction, referrer, prospect, first, second, at)| {
            let (source, ends) = if direction == Direction::Received.as_str() {
                (EvidenceSource::IntroductionReceived, (referrer?, prospect?))
            } else {
                (EvidenceSource::IntroductionGiven, (first?, second?))
            };
            let live = network.has_contact(&ends.0) && network.has_contact(&ends.1);
            live.then_some(IntroductionFact {
                id,
                source,
                ends,
                introduced_at: at,
            })
        })
        .collect();
    let people: Vec<(String, Option<String>, Option<String>)> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::deleted_at.is_null())
        .filter(
            contacts::company_key
                .is_not_null()
                .or(contacts::met_through_id.is_not_null()),
        )
        .select((
            contacts::id,
            contacts::company_key,
            contacts::met_through_id,
        ))
        .order(contacts::id)
        .load(conn)?;
    let mut known = Known {
        introductions,
        met_through: Vec::new(),
        companies: BTreeMap::new(),
    };
    for (id, company, through) in people {
        if !network.has_contact(&id) {
            continue;
        }
        if let Some(through) = through.filter(|through| network.has_contact(through)) {
            known.met_through.push((id.clone(), through));
        }
        if let Some(company) = company {
            known.companies.entry(company).or_default().push(id);
        }
    }
    Ok(known)
}

type Names = (String, String, Option<String>, Option<String>);

fn reason(clue: &Clue, name: impl Fn(&str) -> String, company: Option<&str>) -> String {
    let (one, other) = (name(clue.ends.0), name(clue.ends.1));
    let on = clue
        .introduction
        .map(|(_, at)| at.date().to_string())
        .unwrap_or_default();
    match clue.source {
        EvidenceSource::IntroductionReceived => format!("{one} introduced you to {other} on {on}"),
        EvidenceSource::IntroductionGiven => format!("You introduced {one} to {other} on {on}"),
        EvidenceSource::MetThrough => format!("You met {one} through {other}"),
        EvidenceSource::SameCompany => match company {
            Some(company) => format!("{one} and {other} both work at {company}"),
            None => format!("{one} and {other} work at the same company"),
        },
    }
}

fn suggestion(implied: &Implied, names: &HashMap<String, Names>) -> Result<Suggestion, ApiError> {
    let person = |id: &str| -> Result<SuggestedPerson, ApiError> {
        let (_, first, last, company) = names.get(id).ok_or_else(|| corrupt("contact"))?;
        Ok(SuggestedPerson {
            contact_id: uuid(id)?,
            name: full_name(first, last),
            company: company.clone(),
        })
    };
    let name = |id: &str| {
        names
            .get(id)
            .map_or_else(String::new, |n| full_name(&n.1, &n.2))
    };
    let (from, to) = implied.ends();
    let people = vec![person(from)?, person(to)?];
    let company = people[0].company.as_deref();
    let evidence = implied
        .clues
        .iter()
        .map(|clue| {
            Ok(Evidence {
                source: clue.source,
                reason: reason(clue, name, company),
                introduction_id: clue.introduction.map(|(id, _)| uuid(id)).transpose()?,
                introduced_at: clue.introduction.map(|(_, at)| from_db(at)),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let (kind, strength) = implied.strongest().implies();
    let connection = ConnectionRequest {
        from: Person::Contact(people[0].contact_id),
        to: Person::Contact(people[1].contact_id),
        kind,
        strength,
        note: LongText::try_from(evidence[0].reason.clone()).ok(),
        since: None,
    };
    Ok(Suggestion {
        people,
        evidence,
        connection,
    })
}

fn suggest(
    conn: &mut DbConn,
    cache: &GraphCache<Network>,
    workspace_id: &str,
    wanted: Wanted,
    page: &PageRequest,
) -> Result<Page<Suggestion>, ApiError> {
    let network = snapshot::current(conn, cache, workspace_id)?;
    let known = read_known(conn, &network, workspace_id)?;
    let listed = implied(&known, wanted, |one, other| network.connected(one, other));
    let Page { data, next_cursor } = page.page_of_ranked(listed.take(MAX_LISTED))?;
    let ids: Vec<&str> = data
        .iter()
        .flat_map(|implied| [implied.ends().0, implied.ends().1])
        .collect();
    let names: HashMap<String, Names> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::id.eq_any(&ids))
        .select((
            contacts::id,
            contacts::first_name,
            contacts::last_name,
            contacts::company,
        ))
        .load::<Names>(conn)?
        .into_iter()
        .map(|row| (row.0.clone(), row))
        .collect();
    Ok(Page {
        data: data
            .iter()
            .map(|implied| suggestion(implied, &names))
            .collect::<Result<_, _>>()?,
        next_cursor,
    })
}

/// Connections implied by what is already recorded — introductions received and given, a
/// contact's `met_through`, contacts at the same company — that are not recorded yet.
/// Strongest evidence first (introductions, newest first; then `met_through`; then
/// colleagues by company). Each comes with its evidence in plain words and the body that
/// records it with `POST /v1/connections`; once recorded (any kind), a pair is no longer
/// suggested. The list holds at most the first 10,000 suggestions.
#[utoipa::path(tag = "network", operation_id = "connectionSuggestions", params(SuggestionsQuery), responses((status = 200, body = Page<Suggestion>)))]
#[get("/network/suggestions")]
async fn suggestions(
    principal: Principal,
    db: web::Data<Db>,
    cache: web::Data<GraphCache<Network>>,
    query: Query<SuggestionsQuery>,
) -> Result<web::Json<Page<Suggestion>>, ApiError> {
    let query = query.into_inner();
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let data = db
        .run(move |conn| {
            let contact = query.contact_id.map(|id| id.to_string());
            let wanted = Wanted {
                contact: contact.as_deref(),
                source: query.source,
            };
            suggest(conn, &cache, &principal.workspace_id, wanted, &page)
        })
        .await?;
    Ok(web::Json(data))
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    fn at(day: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 3, day)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn introduction(
        id: &str,
        source: EvidenceSource,
        ends: (&str, &str),
        day: u32,
    ) -> IntroductionFact {
        IntroductionFact {
            id: id.into(),
            source,
            ends: (ends.0.into(), ends.1.into()),
            introduced_at: at(day),
        }
    }

    /// Ana introduced us to Ben (both at Contoso); we introduced Cy to Di; we met Ed
    /// through Ana; Contoso also has Fay; Gus and Hal are at Fabrikam.
    fn known() -> Known {
        Known {
            introductions: vec![
                introduction("i2", EvidenceSource::IntroductionGiven, ("cy", "di"), 9),
                introduction(
                    "i1",
                    EvidenceSource::IntroductionReceived,
                    ("ana", "ben"),
                    4,
                ),
                // Ben introduced Ana to us as well: the same pair, said again.
                introduction(
                    "i0",
                    EvidenceSource::IntroductionReceived,
                    ("ben", "ana"),
                    1,
                ),
            ],
            met_through: vec![("ed".into(), "ana".into())],
            companies: BTreeMap::from([
                (
                    "contoso".into(),
                    vec!["ana".into(), "ben".into(), "fay".into()],
                ),
                ("fabrikam".into(), vec!["gus".into(), "hal".into()]),
            ]),
        }
    }

    fn sources(implied: &Implied) -> Vec<EvidenceSource> {
        implied.clues.iter().map(|clue| clue.source).collect()
    }

    #[test]
    fn strongest_evidence_first_and_one_suggestion_per_pair() {
        let known = known();
        let all: Vec<Implied> = implied(&known, Wanted::default(), |_, _| false).collect();
        let ends: Vec<(&str, &str)> = all.iter().map(Implied::ends).collect();
        assert_eq!(
            ends,
            [
                ("cy", "di"),
                ("ana", "ben"),
                ("ed", "ana"),
                ("ana", "fay"),
                ("ben", "fay"),
                ("gus", "hal"),
            ]
        );
        use EvidenceSource::*;
        assert_eq!(sources(&all[0]), [IntroductionGiven]);
        // The second introduction of the same pair adds nothing; the company does.
        assert_eq!(sources(&all[1]), [IntroductionReceived, SameCompany]);
        assert_eq!(all[1].clues[0].introduction, Some(("i1", at(4))));
        assert_eq!(sources(&all[2]), [MetThrough]);
        assert_eq!(sources(&all[3]), [SameCompany]);
        assert_eq!(all[1].strongest().implies().0, ConnectionKind::IntroducedBy);
        assert_eq!(all[0].strongest().implies().0, ConnectionKind::Knows);
        assert_eq!(all[5].strongest().implies().0, ConnectionKind::WorksWith);
    }

    #[test]
    fn pairs_already_connected_are_not_suggested() {
        let known = known();
        let recorded = [("ana", "ben"), ("fay", "ben"), ("cy", "di")];
        let connected = |one: &str, other: &str| {
            recorded.contains(&(one, other)) || recorded.contains(&(other, one))
        };
        let ends: Vec<(&str, &str)> = implied(&known, Wanted::default(), connected)
            .map(|implied| implied.ends())
            .collect();
        assert_eq!(ends, [("ed", "ana"), ("ana", "fay"), ("gus", "hal")]);
    }

    #[test]
    fn one_contact_or_one_source() {
        let known = known();
        let ana = Wanted {
            contact: Some("ana"),
            source: None,
        };
        let ends: Vec<(&str, &str)> = implied(&known, ana, |_, _| false)
            .map(|implied| implied.ends())
            .collect();
        assert_eq!(ends, [("ana", "ben"), ("ed", "ana"), ("ana", "fay")]);

        let colleagues = Wanted {
            contact: None,
            source: Some(EvidenceSource::SameCompany),
        };
        let ends: Vec<(&str, &str)> = implied(&known, colleagues, |_, _| false)
            .map(|implied| implied.ends())
            .collect();
        // Ana and Ben are colleagues too (and were introduced: that comes first).
        assert_eq!(
            ends,
            [
                ("ana", "ben"),
                ("ana", "fay"),
                ("ben", "fay"),
                ("gus", "hal")
            ]
        );

        let given = Wanted {
            contact: None,
            source: Some(EvidenceSource::IntroductionGiven),
        };
        assert_eq!(implied(&known, given, |_, _| false).count(), 1);
    }

    #[test]
    fn colleagues_of_a_large_company_are_produced_only_as_far_as_read() {
        let staff: Vec<String> = (0..10_000).map(|n| format!("c{n:05}")).collect();
        let known = Known {
            introductions: Vec::new(),
            met_through: Vec::new(),
            companies: BTreeMap::from([("globex".into(), staff)]),
        };
        let looked_at = Cell::new(0);
        let page: Vec<Implied> = implied(&known, Wanted::default(), |_, _| {
            looked_at.set(looked_at.get() + 1);
            false
        })
        .skip(100)
        .take(50)
        .collect();
        assert_eq!(page[0].ends(), ("c00000", "c00101"));
        // 150 of the ~50 million pairs were looked at.
        assert_eq!(looked_at.get(), 150);
    }
}
