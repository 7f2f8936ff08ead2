//! The store's JSON records: `DocumentRecords::from_jsonl` (the records `aras analyze`
//! writes, read by `aras ingest`), then a round trip through an in-memory SQLite store
//! that parses the stored records again when it reads a document back.
//! Input: the document body, a NUL byte, then the JSON Lines.
//!
//! Must not panic. Checked besides: a batch the store accepts leaves it consistent
//! (`check_consistency` is empty), a second ingest of the same document stores nothing,
//! and the document reads back.
#![no_main]

use aras_store::{DocumentRecords, EventFilter, MentionFilter, Store, Unit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (body, jsonl) = text.split_once('\0').unwrap_or(("", text));
    let doc = match DocumentRecords::from_jsonl(body, jsonl) {
        Ok(doc) => doc,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    let mut store = Store::open(":memory:").expect("an in-memory store opens");
    let outcome = match store.ingest(std::slice::from_ref(&doc)) {
        Ok(o) => o,
        Err(e) => {
            let _ = e.to_string();
            assert_eq!(
                store.counts().expect("counts").documents,
                0,
                "a refused batch left a document behind"
            );
            return;
        }
    };
    let problems = store
        .check_consistency()
        .expect("the consistency check runs");
    assert!(
        problems.is_empty(),
        "inconsistent after ingest: {problems:?}"
    );
    let again = store
        .ingest(std::slice::from_ref(&doc))
        .expect("a second ingest");
    assert_eq!(again.stored, 0, "the same document stored twice");
    if outcome.stored == 1 {
        let doc_id = &doc.document.rec.doc_id;
        let stored = store.document(doc_id).expect("the document reads back");
        assert!(stored.is_some(), "stored document {doc_id:?} not found");
    }
    let _ = store.event_rows(&EventFilter::default(), Unit::Clusters);
    let _ = store.event_rows(&EventFilter::default(), Unit::Reports);
    let _ = store.actors(&MentionFilter::default());
    let _ = store.quotes(&MentionFilter::default());
    if let Some(word) = body.split_whitespace().next() {
        let _ = store.search(word, 10);
    }
});
