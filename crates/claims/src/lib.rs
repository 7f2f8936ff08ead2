//! Claims: quantities stated in news text (percentages, shares, amounts of money,
//! counts of things, ranges and changes), with what they measure, whom they are about
//! and who is cited for them.
//!
//! A claim is the statement of a fact as a record an analyst can check against the
//! evidence text: every span is a UTF-8 byte offset into the document body.
//!
//! ```
//! let body = "Between 2016 and 2021, Israel was the source for 69 percent of Baku’s \
//!             weapons imports, according to the Stockholm International Peace Research Institute.";
//! let sentences = aras_text::segment(body);
//! let claims = aras_claims::extract(body, &sentences, None);
//! assert_eq!(claims.len(), 1);
//! let c = &claims[0];
//! assert_eq!(c.value, "69 percent");
//! assert_eq!(c.quantity, aras_claims::Quantity::Percent(69.0));
//! assert_eq!(c.measure.as_deref(), Some("Baku’s weapons imports"));
//! assert_eq!(&body[c.subject_span.unwrap().0..c.subject_span.unwrap().1], "Israel");
//! assert_eq!(c.text, "Israel was the source for 69 percent of Baku’s weapons imports");
//! let src = c.source.as_ref().unwrap();
//! assert_eq!(src.name, "Stockholm International Peace Research Institute");
//! assert_eq!(src.cue, "according to");
//! ```
//!
//! How it works, per sentence, without a model: number atoms (digits with separators,
//! number words, scale words) are found and classified by their neighbours (a percent
//! sign or word, a currency symbol or name, a counted plural noun); fractions ("more than
//! half of", "two-thirds", "one in five") have their own patterns. Years, dates, ages,
//! times, ordinals, identifiers ("Resolution 1701", "page 5"), phone numbers, compound
//! modifiers ("2,000-year-old") and durations ("35 years", left to the time-expression
//! stage) are not claims. The context is read from the tokens: qualifiers before the
//! value, the `of`-phrase or the clause subject for the measure, the clause subject or
//! the measure's possessor for the subject, and cues for the source. When a dependency
//! analysis is given (aligned with `sentences`, one word per token), the clause subject
//! is taken from the parse (`nsubj` of the nearest governing predicate) instead.
//!
//! Each sentence is read through `aras_lex::Sent`; the reporting verbs are lists of
//! `lexicon/words.txt`.
//!
//! Quotes are not known here: when a claim lies inside a direct quote, the quote's
//! speaker is its source, and the pipeline (which has the quotes) fills that in when
//! `source` is `None`.

mod context;
mod find;
mod number;

use aras_nlp::model::Analysis;
use aras_text::Sentence;
use serde::Serialize;

/// A claim's quantity and the direction of a change: the contract's vocabulary.
pub use aras_schema::{Direction, Quantity};

/// A quantitative statement of fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Byte span of the claim: the clause (or part of the sentence) that states it.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The quantity as written (qualifier included), lightly normalised: whitespace
    /// collapsed, `%` and "per cent" written "percent".
    pub value: String,
    pub value_span: (usize, usize),
    pub quantity: Quantity,
    /// "more than", "about", "nearly", "at least", "up to", ...
    pub qualifier: Option<String>,
    /// What the quantity measures: "Baku’s weapons imports", "the vote", "Malaysian share prices".
    pub measure: Option<String>,
    /// The noun phrase the quantity is about, possessive dropped: the clause subject
    /// ("Israel" in "Israel was the source for 69 percent of …") or else the possessor
    /// of the measure ("Baku" in "69 percent of Baku’s weapons imports came from …").
    pub subject_span: Option<(usize, usize)>,
    /// Who is cited for it, when the sentence says so.
    pub source: Option<ClaimSource>,
}

/// The cited source of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimSource {
    /// The source as written, leading article dropped ("Stockholm International Peace Research Institute").
    pub name: String,
    pub start: usize,
    pub end: usize,
    /// "according to", "said", "estimates", "data from", ...
    pub cue: String,
}

/// Extracts the claims of a document.
///
/// `sentences` are `aras_text::segment(text)`; `syntax`, when given, is the analysis of
/// each sentence (same length as `sentences`, one word per token); sentences whose
/// analysis does not line up are read without it.
pub fn extract(text: &str, sentences: &[Sentence], syntax: Option<&[Analysis<'_>]>) -> Vec<Claim> {
    let mut out = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        if s.end > text.len()
            || s.start > s.end
            || !text.is_char_boundary(s.start)
            || !text.is_char_boundary(s.end)
        {
            continue;
        }
        let analysis = syntax
            .and_then(|a| a.get(i))
            .filter(|a| a.words.len() == s.tokens.len());
        context::sentence_claims(text, s, analysis, &mut out);
    }
    out
}
