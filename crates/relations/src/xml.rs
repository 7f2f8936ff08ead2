//! XML escaping for text and attribute values: the one escaper of the SVG chart (here)
//! and of the GEXF and GraphML exports (`aras-export`).

use std::borrow::Cow;

/// `text` made safe inside XML 1.0 element content or a double- or single-quoted
/// attribute value.
///
/// The five markup characters become entities; tab, newline and carriage return become
/// character references so that attribute-value normalisation keeps them; characters
/// XML 1.0 cannot carry at all (other C0 controls, U+FFFE, U+FFFF) become U+FFFD.
/// Returns `text` unchanged (borrowed) when nothing needs escaping.
pub fn escape_xml(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !allowed(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// What [`escape_xml`] followed by any conforming parse gives back for `text`: the text
/// with characters XML cannot carry replaced by U+FFFD.
pub fn xml_representable(text: &str) -> String {
    text.chars()
        .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
        .collect()
}

fn needs_escape(c: char) -> bool {
    matches!(c, '&' | '<' | '>' | '"' | '\'' | '\t' | '\n' | '\r') || !allowed(c)
}

/// XML 1.0 `Char`: tab, newline, carriage return, U+0020 and up, minus U+FFFE and U+FFFF
/// (surrogates cannot occur in a Rust `str`).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        let cases = [
            ("plain", "plain"),
            ("AT&T <b>", "AT&amp;T &lt;b&gt;"),
            ("say \"no\" 'now'", "say &quot;no&quot; &apos;now&apos;"),
            ("a\tb\nc\rd", "a&#9;b&#10;c&#13;d"),
            ("bell\u{7}", "bell\u{FFFD}"),
            ("Bakı ğ 日本", "Bakı ğ 日本"),
        ];
        for (input, expected) in cases {
            assert_eq!(escape_xml(input), expected, "{input:?}");
        }
        assert!(matches!(escape_xml("plain"), Cow::Borrowed(_)));
    }
}
