//! `aras ingest`: analyse documents (as `aras analyze` does) and store everything read in
//! them in the store, one transaction per batch.
//!
//! Documents are read in order; those whose body hash is already stored are skipped
//! before analysis; the rest are analysed in parallel (rayon) and handed, a batch at a
//! time, to a single writer thread that owns the store connection, so analysis of the
//! next batch overlaps the writing of the previous one.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Instant;

use anyhow::{Context, Result};
use aras_ingest::Document;
use aras_store::{BatchOutcome, DocumentRecords, Store};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::batch::{BatchArgs, Problem};
use crate::cmd::store_args::DbArg;
use crate::{model_source, ExitCode};

/// Analyse documents and store their records (documents, actors, events, quotes, times,
/// claims) in the store; events from different documents that describe one happening are
/// linked into clusters.
///
/// Re-ingesting a document whose body is already stored is a no-op. Each batch is one
/// transaction: an interrupted ingest leaves whole batches behind and a re-run completes it.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub batch: BatchArgs,
    /// Tagger/parser model file (default: $ARAS_MODEL, else the model built into aras).
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 128, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch_size: u64,
}

/// What the run did, for the summary line and `--json`.
#[derive(Debug, Default, serde::Serialize)]
struct Summary {
    read: u64,
    stored: u64,
    skipped: u64,
    failed: u64,
    events: u64,
    new_clusters: u64,
    seconds: f64,
    /// Time the writer spent in store transactions (the rest overlaps with analysis).
    write_seconds: f64,
    documents_per_second: f64,
    store: Option<aras_store::Counts>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let quiet = args.batch.quiet || args.batch.json;
    let engine = model_source::engine(args.model.as_deref(), quiet)?;
    let writer_store = args.db.open()?;
    // A second connection answers "already stored?" while the writer writes.
    let mut reader = args.db.open()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.batch.threads())
        .build()
        .context("cannot start worker threads")?;
    let progress = if quiet {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} documents read, {msg} [{elapsed}]")
                .expect("valid template"),
        );
        bar
    };
    let started = Instant::now();
    let mut summary = Summary::default();
    let batch_size = args.batch_size as usize;
    let (send, receive) = mpsc::sync_channel::<Vec<DocumentRecords>>(1);

    let written: Result<(Store, BatchOutcome, f64)> = std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<(Store, BatchOutcome, f64)> {
            let mut store = writer_store;
            let mut total = BatchOutcome::default();
            let mut busy = 0.0;
            for batch in receive {
                let t = Instant::now();
                let o = store.ingest(&batch).context("cannot write to the store")?;
                busy += t.elapsed().as_secs_f64();
                total.stored += o.stored;
                total.skipped += o.skipped;
                total.events += o.events;
                total.new_clusters += o.new_clusters;
            }
            Ok((store, total, busy))
        });
        let mut seen: HashSet<String> = HashSet::new();
        let mut stream = aras_ingest::read_inputs(&args.batch.inputs()).peekable();
        let mut chunk: Vec<Document> = Vec::with_capacity(batch_size);
        let mut read_result: Result<()> = Ok(());
        while stream.peek().is_some() {
            chunk.clear();
            for item in stream.by_ref() {
                match item {
                    Ok(doc) => chunk.push(doc),
                    Err(err) => {
                        if !err.is_warning() {
                            summary.failed += 1;
                        }
                        progress.suspend(|| Problem::input(&err).report(args.batch.json));
                    }
                }
                if chunk.len() == batch_size {
                    break;
                }
            }
            summary.read += chunk.len() as u64;
            let hashes: Vec<String> =
                pool.install(|| chunk.par_iter().map(Document::sha256).collect());
            let known = match reader.stored_sha256(&hashes) {
                Ok(k) => k,
                Err(e) => {
                    read_result = Err(e).context("cannot read the store");
                    break;
                }
            };
            let todo: Vec<&Document> = chunk
                .iter()
                .zip(&hashes)
                .filter(|(_, h)| !known.contains(*h) && seen.insert((*h).clone()))
                .map(|(d, _)| d)
                .collect();
            summary.skipped += (chunk.len() - todo.len()) as u64;
            let analysed: Vec<Result<DocumentRecords, Problem>> = pool.install(|| {
                todo.par_iter()
                    .map(|doc| {
                        let reading =
                            aras_pipeline::read_within(&engine, doc, args.batch.deadline())
                                .map_err(|e| Problem::document(doc, e.to_string()))?;
                        let mut jsonl = String::new();
                        aras_pipeline::records::write_jsonl(&reading, &mut jsonl);
                        DocumentRecords::from_jsonl(doc.text.as_str(), &jsonl)
                            .map_err(|e| Problem::document(doc, e.to_string()))
                    })
                    .collect()
            });
            let mut batch = Vec::with_capacity(analysed.len());
            for a in analysed {
                match a {
                    Ok(d) => batch.push(d),
                    Err(problem) => {
                        summary.failed += 1;
                        progress.suspend(|| problem.report(args.batch.json));
                    }
                }
            }
            if !batch.is_empty() && send.send(batch).is_err() {
                break; // the writer stopped: its error is reported below
            }
            progress.set_position(summary.read);
            progress.set_message(format!("{} skipped as already stored", summary.skipped));
        }
        drop(send);
        let written = writer.join().expect("the writer thread does not panic");
        read_result.and(written)
    });
    progress.finish_and_clear();
    let (mut store, outcome, write_seconds) = written?;
    summary.write_seconds = write_seconds;
    summary.stored = outcome.stored;
    summary.skipped += outcome.skipped;
    summary.events = outcome.events;
    summary.new_clusters = outcome.new_clusters;
    summary.seconds = started.elapsed().as_secs_f64();
    summary.documents_per_second = summary.stored as f64 / summary.seconds.max(1e-9);
    summary.store = Some(store.counts().context("cannot count the store")?);
    if args.batch.json {
        // One object on stderr, each figure its own key (stdout holds results, and
        // ingest has none).
        let mut object = serde_json::json!({"type": "summary", "command": "ingest"});
        if let (Some(map), Ok(serde_json::Value::Object(fields))) =
            (object.as_object_mut(), serde_json::to_value(&summary))
        {
            map.extend(fields);
        }
        eprintln!("{object}");
    } else if !args.batch.quiet {
        let c = summary.store.unwrap_or_default();
        eprintln!(
            "aras: stored {} documents ({} events, {} new clusters) in {:.2} s ({:.1} documents/s, \
             {:.2} s of it writing); skipped {} already stored; {} inputs failed",
            summary.stored,
            summary.events,
            summary.new_clusters,
            summary.seconds,
            summary.documents_per_second,
            summary.write_seconds,
            summary.skipped,
            summary.failed
        );
        eprintln!(
            "aras: the store has {} documents, {} events in {} clusters, {} actor mentions, {} quotes, {} times, {} claims",
            c.documents, c.events, c.clusters, c.actors, c.quotes, c.times, c.claims
        );
    }
    Ok(if summary.failed > 0 {
        ExitCode::SomeInputsFailed
    } else {
        ExitCode::Ok
    })
}
