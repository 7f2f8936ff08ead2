//! Inputs the fuzz targets (fuzz/, issue 16) found crashing, kept as regression tests.

use aras_ingest::{parse_bytes, Format};

/// A front matter value with a multi-byte character at one end was sliced at byte 1 (or
/// before its last byte) while checking for quotes, which panicked mid-character.
#[test]
fn issue16_fuzz_front_matter_value_ending_in_a_multibyte_character() {
    for value in ["é", "\"x€", "€x\"", "'ü", "\u{f6de}'", "\"€\"", "'é'", "\""] {
        let text = format!("---\ntitle: {value}\n---\nBody.\n");
        let out = parse_bytes("t.txt", Format::Text, text.as_bytes());
        assert_eq!(out.len(), 1, "{value:?}: {out:?}");
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.text, "Body.\n");
        let expected = match value {
            "\"€\"" => "€",
            "'é'" => "é",
            v => v,
        };
        assert_eq!(doc.title.as_deref(), Some(expected), "{value:?}");
    }
}
