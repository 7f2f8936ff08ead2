//! `aras relations`, `timeline`, `balance` and `export` over a store, as a person runs
//! them: every format parses back, and the seed's Azerbaijan reads as the issue says.

use std::path::Path;
use std::process::{Command, Output};

fn aras(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aras"))
        .args(args)
        .env_remove("ARAS_DB")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("aras runs")
}

fn ok(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The `--json` summary object: the last line of stderr (issue 16: --json reports go to
/// stderr, each field its own key), after checking the command succeeded.
fn json_summary(out: &Output) -> serde_json::Value {
    ok(out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let summary: serde_json::Value =
        serde_json::from_str(stderr.lines().last().expect("a summary line")).unwrap();
    assert_eq!(summary["type"], "summary", "{stderr}");
    summary
}

fn jsonl(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

/// A store of the repository's own examples.
fn example_store(dir: &Path) -> String {
    let db = dir.join("examples.db").to_str().unwrap().to_string();
    ok(&aras(&[
        "ingest",
        "--quiet",
        "--db",
        &db,
        "examples/baku-ceasefire.txt",
        "examples/feeds.jsonl",
    ]));
    db
}

#[test]
fn issue5_relation_commands_write_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_store(dir.path());

    let dyads = jsonl(&ok(&aras(&["relations", "--db", &db, "--format", "jsonl"])));
    assert!(!dyads.is_empty(), "the examples relate some countries");
    for d in &dyads {
        assert_eq!(d["type"], "dyad", "{d}");
        assert!(d["events"].as_u64().unwrap() >= 1);
        let sign = d["sign"].as_str().unwrap();
        assert!(["cooperative", "mixed", "hostile"].contains(&sign), "{d}");
    }
    let (a, b) = (
        dyads[0]["a"].as_str().unwrap().to_string(),
        dyads[0]["b"].as_str().unwrap().to_string(),
    );
    let table = ok(&aras(&["relations", "--db", &db, &a]));
    assert!(table.contains(&b), "{table}");
    let csv = ok(&aras(&["relations", "--db", &db, "--format", "csv"]));
    assert_eq!(csv.lines().count(), dyads.len() + 1, "{csv}");

    let svg = dir.path().join("chart.svg");
    let points = jsonl(&ok(&aras(&[
        "timeline",
        "--db",
        &db,
        &a,
        &b,
        "--by",
        "month",
        "--format",
        "jsonl",
        "--svg",
        svg.to_str().unwrap(),
    ])));
    let events: u64 = points.iter().map(|p| p["events"].as_u64().unwrap()).sum();
    assert!(events >= 1, "{points:?}");
    assert!(points.iter().all(|p| p["type"] == "timeline"), "{points:?}");
    let chart = std::fs::read_to_string(&svg).unwrap();
    assert!(
        chart.starts_with("<svg") || chart.starts_with("<?xml"),
        "{chart}"
    );
    assert!(chart.trim_end().ends_with("</svg>"));

    let balance = jsonl(&ok(&aras(&["balance", "--db", &db, "--format", "jsonl"])));
    assert!(balance.iter().any(|l| l["type"] == "edge"), "{balance:?}");
    ok(&aras(&["balance", "--db", &db]));

    let parquet = dir.path().join("events.parquet");
    ok(&aras(&[
        "export",
        "--quiet",
        "--db",
        &db,
        "--format",
        "parquet",
        "--out",
        parquet.to_str().unwrap(),
    ]));
    let rows = aras_export::read_events_parquet(std::fs::File::open(&parquet).unwrap()).unwrap();
    let listed = jsonl(&ok(&aras(&["events", "--db", &db, "--format", "jsonl"])));
    assert_eq!(rows.len(), listed.len());
    assert!(rows
        .iter()
        .all(|r| r.cameo.as_str().len() >= 3 && r.cameo.root() == r.root));

    for format in ["gexf", "graphml", "csv", "jsonl"] {
        let out = dir.path().join(format!("export.{format}"));
        let export = aras(&[
            "export",
            "--json",
            "--db",
            &db,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(
            export.stdout.is_empty(),
            "results only on stdout; an export has none"
        );
        let summary = json_summary(&export);
        assert_eq!(summary["command"], "export");
        assert_eq!(summary["format"], format);
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(!written.is_empty(), "{format}");
    }
}

#[test]
fn issue5_export_to_a_missing_folder_fails_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_store(dir.path());
    let out = dir.path().join("no/such/folder/events.csv");
    let run = aras(&[
        "export",
        "--db",
        &db,
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&run.stderr).contains("no/such/folder"));
    assert!(!out.exists());
}

/// The issue's check: on the seed and the Wikinews articles, Azerbaijan's counterparts
/// include Israel (+), Iran (mixed) and Armenia (-).
#[test]
fn issue5_relations_aze_on_the_seed_and_wikinews() {
    let seed = aras_testkit::require_shared!("corpus/seed");
    let wikinews = aras_testkit::require_shared!("corpus/wikinews");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("corpus.db");
    let db = db.to_str().unwrap();
    let (seed, wikinews) = (seed.to_str().unwrap(), wikinews.to_str().unwrap());
    let first = json_summary(&aras(&["ingest", "--json", "--db", db, seed, wikinews]));
    let second = json_summary(&aras(&["ingest", "--json", "--db", db, seed, wikinews]));
    assert_eq!(first["store"]["documents"], 21);
    assert_eq!(first["store"], second["store"]);
    assert_eq!(second["stored"], 0);

    let dyads = jsonl(&ok(&aras(&[
        "relations",
        "--db",
        db,
        "AZE",
        "--format",
        "jsonl",
    ])));
    let sign = |party: &str| {
        dyads
            .iter()
            .find(|d| d["b"] == party)
            .map(|d| d["sign"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no AZE–{party} dyad in {dyads:?}"))
    };
    assert_eq!(sign("ISR"), "cooperative");
    assert_eq!(sign("IRN"), "mixed");
    assert_eq!(sign("ARM"), "hostile");
}

/// `aras relations | head -1`: the reader closing early is not a crash.
#[test]
fn issue5_a_reader_that_stops_early_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = example_store(dir.path());
    for command in ["relations", "balance"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_aras"))
            .args([command, "--db", &db])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{command}: {stderr}");
        assert!(!stderr.contains("panicked"), "{command}: {stderr}");
    }
}

/// A typo in --db is an error naming the path, not a new empty store.
#[test]
fn issue5_relations_on_a_missing_store_is_an_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo.db");
    let run = aras(&["relations", "--db", db.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&run.stderr).contains("typo.db"));
    assert!(!db.exists());
}

/// A cell of any export as text, `None` for no value. Floats (Float32 in Parquet) are
/// compared as f32, so `0.75`, `0.75` and `0.75f32` are one value; "" stays "", so an
/// empty string where a null belongs shows up as a difference.
fn json_cell(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        serde_json::Value::Number(n) if n.is_f64() => {
            Some((n.as_f64().unwrap() as f32).to_string())
        }
        serde_json::Value::Number(n) => Some(n.to_string()),
        other => panic!("an export cell is never {other}"),
    }
}

/// A CSV field in the same terms: an empty field is no value.
fn csv_cell(column: &str, field: &str) -> Option<String> {
    match (column, field) {
        (_, "") => None,
        ("goldstein" | "confidence", f) => Some(f.parse::<f32>().expect(f).to_string()),
        (_, f) => Some(f.to_string()),
    }
}

/// Issue 15: the JSONL, CSV and Parquet exports of one store agree value for value,
/// nulls included. Every field of every row is read back (JSONL with serde_json, CSV
/// with the csv crate, Parquet with aras-export's Arrow reader) and compared; a missing
/// source, target or date is null in JSONL and Parquet and an empty CSV field, never "".
#[test]
fn issue15_exports_agree_value_for_value() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("corpus.db");
    let db = db.to_str().unwrap();
    let mut inputs = vec![
        "examples/baku-ceasefire.txt".to_string(),
        "examples/feeds.jsonl".to_string(),
    ];
    match (
        aras_testkit::shared_path("corpus/seed"),
        aras_testkit::shared_path("corpus/wikinews"),
    ) {
        (Some(seed), Some(wikinews)) => {
            for part in [seed, wikinews] {
                inputs.push(part.to_str().unwrap().to_string());
            }
        }
        _ => aras_testkit::report_skip(&format!(
            "{} (the seed and Wikinews articles); comparing the exports of examples/ only",
            aras_testkit::skip_reason(Some("corpus/seed".as_ref()))
        )),
    }
    let mut ingest = vec!["ingest", "--quiet", "--db", db];
    ingest.extend(inputs.iter().map(String::as_str));
    ok(&aras(&ingest));

    let columns = aras_export::EVENT_COLUMNS;
    // Clusters (the default), and every report of every modality.
    for unit in [&[][..], &["--reports", "--modality", "all"][..]] {
        let export = |format: &str| {
            let out = dir.path().join(format!("events.{format}"));
            let mut args = vec!["export", "--quiet", "--db", db, "--format", format];
            args.extend(["--out", out.to_str().unwrap()]);
            args.extend(unit);
            ok(&aras(&args));
            out
        };

        let jsonl = jsonl(&std::fs::read_to_string(export("jsonl")).unwrap());
        let mut csv = csv::Reader::from_path(export("csv")).unwrap();
        let header: Vec<String> = csv.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, columns, "{unit:?}");
        let csv: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
        let parquet =
            aras_export::read_events_parquet(std::fs::File::open(export("parquet")).unwrap())
                .unwrap();
        let parquet: Vec<serde_json::Value> = parquet
            .iter()
            .map(|row| serde_json::to_value(row).unwrap())
            .collect();
        let feather =
            aras_export::read_events_feather(std::fs::File::open(export("feather")).unwrap())
                .unwrap();
        let feather: Vec<serde_json::Value> = feather
            .iter()
            .map(|row| serde_json::to_value(row).unwrap())
            .collect();
        assert_eq!(feather, parquet, "{unit:?}: Feather and Parquet differ");
        // GDELT and ICEWS: a line per row, their columns, the document's URL as SOURCEURL.
        let gdelt = std::fs::read_to_string(export("gdelt")).unwrap();
        let icews = std::fs::read_to_string(export("icews")).unwrap();
        assert_eq!(
            gdelt.lines().count(),
            parquet.len(),
            "{unit:?}: GDELT lines"
        );
        assert_eq!(
            icews.lines().count(),
            parquet.len() + 1,
            "{unit:?}: ICEWS lines"
        );
        for ((line, icews_line), p) in gdelt.lines().zip(icews.lines().skip(1)).zip(&parquet) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), aras_export::GDELT_COLUMNS.len(), "{line}");
            assert_eq!(fields[26], p["cameo"], "{line}");
            assert_eq!(Some(fields[60]), p["url"].as_str().or(Some("")), "{line}");
            let icews_fields = icews_line.split('\t').count();
            assert_eq!(
                icews_fields,
                aras_export::ICEWS_COLUMNS.len(),
                "{icews_line}"
            );
        }

        assert!(jsonl.len() >= 3, "{unit:?}: only {} rows", jsonl.len());
        assert_eq!(csv.len(), jsonl.len(), "{unit:?}: CSV rows");
        assert_eq!(parquet.len(), jsonl.len(), "{unit:?}: Parquet rows");
        let mut nulls = std::collections::BTreeMap::<&str, usize>::new();
        for (i, ((j, c), p)) in jsonl.iter().zip(&csv).zip(&parquet).enumerate() {
            let j = j.as_object().unwrap();
            assert_eq!(j["type"], "event");
            assert_eq!(j.len(), columns.len() + 1, "{unit:?} row {i}: {j:?}");
            assert_eq!(c.len(), columns.len(), "{unit:?} row {i}: {c:?}");
            for (k, column) in columns.iter().enumerate() {
                let from_jsonl = json_cell(&j[*column]);
                let from_csv = csv_cell(column, &c[k]);
                let from_parquet = json_cell(&p[*column]);
                let at = format!("{unit:?} row {i} ({}) column {column}", j["event_id"]);
                assert_ne!(from_jsonl.as_deref(), Some(""), "{at}: \"\" in JSONL");
                assert_ne!(from_parquet.as_deref(), Some(""), "{at}: \"\" in Parquet");
                assert_eq!(from_jsonl, from_parquet, "{at}: JSONL and Parquet differ");
                assert_eq!(from_jsonl, from_csv, "{at}: JSONL and CSV differ");
                if from_jsonl.is_none() {
                    *nulls.entry(column).or_default() += 1;
                }
            }
        }
        // The null case is exercised, not only the values.
        for column in ["target_code", "date", "location_text", "location_lat"] {
            assert!(
                nulls.get(column).is_some_and(|&n| n > 0),
                "{unit:?}: no row without {column}: {nulls:?}"
            );
        }
        assert!(
            nulls.get("title").copied().unwrap_or(0) < jsonl.len(),
            "{unit:?}: no row has its document's title: {nulls:?}"
        );
        eprintln!("{unit:?}: {} rows agree; nulls {nulls:?}", jsonl.len());
    }
}

/// Issue 14: `--format gdelt` has no header unless `--header`, which other formats
/// refuse; Feather, a file format, is refused on stdout.
#[test]
fn issue14_gdelt_header_and_stream_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let db = db.to_str().unwrap();
    ok(&aras(&[
        "ingest",
        "--quiet",
        "--db",
        db,
        "examples/baku-ceasefire.txt",
    ]));
    let plain = ok(&aras(&[
        "export", "--quiet", "--db", db, "--format", "gdelt", "--out", "-",
    ]));
    let headed = ok(&aras(&[
        "export", "--quiet", "--db", db, "--format", "gdelt", "--header", "--out", "-",
    ]));
    assert!(!plain.is_empty());
    assert_eq!(
        headed.lines().next().unwrap(),
        aras_export::GDELT_COLUMNS.join("\t")
    );
    assert_eq!(
        headed.lines().skip(1).collect::<Vec<_>>(),
        plain.lines().collect::<Vec<_>>()
    );
    let refused = aras(&[
        "export", "--db", db, "--format", "csv", "--header", "--out", "-",
    ]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--header is for --format gdelt"));
    let refused = aras(&["export", "--db", db, "--format", "feather", "--out", "-"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a stream format"));
}
