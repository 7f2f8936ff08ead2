//! Export speed on synthetic rows: `cargo run --release -p aras-export --example
//! export_speed [ROWS]` (default 100,000). Prints time, rows/s and file size per format,
//! and the relation analyses over the same rows.

#[path = "../tests/it/common.rs"]
mod common;

use std::time::Instant;

use aras_export::{export, read_events_parquet, ExportOptions, Format};
use aras_relations::{balance, dyads, timeline, BalanceOptions, Bucket, DyadOptions};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let rows = common::rows(n, 42);
    let dir = tempfile::tempdir().expect("temporary directory");
    println!("{n} synthetic rows");
    for format in [
        Format::Csv,
        Format::Jsonl,
        Format::Parquet,
        Format::Gexf,
        Format::Graphml,
    ] {
        let path = dir.path().join(format!("events.{}", format.extension()));
        let file = std::fs::File::create(&path).expect("create");
        let start = Instant::now();
        export(&rows, format, &ExportOptions::default(), file).expect("export");
        let seconds = start.elapsed().as_secs_f64();
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!(
            "{:>8}: {:>7.3} s  {:>10.0} rows/s  {:>8.2} MB",
            format.extension(),
            seconds,
            n as f64 / seconds,
            size as f64 / 1e6
        );
    }
    let path = dir.path().join("events.parquet");
    let start = Instant::now();
    let back = read_events_parquet(std::fs::File::open(&path).expect("open")).expect("read");
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(back.len(), n);
    println!(
        "parquet read back: {seconds:.3} s  {:.0} rows/s",
        n as f64 / seconds
    );

    let start = Instant::now();
    let list = dyads(&rows, &DyadOptions::default());
    println!(
        "dyads: {} in {:.3} s",
        list.len(),
        start.elapsed().as_secs_f64()
    );
    let start = Instant::now();
    let points = timeline(&rows, "AZE", "ISR", Bucket::Day);
    println!(
        "timeline AZE-ISR by day: {} points in {:.3} s",
        points.len(),
        start.elapsed().as_secs_f64()
    );
    let start = Instant::now();
    let report = balance(&rows, &BalanceOptions::default());
    println!(
        "balance: {} triangles, {} hedging scores in {:.3} s",
        report.triads.len(),
        report.hedging.len(),
        start.elapsed().as_secs_f64()
    );
}
