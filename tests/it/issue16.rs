//! Issue 16, hostile input and the rough edges users hit first: each test is one hang or
//! loss that happened, run through the binary as a user runs it.

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn aras(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aras"))
        .args(args)
        .env_remove("ARAS_DB")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("aras runs")
}

/// Runs aras, killing it if it takes longer than `limit` (a hang fails the test, it does
/// not hang the test run).
fn aras_within(args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aras"))
        .args(args)
        .env_remove("ARAS_DB")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("aras starts");
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        out.read_to_end(&mut v).ok();
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        err.read_to_end(&mut v).ok();
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            panic!("aras {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output {
        status,
        stdout: reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
    }
}

fn text(v: &[u8]) -> String {
    String::from_utf8_lossy(v).into_owned()
}

fn store_with_example(dir: &Path) -> String {
    let db = dir.join("aras.db").to_string_lossy().into_owned();
    let out = aras(&[
        "ingest",
        "--quiet",
        "--db",
        &db,
        "examples/baku-ceasefire.txt",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    db
}

#[test]
fn issue16_a_fifo_in_a_directory_is_named_and_skipped_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Armenia and Azerbaijan agreed to talk.",
    )
    .unwrap();
    let fifo = dir.path().join("f.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let d = dir.path().to_string_lossy().into_owned();
    let out = aras_within(&["analyze", "-q", &d], Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("f.txt: not a regular file (a FIFO), skipped"));
    assert!(text(&out.stdout).contains("\"doc_id\":\"a\""));
}

#[test]
fn issue16_a_document_over_its_time_budget_gets_an_error_line_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let words = [
        "the",
        "army",
        "said",
        "Baku",
        "talks",
        "Iran",
        "officials",
        "met",
    ];
    let mut slow = String::new();
    for i in 0..400_000 {
        slow.push_str(words[i % words.len()]);
        slow.push(' ');
    }
    std::fs::write(
        dir.path().join("1-good.txt"),
        "Armenia said talks went well.",
    )
    .unwrap();
    std::fs::write(dir.path().join("2-slow.txt"), slow).unwrap();
    std::fs::write(dir.path().join("3-good.txt"), "Iran said talks went badly.").unwrap();
    let d = dir.path().to_string_lossy().into_owned();
    let out = aras_within(
        &["analyze", "-q", "--doc-timeout", "1", &d],
        Duration::from_secs(120),
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("2-slow.txt: document 2-slow: gave up after 1.0 s"),
        "{stderr}"
    );
    let stdout = text(&out.stdout);
    let first = stdout
        .find("\"doc_id\":\"1-good\"")
        .expect("first good document");
    let last = stdout
        .find("\"doc_id\":\"3-good\"")
        .expect("last good document");
    assert!(first < last, "input order");
    assert!(!stdout.contains("2-slow"));
}

#[test]
fn issue16_export_refuses_devices_fifos_and_symlinks_and_dash_is_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_with_example(dir.path());
    let export = |out: &str| aras(&["export", "--db", &db, "--format", "csv", "--out", out]);
    let o = export("/dev/null");
    assert_ne!(o.status.code(), Some(0));
    assert!(
        text(&o.stderr).contains("not a regular file"),
        "{}",
        text(&o.stderr)
    );
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let o = export(&link.to_string_lossy());
    assert!(
        text(&o.stderr).contains("symbolic link"),
        "{}",
        text(&o.stderr)
    );
    let fifo = dir.path().join("fifo.csv");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let o = export(&fifo.to_string_lossy());
    assert!(
        text(&o.stderr).contains("not a regular file"),
        "{}",
        text(&o.stderr)
    );
    // `-` is stdout; no file named `-` appears.
    let o = export("-");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).starts_with("cluster_id,") || text(&o.stdout).contains(','));
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join("-").exists());
    // A regular file gets the permissions of any new file (the umask's), not 0600.
    let csv = dir.path().join("events.csv");
    let o = export(&csv.to_string_lossy());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let probe = dir.path().join("probe");
    std::fs::File::create(&probe).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&csv), mode(&probe));
}

#[test]
fn issue16_a_read_never_alters_a_foreign_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine');")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let p = path.to_string_lossy().into_owned();
    for cmd in ["events", "actors", "search"] {
        let mut args = vec![cmd, "--db", &p];
        if cmd == "search" {
            args.push("ceasefire");
        }
        let o = aras(&args);
        assert_ne!(o.status.code(), Some(0), "{cmd}");
        assert!(
            text(&o.stderr).contains("not an aras store"),
            "{}",
            text(&o.stderr)
        );
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is unchanged"
    );
    assert!(
        !dir.path().join("other.db-wal").exists(),
        "no switch to WAL"
    );
}

#[test]
fn issue16_a_store_with_a_newer_schema_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_with_example(dir.path());
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute(
            "INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')",
            [],
        )
        .unwrap();
    }
    let o = aras(&["events", "--db", &db]);
    assert_ne!(o.status.code(), Some(0));
    assert!(
        text(&o.stderr).contains("schema version 99"),
        "{}",
        text(&o.stderr)
    );
    let o = aras(&["ingest", "--quiet", "--db", &db, "examples/feeds.jsonl"]);
    assert_ne!(o.status.code(), Some(0));
    assert!(
        text(&o.stderr).contains("schema version 99"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn issue16_search_queries_are_deduplicated_and_capped() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_with_example(dir.path());
    let said = vec!["said"; 2000];
    let mut args = vec!["search", "--db", &db, "--format", "jsonl"];
    args.extend(said.iter().copied());
    let start = Instant::now();
    let o = aras(&args);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(start.elapsed() < Duration::from_secs(20));
    let many: Vec<String> = (0..40).map(|i| format!("word{i}")).collect();
    let mut args = vec!["search", "--db", &db];
    args.extend(many.iter().map(String::as_str));
    let o = aras(&args);
    assert_ne!(o.status.code(), Some(0));
    assert!(
        text(&o.stderr).contains("40 different words"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn issue16_jobs_are_capped_at_the_cores() {
    let start = Instant::now();
    let o = aras(&[
        "analyze",
        "-q",
        "-j",
        "10000",
        "examples/baku-ceasefire.txt",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(start.elapsed() < Duration::from_secs(30));
}

/// Item 6: an RFC 2822 front-matter date is read as the day it names, so "yesterday" is
/// resolved; an impossible date is a warning naming the file and line, the document is
/// still analysed without a date, and the run does not count it as a failed input.
#[test]
fn issue16_dates_are_read_by_jiff_and_impossible_ones_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let rfc = dir.path().join("rfc.txt");
    std::fs::write(
        &rfc,
        "---\ndate: Tue, 17 Jun 2025 09:30:00 +0200\n---\nArmenia said yesterday that talks went well.\n",
    )
    .unwrap();
    let jsonl = dir.path().join("bad.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\":\"d1\",\"date\":\"not a date\",\"text\":\"Armenia said so.\"}\n\
         {\"id\":\"d2\",\"date\":\"2025-02-31\",\"text\":\"Armenia said so.\"}\n",
    )
    .unwrap();
    let (rfc, jsonl) = (rfc.to_string_lossy(), jsonl.to_string_lossy());
    let out = aras(&["analyze", "-q", &rfc, &jsonl]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let records: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let document = |id: &str| {
        records
            .iter()
            .find(|r| r["type"] == "document" && r["doc_id"] == id)
            .unwrap_or_else(|| panic!("document {id}"))
            .clone()
    };
    assert_eq!(document("rfc")["date"], "2025-06-17");
    assert!(
        records
            .iter()
            .any(|r| r["type"] == "time" && r["text"] == "yesterday" && r["value"] == "2025-06-16"),
        "yesterday resolved against the front matter's RFC 2822 date"
    );
    for (id, line, raw) in [("d1", 1, "not a date"), ("d2", 2, "2025-02-31")] {
        assert!(document(id)["date"].is_null(), "{id}");
        let want = format!("{jsonl}:{line}: warning: date \"{raw}\" is not a date");
        assert!(stderr.contains(&want), "{want}\n{stderr}");
    }
}

/// Decimal numbers of at least `digits` decimals in `s`: the binary noise of an f32
/// widened to f64 (`0.90000004`, `27.200000286102295`).
fn long_decimals(s: &str, digits: usize) -> Vec<String> {
    let b = s.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'.' && i > 0 && b[i - 1].is_ascii_digit() {
            let end = (i + 1..b.len())
                .find(|&j| !b[j].is_ascii_digit())
                .unwrap_or(b.len());
            if end - i > digits {
                found.push(s[i.saturating_sub(4)..end].to_string());
            }
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// Item 6: numbers come out with the precision they have: `confidence` with two
/// decimals (not 0.90000004), Goldstein sums with one (not 27.200000286102295), means
/// and shares with at most six, in analyze, export (csv, jsonl), relations and timeline.
#[test]
fn issue16_numbers_are_rounded_to_the_precision_they_have() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_with_example(dir.path());
    let outputs = [
        aras(&["analyze", "-q", "examples/"]),
        aras(&["export", "--db", &db, "--format", "csv", "--out", "-"]),
        aras(&["export", "--db", &db, "--format", "jsonl", "--out", "-"]),
        aras(&["export", "--db", &db, "--format", "gexf", "--out", "-"]),
        aras(&["relations", "--db", &db, "--format", "jsonl"]),
        aras(&["timeline", "--db", &db, "AZE", "ARM", "--format", "jsonl"]),
    ];
    for out in &outputs {
        let stdout = text(&out.stdout);
        assert!(!stdout.is_empty(), "{}", text(&out.stderr));
        assert_eq!(long_decimals(&stdout, 7), Vec::<String>::new());
    }
    let analyzed = text(&outputs[0].stdout);
    let confidences: Vec<f64> = analyzed
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|r| r["type"] == "event")
        .map(|r| r["confidence"].as_f64().unwrap())
        .collect();
    assert!(!confidences.is_empty());
    for c in confidences {
        assert_eq!((c * 100.0).round() / 100.0, c, "{c}");
    }
}

/// Item 6: a pipe gets whole records by default (JSON Lines, as ripgrep switches its
/// output off a terminal), not a table cut at 120 columns; `--format table` still works;
/// `aras export --format csv --out - | head` ends quietly when the reader stops.
#[test]
fn issue16_a_pipe_gets_whole_records_and_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_with_example(dir.path());
    let out = aras(&["events", "--db", &db]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(!stdout.is_empty());
    for line in stdout.lines() {
        let record: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        assert!(
            !record["evidence"].as_str().unwrap().contains('…'),
            "{line}"
        );
    }
    let table = text(&aras(&["events", "--db", &db, "--format", "table"]).stdout);
    assert!(table.starts_with("DATE"), "{table}");

    for format in ["csv", "jsonl", "gexf"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_aras"))
            .args(["export", "--db", &db, "--format", format, "--out", "-"])
            .env_remove("ARAS_DB")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader is gone before aras writes (`| head` that has had enough; a small
        // export would otherwise fit in the pipe's buffer and never notice).
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert_eq!(stderr, "", "{format}: quietly, not 'wrote ... to stdout'");
    }
}

/// Item 6: `--json` means one thing: results on stdout (analyze's records; nothing for
/// ingest), and on stderr typed objects with each field its own key, never a file and a
/// line inside a message string.
#[test]
fn issue16_json_means_typed_objects_on_stderr_and_results_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"id\":\"ok\",\"text\":\"Armenia said talks went well.\"}\n{broken\n\
         {\"id\":\"d\",\"date\":\"2025-02-31\",\"text\":\"Armenia said so.\"}\n",
    )
    .unwrap();
    let bad = bad.to_string_lossy().into_owned();
    let db = dir.path().join("a.db").to_string_lossy().into_owned();
    let objects = |stderr: &[u8]| -> Vec<serde_json::Value> {
        text(stderr)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|_| panic!("not JSON: {l}")))
            .collect()
    };
    for command in ["analyze", "ingest"] {
        let mut args = vec![command, "--json", &bad];
        if command == "ingest" {
            args.extend(["--db", &db]);
        }
        let out = aras(&args);
        assert_eq!(out.status.code(), Some(1), "{command}");
        let stdout = text(&out.stdout);
        if command == "analyze" {
            assert!(stdout.lines().all(|l| l.contains("\"doc_id\"")), "{stdout}");
            assert!(stdout.contains("\"doc_id\":\"ok\""));
        } else {
            assert_eq!(stdout, "", "ingest has no results on stdout");
        }
        let reports = objects(&out.stderr);
        let error = reports.iter().find(|r| r["type"] == "error").unwrap();
        assert_eq!(error["file"], bad.as_str());
        assert_eq!(error["line"], 2);
        assert!(error["message"]
            .as_str()
            .unwrap()
            .starts_with("invalid JSON"));
        let warning = reports.iter().find(|r| r["type"] == "warning").unwrap();
        assert_eq!(warning["line"], 3);
        assert!(!warning["message"].as_str().unwrap().contains(&bad));
        let summary = reports.last().unwrap();
        assert_eq!(summary["type"], "summary");
        assert_eq!(summary["command"], command);
        assert_eq!(
            summary["failed"], 1,
            "{command}: the warning is not a failure"
        );
    }
    let out = aras(&[
        "export",
        "--json",
        "--db",
        "no/such.db",
        "--format",
        "csv",
        "--out",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(3));
    let reports = objects(&out.stderr);
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["type"], "error");
    assert!(reports[0]["message"]
        .as_str()
        .unwrap()
        .contains("no store at"));
}

/// Item 6: help that tells the truth. Only `ingest` creates a missing store, so only its
/// `--db` help says so; `timeline A B --dyad C D` is a usage error, not an empty answer.
#[test]
fn issue16_help_is_honest_and_timeline_refuses_a_second_dyad() {
    let commands = [
        ("ingest", true),
        ("events", false),
        ("actors", false),
        ("quotes", false),
        ("search", false),
        ("relations", false),
        ("timeline", false),
        ("balance", false),
        ("export", false),
        ("serve", false),
    ];
    for (command, creates) in commands {
        let out = aras(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{command}");
        let help = text(&out.stdout);
        assert_eq!(
            help.contains("created if missing"),
            creates,
            "{command}:\n{help}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let db = store_with_example(dir.path());
    let out = aras(&[
        "timeline", "--db", &db, "AZE", "ISR", "--dyad", "ARM", "AZE",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("cannot be used with"),
        "{}",
        text(&out.stderr)
    );
}

/// Item 6: a killed export's hidden temp file (`.aras-export-<pid>-…`) is removed by the
/// next export into that folder once its process is gone; a running export's file, an
/// old-style name that is recent, and other files are left alone.
#[test]
fn issue16_a_killed_exports_temp_file_is_cleaned_up_by_the_next_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_with_example(dir.path());
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let live = format!(".aras-export-{}-live", std::process::id());
    // (file name, age in hours, kept)
    let cases = [
        (".aras-export-999999999-Abc123", 0, false), // no such process: a killed export
        (".aras-export-oldname", 48, false),         // no pid, untouched for two days
        (".aras-export-newname", 0, true),           // no pid, recent: may be running
        (live.as_str(), 0, true),                    // a running process's file
        (".hidden-other", 48, true),                 // not ours
    ];
    for (name, hours, _) in cases {
        let file = std::fs::File::create(out_dir.join(name)).unwrap();
        let then = std::time::SystemTime::now() - Duration::from_secs(hours * 3600);
        file.set_modified(then).unwrap();
    }
    let target = out_dir.join("events.csv");
    let out = aras(&[
        "export",
        "--db",
        &db,
        "--format",
        "csv",
        "--out",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(target.exists());
    for (name, _, kept) in cases {
        assert_eq!(out_dir.join(name).exists(), kept, "{name}");
    }
    let left: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".aras-export-") && !cases.iter().any(|c| c.0 == n))
        .collect();
    assert_eq!(
        left,
        Vec::<String>::new(),
        "the export's own temp file is gone"
    );
}
