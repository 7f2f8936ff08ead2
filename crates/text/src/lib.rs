//! Sentence splitting and UD-style tokenisation, every piece with UTF-8 byte offsets
//! into the document body (see `SCHEMA.md`: offsets are what every record points at).
//!
//! Tokens follow the conventions of the Universal Dependencies English Web Treebank
//! (EWT), because the tagger and parser downstream are trained on it: punctuation is
//! split off, clitics are separate syntactic words (`ca` `n't`, `Azerbaijan` `’s`),
//! abbreviations keep their period (`U.S.`, `Gen.`), numbers keep their separators
//! (`1,189.42`, `2025-06-18`), URLs and e-mail addresses are one token. Tokens are
//! always substrings of the input; the text is never rewritten.
//!
//! ```
//! let body = "Azerbaijan’s president can't say. Gen. Smith won.";
//! let sentences = aras_text::segment(body);
//! assert_eq!(sentences.len(), 2);
//! let forms: Vec<&str> = sentences[0].tokens.iter().map(|t| t.text(body)).collect();
//! assert_eq!(forms, ["Azerbaijan", "’s", "president", "ca", "n't", "say", "."]);
//! assert_eq!(sentences[1].text(body), "Gen. Smith won.");
//! ```

pub mod abbrev;
mod chars;
pub mod eval;
mod sentence;
mod token;

pub use sentence::{
    segment, segment_counted, split_tokens, split_tokens_counted, MAX_SENTENCE_TOKENS,
};
pub use token::{tokenize, tokenize_into};

/// A token: a byte span [start, end) of the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token's form: the slice of `body` it spans.
    ///
    /// `body` must be the text the token was cut from.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// A sentence: its byte span (first token start .. last token end) and its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The sentence's text: the slice of `body` it spans.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}
