//! `aras dict`: bring dictionaries from other coders into aras's own format.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use aras_import::{DictKind, Format};

use crate::ExitCode;

/// Work with actor, agent and verb dictionaries.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

#[derive(clap::Subcommand, Debug)]
pub enum What {
    /// Convert TABARI or PETRARCH actor/agent dictionaries into aras's TSV format
    /// (dict/README.md) on stdout, and report on stderr how many entries loaded and which
    /// lines were rejected, with reasons. Verb dictionaries are read and reported (the
    /// event coder loads them directly).
    ///
    /// Example: aras dict import --format petrarch ../shared/data/eventdata/petrarch2/Phoenix.agents.txt > agents.tsv
    Import {
        /// Dictionary files.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Source format: petrarch or tabari (default: guessed from each file name).
        #[arg(long, value_parser = parse_format)]
        format: Option<Format>,
        /// Write the converted entries here instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Also list every rejected line.
        #[arg(long)]
        verbose: bool,
    },
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(s).ok_or_else(|| format!("unknown format {s:?}: use petrarch or tabari"))
}

pub fn run(args: Args) -> Result<ExitCode> {
    let What::Import {
        files,
        format,
        out,
        verbose,
    } = args.what;
    let mut converted = String::new();
    let mut failed = false;
    for path in &files {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("aras: {name}: {e}");
                failed = true;
                continue;
            }
        };
        // Old dictionaries are often Latin-1: keep going with replacement characters,
        // which then show up in the rejected lines rather than aborting the file.
        let text = String::from_utf8_lossy(&bytes);
        let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or(&name);
        let fmt = format.unwrap_or_else(|| Format::detect(file_name));
        let kind = DictKind::detect(file_name, &text);
        if kind == DictKind::Verbs {
            let dict = aras_import::read_verb_dictionary(&text, fmt);
            eprintln!(
                "{name}: {} verbs ({} patterns) from {} lines; {} rejected",
                dict.verbs.len(),
                dict.verbs.iter().map(|v| v.patterns.len()).sum::<usize>(),
                dict.lines_read,
                dict.rejected.len()
            );
            if verbose {
                for r in &dict.rejected {
                    eprintln!("  line {}: {} ({})", r.line, r.reason, r.text);
                }
            }
            continue;
        }
        let report = aras_import::import(&text, fmt, kind);
        eprintln!(
            "{name}: {} entries from {} lines ({} loaded, {} ignored, {} rejected)",
            report.entries,
            report.lines_read,
            report.lines_loaded,
            report.lines_ignored,
            report.rejected.len()
        );
        for (reason, n) in report.reasons().iter().take(5) {
            eprintln!("  {n:6} × {reason}");
        }
        if verbose {
            for r in &report.rejected {
                eprintln!("  line {}: {} ({})", r.line, r.reason, r.text);
            }
        }
        converted.push_str(&format!("# imported from {file_name} ({})\n", fmt.name()));
        converted.push_str(&report.output);
    }
    match out {
        Some(p) => std::fs::write(&p, &converted)
            .with_context(|| format!("cannot write {}", p.display()))?,
        None => {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(converted.as_bytes()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(e).context("cannot write output");
                }
            }
        }
    }
    Ok(if failed {
        ExitCode::SomeInputsFailed
    } else {
        ExitCode::Ok
    })
}
