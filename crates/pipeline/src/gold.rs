//! Scoring against hand-annotated gold files (the format of `../shared/gold/ANNOTATING.md`,
//! read by `../shared/tools/score.py`), for `aras eval gold`.
//!
//! The matching rules are score.py's, so the figures agree with it document for
//! document (a test checks this where Python is available): a gold event is found when a
//! factual predicted event has its evidence starting on one of the gold lines, its source
//! country in `source`, its target country in `target` (`null` there accepts no target;
//! `symmetric` either direction) and its root in `roots`. The precision floor is
//! score.py's: predicted factual events matched by some gold event (each gold event
//! claims one), over all predicted factual events. Sums are micro: found over required,
//! summed over documents.
//!
//! A gold file names its text with `text_ref` (`{"path": P}`, a text file with optional
//! front matter, or `{"path": P, "id": I}`, the line of a JSON Lines file with that `id`;
//! P relative to the shared data folder) or, as the seed's does, `text_file` (relative to
//! the folder above the gold file's folder).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use aras_ingest::Document;
use aras_schema::{EventRecord, Record, Root};
use serde::Deserialize;

use crate::Engine;

/// A gold file, as far as scoring reads it.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    pub doc_id: String,
    pub doc_date: Option<String>,
    #[serde(default)]
    pub text_ref: Option<TextRef>,
    #[serde(default)]
    pub text_file: Option<String>,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
    #[serde(default)]
    pub negatives: Vec<GoldNegative>,
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    #[serde(default)]
    pub times: Vec<GoldTime>,
    #[serde(default)]
    pub actors: Vec<GoldActor>,
    #[serde(default)]
    pub actor_negatives: Vec<GoldActorNegative>,
}

/// Where a gold file's text is (relative to the shared data folder).
#[derive(Debug, Clone, Deserialize)]
pub struct TextRef {
    pub path: String,
    #[serde(default)]
    pub id: Option<String>,
}

/// One code or a list of acceptable ones (`null` in a target list: no target).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Codes {
    One(Option<String>),
    Many(Vec<Option<String>>),
}

impl Codes {
    fn list(&self) -> Vec<Option<&str>> {
        match self {
            Codes::One(c) => vec![c.as_deref()],
            Codes::Many(v) => v.iter().map(|c| c.as_deref()).collect(),
        }
    }

    fn accepts(&self, country: Option<&str>) -> bool {
        self.list().contains(&country)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    pub id: String,
    #[serde(default)]
    pub desc: String,
    pub source: Codes,
    pub target: Codes,
    pub roots: Vec<String>,
    pub lines: Vec<usize>,
    pub required: bool,
    #[serde(default)]
    pub symmetric: bool,
    #[serde(default)]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldNegative {
    pub id: String,
    #[serde(default)]
    pub desc: String,
    pub line: usize,
    /// A code, a list of codes, or `*` for any.
    pub source: Codes,
    /// A code or `*` for any.
    pub target: Option<String>,
    pub roots: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub id: String,
    pub line: usize,
    pub starts: String,
    pub speaker: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldTime {
    pub id: String,
    pub line: usize,
    pub text: String,
    pub value: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    pub id: String,
    pub text: String,
    pub code_prefix: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldActorNegative {
    pub id: String,
    pub text: String,
    pub forbid_prefix: String,
    #[serde(default)]
    pub desc: String,
}

/// What can go wrong reading a gold set.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
    #[error("{path}: {message}")]
    Text { path: String, message: String },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> GoldError + '_ {
    move |source| GoldError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Reads a gold file.
pub fn read_gold(path: &Path) -> Result<GoldDoc, GoldError> {
    let text = std::fs::read_to_string(path).map_err(io(path))?;
    serde_json::from_str(&text).map_err(|source| GoldError::Json {
        path: path.display().to_string(),
        source,
    })
}

/// The body of a text file: everything after its front matter, if it has one (as
/// score.py reads it).
fn body_of_text_file(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix("---\n") {
        if let Some(end) = rest.find("\n---\n") {
            return &rest[end + 5..];
        }
    }
    text
}

/// Reads gold files' texts, caching the JSON Lines files they point into.
#[derive(Default)]
pub struct TextSource {
    shared: PathBuf,
    jsonl: HashMap<PathBuf, HashMap<String, String>>,
}

impl TextSource {
    /// Texts under `shared` (the `../shared` folder of the project).
    pub fn new(shared: impl Into<PathBuf>) -> TextSource {
        TextSource {
            shared: shared.into(),
            jsonl: HashMap::new(),
        }
    }

    /// The document body the gold file `gold` (read from `gold_path`) annotates.
    pub fn body(&mut self, gold: &GoldDoc, gold_path: &Path) -> Result<String, GoldError> {
        if let Some(r) = &gold.text_ref {
            let path = self.shared.join(&r.path);
            let Some(id) = &r.id else {
                let text = std::fs::read_to_string(&path).map_err(io(&path))?;
                return Ok(body_of_text_file(&text).to_string());
            };
            if !self.jsonl.contains_key(&path) {
                let text = std::fs::read_to_string(&path).map_err(io(&path))?;
                let mut docs = HashMap::new();
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    #[derive(Deserialize)]
                    struct Line {
                        id: Option<String>,
                        text: String,
                    }
                    let d: Line = serde_json::from_str(line).map_err(|source| GoldError::Json {
                        path: path.display().to_string(),
                        source,
                    })?;
                    if let Some(id) = d.id {
                        docs.insert(id, d.text);
                    }
                }
                self.jsonl.insert(path.clone(), docs);
            }
            return self.jsonl[&path]
                .get(id)
                .cloned()
                .ok_or_else(|| GoldError::Text {
                    path: path.display().to_string(),
                    message: format!("no document with id {id:?}"),
                });
        }
        if let Some(f) = &gold.text_file {
            let base = gold_path
                .parent()
                .and_then(Path::parent)
                .unwrap_or(Path::new("."));
            let path = base.join(f);
            let text = std::fs::read_to_string(&path).map_err(io(&path))?;
            return Ok(body_of_text_file(&text).to_string());
        }
        Err(GoldError::Text {
            path: gold_path.display().to_string(),
            message: "neither text_ref nor text_file".into(),
        })
    }
}

/// The figures of one document (or, summed, of a set).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Tally {
    pub documents: usize,
    pub required: usize,
    pub required_found: usize,
    pub optional: usize,
    pub optional_found: usize,
    /// Predicted factual events.
    pub factual: usize,
    /// Predicted factual events claimed by a gold event (score.py's precision floor numerator).
    pub factual_matched: usize,
    /// Predicted factual events that match some gold event, each counted once (a looser
    /// precision: restatements of a matched event count as right).
    pub factual_matching_any: usize,
    pub negatives: usize,
    pub negatives_violated: usize,
    pub dated: usize,
    pub dated_right: usize,
    pub actors: usize,
    pub actors_found: usize,
    pub actor_negatives_violated: usize,
    pub quotes: usize,
    pub quotes_found: usize,
    pub times: usize,
    pub times_right: usize,
    /// Per root (`"01"`..`"20"`): required events whose first acceptable root it is,
    /// and how many of them were found.
    pub by_root: BTreeMap<String, (usize, usize)>,
}

impl Tally {
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 {
            1.0
        } else {
            a as f64 / b as f64
        }
    }

    pub fn event_recall(&self) -> f64 {
        Tally::ratio(self.required_found, self.required)
    }

    /// score.py's `event_precision_floor` (0 when nothing factual was coded).
    pub fn precision_floor(&self) -> f64 {
        if self.factual == 0 {
            0.0
        } else {
            self.factual_matched as f64 / self.factual as f64
        }
    }

    pub fn precision_any(&self) -> f64 {
        if self.factual == 0 {
            0.0
        } else {
            self.factual_matching_any as f64 / self.factual as f64
        }
    }

    pub fn actor_recall(&self) -> f64 {
        Tally::ratio(self.actors_found, self.actors)
    }

    pub fn quote_recall(&self) -> f64 {
        Tally::ratio(self.quotes_found, self.quotes)
    }

    pub fn time_accuracy(&self) -> f64 {
        Tally::ratio(self.times_right, self.times)
    }

    /// Adds another tally into this one.
    pub fn add(&mut self, o: &Tally) {
        self.documents += o.documents;
        self.required += o.required;
        self.required_found += o.required_found;
        self.optional += o.optional;
        self.optional_found += o.optional_found;
        self.factual += o.factual;
        self.factual_matched += o.factual_matched;
        self.factual_matching_any += o.factual_matching_any;
        self.negatives += o.negatives;
        self.negatives_violated += o.negatives_violated;
        self.dated += o.dated;
        self.dated_right += o.dated_right;
        self.actors += o.actors;
        self.actors_found += o.actors_found;
        self.actor_negatives_violated += o.actor_negatives_violated;
        self.quotes += o.quotes;
        self.quotes_found += o.quotes_found;
        self.times += o.times;
        self.times_right += o.times_right;
        for (root, (n, f)) in &o.by_root {
            let e = self.by_root.entry(root.clone()).or_default();
            e.0 += n;
            e.1 += f;
        }
    }
}

/// One document scored: its figures and every miss, in score.py's words.
#[derive(Debug, Clone)]
pub struct DocScore {
    pub doc_id: String,
    pub tally: Tally,
    pub misses: Vec<String>,
    /// Predicted factual events no gold event claims: `(line, description)`.
    pub unmatched: Vec<(usize, String)>,
}

/// score.py's `norm`: curly quotes straightened, white space collapsed, quotes and
/// spaces stripped from the ends, lower case.
fn norm(s: &str) -> String {
    let s = s
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"");
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches(|c| c == ' ' || c == '"' || c == '\'')
        .to_lowercase()
}

/// The country score.py gives a role: its country, else the first three letters of its
/// code, upper case.
fn country(role: Option<&aras_schema::RoleRecord>) -> Option<String> {
    let r = role?;
    let c = r
        .country
        .clone()
        .unwrap_or_else(|| r.code.chars().take(3).collect());
    (!c.is_empty()).then(|| c.to_uppercase())
}

/// Scores one document's records against its gold.
pub fn score(gold: &GoldDoc, body: &str, records: &[Record]) -> DocScore {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(
            body.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect();
    let line_of = |off: usize| line_starts.partition_point(|&s| s <= off).saturating_sub(1);
    let mine = |r: &&Record| r.doc_id() == gold.doc_id;
    let events: Vec<&EventRecord> = records
        .iter()
        .filter(mine)
        .filter_map(|r| match r {
            Record::Event(e) if e.is_factual() => Some(e),
            _ => None,
        })
        .collect();
    let mut t = Tally {
        documents: 1,
        factual: events.len(),
        ..Tally::default()
    };
    let mut misses = Vec::new();
    let ev_line = |e: &EventRecord| line_of(e.evidence.start);
    let root_str = |r: Root| r.to_string();
    let matches = |g: &GoldEvent, e: &EventRecord| {
        let (s, tg) = (country(e.source.as_ref()), country(e.target.as_ref()));
        let mut pair = g.source.accepts(s.as_deref()) && g.target.accepts(tg.as_deref());
        if !pair && g.symmetric {
            pair = g.source.accepts(tg.as_deref()) && g.target.accepts(s.as_deref());
        }
        pair && g.roots.contains(&root_str(e.root)) && g.lines.contains(&ev_line(e))
    };
    let mut used = vec![false; events.len()];
    for g in &gold.events {
        let mut hit = None;
        for (k, e) in events.iter().enumerate() {
            if matches(g, e) {
                hit = Some(k);
                if let Some(d) = &g.date {
                    if e.date.as_deref().unwrap_or("").starts_with(d.as_str()) {
                        break;
                    }
                }
            }
        }
        if g.required {
            t.required += 1;
            let first = g.roots.first().cloned().unwrap_or_default();
            t.by_root.entry(first).or_default().0 += 1;
        } else {
            t.optional += 1;
        }
        let Some(k) = hit else {
            misses.push(format!("event {} missed: {}", g.id, g.desc));
            continue;
        };
        used[k] = true;
        if g.required {
            t.required_found += 1;
            let first = g.roots.first().cloned().unwrap_or_default();
            t.by_root.entry(first).or_default().1 += 1;
        } else {
            t.optional_found += 1;
        }
        if let Some(d) = &g.date {
            t.dated += 1;
            let got = events[k].date.as_deref().unwrap_or("");
            if got.starts_with(d.as_str()) {
                t.dated_right += 1;
            } else {
                misses.push(format!("event {} date {got:?}, want {d}", g.id));
            }
        }
    }
    t.factual_matched = used.iter().filter(|&&u| u).count();
    t.factual_matching_any = events
        .iter()
        .filter(|e| gold.events.iter().any(|g| matches(g, e)))
        .count();
    let unmatched = events
        .iter()
        .filter(|e| !gold.events.iter().any(|g| matches(g, e)))
        .map(|e| {
            let side = |r: Option<&aras_schema::RoleRecord>| {
                r.map_or("-".to_string(), |r| format!("{} ({})", r.code, r.text))
            };
            (
                ev_line(e),
                format!(
                    "{} -> {} {} [{}] {:?}",
                    side(e.source.as_ref()),
                    side(e.target.as_ref()),
                    e.cameo,
                    e.trigger.text,
                    e.evidence.text
                ),
            )
        })
        .collect();

    for g in &gold.negatives {
        t.negatives += 1;
        let any_source = matches!(&g.source, Codes::One(Some(s)) if s == "*");
        let violated = events.iter().find(|e| {
            if ev_line(e) != g.line || !g.roots.contains(&root_str(e.root)) {
                return false;
            }
            let (s, tg) = (country(e.source.as_ref()), country(e.target.as_ref()));
            if !any_source && !g.source.accepts(s.as_deref()) {
                return false;
            }
            match g.target.as_deref() {
                Some("*") => true,
                want => tg.as_deref() == want,
            }
        });
        if let Some(e) = violated {
            t.negatives_violated += 1;
            misses.push(format!(
                "negative {} violated by {:?}->{:?} {}: {}",
                g.id,
                country(e.source.as_ref()),
                country(e.target.as_ref()),
                e.cameo,
                g.desc
            ));
        }
    }

    let quotes: Vec<_> = records
        .iter()
        .filter(mine)
        .filter_map(|r| match r {
            Record::Quote(q) => Some(q),
            _ => None,
        })
        .collect();
    for g in &gold.quotes {
        t.quotes += 1;
        let want: String = norm(&g.starts).chars().take(25).collect();
        let ok = quotes.iter().any(|q| {
            if line_of(q.start) != g.line && line_of(q.end) != g.line {
                return false;
            }
            if !norm(&q.text).starts_with(&want) {
                return false;
            }
            let name = q
                .speaker
                .as_ref()
                .map_or(String::new(), |s| s.name.clone() + " ")
                .to_lowercase();
            g.speaker.iter().any(|a| name.contains(&a.to_lowercase()))
        });
        if ok {
            t.quotes_found += 1;
        } else {
            misses.push(format!(
                "quote {} missed or misattributed: {:?} by {}",
                g.id,
                g.starts,
                g.speaker.first().map_or("", String::as_str)
            ));
        }
    }

    let times: Vec<_> = records
        .iter()
        .filter(mine)
        .filter_map(|r| match r {
            Record::Time(x) => Some(x),
            _ => None,
        })
        .collect();
    for g in &gold.times {
        t.times += 1;
        let ok = times.iter().any(|x| {
            line_of(x.start) == g.line
                && norm(&x.text).contains(&norm(&g.text))
                && g.value
                    .iter()
                    .any(|a| x.value == *a || (a.len() < 4 && x.value.starts_with(a.as_str())))
        });
        if ok {
            t.times_right += 1;
        } else {
            misses.push(format!(
                "time {} {:?} missed or wrong (want {})",
                g.id,
                g.text,
                g.value.first().map_or("", String::as_str)
            ));
        }
    }

    let actors: Vec<_> = records
        .iter()
        .filter(mine)
        .filter_map(|r| match r {
            Record::Actor(a) => Some(a),
            _ => None,
        })
        .collect();
    let spans = |needle: &str| -> Vec<(usize, usize)> {
        if needle.is_empty() {
            return Vec::new();
        }
        body.match_indices(needle)
            .map(|(i, _)| (i, i + needle.len()))
            .collect()
    };
    for g in &gold.actors {
        t.actors += 1;
        let ok = spans(&g.text).iter().any(|&(s0, e0)| {
            actors.iter().any(|a| {
                let code = a.code.as_deref().unwrap_or("").to_uppercase();
                a.end > s0
                    && a.start < e0
                    && g.code_prefix.iter().any(|p| code.starts_with(p.as_str()))
            })
        });
        if ok {
            t.actors_found += 1;
        } else {
            misses.push(format!(
                "actor {} {:?} missed or miscoded (want {})",
                g.id,
                g.text,
                g.code_prefix.first().map_or("any code", String::as_str)
            ));
        }
    }
    for g in &gold.actor_negatives {
        let violated = spans(&g.text).iter().any(|&(s0, e0)| {
            actors.iter().any(|a| {
                a.code
                    .as_deref()
                    .unwrap_or("")
                    .to_uppercase()
                    .starts_with(g.forbid_prefix.as_str())
                    && a.start < e0
                    && a.end > s0
            })
        });
        if violated {
            t.actor_negatives_violated += 1;
            misses.push(format!("actor negative {} violated: {}", g.id, g.desc));
        }
    }
    DocScore {
        doc_id: gold.doc_id.clone(),
        tally: t,
        misses,
        unmatched,
    }
}

/// Runs the whole pipeline on a gold document's text and scores it. With `explain`, the
/// score's `unmatched` descriptions end with the parse of their sentence
/// (`form/UPOS/head/deprel`), for finding why a rule did not fire.
pub fn score_document(engine: &Engine, gold: &GoldDoc, body: String, explain: bool) -> DocScore {
    let doc = Document {
        id: gold.doc_id.clone(),
        title: None,
        date: gold.doc_date.clone(),
        source: None,
        url: None,
        lang: None,
        text: body,
        origin: Default::default(),
    };
    let reading = crate::read(engine, &doc);
    let records = crate::records::records(&reading);
    let mut scored = score(gold, &doc.text, &records);
    if explain {
        let a = &reading.analyzed;
        let parse_at = |line: usize| -> String {
            let start = doc
                .text
                .split('\n')
                .take(line)
                .map(|l| l.len() + 1)
                .sum::<usize>();
            let end = start
                + doc.text[start.min(doc.text.len())..]
                    .find('\n')
                    .unwrap_or(doc.text.len() - start.min(doc.text.len()));
            let mut out = String::new();
            for (s, an) in a.sentences.iter().zip(&a.syntax) {
                if s.end <= start || s.start >= end {
                    continue;
                }
                for (k, (t, w)) in s.tokens.iter().zip(&an.words).enumerate() {
                    out.push_str(&format!(
                        " {}:{}/{}/{}/{}",
                        k + 1,
                        t.text(&doc.text),
                        w.upos,
                        w.head,
                        w.deprel
                    ));
                }
                out.push_str(" |");
            }
            out
        };
        for (line, text) in &mut scored.unmatched {
            text.push_str("\n        parse:");
            text.push_str(&parse_at(*line));
        }
        for miss in &mut scored.misses {
            let lines = miss
                .strip_prefix("event ")
                .and_then(|m| m.split(' ').next())
                .and_then(|id| gold.events.iter().find(|e| e.id == id))
                .map(|e| e.lines.clone())
                .unwrap_or_default();
            for line in lines {
                miss.push_str(&format!("\n        line {line} parse:"));
                miss.push_str(&parse_at(line));
            }
        }
    }
    scored
}

/// The halves of a gold set, from its `documents.tsv` (`doc_id<TAB>half<TAB>...`; `#`
/// comments). Documents the file does not list have no half.
pub fn read_halves(path: &Path) -> Result<HashMap<String, String>, GoldError> {
    let text = std::fs::read_to_string(path).map_err(io(path))?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?.to_string(), cols.next()?.to_string()))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use aras_schema::{Modality, RoleRecord, SpanText};

    fn event(
        line_start: usize,
        s: &str,
        t: Option<&str>,
        cameo: &str,
        modality: Modality,
    ) -> Record {
        let role = |c: &str| RoleRecord {
            code: c.to_string(),
            country: Some(c.to_string()),
            text: c.to_string(),
            mention: None,
        };
        let cameo: aras_schema::CameoCode = cameo.parse().unwrap();
        Record::Event(EventRecord {
            doc_id: "d".into(),
            id: "e".into(),
            source: Some(role(s)),
            target: t.map(role),
            cameo,
            root: cameo.root(),
            plover: None,
            quad_class: cameo.quad_class(),
            goldstein: 0.0,
            date: None,
            date_precision: None,
            date_source: aras_schema::DateSource::Document,
            negated: false,
            modality,
            trigger: SpanText {
                text: String::new(),
                start: line_start,
                end: line_start + 1,
            },
            evidence: SpanText {
                text: String::new(),
                start: line_start,
                end: line_start + 1,
            },
            quote_id: None,
            confidence: 0.5,
            location: None,
        })
    }

    fn gold() -> GoldDoc {
        serde_json::from_str(
            r#"{"doc_id":"d","doc_date":"2020-01-01",
            "events":[
              {"id":"E1","desc":"attack","source":"ISR","target":["IRN",null],"roots":["19","18"],"lines":[0],"required":true},
              {"id":"E2","desc":"talks","source":"AZE","target":"ARM","roots":["04"],"lines":[2],"required":true,"symmetric":true},
              {"id":"E3","desc":"aid","source":"USA","target":"UKR","roots":["07"],"lines":[2],"required":false}],
            "negatives":[{"id":"N1","desc":"did not attack","line":2,"source":"*","target":"*","roots":["19"]}],
            "quotes":[],"times":[],"actors":[]}"#,
        )
        .unwrap()
    }

    #[test]
    fn events_match_by_line_pair_and_root_as_score_py_does() {
        let body = "Israel struck Iran.\n\nArmenia and Azerbaijan talked; nobody attacked.\n";
        let records = vec![
            event(0, "ISR", None, "190", Modality::Asserted),
            event(0, "ISR", Some("IRN"), "195", Modality::Asserted),
            event(21, "ARM", Some("AZE"), "040", Modality::Asserted),
            event(21, "ARM", Some("AZE"), "190", Modality::Hypothetical),
            event(21, "TUR", Some("AZE"), "111", Modality::Asserted),
        ];
        let s = score(&gold(), body, &records);
        let t = &s.tally;
        assert_eq!((t.required, t.required_found), (2, 2));
        assert_eq!((t.optional, t.optional_found), (1, 0));
        // Four factual events; E1 claims one of the two on line 0, E2 the talks.
        assert_eq!(
            (t.factual, t.factual_matched, t.factual_matching_any),
            (4, 2, 3)
        );
        // The hypothetical attack is not a fact: the negative holds.
        assert_eq!(t.negatives_violated, 0);
        assert_eq!(s.unmatched.len(), 1);
        assert_eq!(t.by_root["19"], (1, 1));
    }

    #[test]
    fn a_factual_event_on_a_negative_line_violates_it() {
        let body = "Israel struck Iran.\n\nArmenia and Azerbaijan talked; nobody attacked.\n";
        let records = vec![event(21, "ARM", Some("AZE"), "190", Modality::Asserted)];
        let s = score(&gold(), body, &records);
        assert_eq!(s.tally.negatives_violated, 1);
        assert_eq!(s.tally.required_found, 0);
    }

    #[test]
    fn norm_is_score_pys() {
        assert_eq!(norm("  \u{201c}We  will\n win,\u{201d} "), "we will win,");
        assert_eq!(norm("Baku\u{2019}s"), "baku's");
    }
}
