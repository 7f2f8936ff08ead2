//! `aras timeline A B`: how a dyad changes over time, as a table or a chart.

use std::path::PathBuf;

use anyhow::{Context, Result};
use aras_relations::{render_timeline_svg, render_timeline_table, timeline_with, Bucket};

use crate::cmd::relation_args::RowsArgs;
use crate::cmd::store_args::{self, Format};
use crate::ExitCode;

/// One row per day, week, month or year between the dyad's first and last dated
/// event (gaps included): events by quad class, Goldstein mean and the clusters to look
/// up. `--svg FILE` also draws it: cooperation above the axis, conflict below.
///
/// Events are placed on their own date, else their article's publication date.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// One party (country code, or actor code with --level actor). A and B are the dyad,
    /// so --dyad is refused here (it once replaced them silently, and printed nothing).
    #[arg(conflicts_with = "dyad")]
    pub a: String,
    /// The other party.
    pub b: String,
    /// Bucket width.
    #[arg(long = "by", value_enum, default_value_t = BucketArg::Month)]
    pub by: BucketArg,
    /// Only A as source and B as target.
    #[arg(long = "one-way")]
    pub one_way: bool,
    /// Also write the chart as SVG to this file.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    #[command(flatten)]
    pub rows: RowsArgs,
    /// Output format (default: table on a terminal, jsonl when stdout is a pipe or a
    /// file, as ripgrep does, so `aras ... | cat` gets whole records).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum BucketArg {
    Day,
    Week,
    Month,
    Year,
}

impl From<BucketArg> for Bucket {
    fn from(b: BucketArg) -> Bucket {
        match b {
            BucketArg::Day => Bucket::Day,
            BucketArg::Week => Bucket::Week,
            BucketArg::Month => Bucket::Month,
            BucketArg::Year => Bucket::Year,
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut filter = args.rows.filter.clone();
    filter.dyad = Some(vec![args.a.clone(), args.b.clone()]);
    filter.directed = args.one_way;
    let rows = args.rows.rows(&filter)?;
    let mut options = args.rows.dyad_options();
    options.directed = args.one_way;
    let points = timeline_with(&rows, &args.a, &args.b, args.by.into(), &options);
    if let Some(path) = &args.svg {
        let arrow = if args.one_way { "→" } else { "–" };
        let title = format!("{} {arrow} {}", args.a, args.b);
        std::fs::write(path, render_timeline_svg(&points, &title))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    match Format::resolve(args.format) {
        Format::Table => {
            if points.is_empty() {
                eprintln!("aras: no dated events between {} and {}", args.a, args.b);
            } else {
                store_args::print_text(&render_timeline_table(
                    &points,
                    store_args::terminal_width(),
                ))?;
            }
        }
        Format::Jsonl => {
            let mut out = Vec::new();
            aras_export::write_tagged("timeline", &points, &mut out)?;
            store_args::print_bytes(&out)?;
        }
        Format::Csv => {
            let mut out = Vec::new();
            aras_export::write_timeline_csv(&points, &mut out)?;
            store_args::print_bytes(&out)?;
        }
    }
    Ok(ExitCode::Ok)
}
