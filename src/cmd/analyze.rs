//! `aras analyze`: documents in, JSON Lines records (`SCHEMA.md`) out.

use std::path::PathBuf;

use anyhow::Result;

use crate::batch::{self, BatchArgs};
use crate::{model_source, ExitCode};

/// Analyse documents and write one JSON record a line to stdout (see SCHEMA.md).
///
/// Every record has a `type` and the `doc_id` it belongs to; offsets are UTF-8 byte
/// offsets into the document body.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub batch: BatchArgs,
    /// Tagger/parser model file (default: $ARAS_MODEL, else the model built into aras).
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let engine = model_source::engine(args.model.as_deref(), args.batch.quiet || args.batch.json)?;
    batch::run("analyze", &args.batch, |doc, deadline, out| {
        let reading = aras_pipeline::read_within(&engine, doc, deadline)?;
        aras_pipeline::records::write_jsonl(&reading, out);
        Ok(batch::Done {
            tokens: reading.analyzed.n_tokens(),
            long_sentences_cut: reading.analyzed.long_sentences_cut,
        })
    })
}
