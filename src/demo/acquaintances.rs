//! Who knows whom in the demo network, pure: colleagues at the same company (some
//! reporting to others), friends, family and neighbours across it, and a few contacts the
//! members know personally. Deterministic for a given seed; never the same link twice.

use std::collections::HashSet;

use rand::prelude::IndexedRandom;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::network::{Holder, PlannedContact};
use crate::connections::domain::ConnectionKind;

/// One end of a planned connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum End {
    Contact(usize),
    Member(Holder),
}

#[derive(Debug, Clone)]
pub struct PlannedConnection {
    pub from: End,
    pub to: End,
    pub kind: ConnectionKind,
    pub strength: i32,
}

const ACROSS: &[ConnectionKind] = &[
    ConnectionKind::Friend,
    ConnectionKind::Knows,
    ConnectionKind::Knows,
    ConnectionKind::FormerColleague,
    ConnectionKind::Neighbor,
    ConnectionKind::Family,
    ConnectionKind::ClientOf,
];

/// About `count` connections between the contacts (fewer if the network is too small to
/// hold that many distinct ones).
pub fn generate(seed: u64, contacts: &[PlannedContact], count: usize) -> Vec<PlannedConnection> {
    let mut rng = StdRng::seed_from_u64(seed ^ 0xC0_11EC7);
    let mut companies: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (index, contact) in contacts.iter().enumerate() {
        if let Some(company) = contact.body["company"].as_str() {
            companies.entry(company).or_default().push(index);
        }
    }
    let companies: Vec<Vec<usize>> = companies.into_values().filter(|c| c.len() > 1).collect();
    let mut seen: HashSet<(End, End, ConnectionKind)> = HashSet::new();
    let mut planned = Vec::with_capacity(count);
    let attempts = count * 3;
    for _ in 0..attempts {
        if planned.len() >= count || contacts.len() < 2 {
            break;
        }
        let roll: f64 = rng.random();
        let (from, to, kind) = if roll < 0.01 {
            // A member who knows someone personally.
            let member = if rng.random_bool(0.5) {
                Holder::You
            } else {
                Holder::Colleague
            };
            let contact = rng.random_range(0..contacts.len());
            (
                End::Member(member),
                End::Contact(contact),
                ConnectionKind::Knows,
            )
        } else if roll < 0.45 && !companies.is_empty() {
            let staff = companies.choose(&mut rng).expect("companies");
            let (a, b) = (
                *staff.choose(&mut rng).expect("staff"),
                *staff.choose(&mut rng).expect("staff"),
            );
            let kind = if rng.random_bool(0.2) {
                ConnectionKind::ReportsTo
            } else {
                ConnectionKind::WorksWith
            };
            (End::Contact(a), End::Contact(b), kind)
        } else {
            let (a, b) = (
                rng.random_range(0..contacts.len()),
                rng.random_range(0..contacts.len()),
            );
            let kind = *ACROSS.choose(&mut rng).expect("kinds");
            (End::Contact(a), End::Contact(b), kind)
        };
        if from == to {
            continue;
        }
        let key = if kind.is_directed() {
            (from, to, kind)
        } else {
            (from.min(to), from.max(to), kind)
        };
        if !seen.insert(key) {
            continue;
        }
        planned.push(PlannedConnection {
            from,
            to,
            kind,
            strength: rng.random_range(1..=5),
        });
    }
    planned
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::network;
    use chrono::{TimeZone, Utc};

    #[test]
    fn connections_are_distinct_and_never_self_links() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
        let network = network::generate(3, 400, 0, now);
        let planned = generate(3, &network.contacts, 2000);
        assert_eq!(planned.len(), 2000);
        let mut pairs = HashSet::new();
        for link in &planned {
            assert_ne!(link.from, link.to);
            assert!((1..=5).contains(&link.strength));
            let mut ends = [link.from, link.to];
            if !link.kind.is_directed() {
                ends.sort();
            }
            assert!(pairs.insert((ends, link.kind)), "{link:?} twice");
        }
        let colleagues = planned
            .iter()
            .filter(|l| l.kind == ConnectionKind::WorksWith)
            .all(|l| match (l.from, l.to) {
                (End::Contact(a), End::Contact(b)) => {
                    network.contacts[a].body["company"] == network.contacts[b].body["company"]
                }
                _ => false,
            });
        assert!(colleagues, "people who work together share a company");
    }
}
