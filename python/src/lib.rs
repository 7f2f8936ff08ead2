//! `aras._aras`: the native half of the `aras` Python package (the `aras/` package wraps it).
//!
//! Documents go through exactly what `aras analyze` does to a JSON Lines input line: the
//! line is built from the caller's fields with serde_json, read by `aras_ingest`'s JSONL
//! reader, run through `aras_pipeline::read_within` and rendered by
//! `aras_pipeline::records::records` (the function behind `write_jsonl`). Records cross
//! into Python as JSON text, one string per record, which the Python side decodes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use aras_export::{DatasetOptions, DatasetWriter, ExportError, Table};
use aras_ingest::{Document, Format};
use aras_pipeline::{Deadline, Engine, TimedOut};
use aras_schema::records::Record;
use pyo3::exceptions::{
    PyFileExistsError, PyOSError, PyRuntimeError, PyTimeoutError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;

#[cfg(aras_embedded_model)]
static EMBEDDED_MODEL: &[u8] = include_bytes!("../../models/en_ewt.model");
#[cfg(not(aras_embedded_model))]
static EMBEDDED_MODEL: &[u8] = &[];

/// The process-wide engine: model, dictionaries and event lexicon, read-only once loaded.
///
/// A Python extension module is loaded once per interpreter process and its functions are
/// free functions, so there is no owner to hang the engine on but the module itself; a
/// `OnceLock` gives every call (from any Python thread, and from the rayon workers of a
/// batch) a `&'static Engine` without locking after the first load. Loading (about 12 MB
/// of model) happens on the first call, not at import, so `import aras` stays cheap.
static ENGINE: OnceLock<Engine> = OnceLock::new();

/// Everything that can go wrong here, each mapped to the Python exception a caller expects.
#[derive(Debug, thiserror::Error)]
enum Error {
    #[error("{0}")]
    BadDate(String),
    #[error("{0}")]
    BadDocument(String),
    #[error("cannot load the aras engine: {0}")]
    Engine(String),
    #[error("document {id}: {source}")]
    TimedOut { id: String, source: TimedOut },
    #[error("store {location}: {message}")]
    Store { location: String, message: String },
    #[error("Parquet dataset {out}: {source}")]
    Dataset { out: String, source: ExportError },
    #[error("the Parquet dataset {0} is already closed")]
    Closed(String),
}

impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        let message = e.to_string();
        match e {
            Error::BadDate(_) | Error::BadDocument(_) => PyValueError::new_err(message),
            Error::Engine(_) | Error::Store { .. } => PyRuntimeError::new_err(message),
            Error::TimedOut { .. } => PyTimeoutError::new_err(message),
            Error::Dataset {
                source: ExportError::OutputExists(_),
                ..
            } => PyFileExistsError::new_err(message),
            Error::Dataset {
                source: ExportError::UnknownTable(_),
                ..
            } => PyValueError::new_err(message),
            Error::Dataset { .. } => PyOSError::new_err(message),
            Error::Closed(_) => PyValueError::new_err(message),
        }
    }
}

/// The engine, loaded on first use: the model named by `ARAS_MODEL` (as for the CLI), else
/// the one embedded at build time, and the built-in dictionaries and lexicon.
fn engine() -> Result<&'static Engine, Error> {
    if let Some(engine) = ENGINE.get() {
        return Ok(engine);
    }
    // Two threads arriving first may both load; one result is kept, the other dropped.
    let loaded = load_engine()?;
    Ok(ENGINE.get_or_init(|| loaded))
}

fn load_engine() -> Result<Engine, Error> {
    let model = match std::env::var_os("ARAS_MODEL") {
        Some(path) => {
            let bytes = std::fs::read(&path).map_err(|e| {
                Error::Engine(format!("cannot read model {}: {e}", path.to_string_lossy()))
            })?;
            aras_nlp::model::Model::from_bytes(&bytes).map_err(|e| {
                Error::Engine(format!(
                    "{} is not a usable aras model: {e}",
                    path.to_string_lossy()
                ))
            })?
        }
        None if EMBEDDED_MODEL.is_empty() => {
            return Err(Error::Engine(
                "this build has no embedded model (models/en_ewt.model was missing); \
                 set ARAS_MODEL to a model file"
                    .into(),
            ))
        }
        None => aras_nlp::model::Model::from_bytes(EMBEDDED_MODEL)
            .map_err(|e| Error::Engine(format!("the embedded model is unusable: {e}")))?,
    };
    Ok(Engine {
        model,
        dictionary: aras_dict::Dictionary::builtin()
            .map_err(|e| Error::Engine(format!("the built-in dictionaries: {e}")))?,
        lexicon: aras_events::Lexicon::builtin()
            .map_err(|e| Error::Engine(format!("the built-in event lexicon: {e}")))?,
        gazetteer: aras_dict::Gazetteer::builtin()
            .map_err(|e| Error::Engine(format!("the built-in gazetteer: {e}")))?,
    })
}

/// Metadata fields a document may carry, as in a JSONL input line.
const FIELDS: [&str; 7] = ["id", "title", "date", "source", "url", "lang", "text"];

/// A date must begin with a real `YYYY-MM-DD` day (a time may follow): the pipeline dates
/// events relative to that day, and silently ignores anything else, so a typo here would
/// only show as missing event dates.
fn check_date(date: &str) -> Result<(), Error> {
    let bad = || {
        Error::BadDate(format!(
            "date {date:?} is not an ISO 8601 date (YYYY-MM-DD, optionally followed by a time)"
        ))
    };
    let b = date.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || b.get(10).is_some_and(u8::is_ascii_digit) {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = date.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
        return Err(bad());
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if day == 0 || day > days {
        return Err(bad());
    }
    Ok(())
}

/// Reads the documents as `aras analyze -` reads these JSONL lines (ids default to
/// `stdin-<n>`, n counting from 1 in input order).
fn documents(docs: Vec<HashMap<String, Option<String>>>) -> Result<Vec<Document>, Error> {
    let mut jsonl = String::new();
    for (n, doc) in docs.into_iter().enumerate() {
        let mut line = serde_json::Map::new();
        for (key, value) in doc {
            if !FIELDS.contains(&key.as_str()) {
                return Err(Error::BadDocument(format!(
                    "document {}: unknown field {key:?} (expected one of {})",
                    n + 1,
                    FIELDS.join(", ")
                )));
            }
            if key == "date" {
                if let Some(date) = &value {
                    check_date(date)?;
                }
            }
            if let Some(value) = value {
                line.insert(key, serde_json::Value::String(value));
            }
        }
        if !line.contains_key("text") {
            return Err(Error::BadDocument(format!("document {}: no text", n + 1)));
        }
        jsonl.push_str(&serde_json::Value::Object(line).to_string());
        jsonl.push('\n');
    }
    aras_ingest::parse_bytes("-", Format::Jsonl, jsonl.as_bytes())
        .into_iter()
        .map(|item| item.map_err(|e| Error::BadDocument(e.to_string())))
        .collect()
}

/// One document's records, in `aras analyze` order.
fn records(
    engine: &Engine,
    doc: &Document,
    timeout: Option<Duration>,
) -> Result<Vec<Record>, Error> {
    let reading = aras_pipeline::read_within(engine, doc, timeout.map(Deadline::after)).map_err(
        |source| Error::TimedOut {
            id: doc.id.clone(),
            source,
        },
    )?;
    Ok(aras_pipeline::records::records(&reading))
}

/// Every document's records, in input order, on `threads` rayon workers (None: one per
/// core). Called without the GIL.
fn analyze_all(
    docs: &[Document],
    threads: Option<usize>,
    timeout: Option<Duration>,
) -> Result<Vec<Vec<Record>>, Error> {
    let engine = engine()?;
    if docs.len() <= 1 || threads == Some(1) {
        return docs.iter().map(|d| records(engine, d, timeout)).collect();
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| Error::Engine(format!("cannot start worker threads: {e}")))?;
    pool.install(|| {
        docs.par_iter()
            .map(|d| records(engine, d, timeout))
            .collect()
    })
}

fn timeout(seconds: Option<f64>) -> Result<Option<Duration>, Error> {
    seconds
        .map(|s| {
            Duration::try_from_secs_f64(s)
                .ok()
                .filter(|d| !d.is_zero())
                .ok_or_else(|| {
                    Error::BadDocument(format!("timeout {s} is not a positive number of seconds"))
                })
        })
        .transpose()
}

/// Analyse documents (dicts of str fields: text, and optionally id, date, title, source,
/// url, lang) and return each one's records as JSON strings, in input order. Runs on
/// `threads` worker threads (None: one per core) without the GIL.
#[pyfunction]
#[pyo3(signature = (docs, threads=None, timeout=None))]
fn analyze_json(
    py: Python<'_>,
    docs: Vec<HashMap<String, Option<String>>>,
    threads: Option<usize>,
    timeout: Option<f64>,
) -> PyResult<Vec<Vec<String>>> {
    let docs = documents(docs)?;
    let timeout = self::timeout(timeout)?;
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let out = py.detach(move || -> Result<Vec<Vec<String>>, Error> {
        Ok(analyze_all(&docs, threads, timeout)?
            .iter()
            .map(|doc| doc.iter().map(Record::to_json).collect())
            .collect())
    })?;
    Ok(out)
}

/// A Parquet dataset being written: `aras analyze --format parquet --out DIR`'s layout and
/// schemas (`aras_export::dataset`), filled chunk by chunk with [`ParquetWriter::write`];
/// nothing is at `out` until [`ParquetWriter::close`] renames it into place. The Spark
/// recipe's executors each write one into a task directory.
#[pyclass(module = "aras._aras")]
struct ParquetWriter {
    out: String,
    /// `None` once closed; a Mutex because Python may share the object between threads.
    writer: Mutex<Option<DatasetWriter>>,
}

#[pymethods]
impl ParquetWriter {
    #[new]
    #[pyo3(signature = (out, tables=None, prefix=None))]
    fn new(out: PathBuf, tables: Option<Vec<String>>, prefix: Option<String>) -> PyResult<Self> {
        let name = out.display().to_string();
        let fail = |source| Error::Dataset {
            out: name.clone(),
            source,
        };
        let mut options = DatasetOptions::default();
        if let Some(tables) = tables {
            options.tables = tables
                .iter()
                .map(|t| t.parse::<Table>())
                .collect::<Result<_, _>>()
                .map_err(fail)?;
        }
        if let Some(prefix) = prefix {
            if prefix.is_empty() || prefix.contains(['/', '\\']) || prefix.starts_with(['.', '_']) {
                return Err(PyValueError::new_err(format!(
                    "prefix {prefix:?}: a file name part, not empty, without slashes, not starting with . or _"
                )));
            }
            options.prefix = prefix;
        }
        let writer = DatasetWriter::create(&out, options).map_err(fail)?;
        Ok(ParquetWriter {
            out: name,
            writer: Mutex::new(Some(writer)),
        })
    }

    /// Analyses `docs` (dicts of str fields, as for analyze_json) and appends their
    /// records; returns how many documents were written.
    #[pyo3(signature = (docs, threads=None, timeout=None))]
    fn write(
        &self,
        py: Python<'_>,
        docs: Vec<HashMap<String, Option<String>>>,
        threads: Option<usize>,
        timeout: Option<f64>,
    ) -> PyResult<usize> {
        let docs = documents(docs)?;
        let timeout = self::timeout(timeout)?;
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        py.detach(|| -> Result<usize, Error> {
            let per_doc = analyze_all(&docs, threads, timeout)?;
            let mut guard = self.writer.lock().unwrap_or_else(|e| e.into_inner());
            let writer = guard
                .as_mut()
                .ok_or_else(|| Error::Closed(self.out.clone()))?;
            for records in &per_doc {
                writer
                    .write_document(records)
                    .map_err(|source| Error::Dataset {
                        out: self.out.clone(),
                        source,
                    })?;
            }
            Ok(per_doc.len())
        })
        .map_err(Into::into)
    }

    /// Finishes the files and renames the dataset into place; returns the summary as
    /// JSON text (documents, rows per table, files, partitions).
    fn close(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| -> Result<String, Error> {
            let writer = self
                .writer
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .ok_or_else(|| Error::Closed(self.out.clone()))?;
            let summary = writer.finish().map_err(|source| Error::Dataset {
                out: self.out.clone(),
                source,
            })?;
            Ok(serde_json::to_string(&summary).expect("a summary serialises"))
        })
        .map_err(Into::into)
    }

    /// Drops what was written (nothing appears at `out`).
    fn abort(&self) {
        self.writer.lock().unwrap_or_else(|e| e.into_inner()).take();
    }
}

/// Load the engine now (it is otherwise loaded by the first analysis).
#[pyfunction]
fn load(py: Python<'_>) -> PyResult<()> {
    py.detach(engine)?;
    Ok(())
}

/// Events in the store at `location` (a SQLite path or postgres:// URL), as the bytes of
/// a Parquet file in `aras export`'s schema.
#[pyfunction]
#[pyo3(signature = (location, *, actor=None, country=None, dyad=None, directed=false,
    cameo=None, root=None, plover=None, quad=None, from_date=None, to_date=None,
    modality="factual", source=None, limit=None, reports=false))]
#[allow(clippy::too_many_arguments)]
fn store_events_parquet<'py>(
    py: Python<'py>,
    location: String,
    actor: Option<String>,
    country: Option<String>,
    dyad: Option<(String, String)>,
    directed: bool,
    cameo: Option<String>,
    root: Option<String>,
    plover: Option<String>,
    quad: Option<String>,
    from_date: Option<String>,
    to_date: Option<String>,
    modality: &str,
    source: Option<String>,
    limit: Option<usize>,
    reports: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    let filter = aras_store::EventFilter {
        actor,
        country,
        dyad,
        directed,
        cameo: parsed("cameo", cameo)?,
        root: parsed("root", root)?,
        plover: parsed("plover", plover)?,
        quad_class: parsed("quad", quad)?,
        from: day("from_date", from_date)?,
        to: day("to_date", to_date)?,
        modality: parsed("modality", Some(modality.to_string()))?.unwrap_or_default(),
        publication: source,
        limit,
    };
    let unit = if reports {
        aras_store::Unit::Reports
    } else {
        aras_store::Unit::Clusters
    };
    let bytes = py.detach(|| -> Result<Vec<u8>, Error> {
        let fail = |message: String| Error::Store {
            location: location.clone(),
            message,
        };
        let mut store =
            aras_store::Store::open_for_reading(&location).map_err(|e| fail(e.to_string()))?;
        let rows = store
            .event_rows(&filter, unit)
            .map_err(|e| fail(e.to_string()))?;
        let mut out = Vec::new();
        aras_export::write_events_parquet(&rows, &mut out).map_err(|e| fail(e.to_string()))?;
        Ok(out)
    })?;
    Ok(PyBytes::new(py, &bytes))
}

/// One of `aras relations`, `aras timeline` or `aras balance` over the store at
/// `location`, as the bytes that command writes with `--format jsonl` (type-tagged JSON
/// Lines). `options` is a JSON object: the event filters of `store_events_parquet` plus
/// the command's own flags (`party`, `a`, `b`, `by`, `one_way`, `min_events`, `level`,
/// `mixed`, `reports`). Each branch does what `src/cmd/<command>.rs` does, so the tables
/// the Python side builds equal the command's output (pytest compares them).
#[pyfunction]
fn store_analysis<'py>(
    py: Python<'py>,
    location: String,
    command: String,
    options: String,
) -> PyResult<Bound<'py, PyBytes>> {
    let options: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&options).map_err(|e| Error::BadDocument(format!("options: {e}")))?;
    let bytes = py.detach(|| analysis(&location, &command, &options))?;
    Ok(PyBytes::new(py, &bytes))
}

fn analysis(
    location: &str,
    command: &str,
    options: &serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<u8>, Error> {
    use aras_relations::{
        balance, dyads, timeline_with, BalanceOptions, Bucket, DyadOptions, Level, MixedPolicy,
    };
    let text = |key: &str| {
        options
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let flag = |key: &str| options.get(key).and_then(|v| v.as_bool()).unwrap_or(false);
    let count = |key: &str| -> Result<u32, Error> {
        match options.get(key) {
            None | Some(serde_json::Value::Null) => Ok(1),
            Some(v) => v
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| Error::BadDocument(format!("{key}={v}: not a count"))),
        }
    };
    let bad = |key: &str, value: &str, expected: &str| {
        Error::BadDocument(format!("{key}={value:?}: expected {expected}"))
    };
    let mut filter = event_filter(options)?;
    let unit = if flag("reports") {
        aras_store::Unit::Reports
    } else {
        aras_store::Unit::Clusters
    };
    let level = match text("level").as_deref() {
        None | Some("country") => Level::Country,
        Some("actor") => Level::Actor,
        Some(other) => return Err(bad("level", other, "country or actor")),
    };
    // As `RowsArgs::dyad_options`: a modality other than the default means the caller
    // asked for non-factual events, so the analyses count them too.
    let mut dyad_options = DyadOptions {
        level,
        include_nonfactual: !matches!(filter.modality, aras_store::ModalityFilter::Factual),
        ..DyadOptions::default()
    };
    let fail = |message: String| Error::Store {
        location: location.to_string(),
        message,
    };
    let rows = |filter: &aras_store::EventFilter| {
        let mut store =
            aras_store::Store::open_for_reading(location).map_err(|e| fail(e.to_string()))?;
        store
            .event_rows(filter, unit)
            .map_err(|e| fail(e.to_string()))
    };
    let written = |e: ExportError| fail(e.to_string());
    let mut out = Vec::new();
    match command {
        "relations" => {
            let party = text("party");
            if let Some(actor) = &party {
                if filter.actor.is_none() && filter.country.is_none() && filter.dyad.is_none() {
                    filter.actor = Some(actor.clone());
                }
            }
            let rows = rows(&filter)?;
            dyad_options.focus = party;
            dyad_options.directed = flag("one_way");
            dyad_options.min_events = count("min_events")?.max(1);
            aras_export::write_dyads_jsonl(&dyads(&rows, &dyad_options), &mut out)
                .map_err(written)?;
        }
        "timeline" => {
            let (Some(a), Some(b)) = (text("a"), text("b")) else {
                return Err(Error::BadDocument("timeline needs a dyad (A, B)".into()));
            };
            let bucket = match text("by").as_deref() {
                Some("day") => Bucket::Day,
                Some("week") => Bucket::Week,
                None | Some("month") => Bucket::Month,
                Some("year") => Bucket::Year,
                Some(other) => return Err(bad("by", other, "day, week, month or year")),
            };
            let one_way = flag("one_way");
            filter.dyad = Some((a.clone(), b.clone()));
            filter.directed = one_way;
            let rows = rows(&filter)?;
            dyad_options.directed = one_way;
            let points = timeline_with(&rows, &a, &b, bucket, &dyad_options);
            aras_export::write_tagged("timeline", &points, &mut out).map_err(written)?;
        }
        "balance" => {
            let rows = rows(&filter)?;
            dyad_options.min_events = count("min_events")?.max(1);
            let mixed = match text("mixed").as_deref() {
                None | Some("ambiguous") => MixedPolicy::Ambiguous,
                Some("positive") => MixedPolicy::Positive,
                Some("negative") => MixedPolicy::Negative,
                Some("ignore") => MixedPolicy::Ignore,
                Some(other) => {
                    return Err(bad(
                        "mixed",
                        other,
                        "ambiguous, positive, negative or ignore",
                    ))
                }
            };
            let report = balance(
                &rows,
                &BalanceOptions {
                    dyads: dyad_options,
                    mixed,
                    focus: text("party"),
                    ..BalanceOptions::default()
                },
            );
            aras_export::write_tagged("edge", &report.edges, &mut out).map_err(written)?;
            aras_export::write_tagged("triad", &report.triads, &mut out).map_err(written)?;
            aras_export::write_tagged("hedging", &report.hedging, &mut out).map_err(written)?;
        }
        other => return Err(bad("command", other, "relations, timeline or balance")),
    }
    Ok(out)
}

/// The event filters of `aras events` from a JSON object with the keyword names of
/// `Store.events` (absent or null: no filter; `modality` defaults to `factual`).
fn event_filter(
    options: &serde_json::Map<String, serde_json::Value>,
) -> Result<aras_store::EventFilter, Error> {
    let text = |key: &str| {
        options
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let dyad = match options.get("dyad") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::Array(pair)) if pair.len() == 2 => {
            match (pair[0].as_str(), pair[1].as_str()) {
                (Some(a), Some(b)) => Some((a.to_string(), b.to_string())),
                _ => return Err(Error::BadDocument("dyad: two actor codes".into())),
            }
        }
        Some(other) => return Err(Error::BadDocument(format!("dyad={other}: two actor codes"))),
    };
    let limit = match options.get("limit") {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => Some(
            v.as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| Error::BadDocument(format!("limit={v}: not a count")))?,
        ),
    };
    Ok(aras_store::EventFilter {
        actor: text("actor"),
        country: text("country"),
        dyad,
        directed: options
            .get("directed")
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        cameo: parsed("cameo", text("cameo"))?,
        root: parsed("root", text("root"))?,
        plover: parsed("plover", text("plover"))?,
        quad_class: parsed("quad", text("quad"))?,
        from: day("from_date", text("from_date"))?,
        to: day("to_date", text("to_date"))?,
        modality: parsed(
            "modality",
            Some(text("modality").unwrap_or("factual".into())),
        )?
        .unwrap_or_default(),
        publication: text("source"),
        limit,
    })
}

/// A filter value parsed as its type, or a `ValueError` naming the keyword.
fn parsed<T: std::str::FromStr>(name: &str, value: Option<String>) -> Result<Option<T>, Error>
where
    T::Err: std::fmt::Display,
{
    value
        .map(|v| {
            v.parse::<T>()
                .map_err(|e| Error::BadDocument(format!("{name}={v:?}: {e}")))
        })
        .transpose()
}

/// A `YYYY-MM-DD` filter day.
fn day(name: &str, value: Option<String>) -> Result<Option<jiff::civil::Date>, Error> {
    value
        .map(|v| {
            check_date(&v)?;
            if v.len() != 10 {
                return Err(Error::BadDate(format!(
                    "{name}={v:?} is not a YYYY-MM-DD day"
                )));
            }
            v.parse()
                .map_err(|e| Error::BadDate(format!("{name}={v:?}: {e}")))
        })
        .transpose()
}

#[pymodule]
fn _aras(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(store_events_parquet, m)?)?;
    m.add_function(wrap_pyfunction!(store_analysis, m)?)?;
    m.add_class::<ParquetWriter>()?;
    Ok(())
}
