//! `aras_ingest::parse_bytes` on a JSON Lines file: one object per line, `text` required.
//! Must not panic; every document and every error must be printable.
#![no_main]

use aras_ingest::{parse_bytes, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for item in parse_bytes("fuzz.jsonl", Format::Jsonl, data) {
        match item {
            Ok(doc) => {
                let _ = doc.sha256();
                assert!(!doc.id.is_empty(), "a document without an id");
            }
            Err(e) => {
                let _ = (e.to_string(), e.line(), e.kind());
            }
        }
    }
});
