//! Writes `dict/people-phoenix.tsv`: the people with dated offices of the
//! Phoenix actor dictionaries (MIT, Open Event Data Alliance), converted by
//! `aras_import::generate_people_phoenix` (rules: `crates/import/src/people.rs`).
//!
//! `cargo run --release -p aras-import --example phoenix_people > dict/people-phoenix.tsv`
//!
//! Reads `$ARAS_SHARED/data/eventdata/` (default `../shared/data/eventdata/`
//! beside the repository) and the repository's `dict/`; prints the figures
//! on stderr (`--verbose`: also the reader's rejected lines).

use std::io::Write;
use std::path::PathBuf;

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let shared = aras_testkit::shared_location();
    let dict = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../dict"));
    let report = match aras_import::generate_people_phoenix(&shared.join("data/eventdata"), &dict) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("phoenix_people: {e}");
            std::process::exit(1);
        }
    };
    eprintln!(
        "{} person records read; {} people written ({} lines, {} forms); {} clipped by people.tsv; \
         {} open offices ended on {}",
        report.records,
        report.people,
        report.lines,
        report.forms,
        report.clipped_by_ours,
        report.capped,
        report.latest.map(|d| d.to_string()).unwrap_or_default()
    );
    for (why, n) in &report.dropped {
        eprintln!("  {n:6} × {why}");
    }
    eprintln!("  {} lines rejected by the reader", report.rejected.len());
    if verbose {
        for (file, r) in &report.rejected {
            eprintln!("  {file}:{}: {} ({})", r.line, r.reason, r.text);
        }
    }
    std::io::stdout()
        .write_all(report.output.as_bytes())
        .expect("stdout");
}
