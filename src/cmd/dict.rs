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
    /// (dict/README.md), and verb dictionaries into lines of aras's verb pattern language
    /// (lexicon/README.md), on stdout; report on stderr how many entries loaded and which
    /// lines were rejected, and for verbs how many patterns were converted and why the
    /// others were skipped.
    ///
    /// Example: aras dict import --format petrarch ../shared/data/eventdata/petrarch2/Phoenix.agents.txt > agents.tsv
    ///
    /// The CAMEO verb patterns of the lexicon's second tier:
    /// aras dict import --format petrarch ../shared/data/eventdata/petrarch2/CAMEO.2.0.txt --out lexicon/cameo-verbs.tsv
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
        /// Also list every rejected line (and for verbs every skipped pattern and verb,
        /// and the notes of converted patterns).
        #[arg(long)]
        verbose: bool,
    },
}

/// The load/reject report of a verb dictionary and of its conversion, on stderr.
fn report_verbs(
    name: &str,
    dict: &aras_import::VerbDictionary,
    conv: &aras_import::Conversion,
    verbose: bool,
) {
    eprintln!(
        "{name}: {} verbs ({} synonyms, {} patterns) from {} lines ({} loaded, {} ignored, {} rejected)",
        dict.verbs.len(),
        dict.verbs.iter().map(|v| v.synonyms.len()).sum::<usize>(),
        dict.verbs.iter().map(|v| v.patterns.len()).sum::<usize>(),
        dict.lines_read,
        dict.lines_loaded,
        dict.lines_ignored,
        dict.rejected.len()
    );
    for r in &dict.rejected {
        eprintln!(
            "  line {}: rejected: {} ({})",
            r.line,
            r.reason,
            r.text.trim()
        );
    }
    eprintln!("{name}: {}", conv.summary());
    for (reason, n) in conv.skipped_by_reason() {
        eprintln!("  {n:6} skipped: {reason}");
    }
    for (kind, n) in conv.notes_by_kind() {
        eprintln!("  {n:6} converted with a note: {kind}");
    }
    let verbs_skipped = conv.verbs.iter().filter(|v| v.lemma.is_err()).count();
    let bare_skipped = conv.verbs.iter().filter(|v| v.bare.is_err()).count();
    eprintln!(
        "  {verbs_skipped} verbs skipped, {bare_skipped} verb codes without a bare pattern; codes kept under their parent: {}",
        conv.added_codes.iter().cloned().collect::<Vec<_>>().join(" ")
    );
    if verbose {
        for p in &conv.patterns {
            match &p.outcome {
                Ok(notes) if notes.is_empty() => {
                    eprintln!("  line {}: {} lines: {}", p.line, p.lines, p.text)
                }
                Ok(notes) => eprintln!(
                    "  line {}: {} lines: {} ({})",
                    p.line,
                    p.lines,
                    p.text,
                    notes.join("; ")
                ),
                Err(s) => eprintln!("  line {}: skipped: {} ({s})", p.line, p.text),
            }
        }
        for v in &conv.verbs {
            if let Err(s) = &v.lemma {
                eprintln!("  line {}: verb {} skipped ({s})", v.line, v.verb);
            }
            if let Err(s) = &v.bare {
                eprintln!("  line {}: verb {}: no bare pattern ({s})", v.line, v.verb);
            }
        }
        for (line, lemma, pattern, code, kept) in &conv.shadowed {
            eprintln!("  line {line}: {lemma} {pattern} {code} shadowed by {kept}");
        }
    }
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
            let out_name = out
                .as_ref()
                .and_then(|p| p.file_name())
                .and_then(|n| n.to_str());
            let (dict, conv, tsv) = aras_import::convert_verb_file(&text, fmt, file_name, out_name);
            report_verbs(&name, &dict, &conv, verbose);
            converted.push_str(&tsv);
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
