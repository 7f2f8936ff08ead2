//! Snapshot over a fixture story with quotes of every kind.

use std::fmt::Write;

#[test]
fn harbour_strike() {
    let text = include_str!("../fixtures/harbour_strike.txt");
    let sentences = aras_text::segment(text);
    let quotes = aras_quotes::extract(text, &sentences, None);
    let mut out = String::new();
    for q in &quotes {
        let sp = match &q.speaker {
            Some(s) => format!(
                "{} ({:?}, mention {:?})",
                s.name,
                s.resolved_by,
                &text[s.start..s.end]
            ),
            None => "-".to_string(),
        };
        writeln!(
            out,
            "[{}..{}] partial={} {:?}\n    <- {}",
            q.start, q.end, q.partial, q.text, sp
        )
        .unwrap();
    }
    insta::assert_snapshot!(out);
}
