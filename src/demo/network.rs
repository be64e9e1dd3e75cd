//! A synthetic but plausible referral network, pure: contacts of every kind with
//! professions, companies, birthdays and anniversaries, and three years of interactions
//! whose rhythm differs by relationship (warm ones often, some gone cold, a few never
//! contacted). Deterministic for a given seed.

use chrono::{DateTime, Duration, Utc};
use rand::distr::weighted::WeightedIndex;
use rand::distr::Distribution;
use rand::prelude::IndexedRandom;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};

pub const HISTORY_DAYS: i64 = 3 * 365;

/// Which member holds a relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Holder {
    You,
    Colleague,
}

/// A contact to add: its request body, when it was added, and who holds it.
#[derive(Debug, Clone)]
pub struct PlannedContact {
    pub body: Value,
    pub added_at: DateTime<Utc>,
    pub holder: Holder,
}

/// A past interaction with one or more of the planned contacts (by index).
#[derive(Debug, Clone)]
pub struct PlannedInteraction {
    pub contacts: Vec<usize>,
    pub body: Value,
}

pub struct Network {
    pub contacts: Vec<PlannedContact>,
    pub interactions: Vec<PlannedInteraction>,
}

const FIRST_NAMES: &[&str] = &[
    "Priya", "James", "Mei", "Carlos", "Aisha", "Tom", "Sofia", "Liam", "Fatima", "Noah", "Elena",
    "Omar", "Grace", "Hiro", "Zoe", "Daniel", "Amara", "Lucas", "Ingrid", "Ravi", "Chloe", "Mateo",
    "Hannah", "Kwame", "Isabel", "Ethan", "Leila", "Marcus", "Yuki", "Olivia", "Sam", "Nadia",
    "Felix", "Rosa", "Arjun", "Claire", "Diego", "Maya", "Viktor", "Ana",
];
const LAST_NAMES: &[&str] = &[
    "Shah",
    "Okafor",
    "Chen",
    "Garcia",
    "Rahman",
    "Becker",
    "Rossi",
    "Murphy",
    "Haddad",
    "Kim",
    "Novak",
    "Silva",
    "Tanaka",
    "Johnson",
    "Dubois",
    "Mensah",
    "Larsen",
    "Patel",
    "Nguyen",
    "Costa",
    "Schmidt",
    "Owusu",
    "Moreau",
    "Walsh",
    "Ibrahim",
    "Lindqvist",
    "Reyes",
    "Kowalski",
    "Brennan",
    "Sato",
    "Adeyemi",
    "Fischer",
    "Morales",
    "Quinn",
    "Yilmaz",
];
/// Companies and their industries.
const COMPANIES: &[(&str, &str)] = &[
    ("Northwind Traders", "Wholesale"),
    ("Contoso Logistics", "Logistics"),
    ("Fabrikam Health", "Healthcare"),
    ("Tailspin Toys", "Retail"),
    ("Litware Software", "Software"),
    ("Adventure Works", "Manufacturing"),
    ("Wide World Importers", "Wholesale"),
    ("Proseware Labs", "Biotech"),
    ("Woodgrove Bank", "Banking"),
    ("Alpine Ski House", "Hospitality"),
    ("Blue Yonder Airlines", "Aviation"),
    ("Coho Winery", "Food & Beverage"),
    ("Fourth Coffee", "Food & Beverage"),
    ("Graphic Design Institute", "Education"),
    ("Humongous Insurance", "Insurance"),
    ("Lucerne Publishing", "Media"),
    ("Margie's Travel", "Travel"),
    ("Trey Research", "Consulting"),
    ("VanArsdel Ltd", "Construction"),
    ("Relecloud", "Software"),
    ("Bellows College", "Education"),
    ("Datum Corporation", "Consulting"),
    ("First Up Consultants", "Consulting"),
    ("Southridge Video", "Media"),
];
/// Professions of clients, prospects and colleagues.
const PROFESSIONS: &[&str] = &[
    "CFO",
    "Operations director",
    "Head of procurement",
    "IT manager",
    "Marketing director",
    "Founder",
    "HR manager",
    "Sales director",
    "Plant manager",
    "General counsel",
];
/// Professions that make natural referral partners (seed 003: not all florists).
const ADVISORS: &[&str] = &[
    "Accountant",
    "Attorney",
    "Financial advisor",
    "Insurance agent",
    "Mortgage broker",
    "Banker",
    "Realtor",
    "Business coach",
    "Florist",
    "Architect",
];
const TAGS: &[&str] = &[
    "golf",
    "alumni",
    "board",
    "vip",
    "conference",
    "church",
    "school-parents",
    "running-club",
];
const MET: &[&str] = &[
    "Met at the regional trade show",
    "Introduced over lunch by a client",
    "Sat next to each other at a conference dinner",
    "Former colleague at my previous company",
    "Kids go to the same school",
    "Found us through the website",
    "Met at the chamber of commerce breakfast",
];
const TOPICS: &[&str] = &[
    "warehouse automation",
    "pricing in a downturn",
    "hiring senior engineers",
    "supply-chain risk",
    "the new tax rules",
    "remote onboarding",
    "customer retention",
    "sustainability reporting",
];

/// Relationship kinds and how common each is in a salesperson's network.
const KINDS: &[(&str, u32)] = &[
    ("client", 25),
    ("former_client", 10),
    ("prospect", 15),
    ("colleague", 10),
    ("referral_partner", 10),
    ("friend", 12),
    ("family", 4),
    ("neighbor", 5),
    ("other", 9),
];

/// How a relationship has been kept: its share of the history.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rhythm {
    /// Touched throughout the three years, `weight` times as often as the quietest.
    Kept(f64),
    /// Touched in the past, not for over a year.
    Lapsed(f64),
    Never,
}

fn pick<'a>(rng: &mut StdRng, items: &'a [&'a str]) -> &'a str {
    items.choose(rng).expect("lists are not empty")
}

fn planned_contact(rng: &mut StdRng, index: usize, now: DateTime<Utc>) -> (PlannedContact, Rhythm) {
    let kinds = WeightedIndex::new(KINDS.iter().map(|(_, w)| w)).expect("weights");
    let kind = KINDS[kinds.sample(rng)].0;
    let first = pick(rng, FIRST_NAMES);
    let last = pick(rng, LAST_NAMES);
    let business = matches!(
        kind,
        "client" | "former_client" | "prospect" | "colleague" | "referral_partner"
    );
    let (company, industry) = if business || rng.random_bool(0.5) {
        let (company, industry) = COMPANIES[rng.random_range(0..COMPANIES.len())];
        (Some(company), Some(industry))
    } else {
        (None, None)
    };
    let profession = if kind == "referral_partner" {
        Some(pick(rng, ADVISORS))
    } else if business || rng.random_bool(0.6) {
        let list = if rng.random_bool(0.8) {
            PROFESSIONS
        } else {
            ADVISORS
        };
        Some(pick(rng, list))
    } else {
        None
    };
    let domain = company.map_or("example.net".to_owned(), |c| {
        let slug: String = c
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase();
        format!("{slug}.example")
    });
    // The index keeps addresses distinct in a network larger than the name lists.
    let email = format!(
        "{}.{}{index}@{domain}",
        first.to_lowercase(),
        last.to_lowercase()
    );
    let mut body = json!({
        "first_name": first,
        "last_name": last,
        "emails": [email],
        "relationship_kind": kind,
        "company": company,
        "industry": industry,
        "profession": profession,
    });
    if rng.random_bool(0.5) {
        body["phones"] = json!([format!(
            "+1 555 01{:02} {:04}",
            rng.random_range(0..100),
            rng.random_range(0..10_000)
        )]);
    }
    if rng.random_bool(0.6) {
        let (month, day) = (rng.random_range(1..=12u32), rng.random_range(1..=28u32));
        let year = rng.random_bool(0.5).then(|| rng.random_range(1955..=2000));
        body["birthday"] = json!({"month": month, "day": day, "year": year});
    }
    if business && rng.random_bool(0.2) {
        body["important_dates"] = json!([{
            "label": "Work anniversary",
            "month": rng.random_range(1..=12u32),
            "day": rng.random_range(1..=28u32),
            "year": rng.random_range(2008..=2024),
        }]);
    }
    if rng.random_bool(0.8) {
        let trust = WeightedIndex::new([5, 15, 35, 30, 15]).expect("weights");
        body["trust"] = json!(trust.sample(rng) + 1);
    }
    if rng.random_bool(0.05) {
        body["cadence_days"] = json!([14, 21, 180].choose(rng));
    }
    if rng.random_bool(0.3) {
        let count = rng.random_range(1..=2);
        let tags: Vec<&str> = TAGS.choose_multiple(rng, count).copied().collect();
        body["tags"] = json!(tags);
    }
    if rng.random_bool(0.4) {
        body["how_we_met"] = json!(pick(rng, MET));
    }

    let roll: f64 = rng.random();
    let rhythm = if roll < 0.04 {
        Rhythm::Never
    } else if roll < 0.14 {
        Rhythm::Lapsed(1.0 + 2.0 * rng.random::<f64>())
    } else {
        // Most relationships get a little attention, a few a lot.
        Rhythm::Kept(1.0 + 9.0 * rng.random::<f64>().powi(3))
    };
    let added_days_ago = match rhythm {
        Rhythm::Never => rng.random_range(0..60),
        Rhythm::Lapsed(_) => rng.random_range(500..HISTORY_DAYS),
        Rhythm::Kept(_) => rng.random_range(30..HISTORY_DAYS),
    };
    let holder = if rng.random_bool(0.75) {
        Holder::You
    } else {
        Holder::Colleague
    };
    let contact = PlannedContact {
        body,
        added_at: now
            - Duration::days(added_days_ago)
            - Duration::minutes(rng.random_range(0..1440)),
        holder,
    };
    (contact, rhythm)
}

/// An interaction's kind, channel and one-line summary.
fn touch(rng: &mut StdRng, company: Option<&str>) -> (&'static str, &'static str, String) {
    let topic = pick(rng, TOPICS);
    let somewhere = company.unwrap_or("their team");
    let choices: [(&str, &[&str], u32); 14] = [
        ("catch_up", &["phone", "video", "in_person"], 20),
        ("meeting", &["in_person", "video"], 14),
        ("shared_content", &["email", "social"], 14),
        ("event", &["event"], 6),
        ("handwritten_note", &["letter"], 5),
        ("offered_help", &["phone", "email", "in_person"], 6),
        ("introduction_made", &["email", "in_person"], 4),
        ("referral_given", &["phone", "in_person"], 3),
        ("thanks_sent", &["letter", "email"], 4),
        ("gift", &["in_person", "letter"], 2),
        ("holiday_wish", &["email", "letter"], 3),
        ("thanks_received", &["email", "phone"], 4),
        ("referral_ask", &["in_person", "phone", "video"], 4),
        ("favor_ask", &["phone", "email"], 3),
    ];
    let index = WeightedIndex::new(choices.iter().map(|c| c.2))
        .expect("weights")
        .sample(rng);
    let (kind, channels, _) = choices[index];
    let channel = *channels.choose(rng).expect("channels");
    let summary = match kind {
        "catch_up" => format!("Caught up on how things are going at {somewhere}"),
        "meeting" => format!("Reviewed plans for next quarter with {somewhere}"),
        "shared_content" => format!("Sent an article on {topic}"),
        "event" => "Saw each other at the industry meetup".to_owned(),
        "handwritten_note" => "Sent a handwritten note of appreciation".to_owned(),
        "offered_help" => format!("Offered help with {topic}"),
        "introduction_made" => "Introduced them to a contact who can help".to_owned(),
        "referral_given" => "Referred a new client their way".to_owned(),
        "thanks_sent" => "Thanked them for the introduction".to_owned(),
        "gift" => "Dropped off a small gift".to_owned(),
        "holiday_wish" => "Sent season's greetings".to_owned(),
        "thanks_received" => "They thanked us for our help".to_owned(),
        "referral_ask" => format!("Asked who else at {somewhere} struggles with {topic}"),
        _ => "Asked for a small favour".to_owned(),
    };
    (kind, channel, summary)
}

/// A network of `contacts` contacts and about `interactions` interactions over three years
/// up to `now`.
pub fn generate(seed: u64, contacts: usize, interactions: usize, now: DateTime<Utc>) -> Network {
    let mut rng = StdRng::seed_from_u64(seed);
    let (planned, rhythms): (Vec<_>, Vec<_>) = (0..contacts)
        .map(|index| planned_contact(&mut rng, index, now))
        .unzip();
    let weights: Vec<f64> = rhythms
        .iter()
        .map(|rhythm| match rhythm {
            Rhythm::Kept(weight) | Rhythm::Lapsed(weight) => *weight,
            Rhythm::Never => 0.0,
        })
        .collect();
    let mut history = Vec::with_capacity(interactions);
    if let Ok(chooser) = WeightedIndex::new(&weights) {
        for _ in 0..interactions {
            let first = chooser.sample(&mut rng);
            let mut with = vec![first];
            // Some touches are shared: a meeting or an event with two people.
            if rng.random_bool(0.1) {
                let second = chooser.sample(&mut rng);
                if second != first {
                    with.push(second);
                }
            }
            // Within the window where every participant was known and, for a lapsed
            // relationship, before it went quiet. Everyone's own window is open (see
            // `planned_contact`), so only a shared touch can fall back to one person.
            let window = |with: &[usize]| {
                let earliest = with.iter().map(|&i| planned[i].added_at).max();
                let latest = with
                    .iter()
                    .map(|&i| match rhythms[i] {
                        Rhythm::Lapsed(_) => now - Duration::days(400),
                        _ => now - Duration::hours(1),
                    })
                    .min();
                earliest
                    .zip(latest)
                    .filter(|(earliest, latest)| earliest < latest)
            };
            let (earliest, latest) = match window(&with) {
                Some(open) => open,
                None => {
                    with.truncate(1);
                    window(&with).expect("a contact's own window is open")
                }
            };
            let span = (latest - earliest).num_minutes().max(1);
            let occurred_at = earliest + Duration::minutes(rng.random_range(0..span));
            let company = planned[first].body["company"].as_str();
            let (kind, channel, summary) = touch(&mut rng, company);
            history.push(PlannedInteraction {
                contacts: with,
                body: json!({
                    "occurred_at": occurred_at,
                    "channel": channel,
                    "kind": kind,
                    "summary": summary,
                }),
            });
        }
    }
    Network {
        contacts: planned,
        interactions: history,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    #[test]
    fn the_same_seed_gives_the_same_network() {
        let a = generate(7, 50, 200, now());
        let b = generate(7, 50, 200, now());
        let bodies = |n: &Network| {
            n.contacts
                .iter()
                .map(|c| c.body.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(bodies(&a), bodies(&b));
        assert_eq!(a.interactions.len(), b.interactions.len());
    }

    #[test]
    fn every_contact_and_interaction_is_a_valid_request() {
        let network = generate(1, 300, 2000, now());
        for contact in &network.contacts {
            serde_json::from_value::<crate::contacts::domain::NewContact>(contact.body.clone())
                .unwrap_or_else(|e| panic!("{e}: {}", contact.body));
            assert!(contact.added_at <= now());
        }
        for interaction in &network.interactions {
            let mut body = interaction.body.clone();
            body["contact_ids"] = json!([uuid::Uuid::now_v7()]);
            serde_json::from_value::<crate::interactions::domain::NewInteraction>(body)
                .unwrap_or_else(|e| panic!("{e}: {}", interaction.body));
        }
    }

    #[test]
    fn history_lies_between_meeting_someone_and_now() {
        let network = generate(2, 300, 3000, now());
        assert_eq!(network.interactions.len(), 3000);
        for interaction in &network.interactions {
            let at: DateTime<Utc> =
                serde_json::from_value(interaction.body["occurred_at"].clone()).unwrap();
            assert!(at < now());
            for &index in &interaction.contacts {
                assert!(at >= network.contacts[index].added_at);
            }
        }
    }

    #[test]
    fn asks_for_referrals_are_made_live() {
        let network = generate(3, 100, 3000, now());
        let asks: Vec<&Value> = network
            .interactions
            .iter()
            .map(|i| &i.body)
            .filter(|b| b["kind"] == "referral_ask")
            .collect();
        assert!(!asks.is_empty());
        for ask in asks {
            assert!(
                ["in_person", "phone", "video"].contains(&ask["channel"].as_str().unwrap()),
                "{ask}"
            );
        }
    }

    #[test]
    fn the_network_is_mixed() {
        let network = generate(4, 1000, 6000, now());
        let kinds: std::collections::BTreeSet<&str> = network
            .contacts
            .iter()
            .map(|c| c.body["relationship_kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds.len(), KINDS.len());
        let touched: std::collections::BTreeSet<usize> = network
            .interactions
            .iter()
            .flat_map(|i| i.contacts.iter().copied())
            .collect();
        let never = network.contacts.len() - touched.len();
        assert!(
            (10..100).contains(&never),
            "a few contacts never contacted: {never}"
        );
    }
}
