//! The facade over aras's stages: one call turns an ingested [`Document`] into its
//! analysed sentences, and the output modules render them as the records of `SCHEMA.md`
//! or as CoNLL-U. Each stage is a pure function of the previous one's data, so documents
//! can be processed in parallel by the caller.

pub mod conllu_out;
pub mod records;

use aras_ingest::Document;
use aras_nlp::model::{Analysis, AnalyzeScratch, Model};
use aras_text::Sentence;

/// A sentence with its tokens (byte spans in the body) and their syntax.
#[derive(Debug, Clone)]
pub struct AnalyzedSentence<'m> {
    pub span: Sentence,
    pub syntax: Analysis<'m>,
}

/// A document and what the pipeline read in it.
#[derive(Debug, Clone)]
pub struct AnalyzedDocument<'d, 'm> {
    pub doc: &'d Document,
    pub sentences: Vec<AnalyzedSentence<'m>>,
}

impl AnalyzedDocument<'_, '_> {
    /// Number of tokens over all sentences.
    pub fn n_tokens(&self) -> usize {
        self.sentences.iter().map(|s| s.span.tokens.len()).sum()
    }
}

/// Segments, tags and parses one document.
pub fn analyze<'d, 'm>(model: &'m Model, doc: &'d Document) -> AnalyzedDocument<'d, 'm> {
    let body = doc.text.as_str();
    let mut words: Vec<&str> = Vec::new();
    let mut scratch = AnalyzeScratch::default();
    let sentences = aras_text::segment(body)
        .into_iter()
        .map(|span| {
            words.clear();
            words.extend(span.tokens.iter().map(|t| t.text(body)));
            let syntax = model.analyze_with(&words, &mut scratch);
            AnalyzedSentence { span, syntax }
        })
        .collect();
    AnalyzedDocument { doc, sentences }
}
