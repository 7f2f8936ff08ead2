//! Structural balance: the signed relation graph, its triangles, and hedging.
//!
//! Heider's balance theory reads a triangle of relations by the product of its signs:
//! "the friend of my friend is my friend" (`+ + +`) and "the enemy of my enemy is my
//! friend" (`+ - -`) are balanced (product `+`); "a friend of my friend is my enemy"
//! (`+ + -`) and three mutual enemies (`- - -`) are unbalanced (product `-`) and, the
//! theory says, under strain to change.
//!
//! Real dyads are often [`Sign::Mixed`]; by default ([`MixedPolicy::Ambiguous`]) a
//! triangle with a mixed edge is neither balanced nor unbalanced but
//! [`TriadKind::Ambiguous`]: with one mixed edge the triangle is balanced if the mixed
//! relation is read one way and unbalanced if read the other, which is exactly the
//! position the [`Hedging`] score measures.
//!
//! # Hedging score
//!
//! For an actor X and a hostile pair (A, B) (dyad A–B has [`Sign::Hostile`]), with X in
//! a dyad with both:
//!
//! ```text
//! hedging(X; A, B) = hostility(A, B) × min(coop(X, A), coop(X, B))
//! ```
//!
//! where `coop(X, Y)` = [`Dyad::cooperation_share`], the Goldstein-weighted share of
//! cooperation between X and Y (0..=1), and `hostility(A, B)` = `1 - coop(A, B)`.
//!
//! It is the cooperation X keeps with the side it is *less* cooperative with, scaled by
//! how hostile the two sides are. 1 is a perfect hedger: fully cooperative with two
//! actors at open war with each other (the unbalanced `+ + -` triangle). An aligned
//! actor (cooperative with A, hostile to B: the balanced "enemy of my enemy" triangle)
//! scores 0, however cooperative it is with A; an actor hostile to both scores about 0.
//! The minimum is used rather than a mean or a ratio because a mean gives an aligned
//! actor 0.5, and a ratio `min/max` gives an actor hostile to both sides (0.05 and 0.05)
//! a full 1. [`Hedging::leans_to`] says which side X favours.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::dyads::{dyads, Dyad, DyadOptions, Sign};
use crate::EventRow;

/// How a [`Sign::Mixed`] edge enters triangles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MixedPolicy {
    /// A triangle with a mixed edge is [`TriadKind::Ambiguous`] (default).
    #[default]
    Ambiguous,
    /// Mixed counts as `+`.
    Positive,
    /// Mixed counts as `-`.
    Negative,
    /// Mixed edges are left out of the graph: no triangle uses them.
    Ignore,
}

impl std::str::FromStr for MixedPolicy {
    type Err = crate::RelationsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ambiguous" => Ok(MixedPolicy::Ambiguous),
            "positive" => Ok(MixedPolicy::Positive),
            "negative" => Ok(MixedPolicy::Negative),
            "ignore" => Ok(MixedPolicy::Ignore),
            other => Err(crate::RelationsError::UnknownMixedPolicy(other.to_string())),
        }
    }
}

/// What [`balance`] computes over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BalanceOptions {
    /// How dyads are formed. `directed` and `focus` are ignored: the signed graph is
    /// undirected and whole. `min_events` is the evidence an edge needs.
    pub dyads: DyadOptions,
    pub mixed: MixedPolicy,
    /// Only hedging scores above this are reported (default 0: any positive score).
    pub min_hedging: f64,
    /// Only triangles and hedging that involve this actor (`aras balance AZE`).
    pub focus: Option<String>,
}

impl Default for BalanceOptions {
    fn default() -> Self {
        BalanceOptions {
            dyads: DyadOptions::default(),
            mixed: MixedPolicy::Ambiguous,
            min_hedging: 0.0,
            focus: None,
        }
    }
}

/// One undirected edge of the signed graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub a: String,
    pub b: String,
    pub sign: Sign,
    pub events: u32,
    pub clusters: u32,
    /// Goldstein-weighted share of cooperation ([`Dyad::cooperation_share`]).
    pub cooperation_share: f64,
    pub goldstein_mean: f64,
}

impl From<&Dyad> for Edge {
    fn from(d: &Dyad) -> Edge {
        Edge {
            a: d.a.clone(),
            b: d.b.clone(),
            sign: d.sign,
            events: d.events,
            clusters: d.clusters,
            cooperation_share: d.cooperation_share(),
            goldstein_mean: d.goldstein_mean,
        }
    }
}

/// Balance class of a triangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TriadKind {
    /// Product of signs `+`.
    Balanced,
    /// Product of signs `-`.
    Unbalanced,
    /// A mixed edge under [`MixedPolicy::Ambiguous`].
    Ambiguous,
}

/// One triangle of the signed graph, actors in alphabetical order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Triad {
    pub actors: [String; 3],
    /// Signs of the edges `actors[0]–actors[1]`, `actors[1]–actors[2]`,
    /// `actors[0]–actors[2]`.
    pub signs: [Sign; 3],
    pub kind: TriadKind,
    /// Counted events on the same three edges: the evidence behind the signs.
    pub events: [u32; 3],
    /// Distinct clusters on the same three edges.
    pub clusters: [u32; 3],
    /// The textbook reading of the sign pattern ("the enemy of my enemy is my friend").
    pub reading: String,
}

/// An actor between two mutually hostile actors (see the module docs for the score).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hedging {
    /// The actor in between.
    pub actor: String,
    /// The hostile pair, alphabetical.
    pub between: [String; 2],
    pub score: f64,
    /// `1 - coop(A, B)`.
    pub hostility: f64,
    /// `coop(X, A)`, `coop(X, B)` in the order of `between`.
    pub cooperation: [f64; 2],
    /// Signs of X–A and X–B.
    pub signs: [Sign; 2],
    /// Events X–A, X–B, A–B.
    pub events: [u32; 3],
    /// The side X cooperates with more; `None` when even (within 0.05).
    pub leans_to: Option<String>,
}

/// The signed graph, its triangles and the hedgers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BalanceReport {
    /// Edges with evidence (not [`Sign::Neutral`]), most events first.
    pub edges: Vec<Edge>,
    /// Every triangle, unbalanced first, then ambiguous, then balanced; within a class
    /// by total events, descending.
    pub triads: Vec<Triad>,
    pub balanced: u32,
    pub unbalanced: u32,
    pub ambiguous: u32,
    /// `balanced / (balanced + unbalanced)`: the share of decided triangles that are
    /// balanced, `None` when none is decided.
    pub balance_ratio: Option<f64>,
    /// Hedging scores above [`BalanceOptions::min_hedging`], highest first.
    pub hedging: Vec<Hedging>,
}

/// The balance class of a triangle with edge signs `signs` under `policy`; `None` when
/// an edge is [`Sign::Neutral`] or (under [`MixedPolicy::Ignore`]) mixed: then there is
/// no triangle.
pub fn classify(signs: [Sign; 3], policy: MixedPolicy) -> Option<TriadKind> {
    let mut negative = 0;
    for sign in signs {
        match (sign, policy) {
            (Sign::Neutral, _) | (Sign::Mixed, MixedPolicy::Ignore) => return None,
            (Sign::Mixed, MixedPolicy::Ambiguous) => return Some(TriadKind::Ambiguous),
            (Sign::Cooperative, _) | (Sign::Mixed, MixedPolicy::Positive) => {}
            (Sign::Hostile, _) | (Sign::Mixed, MixedPolicy::Negative) => negative += 1,
        }
    }
    Some(if negative % 2 == 0 {
        TriadKind::Balanced
    } else {
        TriadKind::Unbalanced
    })
}

/// The textbook reading of a triangle's signs (order does not matter).
pub fn reading(signs: [Sign; 3]) -> &'static str {
    let count = |s: Sign| signs.iter().filter(|x| **x == s).count();
    match (
        count(Sign::Cooperative),
        count(Sign::Hostile),
        count(Sign::Mixed),
    ) {
        (3, 0, 0) => "the friend of my friend is my friend",
        (1, 2, 0) => "the enemy of my enemy is my friend",
        (2, 1, 0) => "a friend of my friend is my enemy",
        (0, 3, 0) => "three mutual enemies",
        (2, 0, 1) | (1, 0, 2) | (0, 0, 3) => "friends with strains",
        (1, 1, 1) => "between a friend and an enemy, with a mixed tie",
        (0, 2, 1) => "two enemies of one, themselves mixed",
        _ => "mixed relations",
    }
}

/// The hedging score of an actor with cooperation shares `coop_with_a` and
/// `coop_with_b` toward two actors whose own cooperation share is `coop_a_b` (see the
/// module docs). All inputs in 0..=1.
pub fn hedging_score(coop_with_a: f64, coop_with_b: f64, coop_a_b: f64) -> f64 {
    aras_schema::numbers::round(
        (1.0 - coop_a_b) * coop_with_a.min(coop_with_b),
        aras_schema::numbers::RATIO_DECIMALS,
    )
}

/// The signed graph of `rows`, its triangles and the hedgers (see the module docs).
pub fn balance(rows: &[EventRow], options: &BalanceOptions) -> BalanceReport {
    let dyad_options = DyadOptions {
        directed: false,
        focus: None,
        ..options.dyads.clone()
    };
    let all = dyads(rows, &dyad_options);
    balance_of_dyads(&all, options)
}

/// [`balance`] over dyads already computed (undirected ones; directed dyads are read
/// as if undirected, the first of a pair seen winning).
pub fn balance_of_dyads(all: &[Dyad], options: &BalanceOptions) -> BalanceReport {
    let mut edges: BTreeMap<(String, String), Edge> = BTreeMap::new();
    for d in all.iter().filter(|d| d.sign != Sign::Neutral) {
        let key = ordered(&d.a, &d.b);
        edges.entry(key).or_insert_with(|| {
            let mut e = Edge::from(d);
            if e.a > e.b {
                std::mem::swap(&mut e.a, &mut e.b);
            }
            e
        });
    }
    let mut neighbours: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in edges.values() {
        neighbours.entry(&e.a).or_default().insert(&e.b);
        neighbours.entry(&e.b).or_default().insert(&e.a);
    }
    let edge = |x: &str, y: &str| edges.get(&ordered(x, y));
    let involves_focus = |names: &[&str]| match &options.focus {
        Some(f) => names.iter().any(|n| n == f),
        None => true,
    };

    let mut triads = Vec::new();
    for e in edges.values() {
        let (u, v) = (e.a.as_str(), e.b.as_str());
        let (Some(nu), Some(nv)) = (neighbours.get(u), neighbours.get(v)) else {
            continue;
        };
        for w in nu.intersection(nv).filter(|w| **w > v) {
            if !involves_focus(&[u, v, w]) {
                continue;
            }
            let (Some(vw), Some(uw)) = (edge(v, w), edge(u, w)) else {
                continue;
            };
            let signs = [e.sign, vw.sign, uw.sign];
            let Some(kind) = classify(signs, options.mixed) else {
                continue;
            };
            triads.push(Triad {
                actors: [u.to_string(), v.to_string(), w.to_string()],
                signs,
                kind,
                events: [e.events, vw.events, uw.events],
                clusters: [e.clusters, vw.clusters, uw.clusters],
                reading: reading(signs).to_string(),
            });
        }
    }
    let rank = |k: TriadKind| match k {
        TriadKind::Unbalanced => 0,
        TriadKind::Ambiguous => 1,
        TriadKind::Balanced => 2,
    };
    triads.sort_by(|x, y| {
        rank(x.kind)
            .cmp(&rank(y.kind))
            .then_with(|| y.events.iter().sum::<u32>().cmp(&x.events.iter().sum()))
            .then_with(|| x.actors.cmp(&y.actors))
    });
    let count = |k: TriadKind| triads.iter().filter(|t| t.kind == k).count() as u32;
    let (balanced, unbalanced, ambiguous) = (
        count(TriadKind::Balanced),
        count(TriadKind::Unbalanced),
        count(TriadKind::Ambiguous),
    );
    let decided = balanced + unbalanced;
    let balance_ratio = (decided > 0).then(|| {
        aras_schema::numbers::round(
            f64::from(balanced) / f64::from(decided),
            aras_schema::numbers::RATIO_DECIMALS,
        )
    });

    let mut hedging = Vec::new();
    for ab in edges.values().filter(|e| e.sign == Sign::Hostile) {
        let (a, b) = (ab.a.as_str(), ab.b.as_str());
        let (Some(na), Some(nb)) = (neighbours.get(a), neighbours.get(b)) else {
            continue;
        };
        for x in na.intersection(nb) {
            if !involves_focus(&[x]) {
                continue;
            }
            let (Some(xa), Some(xb)) = (edge(x, a), edge(x, b)) else {
                continue;
            };
            let score = hedging_score(
                xa.cooperation_share,
                xb.cooperation_share,
                ab.cooperation_share,
            );
            if score <= options.min_hedging {
                continue;
            }
            let lean = xa.cooperation_share - xb.cooperation_share;
            hedging.push(Hedging {
                actor: x.to_string(),
                between: [a.to_string(), b.to_string()],
                score,
                hostility: 1.0 - ab.cooperation_share,
                cooperation: [xa.cooperation_share, xb.cooperation_share],
                signs: [xa.sign, xb.sign],
                events: [xa.events, xb.events, ab.events],
                leans_to: if lean > 0.05 {
                    Some(a.to_string())
                } else if lean < -0.05 {
                    Some(b.to_string())
                } else {
                    None
                },
            });
        }
    }
    hedging.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.actor.cmp(&y.actor))
            .then_with(|| x.between.cmp(&y.between))
    });

    let mut edges: Vec<Edge> = edges.into_values().collect();
    edges.sort_by(|x, y| {
        y.events
            .cmp(&x.events)
            .then_with(|| x.a.cmp(&y.a))
            .then_with(|| x.b.cmp(&y.b))
    });
    BalanceReport {
        edges,
        triads,
        balanced,
        unbalanced,
        ambiguous,
        balance_ratio,
        hedging,
    }
}

fn ordered(x: &str, y: &str) -> (String, String) {
    if x <= y {
        (x.to_string(), y.to_string())
    } else {
        (y.to_string(), x.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Sign::{Cooperative as P, Hostile as N, Mixed as M, Neutral as Z};

    #[test]
    fn textbook_triangles() {
        // (signs, policy, expected class, reading)
        let cases: &[([Sign; 3], MixedPolicy, Option<TriadKind>, &str)] = &[
            (
                [P, P, P],
                MixedPolicy::Ambiguous,
                Some(TriadKind::Balanced),
                "the friend of my friend is my friend",
            ),
            (
                [P, N, N],
                MixedPolicy::Ambiguous,
                Some(TriadKind::Balanced),
                "the enemy of my enemy is my friend",
            ),
            (
                [N, P, N],
                MixedPolicy::Ambiguous,
                Some(TriadKind::Balanced),
                "the enemy of my enemy is my friend",
            ),
            (
                [P, P, N],
                MixedPolicy::Ambiguous,
                Some(TriadKind::Unbalanced),
                "a friend of my friend is my enemy",
            ),
            (
                [N, P, P],
                MixedPolicy::Ambiguous,
                Some(TriadKind::Unbalanced),
                "a friend of my friend is my enemy",
            ),
            (
                [N, N, N],
                MixedPolicy::Ambiguous,
                Some(TriadKind::Unbalanced),
                "three mutual enemies",
            ),
            // The hedger: cooperative with one, mixed with the other, the two hostile.
            (
                [P, M, N],
                MixedPolicy::Ambiguous,
                Some(TriadKind::Ambiguous),
                "between a friend and an enemy, with a mixed tie",
            ),
            (
                [P, M, N],
                MixedPolicy::Positive,
                Some(TriadKind::Unbalanced),
                "between a friend and an enemy, with a mixed tie",
            ),
            (
                [P, M, N],
                MixedPolicy::Negative,
                Some(TriadKind::Balanced),
                "between a friend and an enemy, with a mixed tie",
            ),
            (
                [P, M, N],
                MixedPolicy::Ignore,
                None,
                "between a friend and an enemy, with a mixed tie",
            ),
            (
                [P, P, M],
                MixedPolicy::Positive,
                Some(TriadKind::Balanced),
                "friends with strains",
            ),
            (
                [N, N, M],
                MixedPolicy::Negative,
                Some(TriadKind::Unbalanced),
                "two enemies of one, themselves mixed",
            ),
            ([P, P, Z], MixedPolicy::Ambiguous, None, "mixed relations"),
        ];
        for (signs, policy, expected, text) in cases {
            assert_eq!(classify(*signs, *policy), *expected, "{signs:?} {policy:?}");
            assert_eq!(reading(*signs), *text, "{signs:?}");
        }
    }

    #[test]
    fn option_names() {
        for (name, policy) in [
            ("ambiguous", MixedPolicy::Ambiguous),
            ("positive", MixedPolicy::Positive),
            ("negative", MixedPolicy::Negative),
            ("ignore", MixedPolicy::Ignore),
        ] {
            assert_eq!(name.parse::<MixedPolicy>(), Ok(policy));
        }
        assert!("maybe".parse::<MixedPolicy>().is_err());
        assert_eq!("actor".parse(), Ok(crate::Level::Actor));
        assert_eq!("country".parse(), Ok(crate::Level::Country));
        assert!("region".parse::<crate::Level>().is_err());
    }

    #[test]
    fn hedging_scores() {
        // (coop X–A, coop X–B, coop A–B, expected score, what it is)
        let cases = [
            (
                1.0,
                1.0,
                0.0,
                1.0,
                "friend of both sworn enemies: a perfect hedger",
            ),
            (1.0, 0.5, 0.0, 0.5, "friend of one, mixed with the other"),
            (
                1.0,
                0.0,
                0.0,
                0.0,
                "friend of my enemy's enemy: aligned, not hedging",
            ),
            (0.0, 0.0, 0.0, 0.0, "enemy of both"),
            (
                0.05,
                0.05,
                0.0,
                0.05,
                "nearly hostile to both: no hedge to speak of",
            ),
            (1.0, 1.0, 0.2, 0.8, "the pair is not wholly hostile"),
            (0.8, 0.6, 0.1, 0.54, "scaled by hostility"),
        ];
        for (xa, xb, ab, expected, what) in cases {
            let got = hedging_score(xa, xb, ab);
            assert!((got - expected).abs() < 1e-9, "{what}: {got} != {expected}");
            assert_eq!(got, hedging_score(xb, xa, ab), "{what}: symmetric");
        }
    }

    fn dyad(a: &str, b: &str, cooperation: f64, conflict: f64) -> Dyad {
        let sign = Sign::from_weights(cooperation, conflict, crate::dyads::DEFAULT_MIXED_BAND);
        Dyad {
            a: a.into(),
            b: b.into(),
            directed: false,
            events: 1,
            forward: 1,
            backward: 0,
            verbal_cooperation: 0,
            material_cooperation: 0,
            verbal_conflict: 0,
            material_conflict: 0,
            goldstein_sum: 0.0,
            goldstein_mean: 0.0,
            first: None,
            last: None,
            clusters: 1,
            reports: 1,
            share_cooperative: 0.0,
            share_conflictual: 0.0,
            cooperation,
            conflict,
            balance: 0.0,
            sign,
        }
    }

    #[test]
    fn graphs_of_dyads() {
        // A square with one diagonal: two triangles, one balanced, one not.
        let graph = [
            dyad("A", "B", 10.0, 0.0),
            dyad("B", "C", 0.0, 10.0),
            dyad("A", "C", 0.0, 10.0),
            dyad("C", "D", 10.0, 0.0),
            dyad("B", "D", 10.0, 0.0),
        ];
        let report = balance_of_dyads(&graph, &BalanceOptions::default());
        assert_eq!(report.edges.len(), 5);
        assert_eq!(
            (report.balanced, report.unbalanced, report.ambiguous),
            (1, 1, 0)
        );
        assert_eq!(report.triads[0].actors, ["B", "C", "D"].map(String::from));
        assert_eq!(report.triads[0].kind, TriadKind::Unbalanced);
        assert_eq!(report.balance_ratio, Some(0.5));
        // D is friends with both B and C, who are enemies: the hedger.
        assert_eq!(report.hedging.len(), 1);
        assert_eq!(report.hedging[0].actor, "D");
        assert_eq!(report.hedging[0].between, ["B", "C"].map(String::from));
        assert!((report.hedging[0].score - 1.0).abs() < 1e-9);
        assert_eq!(report.hedging[0].leans_to, None);
        // A is a friend of B and an enemy of C: aligned, no hedging reported.
        assert!(report.hedging.iter().all(|h| h.actor != "A"));
        // Focus keeps only what touches A.
        let focused = balance_of_dyads(
            &graph,
            &BalanceOptions {
                focus: Some("A".into()),
                ..BalanceOptions::default()
            },
        );
        assert_eq!(focused.triads.len(), 1);
        assert!(focused.hedging.is_empty());
    }
}
