//! Actor mentions: dictionary matches composed into coded actors, actors learned in
//! the document, and coreference.
//!
//! [`extract`] turns a document body (with its sentences from `aras-text` and, when
//! available, the tagger/parser analysis from `aras-nlp`) into [`Mention`]s, each coded
//! with a CAMEO-style actor code and saying how the code was found ([`ResolvedBy`]).
//!
//! The stages, in order (all general rules: nothing is keyed on an article's names):
//!
//! 1. **Dictionary atoms** (`aras-dict`): every match, with ambiguity settled by
//!    evidence (Georgia the country unless a US city/state or "state of Georgia" is
//!    near; a country name glued to an unknown capitalised name is part of a person's
//!    name, as in "Michael Jordan"); people's codes come from the office they held on
//!    the document date (a person no longer in office is coded with the country only).
//! 2. **Composition**: country (adjective, name, possessive) or a possessor with a
//!    country + agent → country+sector ("Azerbaijani police" → AZECOP, "Britain’s
//!    foreign secretary" → GBRGOV, "Aliyev’s military" → AZEMIL); agent + "of/in" +
//!    country ("the government in Tehran" → IRNGOV); "ethnic" + adjective → a group.
//!    A capitalised name ending in an organisation word (Center, Institute, Bank...)
//!    that contains a country and no agent is an organisation with code "" (a think
//!    tank named after a region is not that state).
//! 3. **People not in the dictionary**: title + name ("Foreign Minister X"), appositions
//!    on either side ("X, an expert at ..."; "his Iranian counterpart, X"), relative
//!    clauses ("X, who served as US ambassador to ..."), names from the parse (PROPN
//!    runs) or from capitalisation, later surname-only mentions.
//! 4. **Coreference**: pronouns by recency and compatibility, definite descriptions
//!    ("the ministry", "the president", "the country"), possessive pronoun + agent
//!    ("its armed forces").
//! 5. **Context**: an agent with no country and no antecedent takes the nearest country
//!    before it in the sentence, else the document's main country (the country
//!    mentioned most often; ties go to the earliest).
//!
//! The document is read through `aras_lex::Doc` (flat tokens with their sentence and,
//! when parsed, UPOS and relation); the speech forms and honorifics are lists of
//! `lexicon/words.txt` (`aras_lex::words()`), the other closed lists are in `words.rs`.
//!
//! Decisions (see also the README of `dict/`):
//! - A mention is the whole phrase as written for compositions and titles
//!   ("Foreign Minister Ceyhun Bayramov"); for appositions and relative clauses it is
//!   the *name* ("Abbas Araqchi"), with the description in `role` (the description's
//!   own actors, such as "Mossad" in "the former head of the Israeli spy agency
//!   Mossad", stay separate mentions).
//! - Former office holders ("former", "ex-", a relative clause in the past tense, a
//!   dictionary person out of office on the document date) are coded with the country
//!   only (`USA`, not `USAGOV`): CAMEO codes the office, and the person no longer
//!   holds it. Retired officers keep `MIL` ("retired general"), as CAMEO agent
//!   dictionaries do for veterans.
//! - Experts, analysts, researchers and other non-official people get code "" (kind
//!   person) even when their description names a country or an institute.
//! - A name found only by its form (a capitalised run with no title, apposition or
//!   dictionary entry) is a person with code "" and `resolved_by = context`.
//! - Regions keep the dictionary's CAMEO region code (Middle East → `MEA`, country
//!   `None`); places with code `-` have code "".
//! - An unqualified title ("Foreign Minister X" with no country word) takes the nearest
//!   country before it in the same sentence, else the document's main country.
//!
//! ```
//! use aras_actors::{extract, ActorContext};
//! let dict = aras_dict::Dictionary::builtin().unwrap();
//! let text = "Azerbaijani police arrested two men. The ministry said they were spies.";
//! let sentences = aras_text::segment(text);
//! let ctx = ActorContext { dictionary: &dict, document_date: Some("2025-06-18") };
//! let m = extract(text, &sentences, None, &ctx);
//! assert_eq!(m[0].text, "Azerbaijani police");
//! assert_eq!(m[0].code, "AZECOP");
//! ```

mod atoms;
mod build;
mod coref;
mod dateline;
pub mod eval;
mod people;
mod words;

use serde::{Deserialize, Serialize};

pub use dateline::dateline_places;

/// What a mention denotes, and how its code was found: the contract's vocabularies.
pub use aras_schema::{ActorKind as Kind, ActorResolution as ResolvedBy};

/// One actor mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte offset of the mention in the body.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// CAMEO-style code: "AZEGOV", "IRN", "IGOUNO", or "" (recognised, no code).
    pub code: String,
    /// ISO 3166-1 alpha-3 country.
    pub country: Option<String>,
    /// Sector code (GOV, MIL, COP, ...).
    pub sector: Option<String>,
    pub kind: Kind,
    /// Canonical name: "Ceyhun Bayramov", "Azerbaijan".
    pub name: Option<String>,
    /// The office or description: "Foreign Minister", "former US ambassador to Azerbaijan".
    pub role: Option<String>,
    pub resolved_by: ResolvedBy,
    /// Index (in the returned vector) of an earlier mention this one corefers with.
    pub antecedent: Option<usize>,
}

/// What [`extract`] needs besides the text.
#[derive(Clone, Copy, Debug)]
pub struct ActorContext<'a> {
    pub dictionary: &'a aras_dict::Dictionary,
    /// The document date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`): date-limited dictionary
    /// entries (people in office) are used only when active on it.
    pub document_date: Option<&'a str>,
}

/// Finds, codes and links the actor mentions of a document.
///
/// `sentences` come from `aras_text::segment(text)`; `syntax`, when given, has one
/// analysis per sentence with one word per token (a sentence whose analysis does not
/// line up with its tokens is read without syntax). Mentions are returned in text
/// order, never overlapping; `antecedent` always points at an earlier mention.
pub fn extract(
    text: &str,
    sentences: &[aras_text::Sentence],
    syntax: Option<&[aras_nlp::model::Analysis<'_>]>,
    ctx: &ActorContext,
) -> Vec<Mention> {
    build::run(text, sentences, syntax, ctx)
        .into_iter()
        .map(|d| d.mention)
        .collect()
}

/// Mentions with the spans of their named parts (for the NER evaluation).
pub(crate) fn extract_parts(
    text: &str,
    sentences: &[aras_text::Sentence],
    syntax: Option<&[aras_nlp::model::Analysis<'_>]>,
    ctx: &ActorContext,
) -> Vec<build::Final> {
    build::run(text, sentences, syntax, ctx)
}
