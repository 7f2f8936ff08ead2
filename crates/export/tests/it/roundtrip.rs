//! Event exports read back by independent readers: the `parquet` crate's Arrow reader,
//! the csv crate's reader, serde_json.

use crate::common;

use aras_export::{
    event_schema, export, read_events_csv, read_events_parquet, write_events_csv,
    write_events_jsonl, write_events_parquet, ExportOptions, Format, EVENT_COLUMNS,
};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

#[test]
fn parquet_reads_back_equal() {
    let rows = common::rows(1_000, 7);
    let mut buffer = Vec::new();
    write_events_parquet(&rows, &mut buffer).unwrap();
    let back = read_events_parquet(bytes::Bytes::from(buffer)).unwrap();
    assert_eq!(back.len(), rows.len());
    for (a, b) in rows.iter().zip(&back) {
        assert_eq!(a, b);
    }
}

#[test]
fn parquet_schema_keeps_codes_and_dates_typed() {
    let rows = common::rows(200, 3);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    export(
        &rows,
        Format::Parquet,
        &ExportOptions::default(),
        std::fs::File::create(&path).unwrap(),
    )
    .unwrap();
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap()).unwrap();
    let schema = builder.schema().clone();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(names, EVENT_COLUMNS);
    // (column, type, nullable)
    let expected = [
        ("cluster_id", DataType::Int64, false),
        ("n_reports", DataType::UInt32, false),
        ("cameo", DataType::Utf8, false),
        ("source_country", DataType::Utf8, true),
        ("quad_class", DataType::UInt8, false),
        ("goldstein", DataType::Float32, false),
        ("date", DataType::Date32, true),
        ("published", DataType::Date32, true),
        ("negated", DataType::Boolean, false),
    ];
    for (name, ty, nullable) in expected {
        let field = schema.field_with_name(name).unwrap();
        assert_eq!(field.data_type(), &ty, "{name}");
        assert_eq!(field.is_nullable(), nullable, "{name}");
    }
    assert_eq!(
        schema.metadata().get("aras.schema").map(String::as_str),
        Some("events/2")
    );
    assert_eq!(schema.fields(), event_schema().fields());

    let batch = builder.build().unwrap().next().unwrap().unwrap();
    let cameo = batch
        .column_by_name("cameo")
        .unwrap()
        .as_any()
        .downcast_ref::<arrow_array::StringArray>()
        .unwrap();
    assert!(cameo.iter().any(|c| c == Some("042")), "leading zeros kept");
    let source = batch.column_by_name("source_country").unwrap();
    assert!(source.null_count() > 0, "missing parties are null");
}

#[test]
fn parquet_of_nothing_is_a_valid_empty_file() {
    let mut buffer = Vec::new();
    write_events_parquet(&[], &mut buffer).unwrap();
    assert!(read_events_parquet(bytes::Bytes::from(buffer))
        .unwrap()
        .is_empty());
}

#[test]
fn csv_reads_back_equal_with_the_documented_header() {
    let rows = common::rows(500, 11);
    let mut buffer = Vec::new();
    write_events_csv(&rows, &mut buffer).unwrap();
    let text = String::from_utf8(buffer.clone()).unwrap();
    assert_eq!(text.lines().next().unwrap(), EVENT_COLUMNS.join(","));
    assert!(text.contains(",042,04,"), "codes as written");
    let back = read_events_csv(buffer.as_slice()).unwrap();
    assert_eq!(back, rows);

    let mut empty = Vec::new();
    write_events_csv(&[], &mut empty).unwrap();
    assert_eq!(
        String::from_utf8(empty).unwrap().trim_end(),
        EVENT_COLUMNS.join(",")
    );
}

#[test]
fn jsonl_lines_are_tagged_events() {
    let rows = common::rows(100, 5);
    let mut buffer = Vec::new();
    write_events_jsonl(&rows, &mut buffer).unwrap();
    let text = String::from_utf8(buffer).unwrap();
    assert_eq!(text.lines().count(), rows.len());
    for (line, row) in text.lines().zip(&rows) {
        let mut value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["type"], "event");
        value.as_object_mut().unwrap().remove("type");
        let back: aras_relations::EventRow = serde_json::from_value(value).unwrap();
        assert_eq!(&back, row);
    }
}

#[test]
fn formats_parse_from_their_names() {
    for (name, format) in [
        ("csv", Format::Csv),
        ("jsonl", Format::Jsonl),
        ("parquet", Format::Parquet),
        ("gexf", Format::Gexf),
        ("GraphML", Format::Graphml),
    ] {
        assert_eq!(name.parse::<Format>().unwrap(), format);
    }
    assert!("xlsx".parse::<Format>().is_err());
}

#[test]
fn analyses_write_as_csv_and_jsonl() {
    use aras_relations::{balance, dyads, timeline, BalanceOptions, Bucket, DyadOptions};
    let rows = common::rows(2_000, 31);
    let list = dyads(&rows, &DyadOptions::default());
    let mut buffer = Vec::new();
    aras_export::write_dyads_csv(&list, &mut buffer).unwrap();
    let mut reader = csv::Reader::from_reader(buffer.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "a");
    assert!(header.iter().any(|h| h == "goldstein_mean"));
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), list.len());
    let sign = header.iter().position(|h| h == "sign").unwrap();
    assert!(records
        .iter()
        .all(|r| ["cooperative", "mixed", "hostile", "neutral"].contains(&&r[sign])));

    let points = timeline(&rows, "AZE", "ISR", Bucket::Month);
    let mut buffer = Vec::new();
    aras_export::write_timeline_csv(&points, &mut buffer).unwrap();
    let mut reader = csv::Reader::from_reader(buffer.as_slice());
    let ids = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "cluster_ids")
        .unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), points.len());
    let expected: Vec<String> = points[0].cluster_ids.iter().map(i64::to_string).collect();
    assert_eq!(&records[0][ids], expected.join(" "));

    let report = balance(&rows, &BalanceOptions::default());
    let (mut triads, mut hedging) = (Vec::new(), Vec::new());
    aras_export::write_balance_csv(&report, &mut triads, &mut hedging).unwrap();
    let count = |b: &[u8]| csv::Reader::from_reader(b).records().count();
    assert_eq!(count(&triads), report.triads.len());
    assert_eq!(count(&hedging), report.hedging.len());

    let mut buffer = Vec::new();
    aras_export::write_tagged("triad", &report.triads, &mut buffer).unwrap();
    let text = String::from_utf8(buffer).unwrap();
    assert_eq!(text.lines().count(), report.triads.len());
    for line in text.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(value["type"], "triad");
        assert_eq!(value["actors"].as_array().unwrap().len(), 3);
    }
}
