//! Character classes the tokenizer works with.
//!
//! ASCII is classified by a byte `match` (the hot path for news text); anything else
//! falls back to the standard library's Unicode tables, so no lookup crate is needed.

/// What a character is, as far as cutting tokens is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// `char::is_whitespace`: never inside a token.
    Space,
    /// ASCII digit: numbers have their own joining rules (decimals, dates, phones).
    Digit,
    /// Any other alphanumeric character, of any script.
    Alpha,
    /// Combining marks, joiners and variation selectors: they belong to the character
    /// before them and must never be cut off it.
    Extend,
    /// Punctuation, symbols, emoji, control characters.
    Punct,
}

/// Classifies one character.
#[inline]
pub(crate) fn class(c: char) -> Class {
    if c.is_ascii() {
        match c as u8 {
            b'0'..=b'9' => Class::Digit,
            b'a'..=b'z' | b'A'..=b'Z' => Class::Alpha,
            9..=13 | b' ' => Class::Space,
            _ => Class::Punct,
        }
    } else if c.is_whitespace() {
        Class::Space
    } else if is_extender(c) {
        Class::Extend
    } else if c.is_alphanumeric() {
        Class::Alpha
    } else {
        Class::Punct
    }
}

/// Zero-width joiner: the character after it belongs to the same grapheme (emoji sequences).
pub(crate) const ZWJ: char = '\u{200D}';

/// Combining marks, joiners, variation selectors, emoji modifiers and tags.
fn is_extender(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Decodes the character starting at byte `i` (which must be a char boundary).
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    match text[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        // Unreachable for a char boundary inside the text; degrade to one byte.
        None => ('\u{FFFD}', 1),
    }
}

/// Decodes the character ending at byte `i` (exclusive; a char boundary).
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// Is this a byte of ASCII whitespace? (Fast pre-check before Unicode decoding.)
#[inline]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, 9..=13 | b' ')
}

/// Opening quotation marks and brackets: a sentence may start with them.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '«' | '„' | '‚' | '(' | '[' | '{' | '"' | '\'' | '`'
    )
}

/// Closing quotation marks and brackets that stay with the sentence they end.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | ')' | ']' | '}' | '"' | '\'')
}
