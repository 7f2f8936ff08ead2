//! Prints what the seed article's time expressions come out as (needs ../shared).
use std::path::PathBuf;

#[test]
fn seed_article() {
    let shared = std::env::var_os("ARAS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    let Ok(raw) = std::fs::read_to_string(shared.join("corpus/seed/article.txt")) else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    // body after the front matter
    let body = raw.splitn(3, "---\n").nth(2).unwrap_or(&raw);
    let ctx = aras_time::TimeContext {
        document_date: Some("2025-06-18".into()),
    };
    for t in aras_time::extract(body, &aras_text::segment(body), &ctx) {
        println!(
            "{:?} -> {} ({:?}, anchor {:?}, doc {})",
            t.text, t.value, t.kind, t.anchor, t.anchored_to_document
        );
    }
}
