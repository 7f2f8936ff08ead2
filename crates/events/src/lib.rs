//! Event coding: who did what to whom, when, and whether the text says it happened.
//!
//! [`code`] reads the dependency parse of each sentence and matches verb patterns and event
//! nouns of the [`Lexicon`] (data files in `lexicon/`, see `lexicon/README.md`):
//!
//! - **roles** come from syntax: the active subject (or passive `by` agent) is the source,
//!   the slot the pattern names (object, `with OBJ`, `against OBJ`, ...) the target; an event
//!   noun takes its source from a possessor, a nationality adjective, a compound or a `by`
//!   phrase, and its target from `on`/`against`/`targeting`/... phrases; coordinated
//!   subjects and objects give one event per pair; a role's noun phrase is mapped to the
//!   actor mention covering its head, else the nearest coded mention inside the phrase
//!   ("Iranian nuclear sites" → IRN).
//! - **factuality**: negation, modality (hypothetical, intended, denied, reported) from the
//!   chain of governing words ("may attack", "denied attacking", "said that ... attacked",
//!   "threatened to attack" is a threat, not an attack).
//! - **dates** from the time expression governing the trigger, else the discourse (last date
//!   earlier in the paragraph), else none (`date_source` = document).
//!
//! Events are kept when at least one of source and target is a coded actor.

mod coder;
mod lexicon;

pub use coder::code;
pub use lexicon::{
    parse_pattern, CameoInfo, Complement, Lexicon, LexiconError, NounEntry, Slot, VerbPattern,
};

use aras_actors::Mention;
use aras_nlp::model::Analysis;
use aras_quotes::Quote;
use aras_text::Sentence;
use aras_time::TimeExpr;
use serde::Serialize;

/// An actor in an event role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Role {
    /// Index into [`EventInput::mentions`].
    pub mention: usize,
    /// CAMEO actor code ("ISRMIL", or the country when the mention has no full code).
    pub code: String,
    /// ISO 3166-1 alpha-3 country ("" when none).
    pub country: String,
    /// The mention as written.
    pub text: String,
}

/// Where an event's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A time expression governing the event's clause.
    Text,
    /// The last dated expression earlier in the paragraph.
    Discourse,
    /// No date in the text; the document date applies (not copied into `date`).
    Document,
}

impl DateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Text => "text",
            DateSource::Discourse => "discourse",
            DateSource::Document => "document",
        }
    }
}

/// Whether the text says the event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// The text says it happened.
    Asserted,
    /// Attributed to a speaker (reported speech, a quote, "allegedly").
    Reported,
    /// A wish, plan, appeal or threat.
    Intended,
    /// Possible, conditional, feared or expected.
    Hypothetical,
    /// Denied or called untrue.
    Denied,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Intended => "intended",
            Modality::Hypothetical => "hypothetical",
            Modality::Denied => "denied",
        }
    }
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub source: Option<Role>,
    pub target: Option<Role>,
    /// Full CAMEO code: "195".
    pub cameo: String,
    /// Two-digit root: "19".
    pub root: String,
    pub plover: String,
    pub quad_class: u8,
    pub goldstein: f32,
    /// ISO 8601 (partial) date: "2025-06-13", "2023", "199X".
    pub date: Option<String>,
    /// day | month | year | decade.
    pub date_precision: Option<String>,
    pub date_source: DateSource,
    /// The predicate is negated ("did not attack", "no talks", "refused to meet").
    pub negated: bool,
    pub modality: Modality,
    /// Byte span of the trigger word.
    pub trigger: (usize, usize),
    /// Byte span of the sentence that carries the event.
    pub evidence: (usize, usize),
    /// Index of the quote (in [`EventInput::quotes`]) containing the trigger.
    pub quote: Option<usize>,
    pub confidence: f32,
}

impl Event {
    /// Whether the text presents the event as having happened (asserted or reported, not negated).
    pub fn is_factual(&self) -> bool {
        !self.negated && matches!(self.modality, Modality::Asserted | Modality::Reported)
    }
}

/// What [`code`] reads: the document body and the outputs of the earlier stages.
#[derive(Debug, Clone, Copy)]
pub struct EventInput<'a> {
    pub text: &'a str,
    pub sentences: &'a [Sentence],
    /// One analysis per sentence, one word per token; a sentence whose analysis does not
    /// line up with its tokens is skipped.
    pub syntax: &'a [Analysis<'a>],
    pub mentions: &'a [Mention],
    pub times: &'a [TimeExpr],
    pub quotes: &'a [Quote],
    pub document_date: Option<&'a str>,
}
