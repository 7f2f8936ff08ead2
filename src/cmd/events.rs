//! `aras events`: stored events, one row per happening (cluster) or per report.

use anyhow::{Context, Result};
use aras_relations::Column;
use aras_store::{EventRow, Unit};

use crate::cmd::store_args::{self, EventFilterArgs, ExistingDbArg, Format};
use crate::ExitCode;

/// List stored events matching the filters: by default one row per event cluster (one
/// happening, however many articles report it, shown by its first-stored report that matches
/// with the cluster's counts), factual events only, ordered by date.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: ExistingDbArg,
    #[command(flatten)]
    pub filter: EventFilterArgs,
    /// One row per report (event record in one document) instead of per cluster.
    #[arg(long)]
    pub reports: bool,
    /// At most this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Output format (default: table on a terminal, jsonl when stdout is a pipe or a
    /// file, as ripgrep does, so `aras ... | cat` gets whole records).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut store = args.db.open_existing()?;
    let unit = if args.reports {
        Unit::Reports
    } else {
        Unit::Clusters
    };
    let rows = store
        .event_rows(&args.filter.filter(args.limit), unit)
        .context("event query failed")?;
    match Format::resolve(args.format) {
        Format::Jsonl => store_args::print_jsonl(&rows)?,
        Format::Csv => store_args::print_csv(&rows)?,
        Format::Table => print_table(&rows, unit)?,
    }
    Ok(ExitCode::Ok)
}

fn side(code: &Option<String>, country: &Option<String>, text: &Option<String>) -> String {
    match (code, country, text) {
        (Some(code), _, _) => code.clone(),
        (None, Some(country), _) => country.clone(),
        (None, None, Some(text)) => format!("({text})"),
        (None, None, None) => "-".into(),
    }
}

fn print_table(rows: &[EventRow], unit: Unit) -> Result<()> {
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let when = match (&r.date_text, r.published) {
                (Some(d), _) => d.clone(),
                (None, Some(p)) => format!("~{p}"),
                (None, None) => "-".into(),
            };
            let mut cells = vec![
                when,
                side(&r.source_code, &r.source_country, &r.source_text),
                match r.plover {
                    Some(p) => format!("{} {p}", r.cameo),
                    None => r.cameo.to_string(),
                },
                side(&r.target_code, &r.target_country, &r.target_text),
            ];
            match unit {
                Unit::Clusters => {
                    cells.push(format!("{}/{}/{}", r.n_reports, r.n_documents, r.n_sources))
                }
                Unit::Reports => {
                    cells.push(r.doc_id.clone());
                    cells.push(if r.negated {
                        format!("{} not", r.modality)
                    } else {
                        r.modality.to_string()
                    });
                }
            }
            cells.push(r.evidence.clone());
            cells
        })
        .collect();
    let header: &[&str] = match unit {
        Unit::Clusters => &[
            "DATE",
            "SOURCE",
            "EVENT",
            "TARGET",
            "REP/DOC/SRC",
            "EVIDENCE",
        ],
        Unit::Reports => &[
            "DATE", "SOURCE", "EVENT", "TARGET", "DOCUMENT", "MODALITY", "EVIDENCE",
        ],
    };
    let columns: Vec<Column> = header.iter().copied().map(Column::text).collect();
    store_args::print_table(&columns, &table)
}
