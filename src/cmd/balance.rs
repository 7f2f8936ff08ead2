//! `aras balance [ACTOR]`: the signed relation graph, its triangles and who hedges.

use anyhow::Result;
use aras_relations::{balance, render_balance_table, BalanceOptions, MixedPolicy};

use crate::cmd::relation_args::RowsArgs;
use crate::cmd::store_args::{self, Format};
use crate::ExitCode;

/// Builds the signed graph (one edge per pair of actors with evidence: cooperative,
/// hostile or mixed), classifies every triangle by structural balance (none or two
/// hostile edges is balanced, "the enemy of my enemy is my friend"; one or three is
/// unbalanced; a mixed edge makes it ambiguous unless --mixed says otherwise), and
/// scores each actor caught between two hostile ones for hedging (README: "Hedging").
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only triangles and hedging that involve this party.
    #[arg(value_name = "ACTOR")]
    pub party: Option<String>,
    #[command(flatten)]
    pub rows: RowsArgs,
    /// How a mixed edge counts in a triangle: ambiguous (its own class), positive,
    /// negative, or ignore (no triangle).
    #[arg(long, value_enum, default_value_t = MixedArg::Ambiguous)]
    pub mixed: MixedArg,
    /// An edge needs at least this many counted events.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_events: u32,
    /// Output format (default: table on a terminal, jsonl when stdout is a pipe or a
    /// file, as ripgrep does, so `aras ... | cat` gets whole records).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum MixedArg {
    Ambiguous,
    Positive,
    Negative,
    Ignore,
}

impl From<MixedArg> for MixedPolicy {
    fn from(m: MixedArg) -> MixedPolicy {
        match m {
            MixedArg::Ambiguous => MixedPolicy::Ambiguous,
            MixedArg::Positive => MixedPolicy::Positive,
            MixedArg::Negative => MixedPolicy::Negative,
            MixedArg::Ignore => MixedPolicy::Ignore,
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    // The whole graph is needed even with a focus: a triangle's third edge does not
    // involve the focus actor.
    let rows = args.rows.rows(&args.rows.filter)?;
    let mut dyads = args.rows.dyad_options();
    dyads.min_events = args.min_events.max(1);
    let options = BalanceOptions {
        dyads,
        mixed: args.mixed.into(),
        focus: args.party.clone(),
        ..BalanceOptions::default()
    };
    let report = balance(&rows, &options);
    match Format::resolve(args.format) {
        Format::Table => {
            store_args::print_text(&render_balance_table(&report, store_args::terminal_width()))?
        }
        Format::Jsonl => {
            // Every edge, triangle and hedger, type-tagged.
            let mut out = Vec::new();
            aras_export::write_tagged("edge", &report.edges, &mut out)?;
            aras_export::write_tagged("triad", &report.triads, &mut out)?;
            aras_export::write_tagged("hedging", &report.hedging, &mut out)?;
            store_args::print_bytes(&out)?;
        }
        Format::Csv => {
            // The hedgers: the table an analyst sorts; triangles are in --format jsonl.
            let mut out = Vec::new();
            aras_export::write_balance_csv(&report, std::io::sink(), &mut out)?;
            store_args::print_bytes(&out)?;
        }
    }
    Ok(ExitCode::Ok)
}
