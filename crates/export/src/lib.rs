//! Files for other tools from aras event rows and dyads.
//!
//! | format | content | reader |
//! |---|---|---|
//! | [`Format::Csv`] | one row per [`EventRow`], a header of the field names | spreadsheets, pandas, R |
//! | [`Format::Jsonl`] | one `{"type":"event",…}` object per line | jq, pandas, DuckDB |
//! | [`Format::Parquet`] | the Arrow schema of [`parquet_out::event_schema`] | pandas, R arrow, DuckDB, Spark, Polars |
//! | [`Format::Feather`] | Arrow IPC file, the same schema | R `arrow::read_feather`, pandas, Polars |
//! | [`Format::Gdelt`] | GDELT 2.0's 61 event columns, tab-separated ([`analyst`]) | GDELT readers, Stata, R |
//! | [`Format::Icews`] | ICEWS coded event data's 20 columns, tab-separated | ICEWS readers |
//! | [`dataset`] | `aras analyze --format parquet --out DIR`: every record type, partitioned by publication day | Spark, DuckDB, Trino |
//! | [`Format::Gexf`] | GEXF 1.3, dynamic: nodes = actors, edges = dyads | Gephi |
//! | [`Format::Graphml`] | GraphML with typed keys: the same attributes | Gephi, networkx, igraph, yEd |
//!
//! Event formats carry the rows as they are; graph formats carry [`Dyad`]s, built from
//! the rows by [`export`] (or handed in by the caller). All writers take any
//! [`std::io::Write`], so a file, stdout or a buffer.
//!
//! The column set is the same in CSV, JSONL and Parquet: the fields of [`EventRow`] in
//! declaration order. "Factual" is not a column; it is `negated = false` and
//! `modality` in (`asserted`, `reported`).
//!
//! The rows usually come from the store (`aras_store::Store::event_rows`); here two are
//! made by hand, written in three formats, and the CSV read back:
//!
//! ```
//! use aras_export::{export, read_events_csv, ExportOptions, Format, EVENT_COLUMNS};
//! use aras_relations::EventRow;
//!
//! // An event row in its JSON form; the fields left out (publication, ...) are null.
//! let row = |id: &str, source: &str, target: &str, cameo: &str, quad: u8, goldstein: f32| {
//!     serde_json::from_value::<EventRow>(serde_json::json!({
//!         "cluster_id": 1, "n_reports": 1, "n_documents": 1, "n_sources": 1,
//!         "doc_id": "d1", "event_id": id,
//!         "source_code": source, "source_country": source, "source_text": source,
//!         "target_code": target, "target_country": target, "target_text": target,
//!         "cameo": cameo, "root": &cameo[..2], "quad_class": quad, "goldstein": goldstein,
//!         "date_text": "2025-06-13", "date": "2025-06-13", "date_source": "text",
//!         "negated": false, "modality": "asserted",
//!         "trigger": "struck", "evidence": "Israel struck targets in Iran.",
//!         "evidence_start": 0, "evidence_end": 30, "confidence": 0.9,
//!     }))
//! };
//! let rows = vec![row("e1", "ISR", "IRN", "190", 4, -10.0)?, row("e2", "AZE", "ISR", "042", 1, 1.9)?];
//! let options = ExportOptions::default();
//!
//! // CSV: a header of the column names, then one line per row; it reads back whole.
//! let mut csv = Vec::new();
//! export(&rows, Format::Csv, &options, &mut csv)?;
//! let header = String::from_utf8(csv.clone())?.lines().next().unwrap_or("").to_string();
//! assert_eq!(header, EVENT_COLUMNS.join(","));
//! assert_eq!(read_events_csv(&csv[..])?, rows);
//!
//! // JSON Lines: one type-tagged object per row.
//! let mut jsonl = Vec::new();
//! export(&rows, "jsonl".parse()?, &options, &mut jsonl)?;
//! let jsonl = String::from_utf8(jsonl)?;
//! assert_eq!(jsonl.lines().count(), 2);
//! assert!(jsonl.starts_with(r#"{"type":"event","cluster_id":1,"#));
//!
//! // GEXF for Gephi: the dyads of the rows (countries, factual events) as edges.
//! let mut gexf = Vec::new();
//! export(&rows, Format::Gexf, &options, &mut gexf)?;
//! let gexf = String::from_utf8(gexf)?;
//! assert!(gexf.contains("<gexf") && gexf.contains(r#"id="IRN""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::Write;

use aras_relations::{dyads, Dyad, DyadOptions, EventRow};

pub mod analyst;
pub mod csv_out;
pub mod dataset;
pub mod feather;
pub mod graph;
pub mod jsonl;
pub mod parquet_out;

pub use analyst::{
    split_actor_code, write_events_gdelt, write_events_icews, ActorParts, GDELT_COLUMNS,
    ICEWS_COLUMNS,
};
pub use csv_out::{
    read_events_csv, write_balance_csv, write_dyads_csv, write_events_csv, write_timeline_csv,
};
pub use dataset::{read_table, DatasetOptions, DatasetSummary, DatasetWriter, Table};
pub use feather::{read_events_feather, write_events_feather};
pub use graph::{node_labels, write_gexf, write_graphml, GraphOptions};
pub use jsonl::{write_dyads_jsonl, write_events_jsonl, write_tagged};
pub use parquet_out::{event_schema, events_to_batch, read_events_parquet, write_events_parquet};

/// The columns of every event export, [`EventRow`]'s fields in declaration order (a
/// test checks them against serde's field names).
pub const EVENT_COLUMNS: [&str; 36] = [
    "cluster_id",
    "n_reports",
    "n_documents",
    "n_sources",
    "doc_id",
    "event_id",
    "source_code",
    "source_country",
    "source_text",
    "target_code",
    "target_country",
    "target_text",
    "cameo",
    "root",
    "plover",
    "quad_class",
    "goldstein",
    "date_text",
    "date",
    "date_precision",
    "date_source",
    "published",
    "publication",
    "negated",
    "modality",
    "trigger",
    "evidence",
    "evidence_start",
    "evidence_end",
    "confidence",
    "url",
    "title",
    "location_text",
    "location_country",
    "location_lat",
    "location_lon",
];

/// What can go wrong while writing or reading back an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("writing the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("Arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    #[error("Parquet file does not have the aras event schema: {0}")]
    Schema(String),
    #[error("{0} exists and is not an empty directory: choose a new path or remove it")]
    OutputExists(std::path::PathBuf),
    #[error("unknown table {0:?}: expected documents, actors, times, quotes, events or claims")]
    UnknownTable(String),
    #[error(
        "unknown export format {0:?}: expected csv, jsonl, parquet, feather, gdelt, icews, gexf or graphml"
    )]
    UnknownFormat(String),
}

/// An export file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
    Parquet,
    /// Arrow IPC file (Feather v2), the Parquet schema.
    Feather,
    /// GDELT 2.0 event table, tab-separated.
    Gdelt,
    /// ICEWS coded event data, tab-separated.
    Icews,
    Gexf,
    Graphml,
}

impl Format {
    /// The usual file extension, without the dot.
    pub fn extension(&self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Parquet => "parquet",
            Format::Feather => "feather",
            Format::Gdelt => "gdelt",
            Format::Icews => "icews",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
        }
    }

    /// Whether the format holds a graph of dyads rather than event rows.
    pub fn is_graph(&self) -> bool {
        matches!(self, Format::Gexf | Format::Graphml)
    }
}

impl std::str::FromStr for Format {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Ok(Format::Csv),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "parquet" => Ok(Format::Parquet),
            "feather" | "arrow" | "ipc" => Ok(Format::Feather),
            "gdelt" => Ok(Format::Gdelt),
            "icews" => Ok(Format::Icews),
            "gexf" => Ok(Format::Gexf),
            "graphml" => Ok(Format::Graphml),
            other => Err(ExportError::UnknownFormat(other.to_string())),
        }
    }
}

/// How [`export`] builds the graph for graph formats (event formats ignore it).
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// How dyads are formed (country level, undirected, factual events by default).
    pub dyads: DyadOptions,
    /// Graph title (GEXF description).
    pub title: Option<String>,
    /// GDELT only: a first line of column names (GDELT's own files have none).
    pub header: bool,
}

/// Writes `rows` in `format` to `out`: the rows themselves for CSV, JSONL and Parquet;
/// for GEXF and GraphML the dyads of `rows` under `options.dyads`, nodes labelled by
/// [`graph::node_labels`] (a country's name, else the code and its most frequent mention). This is `aras export`.
pub fn export<W: Write + Send>(
    rows: &[EventRow],
    format: Format,
    options: &ExportOptions,
    out: W,
) -> Result<(), ExportError> {
    match format {
        Format::Csv => write_events_csv(rows, out),
        Format::Jsonl => write_events_jsonl(rows, out),
        Format::Parquet => write_events_parquet(rows, out),
        Format::Feather => write_events_feather(rows, out),
        Format::Gdelt => write_events_gdelt(rows, options.header, out),
        Format::Icews => write_events_icews(rows, out),
        Format::Gexf | Format::Graphml => {
            let graph = dyads(rows, &options.dyads);
            let graph_options = GraphOptions {
                labels: graph::node_labels(rows, options.dyads.level),
                title: options.title.clone(),
            };
            if format == Format::Gexf {
                write_gexf(&graph, &graph_options, out)
            } else {
                write_graphml(&graph, &graph_options, out)
            }
        }
    }
}

/// The dyads a graph export of `rows` would hold (for callers that also print them).
pub fn graph_dyads(rows: &[EventRow], options: &ExportOptions) -> Vec<Dyad> {
    dyads(rows, &options.dyads)
}
