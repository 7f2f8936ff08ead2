//! Issue 12: actor mentions over parsed sentences never span a clause. A country and an
//! agent word two words apart compose into one actor ("Israeli occupying forces"), but
//! not across a finite verb: "Moscow expelled three diplomats" once came out as one
//! RUSGOV mention covering the whole clause, so the expulsion had no source.

use aras_ingest::{Document, Origin};
use aras_pipeline::{read, records, Engine};
use aras_schema::Record;

use crate::common::engine;

fn mentions(engine: &Engine, text: &str) -> Vec<(String, String)> {
    let doc = Document::new("spans", text, Origin::default());
    records::records(&read(engine, &doc))
        .into_iter()
        .filter_map(|r| match r {
            Record::Actor(a) => Some((a.text, a.code.unwrap_or_default())),
            _ => None,
        })
        .collect()
}

#[test]
fn issue12_actor_mentions_stop_at_a_finite_verb() {
    let Some(engine) = engine() else { return };
    // (sentence, a mention that must be there as (text, code), a text no mention may have)
    let rows: &[(&str, (&str, &str), &str)] = &[
        (
            "Moscow expelled three diplomats on Monday.",
            ("Moscow", "RUS"),
            "Moscow expelled three diplomats",
        ),
        (
            "Paris recalled two ambassadors.",
            ("Paris", "FRA"),
            "Paris recalled two ambassadors",
        ),
        (
            "Israeli occupying forces raided the camp.",
            ("Israeli occupying forces", "ISRMIL"),
            "",
        ),
    ];
    let mut wrong = Vec::new();
    for &(text, (want_text, want_code), never) in rows {
        let ms = mentions(&engine, text);
        if !ms.iter().any(|(t, c)| t == want_text && c == want_code) {
            wrong.push(format!("{text:?}: no {want_text:?} {want_code} in {ms:?}"));
        }
        if !never.is_empty() && ms.iter().any(|(t, _)| t == never) {
            wrong.push(format!("{text:?}: a mention spans {never:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
