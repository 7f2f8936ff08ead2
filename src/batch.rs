//! Runs a per-document job over every input: documents stream in, worker threads process
//! them in parallel, and each document's output is written as soon as it and every
//! document before it are done, in input order (issue 16: a chunk was once held until its
//! slowest document finished). Bad inputs are reported on stderr as they come and never
//! stop the batch; a document over its time budget gets an error line and the batch goes
//! on.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use aras_ingest::{Document, Input};
use aras_pipeline::{Deadline, TimedOut};
use indicatif::{ProgressBar, ProgressStyle};

use crate::ExitCode;

/// Flags every batch command shares.
#[derive(clap::Args, Debug, Clone)]
pub struct BatchArgs {
    /// Files or directories to read (recursively), or - for JSON Lines on stdin.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Worker threads (default and most: one per available core).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// No progress bar and no summary line; errors are still printed.
    #[arg(short, long)]
    pub quiet: bool,
    /// Machine-readable reports: results stay JSON Lines on stdout (`analyze`), and every
    /// error, warning and the summary is one JSON object a line on stderr, each field its
    /// own key: {"type":"error"|"warning","file","line","document","message"} and
    /// {"type":"summary","command",...} (written even with --quiet).
    #[arg(long)]
    pub json: bool,
    /// Seconds one document may take; a document still running then gets an error line
    /// and the batch goes on (0: no limit). Analysis takes about 15 s per MB of text.
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_DOC_TIMEOUT)]
    pub doc_timeout: u64,
}

/// The default per-document time budget, in seconds.
pub const DEFAULT_DOC_TIMEOUT: u64 = 120;

impl BatchArgs {
    pub fn inputs(&self) -> Vec<Input> {
        self.inputs.iter().map(Input::from_arg).collect()
    }

    /// Worker threads: as asked, but never more than the cores available (threads beyond
    /// them only cost memory and start-up time: `-j 10000` once took 36 s), at least one.
    pub fn threads(&self) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        self.jobs.unwrap_or(cores).clamp(1, cores)
    }

    /// The deadline of a document started now, if there is a budget.
    pub fn deadline(&self) -> Option<Deadline> {
        (self.doc_timeout > 0).then(|| Deadline::after(Duration::from_secs(self.doc_timeout)))
    }
}

/// What a job reports about one document it rendered.
#[derive(Debug, Default, Clone, Copy)]
pub struct Done {
    pub tokens: usize,
    /// Runs of words cut into sentences at the sentence-length bound.
    pub long_sentences_cut: usize,
}

/// How many documents may be read ahead of the oldest one still being processed, per
/// worker: enough to keep every worker busy behind a slow document, few enough that
/// memory stays bounded (by this many documents of at most 64 MiB each).
const WINDOW_PER_WORKER: usize = 2;

/// Where the documents' outputs go, in input order: stdout for text, or a file writer
/// (`aras analyze --format parquet`).
pub trait Output<O> {
    /// Takes one finished document's output.
    fn write(&mut self, output: O) -> Result<()>;
    /// Called whenever no finished document is waiting, and at the end.
    fn flush(&mut self) -> Result<()>;
}

/// Text to stdout, buffered, flushed whenever the workers are behind.
pub struct Stdout(io::BufWriter<io::StdoutLock<'static>>);

impl Output<String> for Stdout {
    fn write(&mut self, output: String) -> Result<()> {
        Ok(self.0.write_all(output.as_bytes())?)
    }

    fn flush(&mut self) -> Result<()> {
        Ok(self.0.flush()?)
    }
}

/// Processes every document with `render` (which appends the document's output to a
/// buffer, or gives up at the deadline) and writes the buffers to stdout in input order.
/// `command` names the subcommand in the `--json` summary.
pub fn run<F>(command: &str, args: &BatchArgs, render: F) -> Result<ExitCode>
where
    F: Fn(&Document, Option<Deadline>, &mut String) -> Result<Done, TimedOut> + Sync,
{
    let mut out = Stdout(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()));
    run_into(command, args, render, &mut out)
}

/// [`run`] with any [`Output`]: each document's output is an `O` that `render` fills.
pub fn run_into<O, F, W>(
    command: &str,
    args: &BatchArgs,
    render: F,
    out: &mut W,
) -> Result<ExitCode>
where
    O: Default + Send,
    F: Fn(&Document, Option<Deadline>, &mut O) -> Result<Done, TimedOut> + Sync,
    W: Output<O>,
{
    let workers = args.threads();
    let window = workers * WINDOW_PER_WORKER;
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
    let (mut docs, mut tokens) = (0usize, 0usize);
    let mut failed = 0usize;
    let inputs = args.inputs();

    // Tickets bound the documents in flight: the reader takes one per document, the
    // writer gives it back once the document's output is written.
    let (ticket_tx, ticket_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        ticket_tx.send(()).expect("the channel holds a full window");
    }
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Document)>(window);
    let work_rx = Mutex::new(work_rx);
    type Outcome<O> = (usize, Document, O, Result<Done, TimedOut>);
    let (done_tx, done_rx) = mpsc::channel::<Outcome<O>>();
    let read_failed = std::sync::atomic::AtomicUsize::new(0);

    let result: Result<()> = std::thread::scope(|scope| {
        let progress_r = progress.clone();
        let read_failed = &read_failed;
        let inputs = &inputs;
        scope.spawn(move || {
            let mut seq = 0;
            for item in aras_ingest::read_inputs(inputs) {
                match item {
                    Ok(doc) => {
                        if ticket_rx.recv().is_err() || work_tx.send((seq, doc)).is_err() {
                            return; // the writer stopped
                        }
                        seq += 1;
                    }
                    Err(err) => {
                        if !err.is_warning() {
                            read_failed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        }
                        progress_r.suspend(|| Problem::input(&err).report(args.json));
                    }
                }
            }
        });
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            let render = &render;
            scope.spawn(move || loop {
                let next = work_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((seq, doc))) = next else {
                    return;
                };
                let mut buf = O::default();
                let outcome = render(&doc, args.deadline(), &mut buf);
                if done_tx.send((seq, doc, buf, outcome)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        // Owned here so that leaving early (a closed pipe) drops them: the reader then
        // runs out of tickets and the workers out of a receiver, and the scope can end.
        let (ticket_tx, done_rx) = (ticket_tx, done_rx);
        let mut pending: BTreeMap<usize, Outcome<O>> = BTreeMap::new();
        let mut next = 0;
        for outcome in done_rx.iter() {
            pending.insert(outcome.0, outcome);
            while let Some((_, doc, buf, result)) = pending.remove(&next) {
                next += 1;
                docs += 1;
                match result {
                    Ok(done) => {
                        out.write(buf)?;
                        tokens += done.tokens;
                        if done.long_sentences_cut > 0 {
                            let message = format!(
                                "{} runs of more than {} words without a sentence end were cut into sentences",
                                done.long_sentences_cut,
                                aras_text::MAX_SENTENCE_TOKENS
                            );
                            let problem = Problem::document(&doc, message).warning();
                            progress.suspend(|| problem.report(args.json));
                        }
                    }
                    Err(timed_out) => {
                        failed += 1;
                        let problem = Problem::document(&doc, timed_out.to_string());
                        progress.suspend(|| problem.report(args.json));
                    }
                }
                let _ = ticket_tx.try_send(());
                progress.set_position(docs as u64);
                progress.set_message(format!("{tokens} tokens"));
            }
            out.flush()?;
        }
        Ok(())
    });
    if let Err(e) = result.and_then(|()| out.flush()) {
        return write_failed(e);
    }
    failed += read_failed.into_inner();
    progress.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    if args.json {
        eprintln!(
            "{}",
            serde_json::json!({"type":"summary","command":command,"documents":docs,"failed":failed,"tokens":tokens,"seconds":secs})
        );
    } else if !args.quiet {
        eprintln!(
            "aras: {docs} documents, {tokens} tokens in {secs:.2} s ({:.0} tokens/s); {failed} inputs failed",
            tokens as f64 / secs.max(1e-9)
        );
    }
    Ok(if failed > 0 {
        ExitCode::SomeInputsFailed
    } else {
        ExitCode::Ok
    })
}

/// One error or warning about an input or a document, reported on stderr: as text,
/// `aras: <file>[:<line>]: [document <id>: ][warning: ]<message>`, or with `--json` as
/// one object a line with each part its own key.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub warning: bool,
    /// The input's path (`-` for stdin); empty for a problem with no file.
    pub file: String,
    pub line: Option<usize>,
    /// The document's id, for a problem with one document.
    pub document: Option<String>,
    pub message: String,
}

impl Problem {
    /// A bad input, line or feed item as the reader reported it.
    pub fn input(err: &aras_ingest::IngestError) -> Problem {
        let message = err.kind().to_string();
        // A reader's warning (invalid UTF-8 with the readable part kept, a date that is
        // not one) says so in its message; here it is the type.
        let (warning, message) = match message.strip_prefix("warning: ") {
            Some(rest) => (true, rest.to_string()),
            None => (err.is_warning(), message),
        };
        Problem {
            warning,
            file: err.path().to_string(),
            line: err.line(),
            document: None,
            message,
        }
    }

    /// A problem with one document (gave up at its deadline, its records refused, ...).
    pub fn document(doc: &Document, message: String) -> Problem {
        Problem {
            warning: false,
            file: doc.origin.path.clone(),
            line: doc.origin.line,
            document: Some(doc.id.clone()),
            message,
        }
    }

    /// A problem with no file or document (a fatal error).
    pub fn general(message: String) -> Problem {
        Problem {
            warning: false,
            file: String::new(),
            line: None,
            document: None,
            message,
        }
    }

    pub fn warning(mut self) -> Problem {
        self.warning = true;
        self
    }

    /// The text form, without the `aras: ` prefix.
    pub fn text(&self) -> String {
        let mut s = self.file.clone();
        if let Some(line) = self.line {
            s.push_str(&format!(":{line}"));
        }
        if !s.is_empty() {
            s.push_str(": ");
        }
        if let Some(doc) = &self.document {
            s.push_str(&format!("document {doc}: "));
        }
        if self.warning {
            s.push_str("warning: ");
        }
        s.push_str(&self.message);
        s
    }

    /// The `--json` form: `{"type":"error"|"warning","file","line","document","message"}`.
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "type": if self.warning { "warning" } else { "error" },
            "file": (!self.file.is_empty()).then_some(&self.file),
            "line": self.line,
            "document": self.document,
            "message": self.message,
        })
    }

    pub fn report(&self, json: bool) {
        if json {
            eprintln!("{}", self.json());
        } else {
            eprintln!("aras: {}", self.text());
        }
    }
}

/// A closed pipe (`aras analyze ... | head`) is how a reader says it has enough: stop
/// quietly. Anything else is a real failure.
fn write_failed(e: anyhow::Error) -> Result<ExitCode> {
    if e.downcast_ref::<io::Error>()
        .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    {
        return Ok(ExitCode::Ok);
    }
    Err(e).context("cannot write output")
}
