//! Arbitrary text never panics, and every span lies on char boundaries inside the text.

use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just(" said ".to_string()),
        Just(" he said, ".to_string()),
        Just(" according to ".to_string()),
        Just("Jane Roe".to_string()),
        Just("the ministry".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("🙂".to_string()),
        Just("e\u{301}".to_string()),
        "[a-zA-Z ]{0,12}",
        any::<char>().prop_map(String::from),
    ]
}

fn check(text: &str) {
    let sentences = aras_text::segment(text);
    for q in aras_quotes::extract(text, &sentences, None) {
        assert!(q.start < q.end && q.end <= text.len());
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        assert_eq!(&text[q.start..q.end], q.text);
        if let Some(s) = q.speaker {
            assert!(s.start < s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(!s.name.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn quote_like_text(parts in proptest::collection::vec(piece(), 0..40)) {
        check(&parts.concat());
    }

    #[test]
    fn any_text(text in any::<String>()) {
        check(&text);
    }
}
