//! The JSON Lines records of `SCHEMA.md`. Field names and meanings are a contract with
//! tools outside the project: add fields, never rename them.

use serde::Serialize;

use crate::{AnalyzedDocument, Reading};

/// `{"type":"document", ...}`: one per input document.
#[derive(Debug, Serialize)]
pub struct DocumentRecord<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub doc_id: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub source: Option<&'a str>,
    pub url: Option<&'a str>,
    pub lang: &'a str,
    pub sha256: String,
    pub bytes: usize,
    pub sentences: usize,
    pub tokens: usize,
}

impl<'a> DocumentRecord<'a> {
    pub fn new(a: &AnalyzedDocument<'a, '_>) -> Self {
        let d = a.doc;
        DocumentRecord {
            kind: "document",
            doc_id: &d.id,
            title: d.title.as_deref(),
            date: d.date.as_deref(),
            source: d.source.as_deref(),
            url: d.url.as_deref(),
            lang: d.lang.as_deref().unwrap_or("en"),
            sha256: d.sha256(),
            bytes: d.text.len(),
            sentences: a.sentences.len(),
            tokens: a.n_tokens(),
        }
    }
}

/// `{"type":"time", ...}`: a time expression and its TIMEX3 value.
#[derive(Debug, Serialize)]
pub struct TimeRecord<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub doc_id: &'a str,
    pub id: String,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub value: &'a str,
    #[serde(rename = "kind")]
    pub time_kind: aras_time::TimeKind,
    /// The id of the time expression this one was resolved against.
    pub anchor: Option<String>,
}

/// `{"type":"quote", ...}`: quoted speech and who said it.
#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub doc_id: &'a str,
    pub id: String,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<SpeakerRecord<'a>>,
    pub partial: bool,
}

#[derive(Debug, Serialize)]
pub struct SpeakerRecord<'a> {
    pub name: &'a str,
    /// Actor code of the speaker; "" until the speaker is linked to a coded mention.
    pub code: &'a str,
    /// The actor mention id of the speaker, where linked.
    pub mention: Option<String>,
    pub resolved_by: aras_quotes::ResolvedBy,
    pub start: usize,
    pub end: usize,
}

fn push_json<T: Serialize>(record: &T, out: &mut String) {
    // Records are plain strings, numbers and enums: serialising them cannot fail.
    out.push_str(&serde_json::to_string(record).expect("record serialises"));
    out.push('\n');
}

/// Appends every record of a document, one JSON object a line: the document first, then
/// times and quotes in text order.
pub fn write_jsonl(r: &Reading<'_, '_>, out: &mut String) {
    let doc_id = r.analyzed.doc.id.as_str();
    push_json(&DocumentRecord::new(&r.analyzed), out);
    for (i, t) in r.times.iter().enumerate() {
        let rec = TimeRecord {
            kind: "time",
            doc_id,
            id: format!("t{}", i + 1),
            text: &t.text,
            start: t.start,
            end: t.end,
            value: &t.value,
            time_kind: t.kind,
            anchor: t.anchor.map(|a| format!("t{}", a + 1)),
        };
        push_json(&rec, out);
    }
    for (i, q) in r.quotes.iter().enumerate() {
        let rec = QuoteRecord {
            kind: "quote",
            doc_id,
            id: format!("q{}", i + 1),
            text: &q.text,
            start: q.start,
            end: q.end,
            speaker: q.speaker.as_ref().map(|s| SpeakerRecord {
                name: &s.name,
                code: "",
                mention: None,
                resolved_by: s.resolved_by,
                start: s.start,
                end: s.end,
            }),
            partial: q.partial,
        };
        push_json(&rec, out);
    }
}
