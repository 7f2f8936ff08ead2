//! `aras quotes`: stored quotes and who said them.

use anyhow::{Context, Result};
use aras_relations::Column;

use crate::cmd::store_args::{self, ExistingDbArg, Format, MentionFilterArgs};
use crate::ExitCode;

/// List stored quotes with their speakers, by publication date.
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
        .quotes(&args.filter.filter(args.limit))
        .context("quote query failed")?;
    match Format::resolve(args.format) {
        Format::Jsonl => store_args::print_jsonl(&rows)?,
        Format::Csv => store_args::print_csv(&rows)?,
        Format::Table => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.published.clone().unwrap_or_default(),
                        r.doc_id.clone(),
                        r.speaker.clone().unwrap_or_else(|| "-".into()),
                        r.speaker_code.clone(),
                        r.text.clone(),
                    ]
                })
                .collect();
            let columns = ["DATE", "DOCUMENT", "SPEAKER", "CODE", "QUOTE"].map(Column::text);
            store_args::print_table(&columns, &table)?;
        }
    }
    Ok(ExitCode::Ok)
}
