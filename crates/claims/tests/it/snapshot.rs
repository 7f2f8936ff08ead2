//! Snapshot over a fixture story with claims of every family.

use std::fmt::Write;

#[test]
fn port_city() {
    let text = include_str!("../fixtures/port_city.txt");
    let sentences = aras_text::segment(text);
    let claims = aras_claims::extract(text, &sentences, None);
    let mut out = String::new();
    for c in &claims {
        let subject = c.subject_span.map(|(a, b)| &text[a..b]);
        let source = c.source.as_ref().map(|s| format!("{} ({})", s.name, s.cue));
        writeln!(
            out,
            "{:?} {:?}\n    qualifier={:?} measure={:?} subject={:?} source={:?}\n    text={:?}",
            c.value, c.quantity, c.qualifier, c.measure, subject, source, c.text
        )
        .unwrap();
    }
    insta::assert_snapshot!(out);
}
