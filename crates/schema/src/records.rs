//! The records of the JSON Lines contract (`SCHEMA.md`), one type each, written by the
//! pipeline and read back by the store with the same definitions.
//!
//! Field names and order are the contract: tools outside the project read them. Where the
//! wire format writes `""` for "no value" (an actor's `code`, a role's `country`, a
//! speaker's `code`, a claim's `subject`), the Rust field is an `Option` and the empty
//! string is only how `None` is written ([`empty_as_none`]).

use serde::{Deserialize, Serialize};

use crate::{
    ActorKind, ActorResolution, CameoCode, DatePrecision, DateSource, LocationPrecision,
    LocationResolution, Modality, PloverType, QuadClass, Quantity, Root, Span, SpeakerResolution,
    TimeKind,
};

/// The version of this contract written in every `document` record's `schema` field.
/// Version 1 is `../shared/SCHEMA.md` (no `schema` field); SCHEMA.md lists the changes.
pub const SCHEMA_VERSION: u32 = 3;

/// One line of `aras analyze` output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Record {
    Document(DocumentRecord),
    Actor(ActorRecord),
    Time(TimeRecord),
    Quote(QuoteRecord),
    Event(EventRecord),
    Claim(ClaimRecord),
}

impl Record {
    /// The JSON object of the record, without a line break.
    pub fn to_json(&self) -> String {
        // Records hold strings, numbers, booleans and closed vocabularies only.
        serde_json::to_string(self).expect("records serialise")
    }

    /// Parses one line. Record types this version does not know are `Ok(None)`: the
    /// contract lets later versions add types.
    pub fn from_json(line: &str) -> Result<Option<Record>, serde_json::Error> {
        #[derive(Deserialize)]
        struct TypeOnly<'a> {
            #[serde(rename = "type", borrow)]
            kind: std::borrow::Cow<'a, str>,
        }
        let kind = serde_json::from_str::<TypeOnly>(line)?.kind;
        Ok(Some(match kind.as_ref() {
            "document" => Record::Document(serde_json::from_str(line)?),
            "actor" => Record::Actor(serde_json::from_str(line)?),
            "time" => Record::Time(serde_json::from_str(line)?),
            "quote" => Record::Quote(serde_json::from_str(line)?),
            "event" => Record::Event(serde_json::from_str(line)?),
            "claim" => Record::Claim(serde_json::from_str(line)?),
            _ => return Ok(None),
        }))
    }

    pub fn doc_id(&self) -> &str {
        match self {
            Record::Document(r) => &r.doc_id,
            Record::Actor(r) => &r.doc_id,
            Record::Time(r) => &r.doc_id,
            Record::Quote(r) => &r.doc_id,
            Record::Event(r) => &r.doc_id,
            Record::Claim(r) => &r.doc_id,
        }
    }
}

/// `{"type":"document", ...}`: one per input document, before its other records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub doc_id: String,
    pub title: Option<String>,
    /// The publication date as the input gave it.
    pub date: Option<String>,
    /// The publication (wire service, newspaper).
    pub source: Option<String>,
    pub url: Option<String>,
    #[serde(default = "english")]
    pub lang: String,
    /// SHA-256 of the body, hex: the document's identity in the store.
    pub sha256: String,
    #[serde(default)]
    pub bytes: u64,
    #[serde(default)]
    pub sentences: u64,
    #[serde(default)]
    pub tokens: u64,
    /// [`SCHEMA_VERSION`] of the writer; 1 where absent.
    #[serde(default = "version_one")]
    pub schema: u32,
}

fn english() -> String {
    "en".into()
}

fn version_one() -> u32 {
    1
}

/// `{"type":"actor", ...}`: one per mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRecord {
    pub doc_id: String,
    /// `m1`, `m2`, ... in text order.
    pub id: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// CAMEO-style actor code ("AZEGOV", "IGOUNO"); `None` (written "") for a mention
    /// recognised without a code.
    #[serde(default, with = "empty_as_none")]
    pub code: Option<String>,
    /// ISO 3166-1 alpha-3 country.
    pub country: Option<String>,
    /// Sector code: GOV, MIL, COP, ...
    pub sector: Option<String>,
    pub kind: ActorKind,
    /// Canonical name: "Ceyhun Bayramov".
    pub name: Option<String>,
    /// Office or description: "Foreign Minister".
    pub role: Option<String>,
    pub resolved_by: ActorResolution,
    /// The id of the mention this one corefers with.
    #[serde(default)]
    pub antecedent: Option<String>,
}

impl ActorRecord {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// `{"type":"time", ...}`: a time expression and its TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeRecord {
    pub doc_id: String,
    pub id: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// TIMEX3 value: `2025-06-14`, `2021-10`, `199X`, `P35Y`, `2016/2021`.
    #[serde(default)]
    pub value: String,
    pub kind: TimeKind,
    /// The id of the time expression this one was resolved against.
    #[serde(default)]
    pub anchor: Option<String>,
}

impl TimeRecord {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// `{"type":"quote", ...}`: quoted speech and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRecord {
    pub doc_id: String,
    pub id: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<SpeakerRecord>,
    #[serde(default)]
    pub partial: bool,
}

impl QuoteRecord {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Who said a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerRecord {
    pub name: String,
    /// Actor code of the speaker; `None` (written "") until linked to a coded mention.
    #[serde(default, with = "empty_as_none")]
    pub code: Option<String>,
    /// The actor mention id of the speaker, where linked.
    #[serde(default)]
    pub mention: Option<String>,
    pub resolved_by: SpeakerResolution,
    /// Byte span of the speaker's name as written (0, 0 in version 1 records).
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
}

/// `{"type":"event", ...}`: who did what to whom, when, and whether the text says it
/// happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub doc_id: String,
    pub id: String,
    pub source: Option<RoleRecord>,
    pub target: Option<RoleRecord>,
    /// Full CAMEO code: "195".
    pub cameo: CameoCode,
    pub root: Root,
    pub plover: Option<PloverType>,
    pub quad_class: QuadClass,
    /// Goldstein scale, -10 to +10.
    #[serde(default)]
    pub goldstein: f32,
    /// ISO 8601 (partial) date: "2025-06-13", "2023", "199X".
    pub date: Option<String>,
    pub date_precision: Option<DatePrecision>,
    #[serde(default = "document_date")]
    pub date_source: DateSource,
    #[serde(default)]
    pub negated: bool,
    #[serde(default = "asserted")]
    pub modality: Modality,
    pub trigger: SpanText,
    pub evidence: SpanText,
    pub quote_id: Option<String>,
    #[serde(default)]
    pub confidence: f32,
    /// Where the text says the event took place (since version 3); `None` (written null)
    /// when it says nothing the gazetteer or the dictionaries know.
    #[serde(default)]
    pub location: Option<LocationRecord>,
}

fn document_date() -> DateSource {
    DateSource::Document
}

fn asserted() -> Modality {
    Modality::Asserted
}

impl EventRecord {
    /// The text says it happened ([`crate::is_factual`]).
    pub fn is_factual(&self) -> bool {
        crate::is_factual(self.negated, self.modality)
    }
}

/// An actor in an event role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleRecord {
    /// CAMEO actor code ("ISRMIL"; the country where the mention has no fuller code).
    #[serde(default)]
    pub code: String,
    /// ISO 3166-1 alpha-3 country (or IGO); `None` (written "") when none.
    #[serde(default, with = "empty_as_none")]
    pub country: Option<String>,
    /// The mention as written.
    #[serde(default)]
    pub text: String,
    /// The actor mention id.
    pub mention: Option<String>,
}

/// Where an event took place: a place named in the text, its country and, for a place of
/// the gazetteer, its coordinates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationRecord {
    /// The place as written ("Kherson", "Syria", "KABUL").
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// ISO 3166-1 alpha-3 country, as in actor records (Kosovo `KSV`).
    pub country: String,
    /// WGS84 degrees, where the gazetteer has the place; `None` for a country or a region
    /// of the dictionary (no centroid is made up).
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: LocationPrecision,
    /// The GeoNames id of the place, where it is one.
    #[serde(default)]
    pub geonames: Option<u32>,
    /// The actor mention id of the place, where the actors stage found it as a mention.
    #[serde(default)]
    pub mention: Option<String>,
    pub resolved_by: LocationResolution,
}

impl LocationRecord {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A span of the body with its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpanText {
    #[serde(default)]
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl SpanText {
    /// The span of `body`, text included ("" when the span does not fit the body).
    pub fn of(body: &str, span: Span) -> SpanText {
        SpanText {
            text: span.text(body).to_string(),
            start: span.start,
            end: span.end,
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// `{"type":"claim", ...}`: a quantity, what it measures, and on whose authority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub doc_id: String,
    pub id: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Actor code (country) of what the quantity is about; `None` (written "") when it is
    /// not an actor.
    #[serde(default, with = "empty_as_none")]
    pub subject: Option<String>,
    #[serde(default)]
    pub subject_text: Option<String>,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub quantity: Option<Quantity>,
    pub qualifier: Option<String>,
    pub measure: Option<String>,
    /// TIMEX3 value of the period the claim's sentence names.
    pub period: Option<String>,
    pub source: Option<ClaimSourceRecord>,
}

impl ClaimRecord {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Who is cited for a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimSourceRecord {
    pub name: Option<String>,
    /// Actor code of the source; `None` (written "") where unlinked.
    #[serde(default, with = "empty_as_none")]
    pub code: Option<String>,
    #[serde(default)]
    pub mention: Option<String>,
    /// "according to", "said", or "quote" for a quote's speaker.
    pub cue: Option<String>,
}

/// Serde for fields whose "no value" the contract writes as `""`: `None` is written
/// `""`, and `""` or `null` read as `None`.
pub mod empty_as_none {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(v.as_deref().unwrap_or(""))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        let v = Option::<String>::deserialize(d)?;
        Ok(v.filter(|s| !s.is_empty()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENT: &str = r#"{"type":"event","doc_id":"d","id":"e1","source":{"code":"ISRMIL","country":"ISR","text":"Israel","mention":"m3"},"target":{"code":"IRN","country":"","text":"Iranian sites","mention":"m4"},"cameo":"195","root":"19","plover":"ASSAULT","quad_class":4,"goldstein":-10.0,"date":"2025-06-13","date_precision":"day","date_source":"text","negated":false,"modality":"asserted","trigger":{"text":"barrage","start":4,"end":11},"evidence":{"text":"The barrage.","start":0,"end":12},"quote_id":null,"confidence":0.82,"location":{"text":"Natanz","start":30,"end":36,"country":"IRN","lat":33.5112,"lon":51.9167,"precision":"place","geonames":123,"mention":"m5","resolved_by":"clause"}}"#;

    #[test]
    fn an_event_line_reads_into_types_and_writes_back_byte_for_byte() {
        let Some(Record::Event(e)) = Record::from_json(EVENT).unwrap() else {
            panic!("not an event")
        };
        assert_eq!(e.cameo.as_str(), "195");
        assert_eq!(e.root.number(), 19);
        assert_eq!(e.quad_class, QuadClass::MaterialConflict);
        assert_eq!(e.plover, Some(PloverType::Assault));
        assert_eq!(
            e.target.as_ref().unwrap().country,
            None,
            "\"\" is no country"
        );
        assert!(e.is_factual());
        let at = e.location.as_ref().unwrap();
        assert_eq!(
            (at.country.as_str(), at.precision),
            ("IRN", LocationPrecision::Place)
        );
        assert_eq!(Record::Event(e).to_json(), EVENT);
    }

    #[test]
    fn version_two_events_have_no_location_and_a_country_has_no_coordinates() {
        let old = EVENT[..EVENT.find(r#","location""#).unwrap()].to_string() + "}";
        let Some(Record::Event(e)) = Record::from_json(&old).unwrap() else {
            panic!("not an event")
        };
        assert_eq!(e.location, None);
        assert!(Record::Event(e).to_json().ends_with(r#""location":null}"#));
        let country = EVENT.replace(
            r#""lat":33.5112,"lon":51.9167,"precision":"place","geonames":123"#,
            r#""lat":null,"lon":null,"precision":"country""#,
        );
        let Some(Record::Event(e)) = Record::from_json(&country).unwrap() else {
            panic!("not an event")
        };
        let at = e.location.unwrap();
        assert_eq!(
            (at.lat, at.geonames, at.precision),
            (None, None, LocationPrecision::Country)
        );
        let bad = EVENT.replace(r#""resolved_by":"clause""#, r#""resolved_by":"guess""#);
        assert!(Record::from_json(&bad).is_err());
    }

    #[test]
    fn unknown_types_are_skipped_and_bad_values_are_errors() {
        assert_eq!(
            Record::from_json(r#"{"type":"location","doc_id":"d"}"#).unwrap(),
            None
        );
        let bad = EVENT.replace("\"asserted\"", "\"asertted\"");
        let e = Record::from_json(&bad).unwrap_err().to_string();
        assert!(e.contains("expected asserted, reported"), "{e}");
        let bad = EVENT.replace("\"cameo\":\"195\"", "\"cameo\":\"995\"");
        assert!(Record::from_json(&bad).is_err());
    }

    #[test]
    fn version_one_documents_read_with_defaults() {
        let line = r#"{"type":"document","doc_id":"seed","title":null,"date":"2025-06-18","source":null,"url":null,"lang":"en","sha256":"ab","bytes":7600,"sentences":42}"#;
        let Some(Record::Document(d)) = Record::from_json(line).unwrap() else {
            panic!()
        };
        assert_eq!((d.schema, d.tokens, d.bytes), (1, 0, 7600));
    }
}
