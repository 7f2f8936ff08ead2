//! Prints the claims of a text file (front matter skipped): `cargo run -p aras-claims --example dump FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let raw = std::fs::read_to_string(path).expect("read");
    let body = match raw
        .strip_prefix("---\n")
        .and_then(|r| r.find("\n---\n").map(|e| &r[e + 5..]))
    {
        Some(b) => b,
        None => raw.as_str(),
    };
    let sentences = aras_text::segment(body);
    for c in aras_claims::extract(body, &sentences, None) {
        let subj = c.subject_span.map(|(a, b)| &body[a..b]);
        println!(
            "{:?} | q={:?} | qual={:?} | measure={:?} | subject={:?} | source={:?}\n    text={:?}",
            c.value,
            c.quantity,
            c.qualifier,
            c.measure,
            subj,
            c.source.as_ref().map(|s| (&s.name, &s.cue)),
            c.text
        );
    }
}
