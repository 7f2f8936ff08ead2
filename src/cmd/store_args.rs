//! What the store commands share: where the store is, output formats, and tables that
//! fit the terminal.

use std::io::{self, IsTerminal, Write};

use anyhow::{Context, Result};
use aras_relations::{render_table, Column};
use aras_store::Store;

/// `--db` of `aras ingest`: a SQLite file (created if missing) or a PostgreSQL URL.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArg {
    /// The store: a SQLite file (created if missing) or a postgres://user:pass@host/db URL.
    #[arg(
        long,
        value_name = "PATH|URL",
        env = "ARAS_DB",
        hide_env_values = true,
        default_value = "aras.db"
    )]
    pub db: String,
}

impl DbArg {
    /// Opens the store, creating (and migrating) it as needed.
    pub fn open(&self) -> Result<Store> {
        Store::open(&self.db)
            .with_context(|| format!("cannot open the store {}", redacted(&self.db)))
    }
}

/// `--db` of the commands that read a store: it must exist already (issue 16: their help
/// once said "created if missing" while they refused a missing file, rightly: a typo in
/// `--db` should not answer with an empty new store).
#[derive(clap::Args, Debug, Clone)]
pub struct ExistingDbArg {
    /// The store to read: a SQLite file made by `aras ingest` (never created here) or a
    /// postgres://user:pass@host/db URL.
    #[arg(
        long,
        value_name = "PATH|URL",
        env = "ARAS_DB",
        hide_env_values = true,
        default_value = "aras.db"
    )]
    pub db: String,
}

impl ExistingDbArg {
    /// Refuses a SQLite path where there is no file.
    pub fn check_exists(&self) -> Result<()> {
        if !aras_store::is_postgres_url(&self.db) && !std::path::Path::new(&self.db).exists() {
            anyhow::bail!(
                "no store at {} (create one with `aras ingest --db {} INPUT…`)",
                self.db,
                self.db
            );
        }
        Ok(())
    }

    /// Opens a store the queries can read, read-only.
    pub fn open_existing(&self) -> Result<Store> {
        self.check_exists()?;
        Store::open_for_reading(&self.db)
            .with_context(|| format!("cannot open the store {}", redacted(&self.db)))
    }
}

/// A store location fit for messages: a URL's password replaced by ***.
pub fn redacted(location: &str) -> String {
    let Some((scheme, rest)) = location.split_once("://") else {
        return location.to_string();
    };
    match rest.split_once('@') {
        Some((user_pass, host)) if user_pass.contains(':') => {
            let user = user_pass.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}")
        }
        _ => location.to_string(),
    }
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns that fit the terminal (long text cut with …).
    Table,
    /// One JSON object a line, every field.
    Jsonl,
    /// Comma-separated values with a header, every field.
    Csv,
}

impl Format {
    /// The format asked for, else a table when stdout is a terminal and JSON Lines when it
    /// is a pipe or a file (issue 16: a piped table cut evidence at 120 columns).
    pub fn resolve(asked: Option<Format>) -> Format {
        Format::default_for(asked, io::stdout().is_terminal())
    }

    fn default_for(asked: Option<Format>, terminal: bool) -> Format {
        asked.unwrap_or(if terminal {
            Format::Table
        } else {
            Format::Jsonl
        })
    }
}

/// The terminal's width, else $COLUMNS, else 120 (output to a file or pipe).
pub fn terminal_width() -> usize {
    if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
        return usize::from(w).max(40);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(120)
        .max(40)
}

/// Prints rows under `columns` as a table that fits the terminal (aras-relations'
/// renderer, the one every `--format table` uses).
pub fn print_table(columns: &[Column], rows: &[Vec<String>]) -> Result<()> {
    print_text(&render_table(columns, rows, terminal_width()))
}

/// Writes each row as one JSON line.
pub fn print_jsonl<T: serde::Serialize>(rows: &[T]) -> Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let result = (|| -> io::Result<()> {
        for row in rows {
            serde_json::to_writer(&mut out, row)?;
            out.write_all(b"\n")?;
        }
        out.flush()
    })();
    closed_pipe_is_fine(result)
}

/// Writes rows as CSV with a header from the field names.
pub fn print_csv<T: serde::Serialize>(rows: &[T]) -> Result<()> {
    let mut w = csv::Writer::from_writer(io::stdout().lock());
    for row in rows {
        if let Err(e) = w.serialize(row) {
            if let csv::ErrorKind::Io(io) = e.kind() {
                if io.kind() == io::ErrorKind::BrokenPipe {
                    return Ok(());
                }
            }
            return Err(e).context("cannot write CSV");
        }
    }
    closed_pipe_is_fine(w.flush())
}

fn closed_pipe_is_fine(result: io::Result<()>) -> Result<()> {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e).context("cannot write output"),
        _ => Ok(()),
    }
}

/// A `YYYY-MM-DD` flag value.
pub fn parse_day(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse()
        .map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

/// The event filters every event query shares (`aras events`, and the relation commands).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct EventFilterArgs {
    /// Either side's actor code starts with this (ISR, ISRMIL), or its country is it.
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    /// Either side's country (ISO 3166-1 alpha-3).
    #[arg(long, value_name = "ISO3")]
    pub country: Option<String>,
    /// Events between A and B (each matched as --actor is), either direction unless
    /// --directed.
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    pub dyad: Option<Vec<String>>,
    /// With --dyad: only A as source and B as target.
    #[arg(long, requires = "dyad")]
    pub directed: bool,
    /// A CAMEO code and its sub-codes (19, 042, 0421).
    #[arg(long, value_name = "CODE")]
    pub cameo: Option<aras_schema::CameoCode>,
    /// CAMEO root (01..20).
    #[arg(long, value_name = "NN")]
    pub root: Option<aras_schema::Root>,
    /// PLOVER event type (ASSAULT, AGREE, ...).
    #[arg(long, value_name = "TYPE")]
    pub plover: Option<aras_schema::PloverType>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    #[arg(long, value_name = "1-4")]
    pub quad: Option<aras_schema::QuadClass>,
    /// On or after this day (the event's date, else its document's publication date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub from: Option<jiff::civil::Date>,
    /// On or before this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub to: Option<jiff::civil::Date>,
    /// factual (asserted or reported, not negated: the default), all, or a comma list of
    /// asserted, reported, hypothetical, intended, denied.
    #[arg(long, value_name = "WHICH", default_value = "factual")]
    pub modality: aras_store::ModalityFilter,
    /// Publication (the document's `source`), exact, any case.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
}

impl EventFilterArgs {
    pub fn filter(&self, limit: Option<usize>) -> aras_store::EventFilter {
        aras_store::EventFilter {
            actor: self.actor.clone(),
            country: self.country.clone(),
            dyad: self.dyad.as_ref().map(|d| (d[0].clone(), d[1].clone())),
            directed: self.directed,
            cameo: self.cameo,
            root: self.root,
            plover: self.plover,
            quad_class: self.quad,
            from: self.from,
            to: self.to,
            modality: self.modality.clone(),
            publication: self.source.clone(),
            limit,
        }
    }
}

/// The filters of `aras actors` and `aras quotes`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct MentionFilterArgs {
    /// Actor (for quotes: speaker) code starts with this.
    #[arg(long, value_name = "CODE")]
    pub actor: Option<String>,
    /// Country (ISO 3166-1 alpha-3).
    #[arg(long, value_name = "ISO3")]
    pub country: Option<String>,
    /// Publication (the document's `source`), exact, any case.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Documents published on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub from: Option<jiff::civil::Date>,
    /// Documents published on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub to: Option<jiff::civil::Date>,
}

impl MentionFilterArgs {
    pub fn filter(&self, limit: Option<usize>) -> aras_store::MentionFilter {
        aras_store::MentionFilter {
            actor: self.actor.clone(),
            country: self.country.clone(),
            publication: self.source.clone(),
            from: self.from,
            to: self.to,
            limit,
        }
    }
}

/// Writes a rendered table (with a final newline); a reader that stops early (`| head`)
/// is not an error.
pub fn print_text(text: &str) -> Result<()> {
    let mut bytes = text.trim_end().as_bytes().to_vec();
    bytes.push(b'\n');
    print_bytes(&bytes)
}

/// Writes bytes already rendered (a CSV from aras-export); a closed pipe is fine.
pub fn print_bytes(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    closed_pipe_is_fine(out.write_all(bytes).and_then(|()| out.flush()))
}

#[cfg(test)]
mod tests {
    use super::{redacted, Format};

    #[test]
    fn issue16_the_default_format_is_a_table_only_on_a_terminal() {
        // (asked, stdout is a terminal, format)
        let cases = [
            (None, true, Format::Table),
            (None, false, Format::Jsonl),
            (Some(Format::Table), false, Format::Table),
            (Some(Format::Csv), true, Format::Csv),
        ];
        for (asked, terminal, want) in cases {
            assert_eq!(
                Format::default_for(asked, terminal),
                want,
                "{asked:?} {terminal}"
            );
        }
    }

    #[test]
    fn passwords_stay_out_of_messages() {
        let cases = [
            (
                "postgres://aras:secret@127.0.0.1/db",
                "postgres://aras:***@127.0.0.1/db",
            ),
            (
                "postgres://aras@127.0.0.1/db",
                "postgres://aras@127.0.0.1/db",
            ),
            ("aras.db", "aras.db"),
        ];
        for (given, shown) in cases {
            assert_eq!(redacted(given), shown);
        }
    }
}
