//! Issue 16: on a page without `<article>`, a "Most read" sidebar headline was read as
//! article text and coded as a Turkey→Greece event. The page is one of the ingest
//! crate's extraction fixtures (`crates/ingest/tests/fixtures/html/`), written for aras.

use aras_ingest::{parse_bytes, Document, Format, Origin};
use aras_pipeline::{read, Engine};

use crate::common::engine;

/// Each event of a document as (source country, target country, evidence sentence).
fn events(engine: &Engine, doc: &Document) -> Vec<(String, String, String)> {
    let reading = read(engine, doc);
    reading
        .events
        .iter()
        .map(|e| {
            let country = |r: &Option<aras_events::Role>| {
                r.as_ref().map(|r| r.country.clone()).unwrap_or_default()
            };
            (
                country(&e.source),
                country(&e.target),
                doc.text[e.evidence.start..e.evidence.end].to_string(),
            )
        })
        .collect()
}

#[test]
fn issue16_html_sidebar_not_article() {
    let Some(engine) = engine() else { return };
    let headline = "Turkey attacks Greek coast guard vessel near disputed islets, Athens says";
    // The headline alone is an event: what the sidebar gave when it passed as article.
    let alone = Document::new("headline", headline, Origin::default());
    let coded = events(&engine, &alone);
    assert!(
        coded.iter().any(|(s, t, _)| s == "TUR" && t == "GRC"),
        "the headline alone codes Turkey->Greece: {coded:?}"
    );

    let dir = aras_testkit::workspace_root().join("crates/ingest/tests/fixtures/html");
    let html = std::fs::read(dir.join("sidebar_most_read.html")).expect("fixture reads");
    let expected =
        std::fs::read_to_string(dir.join("sidebar_most_read.expected")).expect("expected reads");
    let article: Vec<&str> = expected
        .lines()
        .filter_map(|l| l.strip_prefix("+ "))
        .collect();
    let out = parse_bytes("sidebar_most_read.html", Format::Html, &html);
    let doc = out[0].as_ref().expect("a document");
    let coded = events(&engine, doc);
    // Before issue 16's fix: six events, three of them from "Most read" headlines
    // (Turkey->Greece, Greece->Turkey, Russia) and one from the page's <h1>.
    for (source, target, evidence) in &coded {
        assert!(
            article.contains(&evidence.as_str()),
            "an event from the page around the article: {source}->{target} {evidence:?}"
        );
    }
    assert!(
        !doc.text.contains(headline),
        "sidebar in the text: {}",
        doc.text
    );
    // The article's own event is still coded.
    assert!(
        coded
            .iter()
            .any(|(s, t, _)| [s.as_str(), t.as_str()] == ["DEU", "POL"]),
        "Germany-Poland agreement not coded: {coded:?}"
    );
}
