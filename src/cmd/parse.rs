//! `aras parse`: tokens, tags and dependency trees as CoNLL-U, for checking the syntax
//! every later stage stands on.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use aras_nlp::conllu;
use rayon::prelude::*;

use crate::batch::{self, BatchArgs};
use crate::{model_source, ExitCode};

/// Tag and parse text into CoNLL-U on stdout.
///
/// Raw inputs (any format `analyze` reads) are segmented and tokenised by aras; each row's
/// MISC column gives the token's byte span in the body as TokenRange=START:END. With
/// --conllu the inputs are CoNLL-U files whose tokens are kept exactly (IDs, FORMs,
/// comments and multiword-token lines pass through) and UPOS, XPOS, LEMMA, HEAD and DEPREL
/// are predicted, so the output can be scored against the input.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub batch: BatchArgs,
    /// Treat the inputs as CoNLL-U and keep their tokenisation.
    #[arg(long)]
    pub conllu: bool,
    /// Tagger/parser model file (default: $ARAS_MODEL, else the model built into aras).
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let model = model_source::load(args.model.as_deref(), args.batch.quiet || args.batch.json)?;
    if !args.conllu {
        return batch::run("parse", &args.batch, |doc, deadline, out| {
            let analyzed = aras_pipeline::analyze_within(&model, doc, deadline)?;
            aras_pipeline::conllu_out::write_conllu(&analyzed, out);
            Ok(batch::Done {
                tokens: analyzed.n_tokens(),
                long_sentences_cut: analyzed.long_sentences_cut,
            })
        });
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.batch.threads())
        .build()
        .context("cannot start worker threads")?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for path in &args.batch.inputs {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                let mut problem = batch::Problem::general(e.to_string());
                problem.file = path.display().to_string();
                problem.report(args.batch.json);
                failed += 1;
                continue;
            }
        };
        let mut sents = match conllu::parse(&text) {
            Ok(s) => s,
            Err(e) => {
                let mut problem = batch::Problem::general(e.what.clone());
                problem.file = path.display().to_string();
                problem.line = Some(e.line);
                problem.report(args.batch.json);
                failed += 1;
                continue;
            }
        };
        pool.install(|| sents.par_iter_mut().for_each(|s| model.annotate(s)));
        let mut buf = String::with_capacity(text.len() + text.len() / 4);
        for s in &sents {
            s.write_to(&mut buf);
        }
        out.write_all(buf.as_bytes())
            .context("cannot write output")?;
    }
    out.flush().context("cannot write output")?;
    Ok(if failed > 0 {
        ExitCode::SomeInputsFailed
    } else {
        ExitCode::Ok
    })
}
