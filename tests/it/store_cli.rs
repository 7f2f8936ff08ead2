//! `aras ingest` and the query commands as a person runs them, including a kill -9 in the
//! middle of an ingest (SQLite always; PostgreSQL too when ARAS_TEST_PG is set).

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use aras_store::{EventFilter, Store, Unit};
use unicode_width::UnicodeWidthStr;

fn aras(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aras"))
        .args(args)
        .env_remove("ARAS_DB")
        .env("COLUMNS", "100")
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

/// `n` short articles (the example article, each a distinct dispatch) as JSON Lines.
fn corpus(dir: &Path, n: usize) -> String {
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/baku-ceasefire.txt"),
    )
    .unwrap();
    let body = example.rsplit("---\n").next().unwrap().trim();
    let mut lines = String::new();
    for i in 0..n {
        let rec = serde_json::json!({
            "id": format!("dispatch-{i}"),
            "title": format!("Dispatch {i}"),
            "date": format!("2025-07-{:02}", 1 + i % 28),
            "source": if i % 2 == 0 { "AFP" } else { "Xinhua" },
            "text": format!("{body}\nDispatch {i}."),
        });
        lines.push_str(&format!("{rec}\n"));
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, lines).unwrap();
    path.to_str().unwrap().to_string()
}

/// Which cluster each report is in, as a partition of (document, event) pairs: the same
/// whichever ids the database handed out.
fn partition(store: &mut Store) -> Vec<Vec<(String, String)>> {
    let rows = store
        .event_rows(&EventFilter::default(), Unit::Reports)
        .unwrap();
    let mut by_cluster: std::collections::BTreeMap<i64, Vec<(String, String)>> = Default::default();
    for r in rows {
        by_cluster
            .entry(r.cluster_id)
            .or_default()
            .push((r.doc_id, r.event_id));
    }
    let mut parts: Vec<_> = by_cluster
        .into_values()
        .map(|mut v| {
            v.sort();
            v
        })
        .collect();
    parts.sort();
    parts
}

/// Stores to run against: a SQLite file, and a fresh PostgreSQL database when
/// ARAS_TEST_PG is set (its role may create databases).
fn locations(dir: &Path, name: &str) -> Vec<String> {
    let mut out = vec![dir.join(format!("{name}.db")).to_str().unwrap().to_string()];
    match std::env::var("ARAS_TEST_PG") {
        Ok(url) if !url.is_empty() => {
            let db = format!("aras_test_{name}");
            let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            client
                .batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"))
                .unwrap();
            client
                .batch_execute(&format!("CREATE DATABASE {db}"))
                .unwrap();
            let base = url.rsplit_once('/').unwrap().0;
            out.push(format!("{base}/{db}"));
        }
        _ => eprintln!("skipped: ARAS_TEST_PG unset (PostgreSQL half of {name})"),
    }
    out
}

/// A killed PostgreSQL client's server process finishes the statement it had received
/// (a COMMIT sent just before the kill still commits) and only then notices the closed
/// connection. Until that process is gone, the store can still change under a reader:
/// wait for it (SQLite needs nothing: the killed process was the only writer).
fn wait_until_the_server_lets_go(location: &str) {
    if !location.starts_with("postgres") {
        return;
    }
    let mut client = postgres::Client::connect(location, postgres::NoTls).unwrap();
    let started = Instant::now();
    loop {
        let others: i64 = client
            .query_one(
                "SELECT COUNT(*) FROM pg_stat_activity \
                 WHERE datname = current_database() AND pid <> pg_backend_pid()",
                &[],
            )
            .unwrap()
            .get(0);
        if others == 0 {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{location}: the killed client's server process is still there after 60 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

const DOCS: usize = 120;
const BATCH: usize = 4;

#[test]
fn issue5_kill_mid_ingest_leaves_a_consistent_store_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), DOCS);
    let batch = BATCH.to_string();
    let clean_locations = locations(dir.path(), "clean");
    let killed_locations = locations(dir.path(), "killed");
    for (clean, killed) in clean_locations.iter().zip(&killed_locations) {
        ok(&aras(&[
            "ingest",
            "--quiet",
            "--db",
            clean,
            "--batch-size",
            &batch,
            &input,
        ]));
        let mut clean_store = Store::open(clean).unwrap();
        let expected = clean_store.counts().unwrap();
        assert_eq!(expected.documents, DOCS as u64);

        let mut child = Command::new(env!("CARGO_BIN_EXE_aras"))
            .args([
                "ingest",
                "--quiet",
                "--db",
                killed,
                "--batch-size",
                &batch,
                &input,
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill it (SIGKILL) once some batches are committed and before the last.
        let started = Instant::now();
        let stored_before_kill = loop {
            std::thread::sleep(Duration::from_millis(20));
            let n = Store::open(killed)
                .and_then(|mut s| s.counts())
                .map_or(0, |c| c.documents);
            if n >= 2 * BATCH as u64 || started.elapsed() > Duration::from_secs(120) {
                break n;
            }
        };
        child.kill().unwrap();
        child.wait().unwrap();
        wait_until_the_server_lets_go(killed);
        let mut store = Store::open(killed).unwrap();
        let after_kill = store.counts().unwrap();
        assert!(
            after_kill.documents >= stored_before_kill && after_kill.documents < DOCS as u64,
            "killed mid-ingest: {after_kill:?}"
        );
        assert_eq!(after_kill.documents % BATCH as u64, 0, "whole batches only");
        assert_eq!(store.check_consistency().unwrap(), Vec::<String>::new());
        drop(store);

        let summary = json_summary(&aras(&[
            "ingest",
            "--json",
            "--db",
            killed,
            "--batch-size",
            &batch,
            &input,
        ]));
        assert_eq!(
            summary["skipped"], after_kill.documents,
            "{killed}: the rerun found other documents stored than the check after the kill"
        );
        assert_eq!(summary["stored"], DOCS as u64 - after_kill.documents);
        let mut store = Store::open(killed).unwrap();
        assert_eq!(store.counts().unwrap(), expected, "{killed}");
        assert_eq!(store.check_consistency().unwrap(), Vec::<String>::new());
        assert_eq!(partition(&mut store), partition(&mut clean_store));
    }
}

#[test]
fn issue5_ingest_twice_then_query() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 6);
    for db in locations(dir.path(), "twice") {
        let first = json_summary(&aras(&["ingest", "--json", "--db", &db, &input]));
        assert_eq!(first["command"], "ingest");
        assert_eq!(first["stored"], 6);
        let second = aras(&["ingest", "--db", &db, &input]);
        ok(&second);
        let stderr = String::from_utf8_lossy(&second.stderr);
        assert!(stderr.contains("skipped 6 already stored"), "{stderr}");
        assert_eq!(
            Store::open(&db).unwrap().counts().unwrap(),
            serde_json::from_value(first["store"].clone()).unwrap()
        );

        // Every format, and a filter, from the command line.
        let jsonl = ok(&aras(&[
            "events",
            "--db",
            &db,
            "--format",
            "jsonl",
            "--reports",
            "--modality",
            "all",
        ]));
        let rows: Vec<serde_json::Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|r| r["cameo"].as_str().unwrap().len() >= 3));
        let csv = ok(&aras(&[
            "events", "--db", &db, "--format", "csv", "--dyad", "AZE", "ARM",
        ]));
        assert!(csv.starts_with("cluster_id,n_reports,n_documents,n_sources,"));
        let table = ok(&aras(&[
            "events", "--db", &db, "--format", "table", "--source", "afp",
        ]));
        assert!(table.starts_with("DATE"));
        assert!(table.lines().all(|l| l.width() <= 100), "{table}");
        let search = ok(&aras(&[
            "search", "--db", &db, "--format", "jsonl", "border", "talks",
        ]));
        assert_eq!(search.lines().count(), 6);
        assert!(search.contains("[border] [talks]"), "{search}");
        let actors = ok(&aras(&["actors", "--db", &db, "--country", "ARM"]));
        assert!(actors.contains("ARM"), "{actors}");
        ok(&aras(&["quotes", "--db", &db, "--format", "csv"]));
    }
}

#[test]
fn issue5_seed_and_wikinews_twice_give_21_documents() {
    let corpus = aras_testkit::require_shared!("corpus");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let seed = corpus.join("seed");
    let wikinews = corpus.join("wikinews");
    let args = [
        "ingest",
        "--json",
        "--db",
        db,
        seed.to_str().unwrap(),
        wikinews.to_str().unwrap(),
    ];
    let first = json_summary(&aras(&args));
    let second = json_summary(&aras(&args));
    assert_eq!(first["store"]["documents"], 21);
    assert_eq!(second["stored"], 0);
    assert_eq!(first["store"], second["store"]);
    assert!(first["store"]["events"].as_u64().unwrap() > 0);
}

#[test]
fn a_missing_input_fails_that_input_only() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 2);
    let db = dir.path().join("t.db");
    let missing = dir.path().join("missing.txt");
    let out = aras(&[
        "ingest",
        "--quiet",
        "--db",
        db.to_str().unwrap(),
        missing.to_str().unwrap(),
        &input,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
    assert_eq!(
        Store::open(db.to_str().unwrap())
            .unwrap()
            .counts()
            .unwrap()
            .documents,
        2
    );
}

#[test]
fn querying_a_store_that_does_not_exist_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo.db");
    let out = aras(&["events", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store at"));
    assert!(!db.exists(), "no empty store is created");
}
