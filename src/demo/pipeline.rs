//! The referral pipeline of the demo network, pure: referral requests that went as far as
//! asks go (most stop at a refusal or a loss, some win), the introductions they brought,
//! unsolicited and given introductions, and the interactions that go with them (the live
//! ask, the thank-you, the news of the outcome). Deterministic for a given seed.

use chrono::{DateTime, Duration, Utc};
use rand::distr::weighted::WeightedIndex;
use rand::distr::Distribution;
use rand::prelude::IndexedRandom;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;

use super::network::{PlannedContact, PlannedInteraction};
use crate::introductions::domain::IntroductionStatus;
use crate::referrals::domain::RequestStatus;

/// Whom a request hopes to meet.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Contact(usize),
    Named {
        name: String,
        company: &'static str,
        title: &'static str,
    },
}

#[derive(Debug, Clone)]
pub struct PlannedRequest {
    pub referrer: usize,
    pub target: Target,
    pub business_reason: String,
    pub ideal_introduction: String,
    pub created_at: DateTime<Utc>,
    /// The channel of the ask and the index of its `referral_ask` interaction.
    pub ask: Option<(&'static str, usize)>,
    /// Every status it took after `planned`, with when, in order.
    pub moves: Vec<(RequestStatus, DateTime<Utc>)>,
}

impl PlannedRequest {
    pub fn status(&self) -> RequestStatus {
        self.moves
            .last()
            .map_or(RequestStatus::Planned, |(status, _)| *status)
    }

    pub fn asked_at(&self) -> Option<DateTime<Utc>> {
        self.reached(RequestStatus::Asked)
    }

    /// When it was won, lost, declined or withdrawn.
    pub fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.moves
            .last()
            .filter(|(status, _)| status.next().is_empty())
            .map(|m| m.1)
    }

    pub fn reached(&self, status: RequestStatus) -> Option<DateTime<Utc>> {
        self.moves.iter().find(|(s, _)| *s == status).map(|m| m.1)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Introduced {
    /// A referrer introduced us to a prospect, answering a request or unprompted.
    Received {
        referrer: usize,
        prospect: usize,
        request: Option<usize>,
    },
    /// We introduced two contacts; `interaction` is the `introduction_made` with both.
    Given {
        contacts: [usize; 2],
        interaction: usize,
    },
}

#[derive(Debug, Clone)]
pub struct PlannedIntroduction {
    pub introduced: Introduced,
    pub status: IntroductionStatus,
    pub introduced_at: DateTime<Utc>,
    pub meeting_at: Option<DateTime<Utc>>,
    /// Won deal value in hundredths, and its currency.
    pub deal: Option<(i64, &'static str)>,
    pub closed_at: Option<DateTime<Utc>>,
}

pub struct Pipeline {
    pub requests: Vec<PlannedRequest>,
    pub introductions: Vec<PlannedIntroduction>,
    /// To append to the network's history: their indexes follow its last one.
    pub interactions: Vec<PlannedInteraction>,
}

/// How far asks go: the statuses after `planned`, and how common each path is (45 % reach
/// an introduction, 15 % a win).
const PATHS: &[(&[RequestStatus], u32)] = {
    use RequestStatus::*;
    &[
        (&[], 8),
        (&[Asked], 8),
        (&[Withdrawn], 3),
        (&[Asked, Withdrawn], 3),
        (&[Asked, Declined], 14),
        (&[Asked, Agreed, Declined], 6),
        (&[Asked, Agreed], 5),
        (&[Asked, Agreed, Introduced], 6),
        (&[Asked, Agreed, Introduced, Lost], 10),
        (&[Asked, Agreed, Introduced, MeetingHeld], 4),
        (&[Asked, Agreed, Introduced, MeetingHeld, Lost], 10),
        (&[Asked, Agreed, Introduced, MeetingHeld, Won], 15),
    ]
};

/// Days from the previous status to this one, at most.
fn days_to(status: RequestStatus) -> i64 {
    match status {
        RequestStatus::Asked => 10,
        RequestStatus::Agreed | RequestStatus::Declined | RequestStatus::Withdrawn => 14,
        RequestStatus::Introduced => 30,
        RequestStatus::MeetingHeld => 21,
        _ => 90,
    }
}

/// Who is asked, by relationship kind: partners and clients most.
fn referrer_weight(kind: &str) -> u32 {
    match kind {
        "referral_partner" => 6,
        "client" => 4,
        "former_client" => 3,
        "colleague" => 2,
        "friend" | "neighbor" | "family" => 1,
        _ => 0,
    }
}

const TOPICS: &[&str] = &[
    "cutting freight costs",
    "a second warehouse",
    "their ERP migration",
    "hiring in a tight market",
    "customer churn",
    "a new product line",
];
const TITLES: &[&str] = &[
    "CFO",
    "COO",
    "VP Operations",
    "Head of procurement",
    "Founder",
];
const NAMES: &[&str] = &[
    "Alex Moreno",
    "Jordan Blake",
    "Robin Achebe",
    "Taylor Vance",
    "Morgan Ito",
    "Casey Lindgren",
];
const COMPANIES: &[&str] = &[
    "Northwind Traders",
    "Contoso Logistics",
    "Fabrikam Health",
    "Adventure Works",
    "Woodgrove Bank",
];

fn between(rng: &mut StdRng, from: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    from + Duration::minutes(rng.random_range(1..=days * 1440))
}

/// The pipeline of a network: `requests` referral requests and `introductions`
/// introductions (those answering requests first), with `history_len` interactions
/// already in the network's history.
pub fn generate(
    seed: u64,
    contacts: &[PlannedContact],
    history_len: usize,
    requests: usize,
    introductions: usize,
    now: DateTime<Utc>,
) -> Pipeline {
    let mut rng = StdRng::seed_from_u64(seed ^ 0x5EED_F10E);
    let kind = |i: usize| contacts[i].body["relationship_kind"].as_str().unwrap_or("");
    let prospects: Vec<usize> = (0..contacts.len())
        .filter(|&i| kind(i) == "prospect")
        .collect();
    let mut pipeline = Pipeline {
        requests: Vec::with_capacity(requests),
        introductions: Vec::with_capacity(introductions),
        interactions: Vec::new(),
    };
    let (Ok(referrers), Some(_)) = (
        WeightedIndex::new((0..contacts.len()).map(|i| referrer_weight(kind(i)))),
        prospects.first(),
    ) else {
        return pipeline;
    };
    let paths = WeightedIndex::new(PATHS.iter().map(|p| p.1)).expect("weights");
    let log = |interactions: &mut Vec<PlannedInteraction>,
               with: Vec<usize>,
               at: DateTime<Utc>,
               channel: &str,
               kind: &str,
               summary: String| {
        interactions.push(PlannedInteraction {
            contacts: with,
            body: json!({"occurred_at": at, "channel": channel, "kind": kind, "summary": summary}),
        });
        history_len + interactions.len() - 1
    };

    for _ in 0..requests {
        let referrer = referrers.sample(&mut rng);
        let path = PATHS[paths.sample(&mut rng)].0;
        // Open asks are recent; closed ones span the whole history.
        let open = path.last().is_none_or(|s| !s.next().is_empty());
        let added = contacts[referrer]
            .added_at
            .max(now - Duration::days(3 * 365));
        let earliest = if open {
            added.max(now - Duration::days(60))
        } else {
            added
        };
        let span = (now - earliest).num_minutes().max(2);
        let created_at = earliest + Duration::minutes(rng.random_range(1..span));
        let mut at = created_at;
        let mut moves = Vec::new();
        for &status in path {
            at = between(&mut rng, at, days_to(status));
            if at >= now {
                break;
            }
            moves.push((status, at));
        }
        let introduced = moves.iter().any(|m| m.0 == RequestStatus::Introduced);
        let target = if introduced || rng.random_bool(0.5) {
            let mut prospect = *prospects.choose(&mut rng).expect("prospects");
            if prospect == referrer {
                prospect = prospects[0];
            }
            Target::Contact(prospect)
        } else {
            Target::Named {
                name: NAMES.choose(&mut rng).expect("names").to_string(),
                company: COMPANIES.choose(&mut rng).expect("companies"),
                title: TITLES.choose(&mut rng).expect("titles"),
            }
        };
        let topic = TOPICS.choose(&mut rng).expect("topics");
        let title = TITLES.choose(&mut rng).expect("titles");
        let mut request = PlannedRequest {
            referrer,
            target,
            business_reason: format!("We helped three firms like theirs with {topic}"),
            ideal_introduction: format!("The {title} who owns {topic}"),
            created_at,
            ask: None,
            moves,
        };
        if let Some(asked_at) = request.asked_at() {
            let channel = *["in_person", "phone", "video"]
                .choose(&mut rng)
                .expect("channels");
            let ask = log(
                &mut pipeline.interactions,
                vec![referrer],
                asked_at,
                channel,
                "referral_ask",
                format!(
                    "Asked for an introduction to {}",
                    request.ideal_introduction
                ),
            );
            request.ask = Some((channel, ask));
        }
        pipeline.requests.push(request);
    }

    // Introductions answering the requests that got that far, then unprompted ones and
    // ones we made, half each.
    let answered: Vec<usize> = (0..pipeline.requests.len())
        .filter(|&i| {
            pipeline.requests[i]
                .reached(RequestStatus::Introduced)
                .is_some()
        })
        .take(introductions)
        .collect();
    for index in answered {
        let request = &pipeline.requests[index];
        let Target::Contact(prospect) = request.target else {
            continue;
        };
        let introduced_at = request
            .reached(RequestStatus::Introduced)
            .expect("answered");
        let meeting_at = request.reached(RequestStatus::MeetingHeld);
        let (status, closed_at) = match request.status() {
            RequestStatus::Won => (IntroductionStatus::Won, request.moves.last().map(|m| m.1)),
            RequestStatus::Lost => (IntroductionStatus::Lost, request.moves.last().map(|m| m.1)),
            RequestStatus::MeetingHeld => (IntroductionStatus::Met, None),
            _ => (IntroductionStatus::Connected, None),
        };
        pipeline.introductions.push(PlannedIntroduction {
            introduced: Introduced::Received {
                referrer: request.referrer,
                prospect,
                request: Some(index),
            },
            status,
            introduced_at,
            meeting_at,
            deal: None,
            closed_at,
        });
    }
    while pipeline.introductions.len() < introductions {
        let referrer = referrers.sample(&mut rng);
        let introduced_at = between(&mut rng, now - Duration::days(3 * 365), 3 * 365 - 1);
        let introduced = if rng.random_bool(0.5) {
            let prospect = *prospects.choose(&mut rng).expect("prospects");
            Introduced::Received {
                referrer,
                prospect,
                request: None,
            }
        } else {
            let other = rng.random_range(0..contacts.len());
            if other == referrer {
                continue;
            }
            let interaction = log(
                &mut pipeline.interactions,
                vec![referrer, other],
                introduced_at,
                "email",
                "introduction_made",
                "Introduced two people who should know each other".to_owned(),
            );
            Introduced::Given {
                contacts: [referrer, other],
                interaction,
            }
        };
        let (status, meeting_at, closed_at) = match rng.random_range(0..4) {
            0 => (IntroductionStatus::NoResponse, None, None),
            1 => (IntroductionStatus::Connected, None, None),
            2 => {
                let met = between(&mut rng, introduced_at, 21);
                let closed = between(&mut rng, met, 60);
                (IntroductionStatus::Won, Some(met), Some(closed))
            }
            _ => {
                let met = between(&mut rng, introduced_at, 21);
                (IntroductionStatus::Lost, Some(met), Some(met))
            }
        };
        let (status, meeting_at, closed_at) = if closed_at.is_some_and(|at| at >= now) {
            (IntroductionStatus::Connected, None, None)
        } else {
            (status, meeting_at, closed_at)
        };
        pipeline.introductions.push(PlannedIntroduction {
            introduced,
            status,
            introduced_at,
            meeting_at,
            deal: None,
            closed_at,
        });
    }

    // Won deals have a value. Referrers were thanked and heard how it went, but for some of
    // the last month's introductions: a user keeps up with the agenda, so old loops are
    // closed and only recent ones are owed.
    let settled =
        |rng: &mut StdRng, at: DateTime<Utc>| at < now - Duration::days(30) || rng.random_bool(0.6);
    for introduction in &mut pipeline.introductions {
        if introduction.status == IntroductionStatus::Won {
            let currency = if rng.random_bool(0.8) { "USD" } else { "EUR" };
            introduction.deal = Some((rng.random_range(500_000..25_000_000), currency));
        }
        let Introduced::Received { referrer, .. } = introduction.introduced else {
            continue;
        };
        let thanked = between(&mut rng, introduction.introduced_at, 10);
        if thanked < now && settled(&mut rng, introduction.introduced_at) {
            log(
                &mut pipeline.interactions,
                vec![referrer],
                thanked,
                "letter",
                "thanks_sent",
                "Thanked them for the introduction".to_owned(),
            );
        }
        if let Some(closed_at) = introduction.closed_at {
            let told = between(&mut rng, closed_at, 14);
            if told < now && settled(&mut rng, closed_at) {
                log(
                    &mut pipeline.interactions,
                    vec![referrer],
                    told,
                    "phone",
                    "outcome_shared",
                    "Told them how the introduction went".to_owned(),
                );
            }
        }
    }
    pipeline
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::network;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    fn pipeline() -> (network::Network, Pipeline) {
        let network = network::generate(5, 500, 3000, now());
        let pipeline = generate(
            5,
            &network.contacts,
            network.interactions.len(),
            600,
            400,
            now(),
        );
        (network, pipeline)
    }

    #[test]
    fn every_request_took_only_legal_steps_in_the_past() {
        let (network, pipeline) = pipeline();
        assert_eq!(pipeline.requests.len(), 600);
        for request in &pipeline.requests {
            let mut from = RequestStatus::Planned;
            let mut at = request.created_at;
            assert!(at >= network.contacts[request.referrer].added_at);
            for &(status, when) in &request.moves {
                assert!(from.next().contains(&status), "{from:?} -> {status:?}");
                assert!(when > at && when < now());
                (from, at) = (status, when);
            }
            assert_ne!(request.target, Target::Contact(request.referrer));
        }
        let won = pipeline
            .requests
            .iter()
            .filter(|r| r.status() == RequestStatus::Won)
            .count();
        assert!((40..150).contains(&won), "about 15 % won: {won}");
    }

    #[test]
    fn every_ask_is_a_live_interaction_with_the_referrer_at_its_time() {
        let (network, pipeline) = pipeline();
        let base = network.interactions.len();
        for request in &pipeline.requests {
            match (request.asked_at(), request.ask) {
                (Some(asked_at), Some((channel, index))) => {
                    let ask = &pipeline.interactions[index - base];
                    assert_eq!(ask.contacts, [request.referrer]);
                    assert_eq!(ask.body["kind"], "referral_ask");
                    assert_eq!(ask.body["channel"], channel);
                    assert!(["in_person", "phone", "video"].contains(&channel));
                    assert_eq!(ask.body["occurred_at"], json!(asked_at));
                }
                (None, None) => {}
                other => panic!("ask and its interaction disagree: {other:?}"),
            }
        }
    }

    #[test]
    fn introductions_answer_the_requests_that_reached_them() {
        let (_, pipeline) = pipeline();
        assert_eq!(pipeline.introductions.len(), 400);
        for introduction in &pipeline.introductions {
            assert!(introduction.introduced_at < now());
            assert_eq!(
                introduction.deal.is_some(),
                introduction.status == IntroductionStatus::Won
            );
            if let Introduced::Received {
                referrer,
                prospect,
                request: Some(index),
            } = introduction.introduced
            {
                let request = &pipeline.requests[index];
                assert_eq!(request.referrer, referrer);
                assert_eq!(request.target, Target::Contact(prospect));
                assert_eq!(
                    request.reached(RequestStatus::Introduced),
                    Some(introduction.introduced_at)
                );
            }
        }
    }

    #[test]
    fn every_planned_interaction_is_a_valid_request() {
        let (_, pipeline) = pipeline();
        assert!(!pipeline.interactions.is_empty());
        for interaction in &pipeline.interactions {
            let mut body = interaction.body.clone();
            body["contact_ids"] = json!([uuid::Uuid::now_v7()]);
            serde_json::from_value::<crate::interactions::domain::NewInteraction>(body)
                .unwrap_or_else(|e| panic!("{e}: {}", interaction.body));
        }
    }
}
