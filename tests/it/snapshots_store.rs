//! What the store commands print, snapshot-tested (insta) over a store built from records
//! written by hand, so the snapshots change only when the output format does.

use std::process::Command;

use aras_store::{DocumentRecords, Store};
use serde_json::json;
use unicode_width::UnicodeWidthStr;

/// One document with one event: id, date, publication, body, modality, event date.
type Doc<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, &'a str);

/// Two wire reports of one strike (one cluster) and a threat, as `aras analyze` records.
fn store(dir: &std::path::Path) -> String {
    let docs = [
        (
            "afp-1",
            "2025-06-13",
            "AFP",
            "Israel struck Iranian nuclear sites on Friday, officials said.",
            "asserted",
            "2025-06-13",
        ),
        (
            "xin-1",
            "2025-06-14",
            "Xinhua",
            "Israeli jets bombed targets in Iran overnight.",
            "asserted",
            "2025-06-14",
        ),
        (
            "afp-2",
            "2025-06-15",
            "AFP",
            "Israel may strike Iran again, analysts warned.",
            "hypothetical",
            "2025-06-15",
        ),
    ];
    store_of(dir, &docs)
}

/// A store of `docs`, each with an Israeli actor and an ISRMIL → IRN strike whose
/// evidence is the body (actor and trigger spans are the same for all: the store keeps
/// them and does not read the body at them).
fn store_of(dir: &std::path::Path, docs: &[Doc]) -> String {
    let records: Vec<DocumentRecords> = docs
        .iter()
        .map(|(id, date, source, body, modality, event_date)| {
            let lines = [
                json!({"type": "document", "doc_id": id, "title": format!("Report {id}"), "date": date,
                    "source": source, "url": null, "lang": "en", "sha256": format!("{id:0>64}"),
                    "bytes": body.len(), "sentences": 1, "tokens": 9}),
                json!({"type": "actor", "doc_id": id, "id": "m1", "text": "Israel", "start": 0, "end": 6,
                    "code": "ISR", "country": "ISR", "sector": null, "kind": "country", "name": null,
                    "role": null, "resolved_by": "dictionary", "antecedent": null}),
                json!({"type": "event", "doc_id": id, "id": "e1",
                    "source": {"code": "ISRMIL", "country": "ISR", "text": "Israel", "mention": "m1"},
                    "target": {"code": "IRN", "country": "IRN", "text": "Iran", "mention": "m2"},
                    "cameo": "195", "root": "19", "plover": "ASSAULT", "quad_class": 4, "goldstein": -10.0,
                    "date": event_date, "date_precision": "day", "date_source": "text", "negated": false,
                    "modality": modality, "trigger": {"text": "struck", "start": 7, "end": 13},
                    "evidence": {"text": body, "start": 0, "end": body.len()}, "quote_id": null,
                    "confidence": 0.75}),
            ];
            let jsonl: String = lines.iter().map(|l| format!("{l}\n")).collect();
            DocumentRecords::from_jsonl(*body, &jsonl).unwrap()
        })
        .collect();
    let path = dir.join("snap.db");
    let path = path.to_str().unwrap().to_string();
    Store::open(&path).unwrap().ingest(&records).unwrap();
    path
}

fn aras(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_aras"))
        .args(args)
        .env("COLUMNS", "100")
        .env_remove("ARAS_DB")
        .output()
        .expect("aras runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn events_table_csv_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    insta::assert_snapshot!(
        "events_clusters_table",
        aras(&["events", "--db", &db, "--format", "table"])
    );
    insta::assert_snapshot!(
        "events_reports_table",
        aras(&[
            "events",
            "--db",
            &db,
            "--format",
            "table",
            "--reports",
            "--modality",
            "all"
        ])
    );
    insta::assert_snapshot!(
        "events_csv",
        aras(&[
            "events",
            "--db",
            &db,
            "--format",
            "csv",
            "--modality",
            "all"
        ])
    );
    // Tables are the default on a terminal only: the tests' stdout is a pipe.
    insta::assert_snapshot!(
        "actors_table",
        aras(&["actors", "--db", &db, "--format", "table"])
    );
    insta::assert_snapshot!(
        "search_table",
        aras(&["search", "--db", &db, "--format", "table", "Iran"])
    );
}

/// Tables measure display width: Chinese evidence (two columns a character) is cut with
/// `…` where the terminal ends, and the columns stay aligned.
#[test]
fn tables_fit_chinese_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Israel 战机周五夜间轰炸了伊朗境内的多处目标，以色列官员称这是一次先发制人的行动。";
    let db = store_of(
        dir.path(),
        &[(
            "xin-zh",
            "2025-06-14",
            "Xinhua",
            body,
            "asserted",
            "2025-06-14",
        )],
    );
    let table = aras(&["events", "--db", &db, "--format", "table"]);
    for line in table.lines() {
        assert!(line.width() <= 100, "{line:?} is {} wide", line.width());
    }
    insta::assert_snapshot!("events_table_chinese", table);
}
