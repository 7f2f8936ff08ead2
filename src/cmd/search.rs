//! `aras search`: full-text search over the stored documents.

use anyhow::{Context, Result};
use aras_relations::Column;

use crate::cmd::store_args::{self, ExistingDbArg, Format};
use crate::ExitCode;

/// Find stored documents containing every word of QUERY (FTS5 on SQLite, English stemming
/// on PostgreSQL), best match first, with a snippet ([matched words] in brackets).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Words to look for; punctuation is ignored.
    #[arg(value_name = "QUERY", required = true)]
    pub query: Vec<String>,
    #[command(flatten)]
    pub db: ExistingDbArg,
    /// At most this many documents.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// Output format (default: table on a terminal, jsonl when stdout is a pipe or a
    /// file, as ripgrep does, so `aras ... | cat` gets whole records).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut store = args.db.open_existing()?;
    let hits = store
        .search(&args.query.join(" "), args.limit)
        .context("search failed")?;
    match Format::resolve(args.format) {
        Format::Jsonl => store_args::print_jsonl(&hits)?,
        Format::Csv => store_args::print_csv(&hits)?,
        Format::Table => {
            let rows: Vec<Vec<String>> = hits
                .iter()
                .map(|h| {
                    vec![
                        h.doc_id.clone(),
                        h.date.clone().unwrap_or_default(),
                        h.title.clone().unwrap_or_default(),
                        h.snippet.clone(),
                    ]
                })
                .collect();
            let columns = ["DOCUMENT", "DATE", "TITLE", "SNIPPET"].map(Column::text);
            store_args::print_table(&columns, &rows)?;
        }
    }
    Ok(ExitCode::Ok)
}
