//! Runs a per-document job over every input: documents stream in, are processed in
//! parallel in ordered chunks (rayon), and their output is written in input order.
//! Bad inputs are reported on stderr as they come and never stop the batch.

use std::io::{self, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use aras_ingest::{Document, Input};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::ExitCode;

/// Flags every batch command shares.
#[derive(clap::Args, Debug, Clone)]
pub struct BatchArgs {
    /// Files or directories to read (recursively), or - for JSON Lines on stdin.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar and no summary line; errors are still printed.
    #[arg(short, long)]
    pub quiet: bool,
    /// Report input errors and the summary as JSON lines instead of text, on stderr
    /// (`aras ingest`, which writes nothing else, prints its summary on stdout).
    #[arg(long)]
    pub json: bool,
}

impl BatchArgs {
    pub fn inputs(&self) -> Vec<Input> {
        self.inputs.iter().map(Input::from_arg).collect()
    }
}

/// How many documents go to the workers at once: enough to keep every core busy, few
/// enough that memory stays flat on a corpus of any size.
const CHUNK_DOCS: usize = 256;

/// Processes every document with `render` (which appends the document's output to a
/// buffer and returns how many tokens it read) and writes the buffers to stdout in order.
pub fn run<F>(args: &BatchArgs, render: F) -> Result<ExitCode>
where
    F: Fn(&Document, &mut String) -> usize + Sync,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let progress = if args.quiet {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} documents, {msg} [{elapsed}]")
                .expect("valid template"),
        );
        bar
    };
    let started = Instant::now();
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let (mut docs, mut failed, mut tokens) = (0usize, 0usize, 0usize);
    let mut chunk: Vec<Document> = Vec::with_capacity(CHUNK_DOCS);
    let mut stream = aras_ingest::read_inputs(&args.inputs()).peekable();
    while stream.peek().is_some() {
        chunk.clear();
        for item in stream.by_ref() {
            match item {
                Ok(doc) => chunk.push(doc),
                Err(err) => {
                    failed += 1;
                    progress.suspend(|| report_error(args.json, &err.to_string()));
                }
            }
            if chunk.len() == CHUNK_DOCS {
                break;
            }
        }
        let rendered: Vec<(String, usize)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|doc| {
                    let mut buf = String::new();
                    let n = render(doc, &mut buf);
                    (buf, n)
                })
                .collect()
        });
        for (buf, n) in rendered {
            if let Err(e) = out.write_all(buf.as_bytes()) {
                return write_failed(e);
            }
            tokens += n;
        }
        docs += chunk.len();
        progress.set_position(docs as u64);
        progress.set_message(format!("{tokens} tokens"));
    }
    if let Err(e) = out.flush() {
        return write_failed(e);
    }
    progress.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    if !args.quiet {
        if args.json {
            eprintln!(
                "{}",
                serde_json::json!({"type":"summary","documents":docs,"failed":failed,"tokens":tokens,"seconds":secs})
            );
        } else {
            eprintln!(
                "aras: {docs} documents, {tokens} tokens in {secs:.2} s ({:.0} tokens/s); {failed} inputs failed",
                tokens as f64 / secs.max(1e-9)
            );
        }
    }
    Ok(if failed > 0 {
        ExitCode::SomeInputsFailed
    } else {
        ExitCode::Ok
    })
}

pub fn report_error(json: bool, message: &str) {
    if json {
        eprintln!("{}", serde_json::json!({"type":"error","message":message}));
    } else {
        eprintln!("aras: {message}");
    }
}

/// A closed pipe (`aras analyze ... | head`) is how a reader says it has enough: stop
/// quietly. Anything else is a real failure.
fn write_failed(e: io::Error) -> Result<ExitCode> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Ok(ExitCode::Ok);
    }
    Err(e).context("cannot write output")
}
