//! Dyads: who did what to whom, summed per pair of actors.
//!
//! A dyad gathers every event row between two actors (countries by default) and says how
//! they stand: counts by quad class, Goldstein sum and mean, the dated span, the number
//! of happenings (clusters) and of reports, and a [`Sign`] from the rule in
//! [`Sign::from_weights`].

use std::collections::{BTreeMap, BTreeSet};

use aras_schema::numbers::{round, widen, GOLDSTEIN_DECIMALS, RATIO_DECIMALS};
use aras_schema::QuadClass;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::EventRow;

/// Which identity of an event's parties the analyses group by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// ISO 3166-1 alpha-3 (or IGO) country: the government, its army and its opposition
    /// are all `AZE`.
    #[default]
    Country,
    /// Full CAMEO actor code: `AZEGOV`, `AZEMIL` and `AZEOPP` are different actors.
    Actor,
}

impl std::str::FromStr for Level {
    type Err = crate::RelationsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "country" => Ok(Level::Country),
            "actor" => Ok(Level::Actor),
            other => Err(crate::RelationsError::UnknownLevel(other.to_string())),
        }
    }
}

impl Level {
    /// The source party of `row` at this level, if it has one.
    pub fn source<'r>(&self, row: &'r EventRow) -> Option<&'r str> {
        match self {
            Level::Country => row.source_country.as_deref(),
            Level::Actor => row.source_code.as_deref(),
        }
    }

    /// The target party of `row` at this level, if it has one.
    pub fn target<'r>(&self, row: &'r EventRow) -> Option<&'r str> {
        match self {
            Level::Country => row.target_country.as_deref(),
            Level::Actor => row.target_code.as_deref(),
        }
    }

    /// Both parties of `row` at this level, when it has both.
    pub fn parties<'r>(&self, row: &'r EventRow) -> Option<(&'r str, &'r str)> {
        Some((self.source(row)?, self.target(row)?))
    }
}

/// How two actors stand, from the balance of cooperation and conflict between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sign {
    /// Mostly cooperation (`+`).
    Cooperative,
    /// Both cooperation and conflict, each substantial (`±`, printed `mixed`).
    Mixed,
    /// Mostly conflict (`-`).
    Hostile,
    /// No weighted evidence either way (no events counted).
    Neutral,
}

/// The minority share at and above which a dyad is [`Sign::Mixed`] (see
/// [`Sign::from_weights`]): a quarter of the weighted evidence.
pub const DEFAULT_MIXED_BAND: f64 = 0.25;

impl Sign {
    /// The sign rule.
    ///
    /// `cooperation` and `conflict` are the summed event weights on each side (see
    /// [`event_weight`]). With `total = cooperation + conflict`:
    ///
    /// * `total == 0` → [`Sign::Neutral`];
    /// * the smaller side's share `min / total` ≥ `mixed_band` → [`Sign::Mixed`]
    ///   (both sides substantial: with the default band 0.25, a dyad is mixed while
    ///   neither side outweighs the other three to one);
    /// * otherwise the larger side: [`Sign::Cooperative`] or [`Sign::Hostile`].
    pub fn from_weights(cooperation: f64, conflict: f64, mixed_band: f64) -> Sign {
        let total = cooperation + conflict;
        if total <= 0.0 {
            return Sign::Neutral;
        }
        if cooperation.min(conflict) / total >= mixed_band {
            Sign::Mixed
        } else if cooperation > conflict {
            Sign::Cooperative
        } else {
            Sign::Hostile
        }
    }

    /// `+`, `-`, `mixed` or `0`: the symbol tables and CSV print.
    pub fn symbol(&self) -> &'static str {
        match self {
            Sign::Cooperative => "+",
            Sign::Mixed => "mixed",
            Sign::Hostile => "-",
            Sign::Neutral => "0",
        }
    }
}

impl std::fmt::Display for Sign {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.symbol())
    }
}

/// How much one event weighs in the sign rule: its Goldstein magnitude, at least 1.
///
/// The quad class says which side an event is on (1-2 cooperation, 3-4 conflict); the
/// Goldstein scale says how strongly, so an attack (-10) outweighs a complaint (-2).
/// The floor of 1 keeps neutral-scored cooperative acts (a public statement, 0) from
/// counting for nothing.
pub fn event_weight(row: &EventRow) -> f64 {
    widen(row.goldstein.abs()).max(1.0)
}

/// What [`dyads`] counts and how it groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DyadOptions {
    /// Countries (default) or full actor codes.
    pub level: Level,
    /// `true`: source→target and target→source are two dyads. `false` (default): one
    /// dyad per unordered pair, with [`Dyad::forward`]/[`Dyad::backward`] counts.
    pub directed: bool,
    /// Count hypothetical, intended, denied and negated events too (default `false`:
    /// only [`EventRow::is_factual`] rows).
    pub include_nonfactual: bool,
    /// Keep events whose source and target are the same party (domestic events at
    /// country level). Default `false`.
    pub include_self: bool,
    /// Only dyads with this party on one side (`aras relations AZE`). Undirected (the
    /// default), the focus becomes side `a` of every dyad and the counterpart side `b`,
    /// both directions merged per counterpart ([`Dyad::forward`] counts the focus as
    /// source); directed, `AZE→ISR` and `ISR→AZE` stay two dyads.
    pub focus: Option<String>,
    /// Minority share at which a dyad turns [`Sign::Mixed`] (default
    /// [`DEFAULT_MIXED_BAND`]).
    pub mixed_band: f64,
    /// Drop dyads with fewer counted events than this (default 1).
    pub min_events: u32,
}

impl Default for DyadOptions {
    fn default() -> Self {
        DyadOptions {
            level: Level::Country,
            directed: false,
            include_nonfactual: false,
            include_self: false,
            focus: None,
            mixed_band: DEFAULT_MIXED_BAND,
            min_events: 1,
        }
    }
}

impl DyadOptions {
    /// Whether `row` is counted at all under these options (factuality, both parties
    /// known, self-pairs).
    pub fn counts(&self, row: &EventRow) -> bool {
        if !self.include_nonfactual && !row.is_factual() {
            return false;
        }
        let Some((s, t)) = self.level.parties(row) else {
            return false;
        };
        self.include_self || s != t
    }
}

/// One pair of actors and everything counted between them.
///
/// Counts are of rows: event clusters when the store answered with
/// [`crate::Unit::Clusters`], reports with [`crate::Unit::Reports`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dyad {
    /// Source (directed), the focus actor, or the alphabetically first party.
    pub a: String,
    /// Target (directed), the counterpart, or the alphabetically second party.
    pub b: String,
    /// Whether `a` → `b` is a direction (true) or an unordered pair (false).
    pub directed: bool,
    /// Counted events (rows).
    pub events: u32,
    /// Events with `a` as source.
    pub forward: u32,
    /// Events with `b` as source (0 when directed).
    pub backward: u32,
    /// Quad class 1.
    pub verbal_cooperation: u32,
    /// Quad class 2.
    pub material_cooperation: u32,
    /// Quad class 3.
    pub verbal_conflict: u32,
    /// Quad class 4.
    pub material_conflict: u32,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
    /// Earliest [`EventRow::when`] of the counted events.
    pub first: Option<Date>,
    /// Latest [`EventRow::when`].
    pub last: Option<Date>,
    /// Distinct event clusters.
    pub clusters: u32,
    /// Reports: the sum of `n_reports`.
    pub reports: u64,
    /// Share of events in quad classes 1-2.
    pub share_cooperative: f64,
    /// Share of events in quad classes 3-4.
    pub share_conflictual: f64,
    /// Summed [`event_weight`] of cooperative events.
    pub cooperation: f64,
    /// Summed [`event_weight`] of conflictual events.
    pub conflict: f64,
    /// `(cooperation - conflict) / (cooperation + conflict)`, in -1..=1 (0 for none).
    pub balance: f64,
    pub sign: Sign,
}

impl Dyad {
    fn empty(a: &str, b: &str, directed: bool) -> Dyad {
        Dyad {
            a: a.to_string(),
            b: b.to_string(),
            directed,
            events: 0,
            forward: 0,
            backward: 0,
            verbal_cooperation: 0,
            material_cooperation: 0,
            verbal_conflict: 0,
            material_conflict: 0,
            goldstein_sum: 0.0,
            goldstein_mean: 0.0,
            first: None,
            last: None,
            clusters: 0,
            reports: 0,
            share_cooperative: 0.0,
            share_conflictual: 0.0,
            cooperation: 0.0,
            conflict: 0.0,
            balance: 0.0,
            sign: Sign::Neutral,
        }
    }

    /// Counts by quad class, 1 to 4.
    pub fn quad_counts(&self) -> [u32; 4] {
        [
            self.verbal_cooperation,
            self.material_cooperation,
            self.verbal_conflict,
            self.material_conflict,
        ]
    }

    /// Share of the weighted evidence that is cooperative, in 0..=1 (0 for none).
    pub fn cooperation_share(&self) -> f64 {
        let total = self.cooperation + self.conflict;
        if total > 0.0 {
            round(self.cooperation / total, RATIO_DECIMALS)
        } else {
            0.0
        }
    }

    /// Whether the dyad joins `x` and `y` (either order).
    pub fn joins(&self, x: &str, y: &str) -> bool {
        (self.a == x && self.b == y) || (self.a == y && self.b == x)
    }

    fn add(&mut self, row: &EventRow, is_forward: bool) {
        self.events += 1;
        if is_forward {
            self.forward += 1;
        } else {
            self.backward += 1;
        }
        match row.quad_class {
            QuadClass::VerbalCooperation => self.verbal_cooperation += 1,
            QuadClass::MaterialCooperation => self.material_cooperation += 1,
            QuadClass::VerbalConflict => self.verbal_conflict += 1,
            QuadClass::MaterialConflict => self.material_conflict += 1,
        }
        if row.is_cooperative() {
            self.cooperation += event_weight(row);
        } else {
            self.conflict += event_weight(row);
        }
        self.goldstein_sum += widen(row.goldstein);
        self.reports += u64::from(row.n_reports);
        if let Some(day) = row.when() {
            self.first = Some(self.first.map_or(day, |d| d.min(day)));
            self.last = Some(self.last.map_or(day, |d| d.max(day)));
        }
    }

    fn finish(&mut self, clusters: usize, mixed_band: f64) {
        self.clusters = u32::try_from(clusters).unwrap_or(u32::MAX);
        // Sums of values written to tenths have tenths, not the f64 noise of adding them
        // (issue 16); means and shares get RATIO_DECIMALS.
        self.goldstein_sum = round(self.goldstein_sum, GOLDSTEIN_DECIMALS);
        self.cooperation = round(self.cooperation, GOLDSTEIN_DECIMALS);
        self.conflict = round(self.conflict, GOLDSTEIN_DECIMALS);
        if self.events > 0 {
            let n = f64::from(self.events);
            let ratio = |x: f64| round(x, RATIO_DECIMALS);
            self.goldstein_mean = ratio(self.goldstein_sum / n);
            self.share_cooperative =
                ratio(f64::from(self.verbal_cooperation + self.material_cooperation) / n);
            self.share_conflictual =
                ratio(f64::from(self.verbal_conflict + self.material_conflict) / n);
        }
        let total = self.cooperation + self.conflict;
        if total > 0.0 {
            self.balance = round((self.cooperation - self.conflict) / total, RATIO_DECIMALS);
        }
        self.sign = Sign::from_weights(self.cooperation, self.conflict, mixed_band);
    }
}

/// Every dyad in `rows` under `options`, most events first (ties: `a`, then `b`).
///
/// Rows are skipped when they are not factual (unless
/// [`DyadOptions::include_nonfactual`]), lack a party at the chosen level, or are
/// self-pairs (unless [`DyadOptions::include_self`]).
pub fn dyads(rows: &[EventRow], options: &DyadOptions) -> Vec<Dyad> {
    struct Acc {
        dyad: Dyad,
        clusters: BTreeSet<i64>,
    }
    let mut acc: BTreeMap<(String, String), Acc> = BTreeMap::new();
    let counted = rows.iter().filter(|r| options.counts(r));
    for (row, (s, t)) in counted.filter_map(|r| Some((r, options.level.parties(r)?))) {
        if let Some(f) = &options.focus {
            if s != f && t != f {
                continue;
            }
        }
        let (a, b, is_forward) = if options.directed {
            (s, t, true)
        } else {
            match &options.focus {
                Some(f) if s == f => (s, t, true),
                Some(_) => (t, s, false),
                None if s <= t => (s, t, true),
                None => (t, s, false),
            }
        };
        let key = (a.to_string(), b.to_string());
        let entry = acc.entry(key).or_insert_with(|| Acc {
            dyad: Dyad::empty(a, b, options.directed),
            clusters: BTreeSet::new(),
        });
        entry.dyad.add(row, is_forward);
        entry.clusters.insert(row.cluster_id);
    }
    let mut out: Vec<Dyad> = acc
        .into_values()
        .map(|mut a| {
            a.dyad.finish(a.clusters.len(), options.mixed_band);
            a.dyad
        })
        .filter(|d| d.events >= options.min_events)
        .collect();
    out.sort_by(|x, y| {
        y.events
            .cmp(&x.events)
            .then_with(|| x.a.cmp(&y.a))
            .then_with(|| x.b.cmp(&y.b))
    });
    out
}

/// The most frequent surface text for each party at `level` (e.g. `AZE` → "Azerbaijan"),
/// for labelling graph nodes. Ties go to the alphabetically first text.
pub fn party_labels(rows: &[EventRow], level: Level) -> BTreeMap<String, String> {
    let mut counts: BTreeMap<&str, BTreeMap<&str, u32>> = BTreeMap::new();
    for row in rows {
        for (party, text) in [
            (level.source(row), row.source_text.as_deref()),
            (level.target(row), row.target_text.as_deref()),
        ] {
            if let (Some(party), Some(text)) = (party, text) {
                *counts.entry(party).or_default().entry(text).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(party, texts)| {
            let best = texts
                .into_iter()
                .max_by(|(ta, na), (tb, nb)| na.cmp(nb).then_with(|| tb.cmp(ta)))?;
            Some((party.to_string(), best.0.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_rule() {
        // (cooperation, conflict, band, expected)
        let cases = [
            (0.0, 0.0, 0.25, Sign::Neutral),
            (10.0, 0.0, 0.25, Sign::Cooperative),
            (0.0, 10.0, 0.25, Sign::Hostile),
            (7.5, 2.5, 0.25, Sign::Mixed),
            (7.6, 2.4, 0.25, Sign::Cooperative),
            (2.4, 7.6, 0.25, Sign::Hostile),
            (5.0, 5.0, 0.25, Sign::Mixed),
            // A band above one half is never reached; an exact tie goes to conflict.
            (5.0, 5.0, 0.6, Sign::Hostile),
            (9.0, 1.0, 0.05, Sign::Mixed),
        ];
        for (coop, conf, band, expected) in cases {
            let got = Sign::from_weights(coop, conf, band);
            assert_eq!(got, expected, "{coop} vs {conf} at {band}");
        }
    }

    #[test]
    fn weights_floor_at_one() {
        let mut row = crate::tests::row();
        row.goldstein = 0.0;
        assert_eq!(event_weight(&row), 1.0);
        row.goldstein = -10.0;
        assert_eq!(event_weight(&row), 10.0);
    }
}
