//! Queries, written once for both backends: a filter becomes a WHERE clause with bound
//! parameters (`$1`, `$2`, ...); user input never becomes SQL text.

use aras_relations::{EventRow, Unit};
use aras_schema::{numbers, CameoCode, Modality, PloverType, QuadClass, Root};
use jiff::civil::Date;
use serde::Serialize;

use crate::conn::{Backend, Conn, Value};
use crate::StoreError;

/// Which modalities a query keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ModalityFilter {
    /// Every event, whatever its modality (the library default: nothing is dropped
    /// unless asked).
    #[default]
    All,
    /// Asserted or reported and not negated: what the text says happened.
    Factual,
    /// Exactly these modalities.
    Only(Vec<Modality>),
}

impl std::str::FromStr for ModalityFilter {
    type Err = aras_schema::ParseError;

    /// `all`, `factual`, or a comma-separated list of modalities
    /// (`hypothetical,intended`); an unknown word is an error that lists the valid ones.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "all" => Ok(ModalityFilter::All),
            "factual" => Ok(ModalityFilter::Factual),
            list => list
                .split(',')
                .map(str::parse)
                .collect::<Result<Vec<Modality>, _>>()
                .map(ModalityFilter::Only)
                .map_err(|e| aras_schema::ParseError {
                    expected: format!("all, factual, or a comma-separated list of {}", e.expected),
                    ..e
                }),
        }
    }
}

/// Which events a query returns. Every field narrows; the default returns everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Either side's actor code starts with this (`ISR`, `ISRMIL`), or its country is it.
    pub actor: Option<String>,
    /// Either side's country is this.
    pub country: Option<String>,
    /// A pair of actors (each matched as `actor` is): source A and target B, or, unless
    /// `directed`, the other way round too.
    pub dyad: Option<(String, String)>,
    pub directed: bool,
    /// This CAMEO code or one of its sub-codes (`19`, `042`).
    pub cameo: Option<CameoCode>,
    /// CAMEO root.
    pub root: Option<Root>,
    /// PLOVER event type.
    pub plover: Option<PloverType>,
    pub quad_class: Option<QuadClass>,
    /// On or after this day (the event's date, else its document's publication date).
    pub from: Option<Date>,
    /// On or before this day.
    pub to: Option<Date>,
    pub modality: ModalityFilter,
    /// Document `source` (the publication), compared case-insensitively.
    pub publication: Option<String>,
    /// At most this many rows.
    pub limit: Option<usize>,
}

/// Which actor mentions or quotes a query returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MentionFilter {
    /// Actor (or quote speaker) code starts with this.
    pub actor: Option<String>,
    /// Actor country (for quotes: the speaker code's country).
    pub country: Option<String>,
    pub publication: Option<String>,
    /// Documents published on or after this day.
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub limit: Option<usize>,
}

/// One actor (code and country) across the store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRow {
    pub code: String,
    pub country: Option<String>,
    /// A name it is mentioned by (the most frequent surface text).
    pub example: String,
    pub mentions: u64,
    pub documents: u64,
}

/// One quote and its speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    pub doc_id: String,
    pub quote_id: String,
    pub published: Option<String>,
    pub publication: Option<String>,
    pub speaker: Option<String>,
    pub speaker_code: String,
    pub text: String,
    pub start: u64,
    pub end: u64,
}

/// One document found by full-text search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub doc_id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub publication: Option<String>,
    /// The passage around the match, matched words in square brackets.
    pub snippet: String,
}

/// One stored document's metadata (listings).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRow {
    pub doc_id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub published: Option<String>,
    pub publication: Option<String>,
    pub url: Option<String>,
    pub bytes: u64,
    pub events: u64,
    pub actors: u64,
    pub quotes: u64,
}

/// One stored document whole: its metadata, body and records (each record the JSON line
/// `aras analyze` wrote, offsets as UTF-8 byte offsets into `body`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDocument {
    #[serde(flatten)]
    pub meta: DocumentRow,
    pub body: String,
    pub document: serde_json::Value,
    pub actors: Vec<serde_json::Value>,
    pub times: Vec<serde_json::Value>,
    pub quotes: Vec<serde_json::Value>,
    /// Each event record with `cluster` (the store's cluster id) added.
    pub events: Vec<serde_json::Value>,
    pub claims: Vec<serde_json::Value>,
}

/// A WHERE clause under construction: conditions joined by AND, parameters numbered in
/// order.
#[derive(Default)]
struct Where {
    conditions: Vec<String>,
    params: Vec<Value>,
}

impl Where {
    /// Adds a parameter and returns its placeholder.
    fn param(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("${}", self.params.len())
    }

    fn push(&mut self, condition: String) {
        self.conditions.push(condition);
    }

    fn sql(&self) -> String {
        if self.conditions.is_empty() {
            "TRUE".into()
        } else {
            self.conditions.join(" AND ")
        }
    }
}

/// `LIKE` pattern for "starts with", with the pattern characters of the input escaped.
fn prefix_pattern(prefix: &str) -> String {
    let mut p = String::with_capacity(prefix.len() + 1);
    for c in prefix.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

fn code(s: &str) -> String {
    s.trim().to_ascii_uppercase()
}

/// Condition: event side `side` (source/target) is actor `a` (code prefix or country).
fn side_is(w: &mut Where, side: &str, a: &str) -> String {
    let pattern = w.param(prefix_pattern(&code(a)));
    let country = w.param(code(a));
    format!("(e.{side}_code LIKE {pattern} ESCAPE '\\' OR e.{side}_country = {country})")
}

fn event_where(f: &EventFilter) -> Result<Where, StoreError> {
    let mut w = Where::default();
    if let Some(a) = &f.actor {
        let s = side_is(&mut w, "source", a);
        let t = side_is(&mut w, "target", a);
        w.push(format!("({s} OR {t})"));
    }
    if let Some(c) = &f.country {
        let p = w.param(code(c));
        w.push(format!(
            "(e.source_country = {p} OR e.target_country = {p})"
        ));
    }
    if let Some((a, b)) = &f.dyad {
        let ab = format!(
            "({} AND {})",
            side_is(&mut w, "source", a),
            side_is(&mut w, "target", b)
        );
        if f.directed {
            w.push(ab);
        } else {
            let ba = format!(
                "({} AND {})",
                side_is(&mut w, "source", b),
                side_is(&mut w, "target", a)
            );
            w.push(format!("({ab} OR {ba})"));
        }
    }
    if let Some(c) = &f.cameo {
        // Codes are digits only, so the stored string starts with a code's digits exactly
        // when it is the code or one of its sub-codes.
        let p = w.param(prefix_pattern(c.as_str()));
        w.push(format!("e.cameo LIKE {p} ESCAPE '\\'"));
    }
    if let Some(r) = f.root {
        let p = w.param(r.to_string());
        w.push(format!("e.root = {p}"));
    }
    if let Some(pl) = f.plover {
        let p = w.param(pl.as_str());
        w.push(format!("UPPER(e.plover) = {p}"));
    }
    if let Some(q) = f.quad_class {
        let p = w.param(i64::from(q.number()));
        w.push(format!("e.quad_class = {p}"));
    }
    if let Some(from) = f.from {
        let p = w.param(from.to_string());
        w.push(format!("COALESCE(e.date_first, d.published) >= {p}"));
    }
    if let Some(to) = f.to {
        let p = w.param(to.to_string());
        w.push(format!("COALESCE(e.date_first, d.published) <= {p}"));
    }
    match &f.modality {
        ModalityFilter::All => {}
        ModalityFilter::Factual => {
            let p = w.param(true);
            w.push(format!("e.factual = {p}"));
        }
        ModalityFilter::Only(list) => {
            let ps: Vec<String> = list.iter().map(|m| w.param(m.as_str())).collect();
            if ps.is_empty() {
                w.push("FALSE".into());
            } else {
                w.push(format!("e.modality IN ({})", ps.join(", ")));
            }
        }
    }
    if let Some(src) = &f.publication {
        let p = w.param(src.trim().to_lowercase());
        w.push(format!("LOWER(d.source) = {p}"));
    }
    Ok(w)
}

fn limit_clause(w: &mut Where, limit: Option<usize>) -> String {
    match limit {
        Some(n) => format!(" LIMIT {}", w.param(n)),
        None => String::new(),
    }
}

const EVENT_COLUMNS: &str = "e.cluster_id, s.n_reports, s.n_documents, s.n_sources, d.doc_id, \
    e.event_id, e.source_code, e.source_country, e.source_text, e.target_code, e.target_country, \
    e.target_text, e.cameo, e.root, e.plover, e.quad_class, e.goldstein, e.date, e.date_first, \
    e.date_precision, e.date_source, d.published, d.source, e.negated, e.modality, \
    e.trigger_text, e.evidence_text, e.evidence_start, e.evidence_end, e.confidence, \
    d.url, d.title, e.record";

pub(crate) fn event_rows(
    conn: &mut Conn,
    f: &EventFilter,
    unit: Unit,
) -> Result<Vec<EventRow>, StoreError> {
    let mut w = event_where(f)?;
    let filter = w.sql();
    let selection = match unit {
        Unit::Reports => filter.clone(),
        // A cluster is shown by its first-stored report that matches the filter (lowest id:
        // stable as reports are added).
        Unit::Clusters => format!(
            "e.id IN (SELECT MIN(e.id) FROM events e JOIN documents d ON d.id = e.document_id \
             WHERE {filter} GROUP BY e.cluster_id)"
        ),
    };
    let limit = limit_clause(&mut w, f.limit);
    // The counts are of whole clusters, but only of the clusters the filter touches: a
    // query about one dyad does not count every cluster in the store.
    let sql = format!(
        "WITH s AS (SELECT e.cluster_id, COUNT(*) AS n_reports, \
         COUNT(DISTINCT e.document_id) AS n_documents, COUNT(DISTINCT d.source) AS n_sources \
         FROM events e JOIN documents d ON d.id = e.document_id \
         WHERE e.cluster_id IN (SELECT e.cluster_id FROM events e \
         JOIN documents d ON d.id = e.document_id WHERE {filter}) \
         GROUP BY e.cluster_id) \
         SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id \
         JOIN s ON s.cluster_id = e.cluster_id WHERE {selection} \
         ORDER BY COALESCE(e.date_first, d.published), e.id{limit}"
    );
    let rows = conn.query(&sql, &w.params)?;
    rows.into_iter().map(|r| event_row(&r)).collect()
}

fn date(v: &Value) -> Option<Date> {
    v.opt_text().and_then(|t| t.parse().ok())
}

/// A stored text column, `None` when NULL or empty (the store writes "" for a missing
/// side's code, country and text).
fn nonempty(v: &Value) -> Option<String> {
    v.opt_text().filter(|t| !t.is_empty())
}

/// A stored column of a closed vocabulary; a value the vocabulary does not know means the
/// store was written by something else.
fn parsed<T: std::str::FromStr<Err = aras_schema::ParseError>>(
    text: &str,
) -> Result<T, StoreError> {
    text.parse()
        .map_err(|e: aras_schema::ParseError| StoreError::Corrupt(e.to_string()))
}

fn event_row(r: &[Value]) -> Result<EventRow, StoreError> {
    let location = stored_location(&r[32].text())?;
    Ok(EventRow {
        cluster_id: r[0].int(),
        n_reports: r[1].int() as u32,
        n_documents: r[2].int() as u32,
        n_sources: r[3].int() as u32,
        doc_id: r[4].text(),
        event_id: r[5].text(),
        source_code: nonempty(&r[6]),
        source_country: nonempty(&r[7]),
        source_text: nonempty(&r[8]),
        target_code: nonempty(&r[9]),
        target_country: nonempty(&r[10]),
        target_text: nonempty(&r[11]),
        cameo: parsed(&r[12].text())?,
        root: parsed(&r[13].text())?,
        plover: nonempty(&r[14]).map(|p| parsed(&p)).transpose()?,
        quad_class: parsed(&r[15].int().to_string())?,
        goldstein: numbers::round_f32(r[16].real() as f32, numbers::GOLDSTEIN_DECIMALS),
        date_text: r[17].opt_text(),
        date: date(&r[18]),
        date_precision: r[19].opt_text().map(|p| parsed(&p)).transpose()?,
        date_source: parsed(&r[20].text())?,
        published: date(&r[21]),
        publication: r[22].opt_text(),
        negated: r[23].boolean(),
        modality: parsed(&r[24].text())?,
        trigger: r[25].text(),
        evidence: r[26].text(),
        evidence_start: r[27].int() as u32,
        evidence_end: r[28].int() as u32,
        // Stores written before issue 16 hold the coder's f32 noise (0.9000000357627869).
        confidence: numbers::round_f32(r[29].real() as f32, numbers::CONFIDENCE_DECIMALS),
        url: r[30].opt_text(),
        title: r[31].opt_text(),
        location_text: location.as_ref().map(|l| l.text.clone()),
        location_country: location.as_ref().map(|l| l.country.clone()),
        location_lat: location.as_ref().and_then(|l| l.lat),
        location_lon: location.as_ref().and_then(|l| l.lon),
    })
}

/// The event's place, read from its stored record (SCHEMA.md version 3): the events
/// table has no columns for it, and records written before version 3 have none.
fn stored_location(record: &str) -> Result<Option<aras_schema::LocationRecord>, StoreError> {
    #[derive(serde::Deserialize)]
    struct Located {
        #[serde(default)]
        location: Option<aras_schema::LocationRecord>,
    }
    serde_json::from_str::<Located>(record)
        .map(|l| l.location)
        .map_err(|e| StoreError::Corrupt(format!("stored event record: {e}")))
}

fn document_conditions(w: &mut Where, f: &MentionFilter) {
    if let Some(src) = &f.publication {
        let p = w.param(src.trim().to_lowercase());
        w.push(format!("LOWER(d.source) = {p}"));
    }
    if let Some(from) = f.from {
        let p = w.param(from.to_string());
        w.push(format!("d.published >= {p}"));
    }
    if let Some(to) = f.to {
        let p = w.param(to.to_string());
        w.push(format!("d.published <= {p}"));
    }
}

pub(crate) fn actors(conn: &mut Conn, f: &MentionFilter) -> Result<Vec<ActorRow>, StoreError> {
    let mut w = Where::default();
    w.push("a.code <> ''".into());
    if let Some(a) = &f.actor {
        let p = w.param(prefix_pattern(&code(a)));
        w.push(format!("a.code LIKE {p} ESCAPE '\\'"));
    }
    if let Some(c) = &f.country {
        let p = w.param(code(c));
        w.push(format!("a.country = {p}"));
    }
    document_conditions(&mut w, f);
    let filter = w.sql();
    let limit = limit_clause(&mut w, f.limit);
    // The example name is the most frequent surface text of the code (ties: first in
    // alphabetical order), so the listing is the same on both backends.
    let sql = format!(
        "WITH m AS (SELECT a.code, a.country, a.text, a.document_id FROM actors a \
         JOIN documents d ON d.id = a.document_id WHERE {filter}), \
         t AS (SELECT code, text, COUNT(*) AS n FROM m GROUP BY code, text), \
         best AS (SELECT t.code, MIN(t.text) AS text FROM t \
           WHERE t.n = (SELECT MAX(t2.n) FROM t t2 WHERE t2.code = t.code) GROUP BY t.code) \
         SELECT m.code, MAX(m.country), best.text, COUNT(*), COUNT(DISTINCT m.document_id) \
         FROM m JOIN best ON best.code = m.code GROUP BY m.code, best.text \
         ORDER BY COUNT(*) DESC, m.code{limit}"
    );
    let rows = conn.query(&sql, &w.params)?;
    Ok(rows
        .into_iter()
        .map(|r| ActorRow {
            code: r[0].text(),
            country: r[1].opt_text(),
            example: r[2].text(),
            mentions: r[3].int() as u64,
            documents: r[4].int() as u64,
        })
        .collect())
}

pub(crate) fn quotes(conn: &mut Conn, f: &MentionFilter) -> Result<Vec<QuoteRow>, StoreError> {
    let mut w = Where::default();
    if let Some(a) = &f.actor {
        let p = w.param(prefix_pattern(&code(a)));
        w.push(format!("q.speaker_code LIKE {p} ESCAPE '\\'"));
    }
    if let Some(c) = &f.country {
        let p = w.param(prefix_pattern(&code(c)));
        w.push(format!("q.speaker_code LIKE {p} ESCAPE '\\'"));
    }
    document_conditions(&mut w, f);
    let filter = w.sql();
    let limit = limit_clause(&mut w, f.limit);
    let sql = format!(
        "SELECT d.doc_id, q.quote_id, d.published, d.source, q.speaker_name, q.speaker_code, \
         q.text, q.span_start, q.span_end FROM quotes q JOIN documents d ON d.id = q.document_id \
         WHERE {filter} ORDER BY d.published, d.id, q.span_start{limit}"
    );
    let rows = conn.query(&sql, &w.params)?;
    Ok(rows
        .into_iter()
        .map(|r| QuoteRow {
            doc_id: r[0].text(),
            quote_id: r[1].text(),
            published: r[2].opt_text(),
            publication: r[3].opt_text(),
            speaker: r[4].opt_text(),
            speaker_code: r[5].text(),
            text: r[6].text(),
            start: r[7].int() as u64,
            end: r[8].int() as u64,
        })
        .collect())
}

const DOCUMENT_COLUMNS: &str = "d.doc_id, d.title, d.date, d.published, d.source, d.url, \
    d.bytes, d.n_events, d.n_actors, d.n_quotes";

fn document_row(r: &[Value]) -> DocumentRow {
    DocumentRow {
        doc_id: r[0].text(),
        title: r[1].opt_text(),
        date: r[2].opt_text(),
        published: r[3].opt_text(),
        publication: r[4].opt_text(),
        url: r[5].opt_text(),
        bytes: r[6].int() as u64,
        events: r[7].int() as u64,
        actors: r[8].int() as u64,
        quotes: r[9].int() as u64,
    }
}

fn record_json(text: &str) -> Result<serde_json::Value, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("stored record: {e}")))
}

pub(crate) fn document(
    conn: &mut Conn,
    doc_id: &str,
) -> Result<Option<StoredDocument>, StoreError> {
    let rows = conn.query(
        &format!(
            "SELECT {DOCUMENT_COLUMNS}, d.body, d.record, d.id FROM documents d \
             WHERE d.doc_id = $1 ORDER BY d.id LIMIT 1"
        ),
        &[doc_id.into()],
    )?;
    let Some(r) = rows.into_iter().next() else {
        return Ok(None);
    };
    let id = r[12].int();
    let mut records = |table: &str| -> Result<Vec<serde_json::Value>, StoreError> {
        conn.query(
            &format!("SELECT record FROM {table} WHERE document_id = $1 ORDER BY span_start, id"),
            &[id.into()],
        )?
        .iter()
        .map(|row| record_json(&row[0].text()))
        .collect()
    };
    let actors = records("actors")?;
    let times = records("times")?;
    let quotes = records("quotes")?;
    let claims = records("claims")?;
    let events = conn
        .query(
            "SELECT record, cluster_id FROM events WHERE document_id = $1 \
             ORDER BY evidence_start, id",
            &[id.into()],
        )?
        .iter()
        .map(|row| {
            let mut v = record_json(&row[0].text())?;
            if let Some(o) = v.as_object_mut() {
                o.insert("cluster".into(), row[1].int().into());
            }
            Ok(v)
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(Some(StoredDocument {
        meta: document_row(&r),
        body: r[10].text(),
        document: record_json(&r[11].text())?,
        actors,
        times,
        quotes,
        events,
        claims,
    }))
}

pub(crate) fn documents(
    conn: &mut Conn,
    f: &MentionFilter,
    offset: usize,
) -> Result<Vec<DocumentRow>, StoreError> {
    let mut w = Where::default();
    document_conditions(&mut w, f);
    let filter = w.sql();
    // SQLite takes no OFFSET without a LIMIT.
    let limit = match (f.limit, offset) {
        (None, 1..) => limit_clause(&mut w, Some(i64::MAX as usize)),
        (l, _) => limit_clause(&mut w, l),
    };
    let offset = if offset > 0 {
        format!(" OFFSET {}", w.param(offset))
    } else {
        String::new()
    };
    let sql = format!(
        "SELECT {DOCUMENT_COLUMNS} FROM documents d WHERE {filter} \
         ORDER BY d.published DESC, d.id{limit}{offset}"
    );
    Ok(conn
        .query(&sql, &w.params)?
        .iter()
        .map(|r| document_row(r))
        .collect())
}

/// The words of a search query (letters and digits), so that punctuation in what a person
/// types is never query syntax.
/// Each word once, in the order first typed: FTS5 ranks and snips every repetition, and
/// "said" 2,000 times once took 114 s (issue 16).
fn search_words(text: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| seen.insert(w.clone()))
        .collect()
}

/// The most distinct words a search may have, and the longest word: beyond them a query
/// is refused with a message rather than left to run for minutes.
pub const MAX_SEARCH_WORDS: usize = 32;
pub const MAX_SEARCH_WORD_CHARS: usize = 100;

pub(crate) fn search(
    conn: &mut Conn,
    text: &str,
    limit: usize,
) -> Result<Vec<SearchHit>, StoreError> {
    let words = search_words(text);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    if words.len() > MAX_SEARCH_WORDS {
        return Err(StoreError::Query(format!(
            "{} different words; a search takes at most {MAX_SEARCH_WORDS}",
            words.len()
        )));
    }
    if let Some(w) = words
        .iter()
        .find(|w| w.chars().count() > MAX_SEARCH_WORD_CHARS)
    {
        return Err(StoreError::Query(format!(
            "a word of {} characters; a search word has at most {MAX_SEARCH_WORD_CHARS}",
            w.chars().count()
        )));
    }
    let (sql, query) = match conn.backend() {
        // Each word quoted: an FTS5 string, all required (implicit AND).
        Backend::Sqlite => (
            "SELECT d.doc_id, d.title, d.date, d.source, \
             snippet(documents_fts, 1, '[', ']', '…', 16) \
             FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid \
             WHERE documents_fts MATCH $1 ORDER BY rank, d.id LIMIT $2",
            words
                .iter()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Backend::Postgres => (
            "SELECT d.doc_id, d.title, d.date, d.source, \
             ts_headline('english', d.body, plainto_tsquery('english', $1), \
               'StartSel=[, StopSel=], MaxWords=24, MinWords=8, FragmentDelimiter=…, MaxFragments=1') \
             FROM documents d WHERE d.search @@ plainto_tsquery('english', $1) \
             ORDER BY ts_rank(d.search, plainto_tsquery('english', $1)) DESC, d.id LIMIT $2",
            words.join(" "),
        ),
    };
    let rows = conn.query(sql, &[query.into(), limit.into()])?;
    Ok(rows
        .into_iter()
        .map(|r| SearchHit {
            doc_id: r[0].text(),
            title: r[1].opt_text(),
            date: r[2].opt_text(),
            publication: r[3].opt_text(),
            snippet: r[4].text().split_whitespace().collect::<Vec<_>>().join(" "),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_escape_like_syntax() {
        assert_eq!(prefix_pattern("ISR"), "ISR%");
        assert_eq!(prefix_pattern("a_b%"), "a\\_b\\%%");
    }

    #[test]
    fn search_queries_are_words_only() {
        assert_eq!(
            search_words("Iran's \"nuclear\" -sites OR"),
            vec!["iran", "s", "nuclear", "sites", "or"]
        );
    }

    /// Issue 16: "said" 2,000 times took 114 s; repeated words are searched once.
    #[test]
    fn issue16_search_words_are_deduplicated() {
        let query = "said ".repeat(2000) + "Said ceasefire said";
        assert_eq!(search_words(&query), vec!["said", "ceasefire"]);
    }

    #[test]
    fn filters_bind_parameters_in_order() {
        let f = EventFilter {
            dyad: Some(("aze".into(), "ISR".into())),
            directed: true,
            root: Some("4".parse().unwrap()),
            ..Default::default()
        };
        let w = event_where(&f).unwrap();
        assert_eq!(
            w.sql(),
            "((e.source_code LIKE $1 ESCAPE '\\' OR e.source_country = $2) AND \
             (e.target_code LIKE $3 ESCAPE '\\' OR e.target_country = $4)) AND e.root = $5"
        );
        assert_eq!(
            w.params,
            vec![
                Value::from("AZE%"),
                Value::from("AZE"),
                Value::from("ISR%"),
                Value::from("ISR"),
                Value::from("04")
            ]
        );
    }
}
