//! pyarrow, an independent Parquet implementation, reads our file with the documented
//! schema. Runs when `python3 -c "import pyarrow"` works; prints a skip note otherwise.

use crate::common;

use std::process::Command;

use aras_export::write_events_parquet;

#[test]
fn pyarrow_reads_the_documented_schema() {
    let has_pyarrow = Command::new("python3")
        .args(["-c", "import pyarrow"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pyarrow {
        println!("skipped: pyarrow absent");
        return;
    }
    let rows = common::rows(300, 29);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    write_events_parquet(&rows, std::fs::File::create(&path).unwrap()).unwrap();
    let expected = serde_json::json!({
        "rows": rows.len(),
        "first_cameo": rows[0].cameo,
        "first_date": rows[0].date.map(|d| d.to_string()),
        "null_sources": rows.iter().filter(|r| r.source_country.is_none()).count(),
        "goldstein_sum": rows.iter().map(|r| f64::from(r.goldstein)).sum::<f64>(),
        "negated": rows.iter().filter(|r| r.negated).count(),
    });
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/check_parquet.py");
    let output = Command::new("python3")
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
