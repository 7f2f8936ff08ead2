//! Prints what the seed article's time expressions come out as (needs ../shared).

#[test]
fn seed_article() {
    let article = aras_testkit::require_shared!("corpus/seed/article.txt");
    let raw = std::fs::read_to_string(article).expect("the seed article reads");
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
