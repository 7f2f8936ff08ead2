//! Event coding: who did what to whom, when, and whether the text says it happened.
//!
//! [`code`] reads the dependency parse of each sentence and matches the verb patterns and
//! event nouns of a [`Lexicon`] (data files in `lexicon/`, format in `lexicon/README.md`).
//! Everything is decided from syntax, never from the wording of particular articles.
//!
//! **Roles.** The active subject (or the passive `by` agent) is the source; the slot the
//! pattern names (object, `with OBJ`, `against OBJ`, ...) is the target; in the passive the
//! subject is the target. A verb without a subject inherits one from the clause governing
//! it (conjuncts, controlled infinitives: "helped Israel to target" takes the object,
//! participles). An event noun takes its source from a possessor, a capitalised nationality
//! adjective or compound, a `by`/`from` phrase or the subject of a verb that carries it
//! ("launched an attack", "has become a supplier"), and its target from the prepositions its
//! entry lists or a `targeting` participle. Coordinated subjects and objects give one event
//! per pair; coordinated subjects of a cooperative or reciprocal event without a target act
//! with each other. A role's phrase is mapped to the actor mention covering its head, else to
//! a relative pronoun's antecedent, a quoted "we" to the quote's speaker, an event noun to its
//! own source ("hit by Israeli strikes"), else the nearest coded mention inside the phrase
//! (apposition, then nationality adjectives, then possessors, then non-locative modifiers:
//! "Iranian nuclear sites" is IRN, "an inferno near Mecca" is no Saudi actor). Tolerated
//! parse errors: prepositional phrases attached one level too low, possessors and
//! `targeting` objects attached elsewhere, main-clause participles read as modifiers.
//!
//! **Which events are kept.** Every event needs a coded source. A target is also needed for
//! event nouns (except statements and appeals: "issued a statement"), for the directed codes
//! of roots 03–13 and for patterns with a prepositional slot. A bare verb of saying is its
//! own statement event only when its complement reports a coded event ("Russia said Germany
//! attacked France"); introducing a direct quote or speaking to the press it is attribution.
//! An infinitival complement of a pattern with `to VERB` belongs to that event ("threatened
//! to attack" is a threat); a participle or infinitive modifying an event noun of the same
//! root is part of the nominal event; an event noun that is an argument of a verb event of
//! the same root is that event. One event per sentence, pair, root and factuality.
//!
//! **Factuality.** `negated`: not/n't/never/no on the predicate or a governing predicate,
//! "said nothing", governors such as refuse/fail/avoid. `modality` is the strongest found on
//! the chain of governors (stopping at relative clauses and presupposed adjuncts such as "in
//! its campaign"): denied (deny/reject + complement, or a next sentence "That has never been
//! true"), hypothetical (modal auxiliaries, if/unless, fear/concern/risk/likely governors,
//! hedging adverbs, an event as the subject of a threat verb), intended (want, hope, plan,
//! seek, call for, urge, ... + complement), reported (complement of a verb of saying, inside
//! a quote, "allegedly", "alleged").
//!
//! **Dates.** The time expression attached to the trigger or a governing word, else one
//! inside the trigger's phrase, else a sentence-initial one ("In 2012, ..."), else the last
//! dated expression earlier in the same paragraph (`date_source` = discourse), else none
//! (`date_source` = document; the publication date is never copied into `date`).
//!
//! **Location.** [`locate`], a pass after [`code`]: a place (the gazetteer's towns, the
//! actors' place and country mentions) governed by a preposition of place on the trigger,
//! the verb carrying an event noun or the event's subject or object ("shelled villages
//! near Kherson": `clause`); else on a predicate governing the event's clause, never
//! across speech ("protesters gathered in Santiago and clashed with police": `sentence`);
//! else, for a verbal event with an actor of that country, the paragraph's wire dateline
//! (`dateline`). A subject or object is an actor, not a location ("Moscow expelled").
//!
//! **Where.** `coder/mod.rs` holds [`code`] and the per-sentence loop; its modules each
//! decide one thing: candidate triggers (`candidates`), pattern matching (`patterns`), the
//! role heads in the parse (`arguments`), their actors (`roles`), factuality
//! (`factuality`: "threatened to attack"), dates (`dates`), sports reports, idioms and
//! duplicates (`filters`). Sentences are read through `aras_lex::Sent`; the closed word
//! lists (governors, light verbs, idiom objects, sports words) are data in
//! `lexicon/words.txt`, read through `aras_lex::words()`.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use aras_events::{code, EventInput, Lexicon};
//! let text = "Germany did not attack France.";
//! let model = aras_nlp::model::Model::from_bytes(&std::fs::read("models/en_ewt.model")?)?;
//! let sentences = aras_text::segment(text);
//! let syntax: Vec<_> = sentences
//!     .iter()
//!     .map(|s| model.analyze(&s.tokens.iter().map(|t| t.text(text)).collect::<Vec<_>>()))
//!     .collect();
//! # let mentions = Vec::new(); let times = Vec::new(); let quotes = Vec::new();
//! // mentions: aras_actors::extract, times: aras_time::extract, quotes: aras_quotes::extract
//! let events = code(
//!     &Lexicon::builtin()?,
//!     &EventInput { text, sentences: &sentences, syntax: &syntax, mentions: &mentions,
//!                   times: &times, quotes: &quotes, document_date: Some("2025-06-18") },
//! );
//! assert!(events.iter().all(|e| !e.is_factual()));
//! # Ok(()) }
//! ```

mod coder;
mod imported;
mod lexicon;
mod location;

pub use coder::code;
pub use imported::ImportedVerbs;
pub use lexicon::{
    parse_pattern, CameoInfo, Complement, Lexicon, LexiconError, NounEntry, Slot, Surface,
    SurfaceItem, VerbPattern, PREPOSITIONS,
};
pub use location::{locate, Location};

use aras_actors::Mention;
use aras_nlp::model::Analysis;
use aras_quotes::Quote;
use aras_text::Sentence;
use aras_time::TimeExpr;
use serde::Serialize;

pub use aras_schema::{
    is_factual, CameoCode, DatePrecision, DateSource, LocationPrecision, LocationResolution,
    Modality, PloverType, QuadClass, Root, Span,
};

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

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub source: Option<Role>,
    pub target: Option<Role>,
    /// Full CAMEO code: "195".
    pub cameo: CameoCode,
    pub plover: PloverType,
    pub quad_class: QuadClass,
    pub goldstein: f32,
    /// ISO 8601 (partial) date: "2025-06-13", "2023", "199X".
    pub date: Option<String>,
    pub date_precision: Option<DatePrecision>,
    pub date_source: DateSource,
    /// The predicate is negated ("did not attack", "no talks", "refused to meet").
    pub negated: bool,
    pub modality: Modality,
    /// Byte span of the trigger word.
    pub trigger: Span,
    /// Byte span of the sentence that carries the event.
    pub evidence: Span,
    /// Index of the quote (in [`EventInput::quotes`]) containing the trigger.
    pub quote: Option<usize>,
    pub confidence: f32,
    /// Where the text says it took place; set by [`locate`], `None` from [`code`].
    pub location: Option<Location>,
}

impl Event {
    /// Whether the text presents the event as having happened (asserted or reported, not negated).
    pub fn is_factual(&self) -> bool {
        is_factual(self.negated, self.modality)
    }

    /// The two-digit CAMEO root.
    pub fn root(&self) -> Root {
        self.cameo.root()
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
