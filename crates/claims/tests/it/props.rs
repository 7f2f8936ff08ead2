//! Properties: never panics, spans valid.

use proptest::prelude::*;

fn check(text: &str) {
    let sentences = aras_text::segment(text);
    for c in aras_claims::extract(text, &sentences, None) {
        assert!(c.start <= c.end && c.end <= text.len());
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        assert_eq!(&text[c.start..c.end], c.text);
        let (a, b) = c.value_span;
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        assert!(
            c.start <= a && a <= b && b <= c.end,
            "value {:?} outside claim {:?}",
            c.value_span,
            (c.start, c.end)
        );
        if let Some((a, b)) = c.subject_span {
            assert!(
                a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
            );
        }
        if let Some(s) = &c.source {
            assert!(s.start <= s.end && s.end <= text.len());
            assert_eq!(&text[s.start..s.end], s.name);
        }
    }
}

const WORDS: &[&str] = &[
    "percent",
    "%",
    "of",
    "half",
    "two-thirds",
    "$",
    "€",
    "1.5",
    "billion",
    "2,500",
    "troops",
    "said",
    "according",
    "to",
    "the",
    "Israel",
    "’s",
    "imports",
    "more",
    "than",
    "between",
    "and",
    "fell",
    "up",
    "1997",
    "June",
    "13",
    ",",
    ".",
    "“",
    "”",
    "a",
    "third",
    "one",
    "in",
    "five",
    "barrels",
    "day",
    "dollars",
    "ringgit",
    "(",
    ")",
    "at",
    "least",
    "Ünïcödé",
    "—",
    "data",
    "from",
    "estimates",
    "that",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn numeric_soup(text in "[0-9 ,.%$€£a-zA-Z’'-]{0,120}") {
        check(&text);
    }

    #[test]
    fn word_soup(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..40)) {
        check(&words.join(" "));
    }
}
