//! The unit-test records reader takes outside input: it must never panic, and what it
//! reads must survive being written back.

use aras_import::{read_records, Discards, Expectation};
use proptest::prelude::*;

proptest! {
    #[test]
    fn never_panics_on_arbitrary_text(s in "\\PC{0,400}") {
        let _ = read_records(&s);
        let _ = Discards::read(&s).find(&s);
    }

    #[test]
    fn never_panics_on_tag_soup(parts in prop::collection::vec(
        prop::sample::select(vec![
            "<Sentence", " id=\"A\"", " date = '1995'", ">", "</Sentence>", "<Text>", "</Text>",
            "<EventCoding", " sourcecode=\"X\"", " noevents=\"True\"", "<!--", "-->", "é", "\n",
            "&amp;", "<Environment>", "</Environment>", "<Verbfile>", "</Verbfile>",
        ]),
        0..40,
    )) {
        let _ = read_records(&parts.concat());
    }

    #[test]
    fn written_records_read_back(
        id in "[A-Z]{1,5}-[0-9]{1,3}",
        words in prop::collection::vec("[A-Za-z]{1,8}", 1..8),
        codes in prop::collection::vec(("[A-Z]{3}", "[A-Z]{3}", "[0-9]{3}"), 0..4),
    ) {
        let text = words.join(" ");
        let mut xml = format!("<Sentences>\n<Sentence date=\"19950101\" id=\"{id}\" category=\"T\">\n");
        for (s, t, c) in &codes {
            xml.push_str(&format!("<EventCoding sourcecode=\"{s}\" targetcode=\"{t}\" eventcode=\"{c}\"></EventCoding>\n"));
        }
        xml.push_str(&format!("<Text>\n{text}\n</Text>\n</Sentence>\n</Sentences>"));
        let f = read_records(&xml).unwrap();
        prop_assert_eq!(f.records.len(), 1);
        let r = &f.records[0];
        prop_assert_eq!(&r.id, &id);
        prop_assert_eq!(&r.text, &text);
        match &r.expected {
            Expectation::Events(e) => prop_assert_eq!(e.len(), codes.len()),
            Expectation::Unspecified => prop_assert!(codes.is_empty()),
            other => prop_assert!(false, "unexpected {:?}", other),
        }
    }
}
