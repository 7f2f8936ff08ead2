//! The one XML escaper (the SVG chart here, GEXF and GraphML in `aras-export`): any
//! string comes back from a conforming parser (quick-xml) unchanged, but for the
//! characters XML 1.0 cannot carry.

use crate::common;

use aras_relations::xml::{escape_xml, xml_representable};
use aras_relations::{render_timeline_svg, timeline, Bucket};
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
            Event::GeneralRef(r) => text.push_str(&resolve(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    (attribute, text)
}

fn resolve(r: &quick_xml::events::BytesRef) -> String {
    match r.resolve_char_ref().unwrap() {
        Some(c) => c.to_string(),
        None => quick_xml::escape::resolve_xml_entity(&r.decode().unwrap())
            .unwrap()
            .to_string(),
    }
}

/// The text of the chart's first `<title>` (the document title).
fn chart_title(svg: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(svg);
    reader.config_mut().check_end_names = true;
    let (mut inside, mut title) = (false, String::new());
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Start(e) if e.name().as_ref() == b"title" => inside = true,
            Event::End(e) if e.name().as_ref() == b"title" => return title,
            Event::Text(t) if inside => title.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) if inside => title.push_str(&resolve(&r)),
            Event::Eof => panic!("no <title> in {svg}"),
            _ => {}
        }
    }
}

proptest! {
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

    #[test]
    fn chart_titles_come_back_unchanged(title in any::<String>()) {
        let points = timeline(&common::rows(), "AZE", "ISR", Bucket::Month);
        let svg = render_timeline_svg(&points, &title);
        prop_assert_eq!(chart_title(&svg), xml_representable(&title));
    }
}

#[test]
fn tabs_and_newlines_are_kept_as_character_references() {
    let svg = render_timeline_svg(&[], "AZE\tIRN\nby month");
    assert!(
        svg.contains("<title>AZE&#9;IRN&#10;by month</title>"),
        "{svg}"
    );
    assert_eq!(chart_title(&svg), "AZE\tIRN\nby month");
}
