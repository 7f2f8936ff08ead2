//! `aras analyze`: documents in, JSON Lines records (`SCHEMA.md`) out, or with `--format
//! parquet --out DIR` a Parquet dataset partitioned by publication day
//! (`aras_export::dataset`).

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use aras_export::{DatasetOptions, DatasetWriter, Table};
use aras_schema::records::Record;

use crate::batch::{self, BatchArgs, Output};
use crate::{model_source, ExitCode};

/// Analyse documents and write one JSON record a line to stdout (see SCHEMA.md), or a
/// Parquet dataset with --format parquet --out DIR.
///
/// Every record has a `type` and the `doc_id` it belongs to; offsets are UTF-8 byte
/// offsets into the document body.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Parquet (--format parquet --out DIR) writes one table per record type, \
    each partitioned by the document's publication day in Hive layout:\n\
    \n  DIR/events/published=2024-03-04/part-00000.parquet\
    \n  DIR/events/published=__HIVE_DEFAULT_PARTITION__/part-00000.parquet   (documents without a date)\
    \n  DIR/events/_common_metadata                                          (the schema, no rows)\
    \n  DIR/documents/…  DIR/actors/…  DIR/times/…  DIR/quotes/…  DIR/claims/…\n\
    \n`events` has the Arrow schema of `aras export --format parquet` (cluster_id 0: analyze does \
    not cluster; trigger offsets, mention ids and quote_id are in the JSON Lines only); the \
    other tables have one column per record field, nested objects flattened with `_` \
    (speaker_name). Every file also has `published` as a column. Rows are written as documents \
    finish (memory stays flat); the dataset is built in a hidden directory beside DIR and \
    renamed to DIR at the end, so a failed run leaves no DIR. DIR must not exist or be empty.\n\
    \nExamples:\n  aras analyze examples/baku-ceasefire.txt\n  cat docs.jsonl | aras analyze - > records.jsonl\n  \
    aras analyze --format parquet --out coded/ articles.jsonl\n  \
    aras analyze --format parquet --tables events,documents --out coded/ articles.jsonl\n  \
    duckdb -c \"SELECT published, count(*) FROM read_parquet('coded/events/*/*.parquet', hive_partitioning=false) GROUP BY 1\""
)]
pub struct Args {
    #[command(flatten)]
    pub batch: BatchArgs,
    /// Tagger/parser model file (default: $ARAS_MODEL, else the model built into aras).
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
    /// Output format: JSON Lines on stdout, or a Parquet dataset in --out DIR.
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Jsonl)]
    pub format: AnalyzeFormat,
    /// The dataset directory of --format parquet: a new path or an empty directory.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// With --format parquet: the tables to write, comma-separated (default all:
    /// documents,actors,times,quotes,events,claims).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub tables: Vec<String>,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalyzeFormat {
    /// One JSON record a line on stdout (SCHEMA.md).
    Jsonl,
    /// A Parquet dataset in --out DIR, partitioned by publication day.
    Parquet,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let dataset = match (args.format, &args.out) {
        (AnalyzeFormat::Jsonl, None) if args.tables.is_empty() => None,
        (AnalyzeFormat::Jsonl, _) => {
            bail!("--out and --tables are for --format parquet; JSON Lines go to stdout")
        }
        (AnalyzeFormat::Parquet, None) => {
            bail!("--format parquet needs --out DIR (a new or empty directory)")
        }
        (AnalyzeFormat::Parquet, Some(dir)) => {
            let mut options = DatasetOptions::default();
            if !args.tables.is_empty() {
                options.tables = args
                    .tables
                    .iter()
                    .map(|t| t.trim().parse::<Table>())
                    .collect::<Result<_, _>>()?;
            }
            // Checked before the model loads: a wrong --out fails at once.
            Some(
                DatasetWriter::create(dir, options)
                    .with_context(|| format!("cannot write the dataset {}", dir.display()))?,
            )
        }
    };
    let engine = model_source::engine(args.model.as_deref(), args.batch.quiet || args.batch.json)?;
    let Some(writer) = dataset else {
        return batch::run("analyze", &args.batch, |doc, deadline, out| {
            let reading = aras_pipeline::read_within(&engine, doc, deadline)?;
            aras_pipeline::records::write_jsonl(&reading, out);
            Ok(batch::Done {
                tokens: reading.analyzed.n_tokens(),
                long_sentences_cut: reading.analyzed.long_sentences_cut,
            })
        });
    };
    let mut sink = Dataset(writer);
    let code = batch::run_into(
        "analyze",
        &args.batch,
        |doc, deadline, out: &mut Vec<Record>| {
            let reading = aras_pipeline::read_within(&engine, doc, deadline)?;
            *out = aras_pipeline::records::records(&reading);
            Ok(batch::Done {
                tokens: reading.analyzed.n_tokens(),
                long_sentences_cut: reading.analyzed.long_sentences_cut,
            })
        },
        &mut sink,
    )?;
    let out = args.out.as_deref().unwrap_or(std::path::Path::new("."));
    let summary = sink
        .0
        .finish()
        .with_context(|| format!("cannot write the dataset {}", out.display()))?;
    if args.batch.json {
        eprintln!(
            "{}",
            serde_json::json!({"type":"dataset","out":out,"rows":summary.rows,"files":summary.files,"partitions":summary.partitions})
        );
    } else if !args.batch.quiet {
        let rows: Vec<String> = summary
            .rows
            .iter()
            .map(|(table, n)| format!("{n} {table}"))
            .collect();
        eprintln!(
            "aras: wrote {}: {} in {} files over {} publication days",
            out.display(),
            rows.join(", "),
            summary.files,
            summary.partitions
        );
    }
    Ok(code)
}

/// The Parquet dataset as the batch's output: one document's records at a time.
struct Dataset(DatasetWriter);

impl Output<Vec<Record>> for Dataset {
    fn write(&mut self, records: Vec<Record>) -> Result<()> {
        Ok(self.0.write_document(&records)?)
    }

    fn flush(&mut self) -> Result<()> {
        Ok(())
    }
}
