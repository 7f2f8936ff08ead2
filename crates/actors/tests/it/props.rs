//! Properties: extract never panics, spans are valid and ordered, antecedents point
//! at earlier mentions.

use aras_actors::{extract, ActorContext};
use proptest::prelude::*;

fn words() -> impl Strategy<Value = String> {
    let vocab = prop::sample::select(vec![
        "Azerbaijan",
        "Azerbaijan’s",
        "Iran's",
        "Iranian",
        "police",
        "the",
        "ministry",
        "he",
        "his",
        "it",
        "its",
        "they",
        "said",
        ",",
        ".",
        "“",
        "”",
        "who",
        "served",
        "as",
        "US",
        "ambassador",
        "to",
        "Foreign",
        "Minister",
        "Ceyhun",
        "Bayramov",
        "Georgia",
        "Jordan",
        "Michael",
        "an",
        "expert",
        "at",
        "Center",
        "Bank",
        "of",
        "England",
        "ethnic",
        "Azeris",
        "former",
        "Gen.",
        "Smith",
        "country",
        "Institute",
        "turkey",
        "Turkey",
        "é",
        "Ünal",
        "\n",
        "government",
        "in",
        "Tehran",
        "Mossad",
        "general",
        "retired",
    ]);
    prop::collection::vec(vocab, 0..60).prop_map(|v| v.join(" "))
}

fn check(text: &str) {
    let dict = aras_dict::Dictionary::builtin().unwrap();
    let ctx = ActorContext {
        dictionary: &dict,
        document_date: Some("2025-06-18"),
    };
    let ms = extract(text, &aras_text::segment(text), None, &ctx);
    let mut last_end = 0;
    for (i, m) in ms.iter().enumerate() {
        assert!(m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert_eq!(&text[m.start..m.end], m.text);
        assert!(m.start >= last_end, "overlap at {i}");
        last_end = m.end;
        if let Some(a) = m.antecedent {
            assert!(a < i, "antecedent {a} of {i}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn spans_and_antecedents_are_valid(text in words()) {
        check(&text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        check(&text);
    }
}
