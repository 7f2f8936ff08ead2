//! The JSON Lines records of `SCHEMA.md`. Field names and meanings are a contract with
//! tools outside the project: add fields, never rename them.

use serde::Serialize;

use crate::link::{mention_at, period_for, quote_at, speaker_mention};
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

/// What every record but `document` starts with: its type, document, id and the span of
/// the body it stands on.
#[derive(Debug, Serialize)]
pub struct Head<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub doc_id: &'a str,
    pub id: String,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// `{"type":"time", ...}`: a time expression and its TIMEX3 value.
#[derive(Debug, Serialize)]
pub struct TimeRecord<'a> {
    #[serde(flatten)]
    pub head: Head<'a>,
    pub value: &'a str,
    #[serde(rename = "kind")]
    pub time_kind: aras_time::TimeKind,
    /// The id of the time expression this one was resolved against.
    pub anchor: Option<String>,
}

/// `{"type":"quote", ...}`: quoted speech and who said it.
#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    #[serde(flatten)]
    pub head: Head<'a>,
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

/// `{"type":"actor", ...}`: one per mention.
#[derive(Debug, Serialize)]
pub struct ActorRecord<'a> {
    #[serde(flatten)]
    pub head: Head<'a>,
    pub code: &'a str,
    pub country: Option<&'a str>,
    pub sector: Option<&'a str>,
    #[serde(rename = "kind")]
    pub actor_kind: aras_actors::Kind,
    pub name: Option<&'a str>,
    pub role: Option<&'a str>,
    pub resolved_by: aras_actors::ResolvedBy,
    /// The mention this one corefers with.
    pub antecedent: Option<String>,
}

/// `{"type":"event", ...}`: who did what to whom, when, and whether the text says it
/// happened.
#[derive(Debug, Serialize)]
pub struct EventRecord<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub doc_id: &'a str,
    pub id: String,
    pub source: Option<RoleRecord<'a>>,
    pub target: Option<RoleRecord<'a>>,
    pub cameo: &'a str,
    pub root: &'a str,
    pub plover: &'a str,
    pub quad_class: u8,
    pub goldstein: f32,
    pub date: Option<&'a str>,
    pub date_precision: Option<&'a str>,
    pub date_source: aras_events::DateSource,
    pub negated: bool,
    pub modality: aras_events::Modality,
    pub trigger: SpanRecord<'a>,
    pub evidence: SpanRecord<'a>,
    pub quote_id: Option<String>,
    pub confidence: f32,
}

#[derive(Debug, Serialize)]
pub struct RoleRecord<'a> {
    pub code: &'a str,
    pub country: &'a str,
    pub text: &'a str,
    pub mention: String,
}

#[derive(Debug, Serialize)]
pub struct SpanRecord<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl<'a> SpanRecord<'a> {
    fn new(body: &'a str, (start, end): (usize, usize)) -> Self {
        SpanRecord {
            text: body.get(start..end).unwrap_or(""),
            start,
            end,
        }
    }
}

/// `{"type":"claim", ...}`: a quantity, what it measures, and on whose authority.
#[derive(Debug, Serialize)]
pub struct ClaimRecord<'a> {
    #[serde(flatten)]
    pub head: Head<'a>,
    /// Actor code of what the quantity is about ("" where it is not an actor).
    pub subject: String,
    pub subject_text: Option<&'a str>,
    pub value: &'a str,
    pub quantity: &'a aras_claims::Quantity,
    pub qualifier: Option<&'a str>,
    pub measure: Option<&'a str>,
    /// TIMEX3 value of the period the claim's sentence names.
    pub period: Option<&'a str>,
    pub source: Option<ClaimSourceRecord<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ClaimSourceRecord<'a> {
    pub name: &'a str,
    pub code: &'a str,
    pub mention: Option<String>,
    /// How the source is cited: "according to", "said", or "quote" for a quote's speaker.
    pub cue: &'a str,
}

fn mention_id(i: usize) -> String {
    format!("m{}", i + 1)
}

/// The actor code and mention id of a quote's speaker ("" and none where unlinked).
fn speaker_code<'r>(r: &'r Reading<'_, '_>, s: &aras_quotes::Speaker) -> (&'r str, Option<String>) {
    let m = speaker_mention(&r.actors, s.start, s.end, &s.name);
    (
        m.map_or("", |i| r.actors[i].code.as_str()),
        m.map(mention_id),
    )
}

fn push_json<T: Serialize>(record: &T, out: &mut String) {
    // Records are plain strings, numbers and enums: serialising them cannot fail.
    out.push_str(&serde_json::to_string(record).expect("record serialises"));
    out.push('\n');
}

/// Appends every record of a document, one JSON object a line: the document first, then
/// actors, times, quotes, events and claims, each in text order.
pub fn write_jsonl<'a>(r: &'a Reading<'_, '_>, out: &mut String) {
    let doc_id = r.analyzed.doc.id.as_str();
    let body = r.analyzed.doc.text.as_str();
    push_json(&DocumentRecord::new(&r.analyzed), out);
    for (i, m) in r.actors.iter().enumerate() {
        let rec = ActorRecord {
            head: Head {
                kind: "actor",
                doc_id,
                id: mention_id(i),
                text: &m.text,
                start: m.start,
                end: m.end,
            },
            code: &m.code,
            country: m.country.as_deref(),
            sector: m.sector.as_deref(),
            actor_kind: m.kind,
            name: m.name.as_deref(),
            role: m.role.as_deref(),
            resolved_by: m.resolved_by,
            antecedent: m.antecedent.map(mention_id),
        };
        push_json(&rec, out);
    }
    for (i, t) in r.times.iter().enumerate() {
        let rec = TimeRecord {
            head: Head {
                kind: "time",
                doc_id,
                id: format!("t{}", i + 1),
                text: &t.text,
                start: t.start,
                end: t.end,
            },
            value: &t.value,
            time_kind: t.kind,
            anchor: t.anchor.map(|a| format!("t{}", a + 1)),
        };
        push_json(&rec, out);
    }
    for (i, q) in r.quotes.iter().enumerate() {
        let rec = QuoteRecord {
            head: Head {
                kind: "quote",
                doc_id,
                id: format!("q{}", i + 1),
                text: &q.text,
                start: q.start,
                end: q.end,
            },
            speaker: q.speaker.as_ref().map(|s| {
                let (code, mention) = speaker_code(r, s);
                SpeakerRecord {
                    name: &s.name,
                    code,
                    mention,
                    resolved_by: s.resolved_by,
                    start: s.start,
                    end: s.end,
                }
            }),
            partial: q.partial,
        };
        push_json(&rec, out);
    }
    for (i, e) in r.events.iter().enumerate() {
        let role = |role: &'a Option<aras_events::Role>| {
            role.as_ref().map(|x| RoleRecord {
                code: &x.code,
                country: &x.country,
                text: &x.text,
                mention: mention_id(x.mention),
            })
        };
        let rec = EventRecord {
            kind: "event",
            doc_id,
            id: format!("e{}", i + 1),
            source: role(&e.source),
            target: role(&e.target),
            cameo: &e.cameo,
            root: &e.root,
            plover: &e.plover,
            quad_class: e.quad_class,
            goldstein: e.goldstein,
            date: e.date.as_deref(),
            date_precision: e.date_precision.as_deref(),
            date_source: e.date_source,
            negated: e.negated,
            modality: e.modality,
            trigger: SpanRecord::new(body, e.trigger),
            evidence: SpanRecord::new(body, e.evidence),
            quote_id: e.quote.map(|q| format!("q{}", q + 1)),
            confidence: e.confidence,
        };
        push_json(&rec, out);
    }
    for (i, c) in r.claims.iter().enumerate() {
        let subject = c
            .subject_span
            .and_then(|(s, e)| mention_at(&r.actors, s, e))
            .map(|m| {
                let m = &r.actors[m];
                m.country.clone().unwrap_or_else(|| m.code.clone())
            })
            .unwrap_or_default();
        let source = match &c.source {
            Some(src) => {
                let m = mention_at(&r.actors, src.start, src.end);
                Some(ClaimSourceRecord {
                    name: &src.name,
                    code: m.map_or("", |i| r.actors[i].code.as_str()),
                    mention: m.map(mention_id),
                    cue: &src.cue,
                })
            }
            // A number inside a direct quote is the speaker's claim.
            None => quote_at(&r.quotes, c.value_span.0)
                .and_then(|q| q.speaker.as_ref())
                .map(|s| {
                    let (code, mention) = speaker_code(r, s);
                    ClaimSourceRecord {
                        name: &s.name,
                        code,
                        mention,
                        cue: "quote",
                    }
                }),
        };
        let rec = ClaimRecord {
            head: Head {
                kind: "claim",
                doc_id,
                id: format!("c{}", i + 1),
                text: &c.text,
                start: c.start,
                end: c.end,
            },
            subject,
            subject_text: c.subject_span.and_then(|(s, e)| body.get(s..e)),
            value: &c.value,
            quantity: &c.quantity,
            qualifier: c.qualifier.as_deref(),
            measure: c.measure.as_deref(),
            period: period_for(&r.analyzed.sentences, &r.times, c.start)
                .map(|t| r.times[t].value.as_str()),
            source,
        };
        push_json(&rec, out);
    }
}
