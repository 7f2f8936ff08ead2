//! Writing a batch of analysed documents: rows for every record, and each event placed in
//! its cluster. Runs inside the transaction [`crate::Store::ingest`] opened.

use std::collections::HashSet;

use crate::cluster::{self, ClusterKey, ClusterSpan};
use crate::conn::{Conn, Value};
use aras_schema::{EventRecord, RoleRecord};

use crate::records::DocumentRecords;
use crate::StoreError;

/// What a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct BatchOutcome {
    /// Documents stored.
    pub stored: u64,
    /// Documents skipped because their body hash was already stored.
    pub skipped: u64,
    /// Events stored.
    pub events: u64,
    /// Clusters created (the other events joined existing ones).
    pub new_clusters: u64,
}

/// Rows per multi-row INSERT: few statement shapes, few round trips, well under both
/// backends' parameter limits.
const ROWS_PER_INSERT: usize = 200;

pub(crate) fn write_batch(
    conn: &mut Conn,
    docs: &[DocumentRecords],
) -> Result<BatchOutcome, StoreError> {
    let mut outcome = BatchOutcome::default();
    let hashes: Vec<String> = docs.iter().map(|d| d.document.rec.sha256.clone()).collect();
    let mut seen: HashSet<String> = stored(conn, &hashes)?;
    let mut pending = Pending::default();
    for doc in docs {
        if !seen.insert(doc.document.rec.sha256.clone()) {
            outcome.skipped += 1;
            continue;
        }
        let id = insert_document(conn, doc)?;
        collect_children(id, doc, &mut pending);
        for ev in &doc.events {
            let (cluster, created) = place(conn, &ev.rec, doc.published())?;
            collect_event(id, cluster, ev, &mut pending);
            outcome.events += 1;
            outcome.new_clusters += u64::from(created);
        }
        outcome.stored += 1;
    }
    pending.flush(conn)?;
    Ok(outcome)
}

/// Rows waiting to be written, by table: the records of a whole batch go in a few large
/// INSERTs (a round trip per statement is what costs on PostgreSQL).
#[derive(Default)]
struct Pending {
    tables: Vec<PendingTable>,
}

struct PendingTable {
    table: &'static str,
    columns: &'static [&'static str],
    rows: Vec<Vec<Value>>,
}

impl Pending {
    fn add(
        &mut self,
        table: &'static str,
        columns: &'static [&'static str],
        rows: Vec<Vec<Value>>,
    ) {
        match self.tables.iter_mut().find(|t| t.table == table) {
            Some(t) => t.rows.extend(rows),
            None => self.tables.push(PendingTable {
                table,
                columns,
                rows,
            }),
        }
    }

    fn flush(self, conn: &mut Conn) -> Result<(), StoreError> {
        for t in self.tables {
            insert_rows(conn, t.table, t.columns, t.rows)?;
        }
        Ok(())
    }
}

fn stored(conn: &mut Conn, hashes: &[String]) -> Result<HashSet<String>, StoreError> {
    let mut found = HashSet::new();
    for chunk in hashes.chunks(500) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT sha256 FROM documents WHERE sha256 IN ({})",
            placeholders.join(", ")
        );
        let params: Vec<Value> = chunk.iter().map(Value::from).collect();
        for row in conn.query(&sql, &params)? {
            found.insert(row[0].text());
        }
    }
    Ok(found)
}

pub(crate) fn stored_hashes(
    conn: &mut Conn,
    hashes: &[String],
) -> Result<HashSet<String>, StoreError> {
    stored(conn, hashes)
}

fn insert_document(conn: &mut Conn, doc: &DocumentRecords) -> Result<i64, StoreError> {
    let d = &doc.document.rec;
    let published = doc.published().map(|p| p.to_string());
    let params: Vec<Value> = vec![
        d.doc_id.as_str().into(),
        d.sha256.as_str().into(),
        (&d.title).into(),
        (&d.date).into(),
        published.into(),
        (&d.source).into(),
        (&d.url).into(),
        d.lang.as_str().into(),
        d.bytes.into(),
        d.sentences.into(),
        d.tokens.into(),
        doc.actors.len().into(),
        doc.times.len().into(),
        doc.quotes.len().into(),
        doc.events.len().into(),
        doc.claims.len().into(),
        doc.body.as_str().into(),
        doc.document.json.as_str().into(),
        crate::now().into(),
    ];
    let row = conn.query_one(
        "INSERT INTO documents (doc_id, sha256, title, date, published, source, url, lang, bytes, \
         sentences, tokens, n_actors, n_times, n_quotes, n_events, n_claims, body, record, ingested_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) \
         RETURNING id",
        &params,
    )?;
    Ok(row.int())
}

/// Inserts `rows` into `table (columns)` a few dozen rows per statement.
fn insert_rows(
    conn: &mut Conn,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Value>>,
) -> Result<(), StoreError> {
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
        let mut params = Vec::with_capacity(chunk.len() * columns.len());
        for (r, row) in chunk.iter().enumerate() {
            if r > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for c in 0..columns.len() {
                if c > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", r * columns.len() + c + 1));
            }
            sql.push(')');
            params.extend(row.iter().cloned());
        }
        conn.execute(&sql, &params)?;
    }
    Ok(())
}

fn collect_children(id: i64, doc: &DocumentRecords, pending: &mut Pending) {
    let rows = doc
        .actors
        .iter()
        .map(|a| {
            let r = &a.rec;
            vec![
                id.into(),
                r.id.as_str().into(),
                r.text.as_str().into(),
                r.start.into(),
                r.end.into(),
                r.code.as_deref().unwrap_or("").into(),
                (&r.country).into(),
                (&r.sector).into(),
                r.kind.as_str().into(),
                (&r.name).into(),
                (&r.role).into(),
                r.resolved_by.as_str().into(),
                (&r.antecedent).into(),
                a.json.as_str().into(),
            ]
        })
        .collect();
    pending.add(
        "actors",
        &[
            "document_id",
            "mention_id",
            "text",
            "span_start",
            "span_end",
            "code",
            "country",
            "sector",
            "kind",
            "name",
            "role",
            "resolved_by",
            "antecedent",
            "record",
        ],
        rows,
    );
    let rows = doc
        .times
        .iter()
        .map(|t| {
            let r = &t.rec;
            vec![
                id.into(),
                r.id.as_str().into(),
                r.text.as_str().into(),
                r.start.into(),
                r.end.into(),
                r.value.as_str().into(),
                r.kind.as_str().into(),
                (&r.anchor).into(),
                t.json.as_str().into(),
            ]
        })
        .collect();
    pending.add(
        "times",
        &[
            "document_id",
            "time_id",
            "text",
            "span_start",
            "span_end",
            "value",
            "kind",
            "anchor",
            "record",
        ],
        rows,
    );
    let rows = doc
        .quotes
        .iter()
        .map(|q| {
            let r = &q.rec;
            let s = r.speaker.as_ref();
            vec![
                id.into(),
                r.id.as_str().into(),
                r.text.as_str().into(),
                r.start.into(),
                r.end.into(),
                s.map(|s| s.name.clone()).into(),
                s.map_or("", |s| s.code.as_deref().unwrap_or("")).into(),
                s.and_then(|s| s.mention.clone()).into(),
                s.map(|s| s.resolved_by.as_str()).into(),
                r.partial.into(),
                q.json.as_str().into(),
            ]
        })
        .collect();
    pending.add(
        "quotes",
        &[
            "document_id",
            "quote_id",
            "text",
            "span_start",
            "span_end",
            "speaker_name",
            "speaker_code",
            "speaker_mention",
            "speaker_resolved_by",
            "partial",
            "record",
        ],
        rows,
    );
    let rows = doc
        .claims
        .iter()
        .map(|c| {
            let r = &c.rec;
            let s = r.source.as_ref();
            vec![
                id.into(),
                r.id.as_str().into(),
                r.text.as_str().into(),
                r.start.into(),
                r.end.into(),
                r.subject.as_deref().unwrap_or("").into(),
                (&r.subject_text).into(),
                r.value.as_str().into(),
                (&r.qualifier).into(),
                (&r.measure).into(),
                (&r.period).into(),
                s.and_then(|s| s.name.clone()).into(),
                s.map(|s| s.code.clone().unwrap_or_default()).into(),
                s.and_then(|s| s.mention.clone()).into(),
                s.and_then(|s| s.cue.clone()).into(),
                c.json.as_str().into(),
            ]
        })
        .collect();
    pending.add(
        "claims",
        &[
            "document_id",
            "claim_id",
            "text",
            "span_start",
            "span_end",
            "subject",
            "subject_text",
            "value",
            "qualifier",
            "measure",
            "period",
            "source_name",
            "source_code",
            "source_mention",
            "source_cue",
            "record",
        ],
        rows,
    );
}

/// The cluster key of an event record.
pub(crate) fn key_of(ev: &EventRecord) -> ClusterKey {
    let side = |r: &Option<RoleRecord>| {
        r.as_ref().map_or(String::new(), |r| {
            cluster::side_key(r.country.as_deref().unwrap_or(""), &r.code)
        })
    };
    ClusterKey {
        source: side(&ev.source),
        target: side(&ev.target),
        root: ev.root.to_string(),
        factual: ev.is_factual(),
    }
}

/// Finds or creates the cluster an event belongs to; returns its id and whether it is new.
fn place(
    conn: &mut Conn,
    ev: &EventRecord,
    published: Option<jiff::civil::Date>,
) -> Result<(i64, bool), StoreError> {
    let key = key_of(ev);
    let interval = cluster::mergeable(&key, cluster::interval(ev.date.as_deref(), published));
    let key_params = || -> Vec<Value> {
        vec![
            key.source.as_str().into(),
            key.target.as_str().into(),
            key.root.as_str().into(),
            key.factual.into(),
        ]
    };
    if let Some(i) = interval {
        let mut params = key_params();
        // Only clusters whose every member can be within the window: the same test as
        // `ClusterSpan::admits`, done by the index.
        params.push((i.lo - cluster::DAY_WINDOW).into());
        params.push((i.hi + cluster::DAY_WINDOW).into());
        let candidates: Vec<(i64, ClusterSpan)> = conn
            .query(
                "SELECT id, lo_max, hi_min FROM clusters \
                 WHERE source_key = $1 AND target_key = $2 AND root = $3 AND factual = $4 \
                 AND mergeable = $7 AND hi_min >= $5 AND lo_max <= $6",
                &[params, vec![true.into()]].concat(),
            )?
            .into_iter()
            .map(|r| {
                (
                    r[0].int(),
                    ClusterSpan {
                        lo_max: r[1].int(),
                        hi_min: r[2].int(),
                    },
                )
            })
            .collect();
        if let Some(id) = cluster::best_cluster(&candidates, i) {
            let old = candidates
                .iter()
                .find(|(c, _)| *c == id)
                .map(|(_, s)| *s)
                .expect("chosen among candidates");
            let span = old.with(i);
            if span == old {
                return Ok((id, false));
            }
            conn.execute(
                "UPDATE clusters SET lo_max = $1, hi_min = $2 WHERE id = $3",
                &[span.lo_max.into(), span.hi_min.into(), id.into()],
            )?;
            return Ok((id, false));
        }
    }
    let span = interval.map(ClusterSpan::of);
    let mut params = key_params();
    params.extend([
        interval.is_some().into(),
        span.map(|s| s.lo_max).into(),
        span.map(|s| s.hi_min).into(),
    ]);
    let id = conn
        .query_one(
            "INSERT INTO clusters (source_key, target_key, root, factual, mergeable, lo_max, hi_min) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            &params,
        )?
        .int();
    Ok((id, true))
}

fn collect_event(
    document: i64,
    cluster: i64,
    ev: &crate::records::Stored<EventRecord>,
    pending: &mut Pending,
) {
    let r = &ev.rec;
    let empty = RoleRecord {
        code: String::new(),
        country: None,
        text: String::new(),
        mention: None,
    };
    let s = r.source.as_ref().unwrap_or(&empty);
    let t = r.target.as_ref().unwrap_or(&empty);
    let date_first = r
        .date
        .as_deref()
        .and_then(cluster::date_bounds)
        .map(|(first, _)| first.to_string());
    let params: Vec<Value> = vec![
        document.into(),
        cluster.into(),
        r.id.as_str().into(),
        s.code.as_str().into(),
        s.country.as_deref().unwrap_or("").into(),
        s.text.as_str().into(),
        (&s.mention).into(),
        t.code.as_str().into(),
        t.country.as_deref().unwrap_or("").into(),
        t.text.as_str().into(),
        (&t.mention).into(),
        r.cameo.as_str().into(),
        r.root.to_string().into(),
        r.plover.map_or("", |p| p.as_str()).into(),
        i64::from(r.quad_class.number()).into(),
        aras_schema::numbers::widen(r.goldstein).into(),
        (&r.date).into(),
        date_first.into(),
        r.date_precision.map(|p| p.as_str()).into(),
        r.date_source.as_str().into(),
        r.negated.into(),
        r.modality.as_str().into(),
        r.is_factual().into(),
        r.trigger.text.as_str().into(),
        r.trigger.start.into(),
        r.trigger.end.into(),
        r.evidence.text.as_str().into(),
        r.evidence.start.into(),
        r.evidence.end.into(),
        (&r.quote_id).into(),
        aras_schema::numbers::widen(r.confidence).into(),
        ev.json.as_str().into(),
    ];
    pending.add(
        "events",
        &[
            "document_id",
            "cluster_id",
            "event_id",
            "source_code",
            "source_country",
            "source_text",
            "source_mention",
            "target_code",
            "target_country",
            "target_text",
            "target_mention",
            "cameo",
            "root",
            "plover",
            "quad_class",
            "goldstein",
            "date",
            "date_first",
            "date_precision",
            "date_source",
            "negated",
            "modality",
            "factual",
            "trigger_text",
            "trigger_start",
            "trigger_end",
            "evidence_text",
            "evidence_start",
            "evidence_end",
            "quote_id",
            "confidence",
            "record",
        ],
        vec![params],
    );
}
