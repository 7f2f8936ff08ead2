//! pyarrow, an independent Parquet implementation, reads our file with the documented
//! schema. Runs when `python3 -c "import pyarrow"` works; prints a skip note otherwise.

use crate::common;

use std::process::Command;

use aras_export::{write_events_feather, write_events_parquet};

/// The Python to run: `$ARAS_PYTHON` (a venv with pyarrow), else `python3`.
fn python() -> String {
    std::env::var("ARAS_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

#[test]
fn pyarrow_reads_the_documented_schema() {
    check_with_pyarrow("events.parquet", 29);
}

#[test]
fn pyarrow_reads_the_feather_file() {
    check_with_pyarrow("events.feather", 31);
}

fn check_with_pyarrow(name: &str, seed: u64) {
    let has_pyarrow = Command::new(python())
        .args(["-c", "import pyarrow"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pyarrow {
        println!("skipped: pyarrow absent");
        return;
    }
    let rows = common::rows(300, seed);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let file = std::fs::File::create(&path).unwrap();
    if name.ends_with(".feather") {
        write_events_feather(&rows, file).unwrap();
    } else {
        write_events_parquet(&rows, file).unwrap();
    }
    let expected = serde_json::json!({
        "rows": rows.len(),
        "first_cameo": rows[0].cameo,
        "first_date": rows[0].date.map(|d| d.to_string()),
        "null_sources": rows.iter().filter(|r| r.source_country.is_none()).count(),
        "goldstein_sum": rows.iter().map(|r| f64::from(r.goldstein)).sum::<f64>(),
        "negated": rows.iter().filter(|r| r.negated).count(),
        "titles": rows.iter().map(|r| r.title.clone()).collect::<Vec<_>>(),
        "null_lats": rows.iter().filter(|r| r.location_lat.is_none()).count(),
    });
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/check_parquet.py");
    let output = Command::new(python())
        .arg(script)
        .arg(&path)
        .arg(expected.to_string())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "pyarrow check failed:\n{stdout}\n{stderr}"
    );
}
