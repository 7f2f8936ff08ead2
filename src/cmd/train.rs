//! `aras train`: rebuild the shipped tagger/parser model from a UD treebank.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use aras_nlp::{conllu, model};

use crate::ExitCode;

/// Train the tagger and parser from a CoNLL-U treebank and write the model file.
///
/// Deterministic: the same treebank and seed give the same bytes. The shipped model is
/// made with the defaults: aras train --train ../shared/data/ud/en_ewt-ud-train.conllu
/// --out models/en_ewt.model (then rebuild aras to embed it).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Training treebank (CoNLL-U).
    #[arg(
        long,
        value_name = "FILE",
        default_value = "../shared/data/ud/en_ewt-ud-train.conllu"
    )]
    pub train: PathBuf,
    /// Where to write the model.
    #[arg(long, value_name = "FILE", default_value = "models/en_ewt.model")]
    pub out: PathBuf,
    /// Seed for the training order and the jackknife folds.
    #[arg(long, default_value_t = model::TrainOptions::default().seed)]
    pub seed: u64,
    /// No progress lines.
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let text = std::fs::read_to_string(&args.train)
        .with_context(|| format!("cannot read {}", args.train.display()))?;
    let sents = conllu::parse(&text).with_context(|| format!("{}", args.train.display()))?;
    let opts = model::TrainOptions {
        seed: args.seed,
        ..Default::default()
    };
    let quiet = args.quiet;
    let mut log = |msg: &str| {
        if !quiet {
            eprintln!("[{:7.1}s] {msg}", started.elapsed().as_secs_f64());
        }
    };
    let trained = model::train(&sents, &opts, &mut log);
    let bytes = trained.to_bytes();
    let tmp = args.out.with_extension("model.tmp");
    std::fs::write(&tmp, &bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &args.out)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    log(&format!(
        "wrote {} ({} bytes) from {} sentences",
        args.out.display(),
        bytes.len(),
        sents.len()
    ));
    Ok(ExitCode::Ok)
}
