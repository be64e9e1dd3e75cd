//! Warm paths (DESIGN R9), pure: the best chains of acquaintance from a member of the
//! team to someone they want to meet.
//!
//! People are nodes: members, where paths start, and contacts. Links are undirected for
//! the search (a manager knows who reports to them), with a strength 1–5; between two
//! people only their strongest link counts. A path never revisits anyone, never passes
//! through a member, and ends at the first target it reaches.
//!
//! Ranking, best first:
//! 1. path strength: the product of each link's strength ÷ 5 (two links of 5 → 1.0; a 5
//!    and a 3 → 0.6), so every weak link and every extra hop costs;
//! 2. fewer hops;
//! 3. the most recent interaction with the first contact on the path (whom to ask
//!    first: a warm relationship beats a cold one);
//! 4. the order the links were recorded in, so that the answer is stable.
//!
//! Best-first search on that order: extending a path never makes it better, so complete
//! paths come off the queue in rank order and the search stops at the `limit`-th. A path
//! is only extended towards people within reach of a target in the hops left (one
//! breadth-first pass from the targets first).

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

/// Links between people; nodes `0..members` are the members, the rest contacts.
pub struct Graph<L> {
    members: usize,
    adjacency: Vec<Vec<(u32, u8, L)>>,
}

impl<L: Copy> Graph<L> {
    /// `links` as (one end, other end, strength 1–5, label); of several links between the
    /// same two people the strongest (then the first) is kept; links between two members
    /// are ignored.
    pub fn new(
        members: usize,
        contacts: usize,
        links: impl IntoIterator<Item = (u32, u32, u8, L)>,
    ) -> Self {
        let nodes = members + contacts;
        let mut best: HashMap<(u32, u32), (u8, L)> = HashMap::new();
        let mut order: Vec<(u32, u32)> = Vec::new();
        for (a, b, strength, label) in links {
            let is_member = |n: u32| (n as usize) < members;
            if a == b
                || (a as usize) >= nodes
                || (b as usize) >= nodes
                || (is_member(a) && is_member(b))
            {
                continue;
            }
            let key = (a.min(b), a.max(b));
            match best.get_mut(&key) {
                Some(kept) if kept.0 >= strength => {}
                Some(kept) => *kept = (strength, label),
                None => {
                    best.insert(key, (strength, label));
                    order.push(key);
                }
            }
        }
        let mut adjacency = vec![Vec::new(); nodes];
        for key in order {
            let (strength, label) = best[&key];
            adjacency[key.0 as usize].push((key.1, strength, label));
            adjacency[key.1 as usize].push((key.0, strength, label));
        }
        Graph { members, adjacency }
    }

    /// Whether two people have a link.
    pub fn linked(&self, one: u32, other: u32) -> bool {
        self.adjacency
            .get(one as usize)
            .is_some_and(|links| links.iter().any(|&(node, _, _)| node == other))
    }

    fn is_member(&self, node: u32) -> bool {
        (node as usize) < self.members
    }
}

/// A path found: the people in order (a member first), the labels of the links between
/// them, and its strength.
#[derive(Debug, Clone, PartialEq)]
pub struct Path<L> {
    pub people: Vec<u32>,
    pub links: Vec<L>,
    pub strength: f64,
}

/// One step of a path being extended: where it is, how it got there, from which step.
struct Step<L> {
    node: u32,
    link: Option<L>,
    parent: Option<usize>,
    hops: u8,
    strength: f64,
    /// Recency of the first contact (bigger is more recent).
    warmth: i64,
}

/// A queue entry: the step and what it ranks by.
struct Queued {
    strength: f64,
    hops: u8,
    warmth: i64,
    step: usize,
}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        self.strength
            .total_cmp(&other.strength)
            .then(other.hops.cmp(&self.hops))
            .then(self.warmth.cmp(&other.warmth))
            .then(other.step.cmp(&self.step))
    }
}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Queued {}

/// Steps taken at most per search: a bound on the work whatever the graph (a search that
/// reaches it answers the paths found so far).
pub const MAX_STEPS: usize = 500_000;

/// The best `limit` paths of at most `max_hops` links from any member to any of
/// `targets`, ranked as the module says; `recency` scores a first contact's last
/// interaction (bigger is more recent).
pub fn best_paths<L: Copy>(
    graph: &Graph<L>,
    targets: &[u32],
    max_hops: u8,
    limit: usize,
    recency: impl Fn(u32) -> i64,
) -> Vec<Path<L>> {
    let nodes = graph.adjacency.len();
    // Hops from each person to the nearest target, through contacts only.
    let mut distance = vec![u8::MAX; nodes];
    let mut frontier: Vec<u32> = Vec::new();
    for &target in targets {
        if (target as usize) < nodes && !graph.is_member(target) {
            distance[target as usize] = 0;
            frontier.push(target);
        }
    }
    for depth in 1..=max_hops {
        let mut next = Vec::new();
        for node in frontier {
            for &(neighbour, _, _) in &graph.adjacency[node as usize] {
                if distance[neighbour as usize] == u8::MAX {
                    distance[neighbour as usize] = depth;
                    // Members start paths; nobody is reached through one.
                    if !graph.is_member(neighbour) {
                        next.push(neighbour);
                    }
                }
            }
        }
        frontier = next;
    }

    let mut steps: Vec<Step<L>> = Vec::new();
    let mut queue = BinaryHeap::new();
    for member in 0..graph.members as u32 {
        if distance[member as usize] <= max_hops {
            steps.push(Step {
                node: member,
                link: None,
                parent: None,
                hops: 0,
                strength: 1.0,
                warmth: i64::MIN,
            });
            queue.push(Queued {
                strength: 1.0,
                hops: 0,
                warmth: i64::MIN,
                step: steps.len() - 1,
            });
        }
    }
    let on_path = |steps: &[Step<L>], mut at: usize, node: u32| loop {
        if steps[at].node == node {
            return true;
        }
        match steps[at].parent {
            Some(parent) => at = parent,
            None => return false,
        }
    };
    let mut found = Vec::new();
    while let Some(Queued { step, .. }) = queue.pop() {
        if found.len() >= limit || steps.len() >= MAX_STEPS {
            break;
        }
        let (node, hops, strength, warmth) = {
            let s = &steps[step];
            (s.node, s.hops, s.strength, s.warmth)
        };
        if hops > 0 && distance[node as usize] == 0 {
            found.push(path_of(&steps, step));
            continue;
        }
        for &(neighbour, link_strength, label) in &graph.adjacency[node as usize] {
            let hops = hops + 1;
            if graph.is_member(neighbour)
                || distance[neighbour as usize] > max_hops - hops.min(max_hops)
                || on_path(&steps, step, neighbour)
            {
                continue;
            }
            let strength = strength * f64::from(link_strength) / 5.0;
            let warmth = if hops == 1 {
                recency(neighbour)
            } else {
                warmth
            };
            steps.push(Step {
                node: neighbour,
                link: Some(label),
                parent: Some(step),
                hops,
                strength,
                warmth,
            });
            queue.push(Queued {
                strength,
                hops,
                warmth,
                step: steps.len() - 1,
            });
        }
    }
    found
}

fn path_of<L: Copy>(steps: &[Step<L>], last: usize) -> Path<L> {
    let mut people = Vec::new();
    let mut links = Vec::new();
    let mut at = Some(last);
    while let Some(step) = at {
        people.push(steps[step].node);
        links.extend(steps[step].link);
        at = steps[step].parent;
    }
    people.reverse();
    links.reverse();
    Path {
        people,
        links,
        strength: steps[last].strength,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Members 0 and 1; contacts 2.. .
    fn graph(links: &[(u32, u32, u8)]) -> Graph<usize> {
        let contacts = links.iter().map(|l| l.0.max(l.1)).max().unwrap_or(1) as usize;
        Graph::new(
            2,
            contacts,
            links.iter().enumerate().map(|(i, &(a, b, s))| (a, b, s, i)),
        )
    }

    fn people(paths: &[Path<usize>]) -> Vec<Vec<u32>> {
        paths.iter().map(|p| p.people.clone()).collect()
    }

    #[test]
    fn the_vp_is_three_hops_away_through_a_colleagues_mother() {
        // Member 0 works with contact 2, whose mother (3) assists the VP (4).
        let g = graph(&[(0, 2, 5), (2, 3, 5), (3, 4, 4)]);
        let found = best_paths(&g, &[4], 3, 10, |_| 0);
        assert_eq!(people(&found), [vec![0, 2, 3, 4]]);
        assert_eq!(found[0].links, [0, 1, 2]);
        assert!((found[0].strength - 0.8).abs() < 1e-9);
        assert!(best_paths(&g, &[4], 2, 10, |_| 0).is_empty());
    }

    #[test]
    fn stronger_paths_rank_first_then_shorter_then_warmer() {
        // To 9: via 2 (5, 5 → 1.0), via 3 (5, 3 → 0.6), via 4 and 5 (all 5, 3 hops → 1.0),
        // via 6 (5, 5 → 1.0, but 6 is warmer than 2).
        let g = graph(&[
            (0, 2, 5),
            (2, 9, 5),
            (0, 3, 5),
            (3, 9, 3),
            (0, 4, 5),
            (4, 5, 5),
            (5, 9, 5),
            (1, 6, 5),
            (6, 9, 5),
        ]);
        let recency = |node: u32| if node == 6 { 100 } else { 1 };
        let found = best_paths(&g, &[9], 3, 10, recency);
        assert_eq!(
            people(&found),
            [
                vec![1, 6, 9],
                vec![0, 2, 9],
                vec![0, 4, 5, 9],
                vec![0, 3, 9]
            ]
        );
        let strengths: Vec<f64> = found.iter().map(|p| p.strength).collect();
        assert_eq!(strengths, [1.0, 1.0, 1.0, 0.6]);
        assert_eq!(
            people(&best_paths(&g, &[9], 3, 2, recency)),
            people(&found[..2])
        );
    }

    #[test]
    fn paths_start_at_members_and_never_pass_through_one() {
        // 2 knows member 1, who knows 3, who knows the target 4: not a path for member 0.
        let g = graph(&[(0, 2, 5), (2, 1, 5), (1, 3, 5), (3, 4, 5)]);
        assert_eq!(people(&best_paths(&g, &[4], 4, 10, |_| 0)), [vec![1, 3, 4]]);
    }

    #[test]
    fn a_path_ends_at_the_first_target_and_visits_nobody_twice() {
        // Targets 3 and 4 at one company; 3 sits between the member and 4.
        let g = graph(&[(0, 2, 5), (2, 3, 5), (3, 4, 5), (2, 5, 5), (5, 2, 4)]);
        let found = best_paths(&g, &[3, 4], 4, 10, |_| 0);
        assert_eq!(people(&found), [vec![0, 2, 3]]);
    }

    #[test]
    fn the_strongest_of_two_links_between_the_same_people_counts() {
        let g = graph(&[(0, 2, 2), (2, 3, 1), (3, 2, 4)]);
        let found = best_paths(&g, &[3], 3, 10, |_| 0);
        assert_eq!(found[0].links, [0, 2]);
        assert!((found[0].strength - 0.32).abs() < 1e-9);
    }

    #[test]
    fn nothing_within_reach_is_an_empty_answer() {
        let g = graph(&[(0, 2, 5), (3, 4, 5)]);
        assert!(best_paths(&g, &[4], 4, 10, |_| 0).is_empty());
        assert!(best_paths(&g, &[], 4, 10, |_| 0).is_empty());
    }

    #[test]
    fn linked_is_either_way_and_only_for_links() {
        let graph = Graph::new(1, 3, [(1, 2, 3, ()), (0, 3, 5, ())]);
        assert!(graph.linked(1, 2) && graph.linked(2, 1) && graph.linked(3, 0));
        assert!(!graph.linked(1, 3) && !graph.linked(9, 1));
    }
}
