//! What the stages after parsing read a document through: one view of its tokens and
//! syntax, and one set of closed word lists.
//!
//! - [`Sent`]: one sentence, token by token: byte spans and text, lowercase forms (as
//!   written, and with the apostrophe normalised), and, when the sentence has an analysis
//!   with one word per token, UPOS, XPOS, lemma, head, relation and the children of each
//!   word. The events coder reads every sentence through it; the claim and time finders
//!   read their sentences' words through it.
//! - [`Doc`]: the whole document as one flat token list (each token knowing its sentence,
//!   and its UPOS/relation when parsed), the token range of each sentence, and lookups from
//!   a byte offset to a token. The actor and quote finders read through it.
//! - [`words()`]: the closed word lists of `lexicon/words.txt` (verbs of saying and
//!   reporting, possessive markers, titles and honorifics, the event coder's governors and
//!   cue words), parsed once, read-only, each with a typed accessor; [`is_possessive`].
//!
//! Both views are built once per use from what the pipeline already has: the text, the
//! sentences of [`aras_text::segment`] and, optionally, the syntax of
//! [`aras_nlp::model::Model::analyze`]. A stage's own extras (a quote's paragraphs, the
//! coder's lemma candidates) are layered on top by that stage.
//!
//! ```
//! let text = "Israel’s army struck Gaza. It said so.";
//! let sentences = aras_text::segment(text);
//! let doc = aras_lex::Doc::new(text, &sentences, None);
//! assert_eq!(doc.sents.len(), 2);
//! assert!(doc.toks[1].is_possessive());
//! let first = aras_lex::Sent::new(text, &sentences[0].tokens, None);
//! assert_eq!(first.norm(1), "'s");
//! assert!(aras_lex::words().event_speech().contains("say"));
//! ```

mod doc;
mod sent;
mod words;

pub use doc::{Doc, Tok};
pub use sent::Sent;
pub use words::{is_possessive, words, List, Words, WordsError};

/// Inflectional endings and what replaces each to give a stem candidate, in the order the
/// lemma guessers of the event coder and the quote finder try them ("parties" → "party",
/// "expelled" → "expell", "raised" → "rais" and "raise").
pub const SUFFIXES: &[(&str, &str)] = &[
    ("ies", "y"),
    ("ied", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
];
