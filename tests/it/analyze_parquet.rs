//! `aras analyze --format parquet --out DIR` (issue 14): the dataset read back with the
//! `parquet` crate's Arrow reader equals the JSON Lines of `aras analyze` on the same
//! input, record for record and field for field; refusals and the all-or-nothing rule.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aras_export::{read_events_parquet, read_table, Table};
use serde_json::Value;

fn aras(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aras"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("aras runs")
}

fn ok(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The data files of a table, each with the day of its `published=` directory.
fn data_files(dir: &Path, table: Table) -> Vec<(PathBuf, Option<String>)> {
    let mut files = Vec::new();
    let Ok(partitions) = std::fs::read_dir(dir.join(table.name())) else {
        return files;
    };
    for partition in partitions.flatten() {
        let name = partition.file_name().to_string_lossy().to_string();
        let Some(day) = name.strip_prefix("published=") else {
            assert!(
                name.starts_with('_'),
                "unexpected {name} in {}",
                table.name()
            );
            continue;
        };
        let day = (day != "__HIVE_DEFAULT_PARTITION__").then(|| day.to_string());
        for file in std::fs::read_dir(partition.path()).unwrap().flatten() {
            files.push((file.path(), day.clone()));
        }
    }
    files.sort();
    files
}

/// The inputs: the examples (dated), an undated document and one with a partial date,
/// and the first 150 AFP/Xinhua articles where ../shared is present.
fn inputs(tmp: &Path) -> Vec<String> {
    let extra = tmp.join("extra.jsonl");
    std::fs::write(
        &extra,
        concat!(
            r#"{"id":"undated","text":"Iran said on Tuesday it would not attack Israel. \"We want peace,\" the foreign minister said. Prices rose 3 percent."}"#,
            "\n",
            r#"{"id":"month-only","date":"2025-06","source":"AFP","text":"Germany attacked France on Monday."}"#,
            "\n"
        ),
    )
    .unwrap();
    let mut inputs = vec!["examples/".to_string(), extra.to_string_lossy().to_string()];
    if let Some(shared) = aras_testkit::shared_dir() {
        let corpus = shared.join("data/corpora/news_afp_xinhua_te3/articles.jsonl");
        if let Ok(text) = std::fs::read_to_string(&corpus) {
            let head: String = text.lines().take(150).map(|l| format!("{l}\n")).collect();
            let path = tmp.join("afp-150.jsonl");
            std::fs::write(&path, head).unwrap();
            inputs.push(path.to_string_lossy().to_string());
        }
    }
    inputs
}

#[test]
fn the_dataset_reads_back_as_the_json_lines_of_analyze() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = inputs(tmp.path());
    let mut args = vec!["analyze", "--quiet"];
    args.extend(inputs.iter().map(String::as_str));
    let jsonl = aras(&args);
    ok(&jsonl);
    let records: Vec<Value> = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();

    let dir = tmp.path().join("coded");
    let dir_arg = dir.to_string_lossy().to_string();
    let mut args = vec![
        "analyze", "--quiet", "--format", "parquet", "--out", &dir_arg,
    ];
    args.extend(inputs.iter().map(String::as_str));
    ok(&aras(&args));

    // The publication day each document's records are filed under.
    let day_of: BTreeMap<String, Option<String>> = records
        .iter()
        .filter(|r| r["type"] == "document")
        .map(|d| {
            let day = d["date"]
                .as_str()
                .and_then(|s| s.get(..10))
                .and_then(|s| s.parse::<jiff::civil::Date>().ok())
                .map(|d| d.to_string());
            (d["doc_id"].as_str().unwrap().to_string(), day)
        })
        .collect();
    assert_eq!(day_of["undated"], None);
    assert_eq!(day_of["month-only"], None, "a partial date is no day");

    for table in Table::ALL {
        let want: Vec<&Value> = records
            .iter()
            .filter(|r| r["type"] == table.record_type())
            .collect();
        assert!(!want.is_empty(), "the inputs give {}", table.name());
        assert!(dir.join(table.name()).join("_common_metadata").is_file());
        if table == Table::Events {
            continue;
        }
        let mut got = Vec::new();
        for (path, day) in data_files(&dir, table) {
            for (record, published) in read_table(table, File::open(&path).unwrap()).unwrap() {
                let doc_id = record["doc_id"].as_str().unwrap().to_string();
                assert_eq!(published.map(|d| d.to_string()), day, "{path:?}");
                assert_eq!(day_of[&doc_id], day, "{} {doc_id}", table.name());
                got.push(record);
            }
        }
        let key = |r: &Value| (r["doc_id"].to_string(), r["id"].to_string());
        let mut want: Vec<Value> = want.into_iter().cloned().collect();
        want.sort_by_key(key);
        got.sort_by_key(key);
        assert_eq!(got.len(), want.len(), "{} rows", table.name());
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(
                g,
                w,
                "{}: a record reads back field for field",
                table.name()
            );
        }
    }

    // Events: the export schema, each column against the JSON record it came from.
    let docs: BTreeMap<&str, &Value> = records
        .iter()
        .filter(|r| r["type"] == "document")
        .map(|d| (d["doc_id"].as_str().unwrap(), d))
        .collect();
    let events: BTreeMap<(String, String), &Value> = records
        .iter()
        .filter(|r| r["type"] == "event")
        .map(|e| {
            let id = (
                e["doc_id"].as_str().unwrap().into(),
                e["id"].as_str().unwrap().into(),
            );
            (id, e)
        })
        .collect();
    let mut seen = 0;
    for (path, day) in data_files(&dir, Table::Events) {
        for row in read_events_parquet(File::open(&path).unwrap()).unwrap() {
            seen += 1;
            let e = events[&(row.doc_id.clone(), row.event_id.clone())];
            let doc = docs[row.doc_id.as_str()];
            let text = |v: &Value| v.as_str().filter(|s| !s.is_empty()).map(String::from);
            assert_eq!(row.published.map(|d| d.to_string()), day);
            assert_eq!((row.cluster_id, row.n_reports, row.n_documents), (0, 1, 1));
            assert_eq!(row.n_sources, u32::from(!doc["source"].is_null()));
            assert_eq!(row.publication.as_deref(), doc["source"].as_str());
            assert_eq!(row.source_code, text(&e["source"]["code"]));
            assert_eq!(row.source_country, text(&e["source"]["country"]));
            assert_eq!(row.source_text, text(&e["source"]["text"]));
            assert_eq!(row.target_code, text(&e["target"]["code"]));
            assert_eq!(row.target_country, text(&e["target"]["country"]));
            assert_eq!(row.target_text, text(&e["target"]["text"]));
            assert_eq!(row.cameo.as_str(), e["cameo"]);
            assert_eq!(row.root.to_string(), e["root"]);
            assert_eq!(row.plover.map(|p| p.as_str()), e["plover"].as_str());
            assert_eq!(u64::from(row.quad_class.number()), e["quad_class"]);
            assert_eq!(row.goldstein, e["goldstein"].as_f64().unwrap() as f32);
            assert_eq!(row.date_text.as_deref(), e["date"].as_str());
            let first = e["date"]
                .as_str()
                .and_then(aras_relations::date_bounds)
                .map(|(first, _)| first);
            assert_eq!(row.date, first);
            assert_eq!(
                row.date_precision.map(|p| p.as_str()),
                e["date_precision"].as_str()
            );
            assert_eq!(row.date_source.as_str(), e["date_source"]);
            assert_eq!(row.negated, e["negated"]);
            assert_eq!(row.modality.as_str(), e["modality"]);
            assert_eq!(row.trigger, e["trigger"]["text"]);
            assert_eq!(row.evidence, e["evidence"]["text"]);
            assert_eq!(u64::from(row.evidence_start), e["evidence"]["start"]);
            assert_eq!(u64::from(row.evidence_end), e["evidence"]["end"]);
            assert_eq!(row.confidence, e["confidence"].as_f64().unwrap() as f32);
            assert_eq!(row.url.as_deref(), doc["url"].as_str());
            assert_eq!(row.title.as_deref(), doc["title"].as_str());
            let place = &e["location"];
            assert_eq!(row.location_text.as_deref(), place["text"].as_str());
            assert_eq!(row.location_country.as_deref(), place["country"].as_str());
            assert_eq!(row.location_lat, place["lat"].as_f64());
            assert_eq!(row.location_lon, place["lon"].as_f64());
        }
    }
    assert_eq!(seen, events.len(), "every event record has its row");
    // The binary's event schema is export's, metadata included.
    let (first, _) = &data_files(&dir, Table::Events)[0];
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        File::open(first).unwrap(),
    )
    .unwrap();
    assert_eq!(
        reader.schema().as_ref(),
        aras_export::event_schema().as_ref()
    );
}

#[test]
fn a_non_empty_out_is_refused_and_nothing_is_left_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("coded");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("mine.txt"), "keep").unwrap();
    let dir_arg = dir.to_string_lossy().to_string();
    let out = aras(&[
        "analyze",
        "--quiet",
        "--format",
        "parquet",
        "--out",
        &dir_arg,
        "examples/baku-ceasefire.txt",
    ]);
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("exists and is not an empty directory"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("mine.txt")).unwrap(),
        "keep"
    );

    // An empty directory is fine, and only it is there afterwards (no staging left).
    std::fs::remove_file(dir.join("mine.txt")).unwrap();
    let out = aras(&[
        "analyze",
        "--quiet",
        "--format",
        "parquet",
        "--tables",
        "events,documents",
        "--out",
        &dir_arg,
        "examples/baku-ceasefire.txt",
    ]);
    ok(&out);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["documents", "events"]);
    let beside: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(
        beside.len(),
        1,
        "no hidden staging directory left beside it"
    );
}

#[test]
fn usage_errors_say_what_to_do() {
    let out = aras(&["analyze", "--format", "parquet", "examples/"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format parquet needs --out DIR"));
    let out = aras(&["analyze", "--out", "x", "examples/"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("are for --format parquet"));
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("coded").to_string_lossy().to_string();
    let out = aras(&[
        "analyze",
        "--format",
        "parquet",
        "--tables",
        "events,locations",
        "--out",
        &dir,
        "examples/",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown table \"locations\""), "{stderr}");
    assert!(!Path::new(&dir).exists());
    let help = aras(&["analyze", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("published=2024-03-04") && help.contains("__HIVE_DEFAULT_PARTITION__"));
}

#[test]
fn an_empty_input_gives_every_table_its_schema_file() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let dir = tmp.path().join("coded");
    let (dir_arg, empty_arg) = (
        dir.to_string_lossy().to_string(),
        empty.to_string_lossy().to_string(),
    );
    ok(&aras(&[
        "analyze", "--quiet", "--format", "parquet", "--out", &dir_arg, &empty_arg,
    ]));
    for table in Table::ALL {
        let schema_file = dir.join(table.name()).join("_common_metadata");
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
            File::open(&schema_file).unwrap(),
        )
        .unwrap();
        assert_eq!(reader.schema().as_ref(), table.schema().as_ref());
        assert!(data_files(&dir, table).is_empty());
    }
}
