//! Runs the importer over the real TABARI/PETRARCH dictionaries in
//! `../shared/data/eventdata/` (or `$ARAS_SHARED/data/eventdata/`) and prints,
//! per file, entries loaded, lines rejected and the top rejection reasons.
//!
//! `cargo run -p aras-import --example import_report [-- --samples N] [-- --out DIR]`
//! (`--out DIR` writes each converted actor/agent dictionary there, for
//! inspection; never into the repository.)

use std::path::PathBuf;

use aras_import::{import, DictKind, Format};

const FILES: &[&str] = &[
    "TABARI-Dictionaries/CAMEO.ECS.120522.actors",
    "TABARI-Dictionaries/CAMEO.RCS.120521.actors",
    "TABARI-Dictionaries/Internatnl.120521.actors",
    "TABARI-Dictionaries/Levant.080629.actors",
    "TABARI-Dictionaries/PSU.120522.agents",
    "TABARI-Dictionaries/CAMEO.080612.verbs",
    "petrarch2/Phoenix.Countries.actors.txt",
    "petrarch2/Phoenix.International.actors.txt",
    "petrarch2/Phoenix.MilNonState.actors.txt",
    "petrarch2/Phoenix.agents.txt",
    "petrarch2/PETR.Validate.actors.txt",
    "petrarch2/PETR.Validate.agents.txt",
    "petrarch2/PETR.Validate.verbs.txt",
    "petrarch2/CAMEO.verbpatterns.150430.txt",
    "UniversalPetrarch/PETR.Validate.actors.txt",
    "UniversalPetrarch/PETR.Validate.verbs.2.0.txt",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let samples: usize = args
        .iter()
        .position(|a| a == "--samples")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let out_dir = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let Some(base) = aras_testkit::shared_path("data/eventdata") else {
        eprintln!(
            "{}",
            aras_testkit::skip_reason(Some("data/eventdata".as_ref()))
        );
        return;
    };
    println!(
        "| file | format | kind | lines | entries | loaded lines | ignored | rejected | top rejection reasons |"
    );
    println!("|---|---|---|---:|---:|---:|---:|---:|---|");
    for rel in FILES {
        let path = base.join(rel);
        let Ok(bytes) = std::fs::read(&path) else {
            println!("| {rel} | missing |");
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let format = Format::detect(rel);
        let kind = DictKind::detect(rel, &text);
        let r = import(&text, format, kind);
        let reasons = r
            .reasons()
            .iter()
            .take(4)
            .map(|(k, n)| format!("{n}× {k}"))
            .collect::<Vec<_>>()
            .join("; ");
        println!(
            "| {rel} | {} | {kind:?} | {} | {} | {} | {} | {} | {reasons} |",
            format.name(),
            r.lines_read,
            r.entries,
            r.lines_loaded,
            r.lines_ignored,
            r.rejected.len()
        );
        for rej in r.rejected.iter().take(samples) {
            println!("    line {}: {:?} — {}", rej.line, rej.text, rej.reason);
        }
        if let Some(dir) = &out_dir {
            if kind != DictKind::Verbs {
                let name = rel.replace('/', "__") + ".tsv";
                let _ = std::fs::create_dir_all(dir);
                let _ = std::fs::write(dir.join(name), &r.output);
            }
        }
    }
}
