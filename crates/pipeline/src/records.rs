//! The JSON Lines records of `SCHEMA.md`. Field names and meanings are a contract with
//! tools outside the project: add fields, never rename them.

use serde::Serialize;

use crate::AnalyzedDocument;

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

/// Appends every record of an analysed document, one JSON object a line.
pub fn write_jsonl(a: &AnalyzedDocument<'_, '_>, out: &mut String) {
    // Serialising a struct of strings and numbers cannot fail.
    let line = serde_json::to_string(&DocumentRecord::new(a)).expect("record serialises");
    out.push_str(&line);
    out.push('\n');
}
