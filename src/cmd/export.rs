//! `aras export`: the store's events for pandas, R, DuckDB, Spark and Gephi.

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

use anyhow::{Context, Result};
use aras_export::{export, ExportOptions, Format as ExportFormat};

use crate::cmd::relation_args::RowsArgs;
use crate::ExitCode;

/// Writes the events matching the filters to a file: csv, jsonl and parquet hold one
/// row per event cluster (or per report with --reports), every field, codes as strings
/// with their leading zeros, dates as dates; gexf and graphml hold the relation graph
/// (actors as nodes, dyads as weighted edges with time intervals) for Gephi.
///
/// The file is written beside its destination and renamed into place, so a failed
/// export never leaves half a file.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Output file.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    #[command(flatten)]
    pub rows: RowsArgs,
    /// Print what was written as one JSON object.
    #[arg(long)]
    pub json: bool,
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatArg {
    Csv,
    Jsonl,
    Parquet,
    Gexf,
    Graphml,
}

impl From<FormatArg> for ExportFormat {
    fn from(f: FormatArg) -> ExportFormat {
        match f {
            FormatArg::Csv => ExportFormat::Csv,
            FormatArg::Jsonl => ExportFormat::Jsonl,
            FormatArg::Parquet => ExportFormat::Parquet,
            FormatArg::Gexf => ExportFormat::Gexf,
            FormatArg::Graphml => ExportFormat::Graphml,
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let rows = args.rows.rows(&args.rows.filter)?;
    let format: ExportFormat = args.format.into();
    let options = ExportOptions {
        dyads: args.rows.dyad_options(),
        title: Some("aras relation graph".to_string()),
    };
    let dir = match args.out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("cannot create a file in {}", dir.display()))?;
    {
        let file: &File = tmp.as_file();
        export(&rows, format, &options, BufWriter::new(file))
            .with_context(|| format!("cannot write {}", args.out.display()))?;
        file.sync_all().ok();
    }
    tmp.persist(&args.out)
        .with_context(|| format!("cannot move the export to {}", args.out.display()))?;
    let what = if format.is_graph() { "a graph of " } else { "" };
    if args.json {
        println!(
            "{}",
            serde_json::json!({"out": args.out, "format": format.extension(), "rows": rows.len(), "unit": if args.rows.reports {"reports"} else {"clusters"}})
        );
    } else if !args.quiet {
        eprintln!(
            "aras: wrote {}{} {} as {} to {}",
            what,
            rows.len(),
            if args.rows.reports {
                "reports"
            } else {
                "event clusters"
            },
            format.extension(),
            args.out.display()
        );
    }
    Ok(ExitCode::Ok)
}
