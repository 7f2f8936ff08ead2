//! The JSON Lines records of `SCHEMA.md`, built from a [`Reading`] with the record types of
//! `aras-schema` (the same types the store reads back).

use aras_schema::{
    ActorRecord, ClaimRecord, ClaimSourceRecord, DocumentRecord, EventRecord, LocationRecord,
    QuoteRecord, Record, RoleRecord, SpanText, SpeakerRecord, TimeRecord, SCHEMA_VERSION,
};

use crate::link::{mention_at, period_for, quote_at, speaker_mention};
use crate::{AnalyzedDocument, Reading};

impl AnalyzedDocument<'_, '_> {
    /// The `document` record.
    pub fn document_record(&self) -> DocumentRecord {
        let d = self.doc;
        DocumentRecord {
            doc_id: d.id.clone(),
            title: d.title.clone(),
            date: d.date.clone(),
            source: d.source.clone(),
            url: d.url.clone(),
            lang: d.lang.clone().unwrap_or_else(|| "en".into()),
            sha256: d.sha256(),
            bytes: d.text.len() as u64,
            sentences: self.sentences.len() as u64,
            tokens: self.n_tokens() as u64,
            schema: SCHEMA_VERSION,
        }
    }
}

fn mention_id(i: usize) -> String {
    format!("m{}", i + 1)
}

fn nonempty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// The actor code and mention id of a quote's speaker (none where unlinked).
fn speaker_code(r: &Reading<'_, '_>, s: &aras_quotes::Speaker) -> (Option<String>, Option<String>) {
    let m = speaker_mention(&r.actors, s.start, s.end, &s.name);
    (
        m.and_then(|i| nonempty(&r.actors[i].code)),
        m.map(mention_id),
    )
}

/// Every record of a document in output order: the document first, then actors, times,
/// quotes, events and claims, each in text order.
pub fn records(r: &Reading<'_, '_>) -> Vec<Record> {
    let doc_id = r.analyzed.doc.id.as_str();
    let body = r.analyzed.doc.text.as_str();
    let mut out = Vec::with_capacity(
        1 + r.actors.len() + r.times.len() + r.quotes.len() + r.events.len() + r.claims.len(),
    );
    out.push(Record::Document(r.analyzed.document_record()));
    for (i, m) in r.actors.iter().enumerate() {
        out.push(Record::Actor(ActorRecord {
            doc_id: doc_id.to_string(),
            id: mention_id(i),
            text: m.text.clone(),
            start: m.start,
            end: m.end,
            code: nonempty(&m.code),
            country: m.country.clone(),
            sector: m.sector.clone(),
            kind: m.kind,
            name: m.name.clone(),
            role: m.role.clone(),
            resolved_by: m.resolved_by,
            antecedent: m.antecedent.map(mention_id),
        }));
    }
    for (i, t) in r.times.iter().enumerate() {
        out.push(Record::Time(TimeRecord {
            doc_id: doc_id.to_string(),
            id: format!("t{}", i + 1),
            text: t.text.clone(),
            start: t.start,
            end: t.end,
            value: t.value.clone(),
            kind: t.kind,
            anchor: t.anchor.map(|a| format!("t{}", a + 1)),
        }));
    }
    for (i, q) in r.quotes.iter().enumerate() {
        out.push(Record::Quote(QuoteRecord {
            doc_id: doc_id.to_string(),
            id: format!("q{}", i + 1),
            text: q.text.clone(),
            start: q.start,
            end: q.end,
            speaker: q.speaker.as_ref().map(|s| {
                let (code, mention) = speaker_code(r, s);
                SpeakerRecord {
                    name: s.name.clone(),
                    code,
                    mention,
                    resolved_by: s.resolved_by,
                    start: s.start,
                    end: s.end,
                }
            }),
            partial: q.partial,
        }));
    }
    for (i, e) in r.events.iter().enumerate() {
        let role = |role: &Option<aras_events::Role>| {
            role.as_ref().map(|x| RoleRecord {
                code: x.code.clone(),
                country: nonempty(&x.country),
                text: x.text.clone(),
                mention: Some(mention_id(x.mention)),
            })
        };
        out.push(Record::Event(EventRecord {
            doc_id: doc_id.to_string(),
            id: format!("e{}", i + 1),
            source: role(&e.source),
            target: role(&e.target),
            cameo: e.cameo,
            root: e.cameo.root(),
            plover: Some(e.plover),
            quad_class: e.quad_class,
            goldstein: e.goldstein,
            date: e.date.clone(),
            date_precision: e.date_precision,
            date_source: e.date_source,
            negated: e.negated,
            modality: e.modality,
            trigger: SpanText::of(body, e.trigger),
            evidence: SpanText::of(body, e.evidence),
            quote_id: e.quote.map(|q| format!("q{}", q + 1)),
            // The coder adds f32 steps (0.4 + 0.2 + 0.2 + 0.1 is 0.90000004): the
            // confidence has two decimals, and is written with two.
            confidence: aras_schema::numbers::round_f32(
                e.confidence,
                aras_schema::numbers::CONFIDENCE_DECIMALS,
            ),
            location: e.location.as_ref().map(|l| LocationRecord {
                text: l.span.text(body).to_string(),
                start: l.span.start,
                end: l.span.end,
                country: l.country.clone(),
                lat: l.lat,
                lon: l.lon,
                precision: l.precision,
                geonames: l.geonames,
                mention: l.mention.map(mention_id),
                resolved_by: l.resolved_by,
            }),
        }));
    }
    for (i, c) in r.claims.iter().enumerate() {
        let subject = c
            .subject_span
            .and_then(|(s, e)| mention_at(&r.actors, s, e))
            .and_then(|m| {
                let m = &r.actors[m];
                m.country.clone().or_else(|| nonempty(&m.code))
            });
        let source = match &c.source {
            Some(src) => {
                let m = mention_at(&r.actors, src.start, src.end);
                Some(ClaimSourceRecord {
                    name: Some(src.name.clone()),
                    code: m.and_then(|i| nonempty(&r.actors[i].code)),
                    mention: m.map(mention_id),
                    cue: Some(src.cue.clone()),
                })
            }
            // A number inside a direct quote is the speaker's claim.
            None => quote_at(&r.quotes, c.value_span.0)
                .and_then(|q| q.speaker.as_ref())
                .map(|s| {
                    let (code, mention) = speaker_code(r, s);
                    ClaimSourceRecord {
                        name: Some(s.name.clone()),
                        code,
                        mention,
                        cue: Some("quote".into()),
                    }
                }),
        };
        out.push(Record::Claim(ClaimRecord {
            doc_id: doc_id.to_string(),
            id: format!("c{}", i + 1),
            text: c.text.clone(),
            start: c.start,
            end: c.end,
            subject,
            subject_text: c
                .subject_span
                .and_then(|(s, e)| body.get(s..e))
                .map(str::to_string),
            value: c.value.clone(),
            quantity: Some(c.quantity.clone()),
            qualifier: c.qualifier.clone(),
            measure: c.measure.clone(),
            period: period_for(&r.analyzed.sentences, &r.times, c.start)
                .map(|t| r.times[t].value.clone()),
            source,
        }));
    }
    out
}

/// Appends every record of a document to `out`, one JSON object a line ([`records`]).
pub fn write_jsonl(r: &Reading<'_, '_>, out: &mut String) {
    for rec in records(r) {
        out.push_str(&rec.to_json());
        out.push('\n');
    }
}
