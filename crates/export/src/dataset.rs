//! The records of `aras analyze` (SCHEMA.md) as a Parquet dataset partitioned by
//! publication date, written as the documents stream in: `aras analyze --format parquet
//! --out DIR`, and the Spark recipe's executors through the Python package.
//!
//! ```text
//! DIR/events/published=2024-03-04/part-00000.parquet
//! DIR/events/published=__HIVE_DEFAULT_PARTITION__/part-00000.parquet   (no publication day)
//! DIR/events/_common_metadata                                          (the schema, zero rows)
//! DIR/documents/…  DIR/actors/…  DIR/times/…  DIR/quotes/…  DIR/claims/…
//! ```
//!
//! One table per record type, each in Hive layout (`published=YYYY-MM-DD`, the day of the
//! document's `date` as the store reads it; `__HIVE_DEFAULT_PARTITION__`, which Spark,
//! Hive, Trino and DuckDB read as null, for documents without one):
//!
//! - `events` has exactly [`crate::event_schema`], the schema of `aras export --format
//!   parquet`, one row per event record made by [`EventRow::from_report`] (cluster
//!   columns: id 0, one report). What that schema has no column for (trigger offsets,
//!   the source and target mention ids, `quote_id`) is in the JSON Lines output only.
//! - `documents`, `actors`, `times`, `quotes` and `claims` have one column per field of
//!   the record as `aras analyze` writes it, nested objects flattened with `_`
//!   (`speaker_name`, `source_code`); a string is the JSON string (`""` stays `""`), a
//!   JSON null is null; a claim's `quantity`, which nests, is its JSON text. [`read_table`] turns rows back into the JSON objects.
//!
//! Every file also carries `published` as a column (Date32), so a file read alone is
//! complete; readers that take the value from the path get the same day.
//!
//! **Bounded memory.** Rows wait in a buffer per open file and go to the file every
//! [`DatasetOptions::batch_rows`] rows (row groups of [`DatasetOptions::group_rows`]); at
//! most [`DatasetOptions::max_open_files`] files are open, the least recently used is
//! finished when another is needed, and a file is finished after
//! [`DatasetOptions::file_rows`] rows. Input in date order gives one file per partition;
//! shuffled input gives more, smaller files, never more memory.
//!
//! **All or nothing.** Everything is written into a hidden directory beside `DIR`
//! (`.aras-analyze-<pid>-<nanos>`) that [`DatasetWriter::finish`] renames to `DIR`; a
//! failed or killed run leaves no `DIR` (and the next run removes what a killed one left).
//! `DIR` must not exist or be an empty directory.

use std::collections::HashMap;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use aras_relations::EventRow;
use aras_schema::records::{DocumentRecord, Record};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, UInt64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, RecordBatch, StringArray, UInt64Array,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use jiff::civil::Date;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use parquet::file::reader::ChunkReader;
use serde_json::{Map, Value};

use crate::parquet_out::{date32, event_schema, events_to_batch, from_date32};
use crate::ExportError;

/// The partition directory value of a document without a publication day (Hive's, which
/// Spark, Trino and DuckDB read as null).
pub const DEFAULT_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// The name of the zero-row file holding a table's schema (the Parquet summary-file
/// convention; readers skip names starting with `_`).
pub const SCHEMA_FILE: &str = "_common_metadata";

/// Hidden staging directories are `.aras-analyze-<pid>-<nanos>`, beside the output.
const STAGING_PREFIX: &str = ".aras-analyze-";

/// A record type and its table (directory) name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Documents,
    Actors,
    Times,
    Quotes,
    Events,
    Claims,
}

impl Table {
    pub const ALL: [Table; 6] = [
        Table::Documents,
        Table::Actors,
        Table::Times,
        Table::Quotes,
        Table::Events,
        Table::Claims,
    ];

    /// The directory name, also the record type's plural.
    pub fn name(&self) -> &'static str {
        match self {
            Table::Documents => "documents",
            Table::Actors => "actors",
            Table::Times => "times",
            Table::Quotes => "quotes",
            Table::Events => "events",
            Table::Claims => "claims",
        }
    }

    /// The `type` of the table's JSON Lines records.
    pub fn record_type(&self) -> &'static str {
        self.name().trim_end_matches('s')
    }

    fn of(record: &Record) -> Table {
        match record {
            Record::Document(_) => Table::Documents,
            Record::Actor(_) => Table::Actors,
            Record::Time(_) => Table::Times,
            Record::Quote(_) => Table::Quotes,
            Record::Event(_) => Table::Events,
            Record::Claim(_) => Table::Claims,
        }
    }

    /// The table's Arrow schema: [`event_schema`] for events, the flattened record plus
    /// `published` for the others.
    pub fn schema(&self) -> SchemaRef {
        if *self == Table::Events {
            return event_schema();
        }
        let mut fields: Vec<Field> = self
            .columns()
            .iter()
            .map(|c| Field::new(c.name, c.kind.data_type(), c.nullable))
            .collect();
        fields.push(Field::new("published", DataType::Date32, true));
        let metadata: HashMap<String, String> =
            [("aras.schema".to_string(), format!("{}/1", self.name()))].into();
        Arc::new(Schema::new_with_metadata(fields, metadata))
    }

    /// The columns of a non-event table, in the record's field order.
    fn columns(&self) -> &'static [Column] {
        use Kind::*;
        const fn c(name: &'static str, path: &'static [&'static str], kind: Kind) -> Column {
            Column {
                name,
                path,
                kind,
                nullable: true,
            }
        }
        const fn req(name: &'static str, kind: Kind) -> Column {
            Column {
                name,
                path: &[],
                kind,
                nullable: false,
            }
        }
        const fn opt(name: &'static str, kind: Kind) -> Column {
            Column {
                name,
                path: &[],
                kind,
                nullable: true,
            }
        }
        const DOCUMENTS: &[Column] = &[
            req("doc_id", Utf8),
            opt("title", Utf8),
            opt("date", Utf8),
            opt("source", Utf8),
            opt("url", Utf8),
            req("lang", Utf8),
            req("sha256", Utf8),
            req("bytes", UInt64),
            req("sentences", UInt64),
            req("tokens", UInt64),
            req("schema", UInt64),
        ];
        const ACTORS: &[Column] = &[
            req("doc_id", Utf8),
            req("id", Utf8),
            req("text", Utf8),
            req("start", UInt64),
            req("end", UInt64),
            opt("code", Utf8),
            opt("country", Utf8),
            opt("sector", Utf8),
            req("kind", Utf8),
            opt("name", Utf8),
            opt("role", Utf8),
            req("resolved_by", Utf8),
            opt("antecedent", Utf8),
        ];
        const TIMES: &[Column] = &[
            req("doc_id", Utf8),
            req("id", Utf8),
            req("text", Utf8),
            req("start", UInt64),
            req("end", UInt64),
            opt("value", Utf8),
            req("kind", Utf8),
            opt("anchor", Utf8),
        ];
        const QUOTES: &[Column] = &[
            req("doc_id", Utf8),
            req("id", Utf8),
            req("text", Utf8),
            req("start", UInt64),
            req("end", UInt64),
            c("speaker_name", &["speaker", "name"], Utf8),
            c("speaker_code", &["speaker", "code"], Utf8),
            c("speaker_mention", &["speaker", "mention"], Utf8),
            c("speaker_resolved_by", &["speaker", "resolved_by"], Utf8),
            c("speaker_start", &["speaker", "start"], UInt64),
            c("speaker_end", &["speaker", "end"], UInt64),
            req("partial", Boolean),
        ];
        const CLAIMS: &[Column] = &[
            req("doc_id", Utf8),
            req("id", Utf8),
            req("text", Utf8),
            req("start", UInt64),
            req("end", UInt64),
            opt("subject", Utf8),
            opt("subject_text", Utf8),
            opt("value", Utf8),
            opt("quantity", Json),
            opt("qualifier", Utf8),
            opt("measure", Utf8),
            opt("period", Utf8),
            c("source_name", &["source", "name"], Utf8),
            c("source_code", &["source", "code"], Utf8),
            c("source_mention", &["source", "mention"], Utf8),
            c("source_cue", &["source", "cue"], Utf8),
        ];
        match self {
            Table::Documents => DOCUMENTS,
            Table::Actors => ACTORS,
            Table::Times => TIMES,
            Table::Quotes => QUOTES,
            Table::Claims => CLAIMS,
            Table::Events => &[],
        }
    }
}

impl std::str::FromStr for Table {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Table::ALL
            .into_iter()
            .find(|t| t.name() == s || t.record_type() == s)
            .ok_or_else(|| ExportError::UnknownTable(s.to_string()))
    }
}

/// One column of a non-event table: where its value is in the record's JSON object
/// (`path`, empty for the top-level field of the column's name) and its Arrow type.
#[derive(Debug, Clone, Copy)]
struct Column {
    name: &'static str,
    path: &'static [&'static str],
    kind: Kind,
    nullable: bool,
}

impl Column {
    fn value<'v>(&self, record: &'v Value) -> Option<&'v Value> {
        if self.path.is_empty() {
            return record.get(self.name);
        }
        self.path.iter().try_fold(record, |v, key| v.get(key))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Utf8,
    UInt64,
    Boolean,
    /// A nested value kept as its JSON text (a claim's `quantity`, which nests ranges).
    Json,
}

impl Kind {
    fn data_type(&self) -> DataType {
        match self {
            Kind::Utf8 | Kind::Json => DataType::Utf8,
            Kind::UInt64 => DataType::UInt64,
            Kind::Boolean => DataType::Boolean,
        }
    }
}

/// How a [`DatasetWriter`] lays out and bounds its files.
#[derive(Debug, Clone)]
pub struct DatasetOptions {
    /// The tables to write (all by default).
    pub tables: Vec<Table>,
    /// Rows buffered per open file before they are encoded into it.
    pub batch_rows: usize,
    /// Rows per Parquet row group.
    pub group_rows: usize,
    /// Rows after which a file is finished and the partition's next rows start a new one.
    pub file_rows: usize,
    /// Files open at once, over all tables and partitions.
    pub max_open_files: usize,
    /// File names are `<prefix>-<NNNNN>.parquet`; distinct prefixes let several writers
    /// (Spark tasks) fill one dataset.
    pub prefix: String,
}

impl Default for DatasetOptions {
    fn default() -> Self {
        DatasetOptions {
            tables: Table::ALL.to_vec(),
            batch_rows: 1024,
            group_rows: 8192,
            file_rows: 1_000_000,
            max_open_files: 32,
            prefix: "part".into(),
        }
    }
}

/// What a finished dataset holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct DatasetSummary {
    pub documents: u64,
    /// Rows per table written, by table name.
    pub rows: std::collections::BTreeMap<String, u64>,
    /// Parquet data files written (schema files aside).
    pub files: u64,
    /// Distinct publication-day partitions.
    pub partitions: u64,
}

/// A partition of one table.
type Key = (Table, Option<Date>);

/// Rows waiting for their file.
enum Pending {
    Events(Vec<EventRow>),
    Records(Vec<(Value, Option<Date>)>),
}

impl Pending {
    fn len(&self) -> usize {
        match self {
            Pending::Events(v) => v.len(),
            Pending::Records(v) => v.len(),
        }
    }
}

struct OpenFile {
    writer: ArrowWriter<BufWriter<File>>,
    pending: Pending,
    rows: usize,
    last_used: u64,
}

/// Streams documents' records into a partitioned Parquet dataset (module docs).
pub struct DatasetWriter {
    out: PathBuf,
    staging: PathBuf,
    options: DatasetOptions,
    open: HashMap<Key, OpenFile>,
    next_part: HashMap<Key, u32>,
    clock: u64,
    summary: DatasetSummary,
    partitions: std::collections::HashSet<Option<Date>>,
    finished: bool,
}

impl DatasetWriter {
    /// Starts a dataset to appear at `out` on [`finish`](Self::finish). `out` must not
    /// exist or be an empty directory ([`ExportError::OutputExists`] otherwise); its parent
    /// is created if needed.
    pub fn create(out: &Path, options: DatasetOptions) -> Result<DatasetWriter, ExportError> {
        if options.tables.is_empty() {
            return Err(ExportError::Schema("no tables to write".into()));
        }
        match std::fs::symlink_metadata(out) {
            Ok(meta) if meta.is_dir() => {
                if std::fs::read_dir(out)?.next().is_some() {
                    return Err(ExportError::OutputExists(out.to_path_buf()));
                }
            }
            Ok(_) => return Err(ExportError::OutputExists(out.to_path_buf())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)?;
        remove_stale_staging(&parent);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let staging = parent.join(format!("{STAGING_PREFIX}{}-{nanos}", std::process::id()));
        std::fs::create_dir(&staging)?;
        Ok(DatasetWriter {
            out: out.to_path_buf(),
            staging,
            options,
            open: HashMap::new(),
            next_part: HashMap::new(),
            clock: 0,
            summary: DatasetSummary::default(),
            partitions: Default::default(),
            finished: false,
        })
    }

    /// Adds one document's records: its `document` record first, then the others, as
    /// `aras analyze` writes them. Records before any document record have no
    /// publication day.
    pub fn write_document(&mut self, records: &[Record]) -> Result<(), ExportError> {
        let no_document = DocumentRecord {
            doc_id: String::new(),
            title: None,
            date: None,
            source: None,
            url: None,
            lang: String::new(),
            sha256: String::new(),
            bytes: 0,
            sentences: 0,
            tokens: 0,
            schema: 0,
        };
        let mut doc = &no_document;
        for record in records {
            if let Record::Document(d) = record {
                doc = d;
                self.summary.documents += 1;
            }
            let table = Table::of(record);
            if !self.options.tables.contains(&table) {
                continue;
            }
            let published = aras_relations::published_day(doc.date.as_deref());
            self.partitions.insert(published);
            let file = self.file((table, published))?;
            match (&mut file.pending, record) {
                (Pending::Events(rows), Record::Event(ev)) => {
                    rows.push(EventRow::from_report(doc, ev))
                }
                (Pending::Records(rows), record) => {
                    rows.push((serde_json::to_value(record)?, published))
                }
                _ => unreachable!("a table's buffer holds its own record type"),
            }
            *self.summary.rows.entry(table.name().into()).or_default() += 1;
            let key = (table, published);
            let (pending, rows) = {
                let file = &self.open[&key];
                (file.pending.len(), file.rows)
            };
            if pending >= self.options.batch_rows {
                self.flush(&key)?;
            }
            if rows + pending >= self.options.file_rows {
                self.close(&key)?;
            }
        }
        Ok(())
    }

    /// The open file of a partition, opened (and another closed) if needed.
    fn file(&mut self, key: Key) -> Result<&mut OpenFile, ExportError> {
        self.clock += 1;
        let clock = self.clock;
        if !self.open.contains_key(&key) {
            if self.open.len() >= self.options.max_open_files.max(1) {
                let oldest = self
                    .open
                    .iter()
                    .min_by_key(|(_, f)| f.last_used)
                    .map(|(k, _)| *k);
                if let Some(oldest) = oldest {
                    self.close(&oldest)?;
                }
            }
            let part = self.next_part.entry(key).or_insert(0);
            let dir = self
                .staging
                .join(key.0.name())
                .join(format!("published={}", partition_value(key.1)));
            std::fs::create_dir_all(&dir)?;
            let path = dir.join(format!("{}-{:05}.parquet", self.options.prefix, part));
            *part += 1;
            let writer = ArrowWriter::try_new(
                BufWriter::new(File::create(&path)?),
                key.0.schema(),
                Some(properties(self.options.group_rows)),
            )?;
            let pending = if key.0 == Table::Events {
                Pending::Events(Vec::new())
            } else {
                Pending::Records(Vec::new())
            };
            self.summary.files += 1;
            self.open.insert(
                key,
                OpenFile {
                    writer,
                    pending,
                    rows: 0,
                    last_used: clock,
                },
            );
        }
        let file = self.open.get_mut(&key).expect("opened above");
        file.last_used = clock;
        Ok(file)
    }

    /// Encodes a file's buffered rows into it.
    fn flush(&mut self, key: &Key) -> Result<(), ExportError> {
        let Some(file) = self.open.get_mut(key) else {
            return Ok(());
        };
        let batch = match &mut file.pending {
            Pending::Events(rows) if !rows.is_empty() => {
                let batch = events_to_batch(rows)?;
                rows.clear();
                batch
            }
            Pending::Records(rows) if !rows.is_empty() => {
                let batch = records_to_batch(key.0, rows)?;
                rows.clear();
                batch
            }
            _ => return Ok(()),
        };
        file.rows += batch.num_rows();
        file.writer.write(&batch)?;
        Ok(())
    }

    /// Finishes a file (its footer written); the partition's next rows open a new one.
    fn close(&mut self, key: &Key) -> Result<(), ExportError> {
        self.flush(key)?;
        if let Some(file) = self.open.remove(key) {
            file.writer.close()?;
        }
        Ok(())
    }

    /// Finishes every file, writes each table's schema file, and renames the dataset to
    /// its destination.
    pub fn finish(mut self) -> Result<DatasetSummary, ExportError> {
        let keys: Vec<Key> = self.open.keys().copied().collect();
        for key in keys {
            self.close(&key)?;
        }
        for table in self.options.tables.clone() {
            let dir = self.staging.join(table.name());
            std::fs::create_dir_all(&dir)?;
            let schema_file = BufWriter::new(File::create(dir.join(SCHEMA_FILE))?);
            ArrowWriter::try_new(schema_file, table.schema(), Some(properties(1)))?.close()?;
            self.summary.rows.entry(table.name().into()).or_default();
        }
        sync_dir(&self.staging);
        std::fs::rename(&self.staging, &self.out).map_err(|e| {
            if self.out.is_dir() {
                ExportError::OutputExists(self.out.clone())
            } else {
                e.into()
            }
        })?;
        self.finished = true;
        self.summary.partitions = self.partitions.len() as u64;
        Ok(std::mem::take(&mut self.summary))
    }
}

impl Drop for DatasetWriter {
    /// A dataset not finished leaves nothing behind.
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

/// The directory value of a publication day.
pub fn partition_value(day: Option<Date>) -> String {
    day.map_or_else(|| DEFAULT_PARTITION.to_string(), |d| d.to_string())
}

fn properties(group_rows: usize) -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(group_rows.max(1)))
        .set_created_by(format!("aras {}", env!("CARGO_PKG_VERSION")))
        .build()
}

/// Best effort: the rename that publishes the dataset should not overtake its files.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Removes staging directories that killed runs left in `parent`: ours by name, and
/// their process gone (checked in /proc; where it cannot be checked, nothing is removed).
fn remove_stale_staging(parent: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(STAGING_PREFIX)) else {
            continue;
        };
        let Some(pid) = rest
            .split_once('-')
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Rows of a non-event table (records as JSON objects) as one batch of its schema.
fn records_to_batch(
    table: Table,
    rows: &[(Value, Option<Date>)],
) -> Result<RecordBatch, ExportError> {
    let mut columns: Vec<ArrayRef> = Vec::new();
    for column in table.columns() {
        let values = rows.iter().map(|(r, _)| column.value(r));
        let array: ArrayRef = match column.kind {
            Kind::Utf8 | Kind::Json => Arc::new(StringArray::from_iter(values.map(|v| match v {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(other) => Some(other.to_string()),
            }))),
            Kind::UInt64 => Arc::new(UInt64Array::from_iter(
                values.map(|v| v.and_then(Value::as_u64)),
            )),
            Kind::Boolean => Arc::new(BooleanArray::from_iter(
                values.map(|v| v.and_then(Value::as_bool)),
            )),
        };
        columns.push(array);
    }
    columns.push(Arc::new(Date32Array::from_iter(
        rows.iter().map(|(_, day)| day.map(date32)),
    )));
    Ok(RecordBatch::try_new(table.schema(), columns)?)
}

/// Reads a Parquet file of a non-event table back into the JSON objects of the records
/// (`type` included, `published` left out), as `aras analyze` writes them: a nested
/// object whose columns are all null is null. Events read with
/// [`crate::read_events_parquet`].
pub fn read_table<R: ChunkReader + 'static>(
    table: Table,
    input: R,
) -> Result<Vec<(Value, Option<Date>)>, ExportError> {
    if table == Table::Events {
        return Err(ExportError::Schema(
            "events read with read_events_parquet".into(),
        ));
    }
    let reader = ParquetRecordBatchReaderBuilder::try_new(input)?.build()?;
    let mut out = Vec::new();
    for batch in reader {
        let batch = batch?;
        let column = |name: &str| {
            batch
                .column_by_name(name)
                .ok_or_else(|| ExportError::Schema(format!("no column {name:?}")))
        };
        let published = column("published")?
            .as_primitive_opt::<Date32Type>()
            .ok_or_else(|| ExportError::Schema("column \"published\" is not a date".into()))?;
        let mut rows: Vec<Map<String, Value>> = (0..batch.num_rows())
            .map(|_| {
                let mut m = Map::new();
                m.insert("type".into(), table.record_type().into());
                m
            })
            .collect();
        for spec in table.columns() {
            let array = column(spec.name)?;
            for (i, row) in rows.iter_mut().enumerate() {
                let value = if array.is_null(i) {
                    Value::Null
                } else {
                    match spec.kind {
                        Kind::Utf8 => Value::String(
                            array
                                .as_string_opt::<i32>()
                                .ok_or_else(|| mistyped(spec.name))?
                                .value(i)
                                .to_string(),
                        ),
                        Kind::UInt64 => array
                            .as_primitive_opt::<UInt64Type>()
                            .ok_or_else(|| mistyped(spec.name))?
                            .value(i)
                            .into(),
                        Kind::Boolean => array
                            .as_boolean_opt()
                            .ok_or_else(|| mistyped(spec.name))?
                            .value(i)
                            .into(),
                        Kind::Json => serde_json::from_str(
                            array
                                .as_string_opt::<i32>()
                                .ok_or_else(|| mistyped(spec.name))?
                                .value(i),
                        )?,
                    }
                };
                match spec.path {
                    [] => {
                        row.insert(spec.name.into(), value);
                    }
                    [outer, inner] => {
                        let nested = row
                            .entry(outer.to_string())
                            .or_insert_with(|| Value::Object(Map::new()));
                        if let Value::Object(m) = nested {
                            m.insert(inner.to_string(), value);
                        }
                    }
                    _ => return Err(ExportError::Schema(format!("column {}", spec.name))),
                }
            }
        }
        for (i, mut row) in rows.into_iter().enumerate() {
            for value in row.values_mut() {
                let all_null = matches!(value, Value::Object(m) if m.values().all(Value::is_null));
                if all_null {
                    *value = Value::Null;
                }
            }
            let day = (!published.is_null(i))
                .then(|| from_date32(published.value(i)))
                .flatten();
            out.push((Value::Object(row), day));
        }
    }
    Ok(out)
}

fn mistyped(name: &str) -> ExportError {
    ExportError::Schema(format!("column {name:?} has another type"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(id: &str, date: Option<&str>) -> Vec<Record> {
        let date = date.map_or("null".to_string(), |d| format!("{d:?}"));
        let lines = [
            format!(
                r#"{{"type":"document","doc_id":"{id}","title":null,"date":{date},"source":"AFP","url":null,"lang":"en","sha256":"00","bytes":30,"sentences":1,"tokens":5,"schema":2}}"#
            ),
            format!(
                r#"{{"type":"actor","doc_id":"{id}","id":"m1","text":"Germany","start":0,"end":7,"code":"DEU","country":"DEU","sector":null,"kind":"country","name":"Germany","role":null,"resolved_by":"dictionary","antecedent":null}}"#
            ),
            format!(
                r#"{{"type":"event","doc_id":"{id}","id":"e1","source":{{"code":"DEU","country":"DEU","text":"Germany","mention":"m1"}},"target":null,"cameo":"190","root":"19","plover":"ASSAULT","quad_class":4,"goldstein":-10.0,"date":"2024-03","date_precision":"month","date_source":"text","negated":false,"modality":"asserted","trigger":{{"text":"attacked","start":8,"end":16}},"evidence":{{"text":"Germany attacked.","start":0,"end":17}},"quote_id":null,"confidence":0.5}}"#
            ),
        ];
        lines
            .iter()
            .map(|l| Record::from_json(l).unwrap().unwrap())
            .collect()
    }

    /// Small bounds: two open files, three rows a file, two rows a batch; forty
    /// documents over five days in shuffled order all read back, in more files.
    #[test]
    fn small_bounds_roll_files_over_and_lose_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("coded");
        let options = DatasetOptions {
            tables: vec![Table::Actors, Table::Events],
            batch_rows: 2,
            group_rows: 2,
            file_rows: 3,
            max_open_files: 2,
            prefix: "t".into(),
        };
        let mut writer = DatasetWriter::create(&out, options).unwrap();
        let days = ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04"];
        for n in 0..40 {
            let date = (n % 5 != 4).then(|| days[(n * 7) % 4]);
            writer
                .write_document(&document(&format!("d{n}"), date))
                .unwrap();
        }
        assert!(!out.exists(), "nothing at the destination before finish");
        let summary = writer.finish().unwrap();
        assert_eq!(summary.documents, 40);
        assert_eq!(summary.rows["events"], 40);
        assert_eq!(summary.partitions, 5);
        assert!(summary.files >= 2 * 40 / 3, "{summary:?}");
        let mut events = 0;
        let mut actors = 0;
        for table in ["events", "actors"] {
            for partition in std::fs::read_dir(out.join(table)).unwrap().flatten() {
                let name = partition.file_name().to_string_lossy().to_string();
                if name == SCHEMA_FILE {
                    continue;
                }
                for file in std::fs::read_dir(partition.path()).unwrap().flatten() {
                    let f = File::open(file.path()).unwrap();
                    if table == "events" {
                        let rows = crate::read_events_parquet(f).unwrap();
                        assert!(rows.len() <= 3);
                        for row in &rows {
                            assert_eq!(
                                format!("published={}", partition_value(row.published)),
                                name
                            );
                            assert_eq!(row.date, Some(jiff::civil::date(2024, 3, 1)));
                        }
                        events += rows.len();
                    } else {
                        let rows = read_table(Table::Actors, f).unwrap();
                        for (record, _) in &rows {
                            let want = serde_json::to_value(&document("x", None)[1]).unwrap();
                            assert_eq!(record["code"], want["code"]);
                            assert_eq!(record["sector"], Value::Null);
                        }
                        actors += rows.len();
                    }
                }
            }
        }
        assert_eq!((events, actors), (40, 40));
    }

    #[test]
    fn a_dropped_writer_leaves_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("coded");
        let mut writer = DatasetWriter::create(&out, DatasetOptions::default()).unwrap();
        writer
            .write_document(&document("d", Some("2024-03-04")))
            .unwrap();
        drop(writer);
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    }
}
