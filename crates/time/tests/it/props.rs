//! Property tests: `extract` never panics, and its spans are sorted, non-overlapping,
//! inside the text and on character boundaries.

use proptest::prelude::*;

fn check(text: &str, doc: Option<String>) {
    let ctx = aras_time::TimeContext { document_date: doc };
    let times = aras_time::extract(text, &aras_text::segment(text), &ctx);
    let mut last = 0;
    for t in &times {
        assert!(t.start < t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(t.start >= last, "overlap or unsorted at {}", t.start);
        assert_eq!(&text[t.start..t.end], t.text);
        if let Some(a) = t.anchor {
            assert!(a < times.len());
        }
        last = t.end;
    }
}

proptest! {
    #[test]
    fn arbitrary_text(text in "\\PC{0,200}", doc in proptest::option::of("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
        check(&text, doc);
    }

    #[test]
    fn date_like_text(
        words in proptest::collection::vec(
            prop_oneof![
                Just("in"), Just("the"), Just("last"), Just("next"), Just("year"), Just("years"),
                Just("day"), Just("later"), Just("ago"), Just("May"), Just("June"), Just("13"),
                Just("2021"), Just("1990s"), Just("-"), Just(","), Just("Tuesday"), Just("between"),
                Just("and"), Just("two"), Just("quarter"), Just("first"), Just("every"), Just("."),
                Just("9:30"), Just("p.m."), Just("from"), Just("to"), Just("99"), Just("31/12/1999"),
                Just("mid-2024"), Just("early"), Just("of"), Just("9999"), Just("0000"), Just("12/12/0000"),
            ],
            0..30,
        ),
        doc in proptest::option::of(prop_oneof![Just("2025-06-18".to_string()), Just("0001-01-01".to_string()), Just("9999-12-31".to_string()), Just("garbage".to_string())]),
    ) {
        check(&words.join(" "), doc);
    }
}
