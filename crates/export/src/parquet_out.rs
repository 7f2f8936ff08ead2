//! Parquet with a proper Arrow schema, written with the `parquet` crate's Arrow writer.
//!
//! | column | Arrow type | nullable | note |
//! |---|---|---|---|
//! | `cluster_id` | Int64 | no | store id of the event cluster |
//! | `n_reports`, `n_documents`, `n_sources` | UInt32 | no | cluster counts |
//! | `doc_id`, `event_id` | Utf8 | no | the (representative) report |
//! | `source_code`, `source_country`, `source_text` | Utf8 | yes | null when the event has no source |
//! | `target_code`, `target_country`, `target_text` | Utf8 | yes | null when the event has no target |
//! | `cameo` | Utf8 | no | leading zeros kept: `"042"`, `"1056"` |
//! | `root` | Utf8 | no | `"01"`..`"20"` |
//! | `plover` | Utf8 | yes | null when not mapped |
//! | `quad_class` | UInt8 | no | 1-4 |
//! | `goldstein` | Float32 | no | -10..10 |
//! | `date_text` | Utf8 | yes | the date as the record wrote it |
//! | `date` | Date32 | yes | first day the date can mean |
//! | `date_precision` | Utf8 | yes | `day`, `month`, `year`, … |
//! | `date_source` | Utf8 | no | `text`, `discourse`, `document` |
//! | `published` | Date32 | yes | publication date of the document |
//! | `publication` | Utf8 | yes | |
//! | `negated` | Boolean | no | |
//! | `modality` | Utf8 | no | `asserted`, `reported`, `hypothetical`, `intended`, `denied` |
//! | `trigger`, `evidence` | Utf8 | no | |
//! | `evidence_start`, `evidence_end` | UInt32 | no | byte offsets into the document body |
//! | `confidence` | Float32 | no | |
//! | `url`, `title` | Utf8 | yes | the document of the (representative) report |
//! | `location_text`, `location_country` | Utf8 | yes | where the event happened; null until the store keeps event locations |
//! | `location_lat`, `location_lon` | Float64 | yes | WGS 84 degrees; null likewise |
//!
//! In [`EventRow`] "none" is the empty string for codes, countries, texts and `plover`;
//! here it is null, so `IS NULL` works in SQL. Reading back turns null into "" again.
//! Snappy compression, row groups of up to 65,536 rows; the file's key-value metadata
//! has `aras.schema = events/2` (`events/1` lacked the last six columns; such files
//! still read, those columns as null).

use std::io::Write;
use std::sync::Arc;

use aras_relations::EventRow;
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float32Type, Float64Type, Int64Type, UInt32Type, UInt8Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float32Array, Float64Array, Int64Array,
    RecordBatch, StringArray, UInt32Array, UInt8Array,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use jiff::civil::Date;
use jiff::ToSpan;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use parquet::file::reader::ChunkReader;

use crate::ExportError;

/// Rows per record batch and per row group.
pub const BATCH_ROWS: usize = 65_536;

/// The value of the `aras.schema` metadata key.
pub const SCHEMA_VERSION: &str = "events/2";

const EPOCH: Date = Date::constant(1970, 1, 1);

/// The Arrow schema of an event export (the table in the module docs).
pub fn event_schema() -> SchemaRef {
    use DataType::*;
    let field = |name: &str, ty: DataType, nullable: bool| Field::new(name, ty, nullable);
    let fields = vec![
        field("cluster_id", Int64, false),
        field("n_reports", UInt32, false),
        field("n_documents", UInt32, false),
        field("n_sources", UInt32, false),
        field("doc_id", Utf8, false),
        field("event_id", Utf8, false),
        field("source_code", Utf8, true),
        field("source_country", Utf8, true),
        field("source_text", Utf8, true),
        field("target_code", Utf8, true),
        field("target_country", Utf8, true),
        field("target_text", Utf8, true),
        field("cameo", Utf8, false),
        field("root", Utf8, false),
        field("plover", Utf8, true),
        field("quad_class", UInt8, false),
        field("goldstein", Float32, false),
        field("date_text", Utf8, true),
        field("date", Date32, true),
        field("date_precision", Utf8, true),
        field("date_source", Utf8, false),
        field("published", Date32, true),
        field("publication", Utf8, true),
        field("negated", Boolean, false),
        field("modality", Utf8, false),
        field("trigger", Utf8, false),
        field("evidence", Utf8, false),
        field("evidence_start", UInt32, false),
        field("evidence_end", UInt32, false),
        field("confidence", Float32, false),
        field("url", Utf8, true),
        field("title", Utf8, true),
        field("location_text", Utf8, true),
        field("location_country", Utf8, true),
        field("location_lat", Float64, true),
        field("location_lon", Float64, true),
    ];
    let metadata: std::collections::HashMap<String, String> =
        [("aras.schema".to_string(), SCHEMA_VERSION.to_string())].into();
    Arc::new(Schema::new_with_metadata(fields, metadata))
}

/// Days since 1970-01-01, Arrow's Date32.
pub fn date32(day: Date) -> i32 {
    // A civil date is within ±10,000 years of the epoch, so this cannot fail.
    EPOCH.until(day).map_or(0, |span| span.get_days())
}

/// The civil date of an Arrow Date32 value; `None` outside jiff's range.
pub fn from_date32(days: i32) -> Option<Date> {
    EPOCH.checked_add(i64::from(days).days()).ok()
}

/// `rows` as one Arrow record batch with [`event_schema`].
pub fn events_to_batch(rows: &[EventRow]) -> Result<RecordBatch, ExportError> {
    fn strings<'r>(rows: &'r [EventRow], f: impl Fn(&'r EventRow) -> &'r str) -> ArrayRef {
        Arc::new(StringArray::from_iter_values(rows.iter().map(f)))
    }
    fn optional<'r>(rows: &'r [EventRow], f: impl Fn(&'r EventRow) -> Option<&'r str>) -> ArrayRef {
        Arc::new(StringArray::from_iter(rows.iter().map(f)))
    }
    fn u32s(rows: &[EventRow], f: impl Fn(&EventRow) -> u32) -> ArrayRef {
        Arc::new(UInt32Array::from_iter_values(rows.iter().map(f)))
    }
    fn floats(rows: &[EventRow], f: impl Fn(&EventRow) -> Option<f64>) -> ArrayRef {
        Arc::new(Float64Array::from_iter(rows.iter().map(f)))
    }
    fn dates(rows: &[EventRow], f: impl Fn(&EventRow) -> Option<Date>) -> ArrayRef {
        Arc::new(Date32Array::from_iter(
            rows.iter().map(|r| f(r).map(date32)),
        ))
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(Int64Array::from_iter_values(
            rows.iter().map(|r| r.cluster_id),
        )),
        u32s(rows, |r| r.n_reports),
        u32s(rows, |r| r.n_documents),
        u32s(rows, |r| r.n_sources),
        strings(rows, |r| &r.doc_id),
        strings(rows, |r| &r.event_id),
        optional(rows, |r| r.source_code.as_deref()),
        optional(rows, |r| r.source_country.as_deref()),
        optional(rows, |r| r.source_text.as_deref()),
        optional(rows, |r| r.target_code.as_deref()),
        optional(rows, |r| r.target_country.as_deref()),
        optional(rows, |r| r.target_text.as_deref()),
        strings(rows, |r| r.cameo.as_str()),
        Arc::new(StringArray::from_iter_values(
            rows.iter().map(|r| r.root.to_string()),
        )),
        optional(rows, |r| r.plover.map(|p| p.as_str())),
        Arc::new(UInt8Array::from_iter_values(
            rows.iter().map(|r| r.quad_class.number()),
        )),
        Arc::new(Float32Array::from_iter_values(
            rows.iter().map(|r| r.goldstein),
        )),
        optional(rows, |r| r.date_text.as_deref()),
        dates(rows, |r| r.date),
        optional(rows, |r| r.date_precision.map(|p| p.as_str())),
        strings(rows, |r| r.date_source.as_str()),
        dates(rows, |r| r.published),
        optional(rows, |r| r.publication.as_deref()),
        Arc::new(BooleanArray::from_iter(
            rows.iter().map(|r| Some(r.negated)),
        )),
        strings(rows, |r| r.modality.as_str()),
        strings(rows, |r| &r.trigger),
        strings(rows, |r| &r.evidence),
        u32s(rows, |r| r.evidence_start),
        u32s(rows, |r| r.evidence_end),
        Arc::new(Float32Array::from_iter_values(
            rows.iter().map(|r| r.confidence),
        )),
        optional(rows, |r| r.url.as_deref()),
        optional(rows, |r| r.title.as_deref()),
        optional(rows, |r| r.location_text.as_deref()),
        optional(rows, |r| r.location_country.as_deref()),
        floats(rows, |r| r.location_lat),
        floats(rows, |r| r.location_lon),
    ];
    Ok(RecordBatch::try_new(event_schema(), columns)?)
}

/// Writes `rows` as a Parquet file (Snappy, row groups of [`BATCH_ROWS`]).
pub fn write_events_parquet<W: Write + Send>(rows: &[EventRow], out: W) -> Result<(), ExportError> {
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(BATCH_ROWS))
        .set_created_by(format!("aras {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut writer = ArrowWriter::try_new(out, event_schema(), Some(properties))?;
    for chunk in rows.chunks(BATCH_ROWS) {
        writer.write(&events_to_batch(chunk)?)?;
    }
    writer.close()?;
    Ok(())
}

/// Reads an event Parquet file (as [`write_events_parquet`] writes it) back into rows,
/// with the `parquet` crate's Arrow reader. Columns are found by name, so files with
/// extra columns or another column order read too; a missing or mistyped column is a
/// [`ExportError::Schema`].
pub fn read_events_parquet<R: ChunkReader + 'static>(
    input: R,
) -> Result<Vec<EventRow>, ExportError> {
    let reader = ParquetRecordBatchReaderBuilder::try_new(input)?.build()?;
    let mut rows = Vec::new();
    for batch in reader {
        batch_to_rows(&batch?, &mut rows)?;
    }
    Ok(rows)
}

/// Appends the rows of one record batch in the event schema to `rows` (columns found by
/// name; the columns `events/2` added may be missing, and read as null).
pub fn batch_to_rows(batch: &RecordBatch, rows: &mut Vec<EventRow>) -> Result<(), ExportError> {
    let cols = Columns(batch);
    let cluster_id = cols.primitive::<Int64Type>("cluster_id")?;
    let n_reports = cols.primitive::<UInt32Type>("n_reports")?;
    let n_documents = cols.primitive::<UInt32Type>("n_documents")?;
    let n_sources = cols.primitive::<UInt32Type>("n_sources")?;
    let doc_id = cols.string("doc_id")?;
    let event_id = cols.string("event_id")?;
    let source_code = cols.string("source_code")?;
    let source_country = cols.string("source_country")?;
    let source_text = cols.string("source_text")?;
    let target_code = cols.string("target_code")?;
    let target_country = cols.string("target_country")?;
    let target_text = cols.string("target_text")?;
    let cameo = cols.string("cameo")?;
    let root = cols.string("root")?;
    let plover = cols.string("plover")?;
    let quad_class = cols.primitive::<UInt8Type>("quad_class")?;
    let goldstein = cols.primitive::<Float32Type>("goldstein")?;
    let date_text = cols.string("date_text")?;
    let date = cols.primitive::<Date32Type>("date")?;
    let date_precision = cols.string("date_precision")?;
    let date_source = cols.string("date_source")?;
    let published = cols.primitive::<Date32Type>("published")?;
    let publication = cols.string("publication")?;
    let negated = cols.boolean("negated")?;
    let modality = cols.string("modality")?;
    let trigger = cols.string("trigger")?;
    let evidence = cols.string("evidence")?;
    let evidence_start = cols.primitive::<UInt32Type>("evidence_start")?;
    let evidence_end = cols.primitive::<UInt32Type>("evidence_end")?;
    let confidence = cols.primitive::<Float32Type>("confidence")?;
    let url = cols.optional_string("url")?;
    let title = cols.optional_string("title")?;
    let location_text = cols.optional_string("location_text")?;
    let location_country = cols.optional_string("location_country")?;
    let location_lat = cols.optional_primitive::<Float64Type>("location_lat")?;
    let location_lon = cols.optional_primitive::<Float64Type>("location_lon")?;
    let maybe_text = |a: Option<&StringArray>, i: usize| {
        a.filter(|a| !a.is_null(i)).map(|a| a.value(i).to_string())
    };
    let maybe_float =
        |a: Option<&Float64Array>, i: usize| a.filter(|a| !a.is_null(i)).map(|a| a.value(i));
    let text = |a: &StringArray, i: usize| -> String {
        if a.is_null(i) {
            String::new()
        } else {
            a.value(i).to_string()
        }
    };
    let opt_text = |a: &StringArray, i: usize| (!a.is_null(i)).then(|| a.value(i).to_string());

    let opt_date = |a: &Date32Array, i: usize| {
        if a.is_null(i) {
            None
        } else {
            from_date32(a.value(i))
        }
    };
    for i in 0..batch.num_rows() {
        rows.push(EventRow {
            cluster_id: cluster_id.value(i),
            n_reports: n_reports.value(i),
            n_documents: n_documents.value(i),
            n_sources: n_sources.value(i),
            doc_id: text(doc_id, i),
            event_id: text(event_id, i),
            source_code: opt_text(source_code, i),
            source_country: opt_text(source_country, i),
            source_text: opt_text(source_text, i),
            target_code: opt_text(target_code, i),
            target_country: opt_text(target_country, i),
            target_text: opt_text(target_text, i),
            cameo: vocabulary("cameo", &text(cameo, i))?,
            root: vocabulary("root", &text(root, i))?,
            plover: opt_text(plover, i)
                .map(|t| vocabulary("plover", &t))
                .transpose()?,
            quad_class: vocabulary("quad_class", &quad_class.value(i).to_string())?,
            goldstein: goldstein.value(i),
            date_text: opt_text(date_text, i),
            date: opt_date(date, i),
            date_precision: opt_text(date_precision, i)
                .map(|t| vocabulary("date_precision", &t))
                .transpose()?,
            date_source: vocabulary("date_source", &text(date_source, i))?,
            published: opt_date(published, i),
            publication: opt_text(publication, i),
            negated: !negated.is_null(i) && negated.value(i),
            modality: vocabulary("modality", &text(modality, i))?,
            trigger: text(trigger, i),
            evidence: text(evidence, i),
            evidence_start: evidence_start.value(i),
            evidence_end: evidence_end.value(i),
            confidence: confidence.value(i),
            url: maybe_text(url, i),
            title: maybe_text(title, i),
            location_text: maybe_text(location_text, i),
            location_country: maybe_text(location_country, i),
            location_lat: maybe_float(location_lat, i),
            location_lon: maybe_float(location_lon, i),
        });
    }
    Ok(())
}

/// Typed column look-up by name with schema errors instead of panics.
struct Columns<'b>(&'b RecordBatch);

impl<'b> Columns<'b> {
    fn column(&self, name: &str) -> Result<&'b ArrayRef, ExportError> {
        self.0
            .column_by_name(name)
            .ok_or_else(|| ExportError::Schema(format!("no column {name:?}")))
    }

    fn string(&self, name: &str) -> Result<&'b StringArray, ExportError> {
        let column = self.column(name)?;
        column
            .as_string_opt::<i32>()
            .ok_or_else(|| mistyped(name, column.data_type()))
    }

    /// A column `events/1` files lack: `None` when absent, an error when mistyped.
    fn optional_string(&self, name: &str) -> Result<Option<&'b StringArray>, ExportError> {
        match self.0.column_by_name(name) {
            None => Ok(None),
            Some(_) => self.string(name).map(Some),
        }
    }

    fn optional_primitive<T: arrow_array::ArrowPrimitiveType>(
        &self,
        name: &str,
    ) -> Result<Option<&'b arrow_array::PrimitiveArray<T>>, ExportError> {
        match self.0.column_by_name(name) {
            None => Ok(None),
            Some(_) => self.primitive::<T>(name).map(Some),
        }
    }

    fn boolean(&self, name: &str) -> Result<&'b BooleanArray, ExportError> {
        let column = self.column(name)?;
        column
            .as_boolean_opt()
            .ok_or_else(|| mistyped(name, column.data_type()))
    }

    fn primitive<T: arrow_array::ArrowPrimitiveType>(
        &self,
        name: &str,
    ) -> Result<&'b arrow_array::PrimitiveArray<T>, ExportError> {
        let column = self.column(name)?;
        column
            .as_primitive_opt::<T>()
            .ok_or_else(|| mistyped(name, column.data_type()))
    }
}

/// A value of a closed vocabulary column, or a schema error naming the column.
fn vocabulary<T: std::str::FromStr<Err = aras_schema::ParseError>>(
    column: &str,
    value: &str,
) -> Result<T, ExportError> {
    value
        .parse()
        .map_err(|e| ExportError::Schema(format!("column {column:?}: {e}")))
}

fn mistyped(name: &str, found: &DataType) -> ExportError {
    ExportError::Schema(format!("column {name:?} has type {found}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn date32_matches_the_calendar() {
        let cases = [
            (date(1970, 1, 1), 0),
            (date(1970, 1, 2), 1),
            (date(1969, 12, 31), -1),
            (date(2000, 3, 1), 11_017),
            (date(2024, 2, 29), 19_782),
        ];
        for (day, days) in cases {
            assert_eq!(date32(day), days, "{day}");
            assert_eq!(from_date32(days), Some(day), "{days}");
        }
    }
}
