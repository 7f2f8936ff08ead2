//! Property tests: offsets are sound and tokens cover the text, whatever the input.

use aras_text::{segment, tokenize, Token};
use proptest::prelude::*;

/// Checks the invariants every tokenisation must satisfy; returns the error, if any.
fn check_tokens(text: &str, tokens: &[Token]) -> Result<(), String> {
    let mut prev_end = 0;
    let mut covered = String::with_capacity(text.len());
    for t in tokens {
        if !(t.start < t.end && t.end <= text.len()) {
            return Err(format!("bad span {t:?}"));
        }
        if !text.is_char_boundary(t.start) || !text.is_char_boundary(t.end) {
            return Err(format!("span {t:?} not on char boundaries"));
        }
        if t.start < prev_end {
            return Err(format!("span {t:?} overlaps or is out of order"));
        }
        let form = t.text(text);
        if form.chars().any(char::is_whitespace) {
            return Err(format!("token {form:?} contains whitespace"));
        }
        if !text[prev_end..t.start].chars().all(char::is_whitespace) {
            return Err(format!("non-space text skipped before {t:?}"));
        }
        covered.push_str(form);
        prev_end = t.end;
    }
    if !text[prev_end..].chars().all(char::is_whitespace) {
        return Err("non-space text skipped at the end".into());
    }
    let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if covered != expected {
        return Err("tokens do not concatenate to the non-space text".into());
    }
    Ok(())
}

/// Text that exercises the scanner: news-like pieces mixed with arbitrary Unicode.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("Gen.".to_string()),
        Just("can't".to_string()),
        Just("Azerbaijan’s".to_string()),
        Just("1,189.42".to_string()),
        Just("2025-06-18".to_string()),
        Just("http://a.b/c".to_string()),
        Just("a@b.cd".to_string()),
        Just("...".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("--".to_string()),
        Just(":)".to_string()),
        Just("\u{301}".to_string()),
        Just("\u{200D}".to_string()),
        Just("👍🏽".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        Just("\u{a0}".to_string()),
        "[a-zA-Z0-9.,:;'’\\-/&_@#+()\"!?]{1,6}",
        any::<char>().prop_map(String::from),
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn tokens_cover_arbitrary_strings(text in any::<String>()) {
        let tokens = tokenize(&text);
        prop_assert_eq!(check_tokens(&text, &tokens), Ok(()));
    }

    #[test]
    fn tokens_cover_texty_strings(text in texty()) {
        let tokens = tokenize(&text);
        prop_assert_eq!(check_tokens(&text, &tokens), Ok(()));
    }

    #[test]
    fn sentences_partition_the_tokens(text in texty()) {
        let sentences = segment(&text);
        let flat: Vec<Token> = sentences.iter().flat_map(|s| s.tokens.iter().copied()).collect();
        prop_assert_eq!(check_tokens(&text, &flat), Ok(()));
        // The same tokens as `tokenize`, except that a sentence-final abbreviation may
        // have its period split off.
        let tokens = tokenize(&text);
        let merged: Vec<Token> = {
            let mut out: Vec<Token> = Vec::with_capacity(flat.len());
            for t in &flat {
                match out.last_mut() {
                    Some(last) if last.end == t.start && t.text(&text) == "."
                        && !tokens.contains(last) => last.end = t.end,
                    _ => out.push(*t),
                }
            }
            out
        };
        prop_assert_eq!(&merged, &tokens);
        for s in &sentences {
            prop_assert!(!s.tokens.is_empty());
            prop_assert_eq!(s.start, s.tokens[0].start);
            prop_assert_eq!(s.end, s.tokens[s.tokens.len() - 1].end);
        }
    }
}

/// Regression: a digit chain after a separator (`1-2-3:4-5`) once made the hyphen
/// look-ahead return a position behind the cursor, and the scanner looped forever.
#[test]
fn digit_chain_after_separator_terminates() {
    for text in ["1-2-3:4-5", "1-2-3.4-5-6", "9/1-2-3-4", "1-2-3-x"] {
        assert_eq!(check_tokens(text, &tokenize(text)), Ok(()), "{text}");
    }
}

#[test]
fn huge_single_line_is_linear() {
    // 5 MB on one line, with long runs that could trigger repeated look-ahead.
    let unit = "In 2025-06-18, U.S. Gen. Smith's a.b.c.d.e.f.g.h team (www.x.org) said: “No...” ";
    let mut text = unit.repeat(5_000_000 / unit.len());
    text.push_str(&"ab.".repeat(200_000));
    text.push_str(&"1-".repeat(200_000));
    text.push_str(&"x".repeat(200_000));
    text.push_str(&".".repeat(200_000));
    text.push_str(&"'".repeat(200_000));
    let started = std::time::Instant::now();
    let sentences = segment(&text);
    let elapsed = started.elapsed();
    assert!(!sentences.is_empty());
    // Generous even for an unoptimised build on a busy machine; quadratic would take hours.
    assert!(elapsed.as_secs() < 30, "took {elapsed:?}");
}
