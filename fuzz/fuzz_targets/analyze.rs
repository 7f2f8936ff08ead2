//! `aras analyze` on arbitrary text: the whole pipeline (segmentation, tagging and
//! parsing with the committed model, actors, times, quotes, claims, events), the JSON
//! Lines it writes, and `aras ingest`'s reading of them into an in-memory store.
//! The model, dictionaries and lexicon are loaded once, on the first input.
//! An odd first byte gives the document a publication date (so relative times resolve).
//!
//! Must not panic. Checked besides: what `analyze` writes is read by the store's record
//! reader and stored consistently (`check_consistency` finds nothing wrong).
#![no_main]

use aras_ingest::{Document, Origin};
use aras_pipeline::Engine;
use aras_store::{DocumentRecords, Store};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static MODEL: &[u8] = include_bytes!("../../models/en_ewt.model");

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine {
        model: aras_nlp::model::Model::from_bytes(MODEL).expect("the committed model loads"),
        dictionary: aras_dict::Dictionary::builtin().expect("the built-in dictionaries"),
        lexicon: aras_events::Lexicon::builtin().expect("the built-in lexicon"),
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let mut doc = Document::new("fuzz", text, Origin::default());
    if first % 2 == 1 {
        doc.date = Some("2025-06-14".into());
    }
    let reading = aras_pipeline::read(engine(), &doc);
    let mut jsonl = String::new();
    aras_pipeline::records::write_jsonl(&reading, &mut jsonl);
    let records = DocumentRecords::from_jsonl(doc.text.as_str(), &jsonl)
        .unwrap_or_else(|e| panic!("analyze wrote records the store cannot read: {e}\n{jsonl}"));
    let mut store = Store::open(":memory:").expect("an in-memory store opens");
    store
        .ingest(&[records])
        .unwrap_or_else(|e| panic!("the store refused analyze's records: {e}\n{jsonl}"));
    let problems = store
        .check_consistency()
        .expect("the consistency check runs");
    assert!(problems.is_empty(), "inconsistent store: {problems:?}");
});
