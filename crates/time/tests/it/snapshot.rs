//! Snapshot of everything found in a fixture news article, with values and anchors.

use std::fmt::Write;

#[test]
fn fixture_article() {
    let text = include_str!("../fixtures/article.txt");
    let ctx = aras_time::TimeContext {
        document_date: Some("2025-06-18".into()),
    };
    let times = aras_time::extract(text, &aras_text::segment(text), &ctx);
    let mut out = String::new();
    for (i, t) in times.iter().enumerate() {
        let anchor = match (t.anchor, t.anchored_to_document) {
            (Some(a), _) => format!("expr {a}"),
            (None, true) => "document".into(),
            (None, false) => "-".into(),
        };
        writeln!(
            out,
            "{i:>2} {:?} {:?} -> {} (anchor: {anchor})",
            t.text, t.kind, t.value
        )
        .unwrap();
    }
    insta::assert_snapshot!(out);
}
