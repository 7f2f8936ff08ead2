//! `aras relations [ACTOR]`: how each pair of actors stands, on how much evidence.

use anyhow::Result;
use aras_relations::{dyads, render_dyads_table};

use crate::cmd::relation_args::RowsArgs;
use crate::cmd::store_args::{self, Format};
use crate::ExitCode;

/// Per dyad: events by quad class, Goldstein sum and mean, first and last date,
/// clusters and reports, and a sign: + cooperative, - hostile, ± mixed.
///
/// With ACTOR, every counterpart of that actor, both directions merged
/// (`aras relations AZE`). Counts are of event clusters unless --reports.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only dyads with this party on one side (country code, or actor code with
    /// --level actor).
    #[arg(value_name = "ACTOR")]
    pub party: Option<String>,
    #[command(flatten)]
    pub rows: RowsArgs,
    /// Keep source→target and target→source as two dyads.
    #[arg(long = "one-way")]
    pub one_way: bool,
    /// Leave out dyads with fewer counted events.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_events: u32,
    /// Output format (default: table on a terminal, jsonl when stdout is a pipe or a
    /// file, as ripgrep does, so `aras ... | cat` gets whole records).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut filter = args.rows.filter.clone();
    if let Some(actor) = &args.party {
        if filter.actor.is_none() && filter.country.is_none() && filter.dyad.is_none() {
            filter.actor = Some(actor.clone());
        }
    }
    let rows = args.rows.rows(&filter)?;
    let mut options = args.rows.dyad_options();
    options.focus = args.party.clone();
    options.directed = args.one_way;
    options.min_events = args.min_events.max(1);
    let found = dyads(&rows, &options);
    match Format::resolve(args.format) {
        Format::Table => {
            if found.is_empty() {
                eprintln!("aras: no dyads match (is the store empty? see `aras ingest`)");
            } else {
                store_args::print_text(&render_dyads_table(&found, store_args::terminal_width()))?;
            }
        }
        Format::Jsonl => {
            let mut out = Vec::new();
            aras_export::write_dyads_jsonl(&found, &mut out)?;
            store_args::print_bytes(&out)?;
        }
        Format::Csv => {
            let mut out = Vec::new();
            aras_export::write_dyads_csv(&found, &mut out)?;
            store_args::print_bytes(&out)?;
        }
    }
    Ok(ExitCode::Ok)
}
