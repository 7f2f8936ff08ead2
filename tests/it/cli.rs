//! The `aras` binary as scripts use it: output formats, exit codes, and bad inputs that
//! must not stop a batch.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn aras(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_aras"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("aras runs")
}

fn aras_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aras"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("aras runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect()
}

#[test]
fn analyze_writes_a_document_record_per_document() {
    let out = aras(&[
        "analyze",
        "--quiet",
        "examples/baku-ceasefire.txt",
        "examples/feeds.jsonl",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    let docs: Vec<_> = recs.iter().filter(|r| r["type"] == "document").collect();
    assert_eq!(docs.len(), 3);
    let d = docs[0];
    assert_eq!(d["doc_id"], "example-baku-ceasefire");
    assert_eq!(d["date"], "2025-07-02");
    assert_eq!(d["sha256"].as_str().unwrap().len(), 64);
    assert!(d["sentences"].as_u64().unwrap() >= 9, "{d}");
    assert_eq!(docs[1]["doc_id"], "example-oil-1");
}

#[test]
fn a_missing_input_is_named_the_rest_is_processed_and_the_exit_code_is_1() {
    let out = aras(&[
        "analyze",
        "--quiet",
        "no/such/file.txt",
        "examples/baku-ceasefire.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/file.txt"), "{err}");
    let docs = records(&out)
        .iter()
        .filter(|r| r["type"] == "document")
        .count();
    assert_eq!(docs, 1);
}

#[test]
fn a_broken_json_line_is_reported_with_its_line_and_the_batch_goes_on() {
    let input = "{\"id\":\"a\",\"text\":\"Iran protested.\"}\n{broken\n{\"id\":\"b\",\"text\":\"Turkey agreed.\"}\n";
    let out = aras_stdin(&["analyze", "--quiet", "-"], input);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("-:2:"), "{err}");
    let ids: Vec<_> = records(&out)
        .iter()
        .filter(|r| r["type"] == "document")
        .map(|r| r["doc_id"].clone())
        .collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn json_error_reporting_is_machine_readable() {
    let out = aras(&["analyze", "--json", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let kinds: Vec<String> = err
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| v["type"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(kinds.contains(&"error".to_string()), "{err}");
    assert!(kinds.contains(&"summary".to_string()), "{err}");
}

#[test]
fn usage_errors_exit_2_and_a_bad_model_exits_3() {
    assert_eq!(aras(&["analyze"]).status.code(), Some(2));
    assert_eq!(aras(&["no-such-command"]).status.code(), Some(2));
    let out = aras(&[
        "analyze",
        "--model",
        "Cargo.toml",
        "examples/baku-ceasefire.txt",
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Cargo.toml"));
}

#[test]
fn parse_gives_conllu_whose_token_ranges_point_into_the_body() {
    let out = aras(&["parse", "--quiet", "examples/baku-ceasefire.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let file = std::fs::read_to_string("examples/baku-ceasefire.txt").unwrap();
    let body = &file[file.find("\n---\n").unwrap() + 5..];
    let mut rows = 0;
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 10, "{line}");
        let range = cols[9]
            .split('|')
            .find_map(|m| m.strip_prefix("TokenRange="))
            .expect("TokenRange in MISC");
        let (s, e) = range.split_once(':').unwrap();
        let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
        assert_eq!(&body[s..e], cols[1]);
        let head: usize = cols[6].parse().unwrap();
        assert!(!cols[3].is_empty() && cols[3] != "_");
        assert!(!cols[7].is_empty() && cols[7] != "_");
        let _ = head;
        rows += 1;
    }
    assert!(rows > 150, "{rows} rows");
    assert!(text.contains("# text = Foreign Minister Ceyhun Bayramov spoke by phone"));
}

#[test]
fn parse_conllu_keeps_the_tokens_and_passes_multiword_lines_through() {
    let out = aras(&[
        "parse",
        "--conllu",
        "--quiet",
        "tests/fixtures/two-sentences.conllu",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "# sent_id = fx-1");
    assert!(lines.contains(&"2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_"));
    let words: Vec<Vec<&str>> = lines
        .iter()
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.contains("-3\t"))
        .map(|l| l.split('\t').collect())
        .collect();
    let forms: Vec<&str> = words.iter().map(|w| w[1]).collect();
    assert_eq!(
        forms,
        ["They", "wo", "n't", "stop", "the", "talks", ".", "Baku", "said", "nothing", "."]
    );
    // Every word gets a head inside its sentence, and each sentence has one root.
    let roots = words.iter().filter(|w| w[6] == "0").count();
    assert_eq!(roots, 2);
    assert_eq!(words[3][3], "VERB");
    assert_eq!(words[5][9], "SpaceAfter=No", "MISC passes through");
}
