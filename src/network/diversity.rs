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

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(diversity);
}

/// One group's part of the sources.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Share {
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

/// The breakdown of the sources' values of one trait (None: not recorded).
pub fn breakdown<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> Breakdown {
    let mut counts: BTreeMap<&str, i64> = BTreeMap::new();
    let mut unknown = 0;
    for value in values {
        match value {
            Some(group) => *counts.entry(group).or_default() += 1,
            None => unknown += 1,
        }
    }
    let known: i64 = counts.values().sum();
    let mut shares: Vec<Share> = counts
        .into_iter()
        .map(|(group, count)| Share {
            group: group.to_owned(),
            count,
            share: count as f64 / known as f64,
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

/// A plural for a profession: "florist" → "florists", "business coach" → "business
/// coaches", "attorney" → "attorneys", "secretary" → "secretaries".
fn plural(noun: &str) -> String {
    let noun = noun.to_lowercase();
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

fn kind_plural(kind: &str) -> String {
    match kind.parse::<RelationshipKind>() {
        Ok(RelationshipKind::Family) => "family".to_owned(),
        _ => plural(&kind.replace('_', " ")),
    }
}

/// The warnings for the sources' breakdowns, in plain words.
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
    let mut said = Vec::new();
    if let Some(top) = dominant(profession) {
        said.push(format!(
            "{} of your {sources} referral sources are {}",
            top.count,
            plural(&top.group)
        ));
    }
    if let Some(top) = dominant(industry) {
        said.push(format!(
            "{} of your {sources} referral sources work in {}",
            top.count, top.group
        ));
    }
    if let Some(top) = dominant(kind) {
        said.push(format!(
            "{} of your {sources} referral sources are {}",
            top.count,
            kind_plural(&top.group)
        ));
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
    fn plurals_read_naturally() {
        for (one, many) in [
            ("Florist", "florists"),
            ("Business coach", "business coaches"),
            ("Attorney", "attorneys"),
            ("Secretary", "secretaries"),
            ("Boss", "bosses"),
        ] {
            assert_eq!(plural(one), many);
        }
        assert_eq!(kind_plural("former_client"), "former clients");
        assert_eq!(kind_plural("family"), "family");
    }
}
