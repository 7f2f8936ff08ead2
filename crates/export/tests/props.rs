//! Arbitrary strings survive CSV and XML.

mod common;

use aras_export::xml::{escape_xml, xml_representable};
use aras_export::{read_events_csv, write_events_csv};
use proptest::prelude::*;
use quick_xml::events::Event;

/// Attribute value and text content of `<x a="…">…</x>` after a quick-xml parse.
fn parse_back(xml: &str) -> (String, String) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut attribute, mut text) = (String::new(), String::new());
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Start(e) => {
                let a = e.attributes().next().unwrap().unwrap();
                attribute = a.unescape_value().unwrap().into_owned();
            }
            Event::Text(t) => text.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => match r.resolve_char_ref().unwrap() {
                Some(c) => text.push(c),
                None => text
                    .push_str(quick_xml::escape::resolve_xml_entity(&r.decode().unwrap()).unwrap()),
            },
            Event::Eof => break,
            _ => {}
        }
    }
    (attribute, text)
}

proptest! {
    #[test]
    fn strings_round_trip_through_csv(
        evidence in any::<String>(),
        source_text in any::<String>(),
        publication in "\\PC+",
    ) {
        let mut row = common::rows(1, 1).remove(0);
        row.evidence = evidence;
        // No value is None, never "" (SCHEMA.md).
        row.source_text = Some(source_text).filter(|s| !s.is_empty());
        row.publication = Some(publication);
        let mut buffer = Vec::new();
        write_events_csv(std::slice::from_ref(&row), &mut buffer).unwrap();
        let back = read_events_csv(buffer.as_slice()).unwrap();
        prop_assert_eq!(back, vec![row]);
    }

    #[test]
    fn strings_escape_into_well_formed_xml(text in any::<String>()) {
        let escaped = escape_xml(&text);
        let xml = format!("<x a=\"{escaped}\">{escaped}</x>");
        let (attribute, content) = parse_back(&xml);
        let expected = xml_representable(&text);
        prop_assert_eq!(&attribute, &expected);
        prop_assert_eq!(&content, &expected);
        let single = format!("<x a='{escaped}'>{escaped}</x>");
        prop_assert_eq!(parse_back(&single).0, expected);
    }
}
