//! `GET /v1/network/diversity` (R8, seed 003): how concentrated the referral sources are.
//! A wedding planner whose referrers are all florists is one departure away from an empty
//! pipeline.
//!
//! Referral sources: live contacts who are referral partners, or who introduced us to
//! someone, or whom we asked for an introduction. For profession, industry and
//! relationship kind: each group's count and share of the sources where it is known, the
//! Herfindahl–Hirschman index (the sum of the squared shares: 1 when one group holds all,
//! 1/n for n equal groups), and a warning when one group holds more than half of all the
//! sources.

use std::collections::BTreeMap;

use actix_web::{get, web};
use diesel::dsl::exists;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::cache::GraphCache;
use super::snapshot::{self, Network};
use crate::auth::Principal;
use crate::contacts::domain::RelationshipKind;
use crate::db::schema::{contacts, introductions, referral_requests};
use crate::db::{Db, DbConn};
use crate::error::ApiError;
use crate::introductions::domain::Direction;
use crate::words::{count, plural};

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(diversity);
}

/// One group's part of the sources.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Share {
    /// Spellings that differ only in case and spacing ("Florist", " FLORIST ") are one
    /// group, named by its most frequent spelling.
    pub group: String,
    pub count: i64,
    /// Of the sources where this is known, 0 to 1.
    pub share: f64,
}

/// The sources by one trait.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Breakdown {
    /// Largest first.
    pub shares: Vec<Share>,
    /// Sources where this is not recorded (left out of the shares).
    pub unknown: i64,
    /// Herfindahl–Hirschman index of the shares, 0 to 1 (null when nothing is known).
    pub hhi: Option<f64>,
}

fn rounded(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// The key a free-text group is counted under: trimmed, inner white space collapsed,
/// case-folded, so that "Florist", "florist" and " FLORIST " are one group.
fn group_key(value: &str) -> String {
    value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The spellings met in one group and how often each came.
#[derive(Default)]
struct Group {
    count: i64,
    spellings: BTreeMap<String, i64>,
}

impl Group {
    /// The most frequent spelling (trimmed, spaces collapsed); on a tie, the one written
    /// as a name is ("Florist" before "FLORIST" and "florist"), then the first in order.
    fn name(&self) -> String {
        let capitals = |s: &str| s.chars().filter(|c| c.is_uppercase()).count();
        let written_as_a_name = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
        self.spellings
            .iter()
            .max_by(|(a, a_count), (b, b_count)| {
                a_count
                    .cmp(b_count)
                    .then(written_as_a_name(a).cmp(&written_as_a_name(b)))
                    .then(capitals(b).cmp(&capitals(a)))
                    .then(b.cmp(a))
            })
            .map(|(spelling, _)| spelling.clone())
            .unwrap_or_default()
    }
}

/// The breakdown of the sources' values of one trait (None or blank: not recorded), each
/// group named by its most frequent spelling.
pub fn breakdown<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> Breakdown {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    let mut unknown = 0;
    for value in values {
        let key = value.map(group_key).filter(|key| !key.is_empty());
        match (key, value) {
            (Some(key), Some(value)) => {
                let group = groups.entry(key).or_default();
                group.count += 1;
                let spelling = value.split_whitespace().collect::<Vec<_>>().join(" ");
                *group.spellings.entry(spelling).or_default() += 1;
            }
            _ => unknown += 1,
        }
    }
    let known: i64 = groups.values().map(|g| g.count).sum();
    let mut shares: Vec<Share> = groups
        .values()
        .map(|group| Share {
            group: group.name(),
            count: group.count,
            share: group.count as f64 / known as f64,
        })
        .collect();
    shares.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.group.cmp(&b.group)));
    let hhi = (known > 0).then(|| rounded(shares.iter().map(|s| s.share * s.share).sum()));
    for share in &mut shares {
        share.share = rounded(share.share);
    }
    Breakdown {
        shares,
        unknown,
        hhi,
    }
}

/// "a florist", "an accountant".
fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

/// A relationship kind as a noun, one or many: "former client(s)", "family".
fn kind_noun(kind: &str, many: bool) -> String {
    let noun = kind.replace('_', " ");
    match kind.parse::<RelationshipKind>() {
        Ok(RelationshipKind::Family) => noun,
        _ if many => plural(&noun),
        _ => with_article(&noun),
    }
}

/// The warnings for the sources' breakdowns, in plain words: "7 of your 9 referral sources
/// are florists", or "your only referral source is a florist".
pub fn warnings(
    sources: i64,
    profession: &Breakdown,
    industry: &Breakdown,
    kind: &Breakdown,
) -> Vec<String> {
    let dominant = |breakdown: &Breakdown| {
        breakdown
            .shares
            .first()
            .filter(|top| top.count * 2 > sources)
            .cloned()
    };
    // Only with a single source can one group hold one source and more than half.
    let whose = |top: &Share| {
        if sources > 1 {
            format!(
                "{} of your {}",
                top.count,
                count(sources, "referral source")
            )
        } else {
            "your only referral source".to_owned()
        }
    };
    let mut said = Vec::new();
    if let Some(top) = dominant(profession) {
        let group = top.group.to_lowercase();
        let (verb, noun) = match top.count {
            1 => ("is", with_article(&group)),
            _ => ("are", plural(&group)),
        };
        said.push(format!("{} {verb} {noun}", whose(&top)));
    }
    if let Some(top) = dominant(industry) {
        let verb = if top.count == 1 { "works" } else { "work" };
        said.push(format!("{} {verb} in {}", whose(&top), top.group));
    }
    if let Some(top) = dominant(kind) {
        let verb = if top.count == 1 { "is" } else { "are" };
        let noun = kind_noun(&top.group, top.count > 1);
        said.push(format!("{} {verb} {noun}", whose(&top)));
    }
    said
}

/// People who sit in no recorded connection at all (holding a contact is not one): current
/// members and live contacts, counted on the workspace's cached network.
#[derive(Debug, Serialize, ToSchema)]
pub struct Unconnected {
    pub members: i64,
    pub contacts: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Diversity {
    /// How many referral sources there are.
    pub sources: i64,
    pub by_profession: Breakdown,
    pub by_industry: Breakdown,
    pub by_relationship_kind: Breakdown,
    /// When one group holds more than half of the sources, e.g. "7 of your 9 referral
    /// sources are florists".
    pub warnings: Vec<String>,
    pub unconnected: Unconnected,
}

type SourceRow = (Option<String>, Option<String>, String);

fn measure(
    conn: &mut DbConn,
    cache: &GraphCache<Network>,
    workspace_id: &str,
) -> Result<Diversity, ApiError> {
    let introduced_us = introductions::table
        .filter(introductions::referrer_id.eq(contacts::id.nullable()))
        .filter(introductions::direction.eq(Direction::Received.as_str()))
        .filter(introductions::deleted_at.is_null());
    let was_asked = referral_requests::table
        .filter(referral_requests::referrer_id.eq(contacts::id))
        .filter(referral_requests::asked_at.is_not_null())
        .filter(referral_requests::deleted_at.is_null());
    let sources: Vec<SourceRow> = contacts::table
        .filter(contacts::workspace_id.eq(workspace_id))
        .filter(contacts::deleted_at.is_null())
        .filter(
            contacts::relationship_kind
                .eq(RelationshipKind::ReferralPartner.as_str())
                .or(exists(introduced_us))
                .or(exists(was_asked)),
        )
        .select((
            contacts::profession,
            contacts::industry,
            contacts::relationship_kind,
        ))
        .load(conn)?;
    let by_profession = breakdown(sources.iter().map(|s| s.0.as_deref()));
    let by_industry = breakdown(sources.iter().map(|s| s.1.as_deref()));
    let by_relationship_kind = breakdown(sources.iter().map(|s| Some(s.2.as_str())));
    let count = sources.len() as i64;

    let (unconnected_members, unconnected_contacts) =
        snapshot::current(conn, cache, workspace_id)?.unconnected();
    Ok(Diversity {
        sources: count,
        warnings: warnings(count, &by_profession, &by_industry, &by_relationship_kind),
        by_profession,
        by_industry,
        by_relationship_kind,
        unconnected: Unconnected {
            members: unconnected_members as i64,
            contacts: unconnected_contacts as i64,
        },
    })
}

/// How diverse the referral sources are (R8): shares by profession, industry and
/// relationship kind with a Herfindahl–Hirschman index each, warnings when one group holds
/// more than half, and how many members and contacts sit in no connection at all.
#[utoipa::path(tag = "network", operation_id = "networkDiversity", responses((status = 200, body = Diversity)))]
#[get("/network/diversity")]
async fn diversity(
    principal: Principal,
    db: web::Data<Db>,
    cache: web::Data<GraphCache<Network>>,
) -> Result<web::Json<Diversity>, ApiError> {
    Ok(web::Json(
        db.run(move |conn| measure(conn, &cache, &principal.workspace_id))
            .await?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_the_index_of_a_hand_worked_set() {
        let professions = [
            Some("Florist"),
            Some("Florist"),
            Some("Florist"),
            Some("Accountant"),
            None,
        ];
        let b = breakdown(professions);
        assert_eq!(
            b.shares,
            [
                Share {
                    group: "Florist".into(),
                    count: 3,
                    share: 0.75
                },
                Share {
                    group: "Accountant".into(),
                    count: 1,
                    share: 0.25
                },
            ]
        );
        assert_eq!((b.unknown, b.hhi), (1, Some(0.625)));
        assert_eq!(breakdown([None, None]).hhi, None);
        // Four equal groups: 1/4.
        assert_eq!(breakdown(["a", "b", "c", "d"].map(Some)).hhi, Some(0.25));
    }

    #[test]
    fn one_group_over_half_is_a_warning_in_plain_words() {
        let professions = breakdown(
            ["Florist"; 7]
                .into_iter()
                .chain(["Banker", "Realtor"])
                .map(Some),
        );
        let industries = breakdown(["Weddings", "Weddings", "Finance", "Finance"].map(Some));
        let kinds = breakdown(["referral_partner"; 9].map(Some));
        assert_eq!(
            warnings(9, &professions, &industries, &kinds),
            [
                "7 of your 9 referral sources are florists",
                "9 of your 9 referral sources are referral partners"
            ]
        );
        // Exactly half is not more than half.
        let half = breakdown(["Finance", "Finance", "Retail", "Media"].map(Some));
        assert!(warnings(4, &half, &half, &breakdown([])).is_empty());
    }

    #[test]
    fn spellings_of_one_group_count_together_under_the_most_frequent() {
        let b = breakdown(
            [
                "Florist",
                "florist",
                " FLORIST ",
                "Florist",
                "Wedding  planner",
                "wedding planner",
                "  ",
            ]
            .map(Some),
        );
        assert_eq!(
            b.shares,
            [
                Share {
                    group: "Florist".into(),
                    count: 4,
                    share: 0.667
                },
                Share {
                    group: "Wedding planner".into(),
                    count: 2,
                    share: 0.333
                },
            ]
        );
        assert_eq!(b.unknown, 1, "blank is not recorded");
        // (4/6)² + (2/6)² = 20/36
        assert_eq!(b.hhi, Some(0.556));
        assert_eq!(
            warnings(7, &b, &breakdown([]), &breakdown([])),
            ["4 of your 7 referral sources are florists"]
        );
    }

    #[test]
    fn a_tie_between_spellings_goes_to_the_one_written_as_a_name() {
        let b = breakdown(["FLORIST", "florist", "Florist"].map(Some));
        assert_eq!(b.shares[0].group, "Florist");
        let b = breakdown(["ACME corp", "Acme Corp", "acme corp", "acme corp"].map(Some));
        assert_eq!(b.shares[0].group, "acme corp", "the most frequent first");
    }

    #[test]
    fn one_source_is_spoken_of_in_the_singular() {
        let one = |value| breakdown([Some(value)]);
        assert_eq!(
            warnings(1, &one("Accountant"), &one("Finance"), &one("family")),
            [
                "your only referral source is an accountant",
                "your only referral source works in Finance",
                "your only referral source is family"
            ]
        );
        assert_eq!(
            warnings(1, &breakdown([]), &breakdown([]), &one("former_client")),
            ["your only referral source is a former client"]
        );
        assert_eq!(
            warnings(
                3,
                &breakdown([]),
                &breakdown([]),
                &breakdown(["family"; 2].map(Some))
            ),
            ["2 of your 3 referral sources are family"]
        );
    }
}
