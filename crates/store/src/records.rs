//! One analysed document as the store takes it: the body plus the records of SCHEMA.md
//! that `aras analyze` writes for it. The store reads the JSON Lines contract rather than
//! the pipeline's Rust types, so whatever `analyze` writes (now or in a saved file) is
//! what gets stored, and each record's JSON is kept whole beside its columns.

use serde::Deserialize;

use crate::StoreError;

/// A document's records, parsed, each with its JSON line.
#[derive(Debug, Clone)]
pub struct DocumentRecords {
    pub body: String,
    pub document: Stored<DocumentRec>,
    pub actors: Vec<Stored<ActorRec>>,
    pub times: Vec<Stored<TimeRec>>,
    pub quotes: Vec<Stored<QuoteRec>>,
    pub events: Vec<Stored<EventRec>>,
    pub claims: Vec<Stored<ClaimRec>>,
}

/// A parsed record and the JSON line it came from.
#[derive(Debug, Clone)]
pub struct Stored<T> {
    pub rec: T,
    pub json: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DocumentRec {
    pub doc_id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub sha256: String,
    #[serde(default)]
    pub bytes: u64,
    #[serde(default)]
    pub sentences: u64,
    #[serde(default)]
    pub tokens: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ActorRec {
    pub id: String,
    pub text: String,
    pub start: u64,
    pub end: u64,
    #[serde(default)]
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub kind: Option<String>,
    pub name: Option<String>,
    pub role: Option<String>,
    pub resolved_by: Option<String>,
    pub antecedent: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TimeRec {
    pub id: String,
    pub text: String,
    pub start: u64,
    pub end: u64,
    #[serde(default)]
    pub value: String,
    pub kind: Option<String>,
    pub anchor: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct QuoteRec {
    pub id: String,
    pub text: String,
    pub start: u64,
    pub end: u64,
    pub speaker: Option<SpeakerRec>,
    #[serde(default)]
    pub partial: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SpeakerRec {
    pub name: Option<String>,
    #[serde(default)]
    pub code: String,
    pub mention: Option<String>,
    pub resolved_by: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EventRec {
    pub id: String,
    pub source: Option<RoleRec>,
    pub target: Option<RoleRec>,
    pub cameo: String,
    pub root: String,
    #[serde(default)]
    pub plover: String,
    #[serde(default)]
    pub quad_class: u8,
    #[serde(default)]
    pub goldstein: f64,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    #[serde(default = "document_date_source")]
    pub date_source: String,
    #[serde(default)]
    pub negated: bool,
    #[serde(default = "asserted")]
    pub modality: String,
    pub trigger: SpanRec,
    pub evidence: SpanRec,
    pub quote_id: Option<String>,
    #[serde(default)]
    pub confidence: f64,
}

fn document_date_source() -> String {
    "document".into()
}
fn asserted() -> String {
    "asserted".into()
}

impl EventRec {
    /// The text says it happened: asserted or reported, and not negated (SCHEMA.md).
    pub fn is_factual(&self) -> bool {
        !self.negated && (self.modality == "asserted" || self.modality == "reported")
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RoleRec {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub text: String,
    pub mention: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SpanRec {
    #[serde(default)]
    pub text: String,
    pub start: u64,
    pub end: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ClaimRec {
    pub id: String,
    pub text: String,
    pub start: u64,
    pub end: u64,
    #[serde(default)]
    pub subject: String,
    pub subject_text: Option<String>,
    #[serde(default)]
    pub value: String,
    pub qualifier: Option<String>,
    pub measure: Option<String>,
    pub period: Option<String>,
    pub source: Option<ClaimSourceRec>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ClaimSourceRec {
    pub name: Option<String>,
    #[serde(default)]
    pub code: String,
    pub mention: Option<String>,
    pub cue: Option<String>,
}

#[derive(Deserialize)]
struct TypeOnly {
    #[serde(rename = "type")]
    kind: String,
}

impl DocumentRecords {
    /// Parses the JSON Lines `aras analyze` writes for one document (the `document`
    /// record first or anywhere; unknown record types are ignored, as SCHEMA.md allows
    /// new ones).
    pub fn from_jsonl(body: impl Into<String>, jsonl: &str) -> Result<Self, StoreError> {
        let mut document = None;
        let (mut actors, mut times, mut quotes, mut events, mut claims) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (i, line) in jsonl.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let bad = |e: serde_json::Error| StoreError::Record {
                line: i + 1,
                message: e.to_string(),
            };
            let kind = serde_json::from_str::<TypeOnly>(line).map_err(bad)?.kind;
            macro_rules! push {
                ($list:ident) => {
                    $list.push(Stored {
                        rec: serde_json::from_str(line).map_err(bad)?,
                        json: line.to_string(),
                    })
                };
            }
            match kind.as_str() {
                "document" => {
                    document = Some(Stored {
                        rec: serde_json::from_str(line).map_err(bad)?,
                        json: line.to_string(),
                    })
                }
                "actor" => push!(actors),
                "time" => push!(times),
                "quote" => push!(quotes),
                "event" => push!(events),
                "claim" => push!(claims),
                _ => {}
            }
        }
        let document = document.ok_or(StoreError::Record {
            line: 0,
            message: "no document record".into(),
        })?;
        Ok(DocumentRecords {
            body: body.into(),
            document,
            actors,
            times,
            quotes,
            events,
            claims,
        })
    }

    /// The publication day (`YYYY-MM-DD`) of the document's metadata date, if it has one.
    pub fn published(&self) -> Option<jiff::civil::Date> {
        self.document
            .rec
            .date
            .as_deref()
            .and_then(|d| d.get(..10))
            .and_then(|d| d.parse().ok())
    }
}
