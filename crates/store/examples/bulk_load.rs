//! The store's share of `aras ingest`, timed alone (issue 14 item 4): analysis costs about
//! thirty times what storing does, so an end-to-end run hides the store's speed. This
//! takes records `aras analyze` already wrote and stores them, many copies over, in
//! batches as `aras ingest` does, timing only [`Store::ingest`].
//!
//! ```sh
//! aras analyze articles.jsonl > records.jsonl
//! cargo run --release -p aras-store --example bulk_load -- \
//!     records.jsonl articles.jsonl /tmp/bench.db [--docs 100000] [--batch 128] [--same-dates]
//! ```
//!
//! The last argument is a SQLite path or a `postgres://` URL (then `--schema NAME`, created
//! fresh, keeps the run apart from other data). Copy `k` of an article (k = 0, 1, ...) gets
//! the doc_id `ID~k`, its own body (the article plus a line naming the copy, so the store's
//! dedup by body hash keeps it) and, unless `--same-dates`, every date moved `k` years
//! later: each copy is a year of news like the original, so clusters form as they do in
//! the original corpus (`--same-dates` instead piles every copy into the original's
//! clusters: the worst case for cluster placement, 40-odd reports per cluster).
//!
//! Prints one JSON object: documents and events stored, seconds inside `Store::ingest`,
//! documents/s, events/s, peak RSS (VmHWM, read before the fingerprint below is
//! computed) and two fingerprints of the clusters (membership: which reports share a
//! cluster; ids: the cluster id of each report), to compare runs of different code.

use std::collections::HashMap;
use std::time::Instant;

use aras_store::{DocumentRecords, EventFilter, Store, Unit};

struct Args {
    records: String,
    articles: String,
    db: String,
    schema: Option<String>,
    docs: usize,
    batch: usize,
    same_dates: bool,
}

fn args() -> Result<Args, String> {
    let mut positional = Vec::new();
    let (mut docs, mut batch, mut same_dates, mut schema) = (100_000, 128, false, None);
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            it.next()
                .and_then(|v| v.parse().ok())
                .ok_or(format!("{name} needs a number"))
        };
        match a.as_str() {
            "--docs" => docs = number("--docs")?,
            "--batch" => batch = number("--batch")?.max(1),
            "--same-dates" => same_dates = true,
            "--schema" => schema = Some(it.next().ok_or("--schema needs a name")?),
            _ => positional.push(a),
        }
    }
    let [records, articles, db] = <[String; 3]>::try_from(positional).map_err(|_| {
        "usage: bulk_load RECORDS ARTICLES DB [--docs N] [--batch N] [--same-dates] [--schema NAME]"
    })?;
    Ok(Args {
        records,
        articles,
        db,
        schema,
        docs,
        batch,
        same_dates,
    })
}

/// One analysed article: its body and its records' JSON lines, ready to be copied (kept
/// as text: parsed values would take ten times the memory and swell the peak RSS).
struct Original {
    body: String,
    lines: Vec<String>,
}

fn load(records: &str, articles: &str) -> Result<Vec<Original>, Box<dyn std::error::Error>> {
    let mut bodies: HashMap<String, String> = HashMap::new();
    for line in std::fs::read_to_string(articles)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        if let (Some(id), Some(text)) = (v["id"].as_str(), v["text"].as_str()) {
            bodies.insert(id.to_string(), text.to_string());
        }
    }
    let mut out: Vec<Original> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for line in std::fs::read_to_string(records)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let Some(doc) = v["doc_id"].as_str().map(str::to_string) else {
            continue;
        };
        let Some(body) = bodies.get(&doc) else {
            continue;
        };
        let i = *index.entry(doc).or_insert_with(|| {
            out.push(Original {
                body: body.clone(),
                lines: Vec::new(),
            });
            out.len() - 1
        });
        out[i].lines.push(line.to_string());
    }
    Ok(out)
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// `1997-04-01` → `2000-04-01` for `years` = 3 (also `1997`, `1997-04`, timestamps); the
/// 29th of February becomes the 28th in a common year; anything else is left alone.
fn shift_years(date: &str, years: i64) -> String {
    let head = date.get(..4).and_then(|y| y.parse::<i64>().ok());
    let Some(year) = head.filter(|_| date.len() == 4 || date.as_bytes()[4] == b'-') else {
        return date.to_string();
    };
    let year = year + years;
    let mut rest = date[4..].to_string();
    if rest.starts_with("-02-29") && !is_leap(year) {
        rest.replace_range(..6, "-02-28");
    }
    format!("{year:04}{rest}")
}

/// Copy `k` of an article as the store takes it.
fn copy(original: &Original, k: usize, same_dates: bool) -> DocumentRecords {
    let body = format!("{}\n\n(copy {k})", original.body);
    let shift = if same_dates { 0 } else { k as i64 };
    let mut jsonl = String::new();
    for line in &original.lines {
        let mut v: serde_json::Value = serde_json::from_str(line).expect("read once already");
        let id = format!("{}~{k}", v["doc_id"].as_str().unwrap_or(""));
        v["doc_id"] = id.into();
        if let Some(date) = v["date"].as_str() {
            v["date"] = shift_years(date, shift).into();
        }
        if v["type"] == "document" {
            // The store dedups by this hash; a distinct one per copy (not the body's real
            // SHA-256, which the store does not recompute).
            let sha = v["sha256"].as_str().unwrap_or("").to_string();
            v["sha256"] = format!("{}{k:08x}", sha.get(..56).unwrap_or(&sha)).into();
            v["bytes"] = body.len().into();
        }
        jsonl.push_str(&v.to_string());
        jsonl.push('\n');
    }
    DocumentRecords::from_jsonl(body, &jsonl).expect("records aras analyze wrote")
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn fnv(h: u64, s: &str) -> u64 {
    s.bytes()
        .chain([0])
        .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = args()?;
    let originals = load(&a.records, &a.articles)?;
    if originals.is_empty() {
        return Err("no article has records".into());
    }
    let mut store = match &a.schema {
        Some(schema) if aras_store::is_postgres_url(&a.db) => {
            Store::open_postgres(&a.db, Some(schema))?
        }
        _ => Store::open(&a.db)?,
    };
    let (mut stored, mut events, mut seconds) = (0u64, 0u64, 0.0f64);
    let mut next = 0usize;
    while next < a.docs {
        let end = (next + a.batch).min(a.docs);
        let batch: Vec<DocumentRecords> = (next..end)
            .map(|n| {
                copy(
                    &originals[n % originals.len()],
                    n / originals.len(),
                    a.same_dates,
                )
            })
            .collect();
        let t = Instant::now();
        let outcome = store.ingest(&batch)?;
        seconds += t.elapsed().as_secs_f64();
        stored += outcome.stored;
        events += outcome.events;
        next = end;
    }
    let rss = peak_rss_kb();
    let counts = store.counts()?;
    let rows = store.event_rows(&EventFilter::default(), Unit::Reports)?;
    let mut reports: Vec<(&str, &str, i64)> = rows
        .iter()
        .map(|r| (r.doc_id.as_str(), r.event_id.as_str(), r.cluster_id))
        .collect();
    reports.sort_unstable();
    // A cluster named by its first report in (doc_id, event_id) order: independent of ids.
    let mut first: HashMap<i64, String> = HashMap::new();
    let (mut membership, mut ids) = (0xcbf2_9ce4_8422_2325u64, 0xcbf2_9ce4_8422_2325u64);
    for (doc, ev, cluster) in &reports {
        let name = first
            .entry(*cluster)
            .or_insert_with(|| format!("{doc}/{ev}"));
        membership = fnv(fnv(fnv(membership, doc), ev), name);
        ids = fnv(fnv(fnv(ids, doc), ev), &cluster.to_string());
    }
    let summary = serde_json::json!({
        "backend": format!("{:?}", store.backend()),
        "same_dates": a.same_dates,
        "batch": a.batch,
        "documents": stored,
        "events": events,
        "clusters": counts.clusters,
        "store_seconds": (seconds * 100.0).round() / 100.0,
        "documents_per_second": (stored as f64 / seconds).round(),
        "events_per_second": (events as f64 / seconds).round(),
        "peak_rss_mb": rss / 1024,
        "membership": format!("{membership:016x}"),
        "cluster_ids": format!("{ids:016x}"),
    });
    println!("{summary}");
    Ok(())
}
