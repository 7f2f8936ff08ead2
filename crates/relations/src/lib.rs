//! The system of relations across many articles.
//!
//! The store (`aras-store`) answers queries with [`EventRow`]s: one row per event
//! cluster (one happening, however many articles report it) or, on request, one row per
//! report. Everything here is a pure function of those rows, so the analyses are the
//! same whichever backend (SQLite, PostgreSQL) or file they came from.
//!
//! | function | command | result |
//! |---|---|---|
//! | [`dyads()`] | `aras relations [ACTOR]` | [`Dyad`] per pair: quad-class counts, Goldstein, dates, clusters, reports, [`Sign`] |
//! | [`timeline()`], [`timeline_with`] | `aras timeline A B --by …` | [`TimelinePoint`] per [`Bucket`], gaps filled |
//! | [`render_timeline_svg`] | `aras timeline … --svg FILE` | a standalone SVG chart |
//! | [`balance()`] | `aras balance` | [`BalanceReport`]: signed edges, [`Triad`]s, [`Hedging`] scores |
//! | [`render_dyads_table`], [`render_timeline_table`], [`render_balance_table`] | `--format table` | text that fits a terminal width |
//! | [`render_table`] over [`Column`]s | every other `--format table` (`aras events`, `actors`, `quotes`, `search`) | the same renderer, for any rows |
//!
//! [`EventRow::from_report`] makes a row of one `aras analyze` event record without a store.
//!
//! [`escape_xml`] is the XML escaper of the chart and of `aras-export`'s GEXF and GraphML.
//!
//! Every result type is `serde::Serialize` (for `--format jsonl|csv`).
//!
//! Only factual events count by default ([`EventRow::is_factual`]: asserted or reported,
//! not negated). The sign rule is [`Sign::from_weights`] over [`event_weight`]s; the
//! triangle classes and the hedging score are defined in [`balance`](mod@balance).

use aras_schema::{CameoCode, DatePrecision, DateSource, Modality, PloverType, QuadClass, Root};
use serde::{Deserialize, Serialize};

pub mod balance;
pub mod dyads;
pub mod report;
pub mod svg;
pub mod table;
pub mod timeline;
pub mod xml;

pub use balance::{
    balance, balance_of_dyads, classify, hedging_score, BalanceOptions, BalanceReport, Edge,
    Hedging, MixedPolicy, Triad, TriadKind,
};
pub use dyads::{dyads, event_weight, party_labels, Dyad, DyadOptions, Level, Sign};
pub use report::{date_bounds, published_day};
pub use svg::render_timeline_svg;
pub use table::{
    render_balance_table, render_dyads_table, render_table, render_timeline_table, Column,
};
pub use timeline::{timeline, timeline_with, Bucket, TimelinePoint};
pub use xml::escape_xml;

/// What a caller can get wrong when naming options.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RelationsError {
    #[error("unknown bucket {0:?}: expected day, week, month or year")]
    UnknownBucket(String),
    #[error("unknown level {0:?}: expected country or actor")]
    UnknownLevel(String),
    #[error("unknown mixed-edge policy {0:?}: expected ambiguous, positive, negative or ignore")]
    UnknownMixedPolicy(String),
}

/// Whether an analysis counts happenings (event clusters) or reports of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// One row per event cluster: "one event reported 366 times is one event".
    #[default]
    Clusters,
    /// One row per event record in one document.
    Reports,
}

/// One event as the analyses and exports see it: a cluster's representative report with
/// the cluster's counts, or one report (then `n_reports` = 1 and the counts are the
/// cluster's it belongs to).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// Store id of the event cluster this row belongs to.
    pub cluster_id: i64,
    /// Reports (event records) in the cluster.
    pub n_reports: u32,
    /// Distinct documents reporting the cluster.
    pub n_documents: u32,
    /// Distinct publications (document `source`) reporting the cluster.
    pub n_sources: u32,
    /// Document of this (representative) report.
    pub doc_id: String,
    /// Event id within that document (`e7`).
    pub event_id: String,
    /// CAMEO actor code of the source (none when the event has no source).
    pub source_code: Option<String>,
    /// ISO 3166-1 alpha-3 (or IGO) country of the source.
    pub source_country: Option<String>,
    /// Source text as written.
    pub source_text: Option<String>,
    pub target_code: Option<String>,
    pub target_country: Option<String>,
    pub target_text: Option<String>,
    /// Full CAMEO code, leading zeros kept ("042", "1056").
    pub cameo: CameoCode,
    /// Two-digit CAMEO root ("01".."20").
    pub root: Root,
    /// PLOVER event type.
    pub plover: Option<PloverType>,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: QuadClass,
    /// Goldstein scale value, -10 (most conflictual) to +10.
    pub goldstein: f32,
    /// The event's date as written in the record (ISO date or partial date), if any.
    pub date_text: Option<String>,
    /// The first day the date can mean (`2021-10` → 2021-10-01), for bucketing and ranges.
    pub date: Option<jiff::civil::Date>,
    pub date_precision: Option<DatePrecision>,
    pub date_source: DateSource,
    /// Publication date of the document.
    pub published: Option<jiff::civil::Date>,
    /// Publication (document `source`), if known.
    pub publication: Option<String>,
    pub negated: bool,
    pub modality: Modality,
    pub trigger: String,
    pub evidence: String,
    pub evidence_start: u32,
    pub evidence_end: u32,
    pub confidence: f32,
    /// URL of the (representative) report's document, so an analyst can read it.
    pub url: Option<String>,
    /// Title of that document.
    pub title: Option<String>,
    /// Where the event happened, as written. The store does not keep event locations
    /// yet, so the store's rows leave these four `None` (README "Exports").
    pub location_text: Option<String>,
    /// ISO 3166-1 alpha-3 country of the location.
    pub location_country: Option<String>,
    /// Latitude of the location, WGS 84 degrees.
    pub location_lat: Option<f64>,
    /// Longitude of the location, WGS 84 degrees.
    pub location_lon: Option<f64>,
}

impl EventRow {
    /// The text says it happened: asserted or reported, and not negated (SCHEMA.md).
    pub fn is_factual(&self) -> bool {
        aras_schema::is_factual(self.negated, self.modality)
    }

    /// The date analyses place the event on: its own date, else the publication date
    /// (an upper bound: it happened by then). Null for neither.
    pub fn when(&self) -> Option<jiff::civil::Date> {
        self.date.or(self.published)
    }

    /// Quad class 1 or 2.
    pub fn is_cooperative(&self) -> bool {
        self.quad_class.is_cooperative()
    }

    /// Quad class 3 or 4.
    pub fn is_conflictual(&self) -> bool {
        self.quad_class.is_conflictual()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A plain factual row for unit tests to adjust.
    pub(crate) fn row() -> EventRow {
        EventRow {
            cluster_id: 1,
            n_reports: 1,
            n_documents: 1,
            n_sources: 1,
            doc_id: "d1".into(),
            event_id: "e1".into(),
            source_code: Some("AZEGOV".into()),
            source_country: Some("AZE".into()),
            source_text: Some("Azerbaijan".into()),
            target_code: Some("ISRGOV".into()),
            target_country: Some("ISR".into()),
            target_text: Some("Israel".into()),
            cameo: "057".parse().unwrap(),
            root: "05".parse().unwrap(),
            plover: Some(PloverType::Agree),
            quad_class: QuadClass::VerbalCooperation,
            goldstein: 8.0,
            date_text: Some("2024-01-15".into()),
            date: Some(jiff::civil::date(2024, 1, 15)),
            date_precision: Some(DatePrecision::Day),
            date_source: DateSource::Text,
            published: Some(jiff::civil::date(2024, 1, 16)),
            publication: None,
            negated: false,
            modality: Modality::Asserted,
            trigger: "signed".into(),
            evidence: "Azerbaijan and Israel signed an agreement.".into(),
            evidence_start: 0,
            evidence_end: 42,
            confidence: 0.9,
            url: None,
            title: None,
            location_text: None,
            location_country: None,
            location_lat: None,
            location_lon: None,
        }
    }

    #[test]
    fn factuality() {
        // (modality, negated, factual)
        let cases = [
            (Modality::Asserted, false, true),
            (Modality::Reported, false, true),
            (Modality::Asserted, true, false),
            (Modality::Hypothetical, false, false),
            (Modality::Intended, false, false),
            (Modality::Denied, false, false),
        ];
        for (modality, negated, factual) in cases {
            let mut r = row();
            r.modality = modality;
            r.negated = negated;
            assert_eq!(r.is_factual(), factual, "{modality} negated={negated}");
        }
    }
}
