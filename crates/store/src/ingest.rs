//! Writing a batch of analysed documents: rows for every record, and each event placed in
//! its cluster. Runs inside the transaction [`crate::Store::ingest`] opened.

use std::collections::{HashMap, HashSet};

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

/// Stores a batch in a fixed number of statements whatever its size (issue 14): which
/// bodies are stored already, the candidate clusters of all its events, ids for its
/// documents and new clusters, then one bulk write per table (COPY on PostgreSQL). Until
/// then each document was an INSERT and each event a SELECT plus an INSERT or UPDATE,
/// round trips that dominated on PostgreSQL. Rows get the ids, and events the clusters,
/// that writing them one by one gave.
pub(crate) fn write_batch(
    conn: &mut Conn,
    docs: &[DocumentRecords],
) -> Result<BatchOutcome, StoreError> {
    let mut outcome = BatchOutcome::default();
    let hashes: Vec<String> = docs.iter().map(|d| d.document.rec.sha256.clone()).collect();
    let mut seen: HashSet<String> = stored(conn, &hashes)?;
    let fresh: Vec<&DocumentRecords> = docs
        .iter()
        .filter(|d| seen.insert(d.document.rec.sha256.clone()))
        .collect();
    outcome.skipped = (docs.len() - fresh.len()) as u64;
    if fresh.is_empty() {
        return Ok(outcome);
    }
    let placement = place_all(conn, &fresh)?;
    let doc_ids = conn.reserve_ids("documents", fresh.len())?;
    let cluster_ids = conn.reserve_ids("clusters", placement.created.len())?;
    let real = |c: Home| match c {
        Home::Stored(id) => id,
        Home::New(n) => cluster_ids[n],
    };
    // Parents first: events refer to their document and their cluster.
    let rows: Vec<Vec<Value>> = fresh
        .iter()
        .zip(&doc_ids)
        .map(|(doc, id)| document_row(*id, doc))
        .collect();
    conn.bulk_insert("documents", DOCUMENT_COLUMNS, &rows)?;
    let rows: Vec<Vec<Value>> = placement
        .created
        .iter()
        .zip(&cluster_ids)
        .map(|(c, id)| {
            vec![
                (*id).into(),
                c.key.source.as_str().into(),
                c.key.target.as_str().into(),
                c.key.root.as_str().into(),
                c.key.factual.into(),
                c.span.is_some().into(),
                c.span.map(|s| s.lo_max).into(),
                c.span.map(|s| s.hi_min).into(),
            ]
        })
        .collect();
    conn.bulk_insert(
        "clusters",
        &[
            "id",
            "source_key",
            "target_key",
            "root",
            "factual",
            "mergeable",
            "lo_max",
            "hi_min",
        ],
        &rows,
    )?;
    update_spans(conn, &placement.widened)?;
    let mut pending = Pending::default();
    let mut homes = placement.homes.into_iter();
    for (doc, id) in fresh.iter().zip(&doc_ids) {
        collect_children(*id, doc, &mut pending);
        for ev in &doc.events {
            let home = homes.next().expect("one home per event");
            collect_event(*id, real(home), ev, &mut pending);
        }
        outcome.events += doc.events.len() as u64;
        outcome.stored += 1;
    }
    outcome.new_clusters = placement.created.len() as u64;
    pending.flush(conn)?;
    Ok(outcome)
}

/// Rows waiting to be written, by table: the records of a whole batch go in one bulk
/// write per table (a round trip per row is what cost on PostgreSQL).
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
            conn.bulk_insert(t.table, t.columns, &t.rows)?;
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

const DOCUMENT_COLUMNS: &[&str] = &[
    "id",
    "doc_id",
    "sha256",
    "title",
    "date",
    "published",
    "source",
    "url",
    "lang",
    "bytes",
    "sentences",
    "tokens",
    "n_actors",
    "n_times",
    "n_quotes",
    "n_events",
    "n_claims",
    "body",
    "record",
    "ingested_at",
];

/// A document's row (columns [`DOCUMENT_COLUMNS`]) under the id reserved for it.
fn document_row(id: i64, doc: &DocumentRecords) -> Vec<Value> {
    let d = &doc.document.rec;
    let published = doc.published().map(|p| p.to_string());
    vec![
        id.into(),
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
    ]
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

/// Where an event goes: a cluster already stored, or the n-th created in this batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Home {
    Stored(i64),
    New(usize),
}

/// A cluster created by this batch, with its members' span once the batch is placed.
struct Created {
    key: ClusterKey,
    span: Option<ClusterSpan>,
}

/// Every event of a batch placed: its home in event order, the clusters to create (in
/// creation order, which is id order) and the stored clusters whose span grew.
struct Placement {
    homes: Vec<Home>,
    created: Vec<Created>,
    widened: Vec<(i64, ClusterSpan)>,
}

/// Places a batch's events exactly as one query per event did: each event, in batch
/// order, joins the admitting cluster of its key nearest in date, ties to the lowest id,
/// else starts one, and later events see the clusters earlier ones created or widened.
///
/// One query (per thousand keys) fetches the stored clusters any event of the batch could
/// join: for each key, those within the window of the batch's earliest and latest dates.
/// That is every stored cluster a per-event query would have found, because a cluster's
/// span only narrows as members join (`lo_max` grows, `hi_min` shrinks), so a cluster
/// outside the window at the start of the batch stays outside. New clusters rank after
/// every stored one, as their ids will (ids are reserved after the stored ones, in
/// creation order). Runs under the write lock, so no other writer changes clusters
/// between this read and the writes.
fn place_all(conn: &mut Conn, docs: &[&DocumentRecords]) -> Result<Placement, StoreError> {
    let mut events: Vec<(ClusterKey, Option<cluster::Interval>)> = Vec::new();
    for doc in docs {
        for ev in &doc.events {
            let key = key_of(&ev.rec);
            let interval = cluster::mergeable(
                &key,
                cluster::interval(ev.rec.date.as_deref(), doc.published()),
            );
            events.push((key, interval));
        }
    }
    // Each key's window: the earliest and latest day any of its events can reach.
    let mut windows: HashMap<&ClusterKey, (i64, i64)> = HashMap::new();
    for (key, interval) in &events {
        if let Some(i) = interval {
            let w = windows
                .entry(key)
                .or_insert((i.lo - cluster::DAY_WINDOW, i.hi + cluster::DAY_WINDOW));
            w.0 = w.0.min(i.lo - cluster::DAY_WINDOW);
            w.1 = w.1.max(i.hi + cluster::DAY_WINDOW);
        }
    }
    let mut windows: Vec<(&ClusterKey, (i64, i64))> = windows.into_iter().collect();
    // A stable order: the same batch sends the same statements.
    windows.sort_unstable_by(|a, b| a.0.cmp(b.0));
    // Candidates by key, as (rank, span): a stored cluster ranks by its id, a new one
    // after all of them by creation order.
    let mut candidates: HashMap<ClusterKey, Vec<(i64, ClusterSpan)>> = HashMap::new();
    let mut original: HashMap<i64, ClusterSpan> = HashMap::new();
    for chunk in windows.chunks(KEYS_PER_QUERY) {
        let mut sql = String::from("SELECT c.id, c.source_key, c.target_key, c.root, c.factual, c.lo_max, c.hi_min FROM (VALUES ");
        let mut params: Vec<Value> = Vec::with_capacity(chunk.len() * 6);
        for (n, (key, (lo, hi))) in chunk.iter().enumerate() {
            let p = n * 6;
            if n > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "(CAST(${} AS TEXT), CAST(${} AS TEXT), CAST(${} AS TEXT), CAST(${} AS BOOLEAN), CAST(${} AS BIGINT), CAST(${} AS BIGINT))",
                p + 1, p + 2, p + 3, p + 4, p + 5, p + 6
            ));
            params.extend([
                key.source.as_str().into(),
                key.target.as_str().into(),
                key.root.as_str().into(),
                key.factual.into(),
                (*lo).into(),
                (*hi).into(),
            ]);
        }
        // The same test as `ClusterSpan::admits` against the window, done by the index.
        sql.push_str(
            ") AS k JOIN clusters c ON c.source_key = k.column1 AND c.target_key = k.column2 \
             AND c.root = k.column3 AND c.factual = k.column4 AND c.mergeable = TRUE \
             AND c.hi_min >= k.column5 AND c.lo_max <= k.column6",
        );
        for r in conn.query(&sql, &params)? {
            let key = ClusterKey {
                source: r[1].text(),
                target: r[2].text(),
                root: r[3].text(),
                factual: r[4].boolean(),
            };
            let span = ClusterSpan {
                lo_max: r[5].int(),
                hi_min: r[6].int(),
            };
            original.insert(r[0].int(), span);
            candidates.entry(key).or_default().push((r[0].int(), span));
        }
    }
    let mut homes = Vec::with_capacity(events.len());
    let mut created: Vec<Created> = Vec::new();
    let mut stored_spans: HashMap<i64, ClusterSpan> = HashMap::new();
    let rank_of_new = |n: usize| NEW_RANK + n as i64;
    for (key, interval) in events {
        let Some(i) = interval else {
            homes.push(Home::New(created.len()));
            created.push(Created { key, span: None });
            continue;
        };
        let list = candidates.entry(key.clone()).or_default();
        match cluster::best_cluster(list, i) {
            Some(rank) => {
                let entry = list
                    .iter_mut()
                    .find(|(r, _)| *r == rank)
                    .expect("chosen among candidates");
                entry.1 = entry.1.with(i);
                if rank >= NEW_RANK {
                    let n = (rank - NEW_RANK) as usize;
                    created[n].span = Some(entry.1);
                    homes.push(Home::New(n));
                } else {
                    stored_spans.insert(rank, entry.1);
                    homes.push(Home::Stored(rank));
                }
            }
            None => {
                list.push((rank_of_new(created.len()), ClusterSpan::of(i)));
                homes.push(Home::New(created.len()));
                created.push(Created {
                    key,
                    span: Some(ClusterSpan::of(i)),
                });
            }
        }
    }
    // Only the spans that changed are written back.
    let mut widened: Vec<(i64, ClusterSpan)> = stored_spans
        .into_iter()
        .filter(|(id, span)| original.get(id) != Some(span))
        .collect();
    widened.sort_unstable_by_key(|(id, _)| *id);
    Ok(Placement {
        homes,
        created,
        widened,
    })
}

/// Stored keys per candidate query: six parameters each, well under both backends'
/// limits (SQLite 32,766; PostgreSQL 65,535).
const KEYS_PER_QUERY: usize = 1000;

/// Ranks at and above this stand for clusters created in the batch (ids are far below).
const NEW_RANK: i64 = i64::MAX / 2;

/// Writes back the spans of stored clusters that new members narrowed, one statement per
/// few hundred clusters.
fn update_spans(conn: &mut Conn, spans: &[(i64, ClusterSpan)]) -> Result<(), StoreError> {
    for chunk in spans.chunks(500) {
        let mut sql = String::from(
            "UPDATE clusters SET lo_max = v.column2, hi_min = v.column3 FROM (VALUES ",
        );
        let mut params: Vec<Value> = Vec::with_capacity(chunk.len() * 3);
        for (n, (id, span)) in chunk.iter().enumerate() {
            let p = n * 3;
            if n > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!(
                "(CAST(${} AS BIGINT), CAST(${} AS BIGINT), CAST(${} AS BIGINT))",
                p + 1,
                p + 2,
                p + 3
            ));
            params.extend([(*id).into(), span.lo_max.into(), span.hi_min.into()]);
        }
        sql.push_str(") AS v WHERE clusters.id = v.column1");
        conn.execute(&sql, &params)?;
    }
    Ok(())
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
