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
    /// Unlabelled text for the parser's word clusters (any input `aras parse` reads);
    /// skipped with a warning when absent.
    #[arg(
        long,
        value_name = "PATH",
        default_value = "../shared/data/corpora/news_afp_xinhua_te3/articles.jsonl"
    )]
    pub unlabelled: PathBuf,
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
    let unlabelled = read_unlabelled(&args.unlabelled, &mut log);
    let trained = model::train(&sents, &unlabelled, &opts, &mut log);
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

/// The sentences of tokens of every document under `path` (segmented as `aras parse`
/// does), or none, with a warning, when it cannot be read.
fn read_unlabelled(path: &std::path::Path, log: &mut dyn FnMut(&str)) -> Vec<Vec<String>> {
    if !path.exists() {
        eprintln!(
            "aras: warning: {} not found; training without word clusters",
            path.display()
        );
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut docs = 0;
    for doc in aras_ingest::read_inputs(&[aras_ingest::Input::from_arg(path)]) {
        let Ok(doc) = doc else { continue };
        docs += 1;
        for s in aras_text::segment(&doc.text) {
            out.push(
                s.tokens
                    .iter()
                    .map(|t| t.text(&doc.text).to_string())
                    .collect(),
            );
        }
    }
    log(&format!(
        "unlabelled: {docs} documents, {} sentences from {}",
        out.len(),
        path.display()
    ));
    out
}
