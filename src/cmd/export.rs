//! `aras export`: the store's events for pandas, R, DuckDB, Spark and Gephi.

use std::fs::File;
use std::io::BufWriter;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use aras_export::{export, ExportOptions, Format as ExportFormat};

use crate::cmd::relation_args::RowsArgs;
use crate::ExitCode;

/// Writes the events matching the filters to a file: csv, jsonl, parquet and feather
/// (Arrow IPC, for R) hold one row per event cluster (or per report with --reports),
/// every field, codes as strings with their leading zeros, dates as dates; gdelt and
/// icews the same rows in the 61 columns of a GDELT 2.0 event file and the 20 of ICEWS
/// coded event data (tab-separated; README "Exports" lists what stays empty); gexf and
/// graphml hold the relation graph (actors as nodes, dyads as weighted edges with time
/// intervals) for Gephi.
///
/// The file is written beside its destination (a hidden `.aras-export-<pid>-…` file; those
/// left by killed exports are removed) and renamed into place, so a failed
/// export never leaves half a file.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Output file: a new path or a regular file (replaced); never a device, FIFO or
    /// symbolic link. `-` writes csv, jsonl, gexf or graphml to stdout.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    #[command(flatten)]
    pub rows: RowsArgs,
    /// gdelt only: write a first line of GDELT's column names (GDELT's own event files
    /// have none; ICEWS files and csv always have one).
    #[arg(long)]
    pub header: bool,
    /// Report as JSON on stderr: what was written as one
    /// {"type":"summary","command":"export","out","format","rows","unit"} object, and a
    /// failure as {"type":"error","message"} (stdout holds only the export, with --out -).
    #[arg(long)]
    pub json: bool,
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatArg {
    Csv,
    Jsonl,
    Parquet,
    Feather,
    Gdelt,
    Icews,
    Gexf,
    Graphml,
}

impl From<FormatArg> for ExportFormat {
    fn from(f: FormatArg) -> ExportFormat {
        match f {
            FormatArg::Csv => ExportFormat::Csv,
            FormatArg::Jsonl => ExportFormat::Jsonl,
            FormatArg::Parquet => ExportFormat::Parquet,
            FormatArg::Feather => ExportFormat::Feather,
            FormatArg::Gdelt => ExportFormat::Gdelt,
            FormatArg::Icews => ExportFormat::Icews,
            FormatArg::Gexf => ExportFormat::Gexf,
            FormatArg::Graphml => ExportFormat::Graphml,
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let rows = args.rows.rows(&args.rows.filter)?;
    let format: ExportFormat = args.format.into();
    let options = ExportOptions {
        dyads: args.rows.dyad_options(),
        title: Some("aras relation graph".to_string()),
        header: args.header,
    };
    if args.header && format != ExportFormat::Gdelt {
        anyhow::bail!("--header is for --format gdelt (csv and icews always have a header)");
    }
    let to_stdout = args.out.as_os_str() == "-";
    if to_stdout {
        if matches!(format, ExportFormat::Parquet | ExportFormat::Feather) {
            anyhow::bail!(
                "--out -: {} is not a stream format; name a file",
                format.extension()
            );
        }
        let stdout = std::io::stdout();
        let written = export(&rows, format, &options, BufWriter::new(stdout));
        if let Err(e) = written {
            let broken_pipe = match &e {
                aras_export::ExportError::Io(io) => io.kind() == std::io::ErrorKind::BrokenPipe,
                other => other.to_string().contains("Broken pipe"),
            };
            if !broken_pipe {
                return Err(e).context("cannot write to stdout");
            }
            // The reader has had enough (`| head`): stop quietly, claiming nothing.
            return Ok(ExitCode::Ok);
        }
    } else {
        write_file(&args.out, |file| {
            export(&rows, format, &options, BufWriter::new(file))
                .with_context(|| format!("cannot write {}", args.out.display()))
        })?;
    }
    let shown = if to_stdout {
        "stdout".to_string()
    } else {
        args.out.display().to_string()
    };
    let what = if format.is_graph() { "a graph of " } else { "" };
    if args.json {
        let summary = serde_json::json!({"type": "summary", "command": "export", "out": shown, "format": format.extension(), "rows": rows.len(), "unit": if args.rows.reports {"reports"} else {"clusters"}});
        eprintln!("{summary}");
    } else if !args.quiet {
        eprintln!(
            "aras: wrote {}{} {} as {} to {}",
            what,
            rows.len(),
            if args.rows.reports {
                "reports"
            } else {
                "event clusters"
            },
            format.extension(),
            shown
        );
    }
    Ok(ExitCode::Ok)
}

/// Refuses a destination that exists and is not a regular file (a device, FIFO, socket,
/// directory or symbolic link: `--out /dev/null` once replaced the device node).
pub fn check_destination(out: &Path) -> Result<()> {
    match std::fs::symlink_metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot check {}", out.display())),
        Ok(m) if m.file_type().is_symlink() => anyhow::bail!(
            "{} is a symbolic link: --out replaces only regular files (or names a new one)",
            out.display()
        ),
        Ok(m) if !m.file_type().is_file() => anyhow::bail!(
            "{} is not a regular file: --out replaces only regular files (or names a new one)",
            out.display()
        ),
        Ok(_) => Ok(()),
    }
}

/// Writes beside `out` and renames into place, so a failed export never leaves half a
/// file. The file gets the permissions the umask gives a new file (it was once 0600).
fn write_file(out: &Path, fill: impl FnOnce(&File) -> Result<()>) -> Result<()> {
    check_destination(out)?;
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temp_files(&dir);
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    let tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(&dir)
        .with_context(|| format!("cannot create a file in {}", dir.display()))?;
    fill(tmp.as_file())?;
    tmp.as_file().sync_all().ok();
    // Checked again: the path may have changed while the export ran.
    check_destination(out)?;
    tmp.persist(out)
        .with_context(|| format!("cannot move the export to {}", out.display()))?;
    Ok(())
}

/// Temp files of an export are `.aras-export-<pid>-<random>`, beside the destination.
const TEMP_PREFIX: &str = ".aras-export-";

/// How old a temp file whose writer cannot be checked must be before it counts as left
/// behind.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Removes temp files that killed exports left in `dir` (issue 16: a killed export left a
/// hidden file for good): ours by name, and stale, i.e. their process is gone (checked in
/// /proc), or, where that cannot be checked, untouched for a day. A running export's file
/// is never removed. Failures are ignored: this is tidying, not the export.
fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let proc_fs = Path::new("/proc/self").exists();
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(TEMP_PREFIX)) else {
            continue;
        };
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.file_type().is_file() {
            continue;
        }
        let pid = rest
            .split_once('-')
            .and_then(|(pid, _)| pid.parse::<u32>().ok());
        let stale = match pid {
            Some(pid) if pid == own => false,
            Some(pid) if proc_fs => !Path::new("/proc").join(pid.to_string()).exists(),
            _ => meta
                .modified()
                .ok()
                .and_then(|m| m.elapsed().ok())
                .is_some_and(|age| age > STALE_AFTER),
        };
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
