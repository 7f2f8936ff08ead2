//! The GDELT, ICEWS and Feather exports: column count and order, the values of a known
//! row, text with tabs and newlines, nulls; Feather read back with the arrow-ipc reader.

use crate::common;

use aras_export::{
    event_schema, export, read_events_feather, read_events_parquet, write_events_feather,
    ExportOptions, Format, GDELT_COLUMNS, ICEWS_COLUMNS,
};
use aras_relations::EventRow;

/// One row we know every value of: Hamas (PSEREBHMS) attacks Israel's army, located.
fn known() -> EventRow {
    let mut row = common::rows(1, 5).remove(0);
    row.cluster_id = 42;
    row.n_reports = 7;
    row.n_documents = 5;
    row.n_sources = 3;
    row.source_code = Some("PSEREBHMS".into());
    row.source_country = Some("PSE".into());
    row.source_text = Some("Hamas\tfighters".into());
    row.target_code = Some("ISRMIL".into());
    row.target_country = Some("ISR".into());
    row.target_text = Some("the Israeli\narmy".into());
    row.cameo = "1831".parse().unwrap();
    row.root = "18".parse().unwrap();
    row.quad_class = aras_schema::QuadClass::MaterialConflict;
    row.goldstein = -10.0;
    row.date = Some(jiff::civil::date(2023, 10, 7));
    row.published = Some(jiff::civil::date(2023, 10, 8));
    row.publication = Some("Wire\tService".into());
    row.doc_id = "doc-1".into();
    row.url = Some("https://news.example/a?b=1".into());
    row.title = Some("Attack\ton the south".into());
    row.location_text = Some("Sderot".into());
    row.location_country = Some("ISR".into());
    row.location_lat = Some(31.525);
    row.location_lon = Some(34.5964);
    row
}

fn write(rows: &[EventRow], format: Format, header: bool) -> String {
    let options = ExportOptions {
        header,
        ..ExportOptions::default()
    };
    let mut out = Vec::new();
    export(rows, format, &options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The named columns of each line.
fn table<'t>(text: &'t str, columns: &[&'t str]) -> Vec<Vec<(&'t str, &'t str)>> {
    text.lines()
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), columns.len(), "{line:?}");
            columns.iter().copied().zip(fields).collect()
        })
        .collect()
}

fn get<'t>(row: &[(&'t str, &'t str)], column: &str) -> &'t str {
    row.iter().find(|(c, _)| *c == column).unwrap().1
}

#[test]
fn gdelt_has_gdelt_2_columns_in_order() {
    assert_eq!(GDELT_COLUMNS.len(), 61);
    assert_eq!(GDELT_COLUMNS[0], "GLOBALEVENTID");
    assert_eq!(GDELT_COLUMNS[25], "IsRootEvent");
    assert_eq!(GDELT_COLUMNS[34], "AvgTone");
    assert_eq!(GDELT_COLUMNS[51], "ActionGeo_Type");
    assert_eq!(GDELT_COLUMNS[60], "SOURCEURL");
    let rows = common::rows(500, 11);
    let text = write(&rows, Format::Gdelt, false);
    assert_eq!(
        text.lines().count(),
        rows.len(),
        "no header, one line per row"
    );
    table(&text, &GDELT_COLUMNS);
    let with_header = write(&rows, Format::Gdelt, true);
    assert_eq!(
        with_header.lines().next().unwrap(),
        GDELT_COLUMNS.join("\t")
    );
    assert_eq!(with_header.lines().count(), rows.len() + 1);
}

#[test]
fn gdelt_values_of_a_known_row() {
    let text = write(&[known()], Format::Gdelt, false);
    let rows = table(&text, &GDELT_COLUMNS);
    let r = &rows[0];
    let expect = [
        ("GLOBALEVENTID", "42"),
        ("SQLDATE", "20231007"),
        ("MonthYear", "202310"),
        ("Year", "2023"),
        ("FractionDate", "2023.7644"),
        ("Actor1Code", "PSEREBHMS"),
        ("Actor1Name", "Hamas fighters"),
        ("Actor1CountryCode", "PSE"),
        ("Actor1KnownGroupCode", "HMS"),
        ("Actor1EthnicCode", ""),
        ("Actor1Religion1Code", ""),
        ("Actor1Type1Code", "REB"),
        ("Actor1Type2Code", ""),
        ("Actor2Code", "ISRMIL"),
        ("Actor2Name", "the Israeli army"),
        ("Actor2CountryCode", "ISR"),
        ("Actor2KnownGroupCode", ""),
        ("Actor2Type1Code", "MIL"),
        ("IsRootEvent", ""),
        ("EventCode", "1831"),
        ("EventBaseCode", "183"),
        ("EventRootCode", "18"),
        ("QuadClass", "4"),
        ("GoldsteinScale", "-10"),
        ("NumMentions", "7"),
        ("NumSources", "3"),
        ("NumArticles", "5"),
        ("AvgTone", ""),
        ("Actor1Geo_Type", ""),
        ("Actor1Geo_Lat", ""),
        ("Actor2Geo_FullName", ""),
        ("ActionGeo_Type", "4"),
        ("ActionGeo_FullName", "Sderot"),
        ("ActionGeo_CountryCode", "ISR"),
        ("ActionGeo_ADM1Code", ""),
        ("ActionGeo_Lat", "31.525"),
        ("ActionGeo_Long", "34.5964"),
        ("ActionGeo_FeatureID", ""),
        ("DATEADDED", "20231008000000"),
        ("SOURCEURL", "https://news.example/a?b=1"),
    ];
    for (column, value) in expect {
        assert_eq!(get(r, column), value, "{column}");
    }
}

#[test]
fn gdelt_and_icews_leave_missing_values_empty() {
    let mut row = known();
    row.source_code = None;
    row.source_country = None;
    row.source_text = None;
    row.date = None;
    row.published = None;
    row.url = None;
    row.location_text = None;
    row.location_country = None;
    row.location_lat = None;
    row.location_lon = None;
    let text = write(std::slice::from_ref(&row), Format::Gdelt, false);
    let r = &table(&text, &GDELT_COLUMNS)[0];
    for column in [
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        "Actor1Code",
        "Actor1Name",
        "Actor1CountryCode",
        "Actor1Type1Code",
        "ActionGeo_Type",
        "ActionGeo_FullName",
        "ActionGeo_Lat",
        "DATEADDED",
        "SOURCEURL",
    ] {
        assert_eq!(get(r, column), "", "{column}");
    }
    assert_eq!(get(r, "Actor2Code"), "ISRMIL");
    let text = write(&[row], Format::Icews, false);
    let r = &table(&text, &ICEWS_COLUMNS)[1];
    for column in [
        "Event Date",
        "Source Name",
        "Source Sectors",
        "Source Country",
        "City",
        "Country",
        "Latitude",
    ] {
        assert_eq!(get(r, column), "", "{column}");
    }
}

#[test]
fn icews_has_its_header_and_our_values() {
    let rows = common::rows(300, 13);
    let text = write(&rows, Format::Icews, false);
    assert_eq!(text.lines().next().unwrap(), ICEWS_COLUMNS.join("\t"));
    assert_eq!(text.lines().count(), rows.len() + 1);
    table(&text, &ICEWS_COLUMNS);

    let text = write(&[known()], Format::Icews, false);
    let rows = table(&text, &ICEWS_COLUMNS);
    let r = &rows[1];
    let expect = [
        ("Event ID", "42"),
        ("Event Date", "2023-10-07"),
        ("Source Name", "Hamas fighters"),
        ("Source Sectors", "REB"),
        ("Source Country", "Palestine"),
        ("CAMEO Code", "1831"),
        ("Intensity", "-10"),
        ("Target Name", "the Israeli army"),
        ("Target Sectors", "MIL"),
        ("Target Country", "Israel"),
        ("Story ID", "doc-1"),
        ("Sentence Number", ""),
        ("Publisher", "Wire Service"),
        ("City", "Sderot"),
        ("District", ""),
        ("Province", ""),
        ("Country", "Israel"),
        ("Latitude", "31.525"),
        ("Longitude", "34.5964"),
    ];
    for (column, value) in expect {
        assert_eq!(get(r, column), value, "{column}");
    }
    assert!(
        get(r, "Event Text").contains("uicide"),
        "{:?}",
        get(r, "Event Text")
    );
}

#[test]
fn feather_reads_back_equal_with_the_parquet_schema() {
    let rows = common::rows(1_000, 17);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.feather");
    write_events_feather(&rows, std::fs::File::create(&path).unwrap()).unwrap();
    let back = read_events_feather(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!(back, rows);
    let reader =
        arrow_ipc::reader::FileReader::try_new(std::fs::File::open(&path).unwrap(), None).unwrap();
    assert_eq!(reader.schema(), event_schema(), "fields and metadata");
    let mut empty = Vec::new();
    write_events_feather(&[], &mut empty).unwrap();
    assert!(read_events_feather(std::io::Cursor::new(empty))
        .unwrap()
        .is_empty());
}

#[test]
fn events_1_files_still_read_with_the_new_columns_null() {
    let mut rows = common::rows(50, 19);
    let batch = aras_export::events_to_batch(&rows).unwrap();
    let old = batch.project(&(0..30).collect::<Vec<_>>()).unwrap();
    let mut buffer = Vec::new();
    let mut writer = parquet::arrow::ArrowWriter::try_new(&mut buffer, old.schema(), None).unwrap();
    writer.write(&old).unwrap();
    writer.close().unwrap();
    let back = read_events_parquet(bytes::Bytes::from(buffer)).unwrap();
    for row in &mut rows {
        row.url = None;
        row.title = None;
        row.location_text = None;
        row.location_country = None;
        row.location_lat = None;
        row.location_lon = None;
    }
    assert_eq!(back, rows);
}
