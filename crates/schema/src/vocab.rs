//! The closed vocabularies of actor, quote, time and claim records.

use serde::{Deserialize, Serialize};

use crate::error::vocabulary;

vocabulary! {
    /// What an actor mention denotes (SCHEMA.md actor `kind`).
    pub enum ActorKind ("actor kind") {
        Country = "country",
        Person = "person",
        Organization = "organization",
        Group = "group",
        Place = "place",
    }
}

vocabulary! {
    /// How an actor mention's code was found (SCHEMA.md actor `resolved_by`).
    pub enum ActorResolution ("actor resolution") {
        /// Dictionary entries, alone or composed ("Azerbaijani police").
        Dictionary = "dictionary",
        /// A title before a name not in the dictionary ("Foreign Minister X").
        Title = "title",
        /// An apposition ("X, an expert ..."; "his Iranian counterpart, X").
        Apposition = "apposition",
        /// A relative clause ("X, who served as US ambassador ...").
        Relative = "relative",
        /// An earlier mention: pronouns, surnames, definite descriptions.
        Coreference = "coreference",
        /// The sentence's or the document's country (an agent with no country of its
        /// own), or nothing but the name's form (code "").
        Context = "context",
    }
}

vocabulary! {
    /// How a quote's speaker was found (SCHEMA.md quote `speaker.resolved_by`).
    pub enum SpeakerResolution ("speaker resolution") {
        /// Subject (or inverted subject) of a verb of saying next to the quote.
        Verb = "verb",
        /// A pronoun or definite description resolved to an earlier mention.
        Pronoun = "pronoun",
        /// Taken over from a neighbouring quote or the previous paragraph.
        Paragraph = "paragraph",
        /// `according to X`.
        According = "according",
    }
}

vocabulary! {
    /// What a time expression denotes (SCHEMA.md time `kind`).
    pub enum TimeKind ("time kind") {
        /// A calendar date, month, year, quarter, season, decade or century (also `PRESENT_REF`).
        Date = "date",
        /// A length of time: `P35Y`, `PT48H`.
        Duration = "duration",
        /// A span between two dates: `2016/2021`.
        Range = "range",
        /// A recurring time: `XXXX-WXX-1`, `P1Y`.
        Set = "set",
    }
}

vocabulary! {
    /// How an event's location was found (SCHEMA.md event `location.resolved_by`): how
    /// close the place is to the event in the text, so a reader can choose how much to trust.
    pub enum LocationResolution ("location resolution") {
        /// A place phrase ("in Kherson", "near the border of Mali") on the trigger, on the
        /// verb that carries an event noun, or on the event's subject or object.
        Clause = "clause",
        /// A place phrase on a predicate that governs the event's clause in the same
        /// sentence (a conjunct, an infinitive, an adverbial clause), never across speech.
        Sentence = "sentence",
        /// The wire dateline heading the paragraph ("KABUL, March 3 (AFP) -").
        Dateline = "dateline",
    }
}

vocabulary! {
    /// How precise an event's location is (SCHEMA.md event `location.precision`).
    pub enum LocationPrecision ("location precision") {
        /// A populated place of the gazetteer, with coordinates.
        Place = "place",
        /// A region within a country: a first-level division (with coordinates) or a
        /// place of the dictionary (Crimea, Gaza; without).
        Region = "region",
        /// A country named as the place; no coordinates.
        Country = "country",
    }
}

/// Direction of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// The quantity of a claim, normalised (SCHEMA.md claim `quantity`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Quantity {
    /// 69 percent → 69.0
    Percent(f64),
    /// 2 percentage points → 2.0
    PercentagePoints(f64),
    /// A share as a fraction of one: half → 0.5, two-thirds → 0.667, one in five → 0.2.
    Fraction(f64),
    /// $1.5 billion → 1.5e9 "USD". `currency` is an ISO 4217 code when the text makes
    /// it unambiguous (bare "$" and "dollars" are taken as USD), else the word as written.
    Money { amount: f64, currency: String },
    /// 2,500 troops → 2500 "troops"; 580,000 barrels a day → 580000 "barrels a day".
    /// `unit` is empty for bare scaled numbers ("a population of 10 million").
    Count { n: f64, unit: String },
    /// between 10 and 20 percent.
    Range {
        low: Box<Quantity>,
        high: Box<Quantity>,
    },
    /// up 3 percent, fell 1.1 percent, an increase of $2 billion.
    Change {
        direction: Direction,
        by: Box<Quantity>,
    },
}
