//! `aras actors`: the actors of the store, most mentioned first.

use anyhow::{Context, Result};
use aras_relations::Column;

use crate::cmd::store_args::{self, ExistingDbArg, Format, MentionFilterArgs};
use crate::ExitCode;

/// List stored actors (by CAMEO actor code) with how often and in how many documents
/// they are mentioned, and the name they are most often mentioned by.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: ExistingDbArg,
    #[command(flatten)]
    pub filter: MentionFilterArgs,
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
    let rows = store
        .actors(&args.filter.filter(args.limit))
        .context("actor query failed")?;
    match Format::resolve(args.format) {
        Format::Jsonl => store_args::print_jsonl(&rows)?,
        Format::Csv => store_args::print_csv(&rows)?,
        Format::Table => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.code.clone(),
                        r.country.clone().unwrap_or_default(),
                        r.mentions.to_string(),
                        r.documents.to_string(),
                        r.example.clone(),
                    ]
                })
                .collect();
            let columns = [
                Column::text("CODE"),
                Column::text("COUNTRY"),
                Column::number("MENTIONS"),
                Column::number("DOCUMENTS"),
                Column::text("AS"),
            ];
            store_args::print_table(&columns, &table)?;
        }
    }
    Ok(ExitCode::Ok)
}
