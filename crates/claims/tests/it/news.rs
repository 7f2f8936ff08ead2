//! Over the shared AFP/Xinhua news (first 200 articles): counts and a sample for a human
//! to check. Asserts only sanity. Skipped when `../shared` is absent.

#[test]
fn afp_xinhua_sample() {
    let path = aras_testkit::require_shared!("data/corpora/news_afp_xinhua_te3/articles.jsonl");
    let raw = std::fs::read_to_string(&path).expect("the AFP/Xinhua articles read");
    let (mut sentences_n, mut claims_n, mut sourced) = (0usize, 0usize, 0usize);
    let mut sample = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()).take(200) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let text = v["text"].as_str().unwrap_or("");
        let id = v["id"].as_str().unwrap_or("");
        let sentences = aras_text::segment(text);
        sentences_n += sentences.len();
        let claims = aras_claims::extract(text, &sentences, None);
        for c in &claims {
            assert!(c.start <= c.value_span.0 && c.value_span.1 <= c.end && c.end <= text.len());
            assert_eq!(&text[c.start..c.end], c.text);
            if let Some((a, b)) = c.subject_span {
                assert!(a <= b && b <= text.len());
            }
            sourced += c.source.is_some() as usize;
        }
        claims_n += claims.len();
        // every 7th claim, for a spread over the articles
        for c in claims {
            if sample.len() < 20 && (claims_n + sample.len()) % 7 == 0 {
                sample.push((
                    id.to_string(),
                    text[c.subject_span.map_or(0, |s| s.0)..c.subject_span.map_or(0, |s| s.1)]
                        .to_string(),
                    c,
                ));
            }
        }
    }
    eprintln!(
        "AFP/Xinhua first 200 articles: {sentences_n} sentences, {claims_n} claims ({:.1} per 100 sentences), {:.1}% with a source",
        100.0 * claims_n as f64 / sentences_n.max(1) as f64,
        100.0 * sourced as f64 / claims_n.max(1) as f64
    );
    for (id, subj, c) in &sample {
        eprintln!(
            "{id}: {:?} {:?} measure={:?} subject={:?} source={:?}\n    {:?}",
            c.value,
            c.quantity,
            c.measure,
            subj,
            c.source.as_ref().map(|s| format!("{} ({})", s.name, s.cue)),
            c.text
        );
    }
    assert!(claims_n > 0);
}
