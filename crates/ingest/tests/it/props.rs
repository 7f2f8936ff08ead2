//! Properties: arbitrary bytes never panic a reader, and front matter never alters a body.

use aras_ingest::{parse_bytes, read_inputs, Format, Input};
use proptest::prelude::*;

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![
        Just(Format::Text),
        Just(Format::Jsonl),
        Just(Format::Html),
        Just(Format::Feed),
    ]
}

/// Bytes that look a little like each format, so the parsers get past their first check.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    let structured = prop::collection::vec(
        prop_oneof![
            Just(b"---\n".to_vec()),
            Just(b"id: x\n".to_vec()),
            Just(b"{\"text\": \"".to_vec()),
            Just(b"\"}\n".to_vec()),
            Just(b"<rss><channel><item>".to_vec()),
            Just(b"<feed><entry><content type=\"xhtml\">".to_vec()),
            Just(b"</item>".to_vec()),
            Just(b"<description>&lt;p&gt;".to_vec()),
            Just(b"<p>".to_vec()),
            Just(b"<article>".to_vec()),
            Just(b"&nbsp;&#x0;&#99999999;".to_vec()),
            Just(b"<![CDATA[".to_vec()),
            Just(b"\xEF\xBB\xBF".to_vec()),
            Just(b"\r\n".to_vec()),
            prop::collection::vec(any::<u8>(), 0..16),
            "[a-z <>/&;\"]{0,12}".prop_map(String::into_bytes),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat());
    prop_oneof![prop::collection::vec(any::<u8>(), 0..512), structured]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(format in format(), data in bytes()) {
        let out = parse_bytes("p", format, &data);
        for item in &out {
            match item {
                Ok(doc) => prop_assert_eq!(&doc.origin.path, "p"),
                Err(e) => prop_assert!(e.to_string().starts_with("p")),
            }
        }
        if format == Format::Text {
            // At most one document, after at most one warning (invalid UTF-8, the
            // readable part kept).
            prop_assert!(out.len() <= 2);
            prop_assert!(out.iter().filter(|r| r.is_ok()).count() <= 1);
        }
    }

    #[test]
    fn arbitrary_files_never_panic(
        ext in prop_oneof![Just("txt"), Just("jsonl"), Just("html"), Just("xml")],
        data in bytes(),
    ) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join(format!("f.{ext}"));
        std::fs::write(&path, &data).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let from_file: Vec<_> = read_inputs(&[Input::Path(path.clone())]).collect();
        let label = path.to_string_lossy().into_owned();
        let format = aras_ingest::Format::from_path(&path).ok_or_else(|| TestCaseError::fail("format"))?;
        prop_assert_eq!(from_file, parse_bytes(&label, format, &data));
    }

    #[test]
    fn front_matter_keeps_the_body_byte_for_byte(
        title in "[A-Za-z ,.-]{0,40}",
        body in "(\\PC|\r|\n){0,200}",
        crlf in any::<bool>(),
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let file = format!("---{nl}id: doc-1{nl}title: {title}{nl}---{nl}{body}");
        let out = parse_bytes("doc.txt", Format::Text, file.as_bytes());
        prop_assert_eq!(out.len(), 1);
        let doc = out[0].as_ref().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&doc.id, "doc-1");
        prop_assert_eq!(doc.title.as_deref(), Some(title.trim()).filter(|t| !t.is_empty()));
        prop_assert_eq!(&doc.text, &body);
    }
}
